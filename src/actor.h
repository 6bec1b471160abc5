/* actor.h -- entity typing, mention resolution and actor coding (private).
 *
 * Runs after the tagger, parser, NER and geoparser.  It types the NER
 * mentions into the SPEC's classes with the dictionaries and the places,
 * adds names the dictionaries know but NER missed, groups every mention
 * (names, later surnames, titles, descriptions, pronouns) into actors, and
 * gives each actor a CAMEO code valid on the document's date. */
#ifndef DYAD_ACTOR_H
#define DYAD_ACTOR_H

#include "dict.h"
#include "doc.h"

/* Fill doc->ents (typed, with actor links), doc->actors and
 * doc->mentions.  d may be NULL (no dictionaries: NER types only).
 * DYAD_OK or DYAD_ENOMEM.  Thread-safe: d is read-only. */
int actor_run(const dict *d, dyad_doc *doc);

/* The document date as yyyymmdd, 0 if absent or malformed. */
int32_t actor_doc_date(const dyad_doc *doc);

#endif
