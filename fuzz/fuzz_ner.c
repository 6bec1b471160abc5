/* fuzz_ner.c -- libFuzzer target for the NER model loader: any bytes are
 * opened as a "ner" image, and on success a short sentence is labeled
 * (ASan catches any table, row or offset that points outside the image).
 * The checksum turns most mutations away at the door; seeds made from a
 * tiny valid image (see tests/test_ner.c for how images are built) get
 * further. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/ner.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* Copy so ASan sees the exact bounds (malloc: 8-byte aligned). */
    unsigned char *buf = malloc(size ? size : 1);
    if (!buf) return 0;
    memcpy(buf, data, size);
    ner_model *m;
    char err[200];
    if (ner_open(&m, buf, size, err, sizeof err) == 0) {
        static const char *const forms[] = {"Angela", "Merkel", "visited", "PARIS", "and", "the", "U.N.", "."};
        size_t lens[8];
        uint8_t lab[8];
        for (int i = 0; i < 8; i++) lens[i] = strlen(forms[i]);
        ner_tag_words(m, forms, lens, NULL, NULL, NULL, 8, lab);
        ner_close(m);
    }
    free(buf);
    return 0;
}
