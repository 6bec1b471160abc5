/* ner.c -- named-entity recognizer (see ner.h).
 *
 * For each sentence, every word is prepared once (normalized lower-case
 * hash, affixes, shape, case class, the model lexicon's cluster and
 * capitals bucket) and the candidate gate marks the words worth scoring.
 * Each maximal run of candidates is then decoded on its own: about 30
 * hashed features per word are looked up in an open-addressing table of
 * the model image, each hit one short row of (label, int16 weight) pairs
 * added into 17 label scores, and a first-order Viterbi pass over the run
 * picks the best BILOU-valid labels.  A run is bounded by O words on both
 * sides, so a name never crosses a word the gate rejected.
 *
 * Features see normalized forms (curly quotes and dashes as ASCII, lower
 * case); capitalization is carried by the shape and the case class.  A
 * sentence mostly in capitals (a wire headline) is featurized as lower
 * case with its own case class, since there capitals say nothing. */
#include "ner.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "model.h"
#include "tagger.h"
#include "ud.h"

/* One stage's weights: features -> rows of label weights, transitions. */
typedef struct nr_stage {
    const nr_fslot *ftab;
    uint32_t fmask, fprobe;
    const uint32_t *wts;
    uint64_t nwts;
    float trans[(NER_NLABEL + 2) * NER_NLABEL];
    float inv_scale;
} nr_stage;

struct ner_model {
    model m;
    nr_stage st[2]; /* the first stage; the document stage with NR_FS_DOC */
    int nstage;
    const nr_lslot *ltab;
    uint32_t lmask, lprobe;
    uint32_t fset;
};

const char *const ner_type_names[NER_NTYPE] = {"PER", "ORG", "LOC", "MISC"};

/* ---- hashing ------------------------------------------------------------ */

static inline uint64_t mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

static uint64_t hash_bytes(uint64_t seed, const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL ^ (seed * 0x9E3779B97F4A7C15ULL);
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return mix64(h ^ n);
}

static inline uint64_t feat1(uint64_t tmpl, uint64_t a) { return mix64(a + tmpl * 0x9E3779B97F4A7C15ULL); }
static inline uint64_t feat2(uint64_t tmpl, uint64_t a, uint64_t b) {
    return mix64(a * 0xC2B2AE3D27D4EB4FULL + b + tmpl * 0x9E3779B97F4A7C15ULL);
}
static inline uint64_t feat3(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
    return feat2(tmpl, a * 0x165667B19E3779F9ULL + b, c);
}

uint64_t nr_word_hash(const char *form, size_t len) {
    char lc[NER_NORM_MAX];
    size_t l = tg_norm(form ? form : "", form ? len : 0, lc, sizeof lc, 1);
    uint64_t h = hash_bytes(7, lc, l);
    return h ? h : 1;
}

/* ---- preparation -------------------------------------------------------- */

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Letter counts of a word: upper and lower case (non-ASCII letters through
 * utf8proc), digits, whether the first letter is a capital; and its shape
 * (X x d or the character, runs collapsed; 'x' for every letter with
 * lower != 0), shape[*sl]. */
typedef struct wcase {
    int up, lo, dig, other;
    int first_upper;
} wcase;

static void word_case(const char *f, size_t fl, int lower, wcase *wc, char *shape, size_t *sl, size_t cap) {
    memset(wc, 0, sizeof *wc);
    size_t o = 0;
    char prev = 0;
    for (size_t k = 0; k < fl;) {
        unsigned char c = (unsigned char)f[k];
        char s;
        size_t adv = 1;
        if (is_upper(c)) {
            s = lower ? 'x' : 'X';
            if (!wc->up && !wc->lo) wc->first_upper = 1;
            wc->up++;
        } else if (is_lower(c)) {
            s = 'x';
            wc->lo++;
        } else if (is_digit(c)) {
            s = 'd';
            wc->dig++;
        } else if (c >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)f + k, (utf8proc_ssize_t)(fl - k), &cp);
            utf8proc_category_t cat = m > 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
            adv = m > 0 ? (size_t)m : 1;
            if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
                s = lower ? 'x' : 'X';
                if (!wc->up && !wc->lo) wc->first_upper = 1;
                wc->up++;
            } else if (cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_LM) {
                s = 'x';
                wc->lo++;
            } else {
                s = 'u';
                wc->other++;
            }
        } else {
            s = (char)c;
            wc->other++;
        }
        if (s != prev && o < cap) shape[o++] = s;
        prev = s;
        k += adv;
    }
    *sl = o;
}

static int case_class(const wcase *w, int capsent) {
    if (w->up + w->lo) {
        if (capsent) return NR_C_CAPSENT;
        if (w->dig) return NR_C_DIGIT;
        if (!w->up) return NR_C_LOWER;
        if (w->first_upper) return !w->lo && w->up >= 2 ? NR_C_CAPS : NR_C_UPPER;
        return NR_C_MIXED;
    }
    if (w->dig) return NR_C_DIGIT;
    return w->other ? NR_C_PUNCT : NR_C_OTHER;
}

/* Words that may stand before a sentence's real first word. */
static int is_opener(const char *f, size_t fl) {
    if (fl == 1) return f[0] == '"' || f[0] == '\'' || f[0] == '(' || f[0] == '-' || f[0] == '[' || f[0] == '`';
    if (fl == 2) return f[0] == '`' || (f[0] == '-' && f[1] == '-') || (f[0] == '\'' && f[1] == '\'');
    if (fl == 3 && (unsigned char)f[0] == 0xE2 && (unsigned char)f[1] == 0x80) return 1; /* curly quotes, dashes */
    return 0;
}

static int upperish(const nr_tok *t, const uint8_t *upos, int i) {
    int c = t[i].cls & 7;
    return c == NR_C_UPPER || c == NR_C_CAPS || c == NR_C_MIXED || (upos && upos[i] == UPOS_PROPN);
}

void nr_prep(nr_tok *out, const char *const *forms, const size_t *lens, const uint8_t *upos, const uint8_t *xpos,
             const uint8_t *boiler, int n, nr_lex_fn lex, const void *ctx) {
    char lc[NER_NORM_MAX], shape[24];
    wcase wc;
    uint64_t lexv[1];
    /* A sentence in capitals: at least three words of two or more letters,
     * three quarters of them all in capitals (as the tagger decides). */
    int nalpha = 0, ncaps = 0;
    for (int i = 0; i < n; i++) {
        int up = 0, lo = 0;
        for (size_t k = 0; k < lens[i]; k++) {
            unsigned char c = (unsigned char)forms[i][k];
            up += is_upper(c);
            lo += is_lower(c);
        }
        if (up + lo < 2) continue;
        nalpha++;
        ncaps += lo == 0;
    }
    int capsent = ncaps >= 3 && ncaps * 4 >= nalpha * 3;
    int first = 1;
    for (int i = 0; i < n; i++) {
        nr_tok *t = &out[i];
        const char *f = forms[i] ? forms[i] : "";
        size_t fl = forms[i] ? lens[i] : 0;
        size_t l = tg_norm(f, fl, lc, sizeof lc, 1);
        uint64_t w = hash_bytes(7, lc, l);
        t->h[NR_W] = w ? w : 1;
        lexv[0] = lex ? lex(ctx, t->h[NR_W]) : 0;
        t->h[NR_CLU] = NR_LEX_CLU(lexv[0]);
        t->h[NR_CAP] = NR_LEX_CAP(lexv[0]);
        t->h[NR_AGG] = (lexv[0] >> 15) & 0x1ffu;
        t->h[NR_GAZ] = NR_LEX_GAZ(lexv[0]);
        t->h[NR_DICT] = NR_LEX_DICT(lexv[0]);
        t->h[NR_S1] = hash_bytes(11, lc + (l > 1 ? l - 1 : 0), l > 1 ? 1 : l);
        t->h[NR_P1] = hash_bytes(21, lc, l > 1 ? 1 : l);
        t->h[NR_P4] = hash_bytes(24, lc, l > 4 ? 4 : l);
        t->h[NR_S2] = hash_bytes(12, lc + (l > 2 ? l - 2 : 0), l > 2 ? 2 : l);
        t->h[NR_S3] = hash_bytes(13, lc + (l > 3 ? l - 3 : 0), l > 3 ? 3 : l);
        t->h[NR_S4] = hash_bytes(14, lc + (l > 4 ? l - 4 : 0), l > 4 ? 4 : l);
        t->h[NR_P2] = hash_bytes(22, lc, l > 2 ? 2 : l);
        t->h[NR_P3] = hash_bytes(23, lc, l > 3 ? 3 : l);
        size_t sl;
        word_case(f, fl, capsent, &wc, shape, &sl, sizeof shape);
        t->h[NR_SHAPE] = hash_bytes(30, shape, sl);
        /* The long shape: the case of the first letters, then the length. */
        {
            char ls[8];
            size_t k = 0;
            for (; k < 4 && k < fl; k++) {
                unsigned char ch = (unsigned char)f[k];
                ls[k] = is_upper(ch) ? (capsent ? 'x' : 'X') : is_lower(ch) ? 'x' : is_digit(ch) ? 'd' : ch >= 0x80 ? 'u' : (char)ch;
            }
            ls[k++] = (char)('0' + (fl < 3 ? fl : fl < 5 ? 3 : fl < 8 ? 4 : 5));
            t->h[NR_LSHAPE] = hash_bytes(31, ls, k);
        }
        int cls = case_class(&wc, capsent);
        t->cls = (uint8_t)(cls | (first ? NR_C_FIRST : 0));
        if (first && !is_opener(f, fl)) first = 0;
        t->h[NR_CLS] = t->cls;
        t->h[NR_POS] = xpos ? (uint64_t)xpos[i] + 1 : 0;
        t->cand = (uint8_t)((lexv[0] >> 13) & 3u); /* lexicon flags, resolved below */
    }
    for (int i = 0; i < n; i++) {
        nr_tok *t = &out[i];
        unsigned lf = t->cand;
        int c = t->cls & 7;
        int cand;
        if (boiler && boiler[i]) cand = 0;
        else if (capsent) cand = c == NR_C_CAPSENT || c == NR_C_DIGIT;
        else if (upperish(out, upos, i)) cand = 1;
        else if (lf & (NR_LEX_ENTWORD >> 13)) cand = 1;
        else if (lf & (NR_LEX_CONNECT >> 13)) cand = i > 0 && i + 1 < n && upperish(out, upos, i - 1) && upperish(out, upos, i + 1);
        else if (c == NR_C_DIGIT) cand = (i > 0 && upperish(out, upos, i - 1)) || (i + 1 < n && upperish(out, upos, i + 1));
        else cand = 0;
        t->cand = (uint8_t)cand;
    }
}

/* ---- features ----------------------------------------------------------- */

enum {
    F_BIAS = 1, F_W, F_WM1, F_WP1, F_WM2, F_WP2, F_S2, F_S3, F_S4, F_P2, F_P3, F_SH, F_SHM1, F_SHP1,
    F_POS, F_POSM1, F_POSP1, F_POS3, F_CLU, F_CLUM1, F_CLUP1, F_CAPC, F_CLS3, F_WM1C, F_WP1C, F_WC,
    F_CLUC, F_POSC, F_WM1W, F_WWP1, F_CLS, F_CLUM1CLU, F_S3C, F_WM2WM1, F_AGG, F_AGGC, F_AGGM1, F_AGGP1, F_GAZ, F_GAZC, F_GAZM1, F_GAZP1,
    /* NR_FS_RICH */
    F_S1, F_P1, F_P4, F_LSH, F_SHM2, F_SHP2, F_SHM1SH, F_SHSHP1, F_CLUM2, F_CLUP2, F_CLUCLUP1, F_POSM2, F_POSP2,
    F_POSM1POS, F_POSPOSP1, F_WP1WP2, F_CAPM1, F_CAPP1, F_CLSM2, F_CLSP2, F_WM1CLS, F_WP1CLS, F_S4C, F_LSHM1, F_LSHP1,
    F_CLUPOS, F_AGGM2, F_AGGP2, F_GAZWP1, F_WM1GAZ,
    /* NR_FS_DICT */
    F_DICT, F_DICTC, F_DICTM1, F_DICTP1, F_DICTM2, F_DICTP2, F_DICT3,
    /* NR_FS_DOC (second stage) */
    F_DSELF, F_DSELFC, F_DSUM, F_DSUMSELF, F_DSUMC, F_DTYPE, F_DPOS, F_DSUMM1, F_DSUMP1
};

/* Lexical value of word j, a sentinel outside the sentence. */
static inline uint64_t lex(const nr_tok *s, int n, int j, int which) {
    if (j < 0) return 0x1234567ULL + (uint64_t)which * 7 + (uint64_t)(-j);
    if (j >= n) return 0x7654321ULL + (uint64_t)which * 7 + (uint64_t)(j - n);
    return s[j].h[which];
}

int nr_feats(const nr_tok *s, int n, int i, uint32_t fset, uint64_t *f) {
    int k = 0;
    const nr_tok *t = &s[i];
    uint64_t w = t->h[NR_W], c = t->h[NR_CLS];
    uint64_t wm1 = lex(s, n, i - 1, NR_W), wp1 = lex(s, n, i + 1, NR_W);
    uint64_t cm1 = lex(s, n, i - 1, NR_CLS), cp1 = lex(s, n, i + 1, NR_CLS);
    uint64_t pos = t->h[NR_POS];
    f[k++] = feat1(F_BIAS, 0);
    f[k++] = feat1(F_W, w);
    f[k++] = feat1(F_WM1, wm1);
    f[k++] = feat1(F_WP1, wp1);
    f[k++] = feat1(F_WM2, lex(s, n, i - 2, NR_W));
    f[k++] = feat1(F_WP2, lex(s, n, i + 2, NR_W));
    f[k++] = feat1(F_S2, t->h[NR_S2]);
    f[k++] = feat1(F_S3, t->h[NR_S3]);
    f[k++] = feat1(F_S4, t->h[NR_S4]);
    f[k++] = feat1(F_P2, t->h[NR_P2]);
    f[k++] = feat1(F_P3, t->h[NR_P3]);
    f[k++] = feat1(F_SH, t->h[NR_SHAPE]);
    f[k++] = feat1(F_SHM1, lex(s, n, i - 1, NR_SHAPE));
    f[k++] = feat1(F_SHP1, lex(s, n, i + 1, NR_SHAPE));
    f[k++] = feat1(F_POS, pos);
    f[k++] = feat1(F_POSM1, lex(s, n, i - 1, NR_POS));
    f[k++] = feat1(F_POSP1, lex(s, n, i + 1, NR_POS));
    f[k++] = feat3(F_POS3, lex(s, n, i - 1, NR_POS), pos, lex(s, n, i + 1, NR_POS));
    f[k++] = feat1(F_CLU, t->h[NR_CLU]);
    f[k++] = feat1(F_CLUM1, lex(s, n, i - 1, NR_CLU));
    f[k++] = feat1(F_CLUP1, lex(s, n, i + 1, NR_CLU));
    f[k++] = feat2(F_CAPC, t->h[NR_CAP], c);
    f[k++] = feat3(F_CLS3, cm1, c, cp1);
    f[k++] = feat2(F_WM1C, wm1, c);
    f[k++] = feat2(F_WP1C, wp1, c);
    f[k++] = feat2(F_WC, w, c);
    f[k++] = feat2(F_CLUC, t->h[NR_CLU], c);
    f[k++] = feat2(F_POSC, pos, c);
    f[k++] = feat2(F_WM1W, wm1, w);
    f[k++] = feat2(F_WWP1, w, wp1);
    f[k++] = feat1(F_CLS, c);
    f[k++] = feat2(F_CLUM1CLU, lex(s, n, i - 1, NR_CLU), t->h[NR_CLU]);
    f[k++] = feat2(F_S3C, t->h[NR_S3], c);
    f[k++] = feat2(F_WM2WM1, lex(s, n, i - 2, NR_W), wm1);
    /* What the context-only model said of this word across the news. */
    uint64_t g = t->h[NR_AGG];
    for (int ty = 0; ty < NER_NTYPE; ty++) f[k++] = feat2(F_AGG, (uint64_t)ty, g & 0x100 ? (g >> (2 * ty) & 3) + 1 : 0);
    f[k++] = feat2(F_AGGC, g, c);
    f[k++] = feat1(F_AGGM1, lex(s, n, i - 1, NR_AGG));
    f[k++] = feat1(F_AGGP1, lex(s, n, i + 1, NR_AGG));
    f[k++] = feat1(F_GAZ, t->h[NR_GAZ]);
    f[k++] = feat2(F_GAZC, t->h[NR_GAZ], c);
    f[k++] = feat1(F_GAZM1, lex(s, n, i - 1, NR_GAZ));
    f[k++] = feat1(F_GAZP1, lex(s, n, i + 1, NR_GAZ));
    if (fset & NR_FS_RICH) {
        uint64_t shm1 = lex(s, n, i - 1, NR_SHAPE), shp1 = lex(s, n, i + 1, NR_SHAPE);
        uint64_t posm1 = lex(s, n, i - 1, NR_POS), posp1 = lex(s, n, i + 1, NR_POS);
        f[k++] = feat1(F_S1, t->h[NR_S1]);
        f[k++] = feat1(F_P1, t->h[NR_P1]);
        f[k++] = feat1(F_P4, t->h[NR_P4]);
        f[k++] = feat1(F_LSH, t->h[NR_LSHAPE]);
        f[k++] = feat1(F_SHM2, lex(s, n, i - 2, NR_SHAPE));
        f[k++] = feat1(F_SHP2, lex(s, n, i + 2, NR_SHAPE));
        f[k++] = feat2(F_SHM1SH, shm1, t->h[NR_SHAPE]);
        f[k++] = feat2(F_SHSHP1, t->h[NR_SHAPE], shp1);
        f[k++] = feat1(F_CLUM2, lex(s, n, i - 2, NR_CLU));
        f[k++] = feat1(F_CLUP2, lex(s, n, i + 2, NR_CLU));
        f[k++] = feat2(F_CLUCLUP1, t->h[NR_CLU], lex(s, n, i + 1, NR_CLU));
        f[k++] = feat1(F_POSM2, lex(s, n, i - 2, NR_POS));
        f[k++] = feat1(F_POSP2, lex(s, n, i + 2, NR_POS));
        f[k++] = feat2(F_POSM1POS, posm1, pos);
        f[k++] = feat2(F_POSPOSP1, pos, posp1);
        f[k++] = feat2(F_WP1WP2, wp1, lex(s, n, i + 2, NR_W));
        f[k++] = feat2(F_CAPM1, lex(s, n, i - 1, NR_CAP), cm1);
        f[k++] = feat2(F_CAPP1, lex(s, n, i + 1, NR_CAP), cp1);
        f[k++] = feat3(F_CLSM2, lex(s, n, i - 2, NR_CLS), cm1, c);
        f[k++] = feat3(F_CLSP2, c, cp1, lex(s, n, i + 2, NR_CLS));
        f[k++] = feat2(F_WM1CLS, wm1, cm1);
        f[k++] = feat2(F_WP1CLS, wp1, cp1);
        f[k++] = feat2(F_S4C, t->h[NR_S4], c);
        f[k++] = feat1(F_LSHM1, lex(s, n, i - 1, NR_LSHAPE));
        f[k++] = feat1(F_LSHP1, lex(s, n, i + 1, NR_LSHAPE));
        f[k++] = feat2(F_CLUPOS, t->h[NR_CLU], pos);
        f[k++] = feat1(F_AGGM2, lex(s, n, i - 2, NR_AGG));
        f[k++] = feat1(F_AGGP2, lex(s, n, i + 2, NR_AGG));
        f[k++] = feat2(F_GAZWP1, t->h[NR_GAZ], wp1);
        f[k++] = feat2(F_WM1GAZ, wm1, t->h[NR_GAZ]);
    }
    if (fset & NR_FS_DICT) {
        uint64_t d = t->h[NR_DICT];
        for (int b = 0; b < 9; b++)
            if (d >> b & 1) f[k++] = feat2(F_DICT, (uint64_t)b, c);
        f[k++] = feat1(F_DICTC, d);
        f[k++] = feat1(F_DICTM1, lex(s, n, i - 1, NR_DICT));
        f[k++] = feat1(F_DICTP1, lex(s, n, i + 1, NR_DICT));
        f[k++] = feat1(F_DICTM2, lex(s, n, i - 2, NR_DICT));
        f[k++] = feat1(F_DICTP2, lex(s, n, i + 2, NR_DICT));
        f[k++] = feat3(F_DICT3, lex(s, n, i - 1, NR_DICT), d, lex(s, n, i + 1, NR_DICT));
    }
    return k;
}

/* ---- document memory ---------------------------------------------------- */

size_t nr_docmem_slots(size_t ntok) {
    size_t p = 16;
    while (p < ntok * 2 + 16) {
        if (p > SIZE_MAX / 4 / sizeof(nr_dent)) return 0;
        p <<= 1;
    }
    return p;
}

void nr_docmem_add(nr_docmem *d, uint64_t w, int l) {
    if (!d || !d->tab || l <= 0 || l >= NER_NLABEL || !w) return;
    uint32_t i = (uint32_t)w & d->mask;
    while (d->tab[i].key && d->tab[i].key != w) i = (i + 1) & d->mask;
    nr_dent *e = &d->tab[i];
    if (!e->key) {
        /* The caller sized the table for every word; keep one slot free. */
        if (d->n >= d->mask) return;
        e->key = w;
        d->n++;
    }
    if (e->cnt[NER_LTYPE(l)] < 255) e->cnt[NER_LTYPE(l)]++;
    if (e->pos[NER_LPOS(l)] < 255) e->pos[NER_LPOS(l)]++;
}

static const nr_dent *docmem_find(const nr_docmem *d, uint64_t w) {
    if (!d || !d->tab) return NULL;
    uint32_t i = (uint32_t)w & d->mask;
    for (uint32_t p = 0; p <= d->mask; p++, i = (i + 1) & d->mask) {
        if (!d->tab[i].key) return NULL;
        if (d->tab[i].key == w) return &d->tab[i];
    }
    return NULL;
}

/* A word's names in the document, in one value: the commonest type + 1
 * (0: never in a name), how many times (1, 2, 3-4, 5+) and whether it
 * was in names of several types. */
static uint64_t docmem_summary(const nr_dent *e) {
    if (!e) return 0;
    int tot = 0, best = 0, types = 0;
    for (int t = 0; t < NER_NTYPE; t++) {
        tot += e->cnt[t];
        types += e->cnt[t] > 0;
        if (e->cnt[t] > e->cnt[best]) best = t;
    }
    if (!tot) return 0;
    uint64_t b = tot == 1 ? 1 : tot == 2 ? 2 : tot <= 4 ? 3 : 4;
    return (uint64_t)(best + 1) | b << 3 | (uint64_t)(types > 1) << 6;
}

int nr_feats_doc(const nr_tok *s, int n, int i, const uint8_t *lab1, const nr_docmem *d, uint64_t *f) {
    int k = 0;
    uint64_t c = s[i].h[NR_CLS];
    const nr_dent *e = docmem_find(d, s[i].h[NR_W]);
    uint64_t self = lab1[i];
    uint64_t sm = docmem_summary(e);
    f[k++] = feat1(F_DSELF, self);
    f[k++] = feat2(F_DSELFC, self, c);
    f[k++] = feat1(F_DSUM, sm);
    f[k++] = feat2(F_DSUMSELF, sm, self);
    f[k++] = feat2(F_DSUMC, sm, c);
    if (e) {
        int bp = 0;
        for (int t = 0; t < NER_NTYPE; t++)
            if (e->cnt[t]) f[k++] = feat2(F_DTYPE, (uint64_t)t, e->cnt[t] < 3 ? e->cnt[t] : 3);
        for (int p = 1; p < 4; p++)
            if (e->pos[p] > e->pos[bp]) bp = p;
        f[k++] = feat2(F_DPOS, (uint64_t)bp, sm & 7);
    }
    uint64_t smm1 = i > 0 ? docmem_summary(docmem_find(d, s[i - 1].h[NR_W])) : 0x99;
    uint64_t smp1 = i + 1 < n ? docmem_summary(docmem_find(d, s[i + 1].h[NR_W])) : 0x99;
    f[k++] = feat3(F_DSUMM1, smm1, i > 0 ? lab1[i - 1] : 99, sm & 7);
    f[k++] = feat3(F_DSUMP1, smp1, i + 1 < n ? lab1[i + 1] : 99, sm & 7);
    return k;
}

int nr_feats_ctx(const nr_tok *s, int n, int i, uint64_t *f) {
    int k = 0;
    const nr_tok *t = &s[i];
    uint64_t c = t->h[NR_CLS];
    uint64_t wm1 = lex(s, n, i - 1, NR_W), wp1 = lex(s, n, i + 1, NR_W);
    uint64_t cm1 = lex(s, n, i - 1, NR_CLS), cp1 = lex(s, n, i + 1, NR_CLS);
    uint64_t pos = t->h[NR_POS];
    f[k++] = feat1(F_BIAS, 0);
    f[k++] = feat1(F_WM1, wm1);
    f[k++] = feat1(F_WP1, wp1);
    f[k++] = feat1(F_WM2, lex(s, n, i - 2, NR_W));
    f[k++] = feat1(F_WP2, lex(s, n, i + 2, NR_W));
    f[k++] = feat1(F_SHM1, lex(s, n, i - 1, NR_SHAPE));
    f[k++] = feat1(F_SHP1, lex(s, n, i + 1, NR_SHAPE));
    f[k++] = feat1(F_POS, pos);
    f[k++] = feat1(F_POSM1, lex(s, n, i - 1, NR_POS));
    f[k++] = feat1(F_POSP1, lex(s, n, i + 1, NR_POS));
    f[k++] = feat3(F_POS3, lex(s, n, i - 1, NR_POS), pos, lex(s, n, i + 1, NR_POS));
    f[k++] = feat1(F_CLU, t->h[NR_CLU]);
    f[k++] = feat1(F_CLUM1, lex(s, n, i - 1, NR_CLU));
    f[k++] = feat1(F_CLUP1, lex(s, n, i + 1, NR_CLU));
    f[k++] = feat2(F_CAPC, t->h[NR_CAP], c);
    f[k++] = feat3(F_CLS3, cm1, c, cp1);
    f[k++] = feat2(F_WM1C, wm1, c);
    f[k++] = feat2(F_WP1C, wp1, c);
    f[k++] = feat2(F_CLUC, t->h[NR_CLU], c);
    f[k++] = feat2(F_POSC, pos, c);
    f[k++] = feat1(F_CLS, c);
    f[k++] = feat2(F_CLUM1CLU, lex(s, n, i - 1, NR_CLU), t->h[NR_CLU]);
    f[k++] = feat2(F_WM2WM1, lex(s, n, i - 2, NR_W), wm1);
    return k;
}

/* ---- decoding ----------------------------------------------------------- */

int ner_allowed(int a, int b) {
    int ain = a > 0 && a < NER_NLABEL && (NER_LPOS(a) == NER_PB || NER_LPOS(a) == NER_PI);
    int bin = b > 0 && b < NER_NLABEL && (NER_LPOS(b) == NER_PI || NER_LPOS(b) == NER_PL);
    if (ain) return bin && NER_LTYPE(a) == NER_LTYPE(b); /* inside a name: I or L of its type */
    return !bin; /* outside: O, B or U (or the end) */
}

int nr_viterbi(const float *emit, const float *trans, const float *endsc, const uint32_t *mask, int n, uint8_t *bp,
               uint8_t *out) {
    enum { NL = NER_NLABEL };
    static const float NEG = -1e30f;
    float d[NL], nd[NL];
    if (n <= 0) return 0;
    for (int b = 0; b < NL; b++) {
        int ok = ner_allowed(NL, b) && (!mask || (mask[0] >> b & 1));
        d[b] = ok ? trans[NL * NL + b] + emit[b] : NEG;
    }
    for (int i = 1; i < n; i++) {
        const float *e = emit + (size_t)i * NL;
        for (int b = 0; b < NL; b++) {
            float best = NEG;
            int arg = 0;
            if (!mask || (mask[i] >> b & 1)) {
                for (int a = 0; a < NL; a++) {
                    if (d[a] <= NEG || !ner_allowed(a, b)) continue;
                    float v = d[a] + trans[a * NL + b];
                    if (v > best) {
                        best = v;
                        arg = a;
                    }
                }
            }
            nd[b] = best > NEG ? best + e[b] : NEG;
            bp[(size_t)i * NL + (size_t)b] = (uint8_t)arg;
        }
        memcpy(d, nd, sizeof d);
    }
    float best = NEG;
    int arg = -1;
    for (int a = 0; a < NL; a++) {
        if (d[a] <= NEG || !ner_allowed(a, NL)) continue;
        float v = d[a] + endsc[a];
        if (v > best) {
            best = v;
            arg = a;
        }
    }
    if (arg < 0) {
        memset(out, NER_O, (size_t)n);
        return -1;
    }
    for (int i = n - 1; i >= 0; i--) {
        out[i] = (uint8_t)arg;
        if (i) arg = bp[(size_t)i * NL + (size_t)arg];
    }
    return 0;
}

/* ---- opening ------------------------------------------------------------ */

static int bad(char *err, size_t errlen, const char *msg) {
    if (err && errlen) snprintf(err, errlen, "ner model: %s", msg);
    return DYAD_EFORMAT;
}

static int is_pow2(uint32_t x) { return x && !(x & (x - 1)); }

/* One stage's sections: meta, ftab, wts and trans named with suffix sfx. */
static int open_stage(const model *m, nr_stage *st, const char *sfx, const nr_meta **metap, char *err, size_t errlen) {
    char why[160], name[16];
    snprintf(name, sizeof name, "meta%s", sfx);
    const nr_meta *meta = model_need(m, name, sizeof(nr_meta), why, sizeof why);
    if (!meta) return bad(err, errlen, why);
    if (meta->nlabel != NER_NLABEL) return bad(err, errlen, "wrong label count");
    if (!is_pow2(meta->fslots)) return bad(err, errlen, "table size not a power of two");
    if (meta->fprobe > meta->fslots) return bad(err, errlen, "bad probe bound");
    if (!(meta->scale > 0.0f)) return bad(err, errlen, "bad weight scale");
    st->inv_scale = 1.0f / meta->scale;
    st->fmask = meta->fslots - 1;
    st->fprobe = meta->fprobe;
    snprintf(name, sizeof name, "ftab%s", sfx);
    st->ftab = model_need(m, name, (uint64_t)meta->fslots * sizeof(nr_fslot), why, sizeof why);
    if (!st->ftab) return bad(err, errlen, why);
    snprintf(name, sizeof name, "trans%s", sfx);
    const float *tr = model_need(m, name, sizeof st->trans, why, sizeof why);
    if (!tr) return bad(err, errlen, why);
    memcpy(st->trans, tr, sizeof st->trans);
    for (size_t i = 0; i < sizeof st->trans / sizeof st->trans[0]; i++)
        if (!(st->trans[i] > -1e9f && st->trans[i] < 1e9f)) return bad(err, errlen, "bad transition score");
    uint64_t n;
    snprintf(name, sizeof name, "wts%s", sfx);
    st->wts = model_section(m, name, &n);
    if (!st->wts || n < 4 || n % 4) return bad(err, errlen, "bad weight section");
    st->nwts = n / 4;
    *metap = meta;
    return DYAD_OK;
}

static int open_model(ner_model *t, char *err, size_t errlen) {
    const model *m = &t->m;
    char why[160];
    const nr_meta *meta;
    if ((uintptr_t)m->buf % 8) return bad(err, errlen, "image buffer is not 8-byte aligned");
    int rc = open_stage(m, &t->st[0], "", &meta, err, errlen);
    if (rc) return rc;
    if (meta->fset & ~(uint32_t)NR_FS_ALL) return bad(err, errlen, "unknown feature groups");
    t->fset = meta->fset;
    if (!is_pow2(meta->lslots) || meta->lprobe > meta->lslots) return bad(err, errlen, "bad lexicon table");
    t->lmask = meta->lslots - 1;
    t->lprobe = meta->lprobe;
    t->ltab = model_need(m, "lex", (uint64_t)meta->lslots * sizeof(nr_lslot), why, sizeof why);
    if (!t->ltab) return bad(err, errlen, why);
    t->nstage = 1;
    if (t->fset & NR_FS_DOC) {
        const nr_meta *m2;
        rc = open_stage(m, &t->st[1], "2", &m2, err, errlen);
        if (rc) return rc;
        t->nstage = 2;
    }
    return DYAD_OK;
}

int ner_open(ner_model **out, const void *buf, size_t len, char *err, size_t errlen) {
    if (!out) return DYAD_EINVAL;
    *out = NULL;
    ner_model *t = calloc(1, sizeof *t);
    if (!t) return DYAD_ENOMEM;
    char why[200];
    int rc = model_open(&t->m, buf, len, "ner", NER_VERSION, why, sizeof why);
    if (rc) {
        if (err && errlen) snprintf(err, errlen, "ner model: %s", why);
        free(t);
        return rc;
    }
    rc = open_model(t, err, errlen);
    if (rc) {
        ner_close(t);
        return rc;
    }
    *out = t;
    return DYAD_OK;
}

int ner_open_file(ner_model **out, const char *path, char *err, size_t errlen) {
    if (!out || !path) return DYAD_EINVAL;
    *out = NULL;
    ner_model *t = calloc(1, sizeof *t);
    if (!t) return DYAD_ENOMEM;
    int rc = model_map(&t->m, path, "ner", NER_VERSION, err, errlen);
    if (rc) {
        free(t);
        return rc;
    }
    rc = open_model(t, err, errlen);
    if (rc) {
        ner_close(t);
        return rc;
    }
    *out = t;
    return DYAD_OK;
}

void ner_close(ner_model *m) {
    if (!m) return;
    model_close(&m->m);
    free(m);
}

/* ---- scoring ------------------------------------------------------------ */

static uint64_t lex_lookup(const void *ctx, uint64_t h) {
    const ner_model *t = ctx;
    uint32_t i = (uint32_t)h & t->lmask;
    for (uint32_t p = 0; p <= t->lprobe; p++, i = (i + 1) & t->lmask) {
        const nr_lslot *s = &t->ltab[i];
        if (!s->key) return 0;
        if (s->key == h) return s->val;
    }
    return 0;
}

static inline const nr_fslot *fslot(const nr_stage *t, uint64_t h) {
    uint32_t fp = (uint32_t)(h >> 32), i = (uint32_t)h & t->fmask;
    for (uint32_t p = 0; p <= t->fprobe; p++, i = (i + 1) & t->fmask) {
        const nr_fslot *s = &t->ftab[i];
        if (!s->off) return NULL;
        if (s->fp == fp) return s;
    }
    return NULL;
}

/* Add the row of slot s (may be NULL) into sc (32 entries: any stored
 * label byte below 32 is in bounds; others are ignored). */
static inline void add_row(const nr_stage *t, const nr_fslot *s, int32_t *sc) {
    if (!s) return;
    uint64_t off = s->off;
    if (off >= t->nwts) return;
    uint32_t c = t->wts[off];
    if (c & NR_DENSE) {
        c &= ~NR_DENSE;
        if (c > t->nwts - off - 1 || (uint64_t)c * 2 < NER_NLABEL) return;
        const int16_t *d = (const int16_t *)(const void *)(t->wts + off + 1);
        for (int j = 0; j < NER_NLABEL; j++) sc[j] += d[j];
        return;
    }
    if (c > t->nwts - off - 1) return;
    const uint32_t *r = t->wts + off + 1;
    for (uint32_t j = 0; j < c; j++) sc[r[j] & 31] += (int16_t)(r[j] >> 16);
}

/* Label a prepared sentence with stage st: O outside candidate runs,
 * Viterbi inside.  The document stage (st 1) also reads the first
 * stage's labels lab1 of the sentence and the document memory dm.  emit
 * holds n * NER_NLABEL floats, bp n * NER_NLABEL bytes. */
static void decode(const ner_model *m, int st, const nr_tok *s, int n, float *emit, uint8_t *bp, uint8_t *labels,
                   const uint8_t *lab1, const nr_docmem *dm) {
    uint64_t f[NER_MAXFEAT + NER_MAXDOCFEAT];
    const nr_stage *t = &m->st[st];
    const float *endsc = t->trans + (NER_NLABEL + 1) * NER_NLABEL;
    int i = 0;
    while (i < n) {
        if (!s[i].cand) {
            labels[i++] = NER_O;
            continue;
        }
        int a = i;
        while (i < n && s[i].cand) i++;
        for (int j = a; j < i; j++) {
            int32_t sc[32] = {0};
            int nf = nr_feats(s, n, j, m->fset, f);
            if (st) nf += nr_feats_doc(s, n, j, lab1, dm, f + nf);
            for (int k = 0; k < nf; k++) __builtin_prefetch(&t->ftab[(uint32_t)f[k] & t->fmask]);
            for (int k = 0; k < nf; k++) add_row(t, fslot(t, f[k]), sc);
            float *e = emit + (size_t)(j - a) * NER_NLABEL;
            for (int l = 0; l < NER_NLABEL; l++) e[l] = (float)sc[l] * t->inv_scale;
        }
        nr_viterbi(emit, t->trans, endsc, NULL, i - a, bp, labels + a);
    }
}

/* Scratch for one sentence of n words. */
typedef struct scratch {
    nr_tok *tok;
    float *emit;
    const char **forms;
    size_t *lens;
    uint8_t *upos, *xpos, *boiler, *labels, *bp;
} scratch;

static size_t scratch_size(size_t n) {
    size_t per = sizeof(nr_tok) + NER_NLABEL * sizeof(float) + sizeof(char *) + sizeof(size_t) + 4 + NER_NLABEL;
    if (n > (SIZE_MAX - 128) / per) return 0;
    return n * per + 128;
}

static void scratch_carve(void *mem, size_t n, scratch *s) {
    char *p = mem;
    /* Eight-byte members first, then floats, then bytes: each aligned. */
    s->tok = (nr_tok *)(void *)p;
    p += n * sizeof(nr_tok);
    s->forms = (const char **)(void *)p;
    p += n * sizeof(char *);
    s->lens = (size_t *)(void *)p;
    p += n * sizeof(size_t);
    s->emit = (float *)(void *)p;
    p += n * NER_NLABEL * sizeof(float);
    s->upos = (uint8_t *)p;
    s->xpos = s->upos + n;
    s->boiler = s->xpos + n;
    s->labels = s->boiler + n;
    s->bp = s->labels + n;
}

/* Prepare and label one span of n words whose forms etc. are in s: with
 * stage 0 the labels go to out and the names into dm (may be NULL); with
 * stage 1 lab1 holds the first stage's labels of the span. */
static void label_span(const ner_model *m, int st, const scratch *s, int n, int tagged, nr_docmem *dm,
                       const uint8_t *lab1, uint8_t *out) {
    nr_prep(s->tok, s->forms, s->lens, tagged ? s->upos : NULL, tagged ? s->xpos : NULL, s->boiler, n, lex_lookup, m);
    decode(m, st, s->tok, n, s->emit, s->bp, out, lab1, dm);
    if (st == 0 && dm)
        for (int i = 0; i < n; i++)
            if (out[i] != NER_O) nr_docmem_add(dm, s->tok[i].h[NR_W], out[i]);
}

/* Bytes of document memory for ntok words, 0 on overflow. */
static size_t docmem_bytes(size_t ntok) {
    size_t slots = nr_docmem_slots(ntok);
    return slots ? slots * sizeof(nr_dent) : 0;
}

static void docmem_init(nr_docmem *dm, void *mem, size_t ntok) {
    size_t slots = nr_docmem_slots(ntok);
    dm->tab = mem;
    dm->mask = (uint32_t)(slots - 1);
    dm->n = 0;
    memset(mem, 0, slots * sizeof(nr_dent));
}

int ner_tag_doc_words(const ner_model *m, const char *const *forms, const size_t *lens, const uint8_t *upos,
                      const uint8_t *xpos, const uint8_t *boiler, int n, const int *sent_len, int nsent,
                      uint8_t *labels) {
    if (!m || n < 0 || nsent < 0 || (n && (!forms || !lens || !labels || !sent_len))) return DYAD_EINVAL;
    if (n == 0) return DYAD_OK;
    int longest = 0;
    long tot = 0;
    for (int k = 0; k < nsent; k++) {
        if (sent_len[k] < 0) return DYAD_EINVAL;
        tot += sent_len[k];
        if (sent_len[k] > longest) longest = sent_len[k];
    }
    if (tot != n) return DYAD_EINVAL;
    for (int i = 0; i < n; i++)
        if (!forms[i] && lens[i]) return DYAD_EINVAL;
    size_t need = scratch_size((size_t)longest), dmb = m->nstage > 1 ? docmem_bytes((size_t)n) : 0;
    if (!need || (m->nstage > 1 && !dmb) || need > SIZE_MAX - dmb) return DYAD_ENOMEM;
    char *mem = malloc(need + dmb);
    if (!mem) return DYAD_ENOMEM;
    scratch s;
    scratch_carve(mem + dmb, (size_t)longest, &s);
    nr_docmem dm;
    if (dmb) docmem_init(&dm, mem, (size_t)n);
    for (int st = 0; st < m->nstage; st++) {
        int off = 0;
        for (int k = 0; k < nsent; k++) {
            int len = sent_len[k];
            for (int i = 0; i < len; i++) {
                s.forms[i] = forms[off + i];
                s.lens[i] = lens[off + i];
                s.upos[i] = upos ? upos[off + i] : 0;
                s.xpos[i] = xpos ? xpos[off + i] : 0;
                s.boiler[i] = boiler ? boiler[off + i] : 0;
            }
            if (st == 0) label_span(m, 0, &s, len, upos != NULL, dmb ? &dm : NULL, NULL, labels + off);
            else {
                label_span(m, 1, &s, len, upos != NULL, NULL, labels + off, s.labels);
                memcpy(labels + off, s.labels, (size_t)len);
            }
            off += len;
        }
    }
    free(mem);
    return DYAD_OK;
}

int ner_tag_words(const ner_model *m, const char *const *forms, const size_t *lens, const uint8_t *upos,
                  const uint8_t *xpos, const uint8_t *boiler, int n, uint8_t *labels) {
    return ner_tag_doc_words(m, forms, lens, upos, xpos, boiler, n, &n, 1, labels);
}

/* Fill the scratch with tokens [first, last) of doc; 0 if all are
 * boilerplate (nothing to label). */
static int fill_span(const dyad_doc *doc, size_t first, size_t last, const scratch *s) {
    int n = (int)(last - first), any = 0;
    for (int i = 0; i < n; i++) {
        const tok *k = &doc->toks[first + (size_t)i];
        s->forms[i] = doc->text + k->start;
        s->lens[i] = k->end - k->start;
        s->boiler[i] = (k->flags & TOKF_BOILER) != 0;
        any |= !s->boiler[i];
        if (doc->tagged) {
            s->upos[i] = doc->an[first + (size_t)i].upos;
            s->xpos[i] = doc->an[first + (size_t)i].xpos;
        }
    }
    return any;
}

/* Honorifics before a given name inside a person's name ("Mrs. Ann
 * Lee"): lower-case ASCII without the period. */
static int is_honorific(const char *f, size_t fl) {
    static const char *const hon[] = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "prof", "rev", "mx"};
    char lc[8];
    if (fl && f[fl - 1] == '.') fl--;
    if (!fl || fl >= sizeof lc) return 0;
    for (size_t k = 0; k < fl; k++) {
        unsigned char c = (unsigned char)f[k];
        if (is_upper(c)) c = (unsigned char)(c + 32);
        else if (!is_lower(c)) return 0;
        lc[k] = (char)c;
    }
    for (size_t j = 0; j < sizeof hon / sizeof *hon; j++)
        if (strlen(hon[j]) == fl && !memcmp(hon[j], lc, fl)) return 1;
    return 0;
}

/* The gender hint of a person's name, tokens [t0, t1): the first word
 * that is a given name, not a title ("President", "Sen.") and not the
 * name's last word, decides if it is in one gender list only ("Angela
 * Merkel" 2, "Wells Fargo CEO John Stumpf" 1; "Hillary Clinton" 0: in
 * both lists; "Xi Jinping" 0: in neither).  The last word is left out: a
 * lone "Warren" or the "Abe" of "Shinzo Abe" is a surname. */
static uint8_t name_gender(const ner_model *m, const dyad_doc *doc, uint32_t t0, uint32_t t1) {
    for (uint32_t k = t0; k + 1 < t1; k++) {
        const char *f = doc->text + doc->toks[k].start;
        size_t fl = doc->toks[k].end - doc->toks[k].start;
        if (is_honorific(f, fl)) continue;
        uint64_t v = lex_lookup(m, nr_word_hash(f, fl));
        if ((v & NR_LEX_ROLE) || !(v & NR_LEX_GIVEN)) continue;
        if ((v & NR_LEX_FEMALE) && !(v & NR_LEX_MALE)) return 2;
        if ((v & NR_LEX_MALE) && !(v & NR_LEX_FEMALE)) return 1;
        return 0;
    }
    return 0;
}

/* Push the names of labels (tokens [first, first + n)) to doc->ents. */
static int push_names(const ner_model *m, dyad_doc *doc, size_t first, int n, const uint8_t *labels) {
    static const uint8_t ent_of[NER_NTYPE] = {ENT_PERSON, ENT_ORG, ENT_LOC, ENT_MISC};
    for (int i = 0; i < n; i++) {
        int l = labels[i];
        if (l == NER_O) continue;
        int j = i;
        if (NER_LPOS(l) == NER_PB)
            while (j + 1 < n && labels[j + 1] != NER_O && NER_LPOS(labels[j + 1]) != NER_PB &&
                   NER_LPOS(labels[j + 1]) != NER_PU && NER_LTYPE(labels[j + 1]) == NER_LTYPE(l)) {
                j++;
                if (NER_LPOS(labels[j]) == NER_PL) break;
            }
        dent e;
        memset(&e, 0, sizeof e);
        e.tok0 = (uint32_t)(first + (size_t)i);
        e.tok1 = (uint32_t)(first + (size_t)j + 1);
        e.start = doc->toks[e.tok0].start;
        e.end = doc->toks[e.tok1 - 1].end;
        e.actor = -1;
        e.type = ent_of[NER_LTYPE(l)];
        if (e.type == ENT_PERSON) e.gender = name_gender(m, doc, e.tok0, e.tok1);
        if (doc_push_ent(doc, &e)) return DYAD_ENOMEM;
        i = j;
    }
    return DYAD_OK;
}

/* The spans of a document: each sentence, and the tokens between
 * sentences (outside any) as spans of their own.  Calls fn on each. */
typedef int (*span_fn)(void *ctx, size_t first, size_t last);
static int each_span(const dyad_doc *doc, span_fn fn, void *ctx) {
    size_t pos = 0;
    for (size_t k = 0; k <= doc->nsent; k++) {
        size_t a = k < doc->nsent ? doc->sents[k].first : doc->ntok;
        size_t b = k < doc->nsent ? doc->sents[k].last : doc->ntok;
        if (a < pos) a = pos;
        if (b > doc->ntok) b = doc->ntok;
        if (a > b) a = b;
        if (a > pos) {
            int rc = fn(ctx, pos, a);
            if (rc) return rc;
        }
        if (b > a) {
            int rc = fn(ctx, a, b);
            if (rc) return rc;
        }
        if (b > pos) pos = b;
    }
    return DYAD_OK;
}

typedef struct run_ctx {
    const ner_model *m;
    dyad_doc *doc;
    scratch s;
    nr_docmem dm;
    uint8_t *lab1; /* first-stage labels of every token (two stages) */
    size_t longest;
    int st;
} run_ctx;

static int span_longest(void *ctx, size_t first, size_t last) {
    run_ctx *r = ctx;
    if (last - first > r->longest) r->longest = last - first;
    return DYAD_OK;
}

static int span_label(void *ctx, size_t first, size_t last) {
    run_ctx *r = ctx;
    int n = (int)(last - first);
    if (!fill_span(r->doc, first, last, &r->s)) {
        if (r->lab1) memset(r->lab1 + first, NER_O, (size_t)n);
        return DYAD_OK;
    }
    int tagged = r->doc->tagged;
    if (r->st == 0 && r->lab1) {
        label_span(r->m, 0, &r->s, n, tagged, &r->dm, NULL, r->lab1 + first);
        return DYAD_OK;
    }
    label_span(r->m, r->st, &r->s, n, tagged, NULL, r->lab1 ? r->lab1 + first : NULL, r->s.labels);
    return push_names(r->m, r->doc, first, n, r->s.labels);
}

int ner_run(const ner_model *m, dyad_doc *doc) {
    if (!m || !doc) return DYAD_EINVAL;
    if (!doc->ntok) return DYAD_OK;
    if (doc->tagged && (!doc->an || doc->capan < doc->ntok)) return DYAD_EINVAL;
    run_ctx r;
    memset(&r, 0, sizeof r);
    r.m = m;
    r.doc = doc;
    /* The longest span decides the scratch size; doc->scratch is reused
     * across documents, so this stops allocating once warm.  Two stages
     * add the document memory and the first stage's labels. */
    each_span(doc, span_longest, &r);
    if (r.longest > INT32_MAX) return DYAD_ENOMEM;
    size_t need = scratch_size(r.longest), dmb = 0, l1 = 0;
    if (!need) return DYAD_ENOMEM;
    if (m->nstage > 1) {
        dmb = docmem_bytes(doc->ntok);
        l1 = (doc->ntok + 15) & ~(size_t)15;
        if (!dmb || l1 < doc->ntok || dmb > SIZE_MAX - need - l1 - 16) return DYAD_ENOMEM;
    }
    sb_reset(&doc->scratch);
    if (sb_grow(&doc->scratch, dmb + need + l1 + 16)) return DYAD_ENOMEM;
    /* strbuf memory comes from malloc: aligned for nr_dent and nr_tok
     * (both sizes are multiples of 16 and 8). */
    char *mem = doc->scratch.s;
    scratch_carve(mem + dmb, r.longest, &r.s);
    if (m->nstage > 1) {
        docmem_init(&r.dm, mem, doc->ntok);
        r.lab1 = (uint8_t *)mem + dmb + need;
        r.st = 0;
        int rc = each_span(doc, span_label, &r);
        if (rc) return rc;
        r.st = 1;
    }
    return each_span(doc, span_label, &r);
}
