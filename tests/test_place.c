/* test_place.c -- gazetteer image and toponym recognition/resolution.
 *
 * Builds a tiny gazetteer image in memory (a few places written here) to
 * check matching, disambiguation cues and the false-positive guards; checks
 * that corrupt and truncated images are refused; and, when
 * models/gazetteer.bin has been built, a few resolutions on the real one. */
#include <stdlib.h>

#include "../include/dyad.h"
#include "../src/doc.h"
#include "../src/model.h"
#include "../src/place.h"
#include "test.h"

typedef struct tplace {
    const char *name;
    int feature;
    double lat, lon;
    uint32_t pop;
    int country;   /* index into tcountries, -1 none */
    int admin1;    /* index into this table, -1 none */
    int capital;
} tplace;

static const char *const tcountries[][2] = {{"FR", "FRA"}, {"US", "USA"}, {"KE", "KEN"}, {"JO", "JOR"}};

/* entries: index = position */
static const tplace tplaces[] = {
    {"France", GAZ_F_COUNTRY, 46, 2, 60000000, 0, -1, 0},              /* 0 */
    {"United States", GAZ_F_COUNTRY, 39.76, -98.5, 300000000, 1, -1, 0}, /* 1 */
    {"Kenya", GAZ_F_COUNTRY, 1, 38, 40000000, 2, -1, 0},              /* 2 */
    {"Jordan", GAZ_F_COUNTRY, 31, 36, 9000000, 3, -1, 0},             /* 3 */
    {"Texas", GAZ_F_ADMIN1, 31, -99, 25000000, 1, -1, 0},             /* 4 */
    {"Paris", GAZ_F_CITY, 48.85, 2.35, 2138551, 0, -1, 1},            /* 5 */
    {"Paris", GAZ_F_CITY, 33.66, -95.56, 24782, 1, 4, 0},             /* 6 */
    {"Nairobi", GAZ_F_CITY, -1.28, 36.82, 2750547, 2, -1, 1},         /* 7 */
    {"Nairobi", GAZ_F_CITY, 30.0, -90.0, 200000000, 1, -1, 0},        /* 8: a made-up bigger rival */
    {"New York City", GAZ_F_CITY, 40.71, -74.0, 8175133, 1, -1, 0},   /* 9 */
    {"Reading", GAZ_F_CITY, 51.45, -0.97, 318014, 0, -1, 0},          /* 10 (stop word) */
};

typedef struct tname {
    const char *key;
    int cands[3]; /* entry indexes, -1 terminated */
    uint8_t flags;
} tname;

static const tname tnames[] = {
    {"france", {0, -1}, 0},
    {"united states", {1, -1}, 0},
    {"united", {-1}, 0},
    {"kenya", {2, -1}, 0},
    {"jordan", {3, -1}, 0},
    {"texas", {4, -1}, 0},
    {"paris", {5, 6, -1}, 0},
    {"nairobi", {8, 7, -1}, 0},
    {"new york", {9, -1}, 0},
    {"new", {-1}, 0},
    {"kenyan", {2, -1}, GAZ_N_DEMONYM},
    {"tex", {4, -1}, GAZ_N_CUE},
    {"reading", {10, -1}, GAZ_N_STOP},
};

/* Build the image; corrupt != 0 plants a bad candidate index. */
static void build(strbuf *out, int corrupt) {
    size_t ne = sizeof tplaces / sizeof tplaces[0], nn = sizeof tnames / sizeof tnames[0];
    gaz_entry ents[sizeof tplaces / sizeof tplaces[0]];
    gaz_country ctys[4];
    gaz_name names[sizeof tnames / sizeof tnames[0]];
    uint32_t cands[64], slots[64];
    size_t nc = 0;
    strbuf pool;
    sb_init(&pool);
    sb_putc(&pool, '\0');
    memset(ents, 0, sizeof ents);
    memset(ctys, 0, sizeof ctys);
    memset(names, 0, sizeof names);
    memset(slots, 0, sizeof slots);
    for (size_t i = 0; i < 4; i++) {
        memcpy(ctys[i].a2, tcountries[i][0], 3);
        memcpy(ctys[i].a3, tcountries[i][1], 4);
        ctys[i].entry = (uint32_t)i;
        ctys[i].capital = GAZ_NONE;
    }
    for (size_t i = 0; i < ne; i++) {
        const tplace *p = &tplaces[i];
        ents[i].lat = (int32_t)(p->lat * 1e5);
        ents[i].lon = (int32_t)(p->lon * 1e5);
        ents[i].geonameid = (uint32_t)(1000 + i);
        ents[i].pop = p->pop;
        ents[i].name = (uint32_t)pool.len;
        sb_putn(&pool, p->name, strlen(p->name) + 1);
        ents[i].admin1 = p->admin1 < 0 ? GAZ_NONE : (uint32_t)p->admin1;
        ents[i].country = p->country < 0 ? GAZ_NOCOUNTRY : (uint16_t)p->country;
        ents[i].feature = (uint8_t)p->feature;
        ents[i].flags = p->capital ? GAZ_E_CAPITAL : 0;
    }
    for (size_t i = 0; i < nn; i++) {
        const tname *t = &tnames[i];
        size_t kl = strlen(t->key);
        names[i].hash = gaz_hash(t->key, kl);
        names[i].key = (uint32_t)pool.len;
        names[i].keylen = (uint8_t)kl;
        sb_putn(&pool, t->key, kl + 1);
        names[i].flags = t->flags;
        names[i].cand = (uint32_t)nc;
        for (size_t k = 0; t->cands[k] >= 0; k++) cands[nc++] = (uint32_t)t->cands[k];
        names[i].ncand = (uint16_t)(nc - names[i].cand);
        uint64_t h = names[i].hash;
        size_t j = (size_t)(h ^ (h >> 32)) & 63;
        while (slots[j]) j = (j + 1) & 63;
        slots[j] = (uint32_t)i + 1;
    }
    if (corrupt) cands[0] = 9999;
    model_writer w;
    mw_init(&w, GAZ_KIND, GAZ_VERSION);
    mw_add(&w, "entries", ents, sizeof ents);
    mw_add(&w, "countries", ctys, sizeof ctys);
    mw_add(&w, "names", names, sizeof names);
    mw_add(&w, "slots", slots, sizeof slots);
    mw_add(&w, "cands", cands, nc * sizeof *cands);
    mw_add(&w, "strings", pool.s, pool.len);
    mw_build(&w, out);
    mw_free(&w);
    sb_free(&pool);
}

static strbuf img;
static gazetteer *tg;

/* Run the pipeline pieces place_run needs on text; returns the doc. */
static dyad_doc *run(const gazetteer *g, const char *text) {
    dyad_doc *d = NULL;
    if (dyad_doc_new(&d)) return NULL;
    dyad_doc_set_text(d, text, strlen(text));
    tok_run(d);
    sent_run(d);
    CHECK_INT(place_run(g, d), DYAD_OK);
    return d;
}

/* The place whose text is s, or NULL. */
static const dplace *find(const dyad_doc *d, const char *s) {
    for (size_t i = 0; i < d->nplace; i++)
        if (d->places[i].end - d->places[i].start == strlen(s) && memcmp(d->text + d->places[i].start, s, strlen(s)) == 0)
            return &d->places[i];
    return NULL;
}

static void test_fold(void) {
    char k[GAZ_KEY_MAX];
    int n = gaz_fold("São Paulo", strlen("São Paulo"), k, sizeof k);
    CHECK(n == 9 && memcmp(k, "sao paulo", 9) == 0);
    n = gaz_fold("  St. Louis--", 13, k, sizeof k);
    CHECK(n == 8 && memcmp(k, "st louis", 8) == 0);
    n = gaz_fold("Łódź", strlen("Łódź"), k, sizeof k);
    CHECK(n == 4 && memcmp(k, "lodz", 4) == 0);
    CHECK_INT(gaz_fold("abcdef", 6, k, 3), -1);
    CHECK_INT(gaz_fold("", 0, k, sizeof k), 0);
}

static void test_default_and_containment(void) {
    dyad_doc *d = run(tg, "Protests spread in Paris on Monday.");
    CHECK(d && d->nplace == 1);
    if (d && d->nplace == 1) {
        CHECK_STR(d->places[0].country, "FRA");
        CHECK_STR(d->places[0].feature, "city");
    }
    dyad_doc_free(d);
    /* the container fixes the name for the whole document */
    d = run(tg, "Later he moved to Paris, Texas, with his family. Paris is a small town.");
    CHECK(d && d->nplace == 3);
    if (d && d->nplace == 3) {
        CHECK_STR(d->places[0].country, "USA");
        CHECK_STR(d->places[1].name, "Texas");
        CHECK_STR(d->places[1].feature, "admin1");
        CHECK_STR(d->places[2].country, "USA");
    }
    dyad_doc_free(d);
    d = run(tg, "He lives in Paris, Tex. and works there.");
    const dplace *p = d ? find(d, "Paris") : NULL;
    CHECK(p && strcmp(p->country, "USA") == 0);
    dyad_doc_free(d);
}

static void test_demonym_cue(void) {
    /* the bigger made-up Nairobi wins alone; the nationality word flips it */
    dyad_doc *d = run(tg, "Talks opened in the Kenyan capital Nairobi on Monday.");
    const dplace *p = d ? find(d, "Nairobi") : NULL;
    CHECK(p && strcmp(p->country, "KEN") == 0 && p->geonameid == 1007);
    CHECK(d && !find(d, "Kenyan")); /* nationality words are not places */
    dyad_doc_free(d);
    d = run(tg, "Talks opened in Nairobi on Monday.");
    p = d ? find(d, "Nairobi") : NULL;
    CHECK(p && strcmp(p->country, "USA") == 0);
    dyad_doc_free(d);
    /* document context: Kenya mentioned */
    d = run(tg, "Kenya held elections. Crowds gathered in Nairobi.");
    p = d ? find(d, "Nairobi") : NULL;
    CHECK(p && strcmp(p->country, "KEN") == 0);
    dyad_doc_free(d);
}

static void test_false_positives(void) {
    dyad_doc *d = run(tg, "Jordan Peterson spoke. The New York Times reported it. Paris Hilton arrived.");
    CHECK_INT(d ? d->nplace : 99, 0);
    dyad_doc_free(d);
    d = run(tg, "Reading is fun. She lives in Reading now.");
    CHECK_INT(d ? d->nplace : 99, 1);
    if (d && d->nplace == 1) CHECK(d->places[0].start > 20);
    dyad_doc_free(d);
    /* a capital used for its government is still a place */
    d = run(tg, "Jordan said it would respond. Officials in New York agreed.");
    CHECK(d && find(d, "Jordan") && find(d, "New York"));
    dyad_doc_free(d);
    /* surnames: "Paris" after "John Paris" elsewhere in the document */
    d = run(tg, "John Paris won the race. Paris thanked his team.");
    CHECK_INT(d ? d->nplace : 99, 0);
    dyad_doc_free(d);
    /* lower case, empty and NULL */
    d = run(tg, "paris and france are lower case here.");
    CHECK_INT(d ? d->nplace : 99, 0);
    dyad_doc_free(d);
    d = run(tg, "");
    CHECK_INT(d ? d->nplace : 99, 0);
    dyad_doc_free(d);
    d = run(NULL, "Paris");
    CHECK_INT(d ? d->nplace : 99, 0);
    dyad_doc_free(d);
}

static void test_corrupt(void) {
    char err[256];
    gazetteer *g = NULL;
    /* every truncation is refused */
    for (size_t n = 0; n < img.len; n += n < 256 ? 1 : 97) {
        CHECK_INT(gaz_open(&g, img.s, n, err, sizeof err), DYAD_EFORMAT);
        CHECK(g == NULL);
    }
    /* a flipped byte is refused (checksum) */
    char *copy = malloc(img.len);
    memcpy(copy, img.s, img.len);
    copy[img.len - 3] ^= 0x40;
    CHECK_INT(gaz_open(&g, copy, img.len, err, sizeof err), DYAD_EFORMAT);
    free(copy);
    /* a bad index with a valid checksum is refused by validation */
    strbuf bad;
    sb_init(&bad);
    build(&bad, 1);
    CHECK_INT(gaz_open(&g, bad.s, bad.len, err, sizeof err), DYAD_EFORMAT);
    CHECK(strstr(err, "candidate") != NULL);
    sb_free(&bad);
    CHECK_INT(gaz_open_file(&g, "/nonexistent/gazetteer.bin", err, sizeof err), DYAD_EIO);
    gaz_close(NULL);
}

static void test_real_image(void) {
    char err[256];
    gazetteer *g = NULL;
    if (gaz_open_file(&g, "models/gazetteer.bin", err, sizeof err) != DYAD_OK) {
        printf("  (models/gazetteer.bin not built: skipped)\n");
        return;
    }
    dyad_doc *d = run(g, "Police in Paris said on Monday that the suspect fled.");
    const dplace *p = d ? find(d, "Paris") : NULL;
    CHECK(p && strcmp(p->country, "FRA") == 0 && p->geonameid == 2988507);
    dyad_doc_free(d);
    d = run(g, "He was later found in Paris, Texas.");
    p = d ? find(d, "Paris") : NULL;
    CHECK(p && strcmp(p->country, "USA") == 0);
    dyad_doc_free(d);
    d = run(g, "Fighting resumed near Tripoli, Lebanon, and in Kyoto, Japan, crowds gathered in Sao Paulo and Kiev.");
    p = d ? find(d, "Tripoli") : NULL;
    CHECK(p && strcmp(p->country, "LBN") == 0);
    p = d ? find(d, "Kyoto") : NULL;
    CHECK(p && strcmp(p->country, "JPN") == 0);
    p = d ? find(d, "Sao Paulo") : NULL;
    CHECK(p && strcmp(p->country, "BRA") == 0);
    p = d ? find(d, "Kiev") : NULL;
    CHECK(p && strcmp(p->country, "UKR") == 0);
    dyad_doc_free(d);
    d = run(g, "Diplomats from the Middle East met in Southeast Asia. The Washington Post and Georgia Tech were not there.");
    CHECK(d && find(d, "Middle East") && find(d, "Southeast Asia"));
    CHECK(d && !find(d, "Washington") && !find(d, "Georgia"));
    dyad_doc_free(d);
    /* the city named like its canton; spellings of big cities */
    d = run(g, "Talks resumed in Geneva on Tuesday. Fighting was reported near Hodeidah and Raqqa.");
    p = d ? find(d, "Geneva") : NULL;
    CHECK(p && strcmp(p->feature, "city") == 0 && strcmp(p->country, "CHE") == 0);
    p = d ? find(d, "Hodeidah") : NULL;
    CHECK(p && strcmp(p->country, "YEM") == 0);
    p = d ? find(d, "Raqqa") : NULL;
    CHECK(p && strcmp(p->country, "SYR") == 0);
    dyad_doc_free(d);
    /* people named like towns */
    d = run(g, "Luiz Inacio Lula da Silva arrived in Pretoria. Lula met Ramaphosa on Friday.");
    CHECK(d && !find(d, "Silva") && !find(d, "Lula") && find(d, "Pretoria"));
    dyad_doc_free(d);
    /* two ambiguous names that fit each other: the Franklin inside
     * Williamson County, Tennessee */
    d = run(g, "Officials in Franklin and Williamson County met. Leaders in Williamson County and Franklin agreed.");
    p = d ? find(d, "Franklin") : NULL;
    CHECK(p && strcmp(p->country, "USA") == 0 && p->lat > 35.5 && p->lat < 36.3 && p->lon < -86.5 && p->lon > -87.2);
    dyad_doc_free(d);
    /* "Paris, Texas" does not move the Paris of a story about France */
    d = run(g, "He grew up in Paris, Texas. Later he moved to France and lived in Lyon and Paris for years.");
    CHECK(d && d->nplace >= 5);
    if (d && d->nplace >= 5) {
        CHECK_STR(d->places[0].country, "USA");
        CHECK_STR(d->places[d->nplace - 1].country, "FRA");
    }
    dyad_doc_free(d);
    /* a US story's other places do not pull a name towards a town its
     * namesake dwarfs; a title makes the next word a person's name */
    d = run(g, "Republicans in Ohio criticized the deal. The talks in Paris ended on Sunday. Critics in Boston and "
               "Denver were unmoved. Secretary Kerry flew home.");
    p = d ? find(d, "Paris") : NULL;
    CHECK(p && strcmp(p->country, "FRA") == 0);
    CHECK(d && find(d, "Denver") && !find(d, "Kerry"));
    dyad_doc_free(d);
    /* a capital's or a country's name in a story that also names places
     * abroad: Texas and Dallas do not make it Paris, Texas */
    d = run(g, "Senators from Texas spoke in Dallas and Houston. After the attacks in Paris, officials in Syria "
               "and Iraq and Turkey were worried. China and Russia disagreed.");
    p = d ? find(d, "Paris") : NULL;
    CHECK(p && strcmp(p->country, "FRA") == 0);
    p = d ? find(d, "China") : NULL;
    CHECK(p && strcmp(p->feature, "country") == 0);
    dyad_doc_free(d);
    /* a list of states: Delaware the state, not Delaware, Ohio */
    d = run(g, "Candidates campaigned in Ohio on Monday. Voters in Pennsylvania, Maryland and Delaware go to the "
               "polls next week.");
    p = d ? find(d, "Delaware") : NULL;
    CHECK(p && strcmp(p->feature, "admin1") == 0);
    dyad_doc_free(d);
    gaz_close(g);
}

int main(void) {
    sb_init(&img);
    build(&img, 0);
    char err[256];
    CHECK_INT(gaz_open(&tg, img.s, img.len, err, sizeof err), DYAD_OK);
    if (!tg) {
        fprintf(stderr, "cannot open the test image: %s\n", err);
        return 1;
    }
    const char *seed = getenv("GAZ_SEED_OUT"); /* writes the image as a fuzz seed */
    if (seed) {
        FILE *f = fopen(seed, "wb");
        if (f) fwrite(img.s, 1, img.len, f), fclose(f);
    }
    RUN(test_fold);
    RUN(test_default_and_containment);
    RUN(test_demonym_cue);
    RUN(test_false_positives);
    RUN(test_corrupt);
    RUN(test_real_image);
    gaz_close(tg);
    sb_free(&img);
    TEST_END();
}
