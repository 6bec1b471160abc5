/* train_tagger.c -- train and evaluate dyad's tagger and lemmatizer.
 *
 *   train_tagger --train TRAIN.conllu --dev DEV.conllu --out MODEL
 *                [--iters N] [--seed S] [--unlabeled NEWS.jsonl]...
 *   train_tagger --eval MODEL FILE.conllu [--repeat N] [--errors]
 *
 * Training: an averaged perceptron over the joint classes (XPOS, UPOS,
 * FEATS restricted to ud.h's bits) seen in TRAIN, decoded greedily with the
 * features of src/tagger.c (tg_prep / tg_feats: one definition for both
 * sides), plus word clusters and capitalization rates computed from
 * TRAIN and the --unlabeled JSON-lines texts (build_clusters).  Sentences are visited in a fresh shuffled order each iteration
 * (xorshift, fixed seed: the same inputs give the same bytes).  After every
 * iteration the averaged weights are quantized into a complete model image,
 * opened with tagger_open and scored on DEV through tagger_tag_words -- the
 * very code path the library uses -- and the best image (UPOS + XPOS on
 * DEV) is written out.  The lemma tables are built once from TRAIN: a
 * (XPOS, lower-cased form) -> most frequent lemma dictionary, and for every
 * (XPOS, suffix of 0..5 bytes) the most frequent rewrite "strip k bytes,
 * append s" over the distinct words ending so.
 *
 * Evaluation: gold tokenization, one sentence at a time through
 * tagger_tag_words; prints UPOS, XPOS, FEATS (all of ud.h's bits, and
 * Tense/VerbForm/Mood alone), lemma accuracy and tokens/s (tagging plus
 * lemmatization; --repeat N tags the file N times for a steadier clock). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/conllu.h"
#include "../src/model.h"
#include "../src/strbuf.h"
#include "../src/tagger.h"
#include "../src/ud.h"
#include "dyad.h"

#define TVM_MASK (FEAT_TENSE_PAST | FEAT_TENSE_PRES | FEAT_TENSE_FUT | FEAT_VERBFORM_FIN | FEAT_VERBFORM_INF | \
                  FEAT_VERBFORM_PART | FEAT_VERBFORM_GER | FEAT_MOOD_IND | FEAT_MOOD_IMP | FEAT_MOOD_SUB | FEAT_MOOD_CND)

static void die(const char *msg) {
    fprintf(stderr, "train_tagger: %s\n", msg);
    exit(1);
}

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) die("out of memory");
    return p;
}

static void *xcalloc(size_t n, size_t s) {
    void *p = calloc(n ? n : 1, s ? s : 1);
    if (!p) die("out of memory");
    return p;
}

static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) die("out of memory");
    return p;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int xpos_of(const cu_word *w) {
    int x = ud_xpos_id(w->xpos, strlen(w->xpos));
    return x < 0 ? XPOS_XX : x;
}
static int upos_of(const cu_word *w) {
    int u = ud_upos_id(w->upos, strlen(w->upos));
    return u < 0 ? UPOS_X : u;
}
static unsigned feats_of(const cu_word *w) { return ud_feats_parse(w->feats, strlen(w->feats)); }

/* ---- classes ------------------------------------------------------------ */

static uint32_t class_key(const cu_word *w) {
    return (uint32_t)xpos_of(w) | (uint32_t)upos_of(w) << 8 | (uint32_t)feats_of(w) << 16;
}

typedef struct {
    uint32_t key;
    long count;
} kc;

static int cmp_kc(const void *a, const void *b) {
    const kc *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

static uint32_t *classes; /* class id -> key, most frequent first */
static int nclass;

static int class_id(uint32_t key) {
    for (int c = 0; c < nclass; c++)
        if (classes[c] == key) return c;
    return -1;
}

static void build_classes(const cu_corpus *c) {
    kc *v = NULL;
    size_t n = 0;
    for (size_t i = 0; i < c->nwords; i++) {
        uint32_t k = class_key(&c->words[i]);
        size_t j = 0;
        while (j < n && v[j].key != k) j++;
        if (j == n) {
            v = xrealloc(v, (n + 1) * sizeof *v);
            v[n].key = k;
            v[n++].count = 0;
        }
        v[j].count++;
    }
    qsort(v, n, sizeof *v, cmp_kc);
    if (n > TG_MAXCLASS) n = TG_MAXCLASS; /* the rarest fall back to the nearest seen class */
    classes = xmalloc(n * sizeof *classes);
    for (size_t i = 0; i < n; i++) classes[i] = v[i].key;
    nclass = (int)n;
    free(v);
}

/* Gold class of a word: its own, or for a class cut off, the most frequent
 * class with the same XPOS. */
static int gold_class(const cu_word *w) {
    int c = class_id(class_key(w));
    if (c >= 0) return c;
    int x = xpos_of(w);
    for (int k = 0; k < nclass; k++)
        if ((int)(classes[k] & 0xff) == x) return k;
    return 0;
}

static void class_table(strbuf *b) {
    for (int c = 0; c < nclass; c++) {
        char fb[256];
        ud_feats_format(classes[c] >> 16, fb, sizeof fb);
        sb_printf(b, "%s\t%s\t%s\n", ud_xpos_names[classes[c] & 0xff], ud_upos_names[(classes[c] >> 8) & 0xff], fb);
    }
}

/* ---- perceptron --------------------------------------------------------- */

typedef struct entry {
    double tot; /* sum of w over the updates so far, for averaging */
    float w;
    int32_t ts; /* update counter at the last change of w */
    uint16_t cls;
} entry;

typedef struct frow {
    uint32_t start, cnt, cap; /* entries[start .. start+cnt) */
} frow;

static uint64_t *fhash; /* feature id -> hash */
static frow *rows;
static size_t nfeat, capfeat;
static uint64_t *fmap; /* open addressing: hash -> id+1 in the low 32 bits of a parallel array */
static uint32_t *fmapid;
static size_t fmapcap;
static entry *ents;
static size_t nent, capent;
static long tick; /* tokens seen */

static void fmap_grow(void) {
    size_t nc = fmapcap ? fmapcap * 2 : (1u << 20);
    uint64_t *nm = xcalloc(nc, sizeof *nm);
    uint32_t *ni = xcalloc(nc, sizeof *ni);
    for (size_t i = 0; i < fmapcap; i++) {
        if (!fmapid[i]) continue;
        size_t j = fmap[i] & (nc - 1);
        while (ni[j]) j = (j + 1) & (nc - 1);
        nm[j] = fmap[i];
        ni[j] = fmapid[i];
    }
    free(fmap);
    free(fmapid);
    fmap = nm;
    fmapid = ni;
    fmapcap = nc;
}

/* Feature id of hash h; with add, created if new, else -1 when unknown. */
static long feat_id(uint64_t h, int add) {
    if (!fmapcap) {
        if (!add) return -1;
        fmap_grow();
    }
    size_t j = h & (fmapcap - 1);
    while (fmapid[j]) {
        if (fmap[j] == h) return (long)fmapid[j] - 1;
        j = (j + 1) & (fmapcap - 1);
    }
    if (!add) return -1;
    if ((nfeat + 1) * 2 > fmapcap) {
        fmap_grow();
        return feat_id(h, add);
    }
    if (nfeat == capfeat) {
        capfeat = capfeat ? capfeat * 2 : 1u << 16;
        fhash = xrealloc(fhash, capfeat * sizeof *fhash);
        rows = xrealloc(rows, capfeat * sizeof *rows);
    }
    fhash[nfeat] = h;
    rows[nfeat] = (frow){0, 0, 0};
    fmap[j] = h;
    fmapid[j] = (uint32_t)(nfeat + 1);
    return (long)nfeat++;
}

static entry *row_entry(long f, int cls) {
    frow *r = &rows[f];
    for (uint32_t k = 0; k < r->cnt; k++)
        if (ents[r->start + k].cls == cls) return &ents[r->start + k];
    if (r->cnt == r->cap) { /* move the row to the end, doubled */
        uint32_t nc = r->cap ? r->cap * 2 : 2;
        if (nent + nc > capent) {
            capent = capent ? capent * 2 : 1u << 20;
            while (nent + nc > capent) capent *= 2;
            ents = xrealloc(ents, capent * sizeof *ents);
        }
        memcpy(&ents[nent], &ents[r->start], r->cnt * sizeof *ents);
        r->start = (uint32_t)nent;
        r->cap = nc;
        nent += nc;
    }
    entry *e = &ents[r->start + r->cnt++];
    *e = (entry){0.0, 0.0f, (int32_t)tick, (uint16_t)cls};
    return e;
}

static void update(long f, int cls, float d) {
    entry *e = row_entry(f, cls);
    e->tot += (double)(tick - e->ts) * (double)e->w;
    e->ts = (int32_t)tick;
    e->w += d;
}

static double avg_weight(const entry *e) {
    double tot = e->tot + (double)(tick - e->ts) * (double)e->w;
    return tick ? tot / (double)tick : 0.0;
}

/* Training-time decoding with the current (not averaged) weights. */
static int predict(const uint64_t *f, int nf, long *ids, float *sc) {
    for (int c = 0; c < nclass; c++) sc[c] = 0.0f;
    for (int k = 0; k < nf; k++) {
        if (ids[k] < 0) continue;
        const frow *r = &rows[ids[k]];
        for (uint32_t j = 0; j < r->cnt; j++) sc[ents[r->start + j].cls] += ents[r->start + j].w;
    }
    (void)f;
    int best = 0;
    for (int c = 1; c < nclass; c++)
        if (sc[c] > sc[best]) best = c;
    return best;
}

/* ---- sentences ---------------------------------------------------------- */

typedef struct tsent {
    tg_tok *tok;
    uint8_t *gold;
    int n;
} tsent;

static const char **fbuf;
static size_t *lbuf;
static size_t fcap;

static void sent_forms(const cu_sent *s) {
    if ((size_t)s->n > fcap) {
        fcap = (size_t)s->n * 2;
        fbuf = xrealloc(fbuf, fcap * sizeof *fbuf);
        lbuf = xrealloc(lbuf, fcap * sizeof *lbuf);
    }
    for (int i = 0; i < s->n; i++) {
        fbuf[i] = s->w[i].form;
        lbuf[i] = strlen(s->w[i].form);
    }
}

/* ---- ambiguity classes ---------------------------------------------------
 * Words seen at least AMB_MIN times get the mask of the XPOS tags that make
 * up at least 5% of their occurrences; rarer words get none, so that the
 * feature does not simply restate a training word's gold tag. */

#define AMB_MIN 3

static tg_aslot *atab;
static uint32_t aslots, aprobe;

static uint64_t amb_train(const void *ctx, uint64_t h) {
    (void)ctx;
    if (!atab) return 0;
    uint32_t i = (uint32_t)h & (aslots - 1);
    for (uint32_t p = 0; p <= aprobe; p++, i = (i + 1) & (aslots - 1)) {
        if (!atab[i].key) return 0;
        if (atab[i].key == h) return atab[i].mask;
    }
    return 0;
}

/* ---- distributional clusters ---------------------------------------------
 * Words that the treebank rarely or never shows still occur in unlabeled
 * text (the news files given with --unlabeled, plus the training text
 * itself).  Every word seen at least CL_MINC times among the CL_NWORDS
 * most frequent gets a vector of its left and right neighbours (the
 * CL_NCTX most frequent words, a sentence boundary, "other"), square-root
 * scaled and normalized; spherical k-means (CL_K centroids seeded with
 * words spread evenly over the frequency ranks, CL_ITERS rounds, ties to
 * the lower index) groups words used alike.  The cluster id is stored
 * with the ambiguity mask (tagger.h, TG_CLU_SHIFT).  Everything is in
 * fixed order, so the same inputs give the same clusters. */

#define CL_NCTX 200
#define CL_DIM (2 * (CL_NCTX + 2))
#define CL_NWORDS 40000
#ifndef CL_MINC
#define CL_MINC 3
#endif
#ifndef CL_K
#define CL_K 256
#endif
#define CL_ITERS 8

static uint64_t *cl_keys; /* word hash */
static uint32_t *cl_cnt;
static uint32_t *cl_capn, *cl_capt; /* capitalized / all inside-sentence uses */
static size_t cl_cap, cl_n;
static uint64_t *cl_seq; /* corpus as word hashes, 0 = sentence boundary */
static size_t cl_nseq, cl_capseq;

static size_t cl_slot(uint64_t h) {
    size_t j = h & (cl_cap - 1);
    while (cl_keys[j] && cl_keys[j] != h) j = (j + 1) & (cl_cap - 1);
    return j;
}

static void cl_grow(void) {
    size_t oc = cl_cap;
    uint64_t *ok = cl_keys;
    uint32_t *on = cl_cnt, *ocn = cl_capn, *oct = cl_capt;
    cl_cap = oc ? oc * 2 : 1u << 20;
    cl_keys = xcalloc(cl_cap, sizeof *cl_keys);
    cl_cnt = xcalloc(cl_cap, sizeof *cl_cnt);
    cl_capn = xcalloc(cl_cap, sizeof *cl_capn);
    cl_capt = xcalloc(cl_cap, sizeof *cl_capt);
    for (size_t i = 0; i < oc; i++)
        if (ok[i]) {
            size_t j = cl_slot(ok[i]);
            cl_keys[j] = ok[i];
            cl_cnt[j] = on[i];
            cl_capn[j] = ocn[i];
            cl_capt[j] = oct[i];
        }
    free(ok);
    free(on);
    free(ocn);
    free(oct);
}

static void cl_push(uint64_t h) {
    if (cl_nseq == cl_capseq) {
        cl_capseq = cl_capseq ? cl_capseq * 2 : 1u << 20;
        cl_seq = xrealloc(cl_seq, cl_capseq * sizeof *cl_seq);
    }
    cl_seq[cl_nseq++] = h;
    if (!h) return;
    if ((cl_n + 1) * 2 > cl_cap) cl_grow();
    size_t j = cl_slot(h);
    if (!cl_keys[j]) {
        cl_keys[j] = h;
        cl_n++;
    }
    cl_cnt[j]++;
}

/* Hash and append one sentence of words. */
static tg_tok *cl_tt;
static size_t cl_ttcap;
static void cl_sentence(const char *const *forms, const size_t *lens, int n) {
    if (n <= 0) return;
    if ((size_t)n > cl_ttcap) {
        cl_ttcap = (size_t)n * 2;
        cl_tt = xrealloc(cl_tt, cl_ttcap * sizeof *cl_tt);
    }
    tg_prep(cl_tt, forms, lens, n, NULL, NULL);
    for (int i = 0; i < n; i++) {
        uint64_t h = cl_tt[i].h[TG_W] ? cl_tt[i].h[TG_W] : 1;
        cl_push(h);
        /* Capitalization inside a sentence, words in all capitals aside. */
        const unsigned char *w = (const unsigned char *)forms[i];
        int up = 0, lo = 0;
        for (size_t k = 0; k < lens[i]; k++) {
            up += w[k] >= 'A' && w[k] <= 'Z';
            lo += w[k] >= 'a' && w[k] <= 'z';
        }
        if (i == 0 || !lo) continue;
        size_t j = cl_slot(h);
        cl_capt[j]++;
        cl_capn[j] += w[0] >= 'A' && w[0] <= 'Z';
    }
    cl_push(0);
}

static int cl_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Crude word splitting of one text: runs of letters and digits (with
 * inner '.', '-', ',' between alphanumerics), a clitic from an apostrophe
 * on, any other byte alone; a sentence ends at '.', '!', '?' or a blank
 * line. */
static void cl_text(const char *t, size_t n) {
    enum { MAXW = 256 };
    const char *forms[MAXW];
    size_t lens[MAXW];
    int nw = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)t[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (c == '\n' && i + 1 < n && t[i + 1] == '\n' && nw) {
                cl_sentence(forms, lens, nw);
                nw = 0;
            }
            i++;
            continue;
        }
        size_t j = i + 1;
        if (cl_alnum(c) || (c == '\'' && j < n && cl_alnum((unsigned char)t[j]))) {
            while (j < n) {
                unsigned char d = (unsigned char)t[j];
                if (cl_alnum(d)) j++;
                else if ((d == '.' || d == '-' || d == ',') && j + 1 < n && cl_alnum((unsigned char)t[j + 1]) &&
                         cl_alnum((unsigned char)t[j - 1]))
                    j++;
                else break;
            }
        }
        if (nw == MAXW) {
            cl_sentence(forms, lens, nw);
            nw = 0;
        }
        forms[nw] = t + i;
        lens[nw++] = j - i;
        if ((c == '.' || c == '!' || c == '?') && j == i + 1) {
            cl_sentence(forms, lens, nw);
            nw = 0;
        }
        i = j;
    }
    if (nw) cl_sentence(forms, lens, nw);
}

/* The "text" strings of a JSON-lines file, unescaped (\n, \", \\; other
 * escapes become a space). */
static void cl_jsonl(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open an --unlabeled file");
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    char *buf = NULL;
    size_t bcap = 0;
    while ((got = getline(&line, &lcap, f)) > 0) {
        const char *p = strstr(line, "\"text\": \"");
        if (!p) continue;
        p += 9;
        if ((size_t)got + 1 > bcap) {
            bcap = (size_t)got + 1;
            buf = xrealloc(buf, bcap);
        }
        size_t o = 0;
        while (*p && *p != '"') {
            if (*p == '\\' && p[1]) {
                char e = p[1];
                buf[o++] = e == 'n' ? '\n' : e == '"' ? '"' : e == '\\' ? '\\' : ' ';
                p += 2;
                if (e == 'u') {
                    for (int k = 0; k < 4 && *p && *p != '"'; k++) p++;
                }
                continue;
            }
            buf[o++] = *p++;
        }
        cl_text(buf, o);
    }
    free(line);
    free(buf);
    fclose(f);
}

typedef struct clw {
    uint64_t key;
    uint32_t cnt;
} clw;

static int cmp_clw(const void *a, const void *b) {
    const clw *x = a, *y = b;
    if (x->cnt != y->cnt) return x->cnt > y->cnt ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

static uint64_t *cap_key; /* word hash -> capitals bucket (cap_b) */
static uint8_t *cap_b;
static size_t cap_n;
static uint64_t *clu_key; /* word hash -> cluster id (clu_id) */
static uint32_t *clu_id;
static size_t clu_n;

static void build_clusters(const cu_corpus *tc, const char **files, int nfiles) {
    for (int k = 0; k < nfiles; k++) cl_jsonl(files[k]);
    for (size_t i = 0; i < tc->n; i++) {
        sent_forms(&tc->s[i]);
        cl_sentence(fbuf, lbuf, tc->s[i].n);
    }
    /* Capitals buckets of every word seen at least 3 times inside sentences. */
    cap_n = 0;
    cap_key = xmalloc((cl_n ? cl_n : 1) * sizeof *cap_key);
    cap_b = xmalloc((cl_n ? cl_n : 1) * sizeof *cap_b);
    for (size_t j = 0; j < cl_cap; j++)
        if (cl_keys[j] && cl_capt[j] >= 3) {
            cap_key[cap_n] = cl_keys[j];
            cap_b[cap_n++] = (uint8_t)(1 + cl_capn[j] * 9 / (cl_capt[j] + 1));
        }
    clw *v = xmalloc(cl_n * sizeof *v);
    size_t nv = 0;
    for (size_t j = 0; j < cl_cap; j++)
        if (cl_keys[j]) v[nv++] = (clw){cl_keys[j], cl_cnt[j]};
    qsort(v, nv, sizeof *v, cmp_clw);
    size_t nw = 0;
    while (nw < nv && nw < CL_NWORDS && v[nw].cnt >= CL_MINC) nw++;
    /* Reuse the count table as word hash -> rank + 1. */
    memset(cl_cnt, 0, cl_cap * sizeof *cl_cnt);
    for (size_t r = 0; r < nw; r++) cl_cnt[cl_slot(v[r].key)] = (uint32_t)r + 1;
    float *vec = xcalloc(nw * CL_DIM, sizeof *vec);
    for (size_t i = 0; i < cl_nseq; i++) {
        if (!cl_seq[i]) continue;
        uint32_t r = cl_cnt[cl_slot(cl_seq[i])];
        if (!r) continue;
        float *x = vec + (size_t)(r - 1) * CL_DIM;
        for (int side = 0; side < 2; side++) {
            size_t j = side ? i + 1 : i - 1;
            int d;
            if ((side == 0 && i == 0) || j >= cl_nseq || !cl_seq[j]) d = CL_NCTX; /* boundary */
            else {
                uint32_t rr = cl_cnt[cl_slot(cl_seq[j])];
                d = rr && rr <= CL_NCTX ? (int)rr - 1 : CL_NCTX + 1;
            }
            x[side * (CL_NCTX + 2) + d] += 1.0f;
        }
    }
    for (size_t r = 0; r < nw; r++) {
        float *x = vec + r * CL_DIM;
        double nn = 0;
        for (int d = 0; d < CL_DIM; d++) {
            x[d] = sqrtf(x[d]);
            nn += (double)x[d] * (double)x[d];
        }
        float inv = nn > 0 ? (float)(1.0 / sqrt(nn)) : 0.0f;
        for (int d = 0; d < CL_DIM; d++) x[d] *= inv;
    }
    int K = nw < CL_K ? (int)nw : CL_K;
    float *cen = xcalloc((size_t)K * CL_DIM, sizeof *cen);
    for (int k = 0; k < K; k++) memcpy(cen + (size_t)k * CL_DIM, vec + (size_t)k * nw / (size_t)K * CL_DIM, CL_DIM * sizeof *cen);
    uint32_t *asg = xcalloc(nw ? nw : 1, sizeof *asg);
    double *acc = xcalloc((size_t)K * CL_DIM, sizeof *acc);
    for (int it = 0; it < CL_ITERS; it++) {
        for (size_t r = 0; r < nw; r++) {
            const float *x = vec + r * CL_DIM;
            float best = -1e30f;
            int bk = 0;
            for (int k = 0; k < K; k++) {
                const float *c = cen + (size_t)k * CL_DIM;
                float d = 0;
                for (int j = 0; j < CL_DIM; j++) d += x[j] * c[j];
                if (d > best) {
                    best = d;
                    bk = k;
                }
            }
            asg[r] = (uint32_t)bk;
        }
        memset(acc, 0, (size_t)K * CL_DIM * sizeof *acc);
        for (size_t r = 0; r < nw; r++)
            for (int j = 0; j < CL_DIM; j++) acc[(size_t)asg[r] * CL_DIM + j] += (double)vec[r * CL_DIM + j];
        for (int k = 0; k < K; k++) {
            double nn = 0;
            for (int j = 0; j < CL_DIM; j++) nn += acc[(size_t)k * CL_DIM + j] * acc[(size_t)k * CL_DIM + j];
            if (nn <= 0) continue; /* empty: keep the old centroid */
            double inv = 1.0 / sqrt(nn);
            for (int j = 0; j < CL_DIM; j++) cen[(size_t)k * CL_DIM + j] = (float)(acc[(size_t)k * CL_DIM + j] * inv);
        }
    }
    clu_key = xmalloc((nw ? nw : 1) * sizeof *clu_key);
    clu_id = xmalloc((nw ? nw : 1) * sizeof *clu_id);
    for (size_t r = 0; r < nw; r++) {
        clu_key[r] = v[r].key;
        clu_id[r] = asg[r];
    }
    clu_n = nw;
    printf("clusters: %zu tokens of unlabeled text and train, %zu words in %d clusters\n", cl_nseq, nw, K);
    free(v);
    free(vec);
    free(cen);
    free(asg);
    free(acc);
    free(cl_seq);
    free(cl_keys);
    free(cl_cnt);
    free(cl_capn);
    free(cl_capt);
    free(cl_tt);
}

/* Insert or merge (bitwise or) the value of word hash key. */
static void amb_put(uint64_t key, uint64_t mask) {
    uint32_t i = (uint32_t)key & (aslots - 1), p = 0;
    while (atab[i].key && atab[i].key != key) {
        i = (i + 1) & (aslots - 1);
        p++;
    }
    if (p > aprobe) aprobe = p;
    atab[i].key = key;
    atab[i].mask |= mask;
}

static void build_amb(const cu_corpus *c) {
    size_t cap = 1u << 18;
    uint64_t *keys = xcalloc(cap, sizeof *keys);
    uint32_t *cnt = xcalloc(cap * (XPOS_COUNT + 1), sizeof *cnt);
    tg_tok *tt = NULL;
    size_t tcap = 0, nkeys = 0;
    for (size_t i = 0; i < c->n; i++) {
        const cu_sent *s = &c->s[i];
        sent_forms(s);
        if ((size_t)s->n > tcap) {
            tcap = (size_t)s->n * 2;
            tt = xrealloc(tt, tcap * sizeof *tt);
        }
        tg_prep(tt, fbuf, lbuf, s->n, NULL, NULL);
        for (int k = 0; k < s->n; k++) {
            uint64_t h = tt[k].h[TG_W];
            size_t j = h & (cap - 1);
            while (keys[j] && keys[j] != h) j = (j + 1) & (cap - 1);
            if (!keys[j]) {
                keys[j] = h;
                if (++nkeys * 2 > cap) die("too many words for the ambiguity table");
            }
            cnt[j * (XPOS_COUNT + 1) + XPOS_COUNT]++;
            cnt[j * (XPOS_COUNT + 1) + (size_t)xpos_of(&s->w[k])]++;
        }
    }
    aslots = 1;
    while (aslots < (nkeys + clu_n + cap_n) * 2 + 2) aslots *= 2;
    atab = xcalloc(aslots, sizeof *atab);
    for (size_t j = 0; j < cap; j++) {
        if (!keys[j]) continue;
        const uint32_t *cc = &cnt[j * (XPOS_COUNT + 1)];
        if (cc[XPOS_COUNT] < AMB_MIN) continue;
        uint64_t mask = 0;
        for (int x = 0; x < XPOS_COUNT; x++)
            if (cc[x] && (uint64_t)cc[x] * 20 >= cc[XPOS_COUNT]) mask |= 1ULL << x;
        amb_put(keys[j], mask);
    }
    for (size_t r = 0; r < clu_n; r++) amb_put(clu_key[r], (uint64_t)(clu_id[r] + 1) << TG_CLU_SHIFT);
    for (size_t r = 0; r < cap_n; r++) amb_put(cap_key[r], (uint64_t)cap_b[r] << TG_CAP_SHIFT);
    free(keys);
    free(cnt);
    free(tt);
}

static tsent *prep_corpus(const cu_corpus *c) {
    tsent *ts = xcalloc(c->n, sizeof *ts);
    for (size_t i = 0; i < c->n; i++) {
        const cu_sent *s = &c->s[i];
        sent_forms(s);
        ts[i].n = s->n;
        ts[i].tok = xmalloc((size_t)s->n * sizeof(tg_tok));
        ts[i].gold = xmalloc((size_t)s->n);
        tg_prep(ts[i].tok, fbuf, lbuf, s->n, amb_train, NULL);
        for (int k = 0; k < s->n; k++) ts[i].gold[k] = (uint8_t)gold_class(&s->w[k]);
    }
    return ts;
}

static uint64_t rng_state;
static uint64_t rng(void) {
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static long train_epoch(tsent *ts, size_t n, size_t *order) {
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng() % i), t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    uint64_t f[TG_MAXFEAT];
    long ids[TG_MAXFEAT];
    float sc[TG_MAXCLASS];
    long errors = 0;
    for (size_t oi = 0; oi < n; oi++) {
        tsent *s = &ts[order[oi]];
        int p1 = TG_MAXCLASS, p2 = TG_MAXCLASS + 1;
        for (int i = 0; i < s->n; i++) {
            int nf = tg_feats(s->tok, s->n, i, p1, p2, f);
            for (int k = 0; k < nf; k++) ids[k] = feat_id(f[k], 1);
            int guess = predict(f, nf, ids, sc);
            int gold = s->gold[i];
            tick++;
            if (guess != gold) {
                errors++;
                for (int k = 0; k < nf; k++) {
                    update(ids[k], gold, 1.0f);
                    update(ids[k], guess, -1.0f);
                }
            }
            /* Predicted history, as at tagging time. */
            p2 = p1;
            p1 = guess;
        }
    }
    return errors;
}

/* ---- lemma tables ------------------------------------------------------- */

typedef struct lrec {
    uint64_t key;
    const char *lemma;
    const char *form; /* lower-cased */
    const char *orig; /* as written (normalized) */
    uint32_t strip;   /* rule records */
    int xpos;
    int sfx; /* rule records: suffix length of the key */
} lrec;

static int cmp_lrec(const void *a, const void *b) {
    const lrec *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    if (x->strip != y->strip) return x->strip < y->strip ? -1 : 1;
    int c = strcmp(x->lemma, y->lemma);
    if (c) return c;
    return strcmp(x->form, y->form);
}

typedef struct lentry {
    uint64_t key;
    const char *s;
    uint32_t strip;
} lentry;

static lentry *lents;
static size_t nlents;

static void add_lentry(uint64_t key, const char *s, uint32_t strip) {
    lents = xrealloc(lents, (nlents + 1) * sizeof *lents);
    lents[nlents++] = (lentry){key, s, strip};
}

/* Runs of equal key in sorted recs: keep the most frequent (lemma, strip),
 * first in sort order on ties, if the run has at least minc records. */
static void pick_runs(lrec *r, size_t n, long minc) {
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && r[j].key == r[i].key) j++;
        size_t best = i;
        long bestc = 0;
        for (size_t a = i; a < j;) {
            size_t b = a;
            while (b < j && r[b].strip == r[a].strip && strcmp(r[b].lemma, r[a].lemma) == 0) b++;
            if ((long)(b - a) > bestc) {
                bestc = (long)(b - a);
                best = a;
            }
            a = b;
        }
        if ((long)(j - i) >= minc || r[i].sfx == 0) add_lentry(r[i].key, r[best].lemma, r[best].strip);
        i = j;
    }
}

static char *sdup(const char *s, size_t n) {
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static long rule_min = 2;

static void build_lemmas(const cu_corpus *c) {
    size_t n = c->nwords;
    lrec *d = xmalloc(n * sizeof *d);
    char lc[TG_NORM_MAX], lemn[4 * TG_NORM_MAX];
    size_t nd = 0;
    for (size_t i = 0; i < n; i++) {
        const cu_word *w = &c->words[i];
        size_t fl = strlen(w->form);
        size_t l = tg_norm(w->form, fl, lc, sizeof lc, 1);
        if (l + 4 >= sizeof lc) continue; /* the tagger never looks such forms up */
        int x = xpos_of(w);
        size_t ll = tg_norm(w->lemma, strlen(w->lemma), lemn, sizeof lemn, 0);
        char *orig = xmalloc(4 * fl + 8);
        tg_norm(w->form, fl, orig, 4 * fl + 8, 0);
        d[nd++] = (lrec){tg_lemkey_dict(x, lc, l), sdup(lemn, ll), sdup(lc, l), orig, 0, x, 0};
    }
    qsort(d, nd, sizeof *d, cmp_lrec);
    pick_runs(d, nd, 1);
    /* Rules over distinct (key, lemma) types, one record per suffix length. */
    lrec *r = xmalloc(nd * (TG_SFX_MAX + 1) * sizeof *r);
    size_t nr = 0;
    char base[4 * TG_NORM_MAX];
    for (size_t i = 0; i < nd; i++) {
        if (i && d[i].key == d[i - 1].key && strcmp(d[i].lemma, d[i - 1].lemma) == 0) continue;
        const char *lcf = d[i].form;
        size_t l = strlen(lcf);
        size_t bl;
        if (tg_keeps_case(d[i].xpos)) {
            /* Proper nouns: the rule works on the form as written. */
            bl = strlen(d[i].orig);
            if (bl >= sizeof base) continue;
            memcpy(base, d[i].orig, bl + 1);
        } else {
            memcpy(base, lcf, l + 1);
            bl = l;
        }
        const char *lem = d[i].lemma;
        size_t p = 0;
        while (p < bl && lem[p] && lem[p] == base[p]) p++;
        /* A lemma sharing no prefix with its word (was -> be, Argentinian
         * -> Argentinian after lower-casing) is the dictionary's business:
         * as a suffix rule it would rewrite unrelated words ("let's" ->
         * "letbe", "3200" -> "200"). */
        if (p == 0) continue;
        uint32_t strip = (uint32_t)(bl - p);
        for (size_t k = 0; k <= TG_SFX_MAX && k <= l; k++)
            r[nr++] = (lrec){tg_lemkey_rule(d[i].xpos, lcf + l - k, k), lem + p, "", "", strip, d[i].xpos, (int)k};
    }
    qsort(r, nr, sizeof *r, cmp_lrec);
    pick_runs(r, nr, rule_min);
    free(r);
    free(d); /* the strings stay alive: lents point into them */
}

static void build_ltab(strbuf *tab, strbuf *pool, tg_meta *meta) {
    uint32_t slots = 1;
    while (slots < nlents * 2 + 2) slots *= 2;
    tg_lslot *t = xcalloc(slots, sizeof *t);
    sb_putc(pool, '\0');
    uint32_t maxp = 0;
    for (size_t i = 0; i < nlents; i++) {
        uint32_t j = (uint32_t)lents[i].key & (slots - 1), p = 0;
        while (t[j].key) {
            if (t[j].key == lents[i].key) die("lemma key collision");
            j = (j + 1) & (slots - 1);
            p++;
        }
        if (p > maxp) maxp = p;
        t[j].key = lents[i].key;
        t[j].strip = lents[i].strip;
        if (!*lents[i].s) {
            t[j].val = 0;
        } else {
            t[j].val = (uint32_t)pool->len;
            sb_putn(pool, lents[i].s, strlen(lents[i].s) + 1);
        }
    }
    sb_putn(tab, (const char *)t, slots * sizeof *t);
    meta->lslots = slots;
    meta->pad[1] = maxp;
    free(t);
}

/* ---- the image ---------------------------------------------------------- */

static strbuf ltab_bytes, pool_bytes, class_bytes;
static tg_meta lmeta;

static void build_image(strbuf *out, size_t *nstored) {
    double mx = 0.0;
    for (size_t f = 0; f < nfeat; f++)
        for (uint32_t k = 0; k < rows[f].cnt; k++) {
            double a = fabs(avg_weight(&ents[rows[f].start + k]));
            if (a > mx) mx = a;
        }
    float scale = mx > 0.0 ? (float)(32767.0 / mx) : 1.0f;
    uint32_t *w = xmalloc(sizeof *w);
    size_t nw = 1, cw = 1;
    w[0] = 0; /* offset 0 means "empty slot" */
    uint64_t *keep = xmalloc((nfeat + 1) * sizeof *keep);
    uint32_t *koff = xmalloc((nfeat + 1) * sizeof *koff);
    size_t nk = 0;
    for (size_t f = 0; f < nfeat; f++) {
        const frow *r = &rows[f];
        if (nw + r->cnt + 1 > cw) {
            while (nw + r->cnt + 1 > cw) cw *= 2;
            w = xrealloc(w, cw * sizeof *w);
        }
        size_t hdr = nw++;
        uint32_t cnt = 0;
        for (uint32_t k = 0; k < r->cnt; k++) {
            const entry *e = &ents[r->start + k];
            long q = lrint(avg_weight(e) * (double)scale);
            if (q == 0) continue;
            if (q > 32767) q = 32767;
            if (q < -32767) q = -32767;
            w[nw++] = (uint32_t)e->cls | (uint32_t)(uint16_t)(int16_t)q << 16;
            cnt++;
        }
        if (!cnt) {
            nw = hdr;
            continue;
        }
        w[hdr] = cnt;
        uint32_t dwords = (uint32_t)(nclass + 1) / 2;
        if (cnt * 3 > (uint32_t)nclass) { /* many classes: store the row dense */
            int16_t *dense = xcalloc((size_t)dwords * 2, sizeof *dense);
            for (uint32_t k = 0; k < cnt; k++) dense[w[hdr + 1 + k] & 0xff] = (int16_t)(w[hdr + 1 + k] >> 16);
            if (hdr + 1 + dwords > cw) {
                while (hdr + 1 + dwords > cw) cw *= 2;
                w = xrealloc(w, cw * sizeof *w);
            }
            memcpy(&w[hdr + 1], dense, (size_t)dwords * 4);
            w[hdr] = TG_DENSE | dwords;
            nw = hdr + 1 + dwords;
            free(dense);
        }
        keep[nk] = fhash[f];
        koff[nk++] = (uint32_t)hdr;
    }
    uint32_t slots = 1;
    while (slots < nk * 2 + 2) slots *= 2;
    tg_fslot *t = xcalloc(slots, sizeof *t);
    uint32_t maxp = 0;
    for (size_t i = 0; i < nk; i++) {
        uint32_t j = (uint32_t)keep[i] & (slots - 1), p = 0;
        while (t[j].off) {
            j = (j + 1) & (slots - 1);
            p++;
        }
        if (p > maxp) maxp = p;
        t[j].fp = (uint32_t)(keep[i] >> 32);
        t[j].off = koff[i];
    }
    tg_meta meta = lmeta;
    meta.nclass = (uint32_t)nclass;
    meta.fslots = slots;
    meta.nfeat = (uint32_t)nk;
    meta.scale = scale;
    meta.pad[0] = maxp;
    meta.aslots = aslots;
    meta.pad[2] = aprobe;
    model_writer mw;
    mw_init(&mw, "tagger", TAGGER_VERSION);
    if (mw_add(&mw, "meta", &meta, sizeof meta) || mw_add(&mw, "classes", class_bytes.s, class_bytes.len) ||
        mw_add(&mw, "ftab", t, slots * sizeof *t) || mw_add(&mw, "wts", w, nw * sizeof *w) ||
        mw_add(&mw, "ltab", ltab_bytes.s, ltab_bytes.len) || mw_add(&mw, "pool", pool_bytes.s, pool_bytes.len) ||
        mw_add(&mw, "amb", atab, aslots * sizeof *atab))
        die("out of memory");
    sb_reset(out);
    if (mw_build(&mw, out) || out->oom) die("out of memory");
    mw_free(&mw);
    free(t);
    free(w);
    free(keep);
    free(koff);
    *nstored = nk;
}

/* ---- evaluation --------------------------------------------------------- */

typedef struct score {
    long n, upos, xpos, feats, tvm, lemma, both;
    double secs;
} score;

static void evaluate(const tagger *t, const cu_corpus *c, score *sc, int repeat, int errors) {
    memset(sc, 0, sizeof *sc);
    size_t cap = 0;
    uint8_t *up = NULL, *xp = NULL;
    uint16_t *ft = NULL;
    const char **lem = NULL;
    char *lbuf2 = NULL;
    size_t lcap = 0;
    for (int rep = 0; rep < repeat; rep++) {
        for (size_t i = 0; i < c->n; i++) {
            const cu_sent *s = &c->s[i];
            sent_forms(s);
            if ((size_t)s->n > cap) {
                cap = (size_t)s->n * 2;
                up = xrealloc(up, cap);
                xp = xrealloc(xp, cap);
                ft = xrealloc(ft, cap * sizeof *ft);
                lem = xrealloc(lem, cap * sizeof *lem);
            }
            size_t need = 64;
            for (int k = 0; k < s->n; k++) need += 2 * lbuf[k] + 16;
            if (need > lcap) {
                lcap = need * 2;
                lbuf2 = xrealloc(lbuf2, lcap);
            }
            double t0 = now();
            int rc = tagger_tag_words(t, fbuf, lbuf, s->n, up, xp, ft, lem, lbuf2, lcap);
            sc->secs += now() - t0;
            if (rc) die("tagger_tag_words failed");
            if (rep) continue;
            for (int k = 0; k < s->n; k++) {
                const cu_word *w = &s->w[k];
                int gx = xpos_of(w), gu = upos_of(w);
                unsigned gf = feats_of(w);
                char gl[4 * TG_NORM_MAX];
                tg_norm(w->lemma, strlen(w->lemma), gl, sizeof gl, 0);
                sc->n++;
                sc->upos += up[k] == gu;
                sc->xpos += xp[k] == gx;
                sc->both += up[k] == gu && xp[k] == gx;
                sc->feats += ft[k] == gf;
                sc->tvm += (ft[k] & TVM_MASK) == (gf & TVM_MASK);
                /* Lemmas compare after the quote/dash normalization EWT
                 * applies itself (“ has lemma "). */
                int lok = strcmp(lem[k], gl) == 0 || strcmp(lem[k], w->lemma) == 0;
                sc->lemma += lok;
                if (errors && (up[k] != gu || xp[k] != gx || !lok))
                    printf("ERR %s\t%s/%s/%s\tgold %s/%s/%s\n", w->form, ud_xpos_names[xp[k]], ud_upos_names[up[k]],
                           lem[k], w->xpos, w->upos, w->lemma);
            }
        }
    }
    free(up);
    free(xp);
    free(ft);
    free(lem);
    free(lbuf2);
}

static double pct(long a, long n) { return n ? 100.0 * (double)a / (double)n : 0.0; }

static void print_score(const char *name, const score *s, int repeat) {
    printf("%s: words %ld  UPOS %.2f  XPOS %.2f  UPOS+XPOS %.2f  FEATS %.2f  Tense/VerbForm/Mood %.2f  lemma %.2f",
           name, s->n, pct(s->upos, s->n), pct(s->xpos, s->n), pct(s->both, s->n), pct(s->feats, s->n),
           pct(s->tvm, s->n), pct(s->lemma, s->n));
    if (s->secs > 0) printf("  tokens/s %.0f", (double)s->n * repeat / s->secs);
    printf("\n");
}

static int do_eval(const char *mpath, const char *file, int repeat, int errors) {
    char err[300];
    tagger *t;
    double t0 = now();
    int rc = tagger_open_file(&t, mpath, err, sizeof err);
    double topen = now() - t0;
    if (rc) {
        fprintf(stderr, "train_tagger: %s\n", err);
        return 1;
    }
    cu_corpus c;
    if (cu_read(&c, file, err, sizeof err)) {
        fprintf(stderr, "train_tagger: %s: %s\n", file, err);
        return 1;
    }
    printf("model open %.3f ms, %d classes\n", topen * 1e3, tagger_nclass(t));
    score s;
    evaluate(t, &c, &s, repeat, errors);
    print_score(file, &s, repeat);
    tagger_close(t);
    cu_free(&c);
    return 0;
}

int main(int argc, char **argv) {
    const char *train = NULL, *dev = NULL, *out = NULL, *evalm = NULL, *evalf = NULL;
    int iters = 12, repeat = 1, errors = 0, nunl = 0;
    const char *unl[8];
    uint64_t seed = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--train") && i + 1 < argc) train = argv[++i];
        else if (!strcmp(a, "--dev") && i + 1 < argc) dev = argv[++i];
        else if (!strcmp(a, "--out") && i + 1 < argc) out = argv[++i];
        else if (!strcmp(a, "--iters") && i + 1 < argc) iters = atoi(argv[++i]);
        else if (!strcmp(a, "--seed") && i + 1 < argc) seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--rule-min") && i + 1 < argc) rule_min = atol(argv[++i]);
        else if (!strcmp(a, "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]);
        else if (!strcmp(a, "--errors")) errors = 1;
        else if (!strcmp(a, "--unlabeled") && i + 1 < argc && nunl < 8) unl[nunl++] = argv[++i];
        else if (!strcmp(a, "--eval") && i + 2 < argc) {
            evalm = argv[++i];
            evalf = argv[++i];
        } else {
            fprintf(stderr,
                    "usage: train_tagger --train TRAIN.conllu --dev DEV.conllu --out MODEL [--iters N] [--seed S]\n"
                    "                    [--unlabeled NEWS.jsonl]... (up to 8)\n"
                    "       train_tagger --eval MODEL FILE.conllu [--repeat N] [--errors]\n");
            return 2;
        }
    }
    if (evalm) return do_eval(evalm, evalf, repeat < 1 ? 1 : repeat, errors);
    if (!train || !dev || !out || iters < 1) die("--train, --dev and --out are required (see --help)");
    rng_state = seed * 0x9E3779B97F4A7C15ULL + 0x2545F4914F6CDD1DULL;
    if (!rng_state) rng_state = 1;

    char err[300];
    cu_corpus tc, dc;
    if (cu_read(&tc, train, err, sizeof err)) die(err);
    if (cu_read(&dc, dev, err, sizeof err)) die(err);
    double t0 = now();
    build_classes(&tc);
    sb_init(&class_bytes);
    class_table(&class_bytes);
    build_lemmas(&tc);
    sb_init(&ltab_bytes);
    sb_init(&pool_bytes);
    build_ltab(&ltab_bytes, &pool_bytes, &lmeta);
    printf("train: %zu sentences, %zu words, %d classes, %zu lemma entries\n", tc.n, tc.nwords, nclass, nlents);
    build_clusters(&tc, unl, nunl);
    build_amb(&tc);
    tsent *ts = prep_corpus(&tc);
    size_t *order = xmalloc(tc.n * sizeof *order);
    for (size_t i = 0; i < tc.n; i++) order[i] = i;

    strbuf img, best;
    sb_init(&img);
    sb_init(&best);
    double bestacc = -1;
    int bestit = 0;
    for (int it = 1; it <= iters; it++) {
        long e = train_epoch(ts, tc.n, order);
        size_t nstored;
        build_image(&img, &nstored);
        tagger *t;
        if (tagger_open(&t, img.s, img.len, err, sizeof err)) die(err);
        score s;
        evaluate(t, &dc, &s, 1, 0);
        tagger_close(t);
        double acc = pct(s.upos, s.n) + pct(s.xpos, s.n);
        printf("iter %d: train errors %.2f%%, %zu features, image %.1f MB, %.0fs  ", it,
               pct(e, (long)tc.nwords), nstored, (double)img.len / 1e6, now() - t0);
        print_score("dev", &s, 1);
        fflush(stdout);
        if (acc > bestacc) {
            bestacc = acc;
            bestit = it;
            sb_reset(&best);
            sb_putn(&best, img.s, img.len);
            if (best.oom) die("out of memory");
        }
    }
    FILE *f = fopen(out, "wb");
    if (!f || fwrite(best.s, 1, best.len, f) != best.len || fclose(f) != 0) die("cannot write the model");
    printf("best iteration %d (dev UPOS+XPOS %.2f); wrote %s (%zu bytes)\n", bestit, bestacc, out, best.len);
    return 0;
}
