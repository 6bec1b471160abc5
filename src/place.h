/* place.h -- the gazetteer image and toponym recognition/resolution (private).
 *
 * The gazetteer is a read-only model image (model.h, kind "gazetteer")
 * compiled by tools/build_gazetteer from the GeoNames npm packages and the
 * project's own tables in data/.  It is used in place, from a mmap'ed file
 * or any buffer: every array below is a section of the image, validated
 * once by gaz_open so that lookups never read out of bounds.
 *
 * Sections (all little-endian, 64-byte aligned by model.h):
 *   "entries"  gaz_entry[n]   places, areas, countries, regions
 *   "countries" gaz_country[n]
 *   "names"    gaz_name[n]    folded lookup keys
 *   "slots"    uint32_t[2^k]  open-addressing hash table: name index + 1, 0 empty
 *   "cands"    uint32_t[n]    candidate entry lists of the names, best prior first
 *   "strings"  char[n]        NUL-terminated strings: canonical names, keys
 *
 * Keys are folded with gaz_fold: lower case, diacritics stripped, every run
 * of characters that are not letters or digits turned into one space.  Every
 * word prefix of a multi-word key is also a name (with no candidates), so a
 * scanner extends a token sequence for as long as the table knows it. */
#ifndef DYAD_PLACE_H
#define DYAD_PLACE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

#define GAZ_KIND "gazetteer"
#define GAZ_VERSION 1
#define GAZ_NONE 0xFFFFFFFFu
#define GAZ_NOCOUNTRY 0xFFFFu
#define GAZ_KEY_MAX 128 /* longest folded key, bytes */

/* Feature classes of entries (gaz_entry.feature). */
enum {
    GAZ_F_CITY = 0,
    GAZ_F_ADMIN1,
    GAZ_F_ADMIN2,
    GAZ_F_COUNTRY,
    GAZ_F_REGION,
    GAZ_F_CONTINENT,
    GAZ_F_COUNT
};

/* Entry flags. */
enum {
    GAZ_E_CAPITAL = 1u << 0, /* national capital (GeoNames PPLC) */
    GAZ_E_SEAT = 1u << 1     /* seat of an admin area (PPLA..PPLA4) */
};

/* Name flags. */
enum {
    GAZ_N_DEMONYM = 1u << 0, /* nationality word: a country signal, not a toponym */
    GAZ_N_CUE = 1u << 1,     /* only as a container after a comma ("Tenn.", "TX") */
    GAZ_N_STOP = 1u << 2     /* common word: needs a locative cue */
};

typedef struct gaz_entry {
    int32_t lat, lon;     /* degrees x 1e5 */
    uint32_t geonameid;   /* 0 if none */
    uint32_t pop;         /* population (areas: of their places; countries: 0) */
    uint32_t name;        /* canonical name: offset into "strings" */
    uint32_t admin1;      /* entry index of the containing admin1, or GAZ_NONE */
    uint16_t country;     /* index into "countries", or GAZ_NOCOUNTRY */
    uint8_t feature;      /* GAZ_F_* */
    uint8_t flags;        /* GAZ_E_* */
    uint32_t pad;
} gaz_entry;

typedef struct gaz_country {
    char a2[3], a3[4];    /* NUL-terminated ISO 3166-1 codes */
    uint8_t pad;
    uint32_t entry;       /* its entry */
    uint32_t capital;     /* entry of its capital, or GAZ_NONE */
} gaz_country;

typedef struct gaz_name {
    uint64_t hash;        /* gaz_hash of the key */
    uint32_t key;         /* offset of the folded key in "strings" */
    uint32_t cand;        /* first index into "cands" */
    uint16_t ncand;       /* 0: only a prefix of longer keys */
    uint8_t flags;        /* GAZ_N_* */
    uint8_t keylen;       /* bytes, < GAZ_KEY_MAX */
    uint32_t pad;
} gaz_name;

typedef struct gazetteer gazetteer;

/* Open an image in buf[0..len), which must stay valid and unchanged until
 * gaz_close.  Validates the model header and every offset and index in the
 * sections; DYAD_EFORMAT (message in err) for a corrupt, truncated or
 * foreign image, DYAD_ENOMEM, else DYAD_OK with *out set.  The gazetteer is
 * read-only afterwards and may be shared by threads. */
int gaz_open(gazetteer **out, const void *buf, size_t len, char *err, size_t errlen);
/* mmap path and gaz_open it; DYAD_EIO when it cannot be read. */
int gaz_open_file(gazetteer **out, const char *path, char *err, size_t errlen);
/* Release; accepts NULL. */
void gaz_close(gazetteer *g);

/* Find the toponyms of doc (tokens and sentences must be there) and resolve
 * each to one entry, appending dplace records to doc->places (strings point
 * into the image).  Uses doc->an when the tagger has run.  DYAD_OK or
 * DYAD_ENOMEM.  g may be NULL: then no places are found. */
int place_run(const gazetteer *g, dyad_doc *doc);

/* Evaluation given the toponyms: resolve each of spans[0..n) (gold toponym
 * byte spans of doc->text) in the context of the mentions place_run would
 * find; doc->places gets one record per span the gazetteer knows, in span
 * order, with the span's offsets.  DYAD_OK or DYAD_ENOMEM. */
int place_run_gold(const gazetteer *g, dyad_doc *doc, const dyad_span *spans, size_t n);

/* Fold s[0..n) into out (cap bytes) as a gazetteer key; returns its length,
 * or -1 when the key would not fit.  Leading/trailing separators dropped. */
int gaz_fold(const char *s, size_t n, char *out, size_t cap);
/* FNV-1a 64 hash of a folded key. */
uint64_t gaz_hash(const char *key, size_t n);

/* Lookups for tools and tests.  gaz_find returns the name record of a
 * folded key or NULL; the accessors expose the image read-only. */
const gaz_name *gaz_find(const gazetteer *g, const char *key, size_t n);
const gaz_entry *gaz_entry_at(const gazetteer *g, uint32_t i);
const uint32_t *gaz_cands(const gazetteer *g, const gaz_name *nm);
const char *gaz_str(const gazetteer *g, uint32_t off);
const gaz_country *gaz_country_at(const gazetteer *g, uint32_t i);
size_t gaz_entry_count(const gazetteer *g);
/* "city", "admin1", ... for a GAZ_F_* value. */
const char *gaz_feature_name(unsigned f);

#endif
