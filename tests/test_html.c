/* test_html.c -- unit tests of the HTML-to-text extractor (src/html.c).
 *
 * Every rule of html.h has a test: what is dropped, what is kept, entity
 * decoding, whitespace and breaks, charsets, article preference, title
 * and date, and robustness on broken or hostile markup.  A realistic
 * small news page checks the whole at once against its exact text.
 *
 * `test_html --bench [MB]` instead times html_extract on a synthetic page
 * of about MB megabytes (default 10) and prints the throughput. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../include/dyad.h"
#include "../src/html.h"
#include "../src/strbuf.h"
#include "test.h"
#include "utf8_oracle.h"

static strbuf g_out, g_title, g_date;

/* Extract s (n bytes) into the global buffers; returns the text. */
static const char *xn(const char *s, size_t n) {
    sb_reset(&g_out);
    sb_reset(&g_title);
    sb_reset(&g_date);
    int rc = html_extract(s, n, &g_out, &g_title, &g_date);
    CHECK_INT(rc, DYAD_OK);
    return g_out.s ? g_out.s : "";
}

static const char *x(const char *s) { return xn(s, strlen(s)); }
static const char *title(void) { return g_title.s ? g_title.s : ""; }
static const char *date(void) { return g_date.s ? g_date.s : ""; }

/* The output invariants: valid UTF-8, no edge whitespace, at most one
 * blank line in a row. */
static int well_formed(const strbuf *b) {
    if (!b->len) return 1;
    const char *s = b->s;
    if (!valid_utf8((const unsigned char *)s, b->len)) return 0;
    if (s[0] == ' ' || s[0] == '\n' || s[b->len - 1] == ' ' || s[b->len - 1] == '\n') return 0;
    if (strstr(s, "\n\n\n") || strstr(s, " \n")) return 0; /* "  " and "\n " are fine in <pre> */
    return 1;
}

/* ---- API edges ---------------------------------------------------------- */

static void test_null_empty(void) {
    strbuf o;
    sb_init(&o);
    CHECK_INT(html_extract(NULL, 0, &o, NULL, NULL), DYAD_OK);
    CHECK_INT(o.len, 0);
    CHECK_INT(html_extract("", 0, &o, NULL, NULL), DYAD_OK);
    CHECK_INT(o.len, 0);
    CHECK_INT(html_extract(NULL, 3, &o, NULL, NULL), DYAD_EINVAL);
    CHECK_INT(html_extract("<p>x</p>", 8, NULL, NULL, NULL), DYAD_EINVAL);
    CHECK_INT(html_extract("<p>hi</p>", 9, &o, NULL, NULL), DYAD_OK);
    CHECK_STR(o.s, "hi");
    /* Appends to what the buffer holds. */
    CHECK_INT(html_extract("<p>  there </p>", 15, &o, NULL, NULL), DYAD_OK);
    CHECK_STR(o.s, "hithere");
    sb_free(&o);
    CHECK_STR(x("   \n\t  "), "");
    CHECK_STR(x("<html><body></body></html>"), "");
    CHECK_STR(x("plain text, no tags"), "plain text, no tags");
    CHECK_INT(html_selfcheck(), 0);
}

/* ---- dropping ------------------------------------------------------------- */

static void test_drop_raw(void) {
    CHECK_STR(x("a<script>var x = '<p>no</p>';</script>b"), "ab");
    CHECK_STR(x("a<SCRIPT type=\"text/javascript\">var s = \"</script>\"; f(a < b);</SCRIPT>b"),
              "a\"; f(a < b);b"); /* ends at the first </script, as browsers do */
    CHECK_STR(x("a<style>p { content: '</p>' }</style>b"), "ab");
    CHECK_STR(x("a<noscript><p>Enable JS</p></noscript>b"), "ab");
    CHECK_STR(x("a<template><p>tpl</p></template>b"), "ab");
    CHECK_STR(x("a<svg><title>icon</title><text>svg</text></svg>b"), "ab");
    CHECK_STR(x("a<iframe src=x>fallback <b>text</b></iframe>b"), "ab");
    CHECK_STR(x("a<textarea>typed</textarea>b"), "ab");
    CHECK_STR(x("a<script src=x.js></script >b"), "ab");
    CHECK_STR(x("a<script>never closed <p>x</p>"), "a");
    CHECK_STR(x("a<script/>b"), "ab"); /* self-closed: nothing swallowed */
    CHECK_STR(x("<p>x</p><script>"), "x");
    CHECK_STR(x("<head><title>T</title><meta name=x content=y><link rel=a>head text?</head><p>body</p>"),
              "head text?\n\nbody"); /* text in head starts the body, as in browsers */
    CHECK_STR(x("<html><head><script>1</script>\n<style>2</style></head>\n<body>\n<p>ok</p></body></html>"),
              "ok");
}

static void test_drop_comments(void) {
    CHECK_STR(x("a<!-- hidden <p>x</p> -->b"), "ab");
    CHECK_STR(x("a<!---->b<!-->c<!--->d"), "abcd");
    CHECK_STR(x("a<!-- x -- y -->b"), "ab");
    CHECK_STR(x("a<!-- unterminated <p>rest</p>"), "a");
    CHECK_STR(x("a<![CDATA[ <p>x</p> ]]>b"), "ab");
    CHECK_STR(x("<!DOCTYPE html><p>a</p>"), "a");
    CHECK_STR(x("<?xml version=\"1.0\"?><p>a</p>"), "a");
    CHECK_STR(x("a</>b</ junk>c"), "abc");
    CHECK_STR(x("a<!bogus>b"), "ab");
}

static void test_drop_chrome(void) {
    CHECK_STR(x("<nav><a>Home</a></nav><p>text</p>"), "text");
    CHECK_STR(x("<header><a>Site</a></header><p>text</p><footer>(c) Site</footer>"), "text");
    CHECK_STR(x("<p>a</p><aside>Also read</aside><p>b</p>"), "a\n\nb");
    CHECK_STR(x("<form><label>Email</label><input><button>Go</button></form><p>b</p>"), "b");
    CHECK_STR(x("<p>a <button>Click</button>b <select><option>One</option></select>c</p>"), "a b c");
    CHECK_STR(x("<div role=\"navigation\">Menu</div><div role=banner>Logo</div><p>t</p>"
                "<div role=\"contentinfo\">About</div>"),
              "t");
    CHECK_STR(x("<p>a</p><div hidden>secret</div><div style=\"display: none\">x</div>"
                "<span style='visibility:hidden'>y</span><p style=\"color:red\">b</p>"),
              "a\n\nb");
    /* aria-hidden is often a drop cap: kept. */
    CHECK_STR(x("<p><span aria-hidden=\"true\">T</span>he envoy spoke.</p>"), "The envoy spoke.");
    /* A <header> inside the article holds the headline: kept. */
    CHECK_STR(x("<header>Site</header><article><header><h1>Head</h1><p>By X</p></header><p>Body.</p></article>"),
              "Head\n\nBy X\n\nBody.");
    /* Dropped chrome inside a kept paragraph leaves the words apart. */
    CHECK_STR(x("<p>one<nav>x</nav>two</p>"), "one\n\ntwo");
}

static void test_drop_class(void) {
    CHECK_STR(x("<div class=\"share-buttons\"><a>Share</a></div><p>text</p>"), "text");
    CHECK_STR(x("<div id=\"cookie-banner\">We use cookies</div><p>text</p>"), "text");
    CHECK_STR(x("<div class=\"ad\">Buy!</div><p>text</p>"), "text");
    CHECK_STR(x("<div class=\"box ad-slot\">Buy!</div><p>text</p>"), "text");
    CHECK_STR(x("<div class=\"c-social__links\">f t</div><p>text</p>"), "text");
    CHECK_STR(x("<div class=\"adSlot\">Buy!</div><p>text</p>"), "text");
    CHECK_STR(x("<ul class=\"main-menu\"><li>Home</li></ul><p>text</p>"), "text");
    CHECK_STR(x("<section class=\"related-articles\"><p>Other</p></section><p>text</p>"), "text");
    CHECK_STR(x("<div class=\"newsletter\">Sign up</div><div id=comments>Nice!</div><p>text</p>"), "text");
    CHECK_STR(x("<p>text<span class=\"sr-only\">(opens in new window)</span></p>"), "text");
    /* Not chrome: whole words only, and state or taxonomy classes. */
    CHECK_STR(x("<div class=\"article-header\">Head</div><div class=\"shadow\">Shade</div>"), "Head\n\nShade");
    CHECK_STR(x("<p class=\"navy headline lead add-to-cart\">kept</p>"), "kept");
    CHECK_STR(x("<div class=\"page has-sidebar with-ads\"><p>kept</p></div>"), "kept");
    CHECK_STR(x("<div class=\"post tag-social category-comment\"><p>kept</p></div>"), "kept");
    CHECK_STR(x("<div class=\"advertorial commentary\"><p>kept</p></div>"), "kept");
    CHECK_STR(x("<p>Turnout: <span class=\"popular-vote\">51%</span> for her.</p>"), "Turnout: 51% for her.");
    CHECK_STR(x("<p>text</p><div class=\"most-read\">Top 10</div>"), "text");
    /* The words around a cut inline element stay apart. */
    CHECK_STR(x("<p>before <span class=\"share\">Tweet</span>after</p>"), "before after");
    CHECK_STR(x("<p>before<span class=\"share\">Tweet</span> after</p>"), "before after");
    CHECK_STR(x("<p>a</p><div class=\"share\">x</div><p>b</p>"), "a\n\nb");
    /* A chrome-looking wrapper that holds the article is not cut. */
    CHECK_STR(x("<div class=\"tone-comment\"><article><h1>Op-ed</h1><p>Body."
                "<span class=\"share\">Share</span></p></article></div>"),
              "Op-ed\n\nBody.");
    /* Without an article, a chrome wrapper holding the h1 and most of the
     * page stays; so does a page that is nothing but "chrome". */
    CHECK_STR(x("<div class=\"comments-layout\"><h1>Title</h1><p>Long story text here, most of the page.</p>"
                "<div class=\"share\">Share</div></div><p>x</p>"),
              "Title\n\nLong story text here, most of the page.\n\nx");
    CHECK_STR(x("<div class=\"comments\"><p>Long comment text, most of the page.</p></div><p>x</p>"), "x");
    CHECK_STR(x("<div class=\"share\"><p>all there is</p></div>"), "all there is");
    CHECK_STR(x("<p>a<template><p>b</p></template>c</p>"), "ac");
}

/* ---- article preference ----------------------------------------------------- */

static void test_article(void) {
    CHECK_STR(x("<div>Top stories: A, B, C</div><article><p>The story.</p></article><div>More links</div>"),
              "The story.");
    /* The h1 outside the article is put in front. */
    CHECK_STR(x("<h1>Headline</h1><div>junk</div><article><p>The story.</p></article><p>tail</p>"),
              "Headline\n\nThe story.");
    CHECK_STR(x("<div>menu</div><main><h2>Sub</h2><p>Main text.</p></main><div>foot</div>"), "Sub\n\nMain text.");
    CHECK_STR(x("<div>x</div><div itemprop=\"articleBody\"><p>Body text.</p></div><div>y</div>"), "Body text.");
    /* Several articles: the largest one. */
    CHECK_STR(x("<article>Short teaser.</article><article><p>The long and real story of the day.</p></article>"),
              "The long and real story of the day.");
    /* A teaser <article> with a small share of the page is not the story. */
    CHECK_STR(x("<div class=story><p>The real story has a lot more text than any teaser on the page, "
                "and it goes on for a while, sentence after sentence.</p></div><article>Teaser</article>"),
              "The real story has a lot more text than any teaser on the page, "
              "and it goes on for a while, sentence after sentence.\n\nTeaser");
    /* The article beats main; chrome inside the article is still cut. */
    CHECK_STR(x("<main><div>Breadcrumb text</div><article><p>A.</p><div class=share>S</div><p>B.</p></article></main>"),
              "A.\n\nB.");
    /* An unclosed h1 holding the article is not repeated in front of it. */
    CHECK_STR(x("<h1>Head<article><p>Body text.</p></article>"), "Head\n\nBody text.");
    /* Unclosed article runs to the end. */
    CHECK_STR(x("<h1>H</h1><article><p>A.<p>B."), "H\n\nA.\n\nB.");
}

/* ---- entities --------------------------------------------------------------- */

static void test_entities(void) {
    CHECK_STR(x("&amp; &lt;&gt; &quot;&apos; &mdash;&ndash; &rsquo;&lsquo;&ldquo;&rdquo; &hellip;"),
              "& <> \"' \xE2\x80\x94\xE2\x80\x93 \xE2\x80\x99\xE2\x80\x98\xE2\x80\x9C\xE2\x80\x9D \xE2\x80\xA6");
    CHECK_STR(x("caf&eacute; &Eacute;t&eacute; &euro;5 &pound;3 &copy; &reg; &trade; &deg; &times;"),
              "caf\xC3\xA9 \xC3\x89t\xC3\xA9 \xE2\x82\xAC" "5 \xC2\xA3" "3 \xC2\xA9 \xC2\xAE \xE2\x84\xA2 \xC2\xB0 \xC3\x97");
    CHECK_STR(x("&alpha;&Omega;&larr;&rArr;&infin;&ne;&le;&spades;&loz;&thinsp;"),
              "\xCE\xB1\xCE\xA9\xE2\x86\x90\xE2\x87\x92\xE2\x88\x9E\xE2\x89\xA0\xE2\x89\xA4\xE2\x99\xA0\xE2\x97\x8A"
              "\xE2\x80\x89");
    CHECK_STR(x("&#8217; &#x2019; &#X2019; &#39;&#x27;"), "\xE2\x80\x99 \xE2\x80\x99 \xE2\x80\x99 ''");
    /* 0x80-0x9F are Windows-1252. */
    CHECK_STR(x("&#150; &#151; &#147;q&#148; &#128; &#x92;"),
              "\xE2\x80\x93 \xE2\x80\x94 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x82\xAC \xE2\x80\x99");
    /* Invalid references: U+FFFD. */
    CHECK_STR(x("&#0; &#xD800; &#x110000; &#99999999999; &#129; &#1;"),
              "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
    CHECK_STR(x("&#x1F600;"), "\xF0\x9F\x98\x80");
    /* Missing semicolons on the legacy names; a lone & stays. */
    CHECK_STR(x("AT&T R&D &amp &lt &copy2024 &eacutex"), "AT&T R&D & < \xC2\xA9" "2024 \xC3\xA9x");
    CHECK_STR(x("a & b && c &; &# &#x; &#xg; &unknown; &mdash"), "a & b && c &; &# &#x; &#xg; &unknown; &mdash");
    CHECK_STR(x("&notit; &notin;"), "\xC2\xACit; \xE2\x88\x89");
    CHECK_STR(x("&AMP; &COPY; &Amp;"), "& \xC2\xA9 &Amp;");
    /* &nbsp; is a plain space and collapses like one. */
    CHECK_STR(x("a&nbsp;b&nbsp;&nbsp; c &nbsp;"), "a b c");
    CHECK_STR(x("a\xC2\xA0" "b"), "a b");
    CHECK_STR(x("inter&shy;national"), "international");
    CHECK_STR(x("a&#10;b&#9;c"), "a b c");
    /* Entities in attribute values (meta content). */
    x("<meta property=\"og:title\" content=\"Q&amp;A: &quot;Why&quot; &copy=x &ampy\"><p>t</p>");
    CHECK_STR(title(), "Q&A: \"Why\" &copy=x &ampy");
}

/* ---- whitespace and breaks ------------------------------------------------------ */

static void test_whitespace(void) {
    CHECK_STR(x("  a  \n\n b\t\tc  "), "a b c");
    CHECK_STR(x("<p>one</p><p>two</p>"), "one\n\ntwo");
    CHECK_STR(x("<h1>Title</h1>\n<p>Body</p>"), "Title\n\nBody");
    CHECK_STR(x("line1<br>line2<BR/>line3"), "line1\nline2\nline3");
    CHECK_STR(x("a<br><br>b<br>\n<br/>c"), "a\n\nb\n\nc");
    CHECK_STR(x("<ul><li>one</li><li>two</li></ul><ol><li>three<li>four</ol>"), "one\n\ntwo\n\nthree\n\nfour");
    CHECK_STR(x("<table><tr><td>a</td><td>b</td></tr><tr><th>c<th>d</table>"), "a b\n\nc d");
    CHECK_STR(x("<div><div><p>deep</p></div></div><blockquote>q</blockquote>"), "deep\n\nq");
    CHECK_STR(x("<p>a</p>\n\n\n<p></p><div> </div><p>b</p>"), "a\n\nb");
    CHECK_STR(x("<b>bold</b> <i>it</i><span>x</span><span>y</span>"), "bold itxy");
    CHECK_STR(x("<dl><dt>term</dt><dd>def</dd></dl>x<hr>y"), "term\n\ndef\n\nx\n\ny");
    CHECK_STR(x("<figure><img src=a><figcaption>Cap</figcaption></figure><section>s</section>"), "Cap\n\ns");
    CHECK_STR(x("<p>a <br> b</p>"), "a\nb");
    CHECK_STR(x("</p>a</p>b"), "a\n\nb"); /* stray end tags still break */
    CHECK_STR(x("<p>He said <q>yes</q>.</p>"), "He said \xE2\x80\x9Cyes\xE2\x80\x9D.");
}

static void test_pre(void) {
    CHECK_STR(x("<p>a</p><pre>\n  x = 1;\n  y  =  2;\n\n\n\nz\n</pre><p>b</p>"),
              "a\n\n  x = 1;\n  y  =  2;\n\nz\n\nb");
    CHECK_STR(x("<pre>a\r\nb\rc</pre>"), "a\nb\nc");
    CHECK_STR(x("<pre>  lead</pre>"), "lead"); /* no leading whitespace in the output */
    CHECK_STR(x("<pre>a   </pre>b"), "a\n\nb");
    CHECK_STR(x("<pre>a &amp;&nbsp; b</pre>"), "a &  b");
}

/* ---- charsets ---------------------------------------------------------------- */

static void test_charset(void) {
    /* Declared Windows-1252. */
    CHECK_STR(x("<meta charset=\"windows-1252\"><p>caf\xE9 \x93q\x94 \x80" "5 \x85</p>"),
              "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x82\xAC" "5 \xE2\x80\xA6");
    CHECK_STR(x("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
                "<title>Se\xF1or</title><p>na\xEFve\xA0" "x</p>"),
              "na\xC3\xAFve x");
    CHECK_STR(title(), "Se\xC3\xB1or");
    CHECK_STR(x("<meta charset=iso-8859-15><p>\xA4" "5</p>"), "\xE2\x82\xAC" "5");
    /* Declared Latin-1 but valid UTF-8: it is UTF-8. */
    CHECK_STR(x("<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>"), "caf\xC3\xA9");
    /* Undeclared: invalid bytes are Windows-1252, valid UTF-8 passes. */
    CHECK_STR(x("<p>caf\xE9 \xC3\xA9t\xC3\xA9 \x92 \xE2\x82\xAC \xF0\x9F\x98\x80</p>"),
              "caf\xC3\xA9 \xC3\xA9t\xC3\xA9 \xE2\x80\x99 \xE2\x82\xAC \xF0\x9F\x98\x80");
    CHECK_STR(x("\xEF\xBB\xBF<p>bom</p>"), "bom");
    CHECK_STR(x("a\xC2\x96" "b \xED\xA0\x80 \xC0\xAF \x81"),
              "a\xE2\x80\x93" "b \xC3\xAD \xE2\x82\xAC \xC3\x80\xC2\xAF \xEF\xBF\xBD");
    CHECK_STR(xn("a\0b\x01" "c", 5), "abc");
    /* Unknown charsets: read as UTF-8, still valid output. */
    CHECK_STR(x("<meta charset=shift_jis><p>\x82\xA0</p>"), "\xE2\x80\x9A");
}

/* ---- title and date ---------------------------------------------------------- */

static void test_title_date(void) {
    x("<title>  A &amp;\n B  </title><h1>H</h1>");
    CHECK_STR(title(), "A & B");
    x("<meta property=\"og:title\" content=\"OG\"><h1>H</h1>");
    CHECK_STR(title(), "OG");
    x("<title>T</title><meta property=og:title content=OG>");
    CHECK_STR(title(), "T");
    x("<nav><h1>Site</h1></nav><h1>Big <br>news</h1><p>x</p>");
    CHECK_STR(title(), "Big news");
    x("<svg><title>Icon</title></svg><p>x</p>");
    CHECK_STR(title(), "");
    x("<TITLE>Upper</TITLE>");
    CHECK_STR(title(), "Upper");
    x("<title></title><h1>From h1</h1>");
    CHECK_STR(title(), "From h1");

    x("<meta property=\"article:published_time\" content=\" 2024-03-05T10:00:00Z\">"
      "<meta name=date content=2020-01-01><time datetime=\"2019-01-01\">x</time>");
    CHECK_STR(date(), "2024-03-05T10:00:00Z");
    x("<time datetime=\"2019-01-01\">x</time><meta name=\"DC.date\" content=\"2021-02-03\">");
    CHECK_STR(date(), "2021-02-03");
    x("<meta name=\"pubdate\" content=\"20220304\">");
    CHECK_STR(date(), "20220304");
    x("<meta itemprop=\"datePublished\" content=\"2022-05-06\">");
    CHECK_STR(date(), "2022-05-06");
    x("<p>Posted <time datetime=\"2023-07-08T09:10\">July 8</time></p>");
    CHECK_STR(date(), "2023-07-08T09:10");
    CHECK_STR(g_out.s, "Posted July 8");
    x("<aside><time datetime=\"2001-01-01\">old</time></aside><time>no attr</time>");
    CHECK_STR(date(), "");
    x("<time datetime=\"2001-01-01\">a</time><time pubdate datetime=\"2002-02-02\">b</time>");
    CHECK_STR(date(), "2002-02-02");
    x("<p>nothing</p>");
    CHECK_STR(date(), "");
}

/* ---- robustness ---------------------------------------------------------------- */

static void test_robust(void) {
    CHECK_STR(x("if a < b and c > d then <3"), "if a < b and c > d then <3");
    CHECK_STR(x("x<"), "x<");
    CHECK_STR(x("<a href=\"/x?a>b\" title='1>0'>link</a> text"), "link text");
    CHECK_STR(x("<P CLASS=x>Upper</P><DIV>Case</DIV><Br>z"), "Upper\n\nCase\n\nz");
    CHECK_STR(x("<p>unclosed <b>bold <i>italic<p>next"), "unclosed bold italic\n\nnext");
    CHECK_STR(x("<div><p>a</div>b"), "a\n\nb");
    CHECK_STR(x("<p>a</span></div></nav>b</p>"), "a\n\nb"); /* </div>, </nav> unmatched: breaks only */
    CHECK_STR(x("<p>a<p>b<p>c"), "a\n\nb\n\nc");
    CHECK_STR(x("<p a=\"unterminated>lost"), ""); /* the page ends inside the tag */
    CHECK_STR(x("text<p"), "text");
    CHECK_STR(x("<p =x a=b c d='e' f=\"g\"/ h>ok</p>"), "ok");
    CHECK_STR(x("<div class=share/>kept"), "kept");
    CHECK_STR(x("<my-widget class=\"share\"><my-widget>x</my-widget></my-widget>y"), "y");
    CHECK_STR(x("<nav><nav>x</nav>still nav</nav>out"), "out");
    CHECK_STR(x("<a href=1>one<a href=2>two</a>three"), "onetwothree");

    /* Deep nesting: no recursion, bounded stack, still all the text. */
    size_t depth = 100000;
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < depth; i++) sb_puts(&b, "<div><span>");
    sb_puts(&b, "deep");
    for (size_t i = 0; i < depth; i++) sb_puts(&b, "</span></div>");
    sb_puts(&b, "<nav>menu</nav>after");
    CHECK_STR(xn(b.s, b.len), "deep\n\nafter");
    sb_reset(&b);
    for (size_t i = 0; i < depth; i++) sb_puts(&b, "<p>x");
    xn(b.s, b.len);
    CHECK_INT(g_out.len, depth * 3 - 2);
    sb_reset(&b);
    for (size_t i = 0; i < depth; i++) sb_puts(&b, "<nav><b>");
    sb_puts(&b, "hidden");
    CHECK_STR(xn(b.s, b.len), "");
    sb_free(&b);
}

/* Pseudo-random pages built from markup fragments: the output keeps its
 * invariants whatever the mix. */
static void test_random_pages(void) {
    static const char *const frag[] = {
        "<p>", "</p>", "<div class=\"share\">", "</div>", "<article>", "</article>", "<h1>", "</h1>",
        "<pre>", "</pre>", "<br>", "&amp;", "&nbsp;", "&#x92;", "\xE9", "\xC3\xA9", "word ", "  ",
        "\n", "<script>", "</script>", "<!--", "-->", "<q>", "</q>", "<td>", "<li>", "<nav>", "</nav>",
        "<", ">", "&", "\"", "<a href='", "'>", "\t", "<span class=ad>", "</span>", "<main>", "\x80",
    };
    uint32_t seed = 12345;
    strbuf b;
    sb_init(&b);
    for (int round = 0; round < 2000; round++) {
        sb_reset(&b);
        int nf = 1 + round % 60;
        for (int i = 0; i < nf; i++) {
            seed = seed * 1103515245u + 12345u;
            sb_puts(&b, frag[(seed >> 16) % (sizeof frag / sizeof frag[0])]);
        }
        xn(b.s ? b.s : "", b.len);
        if (!well_formed(&g_out) || !valid_utf8((const unsigned char *)title(), g_title.len)) {
            fprintf(stderr, "  bad output for: %s\n  got: [%s]\n", b.s, g_out.s);
            CHECK(0);
            break;
        }
    }
    sb_free(&b);
}

/* ---- a realistic page ------------------------------------------------------------ */

static const char NEWS_PAGE[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "  <meta charset=\"utf-8\">\n"
    "  <title>Ministers agree ceasefire talks | The Harbour Gazette</title>\n"
    "  <meta property=\"og:title\" content=\"Ministers agree ceasefire talks\">\n"
    "  <meta property=\"article:published_time\" content=\"2024-05-14T08:45:00+02:00\">\n"
    "  <link rel=\"stylesheet\" href=\"/s.css\">\n"
    "  <script>window.dataLayer = [];</script>\n"
    "</head>\n"
    "<body class=\"article-page\">\n"
    "<div id=\"cookie-banner\" class=\"consent\">\n"
    "  <p>We use cookies to improve your experience.</p>\n"
    "  <button>Accept all</button>\n"
    "</div>\n"
    "<header class=\"site-header\">\n"
    "  <a class=\"logo\" href=\"/\">The Harbour Gazette</a>\n"
    "  <nav class=\"main-nav\"><ul><li><a href=\"/world\">World</a></li>"
    "<li><a href=\"/politics\">Politics</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav>\n"
    "</header>\n"
    "<main id=\"content\">\n"
    "  <article class=\"story\">\n"
    "    <header class=\"article-header\">\n"
    "      <h1>Ministers agree to hold ceasefire talks in Oslo</h1>\n"
    "      <p class=\"byline\">By <a href=\"/a/lea\">L&eacute;a Martin</a> &middot; "
    "<time datetime=\"2024-05-14\">May 14, 2024</time></p>\n"
    "    </header>\n"
    "    <ul class=\"share-buttons\"><li><a href=\"#\">Facebook</a></li><li><a href=\"#\">X</a></li></ul>\n"
    "    <figure><img src=\"/p.jpg\" alt=\"Delegates\"><figcaption>Delegates arrive in Oslo.</figcaption></figure>\n"
    "    <p>OSLO &mdash; Foreign ministers from both countries agreed on Tuesday to\n"
    "       hold ceasefire talks next week, officials said.</p>\n"
    "    <div class=\"ad ad-inline\">Advertisement</div>\n"
    "    <p>&ldquo;This is a first step,&rdquo; Norway&rsquo;s foreign minister told reporters.\n"
    "       &ldquo;Nobody expects a deal in one day.&rdquo;</p>\n"
    "    <aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/x\">Earlier talks "
    "collapsed</a></li></ul></aside>\n"
    "    <p>The talks will start on May&nbsp;21.<br>Observers from the U.N. will attend.</p>\n"
    "    <div class=\"newsletter-signup\"><p>Get the morning briefing</p><form><input "
    "type=\"email\"><button>Sign up</button></form></div>\n"
    "  </article>\n"
    "  <section class=\"comments\"><h2>Comments (12)</h2><p>Great news!</p></section>\n"
    "</main>\n"
    "<footer><p>&copy; 2024 The Harbour Gazette</p><nav><a href=\"/privacy\">Privacy</a></nav></footer>\n"
    "<script>trackPage();</script>\n"
    "</body>\n"
    "</html>\n";

static void test_news_page(void) {
    const char *t = x(NEWS_PAGE);
    CHECK_STR(t,
              "Ministers agree to hold ceasefire talks in Oslo\n"
              "\n"
              "By L\xC3\xA9" "a Martin \xC2\xB7 May 14, 2024\n"
              "\n"
              "Delegates arrive in Oslo.\n"
              "\n"
              "OSLO \xE2\x80\x94 Foreign ministers from both countries agreed on Tuesday to hold ceasefire "
              "talks next week, officials said.\n"
              "\n"
              "\xE2\x80\x9CThis is a first step,\xE2\x80\x9D Norway\xE2\x80\x99s foreign minister told reporters. "
              "\xE2\x80\x9CNobody expects a deal in one day.\xE2\x80\x9D\n"
              "\n"
              "The talks will start on May 21.\n"
              "Observers from the U.N. will attend.");
    CHECK_STR(title(), "Ministers agree ceasefire talks | The Harbour Gazette");
    CHECK_STR(date(), "2024-05-14T08:45:00+02:00");
    /* The same page without <article>/<main>: the chrome still goes. */
    strbuf b;
    sb_init(&b);
    const char *p = NEWS_PAGE;
    for (; *p; p++) {
        if (!strncmp(p, "<article", 8) || !strncmp(p, "</article", 9) || !strncmp(p, "<main", 5) ||
            !strncmp(p, "</main", 6)) {
            sb_puts(&b, "<div");
            while (*p != '>') p++;
            sb_putc(&b, '>');
            continue;
        }
        sb_putc(&b, *p);
    }
    /* Now the article <header> is at page level (dropped) and the
     * comments section is cut as chrome. */
    t = xn(b.s, b.len);
    CHECK(strstr(t, "Delegates arrive in Oslo.\n\nOSLO") == t);
    CHECK(strstr(t, "Observers from the U.N. will attend.") != NULL);
    CHECK(!strstr(t, "cookies") && !strstr(t, "Comments") && !strstr(t, "Advertisement") &&
          !strstr(t, "Facebook") && !strstr(t, "Privacy"));
    sb_free(&b);
}

/* ---- throughput ---------------------------------------------------------------- */

static int bench(double mb) {
    static const char block[] =
        "<div class=\"story-body\"><h2>Section heading</h2>\n"
        "<p>Foreign ministers met on Tuesday in Geneva &mdash; the talks, officials said, "
        "&ldquo;went well.&rdquo; The U.N. envoy called for calm <a href=\"/x?a=1&amp;b=2\">in the "
        "region</a>, adding that caf&eacute; owners and <b>local</b> leaders would be consulted.</p>\n"
        "<div class=\"share-buttons\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div>\n"
        "<script>var x = {a: 1, b: \"<p>\"}; if (x.a < 2) { run(); }</script>\n"
        "<ul><li>First point</li><li>Second point, with &nbsp; spacing</li></ul>\n"
        "<p>\xE2\x80\x9CWe are ready,\xE2\x80\x9D he said in Z\xC3\xBCrich.<br>More later.</p>"
        "<!-- comment --></div>\n";
    size_t want = (size_t)(mb * 1024 * 1024);
    strbuf page;
    sb_init(&page);
    sb_puts(&page, "<!DOCTYPE html><html><head><title>Bench</title></head><body><nav>menu</nav><article>");
    while (page.len < want) sb_puts(&page, block);
    sb_puts(&page, "</article><footer>foot</footer></body></html>");
    strbuf o;
    sb_init(&o);
    double best = 1e30;
    for (int rep = 0; rep < 5; rep++) {
        struct timespec t0, t1;
        sb_reset(&o);
        clock_gettime(CLOCK_MONOTONIC, &t0);
        int rc = html_extract(page.s, page.len, &o, NULL, NULL);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (rc) return 1;
        double dt = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
        if (dt < best) best = dt;
    }
    printf("html_extract: %.1f MB page -> %.1f MB text, best of 5: %.3f s, %.0f MB/s\n",
           (double)page.len / 1048576.0, (double)o.len / 1048576.0, best, (double)page.len / 1048576.0 / best);
    sb_free(&o);
    sb_free(&page);
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "--bench")) return bench(argc > 2 ? atof(argv[2]) : 10.0);
    RUN(test_null_empty);
    RUN(test_drop_raw);
    RUN(test_drop_comments);
    RUN(test_drop_chrome);
    RUN(test_drop_class);
    RUN(test_article);
    RUN(test_entities);
    RUN(test_whitespace);
    RUN(test_pre);
    RUN(test_charset);
    RUN(test_title_date);
    RUN(test_robust);
    RUN(test_random_pages);
    RUN(test_news_page);
    sb_free(&g_out);
    sb_free(&g_title);
    sb_free(&g_date);
    TEST_END();
}
