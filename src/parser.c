/* parser.c -- greedy arc-hybrid dependency parser with hashed perceptron
 * features (see parser.h).
 *
 * Speed comes from doing little per transition: each word's form is hashed
 * once per sentence; a feature is a few multiply-xorshift rounds over small
 * integers and those hashes; its three transition weights sit in one
 * 64-byte bucket with seven other features, so scoring a state costs one
 * cache line per feature, no branch and no allocation.  Labels are chosen
 * only when an arc is made (once per word), from dense rows of 64 label
 * weights.  Those cache misses (a 15-30 MB table) are most of the time, so
 * each bucket is prefetched the moment its feature is hashed, and a
 * document's sentences are parsed two at a time in lock step (parse_doc):
 * one sentence's misses are in flight while the other computes.
 *
 * Model image sections (all little-endian, used in place):
 *   meta    u32 x 8: tbuckets, lbuckets (powers of two), lrows, nlab,
 *           nupos, nxpos, reserved x 2
 *   trans   tbuckets x 64 bytes { u16 key[8]; i16 w[3][8]; }: a feature
 *           lives in bucket (hash & mask) under key (hash >> 48 | 1), 0 =
 *           empty.  One aligned cache line per feature, compared and
 *           summed with SIMD and no branch; the key's 16 bits plus the
 *           bucket index make a false match of an unseen feature rare
 *           (about 1 in 8000 lookups, each adding one small weight).
 *   lbuck   lbuckets x 32 bytes { u16 key[8]; u16 row[8]; } label features
 *   lrows   lrows x 64 x i16: each label feature's weights for every label
 *   labels, upos, xpos: NUL-terminated names of the model's label, UPOS and
 *           XPOS indices, mapped to ud.h ids when the model is opened.
 * Weights are integers on one scale per table: only argmaxes matter. */
#include "parser.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "model.h"
#include "ud.h"

#define NO_LABEL 255

struct parser {
    model m;
    const uint16_t *trans; /* tbuckets x 32 halfwords */
    uint64_t tmask;
    const uint16_t *lbuck; /* lbuckets x 16 halfwords */
    uint64_t lmask;
    const int16_t *lrows;  /* lrows x 64 */
    uint32_t nlab;
    uint8_t upos_map[UPOS_COUNT]; /* ud id -> model index */
    uint8_t xpos_map[XPOS_COUNT];
    uint8_t dep_of[64];           /* model label index -> ud id */
    uint8_t lab_of[DEP_COUNT];    /* ud id -> model label index (NO_LABEL: none) */
    int root_label;               /* model index of "root" */
};

/* ---- hashing --------------------------------------------------------------- */

static inline uint64_t mix(uint64_t x) {
    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 29;
    return x;
}

/* Feature of template t over up to three values. */
static inline uint64_t fh(unsigned t, uint64_t a, uint64_t b, uint64_t c) {
    uint64_t x = mix(((uint64_t)t + 1) * 0x9e3779b97f4a7c15ULL ^ a);
    x = mix(x ^ (b * 0xd6e8feb86659fd93ULL));
    x = mix(x ^ (c * 0x94d049bb133111ebULL));
    return x ^ (x >> 32);
}

/* ASCII lower case, digits folded to '0' (numbers differ in value, not in
 * syntax); other bytes unchanged. */
static inline unsigned fold(unsigned char c) {
    if ((unsigned)c - (unsigned)'A' < 26u) return c + 32u;
    if ((unsigned)c - (unsigned)'0' < 10u) return '0';
    return c;
}

/* FNV-1a over the folded bytes, finished by mix.  Pure: thread-safe. */
uint64_t parser_word_hash(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= fold((unsigned char)s[i]);
        h *= 0x100000001b3ULL;
    }
    return mix(h ^ n);
}

#define ROOT_W 0x7f4a7c159e3779b9ULL
#define NONE_W 0x1ULL
#define ROOT_TAG 254

/* Fill word i from its form and ud tag ids (already in model index space). */
void parser_state_word(parser_state *st, int i, const char *form, size_t len, int upos, int xpos) {
    parser_word *w = &st->wd[i];
    if (!form) len = 0;
    w->w = parser_word_hash(form ? form : "", len);
    size_t k = len > 3 ? len - 3 : 0;
    w->sfx = parser_word_hash(form ? form + k : "", len - k) ^ 0x5555;
    w->u = (uint8_t)(upos + 1);
    w->x = (uint8_t)(xpos + 1);
}

/* ---- state machine ----------------------------------------------------------- */

/* Empty stack, buffer at word 0, no arcs; word n becomes the root. */
void parser_state_init(parser_state *st, int n) {
    st->n = n;
    st->nstack = 0;
    st->b = 0;
    for (int i = 0; i <= n; i++) {
        st->head[i] = -1;
        st->lab[i] = 0;
        st->l1[i] = st->l2[i] = st->r1[i] = st->r2[i] = -1;
        st->nl[i] = st->nr[i] = 0;
        st->lset[i] = st->rset[i] = 0;
    }
    st->wd[n].w = ROOT_W;
    st->wd[n].sfx = ROOT_W;
    st->wd[n].u = st->wd[n].x = ROOT_TAG;
}

/* Terminal: everything attached, only the root left in the buffer. */
int parser_state_done(const parser_state *st) {
    return st->nstack == 0 && st->b >= st->n;
}

/* The root (buffer position n) takes one dependent only: LEFT onto it is
 * allowed when the stack holds a single word, so the parse is one tree. */
void parser_state_valid(const parser_state *st, int valid[PARSER_NMOVE]) {
    valid[PARSER_SHIFT] = st->b < st->n;
    valid[PARSER_LEFT] = st->nstack >= 1 && (st->b < st->n || st->nstack == 1);
    valid[PARSER_RIGHT] = st->nstack >= 2;
}

/* LEFT attaches s0 to b0, RIGHT s0 to s1.  Only for a valid arc move. */
void parser_state_arc(const parser_state *st, int move, int *h, int *d) {
    *d = st->stack[st->nstack - 1];
    *h = move == PARSER_LEFT ? st->b : st->stack[st->nstack - 2];
}

/* Apply a valid move; an arc records its label (model index) and updates
 * the head's child slots, valency and label sets used by the features. */
void parser_state_apply(parser_state *st, int move, int label) {
    if (move == PARSER_SHIFT) {
        st->stack[st->nstack++] = (int16_t)st->b++;
        return;
    }
    int h, d;
    parser_state_arc(st, move, &h, &d);
    st->nstack--;
    st->head[d] = (int16_t)h;
    st->lab[d] = (uint8_t)label;
    if (d < h) { /* arcs to a head arrive right to left: d is the new leftmost */
        st->l2[h] = st->l1[h];
        st->l1[h] = (int16_t)d;
        if (st->nl[h] < 255) st->nl[h]++;
        st->lset[h] |= 1ULL << (label & 63);
    } else {     /* and left to right on the other side */
        st->r2[h] = st->r1[h];
        st->r1[h] = (int16_t)d;
        if (st->nr[h] < 255) st->nr[h]++;
        st->rset[h] |= 1ULL << (label & 63);
    }
}

/* ---- features ------------------------------------------------------------------ */

#define W(i) ((i) < 0 ? NONE_W : st->wd[i].w)
#define X(i) ((uint64_t)((i) < 0 ? 0 : st->wd[i].x))
#define U(i) ((uint64_t)((i) < 0 ? 0 : st->wd[i].u))
#define L(i) ((uint64_t)((i) < 0 ? 0 : st->lab[i] + 1u))
#define C(arr, i) ((i) < 0 ? -1 : st->arr[i])

static inline uint64_t dist_bucket(int a, int b) {
    int d = b - a;
    if (d < 0) d = -d;
    return d <= 5 ? (uint64_t)d : d <= 9 ? 6 : 7;
}

/* Each feature's bucket is prefetched as soon as its hash is known (pf:
 * table, stride in halfwords; NULL for the trainer), so the cache misses
 * overlap the hashing of the remaining templates instead of starting
 * together after it. */
#define F(a, b, c)                                                           \
    do {                                                                     \
        uint64_t h_ = fh(t++, (a), (b), (c));                                \
        f[k++] = h_;                                                         \
        if (pf) __builtin_prefetch(pf + (h_ & mask) * stride);               \
    } while (0)

/* Transition features (see parser_state_feats). */
static inline __attribute__((always_inline)) int state_feats(const parser_state *st, uint64_t *f,
                                                             const uint16_t *pf, uint64_t mask,
                                                             uint64_t stride) {
    int k = 0, t = 0;
    int s0 = st->nstack > 0 ? st->stack[st->nstack - 1] : -1;
    int s1 = st->nstack > 1 ? st->stack[st->nstack - 2] : -1;
    int s2 = st->nstack > 2 ? st->stack[st->nstack - 3] : -1;
    int b0 = st->b <= st->n ? st->b : -1;
    int b1 = st->b + 1 <= st->n ? st->b + 1 : -1;
    int b2 = st->b + 2 <= st->n ? st->b + 2 : -1;
    int s0l1 = C(l1, s0), s0l2 = C(l2, s0), s0r1 = C(r1, s0), s0r2 = C(r2, s0);
    int s1l1 = C(l1, s1), s1r1 = C(r1, s1), s1r2 = C(r2, s1);
    int b0l1 = C(l1, b0), b0l2 = C(l2, b0);
    uint64_t s0w = W(s0), s1w = W(s1), b0w = W(b0), b1w = W(b1);
    uint64_t s0x = X(s0), s1x = X(s1), s2x = X(s2), b0x = X(b0), b1x = X(b1), b2x = X(b2);
    uint64_t s0wx = s0w ^ (s0x << 56), s1wx = s1w ^ (s1x << 56), b0wx = b0w ^ (b0x << 56),
             b1wx = b1w ^ (b1x << 56);
    /* unigrams */
    F(s0w, 0, 0); F(s0x, 0, 0); F(s0wx, 0, 0);
    F(s1w, 0, 0); F(s1x, 0, 0); F(s1wx, 0, 0);
    F(b0w, 0, 0); F(b0x, 0, 0); F(b0wx, 0, 0);
    F(b1w, 0, 0); F(b1x, 0, 0); F(b1wx, 0, 0);
    F(W(b2), 0, 0); F(b2x, 0, 0); F(s2x, 0, 0); F(W(s2), 0, 0);
    F(U(s0), U(b0), 0); F(U(s1), U(s0), 0);
    F(s0 < 0 ? 0 : st->wd[s0].sfx, s0x, 0); F(b0 < 0 ? 0 : st->wd[b0].sfx, b0x, 0);
    /* s0 x b0 */
    F(s0wx, b0wx, 0); F(s0wx, b0w, 0); F(s0w, b0wx, 0); F(s0wx, b0x, 0);
    F(s0x, b0wx, 0); F(s0w, b0w, 0); F(s0x, b0x, 0); F(b0x, b1x, 0);
    /* s1 x s0 (RIGHT attaches s0 to s1) */
    F(s1wx, s0wx, 0); F(s1wx, s0w, 0); F(s1w, s0wx, 0); F(s1wx, s0x, 0);
    F(s1x, s0wx, 0); F(s1w, s0w, 0); F(s1x, s0x, 0); F(s1x, b0x, 0);
    F(s1w, b0w, 0); F(s0x, b1wx, 0); F(s0w, b1w, 0);
    /* tag triples */
    F(b0x, b1x, b2x); F(s0x, b0x, b1x); F(s1x, s0x, b0x); F(s2x, s1x, s0x);
    F(s1x, s0x, b1x); F(s0x, X(s0l1), b0x); F(s0x, X(s0r1), b0x); F(s0x, b0x, X(b0l1));
    F(s1x, s0x, X(s0l1)); F(s1x, s0x, X(s0r1)); F(s1x, X(s1r1), s0x); F(s1x, X(s1l1), s0x);
    F(s1x, s0x, X(b0l1));
    /* children */
    F(W(s0l1), 0, 0); F(X(s0l1), L(s0l1), 0); F(W(s0r1), 0, 0); F(X(s0r1), L(s0r1), 0);
    F(X(s0l2), L(s0l2), 0); F(X(s0r2), L(s0r2), 0); F(W(b0l1), 0, 0); F(X(b0l1), L(b0l1), 0);
    F(X(b0l2), L(b0l2), 0); F(X(s1r1), L(s1r1), 0); F(X(s1l1), L(s1l1), 0); F(W(s1r1), 0, 0);
    F(s0x, L(s0l1), L(s0l2)); F(s0x, L(s0r1), L(s0r2)); F(b0x, L(b0l1), L(b0l2));
    F(s1x, L(s1r1), L(s1r2));
    F(s0x, X(s0l1), X(s0l2)); F(s0x, X(s0r1), X(s0r2)); F(b0x, X(b0l1), X(b0l2));
    F(s1x, X(s1r1), X(s1r2));
    /* distance */
    uint64_t d0 = s0 < 0 || b0 < 0 ? 0 : dist_bucket(s0, b0);
    uint64_t d1 = s1 < 0 ? 0 : dist_bucket(s1, s0);
    F(s0w, d0, 0); F(s0x, d0, 0); F(b0w, d0, 0); F(b0x, d0, 0); F(s0x, b0x, d0); F(s0w, b0w, d0);
    F(s1w, d1, 0); F(s0w, d1, 0); F(s1x, s0x, d1); F(s1w, s0w, d1);
    /* valency */
    uint64_t s0nl = s0 < 0 ? 0 : st->nl[s0], s0nr = s0 < 0 ? 0 : st->nr[s0];
    uint64_t s1nr = s1 < 0 ? 0 : st->nr[s1], s1nl = s1 < 0 ? 0 : st->nl[s1];
    uint64_t b0nl = b0 < 0 ? 0 : st->nl[b0];
    F(s0w, s0nl, 0); F(s0x, s0nl, 0); F(s0w, s0nr, 0); F(s0x, s0nr, 0);
    F(s1w, s1nr, 0); F(s1x, s1nr, 0); F(s1x, s1nl, 0); F(b0w, b0nl, 0); F(b0x, b0nl, 0);
    /* label sets */
    uint64_t s0ls = s0 < 0 ? 0 : st->lset[s0], s0rs = s0 < 0 ? 0 : st->rset[s0];
    uint64_t s1ls = s1 < 0 ? 0 : st->lset[s1], s1rs = s1 < 0 ? 0 : st->rset[s1];
    uint64_t b0ls = b0 < 0 ? 0 : st->lset[b0];
    F(s0w, s0ls, 0); F(s0x, s0ls, 0); F(s0w, s0rs, 0); F(s0x, s0rs, 0);
    F(s1x, s1ls, s0x); F(s1x, s1rs, s0x); F(b0w, b0ls, 0); F(b0x, b0ls, 0);
    F(s0x, s0ls, b0x);
    /* UPOS beside XPOS: a second, coarser view of tagger errors */
    F(s0w, U(b0), 0); F(U(s0), b0w, 0); F(s1w, U(s0), 0); F(U(s1), s0w, 0);
    F(U(b0), U(b1), 0); F(U(s0), U(b0), U(b1)); F(U(s1), U(s0), U(b0));
    return k;
}

/* Transition features: f must hold PARSER_NFEAT.  Each template has its own
 * id t, so equal values in different templates never share a weight. */
int parser_state_feats(const parser_state *st, uint64_t *f) {
    return state_feats(st, f, NULL, 0, 0);
}

/* Label features (see parser_state_lfeats). */
static inline __attribute__((always_inline)) int state_lfeats(const parser_state *st, int move, uint64_t *f,
                                                              const uint16_t *pf, uint64_t mask,
                                                              uint64_t stride) {
    int h, d, k = 0, t = 200; /* template ids apart from the transition ones */
    parser_state_arc(st, move, &h, &d);
    uint64_t dir = move == PARSER_LEFT ? 1 : 2;
    uint64_t hw = W(h), dw = W(d), hx = X(h), dx = X(d), hu = U(h), du = U(d);
    uint64_t dist = dist_bucket(h, d) | dir << 4;
    int dl1 = st->l1[d], dl2 = st->l2[d], dr1 = st->r1[d], dr2 = st->r2[d];
    int hl1 = st->l1[h], hr1 = st->r1[h];
    int dprev = d > 0 ? d - 1 : -1, dnext = d + 1 <= st->n ? d + 1 : -1;
    uint64_t dls = st->lset[d], drs = st->rset[d], hls = st->lset[h], hrs = st->rset[h];
    F(dir, 0, 0); F(hw, dir, 0); F(hx, dir, 0); F(dw, dir, 0); F(dx, dir, 0);
    F(hx, dx, dist); F(hw, dx, dir); F(hx, dw, dir); F(hw, dw, dir); F(hu, du, dist);
    F(dw ^ (dx << 56), dir, 0); F(hw ^ (hx << 56), dir, 0);
    F(dx, X(dl1), L(dl1)); F(dx, X(dr1), L(dr1)); F(dx, W(dl1), 0); F(dx, W(dr1), 0);
    F(dx, X(dl2), L(dl2)); F(dx, X(dr2), 0); F(dx, W(dl2), 0);
    F(dx, dls, dir); F(dx, drs, dir); F(hx, hls, dir); F(hx, hrs, dir);
    F(dx, dls, hx); F(du, drs, hu);
    F(hx, X(hl1), L(hl1) << 8 | dir); F(hx, X(hr1), L(hr1) << 8 | dir);
    F(dx, X(dprev), dir); F(dx, X(dnext), dir); F(hx, dx, X(st->b <= st->n ? st->b : -1) << 8 | dir);
    F(dw, hx, dist); F(W(dl1), dx, hx);
    return k;
}
#undef F

/* Label features of the arc a LEFT/RIGHT move would make (f holds
 * PARSER_NLFEAT).  The dependent is complete when it is attached (arc-hybrid
 * reduces it), so its children and their labels are all known. */
int parser_state_lfeats(const parser_state *st, int move, uint64_t *f) {
    return state_lfeats(st, move, f, NULL, 0, 0);
}

#undef W
#undef X
#undef U
#undef L
#undef C

/* ---- scoring ---------------------------------------------------------------------- */

/* Scores of the three moves from the buckets of nf features (prefetched
 * by state_feats). */
static void move_scores(const parser *p, const uint64_t *f, int nf, int32_t sc[3]) {
#ifdef __SSE2__
    __m128i a0 = _mm_setzero_si128(), a1 = a0, a2 = a0, one = _mm_set1_epi16(1);
    for (int i = 0; i < nf; i++) {
        const __m128i *b = (const __m128i *)(const void *)(p->trans + (f[i] & p->tmask) * 32);
        __m128i m = _mm_cmpeq_epi16(_mm_loadu_si128(b), _mm_set1_epi16((short)((f[i] >> 48) | 1u)));
        a0 = _mm_add_epi32(a0, _mm_madd_epi16(_mm_and_si128(_mm_loadu_si128(b + 1), m), one));
        a1 = _mm_add_epi32(a1, _mm_madd_epi16(_mm_and_si128(_mm_loadu_si128(b + 2), m), one));
        a2 = _mm_add_epi32(a2, _mm_madd_epi16(_mm_and_si128(_mm_loadu_si128(b + 3), m), one));
    }
    int32_t v[3][4];
    _mm_storeu_si128((__m128i *)(void *)v[0], a0);
    _mm_storeu_si128((__m128i *)(void *)v[1], a1);
    _mm_storeu_si128((__m128i *)(void *)v[2], a2);
    for (int c = 0; c < 3; c++) sc[c] = v[c][0] + v[c][1] + v[c][2] + v[c][3];
#else
    sc[0] = sc[1] = sc[2] = 0;
    for (int i = 0; i < nf; i++) {
        const uint16_t *b = p->trans + (f[i] & p->tmask) * 32;
        uint16_t key = (uint16_t)((f[i] >> 48) | 1u);
        for (int j = 0; j < 8; j++)
            if (b[j] == key)
                for (int c = 0; c < 3; c++) sc[c] += (int16_t)b[8 + c * 8 + j];
    }
#endif
}

/* The best valid move. */
static int move_of(const parser *p, const parser_state *st, const uint64_t *f, int nf) {
    int32_t sc[3];
    move_scores(p, f, nf, sc);
    int valid[PARSER_NMOVE];
    parser_state_valid(st, valid);
    int best = -1;
    for (int m = 0; m < PARSER_NMOVE; m++)
        if (valid[m] && (best < 0 || sc[m] > sc[best])) best = m;
    return best;
}

/* The weight rows of the label features f[0..nf) found in their buckets
 * (first matching slot), each prefetched: the rows' misses then overlap. */
static int label_rows(const parser *p, const uint64_t *f, int nf, const int16_t **rows) {
    int nr = 0;
    for (int i = 0; i < nf; i++) {
        const uint16_t *b = p->lbuck + (f[i] & p->lmask) * 16;
        int slot = -1;
#ifdef __SSE2__
        __m128i m = _mm_cmpeq_epi16(_mm_loadu_si128((const __m128i *)(const void *)b),
                                    _mm_set1_epi16((short)((f[i] >> 48) | 1u)));
        unsigned mask = (unsigned)_mm_movemask_epi8(m);
        if (mask) slot = __builtin_ctz(mask) / 2;
#else
        uint16_t key = (uint16_t)((f[i] >> 48) | 1u);
        for (int j = 0; j < 8 && slot < 0; j++)
            if (b[j] == key) slot = j;
#endif
        if (slot < 0) continue;
        rows[nr] = p->lrows + (size_t)b[8 + slot] * 64;
        __builtin_prefetch(rows[nr]);
        __builtin_prefetch(rows[nr] + 32);
        nr++;
    }
    return nr;
}

/* The best non-root label from nr rows summed in order with saturating
 * 16-bit adds: the trainer scales weights so that a clip can only happen
 * to a score far ahead of the others. */
static int label_of(const parser *p, const int16_t *const *rows, int nr) {
    int16_t sc[64];
#ifdef __SSE2__
    __m128i acc[8];
    for (int j = 0; j < 8; j++) acc[j] = _mm_setzero_si128();
    for (int i = 0; i < nr; i++) {
        const __m128i *r = (const __m128i *)(const void *)rows[i];
        for (int j = 0; j < 8; j++) acc[j] = _mm_adds_epi16(acc[j], _mm_loadu_si128(r + j));
    }
    for (int j = 0; j < 8; j++) _mm_storeu_si128((__m128i *)(void *)(sc + j * 8), acc[j]);
#else
    for (int l = 0; l < 64; l++) sc[l] = 0;
    for (int i = 0; i < nr; i++)
        for (int l = 0; l < 64; l++) {
            int v = sc[l] + rows[i][l];
            sc[l] = (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
        }
#endif
    int best = -1;
    for (uint32_t l = 0; l < p->nlab; l++)
        if ((int)l != p->root_label && (best < 0 || sc[l] > sc[best])) best = (int)l;
    return best < 0 ? 0 : best;
}

/* Label features of an arc move, their buckets prefetched; -1 for an arc
 * from the root, whose label is fixed. */
static int label_feats(const parser *p, const parser_state *st, int move, uint64_t *f) {
    int h, d;
    parser_state_arc(st, move, &h, &d);
    if (h == st->n) return -1;
    return state_lfeats(st, move, f, p->lbuck, p->lmask, 16);
}

static int best_move(const parser *p, const parser_state *st) {
    uint64_t f[PARSER_NFEAT];
    int nf = state_feats(st, f, p->trans, p->tmask, 32);
    return move_of(p, st, f, nf);
}

static int best_label(const parser *p, const parser_state *st, int move) {
    uint64_t f[PARSER_NLFEAT];
    int nf = label_feats(p, st, move, f);
    if (nf < 0) return p->root_label;
    const int16_t *rows[PARSER_NLFEAT];
    int nr = label_rows(p, f, nf, rows);
    return label_of(p, rows, nr);
}

/* Greedy parse of st (words filled, initialised). */
static void parse_state(const parser *p, parser_state *st) {
    /* Every move either shifts or reduces: at most 2n+1 steps. */
    while (!parser_state_done(st)) {
        int m = best_move(p, st);
        int lab = m == PARSER_SHIFT ? 0 : best_label(p, st, m);
        parser_state_apply(st, m, lab);
    }
}

/* Is token i the word w (ASCII, any case)? */
static int word_is(const dyad_doc *doc, size_t i, const char *w) {
    const tok *t = &doc->toks[i];
    size_t n = t->end - t->start;
    if (strlen(w) != n) return 0;
    for (size_t k = 0; k < n; k++)
        if ((doc->text[t->start + k] | 0x20) != w[k]) return 0;
    return 1;
}

/* Is token i one of the words of list (NULL-terminated)? */
static int word_in(const dyad_doc *doc, size_t i, const char *const *list) {
    for (; *list; list++)
        if (word_is(doc, i, *list)) return 1;
    return 0;
}

/* ---- titled names ------------------------------------------------------------------ */

/* Arcs some words of a sentence must get: h[i] the head (word index in
 * the parse chunk) or -1 for a free word, l[i] its ud relation. */
typedef struct cons {
    int16_t h[PARSER_MAXW];
    uint8_t l[PARSER_MAXW];
    uint8_t kid[PARSER_MAXW];    /* has a constrained dependent */
    uint8_t closed[PARSER_MAXW]; /* takes no dependent but its constrained ones */
} cons;

/* Titles that open a person's name: "President", "Prime Minister".  Kept
 * as written (capitalised): a lower-case "president" is a common noun. */
static const char *const TITLES[] = {
    "Adm.", "Admiral", "Ambassador", "Archbishop", "Ayatollah", "Bishop", "Brig.", "Capt.", "Captain",
    "Cardinal", "Chairman", "Chairwoman", "Chancellor", "Col.", "Colonel", "Commander", "Commissioner",
    "Congressman", "Congresswoman", "Dr.", "Emir", "Emperor", "Envoy", "Gen.", "General", "Gov.",
    "Governor", "Judge", "King", "Lt.", "Maj.", "Marshal", "Mayor", "Minister", "Mr.", "Mrs.", "Ms.",
    "Pope", "Premier", "President", "Prince", "Princess", "Prof.", "Queen", "Rep.", "Rev.", "Secretary",
    "Secretary-General", "Sen.", "Senator", "Sgt.", "Sheikh", "Speaker", "Spokesman", "Spokeswoman",
    "Sultan"};

/* What "Secretary of", "minister of" take before the name: one word, or
 * two ("Foreign Affairs", "Homeland Security"). */
static const char *const OF_TITLES[] = {"Agriculture", "Commerce", "Defence", "Defense", "Education", "Energy",
                                        "Finance", "Health", "Justice", "Labor", "Labour", "State", "Trade",
                                        "Transportation", "Treasury", "defence", "defense", "finance", "state"};
static const char *const OF_TITLES2[] = {"Foreign", "Home", "Homeland", "Internal", "Veterans", "foreign", "home",
                                         "internal"};

/* Capitalised words that end an organisation's or a place's name, not a
 * person's ("General Assembly", "Governor General", "Justice Department"). */
static const char *const NOT_NAMES[] = {
    "Administration", "Agency", "Army", "Assembly", "Bank", "Cabinet", "Church", "Commission", "Committee",
    "Corp.", "Council", "Court", "Department", "Dynamics", "Electric", "Force", "Forces", "Front",
    "General", "Government", "Group", "House", "Inc.", "Jr.", "Ministry", "Motors", "Movement", "Office",
    "Palace", "Parliament", "Party", "Police", "Senate", "Sr.", "Union", "University"};

/* Words before a preposition that make one fixed phrase with it ("as
 * well as", "such as", "according to"). */
static const char *const FIXED_BEFORE[] = {"According", "Because", "according", "ahead", "along", "apart", "aside", "because", "due", "instead", "out", "prior", "rather", "such", "together", "well"};

/* Capitalised dates, which end a name ("President Bush Monday"). */
static const char *const DATE_NAMES[] = {
    "April", "August", "December", "February", "Friday", "January", "July", "June", "March", "May",
    "Monday", "November", "October", "Saturday", "September", "Sunday", "Thursday", "Today", "Tuesday",
    "Wednesday", "Yesterday"};

/* Is w[0..len) one of the n words of list, which is in byte order (as
 * parser_open checks)? */
static int sorted_in(const char *w, size_t len, const char *const *list, size_t n) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *e = list[mid];
        size_t el = strlen(e);
        int c = memcmp(e, w, el < len ? el : len);
        if (c == 0) c = el < len ? -1 : el > len ? 1 : 0;
        if (c == 0) return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Is token i exactly one of the n words of list (case kept)? */
static int form_in(const dyad_doc *doc, size_t i, const char *const *list, size_t n) {
    const tok *t = &doc->toks[i];
    return sorted_in(doc->text + t->start, t->end - t->start, list, n);
}
#define FORM_IN(doc, i, list) form_in(doc, i, list, sizeof list / sizeof *list)

static int capitalised(const dyad_doc *doc, size_t i) {
    const tok *t = &doc->toks[i];
    return t->end > t->start && doc->text[t->start] >= 'A' && doc->text[t->start] <= 'Z';
}

/* A word that may be part of a person's name after a title. */
static int name_word(const dyad_doc *doc, size_t i) {
    return doc->an[i].upos == UPOS_PROPN && !FORM_IN(doc, i, NOT_NAMES) && !FORM_IN(doc, i, DATE_NAMES) &&
           !FORM_IN(doc, i, TITLES);
}

/* "Japanese Prime Minister Ryutaro Hashimoto": the parser, trained mostly
 * on web text, reads such chains badly in news ("Japanese" as a
 * predicate of the verb before it, "Russian" as a clause of the verb
 * after), and the actor and event stages then lose the person.  UD's
 * analysis is fixed: the modifiers hang from the title (amod for an
 * adjective, compound otherwise), the title from the first name
 * (nmod:desc), the other names from the first (flat).  These arcs are
 * set in c for words [a, z) of a document (indices from a); the parser
 * then chooses everything else, the name's own head included.  A surname
 * the tagger read as a common noun ("Alan Price") is retagged a proper
 * noun.  Returns the number of words constrained. */
static int titled_names(dyad_doc *doc, size_t a, size_t z, cons *c) {
    int any = 0;
    for (size_t i = a; i < z; i++) c->h[i - a] = -1, c->kid[i - a] = c->closed[i - a] = 0;
    for (size_t t = a; t + 1 < z; t++) {
        uint8_t tu = doc->an[t].upos;
        if (tu != UPOS_PROPN && tu != UPOS_NOUN) continue;
        if (!capitalised(doc, t) || !FORM_IN(doc, t, TITLES)) continue;
        /* "Secretary of State", "minister of foreign affairs": [o, n0) */
        size_t o = t + 1, n0 = o;
        if (word_is(doc, o, "of") && o + 2 < z) {
            if (FORM_IN(doc, o + 1, OF_TITLES))
                n0 = o + 2;
            else if (o + 3 < z && FORM_IN(doc, o + 1, OF_TITLES2) &&
                     (word_is(doc, o + 2, "affairs") || word_is(doc, o + 2, "security")))
                n0 = o + 3;
        }
        if (n0 >= z || !capitalised(doc, n0) || doc->an[n0].upos != UPOS_PROPN || !name_word(doc, n0)) continue;
        size_t e = n0 + 1; /* the name: [n0, e) */
        /* (a surname the tagger read as a common noun: "Alan Price") */
        while (e < z && e < n0 + 4 &&
               (name_word(doc, e) || (doc->an[e].upos == UPOS_NOUN && capitalised(doc, e) &&
                                      !FORM_IN(doc, e, NOT_NAMES) && !FORM_IN(doc, e, DATE_NAMES))))
            e++;
        /* a longer name than a person's, or an organisation's: leave it */
        if (e < z && doc->an[e].upos == UPOS_PROPN && !FORM_IN(doc, e, DATE_NAMES)) continue;
        c->h[t - a] = (int16_t)(n0 - a), c->l[t - a] = DEP_NMOD_DESC;
        c->kid[n0 - a] = c->kid[t - a] = 1; /* (the modifiers' and case's heads) */
        c->closed[t - a] = 1;
        if (n0 > o) { /* "of" and its noun, the noun's own modifiers */
            size_t oh = n0 - 1;
            c->h[o - a] = (int16_t)(oh - a), c->l[o - a] = DEP_CASE;
            for (size_t k = o + 1; k < oh; k++)
                c->h[k - a] = (int16_t)(oh - a), c->l[k - a] = doc->an[k].upos == UPOS_ADJ ? DEP_AMOD : DEP_COMPOUND;
            c->h[oh - a] = (int16_t)(t - a), c->l[oh - a] = DEP_NMOD;
            c->kid[oh - a] = 1;
        }
        for (size_t k = n0 + 1; k < e; k++) {
            c->h[k - a] = (int16_t)(n0 - a), c->l[k - a] = DEP_FLAT;
            tokan *x = &doc->an[k];
            if (x->upos == UPOS_NOUN) { /* a name: tagged and lemmatised as one */
                const tok *w = &doc->toks[k];
                const char *lem = arena_strndup(&doc->a, doc->text + w->start, w->end - w->start);
                if (lem) x->lemma = lem;
                x->upos = UPOS_PROPN, x->xpos = XPOS_NNP, x->feats = FEAT_NUMBER_SING;
            }
        }
        any += (int)(e - t);
        /* the modifiers before the title: "Japanese Prime", "Lt.", "U.S.
         * Defense", "former", "campaign" */
        for (size_t k = t; k > a && k + 4 > t; k--) {
            size_t m = k - 1;
            uint8_t mu = doc->an[m].upos, mx = doc->an[m].xpos;
            int ok = mu == UPOS_ADJ || ((mu == UPOS_PROPN || mu == UPOS_NOUN) && (capitalised(doc, m) || mx == XPOS_NN));
            if (!ok || FORM_IN(doc, m, NOT_NAMES) || FORM_IN(doc, m, DATE_NAMES) || c->h[m - a] >= 0) break;
            if (mu == UPOS_PROPN && m > a && doc->an[m - 1].upos == UPOS_PROPN) break; /* the end of a name */
            c->h[m - a] = (int16_t)(t - a), c->l[m - a] = mu == UPOS_ADJ ? DEP_AMOD : DEP_COMPOUND;
            any++;
        }
        /* a preposition right before is the name's case marker ("into
         * Senator Alan Price"), unless it ends a fixed phrase ("according to")
         * or the name is a possessive (the preposition is its noun's) */
        size_t f = t;
        while (f > a && c->h[f - 1 - a] == (int16_t)(t - a)) f--;
        int poss = e < z && doc->an[e].xpos == XPOS_POS; /* "of Governor Ruth Keller's handling" */
        if (!poss && f > a && doc->an[f - 1].upos == UPOS_ADP && doc->an[f - 1].xpos == XPOS_IN &&
            c->h[f - 1 - a] < 0 && (f - 1 == a || !FORM_IN(doc, f - 2, FIXED_BEFORE))) {
            c->h[f - 1 - a] = (int16_t)(n0 - a), c->l[f - 1 - a] = DEP_CASE;
            any++;
        }
        t = e - 1;
    }
    return any;
}

/* Days and "today" that wire copy puts straight after a verb. */
static const char *const DAY_WORDS[] = {"Friday", "Monday", "Saturday", "Sunday", "Thursday", "Tuesday",
                                        "Wednesday", "today", "tonight", "yesterday"};

/* Last words of a firm's or a body's name ("Swiss Bank Corp", "Morgan
 * Guaranty Ltd"), headed by that word, unlike a person's. */
static const char *const ORG_ENDS[] = {"AG",      "Association", "Bank",    "Brothers", "Co",    "Corp",
                                       "Corporation", "Group",   "Inc",      "International", "Ltd",   "Markets",
                                       "NV",      "Plc",         "SA",      "Securities"};

/* Prepositions inside the subject of a closing attribution ("a
 * spokesman for the ministry", "the head of the union"). */
static const char *const NP_PREPS[] = {"at", "for", "from", "in", "of", "with"};

/* Lemmas of the verbs that close a wire sentence's attribution. */
static const char *const SAY_VERBS[] = {"add", "allege", "announce", "charge", "claim", "confirm", "report", "say",
                                        "state", "warn"};

/* Is token i's lemma one of the n words of list (in byte order)? */
static int lemma_in_list(const dyad_doc *doc, size_t i, const char *const *list, size_t n) {
    const char *l = doc->an[i].lemma;
    return l && sorted_in(l, strlen(l), list, n);
}

/* Two idioms of wire copy that web text (the parser's training data)
 * hardly has, so the parser reads them wrong ("the Washington Post said
 * Wednesday" with "Wednesday" as the subject and "Post" coordinated with
 * the noun before the comma):
 *   - a day right after a finite verb modifies that verb ("said Wednesday",
 *     "launched Monday"), and so does "on" and a day right after it or its
 *     particle ("arrested on Sunday dozens of activists");
 *   - a closing attribution ", the official news agency said." takes the
 *     noun phrase between the comma and the verb as the verb's subject
 *     (its last noun; the words before it are left to the parser).
 * Adds the arcs to c where titled_names set none; returns their number. */
static int wire_arcs(const dyad_doc *doc, size_t a, size_t z, cons *c) {
    int any = 0;
    for (size_t v = a; v + 1 < z; v++) {
        const tokan *x = &doc->an[v];
        /* ", a spokeswoman said by phone": "said" before "by" may come
         * tagged as a participle; the attribution below retags it */
        int said_vbn = x->upos == UPOS_VERB && x->xpos == XPOS_VBN &&
                       lemma_in_list(doc, v, SAY_VERBS, sizeof SAY_VERBS / sizeof *SAY_VERBS);
        if (x->upos != UPOS_VERB || (x->xpos != XPOS_VBD && x->xpos != XPOS_VBZ && x->xpos != XPOS_VBP && !said_vbn))
            continue;
        size_t d = v + 1;
        if (FORM_IN(doc, d, DAY_WORDS) && c->h[d - a] < 0 && !c->kid[d - a] &&
            (d + 1 >= z || doc->an[d + 1].upos == UPOS_PUNCT || doc->an[d + 1].upos == UPOS_ADP ||
             doc->an[d + 1].upos == UPOS_SCONJ || doc->an[d + 1].upos == UPOS_DET)) {
            c->h[d - a] = (int16_t)(v - a), c->l[d - a] = DEP_OBL_UNMARKED;
            c->kid[v - a] = 1;
            c->closed[d - a] = 1;
            any++;
        }
        /* "forced out on Wednesday more than 1,000 refugees": "on" and a day
         * right after the verb (or its particle) are the verb's, so what
         * follows them is free to be its object */
        size_t o = v + 1;
        if (o < z && (doc->an[o].upos == UPOS_ADP || doc->an[o].upos == UPOS_ADV) && !word_is(doc, o, "on") &&
            o + 1 < z && word_is(doc, o + 1, "on"))
            o++;
        if (o + 2 < z && word_is(doc, o, "on") && FORM_IN(doc, o + 1, DAY_WORDS) && capitalised(doc, o + 1) &&
            c->h[o - a] < 0 && c->h[o + 1 - a] < 0 && !c->kid[o + 1 - a]) {
            c->h[o - a] = (int16_t)(o + 1 - a), c->l[o - a] = DEP_CASE;
            c->h[o + 1 - a] = (int16_t)(v - a), c->l[o + 1 - a] = DEP_OBL;
            c->kid[o + 1 - a] = c->kid[v - a] = 1;
            c->closed[o + 1 - a] = 1;
            any += 2;
        }
        if (!lemma_in_list(doc, v, SAY_VERBS, sizeof SAY_VERBS / sizeof *SAY_VERBS)) continue;
        /* the verb ends the clause: ".", ",", a day, a preposition ("on
         * Tuesday", "by phone", "at the weekend") */
        const tokan *nx = &doc->an[v + 1];
        if (nx->upos != UPOS_PUNCT && !FORM_IN(doc, v + 1, DAY_WORDS) && nx->upos != UPOS_ADP) continue;
        if (nx->upos == UPOS_PUNCT && !word_is(doc, v + 1, ".") && !word_is(doc, v + 1, ",")) continue;
        size_t k = v, f = v; /* f: the phrase's first preposition ("a spokeswoman for Local 222") */
        if (v == a || (doc->an[v - 1].upos != UPOS_NOUN && doc->an[v - 1].upos != UPOS_PROPN &&
                       doc->an[v - 1].upos != UPOS_NUM))
            continue;
        while (k > a && v - k < 12) {
            uint8_t u = doc->an[k - 1].upos;
            if (u == UPOS_ADP && k < v && lemma_in_list(doc, k - 1, NP_PREPS, sizeof NP_PREPS / sizeof *NP_PREPS))
                f = k - 1;
            else if (u != UPOS_DET && u != UPOS_ADJ && u != UPOS_NOUN && u != UPOS_PROPN && u != UPOS_NUM &&
                     !(u == UPOS_PART && doc->an[k - 1].xpos == XPOS_POS))
                break;
            k--;
        }
        if (k == a || !word_is(doc, k - 1, ",") || f == k) continue;
        /* "Daniel Tulis, a gas analyst with Shearson Lehman said": a phrase
         * with a preposition after a name is the name's apposition, and the
         * name the subject */
        if (f < v && k >= a + 2 && doc->an[k - 2].upos == UPOS_PROPN) continue;
        /* "a Ministry of Agriculture official", "Bank of Tokyo economist
         * Haruo Muto": the phrase sits inside a name before the head noun */
        if (f < v && doc->an[f + 1].upos != UPOS_DET)
            for (size_t q = f + 1; q < v; q++)
                if (doc->an[q].upos == UPOS_NOUN && doc->an[q - 1].upos == UPOS_PROPN) f = v;
        /* the head: the last noun before the phrase's first preposition */
        size_t h = f - 1;
        if (doc->an[h].upos == UPOS_NUM) continue;
        if (doc->an[h].upos != UPOS_NOUN && doc->an[h].upos != UPOS_PROPN) continue;
        /* a titled name ("..., President George Bush said"): its first name */
        for (int steps = 0; c->h[h - a] >= 0 && steps < 8; steps++) h = a + (size_t)c->h[h - a];
        if (c->h[h - a] >= 0 || h < k || h >= v) continue;
        int titled = c->kid[h - a];
        /* "the news agency Ceteka": the name stands by its noun (flat); not
         * "the Stock Exchange", a name whose first word the tagger made a noun */
        if (!titled && h > k && doc->an[h].upos == UPOS_PROPN && doc->an[h - 1].upos == UPOS_NOUN &&
            !capitalised(doc, h - 1) && c->h[h - 1 - a] < 0) {
            c->h[h - a] = (int16_t)(h - 1 - a), c->l[h - a] = DEP_FLAT;
            c->kid[h - 1 - a] = 1;
            h--;
            any++;
        }
        /* a bare run of names is a person's, headed by its first word
         * ("Lena Ortiz"); after a determiner an organisation's, by its last
         * ("the Washington Post") */
        size_t r = h;
        while (!titled && r > k && doc->an[r - 1].upos == UPOS_PROPN && c->h[r - 1 - a] < 0) r--;
        /* also after a role noun, a person's: "company spokesman Bob
         * Foulkes", not "lead manager Swiss Bank Corp" */
        int role_name = r > k && doc->an[r - 1].upos == UPOS_NOUN && !FORM_IN(doc, h, ORG_ENDS);
        if (r < h && (r == k || role_name) && doc->an[h].upos == UPOS_PROPN) {
            for (size_t q = r + 1; q <= h; q++)
                if (c->h[q - a] < 0) c->h[q - a] = (int16_t)(r - a), c->l[q - a] = DEP_FLAT, any++;
            /* the role is the name's description, as a title's is */
            if (role_name && c->h[r - 1 - a] < 0 && !c->kid[r - 1 - a])
                c->h[r - 1 - a] = (int16_t)(r - a), c->l[r - 1 - a] = DEP_NMOD_DESC, any++;
            c->kid[r - a] = 1;
            h = r;
        }
        c->h[h - a] = (int16_t)(v - a), c->l[h - a] = DEP_NSUBJ;
        c->kid[v - a] = 1;
        /* one prepositional phrase: its last word is the subject's nmod,
         * the preposition its case ("a spokeswoman for Local 222", "the
         * Stock Exchange of Hong Kong"; under a name only a short one, not
         * "Governor of Washington Chris Gregoire") */
        int nprep = 0;
        for (size_t q = f; q < v; q++) nprep += doc->an[q].upos == UPOS_ADP;
        if (f < v && nprep == 1 && f + 1 < v - 1 && (doc->an[h].upos == UPOS_NOUN || (!titled && v - f <= 3)) && c->h[v - 1 - a] < 0 &&
            c->h[f - a] < 0 && !c->kid[f - a]) {
            c->h[v - 1 - a] = (int16_t)(h - a), c->l[v - 1 - a] = DEP_NMOD;
            c->h[f - a] = (int16_t)(v - 1 - a), c->l[f - a] = DEP_CASE;
            c->kid[h - a] = c->kid[v - 1 - a] = 1;
            any += 2;
        }
        if (said_vbn) doc->an[v].xpos = XPOS_VBD;
        any++;
    }
    return any;
}

/* The arcs of titled_names and wire_arcs for words [a, z) in c. */
static int news_arcs(dyad_doc *doc, size_t a, size_t z, cons *c) {
    int n = titled_names(doc, a, z, c);
    return n + wire_arcs(doc, a, z, c);
}

/* Cost of each valid move against the constrained arcs of g only (the
 * exact arc-hybrid costs of Goldberg & Nivre 2013, free words ignored):
 * the arcs a move makes unreachable. */
static void cons_costs(const parser_state *st, const cons *c, const int valid[PARSER_NMOVE],
                       int cost[PARSER_NMOVE]) {
    const int16_t *g = c->h;
    int n = st->n, b = st->b, ns = st->nstack;
    int s0 = ns > 0 ? st->stack[ns - 1] : -1, s1 = ns > 1 ? st->stack[ns - 2] : -1;
    for (int m = 0; m < PARSER_NMOVE; m++) cost[m] = 1 << 20;
    if (valid[PARSER_SHIFT]) {
        int k = 0;
        for (int i = 0; i < ns && (c->kid[b] || g[b] >= 0); i++) {
            int s = st->stack[i];
            if (g[s] == b) k++;
            if (s != s0 && g[b] == s) k++;
        }
        cost[PARSER_SHIFT] = k;
    }
    if (s0 >= 0) {
        int kids = 0; /* s0's constrained children still in the buffer */
        for (int k = b; k < n && c->kid[s0]; k++)
            if (g[k] == s0) kids++;
        int gs = g[s0];
        if (valid[PARSER_LEFT]) cost[PARSER_LEFT] = kids + (gs >= 0 && gs != b && (gs == s1 || gs > b));
        if (valid[PARSER_RIGHT]) cost[PARSER_RIGHT] = kids + (gs >= 0 && gs >= b);
        /* a closed word takes no free dependent; once it has its own, it
         * goes to its head below it before anything is shifted over it */
        if (valid[PARSER_LEFT] && b < n && c->closed[b] && gs != b) cost[PARSER_LEFT]++;
        if (valid[PARSER_RIGHT] && c->closed[s1] && gs != s1) cost[PARSER_RIGHT]++;
        if (valid[PARSER_SHIFT] && c->closed[s0] && gs == s1 && !kids) cost[PARSER_SHIFT]++;
    }
}

/* The best-scoring move among those that lose the fewest constrained
 * arcs of c (none, as the arcs form a projective forest). */
static int cons_move(const parser *p, const parser_state *st, const cons *c, const uint64_t *f, int nf) {
    int32_t sc[3];
    move_scores(p, f, nf, sc);
    int valid[PARSER_NMOVE], cost[PARSER_NMOVE];
    parser_state_valid(st, valid);
    cons_costs(st, c, valid, cost);
    int m = -1;
    for (int k = 0; k < PARSER_NMOVE; k++)
        if (valid[k] && (m < 0 || cost[k] < cost[m] || (cost[k] == cost[m] && sc[k] > sc[m]))) m = k;
    return m;
}

/* The label an arc move must have (a constrained arc's), or NO_LABEL. */
static int cons_label(const parser *p, const parser_state *st, const cons *c, int move) {
    if (move == PARSER_SHIFT) return NO_LABEL;
    int h, d;
    parser_state_arc(st, move, &h, &d);
    return c->h[d] == h ? p->lab_of[c->l[d]] : NO_LABEL;
}

/* Greedy parse of st that keeps every arc of c reachable. */
static void parse_state_cons(const parser *p, parser_state *st, const cons *c) {
    while (!parser_state_done(st)) {
        uint64_t f[PARSER_NFEAT];
        int nf = state_feats(st, f, p->trans, p->tmask, 32);
        int m = cons_move(p, st, c, f, nf);
        int lab = 0;
        if (m != PARSER_SHIFT) {
            lab = cons_label(p, st, c, m);
            if (lab == NO_LABEL) lab = best_label(p, st, m);
        }
        parser_state_apply(st, m, lab);
    }
}

/* Where the words come from: arrays, or a document's tokens. */
typedef struct source {
    const char *const *forms;
    const size_t *lens;
    const uint8_t *upos, *xpos;
    dyad_doc *doc; /* (titled_names may retag a surname) */
    size_t first; /* document token index of word 0 */
} source;

/* Where the results go: heads[]/deprels[] of parser_parse_words, or the
 * document's analyses (absolute token indices). */
typedef struct sink {
    int *heads;       /* 1-based / 0 root (parse_words) */
    uint8_t *deprels;
    tokan *an;        /* or document analyses */
    size_t first;
} sink;

static void emit(const sink *k, int i, int head, int dep) {
    if (k->an) {
        k->an[k->first + (size_t)i].head = head < 0 ? -1 : (int32_t)(k->first + (size_t)head);
        k->an[k->first + (size_t)i].deprel = (uint8_t)dep;
    } else {
        k->heads[i] = head + 1;
        k->deprels[i] = (uint8_t)dep;
    }
}

/* Fill st with words c0..c0+cn of src (mapped to model tags) and start
 * its parse. */
static void load_chunk(const parser *p, const source *src, int c0, int cn, parser_state *st) {
    for (int i = 0; i < cn; i++) {
        int u, x;
        const char *form;
        size_t len;
        if (src->doc) {
            const tok *t = &src->doc->toks[src->first + (size_t)(c0 + i)];
            const tokan *a = &src->doc->an[src->first + (size_t)(c0 + i)];
            form = src->doc->text + t->start;
            len = t->end >= t->start ? t->end - t->start : 0;
            u = a->upos;
            x = a->xpos;
        } else {
            form = src->forms[c0 + i];
            len = src->lens ? src->lens[c0 + i] : (form ? strlen(form) : 0);
            u = src->upos ? src->upos[c0 + i] : UPOS_X;
            x = src->xpos ? src->xpos[c0 + i] : XPOS_XX;
        }
        u = u < UPOS_COUNT ? p->upos_map[u] : p->upos_map[UPOS_X];
        x = x < XPOS_COUNT ? p->xpos_map[x] : p->xpos_map[XPOS_XX];
        parser_state_word(st, i, form, len, u, x);
    }
    parser_state_init(st, cn);
}

/* Write out a parsed chunk; *root0 is the sentence's first root (-1 until
 * known): roots of later chunks hang from it as parataxis. */
static void emit_chunk(const parser *p, const sink *k, const parser_state *st, int c0, int cn, int *root0) {
    for (int i = 0; i < cn; i++) {
        int h = st->head[i];
        if (h < 0 || h >= cn) { /* the chunk's root */
            if (*root0 < 0) {
                *root0 = c0 + i;
                emit(k, c0 + i, -1, DEP_ROOT);
            } else {
                emit(k, c0 + i, *root0, DEP_PARATAXIS);
            }
        } else {
            emit(k, c0 + i, c0 + h, p->dep_of[st->lab[i] & 63]);
        }
    }
}

/* Parse n words of src in chunks of PARSER_MAXW (bounded stack state,
 * linear time); each chunk is a tree, and the roots of later chunks hang
 * from the first chunk's root as parataxis, so the sentence is one tree. */
static void parse_source(const parser *p, const source *src, int n, const sink *k, parser_state *st) {
    int root0 = -1; /* root of the first chunk: later chunks hang from it */
    for (int c0 = 0; c0 < n; c0 += PARSER_MAXW) {
        int cn = n - c0 < PARSER_MAXW ? n - c0 : PARSER_MAXW;
        cons c;
        size_t a = src->first + (size_t)c0;
        int held = src->doc && news_arcs(src->doc, a, a + (size_t)cn, &c);
        load_chunk(p, src, c0, cn, st);
        if (held)
            parse_state_cons(p, st, &c);
        else
            parse_state(p, st);
        emit_chunk(p, k, st, c0, cn, &root0);
    }
}

/* Sentences parsed side by side by parse_doc. */
#ifndef LANES
#define LANES 2
#endif

/* Parse every sentence of doc, LANES sentences at a time in lock step: one
 * step of each lane hashes its features and starts their cache misses,
 * then each lane scores, then each lane looks up its label rows, then each
 * sums them and moves.  The table lookups of one lane are in flight while
 * the others compute, instead of one sentence waiting on each miss; the
 * lanes are independent, so every parse is what parse_source would give.
 * Sentences of more than PARSER_MAXW words go through parse_source. */
static void parse_doc(const parser *p, dyad_doc *doc, parser_state *st, cons *cs) {
    size_t next = 0, first[LANES];
    int live[LANES] = {0}, held[LANES] = {0}, forced[LANES];
    uint64_t f[LANES][PARSER_NFEAT], lf[LANES][PARSER_NLFEAT];
    const int16_t *rows[LANES][PARSER_NLFEAT];
    int nf[LANES], nlf[LANES], move[LANES];
    for (;;) {
        int nlive = 0;
        for (int j = 0; j < LANES; j++) {
            while (!live[j] && next < doc->nsent) {
                size_t a = doc->sents[next].first, z = doc->sents[next].last;
                next++;
                if (z > doc->ntok) z = doc->ntok;
                if (a >= z) continue;
                source src = {NULL, NULL, NULL, NULL, doc, a};
                if (z - a > PARSER_MAXW) {
                    sink k = {NULL, NULL, doc->an, a};
                    parse_source(p, &src, (int)(z - a), &k, &st[j]);
                    continue;
                }
                held[j] = news_arcs(doc, a, z, &cs[j]) > 0;
                load_chunk(p, &src, 0, (int)(z - a), &st[j]);
                first[j] = a;
                live[j] = 1;
            }
            nlive += live[j];
        }
        if (!nlive) break;
        for (int j = 0; j < LANES; j++)
            if (live[j]) nf[j] = state_feats(&st[j], f[j], p->trans, p->tmask, 32);
        for (int j = 0; j < LANES; j++) {
            if (!live[j]) continue;
            move[j] = held[j] ? cons_move(p, &st[j], &cs[j], f[j], nf[j]) : move_of(p, &st[j], f[j], nf[j]);
            forced[j] = held[j] ? cons_label(p, &st[j], &cs[j], move[j]) : NO_LABEL;
            nlf[j] = move[j] == PARSER_SHIFT || forced[j] != NO_LABEL ? 0 : label_feats(p, &st[j], move[j], lf[j]);
        }
        for (int j = 0; j < LANES; j++)
            if (live[j] && nlf[j] > 0) nlf[j] = label_rows(p, lf[j], nlf[j], rows[j]);
        for (int j = 0; j < LANES; j++) {
            if (!live[j]) continue;
            int lab = move[j] == PARSER_SHIFT     ? 0
                      : forced[j] != NO_LABEL ? forced[j]
                      : nlf[j] < 0            ? p->root_label
                                              : label_of(p, rows[j], nlf[j]);
            parser_state_apply(&st[j], move[j], lab);
            if (parser_state_done(&st[j])) {
                sink k = {NULL, NULL, doc->an, first[j]};
                int root0 = -1;
                emit_chunk(p, &k, &st[j], 0, st[j].n, &root0);
                live[j] = 0;
            }
        }
    }
}

/* See parser.h.  The state (about 30 KB) lives on the stack: no allocation. */
int parser_parse_words(const parser *p, const char *const *forms, const size_t *lens, const uint8_t *upos,
                       const uint8_t *xpos, int n, int *heads, uint8_t *deprels) {
    if (n <= 0) return n == 0 ? DYAD_OK : DYAD_EINVAL;
    if (!p || !forms || !heads || !deprels) return DYAD_EINVAL;
    parser_state st;
    source src = {forms, lens, upos, xpos, NULL, 0};
    sink k = {heads, deprels, NULL, 0};
    parse_source(p, &src, n, &k, &st);
    return DYAD_OK;
}

/* See parser.h.  The tagger, trained on web text, reads many news pasts after a plural
 * subject as participles ("soldiers arrested more than 100 Palestinians":
 * VBN), and the parser then takes the object for an oblique.  A
 * participle the parse gives a nominal subject of its own and no
 * auxiliary cannot be one in English: it is a finite past.  Such verbs are
 * retagged VBD and their sentence parsed again with the corrected tags --
 * a few sentences in a hundred, so the cost is small. */
/* Words that make a noun phrase after a participle a time, not an object
 * ("taken last year", "signed this week"). */
static int time_word(const dyad_doc *doc, size_t i) {
    static const char *const w[] = {"last", "next", "this", "that", "each", "every", "yesterday", "today",
                                    "tomorrow", "earlier", "later", "monday", "tuesday", "wednesday",
                                    "thursday", "friday", "saturday", "sunday", NULL};
    return word_in(doc, i, w);
}

/* A sentence with no finite verb whose participle takes an object is a
 * past tense the tagger read as a participle: "Russian President Boris
 * Yeltsin on Saturday hosted Japanese Prime Minister Ryutaro Hashimoto"
 * parsed with "Russian" as its root.  A headline's reduced passive ("Man
 * arrested after chase") has no object and stays.  Retags the first such
 * participle VBD; returns 1 if it did. */
static int verbless_participle(dyad_doc *doc, size_t a, size_t z) {
    size_t cand = z, nouns = 0;
    for (size_t i = a; i < z; i++) {
        const tokan *v = &doc->an[i];
        if (v->xpos == XPOS_VBD || v->xpos == XPOS_VBZ || v->xpos == XPOS_VBP || v->xpos == XPOS_MD ||
            (v->xpos == XPOS_VB && v->upos == UPOS_VERB &&
             (i == a || doc->an[i - 1].upos == UPOS_PUNCT || doc->an[i - 1].upos == UPOS_INTJ)))
            /* (an imperative: "See attached file", "please see attached") */
            return 0;
        if (v->upos == UPOS_NOUN || v->upos == UPOS_PROPN || v->upos == UPOS_PRON) nouns++;
        if (cand == z && v->xpos == XPOS_VBN && v->upos == UPOS_VERB && nouns && i + 1 < z && i > a) {
            const tokan *n = &doc->an[i + 1];
            const tokan *pv = &doc->an[i - 1];
            int obj = n->xpos == XPOS_DT || n->xpos == XPOS_JJ || n->xpos == XPOS_NNP || n->xpos == XPOS_NNPS ||
                      n->xpos == XPOS_NN || n->xpos == XPOS_NNS || n->xpos == XPOS_CD || n->xpos == XPOS_PRPS;
            /* not after "the", "a", "been", "being", "having" */
            int pre = pv->upos == UPOS_DET || pv->upos == UPOS_AUX || pv->xpos == XPOS_VBG || pv->xpos == XPOS_IN ||
                      pv->xpos == XPOS_PRPS || pv->upos == UPOS_ADJ || pv->upos == UPOS_ADV || pv->upos == UPOS_NUM;
            if (obj && !pre && !time_word(doc, i + 1)) cand = i;
        }
    }
    if (cand == z) return 0;
    tokan *v = &doc->an[cand];
    v->xpos = XPOS_VBD;
    v->feats = (uint16_t)((v->feats & ~(FEAT_VERBFORM_PART | FEAT_VOICE_PASS)) | FEAT_VERBFORM_FIN | FEAT_MOOD_IND |
                          FEAT_TENSE_PAST);
    return 1;
}


/* "Sources close to her campaign say", "people familiar with the talks
 * said": a noun with an adjective and its phrase after it, then the
 * verb.  The parser takes "close" for the main verb or "talks" for the
 * subject; the source of anonymous news lost its verb.  Rewires noun ->
 * verb (nsubj), adjective -> noun (amod), phrase -> adjective (obl); the
 * adjective's other dependents move to the verb.  Left as it was if the
 * result would not be a tree. */
static void postnominal_adjective(dyad_doc *doc, size_t a, size_t z) {
    static const char *const adj[] = {"close", "familiar", "loyal", "sympathetic", "opposed", "allied", NULL};
    for (size_t c = a + 1; c + 2 < z; c++) {
        if (!word_in(doc, c, adj) || !(word_is(doc, c + 1, "to") || word_is(doc, c + 1, "with"))) continue;
        size_t n = c - 1;
        uint8_t nu = doc->an[n].upos;
        if (nu != UPOS_NOUN && nu != UPOS_PROPN && nu != UPOS_PRON) continue;
        /* the verb: the first finite one after the phrase, before any comma */
        size_t v = z;
        for (size_t k = c + 2; k < z && k < c + 12; k++) {
            const tokan *x = &doc->an[k];
            if (x->upos == UPOS_PUNCT) break;
            if (x->upos == UPOS_VERB && (x->xpos == XPOS_VBD || x->xpos == XPOS_VBZ || x->xpos == XPOS_VBP)) {
                v = k;
                break;
            }
            if (x->upos == UPOS_VERB || x->upos == UPOS_AUX) break;
        }
        if (v == z || v < c + 3) continue;
        if (doc->an[n].head == (int32_t)v && doc->an[n].deprel == DEP_NSUBJ) continue; /* right already */
        /* the phrase's head: the word of (c+1, v) whose head lies outside it */
        size_t o = z;
        for (size_t k = c + 2; k < v; k++) {
            int32_t h = doc->an[k].head;
            if (h < (int32_t)c + 1 || h >= (int32_t)v) o = k;
        }
        if (o == z) continue;
        int32_t save_h[PARSER_MAXW];
        uint8_t save_r[PARSER_MAXW];
        if (z - a > PARSER_MAXW) return;
        for (size_t k = a; k < z; k++) save_h[k - a] = doc->an[k].head, save_r[k - a] = doc->an[k].deprel;
        int32_t ch = doc->an[c].head;
        uint8_t cr = doc->an[c].deprel;
        for (size_t k = a; k < z; k++) /* the adjective's other dependents go to the verb */
            if (doc->an[k].head == (int32_t)c && k != n && (k <= c || k >= v)) doc->an[k].head = (int32_t)v;
        if (doc->an[v].head == (int32_t)c || ch < 0 || ch == (int32_t)v) {
            /* the verb takes the adjective's place (the root, or a clause under it) */
            if (ch != (int32_t)v && ch != (int32_t)n) doc->an[v].head = ch, doc->an[v].deprel = cr;
            if (ch < 0) doc->an[v].head = -1, doc->an[v].deprel = DEP_ROOT;
        }
        doc->an[n].head = (int32_t)v, doc->an[n].deprel = DEP_NSUBJ;
        doc->an[c].head = (int32_t)n, doc->an[c].deprel = DEP_AMOD;
        doc->an[o].head = (int32_t)c, doc->an[o].deprel = DEP_OBL;
        /* a tree: one root, every head chain ends there */
        int roots = 0, ok = 1;
        for (size_t k = a; k < z && ok; k++) {
            if (doc->an[k].head < 0) {
                roots++;
                continue;
            }
            int32_t x = (int32_t)k;
            size_t steps = 0;
            while (x >= 0 && steps++ <= z - a) x = doc->an[x].head;
            ok = x < 0;
        }
        if (!ok || roots != 1) {
            for (size_t k = a; k < z; k++) doc->an[k].head = save_h[k - a], doc->an[k].deprel = save_r[k - a];
            continue;
        }
        doc->an[c].upos = UPOS_ADJ, doc->an[c].xpos = XPOS_JJ, doc->an[c].feats = 0; /* "close" is no verb here */
    }
}

/* "Guerrillas wounded two British soldiers": an -ed form the tagger read
 * as an adjective, right after a bare noun and right before a numeral or
 * a determiner opening its object, is a past tense ("the wounded two" or
 * "soldiers wounded two days ago" are not: a determiner before the noun,
 * a time after the numeral).  Retags it VBD; returns 1 if it did. */
static int adjective_past(dyad_doc *doc, size_t a, size_t z) {
    static const char *const times[] = {"days", "weeks", "months", "years", "hours", "minutes", "decades", NULL};
    int fixed = 0;
    for (size_t i = a + 1; i + 2 < z; i++) {
        tokan *v = &doc->an[i];
        const tok *t = &doc->toks[i];
        size_t n = t->end - t->start;
        if (v->xpos != XPOS_JJ || n < 5 || memcmp(doc->text + t->end - 2, "ed", 2) != 0) continue;
        const tokan *pv = &doc->an[i - 1], *nx = &doc->an[i + 1];
        if (pv->xpos != XPOS_NNS && pv->xpos != XPOS_NNP && pv->xpos != XPOS_NNPS) continue;
        if (nx->xpos != XPOS_CD && nx->xpos != XPOS_DT && nx->xpos != XPOS_PRPS) continue;
        if (nx->xpos == XPOS_DT && (word_is(doc, i + 1, "that") || word_is(doc, i + 1, "which"))) continue;
        if (word_in(doc, i + 2, times)) continue;
        v->upos = UPOS_VERB;
        v->xpos = XPOS_VBD;
        v->feats = (uint16_t)(FEAT_VERBFORM_FIN | FEAT_MOOD_IND | FEAT_TENSE_PAST);
        fixed = 1;
    }
    return fixed;
}

/* "backed Keller's call to ban refugees": an infinitive right after a
 * noun that takes one (call, plan, bid, decision...) is the noun's
 * complement (acl), but the parser often hangs it from the verb (advcl,
 * xcomp), and the event stage then reads "ban" as the backer's act.  Moves
 * such an infinitive to the noun when the noun hangs from that same verb
 * (so the tree stays a tree and projective). */
static void noun_infinitive(dyad_doc *doc, size_t a, size_t z) {
    static const char *const nouns[] = {
        "ability", "agreement", "appeal", "attempt", "authority", "bid", "call", "calls", "campaign", "chance",
        "commitment", "deal", "decision", "demand", "demands", "desire", "determination", "drive", "effort",
        "efforts", "failure", "initiative", "intention", "invitation", "mandate", "motion", "move", "need",
        "offer", "opportunity", "order", "orders", "permission", "plan", "plans", "pledge", "power", "promise",
        "proposal", "push", "readiness", "refusal", "request", "right", "threat", "threats", "vow",
        "willingness", NULL};
    for (size_t n = a; n + 2 < z; n++) {
        tokan *x = &doc->an[n], *v = &doc->an[n + 2];
        if (x->upos != UPOS_NOUN || !word_is(doc, n + 1, "to") || doc->an[n + 1].upos != UPOS_PART) continue;
        if (v->upos != UPOS_VERB || v->xpos != XPOS_VB || (v->deprel != DEP_ADVCL && v->deprel != DEP_XCOMP)) continue;
        if (v->head < 0 || x->head != v->head || !word_in(doc, n, nouns)) continue;
        if (doc->an[n + 1].head != (int32_t)(n + 2)) continue;
        v->head = (int32_t)n;
        v->deprel = DEP_ACL;
    }
}

int parser_refine(const parser *p, dyad_doc *doc) {
    if (!p || !doc) return DYAD_EINVAL;
    if (!doc->parsed || !doc->an) return DYAD_OK;
    parser_state st; /* about 30 KB, as in parser_parse_words */
    for (size_t s = 0; s < doc->nsent; s++) {
        size_t a = doc->sents[s].first, z = doc->sents[s].last;
        if (z > doc->ntok) z = doc->ntok;
        if (a >= z || z - a > PARSER_MAXW) continue;
        int fixed = 0;
        for (size_t i = a; i < z; i++) {
            tokan *v = &doc->an[i];
            if (v->xpos != XPOS_VBN || v->upos != UPOS_VERB) continue;
            if (v->deprel == DEP_ACL || v->deprel == DEP_AMOD || v->deprel == DEP_ACL_RELCL) continue;
            int subj = 0, aux = 0;
            for (size_t k = a; k < z; k++) {
                if (doc->an[k].head != (int32_t)i) continue;
                uint8_t r = doc->an[k].deprel;
                if (r == DEP_NSUBJ && k < i) subj = 1;
                if (r == DEP_AUX || r == DEP_AUX_PASS || r == DEP_NSUBJ_PASS) aux = 1;
            }
            if (!subj || aux) continue;
            v->xpos = XPOS_VBD;
            v->feats = (uint16_t)((v->feats & ~(FEAT_VERBFORM_PART | FEAT_VOICE_PASS)) | FEAT_VERBFORM_FIN |
                                  FEAT_MOOD_IND | FEAT_TENSE_PAST);
            fixed = 1;
        }
        if (!fixed) fixed = verbless_participle(doc, a, z);
        fixed |= adjective_past(doc, a, z);
        if (fixed) {
            source src = {NULL, NULL, NULL, NULL, doc, a};
            sink k = {NULL, NULL, doc->an, a};
            parse_source(p, &src, (int)(z - a), &k, &st);
        }
        postnominal_adjective(doc, a, z);
        noun_infinitive(doc, a, z);
    }
    return DYAD_OK;
}

/* See parser.h.  Tokens outside every sentence stay roots of their own
 * (head -1, relation dep).  The LANES states (about 30 KB each) live on
 * the stack: no allocation. */
int parser_run(const parser *p, dyad_doc *doc) {
    if (!p || !doc) return DYAD_EINVAL;
    if (doc->ntok == 0) {
        doc->parsed = 1;
        return DYAD_OK;
    }
    if (!doc->tagged || !doc->an) return DYAD_EINVAL;
    for (size_t i = 0; i < doc->ntok; i++) {
        doc->an[i].head = -1;
        doc->an[i].deprel = DEP_DEP;
    }
    for (size_t s = 0; s < doc->nsent; s++) { /* word counts are ints */
        size_t first = doc->sents[s].first, last = doc->sents[s].last;
        if (last > doc->ntok) last = doc->ntok;
        if (first < last && last - first > (size_t)1 << 30) return DYAD_EINVAL;
    }
    parser_state st[LANES];
    cons cs[LANES];
    parse_doc(p, doc, st, cs);
    doc->parsed = 1;
    return DYAD_OK;
}

/* ---- opening ------------------------------------------------------------------------ */

static int fail(char *err, size_t errlen, const char *msg) {
    if (err && errlen) {
        size_t n = strlen(msg);
        if (n >= errlen) n = errlen - 1;
        memcpy(err, msg, n);
        err[n] = 0;
    }
    return DYAD_EFORMAT;
}

/* Map a section of NUL-terminated names onto ud ids with idfn; count names. */
static int map_names(const model *m, const char *sect, uint32_t count, int (*idfn)(const char *, size_t),
                     int *ids, char *err, size_t errlen) {
    uint64_t size;
    const char *s = model_section(m, sect, &size);
    if (!s || size == 0 || s[size - 1] != 0) return fail(err, errlen, "parser model: bad name table");
    uint64_t off = 0;
    for (uint32_t i = 0; i < count; i++) {
        if (off >= size) return fail(err, errlen, "parser model: name table too short");
        size_t n = strlen(s + off);
        ids[i] = idfn(s + off, n);
        off += n + 1;
    }
    return DYAD_OK;
}

/* The word lists of titled_names must be in byte order for form_in. */
static int lists_sorted(void) {
    const char *const *lists[] = {TITLES,    OF_TITLES,    OF_TITLES2, NOT_NAMES,
                                  DATE_NAMES, FIXED_BEFORE, DAY_WORDS, SAY_VERBS, NP_PREPS, ORG_ENDS};
    size_t sizes[] = {sizeof TITLES / sizeof *TITLES,       sizeof OF_TITLES / sizeof *OF_TITLES,
                      sizeof OF_TITLES2 / sizeof *OF_TITLES2, sizeof NOT_NAMES / sizeof *NOT_NAMES,
                      sizeof DATE_NAMES / sizeof *DATE_NAMES, sizeof FIXED_BEFORE / sizeof *FIXED_BEFORE,
                      sizeof DAY_WORDS / sizeof *DAY_WORDS,   sizeof SAY_VERBS / sizeof *SAY_VERBS,
                      sizeof NP_PREPS / sizeof *NP_PREPS,     sizeof ORG_ENDS / sizeof *ORG_ENDS};
    for (int l = 0; l < 10; l++)
        for (size_t i = 1; i < sizes[l]; i++)
            if (strcmp(lists[l][i - 1], lists[l][i]) >= 0) return 0;
    return 1;
}

static int open_model(parser *p, char *err, size_t errlen) {
    if (!lists_sorted()) return fail(err, errlen, "parser: title lists out of order (src/parser.c)");
    const uint32_t *meta = model_need(&p->m, "meta", 32, err, errlen);
    if (!meta) return DYAD_EFORMAT;
    uint32_t tb = meta[0], lb = meta[1], nrows = meta[2], nlab = meta[3];
    uint32_t nupos = meta[4], nxpos = meta[5];
    if (!tb || (tb & (tb - 1)) || tb > (1u << 26) || !lb || (lb & (lb - 1)) || lb > (1u << 26) ||
        nrows > 65535 || nlab == 0 || nlab > 64 || nupos == 0 || nupos > 250 || nxpos == 0 || nxpos > 250)
        return fail(err, errlen, "parser model: bad sizes");
    p->trans = model_need(&p->m, "trans", (uint64_t)tb * 64, err, errlen);
    p->lbuck = model_need(&p->m, "lbuck", (uint64_t)lb * 32, err, errlen);
    if (!p->trans || !p->lbuck) return DYAD_EFORMAT;
    uint64_t sz;
    p->lrows = model_section(&p->m, "lrows", &sz);
    if (!p->lrows || sz != (uint64_t)nrows * 128) return fail(err, errlen, "parser model: bad lrows");
    p->tmask = tb - 1;
    p->lmask = lb - 1;
    p->nlab = nlab;
    /* A label feature's row must exist: check every occupied slot. */
    for (uint64_t i = 0; i < (uint64_t)lb * 16; i += 16)
        for (int j = 0; j < 8; j++)
            if (p->lbuck[i + (uint64_t)j] && p->lbuck[i + 8 + (uint64_t)j] >= nrows)
                return fail(err, errlen, "parser model: label row out of range");

    int ids[256];
    int rc = map_names(&p->m, "labels", nlab, ud_dep_id, ids, err, errlen);
    if (rc) return rc;
    p->root_label = -1;
    for (uint32_t i = 0; i < nlab; i++) {
        p->dep_of[i] = (uint8_t)(ids[i] < 0 ? DEP_DEP : ids[i]);
        if (ids[i] == DEP_ROOT) p->root_label = (int)i;
    }
    for (uint32_t i = nlab; i < 64; i++) p->dep_of[i] = DEP_DEP;
    memset(p->lab_of, NO_LABEL, sizeof p->lab_of);
    for (uint32_t i = 0; i < nlab; i++)
        if (ids[i] >= 0 && ids[i] < DEP_COUNT && p->lab_of[ids[i]] == NO_LABEL) p->lab_of[ids[i]] = (uint8_t)i;
    if (p->root_label < 0) return fail(err, errlen, "parser model: no root label");
    /* Unknown runtime tags map to the model's X / XX (or index 0). */
    rc = map_names(&p->m, "upos", nupos, ud_upos_id, ids, err, errlen);
    if (rc) return rc;
    memset(p->upos_map, 0, sizeof p->upos_map);
    for (uint32_t i = 0; i < nupos; i++)
        if (ids[i] >= 0 && ids[i] < UPOS_COUNT) p->upos_map[ids[i]] = (uint8_t)i;
    rc = map_names(&p->m, "xpos", nxpos, ud_xpos_id, ids, err, errlen);
    if (rc) return rc;
    memset(p->xpos_map, 0, sizeof p->xpos_map);
    for (uint32_t i = 0; i < nxpos; i++)
        if (ids[i] >= 0 && ids[i] < XPOS_COUNT) p->xpos_map[ids[i]] = (uint8_t)i;
    return DYAD_OK;
}

/* See parser.h: model_open validates the image, open_model the sections. */
int parser_open(parser **out, const void *buf, size_t len, char *err, size_t errlen) {
    if (!out) return DYAD_EINVAL;
    *out = NULL;
    parser *p = calloc(1, sizeof *p);
    if (!p) return DYAD_ENOMEM;
    int rc = model_open(&p->m, buf, len, PARSER_KIND, PARSER_VERSION, err, errlen);
    if (rc == DYAD_OK) rc = open_model(p, err, errlen);
    if (rc != DYAD_OK) {
        model_close(&p->m);
        free(p);
        return rc;
    }
    *out = p;
    return DYAD_OK;
}

/* See parser.h: the mapping is owned by the parser. */
int parser_open_file(parser **out, const char *path, char *err, size_t errlen) {
    if (!out || !path) return DYAD_EINVAL;
    *out = NULL;
    parser *p = calloc(1, sizeof *p);
    if (!p) return DYAD_ENOMEM;
    int rc = model_map(&p->m, path, PARSER_KIND, PARSER_VERSION, err, errlen);
    if (rc == DYAD_OK) rc = open_model(p, err, errlen);
    if (rc != DYAD_OK) {
        model_close(&p->m);
        free(p);
        return rc;
    }
    *out = p;
    return DYAD_OK;
}

/* Release the parser and its mapping; NULL is a no-op. */
void parser_close(parser *p) {
    if (!p) return;
    model_close(&p->m);
    free(p);
}
