/* quote.h -- quotations and reported speech attributed to speakers (private).
 *
 * Runs last in the analysis, after the tagger, parser, NER and actor
 * stages: it finds direct quotes (whole quoted sentences, also split by
 * the attribution or running over several paragraphs), partial quotes (a
 * quoted fragment inside the reporter's sentence) and indirect quotes
 * (reported speech without marks: "Ortiz said she believes that ...",
 * "according to Ortiz, ...", "..., officials said."), each with its cue
 * (the reporting verb or phrase), the speaker mention the cue attaches to
 * and the actor that mention resolves to. */
#ifndef DYAD_QUOTE_H
#define DYAD_QUOTE_H

#include "doc.h"

/* Fill doc->quotes (cleared first, so running it twice gives the same
 * result), in text order of their content.  Uses the tagger's lemmas and
 * the parser's tree when present and falls back to surface patterns when
 * not; uses doc->mentions to resolve speakers to actors.  Boilerplate
 * tokens are never part of a quote.  Linear in the number of tokens
 * whatever the input (unclosed quotes, a million quote marks); memory is
 * doc->scratch.  DYAD_OK, DYAD_EINVAL (NULL doc) or DYAD_ENOMEM.
 * Thread-safe for distinct documents: the cue lexicon is constant. */
int quote_run(dyad_doc *doc);

/* Number of entries in the built-in cue lexicon and entry i (lemma or
 * phrase, e.g. "say", "according to"), for tests and documentation;
 * NULL past the end. */
size_t quote_cue_count(void);
const char *quote_cue(size_t i);

/* Entry i of the noun cues, read only with a possessive owner ("Trump's
 * claim that ...", "her vow to ..."): a lemma, NULL past the end. */
const char *quote_noun_cue(size_t i);

#endif
