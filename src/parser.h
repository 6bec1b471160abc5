/* parser.h -- labeled dependency parser (private).
 *
 * A greedy arc-hybrid transition parser (SHIFT, LEFT, RIGHT; the root sits
 * at the end of the buffer and may take only one dependent, so every parse
 * is a projective tree with a single root).  Transitions are scored by an
 * averaged perceptron over hashed feature templates in the style of Zhang
 * & Nivre (2011); when an arc is made a second perceptron picks its label
 * from features of the head and of the dependent's complete subtree.  The
 * model is a read-only image (model.h, kind "parser") used in place, so an
 * open parser is immutable and may be shared by threads.
 *
 * The state machine and the feature extraction are exposed below for the
 * training program (tools/train_parser.c); the library itself only needs
 * parser_open/parser_run. */
#ifndef DYAD_PARSER_H
#define DYAD_PARSER_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

#define PARSER_KIND "parser"
#define PARSER_VERSION 2

typedef struct parser parser;

/* Open a parser model image held in buf[0..len) (not copied: it must
 * outlive the parser).  DYAD_EFORMAT with a reason in err if the image is
 * truncated, corrupt, of another kind or version; DYAD_ENOMEM. */
int parser_open(parser **out, const void *buf, size_t len, char *err, size_t errlen);
/* mmap a model file and open it; DYAD_EIO if it cannot be read. */
int parser_open_file(parser **out, const char *path, char *err, size_t errlen);
/* Release a parser (and its mapping).  Accepts NULL. */
void parser_close(parser *p);

/* Parse every sentence of a tagged document (doc->an upos/xpos set): fills
 * doc->an[i].head (absolute token index, -1 for the root) and .deprel, and
 * sets doc->parsed.  DYAD_EINVAL if the document is not tagged (or has a
 * sentence of over 2^30 words; then nothing is parsed).  Uses about 60 KB
 * of stack, no heap.  The parser is read-only: any number of threads may
 * share it. */
int parser_run(const parser *p, dyad_doc *doc);

/* Parse one sentence of n words given as forms (forms[i], lens[i] bytes),
 * UPOS and XPOS ids (ud.h): heads[i] gets 0 for the root or the 1-based
 * index of the head, deprels[i] a DEP_* id.  lens may be NULL (strlen),
 * a NULL form is an empty word, NULL upos/xpos mean X/XX, out-of-range tag
 * ids map to X/XX.  Any n >= 0 is accepted; sentences over PARSER_MAXW
 * words are parsed in chunks whose roots hang from the first chunk's root
 * (parataxis): linear time, about 30 KB of stack, no heap.  DYAD_OK, or
 * DYAD_EINVAL for n < 0 or NULL p/forms/heads/deprels with n > 0. */
/* A second look after parser_run: verbs tagged as participles that the
 * parse gives a subject of their own and no auxiliary are retagged as
 * finite pasts (VBD) and their sentences parsed again.  Kept apart from
 * parser_run so that parser_run stays the plain model. */
int parser_refine(const parser *p, dyad_doc *doc);

int parser_parse_words(const parser *p, const char *const *forms, const size_t *lens, const uint8_t *upos,
                       const uint8_t *xpos, int n, int *heads, uint8_t *deprels);

/* ---- training interface (tools/train_parser.c) ---------------------------- */

/* Words per parse chunk: per-sentence state lives on the stack. */
#define PARSER_MAXW 512
#define PARSER_NFEAT 128  /* upper bound of transition features per state */
#define PARSER_NLFEAT 40  /* upper bound of label features per arc */
#define PARSER_NLABEL DEP_COUNT

enum { PARSER_SHIFT, PARSER_LEFT, PARSER_RIGHT, PARSER_NMOVE };

/* Per-word input of the state: hashed lower-cased form, shape, tags. */
typedef struct parser_word {
    uint64_t w;     /* parser_word_hash of the form */
    uint64_t sfx;   /* hash of the last 3 bytes of the lower-cased form */
    uint8_t u, x;   /* UPOS/XPOS ids + 1 (0: none) */
} parser_word;

/* Parse state for up to PARSER_MAXW words (word n is the root). */
typedef struct parser_state {
    int n;
    int nstack, b;                 /* stack depth; buffer front (n = root) */
    int16_t stack[PARSER_MAXW + 1];
    int16_t head[PARSER_MAXW + 1]; /* 0-based head, n for root, -1 none */
    uint8_t lab[PARSER_MAXW + 1];
    int16_t l1[PARSER_MAXW + 1], l2[PARSER_MAXW + 1]; /* leftmost two children */
    int16_t r1[PARSER_MAXW + 1], r2[PARSER_MAXW + 1]; /* rightmost two */
    uint8_t nl[PARSER_MAXW + 1], nr[PARSER_MAXW + 1]; /* valency, saturating */
    uint64_t lset[PARSER_MAXW + 1], rset[PARSER_MAXW + 1]; /* child label sets */
    parser_word wd[PARSER_MAXW + 1];
} parser_state;

/* Hash of a word form: ASCII lower-cased, digits folded to '0'. */
uint64_t parser_word_hash(const char *s, size_t n);
/* Fill word i of st from its form and tags (ud ids). */
void parser_state_word(parser_state *st, int i, const char *form, size_t len, int upos, int xpos);
/* Start a parse of n words (1 <= n <= PARSER_MAXW) whose wd[] are filled. */
void parser_state_init(parser_state *st, int n);
int parser_state_done(const parser_state *st);
/* valid[m] = 1 if move m is allowed now. */
void parser_state_valid(const parser_state *st, int valid[PARSER_NMOVE]);
/* Transition features of the current state into f; returns the count. */
int parser_state_feats(const parser_state *st, uint64_t *f);
/* Label features of the arc the move would make (LEFT or RIGHT). */
int parser_state_lfeats(const parser_state *st, int move, uint64_t *f);
/* Head and dependent of the arc a move makes. */
void parser_state_arc(const parser_state *st, int move, int *h, int *d);
/* Apply a valid move (label used for arcs). */
void parser_state_apply(parser_state *st, int move, int label);

#endif
