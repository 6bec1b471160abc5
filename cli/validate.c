/* validate.c -- `dyad validate`: run a TABARI or PETRARCH validation suite.
 *
 * Two inputs, told apart by their content:
 *
 *  - a TABARI .project file: its <actorsfile>, <agentsfile>, <verbsfile>
 *    and <textfile> lines name the dictionaries and the records, relative
 *    to the project's folder.  A record is a "YYMMDD ID" line, its text,
 *    and a comment block (between slash-star and star-slash) whose { SRC / TGT / CODE } entries are the
 *    events it must code; {---}, {+++} and {###} mean that nothing may be
 *    coded (no event, a complex or a discarded sentence: dyad's events
 *    cannot tell these apart, so all three are checked as "no event"), and
 *    "-{" stops the checking there: the entries before it must be coded,
 *    anything else may be (TABARI manual 10.1).  The <optionsfile> is
 *    loaded with the verbs; { OPTION: ... } entries are written after it
 *    to a temporary options file and the context is reopened, so they
 *    apply from that record on.  Records end at the one that says "end of
 *    the standard validation records".
 *
 *  - a PETRARCH XML validation file: <Sentence date= id= category=> with
 *    <EventCoding sourcecode= targetcode= eventcode=> (or noevents="True")
 *    and <Text>; the dictionaries come from its <Environment> (<Verbfile>,
 *    <Actorfile>, <Agentfile>, <Discardfile>, relative to the file's
 *    folder) or from --verbs/--actors/--agents/--discards; its <Include>
 *    list of categories and evaluate="false" select the sentences (and
 *    <EventCoding error=...> tests of broken parses are skipped).  The
 *    given parses are not used: dyad parses the text itself.
 *
 * Each record is coded as its own document dated by the record, with only
 * those dictionaries (DYAD_CTX_NO_DEFAULT_DICTS | NO_DEFAULT_EVENTS); its
 * events are compared as (source code, target code, event code) triples.
 * Output: one "PASS|FAIL id  expected ... got ..." line per record (only
 * failures unless --verbose), then the totals: records exactly right
 * (TABARI's criterion) and the recall of expected events with the count
 * of extra ones (PETRARCH's). */
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../include/dyad.h"

#define MAXFILES 16
#define MAXEXP 64

typedef struct triple {
    char src[32], tgt[32], code[16];
} triple;

typedef struct vrecord {
    char id[96];
    char date[16];    /* YYYY-MM-DD or "" */
    char *text;       /* malloc'ed */
    triple exp[MAXEXP];
    int nexp;
    int none;         /* {---} {+++} {###} / noevents: nothing may be coded */
    int open;         /* "-{": extra events allowed */
    int skip;         /* not checked at all */
} vrecord;

typedef struct vstate {
    const char *actors[MAXFILES + 1], *agents[MAXFILES + 1], *verbs[MAXFILES + 1], *discards[MAXFILES + 1];
    int nact, nag, nverb, ndisc;
    char *owned[4 * MAXFILES]; /* resolved paths */
    int nowned;
    int verbose;
    long nwarn;
    /* TABARI { OPTION: ... } entries so far, replayed after the .options
     * file from a temporary file when they change */
    char *optlines;
    size_t optlen;
    char optpath[64];
    int optchanged;
    /* TABARI FORWARD: (8.4): the record-id format, and the record before */
    char fwdfmt[32];
    int fwd_on;
    long prev_story, prev_sent; /* -1: none */
    char *prev_text;            /* malloc'ed */
    /* totals */
    long records, passed, exp_total, exp_found, got_total, got_extra;
} vstate;

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap + 1);
    while (b) {
        size_t r = fread(b + n, 1, cap - n, f);
        n += r;
        if (n < cap) break;
        char *nb = cap < ((size_t)1 << 31) ? realloc(b, cap * 2 + 1) : NULL;
        if (!nb) {
            free(b);
            b = NULL;
            break;
        }
        b = nb;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (!b || bad) {
        free(b);
        return NULL;
    }
    b[n] = '\0';
    *len = n;
    return b;
}

static void on_warn(void *ctx, const char *msg) {
    vstate *st = ctx;
    if (st->optpath[0]) return; /* a reopen for new options: the same files, warned already */
    st->nwarn++;
    fprintf(stderr, "warning: %s\n", msg);
}

/* dir of path + "/" + name, unless name is absolute. */
static const char *resolve(vstate *st, const char *path, const char *name, size_t nlen) {
    if (st->nowned >= 4 * MAXFILES) return NULL;
    const char *slash = strrchr(path, '/');
    size_t dl = name[0] == '/' || !slash ? 0 : (size_t)(slash - path) + 1;
    char *p = malloc(dl + nlen + 1);
    if (!p) return NULL;
    memcpy(p, path, dl);
    memcpy(p + dl, name, nlen);
    p[dl + nlen] = '\0';
    st->owned[st->nowned++] = p;
    return p;
}

static int add_file(vstate *st, const char **list, int *n, const char *f) {
    if (!f || *n >= MAXFILES) return -1;
    list[(*n)++] = f;
    list[*n] = NULL;
    return 0;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Copy s[0..n) trimmed into out. */
static void trim_copy(char *out, size_t cap, const char *s, size_t n) {
    while (n && is_blank(*s)) s++, n--;
    while (n && is_blank(s[n - 1])) n--;
    if (n >= cap) n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

/* ---- comparison -------------------------------------------------------------- */

static int same(const triple *a, const triple *b) {
    return !strcmp(a->src, b->src) && !strcmp(a->tgt, b->tgt) && !strcmp(a->code, b->code);
}

static void print_triples(const triple *t, int n) {
    printf("[");
    for (int i = 0; i < n; i++) printf("%s%s %s %s", i ? "; " : "", t[i].src, t[i].tgt, t[i].code);
    printf("]");
}

/* Code one record and score it.  With prev (FORWARD:), the record before
 * is coded with it, as the sentence before in one document, and only the
 * record's own events count. */
static int run_record(vstate *st, const dyad_ctx *ctx, dyad_doc *doc, const vrecord *r, const char *prev) {
    dyad_doc_reset(doc);
    size_t off = 0;
    int rc;
    if (prev) {
        size_t pl = strlen(prev), tl = strlen(r->text);
        char *both = malloc(pl + tl + 3);
        if (!both) return 0;
        memcpy(both, prev, pl);
        memcpy(both + pl, "\n\n", 2);
        memcpy(both + pl + 2, r->text, tl + 1);
        off = pl + 2;
        rc = dyad_doc_set_text(doc, both, pl + 2 + tl);
        free(both);
    } else {
        rc = dyad_doc_set_text(doc, r->text, strlen(r->text));
    }
    if (!rc && r->date[0]) rc = dyad_doc_set_field(doc, DYAD_FIELD_DATE, r->date, strlen(r->date));
    if (!rc) rc = dyad_doc_code(ctx, doc);
    triple got[MAXEXP];
    int ngot = 0;
    size_t ne = rc ? 0 : dyad_doc_event_count(doc);
    for (size_t i = 0; i < ne && ngot < MAXEXP; i++) {
        dyad_event e;
        if (dyad_doc_event(doc, i, &e)) continue;
        if (off && dyad_doc_sentence(doc, e.sentence, NULL, NULL).start < off) continue;
        triple t;
        snprintf(t.src, sizeof t.src, "%s", e.source_code ? e.source_code : "---");
        snprintf(t.tgt, sizeof t.tgt, "%s", e.target_code ? e.target_code : "---");
        snprintf(t.code, sizeof t.code, "%s", e.code ? e.code : "");
        int dup = 0;
        for (int k = 0; k < ngot; k++) dup |= same(&got[k], &t);
        if (!dup) got[ngot++] = t;
    }
    int found = 0, extra = 0;
    for (int i = 0; i < r->nexp; i++) {
        int hit = 0;
        for (int k = 0; k < ngot; k++) hit |= same(&r->exp[i], &got[k]);
        found += hit;
    }
    for (int k = 0; k < ngot; k++) {
        int hit = 0;
        for (int i = 0; i < r->nexp; i++) hit |= same(&r->exp[i], &got[k]);
        if (!hit) extra++;
    }
    int pass;
    if (r->none) pass = ngot == 0;
    else pass = found == r->nexp && (r->open || extra == 0);
    st->records++;
    st->passed += pass;
    st->exp_total += r->nexp;
    st->exp_found += found;
    st->got_total += ngot;
    if (!r->open) st->got_extra += extra;
    if (!pass || st->verbose) {
        printf("%s %s  expected ", pass ? "PASS" : "FAIL", r->id);
        if (r->none) printf("[none]");
        else print_triples(r->exp, r->nexp);
        if (r->open) printf(" and maybe more");
        printf(" got ");
        print_triples(got, ngot);
        if (rc) printf(" (%s: %s)", dyad_errstr(rc), dyad_doc_errmsg(doc));
        printf("\n");
    }
    return pass;
}

static int open_ctx(vstate *st, dyad_ctx **ctx) {
    dyad_ctx_options o;
    memset(&o, 0, sizeof o);
    o.flags = DYAD_CTX_NO_DEFAULT_DICTS | DYAD_CTX_NO_DEFAULT_EVENTS;
    o.actor_files = st->actors;
    o.agent_files = st->agents;
    o.verb_files = st->verbs;
    o.discard_files = st->discards;
    o.warn = on_warn;
    o.warn_ctx = st;
    int rc = dyad_ctx_open(ctx, &o);
    if (rc) {
        fprintf(stderr, "dyad validate: %s\n", *ctx ? dyad_ctx_errmsg(*ctx) : dyad_errstr(rc));
        return 2;
    }
    return 0;
}

/* ---- TABARI ------------------------------------------------------------------ */

/* The expected events of a comment block. */
static void add_option(vstate *st, const char *line) {
    while (is_blank(*line)) line++;
    size_t n = strlen(line);
    if (n > 8 && !strncmp(line, "FORWARD:", 8)) { /* the format: "^^*****NNN*SSS", maybe OFF */
        const char *f = line + 8;
        while (is_blank(*f)) f++;
        size_t fl = 0;
        while (f[fl] && !is_blank(f[fl])) fl++;
        trim_copy(st->fwdfmt, sizeof st->fwdfmt, f, fl);
        st->fwd_on = !strstr(f + fl, "OFF");
        st->prev_story = -1;
    }
    char *p = realloc(st->optlines, st->optlen + n + 2);
    if (!p) return;
    st->optlines = p;
    memcpy(p + st->optlen, line, n);
    p[st->optlen + n] = '\n';
    st->optlen += n + 1;
    p[st->optlen] = '\0';
    st->optchanged = 1;
}

/* Write the options so far to the temporary file and reopen the context
 * with it as the last verb file.  0, or 2 on failure. */
static int apply_options(vstate *st, dyad_ctx **ctx) {
    st->optchanged = 0;
    if (!st->optpath[0]) {
        snprintf(st->optpath, sizeof st->optpath, "/tmp/dyad-validate-XXXXXX");
        int fd = mkstemp(st->optpath);
        if (fd < 0) {
            st->optpath[0] = '\0';
            fprintf(stderr, "dyad validate: cannot create a temporary options file\n");
            return 2;
        }
        close(fd);
        if (add_file(st, st->verbs, &st->nverb, st->optpath)) return 2;
    }
    FILE *f = fopen(st->optpath, "wb");
    if (!f) return 2;
    fwrite(st->optlines, 1, st->optlen, f);
    if (fclose(f)) return 2;
    dyad_ctx_close(*ctx);
    *ctx = NULL;
    long nw = st->nwarn;
    int rc = open_ctx(st, ctx);
    st->nwarn = nw; /* the same dictionaries again: warned once */
    return rc;
}

static void tabari_expect(vstate *st, vrecord *r, const char *c, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (c[i] != '{') continue;
        size_t j = i + 1;
        while (j < n && c[j] != '}') j++;
        if (j >= n) { /* an OPTION entry whose closing brace was forgotten */
            char rest[160];
            trim_copy(rest, sizeof rest, c + i + 1, n - i - 1);
            const char *o = !strncmp(rest, "OPTION", 6) ? strchr(rest, ':') : NULL;
            if (o && st) add_option(st, o + 1);
            break;
        }
        /* "-{": stop checking */
        size_t b = i;
        while (b > 0 && (c[b - 1] == ' ' || c[b - 1] == '\t')) b--;
        int minus = b > 0 && c[b - 1] == '-';
        char body[160];
        trim_copy(body, sizeof body, c + i + 1, j - i - 1);
        i = j;
        if (r->open) continue;
        if (minus) {
            r->open = 1;
            if (!r->nexp && !r->none) r->skip = 1;
            continue;
        }
        if (!strncmp(body, "OPTION", 6)) {
            const char *o = strchr(body, ':');
            if (o && st) add_option(st, o + 1);
            continue;
        }
        if (!body[0]) continue;
        char packed[160];
        size_t k = 0;
        for (const char *p = body; *p && k + 1 < sizeof packed; p++)
            if (!is_blank(*p)) packed[k++] = *p;
        packed[k] = '\0';
        if (!strcmp(packed, "---") || !strcmp(packed, "+++") || !strcmp(packed, "###")) {
            r->none = 1;
            continue;
        }
        const char *s1 = strchr(body, '/');
        const char *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
        if (!s2 || r->nexp >= MAXEXP) continue;
        triple *t = &r->exp[r->nexp++];
        trim_copy(t->src, sizeof t->src, body, (size_t)(s1 - body));
        trim_copy(t->tgt, sizeof t->tgt, s1 + 1, (size_t)(s2 - s1 - 1));
        trim_copy(t->code, sizeof t->code, s2 + 1, strlen(s2 + 1));
    }
    if (r->none && r->nexp) r->none = 0; /* listed events win */
}

/* Story and sentence numbers of a header line "YYMMDD ID" read with the
 * FORWARD: format (TABARI 8.4.1: ^ a blank, * any character, N story
 * digits, S sentence digits, counted from the end of the date).  0 if
 * they cannot be read. */
static int fwd_numbers(const char *fmt, const char *h, size_t n, long *story, long *sent) {
    size_t p = 6;
    long a = 0, b = 0;
    int na = 0, nb = 0;
    for (const char *f = fmt; *f; f++, p++) {
        if (p >= n) return 0;
        char c = h[p];
        if (*f == 'N' || *f == 'S') {
            if (c < '0' || c > '9') return 0;
            if (*f == 'N' && na < 9) a = a * 10 + (c - '0'), na++;
            else if (*f == 'S' && nb < 9) b = b * 10 + (c - '0'), nb++;
        }
    }
    if (!na || !nb) return 0;
    *story = a;
    *sent = b;
    return 1;
}

static int is_header(const char *s, size_t n) {
    if (n < 8) return 0;
    for (int i = 0; i < 6; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return s[6] == ' ' || s[6] == '\t';
}

static int contains_ci(const char *s, size_t n, const char *w) {
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++) {
        size_t k = 0;
        while (k < wl) {
            char a = s[i + k], b = w[k];
            if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
            if (a != b) break;
            k++;
        }
        if (k == wl) return 1;
    }
    return 0;
}

static int run_tabari_text(vstate *st, dyad_ctx **ctx, dyad_doc *doc, const char *path) {
    size_t len;
    char *b = slurp(path, &len);
    if (!b) {
        fprintf(stderr, "dyad validate: cannot read %s\n", path);
        return 2;
    }
    int all = 1;
    size_t i = 0;
    vrecord *r = calloc(1, sizeof *r);
    char *text = malloc(len + 1), *comm = malloc(len + 1);
    if (!r || !text || !comm) {
        free(b), free(r), free(text), free(comm);
        fprintf(stderr, "dyad validate: out of memory\n");
        return 2;
    }
    while (i < len) {
        size_t j = i;
        while (j < len && b[j] != '\n') j++;
        if (!is_header(b + i, j - i)) {
            i = j + 1;
            continue;
        }
        /* header: YYMMDD ID */
        memset(r, 0, sizeof *r);
        size_t i0 = i;
        int yy = (b[i] - '0') * 10 + (b[i + 1] - '0');
        snprintf(r->date, sizeof r->date, "%04d-%.2s-%.2s", yy < 31 ? 2000 + yy : 1900 + yy, b + i + 2, b + i + 4);
        size_t h = i + 6;
        while (h < j && (b[h] == ' ' || b[h] == '\t')) h++;
        size_t he = h;
        while (he < j && !is_blank(b[he])) he++;
        snprintf(r->id, sizeof r->id, "%.*s", (int)(he - h), b + h);
        /* body up to the next header */
        size_t k = j + 1, end = k;
        while (end < len) {
            size_t e = end;
            while (e < len && b[e] != '\n') e++;
            if (is_header(b + end, e - end)) break;
            end = e + 1;
        }
        if (end > len) end = len;
        size_t nt = 0, nc = 0;
        int in_c = 0;
        for (size_t p = k; p < end; p++) {
            if (!in_c && p + 1 < end && b[p] == '/' && b[p + 1] == '*') {
                in_c = 1, p++;
                continue;
            }
            if (in_c && p + 1 < end && b[p] == '*' && b[p + 1] == '/') {
                in_c = 0, p++;
                continue;
            }
            if (in_c) comm[nc++] = b[p];
            else if (p + 1 < end && b[p] == '\\' && b[p + 1] == 'n') text[nt++] = ' ', p++;
            else text[nt++] = b[p] == '\n' || b[p] == '\r' ? ' ' : b[p];
        }
        text[nt] = '\0';
        comm[nc] = '\0';
        i = end;
        /* the record that says so, not one that quotes it later on */
        if (contains_ci(text, nt < 80 ? nt : 80, "end of the standard validation records")) break;
        tabari_expect(st, r, comm, nc);
        if (st->optchanged && apply_options(st, ctx)) {
            all = 2;
            break;
        }
        /* FORWARD: the record before is the sentence before when the
         * story is the same and the sentence number the next one */
        long story = -1, sno = -1;
        const char *prev = NULL;
        if (st->fwd_on && fwd_numbers(st->fwdfmt, b + i0, j - i0, &story, &sno)) {
            if (st->prev_text && story == st->prev_story && sno == st->prev_sent + 1) prev = st->prev_text;
        } else {
            story = -1;
        }
        int skip = r->skip;
        r->text = text;
        if (!skip && !run_record(st, *ctx, doc, r, prev)) all = 0;
        st->prev_story = story;
        st->prev_sent = sno;
        free(st->prev_text);
        st->prev_text = story >= 0 ? strdup(text) : NULL;
    }
    free(b);
    free(r);
    free(text);
    free(comm);
    return all == 2 ? 2 : all ? 0 : 1;
}

static int run_tabari(vstate *st, const char *path, const char *buf) {
    static const char *const keys[] = {"<actorsfile>", "<agentsfile>", "<verbsfile>", "<textfile>", "<optionsfile>",
                                       NULL};
    const char *texts[MAXFILES];
    int ntext = 0;
    for (const char *line = buf; line && *line;) {
        const char *e = strchr(line, '\n');
        size_t n = e ? (size_t)(e - line) : strlen(line);
        for (int k = 0; keys[k]; k++) {
            size_t kl = strlen(keys[k]);
            if (n <= kl || strncmp(line, keys[k], kl)) continue;
            size_t a = kl;
            while (a < n && is_blank(line[a])) a++;
            size_t z = a;
            while (z < n && !is_blank(line[z])) z++;
            if (z == a) continue;
            const char *f = resolve(st, path, line + a, z - a);
            int bad = !f;
            if (k == 0) bad |= add_file(st, st->actors, &st->nact, f);
            else if (k == 1) bad |= add_file(st, st->agents, &st->nag, f);
            else if (k == 2 || k == 4) bad |= add_file(st, st->verbs, &st->nverb, f); /* .options: detected */
            else if (ntext < MAXFILES) texts[ntext++] = f;
            if (bad) {
                fprintf(stderr, "dyad validate: too many files in %s\n", path);
                return 2;
            }
        }
        line = e ? e + 1 : NULL;
    }
    if (!ntext || !st->nverb) {
        fprintf(stderr, "dyad validate: %s names no <textfile> or no <verbsfile>\n", path);
        return 2;
    }
    dyad_ctx *ctx = NULL;
    int rc = open_ctx(st, &ctx);
    dyad_doc *doc = NULL;
    if (!rc && dyad_doc_new(&doc)) rc = 2;
    int all = 0;
    for (int t = 0; t < ntext && rc != 2; t++) {
        int r = run_tabari_text(st, &ctx, doc, texts[t]);
        if (r == 2) rc = 2;
        else all |= r;
    }
    dyad_doc_free(doc);
    dyad_ctx_close(ctx);
    return rc ? rc : all;
}

/* ---- PETRARCH XML -------------------------------------------------------------- */

/* The value of attribute name in tag [s, e), into out; 0 if absent. */
static int attr(const char *s, const char *e, const char *name, char *out, size_t cap) {
    size_t nl = strlen(name);
    for (const char *p = s; p + nl < e; p++) {
        if (strncmp(p, name, nl) || (p > s && !is_blank(p[-1]))) continue;
        const char *q = p + nl;
        while (q < e && is_blank(*q)) q++;
        if (q >= e || *q != '=') continue;
        q++;
        while (q < e && is_blank(*q)) q++;
        if (q >= e || (*q != '"' && *q != '\'')) continue;
        char quote = *q++;
        const char *z = q;
        while (z < e && *z != quote) z++;
        trim_copy(out, cap, q, (size_t)(z - q));
        return 1;
    }
    return 0;
}

/* Decode the five XML entities in place. */
static void unescape(char *s) {
    static const char *const ent[][2] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
    char *o = s;
    for (char *p = s; *p;) {
        int done = 0;
        if (*p == '&')
            for (size_t k = 0; k < 5 && !done; k++) {
                size_t l = strlen(ent[k][0]);
                if (!strncmp(p, ent[k][0], l)) *o++ = ent[k][1][0], p += l, done = 1;
            }
        if (!done) *o++ = *p++;
    }
    *o = '\0';
}

/* Text between <tag> and </tag> after s, or NULL. */
static const char *element(const char *s, const char *e, const char *tag, size_t *n) {
    char open[40], close[40];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *a = strstr(s, open);
    if (!a || a >= e) return NULL;
    a += strlen(open);
    const char *z = strstr(a, close);
    if (!z || z > e) return NULL;
    *n = (size_t)(z - a);
    return a;
}

static int run_petrarch(vstate *st, const char *path, char *buf, int have_files) {
    /* blank out comments so commented-out records and <Stop> do not count */
    for (char *p = strstr(buf, "<!--"); p; p = strstr(p, "<!--")) {
        char *z = strstr(p + 4, "-->");
        char *end = z ? z + 3 : p + strlen(p);
        for (char *q = p; q < end; q++)
            if (*q != '\n') *q = ' ';
        p = end;
    }
    char *bend = buf + strlen(buf);
    char include[512] = "";
    const char *envs = strstr(buf, "<Environment>");
    const char *enve = envs ? strstr(envs, "</Environment>") : NULL;
    if (envs && enve) {
        /* a <PICOfile> (Universal-PETRARCH's ontology) goes with the verb
         * files: its format is detected */
        static const char *const tags[] = {"Verbfile", "Actorfile", "Agentfile", "Discardfile", "PICOfile"};
        for (int k = 0; k < 5 && !have_files; k++) {
            for (const char *p = envs; p < enve;) {
                size_t n;
                const char *v = element(p, enve, tags[k], &n);
                if (!v) break;
                char name[512];
                trim_copy(name, sizeof name, v, n);
                const char *f = resolve(st, path, name, strlen(name));
                int bad = !f;
                if (k == 0 || k == 4) bad |= add_file(st, st->verbs, &st->nverb, f);
                else if (k == 1) bad |= add_file(st, st->actors, &st->nact, f);
                else if (k == 2) bad |= add_file(st, st->agents, &st->nag, f);
                else bad |= add_file(st, st->discards, &st->ndisc, f);
                if (bad) {
                    fprintf(stderr, "dyad validate: too many files in %s\n", path);
                    return 2;
                }
                p = v + n;
            }
        }
        size_t n;
        const char *v = element(envs, enve, "Include", &n);
        if (v) {
            include[0] = ' ';
            trim_copy(include + 1, sizeof include - 2, v, n);
            strcat(include, " ");
        }
    }
    if (!st->nverb) {
        fprintf(stderr, "dyad validate: %s names no <Verbfile>; give --verbs FILE\n", path);
        return 2;
    }
    dyad_ctx *ctx = NULL;
    int rc = open_ctx(st, &ctx);
    dyad_doc *doc = NULL;
    if (!rc && dyad_doc_new(&doc)) rc = 2;
    vrecord *r = calloc(1, sizeof *r);
    if (!r) rc = 2;
    int all = 1;
    const char *stop = strstr(buf, "<Stop>");
    const char *cfg = buf; /* <Config> elements not yet applied start here */
    for (const char *p = strstr(buf, "<Sentence "); p && !rc; p = strstr(p, "<Sentence ")) {
        if (stop && p > stop) break;
        /* <Config option="..." value="..."> between the sentences: the
         * ones that change coding become .options commands */
        for (const char *q = strstr(cfg, "<Config"); q && q < p; q = strstr(q + 7, "<Config")) {
            const char *qe = strchr(q, '>');
            char opt[64], val[64], line[160];
            if (!qe || qe > p || !attr(q, qe, "option", opt, sizeof opt) || !attr(q, qe, "value", val, sizeof val))
                continue;
            line[0] = '\0';
            int off = val[0] == 'f' || val[0] == 'F';
            if (!strcmp(opt, "require_dyad")) snprintf(line, sizeof line, "SET: REQUIRE DYAD = %s", off ? "FALSE" : "TRUE");
            else if (!strncmp(opt, "comma_", 6) && strlen(opt) <= 10) {
                char key[8];
                size_t k = 0;
                for (const char *x = opt + 6; *x && k + 1 < sizeof key; x++) key[k++] = (char)(*x >= 'a' && *x <= 'z' ? *x - 32 : *x);
                key[k] = '\0';
                snprintf(line, sizeof line, "COMMA: %s = %ld", key, strtol(val, NULL, 10));
            }
            if (!line[0]) continue;
            if (!st->optlen) add_option(st, "SET: MINIMUM WORDS = 0"); /* not TABARI's 8 */
            add_option(st, line);
        }
        cfg = p;
        if (st->optchanged && apply_options(st, &ctx)) {
            rc = 2;
            break;
        }
        const char *te = strchr(p, '>');
        const char *se = strstr(p, "</Sentence>");
        if (!te) break;
        if (!se) se = bend;
        memset(r, 0, sizeof *r);
        char v[64];
        attr(p, te, "id", r->id, sizeof r->id);
        if (attr(p, te, "date", v, sizeof v) && strlen(v) == 8)
            snprintf(r->date, sizeof r->date, "%.4s-%.2s-%.2s", v, v + 4, v + 6);
        int eval = 1;
        if (attr(p, te, "evaluate", v, sizeof v) && (v[0] == 'f' || v[0] == 'F')) eval = 0;
        if (include[0] && attr(p, te, "category", v, sizeof v)) {
            char key[80];
            snprintf(key, sizeof key, " %s ", v);
            if (!strstr(include, key)) eval = 0;
        }
        for (const char *q = strstr(te, "<EventCoding"); q && q < se; q = strstr(q + 1, "<EventCoding")) {
            const char *qe = strchr(q, '>');
            if (!qe || qe > se) break;
            if (attr(q, qe, "noevents", v, sizeof v)) {
                if (v[0] == 'T' || v[0] == 't') r->none = 1;
                continue;
            }
            if (attr(q, qe, "error", v, sizeof v)) { /* a test of PETRARCH's reading of a broken parse */
                eval = 0;
                continue;
            }
            if (r->nexp >= MAXEXP) continue;
            triple *t = &r->exp[r->nexp];
            if (attr(q, qe, "sourcecode", t->src, sizeof t->src) && attr(q, qe, "targetcode", t->tgt, sizeof t->tgt) &&
                attr(q, qe, "eventcode", t->code, sizeof t->code))
                r->nexp++;
        }
        if (r->nexp) r->none = 0;
        size_t n;
        const char *tx = element(te, se, "Text", &n);
        p = se;
        if (!eval || !tx) continue;
        r->text = malloc(n + 1);
        if (!r->text) {
            rc = 2;
            break;
        }
        for (size_t k = 0; k < n; k++) r->text[k] = tx[k] == '\n' || tx[k] == '\r' ? ' ' : tx[k];
        r->text[n] = '\0';
        unescape(r->text);
        if (!run_record(st, ctx, doc, r, NULL)) all = 0;
        free(r->text);
        r->text = NULL;
    }
    free(r);
    dyad_doc_free(doc);
    dyad_ctx_close(ctx);
    return rc ? rc : all ? 0 : 1;
}

/* ---- the command -------------------------------------------------------------- */

/* `dyad validate FILE [--verbose] [--verbs F] [--actors F] [--agents F]
 * [--discards F]`: the format by content, totals on stdout, exit status
 * as validate.h says. */
int cmd_validate(int argc, char **argv) {
    vstate *st = calloc(1, sizeof *st);
    if (!st) return 2;
    const char *file = NULL;
    int usage = 0, given = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char **list = NULL;
        int *n = NULL;
        if (!strcmp(a, "--verbose") || !strcmp(a, "-v")) st->verbose = 1;
        else if (!strcmp(a, "--verbs")) list = st->verbs, n = &st->nverb;
        else if (!strcmp(a, "--actors")) list = st->actors, n = &st->nact;
        else if (!strcmp(a, "--agents")) list = st->agents, n = &st->nag;
        else if (!strcmp(a, "--discards")) list = st->discards, n = &st->ndisc;
        else if (a[0] == '-' && a[1]) usage = 1;
        else if (!file) file = a;
        else usage = 1;
        if (list) {
            if (i + 1 >= argc || add_file(st, list, n, argv[i + 1])) usage = 1;
            i++;
            given = 1;
        }
    }
    if (usage || !file) {
        fputs("usage: dyad validate FILE [--verbose] [--verbs F] [--actors F] [--agents F] [--discards F]\n"
              "  FILE: a TABARI .project file or a PETRARCH XML validation file\n",
              stderr);
        free(st);
        return 2;
    }
    size_t len;
    char *buf = slurp(file, &len);
    if (!buf) {
        fprintf(stderr, "dyad validate: cannot read %s\n", file);
        free(st);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc;
    if (strstr(buf, "<Sentence")) rc = run_petrarch(st, file, buf, given);
    else if (strstr(buf, "<textfile>")) rc = run_tabari(st, file, buf);
    else {
        fprintf(stderr, "dyad validate: %s is neither a TABARI .project nor a PETRARCH XML validation file\n", file);
        rc = 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (rc != 2) {
        double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        printf("records: %ld, exactly right: %ld (%.1f%%)\n", st->records, st->passed,
               st->records ? 100.0 * (double)st->passed / (double)st->records : 0.0);
        printf("expected events: %ld, found: %ld (recall %.1f%%); coded: %ld, extra: %ld (%.1f%% of coded)\n",
               st->exp_total, st->exp_found, st->exp_total ? 100.0 * (double)st->exp_found / (double)st->exp_total : 0.0,
               st->got_total, st->got_extra, st->got_total ? 100.0 * (double)st->got_extra / (double)st->got_total : 0.0);
        printf("dictionary warnings: %ld; time: %.2f s\n", st->nwarn, secs);
    }
    free(buf);
    if (st->optpath[0]) remove(st->optpath);
    free(st->optlines);
    for (int i = 0; i < st->nowned; i++) free(st->owned[i]);
    free(st->prev_text);
    free(st);
    return rc;
}
