/* main.c -- the dyad command-line program.
 *
 * A client of the public API only (include/dyad.h).  `dyad code` reads
 * documents from files or standard input, codes them on N worker threads
 * and writes one JSON line per document (or its events as TSV or PETRARCH
 * lines) in input order, optionally storing them in SQLite.  Ordering uses a ring of document slots: the main thread
 * frames records into free slots and writes finished slots from the tail;
 * workers take filled slots in order, parse and code them.  Framing and
 * writing are cheap, so the workers do nearly all the work. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dyad.h"
#include "validate.h"

static const char usage_text[] =
    "usage: dyad code [OPTIONS] [FILE ...]   code news documents ('-' or none: stdin)\n"
    "       dyad parse [--input text|conllu] [OPTIONS] [FILE ...]\n"
    "                                        tag, lemmatize and parse; write CoNLL-U\n"
    "       dyad version\n"
    "\n"
    "options of code:\n"
    "  --format text|jsonl|html|conllu|auto\n"
    "                                 input format (auto: by file name; .gz/.zst read transparently)\n"
    "  --format json|petrarch|tsv     output format (the two sets are disjoint: --format may be\n"
    "                                 given twice); json (default): SPEC records; tsv: one\n"
    "                                 GDELT-like row per event after a header; petrarch:\n"
    "                                 PETRARCH2's event lines (docs/output-formats.md)\n"
    "  --input-format FMT, --output-format FMT\n"
    "                                 the same, unambiguous\n"
    "  --ontology cameo|plover        event types: CAMEO (default) or PLOVER 2021 (events\n"
    "                                 PLOVER has no category for are left out)\n"
    "  --date YYYY-MM-DD              reference date of text/HTML documents\n"
    "  --db PATH                      also store every document in the SQLite database PATH\n"
    "  -j N                           worker threads (default: number of cores)\n"
    "  --with-text                    add \"text\" to every record\n"
    "  --tokens                       add \"tokens\" (byte spans) to every record\n"
    "  --max-doc-bytes N              refuse documents over N bytes (default 8 MiB; K/M suffix)\n"
    "  --segment-only                 load no models: only segment and find boilerplate\n"
    "  --actors FILE                  add a TABARI/PETRARCH actor dictionary (repeatable)\n"
    "  --agents FILE                  add a TABARI/PETRARCH agent dictionary (repeatable)\n"
    "  --no-default-dicts             do not load dyad's own dictionaries (data/dict)\n"
    "  --dict-dir DIR                 load the default dictionaries from DIR\n"
    "  --event-dir DIR                load the CAMEO ontology and event patterns from DIR\n"
    "  --verbs FILE                   add a TABARI .verbs / PETRARCH verb dictionary (repeatable)\n"
    "  --discards FILE                add a discard list (repeatable)\n"
    "  --no-default-events            do not load dyad's own event patterns (data/events)\n"
    "  --profile                      print the time spent in each stage on stderr\n"
    "  -q, --quiet                    no summary on stderr\n"
    "\n"
    "options of parse: --input conllu keeps the tokens and sentences of CoNLL-U input\n"
    "  (--input text: as code reads files); -j, --date, --max-doc-bytes, -q as for code\n"
    "\n"
    "Output of code: JSON Lines on stdout, one record per input document (see SPEC.md);\n"
    "with tsv or petrarch, event lines, failed documents reported on stderr.\n"
    "Exit status: 0 all coded, 1 some documents failed, 2 usage error or unreadable file.\n";

static void usage(FILE *f) { fputs(usage_text, f); }

/* Documents travel in batches: one lock round-trip and one write per
 * batch instead of per document, which matters when a short wire story
 * takes ten microseconds to code. */
#define BATCH 8

typedef struct slot {
    dyad_doc *docs[BATCH];
    int ndocs;
    int state; /* 0 free, 1 framed, 2 coded */
    char *out; /* the batch's JSON lines */
    size_t len, cap;
    int oom;
} slot;

typedef struct run {
    const dyad_ctx *ctx;
    unsigned jflags;
    int rows;            /* DYAD_ROWS_* of event-table output; 0: JSON */
    unsigned rows_flags; /* DYAD_ROWS_PLOVER */
    int conllu; /* dyad parse: write CoNLL-U instead of JSON */
    slot *slots;
    size_t nslots;
    size_t head, next, tail; /* monotonic counters: framed, taken by workers, written */
    int quit;
    pthread_mutex_t mu;
    pthread_cond_t work_cv, done_cv;

    dyad_store *store;
    int profile;
    uint64_t stage_ns[32];
    const char *const *stage_names;
    size_t nstages;
    long nsent;
    unsigned long long nbytes;
    long ndocs, nerr, nadded, nskipped, nreplaced;
    int db_failed;
} run;

/* Append p[0..n) to the slot's output, then a newline when nl. */
static void out_put(slot *s, const char *p, size_t n, int nl) {
    if (s->oom) return;
    if (n + 1 > s->cap - s->len) {
        size_t cap = s->cap ? s->cap : 65536;
        while (cap < s->len + n + 1) cap *= 2;
        char *q = realloc(s->out, cap);
        if (!q) {
            s->oom = 1;
            return;
        }
        s->out = q;
        s->cap = cap;
    }
    memcpy(s->out + s->len, p, n);
    s->len += n;
    if (nl) s->out[s->len++] = '\n';
}

static void code_slot(run *R, slot *s) {
    s->len = 0;
    s->oom = 0;
    for (int i = 0; i < s->ndocs; i++) {
        const char *json;
        size_t len;
        dyad_doc_code(R->ctx, s->docs[i]);
        if (R->rows) {
            /* Event lines carry their own newlines; an error document has
             * none and is reported on stderr by emit(). */
            if (dyad_doc_event_rows(s->docs[i], R->rows, R->rows_flags, &json, &len) != DYAD_OK) s->oom = 1;
            else out_put(s, json, len, 0);
            continue;
        }
        int rc = R->conllu ? dyad_doc_conllu(s->docs[i], &json, &len) : dyad_doc_json(s->docs[i], R->jflags, &json, &len);
        if (rc != DYAD_OK) {
            /* Out of memory while writing: still one line for the document. */
            json = "{\"dyad\":\"1\",\"id\":null,\"error\":{\"code\":\"no_memory\",\"message\":\"out of memory\"}}";
            len = strlen(json);
        }
        out_put(s, json, len, 1);
    }
}

/* Code the next framed slot, if any, on the calling thread.  Returns 0
 * when there was none.  Called with R->mu held; returns with it held. */
static int code_next_locked(run *R) {
    if (R->next == R->head) return 0;
    slot *s = &R->slots[R->next % R->nslots];
    R->next++;
    pthread_mutex_unlock(&R->mu);
    code_slot(R, s);
    pthread_mutex_lock(&R->mu);
    s->state = 2;
    pthread_cond_signal(&R->done_cv);
    return 1;
}

static void *worker(void *arg) {
    run *R = arg;
    pthread_mutex_lock(&R->mu);
    for (;;) {
        while (R->next == R->head && !R->quit) pthread_cond_wait(&R->work_cv, &R->mu);
        if (!code_next_locked(R)) break; /* quit and nothing left */
    }
    pthread_mutex_unlock(&R->mu);
    return NULL;
}

static void emit(run *R, slot *s) {
    if (s->oom) {
        fprintf(stderr, "dyad: out of memory writing output\n");
        exit(2);
    }
    fwrite(s->out, 1, s->len, stdout);
    for (int i = 0; i < s->ndocs; i++) {
        dyad_doc *doc = s->docs[i];
        R->ndocs++;
        if (dyad_doc_error(doc) != DYAD_OK) {
            R->nerr++;
            /* Event tables have no error record: say it here, in order. */
            if (R->rows) {
                const char *id = dyad_doc_field(doc, DYAD_FIELD_ID);
                if (id) fprintf(stderr, "dyad: document '%s': %s: %s\n", id, dyad_errstr(dyad_doc_error(doc)), dyad_doc_errmsg(doc));
                else fprintf(stderr, "dyad: %s: %s\n", dyad_errstr(dyad_doc_error(doc)), dyad_doc_errmsg(doc));
            }
            continue;
        }
        if (R->profile) {
            const uint64_t *ns;
            R->nstages = dyad_doc_profile(doc, &R->stage_names, &ns);
            if (R->nstages > 32) R->nstages = 32;
            for (size_t k = 0; k < R->nstages; k++) R->stage_ns[k] += ns[k];
        }
        size_t tl;
        dyad_doc_text(doc, &tl);
        R->nbytes += tl;
        R->nsent += (long)dyad_doc_sentence_count(doc);
        if (!R->store || R->db_failed) continue;
        int outcome;
        int rc = dyad_store_put(R->store, doc, &outcome);
        if (rc) {
            fprintf(stderr, "dyad: %s\n", dyad_store_errmsg(R->store));
            R->db_failed = 1;
        } else if (outcome == DYAD_STORE_ADDED) {
            R->nadded++;
        } else if (outcome == DYAD_STORE_SKIPPED) {
            R->nskipped++;
        } else {
            R->nreplaced++;
        }
    }
}

/* Write every finished slot at the tail; with wait, make progress on the
 * tail slot first: code a framed slot on this thread if one is waiting
 * (the main thread is a worker too, so -j N keeps N threads coding), else
 * block until the tail is done.  Called by the main thread only. */
static void drain(run *R, int wait) {
    for (;;) {
        pthread_mutex_lock(&R->mu);
        if (R->tail == R->head) {
            pthread_mutex_unlock(&R->mu);
            return;
        }
        slot *s = &R->slots[R->tail % R->nslots];
        while (s->state != 2 && wait)
            if (!code_next_locked(R)) pthread_cond_wait(&R->done_cv, &R->mu);
        int ready = s->state == 2;
        pthread_mutex_unlock(&R->mu);
        if (!ready) return;
        emit(R, s);
        pthread_mutex_lock(&R->mu);
        s->state = 0;
        R->tail++;
        pthread_mutex_unlock(&R->mu);
        if (!wait) continue;
        /* A blocking drain frees one slot and returns to framing. */
        return;
    }
}

static int parse_size(const char *s, size_t *out) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s) return -1;
    if (*end == 'k' || *end == 'K') v <<= 10, end++;
    else if (*end == 'm' || *end == 'M') v <<= 20, end++;
    else if (*end == 'g' || *end == 'G') v <<= 30, end++;
    if (*end || v == 0 || v >= (1ull << 32)) return -1;
    *out = (size_t)v;
    return 0;
}

static int valid_date(const char *s) {
    if (strlen(s) != 10) return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    int m = (s[5] - '0') * 10 + s[6] - '0', d = (s[8] - '0') * 10 + s[9] - '0';
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* A malformed dictionary line: said once, loading goes on. */
static void dict_warning(void *ctx, const char *msg) {
    (void)ctx;
    fprintf(stderr, "dyad: warning: %s\n", msg);
}

#define FREE_LISTS()                   \
    do {                               \
        free((void *)files);           \
        free((void *)actor_files);     \
        free((void *)agent_files);     \
        free((void *)verb_files);      \
        free((void *)discard_files);   \
    } while (0)

/* Input formats by name; -1 if val is none. */
static int input_format(const char *val) {
    if (strcmp(val, "text") == 0) return DYAD_FORMAT_TEXT;
    if (strcmp(val, "jsonl") == 0) return DYAD_FORMAT_JSONL;
    if (strcmp(val, "html") == 0) return DYAD_FORMAT_HTML;
    if (strcmp(val, "conllu") == 0) return DYAD_FORMAT_CONLLU;
    if (strcmp(val, "auto") == 0) return DYAD_FORMAT_AUTO;
    return -1;
}

/* Output formats by name: 0 JSON, DYAD_ROWS_*; -1 if val is none. */
static int output_format(const char *val) {
    if (strcmp(val, "json") == 0) return 0;
    if (strcmp(val, "tsv") == 0) return DYAD_ROWS_TSV;
    if (strcmp(val, "petrarch") == 0) return DYAD_ROWS_PETRARCH;
    return -1;
}

static int cmd_code(int argc, char **argv, int parse_mode) {
    dyad_reader_options ropt = {DYAD_FORMAT_AUTO, 0, NULL, 0};
    const char *db = NULL;
    long nthreads = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned jflags = 0;
    int quiet = 0, profile = 0, rows = 0, plover = 0;
    dyad_ctx_options copt;
    memset(&copt, 0, sizeof copt);
    copt.warn = dict_warning;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    const char **actor_files = calloc((size_t)argc + 1, sizeof *actor_files);
    const char **agent_files = calloc((size_t)argc + 1, sizeof *agent_files);
    const char **verb_files = calloc((size_t)argc + 1, sizeof *verb_files);
    const char **discard_files = calloc((size_t)argc + 1, sizeof *discard_files);
    int nfiles = 0, nactor_files = 0, nagent_files = 0, nverb_files = 0, ndiscard_files = 0;
    if (!files || !actor_files || !agent_files || !verb_files || !discard_files) {
        FREE_LISTS();
        return 2;
    }
    copt.actor_files = actor_files;
    copt.agent_files = agent_files;
    copt.verb_files = verb_files;
    copt.discard_files = discard_files;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
#define TAKE()                                                             \
    do {                                                                   \
        if (i + 1 >= argc) {                                               \
            fprintf(stderr, "dyad: option %s needs a value\n", a);         \
            FREE_LISTS();                                                   \
            return 2;                                                      \
        }                                                                  \
        val = argv[++i];                                                   \
    } while (0)
        if (strcmp(a, "--format") == 0 || strcmp(a, "--input-format") == 0 ||
            (!parse_mode && strcmp(a, "--output-format") == 0) || (parse_mode && strcmp(a, "--input") == 0)) {
            /* --format takes either set: their names are disjoint */
            TAKE();
            int in_ok = strcmp(a, "--output-format") != 0;
            int out_ok = !parse_mode && (strcmp(a, "--format") == 0 || !in_ok);
            if (parse_mode && strcmp(a, "--input") == 0 && strcmp(val, "text") == 0) val = "auto";
            int f;
            if (in_ok && (f = input_format(val)) >= 0) {
                ropt.format = (dyad_format)f;
            } else if (out_ok && (f = output_format(val)) >= 0) {
                rows = f;
            } else {
                if (!in_ok)
                    fprintf(stderr, "dyad: unknown output format '%s' (json, petrarch, tsv)\n", val);
                else if (!out_ok)
                    fprintf(stderr, "dyad: unknown input format '%s' (text, jsonl, html, conllu, auto)\n", val);
                else
                    fprintf(stderr, "dyad: unknown format '%s' (input: text, jsonl, html, conllu, auto; "
                                    "output: json, petrarch, tsv)\n", val);
                FREE_LISTS();
                return 2;
            }
        } else if (!parse_mode && strcmp(a, "--ontology") == 0) {
            TAKE();
            if (strcmp(val, "cameo") == 0) plover = 0;
            else if (strcmp(val, "plover") == 0) plover = 1;
            else {
                fprintf(stderr, "dyad: unknown ontology '%s' (cameo, plover)\n", val);
                FREE_LISTS();
                return 2;
            }
        } else if (strcmp(a, "--date") == 0) {
            TAKE();
            if (!valid_date(val)) {
                fprintf(stderr, "dyad: --date wants YYYY-MM-DD, got '%s'\n", val);
                FREE_LISTS();
                return 2;
            }
            ropt.date = val;
        } else if (strcmp(a, "--db") == 0) {
            TAKE();
            db = val;
        } else if (strcmp(a, "-j") == 0 || strncmp(a, "-j", 2) == 0) {
            if (a[2]) val = a + 2;
            else TAKE();
            char *end;
            nthreads = strtol(val, &end, 10);
            if (*end || nthreads < 1 || nthreads > 256) {
                fprintf(stderr, "dyad: -j wants a number of threads from 1 to 256, got '%s'\n", val);
                FREE_LISTS();
                return 2;
            }
        } else if (strcmp(a, "--with-text") == 0) {
            jflags |= DYAD_JSON_TEXT;
        } else if (strcmp(a, "--tokens") == 0) {
            jflags |= DYAD_JSON_TOKENS;
        } else if (strcmp(a, "--max-doc-bytes") == 0) {
            TAKE();
            if (parse_size(val, &ropt.max_doc_bytes)) {
                fprintf(stderr, "dyad: --max-doc-bytes wants a size like 8M, got '%s'\n", val);
                FREE_LISTS();
                return 2;
            }
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            quiet = 1;
        } else if (strcmp(a, "--profile") == 0) {
            profile = 1;
        } else if (strcmp(a, "--segment-only") == 0) {
            copt.flags |= DYAD_CTX_SEGMENT_ONLY;
        } else if (strcmp(a, "--actors") == 0) {
            TAKE();
            actor_files[nactor_files++] = val;
        } else if (strcmp(a, "--agents") == 0) {
            TAKE();
            agent_files[nagent_files++] = val;
        } else if (strcmp(a, "--verbs") == 0) {
            TAKE();
            verb_files[nverb_files++] = val;
        } else if (strcmp(a, "--discards") == 0) {
            TAKE();
            discard_files[ndiscard_files++] = val;
        } else if (strcmp(a, "--no-default-events") == 0) {
            copt.flags |= DYAD_CTX_NO_DEFAULT_EVENTS;
        } else if (strcmp(a, "--no-default-dicts") == 0) {
            copt.flags |= DYAD_CTX_NO_DEFAULT_DICTS;
        } else if (strcmp(a, "--dict-dir") == 0) {
            TAKE();
            copt.dict_dir = val;
        } else if (strcmp(a, "--event-dir") == 0) {
            TAKE();
            copt.event_dir = val;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            FREE_LISTS();
            return 0;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad: unknown option '%s'\n", a);
            usage(stderr);
            FREE_LISTS();
            return 2;
        } else {
            files[nfiles++] = argv[i];
        }
#undef TAKE
    }
    if (nfiles == 0) files[nfiles++] = "-";
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (nthreads < 1) nthreads = 1;

    dyad_ctx *ctx = NULL;
    int rc = dyad_ctx_open(&ctx, &copt);
    if (rc) {
        fprintf(stderr, "dyad: %s\n", ctx ? dyad_ctx_errmsg(ctx) : dyad_errstr(rc));
        dyad_ctx_close(ctx);
        FREE_LISTS();
        return 2;
    }
    run R;
    memset(&R, 0, sizeof R);
    R.ctx = ctx;
    R.jflags = jflags | (plover ? DYAD_JSON_PLOVER : 0);
    R.rows = rows;
    R.rows_flags = plover ? DYAD_ROWS_PLOVER : 0;
    R.conllu = parse_mode;
    R.profile = profile;
    if (db) {
        rc = dyad_store_open(&R.store, db);
        if (rc) {
            fprintf(stderr, "dyad: %s\n", R.store ? dyad_store_errmsg(R.store) : dyad_errstr(rc));
            dyad_store_close(R.store);
            dyad_ctx_close(ctx);
            FREE_LISTS();
            return 2;
        }
    }
    static char outbuf[1 << 20];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    /* once, even when no document comes: an empty table still has its columns */
    fputs(dyad_event_rows_header(rows, R.rows_flags), stdout);

    /* With one thread everything runs inline: no locking at all. */
    R.nslots = nthreads > 1 ? (size_t)nthreads * 4 : 1;
    R.slots = calloc(R.nslots, sizeof *R.slots);
    int status = 0;
    for (size_t i = 0; R.slots && i < R.nslots; i++)
        for (int k = 0; k < BATCH; k++)
            if (dyad_doc_new(&R.slots[i].docs[k])) status = 2;
    pthread_t *th = NULL;
    long nth = 0;
    if (!R.slots || status) {
        fprintf(stderr, "dyad: out of memory\n");
        status = 2;
        goto done;
    }
    pthread_mutex_init(&R.mu, NULL);
    pthread_cond_init(&R.work_cv, NULL);
    pthread_cond_init(&R.done_cv, NULL);
    if (nthreads > 1) {
        ropt.flags |= DYAD_READER_DEFER;
        th = calloc((size_t)nthreads, sizeof *th);
        for (long t = 0; th && t < nthreads - 1; t++) {
            if (pthread_create(&th[t], NULL, worker, &R)) break;
            nth++;
        }
        if (nth == 0) {
            fprintf(stderr, "dyad: cannot start threads\n");
            status = 2;
            goto done;
        }
    }

    for (int f = 0; f < nfiles; f++) {
        dyad_reader *rd = NULL;
        rc = dyad_reader_open(&rd, files[f], &ropt);
        if (rc) {
            fprintf(stderr, "dyad: %s\n", rd ? dyad_reader_errmsg(rd) : dyad_errstr(rc));
            dyad_reader_close(rd);
            status = 2;
            continue;
        }
        for (;;) {
            if (nth) {
                drain(&R, 0);
                pthread_mutex_lock(&R.mu);
                int full = R.head - R.tail == R.nslots;
                pthread_mutex_unlock(&R.mu);
                if (full) {
                    drain(&R, 1);
                    continue;
                }
            }
            slot *s = &R.slots[R.head % R.nslots];
            s->ndocs = 0;
            while (s->ndocs < BATCH && (rc = dyad_reader_next(rd, s->docs[s->ndocs])) == DYAD_OK) s->ndocs++;
            if (s->ndocs) {
                if (nth == 0) {
                    code_slot(&R, s);
                    emit(&R, s);
                } else {
                    pthread_mutex_lock(&R.mu);
                    s->state = 1;
                    R.head++;
                    pthread_cond_signal(&R.work_cv);
                    pthread_mutex_unlock(&R.mu);
                }
            }
            if (rc) break;
        }
        if (rc != DYAD_EDONE) {
            fprintf(stderr, "dyad: %s: %s\n", files[f], rc == DYAD_ENOMEM ? "out of memory" : dyad_reader_errmsg(rd));
            status = 2;
        }
        dyad_reader_close(rd);
    }
    if (nth) {
        for (;;) {
            pthread_mutex_lock(&R.mu);
            int empty = R.tail == R.head;
            pthread_mutex_unlock(&R.mu);
            if (empty) break;
            drain(&R, 1);
        }
        pthread_mutex_lock(&R.mu);
        R.quit = 1;
        pthread_cond_broadcast(&R.work_cv);
        pthread_mutex_unlock(&R.mu);
        for (long t = 0; t < nth; t++) pthread_join(th[t], NULL);
    }
    pthread_mutex_destroy(&R.mu);
    pthread_cond_destroy(&R.work_cv);
    pthread_cond_destroy(&R.done_cv);

done:
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "dyad: writing output failed: %s\n", strerror(errno));
        status = 2;
    }
    if (R.store) {
        /* Flush first: the message of a failed final commit dies with the handle. */
        if (!R.db_failed && dyad_store_flush(R.store)) {
            fprintf(stderr, "dyad: %s\n", dyad_store_errmsg(R.store));
            status = 2;
        }
        if (dyad_store_close(R.store)) status = 2;
    }
    if (R.db_failed) status = 2;
    if (!quiet) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        fprintf(stderr, "dyad: %ld document%s, %ld failed, %ld sentences, %.1f MB of text in %.2f s", R.ndocs,
                R.ndocs == 1 ? "" : "s", R.nerr, R.nsent, (double)R.nbytes / 1048576.0, secs);
        if (db) fprintf(stderr, "; %s: %ld added, %ld unchanged, %ld replaced", db, R.nadded, R.nskipped, R.nreplaced);
        fputc('\n', stderr);
    }
    if (profile && R.nstages) {
        /* CPU time summed over threads, per stage, with its share. */
        uint64_t total = 0;
        for (size_t k = 0; k < R.nstages; k++) total += R.stage_ns[k];
        fprintf(stderr, "dyad: stage times (all threads):");
        for (size_t k = 0; k < R.nstages; k++)
            fprintf(stderr, " %s %.3fs (%.1f%%)", R.stage_names[k], (double)R.stage_ns[k] / 1e9,
                    total ? 100.0 * (double)R.stage_ns[k] / (double)total : 0.0);
        fputc('\n', stderr);
    }
    if (!status && R.nerr) status = 1;
    for (size_t i = 0; R.slots && i < R.nslots; i++) {
        for (int k = 0; k < BATCH; k++) dyad_doc_free(R.slots[i].docs[k]);
        free(R.slots[i].out);
    }
    free(R.slots);
    free(th);
    FREE_LISTS();
    dyad_ctx_close(ctx);
    return status;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "code") == 0) return cmd_code(argc - 2, argv + 2, 0);
    if (strcmp(cmd, "parse") == 0) return cmd_code(argc - 2, argv + 2, 1);
    if (strcmp(cmd, "validate") == 0) return cmd_validate(argc - 2, argv + 2);
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("dyad %s\n", dyad_version());
        return 0;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "dyad: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
