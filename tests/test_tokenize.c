/* test_tokenize.c -- unit tests of the tokenizer (src/tokenize.c) and the
 * lexicon tables (src/lexicon_abbrev.c). */
#include <stdlib.h>
#include <string.h>

#include "../src/doc.h"
#include "../src/tokenize.h"
#include "test.h"

/* Tokenize text and return the tokens joined by '|' (static buffer). */
static const char *toks(const char *text) {
    static char out[4096];
    dyad_doc *d;
    out[0] = '\0';
    if (dyad_doc_new(&d)) return "(oom)";
    if (dyad_doc_set_text(d, text, strlen(text)) || tok_run(d)) {
        dyad_doc_free(d);
        return "(error)";
    }
    size_t n = 0;
    for (size_t i = 0; i < d->ntok; i++) {
        size_t len = d->toks[i].end - d->toks[i].start;
        if (n + len + 2 >= sizeof out) break;
        if (i) out[n++] = '|';
        memcpy(out + n, d->text + d->toks[i].start, len);
        n += len;
    }
    out[n] = '\0';
    dyad_doc_free(d);
    return out;
}

/* The token at index i of text (kind and flags via *t). */
static int tok_at(const char *text, size_t i, tok *t) {
    dyad_doc *d;
    if (dyad_doc_new(&d)) return -1;
    int rc = -1;
    if (!dyad_doc_set_text(d, text, strlen(text)) && !tok_run(d) && i < d->ntok) {
        *t = d->toks[i];
        rc = 0;
    }
    dyad_doc_free(d);
    return rc;
}

static void test_degenerate(void) {
    CHECK_INT(tok_run(NULL), DYAD_EINVAL);
    CHECK_STR(toks(""), "");
    CHECK_STR(toks("   \n\t  \n"), "");
    CHECK_STR(toks("a"), "a");
    CHECK_STR(toks("."), ".");
    CHECK_STR(toks("'"), "'");
    CHECK_STR(toks("\xE2\x80\x99"), "\xE2\x80\x99");
    CHECK_STR(toks("-"), "-");
    CHECK_STR(toks("@"), "@");
    CHECK_STR(toks("#"), "#");
    CHECK_STR(toks("n't"), "n't");
    CHECK_STR(toks("'s"), "'|s");
    /* A document without text. */
    dyad_doc *d;
    CHECK_INT(dyad_doc_new(&d), DYAD_OK);
    CHECK_INT(tok_run(d), DYAD_OK);
    CHECK_INT(d->ntok, 0);
    dyad_doc_free(d);
}

static void test_long_word(void) {
    size_t n = 100000;
    char *s = malloc(n + 1);
    CHECK(s != NULL);
    if (!s) return;
    memset(s, 'x', n);
    s[n] = '\0';
    dyad_doc *d;
    CHECK_INT(dyad_doc_new(&d), DYAD_OK);
    CHECK_INT(dyad_doc_set_text(d, s, n), DYAD_OK);
    CHECK_INT(tok_run(d), DYAD_OK);
    CHECK_INT(d->ntok, 1);
    CHECK_INT(d->toks[0].end, n);
    /* 100k dots, 100k hyphens between letters, 100k apostrophes */
    for (size_t i = 0; i < n; i++) s[i] = (i & 1) ? '-' : 'a';
    CHECK_INT(dyad_doc_set_text(d, s, n), DYAD_OK);
    CHECK_INT(tok_run(d), DYAD_OK);
    CHECK_INT(d->ntok, n);
    memset(s, '.', n);
    CHECK_INT(dyad_doc_set_text(d, s, n), DYAD_OK);
    CHECK_INT(tok_run(d), DYAD_OK);
    CHECK_INT(d->ntok, 1);
    for (size_t i = 0; i < n; i++) s[i] = (i & 1) ? '\'' : 'a';
    CHECK_INT(dyad_doc_set_text(d, s, n), DYAD_OK);
    CHECK_INT(tok_run(d), DYAD_OK);
    CHECK(d->ntok >= 1);
    dyad_doc_free(d);
    free(s);
}

static void test_clitics(void) {
    CHECK_STR(toks("don't"), "do|n't");
    CHECK_STR(toks("can't"), "ca|n't");
    CHECK_STR(toks("won't"), "wo|n't");
    CHECK_STR(toks("I'm"), "I|'m");
    CHECK_STR(toks("Google's"), "Google|'s");
    CHECK_STR(toks("they're we've he'd you'll"), "they|'re|we|'ve|he|'d|you|'ll");
    CHECK_STR(toks("DON'T"), "DO|N'T");
    CHECK_STR(toks("don\xE2\x80\x99t"), "do|n\xE2\x80\x99t");
    CHECK_STR(toks("it\xE2\x80\x99s"), "it|\xE2\x80\x99s");
    CHECK_STR(toks("gonna wanna gotta cannot"), "gon|na|wan|na|got|ta|can|not");
    CHECK_STR(toks("y'all O'Brien's"), "y'all|O'Brien|'s");
    CHECK_STR(toks("the Christians' faith"), "the|Christians|'|faith");
    CHECK_STR(toks("in '72 and '90s"), "in|'72|and|'90s");
    tok t;
    CHECK(!tok_at("don't", 1, &t) && t.kind == TOK_CLITIC && !(t.flags & TOKF_SPACE_BEFORE));
}

static void test_numbers(void) {
    CHECK_STR(toks("1,000.50 5.93 $5 5%"), "1,000.50|5.93|$|5|5|%");
    CHECK_STR(toks("3-4 1969-1970"), "3|-|4|1969|-|1970");
    CHECK_STR(toks("713-853-3989 345-9945 11-20-2000"), "713-853-3989|345-9945|11-20-2000");
    CHECK_STR(toks("the 1980s, 3rd and 20th"), "the|1980s|,|3rd|and|20th");
    CHECK_STR(toks("65k 35mm 7:30 9/11"), "65|k|35|mm|7:30|9/11");
    tok t;
    CHECK(!tok_at("1,000", 0, &t) && t.kind == TOK_NUM && (t.flags & TOKF_HAS_DIGIT) && !(t.flags & TOKF_HAS_ALPHA));
}

static void test_hyphens(void) {
    CHECK_STR(toks("search-engine"), "search|-|engine");
    CHECK_STR(toks("e-mail co-operate non-violent mid-August"), "e-mail|co-operate|non-violent|mid-August");
    CHECK_STR(toks("Turkish-backed"), "Turkish|-|backed");
    CHECK_STR(toks("a -- b --- c"), "a|--|b|---|c");
    CHECK_STR(toks("pre- and post-war"), "pre|-|and|post-war");
}

static void test_abbrev(void) {
    CHECK_STR(toks("Sen. Gov. Dr. Mr. Mrs. Jan. Sept. Inc. Corp. vs. etc."),
              "Sen.|Gov.|Dr.|Mr.|Mrs.|Jan.|Sept.|Inc.|Corp.|vs.|etc.");
    CHECK_STR(toks("U.S. U.K. U.N. E.U. U.S.A. a.m. p.m. e.g. i.e."), "U.S.|U.K.|U.N.|E.U.|U.S.A.|a.m.|p.m.|e.g.|i.e.");
    CHECK_STR(toks("George W. Bush"), "George|W.|Bush");
    CHECK_STR(toks("J.R.R. Tolkien"), "J.R.R.|Tolkien");
    CHECK_STR(toks("the year. Then"), "the|year|.|Then");
    CHECK_STR(toks("in the U.S."), "in|the|U.S.");
    tok t;
    CHECK(!tok_at("Sen. Smith", 0, &t) && t.kind == TOK_ABBREV);
    CHECK_INT(tok_abbrev_class("Mr", 2), ABBR_TITLE);
    CHECK_INT(tok_abbrev_class("Sept", 4), ABBR_MONTH);
    CHECK_INT(tok_abbrev_class("Inc", 3), ABBR_OTHER);
    CHECK_INT(tok_abbrev_class("mr", 2), ABBR_NONE);
    CHECK_INT(tok_abbrev_class("", 0), ABBR_NONE);
    CHECK_INT(tok_abbrev_class(NULL, 3), ABBR_NONE);
    /* first, last and every lower-case entry (the first-letter filter) */
    CHECK_INT(tok_abbrev_class("Adm", 3), ABBR_TITLE);
    CHECK_INT(tok_abbrev_class("vs", 2), ABBR_OTHER);
    static const char *const low[] = {"al", "approx", "attn", "ca", "cf", "dept", "eg", "esp", "est", "etc", "ext",
                                      "fig", "ft", "ie", "lb", "lbs", "oz", "pp", "tel", "viz", "vol"};
    for (size_t i = 0; i < sizeof low / sizeof low[0]; i++) CHECK(tok_abbrev_class(low[i], strlen(low[i])) != ABBR_NONE);
    CHECK(tok_hyphen_prefix("co", 2));
    CHECK(tok_hyphen_prefix("Non", 3));
    CHECK(!tok_hyphen_prefix("search", 6));
    CHECK(tok_sentence_starter("The", 3));
    CHECK(!tok_sentence_starter("the", 3));
}

static void test_punct_quotes(void) {
    CHECK_STR(toks("Wait... what\xE2\x80\xA6 ok"), "Wait|...|what|\xE2\x80\xA6|ok");
    CHECK_STR(toks("He said \"no.\""), "He|said|\"|no|.|\"");
    CHECK_STR(toks("\xE2\x80\x9CYes\xE2\x80\x9D"), "\xE2\x80\x9C|Yes|\xE2\x80\x9D");
    CHECK_STR(toks("a\xE2\x80\x94" "b \xE2\x80\x93 c"), "a|\xE2\x80\x94|b|\xE2\x80\x93|c");
    CHECK_STR(toks("``hi''"), "``|hi|''");
    CHECK_STR(toks("(See below.)"), "(|See|below|.|)");
    CHECK_STR(toks("Really?! Yes!!!"), "Really|?!|Yes|!!!");
    tok t;
    CHECK(!tok_at("say \"hi\"", 1, &t) && t.kind == TOK_QUOTE && (t.flags & TOKF_OPEN_QUOTE));
    CHECK(!tok_at("say \"hi\"", 3, &t) && t.kind == TOK_QUOTE && (t.flags & TOKF_CLOSE_QUOTE));
}

static void test_web(void) {
    CHECK_STR(toks("see http://example.com/a?b=1. Then"), "see|http://example.com/a?b=1|.|Then");
    CHECK_STR(toks("(www.reuters.com)"), "(|www.reuters.com|)");
    CHECK_STR(toks("mail john.smith@example.co.uk, now"), "mail|john.smith@example.co.uk|,|now");
    CHECK_STR(toks("@reuters #Brexit #1"), "@reuters|#Brexit|#|1");
    CHECK_STR(toks("nice :-) ok"), "nice|:-)|ok");
    tok t;
    CHECK(!tok_at("x@y.com", 0, &t) && t.kind == TOK_EMAIL);
    CHECK(!tok_at("@reuters", 0, &t) && t.kind == TOK_HANDLE);
    CHECK(!tok_at("#Brexit", 0, &t) && t.kind == TOK_HASHTAG);
    CHECK(!tok_at("https://a.b", 0, &t) && t.kind == TOK_URL);
}

static void test_unicode(void) {
    CHECK_STR(toks("Zürich café naïve"), "Zürich|café|naïve");
    CHECK_STR(toks("Москва, 2014"), "Москва|,|2014");
    /* emoji as symbols, with modifiers kept together */
    CHECK_STR(toks("ok\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!"), "ok|\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD|!");
    CHECK_STR(toks("a\xC2\xA0" "b"), "a|b"); /* NBSP is a space */
    tok t;
    CHECK(!tok_at("Émile", 0, &t) && (t.flags & TOKF_UPPER) && (t.flags & TOKF_NONASCII) && (t.flags & TOKF_HAS_ALPHA));
    CHECK(!tok_at("ÉTÉ", 0, &t) && (t.flags & TOKF_ALLCAPS));
    CHECK(!tok_at("NATO", 0, &t) && (t.flags & TOKF_ALLCAPS) && (t.flags & TOKF_UPPER));
    CHECK(!tok_at("Nato", 0, &t) && !(t.flags & TOKF_ALLCAPS) && (t.flags & TOKF_UPPER));
    CHECK(!tok_at("O\xE2\x80\x99" "Brien", 0, &t) && (t.flags & TOKF_NONASCII) && t.end == 9);
}

static void test_whitespace_flags(void) {
    tok t;
    CHECK(!tok_at("a b", 1, &t) && (t.flags & TOKF_SPACE_BEFORE) && !(t.flags & TOKF_NL_BEFORE));
    CHECK(!tok_at("a\nb", 1, &t) && (t.flags & TOKF_NL_BEFORE) && !(t.flags & TOKF_PARA_BEFORE));
    CHECK(!tok_at("a\n\nb", 1, &t) && (t.flags & TOKF_PARA_BEFORE));
    CHECK(!tok_at("a\r\n\r\nb", 1, &t) && (t.flags & TOKF_PARA_BEFORE));
    CHECK(!tok_at("ab.\n    c", 2, &t) && (t.flags & TOKF_PARA_BEFORE));
    CHECK(!tok_at("a,b", 1, &t) && !(t.flags & TOKF_SPACE_BEFORE));
    CHECK(!tok_at("  a", 0, &t) && (t.flags & TOKF_SPACE_BEFORE) && !(t.flags & TOKF_PARA_BEFORE));
}

/* The inline fast paths (plain ASCII words, single punctuation bytes) must
 * set the same flags as the general path, also once the token array grows. */
static void test_fast_flags(void) {
    tok t;
    CHECK(!tok_at("x abc", 1, &t) && t.flags == (TOKF_SPACE_BEFORE | TOKF_HAS_ALPHA) && t.kind == TOK_WORD);
    CHECK(!tok_at("x B2B", 1, &t) &&
          t.flags == (TOKF_SPACE_BEFORE | TOKF_HAS_ALPHA | TOKF_HAS_DIGIT | TOKF_UPPER | TOKF_ALLCAPS));
    CHECK(!tok_at("x\nMcCain", 1, &t) && t.flags == (TOKF_SPACE_BEFORE | TOKF_NL_BEFORE | TOKF_HAS_ALPHA | TOKF_UPPER));
    CHECK(!tok_at("x ,", 1, &t) && t.flags == TOKF_SPACE_BEFORE && t.kind == TOK_PUNCT);
    CHECK(!tok_at("ok :D", 1, &t) && t.kind == TOK_SYMBOL && (t.flags & TOKF_HAS_ALPHA) && (t.flags & TOKF_UPPER));
    CHECK(!tok_at("U.S.", 0, &t) && t.kind == TOK_ABBREV && (t.flags & TOKF_ALLCAPS));
    /* many tokens: the array grows while the fast path is in use */
    static char big[30001];
    for (size_t i = 0; i < 30000; i += 3) memcpy(big + i, i % 2 ? "Ab " : "c, ", 3);
    big[30000] = '\0';
    dyad_doc *d;
    if (dyad_doc_new(&d)) return;
    CHECK_INT(dyad_doc_set_text(d, big, strlen(big)), DYAD_OK);
    CHECK_INT(tok_run(d), DYAD_OK);
    size_t bad = 0;
    for (size_t i = 0; i < d->ntok; i++) {
        const tok *u = &d->toks[i];
        unsigned want = i ? TOKF_SPACE_BEFORE : 0;
        if (d->text[u->start] == ',') want = 0;
        else if (d->text[u->start] == 'A') want |= TOKF_HAS_ALPHA | TOKF_UPPER;
        else want |= TOKF_HAS_ALPHA;
        if (u->flags != want) bad++;
    }
    CHECK_INT(bad, 0);
    dyad_doc_free(d);
    /* URLs after the two-letter pre-check, any case */
    CHECK_STR(toks("HTTP://A.B/c x"), "HTTP://A.B/c|x");
    CHECK_STR(toks("Www.x.org ftp://f.org mailto:a@b.c mail marker"), "Www.x.org|ftp://f.org|mailto:a@b.c|mail|marker");
}

/* Every byte string must give ordered, non-overlapping tokens that never
 * cut a UTF-8 sequence. */
static void test_invariants(void) {
    static const char *const texts[] = {
        "\xF0\x9F\x98\x80\xE2\x80\x8D\xF0\x9F\x98\x80", "a'''''b", "'-'-'-", "x@", "x@y", "http://", "www.",
        "1-", "-1", "1-2-", "U.S", "..a..", "\xCC\x81\xCC\x81", "a\xE2\x80\x99", "\xE2\x80\x99\xE2\x80\x99\x31\x32",
        "#\xC3\xA9", "@\xC3\xA9", ":-", ":", "can't't", "n'", "$$$", "\xEF\xBB\xBFhi", "Mr.", "a.", "\xC2\xAD",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        dyad_doc *d;
        if (dyad_doc_new(&d)) return;
        CHECK_INT(dyad_doc_set_text(d, texts[k], strlen(texts[k])), DYAD_OK);
        CHECK_INT(tok_run(d), DYAD_OK);
        uint32_t prev = 0;
        for (size_t i = 0; i < d->ntok; i++) {
            tok *t = &d->toks[i];
            CHECK(t->start < t->end && t->start >= prev && t->end <= d->len);
            CHECK(((unsigned char)d->text[t->start] & 0xC0) != 0x80);
            CHECK(t->end == d->len || ((unsigned char)d->text[t->end] & 0xC0) != 0x80);
            prev = t->end;
        }
        dyad_doc_free(d);
    }
}

int main(void) {
    RUN(test_degenerate);
    RUN(test_long_word);
    RUN(test_clitics);
    RUN(test_numbers);
    RUN(test_hyphens);
    RUN(test_abbrev);
    RUN(test_punct_quotes);
    RUN(test_web);
    RUN(test_unicode);
    RUN(test_whitespace_flags);
    RUN(test_fast_flags);
    RUN(test_invariants);
    TEST_END();
}
