/* evalquote.c -- score the quote stage against PolNeAR's attributions.
 *
 *   evalquote [--errors] [--split train|dev] [--limit N] [--breakdown] [--cue-first]
 *             [--show ARTICLE:TEXT] POLNEAR_DATA NEWS.jsonl
 *
 * POLNEAR_DATA is PolNeAR's data/ directory: the
 * brat standoff files (SPLIT/attributions/NAME.ann) whose offsets count Unicode code points in the
 * article text; NEWS.jsonl holds the same texts as records with id
 * "polnear-<article file name>".  Articles with several annotators have
 * several .ann files: the first in name order is the gold.  Every article
 * of the split is coded end to end with the default context and then
 * quote_run() is called on it (again, if the pipeline already did: it is
 * idempotent), timed on its own.
 *
 * Units.  A gold attribution is an E line with a Content (its Source and
 * Cue optional); its content may be discontinuous (a quote split by "he
 * said").  A predicted attribution is the set of the stage's quotes that
 * share one cue span (“…,” he said. “…” gives two quotes with one cue, as
 * PolNeAR gives one attribution with two content spans; a partial quote
 * inside a reported clause shares the clause's cue); a quote without a cue
 * is an attribution of its own.  Offsets are converted to bytes.
 *
 * Matching.  A predicted and a gold attribution match when their content
 * spans overlap by at least one byte of a non-space character (the
 * "partial match" of the attribution literature: span boundaries of
 * reported speech are notoriously uncertain, PolNeAR's own token-wise
 * agreement is alpha = 0.75).  Pairs are made one to one, greedily, the
 * largest overlap first; with --cue-first, pairs whose cues overlap come
 * before all others (two attributions of one sentence, "X said Y, telling
 * Z that W", otherwise cross-pair when one content is long).  Precision = matched predictions / predictions,
 * recall = matched gold / gold.  The "byte" line is stricter: over all
 * attributions, the overlapping content bytes of the matched pairs divided
 * by all predicted (precision) and all gold (recall) content bytes.
 *
 * Direct quotes.  Gold: attributions whose content starts (after spaces)
 * with an opening quote mark (" “ ‘ ' « `): the attributed content is
 * quoted text -- whole quotes, and also fragments (called the merger “a
 * terrible deal”).  Predicted: attributions with a quote of kind direct.
 * The two sets are matched with each other as above.  The "+partial" line
 * also counts as predicted direct the attributions made only of partial
 * quotes (no reported clause around the fragment), against the same gold:
 * it shows how many quoted fragments the gold has, and that most partial
 * quotes match gold contents that do not start with a mark (the fragment
 * inside a reported clause, 'said the plan was “dead on arrival”'). 
 *
 * Speaker accuracy (printed with correct/judged), over matched pairs
 * whose gold has a Source: correct when the predicted speaker span
 * overlaps the gold Source, or when the
 * speaker resolves to the same name: the actor it resolves to has a
 * mention overlapping the gold Source, or the gold Source contains the
 * last word of the actor's name ("he" resolved to Maria Ortiz for a gold
 * "Ortiz" elsewhere in the text).  Cue accuracy, over
 * all matched pairs: the predicted cue span overlaps the gold Cue.
 *
 * --errors prints the misses (gold not found), the false alarms and the
 * wrong speakers, with the text (a "!" after a wrong speaker's cue: the
 * cue is not the gold's either, whose own cue follows in <>, or in <<>
 * when another prediction has that cue), and DMISS
 * the gold direct quotes that no predicted direct quote matched, with
 * what overlaps them instead.
 * --show prints the tokens, tags and tree of the sentences of an article
 * (its name's prefix) that contain TEXT, and the quotes found there.
 * --breakdown adds the predictions' match rate and speaker accuracy by
 * class (with or without a speaker) and by cue word, over all
 * attributions, the worst first. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/doc.h"
#include "../src/quote.h"
#include "../src/ud.h"

#define MAXSPAN 8

typedef struct span {
    uint32_t s, e;
} span;

typedef struct spans {
    span v[MAXSPAN];
    int n;
} spans;

typedef struct gatt {
    spans content, source, cue;
    int direct;
    int matched; /* index of the predicted attribution, -1 */
} gatt;

typedef struct patt {
    spans content;
    span speaker, cue;
    int32_t actor;
    int direct; /* quoted content: a direct quote, or partial quotes alone */
    int strict; /* has a quote of kind direct */
    int kinds;  /* bit per QUOTE_* kind */
    int matched;
} patt;

typedef struct article {
    char name[256];
    char ann[512];
} article;

typedef struct tally {
    size_t pred, gold, match;
    size_t sp_n, sp_ok, cue_n, cue_ok;
    double ov_bytes, pred_bytes, gold_bytes;
} tally;

static int cmp_art(const void *a, const void *b) { return strcmp(((const article *)a)->ann, ((const article *)b)->ann); }

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    while (b) {
        size_t k = fread(b + n, 1, cap - n - 1, f);
        n += k;
        if (n + 1 < cap) break;
        char *nb = realloc(b, cap * 2);
        if (!nb) {
            free(b);
            b = NULL;
            break;
        }
        b = nb, cap *= 2;
    }
    fclose(f);
    if (b) b[n] = 0, *len = n;
    return b;
}

/* Code-point index -> byte offset table of text. */
static uint32_t *cp_table(const char *text, size_t len, size_t *ncp) {
    uint32_t *t = malloc((len + 2) * sizeof *t);
    if (!t) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80) t[k++] = (uint32_t)i;
    t[k] = (uint32_t)len;
    *ncp = k;
    return t;
}

static void add_spans(spans *sp, const char *desc, const uint32_t *cp, size_t ncp) {
    /* "start end;start end" */
    const char *p = desc;
    while (*p && sp->n < MAXSPAN) {
        char *e;
        unsigned long a = strtoul(p, &e, 10);
        if (e == p) break;
        p = e;
        unsigned long b = strtoul(p, &e, 10);
        if (e == p) break;
        p = e;
        if (a <= b && b <= ncp) sp->v[sp->n++] = (span){cp[a], cp[b]};
        if (*p == ';') p++;
        else break;
    }
}

typedef struct tline {
    char id[16];
    char type[16];
    spans sp;
} tline;

static int load_ann(const char *path, const char *text, const uint32_t *cp, size_t ncp, gatt **out, size_t *nout) {
    size_t len;
    char *buf = read_file(path, &len);
    if (!buf) return -1;
    size_t nt = 0, capt = 256;
    tline *T = malloc(capt * sizeof *T);
    size_t ng = 0, capg = 64;
    gatt *G = malloc(capg * sizeof *G);
    if (!T || !G) {
        free(buf), free(T), free(G);
        return -1;
    }
    /* first the T lines, then the E lines that refer to them */
    for (int pass = 0; pass < 2; pass++) {
        char *line = buf;
        while (line && *line) {
            char *nl = strchr(line, '\n');
            size_t ll = nl ? (size_t)(nl - line) : strlen(line);
            char tmp[4096];
            if (ll >= sizeof tmp) ll = sizeof tmp - 1;
            memcpy(tmp, line, ll);
            tmp[ll] = 0;
            line = nl ? nl + 1 : NULL;
            if (pass == 0 && tmp[0] == 'T') {
                char *tab = strchr(tmp, '\t');
                if (!tab) continue;
                *tab = 0;
                char *desc = tab + 1, *tab2 = strchr(desc, '\t');
                if (tab2) *tab2 = 0;
                char *sp = strchr(desc, ' ');
                if (!sp) continue;
                *sp = 0;
                if (nt == capt) {
                    tline *nT = realloc(T, 2 * capt * sizeof *T);
                    if (!nT) break;
                    T = nT, capt *= 2;
                }
                tline *t = &T[nt++];
                memset(t, 0, sizeof *t);
                snprintf(t->id, sizeof t->id, "%.15s", tmp);
                snprintf(t->type, sizeof t->type, "%.15s", desc);
                add_spans(&t->sp, sp + 1, cp, ncp);
            } else if (pass == 1 && tmp[0] == 'E') {
                char *tab = strchr(tmp, '\t');
                if (!tab) continue;
                gatt g;
                memset(&g, 0, sizeof g);
                g.matched = -1;
                for (char *tk = strtok(tab + 1, " \t"); tk; tk = strtok(NULL, " \t")) {
                    char *colon = strchr(tk, ':');
                    if (!colon) continue;
                    *colon = 0;
                    const char *ref = colon + 1;
                    const tline *t = NULL;
                    for (size_t i = 0; i < nt; i++)
                        if (!strcmp(T[i].id, ref)) t = &T[i];
                    if (!t) continue;
                    if (!strcmp(tk, "Content")) g.content = t->sp;
                    else if (!strcmp(tk, "Source")) g.source = t->sp;
                    else if (!strcmp(tk, "Cue")) g.cue = t->sp;
                }
                if (!g.content.n) continue;
                /* direct: the content opens with a quote mark */
                const unsigned char *s = (const unsigned char *)text + g.content.v[0].s;
                while (*s == ' ' || *s == '\n' || *s == '\t') s++;
                g.direct = s[0] == '"' || s[0] == '\'' || s[0] == '`' || (s[0] == 0xC2 && s[1] == 0xAB) ||
                           (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x9C || s[2] == 0x98));
                if (ng == capg) {
                    gatt *nG = realloc(G, 2 * capg * sizeof *G);
                    if (!nG) break;
                    G = nG, capg *= 2;
                }
                G[ng++] = g;
            }
        }
    }
    free(buf);
    free(T);
    *out = G;
    *nout = ng;
    return 0;
}

/* Bytes of non-space characters shared by two span lists. */
static uint32_t overlap(const char *text, const spans *a, const spans *b) {
    uint32_t n = 0;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++) {
            uint32_t s = a->v[i].s > b->v[j].s ? a->v[i].s : b->v[j].s;
            uint32_t e = a->v[i].e < b->v[j].e ? a->v[i].e : b->v[j].e;
            for (uint32_t k = s; k < e; k++) n += text[k] != ' ' && text[k] != '\n' && text[k] != '\t';
        }
    return n;
}

static uint32_t span_len(const spans *a) {
    uint32_t n = 0;
    for (int i = 0; i < a->n; i++) n += a->v[i].e - a->v[i].s;
    return n;
}

static int span_hits(span x, const spans *b) {
    for (int j = 0; j < b->n; j++)
        if (x.s < b->v[j].e && b->v[j].s < x.e) return 1;
    return 0;
}

/* The predicted speaker is right: its span overlaps the gold Source, or
 * its actor has a mention there, or the gold Source names the actor (its
 * last name word, or the predicted span's own text when not a pronoun). */
static int speaker_ok(const dyad_doc *d, const patt *p, const spans *src) {
    if (p->speaker.e > p->speaker.s && span_hits(p->speaker, src)) return 1;
    if (p->actor < 0 || (size_t)p->actor >= d->nactor) return 0;
    for (size_t m = 0; m < d->nmention; m++)
        if (d->mentions[m].actor == p->actor && span_hits((span){d->mentions[m].start, d->mentions[m].end}, src))
            return 1;
    const char *name = d->actors[p->actor].name;
    if (!name || !*name) return 0;
    const char *last = strrchr(name, ' ');
    last = last ? last + 1 : name;
    size_t ll = strlen(last);
    if (ll < 3) return 0;
    for (int i = 0; i < src->n; i++)
        for (uint32_t k = src->v[i].s; k + ll <= src->v[i].e; k++)
            if (!memcmp(d->text + k, last, ll)) return 1;
    return 0;
}

typedef struct pair {
    uint32_t ov;
    int cue; /* the cues overlap (ranked first with --cue-first) */
    int g, p;
} pair;

static int cue_first;

static int cmp_pair(const void *a, const void *b) {
    const pair *x = a, *y = b;
    if (cue_first && x->cue != y->cue) return x->cue ? -1 : 1;
    return x->ov < y->ov ? 1 : x->ov > y->ov ? -1 : 0;
}

/* Match the gold with want_direct (or all) against predictions (direct
 * only if want_direct); tallies into t.  Marks matches in the arrays. */
static void match(const dyad_doc *d, gatt *G, size_t ng, patt *P, size_t np, int direct, tally *t) {
    size_t cap = 64, n = 0;
    pair *pr = malloc(cap * sizeof *pr);
    for (size_t i = 0; i < ng; i++) G[i].matched = -1;
    for (size_t j = 0; j < np; j++) P[j].matched = -1;
    for (size_t i = 0; i < ng && pr; i++) {
        if (direct && !G[i].direct) continue;
        for (size_t j = 0; j < np; j++) {
            if ((direct == 1 && !P[j].direct) || (direct == 2 && !P[j].strict)) continue;
            uint32_t ov = overlap(d->text, &G[i].content, &P[j].content);
            if (!ov) continue;
            if (n == cap) {
                pair *np2 = realloc(pr, 2 * cap * sizeof *pr);
                if (!np2) break;
                pr = np2, cap *= 2;
            }
            int cue = P[j].cue.e > P[j].cue.s && span_hits(P[j].cue, &G[i].cue);
            pr[n++] = (pair){ov, cue, (int)i, (int)j};
        }
    }
    if (pr) qsort(pr, n, sizeof *pr, cmp_pair);
    for (size_t k = 0; k < n; k++) {
        gatt *g = &G[pr[k].g];
        patt *p = &P[pr[k].p];
        if (g->matched >= 0 || p->matched >= 0) continue;
        g->matched = pr[k].p, p->matched = pr[k].g;
        t->match++;
        t->ov_bytes += pr[k].ov;
        if (g->source.n) {
            t->sp_n++;
            t->sp_ok += speaker_ok(d, p, &g->source);
        }
        t->cue_n++;
        t->cue_ok += p->cue.e > p->cue.s && g->cue.n && span_hits(p->cue, &g->cue);
    }
    for (size_t i = 0; i < ng; i++)
        if (!direct || G[i].direct) t->gold++, t->gold_bytes += span_len(&G[i].content);
    for (size_t j = 0; j < np; j++)
        if (!direct || (direct == 1 && P[j].direct) || (direct == 2 && P[j].strict))
            t->pred++, t->pred_bytes += span_len(&P[j].content);
    free(pr);
}

static void print_spans(const char *text, const spans *s, int max) {
    for (int i = 0; i < s->n; i++) {
        if (i) printf(" | ");
        int n = (int)(s->v[i].e - s->v[i].s);
        for (int k = 0; k < n && k < max; k++) {
            char c = text[s->v[i].s + k];
            putchar(c == '\n' ? '/' : c);
        }
        if (n > max) printf("...");
    }
}

/* --show ARTICLE:TEXT: the tokens of the sentences of the article (name
 * prefix) that contain TEXT, with tags, heads and relations and the
 * quotes found, for debugging. */
static void show(const dyad_doc *d, const char *what) {
    size_t wl = strlen(what);
    for (size_t s = 0; s < d->nsent; s++) {
        uint32_t a = d->sents[s].first, b = d->sents[s].last;
        if (a >= b || b > d->ntok) continue;
        uint32_t bs = d->toks[a].start, be = d->toks[b - 1].end;
        int hit = 0;
        for (uint32_t k = bs; k + wl <= be && !hit; k++) hit = !memcmp(d->text + k, what, wl);
        if (!hit) continue;
        printf("# sent %zu: %.*s\n", s, (int)(be - bs), d->text + bs);
        for (uint32_t i = a; i < b; i++) {
            const tok *t = &d->toks[i];
            const tokan *x = d->an ? &d->an[i] : NULL;
            printf("%u\t%.*s", i, (int)(t->end - t->start), d->text + t->start);
            if (x)
                printf("\t%s\t%s\t%s\t%d\t%s", x->lemma ? x->lemma : "_", ud_upos_names[x->upos % UPOS_COUNT],
                       ud_xpos_names[x->xpos % XPOS_COUNT], x->head, ud_dep_names[x->deprel % DEP_COUNT]);
            printf("\n");
        }
        for (size_t q = 0; q < d->nquote; q++) {
            const dquote *x = &d->quotes[q];
            if (x->end <= bs || x->start >= be) continue;
            printf("  quote kind %d [%.*s] {%.*s} actor %d: %.*s\n", x->kind, (int)(x->cue_end - x->cue_start),
                   d->text + x->cue_start, (int)(x->speaker_end - x->speaker_start), d->text + x->speaker_start,
                   x->speaker_actor, (int)(x->end - x->start > 200 ? 200 : x->end - x->start), d->text + x->start);
        }
    }
}

/* Breakdown of the predictions: by class (direct, partial only, indirect)
 * and whether a speaker was given, and by cue word. */
typedef struct bucket {
    char key[32];
    size_t pred, match, sp_n, sp_ok;
} bucket;

static bucket *bucket_get(bucket *b, size_t *nb, size_t cap, const char *key) {
    for (size_t i = 0; i < *nb; i++)
        if (!strcmp(b[i].key, key)) return &b[i];
    if (*nb == cap) return NULL;
    bucket *x = &b[(*nb)++];
    memset(x, 0, sizeof *x);
    snprintf(x->key, sizeof x->key, "%s", key);
    return x;
}

static int cmp_bucket(const void *a, const void *b) {
    const bucket *x = a, *y = b;
    size_t ex = x->sp_n - x->sp_ok + (x->pred - x->match), ey = y->sp_n - y->sp_ok + (y->pred - y->match);
    return ex < ey ? 1 : ex > ey ? -1 : strcmp(x->key, y->key);
}

static void tally_buckets(const dyad_doc *d, const gatt *G, const patt *P, size_t np, bucket *b, size_t *nb,
                          size_t cap, int bycue) {
    for (size_t j = 0; j < np; j++) {
        char key[32];
        if (bycue) {
            size_t n = P[j].cue.e - P[j].cue.s, k = 0;
            if (n > sizeof key - 1) n = sizeof key - 1;
            for (; k < n; k++) {
                char c = d->text[P[j].cue.s + k];
                key[k] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c == '\n' ? ' ' : c;
            }
            key[k] = 0;
            if (!k) snprintf(key, sizeof key, "(none)");
        } else {
            snprintf(key, sizeof key, "%s%s",
                     P[j].strict                             ? "direct"
                     : (P[j].kinds & 4) && !(P[j].kinds & 8) ? "partial"
                                                             : "indirect",
                     P[j].speaker.e > P[j].speaker.s ? "" : " nospeaker");
        }
        bucket *x = bucket_get(b, nb, cap, key);
        if (!x) continue;
        x->pred++;
        if (P[j].matched < 0) continue;
        x->match++;
        const gatt *g = &G[P[j].matched];
        if (g->source.n) x->sp_n++, x->sp_ok += speaker_ok(d, &P[j], &g->source);
    }
}

static void print_buckets(const char *title, bucket *b, size_t nb, size_t max) {
    qsort(b, nb, sizeof *b, cmp_bucket);
    printf("  %s (by false alarms + wrong speakers):\n", title);
    for (size_t i = 0; i < nb && i < max; i++)
        printf("    %-22s pred %5zu  match %5zu (%5.1f%%)  speaker %5zu/%5zu (%5.1f%%)\n", b[i].key, b[i].pred,
               b[i].match, b[i].pred ? 100.0 * b[i].match / b[i].pred : 0, b[i].sp_ok, b[i].sp_n,
               b[i].sp_n ? 100.0 * b[i].sp_ok / b[i].sp_n : 0);
}

static void report(const char *name, const tally *t) {
    double p = t->pred ? 100.0 * t->match / t->pred : 0, r = t->gold ? 100.0 * t->match / t->gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("  %-9s gold %5zu  pred %5zu  match %5zu   P %5.1f  R %5.1f  F1 %5.1f   speaker %5.1f%% (%zu/%zu)"
           "  cue %5.1f%%\n",
           name, t->gold, t->pred, t->match, p, r, f, t->sp_n ? 100.0 * t->sp_ok / t->sp_n : 0, t->sp_ok, t->sp_n,
           t->cue_n ? 100.0 * t->cue_ok / t->cue_n : 0);
}

int main(int argc, char **argv) {
    int errors = 0, breakdown = 0;
    long limit = -1;
    const char *split = "dev", *dpath = NULL, *npath = NULL, *show_doc = NULL, *show_text = NULL;
    char show_buf[512];
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--errors")) errors = 1;
        else if (!strcmp(argv[i], "--breakdown")) breakdown = 1;
        else if (!strcmp(argv[i], "--cue-first")) cue_first = 1;
        else if (!strcmp(argv[i], "--split") && i + 1 < argc) split = argv[++i];
        else if (!strcmp(argv[i], "--limit") && i + 1 < argc) limit = atol(argv[++i]);
        else if (!strcmp(argv[i], "--show") && i + 1 < argc) {
            snprintf(show_buf, sizeof show_buf, "%s", argv[++i]);
            char *c = strchr(show_buf, ':');
            if (c) *c = 0, show_doc = show_buf, show_text = c + 1;
        }
        else if (!dpath) dpath = argv[i];
        else npath = argv[i];
    }
    if (!dpath || !npath) {
        fprintf(stderr, "usage: evalquote [--errors] [--split train|dev] [--limit N] [--breakdown] [--cue-first]\n"
                        "                 [--show ARTICLE:TEXT] POLNEAR_DATA NEWS.jsonl\n");
        return 2;
    }
    /* the split's articles: the first .ann of each */
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/%s/attributions", dpath, split);
    DIR *dh = opendir(dir);
    if (!dh) {
        fprintf(stderr, "evalquote: cannot open %s\n", dir);
        return 2;
    }
    size_t na = 0, capa = 1024;
    article *A = malloc(capa * sizeof *A);
    struct dirent *de;
    while (A && (de = readdir(dh))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".ann") || l >= sizeof A->ann) continue;
        if (na == capa) {
            article *nA = realloc(A, 2 * capa * sizeof *A);
            if (!nA) break;
            A = nA, capa *= 2;
        }
        article *a = &A[na++];
        snprintf(a->ann, sizeof a->ann, "%s", de->d_name);
        snprintf(a->name, sizeof a->name, "%s", de->d_name);
        char *us = strrchr(a->name, '_');
        if (us) *us = 0;
    }
    closedir(dh);
    if (!A) return 2;
    qsort(A, na, sizeof *A, cmp_art);
    size_t w = 0;
    for (size_t i = 0; i < na; i++)
        if (!w || strcmp(A[w - 1].name, A[i].name)) A[w++] = A[i];
    na = w;

    dyad_ctx *ctx = NULL;
    if (dyad_ctx_open(&ctx, NULL)) {
        fprintf(stderr, "evalquote: %s\n", ctx ? dyad_ctx_errmsg(ctx) : "out of memory");
        dyad_ctx_close(ctx);
        return 2;
    }
    dyad_reader *rd = NULL;
    dyad_reader_options ro = {DYAD_FORMAT_JSONL, 0, NULL, 0};
    if (dyad_reader_open(&rd, npath, &ro)) {
        fprintf(stderr, "evalquote: cannot read %s\n", npath);
        return 2;
    }
    dyad_doc *d;
    if (dyad_doc_new(&d)) return 2;
    tally all, dir_t, strict_t;
    memset(&all, 0, sizeof all);
    memset(&strict_t, 0, sizeof strict_t);
    memset(&dir_t, 0, sizeof dir_t);
    size_t kinds[4] = {0}, ndocs = 0, nbytes = 0;
    enum { NBUCKET = 4096 };
    bucket *bk = calloc(NBUCKET, sizeof *bk), *bc = calloc(NBUCKET, sizeof *bc);
    size_t nbk = 0, nbc = 0;
    uint64_t ns_quote = 0, ns_all = 0;
    while (dyad_reader_next(rd, d) == DYAD_OK) {
        const char *id = d->field[DYAD_FIELD_ID];
        if (!id || strncmp(id, "polnear-", 8)) continue;
        const article *art = NULL;
        size_t lo = 0, hi = na;
        for (size_t i = lo; i < hi; i++)
            if (!strcmp(A[i].name, id + 8)) art = &A[i];
        if (!art) continue;
        if (limit >= 0 && (long)ndocs >= limit) break;
        uint64_t t0 = doc_now_ns();
        dyad_doc_code(ctx, d);
        uint64_t t1 = doc_now_ns();
        if (d->err) continue;
        if (quote_run(d)) {
            fprintf(stderr, "evalquote: %s: out of memory\n", id);
            continue;
        }
        uint64_t t2 = doc_now_ns();
        ns_quote += t2 - t1;
        ns_all += (t1 - t0) - d->stage_ns[STAGE_QUOTES] + (t2 - t1);
        ndocs++;
        nbytes += d->len;
        if (show_doc && !strncmp(id + 8, show_doc, strlen(show_doc))) show(d, show_text);
        size_t ncp;
        uint32_t *cp = cp_table(d->text, d->len, &ncp);
        char path[2048];
        snprintf(path, sizeof path, "%.1000s/%.1000s", dir, art->ann);
        gatt *G = NULL;
        size_t ng = 0;
        if (!cp || load_ann(path, d->text, cp, ncp, &G, &ng)) {
            fprintf(stderr, "evalquote: cannot read %s\n", path);
            free(cp);
            continue;
        }
        /* predicted attributions: quotes grouped by cue span */
        patt *P = calloc(d->nquote + 1, sizeof *P);
        size_t np = 0;
        for (size_t q = 0; P && q < d->nquote; q++) {
            const dquote *x = &d->quotes[q];
            kinds[x->kind & 3]++;
            patt *p = NULL;
            if (x->cue_end > x->cue_start)
                for (size_t j = 0; j < np; j++)
                    if (P[j].cue.s == x->cue_start && P[j].cue.e == x->cue_end) p = &P[j];
            if (!p) {
                p = &P[np++];
                p->cue = (span){x->cue_start, x->cue_end};
                p->actor = -1;
            }
            /* the group's speaker: a direct quote's, else the first one given */
            if (x->speaker_end > x->speaker_start &&
                (p->speaker.e <= p->speaker.s || (x->kind == QUOTE_DIRECT && !p->direct))) {
                p->speaker = (span){x->speaker_start, x->speaker_end};
                p->actor = x->speaker_actor;
            }
            if (p->content.n < MAXSPAN) p->content.v[p->content.n++] = (span){x->start, x->end};
            p->kinds |= 1 << x->kind;
        }
        /* quoted content: a direct quote, or partial quotes with no
         * reported clause around them (called it “a disaster”) */
        for (size_t j = 0; j < np; j++) {
            P[j].direct = (P[j].kinds & (1 << QUOTE_DIRECT)) ||
                          ((P[j].kinds & (1 << QUOTE_PARTIAL)) && !(P[j].kinds & (1 << QUOTE_INDIRECT)));
            P[j].strict = (P[j].kinds & (1 << QUOTE_DIRECT)) != 0;
        }
        match(d, G, ng, P, np, 2, &strict_t);
        if (errors)
            for (size_t i = 0; i < ng; i++)
                if (G[i].direct && G[i].matched < 0) {
                    /* a direct quote of the gold that no direct quote
                     * matched: what the stage made of it, if anything */
                    const char *what = "nothing";
                    for (size_t j = 0; j < np; j++)
                        if (overlap(d->text, &G[i].content, &P[j].content))
                            what = (P[j].kinds & (1 << QUOTE_INDIRECT)) ? "indirect" : "partial";
                    printf("DMISS %s %s [", id + 8, what);
                    print_spans(d->text, &G[i].cue, 40);
                    printf("] {");
                    print_spans(d->text, &G[i].source, 40);
                    printf("} ");
                    print_spans(d->text, &G[i].content, 160);
                    printf("\n");
                }
        match(d, G, ng, P, np, 1, &dir_t);
        match(d, G, ng, P, np, 0, &all);
        if (breakdown && bk && bc) {
            tally_buckets(d, G, P, np, bk, &nbk, NBUCKET, 0);
            tally_buckets(d, G, P, np, bc, &nbc, NBUCKET, 1);
        }
        if (errors) {
            for (size_t i = 0; i < ng; i++) {
                const gatt *g = &G[i];
                if (g->matched < 0) {
                    printf("MISS %s %s [", id + 8, g->direct ? "direct" : "other");
                    print_spans(d->text, &g->cue, 40);
                    printf("] {");
                    print_spans(d->text, &g->source, 40);
                    printf("} ");
                    print_spans(d->text, &g->content, 160);
                    printf("\n");
                } else if (g->source.n) {
                    const patt *p = &P[g->matched];
                    if (!speaker_ok(d, p, &g->source)) {
                        spans ps = {{{p->speaker.s, p->speaker.e}}, 1}, pc = {{{p->cue.s, p->cue.e}}, 1};
                        printf("SPKR %s %s gold {", id + 8,
                               p->strict        ? "direct"
                               : (p->kinds & 4) ? "partial"
                                                : "indirect");
                        print_spans(d->text, &g->source, 40);
                        printf("} got {");
                        print_spans(d->text, &ps, 40);
                        printf("} [");
                        print_spans(d->text, &pc, 30);
                        printf("]%s ", g->cue.n && p->cue.e > p->cue.s && span_hits(p->cue, &g->cue) ? "" : "!");
                        if (!(g->cue.n && p->cue.e > p->cue.s && span_hits(p->cue, &g->cue))) {
                            /* the gold's own cue, when the predicted one is not it */
                            /* "<<...>": another prediction has the gold's cue
                             * (its content paired elsewhere) */
                            int other = 0;
                            for (size_t j = 0; j < np && !other; j++)
                                other = (int)j != g->matched && P[j].cue.e > P[j].cue.s && span_hits(P[j].cue, &g->cue);
                            printf(other ? "<<" : "<");
                            print_spans(d->text, &g->cue, 30);
                            printf("> ");
                        }
                        print_spans(d->text, &p->content, 100);
                        printf("\n");
                    }
                }
            }
            for (size_t j = 0; j < np; j++)
                if (P[j].matched < 0) {
                    spans ps = {{{P[j].speaker.s, P[j].speaker.e}}, 1}, pc = {{{P[j].cue.s, P[j].cue.e}}, 1};
                    printf("FALSE %s %s [", id + 8, P[j].strict ? "direct" : (P[j].kinds & 4) ? "partial" : "indirect");
                    print_spans(d->text, &pc, 30);
                    printf("] {");
                    print_spans(d->text, &ps, 40);
                    printf("} ");
                    print_spans(d->text, &P[j].content, 160);
                    printf("\n");
                }
        }
        free(P);
        free(G);
        free(cp);
    }
    printf("quotes on PolNeAR %s: %zu articles, %.1f MB (gold: %s/%s)\n", split, ndocs, nbytes / 1e6, dpath, split);
    printf("  predicted quotes: %zu direct, %zu partial, %zu indirect\n", kinds[QUOTE_DIRECT], kinds[QUOTE_PARTIAL],
           kinds[QUOTE_INDIRECT]);
    report("direct", &strict_t);
    report("+partial", &dir_t);
    report("all", &all);
    double bp = all.pred_bytes ? 100 * all.ov_bytes / all.pred_bytes : 0,
           br = all.gold_bytes ? 100 * all.ov_bytes / all.gold_bytes : 0;
    printf("  %-9s P %5.1f  R %5.1f  F1 %5.1f  (content bytes of matched pairs)\n", "bytes", bp, br,
           bp + br > 0 ? 2 * bp * br / (bp + br) : 0);
    printf("  time: quote_run %.1f ms of %.1f ms pipeline (%.1f%%)\n", ns_quote / 1e6, ns_all / 1e6,
           ns_all ? 100.0 * ns_quote / ns_all : 0);
    if (breakdown && bk && bc) {
        print_buckets("by class", bk, nbk, 16);
        print_buckets("by cue", bc, nbc, 60);
    }
    free(bk);
    free(bc);
    dyad_doc_free(d);
    dyad_reader_close(rd);
    dyad_ctx_close(ctx);
    free(A);
    return 0;
}
