/* date.c -- date expressions found in the text and resolved to calendar dates.
 *
 * Finds explicit dates ("March 3, 2023", "3 March", "the 3rd of March",
 * "2023-03-03", "3/3/2023"), partial ones ("March", "March 2023", "in 2019",
 * "the 1990s", "the 20th century", "summer of 2012"), relative ones
 * ("yesterday", "last week", "next month", "two days ago", "this weekend",
 * "the day before", "late last year") and ranges ("March 3-5", "between 2019
 * and 2021"), and resolves each against the document date into an ISO 8601
 * value at the granularity the text gives (SPEC.md `dates`).
 *
 * The design is a hand-written matcher over tokens, not regular
 * expressions: one pass looks every word token up in a small sorted table
 * (month and weekday names, relative words, number words) and stores a byte
 * id per token in the document's scratch buffer; the second pass tries the
 * patterns only at tokens with an id or of kind TOK_NUM.  Nothing is
 * allocated per token.
 *
 * Tense decides which way a bare weekday or month goes ("on Friday" in a
 * past-tense sentence is the previous Friday; "will meet on Friday" the next
 * one).  In a parsed document the date's head is climbed to the verb it
 * attaches to (obl, obl:tmod, obl:unmarked ...) and that verb with its
 * aux/cop/mark children gives the tense (head_tense); when that says
 * neither past nor future, or the text is not parsed, the nearest cue
 * word decides (will, 'll, plans to, due to, scheduled; a VBD tag when
 * tagged, else was, said, -ed verbs), and without a cue a weekday is past
 * (news reports what happened) and a month stays in the document's year
 * unless that would put it more than half a year ahead.  The document's own
 * weekday is the document's day whatever the tense: wire copy dated
 * Tuesday says "officials said on Tuesday" of that very day (so do the
 * Reuters-21578 stories we read); "last Tuesday" is the week before.
 *
 * "The past N days|weeks|months|years" counts the current unit in and ends
 * on the document date ("the past 35 years" in October 2013 is
 * 1979/2013-10-14).  A duration is a date only when it runs up to now in a
 * present-perfect clause ("has been fighting for six years"); a two-digit
 * number only as a year in a list beside a four-digit one ("Reagan in 80
 * and 84 ... Bush in 2000").
 *
 * "today" in a present-tense clause is "nowadays" ("magic is alive
 * today"), not a date (GUM does not annotate it): in a parsed document it
 * is kept only in a past or future clause or as "today's".  Vague counts
 * ("a few months ago", "several years ago", "the past few days") count as
 * three, but not anaphorically ("a few years earlier" is no date).  A
 * dateline (a sentence that is only "Tuesday, June 19, 2018") in the first
 * sentences becomes the anchor for the rest of the text.
 *
 * Anaphoric expressions ("the day before", "three weeks later", "the year
 * before") count from the last date resolved before them in the document,
 * else from the document date.  Without a document date only expressions
 * that carry their own year are resolved. */
#include "date.h"

#include <string.h>

#include "ud.h"

/* ---- calendar arithmetic (proleptic Gregorian, day 0 = 1970-01-01) ---- */

static int64_t days_from_civil(int y, int m, int d) {
    int64_t yy = (int64_t)y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) {
    static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/* 0 = Monday .. 6 = Sunday. */
static int weekday_of(int64_t z) {
    int64_t w = (z + 3) % 7; /* 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w);
}

/* A point at some granularity: m == 0 means the year, d == 0 the month. */
typedef struct dpt {
    int y, m, d;
} dpt;

/* A value: one point, or a range a..b. */
typedef struct dval {
    dpt a, b;
    int range;
} dval;

static dpt pt_day(int64_t z) {
    dpt p;
    civil_from_days(z, &p.y, &p.m, &p.d);
    return p;
}

static dpt pt_month(int y, int m) {
    /* normalise a month that ran over the year */
    while (m < 1) m += 12, y--;
    while (m > 12) m -= 12, y++;
    dpt p = {y, m, 0};
    return p;
}

static dpt pt_year(int y) {
    dpt p = {y, 0, 0};
    return p;
}

static dval v_one(dpt a) {
    dval v;
    v.a = a;
    v.b = a;
    v.range = 0;
    return v;
}

static dval v_range(dpt a, dpt b) {
    dval v;
    v.a = a;
    v.b = b;
    v.range = 1;
    return v;
}

static dval v_days(int64_t a, int64_t b) { return a == b ? v_one(pt_day(a)) : v_range(pt_day(a), pt_day(b)); }

static int put_pt(char *s, dpt p) {
    int n = 0;
    int y = p.y;
    if (y < 0 || y > 9999) y = y < 0 ? 0 : 9999;
    s[n++] = (char)('0' + y / 1000);
    s[n++] = (char)('0' + y / 100 % 10);
    s[n++] = (char)('0' + y / 10 % 10);
    s[n++] = (char)('0' + y % 10);
    if (p.m) {
        s[n++] = '-';
        s[n++] = (char)('0' + p.m / 10);
        s[n++] = (char)('0' + p.m % 10);
        if (p.d) {
            s[n++] = '-';
            s[n++] = (char)('0' + p.d / 10);
            s[n++] = (char)('0' + p.d % 10);
        }
    }
    return n;
}

static void fmt_val(const dval *v, char out[32]) {
    int n = put_pt(out, v->a);
    if (v->range) {
        out[n++] = '/';
        n += put_pt(out + n, v->b);
    }
    out[n] = 0;
}

/* ---- the word table ---- */

enum {
    W_NONE = 0, W_MONTH, W_WDAY, W_TODAY, W_TONIGHT, W_YESTERDAY, W_TOMORROW, W_LAST, W_NEXT, W_THIS,
    W_PAST, W_COMING, W_PREVIOUS, W_FOLLOWING, W_UNIT, W_AGO, W_EARLIER, W_LATER, W_BEFORE, W_AFTER,
    W_BACK, W_EARLY, W_MID, W_LATE, W_END, W_START, W_THE, W_OF, W_A, W_COUPLE, W_NUMW, W_DECW, W_ORDW,
    W_SEASON, W_PART, W_BETWEEN, W_FROM, W_TO, W_AND, W_NOW, W_PREP, W_YEAREND,
    W_COMMA, W_DASH, W_NUM /* token ids not from the table */
};

enum { U_DAY = 1, U_WEEK, U_WEEKEND, U_MONTH, U_YEAR, U_DECADE, U_CENTURY, U_HOUR };

#define ABBR 0x80 /* val flag: an abbreviated month or weekday name */

typedef struct wentry {
    const char *w;
    uint8_t n, id, val;
} wentry;

/* Sorted by bytes (binary search); tests/test_date.c checks the order. */
static const wentry words[] = {
    {"a", 1, W_A, 1},
    {"after", 5, W_AFTER, 0},
    {"afternoon", 9, W_PART, 0},
    {"ago", 3, W_AGO, 0},
    {"an", 2, W_A, 1},
    {"and", 3, W_AND, 0},
    {"apr", 3, W_MONTH, 0x84},
    {"april", 5, W_MONTH, 4},
    {"around", 6, W_PREP, 0},
    {"at", 2, W_PREP, 0},
    {"aug", 3, W_MONTH, 0x88},
    {"august", 6, W_MONTH, 8},
    {"autumn", 6, W_SEASON, 3},
    {"back", 4, W_BACK, 0},
    {"before", 6, W_BEFORE, 0},
    {"beginning", 9, W_START, 0},
    {"between", 7, W_BETWEEN, 0},
    {"by", 2, W_PREP, 0},
    {"centuries", 9, W_UNIT, U_CENTURY},
    {"century", 7, W_UNIT, U_CENTURY},
    {"circa", 5, W_PREP, 0},
    {"coming", 6, W_COMING, 0},
    {"couple", 6, W_COUPLE, 2},
    {"day", 3, W_UNIT, U_DAY},
    {"days", 4, W_UNIT, U_DAY},
    {"dec", 3, W_MONTH, 0x8c},
    {"decade", 6, W_UNIT, U_DECADE},
    {"decades", 7, W_UNIT, U_DECADE},
    {"december", 8, W_MONTH, 12},
    {"during", 6, W_PREP, 0},
    {"earlier", 7, W_EARLIER, 0},
    {"early", 5, W_EARLY, 0},
    {"eight", 5, W_NUMW, 8},
    {"eighteen", 8, W_NUMW, 18},
    {"eighteenth", 10, W_ORDW, 18},
    {"eighties", 8, W_DECW, 8},
    {"eleven", 6, W_NUMW, 11},
    {"end", 3, W_END, 0},
    {"evening", 7, W_PART, 0},
    {"fall", 4, W_SEASON, 3},
    {"feb", 3, W_MONTH, 0x82},
    {"february", 8, W_MONTH, 2},
    {"few", 3, W_COUPLE, 3},
    {"fifteen", 7, W_NUMW, 15},
    {"fifteenth", 9, W_ORDW, 15},
    {"fifties", 7, W_DECW, 5},
    {"fifty", 5, W_NUMW, 50},
    {"five", 4, W_NUMW, 5},
    {"following", 9, W_FOLLOWING, 0},
    {"forties", 7, W_DECW, 4},
    {"forty", 5, W_NUMW, 40},
    {"four", 4, W_NUMW, 4},
    {"fourteen", 8, W_NUMW, 14},
    {"fri", 3, W_WDAY, 0x84},
    {"friday", 6, W_WDAY, 4},
    {"from", 4, W_FROM, 0},
    {"hour", 4, W_UNIT, U_HOUR},
    {"hours", 5, W_UNIT, U_HOUR},
    {"in", 2, W_PREP, 0},
    {"jan", 3, W_MONTH, 0x81},
    {"january", 7, W_MONTH, 1},
    {"jul", 3, W_MONTH, 0x87},
    {"july", 4, W_MONTH, 7},
    {"jun", 3, W_MONTH, 0x86},
    {"june", 4, W_MONTH, 6},
    {"last", 4, W_LAST, 0},
    {"late", 4, W_LATE, 0},
    {"later", 5, W_LATER, 0},
    {"mar", 3, W_MONTH, 0x83},
    {"march", 5, W_MONTH, 3},
    {"may", 3, W_MONTH, 5},
    {"mid", 3, W_MID, 0},
    {"mon", 3, W_WDAY, 0x80},
    {"monday", 6, W_WDAY, 0},
    {"month", 5, W_UNIT, U_MONTH},
    {"months", 6, W_UNIT, U_MONTH},
    {"morning", 7, W_PART, 0},
    {"next", 4, W_NEXT, 0},
    {"night", 5, W_PART, 0},
    {"nine", 4, W_NUMW, 9},
    {"nineteen", 8, W_NUMW, 19},
    {"nineteenth", 10, W_ORDW, 19},
    {"nineties", 8, W_DECW, 9},
    {"nov", 3, W_MONTH, 0x8b},
    {"november", 8, W_MONTH, 11},
    {"now", 3, W_NOW, 0},
    {"oct", 3, W_MONTH, 0x8a},
    {"october", 7, W_MONTH, 10},
    {"of", 2, W_OF, 0},
    {"on", 2, W_PREP, 0},
    {"one", 3, W_NUMW, 1},
    {"past", 4, W_PAST, 0},
    {"preceding", 9, W_PREVIOUS, 0},
    {"previous", 8, W_PREVIOUS, 0},
    {"prior", 5, W_PREVIOUS, 0},
    {"sat", 3, W_WDAY, 0x85},
    {"saturday", 8, W_WDAY, 5},
    {"sep", 3, W_MONTH, 0x89},
    {"sept", 4, W_MONTH, 0x89},
    {"september", 9, W_MONTH, 9},
    {"seven", 5, W_NUMW, 7},
    {"seventeen", 9, W_NUMW, 17},
    {"seventeenth", 11, W_ORDW, 17},
    {"seventies", 9, W_DECW, 7},
    {"several", 7, W_NUMW, 3},
    {"since", 5, W_PREP, 0},
    {"six", 3, W_NUMW, 6},
    {"sixteen", 7, W_NUMW, 16},
    {"sixteenth", 9, W_ORDW, 16},
    {"sixties", 7, W_DECW, 6},
    {"spring", 6, W_SEASON, 1},
    {"start", 5, W_START, 0},
    {"summer", 6, W_SEASON, 2},
    {"sun", 3, W_WDAY, 0x86},
    {"sunday", 6, W_WDAY, 6},
    {"ten", 3, W_NUMW, 10},
    {"the", 3, W_THE, 0},
    {"thirteen", 8, W_NUMW, 13},
    {"thirties", 8, W_DECW, 3},
    {"thirty", 6, W_NUMW, 30},
    {"this", 4, W_THIS, 0},
    {"three", 5, W_NUMW, 3},
    {"through", 7, W_TO, 0},
    {"thru", 4, W_TO, 0},
    {"thu", 3, W_WDAY, 0x83},
    {"thur", 4, W_WDAY, 0x83},
    {"thurs", 5, W_WDAY, 0x83},
    {"thursday", 8, W_WDAY, 3},
    {"till", 4, W_TO, 0},
    {"to", 2, W_TO, 0},
    {"today", 5, W_TODAY, 0},
    {"tomorrow", 8, W_TOMORROW, 0},
    {"tonight", 7, W_TONIGHT, 0},
    {"tue", 3, W_WDAY, 0x81},
    {"tues", 4, W_WDAY, 0x81},
    {"tuesday", 7, W_WDAY, 1},
    {"twelve", 6, W_NUMW, 12},
    {"twenties", 8, W_DECW, 2},
    {"twentieth", 9, W_ORDW, 20},
    {"twenty", 6, W_NUMW, 20},
    {"twenty-first", 12, W_ORDW, 21},
    {"two", 3, W_NUMW, 2},
    {"until", 5, W_TO, 0},
    {"upcoming", 8, W_COMING, 0},
    {"wed", 3, W_WDAY, 0x82},
    {"wednesday", 9, W_WDAY, 2},
    {"week", 4, W_UNIT, U_WEEK},
    {"weekend", 7, W_UNIT, U_WEEKEND},
    {"weekends", 8, W_UNIT, U_WEEKEND},
    {"weeks", 5, W_UNIT, U_WEEK},
    {"winter", 6, W_SEASON, 4},
    {"year", 4, W_UNIT, U_YEAR},
    {"year-end", 8, W_YEAREND, 0},
    {"years", 5, W_UNIT, U_YEAR},
    {"yesterday", 9, W_YESTERDAY, 0},
};

#define NWORDS (sizeof words / sizeof words[0])

static const unsigned char lower_tab[256] = {
#define L4(c) (c), (c) + 1, (c) + 2, (c) + 3
#define L16(c) L4(c), L4((c) + 4), L4((c) + 8), L4((c) + 12)
    L16(0), L16(16), L16(32), L16(48),
    64, L4(97), L4(101), L4(105), L4(109), L4(113), L4(117), 121, 122, 91, 92, 93, 94, 95,
    L16(96), L16(112), L16(128), L16(144), L16(160), L16(176), L16(192), L16(208), L16(224), L16(240)
#undef L4
#undef L16
};

/* Byte order of two short strings (words are at most 12 bytes: no memcmp call). */
static int wcmp(const char *a, size_t an, const char *b, size_t bn) {
    size_t n = an < bn ? an : bn;
    for (size_t k = 0; k < n; k++)
        if (a[k] != b[k]) return (unsigned char)a[k] - (unsigned char)b[k];
    return an < bn ? -1 : an > bn;
}

/* Where each first byte's words start in words[] (first[c]..first[c+1]). */
typedef struct windex {
    uint16_t first[257];
} windex;

static void windex_build(windex *x) {
    size_t k = 0;
    for (int ch = 0; ch <= 256; ch++) {
        while (k < NWORDS && (unsigned char)words[k].w[0] < ch) k++;
        x->first[ch] = (uint16_t)k;
    }
}

/* Binary search of a lower-cased word (n >= 1) among the words of its
 * first byte; returns the entry or NULL. */
static const wentry *word_find(const windex *x, const char *s, size_t n) {
    size_t lo = x->first[(unsigned char)s[0]], hi = x->first[(unsigned char)s[0] + 1];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = wcmp(s, n, words[mid].w, words[mid].n);
        if (c == 0) return &words[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

int date_table_check(void) {
    for (size_t i = 0; i + 1 < NWORDS; i++) {
        if (strlen(words[i].w) != words[i].n) return -1;
        if (wcmp(words[i].w, words[i].n, words[i + 1].w, words[i + 1].n) >= 0) return -1;
    }
    return 0;
}

/* ---- per-document state ---- */

typedef struct dctx {
    dyad_doc *doc;
    uint8_t *id, *val;     /* per token, in doc->scratch */
    size_t s0, s1;         /* current sentence [s0, s1) */
    int anchor;            /* 1 when the document date is known */
    int64_t aday;          /* the document date as a day number */
    int ay, am, ad, awd;   /* ... and its parts, weekday 0 = Monday */
    dval ref;              /* last resolved value, for "the day before" */
    int has_ref;
} dctx;

static int W(const dctx *c, size_t i) { return i < c->s1 ? c->id[i] : W_NONE; }
static int V(const dctx *c, size_t i) { return i < c->s1 ? c->val[i] : 0; }

static const char *ttext(const dctx *c, size_t i, size_t *n) {
    const tok *t = &c->doc->toks[i];
    *n = t->end - t->start;
    return c->doc->text + t->start;
}

static int is_upper_tok(const dctx *c, size_t i) { return (c->doc->toks[i].flags & TOKF_UPPER) != 0; }

/* Digits-only TOK_NUM token of 1..4 digits: its value, else -1. */
static int tnum(const dctx *c, size_t i, int *ndig) {
    if (i >= c->s1 || c->id[i] != W_NUM) return -1;
    size_t n;
    const char *s = ttext(c, i, &n);
    if (n < 1 || n > 4) return -1;
    int v = 0;
    for (size_t k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9') return -1;
        v = v * 10 + (s[k] - '0');
    }
    if (ndig) *ndig = (int)n;
    return v;
}

/* A day of the month: "3", "03", "3rd", "21st"; 0 if not one. */
static int tday(const dctx *c, size_t i) {
    if (i >= c->s1 || c->id[i] != W_NUM) return 0;
    size_t n;
    const char *s = ttext(c, i, &n);
    size_t k = 0;
    int v = 0;
    while (k < n && k < 2 && s[k] >= '0' && s[k] <= '9') v = v * 10 + (s[k++] - '0');
    if (k == 0) return 0;
    if (k < n) {
        if (n - k != 2) return 0;
        char a = (char)lower_tab[(unsigned char)s[k]], b = (char)lower_tab[(unsigned char)s[k + 1]];
        if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
            return 0;
    }
    return v >= 1 && v <= 31 ? v : 0;
}

/* A four-digit year 1000..2199, else 0. */
static int tyear(const dctx *c, size_t i) {
    int nd = 0, v = tnum(c, i, &nd);
    return nd == 4 && v >= 1000 && v <= 2199 ? v : 0;
}

static int is_month(const dctx *c, size_t i) { return W(c, i) == W_MONTH && is_upper_tok(c, i); }
static int month_of(const dctx *c, size_t i) { return V(c, i) & 0x7f; }

/* ---- tense ---- */

static int lw_eq(const char *s, size_t n, const char *w) {
    size_t k = 0;
    for (; k < n && w[k]; k++)
        if ((char)lower_tab[(unsigned char)s[k]] != w[k]) return 0;
    return k == n && !w[k];
}

static int in_list(const char *s, size_t n, const char *const *list) {
    for (; *list; list++)
        if (lw_eq(s, n, *list)) return 1;
    return 0;
}

static const char *const past_words[] = {
    "was", "were", "had", "did", "said", "told", "went", "came", "met", "saw", "took", "gave", "made",
    "held", "began", "won", "lost", "left", "found", "got", "became", "brought", "kept", "led", "ran",
    "sent", "spoke", "stood", "thought", "wrote", "fell", "struck", "paid", "sold", "built", "fought",
    "caught", "chose", "drove", "flew", "grew", "knew", "rose", "shot", "spent", "threw", "broke",
    "bought", "sat", "felt", "heard", "meant", "ago", "yesterday", "wasn", "weren",
    "didn", "hadn", NULL};
static const char *const not_past_ed[] = {"need", "feed", "seed", "speed", "indeed", "proceed", "exceed",
                                          "succeed", "bed", "red", "shed", "breed", "bleed", "greed",
                                          "deed", "hundred", "sacred", "naked", "wicked", "scheduled",
                                          "expected", "planned", "based", "related", "united", "red", NULL};
static const char *const fut_words[] = {"will", "'ll", "\xe2\x80\x99ll", "shall", "wo", "upcoming",
                                        "tomorrow", "next", "scheduled", NULL};
static const char *const fut_to_words[] = {"going", "plans", "plan", "planning", "planned", "due",
                                           "expected", "set", "hopes", "intends", "aims", "is", "are", NULL};

/* Tense cue of token i: +1 future, -1 past, 0 none. */
static int tense_cue(const dctx *c, size_t i) {
    const dyad_doc *d = c->doc;
    size_t n;
    const char *s = ttext(c, i, &n);
    if (n == 0 || n > 12) return 0;
    if (in_list(s, n, fut_words)) return 1;
    if (in_list(s, n, fut_to_words) && i + 1 < c->s1) {
        size_t n2;
        const char *s2 = ttext(c, i + 1, &n2);
        if (lw_eq(s2, n2, "to")) return 1;
    }
    if (d->tagged && d->an) {
        if (d->an[i].xpos == XPOS_VBD) return -1;
        return in_list(s, n, past_words) && d->an[i].xpos != XPOS_VBN ? -1 : 0;
    }
    if (d->toks[i].kind != TOK_WORD && d->toks[i].kind != TOK_CLITIC) return 0;
    int past = in_list(s, n, past_words) ||
               (n >= 4 && lower_tab[(unsigned char)s[n - 2]] == 'e' && lower_tab[(unsigned char)s[n - 1]] == 'd' &&
                !(d->toks[i].flags & TOKF_UPPER) && !in_list(s, n, not_past_ed));
    if (past && i > c->s0) {
        /* "will be held", "to be released": a participle after "be" is not past */
        size_t pn;
        const char *p = ttext(c, i - 1, &pn);
        if (lw_eq(p, pn, "be")) past = 0;
    }
    return past ? -1 : 0;
}

/* Tense around tokens [i0, i1): the nearest cue in the sentence wins, ties go to the past. */
static int tense_near(const dctx *c, size_t i0, size_t i1) {
    size_t maxd = c->s1 - c->s0;
    for (size_t dist = 1; dist <= maxd; dist++) {
        int past = 0, fut = 0;
        if (i0 >= c->s0 + dist) {
            int t = tense_cue(c, i0 - dist);
            past |= t < 0, fut |= t > 0;
        }
        if (i1 - 1 + dist < c->s1) {
            int t = tense_cue(c, i1 - 1 + dist);
            past |= t < 0, fut |= t > 0;
        }
        if (past) return -1;
        if (fut) return 1;
        if (i0 < c->s0 + dist && i1 - 1 + dist >= c->s1) break;
    }
    return 0;
}

static int is_clitic_s(const dctx *c, size_t i);

/* Tense of the clause a date attaches to, from the parse: the date's head
 * is climbed to its verb (or to the predicate a copula hangs on), and that
 * verb with its auxiliaries decides.  Returns -1 past (VBD, or a perfect
 * "has dropped"), +1 future ("will", "'ll", or a present "is to" / "plans
 * to" governing an infinitive), 0 present, 2 modal or imperative (would,
 * could; "Cheer the team today"), 3 unknown (no parse, no verb found). */
enum { T_PAST = -1, T_PRES = 0, T_FUT = 1, T_MODAL = 2, T_UNKNOWN = 3 };

static int verb_tense(const dctx *c, size_t h, int depth) {
    const dyad_doc *d = c->doc;
    const tokan *an = d->an;
    int past = an[h].xpos == XPOS_VBD, pres = an[h].xpos == XPOS_VBZ || an[h].xpos == XPOS_VBP;
    int fut = 0, modal = 0, have = 0, have_base = 0, to = 0, aux = 0, fin = 0, be = 0;
    for (size_t k = c->s0; k < c->s1; k++) {
        if (an[k].head != (int32_t)h) continue;
        int r = an[k].deprel;
        if (r != DEP_AUX && r != DEP_AUX_PASS && r != DEP_COP && r != DEP_MARK) continue;
        size_t n;
        const char *s = ttext(c, k, &n);
        if (r == DEP_MARK) {
            if (lw_eq(s, n, "to")) to = 1;
            continue;
        }
        aux = 1;
        if (an[k].xpos == XPOS_MD || an[k].xpos == XPOS_VBD || an[k].xpos == XPOS_VBZ || an[k].xpos == XPOS_VBP)
            fin = 1;
        if (an[k].xpos == XPOS_MD) {
            if (in_list(s, n, fut_words)) fut = 1;
            else modal = 1;
        } else if (an[k].xpos == XPOS_VB) {
            if (lw_eq(s, n, "have")) have_base = 1; /* "would have met", "to have met" */
        } else if (an[k].xpos == XPOS_VBD) {
            past = 1;
        } else if (an[k].xpos == XPOS_VBZ || an[k].xpos == XPOS_VBP) {
            pres = 1;
            if (in_list(s, n, (const char *const[]){"has", "have", "'ve", "\xe2\x80\x99ve", NULL})) have = 1;
            if (in_list(s, n, (const char *const[]){"is", "are", "'s", "'re", "am", NULL})) be = 1;
        }
    }
    if (fut) return T_FUT;
    /* A modal looks ahead ("would send a delegation in May") unless it is
     * perfect ("could have met on Monday"). */
    if (modal) return have_base && an[h].xpos == XPOS_VBN ? T_PAST : T_MODAL;
    if (past) return T_PAST;
    if (have && an[h].xpos == XPOS_VBN) return T_PAST; /* "has dropped ... today" */
    if (to && be) return T_FUT; /* "is to begin" */
    if (pres) return T_PRES;
    if (to && !fin) {
        /* An infinitive takes its governor's tense ("was willing to skip
         * class Thursday night" is past), a present governor looking ahead
         * ("is to begin"); a perfect one ("to have met") looks back. */
        if (have_base && an[h].xpos == XPOS_VBN) return T_PAST;
        int32_t g = an[h].head;
        if (depth > 0 && g >= (int32_t)c->s0 && (size_t)g < c->s1 && (size_t)g != h) {
            /* Verbs of asking, intending and promising point their
             * infinitive ahead whatever their own tense: "urged Congress
             * to approve it by Dec. 1", "agreed to meet on Friday". */
            static const char *const ahead[] = {"urge", "ask", "call", "plan", "agree", "decide", "vote", "pledge",
                                                "promise", "vow", "threaten", "expect", "aim", "hope", "intend",
                                                "order", "schedule", "set", "want", "seek", "propose", NULL};
            const char *lem = an[g].lemma;
            if (an[g].upos == UPOS_VERB && lem && in_list(lem, strlen(lem), ahead)) return T_FUT;
            int t = verb_tense(c, (size_t)g, depth - 1);
            return t == T_PRES ? T_FUT : t;
        }
        return T_UNKNOWN;
    }
    if (an[h].xpos == XPOS_VB && !aux && an[h].deprel == DEP_ROOT) return T_MODAL; /* imperative */
    return T_UNKNOWN;
}

static int head_tense(const dctx *c, size_t i) {
    const dyad_doc *d = c->doc;
    if (!d->parsed || !d->an) return T_UNKNOWN;
    size_t h = i;
    for (int step = 0; step < 8; step++) {
        int32_t g = d->an[h].head;
        if (g < (int32_t)c->s0 || (size_t)g >= c->s1 || (size_t)g == h) return T_UNKNOWN;
        h = (size_t)g;
        int u = d->an[h].upos;
        if (u == UPOS_VERB || u == UPOS_AUX) return verb_tense(c, h, 3);
        /* a predicate noun or adjective: its copula carries the tense */
        for (size_t k = c->s0; k < c->s1; k++)
            if (d->an[k].head == (int32_t)h && d->an[k].deprel == DEP_COP) return verb_tense(c, h, 3);
        if (d->an[h].deprel == DEP_ROOT) return T_UNKNOWN;
    }
    return T_UNKNOWN;
}

/* "today" / "tonight" as a date: GUM (and a reader) takes "today" in a
 * present-tense clause as "nowadays" ("magic is alive today", "Today,
 * about 100,000 Greeks worship Zeus"), so only a past or future clause, or
 * "today's", makes it the document's day.  Untagged text keeps every one. */
static int today_is_date(const dctx *c, size_t i) {
    const dyad_doc *d = c->doc;
    if (is_clitic_s(c, i + 1)) return 1;
    if (i > c->s0 && is_upper_tok(c, i) && d->toks[i - 1].kind == TOK_WORD && is_upper_tok(c, i - 1))
        return 0; /* a title: "No Jennifer Lopez News Today" */
    if (!d->parsed || !d->an) return 1;
    if (i > c->s0) {
        /* right after a finite verb, that verb ("the size it is today"),
         * whatever the parse attached it to */
        int x = d->an[i - 1].xpos;
        if (x == XPOS_VBZ || x == XPOS_VBP) return 0;
        if (x == XPOS_VBD) return 1;
        if (x == XPOS_VBN && d->an[i - 1].upos == UPOS_VERB) {
            int t = verb_tense(c, i - 1, 3);
            if (t == T_PAST || t == T_FUT) return 1; /* "to be published today" */
        }
    }
    int t = head_tense(c, i);
    if (t == T_PAST || t == T_FUT) return 1;
    if (t == T_UNKNOWN) return tense_near(c, i, i + 1) != 0;
    return 0;
}

/* Tense for a bare weekday or month at [i0, i1): the verb it attaches to
 * when the parse says past or future, else the nearest cue word. */
static int tense_at(const dctx *c, size_t i0, size_t i1) {
    int t = head_tense(c, i0);
    if (t == T_PAST || t == T_FUT) return t;
    if (t == T_MODAL) return T_FUT;
    return tense_near(c, i0, i1);
}

/* ---- resolution helpers ---- */

/* Year of a month (and day, 0 if none) written without one. */
static int year_for(const dctx *c, int m, int d, int tense) {
    int y = c->ay;
    int cmp = m != c->am ? (m > c->am ? 1 : -1) : 0;
    if (d) {
        /* within two weeks of the document date a tense cue does not move the
         * year ("is to run from January 23" written on January 28) */
        int64_t diff = days_from_civil(y, m, d) - c->aday;
        cmp = diff > 14 ? 1 : diff < -14 ? -1 : 0;
    }
    if (tense > 0 && cmp < 0) return y + 1;
    if (tense < 0 && cmp > 0) return y - 1;
    if (tense == 0 && cmp > 0) {
        int64_t dd = days_from_civil(y, m, d ? d : 1) - c->aday;
        if (dd > 183) return y - 1; /* more than half a year ahead: last year's */
    }
    return y;
}

/* Day of weekday wd: rel -1 "last", +1 "next", 0 by tense. */
static int64_t weekday_day(const dctx *c, int wd, int rel, int tense) {
    int fwd = (wd - c->awd + 7) % 7;
    if (rel < 0) return c->aday - (fwd ? 7 - fwd : 7);
    if (rel > 0) return c->aday + (fwd ? fwd : 7);
    if (fwd == 0) return c->aday;
    return tense > 0 ? c->aday + fwd : c->aday - (7 - fwd);
}

static int64_t monday_of(const dctx *c) { return c->aday - c->awd; }

static dval season_val(int y, int s) {
    static const int first[5] = {0, 3, 6, 9, 12};
    int m = first[s];
    return v_range(pt_month(y, m), pt_month(y, m + 2));
}

/* The reference value's day (or the document date's) for "the day before". */
static int64_t ref_day(const dctx *c) {
    if (c->has_ref && c->ref.a.d) return days_from_civil(c->ref.a.y, c->ref.a.m, c->ref.a.d);
    return c->aday;
}

/* A number: digits or a number word ("a" = 1, "a couple of" = 2).  Sets *next. */
static int count_at(const dctx *c, size_t i, size_t *next) {
    int w = W(c, i);
    if (w == W_NUMW) {
        *next = i + 1;
        return V(c, i);
    }
    if (w == W_COUPLE && V(c, i) == 3) { /* "the last few months": a few is about three */
        *next = i + 1;
        return 3;
    }
    if (w == W_A) {
        if (W(c, i + 1) == W_COUPLE && W(c, i + 2) == W_OF) {
            *next = i + 3;
            return 2;
        }
        if (W(c, i + 1) == W_COUPLE && V(c, i + 1) == 3) { /* "a few years ago" */
            *next = i + 2;
            return 3;
        }
        *next = i + 1;
        return 1;
    }
    int nd, v = tnum(c, i, &nd);
    if (v > 0 && v < 1000) {
        *next = i + 1;
        return v;
    }
    return 0;
}

/* ---- patterns ---- */

/* Month name at i: "March 3", "March 3-5", "March 3, 2023", "March 3 to April 5",
 * "March 2023", "March".  Returns the end token or 0. */
static size_t m_month(dctx *c, size_t i, int bare_ok, dval *v) {
    int m = month_of(c, i), abbr = V(c, i) & ABBR;
    size_t j = i + 1;
    int d = tday(c, j);
    if (d && !(j + 1 < c->s1 && c->doc->toks[j + 1].kind == TOK_PUNCT &&
               c->doc->text[c->doc->toks[j + 1].start] == ':')) {
        size_t e = j + 1;
        int d2 = 0, m2 = 0;
        int w = W(c, e);
        if (w == W_DASH || w == W_TO || w == W_AND) {
            if (is_month(c, e + 1) && tday(c, e + 2)) {
                /* "January 23 - March 9": two complete dates, each its own entry */
            } else if (tday(c, e + 1) > d && tyear(c, e + 1) == 0) {
                d2 = tday(c, e + 1);
                m2 = m;
                e += 2;
            }
        }
        int y = 0;
        size_t f = W(c, e) == W_COMMA ? e + 1 : e;
        if ((y = tyear(c, f)) != 0) {
            e = f + 1;
        } else {
            if (!c->anchor) return 0;
            y = year_for(c, m, d, tense_at(c, i, e));
        }
        if (d > days_in_month(y, m)) return 0;
        int64_t a = days_from_civil(y, m, d);
        if (m2) {
            int y2 = m2 < m ? y + 1 : y;
            if (d2 > days_in_month(y2, m2)) return 0;
            int64_t b = days_from_civil(y2, m2, d2);
            *v = v_days(a, b);
        } else {
            *v = v_one(pt_day(a));
        }
        return e;
    }
    int y = tyear(c, j);
    if (!y && W(c, j) == W_OF) y = tyear(c, ++j);
    if (y) {
        *v = v_one(pt_month(y, m));
        return j + 1;
    }
    if (abbr || !c->anchor) return 0;
    /* a bare month name */
    int pw = i > c->s0 ? W(c, i - 1) : W_NONE;
    if (!bare_ok) {
        if (pw == W_THE || pw == W_A) return 0; /* "the March on Washington" */
        if (m == 5 && pw != W_PREP && pw != W_TO && pw != W_FROM && pw != W_OF && pw != W_AND &&
            pw != W_BEFORE && pw != W_AFTER && pw != W_COMMA)
            return 0; /* "May" the modal */
        if (j < c->s1 && is_upper_tok(c, j) && c->doc->toks[j].kind == TOK_WORD && W(c, j) != W_MONTH)
            return 0; /* "April Ryan", "March Madness" */
        if (i == c->s0 && (m == 5 || m == 3 || m == 4 || m == 6 || m == 8)) return 0;
        if (c->doc->tagged && c->doc->an) {
            int u = c->doc->an[i].upos;
            if (u == UPOS_VERB || u == UPOS_AUX) return 0;
        }
    }
    *v = v_one(pt_month(year_for(c, m, 0, tense_at(c, i, j)), m));
    return j;
}

/* Day first: "3 March", "3rd of March 2023". */
static size_t m_day_first(dctx *c, size_t i, dval *v) {
    int d = tday(c, i);
    size_t j = i + 1;
    if (W(c, j) == W_OF) j++;
    if (!d || !is_month(c, j)) return 0;
    int m = month_of(c, j);
    size_t e = j + 1;
    int y = tyear(c, e);
    if (y) {
        e++;
    } else {
        if (!c->anchor) return 0;
        y = year_for(c, m, d, tense_at(c, i, e));
    }
    if (d > days_in_month(y, m)) return 0;
    *v = v_one(pt_day(days_from_civil(y, m, d)));
    return e;
}

/* Parse a numeric token: up to 3 digit groups split by '-' or '/', an
 * optional leading apostrophe and a trailing "s".  Returns the group count. */
typedef struct nparts {
    int g[3], nd[3], n;
    char sep;
    int apos, s;
} nparts;

static int num_parts(const dctx *c, size_t i, nparts *p) {
    size_t n;
    const char *s = ttext(c, i, &n);
    size_t k = 0;
    memset(p, 0, sizeof *p);
    if (k < n && s[k] == '\'') k++, p->apos = 1;
    else if (n >= 3 && (unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x99)
        k += 3, p->apos = 1;
    while (k < n) {
        if (p->n == 3) return 0;
        int v = 0, nd = 0;
        while (k < n && s[k] >= '0' && s[k] <= '9' && nd < 5) v = v * 10 + (s[k++] - '0'), nd++;
        if (!nd) return 0;
        p->g[p->n] = v;
        p->nd[p->n++] = nd;
        if (k == n) break;
        if (s[k] == 's' && k + 1 == n) {
            p->s = 1;
            break;
        }
        if (s[k] != '-' && s[k] != '/') return 0;
        if (p->sep && p->sep != s[k]) return 0;
        p->sep = s[k++];
        if (k == n) return 0;
    }
    return p->n;
}

static int two_digit_year(const dctx *c, int yy) {
    int cut = c->anchor ? c->ay % 100 + 5 : 30;
    return yy <= cut ? 2000 + yy : 1900 + yy;
}

static int is_clitic_s(const dctx *c, size_t i) {
    if (i >= c->s1 || c->doc->toks[i].kind != TOK_CLITIC) return 0;
    size_t n;
    const char *s = ttext(c, i, &n);
    return (n == 2 && s[0] == '\'' && (s[1] == 's' || s[1] == 'S')) ||
           (n == 4 && (unsigned char)s[0] == 0xe2 && (unsigned char)s[2] == 0x99 && s[3] == 's');
}

/* Is the four-digit number at i a year?  Rejects counts ("2000 troops",
 * "$1500", "1999 percent"). */
static int year_context_ok(const dctx *c, size_t i, int y) {
    const dyad_doc *d = c->doc;
    int pw = i > c->s0 ? W(c, i - 1) : W_NONE;
    int good_prev = pw == W_PREP || pw == W_OF || pw == W_FROM || pw == W_TO || pw == W_BETWEEN ||
                    pw == W_THE || pw == W_EARLY || pw == W_MID || pw == W_LATE || pw == W_BEFORE ||
                    pw == W_AFTER || pw == W_MONTH || pw == W_SEASON || (pw == W_UNIT && V(c, i - 1) == U_YEAR);
    if (i > c->s0) {
        const tok *p = &d->toks[i - 1];
        char ch = d->text[p->start];
        if (p->kind == TOK_SYMBOL || ch == '$' || ch == '#') return 0;
        size_t n;
        const char *s = ttext(c, i - 1, &n);
        if (in_list(s, n, (const char *const[]){"about", "around", "nearly", "almost", "some", "than",
                                               "approximately", "roughly", "no.", "number", "least", "only",
                                               "just", "estimated", NULL}))
            return 0;
    }
    if (i + 1 < c->s1) {
        const tok *t = &d->toks[i + 1];
        size_t n;
        const char *s = ttext(c, i + 1, &n);
        char ch = d->text[t->start];
        if (ch == '%' || lw_eq(s, n, "percent") || lw_eq(s, n, "per")) return 0;
        if (ch == ':' || (t->kind == TOK_NUM && !(t->flags & TOKF_SPACE_BEFORE))) return 0;
        if (c->id[i + 1] == W_UNIT) { /* "a 2000 year old tradition", "1000 days" (not "2018 day five") */
            size_t n2;
            const char *s2 = i + 2 < c->s1 ? ttext(c, i + 2, &n2) : "";
            if (i + 2 >= c->s1) n2 = 0;
            if (s[n - 1] == 's' || lw_eq(s2, n2, "old")) return 0;
        }
        if (t->kind == TOK_WORD && !(t->flags & TOKF_UPPER) && !good_prev && c->id[i + 1] == W_NONE && n > 3 &&
            s[n - 1] == 's' && s[n - 2] != 's')
            return 0; /* "2000 troops" (but "the 2016 elections" stays) */
    }
    if (y < 1800 && !good_prev) return 0;
    return 1;
}

/* Is token i the word "in"? */
static int is_in(const dctx *c, size_t i) {
    size_t n;
    const char *s = i < c->s1 ? ttext(c, i, &n) : "";
    return i < c->s1 && lw_eq(s, n, "in");
}

/* A two-digit number at i ending a phrase: the end of the sentence, a
 * comma, a full stop, "and" or "or" follows. */
static int short_year_end(const dctx *c, size_t i) {
    if (i + 1 >= c->s1) return 1;
    int w = W(c, i + 1);
    if (w == W_AND || w == W_COMMA) return 1;
    size_t n;
    const char *s = ttext(c, i + 1, &n);
    return lw_eq(s, n, "or") || lw_eq(s, n, ".") || lw_eq(s, n, ";");
}

/* "Reagan in 80 and 84, Bush in 88 and 92 ... Bush in 2000 and Romney in
 * 08": a bare two-digit number is a year when it follows "in" (or "and" or
 * a comma after such a year) and ends the phrase, in a sentence that also
 * names a four-digit year 1900..2099 and more than one such number --
 * without that context "in 80" is far more often a count.  The century is
 * the one closest before the document date (two_digit_year). */
static int short_year_ok(const dctx *c, size_t i) {
    if (i == c->s0 || !short_year_end(c, i)) return 0;
    size_t p = i - 1;
    if (!is_in(c, p)) {
        /* "in 80 and 84", "in 88, 92": the previous member must qualify */
        if (W(c, p) != W_AND && W(c, p) != W_COMMA) return 0;
        if (p == c->s0) return 0;
        int nd = 0;
        if (tnum(c, p - 1, &nd) < 0 || nd != 2 || p - 1 == c->s0 || !is_in(c, p - 2)) return 0;
    }
    /* ... and the sentence lists more than one such year beside a
     * four-digit one ("interests in 25, was hampered ... since 1932" is a
     * count) */
    int four = 0, two = 0;
    for (size_t k = c->s0; k < c->s1; k++) {
        int nd = 0, y = tnum(c, k, &nd);
        if (nd == 4 && y >= 1900 && y <= 2099) four = 1;
        if (nd == 2 && k > c->s0 && (is_in(c, k - 1) || W(c, k - 1) == W_AND || W(c, k - 1) == W_COMMA) &&
            short_year_end(c, k))
            two++;
    }
    return four && two >= 2;
}

/* A number token at i: ISO dates, slashed dates, decades, years, year ranges. */
static size_t m_number(dctx *c, size_t i, int after_the, dval *v) {
    nparts p;
    int np = num_parts(c, i, &p);
    if (!np) return 0;
    if (np == 1 && p.apos) { /* '80 or '80s */
        if (p.nd[0] != 2) return 0;
        int y = two_digit_year(c, p.g[0]);
        *v = p.s ? v_range(pt_year(y), pt_year(y + 9)) : v_one(pt_year(y));
        if (p.s && y % 10) return 0;
        return i + 1;
    }
    if (p.apos) return 0;
    if (np == 1 && p.s) { /* 1960s */
        if (p.nd[0] != 4 || p.g[0] % 10 || p.g[0] < 1000 || p.g[0] > 2190) return 0;
        *v = v_range(pt_year(p.g[0]), pt_year(p.g[0] + 9));
        return i + 1;
    }
    if (p.s) return 0;
    if (np == 3 && p.sep == '-' && p.nd[0] == 4) { /* 2023-03-03 */
        int y = p.g[0], m = p.g[1], d = p.g[2];
        if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return 0;
        *v = v_one(pt_day(days_from_civil(y, m, d)));
        return i + 1;
    }
    if (np == 3 && p.sep == '/') { /* 3/3/2023 (US order), 23/3/2023 */
        int m = p.g[0], d = p.g[1], y = p.g[2];
        if (p.nd[2] == 2) y = two_digit_year(c, y);
        else if (p.nd[2] != 4) return 0;
        if (m > 12 && d <= 12) {
            int t = m;
            m = d;
            d = t;
        }
        if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return 0;
        *v = v_one(pt_day(days_from_civil(y, m, d)));
        return i + 1;
    }
    if (np == 2 && p.sep == '/' && p.g[0] == 9 && p.g[1] == 11 && p.nd[1] == 2) { /* 9/11, the attacks */
        *v = v_one(pt_day(days_from_civil(2001, 9, 11)));
        return i + 1;
    }
    if (np == 2 && p.sep == '-' && p.nd[0] == 4) { /* 2014-15, 2019-2021 */
        int y = p.g[0], y2 = p.g[1];
        if (p.nd[1] == 2) y2 = y / 100 * 100 + y2;
        else if (p.nd[1] != 4) return 0;
        if (y < 1000 || y > 2199 || y2 <= y || y2 > y + 100) return 0;
        *v = v_range(pt_year(y), pt_year(y2));
        return i + 1;
    }
    if (np == 1 && p.nd[0] == 2 && c->anchor && short_year_ok(c, i)) { /* "Bush in 88 and 92" */
        *v = v_one(pt_year(two_digit_year(c, p.g[0])));
        return i + 1;
    }
    if (np != 1 || p.nd[0] != 4) return 0;
    int y = p.g[0];
    if (y < 1000 || y > 2199) return 0;
    if (is_clitic_s(c, i + 1) && y % 10 == 0 && (after_the || y < 2000)) { /* the 1930's */
        *v = v_range(pt_year(y), pt_year(y + 9));
        return i + 2;
    }
    if (!year_context_ok(c, i, y)) return 0;
    int w = W(c, i + 1);
    int pw = i > c->s0 ? W(c, i - 1) : W_NONE;
    (void)pw;
    /* "from 2004 to 2009", "2000 - 2050": both years are dates of their own
     * (as GUM and TimeML annotate them); only a solid "2014-15" or
     * "2019-2021" is a range */
    if (w == W_DASH && i + 2 < c->s1 && !(c->doc->toks[i + 1].flags & TOKF_SPACE_BEFORE) &&
        !(c->doc->toks[i + 2].flags & TOKF_SPACE_BEFORE)) {
        int nd2 = 0, y2 = tnum(c, i + 2, &nd2);
        if (nd2 == 2) y2 += y / 100 * 100;
        if ((nd2 == 2 || nd2 == 4) && y2 > y && y2 <= y + 100) {
            *v = v_range(pt_year(y), pt_year(y2));
            return i + 3;
        }
    }
    if (W(c, i + 1) == W_SEASON && !is_upper_tok(c, i + 1)) {
        *v = season_val(y, V(c, i + 1));
        return i + 2;
    }
    *v = v_one(pt_year(y));
    return i + 1;
}

/* "last|next|this|past|coming|previous|following" at i (the modifier). */
static size_t m_rel(dctx *c, size_t i, int mod, dval *v) {
    if (!c->anchor) return 0;
    size_t j = i + 1;
    int w = W(c, j), u = V(c, j);
    int dir = mod == W_LAST || mod == W_PAST || mod == W_PREVIOUS ? -1
              : mod == W_NEXT || mod == W_COMING || mod == W_FOLLOWING ? 1 : 0;
    if (mod == W_THIS && W(c, j) == W_PAST) { /* "this past week" */
        dir = -1;
        j++;
        w = W(c, j), u = V(c, j);
    }
    if ((mod == W_PREVIOUS || mod == W_FOLLOWING) && !(w == W_UNIT && (u == U_DAY || u == U_WEEK || u == U_MONTH || u == U_YEAR)))
        return 0;
    if (w == W_UNIT) {
        size_t n;
        const char *s = ttext(c, j, &n);
        /* "the last years of" is not a date; "this years festival" is one missing its apostrophe */
        if (s[n - 1] == 's' && !(u == U_YEAR && mod != W_PAST && (i == c->s0 || W(c, i - 1) != W_THE)))
            return 0;
        if (mod == W_PREVIOUS || mod == W_FOLLOWING) {
            /* anaphoric: counts from the reference */
            int64_t r = ref_day(c);
            if (u == U_DAY) *v = v_one(pt_day(r + dir));
            else if (u == U_YEAR) *v = v_one(pt_year((c->has_ref ? c->ref.a.y : c->ay) + dir));
            else if (u == U_MONTH) {
                dpt a = c->has_ref && c->ref.a.m ? c->ref.a : pt_day(c->aday);
                *v = v_one(pt_month(a.y, a.m + dir));
            } else {
                int64_t mon = r - weekday_of(r) + 7 * dir;
                *v = v_days(mon, mon + 6);
            }
            return j + 1;
        }
        switch (u) {
        case U_DAY:
            return 0;
        case U_WEEK: {
            int64_t mon = monday_of(c) + 7 * dir;
            *v = v_days(mon, mon + 6);
            return j + 1;
        }
        case U_WEEKEND: {
            int64_t mon = monday_of(c), sat;
            if (dir < 0) sat = mon - 2;
            else if (dir > 0) sat = c->awd >= 5 ? mon + 12 : mon + 5;
            else sat = c->awd >= 5 ? mon + 5 : (tense_at(c, i, j + 1) < 0 ? mon - 2 : mon + 5);
            *v = v_days(sat, sat + 1);
            return j + 1;
        }
        case U_MONTH:
            *v = v_one(pt_month(c->ay, c->am + dir));
            return j + 1;
        case U_YEAR:
            *v = v_one(pt_year(c->ay + dir));
            return j + 1;
        case U_DECADE: {
            if (dir >= 0) return 0;
            *v = v_range(pt_year(c->ay - 10), pt_year(c->ay));
            return j + 1;
        }
        case U_CENTURY: {
            int c0 = c->ay / 100 * 100 + 100 * dir;
            *v = v_range(pt_year(c0), pt_year(c0 + 99));
            return j + 1;
        }
        default:
            return 0;
        }
    }
    if (w == W_WDAY && !(u & ABBR) && is_upper_tok(c, j)) {
        int64_t z = mod == W_THIS ? weekday_day(c, u, 0, tense_at(c, i, j + 1)) : weekday_day(c, u & 7, dir, 0);
        *v = v_one(pt_day(z));
        return j + 1;
    }
    if (w == W_MONTH && is_upper_tok(c, j) && !(u & ABBR)) {
        int m = u, y = c->ay;
        if (dir < 0) y = m < c->am ? c->ay : c->ay - 1;
        else if (dir > 0) y = m > c->am ? c->ay : c->ay + 1;
        *v = v_one(pt_month(y, m));
        return j + 1;
    }
    if (w == W_SEASON) {
        /* months counted from year 0: a season instance y covers first..first+2 */
        static const int first[5] = {0, 3, 6, 9, 12};
        int64_t cur = (int64_t)c->ay * 12 + c->am - 1;
        int y;
        if (dir < 0) {
            for (y = c->ay; (int64_t)y * 12 + first[u] + 1 >= cur; y--) {}
        } else if (dir > 0) {
            for (y = c->ay - 1; (int64_t)y * 12 + first[u] - 1 <= cur; y++) {}
        } else {
            y = u == 4 && c->am <= 2 ? c->ay - 1 : c->ay;
        }
        *v = season_val(y, u);
        return j + 1;
    }
    /* "the past 30 days", "the last 35 years", "the next two weeks" */
    if (mod == W_PAST || mod == W_LAST || mod == W_NEXT || mod == W_COMING) {
        size_t k;
        int n = count_at(c, j, &k);
        if (n <= 0 || W(c, k) != W_UNIT) return 0;
        int unit = V(c, k);
        if (dir == 0) return 0;
        if (W(c, k + 1) == W_OF) return 0; /* "the last five months of her life" */
        switch (unit) {
        case U_DAY:
        case U_WEEK: {
            /* N units counted inclusively: the past 30 days end today */
            int64_t span = (int64_t)n * (unit == U_WEEK ? 7 : 1) - 1;
            *v = dir < 0 ? v_days(c->aday - span, c->aday) : v_days(c->aday, c->aday + span);
            return k + 1;
        }
        /* Months and years count the current one in ("the past 35 years"
         * written in 2013 starts in 1979) and, looking back, end today, not
         * at the end of the current month or year, which lies ahead. */
        case U_MONTH:
            *v = dir < 0 ? v_range(pt_month(c->ay, c->am - n + 1), pt_day(c->aday))
                         : v_range(pt_month(c->ay, c->am), pt_month(c->ay, c->am + n - 1));
            return k + 1;
        case U_YEAR:
        case U_DECADE: {
            int ny = n * (unit == U_DECADE ? 10 : 1);
            *v = dir < 0 ? v_range(pt_year(c->ay - ny + 1), pt_day(c->aday))
                         : v_range(pt_year(c->ay), pt_year(c->ay + ny - 1));
            return k + 1;
        }
        default:
            return 0;
        }
    }
    return 0;
}

/* Is the unit word at i (of a phrase starting at i0) a duration of a
 * present-perfect verb ("has been waging", "have lived")?  With a parse:
 * its head is a verb with a "has" / "have" auxiliary.  Without: "has" or
 * "have" within the six words before i0, followed by "been" or an -ed or
 * -en word. */
static int present_perfect(const dctx *c, size_t i, size_t i0) {
    static const char *const have[] = {"has", "have", "'ve", "\xe2\x80\x99ve", NULL};
    const dyad_doc *d = c->doc;
    if (d->parsed && d->an) {
        /* the unit hangs on the verb itself ("has been fighting ... for six
         * years"), not on a noun ("a civil servant for 17 years, has
         * been appointed") */
        int32_t g = d->an[i].head;
        if (g < (int32_t)c->s0 || (size_t)g >= c->s1 || (size_t)g == i) return 0;
        size_t h = (size_t)g;
        if (d->an[h].upos != UPOS_VERB && d->an[h].upos != UPOS_AUX) return 0;
        for (size_t k = c->s0; k < c->s1; k++) {
            if (d->an[k].head != (int32_t)h || d->an[k].deprel != DEP_AUX) continue;
            size_t n;
            const char *s = ttext(c, k, &n);
            if (in_list(s, n, have) && (d->an[k].xpos == XPOS_VBZ || d->an[k].xpos == XPOS_VBP)) return 1;
        }
        return 0;
    }
    size_t lo = i0 > c->s0 + 6 ? i0 - 6 : c->s0;
    for (size_t k = lo; k + 1 < i0; k++) {
        size_t n, n2;
        const char *s = ttext(c, k, &n), *s2 = ttext(c, k + 1, &n2);
        if (!in_list(s, n, have)) continue;
        if (lw_eq(s2, n2, "been") || (n2 > 3 && s2[n2 - 2] == 'e' && (s2[n2 - 1] == 'd' || s2[n2 - 1] == 'n')))
            return 1;
    }
    return 0;
}

/* "(has been waging it) for almost 15 years" (count at i, unit at k): a
 * duration that runs up to
 * the document date, in a present-perfect clause, is the interval it
 * covers -- the current year, month or day counted in, as for "the past
 * 15 years".  Elsewhere ("served 15 years", "a 15-year term") a duration
 * is no date. */
static int perfect_duration(const dctx *c, size_t i, size_t k, int n, int unit, dval *v) {
    if (i == c->s0 || n <= 0) return 0;
    size_t f = i - 1, pn, mn;
    const char *p = ttext(c, f, &pn);
    if (in_list(p, pn, (const char *const[]){"almost", "nearly", "about", "over", "roughly", "some", NULL})) {
        if (f == c->s0) return 0;
        f--;
    } else if (lw_eq(p, pn, "than") && f >= c->s0 + 2 && (p = ttext(c, f - 1, &mn), lw_eq(p, mn, "more"))) {
        f -= 2; /* "for more than 15 years" */
    }
    p = ttext(c, f, &pn);
    if (!lw_eq(p, pn, "for") || !present_perfect(c, k, f)) return 0;
    if (W(c, k + 1) == W_OF) return 0; /* "called for five days of strikes" */
    if (k + 1 < c->s1) {
        /* "extended for two years from July", "halted for five months
         * until ...", "treated for six months to two years": not up to now */
        size_t nn;
        const char *nx = ttext(c, k + 1, &nn);
        if (W(c, k + 1) == W_FROM || W(c, k + 1) == W_TO || in_list(nx, nn, (const char *const[]){"until", "till", NULL}))
            return 0;
    }
    /* "for a year" is the twelve months up to today, not this calendar
     * year: no value at month or year granularity says that */
    if (n < 2 && unit != U_DAY && unit != U_WEEK) return 0;
    switch (unit) {
    case U_DAY:
    case U_WEEK:
        *v = v_days(c->aday - (int64_t)n * (unit == U_WEEK ? 7 : 1) + 1, c->aday);
        return 1;
    case U_MONTH:
        *v = v_range(pt_month(c->ay, c->am - n + 1), pt_day(c->aday));
        return 1;
    case U_YEAR:
    case U_DECADE:
        *v = v_range(pt_year(c->ay - n * (unit == U_DECADE ? 10 : 1) + 1), pt_day(c->aday));
        return 1;
    default:
        return 0;
    }
}

/* "two days ago", "three weeks earlier", "a year later", "a couple of years back". */
static size_t m_ago(dctx *c, size_t i, dval *v) {
    size_t k;
    int n = count_at(c, i, &k);
    if (n > 0 && k < c->s1 && c->doc->toks[k].kind == TOK_PUNCT && c->doc->text[c->doc->toks[k].start] == ']')
        k++; /* an editor's "[Ten] years ago" */
    if (n <= 0 || W(c, k) != W_UNIT || !c->anchor) return 0;
    int unit = V(c, k);
    /* "a few years earlier" counts vaguely from a vague point: not a date */
    size_t vn;
    const char *vs = ttext(c, i, &vn);
    int vague = W(c, i) == W_COUPLE || W(c, i + 1) == W_COUPLE || lw_eq(vs, vn, "several");
    int w = W(c, k + 1);
    int dir;
    int anaphoric = 0;
    if (w == W_AGO || w == W_BACK) dir = -1;
    else if (w == W_EARLIER || w == W_BEFORE) dir = -1, anaphoric = 1;
    else if (w == W_LATER || w == W_AFTER) dir = 1, anaphoric = 1;
    else if (w == W_FROM && W(c, k + 2) == W_NOW) dir = 1;
    else if (!vague && perfect_duration(c, i, k, n, unit, v)) return k + 1;
    else return 0;
    if (vague && anaphoric) return 0;
    if (w == W_BEFORE || w == W_AFTER) {
        /* "two days before the vote": only when nothing follows that it could count from */
        int nw = W(c, k + 2);
        if (k + 2 < c->s1 && c->doc->toks[k + 2].kind != TOK_PUNCT && nw != W_AND) return 0;
    }
    size_t e = w == W_FROM ? k + 3 : k + 2;
    int64_t base = anaphoric ? ref_day(c) : c->aday;
    int by = anaphoric && c->has_ref ? c->ref.a.y : c->ay;
    dpt bp = pt_day(base);
    switch (unit) {
    case U_HOUR:
        if (anaphoric) return 0; /* "an hour later": too fine to be a date */
        *v = v_one(pt_day(base + dir * (int64_t)(n / 24)));
        return e;
    case U_DAY:
        *v = v_one(pt_day(base + dir * (int64_t)n));
        return e;
    case U_WEEK:
        *v = v_one(pt_day(base + dir * (int64_t)n * 7));
        return e;
    case U_MONTH:
        *v = v_one(pt_month(bp.y, bp.m + dir * n));
        return e;
    case U_YEAR:
        *v = v_one(pt_year(by + dir * n));
        return e;
    case U_DECADE:
        *v = v_one(pt_year(by + dir * 10 * n));
        return e;
    default:
        return 0;
    }
}

/* "the day before", "the following day", "the year before", "the next day". */
static size_t m_the_unit(dctx *c, size_t i, dval *v) {
    /* i is the unit after "the" */
    if (!c->anchor || W(c, i) != W_UNIT) return 0;
    int u = V(c, i), w = W(c, i + 1);
    int dir = w == W_BEFORE ? -1 : w == W_AFTER ? 1 : 0;
    if (!dir) return 0;
    /* "the day before the vote": counts from something else */
    if (i + 2 < c->s1 && c->doc->toks[i + 2].kind != TOK_PUNCT && W(c, i + 2) != W_AND && W(c, i + 2) != W_PREP)
        return 0;
    if (u == U_DAY) *v = v_one(pt_day(ref_day(c) + dir));
    else if (u == U_YEAR) *v = v_one(pt_year((c->has_ref ? c->ref.a.y : c->ay) + dir));
    else return 0;
    return i + 2;
}

/* "the end of the year", "the end of March", "the start of 2020", "year end". */
static size_t m_end(dctx *c, size_t i, dval *v) {
    int end = W(c, i) == W_END;
    size_t j = i + 1;
    if (W(c, j) != W_OF) return 0;
    j++;
    int mod = W(c, j);
    if (mod == W_THE || mod == W_THIS || mod == W_LAST || mod == W_NEXT) j++;
    int dir = mod == W_LAST ? -1 : mod == W_NEXT ? 1 : 0;
    int w = W(c, j), u = V(c, j);
    int y = 0, m = 0;
    if (w == W_UNIT && (u == U_YEAR || u == U_MONTH) && c->anchor) {
        size_t n;
        const char *s = ttext(c, j, &n);
        if (s[n - 1] == 's') return 0;
        if (mod != W_THE && mod != W_THIS && mod != W_LAST && mod != W_NEXT) return 0;
        if (u == U_YEAR) y = c->ay + dir;
        else {
            dpt p = pt_month(c->ay, c->am + dir);
            y = p.y, m = p.m;
        }
        j++;
    } else if (is_month(c, j) && !(u & ABBR) && mod != W_THE) {
        m = u;
        if (tyear(c, j + 1)) y = tyear(c, ++j);
        else if (c->anchor) y = year_for(c, m, 0, tense_at(c, i, j + 1));
        else return 0;
        j++;
    } else if (tyear(c, j) && mod != W_THE) {
        y = tyear(c, j);
        j++;
    } else {
        return 0;
    }
    int64_t z = m ? days_from_civil(y, m, end ? days_in_month(y, m) : 1)
                  : days_from_civil(y, end ? 12 : 1, end ? 31 : 1);
    *v = v_one(pt_day(z));
    return j;
}

/* "early|mid|late" + month / year / "this|last|next" unit. */
static size_t m_part(dctx *c, size_t i, int part, dval *v) {
    size_t j = i + 1;
    if (is_month(c, j) && !(V(c, j) & ABBR)) {
        int m = month_of(c, j), y;
        size_t e = j + 1;
        if ((y = tyear(c, e)) != 0) e++;
        else if (c->anchor) y = year_for(c, m, 0, tense_at(c, i, e));
        else return 0;
        int dim = days_in_month(y, m);
        int a = part == W_EARLY ? 1 : part == W_MID ? 10 : 15;
        int b = part == W_EARLY ? 15 : part == W_MID ? 20 : dim;
        *v = v_range(pt_day(days_from_civil(y, m, a)), pt_day(days_from_civil(y, m, b)));
        return e;
    }
    int y = tyear(c, j);
    if (y) {
        *v = v_one(pt_year(y));
        return j + 1;
    }
    int w = W(c, j);
    if (w == W_THIS || w == W_LAST || w == W_NEXT) {
        if (W(c, j + 1) != W_UNIT) return 0;
        int u = V(c, j + 1);
        if (u != U_YEAR && u != U_MONTH && u != U_WEEK && u != U_CENTURY && u != U_DECADE) return 0;
        return m_rel(c, j, w, v);
    }
    return 0;
}

/* Weekday names: "Thursday, February 23, 2006", "Monday 3 March", "on Friday". */
static size_t m_weekday(dctx *c, size_t i, dval *v) {
    int u = V(c, i);
    size_t j = i + 1;
    if (W(c, j) == W_COMMA) j++;
    size_t e;
    if (is_month(c, j) && tday(c, j + 1) && (e = m_month(c, j, 1, v)) != 0) return e;
    if (tday(c, j) && (e = m_day_first(c, j, v)) != 0) return e;
    if ((u & ABBR) || !c->anchor || !is_upper_tok(c, i)) return 0;
    if (i > c->s0) {
        /* "on a Monday", "every Friday": any such day, not one date */
        size_t pn;
        const char *p = ttext(c, i - 1, &pn);
        if (W(c, i - 1) == W_A || in_list(p, pn, (const char *const[]){"every", "each", "any", "some", NULL}))
            return 0;
    }
    /* "Saturday Morning Breakfast Cereal": a part of the day followed by more capitalised words */
    if (W(c, i + 1) == W_PART && is_upper_tok(c, i + 1) && i + 2 < c->s1 && c->doc->toks[i + 2].kind == TOK_WORD &&
        is_upper_tok(c, i + 2))
        return 0;
    /* a name: "Sunday Times", "Super Tuesday", "Monday Night Football" */
    if (i + 1 < c->s1 && c->doc->toks[i + 1].kind == TOK_WORD && is_upper_tok(c, i + 1) &&
        !(c->doc->toks[i + 1].flags & TOKF_ALLCAPS) && W(c, i + 1) != W_PART && W(c, i + 1) != W_MONTH)
        return 0;
    if (i > c->s0 + 1 && c->doc->toks[i - 1].kind == TOK_WORD && is_upper_tok(c, i - 1) &&
        W(c, i - 1) == W_NONE && !(c->doc->toks[i - 1].flags & TOKF_ALLCAPS)) {
        size_t n;
        const char *s = ttext(c, i - 1, &n);
        if (in_list(s, n, (const char *const[]){"good", "black", "super", "ash", "palm", "easter", "holy",
                                               "bloody", "cyber", "maundy", NULL}))
            return 0;
    }
    e = i + 1;
    if (W(c, e) == W_PART && !is_upper_tok(c, e)) e++;
    *v = v_one(pt_day(weekday_day(c, u, 0, tense_at(c, i, e))));
    return e;
}

/* The decade or century after "the": "the sixties", "the 20th century". */
static size_t m_the_era(dctx *c, size_t i, dval *v) {
    int w = W(c, i);
    if (w == W_DECW) {
        int y = 1900 + 10 * V(c, i);
        *v = v_range(pt_year(y), pt_year(y + 9));
        return i + 1;
    }
    int n = 0;
    if (w == W_ORDW) {
        n = V(c, i);
    } else if (w == W_NUM) {
        size_t len;
        ttext(c, i, &len);
        if (len == 4) n = tday(c, i); /* "20th" */
    }
    if (n < 10 || n > 21 || W(c, i + 1) != W_UNIT || V(c, i + 1) != U_CENTURY) return 0;
    int y = (n - 1) * 100;
    *v = v_range(pt_year(y), pt_year(y + 99));
    return i + 2;
}

/* Try every pattern at token i; the end token of the match, or 0. */
static size_t match_at(dctx *c, size_t i, dval *v) {
    int w = c->id[i];
    size_t e;
    switch (w) {
    case W_NUM:
        if ((e = m_day_first(c, i, v)) != 0) return e;
        if ((e = m_ago(c, i, v)) != 0) return e;
        return m_number(c, i, i > c->s0 && W(c, i - 1) == W_THE, v);
    case W_MONTH:
        if (!is_upper_tok(c, i)) return 0;
        return m_month(c, i, 0, v);
    case W_WDAY:
        return m_weekday(c, i, v);
    case W_TODAY:
    case W_TONIGHT:
        if (!c->anchor || !today_is_date(c, i)) return 0;
        *v = v_one(pt_day(c->aday));
        return i + 1;
    case W_YESTERDAY:
    case W_TOMORROW:
        if (!c->anchor) return 0;
        *v = v_one(pt_day(c->aday + (w == W_YESTERDAY ? -1 : 1)));
        return i + 1;
    case W_THIS:
        if (W(c, i + 1) == W_PART && c->anchor) { /* this morning */
            *v = v_one(pt_day(c->aday));
            return i + 2;
        }
        return m_rel(c, i, w, v);
    case W_LAST:
        if (W(c, i + 1) == W_PART && V(c, i + 1) == 0 && c->anchor) {
            size_t n;
            const char *s = ttext(c, i + 1, &n);
            if (lw_eq(s, n, "night")) { /* last night */
                *v = v_one(pt_day(c->aday - 1));
                return i + 2;
            }
        }
        return m_rel(c, i, w, v);
    case W_NEXT:
    case W_PAST:
    case W_COMING:
        return m_rel(c, i, w, v);
    case W_THE: {
        int w1 = W(c, i + 1);
        if (w1 == W_NUM) {
            if ((e = m_day_first(c, i + 1, v)) != 0) return e;
            if ((e = m_the_era(c, i + 1, v)) != 0) return e;
            return 0;
        }
        if (w1 == W_DECW || w1 == W_ORDW) return m_the_era(c, i + 1, v);
        if (w1 == W_PAST || w1 == W_LAST || w1 == W_NEXT || w1 == W_COMING || w1 == W_PREVIOUS || w1 == W_FOLLOWING)
            return m_rel(c, i + 1, w1, v);
        if (w1 == W_UNIT && V(c, i + 1) == U_WEEKEND) return m_rel(c, i, W_THIS, v); /* "over the weekend" */
        if (w1 == W_UNIT) return m_the_unit(c, i + 1, v);
        if (w1 == W_END || w1 == W_START) return m_end(c, i + 1, v);
        return 0;
    }
    case W_A:
    case W_NUMW:
        return m_ago(c, i, v);
    case W_EARLY:
    case W_MID:
    case W_LATE:
    case W_EARLIER:
    case W_LATER:
        return m_part(c, i, w == W_EARLIER ? W_EARLY : w == W_LATER ? W_LATE : w, v);
    case W_SEASON: {
        size_t j = i + 1;
        if (W(c, j) == W_OF) j++;
        int y = tyear(c, j);
        if (!y) return 0;
        *v = season_val(y, V(c, i));
        return j + 1;
    }
    case W_YEAREND:
        if (!c->anchor) return 0;
        *v = v_one(pt_day(days_from_civil(c->ay, 12, 31)));
        return i + 1;
    case W_UNIT:
        /* "year end" */
        if (V(c, i) == U_YEAR && W(c, i + 1) == W_END && c->anchor && (i == c->s0 || W(c, i - 1) != W_THE)) {
            size_t n;
            const char *s = ttext(c, i, &n);
            if (s[n - 1] == 's') return 0;
            *v = v_one(pt_day(days_from_civil(c->ay, 12, 31)));
            return i + 2;
        }
        return 0;
    default:
        return 0;
    }
}

/* Word id of token i (0 if none); *val gets the table value. */
static int token_id(const windex *x, const dyad_doc *d, size_t i, uint8_t *val) {
    const tok *t = &d->toks[i];
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    *val = 0;
    if (t->flags & TOKF_BOILER) return W_NONE;
    switch (t->kind) {
    case TOK_NUM:
        return W_NUM;
    case TOK_PUNCT:
        if (n == 1 && s[0] == ',') return W_COMMA;
        if ((n == 1 && s[0] == '-') || (n == 2 && s[0] == '-' && s[1] == '-') ||
            (n == 3 && (unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
             ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94)))
            return W_DASH;
        return W_NONE;
    case TOK_WORD:
    case TOK_ABBREV:
        break;
    default:
        return W_NONE;
    }
    if (t->kind == TOK_ABBREV && n > 1 && s[n - 1] == '.') n--;
    if (n == 0 || n > 12) return W_NONE;
    char buf[12];
    for (size_t k = 0; k < n; k++) buf[k] = (char)lower_tab[(unsigned char)s[k]];
    const wentry *e = word_find(x, buf, n);
    if (!e) {
        /* "mid-March", "mid-2019" */
        if (n > 4 && memcmp(buf, "mid-", 4) == 0) return W_MID;
        return W_NONE;
    }
    *val = e->val;
    if (t->kind == TOK_ABBREV && !(e->val & ABBR) && e->id != W_MONTH && e->id != W_WDAY) return W_NONE;
    return e->id;
}

static int push_date(dyad_doc *d, uint32_t start, uint32_t end, const dval *v) {
    if (d->ndate >= d->capdate && vec_reserve((void **)&d->dates, &d->capdate, d->ndate + 1, sizeof *d->dates))
        return -1;
    ddate *o = &d->dates[d->ndate++];
    o->start = start;
    o->end = end;
    fmt_val(v, o->value);
    return 0;
}

int date_parse_anchor(const char *s, int *y, int *m, int *d) {
    if (!s) return -1;
    for (int k = 0; k < 10; k++) {
        char ch = s[k];
        if (k == 4 || k == 7) {
            if (ch != '-') return -1;
        } else if (ch < '0' || ch > '9') {
            return -1;
        }
    }
    int yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int mm = (s[5] - '0') * 10 + (s[6] - '0'), dd = (s[8] - '0') * 10 + (s[9] - '0');
    if (mm < 1 || mm > 12 || dd < 1 || dd > days_in_month(yy, mm)) return -1;
    *y = yy, *m = mm, *d = dd;
    return 0;
}

int date_run(dyad_doc *d) {
    if (!d) return DYAD_EINVAL;
    d->ndate = 0;
    if (d->ntok == 0) return DYAD_OK;
    /* two bytes per token in the stage scratch: ids then values */
    if (d->ntok > SIZE_MAX / 2) return DYAD_ENOMEM;
    sb_reset(&d->scratch);
    if (sb_grow(&d->scratch, 2 * d->ntok) != 0) return DYAD_ENOMEM;
    dctx c;
    memset(&c, 0, sizeof c);
    c.doc = d;
    c.id = (uint8_t *)d->scratch.s;
    c.val = c.id + d->ntok;
    windex x;
    windex_build(&x);
    for (size_t i = 0; i < d->ntok; i++) c.id[i] = (uint8_t)token_id(&x, d, i, &c.val[i]);
    if (date_parse_anchor(d->field[DYAD_FIELD_DATE], &c.ay, &c.am, &c.ad) == 0) {
        c.anchor = 1;
        c.aday = days_from_civil(c.ay, c.am, c.ad);
        c.awd = weekday_of(c.aday);
    }
    for (size_t si = 0; si < d->nsent; si++) {
        c.s0 = d->sents[si].first;
        c.s1 = d->sents[si].last;
        if (c.s1 > d->ntok) c.s1 = d->ntok;
        size_t i = c.s0;
        while (i < c.s1) {
            if (c.id[i] == W_NONE || c.id[i] == W_COMMA || c.id[i] == W_DASH) {
                i++;
                continue;
            }
            dval v;
            size_t e = match_at(&c, i, &v);
            if (e <= i || e > c.s1) {
                i++;
                continue;
            }
            if (push_date(d, d->toks[i].start, d->toks[e - 1].end, &v) != 0) return DYAD_ENOMEM;
            if (si < 6 && i == c.s0 && !v.range && v.a.d && c.id[i] == W_WDAY &&
                (e == c.s1 || (e + 1 == c.s1 && d->toks[e].kind == TOK_PUNCT))) {
                /* a dateline ("Tuesday, June 19, 2018" as a paragraph of its
                 * own near the top): the text counts its "yesterday" from it */
                c.anchor = 1;
                c.ay = v.a.y, c.am = v.a.m, c.ad = v.a.d;
                c.aday = days_from_civil(c.ay, c.am, c.ad);
                c.awd = weekday_of(c.aday);
            }
            c.ref = v;
            c.has_ref = 1;
            i = e;
        }
    }
    return DYAD_OK;
}

int date_resolve_span(const dyad_doc *d, uint32_t start, uint32_t end, char value[32]) {
    if (!d || !value) return 0;
    for (size_t k = 0; k < d->ndate; k++) {
        const ddate *x = &d->dates[k];
        if (x->start >= start && x->end <= end) {
            memcpy(value, x->value, 32);
            value[31] = 0;
            return 1;
        }
    }
    return 0;
}
