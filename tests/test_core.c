/* test_core.c -- unit tests for the infrastructure and the document:
 * arena, strbuf, the JSON record parser, UTF-8 repair, fields, errors and
 * the SPEC record writer.  NULL, empty and degenerate input included. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/arena.h"
#include "../src/doc.h"
#include "../src/json.h"
#include "../src/strbuf.h"
#include "dyad.h"
#include "test.h"

static void test_version(void) {
    CHECK_STR(dyad_version(), DYAD_VERSION);
    CHECK(DYAD_VERSION_NUMBER == 100);
    CHECK_STR(dyad_errstr(DYAD_OK), "ok");
    CHECK_STR(dyad_errstr(DYAD_EJSON), "bad_json");
    CHECK_STR(dyad_errstr(DYAD_ETOOBIG), "too_large");
    CHECK_STR(dyad_errstr(-1), "unknown");
    CHECK_STR(dyad_errstr(DYAD_NSTATUS), "unknown");
    for (int rc = 0; rc < DYAD_NSTATUS; rc++) CHECK(strcmp(dyad_errstr(rc), "unknown") != 0);
}

static void test_arena(void) {
    arena a;
    arena_init(&a);
    CHECK(arena_alloc(&a, 0) != NULL);
    char *p = arena_alloc(&a, 10);
    CHECK(p && ((uintptr_t)p % 16) == 0);
    CHECK(arena_alloc(&a, SIZE_MAX) == NULL);
    CHECK(arena_alloc(&a, SIZE_MAX - 8) == NULL);
    CHECK(arena_calloc(&a, SIZE_MAX / 2, 4) == NULL);
    /* Larger than a block, then many small: all distinct, all writable. */
    char *big = arena_alloc(&a, 1 << 20);
    CHECK(big != NULL);
    if (big) memset(big, 1, 1 << 20);
    char *prev = NULL;
    for (int i = 0; i < 10000; i++) {
        char *q = arena_alloc(&a, 24);
        CHECK(q && q != prev);
        if (q) memset(q, 2, 24);
        prev = q;
    }
    size_t before = a.total;
    CHECK(before > (1u << 20));
    arena_reset(&a);
    CHECK(a.total == 0);
    CHECK(arena_alloc(&a, 100) != NULL);
    a.limit = 1000;
    CHECK(arena_alloc(&a, 2000) == NULL);
    char *s = arena_strndup(&a, "hello", 3);
    CHECK_STR(s, "hel");
    arena_free(&a);
    arena_free(&a); /* twice is fine */
}

static void test_strbuf(void) {
    strbuf b;
    sb_init(&b);
    sb_put_i64(&b, -42);
    sb_putc(&b, ' ');
    sb_put_u64(&b, 18446744073709551615ull);
    CHECK_STR(b.s, "-42 18446744073709551615");
    sb_reset(&b);
    sb_printf(&b, "%s-%d", "x", 7);
    CHECK_STR(b.s, "x-7");
    sb_reset(&b);
    sb_put_json_str(&b, "a\"b\\c\n\t\x01\xff\xe2\x80\xa8", 12);
    CHECK_STR(b.s, "\"a\\\"b\\\\c\\n\\t\\u0001\xef\xbf\xbd\\u2028\"");
    sb_reset(&b);
    sb_put_json_str(&b, "", 0);
    CHECK_STR(b.s, "\"\"");
    /* Long printf goes through the slow path. */
    sb_reset(&b);
    char big[1000];
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    sb_printf(&b, "[%s]", big);
    CHECK_INT(b.len, 1001);
    CHECK(sb_grow(&b, SIZE_MAX) != 0 && b.oom);
    sb_putn(&b, "ignored", 7); /* sticky oom: ignored */
    CHECK_INT(b.len, 1001);
    sb_free(&b);
}

typedef struct seen {
    int n;
    char keys[8][32];
    char vals[8][64];
    int types[8];
} seen;

static int collect(void *ud, const char *key, size_t kl, int type, const char *val, size_t vl, const char *raw,
                   size_t rl) {
    seen *s = ud;
    (void)raw;
    (void)rl;
    if (s->n < 8) {
        snprintf(s->keys[s->n], 32, "%.*s", (int)kl, key);
        snprintf(s->vals[s->n], 64, "%.*s", (int)vl, val);
        s->types[s->n] = type;
    }
    s->n++;
    return 0;
}

static int parse(const char *js, seen *s, char *err, size_t *col) {
    strbuf k, v;
    sb_init(&k);
    sb_init(&v);
    memset(s, 0, sizeof *s);
    int rc = json_parse_object(js, strlen(js), &k, &v, collect, s, err, 200, col);
    sb_free(&k);
    sb_free(&v);
    return rc;
}

static void test_json(void) {
    seen s;
    char err[200];
    size_t col;
    CHECK_INT(parse("{\"a\":\"x\\u00e9\\n\",\"b\":-1.5e3,\"c\":[1,{\"d\":null}],\"e\":true}", &s, err, &col), 0);
    CHECK_INT(s.n, 4);
    CHECK_STR(s.keys[0], "a");
    CHECK_STR(s.vals[0], "x\xc3\xa9\n");
    CHECK_INT(s.types[1], JSON_NUMBER);
    CHECK_STR(s.vals[1], "-1.5e3");
    CHECK_STR(s.vals[2], "[1,{\"d\":null}]");
    CHECK_INT(s.types[3], JSON_OTHER);
    CHECK_INT(parse("  {}  ", &s, err, &col), 0);
    CHECK_INT(s.n, 0);
    /* Surrogates: a pair decodes, a lone one becomes U+FFFD. */
    CHECK_INT(parse("{\"t\":\"\\ud83d\\ude00|\\udc00|\\ud800x\"}", &s, err, &col), 0);
    CHECK_STR(s.vals[0], "\xf0\x9f\x98\x80|\xef\xbf\xbd|\xef\xbf\xbdx");
    /* Errors carry a column and what was expected. */
    CHECK_INT(parse("{\"a\":1 \"b\":2}", &s, err, &col), -1);
    CHECK_INT(col, 8);
    CHECK(strstr(err, "expected ',' or '}' at column 8") != NULL);
    CHECK_INT(parse("", &s, err, &col), -1);
    CHECK(strstr(err, "expected '{'") != NULL);
    CHECK_INT(parse("[1,2]", &s, err, &col), -1);
    CHECK_INT(parse("{\"a\":\"unterminated}", &s, err, &col), -1);
    CHECK(strstr(err, "unterminated string") != NULL);
    CHECK_INT(parse("{\"a\":01}", &s, err, &col), -1);
    CHECK_INT(parse("{\"a\":1.}", &s, err, &col), -1);
    CHECK_INT(parse("{\"a\":tru}", &s, err, &col), -1);
    CHECK_INT(parse("{\"a\":\"\\x\"}", &s, err, &col), -1);
    CHECK_INT(parse("{\"a\":\"\\u12G4\"}", &s, err, &col), -1);
    CHECK_INT(parse("{\"a\":1}x", &s, err, &col), -1);
    CHECK(strstr(err, "after the object") != NULL);
    CHECK_INT(parse("{\"a\":[1,]}", &s, err, &col), -1);
    CHECK_INT(parse("{a:1}", &s, err, &col), -1);
    CHECK_INT(parse("{\"a\":{\"b\":1,}}", &s, err, &col), -1);
    /* Depth limit, not a stack overflow. */
    char deep[3000];
    strcpy(deep, "{\"a\":");
    for (int i = 0; i < 1000; i++) strcat(deep, "[");
    CHECK_INT(parse(deep, &s, err, &col), -1);
    CHECK(strstr(err, "nesting too deep") != NULL);
}

static dyad_doc *doc_with(const char *text, size_t len) {
    dyad_doc *d = NULL;
    CHECK_INT(dyad_doc_new(&d), DYAD_OK);
    dyad_doc_set_text(d, text, len);
    return d;
}

static void test_doc_text_repair(void) {
    size_t len;
    /* Clean UTF-8: kept byte for byte, not marked as derived. */
    dyad_doc *d = doc_with("Caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d", 14);
    CHECK_INT(dyad_doc_error(d), DYAD_OK);
    CHECK_STR(dyad_doc_text(d, &len), "Caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d");
    CHECK_INT(d->text_derived, 0);
    /* Windows-1252 bytes are repaired. */
    dyad_doc_reset(d);
    CHECK_INT(dyad_doc_set_text(d, "caf\xe9 \x93q\x94 \x81", 10), DYAD_OK);
    CHECK_STR(dyad_doc_text(d, &len), "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d \xef\xbf\xbd");
    CHECK_INT(d->text_derived, 1);
    /* Overlong and surrogate encodings are invalid UTF-8. */
    dyad_doc_reset(d);
    CHECK_INT(dyad_doc_set_text(d, "ab\xc0\xaf and \xed\xa0\x80 long enough text here", 34), DYAD_OK);
    CHECK(strstr(dyad_doc_text(d, NULL), "\xc0") == NULL);
    /* Control bytes become spaces, offsets unchanged. */
    dyad_doc_reset(d);
    CHECK_INT(dyad_doc_set_text(d, "a\0b\x01" "c\td\r\n", 8), DYAD_OK);
    CHECK(memcmp(dyad_doc_text(d, &len), "a b c\td\r\n", 8) == 0);
    CHECK_INT(len, 8);
    /* Binary and hopeless input. */
    dyad_doc_reset(d);
    unsigned char bin[256];
    for (int i = 0; i < 256; i++) bin[i] = (unsigned char)i;
    CHECK_INT(dyad_doc_set_text(d, (const char *)bin, sizeof bin), DYAD_EBINARY);
    CHECK_INT(dyad_doc_error(d), DYAD_EBINARY);
    dyad_doc_reset(d);
    char hi[64];
    memset(hi, 0xff, sizeof hi);
    CHECK_INT(dyad_doc_set_text(d, hi, sizeof hi), DYAD_EUTF8);
    /* Empty text is fine and codes to nothing. */
    dyad_doc_reset(d);
    CHECK_INT(dyad_doc_set_text(d, "", 0), DYAD_OK);
    CHECK_INT(dyad_doc_code(NULL, d), DYAD_OK);
    CHECK_INT(dyad_doc_token_count(d), 0);
    CHECK_INT(dyad_doc_sentence_count(d), 0);
    dyad_doc_free(d);
}

static void test_doc_null_and_fields(void) {
    CHECK_INT(dyad_doc_new(NULL), DYAD_EINVAL);
    dyad_doc_free(NULL);
    dyad_doc_reset(NULL);
    CHECK_INT(dyad_doc_set_text(NULL, "x", 1), DYAD_EINVAL);
    CHECK_INT(dyad_doc_code(NULL, NULL), DYAD_EINVAL);
    CHECK_INT(dyad_doc_token_count(NULL), 0);
    CHECK(dyad_doc_field(NULL, DYAD_FIELD_ID) == NULL);
    CHECK_INT(dyad_doc_json(NULL, 0, NULL, NULL), DYAD_EINVAL);
    dyad_span sp = dyad_doc_sentence(NULL, 0, NULL, NULL);
    CHECK(sp.start == 0 && sp.end == 0);
    dyad_doc *d = NULL;
    CHECK_INT(dyad_doc_new(&d), DYAD_OK);
    CHECK_INT(dyad_doc_set_text(d, NULL, 3), DYAD_EINVAL);
    CHECK_INT(dyad_doc_set_field(d, DYAD_NFIELDS, "x", 1), DYAD_EINVAL);
    CHECK_INT(dyad_doc_set_field(d, DYAD_FIELD_DATE, "2023-02-30", 10), DYAD_OK); /* day range only */
    CHECK_INT(dyad_doc_set_field(d, DYAD_FIELD_DATE, "2023-13-01", 10), DYAD_EINVAL);
    CHECK_INT(dyad_doc_set_field(d, DYAD_FIELD_DATE, "03/02/2023", 10), DYAD_EINVAL);
    CHECK_INT(dyad_doc_set_field(d, DYAD_FIELD_DATE, "2023-03-02T10:00:00Z", 20), DYAD_OK);
    CHECK_STR(dyad_doc_field(d, DYAD_FIELD_DATE), "2023-03-02");
    CHECK_INT(dyad_doc_set_field(d, DYAD_FIELD_DATE, "2023-03-02x", 11), DYAD_EINVAL);
    CHECK_INT(dyad_doc_set_field(d, DYAD_FIELD_ID, "id-1", 4), DYAD_OK);
    CHECK_STR(dyad_doc_field(d, DYAD_FIELD_ID), "id-1");
    /* Out-of-range accessors return empty spans. */
    dyad_span t = dyad_doc_token(d, 99);
    CHECK(t.start == 0 && t.end == 0);
    dyad_doc_free(d);
}

static void test_record(void) {
    dyad_doc *d = NULL;
    const char *js;
    size_t len;
    CHECK_INT(dyad_doc_new(&d), DYAD_OK);
    dyad_doc_set_field(d, DYAD_FIELD_ID, "a\"1", 3);
    dyad_doc_set_field(d, DYAD_FIELD_DATE, "2023-03-02", 10);
    dyad_doc_set_text(d, "Hello there. Bye.", 17);
    CHECK_INT(dyad_doc_code(NULL, d), DYAD_OK);
    CHECK_INT(dyad_doc_json(d, 0, &js, &len), DYAD_OK);
    CHECK_STR(js, "{\"dyad\":\"1\",\"id\":\"a\\\"1\",\"date\":\"2023-03-02\",\"sentences\":[[0,12],[13,17]],"
                  "\"entities\":[],\"actors\":[],\"quotes\":[],\"events\":[],\"places\":[],\"dates\":[],"
                  "\"boilerplate\":[],\"tone\":null}");
    CHECK_INT(len, strlen(js));
    CHECK_INT(dyad_doc_json(d, DYAD_JSON_TEXT | DYAD_JSON_TOKENS, &js, &len), DYAD_OK);
    CHECK(strstr(js, "\"text\":\"Hello there. Bye.\"") != NULL);
    CHECK(strstr(js, "\"tokens\":[[0,5],[6,11],[11,12],[13,16],[16,17]]") != NULL);
    /* An error record. */
    dyad_doc_reset(d);
    dyad_doc_set_error(d, DYAD_EJSON, 17, "feed.jsonl line 17: expected ',' or '}' at column %d", 212);
    CHECK_INT(dyad_doc_code(NULL, d), DYAD_EJSON);
    CHECK_INT(dyad_doc_json(d, 0, &js, &len), DYAD_OK);
    CHECK_STR(js, "{\"dyad\":\"1\",\"id\":null,\"line\":17,\"error\":{\"code\":\"bad_json\",\"message\":"
                  "\"feed.jsonl line 17: expected ',' or '}' at column 212\"}}");
    dyad_doc_free(d);
}

int main(void) {
    RUN(test_version);
    RUN(test_arena);
    RUN(test_strbuf);
    RUN(test_json);
    RUN(test_doc_text_repair);
    RUN(test_doc_null_and_fields);
    RUN(test_record);
    TEST_END();
}
