/* model.c -- versioned read-only model images (see model.h). */
#include "model.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../include/dyad.h"

#define HDR 64
#define ENTRY 32
static const char MAGIC[8] = {'D', 'Y', 'A', 'D', 'I', 'M', 'G', 0};

static uint64_t rd64(const unsigned char *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}
static uint32_t rd32(const unsigned char *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* Word-at-a-time multiplicative hash: catches truncation and bit rot at
 * memory speed, so opening a 20 MB model stays well under the 50 ms budget
 * (FNV-1a byte by byte would not). */
static uint64_t image_checksum(const unsigned char *p, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        h ^= rd64(p + i);
        h *= 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    for (; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001B3ull;
    }
    return h ^ (h >> 29);
}

static int little_endian(void) {
    const uint32_t one = 1;
    unsigned char c;
    memcpy(&c, &one, 1);
    return c == 1;
}

static int fail(char *err, size_t errlen, const char *msg, const char *detail) {
    if (err && errlen) snprintf(err, errlen, "%s%s%s", msg, detail ? ": " : "", detail ? detail : "");
    return DYAD_EFORMAT;
}

int model_open(model *m, const void *buf, size_t len, const char *kind, uint32_t kind_version, char *err,
               size_t errlen) {
    memset(m, 0, sizeof *m);
    const unsigned char *b = buf;
    char tmp[64];
    if (!b || len < HDR) return fail(err, errlen, "not a dyad model image", "too short");
    if (!little_endian()) return fail(err, errlen, "dyad model images need a little-endian machine", NULL);
    if (memcmp(b, MAGIC, 8) != 0) return fail(err, errlen, "not a dyad model image", "bad magic");
    uint32_t format = rd32(b + 8);
    if (format != MODEL_FORMAT) {
        snprintf(tmp, sizeof tmp, "image format %u, this dyad reads %u", format, MODEL_FORMAT);
        return fail(err, errlen, "unsupported model image", tmp);
    }
    memcpy(m->kind, b + 12, MODEL_NAME_MAX);
    m->kind[MODEL_NAME_MAX] = '\0';
    for (size_t k = strlen(m->kind); k < MODEL_NAME_MAX; k++)
        if (b[12 + k]) return fail(err, errlen, "corrupt model image", "bad kind name");
    m->kind_version = rd32(b + 28);
    if (kind && strcmp(m->kind, kind) != 0) {
        snprintf(tmp, sizeof tmp, "a \"%.16s\" image, not \"%.16s\"", m->kind, kind);
        return fail(err, errlen, "wrong model", tmp);
    }
    if (kind && m->kind_version != kind_version) {
        snprintf(tmp, sizeof tmp, "%s version %u, this dyad reads version %u", m->kind, m->kind_version, kind_version);
        return fail(err, errlen, "model of another version (retrain or update dyad)", tmp);
    }
    uint64_t total = rd64(b + 40);
    if (total != len) {
        snprintf(tmp, sizeof tmp, "%llu bytes, header says %llu", (unsigned long long)len, (unsigned long long)total);
        return fail(err, errlen, total > len ? "model image is truncated" : "model image has trailing data", tmp);
    }
    if (rd32(b + 36) != 0 || rd64(b + 56) != 0) return fail(err, errlen, "corrupt model image", "reserved header bytes set");
    uint32_t nsect = rd32(b + 32);
    if (nsect > 4096 || HDR + (uint64_t)nsect * ENTRY > len)
        return fail(err, errlen, "corrupt model image", "section table out of bounds");
    if (image_checksum(b + HDR, len - HDR) != rd64(b + 48))
        return fail(err, errlen, "corrupt model image", "checksum mismatch");
    m->sect = calloc(nsect ? nsect : 1, sizeof *m->sect);
    if (!m->sect) return DYAD_ENOMEM;
    for (uint32_t i = 0; i < nsect; i++) {
        const unsigned char *e = b + HDR + (size_t)i * ENTRY;
        uint64_t off = rd64(e + 16), size = rd64(e + 24);
        if (off % MODEL_ALIGN || off > len || size > len - off) {
            free(m->sect);
            m->sect = NULL;
            return fail(err, errlen, "corrupt model image", "section out of bounds");
        }
        memcpy(m->sect[i].name, e, MODEL_NAME_MAX);
        m->sect[i].name[MODEL_NAME_MAX - 1] = '\0';
        m->sect[i].data = b + off;
        m->sect[i].size = size;
    }
    m->buf = b;
    m->len = len;
    m->nsect = nsect;
    return DYAD_OK;
}

int model_map(model *m, const char *path, const char *kind, uint32_t kind_version, char *err, size_t errlen) {
    memset(m, 0, sizeof *m);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (err) snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return DYAD_EIO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
        if (err) snprintf(err, errlen, "%s: not a readable model file", path);
        close(fd);
        return DYAD_EIO;
    }
    size_t len = (size_t)st.st_size;
    void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED) {
        if (err) snprintf(err, errlen, "%s: mmap: %s", path, strerror(errno));
        return DYAD_EIO;
    }
    char why[200];
    int rc = model_open(m, p, len, kind, kind_version, why, sizeof why);
    if (rc) {
        munmap(p, len);
        if (err) snprintf(err, errlen, "%s: %s", path, why);
        return rc;
    }
    m->mapping = p;
    m->maplen = len;
    return DYAD_OK;
}

void model_close(model *m) {
    if (!m) return;
    free(m->sect);
    if (m->mapping) munmap(m->mapping, m->maplen);
    memset(m, 0, sizeof *m);
}

const void *model_section(const model *m, const char *name, uint64_t *size) {
    for (uint32_t i = 0; i < m->nsect; i++) {
        if (strncmp(m->sect[i].name, name, MODEL_NAME_MAX) == 0) {
            if (size) *size = m->sect[i].size;
            return m->sect[i].data;
        }
    }
    if (size) *size = 0;
    return NULL;
}

const void *model_need(const model *m, const char *name, uint64_t size, char *err, size_t errlen) {
    uint64_t got;
    const void *p = model_section(m, name, &got);
    if (!p) {
        if (err) snprintf(err, errlen, "%s model lacks section \"%s\"", m->kind, name);
        return NULL;
    }
    if (size && got != size) {
        if (err)
            snprintf(err, errlen, "%s model section \"%s\" has %llu bytes, expected %llu", m->kind, name,
                     (unsigned long long)got, (unsigned long long)size);
        return NULL;
    }
    return p;
}

void mw_init(model_writer *w, const char *kind, uint32_t kind_version) {
    memset(w, 0, sizeof *w);
    strncpy(w->kind, kind, MODEL_NAME_MAX - 1);
    w->kind_version = kind_version;
}

int mw_add(model_writer *w, const char *name, const void *data, size_t size) {
    if (strlen(name) >= MODEL_NAME_MAX) return -1;
    if (w->nsect == w->cap) {
        uint32_t cap = w->cap ? w->cap * 2 : 8;
        void *n = realloc(w->names, cap * sizeof *w->names);
        if (!n) return -1;
        w->names = n;
        void *d = realloc(w->data, cap * sizeof *w->data);
        if (!d) return -1;
        w->data = d;
        w->cap = cap;
    }
    memset(w->names[w->nsect], 0, MODEL_NAME_MAX);
    memcpy(w->names[w->nsect], name, strlen(name));
    sb_init(&w->data[w->nsect]);
    sb_putn(&w->data[w->nsect], data, size);
    if (w->data[w->nsect].oom) return -1;
    w->nsect++;
    return 0;
}

static void put64(strbuf *b, uint64_t v) { sb_putn(b, (const char *)&v, 8); }
static void put32(strbuf *b, uint32_t v) { sb_putn(b, (const char *)&v, 4); }
static void pad_to(strbuf *b, size_t base, size_t align) {
    static const char zeros[MODEL_ALIGN];
    size_t r = (b->len - base) % align;
    if (r) sb_putn(b, zeros, align - r);
}

int mw_build(model_writer *w, strbuf *out) {
    size_t base = out->len;
    char kind[MODEL_NAME_MAX] = {0};
    memcpy(kind, w->kind, strlen(w->kind));
    sb_putn(out, MAGIC, 8);
    put32(out, MODEL_FORMAT);
    sb_putn(out, kind, MODEL_NAME_MAX);
    put32(out, w->kind_version);
    put32(out, w->nsect);
    put32(out, 0);
    put64(out, 0); /* total, patched below */
    put64(out, 0); /* checksum */
    put64(out, 0);
    /* Section table, offsets computed ahead. */
    uint64_t off = HDR + (uint64_t)w->nsect * ENTRY;
    off = (off + MODEL_ALIGN - 1) / MODEL_ALIGN * MODEL_ALIGN;
    for (uint32_t i = 0; i < w->nsect; i++) {
        sb_putn(out, w->names[i], MODEL_NAME_MAX);
        put64(out, off);
        put64(out, w->data[i].len);
        off += w->data[i].len;
        off = (off + MODEL_ALIGN - 1) / MODEL_ALIGN * MODEL_ALIGN;
    }
    for (uint32_t i = 0; i < w->nsect; i++) {
        pad_to(out, base, MODEL_ALIGN);
        sb_putn(out, w->data[i].s ? w->data[i].s : "", w->data[i].len);
    }
    pad_to(out, base, MODEL_ALIGN);
    if (out->oom) return -1;
    uint64_t total = out->len - base;
    memcpy(out->s + base + 40, &total, 8);
    uint64_t ck = image_checksum((const unsigned char *)out->s + base + HDR, total - HDR);
    memcpy(out->s + base + 48, &ck, 8);
    return 0;
}

int mw_write(model_writer *w, const char *path) {
    strbuf b;
    sb_init(&b);
    if (mw_build(w, &b)) {
        sb_free(&b);
        errno = ENOMEM;
        return -1;
    }
    /* Write to a temporary name and rename: a reader never sees half a model. */
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    int rc = -1;
    if (f) {
        rc = fwrite(b.s, 1, b.len, f) == b.len ? 0 : -1;
        if (fclose(f) != 0) rc = -1;
        if (rc == 0) rc = rename(tmp, path);
        if (rc) unlink(tmp);
    }
    sb_free(&b);
    return rc;
}

void mw_free(model_writer *w) {
    for (uint32_t i = 0; i < w->nsect; i++) sb_free(&w->data[i]);
    free(w->data);
    free(w->names);
    memset(w, 0, sizeof *w);
}
