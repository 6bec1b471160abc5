/* fuzz_code.c -- libFuzzer target for the whole pipeline: any bytes are a
 * document's text, coded with the real models and dictionaries (tagger,
 * parser, dates, places, tone, NER, actors, quotes, events, the optional
 * verb matcher not loaded) and written as JSON and as event rows.  The
 * parse of garbage is garbage, which is the point: every stage after the
 * parser must stay inside its arrays whatever tree it is given.  Run from
 * the source tree (make fuzz), where models/ and data/ are found. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dyad_ctx *ctx;
static dyad_doc *doc;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!ctx) {
        if (dyad_ctx_open(&ctx, NULL) != DYAD_OK) abort(); /* no models: the harness is broken */
        if (dyad_doc_new(&doc) != DYAD_OK) abort();
    }
    dyad_doc_reset(doc);
    if (dyad_doc_set_text(doc, (const char *)data, size) != DYAD_OK) return 0;
    dyad_doc_set_field(doc, DYAD_FIELD_DATE, "2023-03-14", 10);
    dyad_doc_code(ctx, doc);
    const char *out;
    size_t len;
    dyad_doc_json(doc, DYAD_JSON_TOKENS, &out, &len);
    dyad_doc_json(doc, DYAD_JSON_PLOVER, &out, &len);
    dyad_doc_event_rows(doc, DYAD_ROWS_TSV, 0, &out, &len);
    dyad_doc_event_rows(doc, DYAD_ROWS_PETRARCH, DYAD_ROWS_PLOVER, &out, &len);
    size_t n = dyad_doc_event_count(doc);
    for (size_t i = 0; i < n; i++) {
        dyad_event e;
        if (dyad_doc_event(doc, i, &e) == DYAD_OK && (!e.code || !e.code[0])) abort(); /* every event has a code */
    }
    return 0;
}
