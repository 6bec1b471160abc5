/* lexicon_abbrev.c -- abbreviation, hyphen-prefix and sentence-starter
 * tables for the tokenizer and the sentence splitter.
 *
 * Every table is a static array sorted by byte order (strcmp) and searched
 * by bisection: a lookup happens only when a word meets a period or a
 * hyphen, so this is far off the hot path, and the tables stay readable
 * and easy to extend.  Keep them sorted: tests/test_tokenize.c checks the
 * lookups of the first and last entries. */
#include <string.h>

#include "tokenize.h"

/* Bit c - 'a' set when a lower-case entry starts with c (kept in step with
 * the table by tests/test_tokenize.c, which looks up every lower-case entry). */
#define ABBR_FIRST_LOWER 0x28c93du

typedef struct abbrev {
    const char *s;
    int cls;
} abbrev;

/* Case-sensitive: "Gen." is a title, "gen." is not an abbreviation we know.
 * Abbreviations written with inner periods (U.S., e.g., a.m., Ph.D.) need
 * no entry: the tokenizer recognises their shape. */
static const abbrev abbrevs[] = {
    {"Adm", ABBR_TITLE},
    {"Amb", ABBR_TITLE},
    {"Apr", ABBR_MONTH},
    {"Ariz", ABBR_OTHER},
    {"Ark", ABBR_OTHER},
    {"Assn", ABBR_OTHER},
    {"Attn", ABBR_OTHER},
    {"Atty", ABBR_TITLE},
    {"Aug", ABBR_MONTH},
    {"Ave", ABBR_OTHER},
    {"Bhd", ABBR_OTHER},
    {"Blvd", ABBR_OTHER},
    {"Brig", ABBR_TITLE},
    {"Bros", ABBR_OTHER},
    {"Calif", ABBR_OTHER},
    {"Capt", ABBR_TITLE},
    {"Cdr", ABBR_TITLE},
    {"Cmdr", ABBR_TITLE},
    {"Co", ABBR_OTHER},
    {"Col", ABBR_TITLE},
    {"Colo", ABBR_OTHER},
    {"Comdr", ABBR_TITLE},
    {"Conn", ABBR_OTHER},
    {"Corp", ABBR_OTHER},
    {"Cos", ABBR_OTHER},
    {"Cpl", ABBR_TITLE},
    {"Cpt", ABBR_TITLE},
    {"Dec", ABBR_MONTH},
    {"Del", ABBR_OTHER},
    {"Dept", ABBR_OTHER},
    {"Dir", ABBR_TITLE},
    {"Dr", ABBR_TITLE},
    {"Drs", ABBR_TITLE},
    {"Est", ABBR_OTHER},
    {"Ext", ABBR_OTHER},
    {"Feb", ABBR_MONTH},
    {"Fig", ABBR_OTHER},
    {"Fla", ABBR_OTHER},
    {"Fr", ABBR_TITLE},
    {"Fri", ABBR_OTHER},
    {"Ft", ABBR_TITLE},
    {"Ga", ABBR_OTHER},
    {"Gen", ABBR_TITLE},
    {"Gens", ABBR_TITLE},
    {"Gov", ABBR_TITLE},
    {"Govs", ABBR_TITLE},
    {"Govt", ABBR_OTHER},
    {"Hon", ABBR_TITLE},
    {"Hwy", ABBR_OTHER},
    {"Ill", ABBR_OTHER},
    {"Inc", ABBR_OTHER},
    {"Ind", ABBR_OTHER},
    {"Insp", ABBR_TITLE},
    {"Intl", ABBR_OTHER},
    {"Jan", ABBR_MONTH},
    {"Jr", ABBR_OTHER},
    {"Jul", ABBR_MONTH},
    {"Jun", ABBR_MONTH},
    {"Kan", ABBR_OTHER},
    {"Kans", ABBR_OTHER},
    {"Ky", ABBR_OTHER},
    {"La", ABBR_OTHER},
    {"Lieut", ABBR_TITLE},
    {"Lt", ABBR_TITLE},
    {"Ltd", ABBR_OTHER},
    {"Maj", ABBR_TITLE},
    {"Mar", ABBR_MONTH},
    {"Mass", ABBR_OTHER},
    {"Md", ABBR_OTHER},
    {"Messrs", ABBR_TITLE},
    {"Mfg", ABBR_OTHER},
    {"Mgr", ABBR_OTHER},
    {"Mich", ABBR_OTHER},
    {"Minn", ABBR_OTHER},
    {"Miss", ABBR_OTHER},
    {"Mlle", ABBR_TITLE},
    {"Mme", ABBR_TITLE},
    {"Mmes", ABBR_TITLE},
    {"Mo", ABBR_OTHER},
    {"Mon", ABBR_OTHER},
    {"Mont", ABBR_OTHER},
    {"Mr", ABBR_TITLE},
    {"Mrs", ABBR_TITLE},
    {"Ms", ABBR_TITLE},
    {"Msgr", ABBR_TITLE},
    {"Mt", ABBR_TITLE},
    {"Natl", ABBR_OTHER},
    {"Neb", ABBR_OTHER},
    {"Nebr", ABBR_OTHER},
    {"Nev", ABBR_OTHER},
    {"No", ABBR_OTHER},
    {"Nos", ABBR_OTHER},
    {"Nov", ABBR_MONTH},
    {"Oct", ABBR_MONTH},
    {"Okla", ABBR_OTHER},
    {"Ore", ABBR_OTHER},
    {"Pa", ABBR_OTHER},
    {"Penn", ABBR_OTHER},
    {"Plc", ABBR_OTHER},
    {"Pres", ABBR_TITLE},
    {"Prof", ABBR_TITLE},
    {"Profs", ABBR_TITLE},
    {"Pty", ABBR_OTHER},
    {"Pvt", ABBR_TITLE},
    {"Rd", ABBR_OTHER},
    {"Rep", ABBR_TITLE},
    {"Reps", ABBR_TITLE},
    {"Rev", ABBR_TITLE},
    {"Sat", ABBR_OTHER},
    {"Sec", ABBR_TITLE},
    {"Sen", ABBR_TITLE},
    {"Sens", ABBR_TITLE},
    {"Sep", ABBR_MONTH},
    {"Sept", ABBR_MONTH},
    {"Sgt", ABBR_TITLE},
    {"Sr", ABBR_OTHER},
    {"St", ABBR_TITLE},
    {"Ste", ABBR_TITLE},
    {"Sun", ABBR_OTHER},
    {"Supt", ABBR_TITLE},
    {"Tel", ABBR_OTHER},
    {"Tenn", ABBR_OTHER},
    {"Tex", ABBR_OTHER},
    {"Thu", ABBR_OTHER},
    {"Thur", ABBR_OTHER},
    {"Thurs", ABBR_OTHER},
    {"Treas", ABBR_TITLE},
    {"Tue", ABBR_OTHER},
    {"Tues", ABBR_OTHER},
    {"Univ", ABBR_OTHER},
    {"Va", ABBR_OTHER},
    {"Vol", ABBR_OTHER},
    {"Vt", ABBR_OTHER},
    {"Wash", ABBR_OTHER},
    {"Wed", ABBR_OTHER},
    {"Wis", ABBR_OTHER},
    {"Wisc", ABBR_OTHER},
    {"Wyo", ABBR_OTHER},
    {"al", ABBR_OTHER},
    {"approx", ABBR_OTHER},
    {"attn", ABBR_OTHER},
    {"ca", ABBR_OTHER},
    {"cf", ABBR_OTHER},
    {"dept", ABBR_OTHER},
    {"eg", ABBR_OTHER},
    {"esp", ABBR_OTHER},
    {"est", ABBR_OTHER},
    {"etc", ABBR_OTHER},
    {"ext", ABBR_OTHER},
    {"fig", ABBR_OTHER},
    {"ft", ABBR_OTHER},
    {"ie", ABBR_OTHER},
    {"lb", ABBR_OTHER},
    {"lbs", ABBR_OTHER},
    {"oz", ABBR_OTHER},
    {"pp", ABBR_OTHER},
    {"tel", ABBR_OTHER},
    {"viz", ABBR_OTHER},
    {"vol", ABBR_OTHER},
    {"vs", ABBR_OTHER},
};

/* Prefixes EWT writes joined to the next word across a hyphen; compared in
 * lower case.  Everything else (search-engine, well-known, self-made) is split
 * into word, hyphen, word as in recent UD English. */
static const char *const hyphen_prefixes[] = {
    "anti",
    "arch",
    "bio",
    "co",
    "counter",
    "cross",
    "e",
    "eco",
    "ex",
    "geo",
    "hyper",
    "hypo",
    "infra",
    "inter",
    "intra",
    "macro",
    "mega",
    "micro",
    "mid",
    "multi",
    "nano",
    "neo",
    "non",
    "over",
    "post",
    "pre",
    "pro",
    "pseudo",
    "psycho",
    "quasi",
    "re",
    "semi",
    "socio",
    "sub",
    "tele",
    "ultra",
};

/* Capitalised words that very often open a sentence in news text. */
static const char *const starters[] = {
    "A",
    "After",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "As",
    "At",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "Dr",
    "During",
    "Each",
    "Earlier",
    "Even",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Just",
    "Last",
    "Later",
    "Like",
    "Many",
    "Meanwhile",
    "Most",
    "Mr",
    "Mrs",
    "Ms",
    "My",
    "Nevertheless",
    "Not",
    "Now",
    "Of",
    "On",
    "One",
    "Only",
    "Other",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "Therefore",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Three",
    "Thus",
    "To",
    "Two",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "Your",
};

/* Compare the n bytes at s with the NUL-terminated w, as strcmp would;
 * when lower is set, s is folded to ASCII lower case first. */
static int cmp_n(const char *s, size_t n, const char *w, int lower) {
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)w[i];
        if (lower && a >= 'A' && a <= 'Z') a = (unsigned char)(a + 32);
        if (b == 0) return 1; /* w is a proper prefix of s: s sorts after */
        if (a != b) return a < b ? -1 : 1;
    }
    return w[n] ? -1 : 0;
}

/* Index of s[0..n) in the sorted table, or -1. */
static long find_str(const char *const *tab, size_t count, size_t stride, const char *s, size_t n, int lower) {
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *w = *(const char *const *)((const char *)tab + mid * stride);
        int c = cmp_n(s, n, w, lower);
        if (c == 0) return (long)mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

int tok_abbrev_class(const char *s, size_t n) {
    if (!s || n == 0 || n > 6) return ABBR_NONE;
    /* Most words before a period are not abbreviations: reject by length and
     * first letter (ABBR_FIRST_LOWER for lower-case ones) before bisecting. */
    unsigned char c = (unsigned char)s[0];
    if (c >= 'a' && c <= 'z') {
        if (!((ABBR_FIRST_LOWER >> (c - 'a')) & 1)) return ABBR_NONE;
    } else if (!(c >= 'A' && c <= 'Z')) {
        return ABBR_NONE;
    }
    long k = find_str((const char *const *)(const void *)abbrevs, sizeof abbrevs / sizeof abbrevs[0],
                      sizeof abbrevs[0], s, n, 0);
    return k < 0 ? ABBR_NONE : abbrevs[k].cls;
}

int tok_hyphen_prefix(const char *s, size_t n) {
    if (!s || n == 0 || n > 8) return 0;
    return find_str(hyphen_prefixes, sizeof hyphen_prefixes / sizeof hyphen_prefixes[0], sizeof hyphen_prefixes[0],
                    s, n, 1) >= 0;
}

int tok_sentence_starter(const char *s, size_t n) {
    if (!s || n == 0 || n > 16) return 0;
    return find_str(starters, sizeof starters / sizeof starters[0], sizeof starters[0], s, n, 0) >= 0;
}
