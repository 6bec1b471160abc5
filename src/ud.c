/* ud.c -- UD label names and lookups (see ud.h). */
#include "ud.h"

#include <stdio.h>
#include <string.h>

const char *const ud_upos_names[UPOS_COUNT] = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *const ud_xpos_names[XPOS_COUNT] = {"NN", "IN", "DT", "NNP", "PRP", "JJ", "RB", ".", "VB", "NNS", ",", "CC", "VBD", "VBP", "VBZ", "CD", "VBN", "VBG", "MD", "TO", "PRP$", "-RRB-", "-LRB-", "WDT", ":", "WRB", "``", "''", "WP", "RP", "UH", "POS", "HYPH", "NNPS", "JJR", "JJS", "EX", "NFP", "RBR", "ADD", "GW", "$", "SYM", "PDT", "LS", "FW", "RBS", "AFX", "WP$", "XX"};

const char *const ud_dep_names[DEP_COUNT] = {"punct", "case", "nsubj", "det", "root", "advmod", "obj", "amod", "obl", "conj", "compound", "mark", "nmod", "cc", "aux", "cop", "advcl", "nmod:poss", "xcomp", "ccomp", "acl:relcl", "flat", "parataxis", "nummod", "appos", "acl", "aux:pass", "nsubj:pass", "obl:unmarked", "nmod:unmarked", "discourse", "compound:prt", "iobj", "list", "expl", "fixed", "nmod:desc", "obl:agent", "csubj", "nsubj:outer", "det:predet", "vocative", "goeswith", "advcl:relcl", "cc:preconj", "reparandum", "orphan", "csubj:pass", "dislocated", "dep", "csubj:outer", "obl:npmod", "obl:tmod", "nmod:npmod", "nmod:tmod", "flat:foreign"};

/* The sets are small: a linear scan beats building a hash at start-up. */
static int find(const char *const *names, int count, const char *s, size_t n) {
    for (int i = 0; i < count; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0) return i;
    return -1;
}

int ud_upos_id(const char *s, size_t n) { return find(ud_upos_names, UPOS_COUNT, s, n); }
int ud_xpos_id(const char *s, size_t n) { return find(ud_xpos_names, XPOS_COUNT, s, n); }
int ud_dep_id(const char *s, size_t n) { return find(ud_dep_names, DEP_COUNT, s, n); }

static const struct {
    const char *kv;
    unsigned bit;
} feat_table[] = {
    {"Mood=Cnd", FEAT_MOOD_CND},       {"Mood=Imp", FEAT_MOOD_IMP},         {"Mood=Ind", FEAT_MOOD_IND},
    {"Mood=Sub", FEAT_MOOD_SUB},       {"Number=Plur", FEAT_NUMBER_PLUR},   {"Number=Sing", FEAT_NUMBER_SING},
    {"Person=3", FEAT_PERSON_3},       {"Polarity=Neg", FEAT_POLARITY_NEG}, {"Tense=Fut", FEAT_TENSE_FUT},
    {"Tense=Past", FEAT_TENSE_PAST},   {"Tense=Pres", FEAT_TENSE_PRES},     {"VerbForm=Fin", FEAT_VERBFORM_FIN},
    {"VerbForm=Ger", FEAT_VERBFORM_GER}, {"VerbForm=Inf", FEAT_VERBFORM_INF}, {"VerbForm=Part", FEAT_VERBFORM_PART},
    {"Voice=Pass", FEAT_VOICE_PASS},
};

unsigned ud_feats_parse(const char *s, size_t n) {
    unsigned bits = 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '|') j++;
        for (size_t k = 0; k < sizeof feat_table / sizeof *feat_table; k++) {
            size_t l = strlen(feat_table[k].kv);
            if (l == j - i && memcmp(feat_table[k].kv, s + i, l) == 0) bits |= feat_table[k].bit;
        }
        i = j + 1;
    }
    return bits;
}

size_t ud_feats_format(unsigned feats, char *buf, size_t cap) {
    size_t len = 0;
    if (!cap) return 0;
    buf[0] = '\0';
    /* feat_table is in UD's alphabetical order, as CoNLL-U wants. */
    for (size_t k = 0; k < sizeof feat_table / sizeof *feat_table; k++) {
        if (!(feats & feat_table[k].bit)) continue;
        int w = snprintf(buf + len, cap - len, "%s%s", len ? "|" : "", feat_table[k].kv);
        if (w < 0 || (size_t)w >= cap - len) {
            buf[len] = '\0';
            return len;
        }
        len += (size_t)w;
    }
    if (!len) {
        snprintf(buf, cap, "_");
        len = 1;
    }
    return len;
}
