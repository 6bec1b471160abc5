/* evalent.c -- score dyad's entities end to end, from raw text.
 *
 *   evalent [--errors] [--uner FILE.iob2] [--wikigold FILE]
 *
 * Unlike evalner, which scores the NER model alone on gold tokens, this
 * runs the whole pipeline the way `dyad code` does: the gold tokens of a
 * document are joined by spaces (one sentence per line, a blank line per
 * paragraph), and dyad tokenizes, splits, tags, parses, finds names with
 * the NER model and the dictionaries and types them (actor.c).  A
 * predicted entity is right when its byte span and its type equal a gold
 * entity's.  Types are mapped to the gold sets' (UNER: PERSON -> PER, ORG
 * -> ORG, GPE/LOC/FAC -> LOC, the other types are not scored; wikigold:
 * the same plus NORP/EVENT/LAW/PRODUCT/WORK_OF_ART -> MISC). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/doc.h"

enum { G_PER = 1, G_ORG, G_LOC, G_MISC, G_N };
static const char *const gname[G_N] = {"", "PER", "ORG", "LOC", "MISC"};

typedef struct span {
    uint32_t start, end;
    int type;
} span;

typedef struct tally {
    unsigned tp[G_N], fp[G_N], fn[G_N];
} tally;

/* a growing byte buffer and span list for one document */
typedef struct gdoc {
    char *text;
    size_t len, cap;
    span *g;
    size_t ng, capg;
    uint32_t open_start, open_end;
    int open_type;
} gdoc;

static int gd_put(gdoc *d, const char *s, size_t n) {
    if (d->len + n + 1 > d->cap) {
        size_t c = d->cap ? d->cap * 2 : 4096;
        while (c < d->len + n + 1) c *= 2;
        char *p = realloc(d->text, c);
        if (!p) return -1;
        d->text = p;
        d->cap = c;
    }
    memcpy(d->text + d->len, s, n);
    d->len += n;
    d->text[d->len] = '\0';
    return 0;
}

static void gd_close_ent(gdoc *d) {
    if (!d->open_type) return;
    if (d->ng == d->capg) {
        d->capg = d->capg ? d->capg * 2 : 64;
        span *p = realloc(d->g, d->capg * sizeof *p);
        if (!p) exit(2);
        d->g = p;
    }
    d->g[d->ng].start = d->open_start;
    d->g[d->ng].end = d->open_end;
    d->g[d->ng].type = d->open_type;
    d->ng++;
    d->open_type = 0;
}

static int type_of_label(const char *l) {
    if (strlen(l) < 3 || (l[0] != 'B' && l[0] != 'I') || l[1] != '-') return 0;
    for (int t = 1; t < G_N; t++)
        if (!strcmp(l + 2, gname[t])) return t;
    return 0;
}

/* One token with its IOB2 label. */
static void gd_token(gdoc *d, const char *form, const char *label, int *line_start) {
    if (!*line_start) gd_put(d, " ", 1);
    *line_start = 0;
    uint32_t s = (uint32_t)d->len;
    gd_put(d, form, strlen(form));
    int t = type_of_label(label);
    if (!t || label[0] == 'B' || t != d->open_type) gd_close_ent(d);
    if (t) {
        if (!d->open_type) {
            d->open_type = t;
            d->open_start = s;
        }
        d->open_end = (uint32_t)d->len;
    }
}

static int map_type(int ent, int misc) {
    switch (ent) {
    case ENT_PERSON: return G_PER;
    case ENT_ORG: return G_ORG;
    case ENT_GPE:
    case ENT_LOC:
    case ENT_FAC: return G_LOC;
    case ENT_NORP:
    case ENT_EVENT:
    case ENT_LAW:
    case ENT_PRODUCT:
    case ENT_WORK_OF_ART: return misc ? G_MISC : 0;
    default: return 0;
    }
}

static void score(const dyad_ctx *ctx, dyad_doc *doc, gdoc *g, int misc, tally *t, int errors) {
    gd_close_ent(g);
    if (!g->len) return;
    dyad_doc_reset(doc);
    dyad_doc_set_text(doc, g->text, g->len);
    dyad_doc_code(ctx, doc);
    char *hit = calloc(g->ng + 1, 1);
    for (size_t i = 0; i < doc->nent; i++) {
        const dent *e = &doc->ents[i];
        int ty = map_type(e->type, misc);
        if (!ty) continue;
        int ok = 0;
        for (size_t k = 0; k < g->ng; k++)
            if (!hit[k] && g->g[k].start == e->start && g->g[k].end == e->end && g->g[k].type == ty) {
                hit[k] = 1;
                ok = 1;
                break;
            }
        if (ok) t->tp[ty]++;
        else {
            t->fp[ty]++;
            if (errors) printf("FP %s \"%.*s\"\n", gname[ty], (int)(e->end - e->start), doc->text + e->start);
        }
    }
    for (size_t k = 0; k < g->ng; k++)
        if (!hit[k] && (misc || g->g[k].type != G_MISC)) {
            t->fn[g->g[k].type]++;
            if (errors)
                printf("FN %s \"%.*s\"\n", gname[g->g[k].type], (int)(g->g[k].end - g->g[k].start),
                       g->text + g->g[k].start);
        }
    free(hit);
    g->len = 0;
    g->ng = 0;
    if (g->text) g->text[0] = '\0';
}

static void report(const char *name, const tally *t, int misc) {
    unsigned TP = 0, FP = 0, FN = 0;
    printf("%s\n  %-5s %6s %6s %6s\n", name, "type", "P", "R", "F1");
    for (int k = 1; k < G_N; k++) {
        if (k == G_MISC && !misc) continue;
        TP += t->tp[k], FP += t->fp[k], FN += t->fn[k];
        double p = t->tp[k] + t->fp[k] ? 100.0 * t->tp[k] / (t->tp[k] + t->fp[k]) : 0;
        double r = t->tp[k] + t->fn[k] ? 100.0 * t->tp[k] / (t->tp[k] + t->fn[k]) : 0;
        printf("  %-5s %6.2f %6.2f %6.2f\n", gname[k], p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
    double p = TP + FP ? 100.0 * TP / (TP + FP) : 0, r = TP + FN ? 100.0 * TP / (TP + FN) : 0;
    printf("  %-5s %6.2f %6.2f %6.2f\n", "all", p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
}

/* UNER: "# newdoc" starts a document; "ID FORM LABEL ..." tab-separated. */
static int run_uner(const dyad_ctx *ctx, dyad_doc *doc, const char *path, int errors) {
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    gdoc g;
    memset(&g, 0, sizeof g);
    tally t;
    memset(&t, 0, sizeof t);
    char line[4096];
    int line_start = 1;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!strncmp(line, "# newdoc", 8)) {
            score(ctx, doc, &g, 0, &t, errors);
            line_start = 1;
            continue;
        }
        if (line[0] == '#') continue;
        if (!line[0]) { /* sentence end */
            gd_close_ent(&g);
            if (g.len) gd_put(&g, "\n", 1);
            line_start = 1;
            continue;
        }
        char *c1 = strchr(line, '\t');
        if (!c1) continue;
        char *c2 = strchr(c1 + 1, '\t');
        if (!c2) continue;
        *c2 = '\0';
        char *c3 = strchr(c2 + 1, '\t');
        if (c3) *c3 = '\0';
        if (strchr(line, '-') && strchr(line, '-') < c1) continue; /* multiword range */
        gd_token(&g, c1 + 1, c2 + 1, &line_start);
    }
    score(ctx, doc, &g, 0, &t, errors);
    fclose(f);
    free(g.text);
    free(g.g);
    report("UNER EWT (end to end from raw text)", &t, 0);
    return 0;
}

/* wikigold: "-DOCSTART- O" starts a document; "FORM LABEL" space-separated. */
static int run_wikigold(const dyad_ctx *ctx, dyad_doc *doc, const char *path, int errors) {
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    gdoc g;
    memset(&g, 0, sizeof g);
    tally t;
    memset(&t, 0, sizeof t);
    char line[4096];
    int line_start = 1;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!strncmp(line, "-DOCSTART-", 10)) {
            score(ctx, doc, &g, 1, &t, errors);
            line_start = 1;
            continue;
        }
        if (!line[0]) {
            gd_close_ent(&g);
            if (g.len) gd_put(&g, "\n", 1);
            line_start = 1;
            continue;
        }
        char *sp = strrchr(line, ' ');
        if (!sp) continue;
        *sp = '\0';
        gd_token(&g, line, sp + 1, &line_start);
    }
    score(ctx, doc, &g, 1, &t, errors);
    fclose(f);
    free(g.text);
    free(g.g);
    report("wikigold (end to end from raw text)", &t, 1);
    return 0;
}

int main(int argc, char **argv) {
    const char *uner = NULL, *wg = NULL;
    int errors = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--uner") && i + 1 < argc) uner = argv[++i];
        else if (!strcmp(argv[i], "--wikigold") && i + 1 < argc) wg = argv[++i];
        else if (!strcmp(argv[i], "--errors")) errors = 1;
        else {
            fprintf(stderr, "usage: evalent [--errors] [--uner FILE.iob2] [--wikigold FILE]\n");
            return 2;
        }
    }
    dyad_ctx *ctx = NULL;
    if (dyad_ctx_open(&ctx, NULL)) {
        fprintf(stderr, "evalent: %s\n", ctx ? dyad_ctx_errmsg(ctx) : "out of memory");
        dyad_ctx_close(ctx);
        return 2;
    }
    dyad_doc *doc;
    if (dyad_doc_new(&doc)) return 2;
    int rc = 0;
    if (uner && run_uner(ctx, doc, uner, errors)) fprintf(stderr, "evalent: cannot read %s\n", uner), rc = 2;
    if (wg && run_wikigold(ctx, doc, wg, errors)) fprintf(stderr, "evalent: cannot read %s\n", wg), rc = 2;
    dyad_doc_free(doc);
    dyad_ctx_close(ctx);
    return rc;
}
