/* evalevent.c -- event-type and actor accuracy on the PLOVER gold sentences.
 *
 *   evalevent [--errors] [--half dev|test] PLOVER_GSR_CAMEO.txt
 *
 * The file is a JSON array of records with "text", "event" (a PLOVER
 * category of the 2016 draft the file was coded with) and "source" /
 * "target" arrays of {"code": ...}.  Each text is coded as one document
 * dated 2000-01-01 with the default dictionaries; dyad's CAMEO codes are
 * turned into PLOVER 2021 categories by data/events/plover.tsv, and the
 * 2016 gold labels into 2021 ones (DEMAND -> REQUEST, DISAPPROVE ->
 * ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT; the others are the
 * same).  Figures over the records (DOCUMENT records left out):
 *   type      the first event dyad emits for the sentence under --ontology
 *             plover has the gold category (no event counts as wrong).  That
 *             output leaves out the events PLOVER has no category for (CAMEO
 *             01x statements and 02x appeals: record.c skips an event whose
 *             plover field is NULL), so a sentence whose first CAMEO event is
 *             "0256 urged Y to" and whose second is "190 attacked Z" is scored
 *             by the ASSAULT, as a PLOVER user sees it.  (Scoring the first
 *             CAMEO event instead made a leading 01x/02x a miss: 57.1%
 *             against 57.5% on the whole file when the rule came in.)  The
 *             event is picked by dyad's own mapping (its plover field); its
 *             category is read from --plover-map (by default the same
 *             data/events/plover.tsv);
 *   any       some event of the sentence has it;
 *   source / target country: over records where the first event's category
 *             is right, its source (target) country is one of the gold's.
 * --half dev|test scores (and lists with --errors) only half of the gold
 * sentences: dev the ones with an even 0-based index among the scored
 * records, test the odd ones.  Dictionary work reads only the dev half, so
 * the test half stays an honest estimate of what the changes are worth.
 * --corpus NEWS.jsonl (repeatable) codes a news file and prints events per
 * sentence, the root-code histogram and the mode split instead.
 * --news-gold tests/gold/polnear_events.tsv scores the default pipeline on
 * the project's hand-coded CAMEO events of PolNeAR sentences (read from
 * --news, by default ../shared/data/news/polnear.jsonl): root-code
 * precision, recall and F1, the same with source and target right, mode
 * accuracy; with --errors the false positives (FP), misses (MISS), wrong
 * actors (ARGS) and wrong modes (MODE).  With --half it scores (and lists)
 * only the gold sentences of one half: dev the ones with an even 0-based
 * index among the distinct sentences in file order, test the odd ones.
 * --news-gold may be given more than once (set A polnear_events.tsv and set
 * B polnear_events_b.tsv): the files are scored together as one set, and
 * --half picks its half in each file separately, so a file's halves do not
 * depend on the files read with it.
 * --verbs FILE (repeatable) codes with a TABARI .verbs or PETRARCH
 * CAMEO.2.0-style dictionary beside dyad's own patterns, or instead of them
 * with --no-default-events, so a third-party dictionary can be measured on
 * the same gold.
 * --mode-gold tests/gold/news_mode.tsv scores the factuality (mode) and the
 * provenance (attributed_to) of the events dyad emits on news articles that
 * no other gold file holds (read from --mode-news DIR, by default
 * ../shared/data/news, as DIR/polnear.jsonl and DIR/reuters.jsonl): each
 * gold row is matched to the system event of the same document and exact
 * byte span (rows dyad no longer emits are counted), and over the matched
 * real events it prints mode accuracy, a 3x3 confusion table, per-mode
 * precision and recall, whether an event is attributed at all, and whether
 * dyad's claimant has a mention on the gold speaker's words; all of it
 * for both corpora together and for each.  --errors lists the wrong modes
 * (MODE), wrong attributions (ATTR) and vanished events (GONE).
 * See tests/gold/EVENTS.md and tests/gold/MODE.md. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/doc.h"

/* Context options of every pipeline opened here (--verbs,
 * --no-default-events). */
static dyad_ctx_options ctx_opt;

typedef struct rec {
    char text[2048];
    char event[32];
    char src[8][8], tgt[8][8];
    int nsrc, ntgt;
} rec;

/* Copy a JSON string starting after its opening quote; returns the index
 * after the closing quote.  Escapes \" \\ \/ \n \t and \uXXXX (BMP). */
static size_t read_str(const char *s, size_t i, size_t n, char *out, size_t cap) {
    size_t o = 0;
    while (i < n && s[i] != '"') {
        unsigned c = (unsigned char)s[i++];
        if (c == '\\' && i < n) {
            char e = s[i++];
            if (e == 'n') c = '\n';
            else if (e == 't') c = '\t';
            else if (e == 'u' && i + 4 <= n) {
                unsigned v = (unsigned)strtoul((char[]){s[i], s[i + 1], s[i + 2], s[i + 3], 0}, NULL, 16);
                i += 4;
                char buf[4];
                int k = 0;
                if (v < 0x80) buf[k++] = (char)v;
                else if (v < 0x800) buf[k++] = (char)(0xC0 | v >> 6), buf[k++] = (char)(0x80 | (v & 63));
                else
                    buf[k++] = (char)(0xE0 | v >> 12), buf[k++] = (char)(0x80 | ((v >> 6) & 63)),
                    buf[k++] = (char)(0x80 | (v & 63));
                for (int j = 0; j < k; j++)
                    if (o + 1 < cap) out[o++] = buf[j];
                continue;
            } else
                c = (unsigned char)e;
        }
        if (o + 1 < cap) out[o++] = (char)c;
    }
    out[o] = '\0';
    return i + 1;
}

/* Parse the records of the array (a small purpose-built walker: the file's
 * shape is fixed). */
static rec *parse(const char *s, size_t n, size_t *nrec) {
    size_t cap = 64, nr = 0;
    rec *r = calloc(cap, sizeof *r);
    int depth = 0;
    char key[64] = "", side = 0;
    rec *cur = NULL;
    for (size_t i = 0; i < n && r;) {
        char c = s[i];
        if (c == '"') {
            char buf[2048];
            i = read_str(s, i + 1, n, buf, sizeof buf);
            size_t j = i;
            while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r' || s[j] == '\t')) j++;
            if (j < n && s[j] == ':') { /* a key */
                snprintf(key, sizeof key, "%.63s", buf);
                if (depth == 2 && cur) side = !strcmp(key, "source") ? 's' : !strcmp(key, "target") ? 't' : 0;
                i = j + 1;
                continue;
            }
            if (!cur) continue;
            if (depth == 2 && !strcmp(key, "text")) snprintf(cur->text, sizeof cur->text, "%s", buf);
            else if (depth == 2 && !strcmp(key, "event")) snprintf(cur->event, sizeof cur->event, "%.31s", buf);
            else if (depth == 4 && !strcmp(key, "code") && side == 's' && cur->nsrc < 8)
                snprintf(cur->src[cur->nsrc++], 8, "%.3s", buf);
            else if (depth == 4 && !strcmp(key, "code") && side == 't' && cur->ntgt < 8)
                snprintf(cur->tgt[cur->ntgt++], 8, "%.3s", buf);
            continue;
        }
        if (c == '{' || c == '[') {
            depth++;
            if (c == '{' && depth == 2) {
                if (nr == cap) {
                    cap *= 2;
                    rec *nr2 = realloc(r, cap * sizeof *r);
                    if (!nr2) {
                        free(r);
                        return NULL;
                    }
                    r = nr2;
                }
                cur = &r[nr++];
                memset(cur, 0, sizeof *cur);
            }
        } else if (c == '}' || c == ']') {
            depth--;
            if (depth == 2 && c == ']') side = 0;
        }
        i++;
    }
    *nrec = nr;
    return r;
}

typedef struct pmap {
    char code[8];
    char event[24];
} pmap;

static const char *plover_of(const pmap *m, size_t nm, const char *code) {
    for (size_t i = 0; i < nm; i++)
        if (!strcmp(m[i].code, code)) return m[i].event;
    return "";
}

static const char *gold_2021(const char *e) {
    if (!strcmp(e, "DEMAND")) return "REQUEST";
    if (!strcmp(e, "DISAPPROVE") || !strcmp(e, "INVESTIGATE")) return "ACCUSE";
    if (!strcmp(e, "FIGHT")) return "ASSAULT";
    return e;
}

static int in_codes(char (*codes)[8], int n, const char *c) {
    for (int i = 0; i < n; i++)
        if (!strncmp(codes[i], c, 3)) return 1;
    return 0;
}

/* Events per sentence, roots and modes over a JSON Lines corpus. */
static int corpus_stats(const dyad_ctx *ctx, const char *path) {
    dyad_reader *rd = NULL;
    dyad_reader_options ro = {DYAD_FORMAT_JSONL, 0, NULL, 0};
    if (dyad_reader_open(&rd, path, &ro)) return -1;
    dyad_doc *d;
    if (dyad_doc_new(&d)) return -1;
    unsigned long long nsent = 0, nev = 0, roots[21] = {0}, modes[3] = {0}, ndoc = 0, claimed = 0;
    while (dyad_reader_next(rd, d) == DYAD_OK) {
        dyad_doc_code(ctx, d);
        if (d->err) continue;
        ndoc++;
        nsent += d->nsent;
        nev += d->nevent;
        for (size_t i = 0; i < d->nevent; i++) {
            int r = atoi((char[]){d->events[i].code[0], d->events[i].code[1], 0});
            if (r >= 1 && r <= 20) roots[r]++;
            if (d->events[i].mode <= MODE_HYPOTHETICAL) modes[d->events[i].mode]++;
            claimed += d->events[i].attributed_to >= 0;
        }
    }
    printf("%s: %llu documents, %llu sentences, %llu events: %.3f events/sentence (ACCENT on Gigaword: 0.067)\n", path,
           ndoc, nsent, nev, nsent ? (double)nev / nsent : 0);
    printf("  roots:");
    for (int r = 1; r <= 20; r++) printf(" %02d:%llu", r, roots[r]);
    printf("\n  modes: asserted %.1f%%, negated %.1f%%, hypothetical %.1f%%; attributed to a claimant %.1f%%\n",
           nev ? 100.0 * modes[0] / nev : 0, nev ? 100.0 * modes[1] / nev : 0, nev ? 100.0 * modes[2] / nev : 0,
           nev ? 100.0 * claimed / nev : 0);
    dyad_doc_free(d);
    dyad_reader_close(rd);
    return 0;
}

/* ---- --news-gold: the project's hand-coded CAMEO events on PolNeAR ----- */

/* One row of tests/gold/polnear_events.tsv (format in tests/gold/EVENTS.md).
 * A sentence without events has one row with code "-". */
typedef struct grow {
    char doc[160];
    uint32_t s0, s1;            /* the sentence */
    char code[8];               /* "" for the "-" row */
    int mode;                   /* DYAD_MODE_* */
    uint32_t src0, src1, tgt0, tgt1; /* 0,0: empty */
    char src[64], tgt[64], anchor[48];
    int matched, full;          /* taken by a system event (root; root and actors) */
} grow;

/* A system event kept for scoring: inside a gold sentence. */
typedef struct sysev {
    size_t gs;                  /* index of the gold sentence's first row */
    char code[8];
    int mode;
    uint32_t start, end, src0, src1, tgt0, tgt1;
    char src[64], tgt[64];
    int matched, full;
} sysev;

/* Copy field i (0-based) of a tab-separated line into out. */
static void tsv_field(const char *line, int i, char *out, size_t cap) {
    const char *p = line;
    for (int k = 0; k < i && p; k++) {
        p = strchr(p, '\t');
        if (p) p++;
    }
    size_t n = p ? strcspn(p, "\t\r\n") : 0;
    if (n >= cap) n = cap - 1;
    if (p) memcpy(out, p, n);
    out[n] = '\0';
}

static uint32_t tsv_u32(const char *line, int i) {
    char b[16];
    tsv_field(line, i, b, sizeof b);
    return (uint32_t)strtoul(b, NULL, 10);
}

/* A zeroed new element at the end of the array *arr of *n elements of
 * size bytes (room for *cap), grown by doubling; NULL (and the array
 * freed) when memory runs out.  Shared by the row readers below. */
static void *row_push(void **arr, size_t *cap, size_t *n, size_t size) {
    if (!*arr) return NULL;
    if (*n == *cap) {
        void *na = *cap <= SIZE_MAX / 2 / size ? realloc(*arr, 2 * *cap * size) : NULL;
        if (!na) {
            free(*arr);
            *arr = NULL;
            return NULL;
        }
        *arr = na;
        *cap *= 2;
    }
    char *r = (char *)*arr + (*n)++ * size;
    memset(r, 0, size);
    return r;
}

/* Read the gold rows; NULL when the file cannot be read or memory runs out. */
static grow *gold_read(const char *path, size_t *n) {
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    size_t cap = 256, nr = 0;
    void *g = malloc(cap * sizeof(grow));
    char line[4096];
    while (g && fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        grow *r = row_push(&g, &cap, &nr, sizeof *r);
        if (!r) break;
        char m[16];
        tsv_field(line, 0, r->doc, sizeof r->doc);
        r->s0 = tsv_u32(line, 1);
        r->s1 = tsv_u32(line, 2);
        tsv_field(line, 3, r->code, sizeof r->code);
        if (!strcmp(r->code, "-")) r->code[0] = '\0';
        tsv_field(line, 4, m, sizeof m);
        r->mode = !strcmp(m, "negated") ? DYAD_MODE_NEGATED : !strcmp(m, "hypothetical") ? DYAD_MODE_HYPOTHETICAL
                                                                                        : DYAD_MODE_ASSERTED;
        r->src0 = tsv_u32(line, 5);
        r->src1 = tsv_u32(line, 6);
        tsv_field(line, 7, r->src, sizeof r->src);
        r->tgt0 = tsv_u32(line, 8);
        r->tgt1 = tsv_u32(line, 9);
        tsv_field(line, 10, r->tgt, sizeof r->tgt);
        tsv_field(line, 13, r->anchor, sizeof r->anchor);
    }
    fclose(f);
    *n = nr;
    return g;
}

/* Is the system slot [a0,a1) right against the gold one [b0,b1)?  Both
 * empty, or the byte spans overlap. */
static int slot_ok(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
    int ae = a1 <= a0, be = b1 <= b0;
    if (ae || be) return ae && be;
    return a0 < b1 && b0 < a1;
}

static const char *mode_name(int m) {
    return m == DYAD_MODE_NEGATED ? "negated" : m == DYAD_MODE_HYPOTHETICAL ? "hypothetical" : "asserted";
}

/* Copy text[a,b) into out with line breaks and tabs as spaces. */
static void span_copy(const char *text, size_t len, uint32_t a, uint32_t b, char *out, size_t cap) {
    size_t o = 0;
    for (uint32_t i = a; i < b && i < len && o + 1 < cap; i++)
        out[o++] = text[i] == '\n' || text[i] == '\t' || text[i] == '\r' ? ' ' : text[i];
    out[o] = '\0';
}

static void fscore(const char *what, unsigned m, unsigned nsys, unsigned ngold) {
    double p = nsys ? (double)m / nsys : 0, r = ngold ? (double)m / ngold : 0;
    printf("  %-28s P %5.1f%% (%u/%u)  R %5.1f%% (%u/%u)  F1 %5.1f%%\n", what, 100 * p, m, nsys, 100 * r, m, ngold,
           p + r > 0 ? 200 * p * r / (p + r) : 0);
}

/* Score dyad's default pipeline against the hand-coded events of gold on
 * the documents of news.  A system event is scored when its sentence is a
 * gold sentence (same byte span) or its span lies inside one.  Matching is
 * greedy in system order within a sentence: root (the first two digits of
 * the CAMEO code) against an unmatched gold event of the same root,
 * preferring one whose source and target are right too; "root + actors"
 * is a separate greedy matching that also asks both slots to be right
 * (overlapping byte spans, or both empty).  Mode accuracy is over the
 * root matches. */
/* Keep the rows of the sentences of one half of g (distinct sentences in
 * file order: dev the even ones, test the odd ones); returns the new count. */
static size_t gold_half(grow *g, size_t ng, int half) {
    size_t kept = 0, sidx = 0;
    for (size_t i = 0; i < ng; i++) {
        if (i > 0 && (g[i].s0 != g[i - 1].s0 || strcmp(g[i].doc, g[i - 1].doc))) sidx++;
        if ((int)(sidx % 2) == half) g[kept++] = g[i];
    }
    return kept;
}

/* Read every gold file, take each one's half (when half >= 0) on its own,
 * and append the rows in file order.  NULL on error (message printed). */
static grow *gold_load(const char *const *paths, int npaths, int half, size_t *n) {
    grow *all = NULL;
    size_t nall = 0;
    for (int p = 0; p < npaths; p++) {
        size_t ng = 0;
        grow *g = gold_read(paths[p], &ng);
        if (!g) {
            fprintf(stderr, "evalevent: cannot read %s\n", paths[p]);
            free(all);
            return NULL;
        }
        if (half >= 0) ng = gold_half(g, ng, half);
        if (!all) {
            all = g, nall = ng;
            continue;
        }
        grow *na = ng <= SIZE_MAX / sizeof *g - nall ? realloc(all, (nall + ng + 1) * sizeof *g) : NULL;
        if (!na) {
            fprintf(stderr, "evalevent: out of memory\n");
            free(g);
            free(all);
            return NULL;
        }
        all = na;
        memcpy(all + nall, g, ng * sizeof *g);
        nall += ng;
        free(g);
    }
    *n = nall;
    return all;
}

static int news_gold(const char *const *gold_paths, int npaths, const char *news, int errors, int half) {
    size_t ng = 0;
    grow *g = gold_load(gold_paths, npaths, half, &ng);
    if (!g) return 2;
    dyad_ctx *ctx = NULL;
    if (dyad_ctx_open(&ctx, &ctx_opt)) {
        fprintf(stderr, "evalevent: %s\n", ctx ? dyad_ctx_errmsg(ctx) : "out of memory");
        dyad_ctx_close(ctx);
        free(g);
        return 2;
    }
    dyad_reader *rd = NULL;
    dyad_reader_options ro = {DYAD_FORMAT_JSONL, 0, NULL, 0};
    dyad_doc *d = NULL;
    if (dyad_reader_open(&rd, news, &ro) || dyad_doc_new(&d)) {
        fprintf(stderr, "evalevent: cannot read %s\n", news);
        dyad_reader_close(rd);
        dyad_ctx_close(ctx);
        free(g);
        return 2;
    }
    size_t cap = 256, ns = 0;
    sysev *sv = malloc(cap * sizeof *sv);
    unsigned ndoc = 0, nsent = 0, ngold_ev = 0;
    for (size_t i = 0; i < ng; i++) {
        ngold_ev += g[i].code[0] != '\0';
        nsent += i == 0 || g[i].s0 != g[i - 1].s0 || strcmp(g[i].doc, g[i - 1].doc);
    }
    while (sv && dyad_reader_next(rd, d) == DYAD_OK) {
        const char *id = dyad_doc_field(d, DYAD_FIELD_ID);
        size_t g0 = 0;
        while (g0 < ng && (!id || strcmp(g[g0].doc, id))) g0++;
        if (g0 == ng) continue;
        ndoc++;
        dyad_doc_code(ctx, d);
        if (dyad_doc_error(d)) continue;
        size_t tlen = 0;
        const char *text = dyad_doc_text(d, &tlen);
        size_t ne = dyad_doc_event_count(d);
        for (size_t k = 0; k < ne && sv; k++) {
            dyad_event e;
            if (dyad_doc_event(d, k, &e)) continue;
            dyad_span ss = dyad_doc_sentence(d, e.sentence, NULL, NULL);
            size_t gs = ng;
            for (size_t i = g0; i < ng && !strcmp(g[i].doc, id); i++)
                if ((ss.start == g[i].s0 && ss.end == g[i].s1) ||
                    (e.span.start >= g[i].s0 && e.span.end <= g[i].s1)) {
                    gs = i;
                    break;
                }
            if (gs == ng) continue;
            while (gs > 0 && g[gs - 1].s0 == g[gs].s0 && !strcmp(g[gs - 1].doc, g[gs].doc)) gs--;
            if (ns == cap) {
                sysev *n2 = cap <= SIZE_MAX / 2 / sizeof *sv ? realloc(sv, 2 * cap * sizeof *sv) : NULL;
                if (!n2) {
                    free(sv);
                    sv = NULL;
                    break;
                }
                sv = n2;
                cap *= 2;
            }
            sysev *s = &sv[ns++];
            memset(s, 0, sizeof *s);
            s->gs = gs;
            snprintf(s->code, sizeof s->code, "%s", e.code ? e.code : "");
            s->mode = e.mode;
            s->start = e.span.start, s->end = e.span.end;
            s->src0 = e.source.start, s->src1 = e.source.end;
            s->tgt0 = e.target.start, s->tgt1 = e.target.end;
            span_copy(text, tlen, s->src0, s->src1, s->src, sizeof s->src);
            span_copy(text, tlen, s->tgt0, s->tgt1, s->tgt, sizeof s->tgt);
        }
    }
    dyad_doc_free(d);
    dyad_reader_close(rd);
    dyad_ctx_close(ctx);
    if (!sv) {
        fprintf(stderr, "evalevent: out of memory\n");
        free(g);
        return 2;
    }
    /* root matching, then root + actors matching, per sentence */
    unsigned mroot = 0, mfull = 0, mode_ok = 0;
    unsigned rg[21] = {0}, rs[21] = {0}, rm[21] = {0};
    for (size_t k = 0; k < ns; k++) {
        sysev *s = &sv[k];
        int best = -1;
        for (size_t i = s->gs; i < ng && g[i].s0 == g[s->gs].s0 && !strcmp(g[i].doc, g[s->gs].doc); i++) {
            if (g[i].matched || !g[i].code[0] || strncmp(g[i].code, s->code, 2)) continue;
            int args = slot_ok(s->src0, s->src1, g[i].src0, g[i].src1) && slot_ok(s->tgt0, s->tgt1, g[i].tgt0, g[i].tgt1);
            if (best < 0 || args) best = (int)i;
            if (args) break;
        }
        if (best >= 0) {
            g[best].matched = 1;
            s->matched = best + 1;
            mroot++;
            mode_ok += g[best].mode == s->mode;
        }
        for (size_t i = s->gs; i < ng && g[i].s0 == g[s->gs].s0 && !strcmp(g[i].doc, g[s->gs].doc); i++)
            if (!g[i].full && g[i].code[0] && !strncmp(g[i].code, s->code, 2) &&
                slot_ok(s->src0, s->src1, g[i].src0, g[i].src1) && slot_ok(s->tgt0, s->tgt1, g[i].tgt0, g[i].tgt1)) {
                g[i].full = 1;
                s->full = 1;
                mfull++;
                break;
            }
        int r = atoi((char[]){s->code[0], s->code[1], 0});
        if (r >= 1 && r <= 20) rs[r]++, rm[r] += s->matched > 0;
    }
    for (size_t i = 0; i < ng; i++) {
        int r = atoi((char[]){g[i].code[0], g[i].code[0] ? g[i].code[1] : 0, 0});
        if (r >= 1 && r <= 20) rg[r]++;
    }
    if (errors) {
        for (size_t k = 0; k < ns; k++) {
            const sysev *s = &sv[k];
            const grow *gg = &g[s->gs];
            if (!s->matched)
                printf("FP   %s %u-%u %-5s %-12s src=\"%s\" tgt=\"%s\"\n", gg->doc, gg->s0, gg->s1, s->code,
                       mode_name(s->mode), s->src, s->tgt);
            else if (!s->full) {
                const grow *m = &g[s->matched - 1];
                printf("ARGS %s %u-%u %-5s got src=\"%s\" tgt=\"%s\", gold %s src=\"%s\" tgt=\"%s\"\n", gg->doc, gg->s0,
                       gg->s1, s->code, s->src, s->tgt, m->code, m->src, m->tgt);
            }
            if (s->matched && g[s->matched - 1].mode != s->mode)
                printf("MODE %s %u-%u %-5s got %s, gold %s\n", gg->doc, gg->s0, gg->s1, s->code, mode_name(s->mode),
                       mode_name(g[s->matched - 1].mode));
        }
        for (size_t i = 0; i < ng; i++)
            if (g[i].code[0] && !g[i].matched)
                printf("MISS %s %u-%u %-5s %-12s src=\"%s\" tgt=\"%s\" anchor=\"%s\"\n", g[i].doc, g[i].s0, g[i].s1,
                       g[i].code, mode_name(g[i].mode), g[i].src, g[i].tgt, g[i].anchor);
    }
    printf("news gold (");
    for (int p = 0; p < npaths; p++) printf("%s%s", p ? " + " : "", gold_paths[p]);
    printf(" on %s%s): %u documents, %u sentences, %u gold events, %zu system events in them\n", news, half < 0 ? "" : half ? ", test half" : ", dev half", ndoc, nsent, ngold_ev, ns);
    fscore("root code", mroot, (unsigned)ns, ngold_ev);
    fscore("root + source + target", mfull, (unsigned)ns, ngold_ev);
    printf("  mode accuracy (root matches) %5.1f%% (%u of %u)\n", mroot ? 100.0 * mode_ok / mroot : 0, mode_ok, mroot);
    printf("  per root (gold / system / matched):");
    for (int r = 1; r <= 20; r++)
        if (rg[r] || rs[r]) printf(" %02d:%u/%u/%u", r, rg[r], rs[r], rm[r]);
    printf("\n");
    free(sv);
    free(g);
    return 0;
}

/* ---- --mode-gold: factuality and attribution on unseen news ------------ */

/* One row of tests/gold/news_mode.tsv (format in tests/gold/MODE.md): an
 * event dyad emitted when the sample was drawn, with the annotator's mode
 * and speaker span. */
typedef struct mrow {
    char doc[160];
    uint32_t e0, e1;            /* the event's words: the match key */
    char code[8];
    int mode;                   /* DYAD_MODE_*, -1 for a non-event ("x") */
    uint32_t a0, a1;            /* the speaker's words; 0,0: the reporter asserts it */
    int corpus;                 /* 0 polnear, 1 reuters */
    int found;                  /* a system event with the same span */
    int smode;                  /* its mode */
    int sattr;                  /* it has an attributed_to */
    int covers;                 /* a mention of that actor overlaps [a0,a1) */
} mrow;

static const char *const mode_corpora[2] = {"polnear", "reuters"};

/* Read the rows; NULL when the file cannot be read or memory runs out. */
static mrow *mode_read(const char *path, size_t *n) {
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    size_t cap = 256, nr = 0;
    void *g = malloc(cap * sizeof(mrow));
    char line[4096];
    while (g && fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        mrow *r = row_push(&g, &cap, &nr, sizeof *r);
        if (!r) break;
        char m[16], c[16];
        tsv_field(line, 0, r->doc, sizeof r->doc);
        r->e0 = tsv_u32(line, 3);
        r->e1 = tsv_u32(line, 4);
        tsv_field(line, 5, r->code, sizeof r->code);
        tsv_field(line, 6, m, sizeof m);
        r->mode = !strcmp(m, "x") ? -1 : !strcmp(m, "negated") ? DYAD_MODE_NEGATED
                  : !strcmp(m, "hypothetical") ? DYAD_MODE_HYPOTHETICAL : DYAD_MODE_ASSERTED;
        r->a0 = tsv_u32(line, 7);
        r->a1 = tsv_u32(line, 8);
        tsv_field(line, 10, c, sizeof c);
        r->corpus = !strcmp(c, "reuters");
    }
    fclose(f);
    *n = nr;
    return g;
}

/* Does a mention of actor a overlap [b0,b1)? */
static int actor_covers(const dyad_doc *d, long a, uint32_t b0, uint32_t b1) {
    for (size_t i = 0; i < d->nmention; i++)
        if (d->mentions[i].actor == a && d->mentions[i].start < b1 && b0 < d->mentions[i].end) return 1;
    return 0;
}

/* Fill the system side of the rows of document d (rows g[i0..i1) share
 * its id): the event with the row's exact byte span, preferring one of the
 * same code when several share it. */
static void mode_match(const dyad_doc *d, mrow *g, size_t i0, size_t i1) {
    size_t ne = dyad_doc_event_count(d);
    for (size_t i = i0; i < i1; i++) {
        int best = -1;
        dyad_event e;
        for (size_t k = 0; k < ne; k++) {
            if (dyad_doc_event(d, k, &e) || e.span.start != g[i].e0 || e.span.end != g[i].e1) continue;
            if (best < 0 || (e.code && !strcmp(e.code, g[i].code))) best = (int)k;
            if (e.code && !strcmp(e.code, g[i].code)) break;
        }
        if (best < 0 || dyad_doc_event(d, (size_t)best, &e)) continue;
        g[i].found = 1;
        g[i].smode = e.mode;
        g[i].sattr = e.attributed_to >= 0;
        g[i].covers = g[i].sattr && g[i].a1 > g[i].a0 && actor_covers(d, e.attributed_to, g[i].a0, g[i].a1);
    }
}

/* Print the figures over the matched real events of one corpus (-1: all). */
static void mode_report(const mrow *g, size_t ng, int corpus) {
    unsigned rows = 0, nonev = 0, lost = 0, n = 0, ok = 0, conf[3][3] = {{0}};
    unsigned att_ok = 0, gold_att = 0, sys_att = 0, both_att = 0, covers = 0, strict = 0;
    for (size_t i = 0; i < ng; i++) {
        if (corpus >= 0 && g[i].corpus != corpus) continue;
        rows++;
        if (g[i].mode < 0) {
            nonev++;
            continue;
        }
        if (!g[i].found) {
            lost++;
            continue;
        }
        int ga = g[i].a1 > g[i].a0;
        n++;
        ok += g[i].mode == g[i].smode;
        if (g[i].smode >= 0 && g[i].smode <= 2) conf[g[i].mode][g[i].smode]++;
        att_ok += ga == g[i].sattr;
        gold_att += ga;
        sys_att += g[i].sattr;
        both_att += ga && g[i].sattr;
        covers += ga && g[i].covers;
        strict += ga ? g[i].covers : !g[i].sattr;
    }
    printf("mode gold, %s: %u rows, %u non-events, %u real events, %u of them matched (%u no longer match)\n",
           corpus < 0 ? "all" : mode_corpora[corpus], rows, nonev, rows - nonev, n, lost);
    printf("  mode accuracy %5.1f%% (%u of %u)\n", n ? 100.0 * ok / n : 0, ok, n);
    printf("  gold \\ dyad       asserted  negated  hypothetical\n");
    for (int m = 0; m < 3; m++)
        printf("    %-12s %10u %8u %13u\n", mode_name(m), conf[m][0], conf[m][1], conf[m][2]);
    for (int m = 0; m < 3; m++) {
        unsigned tp = conf[m][m], ns = conf[0][m] + conf[1][m] + conf[2][m], ngm = conf[m][0] + conf[m][1] + conf[m][2];
        printf("    %-12s P %5.1f%% (%u/%u)  R %5.1f%% (%u/%u)\n", mode_name(m), ns ? 100.0 * tp / ns : 0, tp, ns,
               ngm ? 100.0 * tp / ngm : 0, tp, ngm);
    }
    printf("  attributed or not: accuracy %5.1f%% (%u of %u); gold attributed %u, dyad %u, both %u:"
           " P %.1f%% R %.1f%%\n", n ? 100.0 * att_ok / n : 0, att_ok, n, gold_att, sys_att, both_att,
           sys_att ? 100.0 * both_att / sys_att : 0, gold_att ? 100.0 * both_att / gold_att : 0);
    printf("  speaker right (dyad's actor has a mention on the gold speaker): %u of %u attributed by both,"
           " %u of %u gold attributed\n", covers, both_att, covers, gold_att);
    printf("  attribution fully right (none and none, or the right speaker) %5.1f%% (%u of %u)\n",
           n ? 100.0 * strict / n : 0, strict, n);
}

/* Rows by document id, for bsearch from each document read. */
static int docid_cmp(const void *a, const void *b) {
    return strcmp(((const mrow *)a)->doc, ((const mrow *)b)->doc);
}

/* Score the mode and attributed_to of dyad's default pipeline against
 * the hand annotation of the events it emitted on unseen news
 * (tests/gold/news_mode.tsv).  Gold rows are matched to system events by
 * document id and exact event byte span; a row whose span dyad no longer
 * emits is counted, not scored.  The documents are read from
 * dir/<corpus>.jsonl. */
static int mode_gold(const char *path, const char *dir, int errors) {
    size_t ng = 0;
    mrow *g = mode_read(path, &ng);
    if (!g) {
        fprintf(stderr, "evalevent: cannot read %s\n", path);
        return 2;
    }
    qsort(g, ng, sizeof *g, docid_cmp);
    dyad_ctx *ctx = NULL;
    if (dyad_ctx_open(&ctx, &ctx_opt)) {
        fprintf(stderr, "evalevent: %s\n", ctx ? dyad_ctx_errmsg(ctx) : "out of memory");
        dyad_ctx_close(ctx);
        free(g);
        return 2;
    }
    dyad_doc *d = NULL;
    if (dyad_doc_new(&d)) {
        dyad_ctx_close(ctx);
        free(g);
        return 2;
    }
    int rc = 0;
    for (int c = 0; c < 2 && !rc; c++) {
        char file[1024];
        snprintf(file, sizeof file, "%s/%s.jsonl", dir, mode_corpora[c]);
        dyad_reader *rd = NULL;
        dyad_reader_options ro = {DYAD_FORMAT_JSONL, 0, NULL, 0};
        if (dyad_reader_open(&rd, file, &ro)) {
            fprintf(stderr, "evalevent: cannot read %s\n", file);
            rc = 2;
            break;
        }
        while (dyad_reader_next(rd, d) == DYAD_OK) {
            const char *id = dyad_doc_field(d, DYAD_FIELD_ID);
            if (!id) continue;
            mrow key;
            snprintf(key.doc, sizeof key.doc, "%s", id);
            mrow *hit = bsearch(&key, g, ng, sizeof *g, docid_cmp);
            if (!hit) continue;
            size_t i0 = (size_t)(hit - g), i1 = i0 + 1;
            while (i0 > 0 && !strcmp(g[i0 - 1].doc, id)) i0--;
            while (i1 < ng && !strcmp(g[i1].doc, id)) i1++;
            dyad_doc_code(ctx, d);
            if (!dyad_doc_error(d)) mode_match(d, g, i0, i1);
        }
        dyad_reader_close(rd);
    }
    dyad_doc_free(d);
    dyad_ctx_close(ctx);
    if (!rc) {
        if (errors)
            for (size_t i = 0; i < ng; i++) {
                const mrow *r = &g[i];
                if (r->mode < 0) continue;
                if (!r->found) printf("GONE %s %u-%u %s\n", r->doc, r->e0, r->e1, r->code);
                else {
                    int ga = r->a1 > r->a0;
                    if (r->mode != r->smode)
                        printf("MODE %s %u-%u %-5s got %s, gold %s\n", r->doc, r->e0, r->e1, r->code,
                               mode_name(r->smode), mode_name(r->mode));
                    if (ga != r->sattr || (ga && !r->covers))
                        printf("ATTR %s %u-%u %-5s got %s, gold %s %u-%u\n", r->doc, r->e0, r->e1, r->code,
                               !r->sattr ? "none" : r->covers ? "the speaker" : "another actor",
                               ga ? "speaker" : "none", r->a0, r->a1);
                }
            }
        printf("mode gold (%s on %s/{polnear,reuters}.jsonl)\n", path, dir);
        mode_report(g, ng, -1);
        mode_report(g, ng, 0);
        mode_report(g, ng, 1);
    }
    free(g);
    return rc;
}

int main(int argc, char **argv) {
    int errors = 0, half = -1; /* -1 all, 0 dev (even index), 1 test (odd) */
    const char *corpora[8];
    int ncorpora = 0;
    const char *path = NULL, *mapfile = "data/events/plover.tsv", *news_gold_paths[8];
    int nnews_gold = 0;
    const char *news = "../shared/data/news/polnear.jsonl";
    const char *verbs[9] = {0};
    int nverbs = 0;
    const char *mode_gold_path = NULL, *mode_news = "../shared/data/news";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--errors")) errors = 1;
        else if (!strcmp(argv[i], "--half") && i + 1 < argc) {
            const char *h = argv[++i];
            if (!strcmp(h, "dev")) half = 0;
            else if (!strcmp(h, "test")) half = 1;
            else {
                fprintf(stderr, "evalevent: --half takes dev or test\n");
                return 2;
            }
        } else if (!strcmp(argv[i], "--plover-map") && i + 1 < argc) mapfile = argv[++i];
        else if (!strcmp(argv[i], "--corpus") && i + 1 < argc && ncorpora < 8) corpora[ncorpora++] = argv[++i];
        else if (!strcmp(argv[i], "--news-gold") && i + 1 < argc) {
            if (nnews_gold == 8) {
                fprintf(stderr, "evalevent: at most 8 --news-gold files\n");
                return 2;
            }
            news_gold_paths[nnews_gold++] = argv[++i];
        }
        else if (!strcmp(argv[i], "--news") && i + 1 < argc) news = argv[++i];
        else if (!strcmp(argv[i], "--mode-gold") && i + 1 < argc) mode_gold_path = argv[++i];
        else if (!strcmp(argv[i], "--mode-news") && i + 1 < argc) mode_news = argv[++i];
        else if (!strcmp(argv[i], "--verbs") && i + 1 < argc) {
            if (nverbs == 8) {
                fprintf(stderr, "evalevent: at most 8 --verbs files\n");
                return 2;
            }
            verbs[nverbs++] = argv[++i];
            ctx_opt.verb_files = verbs;
        } else if (!strcmp(argv[i], "--no-default-events")) ctx_opt.flags |= DYAD_CTX_NO_DEFAULT_EVENTS;
        else path = argv[i];
    }
    if (mode_gold_path) {
        int rc = mode_gold(mode_gold_path, mode_news, errors);
        if (rc || (!path && !ncorpora && !nnews_gold)) return rc;
    }
    if (nnews_gold) {
        int rc = news_gold(news_gold_paths, nnews_gold, news, errors, half);
        if (rc || (!path && !ncorpora)) return rc;
    }
    if (ncorpora) {
        dyad_ctx *cctx = NULL;
        if (dyad_ctx_open(&cctx, &ctx_opt)) {
            fprintf(stderr, "evalevent: %s\n", cctx ? dyad_ctx_errmsg(cctx) : "out of memory");
            return 2;
        }
        for (int i = 0; i < ncorpora; i++)
            if (corpus_stats(cctx, corpora[i])) fprintf(stderr, "evalevent: cannot read %s\n", corpora[i]);
        dyad_ctx_close(cctx);
        if (!path) return 0;
    }
    if (!path) {
        fprintf(stderr, "usage: evalevent [--errors] [--half dev|test] [--plover-map data/events/plover.tsv] [--corpus NEWS.jsonl]... [--news-gold tests/gold/polnear_events.tsv]... [--news polnear.jsonl] [--verbs FILE]... [--no-default-events] [--mode-gold tests/gold/news_mode.tsv [--mode-news DIR]] [PLOVER_GSR_CAMEO.txt]\n");
        return 2;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "evalevent: cannot read %s\n", path);
        return 2;
    }
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    while (buf && (n += fread(buf + n, 1, cap - n, f)) == cap) {
        char *nb = realloc(buf, cap *= 2);
        if (!nb) free(buf);
        buf = nb;
    }
    fclose(f);
    if (!buf) return 2;
    size_t nr = 0;
    rec *r = parse(buf, n, &nr);
    free(buf);
    FILE *mf = fopen(mapfile, "r");
    if (!mf || !r) {
        fprintf(stderr, "evalevent: cannot read %s\n", mapfile);
        return 2;
    }
    pmap *m = calloc(512, sizeof *m);
    size_t nm = 0;
    char line[256];
    while (m && nm < 512 && fgets(line, sizeof line, mf)) {
        char *t = strchr(line, '\t');
        if (!t || !strncmp(line, "code", 4)) continue;
        *t = '\0';
        char *e = t + 1;
        e[strcspn(e, "\t\r\n")] = '\0';
        snprintf(m[nm].code, sizeof m[nm].code, "%.7s", line);
        snprintf(m[nm].event, sizeof m[nm].event, "%.23s", e);
        nm++;
    }
    fclose(mf);
    dyad_ctx *ctx = NULL;
    if (dyad_ctx_open(&ctx, &ctx_opt)) {
        fprintf(stderr, "evalevent: %s\n", ctx ? dyad_ctx_errmsg(ctx) : "out of memory");
        return 2;
    }
    dyad_doc *d;
    if (dyad_doc_new(&d)) return 2;
    unsigned idx = 0, total = 0, type_ok = 0, any_ok = 0, coded = 0, src_ok = 0, src_n = 0, tgt_ok = 0, tgt_n = 0;
    for (size_t i = 0; i < nr; i++) {
        if (!r[i].text[0] || !strcmp(r[i].event, "DOCUMENT") || !r[i].event[0]) continue;
        if (half >= 0 && (int)(idx++ % 2) != half) continue;
        total++;
        dyad_doc_reset(d);
        dyad_doc_set_text(d, r[i].text, strlen(r[i].text));
        dyad_doc_set_field(d, DYAD_FIELD_DATE, "2000-01-01", 10);
        dyad_doc_code(ctx, d);
        const char *gold = gold_2021(r[i].event);
        /* the first event of the PLOVER output: one PLOVER has a category for */
        size_t k0 = 0;
        while (k0 < d->nevent && !d->events[k0].plover) k0++;
        int has = k0 < d->nevent;
        const char *first = has ? plover_of(m, nm, d->events[k0].code) : "";
        int any = 0;
        for (size_t k = 0; k < d->nevent; k++) any |= !strcmp(plover_of(m, nm, d->events[k].code), gold);
        coded += has;
        any_ok += any;
        int ok = has && !strcmp(first, gold);
        type_ok += ok;
        if (ok) {
            const devent *e = &d->events[k0];
            if (r[i].nsrc) {
                src_n++;
                int s_ok = e->source >= 0 && in_codes(r[i].src, r[i].nsrc, d->actors[e->source].code);
                src_ok += s_ok;
                if (errors && !s_ok)
                    printf("SRC  gold %-10s got %-10s (%s) | %s\n", r[i].src[0],
                           e->source >= 0 ? d->actors[e->source].code : "-", e->code, r[i].text);
            }
            if (r[i].ntgt) {
                tgt_n++;
                int t_ok = e->target >= 0 && in_codes(r[i].tgt, r[i].ntgt, d->actors[e->target].code);
                tgt_ok += t_ok;
                if (errors && !t_ok)
                    printf("TGT  gold %-10s got %-10s (%s) | %s\n", r[i].tgt[0],
                           e->target >= 0 ? d->actors[e->target].code : "-", e->code, r[i].text);
            }
        }
        if (errors && !ok)
            printf("MISS gold %-10s got %-10s (%s) | %s\n", gold, has ? first : "-",
                   has ? d->events[k0].code : d->nevent ? d->events[0].code : "-", r[i].text);
    }
    printf("PLOVER gold (%s%s): %u sentences, %u with a PLOVER event coded\n", path,
           half < 0 ? "" : half ? ", test half" : ", dev half", total, coded);
    printf("  event type (first event)   %5.1f%%  (%u)\n", total ? 100.0 * type_ok / total : 0, type_ok);
    printf("  event type (any event)     %5.1f%%  (%u)\n", total ? 100.0 * any_ok / total : 0, any_ok);
    printf("  source country, type right %5.1f%%  (%u of %u)\n", src_n ? 100.0 * src_ok / src_n : 0, src_ok, src_n);
    printf("  target country, type right %5.1f%%  (%u of %u)\n", tgt_n ? 100.0 * tgt_ok / tgt_n : 0, tgt_ok, tgt_n);
    dyad_doc_free(d);
    dyad_ctx_close(ctx);
    free(r);
    free(m);
    return 0;
}
