/* place.c -- gazetteer image and toponym recognition and resolution.
 *
 * Recognition: there is no entity stage yet, so candidates are capitalised
 * token sequences matched against the gazetteer, longest match first; the
 * gazetteer stores every word prefix of its multi-word keys, so a scan stops
 * at the first token sequence the table does not know.  A match is dropped
 * when it is only part of a larger proper name ("New York Times", "Paris
 * Hilton", "Georgia Tech": a capitalised word follows that is not a title
 * or institution word; "John Paris": a capitalised word precedes inside the
 * sentence; "Lula da Silva": a name particle between capitalised words),
 * when it is a common word listed in data/stopnames.txt without a locative
 * cue ("in Reading"), when a small town is the subject of a person's verb
 * ("Lula met", or its nsubj when parsed), and, when the tagger has run,
 * when a one-word match is not tagged PROPN.
 *
 * Nationality words ("Kenyan", "Peruvians") are not places: SPEC's places
 * are toponyms and an event's place is where it happened, which "Ugandan
 * troops" does not say.  They are kept as country signals for resolution.
 *
 * Resolution scores every candidate entry of a mention:
 *   prior      log10 of population (areas: of their places), plus a bonus
 *              for countries, regions and national capitals;
 *   container  "Paris, Texas", "Tripoli, Lebanon", "Kyoto, Japan": the
 *              candidate inside the named country or admin1 wins outright;
 *   cue        a nationality word just before ("the Kenyan capital
 *              Nairobi") favours that country;
 *   context    the countries and admin1 areas of the document's other
 *              names (one vote per name and sense, never its own) and
 *              nationality words favour candidates in them;
 *   coherence  senses of two ambiguous names lying close together
 *              ("Franklin" and "Williamson County") favour each other,
 *              computed once over all candidates, not the current choices;
 *   namesake   an admin1 area yields to its own seat of the same name
 *              ("Geneva" the city, not the canton);
 * and repeats the context step twice so that choices settle; one name keeps
 * one sense per document when a container fixed it somewhere, unless the
 * document names the other sense's country too.
 *
 * Everything works on the read-only image: no allocation per token, key
 * folding on the stack with an ASCII fast path. */
#include "place.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "model.h"
#include "ud.h"
#include "utf8.h"

struct gazetteer {
    model m;
    const gaz_entry *ent;
    size_t nent;
    const gaz_country *cty;
    size_t ncty;
    const gaz_name *names;
    size_t nname;
    const uint32_t *slots;
    size_t nslot; /* power of two */
    const uint32_t *cands;
    size_t ncands;
    const char *str;
    size_t nstr;
};

/* ---- keys ----------------------------------------------------------------- */

/* ASCII letters and digits to their lower-case form, everything else 0. */
static const unsigned char fold_tab[128] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6', ['7'] = '7',
    ['8'] = '8', ['9'] = '9', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
    ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
    ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v',
    ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd',
    ['E'] = 'e', ['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l',
    ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't',
    ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z'};

/* Letters that Unicode does not decompose but readers fold anyway. */
static const char *fold_special(utf8proc_int32_t cp) {
    switch (cp) {
    case 0x0142: case 0x0141: return "l";   /* ł */
    case 0x00F8: case 0x00D8: return "o";   /* ø */
    case 0x0111: case 0x0110: return "d";   /* đ */
    case 0x0127: case 0x0126: return "h";   /* ħ */
    case 0x0131: return "i";                /* dotless i */
    case 0x00E6: case 0x00C6: return "ae";
    case 0x0153: case 0x0152: return "oe";
    case 0x00FE: case 0x00DE: return "th";
    case 0x00F0: case 0x00D0: return "d";
    default: return NULL;
    }
}

/* Append one folded piece; a separator is written lazily so that runs of
 * them collapse and none trails. */
static int fold_put(char *out, size_t cap, size_t *len, int *sep, const char *s, size_t n) {
    if (*sep && *len > 0) {
        if (*len + 1 > cap) return -1;
        out[(*len)++] = ' ';
    }
    *sep = 0;
    if (*len + n > cap) return -1;
    memcpy(out + *len, s, n);
    *len += n;
    return 0;
}

/* Fold a key: see place.h.  Non-ASCII code points go through utf8proc's
 * decomposition with marks stripped and case folded; invalid UTF-8 bytes
 * are separators. */
int gaz_fold(const char *s, size_t n, char *out, size_t cap) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, len = 0;
    int sep = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            char f = (char)fold_tab[c];
            if (f) {
                if (fold_put(out, cap, &len, &sep, &f, 1)) return -1;
            } else {
                sep = 1;
            }
            i++;
            continue;
        }
        size_t k = utf8_seq(p + i, n - i);
        if (!k) {
            sep = 1;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_iterate(p + i, (utf8proc_ssize_t)k, &cp);
        i += k;
        const char *sp = fold_special(cp);
        if (sp) {
            if (fold_put(out, cap, &len, &sep, sp, strlen(sp))) return -1;
            continue;
        }
        utf8proc_int32_t d[8];
        int last = 0;
        utf8proc_ssize_t nd = utf8proc_decompose_char(
            cp, d, 8, (utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD), &last);
        if (nd < 0 || nd > 8) {
            sep = 1;
            continue;
        }
        for (utf8proc_ssize_t j = 0; j < nd; j++) {
            utf8proc_category_t cat = utf8proc_category(d[j]);
            if (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) continue;
            if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)) {
                char b[4];
                size_t nb;
                if (d[j] < 0x80) {
                    b[0] = (char)fold_tab[d[j]];
                    nb = b[0] ? 1 : 0;
                } else {
                    nb = utf8_put(b, (uint32_t)d[j]);
                }
                if (nb && fold_put(out, cap, &len, &sep, b, nb)) return -1;
            } else {
                sep = 1;
            }
        }
    }
    return (int)len;
}

#define FNV_BASIS 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

/* FNV-1a: fed incrementally by the scanner as tokens are appended. */
uint64_t gaz_hash(const char *key, size_t n) {
    uint64_t h = FNV_BASIS;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)key[i]) * FNV_PRIME;
    return h;
}

static uint64_t hash_more(uint64_t h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
    return h;
}

static const gaz_name *find_h(const gazetteer *g, uint64_t h, const char *key, size_t n) {
    size_t mask = g->nslot - 1;
    size_t i = (size_t)(h ^ (h >> 32)) & mask;
    for (size_t probe = 0; probe < g->nslot; probe++, i = (i + 1) & mask) {
        uint32_t s = g->slots[i];
        if (!s) return NULL;
        const gaz_name *nm = &g->names[s - 1];
        if (nm->hash == h && nm->keylen == n && memcmp(g->str + nm->key, key, n) == 0) return nm;
    }
    return NULL;
}

/* Name record of a folded key, or NULL. */
const gaz_name *gaz_find(const gazetteer *g, const char *key, size_t n) {
    if (!g || n == 0 || n >= GAZ_KEY_MAX) return NULL;
    return find_h(g, gaz_hash(key, n), key, n);
}

/* Entry i, or NULL past the end. */
const gaz_entry *gaz_entry_at(const gazetteer *g, uint32_t i) { return g && i < g->nent ? &g->ent[i] : NULL; }
/* The candidate entry indexes of nm (nm->ncand of them). */
const uint32_t *gaz_cands(const gazetteer *g, const gaz_name *nm) { return g->cands + nm->cand; }
/* String at offset off of the pool (validated NUL-terminated). */
const char *gaz_str(const gazetteer *g, uint32_t off) { return off < g->nstr ? g->str + off : ""; }
/* Country i, or NULL. */
const gaz_country *gaz_country_at(const gazetteer *g, uint32_t i) { return g && i < g->ncty ? &g->cty[i] : NULL; }
/* Number of entries. */
size_t gaz_entry_count(const gazetteer *g) { return g ? g->nent : 0; }

/* Feature names as SPEC writes them. */
const char *gaz_feature_name(unsigned f) {
    static const char *const nm[GAZ_F_COUNT] = {"city", "admin1", "admin2", "country", "region", "continent"};
    return f < GAZ_F_COUNT ? nm[f] : "place";
}

/* ---- opening -------------------------------------------------------------- */

static int bad(char *err, size_t errlen, const char *what) {
    if (err && errlen) snprintf(err, errlen, "corrupt gazetteer image: %s", what);
    return DYAD_EFORMAT;
}

static const void *sect(const model *m, const char *name, size_t elem, size_t *count, char *err, size_t errlen) {
    uint64_t size = 0;
    const void *p = model_need(m, name, 0, err, errlen);
    if (!p) return NULL;
    model_section(m, name, &size);
    if (size % elem) {
        bad(err, errlen, name);
        return NULL;
    }
    *count = (size_t)(size / elem);
    return p;
}

/* Check every offset and index a lookup or place_run follows, so that the
 * rest of this file can trust the image. */
static int validate(gazetteer *g, char *err, size_t errlen) {
    if (g->nstr == 0 || g->str[g->nstr - 1] != '\0') return bad(err, errlen, "string pool not terminated");
    if (g->nslot == 0 || (g->nslot & (g->nslot - 1))) return bad(err, errlen, "hash table size");
    if (g->nent >= GAZ_NONE || g->nname >= GAZ_NONE || g->ncty >= GAZ_NOCOUNTRY)
        return bad(err, errlen, "too many records");
    for (size_t i = 0; i < g->nent; i++) {
        const gaz_entry *e = &g->ent[i];
        if (e->name >= g->nstr || e->feature >= GAZ_F_COUNT) return bad(err, errlen, "entry");
        if (e->admin1 != GAZ_NONE && e->admin1 >= g->nent) return bad(err, errlen, "entry admin1");
        if (e->country != GAZ_NOCOUNTRY && e->country >= g->ncty) return bad(err, errlen, "entry country");
        if (e->lat < -9000000 || e->lat > 9000000 || e->lon < -18000000 || e->lon > 18000000)
            return bad(err, errlen, "entry coordinates");
    }
    for (size_t i = 0; i < g->ncty; i++) {
        const gaz_country *c = &g->cty[i];
        if (c->a2[2] || c->a3[3] || c->entry >= g->nent || (c->capital != GAZ_NONE && c->capital >= g->nent))
            return bad(err, errlen, "country");
    }
    for (size_t i = 0; i < g->nname; i++) {
        const gaz_name *nm = &g->names[i];
        if (nm->keylen == 0 || nm->keylen >= GAZ_KEY_MAX || nm->key >= g->nstr ||
            g->nstr - nm->key <= nm->keylen || nm->cand > g->ncands || g->ncands - nm->cand < nm->ncand)
            return bad(err, errlen, "name");
    }
    for (size_t i = 0; i < g->ncands; i++)
        if (g->cands[i] >= g->nent) return bad(err, errlen, "candidate");
    size_t used = 0;
    for (size_t i = 0; i < g->nslot; i++) {
        if (g->slots[i] > g->nname) return bad(err, errlen, "hash slot");
        used += g->slots[i] != 0;
    }
    if (used >= g->nslot) return bad(err, errlen, "hash table full"); /* lookups must meet an empty slot */
    return DYAD_OK;
}

static int open_model(gazetteer *g, char *err, size_t errlen) {
    g->ent = sect(&g->m, "entries", sizeof(gaz_entry), &g->nent, err, errlen);
    g->cty = g->ent ? sect(&g->m, "countries", sizeof(gaz_country), &g->ncty, err, errlen) : NULL;
    g->names = g->cty ? sect(&g->m, "names", sizeof(gaz_name), &g->nname, err, errlen) : NULL;
    g->slots = g->names ? sect(&g->m, "slots", 4, &g->nslot, err, errlen) : NULL;
    g->cands = g->slots ? sect(&g->m, "cands", 4, &g->ncands, err, errlen) : NULL;
    g->str = g->cands ? sect(&g->m, "strings", 1, &g->nstr, err, errlen) : NULL;
    if (!g->str) return DYAD_EFORMAT;
    return validate(g, err, errlen);
}

/* Open an image from a buffer: see place.h. */
int gaz_open(gazetteer **out, const void *buf, size_t len, char *err, size_t errlen) {
    if (!out) return DYAD_EINVAL;
    *out = NULL;
    gazetteer *g = calloc(1, sizeof *g);
    if (!g) return DYAD_ENOMEM;
    int rc = model_open(&g->m, buf, len, GAZ_KIND, GAZ_VERSION, err, errlen);
    if (rc == DYAD_OK) rc = open_model(g, err, errlen);
    if (rc != DYAD_OK) {
        gaz_close(g);
        return rc;
    }
    *out = g;
    return DYAD_OK;
}

/* mmap a file and open it: see place.h. */
int gaz_open_file(gazetteer **out, const char *path, char *err, size_t errlen) {
    if (!out || !path) return DYAD_EINVAL;
    *out = NULL;
    gazetteer *g = calloc(1, sizeof *g);
    if (!g) return DYAD_ENOMEM;
    int rc = model_map(&g->m, path, GAZ_KIND, GAZ_VERSION, err, errlen);
    if (rc == DYAD_OK) rc = open_model(g, err, errlen);
    if (rc != DYAD_OK) {
        gaz_close(g);
        return rc;
    }
    *out = g;
    return DYAD_OK;
}

/* Close: see place.h. */
void gaz_close(gazetteer *g) {
    if (!g) return;
    model_close(&g->m);
    free(g);
}

/* ---- recognition ---------------------------------------------------------- */

typedef struct mention {
    uint32_t t0, t1;          /* token range [t0, t1) */
    uint32_t bstart, bend;    /* byte span */
    const gaz_name *nm;
    uint32_t container;       /* entry of a "X, Y" container Y, or GAZ_NONE */
    uint32_t choice;          /* chosen entry, GAZ_NONE if none */
    uint16_t cue_country;     /* country of a nationality word just before, or GAZ_NOCOUNTRY */
    uint8_t demonym;          /* a nationality word: context only */
    uint8_t output;           /* emit as a place */
    double score;
    float *near;              /* per candidate: coherence with the other names' candidates, or NULL */
    uint32_t pop1;            /* largest city population among the candidates */
    uint8_t major;            /* MAJOR_*: the name also names a country or a national capital */
} mention;

typedef struct mlist {
    mention *v;
    size_t n, cap;
} mlist;

static mention *ml_push(arena *a, mlist *l) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        mention *v = arena_calloc(a, cap, sizeof *v);
        if (!v) return NULL;
        if (l->n) memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    mention *m = &l->v[l->n++];
    memset(m, 0, sizeof *m);
    m->container = GAZ_NONE;
    m->choice = GAZ_NONE;
    m->cue_country = GAZ_NOCOUNTRY;
    return m;
}

/* A sorted list of lower-case ASCII words. */
typedef struct wordlist {
    const char *const *w;
    size_t n;
} wordlist;

static int cmp_word(const void *a, const void *b) { return strcmp((const char *)a, *(const char *const *)b); }

/* Is token t's text, lower-cased, one of the words of list?  Binary search:
 * these checks run for every capitalised candidate. */
static int tok_in(const dyad_doc *doc, const tok *t, const wordlist list) {
    size_t n = t->end - t->start;
    char w[24];
    if (n == 0 || n + 1 > sizeof w) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)doc->text[t->start + i];
        if (c >= 0x80) return 0;
        w[i] = (char)(fold_tab[c] ? fold_tab[c] : c);
    }
    w[n] = '\0';
    return bsearch(w, list.w, list.n, sizeof *list.w, cmp_word) != NULL;
}

/* Lower-case words allowed inside a multi-word name. */
static const char *const CONNECTORS_W[] = {
    "al", "am", "an", "and", "au", "aux", "da", "das", "de", "del", "der", "des", "di", "do", "dos", "du",
    "el", "en", "es", "et", "im", "la", "le", "of", "on", "sur", "the", "upon", "y",};
static const wordlist CONNECTORS = {CONNECTORS_W, sizeof CONNECTORS_W / sizeof CONNECTORS_W[0]};
/* Words before a one-word name that say it is a place ("in Reading"). */
static const char *const LOCATIVE_W[] = {
    "across", "around", "at", "between", "from", "in", "inside", "into", "near", "of", "outside",
    "throughout", "to", "toward", "towards", "via",};
static const wordlist LOCATIVE = {LOCATIVE_W, sizeof LOCATIVE_W / sizeof LOCATIVE_W[0]};
/* Capitalised words that may follow a toponym without making it part of a
 * larger name ("Texas Governor", "UK Government"). */
static const char *const FOLLOW_OK_W[] = {
    "agency", "airport", "ambassador", "and", "appeals", "are", "area", "army", "as", "assembly", "at",
    "attorney", "authorities", "authority", "board", "border", "bureau", "but", "cabinet", "capt", "capt.",
    "chamber", "chief", "circuit", "city", "clerk", "col", "col.", "commission", "commissioner",
    "commissioners", "community", "congress", "congressman", "congresswoman", "consulate", "correctional",
    "council", "county", "court", "courts", "crown", "daily", "defence", "defense", "delegation", "democrat",
    "democrats", "department", "deputy", "detention", "development", "district", "division", "economic",
    "education", "elementary", "embassy", "emergency", "environmental", "finance", "fire", "fiscal", "for",
    "forces", "foreign", "from", "gen", "gen.", "general", "gov", "gov.", "government", "governor", "guard",
    "had", "has", "have", "health", "high", "highway", "hospital", "house", "housing", "human", "in",
    "interior", "is", "jail", "judge", "king", "lawmakers", "leader", "leaders", "legislators", "legislature",
    "library", "lieutenant", "lt", "lt.", "mayor", "middle", "military", "minister", "ministers", "ministry",
    "mp", "mps", "municipal", "national", "navy", "of", "office", "officers", "official", "officials", "on",
    "opposition", "or", "parish", "parliament", "patrol", "police", "port", "premier", "president",
    "presidents", "prime", "prince", "public", "queen", "rebels", "region", "regional", "register", "rep",
    "rep.", "republican", "republicans", "residents", "said", "says", "school", "schools", "secretary", "sen",
    "sen.", "senate", "senator", "services", "sheriff", "sheriffs", "state", "superior", "supreme", "to",
    "town", "township", "transit", "tribune", "troopers", "troops", "village", "voters", "was", "water",
    "were", "will", "would",};
static const wordlist FOLLOW_OK = {FOLLOW_OK_W, sizeof FOLLOW_OK_W / sizeof FOLLOW_OK_W[0]};
/* Capitalised words that may precede a toponym inside a sentence. */
static const char *const PRECEDE_OK_W[] = {
    "a", "across", "after", "all", "an", "and", "around", "at", "before", "both", "by", "central", "downtown",
    "east", "eastern", "for", "from", "greater", "in", "inside", "into", "lower", "metro", "near", "nearby",
    "neighboring", "neighbouring", "north", "northeast", "northeastern", "northern", "northwest",
    "northwestern", "of", "on", "outside", "rural", "since", "south", "southeast", "southeastern", "southern",
    "southwest", "southwestern", "suburban", "the", "throughout", "to", "upper", "urban", "west", "western",
    "when", "where", "while", "with",};
static const wordlist PRECEDE_OK = {PRECEDE_OK_W, sizeof PRECEDE_OK_W / sizeof PRECEDE_OK_W[0]};
/* Titles: the capitalised word after one is a person's name. */
static const char *const TITLES_W[] = {
    "adm", "adm.", "ambassador", "archbishop", "ayatollah", "bishop", "brother", "capt", "capt.", "cardinal",
    "chancellor", "chief", "coach", "col", "col.", "commander", "congressman", "congresswoman", "detective",
    "dr", "dr.", "emir", "envoy", "father", "gen", "gen.", "gov", "gov.", "governor", "imam", "judge",
    "justice", "king", "lady", "lord", "lt", "lt.", "maj", "maj.", "mayor", "minister", "mr", "mr.", "mrs",
    "mrs.", "ms", "ms.", "officer", "pastor", "premier", "president", "prince", "queen", "rabbi", "rep",
    "rep.", "rev", "rev.", "saint", "secretary", "sen", "sen.", "senator", "sgt", "sgt.", "sheikh",
    "sheriff", "sir", "sister", "spokesman", "spokeswoman", "st.", "sultan",};
static const wordlist TITLES = {TITLES_W, sizeof TITLES_W / sizeof TITLES_W[0]};

/* Verbs whose subject is mostly a person: a small town named right before
 * one ("Lula met Ramaphosa", "Silva said") is a person's name. */
static const char *const PERSON_VERB_W[] = {
    "added", "adds", "announced", "argued", "asked", "believes", "claimed", "explained", "insisted", "meets",
    "met", "noted", "replied", "said", "says", "smiled", "spoke", "tells", "thinks", "told", "urged", "warned",
    "wrote",};
static const wordlist PERSON_VERB = {PERSON_VERB_W, sizeof PERSON_VERB_W / sizeof PERSON_VERB_W[0]};
/* Lower-case particles inside personal names ("Lula da Silva", "van Gogh",
 * "bin Salman"): a capitalised word after one, itself after a capitalised
 * word, continues a person's name. */
static const char *const PARTICLE_W[] = {
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "el", "ibn", "la", "le",
    "van", "von",};
static const wordlist PARTICLE = {PARTICLE_W, sizeof PARTICLE_W / sizeof PARTICLE_W[0]};

static int is_word(const tok *t) { return t->kind == TOK_WORD || t->kind == TOK_ABBREV; }

/* Fold token t and append it to key (a separator first when key is not
 * empty); returns the new length, or -1 when too long / nothing to add. */
static int key_append(const dyad_doc *doc, const tok *t, char *key, size_t len, uint64_t *h) {
    const char *s = doc->text + t->start;
    size_t n = t->end - t->start;
    char tmp[GAZ_KEY_MAX];
    int k;
    if (!(t->flags & TOKF_NONASCII)) {
        size_t o = 0;
        int sep = 0;
        for (size_t i = 0; i < n; i++) {
            char f = (char)fold_tab[(unsigned char)s[i] & 0x7F];
            if (!f) {
                sep = 1;
                continue;
            }
            if (sep && o) {
                if (o + 1 >= sizeof tmp) return -1;
                tmp[o++] = ' ';
            }
            sep = 0;
            if (o + 1 >= sizeof tmp) return -1;
            tmp[o++] = f;
        }
        k = (int)o;
    } else {
        k = gaz_fold(s, n, tmp, sizeof tmp);
    }
    if (k <= 0) return -1;
    size_t add = (size_t)k + (len ? 1 : 0);
    if (len + add >= GAZ_KEY_MAX) return -1;
    if (len) key[len++] = ' ';
    memcpy(key + len, tmp, (size_t)k);
    *h = hash_more(*h, key + len - (add - (size_t)k), add);
    return (int)(len + (size_t)k);
}

/* Longest gazetteer name starting at token i (before token lim); sets *end
 * to the token after it.  With cue_ok, container-only names count. */
static const gaz_name *longest(const gazetteer *g, const dyad_doc *doc, size_t i, size_t lim, int cue_ok, size_t *end) {
    char key[GAZ_KEY_MAX];
    size_t len = 0;
    uint64_t h = FNV_BASIS;
    const gaz_name *best = NULL;
    for (size_t j = i; j < lim && j < i + 8; j++) {
        const tok *t = &doc->toks[j];
        if (j > i) {
            if (!(t->flags & TOKF_SPACE_BEFORE) && t->kind != TOK_CLITIC && t->kind != TOK_ABBREV) break;
            if (!is_word(t) && t->kind != TOK_CLITIC) break;
            if (!(t->flags & TOKF_UPPER) && t->kind != TOK_CLITIC && !tok_in(doc, t, CONNECTORS)) break;
        }
        int k = key_append(doc, t, key, len, &h);
        if (k < 0) break;
        len = (size_t)k;
        const gaz_name *nm = find_h(g, h, key, len);
        if (!nm) break;
        if (nm->ncand && (cue_ok || !(nm->flags & GAZ_N_CUE))) {
            best = nm;
            *end = j + 1;
        }
    }
    return best;
}

static int tok_is(const dyad_doc *doc, const tok *t, char c) {
    return t->end - t->start == 1 && doc->text[t->start] == c;
}

/* Is entry e inside container entry c? */
static int inside(const gazetteer *g, uint32_t e, uint32_t c) {
    const gaz_entry *E = &g->ent[e], *C = &g->ent[c];
    if (e == c) return 0;
    if (C->feature == GAZ_F_COUNTRY) return E->country != GAZ_NOCOUNTRY && g->cty[E->country].entry == c;
    if (C->feature == GAZ_F_ADMIN1) return E->admin1 == c;
    return 0;
}

/* For "X, Y": the candidate pair (x in X, y in Y) with y containing x and
 * the best population; returns 1 and sets them. */
static int contain_pair(const gazetteer *g, const gaz_name *x, const gaz_name *y, uint32_t *xe, uint32_t *ye) {
    const uint32_t *xc = g->cands + x->cand, *yc = g->cands + y->cand;
    for (size_t a = 0; a < x->ncand; a++) /* candidates are in prior order: the first hit is the best */
        for (size_t b = 0; b < y->ncand; b++)
            if (inside(g, xc[a], yc[b])) {
                *xe = xc[a];
                *ye = yc[b];
                return 1;
            }
    return 0;
}

/* Hashes of words used as a person's surname in the document ("John
 * Moore", "Mr. Moore"), so that a later bare "Moore" is not taken for a
 * town.  An open-addressing set in the document arena. */
typedef struct nameset {
    uint64_t *v;
    size_t cap; /* power of two, 0 when empty */
} nameset;

static int ns_has(const nameset *ns, uint64_t h) {
    if (!ns->cap) return 0;
    for (size_t i = (size_t)h & (ns->cap - 1);; i = (i + 1) & (ns->cap - 1)) {
        if (ns->v[i] == h) return 1;
        if (!ns->v[i]) return 0;
    }
}

static void ns_add(nameset *ns, uint64_t h) {
    if (!h) h = 1;
    for (size_t i = (size_t)h & (ns->cap - 1);; i = (i + 1) & (ns->cap - 1)) {
        if (ns->v[i] == h) return;
        if (!ns->v[i]) {
            ns->v[i] = h;
            return;
        }
    }
}

static uint64_t word_hash(const dyad_doc *doc, const tok *t) {
    char key[GAZ_KEY_MAX];
    uint64_t h = FNV_BASIS;
    int k = key_append(doc, t, key, 0, &h);
    return k > 0 ? (h ? h : 1) : 0;
}

/* Collect surnames: the last of two or more capitalised words inside a
 * sentence that the gazetteer does not know as one name, or a capitalised
 * word after a title. */
static int collect_surnames(const gazetteer *g, dyad_doc *doc, size_t s0, size_t s1, nameset *ns, size_t *used) {
    for (size_t i = s0 + 1; i < s1; i++) {
        const tok *t = &doc->toks[i], *p = &doc->toks[i - 1];
        if (t->kind != TOK_WORD || !(t->flags & TOKF_UPPER) || (t->flags & TOKF_ALLCAPS) || !(t->flags & TOKF_SPACE_BEFORE))
            continue;
        if (!is_word(p) || !(p->flags & TOKF_UPPER)) continue;
        if (i + 1 < s1 && is_word(&doc->toks[i + 1]) && (doc->toks[i + 1].flags & TOKF_UPPER) &&
            (doc->toks[i + 1].flags & TOKF_SPACE_BEFORE))
            continue; /* not the last word of the name */
        int title = tok_in(doc, p, TITLES);
        if (!title) {
            if (tok_in(doc, p, PRECEDE_OK) || tok_in(doc, p, FOLLOW_OK) || (p->flags & TOKF_ALLCAPS)) continue;
            size_t end = 0;
            if (longest(g, doc, i - 1, s1, 1, &end) && end > i) continue; /* "Fort Worth" */
            /* the first word must itself be a given-name-like word: not a place */
            size_t e2 = 0;
            const gaz_name *pn = longest(g, doc, i - 1, i, 0, &e2);
            if (pn && !(pn->flags & GAZ_N_DEMONYM)) {
                const gaz_entry *e0 = &g->ent[g->cands[pn->cand]];
                if (e0->feature != GAZ_F_CITY || e0->pop >= 100000) continue;
            }
            if (pn && (pn->flags & GAZ_N_DEMONYM)) continue;
        }
        uint64_t h = word_hash(doc, t);
        if (!h) continue;
        if (!ns->cap || (*used + 1) * 2 > ns->cap) {
            size_t cap = ns->cap ? ns->cap * 2 : 64;
            uint64_t *v = arena_calloc(&doc->a, cap, sizeof *v);
            if (!v) return DYAD_ENOMEM;
            nameset old = *ns;
            ns->v = v;
            ns->cap = cap;
            for (size_t k = 0; k < old.cap; k++)
                if (old.v[k]) ns_add(ns, old.v[k]);
        }
        if (!ns_has(ns, h)) {
            ns_add(ns, h);
            (*used)++;
        }
    }
    return DYAD_OK;
}

/* Is the sentence of tokens [a, b) in capitals throughout (a headline)? */
static int shouting(const dyad_doc *doc, size_t a, size_t b) {
    size_t words = 0, caps = 0;
    for (size_t i = a; i < b && i < a + 12; i++) {
        if (doc->toks[i].kind != TOK_WORD) continue;
        words++;
        caps += (doc->toks[i].flags & TOKF_ALLCAPS) != 0;
    }
    return words >= 3 && caps * 4 >= words * 3;
}

/* Does nm's best candidate look like a small place (a town, not a
 * capital), whose name is as likely a person's? */
static int small_place(const gazetteer *g, const gaz_name *nm) {
    const gaz_entry *e0 = &g->ent[g->cands[nm->cand]];
    return (e0->feature == GAZ_F_CITY || e0->feature == GAZ_F_ADMIN2) && e0->pop < 100000 &&
           !(e0->flags & GAZ_E_CAPITAL);
}

/* Is the name at tokens [i, end) the subject of a person's verb: the next
 * word is one ("Lula met"), or, when parsed, it is the nsubj of one? */
static int person_subject(const dyad_doc *doc, size_t i, size_t end, size_t s1) {
    if (end < s1 && is_word(&doc->toks[end]) && tok_in(doc, &doc->toks[end], PERSON_VERB)) return 1;
    if (doc->parsed && doc->an && doc->an[i].deprel == DEP_NSUBJ) {
        int32_t h = doc->an[i].head;
        if (h >= 0 && (size_t)h < doc->ntok && is_word(&doc->toks[h]) && tok_in(doc, &doc->toks[h], PERSON_VERB))
            return 1;
    }
    return 0;
}

/* Find the mentions of one sentence [s0, s1). */
static int scan_sentence(const gazetteer *g, dyad_doc *doc, size_t s0, size_t s1, mlist *ml, const nameset *ns) {
    int caps = -1; /* headline check, computed on first need */
    for (size_t i = s0; i < s1; i++) {
        const tok *t = &doc->toks[i];
        if (!(t->flags & TOKF_UPPER) || !is_word(t) || (t->flags & TOKF_BOILER)) continue;
        size_t end = i;
        const gaz_name *nm = longest(g, doc, i, s1, 0, &end);
        if (!nm) continue;
        /* first real word of the sentence (after quotes and brackets)? */
        size_t first = s0;
        while (first < i && !is_word(&doc->toks[first])) first++;
        int initial = first == i;
        const tok *prev = i > s0 ? &doc->toks[i - 1] : NULL;
        const tok *next = end < s1 ? &doc->toks[end] : NULL;
        if (caps < 0) caps = shouting(doc, s0, s1);
        int demonym = (nm->flags & GAZ_N_DEMONYM) != 0;

        /* "X, Y" with Y a container of X */
        uint32_t xe = GAZ_NONE, ye = GAZ_NONE;
        const gaz_name *cn = NULL;
        size_t cend = end;
        if (!demonym && next && tok_is(doc, next, ',') && end + 1 < s1 && (doc->toks[end + 1].flags & TOKF_UPPER)) {
            cn = longest(g, doc, end + 1, s1, 1, &cend);
            if (cn && !(cn->flags & GAZ_N_DEMONYM) && contain_pair(g, nm, cn, &xe, &ye)) {
                /* keep */
            } else {
                cn = NULL;
            }
        }

        if (!cn && !demonym) {
            int multi = end - i > 1;
            if (nm->flags & GAZ_N_STOP) {
                if (initial || !prev || !tok_in(doc, prev, LOCATIVE)) continue;
            }
            /* a capitalised word right after: part of a larger name */
            if (next && !caps && (next->flags & TOKF_UPPER) && is_word(next) && (next->flags & TOKF_SPACE_BEFORE) &&
                !tok_in(doc, next, FOLLOW_OK))
                continue;
            /* a capitalised word right before, inside the sentence */
            if (prev && !caps && i - 1 > first && (prev->flags & TOKF_UPPER) && is_word(prev) &&
                !tok_in(doc, prev, PRECEDE_OK))
                continue;
            /* a surname used elsewhere in the document */
            if (!multi && ns->cap) {
                const gaz_entry *e0 = &g->ent[g->cands[nm->cand]];
                if ((e0->feature == GAZ_F_CITY || e0->feature == GAZ_F_ADMIN2) && ns_has(ns, word_hash(doc, t))) continue;
            }
            /* "Lula da Silva": a name particle between capitalised words */
            if (prev && i >= s0 + 2 && !caps && tok_in(doc, prev, PARTICLE)) {
                const tok *pp = &doc->toks[i - 2];
                if ((pp->flags & TOKF_UPPER) && is_word(pp) && !(pp->flags & TOKF_ALLCAPS)) continue;
            }
            /* a small town as the subject of "said", "met": a person */
            if (!multi && small_place(g, nm) && person_subject(doc, i, end, s1)) continue;
            /* tagger: a one-word name must be a proper noun */
            if (doc->tagged && doc->an && !multi && doc->an[i].upos != UPOS_PROPN) continue;
            /* sentence-initial small place: likely a common word */
            if (initial && !multi && !doc->tagged) {
                const gaz_entry *e0 = &g->ent[g->cands[nm->cand]];
                if (e0->feature == GAZ_F_CITY && e0->pop < 20000) continue;
            }
        } else if (demonym && doc->tagged && doc->an && doc->an[i].upos != UPOS_PROPN && doc->an[i].upos != UPOS_ADJ &&
                   doc->an[i].upos != UPOS_NOUN) {
            continue;
        }
        mention *m = ml_push(&doc->a, ml);
        if (!m) return DYAD_ENOMEM;
        m->t0 = (uint32_t)i;
        m->t1 = (uint32_t)end;
        m->bstart = doc->toks[i].start;
        m->bend = doc->toks[end - 1].end;
        m->nm = nm;
        m->demonym = (uint8_t)demonym;
        m->output = (uint8_t)!demonym;
        if (cn) {
            m->container = ye;
            m->choice = xe;
            mention *c = ml_push(&doc->a, ml);
            if (!c) return DYAD_ENOMEM;
            c->t0 = (uint32_t)(end + 1);
            c->t1 = (uint32_t)cend;
            c->bstart = doc->toks[end + 1].start;
            c->bend = doc->toks[cend - 1].end;
            c->nm = cn;
            c->choice = ye;
            c->container = ye; /* fixed */
            c->output = 1;
            i = cend - 1;
        } else {
            i = end - 1;
        }
    }
    return DYAD_OK;
}

/* ---- resolution ----------------------------------------------------------- */

typedef struct context {
    const mention *ml; /* every mention, with its current choice */
    size_t n;
    double *cty;     /* per country: mentions in it */
    uint32_t *a1;    /* admin1 entries mentioned or containing a mention */
    uint32_t *a1n;   /* votes for each (names, not mentions) */
    size_t na1;
    double total;
    uint16_t *states; /* per country: distinct admin1 areas named as such */
} context;

#ifndef SEAT_MALUS
#define SEAT_MALUS 1.5
#endif
#ifndef NEAR1_KM
#define NEAR1_KM 50.0
#endif
#ifndef NEAR1_BONUS
#define NEAR1_BONUS 2.5
#endif
#ifndef NEAR2_BONUS
#define NEAR2_BONUS 0.5
#endif
#ifndef NEAR_MAX
#define NEAR_MAX 3.0
#endif
#ifndef A1_BONUS
#define A1_BONUS 2.0
#endif

static double prior(const gaz_entry *e) {
    double p = log10((double)e->pop + 10.0);
    switch (e->feature) {
    case GAZ_F_COUNTRY: return p + 1.0;
    case GAZ_F_CONTINENT: return 9.0;
    case GAZ_F_REGION: return 7.5;
    case GAZ_F_ADMIN1: return p - 0.3;
    case GAZ_F_ADMIN2: return p - 0.5;
    default: return p + ((e->flags & GAZ_E_CAPITAL) ? 1.2 : 0.0);
    }
}

/* Votes for admin1 area a, leaving out mention m's own current choice. */
static uint32_t a1_votes(const gazetteer *g, const context *c, const mention *m, uint32_t a) {
    for (size_t i = 0; i < c->na1; i++)
        if (c->a1[i] == a) {
            uint32_t v = c->a1n[i];
            if (m && m->choice != GAZ_NONE) {
                const gaz_entry *o = &g->ent[m->choice];
                uint32_t oa = o->feature == GAZ_F_ADMIN1 ? m->choice : o->admin1;
                if (oa == a && v) v--;
            }
            return v;
        }
    return 0;
}

static void ctx_build(const gazetteer *g, context *c, const mention *ml, size_t n, size_t cap_a1) {
    memset(c->cty, 0, g->ncty * sizeof *c->cty);
    memset(c->states, 0, g->ncty * sizeof *c->states);
    c->na1 = 0;
    c->total = 0;
    for (size_t i = 0; i < n; i++) {
        if (ml[i].choice == GAZ_NONE) continue;
        /* one vote per name and sense: a name repeated five times must not
         * outvote the other places of the document for its own sense */
        size_t j = 0;
        while (j < i && !(ml[j].nm == ml[i].nm && ml[j].choice == ml[i].choice)) j++;
        if (j < i) continue;
        const gaz_entry *e = &g->ent[ml[i].choice];
        if (e->country != GAZ_NOCOUNTRY) {
            c->cty[e->country] += 1.0;
            c->total += 1.0;
            if (e->feature == GAZ_F_ADMIN1 && c->states[e->country] < UINT16_MAX) c->states[e->country]++;
        }
        uint32_t a = e->feature == GAZ_F_ADMIN1 ? ml[i].choice : e->admin1;
        if (a == GAZ_NONE) continue;
        size_t k = 0;
        while (k < c->na1 && c->a1[k] != a) k++;
        if (k < c->na1) c->a1n[k]++;
        else if (c->na1 < cap_a1) c->a1[c->na1] = a, c->a1n[c->na1++] = 1;
    }
}

/* Is admin1 entry a named after its own seat, which is also a candidate of
 * nm ("Geneva": the canton and the city)?  Then the name means the city
 * unless the document says otherwise: news and GeoNames-tagged corpora
 * take "Geneva" for the city. */
static int seat_namesake(const gazetteer *g, const gaz_name *nm, uint32_t a) {
    const uint32_t *cd = g->cands + nm->cand;
    for (size_t k = 0; k < nm->ncand; k++) {
        const gaz_entry *f = &g->ent[cd[k]];
        if (f->feature == GAZ_F_CITY && f->admin1 == a && (f->flags & (GAZ_E_SEAT | GAZ_E_CAPITAL))) return 1;
    }
    return 0;
}

#ifndef DWARF_RATIO
#define DWARF_RATIO 5.0
#endif
#ifndef DWARF_MIN
#define DWARF_MIN 100000
#endif
#ifndef DWARF_SCALE
#define DWARF_SCALE 0.5
#endif

#ifndef LW_COUNTRY
#define LW_COUNTRY 0.0
#endif
#ifndef LW_CAPITAL
#define LW_CAPITAL 0.5
#endif
#ifndef SIB_MIN
#define SIB_MIN 2
#endif
#ifndef SIB_BONUS
#define SIB_BONUS 3.0
#endif
#ifndef FOREIGN_MIN
#define FOREIGN_MIN 2.0
#endif
enum { MAJOR_NONE, MAJOR_CAPITAL, MAJOR_COUNTRY };

/* Largest city population among m's candidates (see dwarfed), and
 * whether the name is also a country's or a national capital's. */
static void city_pops(const gazetteer *g, mention *m) {
    const uint32_t *cd = g->cands + m->nm->cand;
    m->pop1 = 0;
    m->major = MAJOR_NONE;
    for (size_t k = 0; k < m->nm->ncand; k++) {
        const gaz_entry *e = &g->ent[cd[k]];
        if (e->feature == GAZ_F_CITY && e->pop > m->pop1) m->pop1 = e->pop;
        if (e->feature == GAZ_F_COUNTRY) m->major = MAJOR_COUNTRY;
        else if (e->feature == GAZ_F_CITY && (e->flags & GAZ_E_CAPITAL) && m->major < MAJOR_CAPITAL) m->major = MAJOR_CAPITAL;
    }
}

/* Is candidate e a town dwarfed by a city of the same name ("Geneva",
 * Illinois, beside Geneva; "Washington", Illinois, beside the capital)?
 * The document's other places say less about such a name: news that
 * names "Geneva" without "Illinois" mostly means the city the world
 * knows, so a dwarfed town gets half the bonus of its country's share of
 * the document (GeoWebNews dev 91.8 -> 92.7 within 161 km, LGL about
 * even).  Nearby places and its admin1 named in the text still count in
 * full: local news ("Geneva" beside "Aurora") needs them. */
static int dwarfed(const mention *m, const gaz_entry *e) {
    if (e->feature != GAZ_F_CITY && e->feature != GAZ_F_ADMIN2) return 0;
    return m->pop1 >= DWARF_MIN && (double)m->pop1 >= DWARF_RATIO * (double)e->pop;
}

/* Weight of the local evidence (admin1 named, places nearby) for
 * candidate e: a town named like a country ("China", Texas; "Greece",
 * New York) or like a national capital ("Paris", Texas) is not made
 * by a story naming Texas and Houston. */
static double local_weight(const gazetteer *g, const context *c, const mention *m, const gaz_entry *e) {
    if (e->feature != GAZ_F_CITY && e->feature != GAZ_F_ADMIN2) return 1.0;
    if (e->country == GAZ_NOCOUNTRY || c->total <= 0.0) return 1.0;
    /* only in a story that also names other countries' places: local
     * news names its own towns ("Lebanon", Pennsylvania) among their
     * neighbours and nothing abroad */
    double own = m->choice != GAZ_NONE && g->ent[m->choice].country != GAZ_NOCOUNTRY ? 1.0 : 0.0;
    double foreign = c->total - c->cty[e->country] - (own && g->ent[m->choice].country != e->country ? 1.0 : 0.0);
    if (foreign < FOREIGN_MIN) return 1.0;
    if (m->major == MAJOR_COUNTRY) return LW_COUNTRY;
    if (m->major == MAJOR_CAPITAL && !(e->flags & GAZ_E_CAPITAL)) return LW_CAPITAL;
    return 1.0;
}

/* How many mentions on either side of a toponym count as its
 * neighbours when scoring a town by nearness. */
#define NEIGHBOURS 256

static double score(const gazetteer *g, const context *c, const mention *m, uint32_t ei, size_t k) {
    const gaz_entry *e = &g->ent[ei];
    double s = prior(e);
    double dw = dwarfed(m, e) ? DWARF_SCALE : 1.0, lw = local_weight(g, c, m, e);
    if (m->major == MAJOR_COUNTRY && lw < dw) dw = lw;
    if (m->near) s += (double)m->near[k] * lw;
    if (e->feature == GAZ_F_ADMIN1 && m->container == GAZ_NONE && seat_namesake(g, m->nm, ei)) s -= SEAT_MALUS;
    if (m->container != GAZ_NONE && (m->container == ei || inside(g, ei, m->container))) s += 20.0;
    if (e->country != GAZ_NOCOUNTRY) {
        double own = 0.0;
        if (m->choice != GAZ_NONE && g->ent[m->choice].country == e->country) own = 1.0; /* leave itself out */
        double cnt = c->cty[e->country] - own, tot = c->total - (m->choice != GAZ_NONE &&
                                                                g->ent[m->choice].country != GAZ_NOCOUNTRY ? 1.0 : 0.0);
        if (cnt > 0.0 && tot > 0.0) s += (1.5 + 3.0 * cnt / tot) * dw;
        if (m->cue_country == e->country) s += 3.0;
    }
    if (e->feature != GAZ_F_ADMIN1 && e->admin1 != GAZ_NONE && a1_votes(g, c, m, e->admin1)) s += A1_BONUS * lw;
    if (e->feature == GAZ_F_ADMIN1 && a1_votes(g, c, m, ei)) s += A1_BONUS; /* places inside it are mentioned */
    /* a list of states: "Pennsylvania, Maryland and Delaware" (Delaware,
     * Ohio, aside); not for a capital's name: "Washington" in a story
     * listing states is still mostly the capital */
    if (e->feature == GAZ_F_ADMIN1 && e->country != GAZ_NOCOUNTRY && m->major != MAJOR_CAPITAL) {
        unsigned st = c->states[e->country];
        if (m->choice == ei && st) st--; /* leave itself out */
        if (st >= SIB_MIN) s += SIB_BONUS;
    }
    /* near the document's other places (local news names its neighbours) */
    if ((e->feature == GAZ_F_CITY || e->feature == GAZ_F_ADMIN2) && c->ml) {
        double best = 1e9, cl = cos(e->lat * (3.14159265358979 / 180e5));
        /* the NEIGHBOURS mentions on either side: all of them in any real
         * story, and linear time in a hostile one with thousands */
        size_t i0 = 0, i1 = c->n;
        if (m >= c->ml && m < c->ml + c->n) {
            size_t at = (size_t)(m - c->ml);
            i0 = at > NEIGHBOURS ? at - NEIGHBOURS : 0;
            i1 = at + NEIGHBOURS < c->n ? at + NEIGHBOURS : c->n;
        }
        for (size_t i = i0; i < i1; i++) {
            const mention *o = &c->ml[i];
            if (o == m || o->nm == m->nm || o->choice == GAZ_NONE || o->demonym) continue;
            const gaz_entry *f = &g->ent[o->choice];
            if (f->feature != GAZ_F_CITY && f->feature != GAZ_F_ADMIN2) continue;
            double dy = (f->lat - e->lat) * (111.2 / 1e5), dx = (f->lon - e->lon) * (111.2 / 1e5) * cl;
            double d = dx * dx + dy * dy;
            if (d < best) best = d;
        }
        if (best < 100.0 * 100.0) s += 2.0 * lw;
        else if (best < 300.0 * 300.0) s += 1.0 * lw;
    }
    return s;
}

static double dist2_km(const gaz_entry *a, const gaz_entry *b) {
    double cl = cos(a->lat * (3.14159265358979 / 180e5));
    double dy = (b->lat - a->lat) * (111.2 / 1e5), dx = (b->lon - a->lon) * (111.2 / 1e5) * cl;
    return dx * dx + dy * dy;
}

#define NEAR_CANDS 12 /* candidates of the other names looked at */
#define NEAR_NAMES 24 /* other names looked at */

/* Joint coherence of ambiguous names: "Paris" and "Henry County" in one
 * local story are the Paris inside Henry County, whichever of either
 * name's senses the priors favour.  For every place-sized candidate of a
 * name with several senses, count the other names of the document that
 * have some sense close to it; the bonus is computed once, from all
 * candidates rather than the current choices, so two unlikely senses that
 * fit each other can win together.  Bounded: NEAR_NAMES other names and
 * NEAR_CANDS of their best candidates. */
/* A name whose best sense is a country, an admin1 area, a region or a
 * national capital ("Mexico", "Peru", "London") keeps it: two small
 * towns named after countries sitting side by side in Indiana must not
 * pull each other there. */
static int strong_name(const gazetteer *g, const gaz_name *nm) {
    const gaz_entry *e = &g->ent[g->cands[nm->cand]];
    return (e->feature != GAZ_F_CITY && e->feature != GAZ_F_ADMIN2) || (e->flags & GAZ_E_CAPITAL);
}

static int coherence(const gazetteer *g, dyad_doc *doc, mention *ml, size_t n) {
    /* the distinct names, first mention of each */
    const gaz_name **names = arena_calloc(&doc->a, n, sizeof *names);
    if (!names) return DYAD_ENOMEM;
    size_t nn = 0;
    for (size_t i = 0; i < n; i++) {
        if (ml[i].demonym || !ml[i].nm->ncand || strong_name(g, ml[i].nm)) continue;
        size_t j = 0;
        while (j < nn && names[j] != ml[i].nm) j++;
        if (j == nn && nn < NEAR_NAMES) names[nn++] = ml[i].nm;
    }
    if (nn < 2) return DYAD_OK;
    for (size_t i = 0; i < n; i++) {
        mention *m = &ml[i];
        if (m->demonym || m->nm->ncand < 2 || strong_name(g, m->nm)) continue;
        /* share the array between mentions of one name */
        for (size_t j = 0; j < i && !m->near; j++)
            if (ml[j].nm == m->nm) m->near = ml[j].near;
        if (m->near) continue;
        m->near = arena_calloc(&doc->a, m->nm->ncand, sizeof *m->near);
        if (!m->near) return DYAD_ENOMEM;
        const uint32_t *cd = g->cands + m->nm->cand;
        for (size_t k = 0; k < m->nm->ncand; k++) {
            const gaz_entry *e = &g->ent[cd[k]];
            if (e->feature != GAZ_F_CITY && e->feature != GAZ_F_ADMIN2) continue;
            double bonus = 0.0;
            for (size_t o = 0; o < nn; o++) {
                const gaz_name *on = names[o];
                if (on == m->nm) continue;
                const uint32_t *oc = g->cands + on->cand;
                double best = 1e18;
                for (size_t q = 0; q < on->ncand && q < NEAR_CANDS; q++) {
                    const gaz_entry *f = &g->ent[oc[q]];
                    if (f->feature != GAZ_F_CITY && f->feature != GAZ_F_ADMIN2) continue;
                    double d = dist2_km(e, f);
                    if (d < best) best = d;
                }
                if (best < NEAR1_KM * NEAR1_KM) bonus += NEAR1_BONUS;
                else if (best < 100.0 * 100.0) bonus += NEAR2_BONUS;
            }
            m->near[k] = (float)(bonus > NEAR_MAX ? NEAR_MAX : bonus);
        }
    }
    return DYAD_OK;
}

static int resolve(const gazetteer *g, dyad_doc *doc, mention *ml, size_t n) {
    if (n == 0) return DYAD_OK;
    context c;
    c.cty = arena_calloc(&doc->a, g->ncty ? g->ncty : 1, sizeof *c.cty);
    c.a1 = arena_calloc(&doc->a, n, sizeof *c.a1);
    c.a1n = arena_calloc(&doc->a, n, sizeof *c.a1n);
    c.states = arena_calloc(&doc->a, g->ncty ? g->ncty : 1, sizeof *c.states);
    if (!c.cty || !c.a1 || !c.a1n || !c.states) return DYAD_ENOMEM;
    c.ml = NULL;
    c.n = n;
    /* nationality cues: a nationality word at most three tokens before */
    for (size_t i = 1; i < n; i++) {
        mention *m = &ml[i];
        const mention *p = &ml[i - 1];
        if (p->demonym && p->t1 + 3 >= m->t0 && p->nm->ncand) {
            const gaz_entry *e = &g->ent[g->cands[p->nm->cand]];
            m->cue_country = e->country;
        }
    }
    int rc = coherence(g, doc, ml, n);
    if (rc) return rc;
    for (size_t i = 0; i < n; i++) city_pops(g, &ml[i]);
    /* start from the priors (containers already fixed), then let the
     * document's context move the choices twice */
    for (int round = 0; round < 3; round++) {
        if (round) ctx_build(g, &c, ml, n, n), c.ml = ml;
        else memset(c.cty, 0, g->ncty * sizeof *c.cty), c.total = 0, c.na1 = 0;
        for (size_t i = 0; i < n; i++) {
            mention *m = &ml[i];
            if (m->container != GAZ_NONE && m->choice == m->container) continue; /* a fixed container */
            const uint32_t *cd = g->cands + m->nm->cand;
            uint32_t best = GAZ_NONE;
            double bs = -1e9;
            for (size_t k = 0; k < m->nm->ncand; k++) {
                double s = score(g, &c, m, cd[k], k);
                if (s > bs) bs = s, best = cd[k];
            }
            m->choice = best;
            m->score = bs;
        }
    }
    /* one sense per document where a container fixed a name */
    for (size_t i = 0; i < n; i++) {
        if (ml[i].container == GAZ_NONE || ml[i].choice == ml[i].container) continue;
        for (size_t j = 0; j < n; j++) {
            if (ml[j].nm != ml[i].nm || ml[j].container != GAZ_NONE || ml[j].choice == GAZ_NONE) continue;
            /* unless the other sense's country is named by other places of
             * the document ("Paris, Texas" and Paris with France) */
            const gaz_entry *cur = &g->ent[ml[j].choice];
            if (cur->country != GAZ_NOCOUNTRY && cur->country != g->ent[ml[i].choice].country &&
                c.cty[cur->country] >= 2.0)
                continue;
            ml[j].choice = ml[i].choice;
        }
    }
    return DYAD_OK;
}

static int emit(const gazetteer *g, dyad_doc *doc, uint32_t start, uint32_t end, uint32_t ei) {
    if (doc->nplace == doc->capplace &&
        vec_reserve((void **)&doc->places, &doc->capplace, doc->nplace + 1, sizeof *doc->places))
        return DYAD_ENOMEM;
    const gaz_entry *e = &g->ent[ei];
    dplace *p = &doc->places[doc->nplace++];
    memset(p, 0, sizeof *p);
    p->start = start;
    p->end = end;
    p->name = g->str + e->name;
    p->feature = gaz_feature_name(e->feature);
    if (e->country != GAZ_NOCOUNTRY) memcpy(p->country, g->cty[e->country].a3, 4);
    p->lat = e->lat / 1e5;
    p->lon = e->lon / 1e5;
    p->geonameid = e->geonameid;
    return DYAD_OK;
}

static int scan_doc(const gazetteer *g, dyad_doc *doc, mlist *ml) {
    nameset ns = {0};
    size_t used = 0;
    if (doc->nsent == 0) {
        int rc = collect_surnames(g, doc, 0, doc->ntok, &ns, &used);
        return rc ? rc : scan_sentence(g, doc, 0, doc->ntok, ml, &ns);
    }
    for (size_t s = 0; s < doc->nsent; s++) {
        int rc = collect_surnames(g, doc, doc->sents[s].first, doc->sents[s].last, &ns, &used);
        if (rc) return rc;
    }
    for (size_t s = 0; s < doc->nsent; s++) {
        int rc = scan_sentence(g, doc, doc->sents[s].first, doc->sents[s].last, ml, &ns);
        if (rc) return rc;
    }
    return DYAD_OK;
}

/* Recognise and resolve the toponyms of doc: see place.h. */
int place_run(const gazetteer *g, dyad_doc *doc) {
    if (!g || !doc || doc->ntok == 0) return DYAD_OK;
    mlist ml = {0};
    int rc = scan_doc(g, doc, &ml);
    if (rc == DYAD_OK) rc = resolve(g, doc, ml.v, ml.n);
    for (size_t i = 0; rc == DYAD_OK && i < ml.n; i++) {
        const mention *m = &ml.v[i];
        if (!m->output || m->choice == GAZ_NONE) continue;
        rc = emit(g, doc, m->bstart, m->bend, m->choice);
    }
    return rc;
}

/* Gold-span resolution for evaluation: each span of spans[0..n) is looked
 * up as a whole (a leading "the" dropped) and resolved together with the
 * system's own mentions elsewhere in the document, which give context.
 * doc->places gets one record per span the gazetteer knows, in order. */
int place_run_gold(const gazetteer *g, dyad_doc *doc, const dyad_span *spans, size_t n) {
    if (!g || !doc) return DYAD_OK;
    mlist ml = {0};
    int rc = scan_doc(g, doc, &ml);
    if (rc) return rc;
    size_t nsys = ml.n;
    for (size_t i = 0; i < nsys; i++) ml.v[i].output = 0;
    for (size_t i = 0; i < n; i++) {
        if (spans[i].end <= spans[i].start || spans[i].end > doc->len) continue;
        char key[GAZ_KEY_MAX];
        int k = gaz_fold(doc->text + spans[i].start, spans[i].end - spans[i].start, key, sizeof key);
        if (k <= 0) continue;
        const gaz_name *nm = gaz_find(g, key, (size_t)k);
        if ((!nm || !nm->ncand) && k > 4 && memcmp(key, "the ", 4) == 0) nm = gaz_find(g, key + 4, (size_t)k - 4);
        if (!nm || !nm->ncand) continue;
        mention *m = ml_push(&doc->a, &ml);
        if (!m) return DYAD_ENOMEM;
        /* token range covering the span, for the cue check */
        uint32_t t0 = 0, t1 = 0;
        for (size_t t = 0; t < doc->ntok; t++) {
            if (doc->toks[t].end <= spans[i].start) t0 = (uint32_t)t + 1;
            if (doc->toks[t].start < spans[i].end) t1 = (uint32_t)t + 1;
        }
        m->t0 = t0;
        m->t1 = t1 > t0 ? t1 : t0 + 1;
        m->nm = nm;
        m->output = 1;
        m->bstart = spans[i].start;
        m->bend = spans[i].end;
        /* keep a container the system found for the same span */
        for (size_t j = 0; j < nsys; j++)
            if (ml.v[j].nm == nm && ml.v[j].container != GAZ_NONE && doc->toks[ml.v[j].t0].start == spans[i].start) {
                m->container = ml.v[j].container;
                m->choice = ml.v[j].choice;
            }
    }
    /* resolve everything in token order so that cues see their neighbours */
    rc = resolve(g, doc, ml.v, ml.n);
    for (size_t i = nsys; rc == DYAD_OK && i < ml.n; i++) {
        const mention *m = &ml.v[i];
        if (m->choice == GAZ_NONE) continue;
        rc = emit(g, doc, m->bstart, m->bend, m->choice);
    }
    return rc;
}
