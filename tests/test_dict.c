/* test_dict.c -- actor and agent dictionaries (src/dict.c).
 *
 * Small dictionaries written here in each syntax (dyad .dict, TABARI and
 * PETRARCH actors and agents) check the parsing, the dates, plurals,
 * stems, the case rules, priority between loads and the warnings for bad
 * lines; then matches on short documents.  When ../shared/data is there
 * ($DATA), the real Phoenix, TABARI and UniversalPETRARCH dictionaries are
 * loaded in place, with their warnings counted and their load time shown. */
#include <stdlib.h>
#include <time.h>

#include "../include/dyad.h"
#include "../src/dict.h"
#include "../src/doc.h"
#include "test.h"

/* Warnings collected by the loader. */
typedef struct warns {
    int n;
    char last[512];
    long lines[32];
} warns;

static void on_warn(void *ctx, const char *file, long line, const char *reason) {
    warns *w = ctx;
    if (w->n < 32) w->lines[w->n] = line;
    w->n++;
    snprintf(w->last, sizeof w->last, "%s:%ld: %s", file, line, reason);
}

static dict *load(const char *text, int fmt, warns *w) {
    dict *d = dict_new();
    if (!d) return NULL;
    char err[256];
    size_t n = 0;
    if (dict_load_buffer(d, "test", text, strlen(text), fmt, on_warn, w, &n, err, sizeof err) != DYAD_OK) {
        dict_free(d);
        return NULL;
    }
    return d;
}

/* The code of name on date ("" none, "(null)" no entry or no code). */
static const char *code_of(const dict *d, const char *name, int32_t date) {
    const dict_entry *e = dict_lookup(d, name);
    const dict_code *c = e ? dict_code_at(e, date) : NULL;
    return c ? c->code : "(null)";
}

static int kind_of(const dict *d, const char *name) {
    const dict_entry *e = dict_lookup(d, name);
    return e ? e->kind : 0;
}

/* A segmented document of text. */
static dyad_doc *mkdoc(const char *text) {
    dyad_doc *doc = NULL;
    if (dyad_doc_new(&doc) != DYAD_OK) return NULL;
    if (dyad_doc_set_text(doc, text, strlen(text)) != DYAD_OK || tok_run(doc) != DYAD_OK || sent_run(doc) != DYAD_OK) {
        dyad_doc_free(doc);
        return NULL;
    }
    return doc;
}

/* Index of the first token of doc spelled w, or -1. */
static int tok_index(const dyad_doc *doc, const char *w) {
    size_t n = strlen(w);
    for (size_t i = 0; i < doc->ntok; i++)
        if (doc->toks[i].end - doc->toks[i].start == n && !memcmp(doc->text + doc->toks[i].start, w, n)) return (int)i;
    return -1;
}

/* Tokens matched at the first token spelled w; *e gets the entry. */
static int match_at(const dict *d, const dyad_doc *doc, const char *w, int caseless, const dict_entry **e) {
    int i = tok_index(doc, w);
    *e = NULL;
    if (i < 0) return -1;
    return dict_match(d, doc, (uint32_t)i, (uint32_t)doc->ntok, caseless, e);
}

static const char *data_dir(void) {
    const char *d = getenv("DATA");
    return d && *d ? d : "../shared/data";
}

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* ---- API edges ---------------------------------------------------------- */

static void test_null_and_empty(void) {
    dict_free(NULL);
    CHECK(dict_size(NULL) == 0);
    CHECK(dict_lookup(NULL, "x") == NULL);
    CHECK(dict_code_at(NULL, 0) == NULL);
    dict *d = dict_new();
    CHECK(d != NULL);
    if (!d) return;
    char err[256];
    size_t n = 99;
    CHECK_INT(dict_load_buffer(d, "x", "", 0, DICT_DYAD, NULL, NULL, &n, err, sizeof err), DYAD_OK);
    CHECK_INT(n, 0);
    CHECK_INT(dict_load_buffer(d, "x", "a", 1, 42, NULL, NULL, &n, err, sizeof err), DYAD_EINVAL);
    CHECK_INT(dict_load_buffer(NULL, "x", "a", 1, DICT_DYAD, NULL, NULL, &n, err, sizeof err), DYAD_EINVAL);
    CHECK_INT(dict_load_file(d, "/nonexistent/dir/x.dict", DICT_DYAD, NULL, NULL, &n, err, sizeof err), DYAD_EIO);
    CHECK(strstr(err, "/nonexistent/dir/x.dict") != NULL);
    CHECK(dict_lookup(d, "Brazil") == NULL);
    dyad_doc *doc = mkdoc("Brazil said so.");
    const dict_entry *e = (const dict_entry *)1;
    CHECK_INT(dict_match(d, doc, 0, (uint32_t)doc->ntok, 0, &e), 0);
    CHECK(e == NULL);
    CHECK_INT(dict_match(d, doc, 5, 2, 0, &e), 0);              /* i >= end */
    CHECK_INT(dict_match(d, doc, 0, 1000, 0, &e), 0);           /* end past the tokens */
    CHECK_INT(dict_match(NULL, doc, 0, (uint32_t)doc->ntok, 0, &e), 0);
    dyad_doc_free(doc);
    dict_free(d);
}

/* ---- dyad format -------------------------------------------------------- */

static const char dyad_text[] =
    "# A test dictionary.\n"
    "\n"
    "[country]\n"
    "BRA  Brazil | Federative Republic of Brazil\n"
    "  adj  Brazilian | Brazilians | Brazilian-backed\n"
    "  gov  Brasília | Brasilia | Planalto Palace\n"
    "USA  United States | US | U.S.   # US in capitals only\n"
    "  adj  American | Americans\n"
    "  gov  Washington | White House\n"
    "FRA  France\n"
    "  gov  the Élysée | Élysée\n"
    "\n"
    "[org]\n"
    "IGOUNO     United Nations | UN | U.N.\n"
    "IGOWSTNAT  North Atlantic Treaty Organization | NATO\n"
    "  | the Atlantic Alliance\n"
    "USAMED     Reuters              # a news agency\n"
    "NGOENV     Eco\n"
    "\n"
    "[person]\n"
    "Luiz Inácio Lula da Silva | Lula | Lula da Silva\n"
    "  BRAGOV  2003-01-01  2010-12-31  President\n"
    "  BRAELI  2011        2022        Former President\n"
    "  BRAGOV  2023-01     -           President\n"
    "\n"
    "[role]\n"
    "GOV  government | ministry | ministère\n"
    "GOV  president | prime minister | foreign minister | minister | secretary | spokesman      title\n"
    "GOV  Foreign Minister | Sen.   title\n"
    "MIL  troops | armed forces | police | crisis\n"
    "MIL~ army\n";

static void test_dyad_entries(void) {
    warns w = {0};
    dict *d = load(dyad_text, DICT_DYAD, &w);
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(w.n, 0);
    if (w.n) fprintf(stderr, "  warning: %s\n", w.last);
    const dict_entry *e = dict_lookup(d, "Brazil");
    CHECK(e && e->kind == DE_COUNTRY);
    if (e) {
        CHECK_STR(e->name, "Brazil");
        CHECK_STR(e->country, "BRA");
        CHECK_STR(dict_code_at(e, 0)->code, "BRA");
    }
    CHECK(dict_lookup(d, "Federative Republic of Brazil") == e);
    e = dict_lookup(d, "Brazilians");
    CHECK(e && e->kind == DE_ADJ);
    if (e) {
        CHECK_STR(e->name, "Brazilian");
        CHECK_STR(e->country, "BRA");
        CHECK_STR(dict_code_at(e, 0)->code, "BRA");
    }
    CHECK_INT(kind_of(d, "Brazilian-backed"), DE_ADJ);
    e = dict_lookup(d, "Brasília");
    CHECK(e && e->kind == DE_SEAT);
    if (e) {
        CHECK_STR(e->country, "BRA");
        CHECK_STR(dict_code_at(e, 0)->code, "BRAGOV");
    }
    CHECK_STR(code_of(d, "Planalto Palace", 0), "BRAGOV");
    CHECK_STR(code_of(d, "White House", 0), "USAGOV");
    CHECK_STR(code_of(d, "the Élysée", 0), "FRAGOV");
    CHECK_STR(code_of(d, "U.S.", 0), "USA");
    /* org */
    e = dict_lookup(d, "U.N.");
    CHECK(e && e->kind == DE_ORG);
    if (e) {
        CHECK_STR(e->name, "United Nations");
        CHECK(e->country == NULL);
    }
    CHECK_STR(code_of(d, "NATO", 0), "IGOWSTNAT");
    CHECK_STR(code_of(d, "the Atlantic Alliance", 0), "IGOWSTNAT"); /* indented names */
    e = dict_lookup(d, "Reuters");
    CHECK(e && e->country && !strcmp(e->country, "USA"));
    /* person */
    e = dict_lookup(d, "Lula");
    CHECK(e && e->kind == DE_PERSON);
    if (e) {
        CHECK_STR(e->name, "Luiz Inácio Lula da Silva");
        CHECK_INT(e->ncodes, 3);
        CHECK_STR(e->country, "BRA");
        const dict_code *c = dict_code_at(e, 20050101);
        CHECK(c && !strcmp(c->code, "BRAGOV") && c->role && !strcmp(c->role, "President"));
        c = dict_code_at(e, 20150101);
        CHECK(c && !strcmp(c->code, "BRAELI") && c->role && !strcmp(c->role, "Former President"));
        CHECK_INT(c ? c->from : 0, 20110101); /* YYYY from: January 1 */
        CHECK_INT(c ? c->to : 0, 20221231);   /* YYYY to: December 31 */
        c = dict_code_at(e, 20221231);
        CHECK(c && !strcmp(c->code, "BRAELI"));
        c = dict_code_at(e, 20230101);
        CHECK(c && !strcmp(c->code, "BRAGOV") && c->from == 20230101 && c->to == 0);
        c = dict_code_at(e, 0); /* current: the open-ended code */
        CHECK(c && !strcmp(c->code, "BRAGOV") && c->from == 20230101);
        CHECK(dict_code_at(e, 19990101) == NULL); /* before any code, none undated */
    }
    CHECK(dict_lookup(d, "Lula da Silva") == e);
    /* role */
    e = dict_lookup(d, "foreign minister");
    CHECK(e && e->kind == DE_ROLE && e->title && !e->agent_prefix);
    if (e) CHECK_STR(dict_code_at(e, 0)->code, "GOV");
    e = dict_lookup(d, "government");
    CHECK(e && e->kind == DE_ROLE && !e->title);
    e = dict_lookup(d, "army");
    CHECK(e && e->kind == DE_ROLE && e->agent_prefix);
    if (e) CHECK_STR(dict_code_at(e, 0)->code, "MIL");
    e = dict_lookup(d, "Sen.");
    CHECK(e && e->title);
    CHECK_INT(dict_size(d) >= 14, 1);
    dict_free(d);
}

static void test_dyad_plurals(void) {
    warns w = {0};
    dict *d = load(dyad_text, DICT_DYAD, &w);
    if (!d) {
        CHECK(0);
        return;
    }
    CHECK_INT(kind_of(d, "ministers"), DE_ROLE);
    CHECK_INT(kind_of(d, "foreign ministers"), DE_ROLE);
    CHECK_INT(kind_of(d, "prime ministers"), DE_ROLE);
    CHECK_INT(kind_of(d, "secretaries"), DE_ROLE);
    CHECK_INT(kind_of(d, "spokesmen"), DE_ROLE);
    CHECK_INT(kind_of(d, "crises"), DE_ROLE);
    CHECK_INT(kind_of(d, "armies"), DE_ROLE);
    CHECK_INT(kind_of(d, "governments"), DE_ROLE);
    CHECK_INT(kind_of(d, "Foreign Ministers"), DE_ROLE); /* case kept */
    CHECK_INT(kind_of(d, "police"), DE_ROLE);
    CHECK_INT(kind_of(d, "polices"), 0);      /* invariant */
    CHECK_INT(kind_of(d, "troopss"), 0);      /* ends in s: no plural */
    CHECK_INT(kind_of(d, "armed forceses"), 0);
    CHECK_INT(kind_of(d, "Sen.s"), 0);
    CHECK_INT(kind_of(d, "Brazils"), 0);      /* only roles get plurals */
    CHECK_INT(kind_of(d, "ministères"), DE_ROLE);
    dict_free(d);
}

static void test_dyad_case(void) {
    warns w = {0};
    dict *d = load(dyad_text, DICT_DYAD, &w);
    dyad_doc *doc = mkdoc("Let us see. The US and BRAZIL met. FOREIGN MINISTER Vieira and the Police. Le MINISTÈRE.");
    if (!d || !doc) {
        CHECK(0);
        dict_free(d);
        dyad_doc_free(doc);
        return;
    }
    const dict_entry *e;
    CHECK_INT(match_at(d, doc, "us", 0, &e), 0);       /* "US" is case-sensitive */
    CHECK_INT(match_at(d, doc, "us", 1, &e), 1);       /* ... except in capitals */
    CHECK_INT(match_at(d, doc, "US", 0, &e), 1);
    CHECK(e && e->kind == DE_COUNTRY);
    CHECK_INT(match_at(d, doc, "BRAZIL", 0, &e), 0);
    CHECK_INT(match_at(d, doc, "BRAZIL", 1, &e), 1);
    CHECK(e && !strcmp(e->name, "Brazil"));
    CHECK_INT(match_at(d, doc, "FOREIGN", 0, &e), 2);  /* lower-case "foreign minister" matches any case */
    CHECK(e && e->kind == DE_ROLE);
    CHECK_INT(match_at(d, doc, "FOREIGN", 1, &e), 2);
    CHECK_INT(match_at(d, doc, "Police", 0, &e), 1);
    CHECK_INT(match_at(d, doc, "MINISTÈRE", 0, &e), 1); /* non-ASCII folded through utf8proc */
    CHECK(dict_lookup(d, "brazil") == NULL);
    CHECK(dict_lookup(d, "élysée") == NULL);
    dyad_doc_free(doc);
    dict_free(d);
}

static void test_dyad_malformed(void) {
    static const char text[] =
        "BRA Brazil\n"                       /* 1: before any section */
        "[country]\n"                        /* 2 */
        "BRAZ  Brazil\n"                     /* 3: not alpha-3 */
        "BRA  Brazil\n"                      /* 4 */
        "  dem  Brazilian\n"                 /* 5: unknown attribute */
        "[persons]\n"                        /* 6: unknown section */
        "X  y\n"                             /* 7: skipped silently */
        "[person]\n"                         /* 8 */
        "Jair Bolsonaro\n"                   /* 9 */
        "  BRAGOV  2019-13-01  2022-12-31\n" /* 10: bad month */
        "  BRAGOV  2019-01-01  2022-12-31  President\n"
        "  BRAGOV  2022  2019\n"             /* 12: TO before FROM */
        "Nobody\n"                           /* 13: no code line (warned at the entry's line) */
        "[role]\n"                           /* 14 */
        "gov  government\n"                  /* 15: lower-case code */
        "GOV  government | | cabinet\n"      /* 16: empty name */
        "[org]\n"
        "IGOUNO  UN\n";
    warns w = {0};
    dict *d = load(text, DICT_DYAD, &w);
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(w.n, 9);
    long want[] = {1, 3, 5, 6, 10, 12, 13, 15, 16};
    for (int i = 0; i < 9 && i < w.n; i++) CHECK_INT(w.lines[i], want[i]);
    CHECK(strstr(w.last, "test:16:") == w.last);
    /* loading went on */
    CHECK_STR(code_of(d, "Brazil", 0), "BRA");
    CHECK_STR(code_of(d, "Jair Bolsonaro", 20200101), "BRAGOV");
    CHECK_STR(code_of(d, "cabinet", 0), "GOV");
    CHECK_STR(code_of(d, "UN", 0), "IGOUNO");
    CHECK_STR(code_of(d, "Nobody", 0), "");
    dict_free(d);
}

/* ---- TABARI / PETRARCH actors ------------------------------------------- */

static const char tab_text[] =
    "<!-- PETRARCH style header\n"
    "  over two lines -->\n"
    "<NOUN>\n"
    "FORCES_  ;JW\n"
    "</NOUN>\n"
    "<ADJECTIVE>\n"
    "AWFUL\n"
    "</ADJECTIVE>\n"
    "# a comment line\n"
    "AFGHANISTAN_  [AFG]\n"
    "+AFGHAN_ \n"
    "+ISLAMIC_REPUBLIC_OF_AFGHANISTAN\n"
    "+KABUL_   # the capital\n"
    "\n"
    "ALBRIGHT_  [USAGOV 991201-010114] [---] ;ems 02 Feb 2001\n"
    "ARGENTIN  [ARG]\n"
    "ARGENT  [XXX]\n"
    "UN  [UNO]\n"
    "ESTONIA_  [EST]\n"
    "MOUSE= [MUS]\n"
    "ZIMBABWE\n"
    "\t[RHO <790606]\n"
    "\t[ZBW];jw 9/30/91\n"
    "GOLLUM  ; pas 27 Apr 03\n"
    "+SMEAGOL\n"
    "\t[HOB < 950601]\n"
    "\t[HOBGOV 950601 - 990815]\n"
    "\t[HOBREB > 990816]\n"
    "SAM_GAMGEE_ [HOB]\n"
    "\t[ORCHOB 20100109-20100112]\n"
    "\t[HOBMIL 20080120-20121109]\n"
    "\t[HOBELI >20130119]\n"
    "JOHN_SMITH_\n"
    "\t[USAELI 270101-730717]\n"
    "AL-QAEDA_ [IMGMOSALQ]\n"
    "ISRAELI_ { TANKS | TROOPS }  [ISRMIL] ;mdc\n"
    "U.S._  [USA]\n"
    "SAINT_JOHN'S_  [ATG]\n"
    "GEN._SMITH_  [USAMIL]\n"
    "LORIEN  [elr/gal]\n"
    "COMECON_  [USR/BGR/CZA/HUN/POL/ROM/ALB]\n"
    "NASGUL  [###]\n"
    "~~FINISH 16:47 CDT\n"
    "NOT_READ_ [XXX]\n";

static void test_tabari_actors(void) {
    warns w = {0};
    dict *d = load(tab_text, DICT_ACTORS, &w);
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(w.n, 0);
    if (w.n) fprintf(stderr, "  warning: %s\n", w.last);
    const dict_entry *e = dict_lookup(d, "Afghanistan");
    CHECK(e && e->kind == DE_ACTOR);
    if (e) {
        CHECK_STR(e->name, "AFGHANISTAN");
        CHECK_STR(e->country, "AFG");
    }
    CHECK(dict_lookup(d, "Afghan") == e);
    CHECK(dict_lookup(d, "Afghans") == e);   /* TABARI's regular ending on an exact word */
    CHECK(dict_lookup(d, "KABUL") == e);
    CHECK(dict_lookup(d, "Islamic Republic of Afghanistan") == e);
    CHECK(dict_lookup(d, "Afghanistani") == NULL); /* AFGHANISTAN_ is exact */
    CHECK(dict_lookup(d, "forces") == NULL);       /* <NOUN> is not an actor */
    CHECK(dict_lookup(d, "awful") == NULL);
    CHECK(dict_lookup(d, "not read") == NULL);     /* after ~~FINISH */
    CHECK_STR(code_of(d, "Albright", 20000101), "USAGOV");
    CHECK_STR(code_of(d, "Albright", 20050101), "");
    CHECK_STR(code_of(d, "Albright", 0), "");
    CHECK_STR(code_of(d, "mouse", 0), "MUS");
    CHECK_STR(code_of(d, "mouses", 0), "(null)");  /* WORD= takes no ending */
    CHECK_STR(code_of(d, "Estonias", 0), "EST");
    CHECK_STR(code_of(d, "Estonian", 0), "(null)");
    CHECK_STR(code_of(d, "Al-Qaeda", 0), "IMGMOSALQ");
    CHECK_STR(code_of(d, "al Qaeda", 0), "IMGMOSALQ"); /* TABARI reads hyphens as blanks */
    CHECK_STR(code_of(d, "Israeli tanks", 0), "ISRMIL");
    CHECK_STR(code_of(d, "Israeli troops", 0), "ISRMIL");
    CHECK_STR(code_of(d, "Israeli", 0), "(null)");
    CHECK_STR(code_of(d, "U.S.", 0), "USA");
    CHECK_STR(code_of(d, "Saint John's", 0), "ATG");
    CHECK_STR(code_of(d, "Saint John’s", 0), "ATG");     /* curly apostrophe */
    CHECK_STR(code_of(d, "Gen. Smith", 0), "USAMIL");    /* "GEN." tokenized as the abbreviation */
    CHECK_STR(code_of(d, "Lorien", 0), "ELR/GAL");
    CHECK_STR(code_of(d, "Comecon", 0), "USR/BGR/CZA/HUN"); /* whole codes up to 15 bytes */
    CHECK_STR(code_of(d, "Nasgul", 0), "###");
    e = dict_lookup(d, "Lorien");
    CHECK(e && e->country == NULL);
    dict_free(d);
}

static void test_tabari_stems(void) {
    warns w = {0};
    dict *d = load(tab_text, DICT_ACTORS, &w);
    if (!d) {
        CHECK(0);
        return;
    }
    CHECK_STR(code_of(d, "Argentina", 0), "ARG");
    CHECK_STR(code_of(d, "Argentine", 0), "ARG");
    CHECK_STR(code_of(d, "ARGENTINIANS", 0), "ARG");
    CHECK_STR(code_of(d, "Argentin", 0), "ARG");
    CHECK_STR(code_of(d, "Argentum", 0), "XXX");      /* the shorter stem */
    CHECK_STR(code_of(d, "Argen", 0), "(null)");
    CHECK_STR(code_of(d, "unable", 0), "(null)");     /* under 4 bytes: a word, not a stem */
    CHECK_STR(code_of(d, "UN", 0), "UNO");
    CHECK_STR(code_of(d, "UNs", 0), "UNO");           /* and it takes TABARI's ending */
    CHECK_STR(code_of(d, "Smeagols", 19900101), "HOB");
    CHECK_STR(code_of(d, "Islamic Republic of Afghanistani", 0), "AFG"); /* stem on the last word */
    CHECK_STR(code_of(d, "Islamics Republic of Afghanistan", 0), "(null)"); /* earlier words are exact */
    dyad_doc *doc = mkdoc("The Argentine navy and Argentina's army.");
    const dict_entry *e;
    CHECK_INT(match_at(d, doc, "Argentine", 0, &e), 1);
    CHECK_INT(match_at(d, doc, "Argentina", 0, &e), 1);
    CHECK(e && !strcmp(e->name, "ARGENTIN"));
    dyad_doc_free(doc);
    dict_free(d);
}

static void test_tabari_dates(void) {
    warns w = {0};
    dict *d = load(tab_text, DICT_ACTORS, &w);
    if (!d) {
        CHECK(0);
        return;
    }
    const dict_entry *e = dict_lookup(d, "Zimbabwe");
    CHECK(e && e->ncodes == 2);
    if (e) {
        CHECK_INT(e->codes[0].from, 0);
        CHECK_INT(e->codes[0].to, 19790606);
    }
    CHECK_STR(code_of(d, "Zimbabwe", 19780101), "RHO");
    CHECK_STR(code_of(d, "Zimbabwe", 19790606), "RHO"); /* limits are inclusive */
    CHECK_STR(code_of(d, "Zimbabwe", 19790607), "ZBW");
    CHECK_STR(code_of(d, "Zimbabwe", 0), "ZBW");
    CHECK_STR(code_of(d, "Smeagol", 19900101), "HOB");
    CHECK_STR(code_of(d, "Gollum", 19970101), "HOBGOV");
    CHECK_STR(code_of(d, "Gollum", 20100101), "HOBREB");
    CHECK_STR(code_of(d, "Gollum", 0), "HOBREB");
    e = dict_lookup(d, "Gollum");
    CHECK(e && e->ncodes == 3 && e->codes[1].from == 19950601 && e->codes[1].to == 19990815);
    CHECK_STR(code_of(d, "Sam Gamgee", 20100110), "ORCHOB"); /* the first listed restriction wins */
    CHECK_STR(code_of(d, "Sam Gamgee", 20090101), "HOBMIL");
    CHECK_STR(code_of(d, "Sam Gamgee", 20121201), "HOB");    /* no restriction: the default code */
    CHECK_STR(code_of(d, "Sam Gamgee", 0), "HOBELI");
    e = dict_lookup(d, "Albright");
    CHECK(e && e->codes[0].from == 19991201 && e->codes[0].to == 20010114); /* yy pivot: <= 30 is 20yy */
    e = dict_lookup(d, "John Smith");
    CHECK(e && e->codes[0].from == 19270101 && e->codes[0].to == 19730717); /* a birth year before the end */
    CHECK_STR(code_of(d, "John Smith", 20000101), "(null)");  /* restricted only: nothing outside */
    CHECK_STR(code_of(d, "John Smith", 0), "USAELI");         /* date 0: the last one */
    dict_free(d);
}

static void test_tabari_malformed(void) {
    static const char text[] =
        "GOOD_ONE_ [AAA]\n"                      /* 1 */
        "BAD_BLOCK_ [991201-010114]\n"           /* 2: no code */
        "BAD_DATE_ [USAGOV 9912011-010114]\n"    /* 3: 7 digits */
        "BAD_RANGE_ [USAGOV 20121207-20120802]\n"/* 4: end before start */
        "UNCLOSED_ [USAGOV\n"                    /* 5: missing ] */
        "+\n"                                    /* 6: empty synonym */
        "TRAILING_ [BBB] junk here\n"            /* 7: text after the code */
        "</NOUN>\n"                              /* 8: closing tag alone */
        "BAD_CODE_ [US$GOV]\n"                   /* 9: bad code */
        "LAST_ONE_ [CCC]\n"                      /* 10 */
        "<ADJECTIVE>\n";                         /* 11: never closed */
    warns w = {0};
    dict *d = load(text, DICT_ACTORS, &w);
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(w.n, 9);
    long want[] = {2, 3, 4, 5, 6, 7, 8, 9, 11};
    for (int i = 0; i < 9 && i < w.n; i++) CHECK_INT(w.lines[i], want[i]);
    CHECK(strstr(w.last, "test:11: ") == w.last);
    CHECK_STR(code_of(d, "good one", 0), "AAA");
    CHECK_STR(code_of(d, "trailing", 0), "BBB");
    CHECK_STR(code_of(d, "last one", 0), "CCC");
    CHECK_STR(code_of(d, "bad block", 0), ""); /* the name stays, without a code */
    dict_free(d);
}

static void test_line_endings(void) {
    static const char text[] = "\xEF\xBB\xBF"
                               "ALPHA_ [AAA]\r\n"
                               "BETA_ [BBB]\r"
                               "GAM\0MA_ [GGG]\n"
                               "DELTA_ [DDD]";
    warns w = {0};
    dict *d = dict_new();
    char err[64];
    size_t n = 0;
    CHECK_INT(dict_load_buffer(d, "crlf", text, sizeof text - 1, DICT_ACTORS, on_warn, &w, &n, err, sizeof err),
              DYAD_OK);
    CHECK_INT(w.n, 0);
    CHECK_INT(n, 4);
    CHECK_STR(code_of(d, "alpha", 0), "AAA");
    CHECK_STR(code_of(d, "beta", 0), "BBB");
    CHECK_STR(code_of(d, "gam ma", 0), "GGG"); /* NUL read as a blank */
    CHECK_STR(code_of(d, "delta", 0), "DDD");
    dict_free(d);
}

/* ---- agents ------------------------------------------------------------- */

static const char agents_text[] =
    "<!-- AGENTS -->\n"
    "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
    "!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"
    "POLICE_   [  ~COP] ;JON 2/8/95\n"
    "CONGRESS!PERSON!_ [~LEG]\n"
    "FOREIGN_!MINIST! [~GOV]\n"
    "SECRETARY_ [~GOV]\n"
    "ARMED_POLICE_ {} [~COP]\n"
    "THIEF_ {THIEVES} [~CRM]\n"
    "ATTORNEY_GENERAL_ {ATTORNEYS_GENERAL} [~GOVATG]\n"
    "HUMAN_RIGHTS_BODY_  [NGO~] # BNL\n"
    "AIDE [~GOV]\n"
    "WITNESS_ [~CVL]\n"
    "NO_TILDE_ [GOV]\n"
    "!UNDEFINED!_CHIEF [~GOV]\n";

static void test_agents(void) {
    warns w = {0};
    dict *d = load(agents_text, DICT_AGENTS, &w);
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(w.n, 2); /* NO_TILDE_ and !UNDEFINED! */
    const dict_entry *e = dict_lookup(d, "police");
    CHECK(e && e->kind == DE_AGENT && !e->agent_prefix);
    if (e) CHECK_STR(dict_code_at(e, 0)->code, "COP");
    CHECK_INT(kind_of(d, "polices"), 0); /* an invariant noun */
    CHECK_STR(code_of(d, "congressman", 0), "LEG");
    CHECK_STR(code_of(d, "congresswomen", 0), "LEG");
    CHECK_STR(code_of(d, "Congressperson", 0), "LEG");
    CHECK_STR(code_of(d, "congressmans", 0), "(null)"); /* substituted: no plural */
    CHECK_STR(code_of(d, "foreign ministry", 0), "GOV");
    CHECK_STR(code_of(d, "foreign ministers", 0), "GOV");
    CHECK_STR(code_of(d, "secretaries", 0), "GOV");
    CHECK_STR(code_of(d, "armed police", 0), "COP");
    CHECK_STR(code_of(d, "armed polices", 0), "(null)"); /* {}: no plural */
    CHECK_STR(code_of(d, "thieves", 0), "CRM");
    CHECK_STR(code_of(d, "thiefs", 0), "(null)");        /* an explicit plural replaces the regular one */
    CHECK_STR(code_of(d, "attorneys general", 0), "GOVATG");
    CHECK_STR(code_of(d, "witnesses", 0), "CVL");        /* ss -> sses */
    CHECK_STR(code_of(d, "aides", 0), "GOV");            /* AIDE is a stem */
    e = dict_lookup(d, "human rights body");
    CHECK(e && e->agent_prefix);
    if (e) CHECK_STR(dict_code_at(e, 0)->code, "NGO");
    CHECK(dict_lookup(d, "human rights bodies") == e);
    dict_free(d);
}

/* ---- priority, matching ------------------------------------------------- */

static void test_priority(void) {
    dict *d = dict_new();
    char err[64];
    warns w = {0};
    static const char a[] = "BRAZIL_ [BRA]\nCHILE_ [CHL]\n", b[] = "BRAZIL_ [XXX]\n";
    static const char dy[] = "[country]\nBRA  Brazil\nCHL  Chile\n";
    CHECK_INT(dict_load_buffer(d, "a", a, strlen(a), DICT_ACTORS, on_warn, &w, NULL, err, sizeof err), DYAD_OK);
    CHECK_INT(dict_load_buffer(d, "b", b, strlen(b), DICT_ACTORS, on_warn, &w, NULL, err, sizeof err), DYAD_OK);
    CHECK_STR(code_of(d, "Brazil", 0), "XXX");
    CHECK_STR(code_of(d, "Chile", 0), "CHL");
    dict_free(d);
    /* defaults first, then an imported file: the import wins for the same name */
    d = dict_new();
    CHECK_INT(dict_load_buffer(d, "dy", dy, strlen(dy), DICT_DYAD, on_warn, &w, NULL, err, sizeof err), DYAD_OK);
    CHECK_INT(dict_load_buffer(d, "b", b, strlen(b), DICT_ACTORS, on_warn, &w, NULL, err, sizeof err), DYAD_OK);
    CHECK_STR(code_of(d, "Brazil", 0), "XXX");
    CHECK_STR(code_of(d, "Chile", 0), "CHL");
    dict_free(d);
    /* and the other way round */
    d = dict_new();
    CHECK_INT(dict_load_buffer(d, "b", b, strlen(b), DICT_ACTORS, on_warn, &w, NULL, err, sizeof err), DYAD_OK);
    CHECK_INT(dict_load_buffer(d, "dy", dy, strlen(dy), DICT_DYAD, on_warn, &w, NULL, err, sizeof err), DYAD_OK);
    CHECK_STR(code_of(d, "Brazil", 0), "BRA");
    CHECK_STR(code_of(d, "BRAZIL", 0), "XXX"); /* the case-sensitive name does not see capitals */
    dict_free(d);
    CHECK_INT(w.n, 0);
}

static void test_match_doc(void) {
    warns w = {0};
    dict *d = load(dyad_text, DICT_DYAD, &w);
    static const char text[] =
        "Brazil's foreign minister met U.S. officials and Brazilian-backed groups in Brasília on Monday.\n\n"
        "Eco-warriors joined. The United Nations said the Foreign Minister of Brazil, Mr. Lula da Silva's aide, "
        "spoke. President Lula da Silva, ministers and troops.";
    dyad_doc *doc = mkdoc(text);
    if (!d || !doc) {
        CHECK(0);
        dict_free(d);
        dyad_doc_free(doc);
        return;
    }
    CHECK(doc->nsent >= 3);
    const dict_entry *e;
    CHECK_INT(match_at(d, doc, "Brazil", 0, &e), 1); /* "Brazil" "'s" */
    CHECK(e && e->kind == DE_COUNTRY);
    CHECK_INT(match_at(d, doc, "foreign", 0, &e), 2);
    CHECK(e && e->kind == DE_ROLE);
    CHECK_INT(match_at(d, doc, "U.S.", 0, &e), 1);
    CHECK(e && e->kind == DE_COUNTRY && !strcmp(e->country, "USA"));
    CHECK_INT(match_at(d, doc, "Brazilian", 0, &e), 3); /* Brazilian - backed */
    CHECK(e && e->kind == DE_ADJ);
    CHECK_INT(match_at(d, doc, "Brasília", 0, &e), 1);
    CHECK(e && e->kind == DE_SEAT);
    CHECK_INT(match_at(d, doc, "Eco-warriors", 0, &e), 1); /* the part before the hyphen */
    CHECK(e && e->kind == DE_ORG);
    CHECK_INT(match_at(d, doc, "United", 0, &e), 2);
    CHECK_INT(match_at(d, doc, "Foreign", 0, &e), 2);
    CHECK_INT(match_at(d, doc, "Lula", 0, &e), 3); /* the longest: "Lula da Silva" */
    CHECK(e && e->kind == DE_PERSON);
    CHECK_INT(match_at(d, doc, "ministers", 0, &e), 1);
    CHECK_INT(match_at(d, doc, "Monday", 0, &e), 0);
    CHECK(e == NULL);
    /* end bounds the phrase */
    int i = tok_index(doc, "United");
    CHECK_INT(dict_match(d, doc, (uint32_t)i, (uint32_t)i + 1, 0, &e), 0);
    dyad_doc_free(doc);
    dict_free(d);
}

static void test_long_names(void) {
    char buf[4096];
    size_t n = 0;
    n += (size_t)snprintf(buf + n, sizeof buf - n, "[org]\nIGOXXX  ");
    for (int i = 0; i < 70; i++) n += (size_t)snprintf(buf + n, sizeof buf - n, "w%d ", i); /* 70 tokens */
    n += (size_t)snprintf(buf + n, sizeof buf - n, "| Short Name\nIGOYYY  ");
    for (int i = 0; i < 60; i++) n += (size_t)snprintf(buf + n, sizeof buf - n, "abcdefghij");  /* 600 bytes */
    n += (size_t)snprintf(buf + n, sizeof buf - n, "\n");
    warns w = {0};
    dict *d = load(buf, DICT_DYAD, &w);
    CHECK(d != NULL);
    CHECK_INT(w.n, 2);
    CHECK_STR(code_of(d, "Short Name", 0), "IGOXXX");
    dict_free(d);
}

/* ---- the real dictionaries ---------------------------------------------- */

typedef struct realfile {
    const char *path;
    int fmt;
    int max_warn;
} realfile;

static void test_real_files(void) {
    static const realfile files[] = {
        {"events/petrarch2/Phoenix.Countries.actors.txt", DICT_ACTORS, 8},
        {"events/petrarch2/Phoenix.International.actors.txt", DICT_ACTORS, 5},
        {"events/petrarch2/Phoenix.MilNonState.actors.txt", DICT_ACTORS, 0},
        {"events/petrarch2/Phoenix.agents.txt", DICT_AGENTS, 0},
        {"events/petrarch2/PETR.Validate.actors.txt", DICT_ACTORS, 0},
        {"events/petrarch2/PETR.Validate.agents.txt", DICT_AGENTS, 0},
        {"events/tabari/TABARI.Demo.actors", DICT_ACTORS, 0},
        {"events/tabari/Validate.agents", DICT_AGENTS, 0},
        {"events/tabari-dictionaries/CAMEO.ECS.120522.actors", DICT_ACTORS, 0},
        {"events/tabari-dictionaries/CAMEO.RCS.120521.actors", DICT_ACTORS, 0},
        {"events/tabari-dictionaries/Internatnl.120521.actors", DICT_ACTORS, 3},
        {"events/tabari-dictionaries/Levant.080629.actors", DICT_ACTORS, 2},
        {"events/tabari-dictionaries/CountryInfo.120116.actors.unzipped/CountryInfo.120116.actors", DICT_ACTORS, 0},
        {"events/tabari-dictionaries/PSU.120522.agents", DICT_AGENTS, 0},
        {"events/universalpetrarch/PETR_Validate_actors_2_02.txt", DICT_ACTORS, 0},
        {"events/universalpetrarch/PETR_Validate_agents_2_02.txt", DICT_AGENTS, 0},
    };
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", data_dir(), files[0].path);
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("test_real_files: %s missing, skipped\n", path);
        return;
    }
    fclose(f);
    /* Each file alone, with its warnings counted. */
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        snprintf(path, sizeof path, "%s/%s", data_dir(), files[k].path);
        dict *d = dict_new();
        warns w = {0};
        size_t n = 0;
        char err[256];
        double t0 = now_ms();
        int rc = dict_load_file(d, path, files[k].fmt, on_warn, &w, &n, err, sizeof err);
        double ms = now_ms() - t0;
        CHECK_INT(rc, DYAD_OK);
        CHECK(n > 50);
        if (w.n > files[k].max_warn) {
            fprintf(stderr, "  %s: %d warnings, last %s\n", files[k].path, w.n, w.last);
            CHECK(w.n <= files[k].max_warn);
        }
        printf("  %-84s %6zu names %3d warnings %6.1f ms\n", files[k].path, n, w.n, ms);
        dict_free(d);
    }
    /* The Phoenix set together, as the CLI loads it. */
    dict *d = dict_new();
    double t0 = now_ms();
    for (size_t k = 0; k < 4; k++) {
        snprintf(path, sizeof path, "%s/%s", data_dir(), files[k].path);
        char err[256];
        CHECK_INT(dict_load_file(d, path, files[k].fmt, NULL, NULL, NULL, err, sizeof err), DYAD_OK);
    }
    double ms = now_ms() - t0;
    printf("  Phoenix set: %zu entries in %.1f ms\n", dict_size(d), ms);
    CHECK(ms < 1500); /* the target is far lower (~60 ms optimized); sanitizers are slow */
    CHECK_STR(code_of(d, "Afghanistan", 0), "AFG");
    CHECK_STR(code_of(d, "Syrians", 0), "SYR");
    CHECK_STR(code_of(d, "United States", 0), "USA");
    CHECK_STR(code_of(d, "NATO", 0), "IGOWSTNAT");
    CHECK_STR(code_of(d, "Hamid Karzai", 20050101), "AFGGOV");
    CHECK_STR(code_of(d, "policemen", 0), "COP");
    CHECK_STR(code_of(d, "foreign ministry", 0), "GOV");
    /* A document of our own. */
    static const char text[] =
        "KABUL (Reuters) - Afghan President Hamid Karzai met Pakistani officials and NATO commanders on Monday, "
        "while Taliban insurgents attacked police in Helmand province.\n";
    dyad_doc *doc = mkdoc(text);
    if (doc) {
        const dict_entry *e;
        CHECK_INT(match_at(d, doc, "KABUL", 0, &e), 1);
        CHECK(e && e->country && !strcmp(e->country, "AFG"));
        CHECK_INT(match_at(d, doc, "Afghan", 0, &e) >= 1, 1);
        CHECK_INT(match_at(d, doc, "Hamid", 0, &e), 2);
        CHECK(e && e->kind == DE_ACTOR && !strcmp(dict_code_at(e, 20100101)->code, "AFGGOV"));
        CHECK_INT(match_at(d, doc, "Pakistani", 0, &e), 1);
        CHECK(e && e->country && !strcmp(e->country, "PAK"));
        CHECK_INT(match_at(d, doc, "NATO", 0, &e), 1);
        CHECK_INT(match_at(d, doc, "police", 0, &e), 1);
        CHECK(e && e->kind == DE_AGENT);
        CHECK_INT(match_at(d, doc, "Taliban", 0, &e) >= 1, 1);
        /* every token, to exercise the matcher on real keys */
        size_t hits = 0;
        for (uint32_t i = 0; i < doc->ntok; i++) hits += dict_match(d, doc, i, (uint32_t)doc->ntok, 0, &e) > 0;
        CHECK(hits >= 8);
        dyad_doc_free(doc);
    }
    dict_free(d);
}

/* dict_match_words: TABARI phrases on a word sequence, with gaps. */
static void test_match_words(void) {
    static const char actors[] = "PRINCE DOL_AMROTH [DOL]\nAL_GORE [AGR]\nAL GORE [TEN]\nGONDOR [GON]\n"
                                 "ITHILEN TELEVISION [ITHTV]\nITHILEN [ITH]\n";
    dict *d = dict_new();
    char err[128];
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(dict_load_buffer(d, "a", actors, sizeof actors - 1, DICT_ACTORS, NULL, NULL, NULL, err, sizeof err), DYAD_OK);
#define W(s) {s, sizeof s - 1}
    const dict_entry *e = NULL;
    /* words between the phrase's blank-separated parts: up to DICT_GAP_MAX */
    static const dict_word w1[] = {W("the"), W("Prince"), W("of"), W("Dol"), W("Amroth"), W("said")};
    CHECK_INT(dict_match_words(d, w1, 6, 1, &e), 4);
    CHECK(e && !strcmp(e->codes[0].code, "DOL"));
    static const dict_word w2[] = {W("Ithilen"), W("state"), W("run"), W("television"), W("said")};
    CHECK_INT(dict_match_words(d, w2, 5, 0, &e), 4);
    CHECK(e && e->ncodes && !strcmp(e->codes[e->ncodes - 1].code, "ITHTV"));
    static const dict_word w3[] = {W("Ithilen"), W("a"), W("b"), W("c"), W("d"), W("television")};
    CHECK_INT(dict_match_words(d, w3, 6, 0, &e), 1); /* too far: ITHILEN alone */
    static const dict_word w4[] = {W("Ithilen"), W(","), W("television")};
    CHECK_INT(dict_match_words(d, w4, 3, 0, &e), 1); /* not across a comma */
    /* "Al Gore": AL_GORE (consecutive) keeps the key; a gap reaches AL GORE */
    static const dict_word w5[] = {W("AL"), W("GORE"), W("said")};
    CHECK_INT(dict_match_words(d, w5, 3, 0, &e), 2);
    CHECK(e && !strcmp(e->codes[0].code, "AGR"));
    static const dict_word w6[] = {W("Al"), W("The"), W("Weasel"), W("Gore")};
    CHECK_INT(dict_match_words(d, w6, 4, 0, &e), 4);
    CHECK(e && !strcmp(e->codes[0].code, "TEN"));
    /* hostile input */
    CHECK_INT(dict_match_words(d, w6, 4, 4, &e), 0);
    CHECK_INT(dict_match_words(NULL, w6, 4, 0, &e), 0);
    CHECK_INT(dict_match_words(d, NULL, 4, 0, &e), 0);
#undef W
    dict_free(d);
}

int main(void) {
    RUN(test_null_and_empty);
    RUN(test_dyad_entries);
    RUN(test_dyad_plurals);
    RUN(test_dyad_case);
    RUN(test_dyad_malformed);
    RUN(test_tabari_actors);
    RUN(test_tabari_stems);
    RUN(test_tabari_dates);
    RUN(test_tabari_malformed);
    RUN(test_line_endings);
    RUN(test_agents);
    RUN(test_priority);
    RUN(test_match_doc);
    RUN(test_match_words);
    RUN(test_long_names);
    RUN(test_real_files);
    TEST_END();
}
