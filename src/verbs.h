/* verbs.h -- TABARI and PETRARCH verb dictionaries and their matcher (private).
 *
 * A verb lexicon holds the verbs, the verb patterns, the synonym sets
 * ("synsets") and the discard phrases of TABARI .verbs files and PETRARCH
 * CAMEO.2.0-style verb files (the format is detected per file), PETRARCH
 * discard lists, the coding settings of a TABARI .options file and the
 * <NOUN>/<ADJECTIVE> lists of TABARI actors files.  Once loaded it is
 * read-only and shared by every worker thread.
 *
 * verbs_run codes a tagged document whose actors are known the way TABARI
 * does, on the word sequence: it finds verbs by the word forms the
 * dictionaries list (stems, regular endings, irregular forms, multi-word
 * verbs) and by lemma, matches each verb's patterns (longest first) around
 * it inside its comma- and conjunction-delimited stretch, and takes the
 * source and target from the pattern's $ + % ^ tokens or by TABARI's
 * default rules (first actor before the verb, first distinct actor after
 * it; passive voice swaps them; compounds expand).  docs/tabari-petrarch.md
 * has the details and the known differences. */
#ifndef DYAD_VERBS_H
#define DYAD_VERBS_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "doc.h"
#include "event.h"

typedef struct verb_lex verb_lex;

/* File kinds for verbs_load_*: detect from the content, or force one. */
enum {
    VERBS_AUTO = 0,
    VERBS_TABARI,    /* TABARI .verbs: "VERB [code]" roots, "- pattern [code]" */
    VERBS_PETRARCH,  /* PETRARCH: "--- NAME [code] ---" blocks of verbs, then patterns */
    VERBS_DISCARDS,  /* PETRARCH discard list: one phrase a line, "+" for the whole story */
    VERBS_OPTIONS,   /* TABARI .options: COMPLEX: SET: CODE BY, DEFAULT:, COMMA: (detected) */
    VERBS_WORDLISTS, /* a TABARI actors file: only its <NOUN> and <ADJECTIVE> lists are read */
    VERBS_PICO       /* Universal-PETRARCH's internal coding ontology: "CODE:0xVALUE" (detected) */
};

/* A new, empty lexicon; NULL when out of memory. */
verb_lex *verbs_new(void);
void verbs_free(verb_lex *vl); /* accepts NULL */

/* Load a file (or a buffer; name is used in messages only) of kind
 * (VERBS_*).  A malformed line is reported through warn (may be NULL) as
 * name:line and skipped; loading goes on.  Returns DYAD_OK, DYAD_EIO
 * (file unreadable, message in err), DYAD_ENOMEM or DYAD_EINVAL. */
int verbs_load_file(verb_lex *vl, const char *path, int kind, dict_warn_fn warn, void *wctx, char *err,
                    size_t errlen);
int verbs_load_buffer(verb_lex *vl, const char *name, const char *buf, size_t len, int kind, dict_warn_fn warn,
                      void *wctx);

/* Counts, for tests: verb forms, patterns, synsets, discard phrases. */
size_t verbs_nforms(const verb_lex *vl);
size_t verbs_npatterns(const verb_lex *vl);
size_t verbs_nsynsets(const verb_lex *vl);
size_t verbs_ndiscards(const verb_lex *vl);

/* Code the document's sentences with the lexicon and append the events to
 * doc->events (those already there, e.g. from event_run, are kept; an
 * exact duplicate is not added).  ev (may be NULL) gives quad class,
 * Goldstein value and PLOVER category of the codes; dc (may be NULL) the
 * agents whose codes TABARI adds to an adjacent actor's ("Gondor's
 * minister": GON + ~GOV = GONGOV), for which an actor with the combined
 * code is added to the document.  Works without the
 * tagger and parser (word forms only); uses lemmas when present.
 * Thread-safe (vl read-only); no allocation per token (the document arena
 * and scratch buffer).  DYAD_OK or DYAD_ENOMEM. */
int verbs_run(const verb_lex *vl, const ev_lex *ev, const dict *dc, dyad_doc *doc);

#endif
