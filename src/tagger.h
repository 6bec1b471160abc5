/* tagger.h -- part-of-speech tagger and lemmatizer (private).
 *
 * One greedy left-to-right averaged-perceptron pass predicts a joint class
 * (PTB XPOS, UPOS, and the FEATS bits later stages need: Tense, VerbForm,
 * Mood, Number, Voice, Polarity, Person=3) for every word; a lemmatizer
 * then looks up (form, XPOS) in a dictionary learned from the treebank and
 * falls back to suffix-rewrite rules chosen by (XPOS, suffix).  Everything
 * lives in one read-only model image (model.h, kind "tagger") used in
 * place, so a tagger is opened in well under a millisecond and shared by
 * any number of threads.
 *
 * The feature extraction and the image layout are shared with the trainer
 * (tools/train_tagger.c) through the tg_* declarations below, so training
 * and tagging can never disagree about a feature. */
#ifndef DYAD_TAGGER_H
#define DYAD_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

typedef struct tagger tagger;

/* Open from a model image in memory (buf must outlive the tagger) or mmap a
 * file.  DYAD_EFORMAT / DYAD_EIO / DYAD_ENOMEM with a message in err. */
int tagger_open(tagger **out, const void *buf, size_t len, char *err, size_t errlen);
int tagger_open_file(tagger **out, const char *path, char *err, size_t errlen);

/* With on, the pipeline's repairs for words the model does not know: an
 * irregular verb form of tagger.c's list ("tore", "fled", "withdrew") is
 * tagged with the ambiguity class of a past or participle and gets its
 * lemma ("tear"); a present verb right after a verb's bare noun is a plural
 * noun ("mobilized army reservists").  It also turns on the context
 * repairs of tagger.c, constraints over the tag sequence after which the
 * model re-decodes the rest of the sentence: "to" before a possible base
 * verb after a word taking an infinitive ("offered to hand over") is TO +
 * VB, and an adjective ending the subject right before its verb ("the
 * official today praised") is a noun.  The pipeline turns it on; the
 * training tools leave it off so that they reproduce the committed models
 * byte for byte. */
void tagger_use_irregular(tagger *t, int on);
/* Release a tagger (and its mapping).  Accepts NULL. */
void tagger_close(tagger *t);

/* Tag and lemmatize every sentence of a segmented document (doc->toks,
 * doc->sents), filling doc->an and setting doc->tagged.  Tokens outside
 * any sentence are tagged as one extra run each.  Lemmas point into the
 * model or the document arena.  Thread-safe: the tagger is read-only.
 * DYAD_OK, DYAD_EINVAL (NULL argument) or DYAD_ENOMEM. */
int tagger_run(const tagger *t, dyad_doc *doc);

/* Tag one sentence given as words (gold tokenization, jackknifing):
 * forms[i] of lens[i] bytes -> upos[i], xpos[i], feats[i] and lemmas[i],
 * a NUL-terminated string inside lemma_buf (lemma_cap bytes) or inside the
 * model.  When lemma_buf is too small the remaining lemmas are set to ""
 * and DYAD_ETOOBIG is returned (tags are still complete); lemmas may be
 * NULL to skip lemmatization.  n == 0 is a no-op. */
int tagger_tag_words(const tagger *t, const char *const *forms, const size_t *lens, int n, uint8_t *upos,
                     uint8_t *xpos, uint16_t *feats, const char **lemmas, char *lemma_buf, size_t lemma_cap);

/* Number of joint classes and the labels of class c (for tools). */
int tagger_nclass(const tagger *t);

/* The tagger's unlabeled-text statistics of a word (form, len bytes, any
 * case): the "amb" value of tagger.h (XPOS ambiguity mask, capitals
 * bucket at TG_CAP_SHIFT, cluster id + 1 at TG_CLU_SHIFT), 0 if the word
 * is unknown.  For other models' trainers (tools/train_ner.c copies the
 * clusters into its own image). */
uint64_t tagger_word_info(const tagger *t, const char *form, size_t len);

/* ---- shared with the trainer -------------------------------------------- */

#define TAGGER_VERSION 3 /* 2: cluster and capitals features; 3: case of non-ASCII letters in the shape */
#define TG_MAXFEAT 48   /* feature hashes per token, upper bound */
#define TG_MAXCLASS 250 /* class ids are one byte; 2 more for the history start */
#define TG_NORM_MAX 96  /* bytes of a normalized form used for features and lemma rules */
#define TG_DENSE 0x80000000u /* row header flag */
#define TG_NSTATIC 36   /* tg_feats_static count */
#define TG_SFX_MAX 5    /* longest suffix of a lemma rule key */

/* Lexical hashes of one token, computed once per sentence. */
enum { TG_W, TG_S1, TG_S2, TG_S3, TG_S4, TG_P1, TG_P2, TG_P3, TG_SHAPE, TG_FLAGS, TG_AMB, TG_CLU, TG_CAP, TG_NLEX };
/* The ambiguity table's value: XPOS mask in bits 0-49, the capitals
 * bucket (0 = unknown, else 1 + how often the word is capitalized inside
 * a sentence, in ninths) in bits 50-53, the distributional cluster id + 1
 * (0 = none) from bit TG_CLU_SHIFT up. */
#define TG_CAP_SHIFT 50
#define TG_CLU_SHIFT 54
#define TG_AMB_MASK ((1ULL << TG_CAP_SHIFT) - 1)
typedef struct tg_tok {
    uint64_t h[TG_NLEX];
} tg_tok;

/* Compute tg_tok for each of n words.  A sentence written mostly in
 * capitals (a wire headline) is featurized as if lower case.  Never fails. */
/* amb(ctx, word hash) gives the word's ambiguity class: the mask of the
 * XPOS tags it had in training (0 if rare or unseen). */
typedef uint64_t (*tg_amb_fn)(const void *ctx, uint64_t wordhash);
void tg_prep(tg_tok *out, const char *const *forms, const size_t *lens, int n, tg_amb_fn amb, const void *ctx);
/* Feature hashes of word i given the classes of words i-1 and i-2
 * (TG_MAXCLASS / TG_MAXCLASS+1 for "before the sentence").  Returns the
 * count (<= TG_MAXFEAT). */
int tg_feats(const tg_tok *s, int n, int i, int p1, int p2, uint64_t *out);
/* The two halves of tg_feats: features of the words alone (exactly
 * TG_NSTATIC) and those involving the predicted classes. */
int tg_feats_static(const tg_tok *s, int n, int i, uint64_t *out);
int tg_feats_dyn(const tg_tok *s, int n, int i, int p1, int p2, uint64_t *out);

/* Normalize a form for features and lemmas: curly quotes, dashes and the
 * ellipsis become ASCII, and with lower != 0 letters are lower-cased
 * (ASCII by table, others through utf8proc).  Writes at most cap-1 bytes
 * plus a NUL; returns the length written. */
size_t tg_norm(const char *s, size_t n, char *out, size_t cap, int lower);

/* Keys of the lemma table: the dictionary entry (xpos, lower-cased form)
 * and the rule entry (xpos, suffix). */
uint64_t tg_lemkey_dict(int xpos, const char *s, size_t n);
uint64_t tg_lemkey_rule(int xpos, const char *s, size_t n);
/* 1 if lemmas of this XPOS keep the form's case (proper nouns). */
int tg_keeps_case(int xpos);

/* Image sections (all little-endian, each 64-byte aligned):
 *   "meta"    tg_meta
 *   "classes" nclass lines "XPOS\tUPOS\tFEATS\n" (names, mapped to ud.h ids at open)
 *   "ftab"    fslots x tg_fslot: open addressing on the feature hash
 *   "wts"     uint32 rows: count, then count entries (class | int16 weight << 16);
 *             or, for rows with many classes, TG_DENSE | words, then the
 *             int16 weights of all classes packed two to a word
 *   "ltab"    lslots x tg_lslot: lemma dictionary and rules
 *   "pool"    NUL-terminated strings
 *   "amb"     aslots x tg_aslot: word hash -> XPOS ambiguity mask */
typedef struct tg_meta {
    uint32_t nclass;
    uint32_t fslots; /* power of two */
    uint32_t lslots; /* power of two */
    uint32_t nfeat;  /* stored features (informational) */
    float scale;     /* weight = int16 / scale */
    uint32_t pad[3]; /* [0] feature probe bound, [1] lemma probe bound, [2] ambiguity probe bound */
    uint32_t aslots; /* power of two */
    uint32_t pad2[7];
} tg_meta;

typedef struct tg_fslot {
    uint32_t fp;  /* high 32 bits of the feature hash */
    uint32_t off; /* row offset in "wts"; 0 = empty slot */
} tg_fslot;

typedef struct tg_aslot {
    uint64_t key;  /* word hash (tg_tok.h[TG_W]); 0 = empty */
    uint64_t mask; /* bit x: XPOS x */
} tg_aslot;

typedef struct tg_lslot {
    uint64_t key;  /* 0 = empty */
    uint32_t val;  /* pool offset: the lemma (dictionary) or the appended suffix (rule) */
    uint32_t strip; /* rule: bytes removed from the form's end */
} tg_lslot;

#endif
