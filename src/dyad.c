/* dyad.c -- library-wide pieces: version, status names, the context. */
#include <stdlib.h>

#include "../include/dyad.h"

struct dyad_ctx {
    unsigned flags;
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

int dyad_ctx_open(dyad_ctx **out, const dyad_ctx_options *opt) {
    if (!out) return DYAD_EINVAL;
    dyad_ctx *c = calloc(1, sizeof *c);
    *out = c;
    if (!c) return DYAD_ENOMEM;
    if (opt) c->flags = opt->flags;
    return DYAD_OK;
}

void dyad_ctx_close(dyad_ctx *ctx) { free(ctx); }

const char *dyad_ctx_errmsg(const dyad_ctx *ctx) { return ctx ? ctx->errmsg : "no context"; }
const char *dyad_ctx_model_dir(const dyad_ctx *ctx) { return ctx ? ctx->model_dir : ""; }
