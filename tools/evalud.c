/* evalud.c -- score a system CoNLL-U file against gold, word by word.
 *
 * For evaluation on gold tokenization: the system file must hold the same
 * words in the same order (what `dyad parse --input conllu GOLD` writes).
 * Prints UPOS, XPOS, FEATS (the features dyad predicts: Tense, VerbForm,
 * Mood, Number, Voice, Polarity, Person=3), lemma accuracy, UAS, LAS on the
 * universal relation (CoNLL 2018: subtypes ignored) and LAS with subtypes.
 * Punctuation counts, as in CoNLL 2018.
 *
 *   evalud [--name NAME] GOLD.conllu SYSTEM.conllu */
#include <stdio.h>
#include <string.h>

#include "../src/conllu.h"
#include "../src/ud.h"

static size_t univ_len(const char *rel) {
    const char *c = strchr(rel, ':');
    return c ? (size_t)(c - rel) : strlen(rel);
}

int main(int argc, char **argv) {
    const char *name = "eval";
    int a = 1;
    if (argc > 2 && !strcmp(argv[1], "--name")) {
        name = argv[2];
        a = 3;
    }
    if (argc - a != 2) {
        fprintf(stderr, "usage: evalud [--name NAME] GOLD.conllu SYSTEM.conllu\n");
        return 2;
    }
    cu_corpus g, s;
    char err[512];
    if (cu_read(&g, argv[a], err, sizeof err) || cu_read(&s, argv[a + 1], err, sizeof err)) {
        fprintf(stderr, "evalud: %s\n", err);
        return 2;
    }
    if (g.nwords != s.nwords) {
        fprintf(stderr, "evalud: %zu gold words but %zu system words: not the same tokenization\n", g.nwords, s.nwords);
        return 2;
    }
    long n = (long)g.nwords, upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0, lasfull = 0, mism = 0;
    for (size_t i = 0; i < g.nwords; i++) {
        const cu_word *gw = &g.words[i], *sw = &s.words[i];
        if (strcmp(gw->form, sw->form) != 0) mism++;
        upos += !strcmp(gw->upos, sw->upos);
        xpos += !strcmp(gw->xpos, sw->xpos);
        feats += ud_feats_parse(gw->feats, strlen(gw->feats)) == ud_feats_parse(sw->feats, strlen(sw->feats));
        lemma += !strcmp(gw->lemma, sw->lemma);
        if (gw->head == sw->head) {
            uas++;
            size_t gl = univ_len(gw->deprel), sl = univ_len(sw->deprel);
            if (gl == sl && !memcmp(gw->deprel, sw->deprel, gl)) las++;
            if (!strcmp(gw->deprel, sw->deprel)) lasfull++;
        }
    }
    if (mism) fprintf(stderr, "evalud: warning: %ld word forms differ\n", mism);
#define PCT(x) (n ? 100.0 * (double)(x) / (double)n : 0.0)
    printf("%s words=%ld UPOS=%.2f XPOS=%.2f FEATS=%.2f Lemma=%.2f UAS=%.2f LAS=%.2f LAS(subtypes)=%.2f\n", name, n,
           PCT(upos), PCT(xpos), PCT(feats), PCT(lemma), PCT(uas), PCT(las), PCT(lasfull));
    cu_free(&g);
    cu_free(&s);
    return 0;
}
