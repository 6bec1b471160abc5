/* boiler.c -- boilerplate detection: what in a news document is not article content.
 *
 * Text from wires and scraped web pages carries chrome around the article:
 * subscription and newsletter appeals, share buttons, cookie notices,
 * copyright lines, photo credits and captions, bylines and staff lines,
 * "Read more" links, CSS left over from the HTML, and the "REUTER" signature
 * that ends the 1987 wire stories.  This stage records that chrome as byte
 * spans and flags the tokens inside (TOKF_BOILER) so that later stages code
 * nothing there.
 *
 * The unit is the line of doc->text -- a paragraph in most inputs -- trimmed
 * of surrounding whitespace.  A span is one whole line; a line whose notice
 * runs on over hard-wrapped lines ("Copyright 2016 The Associated Press. All
 * rights reserved. This material may not be\npublished, ...") extends over
 * those lines; and, the one exception, the signature word at the end of a
 * wire story's last line ("... 33.7).        REUTER") is a span on its own.
 *
 * Detection works on the text alone, not on tokens or sentences (those
 * stages may change under us): anchored, case-insensitive phrase rules with
 * per-rule length limits, plus shape rules for bylines, credit lines, time
 * stamps and CSS.  Precision matters more than recall, so every rule is
 * anchored (line start, sentence start inside a short line, or line end),
 * lines of reported speech ("said", "told") are vetoed for the weaker rules,
 * a line of more than three sentences is never chrome, and a line that
 * merely continues a hard-wrapped sentence ("... the official told\n
 * Reuters.") is never looked at.
 *
 * Speed: wrapped prose lines and lines longer than MAXLINE are skipped
 * after the memchr that finds them; the phrase rules for a line start are
 * reached through a switch on its first letter and rejected on its second;
 * inside short lines only the words after a space are looked at, found
 * eight bytes at a time and gated by a switch on their first four letters.
 * No allocation besides the span vector; all tables are const, so documents
 * may be processed in parallel. */
#include <string.h>

#include <utf8proc.h>

#include "doc.h"

/* Lines longer than this (in bytes, trimmed) are article prose. */
#define MAXLINE 600
/* Lines this close to the start or end of the document are "edge" lines,
 * where weak rules (bylines without an affiliation) may fire. */
#define EDGE_BYTES 400
/* A matched notice may run on over at most this many wrapped lines/bytes. */
#define EXTEND_LINES 8
#define EXTEND_BYTES 800

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- ASCII character helpers (no locale) -------------------------------- */

static inline unsigned lc(unsigned c) { return c - 'A' < 26u ? c + 32u : c; }
static inline int is_up(unsigned c) { return c - 'A' < 26u; }
static inline int is_low(unsigned c) { return c - 'a' < 26u; }
static inline int is_dig(unsigned c) { return c - '0' < 10u; }
static inline int is_alpha(unsigned c) { return (c | 32u) - 'a' < 26u; }
static inline int is_alnum(unsigned c) { return is_alpha(c) || is_dig(c); }
/* A byte that continues a word: ASCII letter/digit or the lead byte of a
 * 2-byte UTF-8 sequence (Latin letters with diacritics live there). */
static inline int is_wordish(unsigned c) { return is_alnum(c) || (c >= 0xC3 && c <= 0xDF); }

/* Length of the whitespace character at s (space, tab, CR, FF, VT, no-break
 * space, BOM, zero-width and typographic spaces), or 0. */
static size_t ws_fwd(const unsigned char *s, size_t n) {
    unsigned c = s[0];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n') return 1;
    if (c < 0xC2) return 0;
    if (c == 0xC2 && n >= 2 && s[1] == 0xA0) return 2;
    if (n < 3) return 0;
    if (c == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return 3;                    /* BOM */
    if (c == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8D || s[2] == 0xAF)) return 3;  /* U+2000..200D, 202F */
    if (c == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return 3;                    /* ideographic space */
    return 0;
}

/* Length of the whitespace character ending at s[n-1], or 0. */
static size_t ws_back(const unsigned char *s, size_t n) {
    unsigned c = s[n - 1];
    if (c < 0x80) return (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n');
    if (n >= 2 && s[n - 2] == 0xC2 && c == 0xA0) return 2;
    if (n >= 3 && ws_fwd(s + n - 3, 3) == 3) return 3;
    return 0;
}

/* Spaces inside a phrase: space, tab, no-break space. */
static size_t sp_len(const unsigned char *s, size_t n) {
    if (!n) return 0;
    if (s[0] == ' ' || s[0] == '\t') return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0) return 2;
    return 0;
}

/* Typographic variants of ' " - : the length of the one at s, or 0. */
static size_t alt_len(unsigned want, const unsigned char *s, size_t n) {
    unsigned c = s[0];
    if (c == want || (want == '\'' && c == '`')) return 1;
    if (n < 3 || c != 0xE2 || s[1] != 0x80) return 0;
    unsigned t = s[2];
    if (want == '\'') return (t == 0x98 || t == 0x99) ? 3 : 0;  /* ‘ ’ */
    if (want == '"') return (t == 0x9C || t == 0x9D) ? 3 : 0;   /* “ ” */
    return (t == 0x93 || t == 0x94) ? 3 : 0;                    /* – — */
}

/* Length of s[0..n) matched by the lower-case pattern pat, or 0.  In the
 * pattern, ' ' matches a run of spaces, '\'' '"' '-' match their typographic
 * variants, letters match either case; a pattern ending in a letter or digit
 * must end at a word boundary ("share" does not match "shares"). */
static size_t pm(const unsigned char *s, size_t n, const char *pat) {
    const unsigned char *p = (const unsigned char *)pat;
    size_t i = 0;
    for (; *p; p++) {
        if (i >= n) return 0;
        unsigned c = *p;
        size_t k;
        if (c == ' ') {
            if (!(k = sp_len(s + i, n - i))) return 0;
            do i += k;
            while ((k = sp_len(s + i, n - i)));
        } else if (c == '\'' || c == '"' || c == '-') {
            if (!(k = alt_len(c, s + i, n - i))) return 0;
            i += k;
        } else {
            if (lc(s[i]) != c) return 0;
            i++;
        }
    }
    if (is_alnum(p[-1]) && i < n && is_wordish(s[i])) return 0;
    return i;
}

/* Whether one of the '|'-separated lower-case alternatives of alts occurs
 * in s[0..n).  Alternatives starting with a letter must start a word. */
static int has_any(const unsigned char *s, size_t n, const char *alts) {
    char one[40];
    while (*alts) {
        size_t k = 0;
        while (alts[k] && alts[k] != '|') k++;
        if (k && k < sizeof one) {
            memcpy(one, alts, k);
            one[k] = '\0';
            unsigned first = (unsigned char)one[0];
            int word = is_alpha(first);
            for (size_t i = 0; i < n; i++) {
                if (lc(s[i]) != first) continue;
                if (word && i && is_wordish(s[i - 1])) continue;
                if (pm(s + i, n - i, one)) return 1;
            }
        }
        alts += k;
        if (*alts == '|') alts++;
    }
    return 0;
}

/* Case-insensitive: does s[0..n) end with the lower-case word pat? */
static int ends_with(const unsigned char *s, size_t n, const char *pat) {
    size_t k = strlen(pat);
    if (n < k) return 0;
    const unsigned char *t = s + n - k;
    for (size_t i = 0; i < k; i++)
        if (lc(t[i]) != (unsigned char)pat[i]) return 0;
    return n == k || !is_wordish(t[-1]);
}

/* ---- decoration: quotes, brackets, bullets, dashes around a line -------- */

/* Length of a decoration character at s (leading side), or 0. */
static size_t decor_fwd(const unsigned char *s, size_t n) {
    switch (s[0]) {
    case '(': case '[': case '"': case '\'': case '*': case '-': case '_': case '|':
    case '>': case '=': case '~': case '+': case ' ': case '\t': case '.': case ':':
        return 1;
    }
    if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xA0 || s[1] == 0xBB || s[1] == 0xAB || s[1] == 0xB7)) return 2;
    if (n >= 3 && s[0] == 0xE2) {
        if (s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94 || s[2] == 0x98 || s[2] == 0x9C || s[2] == 0xA2 ||
                             s[2] == 0xA6 || s[2] == 0xBA || s[2] == 0xB9 || s[2] == 0x95))
            return 3;                                                  /* – — ‘ “ • … › ‹ ― */
        if (s[1] == 0x96 && (s[2] == 0xB6 || s[2] == 0xBA || s[2] == 0xA0)) return 3;  /* ▶ ► ■ */
        if (s[1] == 0x86 && s[2] == 0x92) return 3;                                   /* → */
    }
    return 0;
}

/* Length of a decoration character ending at s[n-1] (trailing side), or 0. */
static size_t decor_back(const unsigned char *s, size_t n) {
    switch (s[n - 1]) {
    case ')': case ']': case '"': case '\'': case '*': case '-': case '_': case '|': case '>':
    case '<': case '.': case ':': case ',': case ';': case '!': case '?': case '~': case '=':
    case '+': case ' ': case '\t':
        return 1;
    }
    if (n >= 2 && s[n - 2] == 0xC2 && (s[n - 1] == 0xA0 || s[n - 1] == 0xBB || s[n - 1] == 0xAB)) return 2;
    if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 &&
        (s[n - 1] == 0x93 || s[n - 1] == 0x94 || s[n - 1] == 0x99 || s[n - 1] == 0x9D || s[n - 1] == 0xA6 ||
         s[n - 1] == 0xBA || s[n - 1] == 0x95))
        return 3;                                                      /* – — ’ ” … › ― */
    return 0;
}

/* A byte that counts as a separator symbol in a line such as "___" or "* * *". */
static int is_sepbyte(unsigned c) { return c == '_' || c == '-' || c == '=' || c == '*' || c == '~' || c == '+'; }

/* ---- lines --------------------------------------------------------------- */

enum {
    LF_EDGE = 1u << 0,   /* near the start or end of the document */
    LF_CONT = 1u << 1,   /* previous line is non-blank and does not end a sentence */
    LF_WRAP = 1u << 2,   /* CONT, previous line long, this one not indented: wrapped prose */
    LF_PAREN = 1u << 3,  /* the whole line is in parentheses or brackets */
    LF_INDENT = 1u << 4, /* the raw line starts with a space or tab */
};

typedef struct bline {
    const unsigned char *s;  /* trimmed line */
    size_t n;
    const unsigned char *c;  /* core: s without leading/trailing decoration */
    size_t cn;
    unsigned f;              /* LF_* */
    int nsent;               /* sentence count, -1 until computed */
} bline;

/* Whether s[0..n) (n > 0) ends a sentence or a block: . ! ? : ; ) ] " '
 * the closing curly quotes, or an ellipsis. */
static int ends_sentence(const unsigned char *s, size_t n) {
    unsigned c = s[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ')' || c == ']' || c == '"' ||
        c == '\'')
        return 1;
    return n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && (c == 0x9D || c == 0x99 || c == 0xA6);
}

/* Approximate number of sentences: terminal punctuation followed by space
 * and a capital, digit or quote.  Abbreviations overcount, which only makes
 * the "at most three sentences" guard stricter. */
static int count_sentences(bline *l) {
    if (l->nsent >= 0) return l->nsent;
    const unsigned char *s = l->s;
    size_t n = l->n;
    int k = 1;
    for (size_t i = 0; i + 2 < n; i++) {
        unsigned c = s[i];
        if (c != '.' && c != '!' && c != '?') continue;
        size_t j = i + 1;
        while (j < n && (s[j] == '"' || s[j] == '\'' || s[j] == ')')) j++;
        size_t w = j < n ? sp_len(s + j, n - j) : 0;
        if (!w) continue;
        j += w;
        if (j < n && (is_up(s[j]) || is_dig(s[j]) || s[j] == '"' || s[j] >= 0xC0)) k++;
    }
    l->nsent = k;
    return k;
}

/* Reported speech: a line that says who said something is article prose. */
static int is_speech(const bline *l) {
    return has_any(l->s, l->n, "said|says|told|according to|asked|added|stated");
}

/* ---- shape helpers for names ------------------------------------------- */

/* Whether the word w[0..n) starts with a capital letter (ASCII or not). */
static int word_capital(const unsigned char *w, size_t n) {
    if (!n) return 0;
    if (w[0] < 0x80) return is_up(w[0]);
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(w, (utf8proc_ssize_t)n, &cp);
    if (k <= 0) return 0;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

/* Whether the lower-cased word w[0..n) is one of the '|'-separated words. */
static int word_in(const unsigned char *w, size_t n, const char *list) {
    while (*list) {
        size_t k = 0;
        while (list[k] && list[k] != '|') k++;
        if (k == n) {
            size_t i = 0;
            while (i < n && lc(w[i]) == (unsigned char)list[i]) i++;
            if (i == n) return 1;
        }
        list += k;
        if (*list == '|') list++;
    }
    return 0;
}

/* Next word of s[*i..n): skips spaces and the separators , ; / | & ( ) and
 * dashes, returns the word's start and sets *wn (0 at the end).  *sep is set
 * when a separator (not just space) came before the word. */
static const unsigned char *next_word(const unsigned char *s, size_t n, size_t *i, size_t *wn, int *sep) {
    size_t j = *i;
    *sep = 0;
    for (;;) {
        if (j >= n) {
            *i = j;
            *wn = 0;
            return s + j;
        }
        size_t k = sp_len(s + j, n - j);
        if (k) {
            j += k;
            continue;
        }
        unsigned c = s[j];
        if (c == ',' || c == ';' || c == '/' || c == '|' || c == '&' || c == '(' || c == ')' || c == ':' ||
            c == '-') {
            *sep = 1;
            j++;
            continue;
        }
        if ((k = alt_len('-', s + j, n - j)) > 1) {
            *sep = 1;
            j += k;
            continue;
        }
        break;
    }
    size_t b = j;
    while (j < n && !sp_len(s + j, n - j) && s[j] != ',' && s[j] != ';' && s[j] != '/' && s[j] != '|' &&
           s[j] != '(' && s[j] != ')')
        j++;
    size_t e = j;
    while (e > b && (s[e - 1] == '.' || s[e - 1] == ':')) e--;  /* "Ortiz." keeps "Ortiz" */
    if (e == b) e = j;                                           /* "..." stays a word */
    *i = j;
    *wn = e - b;
    return s + b;
}

static const char MONTHS_DAYS[] =
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|"
    "saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|today|yesterday";

/* Words that, capitalized after "By", start an adverbial phrase, not a name. */
static const char BY_STOP[] =
    "the|a|an|this|that|these|those|then|now|contrast|comparison|far|law|way|all|some|most|many|"
    "both|each|every|no|not|our|their|his|her|its|my|your|mid|early|late|noon|midnight|tonight|"
    "tomorrow|election|year|day|night|god|definition|design|default|nature|itself|one|two|any|"
    "what|how|order|virtue|means|force|hand|phone|email|mail|car|train|air|sea|land|chance|"
    "extension|and|or|winning|using|taking|doing|making|being";

static const char NAME_LINK[] = "and|de|van|von|der|den|da|di|del|della|la|le|al|bin|st|y|dos|das|du|ter|ten";

/* Words of an affiliation that make a byline a byline wherever it stands. */
static const char ORG_WORDS[] =
    "press|reuters|reuter|afp|ap|upi|news|times|post|journal|tribune|herald|writer|writers|"
    "correspondent|correspondents|reporter|reporters|staff|editor|cnn|bloomberg|politico|contributor|"
    "columnist|bureau|agency|telegraph|guardian|globe|daily|magazine|wire|desk|network|radio|television";

/* "By Maria Ortiz", "By MARIA ORTIZ, Associated Press", "By Ann Lee and Bo
 * Kim | Reuters": s[0..n) is what follows "By ".  One to six name words
 * (capitalized, with particles), then optionally an affiliation after a
 * separator.  Bylines without a news-organization word count only near
 * the edges of the document. */
static int byline_rest(const bline *l, const unsigned char *s, size_t n) {
    size_t i = 0, wn;
    int sep, names = 0, words = 0, aff = 0, org = 0;
    for (;;) {
        const unsigned char *w = next_word(s, n, &i, &wn, &sep);
        if (!wn) break;
        if (++words > 14) return 0;
        if (sep && names) aff = 1;
        if (!aff) {
            if (word_capital(w, wn)) {
                if (!names && word_in(w, wn, BY_STOP)) return 0;
                /* "By March 3, ..." is a date, "By Jan de Vries" a name:
                 * a month or day first counts as a date only beside a
                 * digit or a comma. */
                if (!names && word_in(w, wn, MONTHS_DAYS)) {
                    for (size_t k = 0; k < n; k++)
                        if (is_dig(s[k]) || s[k] == ',') return 0;
                }
                if (++names > 6) return 0;
            } else if (!names || !word_in(w, wn, NAME_LINK)) {
                return 0;
            }
        } else {
            if (word_in(w, wn, ORG_WORDS)) org = 1;
            if (!word_capital(w, wn) && !is_dig(w[0]) &&
                !word_in(w, wn, "of|the|for|to|and|at|in|on|a.m|p.m|am|pm|et|est|edt|gmt|utc|via|special"))
                return 0;
        }
    }
    if (!names) return 0;
    return org || (l->f & LF_EDGE);
}

/* Credit lists after "Reporting by", "Editing by", ...: accepted when the
 * line is parenthesized, has several credits (';' or a second "... by"), or
 * is nothing but capitalized names and linking words. */
static int credit_rest(const bline *l, const unsigned char *s, size_t n) {
    if (l->f & LF_PAREN) return 1;
    if (memchr(s, ';', n)) return 1;
    if (has_any(s, n, "editing by|writing by|reporting by|graphics by|compiled by")) return 1;
    size_t i = 0, wn;
    int sep, words = 0;
    for (;;) {
        const unsigned char *w = next_word(s, n, &i, &wn, &sep);
        if (!wn) break;
        if (++words > 16) return 0;
        if (word_capital(w, wn)) continue;
        if (word_in(w, wn, NAME_LINK)) continue;
        if (word_in(w, wn, "in|with|from|of|the|by|at|for|additional|staff")) continue;
        return 0;
    }
    return words > 0;
}

/* "Updated 3:45 p.m. ET", "Published March 3, 2023", "Last modified on
 * Wed 3 May": s[0..n) follows the keyword; it must be a date or time. */
static int stamp_rest(const unsigned char *s, size_t n) {
    size_t i = 0, wn;
    int sep, dates = 0;
    for (;;) {
        const unsigned char *w = next_word(s, n, &i, &wn, &sep);
        if (!wn) break;
        if (is_dig(w[0])) {
            dates++;
            continue;
        }
        if (word_in(w, wn, MONTHS_DAYS)) {
            dates++;
            continue;
        }
        if (!word_in(w, wn, "on|at|and|a.m|p.m|am|pm|et|est|edt|gmt|utc|bst|cet|cest|pt|pst|pdt|ct|cst|cdt|"
                           "ago|hour|hours|minute|minutes|min|mins|day|days|week|weeks|updated|published|"
                           "posted|modified|last"))
            return 0;
    }
    return dates > 0;
}

/* "© 2023 Reuters", "Copyright 2016 The Associated Press", "(c) 1987":
 * s[0..n) follows the keyword.  Right after it (past ©, (c), "by"), a year. */
static int copyright_rest(const unsigned char *s, size_t n, int strong) {
    if (strong) return 1; /* a line starting with © is a notice whatever follows */
    size_t i = 0;
    for (int step = 0; step < 3 && i < n; step++) {
        size_t k;
        while (i < n && (k = sp_len(s + i, n - i))) i += k;
        if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xA9) {
            i += 2;
            continue;
        }
        if (i + 2 < n && s[i] == '(' && lc(s[i + 1]) == 'c' && s[i + 2] == ')') {
            i += 3;
            continue;
        }
        break;
    }
    if (i + 4 > n) return 0;
    if (!((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))) return 0;
    if (!is_dig(s[i + 2]) || !is_dig(s[i + 3])) return 0;
    return i + 4 == n || !is_dig(s[i + 4]);
}

/* "This article has been updated ...", "This story was originally
 * published ...", "This is a developing story": editorial notes. */
static int note_rest(const unsigned char *s, size_t n) {
    size_t i = 0, wn;
    int sep;
    const unsigned char *w = next_word(s, n, &i, &wn, &sep);
    if (!wn || !word_in(w, wn, "has|was|is|had|will|have")) return 0;
    w = next_word(s, n, &i, &wn, &sep);
    if (wn && word_in(w, wn, "been|be")) w = next_word(s, n, &i, &wn, &sep);
    return wn && word_in(w, wn,
                         "updated|corrected|amended|revised|originally|first|adapted|excerpted|developing|"
                         "reprinted|republished");
}

/* ---- the phrase rules --------------------------------------------------- */

enum {
    K_EXACT,      /* the whole core is the phrase */
    K_PREFIX,     /* the core starts with the phrase */
    K_BYLINE,     /* "by" + names (+ affiliation) */
    K_CREDIT,     /* "reporting by" + names */
    K_STAMP,      /* "updated" + date or time */
    K_COPYRIGHT,  /* "copyright" + year, "©" */
    K_NOTE,       /* "this article" + "has been updated" ... */
    K_POINTER,    /* "watch"/"see"/"read" ... ending in "above"/"below"/"here" */
    K_URL,        /* a bare link */
    K_RESIDUE     /* "&#3;" entity residue */
};

enum {
    F_SENT = 1u << 0,    /* may also start the second or third sentence of a short line */
    F_SPEECH = 1u << 1,  /* vetoed by reported speech in the line */
    F_CAPS = 1u << 2,    /* the matched phrase must be upper case (LexisNexis fields) */
    F_EXTEND = 1u << 3,  /* may run on over wrapped lines */
    F_NOCONT = 1u << 4   /* not on a line that continues the previous one */
};

typedef struct rule {
    const char *pat;     /* lower case, see pm() */
    unsigned short max;  /* longest trimmed line, bytes */
    unsigned char kind;  /* K_* */
    unsigned char flags; /* F_* */
    const char *need;    /* NULL or '|'-separated words, one of which the line must contain */
} rule;

#define SOCIAL "twitter|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|@"
#define PROMO "sign up|subscribe|newsletter|inbox|email"
#define LEGAL "agree|consent|cookie|cookies|terms|privacy"

/* Rules by the lower-cased first byte of the pattern; within a letter the
 * first rule that matches wins. */
static const rule R_amp[] = {{"&#", MAXLINE, K_RESIDUE, 0, NULL}};
static const rule R_a[] = {
    {"a version of this article", 400, K_PREFIX, 0, NULL},
    {"a version of this story", 400, K_PREFIX, 0, NULL},
    {"abstract", 20, K_EXACT, F_CAPS, NULL},
    {"additional reporting by", 300, K_PREFIX, F_SENT | F_EXTEND, NULL},
    {"additional reporting from", 300, K_PREFIX, F_SENT | F_EXTEND, NULL},
    {"additional reporting:", 300, K_PREFIX, F_EXTEND, NULL},
    {"advertisement", 20, K_EXACT, 0, NULL},
    {"advertisement -", 60, K_PREFIX, 0, NULL}, /* "Advertisement - Continue reading below" */
    {"advertising", 20, K_EXACT, 0, NULL},
    {"afp", 10, K_EXACT, F_NOCONT, NULL},
    {"all rights reserved", 250, K_PREFIX, F_SENT | F_EXTEND, NULL},
    {"already a member", 120, K_PREFIX, 0, NULL},
    {"already a subscriber", 120, K_PREFIX, 0, NULL},
    {"already have an account", 120, K_PREFIX, 0, NULL},
    {"also read", 15, K_EXACT, 0, NULL},
    {"also read:", 200, K_PREFIX, 0, NULL},
    {"an earlier version of this article", 400, K_PREFIX, F_EXTEND, NULL},
    {"an earlier version of this story", 400, K_PREFIX, F_EXTEND, NULL},
    {"an earlier version of this post", 400, K_PREFIX, F_EXTEND, NULL},
    {"ap photo", 200, K_PREFIX, 0, NULL},
    {"ap", 10, K_EXACT, F_NOCONT, NULL},
    {"around the web", 30, K_EXACT, 0, NULL},
    {"article continues", 100, K_PREFIX, 0, NULL},
    {"as published in", 70, K_PREFIX, 0, NULL},
    {"associated press writer", 250, K_PREFIX, F_SENT, NULL},
    {"associated press", 30, K_EXACT, F_NOCONT, NULL},
    {"accept all", 40, K_PREFIX, 0, NULL},
    {"accept cookies", 40, K_PREFIX, 0, NULL},
    {"audio", 10, K_EXACT, 0, NULL},
};
static const rule R_b[] = {
    {"back to top", 20, K_EXACT, 0, NULL},
    {"become a member", 200, K_PREFIX, F_SENT | F_SPEECH, NULL},
    {"become a subscriber", 200, K_PREFIX, F_SENT | F_SPEECH, NULL},
    {"begin video clip", 30, K_EXACT, 0, NULL},
    {"begin videotape", 30, K_EXACT, 0, NULL},
    {"by continuing", 300, K_PREFIX, 0, LEGAL},
    {"by using", 300, K_PREFIX, 0, LEGAL},
    {"by clicking", 300, K_PREFIX, 0, LEGAL},
    {"byline:", 150, K_PREFIX, 0, NULL},
    {"by ", 150, K_BYLINE, 0, NULL},
};
static const rule R_c[] = {
    {"caption", 10, K_EXACT, 0, NULL},
    {"caption:", 400, K_PREFIX, 0, NULL},
    {"click here", 200, K_PREFIX, 0, NULL},
    {"click to", 150, K_PREFIX, 0, NULL},
    {"comments", 15, K_EXACT, 0, NULL},
    {"comment", 15, K_EXACT, 0, NULL},
    {"compiled by", 200, K_CREDIT, 0, NULL},
    {"contact the author", 200, K_PREFIX, 0, NULL},
    {"contact the reporter", 200, K_PREFIX, 0, NULL},
    {"contact the writer", 200, K_PREFIX, 0, NULL},
    {"contact us", 80, K_PREFIX, F_SPEECH, NULL},
    {"contact:", 150, K_PREFIX, 0, "@"},
    {"continue reading", 120, K_PREFIX, 0, NULL},
    {"contributing:", 200, K_PREFIX, 0, NULL},
    {"contributors:", 200, K_PREFIX, 0, NULL},
    {"cookie policy", 80, K_PREFIX, 0, NULL},
    {"cookie settings", 80, K_PREFIX, 0, NULL},
    {"cookies settings", 80, K_PREFIX, 0, NULL},
    {"cookie preferences", 80, K_PREFIX, 0, NULL},
    {"copy link", 40, K_PREFIX, 0, NULL},
    {"copyright", 400, K_COPYRIGHT, F_SENT | F_EXTEND, NULL},
    {"correction appended", 30, K_EXACT, 0, NULL},
    {"credit:", 150, K_PREFIX, 0, NULL},
    {"credits:", 150, K_PREFIX, 0, NULL},
    {"create a free account", 150, K_PREFIX, 0, NULL},
    {"create an account", 150, K_PREFIX, 0, NULL},
    {"c)", 300, K_COPYRIGHT, 0, NULL}, /* "(c) 1987 Reuters": the '(' is decoration */
};
static const rule R_d[] = {
    {"developing story", 20, K_EXACT, 0, NULL},
    {"do not sell my", 80, K_PREFIX, 0, NULL},
    {"donate", 10, K_EXACT, 0, NULL},
};
static const rule R_e[] = {
    {"e-mail", 10, K_EXACT, 0, NULL},
    {"e-mail:", 150, K_PREFIX, 0, "@"},
    {"e-mail this", 80, K_PREFIX, 0, NULL},
    {"edited by", 150, K_CREDIT, 0, NULL},
    {"editing by", 300, K_CREDIT, F_EXTEND, NULL},
    {"editor's note", 600, K_PREFIX, F_EXTEND, NULL},
    {"editor's picks", 20, K_EXACT, 0, NULL},
    {"email", 10, K_EXACT, 0, NULL},
    {"email:", 150, K_PREFIX, 0, "@"},
    {"email this", 80, K_PREFIX, 0, NULL},
    {"email the author", 200, K_PREFIX, 0, NULL},
    {"email us", 200, K_PREFIX, F_SENT, "@"},
    {"end video clip", 30, K_EXACT, 0, NULL},
    {"end videotape", 30, K_EXACT, 0, NULL},
    {"enter your email", 120, K_PREFIX, 0, NULL},
};
static const rule R_f[] = {
    {"facebook", 12, K_EXACT, 0, NULL},
    {"file photo", 600, K_PREFIX, 0, NULL},
    {"flagsharelikereply", 300, K_PREFIX, 0, NULL}, /* a live-blog widget */
    {"first published", 120, K_STAMP, 0, NULL},
    {"follow ", 250, K_PREFIX, F_SENT | F_SPEECH, SOCIAL},
    {"for more", 200, K_PREFIX, F_SPEECH, "sign up|subscribe|newsletter"},
    {"from our partners", 30, K_EXACT, 0, NULL},
    {"full text", 20, K_EXACT, F_CAPS, NULL},
};
static const rule R_g[] = {
    {"get the latest", 200, K_PREFIX, F_SENT | F_SPEECH, NULL},
    {"getty images", 20, K_EXACT, 0, NULL},
    {"getty", 10, K_EXACT, 0, NULL},
    {"gift article", 20, K_EXACT, 0, NULL},
};
static const rule R_h[] = {
    {"h/t", 120, K_PREFIX, 0, NULL},
    {"handout", 12, K_EXACT, 0, NULL},
    {"http", 400, K_URL, 0, NULL},
};
static const rule R_i[] = {
    {"illustration by", 150, K_PREFIX, 0, NULL},
    {"illustration:", 200, K_PREFIX, 0, NULL},
    {"image", 10, K_EXACT, 0, NULL},
    {"image caption", 400, K_PREFIX, 0, NULL},
    {"image copyright", 200, K_PREFIX, 0, NULL},
    {"image credit", 200, K_PREFIX, 0, NULL},
    {"image source", 200, K_PREFIX, 0, NULL},
    {"image:", 300, K_PREFIX, 0, NULL},
    {"instagram", 12, K_EXACT, 0, NULL},
    {"instagram:", 100, K_PREFIX, 0, "@"},
};
static const rule R_l[] = {
    {"last modified", 120, K_STAMP, 0, NULL},
    {"last updated", 120, K_STAMP, 0, NULL},
    {"leave a comment", 20, K_EXACT, 0, NULL},
    {"length:", 60, K_PREFIX, F_CAPS, NULL},
    {"like us on", 120, K_PREFIX, 0, NULL},
    {"linkedin", 12, K_EXACT, 0, NULL},
    {"listen to this article", 60, K_PREFIX, 0, NULL},
    {"listen ", 150, K_POINTER, F_SPEECH, NULL},
    {"load-date:", 80, K_PREFIX, F_CAPS, NULL},
    {"loading", 12, K_EXACT, 0, NULL},
    {"log in", 10, K_EXACT, 0, NULL},
    {"log in to", 60, K_PREFIX, 0, NULL},
    {"log in or", 60, K_PREFIX, 0, NULL},
};
static const rule R_m[] = {
    {"media caption", 400, K_PREFIX, 0, NULL},
    {"more:", 250, K_PREFIX, 0, NULL},
    {"more from", 80, K_PREFIX, 0, NULL},
    {"most popular", 20, K_EXACT, 0, NULL},
    {"most read", 20, K_EXACT, 0, NULL},
    {"most read stories", 25, K_EXACT, 0, NULL},
    {"most viewed", 20, K_EXACT, 0, NULL},
    {"most shared", 20, K_EXACT, 0, NULL},
};
static const rule R_n[] = {
    {"newsletter", 15, K_EXACT, 0, NULL},
    {"newsletters", 15, K_EXACT, 0, NULL},
};
static const rule R_o[] = {
    {"on twitter", 250, K_PREFIX, F_SPEECH, "follow"},
    {"online", 10, K_EXACT, 0, NULL},
    {"originally published", 120, K_STAMP, 0, NULL},
};
static const rule R_p[] = {
    {"photo", 10, K_EXACT, 0, NULL},
    {"photos", 10, K_EXACT, 0, NULL},
    {"photo:", 400, K_PREFIX, 0, NULL},
    {"photos:", 400, K_PREFIX, 0, NULL},
    {"photo by", 200, K_PREFIX, 0, NULL},
    {"photos by", 200, K_PREFIX, 0, NULL},
    {"photo credit", 200, K_PREFIX, 0, NULL},
    {"photo courtesy", 200, K_PREFIX, 0, NULL},
    {"photograph:", 300, K_PREFIX, 0, NULL},
    {"photograph by", 200, K_PREFIX, 0, NULL},
    {"photography by", 200, K_PREFIX, 0, NULL},
    {"picture:", 300, K_PREFIX, 0, NULL},
    {"pictured:", 400, K_PREFIX, 0, NULL},
    {"pinterest", 12, K_EXACT, 0, NULL},
    {"posted by", 100, K_CREDIT, 0, NULL},
    {"posted", 120, K_STAMP, 0, NULL},
    {"print", 10, K_EXACT, 0, NULL},
    {"print this", 60, K_PREFIX, 0, NULL},
    {"privacy policy", 60, K_PREFIX, 0, NULL},
    {"promoted", 12, K_EXACT, 0, NULL},
    {"promoted stories", 20, K_EXACT, 0, NULL},
    {"published", 120, K_STAMP, 0, NULL},
};
static const rule R_r[] = {
    {"read more", 15, K_EXACT, 0, NULL},
    {"read more:", 200, K_PREFIX, 0, NULL},
    {"read more at", 200, K_PREFIX, 0, NULL},
    {"read more about", 200, K_PREFIX, F_SPEECH, NULL},
    {"read more from", 200, K_PREFIX, 0, NULL},
    {"read more here", 200, K_PREFIX, 0, NULL},
    {"read next", 15, K_EXACT, 0, NULL},
    {"read next:", 200, K_PREFIX, 0, NULL},
    {"read the full", 200, K_PREFIX, 0, NULL},
    {"read the rest", 200, K_PREFIX, 0, NULL},
    {"read it all", 60, K_PREFIX, 0, NULL},
    {"read ", 150, K_POINTER, F_SPEECH, NULL},
    {"recommended", 15, K_EXACT, 0, NULL},
    {"recommended for you", 25, K_EXACT, 0, NULL},
    {"recommended stories", 25, K_EXACT, 0, NULL},
    {"recommended articles", 25, K_EXACT, 0, NULL},
    {"recommended reading", 25, K_EXACT, 0, NULL},
    {"recommended videos", 25, K_EXACT, 0, NULL},
    {"recommended:", 250, K_PREFIX, 0, NULL},
    {"related:", 250, K_PREFIX, 0, NULL},
    {"related", 10, K_EXACT, 0, NULL},
    {"related articles", 25, K_EXACT, 0, NULL},
    {"related stories", 25, K_EXACT, 0, NULL},
    {"related story", 25, K_EXACT, 0, NULL},
    {"related coverage", 25, K_EXACT, 0, NULL},
    {"related content", 25, K_EXACT, 0, NULL},
    {"related links", 25, K_EXACT, 0, NULL},
    {"related news", 25, K_EXACT, 0, NULL},
    {"related topics", 25, K_EXACT, 0, NULL},
    {"related video", 25, K_EXACT, 0, NULL},
    {"related videos", 25, K_EXACT, 0, NULL},
    {"related reading", 25, K_EXACT, 0, NULL},
    {"reporting by", 300, K_CREDIT, F_EXTEND, NULL},
    {"reddit", 10, K_EXACT, 0, NULL},
    {"register", 10, K_EXACT, 0, NULL},
    {"reuters", 10, K_EXACT, F_NOCONT, NULL},
    {"reuter", 10, K_EXACT, F_NOCONT, NULL},
};
static const rule R_s[] = {
    {"save", 10, K_EXACT, 0, NULL},
    {"save article", 20, K_EXACT, 0, NULL},
    {"scroll to continue", 60, K_PREFIX, 0, NULL},
    {"section:", 100, K_PREFIX, F_CAPS, NULL},
    {"see also", 15, K_EXACT, 0, NULL},
    {"see also:", 200, K_PREFIX, 0, NULL},
    {"see ", 150, K_POINTER, F_SPEECH, NULL},
    {"send tips", 250, K_PREFIX, 0, "@"},
    {"share", 10, K_EXACT, 0, NULL},
    {"share this", 80, K_PREFIX, F_SPEECH, NULL},
    {"share on", 80, K_PREFIX, 0, SOCIAL},
    {"share via", 80, K_PREFIX, 0, NULL},
    {"share article", 20, K_EXACT, 0, NULL},
    {"share full article", 25, K_EXACT, 0, NULL},
    {"share story", 20, K_EXACT, 0, NULL},
    {"show comments", 20, K_EXACT, 0, NULL},
    {"sign in", 10, K_EXACT, 0, NULL},
    {"sign in to", 60, K_PREFIX, 0, NULL},
    {"sign in or", 60, K_PREFIX, 0, NULL},
    {"sign up", 200, K_PREFIX, F_SENT | F_SPEECH, NULL},
    {"skip to", 60, K_PREFIX, 0, NULL},
    {"skip advertisement", 25, K_EXACT, 0, NULL},
    {"sponsored", 12, K_EXACT, 0, NULL},
    {"sponsored content", 25, K_EXACT, 0, NULL},
    {"sponsored links", 25, K_EXACT, 0, NULL},
    {"sponsored stories", 25, K_EXACT, 0, NULL},
    {"staff writer", 80, K_PREFIX, 0, NULL},
    {"staff reporter", 80, K_PREFIX, 0, NULL},
    {"story by", 250, K_PREFIX, 0, NULL},
    {"story continues", 100, K_PREFIX, 0, NULL},
    {"subscribe", 200, K_PREFIX, F_SENT | F_SPEECH, NULL},
    {"support independent", 300, K_PREFIX, F_SENT | F_SPEECH, NULL},
    {"support our journalism", 300, K_PREFIX, F_SENT | F_SPEECH, NULL},
    {"support quality journalism", 300, K_PREFIX, F_SENT | F_SPEECH, NULL},
    {"support us", 12, K_EXACT, 0, NULL},
    {"supported by", 15, K_EXACT, 0, NULL},
};
static const rule R_t[] = {
    {"terms of service", 60, K_PREFIX, 0, NULL},
    {"terms of use", 60, K_PREFIX, 0, NULL},
    {"terms and conditions", 60, K_PREFIX, 0, NULL},
    {"the associated press", 30, K_EXACT, F_NOCONT, NULL},
    {"this material may not", 300, K_PREFIX, F_SENT | F_EXTEND, NULL},
    {"this is a developing story", 150, K_PREFIX, 0, NULL},
    {"this site uses cookies", 400, K_PREFIX, 0, NULL},
    {"this video is restricted", 200, K_PREFIX, 0, NULL},
    {"this website uses cookies", 400, K_PREFIX, 0, NULL},
    {"this article", 400, K_NOTE, F_EXTEND, NULL},
    {"this story", 400, K_NOTE, F_EXTEND, NULL},
    {"this post", 400, K_NOTE, F_EXTEND, NULL},
    {"this piece", 400, K_NOTE, F_EXTEND, NULL},
    {"this version", 400, K_NOTE, F_EXTEND, NULL},
    {"trending", 10, K_EXACT, 0, NULL},
    {"trending now", 15, K_EXACT, 0, NULL},
    {"trending stories", 20, K_EXACT, 0, NULL},
    {"tweet", 10, K_EXACT, 0, NULL},
    {"tweet this", 60, K_PREFIX, 0, NULL},
    {"twitter", 10, K_EXACT, 0, NULL},
    {"twitter:", 100, K_PREFIX, 0, "@"},
};
static const rule R_u[] = {
    {"up next", 10, K_EXACT, 0, NULL},
    {"updated", 120, K_STAMP, 0, NULL},
};
static const rule R_v[] = {
    {"video", 10, K_EXACT, 0, NULL},
    {"videos", 10, K_EXACT, 0, NULL},
    {"video:", 250, K_PREFIX, F_SPEECH, NULL},
    {"view comments", 20, K_EXACT, 0, NULL},
    {"view ", 150, K_POINTER, F_SPEECH, NULL},
};
static const rule R_w[] = {
    {"watch:", 250, K_PREFIX, F_SPEECH, NULL},
    {"watch the latest video", 200, K_PREFIX, 0, NULL},
    {"watch", 10, K_EXACT, 0, NULL},
    {"watch ", 150, K_POINTER, F_SPEECH, NULL},
    {"we use cookies", 400, K_PREFIX, F_SENT, NULL},
    {"we value your privacy", 400, K_PREFIX, 0, NULL},
    {"we and our partners", 400, K_PREFIX, 0, "cookie|cookies"},
    {"we are sorry", 150, K_PREFIX, 0, "video"},
    {"want more", 200, K_PREFIX, F_SPEECH, PROMO},
    {"want to receive", 200, K_PREFIX, F_SPEECH, PROMO},
    {"whatsapp", 12, K_EXACT, 0, NULL},
    {"writing by", 300, K_CREDIT, F_EXTEND, NULL},
    {"written by", 100, K_CREDIT, 0, NULL},
    {"www.", 400, K_URL, 0, NULL},
};
static const rule R_y[] = {
    {"you have reached your", 200, K_PREFIX, 0, NULL},
    {"you've reached your", 200, K_PREFIX, 0, NULL},
    {"you may also like", 40, K_PREFIX, 0, NULL},
    {"you might also like", 40, K_PREFIX, 0, NULL},
    {"your browser does not support", 200, K_PREFIX, 0, NULL},
    {"youtube", 12, K_EXACT, 0, NULL},
};
static const rule R_copy[] = {{"\xc2\xa9", 300, K_COPYRIGHT, F_SENT | F_EXTEND, NULL}}; /* © */

/* The rules whose pattern starts with byte c (lower-cased). */
static const rule *rules_for(unsigned c, size_t *n) {
#define RF(tab) \
    do {        \
        *n = NELEM(tab); \
        return tab;      \
    } while (0)
    switch (c) {
    case '&': RF(R_amp);
    case 'a': RF(R_a);
    case 'b': RF(R_b);
    case 'c': RF(R_c);
    case 'd': RF(R_d);
    case 'e': RF(R_e);
    case 'f': RF(R_f);
    case 'g': RF(R_g);
    case 'h': RF(R_h);
    case 'i': RF(R_i);
    case 'l': RF(R_l);
    case 'm': RF(R_m);
    case 'n': RF(R_n);
    case 'o': RF(R_o);
    case 'p': RF(R_p);
    case 'r': RF(R_r);
    case 's': RF(R_s);
    case 't': RF(R_t);
    case 'u': RF(R_u);
    case 'v': RF(R_v);
    case 'w': RF(R_w);
    case 'y': RF(R_y);
    case 0xC2: RF(R_copy);
    default: *n = 0; return NULL;
    }
#undef RF
}

/* Phrases that mark a short line wherever they stand in it (at a word that
 * follows a space). */
static const rule CONTAINS[] = {
    {"contributed reporting", 300, K_PREFIX, F_SPEECH, NULL},
    {"contributed to this report", 300, K_PREFIX, F_SPEECH, NULL},
    {"contributed to this story", 300, K_PREFIX, F_SPEECH, NULL},
    {"contributed to this article", 300, K_PREFIX, F_SPEECH, NULL},
    {"flagsharelikereply", 300, K_PREFIX, 0, NULL},
    {"all rights reserved", 300, K_PREFIX, 0, NULL},
    {"may not be published, broadcast", 300, K_PREFIX, 0, NULL},
    {"this video is restricted", 200, K_PREFIX, 0, NULL},
    {"your browser does not support", 200, K_PREFIX, 0, NULL},
    {"delivered to your inbox", 250, K_PREFIX, F_SPEECH, NULL},
    {"opens in new window", 300, K_PREFIX, 0, NULL},
    {"opens in a new window", 300, K_PREFIX, 0, NULL},
    {"tweets @", 250, K_PREFIX, F_SPEECH, NULL},
    {"can be reached at", 250, K_PREFIX, F_SPEECH, "@"},
};
#define CONTAINS_MAX 300

/* The first four bytes at s, ASCII letters lower-cased (other bytes are
 * garbled harmlessly: the key is only compared with keys of letters and
 * spaces). */
static inline uint32_t key4(const unsigned char *s) {
    return ((uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16 | (uint32_t)s[3] << 24) | 0x20202020u;
}
#define K4(a, b, c, d) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)

/* Whether a CONTAINS phrase may start with the key: the cheap gate of the
 * per-word scan.  Keep in step with CONTAINS. */
static int contains_key(uint32_t k) {
    switch (k) {
    case K4('c', 'o', 'n', 't'): case K4('f', 'l', 'a', 'g'): case K4('a', 'l', 'l', ' '):
    case K4('m', 'a', 'y', ' '): case K4('t', 'h', 'i', 's'): case K4('y', 'o', 'u', 'r'):
    case K4('d', 'e', 'l', 'i'): case K4('o', 'p', 'e', 'n'): case K4('t', 'w', 'e', 'e'):
    case K4('c', 'a', 'n', ' '):
        return 1;
    }
    return 0;
}

/* Whether a rule with F_SENT may start with the key.  Keep in step with the
 * F_SENT rules. */
static int sent_key(uint32_t k) {
    switch (k) {
    case K4('a', 'd', 'd', 'i'): case K4('a', 'l', 'l', ' '): case K4('a', 's', 's', 'o'):
    case K4('b', 'e', 'c', 'o'): case K4('c', 'o', 'p', 'y'): case K4('e', 'm', 'a', 'i'):
    case K4('f', 'o', 'l', 'l'): case K4('g', 'e', 't', ' '): case K4('s', 'u', 'b', 's'):
    case K4('s', 'i', 'g', 'n'): case K4('s', 'u', 'p', 'p'): case K4('t', 'h', 'i', 's'):
    case K4('w', 'e', ' ', 'u'):
        return 1;
    }
    return 0;
}

/* Phrases that end a short line: "Like the page", "(Opens in new window)". */
static const rule TAILS[] = {
    {"like the page", 150, K_PREFIX, 0, NULL},
    {"opens in new window", 200, K_PREFIX, 0, NULL},
    {"opens in a new window", 200, K_PREFIX, 0, NULL},
    {"to your inbox", 200, K_PREFIX, F_SPEECH, NULL},
    {"in your inbox", 200, K_PREFIX, F_SPEECH, NULL},
    {"getty images", 100, K_PREFIX, F_SPEECH, NULL},
};

/* Whether s[0..n) has only upper-case or non-letter ASCII characters. */
static int all_caps(const unsigned char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (is_low(s[i]) || s[i] >= 0x80) return 0;
    return 1;
}

/* Checks every rule applies after its pattern matched: length, sentence
 * count, reported speech, required words, position. */
static int rule_guard(bline *l, const rule *r) {
    if (l->n > r->max) return 0;
    if ((r->flags & F_NOCONT) && (l->f & LF_CONT)) return 0;
    if (r->need && !has_any(l->s, l->n, r->need)) return 0;
    if (count_sentences(l) > 3) return 0;
    if ((r->flags & F_SPEECH) && is_speech(l)) return 0;
    return 1;
}

/* "Watch the video above.", "See photos from the debate below:", "Read it
 * all here.": a pointer to an embed or a link. */
static int pointer_line(const bline *l) {
    return ends_with(l->c, l->cn, "above") || ends_with(l->c, l->cn, "below") || ends_with(l->c, l->cn, "here");
}

/* "https://example.com/x", "www.example.com": one token, nothing else. */
static int url_line(const bline *l) {
    const unsigned char *c = l->c;
    size_t n = l->cn;
    if (!(pm(c, n, "http://") || pm(c, n, "https://") || pm(c, n, "www."))) return 0;
    for (size_t i = 0; i < n; i++)
        if (c[i] == ' ' || c[i] == '\t' || (c[i] == 0xC2 && i + 1 < n && c[i + 1] == 0xA0)) return 0;
    return 1;
}

/* A line of nothing but numeric character references ("&#3;", "&#22;")
 * and spaces: residue of SGML wire copy. */
static int residue_only(const unsigned char *s, size_t n) {
    size_t i = 0;
    int any = 0;
    while (i < n) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '.') {
            i++;
            continue;
        }
        if (i + 3 < n && s[i] == '&' && s[i + 1] == '#') {
            size_t j = i + 2;
            if (j < n && (s[j] == 'x' || s[j] == 'X')) j++;
            size_t d = j;
            while (j < n && j - d < 8 && is_alnum(s[j])) j++;
            if (j > d && j < n && s[j] == ';') {
                i = j + 1;
                any = 1;
                continue;
            }
        }
        return 0;
    }
    return any;
}

/* Try the rules of s's first letter at s[0..n) (the core start, or a
 * sentence start inside the core when in_sent).  Returns the matching rule
 * or NULL. */
static const rule *try_rules(bline *l, const unsigned char *s, size_t n, int in_sent) {
    size_t nr;
    const rule *tab = rules_for(lc(s[0]), &nr);
    unsigned second = n > 1 ? lc(s[1]) : 0;
    uint32_t key = n >= 4 ? key4(s) : 0;
    for (size_t k = 0; k < nr; k++) {
        const rule *r = &tab[k];
        const unsigned char *p = (const unsigned char *)r->pat;
        /* Cheap rejects before pm(): the second letter, then the first four
         * when they are plain letters (pm's spaces and quotes have variants). */
        if (is_low(p[1]) && p[1] != second) continue;
        if (is_low(p[2]) && is_low(p[3]) && key4(p) != key) continue;
        if (l->n > r->max || (in_sent && !(r->flags & F_SENT))) continue;
        size_t m = pm(s, n, r->pat);
        if (!m) continue;
        if ((r->flags & F_CAPS) && !all_caps(s, m)) continue;
        int ok;
        switch (r->kind) {
        case K_EXACT: ok = m == n; break;
        case K_PREFIX: ok = 1; break;
        case K_BYLINE: ok = !in_sent && s[0] == 'B' && byline_rest(l, s + m, n - m); break;
        case K_CREDIT: ok = credit_rest(l, s + m, n - m); break;
        case K_STAMP: ok = stamp_rest(s + m, n - m); break;
        case K_COPYRIGHT: ok = copyright_rest(s + m, n - m, s[0] == 0xC2); break;
        case K_NOTE: ok = note_rest(s + m, n - m); break;
        case K_POINTER: ok = !in_sent && pointer_line(l); break;
        case K_URL: ok = url_line(l); break;
        case K_RESIDUE: ok = residue_only(l->s, l->n); break;
        default: ok = 0; break;
        }
        if (!ok) continue;
        /* A match after the first sentence marks the whole line: only if
         * nothing in the line is reported speech. */
        if (in_sent && is_speech(l)) continue;
        if (r->kind != K_RESIDUE && !rule_guard(l, r)) continue;
        return r;
    }
    return NULL;
}

/* The word at c[j] (j > 0) inside a short line: a CONTAINS phrase, or a
 * phrase rule allowed at sentence starts if a sentence starts here. */
static const rule *word_rules(bline *l, const unsigned char *c, size_t n, size_t j) {
    uint32_t key = key4(c + j);
    if (contains_key(key)) {
        for (size_t k = 0; k < NELEM(CONTAINS); k++) {
            const rule *cr = &CONTAINS[k];
            if (key4((const unsigned char *)cr->pat) != key || l->n > cr->max) continue;
            if (pm(c + j, n - j, cr->pat) && rule_guard(l, cr)) return cr;
        }
    }
    /* A sentence start: a capital after . ! ? and the spaces, closing quotes
     * and brackets in between ("podcast.\u201d\u00a0Subscribe here"). */
    if (is_up(c[j]) && l->n <= 300 && sent_key(key)) {
        size_t i = j;
        while (i > 0 && (c[i - 1] == ' ' || c[i - 1] == '"' || c[i - 1] == '\'' || c[i - 1] == ')' || c[i - 1] >= 0x80))
            i--;
        if (i > 0 && (c[i - 1] == '.' || c[i - 1] == '!' || c[i - 1] == '?')) return try_rules(l, c + j, n - j, 1);
    }
    return NULL;
}

/* ---- credit lines ------------------------------------------------------- */

static const char AGENCIES[] =
    "getty|reuters|reuter|afp|ap|epa|efe|xinhua|anadolu|bloomberg|shutterstock|istock|istockphoto|sipa|"
    "zuma|abaca|pool|handout|nurphoto|tass|ansa|dpa|kyodo|yonhap|upi|alamy|corbis|wireimage|filmmagic|"
    "associated";
static const char PLATFORMS[] = "facebook|instagram|twitter|youtube|flickr|wikimedia|tiktok";

/* Is s[0..n) a photo credit: "Jim Urquhart / Reuters", "MICHAEL B. THOMAS
 * via Getty Images", "AP Photo/Evan Vucci", "Facebook/Mohamed Shoukair"?
 * Capitalized words joined by '/' or "via", naming an agency (a platform
 * only when whole is set: the credit is the whole line). */
static int credit_seg(const unsigned char *s, size_t n, int whole) {
    if (!n || n > 100 || !word_capital(s, n)) return 0;
    for (size_t k = 0; k < n; k++)
        if (is_dig(s[k])) return 0; /* "1987/88", "dlrs/tonne 12" */
    size_t i = 0, wn;
    int sep, words = 0, agency = 0, joined = 0;
    if (memchr(s, '/', n)) joined = 1;
    for (;;) {
        const unsigned char *w = next_word(s, n, &i, &wn, &sep);
        if (!wn) break;
        if (++words > 10) return 0;
        if (word_in(w, wn, "poll|polls|ipsos|gfk|norc|survey|says|said|shows")) return 0;
        if (word_in(w, wn, AGENCIES) || (whole && word_in(w, wn, PLATFORMS))) agency = 1;
        if (word_in(w, wn, "via|by|courtesy|photo")) {
            joined = 1;
            continue;
        }
        if (word_capital(w, wn) || word_in(w, wn, NAME_LINK) || word_in(w, wn, "of|for|the|file|images"))
            continue;
        return 0;
    }
    return agency && joined;
}

/* Lines that are, or end with, a photo credit.  A caption ending in a
 * credit ("Obama speaks in Ohio. REUTERS/Kevin Lamarque", "... (FABRICE
 * COFFRINI/AFP/Getty Images)") is marked whole: captions are not article
 * text.  Gate: a '/' near the end, or the line ends with "Images". */
static int credit_line(bline *l) {
    const unsigned char *c = l->c;
    size_t n = l->cn;
    size_t win = n < 120 ? n : 120;
    if (!memchr(c + n - win, '/', win) && !(lc(c[n - 1]) == 's' && ends_with(c, n, "images"))) return 0;
    if (credit_seg(c, n, 1)) return count_sentences(l) <= 3;
    if (l->n > 500 || count_sentences(l) > 4) return 0;
    /* Parenthesized tail: the core lost the final ')', find the last '('. */
    size_t k = n;
    while (k > n - win && c[k - 1] != '(') k--;
    if (k > n - win && credit_seg(c + k, n - k, 0)) return !is_speech(l);
    /* Tail after the last sentence end. */
    k = n;
    while (k > n - win && !(c[k - 1] == ' ' && k >= 2 && (c[k - 2] == '.' || c[k - 2] == ';'))) k--;
    if (k > n - win && credit_seg(c + k, n - k, 0)) return !is_speech(l);
    return 0;
}

/* ---- word-at-a-time space search ------------------------------------- */

/* Bit 7 of byte k of the result is set when s[k] (k < 8, k < n) is a
 * space or the second byte of a no-break space.  Exact (no false hits from
 * borrows), one 64-bit word at a time. */
static inline uint64_t space_mask(const unsigned char *s, size_t n) {
    uint64_t x = 0;
    memcpy(&x, s, n < 8 ? n : 8); /* bytes past n stay 0: never a space */
    const uint64_t lo7 = 0x7F7F7F7F7F7F7F7FULL;
    uint64_t a = x ^ 0x2020202020202020ULL, b = x ^ 0xA0A0A0A0A0A0A0A0ULL;
    uint64_t za = ~(((a & lo7) + lo7) | a | lo7), zb = ~(((b & lo7) + lo7) | b | lo7);
    uint64_t m = za | zb;
    /* memcpy filled memory order; on big-endian hosts byte 0 is the top. */
    const union { uint16_t u; unsigned char c[2]; } endian = {1};
    if (!endian.c[0]) {
        uint64_t r = 0;
        for (int k = 0; k < 8; k++) r |= ((m >> (56 - 8 * k)) & 0x80u) << (8 * k);
        m = r;
    }
    return m;
}

/* Index of the lowest set bit of m (m != 0). */
static inline unsigned lowest_bit(uint64_t m) {
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(m);
#else
    unsigned k = 0;
    while (!(m & 1)) {
        m >>= 1;
        k++;
    }
    return k;
#endif
}

/* ---- CSS residue -------------------------------------------------------- */

/* ".image-wrap img {", "@media screen and (max-width: 600px) {". */
static int css_selector(const unsigned char *s, size_t n) {
    if (n < 2 || n > 200 || s[n - 1] != '{') return 0;
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned c = s[i];
        if (!(is_alnum(c) || (c && strchr(" .#_,:>*()-@=[]\"'~+%", (int)c)))) return 0;
    }
    return 1;
}

/* "width:100%;", "text-align: left;", "-webkit-border-radius: 50px;". */
static int css_property(const unsigned char *s, size_t n) {
    if (n < 4 || n > 100 || s[n - 1] != ';') return 0;
    size_t i = 0;
    if (s[0] == '-') i++;
    size_t b = i;
    while (i < n && (is_low(s[i]) || s[i] == '-')) i++;
    if (i == b || i >= n) return 0;
    while (i < n && s[i] == ' ') i++;
    if (i >= n || s[i] != ':') return 0;
    i++;
    int digit = 0, spaces = 0;
    for (; i + 1 < n; i++) {
        if (is_dig(s[i]) || s[i] == '#') digit = 1;
        if (s[i] == ' ' && i > 0 && s[i - 1] != ':' && s[i - 1] != ',') spaces++;
        if (s[i] >= 0x80) return 0;
    }
    return digit || spaces <= 1;
}

/* A line inside a CSS block: a property, a nested selector, or a closing
 * brace ("}", "}."). */
static int css_inner(const unsigned char *s, size_t n) {
    if (n > 200) return 0;
    if (s[n - 1] == ';' && memchr(s, ':', n)) return 1;
    if (css_selector(s, n)) return 1;
    return n <= 3 && s[0] == '}';
}

/* ---- the wire signature ------------------------------------------------- */

/* Whether s[0..n) is junk that may follow the signature: spaces, dots,
 * "^M", "&#3;", a desk code ("TAW"), a time stamp ("14:23/GB"). */
static int sig_junk(const unsigned char *s, size_t n) {
    if (n > 24) return 0;
    for (size_t i = 0; i < n; i++)
        if (is_low(s[i]) || s[i] >= 0x80) return 0;
    return 1;
}

/* Signature at the end of a wire story's last line.  Returns the offset in
 * l->s where the signature span starts, or -1.  "REUTER" in capitals is
 * always the signature; "Reuter(s)" only as a line of its own that does not
 * continue a sentence ("... he told\nReuters." does) or is indented, or
 * after a sentence end ("... ounce. Reuter"). */
static long signature(const bline *l) {
    const unsigned char *s = l->s;
    size_t n = l->n;
    /* The line is the signature. */
    if (l->cn >= 6 && pm(l->c, 6, "reuter") == 6) {
        size_t m = 6;
        if (m < l->cn && lc(l->c[m]) == 's') m++;
        int caps = all_caps(l->c, m);
        if ((m == l->cn || !is_alpha(l->c[m]) || caps) && sig_junk(l->c + m, l->cn - m) &&
            (caps || !(l->f & LF_CONT) || (l->f & LF_INDENT)))
            return 0;
    }
    /* The signature ends the line: find "REUTER" in the last 40 bytes. */
    size_t lo = n > 40 ? n - 40 : 1;
    for (size_t k = n >= 6 ? n - 6 : 0; k >= lo && k > 0; k--) {
        if (lc(s[k]) != 'r' || pm(s + k, 6, "reuter") != 6) continue;
        if (!sp_len(s + k - 1, 1)) continue;
        size_t m = k + 6;
        if (m < n && lc(s[m]) == 's') m++;
        int caps = all_caps(s + k, m - k);
        if (m < n && is_alpha(s[m]) && !caps) continue;
        if (!sig_junk(s + m, n - m)) continue;
        if (!caps) {
            size_t j = k - 1;
            while (j > 0 && sp_len(s + j, 1)) j--;
            if (!ends_sentence(s, j + 1)) continue;
        }
        return (long)k;
    }
    return -1;
}

/* ---- the driver --------------------------------------------------------- */

/* Trim s[*a..*b) of whitespace on both sides. */
static void trim(const unsigned char *t, size_t *a, size_t *b) {
    size_t k;
    while (*a < *b && (k = ws_fwd(t + *a, *b - *a))) *a += k;
    while (*b > *a && (k = ws_back(t + *a, *b - *a))) *b -= k;
}

/* "(Reporting by ...)", "[Video: ...]", "(... Getty Images.)." */
static int parenthesized(const unsigned char *s, size_t n) {
    if (n < 2 || (s[0] != '(' && s[0] != '[')) return 0;
    if (s[n - 1] == '.') n--;
    return n >= 2 && (s[n - 1] == ')' || s[n - 1] == ']');
}

/* Fill the core of l: strip decoration from both ends. */
static void set_core(bline *l) {
    const unsigned char *c = l->s;
    size_t n = l->n, k;
    while (n && (k = decor_fwd(c, n))) {
        c += k;
        n -= k;
    }
    while (n && (k = decor_back(c, n))) n -= k;
    l->c = c;
    l->cn = n;
}

/* Classify one line.  Returns 0 (content), 1 (boilerplate), 2
 * (boilerplate that may run on over wrapped lines) or 3 (a separator line
 * such as "___" or "- - - -", boilerplate unless it interrupts a sentence). */
static int classify(bline *l) {
    if (l->cn == 0) {
        /* Nothing but decoration: a separator line such as "___" or "* * *". */
        int sym = 0;
        for (size_t i = 0; i < l->n; i++) sym += is_sepbyte(l->s[i]) || l->s[i] == 0xE2;
        return sym >= 2 ? 3 : 0;
    }
    const unsigned char *c = l->c;
    size_t n = l->cn;

    /* 1. Phrase rules at the start of the line. */
    const rule *r = try_rules(l, c, n, 0);
    if (r) return (r->flags & F_EXTEND) ? 2 : 1;

    /* 2. Phrases that end the line. */
    unsigned e = lc(c[n - 1]), e1 = n > 1 ? lc(c[n - 2]) : 0;
    if (l->n <= 200 && ((e1 == 'g' && e == 'e') || (e1 == 'o' && (e == 'w' || e == 'x')) || (e1 == 'e' && e == 's'))) {
        for (size_t k = 0; k < NELEM(TAILS); k++)
            if (ends_with(c, n, TAILS[k].pat) && rule_guard(l, &TAILS[k])) return 1;
    }

    /* 3. Photo credits and captions. */
    if (credit_line(l)) return 1;

    /* 4. CSS left over from the page. */
    if (css_property(l->s, l->n) || (l->n <= 2 && l->s[0] == '}')) return 1;

    /* 5. Short lines: phrases anywhere and phrase rules at sentence starts,
     * tried at the words that follow a space. */
    if (l->n > CONTAINS_MAX) return 0;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t m = space_mask(c + i, n - i);
        while (m) {
            size_t j = i + (size_t)(lowest_bit(m) >> 3) + 1; /* the byte after the space */
            m &= m - 1;
            if (j + 4 > n || !is_alpha(c[j])) continue;
            r = word_rules(l, c, n, j);
            if (r) return (r->flags & F_EXTEND) ? 2 : 1;
        }
    }
    return 0;
}

/* Record [start, end) as a span and keep the spans ordered. */
static int push(dyad_doc *d, size_t start, size_t end) {
    if (end <= start) return 0;
    if (d->nboiler && d->boiler[d->nboiler - 1].end > start) return 0; /* never overlap */
    return doc_push_boiler(d, (uint32_t)start, (uint32_t)end);
}

/* Set TOKF_BOILER on every token that starts inside a span.  Tokens are
 * ordered by offset, so each span finds its first token by binary search. */
static void mark_tokens(dyad_doc *d) {
    for (size_t k = 0; k < d->nboiler; k++) {
        uint32_t a = d->boiler[k].start, b = d->boiler[k].end;
        size_t lo = 0, hi = d->ntok;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (d->toks[mid].start < a) lo = mid + 1;
            else hi = mid;
        }
        for (size_t i = lo; i < d->ntok && d->toks[i].start < b; i++) d->toks[i].flags |= TOKF_BOILER;
    }
}

/* After a matched line ending mid-sentence at offset end, the wrapped lines
 * that continue it: each starts with a lower-case letter, the last ends a
 * sentence or the paragraph.  Returns the new span end (end if none). */
static size_t extend(const unsigned char *t, size_t len, size_t end) {
    if (ends_sentence(t, end)) return end;
    size_t pos = end, best = end;
    for (int lines = 0; lines < EXTEND_LINES; lines++) {
        const unsigned char *nl = memchr(t + pos, '\n', len - pos);
        if (!nl) break;
        size_t a = (size_t)(nl - t) + 1;
        const unsigned char *nl2 = a < len ? memchr(t + a, '\n', len - a) : NULL;
        size_t b = nl2 ? (size_t)(nl2 - t) : len;
        if (a >= len || t[a] == ' ' || t[a] == '\t') break; /* indented: a new paragraph */
        size_t ta = a, tb = b;
        trim(t, &ta, &tb);
        if (ta == tb || !is_low(t[ta])) break;
        if (tb - end > EXTEND_BYTES) return end;
        best = tb;
        pos = tb;
        if (ends_sentence(t, tb)) return best;
    }
    /* Ran out of continuation lines: the paragraph ends here. */
    const unsigned char *nl = memchr(t + best, '\n', len - best);
    if (best > end && (!nl || nl + 1 >= t + len || nl[1] == '\n' || nl[1] == '\r' || !is_low(nl[1]))) return best;
    return end;
}

/* Start offset of the last line with content that is not entity residue,
 * and the end of that content. */
static void last_content(const unsigned char *t, size_t len, size_t *start, size_t *end) {
    size_t b = len;
    *start = SIZE_MAX;
    *end = len;
    for (int guard = 0; guard < 8 && b > 0; guard++) {
        size_t a = b;
        while (a > 0 && t[a - 1] != '\n') a--;
        size_t ta = a, tb = b;
        trim(t, &ta, &tb);
        if (ta < tb && !residue_only(t + ta, tb - ta)) {
            *start = ta;
            *end = tb;
            return;
        }
        b = a ? a - 1 : 0;
    }
}

/* Find the boilerplate of d: push its spans (in order, non-overlapping,
 * trimmed, whole lines but for the wire signature) with doc_push_boiler and
 * set TOKF_BOILER on the tokens that start inside them.  Spans already in d
 * are kept (the caller clears them).  Reads only d's text and tokens, so it
 * may run on distinct documents in parallel.  DYAD_OK, or DYAD_ENOMEM when
 * the span vector cannot grow (then no token is marked). */
int boiler_run(dyad_doc *d) {
    if (!d || !d->text || !d->len) return DYAD_OK;
    const unsigned char *t = (const unsigned char *)d->text;
    size_t len = d->len;

    size_t first = 0, k;
    while (first < len && (k = ws_fwd(t + first, len - first))) first += k;
    if (first == len) return DYAD_OK;
    size_t last_start, last_end;
    last_content(t, len, &last_start, &last_end);
    size_t head_edge = first + EDGE_BYTES;
    size_t tail_edge = last_end > EDGE_BYTES ? last_end - EDGE_BYTES : 0;

    size_t pos = 0;
    size_t prev_len = 0;     /* trimmed length of the previous non-blank line, 0 after a blank */
    int prev_open = 0;       /* the previous line did not end a sentence */
    int css = 0;             /* brace depth inside a CSS block */
    while (pos < len) {
        const unsigned char *nl = memchr(t + pos, '\n', len - pos);
        size_t eol = nl ? (size_t)(nl - t) : len;
        size_t a = pos, b = eol;
        trim(t, &a, &b);
        int indented = pos < eol && (t[pos] == ' ' || t[pos] == '\t');
        pos = eol + 1;
        if (a == b) {
            prev_len = 0;
            prev_open = 0;
            continue;
        }
        bline l = {t + a, b - a, NULL, 0, 0, -1};
        size_t span_end = b;
        int hit = 0;

        if (prev_len && prev_open) {
            l.f |= LF_CONT;
            if (prev_len >= 50 && !indented) l.f |= LF_WRAP;
        }
        if (a < head_edge || b > tail_edge) l.f |= LF_EDGE;
        if (indented) l.f |= LF_INDENT;

        if (css) {
            /* Inside a CSS block until the braces close; any other line
             * means it was not CSS after all. */
            if (!css_inner(l.s, l.n)) {
                css = 0;
            } else {
                for (size_t i = 0; i < l.n; i++) css += (l.s[i] == '{') - (l.s[i] == '}');
                if (css < 0) css = 0;
                hit = 1;
            }
        } else if (css_selector(l.s, l.n)) {
            css = 1;
            hit = 1;
        }

        if (!hit && a == last_start) {
            set_core(&l);
            long sig = signature(&l);
            if (sig >= 0) {
                if (push(d, a + (size_t)sig, b)) return DYAD_ENOMEM;
                prev_len = l.n;
                prev_open = 0;
                continue;
            }
        }

        if (!hit && l.n <= MAXLINE && !(l.f & LF_WRAP)) {
            if (parenthesized(l.s, l.n)) l.f |= LF_PAREN;
            set_core(&l);
            int cls = classify(&l);
            if (cls == 3 && (l.f & LF_CONT)) cls = 0;
            if (cls) {
                hit = 1;
                if (cls == 2) span_end = extend(t, len, b);
            }
        }

        if (hit) {
            if (push(d, a, span_end)) return DYAD_ENOMEM;
            if (span_end > b) {
                /* Skip the absorbed lines. */
                const unsigned char *nl2 = memchr(t + span_end, '\n', len - span_end);
                pos = nl2 ? (size_t)(nl2 - t) + 1 : len;
                b = span_end;
            }
        }
        prev_len = b - a;
        prev_open = !ends_sentence(t + a, b - a);
    }
    mark_tokens(d);
    return DYAD_OK;
}
