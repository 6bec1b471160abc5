/* test_event.c -- CAMEO event coding over the parse.
 *
 * Documents go through the whole pipeline with the default models and
 * dictionaries (so actors are real); events are then coded again with a
 * small pattern set written here, so the tests check event.c's handling
 * of roles, passives, control, coordination, nominal events, modes and
 * claimants, not the default dictionary's coverage. */
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/doc.h"
#include "../src/event.h"
#include "test.h"

static const char PATTERNS[] =
    "# test patterns\n"
    "[verb]\n"
    "040   SRC meet TGT\n"
    "040   SRC meet with TGT\n"
    "042   SRC visit TGT\n"
    "111   SRC criticize TGT\n"
    "163   SRC impose sanction on TGT\n"
    "0311  SRC call on TGT to\n"
    "190   SRC attack TGT\n"
    "190   SRC attack\n"
    "120   SRC reject TGT\n"
    "112   SRC accuse TGT\n"
    "100   SRC demand TGT\n"
    "190   SRC kill TGT\n"
    "090   SRC launch investigation into TGT\n"
    "051   SRC welcome TGT decision\n"
    "[noun]\n"
    "046   SRC negotiation with TGT\n"
    "090   investigation into TGT\n"
    "090   investigation by SRC\n"
    "040   talk between SRC and TGT\n"
    "040   SRC meeting with TGT\n"
    "163   sanction against TGT\n"
    "[verb]\n"
    "999   SRC bad code TGT\n"            /* a bad code: warned, skipped */
    "040   SRC TGT\n"                     /* no head: warned, skipped */
    "nonsense line\n";

static dyad_ctx *ctx;
static ev_lex *lex;
static int nwarn;

static void count_warn(void *c, const char *file, long line, const char *why) {
    (void)c, (void)file, (void)line, (void)why;
    nwarn++;
}

/* Run the pipeline on text, then code its events with the lexicon x. */
static dyad_doc *code_with(const ev_lex *x, const char *text) {
    dyad_doc *d;
    if (dyad_doc_new(&d)) return NULL;
    dyad_doc_set_text(d, text, strlen(text));
    dyad_doc_set_field(d, DYAD_FIELD_DATE, "2023-02-28", 10);
    dyad_doc_code(ctx, d);
    event_run(x, d);
    return d;
}

static dyad_doc *code(const char *text) { return code_with(lex, text); }

/* The first event with this code whose source and target names contain
 * the given strings (NULL: no such side). */
static const devent *find(const dyad_doc *d, const char *code, const char *src, const char *tgt) {
    for (size_t i = 0; i < d->nevent; i++) {
        const devent *e = &d->events[i];
        if (strcmp(e->code, code)) continue;
        const char *sn = e->source >= 0 ? d->actors[e->source].name : NULL;
        const char *tn = e->target >= 0 ? d->actors[e->target].name : NULL;
        if (src && (!sn || !strstr(sn, src))) continue;
        if (!src && sn) continue;
        if (tgt && (!tn || !strstr(tn, tgt))) continue;
        if (!tgt && tn) continue;
        return e;
    }
    return NULL;
}

static void test_load(void) {
    CHECK(ev_lex_ncodes(lex) >= 300);
    CHECK_INT((long long)ev_lex_npatterns(lex), 20);
    CHECK_INT(nwarn, 3);
    int quad = 0;
    double g = 0;
    CHECK(ev_lex_code_info(lex, "190", &quad, &g));
    CHECK_INT(quad, 4);
    CHECK(g < -9);
    /* PLOVER: mapped codes, a statement PLOVER leaves out, an unlisted child */
    const char *pe, *pm, *pc;
    CHECK(ev_lex_plover_of(lex, "190", &pe, &pm, &pc));
    CHECK_STR(pe, "ASSAULT");
    CHECK(!ev_lex_plover_of(lex, "010", &pe, &pm, &pc) && pe == NULL);
    CHECK(ev_lex_plover_of(lex, "0874", &pe, &pm, &pc));
    CHECK_STR(pe, "RETREAT");
    CHECK(ev_lex_code_info(lex, "0401", &quad, &g)); /* falls back to its parent */
    CHECK_INT(quad, 1);
}

static void test_active_passive(void) {
    dyad_doc *d = code("Brazil criticized Argentina on Monday. Turkey was criticized by France.");
    const devent *e = find(d, "111", "Brazil", "Argentina");
    CHECK(e != NULL);
    if (e) {
        CHECK_INT(e->mode, MODE_ASSERTED);
        CHECK(e->date >= 0); /* "on Monday" */
        CHECK_INT(e->quad, 3);
    }
    CHECK(find(d, "111", "France", "T") != NULL); /* Türkiye or Turkey: the passive undone */
    dyad_doc_free(d);
}

static void test_modes(void) {
    dyad_doc *d = code("Russia did not attack Ukraine. China will meet Japan. Analysts expect India to visit Nepal. "
                       "Germany might attack Poland. Egypt threatened to attack Libya.");
    const devent *e = find(d, "190", "Russia", "Ukraine");
    CHECK(e != NULL && e->mode == MODE_NEGATED);
    /* an actor's own stated intention is CAMEO's intent event, asserted */
    e = find(d, "036", "China", "Japan");
    CHECK(e != NULL && e->mode == MODE_ASSERTED);
    e = find(d, "1384", "Egypt", "Libya");
    CHECK(e != NULL && e->mode == MODE_ASSERTED);
    /* a possibility stays the event itself, hypothetical */
    e = find(d, "190", "Germany", "Poland");
    CHECK(e != NULL && e->mode == MODE_HYPOTHETICAL);
    e = find(d, "042", "India", "Nepal"); /* object control: India is the one to visit */
    CHECK(e != NULL && e->mode == MODE_HYPOTHETICAL);
    dyad_doc_free(d);
    /* a refusal is CAMEO's rejection, asserted; a plain negation stays the event */
    d = code("Spain refused to meet Italy. Chile will not meet Peru. Cuba did not meet Haiti.");
    e = find(d, "125", "Spain", "Italy");
    CHECK(e != NULL && e->mode == MODE_ASSERTED);
    e = find(d, "125", "Chile", "Peru");
    CHECK(e != NULL && e->mode == MODE_ASSERTED);
    e = find(d, "040", "Cuba", "Haiti");
    CHECK(e != NULL && e->mode == MODE_NEGATED);
    dyad_doc_free(d);
    /* an intention on a condition the other side must meet: an ultimatum */
    d = code("Chile vowed that it would attack Peru.");
    e = find(d, "1384", "Chile", "Peru"); /* a that-clause commitment: CAMEO's threat, asserted */
    CHECK(e != NULL && e->mode == MODE_ASSERTED);
    dyad_doc_free(d);
    d = code("Chile will attack Peru unless Peru withdraws its ships.");
    e = find(d, "139", "Chile", "Peru");
    CHECK(e != NULL && e->mode == MODE_ASSERTED);
    dyad_doc_free(d);
}

static void test_coordination_and_nouns(void) {
    dyad_doc *d = code("Germany and France met Italy. Talks between Russia and Ukraine resumed. "
                       "The United States imposed sanctions on Iran. Egypt met Egypt.");
    CHECK(find(d, "040", "Germany", "Ital") != NULL);
    CHECK(find(d, "040", "France", "Ital") != NULL);
    CHECK(find(d, "040", "Russia", "Ukraine") != NULL);
    CHECK(find(d, "163", "United States", "Iran") != NULL);
    CHECK(find(d, "040", "Egypt", "Egypt") == NULL); /* a self-event */
    dyad_doc_free(d);
}

static void test_claim(void) {
    dyad_doc *d = code("Egypt said that Israel attacked Lebanon.");
    const devent *e = find(d, "190", "Israel", "Lebanon");
    CHECK(e != NULL);
    if (e) {
        CHECK(e->attributed_to >= 0 && strstr(d->actors[e->attributed_to].name, "Egypt"));
    }
    dyad_doc_free(d);
}

/* The first event of root (two digits) whose source name holds src, with
 * the default context. */
static const devent *find_root(const dyad_doc *d, const char *root, const char *src) {
    for (size_t i = 0; i < d->nevent; i++) {
        const devent *e = &d->events[i];
        if (strncmp(e->code, root, 2) || e->source < 0 || !strstr(d->actors[e->source].name, src)) continue;
        return e;
    }
    return NULL;
}

/* Code text with the default context. */
static dyad_doc *code_default(const char *text) {
    dyad_doc *d;
    if (dyad_doc_new(&d)) return NULL;
    dyad_doc_set_text(d, text, strlen(text));
    dyad_doc_code(ctx, d);
    return d;
}

/* Is event e claimed by an actor whose name holds who (NULL: by no one)? */
static int claimed_by(const dyad_doc *d, const devent *e, const char *who) {
    if (!e) return 0;
    if (!who) return e->attributed_to < 0;
    return e->attributed_to >= 0 && strstr(d->actors[e->attributed_to].name, who) != NULL;
}

/* Mode and claimant rules written from the factuality gold
 * (tests/gold/MODE.md), each on an invented sentence. */
static void test_mode_claim_rules(void) {
    static const struct {
        const char *text, *root, *src;
        int mode;
        const char *claim;
    } cases[] = {
        /* "be" + to-infinitive: planned, not done */
        {"The United States is to lend Ghana 50 million dollars.", "07", "United States", MODE_HYPOTHETICAL, NULL},
        /* a clause that tells its own past keeps its mode under a modal */
        {"Tensions may ease now that Egypt has recognized Israel.", "05", "Egypt", MODE_ASSERTED, NULL},
        /* the claimant of a closing attribution, of "according to", of a
         * participle's clause */
        {"Iraq attacked Kuwait on Monday, an Egyptian spokesman said by phone.", "19", "Iraq", MODE_ASSERTED, "Egypt"},
        {"According to Egyptian officials, Iraq attacked Kuwait.", "19", "Iraq", MODE_ASSERTED, "Egypt"},
        {"Egypt weighed in on Monday, saying that Iraq had attacked Kuwait.", "19", "Iraq", MODE_ASSERTED, "Egypt"},
        /* someone's own act named as a clause's subject keeps its mode */
        {"Kenya's refusal to hold talks with Uganda did not go over well in Sudan.", "12", "Kenya", MODE_ASSERTED, NULL},
        /* what one agrees to do is no claim of one's own */
        {"The Uruguayans agreed to supply Taiwan with soybeans.", "03", "Urugua", MODE_ASSERTED, NULL},
        /* a counterpart is the other side, named by its nationality, not
         * by the possessive (which made it a self-event, dropped) */
        {"Chrystia Freeland met her American counterpart in Washington.", "04", "Freeland", MODE_ASSERTED, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dyad_doc *d = code_default(cases[i].text);
        if (!d) continue;
        const devent *e = find_root(d, cases[i].root, cases[i].src);
        int ok = e && e->mode == cases[i].mode && claimed_by(d, e, cases[i].claim);
        if (!ok) printf("  mode/claim: %s\n", cases[i].text);
        CHECK(ok);
        dyad_doc_free(d);
    }
}

/* The fallbacks: slots found through parse slips, the object's phrases,
 * that-clauses, joint subjects; events without a target or a source;
 * nominal events under light verbs. */
static void test_fallbacks(void) {
    dyad_doc *d = code("Russia said Ukraine must attack Belarus. "
                       "Israel and Lebanon renewed negotiations on Monday. "
                       "Iran rejected a call for talks. "
                       "Amnesty International demanded that the Sudanese government free the prisoners. "
                       "Three Turkish soldiers were killed on Sunday. "
                       "Germany launched an investigation into France. "
                       "Poland threatened action against Hungary. "
                       "If Egypt attacks Libya, Sudan will protest.");
    const devent *e = find(d, "100", "Russia", "Ukraine"); /* "X said Y must": a demand on Y */
    CHECK(e != NULL);
    e = find(d, "046", "Israel", "Lebanon"); /* joint subjects act on each other */
    CHECK(e != NULL);
    CHECK(find(d, "046", "Lebanon", "Israel") != NULL);
    e = find(d, "120", "Iran", NULL); /* no actor in the object: no target */
    CHECK(e != NULL && e->target < 0);
    e = find(d, "100", "Amnesty", "Sudan"); /* the that-clause's subject */
    CHECK(e != NULL);
    e = find(d, "190", NULL, "Turkish soldiers"); /* killed by no one named */
    CHECK(e != NULL && e->source < 0);
    e = find(d, "090", "Germany", "France"); /* light verb + event noun */
    CHECK(e != NULL);
    /* "SRC attack TGT" wins over "SRC attack" when the object is there */
    e = find(d, "190", "Egypt", "Libya");
    CHECK(e != NULL && e->mode == MODE_HYPOTHETICAL);
    dyad_doc_free(d);
    /* TGT before the object word: the object's owner ("welcomed India's decision") */
    d = code("Germany welcomed India's decision.");
    CHECK(find(d, "051", "Germany", "India") != NULL);
    dyad_doc_free(d);
    /* "ministers from A, B and C met": the countries meet each other */
    d = code("Foreign ministers from Kenya, Uganda and Tanzania met in Nairobi.");
    CHECK(find(d, "040", "Kenya", "Uganda") != NULL);
    CHECK(find(d, "040", "Tanzania", "Kenya") != NULL);
    dyad_doc_free(d);
    /* a figure of speech with a subject that is no actor codes nothing */
    d = code("The tariffs attacked Japan. Entering Iran, the convoy stopped.");
    for (size_t i = 0; i < d->nevent; i++) CHECK(d->events[i].source >= 0);
    dyad_doc_free(d);    /* the surface source fallback: the parse loses the subject of "met"
     * ("In August Trump met with ..."), the nearest actor before the verb
     * with nothing between is its source */
    d = code("In August Trump met with Espinoza and families of victims.");
    CHECK(find(d, "040", "Trump", "Espinoza") != NULL);
    dyad_doc_free(d);
    /* not over a comma and a finite verb, nor a company */
    d = code("In August, wrote Trump, met with Espinoza and families of victims. "
             "In August Apple Inc met with Espinoza and families of victims.");
    CHECK(find(d, "040", "Trump", "Espinoza") == NULL);
    CHECK(find(d, "040", "Apple", "Espinoza") == NULL);
    dyad_doc_free(d);
}

/* The pattern constructions of docs/events.md beyond verb, object and
 * slots: modifiers the object must have, prepositional words ("call for
 * the ouster of TGT"), "to" + a verb, a target noun's lemma, a predicate
 * of the object, a modified head noun; and the parse repairs for
 * subjects (two subjects, "X said it ...", "issued a statement ..."). */
static void test_constructions(void) {
    static const char pats[] =
        "[verb]\n"
        "070   SRC provide aid to TGT\n"
        "071   SRC provide economic aid to TGT\n"
        "0241  SRC call for ouster of TGT\n"
        "0233  SRC appeal for humanitarian aid\n"
        "138   SRC threaten to invade TGT\n"
        "024   SRC urge TGT to reform\n"
        "174   SRC expel TGT\n"
        "161   SRC expel TGT=diplomat\n"
        "181   SRC hold TGT hostage\n"
        "111   SRC criticize TGT\n"
        "112   SRC accuse TGT\n"
        "[noun]\n"
        "030   agreement between SRC and TGT\n"
        "057   peace agreement between SRC and TGT\n"
        "[verb]\n"
        "070   SRC give a b c d to TGT\n";        /* three modifiers: warned */
    ev_lex *x = ev_lex_new();
    char err[256];
    int w0 = nwarn;
    CHECK(!ev_lex_load_ontology(x, "data/events/cameo.tsv", NULL, NULL, err, sizeof err));
    CHECK_INT(ev_lex_load_patterns_buffer(x, "constructions", pats, sizeof pats - 1, count_warn, NULL), DYAD_OK);
    CHECK_INT(nwarn - w0, 1);
    CHECK_INT((long long)ev_lex_npatterns(x), 13);
    dyad_doc *d = code_with(x, "Japan provided economic aid to Kenya. Japan provided aid to Ghana.");
    CHECK(find(d, "071", "Japan", "Kenya") != NULL);
    CHECK(find(d, "071", "Japan", "Ghana") == NULL); /* no "economic": the generic line */
    CHECK(find(d, "070", "Japan", "Ghana") != NULL);
    dyad_doc_free(d);
    d = code_with(x, "Denmark called for the ouster of the Chilean government. Yemen appealed for humanitarian aid. "
                     "Yemen appealed for calm.");
    CHECK(find(d, "0241", "Denmark", "Chile") != NULL);
    CHECK(find(d, "0233", "Yemen", NULL) != NULL);
    CHECK_INT((long long)d->nevent, 2); /* "appealed for calm" is no aid appeal */
    dyad_doc_free(d);
    d = code_with(x, "Portugal threatened to invade Spain. Sweden urged Egypt to reform.");
    CHECK(find(d, "138", "Portugal", "Spain") != NULL);
    CHECK(find(d, "024", "Sweden", "Egypt") != NULL);
    dyad_doc_free(d);
    d = code_with(x, "Poland expelled three Belarusian diplomats. Latvia expelled two Russian journalists.");
    CHECK(find(d, "161", "Poland", "Belarus") != NULL);
    CHECK(find(d, "174", "Latvia", "Russia") != NULL);
    CHECK(find(d, "161", "Latvia", "Russia") == NULL);
    dyad_doc_free(d);
    d = code_with(x, "Colombian rebels held two Italian engineers hostage.");
    CHECK(find(d, "181", "rebels", "Ital") != NULL);
    dyad_doc_free(d);
    d = code_with(x, "A peace agreement between Ethiopia and Eritrea took effect. "
                     "An agreement between Peru and Bolivia took effect.");
    CHECK(find(d, "057", "Ethiopia", "Eritrea") != NULL);
    CHECK(find(d, "030", "Peru", "Bolivia") != NULL);
    CHECK(find(d, "057", "Peru", "Bolivia") == NULL);
    dyad_doc_free(d);
    /* subjects the parse misplaces */
    d = code_with(x, "Norway said on Friday it had criticized Sweden. "
                     "Press freedom group Reporters Without Borders accused Iran of censorship.");
    CHECK(find(d, "111", "Norway", "Sweden") != NULL);
    CHECK(find(d, "112", "Reporters", "Iran") != NULL);
    dyad_doc_free(d);
    ev_lex_free(x);
}

/* The actor before the noun, adjective predicates and intentions named by
 * an object noun (docs/events.md). */
static void test_actor_before_noun(void) {
    static const char pats[] =
        "[verb]\n"
        "111   SRC criticize TGT\n"
        "111   SRC critical of TGT\n"
        "051   SRC praise TGT\n"
        "046   SRC negotiate with TGT\n"
        "144   SRC block bridge\n"
        "[noun]\n"
        "173   SRC arrest of TGT\n"        /* before "arrest of TGT": a tie goes to the first line */
        "173   arrest of TGT\n"
        "173   TGT arrest\n"
        "192   SRC invasion of TGT\n"
        "195   SRC airstrike on TGT\n"
        "191   SRC blockade of TGT\n";
    ev_lex *x = ev_lex_new();
    char err[256];
    CHECK(!ev_lex_load_ontology(x, "data/events/cameo.tsv", NULL, NULL, err, sizeof err));
    int w0 = nwarn;
    CHECK_INT(ev_lex_load_patterns_buffer(x, "before", pats, sizeof pats - 1, count_warn, NULL), DYAD_OK);
    CHECK_INT(nwarn - w0, 0);
    static const char bad[] = "[verb]\n111   TGT criticize SRC\n"; /* TGT before a verb: warned */
    CHECK_INT(ev_lex_load_patterns_buffer(x, "bad", bad, sizeof bad - 1, count_warn, NULL), DYAD_OK);
    CHECK_INT(nwarn - w0, 1);
    /* the possessive of a noun of what is done to someone is its target;
     * with an "of" phrase, the possessive is the doer */
    dyad_doc *d = code_with(x, "Zambia's arrest shocked observers. Peru's arrest of Bolivia surprised observers.");
    CHECK(find(d, "173", NULL, "Zambia") != NULL);
    CHECK(find(d, "173", "Peru", "Bolivia") != NULL);
    CHECK(find(d, "173", NULL, "Peru") == NULL);
    dyad_doc_free(d);
    /* agent nouns keep the possessive or adjective as the source */
    d = code_with(x, "Ecuador's invasion of Colombia began in March. The Danish airstrike on Norway failed.");
    CHECK(find(d, "192", "Ecuador", "Colombia") != NULL);
    CHECK(find(d, "195", "Denmark", "Norway") != NULL);
    dyad_doc_free(d);
    /* the object's owner is the target: "praised Chile's efforts" */
    d = code_with(x, "Finland praised Chile's efforts. Austria criticized Malta's decision.");
    CHECK(find(d, "051", "Finland", "Chile") != NULL);
    CHECK(find(d, "111", "Austria", "Malta") != NULL);
    dyad_doc_free(d);
    /* adjective predicates: an adjective head, and the intention of an
     * adjective or a passive governing an infinitive */
    d = code_with(x, "Belgium has been critical of Spain. Portugal was not critical of Greece. "
                     "Iceland is prepared to negotiate with Canada. Mexico was ready to negotiate with Cuba.");
    CHECK(find(d, "111", "Belgium", "Spain") != NULL);
    const devent *e = find(d, "111", "Portugal", "Greece");
    CHECK(e != NULL && e->mode == MODE_NEGATED);
    CHECK(find(d, "036", "Iceland", "Canada") != NULL);
    CHECK(find(d, "036", "Mexico", "Cuba") != NULL);
    dyad_doc_free(d);
    /* an adjective without its target is no event */
    d = code_with(x, "Belgium is critical. The bridge is open.");
    CHECK_INT((long long)d->nevent, 0);
    dyad_doc_free(d);
    /* a nominal event that is the object of threaten or promise is the
     * subject's intention */
    d = code_with(x, "Uganda threatened a blockade of Rwanda.");
    CHECK(find(d, "1381", "Uganda", "Rwanda") != NULL);
    dyad_doc_free(d);
    /* a reduced relative read as a clause: its "subject" is the object */
    d = code_with(x, "Italian farmers blocked the old bridge spanning the river for three hours.");
    CHECK(find(d, "144", "farmers", NULL) != NULL);
    dyad_doc_free(d);
    ev_lex_free(x);
}

/* US election news: people sharing an actor code, verbal attacks,
 * criticism received, endorsements withheld, and false positives of
 * business, statements and legal challenges (docs/events.md). */
static void test_politics(void) {
    static const char pats[] =
        "[verb]\n"
        "111   SRC criticize TGT\n"
        "190   SRC attack TGT\n"
        "190   SRC launch attack on TGT\n"
        "190   SRC kill TGT\n"
        "051   SRC endorse TGT\n"
        "051   SRC withhold support from TGT\n"
        "050   SRC work with TGT\n"
        "061   SRC invest in TGT\n"
        "010   SRC make statement on TGT\n"
        "110   SRC challenge TGT\n"
        "141   SRC demonstrate\n"
        "[noun]\n"
        "111   SRC criticism of TGT\n"
        "111   criticism from SRC\n"
        "051   SRC endorsement of TGT\n"
        "190   attack on TGT\n"
        "190   SRC attack on TGT\n";
    ev_lex *x = ev_lex_new();
    char err[256];
    CHECK(!ev_lex_load_ontology(x, "data/events/cameo.tsv", NULL, NULL, err, sizeof err));
    CHECK_INT(ev_lex_load_patterns_buffer(x, "politics", pats, sizeof pats - 1, count_warn, NULL), DYAD_OK);
    /* two people with one code are two actors; one body's two names are not */
    dyad_doc *d = code_with(x, "Carly Fiorina criticized Jeff Sessions. The White House criticized the State Department.");
    CHECK(d->nactor >= 2 && !strcmp(d->actors[0].code, d->actors[1].code));
    CHECK(find(d, "111", "Fiorina", "Sessions") != NULL);
    CHECK(find(d, "111", "White House", "State") == NULL);
    CHECK_INT((long long)d->nevent, 1);
    dyad_doc_free(d);
    /* "attack" between politicians is criticism; with a weapon, or by a
     * state, it stays an assault */
    d = code_with(x, "Carly Fiorina attacked Jeff Sessions on Tuesday. Russia attacked Ukraine.");
    CHECK(find(d, "111", "Fiorina", "Sessions") != NULL);
    CHECK(find(d, "190", "Fiorina", "Sessions") == NULL);
    CHECK(find(d, "190", "Russia", "Ukraine") != NULL);
    dyad_doc_free(d);
    d = code_with(x, "Carly Fiorina launched personal attacks on Jeff Sessions. The personal attacks on Jeff Sessions "
                     "continued.");
    CHECK(find(d, "111", "Fiorina", "Sessions") != NULL);
    CHECK(find(d, "190", "Fiorina", "Sessions") == NULL);
    CHECK(find(d, "111", NULL, "Sessions") != NULL); /* no author named: the modifier tells */
    dyad_doc_free(d);
    d = code_with(x, "Carly Fiorina attacked Jeff Sessions with a knife.");
    CHECK(find(d, "111", "Fiorina", "Sessions") == NULL);
    CHECK(find(d, "190", "Fiorina", "Sessions") != NULL);
    dyad_doc_free(d);
    /* the receiver of criticism or of an endorsement is the target */
    d = code_with(x, "Jeff Sessions faced criticism from Carly Fiorina. Jeff Sessions won the endorsement of "
                     "Carly Fiorina.");
    CHECK(find(d, "111", "Fiorina", "Sessions") != NULL);
    CHECK(find(d, "051", "Fiorina", "Sessions") != NULL);
    dyad_doc_free(d);
    /* withheld support is negated support; "not ready to" is no refusal */
    d = code_with(x, "Carly Fiorina withheld support from Jeff Sessions. Mike Pence is not ready to endorse "
                     "Jeff Sessions. Paul Ryan will not endorse Jeff Sessions.");
    const devent *e = find(d, "051", "Fiorina", "Sessions");
    CHECK(e != NULL && e->mode == MODE_NEGATED);
    e = find(d, "051", "Pence", "Sessions");
    CHECK(e != NULL && e->mode == MODE_NEGATED);
    CHECK(find(d, "120", "Pence", "Sessions") == NULL);
    /* the actor's own "will not" refuses, but a refused endorsement is the
     * endorsement negated (reject_code) */
    e = find(d, "051", "Ryan", "Sessions");
    CHECK(e != NULL && e->mode == MODE_NEGATED);
    CHECK(find(d, "120", "Ryan", "Sessions") == NULL);
    dyad_doc_free(d);
    /* false positives of news copy */
    d = code_with(x, "Jeff Sessions invested in other companies. Jeff Sessions made statements on the issue. "
                     "The next administration could challenge the ruling. Jeff Sessions demonstrated that he "
                     "can win. Forty-nine people killed in the shooting were mourned.");
    CHECK(find(d, "061", "Sessions", "companies") == NULL);
    for (size_t i = 0; i < d->nevent; i++) {
        CHECK(strcmp(d->events[i].code, "010") && strcmp(d->events[i].code, "110") && strcmp(d->events[i].code, "141"));
        if (!strcmp(d->events[i].code, "190")) CHECK_INT(d->events[i].source, -1); /* the victims are no source */
    }
    dyad_doc_free(d);
    ev_lex_free(x);
}

/* The span of an event side, as text, for comparing. */
static int side_is(const dyad_doc *d, uint32_t s, uint32_t e, const char *want) {
    return e >= s && strlen(want) == e - s && !memcmp(d->text + s, want, e - s);
}

/* News rules of the third round: names under titles and states, name-
 * calling, verbal "hit"/"clash", refused endorsements, poll support, calls
 * for a resignation, phrases "on behalf of", ads that attack, recognition
 * and faceless coercion (docs/events.md). */
static void test_news_rules(void) {
    static const char pats[] =
        "[verb]\n"
        "051   SRC endorse TGT\n"
        "051   SRC back TGT\n"
        "111   SRC criticize TGT\n"
        "111   SRC rip TGT\n"
        "010   SRC describe TGT\n"
        "190   SRC hit TGT\n"
        "190   SRC clash with TGT\n"
        "120   SRC refuse to\n"
        "120   SRC refuse TGT\n"
        "0241  SRC call on TGT to resign\n"
        "0831  SRC resign\n"
        "053   SRC campaign on behalf of TGT\n"
        "0253  SRC call for release of TGT\n"
        "054   SRC recognize TGT\n"
        "170   SRC force TGT to\n"
        "011   SRC decline to say\n"
        "[noun]\n"
        "051   SRC support for TGT\n"
        "051   SRC support of TGT\n";
    ev_lex *x = ev_lex_new();
    char err[256];
    CHECK(!ev_lex_load_ontology(x, "data/events/cameo.tsv", NULL, NULL, err, sizeof err));
    CHECK_INT(ev_lex_load_patterns_buffer(x, "news", pats, sizeof pats - 1, count_warn, NULL), DYAD_OK);
    /* the person, not the state or the title before the name */
    dyad_doc *d = code_with(x, "Ohio Gov. John Kasich is backing Paul Ryan. Mike Pence criticized Democratic "
                               "nominee Carly Fiorina.");
    const devent *e = find(d, "051", "Kasich", "Ryan");
    CHECK(e != NULL && side_is(d, e->src_start, e->src_end, "John Kasich"));
    e = find(d, "111", "Pence", "Fiorina");
    CHECK(e != NULL && side_is(d, e->tgt_start, e->tgt_end, "Carly Fiorina"));
    dyad_doc_free(d);
    /* name-calling is criticism; a neutral name is nothing */
    d = code_with(x, "Carly Fiorina called Jeff Sessions a liar. Mike Pence described Paul Ryan as a dangerous "
                     "man. Carly Fiorina called Mike Pence a friend.");
    CHECK(find(d, "111", "Fiorina", "Sessions") != NULL);
    CHECK(find(d, "111", "Pence", "Ryan") != NULL);
    CHECK(find(d, "111", "Fiorina", "Pence") == NULL);
    dyad_doc_free(d);
    /* "hit" and "clash" between politicians are words */
    d = code_with(x, "Carly Fiorina hit Jeff Sessions on trade. Mike Pence clashed with Paul Ryan at the debate.");
    CHECK(find(d, "111", "Fiorina", "Sessions") != NULL);
    CHECK(find(d, "111", "Pence", "Ryan") != NULL);
    CHECK(find(d, "190", "Fiorina", "Sessions") == NULL);
    dyad_doc_free(d);
    /* a refused endorsement is the endorsement negated, not a 120 */
    d = code_with(x, "Paul Ryan refused to endorse Jeff Sessions.");
    e = find(d, "051", "Ryan", "Sessions");
    CHECK(e != NULL && e->mode == MODE_NEGATED);
    for (size_t i = 0; i < d->nevent; i++) CHECK(strcmp(d->events[i].code, "120"));
    dyad_doc_free(d);
    /* support with no giver is a poll; with one, an endorsement */
    d = code_with(x, "Jeff Sessions picked up support in the new poll. Jeff Sessions won the support of Mike Pence.");
    CHECK(find(d, "051", NULL, "Sessions") == NULL);
    CHECK(find(d, "051", "Pence", "Sessions") != NULL);
    dyad_doc_free(d);
    /* a call for a resignation is no resignation */
    d = code_with(x, "Carly Fiorina called on Jeff Sessions to resign from his post.");
    CHECK(find(d, "0241", "Fiorina", "Sessions") != NULL);
    for (size_t i = 0; i < d->nevent; i++) CHECK(strcmp(d->events[i].code, "0831"));
    dyad_doc_free(d);
    /* "on behalf of" is a phrase, and "of TGT" may be a possessive */
    d = code_with(x, "Mike Pence campaigned on behalf of Jeff Sessions. Carly Fiorina called for Paul Ryan's "
                     "release.");
    CHECK(find(d, "053", "Pence", "Sessions") != NULL);
    CHECK(find(d, "0253", "Fiorina", "Ryan") != NULL);
    dyad_doc_free(d);
    /* an ad attacking a named actor is its sponsor's criticism */
    d = code_with(x, "The National Rifle Association released a new video ad ripping Jeff Sessions.");
    CHECK(find(d, "111", "Rifle", "Sessions") != NULL);
    dyad_doc_free(d);
    /* recognition is of the object itself; coercion needs an author;
     * declining to say is declining comment */
    d = code_with(x, "Carly Fiorina does not recognize the bigotry of Jeff Sessions. Jeff Sessions was forced to "
                     "answer questions. Paul Ryan declined to say whether he would run.");
    CHECK(find(d, "054", "Fiorina", "Sessions") == NULL);
    CHECK(find(d, "170", NULL, "Sessions") == NULL);
    CHECK(find(d, "011", "Ryan", NULL) != NULL);
    dyad_doc_free(d);
    ev_lex_free(x);
}

static void test_hostile(void) {
    size_t n = 30000;
    char *t = malloc(n + 1);
    for (size_t i = 0; i < n; i++) t[i] = "Iran met Iraq and Iran met "[i % 27];
    t[n] = '\0';
    dyad_doc *d = code(t);
    CHECK(d != NULL);
    dyad_doc_free(d);
    free(t);
    /* a pattern file of garbage loads what it can */
    ev_lex *x = ev_lex_new();
    const char junk[] = "[verb]\n\x01\x02\xff\n0 0 0\n[noun]\n040 a b c d e f g h i j k l m n o p q r s t u v w x y z\n";
    CHECK_INT(ev_lex_load_patterns_buffer(x, "junk", junk, sizeof junk - 1, NULL, NULL), DYAD_OK);
    ev_lex_free(x);
}

/* Mechanisms for political news: a preposition the parser made the head
 * of the name after it, taking part in a meeting, support that needs a
 * named beneficiary, and "went after" by the police. */
static void test_breadth_rules(void) {
    static const char pats[] =
        "[verb]\n"
        "052   SRC stand by TGT\n"
        "053   SRC rally behind TGT\n"
        "111   SRC hit back at TGT\n"
        "111   SRC go after TGT\n"
        "051   SRC raise money for TGT\n"
        "040   SRC have conversation with TGT\n"
        "[noun]\n"
        "040   SRC meeting with TGT\n"
        "040   SRC breakfast with TGT\n";
    ev_lex *x = ev_lex_new();
    char err[256];
    CHECK(!ev_lex_load_ontology(x, "data/events/cameo.tsv", NULL, NULL, err, sizeof err));
    CHECK_INT(ev_lex_load_patterns_buffer(x, "breadth", pats, sizeof pats - 1, count_warn, NULL), DYAD_OK);
    /* "stood by Donald Trump" with "Donald" under "by" */
    dyad_doc *d = code_with(x, "Mike Pence stood by Donald Trump. Republican leaders rallied behind Donald Trump. "
                               "Hillary Clinton hit back at Donald Trump on Thursday.");
    CHECK(find(d, "052", "Pence", "Trump") != NULL);
    CHECK(find(d, "053", NULL, "Trump") != NULL || find(d, "053", "Republican", "Trump") != NULL);
    CHECK(find(d, "111", "Clinton", "Trump") != NULL);
    dyad_doc_free(d);
    /* the repair is undone: later stages see the parser's own tree */
    d = code_with(x, "Mike Pence stood by Donald Trump.");
    dyad_doc *d2 = code_with(lex, "Mike Pence stood by Donald Trump.");
    CHECK_INT((long long)d->ntok, (long long)d2->ntok);
    for (size_t i = 0; i < d->ntok && i < d2->ntok; i++) {
        CHECK_INT(d->an[i].head, d2->an[i].head);
        CHECK_INT(d->an[i].deprel, d2->an[i].deprel);
    }
    dyad_doc_free(d2);
    dyad_doc_free(d);
    /* a meeting the subject comes out of, emerges from or attends; none
     * without someone to meet */
    d = code_with(x, "Paul Ryan came out of meetings with Donald Trump on Thursday. Ted Cruz emerged from a "
                     "meeting with Mike Pence. Jeb Bush flew back to attend meetings.");
    CHECK(find(d, "040", "Ryan", "Trump") != NULL);
    CHECK(find(d, "040", "Cruz", "Pence") != NULL);
    CHECK(find(d, "040", "Bush", NULL) == NULL);
    dyad_doc_free(d);
    /* fundraising and conversations: events only with someone named */
    d = code_with(x, "Bill Clinton raised money for Hillary Clinton. Jeb Bush praised Marco Rubio's ability to "
                     "raise money. Ted Cruz had conversations with angry voters.");
    CHECK(find(d, "051", "Bill Clinton", "Hillary Clinton") != NULL);
    CHECK(find(d, "051", "Bush", NULL) == NULL && find(d, "051", "Rubio", NULL) == NULL);
    CHECK(find(d, "040", "Cruz", NULL) == NULL);
    dyad_doc_free(d);
    /* politicians go after each other; the police go after suspects */
    d = code_with(x, "Cruz went after Trump on immigration. Police went after the gunman on Tuesday.");
    CHECK(find(d, "111", "Cruz", "Trump") != NULL);
    for (size_t i = 0; i < d->nevent; i++)
        CHECK(strcmp(d->events[i].code, "111") || d->events[i].source < 0 ||
              !strstr(d->actors[d->events[i].source].name, "olice"));
    dyad_doc_free(d);
    ev_lex_free(x);
}

/* The default dictionary's classes of political news: consultation,
 * support, criticism, blame and rejection, each by an idiom. */
static int has_root(const dyad_doc *d, const char *root, const char *src, const char *tgt) {
    for (size_t i = 0; i < d->nevent; i++) {
        const devent *e = &d->events[i];
        if (strncmp(e->code, root, 2)) continue;
        const char *sn = e->source >= 0 ? d->actors[e->source].name : "";
        const char *tn = e->target >= 0 ? d->actors[e->target].name : "";
        if (strstr(sn, src) && strstr(tn, tgt)) return 1;
    }
    return 0;
}

static int has_code(const dyad_doc *d, const char *code, const char *src, const char *tgt) {
    for (size_t i = 0; i < d->nevent; i++) {
        const devent *e = &d->events[i];
        if (strcmp(e->code, code)) continue;
        const char *sn = e->source >= 0 ? d->actors[e->source].name : "";
        const char *tn = e->target >= 0 ? d->actors[e->target].name : "";
        if (strstr(sn, src) && strstr(tn, tgt)) return 1;
    }
    return 0;
}

/* A sentence, an event code (two digits: any code of that root) with words
 * of its source and target actors' names ("" for any), and whether the
 * event must be there (1) or must not (0). */
typedef struct code_case {
    const char *text, *code, *src, *tgt;
    int want;
} code_case;

/* Code each case's sentence alone with the default context and check it;
 * a failure names the rule set (what) and the sentence. */
static void run_cases(const code_case *cases, size_t n, const char *what) {
    for (size_t i = 0; i < n; i++) {
        dyad_doc *d;
        if (dyad_doc_new(&d)) continue;
        dyad_doc_set_text(d, cases[i].text, strlen(cases[i].text));
        dyad_doc_code(ctx, d);
        int got = strlen(cases[i].code) == 2 ? has_root(d, cases[i].code, cases[i].src, cases[i].tgt)
                                             : has_code(d, cases[i].code, cases[i].src, cases[i].tgt);
        if (got != cases[i].want)
            printf("  %s: %s %s in \"%s\"\n", what, cases[i].want ? "no" : "unwanted", cases[i].code, cases[i].text);
        CHECK_INT(got, cases[i].want);
        dyad_doc_free(d);
    }
}

static void test_default_politics(void) {
    static const struct {
        const char *text, *root, *src, *tgt;
    } cases[] = {
        {"Mitt Romney dined with Donald Trump on Tuesday night.", "04", "Romney", "Trump"},
        {"Senator Ted Cruz had breakfast with Marco Rubio in Miami.", "04", "Cruz", "Rubio"},
        {"Trump came out of meetings with Paul Ryan on Thursday.", "04", "Trump", "Ryan"},
        {"Governor Scott Walker got behind Ted Cruz.", "05", "Walker", "Cruz"},
        {"The RNC stood behind Donald Trump.", "05", "Republican", "Trump"},
        {"Bill Clinton raised money for Hillary Clinton in California.", "05", "Bill", "Hillary"},
        {"Rudy Giuliani rushed to Donald Trump's defense on Sunday.", "05", "Giuliani", "Trump"},
        {"Cruz went after Trump on immigration.", "11", "Cruz", "Trump"},
        {"Bernie Sanders took Hillary Clinton to task over her speeches.", "11", "Sanders", "Clinton"},
        {"Trump unloaded on Senator Ted Cruz in Iowa.", "11", "Trump", "Cruz"},
        {"Warren made fun of Donald Trump on Twitter.", "11", "Warren", "Trump"},
        {"Sanders questioned Hillary Clinton's judgment on Iraq.", "11", "Sanders", "Clinton"},
        {"Rubio questioned the honesty of Ted Cruz.", "11", "Rubio", "Cruz"},
        {"Clinton launched a broadside against Donald Trump.", "11", "Clinton", "Trump"},
        {"Warren's swipe at Trump went viral.", "11", "Warren", "Trump"},
        {"Ryan repudiated Donald Trump on Monday.", "11", "Ryan", "Trump"},
        {"Trump maligned Judge Gonzalo Curiel.", "11", "Trump", "Curiel"},
        {"Republicans laid the blame on President Obama.", "11", "Republican", "Obama"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dyad_doc *d;
        if (dyad_doc_new(&d)) continue;
        dyad_doc_set_text(d, cases[i].text, strlen(cases[i].text));
        dyad_doc_code(ctx, d);
        int ok = has_root(d, cases[i].root, cases[i].src, cases[i].tgt);
        if (!ok) printf("  default dictionary: no %s in \"%s\"\n", cases[i].root, cases[i].text);
        CHECK(ok);
        dyad_doc_free(d);
    }
}

/* Precision rules with the default dictionary: events with no political
 * side, poll figures, describing participles and contests that are no
 * fights are dropped or recoded; their look-alikes stay. */
static void test_precision_rules(void) {
    static const code_case cases[] = {
        /* a company's deal or refusal is no political event */
        {"Manufacturers Hanover Trust Co rejected the plan.", "12", "", "", 0},
        {"General Motors Corp rejected the offer from Ford Motor Co.", "12", "", "", 0},
        /* a protest by anyone stays */
        {"Students protested against the banks.", "14", "Students", "", 1},
        /* voters' preferences and poll figures are no support */
        {"Male troops backed Trump, 57 percent to 22 percent.", "05", "", "", 0},
        {"Republican leaders backed Donald Trump.", "05", "Republican", "Trump", 1},
        /* a participle that says who a group is */
        {"Right to Rise, a super PAC backing former Florida governor Jeb Bush, has been relentless in hitting Rubio.",
         "05", "", "Bush", 0},
        {"The state prosecutor investigating the swindle questioned Senator Smith.", "09", "prosecutor", "", 1},
        /* a battle between politicians is words, between states a fight */
        {"Senate Republicans battled President Obama over the budget.", "19", "", "", 0},
        {"Senate Republicans battled President Obama over the budget.", "11", "Republican", "Obama", 1},
        {"Iraq attacked Iran.", "19", "Iraq", "Iran", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "precision rule");
}

/* Issue 5 (PLOVER gold): agreements on a thing, failed agreements,
 * intentions under "prepared to" and "agreed to allow", military
 * withdrawals, arriving peacekeepers, joint sides returning for talks,
 * hearings, and the breadth patterns; each case gives the full code. */

static void test_issue5_rules(void) {
    static const code_case cases[] = {
        /* agreeing on, upon or to a thing: intent to cooperate, joint sides on each other */
        {"Peru and Chile agreed on a new fishing plan.", "030", "Peru", "Chile", 1},
        {"Peru and Chile agreed upon a joint water treaty.", "030", "Chile", "Peru", 1},
        {"The Peruvian government agreed to an extension of the fishing season.", "030", "Peru", "", 1},
        {"Peru and Chile agreed on Friday that their navies should train together.", "030", "Peru", "Chile", 1},
        /* a day is no thing agreed on, an opinion no plan */
        {"Peru and Chile agreed on Friday.", "030", "", "", 0},
        {"Peru and Chile agreed that the weather was fine.", "030", "", "", 0},
        /* failing to reach agreement is its rejection; failing to meet a plain negation */
        {"Peru and Chile failed to reach agreement on the border.", "127", "Peru", "Chile", 1},
        {"Peru failed to meet Chile.", "125", "", "", 0},
        /* "prepared to" and "agreed to allow" are intentions */
        {"The Peruvian president said he is prepared to lift the ban on the Aprista party.", "0351", "Peru", "", 1},
        {"Peru and Chile have agreed to allow unimpeded humanitarian access to the region.", "0355", "Peru", "", 1},
        /* a withdrawal of troops is a military retreat, of a state a cut in relations */
        {"Chilean troops completed their withdrawal from the Peruvian town.", "0874", "Chile", "", 1},
        /* arriving peacekeepers provide peacekeeping; a minister visits */
        {"Uruguayan peacekeepers arrived in Haiti on Friday.", "074", "Uruguay", "Haiti", 1},
        {"The Uruguayan foreign minister arrived in Peru on Friday.", "042", "Uruguay", "Peru", 1},
        /* joint sides coming for talks meet each other; a return alone is a journey */
        {"Peruvian and Chilean diplomats return to Lima next week for talks on fishing.", "040", "Peru", "Chile", 1},
        {"Peruvian and Chilean diplomats return to Lima next week for talks on fishing.", "084", "", "", 0},
        {"The Peruvian president returned to Lima.", "084", "", "", 0},
        /* a hearing into a thing, under a light verb, without a target */
        {"Peru's supreme court opened a hearing into the legality of the decree.", "090", "Peru", "", 1},
        /* breadth patterns */
        {"The Bolivian government ordered the newspaper El Diario to suspend publication.", "1721", "Bolivia", "", 1},
        {"The Chilean president reneged on his pledge to the miners.", "120", "Chile", "", 1},
        {"Chilean dockworkers stopped work on Friday.", "143", "Chile", "", 1},
        {"Peruvian miners went on strike on Monday.", "143", "Peru", "", 1},
        {"Bolivian farmers blocked transport into La Paz.", "144", "Bolivia", "", 1},
        {"A Bolivian newspaper defied a ban on political advertising.", "128", "Bolivia", "", 1},
        {"Ecuador mobilized its reservists on Friday.", "154", "Ecuador", "", 1},
        {"The Peruvian government stepped up patrols in the capital.", "150", "Peru", "", 1},
        {"Brazil ended mediation efforts between the two factions.", "165", "Brazil", "", 1},
        {"Argentina prohibited all aid to the Bolivian rebels.", "162", "Argentina", "Bolivia", 1},
        {"Chilean officials shared evidence with Peru.", "064", "Chile", "Peru", 1},
        {"Ecuador opened its borders to Colombian refugees.", "075", "Ecuador", "Colombia", 1},
        {"Bolivia allowed the delivery of food aid to the flooded towns.", "0863", "Bolivia", "", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "issue 5 rule");
}

/* Rules from the news gold's set D (political news): one invented sentence
 * per construction or word sense, with a negative where the rule narrows. */
static void test_news_d_rules(void) {
    static const code_case cases[] = {
        /* a second title in a coordination hangs on the first name */
        {"Ohio Gov. Mark Ellison and Rep. Dana Whitfield have endorsed Sanders.", "051", "Dana Whitfield", "Sanders", 1},
        /* a subject in apposition, closed by a comma, that the parse hung elsewhere */
        {"After the debate, the city's Republican mayor, Tom Brandt, had already endorsed Cruz.", "051", "Tom Brandt",
         "Cruz", 1},
        /* a particle after the object: "called X out" */
        {"Senator Alan Price called Governor Ruth Keller out for her budget.", "111", "Alan Price", "Ruth Keller", 1},
        /* an -ing adjective read as a gerund before the noun; "unleash" a light verb */
        {"Senator Alan Price unleashed blistering attacks on Governor Ruth Keller.", "111", "Alan Price", "Ruth Keller",
         1},
        /* criticism words */
        {"Senator Alan Price rubbished Governor Ruth Keller's tax plan.", "111", "Alan Price", "Ruth Keller", 1},
        {"Senator Alan Price took shots at Governor Ruth Keller during the rally.", "111", "Alan Price", "Ruth Keller",
         1},
        /* a critique of a thing stands for its owner */
        {"Senator Alan Price delivered a critique of Governor Ruth Keller's handling of the floods.", "111",
         "Alan Price", "Ruth Keller", 1},
        /* dodging a question (011), with the questioner as target; declining to name */
        {"Governor Ruth Keller dodged the question from moderator Jim Walsh.", "011", "Ruth Keller", "Jim Walsh", 1},
        {"Governor Ruth Keller declined to name the donors.", "011", "Ruth Keller", "", 1},
        /* a passive infinitive is not the refusal's act */
        {"A Pentagon official, who declined to be named, said the talks had stalled.", "011", "", "", 0},
        /* promoting a person is support; promoting a product nothing */
        {"Senator Alan Price promoted Governor Ruth Keller on Twitter.", "051", "Alan Price", "Ruth Keller", 1},
        {"Senator Alan Price was promoting his new book on Twitter.", "051", "", "", 0},
        /* a call for someone to resign */
        {"Senator Alan Price called for Governor Ruth Keller to resign.", "0241", "Alan Price", "Ruth Keller", 1},
        /* an aide speaks for whom the "for" phrase names */
        {"A spokeswoman for Senator Alan Price declined to comment on the report.", "011", "Alan Price", "", 1},
        /* a speech names its topic: no acceptance */
        {"Senator Alan Price delivered his acceptance speech in Denver.", "0861", "", "", 0},
        /* a thing is no actor through its owner: no ban by "Keller's recent call" */
        {"Senator Alan Price backed Keller's recent call to ban Syrian refugees from entering Italy.", "1722", "", "",
         0},
        /* releasing and questioning things are no events */
        {"Senator Alan Price released a new report on Monday.", "0841", "", "", 0},
        {"Senator Alan Price questioned the documents on Monday.", "090", "", "", 0},
        /* "kick off", "rip away" are not the plain verb; "fight off" is written out */
        {"Israeli police kicked off the investigation on Monday.", "182", "", "", 0},
        {"Israeli soldiers fought off Hamas fighters.", "190", "Israel", "Hamas", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "set D rule");
}

/* Number of events of a code in d (any sides). */
static int count_code(const dyad_doc *d, const char *code) {
    int n = 0;
    for (size_t i = 0; i < d->nevent; i++) n += !strcmp(d->events[i].code, code);
    return n;
}

/* Rules of the held-out round: senses that need an actor, receptions,
 * legal filings, one event per act, and more words for criticism and
 * praise.  Invented sentences only. */
static void test_heldout_rules(void) {
    static const code_case cases[] = {
        /* a thing an actor owns is no actor: ratings, moves, sales, loans */
        {"Senator Alan Price may hit Channel Nine ratings gold again.", "111", "", "", 0},
        {"Greenfield Corp's sales are targeted at 40 million dollars.", "190", "", "", 0},
        /* senses that need an actor as object */
        {"Governor Ruth Keller flawlessly executed her plan.", "1823", "", "", 0},
        {"The Italian army executed three rebel commanders.", "1823", "Ital", "", 1},
        {"The Daily Ledger rounded up a sample of the reactions.", "173", "", "", 0},
        {"Italian police rounded up dozens of protesters.", "173", "Ital", "", 1},
        {"Governor Ruth Keller panned the new film.", "111", "", "", 0},
        {"Rome hailed the vote as a failure of the opposition.", "051", "", "", 0},
        {"Senator Alan Price honored Governor Ruth Keller at the dinner.", "051", "Alan Price", "Ruth Keller", 1},
        /* a reception is no meeting */
        {"The governor's plan has been met with opposition in the Senate.", "040", "", "", 0},
        {"Governor Ruth Keller has met with Senator Alan Price twice.", "040", "Ruth Keller", "Alan Price", 1},
        /* heeding or facing a threat is no threat */
        {"The Italian government did not take the threat seriously.", "130", "", "", 0},
        {"Italian officials said they faced no serious military threat.", "130", "", "", 0},
        {"Governor Ruth Keller faced threats from Senator Alan Price.", "130", "Alan Price", "Ruth Keller", 1},
        /* an appeal or a petition to a court is a filing */
        {"The Italian government may decline to appeal to the Supreme Court.", "020", "", "", 0},
        {"The teachers union petitioned the district court on Monday.", "020", "", "", 0},
        {"Sanders appealed to the Italian parliament for help.", "020", "Sanders", "parliament", 1},
        /* the press's words for criticism and praise (the parser reads these
         * frames best with bare surnames) */
        {"Sanders hit out at Cruz on Monday.", "111", "Sanders", "Cruz", 1},
        {"Sanders fired back at Cruz on Monday.", "111", "Sanders", "Cruz", 1},
        {"Sanders pounced on Cruz after the vote.", "111", "Sanders", "Cruz", 1},
        {"Sanders panned Cruz's budget.", "111", "Sanders", "Cruz", 1},
        {"Sanders made scathing remarks about Cruz.", "111", "Sanders", "Cruz", 1},
        {"Sanders had harsh words for Cruz.", "111", "Sanders", "Cruz", 1},
        {"Sanders has used offensive rhetoric toward Cruz.", "111", "Sanders", "Cruz", 1},
        {"Sanders directed his criticism at Cruz.", "111", "Sanders", "Cruz", 1},
        {"Sanders showered praise on Cruz.", "051", "Sanders", "Cruz", 1},
        {"Sanders sat down with Cruz on Friday.", "040", "Sanders", "Cruz", 1},
        /* second held-out round: a veto with no actor vetoed is lawmaking */
        {"The Italian government has promised a veto of the budget bill.", "129", "", "", 0},
        {"Governor Ruth Keller's veto is expected on Friday.", "129", "", "", 0},
        /* "X said Y should ...": not a thing, not a passive */
        {"Sanders said Cruz's performance should boost the party.", "100", "", "", 0},
        {"Sanders said the Italian government should be permitted to wait.", "100", "", "", 0},
        {"Sanders said the Italian government should release the files.", "100", "Sanders", "Ital", 1},
        /* the public's support or agreement is a poll, not an event */
        {"Americans' support for Governor Ruth Keller has grown.", "051", "", "", 0},
        {"Americans do not agree with Senator Alan Price.", "019", "", "", 0},
        /* refusing to discuss or elaborate is declining to comment */
        {"Governor Ruth Keller refuses to discuss the appointees.", "011", "Ruth Keller", "", 1},
        {"The spokesman for the Italian government refused to elaborate.", "011", "", "", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "held-out rule");
    /* one act, one event: no target-less twin, no second reading */
    static const struct {
        const char *text, *code;
        int n;
    } once[] = {
        {"Italy has threatened to impose new restrictions on French banks.", "13", 1},
        {"Italian and French ministers meet in Rome this week to discuss the budget.", "040", 2},
    };
    for (size_t i = 0; i < sizeof once / sizeof once[0]; i++) {
        dyad_doc *d;
        if (dyad_doc_new(&d)) continue;
        dyad_doc_set_text(d, once[i].text, strlen(once[i].text));
        dyad_doc_code(ctx, d);
        int n = 0;
        if (strlen(once[i].code) == 2) {
            for (size_t k = 0; k < d->nevent; k++) n += !strncmp(d->events[k].code, once[i].code, 2);
        } else n = count_code(d, once[i].code);
        if (n != once[i].n) printf("  held-out rule: %d events %s in \"%s\"\n", n, once[i].code, once[i].text);
        CHECK_INT(n, once[i].n);
        dyad_doc_free(d);
    }
}

/* Misfires and misses on real news (issue 5, known list): surface
 * phrases before a titled name, opinions in reported speech, political
 * charges, threats with a target, campaign money, released papers. */
static void test_misfire_rules(void) {
    static const code_case cases[] = {
        /* the phrase's words right after the verb: the name after them */
        {"Senator Alan Price hit out at Governor Ruth Keller on Monday.", "111", "Alan Price", "Ruth Keller", 1},
        {"Senator Alan Price fired back at Governor Ruth Keller.", "111", "Alan Price", "Ruth Keller", 1},
        {"Sanders showered praise on Governor Ruth Keller on Monday.", "051", "Sanders", "Ruth Keller", 1},
        /* an opinion on what someone must be is no demand; an act demanded of a named actor is */
        {"Senator Alan Price said Europe must be able to defend itself.", "100", "", "", 0},
        {"Senator Alan Price said they should not be the ones to ask.", "100", "", "", 0},
        {"Sanders said Iowa voters should go with him.", "100", "", "", 0},
        {"Russia said Ukraine must withdraw its troops.", "100", "Russia", "Ukraine", 1},
        /* "charged that" is an accusation; police charges stay arrests */
        {"Senator Alan Price charged that Governor Ruth Keller had lied about the budget.", "112", "Alan Price",
         "Ruth Keller", 1},
        {"Senator Alan Price charged that Governor Ruth Keller had lied about the budget.", "173", "", "", 0},
        {"Senator Alan Price charged Governor Ruth Keller with lying about the budget.", "112", "Alan Price",
         "Ruth Keller", 1},
        {"Prosecutors charged Governor Ruth Keller with fraud.", "173", "", "Ruth Keller", 1},
        /* the threatened act's target is the threat's, and no second row */
        {"Senator Alan Price threatened to sue Governor Ruth Keller.", "130", "Alan Price", "Ruth Keller", 1},
        {"Senator Alan Price threatened to sue Governor Ruth Keller.", "115", "", "", 0},
        {"Russia threatened to attack Ukraine.", "1384", "Russia", "Ukraine", 1},
        /* campaign money and budget pledges are no aid */
        {"Senator Alan Price gave $60m to his campaign.", "070", "", "", 0},
        {"Governor Ruth Keller pledged $1 billion for infrastructure.", "033", "", "", 0},
        {"Japan sent aid to Nepal.", "070", "Japan", "Nepal", 1},
        /* released papers are no release */
        {"Democrats called on Senator Alan Price to release his tax returns.", "0841", "", "", 0},
        {"Democrats called on Senator Alan Price to release his tax returns.", "020", "Democrat", "Alan Price", 1},
        {"Iran released the sailors.", "0841", "Iran", "", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "misfire rule");
}

/* The general false-positive causes of the last precision round on
 * unseen news: titles read as verbs, election wins, things attacked,
 * pledges coded twice, statements. */
static void test_fp_rules(void) {
    static const code_case cases[] = {
        /* a title or a hyphenated modifier read as a verb is no event */
        {"\"The plan will fail,\" said Channel Nine host Marta Quill.", "043", "", "", 0},
        {"Harvard-trained lawyer Marta Quill met the press.", "062", "", "", 0},
        {"The Democrats will host Senator Alan Price in Chicago.", "036", "Democrat", "Alan Price", 1},
        /* beating a rival in an election is no assault; beating people is */
        {"Senator Alan Price beat Governor Ruth Keller in the primary.", "182", "", "", 0},
        {"Governor Ruth Keller said she can't beat this guy.", "182", "", "", 0},
        {"Soldiers beat Senator Alan Price.", "182", "", "Alan Price", 1},
        /* a politician attacking a thing is no violence; a state attacking one is */
        {"Governor Ruth Keller attacked the plan on Monday.", "190", "", "", 0},
        {"Senator Alan Price has attacked loopholes that benefit the rich.", "190", "", "", 0},
        {"Israel attacked the convoy.", "190", "Israel", "", 1},
        /* the pledge of an act is the act's intent code only */
        {"Japan pledged to impose sanctions on Russia.", "030", "", "", 0},
        {"Japan pledged to impose sanctions on Russia.", "1312", "Japan", "Russia", 1},
        {"Japan pledged to cooperate.", "030", "Japan", "", 1},
        /* statements are no events, with or without a target */
        {"Senator Alan Price referred to Governor Ruth Keller as a friend.", "010", "", "", 0},
        {"Senator Alan Price spoke about Governor Ruth Keller on Monday.", "010", "", "", 0},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "false-positive rule");
}

/* Rules of the transfer round (issue 5): general gaps behind PLOVER misses,
 * each on invented sentences. */
static void test_transfer_rules(void) {
    static const code_case cases[] = {
        /* a day between the object and its phrase ("launched an
         * investigation Monday into") */
        {"The prosecutor launched an investigation Monday into Senator Alan Price.", "090", "", "Alan Price", 1},
        {"The Chadian army launched an offensive Tuesday against the rebels.", "190", "", "rebel", 1},
        /* asking for asylum or refuge (023) */
        {"Hundreds of Eritrean soldiers sought refuge in Sudan last week.", "023", "Eritrean", "Sudan", 1},
        {"The Cuban diplomat sought political asylum in Spain.", "023", "", "Spain", 1},
        /* hunger strikes under any verb of doing them, "hunger" lemmatized or not */
        {"Kurdish activists are continuing a hunger strike in Ankara.", "142", "Kurdish", "", 1},
        {"Tibetan monks went on a hunger strike outside the Chinese embassy.", "142", "", "", 1},
        /* sabotage of infrastructure is destruction of property (1712); a
         * figurative sabotage is not */
        {"Colombian rebels blew up an oil pipeline near the border.", "1712", "rebel", "", 1},
        {"Colombian rebels blew up an oil pipeline near the border.", "183", "", "", 0},
        {"Senator Alan Price said they sabotaged his campaign.", "1712", "", "", 0},
        /* civilians held as human shields (181) */
        {"The Sudanese army used Darfur villagers as human shields.", "181", "Sudan", "", 1},
        /* war games: joint ones are military cooperation, a "war" in a
         * compound names a kind of thing */
        {"Russia held war games with Belarus.", "062", "Russia", "Belarus", 1},
        {"The Indian navy launched war games in the Arabian Sea.", "150", "Indian", "", 1},
        {"The Indian navy launched war games in the Arabian Sea.", "190", "", "", 0},
        {"The Clinton camp unleashed its attack dogs.", "190", "", "", 0},
        /* placed under investigation (090) */
        {"Italian prosecutors placed the Albanian minister under investigation.", "090", "Ital", "Albanian", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "transfer rule");
}

/* Issue 5, business frames on wire news: a company with an uncoded
 * business role is a private side, and a loan named as a noun with no
 * lender is commerce unless a political actor is the subject of its
 * verb. */
static void test_business_rules(void) {
    static const code_case cases[] = {
        {"The company said it is currently negotiating additional financing with its lenders.", "046", "", "", 0},
        {"Acme Corp said it is placing loans to Brazil and Ecuador on a non-accrual basis.", "071", "", "Brazil", 0},
        {"The bank holding company said the action affects 401 mln dlrs of loans to Brazil.", "071", "", "Brazil", 0},
        {"We will have to pay back the bank loans this year, the manager said.", "071", "", "", 0},
        /* aid by a state or an IGO stays, to a state or to a company */
        {"Japan extended a one billion dollar loan to Indonesia.", "071", "", "Indonesia", 1},
        {"The World Bank approved two loans to Mexico totalling 205 million dollars.", "071", "World Bank", "Mexico", 1},
        {"The minister said the government is negotiating new loans with Germany.", "046", "government", "", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "business rule");
}

/* Rules of the recall round (structural gaps behind PLOVER misses where the
 * pattern's head was there), each on invented sentences. */
static void test_recall_rules(void) {
    static const code_case cases[] = {
        /* a passive of resolve with an infinitive is the subject's stance */
        {"Vietnam is committed to opening up the economy.", "030", "Vietnam", "", 1},
        {"Malaysia is committed to lifting the ban on Indonesian workers.", "0351", "Malaysia", "Indonesia", 1},
        {"Canada is determined to impose sanctions on Iran.", "1312", "Canada", "Iran", 1},
        /* ... but a person's or a firm's bare stance is no event */
        {"The singer said he was committed to touring Asia next year.", "030", "", "", 0},
        /* the object after a day ("arrested on Sunday dozens of ...") */
        {"Turkish police arrested on Sunday dozens of Kurdish activists in Ankara.", "173", "Turk", "Kurd", 1},
        /* a repeated or renewed demand asks whom its that-clause, its
         * "on" phrase or its "for ... to" phrase names; what it asks for
         * is not done by the asker */
        {"Germany reiterated its demand that Israel lift the blockade.", "100", "Germany", "Israel", 1},
        {"Germany reiterated its demand today that Israel lift the blockade.", "100", "Germany", "Israel", 1},
        {"Egypt renewed its call for Israel to lift the blockade.", "020", "Egypt", "Israel", 1},
        {"Egypt renewed its call for Israel to lift the blockade.", "0872", "Egypt", "", 0},
        {"Egypt renewed its call for Israel to lift the blockade.", "041", "", "", 0},
        {"Egypt renewed its call on Israel to lift the blockade.", "020", "Egypt", "Israel", 1},
        {"Obama made a call to Putin on Monday.", "020", "", "", 0},
        {"The Senate began the roll call vote on Tuesday.", "04", "", "", 0},
        {"The Senate began the roll call vote on Tuesday.", "02", "", "", 0},
        /* a repeated statement is the statement, a repeated accord none */
        {"France repeated its criticism of Iran.", "111", "France", "Iran", 1},
        {"OPEC reiterated its agreement to keep output steady.", "057", "", "", 0},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "recall rule");
}

/* An infinitive under a noun of intention, demand or decision: who is to
 * do it and in what mode.  The noun's owner or the subject of the verb
 * that states it intends; the subject of a verb that answers a demand
 * refuses or agrees; a decision is the act; "no plans" negates; a call
 * someone else made asks whoever it calls on, not its backer. */
static void test_noun_infinitive_rules(void) {
    static const code_case cases[] = {
        {"Israel announced a plan to withdraw its troops from Lebanon.", "0356", "Israel", "Leban", 1},
        {"Iran made an offer to release the British sailors.", "0353", "Iran", "British", 1},
        {"Iran's offer to release the British sailors was welcomed in London.", "0353", "Iran", "British", 1},
        {"Syria rejected a U.N. demand to withdraw its troops from Lebanon.", "1246", "Syria", "Leban", 1},
        {"Britain's decision to sell arms to Kenya angered rights groups.", "072", "", "Kenya", 1},
        {"Japan had no plans to meet Chinese officials.", "036", "", "", 0},
        {"Senator Alan Smith backed a call to ban Syrian refugees.", "1722", "", "", 0},
        /* a demand asks the subject of its that-clause */
        {"China demanded that Japan halt the survey.", "10", "China", "Japan", 1},
        {"China demanded that Japan should halt the survey.", "10", "China", "Japan", 1},
        /* a threat's infinitive behind an adjunct is still its complement */
        {"Azerbaijan threatened on Monday to break relations with Russia.", "1313", "Azerbaijan", "Russia", 1},
        {"Azerbaijan threatened on Monday to break relations with Russia.", "161", "", "", 0},
        /* a rejected proposal's author is the target */
        {"Bangladesh rejected an Indian proposal for a trade agreement.", "12", "Bangladesh", "India", 1},
        /* a demand asks the actor its object names */
        {"Poland demanded the withdrawal of Russian troops.", "10", "Poland", "Russia", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "noun infinitive rule");
}

/* An infinitive the parser hung on the verb's object ("urged federal
 * regulators to use ...", the infinitive an acl of "regulators") still
 * fills a pattern's trailing "to" when the object is an actor and the
 * pattern's target; an object that is a thing or a plan keeps its
 * infinitive. */
static void test_object_infinitive_rules(void) {
    static const code_case cases[] = {
        {"The Senate urged federal regulators to use forbearance.", "020", "Senate", "regulators", 1},
        {"The IMF urges a strong interest rate policy to curb inflation.", "02", "", "", 0},
        {"Senator Alan Smith backed a plan to ban imports.", "02", "", "", 0},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "object infinitive rule");
}

/* Precision round on unseen news: joint subjects act on each other only
 * in reciprocal acts, private people and companies make no cooperation
 * event, a verb of presence takes no target behind a thing object, and
 * a generic refusal beside the refused act is not coded twice. */
static void test_precision_round_rules(void) {
    static const code_case cases[] = {
        /* joint subjects: a shared stance is no act on each other */
        {"Prime Minister Tony Blair and Chancellor Gerhard Schroeder have expressed strong opposition.", "110", "Blair",
         "Schroeder", 0},
        {"Prime Minister Tony Blair and Chancellor Gerhard Schroeder have expressed strong opposition.", "110", "Blair", "",
         1},
        {"Greece and Turkey criticized the plan.", "111", "Greece", "Turkey", 0},
        /* ... a reciprocal act is */
        {"Peru and Chile agreed on a new fishing plan.", "030", "Peru", "Chile", 1},
        {"Israel and Lebanon renewed negotiations on Monday.", "04", "Israel", "Lebanon", 1},
        /* private people and companies: no political cooperation */
        {"Tom Fenwick, a Virginia businessman, runs a coal company. In Peru he met his wife, Ana Lopez, a teacher.", "04",
         "", "", 0},
        {"The Virginia businessman Tom Fenwick met American columnist Ana Lopez in Richmond.", "04", "", "", 0},
        {"Governor Jerry Brown met Mr. Fenwick in Denver.", "04", "Brown", "Fenwick", 1},
        /* a verb of presence: the actor is its object */
        {"President Kagame said he had received a warm response from the French.", "04", "", "", 0},
        {"President Kagame received the French ambassador.", "04", "Kagame", "", 1},
        /* one refusal, one event */
        {"Senator Smith refuses to take responsibility for the crash.", "120", "Smith", "", 0},
        {"Senator Smith refused to answer.", "011", "Smith", "", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "precision round rule");
}

/* Targets from the verb's other roles (role_target, place_target,
 * noun_side_target, protest_target in event.c): a pattern with no target
 * takes the side from an oblique, a phrase under the object, a dative, the
 * place of an act done to a territory, or what a protest demands. */
static void test_role_target_rules(void) {
    static const code_case cases[] = {
        /* an oblique of the act the verb introduces */
        {"Chile has offered to hand over to Peru three of its officers.", "03", "Chile", "Peru", 1},
        {"Norway says it is willing to withdraw its troops from Somalia.", "03", "Norway", "Somalia", 1},
        /* a phrase under the object noun, through other phrases */
        {"Sweden said it would boycott all official contact with Iran.", "13", "Sweden", "Iran", 1},
        {"Spain mobilized army reservists for a possible war against Morocco.", "15", "Spain", "Morocco", 1},
        /* the owner of the thing acted on, but not what the source owns */
        {"Egypt expelled inspectors of the United Nations on Monday.", "16", "Egypt", "United Nations", 1},
        /* a dative read as a modifier of the sum */
        {"The European Union on Tuesday gave Kenya 3 million dollars of aid.", "07", "European Union", "Kenya", 1},
        /* the place of a curfew or a riot */
        {"Turkish authorities imposed a curfew in the town of Cizre in southeastern Turkey.", "17", "", "Cizre", 1},
        {"Palestinian prisoners rioted on Monday at a jail in northern Israel.", "14", "", "Israel", 1},
        /* a town an act goes to is no side */
        {"Governor Smith offered to transport the supplies to Springfield, Illinois.", "03", "Smith", "Springfield", 0},
        /* a nominal event's phrase */
        {"Qatar launched a mediation effort between Bahrain and Oman.", "04", "Qatar", "Bahrain", 1},
        /* but a demand's "from" is its speaker */
        {"Japan's ruling party outlined a package of measures under pressure from the United States.", "10", "",
         "United States", 0},
        /* what a protest's purpose clause demands */
        {"Thousands of farmers staged demonstrations to demand reforms by President Moi's government.", "14", "", "Moi", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "role target rule");
}

/* Rules of the fourth precision round (unseen Reuters and PolNeAR news,
 * seed 20261130; docs/events.md), on invented sentences. */
static void test_precision4_rules(void) {
    static const code_case cases[] = {
        /* a private side's resignation is a company's business */
        {"Acme Corp said director John Whitfield has resigned from the board.", "0831", "", "", 0},
        {"Japanese Prime Minister Yasuhiro Nakasone resigned on Monday.", "0831", "Nakasone", "", 1},
        /* the expletive "it" of an impersonal clause is no actor */
        {"Officials said it was decided to arrest the protesters.", "13", "", "", 0},
        {"The Iranian foreign ministry said it was ready to negotiate with Iraq.", "03", "", "", 1},
        /* killings and shootings of people off the battlefield are assaults */
        {"A demonstrator was shot by police in Charlotte.", "18", "", "", 1},
        {"A demonstrator was shot by police in Charlotte.", "19", "", "", 0},
        {"Israeli troops killed three Hamas fighters in Gaza.", "19", "Israeli", "Hamas", 1},
        /* a good deal of work is no agreement */
        {"Senator Ruth Keller has completed a good deal of work on the bill.", "057", "", "", 0},
        /* a warning about things is a forecast, not a threat */
        {"Treasury Secretary James Baker warned that further declines in the dollar could jeopardize growth.", "13", "",
         "", 0},
        {"China warned North Korea to refrain from further tests.", "13", "China", "North Korea", 1},
        /* an agreed interview, a territory handed over, a march with an object */
        {"Attorney General Loretta Lynch agreed to a 30-minute interview.", "03", "", "", 0},
        {"China and Portugal discussed the handover of Macao to China.", "063", "", "", 0},
        {"The Clinton campaign sent marching orders to its allies.", "14", "", "", 0},
        {"Thousands of protesters marched in Charlotte on Thursday.", "14", "", "", 1},
        /* a central bank's money-market help is no aid */
        {"The Bank of England said it had given the money market a further 485 mln stg assistance.", "07", "", "", 0},
        /* a refusal to answer is a refusal to talk */
        {"Kadzik's refusal to answer angered Senator Ruth Keller.", "011", "Kadzik", "", 1},
        {"Kadzik's refusal to answer angered Senator Ruth Keller.", "120", "", "", 0},
        /* a stated policy with no one in it; an act the patterns know stays */
        {"The Bank of England has agreed to publish information about the auction results.", "030", "", "", 0},
        {"West Germany agreed to cooperate closely.", "030", "Germany", "", 1},
        /* a loan with no lender, a tour of a building */
        {"The group will own the property until it pays back the loan.", "03", "", "", 0},
        {"Senator Ruth Keller said she had toured the museum last week.", "04", "", "", 0},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "precision4 rule");
}

/* Rules of the fifth precision round (GeoWebNews and LGL world and local
 * news, seed 20261202; docs/events.md), on invented sentences. */
static void test_precision5_rules(void) {
    static const code_case cases[] = {
        /* a private person's trip is no visit; an official's stays */
        {"Marla Quinby traveled to Guatemala last week.", "04", "", "", 0},
        {"He intends to travel to Portugal and drive to Spain.", "03", "", "", 0},
        {"French President Emmanuel Macron visited Guatemala last week.", "042", "Macron", "Guatemala", 1},
        /* a lone gunman's killing is an assault; his entering a church no occupation */
        {"A gunman entered a church in Tulsa and killed six people.", "180", "gunman", "six people", 1},
        {"A gunman entered a church in Tulsa and killed six people.", "19", "", "", 0},
        {"Israeli troops killed three Hamas fighters in Gaza.", "19", "Israeli", "Hamas", 1},
        {"The suspect was charged in two sexual assaults on women in Dayton.", "180", "", "women", 1},
        /* a road accident is no assault */
        {"Three pedestrians were hit by a car on Route 9.", "18", "", "", 0},
        {"Three pedestrians were hit by a car on Route 9.", "19", "", "", 0},
        {"A truck struck two cyclists near the bridge.", "19", "", "", 0},
        /* a plea in court is no appeal */
        {"Marcus Bell and Tom Reed pleaded guilty to attempted burglary.", "02", "", "", 0},
        {"Marcus Bell and Tom Reed pleaded guilty to attempted burglary.", "116", "", "", 0},
        /* a town is no one arrested */
        {"Daniel Roe, 44, Lebanon, was arrested on Friday.", "173", "", "Lebanon", 0},
        {"Daniel Roe, 44, Lebanon, was arrested on Friday.", "173", "", "Daniel Roe", 1},
        /* a press release is a paper, child support a payment */
        {"The Dayton Police Department has issued a press release.", "08", "", "", 0},
        {"Senator Ruth Keller cut off child support to the family.", "05", "", "", 0},
        /* verbs whose political sense needs an actor as object */
        {"The teacher's efforts did not expel the rag.", "174", "", "", 0},
        {"The chef has stripped the menu down to one page.", "172", "", "", 0},
        {"Marla Quinby would storm to the title in her second season.", "14", "", "", 0},
        {"Turtles feed along the coastal waters.", "07", "", "", 0},
        /* expelled diplomats are a cut in relations, with or without an expeller */
        {"Hundreds of diplomats are being expelled from both the West and Russia.", "161", "", "diplomats", 1},
        {"The dispute set off expulsions of Russian diplomats from Britain.", "161", "", "Russian diplomats", 1},
        {"Britain expelled 23 Russian diplomats.", "161", "", "", 1},
        /* the headline's reduced passive: the arrested is the target */
        {"Senator Ruth Keller arrested in Ohio.", "173", "", "Keller", 1},
        /* a request denied is rejected */
        {"Governor Smith denied the mayor's request for money.", "120", "Smith", "mayor", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "precision5 rule");
}

/* Sixth round (recall on unseen world news): each addition on invented
 * sentences, with the near misses it must leave alone. */
static void test_recall6_rules(void) {
    static const code_case cases[] = {
        /* a visit or talks named in an adjunct: the clause's subject is the visitor */
        {"In a visit to Tunis, Macron criticised NATO's intervention in Libya.", "042", "Macron", "Tunis", 1},
        {"During talks with Abe in Tokyo, Trump praised Japan.", "040", "Trump", "Abe", 1},
        {"The Chinese premier is on a three-day visit to Kenya.", "042", "", "Kenya", 1},
        {"During a visit to Baghdad, a bomb exploded near the hotel.", "04", "", "", 0},
        {"In a conference call with reporters, Senator Ruth Keller said the bill would pass.", "04", "", "", 0},
        {"It will probably recur in talks with Argentina.", "03", "", "", 0},
        /* talks reached by a journey, a meeting convened, talks taken part in */
        {"Kerry flew to Geneva on Sunday for talks with Lavrov.", "040", "Kerry", "Lavrov", 1},
        {"The government convened a meeting of the chief ministers of the states.", "040", "", "", 1},
        {"Iraqi officials took part in talks with Turkish officials.", "046", "Iraq", "", 1},
        /* a refusal to give details */
        {"The police chief declined to detail what items were taken.", "011", "", "", 1},
        /* jailing in court and police words */
        {"A Moscow court sent Navalny to prison.", "173", "", "Navalny", 1},
        {"Police sent Navalny to jail.", "173", "", "Navalny", 1},
        {"Navalny was booked into the county jail on charges of assault.", "173", "", "Navalny", 1},
        {"Navalny booked a flight to Berlin.", "17", "", "", 0},
        /* a demand given up is a concession */
        {"The Americans dropped a controversial demand on car parts.", "080", "", "", 1},
        /* a crowd counted in millions */
        {"Millions of South Koreans took to the streets.", "141", "Korea", "", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "recall6 rule");
}

static void test_recall7_rules(void) {
    static const code_case cases[] = {
        /* a journey "for talks" with no side named; a place phrase keeps the visit */
        {"Peruvian trade minister Luis Correa arrived here on Sunday for talks on fishing rights.", "040", "Correa", "", 1},
        {"Foreign Minister Hans Vogel arrived in Lisbon for talks on fishing.", "042", "Vogel", "Lisbon", 1},
        {"Foreign Minister Hans Vogel arrived in Lisbon for talks on fishing.", "040", "", "", 0},
        /* talks in a round, talks someone is "here" for */
        {"Chancellor Kohl outlined his plan during the second round of talks with the visiting Hungarian premier "
         "Karoly Grosz.", "040", "Kohl", "Grosz", 1},
        {"Foreign Minister Jean Dupont, here for talks with Prime Minister Yasuhiro Nakasone, said the dispute was "
         "over.", "040", "Dupont", "Nakasone", 1},
        /* declining to state, a threat to use troops, credits withheld, legal action begun */
        {"Chile declined to state its position on the embargo.", "011", "Chile", "", 1},
        {"The Colombian president threatened to use troops if the unrest spread.", "138", "president", "", 1},
        {"Austria has withheld new official credits to Romania since 1985.", "1621", "Austria", "Romania", 1},
        {"Italy began legal action against Spain over the seized ship.", "115", "Ital", "Spain", 1},
        /* sanctions imposed on someone, with no one named as imposing them */
        {"Sanctions were imposed on Libya last year.", "163", "", "Libya", 1},
        {"He said the trade sanctions imposed on Libya would stay.", "163", "", "Libya", 1},
        {"Some 4,000 Chilean miners struck on Monday.", "19", "", "", 0},
        /* a currency under pressure is a price */
        {"The Danish crown came under heavy pressure on Friday.", "10", "", "", 0},
        {"Chancellor Kohl came under fresh pressure.", "100", "", "Kohl", 1},
        {"The political crisis has put the lira under pressure.", "10", "", "", 0},
        {"Washington is putting strong pressure on Tokyo.", "100", "", "", 1},
        /* support had or enjoyed is received */
        {"Peru has the full support of Chile.", "051", "Chile", "Peru", 1},
        {"The plan has the support of most members.", "05", "", "", 0},
        /* an event noun that modifies another names its topic */
        {"Chile and Peru opened free trade talks last year.", "061", "", "", 0},
        {"Chile and Peru opened free trade talks last year.", "046", "Chile", "Peru", 1},
        /* a call for something is an appeal; not a text's, a forecaster's or a bond's */
        {"Senator Lugar called for a review of the aid program.", "020", "Lugar", "", 1},
        {"The Senate called for the administration to suspend the talks.", "020", "Senate", "administration", 1},
        {"The plan calls for income to exceed spending.", "02", "", "", 0},
        {"Analysts are calling for higher prices.", "02", "", "", 0},
        {"The company called for redemption of its notes.", "02", "", "", 0},
        /* a verb the parse conjoined to a noun has the main clause's subject */
        {"Chile accused Peru of increasing protectionism on fishing products and called for an end to the "
         "exemption.", "020", "Chile", "", 1},
        /* what a speaker says his own country must do is its policy */
        {"Finance Minister Pedro Malan said Brazil must cut its deficit.", "10", "", "", 0},
        {"Senator Lugar said Japan must open its markets.", "100", "Lugar", "Japan", 1},
    };
    run_cases(cases, sizeof cases / sizeof cases[0], "recall7 rule");
}

int main(void) {
    if (dyad_ctx_open(&ctx, NULL)) {
        printf("test_event: cannot open the context: %s\n", dyad_ctx_errmsg(ctx));
        return 1;
    }
    lex = ev_lex_new();
    char err[256];
    if (ev_lex_load_ontology(lex, "data/events/cameo.tsv", NULL, NULL, err, sizeof err) ||
        ev_lex_load_plover(lex, "data/events/plover.tsv", NULL, NULL, err, sizeof err) ||
        ev_lex_load_patterns_buffer(lex, "test", PATTERNS, sizeof PATTERNS - 1, count_warn, NULL)) {
        printf("test_event: %s\n", err);
        return 1;
    }
    RUN(test_load);
    RUN(test_active_passive);
    RUN(test_modes);
    RUN(test_coordination_and_nouns);
    RUN(test_claim);
    RUN(test_mode_claim_rules);
    RUN(test_fallbacks);
    RUN(test_constructions);
    RUN(test_actor_before_noun);
    RUN(test_politics);
    RUN(test_news_rules);
    RUN(test_hostile);
    RUN(test_breadth_rules);
    RUN(test_default_politics);
    RUN(test_precision_rules);
    RUN(test_issue5_rules);
    RUN(test_news_d_rules);
    RUN(test_heldout_rules);
    RUN(test_misfire_rules);
    RUN(test_fp_rules);
    RUN(test_transfer_rules);
    RUN(test_business_rules);
    RUN(test_recall_rules);
    RUN(test_noun_infinitive_rules);
    RUN(test_object_infinitive_rules);
    RUN(test_precision4_rules);
    RUN(test_precision_round_rules);
    RUN(test_role_target_rules);
    RUN(test_precision5_rules);
    RUN(test_recall6_rules);
    RUN(test_recall7_rules);
    ev_lex_free(lex);
    dyad_ctx_close(ctx);
    TEST_END();
}
