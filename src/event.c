/* event.c -- CAMEO event coding over the dependency parse.
 *
 * Patterns (docs/events.md) are compiled into small records keyed on the
 * lemma of their head: "SRC impose sanction on TGT" becomes head "impose",
 * object "sanction", target preposition "on".  Coding visits each verb and
 * noun of a sentence once; when its lemma heads patterns it gathers the
 * word's dependents (subject, objects, prepositional objects with their
 * prepositions, particle, infinitive complement) and tries the patterns,
 * most specific first.  The roles come from the parse, so word order,
 * inserted clauses and tense do not matter, and the constructions that
 * move the roles are undone here, not written in the dictionary:
 *
 *   passive        "Iran was criticized by the minister": subject -> target,
 *                  the by-phrase -> source;
 *   control        "X agreed to meet Y": the infinitive's subject is the
 *                  governing verb's ("called on Y to ...": its object's);
 *   relative       "the minister, who met Y": the noun the clause hangs on;
 *   coordination   "X and Z met Y and W": each source with each target;
 *   participles    "troops loyal to ..." are not events.
 *
 * Slot words become actors through the mentions actor.c found: the slot's
 * head word or a modifier of it ("Turkish police") lies in a mention.  An
 * event whose source and target are one actor is dropped, and so is one
 * whose two sides share an actor code unless one side is a person.
 *
 * Mode: negated with "not"/"never"/"n't" on the verb or its auxiliaries,
 * or under refuse/fail/decline; hypothetical with a modal auxiliary (will,
 * would, could, may, might...), under a verb of intention, expectation or
 * possibility ("plans to", "expected to", "hopes to"), in a conditional
 * or a question.  The claimant: the speaker of a quote containing the verb,
 * else the subject of a reporting verb it is the complement of. */
#include "event.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "strbuf.h"
#include "ud.h"

/* ---- the lexicon ---------------------------------------------------------- */

typedef struct ev_pat {
    char code[8];
    uint8_t noun;            /* [noun] pattern */
    uint8_t has_src, has_tgt;
    uint8_t src_pre;         /* SRC before the head: subject, or possessive/modifier of a noun */
    uint8_t tgt_pre;         /* noun patterns: TGT before the head, its possessive or compound
                              * ("TGT arrest": "Navalny's arrest") */
    uint8_t to_clause;       /* trailing "to": the verb takes an infinitive */
    uint8_t nwords;          /* specificity */
    const char *head;        /* lemma, lower case */
    const char *obj;         /* object lemma ("sanction"), NULL */
    const char *prt;         /* particle ("down"), NULL */
    const char *tgt_prep;    /* preposition before TGT, NULL: direct object (noun: any of "of") */
    const char *src_prep;    /* noun patterns: preposition before SRC ("by", "between"), NULL */
    /* words that must modify the object (verb patterns) or the head noun
     * (noun patterns): "provide military aid", "peace agreement" */
    const char *mods[2];
    uint8_t nmods;
    /* prepositional words: "call for reform", "accuse TGT of spying",
     * "threaten to attack TGT".  prep "" is the object of the word
     * before ("ask TGT to join coalition"); each word hangs on the verb,
     * its object or an earlier one of these */
    uint8_t npn;
    int8_t tgt_pn;           /* TGT follows pn[tgt_pn]: its object or its prep phrase; -1 */
    const char *tgt_lemma;   /* "TGT=diplomat": the target word's lemma, NULL any */
    struct {
        const char *prep, *word, *mod[2];
    } pn[3];
    int32_t next;            /* next pattern with the same head, -1 */
} ev_pat;

typedef struct ev_code {
    char code[8];
    uint8_t quad;
    float goldstein;
    const char *plover, *pmode, *pctx; /* PLOVER event type, mode, context ("" none); NULL: unmapped */
} ev_code;

struct ev_lex {
    arena a;
    ev_pat *pats;
    size_t npat, cappat;
    ev_code *codes;
    size_t ncode, capcode;
    /* head lemma -> first pattern; open addressing over pats indexes */
    int32_t *slots;
    size_t nslot;
};

ev_lex *ev_lex_new(void) {
    ev_lex *x = calloc(1, sizeof *x);
    if (!x) return NULL;
    arena_init(&x->a);
    return x;
}

void ev_lex_free(ev_lex *x) {
    if (!x) return;
    arena_free(&x->a);
    free(x->pats);
    free(x->codes);
    free(x->slots);
    free(x);
}

size_t ev_lex_npatterns(const ev_lex *x) { return x ? x->npat : 0; }
size_t ev_lex_ncodes(const ev_lex *x) { return x ? x->ncode : 0; }

static uint64_t hash_lc(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        h = (h ^ c) * 1099511628211ULL;
    }
    return h;
}

static int eq_lc(const char *a, size_t n, const char *b) {
    size_t i = 0;
    for (; i < n && b[i]; i++) {
        unsigned char c = (unsigned char)a[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c != (unsigned char)b[i]) return 0;
    }
    return i == n && !b[i];
}

static int rebuild_index(ev_lex *x) {
    size_t want = 16;
    while (want < x->npat * 2 + 16) want *= 2;
    int32_t *s = malloc(want * sizeof *s);
    if (!s) return -1;
    for (size_t i = 0; i < want; i++) s[i] = -1;
    for (size_t i = 0; i < x->npat; i++) x->pats[i].next = -1;
    /* chains keep file order reversed; sorted by specificity at lookup */
    for (size_t i = 0; i < x->npat; i++) {
        ev_pat *p = &x->pats[i];
        size_t k = hash_lc(p->head, strlen(p->head)) & (want - 1);
        while (s[k] >= 0 && strcmp(x->pats[s[k]].head, p->head)) k = (k + 1) & (want - 1);
        if (s[k] >= 0) p->next = s[k];
        s[k] = (int32_t)i;
    }
    free(x->slots);
    x->slots = s;
    x->nslot = want;
    return 0;
}

static int32_t lookup_head(const ev_lex *x, const char *lemma, size_t n) {
    if (!x->nslot) return -1;
    size_t k = hash_lc(lemma, n) & (x->nslot - 1);
    while (x->slots[k] >= 0) {
        if (eq_lc(lemma, n, x->pats[x->slots[k]].head)) return x->slots[k];
        k = (k + 1) & (x->nslot - 1);
    }
    return -1;
}

static const char *const PREPS[] = {"with", "on", "to", "against", "for", "from", "into", "in", "at", "about",
                                    "over", "of", "by", "between", "and", "toward", "towards", "upon", "across",
                                    "through", "under", "among", "onto", "after", "as", "behind", "near",
                                    "inside", "outside", "within", "off", "around", "alongside", "along", "beyond", "despite",
                                    "without", "via", "regarding", NULL};
static const char *const PARTICLES[] = {"up", "down", "off", "out", "away", "back", "over", "aside", NULL};

static int in_list(const char *w, const char *const *list) {
    for (; *list; list++)
        if (!strcmp(w, *list)) return 1;
    return 0;
}

typedef struct loadctx {
    const char *name;
    long line;
    dict_warn_fn warn;
    void *wctx;
} loadctx;

static void lwarn(const loadctx *c, const char *why) {
    if (c->warn) c->warn(c->wctx, c->name, c->line, why);
}

static int valid_code(const char *s, size_t n) {
    if (n < 2 || n > 4) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static int cmp_code(const void *a, const void *b) { return strcmp(((const ev_code *)a)->code, ((const ev_code *)b)->code); }

/* One pattern line "CODE words..." of a section. */
static int add_pattern(ev_lex *x, const loadctx *c, int noun, char *line) {
    char *w[24];
    int n = 0;
    for (char *p = strtok(line, " \t"); p && n < 24; p = strtok(NULL, " \t")) w[n++] = p;
    if (n < 2) {
        lwarn(c, "a pattern needs a code and at least one word");
        return 0;
    }
    if (!valid_code(w[0], strlen(w[0]))) {
        lwarn(c, "the first field must be a CAMEO code (2 to 4 digits)");
        return 0;
    }
    if (x->ncode) { /* with the ontology loaded, the code must be in it */
        ev_code key;
        memset(&key, 0, sizeof key);
        snprintf(key.code, sizeof key.code, "%s", w[0]);
        if (!bsearch(&key, x->codes, x->ncode, sizeof *x->codes, cmp_code)) {
            lwarn(c, "not a CAMEO code of the ontology");
            return 0;
        }
    }
    ev_pat p;
    memset(&p, 0, sizeof p);
    snprintf(p.code, sizeof p.code, "%s", w[0]);
    p.noun = (uint8_t)noun;
    p.tgt_pn = -1;
    const char *prev_prep = NULL;
    int seen_head = 0;
    /* plain words waiting for the word they modify: "military" in
     * "provide military aid", "humanitarian" in "appeal for humanitarian aid" */
    const char *pend[2];
    int npend = 0;
    for (int i = 1; i < n; i++) {
        if (!strncmp(w[i], "TGT=", 4) && w[i][4]) { /* "expel TGT=diplomat" */
            p.tgt_lemma = arena_strndup(&x->a, w[i] + 4, strlen(w[i] + 4));
            w[i][3] = '\0';
            p.nwords++;
        }
        if (strcmp(w[i], "SRC") && strcmp(w[i], "TGT"))
            for (char *q = w[i]; *q; q++)
                if (*q >= 'A' && *q <= 'Z') *q = (char)(*q + 32);
    }
    for (int i = 1; i < n; i++) {
        char *t = w[i];
        /* a plain word followed by another plain word modifies it (the last
         * one of the run is the head, object or prepositional word);
         * particles and prepositions end the run */
        int next_plain = i + 1 < n && strcmp(w[i + 1], "SRC") && strcmp(w[i + 1], "TGT") && !in_list(w[i + 1], PREPS) &&
                         !in_list(w[i + 1], PARTICLES);
        int slot = !strcmp(t, "SRC") || !strcmp(t, "TGT");
        if (!slot && npend && in_list(t, PREPS) && !prev_prep) {
            lwarn(c, "a modifier must be followed by the word it modifies");
            return 0;
        }
        /* after "to" the first word is a verb, the run after it its object:
         * "urge TGT to respect human right" */
        int to_verb = prev_prep && !strcmp(prev_prep, "to") && !npend;
        if (!slot && next_plain && !to_verb && !in_list(t, PREPS) && (seen_head || noun) && !(seen_head && in_list(t, PARTICLES) && !p.obj && !p.prt && !prev_prep && !strcmp(w[i - 1], p.head))) {
            if (npend == 2) {
                lwarn(c, "at most two modifiers before a word");
                return 0;
            }
            pend[npend++] = arena_strndup(&x->a, t, strlen(t));
            p.nwords++;
            continue;
        }
        if (slot && npend) {
            lwarn(c, "a modifier before a slot");
            return 0;
        }
        if (!strcmp(t, "SRC") || !strcmp(t, "TGT")) {
            int src = t[0] == 'S';
            if ((src && p.has_src) || (!src && p.has_tgt)) {
                lwarn(c, "a slot appears twice");
                return 0;
            }
            if (src) {
                p.has_src = 1;
                if (!seen_head) p.src_pre = 1;
                else p.src_prep = prev_prep;
            } else {
                p.has_tgt = 1;
                if (!seen_head && !noun) {
                    lwarn(c, "TGT before a verb pattern's head");
                    return 0;
                }
                if (!seen_head) p.tgt_pre = 1; /* "TGT arrest": the undergoer's possessive */
                p.tgt_prep = prev_prep;
                /* after a prepositional word: "call for the release of TGT",
                 * "threaten to attack TGT" */
                if (p.npn && (prev_prep || !p.noun) && !strcmp(w[i - 1 - (prev_prep != NULL)], p.pn[p.npn - 1].word))
                    p.tgt_pn = (int8_t)(p.npn - 1);
            }
            prev_prep = NULL;
            continue;
        }
        p.nwords++;
        if (!seen_head) {
            if (in_list(t, PREPS) && noun) {
                lwarn(c, "a preposition before the head");
                return 0;
            }
            p.head = arena_strndup(&x->a, t, strlen(t));
            seen_head = 1;
            for (int k = 0; k < npend; k++) p.mods[p.nmods++] = pend[k]; /* "peace agreement" */
            npend = 0;
            continue;
        }
        /* straight after the head verb and not before a slot: a particle
         * ("hand over", "give in to", "set off bomb", "call off") */
        if (!noun && !p.obj && !p.prt && !prev_prep && i > 1 && !strcmp(w[i - 1], p.head) &&
            (in_list(t, PARTICLES) || !strcmp(t, "in") || !strcmp(t, "on") || !strcmp(t, "through")) &&
            !(i + 1 < n && (!strcmp(w[i + 1], "SRC") || !strcmp(w[i + 1], "TGT"))) &&
            !(i + 2 < n && !strcmp(w[i + 2], "of"))) { /* "campaign on behalf of TGT": a phrase */
            p.prt = arena_strndup(&x->a, t, strlen(t));
            continue;
        }
        if (in_list(t, PREPS)) {
            if (!strcmp(t, "to") && i == n - 1) {
                p.to_clause = 1;
                continue;
            }
            if (prev_prep) {
                lwarn(c, "two prepositions in a row");
                return 0;
            }
            prev_prep = arena_strndup(&x->a, t, strlen(t));
            continue;
        }
        /* a prepositional word ("call for reform", "agree to meet"), or the
         * object of the one before ("ask TGT to join coalition") */
        if (prev_prep || p.npn || (p.obj && !noun)) {
            if (p.npn == 3) {
                lwarn(c, "at most three prepositional words");
                return 0;
            }
            p.pn[p.npn].prep = prev_prep ? prev_prep : "";
            p.pn[p.npn].word = arena_strndup(&x->a, t, strlen(t));
            p.pn[p.npn].mod[0] = npend > 0 ? pend[0] : NULL;
            p.pn[p.npn].mod[1] = npend > 1 ? pend[1] : NULL;
            p.npn++;
            npend = 0;
            prev_prep = NULL;
            continue;
        }
        if (noun) {
            lwarn(c, "a noun pattern's words after the head need a preposition");
            return 0;
        }
        p.obj = arena_strndup(&x->a, t, strlen(t));
        for (int k = 0; k < npend; k++) p.mods[p.nmods++] = pend[k];
        npend = 0;
    }
    if (npend) {
        lwarn(c, "a modifier must be followed by the word it modifies");
        return 0;
    }
    if (!p.head) {
        lwarn(c, "no head word");
        return 0;
    }
    if (prev_prep) { /* a final preposition: a particle-like ending ("back down", "pull out of") */
        if (!p.prt) p.prt = prev_prep;
    }
    if (!p.has_src && !p.has_tgt) {
        lwarn(c, "no SRC or TGT slot");
        return 0;
    }
    if (x->npat == x->cappat) {
        size_t cap = x->cappat ? x->cappat * 2 : 512;
        ev_pat *np = realloc(x->pats, cap * sizeof *np);
        if (!np) return -1;
        x->pats = np;
        x->cappat = cap;
    }
    x->pats[x->npat++] = p;
    return 0;
}

int ev_lex_load_patterns_buffer(ev_lex *x, const char *name, const char *buf, size_t len, dict_warn_fn warn,
                                void *wctx) {
    if (!x) return DYAD_EINVAL;
    loadctx c = {name, 0, warn, wctx};
    int noun = -1;
    size_t i = 0;
    char line[1024];
    while (i < len) {
        size_t j = i;
        while (j < len && buf[j] != '\n') j++;
        c.line++;
        size_t n = j - i;
        const char *s = buf + i;
        i = j + 1;
        /* strip a comment and blanks */
        size_t k = 0;
        while (k < n && s[k] != '#') k++;
        n = k;
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
        size_t b = 0;
        while (b < n && (s[b] == ' ' || s[b] == '\t')) b++;
        if (b == n) continue;
        if (n - b >= sizeof line) {
            lwarn(&c, "line too long");
            continue;
        }
        memcpy(line, s + b, n - b);
        line[n - b] = '\0';
        if (line[0] == '[') {
            if (!strcmp(line, "[verb]")) noun = 0;
            else if (!strcmp(line, "[noun]")) noun = 1;
            else lwarn(&c, "unknown section (use [verb] or [noun])"), noun = -1;
            continue;
        }
        if (noun < 0) {
            lwarn(&c, "a pattern outside a [verb] or [noun] section");
            continue;
        }
        if (add_pattern(x, &c, noun, line)) return DYAD_ENOMEM;
    }
    return rebuild_index(x) ? DYAD_ENOMEM : DYAD_OK;
}

static char *slurp(const char *path, size_t *n, char *err, size_t errlen) {
    strbuf b;
    sb_init(&b);
    int rc = sb_read_file(&b, path, 0);
    if (rc) {
        snprintf(err, errlen, "%s: %s", path, rc == SB_EOPEN ? "cannot open" : "cannot read");
        sb_free(&b);
        return NULL;
    }
    *n = b.len;
    return b.s;
}

int ev_lex_load_patterns(ev_lex *x, const char *path, dict_warn_fn warn, void *wctx, char *err, size_t errlen) {
    size_t n;
    char *b = slurp(path, &n, err, errlen);
    if (!b) return DYAD_EIO;
    int rc = ev_lex_load_patterns_buffer(x, path, b, n, warn, wctx);
    free(b);
    return rc;
}


/* The next data line of a tab-separated ontology file at b[*i..n), copied
 * into line (cut at cap - 1 bytes) and split into up to 4 fields, missing
 * ones ""; blank lines, '#' comments and the "code" header are skipped and
 * every line counted in c.  The number of fields found, 0 at the end. */
static int tsv_next(const char *b, size_t n, size_t *i, loadctx *c, char *line, size_t cap, char **f) {
    static char none[] = "";
    while (*i < n) {
        size_t j = *i;
        while (j < n && b[j] != '\n') j++;
        c->line++;
        size_t l = j - *i < cap - 1 ? j - *i : cap - 1;
        memcpy(line, b + *i, l);
        line[l] = '\0';
        *i = j + 1;
        if (!line[0] || line[0] == '#' || !strncmp(line, "code\t", 5)) continue;
        f[0] = line, f[1] = f[2] = f[3] = none;
        int nf = 1;
        for (char *p = line; *p && nf < 4; p++)
            if (*p == '\t') *p = '\0', f[nf++] = p + 1;
        return nf;
    }
    return 0;
}

int ev_lex_load_ontology(ev_lex *x, const char *path, dict_warn_fn warn, void *wctx, char *err, size_t errlen) {
    size_t n;
    char *b = slurp(path, &n, err, errlen);
    if (!b) return DYAD_EIO;
    loadctx c = {path, 0, warn, wctx};
    size_t i = 0;
    char line[512], *f[4];
    int nf;
    while ((nf = tsv_next(b, n, &i, &c, line, sizeof line, f)) > 0) {
        if (nf < 3 || !valid_code(f[0], strlen(f[0]))) {
            lwarn(&c, "expected code, quad, goldstein, name separated by tabs");
            continue;
        }
        char *end;
        long q = strtol(f[1], &end, 10);
        double g = strtod(f[2], &end);
        if (q < 1 || q > 4 || g < -10 || g > 10) {
            lwarn(&c, "quad must be 1-4 and goldstein -10..10");
            continue;
        }
        if (x->ncode == x->capcode) {
            size_t cap = x->capcode ? x->capcode * 2 : 512;
            ev_code *nc = realloc(x->codes, cap * sizeof *nc);
            if (!nc) {
                free(b);
                return DYAD_ENOMEM;
            }
            x->codes = nc;
            x->capcode = cap;
        }
        ev_code *e = &x->codes[x->ncode++];
        snprintf(e->code, sizeof e->code, "%s", f[0]);
        e->plover = e->pmode = e->pctx = NULL;
        e->quad = (uint8_t)q;
        e->goldstein = (float)g;
    }
    free(b);
    qsort(x->codes, x->ncode, sizeof *x->codes, cmp_code);
    return DYAD_OK;
}

int ev_lex_code_info(const ev_lex *x, const char *code, int *quad, double *goldstein) {
    char c[8];
    snprintf(c, sizeof c, "%s", code);
    while (strlen(c) >= 2) {
        ev_code key;
        memcpy(key.code, c, sizeof key.code);
        const ev_code *e = x && x->ncode ? bsearch(&key, x->codes, x->ncode, sizeof *x->codes, cmp_code) : NULL;
        if (e) {
            if (quad) *quad = e->quad;
            if (goldstein) *goldstein = e->goldstein;
            return 1;
        }
        c[strlen(c) - 1] = '\0';
    }
    return 0;
}

static ev_code *find_code(const ev_lex *x, const char *code) {
    ev_code key;
    memset(&key, 0, sizeof key);
    snprintf(key.code, sizeof key.code, "%s", code);
    return x && x->ncode ? bsearch(&key, x->codes, x->ncode, sizeof *x->codes, cmp_code) : NULL;
}

static const char *intern(ev_lex *x, const char *s) {
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r')) n--;
    while (n && *s == ' ') s++, n--;
    char *p = arena_alloc(&x->a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int ev_lex_load_plover(ev_lex *x, const char *path, dict_warn_fn warn, void *wctx, char *err, size_t errlen) {
    size_t n;
    char *b = slurp(path, &n, err, errlen);
    if (!b) return DYAD_EIO;
    loadctx c = {path, 0, warn, wctx};
    size_t i = 0;
    int rc = DYAD_OK;
    char line[512], *f[4];
    while (!rc && tsv_next(b, n, &i, &c, line, sizeof line, f) > 0) {
        ev_code *e = valid_code(f[0], strlen(f[0])) ? find_code(x, f[0]) : NULL;
        if (!e) {
            lwarn(&c, "expected a CAMEO code of the ontology, then event, mode, context separated by tabs");
            continue;
        }
        if (!*f[1]) continue; /* CAMEO codes PLOVER leaves out (statements, appeals) */
        if (!(e->plover = intern(x, f[1])) || !(e->pmode = intern(x, f[2])) || !(e->pctx = intern(x, f[3])))
            rc = DYAD_ENOMEM;
    }
    free(b);
    return rc;
}

int ev_lex_plover_of(const ev_lex *x, const char *code, const char **event, const char **mode,
                     const char **context) {
    char c[8];
    snprintf(c, sizeof c, "%s", code);
    /* "0874" unmapped but "087" mapped: the nearest ancestor speaks for it */
    while (strlen(c) >= 2) {
        const ev_code *e = find_code(x, c);
        if (e && e->plover) {
            *event = e->plover;
            *mode = e->pmode;
            *context = e->pctx;
            return 1;
        }
        if (e) break; /* listed and deliberately unmapped */
        c[strlen(c) - 1] = '\0';
    }
    *event = *mode = *context = NULL;
    return 0;
}

/* ---- coding ----------------------------------------------------------------- */

typedef struct sctx {
    const ev_lex *x;
    dyad_doc *d;
    uint32_t first, last;    /* the sentence */
    uint32_t sidx;
    int32_t *child, *sib;    /* per token of the sentence: first child, next sibling (absolute indexes) */
    int32_t *actor_of;       /* per token of the document: the actor of the longest mention covering it */
    uint32_t *mstart, *mend; /* and that mention's span */
    int question;            /* the sentence ends in '?' */
    uint32_t qmax;           /* the longest quote's length in bytes: no quote starting
                              * further back than that holds a word */
    int qsorted;             /* the quotes are in order of their start */
    uint8_t *used;           /* per token of the sentence: an object a verb event used */
} sctx;

static const char *lemma_of(const dyad_doc *d, uint32_t i) { return d->an[i].lemma ? d->an[i].lemma : ""; }

static int lemma_is(const dyad_doc *d, uint32_t i, const char *w) {
    const char *l = lemma_of(d, i);
    return eq_lc(l, strlen(l), w);
}

static int lemma_in(const dyad_doc *d, uint32_t i, const char *const *list) {
    for (; *list; list++)
        if (lemma_is(d, i, *list)) return 1;
    return 0;
}

#define KIDS(c, h) for (int32_t k = (c)->child[(h) - (c)->first]; k >= 0; k = (c)->sib[k - (c)->first])

static int has_case(const sctx *c, uint32_t n, const char *prep) {
    KIDS(c, n) {
        if ((c->d->an[k].deprel == DEP_CASE) && lemma_is(c->d, (uint32_t)k, prep)) return 1;
    }
    /* the parser sometimes hangs the preposition on a modifier: "to 18
     * Rwandan rebels" with "to" under "18" */
    KIDS(c, n) {
        uint8_t r = c->d->an[k].deprel;
        if (r != DEP_NUMMOD && r != DEP_AMOD && r != DEP_COMPOUND && r != DEP_DET) continue;
        if (k > (int32_t)n) continue;
        for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first])
            if (c->d->an[g].deprel == DEP_CASE && g < k && lemma_is(c->d, (uint32_t)g, prep)) return 1;
    }
    return 0;
}

/* Heads whose "of" phrase names the actor: "leaders of the coalition". */
static const char *const OF_HEADS[] = {"leader", "member", "head", "chief", "delegation", "group", "team", "representative",
                                       "envoy", "official", "spokesman", "spokeswoman", "spokesperson", "force", "troop",
                                       "soldier", "unit", "army", "wing", "faction", "deployment", "contingent",
                                       "supporter", "militant", "fighter", "minister", "members", "some", "many",
                                       "most", "all", "one", "two", "part", "thousand", "hundred", "dozen", "million", NULL};

/* A person's name that word w heads or introduces, to its right through
 * flat names, appositions and proper-noun compounds (at most three levels):
 * "Minnesota Gov. Mark Dayton" parsed with the state as head, "billionaire
 * Donald Trump" with the title as head.  -1: none. */
static int32_t name_below(const sctx *c, uint32_t w, int depth) {
    const dyad_doc *d = c->d;
    KIDS(c, w) {
        uint8_t r = d->an[k].deprel;
        if (k < (int32_t)w) continue;
        if (r != DEP_FLAT && r != DEP_APPOS && !(r == DEP_COMPOUND && d->an[k].upos == UPOS_PROPN)) continue;
        if (c->actor_of[k] >= 0 && d->actors[c->actor_of[k]].type == ENT_PERSON) return k;
        if (depth < 3) {
            int32_t g = name_below(c, (uint32_t)k, depth + 1);
            if (g >= 0) return g;
        }
    }
    return -1;
}

/* Heads whose "for" or "to" phrase names whom they speak or work for. */
static const char *const FOR_HEADS[] = {"aide", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor",
                                        "lawyer", "attorney", "strategist", "staffer", "consultant", NULL};

/* The word of a "for" or "to" phrase with a mention of its own under a
 * FOR_HEADS noun w ("a spokesman for the ministry"); -1: none. */
static int32_t for_phrase(const sctx *c, uint32_t w) {
    if (!lemma_in(c->d, w, FOR_HEADS)) return -1;
    KIDS(c, w) {
        if (c->d->an[k].deprel == DEP_NMOD && k > (int32_t)w &&
            (has_case(c, (uint32_t)k, "for") || has_case(c, (uint32_t)k, "to")) && c->actor_of[k] >= 0)
            return k;
    }
    return -1;
}

/* Nouns of things an actor says, owns or makes: a modifier that is an
 * actor does not make them one ("his recent call to ban ...", "the RNC
 * voter file", "police tactics", "Manafort's work"). */
static const char *const THINGS[] = {"call", "message", "file", "record", "work", "tactic", "computer", "decision",
                                     "claim", "plan", "policy", "proposal", "idea", "remark", "comment", "statement",
                                     "speech", "tweet", "email", "e-mail", "server", "data", "money", "budget",
                                     "program", "programme", "agenda", "platform", "rhetoric", "legacy", "reputation",
                                     "handling", "view", "stance", "position", "book", "film", "movie", "show",
                                     "video", "ad", "letter", "report", "account", "website", "site", "document",
                                     "memo", "technology", "product", "brand", "logo", "rating", "move", "system",
                                     "sale", "loan", "bill", "failure", "selection", "performance", "market", "gold", "race", "election",
                                     "primary", NULL};

/* The actor a slot word stands for: its own mention, or that of a word
 * that modifies it ("Turkish police", "Brazil's government"). */
static int32_t actor_at(const sctx *c, uint32_t w) {
    if (c->actor_of[w] >= 0) {
        /* a state before a title and a name ("Minnesota Gov. Mark Dayton",
         * "Alabama senator Jeff Sessions"): the person acts, not the state */
        if (c->d->actors[c->actor_of[w]].type != ENT_PERSON) {
            int32_t k = name_below(c, w, 0);
            if (k >= 0) return c->actor_of[k];
        }
        /* a bare role with no code ("a spokesman") speaks for the actor
         * of its "for" or "to" phrase */
        if (!c->d->actors[c->actor_of[w]].code[0] && c->d->actors[c->actor_of[w]].type != ENT_PERSON) {
            int32_t k = for_phrase(c, w);
            if (k >= 0) return c->actor_of[k];
        }
        return c->actor_of[w];
    }
    /* a name under a title first ("President Cyril Ramaphosa" headed by
     * "President"), then a modifier ("Turkish police") */
    KIDS(c, w) {
        uint8_t r = c->d->an[k].deprel;
        if ((r == DEP_FLAT || r == DEP_APPOS || (r == DEP_COMPOUND && c->d->an[k].upos == UPOS_PROPN)) &&
            c->actor_of[k] >= 0 && c->d->actors[c->actor_of[k]].type == ENT_PERSON)
            return c->actor_of[k];
    }
    /* not a thing an actor owns or makes: "his recent call", "the RNC
     * voter file", "police tactics" are no actors */
    if (lemma_in(c->d, w, THINGS)) return -1;
    /* "met her American counterpart": a counterpart's owner is the other
     * side, so its nationality names it, not the possessive */
    int counterpart = lemma_is(c->d, w, "counterpart");
    KIDS(c, w) {
        uint8_t r = c->d->an[k].deprel;
        if (counterpart && r == DEP_NMOD_POSS) continue;
        if ((r == DEP_COMPOUND || r == DEP_AMOD || r == DEP_NMOD_POSS || r == DEP_FLAT) && c->actor_of[k] >= 0)
            return c->actor_of[k];
    }
    /* a common noun standing before or for a name ("human rights
     * organization Amnesty International", "leaders of the opposition
     * coalition", "a group of Yoruba leaders") */
    const dyad_doc *d = c->d;
    if (d->an[w].upos != UPOS_NOUN && d->an[w].upos != UPOS_PRON) return -1;
    KIDS(c, w) {
        uint8_t r = d->an[k].deprel;
        if ((r == DEP_APPOS || r == DEP_FLAT || r == DEP_COMPOUND) && c->actor_of[k] >= 0) return c->actor_of[k];
    }
    /* "a communications aide for Mr. Lyovochkin", "a spokesman for the
     * ministry", "an adviser to Clinton": who the aide speaks for */
    if (lemma_in(d, w, FOR_HEADS)) {
        int32_t k = for_phrase(c, w);
        return k >= 0 ? c->actor_of[k] : -1;
    }
    if (!lemma_in(d, w, OF_HEADS)) return -1;
    KIDS(c, w) {
        if (d->an[k].deprel != DEP_NMOD || k < (int32_t)w || !has_case(c, (uint32_t)k, "of")) continue;
        int32_t a = c->actor_of[k];
        if (a < 0) { /* "members of the banned Movement for ...": the name's head may be a modifier */
            for (int32_t g = c->child[k - c->first]; g >= 0 && a < 0; g = c->sib[g - c->first]) {
                uint8_t r = d->an[g].deprel;
                if ((r == DEP_COMPOUND || r == DEP_AMOD || r == DEP_FLAT || r == DEP_NMOD_POSS) && c->actor_of[g] >= 0)
                    a = c->actor_of[g];
            }
        }
        if (a >= 0) return a;
    }
    return -1;
}

/* A slot word and the words coordinated with it ("X and Y"): up to 4. */
static int conjuncts(const sctx *c, int32_t w, int32_t *out) {
    int n = 0;
    if (w < 0) return 0;
    out[n++] = w;
    KIDS(c, (uint32_t)w) {
        if (c->d->an[k].deprel == DEP_CONJ && n < 4) out[n++] = k;
    }
    /* "Vermont Gov. Peter Shumlin and Sen. Patrick Leahy", parsed with the
     * state as head and the second title a conjunct of the first name:
     * the conjuncts of the name the slot word stands for are its own */
    if (c->actor_of[w] >= 0 && c->d->actors[c->actor_of[w]].type != ENT_PERSON) {
        int32_t nm = name_below(c, (uint32_t)w, 0);
        if (nm >= 0)
            for (int32_t x = nm; x >= 0 && x != w; x = c->d->an[x].head) {
                KIDS(c, (uint32_t)x) {
                    if (c->d->an[k].deprel == DEP_CONJ && n < 4) out[n++] = k;
                }
                if (c->d->an[x].head < (int32_t)c->first || c->d->an[x].head >= (int32_t)c->last) break;
            }
    }
    return n;
}

typedef struct roles {
    int32_t subj, subj_pass, agent, obj, iobj, prt, xcomp;
    int32_t obl[8];
    int nobl;
    int32_t ccomp[2];
    int nccomp;
} roles;

static const char *const TIME_WORDS[] = {"today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday",
                                          "thursday", "friday", "saturday", "sunday", "week", "month", "year", "day",
                                          "night", "morning", "evening", "afternoon", "weekend", "time", "hour", "minute",
                                          "january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december", "decade", "moment", NULL};

static int is_case_less_nominal(const sctx *c, int32_t w) {
    const dyad_doc *d = c->d;
    uint8_t u = d->an[w].upos;
    if (u != UPOS_NOUN && u != UPOS_PROPN && u != UPOS_NUM && u != UPOS_PRON) return 0;
    if (lemma_in(d, (uint32_t)w, TIME_WORDS)) return 0;
    KIDS(c, (uint32_t)w) {
        if (d->an[k].deprel == DEP_CASE || d->an[k].deprel == DEP_MARK) return 0;
    }
    return 1;
}

/* The tagger takes many simple pasts after a plural subject for
 * participles ("soldiers arrested more than 100 Palestinians"), and the
 * parser then hangs the object as an oblique and, now and then, loses the
 * subject.  A finite clause whose subject or object is missing takes a
 * bare nominal (no preposition) on the right side as its object and on the
 * left side as its subject. */
static int has_to_mark(const sctx *c, uint32_t v);

static void repair_roles(const sctx *c, uint32_t v, roles *r) {
    const dyad_doc *d = c->d;
    uint8_t rel = d->an[v].deprel;
    /* participles that modify a noun ("weapons seized last year") have no
     * subject of their own */
    if (rel == DEP_ACL || rel == DEP_AMOD || rel == DEP_ACL_RELCL) return;
    int pass_aux = 0;
    KIDS(c, v) {
        if (d->an[k].deprel == DEP_AUX_PASS) pass_aux = 1;
    }
    if (r->subj < 0 && r->subj_pass < 0) {
        int32_t best = -1;
        KIDS(c, v) {
            if (k > (int32_t)v) break;
            uint8_t kr = d->an[k].deprel;
            if ((kr == DEP_OBL_UNMARKED || kr == DEP_OBL || kr == DEP_DEP || kr == DEP_NMOD) && is_case_less_nominal(c, k))
                best = k; /* the closest to the verb */
        }
        if (best >= 0) r->subj = best;
    }
    if (r->subj < 0 && r->subj_pass < 0 && rel != DEP_XCOMP && !has_to_mark(c, v)) {
        /* "Switzerland said it had expelled ...", parsed with "had" as a
         * verb of its own that holds the subject, and "The Palestinians
         * reject the plan, the negotiator said", parsed with the subject on
         * "said": the nominal just left of the verb (over adverbs and
         * auxiliaries) is its subject */
        for (int32_t t = (int32_t)v - 1; t >= (int32_t)c->first && t >= (int32_t)v - 4; t--) {
            uint8_t u = d->an[t].upos;
            if (u == UPOS_ADV || u == UPOS_AUX || u == UPOS_PART) continue;
            if (u == UPOS_VERB && lemma_in(d, (uint32_t)t, (const char *const[]){"have", "be", "do", NULL})) {
                KIDS(c, (uint32_t)t) {
                    if (d->an[k].deprel == DEP_NSUBJ && k < t) r->subj = k;
                }
            } else if ((u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_PRON) && d->an[t].deprel == DEP_NSUBJ &&
                       d->an[t].head > (int32_t)v)
                r->subj = t;
            else if (u == UPOS_PUNCT && t > (int32_t)c->first && d->toks[t].end == d->toks[t].start + 1 &&
                     d->text[d->toks[t].start] == ',') {
                /* "the state's Democratic senator, Jeanne Shaheen, had
                 * endorsed Clinton", parsed with "senator" a conjunct of
                 * an earlier phrase: a name in apposition closed by the
                 * comma, climbed to the noun it is in apposition to,
                 * when that noun has no role of its own (a conjunct or an
                 * apposition) */
                int32_t x = t - 1;
                for (int step = 0; step < 4 && x >= (int32_t)c->first; step++) {
                    uint8_t xr = d->an[x].deprel;
                    int32_t h = d->an[x].head;
                    if ((xr != DEP_FLAT && xr != DEP_APPOS) || h >= x || h < (int32_t)c->first) break;
                    x = h;
                }
                if (x < t - 1 && (d->an[x].deprel == DEP_CONJ || d->an[x].deprel == DEP_APPOS) &&
                    (d->an[x].upos == UPOS_NOUN || d->an[x].upos == UPOS_PROPN) && actor_at(c, (uint32_t)x) >= 0)
                    r->subj = x;
            }
            break;
        }
    } else if (r->subj_pass >= 0 && !pass_aux && r->subj < 0 && r->agent < 0 && !(d->an[v].feats & FEAT_VOICE_PASS)) {
        r->subj = r->subj_pass; /* a passive subject without a passive verb */
        r->subj_pass = -1;
    }
    if (r->obj < 0 && r->subj_pass < 0 && !pass_aux && r->xcomp > (int32_t)v &&
        (d->an[r->xcomp].upos == UPOS_PROPN || d->an[r->xcomp].upos == UPOS_PRON)) {
        /* "called out Hillary Clinton" with the name made a predicate */
        r->obj = r->xcomp;
    }
    if (r->obj < 0 && r->subj_pass < 0 && !pass_aux) {
        KIDS(c, v) {
            if (k < (int32_t)v) continue;
            uint8_t kr = d->an[k].deprel;
            if ((kr == DEP_OBL_UNMARKED || kr == DEP_OBL || kr == DEP_NMOD) && is_case_less_nominal(c, k)) {
                r->obj = k;
                break;
            }
        }
    }
    if (r->obj < 0 && r->subj_pass < 0 && !pass_aux && d->an[v].upos == UPOS_VERB) {
        /* "blocked the Europe Bridge spanning the Rhine": a reduced
         * relative read as a clause, whose "subject" is the verb's object.
         * The first nominal right of the verb (over determiners and
         * modifiers) is the subject of a later -ing form that has no
         * auxiliary */
        for (uint32_t t = v + 1; t < c->last && t <= v + 6; t++) {
            uint8_t u = d->an[t].upos;
            if (u == UPOS_DET || u == UPOS_ADJ || u == UPOS_NUM) continue;
            if (u != UPOS_NOUN && u != UPOS_PROPN) break;
            int32_t h = d->an[t].head;
            if (d->an[t].deprel == DEP_COMPOUND && h > (int32_t)t) continue;
            if (d->an[t].deprel == DEP_NSUBJ && h > (int32_t)t && h < (int32_t)c->last && d->an[h].upos == UPOS_VERB &&
                (d->an[h].feats & (FEAT_VERBFORM_GER | FEAT_VERBFORM_PART)) && !(d->an[h].feats & FEAT_TENSE_PAST) &&
                is_case_less_nominal(c, (int32_t)t)) {
                int aux = 0;
                for (int32_t g = c->child[h - c->first]; g >= 0; g = c->sib[g - c->first])
                    if (d->an[g].deprel == DEP_AUX || d->an[g].deprel == DEP_AUX_PASS) aux = 1;
                if (!aux) r->obj = (int32_t)t;
            }
            break;
        }
    }
}

/* Days that news copy sets between a verb's object and its prepositional
 * phrase ("launched an investigation Monday into ...", "opened a hearing
 * Wednesday into ..."): the parser takes the day for the object and the
 * real object for its modifier. */
static const char *const DAY_WORDS[] = {"today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday",
                                        "friday", "saturday", "sunday", NULL};

/* A day parsed as the object whose modifier (compound or adjective) stands
 * right before it: that word is the object.  Returns the new object or
 * the old one. */
static int32_t day_object(const sctx *c, int32_t obj) {
    const dyad_doc *d = c->d;
    if (obj <= (int32_t)c->first || !lemma_in(d, (uint32_t)obj, DAY_WORDS)) return obj;
    int32_t w = obj - 1;
    uint8_t wr = d->an[w].deprel, u = d->an[w].upos;
    if (d->an[w].head != obj || (wr != DEP_COMPOUND && wr != DEP_AMOD)) return obj;
    if (u != UPOS_NOUN && !(u == UPOS_ADJ && wr == DEP_AMOD)) return obj;
    return w;
}

static void gather(const sctx *c, uint32_t v, roles *r) {
    const dyad_doc *d = c->d;
    memset(r, 0xff, sizeof *r);
    r->nobl = 0;
    r->nccomp = 0;
    KIDS(c, v) {
        switch (d->an[k].deprel) {
        case DEP_NSUBJ:
            /* two subjects, a misparse ("Human rights watchdog Amnesty
             * International accused ..."): the one that is an actor */
            if (r->subj < 0 || (actor_at(c, (uint32_t)r->subj) < 0 && actor_at(c, (uint32_t)k) >= 0)) r->subj = k;
            break;
        case DEP_NSUBJ_PASS: if (r->subj_pass < 0) r->subj_pass = k; break;
        case DEP_OBL_AGENT: if (r->agent < 0) r->agent = k; break;
        case DEP_OBJ: if (r->obj < 0) r->obj = k; break;
        case DEP_IOBJ: if (r->iobj < 0) r->iobj = k; break;
        case DEP_COMPOUND_PRT: if (r->prt < 0) r->prt = k; break;
        case DEP_XCOMP: if (r->xcomp < 0) r->xcomp = k; break;
        case DEP_CCOMP: if (r->nccomp < 2) r->ccomp[r->nccomp++] = k; break;
        case DEP_OBL:
        case DEP_NMOD:
            if (r->nobl < 8) r->obl[r->nobl++] = k;
            if (r->agent < 0 && has_case(c, (uint32_t)k, "by")) r->agent = k;
            break;
        default: break;
        }
    }
    if (r->obj < 0 && r->subj_pass < 0 && d->an[v].upos == UPOS_VERB) {
        /* the day between the verb and its object: "expelled on Monday
         * hundreds of villagers", parsed with the day a compound of the
         * object and its "on" the object's case marker; and "reiterated
         * its demand today that ...", parsed with the day an unmarked
         * oblique whose modifier is the object */
        KIDS(c, v) {
            if (k <= (int32_t)v) continue;
            uint8_t kr = d->an[k].deprel, ku = d->an[k].upos;
            int32_t w = -1;
            if (kr == DEP_OBL_UNMARKED && lemma_in(d, (uint32_t)k, DAY_WORDS)) {
                w = day_object(c, k);
                if (w == k) w = -1;
            } else if (kr == DEP_OBL && (ku == UPOS_NOUN || ku == UPOS_NUM) && k >= (int32_t)v + 3 &&
                       lemma_in(d, (uint32_t)k - 1, DAY_WORDS) && d->an[k - 1].head == k &&
                       d->an[k - 1].deprel == DEP_COMPOUND && lemma_is(d, (uint32_t)k - 2, "on") &&
                       d->an[k - 2].head == k && d->an[k - 2].deprel == DEP_CASE)
                w = k;
            if (w < 0) continue;
            r->obj = w;
            int o = 0;
            for (int i = 0; i < r->nobl; i++)
                if (r->obl[i] != w) r->obl[o++] = r->obl[i];
            r->nobl = o;
            if (w != k) { /* the phrases the parse hung on the day are the clause's */
                for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first])
                    if ((d->an[g].deprel == DEP_NMOD || d->an[g].deprel == DEP_OBL) && r->nobl < 8) r->obl[r->nobl++] = g;
            }
            break;
        }
    }
    if (r->obj >= 0) {
        int32_t day = r->obj;
        r->obj = day_object(c, day);
        if (r->obj != day) {
            /* the phrases the parse hung on the day are the clause's */
            KIDS(c, (uint32_t)day) {
                if ((d->an[k].deprel == DEP_NMOD || d->an[k].deprel == DEP_OBL) && r->nobl < 8) r->obl[r->nobl++] = k;
            }
        }
    }
    repair_roles(c, v, r);
}

/* The nominal after a preposition among the verb's and its object's
 * dependents: "impose sanctions on Iran" (on the verb or on "sanctions"). */
static int32_t prep_obj(const sctx *c, const roles *r, int32_t objw, const char *prep) {
    for (int i = 0; i < r->nobl; i++)
        if (has_case(c, (uint32_t)r->obl[i], prep)) return r->obl[i];
    if (objw >= 0) {
        KIDS(c, (uint32_t)objw) {
            uint8_t rel = c->d->an[k].deprel;
            if ((rel == DEP_NMOD || rel == DEP_OBL || rel == DEP_ACL) && has_case(c, (uint32_t)k, prep)) return k;
        }
    }
    return -1;
}

static const char *const NEG_WORDS[] = {"not", "never", "n't", "no", NULL};
static const char *const MODALS[] = {"will", "would", "could", "may", "might", "should", "can", "must", "shall",
                                     "ought", "wo", "'ll", "'d", NULL};
static const char *const HYPO_GOV[] = {"plan", "hope", "expect", "want", "intend", "seek", "try", "aim",
                                       "threaten", "propose", "offer", "promise", "prepare", "prepared", "consider", "wish",
                                       "vow", "pledge", "aspire", "attempt", "like", "need", "likely", "able",
                                       "set", "poise", "due", "schedule", "predict", "forecast", "anticipate",
                                       "could", "would", "possible", "ready", "willing", "urge", "ask", "call",
                                       "demand", "agree", "decide", "invite", "pressure", "encourage", "press",
                                       NULL};
static const char *const REFUSE_GOV[] = {"refuse", "decline", "reject", NULL};
/* Verbs whose that-clause is the subject's own commitment. */
static const char *const PROMISE_GOV[] = {"agree", "promise", "pledge", "vow", "guarantee", "undertake", NULL};
/* Verbs whose passive with an infinitive states the subject's own
 * resolve, not something done to it: "Vietnam is committed to opening
 * its economy", "Canada is determined to act" (no agent: "was committed
 * by the court to" is another sense). */
static const char *const RESOLVE_PASS[] = {"commit", "determine", "resolve", "dedicate", NULL};
static const char *const NEG_GOV[] = {"refuse", "fail", "decline", "deny", "reject", "avoid", NULL};
static const char *const REPORT[] = {"say", "tell", "claim", "state", "announce", "report", "add", "warn",
                                     "insist", "argue", "believe", "think", "note", "write", "suggest", "allege",
                                     "assert", "declare", "confirm", "explain", "acknowledge", "admit", "indicate",
                                     "predict", "estimate", "reckon", "contend", "maintain", "testify", NULL};
static const char *const COND_MARK[] = {"if", "unless", "whether", "lest", NULL};

static int negated_here(const sctx *c, uint32_t v) {
    const dyad_doc *d = c->d;
    if (d->an[v].feats & FEAT_POLARITY_NEG) return 1;
    KIDS(c, v) {
        uint8_t r = d->an[k].deprel;
        if ((r == DEP_ADVMOD || r == DEP_DET) && lemma_in(d, (uint32_t)k, NEG_WORDS)) return 1;
        if ((r == DEP_AUX || r == DEP_AUX_PASS) && (d->an[k].feats & FEAT_POLARITY_NEG)) return 1;
    }
    return 0;
}

static int modal_here(const sctx *c, uint32_t v) {
    KIDS(c, v) {
        uint8_t r = c->d->an[k].deprel;
        if ((r == DEP_AUX || r == DEP_AUX_PASS) && lemma_in(c->d, (uint32_t)k, MODALS)) return 1;
        if (r == DEP_MARK && lemma_in(c->d, (uint32_t)k, COND_MARK)) return 1;
    }
    return 0;
}

/* Nouns of a demand or an appeal: "reiterated its demand that Israel
 * ease ...", "renewed its call for Israel to lift ...".  What they ask for
 * has not happened, and whom they ask is in their "for", "on", "upon" or
 * "to" phrase or is the subject of their that-clause. */
static const char *const DEMAND_NOUNS[] = {"demand", "call", "appeal", "plea", "request", "urging", NULL};
/* Verbs that make or repeat a demand they take as object. */
static const char *const DEMAND_MAKERS[] = {"make", "issue", "renew", "repeat", "reiterate", "reaffirm", "restate",
                                            "echo", "voice", "send", "submit", "lodge", "present", "press", "launch",
                                            "deliver", "step", "stress", "underline", "underscore", NULL};

/* The demand noun that is verb h's object and stands before word w, or
 * -1: "renewed its call (for Israel) to lift", where the parse hangs the
 * asked-for clause on the verb. */
static int32_t demand_object(const sctx *c, int32_t h, int32_t w) {
    const dyad_doc *d = c->d;
    if (h < (int32_t)c->first || h >= (int32_t)c->last || d->an[h].upos != UPOS_VERB) return -1;
    /* only a verb that makes or repeats the demand: "accepted a UN
     * request to send troops" answers it, and what it grants is done */
    if (!lemma_in(d, (uint32_t)h, DEMAND_MAKERS)) return -1;
    KIDS(c, (uint32_t)h) {
        if (k > h && k < w && d->an[k].deprel == DEP_OBJ && d->an[k].upos == UPOS_NOUN && lemma_in(d, (uint32_t)k, DEMAND_NOUNS))
            return k;
        /* "its demand today that ...": the noun a compound of the day */
        if (k > h + 1 && k < w && d->an[k].deprel == DEP_OBL_UNMARKED && d->an[k - 1].head == k &&
            d->an[k - 1].deprel == DEP_COMPOUND && lemma_in(d, (uint32_t)k - 1, DEMAND_NOUNS) &&
            (lemma_is(d, (uint32_t)k, "today") || lemma_is(d, (uint32_t)k, "yesterday")))
            return k - 1;
    }
    return -1;
}

/* Whom demand noun n asks: the actor of its "on" or "upon" phrase ("its
 * demand on Iraq"), or of a "for" phrase an infinitive follows ("its call
 * for Israel to lift"; "a call for Putin" alone asks nothing of Putin);
 * -1. */
static int32_t demand_phrase(const sctx *c, uint32_t n) {
    const dyad_doc *d = c->d;
    KIDS(c, n) {
        if ((d->an[k].deprel != DEP_NMOD && d->an[k].deprel != DEP_OBL) || k <= (int32_t)n || actor_at(c, (uint32_t)k) < 0)
            continue;
        if (has_case(c, (uint32_t)k, "on") || has_case(c, (uint32_t)k, "upon")) return k;
        if (!has_case(c, (uint32_t)k, "for")) continue;
        for (uint32_t t = (uint32_t)k + 1; t < c->last && t <= (uint32_t)k + 4; t++)
            if (d->an[t].deprel == DEP_MARK && lemma_is(d, t, "to")) return k;
    }
    return -1;
}

/* Demand noun n (the object of verb lv) asks for something: a "for"
 * phrase, or an infinitive or a that-clause after it on the noun or the
 * verb ("renewed its call for calm", "its call on Iran to ...", "a call
 * that ..."). */
static int call_asks(const sctx *c, uint32_t n, uint32_t lv) {
    const dyad_doc *d = c->d;
    for (int pass = 0; pass < 2; pass++) {
        uint32_t h = pass ? lv : n;
        KIDS(c, h) {
            uint8_t kr = d->an[k].deprel;
            if (k <= (int32_t)n) continue;
            if ((kr == DEP_NMOD || kr == DEP_OBL) && !lemma_in(d, (uint32_t)k, TIME_WORDS) && (has_case(c, (uint32_t)k, "for") ||
                                                                   has_case(c, (uint32_t)k, "on") ||
                                                                   has_case(c, (uint32_t)k, "upon")))
                return 1;
            if ((kr == DEP_ACL || kr == DEP_CCOMP || kr == DEP_ADVCL || kr == DEP_XCOMP) && d->an[k].upos == UPOS_VERB)
                for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first])
                    if (d->an[g].deprel == DEP_MARK && (lemma_is(d, (uint32_t)g, "to") || lemma_is(d, (uint32_t)g, "that")))
                        return 1;
        }
    }
    return 0;
}

/* Who makes a claim whose subject is word s: its actor, else for a thing
 * that speaks ("a DTI statement said", "a Baghdad war communique",
 * "Iran's news agency") the actor that modifies it; -1. */
static int32_t claimant(const sctx *c, int32_t s) {
    if (s < (int32_t)c->first || s >= (int32_t)c->last) return -1;
    int32_t a = actor_at(c, (uint32_t)s);
    if (a >= 0 || c->d->an[s].upos != UPOS_NOUN) return a;
    KIDS(c, (uint32_t)s) {
        uint8_t r = c->d->an[k].deprel;
        if ((r == DEP_COMPOUND || r == DEP_AMOD || r == DEP_NMOD_POSS) && c->actor_of[k] >= 0) return c->actor_of[k];
    }
    return -1;
}

/* The claimant of a sentence that closes with its attribution: "...,
 * the committee spokesman said.", "..., a spokeswoman for Local 222 said
 * by phone.", "..., diplomatic sources said on Tuesday."  The parser
 * hangs such a verb anywhere (a relative clause of the last noun, an
 * adverbial of the last verb), so it is found by its surface: a reporting
 * verb among the sentence's last words, after a comma and a noun phrase
 * (which may hold a "for"/"of" phrase), with no clause of its own after
 * it.  *comma: the comma, before which the claim holds.  -1: none. */
static int32_t closing_claim(const sctx *c, uint32_t *comma) {
    const dyad_doc *d = c->d;
    uint32_t end = c->last;
    while (end > c->first && d->an[end - 1].upos == UPOS_PUNCT) end--;
    for (uint32_t v = end; v-- > c->first && end - v <= 6;) {
        if (d->an[v].upos != UPOS_VERB) continue;
        if (!lemma_in(d, v, REPORT) || (d->an[v].xpos != XPOS_VBD && d->an[v].xpos != XPOS_VBZ && d->an[v].xpos != XPOS_VBP))
            return -1;
        /* nothing after it but its adjuncts: "said by phone", "said on
         * Tuesday", "told Reuters" -- not "said the talks would resume" */
        for (uint32_t t = v + 1; t < end; t++) {
            uint8_t u = d->an[t].upos;
            if (u == UPOS_VERB || u == UPOS_AUX || u == UPOS_SCONJ || u == UPOS_PUNCT) return -1;
        }
        KIDS(c, v) {
            uint8_t r = d->an[k].deprel;
            if ((r == DEP_CCOMP || r == DEP_XCOMP) && k > (int32_t)v) return -1;
        }
        /* the subject: back over a noun phrase to a comma */
        uint32_t s0 = v, head = UINT32_MAX;
        while (s0 > c->first && v - s0 < 14) {
            uint8_t u = d->an[s0 - 1].upos;
            if (u != UPOS_DET && u != UPOS_ADJ && u != UPOS_NOUN && u != UPOS_PROPN && u != UPOS_NUM && u != UPOS_ADP &&
                u != UPOS_PRON && !(u == UPOS_PART && d->an[s0 - 1].xpos == XPOS_POS))
                break;
            s0--;
            if (u == UPOS_ADP) head = UINT32_MAX; /* "a spokesman for Local 222": the noun before "for" */
            else if ((u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_PRON) && head == UINT32_MAX) head = s0;
        }
        if (s0 == v || s0 == c->first || !lemma_is(d, s0 - 1, ",")) return -1;
        if (head == UINT32_MAX) return -1;
        *comma = s0 - 1;
        return claimant(c, (int32_t)head);
    }
    return -1;
}

/* The claimant of "according to X" in the sentence, -1; *at its
 * "according". */
static int32_t according_claim(const sctx *c, uint32_t *at) {
    const dyad_doc *d = c->d;
    for (uint32_t t = c->first; t + 2 < c->last; t++) {
        if (!lemma_is(d, t, "accord") && !lemma_is(d, t, "according")) continue;
        if (!lemma_is(d, t + 1, "to")) continue;
        for (uint32_t u = t + 2; u < c->last && u < t + 10 && d->an[u].upos != UPOS_PUNCT; u++) {
            if (d->an[u].upos != UPOS_NOUN && d->an[u].upos != UPOS_PROPN) continue;
            /* the phrase's head: its last noun before a preposition */
            uint32_t h = u;
            while (h + 1 < c->last && (d->an[h + 1].upos == UPOS_NOUN || d->an[h + 1].upos == UPOS_PROPN)) h++;
            *at = t;
            return claimant(c, (int32_t)h);
        }
    }
    return -1;
}

/* Verbs whose object is asked to do what their infinitive says. */
static const char *const ASK_GOV[] = {"ask", "urge", "call", "press", "pressure", "encourage", "invite", "demand",
                                      "tell", "order", "implore", "beg", "appeal", NULL};

/* The word of quote q's cue in the sentence, -1. */
static int32_t cue_word(const sctx *c, const dquote *q) {
    if (q->cue_end <= q->cue_start) return -1;
    for (size_t t = doc_tok_after(c->d, q->cue_start); t < c->last && c->d->toks[t].start < q->cue_end; t++)
        if (t >= c->first && c->d->toks[t].start >= q->cue_start &&
            (c->d->an[t].upos == UPOS_VERB || c->d->an[t].upos == UPOS_NOUN))
            return (int32_t)t;
    return -1;
}

/* "The U.S. is to lend Sudan 57 mln dlrs": "be" and a to-infinitive
 * tell what is planned, not what is done. */
static int is_to_be(const sctx *c, uint32_t w) {
    int be = 0, to = 0;
    KIDS(c, w) {
        uint8_t r = c->d->an[k].deprel;
        if ((r == DEP_COP || r == DEP_AUX) && lemma_is(c->d, (uint32_t)k, "be") && k < (int32_t)w) be = 1;
        if (r == DEP_MARK && lemma_is(c->d, (uint32_t)k, "to")) to = 1;
    }
    return be && to;
}

/* Does clause w (under h) tell its own past, so that the modality of h
 * is not its own: an adverbial clause, or a clause under a word that is
 * no verb ("now that ..."), with its own subject, a past or perfect verb
 * and no condition ("if", "unless")? */
static int own_past(const sctx *c, uint32_t w, int32_t h) {
    const dyad_doc *d = c->d;
    uint8_t rel = d->an[w].deprel;
    if (d->an[w].upos != UPOS_VERB) return 0;
    int now = 0; /* "now that": the parse makes the clause the verb's ccomp */
    KIDS(c, w) {
        if (c->d->an[k].deprel == DEP_MARK && k > (int32_t)c->first && lemma_is(d, (uint32_t)k - 1, "now")) now = 1;
    }
    if (rel != DEP_ADVCL && !(rel == DEP_CCOMP && (d->an[h].upos != UPOS_VERB || now))) return 0;
    int subj = 0, past = d->an[w].xpos == XPOS_VBD;
    KIDS(c, w) {
        uint8_t r = d->an[k].deprel;
        if (r == DEP_NSUBJ || r == DEP_NSUBJ_PASS) subj = 1;
        if (r == DEP_MARK && (lemma_in(d, (uint32_t)k, COND_MARK) || lemma_is(d, (uint32_t)k, "to"))) return 0;
        if ((r == DEP_AUX || r == DEP_AUX_PASS) && lemma_in(d, (uint32_t)k, MODALS)) return 0;
        if ((r == DEP_AUX || r == DEP_AUX_PASS) &&
            (lemma_is(d, (uint32_t)k, "have") || (lemma_is(d, (uint32_t)k, "be") && d->an[k].xpos == XPOS_VBD)))
            past = 1;
    }
    return subj && past;
}

/* Mode and claimant: climb from the event's word through the clauses that
 * govern it (xcomp, ccomp, advcl, conj), at most 4 steps. */
static const char *const COMMIT_GOV[] = {"agree", "offer", "promise", "pledge", "vow", "plan", "intend", "ready",
                                         "willing", "prepare", "prepared", "decide", "commit", "threaten", "determine",
                                         "resolve", "undertake", "aim", "seek", "want", "hope", "swear", "determined",
                                         "committed", "resolved", NULL};
/* Verbs whose object noun is the subject's stated intention: "threatened
 * a curfew", "promised a ceasefire" (offer is a light verb: "offered aid"
 * is CAMEO's aid). */
static const char *const INTENT_OBJ[] = {"threaten", "promise", "pledge", "vow", NULL};
static const char *const COMMIT_MODALS[] = {"will", "would", "shall", "wo", "'ll", NULL};

static int has_to_mark(const sctx *c, uint32_t v) {
    KIDS(c, v) {
        if (c->d->an[k].deprel == DEP_MARK && lemma_is(c->d, (uint32_t)k, "to")) return 1;
    }
    return 0;
}

static int32_t inherited_subject(const sctx *c, uint32_t v, int object_control);

/* Nouns whose infinitive is their owner's stated intention: "Iran's
 * offer to release", "announced a plan to withdraw", "signed an agreement
 * to cooperate". */
static const char *const COMMIT_NOUNS[] = {"plan", "offer", "proposal", "pledge", "promise", "vow", "commitment",
                                           "intention", "readiness", "willingness", "agreement", "deal", "threat",
                                           "ultimatum", "decision", NULL};
/* Verbs that make or state such a noun, whose subject owns it. */
static const char *const NOUN_MAKERS[] = {"announce", "make", "unveil", "present", "propose", "outline", "offer",
                                          "issue", "adopt", "approve", "reach", "take", "have", "renew", "reiterate",
                                          "repeat", "reaffirm", "submit", "draw", "put", "extend", "confirm",
                                          "finalize", "sign", "conclude", "express", "signal", "voice", "declare",
                                          "give", NULL};
/* Verbs that answer a demand: their subject is whom it asked. */
static const char *const DEMAND_ANSWERS[] = {"reject", "refuse", "dismiss", "ignore", "defy", "spurn", "accept",
                                             "heed", NULL};
static const char *const REJECT_ANSWERS[] = {"reject", "refuse", "dismiss", "ignore", "defy", "spurn", NULL};

/* For infinitive w hung (acl) from noun n: who is to do it -- the noun's
 * possessor ("Keller's call to ban"), else the subject of the verb that
 * makes the intention ("Israel announced a plan to withdraw") or answers
 * the demand ("Syria rejected a U.N. demand to withdraw"); -1 when the
 * text does not say ("backed a call to ban": whoever is called on).
 * *kind: 1 an intention, 2 a refusal, 3 an act ("Reagan's decision to
 * impose sanctions" imposes them), 0 none of these.  "has no plans to"
 * is no intention: the event is negated (*kind 4). */
static int32_t noun_infinitive_agent(const sctx *c, int32_t n, int *kind) {
    const dyad_doc *d = c->d;
    *kind = 0;
    int commit = lemma_in(d, (uint32_t)n, COMMIT_NOUNS), demand = lemma_in(d, (uint32_t)n, DEMAND_NOUNS);
    if (!commit && !demand) return -1;
    int32_t g = d->an[n].head;
    int gov = g >= (int32_t)c->first && g < (int32_t)c->last && d->an[g].upos == UPOS_VERB &&
              d->an[n].deprel == DEP_OBJ;
    if (demand) {
        if (!gov || !lemma_in(d, (uint32_t)g, DEMAND_ANSWERS)) return -1;
        *kind = lemma_in(d, (uint32_t)g, REJECT_ANSWERS) ? 2 : 1;
    } else {
        KIDS(c, (uint32_t)n) {
            if (d->an[k].deprel == DEP_NMOD_POSS && k < n && actor_at(c, (uint32_t)k) >= 0) {
                *kind = 1;
                return k;
            }
        }
        if (!gov || !lemma_in(d, (uint32_t)g, NOUN_MAKERS)) return -1;
        *kind = 1;
    }
    roles r;
    gather(c, (uint32_t)g, &r);
    int32_t s = r.subj >= 0 ? r.subj : inherited_subject(c, (uint32_t)g, 0);
    if (s < 0) *kind = 0;
    return s;
}

/* The kind noun_infinitive_agent gives, with a decision an act and "no
 * plans" a negation. */
static int noun_infinitive_kind(const sctx *c, int32_t n) {
    const dyad_doc *d = c->d;
    int kind;
    noun_infinitive_agent(c, n, &kind);
    KIDS(c, (uint32_t)n) {
        if (d->an[k].deprel == DEP_DET && lemma_is(d, (uint32_t)k, "no")) return 4;
    }
    if (kind == 1 && lemma_is(d, (uint32_t)n, "decision")) return 3;
    return kind;
}

/* *commit 1: the hypothetical is the actor's own stated intention ("X will
 * meet Y", "X agreed to / is ready to / threatened to ..."), which CAMEO
 * codes as an intent event (03, 13) that did happen, rather than a
 * forecast by someone else ("may", "could", "expected to", "if", "?").
 * *commit 2: the negation is the actor's own refusal ("refused to meet",
 * "will not accept"), which CAMEO codes as a rejection (12) that did
 * happen. */
static void mode_and_claim(const sctx *c, uint32_t v, uint8_t *mode, int32_t *claim, int *commit) {
    const dyad_doc *d = c->d;
    int neg = 0, hypo = c->question, forecast = c->question, committed = 0, refused = 0, will = 0, failed = 0;
    /* the mode as it stood when the climb left a clause that tells its
     * own past ("now that Cruz has endorsed Trump", "where Iran and Iraq
     * have been attacking shipping"): the modality above it is not its */
    int frozen = 0, f_neg = 0, f_hypo = 0, f_forecast = 0, f_committed = 0, f_refused = 0, f_will = 0, f_failed = 0;
    int32_t beside = -1; /* a verb the event is coordinated with */
    int32_t wants[6];    /* v and the verbs whose infinitive the climb went through */
    int nwants = 0;
    wants[nwants++] = (int32_t)v;
    *claim = -1;
    int32_t w = (int32_t)v;
    for (int step = 0; step < 5 && w >= 0; step++) {
        if (negated_here(c, (uint32_t)w)) neg ^= 1;
        if (modal_here(c, (uint32_t)w)) {
            hypo = 1;
            int own = 0;
            KIDS(c, (uint32_t)w) {
                uint8_t r = d->an[k].deprel;
                if ((r == DEP_AUX || r == DEP_AUX_PASS) && lemma_in(d, (uint32_t)k, COMMIT_MODALS)) own = 1;
            }
            if (own) committed = 1, will = 1;
            else forecast = 1;
        }
        if (is_to_be(c, (uint32_t)w)) hypo = 1, forecast = 1; /* "The U.S. is to lend Sudan" */
        uint8_t rel = d->an[w].deprel;
        int32_t h = d->an[w].head;
        if (h < (int32_t)c->first || h >= (int32_t)c->last) break;
        if (!frozen && own_past(c, (uint32_t)w, h)) {
            frozen = 1, f_neg = neg, f_hypo = hypo, f_forecast = forecast, f_committed = committed;
            f_refused = refused, f_will = will, f_failed = failed;
        }
        if (rel == DEP_ACL && has_to_mark(c, (uint32_t)w) &&
            (lemma_in(d, (uint32_t)h, COMMIT_NOUNS) || lemma_in(d, (uint32_t)h, DEMAND_NOUNS))) {
            /* "announced a plan to withdraw": a stated intention;
             * "rejected a demand to withdraw": a refusal */
            int kind = noun_infinitive_kind(c, h);
            if (kind != 3) hypo = 1;
            if (kind == 1) committed = 1;
            if (kind == 2) neg ^= 1, refused = 1;
            if (kind == 4) neg ^= 1;
            if (kind == 0 || kind == 4) forecast = 1;
            int32_t g = d->an[h].head;
            if (g < (int32_t)c->first || g >= (int32_t)c->last || d->an[h].deprel != DEP_OBJ) break;
            /* "did not accept a U.S. offer to escort": a verb that does not
             * make the intention (kind 0) answers it, and its own mode is
             * not the offer's (the climb goes on for the claimant) */
            if (kind == 0 && !frozen) {
                frozen = 1, f_neg = neg, f_hypo = hypo, f_forecast = forecast, f_committed = committed;
                f_refused = refused, f_will = will, f_failed = failed;
            }
            w = g; /* the governor's own modality: "will announce a plan to" */
            continue;
        }
        if (rel == DEP_ACL && d->an[h].deprel == DEP_OBJ && has_to_mark(c, (uint32_t)w) &&
            !lemma_in(d, (uint32_t)h, COMMIT_NOUNS) && !lemma_in(d, (uint32_t)h, DEMAND_NOUNS)) {
            /* "expect Lula to meet" parsed with the infinitive on "Lula":
             * the object's governor governs the infinitive */
            int32_t g = d->an[h].head;
            if (g >= (int32_t)c->first && g < (int32_t)c->last && d->an[g].upos == UPOS_VERB) h = g, rel = DEP_XCOMP;
        }
        if (rel == DEP_OBJ && step == 0 && d->an[w].upos == UPOS_NOUN && lemma_in(d, (uint32_t)h, INTENT_OBJ)) {
            hypo = 1, committed = 1; /* "threatened a curfew": the noun is the intention */
            w = h;
            continue;
        }
        /* "reiterated its demand that Israel ease ...": what a demand
         * asks for is not told as done */
        if ((rel == DEP_CCOMP || rel == DEP_ADVCL || rel == DEP_XCOMP) && demand_object(c, h, w) >= 0 &&
            (rel == DEP_CCOMP || has_to_mark(c, (uint32_t)w)))
            hypo = 1, forecast = 1;
        if (rel == DEP_CCOMP && step == 0 && lemma_in(d, (uint32_t)h, PROMISE_GOV)) {
            hypo = 1, committed = 1; /* "agreed that their countries should cooperate" */
        } else if (rel == DEP_XCOMP || (rel == DEP_CCOMP && step == 0 && lemma_in(d, (uint32_t)h, HYPO_GOV)) ||
                   (rel == DEP_ADVCL && (lemma_in(d, (uint32_t)h, PROMISE_GOV) || lemma_in(d, (uint32_t)h, RESOLVE_PASS) ||
                                         (lemma_in(d, (uint32_t)h, COMMIT_GOV) && d->an[h].upos == UPOS_VERB)) &&
                    has_to_mark(c, (uint32_t)w))) {
            /* (an infinitive under agree, promise or threaten that the parse
             * hung as an adverbial clause is its complement: "agreed to
             * allow", "threatened on Monday to break relations") */
            if (lemma_in(d, (uint32_t)h, NEG_GOV)) {
                neg ^= 1;
                if (rel == DEP_XCOMP && lemma_in(d, (uint32_t)h, REFUSE_GOV)) refused = 1;
                if (rel == DEP_XCOMP && lemma_is(d, (uint32_t)h, "fail") && step == 0) failed = 1;
            } else if (lemma_in(d, (uint32_t)h, COMMIT_GOV)) hypo = 1, committed = 1;
            else if (lemma_in(d, (uint32_t)h, HYPO_GOV)) hypo = 1, forecast = 1;
        } else if (rel == DEP_ADVCL && has_to_mark(c, (uint32_t)w) && d->an[h].upos == UPOS_VERB &&
                   lemma_in(d, (uint32_t)h, ASK_GOV)) {
            /* what one is asked to do, parsed as a purpose clause: "asked
             * the candidates to discuss their ideas" */
            hypo = 1, forecast = 1;
        }
        if (rel == DEP_ADVCL) {
            KIDS(c, (uint32_t)w) {
                if (d->an[k].deprel == DEP_MARK && lemma_in(d, (uint32_t)k, COND_MARK)) hypo = 1, forecast = 1;
            }
        }
        if ((rel == DEP_CCOMP || rel == DEP_PARATAXIS) && lemma_in(d, (uint32_t)h, REPORT) && *claim < 0) {
            roles r;
            gather(c, (uint32_t)h, &r);
            /* "chimed in on Twitter, saying that ...": the participle's
             * subject is its clause's */
            *claim = claimant(c, r.subj >= 0 ? r.subj : inherited_subject(c, (uint32_t)h, 0));
            break; /* the reporter's own mode is not the event's */
        }
        if (rel != DEP_XCOMP && rel != DEP_CCOMP && rel != DEP_CONJ && rel != DEP_ADVCL) break;
        if (rel == DEP_CONJ && beside < 0) beside = h;
        if ((rel == DEP_XCOMP || (rel == DEP_ADVCL && has_to_mark(c, (uint32_t)w))) && nwants < 6) wants[nwants++] = h;
        w = h;
    }
    if (frozen) {
        neg = f_neg, hypo = f_hypo, forecast = f_forecast, committed = f_committed;
        refused = f_refused, will = f_will, failed = f_failed;
    }
    /* inside a quote: its speaker */
    uint32_t at = d->toks[v].start;
    /* quotes are in order of their start (outer first): skip, by
     * bisection, those that start too far back to hold the word */
    size_t q0 = 0, qhi = c->qsorted ? d->nquote : 0;
    uint32_t from = at > c->qmax ? at - c->qmax : 0;
    while (q0 < qhi) {
        size_t mid = q0 + (qhi - q0) / 2;
        if (d->quotes[mid].start < from)
            q0 = mid + 1;
        else
            qhi = mid;
    }
    for (size_t i = q0; i < d->nquote && (d->quotes[i].start <= at || !c->qsorted); i++)
        if (d->quotes[i].start <= at && at < d->quotes[i].end && d->quotes[i].speaker_actor >= 0) {
            /* "Kerry said the US would work ..., and he urged North Korea
             * to": an act coordinated with the quote's own cue is the
             * speaker's, told by the reporter, not part of what was said */
            if (beside >= 0 && d->quotes[i].cue_start <= d->toks[beside].start &&
                d->toks[beside].start < d->quotes[i].cue_end)
                continue;
            /* what one urges or asks another to do is a wish, not a claim
             * ("urged North Korea to resume talks") */
            int32_t cue = cue_word(c, &d->quotes[i]);
            if (cue >= 0 && lemma_in(d, (uint32_t)cue, ASK_GOV)) continue;
            /* nor is what one agrees, promises or threatens to do: the
             * quote stage's cue is the event's own verb or governs its
             * infinitive ("agreed to supply") */
            int own = 0;
            for (int j = 0; j < nwants; j++) own |= cue == wants[j];
            if (own) continue;
            *claim = d->quotes[i].speaker_actor;
            break;
        }
    if (*claim < 0) {
        uint32_t cm = 0;
        int32_t a = closing_claim(c, &cm);
        if (a >= 0 && v < cm) *claim = a;
    }
    if (*claim < 0) {
        uint32_t ac = 0;
        int32_t a = according_claim(c, &ac);
        if (a >= 0 && (v < ac || v > ac + 8)) *claim = a;
    }
    *mode = neg ? MODE_NEGATED : hypo ? MODE_HYPOTHETICAL : MODE_ASSERTED;
    /* 1: a stated intention ("will support"); 2: a stated refusal
     * ("refused to meet", "will not accept"); 3: an intention on a
     * condition the other side must meet ("will withdraw unless ..."),
     * CAMEO's ultimatum */
    /* "is not ready to endorse" is a plain negation, not a refusal: only
     * refuse/decline and the actor's own "will not" refuse */
    *commit = hypo && committed && !forecast && !neg ? 1
            : neg && !forecast && (refused || (will && !c->question)) ? 2
            : neg && failed && !hypo ? 4 : 0;
    if (*commit == 1) {
        KIDS(c, v) {
            if (d->an[k].deprel != DEP_ADVCL) continue;
            for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first])
                if (d->an[g].deprel == DEP_MARK && lemma_is(d, (uint32_t)g, "unless")) *commit = 3;
        }
    }
}

/* The value of map's longest key that prefixes code c, or NULL: a CAMEO
 * code's nearest listed ancestor decides ("0874" -> the entry of "087"). */
static const char *longest_prefix(const char *const (*map)[2], size_t n, const char *c) {
    const char *best = NULL;
    size_t blen = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(map[i][0]);
        if (k > blen && !strncmp(c, map[i][0], k)) best = map[i][1], blen = k;
    }
    return best;
}

/* CAMEO's intent codes: the code for "X expressed the intention to do
 * what code c names" (cooperation -> 03x, material conflict -> 13x), or
 * NULL when CAMEO has none. */
static const char *intent_code(const char *c) {
    static const char *const map[][2] = {
        {"04", "036"},   {"05", "032"},   {"06", "031"},   {"061", "0311"}, {"062", "0312"}, {"063", "0313"},
        {"064", "0314"}, {"07", "033"},   {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
        {"08", "035"},   {"081", "0351"}, {"082", "0352"}, {"083", "034"},  {"084", "0353"}, {"085", "0354"},
        {"086", "0355"}, {"087", "0356"}, {"14", "133"},   {"15", "138"},   {"16", "131"},   {"161", "1313"},
        {"162", "1311"}, {"163", "1312"}, {"17", "137"},   {"172", "132"},  {"18", "1383"},  {"19", "1384"},
        {"191", "1381"}, {"192", "1382"}, {"20", "1385"},
    };
    return longest_prefix(map, sizeof map / sizeof map[0], c);
}

/* CAMEO's rejection codes: what "X refused to do what c names" is coded
 * as (meet -> 125, release -> 1243, ...), or NULL when CAMEO has none
 * (a refusal of conflict stays the negated event).  A refusal to praise,
 * endorse, defend, rally for or apologise (051-053, 055) is that verbal
 * act negated, as "withheld support" is: "Trump refused to endorse Ryan"
 * rejects no proposal of Ryan's. */
static const char *reject_code(const char *c) {
    static const char *const map[][2] = {
        {"03", "120"},   {"04", "125"},   {"045", "126"},  {"046", "125"},  {"050", "120"},  {"054", "120"},
        {"056", "120"},  {"057", "127"},
        {"06", "121"},   {"061", "1211"}, {"062", "1212"}, {"07", "122"},   {"071", "1221"}, {"072", "1222"},
        {"073", "1223"}, {"074", "1224"}, {"075", "122"},  {"08", "124"},   {"081", "1241"}, {"082", "1242"},
        {"083", "123"},  {"0831", "1231"}, {"0832", "1232"}, {"0833", "1233"}, {"0834", "1234"},
        {"084", "1243"}, {"085", "1244"}, {"086", "1245"}, {"087", "1246"},
    };
    return longest_prefix(map, sizeof map / sizeof map[0], c);
}

/* Nouns whose participle modifier speaks for their author: "issued a
 * statement condemning", "released a declaration demanding", "put out a
 * new video ad ripping Hillary Clinton" (an ad that attacks a named actor
 * is its sponsor's criticism). */
static const char *const STATEMENTS[] = {"statement", "declaration", "communique", "communiqué", "resolution",
                                         "letter", "message", "note", "decree", "report", "document", "appeal",
                                         "warning", "ultimatum", "release", "ad", "advertisement", "commercial",
                                         "video", "tweet", "op-ed", "editorial", "speech", "mailer", NULL};


/* "Australia accused the U.S. of increasing protectionism on agricultural
 * products and called for an end to ...", parsed with "called" a conjunct
 * of "products": a finite verb conjoined to a noun is the clause's second
 * verb, coordinated with the main one: its subject is that of the
 * topmost verb with a subject above the noun (the clause's, not that of a
 * clause it reports: "the institutes said the government should do more
 * to stimulate growth and called for tax cuts"), when that subject comes
 * before it.  The subject, or -1. */
static int32_t noun_conj_subject(const sctx *c, uint32_t v) {
    const dyad_doc *d = c->d;
    if (d->an[v].deprel != DEP_CONJ || (d->an[v].xpos != XPOS_VBD && d->an[v].xpos != XPOS_VBZ && d->an[v].xpos != XPOS_VBP))
        return -1;
    int32_t h = d->an[v].head;
    if (h < (int32_t)c->first || h >= (int32_t)v || d->an[h].upos != UPOS_NOUN) return -1;
    int32_t best = -1;
    for (int step = 0; step < 8; step++) {
        h = d->an[h].head;
        if (h < (int32_t)c->first || h >= (int32_t)c->last) break;
        if (d->an[h].upos == UPOS_VERB) {
            roles r;
            gather(c, (uint32_t)h, &r);
            if (r.subj >= 0 && r.subj < (int32_t)v) best = r.subj;
        }
    }
    return best;
}

/* The subject of v when it has none of its own: a controller ("agreed to
 * meet"), the noun a relative clause hangs on, or the first conjunct's. */
static int32_t inherited_subject(const sctx *c, uint32_t v, int object_control) {
    const dyad_doc *d = c->d;
    int32_t w = (int32_t)v;
    int32_t ns = noun_conj_subject(c, v);
    if (ns >= 0) return ns;
    for (int step = 0; step < 4; step++) {
        uint8_t rel = d->an[w].deprel;
        int32_t h = d->an[w].head;
        if (h < (int32_t)c->first || h >= (int32_t)c->last) return -1;
        if (rel == DEP_ACL && step == 0 && d->an[h].deprel == DEP_OBJ && lemma_in(d, (uint32_t)h, STATEMENTS) &&
            !has_to_mark(c, (uint32_t)w)) {
            /* "issued a statement condemning X": the statement's author */
            int32_t g = d->an[h].head;
            if (g >= (int32_t)c->first && g < (int32_t)c->last && d->an[g].upos == UPOS_VERB) {
                roles r;
                gather(c, (uint32_t)g, &r);
                int32_t s = r.subj >= 0 ? r.subj : inherited_subject(c, (uint32_t)g, 0);
                if (s >= 0 && actor_at(c, (uint32_t)s) >= 0) return s;
            }
        }
        if (rel == DEP_ACL && step == 0 && has_to_mark(c, (uint32_t)w) &&
            (lemma_in(d, (uint32_t)h, COMMIT_NOUNS) || lemma_in(d, (uint32_t)h, DEMAND_NOUNS))) {
            int kind;
            return noun_infinitive_agent(c, h, &kind);
        }
        if (rel == DEP_ACL_RELCL || rel == DEP_ACL) return h;
        if (rel != DEP_XCOMP && rel != DEP_CONJ && rel != DEP_ADVCL) return -1;
        if (rel != DEP_CONJ && has_to_mark(c, (uint32_t)w)) {
            /* "renewed its call for Israel to lift the blockade": the
             * infinitive's subject is whom the demand asks */
            int32_t dn = demand_object(c, h, w);
            int32_t a = dn >= 0 ? demand_phrase(c, (uint32_t)dn) : -1;
            if (a >= 0) return a;
        }
        roles r;
        gather(c, (uint32_t)h, &r);
        /* UD's xcomp is controlled by the governor's object when it has one:
         * "expect Lula to meet", "urged Iran to accept" */
        if (rel == DEP_XCOMP && r.obj >= 0) return r.obj;
        if (rel == DEP_XCOMP) /* "called on Israel to halt" */
            for (int i = 0; i < r.nobl; i++)
                if (has_case(c, (uint32_t)r.obl[i], "on") || has_case(c, (uint32_t)r.obl[i], "upon")) return r.obl[i];
        /* a passive governor's subject controls its infinitive: "Iran is
         * prepared to negotiate", "Syria was asked to withdraw" */
        if (rel == DEP_XCOMP && r.subj < 0 && r.subj_pass >= 0) return r.subj_pass;
        /* and so does one of resolve whose infinitive the parse hung as
         * an adverbial clause: "Vietnam is committed to opening" */
        if (rel == DEP_ADVCL && r.subj < 0 && r.subj_pass >= 0 && r.agent < 0 && has_to_mark(c, (uint32_t)w) &&
            lemma_in(d, (uint32_t)h, RESOLVE_PASS))
            return r.subj_pass;
        if (rel == DEP_XCOMP && object_control) {
            for (int i = 0; i < r.nobl; i++)
                if (has_case(c, (uint32_t)r.obl[i], "on")) return r.obl[i];
        }
        if (r.subj >= 0) return r.subj;
        w = h;
    }
    return -1;
}

/* Words within this many tokens of the event word can attach to it:
 * keeps a 20,000-word "sentence" linear. */
#define NEAR 40

static int32_t date_of(const sctx *c, uint32_t v) {
    const dyad_doc *d = c->d;
    uint32_t lo = v > c->first + NEAR ? v - NEAR : c->first, hi = v + NEAR < c->last ? v + NEAR : c->last;
    for (size_t i = 0; i < d->ndate; i++) {
        uint32_t s = d->dates[i].start;
        if (s < d->toks[lo].start || s >= d->toks[hi - 1].end) continue;
        /* the date's first token, climbing to v */
        for (uint32_t t = lo; t < hi; t++) {
            if (d->toks[t].start != s) continue;
            int32_t w = (int32_t)t;
            for (int step = 0; step < 4 && w >= 0; step++) {
                if (w == (int32_t)v) return (int32_t)i;
                w = d->an[w].head;
            }
            break;
        }
    }
    return -1;
}

static int32_t place_of(const sctx *c, uint32_t v) {
    const dyad_doc *d = c->d;
    uint32_t lo = v > c->first + NEAR ? v - NEAR : c->first, hi = v + NEAR < c->last ? v + NEAR : c->last;
    for (size_t i = doc_place_after(d, d->toks[lo].start); i < d->nplace; i++) {
        uint32_t s = d->places[i].start;
        if (s >= d->toks[hi - 1].end) break;
        if (s < d->toks[lo].start) continue;
        for (uint32_t t = lo; t < hi; t++) {
            if (d->toks[t].start != s) continue;
            /* climb the place's name to its head, then to v through "in"/"at" */
            int32_t w = (int32_t)t;
            while (w >= 0 && (d->an[w].deprel == DEP_COMPOUND || d->an[w].deprel == DEP_FLAT) &&
                   d->an[w].head > w)
                w = d->an[w].head;
            /* "met X in Brasília": the place may hang on the verb or on its object */
            if (w >= 0 && (has_case(c, (uint32_t)w, "in") || has_case(c, (uint32_t)w, "at"))) {
                int32_t h = d->an[w].head;
                if (h == (int32_t)v || (h >= 0 && d->an[h].head == (int32_t)v)) return (int32_t)i;
            }
            break;
        }
    }
    return -1;
}

static void span_of_word(const sctx *c, int32_t w, uint32_t *s, uint32_t *e) {
    const dyad_doc *d = c->d;
    /* the mention of the actor, else the word */
    uint32_t a = d->toks[w].start, b = d->toks[w].end;
    int32_t act = c->actor_of[w];
    /* the name, not the title or the state before it ("billionaire Donald
     * Trump", "Minnesota Gov. Mark Dayton") */
    int32_t nb = name_below(c, (uint32_t)w, 0);
    if (nb >= 0 && c->actor_of[nb] == actor_at(c, (uint32_t)w)) {
        *s = c->mstart[nb];
        *e = c->mend[nb];
        return;
    }
    if (act < 0) {
        KIDS(c, (uint32_t)w) {
            uint8_t r = d->an[k].deprel;
            if ((r == DEP_COMPOUND || r == DEP_AMOD || r == DEP_NMOD_POSS || r == DEP_FLAT) && c->actor_of[k] >= 0) {
                if (d->toks[k].start < a) a = d->toks[k].start;
                if (d->toks[k].end > b) b = d->toks[k].end;
            }
        }
    } else {
        a = c->mstart[w];
        b = c->mend[w];
    }
    *s = a;
    *e = b;
}

/* An actor that can be a side of an event: not a law, a work, a product
 * or a named event ("the Roe v. Wade decision that legalized abortion"). */
static int side_ok(const dyad_doc *d, int32_t a) {
    if (a < 0) return 1;
    uint8_t t = d->actors[a].type;
    return t != ENT_LAW && t != ENT_WORK_OF_ART && t != ENT_PRODUCT && t != ENT_EVENT;
}

/* An actor code with a business segment ("USABUS"). */
static int business_code(const char *code) {
    size_t n = strlen(code);
    for (size_t i = 0; i + 3 <= n; i += 3)
        if (!memcmp(code + i, "BUS", 3)) return 1;
    return 0;
}

/* An actor code whose segments after the country are all roles of
 * private life: civilians, business, media, education, health
 * ("USACVL", "USAMED", "GBRBUS"). */
static int private_code(const char *code) {
    static const char *const PRIV[] = {"CVL", "BUS", "MED", "EDU", "HLH", NULL};
    size_t n = strlen(code);
    if (n < 6) return 0;
    for (size_t i = 3; i + 3 <= n; i += 3) {
        int hit = 0;
        for (int k = 0; PRIV[k] && !hit; k++) hit = !memcmp(code + i, PRIV[k], 3);
        if (!hit) return 0;
    }
    return 1;
}

/* Cooperation (019, 03x, 04x, 050, 06x, 07x) between a person and a
 * business is a private deal, not a political event: "Trump has invested
 * in other companies", "Manafort was working with a lobbying firm", "the
 * company's executives met Mr. Clarke", "Patriot agreed to lend Mr.
 * Clarke $5 million" (a company the actor tagger knows only by its
 * country).  So is cooperation between two sides that both hold roles of
 * private life only: "he met his wife, Ana", "the columnist agreed with
 * Matthews about the winner". */
static int business_deal(const dyad_doc *d, const char *code, int32_t src, int32_t tgt) {
    if (src < 0 || tgt < 0) return 0;
    if (strcmp(code, "050") && strcmp(code, "019") && strncmp(code, "03", 2) && strncmp(code, "04", 2) &&
        strncmp(code, "06", 2) && strncmp(code, "07", 2))
        return 0;
    const dactor *s = &d->actors[src], *t = &d->actors[tgt];
    if (private_code(s->code) && private_code(t->code)) return 1;
    int sb = business_code(s->code) || (s->type == ENT_ORG && strlen(s->code) == 3);
    int tb = business_code(t->code) || (t->type == ENT_ORG && strlen(t->code) == 3);
    /* the older rule, for 050, 06x and 07x only: a business against any person */
    if (!strcmp(code, "050") || !strncmp(code, "06", 2) || !strncmp(code, "07", 2))
        if ((s->type == ENT_PERSON && business_code(t->code)) || (t->type == ENT_PERSON && business_code(s->code)))
            return 1;
    return (s->type == ENT_PERSON && tb && private_code(s->code)) || (t->type == ENT_PERSON && sb && private_code(t->code));
}

/* Head words of roles that name a business, not a political actor:
 * "the company", "its creditors", "a Canadian banker". */
static const char *const BUSINESS_ROLES[] = {"company", "companies", "firm", "firms", "corporation", "bank", "banks",
                                             "banker", "bankers", "creditor", "creditors", "lender", "lenders",
                                             "shareholder", "shareholders", "stockholder", "stockholders",
                                             "bondholder", "bondholders", "investor", "investors", "subsidiary",
                                             "partnership", "concern", NULL};

/* Does actor x have roles, all of them ending in a business word from
 * BUSINESS_ROLES?  An uncoded actor with such a role ("The company said
 * it is negotiating additional financing") is a company, not a side of a
 * political event; a role the list does not know ("the spokesman") is
 * left alone. */
static int business_roles(const dactor *x) {
    if (!x->nroles) return 0;
    for (uint32_t i = 0; i < x->nroles; i++) {
        const char *r = x->roles[i];
        size_t n = strlen(r), b = n;
        while (b > 0 && r[b - 1] != ' ' && r[b - 1] != '\n') b--;
        int hit = 0;
        for (const char *const *w = BUSINESS_ROLES; *w && !hit; w++) {
            size_t k = 0, m = strlen(*w);
            if (m != n - b) continue;
            while (k < m && (r[b + k] | 0x20) == (*w)[k]) k++; /* the list is lower-case letters only */
            hit = k == m;
        }
        if (!hit) return 0;
    }
    return 1;
}

/* How private is actor a: 2 plainly private (a code whose segments after
 * the country are all business, "USABUS"; a phrase with no code, no role
 * and no name of a person, "seventeen people"), 1 maybe (an organization
 * the actor tagger knows only by a country, "SMC", "Citibank AG", but also
 * a misspelt "Ethopia"), 0 a political side.  CAMEO events are between
 * states, governments, parties, armed groups, organizations and their
 * people; a company is none of these. */
static int private_side(const dyad_doc *d, int32_t a) {
    const dactor *x = &d->actors[a];
    size_t n = strlen(x->code);
    if (!n && x->type != ENT_PERSON && x->type != ENT_GPE && x->type != ENT_NORP && business_roles(x)) return 2;
    if (!n) return x->nroles == 0 && x->type != ENT_PERSON && x->type != ENT_GPE && x->type != ENT_NORP ? 2 : 0;
    if (n == 3) return x->type == ENT_ORG;
    if (!memcmp(x->code, "MNC", 3)) return 2; /* a multinational company, "MNCUSA" */
    for (size_t i = 3; i + 3 <= n; i += 3)
        if (memcmp(x->code + i, "BUS", 3)) return 0;
    return 2;
}

/* Is the loan noun v the object of a verb whose subject is a political
 * side ("Japan extended a loan to Indonesia")?  Then the loan is that
 * actor's aid even where the event coder found no source for the noun;
 * a company ("Acme said it is placing loans to Brazil ..."), a pronoun
 * that is no actor ("we have to pay back the loans") or no verb at all
 * ("401 mln dlrs of loans to Brazil") makes it commerce. */
static int political_lender(const sctx *c, uint32_t v) {
    const dyad_doc *d = c->d;
    int32_t h = d->an[v].head;
    /* up through a few nouns: "extended a one billion dollar loan" may hang
     * the loan on "one" as an apposition */
    for (int n = 0; n < 4 && h >= (int32_t)c->first && h < (int32_t)c->last && d->an[h].upos == UPOS_NOUN; n++)
        h = d->an[h].head;
    if (h < (int32_t)c->first || h >= (int32_t)c->last || d->an[h].upos != UPOS_VERB) return 0;
    KIDS(c, (uint32_t)h) {
        if (d->an[k].deprel != DEP_NSUBJ) continue;
        int32_t a = actor_at(c, (uint32_t)k);
        return a >= 0 && !private_side(d, a);
    }
    return 0;
}

/* An event whose named sides are all private, one of them plainly ("the
 * banks rejected the proposal", "Ina signed a deal with Hoechst",
 * "seventeen people were killed") is no political event.  An event with
 * no side named is left to the other rules; a protest (14x) by anyone is
 * CAMEO's own case. */
static int private_event(const dyad_doc *d, const char *code, int32_t src, int32_t tgt) {
    if (src < 0 && tgt < 0) return 0;
    if (!strncmp(code, "14", 2)) return 0;
    int ps = src < 0 ? -1 : private_side(d, src), pt = tgt < 0 ? -1 : private_side(d, tgt);
    return ps != 0 && pt != 0 && (ps == 2 || pt == 2);
}

/* Sources whose support is a poll result or a vote, not an act (rule:
 * voters' preferences are no events): "78 percent of Sanders voters
 * backing Clinton", "male troops backed Trump, 57 percent to 22". */
static const char *const POLL_SOURCES[] = {"voter", "supporter", "respondent", "electorate", "caucusgoer",
                                           "constituent", "independent", "percent", "%", "poll", "survey",
                                           "american", NULL};

/* Is the support (05x) at verb v with source word sw a poll figure: a
 * source from POLL_SOURCES, or a percentage on the verb ("backed Trump,
 * 57 percent to 22 percent")? */
static int poll_support(const sctx *c, uint32_t v, int32_t sw) {
    const dyad_doc *d = c->d;
    if (sw >= 0 && lemma_in(d, (uint32_t)sw, POLL_SOURCES)) return 1;
    if (d->an[v].upos != UPOS_VERB) return 0;
    KIDS(c, v) {
        if (lemma_in(d, (uint32_t)k, (const char *const[]){"percent", "%", "point", NULL})) return 1;
        for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first])
            if (lemma_in(d, (uint32_t)g, (const char *const[]){"percent", "%", NULL})) return 1;
    }
    return 0;
}

/* Is verb v, coded code, a present participle that only describes its
 * head noun ("a super PAC backing Jeb Bush", "the coalition fighting the
 * Islamic State", "two firms seeking to enter the market")?  The phrase names
 * who the noun is, a standing relation, not a new act; a full relative
 * clause ("which backed Bush on Monday"), a past participle ("the
 * sanctions imposed by the US") or a participle on a thing ("an ad
 * ripping Clinton") is left to code. */
static int describing_participle(const sctx *c, uint32_t v, const char *code) {
    const dyad_doc *d = c->d;
    if (d->an[v].upos != UPOS_VERB || d->an[v].xpos != XPOS_VBG || d->an[v].deprel != DEP_ACL) return 0;
    /* standing relations only: intent, support, cooperation, fighting;
     * a speech act or an inquiry in the participle is done as told ("the
     * prosecutor investigating the swindle", "O'Malley calling Trump a
     * fascist") */
    if (strncmp(code, "03", 2) && strncmp(code, "05", 2) && strncmp(code, "06", 2) && strncmp(code, "19", 2))
        return 0;
    int32_t h = d->an[v].head;
    if (h < (int32_t)c->first || h >= (int32_t)c->last) return 0;
    if (has_case(c, (uint32_t)h, "with")) return 0; /* "with Gov. O'Malley backing Trump": an absolute clause */
    /* on an actor only: "a declaration demanding that ...", "a video ad
     * ripping Clinton" are acts told by their content */
    return actor_at(c, (uint32_t)h) >= 0;
}

/* An actor code with an armed segment (military, rebels, insurgents,
 * criminals, unidentified armed forces, separatists, police, spies,
 * militarized groups): CAMEO codes are three-letter chunks. */
static int armed_code(const char *code) {
    static const char *const ARMED[] = {"MIL", "REB", "INS", "CRM", "UAF", "SEP", "COP", "SPY", "IMG", NULL};
    size_t n = strlen(code);
    for (size_t i = 0; i + 3 <= n; i += 3)
        for (int k = 0; ARMED[k]; k++)
            if (!memcmp(code + i, ARMED[k], 3)) return 1;
    return 0;
}

/* An actor code with a party segment ("USAPTY"). */
static int party_code(const char *code) {
    size_t n = strlen(code);
    for (size_t i = 0; i + 3 <= n; i += 3)
        if (!memcmp(code + i, "PTY", 3)) return 1;
    return 0;
}

/* Heads of a plain assault (CAMEO 190) that politicians use for words:
 * "Ted Cruz attacked Donald Trump", "personal attacks on the judge",
 * "Clinton's gun control offensive against Sanders". */
static const char *const VERBAL_HEADS[] = {"attack", "offensive", "counterattack", "counteroffensive", "hit",
                                           "clash", "pound", NULL};

/* Words near the head that make an attack physical. */
static const char *const VIOLENT[] = {"knife", "gun", "rifle", "pistol", "bomb", "missile", "rocket", "drone", "tank",
                                      "grenade", "weapon", "machete", "troop", "soldier", "military", "armed", "terror",
                                      "terrorist", "suicide", "air", "physical", "physically", "violent", "deadly",
                                      "fatal", "lethal", "shooting", "gunman", "chemical", "nuclear", "cyber",
                                      "acid", "stab", "shoot", "kill", "wound", "injure", "bloody", "mob", NULL};

/* Modifiers that make an attack with no named author words: "personal
 * attacks on the judge", "new scurrilous attacks on her family". */
static const char *const WORDY[] = {"personal", "verbal", "political", "partisan", "rhetorical", "scurrilous",
                                    "negative", "nasty", "sexist", "racist", "unfair", "baseless", "false",
                                    "ad", "campaign", "relentless", "withering", "scathing", "blistering", NULL};

/* Heads of a fight that the press uses for any contest: "Congress is
 * battling President Reagan", "Baker has won a battle", "a takeover
 * fight", "the trade war". */
static const char *const CONTEST_HEADS[] = {"battle", "fight", "feud", "spar", "duel", "tussle", "war", NULL};

/* Modifiers that make a fight a contest whoever its sides are. */
static const char *const CONTEST_MODS[] = {"trade", "price", "tariff", "takeover", "bidding", "proxy", "legal",
                                           "court", "political", "budget", "election", "primary", "campaign",
                                           "nomination", "turf", "rating", "uphill", "word", "culture", NULL};

/* A weapon or bloodshed word on head v, its dependents and theirs, or
 * the three words before it. */
static int violence_near(const sctx *c, uint32_t v) {
    const dyad_doc *d = c->d;
    KIDS(c, v) {
        if (lemma_in(d, (uint32_t)k, VIOLENT)) return 1;
        for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first])
            if (lemma_in(d, (uint32_t)g, VIOLENT)) return 1;
    }
    for (int32_t k = (int32_t)v - 1; k >= (int32_t)c->first && k >= (int32_t)v - 3; k--)
        if (lemma_in(d, (uint32_t)k, VIOLENT)) return 1;
    return 0;
}

/* Is the fight (19x) at head v between src and tgt (-1: none) a contest
 * of words, votes or money?  Yes when a modifier says so ("trade war",
 * "takeover battle"); otherwise when every side named has a known
 * unarmed sector (a legislature, a government, a party, a company; not a
 * state: "Iraq fought Iran" stays a fight) and no weapon or bloodshed is
 * near. */
static int contest(const sctx *c, uint32_t v, int32_t src, int32_t tgt) {
    const dyad_doc *d = c->d;
    if (!lemma_in(d, v, CONTEST_HEADS)) return 0;
    KIDS(c, v) {
        uint8_t r = d->an[k].deprel;
        if ((r == DEP_AMOD || r == DEP_COMPOUND || r == DEP_NMOD) && lemma_in(d, (uint32_t)k, CONTEST_MODS)) return 1;
    }
    int32_t side[2] = {src, tgt};
    for (int i = 0; i < 2; i++) {
        if (side[i] < 0) continue;
        const dactor *a = &d->actors[side[i]];
        if (armed_code(a->code) || a->type == ENT_GPE || a->type == ENT_LOC || a->type == ENT_NORP) return 0;
        /* a side the actor tagger gave a sector: not a country, not an
         * unknown ("police officers fighting the gangs") */
        if (strlen(a->code) <= 3) return 0;
    }
    if (src < 0 && tgt < 0) return 0;
    return !violence_near(c, v);
}

/* Is the plain assault at head v from actor src (-1: none named) on
 * actor tgt verbal criticism?  Between political people and parties, with
 * no weapon in sight: the source a person or a party (not armed, not a
 * state: "Israel attacked Hamas" stays 190), the target a person, party or
 * organisation (not a place or a force).  With no source named, only a
 * wordy modifier tells ("personal attacks on ..."). */
static int verbal_attack(const sctx *c, const ev_pat *p, uint32_t v, int32_t src, int32_t tgt) {
    const dyad_doc *d = c->d;
    if (tgt < 0) return 0;
    if (!lemma_in(d, v, VERBAL_HEADS)) {
        /* "launched personal attacks on": the object is the attack */
        if (!p->obj || !in_list(p->obj, VERBAL_HEADS)) return 0;
        int32_t o = -1;
        KIDS(c, v) {
            if (o < 0 && k > (int32_t)v && lemma_is(d, (uint32_t)k, p->obj)) o = k;
        }
        if (o < 0) return 0;
        KIDS(c, v) {
            if (lemma_in(d, (uint32_t)k, VIOLENT)) return 0;
        }
        v = (uint32_t)o;
    }
    const dactor *t = &d->actors[tgt];
    if (armed_code(t->code) || (t->type != ENT_PERSON && t->type != ENT_ORG && t->type != ENT_NORP &&
                                t->type != ENT_NONE))
        return 0;
    if (violence_near(c, v)) return 0;
    int32_t h = d->an[v].head;
    if (h >= (int32_t)c->first && h < (int32_t)c->last && lemma_in(d, (uint32_t)h, VIOLENT)) return 0;
    if (src < 0) {
        KIDS(c, v) {
            if ((d->an[k].deprel == DEP_AMOD || d->an[k].deprel == DEP_COMPOUND) && lemma_in(d, (uint32_t)k, WORDY))
                return 1;
        }
        return 0;
    }
    const dactor *s = &d->actors[src];
    if (armed_code(s->code)) return 0;
    return s->type == ENT_PERSON || (party_code(s->code) && s->type != ENT_GPE && s->type != ENT_LOC &&
                                     s->type != ENT_FAC);
}

/* Words that make a win an election result: "beat Clinton in the
 * Michigan primary", "beat him in the polls". */
static const char *const ELECTION_WORDS[] = {"election", "primary", "race", "poll", "vote", "ballot", "caucus",
                                             "nomination", "contest", "runoff", "delegate", "electorate", "voter",
                                             "general", "point", "margin", "reelection", "re-election", NULL};

/* An actor that can stand for office or fight one: a person or a party,
 * not armed (police, troops, rebels). */
static int candidate_side(const dyad_doc *d, int32_t a) {
    const dactor *s = &d->actors[a];
    if (armed_code(s->code)) return 0;
    return s->type == ENT_PERSON || (party_code(s->code) && s->type != ENT_GPE && s->type != ENT_LOC &&
                                     s->type != ENT_FAC);
}

/* Is "beat" or "defeat" at v (a source src and a target tgt, -1: none)
 * an election win?  When an election word is in its clause ("beat Y in
 * the primary"), or when the source is a candidate (a person or a party)
 * and the target one too or no actor at all ("she can't beat this
 * guy"), with no weapon near.  Election wins are not coded (rule of
 * tests/gold/EVENTS.md). */
static int election_beat(const sctx *c, uint32_t v, int32_t src, int32_t tgt) {
    const dyad_doc *d = c->d;
    if (!lemma_in(d, v, (const char *const[]){"beat", "defeat", "trounce", "thrash", "outpoll", NULL})) return 0;
    KIDS(c, v) {
        if (lemma_in(d, (uint32_t)k, ELECTION_WORDS)) return 1;
        for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first])
            if (lemma_in(d, (uint32_t)g, ELECTION_WORDS)) return 1;
    }
    if (violence_near(c, v) || src < 0 || !candidate_side(d, src)) return 0;
    return tgt < 0 || candidate_side(d, tgt);
}

/* Verb v's object (or passive subject) is a thing, no actor: a common
 * noun that no actor mention covers ("attacked loopholes", "attacked
 * the plan").  Names stay (a place, an unknown body). */
static int thing_object(const sctx *c, uint32_t v) {
    const dyad_doc *d = c->d;
    KIDS(c, v) {
        uint8_t r = d->an[k].deprel;
        if (r != DEP_OBJ && r != DEP_NSUBJ_PASS) continue;
        if (d->an[k].upos != UPOS_NOUN || c->actor_of[k] >= 0 || name_below(c, (uint32_t)k, 2) >= 0) return 0;
        return 1;
    }
    return 0;
}

/* "withhold" and its forms (the lemmatizer makes "withheld" "withhell"). */
static int is_withhold(const dyad_doc *d, uint32_t v) {
    const tok *k = &d->toks[v];
    return lemma_is(d, v, "withhold") ||
           (k->end - k->start >= 8 && (d->text[k->start] | 32) == 'w' && !memcmp(d->text + k->start + 1, "ithh", 4));
}

/* Push the events of pattern p at word v; returns how many (0: a slot had
 * no actor), -1 when out of memory. */
static int emit_at(const sctx *c, const ev_pat *p, uint32_t v, uint32_t mv, int32_t sw, int32_t tw, unsigned how);

enum {
    EMIT_NO_TGT = 1, /* the pattern's target slot is empty: code the event without one */
    EMIT_SINGLE = 2, /* sw and tw are single words: do not expand their conjuncts */
    EMIT_NO_SRC = 4  /* the source slot is empty or no actor: code the event without one */
};

/* Word w is peacekeepers: "peacekeepers", "peacekeeping troops", and
 * (depth 1) "a deployment of NATO peacekeeping troops" through an "of"
 * phrase. */
static int peacekeepers(const sctx *c, int32_t w, int depth) {
    const dyad_doc *d = c->d;
    if (lemma_in(d, (uint32_t)w, (const char *const[]){"peacekeeper", "peacekeeping", NULL})) return 1;
    KIDS(c, (uint32_t)w) {
        uint8_t rel = d->an[k].deprel;
        if ((rel == DEP_AMOD || rel == DEP_COMPOUND || rel == DEP_ACL) &&
            lemma_in(d, (uint32_t)k, (const char *const[]){"peacekeeping", "peacekeep", "peace-keeping", NULL}))
            return 1;
        if (depth > 0 && rel == DEP_NMOD && has_case(c, (uint32_t)k, "of") && peacekeepers(c, k, depth - 1)) return 1;
    }
    /* "NATO" in "NATO peacekeeping troops": the noun it modifies */
    int32_t h = d->an[w].head;
    uint8_t rel = d->an[w].deprel;
    if (depth > 0 && h >= (int32_t)c->first && h < (int32_t)c->last && (rel == DEP_COMPOUND || rel == DEP_NMOD))
        return peacekeepers(c, h, depth - 1);
    return 0;
}

/* Event word v is a withdrawal ("withdraw", "withdrawal", "pull out",
 * "pullout") whose source, word sw with actor a, is an armed force: an
 * armed segment in its code, or a word for troops. */
static int armed_withdrawal(const sctx *c, uint32_t v, int32_t sw, int32_t a) {
    const dyad_doc *d = c->d;
    if (!lemma_in(d, v, (const char *const[]){"withdraw", "withdrawal", "pull", "pullout", NULL})) return 0;
    if (armed_code(d->actors[a].code)) return 1;
    return sw >= 0 && lemma_in(d, (uint32_t)sw, (const char *const[]){"troop", "force", "soldier", "army", "military",
                                                                       "unit", "militia", NULL});
}

static int emit(const sctx *c, const ev_pat *p, uint32_t v, int32_t sw, int32_t tw, unsigned how) {
    return emit_at(c, p, v, v, sw, tw, how);
}

/* Word w, or the head of the name it stands in, is "court" in any case
 * ("the district court", "the Supreme Court"). */
static int is_court(const sctx *c, int32_t w) {
    if (w < 0) return 0;
    const dyad_doc *d = c->d;
    int32_t h = w;
    /* a flat name's last word: "Supreme Court" is headed by "Supreme" */
    KIDS(c, (uint32_t)w) if (d->an[k].deprel == DEP_FLAT && k > h) h = k;
    const tok *t = &d->toks[h];
    if (t->end - t->start != 5) return 0;
    static const char want[] = "court";
    for (uint32_t i = 0; i < 5; i++)
        if ((d->text[t->start + i] | 0x20) != want[i]) return 0;
    return 1;
}

/* As emit, with the mode, claimant and intent read at word mv: the light
 * verb of a nominal event ("will launch an attack"). */
/* Recipients of money that make it campaign spending, not aid. */
static const char *const CAMPAIGN_FUNDS[] = {"campaign", "pac", "committee", "fund", "candidacy", "bid", "race",
                                             "caucus", "convention", "foundation", NULL};

/* The object of verb v is a sum of money ("pledged $1 billion for
 * infrastructure") that is not called aid ("dollars of aid"): with no
 * actor to receive it, a budget or a policy proposal, not aid. */
static int money_object(const sctx *c, uint32_t v) {
    KIDS(c, v) {
        if (c->d->an[k].deprel != DEP_OBJ) continue;
        /* "5.1 million dollars of aid" is aid, whoever gets it */
        for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first])
            if (lemma_in(c->d, (uint32_t)g, (const char *const[]){"aid", "assistance", "relief", "grant", "loan", NULL}))
                return 0;
        if (c->d->an[k].upos == UPOS_NUM || c->d->an[k].upos == UPOS_SYM ||
            lemma_in(c->d, (uint32_t)k, (const char *const[]){"dollar", "million", "billion", "money", "cash", NULL}))
            return 1;
    }
    return 0;
}

/* Verbs of a protest's purpose: "to demand", "calling for". */
static const char *const DEMAND_VERBS[] = {"demand", "call", "press", "urge", "seek", "protest", NULL};

/* The first actor named under noun w -- in its of/by/from phrase, its
 * possessor, an adjective or a compound, down to two levels ("the
 * resignation of Algerian President Ben Bella", "reforms by Suharto's
 * government") -- other than the actor at word not; -1 if none. */
static int32_t named_below(const sctx *c, uint32_t w, int32_t not) {
    const dyad_doc *d = c->d;
    int32_t na = not >= 0 ? actor_at(c, (uint32_t)not) : -1;
    int32_t todo[16], best = -1;
    int n = 0, depth[16];
    todo[n] = (int32_t)w, depth[n++] = 0;
    for (int i = 0; i < n; i++) {
        KIDS(c, (uint32_t)todo[i]) {
            uint8_t rel = d->an[k].deprel;
            int named = rel == DEP_NMOD_POSS || rel == DEP_AMOD || rel == DEP_COMPOUND ||
                        (rel == DEP_NMOD && (has_case(c, (uint32_t)k, "of") || has_case(c, (uint32_t)k, "by") ||
                                             has_case(c, (uint32_t)k, "from")));
            if (!named) continue;
            int32_t a = d->an[k].upos == UPOS_PRON ? -1 : actor_at(c, (uint32_t)k); /* not "their" */
            if (a >= 0 && a != na && (best < 0 || k < best)) best = k;
            if (a < 0 && depth[i] < 1 && n < 16) todo[n] = k, depth[n++] = depth[i] + 1;
        }
    }
    return best;
}

/* What a side proposes, whose author a rejection rejects. */
static const char *const PROPOSALS[] = {"proposal", "plan", "offer", "demand", "request", "invitation", "initiative",
                                        "idea", "bid", "call", "ultimatum", "resolution", "appeal", "overture",
                                        "proposition", NULL};

/* The target a pattern without one leaves implied, or -1:
 *   - "demanded that the US cancel the sale", "urged that Iran should
 *     stop": a demand or appeal asks the subject of its that-clause, when
 *     the clause is what is asked (a bare subjunctive or should/must), not
 *     a reason ("out of concern that ...");
 *   - "demanded the removal of President Habyarimana", "an immediate
 *     admission by Moscow": a demand asks the actor its object names; a
 *     protest "to demand political reforms by Suharto's government",
 *     "calling for independence from Iraq", the actor of what it demands;
 *   - "rejected an Indian proposal", "rejected Senegal's peace plan": a
 *     rejection rejects the proposal's author.
 * not is the source word, which is never the target. */
static int32_t implied_target(const sctx *c, const ev_pat *p, uint32_t v, int32_t not) {
    const dyad_doc *d = c->d;
    int demand = !strncmp(p->code, "10", 2), appeal = !strncmp(p->code, "02", 2);
    int protest = !strncmp(p->code, "14", 2), reject = !strncmp(p->code, "12", 2);
    if (!demand && !appeal && !protest && !reject) return -1;
    roles r;
    gather(c, v, &r);
    for (int i = 0; (demand || appeal) && i < r.nccomp; i++) {
        /* (the tagger reads "that the US cancel" as a present or a past) */
        uint8_t x = d->an[r.ccomp[i]].xpos;
        int asked = x == XPOS_VB, that = 0;
        KIDS(c, (uint32_t)r.ccomp[i]) {
            if (d->an[k].deprel == DEP_AUX && lemma_in(d, (uint32_t)k, (const char *const[]){"should", "must", NULL}))
                asked = 1;
            if (d->an[k].deprel == DEP_MARK && lemma_is(d, (uint32_t)k, "that")) that = 1;
        }
        if (that && (x == XPOS_VBP || x == XPOS_VBD)) asked = 1;
        if (!asked) continue;
        int32_t t = -1;
        KIDS(c, (uint32_t)r.ccomp[i]) {
            if (d->an[k].deprel == DEP_NSUBJ && actor_at(c, (uint32_t)k) >= 0) t = k;
        }
        if (t >= 0) return t;
    }
    if (demand || protest) {
        int32_t w = demand ? r.obj : -1;
        if (protest) {
            KIDS(c, v) {
                uint8_t rel = d->an[k].deprel;
                if (w < 0 && (rel == DEP_ADVCL || rel == DEP_XCOMP) && lemma_in(d, (uint32_t)k, DEMAND_VERBS)) {
                    roles kr;
                    gather(c, (uint32_t)k, &kr);
                    w = kr.obj;
                    for (int i = 0; i < kr.nobl && w < 0; i++)
                        if (has_case(c, (uint32_t)kr.obl[i], "for")) w = kr.obl[i];
                }
            }
        }
        return w >= 0 && d->an[w].upos == UPOS_NOUN ? named_below(c, (uint32_t)w, not) : -1;
    }
    if (r.obj < 0 || d->an[r.obj].upos != UPOS_NOUN || !lemma_in(d, (uint32_t)r.obj, PROPOSALS)) return -1;
    KIDS(c, (uint32_t)r.obj) {
        uint8_t rel = d->an[k].deprel;
        if (k < r.obj && (rel == DEP_AMOD || rel == DEP_COMPOUND || rel == DEP_NMOD_POSS) && c->actor_of[k] >= 0)
            return k;
    }
    return -1;
}

/* ---- targets from the verb's other roles -------------------------------------
 * A pattern with no target slot (or whose slot held no actor) often leaves
 * the side it acts on in another role: an oblique of the verb or of the
 * act it introduces ("offered to hand over to Great Britain", "withdraw
 * its troops from Lebanon"), a phrase under the object noun ("continue
 * military aid to Mozambique", "boycott all contact with the United
 * States"), a dative the parser read as a modifier ("gave the Ivory Coast
 * 5.1 million dollars"), or, for acts done to a territory, the place
 * ("imposed a curfew in Algiers").  Which preposition names the side
 * depends on the act: "aid to", "withdraw from", "talks with", "war
 * against". */

/* Prepositions that introduce the side an act of each root is done to. */
static const char *const SIDE_PREPS_03[] = {"to", "with", "from", "against", NULL}; /* intent: of the act meant */
static const char *const SIDE_PREPS_04[] = {"with", "between", NULL};
static const char *const SIDE_PREPS_07[] = {"to", "for", NULL};
static const char *const SIDE_PREPS_08[] = {"from", "to", "with", NULL};
static const char *const SIDE_PREPS_10[] = {"with", "from", NULL};
static const char *const SIDE_PREPS_13[] = {"against", "to", "with", "on", NULL};
static const char *const SIDE_PREPS_14[] = {"against", "with", NULL};
static const char *const SIDE_PREPS_15[] = {"against", NULL};
static const char *const SIDE_PREPS_16[] = {"with", "from", "for", NULL};
static const char *const SIDE_PREPS_17[] = {"against", "on", "into", NULL};
static const char *const SIDE_PREPS_19[] = {"against", "on", "with", NULL};

static const char *const *side_preps(const char *code) {
    static const struct {
        const char *root;
        const char *const *preps;
    } T[] = {{"03", SIDE_PREPS_03}, {"04", SIDE_PREPS_04}, {"07", SIDE_PREPS_07}, {"08", SIDE_PREPS_08},
             {"10", SIDE_PREPS_10}, {"13", SIDE_PREPS_13}, {"14", SIDE_PREPS_14}, {"15", SIDE_PREPS_15}, {"16", SIDE_PREPS_16},
             {"17", SIDE_PREPS_17}, {"18", SIDE_PREPS_19}, {"19", SIDE_PREPS_19}, {"20", SIDE_PREPS_19}};
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++)
        if (!strncmp(code, T[i].root, 2)) return T[i].preps;
    return NULL;
}

/* Word k names a town or a county ("transport the casket to
 * Mechanicsburg"): a place the act goes to, not a side.  Countries,
 * regions and provinces ("from Lebanon", "in the Gaza Strip", "to
 * Chechnya"; the gazetteer lists Taiwan as one) stand for their people. */
static int local_place(const sctx *c, int32_t k, int32_t a) {
    const dyad_doc *d = c->d;
    if (d->actors[a].type != ENT_GPE && d->actors[a].type != ENT_LOC) return 0;
    uint32_t s = c->mstart[k];
    size_t i = doc_place_after(d, s);
    if (i < d->nplace && d->places[i].start == s && d->places[i].feature)
        return !strcmp(d->places[i].feature, "city") ||
               (!strncmp(d->places[i].feature, "admin", 5) && strcmp(d->places[i].feature, "admin1"));
    return 0;
}

/* Actor a is the source na or bears its code: emit_at drops such an
 * event as a self-event, so a side found for it would lose the event. */
static int same_side(const dyad_doc *d, int32_t a, int32_t na) {
    return na >= 0 && (a == na || (d->actors[a].code[0] && !strcmp(d->actors[a].code, d->actors[na].code)));
}

/* Word k stands for an actor other than na that can be a side: not a
 * pronoun ("its", "their" name the source more often than not), not
 * what a pronoun says the source owns ("surrendered the licence of its
 * unit"), not a town. */
static int side_word(const sctx *c, int32_t k, int32_t na) {
    const dyad_doc *d = c->d;
    if (d->an[k].upos == UPOS_PRON) return 0;
    int32_t a = actor_at(c, (uint32_t)k);
    if (a < 0 || same_side(d, a, na)) return 0;
    for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first])
        if (d->an[g].deprel == DEP_NMOD_POSS && d->an[g].upos == UPOS_PRON) return 0;
    return c->actor_of[k] < 0 || !local_place(c, k, a);
}

/* Word k is a phrase under its head introduced by one of preps. */
static int case_in(const sctx *c, int32_t k, const char *const *preps) {
    for (; *preps; preps++)
        if (has_case(c, (uint32_t)k, *preps)) return 1;
    return 0;
}

/* "aid to war-torn Mozambique", "withdraw troops from neighboring
 * Lebanon": a participle before a name, parsed as a clause with the
 * preposition its marker and the name its object.  The name's word under
 * word w when w is such a clause with a marker of preps, or -1. */
static int32_t participle_side(const sctx *c, int32_t w, const char *const *preps, int32_t na) {
    const dyad_doc *d = c->d;
    uint8_t rel = d->an[w].deprel;
    if ((rel != DEP_ACL && rel != DEP_ADVCL) || d->an[w].upos != UPOS_VERB) return -1;
    if (d->an[w].xpos != XPOS_VBN && d->an[w].xpos != XPOS_VBG) return -1; /* not "a pledge not to pardon X" */
    int marked = 0;
    KIDS(c, (uint32_t)w) {
        if (d->an[k].deprel == DEP_MARK && k < w && lemma_in(d, (uint32_t)k, preps)) marked = 1;
    }
    if (!marked) return -1;
    KIDS(c, (uint32_t)w) {
        if (d->an[k].deprel == DEP_OBJ && k == w + 1 && side_word(c, k, na)) return k;
    }
    return -1;
}

/* The first side named under noun w (or a conjunct of it: "inspectors
 * and workers from Iraq"), down to depth more levels of phrases: a phrase
 * of preps ("aid to Mozambique", "war against Iraq") and the owner of the
 * thing acted on: with owner 2 an "of" phrase or a possessive ("expelled
 * inspectors of the IAEA", "boycott Algeria's elections"), with owner 1
 * a possessive only, with 0 none, with -1 none here and possessives
 * below.  Other phrases
 * are passed through ("an offensive in its war with Iraq", "an effort on
 * Saturday between X and Y"); -1 if none. */
static int32_t side_below(const sctx *c, int32_t w, const char *const *preps, int32_t na, int depth, int owner) {
    const dyad_doc *d = c->d;
    int32_t ws[4];
    int nw = 0;
    ws[nw++] = w;
    KIDS(c, (uint32_t)w) {
        if (d->an[k].deprel == DEP_CONJ && nw < 4) ws[nw++] = k;
    }
    for (int i = 0; i < nw; i++)
        for (int32_t k = c->child[ws[i] - c->first]; k >= 0; k = c->sib[k - c->first]) {
            uint8_t rel = d->an[k].deprel;
            if (owner > 0 && rel == DEP_NMOD_POSS && k < ws[i] && side_word(c, k, na)) return k;
            int32_t t = participle_side(c, k, preps, na);
            if (t >= 0) return t;
            if (rel != DEP_NMOD) continue;
            if ((case_in(c, k, preps) || (owner > 1 && has_case(c, (uint32_t)k, "of"))) && side_word(c, k, na)) return k;
            /* "riots against Israeli military policies": a thing in the
             * side's phrase stands for the actor that owns or makes it */
            if (case_in(c, k, preps) && d->an[k].upos == UPOS_NOUN)
                for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first]) {
                    uint8_t gr = d->an[g].deprel;
                    if (g < k && (gr == DEP_NMOD_POSS || gr == DEP_AMOD || gr == DEP_COMPOUND) && side_word(c, g, na))
                        return g;
                }
        }
    if (depth <= 0) return -1;
    for (int i = 0; i < nw; i++)
        for (int32_t k = c->child[ws[i] - c->first]; k >= 0; k = c->sib[k - c->first]) {
            if (d->an[k].deprel != DEP_NMOD || k < ws[i]) continue;
            if (d->an[k].upos != UPOS_NOUN && !(d->an[k].upos == UPOS_PROPN && c->actor_of[k] < 0)) continue;
            /* below, the owner only as a possessive: "a charge of assault of
             * a child" names no side, "in protest of the government's
             * refusal" does */
            int32_t t = side_below(c, k, preps, na, depth - 1, owner ? 1 : 0);
            if (t >= 0) return t;
        }
    return -1;
}

/* Word w is a noun of the same act as pattern p (a noun pattern of p's
 * root): its owner is who does the act, not the side it is done to
 * ("called the miners' strike"). */
static int own_act_noun(const sctx *c, const ev_pat *p, int32_t w) {
    const char *l = lemma_of(c->d, (uint32_t)w);
    for (int32_t pi = lookup_head(c->x, l, strlen(l)); pi >= 0; pi = c->x->pats[pi].next)
        if (c->x->pats[pi].noun && !strncmp(c->x->pats[pi].code, p->code, 2)) return 1;
    return 0;
}

/* "gave the Ivory Coast 5.1 million dollars", parsed with the country a
 * compound of "dollars": a name before a number inside the object is
 * the dative.  The name's word, or -1. */
static int32_t dative_compound(const sctx *c, int32_t obj, int32_t na) {
    const dyad_doc *d = c->d;
    KIDS(c, (uint32_t)obj) {
        if (k >= obj || d->an[k].deprel != DEP_COMPOUND || d->an[k].upos != UPOS_PROPN || !side_word(c, k, na)) continue;
        for (int32_t t = k + 1; t < obj; t++)
            if (d->an[t].upos == UPOS_NUM && c->actor_of[t] < 0) return k;
    }
    return -1;
}

/* The target of an act with no target named in its pattern's slot, from
 * the verb's other roles (see above): the dative, an oblique of the side
 * prepositions of the code's root, a side below the object noun, then
 * the same on the infinitive the verb introduces ("offered to hand over
 * to", "threatened to deliver blows to"), two levels down.  not is the
 * source word.  -1 if none. */
static int32_t role_target(const sctx *c, const ev_pat *p, uint32_t v, int32_t not) {
    const dyad_doc *d = c->d;
    const char *const *preps = side_preps(p->code);
    if (!preps) return -1;
    int32_t na = not >= 0 ? actor_at(c, (uint32_t)not) : -1;
    uint32_t x = v;
    for (int step = 0; step < 3; step++) {
        roles r;
        gather(c, x, &r);
        if (r.iobj >= 0 && side_word(c, r.iobj, na)) return r.iobj;
        for (int i = 0; i < r.nobl; i++)
            if (r.obl[i] > (int32_t)x && case_in(c, r.obl[i], preps) && side_word(c, r.obl[i], na)) return r.obl[i];
        KIDS(c, x) {
            int32_t t = k > (int32_t)x ? participle_side(c, k, preps, na) : -1;
            if (t >= 0) return t;
        }
        if (r.obj >= 0 && (d->an[r.obj].upos == UPOS_NOUN || d->an[r.obj].upos == UPOS_NUM)) {
            int32_t t = dative_compound(c, r.obj, na);
            /* the owner of the object, unless the object names the act
             * itself, whose owner does it (below, possessives still name
             * sides: "a hunger strike in protest of the government's
             * refusal") */
            int owner = own_act_noun(c, p, r.obj) ? -1 : 2;
            if (t < 0) t = side_below(c, r.obj, preps, na, 2, owner);
            if (t >= 0) return t;
        }
        for (int i = 0; i < r.nobl; i++) {
            if (r.obl[i] < (int32_t)x || !case_in(c, r.obl[i], preps) || d->an[r.obl[i]].upos != UPOS_NOUN) continue;
            int32_t t = side_below(c, r.obl[i], preps, na, 1, 2);
            if (t >= 0) return t;
        }
        if (r.xcomp < 0 || d->an[r.xcomp].upos != UPOS_VERB || !has_to_mark(c, (uint32_t)r.xcomp)) break;
        x = (uint32_t)r.xcomp;
    }
    return -1;
}

/* The target of a protest (14) with none: the actor of what its purpose
 * clause demands, when that clause hangs on the protest noun or on the
 * object of the protest verb ("staged mass demonstrations to demand
 * political reforms by President Suharto's government", "began a hunger
 * strike to demand ...").  The verb's own clause is implied_target's.
 * Also the demand's "by", "from" or "of" phrase ("demand reforms by the
 * government").  -1 if none. */
static int32_t protest_target(const sctx *c, const ev_pat *p, uint32_t v, int32_t not) {
    const dyad_doc *d = c->d;
    if (strncmp(p->code, "14", 2)) return -1;
    int32_t hs[2] = {(int32_t)v, -1};
    if (!p->noun) {
        KIDS(c, v) {
            if (d->an[k].deprel == DEP_OBJ && hs[1] < 0) hs[1] = k;
        }
    }
    int32_t na = not >= 0 ? actor_at(c, (uint32_t)not) : -1;
    for (int i = 0; i < 2; i++) {
        if (hs[i] < 0 || d->an[hs[i]].upos != UPOS_NOUN) continue;
        KIDS(c, (uint32_t)hs[i]) {
            if (d->an[k].deprel != DEP_ACL || k < hs[i] || !lemma_in(d, (uint32_t)k, DEMAND_VERBS)) continue;
            roles kr;
            gather(c, (uint32_t)k, &kr);
            int32_t w = kr.obj;
            for (int j = 0; j < kr.nobl && w < 0; j++)
                if (has_case(c, (uint32_t)kr.obl[j], "for")) w = kr.obl[j];
            int32_t t = w >= 0 && d->an[w].upos == UPOS_NOUN ? named_below(c, (uint32_t)w, not) : -1;
            for (int j = 0; j < kr.nobl && t < 0; j++) {
                int32_t o = kr.obl[j];
                if ((has_case(c, (uint32_t)o, "by") || has_case(c, (uint32_t)o, "from") || has_case(c, (uint32_t)o, "of")) &&
                    side_word(c, o, na))
                    t = o;
            }
            if (t >= 0) return t;
        }
    }
    return -1;
}

/* The target of a nominal event with none in its pattern's slot: a
 * phrase of the side prepositions of the code's root under the noun n
 * ("an offensive in its war with Iraq", "riots against Israel").  Not its
 * owner: "Iraq's offensive" is the source's, and neither is a demand's
 * "from".  -1 if none. */
static int32_t noun_side_target(const sctx *c, const ev_pat *p, uint32_t n, int32_t not) {
    const dyad_doc *d = c->d;
    const char *const *preps = side_preps(p->code);
    /* "pressure from the United States": a demand's "from" is its
     * speaker (the verb's is what is demanded: "independence from") */
    static const char *const DEMAND_NOUN_PREPS[] = {"with", NULL};
    if (preps == SIDE_PREPS_10) preps = DEMAND_NOUN_PREPS;
    if (!preps || d->an[n].upos != UPOS_NOUN) return -1;
    int32_t na = not >= 0 ? actor_at(c, (uint32_t)not) : -1;
    int32_t t = side_below(c, (int32_t)n, preps, na, 1, 0);
    /* "launched a mediation effort between X and Y": the event noun
     * modifies a noun whose phrases are the event's */
    int32_t h = d->an[n].head;
    if (t < 0 && d->an[n].deprel == DEP_COMPOUND && h > (int32_t)n && h < (int32_t)c->last && d->an[h].upos == UPOS_NOUN)
        t = side_below(c, h, preps, na, 1, 0);
    return t;
}

/* Acts done to a territory, whose place names the side acted on:
 * curfews and emergency rule (1323, 1723, 1724), bans (1322, 1722),
 * blockades (144), riots (145), occupation (192). */
static const char *const TERRITORY_CODES[] = {"1322", "1323", "1722", "1723", "1724", "144", "145", "192", NULL};
static const char *const PLACE_PREPS[] = {"in", "at", "into", "throughout", "across", NULL};

/* Word k names a place other than the actor na: a place's actor, or a
 * capital the actor dictionary reads as its government ("a curfew in
 * Algiers": one word coded as DZAGOV). */
static int place_word(const sctx *c, int32_t k, int32_t na) {
    const dyad_doc *d = c->d;
    int32_t a = actor_at(c, (uint32_t)k);
    if (a < 0 || same_side(d, a, na)) return 0;
    if (d->actors[a].type == ENT_GPE || d->actors[a].type == ENT_LOC) return 1;
    size_t n = strlen(d->actors[a].code);
    return c->actor_of[k] == a && c->mstart[k] == d->toks[k].start && c->mend[k] == d->toks[k].end && n == 6 &&
           !strcmp(d->actors[a].code + 3, "GOV");
}

/* The first place (a GPE actor) under word w in a phrase of PLACE_PREPS
 * or "of", down to depth levels ("in the town of Cizre in southeastern
 * Turkey", "at this jail in northern Israel"); -1 if none. */
static int32_t place_below(const sctx *c, int32_t w, int32_t na, int depth) {
    const dyad_doc *d = c->d;
    KIDS(c, (uint32_t)w) {
        if (d->an[k].deprel != DEP_NMOD || k < w) continue;
        if (!case_in(c, k, PLACE_PREPS) && !has_case(c, (uint32_t)k, "of")) continue;
        if (place_word(c, k, na)) return k;
        if (depth > 0) {
            int32_t t = place_below(c, k, na, depth - 1);
            if (t >= 0) return t;
        }
    }
    return -1;
}

/* The place an act done to a territory (TERRITORY_CODES) is done in:
 * an "in", "at" or "into" phrase of the verb, of its object or of the
 * infinitive it introduces ("threatened to institute a curfew in
 * Algiers", "blocked transport into Abidjan").  -1 if none. */
static int32_t place_target(const sctx *c, const ev_pat *p, uint32_t v, int32_t not) {
    const dyad_doc *d = c->d;
    int territorial = 0;
    for (int i = 0; TERRITORY_CODES[i]; i++)
        if (!strncmp(p->code, TERRITORY_CODES[i], strlen(TERRITORY_CODES[i]))) territorial = 1;
    if (!territorial) return -1;
    int32_t na = not >= 0 ? actor_at(c, (uint32_t)not) : -1;
    uint32_t x = v;
    for (int step = 0; step < 3; step++) {
        roles r;
        gather(c, x, &r);
        for (int i = 0; i < r.nobl; i++) {
            int32_t k = r.obl[i];
            if (k < (int32_t)x || !case_in(c, k, PLACE_PREPS)) continue;
            if (place_word(c, k, na)) return k;
            int32_t t = place_below(c, k, na, 2);
            if (t >= 0) return t;
        }
        if (r.obj >= 0) {
            KIDS(c, (uint32_t)r.obj) {
                if (d->an[k].deprel != DEP_NMOD || k < r.obj || !case_in(c, k, PLACE_PREPS)) continue;
                if (place_word(c, k, na)) return k;
                int32_t t = place_below(c, k, na, 2);
                if (t >= 0) return t;
            }
        }
        if (r.xcomp < 0 || d->an[r.xcomp].upos != UPOS_VERB || !has_to_mark(c, (uint32_t)r.xcomp)) break;
        x = (uint32_t)r.xcomp;
    }
    return -1;
}

/* "sent marching orders", "rallied the troops", "paraded its missiles": a
 * march, rally or parade with an object is no protest (14x). */
static int marched_object(const sctx *c, uint32_t v, int32_t obj) {
    return obj >= 0 && lemma_in(c->d, v, (const char *const[]){"march", "rally", "parade", NULL});
}

/* Words of the money market: "the Bank's total help today", "the Fed
 * entered the market to supply reserves", "given the money market a
 * further 485 mln stg assistance" are central-bank operations. */
static const char *const MONEY_MARKET[] = {"market", "reserve", "liquidity", "shortage", "repurchase", "repo", NULL};

/* Is the cooperation or aid (06x, 07x) at verb v, with no target, a
 * central bank's money-market operation (a money-market word in the
 * sentence)?  Aid to an actor ("gave Poland a loan") has its target. */
static int money_market_help(const sctx *c, const char *code, int32_t tgt) {
    if (tgt >= 0 || code[0] != '0' || (code[1] != '6' && code[1] != '7')) return 0;
    for (uint32_t k = c->first; k < c->last; k++)
        if (lemma_in(c->d, k, MONEY_MARKET)) return 1;
    return 0;
}

/* ---- Guards of the fourth precision round (unseen Reuters and PolNeAR
 * news, seed 20261130; docs/events.md) ---- */

/* Is word w a head in the sentence (not the root's -1)? */
static int head_in(const sctx *c, uint32_t w, int32_t *h) {
    *h = c->d->an[w].head;
    return *h >= (int32_t)c->first && *h < (int32_t)c->last;
}

/* Adjectives and passives whose "it" subject stands for an extraposed
 * clause: "it was too late to", "it was decided to", "it is time to". */
static const char *const EXTRAPOSE_PRED[] = {"late", "early", "important", "necessary", "possible", "impossible",
                                             "difficult", "hard", "easy", "clear", "time",
                                             "unclear", "essential", "vital", "wise", "unwise", "right", "wrong",
                                             NULL};
static const char *const IMPERSONAL_PASS[] = {"decide", "agree", "announce", "expect", "believe", "report",
                                              "understand", "hope", "plan", "propose", "suggest", "feel", "say",
                                              "think", "learn", "estimate", "reveal", "intend", "resolve",
                                              "recommend", NULL};

/* Is word w the expletive "it" of an impersonal clause ("it was decided
 * to uproot the trees", "it was too late to use chemicals to kill the
 * disease"), which stands for no actor?  "The ministry said it was ready
 * to negotiate" keeps its "it": ready is an adjective of the subject's
 * own stance, not of an extraposed clause. */
static int expletive_it(const sctx *c, int32_t w) {
    const dyad_doc *d = c->d;
    int32_t h;
    if (w < 0 || !lemma_is(d, (uint32_t)w, "it")) return 0;
    if (d->an[w].deprel == DEP_EXPL) return 1;
    if ((d->an[w].deprel != DEP_NSUBJ && d->an[w].deprel != DEP_NSUBJ_PASS) || !head_in(c, (uint32_t)w, &h)) return 0;
    int cop = 0, pass = 0, clause = 0, csubj = 0;
    KIDS(c, h) {
        uint8_t r = d->an[k].deprel;
        if (r == DEP_COP) cop = 1;
        if (r == DEP_AUX_PASS) pass = 1;
        if (r == DEP_CSUBJ || r == DEP_CSUBJ_PASS) csubj = 1;
        if (r == DEP_XCOMP || r == DEP_CCOMP) clause = 1;
    }
    if (csubj) return 1;
    if (pass && clause && lemma_in(d, (uint32_t)h, IMPERSONAL_PASS)) return 1;
    return cop && (clause || csubj) && lemma_in(d, (uint32_t)h, EXTRAPOSE_PRED);
}

/* Is a resignation (0831, or its intent 0341) by source actor a that of a
 * private side: a code of private life only or no code at all?  Company
 * directors and chairmen are the bulk of Reuters' resignations ("director
 * Clifford L. Alexander Jr. has resigned from the board"), and CAMEO's
 * 0831 is a change of political leadership. */
static int private_resignation(const dyad_doc *d, const char *code, int32_t src, int32_t tgt) {
    if ((strcmp(code, "0831") && strcmp(code, "0341")) || tgt >= 0 || src < 0) return 0;
    const char *ac = d->actors[src].code;
    return !ac[0] || private_code(ac) || business_code(ac);
}

/* Killing and shooting verbs whose plain code is a fight (19x). */
static const char *const SHOOT_HEADS[] = {"kill", "shoot", "shooting", "shot", "attack", "gun", "slay", "assault",
                                           NULL};

/* An actor code of a fighting force (not police): military, rebels,
 * insurgents, unidentified armed forces, separatists, militarized groups. */
static int fighting_code(const char *code) {
    static const char *const FIGHT[] = {"MIL", "REB", "INS", "UAF", "SEP", "IMG", NULL};
    size_t n = strlen(code);
    for (size_t i = 0; i + 3 <= n; i += 3)
        for (int k = 0; FIGHT[k]; k++)
            if (!memcmp(code + i, FIGHT[k], 3)) return 1;
    return 0;
}

/* Is actor a a state or a place, a side of a war rather than a victim
 * (a bare country code, or a GPE or location)? */
static int state_side(const dyad_doc *d, int32_t a) {
    return d->actors[a].type == ENT_GPE || d->actors[a].type == ENT_LOC || strlen(d->actors[a].code) == 3;
}

/* Is the fight (19x) at verb v a killing or shooting of people off the
 * battlefield, which the news annotation codes as an assault (180: "mass
 * shootings and killings", rule 6 of tests/gold/EVENTS.md)?  The victim
 * is a person, civilians or police (no fighting force, no state), and the
 * author is unnamed or no fighting force or state: "the fatal shooting of
 * a demonstrator", "he was shot", "attacks against police"; with no
 * victim named, the police as author ("killed by a police officer").
 * An "attack" is an assault only with no author named.
 * "Israel killed three militants", "rebels shot two soldiers" stay 19x. */
static int civilian_shooting(const sctx *c, uint32_t v, const char *code, int32_t src, int32_t tgt) {
    const dyad_doc *d = c->d;
    if (strncmp(code, "19", 2) || !strcmp(code, "191") || !strcmp(code, "192")) return 0;
    if (!lemma_in(d, v, SHOOT_HEADS)) return 0;
    if (src >= 0 && (fighting_code(d->actors[src].code) || state_side(d, src))) return 0;
    /* a named author's "attack" is left to the verbal-attack rule and to 190 */
    if (lemma_is(d, v, "attack") && (src >= 0 || tgt < 0)) return 0;
    if (tgt >= 0) return !fighting_code(d->actors[tgt].code) && !state_side(d, tgt);
    return src >= 0 && strstr(d->actors[src].code, "COP") != NULL;
}

/* "He has completed a good deal of work", "a great deal of interest": a
 * quantity, not an agreement. */
static int deal_quantity(const sctx *c, int32_t w) {
    const dyad_doc *d = c->d;
    if (w < 0 || !lemma_is(d, (uint32_t)w, "deal")) return 0;
    KIDS(c, w) {
        if (d->an[k].deprel == DEP_AMOD && lemma_in(d, (uint32_t)k, (const char *const[]){"good", "great", NULL}))
            return 1;
    }
    return 0;
}

/* The object word of verb v that a 057-type pattern may have matched: the
 * verb's object, or v itself for a noun head. */
static int32_t object_of(const sctx *c, uint32_t v) {
    if (c->d->an[v].upos == UPOS_NOUN) return (int32_t)v;
    KIDS(c, v) {
        if (c->d->an[k].deprel == DEP_OBJ) return k;
    }
    return -1;
}

/* Is word w under word top in the tree (or top itself)? */
static int under(const sctx *c, int32_t w, int32_t top) {
    for (int n = 0; w >= (int32_t)c->first && w < (int32_t)c->last && n < 64; n++) {
        if (w == top) return 1;
        w = c->d->an[w].head;
    }
    return 0;
}

/* Does the infinitive x (or anything under it) name an actor, other than
 * a pronoun ("its own books")? */
static int actor_under(const sctx *c, int32_t x) {
    for (uint32_t k = c->first; k < c->last; k++)
        if (c->actor_of[k] >= 0 && c->d->an[k].upos != UPOS_PRON && under(c, (int32_t)k, x)) return 1;
    return 0;
}

/* Is the generic intent 030 at verb v ("agreed to", "pledged to",
 * "promising to"), with no target, a stated policy: its infinitive names
 * no actor at all ("the Bank has agreed to publish information about the
 * auction", "pledged to push for a constitutional amendment", "promising
 * to help mining communities transition")?  Rule 6 of
 * tests/gold/EVENTS.md leaves policy proposals uncoded; an intent toward
 * someone names them ("agreed to change Taiwan's name"). */
static int policy_intent(const sctx *c, uint32_t v, const char *code, int32_t src, int32_t tgt) {
    const dyad_doc *d = c->d;
    if (strcmp(code, "030") || tgt >= 0 || src < 0 || state_side(d, src) || d->an[v].upos != UPOS_VERB) return 0;
    KIDS(c, v) {
        if (d->an[k].deprel == DEP_XCOMP || d->an[k].deprel == DEP_ADVCL || d->an[k].deprel == DEP_CCOMP) {
            if (d->an[k].upos != UPOS_VERB) continue;
            /* an act the patterns know ("agreed to cooperate closely") is
             * cooperation, whatever it names */
            const char *xl = lemma_of(d, (uint32_t)k);
            if (lookup_head(c->x, xl, strlen(xl)) >= 0) return 0;
            return !actor_under(c, k);
        }
    }
    return 0;
}

/* Media appearances agreed to: "agreed to a 30-minute interview",
 * "agreed to three debates" are reporting and campaigning (rules 3 and 6
 * of tests/gold/EVENTS.md), not an intent to cooperate. */
static const char *const APPEARANCES[] = {"interview", "debate", "forum", "appearance", "podcast", "profile",
                                          "photo", "press", NULL};

static int agreed_appearance(const sctx *c, uint32_t v, const char *code) {
    const dyad_doc *d = c->d;
    if (strncmp(code, "03", 2) || !lemma_in(d, v, (const char *const[]){"agree", "accept", NULL})) return 0;
    KIDS(c, v) {
        uint8_t r = d->an[k].deprel;
        if ((r == DEP_OBJ || r == DEP_OBL) && lemma_in(d, (uint32_t)k, APPEARANCES)) return 1;
    }
    return 0;
}

/* Is the threat 130 at "warn", with no target, a forecast: its
 * that-clause says something of a thing that is no actor, or is a copula
 * ("warned that the museum would not be a panacea", "warned that the
 * economy would suffer")?  "warned that it would retaliate" keeps its
 * pronoun subject, the speaker's own threat. */
static int warned_forecast(const sctx *c, uint32_t v, const char *code, int32_t tgt) {
    const dyad_doc *d = c->d;
    if (tgt >= 0 || strncmp(code, "13", 2) || !lemma_is(d, v, "warn")) return 0;
    KIDS(c, v) {
        if (d->an[k].deprel != DEP_CCOMP) continue;
        for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first]) {
            uint8_t r = d->an[g].deprel;
            if (r == DEP_COP) return 1;
            if ((r == DEP_NSUBJ || r == DEP_NSUBJ_PASS) && d->an[g].upos == UPOS_NOUN && c->actor_of[g] < 0 &&
                actor_at(c, (uint32_t)g) < 0)
                return 1;
        }
    }
    return 0;
}

/* A handover (063) of a territory: "the handover of Macao to Peking" is
 * no extradition. */
static int territory_handover(const dyad_doc *d, const char *code, int32_t tgt) {
    return !strcmp(code, "063") && tgt >= 0 && (d->actors[tgt].type == ENT_GPE || d->actors[tgt].type == ENT_LOC);
}

/* ---- fifth precision round (GeoWebNews and LGL world and local news,
 * seed 20261202; docs/events.md) ---- */

/* Is the visit (042, 043) or the intent to visit (036) a private trip: a
 * source that is a private person (no code, or roles of private life that
 * are no business) going to a place or to no one ("Dunkerson traveled to
 * Guatemala", "Russians travelling to the United Kingdom", "He intends to
 * travel to Hawaii", "started planning a fishing trip")?  CAMEO's visits
 * are between political actors; a tourist's or a migrant's journey is
 * none.  A firm's delegation ("CHNBUS visited Taiwan") is left to the
 * business rules. */
static int private_travel(const dyad_doc *d, const char *code, int32_t src, int32_t tgt) {
    if (strcmp(code, "042") && strcmp(code, "043") && strcmp(code, "036")) return 0;
    if (src < 0) return 0;
    const dactor *s = &d->actors[src];
    if (s->code[0] && (!private_code(s->code) || business_code(s->code))) return 0;
    if (!s->code[0] && s->type != ENT_PERSON && s->type != ENT_NORP && s->nroles) return 0;
    if (tgt < 0) return 1;
    const dactor *t = &d->actors[tgt];
    return t->type == ENT_GPE || t->type == ENT_LOC || t->type == ENT_FAC || strlen(t->code) == 3;
}

/* Nouns of one person who attacks, whatever code the actor stage gives
 * them (a "gunman" is coded as an unidentified armed force). */
static const char *const LONE_ATTACKERS[] = {"gunman", "shooter", "assailant", "attacker", "killer", "robber",
                                             "intruder", "suspect", "man", "woman", "teen", "teenager", NULL};

/* Is the fight (19x) at verb v the act of a lone attacker, word sw, on
 * people or on no one named: "a gunman accused of killing eight people",
 * "a gunman entered his church and killed seven people"?  Rule 6 of
 * tests/gold/EVENTS.md codes mass shootings and killings as assaults
 * (180); civilian_shooting takes a code with UAF for a fighting force. */
static int lone_shooting(const sctx *c, uint32_t v, const char *code, int32_t sw, int32_t tgt) {
    const dyad_doc *d = c->d;
    if (strncmp(code, "19", 2) || !strcmp(code, "191") || !strcmp(code, "192")) return 0;
    if (sw < 0 || !lemma_in(d, (uint32_t)sw, LONE_ATTACKERS) || !lemma_in(d, v, SHOOT_HEADS)) return 0;
    return tgt < 0 || (!fighting_code(d->actors[tgt].code) && !state_side(d, tgt));
}

/* A riot (145) or an occupation (192) by a lone attacker is a crime's
 * course, not a riot or a taking of territory: "the gunman stormed into
 * her room", "a gunman entered his church". */
static int lone_riot(const sctx *c, const char *code, int32_t sw) {
    if (strcmp(code, "145") && strcmp(code, "192")) return 0;
    return sw >= 0 && lemma_in(c->d, (uint32_t)sw, LONE_ATTACKERS);
}

/* Vehicles, whose hitting or striking someone is a road accident. */
static const char *const VEHICLES[] = {"car", "vehicle", "truck", "van", "bus", "train", "suv", "pickup", "motorcycle",
                                       "taxi", "lorry", "tractor", "trailer", "jeep", "sedan", "driver", "motorist",
                                       NULL};

/* Is the assault or fight (18x, 19x) at verb v a road accident: "Two
 * women were hit by a car", "they were struck by an eastbound car", "a
 * truck hit a cyclist"?  The hitter is a vehicle or its driver. */
static int vehicle_crash(const sctx *c, uint32_t v, const char *code) {
    const dyad_doc *d = c->d;
    if (code[0] != '1' || (code[1] != '8' && code[1] != '9')) return 0;
    if (!lemma_in(d, v, (const char *const[]){"hit", "strike", "struck", "run", NULL})) return 0;
    KIDS(c, v) {
        uint8_t r = d->an[k].deprel;
        if ((r == DEP_NSUBJ || r == DEP_OBL_AGENT || (r == DEP_OBL && has_case(c, (uint32_t)k, "by"))) &&
            lemma_in(d, (uint32_t)k, VEHICLES))
            return 1;
    }
    return 0;
}

/* Is verb v (or the verb its word hangs on) a plea in court: "pleaded
 * guilty to attempted petit larceny", "pleaded not guilty", "pleaded no
 * contest"?  A defendant's plea is neither an appeal (02x) nor a
 * finding of guilt (116). */
static int court_plea(const sctx *c, uint32_t v) {
    const dyad_doc *d = c->d;
    for (int n = 0; n < 2; n++) {
        if (lemma_in(d, v, (const char *const[]){"plead", "pleade", "pled", NULL})) { /* "pleaded" -> "pleade" */
            KIDS(c, v) {
                if (lemma_in(d, (uint32_t)k, (const char *const[]){"guilty", "innocent", "contest", NULL})) return 1;
            }
            if (v + 1 < c->last && lemma_in(d, v + 1, (const char *const[]){"guilty", "innocent", "not", "no", NULL}))
                return 1;
        }
        int32_t h = d->an[v].head;
        if (h < (int32_t)c->first || h >= (int32_t)c->last) break;
        v = (uint32_t)h;
    }
    return 0;
}

/* Is the arrest (173x) aimed at a place named as an address or a
 * dateline: "Terry Lee Jolly, 60, Lebanon, was arrested" (a place after a
 * comma), "BOSTON (Reuters) - The owner ... was arrested" (the first word
 * of the sentence, before a parenthesis or a dash)?  The place is no one
 * arrested: the event keeps no target.  "Peru's arrest of Bolivia" stays. */
static int arrested_place(const sctx *c, const char *code, int32_t tgt, int32_t tw) {
    const dyad_doc *d = c->d;
    if (strncmp(code, "173", 3) || tgt < 0 || tw < 0) return 0;
    if (d->actors[tgt].type != ENT_GPE && d->actors[tgt].type != ENT_LOC) return 0;
    uint32_t w = (uint32_t)tw;
    if (w > c->first && d->toks[w - 1].end > d->toks[w - 1].start && d->text[d->toks[w - 1].start] == ',') return 1;
    if (w == c->first && w + 1 < c->last && d->toks[w + 1].end > d->toks[w + 1].start) {
        char ch = d->text[d->toks[w + 1].start];
        return ch == '(' || ch == '-' || ch == ',';
    }
    return 0;
}

/* Set phrases whose head is an event noun in another sense: a "press
 * release" (084x) is a paper, "child support" or "life support" (05x) a
 * payment or a machine. */
static const char *const PAPER_RELEASES[] = {"press", "news", NULL};
static const char *const SUPPORT_PAYMENTS[] = {"child", "income", "life", "customer", "technical", "tech", NULL};

static int set_phrase_noun(const sctx *c, uint32_t v, const char *code) {
    const dyad_doc *d = c->d;
    if (d->an[v].upos != UPOS_NOUN) return 0;
    const char *const *mods = NULL;
    if (!strncmp(code, "084", 3) && lemma_is(d, v, "release")) mods = PAPER_RELEASES;
    else if (!strncmp(code, "05", 2) && lemma_is(d, v, "support")) mods = SUPPORT_PAYMENTS;
    if (!mods) return 0;
    KIDS(c, v) {
        if ((d->an[k].deprel == DEP_COMPOUND || d->an[k].deprel == DEP_AMOD) && lemma_in(d, (uint32_t)k, mods)) return 1;
    }
    return v > c->first && lemma_in(d, v - 1, mods);
}

static int emit_at(const sctx *c, const ev_pat *p, uint32_t v, uint32_t mv, int32_t sw, int32_t tw, unsigned how) {
    dyad_doc *d = c->d;
    size_t before = d->nevent;
    int32_t srcs[4], tgts[4];
    int has_tgt = p->has_tgt && !(how & EMIT_NO_TGT), has_src = p->has_src && !(how & EMIT_NO_SRC);
    int ns, nt;
    if (how & EMIT_SINGLE) {
        ns = sw >= 0, nt = tw >= 0;
        srcs[0] = sw, tgts[0] = tw;
    } else {
        ns = has_src ? conjuncts(c, sw, srcs) : 0;
        nt = has_tgt ? conjuncts(c, tw, tgts) : 0;
    }
    if (has_src && !ns) return 0;
    if (has_tgt && !nt) return 0;
    /* a statement is no event, with or without a target ("Gowdy made
     * statements", "referred to Keller as", "told Reuters"): CAMEO 010 is
     * the catch-all of reporting verbs, which the news annotation never
     * codes (tests/gold/EVENTS.md) and PLOVER has no category for.  The
     * TABARI and PETRARCH dictionaries code through verbs.c, not here */
    if (!strcmp(p->code, "010")) return 0;
    /* a veto with no actor vetoed ("promised a veto", "Obama's veto",
     * "vetoed the bill") is a step in lawmaking (rule 6 of EVENTS.md),
     * not a rejection of anyone */
    if (!strcmp(p->code, "129") && (!has_tgt || tw < 0)) return 0;
    if (!has_src) ns = 1, srcs[0] = -1;
    if (!has_tgt) nt = 1, tgts[0] = -1;
    if (!has_tgt && !p->noun) {
        tgts[0] = implied_target(c, p, v, srcs[0]);
        if (tgts[0] < 0) tgts[0] = role_target(c, p, v, srcs[0]);
        if (tgts[0] < 0) tgts[0] = place_target(c, p, v, srcs[0]);
    }
    if (!has_tgt && p->noun) tgts[0] = noun_side_target(c, p, v, srcs[0]);
    if (!has_tgt && tgts[0] < 0) tgts[0] = protest_target(c, p, v, srcs[0]);
    uint8_t mode;
    int32_t claim;
    int commit;
    mode_and_claim(c, mv, &mode, &claim, &commit);
    /* "withheld support from McCain": the support, negated */
    if (is_withhold(d, v) && p->code[0] == '0' && p->code[1] >= '3' && p->code[1] <= '5') {
        mode = MODE_NEGATED;
        commit = 0;
    }
    uint8_t plain_mode = mode; /* before an intention or a refusal recodes it */
    const char *code = p->code;
    /* "failed to reach agreement": CAMEO codes talks that end without the
     * agreement as its rejection (127), not as an agreement negated; other
     * failures ("failed to meet") stay the event, negated */
    const char *ic = commit == 1   ? intent_code(code)
                   : commit == 2   ? reject_code(code)
                   : commit == 3   ? "139"
                   : commit == 4 && !strcmp(code, "057") ? reject_code(code)
                                   : NULL;
    if (ic) { /* "Portugal will support Turkey": an expressed intention, asserted;
               * "Syria will not accept refugees": a refusal, asserted */
        code = ic;
        mode = MODE_ASSERTED;
    }
    int quad = 0;
    double g = 0;
    ev_lex_code_info(c->x, code, &quad, &g);
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            devent e;
            memset(&e, 0, sizeof e);
            e.source = srcs[i] >= 0 ? actor_at(c, (uint32_t)srcs[i]) : -1;
            e.target = tgts[j] >= 0 ? actor_at(c, (uint32_t)tgts[j]) : -1;
            if (has_src && e.source < 0) continue;
            if (has_tgt && e.target < 0) continue;
            if (e.source >= 0 && e.source == e.target) continue; /* a self-event */
            if (!side_ok(d, e.source) || !side_ok(d, e.target)) continue;
            if (business_deal(d, code, e.source, e.target)) continue;
            if (private_event(d, code, e.source, e.target)) continue;
            /* the fourth precision round's guards (docs/events.md) */
            if (private_resignation(d, code, e.source, e.target) || expletive_it(c, srcs[i]) ||
                policy_intent(c, v, code, e.source, e.target) || agreed_appearance(c, v, code) ||
                warned_forecast(c, v, code, e.target) || territory_handover(d, code, e.target) ||
                deal_quantity(c, object_of(c, v)) || money_market_help(c, code, e.target))
                continue;
            /* the fifth precision round's guards (docs/events.md) */
            if (private_travel(d, code, e.source, e.target) || lone_riot(c, code, srcs[i]) ||
                vehicle_crash(c, v, code) || court_plea(c, v) || set_phrase_noun(c, v, code))
                continue;
            int32_t tword = tgts[j];
            if (arrested_place(c, code, e.target, tword)) e.target = -1, tword = -1;
            /* "placing loans to Brazil on a non-accrual basis", "pay back
             * bank loans": a loan or credit named as a noun with no lender
             * is a bank's asset or a borrower's debt, not aid given by a
             * political actor ("Japan's loan to Indonesia" has its source) */
            if (((code[0] == '0' && (code[1] == '6' || code[1] == '7')) || !strncmp(code, "033", 3)) && e.source < 0 &&
                d->an[v].upos == UPOS_NOUN &&
                lemma_in(d, v, (const char *const[]){"loan", "credit", "financing", "lending", "debt", "bond", NULL}) &&
                !political_lender(c, v))
                continue;
            if ((!strncmp(code, "05", 2) || !strcmp(code, "019")) && poll_support(c, v, srcs[i])) continue;
            if (describing_participle(c, v, code)) continue;
            /* "decline to appeal to the Supreme Court", "petitioned the
             * district court": a filing in a lawsuit, not an appeal to an
             * actor */
            if (!strncmp(code, "02", 2) && e.target >= 0 && (strstr(d->actors[e.target].code, "JUD") || is_court(c, tgts[j])) &&
                lemma_in(d, v, (const char *const[]){"appeal", "petition", NULL}))
                continue;
            /* "went after", the press's word for a verbal attack between
             * politicians, is a hunt when police or troops go after
             * someone: not criticism */
            if (!strcmp(code, "111") && lemma_is(d, v, "go") && e.source >= 0 &&
                (armed_code(d->actors[e.source].code) ||
                 lemma_in(d, (uint32_t)srcs[i], (const char *const[]){"police", "officer", "troop", "soldier", "force",
                                                                       "agent", "army", "military", "deputy", NULL})))
                continue;
            /* "gave $60m to his campaign", "pledged $1 billion for
             * infrastructure": aid (07x, and the intent 033x) goes to an
             * actor, and money for a campaign or a PAC is campaign
             * spending (rule 10 of tests/gold/EVENTS.md) */
            if ((!strncmp(code, "07", 2) || !strncmp(code, "033", 3)) &&
                (e.target < 0 ? money_object(c, v) : lemma_in(d, (uint32_t)tgts[j], CAMPAIGN_FUNDS)))
                continue;
            if ((!strncmp(p->code, "18", 2) || !strncmp(p->code, "19", 2)) && !p->prt &&
                election_beat(c, v, e.source, e.target))
                continue;
            /* "Trump has attacked loopholes", "attacked the plan": a
             * politician's attack on a thing is words about a policy,
             * which is criticism (111) only against an actor: no event */
            if ((p->code[0] == '2' || (p->code[0] == '1' && p->code[1] >= '8')) && e.target < 0 && e.source >= 0 &&
                lemma_in(d, v, VERBAL_HEADS) && candidate_side(d, e.source) && thing_object(c, v) &&
                !violence_near(c, v))
                continue;
            const char *ecode = code;
            uint8_t emode = mode;
            int equad = quad;
            double eg = g;
            /* "Ted Cruz attacked Donald Trump": words, not force (111, with
             * the plain mode: CAMEO has no intent code for criticism) */
            if (!strncmp(p->code, "19", 2) && verbal_attack(c, p, v, e.source, e.target)) {
                ecode = "111";
                emode = plain_mode;
                ev_lex_code_info(c->x, ecode, &equad, &eg);
            } else if (!strncmp(p->code, "19", 2) && contest(c, v, e.source, e.target)) {
                /* "Congress battled Reagan": a clash of words between
                 * two sides (111, as "clashed with"); with one side
                 * ("Baker has won a battle", "the trade war") no event */
                if (e.source < 0 || e.target < 0) continue;
                ecode = "111";
                emode = plain_mode;
                ev_lex_code_info(c->x, ecode, &equad, &eg);
            }
            /* "the fatal shooting of a demonstrator": an assault (180) */
            if (civilian_shooting(c, v, ecode, e.source, e.target) || lone_shooting(c, v, ecode, srcs[i], e.target)) {
                ecode = "180";
                ev_lex_code_info(c->x, ecode, &equad, &eg);
            }
            /* "Fijian peacekeepers arrived in Lebanon": the arrival of
             * peacekeeping troops is the sender's provision of
             * peacekeeping (074), not a visit */
            if (!strcmp(ecode, "042") && srcs[i] >= 0 && lemma_in(d, v, (const char *const[]){"arrive", "land", NULL}) &&
                peacekeepers(c, srcs[i], 1)) {
                ecode = "074";
                ev_lex_code_info(c->x, ecode, &equad, &eg);
            }
            /* "the army withdrew from the town", "their forces completed
             * their withdrawal": a withdrawal of armed forces is CAMEO's
             * military retreat (0874), not a cut in relations (160) */
            if (!strcmp(ecode, "160") && e.source >= 0 && armed_withdrawal(c, v, srcs[i], e.source)) {
                ecode = "0874";
                ev_lex_code_info(c->x, ecode, &equad, &eg);
            }
            /* one actor code on both sides ("USAGOV criticized USAGOV") is
             * mostly two descriptions of one body: dropped.  Not when a side
             * is a person, a distinct actor: "Carly Fiorina criticized Donald
             * Trump" is USAPTY against USAPTY, the bulk of election news */
            if (e.source >= 0 && e.target >= 0 && d->actors[e.source].code[0] &&
                !strcmp(d->actors[e.source].code, d->actors[e.target].code) &&
                d->actors[e.source].type != ENT_PERSON && d->actors[e.target].type != ENT_PERSON)
                continue;
            e.sentence = c->sidx;
            snprintf(e.code, sizeof e.code, "%s", ecode);
            e.quad = (uint8_t)equad;
            e.goldstein = (float)eg;
            ev_lex_plover_of(c->x, ecode, &e.plover, &e.plover_mode, &e.plover_context);
            e.mode = emode;
            e.attributed_to = claim;
            if (e.attributed_to == e.source && !p->noun) e.attributed_to = claim; /* a speaker on their own deed */
            e.date = date_of(c, v);
            e.place = place_of(c, v);
            e.start = d->toks[v].start;
            e.end = d->toks[v].end;
            if (srcs[i] >= 0) span_of_word(c, srcs[i], &e.src_start, &e.src_end);
            if (tword >= 0) span_of_word(c, tword, &e.tgt_start, &e.tgt_end);
            if (e.src_end && e.src_start < e.start) e.start = e.src_start;
            if (e.tgt_end && e.tgt_start < e.start) e.start = e.tgt_start;
            if (e.src_end > e.end) e.end = e.src_end;
            if (e.tgt_end > e.end) e.end = e.tgt_end;
            /* one event per (source, target, word): the first, most specific pattern wins */
            int dup = 0;
            for (size_t k = d->nevent; k-- > 0 && k + 16 > d->nevent && d->events[k].sentence == c->sidx;)
                if (d->events[k].source == e.source && d->events[k].target == e.target &&
                    (d->events[k].start <= d->toks[v].start && d->toks[v].end <= d->events[k].end))
                    dup = 1;
            if (dup) continue;
            if (doc_push_event(d, &e)) return -1;
        }
    return (int)(d->nevent - before);
}

/* Subjects that are the means of violence, not its author: "a roadside
 * bomb killed two soldiers".  Other subjects that are no actors are more
 * often figures of speech ("tariffs hit Japan"). */
static const char *const WEAPONS[] = {"bomb", "bombing", "explosion", "blast", "attack", "missile", "rocket", "shell",
                                      "shelling", "mine", "landmine", "airstrike", "strike", "raid", "gunfire", "fire",
                                      "grenade", "mortar", "artillery", "device", "ied", "drone", "bullet", "shot",
                                      "sniper", "gunman", "gunmen", "assailant", "attacker", "suicide", "car",
                                      "ambush", "offensive", "bombardment", NULL};

/* Verbs that make a political event only with an actor as their object
 * (see code_verb's target-less fallback). */
/* Object words of consultation and support patterns that make an event
 * only with someone named: "raise money for", "give blessing to", "kind
 * word for", "spoke favorably of", "had conversations with" ("convened
 * senior staff for a strategy meeting" is no consultation). */
static const char *const NEED_ACTOR_OBJ[] = {"money", "blessing", "nod", "word", "favorably", "well", "highly",
                                             "meeting", "conversation", "dinner", "lunch", "breakfast", NULL};

static const char *const NEED_ACTOR[] = {"host", "receive", "welcome", "visit", "help", "capture", "join", "return",
                                         "enter", "hold", "give", "provide", "offer", "send", "support", "back",
                                         "target", "hit", "strike", "open", "win", "take", "lead", "leave", "exit",
                                         "surround", "recognize", "recognise", "accept", "allow", "fight", "battle",
                                         "seize", "occupy", "destroy", "bring", "carry", "deliver", "meet", "see",
                                         "call", "ask", "tell", "thank", "endorse", "praise", "defend", "push",
                                         "pressure", "press", "follow", "challenge", "finance", "fund", "hire",
                                         "rip", "hammer", "bash", "trash", "knock", "needle", "shame", "force",
                                         "savage", "go", "salute", "promote", "tout", "release", "question", "execute",
                                         "round", "struggle", "eliminate", "route", "slap", "honor", "honour", "hail", "pan",
                                         "tour", "invest", "expel", "strip", "train", "feed", "assist", "storm", NULL};

/* Verbs whose political sense is being with someone: the actor is their
 * object, not an actor a thing object comes from ("received offers from
 * the heads of two companies" is no visit hosted). */
static const char *const PRESENCE_VERBS[] = {"receive", "host", "visit", "meet", "see", "entertain", "greet", NULL};

/* Can joint subjects with no target act on each other under pattern p?
 * Only in an act two sides do together: agreeing (on a thing too:
 * "Peru and Chile agreed on a plan"), meeting, cooperating, cutting ties,
 * easing, fighting ("Israel and Lebanon renewed negotiations").
 * "Thatcher and Shultz have expressed such opposition", "X and Y
 * criticized the plan" or "X and Y appealed for calm" are acts of both
 * sides on a third, not on each other. */
static int reciprocal(const ev_pat *p) {
    const char *k = p->code;
    if (!strcmp(k, "019") || !strncmp(k, "050", 3) || !strncmp(k, "057", 3)) return 1;
    static const char *const ROOTS[] = {"03", "04", "06", "08", "16", "19", NULL};
    for (int i = 0; ROOTS[i]; i++)
        if (!strncmp(k, ROOTS[i], 2)) return 1;
    return 0;
}

/* Word w has coordinated words ("X and Y"). */
static int has_conj(const sctx *c, uint32_t w) {
    KIDS(c, w) {
        if (c->d->an[k].deprel == DEP_CONJ) return 1;
    }
    return 0;
}

/* "25,000 tons of food aid", "a series of attacks", "a package of
 * sanctions": the noun a quantity or a collection is "of". */
static int32_t of_head(const sctx *c, uint32_t w, const char *lemma) {
    const dyad_doc *d = c->d;
    KIDS(c, w) {
        if (d->an[k].deprel == DEP_NMOD && has_case(c, (uint32_t)k, "of") && lemma_is(d, (uint32_t)k, lemma)) return k;
    }
    return -1;
}

/* The actors a subject word joins together, when it names two or more:
 * "Israel and Lebanon", "Hungarian and Romanian officials", "foreign
 * ministers from Kenya, Uganda and Tanzania".  Up to 4 words into out;
 * fewer than 2 means no joint subject. */
static int joint_members(const sctx *c, int32_t w, int32_t *out) {
    if (w < 0) return 0;
    int n = conjuncts(c, w, out);
    if (n >= 2) return n;
    const dyad_doc *d = c->d;
    KIDS(c, (uint32_t)w) {
        uint8_t r = d->an[k].deprel;
        int mod = r == DEP_AMOD || r == DEP_COMPOUND ||
                  (r == DEP_NMOD && (has_case(c, (uint32_t)k, "from") || has_case(c, (uint32_t)k, "of")));
        if (!mod || !has_conj(c, (uint32_t)k)) continue;
        n = conjuncts(c, k, out);
        int actors = 0;
        for (int i = 0; i < n; i++) actors += actor_at(c, (uint32_t)out[i]) >= 0;
        if (actors == n) return n;
    }
    return 0;
}

/* Prepositions whose object is the target when a verb's object is a thing
 * aimed at an actor: "threatened action against Russia", "boycott contact
 * with the United States", "rejected calls by Kofi Annan". */
static const char *const AIM_PREPS[] = {"against", "with", "on", "to", "of", "by", "from", "over", "for", "toward",
                                        "towards", "into", NULL};

/* The target of a pattern whose TGT is the direct object: the object when
 * it is an actor; else an actor its preposition phrases name; else, with
 * no object at all, the subject of a that-clause ("demanded that the
 * government end curbs", "warned that police will ..."). */
static int32_t object_actor(const sctx *c, const roles *r, int32_t tw) {
    const dyad_doc *d = c->d;
    if (tw >= 0 && actor_at(c, (uint32_t)tw) >= 0) return tw;
    if (tw >= 0 && (d->an[tw].upos == UPOS_NOUN || d->an[tw].upos == UPOS_NUM)) {
        /* the object's owner: "praised Haiti's efforts", "condemned
         * Russia's decision" (a possessive only: "Iranian oil" is no aim) */
        KIDS(c, (uint32_t)tw) {
            if (k < tw && d->an[k].deprel == DEP_NMOD_POSS && actor_at(c, (uint32_t)k) >= 0) return k;
        }
        KIDS(c, (uint32_t)tw) {
            if (d->an[k].deprel != DEP_NMOD && d->an[k].deprel != DEP_ACL) continue;
            int aimed = 0;
            for (int32_t g = c->child[k - c->first]; g >= 0 && !aimed; g = c->sib[g - c->first])
                if (d->an[g].deprel == DEP_CASE && lemma_in(d, (uint32_t)g, AIM_PREPS)) aimed = 1;
            if (aimed && actor_at(c, (uint32_t)k) >= 0) return k;
        }
        return tw;
    }
    if (tw < 0 && r->obj < 0) {
        for (int i = 0; i < r->nccomp; i++) {
            KIDS(c, (uint32_t)r->ccomp[i]) {
                if ((d->an[k].deprel == DEP_NSUBJ || d->an[k].deprel == DEP_NSUBJ_PASS) && actor_at(c, (uint32_t)k) >= 0)
                    return k;
            }
        }
    }
    return tw;
}

static int mod_word_is(const dyad_doc *d, uint32_t k, const char *lemma) {
    if (lemma_is(d, k, lemma)) return 1;
    /* the lemmatizer's slips on a modifier ("hunger" tagged a comparative,
     * lemma "hung"): its surface form counts as well */
    return eq_lc(d->text + d->toks[k].start, d->toks[k].end - d->toks[k].start, lemma);
}

/* Word w is modified by a word of this lemma (or surface form): one of its
 * dependents, or one of the three words before it (the parser may hang
 * "cease" of "cease fire" or "free" of "free-trade pact" elsewhere). */
static int has_mod(const sctx *c, int32_t w, const char *lemma) {
    const dyad_doc *d = c->d;
    KIDS(c, (uint32_t)w) {
        if (mod_word_is(d, (uint32_t)k, lemma)) return 1;
    }
    for (int32_t k = w - 1; k >= (int32_t)c->first && k >= w - 3; k--)
        if (mod_word_is(d, (uint32_t)k, lemma)) return 1;
    return 0;
}

/* Word k is introduced by prep: a case marker ("for reform"), a clause
 * marker ("of spying", "to meet"), or an infinitive complement for "to";
 * prep "" asks for an object. */
static int pn_fits(const sctx *c, int32_t w, const char *prep) {
    const dyad_doc *d = c->d;
    uint8_t rel = d->an[w].deprel;
    if (!*prep) return rel == DEP_OBJ || rel == DEP_COMPOUND_PRT; /* "to step down" */
    if (rel == DEP_OBJ || rel == DEP_NSUBJ || rel == DEP_NSUBJ_PASS) return 0;
    if (has_case(c, (uint32_t)w, prep)) return 1;
    KIDS(c, (uint32_t)w) {
        if (d->an[k].deprel == DEP_MARK && lemma_is(d, (uint32_t)k, prep)) return 1;
    }
    return !strcmp(prep, "to") && rel == DEP_XCOMP && (d->an[w].feats & FEAT_VERBFORM_INF);
}

/* Word w is a passive infinitive ("declined to be named"): not the act of
 * a pattern's "to" verb ("SRC decline to name"), whose subject acts. */
static int passive_inf(const sctx *c, int32_t w) {
    if (c->d->an[w].upos != UPOS_VERB) return 0;
    KIDS(c, (uint32_t)w) {
        if (c->d->an[k].deprel == DEP_AUX_PASS) return 1;
    }
    return 0;
}

/* The words of p's prepositional words (pn) among the dependents of the
 * head h, of its object objw and of the earlier prepositional words; 0
 * when one is missing. */
static int find_pn(const sctx *c, const ev_pat *p, uint32_t h, int32_t objw, int32_t *pnw) {
    const dyad_doc *d = c->d;
    for (int j = 0; j < p->npn; j++) {
        pnw[j] = -1;
        for (int b = -2; b < j && pnw[j] < 0; b++) {
            int32_t base = b == -2 ? (int32_t)h : b == -1 ? objw : pnw[b];
            if (base < 0) continue;
            KIDS(c, (uint32_t)base) {
                if (lemma_is(d, (uint32_t)k, p->pn[j].word) && pn_fits(c, k, p->pn[j].prep) &&
                    !(!strcmp(p->pn[j].prep, "to") && passive_inf(c, k)) &&
                    (!p->pn[j].mod[0] || has_mod(c, k, p->pn[j].mod[0])) &&
                    (!p->pn[j].mod[1] || has_mod(c, k, p->pn[j].mod[1]))) {
                    pnw[j] = k;
                    break;
                }
            }
        }
        if (pnw[j] < 0) return 0;
    }
    return 1;
}

/* The target word of a pattern whose TGT follows a prepositional word:
 * its object ("threaten to attack TGT") or the phrase of tgt_prep on it
 * ("call for the release of TGT"); -1 when absent. */
static int32_t pn_target(const sctx *c, const ev_pat *p, const int32_t *pnw) {
    int32_t base = pnw[p->tgt_pn];
    KIDS(c, (uint32_t)base) {
        uint8_t rel = c->d->an[k].deprel;
        if (!p->tgt_prep ? rel == DEP_OBJ
                         : (rel == DEP_NMOD || rel == DEP_OBL || rel == DEP_ACL) && has_case(c, (uint32_t)k, p->tgt_prep))
            return k;
    }
    /* "of TGT" written as a possessive: "campaigned on his wife's behalf",
     * "called for Navalny's release" */
    if (p->tgt_prep && !strcmp(p->tgt_prep, "of"))
        KIDS(c, (uint32_t)base) {
            if (c->d->an[k].deprel == DEP_NMOD_POSS && k < base) return k;
        }
    return -1;
}

/* "Switzerland said it had expelled two diplomats": a personal pronoun
 * subject of a clause reported by an actor stands for that actor (the
 * usual reading in news copy).  Returns the reporter's subject word, or w. */
static int32_t pronoun_antecedent(const sctx *c, uint32_t v, int32_t w) {
    const dyad_doc *d = c->d;
    if (!lemma_in(d, (uint32_t)w, (const char *const[]){"it", "they", "he", "she", "we", NULL})) return w;
    int32_t x = (int32_t)v;
    for (int step = 0; step < 3; step++) {
        uint8_t rel = d->an[x].deprel;
        int32_t h = d->an[x].head;
        if (h < (int32_t)c->first || h >= (int32_t)c->last) return w;
        if ((rel == DEP_CCOMP || rel == DEP_PARATAXIS) && lemma_in(d, (uint32_t)h, REPORT)) {
            roles r;
            gather(c, (uint32_t)h, &r);
            if (r.subj >= 0 && r.subj < w && actor_at(c, (uint32_t)r.subj) >= 0) return r.subj;
            return w;
        }
        if (rel != DEP_CONJ && rel != DEP_XCOMP) return w;
        x = h;
    }
    return w;
}

typedef struct cand {
    const ev_pat *p;
    int32_t sw, tw, objw;
    int32_t pnw[3]; /* the words of p->pn */
} cand;

/* More specific first: more words, more slots, then a longer (finer) code. */
static int cand_better(const ev_pat *a, const ev_pat *b) {
    if (a->nwords != b->nwords) return a->nwords > b->nwords;
    /* "SRC attack TGT" before "SRC attack" when both fit */
    if (a->has_src + a->has_tgt != b->has_src + b->has_tgt) return a->has_src + a->has_tgt > b->has_src + b->has_tgt;
    return strlen(a->code) > strlen(b->code);
}

/* Verbs of violence that always take their victim as object: without
 * one and without an auxiliary, "49 people killed" is a reduced passive. */
static const char *const NEED_OBJECT[] = {"kill", "wound", "injure", "murder", "slay", "massacre", "behead",
                                          "abduct", "kidnap", "arrest", "detain", "jail", "indict", "convict", NULL};

static int has_aux(const sctx *c, uint32_t v) {
    KIDS(c, v) {
        if (c->d->an[k].deprel == DEP_AUX || c->d->an[k].deprel == DEP_AUX_PASS) return 1;
    }
    return 0;
}

/* Verb v has an infinitive complement ("worked to export"). */
static int has_to_xcomp(const sctx *c, uint32_t v) {
    KIDS(c, v) {
        uint8_t rel = c->d->an[k].deprel;
        if ((rel == DEP_XCOMP || rel == DEP_ADVCL) && has_to_mark(c, (uint32_t)k)) return 1;
    }
    return 0;
}

/* Try the patterns headed by verb v: every pattern whose words fit the
 * parse is a candidate; the most specific one whose slots hold actors
 * codes the event ("deny involvement in TGT" without an actor in TGT falls
 * back to "SRC deny"). */
/* Is the prepositional word w of pattern p spent with it?  Nouns always
 * ("called for the release of X" is no second release).  A verb only
 * under a call for a change of leadership ("called on her to resign" is
 * no resignation); other embedded acts are coded as well, as PLOVER does
 * ("urged the EC to support the PLO"). */
static int spends_verb(const sctx *c, const ev_pat *p, int32_t w) {
    if (c->d->an[w].upos != UPOS_VERB) return 1;
    return !strncmp(p->code, "0241", 4) || !strncmp(p->code, "1041", 4);
}

/* An agreement, an expressed intent to cooperate (03x) whose pattern puts
 * its target after "on", "upon" or "to" ("SRC agree on TGT"), whose slot holds a
 * thing, not an actor: "agreed on a border plan", "agreed upon a pact",
 * "agreed to an extension of the mandate".  With no such phrase (or only a
 * day: "agreed on Wednesday"), a that-clause with a modal is the thing
 * agreed on:
 * "agreed that their countries should cooperate".  The event is coded
 * without a target, or joint subjects on each other. */
static int agreed_thing(const sctx *c, uint32_t v, const ev_pat *p, int32_t tw) {
    const dyad_doc *d = c->d;
    if (strncmp(p->code, "03", 2) || p->obj || p->npn || !p->tgt_prep || !lemma_is(d, v, "agree")) return 0;
    if (strcmp(p->tgt_prep, "on") && strcmp(p->tgt_prep, "upon") && strcmp(p->tgt_prep, "to")) return 0;
    if (tw >= 0 && (d->an[tw].upos == UPOS_NOUN || d->an[tw].upos == UPOS_PROPN) && !lemma_in(d, (uint32_t)tw, TIME_WORDS))
        return 1;
    if (strcmp(p->tgt_prep, "on")) return 0;
    /* a that-clause of what shall be done ("should cooperate", "will
     * trade") between joint sides, not an opinion ("analysts agreed that
     * investors liked", "most Democrats agree that a president should") */
    int32_t jm[4];
    roles r;
    gather(c, v, &r);
    if (r.subj < 0 || joint_members(c, r.subj, jm) < 2) return 0;
    KIDS(c, v) {
        if (d->an[k].deprel != DEP_CCOMP) continue;
        int that = 0, modal = 0;
        for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first]) {
            if (d->an[g].deprel == DEP_MARK && lemma_is(d, (uint32_t)g, "that")) that = 1;
            if (d->an[g].deprel == DEP_AUX && lemma_in(d, (uint32_t)g, MODALS)) modal = 1;
        }
        if (that && modal) return 1;
    }
    return 0;
}

/* What is released without being held: papers, figures, media. */
static const char *const RELEASED_PAPERS[] = {"return", "transcript", "information", "list", "result", "footage",
                                              "tape", "recording", "photo", "photograph", "image", "picture",
                                              "figure", "number", "detail", "name", "text", "study", "poll",
                                              "survey", "paper", "note", "summary", "finding", "evidence", "audio",
                                              "guideline", "guidance", "rule", "regulation", "draft", "version",
                                              "schedule", "album", "song", "details", "emails", "documents", NULL};

/* The target of a pattern read off the surface: "SRC hit out at TGT",
 * "SRC take aim at TGT", "SRC shower praise on TGT" whose words stand
 * right after the verb v (particle, object word with up to two
 * determiners or adjectives, preposition) in text order, and an actor's
 * mention that starts within four words after them (over titles and
 * determiners: "at Governor Ruth Keller").  The parser breaks such
 * phrases before a titled name ("at" a goeswith of "out" and the name
 * its object); the words say what the tree does not.  The word that
 * starts the mention, or -1. */
static int32_t surface_target(const sctx *c, const ev_pat *p, uint32_t v) {
    const dyad_doc *d = c->d;
    if (!p->has_tgt || !p->tgt_prep || p->tgt_pn >= 0 || p->noun) return -1;
    uint32_t j = v + 1;
    if (p->prt) {
        if (j >= c->last || !lemma_is(d, j, p->prt)) return -1;
        j++;
    }
    if (p->obj) {
        for (int m = 0; m < 2 && j < c->last && (d->an[j].upos == UPOS_DET || d->an[j].upos == UPOS_ADJ); m++) j++;
        if (j >= c->last || !lemma_is(d, j, p->obj)) return -1;
        j++;
    }
    if (j >= c->last || !lemma_is(d, j, p->tgt_prep)) return -1;
    for (uint32_t t = j + 1; t < c->last && t <= j + 4; t++) {
        if (c->actor_of[t] >= 0 && c->mstart[t] == d->toks[t].start) return (int32_t)t;
        uint8_t u = d->an[t].upos;
        if (u != UPOS_DET && u != UPOS_ADJ && u != UPOS_PROPN && u != UPOS_NOUN) return -1;
    }
    return -1;
}

/* "charged that the governor had lied", "charged him with lying": in a
 * politician's mouth "charge" is an accusation (112), not the legal
 * charge of CAMEO 173 ("charged the protester with murder").  A
 * that-clause and no object, or a "with" gerund of deceit
 * (CHARGE_DECEIT), make it one. */
static const char *const CHARGE_DECEIT[] = {"lie", "mislead", "deceive", "distort", "exaggerate", "misrepresent",
                                            "pander", "flip-flop", "hypocrisy", "dishonesty", "smear", NULL};
static const ev_pat ACCUSE_PAT = {.code = "112", .has_src = 1, .has_tgt = 1, .src_pre = 1, .nwords = 2,
                                  .head = "charge", .next = -1};

static const ev_pat *charge_accusation(const sctx *c, uint32_t v, const roles *r, const ev_pat *p) {
    const dyad_doc *d = c->d;
    if (strcmp(p->code, "173") || !lemma_is(d, v, "charge") || p->obj || p->npn || p->tgt_prep) return p;
    if (r->obj < 0 && r->subj_pass < 0)
        for (int i = 0; i < r->nccomp; i++)
            KIDS(c, (uint32_t)r->ccomp[i]) {
                if (d->an[k].deprel == DEP_MARK && lemma_is(d, (uint32_t)k, "that")) return &ACCUSE_PAT;
            }
    int32_t o = r->obj >= 0 ? r->obj : r->subj_pass;
    KIDS(c, v) {
        if ((d->an[k].deprel == DEP_ADVCL || d->an[k].deprel == DEP_OBL) && lemma_in(d, (uint32_t)k, CHARGE_DECEIT) &&
            (has_case(c, (uint32_t)k, "with") || d->an[k].deprel == DEP_ADVCL)) {
            for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first])
                if ((d->an[g].deprel == DEP_MARK || d->an[g].deprel == DEP_CASE) && lemma_is(d, (uint32_t)g, "with"))
                    return &ACCUSE_PAT;
        }
    }
    if (o >= 0)
        KIDS(c, (uint32_t)o) {
            if (d->an[k].deprel == DEP_NMOD && lemma_in(d, (uint32_t)k, CHARGE_DECEIT) && has_case(c, (uint32_t)k, "with"))
                return &ACCUSE_PAT;
        }
    return p;
}

/* "threatened to sue the governor", "threatened to fire her": the
 * target of the threatened act is the threat's target.  For the plain
 * "SRC threaten to" (no TGT) at verb v: the infinitive's object actor
 * (its owner, or an "against" or "on" phrase), in *tw.  When the
 * infinitive heads only patterns without an intent code (a lawsuit, an
 * accusation: roots 10-13 have none) its own event would be a second,
 * hypothetical row of the same act, so *spent is the infinitive; acts
 * with an intent code ("threatened to attack Israel": 1384) are left to
 * code themselves, and then *tw stays -1.  0 when there is no target. */
static int threat_target(const sctx *c, uint32_t v, int32_t *tw, int32_t *spent) {
    const dyad_doc *d = c->d;
    *tw = *spent = -1;
    if (!lemma_is(d, v, "threaten")) return 0;
    int32_t xv = -1;
    KIDS(c, v) {
        uint8_t rel = d->an[k].deprel;
        if (xv < 0 && (rel == DEP_XCOMP || rel == DEP_ADVCL || rel == DEP_CCOMP) && d->an[k].upos == UPOS_VERB &&
            has_to_mark(c, (uint32_t)k))
            xv = k;
    }
    if (xv < 0) return 0;
    const char *xl = lemma_of(d, (uint32_t)xv);
    int heads = 0;
    for (int32_t pi = lookup_head(c->x, xl, strlen(xl)); pi >= 0; pi = c->x->pats[pi].next) {
        const ev_pat *q = &c->x->pats[pi];
        if (q->noun) continue;
        if (intent_code(q->code)) return 0;
        heads = 1;
    }
    roles xr;
    gather(c, (uint32_t)xv, &xr);
    int32_t t = xr.obj >= 0 ? object_actor(c, &xr, xr.obj) : -1;
    if (t >= 0 && actor_at(c, (uint32_t)t) < 0) t = -1;
    for (int i = 0; i < xr.nobl && t < 0; i++)
        if ((has_case(c, (uint32_t)xr.obl[i], "against") || has_case(c, (uint32_t)xr.obl[i], "on")) &&
            actor_at(c, (uint32_t)xr.obl[i]) >= 0)
            t = xr.obl[i];
    if (t < 0) return 0;
    *tw = t;
    if (heads) *spent = xv;
    return 1;
}

/* Verb v is a word of a title or a compound modifier the tagger read as
 * a verb: the participle of a hyphenated modifier ("Ivy League-trained
 * surgeon", "Saudi-backed government"), a verb the parse made a compound,
 * or a bare base form between a name and a person's name with no
 * auxiliary ("said MSNBC host Chris Matthews": "host" is the title, and
 * a real clause would read "MSNBC hosts").  No event. */
static int title_verb(const sctx *c, uint32_t v) {
    const dyad_doc *d = c->d;
    if (d->an[v].deprel == DEP_COMPOUND) return 1;
    if (v >= c->first + 2 && d->an[v - 1].xpos == XPOS_HYPH && d->toks[v - 1].end == d->toks[v].start &&
        d->toks[v - 2].end == d->toks[v - 1].start)
        return 1;
    if (d->an[v].xpos != XPOS_VB || v <= c->first || v + 1 >= c->last) return 0;
    if (d->an[v - 1].upos != UPOS_PROPN || d->an[v - 1].head != (int32_t)v || d->an[v - 1].deprel != DEP_NSUBJ) return 0;
    KIDS(c, v) {
        if (d->an[k].deprel == DEP_AUX || d->an[k].deprel == DEP_MARK) return 0;
    }
    int32_t a = c->actor_of[v + 1];
    return a >= 0 && d->actors[a].type == ENT_PERSON && c->mstart[v + 1] == d->toks[v + 1].start;
}

/* "Viacom is committed to working closely with us": a passive stance
 * (RESOLVE_PASS) with no one named as its object is an event only for a
 * side with a code that is not maybe a firm (an organisation known by a
 * bare country code: "Hutton LBO is committed to keeping the courier
 * business"). */
static int stance_side(const sctx *c, int32_t sw) {
    const dyad_doc *d = c->d;
    int32_t a = sw >= 0 ? actor_at(c, (uint32_t)sw) : -1;
    if (a < 0 || !d->actors[a].code[0] || private_side(d, a) || d->actors[a].type == ENT_PERSON) return 0;
    return !(d->actors[a].type == ENT_ORG && strlen(d->actors[a].code) <= 3);
}

/* Currencies and market prices: what "comes under pressure" on the money
 * markets. */
static const char *const MARKET_THINGS[] = {"franc", "dollar", "yen", "mark", "sterling", "pound", "lira", "peso",
                                            "currency", "fund", "rate", "price", "market", "bond", "share", "stock",
                                            "guilder", "crown", "rand", "rupee", "dinar", "riyal", "peseta", "escudo",
                                            "shilling", "won", "ringgit", "yuan", "rouble", "ruble", "index", NULL};

/* "the crisis has put the franc under pressure": pressure (10x) whose
 * object, passive subject or "on" phrase is a currency or a market price is
 * the money market's, no demand of anyone. */
static int market_pressure(const sctx *c, const ev_pat *p, uint32_t v, const roles *r) {
    const dyad_doc *d = c->d;
    if (strncmp(p->code, "10", 2)) return 0;
    int pressure = lemma_is(d, v, "pressure");
    KIDS(c, v) {
        if (lemma_is(d, (uint32_t)k, "pressure")) pressure = 1;
    }
    if (!pressure) return 0;
    if ((r->obj >= 0 && lemma_in(d, (uint32_t)r->obj, MARKET_THINGS)) ||
        (r->subj_pass >= 0 && lemma_in(d, (uint32_t)r->subj_pass, MARKET_THINGS)))
        return 1;
    for (int i = 0; i < r->nobl; i++)
        if (has_case(c, (uint32_t)r->obl[i], "on") && lemma_in(d, (uint32_t)r->obl[i], MARKET_THINGS)) return 1;
    return 0;
}

/* A passive participle that modifies a noun with no subject, object or
 * auxiliary of its own is a reduced passive relative: "trade sanctions
 * imposed on Japan", "the criticism voiced by Baker" say that the noun was
 * imposed or voiced, so the noun is the participle's passive subject (its
 * undergoer), not its doer.  The noun, or -1. */
static int32_t reduced_relative(const sctx *c, uint32_t v, const roles *r) {
    const dyad_doc *d = c->d;
    if (d->an[v].deprel != DEP_ACL || d->an[v].xpos != XPOS_VBN || has_aux(c, v)) return -1;
    if (r->subj >= 0 || r->subj_pass >= 0 || r->obj >= 0 || has_to_mark(c, v)) return -1;
    int32_t h = d->an[v].head;
    if (h < (int32_t)c->first || h >= (int32_t)v) return -1;
    if (d->an[h].upos != UPOS_NOUN && d->an[h].upos != UPOS_PROPN) return -1;
    /* an actor noun is mostly the doer of a past tense the tagger read as a
     * participle ("23,000 engineering workers struck", "10,000 people
     * marched"): only a thing undergoes */
    if (actor_at(c, (uint32_t)h) >= 0) return -1;
    /* and only a noun that names an act itself (a head of [noun] patterns:
     * sanctions, tariffs, criticism), not "access to Kawerau restricted" */
    const char *l = lemma_of(d, (uint32_t)h);
    int32_t pi = lookup_head(c->x, l, strlen(l));
    while (pi >= 0 && !c->x->pats[pi].noun) pi = c->x->pats[pi].next;
    return pi >= 0 ? h : -1;
}

/* A journey "for talks" that names no side (040 "SRC arrive for talk") is
 * left to the visit when the verb has a place phrase: "George Shultz
 * arrived in Moscow for talks" is Shultz's visit to Moscow (042), which
 * the longer pattern would otherwise displace; "arrived here for talks"
 * is the talks. */
static int journey_elsewhere(const sctx *c, const ev_pat *p, uint32_t v) {
    const dyad_doc *d = c->d;
    if (p->noun || p->has_tgt || p->npn != 1 || strcmp(p->pn[0].prep, "for") || strncmp(p->code, "04", 2)) return 0;
    KIDS(c, v) {
        if (d->an[k].deprel == DEP_OBL &&
            (has_case(c, (uint32_t)k, "in") || has_case(c, (uint32_t)k, "to") || has_case(c, (uint32_t)k, "at") ||
             has_case(c, (uint32_t)k, "into")))
            return 1;
    }
    return 0;
}

/* An agentless passive whose passive subject is the pattern's object word
 * and whose preposition slot holds an actor: "Sanctions were imposed on
 * Japan", "tariffs imposed on Japanese goods" tell a material act against
 * the target by no one named, which rule 2 of EVENTS.md codes with an empty
 * source.  Sanctions and cuts of aid or relations only (16x): restrictions
 * and charges in the passive are mostly a disaster's or a court's ("access
 * to Kawerau severely restricted", "charges against Fernandez would be
 * filed"), and troops sent somewhere are the sender's own. */
static int object_passive(const sctx *c, const ev_pat *p, const roles *r, int passive, int32_t objw, int32_t tw) {
    if (!passive || r->agent >= 0 || !p->obj || !p->tgt_prep || objw < 0 || objw != r->subj_pass) return 0;
    return tw >= 0 && actor_at(c, (uint32_t)tw) >= 0 && !strncmp(p->code, "16", 2);
}

static int code_verb(const sctx *c, uint32_t v, int32_t first, uint8_t *used, cand *srcless) {
    const dyad_doc *d = c->d;
    if (title_verb(c, v)) return 0;
    /* a verb an earlier pattern spent ("called on her to resign": the
     * resignation is what was called for, not a second event) */
    if (used[v - c->first] && d->an[v].upos == UPOS_VERB) return 0;
    roles r;
    gather(c, v, &r);
    /* the tagger marks many simple pasts as passive participles ("imposed"):
     * a clause is passive when it has a passive subject, or is marked so
     * and has no active one */
    int passive = r.subj_pass >= 0 || ((d->an[v].feats & FEAT_VOICE_PASS) && r.subj < 0 && r.agent >= 0);
    int32_t rr = passive ? -1 : reduced_relative(c, v, &r);
    if (rr >= 0) {
        r.subj_pass = rr;
        passive = 1;
    }
    if (!passive && r.obj < 0 && r.subj >= 0 && r.agent < 0 && lemma_in(d, v, NEED_OBJECT) && !has_aux(c, v)) {
        /* "49 people killed in the shooting": a reduced passive the parser
         * read as a clause; its "subject" is the victim */
        r.subj_pass = r.subj;
        r.subj = -1;
        passive = 1;
    }
    /* "Vietnam is committed to opening the economy", "is determined to
     * act": a passive of resolve with an infinitive and no agent is the
     * subject's own stance, an active clause for the patterns */
    int resolved = 0;
    if (passive && r.subj < 0 && r.agent < 0 && r.subj_pass >= 0 && lemma_in(d, v, RESOLVE_PASS) && has_to_xcomp(c, v)) {
        r.subj = r.subj_pass;
        r.subj_pass = -1;
        passive = 0;
        resolved = 1;
    }
    /* "Trump demonstrated that he can win": showing, not protesting */
    int shows = (lemma_is(d, v, "demonstrate") && (r.nccomp > 0 || r.obj >= 0)) || marched_object(c, v, r.obj);
    /* "refused to endorse Ryan": a refused act of verbal support is coded
     * on its own verb, negated (reject_code), not as a plain 120 of
     * "refuse" */
    int refused_act = 0;
    if (lemma_in(d, v, REFUSE_GOV) && r.xcomp >= 0 && has_to_mark(c, (uint32_t)r.xcomp)) {
        const char *xl = lemma_of(d, (uint32_t)r.xcomp);
        for (int32_t pi = lookup_head(c->x, xl, strlen(xl)); pi >= 0 && !refused_act; pi = c->x->pats[pi].next) {
            const ev_pat *q = &c->x->pats[pi];
            if (!q->noun && !strncmp(q->code, "05", 2) && !reject_code(q->code)) refused_act = 1;
        }
    }
    /* "kicked off", "ripped the signs away": a verb with the particle
     * "off" or "away" is another verb (to begin, to tear away), which
     * the plain verb's patterns do not describe */
    int32_t away = -1;
    KIDS(c, v) {
        if (d->an[k].deprel == DEP_COMPOUND_PRT && k > (int32_t)v &&
            lemma_in(d, (uint32_t)k, (const char *const[]){"off", "away", NULL}))
            away = k;
    }
    /* the parser may make "off" the case marker of the object ("kicked off
     * the investigation"): the word right after the verb counts too */
    if (away < 0 && v + 1 < c->last && (d->an[v + 1].upos == UPOS_ADP || d->an[v + 1].upos == UPOS_ADV) &&
        lemma_in(d, v + 1, (const char *const[]){"off", "away", NULL}))
        away = (int32_t)v + 1;
    cand cs[16], notgt = {NULL, -1, -1, -1, {-1, -1, -1}}, nosrc = {NULL, -1, -1, -1, {-1, -1, -1}};
    int nc = 0;
    for (int32_t pi = first; pi >= 0; pi = c->x->pats[pi].next) {
        const ev_pat *p = &c->x->pats[pi];
        if (p->noun) continue;
        if (away >= 0 && !p->prt && !(p->obj && lemma_is(d, (uint32_t)away, p->obj)) &&
            !(p->tgt_prep && lemma_is(d, (uint32_t)away, p->tgt_prep)) &&
            !(p->npn && !strcmp(p->pn[0].word, lemma_of(d, (uint32_t)away))))
            continue;
        if (shows && !strncmp(p->code, "14", 2)) continue;
        if (journey_elsewhere(c, p, v)) continue;
        if (market_pressure(c, p, v, &r)) continue;
        /* "release his tax returns", "released a statement": CAMEO's
         * release (084x) is of persons or property held, not of papers */
        if (!strncmp(p->code, "084", 3) && lemma_is(d, v, "release") && (passive ? r.subj_pass : r.obj) >= 0 &&
            (lemma_in(d, (uint32_t)(passive ? r.subj_pass : r.obj), RELEASED_PAPERS) ||
             lemma_in(d, (uint32_t)(passive ? r.subj_pass : r.obj), THINGS)))
            continue;
        if (p->prt) {
            int ok = r.prt >= 0 && lemma_is(d, (uint32_t)r.prt, p->prt);
            if (!ok) { /* "back down" parsed as advmod, "pull out of" */
                KIDS(c, v) {
                    if (lemma_is(d, (uint32_t)k, p->prt) && k > (int32_t)v) ok = 1;
                }
            }
            /* "reneged on his commitment": a pattern's "on" before its
             * object word is the case marker of that oblique */
            if (!ok && p->obj && (!strcmp(p->prt, "on") || !strcmp(p->prt, "in") || !strcmp(p->prt, "through"))) {
                KIDS(c, v) {
                    if (d->an[k].deprel == DEP_OBL && k > (int32_t)v && lemma_is(d, (uint32_t)k, p->obj) &&
                        has_case(c, (uint32_t)k, p->prt))
                        ok = 1;
                }
            }
            if (!ok) continue;
        }
        /* the object word: active object, or the passive subject */
        int32_t objw = -1;
        if (p->obj) {
            int32_t cand_w = passive ? r.subj_pass : r.obj;
            if (cand_w >= 0)
                objw = lemma_is(d, (uint32_t)cand_w, p->obj) ? cand_w : of_head(c, (uint32_t)cand_w, p->obj);
            if (objw < 0 && r.xcomp >= 0 && lemma_is(d, (uint32_t)r.xcomp, p->obj)) objw = r.xcomp;
            if (objw < 0 && in_list(p->obj, PARTICLES)) { /* "calling him out": the particle after the object */
                KIDS(c, v) {
                    if (d->an[k].deprel == DEP_COMPOUND_PRT && k > (int32_t)v && lemma_is(d, (uint32_t)k, p->obj)) objw = k;
                }
            }
            if (objw < 0) { /* "shot two protesters dead" */
                KIDS(c, v) {
                    if (d->an[k].deprel == DEP_ADVMOD && k > (int32_t)v && lemma_is(d, (uint32_t)k, p->obj)) objw = k;
                }
            }
            if (objw < 0) {
                KIDS(c, v) {
                    if (d->an[k].deprel == DEP_OBL && lemma_is(d, (uint32_t)k, p->obj)) objw = k;
                }
            }
            if (objw < 0) continue;
            int ok = 1;
            for (int m = 0; m < p->nmods && ok; m++) ok = has_mod(c, objw, p->mods[m]);
            if (!ok) continue;
        }
        int32_t pnw[3];
        /* the prepositional words may hang on the object even when the
         * pattern names none: "asked Iran for help" */
        if (p->npn && !find_pn(c, p, v, objw >= 0 ? objw : passive ? r.subj_pass : r.obj, pnw)) continue;
        if (p->to_clause) {
            /* an infinitive: "told Iran to stop", not "told reporters that" */
            int ok = 0;
            KIDS(c, v) {
                uint8_t rel = d->an[k].deprel;
                if (rel != DEP_XCOMP && rel != DEP_CCOMP && rel != DEP_ADVCL) continue;
                if (has_to_mark(c, (uint32_t)k)) ok = 1;
                if (rel == DEP_XCOMP && (d->an[k].feats & FEAT_VERBFORM_INF)) ok = 1;
            }
            /* "urged federal regulators to use forbearance", parsed with the
             * infinitive a clause of the object: an actor object controls
             * it all the same, for a pattern whose target is that object
             * ("SRC urge TGT to").  Not under a noun of intention or demand,
             * whose infinitive is the noun's ("backed a plan to ..."). */
            int32_t ow = passive ? r.subj_pass : r.obj;
            if (!ok && !p->obj && p->has_tgt && !p->tgt_prep && p->tgt_pn < 0 && ow >= 0 && actor_at(c, (uint32_t)ow) >= 0 &&
                !lemma_in(d, (uint32_t)ow, COMMIT_NOUNS) && !lemma_in(d, (uint32_t)ow, DEMAND_NOUNS)) {
                KIDS(c, (uint32_t)ow) {
                    if (d->an[k].deprel == DEP_ACL && k > ow && d->an[k].upos == UPOS_VERB && has_to_mark(c, (uint32_t)k)) ok = 1;
                }
            }
            if (!ok) continue;
        }
        if (refused_act && !p->obj && !p->npn) continue;
        /* "the plan was met with opposition", "has been met with
         * criticism": a reception, not a meeting */
        if (p->tgt_prep && !strcmp(p->tgt_prep, "with") && lemma_is(d, v, "meet") &&
            (passive || (d->an[v].feats & FEAT_VOICE_PASS)))
            continue;
        int32_t sw = -1, tw = -1, tw0 = -1;
        if (p->has_tgt) {
            if (p->tgt_pn >= 0) tw = pn_target(c, p, pnw);
            else if (p->tgt_prep) {
                tw = prep_obj(c, &r, objw, p->tgt_prep);
                /* "fought off the attackers": a particle before the slot,
                 * whose target is the direct object */
                if (tw < 0 && in_list(p->tgt_prep, PARTICLES)) {
                    int prt = 0;
                    KIDS(c, v) {
                        if (k > (int32_t)v && lemma_is(d, (uint32_t)k, p->tgt_prep) &&
                            (d->an[k].deprel == DEP_COMPOUND_PRT || k == (int32_t)v + 1))
                            prt = 1;
                    }
                    if (prt) tw = passive ? r.subj_pass : r.obj;
                }
            }
            else if (p->obj) {
                /* "give TGT asylum" (an indirect object), or the object's owner:
                 * "welcomed India's decision", "demanded Navalny's release";
                 * when the object word is a predicate, the direct object:
                 * "held two engineers hostage", "found the minister guilty" */
                tw = r.iobj;
                if (tw < 0 && objw >= 0 && objw != r.obj && objw != r.subj_pass) tw = passive ? r.subj_pass : r.obj;
                if (tw < 0 && objw >= 0)
                    KIDS(c, (uint32_t)objw) {
                        uint8_t rel = d->an[k].deprel;
                        if ((rel == DEP_NMOD_POSS || rel == DEP_COMPOUND || rel == DEP_AMOD) && k < objw &&
                            actor_at(c, (uint32_t)k) >= 0) {
                            tw = k;
                            break;
                        }
                    }
            }
            else tw = passive ? r.subj_pass : r.obj;
            tw0 = tw;
            if (tw < 0 && !p->tgt_prep && !p->obj && p->tgt_pn < 0 && r.iobj >= 0) tw = r.iobj;
            /* not for diplomatic recognition (054), which is of the object
             * itself: "does not recognize the bigotry of Trump" is nothing */
            /* "received a reassuring response from the Japanese",
             * "received offers from the heads of two companies": a verb of
             * being with someone (host, receive, visit, meet) has its
             * actor as the object itself, never behind a thing */
            if (!p->tgt_prep && !p->obj && p->tgt_pn < 0 && strncmp(p->code, "054", 3) &&
                !(tw >= 0 && lemma_in(d, v, PRESENCE_VERBS) && actor_at(c, (uint32_t)tw) < 0))
                tw = object_actor(c, &r, tw);
            /* "hit out at Governor Ruth Keller" parsed with the name
             * under "at" made a goeswith: the words in the text decide */
            if (p->tgt_prep && (tw < 0 || actor_at(c, (uint32_t)tw) < 0)) {
                int32_t st = surface_target(c, p, v);
                if (st >= 0) tw = st;
            }
            /* "expel TGT=diplomat": the target must be that noun */
            /* ("Hundreds of diplomats are being expelled": the "of" phrase) */
            if (p->tgt_lemma && (tw < 0 || (!lemma_is(d, (uint32_t)tw, p->tgt_lemma) &&
                                            of_head(c, (uint32_t)tw, p->tgt_lemma) < 0)))
                continue;
        }
        if (p->has_src) {
            sw = passive ? r.agent : r.subj;
            if (sw < 0 && !passive) sw = inherited_subject(c, v, 0);
            /* relative pronouns stand for the noun the clause hangs on */
            if (sw >= 0 && lemma_in(d, (uint32_t)sw, (const char *const[]){"who", "which", "that", NULL}) &&
                d->an[v].deprel == DEP_ACL_RELCL)
                sw = d->an[v].head;
            if (sw >= 0 && actor_at(c, (uint32_t)sw) < 0) sw = pronoun_antecedent(c, v, sw);
            if (sw < 0 || actor_at(c, (uint32_t)sw) < 0) {
                /* "three soldiers were killed", "a roadside bomb killed two
                 * soldiers": violence against an actor by no one named is
                 * coded with an empty source -- in a passive, or with a
                 * subject that is no actor; a clause without a subject
                 * ("entering the United States", "to bomb Iran") is not
                 * told as having happened */
                int quad = 0;
                ev_lex_code_info(c->x, p->code, &quad, NULL);
                int own = passive ? r.agent < 0 || (sw >= 0 && lemma_in(c->d, (uint32_t)sw, WEAPONS))
                                  : r.subj >= 0 && lemma_in(c->d, (uint32_t)r.subj, WEAPONS);
                /* not 15x/16x: "Labott was suspended" is no sanction; not
                 * a plain coercion (170): "reporters are forced to ask" */
                if (((quad == 4 && own && strncmp(p->code, "15", 2) && (strncmp(p->code, "16", 2) || p->tgt_lemma) &&
                      strcmp(p->code, "170") && p->has_tgt && tw >= 0 && actor_at(c, (uint32_t)tw) >= 0 && !p->obj &&
                      !p->tgt_prep &&
                      /* "Falcon's sales are targeted at", "ADB loans would be
                       * routed": a thing an actor owns is no victim */
                      !(tw0 >= 0 && lemma_in(d, (uint32_t)tw0, THINGS))) ||
                     (quad == 4 && object_passive(c, p, &r, passive, objw, tw))) &&
                    (!nosrc.p || cand_better(p, nosrc.p))) {
                    nosrc.p = p;
                    nosrc.tw = tw;
                }
                /* for the surface fallback (fallback_verb): everything
                 * matched but the source */
                if (!passive && (!srcless->p || cand_better(p, srcless->p))) {
                    srcless->p = p;
                    srcless->sw = sw;
                    srcless->tw = tw;
                    srcless->objw = objw;
                    for (int j = 0; j < 3; j++) srcless->pnw[j] = j < p->npn ? pnw[j] : -1;
                }
                continue;
            }
        }
        int thing = p->has_tgt && (tw < 0 || actor_at(c, (uint32_t)tw) < 0) && agreed_thing(c, v, p, tw);
        if (thing) tw = -1; /* the thing agreed on is no side */
        if (p->has_tgt && (tw < 0 || actor_at(c, (uint32_t)tw) < 0)) {
            int with = p->tgt_prep && !strcmp(p->tgt_prep, "with") && !p->obj;
            int bare = p->obj ? objw >= 0 : (!p->tgt_prep || with || thing);
            /* "with" alone is no event ("he spoke"): only joint subjects
             * ("X and Y spoke") code it, against each other */
            int32_t jm[4];
            int joint = sw >= 0 && c->d->an[sw].deprel != DEP_CONJ && joint_members(c, sw, jm) >= 2;
            if (with && !joint && !thing) bare = 0;
            /* "Clinton and her State Department worked to export fracking":
             * a verb with an infinitive of purpose is not the joint act */
            if (with && joint && has_to_xcomp(c, v)) bare = 0;
            /* verbs whose political sense needs an actor as object ("hosts a
             * radio show", "received fees", "captured the allegiance of"):
             * no event without one, unless joint subjects */
            if ((!p->obj || in_list(p->obj, PARTICLES)) && lemma_in(d, v, NEED_ACTOR) && !(joint && tw < 0)) bare = 0;
            /* "raise money", "gave his blessing", "kind words": support
             * only for someone named ("his ability to raise money") */
            if (p->obj && (!strncmp(p->code, "04", 2) || !strncmp(p->code, "05", 2)) && in_list(p->obj, NEED_ACTOR_OBJ))
                bare = 0;
            if (bare && (!notgt.p || cand_better(p, notgt.p))) {
                notgt.p = p;
                notgt.sw = sw;
                notgt.tw = tw; /* a target word that names no actor, or -1 */
                notgt.objw = objw;
                for (int j = 0; j < 3; j++) notgt.pnw[j] = j < p->npn ? pnw[j] : -1;
            }
            continue;
        }
        /* insert by specificity */
        if (nc == 16 && !cand_better(p, cs[15].p)) continue;
        int at = nc < 16 ? nc++ : 15;
        while (at > 0 && cand_better(p, cs[at - 1].p)) {
            cs[at] = cs[at - 1];
            at--;
        }
        cs[at].p = p;
        cs[at].sw = sw;
        cs[at].tw = tw;
        cs[at].objw = objw;
        for (int j = 0; j < 3; j++) cs[at].pnw[j] = j < p->npn ? pnw[j] : -1;
    }
    for (int i = 0; i < nc; i++) {
        if (resolved && (cs[i].tw < 0 || actor_at(c, (uint32_t)cs[i].tw) < 0) && !stance_side(c, cs[i].sw)) continue;
        const ev_pat *ep = charge_accusation(c, v, &r, cs[i].p);
        int32_t etw = cs[i].tw, spent = -1;
        ev_pat tq;
        if (!ep->has_tgt && ep->to_clause && threat_target(c, v, &etw, &spent)) {
            tq = *ep; /* "threatened to sue X": the threat's target is X */
            tq.has_tgt = 1;
            ep = &tq;
        }
        int got = emit(c, ep, v, cs[i].sw, etw, 0);
        if (got > 0 && spent >= 0) used[spent - c->first] = 1;
        if (got < 0) return -1;
        if (got > 0) {
            /* the object noun is spent: "lifted sanctions on Belarus" is no
             * second, nominal sanction event */
            if (cs[i].objw >= 0) used[cs[i].objw - c->first] = 1;
            /* and so are the prepositional words: "called for the release
             * of X" is no second, nominal release event */
            for (int j = 0; j < 3; j++)
                if (cs[i].pnw[j] >= 0 && spends_verb(c, cs[i].p, cs[i].pnw[j])) used[cs[i].pnw[j] - c->first] = 1;
            return 0;
        }
    }
    /* an adjective head ("is critical of TGT") needs its target: "the
     * border is open" or "Iran is free to" are no events */
    if (d->an[v].upos == UPOS_ADJ) return 0;
    if (nosrc.p && (!notgt.p || notgt.sw < 0))
        return emit(c, nosrc.p, v, -1, nosrc.tw, EMIT_NO_SRC) < 0 ? -1 : 0;
    if (!notgt.p || notgt.sw < 0) return 0;
    if (resolved && !stance_side(c, notgt.sw)) return 0;
    int got = 0;
    /* "Israel and Lebanon renewed negotiations": joint actors act on each
     * other (CAMEO's coding of a compound subject without a target) */
    int32_t js[4];
    /* not when the target slot holds a thing: "X and Y oppose the tax" */
    int nj = notgt.tw < 0 && reciprocal(notgt.p) ? joint_members(c, notgt.sw, js) : 0;
    /* "X and Y returned to Geneva": a return with no object is a journey,
     * not a return of something (084) to each other */
    int motion = lemma_is(d, v, "return") && r.obj < 0 && !strncmp(notgt.p->code, "084", 3);
    if (motion) nj = 0;
    for (int i = 0; i < nj; i++)
        for (int j = 0; j < nj; j++) {
            if (i == j) continue;
            int g = emit(c, charge_accusation(c, v, &r, notgt.p), v, js[i], js[j], EMIT_SINGLE);
            if (g < 0) return -1;
            got += g;
        }
    /* else an event without a target: "the UN rejected a call for ..." */
    if (!got && !motion) got = emit(c, charge_accusation(c, v, &r, notgt.p), v, notgt.sw, -1, EMIT_NO_TGT);
    if (got < 0) return -1;
    if (got > 0 && notgt.objw >= 0) used[notgt.objw - c->first] = 1;
    for (int j = 0; j < 3 && got > 0; j++)
        if (notgt.pnw[j] >= 0 && spends_verb(c, notgt.p, notgt.pnw[j])) used[notgt.pnw[j] - c->first] = 1;
    return 0;
}

/* ---- surface fallbacks ------------------------------------------------------ */

/* When the parse loses a subject (or reads a simple past as a participle
 * hung on its own subject), a verb whose pattern matched all but its source
 * codes nothing.  The fallback takes the source from the word order, under
 * narrow conditions: the verb is finite, the source is the nearest actor
 * mention before it with no punctuation or finite verb between, and the
 * tree coded nothing for the verb.  A target fallback (the first actor
 * mention after the verb) was tried and left out: on news copy it coded
 * possessives, clause subjects and places far more often than targets. */

/* The word that heads the mention token t lies in: climb while the head
 * stays inside the mention's span. */
static uint32_t mention_head(const sctx *c, uint32_t t) {
    const dyad_doc *d = c->d;
    uint32_t x = t;
    for (int step = 0; step < 8; step++) {
        int32_t h = d->an[x].head;
        if (h < (int32_t)c->first || h >= (int32_t)c->last) break;
        if (d->toks[h].start < c->mstart[t] || d->toks[h].end > c->mend[t]) break;
        x = (uint32_t)h;
    }
    return x;
}

/* A finite verb or auxiliary that is not one of v's own auxiliaries. */
static int other_finite(const sctx *c, uint32_t t, uint32_t v) {
    const dyad_doc *d = c->d;
    uint8_t u = d->an[t].upos;
    if (u != UPOS_VERB && u != UPOS_AUX) return 0;
    if (d->an[t].head == (int32_t)v && (d->an[t].deprel == DEP_AUX || d->an[t].deprel == DEP_AUX_PASS)) return 0;
    if (u == UPOS_AUX) return 1;
    return (d->an[t].feats & FEAT_VERBFORM_FIN) != 0;
}

/* The mention headed by x modifies a noun outside it ("Japanese
 * dumping", "the prime minister's job", "his U.S. passport"), or is
 * the subject of another clause ("fear China may renounce"). */
static int modifier_mention(const sctx *c, uint32_t x, uint32_t v) {
    const dyad_doc *d = c->d;
    uint8_t r = d->an[x].deprel;
    if (r == DEP_NMOD_POSS || r == DEP_AMOD || r == DEP_COMPOUND) return 1;
    if ((r == DEP_NSUBJ || r == DEP_NSUBJ_PASS) && d->an[x].head != (int32_t)v) return 1;
    int32_t h = d->an[x].head;
    if (h > (int32_t)x && h < (int32_t)c->last && h != (int32_t)v && r != DEP_CONJ && r != DEP_APPOS &&
        (d->an[h].upos == UPOS_NOUN || d->an[h].upos == UPOS_PROPN) && (h < (int32_t)v || x > v))
        return 1;
    return 0;
}

/* Source fallback: the actor whose mention ends nearest before finite verb
 * v (at most 10 words back, no other finite verb or punctuation between),
 * when its head carries no preposition, modifies no other noun, is no
 * plainly private side and is not the target.  -1: none. */
static int32_t surface_source(const sctx *c, uint32_t v, int32_t tw) {
    const dyad_doc *d = c->d;
    for (int32_t t = (int32_t)v - 1; t >= (int32_t)c->first && t >= (int32_t)v - 10; t--) {
        /* no clause edge: any punctuation or quote mark ("Sanders, who had
         * said ..., criticized": a comma closes an inserted phrase) */
        if (d->toks[t].kind == TOK_QUOTE || d->an[t].upos == UPOS_PUNCT || other_finite(c, (uint32_t)t, v)) return -1;
        if (c->actor_of[t] < 0) continue;
        uint32_t x = mention_head(c, (uint32_t)t);
        if (has_case(c, x, "of") || x == v || modifier_mention(c, x, v)) return -1;
        KIDS(c, x) {
            if (d->an[k].deprel == DEP_CASE) return -1;
        }
        int32_t a = actor_at(c, x);
        if (a < 0 || private_side(d, a) || (tw >= 0 && actor_at(c, (uint32_t)tw) == a)) return -1;
        return (int32_t)x;
    }
    return -1;
}

/* The surface fallback for verb v, whose tree-based coding found nothing:
 * srcless matched all but its source (an active clause whose subject the
 * parse lost).  1 coded, 0 not, -1 out of memory. */
static int fallback_verb(const sctx *c, uint32_t v, const cand *srcless, uint8_t *used) {
    const dyad_doc *d = c->d;
    if (d->an[v].upos != UPOS_VERB || has_to_mark(c, v)) return 0;
    uint8_t rel = d->an[v].deprel;
    if (d->an[v].feats & FEAT_VERBFORM_FIN) {
        if (rel == DEP_ACL || rel == DEP_AMOD || rel == DEP_XCOMP || rel == DEP_ACL_RELCL) return 0;
    } else {
        /* "A top U.S. official today praised Haiti's efforts", tagged as
         * a participle hung on "official": a past participle with no
         * auxiliary, an object and no by-phrase is a simple past */
        if (!(d->an[v].feats & FEAT_TENSE_PAST) || has_aux(c, v)) return 0;
        int obj = 0;
        KIDS(c, v) {
            if (d->an[k].deprel == DEP_OBJ && k > (int32_t)v) obj = 1;
            if (d->an[k].deprel == DEP_OBL_AGENT || (d->an[k].deprel == DEP_OBL && has_case(c, (uint32_t)k, "by"))) return 0;
        }
        if (!obj) return 0;
    }
    /* "Governor Shunichi Suzuki backed by the LDP": a reduced passive */
    if (v + 1 < c->last && lemma_is(d, v + 1, "by")) return 0;
    const cand *k = NULL;
    int32_t sw = -1, tw = -1;
    if (srcless->p && srcless->sw < 0 &&
        (!srcless->p->has_tgt || (srcless->tw >= 0 && actor_at(c, (uint32_t)srcless->tw) >= 0))) {
        sw = surface_source(c, v, srcless->tw);
        if (sw >= 0) k = srcless, tw = srcless->tw;
    }
    if (!k) return 0;
    int got = emit(c, k->p, v, sw, tw, EMIT_SINGLE);
    if (got > 0 && k->objw >= 0) used[k->objw - c->first] = 1;
    return got;
}

/* Verbs that only carry the event their object names: "launched an
 * investigation into", "staged demonstrations", "held talks with".  The
 * verb's subject is the event's source, its mode the event's.  Verbs that
 * end or undo the event (end, halt, cancel, call off) are not here. */
static const char *const LIGHT[] = {"launch", "begin", "start", "stage", "hold", "organize", "organise", "conduct",
                                    "carry", "mount", "open", "renew", "resume", "continue", "undertake", "make",
                                    "take", "give", "provide", "offer", "extend", "announce", "declare", "impose",
                                    "issue", "express", "voice", "pay", "sign", "reach", "complete", "step", "wage",
                                    "intensify", "escalate", "initiate", "lead", "join", "call", "plan", "unleash", "deliver",
                                    "reiterate", "repeat", "reaffirm", "restate", "echo", NULL};

/* The light verbs that repeat a statement (see code_noun). */
static const char *const REPEAT_VERBS[] = {"reiterate", "repeat", "reaffirm", "restate", "echo", NULL};

/* Verbs whose subject takes part in a meeting their object or oblique
 * names: "came out of meetings with Republican leaders", "attended talks
 * with", "emerged from a meeting with".  Only for consultation (04)
 * nouns: "came out of the attack" is no attack by the subject. */
static const char *const ATTEND[] = {"attend", "come", "emerge", "leave", "return", "arrive", "participate",
                                     "go", "head", "walk", "sit", "wrap", "finish", "conclude", NULL};

/* Verbs whose subject undergoes the event their object names: "faced
 * criticism", "drew condemnation", "won the endorsement of". */
static const char *const RECEIVE[] = {"face", "draw", "receive", "attract", "earn", "win", "gain", "get", "garner",
                                      "secure", "consolidate", "collect", "pick", "land", "endure", "weather",
                                      "suffer", "incur", "provoke", "spark", NULL};

/* "Kuwait has the full support of Saudi Arabia", "enjoys the backing of
 * the army": support had or enjoyed is received, like support won. */
static int held_backing(const sctx *c, uint32_t n, int32_t h) {
    const dyad_doc *d = c->d;
    return d->an[n].deprel == DEP_OBJ && lemma_in(d, (uint32_t)h, (const char *const[]){"have", "enjoy", NULL}) &&
           lemma_in(d, n, (const char *const[]){"support", "backing", "endorsement", "blessing", NULL});
}

/* A nominal event n that the subject of a receiving verb undergoes:
 * the subject is the target, the giver the "from", "by" or "of" phrase
 * or the possessive ("won Christie's endorsement"); the mode is the
 * verb's.  1 when coded, 0 when not such a case, -1 out of memory. */
static int code_received(const sctx *c, uint32_t n, int32_t first) {
    const dyad_doc *d = c->d;
    int32_t h = d->an[n].head;
    if (h < (int32_t)c->first || h >= (int32_t)c->last || d->an[h].upos != UPOS_VERB) return 0;
    uint8_t rel = d->an[n].deprel;
    int ok = (rel == DEP_OBJ && lemma_in(d, (uint32_t)h, RECEIVE)) ||
             (rel == DEP_OBL && lemma_is(d, (uint32_t)h, "come") && has_case(c, n, "under")) ||
             held_backing(c, n, h);
    if (!ok) return 0;
    /* "provoke"/"spark" take the event's cause as subject, not its target */
    int caused = lemma_in(d, (uint32_t)h, (const char *const[]){"provoke", "spark", NULL});
    roles r;
    gather(c, (uint32_t)h, &r);
    int32_t tw = r.subj >= 0 ? r.subj : inherited_subject(c, (uint32_t)h, 0);
    if (tw >= 0 && d->an[tw].deprel == DEP_NSUBJ && lemma_in(d, (uint32_t)tw, (const char *const[]){"who", "which", "that", NULL}) &&
        d->an[h].deprel == DEP_ACL_RELCL)
        tw = d->an[h].head;
    if (tw >= 0 && actor_at(c, (uint32_t)tw) < 0) tw = pronoun_antecedent(c, (uint32_t)h, tw);
    if (tw < 0 || actor_at(c, (uint32_t)tw) < 0) return 0;
    /* "the Belgian franc came under pressure", "Fed funds will be coming
     * under intense pressure": a currency or a market under pressure is a
     * price, no one pressed */
    if (lemma_in(d, (uint32_t)tw, MARKET_THINGS)) return 1;
    /* "... as the Belgian franc came under pressure", with the verb left
     * without a subject by the parse: the currency just before it */
    if (r.subj < 0 && h > (int32_t)c->first && d->an[h - 1].upos == UPOS_NOUN && lemma_in(d, (uint32_t)h - 1, MARKET_THINGS))
        return 1;
    int32_t sw = -1;
    KIDS(c, n) {
        uint8_t kr = d->an[k].deprel;
        if (sw >= 0) break;
        if (kr == DEP_NMOD_POSS && k < (int32_t)n && actor_at(c, (uint32_t)k) >= 0) sw = k;
        else if ((kr == DEP_NMOD || kr == DEP_ACL) && k > (int32_t)n &&
                 (has_case(c, (uint32_t)k, "from") || has_case(c, (uint32_t)k, "by") || has_case(c, (uint32_t)k, "of")) &&
                 actor_at(c, (uint32_t)k) >= 0)
            sw = k;
    }
    if (sw < 0) { /* "drew criticism from both sides": the phrase may hang on the verb */
        for (int i = 0; i < r.nobl && sw < 0; i++)
            if ((has_case(c, (uint32_t)r.obl[i], "from") || has_case(c, (uint32_t)r.obl[i], "by")) &&
                actor_at(c, (uint32_t)r.obl[i]) >= 0)
                sw = r.obl[i];
    }
    if (caused && sw < 0) return 0;
    /* "Stein receives less support", "Sanders continues to pick up
     * support": support with no giver is a poll or voters, no event */
    if (sw < 0 && lemma_in(d, n, (const char *const[]){"support", "backing", NULL})) return 1;
    /* "they faced no obvious military threat", "faces the threat of a
     * strike": a threat with no one named making it is a risk, no act */
    if (sw < 0 && lemma_in(d, n, (const char *const[]){"threat", "threatening", "warning", NULL})) return 1;
    /* the code: the head's plainest pattern with both sides (no extra words) */
    const ev_pat *best = NULL;
    for (int32_t pi = first; pi >= 0; pi = c->x->pats[pi].next) {
        const ev_pat *p = &c->x->pats[pi];
        if (!p->noun || !p->has_src || p->npn || p->nmods) continue;
        if (!best || (p->has_tgt && !best->has_tgt)) best = p;
    }
    if (!best) return 0;
    ev_pat q = *best;
    q.has_tgt = 1;
    q.tgt_pre = 0;
    int got = emit_at(c, &q, n, (uint32_t)h, sw, tw, sw < 0 ? EMIT_NO_SRC : 0);
    return got < 0 ? -1 : got > 0;
}

/* Heads whose event-noun compound names a kind of thing ("war game", "war
 * chest", "attack helicopter", "strike force"). */
static const char *const KIND_HEADS[] = {"game", "chest", "room", "veteran", "memorial", "cemetery", "museum",
                                         "widow", "correspondent", "movie", "film", "novel", "hero", "footing",
                                         "helicopter", "dog", "plane", "aircraft", "jet", "submarine", "drill",
                                         "simulation", "exercise", "game-play", "photographer", "reporter", NULL};

/* The other side of a talk that is a news conference or an interview. */
static const char *const PRESS_SIDES[] = {"reporter", "journalist", "press", "correspondent", "newsman",
                                          "analyst", "medium", "media", NULL};

/* Nouns whose "of" phrase is the talks themselves: "the first round of
 * talks with Jaruzelski", "a series of meetings with". */
static const char *const ROUND_HEADS[] = {"round", "series", "session", NULL};

/* "De Croo, here for talks with Administration officials, said ...": talks
 * "for" which someone is "here" or "there", the adverb hung on an actor
 * noun (an appositive of the speaker), are that actor's.  The actor word,
 * or -1. */
static int32_t here_visitor(const sctx *c, uint32_t n, int32_t h) {
    const dyad_doc *d = c->d;
    if (d->an[n].deprel != DEP_OBL || !has_case(c, n, "for")) return -1;
    if (h < (int32_t)c->first || h >= (int32_t)c->last || d->an[h].upos != UPOS_ADV ||
        !lemma_in(d, (uint32_t)h, (const char *const[]){"here", "there", NULL}))
        return -1;
    int32_t a = d->an[h].head;
    if (a < (int32_t)c->first || a >= (int32_t)c->last || (d->an[a].upos != UPOS_PROPN && d->an[a].upos != UPOS_NOUN))
        return -1;
    return actor_at(c, (uint32_t)a) >= 0 ? a : -1;
}

/* The source of a nominal visit or meeting that is an adjunct of another
 * clause, when the noun names none: "In a visit to Tunis, Macron
 * criticised NATO", "During talks with Abe, Trump agreed to ...": the
 * visitor is the subject of the clause the phrase hangs on (n's head h).
 * Only a 04 code (meeting, visit), only a time phrase ("in", "during",
 * "on", "at", "after") or a predicate ("is on a visit to"), and only an
 * actor subject; -1 otherwise. */
static int32_t adjunct_visitor(const sctx *c, const ev_pat *p, uint32_t n, int32_t h) {
    const dyad_doc *d = c->d;
    if (strncmp(p->code, "04", 2) || !p->src_pre) return -1;
    /* "The Chinese premier is on a visit to Kenya", "Scalise, who is on a
     * visit to Morocco": the noun is the predicate and its subject the
     * visitor (the relative pronoun's antecedent) */
    if (has_case(c, n, "on")) {
        int32_t sj = -1, cop = 0;
        KIDS(c, n) {
            if (d->an[k].deprel == DEP_NSUBJ) sj = k;
            if (d->an[k].deprel == DEP_COP) cop = 1;
        }
        if (sj >= 0 && cop && lemma_in(d, (uint32_t)sj, (const char *const[]){"who", "that", NULL}) &&
            d->an[n].deprel == DEP_ACL_RELCL)
            sj = h;
        if (sj >= 0 && cop && sj >= (int32_t)c->first && sj < (int32_t)c->last && !lemma_is(d, (uint32_t)sj, "it") &&
            actor_at(c, (uint32_t)sj) >= 0)
            return sj;
    }
    int32_t hv = here_visitor(c, n, h);
    if (hv >= 0) return hv;
    /* "during the first round of talks with Jaruzelski": the phrase is the
     * round's */
    if (d->an[n].deprel == DEP_NMOD && has_case(c, n, "of") && h >= (int32_t)c->first && h < (int32_t)c->last &&
        lemma_in(d, (uint32_t)h, ROUND_HEADS)) {
        n = (uint32_t)h;
        h = d->an[n].head;
    }
    if (d->an[n].deprel != DEP_OBL) return -1;
    if (h < (int32_t)c->first || h >= (int32_t)c->last || d->an[h].upos != UPOS_VERB) return -1;
    if (!has_case(c, n, "in") && !has_case(c, n, "during") && !has_case(c, n, "on") && !has_case(c, n, "at") &&
        !has_case(c, n, "after"))
        return -1;
    /* a call or a talk with reporters, analysts or an editorial board is a
     * news conference or an interview, no meeting (rule 3 of EVENTS.md);
     * so is mostly a "conversation with" someone */
    if (lemma_is(d, n, "conversation")) return -1;
    KIDS(c, n) {
        if (d->an[k].deprel == DEP_NMOD && has_case(c, (uint32_t)k, "with") &&
            (lemma_in(d, (uint32_t)k, PRESS_SIDES) || (lemma_is(d, (uint32_t)k, "board") && has_mod(c, k, "editorial"))))
            return -1;
    }
    roles r;
    gather(c, (uint32_t)h, &r);
    /* "it will recur in talks with Argentina": a thing, not a visitor */
    if (r.subj < 0 || lemma_is(d, (uint32_t)r.subj, "it") || actor_at(c, (uint32_t)r.subj) < 0) return -1;
    return r.subj;
}

/* An event noun that is a compound modifier of another event noun names
 * that event's topic, not an event of its own: "opened free trade talks"
 * are talks (046), no trade (061); "a trade war" is a war.  The head must
 * itself head [noun] patterns. */
static int topic_compound(const sctx *c, uint32_t n) {
    const dyad_doc *d = c->d;
    int32_t h = d->an[n].head;
    if (d->an[n].deprel != DEP_COMPOUND || h <= (int32_t)n || h >= (int32_t)c->last || d->an[h].upos != UPOS_NOUN)
        return 0;
    const char *l = lemma_of(d, (uint32_t)h);
    for (int32_t pi = lookup_head(c->x, l, strlen(l)); pi >= 0; pi = c->x->pats[pi].next)
        if (c->x->pats[pi].noun) return 1;
    return 0;
}

/* Try the patterns headed by noun n: "talks between X and Y", "Lula's
 * meeting with Ramaphosa", "sanctions against Iran". */
static int code_noun(const sctx *c, uint32_t n, int32_t first, const uint8_t *used) {
    const dyad_doc *d = c->d;
    if (used[n - c->first]) return 0;
    int32_t hv = d->an[n].head;
    /* "war games", "war chest", "war veterans", "attack helicopter": an
     * event noun that is a compound modifier of a noun of these names a
     * kind of thing, not an event */
    if (d->an[n].deprel == DEP_COMPOUND && hv > (int32_t)n && hv < (int32_t)c->last &&
        lemma_in(d, (uint32_t)hv, KIND_HEADS))
        return 0;
    if (topic_compound(c, n)) return 0;
    /* the object of a demand or an appeal is not an event that happened */
    if ((d->an[n].deprel == DEP_OBJ || d->an[n].deprel == DEP_OBL) && hv >= (int32_t)c->first &&
        lemma_in(d, (uint32_t)hv, (const char *const[]){"demand", "call", "urge", "seek", "want", "ask",
                                                                     "request", "propose", "reject", "oppose", NULL}))
        return 0;
    /* "launched a mediation effort between X and Y": the event noun
     * modifies the light verb's object, whose phrases are the event's */
    uint32_t nn = n;
    int dayobj = 0;
    if (d->an[n].deprel == DEP_COMPOUND && hv > (int32_t)n && hv < (int32_t)c->last &&
        d->an[hv].upos == UPOS_NOUN && d->an[hv].deprel == DEP_OBJ && !lemma_in(d, (uint32_t)hv, STATEMENTS)) {
        /* (not "delivered her acceptance speech": a speech or an ad
         * names its topic) */
        int32_t g = d->an[hv].head;
        if (g >= (int32_t)c->first && g < (int32_t)c->last && d->an[g].upos == UPOS_VERB && lemma_in(d, (uint32_t)g, LIGHT)) {
            nn = (uint32_t)hv;
            hv = g;
        }
    }
    /* "reiterated its demand today that ...", parsed with the day an
     * unmarked oblique of the verb and the noun its compound: the noun is
     * the verb's object, and the phrases hung on the day are its own */
    if (d->an[n].deprel == DEP_COMPOUND && hv == (int32_t)n + 1 && hv < (int32_t)c->last &&
        d->an[hv].deprel == DEP_OBL_UNMARKED && lemma_in(d, (uint32_t)hv, DAY_WORDS)) {
        int32_t g = d->an[hv].head;
        if (g >= (int32_t)c->first && g < (int32_t)c->last && d->an[g].upos == UPOS_VERB) {
            nn = (uint32_t)hv;
            hv = g;
            dayobj = 1;
        }
    }
    /* "unleashed withering attacks", with "withering" read as a gerund
     * whose object is the noun: an -ing word right before the noun, with
     * no subject or auxiliary of its own, is the noun's adjective, and the
     * noun is the object of the verb above it */
    uint8_t nrel = dayobj ? DEP_OBJ : d->an[nn].deprel;
    if (nrel == DEP_OBJ && hv == (int32_t)nn - 1 && d->an[hv].xpos == XPOS_VBG && d->an[hv].deprel == DEP_XCOMP &&
        !has_aux(c, (uint32_t)hv)) {
        int sub = 0;
        KIDS(c, (uint32_t)hv) {
            if (d->an[k].deprel == DEP_NSUBJ) sub = 1;
        }
        int32_t g = d->an[hv].head;
        if (!sub && g >= (int32_t)c->first && g < (int32_t)c->last && d->an[g].upos == UPOS_VERB) hv = g;
    }
    /* "didn't take the threat seriously", "took the warnings to heart":
     * heeding a threat, not making one */
    if (nrel == DEP_OBJ && hv >= (int32_t)c->first && hv < (int32_t)c->last && lemma_is(d, (uint32_t)hv, "take") &&
        lemma_in(d, n, (const char *const[]){"threat", "warning", "ultimatum", NULL}))
        return 0;
    /* "a roll call vote" is no call */
    if (lemma_is(d, n, "call")) {
        KIDS(c, n) {
            if (d->an[k].deprel == DEP_COMPOUND && lemma_is(d, (uint32_t)k, "roll")) return 0;
        }
    }
    /* under a light verb: its subject can be the source */
    int32_t lv = -1, lsubj = -1, liobj = -1;
    int intent = 0; /* "threatened a curfew": mode and intent read at the noun */
    int meets = 0;  /* "came out of meetings with", "attended talks with" */
    if ((nrel == DEP_OBJ || nrel == DEP_OBL) && hv >= (int32_t)c->first &&
        hv < (int32_t)c->last && d->an[hv].upos == UPOS_VERB && lemma_in(d, (uint32_t)hv, ATTEND))
        for (int32_t pi = first; pi >= 0 && !meets; pi = c->x->pats[pi].next)
            meets = c->x->pats[pi].noun && !strncmp(c->x->pats[pi].code, "04", 2);
    if (hv >= (int32_t)c->first && hv < (int32_t)c->last &&
        ((nrel == DEP_OBJ && d->an[hv].upos == UPOS_VERB) || meets) &&
        (meets || lemma_in(d, (uint32_t)hv, LIGHT) || (intent = lemma_in(d, (uint32_t)hv, INTENT_OBJ)))) {
        roles r;
        gather(c, (uint32_t)hv, &r);
        lv = hv;
        lsubj = r.subj >= 0 ? r.subj : inherited_subject(c, (uint32_t)hv, 0);
        if (r.iobj >= 0 && actor_at(c, (uint32_t)r.iobj) >= 0) liobj = r.iobj; /* "gave Bush his seal of approval" */
        if (lsubj >= 0 && actor_at(c, (uint32_t)lsubj) < 0) lsubj = -1;
        if (intent && lsubj < 0) return 0; /* an intention nobody named stated */
    }
    /* "Clinton faced criticism from Sanders", "Trump won the endorsement of
     * Christie", "came under attack from": the receiver is the target */
    if (lv < 0) {
        int rc = code_received(c, n, first);
        if (rc) return rc < 0 ? -1 : 0;
    }
    const ev_pat *best = NULL, *notgt = NULL;
    int32_t bs = -1, bt = -1, ns = -1;
    for (int32_t pi = first; pi >= 0; pi = c->x->pats[pi].next) {
        const ev_pat *p = &c->x->pats[pi];
        if (!p->noun) continue;
        if (best && p->nwords < best->nwords) continue;
        /* a repeated word is a repeated statement: "reiterated its
         * criticism", "repeated his call for"; not "reiterate its agreement
         * to keep output", "repeating a Mexico-type accord", which sign
         * nothing */
        if (lv >= 0 && lemma_in(d, (uint32_t)lv, REPEAT_VERBS)) {
            int quad = 0;
            ev_lex_code_info(c->x, p->code, &quad, NULL);
            if ((quad != 1 && quad != 3) || !strncmp(p->code, "057", 3)) continue;
        }
        int ok = 1;
        for (int m = 0; m < p->nmods && ok; m++) ok = has_mod(c, (int32_t)n, p->mods[m]); /* "peace agreement" */
        int32_t pnw[3];
        if (!ok || (p->npn && !find_pn(c, p, nn, -1, pnw))) continue;
        int32_t sw = -1, tw = -1;
        if (p->has_tgt && p->tgt_pn >= 0) tw = pn_target(c, p, pnw);
        KIDS(c, nn) {
            uint8_t rel = d->an[k].deprel;
            if (p->has_src && sw < 0) {
                if (p->src_pre && (rel == DEP_NMOD_POSS || rel == DEP_COMPOUND || rel == DEP_AMOD) &&
                    actor_at(c, (uint32_t)k) >= 0)
                    sw = k;
                else if (p->src_prep && (rel == DEP_NMOD || rel == DEP_ACL) && has_case(c, (uint32_t)k, p->src_prep))
                    sw = k;
            }
            if (p->has_tgt && tw < 0 && p->tgt_pn < 0 && p->tgt_prep && (rel == DEP_NMOD || rel == DEP_ACL) &&
                has_case(c, (uint32_t)k, p->tgt_prep))
                tw = k;
            /* "Navalny's arrest", "the Navalny arrest": the undergoer stands
             * before a noun of what is done to someone.  Not an adjective:
             * "the Iranian detention" names the jailer as often as the
             * jailed; and a compound only when it names a person: "the
             * Orlando killings" are the place's */
            if (p->tgt_pre && tw < 0 && k < (int32_t)nn && (rel == DEP_NMOD_POSS || rel == DEP_COMPOUND)) {
                int32_t a = actor_at(c, (uint32_t)k);
                if (a >= 0 && (rel == DEP_NMOD_POSS || d->actors[a].type == ENT_PERSON)) tw = k;
            }
        }
        /* "a critique of Clinton's handling of Benghazi": a target that is
         * a thing stands for its owner */
        if (p->has_tgt && tw >= 0 && actor_at(c, (uint32_t)tw) < 0 && d->an[tw].upos == UPOS_NOUN)
            KIDS(c, (uint32_t)tw) {
                if (k < tw && d->an[k].deprel == DEP_NMOD_POSS && actor_at(c, (uint32_t)k) >= 0) {
                    tw = k;
                    break;
                }
            }
        /* "between X and Y": Y is X's conjunct */
        if (p->has_tgt && tw < 0 && sw >= 0 && p->tgt_prep && !strcmp(p->tgt_prep, "and")) {
            KIDS(c, (uint32_t)sw) {
                if (d->an[k].deprel == DEP_CONJ) {
                    tw = k;
                    break;
                }
            }
        }
        /* a demand or an appeal asks the subject of its that-clause:
         * "reiterated its demand that Israel ease restrictions" (the
         * clause on the noun or, after it, on the light verb) */
        if (p->has_tgt && tw < 0 && p->tgt_prep && lemma_in(d, n, DEMAND_NOUNS) && strncmp(p->code, "04", 2)) {
            int32_t a = demand_phrase(c, nn);
            for (int pass = 0; pass < 2 && a < 0; pass++) {
                int32_t hh = pass ? lv : (int32_t)nn;
                if (hh < 0) continue;
                KIDS(c, (uint32_t)hh) {
                    uint8_t kr = d->an[k].deprel;
                    if (a >= 0 || k <= (int32_t)nn || (kr != DEP_CCOMP && kr != DEP_ACL)) continue;
                    if (d->an[k].upos != UPOS_VERB || has_to_mark(c, (uint32_t)k)) continue;
                    for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first])
                        if (d->an[g].deprel == DEP_NSUBJ && g < k && actor_at(c, (uint32_t)g) >= 0) a = g;
                }
            }
            if (a >= 0) tw = a;
        }
        /* a call that asks for something ("its call for Israel to lift",
         * "a call for calm") is no phone call; one that asks nothing ("made
         * a call to Putin") is no appeal */
        if (lemma_is(d, n, "call") && lv >= 0 && (!strncmp(p->code, "04", 2) || !strncmp(p->code, "02", 2))) {
            int phone = !strncmp(p->code, "04", 2);
            /* (a repeated call is never a phone call: "repeated his call for
         * an export program") */
        if (phone == call_asks(c, nn, (uint32_t)lv) || (phone && lemma_in(d, (uint32_t)lv, REPEAT_VERBS))) continue;
        }
        if (p->has_src && sw < 0 && lsubj >= 0 && (p->src_pre || (p->src_prep && !strcmp(p->src_prep, "by"))))
            sw = lsubj;
        if (p->has_src && sw < 0 && lv < 0) sw = adjunct_visitor(c, p, n, hv);
        if (p->has_tgt && tw < 0 && liobj >= 0 && liobj != sw) tw = liobj;
        if (p->tgt_lemma && (tw < 0 || !lemma_is(d, (uint32_t)tw, p->tgt_lemma))) continue; /* "expulsion of TGT=diplomat" */
        if (p->has_src && sw < 0) continue;
        if (p->has_tgt && (tw < 0 || (lv >= 0 && !strncmp(p->code, "09", 2) && actor_at(c, (uint32_t)tw) < 0))) {
            /* "staged mass demonstrations": no target, kept aside; so is
             * an inquiry into a thing ("opened a hearing into the
             * legality of ...") */
            if (lv >= 0 && (!notgt || p->nwords > notgt->nwords)) notgt = p, ns = sw;
            continue;
        }
        best = p;
        bs = sw;
        bt = tw;
    }
    /* a nominal event is as factual as the clause it sits in: "would
     * allow the return of inspectors", "did not hold talks" */
    uint32_t mv = n;
    if (lv >= 0 && !intent) mv = (uint32_t)lv;
    else if (intent) mv = nn;
    else if (hv >= (int32_t)c->first && hv < (int32_t)c->last && d->an[hv].upos == UPOS_VERB) {
        uint8_t rel = d->an[n].deprel;
        /* but an act someone's own, named as the subject or an adjunct of
         * another clause, happened whatever that clause says: "Kadzik's
         * refusal to answer did not go over well", "stances that could be
         * imperiled with his endorsement of Trump" */
        int owned = 0;
        KIDS(c, n) {
            if (d->an[k].deprel == DEP_NMOD_POSS && k < (int32_t)n) owned = 1;
        }
        if (rel == DEP_OBJ || ((rel == DEP_OBL || rel == DEP_NSUBJ || rel == DEP_NSUBJ_PASS) && !owned)) mv = (uint32_t)hv;
    }
    /* "Sessions offered his own endorsement": the light verb's subject,
     * not the possessive pronoun (which is that subject's) */
    if (lsubj >= 0 && bs >= 0 && bs != lsubj && d->an[bs].upos == UPOS_PRON && d->an[bs].deprel == DEP_NMOD_POSS)
        bs = lsubj;
    if (lsubj >= 0 && ns >= 0 && ns != lsubj && d->an[ns].upos == UPOS_PRON && d->an[ns].deprel == DEP_NMOD_POSS)
        ns = lsubj;
    /* "his comments on Muslims": a statement is an event only when made
     * ("made comments about"), not when referred to */
    if (best && lv < 0 && !strcmp(best->code, "010")) return 0;
    if (best) return emit_at(c, best, n, mv, bs, bt, 0) < 0 ? -1 : 0;
    /* "left the breakfast", "flew back to attend meetings": taking part
     * is a consultation only with someone named */
    if (!notgt || (ns < 0 && notgt->has_src)) return 0;
    int got = 0;
    int32_t js[4];
    int nj = joint_members(c, ns, js); /* "Israel and Lebanon renewed negotiations" */
    /* joint sides taking part meet each other: "U.S. and Russian
     * negotiators return to Geneva for talks" */
    if (meets && nj < 2) return 0;
    for (int i = 0; i < nj; i++)
        for (int j = 0; j < nj; j++) {
            if (i == j) continue;
            int g = emit_at(c, notgt, n, mv, js[i], js[j], EMIT_SINGLE);
            if (g < 0) return -1;
            got += g;
        }
    if (!got && emit_at(c, notgt, n, mv, ns, -1, EMIT_NO_TGT) < 0) return -1;
    return 0;
}

/* One act, one event: drop the events of a sentence, from index ev0 on,
 * that another event of the sentence already says.  An event with no
 * target gives way to one of the same source and root with a target
 * ("Britain has threatened" beside "threatened to impose restrictions on
 * Japanese banks"; "they attacked" beside "attacked the USS Cole"), and a
 * second event with the same code and sides as an earlier one ("ministers
 * and bankers meet ... to discuss", read once on "meet" and once on
 * "discuss") is dropped.  Only events whose spans overlap: "attacked Rubio
 * ..., and tripped him up by calling him out" stays two rows. */
static void prune_sentence(dyad_doc *d, size_t ev0) {
    size_t n = d->nevent, out = ev0;
    for (size_t i = ev0; i < n; i++) {
        const devent *e = &d->events[i];
        int drop = 0;
        for (size_t j = ev0; j < n && !drop; j++) {
            const devent *f = &d->events[j];
            if (j == i || f->source != e->source) continue;
            /* only within one clause: two attacks in two clauses are two rows */
            if (f->end <= e->start || e->end <= f->start) continue;
            if (e->target < 0 && f->target >= 0 && e->code[0] == f->code[0] && e->code[1] == f->code[1]) drop = 1;
            else if (j < i && f->target == e->target && !strcmp(f->code, e->code)) drop = 1;
            /* "pledged to impose sanctions": the pledge of a specific act
             * is coded by the act's intent code (a 03x or 13x over the
             * infinitive), so the generic intent 030 of "pledge" is the
             * same act twice */
            else if (!strcmp(e->code, "030") && strcmp(f->code, "030") && f->code[1] == '3' &&
                     (f->code[0] == '0' || f->code[0] == '1') && f->start <= e->start && f->end > e->end)
                drop = 1;
            /* "refuses to take responsibility": the refusal of an act the
             * coder knows is coded by that act (negated, or its rejection
             * code over the infinitive), so a generic 120 of "refuse"
             * with no target beside it is the same act twice.  Only a
             * refused act (negated, or a rejection): "Italy, which refused
             * to join the pact, was invited back" keeps its refusal */
            else if (!strcmp(e->code, "120") && e->target < 0 && strcmp(f->code, "120") && f->start <= e->start &&
                     f->end > e->end && (f->mode == MODE_NEGATED || (f->code[0] == '1' && f->code[1] == '2')))
                drop = 1;
        }
        if (drop) continue;
        if (out != i) d->events[out] = d->events[i];
        out++;
    }
    d->nevent = out;
}

/* Name-calling: "calling him a 'loser'", "branded the governor a liar",
 * "painting her rival as a man too unqualified for the job".  A verb of
 * naming or portraying whose object is an actor and whose predicate (a
 * second object, an xcomp or ccomp, an "as" phrase) holds a pejorative
 * word is criticism (111); a neutral predicate ("called him a friend",
 * "described him as a senator") is nothing here. */
static const char *const NAME_CALL[] = {"call", "brand", "label", "dub", "paint", "portray", "describe",
                                        "characterize", "characterise", "depict", "cast", "deride", "dismiss",
                                        NULL};
static const char *const PEJORATIVE[] = {
    "loser", "liar", "racist", "bigot", "bigoted", "fraud", "crook", "crooked", "idiot", "clown", "disgrace",
    "failure", "hypocrite", "hypocritical", "coward", "puppet", "extremist", "demagogue", "phony", "joke",
    "dangerous", "unfit", "unqualified", "incompetent", "dishonest", "corrupt", "stupid", "dumb", "pathetic",
    "lightweight", "traitor", "hack", "bully", "sexist", "misogynist", "xenophobe", "xenophobic", "fascist",
    "troublemaker", "obnoxious", "disaster", "disastrous", "menace", "thug", "criminal", "moron", "embarrassment",
    "fake", "sleazy", "unstable", "unhinged", "reckless", "radical", "nut", "crazy", "lunatic", "psycho",
    "charlatan", "con", "huckster", "swindler", "weak", "spineless", "clueless", "ignorant", "divisive",
    "hateful", "vile", "deplorable", "despicable", "disgusting", "lie", "lying",
    "anti-semite", "anti-semitic", "nazi", "dictator", "tyrant", "authoritarian", "buffoon", "fool",
    "incompetence", "shameful", "unacceptable", "outrageous", "irresponsible", "hypocrisy", NULL};
static const ev_pat NAMECALL_PAT = {.code = "111", .has_src = 1, .has_tgt = 1, .src_pre = 1, .nwords = 2,
                                    .head = "call", .next = -1};

/* Word w, or a word under it within two levels, is pejorative. */
static int pejorative_at(const sctx *c, uint32_t w, int depth) {
    if (lemma_in(c->d, w, PEJORATIVE)) return 1;
    if (depth >= 2) return 0;
    KIDS(c, w) {
        uint8_t r = c->d->an[k].deprel;
        if (r == DEP_CASE || r == DEP_DET || r == DEP_PUNCT) continue;
        if (pejorative_at(c, (uint32_t)k, depth + 1)) return 1;
    }
    return 0;
}

static int code_namecall(const sctx *c, uint32_t v) {
    const dyad_doc *d = c->d;
    if (!lemma_in(d, v, NAME_CALL)) return 0;
    roles r;
    gather(c, v, &r);
    if (r.obj < 0 || actor_at(c, (uint32_t)r.obj) < 0) return 0;
    int32_t sw = r.subj >= 0 ? r.subj : inherited_subject(c, v, 0);
    if (sw < 0 || actor_at(c, (uint32_t)sw) < 0) return 0;
    int32_t pred[4];
    int np = 0;
    KIDS(c, v) {
        if (k <= r.obj || np >= 4) continue;
        uint8_t rel = d->an[k].deprel;
        if (rel == DEP_OBJ || rel == DEP_XCOMP || rel == DEP_CCOMP ||
            ((rel == DEP_OBL || rel == DEP_ADVCL) && has_case(c, (uint32_t)k, "as")))
            pred[np++] = k;
    }
    /* "called him a 'loser'" parsed with the predicate under the object
     * (an xcomp, an apposition, an "as" phrase) */
    KIDS(c, (uint32_t)r.obj) {
        if (np < 4 && k > r.obj &&
            (d->an[k].deprel == DEP_XCOMP || d->an[k].deprel == DEP_APPOS || has_case(c, (uint32_t)k, "as")))
            pred[np++] = k;
    }
    for (int i = 0; i < np; i++)
        if (pejorative_at(c, (uint32_t)pred[i], 0)) return emit(c, &NAMECALL_PAT, v, sw, r.obj, 0) < 0 ? -1 : 0;
    return 0;
}

/* "Russia said Sudan must return the helicopter": a statement that an
 * actor must act is a demand on it (CAMEO 100), whatever the act. */
static const char *const SAY_MUST[] = {"say", "declare", "reiterate", "conclude", "insist", "state", "stress", "tell",
                                       "add", "argue", "repeat", "emphasize", "emphasise", "announce", "write", NULL};
static const ev_pat MUST_PAT = {.code = "100", .has_src = 1, .has_tgt = 1, .src_pre = 1, .nwords = 2, .head = "say",
                                .next = -1};

/* "Finance Minister Funaro said Brazil must renew the credit lines", "the
 * minister said Indonesia should hold three months' supply": what a
 * speaker says his own country (the country as a whole, a bare country
 * code) must do is its policy or its need, no demand on another side. */
static int own_country_must(const sctx *c, int32_t sw, int32_t tw) {
    int32_t a = actor_at(c, (uint32_t)sw), b = actor_at(c, (uint32_t)tw);
    /* the country's name itself, not "the U.S.'s main industrial partners" */
    if (a < 0 || b < 0 || c->d->an[tw].upos != UPOS_PROPN) return 0;
    const dactor *x = &c->d->actors[a], *y = &c->d->actors[b];
    return strlen(y->code) == 3 && x->country[0] && !strcmp(x->country, y->code);
}

/* Whether "X said Y must/should <cv>" is a demand on Y, not an opinion
 * about what Y should be or do (rule 3 of tests/gold/EVENTS.md): Y is
 * named (no pronoun: "they should not be the ones to ask"), no voters or
 * public ("GOP voters should go with him"), and the clause is an act, a
 * verb that is neither a copula nor "be" or "have" ("Europe must be able
 * to defend itself", "he should be ashamed"). */
static const char *const MUST_PUBLIC[] = {"voter", "supporter", "people", "public", "american", "citizen", "resident",
                                          "electorate", "constituent", "everyone", "everybody", "nobody", "taxpayer",
                                          "consumer", "worker", "family", NULL};

static int must_demand(const sctx *c, uint32_t cv, uint32_t tw) {
    const dyad_doc *d = c->d;
    if (d->an[tw].upos == UPOS_PRON || lemma_in(d, tw, MUST_PUBLIC)) return 0;
    /* a thing ("his performance should boost ...") or a passive ("should
     * be permitted to") says what ought to happen, not what Y must do */
    if (lemma_in(d, tw, THINGS) || d->an[tw].deprel == DEP_NSUBJ_PASS) return 0;
    if (d->an[cv].upos != UPOS_VERB || lemma_in(d, cv, (const char *const[]){"be", "have", NULL})) return 0;
    KIDS(c, cv) {
        if (d->an[k].deprel == DEP_COP) return 0;
    }
    return 1;
}

static int code_must(const sctx *c, uint32_t v) {
    const dyad_doc *d = c->d;
    if (!lemma_in(d, v, SAY_MUST)) return 0;
    roles r;
    gather(c, v, &r);
    int32_t sw = r.subj >= 0 ? r.subj : inherited_subject(c, v, 0);
    if (sw < 0) return 0;
    for (int i = 0; i < r.nccomp; i++) {
        int32_t cv = r.ccomp[i], tw = -1;
        int must = 0;
        KIDS(c, (uint32_t)cv) {
            uint8_t rel = d->an[k].deprel;
            if (rel == DEP_AUX && lemma_in(d, (uint32_t)k, (const char *const[]){"must", "should", NULL})) must = 1;
            if ((rel == DEP_NSUBJ || rel == DEP_NSUBJ_PASS) && tw < 0) tw = k;
        }
        if (!must || tw < 0 || actor_at(c, (uint32_t)tw) < 0) continue;
        if (!must_demand(c, (uint32_t)cv, (uint32_t)tw)) continue;
        if (own_country_must(c, sw, tw)) continue;
        return emit(c, &MUST_PAT, v, sw, tw, 0) < 0 ? -1 : 0;
    }
    return 0;
}

/* The patterns of a verb whose lemma heads none, read from its surface
 * form: the lemmatizer now and then misses a regular form ("rioted" ->
 * "riote").  Tries the stem without "-ed", "-d", "-ing", "-s", "-es",
 * with "-ied"/"-ies" -> "y" and a doubled final consonant undone
 * ("stopped").  -1 when none of them heads patterns. */
static int32_t lookup_surface(const ev_lex *x, const dyad_doc *d, uint32_t t) {
    const tok *k = &d->toks[t];
    size_t n = k->end - k->start;
    if (n < 4 || n > 30) return -1;
    char w[40];
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)d->text[k->start + i];
        if (ch >= 'A' && ch <= 'Z') ch = (unsigned char)(ch + 32);
        if (ch < 'a' || ch > 'z') return -1;
        w[i] = (char)ch;
    }
    w[n] = '\0';
    if (n > 4 && !memcmp(w + n - 4, "held", 4)) { /* "withheld", "upheld" */
        char stem[40];
        memcpy(stem, w, n);
        memcpy(stem + n - 4, "hold", 4);
        int32_t f = lookup_head(x, stem, n);
        if (f >= 0) return f;
    }
    /* "-d" before "-ed": "raped" is "rape", not "rap" */
    static const char *const SUF[] = {"ied", "ies", "d", "ed", "ing", "es", "s", NULL};
    for (int si = 0; SUF[si]; si++) {
        size_t sl = strlen(SUF[si]);
        if (n <= sl + 2 || memcmp(w + n - sl, SUF[si], sl)) continue;
        char stem[40];
        size_t m = n - sl;
        memcpy(stem, w, m);
        stem[m] = '\0';
        if (sl == 3 && SUF[si][0] == 'i' && SUF[si][1] == 'e') stem[m++] = 'y', stem[m] = '\0';
        int32_t f = lookup_head(x, stem, m);
        if (f >= 0) return f;
        if (!strcmp(SUF[si], "ing")) { /* "raising" -> "raise" */
            stem[m] = 'e';
            f = lookup_head(x, stem, m + 1);
            if (f >= 0) return f;
        }
        if (m >= 3 && stem[m - 1] == stem[m - 2] && (si == 3 || si == 4)) { /* "stopped", "shelling" */
            f = lookup_head(x, stem, m - 1);
            if (f >= 0) return f;
        }
    }
    return -1;
}

/* Word w has a copula: an adjective that is its clause's predicate. */
static int has_cop(const sctx *c, uint32_t w) {
    KIDS(c, w) {
        if (c->d->an[k].deprel == DEP_COP) return 1;
    }
    return 0;
}

/* Subjects of "call for" that are texts, not actors: "the plan calls for
 * income to exceed expenditure", "the agreement calls for Pagex to buy". */
static const char *const CALLING_TEXTS[] = {"plan", "agreement", "accord", "pact", "deal", "contract", "bill",
                                            "amendment", "proposal", "budget", "arrangement", "program",
                                            "programme", "package", "policy", "law", "legislation", "measure",
                                            "survey", "report", "study", "resolution", "statement", "option",
                                            "treaty", "draft", "scheme", "formula", "offer", "document", NULL};

/* What a bond or a contract is "called for", and who forecasts. */
static const char *const FINANCE_CALLS[] = {"redemption", "bid", "tender", "issue", NULL};
static const char *const FORECASTERS[] = {"analyst", "economist", "dealer", "trader", "forecaster", "broker", NULL};

/* "President Reagan called for continued nondiscriminatory treatment",
 * "the subcommittee also called for the administration to consider
 * retaliation": an actor's call for something that no "call for" pattern
 * names is an appeal, 020 (rule 5 of EVENTS.md), tried only when the verb
 * coded nothing.  The target is the subject of a "for X to ..." clause when
 * it is an actor ("the administration"), else none.  Not a call with an
 * object ("called the strike", "called him a liar"), a passive ("is called
 * for"), nor a text as subject (CALLING_TEXTS).  1 when coded, 0 when not,
 * -1 out of memory. */
static int call_for_appeal(const sctx *c, uint32_t v) {
    const dyad_doc *d = c->d;
    if (d->an[v].upos != UPOS_VERB || !lemma_is(d, v, "call")) return 0;
    roles r;
    gather(c, v, &r);
    if (r.obj >= 0 || r.subj_pass >= 0 || r.iobj >= 0) return 0;
    int32_t what = -1, tw = -1;
    KIDS(c, v) {
        if (what >= 0 || k < (int32_t)v) continue;
        uint8_t kr = d->an[k].deprel;
        if (kr == DEP_OBL && has_case(c, (uint32_t)k, "for") &&
            (d->an[k].upos == UPOS_NOUN || d->an[k].upos == UPOS_PROPN)) {
            what = k;
            /* "called for the administration to consider": the actor asked */
            for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first])
                if (d->an[g].deprel == DEP_ACL && has_to_mark(c, (uint32_t)g) && actor_at(c, (uint32_t)k) >= 0) tw = k;
        } else if ((kr == DEP_ADVCL || kr == DEP_CCOMP || kr == DEP_XCOMP) && d->an[k].upos == UPOS_VERB) {
            int forc = 0;
            int32_t sj = -1;
            for (int32_t g = c->child[k - c->first]; g >= 0; g = c->sib[g - c->first]) {
                if (d->an[g].deprel == DEP_MARK && lemma_is(d, (uint32_t)g, "for") && g == (int32_t)v + 1) forc = 1;
                if (d->an[g].deprel == DEP_NSUBJ || d->an[g].deprel == DEP_NSUBJ_PASS) sj = g;
            }
            if (!forc) continue;
            what = k;
            if (sj >= 0 && actor_at(c, (uint32_t)sj) >= 0) tw = sj;
        }
    }
    if (what < 0 || (r.xcomp >= 0 && d->an[r.xcomp].upos != UPOS_VERB)) return 0; /* "an organisation called X" */
    /* "called for redemption of its notes", "called for new bids": a bond's
     * or a contract's call */
    if (d->an[what].upos == UPOS_NOUN && lemma_in(d, (uint32_t)what, FINANCE_CALLS)) return 0;
    int32_t sw = r.subj >= 0 ? r.subj : inherited_subject(c, v, 0);
    /* "a complaint calling for his expulsion", "remarks by U.S. officials
     * calling for a decline": a participle on a noun is that noun's call,
     * coded only when the noun is itself an actor */
    if (d->an[v].deprel == DEP_ACL) {
        int32_t h = d->an[v].head;
        if (h < (int32_t)c->first || h >= (int32_t)c->last || actor_at(c, (uint32_t)h) < 0) return 0;
        sw = h;
    }
    /* "analysts are calling for higher prices": a forecast */
    if (sw >= 0 && lemma_in(d, (uint32_t)sw, FORECASTERS)) return 0;
    if (sw >= 0 && actor_at(c, (uint32_t)sw) < 0) sw = pronoun_antecedent(c, v, sw);
    if (sw < 0 || actor_at(c, (uint32_t)sw) < 0 || lemma_in(d, (uint32_t)sw, CALLING_TEXTS) ||
        lemma_in(d, (uint32_t)sw, STATEMENTS))
        return 0;
    /* the template: the plain appeal "SRC call on TGT to" (020) */
    const ev_pat *t = NULL;
    for (int32_t pi = lookup_head(c->x, "call", 4); pi >= 0 && !t; pi = c->x->pats[pi].next)
        if (!c->x->pats[pi].noun && !strcmp(c->x->pats[pi].code, "020") && c->x->pats[pi].has_src) t = &c->x->pats[pi];
    if (!t) return 0;
    ev_pat q = *t;
    q.has_tgt = 1;
    q.obj = q.prt = q.tgt_prep = q.tgt_lemma = NULL;
    q.npn = 0;
    q.nmods = 0;
    q.tgt_pn = -1;
    q.to_clause = 0;
    int got = emit_at(c, &q, v, v, sw, tw, tw < 0 ? EMIT_NO_TGT : 0);
    return got < 0 ? -1 : got > 0;
}

/* A preposition the parser made the head of the name after it: "stood by
 * Donald Trump", "rallied behind Donald Trump", "hit back at Donald Trump",
 * with "Donald" a flat or goeswith dependent of the preposition and the
 * preposition an oblique or adverb of the verb.  The name's first word then
 * takes the preposition's place and the preposition becomes its case
 * marker, as in a right parse.  The changed heads and relations are saved
 * in saved[] (token, head, deprel) for event_run to put back after the
 * sentence, so that later stages see the parser's own tree.  Returns the
 * number of tokens saved. */
static size_t repair_prep_heads(dyad_doc *d, uint32_t first, uint32_t last, int32_t *saved, size_t cap) {
    size_t ns = 0;
    for (uint32_t t = first; t + 1 < last && ns + 2 <= cap; t++) {
        tokan *a = &d->an[t], *b = &d->an[t + 1];
        if (a->upos != UPOS_ADP || b->upos != UPOS_PROPN || b->head != (int32_t)t) continue;
        if (a->deprel != DEP_OBL && a->deprel != DEP_ADVMOD && a->deprel != DEP_NMOD) continue;
        if (b->deprel != DEP_FLAT && b->deprel != DEP_GOESWITH && b->deprel != DEP_COMPOUND) continue;
        if (a->head < (int32_t)first || a->head >= (int32_t)last) continue;
        int has_case_kid = 0;
        for (uint32_t k = first; k < last; k++)
            if (d->an[k].head == (int32_t)t && d->an[k].deprel == DEP_CASE) has_case_kid = 1;
        if (has_case_kid) continue;
        saved[ns * 3] = (int32_t)t, saved[ns * 3 + 1] = a->head, saved[ns * 3 + 2] = a->deprel, ns++;
        saved[ns * 3] = (int32_t)(t + 1), saved[ns * 3 + 1] = b->head, saved[ns * 3 + 2] = b->deprel, ns++;
        b->head = a->head;
        /* "hit back at Donald Trump", with "at" under "back": the verb's */
        int32_t h = a->head;
        if (d->an[h].upos == UPOS_ADV && d->an[h].deprel == DEP_ADVMOD && d->an[h].head >= (int32_t)first &&
            d->an[h].head < (int32_t)last)
            b->head = d->an[h].head;
        b->deprel = a->deprel == DEP_NMOD ? DEP_NMOD : DEP_OBL; /* "meetings with Donald Trump": on a noun */
        a->head = (int32_t)(t + 1);
        a->deprel = DEP_CASE;
        /* the preposition's other dependents go with the name; they are
         * few, and saving them keeps the restore exact */
        for (uint32_t k = first; k < last && ns < cap; k++) {
            if (k == t + 1 || d->an[k].head != (int32_t)t) continue;
            saved[ns * 3] = (int32_t)k, saved[ns * 3 + 1] = d->an[k].head, saved[ns * 3 + 2] = d->an[k].deprel, ns++;
            d->an[k].head = (int32_t)(t + 1);
        }
    }
    return ns;
}

/* Puts back what repair_prep_heads changed, newest first. */
static void restore_heads(dyad_doc *d, const int32_t *saved, size_t ns) {
    while (ns-- > 0) {
        d->an[saved[ns * 3]].head = saved[ns * 3 + 1];
        d->an[saved[ns * 3]].deprel = (uint8_t)saved[ns * 3 + 2];
    }
}

int event_run(const ev_lex *x, dyad_doc *d) {
    d->nevent = 0;
    if (!x || !x->npat || !d->an || !d->parsed || !d->ntok) return DYAD_OK;
    size_t n = d->ntok;
    int32_t *actor_of = arena_alloc(&d->a, n * sizeof *actor_of);
    uint32_t *best_len = arena_alloc(&d->a, n * sizeof *best_len);
    uint32_t *mstart = arena_alloc(&d->a, n * sizeof *mstart), *mend = arena_alloc(&d->a, n * sizeof *mend);
    if (!actor_of || !best_len || !mstart || !mend) return DYAD_ENOMEM;
    for (size_t i = 0; i < n; i++) actor_of[i] = -1, best_len[i] = 0;
    /* token of each mention: mentions are byte spans in text order per actor */
    for (size_t m = 0; m < d->nmention; m++) {
        const dmention *mm = &d->mentions[m];
        size_t lo = 0, hi = n;
        while (lo < hi) { /* first token ending after the mention's start */
            size_t mid = (lo + hi) / 2;
            if (d->toks[mid].end <= mm->start) lo = mid + 1;
            else hi = mid;
        }
        for (size_t t = lo; t < n && d->toks[t].start < mm->end; t++)
            if (mm->end - mm->start > best_len[t])
                best_len[t] = mm->end - mm->start, actor_of[t] = mm->actor, mstart[t] = mm->start, mend[t] = mm->end;
    }
    sctx c;
    memset(&c, 0, sizeof c);
    c.x = x;
    c.d = d;
    c.actor_of = actor_of;
    c.mstart = mstart;
    c.mend = mend;
    c.qsorted = 1;
    for (size_t i = 0; i < d->nquote; i++) {
        if (d->quotes[i].end - d->quotes[i].start > c.qmax) c.qmax = d->quotes[i].end - d->quotes[i].start;
        if (i && d->quotes[i].start < d->quotes[i - 1].start) c.qsorted = 0;
    }
    size_t cap = 0;
    int32_t *saved = NULL; /* repair_prep_heads' undo list: (token, head, deprel) */
    for (size_t si = 0; si < d->nsent; si++) {
        const sent *s = &d->sents[si];
        if (s->last <= s->first) continue;
        size_t len = s->last - s->first;
        if (len > cap) {
            cap = len;
            c.child = arena_alloc(&d->a, cap * sizeof *c.child);
            c.sib = arena_alloc(&d->a, cap * sizeof *c.sib);
            c.used = arena_alloc(&d->a, cap);
            saved = cap <= SIZE_MAX / (3 * sizeof *saved) ? arena_alloc(&d->a, cap * 3 * sizeof *saved) : NULL;
            if (!c.child || !c.sib || !c.used || !saved) return DYAD_ENOMEM;
        }
        memset(c.used, 0, len);
        c.first = s->first;
        c.last = s->last;
        c.sidx = (uint32_t)si;
        size_t ev0 = d->nevent;
        size_t nsaved = repair_prep_heads(d, s->first, s->last, saved, len);
        for (size_t i = 0; i < len; i++) c.child[i] = c.sib[i] = -1;
        /* children in order: fill from the right so each list is ascending */
        for (size_t i = len; i-- > 0;) {
            int32_t h = d->an[s->first + i].head;
            if (h < (int32_t)s->first || h >= (int32_t)s->last) continue;
            c.sib[i] = c.child[h - (int32_t)s->first];
            c.child[h - (int32_t)s->first] = (int32_t)(s->first + i);
        }
        c.question = 0;
        for (uint32_t t = s->last; t-- > s->first;) {
            if (d->toks[t].kind == TOK_QUOTE) continue;
            c.question = d->toks[t].end > d->toks[t].start && d->text[d->toks[t].start] == '?';
            break;
        }
        for (uint32_t t = s->first; t < s->last; t++) {
            if (d->toks[t].flags & TOKF_BOILER) continue;
            uint8_t u = d->an[t].upos;
            if (u == UPOS_ADJ && has_cop(&c, t)) u = UPOS_VERB; /* "X is critical of Y": a predicate */
            if (u != UPOS_VERB && u != UPOS_NOUN && u != UPOS_PROPN) continue;
            int rc = u == UPOS_VERB && (code_must(&c, t) || code_namecall(&c, t));
            const char *l = lemma_of(d, t);
            int32_t first = rc ? -1 : lookup_head(x, l, strlen(l));
            if (!rc && first < 0 && d->an[t].upos == UPOS_VERB) first = lookup_surface(x, d, t);
            if (!rc && first < 0) continue;
            if (!rc && u == UPOS_VERB) {
                /* the surface fallback only when the tree coded nothing */
                cand sl = {NULL, -1, -1, -1, {-1, -1, -1}};
                size_t e0 = d->nevent;
                rc = code_verb(&c, t, first, c.used, &sl);
                if (!rc && d->nevent == e0 && sl.p && fallback_verb(&c, t, &sl, c.used) < 0) rc = -1;
                if (!rc && d->nevent == e0 && call_for_appeal(&c, t) < 0) rc = -1;
            } else if (!rc) rc = code_noun(&c, t, first, c.used);
            if (rc) {
                restore_heads(d, saved, nsaved);
                return DYAD_ENOMEM;
            }
        }
        restore_heads(d, saved, nsaved);
        prune_sentence(d, ev0);
    }
    return DYAD_OK;
}
