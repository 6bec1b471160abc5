/* test_date.c -- unit tests for the date stage (date.c).
 *
 * Every test codes a short text written for this file with a fixed
 * document date, runs date_run and checks the expressions found and their
 * values.  The document date 2023-03-14 is a Tuesday. */
#include <stdlib.h>

#include "../src/date.h"
#include "test.h"

static dyad_doc *doc;

/* Code text with document date ref (NULL: none) and run the date stage. */
static void code(const char *text, const char *ref) {
    dyad_doc_reset(doc);
    dyad_doc_set_text(doc, text, strlen(text));
    if (ref) dyad_doc_set_field(doc, DYAD_FIELD_DATE, ref, strlen(ref));
    dyad_doc_code(NULL, doc);
    CHECK_INT(date_run(doc), DYAD_OK);
}

/* Value of the date whose text is exactly expr, or "(none)". */
static const char *val(const char *expr) {
    size_t n = strlen(expr);
    for (size_t i = 0; i < doc->ndate; i++) {
        const ddate *d = &doc->dates[i];
        if (d->end - d->start == n && memcmp(doc->text + d->start, expr, n) == 0) return d->value;
    }
    return "(none)";
}

/* Text and value of all dates, for the "nothing found" checks. */
static const char *all(void) {
    static char buf[512];
    size_t k = 0;
    buf[0] = 0;
    for (size_t i = 0; i < doc->ndate && k < sizeof buf - 80; i++) {
        const ddate *d = &doc->dates[i];
        k += (size_t)snprintf(buf + k, sizeof buf - k, "[%.*s=%s]", (int)(d->end - d->start), doc->text + d->start,
                              d->value);
    }
    return buf;
}

#define REF "2023-03-14"

static void test_table(void) { CHECK_INT(date_table_check(), 0); }

static void test_explicit(void) {
    code("It happened on March 3. The deal of 3 March 2023 holds. He left Mar. 3 and came back on "
         "2023-03-05. The vote was on March 3rd. On the 3rd of March they met. It was signed 3/3/2023.",
         REF);
    CHECK_STR(val("March 3"), "2023-03-03");
    CHECK_STR(val("3 March 2023"), "2023-03-03");
    CHECK_STR(val("Mar. 3"), "2023-03-03");
    CHECK_STR(val("2023-03-05"), "2023-03-05");
    CHECK_STR(val("March 3rd"), "2023-03-03");
    CHECK_STR(val("the 3rd of March"), "2023-03-03");
    CHECK_STR(val("3/3/2023"), "2023-03-03");
    code("Thursday, February 23, 2006\n\nThe report came out.", REF);
    CHECK_STR(val("Thursday, February 23, 2006"), "2006-02-23");
}

static void test_partial(void) {
    code("Prices rose in March. The law passed in 2019. Talks began in March 2022. "
         "Rock was born in the 1950s, and the sixties changed it. In the 20th century wars were fought.",
         REF);
    CHECK_STR(val("March"), "2023-03");
    CHECK_STR(val("2019"), "2019");
    CHECK_STR(val("March 2022"), "2022-03");
    CHECK_STR(val("1950s"), "1950/1959");
    CHECK_STR(val("the sixties"), "1960/1969");
    CHECK_STR(val("the 20th century"), "1900/1999");
    code("The summit ended in late September.", REF);
    CHECK_STR(val("late September"), "2022-09-15/2022-09-30");
}

static void test_relative(void) {
    code("He arrived today. She left yesterday and returns tomorrow. The show airs tonight.", REF);
    CHECK_STR(val("today"), "2023-03-14");
    CHECK_STR(val("yesterday"), "2023-03-13");
    CHECK_STR(val("tomorrow"), "2023-03-15");
    CHECK_STR(val("tonight"), "2023-03-14");
    code("Talks stalled last week. They resume next month. This year is hard. Last year was not.", REF);
    CHECK_STR(val("last week"), "2023-03-06/2023-03-12");
    CHECK_STR(val("next month"), "2023-04");
    CHECK_STR(val("This year"), "2023");
    CHECK_STR(val("Last year"), "2022");
    code("The plant closed two days ago. Seventeen years ago it opened. A decade ago it grew.", REF);
    CHECK_STR(val("two days ago"), "2023-03-12");
    CHECK_STR(val("Seventeen years ago"), "2006");
    CHECK_STR(val("A decade ago"), "2013");
    code("The fire began on March 1. Three weeks earlier a warning was issued. The day before, "
         "police came.",
         REF);
    CHECK_STR(val("March 1"), "2023-03-01");
    CHECK_STR(val("Three weeks earlier"), "2023-02-08");
    CHECK_STR(val("The day before"), "2023-02-07");
    code("The fair ran this weekend. Fans will return next weekend.", REF);
    CHECK_STR(val("this weekend"), "2023-03-11/2023-03-12");
    CHECK_STR(val("next weekend"), "2023-03-18/2023-03-19");
    code("Costs rose earlier this month. Elections are due late next year.", REF);
    CHECK_STR(val("earlier this month"), "2023-03");
    CHECK_STR(val("late next year"), "2024");
    code("The rally drew crowds last summer. It grew over the past 30 days.", REF);
    CHECK_STR(val("last summer"), "2022-06/2022-08");
    CHECK_STR(val("the past 30 days"), "2023-02-13/2023-03-14");
    /* looking back, months and years count the current one in and end today */
    code("Output doubled over the past 35 years. It fell in the last 18 months. It will grow over the next "
         "two years.",
         REF);
    CHECK_STR(val("the past 35 years"), "1989/2023-03-14");
    CHECK_STR(val("the last 18 months"), "2021-10/2023-03-14");
    CHECK_STR(val("the next two years"), "2023/2024");
}

/* Durations: only one that runs up to now, in a present-perfect clause,
 * is an interval (here untagged: "has been" / "have" + -ed before it). */
static void test_durations(void) {
    code("The rebels have been fighting the government for six years. Talks have lasted for more than "
         "three weeks. Prices have climbed for nearly two years.",
         REF);
    CHECK_STR(val("six years"), "2018/2023-03-14");
    CHECK_STR(val("three weeks"), "2023-02-22/2023-03-14");
    CHECK_STR(val("two years"), "2022/2023-03-14");
    code("He served 15 years in prison. Workers have called for five days of strikes. He has been ill for a "
         "year. They were there for ten years.",
         REF);
    CHECK_STR(all(), "");
    code("The deal has been extended for two years from July.", REF);
    CHECK_STR(val("two years"), "(none)");
}

/* Two-digit years: only in a list beside a four-digit year. */
static void test_short_years(void) {
    code("He backed Reagan in 80 and 84, Bush in 88 and 92, Gramm in 96, Bush in 2000 and Romney in 08.", REF);
    CHECK_STR(val("80"), "1980");
    CHECK_STR(val("84"), "1984");
    CHECK_STR(val("92"), "1992");
    CHECK_STR(val("96"), "1996");
    CHECK_STR(val("2000"), "2000");
    CHECK_STR(val("08"), "2008");
    code("The brewer, in Africa since 1932 with interests in 25, was hampered. Prices rose in 12 of 15 "
         "markets in 2019. The index rose in 12.",
         REF);
    CHECK_STR(all(), "[1932=1932][2019=2019]");
}

static void test_weekdays(void) {
    /* 2023-03-14 is a Tuesday */
    code("The minister resigned on Friday.", REF);
    CHECK_STR(val("Friday"), "2023-03-10");
    code("The minister will resign on Friday.", REF);
    CHECK_STR(val("Friday"), "2023-03-17");
    code("The group plans to march on Thursday.", REF);
    CHECK_STR(val("Thursday"), "2023-03-16");
    code("Parliament is due to vote on Monday.", REF);
    CHECK_STR(val("Monday"), "2023-03-20");
    code("Police said Monday that the suspect was arrested.", REF);
    CHECK_STR(val("Monday"), "2023-03-13");
    code("On Tuesday the court ruled.", REF);
    CHECK_STR(val("Tuesday"), "2023-03-14");
    /* The document's own weekday in a past clause is the same day, as in
     * wire copy ("officials said on Tuesday" in Tuesday's story); "last"
     * makes it the week before. */
    code("Officials said on Tuesday that the talks had failed.", REF);
    CHECK_STR(val("Tuesday"), "2023-03-14");
    code("Officials said last Tuesday that the talks had failed.", REF);
    CHECK_STR(val("last Tuesday"), "2023-03-07");
    code("They met last Friday and meet again next Friday.", REF);
    CHECK_STR(val("last Friday"), "2023-03-10");
    CHECK_STR(val("next Friday"), "2023-03-17");
}

static void test_ranges(void) {
    code("The festival runs March 3-5. Talks were held from March 3 to 5. The 2014-15 season was long.", REF);
    CHECK_STR(val("March 3-5"), "2023-03-03/2023-03-05");
    CHECK_STR(val("March 3 to 5"), "2023-03-03/2023-03-05");
    CHECK_STR(val("2014-15"), "2014/2015");
    /* two complete dates stay two entries, as GUM annotates them */
    code("Prices rose between 2019 and 2021.", REF);
    CHECK_STR(val("2019"), "2019");
    CHECK_STR(val("2021"), "2021");
}

static void test_no_false_dates(void) {
    code("It may rain later. Thousands joined a protest march. She reads the Sunday Times. "
         "Some 2,000 troops and 1500 soldiers arrived. The march ended. May I ask?",
         REF);
    CHECK_STR(all(), "");
    code("He scored 2000 points, up 2010 percent, for $1999.", REF);
    CHECK_STR(all(), "");
    code("April Ryan asked a question. The March on Washington was huge.", REF);
    CHECK_STR(all(), "");
}

static void test_year_context(void) {
    code("She was born in 1961, moved in 1789 and the 2016 elections came.", REF);
    CHECK_STR(val("1961"), "1961");
    CHECK_STR(val("1789"), "1789");
    CHECK_STR(val("2016"), "2016");
    code("Reagan won in '80 and the '90s were calm; after 9/11 things changed.", REF);
    CHECK_STR(val("'80"), "1980");
    CHECK_STR(val("'90s"), "1990/1999");
    CHECK_STR(val("9/11"), "2001-09-11");
}

static void test_null_date(void) {
    code("The treaty of March 3, 2023 and the deal of 2023-03-03 came in 2019. Yesterday and on Friday "
         "and in March nothing happened.",
         NULL);
    CHECK_STR(val("March 3, 2023"), "2023-03-03");
    CHECK_STR(val("2023-03-03"), "2023-03-03");
    CHECK_STR(val("2019"), "2019");
    CHECK_STR(val("Yesterday"), "(none)");
    CHECK_STR(val("Friday"), "(none)");
    CHECK_STR(val("March"), "(none)");
}

static void test_degenerate(void) {
    CHECK_INT(date_run(NULL), DYAD_EINVAL);
    code("", REF);
    CHECK_INT(doc->ndate, 0);
    code("March", REF);
    code("the", REF);
    code("last", REF);
    code("February 30, 2023 and 2023-13-45 and 31/31/2023", REF);
    CHECK_STR(val("February 30, 2023"), "(none)");
    CHECK_STR(val("2023-13-45"), "(none)");
    /* a bad document date is no date */
    code("It rained yesterday, in 2019.", "2023-02-30");
    CHECK_STR(val("yesterday"), "(none)");
    CHECK_STR(val("2019"), "2019");
    int y, m, d;
    CHECK_INT(date_parse_anchor(NULL, &y, &m, &d), -1);
    CHECK_INT(date_parse_anchor("2024-02-29", &y, &m, &d), 0);
    CHECK_INT(date_parse_anchor("2023-02-29", &y, &m, &d), -1);
    /* running twice replaces, not appends */
    code("It rained yesterday.", REF);
    size_t n = doc->ndate;
    CHECK_INT(date_run(doc), DYAD_OK);
    CHECK_INT(doc->ndate, n);
    char v[32];
    CHECK_INT(date_resolve_span(doc, 0, (uint32_t)doc->len, v), 1);
    CHECK_STR(v, "2023-03-13");
    CHECK_INT(date_resolve_span(doc, 0, 3, v), 0);
}

/* Vague counts, generic weekdays, names, datelines (untagged). */
static void test_vague_and_generic(void) {
    code("A few months ago prices fell. The last few months were hard. It began several years ago. "
         "The past few days were calm.",
         REF);
    CHECK_STR(val("A few months ago"), "2022-12");
    CHECK_STR(val("The last few months"), "2023-01/2023-03-14"); /* looking back: up to today */
    CHECK_STR(val("several years ago"), "2020");
    CHECK_STR(val("The past few days"), "2023-03-12/2023-03-14");
    code("She cried for the last five months of her life. I had seen it a few years earlier. "
         "We read ideas on a Monday. He drew Saturday Morning Breakfast Cereal.",
         REF);
    CHECK_STR(all(), "");
    /* a dateline near the top re-anchors the text */
    code("Cup day five\n\nTuesday, June 19, 2018\n\nYesterday, Sweden won.", REF);
    CHECK_STR(val("Tuesday, June 19, 2018"), "2018-06-19");
    CHECK_STR(val("Yesterday"), "2018-06-18");
}

/* With the tagger and parser (skipped when the models are not built):
 * "today" in a present-tense clause means "nowadays". */
/* Tense from the parse: modals and infinitives under verbs of asking or
 * intending look ahead, other infinitives follow their governor. */
static void test_tagged_tense(void) {
    dyad_ctx *ctx = NULL;
    if (dyad_ctx_open(&ctx, NULL) != DYAD_OK) {
        dyad_ctx_close(ctx);
        return;
    }
    const char *t = "Ramaphosa said South Africa would send a delegation to Brazil in May. "
                    "Adams criticized the plan on Wednesday and urged Congress to approve it by Dec. 1. "
                    "She agreed to meet him on Friday. She was willing to skip class Thursday night.";
    dyad_doc_reset(doc);
    dyad_doc_set_text(doc, t, strlen(t));
    dyad_doc_set_field(doc, DYAD_FIELD_DATE, "2016-10-18", 10); /* a Tuesday */
    CHECK_INT(dyad_doc_code(ctx, doc), DYAD_OK);
    CHECK_STR(val("May"), "2017-05");
    CHECK_STR(val("Wednesday"), "2016-10-12");
    CHECK_STR(val("Dec. 1"), "2016-12-01");
    CHECK_STR(val("Friday"), "2016-10-21");
    CHECK_STR(val("Thursday night"), "2016-10-13");
    /* A duration hanging on a present-perfect verb is an interval up to
     * now; one on a noun is not. */
    const char *t2 = "The rebels have been fighting the government for six years. "
                     "Jones, a civil servant for 17 years, has been appointed to the board.";
    dyad_doc_reset(doc);
    dyad_doc_set_text(doc, t2, strlen(t2));
    dyad_doc_set_field(doc, DYAD_FIELD_DATE, "2016-10-18", 10);
    CHECK_INT(dyad_doc_code(ctx, doc), DYAD_OK);
    CHECK_STR(val("six years"), "2011/2016-10-18");
    CHECK_STR(val("17 years"), "(none)");
    dyad_ctx_close(ctx);
}

static void test_tagged_today(void) {
    dyad_ctx *ctx = NULL;
    if (dyad_ctx_open(&ctx, NULL) != DYAD_OK) {
        dyad_ctx_close(ctx);
        return;
    }
    const char *t = "Magic is alive today. The figures were published today. The office will close today. "
                    "Today's game was close.";
    dyad_doc_reset(doc);
    dyad_doc_set_text(doc, t, strlen(t));
    dyad_doc_set_field(doc, DYAD_FIELD_DATE, REF, strlen(REF));
    CHECK_INT(dyad_doc_code(ctx, doc), DYAD_OK);
    CHECK_INT(doc->ndate, 3);
    if (doc->ndate == 3) {
        CHECK_INT((int)doc->dates[0].start, (int)(strstr(t, "published today") - t + 10));
        CHECK_STR(doc->dates[2].value, "2023-03-14");
    }
    dyad_ctx_close(ctx);
}

int main(void) {
    if (dyad_doc_new(&doc) != DYAD_OK) return 1;
    RUN(test_table);
    RUN(test_explicit);
    RUN(test_partial);
    RUN(test_relative);
    RUN(test_weekdays);
    RUN(test_ranges);
    RUN(test_durations);
    RUN(test_short_years);
    RUN(test_no_false_dates);
    RUN(test_year_context);
    RUN(test_null_date);
    RUN(test_degenerate);
    RUN(test_vague_and_generic);
    RUN(test_tagged_today);
    RUN(test_tagged_tense);
    dyad_doc_free(doc);
    TEST_END();
}
