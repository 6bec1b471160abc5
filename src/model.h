/* model.h -- versioned, read-only model images (private).
 *
 * Every trained model and compiled lexicon of dyad is one image: a header,
 * a table of named sections, and the sections themselves, each 64-byte
 * aligned so that arrays inside can be used in place from a mmap'ed file
 * or any buffer.  Opening validates everything a reader could trip on --
 * magic, version, endianness, sizes, that every section lies inside the
 * buffer -- so a truncated, corrupt or foreign file is refused with a
 * message, never read out of bounds.  Section contents are then checked by
 * the stage that owns them (model_section gives pointer and size only).
 *
 * Layout (little-endian, the only byte order dyad runs on):
 *   0   magic "DYADIMG\0"      8 bytes
 *   8   format u32 (= MODEL_FORMAT)
 *   12  kind[16]               NUL-padded, e.g. "tagger"
 *   28  kind_version u32       the owning stage's own format version
 *   32  nsect u32, pad u32
 *   40  total_size u64         the image's exact length
 *   48  checksum u64           over bytes [64, total_size), see model.c
 *   56  reserved u64
 *   64  section table: nsect x { name[16], offset u64, size u64 }
 *   then the sections, each at a 64-byte aligned offset. */
#ifndef DYAD_MODEL_H
#define DYAD_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

#define MODEL_FORMAT 1
#define MODEL_NAME_MAX 16
#define MODEL_ALIGN 64

typedef struct model_sect {
    char name[MODEL_NAME_MAX]; /* NUL-padded */
    const unsigned char *data;
    uint64_t size;
} model_sect;

typedef struct model {
    const unsigned char *buf;
    size_t len;
    char kind[MODEL_NAME_MAX + 1];
    uint32_t kind_version;
    uint32_t nsect;
    model_sect *sect; /* malloc'ed, nsect entries */
    void *mapping;    /* non-NULL when model_map mmap'ed the file */
    size_t maplen;
} model;

/* Open an image in buf[0..len) (not copied: it must outlive the model).
 * kind and kind_version must match the image's.  On failure returns
 * DYAD_EFORMAT (or DYAD_ENOMEM) and writes the reason to err. */
int model_open(model *m, const void *buf, size_t len, const char *kind, uint32_t kind_version, char *err,
               size_t errlen);
/* mmap path read-only and model_open it; DYAD_EIO if it cannot be read. */
int model_map(model *m, const char *path, const char *kind, uint32_t kind_version, char *err, size_t errlen);
/* Release the section table and any mapping.  Accepts a zeroed model. */
void model_close(model *m);

/* Section by name, or NULL if absent.  *size (may be NULL) gets its size. */
const void *model_section(const model *m, const char *name, uint64_t *size);
/* Section that must exist with exactly size bytes (or, with size 0, any
 * size): NULL and a message in err otherwise. */
const void *model_need(const model *m, const char *name, uint64_t size, char *err, size_t errlen);

/* ---- writing (training tools) ------------------------------------------- */

typedef struct model_writer {
    char kind[MODEL_NAME_MAX];
    uint32_t kind_version;
    uint32_t nsect, cap;
    char (*names)[MODEL_NAME_MAX];
    strbuf *data;
} model_writer;

void mw_init(model_writer *w, const char *kind, uint32_t kind_version);
/* Add a section (copied).  0, or -1 when out of memory or the name is too long. */
int mw_add(model_writer *w, const char *name, const void *data, size_t size);
/* Serialise to path; 0 or -1 (errno set). */
int mw_write(model_writer *w, const char *path);
/* Serialise into out (appended). */
int mw_build(model_writer *w, strbuf *out);
void mw_free(model_writer *w);

#endif
