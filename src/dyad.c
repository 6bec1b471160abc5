/* dyad.c -- library-wide pieces: version, status names, the context. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/dyad.h"
#include "date.h"
#include "doc.h"
#include "parser.h"
#include "place.h"
#include "tagger.h"
#include "tone.h"

#ifndef DYAD_DEFAULT_MODEL_DIR
#define DYAD_DEFAULT_MODEL_DIR "models"
#endif

struct dyad_ctx {
    unsigned flags;
    tagger *tg;
    parser *ps;
    tone_lex *tone;
    gazetteer *gaz;
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
    return DYAD_OK;
}

void dyad_ctx_close(dyad_ctx *ctx) {
    if (!ctx) return;
    tagger_close(ctx->tg);
    parser_close(ctx->ps);
    tone_close(ctx->tone);
    gaz_close(ctx->gaz);
    free(ctx);
}

int ctx_analyse(const dyad_ctx *ctx, dyad_doc *doc) {
    if (!ctx || (ctx->flags & DYAD_CTX_SEGMENT_ONLY) || !doc->ntok) return DYAD_OK;
    int rc = DYAD_OK;
    if (ctx->tg) DOC_TIMED(doc, STAGE_TAGGER, rc = tagger_run(ctx->tg, doc));
    if (!rc && ctx->ps) DOC_TIMED(doc, STAGE_PARSER, rc = parser_run(ctx->ps, doc));
    /* After the tagger: weekdays follow the verb's tense. */
    if (!rc) DOC_TIMED(doc, STAGE_DATES, rc = date_run(doc));
    if (!rc && ctx->gaz) DOC_TIMED(doc, STAGE_PLACES, rc = place_run(ctx->gaz, doc));
    if (!rc && ctx->tone) DOC_TIMED(doc, STAGE_TONE, rc = tone_run(ctx->tone, doc));
    return rc;
}

const char *dyad_ctx_errmsg(const dyad_ctx *ctx) { return ctx ? ctx->errmsg : "no context"; }
const char *dyad_ctx_model_dir(const dyad_ctx *ctx) { return ctx ? ctx->model_dir : ""; }
