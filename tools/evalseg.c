/* evalseg.c -- score the tokenizer and sentence splitter against UD gold.
 *
 *   evalseg [--name NAME] [--errors] FILE.conllu...
 *   evalseg [--name NAME] [--errors] --gum-xml FILE.xml...
 *   evalseg --bench FILE.jsonl [--repeat N]
 *
 * Evaluation mode rebuilds each document's raw text from the CoNLL-U
 * comments: "# text =" of every sentence, sentences of a paragraph joined by
 * one space (none when the last token has SpaceAfter=No), paragraphs
 * ("# newpar", as in EWT and GUM) separated by a blank line, documents at
 * "# newdoc".  The text goes through the public API only (dyad_doc_set_text,
 * dyad_doc_code and the accessors) and is scored CoNLL 2018 style:
 *   tokens     surface tokens: a multiword token (1-2 don't) is one span; our
 *              clitic splits (do + n't, gon + na) are merged back for this;
 *   words      syntactic words: a multiword token's words get spans by
 *              concatenating their forms when they spell it (Google + 's),
 *              otherwise they count as unmatchable gold words;
 *   sentences  exact span match;
 *   and, when the context has models, UPOS, XPOS, Lemma, UAS and LAS
 *   (universal relation) on aligned words, CoNLL 2018 style: P over system
 *   words, R over gold words, a word counting when it aligns and its
 *   attribute (for UAS/LAS: its head aligns too) is right.
 * It prints "NAME tokens P=.. R=.. F1=.." and the same for words and
 * sentences; --errors also lists the misses with some context.
 *
 * --gum-xml rebuilds GUM documents the way the web page shows them instead:
 * the .xml file (xml/GUM_x.xml, one token per line inside <head> <p>
 * <caption> <item> <sp> <figure> ... elements) gives the layout -- every
 * block-level element is a paragraph of its own, separated by a blank line,
 * and a verse line <l> is a line of its own -- while the matching conllu
 * (dep/GUM_x.conllu: same words in the same order) gives the spacing
 * (SpaceAfter=No), the tokens and the gold sentences, scored as above.
 * The conllu "# newpar" marks are ignored in this mode, and the text is
 * rebuilt token by token (forms joined by one space or none).
 *
 * Bench mode reads the "text" of each JSON line (crude parse: enough for
 * the corpora we have), then times tok_run + sent_run alone -- the only
 * place this tool reaches inside the library, through src/doc.h -- and
 * the full dyad_doc_set_text + dyad_doc_code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../include/dyad.h"
#include "../src/doc.h"
#include "../src/ud.h"

typedef struct span {
    uint32_t a, b;
} span;

/* A growable array of spans. */
typedef struct spans {
    span *v;
    size_t n, cap;
} spans;

static int sp_push(spans *s, uint32_t a, uint32_t b) {
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        span *p = realloc(s->v, cap * sizeof *p);
        if (!p) return -1;
        s->v = p;
        s->cap = cap;
    }
    s->v[s->n].a = a;
    s->v[s->n].b = b;
    s->n++;
    return 0;
}

/* Growable text. */
typedef struct buf {
    char *s;
    size_t n, cap;
} buf;

static int buf_put(buf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) return -1;
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return 0;
}

/* Counts for one metric. */
typedef struct score {
    long gold, sys, match;
} score;

static void score_print(const char *name, const char *metric, const score *s) {
    double p = s->sys ? 100.0 * (double)s->match / (double)s->sys : 0.0;
    double r = s->gold ? 100.0 * (double)s->match / (double)s->gold : 0.0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    printf("%s %s P=%.2f R=%.2f F1=%.2f (gold %ld, system %ld, matched %ld)\n", name, metric, p, r, f, s->gold, s->sys,
           s->match);
}

/* Number of spans in both sorted lists. */
static long match_count(const spans *g, const spans *s) {
    size_t i = 0, j = 0;
    long m = 0;
    while (i < g->n && j < s->n) {
        if (g->v[i].a == s->v[j].a && g->v[i].b == s->v[j].b) {
            m++;
            i++;
            j++;
        } else if (g->v[i].a < s->v[j].a || (g->v[i].a == s->v[j].a && g->v[i].b < s->v[j].b)) {
            i++;
        } else {
            j++;
        }
    }
    return m;
}

/* A gold syntactic word with its analysis, for scoring the tagger and
 * parser from raw text.  a == b == UINT32_MAX: no span (an unmatchable
 * word of a multiword token). */
typedef struct gword {
    uint32_t a, b;
    long head;       /* document-level index of the head word, -1 for root */
    int upos, xpos;  /* ud.h ids, -1 unknown */
    uint32_t lemma;  /* offset of the lemma in gold.pool */
    int dep;         /* ud.h id (universal part only), -1 unknown */
} gword;

/* One document being assembled. */
typedef struct gold {
    gword *gw;
    size_t ngw, capgw;
    long sent_word0;     /* index in gw of the current sentence's first word */
    buf pool;            /* lemmas */
    buf text;
    spans toks, words, sents;
    long unmatchable_words;
    int in_doc, para_break, space_after_last;
    size_t sent_text_start; /* where the current sentence's text begins */
    size_t pos;             /* alignment cursor inside text */
    uint32_t sent_first;    /* start of the first token of the current sentence */
    int sent_has_tok;
    uint32_t last_tok_end;
    /* open multiword token */
    long mwt_lo, mwt_hi;
    uint32_t mwt_a, mwt_b, mwt_cur;
    int mwt_ok;
    long mwt_words;
    /* --gum-xml: layout break before each word (0 none, 1 line, 2 block) */
    const unsigned char *brk;
    size_t nbrk, wi; /* wi: index of the next word of the document */
} gold;

typedef struct opts {
    const char *name;
    int errors;
    long align_fail;
    int printed;
} opts;

static score g_tok, g_word, g_sent;
/* From raw text, on aligned words (CoNLL 2018): gold = gold words, sys =
 * system words, match = aligned words whose attribute is right too. */
static score g_upos, g_xpos, g_lemma, g_uas, g_las;
static int g_analysed; /* the context tags and parses */

static int univ_dep(const char *rel) {
    const char *c = strchr(rel, ':');
    return ud_dep_id(rel, c ? (size_t)(c - rel) : strlen(rel));
}

/* Record a gold word (cols of its CoNLL-U line) at span r. */
static int gw_push(gold *g, span r, int has_span, char **col) {
    if (g->ngw == g->capgw) {
        size_t cap = g->capgw ? g->capgw * 2 : 1024;
        gword *p = realloc(g->gw, cap * sizeof *p);
        if (!p) return -1;
        g->gw = p;
        g->capgw = cap;
    }
    gword *w = &g->gw[g->ngw++];
    w->a = has_span ? r.a : UINT32_MAX;
    w->b = has_span ? r.b : UINT32_MAX;
    long h = atol(col[6]);
    w->head = h > 0 ? g->sent_word0 + h - 1 : -1;
    w->upos = ud_upos_id(col[3], strlen(col[3]));
    w->xpos = ud_xpos_id(col[4], strlen(col[4]));
    w->dep = univ_dep(col[7]);
    w->lemma = (uint32_t)g->pool.n;
    return buf_put(&g->pool, col[2], strlen(col[2]) + 1);
}

/* Index of the system token with span [a,b), or -1. */
static long sys_find(const dyad_doc *doc, uint32_t a, uint32_t b) {
    size_t lo = 0, hi = dyad_doc_token_count(doc);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        dyad_span t = dyad_doc_token(doc, mid);
        if (t.start < a) lo = mid + 1;
        else hi = mid;
    }
    if (lo < dyad_doc_token_count(doc)) {
        dyad_span t = dyad_doc_token(doc, lo);
        if (t.start == a && t.end == b) return (long)lo;
    }
    return -1;
}

/* Score tags, lemmas and heads of aligned words (the document is coded). */
static void score_analysis(const gold *g, const dyad_doc *doc) {
    if (!doc->tagged) return;
    g_analysed = 1;
    long nsys = (long)dyad_doc_token_count(doc);
    score *all[] = {&g_upos, &g_xpos, &g_lemma, &g_uas, &g_las};
    for (size_t k = 0; k < 5; k++) {
        all[k]->gold += (long)g->ngw;
        all[k]->sys += nsys;
    }
    for (size_t i = 0; i < g->ngw; i++) {
        const gword *w = &g->gw[i];
        if (w->a == UINT32_MAX) continue;
        long t = sys_find(doc, w->a, w->b);
        if (t < 0) continue;
        const tokan *an = &doc->an[t];
        if (an->upos == w->upos) g_upos.match++;
        if (an->xpos == w->xpos) g_xpos.match++;
        if (an->lemma && !strcmp(an->lemma, g->pool.s + w->lemma)) g_lemma.match++;
        if (!doc->parsed) continue;
        int head_ok;
        if (w->head < 0) {
            head_ok = an->head < 0;
        } else {
            const gword *h = &g->gw[w->head];
            head_ok = an->head >= 0 && h->a != UINT32_MAX && sys_find(doc, h->a, h->b) == an->head;
        }
        if (!head_ok) continue;
        g_uas.match++;
        if (an->deprel < DEP_COUNT && univ_dep(ud_dep_names[an->deprel]) == w->dep) g_las.match++;
    }
}

/* Print up to 60 bytes of context around [a,b) of text. */
static void ctx_print(const char *text, size_t len, uint32_t a, uint32_t b) {
    size_t s = a > 40 ? a - 40 : 0, e = b + 40 < len ? b + 40 : len;
    fputs("    ...", stdout);
    for (size_t i = s; i < e; i++) {
        if (i == a) fputs("[[", stdout);
        char c = text[i];
        putchar(c == '\n' ? '|' : c);
        if (i + 1 == b) fputs("]]", stdout);
    }
    fputs("...\n", stdout);
}

/* Print gold spans missing from the system and system spans missing from
 * gold, each with context. */
static void diff_print(const char *what, const spans *g, const spans *s, const char *text, size_t len, int *budget) {
    size_t i = 0, j = 0;
    while ((i < g->n || j < s->n) && *budget > 0) {
        if (i < g->n && j < s->n && g->v[i].a == s->v[j].a && g->v[i].b == s->v[j].b) {
            i++;
            j++;
        } else if (j >= s->n || (i < g->n && (g->v[i].a < s->v[j].a ||
                                               (g->v[i].a == s->v[j].a && g->v[i].b < s->v[j].b)))) {
            printf("  %s missed  ", what);
            ctx_print(text, len, g->v[i].a, g->v[i].b);
            (*budget)--;
            i++;
        } else {
            printf("  %s spurious", what);
            ctx_print(text, len, s->v[j].a, s->v[j].b);
            (*budget)--;
            j++;
        }
    }
}

/* Is s[0..n) a clitic we split off the previous word (merged back into one
 * surface token for the token metric)? */
static int clitic_form(const char *s, size_t n) {
    static const char *const forms[] = {"n't", "n\xE2\x80\x99" "t", "'s", "\xE2\x80\x99" "s", "'m", "\xE2\x80\x99" "m", "'d",
                                        "\xE2\x80\x99" "d", "'re", "\xE2\x80\x99" "re", "'ve", "\xE2\x80\x99" "ve", "'ll",
                                        "\xE2\x80\x99" "ll", "na", "ta", "nt", "not"};
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        size_t m = strlen(forms[k]);
        if (m != n) continue;
        size_t i = 0;
        while (i < n && (s[i] | (s[i] >= 'A' && s[i] <= 'Z' ? 0x20 : 0)) == forms[k][i]) i++;
        if (i == n) return 1;
    }
    return 0;
}

/* Score the assembled document with the library. */
static int doc_score(gold *g, opts *o, dyad_ctx *ctx, dyad_doc *doc) {
    if (!g->text.n) return 0;
    dyad_doc_reset(doc);
    int rc = dyad_doc_set_text(doc, g->text.s, g->text.n);
    if (!rc) rc = dyad_doc_code(ctx, doc);
    if (rc) {
        fprintf(stderr, "evalseg: coding failed: %s\n", dyad_errstr(rc));
        return rc;
    }
    size_t tlen;
    const char *text = dyad_doc_text(doc, &tlen);
    spans st = {0}, sw = {0}, ss = {0};
    size_t nt = dyad_doc_token_count(doc);
    for (size_t i = 0; i < nt; i++) {
        dyad_span t = dyad_doc_token(doc, i);
        if (sp_push(&sw, t.start, t.end)) return DYAD_ENOMEM;
        if (st.n && st.v[st.n - 1].b == t.start && clitic_form(text + t.start, t.end - t.start) &&
            text[t.start - 1] != '.' && text[t.start - 1] != '-') {
            st.v[st.n - 1].b = t.end;
        } else if (sp_push(&st, t.start, t.end)) {
            return DYAD_ENOMEM;
        }
    }
    size_t ns = dyad_doc_sentence_count(doc);
    for (size_t i = 0; i < ns; i++) {
        dyad_span s = dyad_doc_sentence(doc, i, NULL, NULL);
        if (sp_push(&ss, s.start, s.end)) return DYAD_ENOMEM;
    }
    g_tok.gold += (long)g->toks.n;
    g_tok.sys += (long)st.n;
    g_tok.match += match_count(&g->toks, &st);
    g_word.gold += (long)g->words.n + g->unmatchable_words;
    g_word.sys += (long)sw.n;
    g_word.match += match_count(&g->words, &sw);
    g_sent.gold += (long)g->sents.n;
    g_sent.sys += (long)ss.n;
    g_sent.match += match_count(&g->sents, &ss);
    score_analysis(g, doc);
    if (o->errors) {
        int budget = 400;
        diff_print("token", &g->toks, &st, text, tlen, &budget);
        budget = 400;
        diff_print("sentence", &g->sents, &ss, text, tlen, &budget);
    }
    free(st.v);
    free(sw.v);
    free(ss.v);
    return 0;
}

static void gold_reset(gold *g) {
    g->text.n = 0;
    if (g->text.s) g->text.s[0] = '\0';
    g->toks.n = g->words.n = g->sents.n = 0;
    g->unmatchable_words = 0;
    g->in_doc = 0;
    g->para_break = 0;
    g->space_after_last = 1;
    g->mwt_hi = 0;
    g->wi = 0;
    g->ngw = 0;
    g->pool.n = 0;
    g->sent_word0 = 0;
}

/* --gum-xml: append form (n bytes) to the text as the next token, after the
 * separator the xml layout (a blank line, a line break) or the previous
 * token's SpaceAfter asks for; returns its span. */
static span xml_append(gold *g, const char *form, size_t n) {
    unsigned b = g->wi < g->nbrk ? g->brk[g->wi] : 0;
    if (g->text.n) {
        if (b == 2)
            buf_put(&g->text, "\n\n", 2);
        else if (b == 1)
            buf_put(&g->text, "\n", 1);
        else if (g->space_after_last)
            buf_put(&g->text, " ", 1);
    }
    span r = {(uint32_t)g->text.n, 0};
    buf_put(&g->text, form, n);
    r.b = (uint32_t)g->text.n;
    g->pos = g->text.n;
    return r;
}

/* Align form (n bytes) in the text from g->pos: skip spaces, then match
 * byte by byte, skipping spaces in the text that the form lacks.  Returns
 * the span, or sets *ok = 0 and leaves pos at the best guess. */
static span align(gold *g, opts *o, const char *form, size_t n, int *ok) {
    const char *t = g->text.s;
    size_t len = g->text.n, p = g->pos;
    while (p < len && (t[p] == ' ' || t[p] == '\n' || t[p] == '\t')) p++;
    span r = {(uint32_t)p, (uint32_t)p};
    size_t i = 0, q = p;
    while (i < n && q < len) {
        if (t[q] == form[i]) {
            q++;
            i++;
        } else if (t[q] == ' ' || (unsigned char)form[i] == ' ') {
            if (t[q] == ' ') q++;
            else i++;
        } else {
            break;
        }
    }
    *ok = (i == n);
    if (!*ok) {
        o->align_fail++;
        q = p + n <= len ? p + n : len;
    }
    r.b = (uint32_t)q;
    g->pos = q;
    return r;
}

/* Value of MISC key SpaceAfter=No in the tenth column. */
static int space_after_no(const char *misc) { return strstr(misc, "SpaceAfter=No") != NULL; }

/* Process one file's lines into documents. */
static int eval_file(const char *path, opts *o, dyad_ctx *ctx, dyad_doc *doc, const unsigned char *brk, size_t nbrk) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "evalseg: cannot open %s\n", path);
        return DYAD_EIO;
    }
    gold g;
    memset(&g, 0, sizeof g);
    gold_reset(&g);
    g.brk = brk;
    g.nbrk = nbrk;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int in_sent = 0, rc = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r')) line[--got] = '\0';
        if (!strncmp(line, "# newdoc", 8)) {
            if ((rc = doc_score(&g, o, ctx, doc))) break;
            gold_reset(&g);
            continue;
        }
        if (!strcmp(line, "# newpar") || !strncmp(line, "# newpar ", 9)) {
            g.para_break = 1;
            continue;
        }
        if (brk && !strncmp(line, "# text = ", 9)) {
            in_sent = 1;
            g.sent_has_tok = 0;
            g.sent_word0 = (long)g.ngw;
            continue;
        }
        if (!strncmp(line, "# text = ", 9)) {
            const char *txt = line + 9;
            if (g.text.n) {
                if (g.para_break)
                    buf_put(&g.text, "\n\n", 2);
                else if (g.space_after_last)
                    buf_put(&g.text, " ", 1);
            }
            g.para_break = 0;
            g.sent_text_start = g.text.n;
            g.pos = g.text.n;
            if (buf_put(&g.text, txt, strlen(txt))) {
                rc = DYAD_ENOMEM;
                break;
            }
            in_sent = 1;
            g.sent_has_tok = 0;
            g.sent_word0 = (long)g.ngw;
            continue;
        }
        if (line[0] == '#') continue;
        if (!got) {
            if (in_sent && g.sent_has_tok) sp_push(&g.sents, g.sent_first, g.last_tok_end);
            in_sent = 0;
            continue;
        }
        /* token line: ID FORM ... MISC */
        char *col[10];
        int nc = 0;
        char *p = line;
        col[nc++] = p;
        while (nc < 10 && (p = strchr(p, '\t'))) {
            *p++ = '\0';
            col[nc++] = p;
        }
        if (nc < 10 || !in_sent) continue;
        if (strchr(col[0], '.')) continue; /* empty node */
        const char *dash = strchr(col[0], '-');
        size_t flen = strlen(col[1]);
        int ok;
        if (dash) {
            g.mwt_lo = atol(col[0]);
            g.mwt_hi = atol(dash + 1);
            span r = brk ? xml_append(&g, col[1], flen) : align(&g, o, col[1], flen, &ok);
            if (brk) ok = 1;
            sp_push(&g.toks, r.a, r.b);
            g.mwt_a = r.a;
            g.mwt_b = r.b;
            g.mwt_cur = r.a;
            g.mwt_ok = ok;
            g.mwt_words = 0;
            g.space_after_last = !space_after_no(col[9]);
            if (!g.sent_has_tok) g.sent_first = r.a;
            g.sent_has_tok = 1;
            g.last_tok_end = r.b;
            continue;
        }
        long id = atol(col[0]);
        if (g.mwt_hi && id >= g.mwt_lo && id <= g.mwt_hi) {
            /* a word of the open multiword token */
            const char *t = g.text.s;
            if (g.mwt_ok && g.mwt_cur + flen <= g.mwt_b && !memcmp(t + g.mwt_cur, col[1], flen)) {
                span wr = {g.mwt_cur, (uint32_t)(g.mwt_cur + flen)};
                sp_push(&g.words, wr.a, wr.b);
                gw_push(&g, wr, 1, col);
                g.mwt_cur += (uint32_t)flen;
            } else {
                span none = {0, 0};
                g.mwt_ok = 0;
                gw_push(&g, none, 0, col);
            }
            g.mwt_words++;
            g.wi++;
            if (id == g.mwt_hi) {
                if (!g.mwt_ok || g.mwt_cur != g.mwt_b) {
                    /* drop the partial word spans: the whole MWT fails */
                    size_t k = g.words.n;
                    while (k > 0 && g.words.v[k - 1].a >= g.mwt_a) k--;
                    g.words.n = k;
                    for (size_t q = g.ngw - (size_t)g.mwt_words; q < g.ngw; q++) g.gw[q].a = g.gw[q].b = UINT32_MAX;
                    g.unmatchable_words += g.mwt_words;
                }
                g.mwt_hi = 0;
            }
            continue;
        }
        span r = brk ? xml_append(&g, col[1], flen) : align(&g, o, col[1], flen, &ok);
        g.wi++;
        sp_push(&g.toks, r.a, r.b);
        sp_push(&g.words, r.a, r.b);
        gw_push(&g, r, 1, col);
        g.space_after_last = !space_after_no(col[9]);
        if (!g.sent_has_tok) g.sent_first = r.a;
        g.sent_has_tok = 1;
        g.last_tok_end = r.b;
    }
    if (!rc) {
        if (in_sent && g.sent_has_tok) sp_push(&g.sents, g.sent_first, g.last_tok_end);
        if (brk && g.wi != nbrk)
            fprintf(stderr, "evalseg: %s: %zu words, the xml has %zu: layout misaligned\n", path, g.wi, nbrk);
        rc = doc_score(&g, o, ctx, doc);
    }
    free(line);
    free(g.text.s);
    free(g.toks.v);
    free(g.words.v);
    free(g.sents.v);
    free(g.gw);
    free(g.pool.s);
    fclose(f);
    return rc;
}

/* Is the tag whose name starts at p (after "<" or "</") a block-level
 * element of GUM's xml (2), a verse line (1), or inline (0)? */
static int xml_block(const char *p) {
    static const char *const blocks[] = {"head", "p", "caption", "item", "figure", "list", "sp", "lg", "table", "row"};
    size_t n = 0;
    while (p[n] && p[n] != ' ' && p[n] != '>' && p[n] != '/') n++;
    if (n == 1 && p[0] == 'l') return 1;
    for (size_t k = 0; k < sizeof blocks / sizeof blocks[0]; k++)
        if (strlen(blocks[k]) == n && !memcmp(blocks[k], p, n)) return 2;
    return 0;
}

/* --gum-xml: read the layout of the GUM document path (xml/NAME.xml) and
 * score the matching dep/NAME.conllu with it. */
static int eval_gum_xml(const char *path, opts *o, dyad_ctx *ctx, dyad_doc *doc) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "evalseg: cannot open %s\n", path);
        return DYAD_EIO;
    }
    buf brk = {0};
    char *line = NULL;
    size_t cap = 0;
    unsigned char pending = 0;
    int rc = 0;
    while (getline(&line, &cap, f) >= 0) {
        if (line[0] == '<') {
            int b = xml_block(line + 1 + (line[1] == '/'));
            if (b > pending) pending = (unsigned char)b;
        } else if (strchr(line, '\t')) {
            if (buf_put(&brk, (const char *)&pending, 1)) {
                rc = DYAD_ENOMEM;
                break;
            }
            pending = 0;
        }
    }
    free(line);
    fclose(f);
    /* .../xml/NAME.xml -> .../dep/NAME.conllu */
    size_t n = strlen(path);
    const char *x = strstr(path, "xml/");
    char *cpath = malloc(n + 16);
    if (!rc && (!cpath || !x || n < 4 || strcmp(path + n - 4, ".xml"))) {
        fprintf(stderr, "evalseg: %s: expected .../xml/NAME.xml\n", path);
        rc = DYAD_EINVAL;
    }
    if (!rc) {
        size_t pre = (size_t)(x - path);
        memcpy(cpath, path, pre);
        memcpy(cpath + pre, "dep/", 4);
        memcpy(cpath + pre + 4, x + 4, n - 4 - pre - 4);
        strcpy(cpath + n - 4, ".conllu");
        rc = eval_file(cpath, o, ctx, doc, (const unsigned char *)brk.s, brk.n);
    }
    free(cpath);
    free(brk.s);
    return rc;
}

/* Append the JSON string value starting after the opening quote at p to b,
 * unescaping.  Crude but enough for our corpora (\uXXXX without surrogate
 * pairs becomes UTF-8; a pair is decoded too). */
static const char *json_str(const char *p, buf *b) {
    while (*p && *p != '"') {
        if (*p != '\\') {
            const char *q = p;
            while (*q && *q != '"' && *q != '\\') q++;
            buf_put(b, p, (size_t)(q - p));
            p = q;
            continue;
        }
        p++;
        char c = *p ? *p++ : 0, o[4];
        switch (c) {
        case 'n': buf_put(b, "\n", 1); break;
        case 't': buf_put(b, "\t", 1); break;
        case 'r': buf_put(b, "\r", 1); break;
        case 'b': buf_put(b, "\b", 1); break;
        case 'f': buf_put(b, "\f", 1); break;
        case 'u': {
            unsigned cp = 0;
            for (int k = 0; k < 4 && *p; k++, p++) {
                char h = *p;
                cp = cp * 16 + (unsigned)(h >= '0' && h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
            }
            if (cp >= 0xD800 && cp < 0xDC00 && p[0] == '\\' && p[1] == 'u') {
                unsigned lo = 0;
                for (int k = 0; k < 4 && p[2 + k]; k++) {
                    char h = p[2 + k];
                    lo = lo * 16 + (unsigned)(h >= '0' && h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                }
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            size_t k;
            if (cp < 0x80) { o[0] = (char)cp; k = 1; }
            else if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); k = 2; }
            else if (cp < 0x10000) {
                o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                o[2] = (char)(0x80 | (cp & 0x3F)); k = 3;
            } else {
                o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
                o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F)); k = 4;
            }
            buf_put(b, o, k);
            break;
        }
        default:
            if (c) buf_put(b, &c, 1);
            break;
        }
    }
    return p;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Bench mode: time tokenization and sentence splitting of every "text". */
static int bench(const char *path, int repeat) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "evalseg: cannot open %s\n", path);
        return 1;
    }
    buf all = {0};
    spans docs = {0};
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) >= 0) {
        const char *p = strstr(line, "\"text\":");
        if (!p) continue;
        p += 7;
        while (*p == ' ') p++;
        if (*p != '"') continue;
        size_t a = all.n;
        json_str(p + 1, &all);
        sp_push(&docs, (uint32_t)a, (uint32_t)all.n);
    }
    free(line);
    fclose(f);
    dyad_doc *doc;
    if (dyad_doc_new(&doc)) return 1;
    double best_ts = 1e30, best_all = 1e30;
    size_t ntok = 0, nsent = 0;
    for (int r = 0; r < repeat; r++) {
        /* tok_run + sent_run only: the text is set once per document
         * outside the timed region. */
        double ts = 0;
        ntok = nsent = 0;
        for (size_t i = 0; i < docs.n; i++) {
            dyad_doc_reset(doc);
            dyad_doc_set_text(doc, all.s + docs.v[i].a, docs.v[i].b - docs.v[i].a);
            double t0 = now();
            tok_run(doc);
            sent_run(doc);
            ts += now() - t0;
            ntok += doc->ntok;
            nsent += doc->nsent;
        }
        if (ts < best_ts) best_ts = ts;
        double t0 = now();
        for (size_t i = 0; i < docs.n; i++) {
            dyad_doc_reset(doc);
            dyad_doc_set_text(doc, all.s + docs.v[i].a, docs.v[i].b - docs.v[i].a);
            dyad_doc_code(NULL, doc);
        }
        double ta = now() - t0;
        if (ta < best_all) best_all = ta;
    }
    double mb = (double)all.n / 1048576.0;
    printf("bench %s: %zu docs, %.1f MB of text, %zu tokens, %zu sentences\n", path, docs.n, mb, ntok, nsent);
    printf("tok_run+sent_run: %.3fs  %.1f MB/s  %.1f M tokens/s\n", best_ts, mb / best_ts, (double)ntok / best_ts / 1e6);
    printf("set_text+code:    %.3fs  %.1f MB/s\n", best_all, mb / best_all);
    dyad_doc_free(doc);
    free(all.s);
    free(docs.v);
    return 0;
}

int main(int argc, char **argv) {
    opts o = {"evalseg", 0, 0, 0};
    const char *bench_file = NULL;
    int repeat = 5, nfiles = 0, gum_xml = 0, segment_only = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--name") && i + 1 < argc)
            o.name = argv[++i];
        else if (!strcmp(argv[i], "--errors"))
            o.errors = 1;
        else if (!strcmp(argv[i], "--gum-xml"))
            gum_xml = 1;
        else if (!strcmp(argv[i], "--segment-only"))
            segment_only = 1;
        else if (!strcmp(argv[i], "--bench") && i + 1 < argc)
            bench_file = argv[++i];
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "usage: evalseg [--name NAME] [--errors] FILE.conllu...\n"
                            "       evalseg [--name NAME] [--errors] --gum-xml GUM_DIR/xml/NAME.xml...\n"
                            "       evalseg --bench FILE.jsonl [--repeat N]\n");
            return 2;
        } else
            nfiles++;
    }
    if (bench_file) return bench(bench_file, repeat);
    if (!nfiles) {
        fprintf(stderr, "usage: evalseg [--name NAME] [--errors] FILE.conllu...\n");
        return 2;
    }
    /* --segment-only: score segmentation without loading models. */
    dyad_ctx_options copt = {.flags = segment_only ? DYAD_CTX_SEGMENT_ONLY : 0};
    dyad_ctx *ctx = NULL;
    dyad_doc *doc = NULL;
    if (dyad_ctx_open(&ctx, &copt) || dyad_doc_new(&doc)) {
        fprintf(stderr, "evalseg: %s\n", ctx ? dyad_ctx_errmsg(ctx) : "out of memory");
        return 1;
    }
    int rc = 0;
    for (int i = 1; i < argc && !rc; i++) {
        if (!strcmp(argv[i], "--name") || !strcmp(argv[i], "--bench") || !strcmp(argv[i], "--repeat")) {
            i++;
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1]) continue;
        rc = gum_xml ? eval_gum_xml(argv[i], &o, ctx, doc) : eval_file(argv[i], &o, ctx, doc, NULL, 0);
    }
    if (o.align_fail) fprintf(stderr, "evalseg: %ld gold tokens did not align with # text\n", o.align_fail);
    score_print(o.name, "tokens", &g_tok);
    score_print(o.name, "words", &g_word);
    score_print(o.name, "sentences", &g_sent);
    if (g_analysed) {
        score_print(o.name, "UPOS", &g_upos);
        score_print(o.name, "XPOS", &g_xpos);
        score_print(o.name, "Lemma", &g_lemma);
        score_print(o.name, "UAS", &g_uas);
        score_print(o.name, "LAS", &g_las);
    }
    dyad_doc_free(doc);
    dyad_ctx_close(ctx);
    return rc ? 1 : 0;
}
