/* date.h -- date expressions resolved to calendar dates (private).
 *
 * date_run fills doc->dates with every date expression of the document,
 * each resolved against the document date (DYAD_FIELD_DATE) into an ISO
 * 8601 value: "2023", "2023-03", "2023-03-14", or a range
 * "2023-02-27/2023-03-05" (a week is Monday..Sunday, a decade
 * "1960/1969").  Later stages (events) read doc->dates directly or ask
 * date_resolve_span for the date inside a clause. */
#ifndef DYAD_DATE_H
#define DYAD_DATE_H

#include <stdint.h>

#include "doc.h"

/* Find and resolve the dates of a tokenized, sentence-split document into
 * doc->dates (replacing what was there).  Tokens flagged TOKF_BOILER are
 * skipped.  With doc->parsed the verb a date attaches to decides tense
 * (and whether "today" is a date at all); otherwise cue words (and the
 * tagger's VBD when tagged) do.  Without a document date only expressions that carry their
 * own year are kept.  Reuses doc->scratch.  Returns DYAD_OK, DYAD_EINVAL
 * for a NULL doc, or DYAD_ENOMEM (doc->dates then holds what was found so
 * far).  Thread-safe across documents. */
int date_run(dyad_doc *doc);

/* The value of the first date of doc->dates lying inside the byte span
 * [start, end) (e.g. an event's clause), copied into value (NUL-terminated);
 * returns 1, or 0 when there is none. */
int date_resolve_span(const dyad_doc *doc, uint32_t start, uint32_t end, char value[32]);

/* Parse a document date "YYYY-MM-DD..." (only the first ten bytes are
 * read; NULL is accepted): 0 and the parts, or -1 if it is not a valid date. */
int date_parse_anchor(const char *s, int *y, int *m, int *d);

/* Self-check of the word table's sort order for the unit tests: 0 if good. */
int date_table_check(void);

#endif
