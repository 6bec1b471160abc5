/* evalgeo.c -- score toponym recognition and resolution on GeoWebNews / LGL.
 *
 *   evalgeo [--gazetteer models/gazetteer.bin] [--gold] [--errors] [--bench N] FILE.xml...
 *
 * Reads GeoWebNews (GWN.xml: <article> <text> <toponyms><toponym> with
 * <start> <end> <type> <modifierType> <latitude> <longitude>) or LGL
 * (lgl.xml: <article> <text> <toponyms><toponym> <start> <end> <gaztag>
 * <lat> <lon>); offsets are in characters and are mapped to bytes.
 *
 * End to end (default): the raw text goes through tok_run, sent_run and
 * place_run.  Gold toponyms are those with coordinates; for GeoWebNews the
 * ones that SPEC says are not places here are left out -- Embedded_Non_Lit
 * ("New York" in "New York Times") and adjectival modifiers ("German"):
 * dyad keeps nationality words as country signals, not places; in LGL,
 * which has no types, gold toponyms that are nationality words of the
 * gazetteer ("Georgian", "Israelis") are left out likewise.  Figures:
 *   recall     gold toponyms overlapped by a system place;
 *   precision  system places overlapping any gold toponym with coordinates
 *              (of any type, so a detected "German" is not counted wrong);
 *   acc161     matched gold toponyms whose system point is within 161 km;
 *   country    matched gold toponyms whose system country equals the
 *              country of the gazetteer place nearest the gold point
 *              (neither dataset gives the country for every toponym, so
 *              this is the same reverse lookup for both).
 * With --gold the gold spans themselves (all with coordinates, adjectives
 * and embedded ones included) are resolved (place_run_gold) and acc161 is
 * over all of them, an unknown name counting as a miss.
 * Articles are split into halves: "dev" (even index, used while developing
 * the heuristics) and "test" (odd); each file reports dev, test and all.
 * --bench N times place_run alone over the texts, N passes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../include/dyad.h"
#include "../src/doc.h"
#include "../src/place.h"

typedef struct gold {
    uint32_t start, end; /* bytes */
    double lat, lon;
    int main_set;        /* counted in end-to-end recall */
    char name[64];
} gold;

typedef struct article {
    char *text;
    size_t len;
    gold *g;
    size_t ng;
} article;

static char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)sz + 1);
    if (!b || fread(b, 1, (size_t)sz, f) != (size_t)sz) {
        fclose(f);
        free(b);
        return NULL;
    }
    fclose(f);
    b[sz] = '\0';
    *n = (size_t)sz;
    return b;
}

/* Text between <tag> and </tag> inside [p, lim), or NULL. */
static const char *elem(const char *p, const char *lim, const char *tag, size_t *n) {
    char open[64], close[64];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *a = strstr(p, open);
    if (!a || a >= lim) return NULL;
    a += strlen(open);
    const char *b = strstr(a, close);
    if (!b || b > lim) return NULL;
    *n = (size_t)(b - a);
    return a;
}

/* Unescape XML text (CDATA kept verbatim). */
static char *xml_text(const char *s, size_t n, size_t *outn) {
    char *o = malloc(n + 1);
    size_t k = 0;
    if (!o) return NULL;
    if (n >= 12 && memcmp(s, "<![CDATA[", 9) == 0) {
        memcpy(o, s + 9, n - 12);
        k = n - 12;
    } else {
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '&') {
                static const char *const ent[][2] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
                size_t j;
                for (j = 0; j < 5; j++) {
                    size_t l = strlen(ent[j][0]);
                    if (i + l <= n && memcmp(s + i, ent[j][0], l) == 0) {
                        o[k++] = ent[j][1][0];
                        i += l - 1;
                        break;
                    }
                }
                if (j < 5) continue;
            }
            o[k++] = s[i];
        }
    }
    o[k] = '\0';
    *outn = k;
    return o;
}

static double num(const char *p, const char *lim, const char *tag, int *ok) {
    size_t n;
    const char *v = elem(p, lim, tag, &n);
    if (!v || n == 0) {
        *ok = 0;
        return 0;
    }
    return atof(v);
}

/* Byte offset of character index c in text (UTF-8). */
static uint32_t char2byte(const char *t, size_t len, long c) {
    size_t i = 0;
    long k = 0;
    while (i < len && k < c) {
        i++;
        while (i < len && ((unsigned char)t[i] & 0xC0) == 0x80) i++;
        k++;
    }
    return (uint32_t)i;
}

/* Is s[0..n) a nationality word in the gazetteer ("Georgian")? */
static int is_demonym(const gazetteer *gz, const char *s, size_t n) {
    char key[GAZ_KEY_MAX];
    int k = gaz_fold(s, n, key, sizeof key);
    const gaz_name *nm = k > 0 ? gaz_find(gz, key, (size_t)k) : NULL;
    return nm && (nm->flags & GAZ_N_DEMONYM);
}

static size_t load(const char *path, article **out, const gazetteer *gz) {
    size_t n;
    char *x = slurp(path, &n);
    if (!x) {
        fprintf(stderr, "evalgeo: cannot read %s\n", path);
        return 0;
    }
    size_t na = 0, cap = 0;
    article *arts = NULL;
    const char *p = x;
    while ((p = strstr(p, "<article"))) {
        const char *e = strstr(p, "</article>");
        if (!e) break;
        size_t tn;
        const char *tx = elem(p, e, "text", &tn);
        if (!tx) {
            p = e;
            continue;
        }
        if (na == cap) {
            cap = cap ? cap * 2 : 64;
            arts = realloc(arts, cap * sizeof *arts);
        }
        article *a = &arts[na++];
        memset(a, 0, sizeof *a);
        a->text = xml_text(tx, tn, &a->len);
        size_t gcap = 0;
        const char *q = tx + tn;
        while ((q = strstr(q, "<toponym>")) && q < e) {
            const char *qe = strstr(q, "</toponym>");
            if (!qe || qe > e) break;
            int ok = 1;
            long s = (long)num(q, qe, "start", &ok), en = (long)num(q, qe, "end", &ok);
            double lat = num(q, qe, "latitude", &ok), lon = 0;
            if (ok) {
                lon = num(q, qe, "longitude", &ok);
            } else {
                ok = 1;
                lat = num(q, qe, "lat", &ok);
                lon = num(q, qe, "lon", &ok);
            }
            size_t l;
            const char *ty = elem(q, qe, "type", &l);
            int main_set = 1;
            if (ty && ((l == 16 && memcmp(ty, "Embedded_Non_Lit", 16) == 0))) main_set = 0;
            const char *mt = elem(q, qe, "modifierType", &l);
            if (mt && l == 9 && memcmp(mt, "Adjective", 9) == 0) main_set = 0;
            if (ok && en > s) {
                if (a->ng == gcap) {
                    gcap = gcap ? gcap * 2 : 16;
                    a->g = realloc(a->g, gcap * sizeof *a->g);
                }
                gold *g = &a->g[a->ng++];
                g->start = char2byte(a->text, a->len, s);
                g->end = char2byte(a->text, a->len, en);
                g->lat = lat;
                g->lon = lon;
                g->main_set = main_set && !is_demonym(gz, a->text + g->start, g->end - g->start);
                size_t m = g->end - g->start < 63 ? g->end - g->start : 63;
                memcpy(g->name, a->text + g->start, m);
                g->name[m] = '\0';
            }
            q = qe;
        }
        p = e;
    }
    free(x);
    *out = arts;
    return na;
}

static double km(double la1, double lo1, double la2, double lo2) {
    const double r = 3.14159265358979 / 180.0;
    double dla = (la2 - la1) * r, dlo = (lo2 - lo1) * r;
    double a = sin(dla / 2) * sin(dla / 2) + cos(la1 * r) * cos(la2 * r) * sin(dlo / 2) * sin(dlo / 2);
    return 6371.0 * 2 * atan2(sqrt(a), sqrt(1 - a));
}

/* Country (alpha-3) of the gazetteer place or area nearest (lat, lon). */
static const char *nearest_country(const gazetteer *gz, double lat, double lon) {
    size_t n = gaz_entry_count(gz);
    double best = 1e18, cl = cos(lat * 3.14159265358979 / 180.0);
    const char *bc = "";
    for (size_t i = 0; i < n; i++) {
        const gaz_entry *e = gaz_entry_at(gz, (uint32_t)i);
        if (e->feature != GAZ_F_CITY || e->country == GAZ_NOCOUNTRY) continue;
        double dy = e->lat / 1e5 - lat, dx = (e->lon / 1e5 - lon) * cl;
        double d = dx * dx + dy * dy;
        if (d < best) best = d, bc = gaz_country_at(gz, e->country)->a3;
    }
    return bc;
}

typedef struct score {
    size_t gold, found, sys, sys_ok, acc, ctry, ctry_n;
} score;

static void report(const char *file, const char *half, const score *s, int goldmode) {
    if (goldmode)
        printf("%-8s %-4s  gold=%zu resolved=%zu acc161=%.1f%% (of resolved %.1f%%) country=%.1f%%\n", file, half, s->gold,
               s->found, s->gold ? 100.0 * s->acc / s->gold : 0, s->found ? 100.0 * s->acc / s->found : 0,
               s->ctry_n ? 100.0 * s->ctry / s->ctry_n : 0);
    else
        printf("%-8s %-4s  gold=%zu sys=%zu recall=%.1f%% precision=%.1f%% acc161=%.1f%% country=%.1f%%\n", file, half,
               s->gold, s->sys, s->gold ? 100.0 * s->found / s->gold : 0, s->sys ? 100.0 * s->sys_ok / s->sys : 0,
               s->found ? 100.0 * s->acc / s->found : 0, s->ctry_n ? 100.0 * s->ctry / s->ctry_n : 0);
}

int main(int argc, char **argv) {
    const char *gpath = "models/gazetteer.bin";
    int goldmode = 0, errors = 0, bench = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--gazetteer") && i + 1 < argc) gpath = argv[++i];
        else if (!strcmp(argv[i], "--gold")) goldmode = 1;
        else if (!strcmp(argv[i], "--errors")) errors = 1;
        else if (!strcmp(argv[i], "--bench") && i + 1 < argc) bench = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: evalgeo [--gazetteer PATH] [--gold] [--errors] [--bench N] FILE.xml...\n");
            return 2;
        }
    }
    if (i >= argc) {
        fprintf(stderr, "usage: evalgeo [--gazetteer PATH] [--gold] [--errors] [--bench N] FILE.xml...\n");
        return 2;
    }
    char err[256];
    gazetteer *gz = NULL;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = gaz_open_file(&gz, gpath, err, sizeof err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (rc) {
        fprintf(stderr, "evalgeo: %s: %s\n", gpath, err);
        return 1;
    }
    printf("gazetteer open: %.2f ms\n", (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    dyad_doc *doc;
    if (dyad_doc_new(&doc)) return 1;
    for (; i < argc; i++) {
        article *arts = NULL;
        size_t na = load(argv[i], &arts, gz);
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        if (bench) {
            double tp = 0, tt = 0;
            size_t bytes = 0;
            for (int r = 0; r < bench; r++)
                for (size_t a = 0; a < na; a++) {
                    dyad_doc_reset(doc);
                    dyad_doc_set_text(doc, arts[a].text, arts[a].len);
                    clock_gettime(CLOCK_MONOTONIC, &t0);
                    tok_run(doc);
                    sent_run(doc);
                    clock_gettime(CLOCK_MONOTONIC, &t1);
                    tt += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
                    place_run(gz, doc);
                    clock_gettime(CLOCK_MONOTONIC, &t0);
                    tp += (double)(t0.tv_sec - t1.tv_sec) + (double)(t0.tv_nsec - t1.tv_nsec) / 1e9;
                    bytes += arts[a].len;
                }
            printf("%s: %.1f MB; tok_run+sent_run %.1f MB/s; place_run %.1f MB/s (%.1f%% of tok+sent)\n", base,
                   (double)bytes / 1e6, (double)bytes / 1e6 / tt, (double)bytes / 1e6 / tp, 100.0 * tp / tt);
            continue;
        }
        score sc[3];
        memset(sc, 0, sizeof sc);
        for (size_t a = 0; a < na; a++) {
            article *ar = &arts[a];
            dyad_doc_reset(doc);
            if (dyad_doc_set_text(doc, ar->text, ar->len)) continue;
            tok_run(doc);
            sent_run(doc);
            if (goldmode) {
                dyad_span *sp = malloc((ar->ng ? ar->ng : 1) * sizeof *sp);
                for (size_t k = 0; k < ar->ng; k++) sp[k].start = ar->g[k].start, sp[k].end = ar->g[k].end;
                place_run_gold(gz, doc, sp, ar->ng);
                free(sp);
            } else {
                place_run(gz, doc);
            }
            score *h = &sc[a % 2], *all = &sc[2];
            for (size_t k = 0; k < ar->ng; k++) {
                const gold *g = &ar->g[k];
                if (!goldmode && !g->main_set) continue;
                const dplace *hit = NULL;
                for (size_t p = 0; p < doc->nplace; p++)
                    if (doc->places[p].start < g->end && doc->places[p].end > g->start) {
                        hit = &doc->places[p];
                        break;
                    }
                h->gold++, all->gold++;
                if (!hit) {
                    if (errors) printf("MISS\t%s\t%zu\t%s\n", base, a, g->name);
                    continue;
                }
                h->found++, all->found++;
                double d = km(g->lat, g->lon, hit->lat, hit->lon);
                if (d <= 161.0) h->acc++, all->acc++;
                else if (errors)
                    printf("FAR\t%s\t%zu\t%s\t%s/%s/%s\t%.0f km\n", base, a, g->name, hit->name, hit->feature, hit->country, d);
                const char *gc = nearest_country(gz, g->lat, g->lon);
                h->ctry_n++, all->ctry_n++;
                if (strcmp(gc, hit->country) == 0) h->ctry++, all->ctry++;
            }
            if (!goldmode)
                for (size_t p = 0; p < doc->nplace; p++) {
                    const dplace *pl = &doc->places[p];
                    int ok = 0;
                    for (size_t k = 0; k < ar->ng && !ok; k++) ok = pl->start < ar->g[k].end && pl->end > ar->g[k].start;
                    h->sys++, all->sys++;
                    if (ok) h->sys_ok++, all->sys_ok++;
                    else if (errors)
                        printf("FP\t%s\t%zu\t%.*s\t%s/%s\n", base, a, (int)(pl->end - pl->start), doc->text + pl->start, pl->name,
                               pl->country);
                }
        }
        report(base, "dev", &sc[0], goldmode);
        report(base, "test", &sc[1], goldmode);
        report(base, "all", &sc[2], goldmode);
        for (size_t a = 0; a < na; a++) free(arts[a].text), free(arts[a].g);
        free(arts);
    }
    dyad_doc_free(doc);
    gaz_close(gz);
    return 0;
}
