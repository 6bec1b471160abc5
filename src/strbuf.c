/* strbuf.c -- growable byte buffer (see strbuf.h). */
#include "strbuf.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_init(strbuf *b) { memset(b, 0, sizeof *b); }

void sb_free(strbuf *b) {
    free(b->s);
    memset(b, 0, sizeof *b);
}

void sb_reset(strbuf *b) {
    b->len = 0;
    b->oom = 0;
    if (b->s) b->s[0] = '\0';
}

int sb_grow(strbuf *b, size_t n) {
    if (b->oom) return -1;
    if (n > SIZE_MAX - b->len - 1) goto fail;
    size_t need = b->len + n + 1;
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    char *s = realloc(b->s, cap);
    if (!s) goto fail;
    b->s = s;
    b->cap = cap;
    return 0;
fail:
    b->oom = 1;
    return -1;
}

void sb_putn(strbuf *b, const char *s, size_t n) {
    if (sb_grow(b, n)) return;
    if (n) memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_puts(strbuf *b, const char *s) { sb_putn(b, s, strlen(s)); }

void sb_putc(strbuf *b, char c) {
    if (b->len + 1 < b->cap) { /* fast path: no growth check needed */
        b->s[b->len++] = c;
        b->s[b->len] = '\0';
        return;
    }
    sb_putn(b, &c, 1);
}

void sb_printf(strbuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        sb_putn(b, tmp, (size_t)n);
        return;
    }
    if (sb_grow(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_put_u64(strbuf *b, uint64_t v) {
    char tmp[24];
    int i = (int)sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    sb_putn(b, tmp + i, sizeof tmp - (size_t)i);
}

void sb_put_i64(strbuf *b, int64_t v) {
    if (v < 0) {
        sb_putc(b, '-');
        sb_put_u64(b, (uint64_t)0 - (uint64_t)v);
    } else {
        sb_put_u64(b, (uint64_t)v);
    }
}

void sb_put_json_str(strbuf *b, const char *str, size_t n) {
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    /* Worst case 6 bytes per input byte; reserve once for the common case. */
    if (n < SIZE_MAX / 6 - 2 && sb_grow(b, n + 2)) return;
    sb_putc(b, '"');
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\') run++;
        if (run > i) {
            sb_putn(b, str + i, run - i);
            i = run;
            if (i >= n) break;
        }
        unsigned c = s[i];
        if (c >= 0x80) {
            size_t k = utf8_seq(s + i, n - i);
            if (k) {
                /* U+2028/U+2029 are valid JSON but break JavaScript line readers. */
                if (k == 3 && c == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
                    sb_puts(b, s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
                } else {
                    sb_putn(b, str + i, k);
                }
                i += k;
            } else {
                sb_putn(b, "\xEF\xBF\xBD", 3);
                i++;
            }
            continue;
        }
        switch (c) {
        case '"': sb_putn(b, "\\\"", 2); break;
        case '\\': sb_putn(b, "\\\\", 2); break;
        case '\n': sb_putn(b, "\\n", 2); break;
        case '\r': sb_putn(b, "\\r", 2); break;
        case '\t': sb_putn(b, "\\t", 2); break;
        case '\b': sb_putn(b, "\\b", 2); break;
        case '\f': sb_putn(b, "\\f", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            sb_putn(b, e, 6);
        }
        }
        i++;
    }
    sb_putc(b, '"');
}

int sb_read_file(strbuf *b, const char *path, size_t max) {
    FILE *f = fopen(path, "rb");
    if (!f) return SB_EOPEN;
    int rc = 0;
    for (;;) {
        if (sb_grow(b, 1 << 16)) {
            rc = SB_ENOMEM;
            break;
        }
        size_t got = fread(b->s + b->len, 1, b->cap - b->len - 1, f);
        b->len += got;
        b->s[b->len] = '\0';
        if (max && b->len > max) {
            rc = SB_EREAD;
            break;
        }
        if (got == 0) {
            if (ferror(f)) rc = SB_EREAD;
            break;
        }
    }
    fclose(f);
    return rc;
}
