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
#include "../tests/utf8_oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
