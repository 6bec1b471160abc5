/* fuzz_html.c -- libFuzzer target for html_extract (src/html.c).
 *
 * Any bytes are a page.  Checks what html.h promises whatever the input:
 * status DYAD_OK, text and title valid UTF-8, no whitespace at the edges
 * of the text, never two blank lines in a row, and no blow-up: each input
 * byte yields at most 3 output bytes (a byte read as Windows-1252 becomes
 * up to 3 bytes of UTF-8; entities and tags only shrink). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/html.h"
#include "../src/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int valid_utf8(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c < 0xE0) k = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c < 0xF0) k = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c < 0xF5) k = 4, cp = c & 0x07;
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    strbuf out, title, date;
    sb_init(&out);
    sb_init(&title);
    sb_init(&date);
    int rc = html_extract((const char *)data, size, &out, &title, &date);
    if (rc != DYAD_OK) abort();
    const char *s = out.s;
    if (out.len) {
        if (strlen(s) != out.len) abort(); /* no NUL inside the text */
        if (!valid_utf8((const unsigned char *)s, out.len)) abort();
        if (s[0] == ' ' || s[0] == '\n' || s[out.len - 1] == ' ' || s[out.len - 1] == '\n') abort();
        if (strstr(s, "\n\n\n") || strstr(s, " \n")) abort();
    }
    if (out.len > 3 * size + 8) abort();
    if (title.len && !valid_utf8((const unsigned char *)title.s, title.len)) abort();
    if (date.len && !valid_utf8((const unsigned char *)date.s, date.len)) abort();
    if (title.len > 3 * size + 8 || date.len > 3 * size + 8) abort();
    sb_free(&out);
    sb_free(&title);
    sb_free(&date);
    return 0;
}
