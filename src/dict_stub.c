/* TEMPORARY weak stand-ins until src/dict.c lands (lead's build scaffolding; removed then). */
#include "dict.h"
__attribute__((weak)) dict *dict_new(void) { static char dummy; return (dict *)(void *)&dummy; }
__attribute__((weak)) void dict_free(dict *d) { (void)d; }
__attribute__((weak)) int dict_load_file(dict *d, const char *path, int fmt, dict_warn_fn warn, void *wctx, size_t *n, char *err, size_t errlen) { (void)d; (void)path; (void)fmt; (void)warn; (void)wctx; (void)n; (void)err; (void)errlen; return 0; }
__attribute__((weak)) int dict_match(const dict *d, const dyad_doc *doc, uint32_t i, uint32_t end, int caseless, const dict_entry **out) { (void)d; (void)doc; (void)i; (void)end; (void)caseless; *out = NULL; return 0; }
__attribute__((weak)) const dict_code *dict_code_at(const dict_entry *e, int32_t date) { (void)e; (void)date; return NULL; }
