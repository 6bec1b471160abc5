/* doc.h -- the document model shared by the pipeline stages (private).
 *
 * A document owns its text and every result.  Tokens are one contiguous
 * array of byte offsets into the text (never a malloc per token);
 * sentences are token index ranges; boilerplate is byte spans.  Arrays are
 * malloc'ed vectors that grow geometrically and survive dyad_doc_reset, so a
 * worker stops allocating once warmed up; small per-document strings come
 * from the arena. */
#ifndef DYAD_DOC_H
#define DYAD_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "../include/dyad.h"
#include "arena.h"
#include "strbuf.h"

/* Token kinds. */
enum {
    TOK_WORD = 0,   /* letters, possibly with inner hyphen/apostrophe/digits */
    TOK_NUM,        /* 1,000.50  5.93  2014-15  3rd */
    TOK_PUNCT,      /* . , ; : ! ? ( ) - -- ... and the like */
    TOK_QUOTE,      /* " ' “ ” ‘ ’ « » `` '' */
    TOK_ABBREV,     /* word ending in its own period: Sen.  U.S.  a.m.  W. */
    TOK_URL,
    TOK_EMAIL,
    TOK_HANDLE,     /* @name */
    TOK_HASHTAG,    /* #tag */
    TOK_SYMBOL,     /* $ % & + = / emoji and other symbols */
    TOK_CLITIC      /* n't 's 're 'll 've 'd 'm split off a word */
};

/* Token flags. */
enum {
    TOKF_SPACE_BEFORE = 1u << 0,  /* whitespace precedes the token */
    TOKF_NL_BEFORE = 1u << 1,     /* a line break precedes it */
    TOKF_PARA_BEFORE = 1u << 2,   /* a paragraph break precedes it (blank line, or line break + indent) */
    TOKF_UPPER = 1u << 3,         /* first letter upper case */
    TOKF_ALLCAPS = 1u << 4,       /* every letter upper case (and at least one letter) */
    TOKF_HAS_ALPHA = 1u << 5,
    TOKF_HAS_DIGIT = 1u << 6,
    TOKF_NONASCII = 1u << 7,      /* contains a byte >= 0x80 */
    TOKF_OPEN_QUOTE = 1u << 8,    /* quote mark that opens (“ ‘ or straight by context) */
    TOKF_CLOSE_QUOTE = 1u << 9,   /* quote mark that closes */
    TOKF_SENT_END = 1u << 10,     /* set by the sentence splitter on a sentence's last token */
    TOKF_BOILER = 1u << 11        /* inside a boilerplate span */
};

typedef struct tok {
    uint32_t start, end;  /* byte offsets into doc->text */
    uint16_t flags;       /* TOKF_* */
    uint8_t kind;         /* TOK_* */
    uint8_t pad;
} tok;

/* Analysis of one token by the statistical core, parallel to doc->toks:
 * tags and lemma by tagger.c, head and relation by parser.c. */
typedef struct tokan {
    const char *lemma;  /* NUL-terminated; in the tagger model's string pool or the doc arena */
    int32_t head;       /* absolute token index of the head, -1 for a sentence root */
    uint16_t feats;     /* FEAT_* bits (ud.h) */
    uint8_t upos, xpos; /* UPOS_*, XPOS_* (ud.h) */
    uint8_t deprel;     /* DEP_* (ud.h) */
    uint8_t pad[7];
} tokan;

/* A date expression resolved against the document date (date.c). */
typedef struct ddate {
    uint32_t start, end;  /* byte span of the expression */
    char value[32];       /* ISO 8601 at the text's granularity: "2023", "2023-03", "2023-03-14",
                           * or a range "2023-02-27/2023-03-05" */
} ddate;

/* A toponym resolved to a gazetteer entry (place.c).  Strings point into
 * the gazetteer image, which lives as long as the context. */
typedef struct dplace {
    uint32_t start, end;
    const char *name;     /* canonical name */
    const char *feature;  /* "country", "admin1", "admin2", "city", "region", "continent", ... */
    char country[4];      /* ISO 3166-1 alpha-3, "" if none (a region) */
    double lat, lon;
    int64_t geonameid;    /* 0 if none */
} dplace;

/* Entity types (SPEC), plus ENT_MISC: a name the NER model found but could
 * not type (wikigold's MISC); the actor stage refines it to NORP, EVENT,
 * LAW, PRODUCT or WORK_OF_ART, or drops it. */
enum {
    ENT_NONE = 0,
    ENT_PERSON,
    ENT_ORG,
    ENT_GPE,
    ENT_LOC,
    ENT_NORP,
    ENT_FAC,
    ENT_EVENT,
    ENT_LAW,
    ENT_PRODUCT,
    ENT_WORK_OF_ART,
    ENT_MISC,
    ENT_NTYPES
};
extern const char *const ent_type_names[ENT_NTYPES];

/* A named-entity mention (ner.c finds it, actor.c types and links it). */
typedef struct dent {
    uint32_t start, end;  /* byte span */
    uint32_t tok0, tok1;  /* token range [tok0, tok1) */
    int32_t actor;        /* index into doc->actors, -1 if none */
    uint8_t type;         /* ENT_* */
    uint8_t gender;       /* ENT_PERSON: a hint from the given name (ner.c): 0 unknown, 1 male, 2 female */
    uint8_t pad[2];
} dent;

/* One mention of an actor: a name, a later surname, a pronoun or a
 * description ("the French leader"). */
typedef struct dmention {
    uint32_t start, end;
    int32_t actor;
} dmention;

/* A real-world actor the document speaks of (actor.c).  Strings are in
 * the document arena or a dictionary, which outlives the document. */
typedef struct dactor {
    const char *name;     /* canonical name */
    char code[20];        /* CAMEO actor code, "" if unknown */
    char country[4];      /* ISO alpha-3, "" if unknown */
    uint8_t type;         /* ENT_* */
    uint8_t gender;       /* 0 unknown, 1 male, 2 female, 3 plural/group */
    uint8_t pad[2];
    const char **roles;   /* arena array of nroles strings */
    uint32_t nroles;
    uint32_t nmention;    /* mentions in doc->mentions with this actor */
} dactor;

/* Quote kinds (SPEC). */
enum { QUOTE_DIRECT = 1, QUOTE_PARTIAL, QUOTE_INDIRECT };

/* An attributed statement (quote.c). */
typedef struct dquote {
    uint32_t start, end;                 /* the quoted content, without the quote marks */
    uint32_t speaker_start, speaker_end; /* the mention the cue attaches to ("she", "Ortiz"); 0,0 if none */
    uint32_t cue_start, cue_end;         /* the reporting verb or phrase; 0,0 if none */
    int32_t speaker_actor;               /* index into doc->actors, -1 if none */
    uint8_t kind;                        /* QUOTE_* */
    uint8_t pad[3];
} dquote;

/* Event modes (SPEC). */
enum { MODE_ASSERTED = 0, MODE_NEGATED, MODE_HYPOTHETICAL };

/* A coded event (event.c).  A side without an actor has actor -1. */
/* SPEC's name of a mode ("asserted", "negated", "hypothetical"); an
 * unknown value reads as asserted. */
const char *doc_mode_name(int mode);

typedef struct devent {
    uint32_t sentence;
    uint32_t start, end;           /* the words of the event: its actors' and its head's span */
    uint32_t src_start, src_end;   /* the source's words in the text, 0,0 if none */
    uint32_t tgt_start, tgt_end;
    int32_t source, target;        /* actor indexes, -1 if none */
    int32_t attributed_to;         /* actor index of the claimant, -1 if none */
    int32_t place;                 /* index into doc->places, -1 */
    int32_t date;                  /* index into doc->dates, -1 */
    char code[8];                  /* CAMEO event code */
    uint8_t mode;                  /* MODE_* */
    uint8_t quad;
    uint8_t pad[2];
    float goldstein;
    /* the PLOVER 2021 event type, mode and context of code (owned by the
     * context's event lexicon); NULL when PLOVER has no category for it */
    const char *plover, *plover_mode, *plover_context;
} devent;

typedef struct sent {
    uint32_t first, last;  /* token range [first, last) */
} sent;

/* Pipeline stages, for the time each took (dyad_doc_profile). */
enum {
    STAGE_INPUT = 0, /* parsing the record: JSON, HTML, repair */
    STAGE_TOKENIZE,
    STAGE_SENTENCE,
    STAGE_BOILER,
    STAGE_TAGGER,
    STAGE_PARSER,
    STAGE_DATES,
    STAGE_PLACES,
    STAGE_TONE,
    STAGE_NER,
    STAGE_ACTORS,
    STAGE_QUOTES,
    STAGE_EVENTS,
    STAGE_COUNT
};

/* Monotonic nanoseconds, for stage timing. */
uint64_t doc_now_ns(void);
#define DOC_TIMED(doc, stage, call)                      \
    do {                                                 \
        uint64_t doc_t0_ = doc_now_ns();                 \
        call;                                            \
        (doc)->stage_ns[stage] += doc_now_ns() - doc_t0_; \
    } while (0)

struct dyad_doc {
    arena a;
    char *text;             /* NUL-terminated, len bytes; owned (malloc) */
    size_t len, textcap;
    int text_derived;       /* text differs from the input bytes (HTML, repair): write it out */
    char *field[DYAD_NFIELDS];   /* arena strings or NULL */
    size_t field_len[DYAD_NFIELDS];
    long line;              /* 1-based input line of the record, 0 if n/a */

    tok *toks;
    size_t ntok, captok;
    sent *sents;
    size_t nsent, capsent;
    tokan *an;              /* ntok entries once tagged (captok capacity kept in capan) */
    size_t capan;
    int tagged, parsed;
    int presegmented;       /* tokens and sentences came with the input (CoNLL-U) */
    uint64_t stage_ns[STAGE_COUNT];
    dyad_span *boiler;
    size_t nboiler, capboiler;
    ddate *dates;           /* date.c */
    size_t ndate, capdate;
    dplace *places;         /* place.c */
    size_t nplace, capplace;
    dent *ents;             /* ner.c, actor.c: in text order */
    size_t nent, capent;
    dactor *actors;         /* actor.c */
    size_t nactor, capactor;
    dmention *mentions;     /* actor.c: every mention of every actor, grouped by actor, each in text order */
    size_t nmention, capmention;
    dquote *quotes;         /* quote.c: in text order of their content */
    size_t nquote, capquote;
    devent *events;         /* event.c: in text order */
    size_t nevent, capevent;
    double tone;            /* tone.c: -10..+10 */
    int has_tone;

    int err;                /* DYAD_OK or the status making this an error record */
    char errmsg[512];
    int coded;
    char warn[256];         /* a non-fatal input problem ("date ignored"), or "" */
    const char *src_name;   /* input file's base name (arena), for ids and messages */
    strbuf json;
    strbuf scratch;         /* stage-private reusable scratch */

    /* Input parsing (reader.c).  With DYAD_READER_DEFER the raw record waits
     * in raw until dyad_doc_code parses it on a worker thread. */
    int raw_format;         /* DYAD_FORMAT_* of a pending raw record, 0 if none */
    strbuf raw;
    strbuf kbuf, vbuf;      /* JSON key/value scratch */
};

/* Stages, in pipeline order.  Each returns DYAD_OK or DYAD_ENOMEM and works
 * only on doc (no global state), so documents can be coded in parallel. */
int tok_run(dyad_doc *doc);       /* tokenize.c: fills toks */
int sent_run(dyad_doc *doc);      /* sentence.c: fills sents from toks */
int boiler_run(dyad_doc *doc);    /* boiler.c: fills boiler, marks TOKF_BOILER */
/* dyad.c: tag, lemmatize and parse with the context's models (none: no-op). */
int ctx_analyse(const dyad_ctx *ctx, dyad_doc *doc);

/* Append a token/sentence/span, growing the vector.  0 or -1 on OOM. */
int doc_push_tok(dyad_doc *doc, const tok *t);
int doc_push_sent(dyad_doc *doc, uint32_t first, uint32_t last);
int doc_push_boiler(dyad_doc *doc, uint32_t start, uint32_t end);
int doc_push_ent(dyad_doc *doc, const dent *e);
int doc_push_actor(dyad_doc *doc, const dactor *a);
int doc_push_mention(dyad_doc *doc, uint32_t start, uint32_t end, int32_t actor);
int doc_push_quote(dyad_doc *doc, const dquote *q);
int doc_push_event(dyad_doc *doc, const devent *e);

/* Index of the first token that ends after byte b (ntok if none): the
 * token at b, or the next one.  Binary search over the sorted tokens. */
size_t doc_tok_after(const dyad_doc *doc, uint32_t b);
/* Index of the first place that ends after byte b (nplace if none);
 * places are in text order and do not overlap. */
size_t doc_place_after(const dyad_doc *doc, uint32_t b);

/* Parse a pending raw record (doc->raw_format != 0) into text and fields;
 * a bad record becomes an error record.  reader.c. */
int input_parse(dyad_doc *doc);

/* Set the text without repair or checks (for readers that produced clean
 * UTF-8 themselves, e.g. the HTML extractor).  Takes a copy. */
int doc_set_text_raw(dyad_doc *doc, const char *text, size_t len, int derived);

#endif
