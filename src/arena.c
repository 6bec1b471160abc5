/* arena.c -- chained-block bump allocator (see arena.h). */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_MIN_BLOCK (64u * 1024u)

struct arena_block {
    arena_block *next;
    size_t size;  /* usable bytes in data */
    size_t used;
    _Alignas(16) unsigned char data[];
};

void arena_init(arena *a) { memset(a, 0, sizeof *a); }

void arena_free(arena *a) {
    arena_block *b = a->first;
    while (b) {
        arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->first = a->head = NULL;
    a->total = 0;
}

void arena_reset(arena *a) {
    for (arena_block *b = a->first; b; b = b->next) b->used = 0;
    a->head = a->first;
    a->total = 0;
}

void *arena_alloc(arena *a, size_t n) {
    if (n > SIZE_MAX - ARENA_ALIGN) return NULL;
    size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need == 0) need = ARENA_ALIGN;
    if (a->limit && (need > a->limit || a->total > a->limit - need)) return NULL;
    /* Walk forward through kept blocks before allocating a new one. */
    while (a->head && a->head->size - a->head->used < need) {
        if (!a->head->next) break;
        a->head = a->head->next;
    }
    arena_block *b = a->head;
    if (!b || b->size - b->used < need) {
        size_t size = need > ARENA_MIN_BLOCK ? need : ARENA_MIN_BLOCK;
        if (b && size < b->size * 2 && b->size <= (SIZE_MAX - sizeof(arena_block)) / 4) size = b->size * 2;
        if (size > SIZE_MAX - sizeof(arena_block)) return NULL;
        arena_block *nb = malloc(sizeof(arena_block) + size);
        if (!nb) return NULL;
        nb->size = size;
        nb->used = 0;
        /* Insert after the current head so kept blocks further on stay in the chain. */
        if (b) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = NULL;
            a->first = nb;
        }
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += need;
    a->total += need;
    return p;
}

void *arena_calloc(arena *a, size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) return NULL;
    void *p = arena_alloc(a, count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n) {
    if (n == SIZE_MAX) return NULL;
    char *p = arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int vec_reserve(void **ptr, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return 0;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2) return -1;
        ncap *= 2;
    }
    if (elem && ncap > SIZE_MAX / elem) return -1;
    void *p = realloc(*ptr, ncap * elem);
    if (!p) return -1;
    *ptr = p;
    *cap = ncap;
    return 0;
}
