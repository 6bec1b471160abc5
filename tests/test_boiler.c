/* test_boiler.c -- boilerplate detection (src/boiler.c).
 *
 * Every test codes a short text written for this file and checks which
 * lines come back as boilerplate spans: each category of chrome, article
 * sentences that merely mention the same words, degenerate documents, and
 * the span invariants (ordered, non-overlapping, trimmed, whole lines).
 * Only the public API is used, except in test_token_flags, which reads the
 * private token array to check TOKF_BOILER. */
#include <stdint.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/doc.h"
#include "test.h"

static dyad_ctx *ctx;
static dyad_doc *doc;
static const char *cur;

/* Code text into the shared document; returns the number of spans. */
static size_t code(const char *text) {
    dyad_doc_reset(doc);
    cur = text;
    if (dyad_doc_set_text(doc, text, strlen(text)) != DYAD_OK) return (size_t)-1;
    if (dyad_doc_code(ctx, doc) != DYAD_OK) return (size_t)-1;
    return dyad_doc_boilerplate_count(doc);
}

/* 1 when some span covers exactly the first occurrence of needle in the
 * current text, 0 when no span touches it, -1 when a span overlaps it only
 * in part. */
static int marked(const char *needle) {
    const char *p = strstr(cur, needle);
    if (!p) return -2;
    uint32_t a = (uint32_t)(p - cur), b = a + (uint32_t)strlen(needle);
    for (size_t i = 0; i < dyad_doc_boilerplate_count(doc); i++) {
        dyad_span s = dyad_doc_boilerplate(doc, i);
        if (s.start == a && s.end == b) return 1;
        if (s.start < b && s.end > a) return -1;
    }
    return 0;
}

/* The one-line document text is boilerplate as a whole. */
static int line_is_boiler(const char *line) { return code(line) == 1 && marked(line) == 1; }

/* The line, between two article paragraphs, is left alone. */
static int line_is_content(const char *line) {
    static char buf[2048];
    snprintf(buf, sizeof buf,
             "The governor signed the budget on Tuesday after weeks of talks.\n\n%s\n\n"
             "Lawmakers will return in January to take up the remaining bills.",
             line);
    return code(buf) == 0;
}

/* Spans are in order, do not overlap, and never start or end on whitespace. */
static int spans_sane(void) {
    size_t len;
    const char *t = dyad_doc_text(doc, &len);
    uint32_t prev = 0;
    for (size_t i = 0; i < dyad_doc_boilerplate_count(doc); i++) {
        dyad_span s = dyad_doc_boilerplate(doc, i);
        if (s.start >= s.end || s.end > len || s.start < prev) return 0;
        if (t[s.start] == ' ' || t[s.start] == '\n' || t[s.end - 1] == ' ' || t[s.end - 1] == '\n') return 0;
        prev = s.end;
    }
    return 1;
}

static void test_subscription(void) {
    CHECK(line_is_boiler("Subscribe to our newsletter"));
    CHECK(line_is_boiler("Sign up for our daily briefing"));
    CHECK(line_is_boiler("Get the latest news delivered to your inbox"));
    CHECK(line_is_boiler("Support independent journalism"));
    CHECK(line_is_boiler("Support independent journalism. Become a member today."));
    CHECK(line_is_boiler("Become a member"));
    CHECK(line_is_boiler("You have reached your limit of free articles."));
    CHECK(line_is_boiler("You’ve reached your limit of free articles this month."));
    CHECK(line_is_boiler("Already a subscriber? Log in."));
    CHECK(line_is_boiler("Enter your email address:"));
    CHECK(line_is_boiler("For more, sign up for the What’s Working newsletter."));
    CHECK(line_is_boiler("Ann Lee hosts the Politics podcast. Subscribe here or listen below:"));
}

static void test_social(void) {
    CHECK(line_is_boiler("Share this:"));
    CHECK(line_is_boiler("Share on Facebook"));
    CHECK(line_is_boiler("Tweet"));
    CHECK(line_is_boiler("Click to share on Twitter (Opens in new window)"));
    CHECK(line_is_boiler("Follow us on Twitter"));
    CHECK(line_is_boiler("Like us on Facebook"));
    CHECK(line_is_boiler("Email this article"));
    CHECK(line_is_boiler("Print"));
    CHECK(line_is_boiler("Follow Maria Ortiz on Twitter @mortiz."));
    CHECK(line_is_boiler("Twitter: @mortiz"));
    CHECK(line_is_boiler("Do you support the senator? Like the page:"));
    /* A scraped share bar: one short line each. */
    CHECK_INT(code("Share this:\nFacebook\nTwitter\nEmail\nPrint\n"), 5);
    CHECK(spans_sane());
}

static void test_cookies(void) {
    CHECK(line_is_boiler("We use cookies to improve your experience on our site."));
    CHECK(line_is_boiler("By continuing to use this site you agree to our use of cookies."));
    CHECK(line_is_boiler("Accept all cookies"));
    CHECK(line_is_boiler("This website uses cookies to ensure you get the best experience."));
    CHECK(line_is_boiler("Privacy Policy"));
}

static void test_copyright(void) {
    CHECK(line_is_boiler("© 2023 Reuters"));
    CHECK(line_is_boiler("Copyright 2016 The Associated Press. All rights reserved."));
    CHECK(line_is_boiler("This material may not be published, broadcast, rewritten or redistributed."));
    CHECK(line_is_boiler("Copyright © 2015 by Ann Lee. Reprinted by permission."));
    CHECK(line_is_boiler("(c) 1987 Reuters Ltd"));
    /* A notice hard-wrapped over two lines is one span over both. */
    const char *wrapped = "The vote is set for Monday.\n\nCopyright 2016 The Associated Press. All rights reserved. "
                          "This material may not be\npublished, broadcast, rewritten or redistributed.\n";
    CHECK_INT(code(wrapped), 1);
    CHECK_INT(marked("Copyright 2016 The Associated Press. All rights reserved. This material may not be\n"
                     "published, broadcast, rewritten or redistributed."),
              1);
}

static void test_photo(void) {
    CHECK(line_is_boiler("Photo: AFP/Getty Images"));
    CHECK(line_is_boiler("(Photo by John Smith/Getty Images)"));
    CHECK(line_is_boiler("Image caption Protesters gathered outside the parliament"));
    CHECK(line_is_boiler("FILE PHOTO: The president speaks to reporters in Washington, March 3, 2023. "
                         "REUTERS/Kevin Lamarque/File Photo"));
    CHECK(line_is_boiler("Reuters/Kevin Lamarque"));
    CHECK(line_is_boiler("Jim Urquhart / Reuters."));
    CHECK(line_is_boiler("Scott Olson via Getty Images."));
    CHECK(line_is_boiler("AP Photo/Evan Vucci"));
    CHECK(line_is_boiler("The president waves to supporters in Ohio on Monday. (FABRICE COFFRINI/AFP/Getty Images)"));
    CHECK(line_is_boiler("Getty."));
    CHECK(line_is_boiler("(BEGIN VIDEO CLIP)"));
}

static void test_bylines(void) {
    CHECK(code("By Maria Ortiz\n\nThe mayor resigned on Friday, ending a long standoff.\n") == 1);
    CHECK_INT(marked("By Maria Ortiz"), 1);
    CHECK(line_is_boiler("By MARIA ORTIZ, Associated Press"));
    CHECK(line_is_boiler("By Ann Lee and Bo Kim | Reuters"));
    CHECK(code("Envoys meet\n\nBy Jan de Vries\n\nThe envoys met on Tuesday to discuss aid, diplomats said.\n") == 1);
    CHECK(!line_is_boiler("By March, 2023 the plan had failed."));
    CHECK(line_is_boiler("BYLINE: Amber Phillips."));
    CHECK(line_is_boiler("Reporting by Ann Lee; Editing by Bo Kim"));
    CHECK(line_is_boiler("(Reporting by Ann Lee in Washington; Writing by Luis Gomez; Editing by Bo Kim)"));
    CHECK(line_is_boiler("Additional reporting by Lisa Tran in Hanoi"));
    CHECK(line_is_boiler("Writing by Luis Gomez"));
    CHECK(line_is_boiler("Compiled by Bo Kim"));
    CHECK(line_is_boiler("Staff writer"));
    CHECK(line_is_boiler("Contact the author at ann.lee@example.com."));
    CHECK(line_is_boiler("Updated 3:45 p.m. ET"));
    CHECK(line_is_boiler("Published March 3, 2023"));
    CHECK(line_is_boiler("Last modified on Wed 3 May 2023 10.00 EDT"));
    CHECK(line_is_boiler("Read more:"));
    CHECK(line_is_boiler("Read more: Senate passes the budget"));
    CHECK(line_is_boiler("Related:"));
    CHECK(line_is_boiler("Advertisement"));
    CHECK(line_is_boiler("Continue reading the main story"));
    CHECK(line_is_boiler("Click here to read the full report"));
    CHECK(line_is_boiler("Most Read"));
    CHECK(line_is_boiler("Recommended"));
    CHECK(line_is_boiler("Ann Lee and Bo Kim contributed reporting."));
    CHECK(line_is_boiler("Associated Press writer Bo Kim contributed to this report."));
    CHECK(line_is_boiler("This article has been updated with comments from the governor."));
    CHECK(line_is_boiler("Watch the full interview below:"));
    /* A byline without a news organization counts only near the edges. */
    char mid[4096] = "";
    for (int i = 0; i < 8; i++)
        strcat(mid, "The council met again on Thursday to debate the new zoning rules for the harbor district.\n\n");
    strcat(mid, "By Maria Ortiz\n\n");
    for (int i = 0; i < 8; i++)
        strcat(mid, "Residents packed the hall and several speakers asked for a delay until the spring.\n\n");
    CHECK_INT(code(mid), 0);
}

static void test_reuters_signature(void) {
    const char *a = "The company said profits rose 12 pct.\n Reuter\n&#3;";
    CHECK_INT(code(a), 2);
    CHECK_INT(marked("Reuter"), 1);
    CHECK_INT(marked("&#3;"), 1);
    const char *b = "Net profit 10.2 mln vs 8.1 mln\n    Sales 90 mln vs 85 mln\n REUTER";
    CHECK_INT(code(b), 1);
    CHECK_INT(marked("REUTER"), 1);
    /* The signature glued to the last line: only the word is a span. */
    const char *c = "Soybean oil total 55.8 (33.7).        REUTER";
    CHECK_INT(code(c), 1);
    CHECK_INT(marked("REUTER"), 1);
    const char *e = "Output rose in the quarter, a spokesman said. Reuter";
    CHECK_INT(code(e), 1);
    CHECK_INT(marked("Reuter"), 1);
    CHECK_INT(code("The ministry confirmed the figures.\nREUTER^M"), 1);
    CHECK_INT(marked("REUTER^M"), 1);
    /* "Reuters" that ends a wrapped sentence is content. */
    CHECK_INT(code("The deal will close in May, an official of the company\ntold Reuters."), 0);
    CHECK_INT(code("The deal will close in May, the official told Reuters"), 0);
    CHECK_INT(code("A Reuter survey of ten banks found rates steady.\n"), 0);
}

static void test_negatives(void) {
    CHECK(line_is_content("The senator shared a photo on Facebook."));
    CHECK(line_is_content("Reuters reported that the talks had stalled."));
    CHECK(line_is_content("Police said the photo was taken by a bystander."));
    CHECK(line_is_content("By Friday, the talks had collapsed."));
    CHECK(line_is_content("By winning Ohio, Kasich picked up all 66 delegates."));
    CHECK(line_is_content("Follow the money, Sanders told supporters on Twitter."));
    CHECK(line_is_content("They’re also serving cookies."));
    CHECK(line_is_content("Published reports said the deal was close."));
    CHECK(line_is_content("He said the newsletter had 10,000 subscribers."));
    CHECK(line_is_content("Copyright law is complex, the judge said."));
    CHECK(line_is_content("According to a Reuters/Ipsos poll, the two candidates are tied."));
    CHECK(line_is_content("The email includes a photo of Cruz wearing hunting gear."));
    CHECK(line_is_content("Trump posted a message on Twitter reading “Thank you Georgia.”"));
    CHECK(line_is_content("Share prices fell 3 percent in early trading."));
    CHECK(line_is_content("Sign-ups for the program doubled, officials said."));
    CHECK(line_is_content("Related to the dispute, the board postponed its vote."));
    CHECK(line_is_content("Updated figures will be released next week."));
    CHECK(line_is_content("“VIDEO: they told me it was the video,” she said."));
    CHECK(line_is_content("This report was funded by the European Union, the ministry said."));
    CHECK(line_is_content("Print newspapers have lost readers for two decades."));
    CHECK(line_is_content("Read more books, the president urged the children."));
    CHECK(line_is_content("Most read the report before the vote."));
    CHECK(line_is_content("Additional reporting requirements for banks take effect in May."));
    CHECK(line_is_content("An earlier version of this bill passed the House in 2019."));
    CHECK(line_is_content("Recommended by doctors, the drug is widely used."));
    CHECK(line_is_content("Advertisement spending rose 5 percent."));
    CHECK(line_is_content("Reuters/Ipsos Poll Shows Clinton Ahead"));
    CHECK(line_is_content("Subscribers to the service rose 5 percent."));
    CHECK(line_is_content("By continuing the talks, negotiators hope to reach a deal."));
    CHECK(line_is_content("Video shows the officer firing twice."));
    CHECK(line_is_content("Posted on Twitter Monday, the message drew wide criticism."));
    CHECK(line_is_content("On Twitter, Trump urged his followers to vote."));
    CHECK(line_is_content("Staff writers at the paper voted to unionize."));
    /* Several ordinary sentences are never boilerplate as a whole, even if
     * one of them is an appeal. */
    CHECK(line_is_content("The campaign launched a website on Monday. It asks voters to register. "
                          "Aides said traffic was heavy. Sign up for updates, the site urges. "
                          "The launch cost $2 million."));
    /* Table rules inside a wrapped sentence are not separators. */
    CHECK_INT(code("Sales rose to 90 mln from\n----\n85 mln a year earlier."), 0);
}

static void test_degenerate(void) {
    CHECK_INT(code(""), 0);
    CHECK_INT(code("   \n\n\t  \n"), 0);
    CHECK_INT(code("\n"), 0);
    CHECK_INT(code("The council approved the plan."), 0);
    CHECK_INT(code("Advertisement"), 1);
    CHECK_INT(marked("Advertisement"), 1);
    /* Surrounding whitespace is not part of the span. */
    CHECK_INT(code("   Advertisement  \t\n"), 1);
    CHECK_INT(marked("Advertisement"), 1);
    CHECK_INT(code("\xef\xbb\xbf" "Advertisement"), 1); /* after a BOM */
    CHECK_INT(marked("Advertisement"), 1);
    CHECK_INT(code("x"), 0);
    CHECK_INT(code("&#3;"), 1);
    CHECK_INT(code("___"), 1);
    CHECK_INT(code("}"), 1);
    /* CRLF line ends. */
    CHECK_INT(code("Share this:\r\nThe vote passed.\r\nAdvertisement\r\n"), 2);
    CHECK(spans_sane());
}

static void test_all_boilerplate(void) {
    const char *t = "Advertisement\n\nShare this:\nFacebook\nTwitter\n\nBy Maria Ortiz\n\n"
                    "Photo: AFP/Getty Images\n\nSubscribe to our newsletter\n\n"
                    "© 2023 Reuters. All rights reserved.\n\nMost Read\n";
    CHECK_INT(code(t), 9);
    CHECK(spans_sane());
}

static void test_mixed(void) {
    const char *t =
        "Senate passes budget after late-night session\n\n"
        "By Ann Lee, Reuters\n\n"
        "WASHINGTON (Reuters) - The Senate passed a $1.2 trillion budget early on Friday, averting a shutdown.\n\n"
        "Read more: House leaders plan a vote next week\n\n"
        "“We got it done,” the majority leader told reporters. The vote was 61-39.\n\n"
        "Advertisement\n\n"
        "The bill now goes to the House, where its fate is less certain.\n\n"
        "(Reporting by Ann Lee; Editing by Bo Kim)\n";
    CHECK_INT(code(t), 4);
    CHECK_INT(marked("By Ann Lee, Reuters"), 1);
    CHECK_INT(marked("Read more: House leaders plan a vote next week"), 1);
    CHECK_INT(marked("Advertisement"), 1);
    CHECK_INT(marked("(Reporting by Ann Lee; Editing by Bo Kim)"), 1);
    CHECK_INT(marked("WASHINGTON (Reuters)"), 0);
    CHECK(spans_sane());
}

static void test_css(void) {
    const char *t = "The candidate spoke for an hour.\n\n.bio-text {\n   text-align: left;\n   width:100%;\n   }\n\n"
                    "He left without taking questions.";
    CHECK_INT(code(t), 4);
    CHECK_INT(marked(".bio-text {"), 1);
    CHECK_INT(marked("text-align: left;"), 1);
    CHECK_INT(marked("He left"), 0);
    CHECK(spans_sane());
}

static void test_editor_note(void) {
    /* A note broken over short lines is one span. */
    const char *t = "The rally ended at noon.\n\nEditor’s note: The candidate regularly\nincites\n"
                    "violence and has pledged to ban all\nvisitors.\n\nNext story.";
    CHECK_INT(code(t), 1);
    CHECK_INT(marked("Editor’s note: The candidate regularly\nincites\nviolence and has pledged to ban all\nvisitors."),
              1);
}

static void test_token_flags(void) {
    const char *t = "The vote passed.\nSubscribe to our newsletter\nIt was close.";
    CHECK_INT(code(t), 1);
    dyad_span s = dyad_doc_boilerplate(doc, 0);
    int inside = 0, outside_marked = 0;
    for (size_t i = 0; i < doc->ntok; i++) {
        int in = doc->toks[i].start >= s.start && doc->toks[i].start < s.end;
        int flag = (doc->toks[i].flags & TOKF_BOILER) != 0;
        if (in && flag) inside++;
        if (in != flag) outside_marked++;
    }
    CHECK(inside >= 4); /* Subscribe to our newsletter */
    CHECK_INT(outside_marked, 0);
}

int main(void) {
    if (dyad_ctx_open(&ctx, NULL) != DYAD_OK || dyad_doc_new(&doc) != DYAD_OK) return 1;
    RUN(test_subscription);
    RUN(test_social);
    RUN(test_cookies);
    RUN(test_copyright);
    RUN(test_photo);
    RUN(test_bylines);
    RUN(test_reuters_signature);
    RUN(test_negatives);
    RUN(test_degenerate);
    RUN(test_all_boilerplate);
    RUN(test_mixed);
    RUN(test_css);
    RUN(test_editor_note);
    RUN(test_token_flags);
    dyad_doc_free(doc);
    dyad_ctx_close(ctx);
    TEST_END();
}
