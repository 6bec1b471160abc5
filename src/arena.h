/* arena.h -- bump allocator: one per document, reset between documents.
 *
 * Memory comes in chained blocks that are kept across resets, so a worker
 * that codes a million documents mallocs only while its largest document
 * grows.  Nothing allocated from an arena is freed individually. */
#ifndef DYAD_ARENA_H
#define DYAD_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;   /* block being filled */
    arena_block *first;  /* chain start, kept on reset */
    size_t total;        /* bytes handed out since the last reset */
    size_t limit;        /* 0: none; else arena_alloc fails past it */
} arena;

void arena_init(arena *a);
/* Release every block. */
void arena_free(arena *a);
/* Forget all allocations but keep the blocks for reuse. */
void arena_reset(arena *a);
/* n bytes aligned to 16, or NULL when out of memory, over the limit, or when
 * n overflows.  n == 0 returns a valid unique pointer. */
void *arena_alloc(arena *a, size_t n);
/* Like arena_alloc for count * size with the multiplication checked. */
void *arena_calloc(arena *a, size_t count, size_t size);
/* Copy of s[0..n) with a NUL terminator. */
char *arena_strndup(arena *a, const char *s, size_t n);

/* Grow *ptr (a malloc'ed array of *cap elements of size elem) so it holds at
 * least need elements; geometric growth, overflow-checked.  Returns 0 or -1
 * when out of memory (the old array is then untouched). */
int vec_reserve(void **ptr, size_t *cap, size_t need, size_t elem);

#endif
