/* doc.c -- document lifetime, text repair, accessors and the pipeline.
 *
 * dyad_doc_set_text is where every input's bytes become the text that all
 * offsets refer to: it must accept anything (binary, Latin-1, NULs) and
 * either produce clean UTF-8 or mark the document as an error record. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "utf8.h"

int dyad_doc_new(dyad_doc **out) {
    if (!out) return DYAD_EINVAL;
    dyad_doc *d = calloc(1, sizeof *d);
    *out = d;
    if (!d) return DYAD_ENOMEM;
    arena_init(&d->a);
    sb_init(&d->json);
    sb_init(&d->scratch);
    sb_init(&d->raw);
    sb_init(&d->kbuf);
    sb_init(&d->vbuf);
    return DYAD_OK;
}

void dyad_doc_free(dyad_doc *d) {
    if (!d) return;
    arena_free(&d->a);
    free(d->text);
    free(d->toks);
    free(d->an);
    free(d->sents);
    free(d->boiler);
    free(d->dates);
    free(d->places);
    free(d->ents);
    free(d->actors);
    free(d->mentions);
    free(d->quotes);
    free(d->events);
    sb_free(&d->json);
    sb_free(&d->scratch);
    sb_free(&d->raw);
    sb_free(&d->kbuf);
    sb_free(&d->vbuf);
    free(d);
}

void dyad_doc_reset(dyad_doc *d) {
    if (!d) return;
    arena_reset(&d->a);
    d->len = 0;
    if (d->text) d->text[0] = '\0';
    d->text_derived = 0;
    memset(d->field, 0, sizeof d->field);
    memset(d->field_len, 0, sizeof d->field_len);
    d->line = 0;
    d->ntok = d->nsent = d->nboiler = 0;
    d->ndate = d->nplace = 0;
    d->nent = d->nactor = d->nmention = d->nquote = d->nevent = 0;
    d->tone = 0;
    d->has_tone = 0;
    d->tagged = d->parsed = d->presegmented = 0;
    memset(d->stage_ns, 0, sizeof d->stage_ns);
    d->err = DYAD_OK;
    d->errmsg[0] = '\0';
    d->coded = 0;
    d->warn[0] = '\0';
    d->src_name = NULL;
    d->raw_format = 0;
    sb_reset(&d->json);
    sb_reset(&d->scratch);
    sb_reset(&d->raw);
}

int doc_push_tok(dyad_doc *d, const tok *t) {
    if (d->ntok == d->captok && vec_reserve((void **)&d->toks, &d->captok, d->ntok + 1, sizeof *t)) return -1;
    d->toks[d->ntok++] = *t;
    return 0;
}

int doc_push_sent(dyad_doc *d, uint32_t first, uint32_t last) {
    if (d->nsent == d->capsent && vec_reserve((void **)&d->sents, &d->capsent, d->nsent + 1, sizeof *d->sents)) return -1;
    d->sents[d->nsent].first = first;
    d->sents[d->nsent].last = last;
    d->nsent++;
    return 0;
}

int doc_push_boiler(dyad_doc *d, uint32_t start, uint32_t end) {
    if (d->nboiler == d->capboiler &&
        vec_reserve((void **)&d->boiler, &d->capboiler, d->nboiler + 1, sizeof *d->boiler))
        return -1;
    d->boiler[d->nboiler].start = start;
    d->boiler[d->nboiler].end = end;
    d->nboiler++;
    return 0;
}

int doc_push_ent(dyad_doc *d, const dent *e) {
    if (d->nent == d->capent && vec_reserve((void **)&d->ents, &d->capent, d->nent + 1, sizeof *e)) return -1;
    d->ents[d->nent++] = *e;
    return 0;
}

int doc_push_actor(dyad_doc *d, const dactor *a) {
    if (d->nactor == d->capactor && vec_reserve((void **)&d->actors, &d->capactor, d->nactor + 1, sizeof *a))
        return -1;
    d->actors[d->nactor++] = *a;
    return 0;
}

int doc_push_mention(dyad_doc *d, uint32_t start, uint32_t end, int32_t actor) {
    if (d->nmention == d->capmention &&
        vec_reserve((void **)&d->mentions, &d->capmention, d->nmention + 1, sizeof *d->mentions))
        return -1;
    d->mentions[d->nmention].start = start;
    d->mentions[d->nmention].end = end;
    d->mentions[d->nmention].actor = actor;
    d->nmention++;
    return 0;
}

int doc_push_quote(dyad_doc *d, const dquote *q) {
    if (d->nquote == d->capquote && vec_reserve((void **)&d->quotes, &d->capquote, d->nquote + 1, sizeof *q)) return -1;
    d->quotes[d->nquote++] = *q;
    return 0;
}

int doc_push_event(dyad_doc *d, const devent *e) {
    if (d->nevent == d->capevent && vec_reserve((void **)&d->events, &d->capevent, d->nevent + 1, sizeof *e)) return -1;
    d->events[d->nevent++] = *e;
    return 0;
}

/* See doc.h.  Tokens do not overlap, so their ends are sorted too. */
size_t doc_tok_after(const dyad_doc *d, uint32_t b) {
    size_t lo = 0, hi = d->ntok;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->toks[mid].end <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The geoparser emits places in text order and never overlapping (one
 * per toponym), so the places a span touches are found by bisection: a
 * huge document with thousands of toponyms made every lookup a scan. */
size_t doc_place_after(const dyad_doc *d, uint32_t b) {
    size_t lo = 0, hi = d->nplace;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->places[mid].end <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const char *const ent_type_names[ENT_NTYPES] = {
    [ENT_NONE] = "NONE",       [ENT_PERSON] = "PERSON", [ENT_ORG] = "ORG",         [ENT_GPE] = "GPE",
    [ENT_LOC] = "LOC",         [ENT_NORP] = "NORP",     [ENT_FAC] = "FAC",         [ENT_EVENT] = "EVENT",
    [ENT_LAW] = "LAW",         [ENT_PRODUCT] = "PRODUCT", [ENT_WORK_OF_ART] = "WORK_OF_ART", [ENT_MISC] = "MISC",
};

/* Make room for a text of n bytes plus NUL in d->text. */
static int text_reserve(dyad_doc *d, size_t n) {
    if (n >= UINT32_MAX) return DYAD_ETOOBIG; /* offsets are 32-bit */
    if (n + 1 <= d->textcap) return DYAD_OK;
    size_t cap = d->textcap ? d->textcap : 4096;
    while (cap < n + 1) cap *= 2;
    char *p = realloc(d->text, cap);
    if (!p) return DYAD_ENOMEM;
    d->text = p;
    d->textcap = cap;
    return DYAD_OK;
}

int doc_set_text_raw(dyad_doc *d, const char *text, size_t len, int derived) {
    int rc = text_reserve(d, len);
    if (rc) return rc;
    if (len) memcpy(d->text, text, len);
    d->text[len] = '\0';
    d->len = len;
    d->text_derived = derived;
    return DYAD_OK;
}

/* A control byte that we turn into a space (keeping offsets).  Tab, LF,
 * VT, FF and CR are whitespace the tokenizer understands. */
static int is_bad_ctl(unsigned c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v'; }

int dyad_doc_set_text(dyad_doc *d, const char *text, size_t len) {
    if (!d || (!text && len)) return DYAD_EINVAL;
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, invalid = 0, ctl = 0, nul = 0;
    /* One pass to classify; the common case (clean UTF-8) is then a memcpy. */
    while (i < len) {
        /* Eight bytes at a time while they are printable ASCII: no high bit
         * and no byte below 0x20 (the has-less-than bit trick). */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080ull) || ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull)) break;
            i += 8;
        }
        if (i >= len) break;
        unsigned c = s[i];
        if (c < 0x80) {
            if (is_bad_ctl(c)) {
                ctl++;
                if (c == 0) nul++;
            }
            i++;
            continue;
        }
        size_t k = utf8_seq(s + i, len - i);
        if (k) {
            i += k;
        } else {
            invalid++;
            i++;
        }
    }
    /* Binary data: many NULs or control bytes.  A few stray ones are noise
     * (a NUL pasted into a wire story) and are blanked instead. */
    if (len >= 16 && ((nul > 2 && nul * 100 > len) || (ctl > 4 && ctl * 20 > len))) {
        dyad_doc_set_error(d, DYAD_EBINARY, d->line, "%s%ld%sinput looks like binary data (%zu control bytes in %zu)",
                           d->line ? "line " : "", d->line, d->line ? ": " : "", ctl, len);
        return DYAD_EBINARY;
    }
    if (len >= 64 && invalid * 4 > len) { /* short snippets get the benefit of the doubt */
        dyad_doc_set_error(d, DYAD_EUTF8, d->line, "%s%ld%stext is not UTF-8 (%zu invalid bytes in %zu)",
                           d->line ? "line " : "", d->line, d->line ? ": " : "", invalid, len);
        return DYAD_EUTF8;
    }
    if (!invalid) {
        int rc = doc_set_text_raw(d, text, len, 0);
        if (rc) return rc;
        if (ctl)
            for (size_t j = 0; j < len; j++)
                if (is_bad_ctl((unsigned char)d->text[j])) d->text[j] = ' ';
        return DYAD_OK;
    }
    /* Repair: each invalid byte is read as Windows-1252 (the usual culprit in
     * old news feeds), which takes up to 3 bytes in UTF-8. */
    if (len > (SIZE_MAX - 1) / 3) return DYAD_ETOOBIG;
    int rc = text_reserve(d, len + invalid * 2);
    if (rc) return rc;
    char *o = d->text;
    size_t n = 0;
    i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            o[n++] = is_bad_ctl(c) ? ' ' : (char)c;
            i++;
            continue;
        }
        size_t k = utf8_seq(s + i, len - i);
        if (k) {
            memcpy(o + n, s + i, k);
            n += k;
            i += k;
            continue;
        }
        n += utf8_put(o + n, cp1252_decode(c));
        i++;
    }
    o[n] = '\0';
    d->len = n;
    d->text_derived = 1;
    return DYAD_OK;
}

int dyad_doc_set_field(dyad_doc *d, dyad_field f, const char *val, size_t len) {
    if (!d || (unsigned)f >= DYAD_NFIELDS || (!val && len)) return DYAD_EINVAL;
    if (f == DYAD_FIELD_DATE) {
        /* YYYY-MM-DD, optionally followed by a time. */
        if (len < 10) return DYAD_EINVAL;
        for (int k = 0; k < 10; k++) {
            int want_dash = (k == 4 || k == 7);
            if (want_dash ? val[k] != '-' : (val[k] < '0' || val[k] > '9')) return DYAD_EINVAL;
        }
        int mon = (val[5] - '0') * 10 + (val[6] - '0'), day = (val[8] - '0') * 10 + (val[9] - '0');
        if (mon < 1 || mon > 12 || day < 1 || day > 31) return DYAD_EINVAL;
        if (len > 10 && val[10] != 'T' && val[10] != ' ') return DYAD_EINVAL;
        len = 10; /* the record's date is the calendar date */
    }
    char *p = arena_strndup(&d->a, val ? val : "", len);
    if (!p) return DYAD_ENOMEM;
    d->field[f] = p;
    d->field_len[f] = len;
    return DYAD_OK;
}

const char *dyad_doc_field(const dyad_doc *d, dyad_field f) {
    if (!d || (unsigned)f >= DYAD_NFIELDS) return NULL;
    return d->field[f];
}

void dyad_doc_set_error(dyad_doc *d, int rc, long line, const char *fmt, ...) {
    if (!d) return;
    d->err = rc ? rc : DYAD_ERROR;
    if (line) d->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->errmsg, sizeof d->errmsg, fmt, ap);
    va_end(ap);
}

int dyad_doc_error(const dyad_doc *d) { return d ? d->err : DYAD_EINVAL; }
const char *dyad_doc_errmsg(const dyad_doc *d) { return d ? d->errmsg : ""; }

const char *dyad_doc_text(const dyad_doc *d, size_t *len) {
    if (!d) {
        if (len) *len = 0;
        return NULL;
    }
    if (len) *len = d->len;
    return d->text ? d->text : "";
}

size_t dyad_doc_token_count(const dyad_doc *d) { return d ? d->ntok : 0; }

dyad_span dyad_doc_token(const dyad_doc *d, size_t i) {
    dyad_span s = {0, 0};
    if (d && i < d->ntok) {
        s.start = d->toks[i].start;
        s.end = d->toks[i].end;
    }
    return s;
}

size_t dyad_doc_sentence_count(const dyad_doc *d) { return d ? d->nsent : 0; }

dyad_span dyad_doc_sentence(const dyad_doc *d, size_t i, size_t *first, size_t *last) {
    dyad_span s = {0, 0};
    if (first) *first = 0;
    if (last) *last = 0;
    if (!d || i >= d->nsent) return s;
    const sent *se = &d->sents[i];
    if (first) *first = se->first;
    if (last) *last = se->last;
    if (se->last > se->first) {
        s.start = d->toks[se->first].start;
        s.end = d->toks[se->last - 1].end;
    }
    return s;
}

size_t dyad_doc_boilerplate_count(const dyad_doc *d) { return d ? d->nboiler : 0; }

dyad_span dyad_doc_boilerplate(const dyad_doc *d, size_t i) {
    dyad_span s = {0, 0};
    if (d && i < d->nboiler) s = d->boiler[i];
    return s;
}

const char *doc_mode_name(int mode) {
    static const char *const names[] = {"asserted", "negated", "hypothetical"};
    return mode >= MODE_ASSERTED && mode <= MODE_HYPOTHETICAL ? names[mode] : names[MODE_ASSERTED];
}

size_t dyad_doc_event_count(const dyad_doc *d) { return d && !d->err ? d->nevent : 0; }

static const dactor *actor_or_null(const dyad_doc *d, int32_t a) {
    return a >= 0 && (size_t)a < d->nactor ? &d->actors[a] : NULL;
}

int dyad_doc_event(const dyad_doc *d, size_t i, dyad_event *out) {
    if (!d || !out || d->err || i >= d->nevent) return DYAD_EINVAL;
    const devent *e = &d->events[i];
    memset(out, 0, sizeof *out);
    out->sentence = e->sentence;
    out->span.start = e->start;
    out->span.end = e->end;
    out->code = e->code;
    out->quad = e->quad;
    out->goldstein = e->goldstein;
    const dactor *s = actor_or_null(d, e->source), *t = actor_or_null(d, e->target),
                 *c = actor_or_null(d, e->attributed_to);
    if (s) {
        out->source_code = s->code[0] ? s->code : NULL;
        out->source_name = s->name;
        out->source_country = s->country[0] ? s->country : NULL;
    }
    if (t) {
        out->target_code = t->code[0] ? t->code : NULL;
        out->target_name = t->name;
        out->target_country = t->country[0] ? t->country : NULL;
    }
    out->source.start = e->src_start;
    out->source.end = e->src_end;
    out->target.start = e->tgt_start;
    out->target.end = e->tgt_end;
    out->source_actor = s ? e->source : -1;
    out->target_actor = t ? e->target : -1;
    /* the private and public mode numbers are one enumeration */
    out->mode = e->mode == MODE_NEGATED ? DYAD_MODE_NEGATED
              : e->mode == MODE_HYPOTHETICAL ? DYAD_MODE_HYPOTHETICAL : DYAD_MODE_ASSERTED;
    out->attributed_to = c ? e->attributed_to : -1;
    out->attributed_name = c ? c->name : NULL;
    if (e->date >= 0 && (size_t)e->date < d->ndate) out->date = d->dates[e->date].value;
    if (e->place >= 0 && (size_t)e->place < d->nplace) {
        const dplace *p = &d->places[e->place];
        out->place_name = p->name;
        out->place_country = p->country[0] ? p->country : NULL;
        out->lat = p->lat;
        out->lon = p->lon;
    }
    out->plover = e->plover;
    out->plover_mode = e->plover_mode;
    out->plover_context = e->plover_context;
    return DYAD_OK;
}

uint64_t doc_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static const char *const stage_names[STAGE_COUNT] = {
    [STAGE_INPUT] = "input",     [STAGE_TOKENIZE] = "tokenize", [STAGE_SENTENCE] = "sentences",
    [STAGE_BOILER] = "boilerplate", [STAGE_TAGGER] = "tagger",   [STAGE_PARSER] = "parser",
    [STAGE_DATES] = "dates",     [STAGE_PLACES] = "places",     [STAGE_TONE] = "tone",
    [STAGE_NER] = "ner",         [STAGE_ACTORS] = "actors",     [STAGE_QUOTES] = "quotes",
    [STAGE_EVENTS] = "events",
};

size_t dyad_doc_profile(const dyad_doc *d, const char *const **names, const uint64_t **ns) {
    if (names) *names = stage_names;
    if (ns) *ns = d ? d->stage_ns : NULL;
    return d ? STAGE_COUNT : 0;
}

int dyad_doc_code(const dyad_ctx *ctx, dyad_doc *d) {
    if (!d) return DYAD_EINVAL;
    if (d->raw_format) DOC_TIMED(d, STAGE_INPUT, input_parse(d));
    if (d->err) return d->err;
    if (d->coded) return DYAD_OK;
    int rc = DYAD_OK;
    if (!d->presegmented) {
        d->ntok = d->nsent = d->nboiler = 0;
        DOC_TIMED(d, STAGE_TOKENIZE, rc = tok_run(d));
        if (!rc) DOC_TIMED(d, STAGE_SENTENCE, rc = sent_run(d));
        if (!rc) DOC_TIMED(d, STAGE_BOILER, rc = boiler_run(d));
    }
    if (!rc) rc = ctx_analyse(ctx, d);
    if (rc) {
        dyad_doc_set_error(d, rc, d->line, "%s%ld%scoding failed: %s", d->line ? "line " : "", d->line,
                           d->line ? ": " : "", dyad_errstr(rc));
        return rc;
    }
    d->coded = 1;
    return DYAD_OK;
}
