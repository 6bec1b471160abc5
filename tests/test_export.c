/* test_export.c -- event tables (TSV, PETRARCH) and the PLOVER JSON mode.
 *
 * The documents are built by hand (actors, events, dates and places pushed
 * straight into the model) so every column can be checked exactly:
 * sanitized names, empty slots, the date rule, PETRARCH's one-a-story
 * grouping, negated and unmapped events, error and empty documents. */
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/arena.h"
#include "../src/doc.h"
#include "test.h"

static void actor(dyad_doc *d, const char *name, const char *code, const char *country) {
    dactor a;
    memset(&a, 0, sizeof a);
    a.name = name;
    snprintf(a.code, sizeof a.code, "%s", code);
    snprintf(a.country, sizeof a.country, "%s", country);
    doc_push_actor(d, &a);
}

static devent ev(uint32_t sentence, const char *code, int32_t src, int32_t tgt, int quad, float g) {
    devent e;
    memset(&e, 0, sizeof e);
    e.sentence = sentence;
    snprintf(e.code, sizeof e.code, "%s", code);
    e.source = src;
    e.target = tgt;
    e.attributed_to = e.place = e.date = -1;
    e.quad = (uint8_t)quad;
    e.goldstein = g;
    return e;
}

static void add_date(dyad_doc *d, const char *value) {
    if (vec_reserve((void **)&d->dates, &d->capdate, d->ndate + 1, sizeof *d->dates)) return;
    ddate *t = &d->dates[d->ndate++];
    memset(t, 0, sizeof *t);
    snprintf(t->value, sizeof t->value, "%s", value);
}

/* The sample document: six events over four sentences. */
static dyad_doc *sample(void) {
    dyad_doc *d;
    if (dyad_doc_new(&d)) return NULL;
    const char *text = "One. Two. Three. Four.";
    dyad_doc_set_text(d, text, strlen(text));
    dyad_doc_set_field(d, DYAD_FIELD_ID, "d1", 2);
    dyad_doc_set_field(d, DYAD_FIELD_DATE, "2023-03-01", 10);
    dyad_doc_set_field(d, DYAD_FIELD_URL, "http://x/y", 10);
    actor(d, "Gondor\tNews\nAgency", "GON", "GON");
    actor(d, "Mordor", "MOR", "");
    actor(d, "Saruman", "", "");
    add_date(d, "2023-03-05");
    add_date(d, "2023-03");
    if (!vec_reserve((void **)&d->places, &d->capplace, 1, sizeof *d->places)) {
        dplace *p = &d->places[d->nplace++];
        memset(p, 0, sizeof *p);
        p->name = "Minas Tirith";
        memcpy(p->country, "GON", 4);
        p->lat = 10.5;
        p->lon = -20.25;
    }
    devent e = ev(0, "111", 0, 1, 3, -2.0f);
    e.plover = "ACCUSE", e.plover_mode = "disapprove", e.plover_context = "";
    doc_push_event(d, &e);
    e.sentence = 1; /* the same key again: grouped by PETRARCH */
    doc_push_event(d, &e);
    e = ev(1, "010", 1, 0, 1, 0.0f); /* a statement: no PLOVER category */
    doc_push_event(d, &e);
    e = ev(2, "190", 1, -1, 4, -10.0f);
    e.mode = MODE_NEGATED;
    e.plover = "ASSAULT", e.plover_mode = "", e.plover_context = "";
    doc_push_event(d, &e);
    e = ev(2, "091", 2, 0, 1, -2.0f);
    e.mode = MODE_HYPOTHETICAL;
    e.date = 0, e.place = 0, e.attributed_to = 1;
    e.plover = "ACCUSE", e.plover_mode = "investigate", e.plover_context = "crime;corruption";
    doc_push_event(d, &e);
    e = ev(3, "111", 0, 1, 3, -2.0f); /* a month: the document's date, same key as the first */
    e.date = 1;
    e.plover = "ACCUSE", e.plover_mode = "disapprove", e.plover_context = "";
    doc_push_event(d, &e);
    return d;
}

static const char *rows(dyad_doc *d, int format, unsigned flags) {
    const char *out = NULL;
    size_t len = 99;
    if (dyad_doc_event_rows(d, format, flags, &out, &len) != DYAD_OK) return NULL;
    if (out && strlen(out) != len) return NULL;
    return out;
}

static void test_tsv(void) {
    dyad_doc *d = sample();
    CHECK_STR(rows(d, DYAD_ROWS_TSV, 0),
              "d1-0\t20230301\tGON\tGondor News Agency\tGON\tMOR\tMordor\t\t111\t111\t11\t3\t-2.0\tasserted\t\t\t\t\t\td1\thttp://x/y\t\t0\n"
              "d1-1\t20230301\tGON\tGondor News Agency\tGON\tMOR\tMordor\t\t111\t111\t11\t3\t-2.0\tasserted\t\t\t\t\t\td1\thttp://x/y\t\t1\n"
              "d1-2\t20230301\tMOR\tMordor\t\tGON\tGondor News Agency\tGON\t010\t010\t01\t1\t0.0\tasserted\t\t\t\t\t\td1\thttp://x/y\t\t1\n"
              "d1-3\t20230301\tMOR\tMordor\t\t\t\t\t190\t190\t19\t4\t-10.0\tnegated\t\t\t\t\t\td1\thttp://x/y\t\t2\n"
              "d1-4\t20230305\t\tSaruman\t\tGON\tGondor News Agency\tGON\t091\t091\t09\t1\t-2.0\thypothetical\tMordor"
              "\tMinas Tirith\tGON\t10.5000\t-20.2500\td1\thttp://x/y\t\t2\n"
              "d1-5\t20230301\tGON\tGondor News Agency\tGON\tMOR\tMordor\t\t111\t111\t11\t3\t-2.0\tasserted\t\t\t\t\t\td1\thttp://x/y\t\t3\n");
    /* PLOVER: the statement is left out, the ids keep their numbers */
    CHECK_STR(rows(d, DYAD_ROWS_TSV, DYAD_ROWS_PLOVER),
              "d1-0\t20230301\tGON\tGondor News Agency\tGON\tMOR\tMordor\t\tACCUSE\tdisapprove\t\t3\t-2.0\tasserted\t\t\t\t\t\td1\thttp://x/y\t\t0\n"
              "d1-1\t20230301\tGON\tGondor News Agency\tGON\tMOR\tMordor\t\tACCUSE\tdisapprove\t\t3\t-2.0\tasserted\t\t\t\t\t\td1\thttp://x/y\t\t1\n"
              "d1-3\t20230301\tMOR\tMordor\t\t\t\t\tASSAULT\t\t\t4\t-10.0\tnegated\t\t\t\t\t\td1\thttp://x/y\t\t2\n"
              "d1-4\t20230305\t\tSaruman\t\tGON\tGondor News Agency\tGON\tACCUSE\tinvestigate\tcrime;corruption\t1\t-2.0\thypothetical\tMordor"
              "\tMinas Tirith\tGON\t10.5000\t-20.2500\td1\thttp://x/y\t\t2\n"
              "d1-5\t20230301\tGON\tGondor News Agency\tGON\tMOR\tMordor\t\tACCUSE\tdisapprove\t\t3\t-2.0\tasserted\t\t\t\t\t\td1\thttp://x/y\t\t3\n");
    dyad_doc_free(d);
}

static void test_petrarch(void) {
    dyad_doc *d = sample();
    CHECK_STR(rows(d, DYAD_ROWS_PETRARCH, 0),
              "20230301\tGON\tMOR\t111\t\td1_0;d1_1;d1_3\thttp://x/y\tNULL\n"
              "20230301\tMOR\tGON\t010\t\td1_1\thttp://x/y\tNULL\n"
              "20230305\t---\tGON\t091\t\td1_2\thttp://x/y\tNULL\n");
    CHECK_STR(rows(d, DYAD_ROWS_PETRARCH, DYAD_ROWS_PLOVER),
              "20230301\tGON\tMOR\tACCUSE\t\td1_0;d1_1;d1_3\thttp://x/y\tNULL\n"
              "20230305\t---\tGON\tACCUSE\t\td1_2\thttp://x/y\tNULL\n");
    /* the source column, and no date at all */
    dyad_doc_set_field(d, DYAD_FIELD_SOURCE, "AFP", 3);
    d->field[DYAD_FIELD_DATE] = NULL;
    d->field[DYAD_FIELD_URL] = NULL;
    CHECK_STR(rows(d, DYAD_ROWS_PETRARCH, DYAD_ROWS_PLOVER),
              "\tGON\tMOR\tACCUSE\t\td1_0;d1_1;d1_3\t\tAFP\n"
              "20230305\t---\tGON\tACCUSE\t\td1_2\t\tAFP\n");
    dyad_doc_free(d);
}

static void test_plover_json(void) {
    dyad_doc *d = sample();
    const char *json = NULL;
    CHECK_INT(dyad_doc_json(d, DYAD_JSON_PLOVER, &json, NULL), DYAD_OK);
    CHECK(json && strstr(json, "\"events\":[{\"sentence\":0,\"start\":0,\"end\":0,\"event\":\"ACCUSE\","
                               "\"event_mode\":\"disapprove\",\"context\":[],\"code\":\"111\",\"root\":\"11\""));
    CHECK(json && strstr(json, "\"event\":\"ACCUSE\",\"event_mode\":\"investigate\",\"context\":[\"crime\",\"corruption\"],"
                               "\"code\":\"091\""));
    CHECK(json && strstr(json, "\"event\":\"ASSAULT\",\"event_mode\":null,\"context\":[],\"code\":\"190\""));
    CHECK(json && !strstr(json, "\"code\":\"010\""));
    /* the CAMEO record is unchanged: no PLOVER fields, every event */
    CHECK_INT(dyad_doc_json(d, 0, &json, NULL), DYAD_OK);
    CHECK(json && strstr(json, "\"code\":\"010\"") && !strstr(json, "\"event\":"));
    dyad_doc_free(d);
}

static void test_degenerate(void) {
    const char *out = NULL;
    size_t len = 1;
    CHECK_INT(dyad_doc_event_rows(NULL, DYAD_ROWS_TSV, 0, &out, &len), DYAD_EINVAL);
    dyad_doc *d = sample();
    CHECK_INT(dyad_doc_event_rows(d, 0, 0, &out, &len), DYAD_EINVAL);
    CHECK_INT(dyad_doc_event_rows(d, 3, 0, &out, &len), DYAD_EINVAL);
    CHECK_INT(dyad_doc_event_rows(d, DYAD_ROWS_TSV, 0, NULL, &len), DYAD_EINVAL);
    /* an error document has no rows */
    dyad_doc_set_error(d, DYAD_EJSON, 3, "bad");
    CHECK_STR(rows(d, DYAD_ROWS_TSV, 0), "");
    CHECK_STR(rows(d, DYAD_ROWS_PETRARCH, 0), "");
    dyad_doc_free(d);
    /* nor does a document without events, coded or not */
    CHECK_INT(dyad_doc_new(&d), DYAD_OK);
    CHECK_STR(rows(d, DYAD_ROWS_TSV, 0), "");
    CHECK_STR(rows(d, DYAD_ROWS_PETRARCH, DYAD_ROWS_PLOVER), "");
    dyad_doc_set_text(d, "Hello.", 6);
    dyad_doc_code(NULL, d);
    CHECK_STR(rows(d, DYAD_ROWS_PETRARCH, 0), "");
    dyad_doc_free(d);
    /* headers */
    const char *h = dyad_event_rows_header(DYAD_ROWS_TSV, 0);
    size_t tabs = 0;
    for (const char *p = h; *p; p++) tabs += *p == '\t';
    CHECK_INT(tabs, 22);
    CHECK(strncmp(h, "event_id\tdate\t", 14) == 0 && h[strlen(h) - 1] == '\n');
    CHECK(strstr(dyad_event_rows_header(DYAD_ROWS_TSV, DYAD_ROWS_PLOVER), "\tevent_type\tevent_mode\tevent_context\t"));
    CHECK_STR(dyad_event_rows_header(DYAD_ROWS_PETRARCH, 0), "");
    CHECK_STR(dyad_event_rows_header(0, 0), "");
}

/* Many events of one key make one PETRARCH line, in linear time; many
 * distinct keys make as many lines, in text order. */
static void test_many(void) {
    dyad_doc *d;
    CHECK_INT(dyad_doc_new(&d), DYAD_OK);
    dyad_doc_set_field(d, DYAD_FIELD_ID, "m", 1);
    actor(d, "A", "AAA", "AAA");
    actor(d, "B", "BBB", "BBB");
    enum { N = 20000 };
    for (uint32_t i = 0; i < N; i++) {
        devent e = ev(i, "040", 0, 1, 1, 1.0f);
        doc_push_event(d, &e);
    }
    const char *out = rows(d, DYAD_ROWS_PETRARCH, 0);
    CHECK(out != NULL);
    size_t nl = 0, semi = 0;
    for (const char *p = out ? out : ""; *p; p++) nl += *p == '\n', semi += *p == ';';
    CHECK_INT(nl, 1);
    CHECK_INT(semi, N - 1);
    d->nevent = 0;
    for (uint32_t i = 0; i < N; i++) {
        char code[8];
        snprintf(code, sizeof code, "%u", 100 + i % 97);
        devent e = ev(i, code, (int32_t)(i % 2), (int32_t)(1 - i % 2), 1, 1.0f);
        doc_push_event(d, &e);
    }
    out = rows(d, DYAD_ROWS_PETRARCH, 0);
    nl = 0;
    for (const char *p = out ? out : ""; *p; p++) nl += *p == '\n';
    CHECK_INT(nl, 194); /* code i % 97 and side i % 2: i % 194 */
    CHECK(out && strncmp(out, "\tAAA\tBBB\t100\t\tm_0;m_194;", 24) == 0);
    dyad_doc_free(d);
}

int main(void) {
    RUN(test_tsv);
    RUN(test_petrarch);
    RUN(test_plover_json);
    RUN(test_degenerate);
    RUN(test_many);
    TEST_END();
}
