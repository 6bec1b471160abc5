/* sentence.c -- the sentence splitter: token ranges from tokens.
 *
 * Rule-based, over the token array only (flags, kinds and the token text),
 * in one left-to-right pass.  A boundary falls:
 *  - before a paragraph break (blank line, or line break + indentation as
 *    in Reuters wire text) -- always;
 *  - after . ? ! ... and runs of them, plus the closing quotes and brackets
 *    glued to them (He said "no."  (See below.)), unless the next token
 *    continues the sentence: a lower-case word ('Why?' he asked.), a comma
 *    or similar;
 *  - after an abbreviation that kept its period only when a clear sentence
 *    starter follows (in the U.S. The ...); never after a title (Mr. Dr.)
 *    or an initial (George W. Bush);
 *  - after a headline: the first line of the document when a line break
 *    follows and the line does not read as hard-wrapped prose, and an
 *    all-caps line followed by a mixed-case line; after an all-caps
 *    headline run into its story on the same line (three or more all-caps
 *    words, then "Three people ..."); after a line closed by a square
 *    bracket ("[Name, Outlet]") when the next line opens with capitals;
 *  - around lines made only of punctuation, and before bullet items.
 *  - around e-mail header stamps ("Kay Mann 04/26/2001 07:17 AM Will you
 *    ..."): before the date unless a lower-case word or , : leads into it
 *    (sent on 08/16/2000 ...), and after the time (and AM/PM);
 *  - after a sign-off and its comma when a capitalised word (the name)
 *    follows: "Thanks, Sara", "Best regards, Debra";
 *  - after a one-word salutation and its , or : when the next word is one
 *    that is capitalised only at the start of a sentence ("Tana, Please
 *    review ...", "Jill: As discussed ...");
 *  - before a photo credit label ("Image:", "Photo:", "Video:") that follows
 *    a caption without final punctuation ("Playstation VR demo Image: Nick
 *    Moreau.").
 * A single line break is not a boundary: Reuters-21578 text is hard-wrapped.
 *
 * Wire datelines opening a paragraph ("NAIROBI (Reuters) -", "WASHINGTON,
 * March 3 (AP) --", "LONDON --": an all-caps place, then a dash) are a
 * sentence of their own, as EWT has them: left in the first sentence they
 * would be parsed as its subject.  Mixed-case datelines ("Taipei, Taiwan
 * --", Wikinews style) stay attached, as GUM has them. */
#include <string.h>

#include "doc.h"
#include "tokenize.h"

/* Does token t spell exactly the NUL-terminated w? */
static int tok_is(const dyad_doc *d, const tok *t, const char *w) {
    size_t n = t->end - t->start;
    return strlen(w) == n && memcmp(d->text + t->start, w, n) == 0;
}

/* First byte of token t. */
static unsigned char tok_c0(const dyad_doc *d, const tok *t) { return (unsigned char)d->text[t->start]; }

/* Kinds of sentence-final tokens. */
enum { FIN_NONE = 0, FIN_PERIOD, FIN_QE, FIN_ELLIPSIS, FIN_ABBREV };

static int final_kind(const dyad_doc *d, const tok *t) {
    if (t->kind == TOK_ABBREV) return FIN_ABBREV;
    if (t->kind != TOK_PUNCT) return FIN_NONE;
    const unsigned char *s = (const unsigned char *)d->text + t->start;
    size_t n = t->end - t->start;
    if (s[0] == '.' || s[0] == '?' || s[0] == '!') {
        int qe = 0;
        for (size_t i = 0; i < n; i++)
            if (s[i] == '?' || s[i] == '!') qe = 1;
        if (qe) return FIN_QE;
        return n == 1 ? FIN_PERIOD : FIN_ELLIPSIS;
    }
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xA6) return FIN_ELLIPSIS; /* … */
    return FIN_NONE;
}

/* A closing quote or bracket that belongs to the sentence before it. */
static int is_closer(const dyad_doc *d, const tok *t) {
    if (t->flags & (TOKF_SPACE_BEFORE | TOKF_NL_BEFORE)) return 0;
    if (t->kind == TOK_QUOTE) return !(t->flags & TOKF_OPEN_QUOTE);
    if (t->kind == TOK_PUNCT && t->end - t->start == 1) {
        unsigned char c = tok_c0(d, t);
        return c == ')' || c == ']' || c == '}';
    }
    return 0;
}

/* A word starting with a lower-case letter. */
static int is_lower_word(const tok *t) {
    return (t->flags & TOKF_HAS_ALPHA) && !(t->flags & TOKF_UPPER) && t->kind != TOK_NUM &&
           (t->kind == TOK_WORD || t->kind == TOK_ABBREV || t->kind == TOK_CLITIC);
}

/* Punctuation that continues a sentence: , ; : and closing brackets. */
static int is_continuer(const dyad_doc *d, const tok *t) {
    if (t->kind != TOK_PUNCT || t->end - t->start != 1) return 0;
    unsigned char c = tok_c0(d, t);
    return c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '}' || c == '-';
}

/* A bullet at the start of a line: * - • · ▪ ● or "1." "1)" "a)". */
static int is_bullet(const dyad_doc *d, size_t i) {
    const tok *t = &d->toks[i];
    if (t->kind == TOK_WORD || t->end - t->start > 3) return 0; /* the usual case, quickly */
    const unsigned char *s = (const unsigned char *)d->text + t->start;
    size_t n = t->end - t->start;
    if (n == 1 && (s[0] == '*' || s[0] == '-')) return 1;
    if (n == 3 && s[0] == 0xE2 && ((s[1] == 0x80 && (s[2] == 0xA2 || s[2] == 0x93 || s[2] == 0x94)) ||
                                   (s[1] == 0x96 && s[2] == 0xAA) || (s[1] == 0x97 && s[2] == 0x8F)))
        return 1;
    if (n == 2 && s[0] == 0xC2 && s[1] == 0xB7) return 1;
    if (i + 1 < d->ntok && t->kind == TOK_NUM && n <= 2) {
        const tok *u = &d->toks[i + 1];
        if (!(u->flags & TOKF_SPACE_BEFORE) && (tok_is(d, u, ")") || tok_is(d, u, "."))) return 1;
    }
    return 0;
}

/* Index one past the last token of the line that starts at token i. */
static size_t line_end(const dyad_doc *d, size_t i) {
    size_t j = i + 1;
    while (j < d->ntok && !(d->toks[j].flags & TOKF_NL_BEFORE)) j++;
    return j;
}

/* The line that starts at token a has only punctuation and symbols. */
static int punct_line(const dyad_doc *d, size_t a) {
    for (size_t i = a; i < d->ntok && (i == a || !(d->toks[i].flags & TOKF_NL_BEFORE)); i++) {
        int k = d->toks[i].kind;
        if (k != TOK_PUNCT && k != TOK_SYMBOL && k != TOK_QUOTE) return 0;
    }
    return 1;
}

/* Line [a,b) is in capitals: at least two words, all ALLCAPS. */
static int caps_line(const dyad_doc *d, size_t a, size_t b) {
    int words = 0;
    for (size_t i = a; i < b; i++) {
        unsigned f = d->toks[i].flags;
        if (!(f & TOKF_HAS_ALPHA)) continue;
        if (!(f & TOKF_ALLCAPS)) return 0;
        words++;
    }
    return words >= 2;
}

/* Byte length of line [a,b). */
static size_t line_bytes(const dyad_doc *d, size_t a, size_t b) { return d->toks[b - 1].end - d->toks[a].start; }

/* Case-sensitive membership of token t in a NULL-terminated word list. */
static int tok_in(const dyad_doc *d, const tok *t, const char *const *list) {
    for (size_t k = 0; list[k]; k++)
        if (tok_is(d, t, list[k])) return 1;
    return 0;
}

/* Firms' legal forms, which continue a name over a line break. */
static const char *const LEGAL_FORMS[] = {"Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Cos", "Ltd", "Ltd.", "Plc",
                                          "PLC", "plc", "LP", "L.P.", "AG", "SA", "S.A.", "NV", "N.V.", "GmbH",
                                          "Bhd", "Pty", "SpA", "AB", "Oy", "KK", NULL};

/* Words a line of prose breaks after but a headline never ends in. */
static const char *const RUN_ON[] = {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with",
                                     "and", "or", "but", "its", "his", "her", "their", "our", "that", "which",
                                     "who", "said", "says", "is", "are", "was", "were", "has", "have", "had",
                                     "will", "would", "as", "than", NULL};

/* Is line [a,b), followed by another line, a headline of its own?  Called
 * for line breaks that are not paragraph breaks.  The end of the next line
 * is found only when needed: most lines fail the first tests. */
static int headline(const dyad_doc *d, size_t a, size_t b, int first_line) {
    const tok *last = &d->toks[b - 1], *nx = &d->toks[b];
    if (final_kind(d, last) != FIN_NONE) return 0;
    if (last->kind == TOK_PUNCT) return 0; /* , : - (a dateline) */
    if (!first_line && (last->flags & TOKF_HAS_ALPHA) && !(last->flags & TOKF_ALLCAPS))
        return 0; /* caps_line(a, b) fails */
    size_t c = line_end(d, b);
    if (caps_line(d, a, b) && !caps_line(d, b, c)) return 1;
    if (!first_line) return 0;
    if (!(nx->flags & TOKF_UPPER) && nx->kind != TOK_NUM && nx->kind != TOK_QUOTE) return 0;
    /* No headline ends in "the", "of", "its" or "said": the sentence runs on;
     * nor is a firm's legal form the first word of a story ("Musto
     * Explorations" + "Ltd said ..."). */
    if (is_lower_word(last) && tok_in(d, last, RUN_ON)) return 0;
    if (tok_in(d, nx, LEGAL_FORMS)) return 0;
    /* Hard-wrapped prose has lines of similar length; a headline is short or
     * ends in a capitalised word or number.  But the first line of a wire
     * story whose dateline was cut off ("The volume of contracts traded on
     * the" + "New Zealand Futures Exchange ...") is short too, and its last
     * word is often a name's first ("offer for Dome" + "Petroleum Ltd"):
     * when the lines after it are hard-wrapped prose of the same paragraph,
     * it is no headline (an all-caps one was taken above; a title-cased
     * headline with wrapped prose right under it, no blank line between,
     * is rarer than a name broken over the first line break: "Belgian
     * Budget Minister Guy" + "Verhofstadt has proposed"). */
    int wrapped = 0;
    if (c < d->ntok && !(d->toks[c].flags & TOKF_PARA_BEFORE)) {
        size_t e = line_end(d, c);
        wrapped = line_bytes(d, b, c) >= 40 && line_bytes(d, c, e) >= 40;
    }
    if (wrapped) return 0;
    if (last->flags & (TOKF_UPPER | TOKF_HAS_DIGIT)) return 1;
    return line_bytes(d, a, b) * 10 < line_bytes(d, b, c) * 7;
}

/* Does token t spell n1 digits, '/', n2 digits (and so on), with groups of
 * lengths within [lo,hi], in exactly ngroups groups separated by sep? */
static int digit_groups(const dyad_doc *d, const tok *t, unsigned char sep, int ngroups, int lo, int hi) {
    const unsigned char *s = (const unsigned char *)d->text + t->start;
    size_t n = t->end - t->start, i = 0;
    for (int g = 0; g < ngroups; g++) {
        size_t a = i;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
        if ((int)(i - a) < lo || (int)(i - a) > hi) return 0;
        if (g + 1 < ngroups) {
            if (i >= n || s[i] != sep) return 0;
            i++;
        }
    }
    return i == n;
}

/* A date like 08/16/2000 or 10/08/99 (one token: the tokenizer keeps
 * digit/digit together). */
static int is_date(const dyad_doc *d, const tok *t) {
    if (t->kind != TOK_NUM || t->end - t->start < 6 || t->end - t->start > 10) return 0;
    const char *s = d->text + t->start;
    if (s[1] != '/' && s[2] != '/') return 0;
    return digit_groups(d, t, '/', 3, 1, 4);
}

/* A clock time like 12:05 or 03:14:14. */
static int is_time(const dyad_doc *d, const tok *t) {
    if (t->kind != TOK_NUM) return 0;
    return digit_groups(d, t, ':', 2, 1, 2) || digit_groups(d, t, ':', 3, 1, 2);
}

/* Number of tokens of an e-mail header stamp (date, time, optional AM/PM)
 * starting at token i, or 0. */
static size_t stamp_len(const dyad_doc *d, size_t i) {
    const char *s = d->text + d->toks[i].start; /* NUL-terminated: s[2] is safe after s[1] */
    if (!(s[1] == '/' || (s[1] != '\0' && s[2] == '/'))) return 0; /* the usual number, quickly */
    if (i + 1 >= d->ntok || !is_date(d, &d->toks[i]) || !is_time(d, &d->toks[i + 1])) return 0;
    if (i + 2 < d->ntok) {
        const tok *u = &d->toks[i + 2];
        if (u->end - u->start == 2 && !(u->flags & TOKF_NL_BEFORE)) {
            unsigned char a = (unsigned char)d->text[u->start] | 0x20, m = (unsigned char)d->text[u->start + 1] | 0x20;
            if ((a == 'a' || a == 'p') && m == 'm') return 3;
        }
    }
    return 2;
}

/* Sign-offs that end a message before the sender's name. */
static int sign_off(const dyad_doc *d, size_t a, size_t b) {
    static const char *const one[] = {"Thanks", "Regards", "Sincerely", "Cheers", "Respectfully", "Best", "Love",
                                      "Thx", "Cordially", "Yours", NULL};
    static const char *const two_a[] = {"Thank", "Best", "Kind", "Warm", "Warmest", "Many", "Best", "With",
                                        "Yours", NULL};
    static const char *const two_b[] = {"you", "regards", "wishes", "thanks", "Regards", "Wishes", "truly",
                                        "sincerely", NULL};
    if (b == a + 1) return tok_in(d, &d->toks[a], one);
    if (b == a + 2) return tok_in(d, &d->toks[a], two_a) && tok_in(d, &d->toks[a + 1], two_b);
    return 0;
}

/* Capitalised words that start a sentence rather than continue one after a
 * salutation's comma: "Tana, Please review ...". */
static int opener_word(const dyad_doc *d, const tok *t) {
    static const char *const w[] = {"Please", "Attached", "Per", "Let", "Thanks", "Thank", "Can", "Could", "Would",
                                    "Will", "Do", "Did", "Are", "Is", "You", "Hope", "Sorry", "Try", "FYI",
                                    "Any", "Good", "Great", NULL};
    if (!(t->flags & TOKF_UPPER) || t->kind != TOK_WORD) return 0;
    if (tok_is(d, t, "I")) return 0; /* "Yes, I think so." */
    return tok_in(d, t, w) || tok_sentence_starter(d->text + t->start, t->end - t->start);
}

/* Labels of photo and video credits under a caption. */
static int credit_label(const dyad_doc *d, size_t i) {
    static const char *const w[] = {"Image", "Photo", "Photograph", "Picture", "Video", "Credit", "Photos",
                                    "Images", NULL};
    if (i + 1 >= d->ntok) return 0;
    const tok *u = &d->toks[i + 1];
    if (u->kind != TOK_PUNCT || (u->flags & TOKF_SPACE_BEFORE) || !tok_is(d, u, ":")) return 0;
    /* the credit is a name: "Image: Nick Moreau", not "Image: a new brand" */
    if (i + 2 >= d->ntok || !(d->toks[i + 2].flags & TOKF_UPPER)) return 0;
    return tok_in(d, &d->toks[i], w);
}

/* Sign-off, salutation and credit rules: should the sentence [start, ...)
 * end after token t?  The caller calls only for a , or : among the first
 * three tokens of a sentence, or before a capitalised word glued to a colon. */
static int web_cut(const dyad_doc *d, size_t start, size_t t) {
    const tok *cur = &d->toks[t], *nx = &d->toks[t + 1];
    if (!(nx->flags & TOKF_UPPER) || nx->kind != TOK_WORD) return 0;
    if (cur->kind == TOK_PUNCT) {
        unsigned char c = tok_c0(d, cur);
        if (cur->end - cur->start != 1 || (c != ',' && c != ':') || t == start || t > start + 2) return 0;
        if (c == ',' && sign_off(d, start, t)) return 1;
        /* Labels like "Note: The ..." introduce, they do not greet. */
        static const char *const labels[] = {"Note", "Notes", "Source", "Sources", "Re", "Subject", "Date", "From",
                                             "To", "Cc", "Update", "Editor", "Correction", "Example", "Warning",
                                             "Question", "Answer", "Summary", "Background", "Update", NULL};
        const tok *w = &d->toks[start];
        return t == start + 1 && w->kind == TOK_WORD && (w->flags & TOKF_UPPER) && !(w->flags & TOKF_ALLCAPS) &&
               !tok_sentence_starter(d->text + w->start, w->end - w->start) && !sign_off(d, start, t) &&
               !tok_in(d, w, labels) && opener_word(d, nx);
    }
    /* a credit label after a caption: "... demo Image: Nick Moreau." */
    if (t + 1 == start || !(cur->kind == TOK_WORD || cur->kind == TOK_ABBREV || cur->kind == TOK_NUM)) return 0;
    return credit_label(d, t + 1);
}

/* Should a sentence end after a final token of type fin when m is the next
 * token (after any closers; had_closer tells if there were any)? */
static int ends_before(const dyad_doc *d, const tok *fin_tok, int fin, const tok *m, int had_closer) {
    if (m->flags & TOKF_PARA_BEFORE) return 1;
    if (is_continuer(d, m)) return 0;
    if (final_kind(d, m) != FIN_NONE && m->kind != TOK_ABBREV) return 0;
    switch (fin) {
    case FIN_PERIOD:
        return 1;
    case FIN_QE:
        return !(is_lower_word(m) && had_closer);
    case FIN_ELLIPSIS:
        return (m->flags & TOKF_UPPER) || m->kind == TOK_QUOTE;
    case FIN_ABBREV: {
        const char *s = d->text + fin_tok->start;
        size_t n = fin_tok->end - fin_tok->start - 1;
        int c = tok_abbrev_class(s, n);
        if (c == ABBR_TITLE) return 0;
        if (n == 1) return 0; /* an initial */
        if (m->kind == TOK_QUOTE && (m->flags & TOKF_OPEN_QUOTE) && c != ABBR_MONTH) return 1;
        return tok_sentence_starter(d->text + m->start, m->end - m->start);
    }
    default:
        return 0;
    }
}

/* Is t a dash standing alone between spaces: - -- — – ? */
static int is_spaced_dash(const dyad_doc *d, size_t t) {
    const tok *k = &d->toks[t];
    if (k->kind != TOK_PUNCT || !(k->flags & TOKF_SPACE_BEFORE) || t + 1 >= d->ntok ||
        !(d->toks[t + 1].flags & TOKF_SPACE_BEFORE))
        return 0;
    return tok_is(d, k, "-") || tok_is(d, k, "--") || tok_is(d, k, "\xE2\x80\x94") || tok_is(d, k, "\xE2\x80\x93");
}

/* Do tokens [start, dash) form a wire dateline: at the start of the text
 * or of a paragraph, an all-caps word first, then only all-caps words,
 * commas, periods, numbers, capitalised words after a comma ("March 3")
 * and one parenthesised agency ("(Reuters)")?  At most 12 tokens. */
static int is_dateline(const dyad_doc *d, size_t start, size_t dash) {
    if (dash <= start || dash - start > 12) return 0;
    if (start > 0 && !(d->toks[start].flags & TOKF_PARA_BEFORE)) return 0;
    const tok *f = &d->toks[start];
    if (f->kind != TOK_WORD || !(f->flags & TOKF_ALLCAPS) || f->end - f->start < 2) return 0;
    int paren = 0, after_comma = 0;
    for (size_t t = start + 1; t < dash; t++) {
        const tok *k = &d->toks[t];
        if (tok_is(d, k, "(")) {
            if (paren) return 0;
            paren = 1;
        } else if (tok_is(d, k, ")")) {
            if (paren != 1) return 0;
            paren = 2;
        } else if (paren == 1) {
            if (!(k->flags & TOKF_HAS_ALPHA)) return 0; /* the agency inside */
        } else if (tok_is(d, k, ",")) {
            after_comma = 1;
        } else if (tok_is(d, k, ".")) {
            continue;
        } else if (k->kind == TOK_NUM) {
            continue;
        } else if ((k->kind == TOK_WORD || k->kind == TOK_ABBREV) && (k->flags & TOKF_ALLCAPS)) {
            continue;
        } else if ((k->kind == TOK_WORD || k->kind == TOK_ABBREV) && (k->flags & TOKF_UPPER) && after_comma) {
            continue;
        } else {
            return 0;
        }
    }
    return paren != 1;
}

int sent_run(dyad_doc *d) {
    if (!d) return DYAD_EINVAL;
    d->nsent = 0;
    size_t n = d->ntok;
    if (!n) return DYAD_OK;
    size_t start = 0, line_a = 0;
    int first_line = 1, prev_bullet = is_bullet(d, 0);
    size_t stamp_end = d->toks[0].kind == TOK_NUM ? stamp_len(d, 0) : 0; /* end of the last header stamp */
    int caps = 0; /* all-caps words since the sentence's start, -1 once a lower-case letter came */
    for (size_t t = 0; t < n; t++) {
        if (t + 1 >= n) break;
        size_t cut = 0; /* boundary after token cut-1, when nonzero */
        tok *cur = &d->toks[t], *nx = &d->toks[t + 1];
        if (t == start) caps = 0;
        if (caps >= 0 && (cur->flags & TOKF_HAS_ALPHA)) /* letters of "S-K-I" are no headline words */
            caps = !(cur->flags & TOKF_ALLCAPS) ? -1 : caps + (cur->end - cur->start >= 2);
        int fin = final_kind(d, cur);
        if (fin != FIN_NONE) {
            size_t j = t + 1;
            while (j < n && is_closer(d, &d->toks[j])) j++;
            if (j >= n) {
                t = j - 1;
                break;
            }
            if (ends_before(d, cur, fin, &d->toks[j], j > t + 1)) cut = j;
            if (cut) {
                t = j - 1;
                nx = &d->toks[j];
            }
        }
        if (!cut && nx->flags & TOKF_PARA_BEFORE) cut = t + 1;
        /* A headline run into its story on one line, as in newsletter
         * digests ("TWO DEAD, 16 INJURED IN NIGHTCLUB SHOOTING Three people
         * have been detained"): three or more all-caps words from the
         * sentence's start, then a capitalised word and a lower-case one.
         * An all-caps text never has the mixed-case word. */
        if (!cut && caps >= 3 && cur->kind == TOK_WORD && cur->end - cur->start >= 2 && nx->kind == TOK_WORD && (nx->flags & TOKF_UPPER) &&
            !(nx->flags & TOKF_ALLCAPS) && nx->end - nx->start >= 2 && t + 2 < n && is_lower_word(&d->toks[t + 2]))
            cut = t + 1;
        /* A line closed by a square bracket (a credit: "[Marina Fang,
         * HuffPost]") ends its sentence before a line that opens with
         * capitals.  Not a parenthesis: hard-wrapped wire text breaks
         * lines after "(Asia)" inside sentences. */
        if (!cut && (nx->flags & TOKF_NL_BEFORE) && tok_is(d, cur, "]") &&
            nx->kind == TOK_WORD && (nx->flags & TOKF_ALLCAPS) && nx->end - nx->start >= 2)
            cut = t + 1;
        if (!cut && t - start <= 12 && is_spaced_dash(d, t) && is_dateline(d, start, t)) cut = t + 1;
        /* E-mail header stamps: a boundary before (see above) and after. */
        if (!cut && t + 1 == stamp_end && !is_continuer(d, nx)) cut = t + 1;
        if (nx->kind == TOK_NUM) {
            size_t k = stamp_len(d, t + 1);
            if (k) {
                stamp_end = t + 1 + k;
                if (!cut && t + 1 > start && !is_lower_word(cur) && !is_continuer(d, cur) && !tok_is(d, cur, "("))
                    cut = t + 1;
            }
        } else if (!cut && (cur->kind == TOK_PUNCT ? t <= start + 2
                                                   : (nx->flags & TOKF_UPPER) && d->text[nx->end] == ':') &&
                   web_cut(d, start, t)) {
            cut = t + 1;
        }
        if (nx->flags & TOKF_NL_BEFORE) {
            /* A line break follows: line [line_a, lend) ends here. */
            size_t lend = t + 1;
            int bullet = is_bullet(d, lend);
            if (!cut) {
                if (headline(d, line_a, lend, first_line) || punct_line(d, line_a) || punct_line(d, lend))
                    cut = lend;
                else if (bullet) {
                    int f = final_kind(d, &d->toks[lend - 1]);
                    if (prev_bullet || f != FIN_NONE || tok_is(d, &d->toks[lend - 1], ":")) cut = lend;
                }
            }
            prev_bullet = bullet;
            first_line = 0;
            line_a = lend;
        }
        /* An emoticon or emoji ends a sentence before a capitalised word
         * (web text: "... community :-) Posted by ..."), and a separator
         * like *** or ===== is a sentence of its own. */
        if (!cut && cur->kind == TOK_SYMBOL && (cur->flags & TOKF_NONASCII || cur->end - cur->start >= 2) &&
            (d->toks[t + 1].flags & TOKF_UPPER) && d->toks[t + 1].kind == TOK_WORD &&
            (t > start || cur->end - cur->start >= 3) &&
            !(cur->end - cur->start <= 3 && (tok_c0(d, cur) == '$' || tok_c0(d, cur) == '&' || tok_c0(d, cur) == '%')))
            cut = t + 1;
        if (cut) {
            if (doc_push_sent(d, (uint32_t)start, (uint32_t)cut)) return DYAD_ENOMEM;
            d->toks[cut - 1].flags |= TOKF_SENT_END;
            start = cut;
        }
    }
    if (start < n) {
        if (doc_push_sent(d, (uint32_t)start, (uint32_t)n)) return DYAD_ENOMEM;
        d->toks[n - 1].flags |= TOKF_SENT_END;
    }
    return DYAD_OK;
}
