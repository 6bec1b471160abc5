/* html.c -- HTML page to article text in one pass (see html.h).
 *
 * The tokenizer walks the page once, left to right.  Text between tags goes
 * through a small "sink" that decodes entities and the input charset and
 * collapses whitespace lazily: a pending break level (space, newline,
 * paragraph) is only written when the next visible character arrives, so
 * the output never starts or ends with whitespace and never holds more
 * than one blank line.
 *
 * Open elements live on a bounded stack (no recursion).  Every non-void
 * element is pushed so that an end tag finds its own start tag even on
 * messy pages; per-tag open counts let an unmatched end tag be ignored in
 * O(1), and a matched one pops what it closes, so stack work is linear.
 * The usual implied end tags (<p>, <li>, <td>, <tr>, <a>...) are applied
 * within a small window so unclosed paragraphs do not pile up.
 *
 * What is dropped comes in two strengths.  Hard drops (script, style,
 * nav, aside, footer, page-level header, forms, hidden elements, ARIA
 * chrome roles) never reach the output.  Soft drops come from class and id
 * names ("share-buttons", "cookie-banner", "ad"): their text is written
 * but its byte span is recorded, and the spans are cut out at the end,
 * except one that encloses the chosen article (a page whose wrapper class
 * happens to look like chrome must not lose its story).
 *
 * Article preference works on byte spans too: <article>, itemprop=
 * articleBody and <main> record their span in the output; at the end the
 * largest one holding at least a sixth of the page's non-chrome text is
 * kept, with the page's first <h1> put in front if it lies outside.  Cuts
 * are joined with the strongest break found at the joint. */
#include "html.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"

#define MAX_DEPTH 512      /* open elements tracked; deeper ones are counted only */
#define MAX_ATTRS 32       /* attributes examined per tag */
#define MAX_H1 8           /* <h1> spans remembered */
#define IMPLY_SCAN 32      /* how far down the stack implied end tags look */
#define OTHER_SCAN 64      /* how far down an unknown end tag looks for its start */
#define MAX_SOFT (1u << 20)  /* soft-drop spans kept; later ones are dropped hard */
#define CHARSET_SCAN 65536 /* prefix of the page searched for <meta charset> */

/* ---- character tables (ASCII only; no locale) ------------------------- */

/* Byte classes of text content. */
enum { C_TEXT, C_WS, C_AMP, C_CTRL, C_HIGH };
#define T C_TEXT
#define W C_WS
#define A C_AMP
#define C C_CTRL
#define H C_HIGH
static const unsigned char CCLASS[256] = {
    C, C, C, C, C, C, C, C, C, W, W, C, W, W, C, C,
    C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
    W, T, T, T, T, T, A, T, T, T, T, T, T, T, T, T,
    T, T, T, T, T, T, T, T, T, T, T, T, T, T, T, T,
    T, T, T, T, T, T, T, T, T, T, T, T, T, T, T, T,
    T, T, T, T, T, T, T, T, T, T, T, T, T, T, T, T,
    T, T, T, T, T, T, T, T, T, T, T, T, T, T, T, T,
    T, T, T, T, T, T, T, T, T, T, T, T, T, T, T, C,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
};
#undef T
#undef W
#undef A
#undef C
#undef H

/* ASCII properties for tag, attribute and entity names. */
enum {
    A_LOWER = 1, A_UPPER = 2, A_ALPHA = 4, A_DIGIT = 8,
    A_WS = 16,     /* HTML whitespace */
    A_END = 32,    /* ends a tag or attribute name: whitespace, '/', '>' */
    A_HEX = 64
};
#define L A_LOWER
#define U A_UPPER
#define AL A_ALPHA
#define D A_DIGIT
#define S A_WS
#define E A_END
#define X A_HEX
static const unsigned char ACLS[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, S|E, S|E, 0, S|E, S|E, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    S|E, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, E,
    D|X, D|X, D|X, D|X, D|X, D|X, D|X, D|X, D|X, D|X, 0, 0, 0, 0, E, 0,
    0, U|AL|X, U|AL|X, U|AL|X, U|AL|X, U|AL|X, U|AL|X, U|AL, U|AL, U|AL, U|AL, U|AL, U|AL, U|AL, U|AL, U|AL,
    U|AL, U|AL, U|AL, U|AL, U|AL, U|AL, U|AL, U|AL, U|AL, U|AL, U|AL, 0, 0, 0, 0, 0,
    0, L|AL|X, L|AL|X, L|AL|X, L|AL|X, L|AL|X, L|AL|X, L|AL, L|AL, L|AL, L|AL, L|AL, L|AL, L|AL, L|AL, L|AL,
    L|AL, L|AL, L|AL, L|AL, L|AL, L|AL, L|AL, L|AL, L|AL, L|AL, L|AL, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
#undef L
#undef U
#undef AL
#undef D
#undef S
#undef E
#undef X

#define LOWER(c) ((unsigned char)((c) + ((ACLS[(unsigned char)(c)] & A_UPPER) ? 32 : 0)))


/* ---- named character references ------------------------------------- */

/* HTML 4's 252 entities plus the HTML5 names that turn up in news pages,
 * sorted by name (byte order) for binary search.  legacy: one of the names
 * HTML5 still decodes without a terminating ';' ("&amp" "&eacute"). */
typedef struct entdef {
    const char *name;
    uint8_t len, legacy;
    uint32_t cp;
} entdef;

static const entdef ENTS[] = {
    {"AElig", 5, 1, 0x00C6}, {"AMP", 3, 1, 0x0026}, {"Aacute", 6, 1, 0x00C1},
    {"Acirc", 5, 1, 0x00C2}, {"Agrave", 6, 1, 0x00C0}, {"Alpha", 5, 0, 0x0391},
    {"Aring", 5, 1, 0x00C5}, {"Atilde", 6, 1, 0x00C3}, {"Auml", 4, 1, 0x00C4},
    {"Beta", 4, 0, 0x0392}, {"COPY", 4, 1, 0x00A9}, {"Ccedil", 6, 1, 0x00C7},
    {"Chi", 3, 0, 0x03A7}, {"CloseCurlyDoubleQuote", 21, 0, 0x201D},
    {"CloseCurlyQuote", 15, 0, 0x2019}, {"Dagger", 6, 0, 0x2021}, {"Delta", 5, 0, 0x0394},
    {"ETH", 3, 1, 0x00D0}, {"Eacute", 6, 1, 0x00C9}, {"Ecirc", 5, 1, 0x00CA},
    {"Egrave", 6, 1, 0x00C8}, {"Epsilon", 7, 0, 0x0395}, {"Eta", 3, 0, 0x0397},
    {"Euml", 4, 1, 0x00CB}, {"GT", 2, 1, 0x003E}, {"Gamma", 5, 0, 0x0393}, {"Hat", 3, 0, 0x005E},
    {"Iacute", 6, 1, 0x00CD}, {"Icirc", 5, 1, 0x00CE}, {"Igrave", 6, 1, 0x00CC},
    {"Iota", 4, 0, 0x0399}, {"Iuml", 4, 1, 0x00CF}, {"Kappa", 5, 0, 0x039A}, {"LT", 2, 1, 0x003C},
    {"Lambda", 6, 0, 0x039B}, {"Mu", 2, 0, 0x039C}, {"NewLine", 7, 0, 0x000A},
    {"NonBreakingSpace", 16, 0, 0x00A0}, {"Ntilde", 6, 1, 0x00D1}, {"Nu", 2, 0, 0x039D},
    {"OElig", 5, 0, 0x0152}, {"Oacute", 6, 1, 0x00D3}, {"Ocirc", 5, 1, 0x00D4},
    {"Ograve", 6, 1, 0x00D2}, {"Omega", 5, 0, 0x03A9}, {"Omicron", 7, 0, 0x039F},
    {"OpenCurlyDoubleQuote", 20, 0, 0x201C}, {"OpenCurlyQuote", 14, 0, 0x2018},
    {"Oslash", 6, 1, 0x00D8}, {"Otilde", 6, 1, 0x00D5}, {"Ouml", 4, 1, 0x00D6},
    {"Phi", 3, 0, 0x03A6}, {"Pi", 2, 0, 0x03A0}, {"Prime", 5, 0, 0x2033}, {"Psi", 3, 0, 0x03A8},
    {"QUOT", 4, 1, 0x0022}, {"REG", 3, 1, 0x00AE}, {"Rho", 3, 0, 0x03A1}, {"Scaron", 6, 0, 0x0160},
    {"Sigma", 5, 0, 0x03A3}, {"THORN", 5, 1, 0x00DE}, {"TRADE", 5, 0, 0x2122},
    {"Tab", 3, 0, 0x0009}, {"Tau", 3, 0, 0x03A4}, {"Theta", 5, 0, 0x0398},
    {"ThinSpace", 9, 0, 0x2009}, {"Uacute", 6, 1, 0x00DA}, {"Ucirc", 5, 1, 0x00DB},
    {"Ugrave", 6, 1, 0x00D9}, {"Upsilon", 7, 0, 0x03A5}, {"Uuml", 4, 1, 0x00DC},
    {"Xi", 2, 0, 0x039E}, {"Yacute", 6, 1, 0x00DD}, {"Yuml", 4, 0, 0x0178},
    {"ZeroWidthSpace", 14, 0, 0x200B}, {"Zeta", 4, 0, 0x0396}, {"aacute", 6, 1, 0x00E1},
    {"acirc", 5, 1, 0x00E2}, {"acute", 5, 1, 0x00B4}, {"aelig", 5, 1, 0x00E6},
    {"agrave", 6, 1, 0x00E0}, {"alefsym", 7, 0, 0x2135}, {"alpha", 5, 0, 0x03B1},
    {"amp", 3, 1, 0x0026}, {"and", 3, 0, 0x2227}, {"ang", 3, 0, 0x2220}, {"apos", 4, 0, 0x0027},
    {"approx", 6, 0, 0x2248}, {"aring", 5, 1, 0x00E5}, {"ast", 3, 0, 0x002A},
    {"asymp", 5, 0, 0x2248}, {"atilde", 6, 1, 0x00E3}, {"auml", 4, 1, 0x00E4},
    {"bdquo", 5, 0, 0x201E}, {"beta", 4, 0, 0x03B2}, {"brvbar", 6, 1, 0x00A6},
    {"bsol", 4, 0, 0x005C}, {"bull", 4, 0, 0x2022}, {"bullet", 6, 0, 0x2022},
    {"cap", 3, 0, 0x2229}, {"ccedil", 6, 1, 0x00E7}, {"cedil", 5, 1, 0x00B8},
    {"cent", 4, 1, 0x00A2}, {"centerdot", 9, 0, 0x00B7}, {"check", 5, 0, 0x2713},
    {"chi", 3, 0, 0x03C7}, {"circ", 4, 0, 0x02C6}, {"clubs", 5, 0, 0x2663},
    {"colon", 5, 0, 0x003A}, {"comma", 5, 0, 0x002C}, {"commat", 6, 0, 0x0040},
    {"cong", 4, 0, 0x2245}, {"copy", 4, 1, 0x00A9}, {"copysr", 6, 0, 0x2117},
    {"crarr", 5, 0, 0x21B5}, {"cross", 5, 0, 0x2717}, {"cup", 3, 0, 0x222A},
    {"curren", 6, 1, 0x00A4}, {"dArr", 4, 0, 0x21D3}, {"dagger", 6, 0, 0x2020},
    {"darr", 4, 0, 0x2193}, {"dash", 4, 0, 0x2010}, {"deg", 3, 1, 0x00B0}, {"delta", 5, 0, 0x03B4},
    {"diams", 5, 0, 0x2666}, {"divide", 6, 1, 0x00F7}, {"dollar", 6, 0, 0x0024},
    {"eacute", 6, 1, 0x00E9}, {"ecirc", 5, 1, 0x00EA}, {"egrave", 6, 1, 0x00E8},
    {"empty", 5, 0, 0x2205}, {"emsp", 4, 0, 0x2003}, {"emsp13", 6, 0, 0x2004},
    {"emsp14", 6, 0, 0x2005}, {"ensp", 4, 0, 0x2002}, {"epsilon", 7, 0, 0x03B5},
    {"equals", 6, 0, 0x003D}, {"equiv", 5, 0, 0x2261}, {"eta", 3, 0, 0x03B7},
    {"eth", 3, 1, 0x00F0}, {"euml", 4, 1, 0x00EB}, {"euro", 4, 0, 0x20AC}, {"excl", 4, 0, 0x0021},
    {"exist", 5, 0, 0x2203}, {"female", 6, 0, 0x2640}, {"flat", 4, 0, 0x266D},
    {"fnof", 4, 0, 0x0192}, {"forall", 6, 0, 0x2200}, {"frac12", 6, 1, 0x00BD},
    {"frac13", 6, 0, 0x2153}, {"frac14", 6, 1, 0x00BC}, {"frac15", 6, 0, 0x2155},
    {"frac16", 6, 0, 0x2159}, {"frac18", 6, 0, 0x215B}, {"frac23", 6, 0, 0x2154},
    {"frac25", 6, 0, 0x2156}, {"frac34", 6, 1, 0x00BE}, {"frac35", 6, 0, 0x2157},
    {"frac38", 6, 0, 0x215C}, {"frac45", 6, 0, 0x2158}, {"frac56", 6, 0, 0x215A},
    {"frac58", 6, 0, 0x215D}, {"frac78", 6, 0, 0x215E}, {"frasl", 5, 0, 0x2044},
    {"gamma", 5, 0, 0x03B3}, {"ge", 2, 0, 0x2265}, {"grave", 5, 0, 0x0060}, {"gt", 2, 1, 0x003E},
    {"hArr", 4, 0, 0x21D4}, {"hairsp", 6, 0, 0x200A}, {"half", 4, 0, 0x00BD},
    {"harr", 4, 0, 0x2194}, {"hearts", 6, 0, 0x2665}, {"hellip", 6, 0, 0x2026},
    {"horbar", 6, 0, 0x2015}, {"hyphen", 6, 0, 0x2010}, {"iacute", 6, 1, 0x00ED},
    {"icirc", 5, 1, 0x00EE}, {"iexcl", 5, 1, 0x00A1}, {"igrave", 6, 1, 0x00EC},
    {"image", 5, 0, 0x2111}, {"incare", 6, 0, 0x2105}, {"infin", 5, 0, 0x221E},
    {"int", 3, 0, 0x222B}, {"iota", 4, 0, 0x03B9}, {"iquest", 6, 1, 0x00BF},
    {"isin", 4, 0, 0x2208}, {"iuml", 4, 1, 0x00EF}, {"kappa", 5, 0, 0x03BA},
    {"lArr", 4, 0, 0x21D0}, {"lambda", 6, 0, 0x03BB}, {"lang", 4, 0, 0x27E8},
    {"laquo", 5, 1, 0x00AB}, {"larr", 4, 0, 0x2190}, {"lbrace", 6, 0, 0x007B},
    {"lbrack", 6, 0, 0x005B}, {"lceil", 5, 0, 0x2308}, {"lcub", 4, 0, 0x007B},
    {"ldquo", 5, 0, 0x201C}, {"ldquor", 6, 0, 0x201E}, {"le", 2, 0, 0x2264},
    {"leftarrow", 9, 0, 0x2190}, {"lfloor", 6, 0, 0x230A}, {"lowast", 6, 0, 0x2217},
    {"lowbar", 6, 0, 0x005F}, {"loz", 3, 0, 0x25CA}, {"lpar", 4, 0, 0x0028}, {"lrm", 3, 0, 0x200E},
    {"lsaquo", 6, 0, 0x2039}, {"lsqb", 4, 0, 0x005B}, {"lsquo", 5, 0, 0x2018},
    {"lsquor", 6, 0, 0x201A}, {"lt", 2, 1, 0x003C}, {"macr", 4, 1, 0x00AF}, {"male", 4, 0, 0x2642},
    {"mdash", 5, 0, 0x2014}, {"micro", 5, 1, 0x00B5}, {"middot", 6, 1, 0x00B7},
    {"minus", 5, 0, 0x2212}, {"mldr", 4, 0, 0x2026}, {"mu", 2, 0, 0x03BC}, {"nabla", 5, 0, 0x2207},
    {"natural", 7, 0, 0x266E}, {"nbsp", 4, 1, 0x00A0}, {"ndash", 5, 0, 0x2013},
    {"ne", 2, 0, 0x2260}, {"ni", 2, 0, 0x220B}, {"nldr", 4, 0, 0x2025}, {"not", 3, 1, 0x00AC},
    {"notin", 5, 0, 0x2209}, {"nsub", 4, 0, 0x2284}, {"ntilde", 6, 1, 0x00F1},
    {"nu", 2, 0, 0x03BD}, {"num", 3, 0, 0x0023}, {"numero", 6, 0, 0x2116}, {"numsp", 5, 0, 0x2007},
    {"oacute", 6, 1, 0x00F3}, {"ocirc", 5, 1, 0x00F4}, {"oelig", 5, 0, 0x0153},
    {"ograve", 6, 1, 0x00F2}, {"ohm", 3, 0, 0x03A9}, {"oline", 5, 0, 0x203E},
    {"omega", 5, 0, 0x03C9}, {"omicron", 7, 0, 0x03BF}, {"oplus", 5, 0, 0x2295},
    {"or", 2, 0, 0x2228}, {"ordf", 4, 1, 0x00AA}, {"ordm", 4, 1, 0x00BA}, {"oslash", 6, 1, 0x00F8},
    {"otilde", 6, 1, 0x00F5}, {"otimes", 6, 0, 0x2297}, {"ouml", 4, 1, 0x00F6},
    {"para", 4, 1, 0x00B6}, {"part", 4, 0, 0x2202}, {"percnt", 6, 0, 0x0025},
    {"period", 6, 0, 0x002E}, {"permil", 6, 0, 0x2030}, {"perp", 4, 0, 0x22A5},
    {"phi", 3, 0, 0x03C6}, {"phone", 5, 0, 0x260E}, {"pi", 2, 0, 0x03C0}, {"piv", 3, 0, 0x03D6},
    {"plus", 4, 0, 0x002B}, {"plusmn", 6, 1, 0x00B1}, {"pm", 2, 0, 0x00B1},
    {"pound", 5, 1, 0x00A3}, {"prime", 5, 0, 0x2032}, {"prod", 4, 0, 0x220F},
    {"prop", 4, 0, 0x221D}, {"psi", 3, 0, 0x03C8}, {"puncsp", 6, 0, 0x2008},
    {"quest", 5, 0, 0x003F}, {"quot", 4, 1, 0x0022}, {"rArr", 4, 0, 0x21D2},
    {"radic", 5, 0, 0x221A}, {"rang", 4, 0, 0x27E9}, {"raquo", 5, 1, 0x00BB},
    {"rarr", 4, 0, 0x2192}, {"rbrace", 6, 0, 0x007D}, {"rbrack", 6, 0, 0x005D},
    {"rceil", 5, 0, 0x2309}, {"rcub", 4, 0, 0x007D}, {"rdquo", 5, 0, 0x201D},
    {"rdquor", 6, 0, 0x201D}, {"real", 4, 0, 0x211C}, {"reg", 3, 1, 0x00AE},
    {"rfloor", 6, 0, 0x230B}, {"rho", 3, 0, 0x03C1}, {"rightarrow", 10, 0, 0x2192},
    {"rlm", 3, 0, 0x200F}, {"rpar", 4, 0, 0x0029}, {"rsaquo", 6, 0, 0x203A},
    {"rsqb", 4, 0, 0x005D}, {"rsquo", 5, 0, 0x2019}, {"rsquor", 6, 0, 0x2019},
    {"sbquo", 5, 0, 0x201A}, {"scaron", 6, 0, 0x0161}, {"sdot", 4, 0, 0x22C5},
    {"sect", 4, 1, 0x00A7}, {"semi", 4, 0, 0x003B}, {"sharp", 5, 0, 0x266F}, {"shy", 3, 1, 0x00AD},
    {"sigma", 5, 0, 0x03C3}, {"sigmaf", 6, 0, 0x03C2}, {"sim", 3, 0, 0x223C},
    {"sol", 3, 0, 0x002F}, {"spades", 6, 0, 0x2660}, {"star", 4, 0, 0x2606},
    {"starf", 5, 0, 0x2605}, {"sub", 3, 0, 0x2282}, {"sube", 4, 0, 0x2286}, {"sum", 3, 0, 0x2211},
    {"sup", 3, 0, 0x2283}, {"sup1", 4, 1, 0x00B9}, {"sup2", 4, 1, 0x00B2}, {"sup3", 4, 1, 0x00B3},
    {"supe", 4, 0, 0x2287}, {"szlig", 5, 1, 0x00DF}, {"tau", 3, 0, 0x03C4},
    {"there4", 6, 0, 0x2234}, {"theta", 5, 0, 0x03B8}, {"thetasym", 8, 0, 0x03D1},
    {"thinsp", 6, 0, 0x2009}, {"thorn", 5, 1, 0x00FE}, {"tilde", 5, 0, 0x02DC},
    {"times", 5, 1, 0x00D7}, {"trade", 5, 0, 0x2122}, {"uArr", 4, 0, 0x21D1},
    {"uacute", 6, 1, 0x00FA}, {"uarr", 4, 0, 0x2191}, {"ucirc", 5, 1, 0x00FB},
    {"ugrave", 6, 1, 0x00F9}, {"uml", 3, 1, 0x00A8}, {"upsih", 5, 0, 0x03D2},
    {"upsilon", 7, 0, 0x03C5}, {"uuml", 4, 1, 0x00FC}, {"verbar", 6, 0, 0x007C},
    {"vert", 4, 0, 0x007C}, {"weierp", 6, 0, 0x2118}, {"xi", 2, 0, 0x03BE},
    {"yacute", 6, 1, 0x00FD}, {"yen", 3, 1, 0x00A5}, {"yuml", 4, 1, 0x00FF},
    {"zeta", 4, 0, 0x03B6}, {"zwj", 3, 0, 0x200D}, {"zwnj", 4, 0, 0x200C},
};

/* ---- tags --------------------------------------------------------------- */

enum {
    F_VOID = 1 << 0,     /* no content, never pushed */
    F_BLOCK = 1 << 1,    /* paragraph break before and after */
    F_CELL = 1 << 2,     /* table cell: a space before and after */
    F_DROP = 1 << 3,     /* content never shown */
    F_RAW = 1 << 4,      /* raw text up to </name>, skipped */
    F_PRE = 1 << 5,      /* whitespace preserved */
    F_CLOSEP = 1 << 6,   /* start tag closes an open <p> */
    F_HEADISH = 1 << 7,  /* may appear in <head> without ending it */
    F_FOREIGN = 1 << 8   /* svg / math: their <title> is not the page's */
};

typedef struct tagdef {
    const char *name;
    uint8_t len;
    uint16_t flags;
} tagdef;

/* Tag ids are indexes into TAGS, which is sorted by name. */
enum {
    T_A,
    T_ADDRESS,
    T_APPLET,
    T_AREA,
    T_ARTICLE,
    T_ASIDE,
    T_AUDIO,
    T_BASE,
    T_BASEFONT,
    T_BGSOUND,
    T_BLOCKQUOTE,
    T_BODY,
    T_BR,
    T_BUTTON,
    T_CANVAS,
    T_CAPTION,
    T_CENTER,
    T_COL,
    T_DATALIST,
    T_DD,
    T_DETAILS,
    T_DIALOG,
    T_DIR,
    T_DIV,
    T_DL,
    T_DT,
    T_EMBED,
    T_FIELDSET,
    T_FIGCAPTION,
    T_FIGURE,
    T_FOOTER,
    T_FORM,
    T_FRAME,
    T_FRAMESET,
    T_H1,
    T_H2,
    T_H3,
    T_H4,
    T_H5,
    T_H6,
    T_HEAD,
    T_HEADER,
    T_HGROUP,
    T_HR,
    T_HTML,
    T_IFRAME,
    T_IMG,
    T_INPUT,
    T_KEYGEN,
    T_LEGEND,
    T_LI,
    T_LINK,
    T_LISTING,
    T_MAIN,
    T_MATH,
    T_MENU,
    T_META,
    T_NAV,
    T_NOEMBED,
    T_NOFRAMES,
    T_NOSCRIPT,
    T_OBJECT,
    T_OL,
    T_OPTGROUP,
    T_OPTION,
    T_P,
    T_PARAM,
    T_PRE,
    T_Q,
    T_RP,
    T_SCRIPT,
    T_SEARCH,
    T_SECTION,
    T_SELECT,
    T_SOURCE,
    T_STYLE,
    T_SUMMARY,
    T_SVG,
    T_TABLE,
    T_TBODY,
    T_TD,
    T_TEMPLATE,
    T_TEXTAREA,
    T_TFOOT,
    T_TH,
    T_THEAD,
    T_TIME,
    T_TITLE,
    T_TR,
    T_TRACK,
    T_UL,
    T_VIDEO,
    T_WBR,
    T_XMP,
    T_OTHER,   /* any tag not in the table; matched by name hash */
    T_COUNT
};

static const struct tagdef TAGS[] = {
    {"a", 1, 0},
    {"address", 7, F_BLOCK|F_CLOSEP},
    {"applet", 6, F_DROP},
    {"area", 4, F_VOID},
    {"article", 7, F_BLOCK|F_CLOSEP},
    {"aside", 5, F_BLOCK|F_CLOSEP|F_DROP},
    {"audio", 5, F_DROP},
    {"base", 4, F_VOID|F_HEADISH},
    {"basefont", 8, F_VOID|F_HEADISH},
    {"bgsound", 7, F_VOID|F_HEADISH},
    {"blockquote", 10, F_BLOCK|F_CLOSEP},
    {"body", 4, 0},
    {"br", 2, F_VOID},
    {"button", 6, F_DROP},
    {"canvas", 6, F_DROP},
    {"caption", 7, F_BLOCK},
    {"center", 6, F_BLOCK|F_CLOSEP},
    {"col", 3, F_VOID},
    {"datalist", 8, F_DROP},
    {"dd", 2, F_BLOCK|F_CLOSEP},
    {"details", 7, F_BLOCK|F_CLOSEP},
    {"dialog", 6, F_BLOCK|F_CLOSEP|F_DROP},
    {"dir", 3, F_BLOCK|F_CLOSEP},
    {"div", 3, F_BLOCK|F_CLOSEP},
    {"dl", 2, F_BLOCK|F_CLOSEP},
    {"dt", 2, F_BLOCK|F_CLOSEP},
    {"embed", 5, F_VOID},
    {"fieldset", 8, F_BLOCK|F_CLOSEP},
    {"figcaption", 10, F_BLOCK|F_CLOSEP},
    {"figure", 6, F_BLOCK|F_CLOSEP},
    {"footer", 6, F_BLOCK|F_CLOSEP|F_DROP},
    {"form", 4, F_BLOCK|F_CLOSEP|F_DROP},
    {"frame", 5, F_VOID},
    {"frameset", 8, F_DROP},
    {"h1", 2, F_BLOCK|F_CLOSEP},
    {"h2", 2, F_BLOCK|F_CLOSEP},
    {"h3", 2, F_BLOCK|F_CLOSEP},
    {"h4", 2, F_BLOCK|F_CLOSEP},
    {"h5", 2, F_BLOCK|F_CLOSEP},
    {"h6", 2, F_BLOCK|F_CLOSEP},
    {"head", 4, F_HEADISH},
    {"header", 6, F_BLOCK|F_CLOSEP},
    {"hgroup", 6, F_BLOCK|F_CLOSEP},
    {"hr", 2, F_VOID|F_BLOCK|F_CLOSEP},
    {"html", 4, F_HEADISH},
    {"iframe", 6, F_RAW},
    {"img", 3, F_VOID},
    {"input", 5, F_VOID},
    {"keygen", 6, F_VOID},
    {"legend", 6, F_BLOCK},
    {"li", 2, F_BLOCK|F_CLOSEP},
    {"link", 4, F_VOID|F_HEADISH},
    {"listing", 7, F_BLOCK|F_CLOSEP|F_PRE},
    {"main", 4, F_BLOCK|F_CLOSEP},
    {"math", 4, F_DROP|F_FOREIGN},
    {"menu", 4, F_BLOCK|F_CLOSEP|F_DROP},
    {"meta", 4, F_VOID|F_HEADISH},
    {"nav", 3, F_BLOCK|F_CLOSEP|F_DROP},
    {"noembed", 7, F_RAW},
    {"noframes", 8, F_RAW},
    {"noscript", 8, F_RAW|F_HEADISH},
    {"object", 6, F_DROP},
    {"ol", 2, F_BLOCK|F_CLOSEP},
    {"optgroup", 8, F_DROP},
    {"option", 6, F_DROP},
    {"p", 1, F_BLOCK|F_CLOSEP},
    {"param", 5, F_VOID},
    {"pre", 3, F_BLOCK|F_CLOSEP|F_PRE},
    {"q", 1, 0},
    {"rp", 2, F_DROP},
    {"script", 6, F_RAW|F_HEADISH},
    {"search", 6, F_BLOCK|F_CLOSEP|F_DROP},
    {"section", 7, F_BLOCK|F_CLOSEP},
    {"select", 6, F_DROP},
    {"source", 6, F_VOID},
    {"style", 5, F_RAW|F_HEADISH},
    {"summary", 7, F_BLOCK|F_CLOSEP},
    {"svg", 3, F_DROP|F_FOREIGN},
    {"table", 5, F_BLOCK|F_CLOSEP},
    {"tbody", 5, F_BLOCK},
    {"td", 2, F_CELL},
    {"template", 8, F_DROP|F_HEADISH},
    {"textarea", 8, F_RAW},
    {"tfoot", 5, F_BLOCK},
    {"th", 2, F_CELL},
    {"thead", 5, F_BLOCK},
    {"time", 4, 0},
    {"title", 5, F_HEADISH},
    {"tr", 2, F_BLOCK},
    {"track", 5, F_VOID},
    {"ul", 2, F_BLOCK|F_CLOSEP},
    {"video", 5, F_DROP},
    {"wbr", 3, F_VOID},
    {"xmp", 3, F_RAW},
};

/* ---- word lists (sorted by byte order for binary search) ---------------- */

/* Class/id words that mark page chrome when first or last in a token. */
static const char *const CHROME_WORDS[] = {
    "ad", "adblock", "addthis", "ads", "adsbygoogle", "adsense", "adslot", "adunit", "advert",
    "advertisement", "advertising", "adverts", "breadcrumb", "breadcrumbs", "comment",
    "comments", "consent", "cookie", "cookiebanner", "cookiebar", "cookies", "dfp", "disqus",
    "footer", "gdpr", "login", "menu", "modal", "nav", "navbar", "navigation", "newsletter",
    "outbrain", "pagination", "popup", "promo", "recommendations", "recommended",
    "related", "search", "share", "sharebar", "sharethis", "sharing", "sidebar", "signup",
    "skip", "social", "socialbar", "sponsor", "sponsored", "subscribe", "subscription",
    "taboola", "toolbar", "trending",
};
/* Whole class/id tokens that mark chrome. */
static const char *const CHROME_TOKENS[] = {
    "global-header", "masthead", "most-popular", "most-read", "mostpopular", "mostread",
    "screen-reader-only", "screen-reader-text", "site-header",
    "sr-only", "top-bar", "topbar", "visually-hidden", "visuallyhidden",
};
/* A token holding one of these describes a state (has-sidebar), not a component. */
static const char *const MODIFIER_WORDS[] = {
    "allow", "can", "disable", "disabled", "enable", "enabled", "has", "hide", "is", "no",
    "not", "show", "with", "without",
};
/* First words of CMS taxonomy classes (tag-social, category-comment). */
static const char *const TAXONOMY_WORDS[] = {
    "author", "cat", "categories", "category", "format", "id", "postid", "status", "tag",
    "tags", "term", "type",
};
/* ARIA roles of page chrome. */
static const char *const DROP_ROLES[] = {
    "alertdialog", "banner", "complementary", "contentinfo", "dialog", "menu", "menubar",
    "navigation", "search", "toolbar",
};
/* meta name/property values holding a publication date. */
static const char *const DATE_NAMES[] = {
    "article.published", "date", "datepublished", "dc.date", "dc.date.created",
    "dc.date.issued", "dcterms.created", "dcterms.date", "dcterms.issued", "og:published_time",
    "original-publish-date", "parsely-pub-date", "pubdate", "publish-date", "publish_date",
    "publishdate", "sailthru.date",
};
/* Charset labels decoded as Windows-1252 (HTML5 maps Latin-1 and ASCII to it). */
static const char *const LEGACY_CHARSETS[] = {
    "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
    "iso-ir-100", "iso8859-1", "iso_8859-1", "iso_8859-1:1987", "l1", "latin-1", "latin1",
    "us-ascii", "windows-1252", "x-cp1252",
};
/* Charset labels decoded as ISO-8859-15. */
static const char *const LATIN9_CHARSETS[] = {
    "csisolatin9", "iso-8859-15", "iso8859-15", "iso_8859-15", "l9", "latin-9", "latin9",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Byte-order comparison of two counted strings (a prefix sorts first).
 * Names are short: an inline loop beats a memcmp call in the tag lookup. */
static inline int namecmp(const char *a, size_t al, const char *b, size_t bl) {
    size_t m = al < bl ? al : bl;
    for (size_t i = 0; i < m; i++) {
        if (a[i] != b[i]) return (unsigned char)a[i] - (unsigned char)b[i];
    }
    return (al > bl) - (al < bl);
}

/* 1 if the lower-case word w[0..n) is in the sorted list. */
static int in_list(const char *const *list, size_t nlist, const char *w, size_t n) {
    size_t lo = 0, hi = nlist;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = namecmp(list[mid], strlen(list[mid]), w, n);
        if (c == 0) return 1;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return 0;
}

/* Lower-cases v[0..n) into buf (cap bytes); 0 if it does not fit. */
static size_t lower_copy(char *buf, size_t cap, const unsigned char *v, size_t n) {
    if (n > cap) return 0;
    for (size_t i = 0; i < n; i++) buf[i] = (char)LOWER(v[i]);
    return n;
}

/* ASCII case-insensitive: does v[0..n) equal the lower-case word lw? */
static int ieq(const unsigned char *v, size_t n, const char *lw) {
    size_t i = 0;
    for (; i < n; i++) {
        if (!lw[i] || LOWER(v[i]) != (unsigned char)lw[i]) return 0;
    }
    return lw[i] == '\0';
}

static int tag_lookup(const char *name, size_t n) {
    size_t lo = 0, hi = T_OTHER;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = namecmp(TAGS[mid].name, TAGS[mid].len, name, n);
        if (c == 0) return (int)mid;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return T_OTHER;
}

static const entdef *ent_lookup(const unsigned char *name, size_t n) {
    size_t lo = 0, hi = COUNT(ENTS);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = namecmp(ENTS[mid].name, ENTS[mid].len, (const char *)name, n);
        if (c == 0) return &ENTS[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* ---- UTF-8 ----------------------------------------------------------------- */

/* Like utf8_seq, but 0 also for the characters text handling must see one
 * by one: U+0080-U+00A0 (C1 controls, no-break space), U+00AD (soft
 * hyphen) and U+FEFF (byte order mark). */
static size_t utf8_plain(const unsigned char *s, size_t n) {
    size_t m = utf8_seq(s, n);
    if (m == 2 && s[0] == 0xC2 && (s[1] <= 0xA0 || s[1] == 0xAD)) return 0;
    if (m == 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return 0;
    return m;
}

static int utf8_valid(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        while (i + 8 <= n) { /* ASCII fast path, 8 bytes at a time */
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        while (i < n && s[i] < 0x80) i++;
        if (i >= n) break;
        size_t m = utf8_seq(s + i, n - i);
        if (!m) return 0;
        i += m;
    }
    return 1;
}

/* ---- sinks: lazy whitespace ------------------------------------------- */

enum { P_NONE, P_SPACE, P_NL, P_PARA };

/* Text written into b after position base.  pending is the break owed
 * before the next visible character; indent holds the spaces of a <pre>
 * line (or between its words) that are owed likewise. */
typedef struct sink {
    strbuf *b;
    size_t base;
    unsigned char pending;
    unsigned char nindent;
    char indent[62];
} sink;

static void sink_init(sink *k, strbuf *b) {
    memset(k, 0, sizeof *k);
    k->b = b;
    k->base = b->len;
}

static void sink_reset(sink *k) {
    k->b->len = k->base;
    if (k->b->s) k->b->s[k->base] = '\0';
    k->pending = P_NONE;
    k->nindent = 0;
}

static void set_break(sink *k, int level) {
    if (level > k->pending) k->pending = (unsigned char)level;
    if (level >= P_NL) k->nindent = 0;
}

/* A line break that doubles into a paragraph break when repeated (<br><br>,
 * blank lines in <pre>). */
static void line_break(sink *k) {
    k->pending = k->pending >= P_NL ? P_PARA : P_NL;
    k->nindent = 0;
}

/* Write the owed break, unless nothing has been written yet. */
static void sink_flush(sink *k) {
    strbuf *b = k->b;
    if (b->len > k->base && !b->oom) {
        if (k->pending >= P_NL) {
            while (b->len > k->base && (b->s[b->len - 1] == ' ' || b->s[b->len - 1] == '\t')) b->len--;
            size_t have = 0;
            while (have < 2 && b->len - have > k->base && b->s[b->len - have - 1] == '\n') have++;
            size_t want = k->pending == P_PARA ? 2 : 1;
            if (have == 0 && b->len == k->base) want = 0;
            if (want > have) sb_putn(b, "\n\n", want - have);
            else b->s[b->len] = '\0';
        } else if (k->pending == P_SPACE && !k->nindent) {
            char last = b->s[b->len - 1];
            if (last != ' ' && last != '\n') sb_putc(b, ' ');
        }
        if (k->nindent) sb_putn(b, k->indent, k->nindent);
    }
    k->pending = P_NONE;
    k->nindent = 0;
}

static inline void sink_put(sink *k, const void *p, size_t n) {
    if (k->pending | k->nindent) sink_flush(k);
    sb_putn(k->b, p, n);
}

/* ---- character references ------------------------------------------------ */

/* A numeric reference's value as HTML5 maps it: 0x80-0x9F read as
 * Windows-1252, NUL, surrogates, out-of-range values and control
 * characters other than whitespace become U+FFFD. */
static uint32_t numeric_cp(uint32_t v) {
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0xFFFD;
    if (v >= 0x80 && v <= 0x9F) return cp1252_decode(v);
    if ((v < 0x20 && !(CCLASS[v] == C_WS)) || v == 0x7F) return 0xFFFD;
    return v;
}

/* Decode the character reference at s[0] == '&' (n bytes left).  Sets *cp
 * and returns the bytes consumed; a lone '&' is itself (1 byte).  attr:
 * attribute-value rules, where "&copy=" or "&ampx" stay as written. */
static size_t char_ref(const unsigned char *s, size_t n, int attr, uint32_t *cp) {
    *cp = '&';
    if (n < 2) return 1;
    if (s[1] == '#') {
        size_t i = 2;
        int hex = 0;
        if (i < n && (s[i] | 0x20) == 'x') {
            hex = 1;
            i++;
        }
        size_t d0 = i;
        uint32_t v = 0;
        for (; i < n; i++) {
            unsigned c = s[i], dv;
            if (ACLS[c] & A_DIGIT) dv = c - '0';
            else if (hex && (ACLS[c] & A_HEX)) dv = (c | 0x20) - 'a' + 10;
            else break;
            if (v <= 0x10FFFF) v = v * (hex ? 16u : 10u) + dv; /* stays > 0x10FFFF once there; no overflow */
        }
        if (i == d0) return 1; /* "&#" without digits is text */
        if (i < n && s[i] == ';') i++;
        *cp = numeric_cp(v);
        return i;
    }
    size_t i = 1;
    while (i < n && i <= 33 && (ACLS[s[i]] & (A_ALPHA | A_DIGIT))) i++;
    size_t nl = i - 1;
    if (nl == 0) return 1;
    if (nl <= 32 && i < n && s[i] == ';') {
        const entdef *e = ent_lookup(s + 1, nl);
        if (e) {
            *cp = e->cp;
            return i + 1;
        }
    }
    /* Without ';' only the legacy names count, longest first ("&notin" is
     * "&not" + "in" when unterminated, as HTML5 reads it). */
    for (size_t k = nl < 6 ? nl : 6; k >= 2; k--) {
        const entdef *e = ent_lookup(s + 1, k);
        if (e && e->legacy) {
            if (attr && 1 + k < n && ((ACLS[s[1 + k]] & (A_ALPHA | A_DIGIT)) || s[1 + k] == '=')) return 1;
            *cp = e->cp;
            return 1 + k;
        }
    }
    return 1;
}

/* ---- extractor state ------------------------------------------------------ */

enum { K_NONE, K_ARTICLE, K_BODY, K_MAIN, K_N }; /* article candidates, in order of preference */

enum { /* element stack entry flags */
    E_BLOCK = 1 << 0, E_CELL = 1 << 1, E_DROP = 1 << 2, E_SOFT = 1 << 3,
    E_PRE = 1 << 4, E_FOREIGN = 1 << 5, E_Q = 1 << 6, E_INSOFT = 1 << 7
};

typedef struct span {
    size_t start, end; /* byte offsets in the output buffer */
    int brk;           /* break owed where a soft span is cut out */
} span;

typedef struct elem {
    uint32_t hash;   /* name hash, tells T_OTHER elements apart */
    uint16_t tag;
    uint8_t fl;      /* E_* */
    uint8_t kind;    /* K_* */
    uint8_t h1;      /* 1 + index into hx.h1, or 0 */
    size_t start;    /* output offset at the start tag */
    size_t soft;     /* index into hx.soft when E_SOFT */
} elem;

typedef struct attr {
    const unsigned char *name, *val;
    size_t nlen, vlen;
} attr;

typedef struct tagtok {
    int end, selfclose, eof;
    int id;
    uint32_t hash;
    int na;
    attr a[MAX_ATTRS];
} tagtok;

typedef struct hx {
    const unsigned char *s;
    size_t n;
    int legacy;            /* 0 UTF-8, 1 Windows-1252, 2 ISO-8859-15 */
    sink out, title, date;
    int title_prio;        /* 0 none, 2 og:title, 3 <title> */
    int date_prio;         /* 0 none ... 5 article:published_time */
    int depth;
    size_t overflow;       /* start tags past MAX_DEPTH not yet closed */
    int drop, soft, pre, foreign, ncand, in_head;
    uint32_t counts[T_COUNT];
    span best[2][K_N];     /* largest candidate per kind: [inside a soft span][kind] */
    span h1[MAX_H1];
    int nh1;
    span *softs;
    size_t nsoft, capsoft;
    int oom;
    elem st[MAX_DEPTH];
} hx;

/* ---- text ----------------------------------------------------------------- */

enum { M_PRE = 1, M_ATTR = 2 };

/* Whitespace character c (or a no-break space) in text. */
static void put_ws(sink *k, uint32_t c, int mode) {
    if (!(mode & M_PRE)) {
        if (k->pending < P_SPACE) k->pending = P_SPACE;
    } else if (c == '\n' || c == '\r') {
        line_break(k);
    } else if (k->nindent < sizeof k->indent) {
        k->indent[k->nindent++] = c == '\t' ? '\t' : ' ';
    }
}

/* One decoded code point. */
static void put_cp(sink *k, uint32_t cp, int mode) {
    if (cp == 0xA0 || (cp < 0x80 && CCLASS[cp] == C_WS)) {
        put_ws(k, cp, mode); /* &nbsp; is a plain space */
        return;
    }
    if (cp == 0xAD || cp == 0xFEFF) return; /* soft hyphen, BOM: invisible */
    char u[4];
    sink_put(k, u, utf8_put(u, cp));
}

/* End of a run of plain text from j: printable ASCII and, unless the page
 * is in a legacy charset, valid UTF-8 needing no special treatment. */
static size_t run_end(const hx *x, const unsigned char *s, size_t j, size_t n) {
    for (;;) {
        while (j < n && CCLASS[s[j]] == C_TEXT) j++;
        if (j >= n || x->legacy || s[j] < 0x80) return j;
        size_t m = utf8_plain(s + j, n - j);
        if (!m) return j;
        j += m;
    }
}

/* Decode text s[0..n) into sink k: charset, entities, whitespace. */
static void emit_text(const hx *x, sink *k, const unsigned char *s, size_t n, int mode) {
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        uint32_t cp;
        switch (CCLASS[c]) {
        case C_TEXT: {
            size_t j = run_end(x, s, i + 1, n);
            sink_put(k, s + i, j - i);
            i = j;
            break;
        }
        case C_WS:
            if (!(mode & M_PRE)) {
                if (k->pending < P_SPACE) k->pending = P_SPACE;
                while (++i < n && CCLASS[s[i]] == C_WS) {}
            } else {
                if (c == '\r' && i + 1 < n && s[i + 1] == '\n') i++; /* CRLF is one line end */
                put_ws(k, c, mode);
                i++;
            }
            break;
        case C_AMP:
            i += char_ref(s + i, n - i, mode & M_ATTR, &cp);
            put_cp(k, cp, mode);
            break;
        case C_CTRL:
            i++; /* NUL and other controls: nothing to show */
            break;
        default: /* byte >= 0x80 */
            if (x->legacy) {
                cp = cp1252_decode(c);
                if (x->legacy == 2) { /* ISO-8859-15 differs from Latin-1 in eight places */
                    switch (c) {
                    case 0xA4: cp = 0x20AC; break;
                    case 0xA6: cp = 0x0160; break;
                    case 0xA8: cp = 0x0161; break;
                    case 0xB4: cp = 0x017D; break;
                    case 0xB8: cp = 0x017E; break;
                    case 0xBC: cp = 0x0152; break;
                    case 0xBD: cp = 0x0153; break;
                    case 0xBE: cp = 0x0178; break;
                    default: break;
                    }
                }
                i++;
            } else {
                size_t j = run_end(x, s, i, n);
                if (j > i) {
                    sink_put(k, s + i, j - i);
                    i = j;
                    break;
                }
                size_t m = utf8_seq(s + i, n - i);
                if (m == 2) { /* U+0080-U+00A0, U+00AD; C1 controls are mis-decoded Windows-1252 */
                    cp = cp1252_decode(s[i + 1]);
                } else if (m == 3) {
                    cp = 0xFEFF;
                } else { /* invalid UTF-8: read the byte as Windows-1252 */
                    cp = cp1252_decode(c);
                    m = 1;
                }
                i += m;
            }
            put_cp(k, cp, mode);
            break;
        }
    }
}

/* ---- tag tokenizer -------------------------------------------------------- */

/* Parse the tag at s[i] == '<' (followed by a letter, or '/' and a letter).
 * Attribute values in quotes may hold '>'.  Returns the index after the
 * tag; t->eof is set when the page ends inside it (HTML5 drops the tag). */
static size_t parse_tag(const unsigned char *s, size_t i, size_t n, tagtok *t) {
    size_t p = i + 1;
    t->end = t->selfclose = t->eof = 0;
    t->na = 0;
    if (p < n && s[p] == '/') {
        t->end = 1;
        p++;
    }
    char name[16];
    size_t nl = 0;
    uint32_t h = 2166136261u; /* FNV-1a of the lower-cased name */
    while (p < n && !(ACLS[s[p]] & A_END)) {
        unsigned char c = LOWER(s[p]);
        if (nl < sizeof name) name[nl] = (char)c;
        nl++;
        h = (h ^ c) * 16777619u;
        p++;
    }
    t->id = nl <= sizeof name ? tag_lookup(name, nl) : T_OTHER;
    t->hash = h;
    for (;;) {
        while (p < n && (ACLS[s[p]] & A_WS)) p++;
        if (p >= n) break;
        if (s[p] == '>') return p + 1;
        if (s[p] == '/') {
            p++;
            if (p < n && s[p] == '>') {
                t->selfclose = 1;
                return p + 1;
            }
            continue;
        }
        size_t an = p++; /* the first character may be anything, even '=' */
        while (p < n && !(ACLS[s[p]] & A_END) && s[p] != '=') p++;
        size_t anl = p - an;
        while (p < n && (ACLS[s[p]] & A_WS)) p++;
        const unsigned char *v = NULL;
        size_t vl = 0;
        if (p < n && s[p] == '=') {
            p++;
            while (p < n && (ACLS[s[p]] & A_WS)) p++;
            if (p >= n) break;
            if (s[p] == '"' || s[p] == '\'') {
                const unsigned char *q = memchr(s + p + 1, s[p], n - p - 1);
                if (!q) break; /* unterminated quote: the page ends inside the tag */
                v = s + p + 1;
                vl = (size_t)(q - v);
                p = (size_t)(q - s) + 1;
            } else {
                size_t vs = p;
                while (p < n && !(ACLS[s[p]] & A_WS) && s[p] != '>') p++;
                v = s + vs;
                vl = p - vs;
            }
        }
        if (t->na < MAX_ATTRS) {
            attr *a = &t->a[t->na++];
            a->name = s + an;
            a->nlen = anl;
            a->val = v;
            a->vlen = vl;
        }
    }
    t->eof = 1;
    return n;
}

static const attr *get_attr(const tagtok *t, const char *lname) {
    for (int i = 0; i < t->na; i++) {
        if (ieq(t->a[i].name, t->a[i].nlen, lname)) return &t->a[i];
    }
    return NULL;
}

/* Index of the '<' of the first "</name" (any case) that ends in
 * whitespace, '/', '>' or the end of the page, from i; n if none. */
static size_t find_end_tag(const unsigned char *s, size_t i, size_t n, const char *name, size_t nl) {
    while (i < n) {
        const unsigned char *p = memchr(s + i, '<', n - i);
        if (!p) return n;
        size_t k = (size_t)(p - s);
        if (n - k >= 2 + nl && s[k + 1] == '/' && ieq(s + k + 2, nl, name) &&
            (k + 2 + nl == n || (ACLS[s[k + 2 + nl]] & A_END)))
            return k;
        i = k + 1;
    }
    return n;
}

/* Skip raw text up to and past its end tag (script, style, title...). */
static size_t skip_raw(const unsigned char *s, size_t i, size_t n, int id, size_t *content_end) {
    size_t k = find_end_tag(s, i, n, TAGS[id].name, TAGS[id].len);
    *content_end = k;
    if (k >= n) return n;
    tagtok t;
    return parse_tag(s, k, n, &t);
}

/* ---- class, id, role ----------------------------------------------------- */

/* Does one class token (or an id) name page chrome?  The token is split
 * into words at '-', '_', ':' and camelCase humps; the first or last
 * meaningful word must be a chrome word ("share-buttons", "main-nav",
 * "adSlot"), so "article-header", "shadow" or "navy" do not match. */
static int token_is_chrome(const unsigned char *t, size_t n) {
    char low[64];
    if (!lower_copy(low, sizeof low, t, n)) return 0;
    if (in_list(CHROME_TOKENS, COUNT(CHROME_TOKENS), low, n)) return 1;
    size_t ws[16], wl[16];
    int nw = 0;
    size_t i = 0;
    while (i < n && nw < 16) {
        while (i < n && !(ACLS[t[i]] & (A_ALPHA | A_DIGIT))) i++;
        size_t st = i;
        while (i < n && (ACLS[t[i]] & (A_ALPHA | A_DIGIT))) {
            i++;
            if (i < n && (ACLS[t[i - 1]] & A_LOWER) && (ACLS[t[i]] & A_UPPER)) break;
        }
        if (i > st) {
            ws[nw] = st;
            wl[nw++] = i - st;
        }
    }
    int first = -1, last = -1;
    for (int w = 0; w < nw; w++) {
        const char *wd = low + ws[w];
        if (in_list(MODIFIER_WORDS, COUNT(MODIFIER_WORDS), wd, wl[w])) return 0;
        if (wl[w] < 2 || (wl[w] == 2 && wd[0] == 'j' && wd[1] == 's')) continue; /* "c-share", "js-nav" */
        size_t d = 0;
        while (d < wl[w] && (ACLS[(unsigned char)wd[d]] & A_DIGIT)) d++;
        if (d == wl[w]) continue; /* "ad-300" */
        if (first < 0) first = w;
        last = w;
    }
    if (first < 0) return 0;
    if (in_list(TAXONOMY_WORDS, COUNT(TAXONOMY_WORDS), low + ws[first], wl[first])) return 0;
    return in_list(CHROME_WORDS, COUNT(CHROME_WORDS), low + ws[first], wl[first]) ||
           in_list(CHROME_WORDS, COUNT(CHROME_WORDS), low + ws[last], wl[last]);
}

/* Does a class list (whitespace-separated tokens) name page chrome? */
static int class_is_chrome(const unsigned char *v, size_t n) {
    size_t i = 0;
    while (i < n) {
        while (i < n && (ACLS[v[i]] & A_WS)) i++;
        size_t st = i;
        while (i < n && !(ACLS[v[i]] & A_WS)) i++;
        if (i > st && token_is_chrome(v + st, i - st)) return 1;
    }
    return 0;
}

/* Does a whitespace-separated list hold the lower-case token w? */
static int has_token(const unsigned char *v, size_t n, const char *w) {
    size_t i = 0;
    while (i < n) {
        while (i < n && (ACLS[v[i]] & A_WS)) i++;
        size_t st = i;
        while (i < n && !(ACLS[v[i]] & A_WS)) i++;
        if (i > st && ieq(v + st, i - st, w)) return 1;
    }
    return 0;
}

/* Does an inline style hide the element (display:none, visibility:hidden)? */
static int style_hides(const unsigned char *v, size_t n) {
    for (size_t i = 0; i + 4 <= n; i++) {
        const char *want;
        size_t kl;
        if ((v[i] | 0x20) == 'd' && n - i >= 7 && ieq(v + i, 7, "display")) {
            want = "none";
            kl = 7;
        } else if ((v[i] | 0x20) == 'v' && n - i >= 10 && ieq(v + i, 10, "visibility")) {
            want = "hidden";
            kl = 10;
        } else {
            continue;
        }
        size_t p = i + kl;
        while (p < n && (ACLS[v[p]] & A_WS)) p++;
        if (p >= n || v[p] != ':') continue;
        p++;
        while (p < n && (ACLS[v[p]] & A_WS)) p++;
        size_t wl = strlen(want);
        if (n - p >= wl && ieq(v + p, wl, want) && (p + wl == n || !(ACLS[v[p + wl]] & A_ALPHA))) return 1;
    }
    return 0;
}

/* ---- element stack ------------------------------------------------------- */

static void pop(hx *x) {
    elem *e = &x->st[--x->depth];
    strbuf *b = x->out.b;
    x->counts[e->tag]--;
    if (e->fl & E_Q) { /* closing quote hugs the text; a pending space stays pending */
        if (b->len > x->out.base) sb_putn(b, "\xE2\x80\x9D", 3);
    }
    size_t pos = b->len;
    if (e->fl & E_DROP) x->drop--;
    if (e->fl & E_SOFT) {
        x->soft--;
        x->softs[e->soft].end = pos;
    }
    if (e->fl & E_PRE) {
        x->pre--;
        x->out.nindent = 0;
    }
    if (e->fl & E_FOREIGN) x->foreign--;
    if (e->kind) {
        x->ncand--;
        span *bs = &x->best[(e->fl & E_INSOFT) ? 1 : 0][e->kind];
        if (pos > e->start && pos - e->start > bs->end - bs->start) {
            bs->start = e->start;
            bs->end = pos;
        }
    }
    if (e->h1) x->h1[e->h1 - 1].end = pos;
    if (x->drop) return;
    if (e->fl & E_BLOCK) set_break(&x->out, P_PARA);
    else if (e->fl & E_CELL) set_break(&x->out, P_SPACE);
}

/* Pop everything down to and including stack index k. */
static void pop_to(hx *x, int k) {
    while (x->depth > k) pop(x);
}

enum { STOP_BLOCK, STOP_LIST, STOP_ROW, STOP_TABLE };

/* Implied end tag: close the nearest open t1/t2 element unless an element
 * of the stop class comes first.  Looks at most IMPLY_SCAN entries down. */
static void close_implied(hx *x, int t1, int t2, int stop) {
    int lim = x->depth > IMPLY_SCAN ? x->depth - IMPLY_SCAN : 0;
    for (int k = x->depth - 1; k >= lim; k--) {
        const elem *e = &x->st[k];
        if (e->tag == t1 || e->tag == t2) {
            pop_to(x, k);
            return;
        }
        if (e->fl & E_DROP) return; /* markup inside <template>, <nav>... stays inside */
        switch (stop) {
        case STOP_BLOCK:
            if (e->fl & (E_BLOCK | E_CELL)) return;
            break;
        case STOP_LIST: /* HTML5 lets <li> close through div, p and address */
            if ((e->fl & (E_BLOCK | E_CELL)) && e->tag != T_DIV && e->tag != T_P && e->tag != T_ADDRESS) return;
            break;
        case STOP_ROW:
            if (e->tag == T_TR || e->tag == T_TABLE) return;
            break;
        default:
            if (e->tag == T_TABLE || e->tag == T_TBODY || e->tag == T_THEAD || e->tag == T_TFOOT) return;
            break;
        }
    }
}

static void imply_ends(hx *x, int id, unsigned f) {
    if ((f & F_CLOSEP) && x->counts[T_P]) close_implied(x, T_P, T_P, STOP_BLOCK);
    switch (id) {
    case T_LI:
        if (x->counts[T_LI]) close_implied(x, T_LI, T_LI, STOP_LIST);
        break;
    case T_DT:
    case T_DD:
        if (x->counts[T_DT] || x->counts[T_DD]) close_implied(x, T_DT, T_DD, STOP_LIST);
        break;
    case T_TD:
    case T_TH:
        if (x->counts[T_TD] || x->counts[T_TH]) close_implied(x, T_TD, T_TH, STOP_ROW);
        break;
    case T_TR:
        if (x->counts[T_TR]) close_implied(x, T_TR, T_TR, STOP_TABLE);
        break;
    case T_A:
        if (x->counts[T_A]) close_implied(x, T_A, T_A, STOP_BLOCK);
        break;
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
        if (x->depth && x->st[x->depth - 1].tag >= T_H1 && x->st[x->depth - 1].tag <= T_H6) pop(x);
        break;
    default:
        break;
    }
}

/* ---- title and date ------------------------------------------------------ */

static void set_title(hx *x, const unsigned char *v, size_t n, int prio, int mode) {
    if (prio <= x->title_prio) return;
    sink_reset(&x->title);
    emit_text(x, &x->title, v, n, mode);
    if (x->title.b->len > x->title.base) x->title_prio = prio;
}

static void set_date(hx *x, const attr *a, int prio) {
    if (prio <= x->date_prio || !a->val) return;
    sink_reset(&x->date);
    emit_text(x, &x->date, a->val, a->vlen, M_ATTR);
    if (x->date.b->len > x->date.base) x->date_prio = prio;
}

static void do_meta(hx *x, const tagtok *t) {
    if (x->drop || x->soft) return; /* microdata of a teaser in a dropped box */
    const attr *key = NULL, *content = NULL, *ip = NULL;
    for (int i = 0; i < t->na; i++) {
        const attr *a = &t->a[i];
        if (!a->val) continue;
        if (ieq(a->name, a->nlen, "content")) content = a;
        else if (ieq(a->name, a->nlen, "property") || ieq(a->name, a->nlen, "name")) {
            if (!key) key = a;
        } else if (ieq(a->name, a->nlen, "itemprop")) ip = a;
    }
    if (!content) return;
    if (key) {
        char low[32];
        size_t kl = lower_copy(low, sizeof low, key->val, key->vlen);
        if (kl == 8 && !memcmp(low, "og:title", 8)) set_title(x, content->val, content->vlen, 2, M_ATTR);
        else if (kl == 22 && !memcmp(low, "article:published_time", 22)) set_date(x, content, 5);
        else if (kl && in_list(DATE_NAMES, COUNT(DATE_NAMES), low, kl)) set_date(x, content, 4);
    }
    if (ip && has_token(ip->val, ip->vlen, "datepublished")) set_date(x, content, 4);
}

/* Which of our charsets a <meta> declares: -1 none, 0 UTF-8 or one we
 * cannot decode, 1 Windows-1252, 2 ISO-8859-15. */
static int meta_charset(const tagtok *t) {
    const unsigned char *v = NULL;
    size_t vl = 0;
    const attr *a = get_attr(t, "charset");
    if (a && a->val) {
        v = a->val;
        vl = a->vlen;
    } else if ((a = get_attr(t, "content")) != NULL && a->val) {
        /* http-equiv="Content-Type" content="text/html; charset=iso-8859-1" */
        for (size_t i = 0; i + 8 <= a->vlen; i++) {
            if (ieq(a->val + i, 7, "charset") && a->val[i + 7] == '=') {
                v = a->val + i + 8;
                vl = a->vlen - i - 8;
                break;
            }
        }
    }
    if (!v) return -1;
    while (vl && ((ACLS[*v] & A_WS) || *v == '"' || *v == '\'')) v++, vl--;
    size_t e = 0;
    while (e < vl && !(ACLS[v[e]] & A_WS) && v[e] != ';' && v[e] != '"' && v[e] != '\'') e++;
    char low[24];
    if (!lower_copy(low, sizeof low, v, e)) return 0;
    if (in_list(LEGACY_CHARSETS, COUNT(LEGACY_CHARSETS), low, e)) return 1;
    if (in_list(LATIN9_CHARSETS, COUNT(LATIN9_CHARSETS), low, e)) return 2;
    return 0;
}

/* Charset for the whole page, from a <meta> before <body> in its first
 * CHARSET_SCAN bytes.  A legacy declaration is believed only if the page
 * is not valid UTF-8: many pages say iso-8859-1 and are UTF-8. */
static int detect_charset(const unsigned char *s, size_t n) {
    size_t lim = n < CHARSET_SCAN ? n : CHARSET_SCAN, i = 0;
    int cs = -1;
    while (i < lim && cs < 0) {
        const unsigned char *p = memchr(s + i, '<', lim - i);
        if (!p) break;
        size_t k = (size_t)(p - s);
        if (n - k >= 5 && (ACLS[s[k + 1]] & A_ALPHA)) {
            tagtok t;
            size_t e = parse_tag(s, k, n, &t);
            if (t.id == T_BODY) break;
            if (t.id == T_META) cs = meta_charset(&t);
            i = e;
        } else {
            i = k + 1;
        }
    }
    if (cs <= 0) return 0;
    return utf8_valid(s, n) ? 0 : cs;
}

/* ---- tags ------------------------------------------------------------------ */

static size_t start_tag(hx *x, size_t j) {
    const unsigned char *s = x->s;
    size_t n = x->n;
    tagtok t;
    size_t e = parse_tag(s, j, n, &t);
    if (t.eof) return n;
    int id = t.id;
    unsigned f = id < T_OTHER ? TAGS[id].flags : 0;
    if (x->in_head && !(f & F_HEADISH)) x->in_head = 0; /* <head> ends at the first body element */
    size_t content_end;
    switch (id) {
    case T_HTML:
        return e;
    case T_HEAD:
        if (!t.selfclose && x->depth == 0 && x->out.b->len == x->out.base) x->in_head = 1;
        return e;
    case T_BODY:
        x->in_head = 0;
        return e;
    case T_BR:
        if (!x->drop) line_break(&x->out);
        return e;
    case T_META:
        do_meta(x, &t);
        return e;
    case T_TITLE: {
        if (t.selfclose) return e;
        size_t after = skip_raw(s, e, n, id, &content_end);
        if (!x->foreign) set_title(x, s + e, content_end - e, 3, 0);
        return after;
    }
    default:
        break;
    }
    if (f & F_RAW) return t.selfclose ? e : skip_raw(s, e, n, id, &content_end);

    imply_ends(x, id, f);

    /* What the attributes say. */
    int hard = (f & F_DROP) != 0, chrome = 0, kind = K_NONE, protect = 0, pub = 0;
    const attr *datetime = NULL;
    for (int i = 0; i < t.na; i++) {
        const attr *a = &t.a[i];
        const unsigned char *nm = a->name;
        size_t nl = a->nlen;
        if (ieq(nm, nl, "class") || ieq(nm, nl, "id")) {
            if (a->val && class_is_chrome(a->val, a->vlen)) chrome = 1;
        } else if (ieq(nm, nl, "role")) {
            char low[16];
            size_t vl = a->val ? lower_copy(low, sizeof low, a->val, a->vlen) : 0;
            if (vl && in_list(DROP_ROLES, COUNT(DROP_ROLES), low, vl)) hard = 1;
            if (vl == 4 && !memcmp(low, "main", 4)) kind = K_MAIN;
        } else if (ieq(nm, nl, "itemprop")) {
            if (a->val && has_token(a->val, a->vlen, "articlebody")) kind = K_BODY;
            if (a->val && has_token(a->val, a->vlen, "datepublished")) pub = 1;
        } else if (ieq(nm, nl, "hidden")) {
            hard = 1;
        } else if (ieq(nm, nl, "style")) {
            if (a->val && style_hides(a->val, a->vlen)) hard = 1;
        } else if (ieq(nm, nl, "datetime")) {
            datetime = a;
        } else if (ieq(nm, nl, "pubdate")) {
            pub = 1;
        }
    }
    if (id == T_ARTICLE) kind = K_ARTICLE;
    else if (id == T_MAIN) kind = K_MAIN;
    if (kind) protect = 1; /* never drop the article for its class name */
    if (id == T_HEADER && !x->ncand) hard = 1; /* page header; one inside the article holds its headline */
    if (hard) chrome = 0;
    if (protect) chrome = 0;

    if (id == T_TIME && datetime && !hard && !chrome && !x->drop && !x->soft) set_date(x, datetime, pub ? 3 : 2);

    if (!x->drop) { /* markup inside dropped content (<template><p>) makes no breaks */
        if (f & F_BLOCK) set_break(&x->out, P_PARA);
        else if (f & F_CELL) set_break(&x->out, P_SPACE);
    }
    if ((f & F_VOID) || t.selfclose) return e; /* <div/> is taken as empty: safer than swallowing the page */

    if (x->depth >= MAX_DEPTH) {
        x->overflow++;
        return e;
    }
    elem *el = &x->st[x->depth];
    memset(el, 0, sizeof *el);
    el->tag = (uint16_t)id;
    el->hash = t.hash;
    el->start = x->out.b->len;
    if (f & F_BLOCK) el->fl |= E_BLOCK;
    else if (f & F_CELL) el->fl |= E_CELL;
    if (chrome && !x->drop && x->nsoft >= MAX_SOFT) hard = 1;
    if (hard) {
        el->fl |= E_DROP;
        x->drop++;
    } else if (chrome && !x->drop) {
        if (x->nsoft == x->capsoft) {
            size_t cap = x->capsoft ? x->capsoft * 2 : 64;
            span *ns = realloc(x->softs, cap * sizeof *ns);
            if (!ns) {
                x->oom = 1;
                return n;
            }
            x->softs = ns;
            x->capsoft = cap;
        }
        span *sp = &x->softs[x->nsoft];
        sp->start = sp->end = x->out.b->len;
        sp->brk = x->out.pending;
        el->soft = x->nsoft++;
        el->fl |= E_SOFT;
        x->soft++;
    }
    if (f & F_PRE) {
        el->fl |= E_PRE;
        x->pre++;
    }
    if (f & F_FOREIGN) {
        el->fl |= E_FOREIGN;
        x->foreign++;
    }
    if (kind && !x->drop) {
        el->kind = (uint8_t)kind;
        if (x->soft) el->fl |= E_INSOFT;
        x->ncand++;
    }
    if (id == T_H1 && !x->drop && x->nh1 < MAX_H1) {
        x->h1[x->nh1].start = x->h1[x->nh1].end = x->out.b->len;
        el->h1 = (uint8_t)++x->nh1;
    }
    if (id == T_Q && !x->drop) {
        el->fl |= E_Q;
        put_cp(&x->out, 0x201C, 0);
    }
    x->counts[id]++;
    x->depth++;
    return e;
}

static size_t end_tag(hx *x, size_t j) {
    tagtok t;
    size_t e = parse_tag(x->s, j, x->n, &t);
    if (t.eof) return x->n;
    int id = t.id;
    unsigned f = id < T_OTHER ? TAGS[id].flags : 0;
    /* Breaks even when the end tag matches nothing: a stray </p> still
     * ends a paragraph, as in browsers. */
    if (!x->drop) {
        if (f & F_BLOCK) set_break(&x->out, P_PARA);
        else if (f & F_CELL) set_break(&x->out, P_SPACE);
    }
    switch (id) {
    case T_BR: /* </br> is read as <br> */
        if (!x->drop) line_break(&x->out);
        return e;
    case T_HEAD:
        x->in_head = 0;
        return e;
    case T_HTML:
    case T_BODY:
        return e;
    default:
        break;
    }
    if (x->overflow) { /* closes one of the elements too deep to track */
        x->overflow--;
        return e;
    }
    if (!x->counts[id]) return e;
    int lim = id == T_OTHER ? (x->depth > OTHER_SCAN ? x->depth - OTHER_SCAN : 0) : 0;
    for (int k = x->depth - 1; k >= lim; k--) {
        if (x->st[k].tag == id && (id != T_OTHER || x->st[k].hash == t.hash)) {
            pop_to(x, k);
            break;
        }
    }
    return e;
}

/* Text between tags. */
static void text(hx *x, const unsigned char *p, size_t n) {
    if (x->drop) return;
    if (x->in_head) {
        size_t i = 0;
        while (i < n && CCLASS[p[i]] == C_WS) i++;
        if (i == n) return;
        x->in_head = 0; /* text in <head> starts the body, as in browsers */
    }
    emit_text(x, &x->out, p, n, x->pre ? M_PRE : 0);
}

/* Index after '>' from i, or n. */
static size_t skip_gt(const unsigned char *s, size_t i, size_t n) {
    const unsigned char *p = i < n ? memchr(s + i, '>', n - i) : NULL;
    return p ? (size_t)(p - s) + 1 : n;
}

/* Markup at s[j] == '<': a tag, comment, doctype, CDATA, processing
 * instruction, or a plain '<' of the text. */
static size_t markup(hx *x, size_t j) {
    const unsigned char *s = x->s;
    size_t n = x->n;
    unsigned c = j + 1 < n ? s[j + 1] : 0;
    if (ACLS[c] & A_ALPHA) return start_tag(x, j);
    if (c == '/') {
        if (j + 2 < n && (ACLS[s[j + 2]] & A_ALPHA)) return end_tag(x, j);
        return skip_gt(s, j + 2, n); /* "</>" and "</ junk>" vanish */
    }
    if (c == '!') {
        if (n - j >= 4 && s[j + 2] == '-' && s[j + 3] == '-') {
            /* Comment: ends at "-->" ("<!-->" and "<!--->" too), or "--!>";
             * unterminated, it runs to the end of the page. */
            for (size_t k = j + 4; k < n;) {
                const unsigned char *p = memchr(s + k, '>', n - k);
                if (!p) return n;
                size_t g = (size_t)(p - s);
                if (s[g - 1] == '-' && s[g - 2] == '-') return g + 1;
                if (g - j >= 6 && s[g - 1] == '!' && s[g - 2] == '-' && s[g - 3] == '-') return g + 1;
                k = g + 1;
            }
            return n;
        }
        if (n - j >= 9 && !memcmp(s + j + 2, "[CDATA[", 7)) {
            for (size_t k = j + 9; k < n;) {
                const unsigned char *p = memchr(s + k, '>', n - k);
                if (!p) return n;
                size_t g = (size_t)(p - s);
                if (g >= j + 11 && s[g - 1] == ']' && s[g - 2] == ']') return g + 1;
                k = g + 1;
            }
            return n;
        }
        return skip_gt(s, j + 2, n); /* <!DOCTYPE ...> and other bogus comments */
    }
    if (c == '?') return skip_gt(s, j + 2, n);
    text(x, s + j, 1); /* "a < b": the '<' is text */
    return j + 1;
}

/* ---- assembly ------------------------------------------------------------ */

static int ws_byte(char c) { return c == ' ' || c == '\n' || c == '\t'; }

/* Break level of a whitespace run. */
static int ws_level(const char *p, size_t n) {
    size_t nl = 0;
    for (size_t i = 0; i < n; i++) nl += p[i] == '\n';
    return nl >= 2 ? P_PARA : nl == 1 ? P_NL : n ? P_SPACE : P_NONE;
}

typedef struct joiner {
    strbuf *b;
    int brk; /* break owed before the next piece */
} joiner;

/* Append a piece of text, trimming its edges; the joint gets the stronger
 * of the breaks on either side. */
static void join_piece(joiner *jn, const char *p, size_t n) {
    size_t i = 0, e = n;
    while (i < n && ws_byte(p[i])) i++;
    int lead = ws_level(p, i);
    if (lead > jn->brk) jn->brk = lead;
    if (i == n) return;
    while (e > i && ws_byte(p[e - 1])) e--;
    if (jn->b->len) {
        static const char *const BRK[] = {"", " ", "\n", "\n\n"};
        sb_puts(jn->b, BRK[jn->brk]);
    }
    sb_putn(jn->b, p + i, e - i);
    jn->brk = ws_level(p + e, n - e);
}

/* Append text[lo, hi) minus the cut spans (sorted, disjoint). */
static void join_range(joiner *jn, const char *text, size_t lo, size_t hi, const span *cut, size_t ncut) {
    size_t a = 0, b = ncut; /* first cut ending after lo */
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (cut[m].end <= lo) a = m + 1;
        else b = m;
    }
    size_t p = lo;
    for (size_t k = a; p < hi && k < ncut && cut[k].start < hi; k++) {
        if (cut[k].start > p) join_piece(jn, text + p, cut[k].start - p);
        if (cut[k].brk > jn->brk) jn->brk = cut[k].brk;
        if (cut[k].end > p) p = cut[k].end;
    }
    if (p < hi) join_piece(jn, text + p, hi - p);
}

static int in_cut(const span *cut, size_t ncut, size_t pos) {
    size_t a = 0, b = ncut;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (cut[m].end <= pos) a = m + 1;
        else b = m;
    }
    return a < ncut && cut[a].start <= pos;
}

/* Length of s[start, end) without its whitespace edges. */
static size_t trimmed_len(const char *s, span r) {
    while (r.start < r.end && ws_byte(s[r.start])) r.start++;
    while (r.end > r.start && ws_byte(s[r.end - 1])) r.end--;
    return r.end - r.start;
}

/* Choose the article span, cut the chrome spans, prepend the h1. */
static int finish(hx *x) {
    strbuf *b = x->out.b;
    size_t base = x->out.base;
    if (b->oom || !b->s) return b->oom ? DYAD_ENOMEM : DYAD_OK;
    size_t len = b->len;
    const char *txt = b->s;

    /* Clamp every span to the text, then measure the chrome (union of the
     * soft spans, which are sorted by start). */
    size_t chrome = 0, cend = base;
    for (size_t i = 0; i < x->nsoft; i++) {
        span *r = &x->softs[i];
        if (r->end > len) r->end = len;
        if (r->start > r->end) r->start = r->end;
        size_t st = r->start > cend ? r->start : cend;
        if (r->end > st) {
            chrome += r->end - st;
            cend = r->end;
        }
    }
    size_t total = len - base, plain = total - chrome;

    /* The article: the largest candidate of the preferred kind holding a
     * sixth of the page's non-chrome text; candidates inside chrome only
     * when nothing else qualifies. */
    span art = {0, 0, 0};
    int have = 0;
    for (int in_soft = 0; in_soft < 2 && !have; in_soft++) {
        for (int kind = K_ARTICLE; kind < K_N && !have; kind++) {
            span c = x->best[in_soft][kind];
            size_t tl = c.end > c.start ? trimmed_len(txt, c) : 0;
            if (tl && tl >= plain / 6) {
                art = c;
                have = 1;
            }
        }
    }

    /* Chrome spans to cut: all but those enclosing the article or, with no
     * article, those enclosing the first <h1> and most of the page (a
     * wrapper whose class only looks like chrome).  Merged in place. */
    span h1_0 = x->nh1 ? x->h1[0] : (span){0, 0, 0};
    size_t ncut = 0;
    for (size_t i = 0; i < x->nsoft; i++) {
        span r = x->softs[i];
        int keep = have ? (r.start <= art.start && r.end >= art.end)
                        : (x->nh1 && r.start <= h1_0.start && r.end >= h1_0.end && r.end - r.start > total / 2);
        if (keep) continue;
        if (ncut && r.start < x->softs[ncut - 1].end) {
            span *m = &x->softs[ncut - 1];
            if (r.end > m->end) m->end = r.end;
            if (r.brk > m->brk) m->brk = r.brk;
        } else {
            x->softs[ncut++] = r;
        }
    }
    const span *cut = x->softs;

    /* The page's headline: the first kept <h1>. */
    span h1 = {0, 0, 0};
    int have_h1 = 0;
    for (int i = 0; i < x->nh1 && !have_h1; i++) {
        span r = x->h1[i];
        if (r.end > len) r.end = len;
        if (r.start >= r.end || in_cut(cut, ncut, r.start) || !trimmed_len(txt, r)) continue;
        h1 = r;
        have_h1 = 1;
    }
    if (have_h1 && !x->title_prio) { /* title fallback: the h1 on one line */
        sink_reset(&x->title);
        for (size_t i = h1.start; i < h1.end; i++) {
            if (ws_byte(txt[i])) set_break(&x->title, P_SPACE);
            else sink_put(&x->title, txt + i, 1);
        }
    }

    if (!have && !ncut) { /* nothing to rearrange: trim the tail */
        while (b->len > base && ws_byte(b->s[b->len - 1])) b->len--;
        b->s[b->len] = '\0';
        return DYAD_OK;
    }
    strbuf tmp;
    sb_init(&tmp);
    if (sb_grow(&tmp, total)) return DYAD_ENOMEM;
    joiner jn = {&tmp, P_NONE};
    if (have) {
        if (have_h1 && (h1.start < art.start || h1.start >= art.end)) {
            size_t h1end = h1.start < art.start && h1.end > art.start ? art.start : h1.end; /* unclosed h1 */
            join_range(&jn, txt, h1.start, h1end, cut, ncut);
            jn.brk = P_PARA;
        }
        join_range(&jn, txt, art.start, art.end, cut, ncut);
    } else {
        join_range(&jn, txt, base, len, cut, ncut);
    }
    if (!tmp.len && !have && !tmp.oom) /* all of it looked like chrome: more likely a misreading */
        join_range(&jn, txt, base, len, NULL, 0);
    int rc = tmp.oom ? DYAD_ENOMEM : DYAD_OK;
    if (!rc) {
        b->len = base;
        sb_putn(b, tmp.s ? tmp.s : "", tmp.len);
        b->s[b->len] = '\0';
    }
    sb_free(&tmp);
    return rc;
}

/* ---- entry points ---------------------------------------------------------- */

/* Page to article text, title and date; the contract is in html.h.  The
 * state (about 25 KB, mostly the element stack) is one calloc per call;
 * the chrome span vector grows geometrically. */
int html_extract(const char *html, size_t len, strbuf *out, strbuf *title, strbuf *meta_date) {
    if (!out || (!html && len)) return DYAD_EINVAL;
    strbuf tscratch, dscratch;
    sb_init(&tscratch);
    sb_init(&dscratch);
    hx *x = calloc(1, sizeof *x);
    if (!x) return DYAD_ENOMEM;
    const unsigned char *s = (const unsigned char *)html;
    size_t n = html ? len : 0;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) { /* byte order mark */
        s += 3;
        n -= 3;
    }
    x->s = s;
    x->n = n;
    sink_init(&x->out, out);
    sink_init(&x->title, title ? title : &tscratch);
    sink_init(&x->date, meta_date ? meta_date : &dscratch);
    /* Markup is most of a page: a quarter of it is a fair first guess. */
    sb_grow(out, n / 4 + 64);
    x->legacy = detect_charset(s, n);

    size_t i = 0;
    while (i < n && !x->oom) {
        const unsigned char *lt = memchr(s + i, '<', n - i);
        size_t j = lt ? (size_t)(lt - s) : n;
        if (j > i) text(x, s + i, j - i);
        if (j >= n) break;
        i = markup(x, j);
    }
    while (x->depth) pop(x);

    int rc = x->oom ? DYAD_ENOMEM : finish(x);
    if (!rc && (out->oom || x->title.b->oom || x->date.b->oom)) rc = DYAD_ENOMEM;
    free(x->softs);
    free(x);
    sb_free(&tscratch);
    sb_free(&dscratch);
    return rc;
}

static int sorted(const char *const *list, size_t n) {
    for (size_t i = 1; i < n; i++) {
        if (namecmp(list[i - 1], strlen(list[i - 1]), list[i], strlen(list[i])) >= 0) return 0;
    }
    return 1;
}

/* 0 when every table is sorted for binary search and the tag ids line up
 * with TAGS; otherwise the number of the first failed check. */
int html_selfcheck(void) {
    for (size_t i = 0; i < COUNT(ENTS); i++) {
        if (ENTS[i].len != strlen(ENTS[i].name)) return 1;
        if (i && namecmp(ENTS[i - 1].name, ENTS[i - 1].len, ENTS[i].name, ENTS[i].len) >= 0) return 2;
    }
    if (COUNT(TAGS) != T_OTHER) return 3;
    for (size_t i = 0; i < COUNT(TAGS); i++) {
        if (TAGS[i].len != strlen(TAGS[i].name)) return 4;
        if (i && namecmp(TAGS[i - 1].name, TAGS[i - 1].len, TAGS[i].name, TAGS[i].len) >= 0) return 5;
    }
    if (!sorted(CHROME_WORDS, COUNT(CHROME_WORDS)) || !sorted(CHROME_TOKENS, COUNT(CHROME_TOKENS)) ||
        !sorted(MODIFIER_WORDS, COUNT(MODIFIER_WORDS)) || !sorted(TAXONOMY_WORDS, COUNT(TAXONOMY_WORDS)) ||
        !sorted(DROP_ROLES, COUNT(DROP_ROLES)) || !sorted(DATE_NAMES, COUNT(DATE_NAMES)) ||
        !sorted(LEGACY_CHARSETS, COUNT(LEGACY_CHARSETS)) || !sorted(LATIN9_CHARSETS, COUNT(LATIN9_CHARSETS)))
        return 6;
    if (T_H6 - T_H1 != 5) return 7;
    return 0;
}
