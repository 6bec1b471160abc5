/* test_quote.c -- direct, partial and indirect quotes and their speakers.
 *
 * Documents are tagged and parsed with the real models (models/); the
 * actor stage is replaced by actors and mentions given by hand (a name
 * and the spans that refer to it), so these tests check quote.c alone.
 * One test runs without the models: the surface patterns and the quote
 * pairing must work on bare tokens too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "../src/doc.h"
#include "../src/parser.h"
#include "../src/quote.h"
#include "../src/tagger.h"
#include "../src/ud.h"
#include "test.h"

static tagger *tg;
static parser *ps;

/* A document tagged and parsed; each "Name=alias|alias" of actors becomes
 * an actor with a mention at every occurrence of each alias. */
static dyad_doc *code(const char *text, const char *const *actors, int models) {
    dyad_doc *d;
    if (dyad_doc_new(&d)) return NULL;
    dyad_doc_set_text(d, text, strlen(text));
    dyad_doc_code(NULL, d);
    if (models) {
        tagger_run(tg, d);
        parser_run(ps, d);
    }
    for (; actors && *actors; actors++) {
        /* a leading '+' makes the actor a person */
        const char *nm = **actors == '+' ? *actors + 1 : *actors;
        const char *eq = strchr(nm, '=');
        dactor a;
        memset(&a, 0, sizeof a);
        a.name = arena_strndup(&d->a, nm, (size_t)(eq - nm));
        if (nm != *actors) a.type = ENT_PERSON;
        int32_t id = (int32_t)d->nactor;
        doc_push_actor(d, &a);
        const char *p = eq + 1;
        while (*p) {
            const char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            /* the alias alone, not the rest of the list */
            char al[128];
            if (n >= sizeof al) n = sizeof al - 1;
            memcpy(al, p, n);
            al[n] = 0;
            for (const char *h = strstr(text, al); h; h = strstr(h + 1, al)) {
                /* whole words only */
                if (h > text && ((h[-1] | 32) >= 'a' && (h[-1] | 32) <= 'z')) continue;
                if ((h[n] | 32) >= 'a' && (h[n] | 32) <= 'z') continue;
                doc_push_mention(d, (uint32_t)(h - text), (uint32_t)(h - text + n), id);
            }
            if (!bar) break;
            p = bar + 1;
        }
    }
    return d;
}

/* The quote whose content starts with `start` (NULL if none). */
static const dquote *find(const dyad_doc *d, const char *start) {
    for (size_t i = 0; i < d->nquote; i++)
        if (!strncmp(d->text + d->quotes[i].start, start, strlen(start))) return &d->quotes[i];
    return NULL;
}

static int span_is(const dyad_doc *d, uint32_t s, uint32_t e, const char *want) {
    return e - s == strlen(want) && !memcmp(d->text + s, want, e - s);
}

/* Content, kind, cue and speaker of the quote starting with `start`. */
static void expect(const dyad_doc *d, const char *start, const char *end, int kind, const char *cue,
                   const char *speaker, const char *actor) {
    const dquote *q = find(d, start);
    if (!q) {
        fprintf(stderr, "  no quote starting \"%s\"\n", start);
        CHECK(q != NULL);
        return;
    }
    size_t el = strlen(end);
    int end_ok = q->end - q->start >= el && !memcmp(d->text + q->end - el, end, el);
    if (!end_ok) fprintf(stderr, "  \"%s\": content is \"%.*s\"\n", start, (int)(q->end - q->start), d->text + q->start);
    CHECK(end_ok);
    CHECK_INT(q->kind, kind);
    if (cue && !span_is(d, q->cue_start, q->cue_end, cue))
        fprintf(stderr, "  \"%s\": cue \"%.*s\"\n", start, (int)(q->cue_end - q->cue_start), d->text + q->cue_start);
    if (cue) CHECK(span_is(d, q->cue_start, q->cue_end, cue));
    if (speaker && !span_is(d, q->speaker_start, q->speaker_end, speaker))
        fprintf(stderr, "  \"%s\": speaker \"%.*s\"\n", start, (int)(q->speaker_end - q->speaker_start),
                d->text + q->speaker_start);
    if (speaker) CHECK(span_is(d, q->speaker_start, q->speaker_end, speaker));
    if (actor) {
        if (q->speaker_actor < 0) fprintf(stderr, "  \"%s\": no actor\n", start);
        CHECK(q->speaker_actor >= 0);
        if (q->speaker_actor >= 0) CHECK_STR(d->actors[q->speaker_actor].name, actor);
    }
}

/* The tree the parser is known to get wrong, forced on sentence s (the
 * rules for misparses must work whatever the model of the day makes of
 * the sentence): one "UPOS XPOS HEAD DEPREL LEMMA" entry per token,
 * ';'-separated, HEAD counting the sentence's tokens from 1 (0: root). */
static void force(dyad_doc *d, size_t s, const char *spec) {
    if (!d || !d->an || s >= d->nsent) {
        CHECK(0);
        return;
    }
    uint32_t i = d->sents[s].first;
    while (*spec && i < d->sents[s].last) {
        char up[16], xp[16], dep[24], lem[32];
        int h = 0, n = 0;
        if (sscanf(spec, "%15s %15s %d %23s %31[^;]%n", up, xp, &h, dep, lem, &n) != 5) break;
        tokan *a = &d->an[i];
        a->upos = (uint8_t)ud_upos_id(up, strlen(up));
        a->xpos = (uint8_t)ud_xpos_id(xp, strlen(xp));
        a->deprel = (uint8_t)ud_dep_id(dep, strlen(dep));
        a->head = h ? (int32_t)(d->sents[s].first + (uint32_t)h - 1) : -1;
        a->lemma = arena_strndup(&d->a, lem, strlen(lem));
        spec += n;
        while (*spec == ';' || *spec == ' ') spec++;
        i++;
    }
    /* the spec covers the sentence, no more, no less */
    CHECK(!*spec && i == d->sents[s].last);
}

static void test_direct_marks(void) {
    static const char *const A[] = {"Maria Ortiz=Maria Ortiz|Ortiz", NULL};
    dyad_doc *d = code("The talks resumed on Monday.\n\n"
                       "“We will not back down,” Ortiz said.\n\n"
                       "\"This is a fight for the whole region,\" said Maria Ortiz, a senior fellow at the institute.\n\n"
                       "Ortiz told reporters: ‘The government has lost its nerve.’\n\n"
                       "``It is over,'' Ortiz added.\n",
                       A, 1);
    quote_run(d);
    expect(d, "We will not back down", "down,", QUOTE_DIRECT, "said", "Ortiz", "Maria Ortiz");
    expect(d, "This is a fight", "region,", QUOTE_DIRECT, "said", "Maria Ortiz", "Maria Ortiz");
    expect(d, "The government has lost", "nerve.", QUOTE_DIRECT, "told", "Ortiz", "Maria Ortiz");
    expect(d, "It is over", "over,", QUOTE_DIRECT, "added", "Ortiz", "Maria Ortiz");
    /* in text order, and idempotent */
    for (size_t i = 1; i < d->nquote; i++) CHECK(d->quotes[i - 1].start <= d->quotes[i].start);
    size_t n = d->nquote;
    quote_run(d);
    CHECK_INT(d->nquote, n);
    dyad_doc_free(d);
}

static void test_split_and_nested(void) {
    static const char *const A[] = {"Maria Ortiz=Maria Ortiz|Ortiz|she", NULL};
    dyad_doc *d = code("Maria Ortiz spoke in Brussels.\n\n"
                       "“The plan is dead,” she said. “Everyone in the room knew it, and the minister told me "
                       "‘we will try again’ before he left.”\n",
                       A, 1);
    quote_run(d);
    expect(d, "The plan is dead", "dead,", QUOTE_DIRECT, "said", "she", "Maria Ortiz");
    /* the second half is the same attribution, nested quote included */
    expect(d, "Everyone in the room", "left.", QUOTE_DIRECT, "said", "she", "Maria Ortiz");
    CHECK(find(d, "we will try again") == NULL);
    dyad_doc_free(d);
}

static void test_multi_paragraph(void) {
    static const char *const A[] = {"Maria Ortiz=Maria Ortiz|Ortiz", NULL};
    dyad_doc *d = code("Ortiz said:\n\n"
                       "“The first thing to understand is that the money is gone.\n\n"
                       "“The second thing is that nobody will say where it went.”\n\n"
                       "The ministry did not respond.\n",
                       A, 1);
    quote_run(d);
    const dquote *q = find(d, "The first thing");
    CHECK(q != NULL);
    if (q) {
        /* one quote over both paragraphs, the closing mark at the end */
        CHECK(span_is(d, q->end - 4, q->end, "ent."));
        CHECK_INT(q->kind, QUOTE_DIRECT);
        CHECK(q->speaker_actor == 0);
    }
    CHECK(find(d, "The ministry") == NULL);
    dyad_doc_free(d);
}

static void test_unbalanced(void) {
    static const char *const A[] = {"Maria Ortiz=Maria Ortiz|Ortiz", "Jan Novak=Jan Novak|Novak", NULL};
    /* the first quote never closes: it must end with its paragraph, and the
     * later paragraphs keep their own quotes and attributions */
    dyad_doc *d = code("“We will win this, Ortiz said at the rally.\n\n"
                       "The crowd cheered for several minutes.\n\n"
                       "“Nobody believes that,” Novak said.\n\n"
                       "Novak added that the vote would be close.\n",
                       A, 1);
    quote_run(d);
    /* the lost closing mark goes before the attribution */
    expect(d, "We will win this", "this,", QUOTE_DIRECT, "said", "Ortiz", "Maria Ortiz");
    CHECK(find(d, "The crowd") == NULL);
    expect(d, "Nobody believes that", "that,", QUOTE_DIRECT, "said", "Novak", "Jan Novak");
    expect(d, "that the vote would be close", "close", QUOTE_INDIRECT, "added", "Novak", "Jan Novak");
    dyad_doc_free(d);
}

static void test_partial(void) {
    static const char *const A[] = {"Emmanuel Macron=Emmanuel Macron|Macron", NULL};
    dyad_doc *d = code("Emmanuel Macron called for “a new chapter” in relations with Algeria.\n\n"
                       "The film “Casablanca” was shown at the festival.\n",
                       A, 1);
    quote_run(d);
    expect(d, "a new chapter", "chapter", QUOTE_PARTIAL, NULL, "Emmanuel Macron", "Emmanuel Macron");
    /* a title in quotes is nobody's statement */
    CHECK(find(d, "Casablanca") == NULL);
    dyad_doc_free(d);
}

static void test_indirect(void) {
    static const char *const A[] = {"Maria Ortiz=Maria Ortiz|Ortiz", "Reuters=Reuters", NULL};
    dyad_doc *d = code("Ortiz said she believes that the deal will collapse within a year.\n\n"
                       "According to Ortiz, the talks failed because of the border dispute.\n\n"
                       "The ceasefire will not hold, officials said.\n\n"
                       "Ortiz told Reuters that the army was preparing a new offensive.\n\n"
                       "European diplomats say the sanctions are working.\n",
                       A, 1);
    quote_run(d);
    expect(d, "she believes that the deal", "within a year", QUOTE_INDIRECT, "said", "Ortiz", "Maria Ortiz");
    /* nested reported speech is the outer statement's */
    CHECK(find(d, "that the deal will collapse") == NULL);
    expect(d, "the talks failed", "dispute", QUOTE_INDIRECT, "According to", "Ortiz", "Maria Ortiz");
    expect(d, "The ceasefire will not hold", "hold", QUOTE_INDIRECT, "said", "officials", NULL);
    expect(d, "that the army was preparing", "offensive", QUOTE_INDIRECT, "told", "Ortiz", "Maria Ortiz");
    expect(d, "the sanctions are working", "working", QUOTE_INDIRECT, "say", "European diplomats", NULL);
    dyad_doc_free(d);
}

/* Speakers the parser does not hand over: a participle's subject, a name
 * before a relative clause, the issuer of a statement, a partial quote
 * inside reported speech, a quote after a dash. */
static void test_speakers(void) {
    static const char *const A[] = {"Maria Ortiz=Maria Ortiz|Ortiz", "Jan Novak=Jan Novak|Novak",
                                    "Green Party=Green Party", NULL};
    dyad_doc *d = code("Ortiz was upbeat about the vote, saying the coalition would hold.\n\n"
                       "Novak, who said last week that he would resign, said the party needs new leaders.\n\n"
                       "The Green Party issued a statement saying it would not join the government.\n\n"
                       "Ortiz declared that any new deal would demand \"absolute secrecy.\"\n\n"
                       "Novak also defended the plan -- \"It is the only way out of this crisis.\"\n",
                       A, 1);
    quote_run(d);
    expect(d, "the coalition would hold", "hold", QUOTE_INDIRECT, "saying", "Ortiz", "Maria Ortiz");
    expect(d, "the party needs new leaders", "leaders", QUOTE_INDIRECT, "said", "Novak", "Jan Novak");
    expect(d, "it would not join", "government", QUOTE_INDIRECT, "saying", "The Green Party", "Green Party");
    /* the fragment is Ortiz's statement, not the deal's "demand" */
    expect(d, "absolute secrecy", "secrecy.", QUOTE_PARTIAL, "declared", "Ortiz", "Maria Ortiz");
    expect(d, "It is the only way", "crisis.", QUOTE_DIRECT, NULL, "Novak", "Jan Novak");
    dyad_doc_free(d);
}

/* Subjects the parser hangs elsewhere: on an auxiliary, a time taken
 * for the participle's subject, a name before a prepositional phrase
 * taken for the subject, a name before a relative pronoun, the clause
 * after a perfect participle. */
static void test_speakers_misparsed(void) {
    static const char *const A[] = {"Maria Ortiz=Maria Ortiz|Ortiz", "Jan Novak=Jan Novak|Novak", NULL};
    dyad_doc *d = code("Mrs. Ortiz has since said she would support a higher minimum wage.\n\n"
                       "Before the summit, Novak spent Tuesday discussing trade barriers with the ministers.\n\n"
                       "Jan Novak in a long blog post said he would appoint more judges to the court.\n\n"
                       "Maria Ortiz, who argued that the plan was dead, resigned on Friday.\n\n"
                       "Having announced that he would not run again, Novak proceeded to endorse his deputy.\n",
                       A, 1);
    quote_run(d);
    expect(d, "she would support", "wage", QUOTE_INDIRECT, "said", "Mrs. Ortiz", "Maria Ortiz");
    expect(d, "trade barriers", "ministers", QUOTE_INDIRECT, "discussing", "Novak", "Jan Novak");
    expect(d, "he would appoint", "court", QUOTE_INDIRECT, "said", "Jan Novak", "Jan Novak");
    expect(d, "that the plan was dead", "dead", QUOTE_INDIRECT, "argued", "who", "Maria Ortiz");
    expect(d, "that he would not run", "again", QUOTE_INDIRECT, "announced", "Novak", "Jan Novak");
    dyad_doc_free(d);
}

/* A participle after a mark completes a noun that speaks for nobody
 * ("a long history of blaming"): the clause's subject or the noun's
 * possessor speaks. */
static void test_noun_complement(void) {
    static const char *const A[] = {"Maria Ortiz=Maria Ortiz|Ortiz", "Jan Novak=Jan Novak|Novak", NULL};
    dyad_doc *d = code("Ortiz has a long history of blaming others for her own mistakes.\n\n"
                       "The Novak campaign took the unusual step of criticizing the election commission.\n",
                       A, 1);
    quote_run(d);
    expect(d, "others for her own mistakes", "mistakes", QUOTE_INDIRECT, "blaming", "Ortiz", "Maria Ortiz");
    expect(d, "the election commission", "commission", QUOTE_INDIRECT, "criticizing", "The Novak campaign", NULL);
    dyad_doc_free(d);
}

/* A statement before ", X said." whose comma the parser hangs on the
 * statement, and a cue-less quote paragraph that continues the last
 * speaker's run (a person's, named in the paragraphs just before). */
static void test_runs(void) {
    static const char *const A[] = {"+Maria Ortiz=Maria Ortiz|Ortiz", "Green Party=Green Party", NULL};
    dyad_doc *d = code("Novak intends to deliver a long speech on the budget at the party congress next month, Ortiz "
                       "said, adding that she would attend.\n\n"
                       "“The budget is a disgrace,” Ortiz notes.\n\n"
                       "Ortiz is upbeat about her chances in the spring.\n\n"
                       "“Not only can we win, we are the only ones who can win.”\n\n"
                       "The Green Party issued the following statement:\n\n"
                       "“We will not support this budget.”\n",
                       A, 1);
    quote_run(d);
    expect(d, "Novak intends to deliver", "next month", QUOTE_INDIRECT, "said", "Ortiz", "Maria Ortiz");
    expect(d, "Not only can we win", "can win.", QUOTE_DIRECT, NULL, "Ortiz", "Maria Ortiz");
    /* a block a colon introduces is not the last speaker's */
    const dquote *q = find(d, "We will not support");
    CHECK(q != NULL);
    if (q) CHECK(q->speaker_actor < 0 || strcmp(d->actors[q->speaker_actor].name, "Maria Ortiz"));
    dyad_doc_free(d);
}

/* Speakers of constructions without a subject of their own: an
 * absolute "with X saying", a poll before a time phrase, "I" in a
 * transcript line, "adding" after a reported clause whose subject
 * speaks for nobody. */
static void test_speakers_constructions(void) {
    static const char *const A[] = {"+Jan Novak=Jan Novak|NOVAK", "+Maria Ortiz=Maria Ortiz|Ortiz", NULL};
    dyad_doc *d = code("Turnout rose sharply, with 40 percent of the voters saying they want a new government.\n\n"
                       "A new survey released this week found most families expect higher prices.\n\n"
                       "NOVAK: I think the whole country needs to work together on this.\n\n"
                       "Ortiz said there was no meeting planned with the unions, adding that she would call them.\n",
                       A, 1);
    quote_run(d);
    expect(d, "they want a new government", "government", QUOTE_INDIRECT, "saying", "40 percent", NULL);
    expect(d, "most families expect", "prices", QUOTE_INDIRECT, "found", "A new survey", NULL);
    /* the transcript's turn is the label's, "I think" and all (PolNeAR
     * takes the colon for the cue) */
    expect(d, "I think the whole country needs", "this", QUOTE_INDIRECT, ":", "NOVAK", "Jan Novak");
    CHECK(find(d, "the whole country needs") == NULL);
    expect(d, "that she would call them", "them", QUOTE_INDIRECT, "adding", "Ortiz", "Maria Ortiz");
    dyad_doc_free(d);
}

/* A cue conjoined to a passive clause, a participle clause set off by
 * commas after the name. */
static void test_speakers_segments(void) {
    static const char *const A[] = {"+Jan Novak=Jan Novak|Novak", "+Maria Ortiz=Maria Ortiz|Ortiz", NULL};
    dyad_doc *d = code("By the end of the day, Ms. Ortiz was forced into a rare retreat and said that her words "
                       "had been twisted.\n\n"
                       "Novak, after initially saying he would not run in the state, changed his mind this week.\n",
                       A, 1);
    quote_run(d);
    expect(d, "that her words had been", "twisted", QUOTE_INDIRECT, "said", "Ms. Ortiz", "Maria Ortiz");
    expect(d, "he would not run", "state", QUOTE_INDIRECT, "saying", "Novak", "Jan Novak");
    dyad_doc_free(d);
}

/* More subjects the parser loses: an approximate quantity ("about
 * half of the voters said"), a name taken for a vocative, a fronted
 * participle clause, a speaker after a quote described by two
 * appositives, a first name taken for a verb. */
static void test_speakers_more(void) {
    static const char *const A[] = {"+Jan Novak=Jan Novak|Novak", "+Skip Ortiz=Skip Ortiz|Ortiz", NULL};
    dyad_doc *d = code("In the north, about half of the registered voters said they want a new constitution.\n\n"
                       "Steel makers, for instance, argue that imports from abroad doubled last year.\n\n"
                       "Now, after arguing that the vote was rigged, his team is asking for a recount.\n\n"
                       "“It is an invasion of our domain,” Jan Novak, the attorney general of the province, "
                       "one of the regions suing the ministry, said at an event this month.\n\n"
                       "“There were more voters in 2008,” said Skip Ortiz, a longtime party official.\n",
                       A, 1);
    quote_run(d);
    expect(d, "they want a new constitution", "constitution", QUOTE_INDIRECT, "said", NULL, NULL);
    const dquote *q = find(d, "they want a new constitution");
    if (q) CHECK(q->speaker_end > q->speaker_start);
    expect(d, "that imports from abroad", "year", QUOTE_INDIRECT, "argue", "Steel makers", NULL);
    expect(d, "that the vote was rigged", "rigged", QUOTE_INDIRECT, "arguing", "his team", NULL);
    expect(d, "It is an invasion", "domain,", QUOTE_DIRECT, "said", "Jan Novak", "Jan Novak");
    expect(d, "There were more voters", "2008,", QUOTE_DIRECT, "said", NULL, "Skip Ortiz");
    dyad_doc_free(d);
}

/* A name at the start taken for an auxiliary, a name set off by a comma
 * before the verb taken for an appositive, a cue after a relative
 * clause taken for that clause's own verb, "who" hung on a time. */
static void test_speakers_appositive(void) {
    static const char *const A[] = {"+Jan Novak=Jan Novak|Novak", "+Paul Boreing=Paul Boreing|Boreing",
                                    "+Maria Ortiz=Maria Ortiz|Ortiz", NULL};
    dyad_doc *d = code("Boreing said the members will still meet for drinks and speakers.\n\n"
                       "In discussing the scandals swirling around nominee Maria Ortiz, former ambassador Jan Novak "
                       "told a radio host, “Her slogan might as well be Not Indicted, Yet!”\n\n"
                       "At one point on Sunday, Ortiz, who has nearly 9 million followers, tweeted, “Reporting "
                       "that the killer shouted as he fled.”\n\n"
                       "Senator Jan Novak of Texas, who last year threatened to shut down the government over the "
                       "budget, quickly went up with a negative ad.\n",
                       A, 1);
    quote_run(d);
    expect(d, "the members will still meet", "speakers", QUOTE_INDIRECT, "said", "Boreing", "Paul Boreing");
    expect(d, "Her slogan might", "Yet!", QUOTE_DIRECT, "told", NULL, "Jan Novak");
    expect(d, "Reporting that the killer", "fled.", QUOTE_DIRECT, "tweeted", NULL, "Maria Ortiz");
    expect(d, "to shut down the government", "budget", QUOTE_INDIRECT, "threatened", "who", "Jan Novak");
    dyad_doc_free(d);
}

/* A direct quote with no attribution in its paragraph continues the
 * statement of the paragraph before, even mid-paragraph after a colon. */


/* A participle or infinitive completing a time, a speech, an
 * undertaking or a document speaks for whoever it belongs to: "took the
 * last step Wednesday of announcing", "spent much of her speech
 * praising", "missed a rare chance to argue", "issued statements
 * condemning" (trees as the parser gets them wrong). */
static void test_speakers_owner(void) {
    static const char *const A[] = {"+Jan Novak=Jan Novak|Novak", "+Maria Ortiz=Maria Ortiz|Ortiz|her", NULL};
    dyad_doc *d = code("Novak took the last step Wednesday of announcing that he would retire.\n\n"
                       "Ortiz spent much of her speech praising the new budget.\n\n"
                       "Ortiz missed a rare chance to argue that the tax had failed.\n\n"
                       "The farmers issued statements condemning the new tax.\n",
                       A, 1);
    force(d, 0, "PROPN NNP 2 nsubj Novak; VERB VBD 0 root take; DET DT 5 det the; ADJ JJ 5 amod last; "
                "NOUN NN 2 obj step; PROPN NNP 2 obl:unmarked Wednesday; SCONJ IN 8 mark of; "
                "VERB VBG 6 acl announce; SCONJ IN 12 mark that; PRON PRP 12 nsubj he; AUX MD 12 aux would; "
                "VERB VB 8 ccomp retire; PUNCT . 2 punct .");
    force(d, 1, "PROPN NNP 2 nsubj Ortiz; VERB VBD 0 root spend; ADJ JJ 2 obj much; ADP IN 6 case of; "
                "PRON PRP$ 6 nmod:poss her; NOUN NN 3 nmod speech; VERB VBG 6 acl praise; DET DT 10 det the; "
                "ADJ JJ 10 amod new; NOUN NN 7 obj budget; PUNCT . 2 punct .");
    force(d, 2, "PROPN NNP 2 nsubj Ortiz; VERB VBD 0 root miss; DET DT 5 det a; ADJ JJ 5 amod rare; "
                "NOUN NN 2 obj chance; PART TO 7 mark to; VERB VB 5 acl argue; SCONJ IN 12 mark that; "
                "DET DT 10 det the; NOUN NN 12 nsubj tax; AUX VBD 12 aux have; VERB VBN 7 ccomp fail; "
                "PUNCT . 2 punct .");
    force(d, 3, "DET DT 2 det the; NOUN NNS 3 nsubj farmer; VERB VBD 0 root issue; NOUN NNS 3 obj statement; "
                "VERB VBG 4 acl condemn; DET DT 8 det the; ADJ JJ 8 amod new; NOUN NN 5 obj tax; PUNCT . 3 punct .");
    quote_run(d);
    expect(d, "that he would retire", "retire", QUOTE_INDIRECT, "announcing", "Novak", "Jan Novak");
    expect(d, "the new budget", "budget", QUOTE_INDIRECT, "praising", "her", "Maria Ortiz");
    expect(d, "that the tax had failed", "failed", QUOTE_INDIRECT, "argue", "Ortiz", "Maria Ortiz");
    expect(d, "the new tax", "tax", QUOTE_INDIRECT, "condemning", "The farmers", NULL);
    dyad_doc_free(d);
}

/* Subjects the tree loses around commas: a name after a noun ("the
 * director of the agency, Jan Novak, said"), a noun before a "like"
 * phrase, a cue after "and" ("shook her head and said"), a clitic read
 * as a passive auxiliary ("he's said"). */
static void test_speakers_commas(void) {
    static const char *const A[] = {"+Jan Novak=Jan Novak|Novak|He", "+Maria Ortiz=Maria Ortiz|Ortiz", NULL};
    dyad_doc *d = code("On Monday, the director of the agency, Jan Novak, said that the talks had failed.\n\n"
                       "Danish economists, like their colleagues, say taxing fuel encourages savings.\n\n"
                       "Asked about it, Ms. Ortiz shook her head and said the deal was dead.\n\n"
                       "He's said he believes the vote was fair.\n",
                       A, 1);
    force(d, 0, "ADP IN 2 case on; PROPN NNP 13 obl Monday; PUNCT , 5 punct ,; DET DT 5 det the; "
                "NOUN NN 2 appos director; ADP IN 8 case of; DET DT 8 det the; NOUN NN 5 nmod agency; "
                "PUNCT , 11 punct ,; PROPN NNP 11 compound Jan; PROPN NNP 5 appos Novak; PUNCT , 5 punct ,; "
                "VERB VBD 0 root say; SCONJ IN 18 mark that; DET DT 16 det the; NOUN NNS 18 nsubj talk; "
                "AUX VBD 18 aux have; VERB VBN 13 ccomp fail; PUNCT . 13 punct .");
    force(d, 1, "ADJ JJ 2 amod Danish; NOUN NNS 0 root economist; PUNCT , 6 punct ,; ADP IN 6 case like; "
                "PRON PRP$ 6 nmod:poss their; NOUN NNS 2 nmod colleague; PUNCT , 8 punct ,; "
                "VERB VBP 2 parataxis say; VERB VBG 8 xcomp tax; NOUN NN 11 compound fuel; "
                "NOUN NNS 9 obj encourage; NOUN NNS 11 obj saving; PUNCT . 2 punct .");
    force(d, 2, "VERB VBD 0 root ask; ADP IN 3 case about; PRON PRP 1 obl it; PUNCT , 7 punct ,; "
                "PROPN NNP 6 nmod:desc Ms.; PROPN NNP 7 nsubj Ortiz; VERB VBD 1 parataxis shake; "
                "PRON PRP$ 9 nmod:poss her; NOUN NN 7 obj head; CCONJ CC 11 cc and; VERB VBD 1 conj say; "
                "DET DT 13 det the; NOUN NN 15 nsubj deal; AUX VBD 15 cop be; ADJ JJ 11 ccomp dead; "
                "PUNCT . 1 punct .");
    force(d, 3, "PRON PRP 3 nsubj he; AUX VBZ 3 aux:pass 's; VERB VBD 0 root say; PRON PRP 5 nsubj he; "
                "VERB VBZ 3 ccomp believe; DET DT 7 det the; NOUN NN 9 nsubj vote; AUX VBD 9 cop be; "
                "ADJ JJ 5 ccomp fair; PUNCT . 3 punct .");
    quote_run(d);
    expect(d, "that the talks had failed", "failed", QUOTE_INDIRECT, "said", "Jan Novak", "Jan Novak");
    expect(d, "taxing fuel encourages", "savings", QUOTE_INDIRECT, "say", "Danish economists", NULL);
    expect(d, "the deal was dead", "dead", QUOTE_INDIRECT, "said", "Ms. Ortiz", "Maria Ortiz");
    expect(d, "he believes the vote", "fair", QUOTE_INDIRECT, "said", "He", "Jan Novak");
    dyad_doc_free(d);
}

/* Constructions where the parser loses the subject, each sentence forced
 * to the misparse: a free adjunct hung on the noun before its comma, a
 * time adjunct between an appositive name and its verb, an interposed
 * adverbial clause, a fronted prepositional phrase taken for the
 * subject, a "whose" relative clause, a long parenthesis, quotative
 * inversion with any verb, a double-barrelled name. */
static void test_speakers_adjuncts(void) {
    static const char *const A[] = {"+Jan Novak=Jan Novak|Novak", "+Maria Ortiz=Maria Ortiz|Ortiz",
                                    "+Ana Lopez-Reyes=Ana Lopez-Reyes", NULL};
    dyad_doc *d = code("Novak spoke at the convention center, arguing that the plan would fail.\n\n"
                       "Inside the hall, Novak on Tuesday dismissed the report as a fake.\n\n"
                       "Ortiz's office, when reached by phone, said the aide could not recall the meeting.\n\n"
                       "In an interview with a local paper, Jan Novak says the plan is dead.\n\n"
                       "Novak, whose views on trade have upset his party, last year proposed a tax on imports.\n\n"
                       "The size of the deficit has left many voters, including his friends, wondering what he "
                       "believes.\n\n"
                       "But Novak (a senator so young he is taken for an intern) says he was lost in his first "
                       "weeks.\n\n"
                       "“We will not back down,” remembered Maria Ortiz, a former aide.\n\n"
                       "“The numbers are clear,” Ana Lopez-Reyes, an adviser to the mayor and former head of the "
                       "city budget office, wrote after the vote.\n",
                       A, 1);
    force(d, 0, "PROPN NNP 2 nsubj Novak; VERB VBD 0 root speak; ADP IN 6 case at; DET DT 6 det the; "
                "NOUN NN 6 compound convention; NOUN NN 2 obl center; PUNCT , 8 punct ,; VERB VBG 6 acl argue; "
                "SCONJ IN 13 mark that; DET DT 11 det the; NOUN NN 13 nsubj plan; AUX MD 13 aux will; "
                "VERB VB 8 ccomp fail; PUNCT . 2 punct .");
    force(d, 1, "ADV RB 8 advmod inside; DET DT 3 det the; NOUN NN 8 nsubj hall; PUNCT , 5 punct ,; "
                "PROPN NNP 3 appos Novak; ADP IN 7 case on; PROPN NNP 3 nmod Tuesday; VERB VBD 0 root dismiss; "
                "DET DT 10 det the; NOUN NN 8 obj report; ADP IN 13 case as; DET DT 13 det a; NOUN NN 8 obl fake; "
                "PUNCT . 8 punct .");
    force(d, 2, "PROPN NNP 3 nmod:poss Ortiz; PART POS 1 case 's; NOUN NN 10 ccomp office; PUNCT , 3 punct ,; "
                "ADV WRB 6 advmod when; VERB VBN 10 advcl reach; ADP IN 8 case by; NOUN NN 6 obl:agent phone; "
                "PUNCT , 6 punct ,; VERB VBD 0 root say; DET DT 12 det the; NOUN NN 15 nsubj aide; "
                "AUX MD 15 aux could; PART RB 15 advmod not; VERB VB 10 ccomp recall; DET DT 17 det the; "
                "NOUN NN 15 obj meeting; PUNCT . 10 punct .");
    force(d, 3, "ADP IN 3 case in; DET DT 3 det an; NOUN NN 11 nsubj interview; ADP IN 7 case with; "
                "DET DT 7 det a; ADJ JJ 7 amod local; NOUN NN 3 nmod paper; PUNCT , 10 punct ,; "
                "PROPN NNP 10 compound Jan; PROPN NNP 7 conj Novak; VERB VBZ 0 root say; DET DT 13 det the; "
                "NOUN NN 15 nsubj plan; AUX VBZ 15 cop be; ADJ JJ 11 ccomp dead; PUNCT . 11 punct .");
    force(d, 4, "PROPN NNP 8 vocative Novak; PUNCT , 1 punct ,; PRON WP$ 4 nmod:poss whose; NOUN NNS 8 nsubj view; "
                "ADP IN 6 case on; NOUN NN 4 nmod trade; AUX VBP 8 aux have; VERB VBN 0 root upset; "
                "PRON PRP$ 10 nmod:poss his; NOUN NN 8 obj party; PUNCT , 14 punct ,; ADJ JJ 13 amod last; "
                "NOUN NN 14 obl:unmarked year; VERB VBD 8 parataxis propose; DET DT 16 det a; NOUN NN 14 obj tax; "
                "ADP IN 18 case on; NOUN NNS 16 nmod import; PUNCT . 8 punct .");
    force(d, 5, "DET DT 2 det the; NOUN NN 7 nsubj size; ADP IN 5 case of; DET DT 5 det the; NOUN NN 2 nmod deficit; "
                "AUX VBZ 7 aux have; VERB VBN 0 root leave; ADJ JJ 9 amod many; NOUN NNS 7 obj voter; "
                "PUNCT , 13 punct ,; VERB VBG 13 case include; PRON PRP$ 13 nmod:poss his; NOUN NNS 7 obl friend; "
                "PUNCT , 15 punct ,; VERB VBG 13 acl wonder; PRON WP 15 obj what; PRON PRP 18 nsubj he; "
                "VERB VBZ 16 acl:relcl believe; PUNCT . 7 punct .");
    quote_run(d);
    expect(d, "that the plan would fail", "fail", QUOTE_INDIRECT, "arguing", "Novak", "Jan Novak");
    expect(d, "the report", "report", QUOTE_INDIRECT, "dismissed", "Novak", "Jan Novak");
    expect(d, "the aide could not", "meeting", QUOTE_INDIRECT, "said", "Ortiz's office", NULL);
    expect(d, "the plan is dead", "dead", QUOTE_INDIRECT, "says", "Jan Novak", "Jan Novak");
    expect(d, "a tax on imports", "imports", QUOTE_INDIRECT, "proposed", "Novak", "Jan Novak");
    /* (a subject that cannot speak leaves the participle to the noun) */
    expect(d, "what he believes", "believes", QUOTE_INDIRECT, "wondering", "his friends", NULL);
    expect(d, "he was lost", "weeks", QUOTE_INDIRECT, "says", "Novak", "Jan Novak");
    expect(d, "We will not back down", "down,", QUOTE_DIRECT, "remembered", "Maria Ortiz", "Maria Ortiz");
    expect(d, "The numbers are clear", "clear,", QUOTE_DIRECT, "wrote", "Ana Lopez-Reyes", "Ana Lopez-Reyes");
    dyad_doc_free(d);
}

/* Speakers after the cue or far from it: "Said NAME, who ..., “…”" with
 * the name taken for an object, "said one well-connected official"
 * with no subject in the tree, "As NAME, a professor, put it" with the
 * verb taken for a base form, a tree rooted in the speaker's noun. */
static void test_speakers_inverted(void) {
    static const char *const A[] = {"+Jan Novak=Jan Novak|Novak", "+Maria Ortiz=Maria Ortiz|Ortiz", NULL};
    dyad_doc *d = code("Said Maria Ortiz, “We were so proud of her.”\n\n"
                       "“The party will lose,” said one well-connected official.\n\n"
                       "As Jan Novak, a professor of law, put it, “The court has spoken.”\n\n"
                       "Ms. Ortiz, channeling her roots, responded by saying the plan had merit.\n",
                       A, 1);
    force(d, 0, "VERB VBD 0 root say; PROPN NNP 1 obj Maria; PROPN NNP 2 flat Ortiz; PUNCT , 10 punct ,; "
                "PUNCT `` 10 punct \"; PRON PRP 10 nsubj we; AUX VBD 10 cop be; ADV RB 10 advmod so; "
                "ADJ JJ 1 parataxis proud; ADP IN 12 case of; PRON PRP 10 obl her; PUNCT . 10 punct .; "
                "PUNCT '' 10 punct \"");
    force(d, 1, "PUNCT `` 5 punct \"; DET DT 3 det the; NOUN NN 5 nsubj party; AUX MD 5 aux will; "
                "VERB VB 0 root lose; PUNCT , 5 punct ,; PUNCT '' 5 punct \"; VERB VBD 5 parataxis say; "
                "NUM CD 8 obj one; ADV RB 12 advmod well; PUNCT HYPH 12 punct -; VERB VBN 13 amod connect; "
                "NOUN NN 9 nmod official; PUNCT . 5 punct .");
    force(d, 2, "SCONJ IN 6 mark as; PROPN NNP 6 nsubj Jan; PROPN NNP 2 flat Novak; PUNCT , 6 punct ,; "
                "DET DT 6 det a; NOUN NN 10 advcl professor; ADP IN 8 case of; NOUN NN 6 nmod law; "
                "PUNCT , 6 punct ,; VERB VB 0 root put; PRON PRP 10 obj it; PUNCT , 10 punct ,; "
                "PUNCT `` 17 punct \"; DET DT 15 det the; NOUN NN 17 nsubj court; AUX VBZ 17 aux have; "
                "VERB VBN 10 parataxis speak; PUNCT . 17 punct .; PUNCT '' 17 punct \"");
    quote_run(d);
    expect(d, "We were so proud", "her.", QUOTE_DIRECT, "Said", "Maria Ortiz", "Maria Ortiz");
    expect(d, "The party will lose", "lose,", QUOTE_DIRECT, "said", "one", NULL);
    expect(d, "The court has spoken", "spoken.", QUOTE_DIRECT, "put it", "Jan Novak", "Jan Novak");
    dyad_doc_free(d);
}

/* Speakers the parse hides behind a clause: a relative clause with
 * commas of its own between the subject and its verb; a free adjunct the
 * parser hung on a complement or adverbial clause (the main clause's
 * subject controls it); a fronted "Two years after backing ..." clause
 * the parser took for the subject. */
static void test_speakers_clauses(void) {
    static const char *const A[] = {"+Jan Novak=Jan Novak|Novak", "+Maria Ortiz=Maria Ortiz|Ortiz",
                                    "+Ana Lopez=Ana Lopez|Lopez", NULL};
    dyad_doc *d = code("Novak, whose latest company, Acme, makes gears, said the plan was dead.\n\n"
                       "Ortiz complained that Novak is too rigid, suggesting the senator sees issues as black "
                       "and white.\n\n"
                       "Lopez apologized for the posts after they surfaced, saying they were old.\n\n"
                       "Two years after backing the tax, Novak now says the plan is dead.\n",
                       A, 1);
    force(d, 0, "PROPN NNP 9 nsubj Novak; PUNCT , 5 punct ,; PRON WP$ 5 nmod:poss whose; ADJ JJS 5 amod late; "
                "NOUN NN 1 appos company; PUNCT , 7 punct ,; PROPN NNP 1 conj Acme; PUNCT , 1 punct ,; "
                "VERB VBZ 12 ccomp make; NOUN NNS 9 obj gear; PUNCT , 9 punct ,; VERB VBD 0 root say; "
                "DET DT 14 det the; NOUN NN 16 nsubj plan; AUX VBD 16 cop be; ADJ JJ 12 ccomp dead; "
                "PUNCT . 12 punct .");
    force(d, 1, "PROPN NNP 2 nsubj Ortiz; VERB VBD 0 root complain; SCONJ IN 7 mark that; PROPN NNP 7 nsubj Novak; "
                "AUX VBZ 7 cop be; ADV RB 7 advmod too; ADJ JJ 2 ccomp rigid; PUNCT , 9 punct ,; "
                "VERB VBG 7 advcl suggest; DET DT 11 det the; NOUN NN 12 nsubj senator; VERB VBZ 9 ccomp see; "
                "NOUN NNS 12 obj issue; ADP IN 15 case as; ADJ JJ 12 obl black; CCONJ CC 17 cc and; "
                "ADJ JJ 15 conj white; PUNCT . 2 punct .");
    force(d, 2, "PROPN NNP 2 nsubj Lopez; VERB VBD 0 root apologize; ADP IN 5 case for; DET DT 5 det the; "
                "NOUN NNS 2 obl post; SCONJ IN 8 mark after; PRON PRP 8 nsubj they; VERB VBD 2 advcl surface; "
                "PUNCT , 10 punct ,; VERB VBG 8 advcl say; PRON PRP 13 nsubj they; AUX VBD 13 cop be; "
                "ADJ JJ 10 ccomp old; PUNCT . 2 punct .");
    force(d, 3, "NUM CD 2 nummod two; NOUN NNS 10 nsubj year; SCONJ IN 4 mark after; VERB VBG 2 acl back; "
                "DET DT 6 det the; NOUN NN 4 obj tax; PUNCT , 8 punct ,; PROPN NNP 6 conj Novak; "
                "ADV RB 10 advmod now; VERB VBZ 0 root say; DET DT 12 det the; NOUN NN 14 nsubj plan; "
                "AUX VBZ 14 cop be; ADJ JJ 10 ccomp dead; PUNCT . 10 punct .");
    quote_run(d);
    expect(d, "the plan was dead", "dead", QUOTE_INDIRECT, "said", "Novak", "Jan Novak");
    expect(d, "the senator sees", "white", QUOTE_INDIRECT, "suggesting", "Ortiz", "Maria Ortiz");
    expect(d, "they were old", "old", QUOTE_INDIRECT, "saying", "Lopez", "Ana Lopez");
    expect(d, "the plan is dead", "dead", QUOTE_INDIRECT, "says", "Novak", "Jan Novak");
    expect(d, "the tax", "", QUOTE_INDIRECT, "backing", "Novak", "Jan Novak");
    dyad_doc_free(d);
}

/* More speakers from broken trees: a participle after a noun-rooted
 * clause ("For months, Novak has been on the sidelines, arguing"), a
 * tree rooted in the speaker ("Ms. Ortiz, channeling her roots,
 * responded by saying"), a fronted phrase ("In addition to worrying
 * that ..., Ortiz is"), an infinitive under a passive ("is poised to
 * argue"), an object-control infinitive ("forced Novak to admit"), a
 * poll's respondents, a participle quote going on with the last
 * speaker ("Adding, “…”"). */
static void test_speakers_broken(void) {
    static const char *const A[] = {"+Jan Novak=Jan Novak|Novak", "+Maria Ortiz=Maria Ortiz|Ortiz", NULL};
    dyad_doc *d = code("For months, Novak has been on the sidelines, arguing he did not want to choose.\n\n"
                       "Ms. Ortiz, channeling her roots, responded by saying the plan had merit.\n\n"
                       "In addition to worrying that she is out of step, Ortiz is hemmed in by her record.\n\n"
                       "Novak is poised to argue he is in the race for good.\n\n"
                       "The scandal forced Novak to admit that he had lied.\n\n"
                       "In a new Gallup poll, 40 percent said they support the plan.\n\n"
                       "“We will win this district,” Ortiz said on Sunday.\n\n"
                       "Adding, “The voters are with us and they know it.”\n",
                       A, 1);
    force(d, 0, "ADP IN 2 case for; NOUN NNS 0 root month; PUNCT , 9 punct ,; PROPN NNP 9 nsubj Novak; "
                "AUX VBZ 9 aux have; AUX VBN 9 cop be; ADP IN 9 case on; DET DT 9 det the; NOUN NNS 2 conj sideline; "
                "PUNCT , 11 punct ,; VERB VBG 2 conj argue; PRON PRP 15 nsubj he; AUX VBD 15 aux do; "
                "PART RB 15 advmod not; VERB VB 11 ccomp want; PART TO 17 mark to; VERB VB 15 xcomp choose; "
                "PUNCT . 2 punct .");
    force(d, 1, "PROPN NNP 2 nmod:desc Ms.; PROPN NNP 0 root Ortiz; PUNCT , 4 punct ,; VERB VBG 2 advcl channel; "
                "PRON PRP$ 6 nmod:poss her; NOUN NNS 4 obj root; PUNCT , 8 punct ,; VERB VBN 4 advcl respond; "
                "SCONJ IN 10 mark by; VERB VBG 8 advcl say; DET DT 12 det the; NOUN NN 13 nsubj plan; "
                "VERB VBD 10 ccomp have; NOUN NN 13 obj merit; PUNCT . 2 punct .");
    force(d, 2, "ADP IN 2 case in; NOUN NN 14 obl addition; PART TO 4 mark to; VERB VBG 2 acl worry; "
                "SCONJ IN 10 mark that; PRON PRP 10 nsubj she; AUX VBZ 10 cop be; ADP IN 10 case out; "
                "ADP IN 10 case of; NOUN NN 4 ccomp step; PUNCT , 14 punct ,; PROPN NNP 14 nsubj:pass Ortiz; "
                "AUX VBZ 14 aux:pass be; VERB VBN 0 root hem; ADP RP 14 compound:prt in; ADP IN 18 case by; "
                "PRON PRP$ 18 nmod:poss her; NOUN NN 14 obl:agent record; PUNCT . 14 punct .");
    force(d, 3, "PROPN NNP 3 nsubj:pass Novak; AUX VBZ 3 aux:pass be; VERB VBN 0 root poise; PART TO 5 mark to; "
                "VERB VB 3 xcomp argue; PRON PRP 8 nsubj he; AUX VBZ 8 cop be; ADP IN 10 case in; DET DT 10 det the; "
                "NOUN NN 5 ccomp race; ADP IN 12 case for; ADJ JJ 10 nmod good; PUNCT . 3 punct .");
    quote_run(d);
    expect(d, "he did not want", "choose", QUOTE_INDIRECT, "arguing", "Novak", "Jan Novak");
    expect(d, "the plan had merit", "merit", QUOTE_INDIRECT, "saying", "Ms. Ortiz", "Maria Ortiz");
    expect(d, "that she is out of step", "step", QUOTE_INDIRECT, "worrying", "Ortiz", "Maria Ortiz");
    expect(d, "he is in the race", "good", QUOTE_INDIRECT, "argue", "Novak", "Jan Novak");
    expect(d, "that he had lied", "lied", QUOTE_INDIRECT, "admit", "Novak", "Jan Novak");
    expect(d, "they support the plan", "plan", QUOTE_INDIRECT, "said", "a new Gallup poll", NULL);
    expect(d, "The voters are with us", "it.", QUOTE_DIRECT, "Adding", "Ortiz", "Maria Ortiz");
    dyad_doc_free(d);
}

/* Layouts and outer attributions: a signature on the line after a quote
 * that is a paragraph of its own, "quoted an aide as saying" (the
 * quoting verb is the cue), a speech verb inverted after a comma later
 * in the quote's sentence, a bare passive participle's agent ("Asked by
 * Novak to respond"), a paper reporting what was said ('“…,” Ortiz
 * said, the Times reported.' is the paper's, the outermost). */
static void test_speakers_layouts(void) {
    static const char *const A[] = {"+Jan Novak=Jan Novak|Novak", "+Maria Ortiz=Maria Ortiz|Ortiz",
                                    "The Times=Times", "The Post=Post", NULL};
    dyad_doc *d = code("“We will win this district.”\n\n"
                       "- Jan Novak, speaking in Ohio.\n\n"
                       "The Post quoted a senior aide as saying the plan was dead.\n\n"
                       "“The vote was rigged” if the count stands, said Maria Ortiz, a local lawyer.\n\n"
                       "Asked by Novak to respond, Ortiz refused.\n\n"
                       "“There will always be exceptions,” Ortiz said, the Times reported.\n",
                       A, 1);
    quote_run(d);
    expect(d, "We will win this district", "district.", QUOTE_DIRECT, "-", "Jan Novak", "Jan Novak");
    expect(d, "the plan was dead", "dead", QUOTE_INDIRECT, "quoted", "The Post", "The Post");
    expect(d, "The vote was rigged", "rigged", QUOTE_DIRECT, "said", "Maria Ortiz", "Maria Ortiz");
    expect(d, "to respond", "respond", QUOTE_INDIRECT, "Asked", "Novak", "Jan Novak");
    expect(d, "There will always be exceptions", "exceptions,", QUOTE_DIRECT, "reported", "the Times", "The Times");
    dyad_doc_free(d);
}
/* Only the outermost attribution is kept: the intention inside a
 * statement ("said last week that he plans to"), the statement a
 * document relays ("..." Ortiz said, according to a court filing), the
 * clause on both sides of a parenthetical "Ortiz said," and the one
 * before a cue that closes the sentence whatever the parse (also with a
 * time adjunct after it); a quote with no cue of its own takes the cue
 * that closes its sentence. */
static void test_outermost(void) {
    static const char *const A[] = {"+Lena Ortiz=Lena Ortiz|Ortiz", "+Tomas Berg=Tomas Berg|Berg", NULL};
    dyad_doc *d = code("Berg said last week that he plans to introduce his own bill on the river dams.\n\n"
                       "“The dams will not be rebuilt,” Ortiz said, according to a court filing.\n\n"
                       "Recently, Ortiz said, the town has realized that the mill will never open again.\n\n"
                       "Berg explained how he felt betrayed by a plan she persuaded him to back but later "
                       "abandoned, two aides said.\n\n"
                       "\"The council would call that a defeat\" if the vote failed by a wide margin, Lena Ortiz "
                       "said.\n\n"
                       "Berg told reporters on Monday he was warned by two aides to sell the shares, the Daily "
                       "Courier reported late Thursday.\n",
                       A, 1);
    quote_run(d);
    expect(d, "he plans to introduce", "dams", QUOTE_INDIRECT, "said", "Berg", "Tomas Berg");
    CHECK(find(d, "to introduce his own bill") == NULL);
    expect(d, "The dams will not be rebuilt", "rebuilt,", QUOTE_DIRECT, "according to", "a court filing", NULL);
    expect(d, "Recently", "Recently", QUOTE_INDIRECT, "said", "Ortiz", "Lena Ortiz");
    expect(d, "the town has realized", "again", QUOTE_INDIRECT, "said", "Ortiz", "Lena Ortiz");
    CHECK(find(d, "that the mill will never") == NULL);
    expect(d, "Berg explained how", "abandoned", QUOTE_INDIRECT, "said", "two aides", NULL);
    /* a quote of no one, the sentence's cue after a clause */
    expect(d, "The council would call", "defeat", QUOTE_DIRECT, "said", "Lena Ortiz", "Lena Ortiz");
    /* the cue's time adjunct after it */
    expect(d, "Berg told reporters", "shares", QUOTE_INDIRECT, "reported", "the Daily Courier", NULL);
    CHECK(find(d, "he was warned") == NULL);
    dyad_doc_free(d);
}

static void test_continuation(void) {
    static const char *const A[] = {"Maria Ortiz=Maria Ortiz|Ortiz", NULL};
    dyad_doc *d = code("“We made a terrible mistake,” Ortiz told reporters in October.\n\n"
                       "Then, later that month on television: “I never said we made a mistake.”\n",
                       A, 1);
    quote_run(d);
    expect(d, "We made a terrible mistake", "mistake,", QUOTE_DIRECT, "told", "Ortiz", "Maria Ortiz");
    expect(d, "I never said", "mistake.", QUOTE_DIRECT, "told", "Ortiz", "Maria Ortiz");
    dyad_doc_free(d);
}

/* Quotes signed with a dash on their own line, and transcript lines whose
 * label names the speaker. */
static void test_signed_and_transcript(void) {
    static const char *const A[] = {"Mike Pence=Mike Pence", "Pamela Padilla=Pamela Padilla", NULL};
    dyad_doc *d = code("Readers answered our call.\n"
                       "“He is ignorant of our culture and lives.” ― Pamela Padilla\n"
                       "“Maybe we can build a wall around him.” — Steve Quinlan\n\n"
                       "Partial transcript as follows:\n\n"
                       "\"PENCE: Well, look, this is serious business.\n\n"
                       "\"WALLACE: Will she be there tomorrow night?\n",
                       A, 1);
    quote_run(d);
    expect(d, "He is ignorant", "lives.", QUOTE_DIRECT, "―", "Pamela Padilla", "Pamela Padilla");
    expect(d, "Maybe we can build", "him.", QUOTE_DIRECT, "—", "Steve Quinlan", NULL);
    expect(d, "PENCE: Well", "business.", QUOTE_DIRECT, NULL, "PENCE", "Mike Pence");
    expect(d, "WALLACE: Will she", "night?", QUOTE_DIRECT, NULL, "WALLACE", NULL);
    dyad_doc_free(d);
}

/* Outer cues the clause does not name: a label opening a headline or a
 * transcript line speaks for the statement after it, and a noun of
 * saying with a possessive owner ("Ortiz's claim that ...") for its
 * complement -- not when it is the object of someone else's verb. */
static void test_outer_labels_and_nouns(void) {
    static const char *const A[] = {"+Maria Ortiz=Ortiz", "+Jan Novak=Novak", NULL};
    dyad_doc *d = code("Ortiz: Novak Thinks the Harbor Deal Is Dead\n\n"
                       "BRENNER: Novak thinks the harbor deal is dead, right?\n\n"
                       "Ferries: The council expects the ferries to run on time.\n\n"
                       "Novak's argument was that the council should delay the vote.\n\n"
                       "Her pledge to rebuild the pier every spring.\n\n"
                       "Voters rejected Ortiz's claim that the pier would pay for itself.\n",
                       A, 1);
    quote_run(d);
    /* the label is the outermost attribution, its colon the cue */
    expect(d, "Novak Thinks the Harbor Deal", "Dead", QUOTE_INDIRECT, ":", "Ortiz", "Maria Ortiz");
    expect(d, "Novak thinks the harbor deal", "right?", QUOTE_INDIRECT, ":", "BRENNER", NULL);
    /* a topic, not a speaker */
    expect(d, "the ferries to run", "time", QUOTE_INDIRECT, "expects", "The council", NULL);
    expect(d, "the council should delay", "vote", QUOTE_INDIRECT, "argument", "Novak", "Jan Novak");
    expect(d, "to rebuild the pier", "spring", QUOTE_INDIRECT, "pledge", "Her", NULL);
    expect(d, "Ortiz's claim", "itself", QUOTE_INDIRECT, "rejected", "Voters", NULL);
    CHECK(find(d, "the pier would pay") == NULL);
    dyad_doc_free(d);
    /* the noun table is sorted for binary search */
    for (size_t i = 1; quote_noun_cue(i); i++)
        if (strcmp(quote_noun_cue(i - 1), quote_noun_cue(i)) >= 0) {
            fprintf(stderr, "  noun cues out of order at %s\n", quote_noun_cue(i));
            CHECK(0);
        }
}

/* A paragraph opened by a speaking label states what the label says,
 * with a verb of saying or without: "Ortiz: Harbor Ferries Must Run
 * Late", "Survey: ...", a transcript's turn to the end of its
 * paragraph; not a banner in capitals, a one-letter interview label or a
 * tally. */
static void test_label_statements(void) {
    static const char *const A[] = {"+Maria Ortiz=Ortiz", "+Jan Novak=NOVAK|Novak", NULL};
    dyad_doc *d = code("Ortiz: Harbor Ferries Must Run Late Into the Night.\n\n"
                       "The council met on Monday.\n\n"
                       "NOVAK: The pier is in bad shape. Everyone on the board agrees that it must be rebuilt.\n\n"
                       "Survey: Most Residents Back the New Pier.\n\n"
                       "WRECKED: Storm Leaves the Old Pier in Ruins.\n\n"
                       "Q: Will the ferries run on Sunday?\n\n"
                       "Ortiz: 1,204.\n",
                       A, 1);
    quote_run(d);
    expect(d, "Harbor Ferries Must Run", "Night", QUOTE_INDIRECT, ":", "Ortiz", "Maria Ortiz");
    expect(d, "The pier is in bad shape", "rebuilt", QUOTE_INDIRECT, ":", "NOVAK", "Jan Novak");
    /* the turn holds the board's agreement: nested, not output */
    CHECK(find(d, "it must be rebuilt") == NULL);
    expect(d, "Most Residents Back", "Pier", QUOTE_INDIRECT, ":", "Survey", NULL);
    CHECK(find(d, "Storm Leaves") == NULL);
    CHECK(find(d, "Will the ferries") == NULL);
    CHECK(find(d, "1,204") == NULL);
    dyad_doc_free(d);
}

/* "Asked whether ..., X said": the question in a participle adjunct
 * (opening the sentence, or after "when") is an attribution of its own,
 * the asker's, and is cut from the answer's content. */
static void test_asked_adjunct(void) {
    static const char *const A[] = {"+Maria Ortiz=Ortiz", "+Jan Novak=Novak", NULL};
    dyad_doc *d = code("Asked whether the ferries would run on Sunday, Ortiz said she did not know.\n\n"
                       "When asked by a reporter why the pier was closed, Novak said the storm had wrecked it.\n\n"
                       "Ortiz said the council would vote again when asked how the money would be spent.\n",
                       A, 1);
    quote_run(d);
    expect(d, "whether the ferries would run", "Sunday", QUOTE_INDIRECT, "Asked", NULL, NULL);
    expect(d, "she did not know", "know", QUOTE_INDIRECT, "said", "Ortiz", "Maria Ortiz");
    expect(d, "why the pier was closed", "closed", QUOTE_INDIRECT, "asked", "a reporter", NULL);
    expect(d, "the storm had wrecked", "it", QUOTE_INDIRECT, "said", "Novak", "Jan Novak");
    expect(d, "the council would vote", "again", QUOTE_INDIRECT, "said", "Ortiz", "Maria Ortiz");
    expect(d, "how the money would be spent", "spent", QUOTE_INDIRECT, "asked", NULL, NULL);
    dyad_doc_free(d);
}

/* "according to" whatever the tagger makes of its noun ("according to
 * press reports" with "press" read as a verb) and with a long document
 * phrase opening the sentence ("According to early results of exit
 * polls conducted for ... by ..., CONTENT"). */
static void test_according_documents(void) {
    static const char *const A[] = {"+Maria Ortiz=Ortiz", NULL};
    dyad_doc *d = code("Ortiz resigned from the harbor board in 2009, according to press reports.\n\n"
                       "According to early results of exit polls conducted for the networks by a research firm, "
                       "most voters feel betrayed by the council.\n",
                       A, 1);
    quote_run(d);
    expect(d, "Ortiz resigned", "2009", QUOTE_INDIRECT, "according to", "press reports", NULL);
    expect(d, "most voters feel", "council", QUOTE_INDIRECT, "According to", NULL, NULL);
    const dquote *q = find(d, "most voters feel");
    CHECK(q && q->speaker_end > q->speaker_start && !memcmp(d->text + q->speaker_start, "early results", 13));
    dyad_doc_free(d);
}

/* A postpositive "general" stays in the speaker's span: "The attorney
 * general said" -> "The attorney general", not "The attorney". */
static void test_general_title(void) {
    dyad_doc *d = code("The attorney general said the harbor inquiry would go on.\n", NULL, 1);
    quote_run(d);
    const dquote *q = find(d, "the harbor inquiry");
    CHECK(q && q->speaker_end - q->speaker_start == 20 && !memcmp(d->text + q->speaker_start, "The attorney general", 20));
    dyad_doc_free(d);
}

/* Polls and records as sources ("A harbor poll shows Ortiz with a lead",
 * "recent surveys showing ..."), poll answers ("41 percent said yes"),
 * and a subject the parser took for a clause before the cue. */
static void test_evidence_and_answers(void) {
    static const char *const A[] = {"+Maria Ortiz=Ortiz", "+Jan Novak=Novak", NULL};
    dyad_doc *d = code("A new harbor poll shows Ortiz with a narrow lead over Novak.\n\n"
                       "Ortiz found the ferry schedule confusing.\n\n"
                       "Asked whether the pier should close, 41 percent of residents said yes, compared with a "
                       "third last year.\n\n"
                       "Novak said so last spring.\n",
                       A, 1);
    quote_run(d);
    expect(d, "Ortiz with a narrow lead", "Novak", QUOTE_INDIRECT, "shows", "A new harbor poll", NULL);
    /* a person finding something is no document */
    CHECK(find(d, "the ferry schedule") == NULL);
    expect(d, "yes", "yes", QUOTE_INDIRECT, "said", NULL, NULL);
    const dquote *q = find(d, "yes");
    CHECK(q && q->end - q->start == 3);
    /* ("said so last spring" is no answer) */
    CHECK(find(d, "so last") == NULL);
    dyad_doc_free(d);

    d = code("But several fishermen interviewed at the docks this week, including Mr. Lund, said they had no "
             "quarrel with the new fees.\n",
             A, 1);
    /* the tree the parser made of a PolNeAR sentence of this shape: the
     * subject hung on the cue as a clause */
    force(d, 0, "CCONJ CC 4 cc but; ADJ JJ 3 amod several; NOUN NNS 4 nsubj fisherman; VERB VBD 15 ccomp interview; "
                "ADP IN 7 case at; DET DT 7 det the; NOUN NNS 4 obl dock; DET DT 9 det this; "
                "NOUN NN 4 obl:unmarked week; PUNCT , 13 punct ,; VERB VBG 13 case include; "
                "PROPN NNP 13 nmod:desc Mr.; PROPN NNP 15 nsubj Lund; PUNCT , 13 punct ,; VERB VBD 0 root say; "
                "PRON PRP 17 nsubj they; VERB VBD 15 ccomp have; DET DT 19 det no; NOUN NN 17 obj quarrel; "
                "ADP IN 23 case with; DET DT 23 det the; ADJ JJ 23 amod new; NOUN NNS 19 nmod fee; "
                "PUNCT . 15 punct .");
    quote_run(d);
    expect(d, "they had no quarrel", "fees", QUOTE_INDIRECT, "said", NULL, NULL);
    CHECK(find(d, "But several fishermen") == NULL);
    dyad_doc_free(d);
}

static void test_no_models(void) {
    /* tokens only: quote pairing and the surface patterns */
    dyad_doc *d = code("“We will not back down,” Ortiz said.\n\n"
                       "Ortiz said the deal will collapse within a year.\n",
                       NULL, 0);
    quote_run(d);
    expect(d, "We will not back down", "down,", QUOTE_DIRECT, "said", "Ortiz", NULL);
    expect(d, "the deal will collapse", "year", QUOTE_INDIRECT, "said", "Ortiz", NULL);
    dyad_doc_free(d);
}

static void test_boilerplate(void) {
    dyad_doc *d = code("“Nothing has changed,” the minister said.\n", NULL, 1);
    for (size_t i = 0; i < d->ntok; i++) d->toks[i].flags |= TOKF_BOILER;
    quote_run(d);
    CHECK_INT(d->nquote, 0);
    dyad_doc_free(d);
}

static void test_lexicon(void) {
    size_t n = quote_cue_count();
    CHECK(n >= 100);
    /* the verb table is sorted for binary search */
    for (size_t i = 1; i < n && quote_cue(i) && !strchr(quote_cue(i), ' '); i++)
        if (strcmp(quote_cue(i - 1), quote_cue(i)) >= 0) {
            fprintf(stderr, "  lexicon out of order at %s\n", quote_cue(i));
            CHECK(0);
        }
    CHECK(quote_cue(n) == NULL);
}

/* Hostile input: bounded and linear whatever the marks. */
static void test_hostile(void) {
    size_t n = 1u << 20;
    char *t = malloc(n + 1);
    if (!t) return;
    /* a million quote marks */
    for (size_t i = 0; i < n; i++) t[i] = i % 2 ? '"' : ' ';
    t[n] = 0;
    dyad_doc *d = code(t, NULL, 0);
    CHECK(quote_run(d) == DYAD_OK);
    dyad_doc_free(d);
    /* a quote never closed over one 100k-token paragraph of "said" */
    size_t k = 0;
    t[k++] = '"';
    while (k + 8 < n / 2) memcpy(t + k, "X said ", 7), k += 7;
    t[k] = 0;
    d = code(t, NULL, 0);
    CHECK(quote_run(d) == DYAD_OK);
    dyad_doc_free(d);
    /* the same unquoted, tagged and parsed: reported speech nested deep */
    d = code(t + 1, NULL, 1);
    CHECK(quote_run(d) == DYAD_OK);
    dyad_doc_free(d);
    /* opening marks only, in one paragraph, tagged and parsed: every
     * mark closes the quote before it (this once took quadratic time) */
    for (k = 0; k + 24 < n / 4;) {
        memcpy(t + k, "\xe2\x80\x9cOrtiz said, \xe2\x80\x9cwe ", 21);
        k += 21;
    }
    t[k] = 0;
    d = code(t, NULL, 1);
    CHECK(quote_run(d) == DYAD_OK);
    dyad_doc_free(d);
    /* paragraphs that each open a quote and never close it: one quote per
     * paragraph, not one quote over the whole text */
    static const char PARA[] = "\xe2\x80\x9cYes, we will, Ortiz said.\n\n";
    for (k = 0; k + sizeof PARA < n / 8;) {
        memcpy(t + k, PARA, sizeof PARA - 1);
        k += sizeof PARA - 1;
    }
    t[k] = 0;
    d = code(t, NULL, 1);
    CHECK(quote_run(d) == DYAD_OK);
    CHECK_INT(d->nquote, k / (sizeof PARA - 1));
    if (d->nquote) CHECK(d->quotes[0].end - d->quotes[0].start == strlen("Yes, we will,"));
    dyad_doc_free(d);
    /* a tree with one hub: every word hangs on the first, every other
     * one a participle cue ("..., saying"), so each subject search
     * climbs to the hub and its 100k children */
    for (k = 0; k + 16 < n / 4;) {
        memcpy(t + k, "Ortiz saying , ", 15);
        k += 15;
    }
    t[k] = 0;
    d = code(t, NULL, 1);
    if (d && d->an && d->parsed) {
        for (size_t i = 1; i < d->ntok; i++) {
            d->an[i].head = 0;
            d->an[i].deprel = DEP_ADVCL;
            if (i % 3 == 1) d->an[i].upos = UPOS_VERB, d->an[i].xpos = XPOS_VBG, d->an[i].lemma = "say";
            if (i % 3 == 0) d->an[i].deprel = DEP_NSUBJ;
        }
        d->an[0].head = -1;
        CHECK(quote_run(d) == DYAD_OK);
    }
    dyad_doc_free(d);
    /* empty and NULL */
    CHECK(quote_run(NULL) == DYAD_EINVAL);
    d = code("", NULL, 1);
    CHECK(quote_run(d) == DYAD_OK);
    CHECK_INT(d->nquote, 0);
    dyad_doc_free(d);
    free(t);
}

int main(void) {
    char err[256];
    if (tagger_open_file(&tg, "models/tagger.bin", err, sizeof err) ||
        parser_open_file(&ps, "models/parser.bin", err, sizeof err)) {
        printf("test_quote: models missing (%s)\n", err);
        return 1;
    }
    RUN(test_direct_marks);
    RUN(test_split_and_nested);
    RUN(test_multi_paragraph);
    RUN(test_unbalanced);
    RUN(test_partial);
    RUN(test_indirect);
    RUN(test_speakers);
    RUN(test_speakers_misparsed);
    RUN(test_noun_complement);
    RUN(test_runs);
    RUN(test_speakers_constructions);
    RUN(test_speakers_segments);
    RUN(test_speakers_more);
    RUN(test_speakers_appositive);
    RUN(test_speakers_owner);
    RUN(test_speakers_commas);
    RUN(test_speakers_inverted);
    RUN(test_speakers_adjuncts);
    RUN(test_speakers_broken);
    RUN(test_speakers_clauses);
    RUN(test_speakers_layouts);
    RUN(test_outermost);
    RUN(test_continuation);
    RUN(test_signed_and_transcript);
    RUN(test_outer_labels_and_nouns);
    RUN(test_evidence_and_answers);
    RUN(test_label_statements);
    RUN(test_asked_adjunct);
    RUN(test_according_documents);
    RUN(test_general_title);
    RUN(test_no_models);
    RUN(test_boilerplate);
    RUN(test_lexicon);
    RUN(test_hostile);
    tagger_close(tg);
    parser_close(ps);
    TEST_END();
}
