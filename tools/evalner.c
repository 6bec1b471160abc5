/* evalner.c -- accuracy and speed of dyad's named-entity recognizer.
 *
 *   evalner --model NER.bin --tagger TAGGER.bin [--uner TEST.iob2]
 *           [--wikigold FILE] [--gum DIR] [--speed NEWS.jsonl [--docs N]]
 *
 * Gold tokenization, one sentence at a time: each sentence is tagged with
 * the tagger (tagger_tag_words), then labeled with ner_tag_words, the code
 * path ner_run uses.  Scores are CoNLL-style: a name counts when its span
 * and type are exactly right; precision, recall and F1 per type and over
 * all types.  UNER marks PER, ORG and LOC only, so MISC predictions are
 * ignored there; wikigold is scored on all four types; GUM on the news
 * test documents of its splits.md (and news + interview test), its
 * mentions mapped as tools/ner_data.h describes.
 *
 * --speed: the "text" of the first N (default all) JSON lines of a news
 * file is tokenized, split, tagged (not timed), then ner_run alone is
 * timed over all documents (best of three passes): tokens per second on
 * one core. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/doc.h"
#include "../src/ner.h"
#include "../src/tagger.h"
#include "dyad.h"
#include "ner_data.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int show_errors;

static void report(const char *name, const nd_corpus *c, const ner_model *m, int ntypes) {
    nd_score sc;
    memset(&sc, 0, sizeof sc);
    size_t words = 0;
    double t0 = now();
    for (size_t i = 0; i < c->n; i++) {
        const nd_sent *s = &c->s[i];
        uint8_t *pred = malloc((size_t)s->n + 1);
        if (!pred || ner_tag_words(m, s->forms, s->lens, s->upos, s->xpos, NULL, s->n, pred)) nd_die("ner failed", NULL);
        nd_count(&sc, s->gold, pred, s->n, s->src == ND_UNER);
        if (show_errors) nd_print_diff(stdout, s, pred);
        words += (size_t)s->n;
        free(pred);
    }
    double dt = now() - t0;
    printf("%-22s %6zu words %5zu names  ", name, words, nd_names(c));
    long tp = 0, fp = 0, fn = 0;
    for (int t = 0; t < ntypes; t++) {
        tp += sc.tp[t];
        fp += sc.fp[t];
        fn += sc.fn[t];
    }
    printf("P %5.2f R %5.2f F1 %5.2f   (%.0f words/s)\n", tp + fp ? 100.0 * (double)tp / (double)(tp + fp) : 0.0,
           tp + fn ? 100.0 * (double)tp / (double)(tp + fn) : 0.0, nd_f1(tp, fp, fn), (double)words / (dt > 0 ? dt : 1e-9));
    for (int t = 0; t < ntypes; t++)
        printf("  %-5s P %5.2f R %5.2f F1 %5.2f  (gold %ld, predicted %ld)\n", ner_type_names[t],
               sc.tp[t] + sc.fp[t] ? 100.0 * (double)sc.tp[t] / (double)(sc.tp[t] + sc.fp[t]) : 0.0,
               sc.tp[t] + sc.fn[t] ? 100.0 * (double)sc.tp[t] / (double)(sc.tp[t] + sc.fn[t]) : 0.0,
               nd_f1(sc.tp[t], sc.fp[t], sc.fn[t]), sc.tp[t] + sc.fn[t], sc.tp[t] + sc.fp[t]);
}

static void speed(const char *path, long maxdocs, const ner_model *m, const tagger *tg) {
    FILE *f = fopen(path, "rb");
    if (!f) nd_die("cannot open", path);
    char *line = NULL, *buf = NULL;
    size_t lcap = 0, bcap = 0, ndoc = 0, cap = 0;
    ssize_t got;
    dyad_doc **docs = NULL;
    while ((maxdocs <= 0 || (long)ndoc < maxdocs) && (got = getline(&line, &lcap, f)) > 0) {
        if ((size_t)got * 3 + 1 > bcap) {
            bcap = (size_t)got * 3 + 1;
            buf = realloc(buf, bcap);
            if (!buf) nd_die("out of memory", NULL);
        }
        size_t n = nd_json_text(line, buf);
        if (!n) continue;
        dyad_doc *d;
        if (dyad_doc_new(&d) || dyad_doc_set_text(d, buf, n) || tok_run(d) || sent_run(d) || boiler_run(d) ||
            tagger_run(tg, d)) nd_die("cannot prepare a document", NULL);
        if (ndoc == cap) {
            cap = cap ? cap * 2 : 1024;
            docs = realloc(docs, cap * sizeof *docs);
            if (!docs) nd_die("out of memory", NULL);
        }
        docs[ndoc++] = d;
    }
    fclose(f);
    free(line);
    free(buf);
    size_t ntok = 0, nent = 0;
    for (size_t i = 0; i < ndoc; i++) ntok += docs[i]->ntok;
    double best = 1e30;
    for (int pass = 0; pass < 3; pass++) {
        nent = 0;
        double t0 = now();
        for (size_t i = 0; i < ndoc; i++) {
            docs[i]->nent = 0;
            if (ner_run(m, docs[i])) nd_die("ner_run failed", NULL);
            nent += docs[i]->nent;
        }
        double dt = now() - t0;
        if (dt < best) best = dt;
    }
    printf("speed: ner_run on %zu documents, %zu tokens, %zu names: %.3f s, %.0f tokens/s\n", ndoc, ntok, nent, best,
           (double)ntok / best);
    for (size_t i = 0; i < ndoc; i++) dyad_doc_free(docs[i]);
    free(docs);
}

int main(int argc, char **argv) {
    const char *model = NULL, *tpath = NULL, *uner = NULL, *wiki = NULL, *gum = NULL, *sp = NULL;
    long maxdocs = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *a = argv[i], *v = argv[i + 1];
        if (!strcmp(a, "--model")) model = v;
        else if (!strcmp(a, "--tagger")) tpath = v;
        else if (!strcmp(a, "--uner")) uner = v;
        else if (!strcmp(a, "--wikigold")) wiki = v;
        else if (!strcmp(a, "--gum")) gum = v;
        else if (!strcmp(a, "--speed")) sp = v;
        else if (!strcmp(a, "--docs")) maxdocs = atol(v);
        else if (!strcmp(a, "--errors")) show_errors = atoi(v);
        else nd_die("unknown option", a);
    }
    if (!model || !tpath) nd_die("usage: evalner --model NER.bin --tagger TAGGER.bin [--uner F] [--wikigold F] [--gum DIR] [--speed F.jsonl]", NULL);
    char err[256];
    ner_model *m;
    tagger *tg;
    if (ner_open_file(&m, model, err, sizeof err)) nd_die(err, NULL);
    if (tagger_open_file(&tg, tpath, err, sizeof err)) nd_die(err, NULL);
    if (uner) {
        nd_corpus c = {0};
        nd_read_uner(&c, uner);
        nd_tag(&c, tg);
        report("UNER-EWT-test", &c, m, 3);
    }
    if (wiki) {
        nd_corpus c = {0};
        nd_read_conll(&c, wiki);
        nd_tag(&c, tg);
        report("wikigold", &c, m, 4);
    }
    if (gum) {
        nd_corpus c = {0};
        nd_read_gum(&c, gum, "test", "news");
        nd_tag(&c, tg);
        report("GUM-news-test", &c, m, 4);
        nd_corpus c2 = {0};
        nd_read_gum(&c2, gum, "test", NULL);
        nd_tag(&c2, tg);
        report("GUM-news+interv-test", &c2, m, 4);
    }
    if (sp) speed(sp, maxdocs, m, tg);
    ner_close(m);
    tagger_close(tg);
    return 0;
}
