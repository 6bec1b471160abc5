/* utf8_oracle.h -- a UTF-8 validity check for tests and fuzz targets.
 *
 * Written apart from src/utf8.h on purpose: an oracle that shares the code
 * under test would agree with its bugs.  Rejects overlong forms, surrogates
 * and code points above U+10FFFF. */
#ifndef DYAD_UTF8_ORACLE_H
#define DYAD_UTF8_ORACLE_H

#include <stddef.h>
#include <stdint.h>

static int valid_utf8(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k;
        uint32_t cp;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c < 0xE0) { k = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c < 0xF0) { k = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c < 0xF5) { k = 4; cp = c & 0x07; }
        else return 0;
        if (n - i < k) return 0;
        for (size_t j = 1; j < k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
        if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
        i += k;
    }
    return 1;
}

#endif
