/* fuzz_gazetteer.c -- libFuzzer target for the gazetteer image loader.
 *
 * Opens the input as a gazetteer image; whatever gaz_open accepts must be
 * safe to use, so an accepted image also codes a short text that exercises
 * lookups, containers, nationality cues and resolution. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/doc.h"
#include "../src/place.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char text[] =
        "Talks in the Kenyan capital Nairobi resumed. He moved to Paris, Texas, and then New York. Reading is fun.";
    char err[256];
    gazetteer *g = NULL;
    if (gaz_open(&g, data, size, err, sizeof err) != DYAD_OK) return 0;
    dyad_doc *d = NULL;
    if (dyad_doc_new(&d) == DYAD_OK) {
        dyad_doc_set_text(d, text, sizeof text - 1);
        tok_run(d);
        sent_run(d);
        place_run(g, d);
        dyad_doc_free(d);
    }
    gaz_close(g);
    return 0;
}
