/* json.h -- the JSON Lines record reader (private).
 *
 * Input records are flat JSON objects.  Rather than build a tree, the
 * parser walks the object once, hands each key with its value to a callback
 * (strings already unescaped, other values as raw validated JSON), and on
 * error reports the byte column and what it expected -- the SPEC error
 * message.  Nesting is validated iteratively with a depth limit, so hostile
 * input cannot exhaust the stack. */
#ifndef DYAD_JSON_H
#define DYAD_JSON_H

#include <stddef.h>

#include "strbuf.h"

enum { JSON_STRING = 1, JSON_NUMBER, JSON_OTHER /* object, array, true, false, null */ };

/* Called for each member: key (unescaped, NUL-terminated), type, and value:
 * for JSON_STRING the unescaped bytes, else the raw JSON text of the value.
 * raw/rawlen is always the raw JSON text of the value.  Return 0 to go on,
 * non-zero to stop with that status. */
typedef int (*json_member_fn)(void *ud, const char *key, size_t keylen, int type, const char *val,
                              size_t vallen, const char *raw, size_t rawlen);

/* Parse the object in s[0..n).  kbuf and scratch hold the unescaped key and
 * string value (reused between calls).
 * Returns 0, the callback's non-zero status, -1 on a syntax error (err gets
 * "expected ... at column N", *col the 1-based byte column) or -2 when out
 * of memory. */
int json_parse_object(const char *s, size_t n, strbuf *kbuf, strbuf *scratch, json_member_fn fn, void *ud,
                      char *err, size_t errlen, size_t *col);

#endif
