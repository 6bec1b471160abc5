/* export.c -- a document's events as tab-separated rows.
 *
 * Two tables for tools that predate JSON records: a GDELT-like TSV (one
 * row per event, a stable id, actors, codes, mode, claimant, place and the
 * document's provenance) and PETRARCH2's event lines, so dyad can stand in
 * for PETRARCH in an existing pipeline.  Both read the events through
 * dyad_doc_event, the one place that maps the private model to public
 * fields; the columns are documented in docs/output-formats.md and must
 * not move. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"

static const char tsv_header_cameo[] =
    "event_id\tdate\tactor1_code\tactor1_name\tactor1_country\tactor2_code\tactor2_name\tactor2_country"
    "\tevent_code\tevent_base_code\tevent_root_code\tquad_class\tgoldstein\tmode\tattributed_to"
    "\tplace_name\tplace_country\tlat\tlon\tdoc_id\tdoc_url\tdoc_source\tsentence\n";
static const char tsv_header_plover[] =
    "event_id\tdate\tactor1_code\tactor1_name\tactor1_country\tactor2_code\tactor2_name\tactor2_country"
    "\tevent_type\tevent_mode\tevent_context\tquad_class\tgoldstein\tmode\tattributed_to"
    "\tplace_name\tplace_country\tlat\tlon\tdoc_id\tdoc_url\tdoc_source\tsentence\n";

const char *dyad_event_rows_header(int format, unsigned flags) {
    if (format != DYAD_ROWS_TSV) return "";
    return (flags & DYAD_ROWS_PLOVER) ? tsv_header_plover : tsv_header_cameo;
}

/* s as one field: control bytes (tab, line breaks) become spaces so a
 * name from a dictionary or the text cannot split a row.  NULL: empty. */
static void put_clean(strbuf *b, const char *s) {
    if (!s) return;
    size_t n = strlen(s), at = b->len;
    sb_putn(b, s, n);
    if (b->oom) return;
    for (size_t i = at; i < b->len; i++)
        if ((unsigned char)b->s[i] < 0x20 || b->s[i] == 0x7f) b->s[i] = ' ';
}

/* A column and its tab. */
static void put_col(strbuf *b, const char *s) {
    put_clean(b, s);
    sb_putc(b, '\t');
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* s starts with YYYY-MM-DD; whole: nothing follows it (a resolved range
 * "2023-02-27/2023-03-05" or a month "2023-03" is not one day). */
static int is_day(const char *s, int whole) {
    if (!s) return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return 0;
        } else if (!is_digit(s[i])) {
            return 0;
        }
    }
    return !whole || s[10] == '\0';
}

/* The row date as YYYYMMDD into out[9]: the event's own date when the text
 * resolves it to a day, else the document's; "" when neither is known. */
static void row_date(const dyad_event *e, const char *doc_date, char out[9]) {
    const char *s = is_day(e->date, 1) ? e->date : is_day(doc_date, 0) ? doc_date : NULL;
    out[0] = '\0';
    if (!s) return;
    memcpy(out, s, 4);
    memcpy(out + 4, s + 5, 2);
    memcpy(out + 6, s + 8, 2);
    out[8] = '\0';
}

/* Whether event e is written at all: PLOVER leaves some CAMEO codes out. */
static int row_wanted(const dyad_event *e, unsigned flags) {
    return !(flags & DYAD_ROWS_PLOVER) || e->plover;
}

static void put_tsv(const dyad_doc *d, strbuf *b, unsigned flags) {
    const char *id = d->field[DYAD_FIELD_ID] ? d->field[DYAD_FIELD_ID] : "doc";
    const char *url = d->field[DYAD_FIELD_URL], *src = d->field[DYAD_FIELD_SOURCE];
    int plover = (flags & DYAD_ROWS_PLOVER) != 0;
    for (size_t i = 0; i < d->nevent; i++) {
        dyad_event e;
        if (dyad_doc_event(d, i, &e) != DYAD_OK || !row_wanted(&e, flags)) continue;
        char date[9];
        row_date(&e, d->field[DYAD_FIELD_DATE], date);
        put_clean(b, id);
        sb_putc(b, '-');
        sb_put_u64(b, i);
        sb_putc(b, '\t');
        put_col(b, date);
        put_col(b, e.source_code);
        put_col(b, e.source_name);
        put_col(b, e.source_country);
        put_col(b, e.target_code);
        put_col(b, e.target_name);
        put_col(b, e.target_country);
        if (plover) {
            put_col(b, e.plover);
            put_col(b, e.plover_mode);
            put_clean(b, e.plover_context);
        } else {
            /* GDELT's base code is the three-digit level, its root the two */
            size_t n = e.code ? strlen(e.code) : 0;
            put_col(b, e.code);
            sb_putn(b, e.code ? e.code : "", n < 3 ? n : 3);
            sb_putc(b, '\t');
            sb_putn(b, e.code ? e.code : "", n < 2 ? n : 2);
        }
        sb_putc(b, '\t');
        if (e.quad) sb_put_u64(b, (uint64_t)e.quad);
        sb_printf(b, "\t%.1f\t%s\t", e.goldstein, doc_mode_name(e.mode));
        put_col(b, e.attributed_name);
        put_col(b, e.place_name);
        put_clean(b, e.place_country);
        if (e.place_name) sb_printf(b, "\t%.4f\t%.4f\t", e.lat, e.lon);
        else sb_puts(b, "\t\t\t");
        put_col(b, id);
        put_col(b, url);
        put_col(b, src);
        sb_put_u64(b, e.sentence);
        sb_putc(b, '\n');
    }
}

/* ---- PETRARCH ------------------------------------------------------------
 * PETRARCH2 writes one line per distinct (date, source, target, code) of a
 * story, the sentences that gave it joined by ';'.  The events are grouped
 * by a hash of that key, sorted with the event index as tie-break so each
 * group's first event leads it and the lines come out in text order; equal
 * hashes are checked field by field, so a collision only costs time. */

typedef struct rowkey {
    uint64_t h;
    uint32_t idx;
    uint32_t pad;
} rowkey;

/* The four key fields of event i, as written. */
typedef struct pkey {
    char date[9];
    const char *src, *tgt, *code;
    size_t sentence;
} pkey;

static int pkey_get(const dyad_doc *d, size_t i, unsigned flags, pkey *k) {
    dyad_event e;
    if (dyad_doc_event(d, i, &e) != DYAD_OK || !row_wanted(&e, flags)) return 0;
    /* the format has no mode column: a negated event would read as done */
    if (e.mode == DYAD_MODE_NEGATED) return 0;
    row_date(&e, d->field[DYAD_FIELD_DATE], k->date);
    k->src = e.source_code ? e.source_code : "---";
    k->tgt = e.target_code ? e.target_code : "---";
    k->code = (flags & DYAD_ROWS_PLOVER) ? e.plover : e.code ? e.code : "";
    k->sentence = e.sentence;
    return 1;
}

static uint64_t fnv(uint64_t h, const char *s) {
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (h ^ 0xff) * 1099511628211u; /* a separator byte no field holds */
}

static int pkey_eq(const pkey *a, const pkey *b) {
    return !strcmp(a->date, b->date) && !strcmp(a->src, b->src) && !strcmp(a->tgt, b->tgt) &&
           !strcmp(a->code, b->code);
}

static int rowkey_cmp(const void *pa, const void *pb) {
    const rowkey *a = pa, *b = pb;
    if (a->h != b->h) return a->h < b->h ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

#define NO_NEXT UINT32_MAX

/* Returns DYAD_OK or DYAD_ENOMEM. */
static int put_petrarch(dyad_doc *d, strbuf *b, unsigned flags) {
    size_t n = d->nevent;
    if (n == 0) return DYAD_OK;
    if (n >= NO_NEXT) return DYAD_ENOMEM; /* indexes are 32-bit */
    /* scratch layout: n rowkeys, then n next-links, then n lead marks */
    size_t per = sizeof(rowkey) + sizeof(uint32_t) + 1;
    if (n > (SIZE_MAX - 16) / per) return DYAD_ENOMEM;
    strbuf *sc = &d->scratch;
    sb_reset(sc);
    if (sb_grow(sc, n * per)) return DYAD_ENOMEM;
    rowkey *keys = (rowkey *)(void *)sc->s;
    uint32_t *next = (uint32_t *)(void *)(keys + n);
    unsigned char *lead = (unsigned char *)(next + n);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        pkey k;
        next[i] = NO_NEXT;
        lead[i] = 0;
        if (!pkey_get(d, i, flags, &k)) continue;
        uint64_t h = 14695981039346656037u;
        h = fnv(fnv(fnv(fnv(h, k.date), k.src), k.tgt), k.code);
        keys[m].h = h;
        keys[m].idx = (uint32_t)i;
        keys[m].pad = 0;
        m++;
    }
    if (m > 1) qsort(keys, m, sizeof *keys, rowkey_cmp);
    /* lead[i]: 1 leads a group, 2 belongs to an earlier one */
    for (size_t r0 = 0, r1; r0 < m; r0 = r1) {
        for (r1 = r0 + 1; r1 < m && keys[r1].h == keys[r0].h; r1++) {}
        for (size_t a = r0; a < r1; a++) {
            uint32_t ia = keys[a].idx;
            if (lead[ia]) continue;
            lead[ia] = 1;
            pkey ka;
            pkey_get(d, ia, flags, &ka);
            uint32_t tail = ia;
            for (size_t c = a + 1; c < r1; c++) {
                uint32_t ic = keys[c].idx;
                pkey kc;
                if (lead[ic] || !pkey_get(d, ic, flags, &kc) || !pkey_eq(&ka, &kc)) continue;
                lead[ic] = 2;
                next[tail] = ic;
                tail = ic;
            }
        }
    }
    const char *id = d->field[DYAD_FIELD_ID] ? d->field[DYAD_FIELD_ID] : "doc";
    const char *url = d->field[DYAD_FIELD_URL], *src = d->field[DYAD_FIELD_SOURCE];
    for (size_t i = 0; i < n; i++) {
        if (lead[i] != 1) continue;
        pkey k;
        pkey_get(d, i, flags, &k);
        sb_puts(b, k.date);
        sb_putc(b, '\t');
        put_clean(b, k.src);
        sb_putc(b, '\t');
        put_clean(b, k.tgt);
        sb_putc(b, '\t');
        put_clean(b, k.code);
        sb_puts(b, "\t\t"); /* issues: dyad codes none */
        for (uint32_t j = (uint32_t)i; j != NO_NEXT; j = next[j]) {
            pkey kj;
            pkey_get(d, j, flags, &kj);
            if (j != i) sb_putc(b, ';');
            put_clean(b, id);
            sb_putc(b, '_');
            sb_put_u64(b, kj.sentence);
        }
        sb_putc(b, '\t');
        put_clean(b, url);
        sb_putc(b, '\t');
        put_clean(b, src ? src : "NULL");
        sb_putc(b, '\n');
    }
    return DYAD_OK;
}

int dyad_doc_event_rows(dyad_doc *d, int format, unsigned flags, const char **out, size_t *len) {
    if (!d || !out || (format != DYAD_ROWS_TSV && format != DYAD_ROWS_PETRARCH)) return DYAD_EINVAL;
    strbuf *b = &d->json;
    sb_reset(b);
    int rc = DYAD_OK;
    if (!d->err) {
        if (format == DYAD_ROWS_TSV) put_tsv(d, b, flags);
        else rc = put_petrarch(d, b, flags);
    }
    if (rc == DYAD_OK && b->oom) rc = DYAD_ENOMEM;
    if (rc != DYAD_OK) return rc;
    *out = b->s ? b->s : "";
    if (len) *len = b->len;
    return DYAD_OK;
}
