/* test_tone.c -- the tone stage: negation, boosters, "but", capitals,
 * phrases, boilerplate, empty documents, and refusal of corrupt or
 * truncated images.  The lexicon is a small image built here from a
 * handful of words; the real models/tone.bin is checked too when it has
 * been built. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/doc.h"
#include "../src/model.h"
#include "../src/tone.h"
#include "dyad.h"
#include "test.h"

static strbuf img;
static tone_lex *lex;

static void build(void) {
    static const tone_word words[] = {
        {"good", 1.9f, 0, TONE_F_VAL},    {"bad", -2.5f, 0, TONE_F_VAL},   {"great", 3.1f, 0, TONE_F_VAL},
        {"hope", 1.9f, 0, TONE_F_VAL},    {"crime", -2.5f, 0, TONE_F_VAL}, {"no", -1.2f, 0, TONE_F_VAL},
        {"fed up", -1.8f, 0, TONE_F_VAL}, {":)", 2.0f, 0, TONE_F_VAL},     {"united", 1.8f, 0, TONE_F_VAL},
        {"wonder", 1.0f, 0, TONE_F_VAL},
        {"Good", 1.9f, 0, TONE_F_VAL}, /* duplicate after lower-casing: merged */
    };
    size_t nf;
    const tone_word *fw = tone_function_words(&nf);
    size_t n = sizeof words / sizeof words[0];
    tone_word *all = malloc((n + nf) * sizeof *all);
    memcpy(all, words, n * sizeof *all);
    memcpy(all + n, fw, nf * sizeof *all);
    sb_init(&img);
    char err[200];
    size_t skipped = 99;
    CHECK_INT(tone_build(&img, all, n + nf, &skipped, err, sizeof err), 0);
    CHECK_INT(skipped, 0);
    free(all);
    CHECK_INT(tone_open(&lex, img.s, img.len, err, sizeof err), DYAD_OK);
}

static double score(const char *s) {
    return tone_sentence(lex, s, strlen(s));
}

static void test_basic(void) {
    CHECK(lex != NULL);
    CHECK(score("The harvest was good.") > 0);
    CHECK(score("The harvest was bad.") < 0);
    CHECK(score("The harvest was average.") == 0);
    CHECK(score("It was great.") > score("It was good."));
    CHECK(score("We are fed up with it.") < 0); /* two-token key */
    CHECK(score("Nice one :)") > 0);             /* emoticon token */
    double v = score("good good good good good good good good good good good good good good good");
    CHECK(v > 0 && v <= 10);
}

static void test_negation(void) {
    CHECK(score("The harvest was not good.") < 0);
    CHECK(score("The harvest was n't good.") < 0);
    CHECK(score("The harvest wasn't good.") < 0);  /* the tokenizer splits "n't" */
    CHECK(score("The harvest was never really good.") < 0);
    CHECK(score("They left without hope.") < 0);
    /* Out of the 3-word window: not negated. */
    CHECK(score("It is not the case that the harvest was good.") > 0);
    /* "no" alone is negative; before a rated word it only negates. */
    CHECK(score("No!") < 0); /* ("No." would be the abbreviation of "number") */
    CHECK(score("There was no bad news.") > 0);
    /* Shifters flip negatives only. */
    CHECK(score("The plan will reduce crime.") > 0);
    CHECK(score("The plan will reduce good schools.") > 0);
    /* "least" negates; "at least" is a fixed phrase. */
    CHECK(score("It was the least good option.") < 0);
    CHECK(score("At least it was good.") > 0);
    /* "hardly" and "scarcely" deny rather than dampen. */
    CHECK(score("The harvest was hardly good.") < 0);
    CHECK(score("The harvest was scarcely good.") < 0);
    CHECK(score("The harvest was barely good.") > 0); /* "barely" still dampens */
    /* "few" negates; "a few" and "quite a few" do not. */
    CHECK(score("Few find it good.") < 0);
    CHECK(score("A few find it good.") > 0);
    CHECK(score("Quite a few find it good.") > 0);
}

static void test_phrases(void) {
    /* "no wonder" is an idiom: neither "no" nor a rated "wonder" counts. */
    CHECK(score("No wonder the harvest was good.") > 0);
    CHECK(score("Small wonder the harvest was good.") == score("No wonder the harvest was good."));
    CHECK(score("Little wonder the harvest was bad.") < 0);
}

static void test_boosters(void) {
    double plain = score("The harvest was good.");
    CHECK(score("The harvest was very good.") > plain);
    CHECK(score("The harvest was extremely good.") > plain);
    CHECK(score("The harvest was slightly good.") < plain);
    CHECK(score("The harvest was barely good.") < plain);
    CHECK(score("The harvest was kind of good.") < plain);
    CHECK(score("The harvest was kind of good.") > 0);
    CHECK(score("The harvest was very bad.") < score("The harvest was bad."));
    CHECK(score("The harvest was good!") > plain);
}

static void test_but(void) {
    CHECK(score("The harvest was good but the prices were bad.") < 0);
    CHECK(score("The harvest was bad but the prices were good.") > 0);
    /* Without the contrast the stronger word wins. */
    CHECK(score("The harvest was good and the prices were bad.") < 0);
    CHECK(score("The harvest was good and the prices were bad.") > score("The harvest was good but the prices were bad."));
}

static void test_caps(void) {
    /* Shouting in mixed-case text is emphasis ... */
    CHECK(score("The harvest was GOOD this year.") > score("The harvest was good this year."));
    /* ... an all-capitals headline is not. */
    CHECK(score("HARVEST WAS GOOD THIS YEAR") == score("harvest was good this year"));
    /* A capitalised word inside a sentence is a name, not a valence. */
    CHECK(score("He spoke at the United Nations.") == 0);
    CHECK(score("United we stand.") > 0);
}

static void test_doc(void) {
    dyad_doc *d;
    CHECK_INT(dyad_doc_new(&d), DYAD_OK);
    /* Empty document. */
    CHECK_INT(tone_run(lex, d), DYAD_OK);
    CHECK(d->has_tone == 1 && d->tone == 0);
    CHECK(score("") == 0);
    CHECK(score("   ...  ") == 0);
    CHECK_INT(tone_run(NULL, d), DYAD_EINVAL);
    CHECK_INT(tone_run(lex, NULL), DYAD_EINVAL);
    /* Boilerplate tokens do not count. */
    const char *text = "The harvest was good. Subscribe now to avoid bad crime news!";
    CHECK_INT(dyad_doc_set_text(d, text, strlen(text)), DYAD_OK);
    CHECK_INT(tok_run(d), DYAD_OK);
    CHECK_INT(sent_run(d), DYAD_OK);
    CHECK_INT(d->nsent, 2);
    CHECK_INT(tone_run(lex, d), DYAD_OK);
    double with = d->tone;
    for (size_t i = d->sents[1].first; i < d->sents[1].last; i++) d->toks[i].flags |= TOKF_BOILER;
    CHECK_INT(tone_run(lex, d), DYAD_OK);
    CHECK(d->tone > 0);
    CHECK(d->tone != with);
    CHECK(d->tone == score("The harvest was good."));
    /* Many sentences: the tone stays on the scale and does not run to the
     * extreme just because the text is long. */
    dyad_doc_reset(d);
    strbuf long_text;
    sb_init(&long_text);
    for (int i = 0; i < 200; i++) sb_puts(&long_text, "The harvest was good. The weather was mild. ");
    CHECK_INT(dyad_doc_set_text(d, long_text.s, long_text.len), DYAD_OK);
    CHECK_INT(tok_run(d), DYAD_OK);
    CHECK_INT(sent_run(d), DYAD_OK);
    CHECK_INT(tone_run(lex, d), DYAD_OK);
    CHECK(d->tone > 0 && d->tone < 10);
    double t200 = d->tone;
    dyad_doc_reset(d);
    const char *few = "The harvest was good. The weather was mild. The harvest was good. The weather was mild. "
                      "The harvest was good. The weather was mild. The harvest was good. The weather was mild.";
    CHECK_INT(dyad_doc_set_text(d, few, strlen(few)), DYAD_OK);
    CHECK_INT(tok_run(d), DYAD_OK);
    CHECK_INT(sent_run(d), DYAD_OK);
    CHECK_INT(tone_run(lex, d), DYAD_OK);
    CHECK(d->tone > t200 - 0.01 && d->tone < t200 + 0.01);
    sb_free(&long_text);
    dyad_doc_free(d);
}

static void test_refusals(void) {
    tone_lex *t = NULL;
    char err[300];
    CHECK_INT(tone_open(NULL, img.s, img.len, err, sizeof err), DYAD_EINVAL);
    CHECK_INT(tone_open(&t, NULL, 0, err, sizeof err), DYAD_EFORMAT);
    CHECK(t == NULL);
    tone_close(NULL);
    /* Truncated at every length: refused, never read past. */
    for (size_t n = 0; n < img.len; n += 13) {
        unsigned char *cut = malloc(n ? n : 1);
        memcpy(cut, img.s, n);
        CHECK_INT(tone_open(&t, cut, n, err, sizeof err), DYAD_EFORMAT);
        CHECK(t == NULL);
        free(cut);
    }
    /* A flipped byte anywhere: refused by the checksum or the checks. */
    unsigned char *bad = malloc(img.len);
    for (size_t k = 0; k < img.len; k += 97) {
        memcpy(bad, img.s, img.len);
        bad[k] ^= 0x5a;
        int rc = tone_open(&t, bad, img.len, err, sizeof err);
        CHECK_INT(rc, DYAD_EFORMAT);
        if (!rc) tone_close(t);
    }
    free(bad);
    /* Another kind of image. */
    model_writer w;
    strbuf other;
    sb_init(&other);
    mw_init(&w, "tagger", TONE_VERSION);
    mw_add(&w, "meta", "x", 1);
    mw_build(&w, &other);
    mw_free(&w);
    CHECK_INT(tone_open(&t, other.s, other.len, err, sizeof err), DYAD_EFORMAT);
    CHECK(strstr(err, "tone lexicon") != NULL);
    sb_free(&other);
    /* An image with the right kind but broken tables, checksum intact. */
    tone_word one = {"good", 1.0f, 0, TONE_F_VAL};
    strbuf ok;
    sb_init(&ok);
    CHECK_INT(tone_build(&ok, &one, 1, NULL, err, sizeof err), 0);
    model m;
    CHECK_INT(model_open(&m, ok.s, ok.len, TONE_KIND, TONE_VERSION, err, sizeof err), DYAD_OK);
    uint64_t ms;
    const unsigned char *meta = model_section(&m, "meta", &ms);
    const unsigned char *ents = model_section(&m, "ents", NULL);
    const unsigned char *pool = model_section(&m, "pool", NULL);
    /* Rebuild the image with one section changed at a time. */
    for (int variant = 0; variant < 3; variant++) {
        model_writer w2;
        mw_init(&w2, TONE_KIND, TONE_VERSION);
        for (uint32_t i = 0; i < m.nsect; i++) {
            unsigned char buf[4096];
            size_t sz = (size_t)m.sect[i].size;
            if (sz > sizeof buf) sz = sizeof buf;
            memcpy(buf, m.sect[i].data, sz);
            if (variant == 0 && m.sect[i].data == meta) buf[0] = 3; /* nslot not a power of two */
            if (variant == 1 && m.sect[i].data == ents) buf[0] = 0xff, buf[1] = 0xff; /* key outside the pool */
            if (variant == 2 && m.sect[i].data == pool) buf[0] = 'x'; /* hash no longer matches */
            mw_add(&w2, m.sect[i].name, buf, sz);
        }
        strbuf out;
        sb_init(&out);
        mw_build(&w2, &out);
        mw_free(&w2);
        CHECK_INT(tone_open(&t, out.s, out.len, err, sizeof err), DYAD_EFORMAT);
        sb_free(&out);
    }
    model_close(&m);
    sb_free(&ok);
    CHECK_INT(tone_open_file(&t, "/nonexistent/tone.bin", err, sizeof err), DYAD_EIO);
}

/* The image built from the npm packages, when `make` has built it. */
static void test_real_model(void) {
    const char *path = "models/tone.bin";
    if (access(path, R_OK) != 0) {
        printf("  (models/tone.bin not built: skipped)\n");
        return;
    }
    tone_lex *t;
    char err[300];
    CHECK_INT(tone_open_file(&t, path, err, sizeof err), DYAD_OK);
    if (!t) return;
    CHECK(tone_size(t) > 7000);
    const char *pos = "The ceasefire brought great relief and hope to the region.";
    const char *neg = "The attack killed dozens and left the city in terror.";
    const char *nneg = "The talks were not successful.";
    CHECK(tone_sentence(t, pos, strlen(pos)) > 2);
    CHECK(tone_sentence(t, neg, strlen(neg)) < -2);
    CHECK(tone_sentence(t, nneg, strlen(nneg)) < 0);
    /* Words neither VADER nor AFINN rates come from Hu & Liu's opinion
     * lexicon (build_tone --fill). */
    CHECK(tone_size(t) > 12000);
    const char *absurd = "The claim is absurd.", *magical = "The evening was magical.";
    CHECK(tone_sentence(t, absurd, strlen(absurd)) < 0);
    CHECK(tone_sentence(t, magical, strlen(magical)) > 0);
    /* ... but not its words for political positions or literal senses */
    const char *cons = "The conservative senator spoke.", *fell = "Prices fell.";
    CHECK(tone_sentence(t, cons, strlen(cons)) == 0);
    CHECK(tone_sentence(t, fell, strlen(fell)) == 0);
    tone_close(t);
}

int main(void) {
    build();
    RUN(test_basic);
    RUN(test_negation);
    RUN(test_phrases);
    RUN(test_boosters);
    RUN(test_but);
    RUN(test_caps);
    RUN(test_doc);
    RUN(test_refusals);
    RUN(test_real_model);
    tone_close(lex);
    sb_free(&img);
    TEST_END();
}
