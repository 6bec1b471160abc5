/* ner.h -- named-entity recognizer (private).
 *
 * A structured averaged perceptron over BILOU labels of four types
 * (PER, ORG, LOC, MISC), first-order Viterbi decoding with the BILOU
 * constraints built in, and hashed features: the word and its neighbours,
 * affixes, shapes, capitalization in context, the tagger's XPOS, word
 * clusters and how often a word is capitalized in unlabeled news (both
 * copied from the tagger's statistics into this model's own lexicon), and
 * the labels of the previous word through the transition scores.
 *
 * Only "candidate" words are scored: words with a capital letter (or any
 * word of a sentence in capitals), proper nouns by the tagger, words the
 * training data showed inside names, connectors ("of", "de") between
 * capitalized words and numbers next to them.  Everything else is O
 * without a feature computed, which is most of running news text; each
 * maximal run of candidates is decoded on its own.  The trainer applies
 * the same gate, so training and tagging see the same problem.
 *
 * A model may carry a second, document stage (NR_FS_DOC): the first
 * stage labels the whole document, and the second relabels it seeing,
 * for each word, how the first stage labeled it and its other
 * occurrences in the document.  (Measured worse; the committed model has
 * one stage.)
 *
 * Everything lives in one read-only model image (model.h, kind "ner")
 * used in place; features and the gate are shared with the trainer
 * (tools/train_ner.c) through the nr_* declarations below. */
#ifndef DYAD_NER_H
#define DYAD_NER_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

typedef struct ner_model ner_model;

/* Open from a model image in memory (buf must outlive the model, 8-byte
 * aligned) or mmap a file.  A truncated, corrupt or other-version image is
 * refused: DYAD_EFORMAT / DYAD_EIO / DYAD_ENOMEM with a message in err. */
int ner_open(ner_model **out, const void *buf, size_t len, char *err, size_t errlen);
int ner_open_file(ner_model **out, const char *path, char *err, size_t errlen);
/* Release a model (and its mapping).  Accepts NULL. */
void ner_close(ner_model *m);

/* Find named-entity mentions in every sentence of a tagged document
 * (doc->toks, doc->sents, doc->an filled by the tagger) and append them to
 * doc->ents with doc_push_ent, in text order: type ENT_PERSON, ENT_ORG,
 * ENT_LOC (any place) or ENT_MISC (other names), actor = -1; a person
 * gets the gender hint of its given name (dent.gender: NR_LEX_FEMALE or
 * NR_LEX_MALE of its first given name that is neither a title nor the
 * name's last word), 0 if unknown.  Tokens
 * inside boilerplate (TOKF_BOILER) are not tagged; an untagged document
 * is read with every tag unknown.  Thread-safe (the model is read-only);
 * scratch comes from doc->scratch.  DYAD_OK, DYAD_EINVAL or DYAD_ENOMEM. */
int ner_run(const ner_model *m, dyad_doc *doc);

/* Label one sentence given as words (gold tokenization: training and
 * evaluation tools): forms[i] of lens[i] bytes with the tagger's upos[i]
 * and xpos[i] (ud.h ids; NULL for unknown) -> labels[i], a NER_L_* BILOU
 * label.  boiler may be NULL, else boiler[i] != 0 forces O.  One
 * allocation per long sentence, none per word.  DYAD_OK, DYAD_EINVAL or
 * DYAD_ENOMEM. */
int ner_tag_words(const ner_model *m, const char *const *forms, const size_t *lens, const uint8_t *upos,
                  const uint8_t *xpos, const uint8_t *boiler, int n, uint8_t *labels);

/* The same for a whole document of n words in nsent sentences of
 * sent_len[k] words each (summing to n): a model with a second stage
 * (NR_FS_DOC) reads the first stage's names of the whole document, as
 * ner_run does.  One allocation; DYAD_OK, DYAD_EINVAL or DYAD_ENOMEM. */
int ner_tag_doc_words(const ner_model *m, const char *const *forms, const size_t *lens, const uint8_t *upos,
                      const uint8_t *xpos, const uint8_t *boiler, int n, const int *sent_len, int nsent,
                      uint8_t *labels);

/* ---- shared with the trainer -------------------------------------------- */

#define NER_VERSION 2
#define NER_NTYPE 4          /* PER ORG LOC MISC */
#define NER_NLABEL 17        /* O, then B I L U of each type */
#define NER_MAXFEAT 112      /* static feature hashes per word, upper bound */
#define NER_NORM_MAX 64      /* bytes of a normalized form used for features */

/* Types, in label order. */
enum { NER_PER, NER_ORG, NER_LOC, NER_MISC };
/* Label of position p (NER_PB..NER_PU) in a name of type t; O is 0. */
#define NER_O 0
enum { NER_PB, NER_PI, NER_PL, NER_PU };
#define NER_LABEL(t, p) (1 + 4 * (t) + (p))
#define NER_LTYPE(l) (((l) - 1) / 4)
#define NER_LPOS(l) (((l) - 1) % 4)
extern const char *const ner_type_names[NER_NTYPE];

/* 1 if label b may follow label a (a = NER_NLABEL: the run's start;
 * b = NER_NLABEL: its end). */
int ner_allowed(int a, int b);

/* The lexicon's value for a word (nr_lexval): the tagger's cluster id + 1
 * (0 none) in bits 0-8, its capitals bucket (0 unknown, else 1 + how often
 * the word is capitalized inside sentences of news, in ninths) in bits
 * 9-12, and the flags below. */
#define NR_LEX_CLU(v) ((v) & 0x1ffu)
#define NR_LEX_CAP(v) (((v) >> 9) & 15u)
enum {
    NR_LEX_ENTWORD = 1u << 13,   /* written in lower case inside a name in the training data */
    NR_LEX_CONNECT = 1u << 14    /* a lower-case word inside names ("of", "de", "and") */
};
/* Bits 15-22: how a context-only model labeled the word's capitalized
 * uses inside sentences of unlabeled news, two bits per type (PER ORG LOC
 * MISC: 0 under 10%, 1 under 40%, 2 under 75%, 3 more); bit 23: the word
 * had enough such uses for these to mean something. */
#define NR_LEX_AGG(v, t) (((v) >> (15 + 2 * (t))) & 3u)
#define NR_LEX_HASAGG (1u << 23)
/* Bits 24-26: the place gazetteer's word (models/gazetteer.bin when the
 * model was trained): 0 not a place name, 1 a minor or common-word place,
 * 2 a town, 3 a country, first-level area, region or large city; bit 26 a
 * nationality word ("French"). */
#define NR_LEX_GAZ(v) (((v) >> 24) & 7u)
/* Bits 32-40: what the dictionaries (data/dict/ *.dict) and a list of
 * given names say of the word as a capitalized word of a name. */
enum {
    NR_LEX_FIRST = 1ull << 32,    /* the first word of a person's name ("Angela") */
    NR_LEX_LAST = 1ull << 33,     /* a later word of a person's name ("Merkel") */
    NR_LEX_ORGW = 1ull << 34,     /* a word of an organisation's name */
    NR_LEX_ORGEND = 1ull << 35,   /* the last word of several organisations' names ("Party", "Bank") */
    NR_LEX_CTRY = 1ull << 36,     /* a word of a country's name or a capital's */
    NR_LEX_ADJ = 1ull << 37,      /* a country's adjective or demonym */
    NR_LEX_ROLE = 1ull << 38,     /* a role or title word ("President", "minister") */
    NR_LEX_ORGSTART = 1ull << 39, /* the first word of an organisation's name */
    NR_LEX_GIVEN = 1ull << 40     /* a given name of a first-name list ("Julie", "Vince") */
};
#define NR_LEX_DICT(v) (((v) >> 32) & 0x1ffu)
/* Bits 41-42: the gender of a given name, for ner_run's hint on persons
 * (dent.gender) and never part of any feature (nr_prep reads no bit
 * above 40), so a model with them scores exactly as one without: set when
 * the name is in the female list (the first --names of the trainer) or
 * the male list (the second) alone.  A name of both lists ("Hillary",
 * "Bernie", "Kim") takes the gender of the pronouns that follow it in the
 * trainer's unlabeled news when they are clear enough, else neither bit;
 * a name of neither list has neither.  Models trained before these bits
 * existed have neither anywhere: no hints, same names. */
enum {
    NR_LEX_FEMALE = 1ull << 41,
    NR_LEX_MALE = 1ull << 42
};
typedef uint64_t (*nr_lex_fn)(const void *ctx, uint64_t wordhash);

/* Hash of a word for the lexicon: normalized (tg_norm) and lower-cased. */
uint64_t nr_word_hash(const char *form, size_t len);

/* Per-word values computed once per sentence. */
enum {
    NR_W, NR_S1, NR_S2, NR_S3, NR_S4, NR_P1, NR_P2, NR_P3, NR_P4, NR_SHAPE, NR_LSHAPE, NR_CLU, NR_CAP, NR_POS, NR_CLS,
    NR_AGG, NR_GAZ, NR_DICT, NR_NLEX
};
typedef struct nr_tok {
    uint64_t h[NR_NLEX];
    uint8_t cls;   /* NR_C_* case class */
    uint8_t cand;  /* 1 if the word is scored */
    uint8_t pad[6];
} nr_tok;

/* Case classes of a word. */
enum { NR_C_LOWER, NR_C_UPPER, NR_C_CAPS, NR_C_MIXED, NR_C_DIGIT, NR_C_PUNCT, NR_C_OTHER, NR_C_CAPSENT, NR_C_FIRST = 8 };

/* Prepare a sentence: hashes, case classes and the candidate gate.
 * upos/xpos may be NULL (unknown); boiler may be NULL.  lex may be NULL
 * (no lexicon).  Never fails. */
void nr_prep(nr_tok *out, const char *const *forms, const size_t *lens, const uint8_t *upos, const uint8_t *xpos,
             const uint8_t *boiler, int n, nr_lex_fn lex, const void *ctx);
/* Feature groups (nr_meta.fset: a model says which it was trained with). */
enum {
    NR_FS_RICH = 1,   /* +-2 windows of shapes, clusters, tags; more affixes and word pairs */
    NR_FS_DICT = 2,   /* the dictionaries' NR_LEX_DICT bits of the word and its neighbours */
    NR_FS_DOC = 4,    /* a second stage: the document's first-pass names (nr_feats_doc) */
    NR_FS_ALL = 7
};
/* Static feature hashes of word i of a prepared sentence for feature
 * groups fset; returns the count (<= NER_MAXFEAT). */
int nr_feats(const nr_tok *s, int n, int i, uint32_t fset, uint64_t *out);

/* Document memory of the first pass: for every word (nr_word_hash) that
 * the first stage put inside a name somewhere in the document, how often
 * in each type (saturating at 255) and in each position (B I L U). */
typedef struct nr_dent {
    uint64_t key; /* 0 = empty */
    uint8_t cnt[NER_NTYPE];
    uint8_t pos[4];
} nr_dent;
typedef struct nr_docmem {
    nr_dent *tab;
    uint32_t mask; /* slots - 1, slots a power of two */
    uint32_t n;    /* entries used */
} nr_docmem;
/* Slots for a document of ntok words (a power of two, more than twice
 * ntok); 0 if that overflows. */
size_t nr_docmem_slots(size_t ntok);
/* Record that the first stage labeled the word of hash w with l (not O).
 * Never fails: the table has a slot for every word of the document. */
void nr_docmem_add(nr_docmem *d, uint64_t w, int l);
/* The second stage's document features of word i (appended to the
 * static ones): lab1 holds the first stage's labels of the sentence. */
int nr_feats_doc(const nr_tok *s, int n, int i, const uint8_t *lab1, const nr_docmem *d, uint64_t *out);
#define NER_MAXDOCFEAT 16

/* The trainer's context-only features (no feature of word i's own form
 * or affixes), for the model that labels unlabeled text to learn the
 * NR_LEX_AGG statistics. */
int nr_feats_ctx(const nr_tok *s, int n, int i, uint64_t *out);

/* Viterbi over n words of one run: emit[i * NER_NLABEL + l] is the score
 * of label l at word i, trans[a * NER_NLABEL + b] that of b after a (row
 * NER_NLABEL: at the run's start), endsc[a] that of ending on a; mask[i]
 * (NULL: all) the allowed labels of word i as bits.  Writes the best
 * BILOU-valid labels to out; bp is scratch of n * NER_NLABEL bytes.
 * Returns 0, or -1 if no valid sequence fits the masks (out is then O). */
int nr_viterbi(const float *emit, const float *trans, const float *endsc, const uint32_t *mask, int n, uint8_t *bp,
               uint8_t *out);

/* Image sections (little-endian, 64-byte aligned):
 *   "meta"   nr_meta
 *   "ftab"   fslots x nr_fslot: open addressing on the feature hash
 *   "wts"    uint32 rows: count, then count entries (label | int16 weight << 16);
 *            or NR_DENSE | words, then the int16 weights of all labels two to a word
 *   "trans"  float[(NER_NLABEL + 2) * NER_NLABEL]: transitions (rows 0..16),
 *            start (row 17), end (row 18)
 *   "lex"    lslots x nr_lslot: word hash -> lexicon value
 * and with NR_FS_DOC the second stage's "meta2", "ftab2", "wts2", "trans2"
 * (the same layouts; meta2's lslots/lprobe/fset unused). */
#define NR_DENSE 0x80000000u
typedef struct nr_meta {
    uint32_t nlabel;  /* NER_NLABEL */
    uint32_t fslots;  /* power of two */
    uint32_t fprobe;  /* longest probe sequence in ftab */
    uint32_t lslots;  /* power of two */
    uint32_t lprobe;
    uint32_t nfeat;   /* informational */
    float scale;      /* weight = int16 / scale */
    uint32_t fset;    /* NR_FS_* feature groups */
    uint32_t pad[8];
} nr_meta;

typedef struct nr_fslot {
    uint32_t fp;  /* high 32 bits of the feature hash */
    uint32_t off; /* row offset in "wts"; 0 = empty */
} nr_fslot;

typedef struct nr_lslot {
    uint64_t key; /* nr_word_hash; 0 = empty */
    uint64_t val;
} nr_lslot;

#endif
