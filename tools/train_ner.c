/* train_ner.c -- train dyad's named-entity recognizer (src/ner.c).
 *
 *   train_ner --tagger TAGGER.bin --out MODEL [--uner FILE.iob2]... [--gum DIR]
 *             [--wikigold FILE] [--unlabeled NEWS.jsonl]... [--unlabeled-conllu FILE]...
 *             [--gazetteer GAZ.bin] [--iters N] [--seed S] [--holdout-uner K]
 *             [--agg-iters N] [--agg-min N] [--caps-every N] [--misc-latent]
 *             [--dict FILE.dict]... [--names FILE]... [--fset N] [--pick best|last]
 *             [--fold J] [--dump FILE] [--strip-titles 0|1] [--uner-weight N] [--wiki-weight N]
 *             [--agg-conllu 0|1] [--ensemble K] [--doc-iters N]
 *             [--silver-conllu UD.conllu --silver-model NER.bin [--silver-mode 1|2|3]
 *              [--silver-weight W] [--silver-vote 0|1] [--silver-dump FILE]]
 *
 * --dict: dyad's actor dictionaries (data/dict/ *.dict): the words of their
 * names become lexicon bits (NR_LEX_FIRST ... NR_LEX_ORGSTART); --names: a
 * list of given names, one a line (NR_LEX_GIVEN); the first list is
 * read as female, the second as male (NR_LEX_FEMALE / NR_LEX_MALE: ner_run's
 * gender hint on persons, in no feature).  --fset: the feature
 * groups of ner.h (NR_FS_*; default all; 3 = rich windows + dictionaries,
 * the committed model).  --pick last writes the last iteration instead of
 * the best on the held-out set.  --holdout-uner K --fold J holds out the
 * UNER documents d with d % K == J (cross-validation); the held-out counts
 * are printed as "HELDOUT src tp fp fn ..." lines and --dump writes the
 * held-out sentences whose names differ.  --uner-weight/--wiki-weight add
 * those sentences N times; --agg-conllu 1 also runs the news statistics
 * over the --unlabeled-conllu sentences; --ensemble K averages K
 * perceptrons (other visiting orders).  With NR_FS_DOC in --fset and
 * --doc-iters N > 0 a second, document stage is trained on the first
 * stage's jackknifed labels (nr_feats_doc).  All measured in models/NER.md;
 * only --dict, --names, --fset 3 and --pick last made it into the model.
 * --silver-conllu: distant supervision from a treebank's proper nouns,
 * typed by an earlier model (see "silver names" below).
 *
 * Data (tools/ner_data.h): UNER IOB2 files, the news and interview
 * documents of GUM's train split (--gum DIR; its dev documents are the
 * held-out set that picks the iteration), a CoNLL file such as wikigold.
 * Every --caps-every'th training sentence (default 5; 0: none) is added
 * again in capitals, as wire headlines come.
 * With --holdout-uner K, UNER documents d with d % K == K - 1 are held out
 * too.  Every sentence is tagged with the tagger first (tagger_tag_words),
 * so the XPOS features see what they will see at run time.
 *
 * Model: a structured averaged perceptron (Collins 2002) over BILOU
 * labels; first-order Viterbi with the BILOU constraints; features from
 * src/ner.c (nr_prep / nr_feats: one definition for both sides) on the
 * words that pass the candidate gate.  A gold name the gate would skip has
 * its words scored anyway in training (they are counted and reported).
 * UNER marks no MISC names; with --misc-latent the "gold" labels of the
 * words it leaves O may be O or MISC, whichever the current weights prefer
 * (a latent-label update).  Measured worse (MISC then grows unchecked on
 * UNER text: GUM news test 45 against 51 F1), so off by default.
 *
 * Lexicon: for every word of the training text, the --unlabeled JSON-lines
 * texts and --unlabeled-conllu files, the tagger's cluster and capitals
 * bucket (tagger_word_info), the place gazetteer's view of the word
 * (--gazetteer, models/gazetteer.bin), the gate's flags learned from the
 * training names (lower-case words that start or end names in at least a
 * quarter of their lower-case uses; lower-case words inside names), and
 * news statistics: a first, context-only model (--agg-iters iterations,
 * no feature of the word's own form) labels the --unlabeled news, and the
 * share of each word's capitalized uses it put in each type of name (words
 * with at least --agg-min such uses) becomes a feature of the real model.
 *
 * After every iteration the averaged weights are quantized into a complete
 * image, opened with ner_open and scored on the held-out sentences through
 * ner_tag_words -- the library's own code path; the best image is written.
 * Runs are visited in a fresh shuffled order each iteration (xorshift,
 * fixed seed): the same inputs give the same bytes. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/doc.h"
#include "../src/model.h"
#include "../src/ner.h"
#include "../src/place.h"
#include "../src/strbuf.h"
#include "../src/tagger.h"
#include "dyad.h"
#include "ner_data.h"

#define NL NER_NLABEL
#define FSTRIDE (NER_MAXFEAT + NER_MAXDOCFEAT) /* feature ids per word in a run */
#define NT ((NL + 2) * NL) /* transitions, start row, end row */

static void die(const char *msg) {
    fprintf(stderr, "train_ner: %s\n", msg);
    exit(1);
}

static void *xcalloc(size_t n, size_t s) {
    void *p = calloc(n ? n : 1, s ? s : 1);
    if (!p) die("out of memory");
    return p;
}

static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) die("out of memory");
    return p;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- hash map: 64-bit key -> index ---------------------------------------- */

typedef struct hmap {
    uint64_t *key;
    uint32_t *val; /* index + 1; 0 = empty */
    size_t cap, n;
} hmap;

static void hm_grow(hmap *m) {
    size_t nc = m->cap ? m->cap * 2 : 1u << 16;
    uint64_t *nk = xcalloc(nc, sizeof *nk);
    uint32_t *nv = xcalloc(nc, sizeof *nv);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->val[i]) continue;
        size_t j = m->key[i] & (nc - 1);
        while (nv[j]) j = (j + 1) & (nc - 1);
        nk[j] = m->key[i];
        nv[j] = m->val[i];
    }
    free(m->key);
    free(m->val);
    m->key = nk;
    m->val = nv;
    m->cap = nc;
}

/* Index of key; with add, new keys get index m->n (returned), else -1. */
static long hm_get(hmap *m, uint64_t key, int add) {
    if (!m->cap) {
        if (!add) return -1;
        hm_grow(m);
    }
    size_t j = key & (m->cap - 1);
    while (m->val[j]) {
        if (m->key[j] == key) return (long)m->val[j] - 1;
        j = (j + 1) & (m->cap - 1);
    }
    if (!add) return -1;
    if ((m->n + 1) * 2 > m->cap) {
        hm_grow(m);
        return hm_get(m, key, add);
    }
    m->key[j] = key;
    m->val[j] = (uint32_t)(++m->n);
    return (long)m->n - 1;
}

/* ---- lexicon ---------------------------------------------------------------- */

static hmap lexmap;            /* word hash -> lexicon index */
static uint64_t *lex_key;
static uint64_t *lex_val;
static uint32_t *lex_lower, *lex_edge, *lex_inner; /* training counts */
static size_t lex_cap;
static const tagger *g_tagger;

static gazetteer *g_gaz;
static uint32_t g_fset = NR_FS_ALL;

/* The gazetteer's view of one word (NR_LEX_GAZ bits, in place). */
static uint32_t gaz_bits(const char *form, size_t len) {
    char key[GAZ_KEY_MAX];
    if (!g_gaz || !len || !((form[0] >= 'A' && form[0] <= 'Z') || (form[0] >= 'a' && form[0] <= 'z'))) return 0;
    int kl = gaz_fold(form, len, key, sizeof key);
    if (kl <= 0) return 0;
    const gaz_name *nm = gaz_find(g_gaz, key, (size_t)kl);
    if (!nm) return 0;
    uint32_t v = 0;
    if (nm->flags & GAZ_N_DEMONYM) v |= 4;
    const uint32_t *cands = gaz_cands(g_gaz, nm);
    int best = 0;
    for (uint32_t k = 0; cands && k < nm->ncand; k++) {
        const gaz_entry *e = gaz_entry_at(g_gaz, cands[k]);
        if (!e) continue;
        int b = 1;
        if (e->feature == GAZ_F_COUNTRY || e->feature == GAZ_F_ADMIN1 || e->feature == GAZ_F_REGION ||
            e->feature == GAZ_F_CONTINENT || (e->flags & GAZ_E_CAPITAL) || e->pop >= 500000)
            b = 3;
        else if (e->pop >= 15000)
            b = 2;
        if (b > best) best = b;
    }
    if ((nm->flags & (GAZ_N_STOP | GAZ_N_CUE)) && best > 1) best = 1;
    return (v | (uint32_t)best) << 24;
}

static long lex_add(const char *form, size_t len) {
    uint64_t h = nr_word_hash(form, len);
    size_t before = lexmap.n;
    long id = hm_get(&lexmap, h, 1);
    if (lexmap.n > before) {
        if ((size_t)id >= lex_cap) {
            lex_cap = lex_cap ? lex_cap * 2 : 1u << 16;
            lex_key = xrealloc(lex_key, lex_cap * sizeof *lex_key);
            lex_val = xrealloc(lex_val, lex_cap * sizeof *lex_val);
            lex_lower = xrealloc(lex_lower, lex_cap * sizeof *lex_lower);
            lex_edge = xrealloc(lex_edge, lex_cap * sizeof *lex_edge);
            lex_inner = xrealloc(lex_inner, lex_cap * sizeof *lex_inner);
        }
        lex_key[id] = h;
        uint64_t v = tagger_word_info(g_tagger, form, len);
        uint32_t clu = (uint32_t)(v >> TG_CLU_SHIFT), cap = (uint32_t)((v >> TG_CAP_SHIFT) & 15);
        if (clu > 0x1ff) clu = 0;
        lex_val[id] = (uint64_t)(clu | cap << 9 | gaz_bits(form, len));
        lex_lower[id] = lex_edge[id] = lex_inner[id] = 0;
    }
    return id;
}

static uint64_t lex_fn(const void *ctx, uint64_t h) {
    (void)ctx;
    long id = hm_get(&lexmap, h, 0);
    return id < 0 ? 0 : lex_val[id];
}

static int has_upper_ascii(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if ((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80) return 1;
    return 0;
}

/* Gate flags from the training names. */
static void lex_flags(const nd_corpus *c, const uint8_t *train) {
    for (size_t i = 0; i < c->n; i++) {
        if (!train[i]) continue;
        const nd_sent *s = &c->s[i];
        for (int j = 0; j < s->n; j++) {
            if (has_upper_ascii(s->forms[j], s->lens[j])) continue;
            long id = lex_add(s->forms[j], s->lens[j]);
            lex_lower[id]++;
            int l = s->gold[j];
            if (l == NER_O) continue;
            if (NER_LPOS(l) == NER_PI) lex_inner[id]++;
            else lex_edge[id]++;
        }
    }
    size_t ne = 0, nc = 0;
    for (size_t id = 0; id < lexmap.n; id++) {
        if (lex_edge[id] && lex_edge[id] * 4 >= lex_lower[id]) {
            lex_val[id] |= NR_LEX_ENTWORD;
            ne++;
        } else if (lex_inner[id] >= 2) {
            lex_val[id] |= NR_LEX_CONNECT;
            nc++;
        }
    }
    fprintf(stderr, "lexicon: %zu words, %zu lower-case name words, %zu connectors\n", lexmap.n, ne, nc);
}

/* ---- dictionaries ----------------------------------------------------------
 * dyad's own actor dictionaries (data/dict/ *.dict, docs/dictionaries.md):
 * the words of their capitalized names become NR_LEX_DICT bits.  Only the
 * names are read: a "[section]" line, then entry lines "CODE  name | name"
 * ([person]: no code) with indented attribute lines ("adj Afghan |
 * Afghans", "gov Kabul", dated codes) and "|" continuation lines. */

static uint32_t *orgend_n; /* per lexicon id: names of organisations ending in the word */

static void dict_name(const char *p, size_t n, int sect, int attr) {
    /* Split on spaces; words with an upper-case letter or a digit count. */
    const char *w[32];
    size_t wl[32];
    int nw = 0;
    size_t i = 0;
    while (i < n && nw < 32) {
        while (i < n && (p[i] == ' ' || p[i] == '\t')) i++;
        size_t a = i;
        while (i < n && p[i] != ' ' && p[i] != '\t') i++;
        if (i > a) {
            w[nw] = p + a;
            wl[nw++] = i - a;
        }
    }
    for (int k = 0; k < nw; k++) {
        if (!has_upper_ascii(w[k], wl[k]) && sect != 4) continue;
        /* "Brazil's": the dictionary tokenizer would split it; keep the word. */
        size_t l = wl[k];
        if (l > 2 && w[k][l - 2] == '\'' && w[k][l - 1] == 's') l -= 2;
        long id = lex_add(w[k], l);
        uint64_t b = 0;
        if (sect == 1) b = attr == 1 ? NR_LEX_ADJ : NR_LEX_CTRY;
        else if (sect == 2) {
            b = NR_LEX_ORGW | (k == 0 ? NR_LEX_ORGSTART : 0);
            if (k == nw - 1 && nw > 1) {
                if ((size_t)id >= (1u << 22)) die("lexicon too large");
                orgend_n[id]++;
            }
        } else if (sect == 3) b = k == 0 && nw > 1 ? NR_LEX_FIRST : k > 0 ? NR_LEX_LAST : 0;
        else if (sect == 4) b = NR_LEX_ROLE;
        lex_val[id] |= b;
    }
}

static void lex_dict(const char *path) {
    size_t len;
    char *buf = nd_slurp(path, &len);
    if (!orgend_n) orgend_n = xcalloc(1u << 22, sizeof *orgend_n);
    int sect = 0; /* 1 country, 2 org, 3 person, 4 role */
    int attr = 0; /* of the current line: 0 names, 1 adjectives, 2 seats, 3 other */
    char *p = buf;
    while (*p) {
        char *e = strchr(p, '\n');
        if (e) *e = '\0';
        char *h = strchr(p, '#');
        if (h) *h = '\0';
        size_t l = strlen(p);
        while (l && (p[l - 1] == ' ' || p[l - 1] == '\r' || p[l - 1] == '\t')) p[--l] = '\0';
        if (l && p[0] == '[') {
            sect = strstr(p, "country") ? 1 : strstr(p, "org") ? 2 : strstr(p, "person") ? 3 : strstr(p, "role") ? 4 : 0;
        } else if (l && sect) {
            char *q = p;
            int indented = *q == ' ' || *q == '\t';
            while (*q == ' ' || *q == '\t') q++;
            if (indented && *q == '|') {
                q++; /* continuation: same kind of names as the entry line */
            } else if (indented) {
                attr = !strncmp(q, "adj ", 4) ? 1 : !strncmp(q, "gov ", 4) ? 2 : 3;
                if (attr == 3) goto next;
                q += 4;
            } else {
                attr = 0;
                /* A code first, except for people. */
                if (sect != 3) {
                    while (*q && *q != ' ' && *q != '\t') q++;
                    while (*q == ' ' || *q == '\t') q++;
                }
            }
            if (sect == 4) {
                /* "GOV  president | ...   title": drop the trailing flag word. */
                char *t = strstr(q, "  title");
                if (t) *t = '\0';
            }
            while (*q) {
                char *bar = strchr(q, '|');
                size_t nl = bar ? (size_t)(bar - q) : strlen(q);
                if (attr == 0 || attr == 1 || attr == 2) dict_name(q, nl, sect, attr == 1 ? 1 : 0);
                if (!bar) break;
                q = bar + 1;
            }
        }
    next:
        if (!e) break;
        p = e + 1;
    }
    free(buf);
    size_t ne = 0;
    for (size_t id = 0; id < lexmap.n && id < (1u << 22); id++)
        if (orgend_n[id] >= 2 && !(lex_val[id] & NR_LEX_ORGEND)) {
            lex_val[id] |= NR_LEX_ORGEND;
            ne++;
        }
    fprintf(stderr, "dictionary %s: lexicon %zu words (%zu organisation endings)\n", path, lexmap.n, ne);
}

/* A list of given names, one a line ("Julie"): NR_LEX_GIVEN, and the
 * list's gender bit gbit (NR_LEX_FEMALE, NR_LEX_MALE or 0), which no
 * feature reads (names_gender then drops both bits of a name in both
 * lists). */
static void lex_names(const char *path, uint64_t gbit) {
    size_t len;
    char *buf = nd_slurp(path, &len);
    size_t n = 0;
    char *p = buf;
    while (*p) {
        char *e = strchr(p, '\n');
        if (e) *e = '\0';
        size_t l = strlen(p);
        while (l && (p[l - 1] == '\r' || p[l - 1] == ' ')) l--;
        if (l) {
            lex_val[lex_add(p, l)] |= NR_LEX_GIVEN | gbit;
            n++;
        }
        if (!e) break;
        p = e + 1;
    }
    free(buf);
    fprintf(stderr, "given names %s: %zu\n", path, n);
}

/* Crude word splitting of unlabeled text (the lexicon only needs the
 * words): runs of letters and digits with inner '.', '-', '\'', ',' between
 * alphanumerics; any other byte alone. */
static int alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The next word of t[*i..n) into *w, *l; 0 at the end. */
static int next_word(const char *t, size_t n, size_t *i, const char **w, size_t *l) {
    size_t k = *i;
    while (k < n && !alnum((unsigned char)t[k])) k++;
    if (k >= n) {
        *i = n;
        return 0;
    }
    size_t j = k + 1;
    while (j < n) {
        unsigned char d = (unsigned char)t[j];
        if (alnum(d)) j++;
        else if ((d == '.' || d == '-' || d == ',' || d == '\'') && j + 1 < n && alnum((unsigned char)t[j + 1]))
            j++;
        else break;
    }
    *w = t + k;
    *l = j - k;
    *i = j;
    return 1;
}

static void lex_text(const char *t, size_t n) {
    const char *w;
    size_t l, i = 0;
    while (next_word(t, n, &i, &w, &l)) lex_add(w, l);
}

typedef void (*text_fn)(const char *t, size_t n);
static void each_jsonl_text(const char *path, text_fn fn) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open an --unlabeled file");
    char *line = NULL, *buf = NULL;
    size_t lcap = 0, bcap = 0;
    ssize_t got;
    while ((got = getline(&line, &lcap, f)) > 0) {
        const char *p = strstr(line, "\"text\": \"");
        if (!p) continue;
        p += 9;
        if ((size_t)got + 1 > bcap) {
            bcap = (size_t)got + 1;
            buf = xrealloc(buf, bcap);
        }
        size_t o = 0;
        while (*p && *p != '"') {
            if (*p == '\\' && p[1]) {
                char e = p[1];
                buf[o++] = e == '"' ? '"' : e == '\\' ? '\\' : ' ';
                p += 2;
                continue;
            }
            buf[o++] = *p++;
        }
        fn(buf, o);
    }
    free(line);
    free(buf);
    fclose(f);
}

static void lex_jsonl(const char *path) { each_jsonl_text(path, lex_text); }

/* ---- the gender of given names in both lists -----------------------------
 * A name of both gender lists ("Hillary", "Bernie" in the Moby lists) gets
 * the gender of the pronouns that follow it in the unlabeled news: after a
 * capitalized given name followed by another capitalized word ("Hillary
 * Clinton"), the first he/him/his/himself or she/her/hers/herself of the
 * next GV_WINDOW words votes, unless another such name comes first.  Of at
 * least GV_MIN votes, she must get half for a woman's name (news says "he"
 * far more often: Hillary gets 64% in the news of scripts/train_ner.sh),
 * under GV_MALE_SHE for a man's (Bernie 31%, Bill 23%, next to Hillary);
 * in between the name keeps no gender.  The thresholds were set on names
 * of known gender, not on any evaluation. */
#define GV_WINDOW 30
#define GV_MIN 10
#define GV_MALE_SHE 0.35
static uint32_t *gv_f, *gv_m;

static int cap_word(const char *w, size_t l) { return l > 1 && w[0] >= 'A' && w[0] <= 'Z'; }

static int word_is(const char *w, size_t l, const char *s) { return strlen(s) == l && !memcmp(w, s, l); }

static void gender_text(const char *t, size_t n) {
    const uint64_t both = NR_LEX_FEMALE | NR_LEX_MALE;
    long pending = -1, prev_given = -2; /* prev_given: lexicon id of the previous word if a capitalized given name */
    int left = 0;
    const char *w;
    size_t l, i = 0;
    while (next_word(t, n, &i, &w, &l)) {
        if (cap_word(w, l)) {
            if (prev_given >= -1) { /* "Hillary Clinton": a name; an earlier one's pronouns are over */
                pending = prev_given;
                left = GV_WINDOW;
                prev_given = -2;
                continue;
            }
            long id = hm_get(&lexmap, nr_word_hash(w, l), 0);
            if (id >= 0 && (lex_val[id] & NR_LEX_GIVEN)) prev_given = (lex_val[id] & both) == both ? id : -1;
            continue;
        }
        prev_given = -2;
        if (pending < 0) continue;
        if (word_is(w, l, "he") || word_is(w, l, "him") || word_is(w, l, "his") || word_is(w, l, "himself")) {
            gv_m[pending]++;
            pending = -1;
        } else if (word_is(w, l, "she") || word_is(w, l, "her") || word_is(w, l, "hers") || word_is(w, l, "herself")) {
            gv_f[pending]++;
            pending = -1;
        } else if (--left <= 0) {
            pending = -1;
        }
    }
}

static void lex_conllu(const char *path) {
    cu_corpus cc;
    char err[256];
    if (cu_read(&cc, path, err, sizeof err)) die(err);
    for (size_t i = 0; i < cc.nwords; i++) lex_add(cc.words[i].form, strlen(cc.words[i].form));
    cu_free(&cc);
}

/* A name of both gender lists takes the gender of the pronouns after it
 * in the unlabeled news (see gender_text), else none. */
static void names_gender(const char *const *unl, int nunl) {
    const uint64_t both = NR_LEX_FEMALE | NR_LEX_MALE;
    gv_f = xcalloc(lexmap.n + 1, sizeof *gv_f);
    gv_m = xcalloc(lexmap.n + 1, sizeof *gv_m);
    for (int k = 0; k < nunl; k++) each_jsonl_text(unl[k], gender_text);
    size_t nf = 0, nm = 0, nb = 0, vf = 0, vm = 0;
    for (size_t id = 0; id < lexmap.n; id++) {
        uint64_t g = lex_val[id] & both;
        nf += g == NR_LEX_FEMALE;
        nm += g == NR_LEX_MALE;
        if (g != both) continue;
        lex_val[id] &= ~both;
        nb++;
        uint32_t tot = gv_f[id] + gv_m[id];
        if (tot < GV_MIN) continue;
        if (gv_f[id] * 2 >= tot) {
            lex_val[id] |= NR_LEX_FEMALE;
            vf++;
        } else if (gv_f[id] < GV_MALE_SHE * tot) {
            lex_val[id] |= NR_LEX_MALE;
            vm++;
        }
    }
    fprintf(stderr, "given names: %zu female, %zu male, %zu in both lists (of these, by the news' pronouns: %zu female, %zu male)\n",
            nf, nm, nb, vf, vm);
    free(gv_f);
    free(gv_m);
}

/* ---- training data ------------------------------------------------------- */

static hmap featmap;          /* feature hash -> id */
static uint64_t *fhash;
static size_t fcap;

static uint32_t feat_id(uint64_t h) {
    size_t before = featmap.n;
    long id = hm_get(&featmap, h, 1);
    if (featmap.n > before) {
        if ((size_t)id >= fcap) {
            fcap = fcap ? fcap * 2 : 1u << 20;
            fhash = xrealloc(fhash, fcap * sizeof *fhash);
        }
        fhash[id] = h;
    }
    return (uint32_t)id;
}

/* One run of candidate words: features of each word, gold labels, and the
 * labels the gold may take (UNER's O words may be MISC). */
typedef struct run {
    uint32_t *feat;   /* nw * nf ids, -1 padded */
    uint8_t *nf;      /* features per word */
    uint8_t *gold;
    uint32_t *gmask;  /* allowed gold labels per word (latent) or 0 (fixed) */
    int n;
    int a;            /* first word in the sentence */
    size_t sent;      /* sentence index in the corpus */
    float w;          /* update step: 1, or --silver-weight for silver sentences */
} run;

/* Second-stage features (NR_FS_DOC): the first stage's labels of the
 * sentence being added and its document's memory; NULL for stage 1. */
static const uint8_t *g_lab1;
static const nr_docmem *g_dm;

static run *runs;
static size_t nrun, caprun;
static long forced, skipped_names, forced_src[3];
static float g_runw = 1.0f; /* step of the runs add_runs makes */

static void add_runs(const nd_sent *s, size_t si, int misc_free, int ctx_only) {
    nr_tok *t = xcalloc((size_t)s->n, sizeof *t);
    nr_prep(t, s->forms, s->lens, s->upos, s->xpos, NULL, s->n, lex_fn, NULL);
    uint8_t *cand = xcalloc((size_t)s->n, 1);
    for (int i = 0; i < s->n; i++) cand[i] = t[i].cand;
    /* Gold names the gate would cut: score their words anyway. */
    for (int i = 0; i < s->n; i++)
        if (s->gold[i] != NER_O && !cand[i]) {
            forced++;
            forced_src[s->src]++;
            if (getenv("NER_SHOW_FORCED")) fprintf(stderr, "forced %d: %.*s\n", s->src, (int)s->lens[i], s->forms[i]);
            cand[i] = 1;
        }
    uint64_t fh[NER_MAXFEAT + NER_MAXDOCFEAT];
    int i = 0;
    while (i < s->n) {
        if (!cand[i]) {
            i++;
            continue;
        }
        int a = i;
        while (i < s->n && cand[i]) i++;
        if (nrun == caprun) {
            caprun = caprun ? caprun * 2 : 4096;
            runs = xrealloc(runs, caprun * sizeof *runs);
        }
        run *r = &runs[nrun++];
        r->n = i - a;
        r->a = a;
        r->sent = si;
        r->feat = xcalloc((size_t)r->n * FSTRIDE, sizeof *r->feat);
        r->nf = xcalloc((size_t)r->n, 1);
        r->gold = xcalloc((size_t)r->n, 1);
        r->gmask = NULL;
        r->w = g_runw;
        int latent = misc_free && s->src == ND_UNER;
        if (latent) r->gmask = xcalloc((size_t)r->n, sizeof *r->gmask);
        for (int j = a; j < i; j++) {
            int nf = ctx_only ? nr_feats_ctx(t, s->n, j, fh) : nr_feats(t, s->n, j, g_fset & ~(uint32_t)NR_FS_DOC, fh);
            if (g_lab1) nf += nr_feats_doc(t, s->n, j, g_lab1, g_dm, fh + nf);
            r->nf[j - a] = (uint8_t)nf;
            for (int k = 0; k < nf; k++) r->feat[(size_t)(j - a) * FSTRIDE + (size_t)k] = feat_id(fh[k]);
            r->gold[j - a] = s->gold[j];
            if (latent) {
                uint32_t m = 1u << s->gold[j];
                if (s->gold[j] == NER_O)
                    for (int p = 0; p < 4; p++) m |= 1u << NER_LABEL(NER_MISC, p);
                r->gmask[j - a] = m;
            }
        }
    }
    free(t);
    free(cand);
}

/* ---- perceptron ----------------------------------------------------------- */

static float *W;    /* nfeat x NL */
static double *U;   /* sum of c * update, for averaging */
static float TW[NT];
static double TU[NT];
static double cnt = 1;

static void emissions(const run *r, const float *w, float *emit) {
    for (int j = 0; j < r->n; j++) {
        float *e = emit + (size_t)j * NL;
        memset(e, 0, NL * sizeof *e);
        const uint32_t *f = r->feat + (size_t)j * FSTRIDE;
        for (int k = 0; k < r->nf[j]; k++) {
            const float *row = w + (size_t)f[k] * NL;
            for (int l = 0; l < NL; l++) e[l] += row[l];
        }
    }
}

static void upd_feat(uint32_t f, int l, float d) {
    W[(size_t)f * NL + (size_t)l] += d;
    U[(size_t)f * NL + (size_t)l] += cnt * (double)d;
}

static void upd_trans(int k, float d) {
    TW[k] += d;
    TU[k] += cnt * (double)d;
}

static void update_seq(const run *r, const uint8_t *y, float d) {
    for (int j = 0; j < r->n; j++) {
        const uint32_t *f = r->feat + (size_t)j * FSTRIDE;
        for (int k = 0; k < r->nf[j]; k++) upd_feat(f[k], y[j], d);
        upd_trans(j ? y[j - 1] * NL + y[j] : NL * NL + y[j], d);
    }
    upd_trans((NL + 1) * NL + y[r->n - 1], d);
}

static void train_run(const run *r, float *emit, uint8_t *bp, uint8_t *pred, uint8_t *gold) {
    emissions(r, W, emit);
    nr_viterbi(emit, TW, TW + (NL + 1) * NL, NULL, r->n, bp, pred);
    const uint8_t *g = r->gold;
    if (r->gmask) {
        if (nr_viterbi(emit, TW, TW + (NL + 1) * NL, r->gmask, r->n, bp, gold) == 0) g = gold;
    }
    if (memcmp(pred, g, (size_t)r->n) != 0) {
        update_seq(r, g, r->w);
        update_seq(r, pred, -r->w);
    }
    cnt += 1;
}

static uint64_t rng;
static uint64_t xorshift(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Forget the runs, features and weights (between the two models). */
static void reset_model(void) {
    for (size_t r = 0; r < nrun; r++) {
        free(runs[r].feat);
        free(runs[r].nf);
        free(runs[r].gold);
        free(runs[r].gmask);
    }
    nrun = 0;
    free(featmap.key);
    free(featmap.val);
    memset(&featmap, 0, sizeof featmap);
    free(W);
    free(U);
    W = NULL;
    U = NULL;
    memset(TW, 0, sizeof TW);
    memset(TU, 0, sizeof TU);
    cnt = 1;
    forced = 0;
}

/* Runs of sentences in this jackknife group are left out (-1: none). */
static int skip_group = -1;
static const int *sent_group;

static void train_epochs(int iters, size_t *order, float *emit, uint8_t *bp, uint8_t *pred, uint8_t *gold) {
    for (int it = 0; it < iters; it++) {
        for (size_t r = nrun; r > 1; r--) {
            size_t j = (size_t)(xorshift() % r);
            size_t tmp = order[r - 1];
            order[r - 1] = order[j];
            order[j] = tmp;
        }
        for (size_t r = 0; r < nrun; r++) {
            const run *x = &runs[order[r]];
            if (skip_group >= 0 && sent_group[x->sent] == skip_group) continue;
            train_run(x, emit, bp, pred, gold);
        }
    }
}

/* ---- news statistics from a context-only model ----------------------------
 * A model that never sees a word's own form labels the unlabeled news; for
 * every word, the share of its capitalized uses inside sentences that it
 * put in each type of name becomes the word's NR_LEX_AGG bits.  A name
 * the training data never showed ("Gregoire") is then known from the
 * company it keeps across four million words of news ("Gov. Gregoire
 * said"), which no single sentence gives. */

static uint32_t (*agg)[NER_NTYPE + 1]; /* per lexicon id: O, PER, ORG, LOC, MISC */
static size_t aggcap;

static void agg_count(long id, int what) {
    if ((size_t)id >= aggcap) {
        size_t nc = aggcap ? aggcap : 1u << 16;
        while (nc <= (size_t)id) nc *= 2;
        agg = xrealloc(agg, nc * sizeof *agg);
        memset(agg + aggcap, 0, (nc - aggcap) * sizeof *agg);
        aggcap = nc;
    }
    agg[id][what]++;
}

static float *AW; /* averaged weights of the context-only model */
static float ATW[NT];

static void agg_sentence(const char *const *forms, const size_t *lens, const uint8_t *upos, const uint8_t *xpos,
                         int n, nr_tok *t, float *emit, uint8_t *bp, uint8_t *lab) {
    nr_prep(t, forms, lens, upos, xpos, NULL, n, lex_fn, NULL);
    uint64_t fh[NER_MAXFEAT];
    int i = 0;
    while (i < n) {
        if (!t[i].cand) {
            lab[i++] = NER_O;
            continue;
        }
        int a = i;
        while (i < n && t[i].cand) i++;
        for (int j = a; j < i; j++) {
            float *e = emit + (size_t)(j - a) * NL;
            memset(e, 0, NL * sizeof *e);
            int nf = nr_feats_ctx(t, n, j, fh);
            for (int k = 0; k < nf; k++) {
                long id = hm_get(&featmap, fh[k], 0);
                if (id < 0) continue;
                for (int l = 0; l < NL; l++) e[l] += AW[(size_t)id * NL + (size_t)l];
            }
        }
        nr_viterbi(emit, ATW, ATW + (NL + 1) * NL, NULL, i - a, bp, lab + a);
    }
    for (int j = 0; j < n; j++) {
        int c = t[j].cls;
        if ((c & NR_C_FIRST) || ((c & 7) != NR_C_UPPER && (c & 7) != NR_C_CAPS && (c & 7) != NR_C_MIXED)) continue;
        agg_count(lex_add(forms[j], lens[j]), lab[j] == NER_O ? 0 : 1 + NER_LTYPE(lab[j]));
    }
}

static void agg_jsonl(const char *path, const tagger *tg) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open an --unlabeled file");
    char *line = NULL, *buf = NULL;
    size_t lcap = 0, bcap = 0, scap = 0;
    ssize_t got;
    dyad_doc *d;
    if (dyad_doc_new(&d)) die("out of memory");
    const char **forms = NULL;
    size_t *lens = NULL;
    uint8_t *upos = NULL, *xpos = NULL, *lab = NULL, *bp = NULL;
    nr_tok *t = NULL;
    float *emit = NULL;
    while ((got = getline(&line, &lcap, f)) > 0) {
        if ((size_t)got * 3 + 1 > bcap) {
            bcap = (size_t)got * 3 + 1;
            buf = xrealloc(buf, bcap);
        }
        size_t n = nd_json_text(line, buf);
        if (!n) continue;
        dyad_doc_reset(d);
        if (dyad_doc_set_text(d, buf, n) || tok_run(d) || sent_run(d) || tagger_run(tg, d)) continue;
        for (size_t k = 0; k < d->nsent; k++) {
            size_t a = d->sents[k].first, b = d->sents[k].last;
            if (b <= a || b > d->ntok) continue;
            size_t m = b - a;
            if (m > scap) {
                scap = m * 2;
                forms = xrealloc(forms, scap * sizeof *forms);
                lens = xrealloc(lens, scap * sizeof *lens);
                upos = xrealloc(upos, scap);
                xpos = xrealloc(xpos, scap);
                lab = xrealloc(lab, scap);
                bp = xrealloc(bp, scap * NL);
                t = xrealloc(t, scap * sizeof *t);
                emit = xrealloc(emit, scap * NL * sizeof *emit);
            }
            for (size_t j = 0; j < m; j++) {
                const tok *tk = &d->toks[a + j];
                forms[j] = d->text + tk->start;
                lens[j] = tk->end - tk->start;
                upos[j] = d->an[a + j].upos;
                xpos[j] = d->an[a + j].xpos;
            }
            agg_sentence(forms, lens, upos, xpos, (int)m, t, emit, bp, lab);
        }
    }
    dyad_doc_free(d);
    free(line);
    free(buf);
    free(forms);
    free(lens);
    free(upos);
    free(xpos);
    free(lab);
    free(bp);
    free(t);
    free(emit);
    fclose(f);
}

/* The same over the sentences of a CoNLL-U file (its words, tagged by the
 * tagger as at run time). */
static void agg_conllu(const char *path, const tagger *tg) {
    cu_corpus cc;
    char err[256];
    if (cu_read(&cc, path, err, sizeof err)) die(err);
    int cap = 0;
    const char **forms = NULL;
    size_t *lens = NULL;
    uint8_t *upos = NULL, *xpos = NULL, *lab = NULL, *bp = NULL;
    nr_tok *t = NULL;
    float *emit = NULL;
    for (size_t i = 0; i < cc.n; i++) {
        const cu_sent *cs = &cc.s[i];
        int m = cs->n;
        if (m <= 0) continue;
        if (m > cap) {
            cap = m * 2;
            forms = xrealloc(forms, (size_t)cap * sizeof *forms);
            lens = xrealloc(lens, (size_t)cap * sizeof *lens);
            upos = xrealloc(upos, (size_t)cap);
            xpos = xrealloc(xpos, (size_t)cap);
            lab = xrealloc(lab, (size_t)cap);
            bp = xrealloc(bp, (size_t)cap * NL);
            t = xrealloc(t, (size_t)cap * sizeof *t);
            emit = xrealloc(emit, (size_t)cap * NL * sizeof *emit);
        }
        for (int j = 0; j < m; j++) {
            forms[j] = cs->w[j].form;
            lens[j] = strlen(cs->w[j].form);
        }
        if (tagger_tag_words(tg, forms, lens, m, upos, xpos, NULL, NULL, NULL, 0)) die("tagging failed");
        agg_sentence(forms, lens, upos, xpos, m, t, emit, bp, lab);
    }
    free(forms);
    free(lens);
    free(upos);
    free(xpos);
    free(lab);
    free(bp);
    free(t);
    free(emit);
    cu_free(&cc);
}

static void agg_apply(int minuses) {
    size_t nset = 0;
    for (size_t id = 0; id < lexmap.n && id < aggcap; id++) {
        uint32_t tot = 0;
        for (int k = 0; k <= NER_NTYPE; k++) tot += agg[id][k];
        if (tot < (uint32_t)minuses) continue;
        uint32_t v = NR_LEX_HASAGG;
        for (int ty = 0; ty < NER_NTYPE; ty++) {
            double p = (double)agg[id][ty + 1] / (double)tot;
            uint32_t bkt = p < 0.10 ? 0 : p < 0.40 ? 1 : p < 0.75 ? 2 : 3;
            v |= bkt << (15 + 2 * ty);
        }
        lex_val[id] = (lex_val[id] & ~((uint64_t)0x1ff << 15)) | v;
        nset++;
    }
    fprintf(stderr, "news statistics for %zu words\n", nset);
}

/* ---- image ------------------------------------------------------------------ */

static uint32_t pow2_at_least(size_t n) {
    uint32_t p = 1;
    while (p < n) p <<= 1;
    return p;
}

/* One stage's sections, packed from the averaged weights. */
typedef struct stage_sec {
    nr_meta meta;
    nr_fslot *ftab;
    strbuf wts;
    float trans[NT];
} stage_sec;

static void free_stage(stage_sec *o) {
    free(o->ftab);
    sb_free(&o->wts);
    memset(o, 0, sizeof *o);
}

static void pack_stage(stage_sec *o, size_t nfeat) {
    free_stage(o);
    /* Averaged weights and their range. */
    float *avg = xcalloc(nfeat * NL, sizeof *avg);
    double mx = 0;
    for (size_t i = 0; i < nfeat * NL; i++) {
        avg[i] = (float)((double)W[i] - U[i] / cnt);
        if (fabs((double)avg[i]) > mx) mx = fabs((double)avg[i]);
    }
    float scale = mx > 0 ? (float)(32000.0 / mx) : 1.0f;
    strbuf wts;
    sb_init(&wts);
    uint32_t zero = 0;
    sb_putn(&wts, (const char *)&zero, 4); /* offset 0 means empty */
    uint32_t *off = xcalloc(nfeat, sizeof *off);
    size_t kept = 0;
    for (size_t f = 0; f < nfeat; f++) {
        int16_t q[NL + 1];
        int nz = 0;
        for (int l = 0; l < NL; l++) {
            double v = round((double)avg[f * NL + (size_t)l] * (double)scale);
            if (v > 32767) v = 32767;
            if (v < -32767) v = -32767;
            q[l] = (int16_t)v;
            nz += q[l] != 0;
        }
        q[NL] = 0;
        if (!nz) continue;
        if (wts.len / 4 > UINT32_MAX - 64) die("weights too large");
        off[f] = (uint32_t)(wts.len / 4);
        kept++;
        if (nz * 2 > NL + 1) {
            uint32_t words = (NL + 1) / 2;
            uint32_t h = NR_DENSE | words;
            sb_putn(&wts, (const char *)&h, 4);
            sb_putn(&wts, (const char *)q, words * 4);
        } else {
            uint32_t h = (uint32_t)nz;
            sb_putn(&wts, (const char *)&h, 4);
            for (int l = 0; l < NL; l++)
                if (q[l]) {
                    uint32_t e = (uint32_t)l | (uint32_t)(uint16_t)q[l] << 16;
                    sb_putn(&wts, (const char *)&e, 4);
                }
        }
    }
    if (wts.oom) die("out of memory");
    uint32_t fslots = pow2_at_least(kept * 3 / 2 + 16), fprobe = 0;
    nr_fslot *ftab = xcalloc(fslots, sizeof *ftab);
    for (size_t f = 0; f < nfeat; f++) {
        if (!off[f]) continue;
        uint64_t h = fhash[f];
        uint32_t i = (uint32_t)h & (fslots - 1), p = 0;
        while (ftab[i].off) {
            i = (i + 1) & (fslots - 1);
            p++;
        }
        ftab[i].fp = (uint32_t)(h >> 32);
        ftab[i].off = off[f];
        if (p > fprobe) fprobe = p;
    }
    for (int k = 0; k < NT; k++) o->trans[k] = (float)((double)TW[k] - TU[k] / cnt);
    memset(&o->meta, 0, sizeof o->meta);
    o->meta.nlabel = NL;
    o->meta.fslots = fslots;
    o->meta.fprobe = fprobe;
    o->meta.nfeat = (uint32_t)kept;
    o->meta.scale = scale;
    o->ftab = ftab;
    o->wts = wts;
    free(avg);
    free(off);
}

/* The image: stage s1, the lexicon, and stage s2 when not NULL. */
static void write_image(strbuf *img, const stage_sec *s1, const stage_sec *s2) {
    size_t nlex = 0;
    for (size_t id = 0; id < lexmap.n; id++) nlex += lex_val[id] != 0;
    uint32_t lslots = pow2_at_least(nlex * 2 + 16), lprobe = 0;
    nr_lslot *ltab = xcalloc(lslots, sizeof *ltab);
    for (size_t id = 0; id < lexmap.n; id++) {
        if (!lex_val[id]) continue;
        uint32_t i = (uint32_t)lex_key[id] & (lslots - 1), p = 0;
        while (ltab[i].key) {
            i = (i + 1) & (lslots - 1);
            p++;
        }
        ltab[i].key = lex_key[id];
        ltab[i].val = lex_val[id];
        if (p > lprobe) lprobe = p;
    }
    nr_meta meta = s1->meta;
    meta.lslots = lslots;
    meta.lprobe = lprobe;
    meta.fset = s2 ? g_fset : g_fset & ~(uint32_t)NR_FS_DOC;
    model_writer w;
    mw_init(&w, "ner", NER_VERSION);
    if (mw_add(&w, "meta", &meta, sizeof meta) ||
        mw_add(&w, "ftab", s1->ftab, (size_t)s1->meta.fslots * sizeof *s1->ftab) ||
        mw_add(&w, "wts", s1->wts.s, s1->wts.len) || mw_add(&w, "trans", s1->trans, sizeof s1->trans) ||
        mw_add(&w, "lex", ltab, (size_t)lslots * sizeof *ltab))
        die("out of memory");
    if (s2 && (mw_add(&w, "meta2", &s2->meta, sizeof s2->meta) ||
               mw_add(&w, "ftab2", s2->ftab, (size_t)s2->meta.fslots * sizeof *s2->ftab) ||
               mw_add(&w, "wts2", s2->wts.s, s2->wts.len) || mw_add(&w, "trans2", s2->trans, sizeof s2->trans)))
        die("out of memory");
    sb_reset(img);
    if (mw_build(&w, img) || img->oom) die("cannot build the image");
    mw_free(&w);
    free(ltab);
}

/* ---- evaluation ----------------------------------------------------------- */

/* Label the sentences of c that sel marks (and of source src, -1 any)
 * document by document, as ner_run would: consecutive sentences of one
 * document go through ner_tag_doc_words together.  pred[i] gets the
 * labels of sentence i (allocated; freed by the caller). */
static void tag_docs(const ner_model *m, const nd_corpus *c, const uint8_t *sel, int src, uint8_t **pred) {
    size_t i = 0;
    const char **forms = NULL;
    size_t *lens = NULL, cap = 0;
    uint8_t *upos = NULL, *xpos = NULL, *lab = NULL;
    int *sl = NULL;
    size_t slcap = 0;
    while (i < c->n) {
        if (!sel[i] || (src >= 0 && c->s[i].src != src)) {
            i++;
            continue;
        }
        size_t j = i, nw = 0;
        while (j < c->n && sel[j] && c->s[j].doc == c->s[i].doc && c->s[j].src == c->s[i].src) nw += (size_t)c->s[j++].n;
        if (nw > cap) {
            cap = nw * 2;
            forms = xrealloc(forms, cap * sizeof *forms);
            lens = xrealloc(lens, cap * sizeof *lens);
            upos = xrealloc(upos, cap);
            xpos = xrealloc(xpos, cap);
            lab = xrealloc(lab, cap);
        }
        if (j - i > slcap) {
            slcap = (j - i) * 2;
            sl = xrealloc(sl, slcap * sizeof *sl);
        }
        size_t o = 0;
        for (size_t k = i; k < j; k++) {
            const nd_sent *s = &c->s[k];
            sl[k - i] = s->n;
            memcpy(forms + o, s->forms, (size_t)s->n * sizeof *forms);
            memcpy(lens + o, s->lens, (size_t)s->n * sizeof *lens);
            memcpy(upos + o, s->upos, (size_t)s->n);
            memcpy(xpos + o, s->xpos, (size_t)s->n);
            o += (size_t)s->n;
        }
        if (ner_tag_doc_words(m, forms, lens, upos, xpos, NULL, (int)nw, sl, (int)(j - i), lab)) die("ner_tag_doc_words failed");
        o = 0;
        for (size_t k = i; k < j; k++) {
            pred[k] = xrealloc(pred[k], (size_t)c->s[k].n + 1);
            memcpy(pred[k], lab + o, (size_t)c->s[k].n);
            o += (size_t)c->s[k].n;
        }
        i = j;
    }
    free(forms);
    free(lens);
    free(upos);
    free(xpos);
    free(lab);
    free(sl);
}

static double evaluate(const ner_model *m, const nd_corpus *c, const uint8_t *held, int src, nd_score *out) {
    nd_score sc;
    memset(&sc, 0, sizeof sc);
    uint8_t **pred = xcalloc(c->n, sizeof *pred);
    tag_docs(m, c, held, src, pred);
    for (size_t i = 0; i < c->n; i++) {
        if (!pred[i]) continue;
        nd_count(&sc, c->s[i].gold, pred[i], c->s[i].n, c->s[i].src == ND_UNER);
        free(pred[i]);
    }
    free(pred);
    if (out) *out = sc;
    return nd_total_f1(&sc);
}

/* ---- silver names (--silver-conllu) ------------------------------------------
 * Distant supervision from a treebank without names: the candidate names
 * are its gold proper-noun groups -- PROPN words joined by flat or
 * compound relations, or a PROPN nmod attached through "of", "for" or
 * "de" to the PROPN just before it ("Bank of America") -- and their types
 * come from a model (--silver-model, trained without these sentences) run
 * over the sentence as at run time.  A group the model leaves O, or calls
 * MISC (which UNER does not annotate), is O; a person's leading titles are
 * cut as in GUM.  --silver-mode: 1 every sentence, the model's names
 * outside any group kept; 2 only sentences where every group gets one
 * type and the model names nothing outside the groups (its boundaries
 * corrected to the groups'); 3 as 2, but every name the model found must
 * already have the group's exact boundaries (agreement only); modes 2 and
 * 3 also drop sentences with a group of two types or with words between
 * its parts.  --silver-vote 1: every occurrence of a group's words takes
 * the type the model gave most of its occurrences in the file (below).
 * The silver sentences train the final model only (not the gate flags nor
 * the news statistics), each update scaled by --silver-weight (the runs'
 * step).  --silver-dump writes the silver labels as IOB2, for checking
 * them against UNER on a treebank file UNER annotates. */

static int is_connector_of(const char *f) {
    return !strcmp(f, "of") || !strcmp(f, "for") || !strcmp(f, "de") || !strcmp(f, "Of");
}

static int uf_find(int *p, int i) {
    while (p[i] != i) i = p[i] = p[p[i]];
    return i;
}

static long silver_stat[8]; /* sentences read, kept; groups; exact; corrected; O; ambiguous; outside */

/* The words of a group as one key ("Bank of America"). */
static uint64_t group_hash(const cu_sent *cs, int a, int b) {
    uint64_t h = 1469598103934665603ULL;
    for (int j = a; j <= b; j++) {
        for (const char *q = cs->w[j].form; *q; q++) h = (h ^ (unsigned char)*q) * 1099511628211ULL;
        h = (h ^ ' ') * 1099511628211ULL;
    }
    return h;
}

static void read_silver(nd_corpus *c, const char *path, const char *model_path, const tagger *tg, int mode,
                        int vote, FILE *dump) {
    /* --silver-vote: a first pass counts the model's type for every
     * occurrence of each group's words in the whole file (O, PER, ORG,
     * LOC, MISC); every occurrence then takes the majority type, so the
     * contexts where the model was wrong about a frequent name teach it. */
    hmap vmap;
    memset(&vmap, 0, sizeof vmap);
    uint32_t (*votes)[NER_NTYPE + 1] = NULL;
    size_t vcap = 0;
    long changed = 0;
    ner_model *sm;
    char err[256];
    if (ner_open_file(&sm, model_path, err, sizeof err)) die(err);
    cu_corpus cc;
    if (cu_read(&cc, path, err, sizeof err)) die(err);
    int cap = 0;
    const char **forms = NULL;
    size_t *lens = NULL;
    uint8_t *upos = NULL, *xpos = NULL, *pred = NULL, *lab = NULL;
    int *par = NULL, *ga = NULL, *gb = NULL, (*ps)[3] = NULL;
    int passes = vote ? 2 : 1;
    for (int pass = 0; pass < passes; pass++) {
        int last = pass == passes - 1;
        for (size_t si = 0; si < cc.n; si++) {
            const cu_sent *cs = &cc.s[si];
            int n = cs->n;
            if (n <= 0 || n > ND_MAXW) continue;
            if (cs->newdoc && last) c->ndoc++;
            if (n > cap) {
                cap = n * 2;
                forms = xrealloc(forms, (size_t)cap * sizeof *forms);
                lens = xrealloc(lens, (size_t)cap * sizeof *lens);
                upos = xrealloc(upos, (size_t)cap);
                xpos = xrealloc(xpos, (size_t)cap);
                pred = xrealloc(pred, (size_t)cap);
                lab = xrealloc(lab, (size_t)cap);
                par = xrealloc(par, (size_t)cap * sizeof *par);
                ga = xrealloc(ga, (size_t)cap * sizeof *ga);
                gb = xrealloc(gb, (size_t)cap * sizeof *gb);
                ps = xrealloc(ps, (size_t)(cap + 1) * sizeof *ps);
            }
            silver_stat[0] += last;
            for (int j = 0; j < n; j++) {
                forms[j] = cs->w[j].form;
                lens[j] = strlen(cs->w[j].form);
            }
            if (tagger_tag_words(tg, forms, lens, n, upos, xpos, NULL, NULL, NULL, 0)) die("tagging failed");
            if (ner_tag_words(sm, forms, lens, upos, xpos, NULL, n, pred)) die("silver model failed");
            /* Proper-noun groups. */
            for (int j = 0; j < n; j++) par[j] = j;
            for (int j = 0; j < n; j++) {
                const cu_word *w = &cs->w[j];
                int h = w->head - 1;
                if (strcmp(w->upos, "PROPN") || h < 0 || h >= n || strcmp(cs->w[h].upos, "PROPN")) continue;
                int link = !strncmp(w->deprel, "flat", 4) || !strcmp(w->deprel, "compound");
                if (!link && !strncmp(w->deprel, "nmod", 4) && h == j - 2 && is_connector_of(cs->w[j - 1].form))
                    link = 1;
                if (link) par[uf_find(par, j)] = uf_find(par, h);
            }
            for (int j = 0; j < n; j++) ga[j] = n, gb[j] = -1;
            for (int j = 0; j < n; j++) {
                if (strcmp(cs->w[j].upos, "PROPN")) continue;
                int r = uf_find(par, j);
                if (j < ga[r]) ga[r] = j;
                if (j > gb[r]) gb[r] = j;
            }
            memset(lab, NER_O, (size_t)n);
            int np = nd_spans(pred, n, ps), ok = 1;
            uint8_t *covered = xcalloc((size_t)n + 1, 1);
            for (int r = 0; r < n; r++) {
                if (gb[r] < 0) continue;
                int a = ga[r], b = gb[r];
                /* A group whose words are not contiguous (other words than the
                 * connector between them): its pieces are not trusted. */
                int contiguous = 1;
                for (int j = a; j <= b; j++)
                    if (uf_find(par, j) != r && !(strcmp(cs->w[j].upos, "PROPN") && is_connector_of(cs->w[j].form)))
                        contiguous = 0;
                silver_stat[2] += last;
                if (!contiguous) {
                    ok = 0;
                    silver_stat[6] += last;
                    continue;
                }
                for (int j = a; j <= b; j++) covered[j] = 1;
                int t = -1, exact = 0, amb = 0;
                for (int k = 0; k < np; k++) {
                    if (ps[k][1] < a || ps[k][0] > b) continue;
                    if (ps[k][0] == a && ps[k][1] == b) exact = 1;
                    if (t >= 0 && t != ps[k][2]) amb = 1;
                    t = ps[k][2];
                }
                if (amb) {
                    ok = 0;
                    silver_stat[6] += last;
                    /* Mode 1: the type of the model's name over the group's last word. */
                    t = pred[b] != NER_O ? NER_LTYPE(pred[b]) : -1; /* NER_PER is 0: types are not labels */
                }
                if (vote) {
                    long vi = hm_get(&vmap, group_hash(cs, a, b), !last);
                    if (!last) {
                        if ((size_t)vi >= vcap) {
                            size_t nc = vcap ? vcap * 2 : 4096;
                            votes = xrealloc(votes, nc * sizeof *votes);
                            memset(votes + vcap, 0, (nc - vcap) * sizeof *votes);
                            vcap = nc;
                        }
                        votes[vi][t < 0 ? 0 : 1 + t]++;
                        continue;
                    }
                    int bt = t < 0 ? 0 : 1 + t;
                    for (int k = 0; k <= NER_NTYPE; k++)
                        if (votes[vi][k] > votes[vi][bt]) bt = k;
                    if (bt != (t < 0 ? 0 : 1 + t)) {
                        changed++;
                        exact = 0;
                    }
                    t = bt - 1;
                }
                if (amb && t < 0) continue;
                if (t < 0 || t == NER_MISC) {
                    silver_stat[5]++;
                    if (t == NER_MISC && !exact && mode == 3) ok = 0;
                    continue;
                }
                if (exact) silver_stat[3]++;
                else {
                    silver_stat[4]++;
                    if (mode == 3) ok = 0;
                }
                if (t == NER_PER)
                    while (a < b && nd_title(cs->w[a].form)) a++;
                lab[a] = (uint8_t)NER_LABEL(t, a == b ? NER_PU : NER_PB);
                for (int j = a + 1; j < b; j++) lab[j] = (uint8_t)NER_LABEL(t, NER_PI);
                if (b > a) lab[b] = (uint8_t)NER_LABEL(t, NER_PL);
            }
            if (!last) continue;
            /* The model's names outside every group. */
            for (int k = 0; k < np; k++) {
                int in = 0;
                for (int j = ps[k][0]; j <= ps[k][1]; j++) in |= covered[j];
                if (in || ps[k][2] == NER_MISC) continue;
                silver_stat[7]++;
                ok = 0;
                if (mode == 1)
                    for (int j = ps[k][0]; j <= ps[k][1]; j++) lab[j] = pred[j];
            }
            free(covered);
            if (mode != 1 && !ok) continue;
            silver_stat[1]++;
            nd_sent *s = nd_push(c, n, ND_UNER);
            for (int j = 0; j < n; j++) {
                s->forms[j] = nd_strndup(forms[j], lens[j]);
                s->lens[j] = lens[j];
                s->gold[j] = lab[j];
            }
            if (dump) {
                fprintf(dump, "# sent_id = %s\n", cs->sent_id ? cs->sent_id : "");
                for (int j = 0; j < n; j++) {
                    int l = lab[j];
                    const char *bi = l == NER_O ? "O" : NER_LPOS(l) == NER_PB || NER_LPOS(l) == NER_PU ? "B-" : "I-";
                    fprintf(dump, "%d\t%s\t%s%s\n", j + 1, forms[j], bi, l == NER_O ? "" : ner_type_names[NER_LTYPE(l)]);
                }
                fputc('\n', dump);
            }
        }
    }
    if (vote) fprintf(stderr, "silver vote: %zu group names, %ld occurrences retyped\n", vmap.n, changed);
    free(votes);
    free(vmap.key);
    free(vmap.val);
    fprintf(stderr,
            "silver %s: %ld of %ld sentences kept; %ld groups: %ld as the model's name, %ld boundaries corrected, "
            "%ld O, %ld ambiguous; %ld model names outside groups\n",
            path, silver_stat[1], silver_stat[0], silver_stat[2], silver_stat[3], silver_stat[4], silver_stat[5],
            silver_stat[6], silver_stat[7]);
    free(forms);
    free(lens);
    free(upos);
    free(xpos);
    free(pred);
    free(lab);
    free(par);
    free(ga);
    free(gb);
    free(ps);
    cu_free(&cc);
    ner_close(sm);
}

/* ---- main ------------------------------------------------------------------- */

int main(int argc, char **argv) {
    const char *tagger_path = NULL, *out = NULL, *dump_path = NULL, *gum = NULL, *wiki = NULL, *gaz_path = NULL;
    const char *uner[8], *unl[8], *unlc[8], *dicts[8];
    const char *names[8];
    int nnames = 0;
    int iters2 = 0, ensemble = 1;
    int ndict = 0, agg_cu = 0, uner_w = 1, wiki_w = 1, silver_mode = 2, silver_vote = 0;
    const char *silver = NULL, *silver_model = NULL, *silver_dump = NULL;
    float silver_w = 1.0f;
    int nuner = 0, nunl = 0, nunlc = 0, iters = 15, holdout = 0, fold = -1, pick_last = 0, misc_free = 0, agg_iters = 8, agg_min = 3, caps_every = 5;
    unsigned long seed = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--misc-latent")) {
            misc_free = 1;
            continue;
        }
        if (!v) die("missing option value");
        i++;
        if (!strcmp(a, "--tagger")) tagger_path = v;
        else if (!strcmp(a, "--out")) out = v;
        else if (!strcmp(a, "--gum")) gum = v;
        else if (!strcmp(a, "--wikigold")) wiki = v;
        else if (!strcmp(a, "--uner") && nuner < 8) uner[nuner++] = v;
        else if (!strcmp(a, "--unlabeled") && nunl < 8) unl[nunl++] = v;
        else if (!strcmp(a, "--unlabeled-conllu") && nunlc < 8) unlc[nunlc++] = v;
        else if (!strcmp(a, "--iters")) iters = atoi(v);
        else if (!strcmp(a, "--seed")) seed = strtoul(v, NULL, 10);
        else if (!strcmp(a, "--holdout-uner")) holdout = atoi(v);
        else if (!strcmp(a, "--fold")) fold = atoi(v);
        else if (!strcmp(a, "--doc-iters")) iters2 = atoi(v);
        else if (!strcmp(a, "--ensemble")) ensemble = atoi(v);
        else if (!strcmp(a, "--names") && nnames < 8) names[nnames++] = v;
        else if (!strcmp(a, "--uner-weight")) uner_w = atoi(v);
        else if (!strcmp(a, "--wiki-weight")) wiki_w = atoi(v);
        else if (!strcmp(a, "--strip-titles")) nd_strip_titles = atoi(v);
        else if (!strcmp(a, "--agg-conllu")) agg_cu = atoi(v);
        else if (!strcmp(a, "--fset")) g_fset = (uint32_t)strtoul(v, NULL, 0);
        else if (!strcmp(a, "--dict") && ndict < 8) dicts[ndict++] = v;
        else if (!strcmp(a, "--pick")) pick_last = !strcmp(v, "last");
        else if (!strcmp(a, "--dump")) dump_path = v;
        else if (!strcmp(a, "--silver-conllu")) silver = v;
        else if (!strcmp(a, "--silver-model")) silver_model = v;
        else if (!strcmp(a, "--silver-mode")) silver_mode = atoi(v);
        else if (!strcmp(a, "--silver-weight")) silver_w = strtof(v, NULL);
        else if (!strcmp(a, "--silver-dump")) silver_dump = v;
        else if (!strcmp(a, "--silver-vote")) silver_vote = atoi(v);
        else if (!strcmp(a, "--agg-iters")) agg_iters = atoi(v);
        else if (!strcmp(a, "--gazetteer")) gaz_path = v;
        else if (!strcmp(a, "--caps-every")) caps_every = atoi(v);
        else if (!strcmp(a, "--agg-min")) agg_min = atoi(v);
        else die("unknown option (see the header of tools/train_ner.c)");
    }
    if (!tagger_path || !out) die("--tagger and --out are required");
    double t0 = now();
    char err[256];
    tagger *tg;
    if (tagger_open_file(&tg, tagger_path, err, sizeof err)) die(err);
    g_tagger = tg;
    if (gaz_path && gaz_open_file(&g_gaz, gaz_path, err, sizeof err)) die(err);

    /* Training and held-out sentences. */
    nd_corpus c;
    memset(&c, 0, sizeof c);
    for (int k = 0; k < nuner; k++) nd_read_uner(&c, uner[k]);
    size_t n_uner = c.n;
    if (gum) nd_read_gum(&c, gum, "train", NULL);
    size_t n_gumtrain = c.n;
    if (wiki) nd_read_conll(&c, wiki);
    size_t n_train_end = c.n;
    if (gum) nd_read_gum(&c, gum, "dev", NULL);
    uint8_t *train = xcalloc(c.n, 1), *held = xcalloc(c.n, 1);
    for (size_t i = 0; i < c.n; i++) {
        if (i < n_uner && holdout > 0 && c.s[i].doc % holdout == (fold >= 0 ? fold : holdout - 1)) held[i] = 1;
        else if (i < n_train_end) train[i] = 1;
        else held[i] = 1;
    }
    (void)n_gumtrain;
    /* Wire headlines come in capitals: every CAPS-th training sentence is
     * added again in capitals (ASCII letters), so the model learns what a
     * capitals sentence (NR_C_CAPSENT) looks like. */
    if (caps_every > 0) {
        size_t n0 = c.n;
        for (size_t i = 0; i < n0; i++) {
            if (!train[i] || i % (size_t)caps_every != 0) continue;
            nd_sent *src = &c.s[i];
            int nw = src->n, doc = src->doc, kind = src->src;
            nd_sent *d = nd_push(&c, nw, kind);
            src = &c.s[i]; /* nd_push may move the array */
            (void)doc;
            d->doc = ++c.ndoc; /* a document of its own: no document memory shared with its source */
            for (int j = 0; j < nw; j++) {
                char *w = nd_strndup(src->forms[j], src->lens[j]);
                for (char *q = w; *q; q++)
                    if (*q >= 'a' && *q <= 'z') *q = (char)(*q - 32);
                d->forms[j] = w;
                d->lens[j] = src->lens[j];
                d->gold[j] = src->gold[j];
            }
        }
        train = xrealloc(train, c.n);
        held = xrealloc(held, c.n);
        for (size_t i = n0; i < c.n; i++) {
            train[i] = 1;
            held[i] = 0;
        }
    }
    /* Silver sentences last: neither train nor held (the final runs only). */
    size_t n_silver0 = c.n;
    if (silver) {
        if (!silver_model) die("--silver-conllu needs --silver-model");
        FILE *sd = silver_dump ? fopen(silver_dump, "w") : NULL;
        if (silver_dump && !sd) die("cannot write --silver-dump");
        read_silver(&c, silver, silver_model, tg, silver_mode, silver_vote, sd);
        if (sd) fclose(sd);
        train = xrealloc(train, c.n);
        held = xrealloc(held, c.n);
        memset(train + n_silver0, 0, c.n - n_silver0);
        memset(held + n_silver0, 0, c.n - n_silver0);
    }
    nd_tag(&c, tg);
    size_t ntr = 0, nho = 0, wtr = 0;
    for (size_t i = 0; i < c.n; i++) {
        ntr += train[i];
        nho += held[i];
        if (train[i]) wtr += (size_t)c.s[i].n;
    }
    fprintf(stderr, "sentences: %zu train (%zu words), %zu held out; %.1f s\n", ntr, wtr, nho, now() - t0);

    /* Lexicon: every word of the training text and the unlabeled text. */
    for (size_t i = 0; i < c.n; i++)
        if (train[i])
            for (int j = 0; j < c.s[i].n; j++) lex_add(c.s[i].forms[j], c.s[i].lens[j]);
    for (int k = 0; k < nunl; k++) lex_jsonl(unl[k]);
    for (int k = 0; k < nunlc; k++) lex_conllu(unlc[k]);
    for (int k = 0; k < ndict; k++) lex_dict(dicts[k]);
    /* the first list is female, the second male (scripts/train_ner.sh);
     * any further list gives NR_LEX_GIVEN alone */
    for (int k = 0; k < nnames; k++) lex_names(names[k], k == 0 ? NR_LEX_FEMALE : k == 1 ? NR_LEX_MALE : 0);
    names_gender(unl, nunl);
    lex_flags(&c, train);
    fprintf(stderr, "lexicon built; %.1f s\n", now() - t0);

    rng = seed * 0x9E3779B97F4A7C15ULL + 1;
    if (agg_iters > 0 && nunl) {
        /* The context-only model, then its statistics over the news. */
        for (size_t i = 0; i < c.n; i++)
            if (train[i]) add_runs(&c.s[i], i, misc_free, 1);
        size_t nf0 = featmap.n;
        W = xcalloc(nf0 * NL, sizeof *W);
        U = xcalloc(nf0 * NL, sizeof *U);
        int mx = 1;
        for (size_t r = 0; r < nrun; r++)
            if (runs[r].n > mx) mx = runs[r].n;
        float *em = xcalloc((size_t)mx * NL, sizeof *em);
        uint8_t *b0 = xcalloc((size_t)mx * NL, 1), *p0 = xcalloc((size_t)mx, 1), *g0 = xcalloc((size_t)mx, 1);
        size_t *ord = xcalloc(nrun, sizeof *ord);
        for (size_t r = 0; r < nrun; r++) ord[r] = r;
        train_epochs(agg_iters, ord, em, b0, p0, g0);
        AW = xcalloc(nf0 * NL, sizeof *AW);
        for (size_t k = 0; k < nf0 * NL; k++) AW[k] = (float)((double)W[k] - U[k] / cnt);
        for (int k = 0; k < NT; k++) ATW[k] = (float)((double)TW[k] - TU[k] / cnt);
        free(em);
        free(b0);
        free(p0);
        free(g0);
        free(ord);
        fprintf(stderr, "context-only model: %zu features; %.1f s\n", nf0, now() - t0);
        for (int k = 0; k < nunl; k++) agg_jsonl(unl[k], tg);
        if (agg_cu)
            for (int k = 0; k < nunlc; k++) agg_conllu(unlc[k], tg);
        agg_apply(agg_min);
        fprintf(stderr, "news labeled; %.1f s\n", now() - t0);
        free(AW);
        reset_model();
    }

    /* Runs and their features. */
    size_t ncand = 0;
    for (size_t i = 0; i < c.n; i++)
        if (train[i])
            for (int rep = 0; rep < (c.s[i].src == ND_UNER ? uner_w : c.s[i].src == ND_WIKI ? wiki_w : 1); rep++)
                add_runs(&c.s[i], i, misc_free, 0);
    g_runw = silver_w;
    for (size_t i = n_silver0; i < c.n; i++) add_runs(&c.s[i], i, misc_free, 0);
    g_runw = 1.0f;
    for (size_t r = 0; r < nrun; r++) ncand += (size_t)runs[r].n;
    fprintf(stderr, "runs: %zu, %zu candidate words (%.1f%% of train), %ld name words forced; %zu features; %.1f s\n",
            nrun, ncand, 100.0 * (double)ncand / (double)(wtr ? wtr : 1), forced, featmap.n, now() - t0);
    (void)skipped_names;

    size_t nfeat = featmap.n;
    W = xcalloc(nfeat * NL, sizeof *W);
    U = xcalloc(nfeat * NL, sizeof *U);
    int maxn = 1;
    for (size_t i = 0; i < c.n; i++)
        if (c.s[i].n > maxn) maxn = c.s[i].n;
    float *emit = xcalloc((size_t)maxn * NL, sizeof *emit);
    uint8_t *bp = xcalloc((size_t)maxn * NL, 1), *pred = xcalloc((size_t)maxn, 1), *gold = xcalloc((size_t)maxn, 1);
    size_t *order = xcalloc(nrun, sizeof *order);
    for (size_t r = 0; r < nrun; r++) order[r] = r;
    strbuf img, best;
    sb_init(&img);
    sb_init(&best);
    stage_sec st1, st2, best1;
    memset(&st1, 0, sizeof st1);
    memset(&st2, 0, sizeof st2);
    memset(&best1, 0, sizeof best1);
    double bestf = -1;
    int bestit = 0;
    for (int it = 1; it <= iters; it++) {
        train_epochs(1, order, emit, bp, pred, gold);
        pack_stage(&st1, nfeat);
        write_image(&img, &st1, NULL);
        ner_model *m;
        if (ner_open(&m, img.s, img.len, err, sizeof err)) die(err);
        double f = nho ? evaluate(m, &c, held, -1, NULL) : 0;
        double fu = nho ? evaluate(m, &c, held, ND_UNER, NULL) : 0, fg = nho ? evaluate(m, &c, held, ND_GUM, NULL) : 0;
        ner_close(m);
        fprintf(stderr, "iter %2d: held-out F1 %.2f (UNER %.2f, GUM %.2f)  %.1f MB  %.1f s\n", it, f, fu, fg,
                (double)img.len / 1e6, now() - t0);
        if (f > bestf || !nho || pick_last) {
            bestf = f;
            bestit = it;
            sb_reset(&best);
            sb_putn(&best, img.s, img.len);
            stage_sec tmp = best1;
            best1 = st1;
            st1 = tmp;
        }
    }
    if (ensemble > 1) {
        /* More perceptrons over other visiting orders; the image keeps the
         * mean of their averaged weights (less dependent on one order). */
        double *sum = xcalloc(nfeat * NL, sizeof *sum), tsum[NT];
        for (size_t k = 0; k < nfeat * NL; k++) sum[k] = (double)W[k] - U[k] / cnt;
        for (int k = 0; k < NT; k++) tsum[k] = (double)TW[k] - TU[k] / cnt;
        for (int e = 1; e < ensemble; e++) {
            memset(W, 0, nfeat * NL * sizeof *W);
            memset(U, 0, nfeat * NL * sizeof *U);
            memset(TW, 0, sizeof TW);
            memset(TU, 0, sizeof TU);
            cnt = 1;
            for (size_t r = 0; r < nrun; r++) order[r] = r;
            train_epochs(iters, order, emit, bp, pred, gold);
            for (size_t k = 0; k < nfeat * NL; k++) sum[k] += (double)W[k] - U[k] / cnt;
            for (int k = 0; k < NT; k++) tsum[k] += (double)TW[k] - TU[k] / cnt;
        }
        for (size_t k = 0; k < nfeat * NL; k++) W[k] = (float)(sum[k] / ensemble);
        for (int k = 0; k < NT; k++) TW[k] = (float)(tsum[k] / ensemble);
        memset(U, 0, nfeat * NL * sizeof *U);
        memset(TU, 0, sizeof TU);
        cnt = 1;
        free(sum);
        pack_stage(&best1, nfeat);
        write_image(&img, &best1, NULL);
        sb_reset(&best);
        sb_putn(&best, img.s, img.len);
        bestit = iters;
        fprintf(stderr, "ensemble of %d; %.1f s\n", ensemble, now() - t0);
    }
    if ((g_fset & NR_FS_DOC) && iters2 > 0) {
        /* The document stage.  First-stage labels of the training
         * sentences come from models that did not see their document
         * (jackknife over JK groups of documents), as at run time. */
        enum { JK = 5 };
        int *grp = xcalloc(c.n, sizeof *grp);
        for (size_t i = 0; i < c.n; i++) grp[i] = (int)((unsigned)c.s[i].doc % JK);
        sent_group = grp;
        uint8_t **lab1 = xcalloc(c.n, sizeof *lab1);
        for (size_t i = 0; i < c.n; i++)
            if (train[i]) lab1[i] = xcalloc((size_t)c.s[i].n + 1, 1);
        float *avg = xcalloc(nfeat * NL, sizeof *avg);
        float atr[NT];
        for (int g = 0; g < JK; g++) {
            memset(W, 0, nfeat * NL * sizeof *W);
            memset(U, 0, nfeat * NL * sizeof *U);
            memset(TW, 0, sizeof TW);
            memset(TU, 0, sizeof TU);
            cnt = 1;
            skip_group = g;
            train_epochs(iters, order, emit, bp, pred, gold);
            skip_group = -1;
            for (size_t k = 0; k < nfeat * NL; k++) avg[k] = (float)((double)W[k] - U[k] / cnt);
            for (int k = 0; k < NT; k++) atr[k] = (float)((double)TW[k] - TU[k] / cnt);
            for (size_t r = 0; r < nrun; r++) {
                const run *x = &runs[r];
                if (grp[x->sent] != g) continue;
                emissions(x, avg, emit);
                nr_viterbi(emit, atr, atr + (NL + 1) * NL, NULL, x->n, bp, lab1[x->sent] + x->a);
            }
        }
        free(avg);
        /* Stage-two runs: each training document's memory, then its
         * sentences' features. */
        reset_model();
        size_t maxdoc = 0;
        for (size_t i = 0; i < c.n;) {
            size_t j = i, nw = 0;
            while (j < c.n && c.s[j].doc == c.s[i].doc && c.s[j].src == c.s[i].src) nw += (size_t)c.s[j++].n;
            if (nw > maxdoc) maxdoc = nw;
            i = j;
        }
        size_t slots = nr_docmem_slots(maxdoc);
        nr_dent *tab = xcalloc(slots, sizeof *tab);
        nr_tok *tk = xcalloc((size_t)maxn, sizeof *tk);
        for (size_t i = 0; i < c.n;) {
            size_t j = i;
            while (j < c.n && c.s[j].doc == c.s[i].doc && c.s[j].src == c.s[i].src) j++;
            size_t nw = 0;
            for (size_t k = i; k < j; k++) nw += train[k] ? (size_t)c.s[k].n : 0;
            if (nw) {
                nr_docmem dm;
                dm.tab = tab;
                dm.mask = (uint32_t)(nr_docmem_slots(nw) - 1);
                dm.n = 0;
                memset(tab, 0, (size_t)(dm.mask + 1) * sizeof *tab);
                for (size_t k = i; k < j; k++) {
                    if (!train[k]) continue;
                    for (int w = 0; w < c.s[k].n; w++)
                        if (lab1[k][w] != NER_O) nr_docmem_add(&dm, nr_word_hash(c.s[k].forms[w], c.s[k].lens[w]), lab1[k][w]);
                }
                g_dm = &dm;
                for (size_t k = i; k < j; k++) {
                    if (!train[k]) continue;
                    g_lab1 = lab1[k];
                    for (int rep = 0; rep < (c.s[k].src == ND_UNER ? uner_w : c.s[k].src == ND_WIKI ? wiki_w : 1); rep++)
                        add_runs(&c.s[k], k, misc_free, 0);
                }
                g_lab1 = NULL;
                g_dm = NULL;
            }
            i = j;
        }
        free(tab);
        free(tk);
        nfeat = featmap.n;
        fprintf(stderr, "document stage: %zu runs, %zu features; %.1f s\n", nrun, nfeat, now() - t0);
        W = xcalloc(nfeat * NL, sizeof *W);
        U = xcalloc(nfeat * NL, sizeof *U);
        order = xrealloc(order, nrun * sizeof *order);
        for (size_t r = 0; r < nrun; r++) order[r] = r;
        bestf = -1;
        for (int it = 1; it <= iters2; it++) {
            train_epochs(1, order, emit, bp, pred, gold);
            pack_stage(&st2, nfeat);
            write_image(&img, &best1, &st2);
            ner_model *m;
            if (ner_open(&m, img.s, img.len, err, sizeof err)) die(err);
            double f = nho ? evaluate(m, &c, held, -1, NULL) : 0;
            double fu = nho ? evaluate(m, &c, held, ND_UNER, NULL) : 0, fg = nho ? evaluate(m, &c, held, ND_GUM, NULL) : 0;
            ner_close(m);
            fprintf(stderr, "doc iter %2d: held-out F1 %.2f (UNER %.2f, GUM %.2f)  %.1f MB  %.1f s\n", it, f, fu, fg,
                    (double)img.len / 1e6, now() - t0);
            if (f > bestf || !nho || pick_last) {
                bestf = f;
                bestit = it;
                sb_reset(&best);
                sb_putn(&best, img.s, img.len);
            }
        }
        for (size_t i = 0; i < c.n; i++) free(lab1[i]);
        free(lab1);
        free(grp);
    }
    free_stage(&st1);
    free_stage(&st2);
    free_stage(&best1);
    if (best.oom) die("out of memory");
    if (nho) {
        /* Held-out counts of the written image, per source, for summing folds. */
        ner_model *m;
        if (ner_open(&m, best.s, best.len, err, sizeof err)) die(err);
        for (int src = 0; src < 3; src++) {
            nd_score sc;
            evaluate(m, &c, held, src, &sc);
            fprintf(stderr, "HELDOUT %d", src);
            for (int t = 0; t < NER_NTYPE; t++) fprintf(stderr, " %ld %ld %ld", sc.tp[t], sc.fp[t], sc.fn[t]);
            fprintf(stderr, "\n");
        }
        if (dump_path) {
            FILE *df = fopen(dump_path, "w");
            if (!df) die("cannot write --dump");
            uint8_t **dp = xcalloc(c.n, sizeof *dp);
            tag_docs(m, &c, held, -1, dp);
            for (size_t i = 0; i < c.n; i++) {
                if (!dp[i]) continue;
                if (memcmp(c.s[i].gold, dp[i], (size_t)c.s[i].n)) fputs(c.s[i].src == ND_UNER ? "U " : "G ", df);
                nd_print_diff(df, &c.s[i], dp[i]);
                free(dp[i]);
            }
            free(dp);
            fclose(df);
        }
        ner_close(m);
    }
    FILE *fo = fopen(out, "wb");
    if (!fo || fwrite(best.s, 1, best.len, fo) != best.len || fclose(fo)) die("cannot write the model");
    fprintf(stderr, "wrote %s: iteration %d, held-out F1 %.2f, %zu bytes; %.1f s\n", out, bestit, bestf, best.len,
            now() - t0);
    tagger_close(tg);
    gaz_close(g_gaz);
    return 0;
}
