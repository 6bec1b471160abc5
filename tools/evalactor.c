/* evalactor.c -- score actor coding against the project's hand-coded gold set.
 *
 *   evalactor [--errors] [--bench] GOLD.tsv NEWS.jsonl
 *
 * GOLD.tsv (tests/gold/polnear_actors.tsv): doc_id, start, end, mention,
 * code, note; byte offsets into the "text" of the record with that id in
 * NEWS.jsonl.  Every document named in the gold set is coded end to end
 * with the default context (models and dictionaries), and each gold
 * mention is looked up among the actors' mentions: the predicted mention
 * that overlaps it most (ties: the shorter) gives the predicted actor.
 * Figures, over all gold mentions (a gold mention with no overlapping
 * prediction counts as wrong):
 *   found     a predicted actor mention overlaps it;
 *   country   the first three letters of the codes agree (USA, IGO...);
 *   full      the codes are equal;
 * plus the same per gold role (the letters after the country part).
 * --errors lists each miss.  --bench times NER + actor coding alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/doc.h"

typedef struct gold {
    char doc[160];
    uint32_t start, end;
    char mention[128];
    char code[20];
} gold;

typedef struct tally {
    char role[20]; /* the code after its country part: "GOV", "UNODEVWBK" */
    unsigned n, found, country, full;
} tally;

static tally *tally_of(tally *t, size_t *nt, const char *role) {
    for (size_t i = 0; i < *nt; i++)
        if (!strcmp(t[i].role, role)) return &t[i];
    if (*nt == 64) return &t[63];
    memset(&t[*nt], 0, sizeof *t);
    snprintf(t[*nt].role, sizeof t->role, "%s", role);
    return &t[(*nt)++];
}

static int load_gold(const char *path, gold **out, size_t *n) {
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t cap = 0;
    *n = 0;
    *out = NULL;
    char line[2048];
    long ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        if (line[0] == '#' || line[0] == '\n') continue;
        char *fields[6] = {0};
        int nf = 0;
        char *p = line;
        while (nf < 6) {
            fields[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = '\0';
            p = tab + 1;
        }
        for (int i = 0; i < nf; i++) fields[i][strcspn(fields[i], "\r\n")] = '\0';
        if (nf < 5) {
            fprintf(stderr, "evalactor: %s:%ld: expected 5 or 6 tab-separated fields\n", path, ln);
            continue;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 512;
            gold *g = realloc(*out, cap * sizeof *g);
            if (!g) {
                fclose(f);
                return -1;
            }
            *out = g;
        }
        gold *g = &(*out)[(*n)++];
        snprintf(g->doc, sizeof g->doc, "%s", fields[0]);
        g->start = (uint32_t)strtoul(fields[1], NULL, 10);
        g->end = (uint32_t)strtoul(fields[2], NULL, 10);
        snprintf(g->mention, sizeof g->mention, "%s", fields[3]);
        snprintf(g->code, sizeof g->code, "%s", fields[4]);
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv) {
    int errors = 0, bench = 0;
    const char *gpath = NULL, *npath = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--errors")) errors = 1;
        else if (!strcmp(argv[i], "--bench")) bench = 1;
        else if (!gpath) gpath = argv[i];
        else npath = argv[i];
    }
    if (!gpath || !npath) {
        fprintf(stderr, "usage: evalactor [--errors] [--bench] GOLD.tsv NEWS.jsonl\n");
        return 2;
    }
    gold *g;
    size_t ng;
    if (load_gold(gpath, &g, &ng)) {
        fprintf(stderr, "evalactor: cannot read %s\n", gpath);
        return 2;
    }
    dyad_ctx *ctx = NULL;
    if (dyad_ctx_open(&ctx, NULL)) {
        fprintf(stderr, "evalactor: %s\n", ctx ? dyad_ctx_errmsg(ctx) : "out of memory");
        dyad_ctx_close(ctx);
        return 2;
    }
    dyad_reader *rd = NULL;
    dyad_reader_options ro = {DYAD_FORMAT_JSONL, 0, NULL, 0};
    if (dyad_reader_open(&rd, npath, &ro)) {
        fprintf(stderr, "evalactor: cannot read %s\n", npath);
        return 2;
    }
    dyad_doc *d;
    if (dyad_doc_new(&d)) return 2;
    tally tt[64];
    size_t nt = 0;
    tally all;
    memset(&all, 0, sizeof all);
    size_t ndocs = 0, ntok = 0;
    uint64_t ns_actor = 0;
    while (dyad_reader_next(rd, d) == DYAD_OK) {
        dyad_doc_code(ctx, d);
        const char *id = d->field[DYAD_FIELD_ID];
        if (!id || d->err) continue;
        int any = 0;
        for (size_t i = 0; i < ng; i++) {
            if (strcmp(g[i].doc, id)) continue;
            any = 1;
            gold *x = &g[i];
            if (x->end > d->len || strncmp(d->text + x->start, x->mention, x->end - x->start)) {
                fprintf(stderr, "evalactor: %s %u-%u: the offsets do not give \"%s\"\n", id, x->start, x->end,
                        x->mention);
                continue;
            }
            /* the predicted mention overlapping most */
            int best = -1;
            uint32_t bov = 0, blen = 0;
            for (size_t m = 0; m < d->nmention; m++) {
                const dmention *p = &d->mentions[m];
                uint32_t s = p->start > x->start ? p->start : x->start;
                uint32_t e = p->end < x->end ? p->end : x->end;
                if (e <= s) continue;
                uint32_t ov = e - s, len = p->end - p->start;
                if (ov > bov || (ov == bov && len < blen)) best = p->actor, bov = ov, blen = len;
            }
            const char *pc = best >= 0 ? d->actors[best].code : "";
            const char *role = strlen(x->code) > 3 ? x->code + 3 : "-";
            tally *t = tally_of(tt, &nt, role);
            int found = best >= 0, country = found && !strncmp(pc, x->code, 3) && strlen(pc) >= 3,
                full = found && !strcmp(pc, x->code);
            t->n++, all.n++;
            t->found += found, all.found += found;
            t->country += country, all.country += country;
            t->full += full, all.full += full;
            if (errors && !full)
                printf("MISS %s %u-%u \"%s\" gold %s got %s%s%s\n", id, x->start, x->end, x->mention, x->code,
                       found ? (pc[0] ? pc : "(no code)") : "(no mention)", found ? " actor " : "",
                       found ? d->actors[best].name : "");
        }
        if (any) {
            ndocs++;
            ntok += d->ntok;
            ns_actor += d->stage_ns[STAGE_NER] + d->stage_ns[STAGE_ACTORS];
        }
    }
    printf("actor coding, %zu gold mentions in %zu documents (%s)\n", (size_t)all.n, ndocs, gpath);
    printf("  %-9s %5s %8s %8s %8s\n", "role", "n", "found", "country", "full");
    for (size_t i = 0; i < nt; i++)
        printf("  %-9s %5u %7.1f%% %7.1f%% %7.1f%%\n", tt[i].role, tt[i].n, 100.0 * tt[i].found / tt[i].n,
               100.0 * tt[i].country / tt[i].n, 100.0 * tt[i].full / tt[i].n);
    if (all.n)
        printf("  %-6s %5u %7.1f%% %7.1f%% %7.1f%%\n", "all", all.n, 100.0 * all.found / all.n,
               100.0 * all.country / all.n, 100.0 * all.full / all.n);
    if (bench && ns_actor)
        printf("NER + actors: %zu tokens in %.1f ms: %.0f tokens/s\n", ntok, ns_actor / 1e6, ntok / (ns_actor / 1e9));
    dyad_doc_free(d);
    dyad_reader_close(rd);
    dyad_ctx_close(ctx);
    free(g);
    return 0;
}
