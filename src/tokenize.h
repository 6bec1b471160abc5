/* tokenize.h -- lexicon lookups shared by the tokenizer and the sentence
 * splitter (private).
 *
 * The abbreviation lexicon lives in lexicon_abbrev.c as sorted static
 * tables; both stages ask it the same questions so that a token the
 * tokenizer glued to its period is judged the same way by the splitter. */
#ifndef DYAD_TOKENIZE_H
#define DYAD_TOKENIZE_H

#include <stddef.h>

/* Classes of abbreviations (the word before the period, without it). */
enum {
    ABBR_NONE = 0,
    ABBR_TITLE,   /* Mr Dr Sen Gen ...: always followed by a name, never ends a sentence */
    ABBR_MONTH,   /* Jan Feb ... Sept: usually followed by a day number */
    ABBR_OTHER    /* Inc Corp etc vs No ...: may end a sentence */
};

/* The class of the abbreviation spelled by the n bytes at s (the period
 * excluded), matched case-sensitively; ABBR_NONE if it is not one. */
int tok_abbrev_class(const char *s, size_t n);

/* Nonzero if the n bytes at s (compared in ASCII lower case) are a prefix
 * that UD English EWT keeps joined to the word after a hyphen (e-mail,
 * co-operate, non-violent, pre-war ...). */
int tok_hyphen_prefix(const char *s, size_t n);

/* Nonzero if the n bytes at s are a capitalised word that commonly starts a
 * sentence (The, He, But, ...): after an ambiguous abbreviation like U.S.
 * such a word signals a new sentence. */
int tok_sentence_starter(const char *s, size_t n);

#endif
