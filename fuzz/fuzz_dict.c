/* fuzz_dict.c -- libFuzzer target for the dictionary loaders and matcher.
 *
 * Loads the input as a dyad .dict, a TABARI/PETRARCH actors file and an
 * agents file (one dictionary set, loaded in turn, as the CLI stacks
 * them), then matches at every token of a short fixed document, in both
 * case modes, and asks for the code of each hit on a few dates.  Whatever
 * the loaders accept must be safe to match against. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/dict.h"
#include "../src/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore_warning(void *ctx, const char *file, long line, const char *reason) {
    (void)ctx;
    (void)file;
    (void)line;
    (void)reason;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char text[] =
        "Brazil's foreign minister met U.S. officials in Brasília. ARGENTINE TROOPS and Afghan police, "
        "Eco-warriors, Saint John’s, al-Qaeda and the Élysée; policemen, Secretaries.";
    static const int fmts[] = {DICT_DYAD, DICT_ACTORS, DICT_AGENTS};
    dict *d = dict_new();
    if (!d) return 0;
    char err[128];
    for (size_t k = 0; k < sizeof fmts / sizeof fmts[0]; k++)
        dict_load_buffer(d, "fuzz", (const char *)data, size, fmts[k], ignore_warning, NULL, NULL, err, sizeof err);
    dyad_doc *doc = NULL;
    if (dyad_doc_new(&doc) == DYAD_OK) {
        if (dyad_doc_set_text(doc, text, sizeof text - 1) == DYAD_OK && tok_run(doc) == DYAD_OK) {
            for (uint32_t i = 0; i < doc->ntok; i++) {
                for (int caseless = 0; caseless < 2; caseless++) {
                    const dict_entry *e = NULL;
                    int n = dict_match(d, doc, i, (uint32_t)doc->ntok, caseless, &e);
                    if (n > 0 && e) {
                        static const int32_t dates[] = {0, 19991231, 20230615};
                        for (size_t j = 0; j < 3; j++) {
                            const dict_code *c = dict_code_at(e, dates[j]);
                            if (c) (void)strlen(c->code);
                        }
                        (void)strlen(e->name);
                    }
                }
            }
        }
        dyad_doc_free(doc);
    }
    (void)dict_lookup(d, "foreign minister");
    dict_free(d);
    return 0;
}
