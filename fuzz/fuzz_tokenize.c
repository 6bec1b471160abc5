/* fuzz_tokenize.c -- libFuzzer target for the tokenizer and the sentence
 * splitter.
 *
 * Arbitrary bytes go through dyad_doc_set_text (which repairs or rejects
 * them) and dyad_doc_code; then the invariants every later stage relies on
 * are checked, and any violation aborts so libFuzzer reports it:
 *  - tokens are non-empty, in order, non-overlapping, inside the text, and
 *    never start or end inside a UTF-8 sequence;
 *  - sentences are non-empty token ranges that cover all tokens in order,
 *    each ending on a token flagged TOKF_SENT_END. */
#include <stdint.h>
#include <stdlib.h>

#include "../include/dyad.h"
#include "../src/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int cont(const char *t, size_t i) { return ((unsigned char)t[i] & 0xC0) == 0x80; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dyad_doc *d;
    if (dyad_doc_new(&d)) return 0;
    if (dyad_doc_set_text(d, (const char *)data, size) == DYAD_OK && dyad_doc_code(NULL, d) == DYAD_OK) {
        size_t len;
        const char *t = dyad_doc_text(d, &len);
        uint32_t prev = 0;
        for (size_t i = 0; i < d->ntok; i++) {
            const tok *k = &d->toks[i];
            if (k->start >= k->end || k->start < prev || k->end > len) abort();
            if (cont(t, k->start) || (k->end < len && cont(t, k->end))) abort();
            prev = k->end;
        }
        size_t next = 0;
        for (size_t i = 0; i < d->nsent; i++) {
            const sent *s = &d->sents[i];
            if (s->first != next || s->last <= s->first || s->last > d->ntok) abort();
            if (!(d->toks[s->last - 1].flags & TOKF_SENT_END)) abort();
            next = s->last;
        }
        if (next != d->ntok) abort();
    }
    dyad_doc_free(d);
    return 0;
}
