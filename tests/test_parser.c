/* test_parser.c -- the dependency parser on models/parser.bin: sensible
 * heads on sentences written for the test, a valid tree for every input
 * (long garbage included, in bounded time), refusal of damaged models,
 * NULL and empty input.  Run from the repository root. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/parser.h"
#include "../src/ud.h"
#include "dyad.h"
#include "test.h"

#define MODEL_PATH "models/parser.bin"

static parser *P;

/* One root, every head in range, no cycle. */
static int is_tree(const int *heads, int n) {
    int roots = 0;
    for (int i = 0; i < n; i++) {
        if (heads[i] < 0 || heads[i] > n || heads[i] == i + 1) return 0;
        if (heads[i] == 0) roots++;
    }
    if (roots != 1) return 0;
    for (int i = 0; i < n; i++) {
        int h = heads[i], steps = 0;
        while (h != 0) {
            if (++steps > n) return 0;
            h = heads[h - 1];
        }
    }
    return 1;
}

typedef struct tw {
    const char *form, *upos, *xpos;
} tw;

/* Parse a hand-tagged sentence; heads/deps get the result. */
static int parse(const tw *w, int n, int *heads, uint8_t *deps) {
    const char *forms[64];
    size_t lens[64];
    uint8_t u[64], x[64];
    for (int i = 0; i < n; i++) {
        forms[i] = w[i].form;
        lens[i] = strlen(w[i].form);
        u[i] = (uint8_t)ud_upos_id(w[i].upos, strlen(w[i].upos));
        x[i] = (uint8_t)ud_xpos_id(w[i].xpos, strlen(w[i].xpos));
    }
    return parser_parse_words(P, forms, lens, u, x, n, heads, deps);
}

static void test_open(void) {
    char err[256] = "";
    int rc = parser_open_file(&P, MODEL_PATH, err, sizeof err);
    if (rc) fprintf(stderr, "  %s: %s\n", MODEL_PATH, err);
    CHECK_INT(rc, DYAD_OK);
}

static void test_simple(void) {
    if (!P) return;
    static const tw s[] = {{"The", "DET", "DT"},       {"minister", "NOUN", "NN"}, {"met", "VERB", "VBD"},
                           {"the", "DET", "DT"},       {"president", "NOUN", "NN"}, {".", "PUNCT", "."}};
    int h[6];
    uint8_t d[6];
    CHECK_INT(parse(s, 6, h, d), DYAD_OK);
    CHECK(is_tree(h, 6));
    CHECK_INT(h[2], 0);
    CHECK_INT(d[2], DEP_ROOT);
    CHECK_INT(h[1], 3);
    CHECK_INT(d[1], DEP_NSUBJ);
    CHECK_INT(h[4], 3);
    CHECK_INT(d[4], DEP_OBJ);
    CHECK_INT(h[0], 2);
    CHECK_INT(d[0], DEP_DET);
    CHECK_INT(h[5], 3);
    CHECK_INT(d[5], DEP_PUNCT);
}

static void test_passive(void) {
    if (!P) return;
    /* "The bill was passed by the senate on Tuesday ." */
    static const tw s[] = {{"The", "DET", "DT"},     {"bill", "NOUN", "NN"},     {"was", "AUX", "VBD"},
                           {"passed", "VERB", "VBN"}, {"by", "ADP", "IN"},       {"the", "DET", "DT"},
                           {"senate", "NOUN", "NN"},  {"on", "ADP", "IN"},       {"Tuesday", "PROPN", "NNP"},
                           {".", "PUNCT", "."}};
    int h[10];
    uint8_t d[10];
    CHECK_INT(parse(s, 10, h, d), DYAD_OK);
    CHECK(is_tree(h, 10));
    CHECK_INT(h[3], 0);
    CHECK_INT(h[1], 4);
    CHECK_INT(d[1], DEP_NSUBJ_PASS);
    CHECK_INT(h[2], 4);
    CHECK_INT(d[2], DEP_AUX_PASS);
    CHECK_INT(h[6], 4);
    CHECK_INT(d[6], DEP_OBL_AGENT);
    /* "on Tuesday" may attach to "senate" or "passed": not checked */
    CHECK_INT(h[7], 9);
    CHECK_INT(d[7], DEP_CASE);
}

static void test_relcl(void) {
    if (!P) return;
    /* "Rebels who attacked the town said they would leave ." */
    static const tw s[] = {{"Rebels", "NOUN", "NNS"}, {"who", "PRON", "WP"},   {"attacked", "VERB", "VBD"},
                           {"the", "DET", "DT"},      {"town", "NOUN", "NN"},  {"said", "VERB", "VBD"},
                           {"they", "PRON", "PRP"},   {"would", "AUX", "MD"},  {"leave", "VERB", "VB"},
                           {".", "PUNCT", "."}};
    int h[10];
    uint8_t d[10];
    CHECK_INT(parse(s, 10, h, d), DYAD_OK);
    CHECK(is_tree(h, 10));
    CHECK_INT(h[5], 0);
    CHECK_INT(h[0], 6);
    CHECK_INT(d[0], DEP_NSUBJ);
    CHECK_INT(h[2], 1);
    CHECK_INT(d[2], DEP_ACL_RELCL);
    CHECK_INT(h[8], 6);
    CHECK_INT(d[8], DEP_CCOMP);
    CHECK_INT(h[6], 9);
    CHECK_INT(d[6], DEP_NSUBJ);
}

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Random words and tags, including lengths past one parse chunk. */
static void test_garbage(void) {
    if (!P) return;
    static const char *junk[] = {"###", "the", "zq", "", "\xff\xfe", "1,000", "--", "of", "Obama", "said", "!!"};
    enum { N = 1300 };
    static const char *forms[N];
    static size_t lens[N];
    static uint8_t u[N], x[N], d[N];
    static int h[N];
    int sizes[] = {1, 2, 3, 300, PARSER_MAXW, PARSER_MAXW + 1, N};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        int n = sizes[k];
        for (int i = 0; i < n; i++) {
            forms[i] = junk[next() % (sizeof junk / sizeof *junk)];
            lens[i] = strlen(forms[i]);
            u[i] = (uint8_t)(next() % 256); /* out-of-range ids included */
            x[i] = (uint8_t)(next() % 256);
        }
        clock_t t0 = clock();
        CHECK_INT(parser_parse_words(P, forms, lens, u, x, n, h, d), DYAD_OK);
        double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        CHECK(secs < 0.5);
        CHECK(is_tree(h, n));
        for (int i = 0; i < n; i++) CHECK(d[i] < DEP_COUNT);
    }
    /* NULL forms inside the array and no lengths/tags. */
    const char *nf[3] = {"Hello", NULL, "world"};
    CHECK_INT(parser_parse_words(P, nf, NULL, NULL, NULL, 3, h, d), DYAD_OK);
    CHECK(is_tree(h, 3));
}

static void test_doc(void) {
    if (!P) return;
    dyad_doc *doc;
    CHECK_INT(dyad_doc_new(&doc), DYAD_OK);
    if (!doc) return;
    /* Not tagged: refused; no tokens: fine. */
    CHECK_INT(parser_run(P, doc), DYAD_OK);
    const char *text = "Police arrested two men. They were released.";
    CHECK_INT(dyad_doc_set_text(doc, text, strlen(text)), DYAD_OK);
    CHECK_INT(tok_run(doc), DYAD_OK);
    CHECK_INT(sent_run(doc), DYAD_OK);
    CHECK_INT(parser_run(P, doc), DYAD_EINVAL);
    CHECK_INT(doc->ntok, 9);
    CHECK_INT(doc->nsent, 2);
    if (doc->ntok != 9 || doc->nsent != 2) {
        dyad_doc_free(doc);
        return;
    }
    static const char *up[] = {"PROPN", "VERB", "NUM", "NOUN", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"};
    static const char *xp[] = {"NNP", "VBD", "CD", "NNS", ".", "PRP", "VBD", "VBN", "."};
    CHECK_INT(vec_reserve((void **)&doc->an, &doc->capan, doc->ntok, sizeof *doc->an), 0);
    memset(doc->an, 0, doc->ntok * sizeof *doc->an);
    for (size_t i = 0; i < doc->ntok; i++) {
        size_t k = i;
        doc->an[i].upos = (uint8_t)ud_upos_id(up[k], strlen(up[k]));
        doc->an[i].xpos = (uint8_t)ud_xpos_id(xp[k], strlen(xp[k]));
    }
    doc->tagged = 1;
    CHECK_INT(parser_run(P, doc), DYAD_OK);
    CHECK_INT(doc->parsed, 1);
    /* Heads are absolute token indices inside the sentence. */
    CHECK_INT(doc->an[1].head, -1);
    CHECK_INT(doc->an[0].head, 1);
    CHECK_INT(doc->an[0].deprel, DEP_NSUBJ);
    CHECK_INT(doc->an[3].head, 1);
    CHECK_INT(doc->an[3].deprel, DEP_OBJ);
    CHECK_INT(doc->an[7].head, -1);
    CHECK_INT(doc->an[5].head, 7);
    CHECK_INT(doc->an[5].deprel, DEP_NSUBJ_PASS);
    for (size_t i = 5; i < 9; i++) CHECK(doc->an[i].head == -1 || (doc->an[i].head >= 5 && doc->an[i].head < 9));
    dyad_doc_free(doc);
}

/* parser_run parses a document's sentences side by side: each must come
 * out exactly as parser_parse_words parses it alone, whatever the mix of
 * lengths (empty, one word, over PARSER_MAXW) and tokens outside every
 * sentence. */
static void test_doc_mix(void) {
    if (!P) return;
    static const char *words[] = {"The", "police", "said", "on", "Monday", "that", "3,000", "people", "had",
                                  "fled", ",", "and", "it", "was", "not", "clear", "why", "."};
    static const char *up[] = {"DET", "NOUN", "VERB", "ADP", "PROPN", "SCONJ", "NUM", "NOUN", "AUX",
                               "VERB", "PUNCT", "CCONJ", "PRON", "AUX", "PART", "ADJ", "ADV", "PUNCT"};
    static const char *xp[] = {"DT", "NN", "VBD", "IN", "NNP", "IN", "CD", "NNS", "VBD",
                               "VBN", ",", "CC", "PRP", "VBD", "RB", "JJ", "WRB", "."};
    enum { NW = sizeof words / sizeof *words };
    /* sentence lengths; -1: a token outside every sentence; 0: empty range */
    static const int lens[] = {5, 1, -1, 12, 0, 2, PARSER_MAXW + 40, 7, -1, -1, 18, 3, PARSER_MAXW, 9, 1, 30};
    enum { NS = sizeof lens / sizeof *lens };
    dyad_doc *doc;
    CHECK_INT(dyad_doc_new(&doc), DYAD_OK);
    if (!doc) return;
    size_t ntok = 0;
    for (int s = 0; s < NS; s++) ntok += (size_t)(lens[s] < 0 ? 1 : lens[s]);
    char *text = malloc(ntok * 8 + 1);
    const char **forms = malloc(ntok * sizeof *forms);
    size_t *flen = malloc(ntok * sizeof *flen);
    uint8_t *u = malloc(ntok), *x = malloc(ntok), *d = malloc(ntok);
    int *h = malloc(ntok * sizeof *h);
    CHECK(text && forms && flen && u && x && d && h);
    if (!text || !forms || !flen || !u || !x || !d || !h) goto out;
    size_t len = 0;
    for (size_t i = 0; i < ntok; i++) {
        int w = (int)(next() % NW);
        forms[i] = words[w];
        flen[i] = strlen(words[w]);
        u[i] = (uint8_t)ud_upos_id(up[w], strlen(up[w]));
        x[i] = (uint8_t)ud_xpos_id(xp[w], strlen(xp[w]));
        len += (size_t)snprintf(text + len, 9, "%s ", words[w]);
    }
    CHECK_INT(dyad_doc_set_text(doc, text, len), DYAD_OK);
    len = 0;
    for (size_t i = 0; i < ntok; i++) {
        tok t = {(uint32_t)len, (uint32_t)(len + flen[i]), 0, 0, 0};
        CHECK_INT(doc_push_tok(doc, &t), 0);
        len += flen[i] + 1;
    }
    uint32_t at = 0;
    for (int s = 0; s < NS; s++) {
        if (lens[s] < 0) {
            at++;
            continue;
        }
        CHECK_INT(doc_push_sent(doc, at, at + (uint32_t)lens[s]), 0);
        at += (uint32_t)lens[s];
    }
    CHECK_INT(vec_reserve((void **)&doc->an, &doc->capan, doc->ntok, sizeof *doc->an), 0);
    memset(doc->an, 0, doc->ntok * sizeof *doc->an);
    for (size_t i = 0; i < ntok; i++) {
        doc->an[i].upos = u[i];
        doc->an[i].xpos = x[i];
    }
    doc->tagged = 1;
    CHECK_INT(parser_run(P, doc), DYAD_OK);
    at = 0;
    for (int s = 0; s < NS; s++) {
        if (lens[s] <= 0) {
            if (lens[s] < 0) {
                CHECK_INT(doc->an[at].head, -1);
                CHECK_INT(doc->an[at].deprel, DEP_DEP);
                at++;
            }
            continue;
        }
        int n = lens[s];
        CHECK_INT(parser_parse_words(P, forms + at, flen + at, u + at, x + at, n, h, d), DYAD_OK);
        int same = 1;
        for (int i = 0; i < n; i++) {
            int want = h[i] == 0 ? -1 : (int)at + h[i] - 1;
            if (doc->an[at + (uint32_t)i].head != want || doc->an[at + (uint32_t)i].deprel != d[i]) same = 0;
        }
        CHECK(same);
        at += (uint32_t)n;
    }
out:
    free(text);
    free(forms);
    free(flen);
    free(u);
    free(x);
    free(d);
    free(h);
    dyad_doc_free(doc);
}

/* A document of n words with hand-made tags and trees (heads are word
 * indexes, -1 for a root), its sentences ending at the words of ends[]
 * (nends of them): what parser_refine gets after a tagger or parser
 * error.  NULL on failure (counted by the checks). */
static dyad_doc *hand_parsed(const char *const *w, const char *const *up, const char *const *xp, const int *head,
                             const char *const *rel, int n, const int *ends, int nends) {
    dyad_doc *doc;
    CHECK_INT(dyad_doc_new(&doc), DYAD_OK);
    if (!doc) return NULL;
    char text[512];
    size_t len = 0;
    for (int i = 0; i < n && len < sizeof text; i++) len += (size_t)snprintf(text + len, sizeof text - len, "%s ", w[i]);
    CHECK_INT(dyad_doc_set_text(doc, text, len), DYAD_OK);
    len = 0;
    for (int i = 0; i < n; i++) {
        tok t = {(uint32_t)len, (uint32_t)(len + strlen(w[i])), 0, 0, 0};
        CHECK_INT(doc_push_tok(doc, &t), 0);
        len += strlen(w[i]) + 1;
    }
    for (int k = 0, a = 0; k < nends; a = ends[k++]) CHECK_INT(doc_push_sent(doc, (size_t)a, (size_t)ends[k]), 0);
    CHECK_INT(vec_reserve((void **)&doc->an, &doc->capan, doc->ntok, sizeof *doc->an), 0);
    memset(doc->an, 0, doc->ntok * sizeof *doc->an);
    for (int i = 0; i < n; i++) {
        doc->an[i].upos = (uint8_t)ud_upos_id(up[i], strlen(up[i]));
        doc->an[i].xpos = (uint8_t)ud_xpos_id(xp[i], strlen(xp[i]));
        doc->an[i].head = head[i];
        doc->an[i].deprel = (uint8_t)ud_dep_id(rel[i], strlen(rel[i]));
    }
    doc->tagged = doc->parsed = 1;
    return doc;
}

/* A tagged document not yet parsed (every head -1), for parser_run: the
 * words, tags and lemmas (lem may be NULL) of n words in nends sentences. */
static dyad_doc *tagged_doc(const char *const *w, const char *const *up, const char *const *xp,
                            const char *const *lem, int n, const int *ends, int nends) {
    int head[64];
    const char *rel[64];
    if (n > 64) return NULL;
    for (int i = 0; i < n; i++) head[i] = -1, rel[i] = "dep";
    dyad_doc *doc = hand_parsed(w, up, xp, head, rel, n, ends, nends);
    for (int i = 0; doc && lem && i < n; i++) doc->an[i].lemma = lem[i];
    return doc;
}

/* parser_refine: "soldiers arrested Palestinians" tagged with a
 * participle that has its own subject and no auxiliary becomes a finite
 * past; "were arrested" (an auxiliary) and "soldiers arrested yesterday"
 * as a noun modifier stay participles. */
static void test_refine(void) {
    static const char *const w[] = {"soldiers", "arrested", "Palestinians", ".", "They", "were", "arrested", "."};
    static const char *const up[] = {"NOUN", "VERB", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"};
    static const char *const xp[] = {"NNS", "VBN", "NNPS", ".", "PRP", "VBD", "VBN", "."};
    /* hand-made parses: the first as the tagger's error leaves it */
    static const int head[] = {1, -1, 1, 1, 6, 6, -1, 6};
    static const char *const rel[] = {"nsubj", "root", "obl", "punct", "nsubj:pass", "aux:pass", "root", "punct"};
    static const int ends[] = {4, 8};
    dyad_doc *doc = hand_parsed(w, up, xp, head, rel, 8, ends, 2);
    if (!doc) return;
    CHECK_INT(parser_refine(P, doc), DYAD_OK);
    CHECK_INT(doc->an[1].xpos, XPOS_VBD);
    CHECK(!(doc->an[1].feats & FEAT_VOICE_PASS));
    CHECK_INT(doc->an[6].xpos, XPOS_VBN); /* "were arrested" keeps its participle */
    CHECK_INT(doc->an[6].head, -1);       /* and its sentence is not parsed again */
    /* the refined sentence is a parse again: one root, every head inside */
    int roots = 0;
    for (int i = 0; i < 4; i++) {
        roots += doc->an[i].head == -1;
        CHECK(doc->an[i].head >= -1 && doc->an[i].head < 4);
    }
    CHECK_INT(roots, 1);
    CHECK_INT(parser_refine(P, NULL), DYAD_EINVAL);
    dyad_doc_free(doc);
}

/* parser_refine: a sentence without a finite verb whose participle takes
 * an object ("Yeltsin on Saturday hosted Hashimoto" read as a noun phrase)
 * gets a finite past; a headline's reduced passive ("Man arrested after
 * chase") and an imperative's participle ("See attached file") do not. */
static void test_refine_verbless(void) {
    static const char *const w[] = {"Yeltsin", "on", "Saturday", "hosted", "Hashimoto", ".",
                                    "Man", "arrested", "after", "chase", ".",
                                    "See", "attached", "file", "."};
    static const char *const up[] = {"PROPN", "ADP", "PROPN", "VERB", "PROPN", "PUNCT",
                                     "NOUN", "VERB", "ADP", "NOUN", "PUNCT",
                                     "VERB", "VERB", "NOUN", "PUNCT"};
    static const char *const xp[] = {"NNP", "IN", "NNP", "VBN", "NNP", ".", "NN", "VBN", "IN", "NN", ".",
                                     "VB", "VBN", "NN", "."};
    static const int head[] = {-1, 2, 0, 0, 3, 0, -1, 6, 9, 7, 6, -1, 13, 11, 11};
    static const char *const rel[] = {"root", "case", "nmod", "acl", "obj", "punct", "root", "acl", "case", "obl",
                                      "punct", "root", "amod", "obj", "punct"};
    enum { N = 15 };
    static const int ends[] = {6, 11, 15};
    dyad_doc *doc = hand_parsed(w, up, xp, head, rel, N, ends, 3);
    if (!doc) return;
    CHECK_INT(parser_refine(P, doc), DYAD_OK);
    CHECK_INT(doc->an[3].xpos, XPOS_VBD);
    CHECK_INT(doc->an[3].head, -1); /* parsed again: "hosted" is the root */
    CHECK_INT(doc->an[7].xpos, XPOS_VBN);
    CHECK_INT(doc->an[12].xpos, XPOS_VBN);
    dyad_doc_free(doc);
}

/* parser_refine: "Guerrillas wounded two soldiers" with "wounded" read as
 * an adjective gets a past tense; "Soldiers wounded two days ago rested"
 * (a time after the numeral) keeps its adjective. */
static void test_refine_adjective_past(void) {
    static const char *const w[] = {"Guerrillas", "wounded", "two", "soldiers", ".",
                                    "Soldiers", "wounded", "two", "days", "ago", "rested", "."};
    static const char *const up[] = {"NOUN", "ADJ", "NUM", "NOUN", "PUNCT", "NOUN", "ADJ", "NUM", "NOUN", "ADV", "VERB", "PUNCT"};
    static const char *const xp[] = {"NNS", "JJ", "CD", "NNS", ".", "NNS", "JJ", "CD", "NNS", "RB", "VBD", "."};
    static const int head[] = {3, 3, 3, -1, 3, 10, 5, 8, 9, 6, -1, 10};
    static const char *const rel[] = {"compound", "amod", "nummod", "root", "punct", "nsubj", "amod", "nummod", "obl:npmod",
                                      "advmod", "root", "punct"};
    enum { N = 12 };
    static const int ends[] = {5, 12};
    dyad_doc *doc = hand_parsed(w, up, xp, head, rel, N, ends, 2);
    if (!doc) return;
    CHECK_INT(parser_refine(P, doc), DYAD_OK);
    CHECK_INT(doc->an[1].xpos, XPOS_VBD);
    CHECK_INT(doc->an[1].upos, UPOS_VERB);
    CHECK_INT(doc->an[6].xpos, XPOS_JJ);
    dyad_doc_free(doc);
}

/* parser_refine: "Sources close to the campaign say" with "close" taken
 * for the main verb becomes sources -nsubj-> say, close -amod-> sources,
 * campaign -obl-> close. */
static void test_refine_postnominal(void) {
    static const char *const w[] = {"Sources", "close", "to", "the", "campaign", "say", "she", "won", "."};
    static const char *const up[] = {"NOUN", "VERB", "ADP", "DET", "NOUN", "VERB", "PRON", "VERB", "PUNCT"};
    static const char *const xp[] = {"NNS", "VBP", "IN", "DT", "NN", "VBP", "PRP", "VBD", "."};
    static const int head[] = {1, -1, 4, 4, 1, 1, 7, 5, 1};
    static const char *const rel[] = {"nsubj", "root", "case", "det", "obl", "ccomp", "nsubj", "ccomp", "punct"};
    enum { N = 9 };
    static const int ends[] = {N};
    dyad_doc *doc = hand_parsed(w, up, xp, head, rel, N, ends, 1);
    if (!doc) return;
    CHECK_INT(parser_refine(P, doc), DYAD_OK);
    CHECK_INT(doc->an[5].head, -1);
    CHECK_INT(doc->an[0].head, 5);
    CHECK_INT(doc->an[0].deprel, DEP_NSUBJ);
    CHECK_INT(doc->an[1].head, 0);
    CHECK_INT(doc->an[1].upos, UPOS_ADJ);
    CHECK_INT(doc->an[4].head, 1);
    CHECK_INT(doc->an[8].head, 5); /* the adjective's punctuation went to the verb */
    dyad_doc_free(doc);
}

/* parser_run: a title and a person's name are parsed as UD analyses them
 * ("Japanese" had been read as a predicate of "hosted", "Russian" as a
 * clause of it): modifiers on the title, the title (nmod:desc) and the
 * other names (flat) on the first name, which the parser attaches; a date
 * after the name ("President Bush Monday") is not part of it. */
static void test_titled_names(void) {
    static const char *const w[] = {"Russian", "President", "Boris", "Yeltsin", "hosted", "Japanese", "Prime",
                                    "Minister", "Ryutaro", "Hashimoto", ".",
                                    "Aides", "told", "President", "Bush", "Monday", "."};
    static const char *const up[] = {"ADJ", "PROPN", "PROPN", "PROPN", "VERB", "ADJ", "ADJ", "PROPN", "PROPN", "PROPN",
                                     "PUNCT", "NOUN", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT"};
    static const char *const xp[] = {"JJ", "NNP", "NNP", "NNP", "VBD", "JJ", "JJ", "NNP", "NNP", "NNP", ".",
                                     "NNS", "VBD", "NNP", "NNP", "NNP", "."};
    enum { N = 17 };
    static const int ends[] = {11, N};
    dyad_doc *doc = tagged_doc(w, up, xp, NULL, N, ends, 2);
    if (!doc) return;
    CHECK_INT(parser_run(P, doc), DYAD_OK);
    static const int want_head[] = {1, 2, -2, 2, -2, 7, 7, 8, -2, 8};
    static const int want_rel[] = {DEP_AMOD, DEP_NMOD_DESC, -1, DEP_FLAT, -1, DEP_AMOD, DEP_AMOD, DEP_NMOD_DESC, -1, DEP_FLAT};
    for (int i = 0; i < 10; i++) {
        if (want_head[i] == -2) continue;
        CHECK_INT(doc->an[i].head, want_head[i]);
        CHECK_INT(doc->an[i].deprel, want_rel[i]);
    }
    CHECK_INT(doc->an[2].head, 4); /* the names hang from the verb */
    CHECK_INT(doc->an[8].head, 4);
    CHECK_INT(doc->an[13].head, 14);
    CHECK_INT(doc->an[13].deprel, DEP_NMOD_DESC);
    CHECK(doc->an[15].head != 14 || doc->an[15].deprel != DEP_FLAT);
    dyad_doc_free(doc);
}

/* parser_run: titles with an "of" phrase ("Former Secretary of State
 * Hillary Clinton"); "as well as" before a titled name stays a
 * conjunction, not the name's case marker. */
static void test_titled_names_of(void) {
    static const char *const w[] = {"Former", "Secretary", "of", "State", "Hillary", "Clinton", "met", "Putin", ".",
                                    "Aides", "as", "well", "as", "Gov.", "Howard", "Dean", "left", "."};
    static const char *const up[] = {"ADJ", "PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT",
                                     "NOUN", "ADV", "ADV", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"};
    static const char *const xp[] = {"JJ", "NNP", "IN", "NNP", "NNP", "NNP", "VBD", "NNP", ".",
                                     "NNS", "RB", "RB", "IN", "NNP", "NNP", "NNP", "VBD", "."};
    enum { N = 18 };
    static const int ends[] = {9, N};
    dyad_doc *doc = tagged_doc(w, up, xp, NULL, N, ends, 2);
    if (!doc) return;
    CHECK_INT(parser_run(P, doc), DYAD_OK);
    CHECK_INT(doc->an[0].head, 1);
    CHECK_INT(doc->an[1].head, 4);
    CHECK_INT(doc->an[1].deprel, DEP_NMOD_DESC);
    CHECK_INT(doc->an[2].head, 3);
    CHECK_INT(doc->an[3].head, 1);
    CHECK_INT(doc->an[5].head, 4);
    CHECK_INT(doc->an[4].head, 6); /* the name is the subject */
    CHECK_INT(doc->an[13].head, 14);
    CHECK(doc->an[12].head != 14 || doc->an[12].deprel != DEP_CASE);
    dyad_doc_free(doc);
}

/* parser_run: wire copy's closing attribution ", the Washington Post said
 * Wednesday." -- "Post" is the subject of "said" and "Wednesday" hangs from
 * it (the parser had made the day the subject); "the news agency Ceteka
 * said" has the noun as subject and the name beside it. */
static void test_wire_arcs(void) {
    static const char *const w[] = {"Rebels", "shelled", "Kabul", ",", "the", "Washington", "Post", "said", "Wednesday", ".",
                                    "Talks", "ended", ",", "the", "news", "agency", "Ceteka", "said", "."};
    static const char *const up[] = {"NOUN", "VERB", "PROPN", "PUNCT", "DET", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT",
                                     "NOUN", "VERB", "PUNCT", "DET", "NOUN", "NOUN", "PROPN", "VERB", "PUNCT"};
    static const char *const xp[] = {"NNS", "VBD", "NNP", ",", "DT", "NNP", "NNP", "VBD", "NNP", ".",
                                     "NNS", "VBD", ",", "DT", "NN", "NN", "NNP", "VBD", "."};
    static const char *const lem[] = {"rebel", "shell", "Kabul", ",", "the", "Washington", "Post", "say", "Wednesday", ".",
                                      "talk", "end", ",", "the", "news", "agency", "Ceteka", "say", "."};
    enum { N = 19 };
    static const int ends[] = {10, N};
    dyad_doc *doc = tagged_doc(w, up, xp, lem, N, ends, 2);
    if (!doc) return;
    CHECK_INT(parser_run(P, doc), DYAD_OK);
    CHECK_INT(doc->an[6].head, 7);
    CHECK_INT(doc->an[6].deprel, DEP_NSUBJ);
    CHECK_INT(doc->an[8].head, 7);
    CHECK_INT(doc->an[15].head, 17);
    CHECK_INT(doc->an[15].deprel, DEP_NSUBJ);
    CHECK_INT(doc->an[16].head, 15);
    CHECK_INT(doc->an[16].deprel, DEP_FLAT);
    dyad_doc_free(doc);
}

/* parser_run: closing attributions with a prepositional phrase in the
 * subject and an adjunct after the verb (", a spokeswoman for Local 222
 * said by phone": "said" before "by" arrives tagged a participle), with a
 * role before a person's name (", spokesman Bob Foulkes said" -- the name
 * is headed by its first word) or before a firm's (", lead manager Swiss
 * Bank Corp said" -- by its last). */
static void test_wire_phrases(void) {
    static const char *const w[] = {"Talks", "ended", ",", "a", "spokeswoman", "for", "Local", "222", "said", "by",
                                    "phone", ".", "Talks", "ended", ",", "spokesman", "Bob", "Foulkes", "said", ".",
                                    "Bonds", "rose", ",", "lead", "manager", "Swiss", "Bank", "Corp", "said", "."};
    static const char *const up[] = {"NOUN", "VERB", "PUNCT", "DET", "NOUN", "ADP", "ADJ", "NUM", "VERB", "ADP",
                                     "NOUN", "PUNCT", "NOUN", "VERB", "PUNCT", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT",
                                     "NOUN", "VERB", "PUNCT", "ADJ", "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"};
    static const char *const xp[] = {"NNS", "VBD", ",", "DT", "NN", "IN", "JJ", "CD", "VBN", "IN", "NN", ".",
                                     "NNS", "VBD", ",", "NN", "NNP", "NNP", "VBD", ".",
                                     "NNS", "VBD", ",", "JJ", "NN", "NNP", "NNP", "NNP", "VBD", "."};
    static const char *const lem[] = {"talk", "end", ",", "a", "spokeswoman", "for", "local", "222", "say", "by",
                                      "phone", ".", "talk", "end", ",", "spokesman", "Bob", "Foulkes", "say", ".",
                                      "bond", "rise", ",", "lead", "manager", "Swiss", "Bank", "Corp", "say", "."};
    enum { N = 30 };
    static const int ends[] = {12, 20, N};
    dyad_doc *doc = tagged_doc(w, up, xp, lem, N, ends, 3);
    if (!doc) return;
    CHECK_INT(parser_run(P, doc), DYAD_OK);
    CHECK_INT(doc->an[4].head, 8);
    CHECK_INT(doc->an[4].deprel, DEP_NSUBJ);
    CHECK_INT(doc->an[7].head, 4);
    CHECK_INT(doc->an[7].deprel, DEP_NMOD);
    CHECK_INT(doc->an[5].head, 7);
    CHECK_INT(doc->an[8].xpos, XPOS_VBD);
    CHECK_INT(doc->an[16].head, 18);
    CHECK_INT(doc->an[16].deprel, DEP_NSUBJ);
    CHECK_INT(doc->an[17].head, 16);
    CHECK_INT(doc->an[17].deprel, DEP_FLAT);
    CHECK_INT(doc->an[15].head, 16);
    CHECK_INT(doc->an[27].head, 28);
    CHECK_INT(doc->an[27].deprel, DEP_NSUBJ);
    dyad_doc_free(doc);
}

/* parser_run: a closing attribution by a titled name keeps the title's
 * analysis (the first name is the subject, no cycle with the title). */
static void test_wire_titled(void) {
    static const char *const w[] = {"Talks", "failed", ",", "President", "George", "Bush", "said", "."};
    static const char *const up[] = {"NOUN", "VERB", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"};
    static const char *const xp[] = {"NNS", "VBD", ",", "NNP", "NNP", "NNP", "VBD", "."};
    static const char *const lem[] = {"talk", "fail", ",", "President", "George", "Bush", "say", "."};
    enum { N = 8 };
    static const int ends[] = {N};
    dyad_doc *doc = tagged_doc(w, up, xp, lem, N, ends, 1);
    if (!doc) return;
    CHECK_INT(parser_run(P, doc), DYAD_OK);
    CHECK_INT(doc->an[3].head, 4);
    CHECK_INT(doc->an[5].head, 4);
    CHECK_INT(doc->an[4].head, 6);
    CHECK_INT(doc->an[4].deprel, DEP_NSUBJ);
    dyad_doc_free(doc);
}

/* parser_run: "on" and a day right after a verb or its particle are the
 * verb's, and the day takes no dependent of its own, so the noun after it
 * is free for the verb ("forced out on Wednesday 1,000 refugees"). */
static void test_wire_day_object(void) {
    static const char *const w[] = {"Troops", "forced", "out", "on", "Wednesday", "1,000", "refugees", "."};
    static const char *const up[] = {"NOUN", "VERB", "ADP", "ADP", "PROPN", "NUM", "NOUN", "PUNCT"};
    static const char *const xp[] = {"NNS", "VBD", "RP", "IN", "NNP", "CD", "NNS", "."};
    enum { N = 8 };
    static const int ends[] = {N};
    dyad_doc *doc = tagged_doc(w, up, xp, NULL, N, ends, 1);
    if (!doc) return;
    CHECK_INT(parser_run(P, doc), DYAD_OK);
    CHECK_INT(doc->an[3].head, 4);
    CHECK_INT(doc->an[4].head, 1);
    CHECK(doc->an[6].head != 4); /* not the day's */
    dyad_doc_free(doc);
}

/* parser_refine: "backed the call to ban refugees" with "ban" hung from
 * "backed" gets it under "call" (acl); "asked Ortiz to leave" (no such
 * noun) keeps its clause on the verb. */
static void test_refine_noun_infinitive(void) {
    static const char *const w[] = {"Aides", "backed", "the", "call", "to", "ban", "refugees", ".",
                                    "Aides", "asked", "Ortiz", "to", "leave", "."};
    static const char *const up[] = {"NOUN", "VERB", "DET", "NOUN", "PART", "VERB", "NOUN", "PUNCT",
                                     "NOUN", "VERB", "PROPN", "PART", "VERB", "PUNCT"};
    static const char *const xp[] = {"NNS", "VBD", "DT", "NN", "TO", "VB", "NNS", ".", "NNS", "VBD", "NNP", "TO", "VB", "."};
    static const int head[] = {1, -1, 3, 1, 5, 1, 5, 1, 9, -1, 9, 12, 9, 9};
    static const char *const rel[] = {"nsubj", "root", "det", "obj", "mark", "advcl", "obj", "punct",
                                      "nsubj", "root", "obj", "mark", "xcomp", "punct"};
    enum { N = 14 };
    static const int ends[] = {8, N};
    dyad_doc *doc = hand_parsed(w, up, xp, head, rel, N, ends, 2);
    if (!doc) return;
    CHECK_INT(parser_refine(P, doc), DYAD_OK);
    CHECK_INT(doc->an[5].head, 3);
    CHECK_INT(doc->an[5].deprel, DEP_ACL);
    CHECK_INT(doc->an[12].head, 9);
    CHECK_INT(doc->an[12].deprel, DEP_XCOMP);
    dyad_doc_free(doc);
}

static void test_null(void) {
    int h[1];
    uint8_t d[1];
    const char *f[1] = {"x"};
    CHECK_INT(parser_parse_words(P, f, NULL, NULL, NULL, 0, h, d), DYAD_OK);
    CHECK_INT(parser_parse_words(P, NULL, NULL, NULL, NULL, 0, NULL, NULL), DYAD_OK);
    CHECK_INT(parser_parse_words(NULL, f, NULL, NULL, NULL, 1, h, d), DYAD_EINVAL);
    CHECK_INT(parser_parse_words(P, NULL, NULL, NULL, NULL, 1, h, d), DYAD_EINVAL);
    CHECK_INT(parser_parse_words(P, f, NULL, NULL, NULL, -1, h, d), DYAD_EINVAL);
    CHECK_INT(parser_run(NULL, NULL), DYAD_EINVAL);
    parser *q = NULL;
    char err[128];
    CHECK_INT(parser_open(&q, NULL, 0, err, sizeof err), DYAD_EFORMAT);
    CHECK(q == NULL);
    CHECK_INT(parser_open_file(&q, "/nonexistent/parser.bin", err, sizeof err), DYAD_EIO);
    CHECK_INT(parser_open(NULL, "x", 1, err, sizeof err), DYAD_EINVAL);
    parser_close(NULL);
}

static void test_corrupt(void) {
    FILE *fp = fopen(MODEL_PATH, "rb");
    if (!fp) return;
    fseek(fp, 0, SEEK_END);
    long len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)len);
    CHECK(buf && fread(buf, 1, (size_t)len, fp) == (size_t)len);
    fclose(fp);
    if (!buf) return;
    parser *q = NULL;
    char err[256];
    CHECK_INT(parser_open(&q, buf, (size_t)len, err, sizeof err), DYAD_OK);
    parser_close(q);
    /* Truncated at a few lengths, header and payload bytes flipped. */
    size_t cuts[] = {0, 7, 64, 100, (size_t)len / 2, (size_t)len - 64, (size_t)len - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        q = NULL;
        CHECK_INT(parser_open(&q, buf, cuts[i], err, sizeof err), DYAD_EFORMAT);
        CHECK(q == NULL);
    }
    size_t flips[] = {0, 9, 13, 30, 70, 200, (size_t)len / 3, (size_t)len - 3};
    for (size_t i = 0; i < sizeof flips / sizeof *flips; i++) {
        buf[flips[i]] ^= 0x41;
        q = NULL;
        CHECK_INT(parser_open(&q, buf, (size_t)len, err, sizeof err), DYAD_EFORMAT);
        buf[flips[i]] ^= 0x41;
    }
    free(buf);
}

int main(void) {
    RUN(test_open);
    RUN(test_simple);
    RUN(test_passive);
    RUN(test_relcl);
    RUN(test_garbage);
    RUN(test_doc);
    RUN(test_doc_mix);
    RUN(test_refine_verbless);
    RUN(test_refine_postnominal);
    RUN(test_refine_adjective_past);
    RUN(test_refine);
    RUN(test_titled_names);
    RUN(test_titled_names_of);
    RUN(test_wire_arcs);
    RUN(test_wire_phrases);
    RUN(test_wire_titled);
    RUN(test_wire_day_object);
    RUN(test_refine_noun_infinitive);
    RUN(test_null);
    RUN(test_corrupt);
    parser_close(P);
    TEST_END();
}
