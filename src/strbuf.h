/* strbuf.h -- growable byte buffer, always NUL-terminated.
 *
 * Used for JSON output and scratch text.  Growth is geometric and the
 * memory is kept by sb_reset, so a buffer reused per document stops
 * allocating once it has seen the largest document.  On allocation failure
 * the buffer sets its sticky `oom` flag and ignores further appends; callers
 * check it once at the end instead of after every append. */
#ifndef DYAD_STRBUF_H
#define DYAD_STRBUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct strbuf {
    char *s;
    size_t len, cap;
    int oom;
} strbuf;

void sb_init(strbuf *b);
void sb_free(strbuf *b);
void sb_reset(strbuf *b);
/* Make room for n more bytes (plus NUL).  0 or -1 (and oom set). */
int sb_grow(strbuf *b, size_t n);
void sb_putn(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_putc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void sb_put_u64(strbuf *b, uint64_t v);
void sb_put_i64(strbuf *b, int64_t v);
/* s[0..n) as a JSON string literal with quotes; invalid UTF-8 bytes become
 * U+FFFD so the output is always valid JSON. */
void sb_put_json_str(strbuf *b, const char *s, size_t n);

/* Append the whole file at path to b, reading at most max bytes (0: no
 * limit).  0, or SB_EOPEN (errno tells why), SB_EREAD (a read error or a
 * file over max bytes), SB_ENOMEM.  One reader for every file the library
 * loads whole (event patterns, the ontology, dictionaries). */
enum { SB_EOPEN = -1, SB_EREAD = -2, SB_ENOMEM = -3 };
int sb_read_file(strbuf *b, const char *path, size_t max);

#endif
