/* ner_data.h -- NER corpora for tools/train_ner.c and tools/evalner.c.
 *
 * Header-only (static functions): each tool is its own program linked
 * against libdyad.a, and these readers belong to no library stage.
 *
 * Three gold formats become one sentence list with BILOU labels (ner.h):
 *   - Universal NER (UNER) IOB2 files: "index TAB token TAB tag ..." lines,
 *     "# newdoc id" comments, PER / ORG / LOC (no MISC annotated).
 *   - GUM CoNLL-U with CorefUD entity brackets in MISC (Entity=...): every
 *     mention, named or not.  A mention is kept when its syntactic head is
 *     a proper noun; its span is trimmed to the proper-noun chain around
 *     the head (crossing "of", "and", "de", "the", "&", "-" between proper
 *     nouns), so "the Kennedy Space Center" gives "Kennedy Space Center"
 *     and "NASA Administrator Charles Bolden" gives "Charles Bolden" (the
 *     nested "NASA" is its own mention).  Types: person -> PER,
 *     organization -> ORG, place -> LOC, time -> dropped, the others
 *     (event, abstract, object, substance, animal, plant) -> MISC; a person
 *     mention that is one plural proper noun ("Americans") -> MISC.
 *     Overlapping names keep the longest.
 *   - CoNLL-2003-style "token TAG" files (wikigold): IOB1 with
 *     PER / ORG / LOC / MISC, "-DOCSTART-" between articles. */
#ifndef DYAD_TOOLS_NER_DATA_H
#define DYAD_TOOLS_NER_DATA_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/conllu.h"
#include "../src/ner.h"
#include "../src/tagger.h"
#include "../src/ud.h"

/* Helpers a tool may leave unused. */
#define ND_FN static __attribute__((unused))

enum { ND_UNER, ND_GUM, ND_WIKI };

typedef struct nd_sent {
    const char **forms;
    size_t *lens;
    uint8_t *gold;        /* BILOU labels */
    uint8_t *upos, *xpos; /* nd_tag */
    int n;
    int doc;              /* document number within the corpus */
    int src;              /* ND_* */
} nd_sent;

typedef struct nd_corpus {
    nd_sent *s;
    size_t n, cap;
    int ndoc;
} nd_corpus;

ND_FN void nd_die(const char *msg, const char *arg) {
    fprintf(stderr, "ner data: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

ND_FN void *nd_alloc(size_t n) {
    void *p = calloc(1, n ? n : 1);
    if (!p) nd_die("out of memory", NULL);
    return p;
}

ND_FN char *nd_strndup(const char *s, size_t n) {
    char *p = nd_alloc(n + 1);
    memcpy(p, s, n);
    return p;
}

/* Append an empty sentence of n words. */
ND_FN nd_sent *nd_push(nd_corpus *c, int n, int src) {
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 1024;
        c->s = realloc(c->s, c->cap * sizeof *c->s);
        if (!c->s) nd_die("out of memory", NULL);
    }
    nd_sent *s = &c->s[c->n++];
    memset(s, 0, sizeof *s);
    s->n = n;
    s->src = src;
    s->doc = c->ndoc;
    s->forms = nd_alloc((size_t)n * sizeof *s->forms);
    s->lens = nd_alloc((size_t)n * sizeof *s->lens);
    s->gold = nd_alloc((size_t)n);
    s->upos = nd_alloc((size_t)n);
    s->xpos = nd_alloc((size_t)n);
    return s;
}

/* Label words [a, b] as a name of type t, unless one of them is taken. */
ND_FN int nd_set_span(nd_sent *s, int a, int b, int t) {
    for (int k = a; k <= b; k++)
        if (s->gold[k] != NER_O) return 0;
    if (a == b) {
        s->gold[a] = (uint8_t)NER_LABEL(t, NER_PU);
        return 1;
    }
    s->gold[a] = (uint8_t)NER_LABEL(t, NER_PB);
    for (int k = a + 1; k < b; k++) s->gold[k] = (uint8_t)NER_LABEL(t, NER_PI);
    s->gold[b] = (uint8_t)NER_LABEL(t, NER_PL);
    return 1;
}

ND_FN int nd_type(const char *s, size_t n) {
    for (int t = 0; t < NER_NTYPE; t++)
        if (strlen(ner_type_names[t]) == n && memcmp(ner_type_names[t], s, n) == 0) return t;
    return -1;
}

ND_FN char *nd_slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) nd_die("cannot open", path);
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (sz < 0) nd_die("cannot read", path);
    char *buf = nd_alloc((size_t)sz + 1);
    if (fread(buf, 1, (size_t)sz, f) != (size_t)sz) nd_die("cannot read", path);
    fclose(f);
    buf[sz] = '\0';
    *len = (size_t)sz;
    return buf;
}

/* Sentence words and their tags from IOB lines gathered in forms/tags;
 * (IOB1 or IOB2: a name starts at B- or at I- after O or another type). */
ND_FN void nd_flush(nd_corpus *c, char **forms, char **tags, int n, int src) {
    if (!n) return;
    nd_sent *s = nd_push(c, n, src);
    for (int i = 0; i < n; i++) {
        s->forms[i] = forms[i];
        s->lens[i] = strlen(forms[i]);
    }
    int a = -1, t = -1;
    for (int i = 0; i <= n; i++) {
        int nt = -1, begin = 0;
        if (i < n) {
            const char *g = tags[i];
            if ((g[0] == 'B' || g[0] == 'I') && g[1] == '-') {
                nt = nd_type(g + 2, strlen(g + 2));
                /* IOB2 and IOB1 alike: I- after O or another type starts a name. */
                begin = g[0] == 'B' || nt != t;
            }
        }
        if (a >= 0 && (nt < 0 || begin)) {
            nd_set_span(s, a, i - 1, t);
            a = -1;
            t = -1;
        }
        if (nt >= 0 && a < 0) {
            a = i;
            t = nt;
        }
    }
}

#define ND_MAXW 1024

/* UNER IOB2 file. */
ND_FN void nd_read_uner(nd_corpus *c, const char *path) {
    size_t len;
    char *buf = nd_slurp(path, &len);
    char *forms[ND_MAXW], *tags[ND_MAXW];
    int n = 0;
    char *p = buf;
    while (*p) {
        char *e = strchr(p, '\n');
        if (e) *e = '\0';
        if (p[0] == '#') {
            if (strncmp(p, "# newdoc", 8) == 0) c->ndoc++;
        } else if (!p[0] || p[0] == '\r') {
            nd_flush(c, forms, tags, n, ND_UNER);
            n = 0;
        } else {
            char *f[5] = {0};
            int k = 0;
            f[k++] = p;
            for (char *q = p; *q && k < 5; q++)
                if (*q == '\t') {
                    *q = '\0';
                    f[k++] = q + 1;
                }
            if (k < 3) nd_die("bad UNER line in", path);
            if (strchr(f[0], '-') || strchr(f[0], '.')) goto next; /* ranges, empty nodes */
            if (n == ND_MAXW) nd_die("sentence too long in", path);
            forms[n] = nd_strndup(f[1], strlen(f[1]));
            tags[n++] = f[2];
        }
    next:
        if (!e) break;
        p = e + 1;
    }
    nd_flush(c, forms, tags, n, ND_UNER);
    free(buf);
}

/* CoNLL "token TAG" file (wikigold, IOB1). */
ND_FN void nd_read_conll(nd_corpus *c, const char *path) {
    size_t len;
    char *buf = nd_slurp(path, &len);
    char *forms[ND_MAXW], *tags[ND_MAXW];
    int n = 0;
    char *p = buf;
    c->ndoc++;
    while (*p) {
        char *e = strchr(p, '\n');
        if (e) *e = '\0';
        size_t l = strlen(p);
        if (l && p[l - 1] == '\r') p[--l] = '\0';
        if (!l) {
            nd_flush(c, forms, tags, n, ND_WIKI);
            n = 0;
        } else if (strncmp(p, "-DOCSTART-", 10) == 0) {
            nd_flush(c, forms, tags, n, ND_WIKI);
            n = 0;
            c->ndoc++;
        } else {
            char *sp = strrchr(p, ' ');
            if (!sp) nd_die("bad CoNLL line in", path);
            *sp = '\0';
            if (n == ND_MAXW) nd_die("sentence too long in", path);
            forms[n] = nd_strndup(p, strlen(p));
            tags[n++] = sp + 1;
        }
        if (!e) break;
        p = e + 1;
    }
    nd_flush(c, forms, tags, n, ND_WIKI);
    free(buf);
}

/* ---- GUM ------------------------------------------------------------------ */

ND_FN int nd_connector(const char *f) {
    static const char *const w[] = {"of", "and", "de", "the", "&", "-", "for", "du", "la", "von", "van", "der", NULL};
    for (int k = 0; w[k]; k++)
        if (strcmp(f, w[k]) == 0) return 1;
    return 0;
}

ND_FN int nd_gum_type(const char *t, size_t n) {
    if (n == 6 && !memcmp(t, "person", 6)) return NER_PER;
    if (n == 12 && !memcmp(t, "organization", 12)) return NER_ORG;
    if (n == 5 && !memcmp(t, "place", 5)) return NER_LOC;
    if (n == 4 && !memcmp(t, "time", 4)) return -1;
    return NER_MISC;
}

/* Titles before a person's name ("President", "Mr.", "Dr."): not part of
 * the name in the CoNLL and UNER conventions, so GUM's person names drop
 * them (nd_strip_titles = 0 keeps them). */
static int nd_strip_titles = 1;

ND_FN int nd_title(const char *f) {
    static const char *const w[] = {
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Doctor", "Prof", "Prof.", "Professor",
        "President", "Vice", "Prime", "Minister", "Premier", "Chancellor", "Secretary", "Senator", "Sen.",
        "Rep.", "Representative", "Congressman", "Congresswoman", "Governor", "Gov.", "Mayor", "Judge", "Justice",
        "General", "Gen.", "Colonel", "Col.", "Captain", "Capt.", "Lieutenant", "Lt.", "Sergeant", "Sgt.",
        "Major", "Maj.", "Admiral", "Adm.", "Commander", "King", "Queen", "Prince", "Princess", "Pope", "Sir",
        "Lord", "Lady", "Rev.", "Reverend", "Father", "Sister", "Brother", "Bishop", "Cardinal", "Chairman",
        "Chairwoman", "Chief", "Executive", "CEO", "Director", "Administrator", "Ambassador", "Officer",
        "Detective", "Inspector", "Coach", "Aunt", "Uncle", "Saint", "St.", "Sheikh", "Ayatollah", NULL};
    for (int k = 0; w[k]; k++)
        if (strcmp(f, w[k]) == 0) return 1;
    return 0;
}

typedef struct nd_ment {
    int a, b, type, len;
} nd_ment;

ND_FN int nd_cmp_ment(const void *x, const void *y) {
    const nd_ment *p = x, *q = y;
    if (p->len != q->len) return q->len - p->len;
    return p->a - q->a;
}

ND_FN int nd_namepart(const cu_word *w, int person) {
    if (strcmp(w->upos, "PROPN") == 0) return 1;
    if (person) return 0;
    unsigned char c = (unsigned char)w->form[0];
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return 0;
    return !strcmp(w->upos, "ADJ") || !strcmp(w->upos, "NOUN") || !strcmp(w->upos, "NUM");
}

/* 1 if word i lies in a mention other than ms[k] nested inside ms[k]. */
ND_FN int nd_nested(const nd_ment *ms, int nm, int k, int i) {
    for (int j = 0; j < nm; j++)
        if (j != k && ms[j].a >= ms[k].a && ms[j].b <= ms[k].b && (ms[j].a != ms[k].a || ms[j].b != ms[k].b) &&
            ms[j].a <= i && i <= ms[j].b)
            return 1;
    return 0;
}

/* One GUM sentence: the named mentions, trimmed and typed. */
ND_FN void nd_gum_sent(nd_corpus *c, const cu_sent *cs) {
    int n = cs->n;
    nd_sent *s = nd_push(c, n, ND_GUM);
    for (int i = 0; i < n; i++) {
        s->forms[i] = nd_strndup(cs->w[i].form, strlen(cs->w[i].form));
        s->lens[i] = strlen(cs->w[i].form);
    }
    struct open {
        char id[24];
        int type, a;
    } st[64];
    int nst = 0;
    nd_ment ms[256];
    int nm = 0;
    for (int i = 0; i < n; i++) {
        const char *m = strstr(cs->w[i].misc, "Entity=");
        if (!m) continue;
        m += 7;
        const char *end = m + strcspn(m, "|");
        const char *p = m;
        while (p < end) {
            if (*p == '(') {
                const char *q = p + 1;
                while (q < end && *q != '(' && *q != ')') q++;
                /* id-type-... */
                const char *d1 = memchr(p + 1, '-', (size_t)(q - p - 1));
                const char *d2 = d1 ? memchr(d1 + 1, '-', (size_t)(q - d1 - 1)) : NULL;
                if (!d2) d2 = q;
                if (d1 && nst < 64) {
                    size_t il = (size_t)(d1 - p - 1);
                    if (il >= sizeof st[0].id) il = sizeof st[0].id - 1;
                    memcpy(st[nst].id, p + 1, il);
                    st[nst].id[il] = '\0';
                    st[nst].type = nd_gum_type(d1 + 1, (size_t)(d2 - d1 - 1));
                    st[nst].a = i;
                    nst++;
                }
                if (q < end && *q == ')') {
                    if (nst && nm < 256) {
                        nst--;
                        ms[nm++] = (nd_ment){st[nst].a, i, st[nst].type, 0};
                    }
                    q++;
                }
                p = q;
            } else {
                const char *q = p;
                while (q < end && *q != ')' && *q != '(') q++;
                if (q < end && *q == ')') {
                    size_t il = (size_t)(q - p);
                    for (int k = nst - 1; k >= 0; k--)
                        if (strlen(st[k].id) == il && !memcmp(st[k].id, p, il)) {
                            if (nm < 256) ms[nm++] = (nd_ment){st[k].a, i, st[k].type, 0};
                            memmove(&st[k], &st[k + 1], (size_t)(nst - k - 1) * sizeof st[0]);
                            nst--;
                            break;
                        }
                    q++;
                }
                p = q;
            }
        }
    }
    /* Named mentions: head is a proper noun; trim to the name. */
    nd_ment keep[256];
    int nkeep = 0;
    for (int k = 0; k < nm; k++) {
        nd_ment m = ms[k];
        if (m.type < 0) continue;
        int head = -1;
        for (int i = m.a; i <= m.b && head < 0; i++) {
            int h = cs->w[i].head - 1;
            if (h < m.a || h > m.b) head = i;
        }
        if (head < 0 || strcmp(cs->w[head].upos, "PROPN") != 0) continue;
        /* A word of the name: a proper noun, or for names other than
         * people's a capitalized adjective, noun or number ("National",
         * "International Airport"; a person's "Administrator" is a title);
         * extending left stops at a nested mention ("NASA Administrator"). */
        int a = head, b = head, person = m.type == NER_PER;
        while (a > m.a && nd_namepart(&cs->w[a - 1], person) && !nd_nested(ms, nm, k, a - 1)) a--;
        for (;;) {
            if (b < m.b && nd_namepart(&cs->w[b + 1], person)) {
                b++;
                continue;
            }
            int j = b + 1;
            while (j <= m.b && nd_connector(cs->w[j].form)) j++;
            if (j > b + 1 && j <= m.b && nd_namepart(&cs->w[j], person)) {
                b = j;
                continue;
            }
            break;
        }
        if (person && nd_strip_titles)
            while (a < b && nd_title(cs->w[a].form)) a++;
        int t = m.type;
        if (t == NER_PER && a == b && strcmp(cs->w[a].xpos, "NNPS") == 0) t = NER_MISC;
        keep[nkeep++] = (nd_ment){a, b, t, b - a + 1};
    }
    qsort(keep, (size_t)nkeep, sizeof keep[0], nd_cmp_ment);
    for (int k = 0; k < nkeep; k++) nd_set_span(s, keep[k].a, keep[k].b, keep[k].type);
}

/* Document names of one split ("dev", "test") listed in DIR/splits.md. */
ND_FN int nd_in_split(const char *splits, const char *split, const char *docname) {
    char hdr[32];
    snprintf(hdr, sizeof hdr, "## %s\n", split);
    const char *p = strstr(splits, hdr);
    if (!p) return 0;
    p += strlen(hdr);
    const char *end = strstr(p, "\n## ");
    if (!end) end = p + strlen(p);
    size_t dl = strlen(docname);
    for (const char *q = p; q < end; q++) {
        q = strstr(q, docname);
        if (!q || q >= end) break;
        if ((q[dl] == '\n' || q[dl] == '\0' || q[dl] == ' ') && q > p && q[-1] == ' ') return 1;
    }
    return 0;
}

ND_FN int nd_cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* GUM documents DIR/dep/GUM_{news,interview}_*.conllu of a split ("train":
 * neither dev nor test), genre "news", "interview" or NULL for both. */
ND_FN void nd_read_gum(nd_corpus *c, const char *dir, const char *split, const char *genre) {
    char path[2048];
    snprintf(path, sizeof path, "%s/splits.md", dir);
    size_t sl;
    char *splits = nd_slurp(path, &sl);
    snprintf(path, sizeof path, "%s/dep", dir);
    DIR *d = opendir(path);
    if (!d) nd_die("cannot open", path);
    char **names = NULL;
    size_t nn = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 8 || strcmp(de->d_name + l - 7, ".conllu") != 0) continue;
        if (strncmp(de->d_name, "GUM_news_", 9) && strncmp(de->d_name, "GUM_interview_", 14)) continue;
        if (genre && strncmp(de->d_name + 4, genre, strlen(genre))) continue;
        names = realloc(names, (nn + 1) * sizeof *names);
        if (!names) nd_die("out of memory", NULL);
        names[nn++] = nd_strndup(de->d_name, l - 7);
    }
    closedir(d);
    qsort(names, nn, sizeof *names, nd_cmp_str);
    for (size_t k = 0; k < nn; k++) {
        int dev = nd_in_split(splits, "dev", names[k]), test = nd_in_split(splits, "test", names[k]);
        int want = strcmp(split, "dev") == 0 ? dev : strcmp(split, "test") == 0 ? test : !dev && !test;
        if (want) {
            snprintf(path, sizeof path, "%s/dep/%s.conllu", dir, names[k]);
            cu_corpus cc;
            char err[256];
            if (cu_read(&cc, path, err, sizeof err)) nd_die(err, path);
            c->ndoc++;
            for (size_t i = 0; i < cc.n; i++) nd_gum_sent(c, &cc.s[i]);
            cu_free(&cc);
        }
        free(names[k]);
    }
    free(names);
    free(splits);
}

/* Tag every sentence with the tagger (as at run time). */
ND_FN void nd_tag(nd_corpus *c, const tagger *tg) {
    for (size_t i = 0; i < c->n; i++) {
        nd_sent *s = &c->s[i];
        if (tagger_tag_words(tg, s->forms, s->lens, s->n, s->upos, s->xpos, NULL, NULL, NULL, 0))
            nd_die("tagging failed", NULL);
    }
}

ND_FN size_t nd_names(const nd_corpus *c) {
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++)
        for (int j = 0; j < c->s[i].n; j++) {
            int l = c->s[i].gold[j];
            k += l != NER_O && (NER_LPOS(l) == NER_PB || NER_LPOS(l) == NER_PU);
        }
    return k;
}

/* JSON string value of "text" in one line, unescaped into buf (at least
 * three times the line's length) (\n, \t,
 * \", \\, \/; \uXXXX as UTF-8 without surrogate pairs). */
ND_FN size_t nd_json_text(const char *line, char *buf) {
    const char *p = strstr(line, "\"text\": \"");
    if (!p) return 0;
    p += 9;
    size_t o = 0;
    while (*p && *p != '"') {
        if (*p != '\\' || !p[1]) {
            buf[o++] = *p++;
            continue;
        }
        char e = p[1];
        p += 2;
        if (e == 'n') buf[o++] = '\n';
        else if (e == 't') buf[o++] = '\t';
        else if (e == 'u') {
            unsigned v = 0;
            for (int k = 0; k < 4 && *p; k++, p++) {
                char h = *p;
                v = v * 16 + (unsigned)(h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : 0);
            }
            if (v < 0x80) buf[o++] = (char)(v ? v : ' ');
            else if (v < 0x800) {
                buf[o++] = (char)(0xC0 | (v >> 6));
                buf[o++] = (char)(0x80 | (v & 63));
            } else if (v >= 0xD800 && v < 0xE000) buf[o++] = ' ';
            else {
                buf[o++] = (char)(0xE0 | (v >> 12));
                buf[o++] = (char)(0x80 | ((v >> 6) & 63));
                buf[o++] = (char)(0x80 | (v & 63));
            }
        } else buf[o++] = e;
    }
    return o;
}

/* ---- scoring -------------------------------------------------------------- */

typedef struct nd_score {
    long tp[NER_NTYPE], fp[NER_NTYPE], fn[NER_NTYPE];
} nd_score;

/* Spans (a, b, type) of a label sequence; returns the count. */
ND_FN int nd_spans(const uint8_t *lab, int n, int (*out)[3]) {
    int k = 0;
    for (int i = 0; i < n; i++) {
        int l = lab[i];
        if (l == NER_O) continue;
        int j = i;
        if (NER_LPOS(l) == NER_PB)
            while (j + 1 < n && lab[j + 1] != NER_O && NER_LTYPE(lab[j + 1]) == NER_LTYPE(l) &&
                   (NER_LPOS(lab[j + 1]) == NER_PI || NER_LPOS(lab[j + 1]) == NER_PL)) {
                j++;
                if (NER_LPOS(lab[j]) == NER_PL) break;
            }
        out[k][0] = i;
        out[k][1] = j;
        out[k][2] = NER_LTYPE(l);
        k++;
        i = j;
    }
    return k;
}

/* Count exact-span matches; with skip_misc, predicted MISC names are
 * ignored (the gold has none). */
ND_FN void nd_count(nd_score *sc, const uint8_t *gold, const uint8_t *pred, int n, int skip_misc) {
    int (*g)[3] = malloc((size_t)(n + 1) * sizeof *g), (*p)[3] = malloc((size_t)(n + 1) * sizeof *p);
    if (!g || !p) nd_die("out of memory", NULL);
    int ng = nd_spans(gold, n, g), np = nd_spans(pred, n, p);
    for (int i = 0; i < np; i++) {
        if (skip_misc && p[i][2] == NER_MISC) continue;
        int hit = 0;
        for (int j = 0; j < ng && !hit; j++) hit = g[j][0] == p[i][0] && g[j][1] == p[i][1] && g[j][2] == p[i][2];
        if (hit) sc->tp[p[i][2]]++;
        else sc->fp[p[i][2]]++;
    }
    for (int j = 0; j < ng; j++) {
        int hit = 0;
        for (int i = 0; i < np && !hit; i++) hit = g[j][0] == p[i][0] && g[j][1] == p[i][1] && g[j][2] == p[i][2];
        if (!hit) sc->fn[g[j][2]]++;
    }
    free(g);
    free(p);
}

ND_FN double nd_f1(long tp, long fp, long fn) { return tp ? 200.0 * (double)tp / (double)(2 * tp + fp + fn) : 0.0; }

ND_FN double nd_total_f1(const nd_score *s) {
    long tp = 0, fp = 0, fn = 0;
    for (int t = 0; t < NER_NTYPE; t++) {
        tp += s->tp[t];
        fp += s->fp[t];
        fn += s->fn[t];
    }
    return nd_f1(tp, fp, fn);
}

/* Print a sentence whose names differ: gold [[...]TYPE], predicted {{...}TYPE}. */
ND_FN void nd_print_diff(FILE *f, const nd_sent *s, const uint8_t *pred) {
    if (!memcmp(s->gold, pred, (size_t)s->n)) return;
    for (int i = 0; i < s->n; i++) {
        int g = s->gold[i], p = pred[i];
        if (g != NER_O && (NER_LPOS(g) == NER_PB || NER_LPOS(g) == NER_PU)) fputs("[[", f);
        if (p != NER_O && (NER_LPOS(p) == NER_PB || NER_LPOS(p) == NER_PU)) fputs("{{", f);
        fprintf(f, "%.*s", (int)s->lens[i], s->forms[i]);
        if (p != NER_O && (NER_LPOS(p) == NER_PL || NER_LPOS(p) == NER_PU)) fprintf(f, "}%s", ner_type_names[NER_LTYPE(p)]);
        if (g != NER_O && (NER_LPOS(g) == NER_PL || NER_LPOS(g) == NER_PU)) fprintf(f, "]%s", ner_type_names[NER_LTYPE(g)]);
        fputc(i + 1 < s->n ? ' ' : '\n', f);
    }
}

#endif
