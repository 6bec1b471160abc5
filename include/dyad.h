/*
 * dyad.h -- the whole public interface of libdyad.
 *
 * This is the only public header: the CLI (cli/), the Python binding and any
 * other client use nothing else.  Everything behind it is opaque.
 *
 * dyad turns news text into structured political event data.  A program
 * opens one context (dyad_ctx: models, lexicons, dictionaries; read-only once
 * open and safe to share between threads), then for each document fills a
 * dyad_doc (one arena per document; reuse it with dyad_doc_reset), runs
 * dyad_doc_code() and reads the result as the JSON record of SPEC.md with
 * dyad_doc_json(), or stores it with dyad_store_put().
 *
 * Conventions
 *  - Every fallible call returns an int status: DYAD_OK (0) or a DYAD_E*
 *    code; dyad_errstr(rc) names the code, and the handle involved keeps a
 *    detailed message (dyad_*_errmsg).
 *  - Offsets are byte offsets into the UTF-8 text of the document, start
 *    inclusive, end exclusive.
 *  - Destructors accept NULL.
 *  - Pointers returned by accessors are owned by the handle they came from
 *    and stay valid until that handle is reset or freed.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && defined(DYAD_BUILDING)
#define DYAD_API __attribute__((visibility("default")))
#else
#define DYAD_API
#endif

#define DYAD_VERSION_MAJOR 0
#define DYAD_VERSION_MINOR 1
#define DYAD_VERSION_PATCH 0
#define DYAD_VERSION "0.1.0"
#define DYAD_VERSION_NUMBER \
    (DYAD_VERSION_MAJOR * 10000 + DYAD_VERSION_MINOR * 100 + DYAD_VERSION_PATCH)
/* The "dyad" field of every output record: bumped only when a field of
 * SPEC.md changes name or meaning. */
#define DYAD_RECORD_VERSION "1"

/* Library version string, e.g. "0.1.0".  Compare with DYAD_VERSION to catch
 * a header/library mismatch. */
DYAD_API const char *dyad_version(void);

/* ---- status codes ------------------------------------------------------ */
enum {
    DYAD_OK = 0,
    DYAD_ERROR,      /* generic failure */
    DYAD_ENOMEM,     /* out of memory */
    DYAD_EINVAL,     /* invalid argument (NULL handle, bad option) */
    DYAD_EIO,        /* read or write failed, file missing */
    DYAD_EJSON,      /* input line is not a valid JSON object */
    DYAD_ENOTEXT,    /* JSON record has no usable "text" */
    DYAD_ETOOBIG,    /* document over the size limit */
    DYAD_EUTF8,      /* text is not UTF-8 and could not be repaired */
    DYAD_EBINARY,    /* input looks like binary data, not text */
    DYAD_ETRUNC,     /* compressed input ends early or is corrupt */
    DYAD_EFORMAT,    /* model, lexicon or image of the wrong format/version */
    DYAD_EDB,        /* database error */
    DYAD_EDONE,      /* no more documents (not an error) */
    DYAD_NSTATUS
};

/* Short constant name of a status code ("ok", "no_memory", "bad_json", ...);
 * these names are also the "error.code" of SPEC error records.  Never NULL. */
DYAD_API const char *dyad_errstr(int rc);

/* ---- context ------------------------------------------------------------ */
typedef struct dyad_ctx dyad_ctx;

/* Context flags. */
enum {
    /* Load no models: dyad_doc_code only reads, segments and finds
     * boilerplate (the foundation stage alone; for benchmarks). */
    DYAD_CTX_SEGMENT_ONLY = 1u << 0,
    /* Do not load the default actor dictionaries (data/dict/ *.dict): only
     * the actor_files and agent_files given. */
    DYAD_CTX_NO_DEFAULT_DICTS = 1u << 1,
    /* Do not load dyad's own event patterns (data/events/ *.events): only
     * the verb_files given code events (the CAMEO ontology still loads). */
    DYAD_CTX_NO_DEFAULT_EVENTS = 1u << 2
};

/* Called for each malformed dictionary line ("file:line: reason"); the
 * line is skipped and loading goes on. */
typedef void (*dyad_warn_fn)(void *ctx, const char *message);

typedef struct dyad_ctx_options {
    unsigned flags;          /* DYAD_CTX_* */
    const char *model_dir;   /* where models live; NULL: $DYAD_MODEL_DIR, else the built-in default */
    const char *dict_dir;    /* default dictionaries; NULL: $DYAD_DICT_DIR, else the built-in default */
    const char *event_dir;   /* CAMEO ontology and event patterns; NULL: $DYAD_EVENT_DIR, else the built-in default */
    /* TABARI/PETRARCH actor and agent dictionaries loaded after the
     * defaults (their entries win for the same name); NULL-terminated
     * lists, or NULL. */
    const char *const *actor_files;
    const char *const *agent_files;
    /* TABARI .verbs / PETRARCH CAMEO.2.0-style verb dictionaries and
     * discard lists, coded beside (or, with DYAD_CTX_NO_DEFAULT_EVENTS,
     * instead of) dyad's own event patterns; NULL-terminated, or NULL. */
    const char *const *verb_files;
    const char *const *discard_files;
    dyad_warn_fn warn;       /* malformed dictionary lines; NULL: ignored */
    void *warn_ctx;
} dyad_ctx_options;

/* Open a context: load the tagger and parser models (mmap'ed, shared
 * read-only).  opt may be NULL for defaults.  On failure *out is still a
 * handle (NULL only when out of memory): read dyad_ctx_errmsg, then
 * dyad_ctx_close it.  The context is read-only after opening: any number
 * of threads may code documents with it at once.  A NULL context is
 * accepted by dyad_doc_code and means DYAD_CTX_SEGMENT_ONLY. */
DYAD_API int dyad_ctx_open(dyad_ctx **out, const dyad_ctx_options *opt);
DYAD_API void dyad_ctx_close(dyad_ctx *ctx);
DYAD_API const char *dyad_ctx_errmsg(const dyad_ctx *ctx);
/* Directory the context loaded its models from ("" when none). */
DYAD_API const char *dyad_ctx_model_dir(const dyad_ctx *ctx);

/* ---- documents ---------------------------------------------------------- */
typedef struct dyad_doc dyad_doc;

/* Metadata fields of a document (SPEC input fields). */
typedef enum dyad_field {
    DYAD_FIELD_ID = 0,
    DYAD_FIELD_DATE,
    DYAD_FIELD_TITLE,
    DYAD_FIELD_URL,
    DYAD_FIELD_SOURCE,
    DYAD_FIELD_META,   /* raw JSON object of unknown input fields */
    DYAD_NFIELDS
} dyad_field;

/* Flags for dyad_doc_json(). */
enum {
    DYAD_JSON_TEXT = 1u << 0,    /* include "text" (always on when the text was derived, e.g. HTML) */
    DYAD_JSON_TOKENS = 1u << 1,  /* include "tokens": [[start,end],...] */
    /* Events in the PLOVER 2021 ontology: each event gains "event" (the
     * PLOVER type), "event_mode" (PLOVER's mode, null when it has none)
     * and "context" (an array of PLOVER contexts), keeping its CAMEO
     * fields beside them; events PLOVER has no category for (statements,
     * appeals) are left out.  See docs/output-formats.md. */
    DYAD_JSON_PLOVER = 1u << 2,
};

/* A new, empty document.  Free with dyad_doc_free. */
DYAD_API int dyad_doc_new(dyad_doc **out);
DYAD_API void dyad_doc_free(dyad_doc *doc);

/* Forget everything about the document but keep its memory for the next
 * one: the arena and scratch buffers are reused, so a long run does not
 * malloc per document once warmed up. */
DYAD_API void dyad_doc_reset(dyad_doc *doc);

/* Set the document text (copied).  Invalid UTF-8 is repaired (bytes read as
 * Windows-1252); NUL and other C0 control bytes but tab, LF, CR and FF
 * become spaces, so offsets into the repaired text equal offsets into the
 * input whenever no repair was needed.  Returns DYAD_EUTF8 or DYAD_EBINARY
 * when the text is not text; the document then carries that error. */
DYAD_API int dyad_doc_set_text(dyad_doc *doc, const char *text, size_t len);

/* Set a metadata field (copied).  A DYAD_FIELD_DATE value must start with
 * YYYY-MM-DD; anything else is DYAD_EINVAL. */
DYAD_API int dyad_doc_set_field(dyad_doc *doc, dyad_field f, const char *val, size_t len);
DYAD_API const char *dyad_doc_field(const dyad_doc *doc, dyad_field f);

/* Mark the document as failed: it will be written as a SPEC error record
 * with this status and message.  line is the 1-based input line or 0. */
DYAD_API void dyad_doc_set_error(dyad_doc *doc, int rc, long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* The document's error status (DYAD_OK if none) and message (never NULL). */
DYAD_API int dyad_doc_error(const dyad_doc *doc);
DYAD_API const char *dyad_doc_errmsg(const dyad_doc *doc);

/* Run the pipeline: tokenize, split sentences, find boilerplate, and every
 * later stage the context has.  A document carrying an error is left as is
 * and its status returned.  Thread-safe for distinct documents. */
DYAD_API int dyad_doc_code(const dyad_ctx *ctx, dyad_doc *doc);

/* The document text (after repair or HTML extraction) and its length. */
DYAD_API const char *dyad_doc_text(const dyad_doc *doc, size_t *len);

/* A span of text: [start, end) byte offsets. */
typedef struct dyad_span {
    uint32_t start, end;
} dyad_span;

/* Results of coding.  Counts are 0 before dyad_doc_code. */
DYAD_API size_t dyad_doc_token_count(const dyad_doc *doc);
DYAD_API dyad_span dyad_doc_token(const dyad_doc *doc, size_t i);
DYAD_API size_t dyad_doc_sentence_count(const dyad_doc *doc);
/* Sentence i as a byte span; its tokens are [*first, *last) when non-NULL. */
DYAD_API dyad_span dyad_doc_sentence(const dyad_doc *doc, size_t i, size_t *first, size_t *last);
DYAD_API size_t dyad_doc_boilerplate_count(const dyad_doc *doc);
DYAD_API dyad_span dyad_doc_boilerplate(const dyad_doc *doc, size_t i);

/* Event modes (SPEC "mode"). */
enum { DYAD_MODE_ASSERTED = 0, DYAD_MODE_NEGATED, DYAD_MODE_HYPOTHETICAL };

/* One coded event, as dyad_doc_event gives it.  Strings are owned by the
 * document (or the context, for the PLOVER names) and valid until the
 * document is reset; NULL means none. */
typedef struct dyad_event {
    size_t sentence;
    dyad_span span;             /* the event's words: its actors and its head */
    const char *code;           /* CAMEO event code ("0311") */
    int quad;                   /* 1..4, 0 if unknown */
    double goldstein;
    const char *source_code;    /* CAMEO actor codes; NULL when the slot is empty */
    const char *target_code;
    const char *source_name;    /* the actors' canonical names */
    const char *target_name;
    const char *source_country; /* ISO alpha-3 or NULL */
    const char *target_country;
    dyad_span source, target;   /* their words in the text; 0,0 if none */
    long source_actor, target_actor; /* actor indexes of the record, -1 if none */
    int mode;                   /* DYAD_MODE_* */
    long attributed_to;         /* actor index of the claimant, -1 if none */
    const char *attributed_name;
    const char *date;           /* resolved date of the event ("2023-03-14"), NULL: the document's */
    const char *place_name;     /* resolved place, NULL if none */
    const char *place_country;
    double lat, lon;            /* valid when place_name is set */
    const char *plover;         /* PLOVER 2021 event type, mode, context; NULL when */
    const char *plover_mode;    /* PLOVER has no category for the code (statements, */
    const char *plover_context; /* appeals) */
} dyad_event;

/* The events of a coded document, in text order of their sentences. */
DYAD_API size_t dyad_doc_event_count(const dyad_doc *doc);
/* Event i into *out; DYAD_EINVAL when i is out of range. */
DYAD_API int dyad_doc_event(const dyad_doc *doc, size_t i, dyad_event *out);

/* Time spent in each pipeline stage for this document: *names and *ns get
 * two parallel arrays (owned by the library and the document) of the
 * returned length.  Reset with the document. */
DYAD_API size_t dyad_doc_profile(const dyad_doc *doc, const char *const **names, const uint64_t **ns);

/* The SPEC JSON record of the document, one line without the final newline.
 * The string is owned by doc and valid until the next call on it. */
DYAD_API int dyad_doc_json(dyad_doc *doc, unsigned flags, const char **out, size_t *len);

/* The document's analysis as CoNLL-U (ID FORM LEMMA UPOS XPOS FEATS HEAD
 * DEPREL, DEPS "_", MISC SpaceAfter=No), one block per sentence after a
 * "# newdoc id = ..." line, ending with a blank line.  Columns of stages
 * that did not run are "_".  An error document gives a "# error = ..."
 * comment.  Owned by doc, valid until the next call on it. */
DYAD_API int dyad_doc_conllu(dyad_doc *doc, const char **out, size_t *len);

/* ---- event tables --------------------------------------------------------- */
/* Formats of dyad_doc_event_rows(). */
enum {
    DYAD_ROWS_TSV = 1,      /* one GDELT-like row per event */
    DYAD_ROWS_PETRARCH = 2  /* PETRARCH2's tab-separated event lines */
};
/* Flags of dyad_doc_event_rows() and dyad_event_rows_header(). */
enum {
    /* The PLOVER type in the event code column (TSV: PLOVER mode and
     * context in the base and root code columns); events PLOVER has no
     * category for are left out. */
    DYAD_ROWS_PLOVER = 1u << 0
};

/* The coded events of the document as tab-separated lines, each ending in
 * a newline; columns in docs/output-formats.md.  Tabs and line breaks
 * inside names become spaces.  An error document, or one without events,
 * gives the empty string.  The PETRARCH format keeps PETRARCH2's
 * one-a-story filter (one line per date, source, target and code, the
 * sentence ids joined by ';') and leaves negated events out.  The string
 * is owned by doc and valid until the next dyad_doc_json, dyad_doc_conllu
 * or dyad_doc_event_rows call on it.  DYAD_EINVAL for an unknown format. */
DYAD_API int dyad_doc_event_rows(dyad_doc *doc, int format, unsigned flags, const char **out, size_t *len);
/* The header line of a format (with its newline; "" for PETRARCH, which
 * has none), to write once before the rows.  Never NULL; static. */
DYAD_API const char *dyad_event_rows_header(int format, unsigned flags);

/* ---- input -------------------------------------------------------------- */
typedef struct dyad_reader dyad_reader;

typedef enum dyad_format {
    DYAD_FORMAT_AUTO = 0,
    DYAD_FORMAT_TEXT,
    DYAD_FORMAT_JSONL,
    DYAD_FORMAT_HTML,
    /* CoNLL-U with its own tokens and sentences kept (evaluation on gold
     * tokenization): one document per "# newdoc", the text rebuilt from the
     * syntactic words and SpaceAfter=No. */
    DYAD_FORMAT_CONLLU
} dyad_format;

/* Reader flags. */
enum {
    /* dyad_reader_next only frames the record (a JSON line, a whole file)
     * and dyad_doc_code parses it: lets worker threads do the parsing while
     * one thread reads.  Fields and text are then unset until coded. */
    DYAD_READER_DEFER = 1u << 0
};

typedef struct dyad_reader_options {
    dyad_format format;      /* AUTO: by file name, see SPEC */
    size_t max_doc_bytes;    /* 0: DYAD_MAX_DOC_BYTES */
    const char *date;        /* default date (YYYY-MM-DD) of text/HTML documents, or NULL */
    unsigned flags;          /* DYAD_READER_* */
} dyad_reader_options;

#define DYAD_MAX_DOC_BYTES (8u << 20)

/* Open path for reading ("-" or NULL: standard input).  .gz and .zst are
 * decompressed transparently (detected by magic bytes, not by name).
 * DYAD_EIO if the file cannot be opened; dyad_reader_errmsg tells why. */
DYAD_API int dyad_reader_open(dyad_reader **out, const char *path, const dyad_reader_options *opt);
DYAD_API void dyad_reader_close(dyad_reader *r);

/* Read the next document into doc (which is reset first).  Returns DYAD_OK
 * when doc holds a document -- possibly one carrying an error (bad JSON,
 * too large, ...), which must still be written out -- or DYAD_EDONE at the
 * end.  Memory stays bounded by max_doc_bytes whatever the input. */
DYAD_API int dyad_reader_next(dyad_reader *r, dyad_doc *doc);
DYAD_API const char *dyad_reader_errmsg(const dyad_reader *r);

/* ---- store -------------------------------------------------------------- */
typedef struct dyad_store dyad_store;

/* Open or create the SQLite store at path, migrating an older schema.
 * Documents are written in batched transactions; dyad_store_close commits.
 * On failure *out is still a handle (NULL only when out of memory): read
 * dyad_store_errmsg, then dyad_store_close it. */
DYAD_API int dyad_store_open(dyad_store **out, const char *path);
DYAD_API int dyad_store_close(dyad_store *st);

/* Outcome of dyad_store_put. */
enum { DYAD_STORE_ADDED = 0, DYAD_STORE_SKIPPED, DYAD_STORE_REPLACED };

/* Store a coded document.  A document with the same id and content hash is
 * skipped, same id and another hash replaced.  Error records are not
 * stored.  *outcome (may be NULL) tells which happened. */
DYAD_API int dyad_store_put(dyad_store *st, const dyad_doc *doc, int *outcome);
/* Commit the open batch now. */
DYAD_API int dyad_store_flush(dyad_store *st);
DYAD_API const char *dyad_store_errmsg(const dyad_store *st);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
