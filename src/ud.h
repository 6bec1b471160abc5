/* ud.h -- Universal Dependencies label sets as fixed ids (private).
 *
 * The tagger, parser and every later stage speak in these ids, so a rule
 * like "the nsubj of a reporting verb" is an integer compare.  Models
 * store label names and map them to these ids when opened: retraining
 * never renumbers the code.  The sets are those of UD English EWT (v2.15);
 * an unknown label read from data maps to X / XX / DEP_DEP. */
#ifndef DYAD_UD_H
#define DYAD_UD_H

#include <stddef.h>

/* Universal POS tags, alphabetical. */
enum {
    UPOS_ADJ,
    UPOS_ADP,
    UPOS_ADV,
    UPOS_AUX,
    UPOS_CCONJ,
    UPOS_DET,
    UPOS_INTJ,
    UPOS_NOUN,
    UPOS_NUM,
    UPOS_PART,
    UPOS_PRON,
    UPOS_PROPN,
    UPOS_PUNCT,
    UPOS_SCONJ,
    UPOS_SYM,
    UPOS_VERB,
    UPOS_X,
    UPOS_COUNT
};

/* Penn Treebank tags as used in EWT (XX: unknown). */
enum {
    XPOS_NN,
    XPOS_IN,
    XPOS_DT,
    XPOS_NNP,
    XPOS_PRP,
    XPOS_JJ,
    XPOS_RB,
    XPOS_PERIOD,
    XPOS_VB,
    XPOS_NNS,
    XPOS_COMMA,
    XPOS_CC,
    XPOS_VBD,
    XPOS_VBP,
    XPOS_VBZ,
    XPOS_CD,
    XPOS_VBN,
    XPOS_VBG,
    XPOS_MD,
    XPOS_TO,
    XPOS_PRPS,
    XPOS_RRB,
    XPOS_LRB,
    XPOS_WDT,
    XPOS_COLON,
    XPOS_WRB,
    XPOS_LQUOTE,
    XPOS_RQUOTE,
    XPOS_WP,
    XPOS_RP,
    XPOS_UH,
    XPOS_POS,
    XPOS_HYPH,
    XPOS_NNPS,
    XPOS_JJR,
    XPOS_JJS,
    XPOS_EX,
    XPOS_NFP,
    XPOS_RBR,
    XPOS_ADD,
    XPOS_GW,
    XPOS_DOLLAR,
    XPOS_SYM,
    XPOS_PDT,
    XPOS_LS,
    XPOS_FW,
    XPOS_RBS,
    XPOS_AFX,
    XPOS_WPS,
    XPOS_XX,
    XPOS_COUNT
};

/* Dependency relations, most frequent first (subtypes are their own ids). */
enum {
    DEP_PUNCT,
    DEP_CASE,
    DEP_NSUBJ,
    DEP_DET,
    DEP_ROOT,
    DEP_ADVMOD,
    DEP_OBJ,
    DEP_AMOD,
    DEP_OBL,
    DEP_CONJ,
    DEP_COMPOUND,
    DEP_MARK,
    DEP_NMOD,
    DEP_CC,
    DEP_AUX,
    DEP_COP,
    DEP_ADVCL,
    DEP_NMOD_POSS,
    DEP_XCOMP,
    DEP_CCOMP,
    DEP_ACL_RELCL,
    DEP_FLAT,
    DEP_PARATAXIS,
    DEP_NUMMOD,
    DEP_APPOS,
    DEP_ACL,
    DEP_AUX_PASS,
    DEP_NSUBJ_PASS,
    DEP_OBL_UNMARKED,
    DEP_NMOD_UNMARKED,
    DEP_DISCOURSE,
    DEP_COMPOUND_PRT,
    DEP_IOBJ,
    DEP_LIST,
    DEP_EXPL,
    DEP_FIXED,
    DEP_NMOD_DESC,
    DEP_OBL_AGENT,
    DEP_CSUBJ,
    DEP_NSUBJ_OUTER,
    DEP_DET_PREDET,
    DEP_VOCATIVE,
    DEP_GOESWITH,
    DEP_ADVCL_RELCL,
    DEP_CC_PRECONJ,
    DEP_REPARANDUM,
    DEP_ORPHAN,
    DEP_CSUBJ_PASS,
    DEP_DISLOCATED,
    DEP_DEP,
    DEP_CSUBJ_OUTER,
    DEP_OBL_NPMOD,
    DEP_OBL_TMOD,
    DEP_NMOD_NPMOD,
    DEP_NMOD_TMOD,
    DEP_FLAT_FOREIGN,
    DEP_COUNT
};

/* Morphological features later stages need, as bits (UD FEATS). */
enum {
    FEAT_TENSE_PAST = 1u << 0,
    FEAT_TENSE_PRES = 1u << 1,
    FEAT_TENSE_FUT = 1u << 2,
    FEAT_VERBFORM_FIN = 1u << 3,
    FEAT_VERBFORM_INF = 1u << 4,
    FEAT_VERBFORM_PART = 1u << 5,
    FEAT_VERBFORM_GER = 1u << 6,
    FEAT_MOOD_IND = 1u << 7,
    FEAT_MOOD_IMP = 1u << 8,
    FEAT_MOOD_SUB = 1u << 9,
    FEAT_MOOD_CND = 1u << 10,
    FEAT_NUMBER_SING = 1u << 11,
    FEAT_NUMBER_PLUR = 1u << 12,
    FEAT_VOICE_PASS = 1u << 13,
    FEAT_POLARITY_NEG = 1u << 14,
    FEAT_PERSON_3 = 1u << 15
};

extern const char *const ud_upos_names[UPOS_COUNT];
extern const char *const ud_xpos_names[XPOS_COUNT];
extern const char *const ud_dep_names[DEP_COUNT];

/* Id of a label name (n bytes), or -1 if unknown. */
int ud_upos_id(const char *s, size_t n);
int ud_xpos_id(const char *s, size_t n);
int ud_dep_id(const char *s, size_t n);

/* FEATS bits of a UD FEATS string ("Mood=Ind|Tense=Past|..." or "_"). */
unsigned ud_feats_parse(const char *s, size_t n);
/* Write FEATS bits as a UD FEATS string ("_" when none) into buf; returns
 * the length (truncated to cap-1). */
size_t ud_feats_format(unsigned feats, char *buf, size_t cap);

#endif
