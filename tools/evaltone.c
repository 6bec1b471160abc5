/* evaltone.c -- agreement of dyad's tone with human ratings, and speed.
 *
 *   evaltone [--model models/tone.bin] [--set NAME=VALUE ...] [--quiet] [--dump] [--errors N]
 *            [--bench NEWS.jsonl [--repeat N]] FILE ...
 *
 * Each FILE is a VADER ground-truth file (Hutto & Gilbert 2014:
 * "id<TAB>mean rating<TAB>text", ratings -4..+4, CRLF line ends), e.g.
 * ../shared/data/tone/vader_icwsm2014/nytEditorialSnippets_GroundTruth.txt.
 * For every text tone_sentence gives a score on -10..+10, and the tool
 * prints the Pearson r with the human mean over all texts, over the
 * "tuning half" (odd document numbers: the number before '_' in NYT ids
 * "17_3", the id itself for tweets) and over the held-out half (even).  The
 * few global constants of tone.c were chosen on the odd half only.  It also
 * prints a 3-class macro P/R/F1: gold positive when the mean is >= +0.5,
 * negative <= -0.5, neutral between; predicted positive when the tone is
 * >= +0.5 (VADER's compound >= 0.05), negative <= -0.5.
 *
 * --dump prints "id<TAB>gold<TAB>tone<TAB>text" for every text (error analysis).
 * --errors N prints the N texts farthest from their rating (the rating
 * times 2.5, onto the -10..+10 scale) in the same format, worst first, and
 * how many texts got no valence at all (tone 0: nothing in the lexicon).
 *
 * --set changes a constant of tone_params for an experiment (alpha,
 * neg_scalar, neg_window, neg_clause, but_before, but_after, caps_incr,
 * excl_incr, boost_decay, whole_text, skip_proper, len_norm).
 *
 * --bench reads a JSON Lines news file, segments every document once
 * (tokens, sentences, boilerplate: dyad_doc_code without models), then
 * times tone_run on each document just after segmenting it (cache-hot)
 * and over all documents in a row (--repeat times, best run: text and
 * tokens then come from memory), and prints MB/s of text beside the
 * segmentation speed. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/doc.h"
#include "../src/tone.h"
#include "dyad.h"

static void die(const char *msg, const char *detail) {
    fprintf(stderr, "evaltone: %s%s%s\n", msg, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct corr {
    double n, sx, sy, sxx, syy, sxy;
} corr;

static void corr_add(corr *c, double x, double y) {
    c->n += 1;
    c->sx += x;
    c->sy += y;
    c->sxx += x * x;
    c->syy += y * y;
    c->sxy += x * y;
}

static double corr_r(const corr *c) {
    double vx = c->n * c->sxx - c->sx * c->sx, vy = c->n * c->syy - c->sy * c->sy;
    if (vx <= 0 || vy <= 0) return 0;
    return (c->n * c->sxy - c->sx * c->sy) / sqrt(vx * vy);
}

static int cls3(double v, double thr) {
    return v >= thr ? 2 : v <= -thr ? 0 : 1;
}

typedef struct miss {
    double gap;
    char *line; /* "id<TAB>gold<TAB>tone<TAB>text" */
} miss;

static int miss_cmp(const void *a, const void *b) {
    double x = ((const miss *)a)->gap, y = ((const miss *)b)->gap;
    return (x < y) - (x > y);
}

static void eval_file(const tone_lex *t, const char *path, int quiet, int dump, int nerr) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open", path);
    corr all = {0}, odd = {0}, even = {0};
    long conf[3][3] = {{0}};
    long zero = 0;
    miss *ms = NULL;
    size_t nms = 0, cap = 0;
    static char line[1 << 16];
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        char *t1 = strchr(line, '\t');
        if (!t1) continue;
        char *t2 = strchr(t1 + 1, '\t');
        if (!t2) continue;
        double gold = atof(t1 + 1);
        long docno = atol(line);
        const char *text = t2 + 1;
        double v = tone_sentence(t, text, strlen(text));
        corr_add(&all, v, gold);
        corr_add(docno % 2 ? &odd : &even, v, gold);
        conf[cls3(gold, 0.5)][cls3(v, 0.5)]++;
        if (dump) printf("%.*s\t%.3f\t%.3f\t%s\n", (int)(t1 - line), line, gold, v, text);
        zero += v == 0;
        if (nerr > 0) {
            if (nms == cap) {
                cap = cap ? 2 * cap : 1024;
                ms = realloc(ms, cap * sizeof *ms);
                if (!ms) die("out of memory", NULL);
            }
            size_t need = strlen(text) + 64;
            char *l = malloc(need);
            if (!l) die("out of memory", NULL);
            snprintf(l, need, "%.*s\t%.3f\t%.3f\t%s", (int)(t1 - line) < 20 ? (int)(t1 - line) : 20, line, gold, v,
                     text);
            ms[nms].gap = fabs(2.5 * gold - v);
            ms[nms++].line = l;
        }
    }
    fclose(f);
    if (nerr > 0) {
        qsort(ms, nms, sizeof *ms, miss_cmp);
        printf("%s: %ld of %.0f texts score 0; the %d farthest from their rating (id, rating, tone, text):\n", path,
               zero, all.n, nerr);
        for (size_t i = 0; i < nms; i++) {
            if (i < (size_t)nerr) printf("  %s\n", ms[i].line);
            free(ms[i].line);
        }
        free(ms);
    }
    double p = 0, r = 0, f1 = 0;
    for (int k = 0; k < 3; k++) {
        long tp = conf[k][k], pred = conf[0][k] + conf[1][k] + conf[2][k], gold = conf[k][0] + conf[k][1] + conf[k][2];
        double pk = pred ? (double)tp / (double)pred : 0, rk = gold ? (double)tp / (double)gold : 0;
        p += pk / 3;
        r += rk / 3;
        f1 += (pk + rk > 0 ? 2 * pk * rk / (pk + rk) : 0) / 3;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    printf("%-40s n=%-5.0f r=%.3f  (odd/tuning %.3f n=%.0f, even/held-out %.3f n=%.0f)  3-class P/R/F1 %.2f/%.2f/%.2f\n",
           base, all.n, corr_r(&all), corr_r(&odd), odd.n, corr_r(&even), even.n, p, r, f1);
    (void)quiet;
}

static void bench(const tone_lex *t, const char *path, int repeat) {
    dyad_reader *rd;
    if (dyad_reader_open(&rd, path, NULL) != DYAD_OK) die("cannot open", path);
    dyad_doc **docs = NULL;
    size_t nd = 0, cap = 0, bytes = 0, toks = 0;
    double tseg = 0, thot = 0;
    for (;;) {
        dyad_doc *d;
        if (dyad_doc_new(&d) != DYAD_OK) die("out of memory", NULL);
        if (dyad_reader_next(rd, d) != DYAD_OK) {
            dyad_doc_free(d);
            break;
        }
        double t0 = now();
        dyad_doc_code(NULL, d);
        tseg += now() - t0;
        if (d->err) {
            dyad_doc_free(d);
            continue;
        }
        /* Cache-hot figure: the document just segmented, tone_run once to
         * warm the lexicon, then timed (an upper bound for the pipeline,
         * where other stages run in between). */
        tone_run(t, d);
        double t2 = now();
        tone_run(t, d);
        thot += now() - t2;
        if (nd == cap) {
            cap = cap ? 2 * cap : 1024;
            docs = realloc(docs, cap * sizeof *docs);
            if (!docs) die("out of memory", NULL);
        }
        docs[nd++] = d;
        bytes += d->len;
        toks += d->ntok;
    }
    dyad_reader_close(rd);
    double best = 1e30, sum = 0;
    for (int k = 0; k < repeat; k++) {
        double t0 = now();
        for (size_t i = 0; i < nd; i++) tone_run(t, docs[i]);
        double dt = now() - t0;
        if (dt < best) best = dt;
    }
    for (size_t i = 0; i < nd; i++) sum += docs[i]->tone;
    printf("bench %s: %zu documents, %.1f MB of text, %zu tokens, mean tone %.2f\n", path, nd, (double)bytes / 1048576.0,
           toks, nd ? sum / (double)nd : 0.0);
    double mb = (double)bytes / 1048576.0;
    printf("  tone_run on each document just segmented (cache-hot): %.0f MB/s, %.1f ns/token, "
           "%.1f%% of segmentation time (dyad_doc_code without models: %.0f MB/s)\n",
           mb / thot, thot * 1e9 / (double)(toks ? toks : 1), 100.0 * thot / tseg, mb / tseg);
    printf("  tone_run over all documents in a row, best of %d (text and tokens from DRAM): %.0f MB/s, %.1f ns/token\n", repeat,
           mb / best, best * 1e9 / (double)(toks ? toks : 1));
    for (size_t i = 0; i < nd; i++) dyad_doc_free(docs[i]);
    free(docs);
}

static void set_param(tone_params *p, const char *kv) {
    const char *eq = strchr(kv, '=');
    if (!eq) die("--set needs NAME=VALUE", kv);
    size_t n = (size_t)(eq - kv);
    double v = atof(eq + 1);
#define P(name, conv)                                                 \
    if (n == strlen(#name) && !strncmp(kv, #name, n)) {              \
        p->name = conv;                                               \
        return;                                                       \
    }
    P(alpha, v) P(neg_scalar, v) P(neg_window, (int)v) P(neg_clause, (int)v) P(but_before, v) P(but_after, v)
    P(caps_incr, v) P(excl_incr, v) P(boost_decay, v) P(whole_text, (int)v)
    P(skip_proper, (int)v) P(len_norm, v)
#undef P
    die("unknown parameter", kv);
}

int main(int argc, char **argv) {
    const char *model = "models/tone.bin", *bfile = NULL;
    int repeat = 5, quiet = 0, dump = 0, nerr = 0;
    tone_params p;
    tone_params_default(&p);
    const char *files[64];
    int nf = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--model") && i + 1 < argc)
            model = argv[++i];
        else if (!strcmp(argv[i], "--set") && i + 1 < argc)
            set_param(&p, argv[++i]);
        else if (!strcmp(argv[i], "--bench") && i + 1 < argc)
            bfile = argv[++i];
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--quiet"))
            quiet = 1;
        else if (!strcmp(argv[i], "--dump"))
            dump = 1;
        else if (!strcmp(argv[i], "--errors") && i + 1 < argc)
            nerr = atoi(argv[++i]);
        else if (argv[i][0] == '-' || nf == 64)
            die("usage: evaltone [--model FILE] [--set NAME=VALUE] [--dump] [--errors N] [--bench NEWS.jsonl [--repeat N]] "
                "FILE ...",
                NULL);
        else
            files[nf++] = argv[i];
    }
    char err[512];
    tone_lex *t;
    double t0 = now();
    int rc = tone_open_file(&t, model, err, sizeof err);
    if (rc) die(err, NULL);
    double topen = now() - t0;
    tone_set_params(t, &p);
    if (!quiet) printf("lexicon %s: %zu entries, opened in %.2f ms\n", model, tone_size(t), topen * 1e3);
    for (int i = 0; i < nf; i++) eval_file(t, files[i], quiet, dump, nerr);
    if (bfile) bench(t, bfile, repeat < 1 ? 1 : repeat);
    tone_close(t);
    return 0;
}
