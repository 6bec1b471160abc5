/* record.c -- the SPEC JSON record of a document.
 *
 * Field order is fixed (dyad, id, metadata, results) so output is stable
 * and diffable; arrays of stages that have not run yet are written empty,
 * never omitted, so readers can rely on every key of SPEC.md. */
#include <string.h>

#include "doc.h"
#include "ud.h"

static void put_field(strbuf *b, const char *key, const dyad_doc *d, dyad_field f) {
    sb_puts(b, key);
    if (d->field[f]) sb_put_json_str(b, d->field[f], d->field_len[f]);
    else sb_puts(b, "null");
}

static void put_span(strbuf *b, uint32_t s, uint32_t e) {
    sb_putc(b, '[');
    sb_put_u64(b, s);
    sb_putc(b, ',');
    sb_put_u64(b, e);
    sb_putc(b, ']');
}

static void put_error(dyad_doc *d, strbuf *b) {
    if (d->field[DYAD_FIELD_ID]) {
        put_field(b, ",\"id\":", d, DYAD_FIELD_ID);
    } else if (d->src_name) {
        /* No id could be read: name the record by file and line. */
        const char *base = strrchr(d->src_name, '/');
        base = base ? base + 1 : d->src_name;
        strbuf *t = &d->scratch;
        sb_reset(t);
        sb_puts(t, base);
        if (d->line) {
            sb_putc(t, ':');
            sb_put_u64(t, (uint64_t)d->line);
        }
        sb_puts(b, ",\"id\":");
        sb_put_json_str(b, t->s ? t->s : "", t->len);
    } else {
        sb_puts(b, ",\"id\":null");
    }
    if (d->src_name) {
        sb_puts(b, ",\"file\":");
        sb_put_json_str(b, d->src_name, strlen(d->src_name));
    }
    if (d->line) {
        sb_puts(b, ",\"line\":");
        sb_put_u64(b, (uint64_t)d->line);
    }
    sb_puts(b, ",\"error\":{\"code\":");
    const char *code = dyad_errstr(d->err);
    sb_put_json_str(b, code, strlen(code));
    sb_puts(b, ",\"message\":");
    sb_put_json_str(b, d->errmsg, strlen(d->errmsg));
    sb_puts(b, "}}");
}

static void put_str_or_null(strbuf *b, const char *s) {
    if (s && *s) sb_put_json_str(b, s, strlen(s));
    else sb_puts(b, "null");
}

/* "entities" and "actors".  doc->mentions is grouped by actor (actor.c),
 * so each actor's mentions are one run of it. */
static void put_entities_actors(const dyad_doc *d, strbuf *b) {
    sb_puts(b, ",\"entities\":[");
    for (size_t i = 0; i < d->nent; i++) {
        const dent *e = &d->ents[i];
        if (i) sb_putc(b, ',');
        sb_puts(b, "{\"start\":");
        sb_put_u64(b, e->start);
        sb_puts(b, ",\"end\":");
        sb_put_u64(b, e->end);
        sb_puts(b, ",\"text\":");
        sb_put_json_str(b, d->text + e->start, e->end - e->start);
        sb_puts(b, ",\"type\":\"");
        sb_puts(b, e->type < ENT_NTYPES ? ent_type_names[e->type] : "MISC");
        sb_puts(b, "\",\"actor\":");
        if (e->actor >= 0) sb_put_i64(b, e->actor);
        else sb_puts(b, "null");
        sb_putc(b, '}');
    }
    sb_puts(b, "],\"actors\":[");
    size_t m = 0;
    for (size_t i = 0; i < d->nactor; i++) {
        const dactor *a = &d->actors[i];
        if (i) sb_putc(b, ',');
        sb_puts(b, "{\"id\":");
        sb_put_u64(b, i);
        sb_puts(b, ",\"name\":");
        sb_put_json_str(b, a->name ? a->name : "", a->name ? strlen(a->name) : 0);
        sb_puts(b, ",\"code\":");
        put_str_or_null(b, a->code);
        sb_puts(b, ",\"country\":");
        put_str_or_null(b, a->country);
        sb_puts(b, ",\"type\":");
        put_str_or_null(b, a->type && a->type < ENT_NTYPES ? ent_type_names[a->type] : NULL);
        sb_puts(b, ",\"roles\":[");
        for (uint32_t k = 0; k < a->nroles; k++) {
            if (k) sb_putc(b, ',');
            sb_put_json_str(b, a->roles[k], strlen(a->roles[k]));
        }
        sb_puts(b, "],\"mentions\":[");
        int first = 1;
        while (m < d->nmention && d->mentions[m].actor < (int32_t)i) m++;
        for (; m < d->nmention && d->mentions[m].actor == (int32_t)i; m++) {
            if (!first) sb_putc(b, ',');
            first = 0;
            put_span(b, d->mentions[m].start, d->mentions[m].end);
        }
        sb_puts(b, "]}");
    }
    sb_putc(b, ']');
}

static const char *const quote_kinds[] = {"", "direct", "partial", "indirect"};

/* "quotes": speaker null when the cue has no subject we could find; the
 * speaker's name is its actor's canonical name, else the mention's text. */
static void put_quotes(const dyad_doc *d, strbuf *b) {
    sb_puts(b, ",\"quotes\":[");
    for (size_t i = 0; i < d->nquote; i++) {
        const dquote *q = &d->quotes[i];
        if (i) sb_putc(b, ',');
        sb_puts(b, "{\"start\":");
        sb_put_u64(b, q->start);
        sb_puts(b, ",\"end\":");
        sb_put_u64(b, q->end);
        sb_puts(b, ",\"text\":");
        sb_put_json_str(b, d->text + q->start, q->end - q->start);
        sb_puts(b, ",\"kind\":\"");
        sb_puts(b, q->kind <= QUOTE_INDIRECT ? quote_kinds[q->kind] : "");
        sb_puts(b, "\",\"speaker\":");
        if (q->speaker_end > q->speaker_start) {
            sb_puts(b, "{\"actor\":");
            const char *name = NULL;
            if (q->speaker_actor >= 0 && (size_t)q->speaker_actor < d->nactor) {
                sb_put_i64(b, q->speaker_actor);
                name = d->actors[q->speaker_actor].name;
            } else {
                sb_puts(b, "null");
            }
            sb_puts(b, ",\"name\":");
            if (name) sb_put_json_str(b, name, strlen(name));
            else sb_put_json_str(b, d->text + q->speaker_start, q->speaker_end - q->speaker_start);
            sb_puts(b, ",\"start\":");
            sb_put_u64(b, q->speaker_start);
            sb_puts(b, ",\"end\":");
            sb_put_u64(b, q->speaker_end);
            sb_putc(b, '}');
        } else {
            sb_puts(b, "null");
        }
        sb_puts(b, ",\"cue\":");
        if (q->cue_end > q->cue_start) sb_put_json_str(b, d->text + q->cue_start, q->cue_end - q->cue_start);
        else sb_puts(b, "null");
        sb_putc(b, '}');
    }
    sb_putc(b, ']');
}


static void put_side(const dyad_doc *d, strbuf *b, int32_t actor, uint32_t s, uint32_t e) {
    if (actor < 0 || (size_t)actor >= d->nactor) {
        sb_puts(b, "null");
        return;
    }
    const dactor *a = &d->actors[actor];
    sb_puts(b, "{\"actor\":");
    sb_put_i64(b, actor);
    sb_puts(b, ",\"code\":");
    put_str_or_null(b, a->code);
    sb_puts(b, ",\"country\":");
    put_str_or_null(b, a->country);
    sb_puts(b, ",\"text\":");
    sb_put_json_str(b, d->text + s, e > s ? e - s : 0);
    sb_putc(b, '}');
}

/* PLOVER's fields of an event: "event", "event_mode" (SPEC's "mode" is
 * already the factuality, so PLOVER's mode gets its own name) and
 * "context", an array: the ontology joins several contexts with ';'. */
static void put_plover(strbuf *b, const devent *e) {
    sb_puts(b, ",\"event\":");
    sb_put_json_str(b, e->plover, strlen(e->plover));
    sb_puts(b, ",\"event_mode\":");
    put_str_or_null(b, e->plover_mode);
    sb_puts(b, ",\"context\":[");
    const char *c = e->plover_context ? e->plover_context : "";
    int first = 1;
    while (*c) {
        const char *semi = strchr(c, ';');
        size_t n = semi ? (size_t)(semi - c) : strlen(c);
        if (n) {
            if (!first) sb_putc(b, ',');
            first = 0;
            sb_put_json_str(b, c, n);
        }
        c += n;
        if (*c) c++;
    }
    sb_putc(b, ']');
}

/* "events": SPEC's fields; the date is the resolved value of the date
 * expression attached to the event, else null.  With DYAD_JSON_PLOVER
 * only the events PLOVER has a category for, with its fields first. */
static void put_events(const dyad_doc *d, strbuf *b, unsigned flags) {
    int plover = (flags & DYAD_JSON_PLOVER) != 0, first = 1;
    sb_puts(b, ",\"events\":[");
    for (size_t i = 0; i < d->nevent; i++) {
        const devent *e = &d->events[i];
        if (plover && !e->plover) continue;
        if (!first) sb_putc(b, ',');
        first = 0;
        sb_puts(b, "{\"sentence\":");
        sb_put_u64(b, e->sentence);
        sb_puts(b, ",\"start\":");
        sb_put_u64(b, e->start);
        sb_puts(b, ",\"end\":");
        sb_put_u64(b, e->end);
        if (plover) put_plover(b, e);
        sb_puts(b, ",\"code\":");
        sb_put_json_str(b, e->code, strlen(e->code));
        sb_puts(b, ",\"root\":");
        sb_put_json_str(b, e->code, strlen(e->code) >= 2 ? 2 : strlen(e->code));
        sb_puts(b, ",\"quad\":");
        if (e->quad) sb_put_u64(b, e->quad);
        else sb_puts(b, "null");
        sb_printf(b, ",\"goldstein\":%.1f,\"source\":", (double)e->goldstein);
        put_side(d, b, e->source, e->src_start, e->src_end);
        sb_puts(b, ",\"target\":");
        put_side(d, b, e->target, e->tgt_start, e->tgt_end);
        sb_puts(b, ",\"mode\":\"");
        sb_puts(b, doc_mode_name(e->mode));
        sb_puts(b, "\",\"attributed_to\":");
        if (e->attributed_to >= 0) sb_put_i64(b, e->attributed_to);
        else sb_puts(b, "null");
        sb_puts(b, ",\"date\":");
        if (e->date >= 0 && (size_t)e->date < d->ndate)
            sb_put_json_str(b, d->dates[e->date].value, strlen(d->dates[e->date].value));
        else
            sb_puts(b, "null");
        sb_puts(b, ",\"place\":");
        if (e->place >= 0) sb_put_i64(b, e->place);
        else sb_puts(b, "null");
        sb_putc(b, '}');
    }
    sb_putc(b, ']');
}

int dyad_doc_json(dyad_doc *d, unsigned flags, const char **out, size_t *len) {
    if (!d || !out) return DYAD_EINVAL;
    strbuf *b = &d->json;
    sb_reset(b);
    sb_puts(b, "{\"dyad\":\"" DYAD_RECORD_VERSION "\"");
    if (d->err) {
        put_error(d, b);
    } else {
        put_field(b, ",\"id\":", d, DYAD_FIELD_ID);
        put_field(b, ",\"date\":", d, DYAD_FIELD_DATE);
        if (d->field[DYAD_FIELD_TITLE]) put_field(b, ",\"title\":", d, DYAD_FIELD_TITLE);
        if (d->field[DYAD_FIELD_URL]) put_field(b, ",\"url\":", d, DYAD_FIELD_URL);
        if (d->field[DYAD_FIELD_SOURCE]) put_field(b, ",\"source\":", d, DYAD_FIELD_SOURCE);
        if (d->field[DYAD_FIELD_META]) {
            sb_puts(b, ",\"meta\":"); /* validated JSON object, written raw */
            sb_putn(b, d->field[DYAD_FIELD_META], d->field_len[DYAD_FIELD_META]);
        }
        if (d->warn[0]) {
            sb_puts(b, ",\"warnings\":[");
            sb_put_json_str(b, d->warn, strlen(d->warn));
            sb_putc(b, ']');
        }
        if ((flags & DYAD_JSON_TEXT) || d->text_derived) {
            sb_puts(b, ",\"text\":");
            sb_put_json_str(b, d->text ? d->text : "", d->len);
        }
        sb_puts(b, ",\"sentences\":[");
        for (size_t i = 0; i < d->nsent; i++) {
            dyad_span s = dyad_doc_sentence(d, i, NULL, NULL);
            if (i) sb_putc(b, ',');
            put_span(b, s.start, s.end);
        }
        sb_putc(b, ']');
        if (flags & DYAD_JSON_TOKENS) {
            sb_puts(b, ",\"tokens\":[");
            for (size_t i = 0; i < d->ntok; i++) {
                if (i) sb_putc(b, ',');
                put_span(b, d->toks[i].start, d->toks[i].end);
            }
            sb_putc(b, ']');
        }
        put_entities_actors(d, b);
        put_quotes(d, b);
        put_events(d, b, flags);
        sb_puts(b, ",\"places\":[");
        for (size_t i = 0; i < d->nplace; i++) {
            const dplace *p = &d->places[i];
            if (i) sb_putc(b, ',');
            sb_puts(b, "{\"start\":");
            sb_put_u64(b, p->start);
            sb_puts(b, ",\"end\":");
            sb_put_u64(b, p->end);
            sb_puts(b, ",\"text\":");
            sb_put_json_str(b, d->text + p->start, p->end - p->start);
            sb_puts(b, ",\"name\":");
            sb_put_json_str(b, p->name ? p->name : "", p->name ? strlen(p->name) : 0);
            sb_puts(b, ",\"country\":");
            if (p->country[0]) sb_put_json_str(b, p->country, strlen(p->country));
            else sb_puts(b, "null");
            sb_printf(b, ",\"lat\":%.4f,\"lon\":%.4f,\"feature\":", p->lat, p->lon);
            sb_put_json_str(b, p->feature ? p->feature : "", p->feature ? strlen(p->feature) : 0);
            sb_puts(b, ",\"geonameid\":");
            if (p->geonameid) sb_put_i64(b, p->geonameid);
            else sb_puts(b, "null");
            sb_putc(b, '}');
        }
        sb_puts(b, "],\"dates\":[");
        for (size_t i = 0; i < d->ndate; i++) {
            const ddate *t = &d->dates[i];
            if (i) sb_putc(b, ',');
            sb_puts(b, "{\"start\":");
            sb_put_u64(b, t->start);
            sb_puts(b, ",\"end\":");
            sb_put_u64(b, t->end);
            sb_puts(b, ",\"text\":");
            sb_put_json_str(b, d->text + t->start, t->end - t->start);
            sb_puts(b, ",\"value\":");
            sb_put_json_str(b, t->value, strlen(t->value));
            sb_putc(b, '}');
        }
        sb_putc(b, ']');
        sb_puts(b, ",\"boilerplate\":[");
        for (size_t i = 0; i < d->nboiler; i++) {
            if (i) sb_putc(b, ',');
            put_span(b, d->boiler[i].start, d->boiler[i].end);
        }
        sb_puts(b, "],\"tone\":");
        if (d->has_tone) sb_printf(b, "%.2f", d->tone);
        else sb_puts(b, "null");
        sb_putc(b, '}');
    }
    if (b->oom) return DYAD_ENOMEM;
    *out = b->s;
    if (len) *len = b->len;
    return DYAD_OK;
}

/* A CoNLL-U field: the bytes with tabs and line breaks made spaces (a
 * token never holds them, but a lemma or a comment might). */
static void put_field_text(strbuf *b, const char *s, size_t n) {
    size_t start = b->len;
    sb_putn(b, s, n);
    if (b->oom) return;
    for (size_t i = start; i < b->len; i++)
        if (b->s[i] == '\t' || b->s[i] == '\n' || b->s[i] == '\r') b->s[i] = ' ';
}

int dyad_doc_conllu(dyad_doc *d, const char **out, size_t *len) {
    if (!d || !out) return DYAD_EINVAL;
    strbuf *b = &d->json;
    sb_reset(b);
    const char *id = d->field[DYAD_FIELD_ID] ? d->field[DYAD_FIELD_ID] : "doc";
    sb_puts(b, "# newdoc id = ");
    put_field_text(b, id, strlen(id));
    sb_putc(b, '\n');
    if (d->err) {
        sb_puts(b, "# error = ");
        put_field_text(b, d->errmsg, strlen(d->errmsg));
        sb_puts(b, "\n\n");
        goto done;
    }
    for (size_t si = 0; si < d->nsent; si++) {
        const sent *se = &d->sents[si];
        if (se->last <= se->first) continue;
        dyad_span sp = dyad_doc_sentence(d, si, NULL, NULL);
        sb_puts(b, "# sent_id = ");
        put_field_text(b, id, strlen(id));
        sb_putc(b, '-');
        sb_put_u64(b, si + 1);
        sb_puts(b, "\n# text = ");
        put_field_text(b, d->text + sp.start, sp.end - sp.start);
        sb_putc(b, '\n');
        for (uint32_t i = se->first; i < se->last; i++) {
            const tok *t = &d->toks[i];
            const tokan *a = (d->tagged || d->parsed) ? &d->an[i] : NULL;
            sb_put_u64(b, i - se->first + 1);
            sb_putc(b, '\t');
            put_field_text(b, d->text + t->start, t->end - t->start);
            sb_putc(b, '\t');
            if (a && d->tagged && a->lemma) put_field_text(b, a->lemma, strlen(a->lemma));
            else sb_putc(b, '_');
            sb_putc(b, '\t');
            sb_puts(b, a && d->tagged && a->upos < UPOS_COUNT ? ud_upos_names[a->upos] : "_");
            sb_putc(b, '\t');
            sb_puts(b, a && d->tagged && a->xpos < XPOS_COUNT ? ud_xpos_names[a->xpos] : "_");
            sb_putc(b, '\t');
            if (a && d->tagged) {
                char fb[160];
                size_t fl = ud_feats_format(a->feats, fb, sizeof fb);
                sb_putn(b, fb, fl);
            } else {
                sb_putc(b, '_');
            }
            sb_putc(b, '\t');
            if (a && d->parsed) {
                sb_put_u64(b, a->head < 0 ? 0 : (uint64_t)(a->head - (int32_t)se->first + 1));
                sb_putc(b, '\t');
                sb_puts(b, a->deprel < DEP_COUNT ? ud_dep_names[a->deprel] : "dep");
            } else {
                sb_puts(b, "_\t_");
            }
            sb_puts(b, "\t_\t");
            /* SpaceAfter=No when the next byte is not white space. */
            int no_space = t->end < d->len && d->text[t->end] != ' ' && d->text[t->end] != '\n' &&
                           d->text[t->end] != '\t' && d->text[t->end] != '\r';
            sb_puts(b, no_space ? "SpaceAfter=No" : "_");
            sb_putc(b, '\n');
        }
        sb_putc(b, '\n');
    }
done:
    if (b->oom) return DYAD_ENOMEM;
    *out = b->s;
    if (len) *len = b->len;
    return DYAD_OK;
}
