/* conllu.h -- a CoNLL-U reader for training, evaluation and `dyad parse
 * --input conllu` (private).
 *
 * The whole file is read into one buffer whose tabs and newlines become
 * NULs; words and sentences point into it, so a 15 MB treebank is two
 * allocations plus the arrays.  Multiword-token lines ("1-2 don't") are
 * kept as ranges; empty nodes ("8.1") are skipped. */
#ifndef DYAD_CONLLU_H
#define DYAD_CONLLU_H

#include <stddef.h>

typedef struct cu_word {
    const char *form, *lemma, *upos, *xpos, *feats, *deps, *misc;
    const char *deprel;
    int head; /* 0 = root, else 1-based index in the sentence; -1 if "_" */
} cu_word;

typedef struct cu_mwt {
    int first, last; /* 1-based word range */
    const char *form;
    const char *misc;
} cu_mwt;

typedef struct cu_sent {
    cu_word *w; /* n words (index 0 = word 1) */
    int n;
    cu_mwt *mwt;
    int nmwt;
    const char *text;    /* "# text = " or NULL */
    const char *sent_id; /* "# sent_id = " or NULL */
    int newdoc, newpar;  /* the sentence starts a document / paragraph */
    size_t first_word;   /* index of w[0] in cu_corpus.words */
    size_t first_mwt;
} cu_sent;

typedef struct cu_corpus {
    char *buf;
    cu_sent *s;
    size_t n;
    cu_word *words; /* all words, contiguous; s[i].w points inside */
    size_t nwords;
    cu_mwt *mwts;
    size_t nmwts;
} cu_corpus;

/* Parse CoNLL-U text (the buffer is taken over by the corpus and modified;
 * it must be NUL-terminated at len).  Returns 0, or -1 with a message
 * "line N: reason" in err. */
int cu_parse(cu_corpus *c, char *buf, size_t len, char *err, size_t errlen);
/* Read and parse a file. */
int cu_read(cu_corpus *c, const char *path, char *err, size_t errlen);
void cu_free(cu_corpus *c);

#endif
