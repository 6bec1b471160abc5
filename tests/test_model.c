/* test_model.c -- model images: round trip, and refusal of truncated,
 * corrupt, foreign and other-version images. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/model.h"
#include "dyad.h"
#include "test.h"

static strbuf img;

static void build(void) {
    model_writer w;
    mw_init(&w, "tagger", 3);
    float weights[100];
    for (int i = 0; i < 100; i++) weights[i] = (float)i * 0.5f;
    CHECK_INT(mw_add(&w, "weights", weights, sizeof weights), 0);
    CHECK_INT(mw_add(&w, "empty", "", 0), 0);
    CHECK_INT(mw_add(&w, "labels", "NOUN\0VERB\0", 10), 0);
    CHECK_INT(mw_add(&w, "a-name-that-is-far-too-long", "x", 1), -1);
    sb_init(&img);
    CHECK_INT(mw_build(&w, &img), 0);
    mw_free(&w);
}

static void test_roundtrip(void) {
    build();
    model m;
    char err[200];
    CHECK_INT(img.len % MODEL_ALIGN, 0);
    CHECK_INT(model_open(&m, img.s, img.len, "tagger", 3, err, sizeof err), DYAD_OK);
    CHECK_STR(m.kind, "tagger");
    uint64_t n;
    const float *w = model_section(&m, "weights", &n);
    CHECK(w != NULL && n == 400 && ((const char *)w - img.s) % MODEL_ALIGN == 0);
    if (w) CHECK(w[99] == 49.5f);
    CHECK(model_section(&m, "empty", &n) != NULL && n == 0);
    CHECK(model_section(&m, "missing", &n) == NULL && n == 0);
    CHECK(model_need(&m, "labels", 10, err, sizeof err) != NULL);
    CHECK(model_need(&m, "labels", 11, err, sizeof err) == NULL);
    CHECK(strstr(err, "has 10 bytes, expected 11") != NULL);
    CHECK(model_need(&m, "nope", 0, err, sizeof err) == NULL);
    model_close(&m);
    model_close(&m);
}

static void test_refusals(void) {
    model m;
    char err[200];
    /* Wrong kind and version. */
    CHECK_INT(model_open(&m, img.s, img.len, "parser", 3, err, sizeof err), DYAD_EFORMAT);
    CHECK(strstr(err, "not \"parser\"") != NULL);
    CHECK_INT(model_open(&m, img.s, img.len, "tagger", 4, err, sizeof err), DYAD_EFORMAT);
    CHECK(strstr(err, "another version") != NULL);
    /* Truncated at every length: always refused, never read past. */
    for (size_t n = 0; n < img.len; n += 7) {
        unsigned char *cut = malloc(n ? n : 1);
        memcpy(cut, img.s, n);
        CHECK_INT(model_open(&m, cut, n, "tagger", 3, err, sizeof err), DYAD_EFORMAT);
        free(cut);
    }
    /* Any flipped byte is refused (header fields or checksum). */
    unsigned char *bad = malloc(img.len);
    int refused = 0, tried = 0;
    for (size_t i = 0; i < img.len; i += 5) {
        memcpy(bad, img.s, img.len);
        bad[i] ^= 0x5a;
        tried++;
        if (model_open(&m, bad, img.len, "tagger", 3, err, sizeof err) != DYAD_OK) refused++;
        else model_close(&m);
    }
    CHECK_INT(refused, tried);
    free(bad);
    CHECK_INT(model_open(&m, NULL, 0, NULL, 0, err, sizeof err), DYAD_EFORMAT);
    CHECK_INT(model_open(&m, "DYADIMG", 8, NULL, 0, err, sizeof err), DYAD_EFORMAT);
}

static void test_file(void) {
    char dir[] = "/tmp/dyad-model-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/m.bin", dir);
    model_writer w;
    mw_init(&w, "lexicon", 1);
    mw_add(&w, "words", "abc", 3);
    CHECK_INT(mw_write(&w, path), 0);
    mw_free(&w);
    model m;
    char err[300];
    CHECK_INT(model_map(&m, path, "lexicon", 1, err, sizeof err), DYAD_OK);
    uint64_t n;
    const char *p = model_section(&m, "words", &n);
    CHECK(p && n == 3 && memcmp(p, "abc", 3) == 0);
    model_close(&m);
    /* Truncate the file: refused with the path in the message. */
    CHECK_INT(truncate(path, 70), 0);
    CHECK_INT(model_map(&m, path, "lexicon", 1, err, sizeof err), DYAD_EFORMAT);
    CHECK(strstr(err, "truncated") != NULL && strstr(err, path) != NULL);
    unlink(path);
    CHECK_INT(model_map(&m, path, "lexicon", 1, err, sizeof err), DYAD_EIO);
    rmdir(dir);
}

int main(void) {
    RUN(test_roundtrip);
    RUN(test_refusals);
    RUN(test_file);
    sb_free(&img);
    TEST_END();
}
