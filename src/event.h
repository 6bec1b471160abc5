/* event.h -- CAMEO event coding over the dependency parse (private).
 *
 * An event lexicon holds the CAMEO ontology (data/events/cameo.tsv: code,
 * quad class, Goldstein value, name) and the event patterns of
 * data/events/ *.events (docs/events.md): lemmas with SRC and TGT slots,
 * keyed on the head verb or noun.  Coding walks every verb and noun of a
 * parsed document whose lemma heads a pattern, fills the slots from the
 * dependency roles (subject, object, prepositional objects; passives,
 * control verbs, relative clauses and coordination included), maps slot
 * words to the actors of actor.c, and decides the mode (asserted, negated,
 * hypothetical), the claimant (a quote's speaker or a reporting verb's
 * subject), the date and the place. */
#ifndef DYAD_EVENT_H
#define DYAD_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "doc.h"

typedef struct ev_lex ev_lex;

ev_lex *ev_lex_new(void);
void ev_lex_free(ev_lex *x); /* accepts NULL */

/* Load the ontology (cameo.tsv) or a pattern file (*.events).  A bad line
 * is reported through warn (may be NULL) and skipped.  DYAD_OK, DYAD_EIO
 * (message in err) or DYAD_ENOMEM. */
int ev_lex_load_ontology(ev_lex *x, const char *path, dict_warn_fn warn, void *wctx, char *err, size_t errlen);
int ev_lex_load_patterns(ev_lex *x, const char *path, dict_warn_fn warn, void *wctx, char *err, size_t errlen);
int ev_lex_load_patterns_buffer(ev_lex *x, const char *name, const char *buf, size_t len, dict_warn_fn warn,
                                void *wctx);

/* Counts, for tests: patterns loaded, codes in the ontology. */
size_t ev_lex_npatterns(const ev_lex *x);
size_t ev_lex_ncodes(const ev_lex *x);

/* The quad class and Goldstein value of a code (its nearest listed
 * ancestor's when absent); 0 when the code is unknown. */
int ev_lex_code_info(const ev_lex *x, const char *code, int *quad, double *goldstein);

/* The CAMEO to PLOVER 2021 mapping (data/events/plover.tsv: code, event,
 * mode, context), loaded after the ontology.  Codes PLOVER leaves out
 * (statements, appeals) stay unmapped. */
int ev_lex_load_plover(ev_lex *x, const char *path, dict_warn_fn warn, void *wctx, char *err, size_t errlen);

/* The PLOVER event type, mode and context ("" when none) of a CAMEO code,
 * its nearest listed ancestor's when it is not listed; 0 and NULLs when
 * PLOVER has no category for it. */
int ev_lex_plover_of(const ev_lex *x, const char *code, const char **event, const char **mode,
                     const char **context);

/* Code the events of a tagged, parsed document whose actors (and quotes,
 * when present) are known, into doc->events.  Thread-safe (x read-only).
 * DYAD_OK or DYAD_ENOMEM. */
int event_run(const ev_lex *x, dyad_doc *doc);

#endif
