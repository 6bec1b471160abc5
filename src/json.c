/* json.c -- flat JSON object parser for input records (see json.h).
 *
 * Strict RFC 8259 syntax with two tolerances news dumps need: raw control
 * bytes inside strings (tabs and newlines from careless exporters) and
 * invalid UTF-8 (repaired later, when the text is set on the document).
 * Lone UTF-16 surrogates in \u escapes become U+FFFD. */
#include "json.h"
#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define JSON_MAX_DEPTH 512

typedef struct jp {
    const char *s;
    size_t n, i;
    char *err;
    size_t errlen;
    size_t *col;
} jp;

static int fail(jp *p, const char *what) {
    if (p->col) *p->col = p->i + 1;
    if (p->i >= p->n)
        snprintf(p->err, p->errlen, "%s, found end of line at column %zu", what, p->i + 1);
    else
        snprintf(p->err, p->errlen, "%s at column %zu", what, p->i + 1);
    return -1;
}

static void ws(jp *p) {
    while (p->i < p->n) {
        char c = p->s[p->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        p->i++;
    }
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int hex4(jp *p, size_t at, unsigned *out) {
    if (at + 4 > p->n) return -1;
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(p->s[at + (size_t)k]);
        if (h < 0) return -1;
        v = v * 16 + (unsigned)h;
    }
    *out = v;
    return 0;
}

static void put_cp(strbuf *b, unsigned cp) {
    char o[4];
    sb_putn(b, o, utf8_put(o, cp));
}

/* Parse a string at p->i (on the opening quote).  With out, unescape into
 * it; without, only validate. */
static int string(jp *p, strbuf *out) {
    p->i++; /* opening quote */
    for (;;) {
        size_t run = p->i;
        /* Fast path: skip eight bytes at a time that hold neither a quote
         * nor a backslash (zero-byte test on w ^ pattern). */
        while (run + 8 <= p->n) {
            uint64_t w, q, b;
            memcpy(&w, p->s + run, 8);
            q = w ^ 0x2222222222222222ull;
            b = w ^ 0x5C5C5C5C5C5C5C5Cull;
            if (((q - 0x0101010101010101ull) & ~q & 0x8080808080808080ull) ||
                ((b - 0x0101010101010101ull) & ~b & 0x8080808080808080ull))
                break;
            run += 8;
        }
        while (run < p->n && p->s[run] != '"' && p->s[run] != '\\') run++;
        if (out && run > p->i) sb_putn(out, p->s + p->i, run - p->i);
        p->i = run;
        if (p->i >= p->n) return fail(p, "unterminated string");
        if (p->s[p->i] == '"') {
            p->i++;
            return 0;
        }
        /* backslash */
        if (p->i + 1 >= p->n) {
            p->i++;
            return fail(p, "unterminated string");
        }
        char e = p->s[p->i + 1];
        char c;
        switch (e) {
        case '"': c = '"'; break;
        case '\\': c = '\\'; break;
        case '/': c = '/'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u': {
            unsigned cp;
            if (hex4(p, p->i + 2, &cp)) {
                p->i++;
                return fail(p, "bad \\u escape");
            }
            p->i += 6;
            if (cp >= 0xD800 && cp < 0xDC00) {
                unsigned lo;
                if (p->i + 1 < p->n && p->s[p->i] == '\\' && p->s[p->i + 1] == 'u' && !hex4(p, p->i + 2, &lo) &&
                    lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p->i += 6;
                } else {
                    cp = 0xFFFD; /* lone high surrogate */
                }
            } else if (cp >= 0xDC00 && cp < 0xE000) {
                cp = 0xFFFD; /* lone low surrogate */
            }
            if (out) put_cp(out, cp);
            continue;
        }
        default:
            p->i++;
            return fail(p, "bad escape in string");
        }
        if (out) sb_putc(out, c);
        p->i += 2;
    }
}

static int number(jp *p) {
    size_t st = p->i;
    if (p->i < p->n && p->s[p->i] == '-') p->i++;
    if (p->i >= p->n) return fail(p, "bad number");
    if (p->s[p->i] == '0') {
        p->i++;
    } else if (p->s[p->i] >= '1' && p->s[p->i] <= '9') {
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
    } else {
        return fail(p, "bad number");
    }
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        size_t d = p->i;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
        if (p->i == d) return fail(p, "bad number");
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-')) p->i++;
        size_t d = p->i;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
        if (p->i == d) return fail(p, "bad number");
    }
    (void)st;
    return 0;
}

static int literal(jp *p, const char *w) {
    size_t k = strlen(w);
    if (p->i + k > p->n || memcmp(p->s + p->i, w, k) != 0) return fail(p, "expected a value");
    p->i += k;
    return 0;
}

/* Validate any value iteratively: a stack of container kinds bounded by
 * JSON_MAX_DEPTH instead of recursion. */
static int value(jp *p) {
    char stack[JSON_MAX_DEPTH];
    int depth = 0;
    for (;;) {
        ws(p);
        if (p->i >= p->n) return fail(p, "expected a value");
        char c = p->s[p->i];
        /* Parse one value; containers push and loop. */
        if (c == '{' || c == '[') {
            if (depth == JSON_MAX_DEPTH) return fail(p, "nesting too deep");
            stack[depth++] = c;
            p->i++;
            ws(p);
            if (c == '{') {
                if (p->i < p->n && p->s[p->i] == '}') {
                    p->i++;
                    depth--;
                    goto after_value;
                }
                if (p->i >= p->n || p->s[p->i] != '"') return fail(p, "expected a string key");
                if (string(p, NULL)) return -1;
                ws(p);
                if (p->i >= p->n || p->s[p->i] != ':') return fail(p, "expected ':'");
                p->i++;
                continue;
            }
            if (p->i < p->n && p->s[p->i] == ']') {
                p->i++;
                depth--;
                goto after_value;
            }
            continue;
        }
        if (c == '"') {
            if (string(p, NULL)) return -1;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (number(p)) return -1;
        } else if (c == 't') {
            if (literal(p, "true")) return -1;
        } else if (c == 'f') {
            if (literal(p, "false")) return -1;
        } else if (c == 'n') {
            if (literal(p, "null")) return -1;
        } else {
            return fail(p, "expected a value");
        }
    after_value:
        for (;;) {
            if (depth == 0) return 0;
            ws(p);
            if (p->i >= p->n) return fail(p, stack[depth - 1] == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
            char d = p->s[p->i];
            if (d == ',') {
                p->i++;
                if (stack[depth - 1] == '{') {
                    ws(p);
                    if (p->i >= p->n || p->s[p->i] != '"') return fail(p, "expected a string key");
                    if (string(p, NULL)) return -1;
                    ws(p);
                    if (p->i >= p->n || p->s[p->i] != ':') return fail(p, "expected ':'");
                    p->i++;
                }
                break; /* parse the next value */
            }
            if ((d == '}' && stack[depth - 1] == '{') || (d == ']' && stack[depth - 1] == '[')) {
                p->i++;
                depth--;
                continue;
            }
            return fail(p, stack[depth - 1] == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
        }
    }
}

int json_parse_object(const char *s, size_t n, strbuf *kbuf, strbuf *scratch, json_member_fn fn, void *ud,
                      char *err, size_t errlen, size_t *col) {
    jp p = {s, n, 0, err, errlen, col};
    ws(&p);
    if (p.i >= n || s[p.i] != '{') return fail(&p, "expected '{' (a JSON object)");
    p.i++;
    ws(&p);
    if (p.i < n && s[p.i] == '}') {
        p.i++;
        goto end;
    }
    for (;;) {
        ws(&p);
        if (p.i >= n || s[p.i] != '"') return fail(&p, "expected a string key");
        sb_reset(kbuf);
        if (string(&p, kbuf)) return -1;
        if (kbuf->oom) return -2;
        ws(&p);
        if (p.i >= n || s[p.i] != ':') return fail(&p, "expected ':'");
        p.i++;
        ws(&p);
        if (p.i >= n) return fail(&p, "expected a value");
        size_t vstart = p.i;
        int type;
        const char *val;
        size_t vlen;
        if (s[p.i] == '"') {
            sb_reset(scratch);
            if (string(&p, scratch)) return -1;
            if (scratch->oom) return -2;
            type = JSON_STRING;
            val = scratch->s ? scratch->s : "";
            vlen = scratch->len;
        } else {
            if (value(&p)) return -1;
            type = (s[vstart] == '-' || (s[vstart] >= '0' && s[vstart] <= '9')) ? JSON_NUMBER : JSON_OTHER;
            val = s + vstart;
            vlen = p.i - vstart;
        }
        int rc = fn(ud, kbuf->s ? kbuf->s : "", kbuf->len, type, val, vlen, s + vstart, p.i - vstart);
        if (rc) return rc;
        ws(&p);
        if (p.i < n && s[p.i] == ',') {
            p.i++;
            continue;
        }
        if (p.i < n && s[p.i] == '}') {
            p.i++;
            break;
        }
        return fail(&p, "expected ',' or '}'");
    }
end:
    ws(&p);
    if (p.i < n) return fail(&p, "unexpected data after the object");
    return 0;
}
