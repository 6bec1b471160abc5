/* train_parser.c -- train and evaluate the dependency parser (src/parser.c).
 *
 *   train_parser --train TRAIN.conllu --dev DEV.conllu --out MODEL
 *                [--iters N] [--seed S] [--tags TRAIN-TAGGED.conllu]
 *                [--dev-tags DEV-TAGGED.conllu] [--skip-nonproj] [--explore P]
 *                [--prune X] [--load L] [--tagger TAGGER] [--train-taggers T0,T1,...]
 *   train_parser --eval MODEL TEST.conllu [--tags TEST-TAGGED.conllu]
 *                [--tagger TAGGER] [--repeat N] [--errors]
 *
 * Training is an averaged perceptron with the dynamic oracle of the
 * arc-hybrid system (Goldberg & Nivre 2013): at each state every valid move
 * gets its exact cost (gold arcs it makes unreachable); the best-scoring
 * zero-cost move is the target, and from the second iteration on the parser
 * follows its own prediction with probability P (0.7) even when it is
 * wrong, so it learns to recover from its mistakes.  Labels are a second
 * perceptron trained on arcs whose head is right.  After every iteration
 * the averaged weights are written into a model image in memory, opened with
 * parser_open and scored on dev (the exact runtime path); the image of the
 * best dev LAS is written to MODEL.  Single-threaded and deterministic: the
 * only randomness (sentence order, exploration) comes from --seed.
 *
 * --tags replaces the UPOS/XPOS columns of TRAIN by those of a copy with
 * predicted tags (same words); --dev-tags likewise for dev.  --tagger
 * tags dev (and train, and the eval file) with a tagger model through
 * tagger_tag_words; --train-taggers tags train sentence i with the
 * (i mod k)-th of k jackknife models instead (see models/PARSER.md for the
 * fold recipe).  Eval mode
 * prints UAS, LAS (full labels with subtypes) and LAS on universal labels
 * (CoNLL 2018) over all words, punctuation included, and tokens/s of
 * parser_parse_words alone; --errors adds the 20 relations that lose most
 * words (head or label wrong). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/conllu.h"
#include "../src/model.h"
#include "../src/parser.h"
#include "../src/strbuf.h"
#include "../src/tagger.h"
#include "../src/ud.h"
#include "dyad.h"

/* ---- data ---------------------------------------------------------------------- */

typedef struct tsent {
    int n;
    const char **forms;
    size_t *lens;
    uint8_t *upos, *xpos, *lab;
    int *gold; /* 0-based head, n for the root */
    int nonproj;
} tsent;

typedef struct tset {
    cu_corpus c, tags;
    tsent *s;
    size_t n, nwords;
} tset;

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return p;
}

static void *xcalloc(size_t n, size_t sz) {
    void *p = calloc(n ? n : 1, sz);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return p;
}

static int crosses(const int *g, int n, int i) {
    int a = i < g[i] ? i : g[i], b = i < g[i] ? g[i] : i;
    for (int k = a + 1; k < b; k++)
        if (g[k] < a || g[k] > b) return 1;
    return 0;
}

static int load(tset *t, const char *path, const char *tagpath) {
    char err[256];
    memset(t, 0, sizeof *t);
    if (cu_read(&t->c, path, err, sizeof err)) {
        fprintf(stderr, "%s: %s\n", path, err);
        return -1;
    }
    if (tagpath) {
        if (cu_read(&t->tags, tagpath, err, sizeof err)) {
            fprintf(stderr, "%s: %s\n", tagpath, err);
            return -1;
        }
        if (t->tags.n != t->c.n) {
            fprintf(stderr, "%s: %zu sentences, %s has %zu\n", tagpath, t->tags.n, path, t->c.n);
            return -1;
        }
    }
    t->s = xcalloc(t->c.n, sizeof *t->s);
    for (size_t i = 0; i < t->c.n; i++) {
        const cu_sent *cs = &t->c.s[i];
        const cu_sent *ts = tagpath ? &t->tags.s[i] : cs;
        if (ts->n != cs->n) {
            fprintf(stderr, "%s: sentence %zu has %d words, %d in %s\n", tagpath, i + 1, ts->n, cs->n, path);
            return -1;
        }
        tsent *s = &t->s[t->n++];
        int n = cs->n;
        s->n = n;
        s->forms = xmalloc((size_t)n * sizeof *s->forms);
        s->lens = xmalloc((size_t)n * sizeof *s->lens);
        s->upos = xmalloc((size_t)n);
        s->xpos = xmalloc((size_t)n);
        s->lab = xmalloc((size_t)n);
        s->gold = xmalloc((size_t)n * sizeof *s->gold);
        for (int k = 0; k < n; k++) {
            const cu_word *w = &cs->w[k];
            s->forms[k] = w->form;
            s->lens[k] = strlen(w->form);
            int u = ud_upos_id(ts->w[k].upos, strlen(ts->w[k].upos));
            int x = ud_xpos_id(ts->w[k].xpos, strlen(ts->w[k].xpos));
            int d = ud_dep_id(w->deprel, strlen(w->deprel));
            s->upos[k] = (uint8_t)(u < 0 ? UPOS_X : u);
            s->xpos[k] = (uint8_t)(x < 0 ? XPOS_XX : x);
            s->lab[k] = (uint8_t)(d < 0 ? DEP_DEP : d);
            s->gold[k] = w->head <= 0 || w->head > n ? n : w->head - 1;
        }
        for (int k = 0; k < n && !s->nonproj; k++) s->nonproj = crosses(s->gold, n, k);
        t->nwords += (size_t)n;
    }
    return 0;
}

static void tset_free(tset *t) {
    for (size_t i = 0; i < t->n; i++) {
        tsent *s = &t->s[i];
        free(s->forms);
        free(s->lens);
        free(s->upos);
        free(s->xpos);
        free(s->lab);
        free(s->gold);
    }
    free(t->s);
    cu_free(&t->c);
    cu_free(&t->tags);
}

/* Replace the tags of t by those of a tagger: sentence i gets tg[i % ntg]
 * (one tagger, or jackknife folds: fold k's tagger never saw sentence
 * i with i % ntg == k). */
static int retag(tset *t, tagger *const *tg, int ntg) {
    uint16_t feats[PARSER_MAXW];
    size_t agree = 0;
    for (size_t i = 0; i < t->n; i++) {
        tsent *s = &t->s[i];
        if (s->n > PARSER_MAXW) continue;
        uint8_t u[PARSER_MAXW], x[PARSER_MAXW];
        int rc = tagger_tag_words(tg[i % (size_t)ntg], s->forms, s->lens, s->n, u, x, feats, NULL, NULL, 0);
        if (rc) {
            fprintf(stderr, "tagger failed on sentence %zu: %s\n", i + 1, dyad_errstr(rc));
            return -1;
        }
        for (int k = 0; k < s->n; k++) agree += s->upos[k] == u[k] && s->xpos[k] == x[k];
        memcpy(s->upos, u, (size_t)s->n);
        memcpy(s->xpos, x, (size_t)s->n);
    }
    fprintf(stderr, "retagged %zu sentences with %d tagger(s): UPOS+XPOS as before on %.2f%% of words\n", t->n,
            ntg, 100.0 * (double)agree / (double)(t->nwords ? t->nwords : 1));
    return 0;
}

/* Open a comma-separated list of tagger models into tg (at most max). */
static int open_taggers(const char *list, tagger **tg, int max) {
    int n = 0;
    char path[4096], err[256];
    while (*list && n < max) {
        size_t len = strcspn(list, ",");
        if (len >= sizeof path) return -1;
        memcpy(path, list, len);
        path[len] = 0;
        if (tagger_open_file(&tg[n], path, err, sizeof err)) {
            fprintf(stderr, "%s: %s\n", path, err);
            return -1;
        }
        n++;
        list += len;
        if (*list == ',') list++;
    }
    return n;
}

/* ---- training weights ------------------------------------------------------------- */

/* Feature hash -> row, open addressing on the full 64-bit hash. */
typedef struct fmap {
    uint64_t *keys;
    uint32_t *rows;
    size_t cap, n;
} fmap;

static void fmap_init(fmap *m, size_t cap) {
    m->cap = cap;
    m->n = 0;
    m->keys = xcalloc(cap, sizeof *m->keys);
    m->rows = xcalloc(cap, sizeof *m->rows);
}

static inline uint64_t fkey(uint64_t f) { return f ? f : 1; }

static inline int64_t fmap_get(const fmap *m, uint64_t f) {
    uint64_t k = fkey(f);
    size_t i = (size_t)(k & (m->cap - 1));
    for (;;) {
        if (m->keys[i] == k) return m->rows[i];
        if (m->keys[i] == 0) return -1;
        i = (i + 1) & (m->cap - 1);
    }
}

static uint32_t fmap_add(fmap *m, uint64_t f, uint32_t row);

static void fmap_grow(fmap *m) {
    fmap o = *m;
    fmap_init(m, o.cap * 2);
    for (size_t i = 0; i < o.cap; i++)
        if (o.keys[i]) fmap_add(m, o.keys[i], o.rows[i]);
    free(o.keys);
    free(o.rows);
}

static uint32_t fmap_add(fmap *m, uint64_t f, uint32_t row) {
    if ((m->n + 1) * 2 > m->cap) fmap_grow(m);
    uint64_t k = fkey(f);
    size_t i = (size_t)(k & (m->cap - 1));
    while (m->keys[i] && m->keys[i] != k) i = (i + 1) & (m->cap - 1);
    if (!m->keys[i]) {
        m->keys[i] = k;
        m->rows[i] = row;
        m->n++;
    }
    return m->rows[i];
}

/* A perceptron with ncls classes: w and the timestamped sum u for
 * averaging (avg = w - u / c). */
typedef struct percep {
    int ncls;
    fmap map;
    int32_t *w;
    int64_t *u;
    size_t nrows, caprows;
    int64_t c; /* instances seen */
} percep;

static void percep_init(percep *p, int ncls, size_t cap) {
    memset(p, 0, sizeof *p);
    p->ncls = ncls;
    fmap_init(&p->map, cap);
    p->c = 1;
}

static void percep_free(percep *p) {
    free(p->map.keys);
    free(p->map.rows);
    free(p->w);
    free(p->u);
}

static uint32_t percep_row(percep *p, uint64_t f) {
    int64_t r = fmap_get(&p->map, f);
    if (r >= 0) return (uint32_t)r;
    if (p->nrows == p->caprows) {
        p->caprows = p->caprows ? p->caprows * 2 : 1 << 16;
        p->w = realloc(p->w, p->caprows * (size_t)p->ncls * sizeof *p->w);
        p->u = realloc(p->u, p->caprows * (size_t)p->ncls * sizeof *p->u);
        if (!p->w || !p->u) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
    }
    size_t row = p->nrows++;
    memset(p->w + row * (size_t)p->ncls, 0, (size_t)p->ncls * sizeof *p->w);
    memset(p->u + row * (size_t)p->ncls, 0, (size_t)p->ncls * sizeof *p->u);
    fmap_add(&p->map, f, (uint32_t)row);
    return (uint32_t)row;
}

static void percep_score(const percep *p, const uint64_t *f, int nf, int64_t *sc) {
    for (int c = 0; c < p->ncls; c++) sc[c] = 0;
    for (int i = 0; i < nf; i++) {
        int64_t r = fmap_get(&p->map, f[i]);
        if (r < 0) continue;
        const int32_t *w = p->w + (size_t)r * (size_t)p->ncls;
        for (int c = 0; c < p->ncls; c++) sc[c] += w[c];
    }
}

static void percep_update(percep *p, const uint64_t *f, int nf, int good, int bad) {
    for (int i = 0; i < nf; i++) {
        size_t r = percep_row(p, f[i]) * (size_t)p->ncls;
        p->w[r + (size_t)good]++;
        p->u[r + (size_t)good] += p->c;
        p->w[r + (size_t)bad]--;
        p->u[r + (size_t)bad] -= p->c;
    }
}

static inline float avg(const percep *p, size_t i) {
    return (float)((double)p->w[i] - (double)p->u[i] / (double)p->c);
}

/* ---- oracle ------------------------------------------------------------------------- */

/* Exact cost of each valid move of the arc-hybrid system (Goldberg & Nivre
 * 2013), with the root at buffer position n. */
static void costs(const parser_state *st, const int *g, const int valid[PARSER_NMOVE], int cost[PARSER_NMOVE]) {
    int n = st->n, b = st->b, ns = st->nstack;
    int s0 = ns > 0 ? st->stack[ns - 1] : -1, s1 = ns > 1 ? st->stack[ns - 2] : -1;
    for (int m = 0; m < PARSER_NMOVE; m++) cost[m] = 1 << 20;
    if (valid[PARSER_SHIFT]) {
        int c = 0;
        for (int i = 0; i < ns; i++) {
            int s = st->stack[i];
            if (g[s] == b) c++;
            if (s != s0 && g[b] == s) c++;
        }
        cost[PARSER_SHIFT] = c;
    }
    if (s0 >= 0) {
        int kids = 0; /* s0's gold children still in the buffer */
        for (int k = b; k < n; k++)
            if (g[k] == s0) kids++;
        if (valid[PARSER_LEFT])
            cost[PARSER_LEFT] = kids + (g[s0] != b && (g[s0] == s1 || (g[s0] > b && g[s0] <= n)));
        if (valid[PARSER_RIGHT]) cost[PARSER_RIGHT] = kids + (g[s0] >= b && g[s0] <= n);
    }
}

static uint64_t rng_state;
static uint64_t rnd(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

typedef struct trainer {
    percep t, l;
    double explore;
    size_t moves, errs, arcs, larcs;
} trainer;

static void train_sent(trainer *tr, const tsent *s, int iter, parser_state *st) {
    for (int i = 0; i < s->n; i++) parser_state_word(st, i, s->forms[i], s->lens[i], s->upos[i], s->xpos[i]);
    parser_state_init(st, s->n);
    uint64_t f[PARSER_NFEAT], lf[PARSER_NLFEAT];
    int64_t sc[PARSER_NMOVE], lsc[64];
    while (!parser_state_done(st)) {
        int nf = parser_state_feats(st, f);
        percep_score(&tr->t, f, nf, sc);
        int valid[PARSER_NMOVE], cost[PARSER_NMOVE];
        parser_state_valid(st, valid);
        costs(st, s->gold, valid, cost);
        int pred = -1, gold = -1, minc = 1 << 20;
        for (int m = 0; m < PARSER_NMOVE; m++)
            if (valid[m] && cost[m] < minc) minc = cost[m];
        for (int m = 0; m < PARSER_NMOVE; m++) {
            if (!valid[m]) continue;
            if (pred < 0 || sc[m] > sc[pred]) pred = m;
            if (cost[m] == minc && (gold < 0 || sc[m] > sc[gold])) gold = m;
        }
        int move = gold;
        tr->moves++;
        if (cost[pred] > minc) {
            tr->errs++;
            percep_update(&tr->t, f, nf, gold, pred);
            if (iter > 0 && (double)(rnd() >> 11) / 9007199254740992.0 < tr->explore) move = pred;
        }
        tr->t.c++;
        int label = 0;
        if (move != PARSER_SHIFT) {
            int h, d;
            parser_state_arc(st, move, &h, &d);
            if (h == s->n) {
                label = DEP_ROOT;
            } else {
                int nl = parser_state_lfeats(st, move, lf);
                percep_score(&tr->l, lf, nl, lsc);
                int best = -1;
                for (int c = 0; c < DEP_COUNT; c++)
                    if (c != DEP_ROOT && (best < 0 || lsc[c] > lsc[best])) best = c;
                label = best;
                if (h == s->gold[d]) {
                    tr->larcs++;
                    if (best != s->lab[d]) {
                        percep_update(&tr->l, lf, nl, s->lab[d], best);
                        tr->arcs++;
                    }
                    tr->l.c++;
                }
            }
        }
        parser_state_apply(st, move, label);
    }
}

/* ---- model image -------------------------------------------------------------------- */

static size_t pow2_at_least(size_t n) {
    size_t p = 1024;
    while (p < n) p *= 2;
    return p;
}

static void names_section(model_writer *w, const char *name, const char *const *names, int n) {
    strbuf b;
    sb_init(&b);
    for (int i = 0; i < n; i++) sb_putn(&b, names[i], strlen(names[i]) + 1);
    mw_add(w, name, b.s, b.len);
    sb_free(&b);
}

/* A feature's place in the image order: most important first, so that a
 * full bucket only ever drops the least useful features. */
typedef struct ranked {
    uint64_t f;
    float imp;
    uint32_t row;
} ranked;

static int by_importance(const void *a, const void *b) {
    const ranked *x = a, *y = b;
    if (x->imp != y->imp) return x->imp > y->imp ? -1 : 1;
    return x->f < y->f ? -1 : x->f > y->f;
}

/* Features of map whose averaged weights reach prune, ranked. */
static ranked *rank_features(const percep *p, double prune, size_t *n, float *maxabs) {
    ranked *r = xmalloc((p->map.n ? p->map.n : 1) * sizeof *r);
    size_t k = 0;
    *maxabs = 1e-6f;
    for (size_t i = 0; i < p->map.cap; i++) {
        if (!p->map.keys[i]) continue;
        uint32_t row = p->map.rows[i];
        float imp = 0;
        for (int c = 0; c < p->ncls; c++) imp = fmaxf(imp, fabsf(avg(p, (size_t)row * (size_t)p->ncls + (size_t)c)));
        if ((double)imp <= prune) continue;
        *maxabs = fmaxf(*maxabs, imp);
        r[k].f = p->map.keys[i];
        r[k].imp = imp;
        r[k++].row = row;
    }
    qsort(r, k, sizeof *r, by_importance);
    *n = k;
    return r;
}

static int16_t quant(float v, float scale) {
    long q = lroundf(v / scale);
    return (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
}

/* Averaged weights with max |w| <= prune dropped (features that never
 * mattered) into a runtime image appended to out. */
static int build_image(const trainer *tr, double prune, double load, strbuf *out, size_t *ntrans, size_t *nlfeat,
                       size_t *dropped) {
    const percep *t = &tr->t, *l = &tr->l;
    size_t nt, nl;
    float tmax, lmax;
    ranked *rt = rank_features(t, prune, &nt, &tmax);
    ranked *rl = rank_features(l, prune, &nl, &lmax);
    if (nl > 65535) nl = 65535; /* u16 row numbers: the least useful go */
    *dropped = 0;

    /* Transitions: 8 slots per bucket, at most load full.  A smaller table
     * stays in cache; what overflows a bucket is the least important
     * features (inserted last). */
    size_t tb = pow2_at_least((size_t)((double)nt / (8.0 * load)) + 1);
    uint16_t *trans = xcalloc(tb * 32, sizeof *trans);
    float tscale = tmax / 32767.0f;
    size_t kept = 0;
    for (size_t i = 0; i < nt; i++) {
        uint64_t f = rt[i].f;
        uint16_t *b = trans + (f & (tb - 1)) * 32, key = (uint16_t)((f >> 48) | 1u);
        int j = 0;
        while (j < 8 && b[j] && b[j] != key) j++;
        if (j == 8 || b[j] == key) { /* full, or the same key: a collision; keep the first */
            (*dropped)++;
            continue;
        }
        b[j] = key;
        for (int c = 0; c < 3; c++) b[8 + c * 8 + j] = (uint16_t)quant(avg(t, (size_t)rt[i].row * 3 + (size_t)c), tscale);
        kept++;
    }
    *ntrans = kept;

    /* Labels: one dense row of 64 weights per feature; 16-bit saturating
     * sums of ~32 features at runtime, so the largest weight maps to 4000. */
    size_t lb = pow2_at_least(nl * 10 / 48 + 1);
    uint16_t *lbuck = xcalloc(lb * 16, sizeof *lbuck);
    int16_t *lrows = xcalloc(nl * 64 + 1, sizeof *lrows);
    float lscale = lmax / 4000.0f;
    size_t nrows = 0;
    for (size_t i = 0; i < nl; i++) {
        uint64_t f = rl[i].f;
        uint16_t *b = lbuck + (f & (lb - 1)) * 16, key = (uint16_t)((f >> 48) | 1u);
        int j = 0;
        while (j < 8 && b[j] && b[j] != key) j++;
        if (j == 8 || b[j] == key) {
            (*dropped)++;
            continue;
        }
        b[j] = key;
        b[8 + j] = (uint16_t)nrows;
        for (int c = 0; c < DEP_COUNT; c++)
            lrows[nrows * 64 + (size_t)c] = quant(avg(l, (size_t)rl[i].row * DEP_COUNT + (size_t)c), lscale);
        nrows++;
    }
    *nlfeat = nrows;

    uint32_t meta[8] = {(uint32_t)tb, (uint32_t)lb, (uint32_t)nrows, DEP_COUNT, UPOS_COUNT, XPOS_COUNT, 0, 0};
    model_writer w;
    mw_init(&w, PARSER_KIND, PARSER_VERSION);
    mw_add(&w, "meta", meta, sizeof meta);
    mw_add(&w, "trans", trans, tb * 64);
    mw_add(&w, "lbuck", lbuck, lb * 32);
    mw_add(&w, "lrows", lrows, nrows * 128);
    names_section(&w, "labels", ud_dep_names, DEP_COUNT);
    names_section(&w, "upos", ud_upos_names, UPOS_COUNT);
    names_section(&w, "xpos", ud_xpos_names, XPOS_COUNT);
    int rc = mw_build(&w, out);
    mw_free(&w);
    free(rt);
    free(rl);
    free(trans);
    free(lbuck);
    free(lrows);
    return rc || out->oom ? -1 : 0;
}

/* ---- evaluation --------------------------------------------------------------------- */

static int same_universal(int a, int b) {
    const char *x = ud_dep_names[a], *y = ud_dep_names[b];
    size_t nx = strcspn(x, ":"), ny = strcspn(y, ":");
    return nx == ny && memcmp(x, y, nx) == 0;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct scores {
    double uas, las, ulas, secs;
} scores;

/* Per gold relation: words, right head, right head and label. */
static size_t per_n[DEP_COUNT], per_h[DEP_COUNT], per_l[DEP_COUNT];

static scores evaluate(const parser *p, const tset *t, int repeat) {
    size_t total = 0, uh = 0, lh = 0, ul = 0;
    memset(per_n, 0, sizeof per_n);
    memset(per_h, 0, sizeof per_h);
    memset(per_l, 0, sizeof per_l);
    int *heads = xmalloc(1024 * sizeof *heads);
    uint8_t *deps = xmalloc(1024);
    double t0 = now();
    for (int r = 0; r < repeat; r++) {
        for (size_t i = 0; i < t->n; i++) {
            const tsent *s = &t->s[i];
            if (s->n > 1024) continue;
            parser_parse_words(p, s->forms, s->lens, s->upos, s->xpos, s->n, heads, deps);
            if (r) continue;
            for (int k = 0; k < s->n; k++) {
                int g = s->gold[k] == s->n ? 0 : s->gold[k] + 1;
                total++;
                per_n[s->lab[k]]++;
                if (heads[k] == g) {
                    uh++;
                    per_h[s->lab[k]]++;
                    if (deps[k] == s->lab[k]) lh++, per_l[s->lab[k]]++;
                    if (same_universal(deps[k], s->lab[k])) ul++;
                }
            }
        }
    }
    scores sc;
    sc.secs = (now() - t0) / repeat;
    sc.uas = 100.0 * (double)uh / (double)(total ? total : 1);
    sc.las = 100.0 * (double)lh / (double)(total ? total : 1);
    sc.ulas = 100.0 * (double)ul / (double)(total ? total : 1);
    free(heads);
    free(deps);
    return sc;
}

static int usage(void) {
    fprintf(stderr,
            "usage: train_parser --train TRAIN.conllu --dev DEV.conllu --out MODEL [--iters N] [--seed S]\n"
            "                    [--tags TRAIN-TAGGED.conllu] [--dev-tags DEV-TAGGED.conllu] [--skip-nonproj]\n"
            "                    [--explore P] [--prune X] [--load L] [--tagger TAGGER] [--train-taggers T0,T1,...]\n"
            "       train_parser --eval MODEL TEST.conllu [--tags TEST-TAGGED.conllu] [--tagger TAGGER] [--repeat N]\n"
            "                    [--errors]\n");
    return 2;
}

int main(int argc, char **argv) {
    const char *train = NULL, *dev = NULL, *out = NULL, *tags = NULL, *devtags = NULL, *evalm = NULL;
    const char *evalf = NULL, *tagm = NULL, *trtagm = NULL;
    tagger *tg[32], *trtg[32];
    int ntg = 0, ntrtg = 0;
    int iters = 15, skipnp = 0, repeat = 3, errors = 0;
    uint64_t seed = 1;
    double explore = 0.7, prune = 1.0, fill = 0.6;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--skip-nonproj")) { skipnp = 1; continue; }
        if (!strcmp(a, "--errors")) { errors = 1; continue; }
        if (!v) return usage();
        if (!strcmp(a, "--train")) train = v;
        else if (!strcmp(a, "--dev")) dev = v;
        else if (!strcmp(a, "--out")) out = v;
        else if (!strcmp(a, "--tags")) tags = v;
        else if (!strcmp(a, "--dev-tags")) devtags = v;
        else if (!strcmp(a, "--tagger")) tagm = v;
        else if (!strcmp(a, "--train-taggers")) trtagm = v;
        else if (!strcmp(a, "--iters")) iters = atoi(v);
        else if (!strcmp(a, "--seed")) seed = strtoull(v, NULL, 10);
        else if (!strcmp(a, "--explore")) explore = atof(v);
        else if (!strcmp(a, "--prune")) prune = atof(v);
        else if (!strcmp(a, "--load")) fill = atof(v);
        else if (!strcmp(a, "--repeat")) repeat = atoi(v);
        else if (!strcmp(a, "--eval")) {
            evalm = v;
            if (i + 2 >= argc) return usage();
            evalf = argv[i + 2];
            i++;
        } else return usage();
        i++;
    }
    char err[256];
    if (tagm && (ntg = open_taggers(tagm, tg, 1)) < 1) return 1;
    if (trtagm && (ntrtg = open_taggers(trtagm, trtg, 32)) < 1) return 1;
    if (evalm) {
        parser *p;
        double t0 = now();
        int rc = parser_open_file(&p, evalm, err, sizeof err);
        double topen = now() - t0;
        if (rc) {
            fprintf(stderr, "%s: %s\n", evalm, err);
            return 1;
        }
        tset t;
        if (load(&t, evalf, tags)) return 1;
        if (ntg && retag(&t, tg, 1)) return 1;
        if (repeat < 1) repeat = 1;
        scores sc = evaluate(p, &t, repeat);
        printf("%s: %zu sentences, %zu words, %s tags\n", evalf, t.n, t.nwords, ntg ? "tagger's" : tags ? "predicted" : "gold");
        printf("UAS %.2f  LAS %.2f  (universal labels: LAS %.2f)\n", sc.uas, sc.las, sc.ulas);
        if (errors) {
            printf("relation          words  head%%  head+label%%  errors\n");
            for (int k = 0; k < 20; k++) { /* the 20 relations losing most LAS points */
                int best = -1;
                for (int d = 0; d < DEP_COUNT; d++)
                    if (per_n[d] && (best < 0 || per_n[d] - per_l[d] > per_n[best] - per_l[best])) best = d;
                if (best < 0) break;
                printf("%-16s %6zu  %5.1f  %10.1f  %6zu\n", ud_dep_names[best], per_n[best],
                       100.0 * (double)per_h[best] / (double)per_n[best],
                       100.0 * (double)per_l[best] / (double)per_n[best], per_n[best] - per_l[best]);
                per_n[best] = per_l[best] = 0;
            }
        }
        printf("speed %.0f tokens/s (parse only, best of 1 core, mean of %d passes); open %.1f ms\n",
               (double)t.nwords / sc.secs, repeat, topen * 1e3);
        parser_close(p);
        tset_free(&t);
        for (int i = 0; i < ntg; i++) tagger_close(tg[i]);
        return 0;
    }
    if (!train || !dev || !out || iters < 1 || !(fill > 0.05 && fill <= 1.0)) return usage();
    rng_state = seed * 0x9e3779b97f4a7c15ULL + 0x1234567;
    tset tr_set, dev_set;
    if (load(&tr_set, train, tags) || load(&dev_set, dev, devtags)) return 1;
    if (ntrtg ? retag(&tr_set, trtg, ntrtg) : ntg ? retag(&tr_set, tg, 1) : 0) return 1;
    if (ntg && retag(&dev_set, tg, 1)) return 1;
    size_t nnp = 0;
    for (size_t i = 0; i < tr_set.n; i++) nnp += (size_t)tr_set.s[i].nonproj;
    fprintf(stderr, "train: %zu sentences (%zu non-projective%s), %zu words; dev: %zu sentences\n", tr_set.n, nnp,
            skipnp ? ", skipped" : "", tr_set.nwords, dev_set.n);
    trainer tr;
    memset(&tr, 0, sizeof tr);
    percep_init(&tr.t, 3, 1 << 22);
    percep_init(&tr.l, DEP_COUNT, 1 << 20);
    tr.explore = explore;
    size_t *order = xmalloc(tr_set.n * sizeof *order);
    for (size_t i = 0; i < tr_set.n; i++) order[i] = i;
    parser_state *st = xmalloc(sizeof *st);
    strbuf best;
    sb_init(&best);
    double best_las = -1;
    int best_iter = 0;
    for (int it = 0; it < iters; it++) {
        double t0 = now();
        for (size_t i = tr_set.n; i > 1; i--) {
            size_t j = (size_t)(rnd() % i);
            size_t tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        tr.moves = tr.errs = tr.arcs = tr.larcs = 0;
        for (size_t i = 0; i < tr_set.n; i++) {
            const tsent *s = &tr_set.s[order[i]];
            if (s->n < 1 || s->n > PARSER_MAXW || (skipnp && s->nonproj)) continue;
            train_sent(&tr, s, it, st);
        }
        strbuf img;
        sb_init(&img);
        size_t ntf, nlf, ndrop;
        if (build_image(&tr, prune, fill, &img, &ntf, &nlf, &ndrop)) {
            fprintf(stderr, "cannot build the model image\n");
            return 1;
        }
        parser *p;
        if (parser_open(&p, img.s, img.len, err, sizeof err)) {
            fprintf(stderr, "built image refused: %s\n", err);
            return 1;
        }
        scores sc = evaluate(p, &dev_set, 1);
        parser_close(p);
        fprintf(stderr,
                "iter %2d: move errors %.2f%%, label errors %.2f%%; %zu+%zu features (%zu dropped), %.1f MB; dev UAS %.2f LAS "
                "%.2f (%.0fs)\n",
                it + 1, 100.0 * (double)tr.errs / (double)tr.moves, 100.0 * (double)tr.arcs / (double)tr.larcs,
                ntf, nlf, ndrop, (double)img.len / 1e6, sc.uas, sc.las, now() - t0);
        if (sc.las > best_las) {
            best_las = sc.las;
            best_iter = it + 1;
            sb_free(&best);
            best = img;
        } else {
            sb_free(&img);
        }
    }
    FILE *fp = fopen(out, "wb");
    if (!fp || fwrite(best.s, 1, best.len, fp) != best.len || fclose(fp)) {
        fprintf(stderr, "%s: cannot write\n", out);
        return 1;
    }
    printf("best iteration %d: dev LAS %.2f; wrote %s (%.1f MB)\n", best_iter, best_las, out, (double)best.len / 1e6);
    sb_free(&best);
    free(order);
    free(st);
    percep_free(&tr.t);
    percep_free(&tr.l);
    tset_free(&tr_set);
    tset_free(&dev_set);
    for (int i = 0; i < ntg; i++) tagger_close(tg[i]);
    for (int i = 0; i < ntrtg; i++) tagger_close(trtg[i]);
    return 0;
}
