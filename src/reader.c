/* reader.c -- input: files, decompression, record framing and parsing.
 *
 * A reader turns a byte stream (a file or standard input, plain, gzip or
 * zstd, detected by magic bytes) into documents: one per JSON line, or one
 * per file for plain text and HTML.  Memory is bounded by max_doc_bytes: a
 * record over the limit is skipped to its end without being kept, and
 * becomes an error record.  Framing (finding record boundaries) is cheap and
 * serial; parsing (JSON unescaping, HTML extraction, UTF-8 repair) can be
 * deferred to dyad_doc_code so that worker threads do it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "conllu.h"
#include "doc.h"
#include "html.h"
#include "json.h"

#define IN_CHUNK (256u * 1024u)
#define OUT_CHUNK (1024u * 1024u)

enum { COMP_NONE = 0, COMP_GZIP, COMP_ZSTD };

struct dyad_reader {
    int fd;
    char *path;          /* for messages */
    char *name;          /* base name, for ids */
    dyad_format format;
    size_t max;
    char date[11];
    unsigned flags;

    int comp;
    z_stream z;
    int z_init, z_end;   /* inflate initialised; last member ended */
    ZSTD_DStream *zs;
    size_t zs_last;      /* last ZSTD_decompressStream hint: 0 = frame complete */

    unsigned char *in;   /* raw bytes from fd */
    size_t in_pos, in_len;
    int in_eof;
    unsigned char *buf;  /* decoded bytes */
    size_t pos, len;
    int eof;             /* decoded stream exhausted */
    int bad;             /* DYAD_ETRUNC / DYAD_EIO once the stream failed */
    int bad_reported;
    uint64_t total_in;   /* decoded bytes so far (BOM check, empty file) */

    long line;           /* lines consumed */
    strbuf pending;      /* CoNLL-U: the "# newdoc" line that starts the next record */
    int whole_done;      /* text/HTML: the one document was framed */
    char errmsg[512];
};

const char *dyad_reader_errmsg(const dyad_reader *r) { return r ? r->errmsg : "invalid reader"; }

static const char *base_name(const char *p) {
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static int ends_with(const char *s, const char *suf) {
    size_t n = strlen(s), k = strlen(suf);
    if (k > n) return 0;
    for (size_t i = 0; i < k; i++) {
        char a = s[n - k + i], b = suf[i];
        if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
        if (a != b) return 0;
    }
    return 1;
}

/* Format from the file name, ignoring a compression suffix. */
static dyad_format format_by_name(const char *name) {
    size_t n = strlen(name);
    char tmp[512];
    if (n >= sizeof tmp) n = sizeof tmp - 1;
    memcpy(tmp, name, n);
    tmp[n] = '\0';
    if (ends_with(tmp, ".gz")) tmp[n - 3] = '\0';
    else if (ends_with(tmp, ".zst")) tmp[n - 4] = '\0';
    if (ends_with(tmp, ".jsonl") || ends_with(tmp, ".ndjson") || ends_with(tmp, ".json")) return DYAD_FORMAT_JSONL;
    if (ends_with(tmp, ".html") || ends_with(tmp, ".htm") || ends_with(tmp, ".xhtml")) return DYAD_FORMAT_HTML;
    if (ends_with(tmp, ".conllu")) return DYAD_FORMAT_CONLLU;
    return DYAD_FORMAT_TEXT;
}

/* Read more raw bytes.  0 ok (maybe EOF), -1 I/O error. */
static int read_raw(dyad_reader *r) {
    if (r->in_pos < r->in_len || r->in_eof) return 0;
    ssize_t k;
    do k = read(r->fd, r->in, IN_CHUNK);
    while (k < 0 && errno == EINTR);
    if (k < 0) {
        snprintf(r->errmsg, sizeof r->errmsg, "%s: read error: %s", r->path, strerror(errno));
        r->bad = DYAD_EIO;
        return -1;
    }
    r->in_pos = 0;
    r->in_len = (size_t)k;
    if (k == 0) r->in_eof = 1;
    return 0;
}

/* Decode more bytes into buf (after consumed ones are gone).  Sets eof at
 * the clean end, bad on corruption or truncation. */
static void fill(dyad_reader *r) {
    r->pos = r->len = 0; /* callers only fill when everything was consumed */
    if (r->eof || r->bad) return;
    while (r->len == 0 && !r->eof && !r->bad) {
        if (read_raw(r)) return;
        if (r->comp == COMP_NONE) {
            if (r->in_eof) {
                r->eof = 1;
                break;
            }
            /* Hand the raw chunk over by swapping buffers: no copy. */
            unsigned char *t = r->buf;
            r->buf = r->in;
            r->in = t;
            r->len = r->in_len;
            r->in_pos = r->in_len = 0;
            break;
        }
        if (r->comp == COMP_GZIP) {
            if (r->in_eof && r->in_pos >= r->in_len) {
                if (!r->z_end) {
                    r->bad = DYAD_ETRUNC;
                    snprintf(r->errmsg, sizeof r->errmsg, "%s: gzip data ends early (truncated file)", r->path);
                }
                r->eof = 1;
                break;
            }
            if (r->z_end) {
                /* Another gzip member follows (concatenated .gz files). */
                if (inflateReset(&r->z) != Z_OK) goto zfail;
                r->z_end = 0;
            }
            r->z.next_in = r->in + r->in_pos;
            r->z.avail_in = (uInt)(r->in_len - r->in_pos);
            r->z.next_out = r->buf;
            r->z.avail_out = OUT_CHUNK;
            int zr = inflate(&r->z, Z_NO_FLUSH);
            r->in_pos = r->in_len - r->z.avail_in;
            r->len = OUT_CHUNK - r->z.avail_out;
            if (zr == Z_STREAM_END) {
                r->z_end = 1;
                /* Trailing zero padding after the last member is common; skip it. */
            } else if (zr != Z_OK && !(zr == Z_BUF_ERROR && r->len == 0 && r->z.avail_in == 0)) {
                goto zfail;
            }
            continue;
        zfail:
            r->bad = DYAD_ETRUNC;
            snprintf(r->errmsg, sizeof r->errmsg, "%s: corrupt gzip data: %s", r->path, r->z.msg ? r->z.msg : "error");
            r->eof = 1;
            break;
        }
        /* zstd */
        if (r->in_eof && r->in_pos >= r->in_len) {
            if (r->zs_last != 0) {
                r->bad = DYAD_ETRUNC;
                snprintf(r->errmsg, sizeof r->errmsg, "%s: zstd data ends early (truncated file)", r->path);
            }
            r->eof = 1;
            break;
        }
        ZSTD_inBuffer ib = {r->in, r->in_len, r->in_pos};
        ZSTD_outBuffer ob = {r->buf, OUT_CHUNK, 0};
        size_t zr = ZSTD_decompressStream(r->zs, &ob, &ib);
        if (ZSTD_isError(zr)) {
            r->bad = DYAD_ETRUNC;
            snprintf(r->errmsg, sizeof r->errmsg, "%s: corrupt zstd data: %s", r->path, ZSTD_getErrorName(zr));
            r->eof = 1;
            break;
        }
        r->zs_last = zr;
        r->in_pos = ib.pos;
        r->len = ob.pos;
    }
    r->total_in += r->len;
}

int dyad_reader_open(dyad_reader **out, const char *path, const dyad_reader_options *opt) {
    if (!out) return DYAD_EINVAL;
    *out = NULL;
    dyad_reader *r = calloc(1, sizeof *r);
    if (!r) return DYAD_ENOMEM;
    int is_stdin = !path || strcmp(path, "-") == 0;
    r->path = strdup(is_stdin ? "<stdin>" : path);
    r->name = strdup(is_stdin ? "stdin" : base_name(path));
    r->in = malloc(OUT_CHUNK > IN_CHUNK ? OUT_CHUNK : IN_CHUNK);
    r->buf = malloc(OUT_CHUNK > IN_CHUNK ? OUT_CHUNK : IN_CHUNK);
    if (!r->path || !r->name || !r->in || !r->buf) {
        dyad_reader_close(r);
        return DYAD_ENOMEM;
    }
    r->max = opt && opt->max_doc_bytes ? opt->max_doc_bytes : DYAD_MAX_DOC_BYTES;
    r->flags = opt ? opt->flags : 0;
    r->format = opt ? opt->format : DYAD_FORMAT_AUTO;
    if (opt && opt->date) {
        snprintf(r->date, sizeof r->date, "%.10s", opt->date);
    }
    if (is_stdin) {
        r->fd = 0;
    } else {
        r->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (r->fd < 0) {
            int e = errno;
            *out = r;
            snprintf(r->errmsg, sizeof r->errmsg, "%s: %s", path, strerror(e));
            r->fd = -1;
            return DYAD_EIO;
        }
    }
    /* Sniff the compression from the first raw bytes. */
    if (read_raw(r)) {
        *out = r;
        return DYAD_EIO;
    }
    if (r->in_len >= 2 && r->in[0] == 0x1f && r->in[1] == 0x8b) {
        r->comp = COMP_GZIP;
        if (inflateInit2(&r->z, 15 + 32) != Z_OK) {
            dyad_reader_close(r);
            return DYAD_ENOMEM;
        }
        r->z_init = 1;
    } else if (r->in_len >= 4 && r->in[0] == 0x28 && r->in[1] == 0xb5 && r->in[2] == 0x2f && r->in[3] == 0xfd) {
        r->comp = COMP_ZSTD;
        r->zs = ZSTD_createDStream();
        if (!r->zs) {
            dyad_reader_close(r);
            return DYAD_ENOMEM;
        }
        ZSTD_initDStream(r->zs);
        r->zs_last = 1;
    }
    if (r->format == DYAD_FORMAT_AUTO) {
        if (!is_stdin) {
            r->format = format_by_name(r->name);
        } else {
            /* Standard input has no name: sniff the first decoded bytes. */
            fill(r);
            size_t i = 0;
            while (i < r->len && (r->buf[i] == ' ' || r->buf[i] == '\n' || r->buf[i] == '\r' || r->buf[i] == '\t')) i++;
            if (i + 3 <= r->len && memcmp(r->buf + i, "\xEF\xBB\xBF", 3) == 0) i += 3;
            if (i < r->len && r->buf[i] == '{') r->format = DYAD_FORMAT_JSONL;
            else if (i + 1 < r->len && r->buf[i] == '<' &&
                     (r->buf[i + 1] == '!' || r->buf[i + 1] == 'h' || r->buf[i + 1] == 'H'))
                r->format = DYAD_FORMAT_HTML;
            else r->format = DYAD_FORMAT_TEXT;
        }
    }
    *out = r;
    return DYAD_OK;
}

void dyad_reader_close(dyad_reader *r) {
    if (!r) return;
    if (r->fd > 0) close(r->fd);
    if (r->z_init) inflateEnd(&r->z);
    if (r->zs) ZSTD_freeDStream(r->zs);
    free(r->in);
    free(r->buf);
    free(r->path);
    free(r->name);
    sb_free(&r->pending);
    free(r);
}

/* Append up to the next newline to rec (without it), staying under limit.
 * Returns 1 for a line, 0 at end of input with nothing read.  Sets *over
 * when the line exceeded limit (the rest was skipped, rec holds a prefix). */
static int read_line(dyad_reader *r, strbuf *rec, size_t limit, int *over) {
    int got = 0;
    *over = 0;
    for (;;) {
        if (r->pos >= r->len) {
            fill(r);
            if (r->len == 0) return got;
        }
        got = 1;
        unsigned char *st = r->buf + r->pos;
        size_t avail = r->len - r->pos;
        unsigned char *nl = memchr(st, '\n', avail);
        size_t take = nl ? (size_t)(nl - st) : avail;
        if (!*over) {
            if (rec->len + take > limit) {
                *over = 1;
            } else {
                sb_putn(rec, (const char *)st, take);
            }
        }
        r->pos += take + (nl ? 1 : 0);
        if (nl) return 1;
    }
}

/* Read the rest of the stream into rec, up to limit (then only drain). */
static void read_all(dyad_reader *r, strbuf *rec, size_t limit, int *over) {
    *over = 0;
    for (;;) {
        if (r->pos >= r->len) {
            fill(r);
            if (r->len == 0) return;
        }
        size_t avail = r->len - r->pos;
        if (!*over) {
            if (rec->len + avail > limit) *over = 1;
            else sb_putn(rec, (const char *)r->buf + r->pos, avail);
        }
        r->pos = r->len;
    }
}

static int is_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return 0;
    return 1;
}


/* errmsg without its "path: " prefix. */
static const char *reason(const dyad_reader *r) {
    size_t n = strlen(r->path);
    if (strncmp(r->errmsg, r->path, n) == 0 && r->errmsg[n] == ':') return r->errmsg + n + 2;
    return r->errmsg;
}

int dyad_reader_next(dyad_reader *r, dyad_doc *doc) {
    if (!r || !doc) return DYAD_EINVAL;
    dyad_doc_reset(doc);
    if (r->fd < 0) return DYAD_EIO;
    doc->src_name = arena_strndup(&doc->a, r->path, strlen(r->path));
    if (r->format == DYAD_FORMAT_JSONL) {
        for (;;) {
            sb_reset(&doc->raw);
            int over;
            int got = read_line(r, &doc->raw, r->max, &over);
            if (doc->raw.oom) return DYAD_ENOMEM;
            if (!got) break;
            r->line++;
            doc->line = r->line;
            if (over) {
                dyad_doc_set_error(doc, DYAD_ETOOBIG, r->line, "%s line %ld: record is over the size limit of %zu bytes (--max-doc-bytes)",
                                   r->path, r->line, r->max);
                return DYAD_OK;
            }
            char *s = doc->raw.s ? doc->raw.s : (char *)"";
            size_t n = doc->raw.len;
            if (r->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { /* BOM */
                memmove(s, s + 3, n - 3);
                doc->raw.len = n -= 3;
            }
            if (n && s[n - 1] == '\r') doc->raw.len = --n; /* CRLF */
            if (r->bad && r->pos >= r->len && r->eof) {
                /* The stream broke inside this line: it is incomplete. */
                dyad_doc_set_error(doc, r->bad, r->line, "%s line %ld: %s", r->path, r->line, reason(r));
                r->bad_reported = 1;
                return DYAD_OK;
            }
            if (is_blank(s, n)) continue;
            doc->raw_format = DYAD_FORMAT_JSONL;
            break;
        }
        if (!doc->raw_format) {
            if (r->bad && !r->bad_reported) {
                /* Truncation at a line boundary: say so in a record of its own. */
                r->bad_reported = 1;
                doc->line = r->line + 1;
                dyad_doc_set_error(doc, r->bad, r->line + 1, "%s", r->errmsg);
                return DYAD_OK;
            }
            return DYAD_EDONE;
        }
    } else if (r->format == DYAD_FORMAT_CONLLU) {
        /* A record runs up to the next "# newdoc" line after some words. */
        sb_reset(&doc->raw);
        int words = 0, over_total = 0;
        doc->line = r->line + 1 - (r->pending.len ? 1 : 0);
        if (r->pending.len) {
            sb_putn(&doc->raw, r->pending.s, r->pending.len);
            sb_putc(&doc->raw, '\n');
            sb_reset(&r->pending);
        }
        for (;;) {
            sb_reset(&doc->scratch);
            int over;
            if (!read_line(r, &doc->scratch, r->max, &over)) break;
            r->line++;
            const char *l = doc->scratch.s ? doc->scratch.s : "";
            size_t n = doc->scratch.len;
            if (words && n >= 8 && memcmp(l, "# newdoc", 8) == 0) {
                sb_putn(&r->pending, l, n);
                break;
            }
            if (over || doc->raw.len + n + 1 > r->max) over_total = 1;
            if (!over_total) {
                sb_putn(&doc->raw, l, n);
                sb_putc(&doc->raw, '\n');
            }
            if (n && l[0] != '#' && l[0] != '\r') words = 1;
        }
        if (doc->raw.oom || r->pending.oom) return DYAD_ENOMEM;
        if (!words && !over_total) {
            if (r->bad && !r->bad_reported) {
                r->bad_reported = 1;
                dyad_doc_set_error(doc, r->bad, r->line, "%s", r->errmsg);
                return DYAD_OK;
            }
            return DYAD_EDONE;
        }
        if (over_total) {
            dyad_doc_set_error(doc, DYAD_ETOOBIG, doc->line,
                               "%s line %ld: document is over the size limit of %zu bytes (--max-doc-bytes)", r->path,
                               doc->line, r->max);
            return DYAD_OK;
        }
        doc->raw_format = DYAD_FORMAT_CONLLU;
    } else {
        if (r->whole_done) return DYAD_EDONE;
        r->whole_done = 1;
        sb_reset(&doc->raw);
        int over;
        read_all(r, &doc->raw, r->max, &over);
        if (doc->raw.oom) return DYAD_ENOMEM;
        dyad_doc_set_field(doc, DYAD_FIELD_ID, r->name, strlen(r->name));
        if (r->date[0]) dyad_doc_set_field(doc, DYAD_FIELD_DATE, r->date, strlen(r->date));
        if (r->bad) {
            r->bad_reported = 1;
            dyad_doc_set_error(doc, r->bad, 0, "%s", r->errmsg);
            return DYAD_OK;
        }
        if (over) {
            dyad_doc_set_error(doc, DYAD_ETOOBIG, 0, "%s: document is over the size limit of %zu bytes (--max-doc-bytes)",
                               r->path, r->max);
            return DYAD_OK;
        }
        if (r->total_in == 0) {
            dyad_doc_set_error(doc, DYAD_ENOTEXT, 0, "%s: file is empty", r->path);
            return DYAD_OK;
        }
        doc->raw_format = r->format;
    }
    if (!(r->flags & DYAD_READER_DEFER)) DOC_TIMED(doc, STAGE_INPUT, input_parse(doc));
    return DYAD_OK;
}

/* ---- parsing ------------------------------------------------------------ */

typedef struct rec_state {
    dyad_doc *doc;
    int have_text;
    int text_rc;
    int bad_text_type;
    strbuf *meta;
} rec_state;

static int key_is(const char *k, size_t kl, const char *w) { return kl == strlen(w) && memcmp(k, w, kl) == 0; }

static int on_member(void *ud, const char *key, size_t kl, int type, const char *val, size_t vl, const char *raw,
                     size_t rawlen) {
    rec_state *st = ud;
    dyad_doc *d = st->doc;
    if (key_is(key, kl, "text")) {
        if (type != JSON_STRING) {
            st->bad_text_type = 1;
            st->have_text = 0;
            return 0;
        }
        st->have_text = 1;
        d->err = DYAD_OK; /* a later "text" wins over an earlier bad one */
        st->text_rc = dyad_doc_set_text(d, val, vl);
        return 0;
    }
    static const struct {
        const char *name;
        dyad_field f;
    } known[] = {{"id", DYAD_FIELD_ID},
                 {"date", DYAD_FIELD_DATE},
                 {"title", DYAD_FIELD_TITLE},
                 {"url", DYAD_FIELD_URL},
                 {"source", DYAD_FIELD_SOURCE}};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
        if (!key_is(key, kl, known[i].name)) continue;
        if (type == JSON_STRING || (type == JSON_NUMBER && known[i].f == DYAD_FIELD_ID)) {
            int rc = dyad_doc_set_field(d, known[i].f, val, vl);
            if (rc == DYAD_ENOMEM) return -2;
            if (rc && known[i].f == DYAD_FIELD_DATE)
                snprintf(d->warn, sizeof d->warn, "date \"%.*s\" is not YYYY-MM-DD; ignored", (int)(vl > 40 ? 40 : vl),
                         val);
        } else if (!(rawlen == 4 && memcmp(raw, "null", 4) == 0)) {
            snprintf(d->warn, sizeof d->warn, "field \"%s\" is not a string; ignored", known[i].name);
        }
        return 0;
    }
    /* Unknown fields pass through as meta, raw JSON (already validated). */
    sb_putc(st->meta, st->meta->len ? ',' : '{');
    sb_put_json_str(st->meta, key, kl);
    sb_putc(st->meta, ':');
    sb_putn(st->meta, raw, rawlen);
    return 0;
}

static void parse_jsonl(dyad_doc *d) {
    rec_state st = {d, 0, DYAD_OK, 0, &d->scratch};
    char err[200];
    size_t col = 0;
    sb_reset(&d->scratch);
    const char *s = d->raw.s ? d->raw.s : "";
    int rc = json_parse_object(s, d->raw.len, &d->kbuf, &d->vbuf, on_member, &st, err, sizeof err, &col);
    const char *file = d->src_name ? d->src_name : "input";
    if (rc == -2 || d->scratch.oom) {
        dyad_doc_set_error(d, DYAD_ENOMEM, d->line, "%s line %ld: out of memory", file, d->line);
        return;
    }
    if (rc) {
        dyad_doc_set_error(d, DYAD_EJSON, d->line, "%s line %ld: %s", file, d->line, err);
        return;
    }
    if (d->scratch.len) {
        sb_putc(&d->scratch, '}');
        if (dyad_doc_set_field(d, DYAD_FIELD_META, d->scratch.s, d->scratch.len)) {
            dyad_doc_set_error(d, DYAD_ENOMEM, d->line, "%s line %ld: out of memory", file, d->line);
            return;
        }
    }
    if (!d->field[DYAD_FIELD_ID]) {
        char id[300];
        const char *base = strrchr(file, '/');
        int n = snprintf(id, sizeof id, "%s:%ld", base ? base + 1 : file, d->line);
        dyad_doc_set_field(d, DYAD_FIELD_ID, id, n > 0 && (size_t)n < sizeof id ? (size_t)n : 0);
    }
    if (!st.have_text) {
        dyad_doc_set_error(d, DYAD_ENOTEXT, d->line, "%s line %ld: %s", file, d->line,
                           st.bad_text_type ? "\"text\" is not a string" : "record has no \"text\"");
        return;
    }
    if (st.text_rc == DYAD_EUTF8 || st.text_rc == DYAD_EBINARY) {
        /* dyad_doc_set_text wrote "line N: ..."; name the file too. */
        char msg[sizeof d->errmsg];
        snprintf(msg, sizeof msg, "%s", d->errmsg);
        dyad_doc_set_error(d, st.text_rc, d->line, "%s line %ld: %s", file, d->line,
                           strncmp(msg, "line ", 5) == 0 && strchr(msg, ':') ? strchr(msg, ':') + 2 : msg);
    } else if (st.text_rc) {
        dyad_doc_set_error(d, st.text_rc, d->line, "%s line %ld: %s", file, d->line, dyad_errstr(st.text_rc));
    }
}

static void parse_html(dyad_doc *d) {
    strbuf title, date;
    sb_init(&title);
    sb_init(&date);
    sb_reset(&d->scratch);
    int rc = html_extract(d->raw.s ? d->raw.s : "", d->raw.len, &d->scratch, &title, &date);
    if (rc || d->scratch.oom || title.oom || date.oom) {
        dyad_doc_set_error(d, DYAD_ENOMEM, 0, "%s: out of memory", d->src_name ? d->src_name : "input");
    } else {
        rc = dyad_doc_set_text(d, d->scratch.s ? d->scratch.s : "", d->scratch.len);
        d->text_derived = 1; /* offsets refer to the extracted text: write it out */
        if (!rc) {
            if (title.len && !d->field[DYAD_FIELD_TITLE]) dyad_doc_set_field(d, DYAD_FIELD_TITLE, title.s, title.len);
            if (date.len >= 10 && !d->field[DYAD_FIELD_DATE]) dyad_doc_set_field(d, DYAD_FIELD_DATE, date.s, date.len);
        }
    }
    sb_free(&title);
    sb_free(&date);
}

/* Rebuild text, tokens and sentences from a CoNLL-U record: the syntactic
 * words become the tokens, so the analysis lines up word for word with the
 * input; words of a multiword token are written without spaces between
 * them ("do" "n't" -> "don't"). */
static void parse_conllu(dyad_doc *d) {
    const char *file = d->src_name ? d->src_name : "input";
    char *copy = malloc(d->raw.len + 1);
    if (!copy) {
        dyad_doc_set_error(d, DYAD_ENOMEM, d->line, "%s: out of memory", file);
        return;
    }
    memcpy(copy, d->raw.s ? d->raw.s : "", d->raw.len);
    copy[d->raw.len] = '\0';
    cu_corpus c;
    char err[200];
    if (cu_parse(&c, copy, d->raw.len, err, sizeof err)) {
        /* cu_parse took the buffer whatever happened. */
        cu_free(&c);
        dyad_doc_set_error(d, DYAD_EFORMAT, d->line, "%s: CoNLL-U record starting at line %ld: %s", file, d->line, err);
        return;
    }
    /* The document id: "# newdoc id = X", else file:line. */
    const char *raw = d->raw.s ? d->raw.s : "";
    if (d->raw.len >= 14 && memcmp(raw, "# newdoc id = ", 14) == 0) {
        const char *e = memchr(raw, '\n', d->raw.len);
        size_t n = (e ? (size_t)(e - raw) : d->raw.len) - 14;
        while (n && raw[14 + n - 1] == '\r') n--;
        dyad_doc_set_field(d, DYAD_FIELD_ID, raw + 14, n);
    } else {
        char id[300];
        const char *base = strrchr(file, '/');
        int n = snprintf(id, sizeof id, "%s:%ld", base ? base + 1 : file, d->line);
        dyad_doc_set_field(d, DYAD_FIELD_ID, id, n > 0 && (size_t)n < sizeof id ? (size_t)n : 0);
    }
    strbuf *t = &d->scratch;
    sb_reset(t);
    size_t ntok = 0;
    for (size_t si = 0; si < c.n; si++) ntok += (size_t)c.s[si].n;
    if (vec_reserve((void **)&d->toks, &d->captok, ntok, sizeof *d->toks)) goto oom;
    d->ntok = 0;
    int space_owed = 0;
    for (size_t si = 0; si < c.n; si++) {
        const cu_sent *s = &c.s[si];
        if (s->n == 0) continue;
        int para = s->newpar && t->len;
        if (t->len) sb_puts(t, para ? "\n\n" : " ");
        space_owed = 0;
        uint32_t first = (uint32_t)d->ntok;
        int mi = 0;
        for (int wi = 0; wi < s->n; wi++) {
            const cu_word *w = &s->w[wi];
            if (space_owed) {
                sb_putc(t, ' ');
                space_owed = 0;
            }
            tok k;
            memset(&k, 0, sizeof k);
            k.start = (uint32_t)t->len;
            sb_puts(t, w->form);
            k.end = (uint32_t)t->len;
            k.kind = TOK_WORD;
            if (k.start > 0 && (t->s[k.start - 1] == ' ' || t->s[k.start - 1] == '\n')) k.flags |= TOKF_SPACE_BEFORE;
            if (wi == 0 && para) k.flags |= TOKF_NL_BEFORE | TOKF_PARA_BEFORE;
            d->toks[d->ntok++] = k;
            /* Space after: inside a multiword token never; else unless SpaceAfter=No. */
            while (mi < s->nmwt && s->mwt[mi].last < wi + 1) mi++;
            int in_mwt = mi < s->nmwt && s->mwt[mi].first <= wi + 1 && wi + 1 <= s->mwt[mi].last;
            const char *misc = w->misc;
            if (in_mwt) {
                if (wi + 1 < s->mwt[mi].last) continue;
                misc = s->mwt[mi].misc;
            }
            space_owed = strstr(misc, "SpaceAfter=No") == NULL;
        }
        if (doc_push_sent(d, first, (uint32_t)d->ntok)) goto oom;
    }
    if (t->oom) goto oom;
    cu_free(&c);
    /* Words may hold anything: repair like any text, but offsets must not move. */
    size_t want = t->len;
    if (dyad_doc_set_text(d, t->s ? t->s : "", t->len)) return;
    if (d->len != want) {
        dyad_doc_set_error(d, DYAD_EUTF8, d->line, "%s: CoNLL-U record starting at line %ld is not valid UTF-8", file,
                           d->line);
        return;
    }
    d->presegmented = 1;
    return;
oom:
    cu_free(&c);
    dyad_doc_set_error(d, DYAD_ENOMEM, d->line, "%s: out of memory", file);
}

int input_parse(dyad_doc *d) {
    int f = d->raw_format;
    d->raw_format = 0;
    if (d->err) return d->err;
    if (f == DYAD_FORMAT_JSONL) {
        parse_jsonl(d);
    } else if (f == DYAD_FORMAT_HTML) {
        parse_html(d);
    } else if (f == DYAD_FORMAT_CONLLU) {
        parse_conllu(d);
    } else {
        const char *s = d->raw.s ? d->raw.s : "";
        size_t n = d->raw.len;
        if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { /* a BOM is not text */
            s += 3;
            n -= 3;
        }
        int rc = dyad_doc_set_text(d, s, n);
        if (rc && !d->err) dyad_doc_set_error(d, rc, 0, "%s: %s", d->src_name ? d->src_name : "input", dyad_errstr(rc));
        else if (rc == DYAD_EUTF8 || rc == DYAD_EBINARY) {
            char msg[sizeof d->errmsg];
            snprintf(msg, sizeof msg, "%s", d->errmsg);
            dyad_doc_set_error(d, rc, 0, "%s: %s", d->src_name ? d->src_name : "input", msg);
        }
    }
    return d->err;
}
