/* dict.c -- actor and agent dictionaries: three loaders, one hash table.
 *
 * Every name of every entry is tokenized with dyad's own tokenizer and
 * stored as a "phrase key": its tokens joined by one space, either case
 * folded (lower-case names, every TABARI/PETRARCH name) or exactly as
 * written (dyad names with a capital letter).  All keys live in one
 * open-addressing table; a slot holding a one-token key also records the
 * longest phrase that starts with that token, so matching at token i
 * folds token after token into a stack buffer, probes once per length and
 * stops at that bound.  The hash is FNV-1a over the key bytes, so the
 * matcher extends it byte by byte instead of rehashing every prefix.
 *
 * Domains keep the kinds of keys apart in the one table:
 *   D_FOLD    folded key of a case-insensitive name;
 *   D_EXACT   exact key of a case-sensitive name;
 *   D_CSFOLD  folded key of a case-sensitive name (sentences in capitals);
 *   D_STEM    folded key whose last token is a TABARI stem (a prefix);
 *   D_HEAD    the stem key cut 4 bytes into its stem, with a bit mask of
 *             the stem lengths behind it, so a word is tested against only
 *             the stem lengths that exist for its first bytes.
 * Stems are the last word of a name only (earlier words match whole), and
 * only from 4 bytes: the short un-underscored words of the real files are
 * acronyms and whole words (PLA, MIG, MAN), not stems.  A bit filter of 8
 * bits per slot answers most absent keys without touching the table.
 * At one phrase length an exact key beats a TABARI plural ("SYRIAN_" also
 * matches "Syrians"), which beats a stem; between a folded and an exact key
 * of the same length the entry loaded last wins (a user's dictionary
 * replaces the defaults).
 *
 * Strings (names, roles, country codes) come from one arena; keys from one
 * growable pool addressed by offsets; entries from blocks that never move,
 * so the pointers dict_match returns stay valid while more files load.
 * Loading is single-threaded; matching only reads and allocates nothing.
 *
 * TABARI/PETRARCH syntax handled (docs/dictionaries.md, TABARI manual ch. 5,
 * PETRARCH docs/dictionaries.rst): PHRASE [CODE] lines, "+" synonyms,
 * indented [code] lines, several code blocks per line, date restrictions
 * (<d, >d, d-d, a bare d read as >d; yymmdd or yyyymmdd), [---] no code,
 * ; and # comments, <!-- --> comments, <NOUN> <ADJECTIVE> (any <TAG>)
 * sections skipped, ~~FINISH, WORD= (no endings), !MARKER! = a, b
 * substitution sets, {A | B} alternatives in actor phrases, {PLURAL} and {}
 * in agent phrases, [~ROLE] and [ROLE~] agent codes, slash lists of codes
 * (LORIEN [ELR/GAL]; kept up to 15 bytes of whole codes).
 *
 * A TABARI/PETRARCH actor phrase with a blank between words ("PRINCE
 * DOL_AMROTH") is keyed as usual and also kept as a gap rule (its folded
 * words, D_GAP slot of the first word) for dict_match_words, which lets
 * other words stand between its parts; its consecutive key never replaces
 * one of an "_" phrase (SF_GAPPED). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dict.h"
#include "strbuf.h"

#define KEY_MAX 512      /* bytes of a phrase key (longer names are refused) */
#define PHRASE_MAX 64    /* tokens in a name */
#define STEM_HEAD 4      /* bytes of a stem in its D_HEAD key, and the shortest stem */
#define STEM_MAX 35      /* longest stem: STEM_HEAD + 31 mask bits */
#define EBLOCK_BITS 10   /* entries per block: 1024 */
#define POOL_CHUNK 65536
#define SUBST_MAX 64     /* variants of one phrase after substitutions */

enum { D_FOLD = 0, D_EXACT, D_CSFOLD, D_STEM, D_HEAD, D_GAP };
#define DOM_MASK 7u
#define SF_PLURAL 8u     /* D_FOLD key also matches the word + "s" (TABARI regular ending) */
#define SF_GAPPED 16u    /* the key's entry is a TABARI phrase with blanks: an "_" phrase replaces it, not the reverse */
#define GAP_WORDS 16     /* words of a gapped phrase */

/* A TABARI actor phrase whose words may have others between them
 * ("PRINCE DOL_AMROTH"): its folded words, chained from a D_GAP slot keyed
 * by the first word. */
typedef struct gap_rule {
    int32_t ent;
    int32_t next;          /* the next rule with the same first word, -1 */
    uint8_t nword;
    uint8_t stem;          /* the last word is a stem */
    uint8_t plural;        /* the last word also takes "s" */
    uint8_t gap[GAP_WORDS]; /* gap[j]: other words may come before word j */
    const char *word[GAP_WORDS];
    uint8_t len[GAP_WORDS];
} gap_rule;

/* One table slot: 16 bytes.  hash 0 marks an empty slot. */
typedef struct slot {
    uint32_t hash;
    uint32_t key;    /* offset of the key bytes in d->keys */
    int32_t val;     /* entry index, -1 for none; D_HEAD: mask of stem lengths */
    uint16_t klen;
    uint8_t dom;     /* D_* | SF_* */
    uint8_t maxlen;  /* one-token keys: longest phrase (tokens) starting with this token */
} slot;

struct dict {
    arena a;                /* names, codes, roles, substitution items */
    char *pool;             /* current string chunk (from a) */
    size_t pool_left;
    char *keys;             /* key bytes, addressed by offset */
    size_t nkeys, capkeys;
    slot *tab;              /* power-of-two capacity */
    size_t cap, used;
    uint64_t *filter;       /* one bit per hash, 8 bits per slot: most absent keys cost no table miss */
    dict_entry **blk;       /* entry blocks of 1 << EBLOCK_BITS */
    size_t nblk, capblk;
    uint32_t nent;
    size_t nstem, ncs;      /* stems and case-sensitive keys, to skip work in dict_match */
    gap_rule *gaps;         /* TABARI phrases with blanks */
    size_t ngap, capgap;
};

/* ---- characters --------------------------------------------------------- */

static const unsigned char lower_tab[128] = {
    0,   1,   2,   3,   4,   5,   6,   7,   8,   9,   10,  11,  12,  13,  14,  15,  16,  17,  18,  19,  20,  21,
    22,  23,  24,  25,  26,  27,  28,  29,  30,  31,  32,  33,  34,  35,  36,  37,  38,  39,  40,  41,  42,  43,
    44,  45,  46,  47,  48,  49,  50,  51,  52,  53,  54,  55,  56,  57,  58,  59,  60,  61,  62,  63,  64,  'a',
    'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w',
    'x', 'y', 'z', 91,  92,  93,  94,  95,  96,  97,  98,  99,  100, 101, 102, 103, 104, 105, 106, 107, 108, 109,
    110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
};

static int is_up(unsigned c) { return c >= 'A' && c <= 'Z'; }
static int is_lo(unsigned c) { return c >= 'a' && c <= 'z'; }
static int is_alpha(unsigned c) { return is_up(c) || is_lo(c); }
static int is_digit(unsigned c) { return c >= '0' && c <= '9'; }
static int is_space(unsigned c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

/* The folded form of a non-ASCII code point: lower case, and the curly
 * apostrophes and quotes of news text read as the straight ones the
 * dictionaries are written with. */
static utf8proc_int32_t fold_cp(utf8proc_int32_t cp) {
    switch (cp) {
    case 0x2018: case 0x2019: case 0x02BC: case 0x201B: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: return '"';
    default: return utf8proc_tolower(cp);
    }
}

/* Append the folded form of s[0..n) to buf at *at (capacity cap).  ASCII
 * goes through the table; utf8proc is called only from the first byte
 * >= 0x80 on.  Invalid UTF-8 bytes are copied as they are.  -1 when it
 * does not fit. */
static int fold_append(char *buf, size_t *at, size_t cap, const char *src, size_t n) {
    const unsigned char *s = (const unsigned char *)src;
    size_t o = *at, j = 0;
    while (j < n && s[j] < 0x80) {
        if (o >= cap) return -1;
        buf[o++] = (char)lower_tab[s[j++]];
    }
    while (j < n) {
        if (s[j] < 0x80) {
            if (o >= cap) return -1;
            buf[o++] = (char)lower_tab[s[j++]];
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s + j, (utf8proc_ssize_t)(n - j), &cp);
        if (k <= 0) {
            if (o >= cap) return -1;
            buf[o++] = (char)s[j++];
            continue;
        }
        utf8proc_uint8_t tmp[4];
        utf8proc_ssize_t m = utf8proc_encode_char(fold_cp(cp), tmp);
        if (m <= 0 || (size_t)m > cap - o) return -1;
        memcpy(buf + o, tmp, (size_t)m);
        o += (size_t)m;
        j += (size_t)k;
    }
    *at = o;
    return 0;
}

/* ---- hashing and the table ---------------------------------------------- */

#define FNV_INIT 2166136261u
#define FNV_STEP(h, b) (((h) ^ (unsigned char)(b)) * 16777619u)

static uint32_t fnv(uint32_t h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) h = FNV_STEP(h, s[i]);
    return h;
}

/* The table hash of a key whose FNV state is h, in domain dom: the domain
 * is mixed in last so one running state serves every domain. */
static uint32_t fin(uint32_t h, unsigned dom) {
    h ^= (dom + 1) * 0x9E3779B9u;
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    h ^= h >> 16;
    return h ? h : 1;
}

/* The filter bit of hash h: from the high bits (the table index uses the
 * low ones).  8 * cap bits, cap a power of two >= 1024. */
static size_t filter_bit(const dict *d, uint32_t h) { return (size_t)((h * 0x9E3779B97F4A7C15ull) >> 32) & (d->cap * 8 - 1); }

static const slot *tab_find(const dict *d, uint32_t h, unsigned dom, const char *k, size_t n) {
    if (!d->cap) return NULL;
    size_t b = filter_bit(d, h);
    if (!(d->filter[b >> 6] >> (b & 63) & 1u)) return NULL;
    size_t m = d->cap - 1;
    for (size_t i = h & m;; i = (i + 1) & m) {
        const slot *s = &d->tab[i];
        if (!s->hash) return NULL;
        if (s->hash == h && s->klen == n && (s->dom & DOM_MASK) == dom && !memcmp(d->keys + s->key, k, n)) return s;
    }
}

static int tab_grow(dict *d) {
    size_t ncap = d->cap ? d->cap * 2 : 1024;
    if (ncap > SIZE_MAX / sizeof(slot)) return -1;
    slot *t = calloc(ncap, sizeof *t);
    uint64_t *f = calloc(ncap / 8, sizeof *f); /* 8 * ncap bits */
    if (!t || !f) {
        free(t);
        free(f);
        return -1;
    }
    for (size_t i = 0; i < d->cap; i++) {
        if (!d->tab[i].hash) continue;
        size_t j = d->tab[i].hash & (ncap - 1);
        while (t[j].hash) j = (j + 1) & (ncap - 1);
        t[j] = d->tab[i];
    }
    free(d->tab);
    free(d->filter);
    d->tab = t;
    d->filter = f;
    d->cap = ncap;
    for (size_t i = 0; i < ncap; i++) {
        if (!t[i].hash) continue;
        size_t b = filter_bit(d, t[i].hash);
        f[b >> 6] |= 1ull << (b & 63);
    }
    return 0;
}

/* Find or add the slot of key k in dom; a new slot has val -1, maxlen 0.
 * NULL when out of memory. */
static slot *tab_put(dict *d, uint32_t h, unsigned dom, const char *k, size_t n) {
    if (n > KEY_MAX) return NULL;
    slot *s = (slot *)(uintptr_t)tab_find(d, h, dom, k, n);
    if (s) return s;
    if ((d->used + 1) * 3 > d->cap * 2 && tab_grow(d)) return NULL; /* load factor <= 2/3 */
    if (d->nkeys + n > UINT32_MAX) return NULL;
    if (vec_reserve((void **)&d->keys, &d->capkeys, d->nkeys + n + 1, 1)) return NULL;
    memcpy(d->keys + d->nkeys, k, n);
    size_t m = d->cap - 1, i = h & m;
    while (d->tab[i].hash) i = (i + 1) & m;
    s = &d->tab[i];
    size_t fb = filter_bit(d, h);
    d->filter[fb >> 6] |= 1ull << (fb & 63);
    s->hash = h;
    s->key = (uint32_t)d->nkeys;
    s->klen = (uint16_t)n;
    s->dom = (uint8_t)dom;
    s->val = -1;
    s->maxlen = 0;
    d->nkeys += n;
    d->used++;
    return s;
}

/* ---- strings, entries --------------------------------------------------- */

static char *pool_dup(dict *d, const char *s, size_t n) {
    if (n >= POOL_CHUNK / 4) return arena_strndup(&d->a, s, n);
    if (n + 1 > d->pool_left) {
        d->pool = arena_alloc(&d->a, POOL_CHUNK);
        if (!d->pool) {
            d->pool_left = 0;
            return NULL;
        }
        d->pool_left = POOL_CHUNK;
    }
    char *r = d->pool;
    memcpy(r, s, n);
    r[n] = '\0';
    d->pool += n + 1;
    d->pool_left -= n + 1;
    return r;
}

static dict_entry *ent_at(const dict *d, uint32_t i) { return &d->blk[i >> EBLOCK_BITS][i & ((1u << EBLOCK_BITS) - 1)]; }

/* A new zeroed entry; its index in *idx.  -1 when out of memory. */
static int ent_new(dict *d, uint32_t *idx) {
    if (d->nent == INT32_MAX) return -1;
    if ((d->nent >> EBLOCK_BITS) >= d->nblk) {
        if (vec_reserve((void **)&d->blk, &d->capblk, d->nblk + 1, sizeof *d->blk)) return -1;
        dict_entry *b = arena_calloc(&d->a, (size_t)1 << EBLOCK_BITS, sizeof *b);
        if (!b) return -1;
        d->blk[d->nblk++] = b;
    }
    *idx = d->nent++;
    return 0;
}

/* ISO 3166-1 alpha-3 codes (world-countries' cca3, which uses UNK for
 * Kosovo) plus the CAMEO codes of states that no longer exist or that
 * CAMEO spells its own way: the country part of an imported code. */
static const char country_codes[][4] = {
    "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF", "ATG", "AUS", "AUT",
    "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL",
    "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF", "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG",
    "COK", "COL", "COM", "CPV", "CRI", "CSK", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DDR", "DEU", "DJI", "DMA",
    "DNK", "DOM", "DZA", "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM",
    "GAB", "GBR", "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF",
    "GUM", "GUY", "HKG", "HMD", "HND", "HRV", "HTI", "HUN", "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL",
    "ISR", "ITA", "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KSV", "KWT", "LAO",
    "LBN", "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA", "MDG",
    "MDV", "MEX", "MHL", "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI",
    "MYS", "MYT", "NAM", "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK",
    "PAN", "PCN", "PER", "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU",
    "RUS", "RWA", "SAU", "SCG", "SDN", "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM",
    "SRB", "SSD", "STP", "SUR", "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK",
    "TKL", "TKM", "TLS", "TON", "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "UNK", "URY", "USA",
    "USR", "UZB", "VAT", "VCT", "VEN", "VGB", "VIR", "VNM", "VUT", "WLF", "WSM", "YEM", "YUG", "ZAF", "ZMB", "ZWE",
};

/* The static country code that code starts with, or NULL. */
static const char *code_country(const char *code) {
    if (!code || !is_up((unsigned char)code[0]) || !is_up((unsigned char)code[1]) || !is_up((unsigned char)code[2]))
        return NULL;
    size_t lo = 0, hi = sizeof country_codes / sizeof country_codes[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = memcmp(country_codes[mid], code, 3);
        if (!c) return country_codes[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* ---- public: lifetime, codes -------------------------------------------- */

/* A new, empty dictionary set.  Free it with dict_free.  NULL on OOM. */
dict *dict_new(void) {
    dict *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    arena_init(&d->a);
    return d;
}

/* Release a dictionary set and everything it handed out (entries, codes,
 * names).  Accepts NULL. */
void dict_free(dict *d) {
    if (!d) return;
    arena_free(&d->a);
    free(d->keys);
    free(d->tab);
    free(d->filter);
    free(d->blk);
    free(d->gaps);
    free(d);
}

/* Number of entries (records: one per country, adjective line, person,
 * actor with its synonyms...), whether or not a later load replaced
 * their names. */
size_t dict_size(const dict *d) { return d ? d->nent : 0; }

/* The code valid on date.  A dated code (from or to set) that contains
 * the date wins, the first listed if several do (TABARI's order: "this
 * restriction overrides the next"); else the last undated code; else NULL.
 * Date 0 asks for the current code: the open-ended one (to == 0) that
 * starts latest, else the one that ends latest; ties go to the one listed
 * last.  Thread-safe. */
const dict_code *dict_code_at(const dict_entry *e, int32_t date) {
    if (!e || !e->codes || !e->ncodes) return NULL;
    const dict_code *best = NULL;
    if (date == 0) {
        for (uint32_t i = 0; i < e->ncodes; i++) {
            const dict_code *c = &e->codes[i];
            if (c->to == 0 && (!best || best->to != 0 || c->from >= best->from)) best = c;
            else if (!best || (best->to != 0 && c->to >= best->to)) best = c;
        }
        return best;
    }
    for (uint32_t i = 0; i < e->ncodes; i++) {
        const dict_code *c = &e->codes[i];
        if (!c->from && !c->to) {
            best = c;
            continue;
        }
        if ((!c->from || date >= c->from) && (!c->to || date <= c->to)) return c;
    }
    return best;
}

/* ---- matching ----------------------------------------------------------- */

/* Running state of one phrase being matched (folded and exact keys). */
typedef struct mstate {
    char fb[KEY_MAX], eb[KEY_MAX];
    size_t fl, el;
    uint32_t fh, eh;
    uint32_t hs[STEM_MAX + 1]; /* FNV state after j bytes of the current token's folded form */
    uint32_t hprev;            /* FNV state before the current token's last folded byte */
    size_t tok0;               /* where the current token starts in fb */
} mstate;

/* Append the token bytes s[0..n) (with a separating space unless first) to
 * the folded key, and to the exact key when exact is set.  -1: too long. */
static int ms_push(mstate *m, const char *s, size_t n, int first, int exact) {
    if (!first) {
        if (m->fl >= KEY_MAX) return -1;
        m->fb[m->fl++] = ' ';
        m->fh = FNV_STEP(m->fh, ' ');
    }
    m->tok0 = m->fl;
    if (fold_append(m->fb, &m->fl, KEY_MAX, s, n)) return -1;
    uint32_t h = m->fh;
    m->hs[0] = h;
    m->hprev = h;
    for (size_t j = m->tok0; j < m->fl; j++) {
        m->hprev = h;
        h = FNV_STEP(h, m->fb[j]);
        if (j - m->tok0 < STEM_MAX) m->hs[j - m->tok0 + 1] = h;
    }
    m->fh = h;
    if (exact) {
        if (!first) {
            if (m->el >= KEY_MAX) return -1;
            m->eb[m->el++] = ' ';
            m->eh = FNV_STEP(m->eh, ' ');
        }
        if (n > KEY_MAX - m->el) return -1;
        memcpy(m->eb + m->el, s, n);
        m->eh = fnv(m->eh, s, n);
        m->el += n;
    }
    return 0;
}

static int32_t slot_entry(const slot *s) { return s && s->val >= 0 ? s->val : -1; }

/* The longest stem that the current token of m begins with, as a key of
 * the phrase so far: its entry or -1. */
static int32_t ms_stem(const dict *d, const mstate *m) {
    size_t tl = m->fl - m->tok0;
    if (!d->nstem || tl < STEM_HEAD) return -1;
    const slot *h = tab_find(d, fin(m->hs[STEM_HEAD], D_HEAD), D_HEAD, m->fb, m->tok0 + STEM_HEAD);
    if (!h) return -1;
    uint32_t mask = (uint32_t)h->val;
    for (int b = 31; b >= 0; b--) { /* longest first */
        size_t L = (size_t)b + STEM_HEAD;
        if (!(mask >> b & 1u) || L > tl) continue;
        const slot *s = tab_find(d, fin(m->hs[L], D_STEM), D_STEM, m->fb, m->tok0 + L);
        if (slot_entry(s) >= 0) return s->val;
    }
    return -1;
}

/* The entry for the phrase in m as it stands (k tokens): exact keys first
 * (the later-loaded of a folded and a case-sensitive one), then a TABARI
 * plural, then a stem.  *bound (when asked, for the first token) gets the
 * longest phrase that can start with it. */
static int32_t ms_probe(const dict *d, const mstate *m, unsigned csdom, int use_cs, int *bound) {
    const slot *f = tab_find(d, fin(m->fh, D_FOLD), D_FOLD, m->fb, m->fl);
    const slot *c = NULL;
    if (use_cs) {
        c = csdom == D_EXACT ? tab_find(d, fin(m->eh, D_EXACT), D_EXACT, m->eb, m->el)
                             : tab_find(d, fin(m->fh, D_CSFOLD), D_CSFOLD, m->fb, m->fl);
    }
    if (bound) {
        int b = 1;
        if (f && f->maxlen > b) b = f->maxlen;
        if (c && c->maxlen > b) b = c->maxlen;
        *bound = b;
    }
    int32_t ef = slot_entry(f), ec = slot_entry(c);
    if (ef >= 0 || ec >= 0) return ef > ec ? ef : ec;
    /* TABARI's regular plural: "syrians" for a SYRIAN_ key. */
    size_t tl = m->fl - m->tok0;
    if (tl >= 2 && m->fb[m->fl - 1] == 's') {
        const slot *p = tab_find(d, fin(m->hprev, D_FOLD), D_FOLD, m->fb, m->fl - 1);
        if (p && (p->dom & SF_PLURAL) && p->val >= 0) return p->val;
    }
    return ms_stem(d, m);
}

/* The longest name at token i (see dict.h).  The keys are built in two
 * stack buffers; nothing is allocated, nothing written outside them. */
int dict_match(const dict *d, const dyad_doc *doc, uint32_t i, uint32_t end, int caseless, const dict_entry **out) {
    if (out) *out = NULL;
    if (!d || !doc || !d->used || i >= end || end > doc->ntok || !doc->text) return 0;
    mstate m;
    m.fl = m.el = 0;
    m.fh = m.eh = FNV_INIT;
    unsigned csdom = caseless ? D_CSFOLD : D_EXACT;
    int use_cs = d->ncs != 0, exact = use_cs && !caseless;
    int bound = 1, best = 0;
    int32_t bent = -1;
    for (uint32_t k = 0; k < (uint32_t)bound && i + k < end; k++) {
        const tok *t = &doc->toks[i + k];
        if (t->end < t->start || t->end > doc->len) break;
        if (ms_push(&m, doc->text + t->start, t->end - t->start, k == 0, exact)) break;
        int32_t e = ms_probe(d, &m, csdom, use_cs, k == 0 ? &bound : NULL);
        if (bound > PHRASE_MAX) bound = PHRASE_MAX;
        if (e >= 0) {
            best = (int)k + 1;
            bent = e;
        }
    }
    if (!best) {
        /* "Chinese-built" kept whole by the tokenizer: try "Chinese". */
        const tok *t = &doc->toks[i];
        const char *s = doc->text + t->start;
        size_t n = t->start <= t->end && t->end <= doc->len ? t->end - t->start : 0;
        const char *dash = n > 1 ? memchr(s + 1, '-', n - 1) : NULL;
        if (dash) {
            m.fl = m.el = 0;
            m.fh = m.eh = FNV_INIT;
            if (!ms_push(&m, s, (size_t)(dash - s), 1, exact)) {
                int32_t e = ms_probe(d, &m, csdom, use_cs, NULL);
                if (e >= 0) {
                    best = 1;
                    bent = e;
                }
            }
        }
    }
    if (best && out) *out = ent_at(d, (uint32_t)bent);
    return best;
}

/* Does word s[0..n) (any case) equal the folded rule word r[0..rn)?  With
 * stem, any word beginning with it; with plural, also r + "s". */
static int gap_word_eq(const char *s, size_t n, const char *r, size_t rn, int stem, int plural) {
    if (n < rn || (n > rn && !stem && !(plural && n == rn + 1 && (s[rn] == 's' || s[rn] == 'S')))) return 0;
    for (size_t k = 0; k < rn; k++) {
        unsigned char c = (unsigned char)s[k];
        if ((char)(c < 0x80 ? lower_tab[c] : c) != r[k]) return 0;
    }
    return 1;
}

static int gap_stop(const dict_word *w) { return w->n == 1 && (w->s[0] == ',' || w->s[0] == ';'); }

/* Words spanned by rule g from word i (whose first word matched), 0. */
static uint32_t gap_match(const gap_rule *g, const dict_word *w, uint32_t nw, uint32_t i) {
    uint32_t p = i + 1;
    for (uint32_t j = 1; j < g->nword; j++) {
        int last = j + 1 == g->nword;
        uint32_t lim = g->gap[j] ? p + DICT_GAP_MAX : p;
        uint32_t q = p;
        for (; q <= lim && q < nw; q++) {
            if (gap_word_eq(w[q].s, w[q].n, g->word[j], g->len[j], last && g->stem, last && g->plural)) break;
            if (gap_stop(&w[q])) return 0;
        }
        if (q > lim || q >= nw) return 0;
        p = q + 1;
    }
    return p - i;
}

/* The longest name at word i of w (see dict.h). */
int dict_match_words(const dict *d, const dict_word *w, uint32_t nw, uint32_t i, const dict_entry **out) {
    if (out) *out = NULL;
    if (!d || !w || i >= nw || !d->used) return 0;
    mstate m;
    m.fl = m.el = 0;
    m.fh = m.eh = FNV_INIT;
    int use_cs = d->ncs != 0, bound = 1;
    uint32_t best = 0;
    int32_t bent = -1;
    for (uint32_t k = 0; k < (uint32_t)bound && i + k < nw; k++) {
        if (ms_push(&m, w[i + k].s, w[i + k].n, k == 0, 0)) break;
        int32_t e = ms_probe(d, &m, D_CSFOLD, use_cs, k == 0 ? &bound : NULL);
        if (bound > PHRASE_MAX) bound = PHRASE_MAX;
        if (e >= 0) {
            best = k + 1;
            bent = e;
        }
    }
    if (d->ngap) {
        char fb[64];
        size_t fl = 0;
        if (w[i].n < sizeof fb / 2 && !fold_append(fb, &fl, sizeof fb, w[i].s, w[i].n)) {
            const slot *h = tab_find(d, fin(fnv(FNV_INIT, fb, fl), D_GAP), D_GAP, fb, fl);
            for (int32_t r = h ? h->val : -1, guard = 0; r >= 0 && (size_t)r < d->ngap && guard < 4096;
                 r = d->gaps[r].next, guard++) {
                uint32_t n = gap_match(&d->gaps[r], w, nw, i);
                if (n > best) {
                    best = n;
                    bent = d->gaps[r].ent;
                }
            }
        }
    }
    if (best && out) *out = ent_at(d, (uint32_t)bent);
    return (int)best;
}

/* ---- loading: shared state ---------------------------------------------- */

typedef struct subst {
    char name[32];        /* the marker with its '!'s: "!PERSON!" */
    const char **items;   /* arena */
    size_t nitems;
} subst;

/* Name flags. */
enum {
    NF_IMPORTED = 1u << 0, /* TABARI/PETRARCH phrase: '_' separates words, '_' ends an exact word */
    NF_PLURALS = 1u << 1,  /* add the regular plural (dyad roles, agents) */
    NF_AGENT = 1u << 2,    /* plural rules of PETRARCH agents (ss -> sses) */
    NF_NOENDING = 1u << 3  /* no TABARI plural ending (substituted items, given plurals) */
};

/* Dyad sections. */
enum { S_NONE = 0, S_COUNTRY, S_ORG, S_PERSON, S_ROLE, S_BAD };

typedef struct loader {
    dict *d;
    const char *file;
    long line;
    dict_warn_fn warn;
    void *wctx;
    int fmt;
    dyad_doc *tmp;          /* tokenizer scratch */
    strbuf txt;             /* normalized name text */
    strbuf plu;             /* plural text */
    dict_code *pend;        /* codes of the open record */
    size_t npend, cappend;
    int32_t cur;            /* open record, -1 none */
    int cur_dated;          /* dyad [person]: codes come on the following lines */
    const char *cur_country;/* dyad [country]: the open entry's code */
    const char *cur_country_name; /* and its canonical name */
    int section;
    size_t added;
    int oom;
    subst *subs;
    size_t nsubs, capsubs;
    char skip_tag[32];      /* TABARI <TAG> section being skipped, "" if none */
    long skip_line;
    int in_comment;         /* inside <!-- --> */
    int finished;           /* ~~FINISH seen */
    int gapped;             /* the name being put is a TABARI phrase with blanks */
    long cur_line;          /* line of the open record */
    long comment_line;
} loader;

static void warnf(loader *L, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void warnf(loader *L, const char *fmt, ...) {
    if (!L->warn) return;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    L->warn(L->wctx, L->file, L->line, msg);
}

static int pend_push(loader *L, const dict_code *c) {
    if (vec_reserve((void **)&L->pend, &L->cappend, L->npend + 1, sizeof *c)) {
        L->oom = 1;
        return -1;
    }
    L->pend[L->npend++] = *c;
    return 0;
}

/* Copy a code string (n bytes) into c->code: upper case, "---" = no code;
 * a slash list is cut after the last whole code that fits.  -1 if it is
 * not a code. */
static int set_code(dict_code *c, const char *s, size_t n) {
    memset(c->code, 0, sizeof c->code);
    if (n == 3 && !memcmp(s, "---", 3)) return 0;
    if (!n) return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned ch = (unsigned char)s[i];
        if (!(is_alpha(ch) || is_digit(ch) || ch == '/' || ch == '#' || ch == '+' || ch == '-')) return -1;
    }
    if (n >= sizeof c->code) {
        size_t cut = 0;
        for (size_t i = 0; i < sizeof c->code; i++)
            if (s[i] == '/') cut = i;
        if (!cut) return -1;
        n = cut;
    }
    for (size_t i = 0; i < n; i++) c->code[i] = (char)(is_lo((unsigned char)s[i]) ? s[i] - 32 : s[i]);
    return 0;
}

/* Close the open record: its pending codes become the entry's (at least
 * one: "" if none was given), and the country part is set when all its
 * codes agree on one. */
static void rec_close(loader *L) {
    if (L->cur < 0) return;
    dict_entry *e = ent_at(L->d, (uint32_t)L->cur);
    L->cur = -1;
    if (!L->npend) {
        if (e->kind == DE_PERSON) {
            long here = L->line;
            L->line = L->cur_line;
            warnf(L, "person without a code line");
            L->line = here;
        }
        dict_code none;
        memset(&none, 0, sizeof none);
        if (pend_push(L, &none)) return;
    }
    dict_code *c = arena_calloc(&L->d->a, L->npend, sizeof *c);
    if (!c) {
        L->oom = 1;
        L->npend = 0;
        return;
    }
    memcpy(c, L->pend, L->npend * sizeof *c);
    e->codes = c;
    e->ncodes = (uint32_t)L->npend;
    L->npend = 0;
    if (e->kind == DE_ACTOR || e->kind == DE_PERSON || e->kind == DE_ORG) {
        const char *cc = NULL;
        for (uint32_t i = 0; i < e->ncodes; i++) {
            if (!c[i].code[0]) continue;
            const char *x = code_country(c[i].code);
            if (!x || (cc && cc != x)) {
                cc = NULL;
                break;
            }
            cc = x;
        }
        e->country = cc;
    }
}

/* Open a new record (closing the previous one) named by the n bytes at
 * name; returns its index or -1. */
static int32_t rec_open(loader *L, int kind, const char *name, size_t n) {
    rec_close(L);
    uint32_t idx;
    char *nm = pool_dup(L->d, name, n);
    if (!nm || ent_new(L->d, &idx)) {
        L->oom = 1;
        return -1;
    }
    dict_entry *e = ent_at(L->d, idx);
    e->kind = (uint8_t)kind;
    e->name = nm;
    L->cur = (int32_t)idx;
    L->cur_line = L->line;
    L->npend = 0;
    return L->cur;
}

/* ---- loading: names to keys --------------------------------------------- */

/* Tokenize text[0..n) into L->tmp.  Control bytes are blanked and invalid
 * UTF-8 repaired the way document text is. */
static int tokenize(loader *L, const char *text, size_t n) {
    int hi = 0;
    for (size_t i = 0; i < n && !hi; i++) hi = (unsigned char)text[i] >= 0x80;
    int rc = hi ? dyad_doc_set_text(L->tmp, text, n) : doc_set_text_raw(L->tmp, text, n, 0);
    if (rc == DYAD_ENOMEM) {
        L->oom = 1;
        return -1;
    }
    if (rc) return -1;
    for (size_t i = 0; i < L->tmp->len; i++)
        if ((unsigned char)L->tmp->text[i] < 0x20) L->tmp->text[i] = ' ';
    if (tok_run(L->tmp)) {
        L->oom = 1;
        return -1;
    }
    return 0;
}

static int is_hyphen_tok(const dyad_doc *t, size_t i) {
    const tok *k = &t->toks[i];
    return k->end - k->start == 1 && t->text[k->start] == '-';
}

static int mark_first(dict *d, unsigned dom, const char *k, size_t n, size_t ntok) {
    slot *s = tab_put(d, fin(fnv(FNV_INIT, k, n), dom), dom, k, n);
    if (!s) return -1;
    if (s->maxlen < ntok) s->maxlen = (uint8_t)ntok;
    return 0;
}

/* Store the tokens of L->tmp (those with skip[i] == 0) as a key of entry
 * ent.  stem: the last token is a stem; cs: case-sensitive; plural: a
 * TABARI plural ending is allowed.  0, or -1 (warned, or OOM). */
static int put_tokens(loader *L, int32_t ent, const uint8_t *skip, int stem, int cs, int plural) {
    dict *d = L->d;
    const dyad_doc *t = L->tmp;
    char fk[KEY_MAX], ek[KEY_MAX];
    size_t fl = 0, el = 0, ntok = 0, first_f = 0, first_e = 0, last0 = 0;
    for (size_t i = 0; i < t->ntok; i++) {
        if (skip && skip[i]) continue;
        const char *s = t->text + t->toks[i].start;
        size_t n = t->toks[i].end - t->toks[i].start;
        if (ntok) {
            if (fl >= KEY_MAX || el >= KEY_MAX) goto too_long;
            fk[fl++] = ' ';
            ek[el++] = ' ';
        }
        last0 = fl;
        if (fold_append(fk, &fl, KEY_MAX, s, n) || n > KEY_MAX - el) goto too_long;
        memcpy(ek + el, s, n);
        el += n;
        if (++ntok == 1) {
            first_f = fl;
            first_e = el;
        }
    }
    if (!ntok) {
        warnf(L, "empty name");
        return -1;
    }
    if (ntok > PHRASE_MAX) {
        warnf(L, "name longer than %d tokens", PHRASE_MAX);
        return -1;
    }
    if (cs < 0) cs = fl != el || memcmp(fk, ek, fl) != 0;
    size_t L_stem = fl - last0;
    /* A "stem" under 4 bytes is an acronym or a whole word in the real
     * files (PLA, MIG, MAN, GOA: "place", "might", "many", "goal"), and an
     * absurdly long one is the word itself: both match as words. */
    if (stem && (L_stem < STEM_HEAD || L_stem > STEM_MAX)) stem = 0;
    if (stem) {
        slot *s = tab_put(d, fin(fnv(FNV_INIT, fk, fl), D_STEM), D_STEM, fk, fl);
        if (!s) goto oom;
        if (s->val < 0) d->nstem++;
        if (L->gapped && s->val >= 0 && !(s->dom & SF_GAPPED)) return 0; /* AL_GORE stays before AL GORE */
        s->val = ent;
        s->dom = (uint8_t)(D_STEM | (L->gapped ? SF_GAPPED : 0));
        size_t hl = last0 + STEM_HEAD;
        slot *h = tab_put(d, fin(fnv(FNV_INIT, fk, hl), D_HEAD), D_HEAD, fk, hl);
        if (!h) goto oom;
        if (h->val < 0) h->val = 0;
        h->val = (int32_t)((uint32_t)h->val | 1u << (L_stem - STEM_HEAD));
        if (ntok > 1 && mark_first(d, D_FOLD, fk, first_f, ntok)) goto oom;
        return 0;
    }
    if (!cs) {
        slot *s = tab_put(d, fin(fnv(FNV_INIT, fk, fl), D_FOLD), D_FOLD, fk, fl);
        if (!s) goto oom;
        if (L->gapped && s->val >= 0 && !(s->dom & SF_GAPPED)) return 0;
        s->val = ent;
        s->dom = (uint8_t)(D_FOLD | (plural ? SF_PLURAL : 0) | (L->gapped ? SF_GAPPED : 0));
        if (ntok == 1 && s->maxlen < 1) s->maxlen = 1;
        if (ntok > 1 && mark_first(d, D_FOLD, fk, first_f, ntok)) goto oom;
        return 0;
    }
    slot *s = tab_put(d, fin(fnv(FNV_INIT, ek, el), D_EXACT), D_EXACT, ek, el);
    if (!s) goto oom;
    if (s->val < 0) d->ncs++;
    s->val = ent;
    if (ntok == 1 && s->maxlen < 1) s->maxlen = 1;
    if (ntok > 1 && mark_first(d, D_EXACT, ek, first_e, ntok)) goto oom;
    s = tab_put(d, fin(fnv(FNV_INIT, fk, fl), D_CSFOLD), D_CSFOLD, fk, fl);
    if (!s) goto oom;
    s->val = ent;
    if (ntok == 1 && s->maxlen < 1) s->maxlen = 1;
    if (ntok > 1 && mark_first(d, D_CSFOLD, fk, first_f, ntok)) goto oom;
    return 0;
too_long:
    warnf(L, "name longer than %d bytes", KEY_MAX);
    return -1;
oom:
    L->oom = 1;
    return -1;
}

/* Words that have no regular plural (or are their own). */
static int invariant_noun(const char *w, size_t n) {
    static const char *const inv[] = {"police",   "personnel", "staff",   "military", "clergy", "media",
                                      "press",    "public",    "people",  "men",      "women",  "children",
                                      "cattle",   "sheep",     "aircraft", "infantry", "intelligence",
                                      "security", "youth",     "leadership", "artillery", "gendarmerie"};
    for (size_t i = 0; i < sizeof inv / sizeof inv[0]; i++)
        if (strlen(inv[i]) == n && !memcmp(inv[i], w, n)) return 1;
    return 0;
}

/* The regular plural of the last word of s[0..n) into out (the rest
 * copied): +s; consonant+y -> ies; -man -> -men; -sis -> -ses; ch sh x z
 * -> +es.  Names that end in s get none (dyad roles: "armed forces"), or
 * -ss -> -sses (agents).  0 if a plural was made. */
static int make_plural(const char *s, size_t n, int agent, strbuf *out) {
    size_t e = n;
    while (e && is_space((unsigned char)s[e - 1])) e--;
    size_t b = e;
    while (b && (is_alpha((unsigned char)s[b - 1]) || (unsigned char)s[b - 1] >= 0x80)) b--;
    size_t wl = e - b;
    /* The last word must be letters (any non-ASCII counts as one) after a
     * blank or a hyphen ("co-founder"), and end in an ASCII letter. */
    if (wl < 2 || wl > 48 || (b && !is_space((unsigned char)s[b - 1]) && s[b - 1] != '-')) return -1;
    if (!is_alpha((unsigned char)s[e - 1])) return -1;
    char w[49];
    for (size_t i = 0; i < wl; i++) {
        unsigned char c = (unsigned char)s[b + i];
        w[i] = (char)(c < 0x80 ? lower_tab[c] : c);
    }
    int up = is_up((unsigned char)s[e - 1]);
    if (invariant_noun(w, wl)) return -1;
    static const char *const not_man[] = {"human", "german", "roman", "shaman", "ottoman", "caiman", "talisman"};
    const char *suf = "s";
    size_t cut = 0;
    if (wl >= 3 && !memcmp(w + wl - 3, "sis", 3)) {
        cut = 2;
        suf = "es";
    } else if (w[wl - 1] == 's') {
        if (!agent || w[wl - 2] != 's') return -1;
        suf = "es";
    } else if (wl >= 3 && !memcmp(w + wl - 3, "man", 3)) {
        int ok = 1;
        for (size_t i = 0; i < sizeof not_man / sizeof not_man[0]; i++)
            if (strlen(not_man[i]) == wl && !memcmp(not_man[i], w, wl)) ok = 0;
        if (ok) {
            cut = 2;
            suf = "en";
        }
    } else if (w[wl - 1] == 'y' && !strchr("aeiou", w[wl - 2])) {
        cut = 1;
        suf = "ies";
    } else if (w[wl - 1] == 'x' || w[wl - 1] == 'z' || (wl >= 2 && (w[wl - 1] == 'h') && (w[wl - 2] == 'c' || w[wl - 2] == 's'))) {
        suf = "es";
    }
    sb_reset(out);
    sb_putn(out, s, e - cut);
    for (const char *p = suf; *p; p++) sb_putc(out, up ? (char)(*p - 32) : *p);
    return out->oom ? -1 : 0;
}

/* Turn an imported phrase into tokenizer text in L->txt: '_' and blanks
 * separate words; an all-capitals word that is letters (and one final
 * period) is written Capitalised so the tokenizer's case-sensitive
 * abbreviation lexicon sees "Gen." as it will in text.  *stem: the last
 * word has no '_' (nor '='); *eq: it ended with '='.  -1 if no word. */
static int imported_text(loader *L, const char *p, size_t n, int *stem, int *eq) {
    strbuf *b = &L->txt;
    sb_reset(b);
    int has_lower = 0;
    for (size_t i = 0; i < n; i++)
        if (is_lo((unsigned char)p[i])) has_lower = 1;
    *stem = 0;
    *eq = 0;
    size_t i = 0, words = 0;
    while (i < n) {
        while (i < n && (p[i] == '_' || is_space((unsigned char)p[i]))) i++;
        if (i >= n) break;
        size_t w0 = i;
        while (i < n && p[i] != '_' && !is_space((unsigned char)p[i])) i++;
        size_t w1 = i;
        int weq = 0;
        if (w1 > w0 && p[w1 - 1] == '=') {
            w1--;
            weq = 1;
        }
        if (w1 == w0) continue;
        if (words++) sb_putc(b, ' ');
        int title = !has_lower;
        for (size_t j = w0; j < w1 && title; j++)
            if (!is_alpha((unsigned char)p[j]) && !(p[j] == '.' && j == w1 - 1 && j > w0)) title = 0;
        for (size_t j = w0; j < w1; j++) {
            unsigned c = (unsigned char)p[j];
            if (title && j > w0 && is_up(c)) c += 32;
            sb_putc(b, c < 0x20 ? ' ' : (char)c);
        }
        *eq = weq;
        *stem = !weq && (i >= n || p[i] != '_');
    }
    if (b->oom) {
        L->oom = 1;
        return -1;
    }
    return words ? 0 : -1;
}

/* A TABARI actor phrase with a blank between words (p[0..n), '_' joins
 * words that follow at once, '-' reads as '_'): also stored as a gap rule
 * (dict_match_words).  1 if it is one. */
static int is_gapped(const char *p, size_t n) {
    for (size_t i = 1; i + 1 < n; i++)
        if (is_space((unsigned char)p[i]) && p[i - 1] != '_' && !is_space((unsigned char)p[i - 1])) {
            size_t j = i;
            while (j < n && is_space((unsigned char)p[j])) j++;
            if (j < n && p[j] != '_' && p[j] != '[') return 1;
        }
    return 0;
}

static void put_gap_rule(loader *L, int32_t ent, const char *p, size_t n, int stem, int plural) {
    dict *d = L->d;
    gap_rule g;
    memset(&g, 0, sizeof g);
    g.ent = ent;
    g.next = -1;
    g.stem = (uint8_t)stem;
    g.plural = (uint8_t)plural;
    size_t i = 0;
    int gap = 0;
    while (i < n) {
        if (is_space((unsigned char)p[i])) {
            gap = 1;
            i++;
            continue;
        }
        if (p[i] == '_' || p[i] == '-') {
            i++;
            continue;
        }
        size_t a = i;
        while (i < n && !is_space((unsigned char)p[i]) && p[i] != '_' && p[i] != '-') i++;
        size_t b = i;
        if (b > a && p[b - 1] == '=') b--;
        if (b == a) continue;
        if (g.nword >= GAP_WORDS) return; /* too long to be a name: not a gap rule */
        char fb[256];
        size_t fl = 0;
        if (b - a > 120 || fold_append(fb, &fl, sizeof fb, p + a, b - a) || fl > 255) return;
        const char *wd = pool_dup(d, fb, fl);
        if (!wd) {
            L->oom = 1;
            return;
        }
        g.gap[g.nword] = (uint8_t)(g.nword && gap);
        g.word[g.nword] = wd;
        g.len[g.nword] = (uint8_t)fl;
        g.nword++;
        gap = 0;
    }
    if (g.nword < 2 || d->ngap >= INT32_MAX - 1) return;
    slot *h = tab_put(d, fin(fnv(FNV_INIT, g.word[0], g.len[0]), D_GAP), D_GAP, g.word[0], g.len[0]);
    if (!h || vec_reserve((void **)&d->gaps, &d->capgap, d->ngap + 1, sizeof *d->gaps)) {
        L->oom = 1;
        return;
    }
    g.next = h->val;
    d->gaps[d->ngap] = g;
    h->val = (int32_t)d->ngap++;
}

/* Store one name (n bytes at p) for entry ent with flags NF_*: tokenize,
 * key, and add the variants (the hyphen-less form of an imported name,
 * the regular plural).  Counts it in L->added. */
static void put_name(loader *L, int32_t ent, const char *p, size_t n, unsigned nf) {
    if (ent < 0) return;
    int stem = 0, eq = 0, cs = -1;
    const char *text = p;
    size_t tlen = n;
    if (nf & NF_IMPORTED) {
        if (imported_text(L, p, n, &stem, &eq)) {
            if (!L->oom) warnf(L, "empty name");
            return;
        }
        text = L->txt.s;
        tlen = L->txt.len;
        cs = 0;
    }
    if (tokenize(L, text, tlen)) {
        if (!L->oom) warnf(L, "name is not text");
        return;
    }
    const dyad_doc *t = L->tmp;
    if (!t->ntok) {
        warnf(L, "empty name");
        return;
    }
    const tok *last = &t->toks[t->ntok - 1];
    if (stem && (last->kind != TOK_WORD || last->end != t->len || last->end - last->start < STEM_HEAD)) stem = 0;
    int plural = (nf & NF_IMPORTED) && !(nf & (NF_NOENDING | NF_PLURALS)) && !stem && !eq && last->kind == TOK_WORD;
    L->gapped = (nf & NF_IMPORTED) && L->fmt == DICT_ACTORS && is_gapped(p, n);
    if (L->gapped) put_gap_rule(L, ent, p, n, stem, plural);
    int bad = put_tokens(L, ent, NULL, stem, cs, plural);
    if (bad) L->gapped = 0;
    if (bad) return;
    L->added++; /* the variants below are not counted */
    /* TABARI reads "al-Assad" as "al Assad": the same key without inner hyphens. */
    if ((nf & NF_IMPORTED) && t->ntok >= 3 && t->ntok <= PHRASE_MAX) {
        uint8_t skip[PHRASE_MAX];
        int any = 0;
        for (size_t i = 0; i < t->ntok; i++) {
            skip[i] = (uint8_t)(i > 0 && i + 1 < t->ntok && is_hyphen_tok(t, i));
            any |= skip[i];
        }
        if (any && put_tokens(L, ent, skip, stem, cs, plural) && L->oom) {
            L->gapped = 0;
            return;
        }
    }
    if ((nf & NF_PLURALS) && !eq && !make_plural(text, tlen, (nf & NF_AGENT) != 0, &L->plu)) {
        if (!tokenize(L, L->plu.s, L->plu.len)) put_tokens(L, ent, NULL, 0, cs, 0);
    }
    L->gapped = 0;
}

/* ---- loading: dyad format ----------------------------------------------- */

static const char *trim(const char *s, size_t n, size_t *out) {
    while (n && is_space((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && is_space((unsigned char)s[n - 1])) n--;
    *out = n;
    return s;
}

/* Length of the first whitespace-delimited word of s[0..n). */
static size_t word_len(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && !is_space((unsigned char)s[i])) i++;
    return i;
}

/* Put every '|'-separated name of s[0..n) for entry ent. */
static void put_names(loader *L, int32_t ent, const char *s, size_t n, unsigned nf) {
    size_t i = 0;
    int any = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && s[j] != '|') j++;
        size_t len;
        const char *nm = trim(s + i, j - i, &len);
        if (len) {
            put_name(L, ent, nm, len, nf);
            any = 1;
        } else if (j < n || any) {
            warnf(L, "empty name between '|'");
        }
        if (L->oom) return;
        i = j + 1;
    }
    if (!any) warnf(L, "no name");
}

/* The first name of a '|' list, for the entry's canonical name. */
static const char *first_name(const char *s, size_t n, size_t *len) {
    size_t j = 0;
    while (j < n && s[j] != '|') j++;
    return trim(s, j, len);
}

/* YYYY-MM-DD, YYYY-MM, YYYY or "-" (0).  A partial date is widened to the
 * first (from) or last (to) day it covers. */
static int dyad_date(const char *s, size_t n, int is_to, int32_t *out) {
    if (n == 1 && s[0] == '-') {
        *out = 0;
        return 0;
    }
    if (n != 4 && n != 7 && n != 10) return -1;
    int v[3] = {0, is_to ? 12 : 1, is_to ? 31 : 1};
    for (size_t i = 0; i < n; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return -1;
        } else if (!is_digit((unsigned char)s[i])) {
            return -1;
        }
    }
    v[0] = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (n >= 7) v[1] = (s[5] - '0') * 10 + (s[6] - '0');
    if (n == 10) v[2] = (s[8] - '0') * 10 + (s[9] - '0');
    if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31) return -1;
    *out = v[0] * 10000 + v[1] * 100 + v[2];
    return 0;
}

/* A CAMEO code of n bytes: A-Z and 0-9, at most 15. */
static int valid_code(const char *s, size_t n, size_t minlen) {
    if (n < minlen || n >= sizeof(((dict_code *)0)->code)) return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_up((unsigned char)s[i]) && !is_digit((unsigned char)s[i])) return 0;
    return 1;
}

/* An entry with one undated code: country, adjective, seat, org, role. */
static int32_t simple_entry(loader *L, int kind, const char *code, size_t clen, const char *suffix, const char *names,
                            size_t nlen) {
    size_t fl;
    const char *fn = first_name(names, nlen, &fl);
    if (!fl) {
        warnf(L, "no name");
        return -1;
    }
    int32_t e = rec_open(L, kind, fn, fl);
    if (e < 0) return -1;
    dict_code c;
    memset(&c, 0, sizeof c);
    memcpy(c.code, code, clen);
    if (suffix) memcpy(c.code + clen, suffix, strlen(suffix));
    if (pend_push(L, &c)) return -1;
    return e;
}

static void dyad_entry(loader *L, const char *s, size_t n) {
    L->cur_dated = 0;
    size_t wl = word_len(s, n), rl;
    const char *rest = trim(s + wl, n - wl, &rl);
    switch (L->section) {
    case S_COUNTRY: {
        if (!valid_code(s, wl, 3) || wl != 3) {
            warnf(L, "[country] entry must start with an ISO alpha-3 code");
            rec_close(L);
            L->cur_country = NULL;
            return;
        }
        int32_t e = simple_entry(L, DE_COUNTRY, s, 3, NULL, rest, rl);
        if (e < 0) {
            L->cur_country = NULL;
            return;
        }
        L->cur_country = pool_dup(L->d, s, 3);
        if (!L->cur_country) {
            L->oom = 1;
            return;
        }
        ent_at(L->d, (uint32_t)e)->country = L->cur_country;
        L->cur_country_name = ent_at(L->d, (uint32_t)e)->name;
        ent_at(L->d, (uint32_t)e)->country_name = L->cur_country_name;
        put_names(L, e, rest, rl, 0);
        rec_close(L); /* adj and gov lines make entries of their own */
        return;
    }
    case S_ORG: {
        if (!valid_code(s, wl, 3)) {
            warnf(L, "[org] entry must start with a CAMEO code");
            rec_close(L);
            return;
        }
        int32_t e = simple_entry(L, DE_ORG, s, wl, NULL, rest, rl);
        if (e < 0) return;
        put_names(L, e, rest, rl, 0);
        return; /* open: indented lines add names */
    }
    case S_PERSON: {
        size_t fl;
        const char *fn = first_name(s, n, &fl);
        if (!fl) {
            warnf(L, "no name");
            rec_close(L);
            return;
        }
        int32_t e = rec_open(L, DE_PERSON, fn, fl);
        if (e < 0) return;
        L->cur_dated = 1;
        put_names(L, e, s, n, 0);
        return;
    }
    case S_ROLE: {
        size_t cl = wl;
        const char *code = s;
        int prefix = 0;
        if (cl > 1 && code[cl - 1] == '~') {
            prefix = 1;
            cl--;
        } else if (cl > 1 && code[0] == '~') {
            code++;
            cl--;
        }
        if (!valid_code(code, cl, 2)) {
            warnf(L, "[role] entry must start with a role code (GOV, MIL~)");
            rec_close(L);
            return;
        }
        /* A trailing "title" word flags the line. */
        int title = 0;
        if (rl > 6 && !memcmp(rest + rl - 5, "title", 5) && is_space((unsigned char)rest[rl - 6])) {
            size_t k = rl - 6;
            while (k && is_space((unsigned char)rest[k - 1])) k--;
            if (k && rest[k - 1] != '|') {
                title = 1;
                rl = k;
            }
        }
        int32_t e = simple_entry(L, DE_ROLE, code, cl, NULL, rest, rl);
        if (e < 0) return;
        dict_entry *en = ent_at(L->d, (uint32_t)e);
        en->agent_prefix = (uint8_t)prefix;
        en->title = (uint8_t)title;
        put_names(L, e, rest, rl, NF_PLURALS);
        return;
    }
    default:
        return; /* S_NONE warned once per line below, S_BAD at its header */
    }
}

static void dyad_attr(loader *L, const char *s, size_t n) {
    size_t wl = word_len(s, n), rl;
    const char *rest = trim(s + wl, n - wl, &rl);
    switch (L->section) {
    case S_COUNTRY: {
        if (!L->cur_country) {
            warnf(L, "indented line without a country entry");
            return;
        }
        int kind = 0;
        if (wl == 3 && !memcmp(s, "adj", 3)) kind = DE_ADJ;
        else if (wl == 3 && !memcmp(s, "gov", 3)) kind = DE_SEAT;
        if (!kind) {
            warnf(L, "unknown [country] attribute '%.*s' (adj, gov)", (int)(wl > 20 ? 20 : wl), s);
            return;
        }
        int32_t e = simple_entry(L, kind, L->cur_country, 3, kind == DE_SEAT ? "GOV" : NULL, rest, rl);
        if (e < 0) return;
        ent_at(L->d, (uint32_t)e)->country = L->cur_country;
        ent_at(L->d, (uint32_t)e)->country_name = L->cur_country_name;
        put_names(L, e, rest, rl, 0);
        rec_close(L);
        return;
    }
    case S_ORG:
    case S_ROLE: {
        if (L->cur < 0) {
            warnf(L, "indented line without an entry");
            return;
        }
        if (n && s[0] == '|') {
            s++;
            n--;
        }
        put_names(L, L->cur, s, n, L->section == S_ROLE ? NF_PLURALS : 0);
        return;
    }
    case S_PERSON: {
        if (L->cur < 0 || !L->cur_dated) {
            warnf(L, "indented line without a person entry");
            return;
        }
        if (!valid_code(s, wl, 3)) {
            warnf(L, "expected CODE FROM TO [role]");
            return;
        }
        dict_code c;
        memset(&c, 0, sizeof c);
        memcpy(c.code, s, wl);
        /* FROM and TO are optional; what follows them is the role. */
        size_t w2 = word_len(rest, rl);
        if (w2 && !dyad_date(rest, w2, 0, &c.from)) {
            size_t r2l;
            const char *r2 = trim(rest + w2, rl - w2, &r2l);
            size_t w3 = word_len(r2, r2l);
            if (!w3 || dyad_date(r2, w3, 1, &c.to)) {
                warnf(L, "bad TO date (YYYY-MM-DD, YYYY-MM, YYYY or -)");
                return;
            }
            rest = trim(r2 + w3, r2l - w3, &rl);
        } else if (w2 && (is_digit((unsigned char)rest[0]) || (rest[0] == '-' && w2 == 1))) {
            warnf(L, "bad FROM date (YYYY-MM-DD, YYYY-MM, YYYY or -)");
            return;
        }
        if (c.from && c.to && c.to < c.from) {
            warnf(L, "TO date before FROM date");
            return;
        }
        if (rl) {
            c.role = pool_dup(L->d, rest, rl);
            if (!c.role) {
                L->oom = 1;
                return;
            }
        }
        pend_push(L, &c);
        return;
    }
    default:
        return;
    }
}

static void dyad_line(loader *L, const char *s, size_t n) {
    /* '#' starts a comment at the line start or after a blank. */
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '#' && (i == 0 || is_space((unsigned char)s[i - 1]))) {
            n = i;
            break;
        }
    }
    while (n && is_space((unsigned char)s[n - 1])) n--;
    if (!n) return;
    int indented = is_space((unsigned char)s[0]);
    size_t tl;
    const char *t = trim(s, n, &tl);
    if (!indented && t[0] == '[') {
        rec_close(L);
        L->cur_country = NULL;
        static const struct {
            const char *name;
            int sec;
        } secs[] = {{"[country]", S_COUNTRY}, {"[org]", S_ORG}, {"[person]", S_PERSON}, {"[role]", S_ROLE}};
        for (size_t i = 0; i < sizeof secs / sizeof secs[0]; i++) {
            if (tl == strlen(secs[i].name) && !memcmp(t, secs[i].name, tl)) {
                L->section = secs[i].sec;
                return;
            }
        }
        warnf(L, "unknown section %.*s ([country] [org] [person] [role])", (int)(tl > 40 ? 40 : tl), t);
        L->section = S_BAD;
        return;
    }
    if (L->section == S_NONE) {
        warnf(L, "entry before any [section]");
        return;
    }
    if (L->section == S_BAD) return;
    if (indented) dyad_attr(L, t, tl);
    else dyad_entry(L, t, tl);
}

/* ---- loading: TABARI / PETRARCH ----------------------------------------- */

/* A date of 6 (yymmdd; yy <= 30 is 20yy) or 8 (yyyymmdd) digits.
 * *two (may be NULL) tells a two-digit year. */
static int tab_date(const char *s, size_t n, int32_t *out, int *two) {
    if (n != 6 && n != 8) return -1;
    for (size_t i = 0; i < n; i++)
        if (!is_digit((unsigned char)s[i])) return -1;
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    if (two) *two = n == 6;
    if (n == 6) v += (v / 10000 <= 30 ? 20000000 : 19000000);
    int mon = v / 100 % 100, day = v % 100;
    if (mon < 1 || mon > 12 || day < 1 || day > 31) return -1;
    *out = v;
    return 0;
}

/* Parse the inside of one code block, s[0..n): CODE, CODE <d, CODE >d,
 * CODE d-d, CODE d; agents: ~CODE or CODE~.  -1 (warned) if malformed. */
static int tab_block(loader *L, const char *s, size_t n, int agent, dict_code *c, int *prefix) {
    memset(c, 0, sizeof *c);
    size_t i = 0;
    while (i < n && is_space((unsigned char)s[i])) i++;
    size_t c0 = i;
    while (i < n && !is_space((unsigned char)s[i]) && s[i] != '<' && s[i] != '>') i++;
    size_t cl = i - c0;
    const char *code = s + c0;
    if (!cl || is_digit((unsigned char)code[0])) {
        warnf(L, "code block without a code: [%.*s]", (int)(n > 40 ? 40 : n), s);
        return -1;
    }
    if (agent) {
        if (code[0] == '~') {
            *prefix = 0;
            code++;
            cl--;
        } else if (code[cl - 1] == '~') {
            *prefix = 1;
            cl--;
        } else {
            warnf(L, "agent code without '~': [%.*s]", (int)(n > 40 ? 40 : n), s);
            return -1;
        }
    }
    if (set_code(c, code, cl)) {
        warnf(L, "bad code: [%.*s]", (int)(n > 40 ? 40 : n), s);
        return -1;
    }
    while (i < n && is_space((unsigned char)s[i])) i++;
    if (i == n) return 0;
    char op = s[i];
    if (op == '<' || op == '>') i++;
    while (i < n && is_space((unsigned char)s[i])) i++;
    size_t d0 = i;
    while (i < n && is_digit((unsigned char)s[i])) i++;
    int32_t a, b;
    int piv = 0;
    if (tab_date(s + d0, i - d0, &a, &piv)) goto bad;
    while (i < n && is_space((unsigned char)s[i])) i++;
    if (op == '<' || op == '>') {
        if (i != n) goto bad;
        if (op == '<') c->to = a;
        else c->from = a;
        return 0;
    }
    if (i == n) { /* a bare date: from then on */
        c->from = a;
        return 0;
    }
    if (s[i] != '-') goto bad;
    i++;
    while (i < n && is_space((unsigned char)s[i])) i++;
    d0 = i;
    while (i < n && is_digit((unsigned char)s[i])) i++;
    if (tab_date(s + d0, i - d0, &b, NULL)) goto bad;
    while (i < n && is_space((unsigned char)s[i])) i++;
    /* CountryInfo starts careers at birth years: in "270101-730717" the
     * start is 1927, in "950101-370722" 1895: a century earlier when the
     * pivot would put the start after the end. */
    if (b < a && piv && a - 1000000 <= b) a -= 1000000;
    if (i != n || b < a) goto bad;
    c->from = a;
    c->to = b;
    return 0;
bad:
    warnf(L, "bad date restriction: [%.*s]", (int)(n > 40 ? 40 : n), s);
    return -1;
}

/* Parse the code blocks in s[0..n) (everything after the phrase): each
 * good block is added to the open record.  Text outside blocks up to a
 * comment is an error. */
static void tab_codes(loader *L, const char *s, size_t n, int agent) {
    size_t i = 0;
    while (i < n) {
        if (is_space((unsigned char)s[i])) {
            i++;
            continue;
        }
        if (s[i] != '[') {
            warnf(L, "unexpected text after the phrase: %.*s", (int)(n - i > 40 ? 40 : n - i), s + i);
            return;
        }
        const char *e = memchr(s + i, ']', n - i);
        if (!e) e = memchr(s + i, '}', n - i); /* "[~LEG}" is in PETRARCH's own documentation */
        if (!e) {
            warnf(L, "missing ']'");
            return;
        }
        dict_code c;
        int prefix = 0;
        if (!tab_block(L, s + i + 1, (size_t)(e - s) - i - 1, agent, &c, &prefix)) {
            if (L->cur >= 0) {
                if (agent) ent_at(L->d, (uint32_t)L->cur)->agent_prefix = (uint8_t)prefix;
                pend_push(L, &c);
            } else {
                warnf(L, "code without an entry");
            }
        }
        i = (size_t)(e - s) + 1;
    }
}

/* Where the content of a TABARI line ends: the first ';' or '#' outside
 * [...] and {...}. */
static size_t tab_content_end(const char *s, size_t n) {
    int br = 0, cu = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '[') br = 1;
        else if (c == ']') br = 0;
        else if (c == '{') cu = 1;
        else if (c == '}') cu = 0;
        else if ((c == ';' || c == '#') && !br && !cu) return i;
    }
    return n;
}

static const subst *find_subst(const loader *L, const char *s, size_t n) {
    for (size_t i = 0; i < L->nsubs; i++)
        if (strlen(L->subs[i].name) == n && !memcmp(L->subs[i].name, s, n)) return &L->subs[i];
    return NULL;
}

/* "!PERSON! = MAN, MEN, WOMAN" */
static void tab_define(loader *L, const char *s, size_t n) {
    const char *eq = memchr(s, '=', n);
    size_t ml;
    const char *m = trim(s, (size_t)(eq - s), &ml);
    if (ml < 3 || ml >= sizeof L->subs[0].name || m[ml - 1] != '!') {
        warnf(L, "bad substitution set (expected !NAME! = A, B)");
        return;
    }
    size_t nitems = 1;
    for (const char *p = eq + 1; p < s + n; p++) nitems += *p == ',';
    if (vec_reserve((void **)&L->subs, &L->capsubs, L->nsubs + 1, sizeof *L->subs)) {
        L->oom = 1;
        return;
    }
    subst *sb = (subst *)(uintptr_t)find_subst(L, m, ml);
    if (!sb) {
        sb = &L->subs[L->nsubs++];
        memcpy(sb->name, m, ml);
        sb->name[ml] = '\0';
    }
    sb->items = arena_calloc(&L->d->a, nitems, sizeof *sb->items);
    sb->nitems = 0;
    if (!sb->items) {
        L->oom = 1;
        return;
    }
    const char *p = eq + 1, *end = s + n;
    while (p <= end) {
        const char *q = p;
        while (q < end && *q != ',') q++;
        /* "spaces are stripped from the elements" */
        char item[128];
        size_t il = 0;
        for (const char *r = p; r < q && il < sizeof item - 1; r++)
            if (!is_space((unsigned char)*r)) item[il++] = *r;
        if (il) {
            sb->items[sb->nitems] = pool_dup(L->d, item, il);
            if (!sb->items[sb->nitems]) {
                L->oom = 1;
                return;
            }
            sb->nitems++;
        }
        p = q + 1;
    }
    if (!sb->nitems) warnf(L, "empty substitution set %s", sb->name);
}

/* Expand substitution markers (and, for actors, {A | B} alternatives) in
 * the phrase p[0..n), calling put_name for every variant. */
static void expand(loader *L, int32_t ent, const char *p, size_t n, unsigned nf, int alts, int depth) {
    if (L->oom) return;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '!') {
            size_t j = i + 1;
            while (j < n && is_alpha((unsigned char)p[j])) j++;
            if (j >= n || p[j] != '!' || j == i + 1) continue;
            const subst *sb = find_subst(L, p + i, j + 1 - i);
            if (!sb) {
                warnf(L, "undefined substitution %.*s", (int)(j + 1 - i), p + i);
                return;
            }
            if (depth >= 3) {
                warnf(L, "substitutions nested too deep");
                return;
            }
            for (size_t k = 0; k < sb->nitems; k++) {
                char buf[KEY_MAX];
                size_t il = strlen(sb->items[k]);
                if (i + il + (n - j - 1) > sizeof buf) {
                    warnf(L, "name longer than %d bytes", KEY_MAX);
                    return;
                }
                memcpy(buf, p, i);
                memcpy(buf + i, sb->items[k], il);
                memcpy(buf + i + il, p + j + 1, n - j - 1);
                expand(L, ent, buf, i + il + n - j - 1, nf | NF_NOENDING, alts, depth + 1);
            }
            return;
        }
        if (p[i] == '{' && alts) {
            const char *e = memchr(p + i, '}', n - i);
            if (!e) {
                warnf(L, "missing '}'");
                return;
            }
            if (depth >= 3) {
                warnf(L, "alternatives nested too deep");
                return;
            }
            size_t close = (size_t)(e - p), a = i + 1;
            while (a <= close) {
                size_t b = a;
                while (b < close && p[b] != '|') b++;
                size_t al;
                const char *alt = trim(p + a, b - a, &al);
                char buf[KEY_MAX];
                if (i + 1 + al + 1 + (n - close - 1) > sizeof buf) {
                    warnf(L, "name longer than %d bytes", KEY_MAX);
                    return;
                }
                size_t o = 0;
                memcpy(buf, p, i);
                o = i;
                buf[o++] = ' ';
                memcpy(buf + o, alt, al);
                o += al;
                buf[o++] = ' ';
                memcpy(buf + o, p + close + 1, n - close - 1);
                o += n - close - 1;
                expand(L, ent, buf, o, nf, alts, depth + 1);
                a = b + 1;
            }
            return;
        }
    }
    put_name(L, ent, p, n, nf);
}

/* The display name of an imported phrase: '_' as blanks, markers gone. */
static const char *display_name(loader *L, const char *p, size_t n, size_t *len) {
    strbuf *b = &L->plu;
    sb_reset(b);
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)p[i];
        if (c == '_' || is_space(c) || c < 0x20) {
            sp = b->len > 0;
            continue;
        }
        if (c == '=' && (i + 1 == n || p[i + 1] == '_' || is_space((unsigned char)p[i + 1]))) continue;
        if (sp) sb_putc(b, ' ');
        sp = 0;
        sb_putc(b, (char)c);
    }
    *len = b->len;
    return b->oom ? NULL : b->s;
}

/* Whether s[0..n) contains "-->". */
static int has_comment_end(const char *s, size_t n) {
    for (size_t i = 0; i + 3 <= n; i++)
        if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>') return 1;
    return 0;
}

static void tab_line(loader *L, const char *s, size_t n) {
    size_t tl;
    const char *t = trim(s, n, &tl);
    if (L->in_comment) {
        if (has_comment_end(t, tl)) L->in_comment = 0;
        return;
    }
    if (!tl) return;
    if (L->skip_tag[0]) {
        size_t kl = strlen(L->skip_tag);
        if (tl >= kl + 3 && t[0] == '<' && t[1] == '/' && !memcmp(t + 2, L->skip_tag, kl) && t[2 + kl] == '>')
            L->skip_tag[0] = '\0';
        return;
    }
    if (t[0] == '#' || t[0] == ';' || t[0] == '/') return;
    if (t[0] == '<') {
        if (tl >= 2 && t[1] == '!') { /* <!-- ... --> possibly over several lines */
            if (!has_comment_end(t + 2, tl - 2)) {
                L->in_comment = 1;
                L->comment_line = L->line;
            }
            return;
        }
        size_t k = 1;
        while (k < tl && is_alpha((unsigned char)t[k])) k++;
        if (k > 1 && k < tl && t[k] == '>' && k - 1 < sizeof L->skip_tag) {
            /* <NOUN>, <ADJECTIVE>...: words TABARI uses for parsing, not actors. */
            rec_close(L);
            memcpy(L->skip_tag, t + 1, k - 1);
            L->skip_tag[k - 1] = '\0';
            L->skip_line = L->line;
            return;
        }
        if (t[1] == '/') {
            warnf(L, "closing tag without an opening one");
            return;
        }
        warnf(L, "unknown tag");
        return;
    }
    if (tl >= 8 && !memcmp(t, "~~FINISH", 8)) {
        L->finished = 1; /* TABARI's end-of-file mark: what follows is not read */
        return;
    }
    int agent = L->fmt == DICT_AGENTS;
    size_t cend = tab_content_end(t, tl);
    if (t[0] == '!' && memchr(t, '=', cend)) {
        tab_define(L, t, cend);
        return;
    }
    if (t[0] == '[') {
        if (L->cur < 0) {
            warnf(L, "code line without an entry");
            return;
        }
        tab_codes(L, t, cend, agent);
        return;
    }
    int syn = t[0] == '+';
    const char *p = t + syn;
    size_t pn = cend - syn;
    /* The phrase runs to the first '[' (outside braces; actors' {A | B}
     * are part of it); an agent's {...} after it gives the plurals. */
    size_t ph = 0;
    int cu = 0;
    while (ph < pn && (cu || p[ph] != '[') && !(agent && p[ph] == '{')) {
        if (p[ph] == '{') cu = 1;
        else if (p[ph] == '}') cu = 0;
        ph++;
    }
    size_t rest = ph;
    const char *plurals = NULL;
    size_t npl = 0;
    if (agent && ph < pn && p[ph] == '{') {
        const char *e = memchr(p + ph, '}', pn - ph);
        if (!e) {
            warnf(L, "missing '}'");
            return;
        }
        plurals = p + ph + 1;
        npl = (size_t)(e - plurals);
        rest = (size_t)(e - p) + 1;
    }
    size_t phl;
    const char *phrase = trim(p, ph, &phl);
    if (!phl) {
        warnf(L, syn ? "empty synonym" : "line without a phrase");
        return;
    }
    if (syn) {
        if (L->cur < 0) {
            warnf(L, "synonym without an entry");
            return;
        }
    } else {
        size_t dl;
        const char *dn = display_name(L, phrase, phl, &dl);
        if (!dn) {
            L->oom = 1;
            return;
        }
        if (rec_open(L, agent ? DE_AGENT : DE_ACTOR, dn, dl) < 0) return;
    }
    int32_t ent = L->cur;
    tab_codes(L, p + rest, pn - rest, agent);
    /* Agents take PETRARCH's regular plurals, or the ones in {...}, never
     * TABARI's "+S" ending on top. */
    unsigned nf = NF_IMPORTED;
    if (agent) nf |= plurals ? NF_NOENDING : NF_PLURALS | NF_AGENT;
    expand(L, ent, phrase, phl, nf, !agent, 0);
    if (plurals) {
        size_t a = 0;
        while (a < npl) {
            size_t b = a;
            while (b < npl && plurals[b] != '|') b++;
            size_t il;
            const char *it = trim(plurals + a, b - a, &il);
            if (il) expand(L, ent, it, il, NF_IMPORTED | NF_NOENDING, 0, 0);
            a = b + 1;
        }
    }
}

/* ---- public: loading ---------------------------------------------------- */

/* Load a buffer of syntax fmt into d (see dict.h).  Lines end at LF, CR LF
 * or CR; a UTF-8 byte-order mark is skipped; a NUL byte is read as a
 * blank.  A malformed line is warned about and skipped. */
int dict_load_buffer(dict *d, const char *name, const char *buf, size_t len, int fmt, dict_warn_fn warn, void *wctx,
                     size_t *nentries, char *err, size_t errlen) {
    if (nentries) *nentries = 0;
    if (err && errlen) err[0] = '\0';
    if (!d || (!buf && len) || (fmt != DICT_DYAD && fmt != DICT_ACTORS && fmt != DICT_AGENTS)) {
        if (err && errlen) snprintf(err, errlen, "dict_load_buffer: bad argument");
        return DYAD_EINVAL;
    }
    loader L;
    memset(&L, 0, sizeof L);
    L.d = d;
    L.file = name ? name : "(buffer)";
    L.warn = warn;
    L.wctx = wctx;
    L.fmt = fmt;
    L.cur = -1;
    sb_init(&L.txt);
    sb_init(&L.plu);
    if (dyad_doc_new(&L.tmp) != DYAD_OK) {
        if (err && errlen) snprintf(err, errlen, "%s: out of memory", L.file);
        return DYAD_ENOMEM;
    }
    size_t i = 0;
    if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) i = 3;
    char *line = NULL;
    size_t capline = 0;
    long lineno = 0;
    while (i < len && !L.oom) {
        size_t j = i;
        while (j < len && buf[j] != '\n' && buf[j] != '\r') j++;
        size_t n = j - i;
        L.line = ++lineno;
        /* A private copy: NULs become blanks so no string function stops early. */
        if (vec_reserve((void **)&line, &capline, n + 1, 1)) {
            L.oom = 1;
            break;
        }
        for (size_t k = 0; k < n; k++) line[k] = buf[i + k] ? buf[i + k] : ' ';
        line[n] = '\0';
        if (fmt == DICT_DYAD) dyad_line(&L, line, n);
        else tab_line(&L, line, n);
        if (L.finished) break;
        i = j;
        if (i < len) i += (buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n') ? 2 : 1;
    }
    L.line = lineno;
    if (!L.oom) rec_close(&L);
    if (!L.oom && L.skip_tag[0]) {
        L.line = L.skip_line;
        warnf(&L, "<%s> section never closed", L.skip_tag);
    }
    if (!L.oom && L.in_comment) {
        L.line = L.comment_line;
        warnf(&L, "<!-- comment never closed");
    }
    free(line);
    free(L.pend);
    free(L.subs);
    sb_free(&L.txt);
    sb_free(&L.plu);
    dyad_doc_free(L.tmp);
    if (nentries) *nentries = L.added;
    if (L.oom) {
        if (err && errlen) snprintf(err, errlen, "%s: out of memory", L.file);
        return DYAD_ENOMEM;
    }
    return DYAD_OK;
}

/* Read the whole file at path and load it (dict_load_buffer).  DYAD_EIO
 * with the system's reason in err when it cannot be read. */
int dict_load_file(dict *d, const char *path, int fmt, dict_warn_fn warn, void *wctx, size_t *nentries, char *err,
                   size_t errlen) {
    if (nentries) *nentries = 0;
    if (!d || !path) {
        if (err && errlen) snprintf(err, errlen, "dict_load_file: bad argument");
        return DYAD_EINVAL;
    }
    strbuf b;
    sb_init(&b);
    int rc = sb_read_file(&b, path, 0);
    if (rc == SB_EOPEN) {
        if (err && errlen) snprintf(err, errlen, "%s: %s", path, strerror(errno));
        sb_free(&b);
        return DYAD_EIO;
    }
    if (rc == SB_EREAD && err && errlen) snprintf(err, errlen, "%s: read error", path);
    if (rc == SB_ENOMEM && err && errlen) snprintf(err, errlen, "%s: out of memory", path);
    rc = rc == SB_EREAD ? DYAD_EIO : rc == SB_ENOMEM ? DYAD_ENOMEM : DYAD_OK;
    if (rc == DYAD_OK) rc = dict_load_buffer(d, path, b.s, b.len, fmt, warn, wctx, nentries, err, errlen);
    sb_free(&b);
    return rc;
}

/* Look a whole name up: tokenized like text, matched like dict_match at
 * token 0 (case-sensitive names keep their case), and only a match of
 * every token counts.  Allocates a scratch document. */
const dict_entry *dict_lookup(const dict *d, const char *name) {
    if (!d || !name) return NULL;
    dyad_doc *doc = NULL;
    if (dyad_doc_new(&doc) != DYAD_OK) return NULL;
    const dict_entry *e = NULL;
    if (dyad_doc_set_text(doc, name, strlen(name)) == DYAD_OK && tok_run(doc) == DYAD_OK && doc->ntok) {
        const dict_entry *m = NULL;
        int n = dict_match(d, doc, 0, (uint32_t)doc->ntok, 0, &m);
        if (n > 0 && (size_t)n == doc->ntok) e = m;
    }
    dyad_doc_free(doc);
    return e;
}
