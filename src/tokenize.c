/* tokenize.c -- the tokenizer: UTF-8 text to byte-offset tokens.
 *
 * The conventions are those of UD English EWT, so that the tagger and
 * parser trained on it see the tokens they were trained on: clitics split
 * (do n't, ca n't, I 'm, Google 's, gon na), word-word hyphens split
 * (search - engine) except after a few prefixes (e-mail, co-operate,
 * non-violent), number ranges split (3 - 4) but phone numbers and dates kept
 * (713-853-3989, 11-20-2000), $ and % split from numbers, abbreviations keep
 * their period (Sen. U.S. a.m.), runs of dots/dashes one token, URLs,
 * e-mails, @handles and #hashtags one token.
 *
 * One pass, left to right, no backtracking beyond a word; ASCII goes
 * through the cls[] table and never calls utf8proc; only bytes >= 0x80 are
 * decoded and classified with utf8proc.  The text is valid UTF-8 (repaired
 * by dyad_doc_set_text), but the decoder still never reads past the end, so
 * a token boundary never falls inside a sequence even on bad input.
 * Nothing is allocated here except through doc_push_tok. */
#include <utf8proc.h>

#include "doc.h"
#include "tokenize.h"

/* ASCII character classes (bytes >= 0x80 are C_HI and decoded). */
enum { C_SP = 1, C_NL = 2, C_UP = 4, C_LO = 8, C_DG = 16, C_HI = 32, C_PU = 64 };
#define C_AL (C_UP | C_LO)
#define C_AN (C_UP | C_LO | C_DG)

/* Other C0 controls and DEL count as spaces (set_text blanks most already). */
static const unsigned char cls[256] = {
    1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  2,  1,  1,  1,  1,  1,  /* 0x00 */
    1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  /* 0x10 */
    1,  64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /*  !"#$%&'()*+,-./ */
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 64, 64, 64, 64, 64, 64, /* 0-9 :;<=>? */
    64, 4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  /* @A-O */
    4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  64, 64, 64, 64, 64, /* P-Z [\]^_ */
    64, 8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  /* `a-o */
    8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  64, 64, 64, 64, 1,  /* p-z {|}~ DEL */
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
};

/* Classes of non-ASCII code points. */
enum {
    U_OTHER = 0, /* other punctuation: one token per code point */
    U_LETTER,    /* letters, marks, digits: part of words */
    U_JOIN,      /* soft hyphen, ZWJ/ZWNJ: inside a word, ignored */
    U_SPACE,     /* NBSP, thin space, ideographic space, BOM, ZWSP */
    U_NL,        /* NEL, line separator */
    U_PARA,      /* paragraph separator */
    U_APOS,      /* ’ ʼ: apostrophe inside a word, closing quote outside */
    U_OQUOTE,    /* “ ‘ « ‹ „ ‚ */
    U_CQUOTE,    /* ” » › */
    U_DASH,      /* ‐ ‑ ‒ – — ― − */
    U_ELLIPSIS,  /* … */
    U_SYMBOL,    /* currency, math, emoji and other symbols */
    U_MOD        /* emoji modifiers and variation selectors: glue to the previous symbol */
};

/* Decode the UTF-8 sequence at s[i] (i < n), store its length in *len.
 * Never reads at or past n: a truncated sequence decodes as one byte. */
static uint32_t dec(const unsigned char *s, size_t n, size_t i, size_t *len) {
    unsigned c = s[i];
    size_t k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c < 0xC0 || i + k > n) {
        *len = 1;
        return 0xFFFD;
    }
    uint32_t cp = c & (k == 2 ? 0x1F : k == 3 ? 0x0F : 0x07);
    for (size_t j = 1; j < k; j++) {
        if ((s[i + j] & 0xC0) != 0x80) {
            *len = 1; /* invalid: keep going one byte at a time */
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[i + j] & 0x3F);
    }
    *len = k;
    return cp;
}

/* Class of a non-ASCII code point. */
static int uclass(uint32_t cp) {
    switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF: case 0x200B:
        return U_SPACE;
    case 0x0085: case 0x2028:
        return U_NL;
    case 0x2029:
        return U_PARA;
    case 0x00AD: case 0x200C: case 0x200D:
        return U_JOIN;
    case 0x2019: case 0x02BC:
        return U_APOS;
    case 0x201C: case 0x2018: case 0x00AB: case 0x2039: case 0x201E: case 0x201A: case 0x201B: case 0x201F:
        return U_OQUOTE;
    case 0x201D: case 0x00BB: case 0x203A:
        return U_CQUOTE;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return U_DASH;
    case 0x2026:
        return U_ELLIPSIS;
    case 0xFE0F: case 0xFE0E: case 0x20E3:
        return U_MOD;
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) return U_SPACE;
    if (cp >= 0x1F3FB && cp <= 0x1F3FF) return U_MOD; /* skin tones */
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return U_LETTER;
    case UTF8PROC_CATEGORY_ZS:
        return U_SPACE;
    case UTF8PROC_CATEGORY_ZL:
        return U_NL;
    case UTF8PROC_CATEGORY_ZP:
        return U_PARA;
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN:
        return U_SYMBOL; /* unassigned and private use: most likely newer emoji */
    case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CC:
        return U_JOIN;
    default:
        return U_OTHER;
    }
}

/* Tokenizer state for one document. */
typedef struct lexer {
    dyad_doc *d;
    const unsigned char *s;
    size_t n;
    tok *out;      /* d->toks, cached here: token stores cannot alias it */
    size_t nt, cap; /* d->ntok and d->captok, written back at the end */
} lexer;

/* Class of the (possibly multi-byte) character at i, or -1 at the end;
 * ASCII answers C_* bits in *acls and U_OTHER, non-ASCII 0 and its U_*. */
static int char_at(const lexer *lx, size_t i, unsigned *acls, size_t *len) {
    if (i >= lx->n) {
        *acls = 0;
        *len = 0;
        return -1;
    }
    unsigned c = lx->s[i];
    if (c < 0x80) {
        *acls = cls[c];
        *len = 1;
        return U_OTHER;
    }
    *acls = 0;
    return uclass(dec(lx->s, lx->n, i, len));
}

/* Nonzero if a word character (ASCII alnum or non-ASCII letter) is at i. */
static int wordch_at(const lexer *lx, size_t i) {
    unsigned a;
    size_t l;
    int u = char_at(lx, i, &a, &l);
    if (u < 0) return 0;
    return (a & C_AN) || (!a && u == U_LETTER);
}

/* Marks an unknown class union for emit_acc. */
#define ACC_UNKNOWN 0x100u

/* Push token [a,b) of the given kind with the whitespace flags ws; the
 * letter/digit/case flags are computed from its bytes: acc is the union of
 * cls[] over them when the caller already has it (the word scanner does),
 * else ACC_UNKNOWN; utf8proc runs only when the token has non-ASCII bytes. */
static int emit_acc(lexer *lx, size_t a, size_t b, int kind, unsigned ws, unsigned acc) {
    const unsigned char *s = lx->s;
    unsigned f = ws;
    if (acc == ACC_UNKNOWN) {
        acc = 0;
        for (size_t j = a; j < b; j++) acc |= cls[s[j]];
    }
    if (acc & C_DG) f |= TOKF_HAS_DIGIT;
    if (!(acc & C_HI)) {
        if (acc & C_AL) {
            f |= TOKF_HAS_ALPHA;
            size_t j = a;
            while (!(cls[s[j]] & C_AL)) j++;
            if (cls[s[j]] & C_UP) f |= TOKF_UPPER;
            if (!(acc & C_LO)) f |= TOKF_ALLCAPS;
        }
    } else {
        unsigned up = 0, lo = 0, seen = 0;
        f |= TOKF_NONASCII;
        for (size_t j = a; j < b; j++) {
            unsigned k = cls[s[j]];
            if (k & C_UP) {
                if (!seen) f |= TOKF_UPPER;
                seen = up = 1;
            } else if (k & C_LO) {
                seen = lo = 1;
            } else if (k & C_HI) {
                size_t l;
                uint32_t cp = dec(s, b, j, &l);
                utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
                if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
                    if (!seen) f |= TOKF_UPPER;
                    seen = up = 1;
                } else if (cat == UTF8PROC_CATEGORY_LL) {
                    seen = lo = 1;
                } else if (cat >= UTF8PROC_CATEGORY_LM && cat <= UTF8PROC_CATEGORY_LO) {
                    seen = 1;
                } else if (cat == UTF8PROC_CATEGORY_ND) {
                    f |= TOKF_HAS_DIGIT;
                }
                j += l - 1;
            }
        }
        if (seen) f |= TOKF_HAS_ALPHA;
        if (up && !lo) f |= TOKF_ALLCAPS;
    }
    size_t nt = lx->nt;
    if (nt < lx->cap) { /* the common case: no call, no reload of doc */
        tok *o = lx->out + nt;
        lx->nt = nt + 1;
        o->start = (uint32_t)a;
        o->end = (uint32_t)b;
        o->flags = (uint16_t)f;
        o->kind = (uint8_t)kind;
        o->pad = 0;
        return 0;
    }
    tok t = {(uint32_t)a, (uint32_t)b, (uint16_t)f, (uint8_t)kind, 0};
    dyad_doc *d = lx->d;
    d->ntok = lx->nt;
    if (doc_push_tok(d, &t)) return -1;
    lx->out = d->toks;
    lx->nt = d->ntok;
    lx->cap = d->captok;
    return 0;
}

/* emit_acc for a token whose classes are not known yet. */
static int emit(lexer *lx, size_t a, size_t b, int kind, unsigned ws) { return emit_acc(lx, a, b, kind, ws, ACC_UNKNOWN); }

static int lower(unsigned c) { return (cls[c] & C_UP) ? (int)(c + 32) : (int)c; }

/* Case-insensitive ASCII comparison of s[0..n) with lower-case w. */
static int ieq(const unsigned char *s, size_t n, const char *w) {
    for (size_t i = 0; i < n; i++)
        if (!w[i] || lower(s[i]) != (unsigned char)w[i]) return 0;
    return w[n] == '\0';
}

/* Length of a URL starting at i (http://, https://, ftp://, www., mailto:),
 * trailing punctuation excluded; 0 if none starts there. */
static size_t url_len(const lexer *lx, size_t i) {
    const unsigned char *s = lx->s + i;
    size_t m = lx->n - i, k;
    if (m >= 8 && ieq(s, 8, "https://"))
        k = 8;
    else if (m >= 7 && ieq(s, 7, "http://"))
        k = 7;
    else if (m >= 6 && ieq(s, 6, "ftp://"))
        k = 6;
    else if (m >= 7 && ieq(s, 7, "mailto:"))
        k = 7;
    else if (m >= 5 && ieq(s, 4, "www.") && (cls[s[4]] & C_AN))
        k = 4;
    else
        return 0;
    size_t e = k, open = 0, close = 0;
    while (e < m) {
        unsigned c = s[e];
        if ((cls[c] & (C_SP | C_NL | C_HI)) || c == '<' || c == '>' || c == '"' || c == '`') break;
        if (c == '(') open++;
        if (c == ')') close++;
        e++;
    }
    while (e > k) {
        unsigned c = s[e - 1];
        if (c == ')' && close > open) {
            close--;
            e--;
        } else if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == ']' ||
                   c == '}') {
            e--;
        } else {
            break;
        }
    }
    return e > k ? e : 0;
}

/* End of the e-mail domain after the "@" at at, or 0 if none: labels of
 * [A-Za-z0-9-] joined by single periods; a single label is accepted too
 * (intranet addresses like name@ENRON, one token in EWT). */
static size_t email_end(const lexer *lx, size_t at) {
    const unsigned char *s = lx->s;
    size_t e = at + 1, dots = 0, last_ok = 0;
    while (e < lx->n && (cls[s[e]] & C_AN)) {
        while (e < lx->n && ((cls[s[e]] & C_AN) || s[e] == '-')) e++;
        last_ok = e;
        if (e + 1 < lx->n && s[e] == '.' && (cls[s[e + 1]] & C_AN)) {
            dots++;
            e++;
        } else {
            break;
        }
    }
    return (dots || last_ok > at + 1) ? last_ok : 0; /* also intranet addresses: name@ENRON */
}

/* Is [a,b) a chain of digit groups joined by single hyphens that reads as a
 * phone number or a date (3+ groups, or 3-4 digits like 345-9945)?  *end
 * gets the end of the chain. */
static int digit_chain(const lexer *lx, size_t a, size_t *end) {
    const unsigned char *s = lx->s;
    size_t e = a, groups = 0, len0 = 0, len1 = 0;
    for (;;) {
        size_t g = e;
        while (e < lx->n && (cls[s[e]] & C_DG)) e++;
        if (e == g) return 0;
        if (groups == 0) len0 = e - g;
        if (groups == 1) len1 = e - g;
        groups++;
        if (e + 1 < lx->n && s[e] == '-' && (cls[s[e + 1]] & C_DG)) {
            e++;
            continue;
        }
        break;
    }
    /* A letter right after the chain (5-10pm) is not a phone number. */
    if (e < lx->n && (cls[s[e]] & C_AL)) return 0;
    *end = e;
    /* 713-853-3989, 11-20-2000; 345-9945 and extensions like 3-5213 */
    return groups >= 3 || (groups == 2 && len0 <= 3 && len1 == 4);
}

/* Whole words that EWT splits although they have no apostrophe. */
static size_t fused_split(const unsigned char *s, size_t n) {
    if (n < 4 || n > 8) return 0;
    static const struct {
        const char *w;
        unsigned char cut;
    } fused[] = {
        {"aint", 2},   {"arent", 3},  {"cannot", 3}, {"cant", 2},    {"couldnt", 5}, {"didnt", 3},
        {"doesnt", 4}, {"dont", 2},   {"gonna", 3},  {"gotta", 3},   {"hasnt", 3},   {"havent", 4},
        {"isnt", 2},   {"shouldnt", 6}, {"wanna", 3}, {"wasnt", 3},  {"werent", 4},  {"wont", 2},
        {"wouldnt", 5},
    };
    /* | 0x20 folds ASCII letters; no other byte folds to n t a o. */
    unsigned l1 = s[n - 1] | 0x20u, l2 = s[n - 2] | 0x20u;
    if (!((l2 == 'n' && l1 == 't') || (l2 == 'n' && l1 == 'a') || (l2 == 't' && l1 == 'a') || (l2 == 'o' && l1 == 't')))
        return 0;
    /* Only all-lower, Capitalised or ALL-CAPS forms. */
    for (size_t i = 1; i < n; i++)
        if ((cls[s[i]] & C_UP) && !(cls[s[n - 1]] & C_UP)) return 0;
    for (size_t k = 0; k < sizeof fused / sizeof fused[0]; k++)
        if (ieq(s, n, fused[k].w)) return fused[k].cut;
    return 0;
}

/* Is the '.'-free or dotted word [a,b) an abbreviation that keeps a
 * following period?  Single letters (initials), dotted letter groups of at
 * most two letters each (U.S, e.g, a.m, Ph.D) and the lexicon. */
static int takes_period(const lexer *lx, size_t a, size_t b) {
    const unsigned char *s = lx->s;
    if (b - a == 1) return (cls[s[a]] & C_AL) != 0;
    size_t seg = 0, dots = 0;
    for (size_t j = a; j < b; j++) {
        if (s[j] == '.') {
            if (seg == 0) return 0;
            dots++;
            seg = 0;
        } else if (cls[s[j]] & C_AL) {
            if (++seg > 2) break;
        } else {
            return 0;
        }
    }
    if (dots && seg <= 2) return 1;
    if (dots) return 0;
    return tok_abbrev_class((const char *)s + a, b - a) != ABBR_NONE;
}

/* Scan the word starting at i.  Returns its end; *kind gets its kind, *cl
 * the end of a clitic split off right after it (== the word's end if none)
 * and *accp the union of cls[] over the word (ACC_UNKNOWN if the word was
 * cut back after scanning). */
static size_t scan_word(const lexer *lx, size_t i, int *kind, size_t *cl, unsigned *accp) {
    const unsigned char *s = lx->s;
    size_t n = lx->n, q = i, seg = i;
    int joined = 0;   /* a hyphen or apostrophe was kept inside */
    int cut_back = 0; /* the word was shortened after scanning */
    unsigned acc = 0, cc;
    *kind = (cls[s[i]] & C_DG) ? TOK_NUM : TOK_WORD;
    *cl = 0;
    *accp = ACC_UNKNOWN;
    for (;;) {
        /* The text is NUL-terminated and cls[0] is a space: no bound check
         * is needed in this, the hottest loop of the tokenizer. */
        while ((cc = cls[s[q]]) & C_AN) {
            acc |= cc;
            q++;
        }
        /* Most words end at a space or line break; the NUL after the text
         * is a space in cls[], so this also stops at the end. */
        if (cc & (C_SP | C_NL)) {
            if (q > n) q = n;
            break;
        }
        if (q >= n) {
            q = n;
            break;
        }
        if (s[q] >= 0x80) {
            size_t l;
            int u = uclass(dec(s, n, q, &l));
            if (u == U_LETTER || u == U_JOIN) {
                acc |= C_HI;
                q += l;
                continue;
            }
            if (u == U_APOS) goto apostrophe;
            break;
        }
        unsigned c = s[q], pv = s[q - 1], nx = q + 1 < n ? s[q + 1] : 0;
        switch (c) {
        case '.':
            if (cls[nx] & C_AN) {
                q++;
                continue;
            }
            break;
        case ',':
        case ':':
        case '/':
            if ((cls[pv] & C_DG) && (cls[nx] & C_DG)) {
                q++;
                continue;
            }
            break;
        case '&':
            if ((cls[pv] & C_UP) && (cls[nx] & C_UP)) {
                q++;
                continue;
            }
            break;
        case '_':
            if (cls[nx] & C_AN) {
                q++;
                continue;
            }
            break;
        case '@': {
            size_t e = email_end(lx, q);
            if (e && !joined) {
                *kind = TOK_EMAIL;
                *cl = e;
                return e;
            }
            break;
        }
        case '-': {
            if (!wordch_at(lx, q + 1)) break;
            size_t e;
            if ((cls[s[seg]] & C_DG) && (cls[nx] & C_DG)) {
                int all = 1;
                for (size_t j = seg; j < q; j++)
                    if (!(cls[s[j]] & C_DG)) all = 0;
                if (all && digit_chain(lx, seg, &e)) {
                    q = e;
                    continue;
                }
                break;
            }
            if (tok_hyphen_prefix((const char *)s + seg, q - seg)) {
                q++;
                seg = q;
                joined = 1;
                continue;
            }
            break;
        }
        case '\'':
            goto apostrophe;
        default:
            break;
        }
        break;

    apostrophe: {
        /* q is at ' or ’ (or ʼ).  Clitics end the word; letters after an
         * inner apostrophe stay (O'Brien, y'all); nothing after it: the
         * apostrophe is a separate token (Christians'). */
        size_t al = s[q] == '\'' ? 1 : (s[q] == 0xE2 ? 3 : 2);
        size_t r = q + al, r2 = r;
        while (r2 < n && (cls[s[r2]] & C_AL)) r2++;
        size_t len = r2 - r;
        int ends = !wordch_at(lx, r2);
        if (ends && len >= 1 && len <= 2) {
            const unsigned char *w = s + r;
            if (ieq(w, len, "s") || ieq(w, len, "m") || ieq(w, len, "d") || ieq(w, len, "re") || ieq(w, len, "ve") ||
                ieq(w, len, "ll")) {
                *cl = r2;
                *accp = acc;
                return q;
            }
            if (len == 1 && lower(w[0]) == 't' && q - 1 > i && lower(s[q - 1]) == 'n') {
                *cl = r2;
                return q - 1;
            }
        }
        if (len > 0) {
            if (al > 1) acc |= C_HI;
            q = r;
            joined = 1;
            continue;
        }
        break;
    }
    }
    /* Number + unit (65k, 35mm, 11AM) splits; ordinals and decades stay. */
    if (*kind == TOK_NUM && !joined) {
        size_t j = i;
        while (j < q && !(cls[s[j]] & C_AL)) j++;
        if (j < q) {
            size_t k = j;
            while (k < q && (cls[s[k]] & C_AL)) k++;
            if (k == q) {
                const unsigned char *w = s + j;
                size_t len = q - j;
                if (!(ieq(w, len, "st") || ieq(w, len, "nd") || ieq(w, len, "rd") || ieq(w, len, "th") ||
                      ieq(w, len, "s")) &&
                    (cls[s[j - 1]] & C_DG)) {
                    q = j;
                    cut_back = 1;
                }
            }
        }
    }
    /* The abbreviation keeps its period, but not the start of an ellipsis;
     * "Inc.." is Inc. plus a sentence period. */
    if (q < n && s[q] == '.' && !(q + 1 < n && s[q + 1] == '.' && q + 2 < n && s[q + 2] == '.') &&
        takes_period(lx, i, q)) {
        *kind = TOK_ABBREV;
        q++;
    } else if (*kind == TOK_WORD && !joined) {
        size_t cut = fused_split(s + i, q - i);
        if (cut) {
            *cl = q;
            return i + cut;
        }
    }
    if (!cut_back) *accp = acc;
    return q;
}

/* Open or close, for a straight quote at [a,b): opening after a space,
 * the start or an opening bracket, closing otherwise. */
static unsigned quote_dir(const lexer *lx, size_t a, size_t b) {
    unsigned prev = a ? lx->s[a - 1] : ' ';
    int after_space = (cls[prev] & (C_SP | C_NL)) || prev == '(' || prev == '[' || prev == '{' || prev == '-' ||
                      prev == '/' || (prev >= 0x80 && a >= 3 && lx->s[a - 3] == 0xE2 && lx->s[a - 2] == 0x80 &&
                                      (prev == 0x9C || prev == 0x98 || prev == 0x94 || prev == 0x93));
    if (after_space) {
        unsigned nx = b < lx->n ? lx->s[b] : ' ';
        return (cls[nx] & (C_SP | C_NL)) ? TOKF_CLOSE_QUOTE : TOKF_OPEN_QUOTE;
    }
    return TOKF_CLOSE_QUOTE;
}

/* End of a run of the byte c starting at i. */
static size_t run_of(const lexer *lx, size_t i, unsigned c) {
    while (i < lx->n && lx->s[i] == c) i++;
    return i;
}

/* An emoticon like :) :-( ;-) :D at i, followed by a space or the end?
 * Returns its end or 0. */
static size_t emoticon(const lexer *lx, size_t i) {
    const unsigned char *s = lx->s;
    size_t e = i + 1;
    if (e < lx->n && s[e] == '-') e++;
    if (e >= lx->n) return 0;
    unsigned m = s[e];
    if (!(m == ')' || m == '(' || m == 'D' || m == 'P' || m == 'p' || m == '/')) return 0;
    e++;
    if (e < lx->n && !(cls[s[e]] & (C_SP | C_NL))) return 0;
    if (m == '/' && e == i + 2) return 0; /* ":/" in a path */
    return e;
}

/* Tokenize one punctuation/symbol/quote token at i; pushes it and returns
 * its end (0 on OOM). */
static size_t punct(lexer *lx, size_t i, unsigned ws) {
    const unsigned char *s = lx->s;
    size_t n = lx->n, e = i + 1;
    unsigned c = s[i];
    int kind = TOK_PUNCT;
    unsigned f = ws;
    switch (c) {
    case '.':
    case '?':
    case '!':
        while (e < n && (s[e] == '.' || s[e] == '?' || s[e] == '!')) e++;
        break;
    case '-':
    case '=':
    case '*':
    case '_':
    case '~':
    case '<':
    case '>':
    case '+':
    case '^':
    case '|':
    case '$':
    case '%':
    case '&':
    case '\\':
        e = run_of(lx, i, c);
        if (c != '-' && c != '_') kind = TOK_SYMBOL;
        break;
    case '"':
        kind = TOK_QUOTE;
        f |= quote_dir(lx, i, e);
        break;
    case '`':
        e = run_of(lx, i, c);
        kind = TOK_QUOTE;
        f |= TOKF_OPEN_QUOTE;
        break;
    case '\'':
        e = run_of(lx, i, c);
        kind = TOK_QUOTE;
        if (e == i + 1 && e + 1 < n && (cls[s[e]] & C_DG) && (cls[s[e + 1]] & C_DG) &&
            !(e + 2 < n && (cls[s[e + 2]] & C_DG)) && (i == 0 || (cls[s[i - 1]] & (C_SP | C_NL)))) {
            /* '72, '90s: a year */
            e += 2;
            if (e < n && s[e] == 's') e++;
            kind = TOK_NUM;
        } else if (e == i + 1) {
            f |= quote_dir(lx, i, e);
        } else {
            f |= TOKF_CLOSE_QUOTE;
        }
        break;
    case ':':
    case ';':
        if ((e = emoticon(lx, i)) != 0)
            kind = TOK_SYMBOL;
        else
            e = i + 1;
        break;
    case '@':
        if (e < n && ((cls[s[e]] & C_AL) || s[e] == '_')) {
            while (e < n && ((cls[s[e]] & C_AN) || s[e] == '_')) e++;
            kind = TOK_HANDLE;
        } else {
            kind = TOK_SYMBOL;
        }
        break;
    case '#':
        if (e < n && (cls[s[e]] & C_AL)) {
            while (e < n && ((cls[s[e]] & C_AN) || s[e] == '_')) e++;
            kind = TOK_HASHTAG;
        } else {
            e = run_of(lx, i, c);
            kind = TOK_SYMBOL;
        }
        break;
    default:
        if (c >= 0x80) {
            size_t l;
            uint32_t cp = dec(s, n, i, &l);
            int u = uclass(cp);
            e = i + l;
            switch (u) {
            case U_OQUOTE:
                kind = TOK_QUOTE;
                f |= TOKF_OPEN_QUOTE;
                break;
            case U_APOS:
                /* ’73 is a year; otherwise a closing single quote. */
                if (e + 1 < n && (cls[s[e]] & C_DG) && (cls[s[e + 1]] & C_DG) && !(e + 2 < n && (cls[s[e + 2]] & C_DG)) &&
                    (i == 0 || (cls[s[i - 1]] & (C_SP | C_NL)))) {
                    e += 2;
                    if (e < n && s[e] == 's') e++;
                    kind = TOK_NUM;
                    break;
                }
                kind = TOK_QUOTE;
                f |= quote_dir(lx, i, e);
                break;
            case U_CQUOTE:
                kind = TOK_QUOTE;
                f |= TOKF_CLOSE_QUOTE;
                break;
            case U_DASH:
            case U_ELLIPSIS:
                while (e + l <= n && dec(s, n, e, &l) == cp) e += l;
                break;
            case U_SYMBOL:
            case U_MOD:
                kind = TOK_SYMBOL;
                /* Keep an emoji sequence together: modifiers, variation
                 * selectors, keycaps, and ZWJ joins. */
                for (;;) {
                    size_t l2;
                    if (e >= n || s[e] < 0x80) break;
                    uint32_t c2 = dec(s, n, e, &l2);
                    int u2 = uclass(c2);
                    if (u2 == U_MOD) {
                        e += l2;
                    } else if (c2 == 0x200D && e + l2 < n && s[e + l2] >= 0x80) {
                        size_t l3;
                        dec(s, n, e + l2, &l3);
                        e += l2 + l3;
                    } else if (c2 >= 0x1F1E6 && c2 <= 0x1F1FF && cp >= 0x1F1E6 && cp <= 0x1F1FF && e == i + 4) {
                        e += l2; /* flag: a pair of regional indicators */
                    } else {
                        break;
                    }
                }
                break;
            default:
                break;
            }
        }
        break;
    }
    /* A single ASCII punctuation byte has no letter or digit: skip the
     * class scan (, . " ( ) are most of the punctuation tokens). */
    if (emit_acc(lx, i, e, kind, f, (e == i + 1 && c < 0x80) ? cls[c] : ACC_UNKNOWN)) return 0;
    return e;
}

int tok_run(dyad_doc *d) {
    if (!d) return DYAD_EINVAL;
    d->ntok = 0;
    if (!d->text || !d->len) return DYAD_OK;
    lexer lx = {d, (const unsigned char *)d->text, d->len, d->toks, 0, d->captok};
    const unsigned char *s = lx.s;
    size_t n = lx.n, i = 0;
    unsigned ws = 0; /* TOKF_*_BEFORE flags gathered from whitespace */
    int nl = 0;      /* line breaks since the last token */
    int line_start = 0;
    while (i < n) {
        unsigned c = s[i], k;
        if (c == ' ') { /* the most common byte between tokens, first */
            ws |= line_start ? TOKF_SPACE_BEFORE | TOKF_PARA_BEFORE : TOKF_SPACE_BEFORE;
            i++;
            continue;
        }
        k = cls[c];
        if (k & C_SP) {
            /* Indentation right after a line break marks a paragraph (Reuters
             * wire style); \r is part of the line break, not indentation. */
            if (line_start && (c == ' ' || c == '\t')) ws |= TOKF_PARA_BEFORE;
            if (c == '\f') ws |= TOKF_PARA_BEFORE | TOKF_NL_BEFORE;
            if (c == '\r' && !(i + 1 < n && s[i + 1] == '\n')) goto newline;
            ws |= TOKF_SPACE_BEFORE;
            i++;
            continue;
        }
        if (k & C_NL) {
        newline:
            ws |= TOKF_SPACE_BEFORE | TOKF_NL_BEFORE;
            if (++nl >= 2) ws |= TOKF_PARA_BEFORE;
            line_start = 1;
            i++;
            continue;
        }
        if (c >= 0x80) {
            size_t l;
            int u = uclass(dec(s, n, i, &l));
            if (u == U_SPACE || u == U_NL || u == U_PARA || u == U_JOIN) {
                ws |= TOKF_SPACE_BEFORE;
                if (u == U_NL) {
                    ws |= TOKF_NL_BEFORE;
                    if (++nl >= 2) ws |= TOKF_PARA_BEFORE;
                    line_start = 1;
                } else if (u == U_PARA) {
                    ws |= TOKF_NL_BEFORE | TOKF_PARA_BEFORE;
                } else if (u == U_SPACE && line_start) {
                    ws |= TOKF_PARA_BEFORE;
                }
                i += l;
                continue;
            }
            if (u == U_LETTER) goto word;
            goto other;
        }
        if (k & C_AN) {
        word:;
            size_t e = 0;
            int kind;
            /* A URL starts http ftp www mailto: test two letters before
             * calling (the text is NUL-terminated, so s[i + 2] is safe
             * once s[i + 1] is a letter). */
            unsigned l0 = c | 0x20, l1 = s[i + 1] | 0x20u;
            if ((l0 == 'h' && l1 == 't') || (l0 == 'w' && l1 == 'w') || (l0 == 'f' && l1 == 't') ||
                (l0 == 'm' && l1 == 'a' && (s[i + 2] | 0x20) == 'i'))
                e = url_len(&lx, i);
            if (e) {
                e += i;
                kind = TOK_URL;
                if (emit(&lx, i, e, kind, ws)) return DYAD_ENOMEM;
                i = e;
            } else {
                size_t cl;
                unsigned acc;
                e = scan_word(&lx, i, &kind, &cl, &acc);
                if (kind == TOK_EMAIL) {
                    if (emit(&lx, i, cl, kind, ws)) return DYAD_ENOMEM;
                    i = cl;
                } else {
                    if (e == i) e = i + 1; /* cannot happen; guarantees progress */
                    if (!(acc & (C_HI | ACC_UNKNOWN)) && (cls[c] & C_AL) && lx.nt < lx.cap) {
                        /* The common case inline: an ASCII word starting with a
                         * letter, its classes known, room in the array. */
                        unsigned f = ws | TOKF_HAS_ALPHA;
                        if (acc & C_DG) f |= TOKF_HAS_DIGIT;
                        if (cls[c] & C_UP) f |= TOKF_UPPER;
                        if (!(acc & C_LO)) f |= TOKF_ALLCAPS;
                        tok *o = lx.out + lx.nt++;
                        o->start = (uint32_t)i;
                        o->end = (uint32_t)e;
                        o->flags = (uint16_t)f;
                        o->kind = (uint8_t)kind;
                        o->pad = 0;
                    } else if (emit_acc(&lx, i, e, kind, ws, acc)) {
                        return DYAD_ENOMEM;
                    }
                    i = e;
                    if (cl > e) {
                        if (emit(&lx, e, cl, TOK_CLITIC, 0)) return DYAD_ENOMEM;
                        i = cl;
                    }
                }
            }
        } else {
        other:;
            size_t e = punct(&lx, i, ws);
            if (!e) return DYAD_ENOMEM;
            i = e;
        }
        ws = 0;
        nl = 0;
        line_start = 0;
    }
    d->ntok = lx.nt;
    return DYAD_OK;
}
