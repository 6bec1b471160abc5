/* test_ner.c -- the named-entity recognizer with the committed model:
 * names on sentences written for this test (running text, a wire headline
 * in capitals, lower-case text, boilerplate, an untagged document), the
 * word-level entry point, the BILOU constraints, the gender hints of
 * persons' given names, and refusal of
 * truncated, corrupt or foreign model images. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/doc.h"
#include "../src/model.h"
#include "../src/ner.h"
#include "../src/tagger.h"
#include "dyad.h"
#include "test.h"

#define MODEL "models/ner.bin"
#define TAGGER "models/tagger.bin"

static ner_model *nm;
static tagger *tg;
static char *img;
static size_t imglen;

static void test_open(void) {
    char err[256];
    int rc = ner_open_file(&nm, MODEL, err, sizeof err);
    if (rc) fprintf(stderr, "  %s\n", err);
    CHECK_INT(rc, DYAD_OK);
    rc = tagger_open_file(&tg, TAGGER, err, sizeof err);
    if (rc) fprintf(stderr, "  %s\n", err);
    CHECK_INT(rc, DYAD_OK);
    FILE *f = fopen(MODEL, "rb");
    CHECK(f != NULL);
    if (!f) return;
    fseek(f, 0, SEEK_END);
    imglen = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    img = malloc(imglen);
    CHECK(img && fread(img, 1, imglen, f) == imglen);
    fclose(f);
}

static void test_bad_images(void) {
    char err[256];
    ner_model *m = NULL;
    CHECK_INT(ner_open(NULL, img, imglen, err, sizeof err), DYAD_EINVAL);
    CHECK_INT(ner_open_file(&m, "models/no-such-ner.bin", err, sizeof err), DYAD_EIO);
    CHECK(m == NULL);
    ner_close(NULL);
    if (!img) return;
    /* The whole image from a buffer works. */
    CHECK_INT(ner_open(&m, img, imglen, err, sizeof err), DYAD_OK);
    ner_close(m);
    /* Truncated anywhere: refused with a message. */
    size_t cuts[] = {0, 8, 63, 64, 200, imglen / 2, imglen - 1};
    for (size_t k = 0; k < sizeof cuts / sizeof cuts[0]; k++) {
        err[0] = '\0';
        m = NULL;
        CHECK_INT(ner_open(&m, img, cuts[k], err, sizeof err), DYAD_EFORMAT);
        CHECK(m == NULL);
        CHECK(strstr(err, "ner model") != NULL);
    }
    /* One flipped byte in the body: the checksum catches it. */
    char *bad = malloc(imglen);
    CHECK(bad != NULL);
    if (!bad) return;
    memcpy(bad, img, imglen);
    bad[imglen / 2] ^= 0x5a;
    CHECK_INT(ner_open(&m, bad, imglen, err, sizeof err), DYAD_EFORMAT);
    /* Another version of the format: refused. */
    memcpy(bad, img, imglen);
    bad[28] = (char)(NER_VERSION + 1);
    CHECK_INT(ner_open(&m, bad, imglen, err, sizeof err), DYAD_EFORMAT);
    CHECK(strstr(err, "version") != NULL);
    free(bad);
    /* A valid image of another kind (the tagger) is not a NER model. */
    CHECK_INT(ner_open_file(&m, TAGGER, err, sizeof err), DYAD_EFORMAT);
    /* A well-formed "ner" image without its sections. */
    model_writer w;
    strbuf b;
    sb_init(&b);
    mw_init(&w, "ner", NER_VERSION);
    uint32_t junk[4] = {1, 2, 3, 4};
    CHECK_INT(mw_add(&w, "wts", junk, sizeof junk), 0);
    CHECK_INT(mw_build(&w, &b), 0);
    CHECK_INT(ner_open(&m, b.s, b.len, err, sizeof err), DYAD_EFORMAT);
    CHECK(strstr(err, "meta") != NULL);
    mw_free(&w);
    sb_free(&b);
}

/* Code text through tokenizer, splitter and tagger, then the NER. */
static dyad_doc *run(const char *text, int tag) {
    dyad_doc *d = NULL;
    CHECK_INT(dyad_doc_new(&d), DYAD_OK);
    if (!d) return NULL;
    CHECK_INT(dyad_doc_set_text(d, text, strlen(text)), DYAD_OK);
    CHECK_INT(tok_run(d), DYAD_OK);
    CHECK_INT(sent_run(d), DYAD_OK);
    if (tag) CHECK_INT(tagger_run(tg, d), DYAD_OK);
    CHECK_INT(ner_run(nm, d), DYAD_OK);
    return d;
}

/* 1 if doc has a name of this type spanning exactly this text. */
static int has(const dyad_doc *d, const char *name, int type) {
    size_t l = strlen(name);
    for (size_t k = 0; k < d->nent; k++) {
        const dent *e = &d->ents[k];
        if (e->end - e->start == l && !memcmp(d->text + e->start, name, l) && e->type == type) return 1;
    }
    return 0;
}

/* Entities well formed and in text order. */
static void check_order(const dyad_doc *d) {
    for (size_t k = 0; k < d->nent; k++) {
        const dent *e = &d->ents[k];
        CHECK(e->tok0 < e->tok1 && e->tok1 <= d->ntok);
        CHECK(e->start == d->toks[e->tok0].start && e->end == d->toks[e->tok1 - 1].end);
        CHECK_INT(e->actor, -1);
        CHECK(e->type == ENT_PERSON || e->type == ENT_ORG || e->type == ENT_LOC || e->type == ENT_MISC);
        if (k) CHECK(d->ents[k - 1].tok1 <= e->tok0);
    }
}

static void test_names(void) {
    if (!nm || !tg) return;
    dyad_doc *d = run("German Chancellor Angela Merkel met the French president in Berlin on Tuesday. "
                      "Police in Istanbul detained 12 protesters, the Interior Ministry said.",
                      1);
    if (!d) return;
    CHECK(has(d, "Angela Merkel", ENT_PERSON));
    CHECK(has(d, "Berlin", ENT_LOC));
    CHECK(has(d, "Istanbul", ENT_LOC));
    CHECK(has(d, "Interior Ministry", ENT_ORG));
    CHECK(!has(d, "Tuesday", ENT_MISC) && !has(d, "Police", ENT_ORG));
    check_order(d);
    /* Running again appends the same names again (the caller resets). */
    size_t n = d->nent;
    CHECK_INT(ner_run(nm, d), DYAD_OK);
    CHECK_INT(d->nent, 2 * n);
    dyad_doc_free(d);
}

/* The gender hint of a person (dent.gender) of a given name: the names
 * of one list; a name of both lists that the news says is a woman's
 * ("Hillary"); a title before the name; a lone name or a first name in
 * neither list gives none; not a person, none. */
static int gender_of(const dyad_doc *d, const char *name) {
    size_t l = strlen(name);
    for (size_t k = 0; k < d->nent; k++) {
        const dent *e = &d->ents[k];
        if (e->end - e->start == l && !memcmp(d->text + e->start, name, l)) return e->type == ENT_PERSON ? e->gender : -1;
    }
    return -2;
}

static void test_gender(void) {
    if (!nm || !tg) return;
    dyad_doc *d = run("Angela Merkel met Boris Johnson and Hillary Clinton in Berlin on Tuesday. "
                      "Senator Jared Polk and Donald Trump spoke later, and Kaczmarek said nothing.",
                      1);
    if (!d) return;
    CHECK_INT(gender_of(d, "Angela Merkel"), 2);
    CHECK_INT(gender_of(d, "Boris Johnson"), 1);
    CHECK_INT(gender_of(d, "Hillary Clinton"), 2);
    CHECK_INT(gender_of(d, "Jared Polk"), 1);
    CHECK_INT(gender_of(d, "Donald Trump"), 0);
    CHECK_INT(gender_of(d, "Kaczmarek"), 0);
    for (size_t k = 0; k < d->nent; k++)
        if (d->ents[k].type != ENT_PERSON) CHECK_INT(d->ents[k].gender, 0);
    dyad_doc_free(d);
}

static void test_headline(void) {
    if (!nm || !tg) return;
    /* A wire headline in capitals: the capitals carry no signal there. */
    dyad_doc *d = run("MERKEL MEETS OBAMA IN BERLIN AS TALKS STALL", 1);
    if (!d) return;
    CHECK(has(d, "BERLIN", ENT_LOC));
    CHECK(!has(d, "TALKS", ENT_MISC) && !has(d, "STALL", ENT_MISC));
    CHECK(d->nent <= 3);
    check_order(d);
    dyad_doc_free(d);
}

static void test_lower_boiler_untagged(void) {
    if (!nm || !tg) return;
    /* Plain lower-case prose: nothing passes the gate. */
    dyad_doc *d = run("the protesters marched through the streets of the capital on sunday .", 1);
    if (d) CHECK_INT(d->nent, 0);
    dyad_doc_free(d);
    /* Boilerplate tokens are never tagged. */
    const char *text = "Share this story on Facebook. Copyright Reuters Limited.";
    CHECK_INT(dyad_doc_new(&d), DYAD_OK);
    if (!d) return;
    CHECK_INT(dyad_doc_set_text(d, text, strlen(text)), DYAD_OK);
    CHECK_INT(tok_run(d), DYAD_OK);
    CHECK_INT(sent_run(d), DYAD_OK);
    CHECK_INT(tagger_run(tg, d), DYAD_OK);
    for (size_t i = 0; i < d->ntok; i++) d->toks[i].flags |= TOKF_BOILER;
    CHECK_INT(ner_run(nm, d), DYAD_OK);
    CHECK_INT(d->nent, 0);
    dyad_doc_free(d);
    /* Without the tagger (no doc->an): still works, from the words alone. */
    d = run("Angela Merkel arrived in Berlin.", 0);
    if (d) check_order(d);
    dyad_doc_free(d);
    /* Empty document, and text with no sentence. */
    d = run("", 1);
    if (d) CHECK_INT(d->nent, 0);
    dyad_doc_free(d);
    CHECK_INT(ner_run(NULL, NULL), DYAD_EINVAL);
}

static void test_words(void) {
    if (!nm) return;
    const char *forms[] = {"Lambert", "Mende", "visited", "Goma", "."};
    size_t lens[] = {7, 5, 7, 4, 1};
    uint8_t lab[5];
    CHECK_INT(ner_tag_words(nm, forms, lens, NULL, NULL, NULL, 5, lab), DYAD_OK);
    CHECK_INT(lab[0], NER_LABEL(NER_PER, NER_PB));
    CHECK_INT(lab[1], NER_LABEL(NER_PER, NER_PL));
    CHECK_INT(lab[2], NER_O);
    CHECK_INT(lab[4], NER_O);
    uint8_t boil[5] = {1, 1, 1, 1, 1};
    CHECK_INT(ner_tag_words(nm, forms, lens, NULL, NULL, boil, 5, lab), DYAD_OK);
    for (int i = 0; i < 5; i++) CHECK_INT(lab[i], NER_O);
    CHECK_INT(ner_tag_words(nm, forms, lens, NULL, NULL, NULL, 0, lab), DYAD_OK);
    CHECK_INT(ner_tag_words(nm, NULL, lens, NULL, NULL, NULL, 5, lab), DYAD_EINVAL);
    CHECK_INT(ner_tag_words(NULL, forms, lens, NULL, NULL, NULL, 5, lab), DYAD_EINVAL);
    /* A long sentence takes the heap path. */
    enum { N = 300 };
    const char *lf[N];
    size_t ll[N];
    uint8_t lb[N];
    for (int i = 0; i < N; i++) {
        lf[i] = i % 3 ? "and" : "Paris";
        ll[i] = strlen(lf[i]);
    }
    CHECK_INT(ner_tag_words(nm, lf, ll, NULL, NULL, NULL, N, lb), DYAD_OK);
}

static void test_bilou(void) {
    CHECK(ner_allowed(NER_NLABEL, NER_O));
    CHECK(ner_allowed(NER_NLABEL, NER_LABEL(NER_ORG, NER_PB)));
    CHECK(!ner_allowed(NER_NLABEL, NER_LABEL(NER_ORG, NER_PI)));
    CHECK(ner_allowed(NER_LABEL(NER_ORG, NER_PB), NER_LABEL(NER_ORG, NER_PL)));
    CHECK(!ner_allowed(NER_LABEL(NER_ORG, NER_PB), NER_LABEL(NER_LOC, NER_PL)));
    CHECK(!ner_allowed(NER_LABEL(NER_ORG, NER_PB), NER_O));
    CHECK(!ner_allowed(NER_LABEL(NER_ORG, NER_PI), NER_NLABEL));
    CHECK(ner_allowed(NER_LABEL(NER_ORG, NER_PU), NER_NLABEL));
    /* Viterbi: emissions that favour an invalid I after O still give a
     * valid sequence. */
    float emit[3 * NER_NLABEL] = {0}, trans[(NER_NLABEL + 2) * NER_NLABEL] = {0};
    uint8_t bp[3 * NER_NLABEL], out[3];
    emit[0 * NER_NLABEL + NER_O] = 1;
    emit[1 * NER_NLABEL + NER_LABEL(NER_PER, NER_PI)] = 5;
    emit[2 * NER_NLABEL + NER_O] = 1;
    CHECK_INT(nr_viterbi(emit, trans, trans + (NER_NLABEL + 1) * NER_NLABEL, NULL, 3, bp, out), 0);
    for (int i = 0; i < 3; i++) {
        int prev = i ? out[i - 1] : NER_NLABEL;
        CHECK(ner_allowed(prev, out[i]));
    }
    CHECK(ner_allowed(out[2], NER_NLABEL));
    /* Masks that admit nothing valid: -1 and all O. */
    uint32_t mask[3] = {1u << NER_LABEL(NER_PER, NER_PI), 1, 1};
    CHECK_INT(nr_viterbi(emit, trans, trans + (NER_NLABEL + 1) * NER_NLABEL, mask, 3, bp, out), -1);
    CHECK_INT(out[0], NER_O);
}

int main(void) {
    RUN(test_open);
    RUN(test_bad_images);
    RUN(test_names);
    RUN(test_gender);
    RUN(test_headline);
    RUN(test_lower_boiler_untagged);
    RUN(test_words);
    RUN(test_bilou);
    ner_close(nm);
    tagger_close(tg);
    free(img);
    TEST_END();
}
