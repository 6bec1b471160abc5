/* conllu.c -- CoNLL-U reader (see conllu.h). */
#include "conllu.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

static int is_int(const char *s) {
    if (!*s) return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return 0;
    return 1;
}

/* Append the sentence whose words start at first_w (and multiword tokens
 * at first_m).  Pointers into the word arrays are set at the end of the
 * parse, once the arrays stop moving.  0 or -1 when out of memory. */
static int close_sent(cu_corpus *c, size_t *caps, size_t first_w, size_t first_m, const char *text, const char *sid,
                      int newdoc, int newpar) {
    if (c->n == *caps && vec_reserve((void **)&c->s, caps, c->n + 1, sizeof *c->s)) return -1;
    cu_sent *s = &c->s[c->n++];
    memset(s, 0, sizeof *s);
    s->first_word = first_w;
    s->n = (int)(c->nwords - first_w);
    s->first_mwt = first_m;
    s->nmwt = (int)(c->nmwts - first_m);
    s->text = text;
    s->sent_id = sid;
    s->newdoc = newdoc;
    s->newpar = newpar || newdoc;
    return 0;
}

int cu_parse(cu_corpus *c, char *buf, size_t len, char *err, size_t errlen) {
    memset(c, 0, sizeof *c);
    c->buf = buf;
    size_t capw = 0, caps = 0, capm = 0;
    size_t sent_first_w = 0, sent_first_m = 0;
    const char *text = NULL, *sid = NULL;
    int newdoc = 0, newpar = 0, in_sent = 0;
    long lineno = 0;
    char *p = buf, *end = buf + len;
    while (p <= end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        lineno++;
        if (le > p && le[-1] == '\r') le[-1] = '\0';
        *le = '\0';
        char *line = p;
        p = le + 1;
        if (line[0] == '#') {
            if (!strncmp(line, "# text = ", 9)) text = line + 9;
            else if (!strncmp(line, "# sent_id = ", 12)) sid = line + 12;
            else if (!strncmp(line, "# newdoc", 8)) newdoc = 1;
            else if (!strncmp(line, "# newpar", 8)) newpar = 1;
            continue;
        }
        if (line[0] == '\0') {
            if (in_sent && close_sent(c, &caps, sent_first_w, sent_first_m, text, sid, newdoc, newpar)) goto oom;
            in_sent = 0;
            text = sid = NULL;
            newdoc = newpar = 0;
            sent_first_w = c->nwords;
            sent_first_m = c->nmwts;
            if (!nl) break;
            continue;
        }
        char *f[10];
        int nf = 0;
        f[nf++] = line;
        for (char *q = line; *q && nf < 10; q++)
            if (*q == '\t') {
                *q = '\0';
                f[nf++] = q + 1;
            }
        if (nf != 10) {
            snprintf(err, errlen, "line %ld: %d fields, expected 10", lineno, nf);
            return -1;
        }
        in_sent = 1;
        if (strchr(f[0], '.')) continue; /* empty node */
        char *dash = strchr(f[0], '-');
        if (dash) {
            if (c->nmwts == capm && vec_reserve((void **)&c->mwts, &capm, c->nmwts + 1, sizeof *c->mwts)) goto oom;
            cu_mwt *m = &c->mwts[c->nmwts++];
            *dash = '\0';
            m->first = atoi(f[0]);
            m->last = atoi(dash + 1);
            m->form = f[1];
            m->misc = f[9];
            continue;
        }
        if (!is_int(f[0])) {
            snprintf(err, errlen, "line %ld: bad word id \"%s\"", lineno, f[0]);
            return -1;
        }
        if ((size_t)atoi(f[0]) != c->nwords - sent_first_w + 1) {
            snprintf(err, errlen, "line %ld: word id %s out of sequence", lineno, f[0]);
            return -1;
        }
        if (c->nwords == capw && vec_reserve((void **)&c->words, &capw, c->nwords + 1, sizeof *c->words)) goto oom;
        cu_word *w = &c->words[c->nwords++];
        w->form = f[1];
        w->lemma = f[2];
        w->upos = f[3];
        w->xpos = f[4];
        w->feats = f[5];
        w->head = is_int(f[6]) ? atoi(f[6]) : -1;
        w->deprel = f[7];
        w->deps = f[8];
        w->misc = f[9];
        if (!nl) break; /* no final blank line: the sentence is closed below */
    }
    if (in_sent && close_sent(c, &caps, sent_first_w, sent_first_m, text, sid, newdoc, newpar)) goto oom;
    /* The arrays grew by realloc: only now are pointers into them stable. */
    for (size_t i = 0; i < c->n; i++) {
        c->s[i].w = c->words + c->s[i].first_word;
        c->s[i].mwt = c->mwts + c->s[i].first_mwt;
    }
    return 0;
oom:
    snprintf(err, errlen, "out of memory");
    return -1;
}

int cu_read(cu_corpus *c, const char *path, char *err, size_t errlen) {
    memset(c, 0, sizeof *c);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 1 << 20, len = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (;;) {
        if (cap - len < 2) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                snprintf(err, errlen, "out of memory");
                return -1;
            }
            buf = nb;
            cap *= 2;
        }
        size_t k = fread(buf + len, 1, cap - len - 1, f);
        len += k;
        if (k == 0) break;
    }
    fclose(f);
    buf[len] = '\0';
    char why[200];
    if (cu_parse(c, buf, len, why, sizeof why)) {
        snprintf(err, errlen, "%s: %s", path, why);
        cu_free(c);
        return -1;
    }
    return 0;
}

void cu_free(cu_corpus *c) {
    free(c->buf);
    free(c->s);
    free(c->words);
    free(c->mwts);
    memset(c, 0, sizeof *c);
}
