/* tagger.c -- part-of-speech tagger and lemmatizer (see tagger.h).
 *
 * Tagging is greedy, left to right: for each word, 44 hashed features
 * (word, affixes, shape, neighbours, the two previous predicted classes,
 * a few conjunctions, distributional clusters and how often the word is
 * capitalized in unlabeled text) are looked up in an open-addressing table
 * of the model image; each hit is one contiguous row of (class, int16
 * weight) pairs -- only the classes the perceptron ever moved, so a row is
 * a few entries, not all ~150 classes -- added into a score array.  The
 * best class gives XPOS, UPOS and FEATS at once.
 *
 * Features see a normalized form: curly quotes and dashes become ASCII and
 * letters are lower-cased, so "“" and '"' or "POLICE" and "police" share
 * their word features; capitalization is carried by separate shape and flag
 * features.  A sentence mostly in capitals (a wire headline) is featurized
 * entirely as lower case, because in the treebank's running text an
 * all-caps word is nearly always an acronym (NNP), which would tag
 * "POLICE DETAIN PROTESTERS" as three proper nouns.
 *
 * Lemmas come from a (XPOS, lower-cased form) dictionary built from the
 * treebank (irregulars: was -> be, children -> child), else from the
 * suffix-rewrite rule stored for the longest known (XPOS, suffix), applied
 * to the lower-cased form -- or to the form as written for proper nouns,
 * which the treebank lemmatizes without lower-casing. */
#include "tagger.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "model.h"
#include "ud.h"

/* Irregular verb forms English news uses and the treebanks have too
 * rarely for the ambiguity table ("tore into", "fled", "withdrew",
 * "fought" -- seen once or never): form, base, and which forms it is (1
 * past, 2 participle, 3 both).  Used only for a word the model does not
 * know: it gets the ambiguity class of a past or participle, a class the
 * model has learned from "held" and "met", and its lemma.  Forms that are
 * also common nouns or adjectives ("shot", "left", "bound", "lit") are
 * left out. */
typedef struct irregular {
    const char *form, *base;
    int kind;
} irregular;
static const irregular IRREGULAR[] = {
    {"arose", "arise", 1}, {"arisen", "arise", 2}, {"awoke", "awake", 1}, {"awoken", "awake", 2},
    {"bade", "bid", 1}, {"befell", "befall", 1}, {"befallen", "befall", 2}, {"beheld", "behold", 3},
    {"bent", "bend", 3}, {"bitten", "bite", 2}, {"bled", "bleed", 3}, {"blew", "blow", 1},
    {"blown", "blow", 2}, {"bred", "breed", 3}, {"chose", "choose", 1}, {"chosen", "choose", 2},
    {"clung", "cling", 3}, {"crept", "creep", 3}, {"dealt", "deal", 3}, {"drew", "draw", 1},
    {"drawn", "draw", 2}, {"drove", "drive", 1}, {"driven", "drive", 2}, {"drank", "drink", 1},
    {"dug", "dig", 3}, {"fled", "flee", 3}, {"flung", "fling", 3}, {"flew", "fly", 1},
    {"flown", "fly", 2}, {"forbade", "forbid", 1}, {"forbidden", "forbid", 2}, {"forgave", "forgive", 1},
    {"forgiven", "forgive", 2}, {"forgot", "forget", 1}, {"forgotten", "forget", 2}, {"foresaw", "foresee", 1},
    {"foreseen", "foresee", 2}, {"forsook", "forsake", 1}, {"forsaken", "forsake", 2}, {"fought", "fight", 3},
    {"froze", "freeze", 1}, {"frozen", "freeze", 2}, {"grew", "grow", 1}, {"grown", "grow", 2},
    {"hid", "hide", 1}, {"hidden", "hide", 2}, {"knelt", "kneel", 3}, {"leapt", "leap", 3},
    {"misled", "mislead", 3}, {"mistook", "mistake", 1}, {"outfought", "outfight", 3}, {"outgrew", "outgrow", 1},
    {"outran", "outrun", 1}, {"overcame", "overcome", 1}, {"overheard", "overhear", 3}, {"overran", "overrun", 1},
    {"overrode", "override", 1}, {"overridden", "override", 2}, {"oversaw", "oversee", 1}, {"overseen", "oversee", 2},
    {"overtook", "overtake", 1}, {"overtaken", "overtake", 2}, {"overthrew", "overthrow", 1},
    {"overthrown", "overthrow", 2}, {"partook", "partake", 1}, {"rebuilt", "rebuild", 3}, {"retook", "retake", 1},
    {"retaken", "retake", 2}, {"rewrote", "rewrite", 1}, {"rewritten", "rewrite", 2}, {"rode", "ride", 1},
    {"ridden", "ride", 2}, {"rang", "ring", 1}, {"risen", "rise", 2}, {"sank", "sink", 1},
    {"sunk", "sink", 2}, {"shook", "shake", 1}, {"shaken", "shake", 2}, {"shone", "shine", 3},
    {"shrank", "shrink", 1}, {"shrunk", "shrink", 2}, {"slew", "slay", 1}, {"slain", "slay", 2},
    {"slid", "slide", 3}, {"smote", "smite", 1}, {"sped", "speed", 3}, {"sprang", "spring", 1},
    {"sprung", "spring", 2}, {"spun", "spin", 3}, {"stole", "steal", 1}, {"stolen", "steal", 2},
    {"strode", "stride", 1}, {"stricken", "strike", 2}, {"strove", "strive", 1}, {"striven", "strive", 2},
    {"stung", "sting", 3}, {"swam", "swim", 1}, {"swept", "sweep", 3}, {"swore", "swear", 1},
    {"sworn", "swear", 2}, {"swung", "swing", 3}, {"tore", "tear", 1}, {"torn", "tear", 2},
    {"threw", "throw", 1}, {"thrown", "throw", 2}, {"trod", "tread", 1}, {"trodden", "tread", 2},
    {"undertook", "undertake", 1}, {"undertaken", "undertake", 2}, {"underwent", "undergo", 1},
    {"undergone", "undergo", 2}, {"upheld", "uphold", 3}, {"wept", "weep", 3}, {"withdrew", "withdraw", 1},
    {"withdrawn", "withdraw", 2}, {"withheld", "withhold", 3}, {"withstood", "withstand", 3},
    {"woke", "wake", 1}, {"woken", "wake", 2}, {"wore", "wear", 1}, {"worn", "wear", 2},
    {"wove", "weave", 1}, {"woven", "weave", 2}, {"wrung", "wring", 3},
};
#define NIRREGULAR (sizeof IRREGULAR / sizeof IRREGULAR[0])

/* The base of an irregular form (l bytes, lower case), or NULL. */
static const char *irregular_base(const char *lc, size_t l) {
    for (size_t k = 0; k < NIRREGULAR; k++)
        if (strlen(IRREGULAR[k].form) == l && !memcmp(IRREGULAR[k].form, lc, l)) return IRREGULAR[k].base;
    return NULL;
}

struct tagger {
    model m;
    const tg_fslot *ftab;
    uint32_t fmask, fprobe;
    const uint32_t *wts;
    uint64_t nwts;
    const tg_lslot *ltab;
    uint32_t lmask, lprobe;
    const char *pool;
    uint64_t npool;
    const tg_aslot *atab;
    uint32_t amask, aprobe;
    int nclass;
    uint8_t cupos[TG_MAXCLASS], cxpos[TG_MAXCLASS];
    uint16_t cfeats[TG_MAXCLASS];
    uint64_t irr_hash[NIRREGULAR]; /* word hashes of IRREGULAR's forms */
    int irregular;                 /* tagger_use_irregular: on */
    int cls_nns;                   /* the class NOUN/NNS/Number=Plur, or -1 */
};

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

/* Combine a template id with one or two values. */
static inline uint64_t feat1(uint64_t tmpl, uint64_t a) { return mix64(a + tmpl * 0x9E3779B97F4A7C15ULL); }
static inline uint64_t feat2(uint64_t tmpl, uint64_t a, uint64_t b) {
    return mix64(a * 0xC2B2AE3D27D4EB4FULL + b + tmpl * 0x9E3779B97F4A7C15ULL);
}

/* ---- normalization ------------------------------------------------------ */

/* ASCII lower-casing without locale. */
static inline unsigned char lower_ascii(unsigned char c) { return (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c); }

size_t tg_norm(const char *s, size_t n, char *out, size_t cap, int lower) {
    size_t o = 0;
    if (!cap) return 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        size_t adv = 1;
        char one[4];
        size_t rl = 1;
        if (c < 0x80) {
            one[0] = (char)(lower ? lower_ascii(c) : c);
            rep = one;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
            unsigned char d = (unsigned char)s[i + 2];
            adv = 3;
            switch (d) {
            case 0x98: case 0x99: case 0x9B: case 0xB2: rep = "'"; break;           /* ‘ ’ ‛ ′ */
            case 0x9C: case 0x9D: case 0x9F: case 0xB3: rep = "\""; break;          /* “ ” ‟ ″ */
            case 0x93: case 0x92: case 0x90: case 0x91: rep = "-"; break;           /* – ‒ ‐ ‑ */
            case 0x94: case 0x95: rep = "--"; rl = 2; break;                       /* — ― */
            case 0xA6: rep = "..."; rl = 3; break;                                 /* … */
            default: rep = s + i; rl = 3; break;
            }
        } else {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
            if (k <= 0) { /* invalid byte: keep it, one at a time */
                one[0] = (char)c;
                rep = one;
            } else {
                adv = (size_t)k;
                if (lower) cp = utf8proc_tolower(cp);
                utf8proc_ssize_t w = utf8proc_encode_char(cp, (utf8proc_uint8_t *)one);
                rep = one;
                rl = w > 0 ? (size_t)w : 0;
            }
        }
        if (o + rl >= cap) break;
        memcpy(out + o, rep, rl);
        o += rl;
        i += adv;
    }
    out[o] = '\0';
    return o;
}

/* ---- features ----------------------------------------------------------- */

enum {
    F_BIAS = 1, F_W, F_S1, F_S2, F_S3, F_S4, F_P1, F_P2, F_P3, F_SHAPE, F_FLAGS,
    F_T1, F_T2, F_T12, F_T1W, F_WM1, F_S3M1, F_WM2, F_WP1, F_S3P1, F_WP2, F_WM1W, F_WWP1,
    F_T1S3, F_SHM1, F_SHP1, F_T1WP1, F_WM1WP1, F_S2P1, F_FLP1, F_S3M2, F_S3P2, F_T1SH, F_A0, F_AP1, F_A0AP1, F_AP2, F_AM1, F_T1A0,
    /* values kept from the experiments that chose these (they salt the hashes) */
    F_C0 = F_T1A0 + 8, F_CM1, F_CP1, F_CAP = F_T1A0 + 16, F_CAPF
};

enum { FL_DIGIT = 1, FL_HYPHEN = 2, FL_UPPER = 4, FL_ALLCAPS = 8, FL_FIRST = 16, FL_PERIOD = 32, FL_LEN1 = 64, FL_LEN2 = 128 };

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* Whole-sentence capitals: at least three words of two or more letters,
 * three quarters of them all in capitals. */
static int caps_sentence(const char *const *forms, const size_t *lens, int n) {
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
    return ncaps >= 3 && ncaps * 4 >= nalpha * 3;
}

void tg_prep(tg_tok *out, const char *const *forms, const size_t *lens, int n, tg_amb_fn amb, const void *ctx) {
    int caps = caps_sentence(forms, lens, n);
    char lc[TG_NORM_MAX], shape[24];
    for (int i = 0; i < n; i++) {
        tg_tok *t = &out[i];
        const char *f = forms[i];
        size_t fl = lens[i];
        size_t l = tg_norm(f, fl, lc, sizeof lc, 1);
        t->h[TG_W] = hash_bytes(1, lc, l);
        uint64_t am = amb ? amb(ctx, t->h[TG_W]) : 0;
        t->h[TG_AMB] = mix64((am & TG_AMB_MASK) + 0x51ed27ULL);
        t->h[TG_CLU] = mix64((am >> TG_CLU_SHIFT) + 0x3c1ULL);
        t->h[TG_CAP] = ((am >> TG_CAP_SHIFT) & 15) + 0x77ULL;
        for (int k = 1; k <= 4; k++) t->h[TG_S1 + k - 1] = hash_bytes(10 + (uint64_t)k, lc + (l > (size_t)k ? l - (size_t)k : 0), l > (size_t)k ? (size_t)k : l);
        for (int k = 1; k <= 3; k++) t->h[TG_P1 + k - 1] = hash_bytes(20 + (uint64_t)k, lc, l > (size_t)k ? (size_t)k : l);
        /* Shape: X x d or the character itself, runs collapsed, non-ASCII
         * letters as 'u'; in a capitals sentence the lower-cased form. */
        size_t sl = 0;
        unsigned flags = 0;
        int up = 0, lo = 0, first_upper = fl && is_upper((unsigned char)f[0]);
        char prev = 0;
        for (size_t k = 0; k < fl && sl < sizeof shape; k++) {
            unsigned char c = (unsigned char)f[k];
            char s;
            if (is_upper(c)) {
                s = caps ? 'x' : 'X';
                up++;
            } else if (is_lower(c)) {
                s = 'x';
                lo++;
            } else if (c >= '0' && c <= '9') {
                s = 'd';
                flags |= FL_DIGIT;
            } else if (c >= 0x80) {
                if (c < 0xC0) continue; /* continuation byte */
                /* Non-ASCII letters keep their case in the shape, so that
                 * "Östersund", "Élysée" and "Łódź" look like the names they
                 * are; other non-ASCII characters are 'u'. */
                utf8proc_int32_t cp;
                utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)f + k, (utf8proc_ssize_t)(fl - k), &cp);
                utf8proc_category_t cat = m > 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
                if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
                    s = caps ? 'x' : 'X';
                    up++;
                    if (k == 0) first_upper = 1;
                } else if (cat == UTF8PROC_CATEGORY_LL) {
                    s = 'x';
                    lo++;
                } else {
                    s = 'u';
                }
            } else {
                s = (char)c;
                if (c == '-') flags |= FL_HYPHEN;
                if (c == '.') flags |= FL_PERIOD;
            }
            if (s != prev) shape[sl++] = s;
            prev = s;
        }
        t->h[TG_SHAPE] = hash_bytes(30, shape, sl);
        if (!caps) {
            if (first_upper) flags |= FL_UPPER;
            if (up && !lo) flags |= FL_ALLCAPS;
        } else if (i == 0) {
            flags |= FL_UPPER; /* as a normal sentence's first word */
        }
        if (i == 0) flags |= FL_FIRST;
        if (l == 1) flags |= FL_LEN1;
        else if (l == 2) flags |= FL_LEN2;
        t->h[TG_FLAGS] = hash_bytes(31, (const char *)&(unsigned char){(unsigned char)flags}, 1);
    }
}

/* Lexical value of word j (a sentinel outside the sentence). */
static inline uint64_t lex(const tg_tok *s, int n, int j, int which) {
    if (j < 0) return 0x1234567ULL + (uint64_t)which * 7 + (uint64_t)(-j);
    if (j >= n) return 0x7654321ULL + (uint64_t)which * 7 + (uint64_t)(j - n);
    return s[j].h[which];
}

int tg_feats_static(const tg_tok *s, int n, int i, uint64_t *f) {
    int k = 0;
    const tg_tok *t = &s[i];
    uint64_t w = t->h[TG_W];
    uint64_t wm1 = lex(s, n, i - 1, TG_W), wp1 = lex(s, n, i + 1, TG_W);
    f[k++] = feat1(F_BIAS, 0);
    f[k++] = feat1(F_W, w);
    f[k++] = feat1(F_S1, t->h[TG_S1]);
    f[k++] = feat1(F_S2, t->h[TG_S2]);
    f[k++] = feat1(F_S3, t->h[TG_S3]);
    f[k++] = feat1(F_S4, t->h[TG_S4]);
    f[k++] = feat1(F_P1, t->h[TG_P1]);
    f[k++] = feat1(F_P2, t->h[TG_P2]);
    f[k++] = feat1(F_P3, t->h[TG_P3]);
    f[k++] = feat1(F_SHAPE, t->h[TG_SHAPE]);
    f[k++] = feat1(F_FLAGS, t->h[TG_FLAGS]);
    f[k++] = feat1(F_WM1, wm1);
    f[k++] = feat1(F_S3M1, lex(s, n, i - 1, TG_S3));
    f[k++] = feat1(F_WM2, lex(s, n, i - 2, TG_W));
    f[k++] = feat1(F_WP1, wp1);
    f[k++] = feat1(F_S3P1, lex(s, n, i + 1, TG_S3));
    f[k++] = feat1(F_WP2, lex(s, n, i + 2, TG_W));
    f[k++] = feat2(F_WM1W, wm1, w);
    f[k++] = feat2(F_WWP1, w, wp1);
    f[k++] = feat1(F_SHM1, lex(s, n, i - 1, TG_SHAPE));
    f[k++] = feat1(F_SHP1, lex(s, n, i + 1, TG_SHAPE));
    f[k++] = feat2(F_WM1WP1, wm1, wp1);
    f[k++] = feat1(F_S2P1, lex(s, n, i + 1, TG_S2));
    f[k++] = feat1(F_FLP1, lex(s, n, i + 1, TG_FLAGS));
    f[k++] = feat1(F_S3M2, lex(s, n, i - 2, TG_S3));
    f[k++] = feat1(F_S3P2, lex(s, n, i + 2, TG_S3));
    f[k++] = feat1(F_A0, t->h[TG_AMB]);
    f[k++] = feat1(F_AP1, lex(s, n, i + 1, TG_AMB));
    f[k++] = feat2(F_A0AP1, t->h[TG_AMB], lex(s, n, i + 1, TG_AMB));
    f[k++] = feat1(F_AP2, lex(s, n, i + 2, TG_AMB));
    f[k++] = feat1(F_AM1, lex(s, n, i - 1, TG_AMB));
    /* Distributional cluster of the word and its neighbours, and how
     * often the word is capitalized inside sentences (alone and with
     * this occurrence's capitalization flags): the unlabeled-text
     * evidence for rare words and for NN versus NNP. */
    f[k++] = feat1(F_C0, t->h[TG_CLU]);
    f[k++] = feat1(F_CM1, lex(s, n, i - 1, TG_CLU));
    f[k++] = feat1(F_CP1, lex(s, n, i + 1, TG_CLU));
    f[k++] = feat1(F_CAP, t->h[TG_CAP]);
    f[k++] = feat2(F_CAPF, t->h[TG_CAP], t->h[TG_FLAGS]);
    return k;
}

int tg_feats_dyn(const tg_tok *s, int n, int i, int p1, int p2, uint64_t *f) {
    int k = 0;
    const tg_tok *t = &s[i];
    uint64_t w = t->h[TG_W], wp1 = lex(s, n, i + 1, TG_W);
    uint64_t t1 = (uint64_t)p1 + 1, t2 = (uint64_t)p2 + 1;
    f[k++] = feat1(F_T1, t1);
    f[k++] = feat1(F_T2, t2);
    f[k++] = feat2(F_T12, t1, t2);
    f[k++] = feat2(F_T1W, t1, w);
    f[k++] = feat2(F_T1S3, t1, t->h[TG_S3]);
    f[k++] = feat2(F_T1WP1, t1, wp1);
    f[k++] = feat2(F_T1SH, t1, t->h[TG_SHAPE]);
    f[k++] = feat2(F_T1A0, t1, t->h[TG_AMB]);
    return k;
}

int tg_feats(const tg_tok *s, int n, int i, int p1, int p2, uint64_t *f) {
    int k = tg_feats_static(s, n, i, f);
    return k + tg_feats_dyn(s, n, i, p1, p2, f + k);
}

/* ---- lemma keys --------------------------------------------------------- */

uint64_t tg_lemkey_dict(int xpos, const char *s, size_t n) {
    uint64_t h = hash_bytes(100 + (uint64_t)xpos, s, n);
    return h ? h : 1;
}

uint64_t tg_lemkey_rule(int xpos, const char *s, size_t n) {
    uint64_t h = hash_bytes(400 + (uint64_t)xpos, s, n);
    return h ? h : 1;
}

int tg_keeps_case(int xpos) { return xpos == XPOS_NNP || xpos == XPOS_NNPS || xpos == XPOS_ADD; }

/* ---- opening ------------------------------------------------------------ */

static int bad(char *err, size_t errlen, const char *msg) {
    if (err && errlen) snprintf(err, errlen, "tagger model: %s", msg);
    return DYAD_EFORMAT;
}

static int is_pow2(uint32_t x) { return x && !(x & (x - 1)); }

/* Map the class label lines to ud.h ids. */
static int load_classes(tagger *t, const char *s, uint64_t n, char *err, size_t errlen) {
    uint64_t i = 0;
    int c = 0;
    while (i < n) {
        const char *f[3];
        size_t fl[3];
        for (int k = 0; k < 3; k++) {
            uint64_t j = i;
            while (j < n && s[j] != '\t' && s[j] != '\n') j++;
            f[k] = s + i;
            fl[k] = (size_t)(j - i);
            if (j >= n || s[j] != (k < 2 ? '\t' : '\n')) return bad(err, errlen, "malformed class table");
            i = j + 1;
        }
        if (c >= t->nclass) return bad(err, errlen, "class table longer than declared");
        int x = ud_xpos_id(f[0], fl[0]), u = ud_upos_id(f[1], fl[1]);
        t->cxpos[c] = (uint8_t)(x < 0 ? XPOS_XX : x);
        t->cupos[c] = (uint8_t)(u < 0 ? UPOS_X : u);
        t->cfeats[c] = (uint16_t)ud_feats_parse(f[2], fl[2]);
        c++;
    }
    if (c != t->nclass) return bad(err, errlen, "class table shorter than declared");
    return DYAD_OK;
}

static int open_model(tagger *t, char *err, size_t errlen) {
    const model *m = &t->m;
    for (size_t k = 0; k < NIRREGULAR; k++) t->irr_hash[k] = hash_bytes(1, IRREGULAR[k].form, strlen(IRREGULAR[k].form));
    char why[160];
    const tg_meta *meta = model_need(m, "meta", sizeof(tg_meta), why, sizeof why);
    if (!meta) return bad(err, errlen, why);
    /* Sections are 64-byte aligned inside the image; the image itself must
     * be 8-byte aligned for the arrays to be used in place. */
    if ((uintptr_t)m->buf % 8) return bad(err, errlen, "image buffer is not 8-byte aligned");
    if (meta->nclass < 1 || meta->nclass > TG_MAXCLASS) return bad(err, errlen, "bad class count");
    if (!is_pow2(meta->fslots) || !is_pow2(meta->lslots)) return bad(err, errlen, "table size not a power of two");
    if (!is_pow2(meta->aslots)) return bad(err, errlen, "table size not a power of two");
    if (meta->pad[0] > meta->fslots || meta->pad[1] > meta->lslots || meta->pad[2] > meta->aslots)
        return bad(err, errlen, "bad probe bound");
    if (!(meta->scale > 0.0f)) return bad(err, errlen, "bad weight scale");
    t->nclass = (int)meta->nclass;
    t->fmask = meta->fslots - 1;
    t->lmask = meta->lslots - 1;
    t->fprobe = meta->pad[0];
    t->lprobe = meta->pad[1];
    t->amask = meta->aslots - 1;
    t->aprobe = meta->pad[2];
    uint64_t n;
    const char *cls = model_section(m, "classes", &n);
    if (!cls) return bad(err, errlen, "no class table");
    int rc = load_classes(t, cls, n, err, errlen);
    if (rc) return rc;
    t->cls_nns = -1;
    for (int c = 0; c < t->nclass && t->cls_nns < 0; c++)
        if (t->cxpos[c] == XPOS_NNS && t->cupos[c] == UPOS_NOUN) t->cls_nns = c;
    t->ftab = model_need(m, "ftab", (uint64_t)meta->fslots * sizeof(tg_fslot), why, sizeof why);
    if (!t->ftab) return bad(err, errlen, why);
    t->ltab = model_need(m, "ltab", (uint64_t)meta->lslots * sizeof(tg_lslot), why, sizeof why);
    if (!t->ltab) return bad(err, errlen, why);
    t->atab = model_need(m, "amb", (uint64_t)meta->aslots * sizeof(tg_aslot), why, sizeof why);
    if (!t->atab) return bad(err, errlen, why);
    t->wts = model_section(m, "wts", &n);
    if (!t->wts || n < 4 || n % 4) return bad(err, errlen, "bad weight section");
    t->nwts = n / 4;
    t->pool = model_section(m, "pool", &t->npool);
    /* Every pool offset then names a NUL-terminated string in bounds. */
    if (!t->pool || t->npool < 1 || t->pool[t->npool - 1] != '\0') return bad(err, errlen, "bad string pool");
    return DYAD_OK;
}

int tagger_open(tagger **out, const void *buf, size_t len, char *err, size_t errlen) {
    if (!out) return DYAD_EINVAL;
    *out = NULL;
    tagger *t = calloc(1, sizeof *t);
    if (!t) return DYAD_ENOMEM;
    char why[200];
    int rc = model_open(&t->m, buf, len, "tagger", TAGGER_VERSION, why, sizeof why);
    if (rc) {
        if (err && errlen) snprintf(err, errlen, "tagger model: %s", why);
        free(t);
        return rc;
    }
    rc = open_model(t, err, errlen);
    if (rc) {
        tagger_close(t);
        return rc;
    }
    *out = t;
    return DYAD_OK;
}

int tagger_open_file(tagger **out, const char *path, char *err, size_t errlen) {
    if (!out || !path) return DYAD_EINVAL;
    *out = NULL;
    tagger *t = calloc(1, sizeof *t);
    if (!t) return DYAD_ENOMEM;
    int rc = model_map(&t->m, path, "tagger", TAGGER_VERSION, err, errlen);
    if (rc) {
        free(t);
        return rc;
    }
    rc = open_model(t, err, errlen);
    if (rc) {
        tagger_close(t);
        return rc;
    }
    *out = t;
    return DYAD_OK;
}

void tagger_close(tagger *t) {
    if (!t) return;
    model_close(&t->m);
    free(t);
}

int tagger_nclass(const tagger *t) { return t ? t->nclass : 0; }

/* ---- tagging ------------------------------------------------------------ */

/* Slot of feature hash h, or NULL. */
static inline const tg_fslot *fslot(const tagger *t, uint64_t h) {
    uint32_t fp = (uint32_t)(h >> 32), i = (uint32_t)h & t->fmask;
    for (uint32_t p = 0; p <= t->fprobe; p++, i = (i + 1) & t->fmask) {
        const tg_fslot *s = &t->ftab[i];
        if (!s->off) return NULL;
        if (s->fp == fp) return s;
    }
    return NULL;
}

/* Add the row of slot s (may be NULL) into sc.  Bounds are checked here,
 * on use, so opening never walks the whole table. */
static inline void add_row(const tagger *t, const tg_fslot *s, int32_t *sc) {
    if (!s) return;
    uint64_t off = s->off;
    if (off >= t->nwts) return;
    uint32_t c = t->wts[off];
    if (c & TG_DENSE) {
        /* Dense row: int16 weights of classes 0..nclass-1 (vectorizes). */
        c &= ~TG_DENSE;
        if (c > t->nwts - off - 1 || (uint64_t)c * 2 < (uint64_t)t->nclass) return;
        const int16_t *d = (const int16_t *)(const void *)(t->wts + off + 1);
        int j = 0;
#ifdef __SSE2__
        /* Eight weights at a time, sign-extended to 32 bits (the compiler
         * at -O2 leaves this loop scalar, and it is most of the time). */
        for (; j + 8 <= t->nclass; j += 8) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(d + j));
            __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16);
            __m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16);
            __m128i *o = (__m128i *)(void *)(sc + j);
            _mm_storeu_si128(o, _mm_add_epi32(_mm_loadu_si128(o), lo));
            _mm_storeu_si128(o + 1, _mm_add_epi32(_mm_loadu_si128(o + 1), hi));
        }
#endif
        for (; j < t->nclass; j++) sc[j] += d[j];
        return;
    }
    if (c > t->nwts - off - 1) return;
    const uint32_t *r = t->wts + off + 1;
    for (uint32_t j = 0; j < c; j++) sc[r[j] & 0xff] += (int16_t)(r[j] >> 16);
}

#define TG_AHEAD 4 /* tokens whose table slots are prefetched ahead */


/* Greedy decoding of one sentence; cls[i] gets word i's class.  The
 * features that do not depend on predicted classes are hashed TG_AHEAD
 * words ahead and their slots prefetched, then one word ahead their rows
 * are prefetched: the tables are megabytes, so without this the loop
 * waits on memory for every feature. */
static void decode(const tagger *t, const tg_tok *s, int n, uint8_t *cls) {
    uint64_t ring[TG_AHEAD + 1][TG_NSTATIC];
    const tg_fslot *slots[2][TG_NSTATIC];
    uint64_t f[TG_MAXFEAT];
    int32_t sc[256];
    int p1 = TG_MAXCLASS, p2 = TG_MAXCLASS + 1;
    for (int j = 0; j < TG_AHEAD && j < n; j++) {
        tg_feats_static(s, n, j, ring[j]);
        for (int k = 0; k < TG_NSTATIC; k++) __builtin_prefetch(&t->ftab[(uint32_t)ring[j][k] & t->fmask]);
    }
    if (n > 0)
        for (int k = 0; k < TG_NSTATIC; k++) slots[0][k] = fslot(t, ring[0][k]);
    for (int i = 0; i < n; i++) {
        int j = i + TG_AHEAD;
        if (j < n) {
            uint64_t *h = ring[j % (TG_AHEAD + 1)];
            tg_feats_static(s, n, j, h);
            for (int k = 0; k < TG_NSTATIC; k++) __builtin_prefetch(&t->ftab[(uint32_t)h[k] & t->fmask]);
        }
        if (i + 1 < n) {
            const uint64_t *h = ring[(i + 1) % (TG_AHEAD + 1)];
            const tg_fslot **nx = slots[(i + 1) & 1];
            for (int k = 0; k < TG_NSTATIC; k++) {
                nx[k] = fslot(t, h[k]);
                if (nx[k] && nx[k]->off < t->nwts) __builtin_prefetch(&t->wts[nx[k]->off]);
            }
        }
        memset(sc, 0, sizeof sc); /* 256 wide: any stored class byte is in bounds */
        const tg_fslot **cur = slots[i & 1];
        for (int k = 0; k < TG_NSTATIC; k++) add_row(t, cur[k], sc);
        int nf = tg_feats_dyn(s, n, i, p1, p2, f);
        for (int k = 0; k < nf; k++) add_row(t, fslot(t, f[k]), sc);
        int best = 0;
        for (int c = 1; c < t->nclass; c++)
            if (sc[c] > sc[best]) best = c;
        cls[i] = (uint8_t)best;
        p2 = p1;
        p1 = best;
    }
}

static const tg_lslot *lfind(const tagger *t, uint64_t key) {
    uint32_t i = (uint32_t)key & t->lmask;
    for (uint32_t p = 0; p <= t->lprobe; p++, i = (i + 1) & t->lmask) {
        const tg_lslot *s = &t->ltab[i];
        if (!s->key) return NULL;
        if (s->key == key) return s->val < t->npool ? s : NULL;
    }
    return NULL;
}

/* s equals lc[0..l) once lower-cased (ASCII). */
static int same_lower(const char *s, const char *lc, size_t l) {
    for (size_t i = 0; i < l; i++)
        if (!s[i] || lower_ascii((unsigned char)s[i]) != (unsigned char)lc[i]) return 0;
    return s[l] == '\0';
}

/* 1 if w (n bytes, lower case) is a base form the dictionary knows: a
 * training word tagged base (VB/VBP for verbs, NN for nouns, JJ for
 * adjectives). */
static int known_base(const tagger *t, int base, const char *w, size_t n) {
    if (!n) return 0;
    if (lfind(t, tg_lemkey_dict(base, w, n))) return 1;
    if (base == XPOS_VB && lfind(t, tg_lemkey_dict(XPOS_VBP, w, n))) return 1;
    /* A base the treebank saw only inflected: "riots" (NNS) -> "riot",
     * "riots" (VBZ) -> "riot", whose lemma is w itself. */
    char pl[TG_NORM_MAX + 4];
    if (n + 2 >= sizeof pl) return 0;
    memcpy(pl, w, n);
    for (int k = 0; k < 2; k++) {
        size_t pn = n;
        if (k) pl[pn++] = 'e';
        pl[pn++] = 's';
        const tg_lslot *d = lfind(t, tg_lemkey_dict(base == XPOS_NN ? XPOS_NNS : XPOS_VBZ, pl, pn));
        if (d && strlen(t->pool + d->val) == n && memcmp(t->pool + d->val, w, n) == 0) return 1;
    }
    return 0;
}

/* Inflected words the suffix rules got wrong ("provoked" -> "provok"):
 * when the rule's lemma in buf is no known base form, try the regular
 * inflections of lc (l bytes) and keep the first that is one.  Rewrites
 * buf (cap bytes) and returns 1 on success. */
static int fix_regular(const tagger *t, int xpos, const char *lc, size_t l, char *buf, size_t cap) {
    int base;
    static const char *const ed[] = {"ed", "", "ed", "e", "d", "", "ied", "y", "ed", "-", NULL};
    static const char *const ing[] = {"ing", "", "ing", "e", "ing", "-", "ying", "ie", NULL};
    static const char *const s[] = {"s", "", "es", "", "ies", "y", NULL};
    static const char *const er[] = {"er", "", "er", "e", "ier", "y", "er", "-", NULL};
    static const char *const est[] = {"est", "", "est", "e", "iest", "y", "est", "-", NULL};
    const char *const *alt;
    switch (xpos) {
    case XPOS_VBD: case XPOS_VBN: base = XPOS_VB; alt = ed; break;
    case XPOS_VBG: base = XPOS_VB; alt = ing; break;
    case XPOS_VBZ: base = XPOS_VB; alt = s; break;
    case XPOS_NNS: base = XPOS_NN; alt = s; break;
    case XPOS_JJR: base = XPOS_JJ; alt = er; break;
    case XPOS_JJS: base = XPOS_JJ; alt = est; break;
    default: return 0;
    }
    size_t bl = strlen(buf);
    if (known_base(t, base, buf, bl)) return 0;
    char cand[TG_NORM_MAX + 4];
    /* First a base of the same word class; then, for verbs, a noun: news
     * verbs the treebank has only as nouns ("rioted" -> "riot", not the
     * suffix rule's "riote"). */
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            if (base != XPOS_VB) break;
            base = XPOS_NN;
        }
    for (int k = 0; alt[k]; k += 2) {
        size_t sl = strlen(alt[k]);
        if (l <= sl + 1 || memcmp(lc + l - sl, alt[k], sl) != 0) continue;
        size_t nl = l - sl;
        memcpy(cand, lc, nl);
        if (alt[k + 1][0] == '-') { /* doubled final consonant: "stopped" -> "stop" */
            if (nl < 3 || cand[nl - 1] != cand[nl - 2]) continue;
            nl--;
        } else {
            size_t al = strlen(alt[k + 1]);
            memcpy(cand + nl, alt[k + 1], al);
            nl += al;
        }
        if (!known_base(t, base, cand, nl) || nl + 1 > cap) continue;
        memcpy(buf, cand, nl);
        buf[nl] = '\0';
        return 1;
    }
    }
    return 0;
}

/* Lemma of form f (fl bytes) tagged xpos.  Returns a string in the pool,
 * or writes one into buf (cap bytes) and returns buf; NULL if it does not
 * fit. */
static const char *lemmatize(const tagger *t, const char *f, size_t fl, int xpos, char *buf, size_t cap) {
    char lc[TG_NORM_MAX];
    size_t l = tg_norm(f, fl, lc, sizeof lc, 1);
    int whole = l + 4 < sizeof lc; /* else truncated: no lookup, keep the form */
    if (whole) {
        const tg_lslot *d = lfind(t, tg_lemkey_dict(xpos, lc, l));
        /* A proper noun's lemma is its form as written ("al" stays "al"
         * though the treebank saw "Al"), unless the dictionary knows a
         * different word (NNPS "Americans" -> "American"). */
        if (d && !(tg_keeps_case(xpos) && same_lower(t->pool + d->val, lc, l))) return t->pool + d->val;
    }
    if (whole && t->irregular && (xpos == XPOS_VBD || xpos == XPOS_VBN || xpos == XPOS_VBP)) {
        const char *b = irregular_base(lc, l);
        if (b) return b; /* a static string, like the pool's */
    }
    /* An irregular verb under a prefix the treebank never saw whole:
     * "withheld", "upheld", "outfought", "overran" -> the prefix and the
     * lemma of "held", "fought", "ran". */
    if (whole && (xpos == XPOS_VBD || xpos == XPOS_VBN || xpos == XPOS_VBZ || xpos == XPOS_VBG || xpos == XPOS_VBP)) {
        static const char *const pre[] = {"with", "under", "over", "out", "up", "fore", "mis", "re", "be", NULL};
        for (const char *const *q = pre; *q; q++) {
            size_t pl = strlen(*q);
            if (l < pl + 3 || memcmp(lc, *q, pl) != 0) continue;
            const tg_lslot *d = lfind(t, tg_lemkey_dict(xpos, lc + pl, l - pl));
            /* "fought" seen only as the other participle; a past the
             * tagger read as a present ("withheld" VBP) */
            if (!d && xpos != XPOS_VBZ && xpos != XPOS_VBG)
                d = lfind(t, tg_lemkey_dict(xpos == XPOS_VBD ? XPOS_VBN : XPOS_VBD, lc + pl, l - pl));
            if (!d) continue;
            const char *base = t->pool + d->val;
            size_t bl0 = strlen(base);
            /* only an irregular stem: a regular one ("re" + "started")
             * is already right from the suffix rules */
            if (bl0 + 1 >= l - pl && !memcmp(base, lc + pl, bl0 < l - pl ? bl0 : l - pl)) break;
            if (pl + bl0 + 1 > cap) return NULL;
            memcpy(buf, lc, pl);
            memcpy(buf + pl, base, bl0 + 1);
            return buf;
        }
    }
    /* Base: the whole normalized form, lower-cased unless a proper noun. */
    int keep = tg_keeps_case(xpos);
    if (keep && whole) {
        const tg_lslot *d = lfind(t, tg_lemkey_dict(xpos, lc, l));
        if (d) {
            if (fl * 2 + 8 > cap) return NULL;
            tg_norm(f, fl, buf, cap, 0);
            return buf;
        }
    }
    if (xpos == XPOS_CD && memchr(f, ',', fl) && fl < cap) {
        /* Numbers lose their thousands separators: 6,363,217 -> 6363217;
         * a comma not followed by exactly three digits is a decimal comma
         * (3,40 -> 3.40). */
        int thousands = 1;
        for (size_t i = 0; i < fl; i++) {
            if (f[i] != ',') continue;
            size_t d = 0;
            while (i + 1 + d < fl && f[i + 1 + d] >= '0' && f[i + 1 + d] <= '9') d++;
            if ((d != 3 && d != 0) || i == 0) thousands = 0;
        }
        size_t o = 0;
        for (size_t i = 0; i < fl; i++) {
            if (f[i] != ',') buf[o++] = f[i];
            else if (!thousands && i + 1 < fl && f[i + 1] >= '0' && f[i + 1] <= '9') buf[o++] = '.';
        }
        buf[o] = '\0';
        return buf;
    }
    size_t bl;
    if (whole && !keep) {
        if (l + 1 > cap) return NULL;
        memcpy(buf, lc, l + 1);
        bl = l;
    } else {
        /* Normalizing never lengthens ASCII; utf8proc lower-casing might
         * by a byte or two, so allow for that. */
        if (fl > SIZE_MAX / 2 - 8 || fl * 2 + 8 > cap) {
            if (fl + 1 > cap) return NULL;
            memcpy(buf, f, fl);
            buf[fl] = '\0';
            return buf;
        }
        bl = tg_norm(f, fl, buf, cap, keep ? 0 : 1);
    }
    if (!whole) return buf;
    for (int k = l < TG_SFX_MAX ? (int)l : TG_SFX_MAX; k >= 0; k--) {
        const tg_lslot *r = lfind(t, tg_lemkey_rule(xpos, lc + l - (size_t)k, (size_t)k));
        if (!r) continue;
        if (r->strip > bl) continue;
        const char *app = t->pool + r->val;
        size_t al = strlen(app), nl = bl - r->strip;
        if (nl + al + 1 > cap) return NULL;
        memcpy(buf + nl, app, al + 1);
        if (nl + al == 0) { /* a rule that erases the word: keep the form */
            bl = tg_norm(f, fl, buf, cap, keep ? 0 : 1);
        }
        if (!keep) fix_regular(t, xpos, lc, l, buf, cap);
        return buf;
    }
    return buf;
}

/* See tagger.h.  Off by default, so that the training tools (jackknife
 * taggers, the NER trainer) tag exactly as when the committed models were
 * made. */
void tagger_use_irregular(tagger *t, int on) {
    if (t) t->irregular = on != 0;
}

/* Ambiguity class of a word hash from the model (tg_amb_fn). */
static uint64_t amb_lookup(const void *ctx, uint64_t h) {
    const tagger *t = ctx;
    uint32_t i = (uint32_t)h & t->amask;
    for (uint32_t p = 0; p <= t->aprobe; p++, i = (i + 1) & t->amask) {
        const tg_aslot *s = &t->atab[i];
        if (!s->key) break;
        if (s->key == h) return s->mask;
    }
    /* an irregular verb form the model does not know */
    for (size_t k = 0; t->irregular && k < NIRREGULAR; k++)
        if (t->irr_hash[k] == h)
            return ((IRREGULAR[k].kind & 1) ? 1ULL << XPOS_VBD : 0) | ((IRREGULAR[k].kind & 2) ? 1ULL << XPOS_VBN : 0);
    return 0;
}

uint64_t tagger_word_info(const tagger *t, const char *form, size_t len) {
    if (!t || (!form && len)) return 0;
    char lc[TG_NORM_MAX];
    size_t l = tg_norm(form ? form : "", len, lc, sizeof lc, 1);
    return amb_lookup(t, hash_bytes(1, lc, l));
}

/* "mobilized army reservists": a word the model does not know, read as a
 * present verb right after a bare singular noun that is itself right after
 * a verb, is that verb's object, a plural noun (with the pipeline's rules
 * only, as tagger_use_irregular says). */
static void repair_unknown(const tagger *t, const tg_tok *tt, int n, uint8_t *cls) {
    for (int i = 2; t->irregular && t->cls_nns >= 0 && i < n; i++) {
        if (t->cxpos[cls[i]] != XPOS_VBZ || t->cxpos[cls[i - 1]] != XPOS_NN) continue;
        int v = t->cxpos[cls[i - 2]];
        if (v != XPOS_VBD && v != XPOS_VBN && v != XPOS_VBZ && v != XPOS_VBP && v != XPOS_VB) continue;
        if (amb_lookup(t, tt[i].h[TG_W]) & TG_AMB_MASK) continue; /* a known word: the model decided */
        cls[i] = (uint8_t)t->cls_nns;
    }
}

/* ---- context repairs (pipeline only) ---------------------------------------
 * The greedy model commits to one word at a time, so a wrong early choice
 * drags its neighbours along: "offered to hand over two suspects" comes out
 * "to/IN hand/NN" because "hand" is nearly always a noun in the treebank.
 * A repair names a constraint over the tag sequence that the sentence
 * violates, forces the classes it implies (the best-scoring class of the
 * required XPOS, so UPOS and FEATS stay the model's own choice), and lets
 * the model re-decode the words after them with the corrected history. */

/* Scores of every class for word i after classes p1 and p2, exactly as
 * decode computes them (256 wide, like decode's array). */
static void score_at(const tagger *t, const tg_tok *s, int n, int i, int p1, int p2, int32_t *sc) {
    uint64_t f[TG_MAXFEAT];
    memset(sc, 0, 256 * sizeof *sc);
    int nf = tg_feats(s, n, i, p1, p2, f);
    for (int k = 0; k < nf; k++) add_row(t, fslot(t, f[k]), sc);
}

/* The classes before word i as decode's history arguments. */
static void history(const uint8_t *cls, int i, int *p1, int *p2) {
    *p1 = i >= 1 ? cls[i - 1] : TG_MAXCLASS;
    *p2 = i >= 2 ? cls[i - 2] : i == 1 ? TG_MAXCLASS : TG_MAXCLASS + 1;
}

/* One sentence under repair: its words, their classes, and the words a
 * repair has fixed (re-decoding leaves those alone, so that a later
 * repair cannot undo an earlier one). */
#define RC_MAXLOCK 32
typedef struct rctx {
    const tagger *t;
    const tg_tok *s;
    const char *const *forms;
    const size_t *lens;
    int n;
    uint8_t *cls;
    int nlock;
    int lock[RC_MAXLOCK];
} rctx;

/* Has a repair fixed word i? */
static int locked(const rctx *r, int i) {
    for (int k = 0; k < r->nlock; k++)
        if (r->lock[k] == i) return 1;
    return 0;
}

/* The best class of word i (given the classes before it) whose XPOS is
 * xpos, or -1 if the model has none. */
static int best_of(const rctx *r, int i, int xpos) {
    const tagger *t = r->t;
    int32_t sc[256];
    int p1, p2, best = -1;
    history(r->cls, i, &p1, &p2);
    score_at(t, r->s, r->n, i, p1, p2, sc);
    for (int c = 0; c < t->nclass; c++)
        if (t->cxpos[c] == xpos && (best < 0 || sc[c] > sc[best])) best = c;
    return best;
}

/* Greedy re-decoding of words from..n-1 after a repair changed the
 * classes before them.  Once two words in a row keep their classes the
 * history is what it was, so the rest would not change. */
static void redecode(const rctx *r, int from) {
    const tagger *t = r->t;
    int32_t sc[256];
    int same = 0;
    for (int i = from; i < r->n && same < 2; i++) {
        if (locked(r, i)) {
            same++;
            continue;
        }
        int p1, p2;
        history(r->cls, i, &p1, &p2);
        score_at(t, r->s, r->n, i, p1, p2, sc);
        int best = 0;
        for (int c = 1; c < t->nclass; c++)
            if (sc[c] > sc[best]) best = c;
        same = best == r->cls[i] ? same + 1 : 0;
        r->cls[i] = (uint8_t)best;
    }
}

/* Give word i (i + 1 too when two is set) the best class of XPOS x (and
 * x2), fix them, and re-decode the words after.  0, changing nothing,
 * if the model has no such class or no room is left to record the fix. */
static int force(rctx *r, int i, int x, int two, int x2) {
    if (r->nlock + 2 > RC_MAXLOCK || locked(r, i) || (two && locked(r, i + 1))) return 0;
    int c = best_of(r, i, x);
    if (c < 0) return 0;
    uint8_t keep = r->cls[i];
    r->cls[i] = (uint8_t)c;
    if (two) {
        int c2 = best_of(r, i + 1, x2);
        if (c2 < 0) {
            r->cls[i] = keep;
            return 0;
        }
        r->cls[i + 1] = (uint8_t)c2;
        r->lock[r->nlock++] = i + 1;
    }
    r->lock[r->nlock++] = i;
    redecode(r, i + 1 + (two != 0));
    return 1;
}

/* Is w (l bytes, lower case) in list (NULL-terminated)? */
static int in_list(const char *w, size_t l, const char *const *list) {
    for (; *list; list++)
        if (strlen(*list) == l && memcmp(*list, w, l) == 0) return 1;
    return 0;
}

/* Word i lower-cased into lc (TG_NORM_MAX bytes); its length. */
static size_t lower_word(const rctx *r, int i, char *lc) {
    return tg_norm(r->forms[i] ? r->forms[i] : "", r->lens[i], lc, TG_NORM_MAX, 1);
}

/* Is word i one of list? */
static int word_in(const rctx *r, int i, const char *const *list) {
    char lc[TG_NORM_MAX];
    size_t l = lower_word(r, i, lc);
    return in_list(lc, l, list);
}

/* Does word i begin with a lower-case ASCII letter? */
static int lower_initial(const rctx *r, int i) {
    return r->forms[i] && r->lens[i] && r->forms[i][0] >= 'a' && r->forms[i][0] <= 'z';
}

/* Does the lemma of word i, read as its current class, belong to list? */
static int lemma_in(const rctx *r, int i, const char *const *list) {
    char buf[2 * TG_NORM_MAX + 16];
    const char *f = r->forms[i] ? r->forms[i] : "";
    const char *lem = lemmatize(r->t, f, r->lens[i], r->t->cxpos[r->cls[i]], buf, sizeof buf);
    return lem && in_list(lem, strlen(lem), list);
}

/* The XPOS of word i's current class. */
static int xpos_at(const rctx *r, int i) { return r->t->cxpos[r->cls[i]]; }

/* Is XPOS x a verb form? */
static int is_verb_x(int x) {
    return x == XPOS_VB || x == XPOS_VBD || x == XPOS_VBN || x == XPOS_VBZ || x == XPOS_VBP || x == XPOS_VBG;
}

/* Can XPOS x stand inside a noun phrase? */
static int is_np_x(int x) {
    return x == XPOS_DT || x == XPOS_JJ || x == XPOS_JJR || x == XPOS_JJS || x == XPOS_NN || x == XPOS_NNS ||
           x == XPOS_NNP || x == XPOS_NNPS || x == XPOS_PRPS || x == XPOS_POS || x == XPOS_CD || x == XPOS_HYPH;
}

/* Words that take a to-infinitive right after them ("agreed to", "plans
 * to", "is able to", "a bid to"), by lemma and word class.  Words as often
 * followed by "to" and a noun are left out: come, go, return, lead, push,
 * entitle (to power, to work, to price cuts, to record levels), due,
 * subject, close, response, commitment, letter, time (from time to time). */
static const char *const INF_VERBS[] = {
    "agree", "offer", "decide", "plan", "vow", "pledge", "threaten", "refuse", "seek", "try", "want", "expect",
    "promise", "prepare", "fail", "attempt", "continue", "intend", "hope", "aim", "need", "begin", "start",
    "propose", "vote", "decline", "choose", "elect", "resolve", "undertake", "volunteer", "wish", "manage",
    "arrange", "struggle", "strive", "scramble", "rush", "hesitate", "tend", "seem", "appear", "ask", "urge",
    "tell", "allow", "force", "require", "authorize", "authorise", "permit", "invite", "encourage", "order",
    "oblige", "compel", "press", "pressure", "schedule", "slate", "design", "mean", "use", "move", "set",
    "have", "help", "wait", "claim", "afford", "dare", "deserve", "opt", "lobby", "demand", "sign", "swear",
    "cease", "neglect", "forget", "remember", "learn", "like", "love", "prefer", "determine", "enable",
    "empower", "instruct", "direct", "persuade", "convince", "mandate", "hire", "appoint", "nominate", "train",
    "work", NULL};
static const char *const INF_ADJS[] = {
    "able", "unable", "willing", "unwilling", "ready", "eager", "reluctant", "determined", "likely", "unlikely",
    "poised", "prepared", "keen", "free", "quick", "first", "last", "sure", "certain", "hard", "easy",
    "difficult", "impossible", "necessary", "anxious", "careful", "entitled", "obliged", "set", NULL};
static const char *const INF_NOUNS[] = {
    "plan", "effort", "attempt", "decision", "bid", "move", "proposal", "offer", "promise", "pledge", "threat",
    "vote", "authority", "authorization", "authorisation", "permission", "approval", "option", "intention",
    "failure", "refusal", "willingness", "readiness", "ability", "inability", "need", "chance", "opportunity",
    "order", "mandate", "license", "licence", "right", "power", "way", "deal", "contract", "agreement",
    "campaign", "drive", "pressure", "call", "request", "demand", "motion", "measure", "bill", "legislation",
    "initiative", "program", "programme", "scheme", "strategy", "step", "money", "fund", "incentive", "reason",
    "desire", "determination", "resolution", "mission", "task", "job", "freedom", "tendency", "courage",
    "capacity", "means", "race", "struggle", "fight", "battle", NULL};
/* Verbs whose object is the subject of a to-infinitive after it ("allow
 * the borrower to issue", "ordering Lac to hand over"). */
static const char *const OBJ_CONTROL[] = {
    "allow", "ask", "urge", "force", "require", "enable", "permit", "authorize", "authorise", "order", "tell",
    "persuade", "encourage", "invite", "press", "pressure", "prompt", "cause", "expect", "want", "need", "help",
    "oblige", "compel", "instruct", "direct", "advise", "empower", "mandate", "appoint", "elect", "hire",
    "choose", "select", "convince", "remind", "warn", "teach", "beg", "challenge", "inspire", "call", "get",
    "forbid", "bar", "prohibit", "ban", "train", "nominate", "commission", "pay", "recruit", NULL};
/* Words that open an object: a noun cannot be followed by one ("to hand
 * them", "to question whether"). */
static const char *const OBJ_OPENERS[] = {"him", "them", "us", "me", "whether", NULL};
/* Nouns after "to" in set phrases ("to date") and words that make the
 * word before them a noun ("to sort of"). */
static const char *const TO_NOUNS[] = {"date", NULL};
static const char *const OF[] = {"of", NULL};
/* Nouns of time: "last" before one is the adjective ("agreed to last July"). */
static const char *const TIME_NOUNS[] = {
    "year", "month", "week", "night", "quarter", "season", "time", "weekend", "spring", "summer", "autumn",
    "fall", "winter", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", NULL};

/* "offered to hand over", "a bid to hedge currency risks": "to" read as a
 * preposition before a word that can be a base verb (the treebank has it
 * as one) is the infinitive marker when the word that governs it takes an
 * infinitive -- the word before "to" (past adverbs: "decided not to"), or
 * the verb whose object that word ends ("allow the borrower to") -- or
 * when the word after the would-be noun opens its object (a determiner,
 * possessive or object pronoun: a noun is not followed by one).  Forces
 * TO and VB. */
static void repair_to_inf(rctx *r) {
    const tagger *t = r->t;
    char lc[TG_NORM_MAX];
    for (int i = 1; i + 1 < r->n; i++) {
        if (xpos_at(r, i) != XPOS_IN || r->lens[i] != 2) continue;
        if (lower_word(r, i, lc) != 2 || memcmp(lc, "to", 2) != 0) continue;
        int x = xpos_at(r, i + 1);
        if (x != XPOS_NN && x != XPOS_JJ && x != XPOS_NNS && x != XPOS_VBP && x != XPOS_RB) continue;
        if (!lower_initial(r, i + 1)) continue;
        size_t l = lower_word(r, i + 1, lc);
        if (!known_base(t, XPOS_VB, lc, l) || in_list(lc, l, TO_NOUNS)) continue;
        if (i + 2 < r->n && word_in(r, i + 2, OF)) continue;
        if (l == 4 && memcmp(lc, "last", 4) == 0 && i + 2 < r->n && word_in(r, i + 2, TIME_NOUNS)) continue;
        int ok = 0;
        /* the object after it */
        if (i + 2 < r->n) {
            int y = xpos_at(r, i + 2);
            static const char *const that[] = {"that", NULL};
            ok = (y == XPOS_DT && !word_in(r, i + 2, that)) || y == XPOS_PRPS || word_in(r, i + 2, OBJ_OPENERS);
        }
        /* the word that governs it */
        int g = i - 1;
        while (g > 0 && xpos_at(r, g) == XPOS_RB) g--;
        int gx = xpos_at(r, g);
        if (!ok && is_verb_x(gx)) ok = lemma_in(r, g, INF_VERBS);
        else if (!ok && gx == XPOS_JJ) ok = lemma_in(r, g, INF_ADJS);
        else if (!ok && (gx == XPOS_NN || gx == XPOS_NNS)) ok = lemma_in(r, g, INF_NOUNS);
        if (!ok && (gx == XPOS_NN || gx == XPOS_NNS || gx == XPOS_NNP || gx == XPOS_NNPS || gx == XPOS_PRP)) {
            /* the object of a verb like "allow": back over its noun phrase */
            int v = g - 1;
            while (v > 0 && g - v < 6 && is_np_x(xpos_at(r, v))) v--;
            if (v >= 0 && is_verb_x(xpos_at(r, v))) ok = lemma_in(r, v, OBJ_CONTROL);
        }
        if (ok) force(r, i, XPOS_TO, 1, XPOS_VB);
    }
}

/* Words that may stand between a subject and its verb. */
static const char *const TIME_ADVS[] = {"today", "yesterday", "tonight", NULL};

/* "A top U.S. official today praised Haiti", "the editorial said": an
 * adjective that ends a noun phrase right before its finite verb is the
 * phrase's head, a noun, when the word is a noun often enough in the
 * treebank (its ambiguity class has NN; not "the poor", "the other").
 * Lower-case words only: "the French have" and "the Fed said" are other
 * stories.  Forces NN. */
static void repair_adj_head(rctx *r) {
    const tagger *t = r->t;
    int n = r->n;
    for (int i = 1; i + 1 < n; i++) {
        if (xpos_at(r, i) != XPOS_JJ || !lower_initial(r, i)) continue;
        int px = xpos_at(r, i - 1);
        if (!(px == XPOS_DT || px == XPOS_JJ || px == XPOS_NN || px == XPOS_NNP || px == XPOS_NNPS ||
              px == XPOS_PRPS || px == XPOS_POS || px == XPOS_NNS || px == XPOS_CD))
            continue;
        if (!((amb_lookup(t, r->s[i].h[TG_W]) >> XPOS_NN) & 1)) continue;
        int j = i + 1, adv = 0, time = 0;
        for (; j < n && j < i + 3; j++) {
            if (word_in(r, j, TIME_ADVS)) time = 1;
            else if (xpos_at(r, j) == XPOS_RB) adv = 1;
            else break;
        }
        if (j >= n) continue;
        int vx = xpos_at(r, j);
        if (vx != XPOS_VBD && vx != XPOS_VBZ && vx != XPOS_VBP && vx != XPOS_MD && vx != XPOS_VBN) continue;
        /* A participle may be attributive ("major industrialised nations",
         * "the fourth televised GOP debate", "independent locally managed
         * institutions"): only with a time word between ("official today
         * praised") or no noun phrase going on after it. */
        if (vx == XPOS_VBN && (adv || (!time && j + 1 < n && (is_np_x(xpos_at(r, j + 1)) ||
                                                            xpos_at(r, j + 1) == XPOS_VBG ||
                                                            xpos_at(r, j + 1) == XPOS_VBN))))
            continue;
        /* "primary wins", "military exercises": the "verb" may be a plural
         * noun (the treebank has the word as one, or its stem often enough
         * as a noun -- "win", but not "say") */
        if (vx == XPOS_VBZ) {
            char lc[TG_NORM_MAX];
            size_t l = lower_word(r, j, lc);
            if ((amb_lookup(t, r->s[j].h[TG_W]) >> XPOS_NNS) & 1) continue;
            if (l > 2 && lc[l - 1] == 's' && ((amb_lookup(t, hash_bytes(1, lc, l - 1)) >> XPOS_NN) & 1)) continue;
        }
        force(r, i, XPOS_NN, 0, 0);
    }
}

/* "Pakistan, a key U.S. ally in the war": a word in -ly read as an adverb
 * because of its suffix, inside a noun phrase (after a determiner,
 * possessive, adjective, number or name) and closing it (no adjective,
 * adverb or participle after it for it to modify -- "a truly free vote",
 * "the newly elected"), is the phrase's head noun when the treebank has the
 * word as a noun ("ally", "tally", "rally"; not "recently", "only").
 * The adverb reading of such a word needs something to modify, and here
 * there is none.  Forces NN. */
static void repair_ly_noun(rctx *r) {
    const tagger *t = r->t;
    for (int i = 1; i < r->n; i++) {
        if (xpos_at(r, i) != XPOS_RB || !lower_initial(r, i)) continue;
        size_t l = r->lens[i];
        if (l < 4 || r->forms[i][l - 2] != 'l' || r->forms[i][l - 1] != 'y') continue;
        int px = xpos_at(r, i - 1);
        if (!(px == XPOS_DT || px == XPOS_JJ || px == XPOS_NNP || px == XPOS_NN || px == XPOS_PRPS ||
              px == XPOS_POS || px == XPOS_CD))
            continue;
        if (!((amb_lookup(t, r->s[i].h[TG_W]) >> XPOS_NN) & 1)) continue;
        /* after a common noun only as a compound's first part ("car
         * assembly plant"): "barrels of crude daily" is the adverb */
        int nx = i + 1 < r->n ? xpos_at(r, i + 1) : -1;
        if (px == XPOS_NN && nx != XPOS_NN && nx != XPOS_NNS) continue;
        if (nx == XPOS_JJ || nx == XPOS_JJR || nx == XPOS_JJS || nx == XPOS_RB || nx == XPOS_RBR ||
            nx == XPOS_VBN || nx == XPOS_VBG || nx == XPOS_CD || nx == XPOS_DT)
            continue;
        force(r, i, XPOS_NN, 0, 0);
    }
}

/* The pipeline's repairs over the tag sequence (tagger_use_irregular). */
static void repair_context(const tagger *t, const tg_tok *s, const char *const *forms, const size_t *lens, int n,
                           uint8_t *cls) {
    if (!t->irregular || n < 3) return;
    rctx r = {t, s, forms, lens, n, cls, 0, {0}};
    repair_to_inf(&r);
    repair_adj_head(&r);
    repair_ly_noun(&r);
}

/* Scratch for one sentence of n words: prepared tokens and classes. */
typedef struct scratch {
    tg_tok *tok;
    uint8_t *cls;
    const char **forms;
    size_t *lens;
} scratch;

static int scratch_carve(void *mem, size_t n, scratch *s) {
    char *p = mem;
    s->tok = (tg_tok *)(void *)p;
    p += n * sizeof(tg_tok);
    s->forms = (const char **)(void *)p;
    p += n * sizeof(char *);
    s->lens = (size_t *)(void *)p;
    p += n * sizeof(size_t);
    s->cls = (uint8_t *)p;
    return 0;
}

static size_t scratch_size(size_t n) {
    size_t per = sizeof(tg_tok) + sizeof(char *) + sizeof(size_t) + 1;
    if (n > (SIZE_MAX - 64) / per) return 0;
    return n * per + 64;
}

int tagger_tag_words(const tagger *t, const char *const *forms, const size_t *lens, int n, uint8_t *upos,
                     uint8_t *xpos, uint16_t *feats, const char **lemmas, char *lemma_buf, size_t lemma_cap) {
    if (!t || n < 0) return DYAD_EINVAL;
    if (n == 0) return DYAD_OK;
    if (!forms || !lens) return DYAD_EINVAL;
    for (int i = 0; i < n; i++)
        if (!forms[i] && lens[i]) return DYAD_EINVAL;
    /* One allocation per call (sentence), never per word; short sentences
     * use the stack. */
    _Alignas(16) char local[64 * (sizeof(tg_tok) + sizeof(char *) + sizeof(size_t) + 1) + 64];
    size_t need = scratch_size((size_t)n);
    if (!need) return DYAD_ENOMEM;
    void *mem = need <= sizeof local ? local : malloc(need);
    if (!mem) return DYAD_ENOMEM;
    scratch s;
    scratch_carve(mem, (size_t)n, &s);
    tg_prep(s.tok, forms, lens, n, amb_lookup, t);
    decode(t, s.tok, n, s.cls);
    repair_unknown(t, s.tok, n, s.cls);
    repair_context(t, s.tok, forms, lens, n, s.cls);
    int rc = DYAD_OK;
    size_t used = 0;
    for (int i = 0; i < n; i++) {
        int c = s.cls[i];
        if (upos) upos[i] = t->cupos[c];
        if (xpos) xpos[i] = t->cxpos[c];
        if (feats) feats[i] = t->cfeats[c];
        if (!lemmas) continue;
        const char *lem = NULL;
        if (rc == DYAD_OK && lemma_buf && used < lemma_cap)
            lem = lemmatize(t, forms[i] ? forms[i] : "", lens[i], t->cxpos[c], lemma_buf + used, lemma_cap - used);
        if (!lem) {
            rc = DYAD_ETOOBIG;
            lemmas[i] = "";
            continue;
        }
        if (lem == lemma_buf + used) used += strlen(lem) + 1;
        lemmas[i] = lem;
    }
    if (mem != local) free(mem);
    return rc;
}

/* Tag tokens [first, last) of doc as one sentence. */
static int tag_run(const tagger *t, dyad_doc *doc, size_t first, size_t last, const scratch *s) {
    int n = (int)(last - first);
    for (int i = 0; i < n; i++) {
        const tok *k = &doc->toks[first + (size_t)i];
        s->forms[i] = doc->text + k->start;
        s->lens[i] = k->end - k->start;
    }
    tg_prep(s->tok, s->forms, s->lens, n, amb_lookup, t);
    decode(t, s->tok, n, s->cls);
    repair_unknown(t, s->tok, n, s->cls);
    repair_context(t, s->tok, s->forms, s->lens, n, s->cls);
    char buf[2 * TG_NORM_MAX + 16];
    for (int i = 0; i < n; i++) {
        tokan *a = &doc->an[first + (size_t)i];
        int c = s->cls[i];
        memset(a, 0, sizeof *a);
        a->head = -1;
        a->upos = t->cupos[c];
        a->xpos = t->cxpos[c];
        a->feats = t->cfeats[c];
        const char *lem = lemmatize(t, s->forms[i], s->lens[i], a->xpos, buf, sizeof buf);
        if (lem && lem != buf) {
            a->lemma = lem;
        } else {
            /* Long tokens (URLs) did not fit the buffer: the form is the lemma. */
            a->lemma = lem ? arena_strndup(&doc->a, buf, strlen(buf))
                           : arena_strndup(&doc->a, s->forms[i], s->lens[i]);
            if (!a->lemma) return DYAD_ENOMEM;
        }
    }
    return DYAD_OK;
}

int tagger_run(const tagger *t, dyad_doc *doc) {
    if (!t || !doc) return DYAD_EINVAL;
    doc->tagged = 0;
    if (!doc->ntok) {
        doc->tagged = 1;
        return DYAD_OK;
    }
    if (vec_reserve((void **)&doc->an, &doc->capan, doc->ntok, sizeof *doc->an)) return DYAD_ENOMEM;
    /* The longest run decides the scratch size (doc->scratch is reused
     * across documents, so this stops allocating once warm). */
    size_t longest = 0, pos = 0;
    for (size_t k = 0; k <= doc->nsent; k++) {
        size_t a = k < doc->nsent ? doc->sents[k].first : doc->ntok;
        size_t b = k < doc->nsent ? doc->sents[k].last : doc->ntok;
        if (a < pos) a = pos;
        if (b > doc->ntok) b = doc->ntok;
        if (a > b) a = b;
        if (a - pos > longest) longest = a - pos;
        if (b - a > longest) longest = b - a;
        if (b > pos) pos = b;
    }
    if (longest > INT32_MAX) return DYAD_ENOMEM;
    size_t need = scratch_size(longest);
    if (!need) return DYAD_ENOMEM;
    sb_reset(&doc->scratch);
    if (sb_grow(&doc->scratch, need)) return DYAD_ENOMEM;
    scratch s;
    scratch_carve(doc->scratch.s, longest, &s);
    pos = 0;
    for (size_t k = 0; k <= doc->nsent; k++) {
        size_t a = k < doc->nsent ? doc->sents[k].first : doc->ntok;
        size_t b = k < doc->nsent ? doc->sents[k].last : doc->ntok;
        if (a < pos) a = pos;
        if (b > doc->ntok) b = doc->ntok;
        if (a > b) a = b;
        /* Tokens outside any sentence form a run of their own. */
        if (a > pos) {
            int rc = tag_run(t, doc, pos, a, &s);
            if (rc) return rc;
        }
        if (b > a) {
            int rc = tag_run(t, doc, a, b, &s);
            if (rc) return rc;
        }
        if (b > pos) pos = b;
    }
    doc->tagged = 1;
    return DYAD_OK;
}
