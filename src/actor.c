/* actor.c -- entity typing, mention resolution and actor coding.
 *
 * The NER model finds names and gives them a coarse type (person,
 * organisation, place, other).  This stage turns them into the SPEC's
 * entities and actors in four passes over the document, all linear:
 *
 *  1. Dictionary scan: at every token the longest dictionary name (a
 *     country, an adjective or demonym, a seat of power, an organisation, a
 *     person, a role noun).  Names the NER missed but the dictionaries know
 *     become entities; the NER's places become GPE when the geoparser
 *     resolved them to a country, state or city.
 *  2. The home country: the country the document speaks of most, used for
 *     actors the text gives no country ("Sen. Ted Cruz" in a US story).
 *  3. Mentions in text order.  A person takes its code from the dictionary
 *     (dated: a president-elect is not yet GOV) or from its title
 *     ("French Foreign Minister", "Sen.", "former President") and its
 *     appositive ("Maria Ortiz, a senior fellow at the Brookings
 *     Institution"); later surnames join the first full name; role phrases
 *     without a name ("Turkish police", "the French leader", "officials")
 *     are groups or, singular and definite, descriptions linked to the most
 *     recent compatible person; he/she/his/her go to the most salient person
 *     of the last sentences (a subject beats an object).
 *  4. Output: entities typed and linked, actors with their mentions
 *     grouped by actor.
 *
 * Everything per document lives in the document arena; the dictionaries
 * are read-only, so any number of threads run this at once. */
#include "actor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "place.h"
#include "ud.h"

/* ---- small token helpers ------------------------------------------------ */

static inline int lc(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Token i equals the ASCII word w, ignoring case. */
static int tok_is(const dyad_doc *d, uint32_t i, const char *w) {
    const tok *t = &d->toks[i];
    size_t n = t->end - t->start, k = 0;
    const char *s = d->text + t->start;
    for (; k < n && w[k]; k++)
        if (lc((unsigned char)s[k]) != w[k]) return 0;
    return k == n && !w[k];
}

/* Token i is one of the words of the NULL-terminated list. */
static int tok_in(const dyad_doc *d, uint32_t i, const char *const *list) {
    for (; *list; list++)
        if (tok_is(d, i, *list)) return 1;
    return 0;
}

static int tok_eq(const dyad_doc *d, uint32_t a, uint32_t b) {
    const tok *x = &d->toks[a], *y = &d->toks[b];
    return x->end - x->start == y->end - y->start && !memcmp(d->text + x->start, d->text + y->start, x->end - x->start);
}

/* Tokens a and b are the same word, ignoring ASCII case ("Committee",
 * "committee"). */
static int tok_eq_ci(const dyad_doc *d, uint32_t a, uint32_t b) {
    const tok *x = &d->toks[a], *y = &d->toks[b];
    if (x->end - x->start != y->end - y->start) return 0;
    for (size_t k = 0; k < x->end - x->start; k++)
        if (lc((unsigned char)d->text[x->start + k]) != lc((unsigned char)d->text[y->start + k])) return 0;
    return 1;
}

static const char *const W_MALE[] = {"mr.", "mr", "sir", "lord", "king", "prince", "he", "him", "his", "himself", NULL};
static const char *const W_FEMALE[] = {"mrs.", "mrs", "ms.", "ms", "miss", "dame", "lady", "queen", "princess",
                                       "she", "her", "hers", "herself", NULL};
static const char *const W_HONORIFIC[] = {"mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "dr.", "dr", "sir",
                                          "dame", "lord", "lady", "mx.", NULL};
static const char *const W_FORMER[] = {"former", "ex", "ex-", "onetime", "one-time", "erstwhile", "outgoing", "retired", NULL};
/* Rank words between a nationality and a title the dictionary does not
 * list whole ("Nigerian junior foreign minister", "French deputy
 * finance minister"). */
static const char *const W_MONTH_ABBR[] = {"jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.", "jun",
                                            "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.",
                                            "oct", "oct.", "nov", "nov.", "dec", "dec.", NULL};
static const char *const W_CAMPAIGN_KIND[] = {"terror", "terrorist", "bombing", "military", "air", "ground",
                                               "smear", "vaccination", "advertising", "ad", "publicity", "pressure",
                                               "disinformation", "misinformation", "influence", "lobbying",
                                               "propaganda", "insurgent", "guerrilla", "guerilla", "violent",
                                               "hunger", "recruitment", "recruiting", "counterinsurgency",
                                               "harassment", "intimidation", "hacking", "phishing", "fundraising",
                                               "marketing", "awareness", "boycott", "sanctions", NULL};
static const char *const W_RELATIVE[] = {"who", "whom", "whose", "which", "that", NULL};
static const char *const W_ORG_HEAD[] = {"director", "chairman", "chairwoman", "chair", "head", "chief",
                                          "administrator", "commissioner", "president", "spokesman",
                                          "spokeswoman", "spokesperson", "secretary-general", "boss",
                                          /* media people: "MSNBC host Chris Matthews" */
                                          "host", "co-host", "cohost", "anchor", "anchorman", "anchorwoman",
                                          "moderator", "contributor", "producer", "pundit", NULL};
/* Role nouns of a person who works for a body and so takes its role when
 * the body is named before or after them ("AFL-CIO President Doris
 * Crouse-Mays", "MSNBC host Chris Matthews", "a spokesman for the United
 * Mine Workers"): a union's president is LAB, a network's host MED. */
static const char *const W_OF_ORG[] = {"director", "chairman", "chairwoman", "chair", "head", "chief",
                                       "administrator", "president", "spokesman", "spokeswoman", "spokesperson",
                                       "boss", "host", "co-host", "cohost", "anchor", "anchorman", "anchorwoman",
                                       "moderator", "correspondent", "reporter", "editor", "columnist", "commentator",
                                       "contributor", "producer", "analyst", "writer", "journalist", "strategist",
                                       "pollster", "founder", "co-founder", "executive", "economist", "fellow",
                                       "researcher", "scholar", "official", "member", "staffer", NULL};
/* Titles of people who work in the media ("host", "anchor"): with any
 * organisation's name before them, a media person. */
static const char *const W_MEDIA_TITLE[] = {"host", "co-host", "cohost", "anchor", "anchorman", "anchorwoman",
                                            "moderator", "correspondent", "reporter", "columnist", "commentator",
                                            "contributor", "pundit", "editor", "editor-in-chief", NULL};
/* Given names' initials and name suffixes around a name the NER cut off
 * ("L. Douglas Wilder", "John G. Roberts Jr."). */
static const char *const W_NAME_SUFFIX[] = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv", NULL};
static const char *const W_TITLE_MOD[] = {"junior", "senior", "deputy", "acting", "interim", "chief", "top",
                                          "assistant", "vice", "associate", "principal", "special", NULL};
static const char *const W_DET_DEF[] = {"the", "this", "that", "these", "those", NULL};
static const char *const W_PRON_HE[] = {"he", "him", "his", "himself", NULL};
static const char *const W_PRON_SHE[] = {"she", "her", "hers", "herself", NULL};
static const char *const W_PRON_THEY[] = {"they", "them", "their", "theirs", "themselves", NULL};

/* Last words of names: what kind of thing the name is when nothing else says. */
static const char *const W_FAC[] = {"airport", "palace", "bridge", "square", "street", "avenue", "stadium", "hospital",
                                    "tower", "building", "center", "centre", "hall", "prison", "jail", "base",
                                    "station", "port", "dam", "highway", "road", "embassy", "consulate", "museum",
                                    "cathedral", "mosque", "church", "temple", "plaza", "park", "arena", NULL};
static const char *const W_EVENT[] = {"war", "games", "olympics", "cup", "summit", "conference", "election",
                                      "elections", "revolution", "crisis", "championship", "championships",
                                      "festival", "forum", "uprising", "spring", "massacre", "attacks", "attack",
                                      "convention", "primary", "primaries", "caucus", "caucuses", "debate", NULL};
static const char *const W_LAW[] = {"act", "treaty", "accord", "accords", "agreement", "amendment", "constitution",
                                    "protocol", "bill", "law", "code", "charter", "resolution", "doctrine", NULL};

/* Organisation name endings that give a CAMEO role. */
typedef struct { const char *w; const char *role; } word_role;
static const word_role ORG_ROLE[] = {
    {"party", "PTY"},       {"university", "EDU"},  {"institute", "EDU"},   {"institution", "EDU"},
    {"college", "EDU"},     {"school", "EDU"},      {"foundation", "NGO"},  {"times", "MED"},
    {"post", "MED"},        {"news", "MED"},        {"journal", "MED"},     {"press", "MED"},
    {"tv", "MED"},          {"television", "MED"},  {"radio", "MED"},       {"magazine", "MED"},
    {"herald", "MED"},      {"tribune", "MED"},     {"inc.", "BUS"},        {"inc", "BUS"},
    {"corp.", "BUS"},       {"corp", "BUS"},        {"corporation", "BUS"}, {"co.", "BUS"},
    {"ltd", "BUS"},         {"ltd.", "BUS"},        {"llc", "BUS"},         {"plc", "BUS"},
    {"company", "BUS"},     {"bank", "BUS"},        {"group", "BUS"},       {"army", "MIL"},
    {"navy", "MIL"},        {"forces", "MIL"},      {"police", "COP"},      {"court", "JUD"},
    {"ministry", "GOV"},    {"department", "GOV"},  {"agency", "GOV"},      {"commission", "GOV"},
    {"office", "GOV"},      {"government", "GOV"},  {"administration", "GOV"}, {"council", "GOV"},
    {"parliament", "LEG"},  {"assembly", "LEG"},    {"senate", "LEG"},      {"congress", "LEG"},
    {"committee", "LEG"},   {"union", "LAB"},       {"campaign", "PTY"},    {"exchange", "BUS"},
    {"treasury", "GOV"},    {"daily", "MED"},       {"newshour", "MED"},    {NULL, NULL},
};

/* Head nouns of bodies that a definite description ("the committee",
 * "the panel") uses for the body named just before: "the House Oversight
 * Committee ... the committee subpoenaed". */
static const char *const W_BODY[] = {"committee", "subcommittee", "panel", "commission", "council", "court",
                                     "tribunal", "jury", "agency", "department", "ministry", "bureau", NULL};
/* Of those, the ones that modifying another noun name no actor ("the
 * committee room"), unless that noun is what the body says or does ("a
 * committee report found", "the agency's ruling"): courts and ministries
 * stay actors ("a foreign ministry statement"). */
static const char *const W_BODY_MOD[] = {"committee", "subcommittee", "panel", "commission", "agency", "department",
                                         "bureau", NULL};
static const char *const W_BODY_ACT[] = {"statement", "report", "letter", "memo", "memorandum", "ruling", "order",
                                         "decision", "announcement", "vote", "hearing", "investigation", "inquiry",
                                         "probe", "subpoena", "finding", "recommendation", "request", NULL};
/* Name endings "the panel" may stand for. */
static const char *const W_PANEL_OF[] = {"committee", "subcommittee", "commission", "panel", NULL};

/* ---- state -------------------------------------------------------------- */

typedef struct hit {
    uint32_t t0, t1;
    const dict_entry *e;
} hit;

/* What an actor is, for resolution. */
enum { AK_PERSON = 1, AK_ORG, AK_COUNTRY, AK_PLACE, AK_GROUP, AK_DESC };

typedef struct astate {
    const dict_entry *entry;  /* dictionary entry it was found by, or NULL */
    uint32_t name_t0, name_t1; /* tokens of its fullest name (persons, orgs, places) */
    uint32_t last_tok;        /* its most recent mention */
    uint32_t last_sent;
    uint32_t head;            /* groups: the head token of the phrase (for the lemma key) */
    uint8_t kind;             /* AK_* */
    uint8_t subj;             /* the most recent mention was a clause subject */
    uint8_t centre;           /* India's "the Centre" (india_centre) */
} astate;

typedef struct run {
    const dict *dict;
    dyad_doc *d;
    int32_t date;
    int32_t *hit_at;          /* per token: index of the hit covering it, -1 */
    int32_t *ent_at;          /* per token: index of the (new) entity covering it, -1 */
    uint32_t *sent_of;        /* per token: its sentence */
    uint8_t *used;            /* per token: consumed as a title or an appositive */
    int32_t *tok_actor;       /* per token: the actor of the latest mention covering it, -1 */
    hit *hits;
    size_t nhit;
    dent *ents;
    size_t nent, capent;
    astate *as;
    size_t cap_as;
    char home[4];             /* the home country, "" if none */
    int32_t mru[16];          /* actors by latest mention, most recent first: what pronouns and descriptions can reach */
    int nmru;
} run;

/* How far back a name looks for an earlier mention of the same actor, in
 * actors created: keeps a hostile document with 100,000 names linear. */
#define LOOKBACK 512

static const char *const NONSTATE[] = {"IGO", "NGO", "MNC", "IMG", "UAF", "UIS", "INT", NULL};

/* The country part of a code: its first three letters unless those name
 * a non-state kind (IGO, NGO...). */
static void code_country(const char *code, char out[4]) {
    out[0] = '\0';
    if (!code || strlen(code) < 3) return;
    for (const char *const *p = NONSTATE; *p; p++)
        if (!memcmp(code, *p, 3)) return;
    for (int i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z') return;
    memcpy(out, code, 3);
    out[3] = '\0';
}

static const char *entry_country(const dict_entry *e, int32_t date) {
    (void)date;
    if (!e) return NULL;
    if (e->country && e->country[0]) return e->country;
    return NULL;
}

/* The code an entry gives on the document date; "" when none. */
static const char *entry_code(const dict_entry *e, int32_t date) {
    const dict_code *c = e ? dict_code_at(e, date) : NULL;
    return c ? c->code : "";
}

/* The role part of a role entry (GOV, MIL...). */
static const char *role_code(const run *r, const dict_entry *e) {
    const char *c = entry_code(e, r->date);
    return c;
}

static void put_code(char out[20], const char *country, const char *role, int role_first) {
    out[0] = '\0';
    size_t n = 0;
    const char *a = role_first ? role : country, *b = role_first ? country : role;
    if (a && *a) {
        size_t k = strlen(a);
        if (k > 9) k = 9;
        memcpy(out, a, k);
        n = k;
    }
    if (b && *b) {
        size_t k = strlen(b);
        if (k > 9) k = 9;
        memcpy(out + n, b, k);
        n += k;
    }
    out[n] = '\0';
}

static int hit_kind(const run *r, uint32_t i) {
    int32_t h = r->hit_at[i];
    return h < 0 ? 0 : r->hits[h].e->kind;
}

static const dplace *place_over(const dyad_doc *d, uint32_t start, uint32_t end);
static int corp_word(const dyad_doc *d, uint32_t i);
static int code_business(const char *code);
static int tok_upper(const dyad_doc *d, uint32_t i);

/* Token i may be a word of a company's name before its legal form: a
 * capitalised proper noun (or, unparsed, any capitalised word) that is no
 * role word ("Chairman") and no boilerplate. */
static int proper_word(const run *r, uint32_t i) {
    const dyad_doc *d = r->d;
    const tok *t = &d->toks[i];
    if (t->kind != TOK_WORD || !(t->flags & TOKF_UPPER) || (t->flags & TOKF_BOILER)) return 0;
    int32_t h = r->hit_at[i];
    /* "General" is a rank, and the first word of "General Partners" */
    if (h >= 0 && (r->hits[h].e->kind == DE_ROLE || r->hits[h].e->kind == DE_AGENT) && !tok_is(d, i, "general")) return 0;
    if (!d->an) return 1;
    /* the tagger often misses a firm's first word ("Bally" an adverb):
     * any capitalised content word but the sentence adverbs that open wire
     * copy */
    static const char *const opener[] = {"yesterday", "today", "tomorrow", "meanwhile", "however", "separately",
                                         "earlier", "later", "now", "also", "still", "instead", "overall", "finally",
                                         "analysts", "shares", "traders", "dealers", "sources", "officials", "when",
                                         "while", "after", "before", "as", "if", "since", "because", "although",
                                         "but", "and", "so", "then", "thus", "under", "in", NULL};
    switch (d->an[i].upos) {
    case UPOS_PROPN: return 1;
    case UPOS_NOUN:
    case UPOS_ADJ:
    case UPOS_ADV:
    case UPOS_X: return !tok_in(d, i, opener);
    default: return 0;
    }
}

/* Every word of tokens [t0, t1) is capitalised: a bare name, no "X of Y". */
static int all_upper(const dyad_doc *d, uint32_t t0, uint32_t t1) {
    for (uint32_t k = t0; k < t1; k++)
        if (d->toks[k].kind == TOK_WORD && !(d->toks[k].flags & TOKF_UPPER)) return 0;
    return 1;
}

/* Token i is an ampersand between two words of a firm's name ("Hartman
 * & Tyner Inc"): a proper word before it, after first. */
static int amp_join(const run *r, uint32_t i, uint32_t first) {
    return i > first && tok_is(r->d, i, "&") && proper_word(r, i - 1);
}

/* Tokens [t0, t1) are one stock symbol in angle brackets ("<DIA>",
 * "<DMP.MO>"): capitals, digits and dots. */
static int ticker_inside(const dyad_doc *d, uint32_t t0, uint32_t t1) {
    if (t1 != t0 + 1 || t0 == 0 || t1 >= d->ntok || !tok_is(d, t0 - 1, "<") || !tok_is(d, t1, ">")) return 0;
    const tok *t = &d->toks[t0];
    for (uint32_t k = t->start; k < t->end; k++) {
        char c = d->text[k];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.')) return 0;
    }
    return 1;
}

/* ---- pass 1: dictionary scan -------------------------------------------- */

/* A sentence mostly in capitals (a wire headline): names match without case. */
static int sent_caseless(const dyad_doc *d, const sent *s) {
    unsigned alpha = 0, caps = 0;
    for (uint32_t i = s->first; i < s->last; i++) {
        if (!(d->toks[i].flags & TOKF_HAS_ALPHA)) continue;
        alpha++;
        if (d->toks[i].flags & TOKF_ALLCAPS) caps++;
    }
    return alpha >= 3 && caps * 10 >= alpha * 8;
}

/* Whether a match may stand: imported dictionaries are case-blind, so a
 * name must look like one ("turkey" the bird is no country); a role noun
 * must be a noun ("general" the adjective is no officer). */
/* A headline in title case ("Clinton Speaks On Health"): capitals say
 * nothing about names there. */
static int sent_titlecase(const dyad_doc *d, const sent *s) {
    unsigned words = 0, caps = 0;
    for (uint32_t i = s->first; i < s->last; i++) {
        if (!(d->toks[i].flags & TOKF_HAS_ALPHA) || d->toks[i].end - d->toks[i].start < 4) continue;
        words++;
        if (d->toks[i].flags & TOKF_UPPER) caps++;
    }
    return words >= 3 && caps * 10 >= words * 8;
}

static int hit_ok(const dyad_doc *d, const dict_entry *e, uint32_t t0, uint32_t t1, int caseless) {
    const tokan *an = d->an;
    switch (e->kind) {
    case DE_ROLE:
    case DE_AGENT: {
        if (!an) return 1;
        uint8_t u = an[t1 - 1].upos;
        if (u == UPOS_NOUN || u == UPOS_PROPN) return 1;
        /* a postpositive "general" is often tagged an adjective: "the
         * attorney general said", "the inspector general found" */
        if (t1 - t0 > 1 && tok_is(d, t1 - 1, "general")) return 1;
        /* a title before a name: "Sen. Cruz" may be tagged anything */
        return e->title && t1 < d->ntok && (d->toks[t1].flags & TOKF_UPPER);
    }
    default:
        if (caseless) return 1;
        return (d->toks[t0].flags & TOKF_UPPER) || !(d->toks[t0].flags & TOKF_HAS_ALPHA);
    }
}

static int scan_dict(run *r) {
    dyad_doc *d = r->d;
    for (size_t si = 0; si < d->nsent; si++) {
        const sent *s = &d->sents[si];
        int caseless = sent_caseless(d, s);
        for (uint32_t i = s->first; i < s->last;) {
            if (d->toks[i].flags & TOKF_BOILER || !(d->toks[i].flags & (TOKF_HAS_ALPHA))) {
                i++;
                continue;
            }
            const dict_entry *e = NULL;
            int n = dict_match(r->dict, d, i, s->last, caseless, &e);
            if (n > 0 && e && (e->kind == DE_COUNTRY || e->kind == DE_ADJ || e->kind == DE_SEAT)) {
                /* "Jersey" in "New Jersey", "Mexico" in "New Mexico": the
                 * geoparser's longer place wins */
                const dplace *p = place_over(d, d->toks[i].start, d->toks[i + (uint32_t)n - 1].end);
                if (p && (p->start < d->toks[i].start || p->end > d->toks[i + (uint32_t)n - 1].end)) e = NULL;
            }
            if (n == 1 && e && e->kind == DE_PERSON && !caseless && !sent_titlecase(d, s)) {
                /* a lone surname inside another name is someone else:
                 * "Graham Potter", "Martha Graham" */
                uint32_t nx = i + 1;
                int next_cap = nx < s->last && (d->toks[nx].flags & TOKF_UPPER) && d->toks[nx].kind == TOK_WORD &&
                               !(d->toks[nx].flags & TOKF_NL_BEFORE);
                int prev_cap = i > s->first && (d->toks[i - 1].flags & TOKF_UPPER) && d->toks[i - 1].kind == TOK_WORD &&
                               r->hit_at[i - 1] < 0 && !tok_in(d, i - 1, W_HONORIFIC);
                if (next_cap || prev_cap) e = NULL;
            }
            if (n > 0 && e && hit_ok(d, e, i, i + (uint32_t)n, caseless)) {
                hit *h = &r->hits[r->nhit];
                h->t0 = i;
                h->t1 = i + (uint32_t)n;
                h->e = e;
                for (uint32_t k = i; k < h->t1; k++) r->hit_at[k] = (int32_t)r->nhit;
                r->nhit++;
                i += (uint32_t)n;
            } else {
                i++;
            }
        }
    }
    return DYAD_OK;
}

/* ---- pass 1b: entities --------------------------------------------------- */

static int push_ent(run *r, const dent *e) {
    if (r->nent == r->capent) return -1; /* sized for the worst case up front */
    r->ents[r->nent++] = *e;
    return 0;
}

static const dplace *place_over(const dyad_doc *d, uint32_t start, uint32_t end) {
    size_t i = doc_place_after(d, start);
    return i < d->nplace && d->places[i].start < end ? &d->places[i] : NULL;
}

static uint8_t type_of_entry(const dyad_doc *d, const dict_entry *e, uint32_t start, uint32_t end) {
    switch (e->kind) {
    case DE_COUNTRY: return ENT_GPE;
    case DE_ADJ: return ENT_NORP;
    case DE_SEAT: {
        /* "Ankara said": the city; "the White House said": an institution
         * (the Tennessee town of that name notwithstanding) */
        const char *n = d->text + end;
        size_t k = 0;
        while (n > d->text + start && n[-1] != ' ') n--, k++;
        static const char *const inst[] = {"house", "palace", "street", "office", "kremlin", "chancellery",
                                           "élysée", "elysee", "kantei", "zhongnanhai", "bhavan", "rosada",
                                           "planalto", "pentagon", "hall", NULL};
        for (const char *const *w = inst; *w; w++)
            if (strlen(*w) == k && !strncasecmp(n, *w, k)) return ENT_ORG;
        return place_over(d, start, end) ? ENT_GPE : ENT_ORG;
    }
    case DE_PERSON: return ENT_PERSON;
    case DE_ORG: return ENT_ORG;
    case DE_ACTOR: {
        const dict_code *c = dict_code_at(e, 0);
        if (c && strlen(c->code) == 3) {
            char cc[4];
            code_country(c->code, cc);
            if (cc[0]) return ENT_GPE;
        }
        return ENT_ORG;
    }
    default: return ENT_NONE;
    }
}

/* The SPEC type of a NER mention of coarse type t. */
static uint8_t refine_type(run *r, const dent *e) {
    dyad_doc *d = r->d;
    uint32_t last = e->tok1 - 1;
    /* a dictionary name covering the whole mention decides */
    int32_t h = r->hit_at[e->tok0];
    if (h >= 0 && r->hits[h].t1 >= e->tok1) {
        uint8_t t = type_of_entry(d, r->hits[h].e, e->start, e->end);
        if (t == ENT_NORP && e->type == ENT_PERSON) return ENT_PERSON;
        /* a company the dictionary knows ("Renault", "Chase Manhattan") is
         * one even when the NER took it for a person */
        if (t == ENT_ORG && e->type == ENT_PERSON && r->hits[h].e->kind == DE_ORG &&
            code_business(entry_code(r->hits[h].e, r->date)))
            return ENT_ORG;
        if (t != ENT_NONE && !(e->type == ENT_PERSON && t == ENT_ORG)) return t;
    }
    switch (e->type) {
    case ENT_LOC: {
        if (tok_in(d, last, W_FAC)) return ENT_FAC;
        const dplace *p = place_over(d, e->start, e->end);
        if (p && p->feature &&
            (!strcmp(p->feature, "continent") || !strcmp(p->feature, "region") || !strcmp(p->feature, "ocean") ||
             !strcmp(p->feature, "sea") || !strcmp(p->feature, "river") || !strcmp(p->feature, "mountain")))
            return ENT_LOC;
        return p ? ENT_GPE : ENT_LOC;
    }
    case ENT_MISC: {
        if (h >= 0 && r->hits[h].e->kind == DE_ADJ) return ENT_NORP;
        if (tok_in(d, last, W_EVENT)) return ENT_EVENT;
        if (tok_in(d, last, W_LAW)) return ENT_LAW;
        if (e->tok0 > 0 && (d->toks[e->tok0 - 1].flags & TOKF_OPEN_QUOTE)) return ENT_WORK_OF_ART;
        /* "Republicans", "Democrats", "Shiites": groups of people */
        const tok *t = &d->toks[last];
        size_t n = t->end - t->start;
        const char *s = d->text + t->start;
        if (e->tok1 - e->tok0 == 1 && n > 4 && s[n - 1] == 's' && (d->toks[last].flags & TOKF_UPPER)) return ENT_NORP;
        if (e->tok1 - e->tok0 == 1 && n > 3 &&
            ((s[n - 1] == 'n' && s[n - 2] == 'a') || (s[n - 1] == 'e' && s[n - 2] == 's' && s[n - 3] == 'e') ||
             (s[n - 1] == 'h' && s[n - 2] == 's' && s[n - 3] == 'i')))
            return ENT_NORP;
        return ENT_NONE; /* a name of unknown kind: dropped */
    }
    case ENT_PERSON: {
        /* "Breitbart News Daily", "Fox News Sunday": a person's name has
         * no news words; the NER's person is a show or an outlet */
        static const char *const news[] = {"news", "daily", "newsweek", "newshour", NULL};
        if (e->tok1 - e->tok0 >= 2)
            for (uint32_t k = e->tok0 + 1; k < e->tok1; k++)
                if ((d->toks[k].flags & TOKF_UPPER) && tok_in(d, k, news)) return ENT_ORG;
        return e->type;
    }
    default: return e->type;
    }
}

static int cmp_ent(const void *a, const void *b) {
    const dent *x = a, *y = b;
    if (x->tok0 != y->tok0) return x->tok0 < y->tok0 ? -1 : 1;
    return x->tok1 < y->tok1 ? 1 : (x->tok1 > y->tok1 ? -1 : 0);
}

/* Is the document hard-wrapped wire copy, its line breaks mostly inside
 * sentences ("board chairman John\nTower, a longtime Reagan supporter")?
 * Four or more line breaks that are not paragraph breaks, two thirds of
 * them after a word or a comma rather than a sentence's end. */
static int hard_wrapped(const dyad_doc *d) {
    uint32_t nl = 0, inside = 0;
    for (size_t i = 1; i < d->ntok; i++) {
        const tok *t = &d->toks[i];
        if (!(t->flags & TOKF_NL_BEFORE) || (t->flags & TOKF_PARA_BEFORE)) continue;
        nl++;
        const tok *p = &d->toks[i - 1];
        char c = d->text[p->end - 1];
        if (p->kind == TOK_WORD || c == ',') inside++;
    }
    return nl >= 4 && inside * 3 >= nl * 2;
}

static int build_ents(run *r) {
    dyad_doc *d = r->d;
    /* NER mentions, typed; one that starts with a title loses it ("President
     * Obama" -> "Obama": the title is a role, not part of the name). */
    uint32_t covered = 0; /* tokens before this belong to a mention already made */
    int wrapped = hard_wrapped(d);
    for (size_t i = 0; i < d->nent; i++) {
        dent e = d->ents[i];
        if (e.tok1 <= e.tok0 || e.tok1 > d->ntok) continue;
        if (e.tok0 < covered) continue;
        /* a name does not run over a line break ("Vince\nJeff" in a
         * signature block, a sentence per line), but does over the wrap of
         * hard-wrapped wire copy ("board chairman John\nTower"); a
         * paragraph break always cuts */
        for (uint32_t t = e.tok0 + 1; t < e.tok1; t++)
            if ((d->toks[t].flags & TOKF_PARA_BEFORE) || ((d->toks[t].flags & TOKF_NL_BEFORE) && !wrapped)) {
                e.tok1 = t;
                break;
            }
        /* a longer dictionary name over the mention wins: the NER may cut
         * "Luiz Inácio Lula da Silva" into pieces, the dictionary knows it */
        for (uint32_t t = e.tok0; t < e.tok1; t++) {
            int32_t h = r->hit_at[t];
            if (h < 0) continue;
            const hit *x = &r->hits[h];
            int k = x->e->kind;
            if (k == DE_ROLE || k == DE_AGENT || k == DE_ADJ) continue;
            if (x->t1 - x->t0 >= 2 && x->t1 - x->t0 > e.tok1 - e.tok0 && x->t0 >= covered) {
                e.tok0 = x->t0 < e.tok0 ? x->t0 : e.tok0;
                e.tok1 = x->t1 > e.tok1 ? x->t1 : e.tok1;
                if (k == DE_PERSON) e.type = ENT_PERSON;
            }
            break;
        }
        /* "Vermont Gov." tagged ORG before the PERSON "Peter Shumlin": a
         * title the NER cut from its name; the words before the title
         * stay a name of their own ("Vermont"), the title goes to the
         * person (title_left) */
        if (e.type != ENT_PERSON && i + 1 < d->nent && d->ents[i + 1].type == ENT_PERSON &&
            d->ents[i + 1].tok0 == e.tok1 && e.tok1 - e.tok0 >= 2) {
            uint32_t t = e.tok1 - 1;
            int hk = hit_kind(r, t);
            if (tok_in(d, t, W_HONORIFIC)) e.tok1 = t;
            else if ((hk == DE_ROLE || hk == DE_AGENT) && r->hits[r->hit_at[t]].t0 > e.tok0)
                e.tok1 = r->hits[r->hit_at[t]].t0;
            if (e.tok1 <= t && place_over(d, d->toks[e.tok0].start, d->toks[e.tok1 - 1].end)) e.type = ENT_LOC;
        }
        {
            /* company names the NER cut short or in two: "Diamond Shamrock"
             * + "Corp", "Aetna Life" + "and" + "Casualty Co" */
            uint32_t last = d->sents[r->sent_of[e.tok0]].last;
            if (e.type != ENT_PERSON && e.tok1 + 2 < last && tok_is(d, e.tok1, "and") && !corp_word(d, e.tok1 - 1)) {
                uint32_t t = e.tok1 + 1;
                while (t < last && t < e.tok1 + 8 && tok_upper(d, t) && d->toks[t].kind == TOK_WORD && !corp_word(d, t)) t++;
                uint32_t c = t;
                while (t < last && corp_word(d, t)) t++;
                if (t > c) e.tok1 = t, e.type = ENT_ORG;
            }
            /* "Dome" (a place to the geoparser) + "Petroleum Ltd" */
            if (e.type != ENT_PERSON && i + 1 < d->nent && d->ents[i + 1].tok0 == e.tok1 && d->ents[i + 1].type == ENT_ORG &&
                d->ents[i + 1].tok1 <= last && d->ents[i + 1].tok1 - e.tok0 <= 10 &&
                !(d->toks[e.tok1].flags & TOKF_NL_BEFORE && !wrapped) &&
                (corp_word(d, d->ents[i + 1].tok1 - 1) ||
                 (d->ents[i + 1].tok1 < last && corp_word(d, d->ents[i + 1].tok1))))
                e.tok1 = d->ents[i + 1].tok1, e.type = ENT_ORG;
            uint32_t t = e.tok1;
            /* "Eli Lilly and Co", "Procter & Gamble Co" cut before "and" */
            if (t + 1 < last && (tok_is(d, t, "and") || tok_is(d, t, "&")) &&
                (tok_is(d, t + 1, "co") || tok_is(d, t + 1, "co.") || tok_is(d, t + 1, "cos") ||
                 tok_is(d, t + 1, "cos.") || tok_is(d, t + 1, "company")) &&
                tok_upper(d, t + 1) && all_upper(d, e.tok0, e.tok1))
                t += 2;
            else
                t = e.tok1;
            uint32_t t_amp = t;
            while (t < last && t < t_amp + 3 && corp_word(d, t) && !(d->toks[t].flags & TOKF_NL_BEFORE && !wrapped)) t++;
            if (t > e.tok1 && hit_kind(r, e.tok0) != DE_PERSON) e.tok1 = t, e.type = ENT_ORG;
            /* "Bally Manufacturing" + "Corp" with only "Corp" found: the
             * proper nouns before a legal form are the company's name */
            if (e.type == ENT_ORG && corp_word(d, e.tok1 - 1)) {
                uint32_t first = d->sents[r->sent_of[e.tok0]].first;
                /* "Hartman & Tyner Inc." with "Hartman" a name of its
                 * own to the NER: one firm's name */
                if (e.tok0 > first + 1 && tok_is(d, e.tok0 - 1, "&") && r->nent > 0 &&
                    r->ents[r->nent - 1].tok1 == e.tok0 - 1 && r->ents[r->nent - 1].tok1 - r->ents[r->nent - 1].tok0 <= 2 &&
                    tok_upper(d, e.tok0 - 2) && r->hit_at[e.tok0 - 2] < 0) {
                    dent *pv = &r->ents[--r->nent];
                    for (uint32_t k = pv->tok0; k < pv->tok1; k++) r->ent_at[k] = -1;
                    e.tok0 = pv->tok0;
                    covered = pv->tok0;
                }
                while (e.tok0 > first && e.tok0 > covered && e.tok1 - e.tok0 < 10 &&
                       (proper_word(r, e.tok0 - 1) || amp_join(r, e.tok0 - 1, first)) &&
                       !(d->toks[e.tok0].flags & TOKF_NL_BEFORE && !wrapped))
                    e.tok0--;
            }
        }
        /* a stock symbol ("<DIA>") is no name of its own */
        if (ticker_inside(d, e.tok0, e.tok1)) continue;
        covered = e.tok1;
        /* "Mrs. Clinton" is a person whatever the model said */
        if (e.tok1 - e.tok0 > 1 && tok_in(d, e.tok0, W_HONORIFIC)) e.type = ENT_PERSON;
        if (e.type == ENT_PERSON) {
            /* the name follows its title: "Wells Fargo CEO John Stumpf",
             * "Massachusetts Sen. Elizabeth Warren" -> the last role word
             * or honorific inside the mention ends the title */
            uint32_t cut = e.tok0;
            for (uint32_t t = e.tok0; t + 1 < e.tok1; t++) {
                int hk = hit_kind(r, t);
                if (tok_in(d, t, W_HONORIFIC)) cut = t + 1;
                else if ((hk == DE_ROLE || hk == DE_AGENT) && r->hits[r->hit_at[t]].t1 < e.tok1) {
                    cut = r->hits[r->hit_at[t]].t1;
                    t = cut - 1;
                }
            }
            e.tok0 = cut;
            /* "Bill O'Reilly of Fox News": the name ends before "of" or a comma */
            for (uint32_t t = e.tok0 + 1; t < e.tok1; t++)
                if (tok_is(d, t, "of") || tok_is(d, t, ",")) {
                    e.tok1 = t;
                    break;
                }
            /* a headline's "Clinton Speaks", "Trump Face": a known surname
             * followed by words that are not names */
            if (e.tok1 - e.tok0 >= 2 && hit_kind(r, e.tok0) == DE_PERSON && r->hits[r->hit_at[e.tok0]].t1 < e.tok1) {
                uint32_t ht1 = r->hits[r->hit_at[e.tok0]].t1;
                if ((d->an && d->an[ht1].upos != UPOS_PROPN) || sent_titlecase(d, &d->sents[r->sent_of[e.tok0]]))
                    e.tok1 = ht1;
            }
            /* a known person's name inside a longer mention: "Rip Donald Trump" */
            for (uint32_t t = e.tok0; t < e.tok1; t++) {
                int32_t h = r->hit_at[t];
                if (h >= 0 && r->hits[h].e->kind == DE_PERSON && r->hits[h].t1 <= e.tok1 &&
                    r->hits[h].t1 - r->hits[h].t0 >= 2) {
                    e.tok0 = r->hits[h].t0;
                    e.tok1 = r->hits[h].t1;
                    break;
                }
            }
        }
        if (tok_is(d, e.tok0, "the") && e.tok1 - e.tok0 > 1) e.tok0++;
        /* "Dec", "Apr." alone: a month in commodity tables ("Dec/Jan
         * shipment"), not a name */
        if (e.tok1 - e.tok0 == 1 && tok_in(d, e.tok0, W_MONTH_ABBR)) continue;
        e.start = d->toks[e.tok0].start;
        e.end = d->toks[e.tok1 - 1].end;
        e.type = refine_type(r, &e);
        if (e.type == ENT_NONE) continue;
        e.actor = -1;
        if (push_ent(r, &e)) return DYAD_ENOMEM;
        for (uint32_t k = e.tok0; k < e.tok1; k++) r->ent_at[k] = (int32_t)(r->nent - 1);
    }
    /* Company names the NER missed entirely: proper nouns ending in a
     * legal form ("Bally Manufacturing Corp said ..."). */
    for (size_t si = 0; si < d->nsent; si++) {
        const sent *s = &d->sents[si];
        for (uint32_t k = s->first + 1; k < s->last; k++) {
            if (!corp_word(d, k) || r->ent_at[k] >= 0 || (d->toks[k].flags & TOKF_BOILER)) continue;
            uint32_t l = k;
            while (l > s->first && k - l < 8 && r->ent_at[l - 1] < 0 &&
                   (proper_word(r, l - 1) || amp_join(r, l - 1, s->first)) &&
                   !(d->toks[l].flags & TOKF_NL_BEFORE && !wrapped))
                l--;
            if (l == k) continue;
            uint32_t t1 = k + 1;
            while (t1 < s->last && t1 < k + 3 && corp_word(d, t1) && r->ent_at[t1] < 0) t1++;
            dent e = {.start = d->toks[l].start, .end = d->toks[t1 - 1].end, .tok0 = l, .tok1 = t1, .actor = -1,
                      .type = ENT_ORG};
            if (push_ent(r, &e)) return DYAD_ENOMEM;
            for (uint32_t t = l; t < t1; t++) r->ent_at[t] = (int32_t)(r->nent - 1);
            k = t1 - 1;
        }
    }
    /* Dictionary names the NER missed. */
    for (size_t i = 0; i < r->nhit; i++) {
        const hit *h = &r->hits[i];
        int k = h->e->kind;
        if (k == DE_ROLE || k == DE_AGENT) continue;
        int overlap = 0;
        for (uint32_t t = h->t0; t < h->t1 && !overlap; t++) overlap = r->ent_at[t] >= 0;
        if (overlap || ticker_inside(d, h->t0, h->t1)) continue;
        dent e = {.start = d->toks[h->t0].start, .end = d->toks[h->t1 - 1].end, .tok0 = h->t0, .tok1 = h->t1, .actor = -1};
        e.type = type_of_entry(d, h->e, e.start, e.end);
        if (e.type == ENT_NONE) continue;
        if (push_ent(r, &e)) return DYAD_ENOMEM;
    }
    if (r->nent > 1) qsort(r->ents, r->nent, sizeof *r->ents, cmp_ent);
    for (uint32_t t = 0; t < d->ntok; t++) r->ent_at[t] = -1;
    for (size_t i = 0; i < r->nent; i++)
        for (uint32_t t = r->ents[i].tok0; t < r->ents[i].tok1; t++)
            if (r->ent_at[t] < 0) r->ent_at[t] = (int32_t)i;
    return DYAD_OK;
}

/* ---- pass 2: the home country ------------------------------------------- */

typedef struct ccount {
    char cc[4];
    unsigned n;
} ccount;

static void count_country(ccount *tab, size_t *ntab, const char *cc, unsigned w) {
    if (!cc || strlen(cc) != 3) return;
    for (size_t i = 0; i < *ntab; i++)
        if (!memcmp(tab[i].cc, cc, 4)) {
            tab[i].n += w;
            return;
        }
    if (*ntab == 64) return;
    memcpy(tab[*ntab].cc, cc, 4);
    tab[*ntab].n = w;
    (*ntab)++;
}

/* Party names many countries use: "Christian Democrats", "Social
 * Democrats", "Labour", "Greens". */
static const char *const GENERIC_PARTY[] = {"christian democrats", "christian democratic party", "social democrats",
                                            "labour", "labour party", "labor party", "greens", "green party",
                                            "socialists", "socialist party", "communists", "communist party",
                                            "conservatives", "conservative party", "liberals", "liberal party", NULL};

/* Are tokens [t0, t1) one of GENERIC_PARTY? */
static int generic_party(const dyad_doc *d, uint32_t t0, uint32_t t1) {
    for (const char *const *g = GENERIC_PARTY; *g; g++) {
        const char *w = *g;
        uint32_t t = t0;
        while (*w && t < t1) {
            size_t n = strcspn(w, " ");
            const tok *k = &d->toks[t];
            if (k->end - k->start != n) break;
            size_t i = 0;
            while (i < n && lc((unsigned char)d->text[k->start + i]) == w[i]) i++;
            if (i < n) break;
            w += n;
            if (*w == ' ') w++;
            t++;
        }
        if (!*w && t == t1) return 1;
    }
    return 0;
}

/* The token that starts at byte b, -1 if none. */
static int32_t tok_at_byte(const dyad_doc *d, uint32_t b) {
    size_t t = doc_tok_after(d, b);
    return t < d->ntok && d->toks[t].start == b ? (int32_t)t : -1;
}

static void note_hit_country(const run *r, const dict_entry *e, char out[4]);

/* The country the document's title opens with ("JAPAN CONSIDERING...",
 * "Canada's X", "TOKYO BIDS TO..."): a country, its adjective or its
 * seat of power as the title's first words, into cc ("" if none). */
static void headline_country(const run *r, char cc[4]) {
    cc[0] = '\0';
    const char *t = r->d->field[DYAD_FIELD_TITLE];
    size_t n = r->d->field_len[DYAD_FIELD_TITLE];
    if (!t || !n || !r->dict) return;
    dict_word w[4];
    uint32_t nw = 0;
    size_t i = 0;
    while (nw < 4 && i < n) {
        while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n')) i++;
        size_t b = i;
        while (i < n && t[i] != ' ' && t[i] != '\t' && t[i] != '\n') i++;
        size_t e = i;
        /* "Canada's", "JAPAN:", "CANADA," */
        while (e > b && (t[e - 1] == ',' || t[e - 1] == ':' || t[e - 1] == ';')) e--;
        if (e - b > 2 && t[e - 2] == '\'' && (t[e - 1] == 's' || t[e - 1] == 'S')) e -= 2;
        if (e > b) w[nw].s = t + b, w[nw].n = (uint32_t)(e - b), nw++;
        if (e < i) break; /* punctuation ends the subject */
    }
    if (!nw) return;
    /* "Burma leader's visit to Washington", "Ukraine trade mission visits
     * Nigeria": the visitor's country is not where the story happens */
    static const char *const visit[] = {"visit", "visits", "visiting", "visited", "trip", "tour", "arrives", "heads",
                                        NULL};
    for (size_t b = 0; b < n;) {
        while (b < n && !((t[b] | 32) >= 'a' && (t[b] | 32) <= 'z')) b++;
        size_t e0 = b;
        while (b < n && ((t[b] | 32) >= 'a' && (t[b] | 32) <= 'z')) b++;
        for (const char *const *v = visit; *v && b > e0; v++)
            if (strlen(*v) == b - e0 && !strncasecmp(t + e0, *v, b - e0)) return;
    }
    const dict_entry *e = NULL;
    uint32_t k = (uint32_t)dict_match_words(r->dict, w, nw, 0, &e);
    if (!k && nw > 1 && w[0].n == 3 && !strncasecmp(w[0].s, "the", 3)) k = (uint32_t)dict_match_words(r->dict, w, nw, 1, &e);
    if (!k || !e || (e->kind != DE_COUNTRY && e->kind != DE_ADJ && e->kind != DE_SEAT)) return;
    /* a capital only in a wire headline's capitals ("TOKYO BIDS TO..."):
     * "Paris PD: ..." is as often a Texas town's */
    if (e->kind == DE_SEAT)
        for (uint32_t j = 0; j < k; j++)
            for (uint32_t c = 0; c < w[j].n; c++)
                if (w[j].s[c] >= 'a' && w[j].s[c] <= 'z') return;
    note_hit_country(r, e, cc);
}

static void home_country(run *r) {
    ccount tab[64];
    size_t ntab = 0;
    unsigned total = 0;
    for (size_t i = 0; i < r->nhit; i++) {
        const dict_entry *e = r->hits[i].e;
        if (e->kind == DE_ROLE || e->kind == DE_AGENT) continue;
        if (e->kind == DE_ORG && generic_party(r->d, r->hits[i].t0, r->hits[i].t1)) continue; /* whose, it decides */
        /* another body's name inside a company's ("CPC" in "CPC
         * International Inc"): not what the story is about */
        int32_t x = r->ent_at[r->hits[i].t0];
        if (x >= 0 && r->ents[x].type == ENT_ORG && corp_word(r->d, r->ents[x].tok1 - 1) &&
            !code_business(entry_code(e, r->date)) &&
            (r->ents[x].tok0 < r->hits[i].t0 || r->ents[x].tok1 > r->hits[i].t1))
            continue;
        char cc[4];
        const char *c = entry_country(e, r->date);
        if (!c) {
            code_country(entry_code(e, r->date), cc);
            c = cc[0] ? cc : NULL;
        }
        if (c) count_country(tab, &ntab, c, 1), total++;
    }
    for (size_t i = 0; i < r->d->nplace; i++) {
        const dplace *p = &r->d->places[i];
        if (!p->country[0]) continue;
        /* "Dome" in "Dome Petroleum Ltd" is no place the story is about */
        int32_t t = tok_at_byte(r->d, p->start);
        if (t >= 0 && r->ent_at[t] >= 0 && r->ents[r->ent_at[t]].type == ENT_ORG &&
            r->ents[r->ent_at[t]].tok1 - r->ents[r->ent_at[t]].tok0 > 1 && corp_word(r->d, r->ents[r->ent_at[t]].tok1 - 1))
            continue;
        count_country(tab, &ntab, p->country, 1), total++;
    }
    /* the country a headline opens with is what the story is about:
     * "JAPAN CONSIDERING BUYING U.S. SUPERCOMPUTERS", "CANADA VOWS TO
     * FIGHT U.S. POTASH ACTION" -- a trade story names the other side as
     * often, and the minister it quotes without a nationality is the
     * headline's */
    char hcc[4] = "";
    headline_country(r, hcc);
    size_t best = ntab;
    for (size_t i = 0; i < ntab; i++)
        if (best == ntab || tab[i].n > tab[best].n) best = i;
    r->home[0] = '\0';
    if (best < ntab && tab[best].n >= 2 && tab[best].n * 10 >= total * 3) memcpy(r->home, tab[best].cc, 4);
    /* ... when the text names it at least half as often as the most
     * named country (a wire story about Canada names the U.S. more) */
    if (hcc[0] && best < ntab)
        for (size_t i = 0; i < ntab; i++)
            if (!memcmp(tab[i].cc, hcc, 4) && tab[i].n >= 2 && tab[i].n * 2 >= tab[best].n) memcpy(r->home, hcc, 4);
    /* ... and when the text settles on no country at all: under
     * "BOLIVIAN MINERS, GOVERNMENT CONTINUE STRIKE TALKS" a text that names
     * no country but a visitor's gives "union leaders" and "labour minister
     * Alfredo Franco" the headline's, as a lower-case text ("venezuela's
     * biggest private company") under "Venezuela's ..." does */
    if (hcc[0] && !r->home[0]) {
        int other = 0;
        for (size_t i = 0; i < ntab; i++)
            if (memcmp(tab[i].cc, hcc, 4) && tab[i].n >= 2) other = 1;
        if (!other) memcpy(r->home, hcc, 4);
    }
}

/* ---- pass 3: actors ------------------------------------------------------ */

static int new_actor(run *r, int kind, const char *name, uint8_t type) {
    dyad_doc *d = r->d;
    if (d->nactor == r->cap_as) return -1;
    dactor a;
    memset(&a, 0, sizeof a);
    a.name = name;
    a.type = type;
    if (doc_push_actor(d, &a)) return -1;
    astate *s = &r->as[d->nactor - 1];
    memset(s, 0, sizeof *s);
    s->kind = (uint8_t)kind;
    return (int)(d->nactor - 1);
}

/* A copy of text [start, end) for a name or a role, each run of white
 * space one space: hard-wrapped copy gives "John\nTower", which a user
 * searching the store for "John Tower" must find. */
static const char *arena_span(dyad_doc *d, uint32_t start, uint32_t end) {
    char *p = arena_alloc(&d->a, end - start + 1);
    if (!p) return NULL;
    size_t o = 0;
    for (uint32_t i = start; i < end; i++) {
        char c = d->text[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
            if (o && p[o - 1] == ' ') continue;
            c = ' ';
        }
        p[o++] = c;
    }
    p[o] = '\0';
    return p;
}

static int add_role(dyad_doc *d, dactor *a, const char *role) {
    if (!role || !*role) return 0;
    for (uint32_t i = 0; i < a->nroles; i++)
        if (!strcmp(a->roles[i], role)) return 0;
    if (a->nroles >= 8) return 0;
    const char **nr = arena_alloc(&d->a, (a->nroles + 1) * sizeof *nr);
    if (!nr) return -1;
    if (a->nroles) memcpy(nr, a->roles, a->nroles * sizeof *nr);
    nr[a->nroles++] = role;
    a->roles = nr;
    return 0;
}

static void set_code(dactor *a, const char *code) {
    if (!code) return;
    snprintf(a->code, sizeof a->code, "%s", code);
    char cc[4];
    code_country(code, cc);
    memcpy(a->country, cc, 4);
}

static int mention(run *r, int actor, uint32_t t0, uint32_t t1) {
    dyad_doc *d = r->d;
    astate *s = &r->as[actor];
    s->last_tok = t1 - 1;
    s->last_sent = r->sent_of[t0];
    s->subj = 0;
    for (uint32_t k = t0; k < t1; k++) r->tok_actor[k] = actor;
    if (d->an)
        for (uint32_t k = t0; k < t1; k++) {
            uint8_t rel = d->an[k].deprel;
            if ((rel == DEP_NSUBJ || rel == DEP_NSUBJ_PASS) && (d->an[k].head < (int32_t)t0 || d->an[k].head >= (int32_t)t1))
                s->subj = 1;
        }
    d->actors[actor].nmention++;
    int k = 0;
    while (k < r->nmru && r->mru[k] != actor) k++;
    if (k == r->nmru && r->nmru < 16) r->nmru++;
    if (k == r->nmru) k = r->nmru - 1;
    memmove(r->mru + 1, r->mru, (size_t)k * sizeof *r->mru);
    r->mru[0] = actor;
    return doc_push_mention(d, d->toks[t0].start, d->toks[t1 - 1].end, actor);
}

/* What the words around a name say about it. */
typedef struct context {
    const char *role;        /* role code from a title or appositive (GOV...) */
    int role_first;          /* the role goes before the country (MIL~) */
    char country[4];         /* from an adjective, a country name, a possessive */
    const char *org_code;    /* an organisation in the appositive ("at the Brookings Institution") */
    const char *igo_code;    /* a non-state body before a title ("NATO commander") */
    int former, elect, gender;
    int name_pre;            /* an initial before the name the NER left out ("L. Douglas Wilder") */
    uint32_t title_t0;       /* first token of the title phrase (== name start if none) */
    uint32_t app_t0, app_t1; /* the appositive, or 0,0 */
} context;

static void note_hit_country(const run *r, const dict_entry *e, char out[4]) {
    if (out[0]) return;
    if (!e) return;
    const char *c = entry_country(e, r->date);
    if (c && strlen(c) == 3) {
        memcpy(out, c, 4);
        return;
    }
    code_country(entry_code(e, r->date), out);
}

/* Words before "party"/"parties" that make them the sides of a contract
 * or of talks. */
static const char *const W_SIDE_DET[] = {"either", "relevant", "concerned", "contracting", "interested",
                                         "warring", "injured", "each", "neither", "involved", NULL};

/* Group nouns that, in lower case right before a name, are the object
 * of a verb and no title: "told police Bassett", "officials Monday". */
static const char *const W_GROUP_NOT_TITLE[] = {"police", "authorities", "officials", "troops", "investigators",
                                                "prosecutors", "detectives", "officers", "deputies", "agents",
                                                "soldiers", "forces", NULL};

/* Walk left from a name over its title: "Republican presidential candidate",
 * "French Foreign Minister", "Brazil's former President", "Sen.", "Mr.". */
static void title_left(run *r, uint32_t t0, uint32_t first, context *cx) {
    dyad_doc *d = r->d;
    uint32_t j = t0, start = t0;
    int steps = 0;
    int have_role = 0;
    uint32_t role_t0 = 0, role_t1 = 0; /* the role word nearest the name */
    /* "L. Douglas Wilder": an initial the NER left out of the name */
    if (j > first + 1 && d->toks[j - 1].end - d->toks[j - 1].start == 2 && d->text[d->toks[j - 1].end - 1] == '.' &&
        d->text[d->toks[j - 1].start] >= 'A' && d->text[d->toks[j - 1].start] <= 'Z' && r->hit_at[j - 1] < 0) {
        j--;
        start = j;
        cx->name_pre = 1;
    }
    while (j > first && steps++ < 10) {
        uint32_t k = j - 1;
        if (r->ent_at[k] >= 0 && r->ents[r->ent_at[k]].type == ENT_PERSON) break;
        /* "told police Bassett threatened them": a group noun in lower
         * case is no title of the name after it */
        if (k + 1 == t0 && !tok_upper(d, k) && tok_in(d, k, W_GROUP_NOT_TITLE)) break;
        int32_t h = r->hit_at[k];
        if (h >= 0) {
            const dict_entry *e = r->hits[h].e;
            if (e->kind == DE_ROLE || e->kind == DE_AGENT) {
                if (!have_role) {
                    cx->role = role_code(r, e);
                    cx->role_first = e->agent_prefix;
                    have_role = 1;
                    role_t0 = r->hits[h].t0;
                    role_t1 = r->hits[h].t1;
                }
            } else if (e->kind == DE_COUNTRY || e->kind == DE_ADJ || e->kind == DE_SEAT) {
                note_hit_country(r, e, cx->country);
            } else if (e->kind == DE_ORG || e->kind == DE_ACTOR) {
                /* "Republican" (a party) before a title: the country, and a
                 * role when there is no other */
                char cc[4] = "";
                code_country(entry_code(e, r->date), cc);
                if (!cx->country[0] && cc[0]) memcpy(cx->country, cc, 4);
                const char *code = entry_code(e, r->date);
                /* "AFL-CIO President", "CNN political analyst": the head or
                 * staff of a body named just before the title takes the
                 * body's role (a union's president is LAB, not GOV) */
                if (have_role && !cx->org_code && role_t1 == role_t0 + 1 && strlen(code) >= 6 &&
                    (r->hits[h].t1 == role_t0 || (r->hits[h].t1 + 1 == role_t0 && d->an &&
                                                  d->an[role_t0 - 1].upos == UPOS_ADJ)) &&
                    tok_in(d, role_t0, W_OF_ORG)) {
                    cx->org_code = code;
                    cx->role = NULL;
                    cx->role_first = 0;
                }
                else if (!have_role && strlen(code) >= 6) cx->org_code = code;
                /* "NATO commander", "EU foreign policy chief": an office of
                 * an international body is that body's */
                else if (have_role && !cc[0] && strlen(code) >= 6 && !cx->igo_code) cx->igo_code = code;
            } else {
                break;
            }
            j = r->hits[h].t0;
            start = j;
            continue;
        }
        /* "Central Intelligence Agency Director William Casey": a head
         * word no dictionary lists as a role (a director of anything) is a
         * title when an organisation names what it heads; the walk goes
         * on to the organisation, whose code the person takes */
        if (!have_role && tok_in(d, k, W_ORG_HEAD) && k > first) {
            /* "Federal Reserve Board Vice Chairman", "LDP General Council
             * Chairman": up to two rank words or capitalised nouns of the
             * body's own between it and the head word */
            uint32_t b = k;
            for (int n = 0; n < 2 && b > first + 1 && r->ent_at[b - 1] < 0 && tok_upper(d, b - 1); n++) {
                int hb = hit_kind(r, b - 1);
                if (hb == DE_ROLE || hb == DE_AGENT) b = r->hits[r->hit_at[b - 1]].t0; /* "General" */
                else if (!hb && (tok_in(d, b - 1, W_TITLE_MOD) ||
                                 (d->an && (d->an[b - 1].upos == UPOS_NOUN || d->an[b - 1].upos == UPOS_PROPN))))
                    b--;
                else
                    break;
            }
            uint32_t found = 0;
            for (uint32_t c = k; c >= b && c > first && !found; c--) {
                int32_t hb = r->hit_at[c - 1];
                if (hb >= 0 && (r->hits[hb].e->kind == DE_ORG || r->hits[hb].e->kind == DE_ACTOR) && r->hits[hb].t1 == c)
                    found = c;
            }
            if (found) {
                j = found;
                start = j;
                continue;
            }
        }
        /* "Breitbart News Daily host Alex Marlow": a show or outlet no
         * dictionary knows, named just before a media person's title */
        if (!have_role && tok_in(d, k, W_MEDIA_TITLE) && k > first && r->ent_at[k - 1] >= 0 &&
            r->ents[r->ent_at[k - 1]].type == ENT_ORG && r->ents[r->ent_at[k - 1]].tok1 == k) {
            cx->role = "MED";
            have_role = 1;
            j = r->ents[r->ent_at[k - 1]].tok0;
            start = j;
            continue;
        }
        if (tok_in(d, k, W_HONORIFIC)) {
            if (tok_in(d, k, W_MALE)) cx->gender = 1;
            else if (tok_in(d, k, W_FEMALE)) cx->gender = 2;
            j = k;
            if (!have_role) start = j + 1 > t0 ? t0 : start;
            continue;
        }
        if (tok_in(d, k, W_FORMER)) {
            cx->former = 1;
            j = k;
            start = j;
            continue;
        }
        /* "the late Justice Antonin Scalia", "the late Muhammad Ali" */
        if (tok_is(d, k, "late") && k > first && tok_is(d, k - 1, "the")) {
            cx->former = 1;
            j = k;
            start = j;
            continue;
        }
        if (tok_is(d, k, "'s") && k > first && r->hit_at[k - 1] >= 0) {
            j = k;
            continue;
        }
        if (tok_is(d, k, "elect") || tok_is(d, k, "-elect")) {
            cx->elect = 1;
            j = k;
            continue;
        }
        /* "Agriculture" in "EC Agriculture Commissioner": one or two
         * capitalised nouns between a title and the body or country that
         * names whose office it is */
        if (have_role && d->an && (d->an[k].upos == UPOS_NOUN || d->an[k].upos == UPOS_PROPN) &&
            (d->toks[k].flags & TOKF_UPPER) && r->ent_at[k] < 0) {
            uint32_t b = k;
            if (b > first && r->hit_at[b - 1] < 0 && d->an[b - 1].upos != UPOS_DET && (d->toks[b - 1].flags & TOKF_UPPER) &&
                (d->an[b - 1].upos == UPOS_NOUN || d->an[b - 1].upos == UPOS_PROPN) && r->ent_at[b - 1] < 0)
                b--;
            if (b > first && r->hit_at[b - 1] >= 0) {
                int bk = r->hits[r->hit_at[b - 1]].e->kind;
                if (bk == DE_ORG || bk == DE_ACTOR || bk == DE_COUNTRY || bk == DE_ADJ) {
                    j = b;
                    start = j;
                    continue;
                }
            }
        }
        /* "presidential" in "Republican presidential candidate", "junior"
         * in "Nigerian junior foreign minister" */
        if (have_role && ((d->an && d->an[k].upos == UPOS_ADJ) || tok_in(d, k, W_TITLE_MOD))) {
            j = k;
            start = j;
            continue;
        }
        break;
    }
    cx->title_t0 = have_role ? start : t0;
}

/* Whether token k lies in the subtree of token h (bounded climb). */
static int under(const dyad_doc *d, uint32_t k, uint32_t h) {
    int32_t x = (int32_t)k;
    for (int n = 0; n < 24 && x >= 0; n++) {
        if (x == (int32_t)h) return 1;
        x = d->an[x].head;
    }
    return 0;
}

/* ", a senior fellow at the Brookings Institution, a Washington research
 * group": the appositive of a name ending at t1, from the parse. */
static void appositive(run *r, uint32_t t0, uint32_t t1, uint32_t last, context *cx, int mark) {
    dyad_doc *d = r->d;
    if (!d->an || !d->parsed || t1 >= last || !tok_is(d, t1, ",")) return;
    /* ", who underwent surgery ...": a relative clause the parser took
     * for an appositive describes no role */
    if (t1 + 1 < last && tok_in(d, t1 + 1, W_RELATIVE)) return;
    uint32_t h = UINT32_MAX;
    for (uint32_t k = t1 + 1; k < last && k < t1 + 12; k++) {
        if (d->an[k].deprel == DEP_APPOS && d->an[k].head >= (int32_t)t0 && d->an[k].head < (int32_t)t1) {
            h = k;
            break;
        }
    }
    if (h == UINT32_MAX) return;
    uint32_t e = h + 1;
    while (e < last && e < h + 40 && under(d, e, h)) e++;
    while (e > h + 1 && d->toks[e - 1].kind == TOK_PUNCT) e--;
    uint32_t s = t1 + 1;
    cx->app_t0 = s;
    cx->app_t1 = e;
    /* the role of the appositive's head, else its first role; countries and
     * organisations inside give the country */
    const char *first_role = NULL;
    int first_pre = 0;
    int org_after_head = 0; /* ", president of the NAACP": a body named after the head noun */
    for (uint32_t k = s; k < e; k++) {
        int32_t hi = r->hit_at[k];
        if (hi < 0) continue;
        const dict_entry *en = r->hits[hi].e;
        if (en->kind == DE_ROLE || en->kind == DE_AGENT) {
            if (h >= r->hits[hi].t0 && h < r->hits[hi].t1) {
                cx->role = role_code(r, en);
                cx->role_first = en->agent_prefix;
            } else if (!first_role) {
                first_role = role_code(r, en);
                first_pre = en->agent_prefix;
            }
        } else if (en->kind == DE_ORG || en->kind == DE_ACTOR || en->kind == DE_SEAT) {
            if (!cx->org_code) {
                cx->org_code = entry_code(en, r->date);
                org_after_head = k > h && en->kind != DE_SEAT && strlen(cx->org_code) >= 6;
            }
        } else {
            note_hit_country(r, en, cx->country);
        }
        k = r->hits[hi].t1 - 1;
    }
    /* "a former Internal Revenue Service commissioner", "the late
     * founder of ...": a former holder of the role; "a former aide now
     * teaching at ..." holds another now */
    int former = 0, now = 0;
    for (uint32_t k = s; k < h; k++)
        if (tok_in(d, k, W_FORMER) || (tok_is(d, k, "late") && k > s && tok_is(d, k - 1, "the"))) former = 1;
    for (uint32_t k = h + 1; k < e; k++)
        if (tok_is(d, k, "now") || tok_is(d, k, "currently")) now = 1;
    /* the head or staff of a body takes the body's role: "president of
     * the NAACP" is HRI, "a spokesman for the United Mine Workers" LAB */
    if (org_after_head && tok_in(d, h, W_OF_ORG)) {
        cx->role = NULL;
        cx->role_first = 0;
        first_role = NULL;
    }
    /* "vice president of Hartman & Tyner Inc.", "chairman of Outboard
     * Marine Corp": the head of a company the dictionary does not know is
     * a business person, whatever office the title names elsewhere */
    if (!cx->org_code && (tok_in(d, h, W_OF_ORG) || tok_is(d, h, "president")))
        for (uint32_t k = h + 1; k < e; k++) {
            int32_t x = r->ent_at[k];
            if (x < 0 || r->ents[x].type != ENT_ORG || r->ents[x].tok1 > e) continue;
            if (!corp_word(d, r->ents[x].tok1 - 1)) {
                k = r->ents[x].tok1 - 1;
                continue;
            }
            cx->role = "BUS";
            cx->role_first = 0;
            first_role = NULL;
            break;
        }
    if (!cx->role && first_role) {
        cx->role = first_role;
        cx->role_first = first_pre;
    }
    /* only a former public or party office makes a person ELI
     * (docs/actor-codes.md): a former company president is still a
     * business person */
    if (former && !now) {
        const char *ro = cx->role ? cx->role : cx->org_code && strlen(cx->org_code) >= 6 ? cx->org_code + 3 : NULL;
        static const char *const office[] = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY", NULL};
        for (int i = 0; ro && office[i]; i++)
            if (!strncmp(ro, office[i], 3)) cx->former = 1;
    }
    if (!cx->country[0])
        for (uint32_t k = s; k < e; k++) {
            const dplace *p = NULL;
            if (r->ent_at[k] >= 0) p = place_over(d, d->toks[k].start, d->toks[k].end);
            if (p && p->country[0]) {
                memcpy(cx->country, p->country, 4);
                break;
            }
        }
    if (mark)
        for (uint32_t k = s; k < e; k++) r->used[k] = 1;
}

/* A code from context: a country and a role, else an organisation's. */
static void context_code(const run *r, const context *cx, char out[20]) {
    const char *cc = cx->country[0] ? cx->country : NULL;
    const char *role = cx->role;
    if (cx->igo_code && !cc) { /* a title of an international body, no country named */
        snprintf(out, 20, "%s", cx->igo_code);
        return;
    }
    if (cx->former && role) role = "ELI";
    if (cx->elect && role && !strcmp(role, "GOV")) role = "PTY";
    char occ[4] = "";
    if (cx->org_code) code_country(cx->org_code, occ);
    if (!role && cx->org_code && strlen(cx->org_code) >= 6) {
        /* an analyst "at the Brookings Institution" takes the institution's
         * country and role, an official of an IGO its code */
        if (!occ[0]) {
            snprintf(out, 20, "%s", cx->org_code);
            return;
        }
        role = cx->org_code + 3;
        if (cx->former) role = "ELI"; /* "former CIA Director William Casey" */
        if (!cc) cc = occ;
    }
    if (!cc && occ[0]) cc = occ;
    if (!cc && r->home[0]) cc = r->home;
    if (!cc) { /* a role without a country is no code */
        out[0] = '\0';
        return;
    }
    put_code(out, cc, role, cx->role_first);
}

static int names_match(const dyad_doc *d, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
    /* "John G. Roberts Jr." is "Roberts": a suffix after the surname is
     * no part of what later mentions repeat */
    while (a1 - a0 > 1 && (tok_in(d, a1 - 1, W_NAME_SUFFIX) || tok_is(d, a1 - 1, ","))) a1--;
    while (b1 - b0 > 1 && (tok_in(d, b1 - 1, W_NAME_SUFFIX) || tok_is(d, b1 - 1, ","))) b1--;
    /* b is a suffix of a ("Macron" of "Emmanuel Macron") or a of b */
    uint32_t na = a1 - a0, nb = b1 - b0;
    if (nb > na) {
        uint32_t t0 = a0, t1 = a1;
        a0 = b0, a1 = b1, b0 = t0, b1 = t1;
        na = a1 - a0, nb = b1 - b0;
    }
    uint32_t k = 0;
    while (k < nb && tok_eq(d, a1 - nb + k, b0 + k)) k++;
    if (k == nb) return 1;
    /* "Bobby Scott" of 'Robert C. "Bobby" Scott', "John Kennedy" of "John
     * F. Kennedy": same surname, and the other words of the shorter name
     * found in order among the longer one's */
    if (nb < 2 || !tok_eq(d, a1 - 1, b1 - 1)) return 0;
    uint32_t i = a0;
    for (k = b0; k + 1 < b1; k++) {
        while (i + 1 < a1 && !tok_eq(d, i, k)) i++;
        if (i + 1 >= a1) return 0;
        i++;
    }
    return 1;
}

static int person(run *r, size_t ei, const sent *s) {
    dyad_doc *d = r->d;
    dent *en = &r->ents[ei];
    int32_t h = r->hit_at[en->tok0];
    const dict_entry *e = (h >= 0 && r->hits[h].t0 == en->tok0 && r->hits[h].t1 == en->tok1 &&
                           (r->hits[h].e->kind == DE_PERSON || r->hits[h].e->kind == DE_ACTOR))
                              ? r->hits[h].e
                              : NULL;
    context cx;
    memset(&cx, 0, sizeof cx);
    title_left(r, en->tok0, s->first, &cx);
    appositive(r, en->tok0, en->tok1, s->last, &cx, 1);
    /* "Alan Smith of the Brookings Institution", "Ortiz at Harvard" */
    uint32_t of_t0 = 0, of_t1 = 0;
    if (!cx.app_t1 && en->tok1 + 1 < s->last &&
        (tok_is(d, en->tok1, "of") || tok_is(d, en->tok1, "at") || tok_is(d, en->tok1, "from"))) {
        uint32_t k = en->tok1 + 1;
        if (tok_is(d, k, "the") && k + 1 < s->last) k++;
        int32_t hk = r->hit_at[k];
        if (hk >= 0 && r->hits[hk].t0 == k && (r->hits[hk].e->kind == DE_ORG || r->hits[hk].e->kind == DE_ACTOR)) {
            if (!cx.org_code) cx.org_code = entry_code(r->hits[hk].e, r->date);
            of_t0 = en->tok1;
            of_t1 = r->hits[hk].t1;
        }
    }
    /* "Alan Grayson (D-Fla.)": the party and state US papers give a member
     * of Congress or of a state legislature */
    if (!cx.role && !cx.org_code && en->tok1 + 3 < s->last && tok_is(d, en->tok1, "(") &&
        (tok_is(d, en->tok1 + 1, "d") || tok_is(d, en->tok1 + 1, "r") || tok_is(d, en->tok1 + 1, "i")) &&
        (d->toks[en->tok1 + 1].flags & TOKF_UPPER) && tok_is(d, en->tok1 + 2, "-") &&
        (d->toks[en->tok1 + 3].flags & TOKF_UPPER))
        cx.role = "LEG";
    for (uint32_t k = cx.title_t0; k < en->tok0; k++) r->used[k] = 1;
    /* an earlier mention of the same person */
    int a = -1;
    size_t stop = d->nactor > LOOKBACK ? d->nactor - LOOKBACK : 0;
    for (size_t i = d->nactor; i-- > stop;) {
        astate *st = &r->as[i];
        if (st->kind != AK_PERSON) continue;
        if ((e && st->entry == e) || names_match(d, st->name_t0, st->name_t1, en->tok0, en->tok1)) {
            a = (int)i;
            break;
        }
    }
    /* "Tesfay" after "Tesfay Dinka": a lone given name that begins the
     * name of exactly one person named before (Ethiopian, Eritrean and
     * Icelandic usage; children and first-name stories) and that no
     * dictionary gives to someone else */
    if (a < 0 && !e && en->tok1 == en->tok0 + 1 && !cx.role && !cx.org_code &&
        d->toks[en->tok0].end - d->toks[en->tok0].start >= 3) {
        int found = -1, n = 0;
        for (size_t i = d->nactor; i-- > stop && n < 2;) {
            const astate *st = &r->as[i];
            if (st->kind != AK_PERSON || st->name_t1 - st->name_t0 < 2) continue;
            uint32_t f = st->name_t0;
            while (f + 1 < st->name_t1 && tok_in(d, f, W_HONORIFIC)) f++;
            if (f + 1 < st->name_t1 && tok_eq(d, f, en->tok0)) found = (int)i, n++;
        }
        if (n == 1) a = found;
    }
    if (a < 0) {
        /* imported dictionaries write names in capitals: show the text's */
        const char *name = e && e->kind != DE_ACTOR ? e->name : arena_span(d, en->start, en->end);
        if (!name || (a = new_actor(r, AK_PERSON, name, ENT_PERSON)) < 0) return -1;
        astate *st = &r->as[a];
        st->entry = e;
        st->name_t0 = en->tok0;
        st->name_t1 = en->tok1;
        dactor *ac = &d->actors[a];
        char code[20] = "";
        if (e) snprintf(code, sizeof code, "%s", entry_code(e, r->date));
        if (!code[0]) {
            /* a person no dictionary knows and no title or appositive
             * describes is a private person: a civilian */
            if (!cx.role && !cx.org_code) cx.role = "CVL";
            context_code(r, &cx, code);
        }
        set_code(ac, code);
    } else {
        astate *st = &r->as[a];
        dactor *ac = &d->actors[a];
        if (en->tok1 - en->tok0 > st->name_t1 - st->name_t0) { /* "Obama" ... "Barack Obama" */
            st->name_t0 = en->tok0;
            st->name_t1 = en->tok1;
            if (!st->entry) ac->name = arena_span(d, en->start, en->end);
        }
        if (!st->entry && (cx.role || cx.org_code) && (!ac->code[0] || strlen(ac->code) <= 3 || !strcmp(ac->code + 3, "CVL"))) {
            char code[20];
            context_code(r, &cx, code);
            set_code(ac, code);
        }
    }
    dactor *ac = &d->actors[a];
    if (cx.gender && !ac->gender) ac->gender = (uint8_t)cx.gender;
    /* else the given name's (ner.c): "Angela Merkel" is a she before any
     * pronoun says so, which keeps "her" off the man beside her */
    if (!ac->gender && (en->gender == 1 || en->gender == 2)) ac->gender = en->gender;
    if (cx.title_t0 < en->tok0) {
        uint32_t t0 = cx.title_t0;
        while (t0 < en->tok0 && (tok_in(d, t0, W_HONORIFIC) || tok_in(d, t0, W_DET_DEF))) t0++;
        uint32_t t1 = en->tok0 - (uint32_t)cx.name_pre;
        if (t0 < t1) {
            const char *role = arena_span(d, d->toks[t0].start, d->toks[t1 - 1].end);
            if (!role || add_role(d, ac, role)) return -1;
        }
    }
    if (cx.app_t1 > cx.app_t0) {
        const char *role = arena_span(d, d->toks[cx.app_t0].start, d->toks[cx.app_t1 - 1].end);
        if (!role || add_role(d, ac, role)) return -1;
    }
    if (of_t1 > of_t0) {
        const char *role = arena_span(d, d->toks[of_t0].start, d->toks[of_t1 - 1].end);
        if (!role || add_role(d, ac, role)) return -1;
    }
    en->actor = a;
    return mention(r, a, en->tok0, en->tok1);
}

static int same_text(const dyad_doc *d, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
    if (a1 - a0 != b1 - b0) return 0;
    for (uint32_t k = 0; k < a1 - a0; k++)
        if (!tok_eq(d, a0 + k, b0 + k)) return 0;
    return 1;
}

/* ---- companies ----------------------------------------------------------- */

/* Legal forms and the last words of business names: "Texaco Inc", "Dome
 * Petroleum Ltd", "Deutsche Bank AG", "First Interstate Bancorp".  A name
 * ending in one (capitalised) is a company. */
static const char *const W_CORP[] = {"co", "co.", "cos", "cos.", "corp", "corp.", "corporation", "inc", "inc.",
                                     "incorporated", "ltd", "ltd.", "limited", "plc", "plc.", "llc", "lp", "l.p.",
                                     "sa", "s.a.", "ag", "nv", "n.v.", "bv", "b.v.", "gmbh", "spa", "s.p.a.", "ab",
                                     "asa", "oy", "oyj", "kk", "k.k.", "bhd", "berhad", "pty", "pte", "srl", "cie",
                                     "cie.", "company", "companies", "bancorp", "bancshares", "bancorporation",
                                     "holdings", "industries", "enterprises", "airlines", "airways", "partners", "associates",
                                     "securities", "railroad", "railroads", "railway", "railways", NULL};
/* Nouns that, just before a name, say it is a firm's: "car group Renault",
 * "West German bank Deutsche Bank", "carmaker General Motors".  Words
 * that also name people ("trader", "rival", "partner") are left out: the
 * name after them is as often a person's. */
static const char *const W_FIRM[] = {"company", "firm", "bank", "manufacturer", "producer", "insurer", "airline",
                                     "carrier", "conglomerate", "retailer", "utility", "brokerage", "subsidiary",
                                     "affiliate", "refiner", "concern", "corporation", "multinational", "distributor",
                                     "supplier", "operator", "shipbuilder", "publisher", "giant", NULL};
/* What may stand before "group" in a firm's description ("car group",
 * "chemicals group"); a "rebel group" or "rights group" is none. */
static const char *const W_GROUP_BIZ[] = {"car", "motor", "auto", "oil", "chemical", "chemicals", "steel", "food",
                                          "foods", "drinks", "insurance", "banking", "bank", "financial", "finance",
                                          "investment", "media", "publishing", "electronics", "electrical",
                                          "engineering", "industrial", "retail", "retailing", "textile", "textiles",
                                          "tobacco", "pharmaceutical", "pharmaceuticals", "drug", "drugs", "mining",
                                          "shipping", "aerospace", "defence", "defense", "construction", "property",
                                          "hotel", "hotels", "leisure", "computer", "telecommunications", "trading",
                                          "packaging", "paper", "glass", "tyre", "tire", "cement", "energy", "brewing",
                                          "airline", "aviation", "insurance", "holding", "diversified", "consumer",
                                          "cosmetics", "appliance", "appliances", "metals", "industrials", "services",
                                          "private", "owned", NULL};
/* Words in a firm's description that central banks and regulators have
 * ("Central Bank of Brazil", "Federal Reserve Bank"): the state's. */
static const char *const W_CENTRAL[] = {"central", "reserve", "federal", "national", NULL};

static int tok_upper(const dyad_doc *d, uint32_t i) { return (d->toks[i].flags & TOKF_UPPER) != 0; }

/* Token i ends a company's name: a capitalised legal form or business
 * word of W_CORP. */
static int corp_word(const dyad_doc *d, uint32_t i) { return tok_upper(d, i) && tok_in(d, i, W_CORP); }

/* Token i is a firm noun ("company", "carmaker"); k0 is the sentence's
 * first token, for "group"'s modifier. */
static int firm_noun(const dyad_doc *d, uint32_t i, uint32_t k0) {
    if (tok_in(d, i, W_FIRM)) return 1;
    const tok *t = &d->toks[i];
    size_t n = t->end - t->start;
    /* carmaker, automaker, chipmaker, steelmaker, drugmaker */
    if (n > 7 && !strncasecmp(d->text + t->end - 5, "maker", 5)) return 1;
    if ((tok_is(d, i, "group") || tok_is(d, i, "maker") || tok_is(d, i, "house")) && i > k0) {
        /* "car group", "computer maker", "trading house"; "state-owned group" */
        if (tok_in(d, i - 1, W_GROUP_BIZ)) return 1;
    }
    return 0;
}

/* A stock symbol after token i ("Texaco Inc <TX>", "Dome Petroleum Ltd
 * <DMP.MO>", "Gibraltar Financial Corp's <GFC>"): the exchange's country
 * into cc when the symbol says one (".TO" Toronto...), "USA" for a bare
 * symbol (the wire's symbols without a suffix are New York's and
 * Nasdaq's).  0 when there is no symbol. */
static int ticker_after(const dyad_doc *d, uint32_t i, uint32_t last, char cc[4]) {
    if (i < last && (tok_is(d, i, "'s") || tok_is(d, i, "’s"))) i++;
    if (i + 2 >= last || !tok_is(d, i, "<") || !tok_is(d, i + 2, ">")) return 0;
    const tok *t = &d->toks[i + 1];
    size_t n = t->end - t->start;
    const char *s = d->text + t->start;
    if (n < 1 || n > 12) return 0;
    size_t dot = n;
    for (size_t k = 0; k < n; k++) {
        char c = s[k];
        if (c == '.') {
            if (dot == n) dot = k;
        } else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            return 0;
        }
    }
    static const struct { const char *sfx, *cc; } EXCH[] = {
        {"TO", "CAN"}, {"MO", "CAN"}, {"V", "CAN"}, {"VA", "CAN"}, {"L", "GBR"}, {"T", "JPN"}, {"OS", "JPN"},
        {"F", "DEU"}, {"DE", "DEU"}, {"PA", "FRA"}, {"AS", "NLD"}, {"MI", "ITA"}, {"BR", "BEL"}, {"Z", "CHE"},
        {"S", "CHE"}, {"HK", "HKG"}, {"AX", "AUS"}, {"SI", "SGP"}, {"ST", "SWE"}, {"O", "USA"}, {"N", "USA"},
        {"A", "USA"}, {"OQ", "USA"}, {NULL, NULL}};
    snprintf(cc, 4, "USA");
    if (dot < n) {
        cc[0] = '\0';
        const char *x = s + dot + 1;
        size_t m = n - dot - 1;
        for (int k = 0; EXCH[k].sfx; k++)
            if (strlen(EXCH[k].sfx) == m && !memcmp(EXCH[k].sfx, x, m)) {
                snprintf(cc, 4, "%s", EXCH[k].cc);
                break;
            }
    }
    return 1;
}

/* What the words around the name [t0, t1) say about a firm: whether they
 * call it one (a firm noun just before it, "-owned", a stock symbol
 * after, an appositive "a Malaysian insurance company"), and its country
 * as the mention gives it ("French car group", "Japan's", "Dallas-based",
 * "<Sterling Group> of Houston", the symbol's exchange).  The story's
 * home country is never used: a firm of unknown nationality in a Brazil
 * story is not Brazil's. */
static int firm_context(run *r, uint32_t t0, uint32_t t1, const sent *s, char cc[4], int mark) {
    dyad_doc *d = r->d;
    int firm = 0;
    char c_left[4] = "", c_app[4] = "", c_of[4] = "", c_tick[4] = "";
    /* left: descriptors, nationalities, "-based", "-owned" */
    uint32_t k = t0;
    for (int steps = 0; k > s->first && steps < 8; steps++) {
        uint32_t j = k - 1;
        int32_t h = r->hit_at[j];
        if (h >= 0 && (r->hits[h].e->kind == DE_COUNTRY || r->hits[h].e->kind == DE_ADJ)) {
            note_hit_country(r, r->hits[h].e, c_left);
            k = r->hits[h].t0;
            continue;
        }
        if ((tok_is(d, j, "'s") || tok_is(d, j, "’s")) && j > s->first) {
            int32_t hp = r->hit_at[j - 1];
            if (hp >= 0 && (r->hits[hp].e->kind == DE_COUNTRY || r->hits[hp].e->kind == DE_SEAT)) {
                note_hit_country(r, r->hits[hp].e, c_left);
                k = r->hits[hp].t0;
                continue;
            }
            break;
        }
        if (steps == 0 && firm_noun(d, j, s->first)) {
            firm = 1;
            k = j;
            continue;
        }
        if (tok_is(d, j, "owned") || tok_is(d, j, "-owned")) { /* "the state-owned", "family-owned" */
            firm = 1;
            k = j;
            continue;
        }
        if (tok_is(d, j, "based") || tok_is(d, j, "-based")) { /* "Dallas-based" */
            uint32_t p = j;
            if (p > s->first && tok_is(d, p - 1, "-")) p--;
            if (p > s->first && r->ent_at[p - 1] >= 0) {
                const dent *x = &r->ents[r->ent_at[p - 1]];
                const dplace *pl = place_over(d, x->start, x->end);
                if (pl && pl->country[0] && !c_left[0]) memcpy(c_left, pl->country, 4);
                int32_t hx = r->hit_at[p - 1];
                if (hx >= 0) note_hit_country(r, r->hits[hx].e, c_left);
                k = x->tok0 < p ? x->tok0 : p;
                continue;
            }
            break;
        }
        if (!firm) break; /* only a firm noun's modifiers go on: "the French state-owned car group" */
        if (tok_is(d, j, "-") || (d->an && (d->an[j].upos == UPOS_ADJ || d->an[j].upos == UPOS_NOUN) &&
                                  r->ent_at[j] < 0 && !tok_upper(d, j))) {
            k = j;
            continue;
        }
        break;
    }
    /* inside angle brackets: the wire's mark for a company without a
     * symbol ("<Sterling Group> of Houston") */
    if (t0 > s->first && t1 < s->last && tok_is(d, t0 - 1, "<") && tok_is(d, t1, ">")) {
        firm = 1;
        t1++;
    }
    uint32_t after = t1;
    if (ticker_after(d, t1, s->last, c_tick)) {
        firm = 1;
        after = tok_is(d, t1, "<") ? t1 + 3 : t1 + 4;
    }
    /* ", a Malaysian composite insurance company", ", a Chicago
     * manufacturer of plastics": a firm noun within six words of an
     * article after a comma (the parse does not always see the apposition) */
    if (after + 2 < s->last && tok_is(d, after, ",") &&
        (tok_is(d, after + 1, "a") || tok_is(d, after + 1, "an") || tok_is(d, after + 1, "the"))) {
        char c = 0;
        char cw[4] = "";
        for (uint32_t j = after + 2; j < s->last && j < after + 9; j++) {
            int32_t h = r->hit_at[j];
            if (h >= 0 && (r->hits[h].e->kind == DE_COUNTRY || r->hits[h].e->kind == DE_ADJ)) {
                note_hit_country(r, r->hits[h].e, cw);
                j = r->hits[h].t1 - 1;
                continue;
            }
            if (r->ent_at[j] >= 0) {
                const dent *x = &r->ents[r->ent_at[j]];
                const dplace *pl = place_over(d, x->start, x->end);
                if (pl && pl->country[0] && !cw[0]) memcpy(cw, pl->country, 4);
                j = x->tok1 - 1;
                continue;
            }
            if (firm_noun(d, j, s->first)) {
                c = 1;
                if (mark)
                    for (uint32_t u = after + 1; u <= j; u++) r->used[u] = 1;
                break;
            }
            if (d->toks[j].kind != TOK_WORD || tok_in(d, j, W_RELATIVE)) break;
        }
        if (c) {
            firm = 1;
            if (cw[0]) memcpy(c_app, cw, 4);
        }
    }
    /* "<Sterling Group> of Houston", "Dome Petroleum of Calgary" */
    if (t1 + 1 < s->last && tok_is(d, t1, "of") && r->ent_at[t1 + 1] >= 0) {
        const dent *x = &r->ents[r->ent_at[t1 + 1]];
        const dplace *pl = place_over(d, x->start, x->end);
        if (x->tok0 == t1 + 1 && pl && pl->country[0]) memcpy(c_of, pl->country, 4);
    }
    /* ", a Malaysian composite insurance company" */
    context ax;
    memset(&ax, 0, sizeof ax);
    appositive(r, t0, t1, s->last, &ax, 0);
    if (ax.role && !strcmp(ax.role, "BUS") && ax.app_t1 > ax.app_t0) {
        firm = 1;
        if (ax.country[0]) memcpy(c_app, ax.country, 4);
        if (mark) appositive(r, t0, t1, s->last, &ax, 1);
    }
    const char *pick = c_left[0] ? c_left : c_app[0] ? c_app : c_of[0] ? c_of : c_tick[0] ? c_tick : NULL;
    if (pick && !cc[0]) memcpy(cc, pick, 4);
    return firm;
}

/* Is the code a business's (a BUS segment after the country)? */
static int code_business(const char *code) {
    size_t n = strlen(code);
    if (n >= 6 && !memcmp(code, "MNC", 3)) return 1; /* a multinational, "MNCUSA" */
    /* an international body's BUS infix is its field, not a firm: GATT
     * IGOBUSWTO, the IMF IGOBUSIMF */
    for (const char *const *p = NONSTATE; *p; p++)
        if (n >= 3 && !memcmp(code, *p, 3)) return 0;
    for (size_t i = 3; i + 3 <= n; i += 3)
        if (!memcmp(code + i, "BUS", 3)) return 1;
    return 0;
}

/* The latest company actor whose name begins with the tokens [t0, t1):
 * "USAir" after "USAir Group", "Texaco" after "Texaco Inc".  A one-word
 * short name must be a word of three letters or more. -1 if none. */
static int company_by_prefix(run *r, uint32_t t0, uint32_t t1) {
    dyad_doc *d = r->d;
    if (t1 - t0 == 1 && d->toks[t0].end - d->toks[t0].start < 3) return -1;
    size_t stop = d->nactor > LOOKBACK ? d->nactor - LOOKBACK : 0;
    for (size_t i = d->nactor; i-- > stop;) {
        const astate *st = &r->as[i];
        if (st->kind != AK_ORG || !code_business(d->actors[i].code)) continue;
        if (st->name_t1 - st->name_t0 <= t1 - t0) continue;
        uint32_t k = 0;
        while (k < t1 - t0 && tok_eq(d, st->name_t0 + k, t0 + k)) k++;
        if (k == t1 - t0) return (int)i;
    }
    /* "Lilly" after "Eli Lilly and Co", "Roche" after "Hoffmann-La Roche
     * Inc": a one-word name that is the last word before an earlier
     * company's legal form -- unless a person of that surname was named */
    if (t1 - t0 != 1 || !tok_upper(d, t0)) return -1;
    for (size_t i = d->nactor; i-- > stop;) {
        const astate *st = &r->as[i];
        if (st->kind == AK_PERSON && st->name_t1 > st->name_t0 && tok_eq(d, st->name_t1 - 1, t0)) return -1;
    }
    for (size_t i = d->nactor; i-- > stop;) {
        const astate *st = &r->as[i];
        if (st->kind != AK_ORG || !code_business(d->actors[i].code)) continue;
        uint32_t e = st->name_t1;
        while (e > st->name_t0 && (corp_word(d, e - 1) || tok_is(d, e - 1, "and") || tok_is(d, e - 1, "&"))) e--;
        if (e == st->name_t1 || e < st->name_t0 + 2) continue;
        /* "Colorado" of "United Banks of Colorado Inc" is the state */
        if (tok_is(d, e - 2, "of") || tok_is(d, e - 2, "de")) continue;
        if (tok_eq(d, e - 1, t0)) return (int)i;
    }
    return -1;
}

/* A name the NER took for a person's that is a company's: it ends in a
 * legal form ("Deutsche Bank AG"), a firm noun stands before it ("car
 * group Renault"), a stock symbol follows it, or it begins an earlier
 * company's name ("Texaco" after "Texaco Inc"). */
static int person_is_firm(run *r, const dent *en, const sent *s) {
    dyad_doc *d = r->d;
    char cc[4];
    if (corp_word(d, en->tok1 - 1) || tok_is(d, en->tok1 - 1, "bank")) return 1;
    if (ticker_after(d, en->tok1, s->last, cc)) return 1;
    if (en->tok0 > s->first && firm_noun(d, en->tok0 - 1, s->first)) return 1;
    return company_by_prefix(r, en->tok0, en->tok1) >= 0;
}

/* An organisation, a country, a place or a nationality. */
/* ---- ethnic groups, coordinated nationalities -------------------------- */

/* Names of ethnic groups that live in several states.  After another
 * nationality they name the people, and the nationality before them where
 * they live: "Bosnian Serbs" are Bosnia's, "Iraqi Kurds" Iraq's, "Bosnian
 * Croat forces" Bosnia's forces.  A citizen noun is the other way round:
 * "Turkish Cypriots" are Cyprus's, "Turkish Americans" America's, so the
 * list holds no citizen nouns. */
/* Words after "foreign" that make it part of an office's name or a field
 * of work, not "from abroad": "foreign affairs spokesman", "foreign trade
 * official", "foreign exchange traders", "foreign intelligence service". */
static const char *const W_FOREIGN_OFFICE[] = {"affairs", "trade", "exchange", "ministry", "minister", "ministers",
                                               "office", "policy", "relations", "intelligence", "economic", "service",
                                               "aid", "debt", "currency", "investment", "news", "press", "desk",
                                               "correspondent", "correspondents", "legion", NULL};

/* Nouns for states after "of" in a role phrase: "the governments of two
 * dozen Western countries". */
static const char *const W_STATES[] = {"countries", "nations", "states", "governments", NULL};

static const char *const W_ETHNONYM[] = {"serb", "serbs", "croat", "croats", "albanian", "albanians", "kurd", "kurds",
                                         "kurdish", "hungarian", "hungarians", "turk", "turks", "armenian",
                                         "armenians", "azeri", "azeris", "uzbek", "uzbeks", "tajik", "tajiks",
                                         "tamil", "tamils", "pashtun", "pashtuns", "hutu", "hutus", "tutsi",
                                         "tutsis", "arab", "arabs", "muslim", "muslims", NULL};

/* The country a nationality hit at token k stands for when it names an
 * ethnic group: for "Serbs" in "Bosnian Serbs" the nationality just before
 * it (BIH, into out); for "ethnic Albanians" no kin state but the first
 * other country the sentence names ("ethnic Albanians in Serbia"), else
 * the home country.  Returns 1 when it decided, 0 to keep the hit's own
 * country.  A hyphen between the two ("Turkish-Greek talks") is a pair of
 * states, not a group. */
static int ethnic_country(const run *r, uint32_t k, const sent *s, char out[4]) {
    const dyad_doc *d = r->d;
    int32_t h = r->hit_at[k];
    if (h < 0 || r->hits[h].t1 != r->hits[h].t0 + 1 || !tok_in(d, r->hits[h].t0, W_ETHNONYM)) return 0;
    uint32_t t0 = r->hits[h].t0;
    char own[4] = "";
    note_hit_country(r, r->hits[h].e, own);
    if (t0 > s->first && (d->toks[t0].flags & TOKF_SPACE_BEFORE)) {
        int32_t p = r->hit_at[t0 - 1];
        if (p >= 0 && r->hits[p].t1 == t0 && (r->hits[p].e->kind == DE_ADJ || r->hits[p].e->kind == DE_COUNTRY)) {
            char cc[4] = "";
            note_hit_country(r, r->hits[p].e, cc);
            if (cc[0] && strcmp(cc, own)) {
                memcpy(out, cc, 4);
                return 1;
            }
            return 0;
        }
        if (tok_is(d, t0 - 1, "ethnic")) {
            for (uint32_t j = s->first; j < s->last; j++) {
                int32_t q = r->hit_at[j];
                char cc[4] = "";
                if (q >= 0 && r->hits[q].e->kind == DE_COUNTRY) note_hit_country(r, r->hits[q].e, cc);
                else if (q < 0 && r->ent_at[j] >= 0 && r->ents[r->ent_at[j]].type == ENT_GPE) {
                    const dplace *pl = place_over(d, d->toks[j].start, d->toks[j].end);
                    if (pl && pl->country[0]) memcpy(cc, pl->country, 4);
                }
                if (cc[0] && strcmp(cc, own)) {
                    memcpy(out, cc, 4);
                    return 1;
                }
            }
            if (r->home[0] && strcmp(r->home, own)) {
                memcpy(out, r->home, 4);
                return 1;
            }
        }
    }
    return 0;
}

/* The role hit that a coordination of nationalities or country names
 * starting after token t1 shares: in "the Russian and Venezuelan
 * delegations", "the Kazakhstan and UAE governments", "Russian" is a
 * delegation too.  NULL when the words after t1 are no such list. */
static const dict_entry *shared_role(const run *r, uint32_t t1, const sent *s) {
    const dyad_doc *d = r->d;
    int conj = 0;
    uint32_t k = t1;
    for (int n = 0; n < 6 && k < s->last; n++) {
        if (!(tok_is(d, k, "and") || tok_is(d, k, ",") || tok_is(d, k, "or"))) break;
        k++;
        if (k < s->last && (tok_is(d, k, "and") || tok_is(d, k, "or"))) k++; /* ", and" */
        int32_t h = k < s->last ? r->hit_at[k] : -1;
        if (h < 0 || r->hits[h].t0 != k || !(r->hits[h].e->kind == DE_ADJ || r->hits[h].e->kind == DE_COUNTRY)) return NULL;
        conj = 1;
        k = r->hits[h].t1;
    }
    if (!conj || k >= s->last) return NULL;
    int32_t h = r->hit_at[k];
    if (h < 0 || r->hits[h].t0 != k || !(r->hits[h].e->kind == DE_ROLE || r->hits[h].e->kind == DE_AGENT)) return NULL;
    return r->hits[h].e;
}

/* The states of the United States, for companies named after one
 * ("United Banks of Colorado", "Hawaii Pacific Health"): a state in a
 * firm's name is its country's, as a country's name is. */
static const char *const US_STATE[] = {
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
    "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
    "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
    "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
    "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
    "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", NULL};

/* A US state's name, capitalised, at token i (before end): its length in
 * tokens, 0 if none. */
static uint32_t us_state_at(const dyad_doc *d, uint32_t i, uint32_t end) {
    if (!tok_upper(d, i)) return 0;
    for (const char *const *p = US_STATE; *p; p++) {
        const char *sp = strchr(*p, ' ');
        if (!sp) {
            if (tok_is(d, i, *p)) return 1;
            continue;
        }
        char w1[16];
        size_t n1 = (size_t)(sp - *p);
        if (n1 >= sizeof w1 || i + 1 >= end) continue;
        memcpy(w1, *p, n1);
        w1[n1] = '\0';
        if (tok_is(d, i, w1) && tok_is(d, i + 1, sp + 1) && tok_upper(d, i + 1)) return 2;
    }
    return 0;
}

/* Newspapers' name words: "Des Moines Register", "Charleston Gazette". */
static const char *const W_PAPER[] = {"register", "gazette", "chronicle", "courier", "inquirer", "examiner",
                                      "dispatch", "telegraph", "observer", "bulletin", "enquirer", NULL};
/* The last word of a company's name that no legal form follows: "American
 * Electric", "Hawaii Pacific Health", "Apex Technologies".  Not after "of"
 * ("Department of Energy", "Institute of Technology"): there the head is
 * the first word. */
static const char *const W_BIZ_HEAD[] = {"electric", "energy", "motors", "systems", "technologies", "technology",
                                         "pharmaceuticals", "electronics", "chemicals", "chemical", "foods",
                                         "insurance", "financial", "communications", "networks", "hotels",
                                         "resorts", "casino", "casinos", "health", "healthcare", "petroleum",
                                         "airline", "motor", "steel", "mining", "brands", "stores", "bancorp",
                                         "banks", "software", "semiconductor", "media", "entertainment",
                                         "racetrack", "gaming", NULL};
/* Generic heads of a unit of a body: "Richmond Police Department",
 * "Albany police SWAT team", "Sheriff's Office". */
static const char *const W_UNIT_HEAD[] = {"department", "dept.", "office", "unit", "team", "squad", "division",
                                          "bureau", "force", "service", "detail", "academy", NULL};
static const char *const W_POLICE_WORD[] = {"police", "sheriff", "sheriff's", "sheriffs", "constabulary", "swat",
                                            NULL};

/* Heads of an organisation's name the ORG_ROLE table leaves open, into
 * cx: a police unit is police whatever its head noun ("Richmond Police
 * Department" COP, not a government department), a newspaper is media,
 * a firm without a legal form ("American Electric", "Stevens &
 * Wilkinson") a business. */
static int org_head_extra(const run *r, const dent *en, context *cx) {
    const dyad_doc *d = r->d;
    uint32_t last = en->tok1 - 1;
    if (en->tok1 - en->tok0 >= 2 && tok_in(d, last, W_UNIT_HEAD))
        for (uint32_t k = en->tok0; k < last; k++)
            if (tok_in(d, k, W_POLICE_WORD)) {
                cx->role = "COP";
                cx->role_first = 0;
                return 0;
            }
    if (cx->role || cx->org_code) return 0;
    if (en->tok1 - en->tok0 < 2 || !tok_upper(d, last)) return 0;
    if (tok_in(d, last, W_PAPER)) {
        cx->role = "MED";
        return 0;
    }
    for (uint32_t k = en->tok0; k < last; k++)
        if (tok_is(d, k, "of") || tok_is(d, k, "for") || tok_is(d, k, "on")) return 0;
    /* "Public Health" is an office's */
    if (tok_in(d, last, W_BIZ_HEAD) && !tok_is(d, last - 1, "public")) {
        cx->role = "BUS";
        return 1;
    }
    /* "Stevens & Wilkinson", "Hartman & Tyner": names joined by an
     * ampersand are a firm's (a partnership's) */
    static const char *const not_firm[] = {"bureau", "festival", "center", "centre", "association", "society",
                                           "club", "council", "museum", "district", "authority", "fund", "program",
                                           "programme", "alliance", "coalition", "league", "show", "fair", NULL};
    if (en->tok1 - en->tok0 > 5 || tok_in(d, last, not_firm)) return 0;
    for (uint32_t k = en->tok0 + 1; k < last; k++)
        if (tok_is(d, k, "&") && tok_upper(d, k - 1) && tok_upper(d, k + 1)) {
            cx->role = "BUS";
            return 1;
        }
    return 0;
}

static int thing(run *r, size_t ei) {
    dyad_doc *d = r->d;
    dent *en = &r->ents[ei];
    int32_t h = r->hit_at[en->tok0];
    const dict_entry *e = NULL;
    if (h >= 0 && r->hits[h].t0 == en->tok0 && r->hits[h].t1 >= en->tok1) e = r->hits[h].e;
    if (e && (e->kind == DE_ROLE || e->kind == DE_AGENT)) e = NULL;
    char code[20] = "";
    int kind = AK_ORG, generic = 0;
    const char *name = NULL;
    if (e && (e->kind == DE_ORG || e->kind == DE_ACTOR) && r->hits[h].t1 == en->tok1) {
        /* "CPC" after "CPC International Inc": the company's short name,
         * not the dictionary's Communist Party of China */
        int a = company_by_prefix(r, en->tok0, en->tok1);
        if (a >= 0 && r->as[a].entry != e) {
            en->type = ENT_ORG;
            en->actor = a;
            return mention(r, a, en->tok0, en->tok1);
        }
    }
    if (e) {
        switch (e->kind) {
        case DE_COUNTRY:
            kind = AK_COUNTRY;
            snprintf(code, sizeof code, "%s", e->country ? e->country : entry_code(e, r->date));
            break;
        case DE_ADJ: {
            kind = AK_COUNTRY;
            snprintf(code, sizeof code, "%s", e->country ? e->country : entry_code(e, r->date));
            /* "Bosnian Serbs": where they live, not their kin state */
            char ec[4] = "";
            if (ethnic_country(r, en->tok0, &d->sents[r->sent_of[en->tok0]], ec)) {
                snprintf(code, sizeof code, "%s", ec);
                e = NULL;    /* not the dictionary's country: named as written */
                generic = 1; /* "Serbs" of two countries: two actors */
                const tok *t = &d->toks[en->tok1 - 1];
                if (d->text[t->end - 1] == 's' && !(d->an && en->tok1 < d->ntok && d->an[en->tok1].upos == UPOS_NOUN)) {
                    kind = AK_GROUP;
                    snprintf(code + strlen(code), sizeof code - strlen(code), "CVL");
                }
                break;
            }
            /* "Americans" (people), not "American" (the adjective) */
            const tok *t = &d->toks[en->tok1 - 1];
            if (en->tok1 < d->ntok && d->text[t->end - 1] == 's' && en->type == ENT_NORP &&
                !(d->an && d->an[en->tok1].upos == UPOS_NOUN)) {
                kind = AK_GROUP;
                snprintf(code + strlen(code), sizeof code - strlen(code), "CVL");
            }
            break;
        }
        case DE_SEAT:
            kind = AK_COUNTRY;
            snprintf(code, sizeof code, "%s", entry_code(e, r->date));
            break;
        default:
            snprintf(code, sizeof code, "%s", entry_code(e, r->date));
            kind = en->type == ENT_GPE ? AK_COUNTRY : AK_ORG;
            if (e->kind == DE_ORG && generic_party(d, r->hits[h].t0, r->hits[h].t1)) {
                /* "Christian Democrats" in a story about Italy are
                 * Italy's: the dictionary's country only when the story
                 * is about no other, or a nationality word says so */
                char own[4] = "", cc[4] = "";
                code_country(code, cc);
                int32_t p = en->tok0 > 0 ? r->hit_at[en->tok0 - 1] : -1;
                if (p >= 0 && (r->hits[p].e->kind == DE_ADJ || r->hits[p].e->kind == DE_COUNTRY))
                    note_hit_country(r, r->hits[p].e, own);
                else if (r->home[0])
                    memcpy(own, r->home, 4);
                if (own[0] && cc[0] && strcmp(own, cc)) {
                    snprintf(code, sizeof code, "%sPTY", own);
                    e = NULL; /* not the dictionary's party: named as written */
                }
                generic = 1;
            }
            break;
        }
        if (e && (e->kind == DE_ADJ || e->kind == DE_COUNTRY) && r->hits[h].t1 == en->tok1) {
            /* "the Russian and Venezuelan delegations": a delegation too */
            const dict_entry *re = shared_role(r, en->tok1, &d->sents[r->sent_of[en->tok0]]);
            const char *role = re ? role_code(r, re) : NULL;
            if (role && *role) {
                char cc[4] = "";
                note_hit_country(r, e, cc);
                if (cc[0]) {
                    put_code(code, cc, role, re->agent_prefix);
                    kind = AK_GROUP;
                    e = NULL;
                    generic = 1;
                }
            }
        }
        if (!e) {
            name = arena_span(d, en->start, en->end);
            if (!name) return -1;
        } else if (kind != AK_GROUP && e->kind != DE_SEAT && e->kind != DE_ACTOR) {
            name = e->kind == DE_ADJ ? e->country_name : e->name;
        }
    } else if (en->type == ENT_GPE || en->type == ENT_LOC || en->type == ENT_FAC) {
        const dplace *p = place_over(d, en->start, en->end);
        /* "Dome" after "Dome Petroleum Ltd", "Piedmont" after "Piedmont
         * Aviation Inc": a company's short name the NER took for a place
         * (a town or a region, never a country or a state) */
        if (en->type != ENT_FAC && (!p || !p->feature ||
                                    (strcmp(p->feature, "country") &&
                                     (strcmp(p->feature, "admin1") || (r->home[0] && strcmp(p->country, r->home)))))) {
            int a = company_by_prefix(r, en->tok0, en->tok1);
            if (a >= 0) {
                en->type = ENT_ORG;
                en->actor = a;
                return mention(r, a, en->tok0, en->tok1);
            }
        }
        if (!p) return 0; /* a place nobody resolved: an entity, not an actor */
        if (!p->country[0]) return 0;
        kind = AK_PLACE;
        snprintf(code, sizeof code, "%s", p->country);
    } else if (en->type == ENT_ORG) {
        /* inner dictionary words and the last word */
        context cx;
        memset(&cx, 0, sizeof cx);
        for (uint32_t k = en->tok0; k < en->tok1; k++) {
            int32_t hi = r->hit_at[k];
            if (hi < 0) continue;
            const dict_entry *x = r->hits[hi].e;
            if (x->kind == DE_ROLE || x->kind == DE_AGENT) {
                cx.role = role_code(r, x);
                cx.role_first = x->agent_prefix;
            } else if (x->kind == DE_ORG || x->kind == DE_ACTOR) {
                if (!cx.org_code) cx.org_code = entry_code(x, r->date);
            } else {
                note_hit_country(r, x, cx.country);
            }
            k = r->hits[hi].t1 - 1;
        }
        /* the head of the name decides: "House Oversight and Government
         * Reform Committee" is a committee, "Department of Revenue
         * Services" a department */
        for (const word_role *w = ORG_ROLE; w->w; w++)
            if (tok_is(d, en->tok1 - 1, w->w) || tok_is(d, en->tok0, w->w)) {
                cx.role = w->role;
                cx.role_first = 0;
                break;
            }
        int headbiz = org_head_extra(r, en, &cx);
        /* "the Bank", "the Fund" alone: the body of that name just named
         * ("the Bank of England ... the Bank may") among the latest
         * actors: the wire's "the Bank" is the central bank of the story */
        if (en->tok1 == en->tok0 + 1 && en->tok0 > 0 && tok_is(d, en->tok0 - 1, "the")) {
            static const char *const W_GENERIC_BODY[] = {"bank", "company", "group", "fund", "corporation", "exchange",
                                                  "board", "commission", "agency", "ministry", "department", NULL};
            if (tok_in(d, en->tok0, W_GENERIC_BODY))
                for (int m = 0; m < r->nmru; m++) {
                    int k = r->mru[m];
                    const astate *st = &r->as[k];
                    if (st->kind != AK_ORG || st->name_t1 - st->name_t0 < 2) continue;
                    int named = 0;
                    for (uint32_t x = st->name_t0; x < st->name_t1 && !named; x++) named = tok_eq_ci(d, x, en->tok0);
                    if (!named) continue;
                    en->actor = k;
                    return mention(r, k, en->tok0, en->tok1);
                }
        }
        /* a legal form ends a company's name whatever words it holds:
         * "General Motors Corp" is no general's, "Union Oil Co" no union */
        if (corp_word(d, en->tok1 - 1)) cx.role = "BUS", cx.role_first = 0;
        /* "Central Bank of Brazil", "Federal Reserve Bank": the state's */
        if (cx.role && !strcmp(cx.role, "BUS"))
            for (uint32_t k = en->tok0; k < en->tok1; k++)
                if (tok_in(d, k, W_CENTRAL) && (tok_is(d, en->tok1 - 1, "bank") || tok_is(d, en->tok0, "bank"))) {
                    cx.role = "GOV";
                    break;
                }
        char fcc[4] = "";
        const sent *s = &d->sents[r->sent_of[en->tok0]];
        int firm = (cx.role && !strcmp(cx.role, "BUS"));
        if ((!cx.role || firm) && firm_context(r, en->tok0, en->tok1, s, fcc, 1)) firm = 1;
        if (cx.org_code && code_business(cx.org_code)) firm = 1; /* "Texaco Inc": the dictionary's Texaco */
        /* a short name of a company named before ("USAir" after "USAir
         * Group"): that company */
        if ((headbiz || (!firm && !cx.role)) && !cx.org_code && !cx.country[0]) {
            int a = company_by_prefix(r, en->tok0, en->tok1);
            if (a >= 0) {
                en->actor = a;
                return mention(r, a, en->tok0, en->tok1);
            }
        }
        if (firm) {
            /* a company: the country its own name or the words around it
             * give, else none ("---BUS", as PETRARCH writes an unknown
             * country), never the story's */
            /* an organisation named inside a firm's name gives its country
             * only if it is itself a firm: "CPC International" is no
             * Communist Party of China's */
            if (!cx.country[0] && cx.org_code && code_business(cx.org_code)) code_country(cx.org_code, cx.country);
            if (!cx.country[0] && fcc[0]) memcpy(cx.country, fcc, 4);
            if (!cx.country[0]) {
                const dplace *p = place_over(d, en->start, en->end);
                if (p && p->country[0]) memcpy(cx.country, p->country, 4);
            }
            /* "United Banks of Colorado", "Hawaii Pacific Health" */
            for (uint32_t k = en->tok0; k < en->tok1 && !cx.country[0]; k++)
                if (us_state_at(d, k, en->tok1)) memcpy(cx.country, "USA", 4);
            put_code(code, cx.country[0] ? cx.country : "---", "BUS", 0);
            /* "Texaco Inc" is the dictionary's Texaco: a later "Texaco"
             * is the same actor */
            int32_t h0 = r->hit_at[en->tok0];
            if (h0 >= 0 && r->hits[h0].t0 == en->tok0 && r->hits[h0].e->kind == DE_ORG &&
                code_business(entry_code(r->hits[h0].e, r->date)))
                e = r->hits[h0].e;
        } else {
            if (!cx.country[0]) {
                const dplace *p = place_over(d, en->start, en->end);
                if (p && p->country[0]) memcpy(cx.country, p->country, 4);
            }
            if (cx.role || cx.country[0] || cx.org_code) context_code(r, &cx, code);
            else if (r->home[0]) snprintf(code, sizeof code, "%s", r->home);
        }
    } else if (en->type == ENT_NORP) {
        kind = AK_GROUP;
    } else {
        return 0;
    }
    /* the same thing mentioned before */
    int a = -1;
    size_t stop = d->nactor > LOOKBACK ? d->nactor - LOOKBACK : 0;
    for (size_t i = d->nactor; i-- > stop;) {
        astate *st = &r->as[i];
        if (st->kind != kind) continue;
        /* (one party name, two countries' parties: two actors) */
        if (generic && strcmp(d->actors[i].code, code)) continue;
        if (kind == AK_COUNTRY ? !strcmp(d->actors[i].code, code)
                               : ((e && st->entry == e) || same_text(d, st->name_t0, st->name_t1, en->tok0, en->tok1))) {
            a = (int)i;
            break;
        }
    }
    if (a < 0 && kind == AK_ORG && !e && code_business(code)) {
        /* "Texaco" first, "Texaco Inc" later: the short name was this
         * company, coded before anything said so */
        for (size_t i = d->nactor; i-- > stop;) {
            astate *st = &r->as[i];
            if (st->kind != AK_ORG || st->entry || code_business(d->actors[i].code)) continue;
            uint32_t n = st->name_t1 - st->name_t0, k = 0;
            if (n >= en->tok1 - en->tok0) continue;
            while (k < n && tok_eq(d, st->name_t0 + k, en->tok0 + k)) k++;
            if (k < n) continue;
            a = (int)i;
            st->name_t0 = en->tok0;
            st->name_t1 = en->tok1;
            d->actors[i].name = arena_span(d, en->start, en->end);
            if (!d->actors[i].name) return -1;
            set_code(&d->actors[i], code);
            break;
        }
    }
    if (a < 0) {
        if (!name) name = arena_span(d, en->start, en->end);
        if (!name || (a = new_actor(r, kind, name, en->type)) < 0) return -1;
        r->as[a].entry = e;
        r->as[a].name_t0 = en->tok0;
        r->as[a].name_t1 = en->tok1;
        set_code(&d->actors[a], code);
    }
    en->actor = a;
    return mention(r, a, en->tok0, en->tok1);
}

/* "supporters of the coffee bill", "the main supporters of a farm loan
 * market": supporters of a thing are whoever backs it (banks, lawmakers),
 * no civilian group; those of a person, a body or a movement ("supporters
 * of Baghdad", "of the conservative Inkatha movement", "of the
 * president") stay CVL.  Token h is the phrase's head, t1 the token after
 * it: an actor within four tokens after "of" keeps the group. */
static int supporters_of_thing(const run *r, uint32_t h, uint32_t t1, const sent *s) {
    const dyad_doc *d = r->d;
    if (!tok_is(d, h, "supporters") && !tok_is(d, h, "supporter")) return 0;
    if (t1 >= s->last || !tok_is(d, t1, "of")) return 0;
    for (uint32_t k = t1 + 1; k < s->last && k <= t1 + 4; k++) {
        if (r->ent_at[k] >= 0) return 0;
        int hk = hit_kind(r, k);
        if (hk && hk != DE_AGENT) return 0;
        if (d->toks[k].kind == TOK_PUNCT) break;
    }
    return 1;
}

/* A role phrase without a name: "Turkish police", "the French leader",
 * "Brazil's foreign minister", "government officials".  Returns the token
 * after the phrase. */
static uint32_t nominal(run *r, uint32_t i, const sent *s, int *err) {
    dyad_doc *d = r->d;
    int32_t h = r->hit_at[i];
    uint32_t t1 = r->hits[h].t1;
    /* the head is the last of adjacent role words: "government officials" */
    const dict_entry *head = r->hits[h].e;
    while (t1 < s->last && hit_kind(r, t1) && (hit_kind(r, t1) == DE_ROLE || hit_kind(r, t1) == DE_AGENT) &&
           !r->used[t1]) {
        head = r->hits[r->hit_at[t1]].e;
        t1 = r->hits[r->hit_at[t1]].t1;
    }
    /* "either party may terminate the agreement", "the relevant
     * parties": the sides of a contract or of talks, no
     * political party */
    if (t1 == i + 1 && i > s->first && (tok_is(d, i, "party") || tok_is(d, i, "parties")) && !tok_upper(d, i) &&
        tok_in(d, i - 1, W_SIDE_DET))
        return t1;
    /* a body noun modifying another noun names no actor: "the committee
     * room", "a department store".  A plural after it is more often a
     * verb the tagger misread in a headline ("House panel votes",
     * "Federal court rules") */
    if (t1 < s->last && d->an && tok_in(d, t1 - 1, W_BODY_MOD) && d->an[t1 - 1].deprel == DEP_COMPOUND &&
        d->an[t1 - 1].head >= (int32_t)t1 && d->an[t1].upos == UPOS_NOUN && d->an[t1].xpos == XPOS_NN &&
        r->ent_at[t1] < 0 && !tok_in(d, t1, W_BODY_ACT))
        return t1;
    if (supporters_of_thing(r, t1 - 1, t1, s)) return t1;
    /* a title before a name belongs to the person */
    if (t1 < s->last && (r->ent_at[t1] >= 0 || (d->an && d->an[t1].upos == UPOS_PROPN && (d->toks[t1].flags & TOKF_UPPER))))
        return t1;
    /* "a terror campaign", "the bombing campaign", "a campaign of
     * violence": an undertaking, not a candidate's campaign */
    if (tok_is(d, t1 - 1, "campaign") &&
        ((t1 < s->last && tok_is(d, t1, "of")) || (t1 >= 2 && t1 - 2 >= s->first && tok_in(d, t1 - 2, W_CAMPAIGN_KIND))))
        return t1;
    context cx;
    memset(&cx, 0, sizeof cx);
    cx.role = role_code(r, head);
    cx.role_first = head->agent_prefix;
    /* left modifiers */
    uint32_t t0 = i;
    int definite = 0, foreign = 0;
    const char *org_mod = NULL; /* an international body before the role: "Red Cross officials" */
    while (t0 > s->first) {
        uint32_t k = t0 - 1;
        int32_t hk = r->hit_at[k];
        if (hk >= 0) {
            const dict_entry *e = r->hits[hk].e;
            char ec[4] = "";
            if ((e->kind == DE_COUNTRY || e->kind == DE_ADJ) && !cx.country[0] && ethnic_country(r, k, s, ec))
                memcpy(cx.country, ec, 4); /* "Bosnian Croat forces" are Bosnia's */
            else if (e->kind == DE_COUNTRY || e->kind == DE_ADJ || e->kind == DE_SEAT) note_hit_country(r, e, cx.country);
            else if (e->kind == DE_ORG || e->kind == DE_ACTOR) {
                char cc[4];
                const char *oc = entry_code(e, r->date);
                code_country(oc, cc);
                if (!cx.country[0] && cc[0]) memcpy(cx.country, cc, 4);
                /* "Red Cross officials", "UN inspectors": the body's
                 * staff, not the country they work in */
                if (!cc[0] && !cx.country[0] && strlen(oc) >= 6 && r->hits[hk].t1 == t0 &&
                    (!memcmp(oc, "IGO", 3) || !memcmp(oc, "NGO", 3)) &&
                    (!cx.role || !strcmp(cx.role, "GOV") || !strcmp(cx.role, "MIL") || !strcmp(cx.role, "COP")))
                    org_mod = oc;
                /* "United Russia officials", "LDP officials": a party's
                 * officials are the party's, not the government's */
                if (strlen(oc) == 6 && !strcmp(oc + 3, "PTY") && r->hits[hk].t1 == t0 && cx.role &&
                    !strcmp(cx.role, "GOV") && !generic_party(d, r->hits[hk].t0, r->hits[hk].t1))
                    cx.role = "PTY";
            } else if (e->kind == DE_PERSON) {
                /* "the Reagan administration": the person's country */
                char cc[4] = "";
                code_country(entry_code(e, r->date), cc);
                if (!cx.country[0] && cc[0]) memcpy(cx.country, cc, 4);
                t0 = r->hits[hk].t0;
                if (t0 > s->first && tok_in(d, t0 - 1, W_DET_DEF)) definite = 1, t0--;
                break;
            } else
                break; /* another role phrase ("guerrillas wounded two British soldiers") or a non-actor word */
            if (e->kind == DE_COUNTRY) definite = 1; /* "Brazil's foreign minister" */
            t0 = r->hits[hk].t0;
            continue;
        }
        if (r->ent_at[k] >= 0) { /* a place or org as modifier: "Istanbul police" */
            const dent *x = &r->ents[r->ent_at[k]];
            if (x->type == ENT_PERSON) {
                /* "the Obama administration": the person's country */
                if (x->actor >= 0 && !cx.country[0] && d->actors[x->actor].country[0])
                    memcpy(cx.country, d->actors[x->actor].country, 4);
                if (x->tok1 == t0) t0 = x->tok0;
                if (t0 > s->first && tok_in(d, t0 - 1, W_DET_DEF)) definite = 1, t0--;
                break;
            }
            const dplace *p = place_over(d, x->start, x->end);
            if (p && p->country[0] && !cx.country[0]) memcpy(cx.country, p->country, 4);
            t0 = x->tok0;
            continue;
        }
        if (tok_is(d, k, "'s") || tok_is(d, k, "’s")) {
            /* "Brazil's foreign minister", not "Clinton's donors" */
            int kk = k > s->first ? hit_kind(r, k - 1) : 0;
            if (kk && kk != DE_ROLE && kk != DE_AGENT && kk != DE_PERSON) {
                t0 = k;
                continue;
            }
            break;
        }
        if (tok_in(d, k, W_FORMER)) {
            cx.former = 1;
            t0 = k;
            continue;
        }
        /* "foreign governments", "foreign diplomats": not the story's
         * country; "Western diplomats": CAMEO's West */
        if ((tok_is(d, k, "foreign") || tok_is(d, k, "overseas")) && !tok_in(d, k + 1, W_FOREIGN_OFFICE)) {
            foreign = 1;
            t0 = k;
            continue;
        }
        if (k + 1 == i && tok_is(d, k, "western") && tok_upper(d, k) && !cx.country[0]) {
            memcpy(cx.country, "WST", 4);
            t0 = k;
            continue;
        }
        if (tok_in(d, k, W_DET_DEF)) {
            definite = 1;
            t0 = k;
            break;
        }
        if (d->an && (d->an[k].upos == UPOS_ADJ || d->an[k].upos == UPOS_NUM) && !(d->toks[k].flags & TOKF_BOILER)) {
            t0 = k;
            continue;
        }
        /* a noun compound inside the phrase: "the state department", "the
         * oversight committee" */
        if (d->an && d->an[k].upos == UPOS_NOUN && d->an[k].deprel == DEP_COMPOUND && d->an[k].head >= (int32_t)i &&
            d->an[k].head < (int32_t)t1 && !(d->toks[k].flags & TOKF_BOILER)) {
            t0 = k;
            continue;
        }
        if (tok_is(d, k, "a") || tok_is(d, k, "an")) t0 = k;
        break;
    }
    /* "the president of France" */
    if (t1 + 1 < s->last && tok_is(d, t1, "of")) {
        int32_t hk = r->hit_at[t1 + 1];
        if (hk >= 0 && r->hits[hk].t0 == t1 + 1 &&
            (r->hits[hk].e->kind == DE_COUNTRY || r->hits[hk].e->kind == DE_SEAT))
            note_hit_country(r, r->hits[hk].e, cx.country);
    }
    /* "the governments of two dozen Western countries": those countries;
     * "the governments of several countries": some, not the story's */
    if (!cx.country[0] && t1 + 2 < s->last && tok_is(d, t1, "of")) {
        char cc[4] = "";
        for (uint32_t k = t1 + 1, n = 0; k < s->last && n < 5; k++, n++) {
            if (tok_in(d, k, W_STATES)) {
                if (cc[0]) memcpy(cx.country, cc, 4);
                else foreign = 1;
                break;
            }
            int hk = hit_kind(r, k);
            if (hk == DE_ADJ || hk == DE_COUNTRY) note_hit_country(r, r->hits[r->hit_at[k]].e, cc);
            else if (tok_is(d, k, "western") && tok_upper(d, k) && !cc[0]) memcpy(cc, "WST", 4);
            else if (hk || !d->an ||
                     !(d->an[k].upos == UPOS_ADJ || d->an[k].upos == UPOS_NUM || d->an[k].upos == UPOS_DET || tok_is(d, k, "dozen")))
                break;
        }
    }
    /* "16 Western creditor countries", "Several Latin American countries",
     * "OPEC countries": states a region or a body names are its (WSTGOV,
     * LAMGOV, IGOOPC).  Countries the phrase gives no region ("42
     * countries", "other nations") are no actor: coded with no country
     * (---GOV) they drew the event coder's pronouns and appositives
     * ("eight countries, Kenya, Peru ...") into wrong events; "the two
     * countries", "its creditor nations" were named before. */
    if (tok_in(d, t1 - 1, W_STATES) && !tok_is(d, t1 - 1, "governments")) {
        static const char *const poss[] = {"its", "their", "our", "these", "those", "both", NULL};
        if (definite || (d->an && d->an[t1 - 1].xpos != XPOS_NNS) || (t0 > s->first && tok_in(d, t0 - 1, poss)) ||
            tok_in(d, t0, poss) || (!cx.country[0] && !org_mod) ||
            (tok_upper(d, t1 - 1) && t1 - 1 > s->first && tok_upper(d, t1 - 2))) /* "Tin Producing Countries" */
            return t1;
    }
    int phrase_country = cx.country[0] != '\0';
    /* no country in the phrase: the nearest one named before it in the
     * sentence ("Turkish police detained 20 protesters") */
    if (!cx.country[0] && !foreign && !org_mod)
        for (uint32_t k = t0; k-- > s->first;) {
            int hk = hit_kind(r, k);
            if (hk == DE_COUNTRY || hk == DE_ADJ || hk == DE_SEAT) {
                note_hit_country(r, r->hits[r->hit_at[k]].e, cx.country);
                break;
            }
        }
    uint32_t hd = t1 - 1;
    int plural = d->an && (d->an[hd].xpos == XPOS_NNS || d->an[hd].xpos == XPOS_NNPS);
    char code[20];
    context_code(r, &cx, code);
    if (org_mod) snprintf(code, sizeof code, "%s", org_mod);
    else if (foreign && !cx.country[0] && cx.role) put_code(code, "---", cx.role, cx.role_first);
    int a = -1;
    int fdef = definite;
    char fcc[4] = "";
    if (!fdef && !plural && d->an && cx.role && !strcmp(cx.role, "BUS")) {
        /* "the Canadian oil and gas firm": modifiers with a conjunction
         * stop the walk above; "the" a few words back still makes it
         * definite */
        for (uint32_t k = t0, n = 0; k > s->first && n < 8; k--, n++) {
            uint32_t j = k - 1;
            if (tok_is(d, j, "the")) {
                fdef = 1;
                break;
            }
            uint8_t u = d->an[j].upos;
            if (!(u == UPOS_ADJ || u == UPOS_NOUN || u == UPOS_CCONJ || u == UPOS_PROPN || tok_is(d, j, "-") ||
                  tok_is(d, j, ",")))
                break;
            if (hit_kind(r, j) == DE_ADJ || hit_kind(r, j) == DE_COUNTRY) note_hit_country(r, r->hits[r->hit_at[j]].e, fcc);
        }
        if (fcc[0] && !phrase_country) {
            memcpy(cx.country, fcc, 4);
            phrase_country = 1;
            context_code(r, &cx, code);
        }
    }
    if (!plural && fdef && !cx.former && cx.role && !strcmp(cx.role, "BUS") && firm_noun(d, hd, s->first)) {
        /* "the company", "the West German bank": the latest company named
         * within 5 sentences (of the phrase's country if it gives one),
         * not its chairman; one last seen as a subject first (the wire's
         * "Acme Inc said it would buy Widget Co ... The company said":
         * the buyer) */
        for (int pass = 0; pass < 2 && a < 0; pass++)
            for (int m = 0; m < r->nmru && a < 0; m++) {
                int k = r->mru[m];
                const astate *st = &r->as[k];
                if (st->kind != AK_ORG || r->sent_of[i] - st->last_sent > 5) continue;
                /* a company, or a body whose name has the phrase's noun:
                 * "the Bank" after the Bank of England */
                int named = 0;
                for (uint32_t x = st->name_t0; x < st->name_t1 && !named; x++) named = tok_eq_ci(d, x, hd);
                if (!named && !code_business(d->actors[k].code)) continue;
                if (phrase_country && strncmp(d->actors[k].code, cx.country, 3) && strncmp(d->actors[k].code, "---", 3))
                    continue;
                if (pass == 0 && !st->subj) continue;
                a = k;
            }
        /* "Dome ... the Canadian oil and gas firm": the description gives
         * the company of unknown country its country */
        if (a >= 0 && phrase_country && !strncmp(d->actors[a].code, "---", 3)) {
            char nc[20];
            put_code(nc, cx.country, "BUS", 0);
            set_code(&d->actors[a], nc);
        }
        if (a < 0) definite = 0; /* no company to be: a description of its own */
    }
    if (a < 0 && !plural && definite && !cx.former) {
        /* "the French leader": the latest person it fits, within 5 sentences */
        char role3[4] = "", cc[4] = "";
        if (cx.role) snprintf(role3, sizeof role3, "%s", cx.role);
        for (int m = 0; m < r->nmru; m++) {
            int k = r->mru[m];
            const astate *st = &r->as[k];
            if (st->kind != AK_PERSON || r->sent_of[i] - st->last_sent > 5) continue;
            const dactor *ac = &d->actors[k];
            if (cx.country[0] && strcmp(ac->country, cx.country)) continue;
            if (role3[0] && (strlen(ac->code) < 6 || memcmp(ac->code + 3, role3, 3))) continue;
            a = (int)k;
            break;
        }
        (void)cc;
    }
    if (a < 0 && !plural && definite && !cx.former && tok_in(d, hd, W_BODY)) {
        /* "the committee": the latest named body with the same head noun
         * (a panel: any committee or commission), of the phrase's country
         * if it gives one, within 5 sentences */
        int panel = tok_is(d, hd, "panel");
        for (int m = 0; m < r->nmru; m++) {
            int k = r->mru[m];
            const astate *st = &r->as[k];
            if (st->kind != AK_ORG || st->name_t1 <= st->name_t0 || r->sent_of[i] - st->last_sent > 5) continue;
            if (phrase_country && strcmp(d->actors[k].country, cx.country)) continue;
            uint32_t last = st->name_t1 - 1;
            if (!(panel ? tok_in(d, last, W_PANEL_OF) : tok_eq_ci(d, last, hd))) continue;
            /* the phrase's own words must be in the name: "the oversight
             * committee" is the House Oversight Committee, "the state
             * department" is not the Justice Department */
            int fits = 1;
            for (uint32_t w = t0; w < hd && fits; w++) {
                int hk = hit_kind(r, w);
                if (tok_in(d, w, W_DET_DEF) || hk == DE_COUNTRY || hk == DE_ADJ || hk == DE_SEAT) continue;
                fits = 0;
                for (uint32_t x = st->name_t0; x < st->name_t1 && !fits; x++) fits = tok_eq_ci(d, w, x);
            }
            if (!fits) continue;
            a = k;
            break;
        }
    }
    if (a < 0 && plural) {
        /* the same group again: same code and head word */
        size_t stop = d->nactor > LOOKBACK ? d->nactor - LOOKBACK : 0;
        for (size_t k = d->nactor; k-- > stop;) {
            const astate *st = &r->as[k];
            if (st->kind == AK_GROUP && st->head && !strcmp(d->actors[k].code, code) && tok_eq(d, st->head, hd)) {
                a = (int)k;
                break;
            }
        }
    }
    if (a < 0) {
        uint32_t n0 = t0;
        while (n0 < hd && (tok_in(d, n0, W_DET_DEF) || tok_is(d, n0, "a") || tok_is(d, n0, "an") ||
                           d->toks[n0].kind == TOK_NUM || tok_is(d, n0, "'s") || tok_is(d, n0, "’s")))
            n0++;
        const char *name = arena_span(d, d->toks[n0].start, d->toks[hd].end);
        if (!name || (a = new_actor(r, plural ? AK_GROUP : AK_DESC, name, ENT_NONE)) < 0) {
            *err = 1;
            return t1;
        }
        r->as[a].head = hd;
        set_code(&d->actors[a], code);
        d->actors[a].gender = plural ? 3 : 0;
        const char *role = arena_span(d, d->toks[n0].start, d->toks[hd].end);
        if (!role || add_role(d, &d->actors[a], role)) {
            *err = 1;
            return t1;
        }
    }
    if (mention(r, a, t0, t1)) *err = 1;
    return t1;
}

/* Words after "the Centre" that make it part of a longer name or no
 * government: "the Centre for Policy Research", "the Centre party",
 * "the Centre-left". */
static const char *const W_CENTRE_OF[] = {"for", "party", "-", "–", "ground", "stage", NULL};

/* "the Centre" in an Indian story is the Union government ("Tamil Nadu
 * accused the Centre of refusing to act"), whether or not the NER tagged
 * it: INDGOV, one actor for all its mentions.  Not a longer name ("the
 * Centre for Science and Environment", "the Centre Party"), not in any
 * other country's story (Sweden's and Finland's "Centre" is a party).
 * Returns the token after it, or 0 when token i is no such Centre. */
static uint32_t india_centre(run *r, uint32_t i, const sent *s, int *err) {
    dyad_doc *d = r->d;
    if (strcmp(r->home, "IND") || i <= s->first || !tok_upper(d, i) || !tok_is(d, i, "centre") ||
        !tok_is(d, i - 1, "the"))
        return 0;
    const tok *k = &d->toks[i];
    if (d->text[k->start] != 'C' || (k->end - k->start > 1 && d->text[k->start + 1] != 'e')) return 0; /* "CENTRE" */
    if (i + 1 < s->last && (tok_upper(d, i + 1) || tok_in(d, i + 1, W_CENTRE_OF))) return 0;
    if (r->ent_at[i] >= 0 && (r->ents[r->ent_at[i]].tok0 != i || r->ents[r->ent_at[i]].tok1 != i + 1)) return 0;
    int a = -1;
    for (size_t j = d->nactor; j-- > 0;)
        if (r->as[j].kind == AK_ORG && r->as[j].centre) {
            a = (int)j;
            break;
        }
    if (a < 0) {
        const char *name = arena_span(d, k->start, k->end);
        if (!name || (a = new_actor(r, AK_ORG, name, ENT_ORG)) < 0) {
            *err = 1;
            return i + 1;
        }
        r->as[a].centre = 1;
        r->as[a].name_t0 = i;
        r->as[a].name_t1 = i + 1;
        set_code(&d->actors[a], "INDGOV");
    }
    if (r->ent_at[i] >= 0) r->ents[r->ent_at[i]].actor = a;
    if (mention(r, a, i, i + 1)) *err = 1;
    return i + 1;
}

/* he/she/his/her: the most salient person of the last two sentences whose
 * gender fits; a subject pronoun prefers the latest subject.  A person
 * known to be of the pronoun's gender wins over one of unknown gender
 * ("Trump called on her" with Hillary Clinton known female). */
static int pronoun(run *r, uint32_t i, int gender) {
    dyad_doc *d = r->d;
    uint32_t si = r->sent_of[i];
    int is_subj = d->an && (d->an[i].deprel == DEP_NSUBJ || d->an[i].deprel == DEP_NSUBJ_PASS);
    int best[2] = {-1, -1}, best_subj[2] = {-1, -1}; /* [1]: gender known and equal */
    for (int m = 0; m < r->nmru; m++) {
        int k = r->mru[m];
        const astate *st = &r->as[k];
        const dactor *ac = &d->actors[k];
        if (st->kind != AK_PERSON && !(gender == 3 && (st->kind == AK_GROUP || st->kind == AK_ORG))) continue;
        if (gender == 3 && st->kind == AK_PERSON) continue;
        if (st->last_tok >= i || si - st->last_sent > (gender == 3 ? 1u : 2u)) continue;
        if (gender != 3 && ac->gender && ac->gender != gender) continue;
        int known = gender != 3 && ac->gender == gender;
        if (best[known] < 0) best[known] = k;
        if (st->subj && best_subj[known] < 0) best_subj[known] = k;
    }
    int g = best[1] >= 0 ? 1 : 0;
    int a = (is_subj && best_subj[g] >= 0) ? best_subj[g] : best[g];
    if (a < 0) return 0;
    if (gender != 3 && !d->actors[a].gender) d->actors[a].gender = (uint8_t)gender;
    int rc = mention(r, a, i, i + 1);
    /* a pronoun keeps the person salient without making it a new subject
     * unless it is one */
    return rc;
}

/* "Hungary has said it will support ...": "it", the subject of what an
 * organisation or a country says, is that speaker.  Elsewhere "it" is
 * mostly a thing or a dummy ("it is likely"), so it is left alone. */
static int pronoun_it(run *r, uint32_t i) {
    dyad_doc *d = r->d;
    if (!d->an || d->an[i].upos != UPOS_PRON) return 0;
    if (d->an[i].deprel != DEP_NSUBJ && d->an[i].deprel != DEP_NSUBJ_PASS) return 0;
    int32_t h = d->an[i].head;
    if (h < 0 || (d->an[h].deprel != DEP_CCOMP && d->an[h].deprel != DEP_PARATAXIS)) return 0;
    int32_t g = d->an[h].head;
    if (g < 0 || g >= (int32_t)i) return 0;
    const sent *s = &d->sents[r->sent_of[i]];
    /* the governor's subject, within a bounded window before it */
    uint32_t lo = (uint32_t)g > s->first + 64 ? (uint32_t)g - 64 : s->first;
    for (uint32_t t = lo; t < (uint32_t)g; t++) {
        if (d->an[t].head != g || d->an[t].deprel != DEP_NSUBJ) continue;
        int32_t a = r->tok_actor[t];
        if (a < 0) return 0;
        uint8_t k = r->as[a].kind;
        if (k != AK_ORG && k != AK_COUNTRY && k != AK_GROUP) return 0;
        return mention(r, a, i, i + 1);
    }
    return 0;
}

/* "it" and "its" after a company: "Texaco is fighting a law requiring it
 * to post a bond", "Bally agreed to buy back its shares".  The pronoun is
 * the company when the latest actor other than a person or a place, named
 * in this sentence or the one before, is a company; "it" that is a dummy
 * ("it is likely that") or the subject of an adjective ("it was unfair":
 * as often the deal as the firm) is left alone.  Countries and other
 * organisations keep pronoun_it's narrower rule. */
static int pronoun_firm(run *r, uint32_t i) {
    dyad_doc *d = r->d;
    if (!d->an || (d->an[i].upos != UPOS_PRON && d->an[i].upos != UPOS_DET)) return 0;
    if (d->an[i].deprel == DEP_EXPL) return 0;
    int32_t h = d->an[i].head;
    if (tok_is(d, i, "it") && h >= 0 && d->an[h].upos == UPOS_ADJ) return 0;
    /* "it is expected that", "it said": a following "is"/"was" + adjective */
    if (tok_is(d, i, "it") && i + 2 < d->ntok && d->an[i + 2].upos == UPOS_ADJ &&
        (tok_is(d, i + 1, "is") || tok_is(d, i + 1, "was") || tok_is(d, i + 1, "'s")))
        return 0;
    uint32_t si = r->sent_of[i];
    for (int m = 0; m < r->nmru; m++) {
        int k = r->mru[m];
        const astate *st = &r->as[k];
        if (st->kind == AK_PERSON || st->kind == AK_PLACE) continue;
        if (st->last_tok >= i) continue;
        if (st->kind != AK_ORG || !code_business(d->actors[k].code) || si - st->last_sent > 1) return 0;
        uint8_t subj = st->subj;
        int rc = mention(r, k, i, i + 1);
        r->as[k].subj = subj; /* a pronoun keeps the company's salience as it was */
        return rc;
    }
    return 0;
}

/* A surname before the full name ("Navalny's arrest ... Alexei
 * Navalny"): the NER, seeing one capitalised word, often calls it an
 * organisation.  A one-word ORG or MISC entity no dictionary knows, whose
 * word is the last word of a PERSON name within the next SURNAME_AHEAD
 * entities, is that person. */
#define SURNAME_AHEAD 64
static void surname_first(run *r) {
    const dyad_doc *d = r->d;
    for (size_t i = 0; i < r->nent; i++) {
        dent *en = &r->ents[i];
        if (en->tok1 != en->tok0 + 1 || (en->type != ENT_ORG && en->type != ENT_MISC)) continue;
        if (r->hit_at[en->tok0] >= 0) continue;
        for (size_t j = i + 1; j < r->nent && j <= i + SURNAME_AHEAD; j++) {
            const dent *p = &r->ents[j];
            if (p->type == ENT_PERSON && p->tok1 - p->tok0 >= 2 && tok_eq(d, en->tok0, p->tok1 - 1)) {
                en->type = ENT_PERSON;
                break;
            }
        }
    }
}

static int resolve(run *r) {
    dyad_doc *d = r->d;
    int err = 0;
    size_t ei = 0;
    for (size_t si = 0; si < d->nsent && !err; si++) {
        const sent *s = &d->sents[si];
        for (uint32_t i = s->first; i < s->last && !err;) {
            if (d->toks[i].flags & TOKF_BOILER) {
                i++;
                continue;
            }
            while (ei < r->nent && r->ents[ei].tok0 < i) ei++;
            uint32_t nc = india_centre(r, i, s, &err);
            if (nc) {
                while (ei < r->nent && r->ents[ei].tok0 < nc) ei++;
                i = nc;
                continue;
            }
            if (ei < r->nent && r->ents[ei].tok0 == i) {
                dent *en = &r->ents[ei];
                uint32_t next = en->tok1;
                /* "car group Renault", "Deutsche Bank AG", "Texaco" after
                 * "Texaco Inc": a company the NER took for a person */
                if (en->type == ENT_PERSON && (r->hit_at[en->tok0] < 0 || hit_kind(r, en->tok0) == DE_ORG) &&
                    person_is_firm(r, en, s))
                    en->type = ENT_ORG;
                /* "Kadima", "Hamas" taken for a person's name: the whole
                 * name is an organisation's in the dictionary */
                if (en->type == ENT_PERSON && hit_kind(r, en->tok0) == DE_ORG &&
                    r->hits[r->hit_at[en->tok0]].t0 == en->tok0 && r->hits[r->hit_at[en->tok0]].t1 == en->tok1)
                    en->type = ENT_ORG;
                if (en->type == ENT_PERSON) err = person(r, ei, s) != 0;
                else err = thing(r, ei) != 0;
                ei++;
                /* a nested entity (same start) is skipped */
                while (ei < r->nent && r->ents[ei].tok0 < next) ei++;
                i = next;
                continue;
            }
            int k = hit_kind(r, i);
            if ((k == DE_ROLE || k == DE_AGENT) && !r->used[i] && r->hits[r->hit_at[i]].t0 == i) {
                i = nominal(r, i, s, &err);
                continue;
            }
            if (d->toks[i].kind == TOK_WORD && (d->toks[i].end - d->toks[i].start) <= 10) {
                int g = tok_in(d, i, W_PRON_HE) ? 1 : tok_in(d, i, W_PRON_SHE) ? 2 : tok_in(d, i, W_PRON_THEY) ? 3 : 0;
                if (g && (!d->an || d->an[i].upos == UPOS_PRON || d->an[i].upos == UPOS_DET)) err = pronoun(r, i, g) != 0;
                else if (!g && tok_is(d, i, "it")) {
                    err = pronoun_it(r, i) != 0;
                    if (!err && r->tok_actor[i] < 0) err = pronoun_firm(r, i) != 0;
                } else if (!g && tok_is(d, i, "its"))
                    err = pronoun_firm(r, i) != 0;
            }
            i++;
        }
    }
    return err ? DYAD_ENOMEM : DYAD_OK;
}

/* ---- pass 4: output ------------------------------------------------------ */

static int cmp_mention(const void *a, const void *b) {
    const dmention *x = a, *y = b;
    if (x->actor != y->actor) return x->actor < y->actor ? -1 : 1;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return 0;
}

int32_t actor_doc_date(const dyad_doc *d) {
    const char *s = d->field[DYAD_FIELD_DATE];
    if (!s || d->field_len[DYAD_FIELD_DATE] < 4) return 0;
    int32_t v = 0;
    int digits = 0;
    for (size_t i = 0; i < d->field_len[DYAD_FIELD_DATE] && digits < 8; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            digits++;
        } else if (c != '-') {
            break;
        }
    }
    if (digits == 4) return v * 10000 + 101;
    if (digits == 6) return v * 100 + 1;
    return digits == 8 ? v : 0;
}

int actor_run(const dict *dic, dyad_doc *d) {
    if (!d) return DYAD_EINVAL;
    size_t n = d->ntok;
    d->nactor = d->nmention = 0;
    if (!n) {
        d->nent = 0;
        return DYAD_OK;
    }
    run r;
    memset(&r, 0, sizeof r);
    r.dict = dic;
    r.d = d;
    r.date = actor_doc_date(d);
    r.hit_at = arena_alloc(&d->a, n * sizeof *r.hit_at);
    r.ent_at = arena_alloc(&d->a, n * sizeof *r.ent_at);
    r.sent_of = arena_alloc(&d->a, n * sizeof *r.sent_of);
    r.tok_actor = arena_alloc(&d->a, n * sizeof *r.tok_actor);
    r.used = arena_alloc(&d->a, n);
    r.hits = arena_alloc(&d->a, n * sizeof *r.hits);
    r.capent = d->nent + n;
    r.ents = arena_alloc(&d->a, r.capent * sizeof *r.ents);
    /* every actor has at least one mention, and a mention covers >= 1 token */
    r.cap_as = n + 1;
    r.as = arena_alloc(&d->a, r.cap_as * sizeof *r.as);
    if (!r.hit_at || !r.ent_at || !r.sent_of || !r.tok_actor || !r.used || !r.hits || !r.ents || !r.as) return DYAD_ENOMEM;
    for (size_t i = 0; i < n; i++) r.hit_at[i] = r.ent_at[i] = r.tok_actor[i] = -1, r.sent_of[i] = 0;
    memset(r.used, 0, n);
    for (size_t si = 0; si < d->nsent; si++)
        for (uint32_t i = d->sents[si].first; i < d->sents[si].last && i < n; i++) r.sent_of[i] = (uint32_t)si;
    int rc = DYAD_OK;
    if (dic) rc = scan_dict(&r);
    if (!rc) rc = build_ents(&r);
    if (rc) return rc;
    home_country(&r);
    surname_first(&r);
    rc = resolve(&r);
    if (rc) return rc;
    /* the typed entities replace the NER's */
    d->nent = 0;
    for (size_t i = 0; i < r.nent; i++)
        if (doc_push_ent(d, &r.ents[i])) return DYAD_ENOMEM;
    if (d->nmention > 1) qsort(d->mentions, d->nmention, sizeof *d->mentions, cmp_mention);
    return DYAD_OK;
}
