/* test_actor.c -- entity typing, mention resolution and actor coding.
 *
 * Documents are tagged and parsed with the real models (models/); the
 * names the NER would find are given by hand, so these tests check
 * actor.c alone, with a small dictionary written here. */
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/actor.h"
#include "../src/dict.h"
#include "../src/doc.h"
#include "../src/parser.h"
#include "../src/tagger.h"
#include "test.h"

static const char DICT[] =
    "[country]\n"
    "BRA  Brazil\n"
    "  adj  Brazilian | Brazilians\n"
    "  gov  Brasília | Brasilia\n"
    "FRA  France\n"
    "  adj  French\n"
    "  gov  Paris | Élysée | Elysee\n"
    "TUR  Turkey | Türkiye\n"
    "  adj  Turkish | Turks\n"
    "  gov  Ankara\n"
    "RUS  Russia\n"
    "  adj  Russian\n"
    "  gov  Moscow | Kremlin\n"
    "USA  United States | U.S.\n"
    "  adj  American | Americans\n"
    "  gov  Washington | White House\n"
    "ZAF  South Africa\n"
    "  adj  South African\n"
    "DEU  Germany | West Germany\n"
    "  adj  German | West German\n"
    "BIH  Bosnia\n"
    "  adj  Bosnian\n"
    "SRB  Serbia\n"
    "  adj  Serbian | Serb | Serbs\n"
    "CYP  Cyprus\n"
    "  adj  Cypriot | Cypriots\n"
    "VEN  Venezuela\n"
    "  adj  Venezuelan\n"
    "JPN  Japan\n"
    "  adj  Japanese\n"
    "  gov  Tokyo\n"
    "[org]\n"
    "JPNPTY  Liberal Democratic Party | LDP\n"
    "USAEDU  Brookings Institution | Brookings\n"
    "IGOUNO  United Nations | UN\n"
    "DEUPTY  Christian Democratic Union | CDU | Christian Democrats\n"
    "USAPTY  Republican Party | Republican | Republicans\n"
    "USAMED  Daily Planet Network | DPN\n"
    "USALAB  Federation of Bakers | FOB\n"
    "NGOIRC  Red Cross\n"
    "[person]\n"
    "Luiz Inácio Lula da Silva | Lula | Lula da Silva\n"
    "  BRAGOV  2003-01-01  2010-12-31  President\n"
    "  BRAELI  2011-01-01  2022-12-31  Former President\n"
    "  BRAGOV  2023-01-01  -           President\n"
    "[role]\n"
    "GOV  president | leader | prime minister | foreign minister | minister | commissioner | officials | government     title\n"
    "LEG  senator | Sen.    title\n"
    "COP  police\n"
    "CVL  protesters\n"
    "EDU  fellow | analyst\n"
    "PTY  candidate | nominee | campaign | party\n"
    "GOV  attorney general    title\n"
    "GOV  department\n"
    "LEG  committee | panel\n"
    "BUS  company | firm | bank | shareholder | trading house\n"
    "GOV  vice president    title\n"
    "MED  columnist | co-host\n"
    "ELI  singer\n"
    "MIL  forces\n"
    "GOV  delegation | spokesman | diplomats\n";

static tagger *tg;
static parser *ps;
static dict *dic;

static dyad_doc *code(const char *text, const char *date, const char *const *names);
static const char *g_title; /* a title field for the next code() call, or NULL */

/* A coded document: tagged and parsed, with the given names as NER
 * mentions (each "text|TYPE", or "text|PER|G" with the NER's gender hint
 * G: 1 male, 2 female), then actor_run. */
static dyad_doc *code(const char *text, const char *date, const char *const *names) {
    dyad_doc *d;
    if (dyad_doc_new(&d)) return NULL;
    dyad_doc_set_text(d, text, strlen(text));
    if (date) dyad_doc_set_field(d, DYAD_FIELD_DATE, date, strlen(date));
    if (g_title) dyad_doc_set_field(d, DYAD_FIELD_TITLE, g_title, strlen(g_title));
    dyad_doc_code(NULL, d);
    tagger_run(tg, d);
    parser_run(ps, d);
    d->nent = 0;
    for (; names && *names; names++) {
        const char *bar = strchr(*names, '|');
        size_t n = (size_t)(bar - *names);
        /* its first occurrence not given yet */
        const char *hitp = NULL;
        for (const char *p = text; *p; p++) {
            if (strncmp(p, *names, n)) continue;
            int taken = 0;
            uint32_t s0 = (uint32_t)(p - text);
            for (size_t k = 0; k < d->nent; k++) taken |= d->ents[k].start <= s0 && s0 < d->ents[k].end;
            if (!taken) {
                hitp = p;
                break;
            }
        }
        if (!hitp) continue;
        dent e;
        memset(&e, 0, sizeof e);
        e.start = (uint32_t)(hitp - text);
        e.end = e.start + (uint32_t)n;
        e.tok0 = UINT32_MAX;
        for (uint32_t t = 0; t < d->ntok; t++) {
            if (d->toks[t].start == e.start) e.tok0 = t;
            if (d->toks[t].end == e.end) e.tok1 = t + 1;
        }
        if (e.tok0 == UINT32_MAX || e.tok1 <= e.tok0) continue;
        const char *ty = bar + 1;
        e.type = !strncmp(ty, "PER", 3) ? ENT_PERSON : !strcmp(ty, "ORG") ? ENT_ORG : !strcmp(ty, "LOC") ? ENT_LOC : ENT_MISC;
        if (!strncmp(ty, "PER|", 4)) e.gender = (uint8_t)(ty[4] - '0');
        e.actor = -1;
        doc_push_ent(d, &e);
    }
    /* text order, as NER gives them */
    for (size_t i = 1; i < d->nent; i++)
        for (size_t k = i; k > 0 && d->ents[k].start < d->ents[k - 1].start; k--) {
            dent t = d->ents[k];
            d->ents[k] = d->ents[k - 1];
            d->ents[k - 1] = t;
        }
    actor_run(dic, d);
    return d;
}

/* The actor of the longest mention covering byte s ("French leader"
 * over "French"), or NULL. */
static const dactor *actor_cover(const dyad_doc *d, uint32_t s) {
    const dactor *best = NULL;
    uint32_t blen = 0;
    for (size_t i = 0; i < d->nmention; i++) {
        const dmention *m = &d->mentions[i];
        if (m->start <= s && s < m->end && m->end - m->start > blen) {
            best = &d->actors[m->actor];
            blen = m->end - m->start;
        }
    }
    return best;
}

/* The actor a mention at text offset `at` resolved to, or NULL. */
static const dactor *actor_at(const dyad_doc *d, const char *text, const char *what) {
    const char *p = strstr(text, what);
    if (!p) return NULL;
    return actor_cover(d, (uint32_t)(p - text));
}

/* Same, at the n-th occurrence (0-based). */
static const dactor *actor_at_n(const dyad_doc *d, const char *text, const char *what, int n) {
    const char *p = text;
    for (int k = 0; p && k <= n; k++) {
        p = strstr(p, what);
        if (p && k < n) p++;
    }
    if (!p) return NULL;
    return actor_cover(d, (uint32_t)(p - text));
}

static void test_person_dated(void) {
    const char *t = "Brazilian President Luiz Inácio Lula da Silva met South African President Cyril Ramaphosa on "
                    "Tuesday. Lula said he wanted closer ties.";
    const char *names[] = {"Luiz Inácio Lula da Silva|PER", "Cyril Ramaphosa|PER", "Lula|PER", NULL};
    dyad_doc *d = code(t, "2023-02-28", names);
    CHECK(d != NULL);
    const dactor *lula = actor_at(d, t, "Luiz");
    CHECK(lula != NULL);
    if (lula) {
        CHECK_STR(lula->code, "BRAGOV");
        CHECK_STR(lula->name, "Luiz Inácio Lula da Silva");
        CHECK(lula->nroles >= 1 && !strcmp(lula->roles[0], "Brazilian President"));
    }
    CHECK(actor_at_n(d, t, "Lula", 1) == lula);   /* the later short name */
    CHECK(actor_at(d, t, "he wanted") == lula);   /* the pronoun */
    const dactor *ram = actor_at(d, t, "Cyril");
    CHECK(ram != NULL && !strcmp(ram->code, "ZAFGOV")); /* from the title, no dictionary entry */
    dyad_doc_free(d);
    /* in 2015 Lula was a former president */
    d = code(t, "2015-06-01", names);
    lula = actor_at(d, t, "Luiz");
    CHECK(lula != NULL && !strcmp(lula->code, "BRAELI"));
    dyad_doc_free(d);
}

static void test_groups_and_seats(void) {
    const char *t = "Turkish police detained dozens of protesters in Istanbul. The Kremlin said Ankara had "
                    "not been consulted. Police later released the protesters.";
    const char *names[] = {"Istanbul|LOC", "Kremlin|ORG", "Ankara|LOC", NULL};
    dyad_doc *d = code(t, "2016-07-20", names);
    const dactor *pol = actor_at(d, t, "police");
    CHECK(pol != NULL && !strcmp(pol->code, "TURCOP"));
    const dactor *kr = actor_at(d, t, "Kremlin");
    CHECK(kr != NULL && !strcmp(kr->code, "RUSGOV"));
    const dactor *ank = actor_at(d, t, "Ankara");
    CHECK(ank != NULL && !strcmp(ank->code, "TURGOV"));
    const dactor *pr = actor_at(d, t, "protesters");
    CHECK(pr != NULL && !strcmp(pr->code, "TURCVL")); /* the home country */
    CHECK(actor_at_n(d, t, "protesters", 1) == pr);   /* the same group again */
    dyad_doc_free(d);
}

static void test_description_and_appositive(void) {
    const char *t = "French President Emmanuel Macron arrived in Algiers on Monday. The French leader called for a "
                    "new chapter. \"It is a start,\" said Maria Ortiz, a senior fellow at the Brookings Institution.";
    const char *names[] = {"Emmanuel Macron|PER", "Algiers|LOC", "Maria Ortiz|PER", "Brookings Institution|ORG", NULL};
    dyad_doc *d = code(t, "2022-08-25", names);
    const dactor *mac = actor_at(d, t, "Emmanuel");
    CHECK(mac != NULL && !strcmp(mac->code, "FRAGOV"));
    CHECK(actor_at(d, t, "French leader") == mac);
    const dactor *ort = actor_at(d, t, "Maria");
    CHECK(ort != NULL);
    if (ort) {
        CHECK_STR(ort->code, "USAEDU");
        int app = 0;
        for (uint32_t i = 0; i < ort->nroles; i++) app |= strstr(ort->roles[i], "senior fellow") != NULL;
        CHECK(app);
    }
    dyad_doc_free(d);
}

/* A surname before the full name is the person; a rank word between a
 * nationality and a title keeps the nationality. */
static void test_surname_first_and_rank(void) {
    const char *t = "Navalny's arrest drew protests. Police in Moscow detained Alexei Navalny on Sunday. "
                    "Turkish junior foreign minister Dubem Oniya summoned Russia's ambassador.";
    const char *names[] = {"Navalny|ORG", "Moscow|LOC", "Alexei Navalny|PER", "Dubem Oniya|PER", NULL};
    dyad_doc *d = code(t, "2021-02-02", names);
    const dactor *nav = actor_at(d, t, "Alexei");
    CHECK(nav != NULL && actor_at(d, t, "Navalny's") == nav);
    const dactor *oni = actor_at(d, t, "Dubem");
    CHECK(oni != NULL && !strcmp(oni->code, "TURGOV"));
    dyad_doc_free(d);
}

static void test_entities_typed(void) {
    const char *t = "Brazilians voted as Republicans in Washington watched. Sen. Ted Cruz said the U.S. would wait.";
    const char *names[] = {"Washington|LOC", "Ted Cruz|PER", NULL};
    dyad_doc *d = code(t, "2016-10-02", names);
    int norp = 0, gpe = 0, org = 0;
    for (size_t i = 0; i < d->nent; i++) {
        const dent *e = &d->ents[i];
        if (e->type == ENT_NORP && !strncmp(t + e->start, "Brazilians", 10)) norp = 1;
        if (e->type == ENT_GPE && !strncmp(t + e->start, "U.S.", 4)) gpe = 1;
        if (e->type == ENT_ORG && !strncmp(t + e->start, "Republicans", 11)) org = 1;
    }
    CHECK(norp && gpe && org);
    const dactor *cruz = actor_at(d, t, "Ted");
    CHECK(cruz != NULL && !strcmp(cruz->code, "USALEG")); /* the title and the home country */
    const dactor *br = actor_at(d, t, "Brazilians");
    CHECK(br != NULL && !strcmp(br->code, "BRACVL"));
    /* every entity that is an actor points at one that has it as a mention */
    for (size_t i = 0; i < d->nent; i++) {
        const dent *e = &d->ents[i];
        if (e->actor < 0) continue;
        CHECK(e->actor < (int32_t)d->nactor);
        int found = 0;
        for (size_t m = 0; m < d->nmention; m++)
            found |= d->mentions[m].actor == e->actor && d->mentions[m].start == e->start;
        CHECK(found);
    }
    dyad_doc_free(d);
}

/* A title the NER typed as part of an organisation before a person
 * ("Brazilian Sen." ORG, then "Ana Costa" PER) is the person's title. */
static void test_title_cut_from_org(void) {
    const char *t = "Brazilian Sen. Ana Costa endorsed the plan on Monday.";
    const char *names[] = {"Brazilian Sen.|ORG", "Ana Costa|PER", NULL};
    dyad_doc *d = code(t, "2016-10-02", names);
    const dactor *a = actor_at(d, t, "Ana");
    CHECK(a != NULL && !strcmp(a->code, "BRALEG"));
    for (size_t i = 0; i < d->nent; i++) /* no entity keeps the title */
        CHECK(!(d->ents[i].start <= 10 && 10 < d->ents[i].end));
    dyad_doc_free(d);
}

/* A head word before a name with the organisation it heads ("Brookings
 * Institution director Ana Costa") gives the organisation's code, ELI when
 * "former"; a relative clause is no appositive role. */
static void test_org_head_title(void) {
    const char *t = "Brookings Institution director Ana Costa spoke first. Former Brookings director Rui Lima, "
                    "who underwent surgery in May, spoke later.";
    const char *names[] = {"Ana Costa|PER", "Rui Lima|PER", NULL};
    dyad_doc *d = code(t, "2016-10-02", names);
    const dactor *a = actor_at(d, t, "Ana");
    CHECK(a != NULL && !strcmp(a->code, "USAEDU"));
    const dactor *b = actor_at(d, t, "Rui");
    CHECK(b != NULL && !strcmp(b->code, "USAELI"));
    for (uint32_t i = 0; b && i < b->nroles; i++) CHECK(strncmp(b->roles[i], "who", 3) != 0);
    dyad_doc_free(d);
}

/* Media people: a host of an outlet the dictionary knows or of one only
 * the NER found ("Metro Evening News host") is MED, and so are the later
 * surname mentions. */
static void test_media_titles(void) {
    const char *t = "In the U.S. race, DPN host Ana Costa praised the plan on Monday. Costa said it would pass. "
                    "Metro Evening News host Rui Lima disagreed.";
    const char *names[] = {"Ana Costa|PER", "Costa|PER", "Metro Evening News|ORG", "Rui Lima|PER", NULL};
    dyad_doc *d = code(t, "2016-10-02", names);
    const dactor *a = actor_at(d, t, "Ana");
    CHECK(a != NULL && !strcmp(a->code, "USAMED"));
    const dactor *a2 = actor_at(d, t, "Costa said");
    CHECK(a2 == a);
    const dactor *b = actor_at(d, t, "Rui");
    CHECK(b != NULL && !strcmp(b->code, "USAMED"));
    dyad_doc_free(d);
}

/* The head of a body takes the body's role, not the title's: a union's
 * president before or after the name is LAB. */
static void test_body_head(void) {
    const char *t = "In the U.S. dispute, FOB President Ana Costa spoke first. Rui Lima, president of the "
                    "Federation of Bakers, spoke later.";
    const char *names[] = {"Ana Costa|PER", "Rui Lima|PER", NULL};
    dyad_doc *d = code(t, "2016-10-02", names);
    const dactor *a = actor_at(d, t, "Ana");
    CHECK(a != NULL && !strcmp(a->code, "USALAB"));
    const dactor *b = actor_at(d, t, "Rui");
    CHECK(b != NULL && !strcmp(b->code, "USALAB"));
    dyad_doc_free(d);
}

/* Former and late office-holders: "a former foreign minister" in an
 * appositive, "the late" before a name, an initial between the title and
 * the name the NER found. */
static void test_former_forms(void) {
    const char *t = "Ana Costa, a former Brazilian foreign minister, criticized the deal. The late Rui Lima was "
                    "remembered in Brazil. Former senator J. Paulo Souza attended in the U.S. capital.";
    const char *names[] = {"Ana Costa|PER", "Rui Lima|PER", "Paulo Souza|PER", NULL};
    dyad_doc *d = code(t, "2016-10-02", names);
    const dactor *a = actor_at(d, t, "Ana");
    CHECK(a != NULL && !strcmp(a->code, "BRAELI"));
    const dactor *b = actor_at(d, t, "Rui");
    CHECK(b != NULL && !strcmp(b->code + 3, "ELI"));
    const dactor *c = actor_at(d, t, "Paulo");
    CHECK(c != NULL && !strcmp(c->code + 3, "ELI"));
    for (uint32_t i = 0; c && i < c->nroles; i++) CHECK(strstr(c->roles[i], "J.") == NULL);
    dyad_doc_free(d);
}

/* "Rui Lima (D-Ohio)": a legislator; "Roberto "Beto" Lima ... Beto Lima"
 * and "Ana Costa Jr. ... Costa" are one person each. */
static void test_name_forms(void) {
    const char *t = "In the U.S. House, Rui Lima (D-Ohio) objected to the U.S. plan. Sen. Roberto \"Beto\" Vaz "
                    "agreed. Later Beto Vaz left for the United States. Singer Ana Costa Jr. sang. Costa bowed.";
    const char *names[] = {"Rui Lima|PER", "Roberto \"Beto\" Vaz|PER", "Beto Vaz|PER", "Ana Costa Jr.|PER",
                           "Costa|PER", NULL};
    dyad_doc *d = code(t, "2016-10-02", names);
    const dactor *a = actor_at(d, t, "Rui");
    CHECK(a != NULL && !strcmp(a->code, "USALEG"));
    const dactor *b = actor_at(d, t, "Roberto");
    const dactor *b2 = actor_at(d, t, "Beto Vaz");
    CHECK(b != NULL && b == b2 && !strcmp(b->code, "USALEG"));
    const dactor *c = actor_at(d, t, "Ana");
    const dactor *c2 = actor_at(d, t, "Costa bowed");
    CHECK(c != NULL && c == c2 && !strcmp(c->code, "USAELI"));
    dyad_doc_free(d);
}

/* A title of an international body is that body's, past a portfolio
 * noun ("UN Refugee Commissioner Ana Costa" IGOUNO), unless a country is
 * named ("Brazilian Refugee Commissioner"). */
static void test_igo_title(void) {
    const char *t = "UN Refugee Commissioner Ana Costa visited the camp. Brazilian Refugee Commissioner Rui Lima "
                    "stayed home.";
    const char *names[] = {"Ana Costa|PER", "Rui Lima|PER", NULL};
    dyad_doc *d = code(t, "2016-10-02", names);
    const dactor *a = actor_at(d, t, "Ana");
    CHECK(a != NULL && !strcmp(a->code, "IGOUNO"));
    const dactor *b = actor_at(d, t, "Rui");
    CHECK(b != NULL && !strcmp(b->code, "BRAGOV"));
    dyad_doc_free(d);
}

/* A party name many countries use is the story's country's party, or the
 * one a nationality word names; the dictionary's own country does not
 * count towards the story's. */
static void test_generic_party(void) {
    const char *t = "The Christian Democrats criticized the plan in Brazil. Brazil's president said Brazil would "
                    "wait, and the CDU agreed. French Christian Democrats were silent.";
    dyad_doc *d = code(t, "2016-10-02", NULL);
    const dactor *a = actor_at(d, t, "Christian");
    CHECK(a != NULL && !strcmp(a->code, "BRAPTY"));
    const dactor *b = actor_at(d, t, "CDU");
    CHECK(b != NULL && !strcmp(b->code, "DEUPTY"));
    const dactor *c = actor_at_n(d, t, "Christian", 1);
    CHECK(c != NULL && !strcmp(c->code, "FRAPTY"));
    dyad_doc_free(d);
}

/* "a terror campaign", "a campaign of violence" are undertakings, not a
 * candidate's campaign (PTY). */
static void test_campaign_kinds(void) {
    const char *t = "Rebels waged a terror campaign in Brazil. A campaign of violence followed. The candidate's "
                    "campaign said nothing.";
    dyad_doc *d = code(t, "2016-10-02", NULL);
    CHECK(d && actor_at(d, t, "terror") == NULL && actor_at(d, t, "campaign of") == NULL);
    CHECK(d && actor_at_n(d, t, "campaign", 2) != NULL); /* the candidate's campaign is one */
    dyad_doc_free(d);
}

/* A month abbreviation the NER typed as a name is dropped. */
static void test_month_not_name(void) {
    const char *t = "Shipments for Dec were sold to Brazil.";
    const char *names[] = {"Dec|ORG", NULL};
    dyad_doc *d = code(t, "1987-02-26", names);
    CHECK(d != NULL && actor_at(d, t, "Dec") == NULL);
    dyad_doc_free(d);
}

/* Hard-wrapped wire copy: a name runs over the wrap ("Ana\nCosta"); in
 * text with a sentence per line it stops at the line's end. */
static void test_wrapped_names(void) {
    const char *t = "The Brazilian senator who led the inquiry into the deal, Ana\n"
                    "Costa, told a news conference on Tuesday that the report was\n"
                    "fair to everyone involved, and the committee she chaired\n"
                    "will meet again next week, according to her staff in\n"
                    "Brasilia, where the hearings were held this spring.\n";
    const char *names[] = {"Ana\nCosta|PER", NULL};
    dyad_doc *d = code(t, "2016-10-02", names);
    const dactor *a = actor_at(d, t, "Ana");
    CHECK(a != NULL && !strcmp(a->name, "Ana Costa")); /* white space made one space */
    dyad_doc_free(d);
    const char *u = "Call Ana\nCosta said hello.\nNo.\nYes.\nMaybe.\n";
    const char *names2[] = {"Ana\nCosta|PER", NULL};
    d = code(u, "2016-10-02", names2);
    a = actor_at(d, u, "Ana");
    CHECK(a != NULL && !strcmp(a->name, "Ana"));
    dyad_doc_free(d);
}

/* The NER's gender hint of a given name: "her" goes to the woman even when
 * the man is the latest subject, "he" to the man; without hints (an old
 * model) "her" goes to the man.  An honorific wins over the hint. */
static void test_gender_hint(void) {
    const char *t = "Gregor Pellam met Marta Voskuijlen in Porto on Monday. Pellam urged her to stay, and he left.";
    const char *hinted[] = {"Gregor Pellam|PER|1", "Marta Voskuijlen|PER|2", "Porto|LOC", "Pellam|PER", NULL};
    dyad_doc *d = code(t, "2024-03-04", hinted);
    const dactor *man = actor_at(d, t, "Gregor"), *woman = actor_at(d, t, "Marta");
    CHECK(man != NULL && woman != NULL && man != woman);
    CHECK(actor_at_n(d, t, "Pellam", 1) == man);
    CHECK(actor_at(d, t, "her to") == woman);
    CHECK(actor_at(d, t, "he left") == man);
    if (man) CHECK_INT(man->gender, 1);
    if (woman) CHECK_INT(woman->gender, 2);
    dyad_doc_free(d);
    const char *plain[] = {"Gregor Pellam|PER", "Marta Voskuijlen|PER", "Porto|LOC", "Pellam|PER", NULL};
    d = code(t, "2024-03-04", plain);
    CHECK(actor_at(d, t, "her to") == actor_at(d, t, "Gregor"));
    dyad_doc_free(d);
    /* "Mr." says male whatever the given name's list said */
    const char *t2 = "Mr. Robin Ashgrove spoke. He left.";
    const char *mr[] = {"Robin Ashgrove|PER|2", NULL};
    d = code(t2, "2024-03-04", mr);
    const dactor *rob = actor_at(d, t2, "Robin");
    CHECK(rob != NULL && rob->gender == 1);
    CHECK(actor_at(d, t2, "He left") == rob);
    dyad_doc_free(d);
}

/* Garbage and a long run of names: bounded, no crash, mentions grouped. */
static void test_hostile(void) {
    size_t n = 200000;
    char *t = malloc(n + 1);
    for (size_t i = 0; i < n; i++) t[i] = "Lula he Brazil police the she. "[i % 31];
    t[n] = '\0';
    dyad_doc *d = code(t, "2023-01-01", NULL);
    CHECK(d != NULL);
    for (size_t m = 1; d && m < d->nmention; m++) CHECK(d->mentions[m - 1].actor <= d->mentions[m].actor);
    dyad_doc_free(d);
    free(t);
}

/* "the committee" is the committee named before it, "the panel" too;
 * a postpositive "general" keeps "attorney general" a role; a body noun
 * modifying another noun ("the committee room") is no actor. */
static void test_bodies(void) {
    const char *t = "The U.S. Senate Ethics Committee opened an inquiry into U.S. arms sales on Monday. The "
                    "committee subpoenaed Dana Whitfield, and the attorney general said the state department would "
                    "cooperate. The panel will meet again in the committee room next week.";
    const char *names[] = {"Senate Ethics Committee|ORG", "Dana Whitfield|PER", NULL};
    dyad_doc *d = code(t, "2019-03-04", names);
    const dactor *com = actor_at(d, t, "Senate Ethics");
    CHECK(com != NULL && !strcmp(com->code, "USALEG"));
    CHECK(actor_at(d, t, "committee subpoenaed") == com);
    CHECK(actor_at(d, t, "panel will") == com);
    const dactor *ag = actor_at(d, t, "attorney general");
    CHECK(ag != NULL && !strcmp(ag->code, "USAGOV"));
    const dactor *dep = actor_at(d, t, "state department");
    CHECK(dep != NULL && dep != com && dep != ag && !strcmp(dep->code, "USAGOV"));
    CHECK(actor_at(d, t, "committee room") == NULL);
    dyad_doc_free(d);
}

/* Companies are businesses, never the state: a legal form, a firm noun
 * before the name ("car group", "bank") or a stock symbol makes a name a
 * company's; its country comes from the mention ("French", "West
 * German", "a Turkish textile company", the symbol's exchange), never
 * from the story's home country ("---BUS" when nothing says); the short
 * name, "the company", "it" and "its" are the company. */
static void test_companies(void) {
    const char *t = "The French state-owned car group Veltra said it would buy a stake in Quillan Widget Corp <QWC>. "
                    "Quillan said the offer was too low. The company said it would fight the bid and buy back its "
                    "shares. West German bank Hallmeyer Bank lent money to Turkey.";
    const char *names[] = {"Veltra|PER", "Quillan Widget Corp|ORG", "QWC|ORG", "Quillan|PER", "Hallmeyer Bank|PER", NULL};
    dyad_doc *d = code(t, "1987-03-02", names);
    const dactor *v = actor_at(d, t, "Veltra");
    CHECK(v != NULL && !strcmp(v->code, "FRABUS") && v->type == ENT_ORG);
    CHECK(actor_at(d, t, "it would buy") == v);
    const dactor *q = actor_at(d, t, "Quillan Widget");
    CHECK(q != NULL && !strcmp(q->code, "USABUS")); /* a bare symbol: New York's */
    CHECK(actor_at(d, t, "QWC") == NULL);           /* the symbol is no actor */
    CHECK(actor_at_n(d, t, "Quillan", 1) == q);     /* the short name */
    CHECK(actor_at(d, t, "company said") == q);     /* the subject last named */
    CHECK(actor_at(d, t, "it would fight") == q);
    CHECK(actor_at(d, t, "its shares") == q);
    const dactor *h = actor_at(d, t, "Hallmeyer");
    CHECK(h != NULL && !strcmp(h->code, "DEUBUS"));
    dyad_doc_free(d);

    /* a firm the text gives no country keeps none: not the story's Brazil */
    t = "Brazil suspended interest payments to Norbank Corp and Tessaly Holdings. Brazilian officials said "
        "Norbank had agreed. Anadolu Dokuma Ltd, a Turkish textile company, said it was not affected.";
    const char *names2[] = {"Brazil|LOC", "Norbank Corp|ORG", "Tessaly Holdings|ORG", "Norbank|ORG", NULL};
    d = code(t, "1987-03-02", names2);
    const dactor *n = actor_at(d, t, "Norbank Corp");
    CHECK(n != NULL && !strcmp(n->code, "---BUS") && !n->country[0]);
    CHECK(actor_at_n(d, t, "Norbank", 1) == n);
    const dactor *ts = actor_at(d, t, "Tessaly");
    CHECK(ts != NULL && !strcmp(ts->code, "---BUS"));
    const dactor *an = actor_at(d, t, "Anadolu"); /* no NER mention: found by its legal form */
    CHECK(an != NULL && !strcmp(an->code, "TURBUS"));
    const dactor *off = actor_at(d, t, "officials");
    CHECK(off != NULL && !strcmp(off->code, "BRAGOV")); /* the state's people keep the country */
    dyad_doc_free(d);
}

/* A nationality before the name of an ethnic group says where the group
 * lives ("Bosnian Serbs" are Bosnia's); before a citizen noun it is the
 * group's origin ("Turkish Cypriots" are Cyprus's); "ethnic Serbs" are of
 * the country the sentence names, not Serbia's. */
static void test_ethnic_groups(void) {
    const char *t = "Bosnian Serbs shelled the town. Bosnian Serb forces advanced on Monday. Turkish Cypriots "
                    "protested. Thousands of ethnic Serbs demonstrated in Brazil.";
    dyad_doc *d = code(t, "1995-06-01", NULL);
    const dactor *a = actor_at(d, t, "Serbs shelled");
    CHECK(a != NULL && !strcmp(a->code, "BIHCVL"));
    a = actor_at(d, t, "forces");
    CHECK(a != NULL && !strcmp(a->code, "BIHMIL"));
    a = actor_at(d, t, "Cypriots");
    CHECK(a != NULL && !strcmp(a->code, "CYPCVL"));
    a = actor_at(d, t, "Serbs demonstrated");
    CHECK(a != NULL && !strcmp(a->code, "BRACVL"));
    dyad_doc_free(d);
    /* two states joined by a hyphen are no group */
    t = "Turkish-Serbian talks resumed in Paris.";
    d = code(t, "1995-06-01", NULL);
    a = actor_at(d, t, "Serbian");
    CHECK(a != NULL && !strcmp(a->code, "SRB"));
    dyad_doc_free(d);
}

/* Nationalities joined before one role noun share it: in "the Russian
 * and Venezuelan delegations" the Russians are a delegation too. */
static void test_coordinated_nationalities(void) {
    const char *t = "The Russian and Venezuelan delegations met in Paris on Monday.";
    dyad_doc *d = code(t, "2018-04-01", NULL);
    const dactor *a = actor_at(d, t, "Russian");
    CHECK(a != NULL && !strcmp(a->code, "RUSGOV"));
    a = actor_at(d, t, "Venezuelan");
    CHECK(a != NULL && !strcmp(a->code, "VENGOV"));
    dyad_doc_free(d);
    t = "The Russian president met Brazilian protesters.";
    d = code(t, "2018-04-01", NULL);
    a = actor_at(d, t, "Russian");
    CHECK(a != NULL && !strcmp(a->code, "RUSGOV"));
    dyad_doc_free(d);
}

/* Groups the story's country does not own: "foreign governments" (no
 * country), "the governments of Western countries" (CAMEO's West), the
 * staff of an international body ("Red Cross officials") -- but a
 * "foreign affairs spokesman" is the story's. */
static void test_foreign_groups(void) {
    const char *t = "The Brazilian minister thanked foreign governments for their help in Brasilia. Red Cross "
                    "officials visited the prison. The governments of two dozen Western countries protested. A "
                    "foreign affairs spokesman said Brazil would wait.";
    dyad_doc *d = code(t, "2018-04-01", NULL);
    const dactor *a = actor_at(d, t, "foreign governments");
    CHECK(a != NULL && !strcmp(a->code, "---GOV"));
    a = actor_at(d, t, "officials");
    CHECK(a != NULL && !strcmp(a->code, "NGOIRC"));
    a = actor_at(d, t, "governments of");
    CHECK(a != NULL && !strcmp(a->code, "WSTGOV"));
    a = actor_at(d, t, "spokesman");
    CHECK(a != NULL && !strcmp(a->code, "BRAGOV"));
    dyad_doc_free(d);
}

/* A rank word between a body and its head's title ("FOB Vice Chairman")
 * still makes the person the body's. */
static void test_org_head_rank(void) {
    const char *t = "FOB Vice Chairman Ana Costa said the bakers would strike.";
    const char *names[] = {"Ana Costa|PER", NULL};
    dyad_doc *d = code(t, "2018-04-01", names);
    const dactor *a = actor_at(d, t, "Ana");
    CHECK(a != NULL && !strcmp(a->code, "USALAB"));
    dyad_doc_free(d);
}

/* The country a wire headline opens with is the story's home, though the
 * text names the other side of a trade row as often; not a visitor's. */
static void test_headline_home(void) {
    const char *t = "The Japanese government may buy U.S. computers, Trade Minister Taro Yamada said. U.S. "
                    "officials said the United States welcomed the move to ease U.S. sanctions. Yamada told the "
                    "U.S. envoy that Japanese firms should trust Japan.";
    const char *names[] = {"Taro Yamada|PER", "Yamada|PER", NULL};
    g_title = "JAPAN WEIGHS BUYING U.S. COMPUTERS";
    dyad_doc *d = code(t, "1987-04-01", names);
    const dactor *a = actor_at(d, t, "Taro");
    CHECK(a != NULL && !strcmp(a->code, "JPNGOV"));
    dyad_doc_free(d);
    g_title = "Japan trade minister visits Washington";
    d = code(t, "1987-04-01", names);
    a = actor_at(d, t, "Taro");
    CHECK(a != NULL && strcmp(a->code, "JPNGOV") != 0);
    dyad_doc_free(d);
    g_title = NULL;
}

/* Police units are police whatever their head noun; firms without a legal
 * form are known by their last word or an ampersand; a US state in a
 * firm's name is its country. */
static void test_org_heads(void) {
    const char *t = "The Springfield Police Department said in the United States that the United States "
                    "agency helped. Acme Electric said it would hire. Hawaii Pacific Health said it would "
                    "expand. Stevens & Wilkinson stopped work.";
    const char *names[] = {"Springfield Police Department|ORG", "Acme Electric|ORG", "Hawaii Pacific Health|ORG",
                           "Stevens & Wilkinson|ORG", NULL};
    dyad_doc *d = code(t, "2009-03-01", names);
    const dactor *a = actor_at(d, t, "Springfield");
    CHECK(a != NULL && !strcmp(a->code, "USACOP"));
    a = actor_at(d, t, "Acme");
    CHECK(a != NULL && !strcmp(a->code, "---BUS"));
    a = actor_at(d, t, "Hawaii");
    CHECK(a != NULL && !strcmp(a->code, "USABUS"));
    a = actor_at(d, t, "Stevens");
    CHECK(a != NULL && !strcmp(a->code, "---BUS"));
    dyad_doc_free(d);
}

/* The head of a company in an appositive is a business person, though his
 * title names an office elsewhere ("vice president"); a firm's name cut
 * at its ampersand is joined. */
static void test_company_appositive(void) {
    const char *t = "Dan Hale, vice president of Hartman & Tyner Inc., met officials in the United States on "
                    "Thursday. The United States said it was pleased.";
    const char *names[] = {"Dan Hale|PER", "Hartman|LOC", "Tyner Inc.|ORG", NULL};
    dyad_doc *d = code(t, "2009-03-01", names);
    const dactor *a = actor_at(d, t, "Dan Hale");
    CHECK(a != NULL && !strcmp(a->code, "USABUS"));
    a = actor_at(d, t, "Hartman");
    CHECK(a != NULL && !strcmp(a->code, "---BUS") && a == actor_at(d, t, "Tyner"));
    dyad_doc_free(d);
}

/* Later mentions: a company by the last word of its name ("Lilly" after
 * "Eli Lilly and Co"), a person by a lone given name that begins exactly
 * one earlier name ("Osman" after "Osman Saleh"). */
static void test_later_names(void) {
    const char *t = "Ana Roth said Eli Lilly and Co signed the deal. Lilly said the license was worth 10 mln "
                    "dlrs. Brazilian Foreign Minister Osman Saleh met the envoy. Osman said Brazil wanted peace.";
    const char *names[] = {"Ana Roth|PER", "Eli Lilly|PER", "Lilly|PER", "Osman Saleh|PER", "Osman|PER", NULL};
    dyad_doc *d = code(t, "2009-03-01", names);
    const dactor *co = actor_at(d, t, "Eli Lilly");
    CHECK(co != NULL && !strcmp(co->code, "---BUS"));
    CHECK(actor_at_n(d, t, "Lilly", 1) == co);
    const dactor *os = actor_at(d, t, "Osman Saleh");
    CHECK(os != NULL && !strcmp(os->code, "BRAGOV"));
    CHECK(actor_at(d, t, "Osman said") == os);
    dyad_doc_free(d);
}

/* Group nouns in lower case are no titles ("told police Bassett"); the
 * sides of a contract are no party ("either party"); a party's officials
 * are the party's; Japanese trading houses are Japan's businesses. */
static void test_groups_not_roles(void) {
    const char *t = "The women told police Bassett threatened them. Either party may end the accord. LDP "
                    "officials said the Japanese trading houses agreed.";
    const char *names[] = {"Bassett|PER", NULL};
    dyad_doc *d = code(t, "2009-03-01", names);
    const dactor *a = actor_at(d, t, "Bassett");
    CHECK(a != NULL && (strlen(a->code) < 6 || strcmp(a->code + 3, "COP") != 0));
    CHECK(actor_at(d, t, "party") == NULL);
    a = actor_at(d, t, "officials");
    CHECK(a != NULL && !strcmp(a->code, "JPNPTY"));
    a = actor_at(d, t, "trading houses");
    CHECK(a != NULL && !strcmp(a->code, "JPNBUS"));
    dyad_doc_free(d);
}

/* A dictionary of the project's own role and Indian-state files and a
 * few countries, for the tests of those files' entries; NULL if the files
 * do not load (the test then fails). */
static dict *real_dict(void) {
    static const char C[] = "[country]\n"
                            "MEX  Mexico\n"
                            "  adj  Mexican\n"
                            "BRA  Brazil\n"
                            "  adj  Brazilian\n"
                            "IND  India\n"
                            "  adj  Indian\n"
                            "  gov  New Delhi\n"
                            "SWE  Sweden\n"
                            "  adj  Swedish\n"
                            "BOL  Bolivia\n"
                            "  adj  Bolivian\n"
                            "DEU  West Germany\n"
                            "  adj  West German\n"
                            "YUG  Yugoslavia\n"
                            "  adj  Yugoslav\n"
                            "LAM  Latin America\n"
                            "  adj  Latin American\n";
    dict *x = dict_new();
    char err[256];
    if (!x || dict_load_buffer(x, "c.dict", C, sizeof C - 1, DICT_DYAD, NULL, NULL, NULL, err, sizeof err) ||
        dict_load_file(x, "data/dict/roles.dict", DICT_DYAD, NULL, NULL, NULL, err, sizeof err) ||
        dict_load_file(x, "data/dict/india-states.dict", DICT_DYAD, NULL, NULL, NULL, err, sizeof err)) {
        dict_free(x);
        return NULL;
    }
    return x;
}

/* Plural group nouns of CAMEO roles the default roles.dict lists take the
 * story's country: trades written as one word, inmates, supporters (of a
 * person or a body, not of a bill). */
static void test_group_nouns(void) {
    dict *x = real_dict();
    CHECK(x != NULL);
    if (!x) return;
    dict *keep = dic;
    dic = x;
    const char *t = "Mexico's 500,000 bankworkers went on strike on Monday. The inmates attacked guards in a "
                    "Mexican prison, and supporters of the governor marched. The steelworkers and their "
                    "accomplice were detained in Mexico.";
    dyad_doc *d = code(t, "2010-05-01", NULL);
    const dactor *a = actor_at(d, t, "bankworkers");
    CHECK(a != NULL && !strcmp(a->code, "MEXLAB"));
    a = actor_at(d, t, "inmates");
    CHECK(a != NULL && !strcmp(a->code, "MEXCVL"));
    a = actor_at(d, t, "supporters");
    CHECK(a != NULL && !strcmp(a->code, "MEXCVL"));
    a = actor_at(d, t, "steelworkers");
    CHECK(a != NULL && !strcmp(a->code, "MEXLAB"));
    a = actor_at(d, t, "accomplice");
    CHECK(a != NULL && !strcmp(a->code, "MEXCRM"));
    dyad_doc_free(d);
    /* supporters of a thing are no group; prisoners of war are soldiers */
    const char *u = "Supporters of the farm bill hoped for a vote in Mexico. Mexican prisoners of war were freed in "
                    "Mexico.";
    d = code(u, "2010-05-01", NULL);
    a = actor_at(d, u, "Supporters");
    CHECK(a == NULL);
    a = actor_at(d, u, "prisoners");
    CHECK(a != NULL && !strcmp(a->code, "MEXMIL"));
    dyad_doc_free(d);
    dic = keep;
    dict_free(x);
}

/* Countries a region names are the region's; countries the phrase gives no
 * region, or named before, are no actor. */
static void test_unnamed_countries(void) {
    dict *x = real_dict();
    CHECK(x != NULL);
    if (!x) return;
    dict *keep = dic;
    dic = x;
    const char *t = "The Yugoslav delegation met 16 Western creditor countries in Yugoslavia. Several Latin American "
                    "countries backed Yugoslavia, but 42 countries opposed the plan. The two countries met.";
    dyad_doc *d = code(t, "1987-04-01", NULL);
    const dactor *a = actor_at(d, t, "Western creditor");
    CHECK(a != NULL && !strcmp(a->code, "WSTGOV"));
    a = actor_at(d, t, "Latin American countries");
    CHECK(a != NULL && !strcmp(a->code, "LAMGOV"));
    CHECK(actor_at(d, t, "42 countries") == NULL);
    CHECK(actor_at(d, t, "two countries") == NULL);
    dyad_doc_free(d);
    dic = keep;
    dict_free(x);
}

/* An Indian state acting is its government; "the Centre" is India's
 * Union government in an Indian story only, and not inside a longer
 * name. */
static void test_india_states(void) {
    dict *x = real_dict();
    CHECK(x != NULL);
    if (!x) return;
    dict *keep = dic;
    dic = x;
    const char *t = "Tamil Nadu accused the Centre of refusing to act. Karnataka said India had failed its "
                    "farmers. The Centre asked New Delhi's courts to decide. India's Centre for Policy Studies "
                    "disagreed with India.";
    dyad_doc *d = code(t, "2018-03-31", NULL);
    const dactor *a = actor_at(d, t, "Tamil Nadu");
    CHECK(a != NULL && !strcmp(a->code, "INDGOV"));
    a = actor_at(d, t, "Karnataka");
    CHECK(a != NULL && !strcmp(a->code, "INDGOV"));
    a = actor_at(d, t, "Centre of");
    CHECK(a != NULL && !strcmp(a->code, "INDGOV"));
    const dactor *b = actor_at(d, t, "Centre asked");
    CHECK(b != NULL && b == a);
    b = actor_at(d, t, "Centre for");
    CHECK(b == NULL || b != a);
    dyad_doc_free(d);
    const char *u = "Sweden's farmers backed the Centre in the vote, Swedish officials said in Sweden.";
    d = code(u, "2018-03-31", NULL);
    a = actor_at(d, u, "Centre");
    CHECK(a == NULL || strcmp(a->code, "INDGOV") != 0);
    dyad_doc_free(d);
    dic = keep;
    dict_free(x);
}

/* A headline's country is the story's when the text names no other
 * country twice: "BOLIVIAN MINERS ..." over a text that names only a
 * visitor's country once. */
static void test_headline_only_country(void) {
    dict *x = real_dict();
    CHECK(x != NULL);
    if (!x) return;
    dict *keep = dic;
    dic = x;
    const char *t = "Union leaders of the miners and government representatives will resume talks, a spokesman "
                    "said. The labour minister met the visiting West German president.";
    g_title = "BOLIVIAN MINERS, GOVERNMENT CONTINUE STRIKE TALKS";
    dyad_doc *d = code(t, "1987-04-01", NULL);
    const dactor *a = actor_at(d, t, "Union leaders");
    CHECK(a != NULL && !strcmp(a->code, "BOLLAB"));
    a = actor_at(d, t, "labour minister");
    CHECK(a != NULL && !strcmp(a->code, "BOLGOV"));
    dyad_doc_free(d);
    g_title = NULL;
    dic = keep;
    dict_free(x);
}

int main(void) {
    char err[256];
    if (tagger_open_file(&tg, "models/tagger.bin", err, sizeof err) ||
        parser_open_file(&ps, "models/parser.bin", err, sizeof err)) {
        printf("test_actor: models missing (%s)\n", err);
        return 1;
    }
    dic = dict_new();
    size_t n = 0;
    int rc = dict_load_buffer(dic, "test.dict", DICT, sizeof DICT - 1, DICT_DYAD, NULL, NULL, &n, err, sizeof err);
    if (rc || !n) {
        printf("test_actor: the test dictionary does not load (%s)\n", err);
        return 1;
    }
    RUN(test_person_dated);
    RUN(test_groups_and_seats);
    RUN(test_description_and_appositive);
    RUN(test_surname_first_and_rank);
    RUN(test_entities_typed);
    RUN(test_title_cut_from_org);
    RUN(test_wrapped_names);
    RUN(test_org_head_title);
    RUN(test_media_titles);
    RUN(test_body_head);
    RUN(test_former_forms);
    RUN(test_name_forms);
    RUN(test_igo_title);
    RUN(test_generic_party);
    RUN(test_month_not_name);
    RUN(test_campaign_kinds);
    RUN(test_gender_hint);
    RUN(test_hostile);
    RUN(test_bodies);
    RUN(test_companies);
    RUN(test_ethnic_groups);
    RUN(test_coordinated_nationalities);
    RUN(test_foreign_groups);
    RUN(test_org_head_rank);
    RUN(test_headline_home);
    RUN(test_org_heads);
    RUN(test_company_appositive);
    RUN(test_later_names);
    RUN(test_groups_not_roles);
    RUN(test_group_nouns);
    RUN(test_india_states);
    RUN(test_unnamed_countries);
    RUN(test_headline_only_country);
    dict_free(dic);
    tagger_close(tg);
    parser_close(ps);
    TEST_END();
}
