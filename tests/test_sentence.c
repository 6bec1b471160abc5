/* test_sentence.c -- unit tests of the sentence splitter (src/sentence.c),
 * through the public API where possible. */
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/doc.h"
#include "test.h"

/* Code text and return its sentences joined by " || " (static buffer). */
static const char *sents(const char *text) {
    static char out[8192];
    dyad_doc *d;
    out[0] = '\0';
    if (dyad_doc_new(&d)) return "(oom)";
    if (dyad_doc_set_text(d, text, strlen(text)) || dyad_doc_code(NULL, d)) {
        dyad_doc_free(d);
        return "(error)";
    }
    size_t n = 0, len;
    const char *t = dyad_doc_text(d, &len);
    for (size_t i = 0; i < dyad_doc_sentence_count(d); i++) {
        dyad_span s = dyad_doc_sentence(d, i, NULL, NULL);
        size_t l = s.end - s.start;
        if (n + l + 5 >= sizeof out) break;
        if (i) {
            memcpy(out + n, " || ", 4);
            n += 4;
        }
        for (size_t k = 0; k < l; k++) out[n + k] = t[s.start + k] == '\n' ? '/' : t[s.start + k];
        n += l;
    }
    out[n] = '\0';
    dyad_doc_free(d);
    return out;
}

static void test_degenerate(void) {
    CHECK_INT(sent_run(NULL), DYAD_EINVAL);
    CHECK_STR(sents(""), "");
    CHECK_STR(sents("   "), "");
    CHECK_STR(sents("a"), "a");
    CHECK_STR(sents("."), ".");
    CHECK_STR(sents("..."), "...");
    CHECK_STR(sents("? ! ."), "? ! .");
    CHECK_STR(sents("\n\n\n"), "");
}

static void test_basic(void) {
    CHECK_STR(sents("It rained. We left."), "It rained. || We left.");
    CHECK_STR(sents("Why? Because. Yes!"), "Why? || Because. || Yes!");
    CHECK_STR(sents("He said \"no.\" Then he left."), "He said \"no.\" || Then he left.");
    CHECK_STR(sents("(See below.) Next."), "(See below.) || Next.");
    CHECK_STR(sents("'Why?' he asked. Fine."), "'Why?' he asked. || Fine.");
    CHECK_STR(sents("\"Go!\" she said."), "\"Go!\" she said.");
    CHECK_STR(sents("It was 5.93 mln. Fine."), "It was 5.93 mln. || Fine.");
    CHECK_STR(sents("Wait\xE2\x80\xA6 Then go."), "Wait\xE2\x80\xA6 || Then go.");
}

static void test_abbrev(void) {
    CHECK_STR(sents("Mr. Smith met Dr. Jones."), "Mr. Smith met Dr. Jones.");
    CHECK_STR(sents("George W. Bush spoke. J.R.R. Tolkien wrote."), "George W. Bush spoke. || J.R.R. Tolkien wrote.");
    CHECK_STR(sents("Sen. John McCain and Gov. Brown met on Jan. 5 at 10 a.m. in Washington."),
              "Sen. John McCain and Gov. Brown met on Jan. 5 at 10 a.m. in Washington.");
    CHECK_STR(sents("He lives in the U.S. The weather is fine."), "He lives in the U.S. || The weather is fine.");
    CHECK_STR(sents("The U.S. Navy sailed."), "The U.S. Navy sailed.");
    CHECK_STR(sents("Acme Inc. said profits rose."), "Acme Inc. said profits rose.");
    CHECK_STR(sents("They met Acme Inc. But it failed."), "They met Acme Inc. || But it failed.");
}

static void test_paragraphs(void) {
    /* Reuters: hard-wrapped lines, indentation starts a paragraph. */
    CHECK_STR(sents("Showers continued in\nthe Bahia zone, said Smith\n    The dry period means"),
              "Showers continued in/the Bahia zone, said Smith || The dry period means");
    CHECK_STR(sents("No final stop\n\nNext paragraph"), "No final stop || Next paragraph");
    /* headline on the first line */
    CHECK_STR(sents("Protesters clash with police\nPolice fired tear gas on Tuesday in the capital, witnesses said."),
              "Protesters clash with police || Police fired tear gas on Tuesday in the capital, witnesses said.");
    CHECK_STR(sents("IRAN SAYS IT WILL TALK\nTehran said on Monday it would talk."),
              "IRAN SAYS IT WILL TALK || Tehran said on Monday it would talk.");
    /* ... but not a wire story's first line, short because its dateline was
     * cut off, over hard-wrapped prose: a name or "the" runs on */
    CHECK_STR(sents("A 3.22 billion dlr offer for Dome\nPetroleum Ltd by TransCanada Pipelines Ltd may cut short\n"
                    "the restructuring plan and open the door for more bids, analysts said."),
              "A 3.22 billion dlr offer for Dome/Petroleum Ltd by TransCanada Pipelines Ltd may cut short/"
              "the restructuring plan and open the door for more bids, analysts said.");
    CHECK_STR(sents("The volume of contracts traded on the\nNew Zealand Futures Exchange rose sharply in February\n"
                    "after a slow January, the exchange said."),
              "The volume of contracts traded on the/New Zealand Futures Exchange rose sharply in February/"
              "after a slow January, the exchange said.");
    CHECK_STR(sents("Musto Explorations\nLtd said it sold shares."), "Musto Explorations/Ltd said it sold shares.");
    /* wire datelines are a sentence of their own; mixed-case ones stay */
    CHECK_STR(sents("NAIROBI (Reuters) - Kenya said on Monday it would act."),
              "NAIROBI (Reuters) - || Kenya said on Monday it would act.");
    CHECK_STR(sents("WASHINGTON, March 3 (AP) -- The Senate voted."), "WASHINGTON, March 3 (AP) -- || The Senate voted.");
    CHECK_STR(sents("Headline here\n\nLONDON \xE2\x80\x94 Britain agreed."),
              "Headline here || LONDON \xE2\x80\x94 || Britain agreed.");
    CHECK_STR(sents("Taipei, Taiwan \xE2\x80\x94 The festival began."), "Taipei, Taiwan \xE2\x80\x94 The festival began.");
    CHECK_STR(sents("He said NATO - the alliance - would act."), "He said NATO - the alliance - would act.");
    CHECK_STR(sents("The U.S. - China talks began."), "The U.S. - China talks began.");
    /* lines of punctuation and bullets */
    CHECK_STR(sents("Intro text\n-----\nMore text"), "Intro text || ----- || More text");
    CHECK_STR(sents("The demands:\n- more pay\n- less work"), "The demands: || - more pay || - less work");
}

static void test_email(void) {
    /* header stamps: a sentence of their own, the name before too */
    CHECK_STR(sents("Kay Mann 04/26/2001 07:17 AM Will you send it? Thanks."),
              "Kay Mann || 04/26/2001 07:17 AM || Will you send it? || Thanks.");
    CHECK_STR(sents("08/16/2000 12:05 PM I am leaving."), "08/16/2000 12:05 PM || I am leaving.");
    CHECK_STR(sents("annotations made on 04/25/01 12:42:55 We have moved."),
              "annotations made on 04/25/01 12:42:55 || We have moved.");
    CHECK_STR(sents("Sent: 03/27/2001 09:11 AM, see below."), "Sent: 03/27/2001 09:11 AM, see below.");
    /* a date and time alone are not a stamp's shape */
    CHECK_STR(sents("Shares closed at 12:05 on 3/4 Friday."), "Shares closed at 12:05 on 3/4 Friday.");
    /* sign-offs before a name */
    CHECK_STR(sents("Please call me. Thanks, Sara"), "Please call me. || Thanks, || Sara");
    CHECK_STR(sents("Best regards, Debra Perlingiere"), "Best regards, || Debra Perlingiere");
    CHECK_STR(sents("\"Thanks, he said."), "\"Thanks, he said.");
    /* salutations */
    CHECK_STR(sents("Tana, Please review this."), "Tana, || Please review this.");
    CHECK_STR(sents("Jill: As discussed, it is attached."), "Jill: || As discussed, it is attached.");
    CHECK_STR(sents("Yes, I think so."), "Yes, I think so.");
    CHECK_STR(sents("However, The Times disagreed."), "However, The Times disagreed.");
    CHECK_STR(sents("John, Paul and Mary left."), "John, Paul and Mary left.");
    CHECK_STR(sents("NOTE: The figures are unaudited."), "NOTE: The figures are unaudited.");
    CHECK_STR(sents("Note: The figures are unaudited."), "Note: The figures are unaudited.");
}

static void test_credits(void) {
    /* a photo credit after a caption without final punctuation */
    CHECK_STR(sents("Playstation VR demo Image: Nick Moreau."), "Playstation VR demo || Image: Nick Moreau.");
    CHECK_STR(sents("The event in Washington D.C. Photo: US Navy."), "The event in Washington D.C. || Photo: US Navy.");
    CHECK_STR(sents("The Image: a new brand."), "The Image: a new brand.");
    CHECK_STR(sents("He said: Image matters."), "He said: Image matters.");
}

/* Newsletter digests: headlines run into their stories, credits in
 * square brackets ending a line. */
static void test_digest(void) {
    CHECK_STR(sents("TWO DEAD, 16 INJURED IN NIGHTCLUB SHOOTING Three people have been detained."),
              "TWO DEAD, 16 INJURED IN NIGHTCLUB SHOOTING || Three people have been detained.");
    CHECK_STR(sents("Read why it matters. [Jane Roe, Daily News]\nTWO DEAD IN SHOOTING Police said so."),
              "Read why it matters. || [Jane Roe, Daily News] || TWO DEAD IN SHOOTING || Police said so.");
    /* not headlines: letters of a name, a parenthesis in hard-wrapped text */
    CHECK_STR(sents("S-K-I Ltd said its skier visits rose."), "S-K-I Ltd said its skier visits rose.");
    CHECK_STR(sents("It bought 25 pct of <Deutsche Bank (Asia)\nAG> from its owner."),
              "It bought 25 pct of <Deutsche Bank (Asia)/AG> from its owner.");
    CHECK_STR(sents("The NATO EU UN Summit ended."), "The NATO EU UN Summit ended.");
}

static void test_cover(void) {
    /* sentences cover all tokens, in order, never empty, SENT_END set */
    static const char *const texts[] = {"a. b. c", "...\n\n...", "\"\"\"", "Mr. . . .", "A.\n\nB.", "x\n-\n-\n-",
                                        "1/2/03 4:05 PM", "Thanks, A", "X 1/2/03 4:05", "a Image: B"};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        dyad_doc *d;
        if (dyad_doc_new(&d)) return;
        CHECK_INT(dyad_doc_set_text(d, texts[k], strlen(texts[k])), DYAD_OK);
        CHECK_INT(dyad_doc_code(NULL, d), DYAD_OK);
        size_t next = 0;
        for (size_t i = 0; i < d->nsent; i++) {
            CHECK_INT(d->sents[i].first, next);
            CHECK(d->sents[i].last > d->sents[i].first);
            CHECK(d->toks[d->sents[i].last - 1].flags & TOKF_SENT_END);
            next = d->sents[i].last;
        }
        CHECK_INT(next, d->ntok);
        dyad_doc_free(d);
    }
}

int main(void) {
    RUN(test_degenerate);
    RUN(test_basic);
    RUN(test_abbrev);
    RUN(test_paragraphs);
    RUN(test_email);
    RUN(test_credits);
    RUN(test_digest);
    RUN(test_cover);
    TEST_END();
}
