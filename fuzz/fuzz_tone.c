/* fuzz_tone.c -- libFuzzer target for the tone lexicon loader: any bytes
 * are opened with tone_open, and when they are accepted a few sentences
 * are scored, so every lookup path (one-byte table, hash probe, multi-word
 * keys) runs on the fuzzed tables under ASan/UBSan.  Seeds: small valid
 * images in fuzz/seeds/fuzz_tone (the generic image loader has its own
 * target, fuzz_model). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/tone.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* Copy so ASan sees the exact bounds of the image. */
    unsigned char *buf = malloc(size ? size : 1);
    if (!buf) return 0;
    memcpy(buf, data, size);
    tone_lex *t;
    char err[256];
    if (tone_open(&t, buf, size, err, sizeof err) == 0) {
        static const char *texts[] = {
            "It was not very good, but we are NOT fed up :) !!",
            "a , ; : ! ? ( ) < 3 </3 kind of at least n't",
            "",
        };
        volatile double sum = 0;
        for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) sum += tone_sentence(t, texts[i], strlen(texts[i]));
        (void)sum;
        tone_close(t);
    }
    free(buf);
    return 0;
}
