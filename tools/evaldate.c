/* evaldate.c -- score the date stage against the GUM <date> annotation.
 *
 *   evaldate [--errors] [--model-dir DIR] GUMDIR
 *   evaldate --dump GUMDIR > texts.jsonl
 *   evaldate [--errors] --system FILE GUMDIR     (FILE: TSV doc start end value; "-" = stdin)
 *   evaldate --bench N GUMDIR                   (speed: date_run against the whole of dyad_doc_code)
 *
 * GUMDIR is gum_news_interview/ (xml/GUM_*.xml, dep/GUM_*.conllu,
 * splits.md).  Each document's raw text is rebuilt from the xml (one token
 * per line; every block element -- <head> <p> <item> <caption> <sp> ... --
 * a paragraph of its own, separated by a blank line) with the spacing of
 * the matching conllu (SpaceAfter=No, multiword tokens written solid), so
 * the text reads as the web page did.  Every <date> element (nested ones
 * too) is a gold date over the bytes of its tokens; the anchor is the
 * <text dateCreated>.  The text goes through the public API
 * (dyad_doc_set_text, dyad_doc_set_field DATE, dyad_doc_code) with a
 * context holding the models, so the dates see the tagger's tags and the
 * parser's heads as in a real run (dyad_doc_code runs date_run itself;
 * --model-dir DIR overrides $DYAD_MODEL_DIR / the built-in default).
 *
 * Gold values become day intervals [lo, hi]:
 *   when="2006", "2006-02", "2006-02-23"  the year / month / day ("T..." times
 *                                           are cut to the day; "-2009-03-13", a
 *                                           typo in the data, reads as 2009-03-13);
 *   when="--10", "--09-15"                 a month or day in an unstated year:
 *                                           any year matches;
 *   from=A to=B                            [A.lo, B.hi] ("--12" to "--03" spans
 *                                           the new year);
 *   notBefore=A notAfter=B (either may be  a bound: a system value is right when
 *   missing)                               its interval lies inside [A.lo, B.hi].
 * A system value ("2023", "2023-03", "2023-03-14", "A/B") is likewise an
 * interval; it is right for a when/from-to gold when the intervals are
 * equal (so "1960/1969" equals from="1960-01-01" to="1969-12-31" and
 * "2023-03" differs from "2023-03-01").
 *
 * Figures, per split (dev, test, train; splits.md) and over all documents:
 *   value accuracy   gold dates with an overlapping system date of the right value;
 *   span recall      gold dates overlapped by any system date;
 *   acc. w/o years   value accuracy without the "bare years" (gold text only
 *                    digits: "2012", "'80");
 *   spurious         system dates overlapping no gold date (GUM does not
 *                    annotate every date, so an upper bound on false alarms).
 * --dump writes the rebuilt texts as JSON lines {"doc","split","ref","text"}
 * for tools/chrono_eval.js, whose TSV output --system scores the same way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <time.h>

#include "../include/dyad.h"
#include "../src/date.h"
#include "../src/doc.h"
#include "../src/strbuf.h"

#define NEG_INF (-100000000LL)
#define POS_INF (100000000LL)

enum { G_EXACT, G_YEARLESS, G_BOUND };

typedef struct gold {
    char doc[64];
    int split;           /* 0 dev, 1 test, 2 train */
    uint32_t start, end;
    int kind;
    long long lo, hi;    /* G_EXACT, G_BOUND */
    int m1, d1, m2, d2, yspan; /* G_YEARLESS: month/day of lo and hi */
    int bare;            /* gold text is only digits */
    char attr[96], text[96];
    int right, found;
    char got[64];
} gold;

typedef struct sysd {
    char doc[64];
    uint32_t start, end;
    char value[32];
    char text[48];   /* the expression, when we coded it ourselves */
    int matched;
} sysd;

static gold *golds;
static size_t ngold, capgold;
static sysd *sys;
static size_t nsys, capsys;

static const char *split_names[3] = {"dev", "test", "train"};

static void *grow(void *p, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return p;
    size_t nc = *cap ? *cap * 2 : 64;
    while (nc < need) nc *= 2;
    void *q = realloc(p, nc * elem);
    if (!q) {
        fprintf(stderr, "evaldate: out of memory\n");
        exit(1);
    }
    *cap = nc;
    return q;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    strbuf b;
    sb_init(&b);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sb_putn(&b, buf, n);
    fclose(f);
    if (b.oom) {
        sb_free(&b);
        return NULL;
    }
    if (len) *len = b.len;
    if (!b.s) sb_putn(&b, "", 0);
    return b.s;
}

/* ---- values as day intervals ---- */

static long long dfc(int y, int m, int d) {
    long long yy = (long long)y - (m <= 2);
    long long era = (yy >= 0 ? yy : yy - 399) / 400;
    long long yoe = yy - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void cfd(long long z, int *y, int *m, int *d) {
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int dim(int y, int m) {
    static const int t[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100) || y % 400 == 0;
    return m == 2 && leap ? 29 : t[m - 1];
}

static int digits(const char *s, int n, int *v) {
    *v = 0;
    for (int k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9') return -1;
        *v = *v * 10 + (s[k] - '0');
    }
    return 0;
}

/* Parse one point "YYYY[-MM[-DD]]" or "--MM[-DD]" (yearless: year 2000) of
 * n bytes into [lo, hi].  Returns 0, or -1. */
static int parse_point(const char *s, size_t n, long long *lo, long long *hi, int *yearless) {
    int y = 2000, m = 0, d = 0;
    *yearless = 0;
    for (size_t k = 0; k < n; k++)
        if (s[k] == 'T') n = k; /* a time: keep the day */
    if (n >= 2 && s[0] == '-' && s[1] == '-') {
        *yearless = 1;
        s += 2, n -= 2;
        if (n < 2 || digits(s, 2, &m)) return -1;
        if (n >= 5 && (s[2] != '-' || digits(s + 3, 2, &d))) return -1;
    } else {
        if (n >= 1 && s[0] == '-') s++, n--; /* "-2009-03-13" */
        if (n < 4 || digits(s, 4, &y)) return -1;
        if (n >= 7 && (s[4] != '-' || digits(s + 5, 2, &m))) return -1;
        if (n >= 10 && (s[7] != '-' || digits(s + 8, 2, &d))) return -1;
    }
    if (m < 0 || m > 12 || (m && (d < 0 || d > dim(y, m)))) return -1;
    if (!m) {
        *lo = dfc(y, 1, 1), *hi = dfc(y, 12, 31);
    } else if (!d) {
        *lo = dfc(y, m, 1), *hi = dfc(y, m, dim(y, m));
    } else {
        *lo = *hi = dfc(y, m, d);
    }
    return 0;
}

/* A system value "P" or "P/Q" as an interval. */
static int parse_value(const char *v, long long *lo, long long *hi) {
    const char *slash = strchr(v, '/');
    long long a, b, c, d;
    int yl;
    if (!slash) return parse_point(v, strlen(v), lo, hi, &yl) || yl ? -1 : 0;
    if (parse_point(v, (size_t)(slash - v), &a, &b, &yl) || yl) return -1;
    if (parse_point(slash + 1, strlen(slash + 1), &c, &d, &yl) || yl) return -1;
    *lo = a, *hi = d;
    return 0;
}

static int get_attr(const char *line, const char *name, char *out, size_t cap) {
    char key[32];
    snprintf(key, sizeof key, " %s=\"", name);
    const char *p = strstr(line, key);
    if (!p) return 0;
    p += strlen(key);
    const char *q = strchr(p, '"');
    if (!q || (size_t)(q - p) >= cap) return 0;
    memcpy(out, p, (size_t)(q - p));
    out[q - p] = 0;
    return 1;
}

/* Fill the value part of g from a <date ...> tag.  -1 if unusable. */
static int gold_value(gold *g, const char *tag) {
    char a[40], b[40];
    long long alo, ahi, blo, bhi;
    int yl, yl2;
    if (get_attr(tag, "when", a, sizeof a)) {
        if (parse_point(a, strlen(a), &alo, &ahi, &yl)) return -1;
        snprintf(g->attr, sizeof g->attr, "when=%s", a);
        if (yl) {
            int y;
            g->kind = G_YEARLESS;
            cfd(alo, &y, &g->m1, &g->d1);
            cfd(ahi, &y, &g->m2, &g->d2);
            g->yspan = 0;
        } else {
            g->kind = G_EXACT, g->lo = alo, g->hi = ahi;
        }
        return 0;
    }
    if (get_attr(tag, "from", a, sizeof a) && get_attr(tag, "to", b, sizeof b)) {
        if (parse_point(a, strlen(a), &alo, &ahi, &yl) || parse_point(b, strlen(b), &blo, &bhi, &yl2)) return -1;
        snprintf(g->attr, sizeof g->attr, "from=%s to=%s", a, b);
        if (yl || yl2) {
            int y;
            g->kind = G_YEARLESS;
            cfd(alo, &y, &g->m1, &g->d1);
            cfd(bhi, &y, &g->m2, &g->d2);
            g->yspan = bhi < alo ? 1 : 0;
        } else {
            g->kind = G_EXACT, g->lo = alo, g->hi = bhi;
        }
        return 0;
    }
    int nb = get_attr(tag, "notBefore", a, sizeof a), na = get_attr(tag, "notAfter", b, sizeof b);
    if (!nb && !na) return -1;
    g->kind = G_BOUND;
    g->lo = NEG_INF, g->hi = POS_INF;
    if (nb && parse_point(a, strlen(a), &g->lo, &ahi, &yl)) return -1;
    if (na && parse_point(b, strlen(b), &blo, &g->hi, &yl)) return -1;
    snprintf(g->attr, sizeof g->attr, "notBefore=%s notAfter=%s", nb ? a : "-", na ? b : "-");
    return 0;
}

static int value_right(const gold *g, const char *value) {
    long long lo, hi;
    if (parse_value(value, &lo, &hi)) return 0;
    if (g->kind == G_EXACT) return lo == g->lo && hi == g->hi;
    if (g->kind == G_BOUND) return lo >= g->lo && hi <= g->hi;
    int y1, m1, d1, y2, m2, d2;
    cfd(lo, &y1, &m1, &d1);
    cfd(hi, &y2, &m2, &d2);
    return m1 == g->m1 && d1 == g->d1 && m2 == g->m2 && d2 == g->d2 && y2 - y1 == g->yspan;
}

/* ---- rebuilding a document ---- */

typedef struct rdoc {
    char name[64];
    char ref[16];
    int split;
    strbuf text;
} rdoc;

/* SpaceAfter=No flags of the conllu words, in order. */
static unsigned char *conllu_nospace(const char *path, size_t *n, char **text, size_t **form) {
    char *s = read_file(path, NULL);
    *n = 0;
    *text = s;
    *form = NULL;
    if (!s) return NULL;
    size_t capf = 0;
    size_t cap = 0;
    unsigned char *f = NULL;
    int mwt_last = 0, mwt_nospace = 0;
    for (char *line = s; *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        if (line[0] == 0 || line[0] == '#') mwt_last = 0; /* ids restart each sentence */
        if (line[0] >= '0' && line[0] <= '9') {
            int a = atoi(line);
            char *dash = strchr(line, '-'), *tab = strchr(line, '\t'), *dot = strchr(line, '.');
            int nospace = strstr(line, "SpaceAfter=No") != NULL;
            if (dash && tab && dash < tab) {
                mwt_last = atoi(dash + 1);
                mwt_nospace = nospace;
            } else if (!(dot && tab && dot < tab)) {
                f = grow(f, &cap, *n + 1, 1);
                *form = grow(*form, &capf, *n + 1, sizeof **form);
                char *fs = tab ? tab + 1 : line, *fe = strchr(fs, '\t');
                if (fe) *fe = 0; /* the form, NUL-terminated in place */
                (*form)[*n] = (size_t)(fs - s);
                if (a < mwt_last) f[*n] = 1;
                else if (a == mwt_last) f[*n] = (unsigned char)mwt_nospace;
                else f[*n] = (unsigned char)nospace;
                (*n)++;
            }
        }
        if (!nl) break;
        line = nl + 1;
    }
    return f;
}

static int is_block(const char *line) {
    static const char *const blocks[] = {"<head", "<p>", "<p ", "<item", "<caption", "<sp ", "<sp>", "<figure",
                                         "<quote", "<list", "<l>", "<l ", "<table", "<row", "<cell", NULL};
    for (int k = 0; blocks[k]; k++)
        if (strncmp(line, blocks[k], strlen(blocks[k])) == 0) return 1;
    return 0;
}

static void split_of(const char *splits, const char *name, int *split) {
    *split = 2;
    const char *sec = NULL;
    for (const char *p = splits; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > 3 && strncmp(p, "## ", 3) == 0) sec = p + 3;
        const char *star = memchr(p, '*', n);
        if (star && sec) {
            const char *w = star + 1;
            while (*w == ' ') w++;
            size_t wn = (size_t)(p + n - w);
            while (wn && (w[wn - 1] == ' ' || w[wn - 1] == '\r')) wn--;
            if (wn == strlen(name) && strncmp(w, name, wn) == 0) {
                if (strncmp(sec, "dev", 3) == 0) *split = 0;
                else if (strncmp(sec, "test", 4) == 0 && sec[4] != '2') *split = 1;
                else *split = 2;
                return;
            }
        }
        p = nl ? nl + 1 : NULL;
    }
}

/* Rebuild one document and collect its gold dates.  -1 on a read error. */
static int rebuild(const char *gumdir, const char *name, const char *splits, rdoc *r) {
    char path[1024];
    snprintf(path, sizeof path, "%s/xml/%s.xml", gumdir, name);
    char *x = read_file(path, NULL);
    if (!x) return -1;
    snprintf(path, sizeof path, "%s/dep/%s.conllu", gumdir, name);
    size_t nns = 0, *cform = NULL, cw = 0;
    char *ctext = NULL;
    unsigned char *ns = conllu_nospace(path, &nns, &ctext, &cform);
    snprintf(r->name, sizeof r->name, "%s", name);
    split_of(splits, name, &r->split);
    r->ref[0] = 0;
    sb_reset(&r->text);
    struct open {
        size_t g;
        int started;
    } stack[16];
    int depth = 0, para = 0, prev_nospace = 0;
    size_t ntok = 0;
    for (char *line = x; *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        if (line[0] == '<') {
            if (strncmp(line, "<text ", 6) == 0) get_attr(line, "dateCreated", r->ref, sizeof r->ref);
            if (is_block(line)) para = 1;
            if (strncmp(line, "<date", 5) == 0 && depth < 16) {
                golds = grow(golds, &capgold, ngold + 1, sizeof *golds);
                gold *g = &golds[ngold];
                memset(g, 0, sizeof *g);
                snprintf(g->doc, sizeof g->doc, "%s", name);
                g->split = r->split;
                if (gold_value(g, line) == 0) {
                    stack[depth].g = ngold++;
                    stack[depth++].started = 0;
                } else {
                    fprintf(stderr, "evaldate: %s: unusable %s\n", name, line);
                    stack[depth].g = (size_t)-1;
                    stack[depth++].started = 0;
                }
            } else if (strncmp(line, "</date", 6) == 0 && depth > 0) {
                depth--;
            }
        } else if (line[0]) {
            char *tab = strchr(line, '\t');
            size_t n = tab ? (size_t)(tab - line) : strlen(line);
            if (r->text.len) {
                if (para) sb_puts(&r->text, "\n\n");
                else if (!prev_nospace) sb_putc(&r->text, ' ');
            }
            para = 0;
            uint32_t start = (uint32_t)r->text.len;
            sb_putn(&r->text, line, n);
            uint32_t end = (uint32_t)r->text.len;
            for (int k = 0; k < depth; k++) {
                if (stack[k].g == (size_t)-1) continue;
                gold *g = &golds[stack[k].g];
                if (!stack[k].started) g->start = start, stack[k].started = 1;
                g->end = end;
                size_t tl = strlen(g->text);
                if (tl + n + 2 < sizeof g->text) {
                    if (tl) g->text[tl++] = ' ';
                    memcpy(g->text + tl, line, n);
                    g->text[tl + n] = 0;
                }
            }
            /* align with the conllu words by form: the xml has a few tokens
             * (figure captions) the conllu lacks */
            prev_nospace = 0;
            for (size_t look = cw; ns && look < nns && look < cw + 40; look++) {
                const char *f = ctext + cform[look];
                if (strlen(f) == n && memcmp(f, line, n) == 0) {
                    prev_nospace = ns[look];
                    cw = look + 1;
                    break;
                }
            }
            ntok++;
        }
        if (!nl) break;
        line = nl + 1;
    }
    free(ns);
    free(cform);
    free(ctext);
    free(x);
    return 0;
}

static void mark_bare(gold *g) {
    int any = 0;
    for (const char *p = g->text; *p; p++) {
        if (*p >= '0' && *p <= '9') any = 1;
        else if (*p != '\'' && (unsigned char)*p < 0x80) return;
        else if ((unsigned char)*p >= 0x80 && !strchr("\xe2\x80\x99", *p)) return;
    }
    g->bare = any;
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void add_sys(const char *doc, uint32_t start, uint32_t end, const char *value, const char *text) {
    sys = grow(sys, &capsys, nsys + 1, sizeof *sys);
    sysd *s = &sys[nsys++];
    memset(s, 0, sizeof *s);
    snprintf(s->doc, sizeof s->doc, "%s", doc);
    s->start = start, s->end = end;
    snprintf(s->value, sizeof s->value, "%s", value);
    if (text && end > start)
        snprintf(s->text, sizeof s->text, "%.*s", (int)(end - start < 47 ? end - start : 47), text + start);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void usage(void) {
    fprintf(stderr, "usage: evaldate [--errors] [--dump] [--system FILE] GUMDIR\n");
    exit(2);
}

int main(int argc, char **argv) {
    int errors = 0, dump = 0, bench = 0;
    double t_code = 0, t_date = 0, bytes = 0;
    const char *sysfile = NULL, *gumdir = NULL, *model_dir = NULL;
    for (int k = 1; k < argc; k++) {
        if (!strcmp(argv[k], "--errors")) errors = 1;
        else if (!strcmp(argv[k], "--dump")) dump = 1;
        else if (!strcmp(argv[k], "--system") && k + 1 < argc) sysfile = argv[++k];
        else if (!strcmp(argv[k], "--bench") && k + 1 < argc) bench = atoi(argv[++k]);
        else if (!strcmp(argv[k], "--model-dir") && k + 1 < argc) model_dir = argv[++k];
        else if (argv[k][0] == '-') usage();
        else gumdir = argv[k];
    }
    if (!gumdir) usage();
    char path[1024];
    snprintf(path, sizeof path, "%s/splits.md", gumdir);
    char *splits = read_file(path, NULL);
    snprintf(path, sizeof path, "%s/xml", gumdir);
    DIR *dir = opendir(path);
    if (!dir) {
        fprintf(stderr, "evaldate: cannot open %s\n", path);
        return 1;
    }
    char **names = NULL;
    size_t nnames = 0, capnames = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n < 5 || strcmp(de->d_name + n - 4, ".xml") != 0) continue;
        names = grow(names, &capnames, nnames + 1, sizeof *names);
        names[nnames] = strdup(de->d_name);
        names[nnames++][n - 4] = 0;
    }
    closedir(dir);
    qsort(names, nnames, sizeof *names, cmp_names);

    dyad_doc *doc = NULL;
    if (dyad_doc_new(&doc) != DYAD_OK) return 1;
    dyad_ctx *ctx = NULL;
    if (!dump && !sysfile) {
        dyad_ctx_options opt = {.model_dir = model_dir};
        if (dyad_ctx_open(&ctx, &opt) != DYAD_OK) {
            fprintf(stderr, "evaldate: %s\n", dyad_ctx_errmsg(ctx));
            return 1;
        }
    }
    rdoc r;
    memset(&r, 0, sizeof r);
    sb_init(&r.text);
    strbuf js;
    sb_init(&js);
    for (size_t k = 0; k < nnames; k++) {
        size_t g0 = ngold;
        if (rebuild(gumdir, names[k], splits, &r) != 0) {
            fprintf(stderr, "evaldate: cannot read %s\n", names[k]);
            return 1;
        }
        for (size_t g = g0; g < ngold; g++) mark_bare(&golds[g]);
        if (dump) {
            sb_reset(&js);
            sb_puts(&js, "{\"doc\": ");
            sb_put_json_str(&js, r.name, strlen(r.name));
            sb_printf(&js, ", \"split\": \"%s\", \"ref\": ", split_names[r.split]);
            sb_put_json_str(&js, r.ref, strlen(r.ref));
            sb_puts(&js, ", \"text\": ");
            sb_put_json_str(&js, r.text.s ? r.text.s : "", r.text.len);
            sb_puts(&js, "}\n");
            fwrite(js.s, 1, js.len, stdout);
            continue;
        }
        if (sysfile) continue;
        for (int rep = 0; rep < bench; rep++) {
            dyad_doc_reset(doc);
            double t0 = now();
            dyad_doc_set_text(doc, r.text.s ? r.text.s : "", r.text.len);
            if (r.ref[0]) dyad_doc_set_field(doc, DYAD_FIELD_DATE, r.ref, strlen(r.ref));
            dyad_doc_code(ctx, doc);
            double t1 = now();
            date_run(doc); /* again, alone, to time it */
            t_code += t1 - t0, t_date += now() - t1, bytes += (double)r.text.len;
        }
        dyad_doc_reset(doc);
        if (dyad_doc_set_text(doc, r.text.s ? r.text.s : "", r.text.len) != DYAD_OK ||
            (r.ref[0] && dyad_doc_set_field(doc, DYAD_FIELD_DATE, r.ref, strlen(r.ref)) != DYAD_OK) ||
            dyad_doc_code(ctx, doc) != DYAD_OK) {
            fprintf(stderr, "evaldate: %s: coding failed\n", r.name);
            return 1;
        }
        for (size_t i = 0; i < doc->ndate; i++) add_sys(r.name, doc->dates[i].start, doc->dates[i].end, doc->dates[i].value, doc->text);
    }
    if (dump) return 0;
    if (bench) {
        printf("bench: %.1f MB; set_text+code (whole pipeline) %.1f MB/s; date_run %.1f MB/s "
               "(%.1f%% of the former)\n",
               bytes / 1e6, bytes / 1e6 / t_code, bytes / 1e6 / t_date, 100.0 * t_date / t_code);
        return 0;
    }
    if (sysfile) {
        FILE *f = strcmp(sysfile, "-") ? fopen(sysfile, "r") : stdin;
        if (!f) {
            fprintf(stderr, "evaldate: cannot open %s\n", sysfile);
            return 1;
        }
        char line[512], d[64], v[64];
        unsigned long a, b;
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "%63[^\t]\t%lu\t%lu\t%63s", d, &a, &b, v) == 4) add_sys(d, (uint32_t)a, (uint32_t)b, v, NULL);
        if (f != stdin) fclose(f);
    }

    /* score */
    for (size_t g = 0; g < ngold; g++) {
        gold *gd = &golds[g];
        for (size_t s = 0; s < nsys; s++) {
            sysd *sd = &sys[s];
            if (strcmp(sd->doc, gd->doc) || sd->start >= gd->end || gd->start >= sd->end) continue;
            sd->matched = 1;
            gd->found = 1;
            if (!gd->got[0]) snprintf(gd->got, sizeof gd->got, "%s", sd->value);
            if (value_right(gd, sd->value)) {
                gd->right = 1;
                snprintf(gd->got, sizeof gd->got, "%s", sd->value);
            }
        }
        if (errors && !gd->right)
            printf("MISS %-28s %-36s %-40s got %s\n", gd->doc, gd->text, gd->attr, gd->found ? gd->got : "-");
    }
    if (errors)
        for (size_t s = 0; s < nsys; s++)
            if (!sys[s].matched) {
                printf("SPURIOUS %-28s [%u,%u) %-24s %s\n", sys[s].doc, sys[s].start, sys[s].end, sys[s].text,
                       sys[s].value);
            }
    printf("%-6s %5s %8s %10s %12s %6s %9s\n", "split", "gold", "spans", "value_acc", "acc_no_years", "sys",
           "spurious");
    for (int sp = 0; sp <= 3; sp++) {
        size_t n = 0, found = 0, right = 0, nb = 0, rightnb = 0, ns = 0, spur = 0;
        for (size_t g = 0; g < ngold; g++) {
            if (sp < 3 && golds[g].split != sp) continue;
            n++, found += (size_t)golds[g].found, right += (size_t)golds[g].right;
            if (!golds[g].bare) nb++, rightnb += (size_t)golds[g].right;
        }
        for (size_t s = 0; s < nsys; s++) {
            int ssplit = 2;
            split_of(splits, sys[s].doc, &ssplit);
            if (sp < 3 && ssplit != sp) continue;
            ns++, spur += (size_t)!sys[s].matched;
        }
        printf("%-6s %5zu %7.1f%% %9.1f%% %11.1f%% %6zu %9zu\n", sp < 3 ? split_names[sp] : "all", n,
               n ? 100.0 * (double)found / (double)n : 0.0, n ? 100.0 * (double)right / (double)n : 0.0,
               nb ? 100.0 * (double)rightnb / (double)nb : 0.0, ns, spur);
    }
    dyad_doc_free(doc);
    dyad_ctx_close(ctx);
    sb_free(&r.text);
    sb_free(&js);
    for (size_t k = 0; k < nnames; k++) free(names[k]);
    free(names);
    free(splits);
    free(golds);
    free(sys);
    return 0;
}
