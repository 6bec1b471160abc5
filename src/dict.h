/* dict.h -- actor and agent dictionaries (private).
 *
 * One dictionary set holds everything the actor coder looks up by name:
 * countries (names, adjectives and demonyms, capitals and seats of power),
 * organisations, people with dated codes, and role nouns ("foreign
 * minister", "police", "rebels").  It is loaded from text files in three
 * syntaxes and answers one question fast: which entry is the longest name
 * that starts at token i of a document?
 *
 *  - dyad's own format (data/dict/ *.dict, docs/dictionaries.md): sections
 *    [country] [org] [person] [role], "CODE  name | name" lines with
 *    indented attribute lines (adj, gov, dated codes);
 *  - TABARI and PETRARCH actor dictionaries (NAME_WITH_UNDERSCORES [CODE],
 *    "+" synonyms, date-restricted codes [USAGOV 991201-010114], [---]);
 *  - TABARI and PETRARCH agent dictionaries (NOUN [~GOV], [MIL~]).
 *
 * Names are split into tokens with dyad's own tokenizer, so "U.S." or
 * "Brazil's" are keyed exactly as the pipeline will see them.  A name with
 * an upper-case letter matches case-sensitively (so "US" is not "us"),
 * except in a sentence written in capitals; a lower-case name (roles, and
 * every TABARI/PETRARCH name once lower-cased) matches without regard to
 * case.  A TABARI/PETRARCH word without its trailing "_" is a stem: it
 * matches any word that begins with it (ARGENTIN -> Argentina, Argentine).
 *
 * Loading is single-threaded; once loaded, a dict is read-only and shared
 * by every worker thread.  A later entry for the same name (a user's
 * --actors file loaded after the defaults) replaces the earlier one.
 *
 * Details of the imported syntaxes (dict.c has the full list): only the
 * last word of a name can be a stem, and only from 4 bytes on (the short
 * un-underscored words of the real files are acronyms: PLA, MIG); an
 * exact last word also takes TABARI's regular "s" ending (SYRIAN_ matches
 * "Syrians"; WORD= does not); hyphens may be left out ("al Qaeda" for
 * AL-QAEDA).  Codes keep TABARI's "###" and "+++" as written and slash
 * lists ("ELR/GAL") up to 15 bytes of whole codes.  Entry pointers stay
 * valid until dict_free, also across later loads. */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

typedef struct dict dict;

/* File syntaxes. */
enum {
    DICT_DYAD = 1,    /* data/dict/ *.dict */
    DICT_ACTORS,      /* TABARI .actors, PETRARCH *.actors.txt */
    DICT_AGENTS       /* TABARI .agents, PETRARCH *.agents.txt */
};

/* What an entry names. */
enum {
    DE_COUNTRY = 1,  /* "Brazil": code is the country code */
    DE_ADJ,          /* "Brazilian", "Brazilians", "Turkish-backed": the country's adjective/demonym */
    DE_SEAT,         /* "Brasília", "the Élysée", "Downing Street": the country's government (code CCCGOV) */
    DE_ORG,          /* "NATO", "the World Bank", "Amnesty International" */
    DE_PERSON,       /* "Luiz Inácio Lula da Silva", "Lula": dated codes */
    DE_ROLE,         /* "foreign minister", "police": a role code to add after a country */
    DE_ACTOR,        /* an imported TABARI/PETRARCH actor (country, org or person: the file does not say) */
    DE_AGENT         /* an imported TABARI/PETRARCH agent */
};

/* One code with the dates it is valid on (inclusive; yyyymmdd integers,
 * 0 = open-ended).  code "" means "no code" (TABARI's [---]). */
typedef struct dict_code {
    char code[16];
    int32_t from, to;
    const char *role;  /* display role ("President", "Former President"), or NULL */
} dict_code;

typedef struct dict_entry {
    uint8_t kind;          /* DE_* */
    uint8_t agent_prefix;  /* DE_AGENT/DE_ROLE: the code goes before the country's ([MIL~]) rather than after ([~MIL]) */
    uint8_t title;         /* DE_ROLE: usable as a title before a name ("Sen.", "President", "Foreign Minister") */
    uint8_t pad;
    const char *name;      /* canonical name: the first name of the entry, as written */
    const char *country;   /* DE_COUNTRY/DE_ADJ/DE_SEAT: ISO alpha-3; else the country part of the code or NULL */
    const char *country_name; /* DE_COUNTRY/DE_ADJ/DE_SEAT of dyad files: the country's canonical name */
    const dict_code *codes;
    uint32_t ncodes;       /* >= 1 */
} dict_entry;

/* A new, empty set; NULL on OOM. */
dict *dict_new(void);
void dict_free(dict *d);  /* accepts NULL */

/* Reports a bad line; loading goes on with the next line. */
typedef void (*dict_warn_fn)(void *ctx, const char *file, long line, const char *reason);

/* Load one file (or a buffer: name is used in messages only) of syntax
 * fmt (DICT_*) into d.  A malformed line is reported through warn (may be
 * NULL) with its file and line and skipped.  Returns DYAD_OK, DYAD_EIO
 * (file unreadable; message in err), DYAD_ENOMEM, or DYAD_EINVAL (bad fmt).
 * *nentries (may be NULL) gets the number of names added. */
int dict_load_file(dict *d, const char *path, int fmt, dict_warn_fn warn, void *wctx, size_t *nentries, char *err,
                   size_t errlen);
int dict_load_buffer(dict *d, const char *name, const char *buf, size_t len, int fmt, dict_warn_fn warn, void *wctx,
                     size_t *nentries, char *err, size_t errlen);

/* The longest name starting at token i and ending before token end, in
 * doc (tokens and text only).  caseless != 0 matches every name without
 * regard to case (a sentence in capitals).  Returns the number of tokens
 * matched (0: none) and the entry in *out.  Thread-safe, no allocation. */
int dict_match(const dict *d, const dyad_doc *doc, uint32_t i, uint32_t end, int caseless, const dict_entry **out);

/* A word of a word sequence for dict_match_words: its bytes (any case). */
typedef struct dict_word {
    const char *s;
    uint32_t n;
} dict_word;

/* The longest name starting at word i of w[0..nw), matched the way TABARI
 * matches actor phrases on a sentence's words (case-insensitive): the
 * words of a name in sequence, and -- for a TABARI phrase whose words are
 * separated by a blank rather than "_" ("PRINCE DOL_AMROTH") -- with up to
 * DICT_GAP_MAX other words between them, not across a "," or ";" word.
 * A consecutive match beats a gapped one of the same length.  Returns the
 * number of words spanned (0: none) and the entry in *out.  Thread-safe,
 * no allocation. */
#define DICT_GAP_MAX 3
int dict_match_words(const dict *d, const dict_word *w, uint32_t nw, uint32_t i, const dict_entry **out);

/* Look a name up as a whole string ("Brazil", "foreign minister"),
 * tokenized like the loader does; NULL if absent.  For tests and tools:
 * it allocates. */
const dict_entry *dict_lookup(const dict *d, const char *name);

/* The code valid on date (yyyymmdd; 0 = unknown: the latest open-ended or
 * last-listed code).  NULL if none applies.  Thread-safe. */
const dict_code *dict_code_at(const dict_entry *e, int32_t date);

/* Counts, for --profile and tests. */
size_t dict_size(const dict *d);

#endif
