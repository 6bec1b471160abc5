/* fuzz_verbs.c -- libFuzzer target for the verb dictionary loader and matcher.
 *
 * Loads the input as a TABARI .verbs file, a PETRARCH verb file, a discard
 * list, a TABARI .options file, an actors file's word lists, a
 * Universal-PETRARCH ontology and with format detection (one lexicon each,
 * as the CLI would), and as a TABARI actors file (gapped phrases, matched
 * on the words by dict_match_words) under a small fixed lexicon, then
 * codes a short fixed document with each, using a tiny actor dictionary so
 * that actors, compounds, agents and pronouns are all there to match
 * against.  Whatever the loader accepts must be safe to match with. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/dict.h"
#include "../src/doc.h"
#include "../src/verbs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore_warning(void *ctx, const char *file, long line, const char *reason) {
    (void)ctx;
    (void)file;
    (void)line;
    (void)reason;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char text[] =
        "Freedonia and the Sylvanian minister, who met in Rome, said they praised Klopstokia's food aid "
        "to Sylvania. Sylvania was attacked by Freedonia; it didn't send troops to Klopstokia, Rome or Sylvania "
        "and the World Cup. He praised the Prince of Sylvania's state-run food aid, not Rome_Ito.";
    static const char actors[] = "FREEDONIA_ [FRD]\nSYLVANIA [SYL]\nKLOPSTOKIA_ [KLO/FRD]\nROME_ [ITA]\n";
    static const char agents[] = "MINISTER_ [~GOV]\nFOOD [NGO~]\n";
    dict *d = dict_new();
    if (!d) return 0;
    char err[128];
    dict_load_buffer(d, "a", actors, sizeof actors - 1, DICT_ACTORS, NULL, NULL, NULL, err, sizeof err);
    dict_load_buffer(d, "g", agents, sizeof agents - 1, DICT_AGENTS, NULL, NULL, NULL, err, sizeof err);
    static const char fixed[] = "PRAISE [051]\n- * FOOD AID [070]\nSEND UP [150]\n<TIME>\nONCE_UPON [###]\n</TIME>\n";
    static const char opts[] = "SET: MINIMUM WORDS = 0\nFORWARD: ^^*NNN*SSS\nSET: REQUIRE DYAD = FALSE\n";
    for (int kind = VERBS_AUTO; kind <= VERBS_PICO + 1; kind++) {
        verb_lex *vl = verbs_new();
        if (!vl) break;
        if (kind <= VERBS_PICO) {
            verbs_load_buffer(vl, "fuzz", (const char *)data, size, kind, ignore_warning, NULL);
        } else { /* the input as actors, the lexicon fixed */
            dict_load_buffer(d, "fuzz", (const char *)data, size, DICT_ACTORS, ignore_warning, NULL, NULL, err, sizeof err);
            verbs_load_buffer(vl, "v", fixed, sizeof fixed - 1, VERBS_AUTO, ignore_warning, NULL);
            verbs_load_buffer(vl, "o", opts, sizeof opts - 1, VERBS_AUTO, ignore_warning, NULL);
        }
        dyad_doc *doc = NULL;
        if (dyad_doc_new(&doc) == DYAD_OK) {
            dyad_doc_set_field(doc, DYAD_FIELD_DATE, "2001-05-01", 10);
            if (dyad_doc_set_text(doc, text, sizeof text - 1) == DYAD_OK && tok_run(doc) == DYAD_OK &&
                sent_run(doc) == DYAD_OK)
                verbs_run(vl, NULL, d, doc);
            dyad_doc_free(doc);
        }
        (void)verbs_nforms(vl);
        verbs_free(vl);
    }
    dict_free(d);
    return 0;
}
