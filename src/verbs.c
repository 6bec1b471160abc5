/* verbs.c -- TABARI/PETRARCH verb dictionaries: loader and sequence matcher.
 *
 * Loading.  Both syntaxes become the same records: verb forms (a key word,
 * the words that must stand right before or after it in a multi-word verb,
 * how the key may be inflected), roots (a default code and a list of
 * patterns shared by all the forms of a TABARI root or of a PETRARCH
 * "--- NAME [code] ---" block), synsets (lists of phrases) and discard
 * phrases.  A pattern line is tokenized into words, synset references and
 * the tokens * $ + % ^; TABARI's alternatives "{ a | b }" are expanded
 * into separate patterns at load time (at most 64 per line), PETRARCH's
 * "{FINANCIAL AID}" and "(TO BORDER)" groupings are dropped to their words
 * in order.  Connectors follow the TABARI manual (5.5.3): "_" makes the
 * next element adjacent and the word whole, "~" keeps a stem and makes the
 * next adjacent, a plain blank allows words in between; a TABARI word
 * without "_" is a stem, a PETRARCH word is whole (with its regular
 * plural).  Patterns of a root are sorted longest first (letters of the
 * fixed words, TABARI 5.7.1) and carry the hashes of their whole words
 * for a per-sentence prefilter.  Forms live in one open-addressing hash
 * keyed on the upper-case key word; stems are keyed on the stem, with a
 * bit mask of the stem lengths present so a text word probes only lengths
 * that exist.  TABARI .options files (COMPLEX: SET: DEFAULT: COMMA:) and
 * the <NOUN>/<ADJECTIVE> lists of actors files load into the same lexicon.
 *
 * Matching (per sentence; TABARI manual chapter 7, simplified): words are
 * the sentence's tokens (hyphenated ones split), upper-cased into one
 * buffer; punctuation other than commas is dropped.  Actor units are the
 * dictionary's actors at those words (agents combined, coded compounds
 * split); units joined by "," "and" "the" form a compound.  Comma-delimited
 * stretches of 3..10 words (also between the last comma and the end) are
 * removed, conjunctions outside compounds split clauses, and each clause
 * codes its first verb that yields an event (CODE BY CLAUSE).  A pattern's
 * words before "*" are searched right to left from the verb, those after it
 * left to right, greedily, inside the verb's comma/conjunction-delimited
 * stretch and at most WINDOW words away, so a long sentence stays linear.
 * docs/tabari-petrarch.md describes the rules and the known differences. */
#include "verbs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "arena.h"
#include "strbuf.h"
#include "ud.h"

/* ---- records ----------------------------------------------------------- */

enum { E_WORD = 1, E_SYN, E_VERB, E_SRC, E_TGT, E_COMP, E_SKIP };

typedef struct velem {
    uint8_t kind;  /* E_* */
    uint8_t adj;   /* must immediately follow the previous element */
    uint8_t stem;  /* E_WORD: prefix match */
    uint8_t strict; /* E_WORD: no plural ending either (discard phrases) */
    uint16_t len;  /* E_WORD: bytes of s */
    int32_t syn;   /* E_SYN: synset index */
    const char *s; /* E_WORD: upper case */
} velem;

typedef struct vphrase {
    const velem *el; /* E_WORD elements, consecutive */
    uint32_t n;
} vphrase;

typedef struct vsyn {
    const char *name; /* without "&" and trailing "_" */
    vphrase *phr;
    uint32_t nphr, capphr;
    uint32_t maxlen;  /* letters of the longest phrase */
} vsyn;

typedef struct vpat {
    int32_t root;
    uint32_t length;  /* letters of the fixed words: longer first */
    uint32_t order;   /* file order, for a stable sort */
    uint32_t nel;
    const velem *el;
    const uint32_t *need; /* hashes of its whole words: a sentence without one cannot match */
    uint32_t nneed;
    char code[16];
} vpat;

typedef struct vroot {
    char code[16];
    uint32_t first, n; /* patterns[first, first + n) once sorted */
    uint8_t petr;      /* from a PETRARCH file: its reading of % and [+++] */
} vroot;

typedef struct vform {
    const char *key;   /* upper case */
    uint16_t keylen;
    uint8_t stem;      /* key is a prefix */
    uint8_t endings;   /* regular endings allowed (-S -ED -ING ...) */
    uint8_t has_code;  /* code overrides the root's */
    uint8_t npre, npost;
    uint8_t pad;
    uint16_t postgap;  /* TABARI: bit k, a blank (not "_") before post word k: other words may come between */
    int32_t root;
    int32_t next;      /* next form with the same key, -1 */
    const char *const *pre;  /* words right before the key, in text order */
    const char *const *post; /* words right after it */
    char code[16];
} vform;

typedef struct vdiscard {
    const velem *el; /* words, consecutive; the last may be a stem */
    uint32_t n;
    uint8_t story;   /* "+": the whole document is not coded */
    uint8_t complex; /* a TABARI <TIME> phrase coded [+++]: the sentence is complex, not discarded */
} vdiscard;

/* TABARI .options settings that change coding (TABARI manual chapter 8). */
typedef struct vopts {
    int code_by;         /* 0 clause (default), 1 sentence, 2 all */
    int comma_off;
    int cmin, cmax, emin, emax, bmin, bmax; /* comma-delimited stretches dropped: min < words <= max */
    int cx_verbs, cx_conj, cx_actors, cx_pronouns; /* COMPLEX: limits, 0 off */
    int noactprior, noactafter, noverb;
    char def_src[16], def_tgt[16]; /* DEFAULT: codes, "" off */
    int def_src_prior, def_tgt_after;
    int convert_agents;  /* SET: CONVERT AGENTS = TRUE */
    int min_words;       /* SET: MINIMUM WORDS, 0 off (8 once an .options file is read) */
    int forward;         /* FORWARD: on (not OFF): pronouns across sentences (TABARI 8.4) */
    int comma_set;       /* a COMMA: command was read (else PETRARCH's defaults apply to its files) */
    int no_dyad;         /* SET: REQUIRE DYAD = FALSE (PETRARCH's require_dyad): one actor is enough */
    int seen;            /* an .options file was read */
} vopts;

/* A code of Universal-PETRARCH's internal coding ontology (PICO) and its
 * value: negation moves a value by 0xFFFF ("not 050" is 110). */
typedef struct vpico {
    char code[8];
    int32_t val;
} vpico;

/* A word of an actors file's <NOUN> or <ADJECTIVE> list. */
typedef struct vword {
    const char *s; /* upper case */
    uint16_t len;
    uint8_t kind;  /* WL_NOUN | WL_ADJ */
    uint8_t pad;
} vword;

enum { WL_NOUN = 1, WL_ADJ = 2 };

struct verb_lex {
    arena a;
    vopts opt;
    int debug;          /* $DYAD_VERBS_DEBUG was set when the lexicon was made: trace matching */
    vword *words;       /* <NOUN>/<ADJECTIVE> lists */
    size_t nword, capword;
    int32_t *wslots;    /* open addressing over words */
    size_t nwslot;
    vform *forms;
    size_t nform, capform;
    vroot *roots;
    size_t nroot, caproot;
    vpat *pats;
    size_t npat, cappat;
    vsyn *syns;
    size_t nsyn, capsyn;
    vdiscard *disc;
    size_t ndisc, capdisc;
    int32_t *slots;    /* key -> first form */
    size_t nslot;
    uint64_t stem_lens; /* bit L: some stem key has L bytes (L < 64) */
    vpico *pico;        /* Universal-PETRARCH ontology, in file order */
    size_t npico, cappico;
    int petr;           /* some PETRARCH verb file was loaded */
    int sorted;
};

static void default_opts(vopts *o);

/* An empty lexicon with TABARI's default options; NULL when out of
 * memory.  Free with verbs_free. */
verb_lex *verbs_new(void) {
    verb_lex *vl = calloc(1, sizeof *vl);
    if (!vl) return NULL;
    arena_init(&vl->a);
    default_opts(&vl->opt);
    vl->debug = getenv("DYAD_VERBS_DEBUG") != NULL; /* read once, not per document */
    return vl;
}

/* Frees everything the lexicon owns (forms, patterns, synsets, strings);
 * NULL is accepted. */
void verbs_free(verb_lex *vl) {
    if (!vl) return;
    for (size_t i = 0; i < vl->nsyn; i++) free(vl->syns[i].phr);
    arena_free(&vl->a);
    free(vl->forms);
    free(vl->roots);
    free(vl->pats);
    free(vl->syns);
    free(vl->disc);
    free(vl->slots);
    free(vl->words);
    free(vl->wslots);
    free(vl->pico);
    free(vl);
}

/* Counts, for tests and tools (0 for NULL). */
size_t verbs_nforms(const verb_lex *vl) { return vl ? vl->nform : 0; }
size_t verbs_npatterns(const verb_lex *vl) { return vl ? vl->npat : 0; }
size_t verbs_nsynsets(const verb_lex *vl) { return vl ? vl->nsyn : 0; }
size_t verbs_ndiscards(const verb_lex *vl) { return vl ? vl->ndisc : 0; }

/* ---- small helpers -------------------------------------------------------- */

static uint64_t hash_bytes(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* The hash of an upper-case word for the pattern prefilter (never 0). */
static uint32_t word_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ? h : 1;
}

static char up(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 32) : c; }
static int is_sp(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
static int is_alnum(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static int eqn(const char *a, size_t an, const char *b, size_t bn) { return an == bn && !memcmp(a, b, an); }

typedef struct lctx {
    verb_lex *vl;
    const char *name;
    long line;
    dict_warn_fn warn;
    void *wctx;
    int oom;
    int petr;  /* a PETRARCH file */
} lctx;

static void lwarn(lctx *c, const char *why) {
    if (c->warn) c->warn(c->wctx, c->name, c->line, why);
}

static int grow(lctx *c, void **p, size_t *cap, size_t need, size_t elem) {
    if (vec_reserve(p, cap, need, elem)) {
        c->oom = 1;
        return -1;
    }
    return 0;
}

/* Upper-case copy in the lexicon arena. */
static const char *ustr(lctx *c, const char *s, size_t n) {
    char *p = arena_alloc(&c->vl->a, n + 1);
    if (!p) {
        c->oom = 1;
        return NULL;
    }
    for (size_t i = 0; i < n; i++) p[i] = up(s[i]);
    p[n] = '\0';
    return p;
}

/* A bracketed code "[...]" at the end of s[0..n): copies it (blanks
 * removed: TABARI writes the null code "- - -") into code and returns the
 * position of "[", or -1 with *why set. */
static long take_code(const char *s, size_t n, char *code, size_t cap, const char **why) {
    long lb = -1;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '[') lb = (long)i;
    if (lb < 0) {
        *why = "missing [code]";
        return -1;
    }
    size_t j = (size_t)lb + 1, k = 0;
    for (; j < n && s[j] != ']'; j++) {
        char ch = s[j];
        if (is_sp(ch)) continue;
        if (!is_alnum(ch) && ch != ':' && ch != '?' && ch != '!' && ch != '-' && ch != '#' && ch != '+' &&
            ch != '~') {
            *why = "bad character in [code]";
            return -1;
        }
        if (k + 1 >= cap) {
            *why = "code too long";
            return -1;
        }
        code[k++] = up(ch);
    }
    code[k] = '\0';
    if (j >= n) {
        *why = "missing ] after the code";
        return -1;
    }
    if (!k) {
        *why = "empty [code]";
        return -1;
    }
    return lb;
}

/* ---- pattern tokens ------------------------------------------------------ */

enum { T_WORD = 1, T_SYN, T_VERB, T_SRC, T_TGT, T_COMP, T_SKIP, T_LBR, T_BAR, T_RBR };

typedef struct ptok {
    uint8_t kind, adj, stem, alt; /* alt: '{' that holds "|" alternatives */
    uint16_t len;
    const char *s;
} ptok;

#define MAXTOK 48

/* Split a pattern into tokens.  petr: PETRARCH words are exact.  Returns
 * the count, or -1 with *why set. */
static int tokenize_pattern(const char *s, size_t n, int petr, ptok *t, const char **why) {
    int nt = 0, pend = 0;
    size_t i = 0;
    while (i < n) {
        char ch = s[i];
        if (is_sp(ch)) {
            pend = 0;
            i++;
            continue;
        }
        if (ch == '_' || ch == '-') { /* TABARI reads hyphens as underscores */
            if (nt && t[nt - 1].kind == T_WORD && !(t[nt - 1].alt & 2)) t[nt - 1].stem = 0;
            pend = 1;
            i++;
            continue;
        }
        if (ch == '~') {
            if (nt && t[nt - 1].kind == T_WORD) t[nt - 1].stem = 1, t[nt - 1].alt |= 2;
            pend = 1;
            i++;
            continue;
        }
        if (ch == '(' || ch == ')') { /* PETRARCH grouping: the words stay */
            i++;
            continue;
        }
        if (nt >= MAXTOK) {
            *why = "pattern has too many words";
            return -1;
        }
        ptok *k = &t[nt];
        memset(k, 0, sizeof *k);
        k->adj = (uint8_t)pend;
        pend = 0;
        if (ch == '*' || ch == '$' || ch == '+' || ch == '%' || ch == '^' || ch == '{' || ch == '|' || ch == '}') {
            k->kind = ch == '*' ? T_VERB : ch == '$' ? T_SRC : ch == '+' ? T_TGT : ch == '%' ? T_COMP
                    : ch == '^' ? T_SKIP : ch == '{' ? T_LBR : ch == '|' ? T_BAR : T_RBR;
            i++;
            nt++;
            continue;
        }
        if (ch == '&') {
            size_t j = i + 1;
            while (j < n && is_alnum(s[j])) j++;
            if (j == i + 1) {
                *why = "& without a synset name";
                return -1;
            }
            k->kind = T_SYN;
            k->s = s + i + 1;
            k->len = (uint16_t)(j - i - 1);
            i = j;
            nt++;
            continue;
        }
        size_t j = i;
        while (j < n && !is_sp(s[j]) && !strchr("_~*$%^{|}()", s[j]) && s[j] != '-' &&
               !(s[j] == '+' && j == i))
            j++;
        if (j - i > 60) {
            *why = "word too long";
            return -1;
        }
        k->kind = T_WORD;
        k->s = s + i;
        k->len = (uint16_t)(j - i);
        k->stem = (uint8_t)!petr;
        if (j < n && s[j] == '=') k->stem = 0; /* handled below: '=' is inside the word */
        if (k->len && k->s[k->len - 1] == '=') k->len--, k->stem = 0;
        if (!k->len) {
            *why = "empty word";
            return -1;
        }
        i = j;
        nt++;
    }
    return nt;
}

static int32_t find_syn(const verb_lex *vl, const char *name, size_t n) {
    while (n && name[n - 1] == '_') n--;
    for (size_t i = vl->nsyn; i-- > 0;)
        if (strlen(vl->syns[i].name) == n) {
            size_t k = 0;
            while (k < n && vl->syns[i].name[k] == up(name[k])) k++;
            if (k == n) return (int32_t)i;
        }
    return -1;
}

/* Turn a flat token list (no braces) into elements in the arena; split
 * "DIDN'T" into DID N'T as dyad's tokenizer does.  Returns the count, -1
 * with *why (or c->oom). */
static int build_elems(lctx *c, const ptok *t, int nt, velem **out, uint32_t *length, const char **why) {
    velem *el = arena_calloc(&c->vl->a, (size_t)nt * 2 + 1, sizeof *el);
    if (!el) {
        c->oom = 1;
        return -1;
    }
    int n = 0;
    uint32_t len = 0;
    for (int i = 0; i < nt; i++) {
        velem *e = &el[n];
        e->adj = t[i].adj;
        switch (t[i].kind) {
        case T_WORD: {
            size_t wl = t[i].len;
            size_t cut = wl;
            if (wl > 3 && up(t[i].s[wl - 3]) == 'N' && t[i].s[wl - 2] == '\'' && up(t[i].s[wl - 1]) == 'T') cut = wl - 3;
            e->kind = E_WORD;
            e->stem = cut < wl ? 0 : t[i].stem;
            /* TABARI: a whole word ("RESOLUTION_") is that word only;
             * PETRARCH lets a noun take its plural */
            e->strict = (uint8_t)(!c->petr && !e->stem);
            e->s = ustr(c, t[i].s, cut);
            e->len = (uint16_t)cut;
            if (!e->s) return -1;
            len += (uint32_t)cut;
            n++;
            if (cut < wl) {
                velem *f = &el[n++];
                f->kind = E_WORD;
                f->adj = 1;
                f->s = ustr(c, t[i].s + cut, 3);
                f->len = 3;
                if (!f->s) return -1;
                len += 2;
            }
            break;
        }
        case T_SYN: {
            int32_t k = find_syn(c->vl, t[i].s, t[i].len);
            if (k < 0) {
                *why = "unknown synset (define it before use)";
                return -1;
            }
            e->kind = E_SYN;
            e->syn = k;
            len += c->vl->syns[k].maxlen;
            n++;
            break;
        }
        case T_VERB: e->kind = E_VERB; n++; break;
        case T_SRC: e->kind = E_SRC; n++; break;
        case T_TGT: e->kind = E_TGT; n++; break;
        case T_COMP: e->kind = E_COMP; n++; break;
        case T_SKIP: e->kind = E_SKIP; n++; break;
        default:
            *why = "misplaced {, | or }";
            return -1;
        }
    }
    *out = el;
    if (length) *length = len;
    return n;
}

/* Expand the first "{ a | b }" group of t (recursively), calling add for
 * each flat token list.  *budget bounds the total. */
typedef int (*flat_fn)(lctx *c, const ptok *t, int nt, void *arg);

static int expand(lctx *c, const ptok *t, int nt, int depth, int *budget, flat_fn add, void *arg, const char **why) {
    int lb = -1;
    for (int i = 0; i < nt; i++)
        if (t[i].kind == T_LBR) {
            lb = i;
            break;
        }
    if (lb < 0) {
        if (--*budget < 0) {
            *why = "too many alternatives";
            return -1;
        }
        return add(c, t, nt, arg);
    }
    if (depth > 6) {
        *why = "too many alternative groups";
        return -1;
    }
    int rb = -1, bars = 0;
    for (int i = lb + 1; i < nt; i++) {
        if (t[i].kind == T_LBR) {
            *why = "nested { }";
            return -1;
        }
        if (t[i].kind == T_BAR) bars++;
        if (t[i].kind == T_RBR) {
            rb = i;
            break;
        }
    }
    if (rb < 0) {
        *why = "{ without }";
        return -1;
    }
    ptok buf[MAXTOK];
    if (!bars) { /* PETRARCH noun phrase: just the words */
        int m = 0;
        for (int i = 0; i < nt; i++) {
            if (i == lb || i == rb) continue;
            buf[m] = t[i];
            if (i == lb + 1) buf[m].adj |= t[lb].adj;
            m++;
        }
        return expand(c, buf, m, depth + 1, budget, add, arg, why);
    }
    int a0 = lb + 1;
    for (int i = lb + 1; i <= rb; i++) {
        if (t[i].kind != T_BAR && t[i].kind != T_RBR) continue;
        int m = 0;
        for (int k = 0; k < lb; k++) buf[m++] = t[k];
        for (int k = a0; k < i; k++) {
            buf[m] = t[k];
            if (k == a0) buf[m].adj = t[lb].adj;
            m++;
        }
        for (int k = rb + 1; k < nt; k++) buf[m++] = t[k];
        if (i == a0) {
            *why = "empty alternative";
            return -1;
        }
        if (expand(c, buf, m, depth + 1, budget, add, arg, why)) return -1;
        a0 = i + 1;
    }
    return 0;
}

/* ---- synsets ---------------------------------------------------------------- */

#define MAXSYNPHR 1024

static int add_syn_flat(lctx *c, const ptok *t, int nt, void *arg) {
    vsyn *sy = arg;
    if (sy->nphr >= MAXSYNPHR) return 1; /* "&A &A &A" of a big A: bounded, not exponential */
    for (int i = 0; i < nt; i++)
        if (t[i].kind != T_WORD && t[i].kind != T_SYN) return 1;
    /* an embedded synset: one phrase per phrase of it (bounded) */
    for (int i = 0; i < nt; i++)
        if (t[i].kind == T_SYN) {
            int32_t k = find_syn(c->vl, t[i].s, t[i].len);
            if (k < 0 || &c->vl->syns[k] == sy) return 1;
            const vsyn *in = &c->vl->syns[k];
            for (uint32_t p = 0; p < in->nphr && p < 64; p++) {
                ptok buf[MAXTOK];
                int m = 0;
                for (int j = 0; j < i && m < MAXTOK; j++) buf[m++] = t[j];
                for (uint32_t j = 0; j < in->phr[p].n && m < MAXTOK; j++) {
                    const velem *e = &in->phr[p].el[j];
                    ptok w = {T_WORD, (uint8_t)(j ? e->adj : t[i].adj), e->stem, (uint8_t)(e->strict ? 4 : 0), e->len, e->s};
                    buf[m++] = w;
                }
                for (int j = i + 1; j < nt && m < MAXTOK; j++) buf[m++] = t[j];
                int rc = add_syn_flat(c, buf, m, arg);
                if (rc < 0) return rc;
                if (sy->nphr >= MAXSYNPHR) return 1;
            }
            return 0;
        }
    velem *el;
    uint32_t len;
    const char *why = NULL;
    int n = build_elems(c, t, nt, &el, &len, &why);
    if (n < 0) return c->oom ? -1 : 1;
    if (c->petr) /* PETRARCH synonyms are consecutive words; TABARI's follow the connectors */
        for (int i = 1; i < n; i++) el[i].adj = 1;
    size_t cap = sy->capphr;
    if (vec_reserve((void **)&sy->phr, &cap, sy->nphr + 1, sizeof *sy->phr)) {
        c->oom = 1;
        return -1;
    }
    sy->capphr = (uint32_t)cap;
    sy->phr[sy->nphr].el = el;
    sy->phr[sy->nphr].n = (uint32_t)n;
    sy->nphr++;
    if (len > sy->maxlen) sy->maxlen = len;
    return 0;
}

static int new_syn(lctx *c, const char *s, size_t n, int32_t *out) {
    size_t j = 1;
    while (j < n && (is_alnum(s[j]) || s[j] == '_')) j++;
    while (j < n && is_sp(s[j])) j++;
    size_t end = 1;
    while (end < n && (is_alnum(s[end]) || s[end] == '_')) end++;
    size_t nl = end - 1;
    while (nl && s[nl] == '_') nl--;
    if (!nl || j != n) {
        lwarn(c, "a synset name is & followed by letters and digits only");
        *out = -1;
        return 0;
    }
    verb_lex *vl = c->vl;
    if (grow(c, (void **)&vl->syns, &vl->capsyn, vl->nsyn + 1, sizeof *vl->syns)) return -1;
    vsyn *sy = &vl->syns[vl->nsyn];
    memset(sy, 0, sizeof *sy);
    sy->name = ustr(c, s + 1, nl);
    if (!sy->name) return -1;
    *out = (int32_t)vl->nsyn++;
    return 0;
}

static int add_syn_line(lctx *c, int32_t syn, const char *s, size_t n, int petr) {
    ptok t[MAXTOK];
    const char *why = NULL;
    int nt = tokenize_pattern(s, n, petr, t, &why);
    if (nt <= 0) {
        lwarn(c, why ? why : "empty synonym");
        return 0;
    }
    for (int i = 0; i < nt; i++)
        if (t[i].kind != T_WORD && t[i].kind != T_SYN) {
            lwarn(c, "a synonym holds only words and synsets");
            return 0;
        }
    int budget = 64;
    int rc = expand(c, t, nt, 0, &budget, add_syn_flat, &c->vl->syns[syn], &why);
    if (c->oom) return -1;
    if (rc) lwarn(c, why ? why : "bad synonym");
    return 0;
}

/* ---- roots, forms, patterns ---------------------------------------------------- */

static int new_root(lctx *c, const char *code, int32_t *out) {
    verb_lex *vl = c->vl;
    if (grow(c, (void **)&vl->roots, &vl->caproot, vl->nroot + 1, sizeof *vl->roots)) return -1;
    vroot *r = &vl->roots[vl->nroot];
    memset(r, 0, sizeof *r);
    snprintf(r->code, sizeof r->code, "%s", code);
    r->petr = (uint8_t)c->petr;
    if (c->petr) vl->petr = 1;
    *out = (int32_t)vl->nroot++;
    vl->sorted = 0;
    return 0;
}

/* One verb form "WORD", "WORD_", "WORD=", "+BEEF_UP", "WIRE_+TAP" of root. */
static int add_form(lctx *c, int32_t root, const char *s, size_t n, int petr, const char *code) {
    while (n && is_sp(*s)) s++, n--;
    while (n && is_sp(s[n - 1])) n--;
    if (!n) return 0;
    const char *w[16];
    size_t wl[16];
    int nw = 0, vi = -1, exact_end = 0, noend = 0;
    size_t i = 0;
    uint16_t gapbits = 0; /* bit k: a blank before word k */
    while (i < n) {
        size_t i0 = i;
        while (i < n && (s[i] == '_' || s[i] == '-' || is_sp(s[i]))) i++;
        if (i >= n) break;
        int gap = 0;
        /* a blank that no "_" joins to the word before: "TOLL RISEN" gaps, "DOWN_ X" not */
        for (size_t k = i0; k < i; k++) gap = is_sp(s[k]) ? (gap || k == i0 || s[k - 1] != '_') : (s[k] == '_' ? 0 : gap);
        if (gap && nw > 0 && nw < 16) gapbits |= (uint16_t)(1u << nw);
        if (s[i] == '+') {
            if (vi >= 0) {
                lwarn(c, "two + marks in a verb");
                return 0;
            }
            vi = nw;
            i++;
        }
        size_t j = i;
        while (j < n && s[j] != '_' && s[j] != '-' && !is_sp(s[j])) j++;
        if (j == i) continue;
        if (nw == 16) {
            lwarn(c, "verb has too many words");
            return 0;
        }
        w[nw] = s + i;
        wl[nw] = j - i;
        if (w[nw][wl[nw] - 1] == '=') wl[nw]--, noend = noend || nw == vi || vi < 0;
        for (size_t k = 0; k < wl[nw]; k++)
            if (!is_alnum(w[nw][k]) && w[nw][k] != '\'' && w[nw][k] != '.') {
                lwarn(c, "a verb has letters, digits, ' and . only");
                return 0;
            }
        if (!wl[nw]) {
            lwarn(c, "empty verb word");
            return 0;
        }
        nw++;
        exact_end = j < n && s[j] == '_';
        i = j;
    }
    if (!nw || vi >= nw) {
        lwarn(c, nw ? "+ must mark a word of the verb" : "no verb");
        return 0;
    }
    if (vi < 0) vi = 0;
    verb_lex *vl = c->vl;
    if (grow(c, (void **)&vl->forms, &vl->capform, vl->nform + 1, sizeof *vl->forms)) return -1;
    vform *f = &vl->forms[vl->nform];
    memset(f, 0, sizeof *f);
    f->root = root;
    f->next = -1;
    f->key = ustr(c, w[vi], wl[vi]);
    if (!f->key) return -1;
    f->keylen = (uint16_t)wl[vi];
    /* TABARI: a bare one-word root is a stem; "_" and "=" make it whole
     * ("_" still takes the regular endings).  PETRARCH generates the regular
     * forms of every verb. */
    int last_is_verb = vi == nw - 1;
    f->stem = (uint8_t)(!petr && nw == 1 && !exact_end && !noend && wl[vi] >= 3);
    f->endings = (uint8_t)!noend;
    (void)last_is_verb;
    if (code) {
        snprintf(f->code, sizeof f->code, "%s", code);
        f->has_code = 1;
    }
    if (vi > 0) {
        const char **pre = arena_calloc(&vl->a, (size_t)vi, sizeof *pre);
        if (!pre) return c->oom = 1, -1;
        for (int k = 0; k < vi; k++)
            if (!(pre[k] = ustr(c, w[k], wl[k]))) return -1;
        f->pre = pre;
        f->npre = (uint8_t)vi;
    }
    if (vi < nw - 1) {
        const char **post = arena_calloc(&vl->a, (size_t)(nw - 1 - vi), sizeof *post);
        if (!post) return c->oom = 1, -1;
        for (int k = vi + 1; k < nw; k++)
            if (!(post[k - vi - 1] = ustr(c, w[k], wl[k]))) return -1;
        f->post = post;
        f->npost = (uint8_t)(nw - 1 - vi);
        if (!petr) f->postgap = (uint16_t)(gapbits >> (vi + 1));
    }
    if (f->stem && f->keylen < 64) vl->stem_lens |= 1ull << f->keylen;
    vl->nform++;
    vl->sorted = 0;
    return 0;
}

typedef struct pat_arg {
    int32_t root;
    const char *code;
    uint32_t order;
} pat_arg;

static int add_pat_flat(lctx *c, const ptok *t, int nt, void *arg) {
    const pat_arg *pa = arg;
    int nverb = 0;
    for (int i = 0; i < nt; i++) nverb += t[i].kind == T_VERB;
    if (nverb != 1) {
        lwarn(c, nverb ? "a pattern has one * only" : "a pattern needs the verb marker *");
        return 0;
    }
    velem *el;
    uint32_t len;
    const char *why = NULL;
    int n = build_elems(c, t, nt, &el, &len, &why);
    if (n < 0) {
        if (c->oom) return -1;
        lwarn(c, why ? why : "bad pattern");
        return 0;
    }
    verb_lex *vl = c->vl;
    if (grow(c, (void **)&vl->pats, &vl->cappat, vl->npat + 1, sizeof *vl->pats)) return -1;
    vpat *p = &vl->pats[vl->npat++];
    memset(p, 0, sizeof *p);
    p->root = pa->root;
    p->length = len;
    p->order = (uint32_t)vl->npat;
    p->nel = (uint32_t)n;
    p->el = el;
    uint32_t nneed = 0;
    for (int i = 0; i < n; i++) nneed += el[i].kind == E_WORD && !el[i].stem;
    if (nneed) {
        uint32_t *need = arena_calloc(&vl->a, nneed, sizeof *need);
        if (!need) return c->oom = 1, -1;
        uint32_t k = 0;
        for (int i = 0; i < n; i++)
            if (el[i].kind == E_WORD && !el[i].stem) need[k++] = word_hash(el[i].s, el[i].len);
        p->need = need;
        p->nneed = nneed;
    }
    snprintf(p->code, sizeof p->code, "%s", pa->code);
    vl->sorted = 0;
    return 0;
}

/* "- pattern [code]" (the "-" already removed). */
static int add_pattern_line(lctx *c, int32_t root, const char *s, size_t n, int petr) {
    char code[16];
    const char *why = NULL;
    long lb = take_code(s, n, code, sizeof code, &why);
    if (lb < 0) {
        lwarn(c, why);
        return 0;
    }
    ptok t[MAXTOK];
    int nt = tokenize_pattern(s, (size_t)lb, petr, t, &why);
    if (nt <= 0) {
        lwarn(c, nt == 0 ? "empty pattern" : why);
        return 0;
    }
    if (petr && (!strcmp(code, "+++"))) return 0; /* PETRARCH has no complex code: the pattern is inert */
    pat_arg pa = {root, code, 0};
    int budget = 64;
    int rc = expand(c, t, nt, 0, &budget, add_pat_flat, &pa, &why);
    if (c->oom) return -1;
    if (rc) lwarn(c, why ? why : "bad pattern");
    return 0;
}

/* Forms listed in "{ A B_ C }" (TABARI irregular forms, PETRARCH "{...}"
 * after a verb). */
static int add_forms_braced(lctx *c, int32_t root, const char *s, size_t n, int petr, const char *code) {
    size_t i = 0;
    while (i < n) {
        while (i < n && (is_sp(s[i]) || s[i] == ',')) i++; /* CAMEO.2.0 separates them with commas too */
        size_t j = i;
        while (j < n && !is_sp(s[j]) && s[j] != ',') j++;
        if (j > i && add_form(c, root, s + i, j - i, petr, code)) return -1;
        i = j;
    }
    return 0;
}

/* ---- the two file syntaxes ---------------------------------------------------- */

/* A line without its comment and surrounding blanks.  TABARI comments
 * start at ';' (whole-line: '#' or '/'), PETRARCH ones at '#' outside
 * brackets. */
static size_t strip_comment(const char *s, size_t n, int petr) {
    int br = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '[') br = 1;
        else if (s[i] == ']') br = 0;
        else if (!br && (petr ? s[i] == '#' : s[i] == ';')) return i;
    }
    return n;
}

static const char *const OPT_CMDS[] = {"COMPLEX:", "SET:", "LABEL:", "OUTPUT:", "DEFAULT:", "COMMA:",
                                       "FORWARD:", "NONEVENTS:", "ISSUES:", "FREQUENCY:", NULL};

static int is_opt_cmd(const char *s, size_t n) {
    for (int k = 0; OPT_CMDS[k]; k++) {
        size_t l = strlen(OPT_CMDS[k]);
        if (n >= l && !memcmp(s, OPT_CMDS[k], l)) return 1;
    }
    return 0;
}

/* A PICO line: "CODE:" then a value ("0x0080", "-0xFFFF+0x0070"). */
static int is_pico_line(const char *s, size_t n) {
    size_t k = 0;
    while (k < n && k < 8 && ((s[k] >= '0' && s[k] <= '9') || s[k] == '-')) k++;
    return k >= 2 && k < n && s[k] == ':' && k + 1 < n && (s[k + 1] == '-' || (s[k + 1] >= '0' && s[k + 1] <= '9'));
}

/* PETRARCH by its "--- NAME [code] ---" block lines, a TABARI .options
 * file by its "COMMAND:" lines, PICO by its "CODE:0x..." lines, else
 * TABARI .verbs. */
static int detect_kind(const char *buf, size_t len) {
    size_t i = 0;
    int opts = 0, other = 0, pico = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && buf[j] != '\n') j++;
        if (is_pico_line(buf + i, j - i)) pico++;
        if (j - i >= 4 && !memcmp(buf + i, "---", 3) && is_sp(buf[i + 3])) return VERBS_PETRARCH;
        if (is_opt_cmd(buf + i, j - i)) opts++;
        else if (j > i && buf[i] != '/' && buf[i] != '#' && buf[i] != '~' && !is_sp(buf[i]) && buf[i] != '\r')
            other++;
        i = j + 1;
    }
    if (pico && pico * 2 >= other) return VERBS_PICO;
    return opts && opts >= other ? VERBS_OPTIONS : VERBS_TABARI;
}

/* One PICO line "CODE:VALUE#..." (Universal-PETRARCH's
 * Internal_Coding_Ontology): the value is a sum of hexadecimal or decimal
 * terms; what follows '#' is comment or alternative forms (ignored). */
static int load_pico_line(lctx *c, const char *s, size_t n) {
    const char *colon = memchr(s, ':', n);
    if (!colon || colon == s || colon - s >= 8) {
        lwarn(c, "not an ontology line (CODE:0xVALUE)");
        return 0;
    }
    size_t cl = (size_t)(colon - s);
    if (cl == 3 && !memcmp(s, "---", 3)) return 0;
    const char *p = colon + 1, *e = s + n;
    const char *h = memchr(p, '#', (size_t)(e - p));
    if (h) e = h;
    int64_t v = 0;
    int terms = 0;
    while (p < e) {
        while (p < e && is_sp(*p)) p++;
        if (p >= e) break;
        int neg = 0;
        if (*p == '+' || *p == '-') neg = *p++ == '-';
        while (p < e && is_sp(*p)) p++;
        int64_t t = 0;
        int digits = 0;
        if (e - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
            for (p += 2; p < e && digits < 8; p++, digits++) {
                char ch = *p;
                int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                                                          : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
                if (d < 0) break;
                t = t * 16 + d;
            }
        } else {
            for (; p < e && *p >= '0' && *p <= '9' && digits < 9; p++, digits++) t = t * 10 + (*p - '0');
        }
        if (!digits) {
            lwarn(c, "bad ontology value");
            return 0;
        }
        v += neg ? -t : t;
        terms++;
    }
    if (!terms || v > INT32_MAX || v < -INT32_MAX) {
        lwarn(c, "bad ontology value");
        return 0;
    }
    verb_lex *vl = c->vl;
    if (grow(c, (void **)&vl->pico, &vl->cappico, vl->npico + 1, sizeof *vl->pico)) return -1;
    vpico *q = &vl->pico[vl->npico++];
    memcpy(q->code, s, cl);
    q->code[cl] = '\0';
    q->val = (int32_t)v;
    return 0;
}

/* Universal-PETRARCH's negation through the ontology: a value v becomes
 * v - 0xFFFF when it holds a negation, else v + 0xFFFF ("didn't clash":
 * 110 -> 050; "won't wire tap": 170 -> 057); when no code has that value,
 * the "reject" form v - 0xFFFF is tried.  NULL: not in the ontology. */
static const char *pico_negate(const verb_lex *vl, const char *code) {
    const vpico *from = NULL;
    for (size_t i = 0; i < vl->npico && !from; i++)
        if (!strcmp(vl->pico[i].code, code)) from = &vl->pico[i];
    if (!from) return NULL;
    int64_t v = from->val;
    int64_t want[2] = {v >= 0xFFFF ? v - 0xFFFF : v + 0xFFFF, v > 0 && v < 0xFFFF ? v - 0xFFFF : INT64_MIN};
    for (int k = 0; k < 2; k++) {
        if (want[k] == INT64_MIN || !want[k]) continue;
        for (size_t i = 0; i < vl->npico; i++)
            if (vl->pico[i].val == want[k]) return vl->pico[i].code;
    }
    return NULL;
}

/* An integer after "KEY" in s (e.g. "VERBS[5]", "MIN = 3"), or -1. */
static long opt_num(const char *s, size_t n, const char *key) {
    size_t kl = strlen(key);
    for (size_t i = 0; i + kl <= n; i++) {
        if (memcmp(s + i, key, kl) || (i && is_alnum(s[i - 1]))) continue;
        size_t j = i + kl;
        if (j < n && is_alnum(s[j])) continue; /* MIN is not MINIMUM */
        while (j < n && (is_sp(s[j]) || s[j] == '[' || s[j] == '=')) j++;
        if (j >= n || s[j] < '0' || s[j] > '9') return -1;
        long v = 0;
        while (j < n && s[j] >= '0' && s[j] <= '9' && v < 100000) v = v * 10 + (s[j++] - '0');
        return v;
    }
    return -1;
}

static int has_word(const char *s, size_t n, const char *w) {
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++)
        if (!memcmp(s + i, w, wl) && (i == 0 || !is_alnum(s[i - 1])) && (i + wl == n || !is_alnum(s[i + wl])))
            return 1;
    return 0;
}

/* The code in "[...]" after key ("SOURCE [USA]"), into out; 0 if none. */
static int opt_code(const char *s, size_t n, const char *key, char *out, size_t cap) {
    size_t kl = strlen(key);
    for (size_t i = 0; i + kl <= n; i++) {
        if (memcmp(s + i, key, kl)) continue;
        size_t j = i + kl;
        while (j < n && (is_sp(s[j]) || s[j] == ':')) j++;
        if (j >= n || s[j] != '[') return 0;
        size_t k = ++j, o = 0;
        while (k < n && s[k] != ']' && o + 1 < cap) {
            if (!is_sp(s[k])) out[o++] = up(s[k]);
            k++;
        }
        out[o] = '\0';
        return o > 0;
    }
    return 0;
}

/* One TABARI .options command (TABARI manual chapter 8); those that do
 * not change coding (LABEL, OUTPUT, ...) are accepted and ignored. */
static void load_option_line(lctx *c, const char *s, size_t n) {
    vopts *o = &c->vl->opt;
    char u[512];
    if (n >= sizeof u) n = sizeof u - 1;
    for (size_t i = 0; i < n; i++) u[i] = up(s[i]);
    u[n] = '\0';
    if (!is_opt_cmd(u, n)) {
        lwarn(c, "not an options command (COMPLEX: SET: DEFAULT: COMMA: ...)");
        return;
    }
    if (!memcmp(u, "COMPLEX:", 8)) {
        long v;
        o->cx_verbs = (v = opt_num(u, n, "VERBS")) > 0 ? (int)v : 0;
        o->cx_conj = (v = opt_num(u, n, "CONJ")) > 0 ? (int)v : 0;
        o->cx_actors = (v = opt_num(u, n, "ACTORS")) > 0 ? (int)v : 0;
        o->cx_pronouns = (v = opt_num(u, n, "PRONOUNS")) > 0 ? (int)v : 0;
        o->noactprior = has_word(u, n, "NOACTPRIOR");
        o->noactafter = has_word(u, n, "NOACTAFTER");
        o->noverb = has_word(u, n, "NOVERB");
    } else if (!memcmp(u, "DEFAULT:", 8)) {
        if (has_word(u, n, "OFF")) {
            o->def_src[0] = o->def_tgt[0] = '\0';
            o->def_src_prior = o->def_tgt_after = 0;
            return;
        }
        if (opt_code(u, n, "SOURCE", o->def_src, sizeof o->def_src)) o->def_src_prior = has_word(u, n, "PRIOR");
        if (opt_code(u, n, "TARGET", o->def_tgt, sizeof o->def_tgt)) o->def_tgt_after = has_word(u, n, "AFTER");
    } else if (!memcmp(u, "COMMA:", 6)) {
        if (has_word(u, n, "OFF")) {
            o->comma_off = 1;
            o->comma_set = 1;
            return;
        }
        long v;
        o->comma_off = 0;
        o->comma_set = 1;
        if ((v = opt_num(u, n, "MIN")) >= 0) o->cmin = (int)v;
        if ((v = opt_num(u, n, "MAX")) >= 0) o->cmax = (int)v;
        if ((v = opt_num(u, n, "EMIN")) >= 0) o->emin = (int)v;
        if ((v = opt_num(u, n, "EMAX")) >= 0) o->emax = (int)v;
        if ((v = opt_num(u, n, "BMIN")) >= 0) o->bmin = (int)v;
        if ((v = opt_num(u, n, "BMAX")) >= 0) o->bmax = (int)v;
    } else if (!memcmp(u, "FORWARD:", 8)) {
        /* the sequence format only matters to whoever splits the stories
         * into records; inside a document the sentences are consecutive */
        o->forward = !has_word(u, n, "OFF");
    } else if (!memcmp(u, "SET:", 4)) {
        int yes = !has_word(u, n, "FALSE") && !has_word(u, n, "OFF");
        if (has_word(u, n, "CODE") && has_word(u, n, "SENTENCE")) o->code_by = 1;
        else if (has_word(u, n, "CODE") && has_word(u, n, "CLAUSE")) o->code_by = 0;
        else if (has_word(u, n, "CODE") && has_word(u, n, "ALL")) o->code_by = 2;
        else if (has_word(u, n, "CONVERT")) o->convert_agents = yes;
        else if (has_word(u, n, "REQUIRE") && has_word(u, n, "DYAD")) o->no_dyad = !yes;
        else if (has_word(u, n, "MINIMUM")) {
            long v = opt_num(u, n, "WORDS");
            o->min_words = v > 0 ? (int)v : 0;
        }
    }
}

static void default_opts(vopts *o) {
    memset(o, 0, sizeof *o);
    o->cmin = 2, o->cmax = 10, o->emin = 2, o->emax = 10, o->bmin = 128, o->bmax = 0;
}

static int load_discard_line(lctx *c, const char *s, size_t n, int complex) {
    int story = 0;
    if (n && s[0] == '+') story = 1, s++, n--;
    ptok t[MAXTOK];
    const char *why = NULL;
    int nt = tokenize_pattern(s, n, 1, t, &why);
    if (nt <= 0) {
        lwarn(c, nt == 0 ? "empty discard phrase" : why);
        return 0;
    }
    for (int i = 0; i < nt; i++)
        if (t[i].kind != T_WORD) {
            lwarn(c, "a discard phrase holds words only");
            return 0;
        }
    /* the last word is a stem unless it ends in "_" */
    size_t e = n;
    while (e && is_sp(s[e - 1])) e--;
    t[nt - 1].stem = !(e && s[e - 1] == '_');
    velem *el;
    int m = build_elems(c, t, nt, &el, NULL, &why);
    if (m < 0) {
        if (!c->oom) lwarn(c, why ? why : "bad discard phrase");
        return c->oom ? -1 : 0;
    }
    verb_lex *vl = c->vl;
    if (grow(c, (void **)&vl->disc, &vl->capdisc, vl->ndisc + 1, sizeof *vl->disc)) return -1;
    for (int k = 0; k < m; k++) el[k].strict = 1;
    vl->disc[vl->ndisc].el = el;
    vl->disc[vl->ndisc].n = (uint32_t)m;
    vl->disc[vl->ndisc].story = (uint8_t)story;
    vl->disc[vl->ndisc].complex = (uint8_t)complex;
    vl->ndisc++;
    return 0;
}

/* A line of a TABARI <TIME> section (manual 10.4): "PHRASE [code]".  Only
 * the phrases coded [###] (discard the sentence) and [+++] (complex: not
 * coded) change coding; date shifts ([-1], [+7]) and patterns are not
 * supported and skipped. */
static int load_time_line(lctx *c, const char *s, size_t n) {
    if (!n || s[0] == '-') return 0;
    const char *b = memchr(s, '[', n);
    if (!b) return 0;
    char code[16];
    const char *why = NULL;
    if (take_code(b, n - (size_t)(b - s), code, sizeof code, &why) < 0) return 0;
    int complex = !strcmp(code, "+++");
    if (!complex && strcmp(code, "###")) return 0;
    size_t pn = (size_t)(b - s);
    while (pn && is_sp(s[pn - 1])) pn--;
    if (!pn || s[0] == '+') return 0;
    return load_discard_line(c, s, pn, complex);
}

static int cmp_pat(const void *a, const void *b) {
    const vpat *x = a, *y = b;
    if (x->root != y->root) return x->root < y->root ? -1 : 1;
    if (x->length != y->length) return x->length > y->length ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int index_words(verb_lex *vl) {
    if (!vl->nword) return 0;
    size_t want = 64;
    while (want < vl->nword * 2 + 64) want *= 2;
    int32_t *s = malloc(want * sizeof *s);
    if (!s) return -1;
    for (size_t i = 0; i < want; i++) s[i] = -1;
    for (size_t i = 0; i < vl->nword; i++) {
        size_t k = hash_bytes(vl->words[i].s, vl->words[i].len) & (want - 1);
        while (s[k] >= 0) {
            vword *o = &vl->words[s[k]];
            if (eqn(o->s, o->len, vl->words[i].s, vl->words[i].len)) break;
            k = (k + 1) & (want - 1);
        }
        if (s[k] >= 0) vl->words[s[k]].kind |= vl->words[i].kind;
        else s[k] = (int32_t)i;
    }
    free(vl->wslots);
    vl->wslots = s;
    vl->nwslot = want;
    return 0;
}

/* The <NOUN>/<ADJECTIVE> kinds of a word (upper case), 0 if none. */
static int word_kind(const verb_lex *vl, const char *w, size_t n) {
    if (!vl->nwslot) return 0;
    size_t k = hash_bytes(w, n) & (vl->nwslot - 1);
    while (vl->wslots[k] >= 0) {
        const vword *o = &vl->words[vl->wslots[k]];
        if (eqn(o->s, o->len, w, n)) return o->kind;
        k = (k + 1) & (vl->nwslot - 1);
    }
    return 0;
}

/* Sort patterns by root and length, index the forms by key. */
static int finish(verb_lex *vl) {
    if (vl->npat) qsort(vl->pats, vl->npat, sizeof *vl->pats, cmp_pat);
    for (size_t r = 0; r < vl->nroot; r++) vl->roots[r].n = 0;
    for (size_t i = 0; i < vl->npat; i++) {
        vroot *r = &vl->roots[vl->pats[i].root];
        if (!r->n) r->first = (uint32_t)i;
        r->n++;
    }
    size_t want = 64;
    while (want < vl->nform * 2 + 64) want *= 2;
    int32_t *s = malloc(want * sizeof *s);
    if (!s) return -1;
    for (size_t i = 0; i < want; i++) s[i] = -1;
    for (size_t i = 0; i < vl->nform; i++) {
        vform *f = &vl->forms[i];
        f->next = -1;
        size_t k = hash_bytes(f->key, f->keylen) & (want - 1);
        while (s[k] >= 0 && !eqn(vl->forms[s[k]].key, vl->forms[s[k]].keylen, f->key, f->keylen)) k = (k + 1) & (want - 1);
        f->next = s[k]; /* later entries first */
        s[k] = (int32_t)i;
    }
    free(vl->slots);
    vl->slots = s;
    vl->nslot = want;
    vl->sorted = 1;
    return index_words(vl);
}

/* Load one buffer of kind (VERBS_*, VERBS_AUTO: detected) line by line;
 * a malformed line is warned as name:line and skipped.  The lexicon is
 * re-indexed at the end, so files can be stacked; loading is not
 * thread-safe, using the loaded lexicon is. */
int verbs_load_buffer(verb_lex *vl, const char *name, const char *buf, size_t len, int kind, dict_warn_fn warn,
                      void *wctx) {
    if (!vl || (!buf && len) || kind < VERBS_AUTO || kind > VERBS_PICO) return DYAD_EINVAL;
    if (kind == VERBS_AUTO) kind = detect_kind(buf, len);
    int petr = kind == VERBS_PETRARCH || kind == VERBS_DISCARDS;
    lctx c = {vl, name ? name : "(buffer)", 0, warn, wctx, 0, petr};
    int32_t root = -1, syn = -1;
    int section = 0;   /* TABARI: 1 in <SYNSETS>, 2 in another <...> section to skip */
    int in_block = 0;  /* PETRARCH: after "--- NAME [code] ---" */
    char blockcode[16] = "---";
    int in_xml_comment = 0, wl_kind = 0;
    size_t i = 0;
    while (i < len && !c.oom) {
        size_t j = i;
        while (j < len && buf[j] != '\n') j++;
        c.line++;
        const char *s = buf + i;
        size_t n = j - i;
        i = j + 1;
        if (in_xml_comment) {
            for (size_t k = 0; k + 2 < n; k++)
                if (!memcmp(s + k, "-->", 3)) in_xml_comment = 0;
            continue;
        }
        while (n && is_sp(*s)) s++, n--;
        if (n >= 4 && !memcmp(s, "<!--", 4)) {
            int closed = 0;
            for (size_t k = 4; k + 2 < n; k++)
                if (!memcmp(s + k, "-->", 3)) closed = 1;
            if (!closed) in_xml_comment = 1;
            continue;
        }
        if (!petr && n && (s[0] == '#' || s[0] == '/')) continue;
        if (kind == VERBS_PICO) {
            while (n && (is_sp(s[n - 1]) || s[n - 1] == '\r')) n--;
            if (n && load_pico_line(&c, s, n)) break;
            continue;
        }
        if (kind == VERBS_OPTIONS && n >= 2 && s[0] == '/' && s[1] == '/') continue;
        n = strip_comment(s, n, petr);
        while (n && is_sp(s[n - 1])) n--;
        if (!n) continue;
        if (kind == VERBS_DISCARDS) {
            if (load_discard_line(&c, s, n, 0)) break;
            continue;
        }
        if (kind == VERBS_OPTIONS) {
            if (!vl->opt.seen) vl->opt.seen = 1, vl->opt.min_words = 8; /* TABARI's default (8.2.3) */
            if (s[0] != '~') load_option_line(&c, s, n);
            continue;
        }
        if (kind == VERBS_WORDLISTS) { /* an actors file: its <NOUN> and <ADJECTIVE> lists only */
            if (s[0] == '<') {
                wl_kind = (n >= 6 && !memcmp(s, "<NOUN>", 6)) ? WL_NOUN : (n >= 5 && !memcmp(s, "<ADJ", 4)) ? WL_ADJ : 0;
                continue;
            }
            if (!wl_kind) continue;
            size_t e = 0;
            while (e < n && !is_sp(s[e]) && s[e] != '[') e++;
            while (e && s[e - 1] == '_') e--;
            if (!e || e > 60 || memchr(s, '_', e)) continue; /* one word only */
            if (grow(&c, (void **)&vl->words, &vl->capword, vl->nword + 1, sizeof *vl->words)) break;
            vword *w = &vl->words[vl->nword];
            w->s = ustr(&c, s, e);
            if (!w->s) break;
            w->len = (uint16_t)e;
            w->kind = (uint8_t)wl_kind;
            vl->nword++;
            continue;
        }
        if (!petr && n >= 7 && !memcmp(s, "~FINISH", 7)) break;
        if (s[0] == '<') { /* TABARI sections; PETRARCH has none but comments */
            if (n >= 9 && !memcmp(s, "<SYNSETS>", 9)) section = 1, syn = -1;
            else if (n > 1 && s[1] == '/') section = 0, syn = -1;
            else if (n >= 6 && !memcmp(s, "<TIME>", 6)) section = 3;
            else if (n > 2 && s[n - 1] == '>') section = 2;
            else lwarn(&c, "unknown <section> line");
            continue;
        }
        if (section == 2) continue; /* <ATTRIB>, <ISSUES> ...: not supported, skipped whole */
        if (section == 3) {
            if (load_time_line(&c, s, n)) break;
            continue;
        }
        if (s[0] == '&') {
            if (new_syn(&c, s, n, &syn)) break;
            continue;
        }
        if (s[0] == '~') { /* PETRARCH transformations: not supported */
            continue;
        }
        if (petr && n >= 3 && !memcmp(s, "---", 3) && (n == 3 || is_sp(s[3]))) {
            const char *why = NULL;
            char code[16];
            if (take_code(s, n, code, sizeof code, &why) < 0) snprintf(code, sizeof code, "---");
            snprintf(blockcode, sizeof blockcode, "%s", code);
            if (new_root(&c, blockcode, &root)) break;
            in_block = 1;
            syn = -1;
            continue;
        }
        if (s[0] == '+' && syn >= 0 && (section == 1 || petr)) {
            if (add_syn_line(&c, syn, s + 1, n - 1, petr)) break;
            continue;
        }
        if (s[0] == '-' && (n == 1 || is_sp(s[1]) || s[1] == '*' || s[1] == '$' || s[1] == '%' || s[1] == '+')) {
            if (root < 0) {
                lwarn(&c, "a pattern before any verb");
                continue;
            }
            syn = -1;
            if (add_pattern_line(&c, root, s + 1, n - 1, petr)) break;
            continue;
        }
        if (s[0] == '{' && !petr) { /* TABARI irregular forms of the current root */
            if (root < 0) {
                lwarn(&c, "verb forms before any verb");
                continue;
            }
            size_t e = n;
            while (e && s[e - 1] != '}') e--;
            if (!e) {
                lwarn(&c, "{ without }");
                continue;
            }
            if (add_forms_braced(&c, root, s + 1, e - 2, petr, NULL)) break;
            continue;
        }
        if (section == 1) {
            lwarn(&c, "a <SYNSETS> line must start with & or +");
            continue;
        }
        syn = -1;
        /* a verb line */
        char code[16];
        const char *why = NULL;
        long lb = -1;
        int has_bracket = memchr(s, '[', n) != NULL;
        if (has_bracket) {
            lb = take_code(s, n, code, sizeof code, &why);
            if (lb < 0) {
                lwarn(&c, why);
                continue;
            }
        } else if (!petr) {
            lwarn(&c, "a verb needs a [code]");
            continue;
        }
        size_t vend = lb >= 0 ? (size_t)lb : n;
        /* "{...}" irregular forms on the line */
        const char *lbr = memchr(s, '{', vend);
        size_t head = lbr ? (size_t)(lbr - s) : vend;
        if (petr) {
            if (!in_block) {
                lwarn(&c, "a verb outside a --- block");
                continue;
            }
        } else {
            if (new_root(&c, has_bracket ? code : "---", &root)) break;
        }
        const char *own = petr && has_bracket ? code : NULL;
        if (add_form(&c, root, s, head, petr, own)) break;
        if (lbr) {
            const char *rbr = memchr(lbr, '}', vend - head);
            if (!rbr) {
                lwarn(&c, "{ without }");
                continue;
            }
            if (add_forms_braced(&c, root, lbr + 1, (size_t)(rbr - lbr - 1), petr, own)) break;
        }
    }
    if (c.oom) return DYAD_ENOMEM;
    /* PETRARCH's comma defaults (its PETR_config.ini): clauses of up to 8
     * words go, not TABARI's 10 */
    if (kind == VERBS_PETRARCH && !vl->opt.comma_set) vl->opt.cmax = vl->opt.emax = 8;
    return finish(vl) ? DYAD_ENOMEM : DYAD_OK;
}

/* Read path whole (up to 1 GiB) and load it as verbs_load_buffer does;
 * DYAD_EIO with "path: cannot open/read" in err when it cannot be read. */
int verbs_load_file(verb_lex *vl, const char *path, int kind, dict_warn_fn warn, void *wctx, char *err,
                    size_t errlen) {
    if (!vl || !path) return DYAD_EINVAL;
    strbuf b;
    sb_init(&b);
    /* a verb dictionary of a gigabyte is not one */
    int rc = sb_read_file(&b, path, (size_t)1 << 30);
    if (rc) {
        if (err) snprintf(err, errlen, "%s: %s", path, rc == SB_EOPEN ? "cannot open" : "cannot read");
        sb_free(&b);
        return DYAD_EIO;
    }
    rc = verbs_load_buffer(vl, path, b.s, b.len, kind, warn, wctx);
    sb_free(&b);
    return rc;
}

/* ---- matching ------------------------------------------------------------------- */

/* Word flags. */
enum {
    W_CONJ = 1u << 0,   /* AND BUT OR NOR */
    W_COMMA = 1u << 1,  /* , ; */
    W_DET = 1u << 2,    /* THE A AN */
    W_AUX = 1u << 3,    /* WAS WERE BEEN (passive) */
    W_BY = 1u << 4,
    W_NEG = 1u << 5,    /* NOT N'T NEVER */
    W_CAP = 1u << 6,    /* capitalised inside a mixed-case sentence */
    W_INGRP = 1u << 7,  /* a comma or conjunction inside a compound actor */
    W_FIRST = 1u << 8,  /* first word of the sentence */
    W_DICT = 1u << 9,   /* inside a dictionary actor or agent: not a verb */
    W_SUB = 1u << 10    /* THAT WHICH WHO WHILE ...: a subordinate clause starts */
};

typedef struct mword {
    uint32_t tok;
    uint32_t start, end; /* bytes */
    uint32_t up;         /* offset of the upper-case form in the buffer */
    uint16_t len;
    uint16_t flags;
    int32_t unit;        /* actor unit, -1 */
} mword;

typedef struct munit {
    uint32_t w0, w1;   /* words [w0, w1] */
    uint32_t b0, b1;   /* bytes of the unit with its agent words */
    char code[24];     /* the actor's code with its agent's (TABARI 5.4) */
    char agent[16];    /* that agent's code, "" if none */
    char base[24];     /* the code before an agent was added */
    uint8_t agent_pos; /* 0 none, 1 agent before, 2 after, 3 "agent of actor" */
    uint8_t agent_prefix;
    uint8_t pseudo;    /* a DEFAULT: code, not in the text */
    uint8_t is_agent;  /* a converted agent (SET: CONVERT AGENTS) */
    int32_t actor;
    int32_t group;     /* compound group (first unit index of it) */
    int32_t ref;       /* a pronoun: the group it stands for; else -1 */
} munit;

typedef struct mctx {
    const verb_lex *vl;
    const ev_lex *ev;
    const dict *dc;
    int32_t date;          /* yyyymmdd of the document, 0 */
    dyad_doc *d;
    mword *w;
    uint32_t nw;
    munit *u;
    uint32_t nu;
    char *ubuf;
    int32_t *actor_of;     /* per token */
    uint32_t *mstart;      /* per token: the mention's start */
    int32_t *tok_unit;     /* per token of the sentence: its actor unit (not a converted agent), -1 */
    uint32_t sidx;
    int debug;             /* $DYAD_VERBS_DEBUG: trace on stderr */
    int allcaps;           /* the sentence is in capitals */
    uint32_t nw_all;       /* words before the comma-delimited stretches went */
    uint32_t *wset;        /* hashes of the sentence's words (and their singulars), open addressing */
    uint32_t wmask;
    dict_word *pw;         /* TABARI: the words split at "_" too, for dict_match_words */
    uint32_t *pwi;         /* per piece: its word */
    uint32_t *wp0;         /* per word: its first piece */
    uint32_t npw;
    char fwd[24];          /* FORWARD: the previous sentence's first actor, "" none */
    int fwd_used;          /* a pronoun of this sentence took fwd */
    int complex;           /* a <TIME> phrase coded [+++] is in the sentence */
} mctx;

#define WINDOW 40
#define MAXEV 64

static const char *UW(const mctx *m, uint32_t i) { return m->ubuf + m->w[i].up; }

static int word_is(const mctx *m, uint32_t i, const char *s) {
    size_t n = strlen(s);
    return m->w[i].len == n && !memcmp(UW(m, i), s, n);
}

/* A text word against a pattern word. */
static int match_word(const mctx *m, uint32_t i, const velem *e) {
    const char *t = UW(m, i);
    size_t tl = m->w[i].len, pl = e->len;
    if (e->stem) return tl >= pl && !memcmp(t, e->s, pl);
    if (tl == pl) return !memcmp(t, e->s, pl);
    if (e->strict) return 0;
    /* a regular plural or verb ending of an exact word */
    if (tl < pl || memcmp(t, e->s, pl)) {
        if (pl >= 2 && e->s[pl - 1] == 'Y' && tl == pl + 2 && !memcmp(t, e->s, pl - 1) && !memcmp(t + pl - 1, "IES", 3))
            return 1;
        return 0;
    }
    const char *end = t + pl;
    size_t el = tl - pl;
    return (el == 1 && end[0] == 'S') || (el == 2 && !memcmp(end, "ES", 2));
}

/* Does synset phrase ph match words starting at i (forward)?  Returns the
 * count of words or 0. */
static uint32_t match_phrase_at(const mctx *m, uint32_t i, uint32_t hi, const vphrase *ph) {
    if (!ph->n || i + ph->n > hi || !match_word(m, i, &ph->el[0])) return 0;
    uint32_t at = i;
    for (uint32_t k = 1; k < ph->n; k++) {
        /* a blank in a TABARI synonym lets words come between (greedy) */
        uint32_t lim = ph->el[k].adj ? at + 2 : (at + 1 + WINDOW < hi ? at + 1 + WINDOW : hi);
        if (lim > hi) lim = hi;
        uint32_t j = at + 1;
        while (j < lim && !match_word(m, j, &ph->el[k])) j++;
        if (j >= lim) return 0;
        at = j;
    }
    return at - i + 1;
}

/* Element e at word i (forward direction): the number of words it covers,
 * 0 when it does not match there. */
static uint32_t match_elem_at(const mctx *m, uint32_t i, uint32_t hi, const velem *e) {
    if (e->kind == E_WORD)
        return i < hi && (m->w[i].unit < 0 || m->u[m->w[i].unit].ref >= 0) && match_word(m, i, e) ? 1 : 0;
    if (e->kind == E_SYN) {
        const vsyn *sy = &m->vl->syns[e->syn];
        uint32_t best = 0;
        for (uint32_t p = 0; p < sy->nphr; p++) {
            uint32_t got = match_phrase_at(m, i, hi, &sy->phr[p]);
            if (got > best) best = got;
        }
        return best;
    }
    return 0;
}

/* The group of the unit at or after word i and before hi (forward), or -1;
 * *next: the word after the group. */
static int32_t unit_fwd(const mctx *m, uint32_t i, uint32_t hi, int adj, uint32_t *next) {
    for (uint32_t k = i; k < hi; k++) {
        if (m->w[k].unit >= 0) {
            const munit *u = &m->u[m->w[k].unit];
            int32_t g = u->ref >= 0 ? u->ref : u->group;
            uint32_t last = u->w1;
            /* the end of the whole compound */
            for (uint32_t q = (uint32_t)m->w[k].unit + 1; q < m->nu && m->u[q].group == u->group && u->ref < 0; q++)
                last = m->u[q].w1;
            *next = last + 1;
            return g;
        }
        if (adj) break;
    }
    return -1;
}

static int32_t unit_bwd(const mctx *m, int64_t i, int64_t lo, int adj, int64_t *prev) {
    for (int64_t k = i; k >= lo; k--) {
        if (m->w[k].unit >= 0) {
            const munit *u = &m->u[m->w[k].unit];
            int32_t g = u->ref >= 0 ? u->ref : u->group;
            uint32_t first = u->ref >= 0 ? u->w0 : m->u[u->group].w0;
            *prev = (int64_t)first - 1;
            return g;
        }
        if (adj) break;
    }
    return -1;
}

typedef struct slots {
    int32_t src, tgt, comp;
    int comp_after;  /* the % stood after the verb */
} slots;

/* Match pattern p around the verb words [v0, v1] within [lo, hi). */
/* Is word i tagged as part of a noun phrase (noun, proper noun,
 * adjective, number)?  Untagged text: yes. */
static int np_word(const mctx *m, uint32_t i) {
    const dyad_doc *d = m->d;
    if (!d->an || !d->tagged) return 1;
    uint8_t u = d->an[m->w[i].tok].upos;
    return u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_ADJ || u == UPOS_NUM;
}

static int match_pattern(const mctx *m, const vpat *p, uint32_t v0, uint32_t v1, uint32_t lo, uint32_t hi, slots *sl) {
    sl->src = sl->tgt = sl->comp = -1;
    sl->comp_after = 0;
    uint32_t vk = 0;
    while (vk < p->nel && p->el[vk].kind != E_VERB) vk++;
    if (vk == p->nel) return 0;
    /* before the verb, right to left */
    int64_t pos = (int64_t)v0 - 1;
    int adj = p->el[vk].adj;
    for (uint32_t j = vk; j-- > 0;) {
        const velem *e = &p->el[j];
        if (pos < (int64_t)lo) return 0;
        if (e->kind == E_SRC || e->kind == E_TGT || e->kind == E_COMP || e->kind == E_SKIP) {
            int64_t prev;
            int32_t g = unit_bwd(m, pos, lo, adj, &prev);
            if (g < 0) return 0;
            if (e->kind == E_COMP && !(g + 1 < (int32_t)m->nu && m->u[g + 1].group == g)) return 0;
            if (e->kind == E_SRC) sl->src = g;
            else if (e->kind == E_TGT) sl->tgt = g;
            else if (e->kind == E_COMP) sl->comp = g;
            pos = prev;
        } else {
            int found = 0;
            for (int64_t k = pos; k >= (int64_t)lo; k--) {
                /* an element ending at k: words and one-word synset phrases
                 * directly; longer phrases by their start */
                uint32_t got = 0;
                if (e->kind == E_WORD) got = match_elem_at(m, (uint32_t)k, (uint32_t)pos + 1, e);
                else {
                    /* a phrase ending at k: try the starts a few words back */
                    const vsyn *sy = &m->vl->syns[e->syn];
                    for (uint32_t q = 0; q < sy->nphr && !got; q++) {
                        uint32_t n = sy->phr[q].n;
                        for (int64_t st = k + 1 - (int64_t)n; !got && st >= (int64_t)lo && st > k - 12; st--)
                            if (match_phrase_at(m, (uint32_t)st, (uint32_t)k + 1, &sy->phr[q]) == (uint32_t)(k - st + 1))
                                got = (uint32_t)(k - st + 1);
                    }
                }
                /* Universal-PETRARCH matches the words before the verb in
                 * its subject's noun phrase ("{DEATH TOLL} *"), not
                 * adverbs or verbs ("RECENTLY *", "INCHING NEARER TO *") */
                if (got && m->vl->npico && !np_word(m, (uint32_t)(k + 1 - (int64_t)got))) got = 0;
                if (got) {
                    pos = k - (int64_t)got;
                    found = 1;
                    break;
                }
                if (adj) break;
            }
            if (!found) return 0;
        }
        adj = e->adj;
    }
    /* after the verb, left to right */
    uint32_t at = v1 + 1;
    for (uint32_t j = vk + 1; j < p->nel; j++) {
        const velem *e = &p->el[j];
        int a = e->adj;
        if (at >= hi) return 0;
        if (e->kind == E_SRC || e->kind == E_TGT || e->kind == E_COMP || e->kind == E_SKIP) {
            uint32_t next;
            int32_t g = unit_fwd(m, at, hi, a, &next);
            if (g < 0) return 0;
            if (e->kind == E_COMP && !(g + 1 < (int32_t)m->nu && m->u[g + 1].group == g)) return 0;
            if (e->kind == E_SRC) sl->src = g;
            else if (e->kind == E_TGT) sl->tgt = g;
            else if (e->kind == E_COMP) sl->comp = g, sl->comp_after = 1;
            at = next;
            continue;
        }
        int found = 0;
        for (uint32_t k = at; k < hi; k++) {
            uint32_t got = match_elem_at(m, k, hi, e);
            if (got) {
                at = k + got;
                found = 1;
                break;
            }
            if (a) break;
        }
        if (!found) return 0;
    }
    return 1;
}

/* Regular endings of a text word: candidate bases, most likely first. */
static int bases(const char *t, size_t n, char out[][64], size_t *outlen) {
    int k = 0;
#define ADD(len_, tail_)                                              \
    do {                                                              \
        size_t l_ = (len_);                                           \
        const char *tl_ = (tail_);                                    \
        size_t tn_ = strlen(tl_);                                     \
        if (l_ + tn_ > 0 && l_ + tn_ < 64 && l_ <= n && k < 10) {     \
            memcpy(out[k], t, l_);                                    \
            memcpy(out[k] + l_, tl_, tn_);                            \
            outlen[k] = l_ + tn_;                                     \
            k++;                                                      \
        }                                                             \
    } while (0)
    if (n > 3 && !memcmp(t + n - 3, "IES", 3)) ADD(n - 3, "Y");
    if (n > 3 && !memcmp(t + n - 3, "IED", 3)) ADD(n - 3, "Y");
    if (n > 2 && t[n - 1] == 'S' && t[n - 2] != 'S') ADD(n - 1, "");
    if (n > 3 && !memcmp(t + n - 2, "ES", 2)) ADD(n - 2, "");
    if (n > 3 && !memcmp(t + n - 2, "ED", 2)) {
        ADD(n - 2, "");
        ADD(n - 1, "");
        if (n > 4 && t[n - 3] == t[n - 4]) ADD(n - 3, "");
    }
    if (n > 4 && !memcmp(t + n - 3, "ING", 3)) {
        ADD(n - 3, "");
        ADD(n - 3, "E");
        if (n > 5 && t[n - 4] == t[n - 5]) ADD(n - 4, "");
    }
    if (n > 3 && !memcmp(t + n - 2, "EN", 2)) ADD(n - 2, "");
#undef ADD
    return k;
}

static int32_t lookup(const verb_lex *vl, const char *k, size_t n) {
    if (!vl->nslot || !n) return -1;
    size_t h = hash_bytes(k, n) & (vl->nslot - 1);
    while (vl->slots[h] >= 0) {
        const vform *f = &vl->forms[vl->slots[h]];
        if (eqn(f->key, f->keylen, k, n)) return vl->slots[h];
        h = (h + 1) & (vl->nslot - 1);
    }
    return -1;
}

/* Do the words around key word i fit form f?  Sets *v0, *v1. */
static int form_fits(const mctx *m, const vform *f, uint32_t i, uint32_t *v0, uint32_t *v1) {
    if (f->npre > i) return 0;
    for (uint32_t k = 0; k < f->npre; k++) {
        uint32_t wi = i - f->npre + k;
        const char *s = f->pre[k];
        velem e = {E_WORD, 0, 0, 0, (uint16_t)strlen(s), 0, s};
        if (m->w[wi].unit >= 0 || !match_word(m, wi, &e)) return 0;
    }
    uint32_t wi = i;
    for (uint32_t k = 0; k < f->npost; k++) {
        const char *s = f->post[k];
        velem e = {E_WORD, 0, 0, 0, (uint16_t)strlen(s), 0, s};
        /* TABARI "DEATH TOLL RISEN": a blank lets up to three other words
         * come between ("death toll has risen"), not across a comma,
         * conjunction or actor */
        uint32_t lim = wi + 1 + ((f->postgap >> k & 1u) ? 3u : 0u);
        uint32_t q = wi + 1;
        for (; q <= lim && q < m->nw; q++) {
            if (m->w[q].unit < 0 && match_word(m, q, &e)) break;
            if (m->w[q].unit >= 0 || (m->w[q].flags & (W_COMMA | W_CONJ))) return 0;
        }
        if (q > lim || q >= m->nw) return 0;
        wi = q;
    }
    *v0 = i - f->npre;
    *v1 = wi;
    return 1;
}

/* The verb form at word i: the longest fitting one, by the word itself,
 * its regular endings, its stems, then its lemma. */
static const vform *find_verb(const mctx *m, uint32_t i, uint32_t *v0, uint32_t *v1) {
    const verb_lex *vl = m->vl;
    const char *t = UW(m, i);
    size_t n = m->w[i].len;
    const vform *best = NULL;
    uint32_t bw = 0;
#define TRY(idx_, ok_)                                                          \
    for (int32_t fi_ = (idx_); fi_ >= 0; fi_ = vl->forms[fi_].next) {             \
        const vform *f_ = &vl->forms[fi_];                                          \
        uint32_t a_, b_;                                                            \
        if (!(ok_)) continue;                                                       \
        if (form_fits(m, f_, i, &a_, &b_) && (!best || b_ - a_ + 1 > bw)) {         \
            best = f_, bw = b_ - a_ + 1, *v0 = a_, *v1 = b_;                        \
        }                                                                           \
    }
    TRY(lookup(vl, t, n), 1);
    if (best) return best;
    char cand[10][64];
    size_t cl[10];
    int nc = bases(t, n, cand, cl);
    for (int k = 0; k < nc && !best; k++) TRY(lookup(vl, cand[k], cl[k]), f_->endings);
    if (best) return best;
    if (vl->stem_lens)
        for (size_t L = n < 63 ? n - 1 : 62; L >= 3 && !best; L--)
            if (vl->stem_lens & (1ull << L)) TRY(lookup(vl, t, L), f_->stem);
    if (best) return best;
    const dyad_doc *d = m->d;
    if (d->tagged && d->an && d->an[m->w[i].tok].upos == UPOS_VERB && d->an[m->w[i].tok].lemma) {
        const char *lem = d->an[m->w[i].tok].lemma;
        char ul[64];
        size_t ln = strlen(lem);
        if (ln && ln < sizeof ul) {
            for (size_t k = 0; k < ln; k++) ul[k] = up(lem[k]);
            TRY(lookup(vl, ul, ln), f_->endings); /* BAN= is "ban" only, not "baning" */
        }
    }
#undef TRY
    return best;
}

static const char *ucode(const mctx *m, int32_t q) { return q >= 0 && (uint32_t)q < m->nu ? m->u[q].code : ""; }

/* Units of group g (a compound's members) with distinct codes, up to max. */
static int members(const mctx *m, int32_t g, int32_t *out, int max) {
    int n = 0;
    if (g < 0) return 0;
    for (uint32_t q = (uint32_t)g; q < m->nu && m->u[q].group == g && n < max; q++) {
        if (m->u[q].ref >= 0) continue;
        int dup = 0;
        for (int k = 0; k < n; k++)
            if (!strcmp(ucode(m, out[k]), ucode(m, (int32_t)q))) dup = 1;
        if (!dup) out[n++] = (int32_t)q;
    }
    return n;
}

static int group_has_code_of(const mctx *m, int32_t g, int32_t other) {
    int32_t a[16], b[16];
    int na = members(m, g, a, 16), nb = members(m, other, b, 16);
    for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++)
            if (!strcmp(ucode(m, a[i]), ucode(m, b[j]))) return 1;
    return 0;
}

typedef struct pend {
    int32_t src, tgt;
    uint32_t s0, s1, t0, t1, v0, v1;
    char code[8];
    uint8_t mode, sub, dom;
} pend;


/* Events of one code (maybe "A:B" paired) between groups sg and tg. */
static void make_events(const mctx *m, const char *code, int32_t sg, int32_t tg, uint32_t v0, uint32_t v1, int neg,
                        pend *out, int *nout) {
    char c1[16], c2[16];
    const char *colon = strchr(code, ':');
    if (colon) {
        snprintf(c1, sizeof c1, "%.*s", (int)(colon - code), code);
        snprintf(c2, sizeof c2, "%s", colon + 1);
    } else {
        snprintf(c1, sizeof c1, "%s", code);
        c2[0] = '\0';
    }
    int32_t sa[16], ta[16];
    int ns = members(m, sg, sa, 16), nt = members(m, tg, ta, 16);
    for (int pass = 0; pass < (c2[0] ? 2 : 1); pass++) {
        char *cc = pass ? c2 : c1;
        size_t cl = strlen(cc);
        uint8_t sub = 0, dom = 0;
        while (cl && (cc[cl - 1] == '?' || cc[cl - 1] == '!')) {
            if (cc[cl - 1] == '?') sub = 1;
            else dom = 1;
            cc[--cl] = '\0';
        }
        if (!cl || !strcmp(cc, "---")) continue;
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < nt; j++) {
                int32_t s = pass ? ta[j] : sa[i], t = pass ? sa[i] : ta[j];
                if (s == t || !strcmp(ucode(m, s), ucode(m, t))) continue;
                if (*nout >= MAXEV) return;
                pend *p = &out[(*nout)++];
                memset(p, 0, sizeof *p);
                p->src = s;
                p->tgt = t;
                p->s0 = m->u[s].b0, p->s1 = m->u[s].b1;
                p->t0 = m->u[t].b0, p->t1 = m->u[t].b1;
                p->v0 = m->w[v0].start;
                p->v1 = m->w[v1].end;
                snprintf(p->code, sizeof p->code, "%s", cc);
                p->mode = neg ? MODE_NEGATED : MODE_ASSERTED;
                p->sub = sub;
                p->dom = dom;
            }
    }
}

/* Does discard phrase dp occur at word i? */
static int discard_at(const mctx *m, uint32_t i, const vdiscard *dp) {
    if (i + dp->n > m->nw) return 0;
    for (uint32_t k = 0; k < dp->n; k++)
        if (!match_word(m, i + k, &dp->el[k])) return 0;
    return 1;
}

static int wset_has(const mctx *m, uint32_t h);
static void build_wset(mctx *m);

/* 0 none, 1 sentence discard, 2 story discard.  A phrase whose first
 * word (when whole) is not in the sentence is not tried. */
static int discarded(mctx *m) {
    int r = 0;
    m->complex = 0;
    if (m->vl->ndisc) build_wset(m);
    for (size_t k = 0; k < m->vl->ndisc; k++) {
        const vdiscard *dp = &m->vl->disc[k];
        if (dp->n > 1 || !dp->el[0].stem) {
            if (!wset_has(m, word_hash(dp->el[0].s, dp->el[0].len))) continue;
        }
        for (uint32_t i = 0; i < m->nw; i++)
            if (discard_at(m, i, dp)) {
                if (dp->story) return 2;
                if (dp->complex) m->complex = 1;
                else r = 1;
                break;
            }
    }
    for (uint32_t q = 0; q < m->nu; q++) {
        const char *c = ucode(m, (int32_t)q);
        if (!strcmp(c, "###") || !strcmp(c, "+++")) r = r ? r : 1;
    }
    return r;
}

static const char *const PRON1[] = {"HE", "SHE", "IT", "HIM", NULL};
static const char *const PRON2[] = {"ITS", "HIS", "HER", NULL};
static const char *const PRON3[] = {"THEY", "THEM", "THEIR", NULL};

static const char *const NEG_ADV[] = {"EVEN", "EVER", "REALLY", "YET", "STILL", "ALSO", "JUST", "ACTUALLY", "ALWAYS",
                                      "NECESSARILY", "FULLY", "SIMPLY", NULL};

static const char *const SUBORD[] = {"THAT", "WHICH", "WHO", "WHOM", "WHILE", "BECAUSE", "WHEN", "IF", "ALTHOUGH",
                                     "UNLESS", "WHERE", NULL};

static int in_set(const mctx *m, uint32_t i, const char *const *set) {
    for (; *set; set++)
        if (word_is(m, i, *set)) return 1;
    return 0;
}

/* Build the words of sentence si into m: returns 0, or -1 when out of
 * memory.  Words are appended to the arrays sized for the sentence. */
static void build_words(mctx *m, const sent *s, int allcaps) {
    dyad_doc *d = m->d;
    m->nw = 0;
    uint32_t ub = 0;
    for (uint32_t t = s->first; t < s->last; t++) {
        const tok *k = &d->toks[t];
        if (k->kind == TOK_QUOTE) continue;
        const char *x = d->text + k->start;
        uint32_t n = k->end - k->start;
        if (k->kind == TOK_PUNCT) {
            if (n == 1 && (x[0] == ',' || x[0] == ';')) {
                mword *w = &m->w[m->nw++];
                w->tok = t, w->start = k->start, w->end = k->end, w->up = ub, w->len = 1;
                w->flags = W_COMMA, w->unit = -1;
                m->ubuf[ub++] = ',';
            }
            continue;
        }
        /* split at hyphens, as TABARI does */
        uint32_t a = 0;
        while (a < n) {
            uint32_t b = a;
            while (b < n && x[b] != '-') b++;
            if (b > a) {
                mword *w = &m->w[m->nw++];
                w->tok = t, w->start = k->start + a, w->end = k->start + b, w->up = ub;
                uint32_t len = b - a;
                if (len > 60) len = 60;
                w->len = (uint16_t)len;
                for (uint32_t q = 0; q < len; q++) m->ubuf[ub + q] = up(x[a + q]);
                /* drop an abbreviation's final period is not needed: TABARI keeps U.N. */
                ub += len;
                w->flags = 0;
                w->unit = -1;
                if (m->nw == 1) w->flags |= W_FIRST;
                if (!allcaps && (k->flags & TOKF_UPPER) && !(w->flags & W_FIRST) && a == 0) w->flags |= W_CAP;
            }
            a = b + 1;
        }
    }
    for (uint32_t i = 0; i < m->nw; i++) {
        mword *w = &m->w[i];
        if (w->flags & W_COMMA) continue;
        if (word_is(m, i, "AND") || word_is(m, i, "BUT") || word_is(m, i, "OR") || word_is(m, i, "NOR")) w->flags |= W_CONJ;
        else if (word_is(m, i, "THE") || word_is(m, i, "A") || word_is(m, i, "AN")) w->flags |= W_DET;
        else if (word_is(m, i, "WAS") || word_is(m, i, "WERE") || word_is(m, i, "BEEN")) w->flags |= W_AUX;
        else if (word_is(m, i, "BY")) w->flags |= W_BY;
        else if (word_is(m, i, "NOT") || word_is(m, i, "N'T") || word_is(m, i, "NEVER")) w->flags |= W_NEG;
        else if (in_set(m, i, SUBORD)) w->flags |= W_SUB;
    }
}

/* PETRARCH's words are whole: is word k (the last of an agent match) the
 * last word of the agent's name, or that with "S"/"ES" -- not a longer
 * word the stem reached ("diplomatic" for DIPLOMAT)? */
static int whole_word(const verb_lex *vl, const dict_entry *e, const char *w, size_t wn) {
    if (!vl->petr || !e->name) return 1;
    const char *nm = e->name, *last = nm;
    for (const char *p = nm; *p; p++)
        if (*p == ' ' || *p == '_') last = p + 1;
    size_t ln = strlen(last);
    if (strchr(last, '!')) return 1; /* a !SUBSTITUTION! ("CONGRESS!PERSON!"): its own keys */
    if (wn < ln) return 1;
    for (size_t i = 0; i < ln; i++)
        if (up(last[i]) != up(w[i])) return 1; /* another key ("GEESE" for GOOSE) */
    /* the name's word, or its regular plural; more is a stem's reach */
    return wn == ln || (wn == ln + 1 && up(w[ln]) == 'S') || (wn == ln + 2 && up(w[ln]) == 'E' && up(w[ln + 1]) == 'S');
}

/* The agent entry of exactly k tokens starting at token t, or NULL. */
static const dict_entry *agent_at(const mctx *m, int64_t t, uint32_t k, uint32_t last) {
    const dyad_doc *d = m->d;
    if (t < 0 || (uint64_t)t >= last) return NULL;
    if (m->tok_unit[t] >= 0) return NULL; /* a word of an actor is no agent */
    const dict_entry *e = NULL;
    int n = dict_match(m->dc, d, (uint32_t)t, last, 0, &e);
    if (n <= 0 || !e || e->kind != DE_AGENT) n = dict_match(m->dc, d, (uint32_t)t, last, 1, &e);
    if (n <= 0 || !e || e->kind != DE_AGENT) return NULL;
    /* PETRARCH's words are whole: DIPLOMAT is not "diplomatic" */
    const tok *lt = &d->toks[(uint32_t)t + (uint32_t)n - 1];
    if (!whole_word(m->vl, e, d->text + lt->start, lt->end - lt->start)) return NULL;
    return !k || (uint32_t)n == k ? e : NULL;
}

/* TABARI 5.4: an agent right after the actor ("Gondor's minister"),
 * right before it ("President Peres") or before "of"/"in" and the actor
 * ("president of Israel") adds its code to the actor's: "~GOV" after it,
 * "NGO~" before it, unless the actor's code already holds it on a
 * 3-letter boundary.  "Former" before either makes it ELI. */
/* Add agent code ag to u's code: before it (prefix) or after it, unless
 * it is there already on a 3-letter boundary (TABARI 5.4). */
static void add_agent(munit *u, const char *ag, int prefix) {
    size_t n = strlen(ag), bl = strlen(u->code);
    for (size_t k = 0; k + n <= bl; k += 3)
        if (!memcmp(u->code + k, ag, n)) return;
    if (bl + n >= 20) return; /* dactor codes hold 19 bytes */
    char out[24];
    if (prefix) memcpy(out, ag, n), memcpy(out + n, u->code, bl);
    else memcpy(out, u->code, bl), memcpy(out + bl, ag, n);
    out[bl + n] = '\0';
    memcpy(u->code, out, sizeof u->code);
}

/* Is token t-1 (inside the sentence) "former"?  t == 0: no. */
static int former_before(const mctx *m, uint32_t t) {
    const dyad_doc *d = m->d;
    if (t == 0 || t <= d->sents[m->sidx].first || t > d->sents[m->sidx].last) return 0;
    const tok *p = &d->toks[t - 1];
    if (p->end - p->start != 6) return 0;
    const char *x = d->text + p->start;
    return up(x[0]) == 'F' && up(x[1]) == 'O' && up(x[2]) == 'R' && up(x[3]) == 'M' && up(x[4]) == 'E' &&
           up(x[5]) == 'R';
}

static void compose_agent(mctx *m, munit *u) {
    const dyad_doc *d = m->d;
    uint32_t t0 = m->w[u->w0].tok, t1 = m->w[u->w1].tok + 1;
    uint32_t last = d->sents[m->sidx].last;
    const dict_entry *e = NULL;
    uint32_t b0 = u->b0, b1 = u->b1, lead = t0; /* lead: the first token of agent and actor */
    uint32_t after = t1;
    if (after < last && d->toks[after].kind == TOK_CLITIC) after++; /* "Gondor's" */
    if (after + 1 < last && former_before(m, after + 1)) after++; /* "Arnor former officials" */
    uint32_t agent_tok = 0;
    /* PETRARCH finds the agent anywhere in the noun phrase: "Dagolath's
     * first Deputy Prime Minister" */
    for (uint32_t skip = 0; skip <= (m->vl->petr ? 2u : 0u) && !e && after + skip < last; skip++) {
        if (skip && (d->toks[after + skip - 1].kind != TOK_WORD || m->actor_of[after + skip - 1] >= 0)) break;
        if ((e = agent_at(m, after + skip, 0, last))) {
            int n = dict_match(m->dc, d, after + skip, last, 1, &e);
            if (n <= 0) n = dict_match(m->dc, d, after + skip, last, 0, &e);
            if (n > 0) b1 = d->toks[after + skip + (uint32_t)n - 1].end;
            agent_tok = after + skip;
            u->agent_pos = 2;
        }
    }
    uint32_t first = d->sents[m->sidx].first;
    /* the longest agent that ends right before the actor ("human rights
     * activists Arnor" is HUMAN_RIGHTS_ACTIVIST, not RIGHTS_ACTIVIST) */
    for (uint32_t k = 4; !e && k >= 1; k--)
        if (k <= t0 - first && (e = agent_at(m, (int64_t)t0 - k, k, last)))
            b0 = d->toks[t0 - k].start, lead = t0 - k, u->agent_pos = 1;
    if (!e && t0 >= 2) {
        const tok *p = &d->toks[t0 - 1];
        size_t pl = p->end - p->start;
        const char *ps = d->text + p->start;
        if ((pl == 2 && (ps[0] == 'o' || ps[0] == 'O' || ps[0] == 'i' || ps[0] == 'I') &&
             (ps[1] == 'f' || ps[1] == 'F' || ps[1] == 'n' || ps[1] == 'N')) ||
            (m->vl->petr && pl == 4 && up(ps[0]) == 'F' && up(ps[1]) == 'R' && up(ps[2]) == 'O' && up(ps[3]) == 'M'))
            for (uint32_t k = 4; !e && k >= 1; k--)
                if (k + 1 <= t0 - first && (e = agent_at(m, (int64_t)t0 - 1 - k, k, last)))
                    b0 = d->toks[t0 - 1 - k].start, lead = t0 - 1 - k, u->agent_pos = 3;
    }
    if (!e) {
        u->agent_pos = 0;
        return;
    }
    const dict_code *c = dict_code_at(e, m->date);
    if (!c || !c->code[0]) return;
    memcpy(u->base, u->code, sizeof u->base);
    char ag[16];
    size_t n = 0;
    for (const char *p = c->code; *p && n + 1 < sizeof ag; p++)
        if (*p != '~') ag[n++] = *p;
    ag[n] = '\0';
    /* TABARI 5.4.1: "former" before the actor or the agent makes an elite */
    if (former_before(m, lead) || former_before(m, t0) || former_before(m, agent_tok)) {
        memcpy(ag, "ELI", 4);
        n = 3;
    }
    if (!n) return;
    memcpy(u->agent, ag, n + 1);
    u->agent_prefix = e->agent_prefix;
    add_agent(u, ag, e->agent_prefix);
    u->b0 = b0;
    u->b1 = b1;
    /* PETRARCH keeps an agent on each side: "an MSF Arnor diplomat" is
     * NGO + ARN + GOV */
    if (m->vl->petr && u->agent_pos == 2) {
        const dict_entry *e2 = NULL;
        uint32_t k = 4;
        for (; !e2 && k >= 1; k--)
            if (k <= t0 - first && (e2 = agent_at(m, (int64_t)t0 - k, k, last))) break;
        const dict_code *c2 = e2 ? dict_code_at(e2, m->date) : NULL;
        if (c2 && c2->code[0]) {
            char a2[16];
            size_t n2 = 0;
            for (const char *p = c2->code; *p && n2 + 1 < sizeof a2; p++)
                if (*p != '~') a2[n2++] = *p;
            a2[n2] = '\0';
            if (n2) {
                add_agent(u, a2, e2->agent_prefix);
                u->b0 = d->toks[t0 - k].start;
            }
        }
    }
}

static int whole_agent(const mctx *m, const dict_entry *e, uint32_t k) {
    return whole_word(m->vl, e, UW(m, k), m->w[k].len);
}

/* Units from the dictionaries, as TABARI finds actors: the longest entry
 * at each word, its code valid on the document's date; a null-coded
 * entry ([---]) or an agent only takes its words out of the verbs.  The
 * unit's actor is actor.c's actor of those words, or -1 (one is added to
 * the document if the unit takes part in an event). */
static void dict_units(mctx *m) {
    const dyad_doc *d = m->d;
    uint32_t last = d->sents[m->sidx].last;
    int caseless = m->allcaps;
    /* TABARI matches its actor phrases on the words (hyphens and "_" split
     * them; phrases with blanks may have words between theirs) */
    int words = m->pw != NULL;
    if (words) {
        m->npw = 0;
        for (uint32_t i = 0; i < m->nw; i++) {
            const char *x = UW(m, i);
            uint32_t n = m->w[i].len, a = 0;
            m->wp0[i] = m->npw;
            while (a < n) {
                uint32_t b = a;
                while (b < n && x[b] != '_') b++;
                if (b > a) {
                    m->pw[m->npw].s = x + a;
                    m->pw[m->npw].n = b - a;
                    m->pwi[m->npw++] = i;
                }
                a = b + 1;
            }
        }
    }
    uint32_t i = 0;
    while (i < m->nw) {
        if (m->w[i].flags & W_COMMA) {
            i++;
            continue;
        }
        uint32_t t = m->w[i].tok;
        const dict_entry *e = NULL;
        int n = dict_match(m->dc, d, t, last, caseless, &e);
        uint32_t j = i;
        if (n > 0 && e) {
            uint32_t tend = t + (uint32_t)n;
            while (j < m->nw && m->w[j].tok < tend) j++;
            if (j == i) j = i + 1;
        }
        if (words && m->wp0[i] < m->npw && m->pwi[m->wp0[i]] == i) {
            const dict_entry *e2 = NULL;
            int k = dict_match_words(m->dc, m->pw, m->npw, m->wp0[i], &e2);
            if (k > 0 && e2) {
                uint32_t j2 = m->pwi[m->wp0[i] + (uint32_t)k - 1] + 1;
                if (j2 > j) j = j2, e = e2, n = k;
            }
        }
        if (n <= 0 || !e) {
            i++;
            continue;
        }
        /* a conjunction inside an actor phrase ("Durthang and an Orc" for
         * DURTHANG ORC) does not split the clause (TABARI 7.6) */
        for (uint32_t k = i; k < j; k++) m->w[k].flags |= W_DICT | (m->w[k].flags & W_CONJ ? W_INGRP : 0);
        if (e->kind == DE_AGENT || e->kind == DE_ROLE) {
            const vopts *o = &m->vl->opt;
            const dict_code *c = (o->convert_agents || (o->no_dyad && whole_agent(m, e, j - 1))) && e->kind == DE_AGENT
                                     ? dict_code_at(e, m->date)
                                     : NULL;
            if (c && c->code[0] && strlen(c->code) < 15) {
                /* SET: CONVERT AGENTS (TABARI 8.2.6): an agent with no
                 * actor of its own is one, coded "~MIL" ("NGO~") */
                munit *u = &m->u[m->nu];
                memset(u, 0, sizeof *u);
                u->w0 = i;
                u->w1 = j - 1;
                u->actor = -1;
                u->group = (int32_t)m->nu;
                u->ref = -1;
                u->is_agent = 1;
                if (o->no_dyad) { /* PETRARCH's anonymous agent: "---GOV" */
                    size_t k = 3;
                    memcpy(u->code, "---", 3);
                    for (const char *p = c->code; *p && k + 1 < sizeof u->code; p++)
                        if (*p != '~') u->code[k++] = *p;
                    u->code[k] = '\0';
                } else if (e->agent_prefix) snprintf(u->code, sizeof u->code, "%s~", c->code);
                else snprintf(u->code, sizeof u->code, "~%s", c->code);
                for (uint32_t k = i; k < j; k++) m->w[k].unit = (int32_t)m->nu;
                m->nu++;
            }
            i = j;
            continue;
        }
        const dict_code *c = dict_code_at(e, m->date);
        if (!c || !c->code[0] || !strcmp(c->code, "---")) {
            i = j;
            continue;
        }
        munit *u = &m->u[m->nu];
        memset(u, 0, sizeof *u);
        u->w0 = i;
        u->w1 = j - 1;
        u->actor = -1;
        for (uint32_t k = t; k <= m->w[j - 1].tok && u->actor < 0; k++) u->actor = m->actor_of[k];
        u->group = (int32_t)m->nu;
        u->ref = -1;
        snprintf(u->code, sizeof u->code, "%s", c->code);
        for (uint32_t k = i; k < j; k++) m->w[k].unit = (int32_t)m->nu;
        m->nu++;
        i = j;
    }
}

/* A word that may stand between a conjunction and an actor of a compound
 * ("the evil awful Gondor"): tagged adjective or determiner, or an
 * untagged lower-case word that is not a verb of the lexicon. */
static int is_adj(const mctx *m, uint32_t k, int nouns) {
    const dyad_doc *d = m->d;
    uint32_t t = m->w[k].tok, v0, v1;
    if (word_kind(m->vl, UW(m, k), m->w[k].len) & WL_ADJ) return 1;
    if (d->tagged && d->an) {
        uint8_t u = d->an[t].upos;
        /* the tagger reads many such adjectives as nouns ("the evil
         * awful Gondor"): a lower-case noun may stand there too */
        return u == UPOS_ADJ || u == UPOS_DET || u == UPOS_NUM ||
               (nouns && u == UPOS_NOUN && !(d->toks[t].flags & TOKF_UPPER) && !find_verb(m, k, &v0, &v1));
    }
    return 0;
}

/* TABARI's coded compounds "FRO/BIL/SAM": one unit per code, same words,
 * one group.  Bounded by the room left in the unit array. */
static void split_coded(mctx *m) {
    /* Universal-PETRARCH (its ontology loaded) keeps "FRO/BIL/SAM" as
     * one actor code, as its validation records show */
    if (m->vl->npico) return;
    uint32_t extra = 0;
    for (uint32_t q = 0; q < m->nu; q++)
        for (const char *p = m->u[q].code; *p; p++) extra += *p == '/';
    if (!extra || m->nu + extra > m->nw + 1) return;
    uint32_t n = m->nu + extra;
    for (uint32_t q = m->nu; q-- > 0;) {
        munit src = m->u[q];
        const char *parts[8];
        size_t lens[8];
        int np = 0;
        const char *p = src.code;
        while (*p && np < 8) {
            const char *e = strchr(p, '/');
            size_t l = e ? (size_t)(e - p) : strlen(p);
            parts[np] = p, lens[np] = l, np++;
            p = e ? e + 1 : p + l;
        }
        uint32_t slashes = 0;
        for (const char *x = src.code; *x; x++) slashes += *x == '/';
        /* parts beyond 8 are dropped; the slots they would use stay empty copies */
        for (uint32_t k = slashes + 1; k-- > 0;) {
            munit *u = &m->u[--n];
            *u = src;
            int pi = (int)k < np ? (int)k : np - 1;
            char tmp[24];
            size_t l = lens[pi] < sizeof tmp - 1 ? lens[pi] : sizeof tmp - 1;
            memcpy(tmp, parts[pi], l);
            tmp[l] = '\0';
            memcpy(u->code, tmp, l + 1);
        }
    }
    m->nu += extra;
    /* indexes moved: words point at the first part, groups are fresh */
    for (uint32_t q = 0; q < m->nu; q++) {
        int first = !(q > 0 && m->u[q - 1].w0 == m->u[q].w0);
        m->u[q].group = first ? (int32_t)q : m->u[q - 1].group;
        if (first)
            for (uint32_t k = m->u[q].w0; k <= m->u[q].w1; k++) m->w[k].unit = (int32_t)q;
    }
}

/* Converted agents that an actor took as its agent go (TABARI: only an
 * agent with no actor is converted).  Keeps the units in text order. */
static void drop_absorbed_agents(mctx *m) {
    int any = 0;
    for (uint32_t q = 0; q < m->nu; q++) any |= m->u[q].is_agent;
    if (!any) return;
    uint32_t out = 0;
    for (uint32_t q = 0; q < m->nu; q++) {
        const munit *u = &m->u[q];
        int gone = 0;
        if (u->is_agent)
            for (uint32_t r = 0; r < m->nu && !gone; r++)
                if (!m->u[r].is_agent && m->u[r].b0 <= u->b0 && u->b1 <= m->u[r].b1) gone = 1;
        if (gone) {
            for (uint32_t k = u->w0; k <= u->w1; k++) m->w[k].unit = -1;
            continue;
        }
        m->u[out++] = *u;
    }
    m->nu = out;
    for (uint32_t q = 0; q < m->nu; q++) {
        int first = !(q > 0 && m->u[q - 1].w0 == m->u[q].w0);
        m->u[q].group = first ? (int32_t)q : m->u[q - 1].group;
        if (first)
            for (uint32_t k = m->u[q].w0; k <= m->u[q].w1; k++) m->w[k].unit = (int32_t)q;
    }
}

/* Actor units, compounds and pronouns. */
static void build_units(mctx *m) {
    m->nu = 0;
    const dyad_doc *d = m->d;
    if (m->dc) {
        dict_units(m);
    } else {
        for (uint32_t i = 0; i < m->nw; i++) {
            if (m->w[i].flags & W_COMMA) continue;
            int32_t a = m->actor_of[m->w[i].tok];
            if (a < 0 || !d->actors[a].code[0] || !strcmp(d->actors[a].code, "---")) continue;
            if (m->nu && m->u[m->nu - 1].w1 + 1 == i && m->u[m->nu - 1].actor == a &&
                m->mstart[m->w[m->u[m->nu - 1].w1].tok] == m->mstart[m->w[i].tok]) {
                m->u[m->nu - 1].w1 = i;
                m->w[i].unit = (int32_t)m->nu - 1;
                continue;
            }
            munit *u = &m->u[m->nu];
            memset(u, 0, sizeof *u);
            u->w0 = u->w1 = i;
            u->actor = a;
            u->group = (int32_t)m->nu;
            u->ref = -1;
            snprintf(u->code, sizeof u->code, "%s", d->actors[a].code);
            m->w[i].unit = (int32_t)m->nu++;
        }
    }
    split_coded(m);
    const sent *st = &d->sents[m->sidx];
    for (uint32_t t = st->first; t < st->last; t++) m->tok_unit[t] = -1;
    for (uint32_t q = 0; q < m->nu; q++) {
        munit *u = &m->u[q];
        u->b0 = m->w[u->w0].start;
        u->b1 = m->w[u->w1].end;
        if (!u->is_agent)
            for (uint32_t k = u->w0; k <= u->w1; k++) m->tok_unit[m->w[k].tok] = (int32_t)q;
    }
    for (uint32_t q = 0; q < m->nu; q++)
        if (m->dc && !m->u[q].is_agent) compose_agent(m, &m->u[q]);
    drop_absorbed_agents(m);
    /* compounds: units joined by "," "and" "or" "nor" ", and", with
     * determiners and adjectives before the next one (TABARI 7.5) */
    for (uint32_t q = 1; q < m->nu; q++) {
        if (m->u[q].w0 == m->u[q - 1].w0) continue; /* a coded compound's part */
        uint32_t a = m->u[q - 1].w1 + 1, b = m->u[q].w0;
        if (b <= a || b - a > 5) continue;
        int ok = 1, conj = 0, comma = 0, seen_link = 0;
        for (uint32_t k = a; k < b; k++) {
            uint16_t f = m->w[k].flags;
            if (f & W_CONJ) {
                conj++, seen_link = 1;
                if (word_is(m, k, "BUT")) ok = 0;
            } else if (f & W_COMMA) comma++, seen_link = 1;
            else if (!(f & W_DET) && !(seen_link && is_adj(m, k, 1))) ok = 0;
        }
        if (!ok || conj + comma == 0 || conj > 1 || comma > 1) continue;
        if (!((m->w[a].flags & (W_CONJ | W_COMMA)))) continue; /* the link comes first */
        for (uint32_t r = q; r < m->nu && m->u[r].w0 == m->u[q].w0; r++) m->u[r].group = m->u[q - 1].group;
        for (uint32_t k = a; k < b; k++) m->w[k].flags |= W_INGRP;
    }
    /* a comma list "A, B and C": a comma joins only when the list ends in "and" */
    for (uint32_t q = 1; q < m->nu; q++) {
        if (m->u[q].w0 == m->u[q - 1].w0) continue;
        if (m->u[q].group == m->u[q - 1].group) {
            uint32_t a = m->u[q - 1].w1 + 1, b = m->u[q].w0;
            int conj = 0;
            for (uint32_t k = a; k < b; k++) conj |= (m->w[k].flags & W_CONJ) != 0;
            if (conj) continue;
            /* walk to the end of the group: is there an "and" link? */
            int has_and = 0;
            for (uint32_t r = q + 1; r < m->nu && m->u[r].group == m->u[q].group; r++)
                for (uint32_t k = m->u[r - 1].w1 + 1; k < m->u[r].w0; k++) has_and |= (m->w[k].flags & W_CONJ) != 0;
            if (!has_and) { /* split: "Arnor, Gondor said" is no list */
                int32_t ng = (int32_t)q;
                for (uint32_t r = q; r < m->nu && m->u[r].group == m->u[q - 1].group; r++) m->u[r].group = ng;
                for (uint32_t k = a; k < b; k++) m->w[k].flags &= (uint16_t)~W_INGRP;
            }
        }
    }
    /* TABARI 7.5.1: "<noun> <conj> <adjective>* <noun>" ("bombs and
     * rockets") does not split the sentence into clauses */
    for (uint32_t i = 1; i + 1 < m->nw; i++) {
        if (!(m->w[i].flags & W_CONJ) || (m->w[i].flags & W_INGRP)) continue;
        /* "<adjective> <conj> <adjective>": "easy or pleasant" */
        if ((word_kind(m->vl, UW(m, i - 1), m->w[i - 1].len) & WL_ADJ) &&
            (word_kind(m->vl, UW(m, i + 1), m->w[i + 1].len) & WL_ADJ)) {
            m->w[i].flags |= W_INGRP;
            continue;
        }
        if (!(word_kind(m->vl, UW(m, i - 1), m->w[i - 1].len) & WL_NOUN)) continue;
        uint32_t j = i + 1;
        while (j < m->nw && j < i + 5 && is_adj(m, j, 0)) j++;
        if (j < m->nw && (word_kind(m->vl, UW(m, j), m->w[j].len) & WL_NOUN)) m->w[i].flags |= W_INGRP;
    }
    /* PETRARCH: an agent of a whole compound ("the ambassadors of A, B and
     * C", "A and B legislators") goes to every member that has none */
    if (m->vl->petr)
        for (uint32_t g = 0; g < m->nu; g++) {
            if (m->u[g].group != (int32_t)g) continue;
            uint32_t end = g + 1;
            while (end < m->nu && m->u[end].group == (int32_t)g) end++;
            if (end - g < 2) continue;
            const munit *from = NULL;
            if (m->u[g].agent_pos == 3) from = &m->u[g];
            else if (m->u[end - 1].agent_pos == 2) from = &m->u[end - 1];
            if (!from) continue;
            for (uint32_t q = g; q < end; q++)
                if (!m->u[q].agent_pos) add_agent(&m->u[q], from->agent, from->agent_prefix);
        }
}

/* TABARI's pronoun rules for pronouns actor.c did not resolve: units that
 * refer to a group. */
static void add_pronouns(mctx *m, uint32_t cap) {
    if (!m->nu) return;
    int32_t first = m->u[0].group, comp = -1;
    for (uint32_t q = 1; q < m->nu; q++)
        if (m->u[q].group == m->u[q - 1].group) {
            comp = m->u[q - 1].group;
            break;
        }
    uint32_t nu0 = m->nu;
    for (uint32_t i = 0; i < m->nw && m->nu < cap; i++) {
        if (m->w[i].unit >= 0) continue;
        int32_t g = -1;
        if (in_set(m, i, PRON1)) g = first;
        else if (in_set(m, i, PRON2)) /* the nearest actor before it */
            for (uint32_t q = 0; q < nu0 && m->u[q].w1 < i; q++) g = m->u[q].group;
        else if (in_set(m, i, PRON3)) g = comp >= 0 ? comp : first;
        if (g < 0 || m->u[g].w0 > i) continue;
        munit *u = &m->u[m->nu];
        memset(u, 0, sizeof *u);
        u->w0 = u->w1 = i;
        u->actor = m->u[g].actor;
        u->group = (int32_t)m->nu;
        u->ref = g;
        m->w[i].unit = (int32_t)m->nu++;
    }
    (void)nu0;
}

/* TABARI 8.4 FORWARD: a pronoun at the start of the sentence, before any
 * actor, stands for the first actor of the sentence before (its actor
 * code only, without agent); m->fwd holds it. */
static void forward_pronoun(mctx *m, uint32_t cap) {
    uint32_t first = m->nw;
    for (uint32_t q = 0; q < m->nu; q++)
        if (!m->u[q].pseudo && m->u[q].w0 < first) first = m->u[q].w0;
    for (uint32_t i = 0; i < first && m->nu < cap; i++) {
        if (m->w[i].unit >= 0 || !(in_set(m, i, PRON1) || in_set(m, i, PRON2) || in_set(m, i, PRON3))) continue;
        munit *u = &m->u[m->nu];
        memset(u, 0, sizeof *u);
        u->w0 = u->w1 = i;
        u->b0 = m->w[i].start;
        u->b1 = m->w[i].end;
        u->actor = -1;
        u->group = (int32_t)m->nu;
        u->ref = -1;
        memcpy(u->code, m->fwd, sizeof u->code);
        m->w[i].unit = (int32_t)m->nu++;
        m->fwd_used = 1;
        return;
    }
}

/* The code FORWARD passes on from the units just built: the first actor in
 * text order that is not a pronoun, without its agent; "" if none. */
static void forward_candidate(const mctx *m, char out[24]) {
    const munit *best = NULL;
    out[0] = '\0';
    for (uint32_t q = 0; q < m->nu; q++) {
        const munit *u = &m->u[q];
        if (u->pseudo || u->is_agent || (best && best->w0 <= u->w0)) continue;
        if (in_set(m, u->w0, PRON1) || in_set(m, u->w0, PRON2) || in_set(m, u->w0, PRON3)) continue;
        best = u;
    }
    if (best) memcpy(out, best->base[0] ? best->base : best->code, 24);
}

/* Remove comma-delimited stretches of 3..10 words (TABARI 7.8): marks
 * their words dead by compacting the word array. */
static void drop_comma_clauses(mctx *m) {
    const vopts *o = &m->vl->opt;
    if (o->comma_off) return;
    uint32_t nw = m->nw, out = 0, i = 0;
    /* the first stretch, before any comma: BMIN/BMAX (never, by default) */
    uint32_t fc = 0;
    while (fc < nw && !((m->w[fc].flags & W_COMMA) && !(m->w[fc].flags & W_INGRP))) fc++;
    if (fc < nw && (int)fc > o->bmin && (int)fc <= o->bmax) i = fc + 1;
    /* left to right: a stretch that goes takes both its commas with it, so
     * the next stretch starts at the next comma still standing */
    while (i < nw) {
        int is_comma = (m->w[i].flags & W_COMMA) && !(m->w[i].flags & W_INGRP);
        if (!is_comma) {
            m->w[out++] = m->w[i++];
            continue;
        }
        uint32_t j = i + 1;
        while (j < nw && !((m->w[j].flags & W_COMMA) && !(m->w[j].flags & W_INGRP))) j++;
        int n = (int)(j - i - 1);
        int lo = j < nw ? o->cmin : o->emin, hi = j < nw ? o->cmax : o->emax;
        if (n > lo && n <= hi) {
            i = j < nw ? j + 1 : j; /* drop [i, j] */
            continue;
        }
        m->w[out++] = m->w[i++];
    }
    m->nw = out;
}

/* A past participle: tagged VBN, or an -ED/-EN word when untagged. */
static int participle(const mctx *m, uint32_t i) {
    const dyad_doc *d = m->d;
    if (d->tagged && d->an) return d->an[m->w[i].tok].xpos == XPOS_VBN || d->an[m->w[i].tok].xpos == XPOS_VBD;
    size_t n = m->w[i].len;
    const char *t = UW(m, i);
    return n > 3 && ((t[n - 2] == 'E' && (t[n - 1] == 'D' || t[n - 1] == 'N')));
}

/* Code one sentence into pend[]. */
/* Is word i a verb candidate, and which form?  TABARI 7.4: not inside
 * an actor or agent, not after a determiner, not capitalised mid-sentence. */
static const vform *verb_at(const mctx *m, uint32_t i, uint32_t *v0, uint32_t *v1) {
    const mword *w = &m->w[i];
    if (w->unit >= 0 || (w->flags & (W_COMMA | W_CONJ | W_DET | W_CAP | W_DICT))) return NULL;
    if (i > 0 && (m->w[i - 1].flags & W_DET)) return NULL; /* "the restore": a noun */
    if (word_kind(m->vl, UW(m, i), w->len) & WL_NOUN) return NULL; /* a <NOUN> of the actors file */
    /* "donate's": a possessive is a noun; TABARI's verb endings are -S -ED
     * -ES -EN -ING only (5.2.3) */
    if (i + 1 < m->nw && m->w[i + 1].start == w->end && m->w[i + 1].len == 2 && word_is(m, i + 1, "'S")) return NULL;
    return find_verb(m, i, v0, v1);
}

static int32_t slot_of(const munit *u) { return u->ref >= 0 ? u->ref : u->group; }

/* The first unit (in text order) of words [a, b) whose group shares no
 * code with group other (-1: any); its slot, or -1. */
static int32_t first_unit_in_x(const mctx *m, uint32_t a, uint32_t b, int32_t other, int refs) {
    const munit *best = NULL;
    for (uint32_t q = 0; q < m->nu; q++) {
        const munit *u = &m->u[q];
        if (u->pseudo || u->w0 < a || u->w0 >= b || (best && best->w0 <= u->w0)) continue;
        if (!refs && u->ref >= 0) continue;
        if (other >= 0 && group_has_code_of(m, slot_of(u), other)) continue;
        best = u;
    }
    return best ? slot_of(best) : -1;
}

static int32_t first_unit_in(const mctx *m, uint32_t a, uint32_t b, int32_t other) {
    return first_unit_in_x(m, a, b, other, 1);
}

/* A target after the verb: a named actor before a pronoun ("... in its
 * dealings with Rohan"). */
static int32_t first_target_in(const mctx *m, uint32_t a, uint32_t b, int32_t other) {
    int32_t g = first_unit_in_x(m, a, b, other, 0);
    return g >= 0 ? g : first_unit_in_x(m, a, b, other, 1);
}

/* The unit slot of token t or of a modifier of it ("the Arnor
 * government"), within WINDOW tokens; -1. */
static int32_t slot_of_tok(const mctx *m, uint32_t t) {
    const dyad_doc *d = m->d;
    const sent *s = &d->sents[m->sidx];
    if (m->tok_unit[t] >= 0) return slot_of(&m->u[m->tok_unit[t]]);
    uint32_t lo = t > s->first + WINDOW ? t - WINDOW : s->first, hi = t + WINDOW < s->last ? t + WINDOW : s->last;
    for (uint32_t k = lo; k < hi; k++) {
        if (d->an[k].head != (int32_t)t || m->tok_unit[k] < 0) continue;
        uint8_t r = d->an[k].deprel;
        if (r == DEP_COMPOUND || r == DEP_AMOD || r == DEP_NMOD_POSS || r == DEP_FLAT) return slot_of(&m->u[m->tok_unit[k]]);
    }
    return -1;
}

/* PETRARCH takes the source from the parse: the subject of the verb (or of
 * the verb it is the complement of), when it is an actor; -1. */
static int32_t parse_subject(const mctx *m, uint32_t v) {
    const dyad_doc *d = m->d;
    if (!d->parsed || !d->an) return -1;
    const sent *s = &d->sents[m->sidx];
    uint32_t t = m->w[v].tok;
    for (int step = 0; step < 3; step++) {
        uint32_t lo = t > s->first + WINDOW ? t - WINDOW : s->first, hi = t + WINDOW < s->last ? t + WINDOW : s->last;
        for (uint32_t k = lo; k < hi; k++)
            if (d->an[k].head == (int32_t)t && d->an[k].deprel == DEP_NSUBJ) {
                int32_t g = slot_of_tok(m, k);
                if (g >= 0) return g;
            }
        int32_t h = d->an[t].head;
        uint8_t r = d->an[t].deprel;
        if (h < (int32_t)s->first || h >= (int32_t)s->last || (r != DEP_XCOMP && r != DEP_CONJ)) break;
        t = (uint32_t)h;
    }
    return -1;
}

/* A DEFAULT: source or target (TABARI 8.5): a unit of its own. */
static int32_t pseudo_unit(mctx *m, const char *code) {
    munit *u = &m->u[m->nu];
    memset(u, 0, sizeof *u);
    u->pseudo = 1;
    u->actor = -1;
    u->ref = -1;
    u->group = (int32_t)m->nu;
    snprintf(u->code, sizeof u->code, "%s", code);
    return (int32_t)m->nu++;
}

/* The "---" unit of an empty slot (PETRARCH's require_dyad=false), made
 * once a sentence into *u. */
static int32_t none_unit(mctx *m, int32_t *u) {
    if (*u < 0) *u = pseudo_unit(m, "---");
    return *u;
}

/* TABARI 8.7: is the sentence too complex to code? */
static int too_complex(const mctx *m) {
    const vopts *o = &m->vl->opt;
    if (!o->cx_verbs && !o->cx_conj && !o->cx_actors && !o->cx_pronouns && !o->noactprior && !o->noactafter &&
        !o->noverb)
        return 0;
    int verbs = 0, conj = 0, actors = 0, pron = 0;
    int64_t first = -1;
    for (uint32_t i = 0; i < m->nw; i++) {
        if ((m->w[i].flags & W_CONJ) && !(m->w[i].flags & W_INGRP)) conj++;
        uint32_t v0, v1;
        const vform *f = verb_at(m, i, &v0, &v1);
        if (!f) continue;
        const vroot *r = &m->vl->roots[f->root];
        if (!f->has_code && !strcmp(r->code, "---")) continue; /* a null verb is no verb */
        if (first < 0) first = v0;
        verbs++;
        i = v1;
    }
    for (uint32_t q = 0; q < m->nu; q++) {
        if (m->u[q].pseudo) continue;
        if (m->u[q].ref >= 0) pron++;
        else actors++;
    }
    if (o->cx_verbs && verbs >= o->cx_verbs) return 1;
    if (o->cx_conj && conj >= o->cx_conj) return 1;
    if (o->cx_actors && actors >= o->cx_actors) return 1;
    if (o->cx_pronouns && pron >= o->cx_pronouns) return 1;
    if (o->noverb && first < 0) return 1;
    if (first >= 0 && o->noactprior && first_unit_in(m, 0, (uint32_t)first, -1) < 0) return 1;
    if (first >= 0 && o->noactafter && first_unit_in(m, (uint32_t)first + 1, m->nw, -1) < 0) return 1;
    return 0;
}

static void wset_add(mctx *m, const char *s, size_t n) {
    uint32_t h = word_hash(s, n), k = h & m->wmask;
    while (m->wset[k] && m->wset[k] != h) k = (k + 1) & m->wmask;
    m->wset[k] = h;
}

static int wset_has(const mctx *m, uint32_t h) {
    uint32_t k = h & m->wmask;
    while (m->wset[k]) {
        if (m->wset[k] == h) return 1;
        k = (k + 1) & m->wmask;
    }
    return 0;
}

/* The words of the sentence, with the singulars a PETRARCH word matches. */
static void build_wset(mctx *m) {
    memset(m->wset, 0, ((size_t)m->wmask + 1) * sizeof *m->wset);
    for (uint32_t i = 0; i < m->nw; i++) {
        const char *t = UW(m, i);
        size_t n = m->w[i].len;
        wset_add(m, t, n);
        if (n > 1 && t[n - 1] == 'S') wset_add(m, t, n - 1);
        if (n > 2 && t[n - 1] == 'S' && t[n - 2] == 'E') wset_add(m, t, n - 2);
        if (n > 3 && !memcmp(t + n - 3, "IES", 3)) {
            char b[64];
            memcpy(b, t, n - 3);
            b[n - 3] = 'Y';
            wset_add(m, b, n - 2);
        }
    }
}

/* Can pattern p match in this sentence at all?  Its whole words must be
 * among the sentence's (a cheap test before the search). */
static int pat_possible(const mctx *m, const vpat *p) {
    for (uint32_t k = 0; k < p->nneed; k++)
        if (!wset_has(m, p->need[k])) return 0;
    return 1;
}

/* Code one sentence into pend[]; 1 when it is discarded or complex. */
static int code_sentence(mctx *m, pend *ev, int *nev) {
    const vopts *o = &m->vl->opt;
    *nev = 0;
    /* units point at word indexes: rebuild after the drop */
    for (uint32_t i = 0; i < m->nw; i++) m->w[i].unit = -1;
    uint32_t cap = m->nw + 1;
    build_units(m);
    if (o->forward && m->fwd[0]) forward_pronoun(m, cap);
    add_pronouns(m, cap);
    if (m->debug) {
        fprintf(stderr, "verbs: sentence %u:", m->sidx);
        for (uint32_t i = 0; i < m->nw; i++)
            fprintf(stderr, " %.*s%s", (int)m->w[i].len, UW(m, i),
                    m->w[i].unit >= 0 ? (m->u[m->w[i].unit].ref >= 0 ? "@ref" : "@A") : "");
        fprintf(stderr, "\n");
        for (uint32_t q = 0; q < m->nu; q++)
            fprintf(stderr, "  unit %u: words %u-%u code %s group %d ref %d\n", q, m->u[q].w0, m->u[q].w1, m->u[q].code,
                    m->u[q].group, m->u[q].ref);
    }
    if (o->min_words && m->nw_all < (uint32_t)o->min_words) return 0;
    build_wset(m);
    if (m->complex || too_complex(m)) return 1;
    int32_t def_src = o->def_src[0] ? pseudo_unit(m, o->def_src) : -1;
    int32_t def_tgt = o->def_tgt[0] ? pseudo_unit(m, o->def_tgt) : -1;
    if (!m->nu) return 0;
    int32_t carried = -1; /* the source kept across clauses */
    int32_t none_u = -1;  /* the "---" unit of require_dyad=false, made when needed */
    uint32_t c0 = 0;
    int clause = 0, sentence_done = 0;
    while (c0 < m->nw && !sentence_done) {
        uint32_t c1 = c0;
        while (c1 < m->nw && !((m->w[c1].flags & W_CONJ) && !(m->w[c1].flags & W_INGRP))) c1++;
        int32_t clause_src = carried;
        if (clause > 0 && c0 < m->nw && m->w[c0].unit >= 0) clause_src = slot_of(&m->u[m->w[c0].unit]);
        int got = 0;
        uint32_t got_v1 = 0;
        /* (Universal-PETRARCH, its ontology loaded, does not: its records
         * never code the reporting clause) */
        int more = m->vl->petr && !m->vl->npico;
        for (uint32_t i = c0; i < c1 && !(got && o->code_by != 2 && !more); i++) {
            uint32_t v0, v1;
            const vform *f = verb_at(m, i, &v0, &v1);
            if (!f) continue;
            const vroot *r = &m->vl->roots[f->root];
            /* the verb's stretch: commas and conjunctions outside compounds */
            uint32_t lo = v0, hi = v1 + 1;
            while (lo > c0 && !((m->w[lo - 1].flags & (W_COMMA | W_CONJ)) && !(m->w[lo - 1].flags & W_INGRP)) &&
                   v0 - lo < WINDOW)
                lo--;
            /* PETRARCH codes every verb phrase with a subject of its own:
             * after the clause's event, a verb is coded only when its
             * comma-delimited stretch begins with its own actor (", the
             * official news agency said") */
            int32_t own_src = -1;
            if (got && o->code_by != 2) {
                if (lo <= got_v1 || lo == 0 || !(m->w[lo - 1].flags & W_COMMA) ||
                    (own_src = first_unit_in(m, lo, v0 < lo + 4 ? v0 : lo + 4, -1)) < 0) {
                    i = v1;
                    continue;
                }
            }
            while (hi < c1 && !((m->w[hi].flags & (W_COMMA | W_CONJ)) && !(m->w[hi].flags & W_INGRP)) &&
                   hi - v1 < WINDOW)
                hi++;
            /* PETRARCH 2 matches patterns across "that"; Universal-PETRARCH
             * (its ontology loaded) stops at a subordinate clause */
            uint32_t phi = hi;
            if (m->vl->npico)
                for (uint32_t k = v1 + 1; k < hi; k++)
                    if (m->w[k].flags & W_SUB) {
                        phi = k;
                        break;
                    }
            slots sl = {-1, -1, -1, 0};
            const char *code = f->has_code ? f->code : r->code;
            for (uint32_t k = 0; k < r->n; k++) {
                const vpat *p = &m->vl->pats[r->first + k];
                slots tmp;
                if (pat_possible(m, p) && match_pattern(m, p, v0, v1, lo, phi, &tmp)) {
                    code = p->code;
                    sl = tmp;
                    break;
                }
            }
            if (m->debug)
                fprintf(stderr, "  verb %.*s words %u-%u stretch %u-%u code %s pattern slots %d %d %d\n",
                        (int)m->w[i].len, UW(m, i), v0, v1, lo, hi, code, sl.src, sl.tgt, sl.comp);
            if (!strcmp(code, "###") || !strcmp(code, "+++")) return 1;
            if (!strcmp(code, "---")) {
                i = v1;
                continue;
            }
            int32_t src = sl.src, tgt = sl.tgt;
            /* % is source and target at once (TABARI 5.7.3); after the
             * verb in a PETRARCH pattern ("* WITH %") it is the target
             * of the usual source, when there is one */
            if (sl.comp >= 0 && r->petr && sl.comp_after) tgt = sl.comp;
            else if (sl.comp >= 0) src = tgt = sl.comp;
            int by_pattern = src >= 0 || tgt >= 0;
            /* the source: the first actor before the verb (TABARI 5.8), or
             * the one carried from the clause before */
            if (src < 0 && own_src >= 0 && (tgt < 0 || !group_has_code_of(m, own_src, tgt))) src = own_src;
            if (src < 0 && r->petr) {
                int32_t g = parse_subject(m, v0);
                if (g >= 0 && (tgt < 0 || !group_has_code_of(m, g, tgt))) src = g;
            }
            /* an actor "immediately after the conjunction" (TABARI 7.6)
             * overrides the kept source: dyad reads it as the noun phrase
             * right after it, at most two words before the actor ("and
             * pigs of Gondor warned") */
            if (src < 0 && clause > 0) src = first_unit_in(m, c0, v0 < c0 + 3 ? v0 : c0 + 3, tgt);
            if (src < 0) src = clause == 0 || clause_src < 0 ? first_unit_in(m, 0, v0, tgt) : clause_src;
            if (src < 0 && sl.comp >= 0) src = sl.comp;
            /* a target the pattern designates ("+ WAS * DEAD") with no
             * other actor before the verb: the source is the first actor
             * after it with another code ("was shot dead in Osgiliath") */
            if (src < 0 && sl.tgt >= 0 && def_src < 0) src = first_target_in(m, v1 + 1, c1, tgt);
            /* with a DEFAULT: source but not PRIOR, TABARI is greedy: the
             * source may follow the verb (TABARI 8.5) */
            if (src < 0 && def_src >= 0 && !o->def_src_prior) src = first_target_in(m, v1 + 1, c1, tgt);
            if (src < 0 && def_src >= 0) src = def_src;
            /* require_dyad=false (PETRARCH): an empty slot is "---" */
            if (src < 0 && o->no_dyad) src = none_unit(m, &none_u);
            if (src < 0) continue; /* no actor before the verb: not coded */
            if (tgt < 0) {
                tgt = first_target_in(m, v1 + 1, c1, src);
                if (tgt < 0 && def_tgt >= 0 && o->def_tgt_after) tgt = def_tgt;
                /* TABARI 5.8 then looks before the verb; PETRARCH takes the
                 * target from the verb's phrase only */
                if (tgt < 0 && !r->petr) tgt = first_target_in(m, c0, v0, src); /* the clause's own first */
                if (tgt < 0 && !r->petr && clause == 0) tgt = first_target_in(m, 0, v0, src);
                if (tgt < 0 && src + 1 < (int32_t)m->nu && m->u[src + 1].group == src && !m->u[src].pseudo) tgt = src;
                if (tgt < 0 && def_tgt >= 0) tgt = def_tgt;
            }
            if (tgt < 0 && o->no_dyad && src != none_u) tgt = none_unit(m, &none_u);
            if (tgt < 0) continue;
            if (def_src >= 0 && o->def_src_prior && src != def_src && sl.src < 0 && sl.comp < 0 &&
                first_unit_in(m, 0, v0, -1) < 0)
                src = def_src;
            /* passive: WAS/WERE/BEEN one or two words before, BY right after
             * (TABARI 7.9); PETRARCH's parse needs no BY */
            int aux = (v0 >= 1 && (m->w[v0 - 1].flags & W_AUX)) || (v0 >= 2 && (m->w[v0 - 2].flags & W_AUX));
            /* PETRARCH's parse also sees "was heavily and unjustly
             * criticized": adverbs in -LY and conjunctions between */
            for (uint32_t k = v0; r->petr && !aux && k > 0 && v0 - k < 6; k--) {
                const mword *pw = &m->w[k - 1];
                if (pw->flags & W_AUX) aux = 1;
                else if (!(pw->flags & W_CONJ) && !(pw->len > 3 && !memcmp(UW(m, k - 1) + pw->len - 2, "LY", 2))) break;
            }
            int by = (v1 + 1 < m->nw && (m->w[v1 + 1].flags & W_BY)) ||
                     (v1 + 2 < m->nw && (m->w[v1 + 2].flags & W_BY) && m->w[v1 + 1].unit < 0);
            if (!by_pattern && aux && (by || (r->petr && participle(m, v1)))) {
                int32_t x = src;
                src = tgt;
                tgt = x;
            }
            int neg = (v0 >= 1 && (m->w[v0 - 1].flags & W_NEG)) || (v0 >= 2 && (m->w[v0 - 2].flags & W_NEG));
            /* further back over adverbs only: "did not even ever clash" */
            for (uint32_t k = v0 >= 2 && in_set(m, v0 - 1, NEG_ADV) ? v0 - 2 : 0;
                 !neg && k > 0 && v0 - k < 6 && in_set(m, k, NEG_ADV); k--)
                neg = (m->w[k - 1].flags & W_NEG) != 0;
            int before = *nev;
            make_events(m, code, src, tgt, v0, v1, neg, ev, nev);
            if (*nev > before) {
                /* a subordinate event ("said") lets the clause look on */
                int sub_only = 1;
                for (int k = before; k < *nev; k++) sub_only &= ev[k].sub;
                if (!sub_only) {
                    got = 1;
                    got_v1 = v1;
                    if (o->code_by == 1) sentence_done = 1;
                }
                carried = src;
            }
            i = v1;
        }
        if (!got && clause == 0) {
            int32_t g = first_unit_in(m, c0, c1, -1);
            if (g >= 0) carried = g;
        }
        clause++;
        c0 = c1 + 1;
    }
    return 0;
}

/* The actor index of unit q: its actor, or -- when an agent changed its
 * code -- an actor of the document with that code (added once, with the
 * unit as its mention).  -2 when out of memory. */
static int32_t unit_actor(mctx *m, int32_t q) {
    dyad_doc *d = m->d;
    const munit *u = &m->u[q];
    if (u->actor < 0) { /* words only the verb dictionaries' actors know, or a DEFAULT: */
        const char *nm = u->pseudo ? u->code : d->text + u->b0;
        size_t nl = u->pseudo ? strlen(u->code) : u->b1 - u->b0;
        for (size_t i = 0; i < d->nactor; i++)
            if (d->actors[i].name && !strcmp(d->actors[i].code, u->code) && d->actors[i].type == ENT_NONE &&
                d->actors[i].nroles == 0 && !strncmp(d->actors[i].name, nm, nl) && !d->actors[i].name[nl])
                return (int32_t)i;
        dactor a;
        memset(&a, 0, sizeof a);
        a.name = arena_strndup(&d->a, nm, nl);
        if (!a.name) return -2;
        size_t cl = strlen(u->code);
        if (cl >= sizeof a.code) cl = sizeof a.code - 1;
        memcpy(a.code, u->code, cl);
        a.nmention = 1;
        if (doc_push_actor(d, &a)) return -2;
        if (u->pseudo) {
            d->actors[d->nactor - 1].nmention = 0;
            return (int32_t)d->nactor - 1;
        }
        if (doc_push_mention(d, u->b0, u->b1, (int32_t)d->nactor - 1)) return -2;
        return (int32_t)d->nactor - 1;
    }
    const dactor *base = &d->actors[u->actor];
    if (!strcmp(base->code, u->code)) return u->actor;
    for (size_t i = 0; i < d->nactor; i++)
        if (d->actors[i].name == base->name && !strcmp(d->actors[i].code, u->code)) return (int32_t)i;
    dactor a = *base;
    size_t cl = strlen(u->code);
    if (cl >= sizeof a.code) cl = sizeof a.code - 1;
    memcpy(a.code, u->code, cl);
    a.code[cl] = '\0';
    a.roles = NULL;
    a.nroles = 0;
    a.nmention = 1;
    if (doc_push_actor(d, &a)) return -2;
    if (doc_push_mention(d, u->b0, u->b1, (int32_t)d->nactor - 1)) return -2;
    return (int32_t)d->nactor - 1;
}

/* Drop the events of discarded sentences and merge the events appended
 * after first (this stage's) into event_run's, keeping sentence order
 * (both runs are in sentence order; stable). */
static int merge_events(dyad_doc *d, size_t first, const uint8_t *sdisc) {
    size_t n = d->nevent;
    if (!n) return DYAD_OK;
    devent *tmp = arena_calloc(&d->a, n, sizeof *tmp);
    if (!tmp) return DYAD_ENOMEM;
    size_t a = 0, b = first, o = 0;
    while (a < first || b < n) {
        const devent *e;
        if (b >= n || (a < first && d->events[a].sentence <= d->events[b].sentence)) e = &d->events[a++];
        else e = &d->events[b++];
        if (e->sentence < d->nsent && sdisc[e->sentence]) continue;
        tmp[o++] = *e;
    }
    memcpy(d->events, tmp, o * sizeof *tmp);
    d->nevent = o;
    return DYAD_OK;
}

/* Code every sentence of d (verbs.h).  Two passes: the first looks for a
 * story-level discard (nothing is coded then, not even event_run's
 * events), the second codes; arrays come from the document arena, sized
 * once by the longest sentence. */
int verbs_run(const verb_lex *vl, const ev_lex *ev, const dict *dc, dyad_doc *d) {
    if (!vl || !d || !d->ntok || (!vl->nform && !vl->ndisc)) return DYAD_OK;
    size_t n = d->ntok;
    mctx m;
    memset(&m, 0, sizeof m);
    m.vl = vl;
    m.ev = ev;
    m.dc = dc;
    m.d = d;
    m.date = actor_doc_date(d);
    m.debug = vl->debug;
    m.actor_of = arena_alloc(&d->a, n * sizeof *m.actor_of);
    m.mstart = arena_alloc(&d->a, n * sizeof *m.mstart);
    m.tok_unit = arena_alloc(&d->a, n * sizeof *m.tok_unit);
    uint32_t *blen = arena_alloc(&d->a, n * sizeof *blen);
    if (!m.actor_of || !m.mstart || !blen || !m.tok_unit) return DYAD_ENOMEM;
    for (size_t i = 0; i < n; i++) m.actor_of[i] = -1, blen[i] = 0, m.mstart[i] = 0, m.tok_unit[i] = -1;
    for (size_t k = 0; k < d->nmention; k++) {
        const dmention *mm = &d->mentions[k];
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (d->toks[mid].end <= mm->start) lo = mid + 1;
            else hi = mid;
        }
        for (size_t t = lo; t < n && d->toks[t].start < mm->end; t++)
            if (mm->end - mm->start > blen[t]) blen[t] = mm->end - mm->start, m.actor_of[t] = mm->actor, m.mstart[t] = mm->start;
    }
    /* the longest sentence, for the per-sentence arrays */
    size_t maxw = 0, maxb = 0;
    for (size_t si = 0; si < d->nsent; si++) {
        const sent *s = &d->sents[si];
        if (s->last <= s->first) continue;
        size_t words = 0, bytes = 0;
        for (uint32_t t = s->first; t < s->last; t++) {
            uint32_t len = d->toks[t].end - d->toks[t].start;
            words += 1 + len / 2; /* hyphen splits */
            bytes += len;
        }
        if (words > maxw) maxw = words;
        if (bytes > maxb) maxb = bytes;
    }
    if (!maxw) return DYAD_OK;
    m.w = arena_calloc(&d->a, maxw + 1, sizeof *m.w);
    if (dc) { /* pieces: at most one a byte */
        m.pw = arena_calloc(&d->a, maxb + 1, sizeof *m.pw);
        m.pwi = arena_calloc(&d->a, maxb + 1, sizeof *m.pwi);
        m.wp0 = arena_calloc(&d->a, maxw + 1, sizeof *m.wp0);
        if (!m.pw || !m.pwi || !m.wp0) return DYAD_ENOMEM;
    }
    m.u = arena_calloc(&d->a, 2 * maxw + 4, sizeof *m.u);
    m.ubuf = arena_alloc(&d->a, maxb + maxw + 1);
    pend *pe = arena_calloc(&d->a, MAXEV, sizeof *pe);
    size_t wcap = 64;
    while (wcap < maxw * 8 && wcap < ((size_t)1 << 30)) wcap *= 2;
    m.wset = arena_calloc(&d->a, wcap, sizeof *m.wset);
    m.wmask = (uint32_t)(wcap - 1);
    uint8_t *sdisc = arena_calloc(&d->a, d->nsent + 1, 1);
    if (!m.w || !m.u || !m.ubuf || !pe || !m.wset || !sdisc) return DYAD_ENOMEM;
    size_t first_event = d->nevent, evp = 0; /* event_run's events, in sentence order */
    char cand[24] = ""; /* FORWARD: what the sentence before passes on */
    int cand_set = 0;
    /* a story-level discard anywhere: nothing is coded */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t si = 0; si < d->nsent; si++) {
            const sent *s = &d->sents[si];
            if (s->last <= s->first) continue;
            if (pass == 1 && cand_set) {
                /* a sentence with only pronouns passes on what it was
                 * given (TABARI 8.4's chains) */
                if (cand[0]) memcpy(m.fwd, cand, sizeof m.fwd);
                else if (!m.fwd_used) m.fwd[0] = '\0';
                m.fwd_used = 0;
                cand_set = 0;
            }
            int allcaps = 1;
            for (uint32_t t = s->first; t < s->last && allcaps; t++)
                if ((d->toks[t].flags & TOKF_HAS_ALPHA) && !(d->toks[t].flags & TOKF_ALLCAPS)) allcaps = 0;
            m.sidx = (uint32_t)si;
            m.allcaps = allcaps;
            build_words(&m, s, allcaps);
            for (uint32_t i = 0; i < m.nw; i++) m.w[i].unit = -1;
            build_units(&m);
            if (pass == 1) {
                forward_candidate(&m, cand);
                cand_set = 1;
            }
            int disc = discarded(&m);
            if (pass == 0) {
                if (disc == 2) { /* the story is not coded at all, by any stage */
                    d->nevent = 0;
                    return DYAD_OK;
                }
                continue;
            }
            if (disc) {
                sdisc[si] = 1;
                continue;
            }
            if (!vl->nform) continue;
            while (evp < first_event && d->events[evp].sentence < si) evp++;
            m.nw_all = 0; /* TABARI's word count: "Gondor's" is one word, a comma is one */
            for (uint32_t i = 0; i < m.nw; i++) m.nw_all += d->toks[m.w[i].tok].kind != TOK_CLITIC;
            drop_comma_clauses(&m);
            int nev = 0;
            if (code_sentence(&m, pe, &nev)) continue; /* a discard or complex code */
            int dom = 0, main = 0;
            for (int k = 0; k < nev; k++) dom |= pe[k].dom, main |= !pe[k].sub;
            for (int k = 0; k < nev; k++) {
                const pend *p = &pe[k];
                if (dom && !p->dom) continue;
                if (main && p->sub) continue;
                int32_t sa = unit_actor(&m, p->src), ta = unit_actor(&m, p->tgt);
                if (sa == -2 || ta == -2) return DYAD_ENOMEM;
                /* an exact duplicate of one coded already, by event_run or
                 * by another verb of this sentence */
                int dup = 0;
                for (size_t q = evp; q < first_event && d->events[q].sentence == si && !dup; q++)
                    dup = d->events[q].source == sa && d->events[q].target == ta && !strcmp(d->events[q].code, p->code);
                for (size_t q = d->nevent; q-- > first_event && d->events[q].sentence == si && !dup;)
                    dup = d->events[q].source == sa && d->events[q].target == ta && !strcmp(d->events[q].code, p->code);
                if (dup) continue;
                devent e;
                memset(&e, 0, sizeof e);
                e.sentence = (uint32_t)si;
                e.source = sa;
                e.target = ta;
                e.attributed_to = -1;
                e.place = -1;
                e.date = -1;
                e.src_start = p->s0, e.src_end = p->s1;
                e.tgt_start = p->t0, e.tgt_end = p->t1;
                e.start = p->v0, e.end = p->v1;
                if (p->s1 && p->s0 < e.start) e.start = p->s0;
                if (p->t1 && p->t0 < e.start) e.start = p->t0;
                if (p->s1 > e.end) e.end = p->s1;
                if (p->t1 > e.end) e.end = p->t1;
                memcpy(e.code, p->code, sizeof e.code);
                e.mode = p->mode;
                if (p->mode == MODE_NEGATED && vl->npico) { /* Universal-PETRARCH: the negation is in the code */
                    const char *nc = pico_negate(vl, p->code);
                    if (nc) {
                        snprintf(e.code, sizeof e.code, "%s", nc);
                        e.mode = MODE_ASSERTED;
                    }
                }
                int quad = 0;
                double g = 0;
                if (ev && ev_lex_code_info(ev, e.code, &quad, &g)) {
                    e.quad = (uint8_t)quad;
                    e.goldstein = (float)g;
                }
                if (ev) ev_lex_plover_of(ev, e.code, &e.plover, &e.plover_mode, &e.plover_context);
                if (doc_push_event(d, &e)) return DYAD_ENOMEM;
            }
        }
    }
    return merge_events(d, first_event, sdisc);
}
