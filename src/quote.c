/* quote.c -- quotations and reported speech attributed to speakers.
 *
 * Three passes over the document, all linear in its tokens:
 *
 *  1. Quote regions.  Quote marks are paired left to right: double marks
 *     (" “ ” „ « » `` '') at the top level, single marks (‘ ’ ' ‹ ›) only
 *     when no double quote is open (inside one they are nested quotes and
 *     part of its content).  A paragraph that ends inside a quote continues
 *     it only when the next paragraph opens with a quote mark (the
 *     multi-paragraph convention: an opening mark at each paragraph, the
 *     closing one at the end); otherwise the quote is closed at the end of
 *     its paragraph, so an unbalanced mark costs one paragraph, never the
 *     rest of the article.
 *  2. Attribution of regions.  A region that reads as a sentence (it opens
 *     a sentence, or follows "X said:" / "X said," / "X said" / a dash,
 *     and has a verb or its own final punctuation) is a direct quote; its
 *     cue and speaker are looked for right after the closing mark (“…,”
 *     Ortiz said / said Ortiz / she added), then before the opening mark
 *     (Ortiz said: “…” / Ortiz defended the plan -- “…”), then in the tree
 *     (the cue that governs the quote); a quote with none continues the
 *     attribution of the quote just before it, in its paragraph or the one
 *     before (“…,” he said. “…”).  A region inside the reporter's
 *     sentence is a partial quote when a cue governs it in the tree
 *     (Macron called for “a new chapter”); otherwise it is a scare quote
 *     or a title and is not reported.
 *  3. Reported speech.  Every reporting verb of the lexicon (below: speech,
 *     belief, intention, evidence and stance verbs, 222 of them, plus the
 *     phrase "according to") with a
 *     complement in the tree gives an indirect quote: the clause (said
 *     that ...), the infinitive (plans to ...), the object (denied the
 *     report) or the prepositional object (called for ...).  Also "X, Y
 *     said." (the cue in parataxis), "according to Y" and the phrases "in
 *     a CNN poll," / "in his view,"; a noun of saying with a possessive
 *     owner that is the subject of its clause or a clause of its own
 *     ("Trump's claim that ...", "her vow to ...", "his criticism of
 *     ...", "Sanders's argument was that ..."); in a paragraph opened by
 *     a speaking label ("TAPPER: ...", "Gingrich: Trump Thinks ..."), the
 *     label's sentence is the label's, its colon the cue, with or
 *     without a verb of saying ("Poll: Sanders Leads"; a transcript's
 *     turn to the paragraph's end); the question of a participle
 *     adjunct ("Asked whether ..., X said", "... when asked why ...")
 *     is the asker's, cut from the answer.  Attributions nested in another's
 *     content are dropped (only the outermost is kept, as PolNeAR
 *     annotates), except a sibling cue after a comma (", adding that
 *     ...") which cuts the outer content instead.  For that the outer cue
 *     must exist when the parser missed its clause: a speech verb before
 *     "that" past a short adjunct, or right before another cue's speaker
 *     ("said last week that he plans to"); a cue closing its sentence
 *     whatever it hangs on, with its time adjunct ("..., the Times
 *     reported late Thursday"); a parenthetical "X said," with the clause
 *     on both sides; '"…" X said, according to Y' is Y's.  A partial quote inside reported speech belongs to it (takes
 *     its cue and speaker); reported speech all inside quote marks is not
 *     output but gives its cue to the quotes.  A stance or intention verb
 *     (support, want, plan ...) with no speaker found is dropped.
 *
 * The speaker is the cue's subject (the agent of a passive cue; for a cue
 * without one, the subject of the cue it is coordinated with or depends
 * on, of the clause a participle hangs on: "Fiorina was upfront ...,
 * saying"; the issuer of "a statement saying"), as the noun phrase without
 * its appositive.  The tree is checked against the surface, since it is
 * most often wrong exactly where speakers hide: a subject that is a
 * prepositional phrase or lies inside quote marks is rejected, a finite
 * cue without one takes the noun phrase before it, skipping an appositive
 * or a relative clause ("Podesta, who said ..., said"), and a relative
 * pronoun's actor is its antecedent's.  Where the tree is broken the
 * speaker is still looked for: the subject of the verb before "and"
 * ("shook her head and said"), a name inverted after the cue ("Said
 * Maria Ortiz, “…”"), a name set off by commas ("the director of the
 * agency, Jan Novak, said"), a noun at the root of a verbless tree, the
 * last subject before a participle; a participle or infinitive that
 * completes a time, a speech, an undertaking or a document speaks for
 * whoever that belongs to ("took the last step Wednesday of
 * announcing", "issued statements condemning"); the object of a control
 * verb speaks for its infinitive ("led Novak to announce"), the passive
 * subject for one under a passive ("is poised to argue"), the poll for
 * its respondents ("In a CNN poll, 40 percent said"); a participle after
 * a comma is a free adjunct whose subject is its clause's, not the noun
 * the parser hung it on ("spoke at the center, arguing"); the name past
 * a parenthesis, an interposed adverbial ("Ortiz, when reached by phone,
 * said"), a "whose" relative clause or a time adjunct, or after a
 * fronted phrase the parser took for the subject; after a quote, any
 * finite verb inverted before a name ("…,” remembered Ortiz); the name
 * before a relative clause with commas of its own ("Novak, whose
 * company, Acme, makes gears, said"); the main clause's subject for a
 * free adjunct hung on a complement or "after" clause ("complained that
 * Ortiz is rigid, suggesting"); the main clause's for a fronted "Two
 * years after backing ..." taken for the subject.  Its
 * actor is the actor of the mention (doc->mentions) on its head word, so
 * a pronoun resolved by the actor stage gives a name.
 *
 * Without the parser the stage still finds quote regions and the surface
 * patterns around them, and "X said (that) ..." reported speech.
 *
 * Memory: per-token arrays and the region and candidate tables are carved
 * out of doc->scratch in one allocation; nothing is malloc'ed per token. */
#include "quote.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ud.h"

/* ---- the cue lexicon ------------------------------------------------------ */

/* What a cue takes as its content. */
enum {
    Q_S = 1u << 0,     /* speech: introduces direct quotes ("said", "added") */
    Q_C = 1u << 1,     /* a clause: said that ..., believes ..., showed that ... */
    Q_X = 1u << 2,     /* an infinitive: plans to ..., refused to ... */
    Q_O = 1u << 3,     /* an object: denied the report, praised the deal */
    Q_M = 1u << 4,     /* manner verb, a cue only next to a direct quote ("laughed") */
    Q_P = 1u << 5,     /* a prepositional object, prepositions in part: talked about ... */
    Q_PRT = 1u << 6    /* a cue only with one of the particles in part: pointed out, went on */
};

typedef struct cue_entry {
    const char *lemma;
    uint8_t flags;
    const char *part; /* '|'-separated particles or prepositions, or NULL */
} cue_entry;

/* Sorted by lemma (strcmp order) for binary search; a test checks the
 * order.  Ambiguous verbs (show, find, see, know, call) are here because
 * news attributes with them constantly; the tree decides whether a given
 * use has content. */
static const cue_entry CUES[] = {
    {"accept", Q_O | Q_C, NULL},
    {"accuse", Q_O, NULL},
    {"acknowledge", Q_S | Q_C | Q_O, NULL},
    {"add", Q_S | Q_C, NULL},
    {"admit", Q_S | Q_C | Q_O, NULL},
    {"advise", Q_C | Q_X, NULL},
    {"advocate", Q_O | Q_P, "for"},
    {"affirm", Q_S | Q_C, NULL},
    {"agree", Q_S | Q_C | Q_X | Q_P, "with|on"},
    {"allege", Q_S | Q_C | Q_O, NULL},
    {"announce", Q_S | Q_C | Q_O, NULL},
    {"answer", Q_S | Q_C, NULL},
    {"anticipate", Q_C | Q_O, NULL},
    {"apologize", Q_S | Q_P, "for"},
    {"applaud", Q_O, NULL},
    {"argue", Q_S | Q_C | Q_P, "for|against"},
    {"ask", Q_S | Q_C | Q_X | Q_P, "about|for"},
    {"assail", Q_O, NULL},
    {"assert", Q_S | Q_C, NULL},
    {"assume", Q_C, NULL},
    {"assure", Q_S | Q_C, NULL},
    {"attack", Q_O, NULL},
    {"back", Q_O, NULL},
    {"bark", Q_S | Q_M, NULL},
    {"believe", Q_C, NULL},
    {"blame", Q_O, NULL},
    {"blast", Q_S | Q_O, NULL},
    {"boast", Q_S | Q_C | Q_P, "about|of"},
    {"brag", Q_S | Q_C | Q_P, "about"},
    {"call", Q_S | Q_P, "for|on"},
    {"caution", Q_S | Q_C, NULL},
    {"celebrate", Q_O, NULL},
    {"challenge", Q_O, NULL},
    {"chant", Q_S | Q_M, NULL},
    {"charge", Q_C, NULL},
    {"chide", Q_S | Q_O, NULL},
    {"chime", Q_M | Q_PRT, "in"},
    {"chuckle", Q_M, NULL},
    {"cite", Q_O, NULL},
    {"claim", Q_S | Q_C | Q_X | Q_O, NULL},
    {"clarify", Q_S | Q_C, NULL},
    {"comment", Q_S | Q_P, "on|about"},
    {"complain", Q_S | Q_C | Q_P, "about|of"},
    {"concede", Q_S | Q_C, NULL},
    {"conclude", Q_S | Q_C, NULL},
    {"condemn", Q_O, NULL},
    {"confess", Q_S | Q_C, NULL},
    {"confide", Q_S | Q_C, NULL},
    {"confirm", Q_S | Q_C | Q_O, NULL},
    {"congratulate", Q_O, NULL},
    {"consider", Q_C | Q_O, NULL},
    {"contend", Q_S | Q_C, NULL},
    {"continue", Q_M, NULL},
    {"counter", Q_S | Q_C, NULL},
    {"criticise", Q_O, NULL},
    {"criticize", Q_O, NULL},
    {"cry", Q_M, NULL},
    {"decide", Q_C | Q_X, NULL},
    {"declare", Q_S | Q_C | Q_O, NULL},
    {"decline", Q_X, NULL},
    {"decry", Q_O, NULL},
    {"deem", Q_O, NULL},
    {"defend", Q_O, NULL},
    {"demand", Q_S | Q_C | Q_X | Q_O, NULL},
    {"demonstrate", Q_C, NULL},
    {"denounce", Q_O, NULL},
    {"deny", Q_S | Q_C | Q_O, NULL},
    {"describe", Q_O, NULL},
    {"desire", Q_X | Q_O, NULL},
    {"detail", Q_O, NULL},
    {"disagree", Q_S | Q_C | Q_P, "with"},
    {"disclose", Q_S | Q_C | Q_O, NULL},
    {"discuss", Q_O, NULL},
    {"dismiss", Q_O, NULL},
    {"dispute", Q_C | Q_O, NULL},
    {"doubt", Q_C | Q_O, NULL},
    {"downplay", Q_O, NULL},
    {"dread", Q_O, NULL},
    {"dub", Q_O, NULL},
    {"echo", Q_S | Q_O, NULL},
    {"email", Q_S | Q_C, NULL},
    {"emphasise", Q_S | Q_C, NULL},
    {"emphasize", Q_S | Q_C, NULL},
    {"encourage", Q_X, NULL},
    {"endorse", Q_O, NULL},
    {"envision", Q_C | Q_O, NULL},
    {"estimate", Q_C, NULL},
    {"exclaim", Q_S | Q_M, NULL},
    {"exhort", Q_S | Q_M, NULL},
    {"expect", Q_C | Q_X, NULL},
    {"explain", Q_S | Q_C, NULL},
    {"express", Q_O, NULL},
    {"favor", Q_O, NULL},
    {"fear", Q_C | Q_O, NULL},
    {"feel", Q_C, NULL},
    {"figure", Q_C, NULL},
    {"find", Q_C, NULL},
    {"fire", Q_M | Q_PRT, "back"},
    {"forecast", Q_C, NULL},
    {"go", Q_M | Q_PRT, "on"},
    {"grumble", Q_S | Q_M, NULL},
    {"guarantee", Q_C | Q_O, NULL},
    {"guess", Q_C, NULL},
    {"hail", Q_O, NULL},
    {"hear", Q_C, NULL},
    {"highlight", Q_C | Q_O, NULL},
    {"hint", Q_C | Q_P, "at"},
    {"hope", Q_C | Q_X, NULL},
    {"imply", Q_C, NULL},
    {"indicate", Q_S | Q_C, NULL},
    {"inform", Q_C, NULL},
    {"insist", Q_S | Q_C, NULL},
    {"intend", Q_X, NULL},
    {"interject", Q_S | Q_M, NULL},
    {"invoke", Q_O, NULL},
    {"joke", Q_S | Q_C | Q_M, NULL},
    {"know", Q_C, NULL},
    {"lament", Q_S | Q_C | Q_O, NULL},
    {"laugh", Q_M, NULL},
    {"learn", Q_C, NULL},
    {"list", Q_O, NULL},
    {"maintain", Q_S | Q_C, NULL},
    {"mention", Q_S | Q_C | Q_O, NULL},
    {"mock", Q_O, NULL},
    {"muse", Q_S | Q_M, NULL},
    {"mutter", Q_S | Q_M, NULL},
    {"note", Q_S | Q_C, NULL},
    {"object", Q_S | Q_P, "to"},
    {"observe", Q_S | Q_C, NULL},
    {"offer", Q_X, NULL},
    {"opine", Q_S | Q_C, NULL},
    {"oppose", Q_O, NULL},
    {"order", Q_C | Q_X, NULL},
    {"plan", Q_X, NULL},
    {"plead", Q_S | Q_C, NULL},
    {"pledge", Q_S | Q_C | Q_X, NULL},
    {"point", Q_S | Q_C | Q_PRT, "out|to"},
    {"portray", Q_O, NULL},
    {"post", Q_S, NULL},
    {"praise", Q_O, NULL},
    {"predict", Q_S | Q_C, NULL},
    {"prefer", Q_X | Q_O, NULL},
    {"press", Q_P, "for"},
    {"proclaim", Q_S | Q_C, NULL},
    {"promise", Q_S | Q_C | Q_X, NULL},
    {"propose", Q_C | Q_X | Q_O, NULL},
    {"protest", Q_S | Q_C, NULL},
    {"prove", Q_C, NULL},
    {"push", Q_P, "for"},
    {"put", Q_S | Q_PRT, "it"},
    {"question", Q_C | Q_O, NULL},
    {"quip", Q_S | Q_M, NULL},
    {"rail", Q_P, "against"},
    {"read", Q_S, NULL},
    {"reaffirm", Q_S | Q_C | Q_O, NULL},
    {"realize", Q_C, NULL},
    {"reason", Q_S | Q_C, NULL},
    {"recall", Q_S | Q_C, NULL},
    {"reckon", Q_C, NULL},
    {"recognize", Q_C, NULL},
    {"recommend", Q_C | Q_O, NULL},
    {"recount", Q_S | Q_C, NULL},
    {"refer", Q_P, "to"},
    {"refuse", Q_X, NULL},
    {"reiterate", Q_S | Q_C | Q_O, NULL},
    {"reject", Q_O, NULL},
    {"remark", Q_S | Q_C, NULL},
    {"remember", Q_C, NULL},
    {"remind", Q_S | Q_C, NULL},
    {"repeat", Q_S | Q_O, NULL},
    {"reply", Q_S | Q_C, NULL},
    {"report", Q_S | Q_C | Q_O, NULL},
    {"request", Q_O, NULL},
    {"respond", Q_S | Q_C | Q_P, "to"},
    {"retort", Q_S | Q_M, NULL},
    {"retweet", Q_S | Q_O, NULL},
    {"reveal", Q_S | Q_C | Q_O, NULL},
    {"rule", Q_C, NULL},
    {"say", Q_S | Q_C, NULL},
    {"scoff", Q_S | Q_M, NULL},
    {"scream", Q_S | Q_M, NULL},
    {"see", Q_C, NULL},
    {"seek", Q_X, NULL},
    {"shoot", Q_M | Q_PRT, "back"},
    {"shout", Q_S | Q_M, NULL},
    {"show", Q_C, NULL},
    {"sigh", Q_M, NULL},
    {"signal", Q_C, NULL},
    {"slam", Q_O, NULL},
    {"snap", Q_M, NULL},
    {"speak", Q_P, "about|of"},
    {"speculate", Q_S | Q_C | Q_P, "about"},
    {"state", Q_S | Q_C, NULL},
    {"stress", Q_S | Q_C, NULL},
    {"suggest", Q_S | Q_C, NULL},
    {"support", Q_O, NULL},
    {"suppose", Q_C, NULL},
    {"suspect", Q_C, NULL},
    {"swear", Q_S | Q_C | Q_X, NULL},
    {"talk", Q_P, "about"},
    {"tell", Q_S | Q_C | Q_X, NULL},
    {"testify", Q_S | Q_C, NULL},
    {"thank", Q_O, NULL},
    {"think", Q_C, NULL},
    {"threaten", Q_X, NULL},
    {"tout", Q_O, NULL},
    {"tweet", Q_S | Q_C, NULL},
    {"underscore", Q_S | Q_C, NULL},
    {"understand", Q_C, NULL},
    {"urge", Q_S | Q_C | Q_X, NULL},
    {"vow", Q_S | Q_C | Q_X, NULL},
    {"want", Q_X | Q_O, NULL},
    {"warn", Q_S | Q_C | Q_P, "of|about|against"},
    {"weigh", Q_S | Q_PRT, "in"},
    {"welcome", Q_O, NULL},
    {"whisper", Q_S | Q_M, NULL},
    {"wish", Q_C | Q_X, NULL},
    {"wonder", Q_S | Q_C, NULL},
    {"worry", Q_C | Q_P, "about"},
    {"write", Q_S | Q_C, NULL},
    {"yell", Q_S | Q_M, NULL},
};
#define NCUES (sizeof CUES / sizeof CUES[0])

/* Multi-word cues that are not verbs, matched on the surface (in
 * reported_speech_tree and before_open). */
static const char *const PHRASES[] = {"according to", NULL};

/* Irregular forms, for text without the tagger's lemmas (sorted). */
static const char *const IRREG[][2] = {
    {"began", "begin"},   {"fought", "fight"}, {"felt", "feel"},       {"found", "find"},   {"heard", "hear"},
    {"knew", "know"},     {"known", "know"},   {"meant", "mean"},     {"read", "read"},    {"said", "say"},
    {"saw", "see"},       {"seen", "see"},     {"shot", "shoot"},     {"sought", "seek"},  {"spoke", "speak"},
    {"spoken", "speak"},  {"swore", "swear"},  {"sworn", "swear"},    {"thought", "think"}, {"told", "tell"},
    {"understood", "understand"}, {"went", "go"}, {"gone", "go"}, {"written", "write"}, {"wrote", "write"},
};
#define NIRREG (sizeof IRREG / sizeof IRREG[0])

/* The lexicon's size: the verbs, then the phrases. */
size_t quote_cue_count(void) {
    size_t n = NCUES;
    for (size_t i = 0; PHRASES[i]; i++) n++;
    return n;
}

/* Entry i of the lexicon: a verb lemma, then a phrase; NULL past the end. */
const char *quote_cue(size_t i) {
    if (i < NCUES) return CUES[i].lemma;
    i -= NCUES;
    for (size_t k = 0; PHRASES[k]; k++)
        if (k == i) return PHRASES[k];
    return NULL;
}

static int cue_find(const char *w) {
    size_t lo = 0, hi = NCUES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(w, CUES[mid].lemma);
        if (!c) return (int)mid;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return -1;
}

/* The lexicon entry of a lower-case word form: itself, an irregular form,
 * or the form less a regular suffix (says, denies, noted, added, planned,
 * adding, noting). */
static int cue_of_form(const char *w, size_t n) {
    char b[32];
    if (n < 2 || n >= sizeof b - 2) return -1;
    memcpy(b, w, n);
    b[n] = 0;
    int k = cue_find(b);
    if (k >= 0) return k;
    for (size_t i = 0; i < NIRREG; i++)
        if (!strcmp(b, IRREG[i][0])) return cue_find(IRREG[i][1]);
    if (n > 3 && b[n - 1] == 's') {
        if (n > 4 && b[n - 2] == 'e' && b[n - 3] == 'i') {
            memcpy(b + n - 3, "y", 2);
            if ((k = cue_find(b)) >= 0) return k;
            memcpy(b, w, n), b[n] = 0;
        }
        b[n - 1] = 0;
        if ((k = cue_find(b)) >= 0) return k;
        if (b[n - 2] == 'e') {
            b[n - 2] = 0;
            if ((k = cue_find(b)) >= 0) return k;
        }
        return -1;
    }
    size_t stem = 0;
    if (n > 4 && b[n - 2] == 'e' && b[n - 1] == 'd') stem = n - 2;
    else if (n > 5 && b[n - 3] == 'i' && b[n - 2] == 'n' && b[n - 1] == 'g') stem = n - 3;
    if (!stem) return -1;
    if (b[stem - 1] == 'i' && w[n - 1] == 'd') { /* denied */
        b[stem - 1] = 'y', b[stem] = 0;
        if ((k = cue_find(b)) >= 0) return k;
        b[stem - 1] = 'i';
    }
    b[stem] = 0;
    if ((k = cue_find(b)) >= 0) return k;
    b[stem] = 'e', b[stem + 1] = 0; /* noted, noting */
    if ((k = cue_find(b)) >= 0) return k;
    if (stem > 2 && b[stem - 1] == b[stem - 2]) { /* planned, planning */
        b[stem - 1] = 0;
        if ((k = cue_find(b)) >= 0) return k;
    }
    return -1;
}

/* ---- token helpers -------------------------------------------------------- */

static inline int lc(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int tok_is(const dyad_doc *d, uint32_t i, const char *w) {
    const tok *t = &d->toks[i];
    size_t n = t->end - t->start, k = 0;
    const char *s = d->text + t->start;
    for (; k < n && w[k]; k++)
        if (lc((unsigned char)s[k]) != w[k]) return 0;
    return k == n && !w[k];
}

/* Token i is one of the words of the '|'-separated list. */
static int tok_in_list(const dyad_doc *d, uint32_t i, const char *list) {
    const tok *t = &d->toks[i];
    size_t n = t->end - t->start;
    const char *s = d->text + t->start;
    while (list && *list) {
        const char *e = strchr(list, '|');
        size_t l = e ? (size_t)(e - list) : strlen(list);
        if (l == n) {
            size_t k = 0;
            while (k < n && lc((unsigned char)s[k]) == list[k]) k++;
            if (k == n) return 1;
        }
        list = e ? e + 1 : NULL;
    }
    return 0;
}

static int tok_is_char(const dyad_doc *d, uint32_t i, char c) {
    const tok *t = &d->toks[i];
    return t->end - t->start == 1 && d->text[t->start] == c;
}

/* A dash of any width ("-", "--", "–", "—"). */
static int tok_is_dash(const dyad_doc *d, uint32_t i) {
    const tok *t = &d->toks[i];
    const unsigned char *s = (const unsigned char *)d->text + t->start;
    size_t n = t->end - t->start;
    if (t->kind != TOK_PUNCT) return 0;
    if (n >= 1 && s[0] == '-') return 1;
    return n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94 || s[2] == 0x95);
}

static int tok_sent_punct(const dyad_doc *d, uint32_t i) {
    const tok *t = &d->toks[i];
    if (t->kind != TOK_PUNCT) return 0;
    char c = d->text[t->start];
    if (c == '.' || c == '?' || c == '!') return 1;
    /* … */
    const unsigned char *s = (const unsigned char *)d->text + t->start;
    return t->end - t->start >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xA6;
}

/* Quote mark classes. */
enum { QM_NONE = 0, QM_DOUBLE, QM_SINGLE };

static int mark_class(const dyad_doc *d, uint32_t i) {
    const tok *t = &d->toks[i];
    if (t->kind != TOK_QUOTE) return QM_NONE;
    const unsigned char *s = (const unsigned char *)d->text + t->start;
    size_t n = t->end - t->start;
    if (s[0] == '"' || s[0] == '`') return n == 1 && s[0] == '`' ? QM_SINGLE : QM_DOUBLE;
    if (s[0] == '\'') return n >= 2 ? QM_DOUBLE : QM_SINGLE;
    if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB)) return QM_DOUBLE; /* « » */
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80) {
        if (s[2] == 0x9C || s[2] == 0x9D || s[2] == 0x9E || s[2] == 0x9F) return QM_DOUBLE; /* “ ” „ ‟ */
        if (s[2] == 0x98 || s[2] == 0x99 || s[2] == 0x9A || s[2] == 0x9B || s[2] == 0xB9 || s[2] == 0xBA)
            return QM_SINGLE; /* ‘ ’ ‚ ‛ ‹ › */
    }
    return QM_NONE;
}

/* The mark opens a quote: the tokenizer's direction, except for '' (which
 * it always closes) and a straight mark glued to the next word. */
static int mark_opens(const dyad_doc *d, uint32_t i) {
    const tok *t = &d->toks[i];
    if (t->flags & TOKF_OPEN_QUOTE) return 1;
    const char *s = d->text + t->start;
    if (s[0] == '\'' || s[0] == '"') {
        int before = i == 0 || (t->flags & (TOKF_SPACE_BEFORE | TOKF_NL_BEFORE)) || tok_is_char(d, i - 1, '(') ||
                     tok_is_dash(d, i - 1);
        int glued = i + 1 < d->ntok && !(d->toks[i + 1].flags & (TOKF_SPACE_BEFORE | TOKF_NL_BEFORE));
        return before && glued;
    }
    return 0;
}

/* ---- the run -------------------------------------------------------------- */

typedef struct qreg {
    uint32_t open, close;  /* the marks' tokens; close == NOCLOSE when recovered */
    uint32_t t0, t1;       /* content tokens [t0, t1) */
    uint32_t para0, para1; /* paragraphs of the first and last content tokens */
    int32_t cand;          /* the candidate it became, -1 */
    uint8_t direct;        /* reads as a whole sentence */
    uint8_t pad[3];
} qreg;

#define NOTOK UINT32_MAX
/* Children of a node looked at when searching it for a subject or a
 * complement: a hub with thousands of children (a corrupt or hostile
 * tree) must not make the stage quadratic. */
#define KIDS_MAX 64
#define NOCLOSE UINT32_MAX

typedef struct cand {
    uint32_t c0, c1;  /* content tokens [c0, c1) */
    uint32_t s0, s1;  /* speaker tokens [s0, s1), s0 == s1: none */
    uint32_t k0, k1;  /* cue tokens [k0, k1), k0 == k1: none */
    uint32_t shead;   /* speaker head token or NOTOK */
    int32_t reg;      /* quote region, -1 for reported speech */
    uint8_t kind;     /* QUOTE_* */
    uint8_t dead;
    uint8_t shadow;   /* reported speech all in quote marks: not output, but
                       * its cue is the quotes' and it cuts its sibling */
    uint8_t label;    /* the speaker is a transcript label ("TAPPER:") */
} cand;

typedef struct qrun {
    dyad_doc *d;
    uint32_t n;
    int parsed, tagged;
    int32_t *reg_of;   /* token -> region whose content holds it, -1 */
    uint32_t *sent_of; /* token -> sentence */
    uint32_t *para_of; /* token -> paragraph number */
    int16_t *cue;      /* token -> lexicon entry, -1; -2 not looked up yet */
    int32_t *kid, *sib;/* tree: first child, next sibling */
    uint32_t *lo, *hi; /* tree: subtree span */
    int32_t *men;      /* token -> mention index, -1 */
    uint8_t *dcue;     /* token is the cue of a direct quote */
    uint32_t *pw, *pq; /* n + 1 prefix sums: words, words in quotes */
    uint32_t *nextb;   /* n + 1: first boilerplate token at or after i (n if none) */
    uint32_t *cont;    /* capreg: paragraph marks of an open multi-paragraph quote */
    qreg *reg;
    size_t nreg, capreg;
    cand *cand;
    size_t ncand, capcand;
} qrun;

static int is_boiler(const qrun *r, uint32_t i) { return (r->d->toks[i].flags & TOKF_BOILER) != 0; }

static uint8_t deprel(const qrun *r, uint32_t i) { return r->parsed ? r->d->an[i].deprel : DEP_DEP; }
static int32_t head(const qrun *r, uint32_t i) {
    if (!r->parsed) return -1;
    int32_t h = r->d->an[i].head;
    return h >= 0 && (uint32_t)h < r->n ? h : -1;
}

/* The lexicon entry of token i (a verb, or any word without the tagger),
 * -1 if none; memoized. */
static int cue_at(qrun *r, uint32_t i) {
    if (r->cue[i] != -2) return r->cue[i];
    int k = -1;
    const tok *t = &r->d->toks[i];
    if (t->kind == TOK_WORD && !(t->flags & TOKF_BOILER)) {
        if (r->tagged) {
            uint8_t u = r->d->an[i].upos;
            if (u == UPOS_VERB) {
                const char *lem = r->d->an[i].lemma;
                if (lem) k = cue_find(lem);
                if (k < 0) {
                    char b[32];
                    size_t n = t->end - t->start;
                    if (n < sizeof b) {
                        for (size_t j = 0; j < n; j++) b[j] = (char)lc((unsigned char)r->d->text[t->start + j]);
                        k = cue_of_form(b, n);
                    }
                }
            }
        } else {
            char b[32];
            size_t n = t->end - t->start;
            if (n < sizeof b) {
                for (size_t j = 0; j < n; j++) b[j] = (char)lc((unsigned char)r->d->text[t->start + j]);
                k = cue_of_form(b, n);
            }
        }
        /* a particle verb needs its particle: "went on", "pointed out" */
        if (k >= 0 && (CUES[k].flags & Q_PRT)) {
            int ok = 0;
            if (i + 1 < r->n && tok_in_list(r->d, i + 1, CUES[k].part)) ok = 1;
            if (!ok && r->parsed)
                for (int32_t c = r->kid[i]; c >= 0; c = r->sib[c])
                    if (r->d->an[c].deprel == DEP_COMPOUND_PRT && tok_in_list(r->d, (uint32_t)c, CUES[k].part)) ok = 1;
            if (!ok) k = -1;
        }
    }
    r->cue[i] = (int16_t)k;
    return k;
}

static unsigned cue_flags(qrun *r, uint32_t i) {
    int k = cue_at(r, i);
    return k >= 0 ? CUES[k].flags : 0;
}

/* Flags of token i as a cue whatever the tagger made of it: right after
 * a quote the tagger often reads "shot back" or "quips" as nouns. */
static unsigned cue_flags_loose(qrun *r, uint32_t i) {
    unsigned f = cue_flags(r, i);
    if (f || !r->tagged) return f;
    const tok *t = &r->d->toks[i];
    size_t n = t->end - t->start;
    char b[32];
    if (t->kind != TOK_WORD || n >= sizeof b || (t->flags & TOKF_UPPER)) return 0;
    for (size_t j = 0; j < n; j++) b[j] = (char)lc((unsigned char)r->d->text[t->start + j]);
    int k = cue_of_form(b, n);
    if (k < 0) return 0;
    if ((CUES[k].flags & Q_PRT) && !(i + 1 < r->n && tok_in_list(r->d, i + 1, CUES[k].part))) return 0;
    r->cue[i] = (int16_t)k; /* later lookups agree */
    return CUES[k].flags;
}

static uint32_t sent_first(const qrun *r, uint32_t i);

/* The cue span of verb v: the verb and an adjacent particle or the
 * preposition that links it to its content ("called for", "pointed out"). */
static void cue_span(qrun *r, uint32_t v, uint32_t *k0, uint32_t *k1) {
    *k0 = v, *k1 = v + 1;
    /* "The Post quoted an aide as saying": the verb that quotes is the
     * cue, "saying" only names the act */
    if (v >= 2 && tok_is(r->d, v - 1, "as") && r->d->toks[v].end - r->d->toks[v].start > 3 &&
        !memcmp(r->d->text + r->d->toks[v].end - 3, "ing", 3)) {
        uint32_t s0 = sent_first(r, v);
        for (uint32_t j = v - 1; j > s0 && v - j < 10; j--)
            if (tok_in_list(r->d, j - 1, "quoted|quotes|quoting|quote")) {
                *k0 = j - 1, *k1 = j;
                return;
            } else if (tok_sent_punct(r->d, j - 1) || r->reg_of[j - 1] >= 0) {
                break;
            }
    }
    int k = cue_at(r, v);
    if (k >= 0 && CUES[k].part && v + 1 < r->n && tok_in_list(r->d, v + 1, CUES[k].part) &&
        (CUES[k].flags & (Q_PRT | Q_P)))
        *k1 = v + 2;
}

/* ---- building the per-token tables ----------------------------------------- */

static void build_tree(qrun *r, int32_t *stack) {
    uint32_t n = r->n;
    for (uint32_t i = 0; i < n; i++) r->kid[i] = -1, r->sib[i] = -1, r->lo[i] = r->hi[i] = i;
    /* children lists in increasing order: prepend from the right */
    for (uint32_t i = n; i-- > 0;) {
        int32_t h = head(r, i);
        if (h < 0 || (uint32_t)h == i) continue;
        r->sib[i] = r->kid[h];
        r->kid[h] = (int32_t)i;
    }
    /* post-order from every root, iteratively: a node's span is known once
     * all its children are done.  A cycle (a corrupt tree) is never
     * entered: only nodes reachable from a root are visited. */
    for (uint32_t root = 0; root < n; root++) {
        int32_t h = head(r, root);
        if (h >= 0 && (uint32_t)h != root) continue;
        size_t sp = 0;
        stack[sp++] = (int32_t)root;
        /* the sign of a stack entry tells whether its children were pushed */
        while (sp) {
            int32_t x = stack[sp - 1];
            if (x >= 0) {
                stack[sp - 1] = -x - 1;
                for (int32_t c = r->kid[x]; c >= 0; c = r->sib[c])
                    if (sp < n) stack[sp++] = c;
            } else {
                sp--;
                uint32_t v = (uint32_t)(-x - 1);
                int32_t p = head(r, v);
                if (p >= 0 && (uint32_t)p != v) {
                    if (r->lo[v] < r->lo[p]) r->lo[p] = r->lo[v];
                    if (r->hi[v] > r->hi[p]) r->hi[p] = r->hi[v];
                }
            }
        }
    }
}

static void build_mentions(qrun *r) {
    const dyad_doc *d = r->d;
    for (uint32_t i = 0; i < r->n; i++) r->men[i] = -1;
    for (size_t m = 0; m < d->nmention; m++) {
        const dmention *x = &d->mentions[m];
        if (x->actor < 0 || (size_t)x->actor >= d->nactor) continue;
        for (uint32_t i = (uint32_t)doc_tok_after(d, x->start); i < r->n && d->toks[i].start < x->end; i++) {
            int32_t o = r->men[i];
            /* the tightest mention wins a token */
            if (o < 0 || d->mentions[o].end - d->mentions[o].start > x->end - x->start) r->men[i] = (int32_t)m;
        }
    }
}

/* ---- noun phrases ---------------------------------------------------------- */

static int np_word(const qrun *r, uint32_t i) {
    const tok *t = &r->d->toks[i];
    if (t->flags & TOKF_BOILER) return 0;
    if (r->tagged) {
        uint8_t u = r->d->an[i].upos;
        return u == UPOS_PROPN || u == UPOS_NOUN || u == UPOS_PRON || u == UPOS_DET || u == UPOS_ADJ ||
               u == UPOS_NUM || (u == UPOS_PART && t->kind == TOK_CLITIC);
    }
    return t->kind == TOK_WORD || t->kind == TOK_ABBREV || t->kind == TOK_CLITIC;
}

static int np_head_word(const qrun *r, uint32_t i) {
    if (r->tagged) {
        uint8_t u = r->d->an[i].upos;
        return u == UPOS_PROPN || u == UPOS_NOUN || u == UPOS_PRON;
    }
    const tok *t = &r->d->toks[i];
    return (t->flags & TOKF_UPPER) || tok_is(r->d, i, "he") || tok_is(r->d, i, "she") || tok_is(r->d, i, "they") ||
           tok_is(r->d, i, "we") || tok_is(r->d, i, "i");
}

static int is_adverb(const qrun *r, uint32_t i) {
    if (r->tagged) return r->d->an[i].upos == UPOS_ADV || r->d->an[i].upos == UPOS_AUX || r->d->an[i].upos == UPOS_PART;
    return tok_is(r->d, i, "also") || tok_is(r->d, i, "later") || tok_is(r->d, i, "then") || tok_is(r->d, i, "has") ||
           tok_is(r->d, i, "had") || tok_is(r->d, i, "would") || tok_is(r->d, i, "once");
}

static int name_hyphen(const qrun *r, uint32_t i);

/* The noun phrase of head token h without appositives or relative clauses:
 * its subtree cut at the first comma, parenthesis or clause to the right. */
static void np_span(const qrun *r, uint32_t h, uint32_t *s0, uint32_t *s1) {
    if (!r->parsed) {
        *s0 = h, *s1 = h + 1;
        return;
    }
    uint32_t a = r->lo[h], b = h + 1;
    if (h - a > 16) a = h - 16; /* a speaker, not a clause: bounded work */
    /* left: stop at a comma, semicolon, colon or dash (a fronted clause) */
    for (uint32_t i = h; i > a; i--)
        if (tok_is_char(r->d, i - 1, ',') || tok_is_char(r->d, i - 1, ';') || tok_is_char(r->d, i - 1, ':') ||
            tok_is_dash(r->d, i - 1) || r->d->toks[i - 1].kind == TOK_QUOTE) {
            a = i;
            break;
        }
    /* nor a preposition ("with 40 percent") */
    while (a < h && deprel(r, a) == DEP_CASE && head(r, a) == (int32_t)h) a++;
    while (b < r->n && b <= r->hi[h] &&
           ((head(r, b) == (int32_t)h &&
             (deprel(r, b) == DEP_FLAT || deprel(r, b) == DEP_COMPOUND || deprel(r, b) == DEP_NUMMOD)) ||
            (name_hyphen(r, b) && head(r, b + 1) == (int32_t)h && deprel(r, b + 1) == DEP_FLAT)))
        b += name_hyphen(r, b) ? 2 : 1;
    /* "The attorney general said": a postpositive "general" (attorney,
     * inspector, surgeon, secretary general) belongs to the title, however
     * the parser hung it */
    if (b < r->n && b == h + 1 && tok_is(r->d, b, "general") && head(r, b) == (int32_t)h) b++;
    *s0 = a, *s1 = b;
}

/* A capitalized word inside a sentence that the tagger did not take for
 * a noun: after a quote, "Cuban said" and "Quick said" are names. */
static int name_word(const qrun *r, uint32_t i) {
    const tok *t = &r->d->toks[i];
    return t->kind == TOK_WORD && (t->flags & TOKF_UPPER) && !(t->flags & TOKF_BOILER) && r->reg_of[i] < 0 &&
           !(r->tagged && (r->d->an[i].upos == UPOS_VERB || r->d->an[i].upos == UPOS_AUX ||
                           r->d->an[i].upos == UPOS_ADP || r->d->an[i].upos == UPOS_CCONJ ||
                           r->d->an[i].upos == UPOS_SCONJ));
}

/* The hyphen inside a double-barrelled name ("Holtz-Eakin"): a '-'
 * token touching capitalized words on both sides. */
static int name_hyphen(const qrun *r, uint32_t i) {
    const tok *t = r->d->toks;
    return i > 0 && i + 1 < r->n && tok_is_char(r->d, i, '-') && t[i - 1].end == t[i].start &&
           t[i].end == t[i + 1].start && (t[i - 1].flags & TOKF_UPPER) && (t[i + 1].flags & TOKF_UPPER) &&
           t[i - 1].kind == TOK_WORD && t[i + 1].kind == TOK_WORD;
}

/* A noun phrase that starts at i going right (said Maria Ortiz, ...):
 * its end, or i when there is none. */
static uint32_t np_right(const qrun *r, uint32_t i, uint32_t lim, uint32_t *hd) {
    uint32_t j = i, h = NOTOK;
    /* "said Skip Rutherford" with the first name taken for a verb */
    if (r->tagged && j + 1 < lim && (r->d->toks[j].flags & TOKF_UPPER) && r->d->toks[j].kind == TOK_WORD &&
        !np_word(r, j) && r->d->an[j + 1].upos == UPOS_PROPN && r->reg_of[j] < 0 &&
        !(r->d->toks[j].flags & TOKF_BOILER))
        j++;
    uint32_t q = NOTOK;
    while (j < lim && j - i < 10 && np_word(r, j) && r->reg_of[j] < 0) {
        if (np_head_word(r, j) || name_word(r, j)) h = j; /* "said Cuban" with Cuban an adjective */
        if (j == i && tok_in_list(r->d, j, "one|another|some|many|several|both|others|most")) q = j;
        j++;
    }
    /* "said one well-connected Democrat familiar with ...": the
     * quantifier stands for the phrase the tagger broke */
    if (h == NOTOK && q != NOTOK) h = q;
    if (h == NOTOK) return i;
    *hd = h;
    return h + 1;
}

/* A noun phrase that ends just before i going left (Ortiz said): its start,
 * or i when there is none. */
static uint32_t np_left(const qrun *r, uint32_t i, uint32_t lim, uint32_t *hd) {
    uint32_t j = i, h = NOTOK;
    while (j > lim && i - j < 10 && np_word(r, j - 1) && r->reg_of[j - 1] < 0) {
        if (h == NOTOK && np_head_word(r, j - 1)) h = j - 1;
        j--;
    }
    if (h == NOTOK) return i;
    *hd = h;
    return j;
}

/* ---- speakers ------------------------------------------------------------- */

static int weekday_or_time(const dyad_doc *d, uint32_t i);
static int time_noun(const dyad_doc *d, uint32_t i);
static uint32_t sent_first(const qrun *r, uint32_t i);
static uint32_t sent_last(const qrun *r, uint32_t i);

static int nominal(const qrun *r, uint32_t i) {
    uint8_t u = r->d->an[i].upos;
    return u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_PRON;
}

static int relative_pronoun(const qrun *r, uint32_t i) {
    return tok_is(r->d, i, "who") || tok_is(r->d, i, "which") || tok_is(r->d, i, "that");
}

/* "Jolly said", "Cook declined": a capitalized first word of the
 * sentence right before the verb, that the tagger took for an adverb, an
 * adjective or a verb, is most often a name. */
static int mistagged_name(const qrun *r, uint32_t x) {
    if (!r->tagged || !(r->d->toks[x].flags & TOKF_UPPER) || r->d->toks[x].kind != TOK_WORD) return 0;
    uint8_t u = r->d->an[x].upos;
    /* ("Boreing said" with the name taken for an auxiliary) */
    if (u == UPOS_AUX && !tok_in_list(r->d, x, "is|are|was|were|be|been|being|am|has|have|had|having|do|does|did|will|"
                                                "would|can|could|should|shall|may|might|must|got|get|gets|ought"))
        return 1;
    if (u != UPOS_ADV && u != UPOS_ADJ && u != UPOS_VERB && u != UPOS_X) return 0;
    return !tok_in_list(r->d, x,
                        "also|then|later|still|now|never|once|finally|instead|meanwhile|recently|earlier|previously|"
                        "yesterday|today|separately|similarly|often|only|just|so|here|there|thus|again|already|even|"
                        "perhaps|maybe|indeed|however|ultimately|asked|speaking|said|says|told|added|meanwhile");
}

/* "Novak, whose latest company, Acme, makes gears, said", "Novak,
 * meanwhile, who ..., said", "Sen. Jan Novak (D-Tex.), who ..., said":
 * a non-restrictive relative clause between a subject and its verb
 * that has commas of its own.  x is the comma that closes the clause,
 * right before the verb.  The nearest ", who" / ", whose" before x (no
 * quote, no sentence break between) whose antecedent is a name -- past
 * a parenthesis or a lone adverb set off by commas -- opening its
 * sentence or a fronted phrase's comma; NOTOK otherwise. */
static uint32_t nonrestrictive_antecedent(const qrun *r, uint32_t s0, uint32_t x) {
    if (x == NOTOK || !r->tagged) return NOTOK;
    for (uint32_t w = x; w > s0 + 1 && x - w < 40; w--) {
        uint32_t p = w - 1;
        if (r->reg_of[p] >= 0 || tok_sent_punct(r->d, p) || tok_is_char(r->d, p, ';')) return NOTOK;
        if (!tok_in_list(r->d, p, "who|whose") || !tok_is_char(r->d, p - 1, ',') || p - 1 == s0) continue;
        uint32_t t = p - 2;
        if (tok_is_char(r->d, t, ')')) {
            uint32_t a = t;
            while (a > s0 && t - a < 12 && !tok_is_char(r->d, a, '(')) a--;
            if (!tok_is_char(r->d, a, '(') || a == s0) return NOTOK;
            t = a - 1;
        } else if (r->d->an[t].upos == UPOS_ADV && t > s0 + 1 && tok_is_char(r->d, t - 1, ',')) {
            t -= 2; /* "Novak, meanwhile, who" */
        }
        if (r->reg_of[t] >= 0 || r->d->an[t].upos != UPOS_PROPN) return NOTOK;
        uint32_t b = t;
        while (b > s0 && t - b < 6 &&
               (r->d->an[b - 1].upos == UPOS_PROPN || (r->d->toks[b - 1].flags & TOKF_UPPER)) &&
               r->d->toks[b - 1].kind != TOK_PUNCT && r->reg_of[b - 1] < 0)
            b--;
        return b == s0 || tok_is_char(r->d, b - 1, ',') ? t : NOTOK;
    }
    return NOTOK;
}

/* The head of the noun phrase right before verb v (auxiliaries and
 * adverbs skipped), in the same sentence: the subject when the tree has
 * none.  NOTOK if the word before is not a noun or pronoun. */
static uint32_t surface_subject(const qrun *r, uint32_t v) {
    uint32_t s0 = sent_first(r, v), k = v;
    while (k > s0 && v - k < 4 &&
           (is_adverb(r, k - 1) || (k - 1 == s0 && r->tagged && r->d->an[s0].upos == UPOS_VERB)) &&
           !tok_is(r->d, k - 1, "to"))
        k--;
    if (k == s0) return k < v && v - k <= 2 && mistagged_name(r, k) ? k : NOTOK;
    uint32_t x = k - 1;
    /* "those surveyed said": the pronoun or noun the participle modifies */
    if (r->parsed && x > s0 && r->d->an[x].upos == UPOS_VERB && r->d->an[x].xpos == XPOS_VBN &&
        deprel(r, x) == DEP_ACL && head(r, x) == (int32_t)(x - 1) && nominal(r, x - 1))
        x--;
    if (tok_is_char(r->d, x, ')')) {
        /* "Elizabeth Warren (D-MA) said", "Novak (a senator so young
         * he is taken for an intern) says": a parenthesis of any length
         * between the subject and its verb */
        uint32_t a = x;
        while (a > s0 && x - a < 30 && !tok_is_char(r->d, a, '(') && (a == x || !tok_is_char(r->d, a, ')'))) a--;
        if (!tok_is_char(r->d, a, '(') || a == s0) return NOTOK;
        x = a - 1;
    }
    if ((tok_is_char(r->d, x, ',') || tok_is_dash(r->d, x)) && x > s0 && r->tagged) {
        /* "Stein, a physician from Massachusetts, accused" / "Podesta,
         * who said ..., said" / "Joyce -- who is listed ... -- told": the
         * name before the appositive or relative clause.  A clause there
         * must be relative; an appositive has no verb. */
        int dash = tok_is_dash(r->d, x);
        uint32_t found = NOTOK;
        /* up to three such segments: "Tom Fitton, the president of
         * Judicial Watch, a conservative group that has sued ..., said" */
        for (int seg = 0; seg < 3; seg++) {
            uint32_t a = x, verbs = 0, rel = 0;
            while (a > s0 && x - a < 40 && !(dash ? tok_is_dash(r->d, a - 1) : tok_is_char(r->d, a - 1, ',')) &&
                   r->reg_of[a - 1] < 0 && !tok_sent_punct(r->d, a - 1)) {
                uint8_t u = r->d->an[a - 1].upos;
                verbs += u == UPOS_VERB || u == UPOS_AUX;
                rel += tok_is(r->d, a - 1, "who") || tok_is(r->d, a - 1, "whose") ||
                       (tok_in_list(r->d, a - 1, "that|which") && a - 1 > s0 &&
                        (r->d->an[a - 2].upos == UPOS_NOUN || r->d->an[a - 2].upos == UPOS_PROPN));
                a--;
            }
            /* (an interposed adverbial clause: "Ortiz, when reached by
             * phone, said", "Ortiz, in a statement, said") */
            if (!(a > s0 + 1 && a < x && (dash ? tok_is_dash(r->d, a - 1) : tok_is_char(r->d, a - 1, ',')) &&
                  (!verbs || rel || relative_pronoun(r, a) ||
                   tok_in_list(r->d, a, "when|while|after|before|although|though|if|once|because|since|in|at|during") ||
                   (r->d->an[a].upos == UPOS_VERB &&
                    (r->d->an[a].xpos == XPOS_VBN || r->d->an[a].xpos == XPOS_VBG || r->d->an[a].xpos == XPOS_VBD)))))
                break;
            uint32_t t = a - 2;
            if (r->reg_of[t] >= 0 || relative_pronoun(r, t)) break;
            uint8_t ut = r->d->an[t].upos;
            if (seg == 0 && !verbs && ut != UPOS_PROPN && ut != UPOS_PRON && r->d->an[a].upos == UPOS_PROPN) {
                /* "the director of the F.B.I., James B. Comey, said", "...
                 * primary, Gov. John Kasich (R-OH), said": a segment that
                 * is a name after a noun or a fronted clause is the
                 * subject (its first run of names) */
                uint32_t e = a;
                while (e + 1 < x && r->d->an[e + 1].upos == UPOS_PROPN) e++;
                return e;
            }
            /* "Democratic economists, like their Republican counterparts,
             * say" */
            if (seg == 0 && !verbs && ut == UPOS_NOUN && tok_in_list(r->d, a, "like|unlike|including|such|along|as"))
                return t;
            /* "Small, who attended the rally, said": a name at the start */
            if (ut == UPOS_PROPN || ut == UPOS_PRON || (t == s0 && mistagged_name(r, t))) return t;
            if (seg == 0 && (ut == UPOS_NOUN || (ut == UPOS_ADJ && a > s0 + 2 && r->d->an[a - 3].upos == UPOS_DET)) &&
                verbs)
                found = t;
            if (ut != UPOS_NOUN && ut != UPOS_ADJ) break;
            x = a - 1; /* the comma before this segment: try the one before */
        }
        if (found != NOTOK) return found;
        return nonrestrictive_antecedent(r, s0, tok_is_char(r->d, k - 1, ',') ? k - 1 : NOTOK);
    }
    if (x > s0 && r->tagged && weekday_or_time(r->d, x)) {
        /* "A new poll released this week found": past the time and the
         * participle to the noun */
        uint32_t y = x;
        while (y > s0 && x - y < 4 &&
               (weekday_or_time(r->d, y - 1) || r->d->an[y - 1].upos == UPOS_DET ||
                tok_in_list(r->d, y - 1, "on|earlier|late|early|next")))
            y--;
        if (y > s0 && r->d->an[y - 1].xpos == XPOS_VBN) y--;
        if (y == s0 || !np_head_word(r, y - 1) || r->reg_of[y - 1] >= 0 || relative_pronoun(r, y - 1))
            return NOTOK;
        x = y - 1;
    }
    if ((x == s0 || (x > s0 && tok_is_char(r->d, x - 1, ','))) && mistagged_name(r, x)) return x;
    if (r->reg_of[x] >= 0 || !np_head_word(r, x) || relative_pronoun(r, x) || tok_is(r->d, x, "there")) return NOTOK;
    if (r->tagged && r->d->an[x].upos == UPOS_PRON && (tok_is(r->d, x, "it") || tok_is(r->d, x, "them") ||
                                                      tok_is(r->d, x, "him") || tok_is(r->d, x, "her")))
        return tok_is(r->d, x, "it") ? x : NOTOK;
    return x;
}

/* A subject the parser gave that is a prepositional phrase ("during an
 * ABC News interview, Mr. Trump questioned", "36 percent of voters said")
 * is its mistake: the partitive's head, an appositive name, or none. */
static uint32_t real_subject(const qrun *r, uint32_t x) {
    if (deprel(r, x) == DEP_OBL_AGENT) return x; /* a passive's "by" agent is no mistake */
    for (int step = 0; step < 3 && x != NOTOK; step++) {
        uint32_t cs = NOTOK, ap = NOTOK;
        for (int32_t c = r->kid[x], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++) {
            uint8_t dr = r->d->an[c].deprel;
            if (dr == DEP_CASE && (uint32_t)c < x && r->d->an[c].upos == UPOS_ADP && cs == NOTOK) cs = (uint32_t)c;
            else if (dr == DEP_APPOS && (uint32_t)c > x && ap == NOTOK &&
                     (r->d->an[c].upos == UPOS_PROPN || r->d->an[c].upos == UPOS_PRON))
                ap = (uint32_t)c;
        }
        /* "After the candidates opposed ...": a subordinator the tagger
         * took for a preposition; "about half said": an approximation */
        if (cs == NOTOK || tok_in_list(r->d, cs,
                                       "after|before|since|as|until|because|while|like|than|if|unlike|once|with|"
                                       "about|around|nearly|almost|roughly|approximately|over|under"))
            return x;
        /* "most in both states" parsed with "most" as a modifier */
        for (int32_t c = r->kid[x], nk_ = 0; c >= 0 && (uint32_t)c < cs && nk_ < KIDS_MAX; c = r->sib[c], nk_++) {
            uint8_t u = r->d->an[c].upos;
            if (u == UPOS_ADJ || u == UPOS_DET || u == UPOS_NUM) {
                if (r->d->an[c].deprel == DEP_DET && !tok_in_list(r->d, (uint32_t)c, "some|many|most|all|both|each"))
                    continue;
                if (r->d->an[c].deprel == DEP_AMOD && !tok_in_list(r->d, (uint32_t)c, "many|most|several|few"))
                    continue;
                return (uint32_t)c;
            }
        }
        /* "36 percent of voters", "officials on and off the island": the
         * noun the phrase modifies -- for "of" only a quantity ("the
         * largesse of hedge fund executives supporting her" is theirs) */
        int32_t h = head(r, x);
        int of = tok_is(r->d, cs, "of");
        if (h >= 0 && (uint32_t)h < cs &&
            (r->d->an[h].upos == UPOS_NUM || r->d->an[h].upos == UPOS_DET || r->d->an[h].upos == UPOS_ADJ ||
             (r->d->an[h].upos == UPOS_PRON && !tok_is(r->d, (uint32_t)h, "those")) ||
             (of ? tok_in_list(r->d, (uint32_t)h,
                               "percent|majority|minority|half|third|quarter|number|plurality|"
                               "share|lot|dozens|hundreds|thousands|millions|group|none|one|some|many|most|all")
                 : nominal(r, (uint32_t)h)))) {
            x = (uint32_t)h;
            continue;
        }
        if (of) return x;
        /* "Jeb Bush in a Medium post said" with the name hung on the
         * phrase as its subject */
        if (ap == NOTOK)
            for (int32_t c = r->kid[x], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
                if (r->d->an[c].deprel == DEP_NSUBJ && (uint32_t)c < cs && nominal(r, (uint32_t)c)) return (uint32_t)c;
        return ap;
    }
    return x;
}

static uint32_t subject_raw(qrun *r, uint32_t v, int depth);
static int speakerish_noun(const qrun *r, uint32_t x);

/* Of two subjects the parser gave one verb, the better: outside quote
 * marks, then without a preposition ("in sharp contrast ..., says Dante
 * Scala"). */
static int subj_rank(const qrun *r, uint32_t x) {
    int rank = r->reg_of[x] < 0 ? 2 : 0;
    for (int32_t c = r->kid[x], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
        if (r->d->an[c].deprel == DEP_CASE && (uint32_t)c < x) return rank;
    return rank + 1;
}

/* A subject that can be a speaker on its face: a name, a personal
 * pronoun, a mention of an actor. */
static int speakerish(const qrun *r, uint32_t x) {
    if (r->men[x] >= 0) return 1;
    uint8_t u = r->d->an[x].upos;
    if (u == UPOS_PROPN) return 1;
    if (u == UPOS_PRON) return !tok_in_list(r->d, x, "it|this|that|there|which|what|something|nothing|everything");
    return 0;
}

/* Things that speak for whoever issues them. */
#define DOCUMENTS                                                                                                   \
    "statement|statements|letter|email|e-mail|memo|report|release|tweet|tweets|post|ad|ads|video|petition|message|" \
    "note|editorial|interview|speech|remarks|op-ed|column|book|filing|lawsuit|complaint|ruling|order|text|"         \
    "advertisement|commercial|spot|mailer|flier|brief|motion|response|headline|cover|notice|announcement|"      \
    "banner|caption|sign|placard"

/* Heads of noun phrases naming polls, counts and records: "a CNN poll",
 * "FEC records", "the data". */
#define EVIDENCE                                                                                                  \
    "poll|polls|polling|survey|surveys|study|studies|analysis|analyses|review|records|record|data|statistics|"   \
    "figures|numbers|results|report|reports|documents|emails|e-mails|filings|research|paper|audit|investigation|" \
    "count|tally|estimates|projections|models|model|findings|calculations|reporting|testing|video|footage"

/* Verb v is finite through an auxiliary: "have said", "would say". */
static int has_tense_aux(const qrun *r, uint32_t v) {
    for (int32_t c = r->kid[v], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
        if (r->d->an[c].deprel == DEP_AUX && (uint32_t)c < v && !tok_is(r->d, (uint32_t)c, "to")) return 1;
    return 0;
}

/* "Mrs. Clinton shook her head and said": a cue right after "and" or
 * "but" shares the subject of the verb before it, whatever the tree
 * made of the two; NOTOK if there is none. */
static uint32_t coordinated_subject(qrun *r, uint32_t v) {
    uint32_t s0 = sent_first(r, v), k = v;
    while (k > s0 && v - k < 3 && is_adverb(r, k - 1)) k--;
    if (k <= s0 + 1 || !tok_in_list(r->d, k - 1, "and|but")) return NOTOK;
    for (uint32_t j = k - 1; j > s0 && k - j < 16; j--) {
        uint32_t w = j - 1;
        if (r->reg_of[w] >= 0 || tok_sent_punct(r->d, w) || tok_is_char(r->d, w, ';')) break;
        if (r->d->an[w].upos == UPOS_VERB &&
            (r->d->an[w].xpos == XPOS_VBD || r->d->an[w].xpos == XPOS_VBZ || r->d->an[w].xpos == XPOS_VBP)) {
            uint32_t x = subject_raw(r, w, 1);
            return x != NOTOK && x < w && r->reg_of[x] < 0 ? x : NOTOK;
        }
    }
    return NOTOK;
}

/* "Said Dorothy Poynter, who grew up ...,", "..., explained Rosenberg,
 * “…”", "Continued Stone:": a speech verb opening its clause, then a
 * name and punctuation -- the inverted subject the tree took for an
 * object or a passive subject; NOTOK if none. */
static uint32_t inverted_subject(qrun *r, uint32_t v) {
    uint32_t s0 = sent_first(r, v), e = sent_last(r, v);
    if (v > s0 && !tok_is_char(r->d, v - 1, ',') && r->d->toks[v - 1].kind != TOK_QUOTE) return NOTOK;
    uint32_t hd = NOTOK, k0, k1;
    cue_span(r, v, &k0, &k1);
    uint32_t end = np_right(r, k1, e, &hd);
    if (end == k1 || hd == NOTOK || r->d->an[hd].upos != UPOS_PROPN || r->d->an[k1].upos != UPOS_PROPN) return NOTOK;
    /* (the name's head, "Maria" of "Maria Ortiz", so the span is whole) */
    int32_t f = head(r, hd);
    if (deprel(r, hd) == DEP_FLAT && f >= 0 && (uint32_t)f >= k1 && (uint32_t)f < hd) hd = (uint32_t)f;
    if (end < e && !tok_is_char(r->d, end, ',') && !tok_is_char(r->d, end, ':') && !tok_sent_punct(r->d, end) &&
        r->d->toks[end].kind != TOK_QUOTE && !tok_is_char(r->d, end, '(') && !tok_is(r->d, end, "and"))
        return NOTOK;
    return hd;
}

/* A noun that can speak: a name, a pronoun, an actor's mention, or a
 * plural of people ("Democratic economists"). */
static int speakerish_noun(const qrun *r, uint32_t x) {
    if (r->men[x] >= 0) return 1;
    uint8_t u = r->d->an[x].upos;
    if (u == UPOS_PROPN) return 1;
    if (u == UPOS_PRON) return !tok_in_list(r->d, x, "it|this|that|there|which|what|something|nothing|everything");
    return r->d->an[x].xpos == XPOS_NNS;
}

/* The poll or survey that respondents x of cue v answered, named in a
 * phrase ("In a ... poll", "according to a ... survey") before them in
 * their sentence; NOTOK if x is no respondents or there is none. */
static uint32_t poll_source(const qrun *r, uint32_t x, uint32_t v) {
    int resp = r->d->an[x].upos == UPOS_NUM ||
               tok_in_list(r->d, x, "percent|%|majority|minority|plurality|half|third|thirds|quarter|most|many|voters|"
                                    "respondents|americans|democrats|republicans|people|adults|independents");
    if (!resp) return NOTOK;
    uint32_t s0 = sent_first(r, x);
    for (uint32_t k = s0; k < x && k < v; k++) {
        if (!tok_in_list(r->d, k, "poll|polls|survey|surveys") || r->reg_of[k] >= 0) continue;
        /* the phrase opens with "in" or "according to" a few words back */
        for (uint32_t j = k; j > s0 && k - j < 8; j--)
            if (tok_in_list(r->d, j - 1, "in|to") && !(r->d->an[j - 1].upos == UPOS_VERB)) return k;
    }
    return NOTOK;
}

static uint32_t antecedent(const qrun *r, uint32_t h);

/* The speaker of cue v: its subject as subject_raw finds it, checked
 * (a prepositional phrase is no subject, nor are quoted words); NOTOK if
 * none. */
static uint32_t subject_of(qrun *r, uint32_t v) {
    uint32_t x = subject_raw(r, v, 0);
    if (x == NOTOK && r->parsed && cue_flags(r, v)) {
        /* a cue the parser hung somewhere odd: the subject of the nearest
         * clause above it that has one before it */
        int32_t a = (int32_t)v;
        for (int step = 0; step < 24 && x == NOTOK && (a = head(r, (uint32_t)a)) >= 0; step++)
            for (int32_t c = r->kid[a], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
                if (r->d->an[c].deprel == DEP_NSUBJ && (uint32_t)c < v && r->reg_of[c] < 0 &&
                    !weekday_or_time(r->d, (uint32_t)c))
                    x = (uint32_t)c;
    }
    if (x == NOTOK && r->parsed && cue_flags(r, v)) x = coordinated_subject(r, v);
    if ((x == NOTOK || (x < v && r->parsed && !speakerish_noun(r, x))) && r->parsed && (cue_flags(r, v) & Q_S) &&
        !(cue_flags(r, v) & Q_X)) { /* (not "told Fox News", "urged Congress") */
        /* (also "The contrast with Trump, said Doyle and others, would
         * be clear" with the thing taken for the subject) */
        uint32_t y = inverted_subject(r, v);
        if (y != NOTOK) x = y;
    }
    if (x == NOTOK && r->parsed && cue_flags(r, v)) {
        /* "Mr. Bush, channeling his roots, responded by first saying":
         * a tree rooted in the noun phrase (the parser found no main
         * verb) has the noun for the subject of the verbs under it */
        int32_t a = (int32_t)v;
        for (int step = 0; step < 24 && head(r, (uint32_t)a) >= 0; step++) a = head(r, (uint32_t)a);
        if ((uint32_t)a < v && (uint32_t)a >= sent_first(r, v) && r->reg_of[a] < 0 &&
            (r->d->an[a].upos == UPOS_PROPN || r->d->an[a].upos == UPOS_NOUN || r->d->an[a].upos == UPOS_PRON) &&
            !time_noun(r->d, (uint32_t)a) && speakerish_noun(r, (uint32_t)a))
            x = (uint32_t)a;
    }
    if (x == NOTOK && r->parsed && r->d->an[v].xpos == XPOS_VBG && cue_flags(r, v)) {
        /* "For months, Obama has been on the sidelines ..., arguing":
         * with the tree broken above the participle, the last speaking
         * subject before it in its sentence */
        uint32_t s0 = sent_first(r, v);
        for (uint32_t k = v; k > s0 && v - k < 30 && x == NOTOK; k--) {
            uint32_t y = k - 1;
            if (tok_sent_punct(r->d, y) || tok_is_char(r->d, y, ';')) break;
            int32_t hy = head(r, y);
            if ((deprel(r, y) == DEP_NSUBJ || deprel(r, y) == DEP_NSUBJ_PASS) && hy >= 0 && (uint32_t)hy < v &&
                r->reg_of[y] < 0 && speakerish(r, y) && !relative_pronoun(r, y))
                x = y;
        }
    }
    if (x != NOTOK && r->parsed) {
        /* "In an interview with Politico, Novak says": a subject that is
         * a fronted prepositional phrase with no noun to stand for it
         * leaves a finite cue to the noun phrase right before it */
        uint32_t x0 = x;
        x = real_subject(r, x);
        if (x == NOTOK && x0 < v && r->tagged &&
            (r->d->an[v].xpos == XPOS_VBD || r->d->an[v].xpos == XPOS_VBZ || r->d->an[v].xpos == XPOS_VBP)) {
            uint32_t y = surface_subject(r, v);
            if (y != NOTOK && y > x0 && r->reg_of[y] < 0) x = y;
        }
    }
    if (x != NOTOK && r->parsed) {
        /* "In a CNN/ORC poll released Monday, 79 percent said ...": the
         * respondents speak through the poll, which PolNeAR takes for
         * the source */
        uint32_t p = poll_source(r, x, v);
        if (p != NOTOK) x = p;
    }
    if (x != NOTOK && r->parsed && x < v) {
        /* "In discussing the scandals around nominee Hillary Clinton,
         * former ambassador John Bolton told": a name set off by a comma
         * and running up to the verb, taken for an appositive of a noun
         * further back, is the subject */
        uint32_t a = v;
        /* (past adverbs and a time adjunct: "Ortiz on Tuesday said") */
        for (int guard = 0; guard < 8 && a > x + 1; guard++) {
            if (is_adverb(r, a - 1)) a--;
            else if (time_noun(r->d, a - 1)) {
                a--;
                while (a > x + 1 && tok_in_list(r->d, a - 1, "on|last|this|next|late|early|in")) a--;
            } else
                break;
        }
        for (int32_t c = r->kid[x], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
            if (r->d->an[c].deprel == DEP_APPOS && (uint32_t)c > x && r->hi[c] + 1 == a &&
                r->d->an[c].upos == UPOS_PROPN) {
                uint32_t c0, c1;
                np_span(r, (uint32_t)c, &c0, &c1);
                if (c0 > x + 1 && tok_is_char(r->d, c0 - 1, ',') && r->reg_of[c] < 0) x = (uint32_t)c;
            }
    }
    if (x != NOTOK && r->parsed && x < v) {
        /* "Ortiz, whose views on trade have upset her party, last year
         * proposed": a "whose" relative clause between the subject and
         * its verb, with its own noun taken for the subject -- the noun
         * the clause describes speaks (a comma closes the clause before
         * the verb) */
        uint32_t w = NOTOK;
        for (int32_t c = r->kid[x], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
            if ((uint32_t)c < x && tok_is(r->d, (uint32_t)c, "whose")) w = (uint32_t)c;
        if (w != NOTOK && w >= 2 && tok_is_char(r->d, w - 1, ',')) {
            int comma = 0;
            for (uint32_t k = x + 1; k < v && !comma; k++) comma = tok_is_char(r->d, k, ',');
            uint32_t a = comma ? antecedent(r, w) : NOTOK;
            if (a != NOTOK && a < w && r->reg_of[a] < 0) x = a;
        }
    }
    /* the speaker is never quoted: a subject inside quote marks belongs
     * to the quoted words ("“Word is,” Trump said, “that ...”") */
    if (x != NOTOK && r->reg_of[x] >= 0 && r->reg_of[v] < 0) {
        x = surface_subject(r, v);
        if (x != NOTOK && r->reg_of[x] >= 0) x = NOTOK;
    }
    return x;
}

/* "with 30 percent of voters saying ...": the noun phrase of an absolute
 * construction before participle v speaks -- its first noun, else its
 * first number; NOTOK if v follows no "with" and a noun phrase. */
static uint32_t absolute_with(const qrun *r, uint32_t v) {
    uint32_t s0 = sent_first(r, v), w = NOTOK;
    for (uint32_t k = v; k > s0 && v - k < 9; k--) {
        uint32_t t = k - 1;
        if (tok_is(r->d, t, "with")) {
            w = t;
            break;
        }
        uint8_t u = r->d->an[t].upos;
        if (!(u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_PRON || u == UPOS_NUM || u == UPOS_DET || u == UPOS_ADJ ||
              (u == UPOS_ADV && tok_in_list(r->d, t, "about|nearly|almost|roughly|only|just")) ||
              tok_in_list(r->d, t, "of|in|out")) ||
            r->reg_of[t] >= 0)
            break;
    }
    if (w == NOTOK || w + 1 >= v) return NOTOK;
    uint32_t num = NOTOK;
    for (uint32_t k = w + 1; k < v; k++) {
        uint8_t u = r->d->an[k].upos;
        if (u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_PRON) return k;
        if (u == UPOS_NUM && num == NOTOK) num = k;
    }
    return num;
}

/* A time word, a month included ("in March", "One month after"). */
static int time_noun(const dyad_doc *d, uint32_t i) {
    return weekday_or_time(d, i) ||
           tok_in_list(d, i, "january|february|march|april|june|july|august|september|october|november|december");
}

/* A noun an infinitive can complete as its doer: a person ("a spokesman
 * to say"), a group, or a rank ("the first senator to endorse"). */
static int undertaker(const qrun *r, uint32_t h) {
    if (r->men[h] >= 0) return 1;
    for (int32_t c = r->kid[h], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
        if ((uint32_t)c < h && (r->d->an[c].xpos == XPOS_JJS || r->d->an[c].upos == UPOS_NUM ||
                                tok_in_list(r->d, (uint32_t)c, "first|last|next|only|second|third")))
            return 1;
    return tok_in_list(r->d, h,
                       "one|ones|person|people|member|members|official|officials|group|groups|man|men|woman|women|"
                       "leader|leaders|candidate|candidates|senator|senators|lawmaker|lawmakers|voter|voters|"
                       "republican|republicans|democrat|democrats|president|governor|state|states|country|"
                       "countries|company|companies|party|committee|court|administration|campaign|agency|team");
}

/* "a way for users to report": the infinitive's own subject after "for"
 * between the noun h and the infinitive v. */
static int for_subject(const qrun *r, uint32_t h, uint32_t v) {
    for (uint32_t k = h + 1; k < v && k < h + 12; k++)
        if (tok_is(r->d, k, "for")) return 1;
    return 0;
}

static uint32_t subject_raw(qrun *r, uint32_t v, int depth);

/* Whoever a noun belongs to, for the participle or infinitive v that
 * completes it: its possessor ("his decision to"), else the subject of
 * the clause it is the object or oblique of, through "of" phrases ("much
 * of his speech"); NOTOK if none. */
static uint32_t owner_of_noun(qrun *r, uint32_t h, uint32_t v, int depth) {
    int32_t a = (int32_t)h;
    for (int step = 0; step < 4 && a >= 0; step++) {
        for (int32_t c = r->kid[a], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
            if (r->d->an[c].deprel == DEP_NMOD_POSS && (uint32_t)c < (uint32_t)a && r->reg_of[c] < 0)
                return (uint32_t)c;
        uint8_t ar = deprel(r, (uint32_t)a);
        int32_t ha = head(r, (uint32_t)a);
        if (ha < 0) break;
        if (r->d->an[ha].upos == UPOS_VERB &&
            (ar == DEP_OBJ || ar == DEP_OBL || ar == DEP_OBL_UNMARKED || ar == DEP_OBL_TMOD ||
             ar == DEP_NSUBJ_PASS || (ar == DEP_NSUBJ && time_noun(r->d, (uint32_t)a)))) {
            /* "gave Beck new impetus to oppose": the one given it */
            if (ar == DEP_OBJ)
                for (int32_t c = r->kid[ha], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
                    if (r->d->an[c].deprel == DEP_IOBJ && nominal(r, (uint32_t)c)) return (uint32_t)c;
            uint32_t x = subject_raw(r, (uint32_t)ha, depth + 1);
            if (x != NOTOK && x < v && x != (uint32_t)a && !time_noun(r->d, x) && r->reg_of[x] < 0) return x;
            /* "In addition to worrying that ..., Mrs. Clinton is": a
             * fronted phrase; the clause's subject follows it */
            if ((uint32_t)a < v)
                for (int32_t c = r->kid[ha], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
                    if ((r->d->an[c].deprel == DEP_NSUBJ || r->d->an[c].deprel == DEP_NSUBJ_PASS) &&
                        (uint32_t)c > v && c < ha && r->reg_of[c] < 0 && r->lo[c] > 0 &&
                        tok_is_char(r->d, r->lo[c] - 1, ','))
                        return (uint32_t)c;
            return NOTOK;
        }
        if (ar != DEP_NMOD) break;
        a = ha;
    }
    return NOTOK;
}

/* "As Akhil Amar, professor of ..., put it": a past form the tagger took
 * for the base form -- after a comma, with neither "to" nor an
 * auxiliary, well into its sentence. */
static int bare_finite(const qrun *r, uint32_t v) {
    if (r->d->an[v].xpos != XPOS_VB || v < 2 || v < sent_first(r, v) + 3 || !tok_is_char(r->d, v - 1, ',')) return 0;
    for (int32_t c = r->kid[v], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
        if ((r->d->an[c].deprel == DEP_AUX || r->d->an[c].deprel == DEP_MARK) && (uint32_t)c < v &&
            !tok_is(r->d, (uint32_t)c, "as"))
            return 0;
    return 1;
}

/* The subject of verb v in the tree (the agent of a passive), following
 * conj/xcomp/advcl links up to cues without their own, a participle up to
 * the clause it depends on, and the noun phrase before a finite verb when
 * the tree has none; NOTOK if none.  depth bounds the recursion. */
/* Whether clause head u has a subordinator (mark) from list before it. */
static int clause_mark_in(const qrun *r, uint32_t u, const char *list) {
    for (int32_t c = r->kid[u], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
        if (r->d->an[c].deprel == DEP_MARK && (uint32_t)c < u && tok_in_list(r->d, (uint32_t)c, list)) return 1;
    return 0;
}

static uint32_t subject_raw(qrun *r, uint32_t v, int depth) {
    /* "Having announced that ..., Berman proceeded": a perfect
     * participle is read as the present one */
    int having = 0;
    if (r->parsed && r->d->an[v].xpos == XPOS_VBN)
        for (int32_t c = r->kid[v], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
            if (r->d->an[c].deprel == DEP_AUX && (uint32_t)c < v && tok_is(r->d, (uint32_t)c, "having")) having = 1;
    if (having && r->parsed) {
        /* the clause it opens: its subject comes after the comma; the
         * parser makes that clause the participle's head or conjunct */
        int32_t a = head(r, v);
        for (int32_t c = r->kid[v], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
            if ((r->d->an[c].deprel == DEP_CONJ || r->d->an[c].deprel == DEP_PARATAXIS) && (uint32_t)c > v &&
                r->d->an[c].upos == UPOS_VERB) {
                a = c;
                break;
            }
        if (a >= 0 && (uint32_t)a > v)
            for (int32_t c = r->kid[a], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
                if (r->d->an[c].deprel == DEP_NSUBJ && (uint32_t)c > v && r->reg_of[c] < 0) return (uint32_t)c;
    }
    if (r->parsed && r->d->an[v].xpos == XPOS_VBG) {
        int own = 0;
        for (int32_t c = r->kid[v], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
            own |= r->d->an[c].deprel == DEP_NSUBJ || r->d->an[c].deprel == DEP_NSUBJ_PASS;
        uint32_t x = own ? NOTOK : absolute_with(r, v);
        if (x != NOTOK) return x;
    }
    if (r->parsed && r->d->an[v].xpos == XPOS_VBG && deprel(r, v) != DEP_ACL && deprel(r, v) != DEP_ACL_RELCL &&
        deprel(r, v) != DEP_AMOD) {
        /* "..., saying that ...", "by saying", "after initially saying":
         * the subject of the nearest clause above the participle that has
         * one before it, wherever the parser hung the participle (a
         * copula's "Fiorina was upfront ..., saying" included) */
        int own = 0;
        /* (a time as the participle's subject, "Obama spent Thursday
         * discussing", is the parser's mistake) */
        for (int32_t c = r->kid[v], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
            if (((r->d->an[c].deprel == DEP_NSUBJ || r->d->an[c].deprel == DEP_NSUBJ_PASS) &&
                 !weekday_or_time(r->d, (uint32_t)c)) ||
                r->d->an[c].deprel == DEP_AUX || r->d->an[c].deprel == DEP_AUX_PASS)
                own = 1;
        int32_t a = (int32_t)v;
        /* "voters saying ..." with the participle hung on the noun as
         * an adverbial clause: the noun, as for acl */
        int32_t hn = head(r, v);
        if (!own && hn >= 0 && (uint32_t)hn + 1 == v &&
            (r->d->an[hn].upos == UPOS_NOUN || r->d->an[hn].upos == UPOS_PROPN) && deprel(r, v) == DEP_ADVCL &&
            !weekday_or_time(r->d, (uint32_t)hn))
            return (uint32_t)hn;
        for (int step = 0; step < 24 && !own && (a = head(r, (uint32_t)a)) >= 0; step++) {
            uint32_t best = NOTOK;
            for (int32_t c = r->kid[a], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
                if ((r->d->an[c].deprel == DEP_NSUBJ || r->d->an[c].deprel == DEP_NSUBJ_PASS) && (uint32_t)c < v &&
                    !weekday_or_time(r->d, (uint32_t)c) && !(r->reg_of[c] >= 0 && r->reg_of[v] < 0))
                    best = (uint32_t)c; /* (a subject in quote marks is the quote's) */
            if (best != NOTOK && depth < 3 && (cue_flags(r, v) & Q_S) && !speakerish(r, best)) {
                /* "..., there was no call planned, adding: ...": a
                 * speech participle after a reported clause whose
                 * subject speaks for nobody adds to the statement of
                 * the cue the clause depends on */
                int32_t u = a;
                for (int s2 = 0; u >= 0 && s2 < 8; s2++) {
                    uint8_t ur = deprel(r, (uint32_t)u);
                    if (ur != DEP_CCOMP && ur != DEP_CSUBJ && ur != DEP_XCOMP && ur != DEP_PARATAXIS) break;
                    u = head(r, (uint32_t)u);
                    if (u >= 0 && (cue_flags(r, (uint32_t)u) & (Q_S | Q_C))) {
                        uint32_t x = subject_raw(r, (uint32_t)u, depth + 1);
                        if (x != NOTOK && x < v) return x;
                        break;
                    }
                }
            }
            if (best != NOTOK && v > 1 &&
                (tok_is_char(r->d, v - 1, ',') ||
                 (r->d->toks[v - 1].kind == TOK_QUOTE && tok_is_char(r->d, v - 2, ',')))) {
                /* "Bradley apologized after they came out, saying",
                 * "Novak complained that Ortiz is too rigid, suggesting":
                 * a free adjunct set off by a comma is controlled by the
                 * subject of the main clause, not of the adverbial or
                 * complement clause the parser hung it on (a relative
                 * clause's subject does control it: "a charge that the
                 * leaders denied, noting") */
                int32_t u = a;
                for (int s2 = 0; u >= 0 && s2 < 4; s2++) {
                    uint8_t ur = deprel(r, (uint32_t)u);
                    if (ur != DEP_CCOMP && !(ur == DEP_ADVCL && clause_mark_in(r, (uint32_t)u, "after|before|because|since|although|though|unless"))) break;
                    int32_t m = head(r, (uint32_t)u);
                    if (m < 0 || r->d->an[m].upos != UPOS_VERB) break;
                    uint32_t ms = NOTOK;
                    for (int32_t c = r->kid[m], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
                        if (r->d->an[c].deprel == DEP_NSUBJ && (uint32_t)c < (uint32_t)u && r->reg_of[c] < 0 &&
                            !weekday_or_time(r->d, (uint32_t)c))
                            ms = (uint32_t)c;
                    if (ms != NOTOK) best = ms;
                    u = m;
                }
            }
            if (best != NOTOK) return best;
        }
        /* "Sanders, after initially saying ..., took to the airwaves"
         * with the tree broken: the name before the comma that opens
         * the participle's clause */
        uint32_t l = NOTOK;
        for (int32_t c = r->kid[v], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
            if (r->d->an[c].deprel == DEP_MARK && (uint32_t)c < v) l = (uint32_t)c;
        if (!own && l != NOTOK && r->d->an[l].upos == UPOS_SCONJ && l >= 2 && tok_is_char(r->d, l - 1, ',') &&
            sent_first(r, v) < l - 1 && r->reg_of[l - 2] < 0 &&
            (r->d->an[l - 2].upos == UPOS_PROPN || r->d->an[l - 2].upos == UPOS_PRON))
            return l - 2;
        /* "After arguing that ..., his team is suggesting": a fronted
         * participle clause, the subject of the clause after its comma */
        uint32_t e = r->hi[v] + 1;
        if (!own && l != NOTOK && e < r->n && tok_is_char(r->d, e, ',') && r->sent_of[e] == r->sent_of[v])
            for (uint32_t k = e + 1; k < r->n && k < e + 9 && r->sent_of[k] == r->sent_of[v]; k++) {
                if (tok_is_char(r->d, k, ',') || r->reg_of[k] >= 0) break;
                if (r->d->an[k].deprel == DEP_NSUBJ) {
                    int32_t hk = head(r, k);
                    if (hk >= 0 && (uint32_t)hk > k) return k;
                    break;
                }
            }
    }
    if (r->parsed && r->tagged && r->d->an[v].xpos == XPOS_VB &&
        (deprel(r, v) == DEP_XCOMP || deprel(r, v) == DEP_ADVCL)) {
        /* "led DNC chairwoman Debbie Wasserman Schultz to announce",
         * "will force Sanders to acknowledge": the infinitive of an
         * object-control verb is its object's */
        int32_t w = head(r, v);
        int to = 0;
        for (int32_t c = r->kid[v], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
            to |= r->d->an[c].deprel == DEP_MARK && tok_is(r->d, (uint32_t)c, "to");
        /* (not a directive, "urged Congress to", "pushes Dems to
         * reject": the one who urges is the source of the whole) */
        if (to && w >= 0 && (uint32_t)w < v && r->d->an[w].upos == UPOS_VERB && cue_at(r, (uint32_t)w) < 0 &&
            !tok_in_list(r->d, (uint32_t)w, "persuade|persuaded|persuading|convince|convinced|convincing|push|pushes|"
                                            "pushed|pushing|pressure|pressured|pressuring|invite|invited|inviting|"
                                            "implore|implored|beg|begged|need|needs|needed|like|likes|liked|"
                                            "prompt|prompted|prompting|challenged|challenging|trying|try|tries"))
            for (int32_t c = r->kid[w], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
                if ((r->d->an[c].deprel == DEP_OBJ || r->d->an[c].deprel == DEP_IOBJ) && (uint32_t)c > (uint32_t)w &&
                    (uint32_t)c < v && r->reg_of[c] < 0 && speakerish(r, (uint32_t)c) && r->hi[c] < v &&
                    !tok_in_list(r->d, (uint32_t)c, "themselves|himself|herself|itself|myself|ourselves|yourself"))
                    return (uint32_t)c;
    }
    if (r->parsed && r->tagged && r->d->an[v].xpos == XPOS_VBG && deprel(r, v) == DEP_ACL &&
        clause_mark_in(r, v, "after|before|since|until")) {
        /* "Two years after backing Ortiz, Novak now says": the measure of
         * time a fronted temporal clause starts with is no subject (the
         * parser's reading); the participle's subject is the main
         * clause's, the noun phrase right before its verb */
        int32_t h = head(r, v), m = h >= 0 ? head(r, (uint32_t)h) : -1;
        if (h >= 0 && (uint32_t)h < v && time_noun(r->d, (uint32_t)h) && deprel(r, (uint32_t)h) == DEP_NSUBJ &&
            m >= 0 && (uint32_t)m > v && r->d->an[m].upos == UPOS_VERB) {
            uint32_t x = surface_subject(r, (uint32_t)m);
            if (x != NOTOK && x > v && !time_noun(r->d, x)) return x;
        }
    }
    int via_conj = 0, via_inf = 0;
    for (int step = 0; step < 6; step++) {
        int auxpass = 0;
        uint32_t subj = NOTOK, agent = NOTOK, subjpass = NOTOK, oddaux = NOTOK, voc = NOTOK;
        for (int32_t c = r->kid[v], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++) {
            uint8_t dr = r->d->an[c].deprel;
            if (dr == DEP_NSUBJ || dr == DEP_NSUBJ_OUTER) {
                uint32_t x = (uint32_t)c;
                /* "Cruz, who last year threatened" with "who" hung on
                 * the time taken for the subject */
                if (weekday_or_time(r->d, x) && x < v)
                    for (int32_t g = r->kid[x], ng_ = 0; g >= 0 && ng_ < KIDS_MAX; g = r->sib[g], ng_++)
                        if (r->d->an[g].deprel == DEP_NSUBJ && (uint32_t)g < x &&
                            tok_in_list(r->d, (uint32_t)g, "who|which")) {
                            x = (uint32_t)g;
                            break;
                        }
                /* a subject in quote marks is the quote's own (“This will
                 * be a challenge,” said Kunin -- both taken for subjects);
                 * of two before the verb, the nearer: "Trump, who said
                 * ..." (the cue attaches to the pronoun), "Moments
                 * earlier, ..., Trump said", "PHILADELPHIA -- Clinton's
                 * campaign said" */
                if (subj == NOTOK || subj_rank(r, x) > subj_rank(r, subj) ||
                    (subj_rank(r, x) == subj_rank(r, subj) && x > subj && x < v && !tok_is(r->d, x, "that") &&
                     !weekday_or_time(r->d, x)))
                    subj = x;
            } else if (dr == DEP_NSUBJ_PASS) {
                subjpass = (uint32_t)c;
            } else if (dr == DEP_AUX_PASS) {
                /* "Boreing said" with the name taken for an auxiliary */
                if (r->tagged && (r->d->toks[c].flags & TOKF_UPPER) && r->d->an[c].lemma &&
                    strcmp(r->d->an[c].lemma, "be") && strcmp(r->d->an[c].lemma, "get"))
                    oddaux = (uint32_t)c;
                else
                    auxpass = 1;
            } else if (dr == DEP_OBL_AGENT) {
                agent = (uint32_t)c;
            } else if (dr == DEP_VOCATIVE && (uint32_t)c < v && voc == NOTOK && nominal(r, (uint32_t)c)) {
                voc = (uint32_t)c; /* "Cement makers, for instance, argue" */
            } else if (dr == DEP_AUX && (uint32_t)c < v && subj == NOTOK) {
                /* "Ortiz has since said": the subject hung on the
                 * auxiliary */
                for (int32_t g = r->kid[c], ng_ = 0; g >= 0 && ng_ < KIDS_MAX; g = r->sib[g], ng_++)
                    if (r->d->an[g].deprel == DEP_NSUBJ && (uint32_t)g < (uint32_t)c) subj = (uint32_t)g;
            }
        }
        /* "Some said they ...": a passive subject of an active finite
         * verb is its subject */
        if (!auxpass && subj == NOTOK && subjpass != NOTOK && r->tagged &&
            (r->d->an[v].xpos == XPOS_VBD || r->d->an[v].xpos == XPOS_VBZ || r->d->an[v].xpos == XPOS_VBP ||
             (r->d->an[v].xpos == XPOS_VBN && has_tense_aux(r, v))))
            subj = subjpass;
        if (!auxpass && subj == NOTOK && oddaux != NOTOK) subj = oddaux;
        if (!auxpass && subj == NOTOK && subjpass == NOTOK && voc != NOTOK) subj = voc;
        /* "Trump was forced into damage control and said ...": a cue
         * conjoined to a passive shares its subject */
        if (auxpass && via_conj && subjpass != NOTOK && agent == NOTOK) return subjpass;
        /* "he's poised to argue", "Respondents are obliged to disclose":
         * an infinitive under a passive is its passive subject's */
        if (auxpass && via_inf && subjpass != NOTOK && agent == NOTOK && subjpass < v) return subjpass;
        /* "While he's said he believes": the clitic read as a passive
         * auxiliary of an active verb with its subject */
        if (auxpass && subj != NOTOK && subjpass == NOTOK && agent == NOTOK && r->tagged &&
            (r->d->an[v].xpos == XPOS_VBD || r->d->an[v].xpos == XPOS_VBN) && (cue_flags(r, v) & (Q_S | Q_C)))
            auxpass = 0;
        if (auxpass || (subjpass != NOTOK && subj == NOTOK)) return agent;
        /* "Asked by Stephanopoulos to respond, ...": a bare passive
         * participle's agent */
        if (subj == NOTOK && agent != NOTOK && r->tagged && r->d->an[v].xpos == XPOS_VBN && r->reg_of[agent] < 0)
            return agent;
        if (subj != NOTOK) {
            /* an active cue's "it" is an organisation ("It said ..."); only
             * "there" is empty.  A subject after the verb is an inversion
             * only after a quote or a comma ("…,” said Ortiz); a weekday
             * as subject is the parser's mistake */
            if (tok_is(r->d, subj, "there") || weekday_or_time(r->d, subj)) return surface_subject(r, v);
            if (subj > v && v > 0 && r->d->toks[v - 1].kind != TOK_QUOTE && !tok_is_char(r->d, v - 1, ',') &&
                !is_adverb(r, v - 1))
                return surface_subject(r, v);
            return subj;
        }
        uint8_t dr = deprel(r, v);
        int32_t h = head(r, v);
        /* "a candidate supporting ...": the noun the participle modifies;
         * "X issued a statement saying ...": X, who issued it */
        if (h >= 0 && (dr == DEP_ACL || dr == DEP_ACL_RELCL) && r->tagged &&
            (r->d->an[h].upos == UPOS_NOUN || r->d->an[h].upos == UPOS_PROPN || r->d->an[h].upos == UPOS_PRON ||
             (r->d->an[h].upos == UPOS_DET && tok_in_list(r->d, (uint32_t)h, "those|some|many|most|all|both")))) {
            /* "Trump, who has 9 million followers, tweeted" parsed as a
             * relative clause of "followers": a finite cue after a comma
             * is no relative clause; the name before the clause speaks */
            if (dr == DEP_ACL_RELCL && v > 0 && tok_is_char(r->d, v - 1, ',') &&
                (r->d->an[v].xpos == XPOS_VBD || r->d->an[v].xpos == XPOS_VBZ)) {
                uint32_t x = surface_subject(r, v);
                if (x != NOTOK && x != (uint32_t)h) return x;
            }
            /* "a long history of blaming", "took the step of
             * criticizing", "months of refusing", "much of her speech to
             * praising": a participle after a mark completes a noun
             * that speaks for nobody -- the noun's possessor speaks, else
             * the subject of the clause the noun is in */
            int marked = 0, inf = 0;
            for (int32_t c = r->kid[v], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
                if (r->d->an[c].deprel == DEP_MARK && (uint32_t)c < v) {
                    marked = 1;
                    inf |= tok_is(r->d, (uint32_t)c, "to") && r->d->an[v].xpos == XPOS_VB;
                }
            /* "took the last step Wednesday of announcing", "a spokesman
             * said Thursday, speaking of", "spent much of his speech
             * praising", "a rare chance to show", "his decision to
             * refuse": a participle or infinitive completing a time, a
             * speech or an undertaking speaks for whoever that belongs to
             * (not "the first senator to endorse", "a group urging") */
            int timeh = time_noun(r->d, (uint32_t)h);
            if (dr == DEP_ACL && depth < 2 && r->d->an[h].upos != UPOS_PRON &&
                ((timeh && r->d->an[v].xpos == XPOS_VBG) ||
                 (r->d->an[h].upos == UPOS_NOUN && r->d->an[v].xpos == XPOS_VBG &&
                  tok_in_list(r->d, (uint32_t)h, "speech|remarks|address|interview|appearance|testimony|"
                                                 "time|hours|days|weeks|months|years|minutes|part|much")) ||
                 (inf && r->d->an[h].upos == UPOS_NOUN && !undertaker(r, (uint32_t)h) && !for_subject(r, (uint32_t)h, v)))) {
                uint32_t x = owner_of_noun(r, (uint32_t)h, v, depth);
                if (x != NOTOK) return x;
            }
            if (marked && dr == DEP_ACL && r->d->an[v].xpos == XPOS_VBG && r->d->an[h].upos == UPOS_NOUN &&
                depth < 2) {
                uint32_t x = owner_of_noun(r, (uint32_t)h, v, depth);
                if (x != NOTOK) return x;
            }
            /* "Ortiz spoke at the convention center, arguing that ...":
             * a participle set off by a comma is a free adjunct, not a
             * reduced relative of the noun before it (the parser's
             * favourite attachment) -- its understood subject is the
             * subject of the clause the noun belongs to.  Not for a poll
             * or a document, which speaks itself ("a new survey,
             * showing"). */
            if (dr == DEP_ACL && depth < 2 && r->d->an[v].xpos == XPOS_VBG && v > 0 &&
                tok_is_char(r->d, v - 1, ',') && r->d->an[h].upos != UPOS_PRON &&
                !tok_in_list(r->d, (uint32_t)h, EVIDENCE "|" DOCUMENTS)) {
                int32_t a = h;
                for (int s2 = 0; a >= 0 && s2 < 6 && r->d->an[a].upos != UPOS_VERB; s2++) {
                    uint8_t ar = deprel(r, (uint32_t)a);
                    if (ar != DEP_OBJ && ar != DEP_IOBJ && ar != DEP_OBL && ar != DEP_OBL_UNMARKED &&
                        ar != DEP_OBL_TMOD && ar != DEP_NMOD && ar != DEP_CONJ)
                        break;
                    a = head(r, (uint32_t)a);
                }
                if (a >= 0 && (uint32_t)a < v && r->d->an[a].upos == UPOS_VERB) {
                    uint32_t x = subject_raw(r, (uint32_t)a, depth + 1);
                    /* (a subject that can speak: "the extent of ... has
                     * left many wondering" is the many's) */
                    if (x != NOTOK && x < (uint32_t)h && r->reg_of[x] < 0 && !time_noun(r->d, x) &&
                        (speakerish_noun(r, x) || undertaker(r, x)))
                        return x;
                }
            }
            /* "the proportion of voters saying ...": the voters */
            if (tok_in_list(r->d, (uint32_t)h, "percent|proportion|share|majority|minority|plurality|half|third|"
                                              "quarter|number|most|many|some|all|none|one|each"))
                for (int32_t c = r->kid[h], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
                    if (r->d->an[c].deprel == DEP_NMOD && (uint32_t)c > (uint32_t)h && (uint32_t)c < v &&
                        nominal(r, (uint32_t)c) && tok_is(r->d, r->lo[c], "of"))
                        return (uint32_t)c;
            int32_t w = head(r, (uint32_t)h);
            if (w >= 0 && r->d->an[w].upos == UPOS_VERB && (uint32_t)w < (uint32_t)h &&
                (deprel(r, (uint32_t)h) == DEP_OBJ || deprel(r, (uint32_t)h) == DEP_OBL) &&
                tok_in_list(r->d, (uint32_t)h, DOCUMENTS)) {
                for (int32_t c = r->kid[w], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
                    if (r->d->an[c].deprel == DEP_NSUBJ && !relative_pronoun(r, (uint32_t)c)) return (uint32_t)c;
                uint32_t x = surface_subject(r, (uint32_t)w);
                if (x != NOTOK) return x;
            }
            /* "Palin's posts saying", "a report by the museum charging",
             * "issued statements condemning", "sent a text message
             * saying": a document speaks for its author, its issuer or
             * sender */
            if (dr == DEP_ACL && depth < 2 && r->d->an[v].xpos == XPOS_VBG &&
                tok_in_list(r->d, (uint32_t)h, DOCUMENTS "|statements|letters|emails|posts|notes|messages|story|"
                                                         "article|articles|stories|reports|resolution|cover|study")) {
                for (int32_t c = r->kid[h], nk_ = 0; c >= 0 && nk_ < KIDS_MAX; c = r->sib[c], nk_++)
                    if ((r->d->an[c].deprel == DEP_NMOD || r->d->an[c].deprel == DEP_OBL_AGENT) &&
                        (uint32_t)c > (uint32_t)h && (uint32_t)c < v && nominal(r, (uint32_t)c) &&
                        tok_in_list(r->d, r->lo[c], "by|from"))
                        return (uint32_t)c;
                uint32_t x = owner_of_noun(r, (uint32_t)h, v, depth);
                if (x != NOTOK) return x;
            }
            return (uint32_t)h;
        }
        if (r->tagged && (r->d->an[v].xpos == XPOS_VBD || r->d->an[v].xpos == XPOS_VBZ ||
                          r->d->an[v].xpos == XPOS_VBP || has_tense_aux(r, v) || bare_finite(r, v))) {
            /* a finite cue whose subject the parser lost in a long
             * sentence (or hung on another word): the noun phrase right
             * before it */
            uint32_t x = surface_subject(r, v);
            if (x != NOTOK) return x;
        }
        if (h < 0) return NOTOK;
        if (dr == DEP_CONJ || dr == DEP_XCOMP || dr == DEP_ADVCL) {
            /* ", adding that ...": the subject of the cue it goes with, not
             * of a verb inside that cue's content -- climbing only out of
             * content ("shook her head and said" is the shaker's) */
            /* "calling them rapists and vowing to ...": the first
             * participle's subject */
            if (dr == DEP_CONJ && depth < 2 && r->tagged && r->d->an[v].xpos == XPOS_VBG &&
                r->d->an[h].xpos == XPOS_VBG)
                return subject_raw(r, (uint32_t)h, depth + 1);
            if (dr == DEP_ADVCL || dr == DEP_CONJ) {
                int32_t a = h;
                for (int step2 = 0; a >= 0 && step2 < 24; step2++, a = head(r, (uint32_t)a)) {
                    if (cue_flags(r, (uint32_t)a) & (Q_S | Q_C)) {
                        h = a;
                        break;
                    }
                    uint8_t ar = deprel(r, (uint32_t)a);
                    if (ar != DEP_CCOMP && ar != DEP_XCOMP && ar != DEP_CSUBJ && ar != DEP_CONJ) break;
                }
            }
            via_conj = dr == DEP_CONJ;
            via_inf = (dr == DEP_XCOMP || dr == DEP_ADVCL) && r->tagged && r->d->an[v].xpos == XPOS_VB;
            v = (uint32_t)h;
            continue;
        }
        return NOTOK;
    }
    return NOTOK;
}

/* The noun a relative pronoun stands for: the head of its relative
 * clause in the tree, else the noun right before it (a parenthesis and
 * the comma skipped: "Sen. Claire McCaskill (D-Mo.), who ..."); NOTOK. */
static uint32_t antecedent(const qrun *r, uint32_t h) {
    int32_t v = head(r, h);
    if (v >= 0 && deprel(r, (uint32_t)v) == DEP_ACL_RELCL) {
        int32_t a = head(r, (uint32_t)v);
        if (a >= 0 && (uint32_t)a < h && nominal(r, (uint32_t)a) && !relative_pronoun(r, (uint32_t)a))
            return (uint32_t)a;
    }
    uint32_t s0 = sent_first(r, h), x = h;
    if (x > s0 && tok_is_char(r->d, x - 1, ',')) x--;
    if (x > s0 && tok_is_char(r->d, x - 1, ')')) {
        uint32_t a = x - 1;
        while (a > s0 && x - a < 10 && !tok_is_char(r->d, a, '(')) a--;
        if (!tok_is_char(r->d, a, '(')) return NOTOK;
        x = a;
    }
    if (x > s0 && nominal(r, x - 1) && !relative_pronoun(r, x - 1)) {
        /* "Senator Jan Novak of Texas, who": the name, not its place */
        uint32_t a = x - 1;
        int32_t h2 = head(r, a);
        if (h2 >= 0 && (uint32_t)h2 < a && deprel(r, a) == DEP_NMOD && r->d->an[h2].upos == UPOS_PROPN &&
            tok_in_list(r->d, r->lo[a], "of|from"))
            a = (uint32_t)h2;
        h2 = head(r, a);
        if (h2 >= 0 && (uint32_t)h2 < a && deprel(r, a) == DEP_FLAT) a = (uint32_t)h2;
        return a;
    }
    return NOTOK;
}

static void set_speaker(qrun *r, cand *c, uint32_t h) {
    if (h == NOTOK || h >= r->n) {
        c->s0 = c->s1 = 0, c->shead = NOTOK;
        return;
    }
    /* the whole name, not its last word ("Novak" of "Jan Novak" hangs
     * on "Jan") */
    int32_t f = head(r, h);
    int flat = deprel(r, h) == DEP_FLAT && f >= 0 && (uint32_t)f < h && h - (uint32_t)f < 6;
    np_span(r, flat ? (uint32_t)f : h, &c->s0, &c->s1);
    c->shead = h;
    /* "Smith, who said ...": the span is the pronoun the cue attaches to,
     * the actor that of the noun the relative clause modifies */
    if (r->parsed && relative_pronoun(r, h)) {
        c->s0 = h, c->s1 = h + 1;
        uint32_t a = antecedent(r, h);
        if (a != NOTOK) c->shead = a;
    }
}

/* ---- candidates ----------------------------------------------------------- */

static cand *new_cand(qrun *r, uint8_t kind) {
    if (r->ncand == r->capcand) return NULL;
    cand *c = &r->cand[r->ncand++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->reg = -1;
    c->shead = NOTOK;
    return c;
}

/* ---- pass 1: quote regions ------------------------------------------------ */

static void add_region(qrun *r, uint32_t open, uint32_t close, uint32_t t0, uint32_t t1) {
    /* trim trailing space-like punctuation of a recovered quote */
    if (close == NOCLOSE)
        while (t1 > t0 && r->d->toks[t1 - 1].kind == TOK_QUOTE) t1--;
    if (t1 <= t0 || r->nreg == r->capreg) return;
    /* boilerplate is never quoted: cut at the first boilerplate token */
    if (r->nextb[t0] < t1) t1 = r->nextb[t0];
    if (t1 <= t0) return;
    qreg *g = &r->reg[r->nreg];
    g->open = open, g->close = close, g->t0 = t0, g->t1 = t1;
    g->para0 = r->para_of[t0], g->para1 = r->para_of[t1 - 1];
    g->cand = -1;
    g->direct = 0;
    for (uint32_t i = t0; i < t1; i++) r->reg_of[i] = (int32_t)r->nreg;
    r->nreg++;
}

/* A double quote that never closed: if it ran over several paragraphs
 * (each opening with a mark), every paragraph is a quote of its own --
 * the multi-paragraph reading holds only when a closing mark ends it. */
static void add_unclosed(qrun *r, uint32_t open, const uint32_t *cont, size_t ncont, uint32_t end) {
    uint32_t m = open;
    for (size_t k = 0; k < ncont; k++) {
        add_region(r, m, NOCLOSE, m + 1, cont[k]);
        m = cont[k];
    }
    add_region(r, m, NOCLOSE, m + 1, end);
}

static void find_regions(qrun *r) {
    const dyad_doc *d = r->d;
    uint32_t open = NOTOK;  /* open double region's mark */
    uint32_t sopen = NOTOK; /* open single region's mark */
    size_t ncont = 0;       /* paragraphs it continued over: their marks in r->cont */
    for (uint32_t i = 0; i < r->n; i++) {
        const tok *t = &d->toks[i];
        int para_start = i > 0 && (t->flags & TOKF_PARA_BEFORE);
        int mc = t->kind == TOK_QUOTE ? mark_class(d, i) : QM_NONE;
        if (para_start) {
            if (sopen != NOTOK) sopen = NOTOK; /* single quotes never run over a paragraph */
            if (open != NOTOK && !(mc == QM_DOUBLE && mark_opens(d, i))) {
                add_unclosed(r, open, r->cont, ncont, i);
                open = NOTOK;
            } else if (open != NOTOK) {
                if (ncont < r->capreg) r->cont[ncont++] = i;
                continue; /* the next paragraph of a multi-paragraph quote */
            }
        }
        if (t->flags & TOKF_BOILER) {
            if (open != NOTOK) add_unclosed(r, open, r->cont, ncont, i);
            open = sopen = NOTOK;
            continue;
        }
        if (mc == QM_DOUBLE) {
            if (open == NOTOK) {
                if (mark_opens(d, i)) open = i, sopen = NOTOK, ncont = 0;
            } else if (mark_opens(d, i) && !(t->flags & TOKF_CLOSE_QUOTE) && t->kind == TOK_QUOTE &&
                       (unsigned char)d->text[t->start] == 0xE2 && i > open + 1 &&
                       (t->flags & TOKF_SPACE_BEFORE)) {
                /* “ inside an open quote: the previous one lost its closing
                 * mark; close it here and start anew */
                add_unclosed(r, open, r->cont, ncont, i);
                open = i, ncont = 0;
            } else {
                add_region(r, open, i, open + 1, i);
                open = NOTOK;
            }
        } else if (mc == QM_SINGLE && open == NOTOK) {
            if (sopen == NOTOK) {
                if (mark_opens(d, i) && (d->text[t->start] != '\'' || i == 0 || (t->flags & TOKF_SPACE_BEFORE)))
                    sopen = i;
            } else if (!mark_opens(d, i) && i > sopen + 1 &&
                       !(i + 1 < r->n && d->toks[i + 1].kind == TOK_WORD && !(d->toks[i + 1].flags & TOKF_SPACE_BEFORE))) {
                /* a closing single mark not glued to a following letter;
                 * "voters’ concerns" (an apostrophe) looks the same, so a
                 * single quote must also end in punctuation or before it */
                add_region(r, sopen, i, sopen + 1, i);
                sopen = NOTOK;
            }
        }
    }
    if (open != NOTOK) add_unclosed(r, open, r->cont, ncont, r->n);
}

/* ---- pass 2: attribution of regions --------------------------------------- */

static int content_has_verb(const qrun *r, const qreg *g) {
    uint32_t words = 0;
    for (uint32_t i = g->t0; i < g->t1; i++) {
        if (r->d->toks[i].kind == TOK_WORD) words++;
        if (r->tagged && (r->d->an[i].upos == UPOS_VERB || r->d->an[i].upos == UPOS_AUX)) return 1;
    }
    return !r->tagged && words >= 5;
}

/* Whether the region ends in its own punctuation (“…,” “….” “…?”). */
static int content_punct_end(const qrun *r, const qreg *g) {
    uint32_t last = g->t1 - 1;
    return tok_is_char(r->d, last, ',') || tok_sent_punct(r->d, last) || tok_is_dash(r->d, last) ||
           r->d->toks[last].kind == TOK_ABBREV; /* “No.” */
}

/* Title case throughout (“Meet the Press”): a name, not a quote. */
static int title_like(const qrun *r, const qreg *g) {
    uint32_t words = 0;
    for (uint32_t i = g->t0; i < g->t1; i++) {
        const tok *t = &r->d->toks[i];
        if (t->kind != TOK_WORD) continue;
        words++;
        if (!(t->flags & TOKF_UPPER) && !tok_is(r->d, i, "the") && !tok_is(r->d, i, "of") && !tok_is(r->d, i, "and") &&
            !tok_is(r->d, i, "a") && !tok_is(r->d, i, "in") && !tok_is(r->d, i, "on") && !tok_is(r->d, i, "for") &&
            !tok_is(r->d, i, "to"))
            return 0;
    }
    return words > 0 && words <= 8;
}

static uint32_t sent_first(const qrun *r, uint32_t i) {
    uint32_t s = r->sent_of[i];
    return s < r->d->nsent ? r->d->sents[s].first : i;
}
static uint32_t sent_last(const qrun *r, uint32_t i) {
    uint32_t s = r->sent_of[i];
    return s < r->d->nsent ? r->d->sents[s].last : i + 1;
}

static int weekday_or_time(const dyad_doc *d, uint32_t i) {
    static const char *const W[] = {"monday",  "tuesday", "wednesday", "thursday", "friday",    "saturday",
                                    "sunday",  "yesterday", "today",   "tonight",  "recently",  "earlier",
                                    "later",   "last",    "years",     "months",   "weeks",     "days",
                                    "hours",   "minutes", "year",      "month",    "week",      "day",
                                    "hour",    "night",   "morning",   "afternoon", "evening",  "weekend",
                                    "decade",  "decades", NULL};
    for (size_t k = 0; W[k]; k++)
        if (tok_is(d, i, W[k])) return 1;
    return 0;
}

/* After a quote that ended its sentence, "Ortiz said." attributes it but
 * "Ortiz said the plan failed." starts reported speech of its own: the cue
 * (and a speaker after it) must be followed by punctuation, a preposition,
 * an adverb or a time word. */
static int speech_tail(const qrun *r, uint32_t v, uint32_t hd) {
    uint32_t k = v + 1;
    if (hd != NOTOK && hd > v) k = hd + 1;
    if (k < r->n && r->tagged && r->d->an[k].deprel == DEP_COMPOUND_PRT) k++;
    if (k >= r->n) return 1;
    const tok *t = &r->d->toks[k];
    if (t->kind == TOK_PUNCT || t->kind == TOK_QUOTE || (t->flags & TOKF_PARA_BEFORE)) return 1;
    if (weekday_or_time(r->d, k)) return 1;
    if (!r->tagged) return 0;
    uint8_t u = r->d->an[k].upos;
    return (u == UPOS_ADP && !tok_is(r->d, k, "that")) || u == UPOS_ADV;
}

/* Cue and speaker right after the closing mark of g: “…,” Ortiz said /
 * said Ortiz / she told reporters.  Fills c and returns 1 if found. */
static int after_close(qrun *r, const qreg *g, cand *c) {
    if (g->close == NOCLOSE) return 0;
    uint32_t j = g->close + 1, lim = r->n;
    while (j < lim && (tok_is_char(r->d, j, ',') || tok_is_dash(r->d, j))) j++;
    if (j >= lim || (r->d->toks[j].flags & TOKF_PARA_BEFORE) || r->reg_of[j] >= 0) return 0;
    /* a new sentence after the quote attributes it only when short: “Go.”
     * Ortiz said. -- not “Go.” Ortiz said the plan failed. */
    int newsent = r->sent_of[j] != r->sent_of[g->close] && r->d->toks[j].kind != TOK_QUOTE;
    uint32_t end = sent_last(r, j);
    if (end > j + 40) end = j + 40;
    uint32_t v = NOTOK, hd = NOTOK;
    if (cue_flags_loose(r, j) & (Q_S | Q_M)) {
        v = j; /* said Maria Ortiz */
        uint32_t k0, k1;
        cue_span(r, v, &k0, &k1);
        uint32_t e = np_right(r, k1, end, &hd);
        if (e == k1) hd = NOTOK;
    } else {
        uint32_t k = j;
        while (k < end && k - j < 10 && (np_word(r, k) || name_word(r, k) || name_hyphen(r, k)) &&
               !(cue_flags_loose(r, k) & (Q_S | Q_M)))
            k++;
        if (k < end && k > j && tok_is_char(r->d, k, ',')) {
            /* “…,” Sarandon, 69, told MSNBC / Viguerie, a veteran activist, said /
             * Pruitt, the attorney general of Oklahoma, one of the states
             * suing, said: up to three such segments */
            uint32_t x = k + 1;
            for (int seg = 0; seg < 3; seg++) {
                while (x < end && x - k < 36 && !tok_is_char(r->d, x, ',') && r->reg_of[x] < 0 &&
                       !tok_sent_punct(r->d, x))
                    x++;
                if (!(x + 1 < end && tok_is_char(r->d, x, ','))) break;
                if (cue_flags_loose(r, x + 1) & (Q_S | Q_M)) {
                    k = x + 1;
                    break;
                }
                x++;
            }
        }
        while (k < end && is_adverb(r, k) && !(cue_flags_loose(r, k) & (Q_S | Q_M))) k++;
        if (k < end && k > j && (cue_flags_loose(r, k) & (Q_S | Q_M))) {
            v = k;
            for (uint32_t x = j; x < k && !tok_is_char(r->d, x, ','); x++)
                if (np_head_word(r, x) || name_word(r, x)) hd = x;
            if (hd == NOTOK) v = NOTOK;
        }
    }
    if (v == NOTOK && content_punct_end(r, g) && r->tagged && j + 1 < end) {
        /* “Go back to Univision,” Trump barked: any verb right after a name
         * or pronoun right after the quote's own punctuation */
        uint32_t hd2 = NOTOK, e = np_right(r, j, end, &hd2);
        if (e > j && e < end && e - j <= 4 && r->d->an[e].upos == UPOS_VERB &&
            (r->d->an[e].xpos == XPOS_VBD || r->d->an[e].xpos == XPOS_VBZ) &&
            (r->d->an[hd2].upos == UPOS_PROPN || r->d->an[hd2].upos == UPOS_PRON))
            v = e, hd = hd2;
        /* “…,” remembered Jan Novak, a former aide: quotative inversion
         * -- any finite verb right after the quote, then a name that
         * ends the clause, is the attribution (the verb's object in the
         * tree) */
        if (v == NOTOK && r->parsed && r->d->an[j].upos == UPOS_VERB &&
            (r->d->an[j].xpos == XPOS_VBD || r->d->an[j].xpos == XPOS_VBZ) && !tok_is_dash(r->d, j - 1) &&
            (hd2 = inverted_subject(r, j)) != NOTOK)
            v = j, hd = hd2;
    }
    if (v == NOTOK) return 0;
    if (newsent && !speech_tail(r, v, hd)) return 0;
    cue_span(r, v, &c->k0, &c->k1);
    uint32_t sh = r->parsed ? subject_of(r, v) : NOTOK;
    if (sh == NOTOK || sh < j || sh >= end) sh = hd;
    set_speaker(r, c, sh);
    if (!r->parsed && sh != NOTOK) {
        /* the pattern's whole noun phrase */
        uint32_t h2;
        if (sh < v) c->s0 = np_left(r, v, j, &h2), c->s1 = sh + 1;
        else c->s0 = sh, c->s1 = np_right(r, c->k1, end, &h2);
    }
    return 1;
}

/* “…” before discussing specifics, he said. -- the speech verb that ends
 * the quote's sentence, with its subject before it. */
static int sentence_tail(qrun *r, const qreg *g, cand *c) {
    uint32_t e = sent_last(r, g->close);
    if (e > r->n) e = r->n;
    if (e <= g->close + 2) return 0;
    if (r->parsed) {
        /* “…” if she did not win by more, said David Wasserman, an
         * analyst. -- the inverted speech verb after a comma */
        for (uint32_t v = g->close + 2; v < e && v < g->close + 40; v++) {
            if (r->reg_of[v] >= 0 || r->d->toks[v].kind == TOK_QUOTE) break;
            if (!tok_is_char(r->d, v - 1, ',') || !(cue_flags_loose(r, v) & Q_S)) continue;
            uint32_t hd = inverted_subject(r, v);
            if (hd == NOTOK) continue;
            cue_span(r, v, &c->k0, &c->k1);
            set_speaker(r, c, hd);
            return 1;
        }
    }
    uint32_t last = e;
    while (last > g->close + 1 && e - last < 3 && r->d->toks[last - 1].kind == TOK_PUNCT) last--;
    if (last <= g->close + 2) return 0;
    uint32_t v = last - 1;
    if (r->reg_of[v] >= 0 || !(cue_flags_loose(r, v) & (Q_S | Q_M))) return 0;
    uint32_t hd = surface_subject(r, v);
    if (hd == NOTOK || hd <= g->close || (r->parsed && r->lo[hd] == 0) ||
        !tok_is_char(r->d, r->parsed ? r->lo[hd] - 1 : hd - 1, ','))
        return 0;
    cue_span(r, v, &c->k0, &c->k1);
    set_speaker(r, c, hd);
    return 1;
}

/* Cue and speaker before the opening mark: Ortiz said: “…” / She added, “…”
 * / Ortiz: “…” / a paragraph ending in "Ortiz said:" before it. */
static int before_open(qrun *r, const qreg *g, cand *c) {
    uint32_t o = g->open;
    if (o == 0) return 0;
    uint32_t p = o - 1;
    int colon = tok_is_char(r->d, p, ':'), comma = tok_is_char(r->d, p, ',');
    if ((r->d->toks[o].flags & TOKF_PARA_BEFORE) && !colon) return 0;
    uint32_t s0 = sent_first(r, p);
    if (r->d->toks[o].flags & TOKF_PARA_BEFORE) s0 = sent_first(r, p);
    uint32_t v = NOTOK;
    if (colon || comma || tok_is_dash(r->d, p)) {
        /* the nearest cue before the punctuation, with no verb between */
        for (uint32_t k = p; k > s0 && p - k < 14; k--) {
            uint32_t x = k - 1;
            if (r->reg_of[x] >= 0 || r->d->toks[x].kind == TOK_QUOTE) break;
            unsigned f = cue_flags(r, x);
            if (f & (Q_S | Q_M | Q_C)) {
                v = x;
                break;
            }
            if (r->tagged && r->d->an[x].upos == UPOS_VERB) break;
        }
        if (v == NOTOK && colon) {
            /* "Ortiz:" -- a bare name before a colon */
            uint32_t hd = NOTOK, a = np_left(r, p, s0, &hd);
            if (a == s0 && hd != NOTOK && p - a <= 6) {
                c->k0 = p, c->k1 = p + 1;
                set_speaker(r, c, hd);
                if (!r->parsed) c->s0 = a, c->s1 = p;
                return 1;
            }
        }
        if (v == NOTOK && (colon || tok_is_dash(r->d, p)) && r->parsed && p > s0) {
            /* "She then addressed the supporters again: “…”": the subject
             * of the clause the colon ends, with the colon as the cue */
            int32_t a = (int32_t)(p - 1);
            for (int step = 0; step < 24 && head(r, (uint32_t)a) >= 0; step++) a = head(r, (uint32_t)a);
            if ((uint32_t)a >= s0 && (uint32_t)a < p && r->d->an[a].upos == UPOS_VERB) {
                uint32_t sh = subject_of(r, (uint32_t)a);
                if (sh != NOTOK && sh >= s0 && sh < p) {
                    c->k0 = p, c->k1 = p + 1;
                    set_speaker(r, c, sh);
                    return 1;
                }
            }
        }
        if (v == NOTOK && comma) {
            /* According to Ortiz, “…” */
            for (uint32_t k = p > s0 + 16 ? p - 16 : s0; k + 1 < p; k++)
                if (tok_is(r->d, k, "according") && tok_is(r->d, k + 1, "to")) {
                    uint32_t hd = NOTOK;
                    uint32_t e = np_right(r, k + 2, p, &hd);
                    if (e == k + 2) break;
                    c->k0 = k, c->k1 = k + 2;
                    set_speaker(r, c, hd);
                    c->s0 = k + 2, c->s1 = e;
                    return 1;
                }
        }
    } else if (cue_flags(r, p) & Q_S) {
        v = p; /* He said “no.” */
    }
    if (v == NOTOK) return 0;
    cue_span(r, v, &c->k0, &c->k1);
    uint32_t sh = r->parsed ? subject_of(r, v) : NOTOK;
    if (sh == NOTOK || sh >= o) {
        uint32_t hd = NOTOK, a = np_left(r, v, s0, &hd);
        (void)a;
        sh = hd;
        /* with the tree, a speaker it does not give is none: "Asked about
         * it, Trump said" has its subject; "asked:" does not */
        if (r->parsed && sh != NOTOK && deprel(r, sh) != DEP_NSUBJ) sh = NOTOK;
    }
    set_speaker(r, c, sh);
    if (!r->parsed && sh != NOTOK) {
        uint32_t h2;
        c->s0 = np_left(r, v, s0, &h2), c->s1 = sh + 1;
    }
    return 1;
}

/* The cue that governs token i in the tree: the nearest ancestor in the
 * lexicon outside any quote (Macron called for “a new chapter”). */
static uint32_t governing_cue(qrun *r, uint32_t i, unsigned want) {
    int32_t a = head(r, i);
    for (int step = 0; a >= 0 && step < 8; step++, a = head(r, (uint32_t)a)) {
        uint32_t x = (uint32_t)a;
        if (r->sent_of[x] != r->sent_of[i]) break;
        if (r->reg_of[x] < 0 && (cue_flags(r, x) & want)) return x;
    }
    return NOTOK;
}

/* The token of region g whose head is outside it (its root). */
static uint32_t region_root(const qrun *r, const qreg *g) {
    for (uint32_t i = g->t0; i < g->t1; i++) {
        int32_t h = head(r, i);
        if (h < 0 || (uint32_t)h < g->t0 || (uint32_t)h >= g->t1) {
            if (r->d->toks[i].kind == TOK_PUNCT || r->d->toks[i].kind == TOK_QUOTE) continue;
            return i;
        }
    }
    return g->t0;
}

/* A quote that lost its closing mark ("“We will win, Ortiz said.") most
 * often lost it before its attribution: cut it at the first comma that a
 * speaker and a speech verb follow ("..., Ortiz said" / ", said Ortiz"). */
static void recover_close(qrun *r, qreg *g) {
    for (uint32_t c = g->t0 + 1; c + 2 < g->t1; c++) {
        if (!tok_is_char(r->d, c, ',')) continue;
        uint32_t j = c + 1, k = j;
        if (cue_flags_loose(r, j) & Q_S) {
            if (!np_head_word(r, j + 1)) continue;
        } else {
            while (k < g->t1 && k - j < 5 && np_word(r, k) && !(cue_flags_loose(r, k) & Q_S)) k++;
            if (k == j || k >= g->t1 || !(cue_flags_loose(r, k) & Q_S) || !np_head_word(r, k - 1)) continue;
        }
        for (uint32_t i = c + 1; i < g->t1; i++) r->reg_of[i] = -1;
        g->t1 = c + 1;
        g->close = c; /* the attribution is looked for after it */
        return;
    }
}

/* A transcript line: "WALLACE: Let's start with ..." -- one to three
 * capitalised words and a colon open the quote and name its speaker.
 * Returns the colon's token, or NOTOK. */
static uint32_t transcript_label(const qrun *r, const qreg *g) {
    const dyad_doc *d = r->d;
    for (uint32_t i = g->t0; i < g->t1 && i < g->t0 + 4; i++) {
        if (tok_is_char(d, i, ':')) return i > g->t0 && i + 1 < g->t1 ? i : NOTOK;
        const tok *t = &d->toks[i];
        if (t->kind != TOK_WORD || t->end - t->start < 2) return NOTOK;
        for (uint32_t b = t->start; b < t->end; b++) {
            unsigned char ch = (unsigned char)d->text[b];
            if (!((ch >= 'A' && ch <= 'Z') || ch == '.' || ch == '-' || ch == '\'')) return NOTOK;
        }
    }
    return NOTOK;
}

/* The actor a transcript label names: the one whose name ends in the
 * label's last word ("PENCE" -> Mike Pence), if any mentions it. */
static int32_t label_actor(const qrun *r, uint32_t w) {
    const dyad_doc *d = r->d;
    const tok *t = &d->toks[w];
    size_t n = t->end - t->start;
    for (size_t a = 0; a < d->nactor; a++) {
        const char *name = d->actors[a].name;
        if (!name || (d->actors[a].type != ENT_PERSON && d->actors[a].type != ENT_NONE)) continue;
        size_t ln = strlen(name);
        if (ln < n || (ln > n && name[ln - n - 1] != ' ')) continue;
        size_t k = 0;
        while (k < n && lc((unsigned char)name[ln - n + k]) == lc((unsigned char)d->text[t->start + k])) k++;
        if (k == n) return (int32_t)a;
    }
    return -1;
}

/* A signed quote: “…” ― Pamela Padilla -- a dash and a name alone on
 * the rest of the line (or sentence) after the closing mark. */
static int dash_signature(qrun *r, const qreg *g, cand *c) {
    if (g->close == NOCLOSE) return 0;
    const dyad_doc *d = r->d;
    uint32_t j = g->close + 1;
    if (j >= r->n || !tok_is_dash(d, j)) return 0;
    /* on the next line only for a quote that is a paragraph of its own:
     * “…” / - Sanders. (a fact check's layout) */
    int nl = (d->toks[j].flags & TOKF_NL_BEFORE) != 0;
    if (nl && g->open > 0 && !(d->toks[g->open].flags & (TOKF_NL_BEFORE | TOKF_PARA_BEFORE))) return 0;
    uint32_t k = j + 1, end = sent_last(r, j);
    while (k < r->n && k < end && k - j <= 6 && !(d->toks[k].flags & TOKF_NL_BEFORE) &&
           d->toks[k].kind != TOK_PUNCT && (d->toks[k].flags & TOKF_UPPER) && r->reg_of[k] < 0)
        k++;
    /* the name must end the line or the sentence, or a comma follows it
     * on a signature line of its own ("- President Obama, tweeting ...") */
    if (k == j + 1 || (k < r->n && k < end && !(d->toks[k].flags & TOKF_NL_BEFORE) && !tok_sent_punct(d, k) &&
                       !(nl && tok_is_char(d, k, ','))))
        return 0;
    c->s0 = j + 1, c->s1 = k, c->shead = k - 1;
    c->k0 = j, c->k1 = j + 1; /* the dash is the cue */
    return 1;
}

static void attribute_regions(qrun *r) {
    for (size_t gi = 0; gi < r->nreg; gi++) {
        qreg *g = &r->reg[gi];
        if (g->close == NOCLOSE) recover_close(r, g);
        uint32_t o = g->open, sf = sent_first(r, o);
        int starts = o == sf || (r->d->toks[o].flags & TOKF_NL_BEFORE) ||
                     (o > 0 && (tok_is_char(r->d, o - 1, '(') || tok_is_dash(r->d, o - 1)));
        cand tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.shead = NOTOK;
        int found = 0, before = 0;
        if (!starts && o > 0 && (tok_is_char(r->d, o - 1, ':') || tok_is_char(r->d, o - 1, ','))) {
            found = before = before_open(r, g, &tmp);
            starts = found || tok_is_char(r->d, o - 1, ':');
        } else if (!starts && o > 0 && (cue_flags(r, o - 1) & Q_S) && (r->d->toks[g->t0].flags & TOKF_UPPER) &&
                   ((g->t1 - g->t0 >= 4 && (content_punct_end(r, g) || content_has_verb(r, g))) ||
                    (g->t1 - g->t0 >= 2 && tok_sent_punct(r->d, g->t1 - 1)))) {
            /* 'Poynter said “We were all so proud of him.”': a sentence
             * quoted right after the speech verb, without a comma */
            found = before = before_open(r, g, &tmp);
            starts = found;
        }
        int punct = content_punct_end(r, g);
        if (starts && (punct || content_has_verb(r, g))) g->direct = 1;
        if (!found && starts && dash_signature(r, g, &tmp)) {
            g->direct = 1;
            found = 1;
        }
        uint32_t colon = starts ? transcript_label(r, g) : NOTOK;
        if (colon != NOTOK) {
            g->direct = 1;
            tmp.s0 = g->t0, tmp.s1 = colon, tmp.shead = colon - 1;
            found = 1;
        }
        if (!found) {
            memset(&tmp, 0, sizeof tmp);
            tmp.shead = NOTOK;
            found = after_close(r, g, &tmp);
            if (found && !g->direct && punct && tok_is_char(r->d, g->t1 - 1, ',') && starts) g->direct = 1;
        }
        if (!found && g->close != NOCLOSE) found = sentence_tail(r, g, &tmp);
        if (!found && g->direct && o > 0 && tok_is_dash(r->d, o - 1) && !(r->d->toks[o].flags & TOKF_PARA_BEFORE))
            found = before_open(r, g, &tmp); /* "Trump also embraced torture -- “…”" */
        if (!found && g->direct && (r->d->toks[o].flags & TOKF_PARA_BEFORE) && o > 0 && tok_is_char(r->d, o - 1, ':')) {
            found = before_open(r, g, &tmp);
        }
        if (!found && g->direct && r->parsed) {
            /* the tree: the cue the quote depends on, or a cue in parataxis
             * under the quote ("…, he said" parsed the other way round) */
            uint32_t root = region_root(r, g);
            uint32_t v = governing_cue(r, root, Q_S);
            if (v == NOTOK)
                for (int32_t k = r->kid[root], nk_ = 0; k >= 0 && nk_ < KIDS_MAX; k = r->sib[k], nk_++)
                    if ((uint32_t)k >= g->t1 && r->reg_of[k] < 0 && (cue_flags(r, (uint32_t)k) & (Q_S | Q_M)) &&
                        r->d->an[k].deprel == DEP_PARATAXIS) {
                        v = (uint32_t)k;
                        break;
                    }
            if (v != NOTOK) {
                cue_span(r, v, &tmp.k0, &tmp.k1);
                set_speaker(r, &tmp, subject_of(r, v));
                found = 1;
            }
        }
        if (!g->direct) {
            /* a fragment: the cue that governs it in the reporter's sentence */
            if (found && !before) {
                /* “terrific” said Pratt: attributed right after the mark */
            } else if (r->parsed) {
                uint32_t v = governing_cue(r, region_root(r, g), Q_S | Q_C | Q_X | Q_O | Q_P);
                if (v == NOTOK || title_like(r, g)) continue;
                memset(&tmp, 0, sizeof tmp);
                cue_span(r, v, &tmp.k0, &tmp.k1);
                set_speaker(r, &tmp, subject_of(r, v));
                found = 1;
            } else if (!found) {
                continue;
            }
        }
        cand *c = new_cand(r, g->direct ? QUOTE_DIRECT : QUOTE_PARTIAL);
        if (!c) return;
        c->c0 = g->t0, c->c1 = g->t1;
        c->k0 = tmp.k0, c->k1 = tmp.k1, c->s0 = tmp.s0, c->s1 = tmp.s1, c->shead = tmp.shead;
        c->reg = (int32_t)gi;
        g->cand = (int32_t)(c - r->cand);
        if (g->direct && c->k1 > c->k0) r->dcue[c->k0] = 1;
    }
}

/* ---- pass 3: reported speech ---------------------------------------------- */

/* Trim punctuation and conjunctions off the ends of a content span. */
static int trim(const qrun *r, uint32_t *c0, uint32_t *c1) {
    while (*c1 > *c0) {
        const tok *t = &r->d->toks[*c1 - 1];
        if (t->kind == TOK_PUNCT && !tok_is_char(r->d, *c1 - 1, '?') && !tok_is_char(r->d, *c1 - 1, ')')) (*c1)--;
        else break;
    }
    while (*c1 > *c0) {
        const tok *t = &r->d->toks[*c0];
        if (t->kind == TOK_PUNCT) (*c0)++;
        else break;
    }
    if (r->nextb[*c0] < *c1) *c1 = r->nextb[*c0]; /* boilerplate is never quoted */
    return *c1 > *c0;
}

/* At least 80% of the words of [c0, c1) are inside quotes that became
 * direct or partial quotes: the indirect reading would add nothing. */
static int covered_by_region(const qrun *r, uint32_t c0, uint32_t c1) {
    /* prefix sums: linear however the contents nest */
    uint32_t all = r->pw[c1] - r->pw[c0], in = r->pq[c1] - r->pq[c0];
    return all == 0 || in * 10 >= all * 8;
}

/* The prefix sums covered_by_region reads: words, and words inside quotes
 * that became direct or partial quotes. */
static void count_quoted(qrun *r) {
    r->pw[0] = r->pq[0] = 0;
    for (uint32_t i = 0; i < r->n; i++) {
        int word = r->d->toks[i].kind != TOK_PUNCT && r->d->toks[i].kind != TOK_QUOTE;
        int32_t g = r->reg_of[i];
        int q = word && g >= 0 && (r->reg[g].direct || r->reg[g].cand >= 0);
        r->pw[i + 1] = r->pw[i] + (uint32_t)word;
        r->pq[i + 1] = r->pq[i] + (uint32_t)q;
    }
}

static void add_indirect(qrun *r, uint32_t v, uint32_t c0, uint32_t c1, uint32_t sh, uint32_t k0, uint32_t k1) {
    if (!trim(r, &c0, &c1)) return;
    /* the content must not begin inside a direct quote of someone else;
     * a quote of no one whose sentence this cue closes is the cue's
     * ('"…" if she lost, said Wasserman.') */
    uint32_t q0 = c0 + 1 < c1 && r->d->toks[c0].kind == TOK_QUOTE ? c0 + 1 : c0;
    if (r->reg_of[q0] >= 0 && r->reg[r->reg_of[q0]].direct) {
        const qreg *g = &r->reg[r->reg_of[q0]];
        cand *q = g->cand >= 0 ? &r->cand[g->cand] : NULL;
        if (q && !q->dead && q->k1 <= q->k0 && q->s1 <= q->s0 && g->close != NOCLOSE && g->close < k0 &&
            sh != NOTOK && sh > g->close && r->sent_of[g->close] == r->sent_of[v]) {
            q->k0 = k0, q->k1 = k1;
            set_speaker(r, q, sh);
            return;
        }
        /* '“…,” Trump said, the Times reported.': the outermost
         * attribution, as PolNeAR keeps it, is the paper's (the quote's
         * own cue and speaker right after it, the paper's after a comma) */
        if (r->parsed && q && !q->dead && q->k1 > q->k0 && g->close != NOCLOSE && q->k0 > g->close &&
            q->k1 + 8 >= k0 && q->k1 < k0 && sh != NOTOK && sh > q->k1 && sh < k0 && r->lo[sh] > 0 &&
            tok_is_char(r->d, r->lo[sh] - 1, ',') &&
            r->sent_of[g->close] == r->sent_of[v] && r->sent_of[q->k0] == r->sent_of[v] && k1 < r->n &&
            (tok_sent_punct(r->d, k1) || k1 == sent_last(r, v))) {
            q->k0 = k0, q->k1 = k1;
            set_speaker(r, q, sh);
            return;
        }
    }
    if (r->reg_of[c0] >= 0 && r->reg[r->reg_of[c0]].direct) return;
    /* content all in quote marks ("telling him that “we tell the
     * truth”") is the quotes' statement: a shadow gives them this cue */
    int shadow = covered_by_region(r, c0, c1);
    cand *c = new_cand(r, QUOTE_INDIRECT);
    if (!c) return;
    c->c0 = c0, c->c1 = c1, c->k0 = k0, c->k1 = k1;
    c->shadow = (uint8_t)shadow;
    set_speaker(r, c, sh);
    /* a stance or intention with nobody holding it ("no plans to endorse
     * anyone", "the deal seen as a defeat") is no one's statement */
    if (sh == NOTOK && !(cue_flags(r, v) & (Q_S | Q_C))) c->dead = 1;
}

/* "In a CNN poll, Clinton leads by 24 points" / "In his view, the deal
 * is dead" / "..., in their eyes": a statement attributed by a phrase at
 * the edge of its clause, as "according to" does.  The speaker is the
 * poll or the possessor of the view.  Returns 1 if a candidate was added
 * (or memory ran out). */
static int in_source(qrun *r, uint32_t v, uint32_t s0, uint32_t s1) {
    uint32_t hd = NOTOK, e = np_right(r, v + 1, s1, &hd);
    if (e == v + 1 || hd == NOTOK) return 0;
    int poll = tok_in_list(r->d, hd, "poll|polls|survey|surveys");
    int view = tok_in_list(r->d, hd, "view|eyes|words|opinion|estimation|judgment|mind");
    if (!poll && !view) return 0;
    uint32_t sp = NOTOK; /* the possessor of a view */
    if (view) {
        for (uint32_t k = v + 1; k < hd && sp == NOTOK; k++)
            if (r->d->an[k].xpos == XPOS_PRPS || (k + 1 < hd && r->d->toks[k + 1].kind == TOK_CLITIC)) sp = k;
        if (sp == NOTOK) return 0;
    }
    /* the phrase runs to a comma ("the latest CNN/ORC poll released
     * Wednesday,") */
    uint32_t ee = e;
    while (ee < s1 && !tok_is_char(r->d, ee, ',') && !tok_sent_punct(r->d, ee) && ee - e < 8) ee++;
    uint32_t c0, c1;
    if (ee < s1 && tok_is_char(r->d, ee, ',') && (v == s0 || tok_is_char(r->d, v - 1, ',') == 0) &&
        (v == s0 || r->d->an[v - 1].upos == UPOS_CCONJ || v - s0 <= 1))
        c0 = ee + 1, c1 = s1; /* In a CNN poll, CONTENT */
    else if (v > s0 + 2 && tok_is_char(r->d, v - 1, ',') && (ee >= s1 || tok_sent_punct(r->d, ee)))
        c0 = s0, c1 = v - 1; /* CONTENT, in their eyes. */
    else
        return 0;
    /* (a clause, not a 200-word run-on: also keeps the scan below linear) */
    if (!trim(r, &c0, &c1) || c1 - c0 < 3 || c1 - c0 > 200) return 0;
    if (covered_by_region(r, c0, c1) || (r->reg_of[c0] >= 0 && r->reg[r->reg_of[c0]].direct)) return 0;
    /* a clause with its own speech verb is that verb's ("In a statement,
     * the FBI said ...") */
    for (uint32_t k = c0; k < c1; k++)
        if (cue_flags(r, k) & (Q_S | Q_C)) return 0;
    cand *c = new_cand(r, QUOTE_INDIRECT);
    if (!c) return 1;
    c->c0 = c0, c->c1 = c1, c->k0 = v, c->k1 = v + 1;
    if (view) {
        set_speaker(r, c, sp);
        c->s0 = sp, c->s1 = sp + 1;
    } else {
        set_speaker(r, c, hd);
        c->s0 = v + 1, c->s1 = e;
    }
    return 1;
}

/* '“…,” Walker said, according to an AP account.': PolNeAR keeps only
 * the outermost attribution, the account's.  When the content before
 * "according to" at v starts in a direct quote whose cue lies between
 * the closing mark and the comma before v, the quote's candidate (index)
 * takes the phrase as its cue; else -1. */
static int32_t according_tail(qrun *r, uint32_t c0, uint32_t v) {
    if (r->d->toks[c0].kind == TOK_QUOTE && c0 + 1 < v) c0++;
    int32_t g = r->reg_of[c0];
    if (g < 0 || !r->reg[g].direct || r->reg[g].cand < 0 || v < 2 || !tok_is_char(r->d, v - 1, ',')) return -1;
    const qreg *q = &r->reg[g];
    const cand *c = &r->cand[q->cand];
    if (q->close == NOCLOSE || q->close >= v || c->dead || c->k1 <= c->k0) return -1;
    if (c->k0 <= q->close || c->k1 > v - 1) return -1;
    /* nothing but the cue and its speaker between ("..." Walker said,) */
    if (v - 1 - q->close > 8) return -1;
    return q->cand;
}

/* "A Fox News poll shows Sanders with 47 percent", "FEC records show
 * ...", "the survey found 90 percent support": a verb of evidence (show,
 * find, reveal ...) whose subject is a poll, a record or a study reports
 * whatever its object says, and PolNeAR takes the document for the
 * source.  With a person for the subject ("Trump found himself ...")
 * the object is no content. */
static int evidence_subject(const qrun *r, uint32_t v, int k) {
    if (k < 0 || !tok_in_list(r->d, v, "show|shows|showed|shown|showing|find|finds|found|finding|reveal|reveals|"
                                       "revealed|revealing|indicate|indicates|indicated|suggest|suggests|suggested"))
        return 0;
    for (int32_t ch = r->kid[v], nk_ = 0; ch >= 0 && nk_ < KIDS_MAX; ch = r->sib[ch], nk_++)
        if (r->d->an[ch].deprel == DEP_NSUBJ && (uint32_t)ch < v && r->reg_of[ch] < 0)
            return tok_in_list(r->d, (uint32_t)ch, EVIDENCE);
    /* "recent polls showing a tightening race": the noun the participle
     * modifies */
    int32_t h = head(r, v);
    return deprel(r, v) == DEP_ACL && h >= 0 && (uint32_t)h < v && r->reg_of[h] < 0 &&
           tok_in_list(r->d, (uint32_t)h, EVIDENCE);
}

/* "46 percent said yes", "a third said so", "26 percent said the same of
 * Trump": a poll's answer right after the speech verb is its content,
 * the answer word or "the same" with its "of"/"for" phrase.  The end of
 * that content, or 0 when v has no such answer. */
static uint32_t answer_object(const qrun *r, uint32_t v, int k, uint32_t s1) {
    if (k < 0 || strcmp(CUES[k].lemma, "say") != 0 || v + 2 >= s1) return 0;
    uint32_t e;
    if (tok_in_list(r->d, v + 1, "yes|no|so")) e = v + 2;
    else if (tok_is(r->d, v + 1, "the") && tok_is(r->d, v + 2, "same")) e = v + 3;
    else return 0;
    if (e < s1 && tok_in_list(r->d, e, "of|for|about|to"))
        for (e++; e < s1 && e < v + 10 && r->d->toks[e].kind == TOK_WORD && r->d->an[e].upos != UPOS_CCONJ &&
                  r->d->an[e].upos != UPOS_VERB && r->d->an[e].upos != UPOS_AUX;)
            e++;
    /* (not in a sentence with quote marks: '“…,” she said, no doubt
     * ...' is the quote's cue; a run-on sentence is looked at near the
     * verb only, so the scan stays bounded) */
    uint32_t x0 = sent_first(r, v);
    if (v - x0 > 200) x0 = v - 200;
    for (uint32_t x = x0; x < s1 && x < v + 200; x++)
        if (r->d->toks[x].kind == TOK_QUOTE) return 0;
    /* (not "said so far", "said no one") */
    return e >= s1 || r->d->toks[e].kind == TOK_PUNCT || r->d->an[e].upos == UPOS_CCONJ ? e : 0;
}

static void reported_speech_tree(qrun *r, uint32_t s0, uint32_t s1) {
    for (uint32_t v = s0; v < s1; v++) {
        if (r->reg_of[v] >= 0 || is_boiler(r, v)) continue;
        if (tok_is(r->d, v, "according") && v + 1 < s1 && tok_is(r->d, v + 1, "to")) {
            /* according to X, CONTENT / CONTENT, according to X */
            uint32_t hd = NOTOK, e = np_right(r, v + 2, s1, &hd);
            /* "according to press reports", "according to state records":
             * the tagger reads the first noun after "to" as a verb */
            if (e == v + 2 && r->tagged && v + 3 < s1 && r->d->an[v + 2].xpos == XPOS_VB &&
                r->d->toks[v + 2].kind == TOK_WORD && !(r->d->toks[v + 2].flags & TOKF_UPPER) &&
                r->reg_of[v + 2] < 0)
                e = np_right(r, v + 3, s1, &hd);
            if (e <= v + 3 && hd == NOTOK) continue;
            /* the source NP runs to the comma: "a report by the FBI" */
            uint32_t ee = e;
            while (ee < s1 && !tok_is_char(r->d, ee, ',') && !tok_sent_punct(r->d, ee) && ee - e < 8 &&
                   !(r->tagged && r->d->an[ee].upos == UPOS_VERB))
                ee++;
            /* "According to early results of exit polls conducted for the
             * networks by Edison Research, ...": opening its sentence, the
             * phrase runs to its comma past a participle's modifiers */
            if (v == s0 && r->tagged && ee < s1 && r->d->an[ee].upos == UPOS_VERB &&
                (r->d->an[ee].xpos == XPOS_VBN || r->d->an[ee].xpos == XPOS_VBG)) {
                uint32_t x = ee;
                while (x < s1 && x - e < 24 && !tok_is_char(r->d, x, ',') && !tok_sent_punct(r->d, x) &&
                       r->reg_of[x] < 0 && !(x > ee && r->d->an[x].upos == UPOS_VERB && r->d->an[x].xpos != XPOS_VBN))
                    x++;
                if (x < s1 && tok_is_char(r->d, x, ',')) ee = x;
            }
            uint32_t c0, c1;
            if (ee < s1 && tok_is_char(r->d, ee, ',') && (v == s0 || !tok_is_char(r->d, v - 1, ',')))
                c0 = ee + 1, c1 = s1;
            else
                c0 = s0, c1 = v;
            if (!trim(r, &c0, &c1)) continue;
            int32_t into = -1;
            if (covered_by_region(r, c0, c1) || (r->reg_of[c0] >= 0 && r->reg[r->reg_of[c0]].direct) ||
                (c1 <= v && r->d->toks[c0].kind == TOK_QUOTE && according_tail(r, c0, v) >= 0)) {
                into = according_tail(r, c0, v);
                if (into < 0) continue;
            }
            cand *c = new_cand(r, QUOTE_INDIRECT);
            if (!c) return;
            c->c0 = c0, c->c1 = c1, c->k0 = v, c->k1 = v + 2;
            set_speaker(r, c, hd);
            if (r->parsed) {
                /* the NP head in the tree, not the pattern's last noun */
                for (uint32_t k = v + 2; k < e; k++)
                    if (head(r, k) >= 0 && ((uint32_t)head(r, k) < v || (uint32_t)head(r, k) >= e)) {
                        set_speaker(r, c, k);
                        break;
                    }
            }
            c->s0 = v + 2, c->s1 = e;
            /* "according to an analysis by the Pew Research Center": the
             * author of the document */
            uint32_t hd2 = NOTOK;
            if (hd != NOTOK && e + 1 < ee && tok_in_list(r->d, e, "by|from|of") &&
                tok_in_list(r->d, hd, DOCUMENTS "|analysis|calculations|study|survey|poll|data|estimates|figures|"
                                                "records|count|documents|reports|tally|review|estimate|polls")) {
                uint32_t e2 = np_right(r, e + 1, ee, &hd2);
                if (e2 > e + 1) set_speaker(r, c, hd2), c->s0 = e + 1, c->s1 = e2;
            }
            if (into >= 0) {
                /* the quote is the document's: its cue and source */
                cand *q = &r->cand[into];
                q->k0 = c->k0, q->k1 = c->k1, q->s0 = c->s0, q->s1 = c->s1, q->shead = c->shead;
                r->ncand--;
            }
            v = e - 1;
            continue;
        }
        if (tok_is(r->d, v, "in") && r->tagged && in_source(r, v, s0, s1)) continue;
        unsigned f = cue_flags(r, v);
        if (!(f & (Q_S | Q_C | Q_X | Q_O | Q_P)) || r->dcue[v]) continue;
        if (r->parsed) {
            uint32_t comp = NOTOK, c0 = 0, c1 = 0;
            uint32_t k0, k1;
            cue_span(r, v, &k0, &k1);
            int k = cue_at(r, v);
            if (!(f & Q_O) && evidence_subject(r, v, k)) f |= Q_O;
            uint32_t ans = r->tagged ? answer_object(r, v, k, s1) : 0;
            if (ans) {
                uint32_t subj = subject_of(r, v);
                if (subj != NOTOK && subj < v) {
                    add_indirect(r, v, v + 1, ans, subj, k0, k1);
                    continue;
                }
            }
            for (int32_t ch = r->kid[v], nk_ = 0; ch >= 0 && comp == NOTOK && nk_ < KIDS_MAX; ch = r->sib[ch], nk_++) {
                uint8_t dr = r->d->an[ch].deprel;
                uint32_t x = (uint32_t)ch;
                if ((dr == DEP_CCOMP && (f & (Q_S | Q_C))) || (dr == DEP_XCOMP && (f & Q_X)) ||
                    (dr == DEP_OBJ && (f & Q_O)) || (dr == DEP_CSUBJ_PASS && (f & Q_C)))
                    comp = x;
                else if (dr == DEP_XCOMP && (f & (Q_S | Q_C)) && r->lo[x] > v)
                    comp = x; /* "urged Congress to act" parsed as xcomp */
                else if ((dr == DEP_OBL || dr == DEP_OBL_UNMARKED) && (f & Q_P) && x > v) {
                    /* the preposition must be one of the entry's */
                    uint32_t p = r->lo[x];
                    if (tok_in_list(r->d, p, CUES[k].part)) {
                        comp = x;
                        c0 = p + 1, c1 = r->hi[x] + 1;
                        if (k1 == v + 1 && p == v + 1) k1 = p + 1;
                    }
                }
            }
            if (comp != NOTOK && r->d->an[comp].deprel == DEP_CCOMP && r->hi[comp] < v && r->reg_of[r->lo[comp]] < 0 &&
                r->reg_of[r->hi[comp]] < 0 && r->d->toks[r->lo[comp]].kind != TOK_QUOTE &&
                r->d->toks[r->hi[comp]].kind != TOK_QUOTE)
                /* "But veterans interviewed at rallies, including Mr.
                 * Jebens, said they had no problem": with a second clause
                 * after the cue, the one before is its subject misparsed */
                for (int32_t ch = r->kid[v], nk_ = 0; ch >= 0 && nk_ < KIDS_MAX; ch = r->sib[ch], nk_++)
                    if (r->d->an[ch].deprel == DEP_CCOMP && (uint32_t)ch > v && r->lo[ch] > v && r->reg_of[ch] < 0 &&
                        r->d->toks[r->lo[ch]].kind != TOK_QUOTE && r->reg_of[r->lo[ch]] < 0) {
                        comp = (uint32_t)ch;
                        break;
                    }
            if (comp != NOTOK && r->hi[comp] < v) {
                /* a complement before the cue ("The deal is dead, officials
                 * said") ends at a comma or a quote, and the speaker comes
                 * after it ("Guy Cecil, the group's strategist, said" is
                 * no complement but a misparsed subject) */
                uint32_t e = r->hi[comp] + 1, subj = subject_of(r, v);
                /* (the separating comma may hang on the complement) */
                if (tok_is_char(r->d, e - 1, ',') || r->d->toks[e - 1].kind == TOK_QUOTE || tok_is_dash(r->d, e - 1))
                    e--;
                if (!(tok_is_char(r->d, e, ',') || r->d->toks[e].kind == TOK_QUOTE || tok_is_dash(r->d, e)) ||
                    subj == NOTOK || subj < e)
                    comp = NOTOK;
            }
            if (comp != NOTOK) {
                if (!c1) c0 = r->lo[comp], c1 = r->hi[comp] + 1;
                /* the content never takes in the cue or its subject */
                if (c0 <= v && c1 > v) c0 = v + 1;
                uint32_t subj = subject_of(r, v);
                if (subj == NOTOK && r->d->an[comp].deprel == DEP_XCOMP)
                    /* "The Fed is expected to announce": PolNeAR's source is
                     * the passive subject */
                    for (int32_t ch = r->kid[v], nk_ = 0; ch >= 0 && nk_ < KIDS_MAX; ch = r->sib[ch], nk_++)
                        if (r->d->an[ch].deprel == DEP_NSUBJ_PASS) subj = (uint32_t)ch;
                add_indirect(r, v, c0, c1, subj, k0, k1);
                continue;
            }
            /* "said the group could spend more": a clause the parser did
             * not attach to the cue; its end is the sentence's */
            if ((f & (Q_S | Q_C)) && v + 2 < s1 && r->d->an[v].xpos != XPOS_VBN) {
                uint32_t a = v + 1;
                /* "said last week that he plans to ...": an adjunct
                 * (no verb, no comma) between the cue and "that" that
                 * the parser took for the clause's head */
                for (uint32_t x = v + 1; x < s1 && x < v + 7; x++) {
                    if (tok_is(r->d, x, "that")) {
                        if (x > v + 1) a = x;
                        break;
                    }
                    uint8_t ux = r->d->an[x].upos;
                    if (ux == UPOS_VERB || ux == UPOS_AUX || ux == UPOS_PUNCT || r->reg_of[x] >= 0) break;
                }
                if (tok_is(r->d, a, "that")) a++;
                uint8_t u = r->d->an[a].upos;
                uint32_t subj = subject_of(r, v);
                int clause = 0;
                for (uint32_t x = a + 1; x < s1 && !clause; x++) {
                    if (tok_is_char(r->d, x, ',') || r->reg_of[x] >= 0) break;
                    clause = r->d->an[x].upos == UPOS_VERB || r->d->an[x].upos == UPOS_AUX;
                }
                if (clause && subj != NOTOK && subj < v &&
                    (a > v + 1 || u == UPOS_DET || u == UPOS_PROPN || u == UPOS_PRON || u == UPOS_NOUN)) {
                    /* (up to the main clause's own cue: "Novak, who said
                     * last week that he would resign, said ...") */
                    uint32_t e = a + 1;
                    while (e < s1 && !(tok_is_char(r->d, e, ',') && e + 1 < s1 && (cue_flags(r, e + 1) & Q_S))) e++;
                    add_indirect(r, v, a, e, subj, k0, k1);
                    continue;
                }
            }
            /* "The deal is dead, officials said.": the cue in parataxis */
            uint8_t dr = deprel(r, v);
            int32_t h = head(r, v);
            /* (a cue closing the sentence, whatever the parser hung it
             * on: "..., but later abandoned it, those people said.") */
            int closes = v + 1 >= s1 || tok_sent_punct(r->d, v + 1);
            if ((f & Q_S) && (h < 0 || (uint32_t)h > v || closes) && r->d->an[v].xpos != XPOS_VBN &&
                r->d->an[v].xpos != XPOS_VBG) {
                /* ... and the same when the parser made the statement
                 * a part of the cue's clause ("The slogan ... feels
                 * bloodless, he said." with "slogan" an oblique): a
                 * speech verb and its subject closing the sentence after
                 * a comma take the sentence before the comma */
                uint32_t subj = subject_of(r, v), a0 = 0, a1 = 0;
                if (subj != NOTOK) np_span(r, subj, &a0, &a1);
                uint32_t a = subj == NOTOK ? 0 : subj < v ? a0 : v;
                uint32_t e = subj != NOTOK && subj > v ? a1 : v + 1;
                /* "..., the Times reported late Thursday.": the cue's own
                 * time or manner adjuncts after it */
                if (subj != NOTOK && subj < v)
                    for (int32_t ch = r->kid[v], nk_ = 0; ch >= 0 && nk_ < KIDS_MAX; ch = r->sib[ch], nk_++) {
                        uint8_t dc = r->d->an[ch].deprel;
                        if (r->lo[ch] == e && (dc == DEP_OBL || dc == DEP_OBL_UNMARKED || dc == DEP_ADVMOD) &&
                            r->hi[ch] + 1 <= s1 && r->hi[ch] - r->lo[ch] < 8)
                            e = r->hi[ch] + 1;
                    }
                /* ('... called it “influence peddling,” The Post reported.':
                 * the comma inside the closing mark) */
                int qcomma = a > s0 + 2 && subj != NOTOK && subj < v && r->d->toks[a - 1].kind == TOK_QUOTE &&
                             tok_is_char(r->d, a - 2, ',') && r->reg_of[a - 2] >= 0;
                if (a > s0 + 1 && subj != NOTOK && (subj < v ? a1 == v : subj == v + 1 || a0 == v + 1) &&
                    (((tok_is_char(r->d, a - 1, ',') || tok_is_dash(r->d, a - 1)) && r->reg_of[a - 2] < 0) || qcomma) &&
                    (e >= s1 || tok_sent_punct(r->d, e) || tok_is_char(r->d, e, ','))) {
                    /* "In the early 1990s, Ortiz said, when she was ...":
                     * a parenthetical cue in mid-sentence; the clause
                     * after it is the same statement (a second span
                     * with the same cue), not an adjunct of the cue ("he
                     * said, in an interview"), a sibling (", adding
                     * that") or the reporter's ("..., he said, but ...") */
                    int right = 0;
                    if (e + 2 < s1 && tok_is_char(r->d, e, ',') && r->reg_of[e + 1] < 0 && r->tagged) {
                        const tokan *an = &r->d->an[e + 1];
                        int verb = 0;
                        /* (bounded: the scan stays linear in a run-on sentence) */
                        for (uint32_t x = e + 2; x < s1 && x < e + 40 && !verb; x++)
                            verb = r->d->an[x].upos == UPOS_VERB || r->d->an[x].upos == UPOS_AUX;
                        right = verb && an->upos != UPOS_ADP && an->upos != UPOS_CCONJ && an->xpos != XPOS_VBG &&
                                an->xpos != XPOS_WDT && an->xpos != XPOS_WP && !cue_flags(r, e + 1) &&
                                !tok_in_list(r->d, e + 1, "according|as|while|citing|though|although|because");
                    }
                    if (a > s0 + 3 || right) {
                        add_indirect(r, v, s0, a - 1, subj, k0, k1);
                        if (right) add_indirect(r, v, e + 1, s1, subj, k0, k1);
                        continue;
                    }
                }
            }
            if ((f & (Q_S | Q_C)) && h >= 0 && (uint32_t)h < v &&
                (dr == DEP_PARATAXIS || dr == DEP_CCOMP || dr == DEP_CONJ) && r->lo[v] > s0) {
                uint32_t a = r->lo[v];
                /* the separating comma may hang on the cue (UD) or on the clause */
                if (tok_is_char(r->d, a, ',') || tok_is_dash(r->d, a)) a++;
                else if (!(tok_is_char(r->d, a - 1, ',') || tok_is_dash(r->d, a - 1))) continue;
                /* ", and they hope ...": a coordinated clause of its own */
                if (r->d->an[a].upos == UPOS_CCONJ) continue;
                uint32_t subj = subject_of(r, v);
                if (subj == NOTOK || subj < a) continue;
                uint32_t b0 = s0;
                if ((uint32_t)h >= s0 && r->lo[h] > s0) b0 = r->lo[h];
                add_indirect(r, v, b0, a - 1, subj, k0, k1);
            }
        } else if (f & (Q_S | Q_C)) {
            /* no tree: "Ortiz said (that) ..." and "..., Ortiz said." */
            uint32_t hd = NOTOK, a = np_left(r, v, s0, &hd);
            if (a == v || hd == NOTOK) continue;
            uint32_t k0, k1;
            cue_span(r, v, &k0, &k1);
            uint32_t c0 = k1, c1 = s1;
            if (a > s0 && tok_is_char(r->d, a - 1, ',')) {
                c0 = s0, c1 = a - 1;
            } else if (a != s0) {
                continue;
            }
            if (!trim(r, &c0, &c1) || c1 - c0 < 3) continue;
            if (covered_by_region(r, c0, c1) || (r->reg_of[c0] >= 0 && r->reg[r->reg_of[c0]].direct)) continue;
            cand *c = new_cand(r, QUOTE_INDIRECT);
            if (!c) return;
            c->c0 = c0, c->c1 = c1, c->k0 = k0, c->k1 = k1;
            c->shead = hd, c->s0 = a, c->s1 = hd + 1;
        }
    }
}

/* Nouns of saying, believing and intending that are a cue when their
 * owner is named by a possessive: "Trump's claim that ...", "her vow to
 * go after ...", "Sanders's argument was that ...", "his criticism of
 * the deal" (the prepositions of the last kind in part; sorted by
 * lemma for binary search, a test checks the order).  PolNeAR annotates
 * them as the outer attribution of whatever the clause reports. */
typedef struct noun_cue {
    const char *lemma;
    const char *part; /* '|'-separated prepositions that take the content, or NULL */
} noun_cue;

static const noun_cue NOUN_CUES[] = {
    {"accusation", NULL},
    {"admission", NULL},
    {"allegation", NULL},
    {"announcement", "of"},
    {"answer", NULL},
    {"argument", "for|against"},
    {"assertion", NULL},
    {"assessment", "of"},
    {"assurance", NULL},
    {"attack", "on"},
    {"belief", "in"},
    {"call", "for"},
    {"claim", NULL},
    {"comment", "on|about"},
    {"complaint", "about"},
    {"concern", "about|over"},
    {"conclusion", NULL},
    {"contention", NULL},
    {"criticism", "of"},
    {"critique", "of"},
    {"decision", NULL},
    {"defense", "of"},
    {"demand", "for"},
    {"denial", "of"},
    {"determination", NULL},
    {"endorsement", "of"},
    {"fear", NULL},
    {"hope", NULL},
    {"insistence", "on"},
    {"message", NULL},
    {"opinion", NULL},
    {"opposition", "to"},
    {"plan", NULL},
    {"pledge", NULL},
    {"point", NULL},
    {"position", "on"},
    {"prediction", NULL},
    {"promise", NULL},
    {"proposal", NULL},
    {"refusal", NULL},
    {"remark", "about|on"},
    {"reply", NULL},
    {"request", "for"},
    {"response", NULL},
    {"statement", NULL},
    {"suggestion", NULL},
    {"support", "for|of"},
    {"view", "of|on"},
    {"vow", NULL},
    {"warning", "about|of|against"},
};
#define NNOUN_CUES (sizeof NOUN_CUES / sizeof NOUN_CUES[0])

/* Entry i of the noun cues (lemmas), NULL past the end. */
const char *quote_noun_cue(size_t i) { return i < NNOUN_CUES ? NOUN_CUES[i].lemma : NULL; }

static int noun_cue_find(const char *w) {
    size_t lo = 0, hi = NNOUN_CUES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(w, NOUN_CUES[mid].lemma);
        if (!c) return (int)mid;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return -1;
}

/* The noun cues of a sentence (needs the tree): a noun of NOUN_CUES with
 * a possessor ("Trump's", "her") whose content is a clause or an
 * infinitive hanging on it ("claim that ...", "vow to ..."), the
 * predicate of a copula it is the subject of ("argument was that ...",
 * "point was to ..."), or the object of one of its prepositions
 * ("criticism of the deal").  The possessor speaks.  An attribution
 * inside the content then gives way to this one (resolve_nesting). */
static void noun_cues(qrun *r, uint32_t s0, uint32_t s1) {
    const dyad_doc *d = r->d;
    for (uint32_t n = s0; n < s1; n++) {
        if (d->an[n].upos != UPOS_NOUN || r->reg_of[n] >= 0 || is_boiler(r, n) || !d->an[n].lemma) continue;
        int k = noun_cue_find(d->an[n].lemma);
        if (k < 0) continue;
        /* the subject of its clause or a clause of its own ("Her vow to
         * ..."): as the object of a verb ("Clinton bashed Trump's
         * proposal to ...") it is that verb's content */
        uint8_t nd = d->an[n].deprel;
        if (nd != DEP_ROOT && nd != DEP_NSUBJ && nd != DEP_NSUBJ_OUTER && nd != DEP_NSUBJ_PASS) continue;
        /* ... and the subject of a copula ("Trump's claim that ... is
         * false", "argument was that ..."), not of a verb of effect: in
         * "his attacks on the banks angered the left" the left reacts */
        int32_t nh = head(r, n);
        if (nd != DEP_ROOT && nh >= 0 && d->an[nh].upos == UPOS_VERB) {
            int cop = 0, nk2 = 0;
            for (int32_t ch = r->kid[nh]; ch >= 0 && nk2 < KIDS_MAX; ch = r->sib[ch], nk2++)
                cop |= d->an[ch].deprel == DEP_COP;
            if (!cop) continue;
        }
        uint32_t poss = NOTOK, c0 = 0, c1 = 0, k1 = n + 1;
        int nk_ = 0;
        for (int32_t ch = r->kid[n]; ch >= 0 && nk_ < KIDS_MAX; ch = r->sib[ch], nk_++) {
            uint32_t x = (uint32_t)ch;
            uint8_t dr = d->an[x].deprel;
            if (dr == DEP_NMOD_POSS && x < n) {
                poss = x;
            } else if (dr == DEP_ACL && x > n && !c1) {
                /* "claim that ...", "vow to ..." */
                uint32_t a = r->lo[x];
                if (a == n + 1 && tok_in_list(d, a, "that|to")) c0 = a + (tok_is(d, a, "that") ? 1 : 0), c1 = r->hi[x] + 1;
            } else if (dr == DEP_NMOD && x > n && !c1 && NOUN_CUES[k].part && tok_in_list(d, r->lo[x], NOUN_CUES[k].part) &&
                       r->lo[x] == n + 1) {
                c0 = r->lo[x] + 1, c1 = r->hi[x] + 1, k1 = n + 2; /* "criticism of" */
            }
        }
        if (poss == NOTOK || relative_pronoun(r, poss)) continue;
        if (!c1) {
            /* "Sanders's argument on Sunday was that superdelegates ..." */
            int32_t h = head(r, n);
            if (h < 0 || (uint32_t)h <= n || (uint32_t)h >= s1 || nd == DEP_ROOT) continue;
            uint32_t cop = NOTOK;
            nk_ = 0;
            for (int32_t ch = r->kid[h]; ch >= 0 && nk_ < KIDS_MAX; ch = r->sib[ch], nk_++)
                if (d->an[ch].deprel == DEP_COP && (uint32_t)ch > n) cop = (uint32_t)ch;
            if (cop == NOTOK || cop + 1 >= s1 || !tok_in_list(d, cop + 1, "that|to")) continue;
            c0 = cop + 1 + (tok_is(d, cop + 1, "that") ? 1 : 0), c1 = r->hi[h] + 1;
        }
        if (c1 > s1) c1 = s1;
        if (c1 <= c0 + 1) continue;
        add_indirect(r, n, c0, c1, poss, n, k1);
    }
}

/* "Collins said Trump's strategists plan to secure ...", the parser
 * having hung the clause elsewhere: a speech verb of the sentence with a
 * subject before it and no content of its own, followed right away by
 * the speaker of another cue's content (after "that" or a short adjunct),
 * is that statement's outer attribution -- PolNeAR keeps only the
 * outermost.  Its content runs from the inner speaker to the end of the
 * inner content; resolve_nesting() then drops the inner one.  The
 * candidates of the sentence start at index first. */
static void outer_speech(qrun *r, uint32_t s0, uint32_t s1, size_t first) {
    size_t last = r->ncand;
    /* (a sentence with more candidates is a run-on or hostile input: the
     * scan below must stay linear) */
    if (!r->parsed || last == first || last - first > 16) return;
    for (uint32_t v = s0; v < s1; v++) {
        if (r->reg_of[v] >= 0 || r->dcue[v] || !(cue_flags(r, v) & Q_S)) continue;
        uint8_t x = r->d->an[v].xpos;
        if (x != XPOS_VBD && x != XPOS_VBZ && x != XPOS_VBP) continue;
        int has = 0;
        for (size_t i = first; i < last && !has; i++) has = r->cand[i].k0 <= v && v < r->cand[i].k1;
        if (has) continue;
        /* the clause's start: right after the cue, "that", or an adjunct
         * without verb or punctuation ("last week that") */
        uint32_t a = v + 1;
        for (uint32_t y = v + 1; y < s1 && y < v + 7; y++) {
            if (tok_is(r->d, y, "that")) {
                a = y + 1;
                break;
            }
            uint8_t u = r->d->an[y].upos;
            if (u == UPOS_VERB || u == UPOS_AUX || u == UPOS_PUNCT || r->reg_of[y] >= 0) break;
        }
        const cand *in = NULL;
        for (size_t i = first; i < last && !in; i++) {
            const cand *c = &r->cand[i];
            if (c->dead || c->kind != QUOTE_INDIRECT || c->k0 <= v || c->s1 <= c->s0) continue;
            if (c->s0 == a && c->c0 > c->k0) in = c;
        }
        if (!in) continue;
        uint32_t subj = subject_of(r, v);
        if (subj == NOTOK || subj >= v) continue;
        uint32_t k0, k1, c1 = in->c1;
        cue_span(r, v, &k0, &k1);
        if (k1 > a) continue;
        add_indirect(r, v, a, c1, subj, k0, k1);
    }
}

/* "Graham: Trump's Rhetoric Destroying GOP", "Poll: Sanders Leads
 * Clinton", "TAPPER: Donald Trump released a video": a paragraph opened
 * by a speaking label and a colon states what the label's bearer says
 * (the headline's and the transcript's convention), whether or not the
 * sentence has a verb of saying -- PolNeAR takes the colon for the cue.
 * The content is the rest of the label's sentence; an attribution inside
 * it is nested and dropped later.  Not a one-letter interview label
 * ("Q:", "A:", annotated now one way, now the other), nor a tally
 * ("Clinton: 1,769."). */
static int speaking_label(const qrun *r, uint32_t p, uint32_t w);

static void label_statement(qrun *r, uint32_t s0, uint32_t s1) {
    const dyad_doc *d = r->d;
    if (s0 > 0 && !(d->toks[s0].flags & TOKF_PARA_BEFORE)) return;
    /* one to three capitalized words and a colon (para_label's test,
     * here with the colon allowed to end the sentence) */
    uint32_t p0 = s0, w = NOTOK;
    for (uint32_t k = s0; k < s1 && k < s0 + 4; k++) {
        if (tok_is_char(d, k, ':')) {
            if (k > s0 && r->reg_of[k] < 0) w = k - 1;
            break;
        }
        if ((d->toks[k].kind != TOK_WORD && d->toks[k].kind != TOK_ABBREV) || !(d->toks[k].flags & TOKF_UPPER)) break;
    }
    if (w == NOTOK || w + 2 > s1 || !speaking_label(r, p0, w)) return;
    /* the sentence splitter may end the label's sentence at its colon:
     * the statement is then the paragraph's next sentence */
    if (w + 2 == s1) {
        if (s1 >= r->n || (d->toks[s1].flags & TOKF_PARA_BEFORE)) return;
        s1 = sent_last(r, s1);
    }
    if (w + 3 >= s1) return;
    if (w == p0 && d->toks[w].end - d->toks[w].start < 2) return;
    /* a label in capitals alone is a transcript's speaker ("TAPPER:") or
     * a banner ("BUSTED:", "FIX IS IN:"): a banner's words are not
     * nouns */
    int caps = 1, named = 0;
    for (uint32_t k = p0; k <= w; k++) {
        if (!(d->toks[k].flags & TOKF_ALLCAPS)) caps = 0;
        if (r->men[k] >= 0) named = 1;
    }
    if (caps && !named && r->tagged)
        for (uint32_t k = p0; k <= w; k++)
            if (r->d->an[k].upos != UPOS_PROPN && r->d->an[k].upos != UPOS_NOUN) return;
    uint32_t c0 = w + 2, c1 = s1;
    /* a transcript's turn runs to the end of its paragraph */
    if (caps && p0 > 0)
        while (c1 < r->n && c1 - c0 < 400 && !(d->toks[c1].flags & TOKF_PARA_BEFORE)) c1++;
    if (!trim(r, &c0, &c1) || c1 - c0 < 3 || d->toks[c0].kind == TOK_NUM) return;
    /* a quotation right after the label is the region's ('CNN Chief:
     * “We Do Not Pay ...”') */
    if (r->reg_of[c0] >= 0 || (d->toks[c0].kind == TOK_QUOTE && c0 + 1 < c1 && r->reg_of[c0 + 1] >= 0)) return;
    cand *c = new_cand(r, QUOTE_INDIRECT);
    if (!c) return;
    c->c0 = c0, c->c1 = c1, c->k0 = w + 1, c->k1 = w + 2;
    c->s0 = p0, c->s1 = w + 1, c->shead = w, c->label = 1;
}

/* "Asked whether he would run, Ortiz said no", "..., she said when
 * asked about the deal": the question put to the speaker, in a passive
 * participle adjunct opening the sentence or after "when", is a
 * statement of its own -- the asker's (the agent of "asked by a
 * reporter"), most often unnamed -- and not part of the answer's
 * content.  The adjunct runs from the question word (whether, if, about,
 * what ...) to its comma or the sentence's end.  A candidate the tree
 * gave "asked" is fixed up; the answer's content loses the adjunct. */
static int weekday_or_time(const dyad_doc *d, uint32_t i);
static int time_noun(const dyad_doc *d, uint32_t i);

static void asked_adjunct(qrun *r, uint32_t s0, uint32_t s1, size_t first) {
    const dyad_doc *d = r->d;
    for (uint32_t v = s0; v < s1 && v < s0 + 400; v++) {
        if (!tok_is(d, v, "asked") || r->reg_of[v] >= 0 || is_boiler(r, v)) continue;
        uint32_t a0 = v; /* the adjunct's first token */
        if (v > s0 && tok_is(d, v - 1, "when")) a0 = v - 1;
        else if (v != s0) continue;
        uint32_t j = v + 1, sh = NOTOK, sp0 = 0, sp1 = 0;
        if (j < s1 && tok_is(d, j, "by")) {
            uint32_t hd = NOTOK, e = np_right(r, j + 1, s1, &hd);
            if (e == j + 1) continue;
            sh = hd, sp0 = j + 1, sp1 = e, j = e;
            /* ("by a host on Thursday") */
            while (j < s1 && j < e + 4 && (time_noun(d, j) || weekday_or_time(d, j) || tok_in_list(d, j, "on|at|in")))
                j++;
        }
        if (j >= s1 || !tok_in_list(d, j, "whether|if|why|what|how|who|whom|where|which")) continue;
        /* to the comma closing the adjunct (one inside a quote goes with
         * its closing mark) */
        uint32_t c1 = j + 1;
        while (c1 < s1 && c1 - j < 60) {
            if (tok_is_char(d, c1, ',') && r->reg_of[c1] < 0) break;
            if (d->toks[c1].kind == TOK_QUOTE && tok_is_char(d, c1 - 1, ',') && r->reg_of[c1 - 1] >= 0) {
                c1++;
                break;
            }
            c1++;
        }
        if (c1 - j >= 60) continue;
        uint32_t c0 = j;
        uint32_t e1 = c1;
        if (!trim(r, &c0, &e1) || e1 - c0 < 2) continue;
        cand *c = NULL;
        for (size_t i = first; i < r->ncand && !c; i++)
            if (!r->cand[i].dead && r->cand[i].kind == QUOTE_INDIRECT && r->cand[i].k0 == v) c = &r->cand[i];
        size_t last = r->ncand;
        if (!c) c = new_cand(r, QUOTE_INDIRECT);
        if (!c) return;
        c->c0 = c0, c->c1 = e1, c->k0 = v, c->k1 = v + 1;
        if (sh != NOTOK) c->s0 = sp0, c->s1 = sp1, c->shead = sh;
        /* the answer's content loses the adjunct */
        for (size_t i = first; i < last; i++) {
            cand *o = &r->cand[i];
            if (o == c || o->dead || o->kind != QUOTE_INDIRECT || !(o->c0 <= v && v < o->c1)) continue;
            if (o->k0 >= c1) {
                o->c0 = c1; /* Asked ..., X said CONTENT (the tree's misreading) */
            } else if (o->k0 < a0) {
                o->c1 = a0; /* X said CONTENT when asked ... */
            } else {
                continue;
            }
            if (o->c1 <= o->c0 || !trim(r, &o->c0, &o->c1)) o->dead = 1;
        }
        v = c1;
    }
}

/* ---- nesting ---------------------------------------------------------------- */

static int cmp_cand_start(const void *a, const void *b) {
    const cand *x = a, *y = b;
    if (x->c0 != y->c0) return x->c0 < y->c0 ? -1 : 1;
    if (x->c1 != y->c1) return x->c1 > y->c1 ? -1 : 1; /* outer first */
    return x->k0 < y->k0 ? -1 : x->k0 > y->k0;
}

/* Only the outermost attribution is kept (PolNeAR's and the news reader's
 * view: "Reardon criticized Lamport for saying that ..." is Reardon's);
 * a sibling cue after a comma (", adding that ...") cuts the outer content
 * short instead. */
static void resolve_nesting(qrun *r) {
    if (r->ncand < 2) return;
    qsort(r->cand, r->ncand, sizeof *r->cand, cmp_cand_start);
    /* regions point at candidates by index: renumber */
    for (size_t i = 0; i < r->ncand; i++)
        if (r->cand[i].reg >= 0) r->reg[r->cand[i].reg].cand = (int32_t)i;
    /* sweep: the open indirect candidate reaching furthest right */
    int32_t outer = -1;
    for (size_t i = 0; i < r->ncand; i++) {
        cand *c = &r->cand[i];
        if (c->kind != QUOTE_INDIRECT) continue;
        if (outer >= 0) {
            cand *o = &r->cand[outer];
            uint32_t cue = c->k1 > c->k0 ? c->k0 : c->c0;
            if (cue >= o->c0 && cue < o->c1 && c->c0 < o->c1) {
                /* the sibling clause starts at its subject, or at the cue
                 * when the subject is the outer one's ("Carson said ...,
                 * telling him that ...") */
                uint32_t a = c->s1 > c->s0 && c->s0 < c->k0 && c->s0 > o->c0 ? c->s0 : c->k0;
                int sibling = a > o->c0 && (tok_is_char(r->d, a - 1, ',') || tok_is(r->d, a - 1, "and")) &&
                              r->tagged && (r->d->an[c->k0].xpos == XPOS_VBG || tok_is(r->d, a - 1, "and"));
                if (sibling) {
                    o->c1 = a - 1;
                    trim(r, &o->c0, &o->c1);
                    if (o->c1 <= o->c0) o->dead = 1;
                } else {
                    c->dead = 1;
                    continue;
                }
            }
        }
        if (outer < 0 || r->cand[outer].dead || c->c1 > r->cand[outer].c1) outer = (int32_t)i;
    }
}

/* A partial quote inside the content of reported speech is part of that
 * statement: 'Fiorina declared that any new deal would demand "absolute
 * secrecy"' quotes Fiorina, not "demand".  It takes the statement's cue
 * and speaker (the candidates are sorted by start, outer first). */
static void partials_in_reported(qrun *r) {
    int32_t outer = -1;
    for (size_t i = 0; i < r->ncand; i++) {
        cand *c = &r->cand[i];
        if (c->dead) continue;
        if (c->kind == QUOTE_INDIRECT) {
            if (outer < 0 || c->c1 > r->cand[outer].c1) outer = (int32_t)i;
            continue;
        }
        if (c->kind != QUOTE_PARTIAL || outer < 0) continue;
        const cand *o = &r->cand[outer];
        if (c->c0 < o->c0 || c->c1 > o->c1 + 1 || o->k1 <= o->k0) continue;
        c->k0 = o->k0, c->k1 = o->k1, c->s0 = o->s0, c->s1 = o->s1, c->shead = o->shead;
    }
}

/* A direct quote with no attribution of its own continues the one just
 * before it: “…,” he said. “…” -- also in the next paragraph, the way a
 * long quotation runs on (the candidates are in text order). */
static void continuations(qrun *r) {
    for (size_t i = 0; i < r->ncand; i++) {
        cand *c = &r->cand[i];
        if (c->dead || c->kind != QUOTE_DIRECT || c->k1 > c->k0) continue;
        /* the nearest attributed statement of the same paragraph, else
         * of the paragraph before ("Then, later that month on CNN: “…”"
         * and a quote that opens its paragraph alike).  Passes: this
         * paragraph's quotes with marks, then its reported speech; the
         * paragraph before (same order) */
        for (int pass = 0; pass < 4 && c->k1 <= c->k0; pass++)
            for (size_t j = i; j-- > 0 && i - j <= 8;) {
                const cand *p = &r->cand[j];
                if (p->dead || p->shadow || p->c1 > c->c0) continue;
                uint32_t pp = r->para_of[p->c1 - 1], cp = r->para_of[c->c0];
                if (pass < 2 && pp != cp) break;
                if (pass >= 2 && cp - pp > 1) break;
                if (!(pass & 1) && p->kind == QUOTE_INDIRECT) continue;
                if (p->k1 <= p->k0 && p->kind == QUOTE_DIRECT) break;
                if (p->k1 <= p->k0) continue;
                if (r->sent_of[c->c0] - r->sent_of[p->c1 - 1] <= 4)
                    c->k0 = p->k0, c->k1 = p->k1, c->s0 = p->s0, c->s1 = p->s1, c->shead = p->shead;
                break;
            }
    }
}

static int32_t actor_of(const qrun *r, const cand *c);

/* A quote that is a paragraph of its own with no attribution and none
 * continued: in news it is most often the last speaker's -- "Viguerie
 * notes." ... "Viguerie is upbeat ..." ... “Not only can ...” -- when
 * that speaker spoke within the last three paragraphs.  Only the speaker
 * is taken, not the cue: the quote is a statement of its own. */
static void run_speakers(qrun *r) {
    for (size_t i = 0; i < r->ncand; i++) {
        cand *c = &r->cand[i];
        if (c->dead || c->kind != QUOTE_DIRECT || c->k1 > c->k0 || c->s1 > c->s0 || c->reg < 0) continue;
        uint32_t o = r->reg[c->reg].open;
        if (o > 0 && !(r->d->toks[o].flags & TOKF_PARA_BEFORE)) continue;
        /* nothing after it in its paragraph ("…,” remembered Verley is
         * attributed there, if by a cue the stage does not know) */
        uint32_t e = r->reg[c->reg].close == NOCLOSE ? c->c1 : r->reg[c->reg].close + 1;
        while (e < r->n && !(r->d->toks[e].flags & TOKF_PARA_BEFORE) && r->d->toks[e].kind != TOK_WORD &&
               r->d->toks[e].kind != TOK_ABBREV && r->d->toks[e].kind != TOK_NUM)
            e++;
        if (e < r->n && !(r->d->toks[e].flags & TOKF_PARA_BEFORE)) continue;
        /* a block a colon introduces ("Wait, it gets better:") or a dash
         * signs on the next line is someone else's */
        if (o > 0 && tok_is_char(r->d, o - 1, ':')) continue;
        if (e < r->n && tok_is_dash(r->d, e)) continue;
        for (size_t j = i; j-- > 0 && i - j <= 12;) {
            const cand *p = &r->cand[j];
            if (p->dead || p->shadow || p->c1 > c->c0) continue;
            if (r->para_of[c->c0] - r->para_of[p->c1 - 1] > 3) break;
            if (p->s1 <= p->s0) continue;
            /* a person: by name, or "he" / "she" */
            int32_t a = actor_of(r, p);
            if ((a >= 0 && r->d->actors[a].type == ENT_PERSON) ||
                (p->s1 == p->s0 + 1 && tok_in_list(r->d, p->s0, "he|she")))
                c->s0 = p->s0, c->s1 = p->s1, c->shead = p->shead;
            break;
        }
    }
}

/* "Adding, “…”", "..., saying “…”": a quote whose cue is a participle
 * with no subject anywhere goes on with the statement of the last
 * speaker, of its paragraph or the one before (the candidates are in
 * text order). */
static void participle_speakers(qrun *r) {
    for (size_t i = 0; i < r->ncand; i++) {
        cand *c = &r->cand[i];
        if (c->dead || c->kind == QUOTE_INDIRECT || c->k1 <= c->k0 || c->s1 > c->s0) continue;
        if (!r->tagged || r->d->an[c->k0].xpos != XPOS_VBG) continue;
        for (size_t j = i; j-- > 0 && i - j <= 8;) {
            const cand *p = &r->cand[j];
            if (p->dead || p->shadow || p->c1 > c->c0 || p->k0 >= c->k0) continue;
            if (r->para_of[c->k0] - r->para_of[p->c1 - 1] > 1) break;
            if (p->s1 <= p->s0) continue;
            c->s0 = p->s0, c->s1 = p->s1, c->shead = p->shead;
            break;
        }
    }
}

/* "FALLIN: I think we all need to ...", "Ortiz: We Will Not Back
 * Down": in a paragraph opened by a label (one to three capitalized
 * words and a colon), "I" and "we" are the label's.  The label's last
 * token, or NOTOK; the walk back to the paragraph start is bounded. */
static uint32_t para_label(const qrun *r, uint32_t i, uint32_t *start) {
    const dyad_doc *d = r->d;
    uint32_t p = i;
    while (p > 0 && !(d->toks[p].flags & TOKF_PARA_BEFORE) && i - p < 400) p--;
    if (p > 0 && !(d->toks[p].flags & TOKF_PARA_BEFORE)) return NOTOK;
    *start = p;
    for (uint32_t k = p; k < i && k < p + 4; k++) {
        if (tok_is_char(d, k, ':')) return k > p && r->reg_of[k] < 0 ? k - 1 : NOTOK;
        const tok *t = &d->toks[k];
        if ((t->kind != TOK_WORD && t->kind != TOK_ABBREV) || !(t->flags & TOKF_UPPER)) return NOTOK;
    }
    return NOTOK;
}

/* A label that names who speaks, not the topic of what follows
 * ("Superdelegates:", "UPDATE:"): a transcript's capitals ("TAPPER:",
 * "Q:"), a name the actor stage knows ("Gingrich:"), or a report. */
static int speaking_label(const qrun *r, uint32_t p, uint32_t w) {
    const dyad_doc *d = r->d;
    if (w == p && tok_in_list(d, p, "report|poll|survey|study")) return 1;
    if (w == p && tok_in_list(d, p, "update|updated|exclusive|breaking|watch|video|photos|note|correction|editor"))
        return 0;
    int caps = 1;
    for (uint32_t k = p; k <= w; k++) {
        if (r->men[k] >= 0) return 1;
        if (!(d->toks[k].flags & TOKF_ALLCAPS)) caps = 0;
    }
    return caps;
}

/* Reported speech in a labelled paragraph: "I" and "we" are the label's
 * (its actor; the mention stays "I"), and so is the clause of anyone
 * else -- "TAPPER: Donald Trump has campaigned as ..., you think?",
 * "Gingrich: Trump Should Decide If ..." -- the label is the outermost
 * attribution, as PolNeAR annotates it, in the label's sentence.  A
 * pronoun other than "I" or "we" keeps its clause ("A: He said he
 * would ..."). */
static void label_speakers(qrun *r) {
    /* one look per paragraph: the candidates come in text order */
    uint32_t last_para = UINT32_MAX, w = NOTOK, p0 = 0;
    for (size_t i = 0; i < r->ncand; i++) {
        cand *c = &r->cand[i];
        if (c->dead || c->kind != QUOTE_INDIRECT || c->k1 <= c->k0) continue;
        if (r->para_of[c->k0] != last_para) last_para = r->para_of[c->k0], w = para_label(r, c->k0, &p0);
        if (w == NOTOK || w >= c->k0 || c->c0 <= w + 1) continue;
        if (c->s1 == c->s0 + 1 && tok_in_list(r->d, c->s0, "i|we")) {
            /* the mention stays "I"; the actor is the label's */
            c->shead = w, c->label = 1;
            continue;
        }
        if (c->s1 == c->s0 + 1 && r->tagged && r->d->an[c->s0].upos == UPOS_PRON) continue;
        /* (in the label's own sentence: a long answer goes on in the
         * voices it reports, "My staff cautioned me not to ...") */
        if (w + 2 >= r->n || r->sent_of[c->k0] != r->sent_of[w + 2] || !speaking_label(r, p0, w)) continue;
        c->s0 = p0, c->s1 = w + 1, c->shead = w, c->label = 1;
    }
}

/* ---- output ----------------------------------------------------------------- */

static int32_t actor_of(const qrun *r, const cand *c) {
    if (c->s1 <= c->s0) return -1;
    int32_t m = c->shead != NOTOK && c->shead < r->n ? r->men[c->shead] : -1;
    for (uint32_t i = c->s1; m < 0 && i > c->s0; i--) m = r->men[i - 1];
    return m >= 0 ? r->d->mentions[m].actor : -1;
}

/* A speaker pronoun (he, she) in a run of quotes is most often the last
 * speaker: "“…,” Bozell says. “…,” he adds." -- the actor stage picks the
 * most salient person of the last sentences, who in a quote-heavy text is
 * often someone the quotes speak of.  The last speaker of the same or the
 * paragraph before wins when its gender agrees. */
static int32_t pronoun_speaker(const qrun *r, const cand *c, int32_t actor, int32_t last, uint32_t last_para) {
    if (last < 0 || last == actor || c->s1 != c->s0 + 1) return actor;
    int male = tok_is(r->d, c->s0, "he"), female = tok_is(r->d, c->s0, "she");
    if (!male && !female) return actor;
    if (r->para_of[c->s0] - last_para > 1) return actor;
    uint8_t g = r->d->actors[last].gender;
    if (r->d->actors[last].type != ENT_PERSON || (g != 0 && g != (male ? 1 : 2))) return actor;
    return last;
}

static int emit(qrun *r) {
    dyad_doc *d = r->d;
    int32_t last = -1;
    uint32_t last_para = 0;
    for (size_t i = 0; i < r->ncand; i++) {
        const cand *c = &r->cand[i];
        if (c->dead || c->shadow || c->c1 <= c->c0) continue;
        dquote q;
        memset(&q, 0, sizeof q);
        q.start = d->toks[c->c0].start;
        q.end = d->toks[c->c1 - 1].end;
        if (c->s1 > c->s0) q.speaker_start = d->toks[c->s0].start, q.speaker_end = d->toks[c->s1 - 1].end;
        if (c->k1 > c->k0) q.cue_start = d->toks[c->k0].start, q.cue_end = d->toks[c->k1 - 1].end;
        q.speaker_actor = actor_of(r, c);
        if (q.speaker_actor < 0 && c->s1 > c->s0 && c->reg >= 0 && c->s0 == c->c0) /* a transcript label */
            q.speaker_actor = label_actor(r, c->s1 - 1);
        if (c->label) {
            int32_t m = r->men[c->shead];
            int32_t la = m >= 0 ? d->mentions[m].actor : label_actor(r, c->shead);
            if (la >= 0) q.speaker_actor = la;
        }
        if (c->kind != QUOTE_INDIRECT && c->s1 > c->s0) {
            q.speaker_actor = pronoun_speaker(r, c, q.speaker_actor, last, last_para);
            if (q.speaker_actor >= 0) last = q.speaker_actor, last_para = r->para_of[c->s0];
        }
        q.kind = c->kind;
        if (doc_push_quote(d, &q)) return DYAD_ENOMEM;
    }
    return DYAD_OK;
}

/* ---- entry point ------------------------------------------------------------ */

#define CARVE(ptr, type, count)                             \
    do {                                                    \
        off = (off + 7) & ~(size_t)7;                       \
        (ptr) = (type *)(void *)(d->scratch.s + off);       \
        off += (size_t)(count) * sizeof(type);              \
    } while (0)

/* See quote.h.  Allocation: one sb_grow of doc->scratch sized from the
 * token and quote-mark counts (per-token tables, the regions and the
 * candidates), then doc_push_quote per quote found. */
int quote_run(dyad_doc *d) {
    if (!d) return DYAD_EINVAL;
    d->nquote = 0;
    if (d->ntok == 0 || d->err) return DYAD_OK;
    if (d->ntok >= (size_t)INT32_MAX / 2) return DYAD_OK; /* beyond any document size limit */
    qrun r;
    memset(&r, 0, sizeof r);
    r.d = d;
    r.n = (uint32_t)d->ntok;
    r.tagged = d->tagged && d->an;
    r.parsed = r.tagged && d->parsed;
    size_t nmark = 0;
    for (uint32_t i = 0; i < r.n; i++) nmark += d->toks[i].kind == TOK_QUOTE;
    r.capreg = nmark + 1;
    /* one candidate per region and per cue word at most, and the cue words
     * are at most the tokens */
    r.capcand = r.capreg + r.n;
    size_t n = r.n;
    size_t per_tok = sizeof(int32_t) * 2 + sizeof(uint32_t) * 5 + sizeof(int16_t) + sizeof(int32_t) + 1 +
                     (r.parsed ? sizeof(int32_t) * 3 + sizeof(uint32_t) * 2 : 0);
    /* capreg <= n + 1 and capcand <= 2n + 1: one bound covers the sum */
    if (n + 1 > (SIZE_MAX - 512) / (per_tok + sizeof(qreg) + 2 * sizeof(cand) + sizeof(uint32_t))) return DYAD_ENOMEM;
    size_t need = n * per_tok + r.capreg * (sizeof(qreg) + sizeof(uint32_t)) + r.capcand * sizeof(cand) + 32 * 8;
    sb_reset(&d->scratch);
    if (sb_grow(&d->scratch, need) != 0) return DYAD_ENOMEM;
    size_t off = 0;
    int32_t *stack = NULL;
    CARVE(r.reg_of, int32_t, n);
    CARVE(r.sent_of, uint32_t, n);
    CARVE(r.para_of, uint32_t, n);
    CARVE(r.cue, int16_t, n);
    CARVE(r.men, int32_t, n);
    CARVE(r.dcue, uint8_t, n);
    CARVE(r.pw, uint32_t, n + 1);
    CARVE(r.pq, uint32_t, n + 1);
    CARVE(r.nextb, uint32_t, n + 1);
    CARVE(r.cont, uint32_t, r.capreg);
    if (r.parsed) {
        CARVE(r.kid, int32_t, n);
        CARVE(r.sib, int32_t, n);
        CARVE(stack, int32_t, n);
        CARVE(r.lo, uint32_t, n);
        CARVE(r.hi, uint32_t, n);
    }
    CARVE(r.reg, qreg, r.capreg);
    CARVE(r.cand, cand, r.capcand);

    uint32_t para = 0;
    for (uint32_t i = 0; i < r.n; i++) {
        r.reg_of[i] = -1;
        r.cue[i] = -2;
        r.dcue[i] = 0;
        r.sent_of[i] = UINT32_MAX;
        if (i > 0 && (d->toks[i].flags & TOKF_PARA_BEFORE)) para++;
        r.para_of[i] = para;
    }
    for (size_t s = 0; s < d->nsent; s++)
        for (uint32_t i = d->sents[s].first; i < d->sents[s].last && i < r.n; i++) r.sent_of[i] = (uint32_t)s;
    r.nextb[r.n] = r.n;
    for (uint32_t i = r.n; i-- > 0;) r.nextb[i] = (d->toks[i].flags & TOKF_BOILER) ? i : r.nextb[i + 1];
    if (r.parsed) build_tree(&r, stack);
    build_mentions(&r);

    find_regions(&r);
    attribute_regions(&r);
    count_quoted(&r);
    for (size_t s = 0; s < d->nsent; s++) {
        uint32_t a = d->sents[s].first, b = d->sents[s].last;
        if (b > r.n) b = r.n;
        size_t first = r.ncand;
        if (a < b) {
            reported_speech_tree(&r, a, b);
            if (r.parsed) noun_cues(&r, a, b);
            outer_speech(&r, a, b, first);
            label_statement(&r, a, b);
            asked_adjunct(&r, a, b, first);
        }
    }
    resolve_nesting(&r);
    partials_in_reported(&r);
    continuations(&r);
    run_speakers(&r);
    participle_speakers(&r);
    label_speakers(&r);
    return emit(&r);
}
