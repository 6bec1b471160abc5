/* fuzz_date.c -- libFuzzer target for the date stage.
 *
 * The first 10 bytes of the input are the document date (valid or not),
 * the rest is the text; it is coded and date_run is run.  Every date must
 * be a non-empty span inside the text, in order and non-overlapping, and
 * its value a NUL-terminated string starting with four digits; any
 * violation aborts so libFuzzer reports it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 10) return 0;
    dyad_doc *d;
    if (dyad_doc_new(&d)) return 0;
    dyad_doc_set_field(d, DYAD_FIELD_DATE, (const char *)data, 10);
    if (dyad_doc_set_text(d, (const char *)data + 10, size - 10) == DYAD_OK && dyad_doc_code(NULL, d) == DYAD_OK &&
        date_run(d) == DYAD_OK) {
        uint32_t prev = 0;
        for (size_t i = 0; i < d->ndate; i++) {
            const ddate *x = &d->dates[i];
            if (x->start >= x->end || x->start < prev || x->end > d->len) abort();
            if (memchr(x->value, 0, sizeof x->value) == NULL) abort();
            for (int k = 0; k < 4; k++)
                if (x->value[k] < '0' || x->value[k] > '9') abort();
            prev = x->end;
        }
    }
    dyad_doc_free(d);
    return 0;
}
