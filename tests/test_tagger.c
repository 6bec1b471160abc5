/* test_tagger.c -- the tagger and lemmatizer with the committed model:
 * key tags and lemmas on sentences written for this test (a wire headline
 * in capitals, curly quotes), the pipeline's context repairs, the
 * document path, and refusal of truncated, corrupt or foreign model
 * images. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/doc.h"
#include "../src/model.h"
#include "../src/tagger.h"
#include "../src/ud.h"
#include "dyad.h"
#include "test.h"

#define MODEL "models/tagger.bin"

static tagger *tg;
static char *img;
static size_t imglen;

typedef struct tagged {
    uint8_t upos[64], xpos[64];
    uint16_t feats[64];
    const char *lemma[64];
    char buf[2048];
    int n;
} tagged;

/* Split s at spaces and tag the words. */
static int tag(const char *s, tagged *out) {
    static char copy[1024];
    const char *forms[64];
    size_t lens[64];
    int n = 0;
    snprintf(copy, sizeof copy, "%s", s);
    for (char *p = copy; *p && n < 64;) {
        while (*p == ' ') p++;
        if (!*p) break;
        char *q = p;
        while (*q && *q != ' ') q++;
        forms[n] = p;
        lens[n++] = (size_t)(q - p);
        p = q;
    }
    out->n = n;
    return tagger_tag_words(tg, forms, lens, n, out->upos, out->xpos, out->feats, out->lemma, out->buf, sizeof out->buf);
}

static void test_open(void) {
    char err[256];
    int rc = tagger_open_file(&tg, MODEL, err, sizeof err);
    if (rc) fprintf(stderr, "  %s\n", err);
    CHECK_INT(rc, DYAD_OK);
    CHECK(tagger_nclass(tg) > 40);
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

static void test_sentence(void) {
    tagged t;
    CHECK_INT(tag("The children said that the minister was angry and met the protesters .", &t), DYAD_OK);
    CHECK_INT(t.n, 13);
    CHECK_INT(t.xpos[0], XPOS_DT);
    CHECK_INT(t.upos[1], UPOS_NOUN);
    CHECK_INT(t.xpos[1], XPOS_NNS);
    CHECK_STR(t.lemma[1], "child");
    CHECK_INT(t.xpos[2], XPOS_VBD);
    CHECK_STR(t.lemma[2], "say");
    CHECK(t.feats[2] & FEAT_TENSE_PAST);
    CHECK(t.feats[2] & FEAT_VERBFORM_FIN);
    CHECK(t.feats[2] & FEAT_MOOD_IND);
    CHECK_STR(t.lemma[6], "be");
    CHECK_INT(t.upos[6], UPOS_AUX);
    CHECK_STR(t.lemma[9], "meet");
    CHECK_INT(t.upos[9], UPOS_VERB);
    CHECK_STR(t.lemma[11], "protester");
    CHECK_INT(t.upos[12], UPOS_PUNCT);
    CHECK_STR(t.lemma[12], ".");

    CHECK_INT(tag("She will visit Ankara , and he has been arrested .", &t), DYAD_OK);
    CHECK_INT(t.xpos[1], XPOS_MD);
    CHECK_INT(t.xpos[2], XPOS_VB);
    CHECK(t.feats[2] & FEAT_VERBFORM_INF);
    CHECK_INT(t.upos[3], UPOS_PROPN);
    CHECK_STR(t.lemma[3], "Ankara");
    CHECK_STR(t.lemma[7], "have");
    CHECK_STR(t.lemma[8], "be");
    CHECK_INT(t.xpos[9], XPOS_VBN);
    CHECK(t.feats[9] & FEAT_VOICE_PASS);
    CHECK_STR(t.lemma[9], "arrest");

    /* EWT lemmatizes comparatives to the positive: better -> good. */
    CHECK_INT(tag("This plan is better than the old one .", &t), DYAD_OK);
    CHECK_INT(t.xpos[3], XPOS_JJR);
    CHECK_STR(t.lemma[3], "good");

    /* Regular inflections the suffix rules alone got wrong (provok,
     * bom) are checked against the known base forms; numbers keep their
     * value: thousands separators go, a decimal comma becomes a point. */
    CHECK_INT(tag("They bombed the bridge and provoked protests costing 1,500,000 or 3,40 euros .", &t), DYAD_OK);
    CHECK_INT(t.xpos[1], XPOS_VBD);
    CHECK_STR(t.lemma[1], "bomb");
    CHECK_STR(t.lemma[5], "provoke");
    CHECK_INT(t.xpos[8], XPOS_CD);
    CHECK_STR(t.lemma[8], "1500000");
    CHECK_INT(t.xpos[10], XPOS_CD);
    CHECK_STR(t.lemma[10], "3.40");

    /* A base the treebank saw only in the plural still counts as known:
     * "zeroes" -> "zero" (from "zeros"), not the suffix rule's "zeroe". */
    CHECK_INT(tag("The scores were zeroes .", &t), DYAD_OK);
    CHECK_INT(t.xpos[3], XPOS_NNS);
    CHECK_STR(t.lemma[3], "zero");

    /* An irregular verb under a prefix: "upheld" -> "uphold" (the
     * suffix rules gave "uphell"). */
    CHECK_INT(tag("The court upheld the ban .", &t), DYAD_OK);
    CHECK_INT(t.xpos[2], XPOS_VBD);
    CHECK_STR(t.lemma[2], "uphold");

    /* Irregular forms the model never saw ("tore", "fled") get the
     * ambiguity class of a past and their lemma -- when asked to, as the
     * pipeline does; the training tools keep the model's own view. */
    tagger_use_irregular(tg, 1);
    CHECK_INT(tag("The senator tore into the governor and the rebels fled .", &t), DYAD_OK);
    CHECK_INT(t.xpos[2], XPOS_VBD);
    CHECK_STR(t.lemma[2], "tear");
    CHECK_INT(t.xpos[9], XPOS_VBD);
    CHECK_STR(t.lemma[9], "flee");
    /* and an unknown -s word after a verb's bare noun is a plural noun:
     * "mobilized army reservists" */
    CHECK_INT(tag("Britain mobilized army reservists for a war .", &t), DYAD_OK);
    CHECK_INT(t.xpos[3], XPOS_NNS);
    CHECK_STR(t.lemma[3], "reservist");
    tagger_use_irregular(tg, 0);
    CHECK_INT(tag("The senator tore into the governor and the rebels fled .", &t), DYAD_OK);
    CHECK(strcmp(t.lemma[2], "tear") != 0);
}

/* The pipeline's context repairs (tagger_use_irregular): a "to" the model
 * read as a preposition before a word that can be a base verb is the
 * infinitive marker after a word that takes an infinitive ("offered",
 * "able", "a plan"), after the object of a verb like "allow", or when an
 * object follows; an adjective ending the subject right before its verb
 * is the head noun.  Set phrases stay: "compared to last year", "to
 * date", "agreed to last July", "the poor were". */
static void test_context(void) {
    tagged t;
    tagger_use_irregular(tg, 1);
    CHECK_INT(tag("The ministry has offered to hand over the files to the court .", &t), DYAD_OK);
    CHECK_INT(t.xpos[4], XPOS_TO);
    CHECK_INT(t.xpos[5], XPOS_VB);
    CHECK_INT(t.upos[5], UPOS_VERB);
    CHECK_INT(t.xpos[9], XPOS_IN);
    CHECK_INT(tag("The rebels said they were ready to hand weapons to monitors .", &t), DYAD_OK);
    CHECK_INT(t.xpos[6], XPOS_TO);
    CHECK_INT(t.xpos[7], XPOS_VB);
    CHECK_INT(tag("The new law allows the central bank to issue bonds in yen .", &t), DYAD_OK);
    CHECK_INT(t.xpos[7], XPOS_TO);
    CHECK_INT(t.xpos[8], XPOS_VB);
    CHECK_INT(tag("The union needed more time to draft a reply .", &t), DYAD_OK);
    CHECK_INT(t.xpos[5], XPOS_TO);
    CHECK_INT(t.xpos[6], XPOS_VB);
    CHECK_INT(tag("Exports rose 4 pct compared to last year .", &t), DYAD_OK);
    CHECK_INT(t.xpos[5], XPOS_IN);
    CHECK_INT(tag("The fund has bought 40 tonnes to date .", &t), DYAD_OK);
    CHECK_INT(t.xpos[6], XPOS_IN);
    CHECK_INT(t.xpos[7], XPOS_NN);
    CHECK_INT(tag("The accord , agreed to last July , expires in May .", &t), DYAD_OK);
    CHECK_INT(t.xpos[4], XPOS_IN);
    CHECK_INT(t.xpos[5], XPOS_JJ);

    CHECK_INT(tag("A senior Thai official today praised the accord .", &t), DYAD_OK);
    CHECK_INT(t.xpos[3], XPOS_NN);
    CHECK_INT(t.upos[3], UPOS_NOUN);
    CHECK_INT(tag("But the official said the talks would resume .", &t), DYAD_OK);
    CHECK_INT(t.xpos[2], XPOS_NN);
    CHECK_INT(tag("The poor were hit hardest by the floods .", &t), DYAD_OK);
    CHECK_INT(t.upos[1], UPOS_ADJ);

    /* a word in -ly closing a noun phrase is its head noun, not an adverb;
     * the model alone reads "ally" here by its suffix */
    CHECK_INT(tag("Pakistan , a key U.S. ally in the war , refused .", &t), DYAD_OK);
    CHECK_INT(t.xpos[5], XPOS_NN);
    CHECK_INT(t.upos[5], UPOS_NOUN);
    CHECK_INT(tag("Kuwait pumps 900,000 barrels of crude daily ( bpd ) .", &t), DYAD_OK);
    CHECK_INT(t.xpos[6], XPOS_RB);
    CHECK_INT(tag("They called for a truly free vote .", &t), DYAD_OK);
    CHECK_INT(t.xpos[4], XPOS_RB);
    tagger_use_irregular(tg, 0);
    CHECK_INT(tag("Pakistan , a key U.S. ally in the war , refused .", &t), DYAD_OK);
    CHECK_INT(t.xpos[5], XPOS_RB);
}

static void test_headline(void) {
    tagged t;
    /* Without the capitals-sentence handling every word here is NNP. */
    CHECK_INT(tag("POLICE SAY 12 PROTESTERS WERE DETAINED IN ISTANBUL", &t), DYAD_OK);
    CHECK_INT(t.upos[0], UPOS_NOUN);
    CHECK_INT(t.upos[1], UPOS_VERB);
    CHECK_STR(t.lemma[1], "say");
    CHECK_INT(t.upos[2], UPOS_NUM);
    CHECK_INT(t.xpos[3], XPOS_NNS);
    CHECK_STR(t.lemma[3], "protester");
    CHECK_STR(t.lemma[4], "be");
    CHECK_INT(t.xpos[5], XPOS_VBN);
    CHECK_STR(t.lemma[5], "detain");
    CHECK_INT(t.upos[6], UPOS_ADP);
}

static void test_curly(void) {
    tagged t;
    CHECK_INT(tag("“ We wo n’t leave , ” he said — firmly .", &t), DYAD_OK);
    CHECK_INT(t.xpos[0], XPOS_LQUOTE);
    CHECK_STR(t.lemma[0], "\"");
    CHECK_INT(t.upos[1], UPOS_PRON);
    CHECK_INT(t.xpos[2], XPOS_MD);
    CHECK_STR(t.lemma[2], "will");
    CHECK_STR(t.lemma[3], "not");
    CHECK_INT(t.xpos[6], XPOS_RQUOTE);
    CHECK_STR(t.lemma[8], "say");
    CHECK_INT(t.upos[9], UPOS_PUNCT);
    CHECK(t.lemma[9][0] == '-');
    /* Same tags as with straight quotes.  The dash keeps its own shape
     * feature: GUM news (in the training data since tagger version 4)
     * tags "—" as ':' where EWT's "--" is mostly ',' -- both punctuation. */
    tagged u;
    CHECK_INT(tag("\" We wo n't leave , \" he said -- firmly .", &u), DYAD_OK);
    CHECK_INT(tag("“ We wo n’t leave , ” he said — firmly .", &t), DYAD_OK);
    for (int i = 0; i < t.n; i++) {
        if (i == 9) continue;
        CHECK_INT(t.xpos[i], u.xpos[i]);
    }
    CHECK_INT(t.upos[9], UPOS_PUNCT);
    CHECK_INT(u.upos[9], UPOS_PUNCT);
    CHECK_STR(t.lemma[3], "not");
}

static void test_edge(void) {
    uint8_t up[4], xp[4];
    uint16_t ft[4];
    const char *lem[4];
    char buf[64];
    CHECK_INT(tagger_tag_words(NULL, NULL, NULL, 0, up, xp, ft, lem, buf, sizeof buf), DYAD_EINVAL);
    CHECK_INT(tagger_tag_words(tg, NULL, NULL, 0, up, xp, ft, lem, buf, sizeof buf), DYAD_OK);
    CHECK_INT(tagger_tag_words(tg, NULL, NULL, 2, up, xp, ft, lem, buf, sizeof buf), DYAD_EINVAL);
    /* Empty and odd words still get a tag and a lemma. */
    const char *forms[4] = {"", "\xff\xfe", "http://example.com/a/very/long/path", "x"};
    size_t lens[4] = {0, 2, strlen(forms[2]), 1};
    CHECK_INT(tagger_tag_words(tg, forms, lens, 4, up, xp, ft, lem, buf, sizeof buf), DYAD_OK);
    for (int i = 0; i < 4; i++) CHECK(lem[i] != NULL && up[i] < UPOS_COUNT && xp[i] < XPOS_COUNT);
    /* Lemma buffer too small: tags complete, lemmas "". */
    CHECK_INT(tagger_tag_words(tg, forms, lens, 4, up, xp, ft, lem, buf, 4), DYAD_ETOOBIG);
    CHECK(lem[3] != NULL);
    /* Tags only. */
    CHECK_INT(tagger_tag_words(tg, forms, lens, 4, up, xp, NULL, NULL, NULL, 0), DYAD_OK);
    CHECK_INT(tagger_run(NULL, NULL), DYAD_EINVAL);
    tagger_close(NULL);
}

/* A document: two sentences and a stray token outside any sentence. */
static void test_doc(void) {
    dyad_doc *doc = NULL;
    CHECK_INT(dyad_doc_new(&doc), DYAD_OK);
    if (!doc) return;
    const char *text = "The police said they arrested 12 men. They were freed. !";
    CHECK_INT(doc_set_text_raw(doc, text, strlen(text), 0), 0);
    static const char *const words[] = {"The", "police", "said", "they", "arrested", "12", "men", ".", "They", "were", "freed", ".", "!"};
    size_t at = 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        const char *p = strstr(text + at, words[i]);
        CHECK(p != NULL);
        if (!p) return;
        tok t = {(uint32_t)(p - text), (uint32_t)(p - text + (ptrdiff_t)strlen(words[i])), 0, TOK_WORD, 0};
        at = t.end;
        CHECK_INT(doc_push_tok(doc, &t), 0);
    }
    CHECK_INT(doc_push_sent(doc, 0, 8), 0);
    CHECK_INT(doc_push_sent(doc, 8, 12), 0);
    CHECK_INT(tagger_run(tg, doc), DYAD_OK);
    CHECK_INT(doc->tagged, 1);
    CHECK_STR(doc->an[2].lemma, "say");
    CHECK_INT(doc->an[4].xpos, XPOS_VBD);
    CHECK_STR(doc->an[4].lemma, "arrest");
    CHECK_INT(doc->an[5].upos, UPOS_NUM);
    CHECK_STR(doc->an[6].lemma, "man");
    CHECK_STR(doc->an[9].lemma, "be");
    CHECK_STR(doc->an[10].lemma, "free");
    CHECK_INT(doc->an[12].upos, UPOS_PUNCT);
    CHECK_STR(doc->an[12].lemma, "!");
    dyad_doc_free(doc);
}

static void test_refusals(void) {
    if (!img) return;
    char err[256];
    tagger *t = NULL;
    char *copy = malloc(imglen);
    CHECK(copy != NULL);
    if (!copy) return;
    /* Truncated at assorted lengths, including inside the header. */
    size_t cuts[] = {0, 1, 63, 64, 100, imglen / 3, imglen / 2, imglen - 64, imglen - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        memcpy(copy, img, cuts[i]);
        CHECK_INT(tagger_open(&t, copy, cuts[i], err, sizeof err), DYAD_EFORMAT);
        CHECK(t == NULL);
    }
    /* One flipped byte anywhere: the checksum or a header check refuses it. */
    size_t spots[] = {0, 9, 30, 70, imglen / 2, imglen - 1};
    for (size_t i = 0; i < sizeof spots / sizeof *spots; i++) {
        memcpy(copy, img, imglen);
        copy[spots[i]] ^= 0x5a;
        CHECK_INT(tagger_open(&t, copy, imglen, err, sizeof err), DYAD_EFORMAT);
    }
    /* Another kind of image. */
    model_writer w;
    strbuf sb;
    sb_init(&sb);
    mw_init(&w, "parser", TAGGER_VERSION);
    CHECK_INT(mw_add(&w, "meta", "x", 1), 0);
    CHECK_INT(mw_build(&w, &sb), 0);
    CHECK_INT(tagger_open(&t, sb.s, sb.len, err, sizeof err), DYAD_EFORMAT);
    mw_free(&w);
    /* Right kind, broken contents: sections missing or of the wrong size. */
    sb_reset(&sb);
    mw_init(&w, "tagger", TAGGER_VERSION);
    tg_meta meta;
    memset(&meta, 0, sizeof meta);
    meta.nclass = 3;
    meta.fslots = meta.lslots = meta.aslots = 4;
    meta.scale = 1.0f;
    CHECK_INT(mw_add(&w, "meta", &meta, sizeof meta), 0);
    CHECK_INT(mw_add(&w, "classes", "NN\tNOUN\t_\n", 10), 0);
    CHECK_INT(mw_build(&w, &sb), 0);
    CHECK_INT(tagger_open(&t, sb.s, sb.len, err, sizeof err), DYAD_EFORMAT);
    CHECK(strstr(err, "class table") != NULL);
    mw_free(&w);
    sb_free(&sb);
    /* The intact copy opens. */
    memcpy(copy, img, imglen);
    CHECK_INT(tagger_open(&t, copy, imglen, err, sizeof err), DYAD_OK);
    tagger_close(t);
    CHECK_INT(tagger_open_file(&t, "models/no-such-model.bin", err, sizeof err), DYAD_EIO);
    free(copy);
}

int main(void) {
    RUN(test_open);
    if (!tg) {
        fprintf(stderr, "no model at %s: run from the repository root\n", MODEL);
        TEST_END();
    }
    RUN(test_sentence);
    RUN(test_context);
    RUN(test_headline);
    RUN(test_curly);
    RUN(test_edge);
    RUN(test_doc);
    RUN(test_refusals);
    tagger_close(tg);
    free(img);
    TEST_END();
}
