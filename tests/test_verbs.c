/* test_verbs.c -- TABARI/PETRARCH verb dictionaries: loader and matcher.
 *
 * The dictionaries and sentences are written here (invented countries:
 * Freedonia, Sylvania, Klopstokia), so the tests pin down the syntax each
 * format allows and how the matcher reads a sentence, not the coverage of
 * any real dictionary.  Documents go through the pipeline with no default
 * dictionaries or event patterns; verbs_run then codes them with a small
 * actor dictionary and a lexicon loaded from these buffers. */
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/dict.h"
#include "../src/doc.h"
#include "../src/verbs.h"
#include "test.h"

static const char ACTORS[] =
    "FREEDONIA_ [FRD]\n"
    "SYLVANIA_ [SYL]\n"
    "KLOPSTOKIA_ [KLO]\n"
    "RUFUS_FIREFLY_ [FRDGOV]\n"
    "PRINCE KLOPSTOKIA_ [PKL]\n"      /* a blank: words may come between */
    "MARX_BROTHERS_ [MXB]\n"
    "MARX BROTHERS_ [MXG]\n";          /* the "_" phrase keeps "Marx Brothers" */

static const char AGENTS[] = "MINISTER_ [~GOV]\nPOLICE_ [~COP]\n";

static const char TABARI_VERBS[] =
    "<SYNSETS>\n"
    "&AIDTYPE\n"
    "+FOOD\n"
    "+MEDICINE_\n"
    "</SYNSETS>\n"
    "<TIME>\n"
    "TOMORROW [+1]\n"
    "</TIME>\n"
    "VISIT_ [042:043] ; paired codes\n"
    "PRAISE [051]\n"
    "- * &AIDTYPE [070]\n"
    "- + WAS * BY $ [052]\n"
    "SEND_ [---]\n"
    "{ SENT_ }\n"
    "- * TROOPS_TO + [150]\n"
    "- * { DIPLOMATS | ENVOYS } [036]\n"
    "MEET_ [040:040]\n"
    "- % * [041:041]\n"
    "SAID_ [010?]\n"
    "BAD LINE WITHOUT A CODE\n"          /* line 20: warned */
    "- NO VERB MARKER [020]\n"            /* line 21: warned */
    "- * &UNDEFINED [020]\n"              /* line 22: warned */
    "~FINISH\n"
    "anything after the end is ignored [\n";

static const char PETRARCH_VERBS[] =
    "# a PETRARCH file\n"
    "&GOODS\n"
    "+FOOD\n"
    "+MEDICINE\n"
    "\n"
    "--- COMMEND [051] ---\n"
    "COMMEND {COMMENDED COMMENDS COMMENDING}\n"
    "LAUD\n"
    "- * &GOODS [070]\n"
    "- * (FOR {BRAVE WORK}) [053]\n"
    "~ a (a b ATTACK) SAY = a b 015\n"
    "\n"
    "--- BEEF [---] ---\n"
    "+BEEF_UP [154]\n"
    "- * [--- missing bracket\n";          /* line 15: warned */

static const char DISCARDS[] =
    "CHESS TOURNAMENT_\n"
    "+WORLD CUP\n";

static dyad_ctx *ctx;
static dict *dc;
static verb_lex *tab, *petr;
static long warn_lines[16];
static int nwarn;

static void note_warn(void *c, const char *file, long line, const char *why) {
    (void)c, (void)file, (void)why;
    if (nwarn < 16) warn_lines[nwarn] = line;
    nwarn++;
}

static dyad_doc *code_with(const verb_lex *vl, const char *text) {
    dyad_doc *d;
    if (dyad_doc_new(&d)) return NULL;
    dyad_doc_set_text(d, text, strlen(text));
    dyad_doc_set_field(d, DYAD_FIELD_DATE, "2001-05-01", 10);
    dyad_doc_code(ctx, d);
    if (verbs_run(vl, NULL, dc, d)) {
        dyad_doc_free(d);
        return NULL;
    }
    return d;
}

/* Is there an event (src, tgt, code)? */
static int has(const dyad_doc *d, const char *src, const char *tgt, const char *code) {
    for (size_t i = 0; d && i < d->nevent; i++) {
        const devent *e = &d->events[i];
        if (e->source < 0 || e->target < 0) continue;
        if (!strcmp(e->code, code) && !strcmp(d->actors[e->source].code, src) && !strcmp(d->actors[e->target].code, tgt))
            return 1;
    }
    return 0;
}

static void test_load_tabari(void) {
    CHECK(verbs_nforms(tab) >= 6);
    CHECK_INT(verbs_nsynsets(tab), 1);
    /* PRAISE 2, SEND 1 + 2 alternatives, MEET 1 */
    CHECK_INT(verbs_npatterns(tab), 6);
}

static void test_load_warnings(void) {
    /* the TABARI file: lines 20, 21, 22; nothing past ~FINISH */
    nwarn = 0;
    verb_lex *x = verbs_new();
    CHECK_INT(verbs_load_buffer(x, "t.verbs", TABARI_VERBS, sizeof TABARI_VERBS - 1, VERBS_AUTO, note_warn, NULL),
              DYAD_OK);
    CHECK_INT(nwarn, 3);
    CHECK_INT(warn_lines[0], 20);
    CHECK_INT(warn_lines[1], 21);
    CHECK_INT(warn_lines[2], 22);
    verbs_free(x);
    /* the PETRARCH file: the transformation is skipped silently, line 15 warned */
    nwarn = 0;
    x = verbs_new();
    CHECK_INT(verbs_load_buffer(x, "p.txt", PETRARCH_VERBS, sizeof PETRARCH_VERBS - 1, VERBS_AUTO, note_warn, NULL),
              DYAD_OK);
    CHECK_INT(nwarn, 1);
    CHECK_INT(warn_lines[0], 15);
    CHECK_INT(verbs_nsynsets(x), 1);
    CHECK_INT(verbs_npatterns(x), 2);
    verbs_free(x);
    /* a missing file is an error with its name; bad arguments are refused */
    char err[128] = "";
    x = verbs_new();
    CHECK_INT(verbs_load_file(x, "/nonexistent/x.verbs", VERBS_AUTO, NULL, NULL, err, sizeof err), DYAD_EIO);
    CHECK(strstr(err, "/nonexistent/x.verbs") != NULL);
    CHECK_INT(verbs_load_buffer(x, "k", "", 0, 99, NULL, NULL), DYAD_EINVAL);
    CHECK_INT(verbs_load_buffer(NULL, "k", "", 0, VERBS_AUTO, NULL, NULL), DYAD_EINVAL);
    verbs_free(x);
    verbs_free(NULL);
}

static void test_basic_and_paired(void) {
    dyad_doc *d = code_with(tab, "Freedonia praised Sylvania on Monday.");
    CHECK(has(d, "FRD", "SYL", "051"));
    CHECK_INT(d ? d->nevent : 0, 1);
    dyad_doc_free(d);
    d = code_with(tab, "Freedonia visited Sylvania last week.");
    CHECK(has(d, "FRD", "SYL", "042"));
    CHECK(has(d, "SYL", "FRD", "043"));
    dyad_doc_free(d);
}

static void test_patterns(void) {
    /* synset after the verb */
    dyad_doc *d = code_with(tab, "Freedonia praised food deliveries to Sylvania.");
    CHECK(has(d, "FRD", "SYL", "070"));
    dyad_doc_free(d);
    /* designated target and source: a passive written in the pattern */
    d = code_with(tab, "Sylvania was praised by Freedonia.");
    CHECK(has(d, "FRD", "SYL", "052"));
    dyad_doc_free(d);
    /* "_" joins words: troops right before "to" */
    d = code_with(tab, "Freedonia sent troops to Sylvania.");
    CHECK(has(d, "FRD", "SYL", "150"));
    dyad_doc_free(d);
    /* ... so a word in between breaks it, and the root is null-coded */
    d = code_with(tab, "Freedonia sent troops quickly to Sylvania.");
    CHECK_INT(d ? (long)d->nevent : -1L, 0);
    dyad_doc_free(d);
    /* alternatives */
    d = code_with(tab, "Freedonia sent envoys to Sylvania.");
    CHECK(has(d, "FRD", "SYL", "036"));
    dyad_doc_free(d);
    /* % : a compound is source and target */
    d = code_with(tab, "Freedonia and Klopstokia met in Sylvania.");
    CHECK(has(d, "FRD", "KLO", "041"));
    CHECK(has(d, "KLO", "FRD", "041"));
    dyad_doc_free(d);
}

static void test_defaults_and_modes(void) {
    /* passive voice without a pattern: WAS ... BY swaps the roles */
    dyad_doc *d = code_with(tab, "Sylvania was visited by Freedonia.");
    CHECK(has(d, "FRD", "SYL", "042"));
    dyad_doc_free(d);
    /* compound target: one event per member */
    d = code_with(tab, "Freedonia praised Sylvania and Klopstokia.");
    CHECK(has(d, "FRD", "SYL", "051"));
    CHECK(has(d, "FRD", "KLO", "051"));
    dyad_doc_free(d);
    /* negation on the verb */
    d = code_with(tab, "Freedonia did not praise Sylvania.");
    CHECK(d && d->nevent == 1 && d->events[0].mode == MODE_NEGATED);
    dyad_doc_free(d);
    /* a subordinate code gives way to a real event */
    d = code_with(tab, "Freedonia said it visited Sylvania.");
    CHECK(has(d, "FRD", "SYL", "042"));
    CHECK(!has(d, "FRD", "SYL", "010"));
    dyad_doc_free(d);
    /* an agent after an actor adds its code: a new actor FRDGOV */
    d = code_with(tab, "Freedonia's minister praised Sylvania.");
    CHECK(has(d, "FRDGOV", "SYL", "051"));
    dyad_doc_free(d);
    /* no actor before the verb: nothing */
    d = code_with(tab, "Praised by many, the plan went ahead.");
    CHECK_INT(d ? (long)d->nevent : -1L, 0);
    dyad_doc_free(d);
}

static void test_petrarch(void) {
    dyad_doc *d = code_with(petr, "Freedonia lauded Sylvania.");
    CHECK(has(d, "FRD", "SYL", "051"));
    dyad_doc_free(d);
    d = code_with(petr, "Freedonia commended Sylvania for brave work in the floods.");
    CHECK(has(d, "FRD", "SYL", "053"));
    dyad_doc_free(d);
    d = code_with(petr, "Freedonia commended medicine shipments to Sylvania.");
    CHECK(has(d, "FRD", "SYL", "070"));
    dyad_doc_free(d);
    d = code_with(petr, "Freedonia beefed up its border with Sylvania.");
    CHECK(has(d, "FRD", "SYL", "154"));
    dyad_doc_free(d);
}

static void test_discards(void) {
    verb_lex *x = verbs_new();
    CHECK_INT(verbs_load_buffer(x, "v", TABARI_VERBS, sizeof TABARI_VERBS - 1, VERBS_AUTO, NULL, NULL), DYAD_OK);
    CHECK_INT(verbs_load_buffer(x, "disc", DISCARDS, sizeof DISCARDS - 1, VERBS_DISCARDS, NULL, NULL), DYAD_OK);
    CHECK_INT(verbs_ndiscards(x), 2);
    /* a sentence discard: that sentence only */
    dyad_doc *d = code_with(x, "Freedonia praised Sylvania at the chess tournament. Klopstokia praised Sylvania.");
    CHECK(!has(d, "FRD", "SYL", "051"));
    CHECK(has(d, "KLO", "SYL", "051"));
    dyad_doc_free(d);
    /* "_": the whole word only */
    d = code_with(x, "Freedonia praised Sylvania at the chess tournaments.");
    CHECK(has(d, "FRD", "SYL", "051"));
    dyad_doc_free(d);
    /* a story discard: nothing in the document */
    d = code_with(x, "Freedonia praised Sylvania. Both play in the World Cup.");
    CHECK_INT(d ? (long)d->nevent : -1L, 0);
    dyad_doc_free(d);
    verbs_free(x);
}

/* A lexicon of the TABARI verbs plus an .options buffer. */
static verb_lex *with_options(const char *opts) {
    verb_lex *x = verbs_new();
    if (!x) return NULL;
    verbs_load_buffer(x, "v", TABARI_VERBS, sizeof TABARI_VERBS - 1, VERBS_AUTO, NULL, NULL);
    nwarn = 0;
    verbs_load_buffer(x, "o", opts, strlen(opts), VERBS_AUTO, note_warn, NULL);
    return x;
}

static void test_options(void) {
    /* CODE BY CLAUSE (default): one event per clause; SENTENCE: the first */
    static const char two[] = "Freedonia praised Sylvania but Klopstokia visited Sylvania.";
    verb_lex *x = with_options("// options\nSET: MINIMUM WORDS = 0\nLABEL: 051=PRAISE\n");
    CHECK_INT(nwarn, 0);
    dyad_doc *d = code_with(x, two);
    CHECK(has(d, "FRD", "SYL", "051"));
    CHECK(has(d, "KLO", "SYL", "042"));
    dyad_doc_free(d);
    verbs_free(x);
    x = with_options("SET: MINIMUM WORDS = 0\nSET: CODE BY SENTENCE\nNONSENSE LINE\n");
    CHECK_INT(nwarn, 1);
    CHECK_INT(warn_lines[0], 3);
    d = code_with(x, two);
    CHECK(has(d, "FRD", "SYL", "051"));
    CHECK(!has(d, "KLO", "SYL", "042"));
    dyad_doc_free(d);
    verbs_free(x);
    /* TABARI's default minimum of 8 words once an .options file is read */
    x = with_options("COMPLEX: VERBS[6]\n");
    d = code_with(x, "Freedonia praised Sylvania.");
    CHECK_INT(d ? (long)d->nevent : -1L, 0);
    dyad_doc_free(d);
    verbs_free(x);
    /* DEFAULT: a missing source gets the default code */
    x = with_options("SET: MINIMUM WORDS = 0\nDEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR]\n");
    d = code_with(x, "The crowds praised Sylvania on Monday.");
    CHECK(has(d, "DEFSRC", "SYL", "051"));
    dyad_doc_free(d);
    verbs_free(x);
    /* COMPLEX: NOACTPRIOR: no actor before the first verb, not coded */
    x = with_options("SET: MINIMUM WORDS = 0\nCOMPLEX: NOACTPRIOR\n");
    d = code_with(x, "Yesterday praised were Sylvania and Freedonia, visited by Klopstokia.");
    CHECK_INT(d ? (long)d->nevent : -1L, 0);
    dyad_doc_free(d);
    verbs_free(x);
    /* SET: CONVERT AGENTS: an agent without an actor is one */
    x = with_options("SET: MINIMUM WORDS = 0\nSET: CONVERT AGENTS = TRUE\n");
    d = code_with(x, "The police praised Sylvania on Monday.");
    CHECK(has(d, "~COP", "SYL", "051"));
    dyad_doc_free(d);
    d = code_with(x, "Freedonia's police praised Sylvania on Monday.");
    CHECK(has(d, "FRDCOP", "SYL", "051"));
    dyad_doc_free(d);
    verbs_free(x);
}

static void test_wordlists(void) {
    /* a word of an actors file's <NOUN> list is never a verb */
    static const char lists[] = "FREEDONIA_ [FRD]\n<NOUN>\nPRAISE\n</NOUN>\n<ADJECTIVE>\nBRAVE\n</ADJECTIVE>\n";
    verb_lex *x = verbs_new();
    CHECK_INT(verbs_load_buffer(x, "v", TABARI_VERBS, sizeof TABARI_VERBS - 1, VERBS_AUTO, NULL, NULL), DYAD_OK);
    CHECK_INT(verbs_load_buffer(x, "a", lists, sizeof lists - 1, VERBS_WORDLISTS, NULL, NULL), DYAD_OK);
    dyad_doc *d = code_with(x, "Freedonia praise Sylvania.");
    CHECK_INT(d ? (long)d->nevent : -1L, 0);
    dyad_doc_free(d);
    /* an adjective of the list inside a compound: "and the brave Klopstokia" */
    d = code_with(x, "Freedonia visited Sylvania and the brave Klopstokia.");
    CHECK(has(d, "FRD", "SYL", "042"));
    CHECK(has(d, "FRD", "KLO", "042"));
    dyad_doc_free(d);
    verbs_free(x);
}

static void test_gapped_actors(void) {
    /* TABARI: "PRINCE KLOPSTOKIA_" also over "the Prince of Klopstokia" */
    dyad_doc *d = code_with(tab, "Freedonia praised the Prince of Klopstokia on Monday.");
    CHECK(has(d, "FRD", "PKL", "051"));
    CHECK(!has(d, "FRD", "KLO", "051"));
    dyad_doc_free(d);
    /* at most three words between, and never across a comma */
    d = code_with(tab, "Freedonia praised the Prince, not Klopstokia.");
    CHECK(!has(d, "FRD", "PKL", "051"));
    dyad_doc_free(d);
    d = code_with(tab, "The Prince of the old and proud Klopstokia praised Sylvania.");
    CHECK(!has(d, "PKL", "SYL", "051"));
    dyad_doc_free(d);
    /* consecutive words: the "_" phrase wins; with a gap only the other fits */
    d = code_with(tab, "Freedonia praised the Marx Brothers on Monday.");
    CHECK(has(d, "FRD", "MXB", "051"));
    dyad_doc_free(d);
    d = code_with(tab, "Freedonia praised Marx and his brothers on Monday.");
    CHECK(has(d, "FRD", "MXG", "051"));
    dyad_doc_free(d);
}

static void test_forward(void) {
    /* FORWARD: a pronoun that starts a sentence is the first actor of the
     * sentence before, without its agent */
    static const char text[] = "Freedonia's minister praised Sylvania on Monday. It also visited Klopstokia later.";
    verb_lex *x = with_options("SET: MINIMUM WORDS = 0\nFORWARD: ^^*****NNN*SSS\n");
    CHECK_INT(nwarn, 0);
    dyad_doc *d = code_with(x, text);
    CHECK(has(d, "FRDGOV", "SYL", "051"));
    CHECK(has(d, "FRD", "KLO", "042"));
    dyad_doc_free(d);
    verbs_free(x);
    /* OFF (or no FORWARD:): the pronoun stays unresolved */
    x = with_options("SET: MINIMUM WORDS = 0\nFORWARD: ^^*****NNN*SSS\nFORWARD: ^^*****NNN*SSS OFF\n");
    d = code_with(x, text);
    CHECK(!has(d, "FRD", "KLO", "042"));
    dyad_doc_free(d);
    verbs_free(x);
}

static void test_time_and_gaps(void) {
    static const char more[] = "<TIME>\nONCE_UPON_A_TIME [###]\nWHEN_PIGS_FLY [+++]\nTOMORROW [+1]\n"
                               "- * AND TOMORROW [+3]\n</TIME>\nBEEF UP [154]\n";
    verb_lex *x = verbs_new();
    CHECK_INT(verbs_load_buffer(x, "v", TABARI_VERBS, sizeof TABARI_VERBS - 1, VERBS_AUTO, NULL, NULL), DYAD_OK);
    nwarn = 0;
    CHECK_INT(verbs_load_buffer(x, "t", more, sizeof more - 1, VERBS_TABARI, note_warn, NULL), DYAD_OK);
    CHECK_INT(nwarn, 0);
    /* a <TIME> phrase coded [###] discards the sentence, [+++] makes it complex */
    dyad_doc *d = code_with(x, "Once upon a time Freedonia praised Sylvania.");
    CHECK_INT(d ? (long)d->nevent : -1L, 0);
    dyad_doc_free(d);
    d = code_with(x, "When pigs fly Freedonia will praise Sylvania.");
    CHECK_INT(d ? (long)d->nevent : -1L, 0);
    dyad_doc_free(d);
    d = code_with(x, "Freedonia will praise Sylvania tomorrow.");
    CHECK(has(d, "FRD", "SYL", "051"));
    dyad_doc_free(d);
    /* "BEEF UP": a blank lets up to three words come between the verb's words */
    d = code_with(x, "Freedonia beefed the border up against Sylvania.");
    CHECK(has(d, "FRD", "SYL", "154"));
    dyad_doc_free(d);
    d = code_with(x, "Freedonia beefed the long and winding border up against Sylvania.");
    CHECK(!has(d, "FRD", "SYL", "154"));
    dyad_doc_free(d);
    /* a possessive is no verb */
    d = code_with(x, "Freedonia praise's echo reached Sylvania.");
    CHECK(!has(d, "FRD", "SYL", "051"));
    dyad_doc_free(d);
    /* after a conjunction the target is not looked for in the clause before */
    d = code_with(x, "Freedonia praised Sylvania and Klopstokia visited the capital.");
    CHECK(has(d, "FRD", "SYL", "051"));
    CHECK(!has(d, "KLO", "FRD", "042") && !has(d, "KLO", "SYL", "042"));
    dyad_doc_free(d);
    verbs_free(x);
}

static void test_petrarch_options(void) {
    /* require_dyad=false: an empty slot is "---", an agent alone "---COP" */
    verb_lex *x = verbs_new();
    CHECK_INT(verbs_load_buffer(x, "p", PETRARCH_VERBS, sizeof PETRARCH_VERBS - 1, VERBS_AUTO, NULL, NULL), DYAD_OK);
    static const char opts[] = "SET: MINIMUM WORDS = 0\nSET: REQUIRE DYAD = FALSE\n";
    nwarn = 0;
    CHECK_INT(verbs_load_buffer(x, "o", opts, sizeof opts - 1, VERBS_AUTO, note_warn, NULL), DYAD_OK);
    CHECK_INT(nwarn, 0);
    dyad_doc *d = code_with(x, "Freedonia lauded the plan on Monday.");
    CHECK(has(d, "FRD", "---", "051"));
    dyad_doc_free(d);
    d = code_with(x, "The police lauded Sylvania on Monday.");
    CHECK(has(d, "---COP", "SYL", "051"));
    dyad_doc_free(d);
    verbs_free(x);
}

static void test_pico(void) {
    /* Universal-PETRARCH: a negated code moves through the ontology */
    static const char verbs[] = "--- CLASH [110] ---\nCLASH\n\n--- ALLOW [080] ---\nALLOW\n- * NEAT PLACE [027]\n";
    static const char pico[] = "# ontology\n010:0x1000#Say\n027:0x2020\n050:0x0080#Coop\n080:0x0200\n"
                               "110:0x1007f#0xFFFF+0x0080#0x7000\n120:-0xFFFF\n---:0\nbad line\n";
    verb_lex *x = verbs_new(), *y = verbs_new();
    CHECK_INT(verbs_load_buffer(x, "v", verbs, sizeof verbs - 1, VERBS_AUTO, NULL, NULL), DYAD_OK);
    CHECK_INT(verbs_load_buffer(y, "v", verbs, sizeof verbs - 1, VERBS_AUTO, NULL, NULL), DYAD_OK);
    nwarn = 0;
    CHECK_INT(verbs_load_buffer(x, "pico", pico, sizeof pico - 1, VERBS_AUTO, note_warn, NULL), DYAD_OK);
    CHECK_INT(nwarn, 1);
    dyad_doc *d = code_with(x, "Freedonia did not clash with Sylvania.");
    CHECK(has(d, "FRD", "SYL", "050"));
    CHECK(d && d->nevent == 1 && d->events[0].mode == MODE_ASSERTED);
    dyad_doc_free(d);
    d = code_with(y, "Freedonia did not clash with Sylvania.");
    CHECK(has(d, "FRD", "SYL", "110"));
    dyad_doc_free(d);
    /* its patterns stop at a subordinate clause; PETRARCH 2's do not */
    d = code_with(x, "Freedonia allowed that Sylvania is a neat place to visit.");
    CHECK(has(d, "FRD", "SYL", "080"));
    dyad_doc_free(d);
    d = code_with(y, "Freedonia allowed that Sylvania is a neat place to visit.");
    CHECK(has(d, "FRD", "SYL", "027"));
    dyad_doc_free(d);
    verbs_free(x);
    verbs_free(y);
}

static void test_hostile(void) {
    /* a long sentence stays linear-ish and codes */
    size_t n = 60000;
    char *t = malloc(n + 1);
    CHECK(t != NULL);
    if (!t) return;
    static const char unit[] = "Freedonia praised Sylvania and Klopstokia, sent troops to Sylvania and ";
    for (size_t i = 0; i < n; i++) t[i] = unit[i % (sizeof unit - 1)];
    t[n] = '\0';
    dyad_doc *d = code_with(tab, t);
    CHECK(d != NULL);
    dyad_doc_free(d);
    free(t);
    /* garbage loads what it can, in both formats */
    static const char junk[] = "--- \x01\xff [\n- * * * [1]\n{ | } [2]\n- { a | { b } } * [3]\n&\n+\n- %%%% * ^ $ + [4]\n"
                               "- * {a|b|c} {d|e|f} {g|h|i} {j|k|l} {m|n|o} {p|q|r} {s|t|u} [5]\n";
    for (int k = VERBS_AUTO; k <= VERBS_PICO; k++) {
        verb_lex *x = verbs_new();
        CHECK_INT(verbs_load_buffer(x, "junk", junk, sizeof junk - 1, k, NULL, NULL), DYAD_OK);
        dyad_doc *e = code_with(x, "Freedonia a b praised d Sylvania.");
        CHECK(e != NULL);
        dyad_doc_free(e);
        verbs_free(x);
    }
}

int main(void) {
    dyad_ctx_options o;
    memset(&o, 0, sizeof o);
    o.flags = DYAD_CTX_NO_DEFAULT_DICTS | DYAD_CTX_NO_DEFAULT_EVENTS;
    if (dyad_ctx_open(&ctx, &o)) {
        printf("test_verbs: cannot open the context: %s\n", dyad_ctx_errmsg(ctx));
        return 1;
    }
    dc = dict_new();
    tab = verbs_new();
    petr = verbs_new();
    char err[128];
    if (!dc || !tab || !petr ||
        dict_load_buffer(dc, "actors", ACTORS, sizeof ACTORS - 1, DICT_ACTORS, NULL, NULL, NULL, err, sizeof err) ||
        dict_load_buffer(dc, "agents", AGENTS, sizeof AGENTS - 1, DICT_AGENTS, NULL, NULL, NULL, err, sizeof err) ||
        verbs_load_buffer(tab, "tabari", TABARI_VERBS, sizeof TABARI_VERBS - 1, VERBS_AUTO, NULL, NULL) ||
        verbs_load_buffer(petr, "petrarch", PETRARCH_VERBS, sizeof PETRARCH_VERBS - 1, VERBS_AUTO, NULL, NULL)) {
        printf("test_verbs: cannot load the test dictionaries\n");
        return 1;
    }
    RUN(test_load_tabari);
    RUN(test_load_warnings);
    RUN(test_basic_and_paired);
    RUN(test_patterns);
    RUN(test_defaults_and_modes);
    RUN(test_petrarch);
    RUN(test_discards);
    RUN(test_options);
    RUN(test_wordlists);
    RUN(test_gapped_actors);
    RUN(test_forward);
    RUN(test_time_and_gaps);
    RUN(test_petrarch_options);
    RUN(test_pico);
    RUN(test_hostile);
    verbs_free(tab);
    verbs_free(petr);
    dict_free(dc);
    dyad_ctx_close(ctx);
    TEST_END();
}
