/* test_reader.c -- the input reader through the public API: formats,
 * compression (made here with zlib and zstd), framing limits, deferred
 * parsing, NULL and degenerate input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "dyad.h"
#include "test.h"

static char dir[] = "/tmp/dyad-test-reader-XXXXXX";

static const char *put(const char *name, const void *data, size_t n) {
    static char path[4][512];
    static int k;
    char *p = path[k++ & 3];
    snprintf(p, 512, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (f) {
        fwrite(data, 1, n, f);
        fclose(f);
    }
    return p;
}

/* Read every document of path; returns the count, fills ids "a,b,..." and
 * the first error code seen. */
static int read_all(const char *path, const dyad_reader_options *opt, char *ids, size_t idn, int *first_err) {
    dyad_reader *r = NULL;
    dyad_doc *d = NULL;
    int n = 0;
    ids[0] = '\0';
    *first_err = DYAD_OK;
    if (dyad_reader_open(&r, path, opt) != DYAD_OK) {
        dyad_reader_close(r);
        return -1;
    }
    dyad_doc_new(&d);
    while (dyad_reader_next(r, d) == DYAD_OK) {
        dyad_doc_code(NULL, d);
        if (dyad_doc_error(d) && !*first_err) *first_err = dyad_doc_error(d);
        const char *id = dyad_doc_field(d, DYAD_FIELD_ID);
        size_t l = strlen(ids);
        snprintf(ids + l, idn - l, "%s%s", l ? "," : "", id ? id : "?");
        n++;
    }
    dyad_doc_free(d);
    dyad_reader_close(r);
    return n;
}

static const char JL[] = "{\"id\":\"a\",\"text\":\"One.\"}\n\n  \n{\"id\":\"b\",\"text\":\"Two.\"}\n{\"id\":\"c\",\"text\":\"Three.\"}";

static void test_jsonl_plain(void) {
    char ids[256];
    int err;
    const char *p = put("x.jsonl", JL, sizeof JL - 1);
    CHECK_INT(read_all(p, NULL, ids, sizeof ids, &err), 3); /* blank lines are not documents; no final newline ok */
    CHECK_STR(ids, "a,b,c");
    CHECK_INT(err, DYAD_OK);
    dyad_reader_options o = {DYAD_FORMAT_AUTO, 0, NULL, DYAD_READER_DEFER};
    CHECK_INT(read_all(p, &o, ids, sizeof ids, &err), 3);
    CHECK_STR(ids, "a,b,c");
}

static void test_gzip_zstd(void) {
    char ids[256];
    int err;
    unsigned char gz[512], zs[512];
    /* gzip via zlib's deflate with a gzip wrapper. */
    z_stream z;
    memset(&z, 0, sizeof z);
    CHECK(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    z.next_in = (unsigned char *)JL;
    z.avail_in = sizeof JL - 1;
    z.next_out = gz;
    z.avail_out = sizeof gz;
    CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
    size_t gzn = sizeof gz - z.avail_out;
    deflateEnd(&z);
    /* The name says nothing about compression: magic bytes decide. */
    CHECK_INT(read_all(put("g.jsonl", gz, gzn), NULL, ids, sizeof ids, &err), 3);
    CHECK_STR(ids, "a,b,c");
    size_t zn = ZSTD_compress(zs, sizeof zs, JL, sizeof JL - 1, 3);
    CHECK(!ZSTD_isError(zn));
    CHECK_INT(read_all(put("z.jsonl.zst", zs, zn), NULL, ids, sizeof ids, &err), 3);
    CHECK_STR(ids, "a,b,c");
    CHECK_INT(err, DYAD_OK);
    /* Truncated: the last complete records, then a truncated record. */
    CHECK(read_all(put("t.jsonl.zst", zs, zn - 5), NULL, ids, sizeof ids, &err) >= 1);
    CHECK_INT(err, DYAD_ETRUNC);
    CHECK_INT(read_all(put("t.jsonl.gz", gz, gzn - 9), NULL, ids, sizeof ids, &err) >= 1, 1);
    CHECK_INT(err, DYAD_ETRUNC);
    /* A gzip header and nothing else. */
    CHECK_INT(read_all(put("h.txt.gz", gz, 10), NULL, ids, sizeof ids, &err), 1);
    CHECK_INT(err, DYAD_ETRUNC);
}

static void test_text_and_limits(void) {
    char ids[256];
    int err;
    const char t[] = "\xef\xbb\xbfThe minister resigned.\r\nHe left.\r\n";
    dyad_reader_options o = {DYAD_FORMAT_TEXT, 0, "2020-01-02", 0};
    dyad_reader *r = NULL;
    dyad_doc *d = NULL;
    CHECK_INT(dyad_reader_open(&r, put("story.txt", t, sizeof t - 1), &o), DYAD_OK);
    dyad_doc_new(&d);
    CHECK_INT(dyad_reader_next(r, d), DYAD_OK);
    size_t len;
    const char *text = dyad_doc_text(d, &len);
    CHECK(strncmp(text, "The minister", 12) == 0); /* BOM gone */
    CHECK_STR(dyad_doc_field(d, DYAD_FIELD_ID), "story.txt");
    CHECK_STR(dyad_doc_field(d, DYAD_FIELD_DATE), "2020-01-02");
    CHECK_INT(dyad_doc_code(NULL, d), DYAD_OK);
    CHECK_INT(dyad_doc_sentence_count(d), 2);
    CHECK_INT(dyad_reader_next(r, d), DYAD_EDONE);
    CHECK_INT(dyad_reader_next(r, d), DYAD_EDONE);
    dyad_reader_close(r);
    dyad_doc_free(d);
    /* Limits: a record over max_doc_bytes is an error, the next one is fine. */
    dyad_reader_options lim = {DYAD_FORMAT_JSONL, 30, NULL, 0};
    const char big[] = "{\"id\":\"long\",\"text\":\"0123456789012345678901234567890123456789\"}\n{\"id\":\"s\",\"text\":\"ok\"}\n";
    CHECK_INT(read_all(put("big.jsonl", big, sizeof big - 1), &lim, ids, sizeof ids, &err), 2);
    CHECK_INT(err, DYAD_ETOOBIG);
    CHECK_STR(ids, "?,s"); /* the refused record was never parsed */
    dyad_reader_options limt = {DYAD_FORMAT_TEXT, 10, NULL, 0};
    CHECK_INT(read_all(put("t.txt", t, sizeof t - 1), &limt, ids, sizeof ids, &err), 1);
    CHECK_INT(err, DYAD_ETOOBIG);
    /* Empty files. */
    CHECK_INT(read_all(put("e.txt", "", 0), NULL, ids, sizeof ids, &err), 1);
    CHECK_INT(err, DYAD_ENOTEXT);
    CHECK_INT(read_all(put("e.jsonl", "", 0), NULL, ids, sizeof ids, &err), 0);
}

static void test_errors(void) {
    dyad_reader *r = NULL;
    CHECK_INT(dyad_reader_open(NULL, "x", NULL), DYAD_EINVAL);
    CHECK_INT(dyad_reader_open(&r, "/nonexistent/dir/file.txt", NULL), DYAD_EIO);
    CHECK(r != NULL && strstr(dyad_reader_errmsg(r), "/nonexistent/dir/file.txt") != NULL);
    dyad_reader_close(r);
    dyad_reader_close(NULL);
    CHECK_INT(dyad_reader_next(NULL, NULL), DYAD_EINVAL);
    CHECK(dyad_reader_errmsg(NULL) != NULL);
    /* A directory opens but cannot be read. */
    r = NULL;
    dyad_doc *d = NULL;
    dyad_doc_new(&d);
    int rc = dyad_reader_open(&r, dir, NULL);
    if (rc == DYAD_OK) rc = dyad_reader_next(r, d);
    CHECK(rc == DYAD_EIO || dyad_doc_error(d) != DYAD_OK);
    dyad_reader_close(r);
    dyad_doc_free(d);
}

static void test_html(void) {
    const char h[] = "<html><head><title>Envoys meet</title></head><body><nav>Home</nav>"
                     "<p>Envoys met in Geneva &amp; agreed.</p><script>x()</script></body></html>";
    dyad_reader *r = NULL;
    dyad_doc *d = NULL;
    CHECK_INT(dyad_reader_open(&r, put("p.html", h, sizeof h - 1), NULL), DYAD_OK);
    dyad_doc_new(&d);
    CHECK_INT(dyad_reader_next(r, d), DYAD_OK);
    CHECK_STR(dyad_doc_text(d, NULL), "Envoys met in Geneva & agreed.");
    CHECK_STR(dyad_doc_field(d, DYAD_FIELD_TITLE), "Envoys meet");
    const char *js;
    CHECK_INT(dyad_doc_code(NULL, d), DYAD_OK);
    CHECK_INT(dyad_doc_json(d, 0, &js, NULL), DYAD_OK);
    CHECK(strstr(js, "\"text\":\"Envoys met in Geneva & agreed.\"") != NULL); /* derived text is written */
    dyad_reader_close(r);
    dyad_doc_free(d);
}

int main(void) {
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(test_jsonl_plain);
    RUN(test_gzip_zstd);
    RUN(test_text_and_limits);
    RUN(test_errors);
    RUN(test_html);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "cleanup failed\n");
    TEST_END();
}
