/* store.c -- the SQLite store behind `dyad code --db PATH`.
 *
 * Every coded document becomes one row of `documents` plus its children
 * (sentences, boilerplate, and later entities, actors, quotes, events,
 * places, dates).  docs/schema.md is the user-facing description of the
 * tables; this comment is about how they are written.
 *
 * Schema versions.  `PRAGMA user_version` is the schema version and
 * `PRAGMA application_id` is 0x64796164 ("dyad") so that another program's
 * database is recognised and left alone.  Opening runs the migration steps
 * from the file's version up to STORE_SCHEMA_VERSION, all in one IMMEDIATE
 * transaction (a new file is just version 0, so it goes through every step
 * and the migration code is exercised on every fresh database).  A newer
 * version is refused with DYAD_EFORMAT, and so is a version-0 file that
 * already holds tables (someone else's database).  Nothing is written to a
 * refused file: the checks run before the switch to WAL mode.
 *   version 1: meta, documents, sentences, boilerplate.
 *   version 2: documents.dyad_version and documents.tone; the tables of the
 *              later stages (entities, actors, quotes, events, places, dates).
 *
 * Batching.  The first put opens a transaction (BEGIN IMMEDIATE: the write
 * lock is taken up front, so a busy database fails at BEGIN after the busy
 * timeout rather than halfway through a document).  It is committed after
 * STORE_BATCH_DOCS documents or once STORE_BATCH_NSEC has passed since it
 * began, whichever comes first, and by dyad_store_flush/close.  On the
 * Reuters corpus (19,043 stories, 15.8 MB) batches of 1, 50, 500 and 5000
 * documents insert at 9, 39, 46 and 46 MB/s: 500 is where the per-commit
 * cost stops showing, and larger batches only lengthen the write lock and
 * what a crash loses.  The half-second bound keeps the lock short and caps
 * what a crash can lose when documents trickle in slowly (slow later
 * stages).  The clock is only read on a put: a batch left open by an idle
 * producer is committed by the next put, flush or close.
 *
 * Crash safety.  A document and its children are written in the same
 * transaction, so they commit together or not at all; WAL +
 * synchronous=NORMAL keeps every committed batch across a killed process
 * (and the database consistent across power loss, which may lose the last
 * batches).  A batch that never committed is simply absent; rerunning the
 * same input adds it (documents already there are skipped).  Inside a
 * batch, a document whose writes fail halfway is undone by deleting its new
 * row (the children cascade) rather than by a SAVEPOINT per document: a
 * savepoint copies every page the document touches into a sub-journal and
 * cost about 20% of the insert throughput, for errors that are rare and
 * that SQLite mostly handles itself (each statement is atomic, and NOMEM,
 * FULL or IOERR without a statement journal roll back the whole
 * transaction).  If even that delete fails, the batch is rolled back.
 *
 * Idempotence.  Each document gets a content hash over its metadata and
 * text (64-bit FNV-1a, exact byte layout in doc_hash and docs/schema.md).
 * A put of an existing doc_id with the same hash writes nothing
 * (DYAD_STORE_SKIPPED); another hash deletes the old row, the foreign keys
 * cascade to its children, and the new one is inserted
 * (DYAD_STORE_REPLACED).  A document without an id (or with an empty one)
 * is stored under "sha:" + its 16-hex-digit hash, so identical id-less
 * documents are stored once.  The hash covers the input, not the results:
 * coding the same input with a newer dyad skips it (delete the rows to
 * recode them; documents.dyad_version says who coded each).
 *
 * Documents that are not storable.  A document carrying an error
 * (dyad_doc_error != DYAD_OK) or not coded yet is refused with DYAD_EINVAL
 * and outcome DYAD_STORE_SKIPPED; nothing is written, the open batch is
 * untouched and the store stays usable.  Refusing (rather than silently
 * skipping) makes a caller bug visible, and an uncoded document must not be
 * stored because its hash would make the later, coded put a no-op.
 *
 * Errors.  Every SQLite failure returns DYAD_EDB, and dyad_store_errmsg
 * gives "PATH: what failed: SQLite's message".  A failed dyad_store_open
 * still hands back a handle (unless out of memory) so that the message can
 * be read; the handle then only supports errmsg and close, and every other
 * call returns the open error.
 *
 * Threads.  A store handle is used by one thread at a time (the CLI's
 * writer thread); the connection is opened with SQLITE_OPEN_NOMUTEX, so no
 * locking is done here.  Several processes may write the same file: the
 * write lock is taken per batch and waited for up to STORE_BUSY_MS.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"

#define STORE_SCHEMA_VERSION 2
#define STORE_APP_ID 0x64796164 /* "dyad" */
#define STORE_BATCH_DOCS 500
#define STORE_BATCH_NSEC 500000000LL
#define STORE_BUSY_MS 10000

/* Migration steps: steps[v] takes a database from version v to v + 1.
 * Released steps are never edited; a schema change is a new step. */
static const char *const steps[STORE_SCHEMA_VERSION] = {
    /* 0 -> 1: documents and the tokenizer-stage children. */
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE documents ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT," /* never reused, even after deletes */
    " doc_id TEXT NOT NULL UNIQUE,"
    " date TEXT, title TEXT, url TEXT, source TEXT, meta TEXT,"
    " text TEXT NOT NULL, hash TEXT NOT NULL, coded_at TEXT NOT NULL);"
    "CREATE INDEX documents_date ON documents(date);"
    "CREATE INDEX documents_source ON documents(source);"
    "CREATE TABLE sentences ("
    " doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " PRIMARY KEY (doc, idx)) WITHOUT ROWID;"
    "CREATE TABLE boilerplate ("
    " doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " PRIMARY KEY (doc, idx)) WITHOUT ROWID;",

    /* 1 -> 2: room for the later pipeline stages.  Every child table is
     * keyed by (doc, idx), idx being the position in the JSON record's
     * array, which also indexes the doc foreign key.  Quotes keep a rowid
     * because their text can be long (WITHOUT ROWID suits small rows). */
    "ALTER TABLE documents ADD COLUMN dyad_version TEXT;"
    "ALTER TABLE documents ADD COLUMN tone REAL;"
    "CREATE TABLE entities ("
    " doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " text TEXT, type TEXT, actor INTEGER,"
    " PRIMARY KEY (doc, idx)) WITHOUT ROWID;"
    "CREATE INDEX entities_type ON entities(type);"
    "CREATE TABLE actors ("
    " doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, name TEXT, code TEXT, country TEXT, type TEXT,"
    " roles TEXT, mentions TEXT,"
    " PRIMARY KEY (doc, idx)) WITHOUT ROWID;"
    "CREATE INDEX actors_code ON actors(code);"
    "CREATE TABLE quotes ("
    " doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " text TEXT, kind TEXT, speaker_actor INTEGER, speaker_name TEXT,"
    " speaker_start INTEGER, speaker_end INTEGER, cue TEXT,"
    " PRIMARY KEY (doc, idx));"
    "CREATE INDEX quotes_speaker_name ON quotes(speaker_name);"
    "CREATE TABLE events ("
    " doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, sentence INTEGER, start INTEGER, end INTEGER,"
    " code TEXT NOT NULL, root TEXT, quad INTEGER, goldstein REAL,"
    " source_actor INTEGER, source_code TEXT, source_country TEXT, source_text TEXT,"
    " target_actor INTEGER, target_code TEXT, target_country TEXT, target_text TEXT,"
    " mode TEXT, attributed_to INTEGER, date TEXT, place INTEGER,"
    " PRIMARY KEY (doc, idx)) WITHOUT ROWID;"
    "CREATE INDEX events_code ON events(code);"
    "CREATE INDEX events_root ON events(root);"
    "CREATE INDEX events_source_code ON events(source_code);"
    "CREATE INDEX events_target_code ON events(target_code);"
    "CREATE INDEX events_date ON events(date);"
    "CREATE TABLE places ("
    " doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " text TEXT, name TEXT, country TEXT, lat REAL, lon REAL, feature TEXT,"
    " geonameid INTEGER,"
    " PRIMARY KEY (doc, idx)) WITHOUT ROWID;"
    "CREATE TABLE dates ("
    " doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " text TEXT, value TEXT,"
    " PRIMARY KEY (doc, idx)) WITHOUT ROWID;",
};

/* SPAN_ROWS rows of (doc, idx, start, end) for a multi-row insert: the doc
 * is ?1 in every row, the anonymous ? that follow number on from it, so row
 * k binds idx, start, end at 2 + 3k, 3 + 3k, 4 + 3k. */
#define SPAN_ROWS 16
#define ROW4 "(?1, ?, ?, ?), (?1, ?, ?, ?), (?1, ?, ?, ?), (?1, ?, ?, ?)"
#define ROWS16 ROW4 ", " ROW4 ", " ROW4 ", " ROW4

/* Cached statements, prepared once at open. */
enum { Q_BEGIN, Q_COMMIT, Q_ROLLBACK, Q_LOOKUP, Q_DELETE, Q_INSERT_DOC,
       Q_INSERT_SENT, Q_INSERT_BOILER, Q_INSERT_SENT_N, Q_INSERT_BOILER_N, Q_INSERT_DATE, Q_INSERT_PLACE,
       Q_INSERT_ENT, Q_INSERT_ACTOR, Q_INSERT_QUOTE, Q_INSERT_EVENT, NQ };

static const char *const q_sql[NQ] = {
    [Q_BEGIN] = "BEGIN IMMEDIATE",
    [Q_COMMIT] = "COMMIT",
    [Q_ROLLBACK] = "ROLLBACK",
    [Q_LOOKUP] = "SELECT id, hash FROM documents WHERE doc_id = ?1",
    [Q_DELETE] = "DELETE FROM documents WHERE id = ?1",
    [Q_INSERT_DOC] = "INSERT INTO documents (doc_id, date, title, url, source, meta, text, hash,"
                     " coded_at, dyad_version, tone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [Q_INSERT_DATE] = "INSERT INTO dates (doc, idx, start, end, text, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [Q_INSERT_PLACE] = "INSERT INTO places (doc, idx, start, end, text, name, country, lat, lon, feature, geonameid)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [Q_INSERT_ENT] = "INSERT INTO entities (doc, idx, start, end, text, type, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [Q_INSERT_ACTOR] = "INSERT INTO actors (doc, idx, name, code, country, type, roles, mentions)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [Q_INSERT_QUOTE] = "INSERT INTO quotes (doc, idx, start, end, text, kind, speaker_actor, speaker_name,"
                       " speaker_start, speaker_end, cue) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [Q_INSERT_EVENT] = "INSERT INTO events (doc, idx, sentence, start, end, code, root, quad, goldstein,"
                       " source_actor, source_code, source_country, source_text,"
                       " target_actor, target_code, target_country, target_text, mode, attributed_to, date, place)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
                       " ?20, ?21)",
    [Q_INSERT_SENT] = "INSERT INTO sentences (doc, idx, start, end) VALUES (?1, ?2, ?3, ?4)",
    [Q_INSERT_BOILER] = "INSERT INTO boilerplate (doc, idx, start, end) VALUES (?1, ?2, ?3, ?4)",
    [Q_INSERT_SENT_N] = "INSERT INTO sentences (doc, idx, start, end) VALUES " ROWS16,
    [Q_INSERT_BOILER_N] = "INSERT INTO boilerplate (doc, idx, start, end) VALUES " ROWS16,
};

struct dyad_store {
    sqlite3 *db;          /* NULL after a failed open */
    char *path;
    sqlite3_stmt *q[NQ];
    int in_txn;           /* a batch transaction is open */
    size_t batch_n;       /* documents put in the open batch */
    long long batch_t0;   /* monotonic ns when the batch began */
    int open_rc;          /* status of a failed open, returned by every later call */
    time_t when_t;        /* second that when[] shows */
    char when[32];        /* coded_at: ISO 8601 UTC */
    char msg[1024];
};

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Record "PATH: what: sqlite message" and return DYAD_EDB. */
static int db_fail(dyad_store *st, const char *what) {
    snprintf(st->msg, sizeof st->msg, "%s: %s: %s", st->path, what,
             st->db ? sqlite3_errmsg(st->db) : "out of memory");
    return DYAD_EDB;
}

/* Run one cached statement that returns no row we need. */
static int run_q(dyad_store *st, int q, const char *what) {
    sqlite3_stmt *s = st->q[q];
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        db_fail(st, what); /* errmsg before reset: reset may clear it */
        sqlite3_reset(s);
        return DYAD_EDB;
    }
    sqlite3_reset(s);
    return DYAD_OK;
}

/* Run SQL text (possibly several statements) once. */
static int exec_sql(dyad_store *st, const char *sql, const char *what) {
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) return db_fail(st, what);
    return DYAD_OK;
}

/* Like exec_sql, but retrying while the database is busy, up to
 * STORE_BUSY_MS.  Needed where SQLite returns SQLITE_BUSY without calling
 * the busy handler (it does so when waiting could deadlock, e.g. for the
 * exclusive lock that switching to WAL takes while another process creates
 * the schema). */
static int exec_retry(dyad_store *st, const char *sql, const char *what) {
    long long deadline = now_ns() + STORE_BUSY_MS * 1000000LL;
    for (;;) {
        int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK) return DYAD_OK;
        if (((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED) || now_ns() > deadline)
            return db_fail(st, what);
        struct timespec nap = {0, 5 * 1000000L};
        nanosleep(&nap, NULL);
    }
}

/* Read the schema version and decide whether this dyad may use the file:
 * refuse another program's database and a newer schema.  *ver gets the
 * version.  Read-only, so it can run before anything is changed.  The
 * three facts come from one statement, hence one snapshot: read one by one,
 * they could straddle another process's schema creation. */
static int check_schema(dyad_store *st, long long *ver) {
    static const char sql[] =
        "SELECT (SELECT application_id FROM pragma_application_id),"
        " (SELECT user_version FROM pragma_user_version),"
        " (SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\')";
    long long app = 0, v = 0, ntab = 0;
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        app = sqlite3_column_int64(s, 0);
        v = sqlite3_column_int64(s, 1);
        ntab = sqlite3_column_int64(s, 2);
        rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK) {
        if (sqlite3_errcode(st->db) == SQLITE_NOTADB)
            snprintf(st->msg, sizeof st->msg, "%s: not an SQLite database: %s", st->path,
                     sqlite3_errmsg(st->db));
        else
            db_fail(st, "cannot read the database");
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_OK) return DYAD_EDB;
    *ver = v;
    if (app != 0 && app != STORE_APP_ID) {
        snprintf(st->msg, sizeof st->msg, "%s: not a dyad database (application_id 0x%08llx)", st->path,
                 (unsigned long long)app & 0xffffffffu);
        return DYAD_EFORMAT;
    }
    if (v > STORE_SCHEMA_VERSION) {
        snprintf(st->msg, sizeof st->msg, "%s: schema version %lld is newer than this dyad (%d)", st->path, v,
                 STORE_SCHEMA_VERSION);
        return DYAD_EFORMAT;
    }
    if (v < 0 || (v > 0 && app != STORE_APP_ID)) {
        snprintf(st->msg, sizeof st->msg, "%s: not a dyad database (user_version %lld, no dyad application_id)",
                 st->path, v);
        return DYAD_EFORMAT;
    }
    if (v == 0 && ntab) {
        snprintf(st->msg, sizeof st->msg,
                 "%s: not a dyad database (%lld schema objects but no dyad schema); refusing to change it",
                 st->path, ntab);
        return DYAD_EFORMAT;
    }
    return DYAD_OK;
}

/* Bring the schema to STORE_SCHEMA_VERSION in one transaction.  The version
 * is read again under the write lock: another process may have migrated the
 * file since check_schema. */
static int migrate(dyad_store *st) {
    long long v = 0;
    int rc = exec_retry(st, "BEGIN IMMEDIATE", "cannot lock the database to create or migrate the schema");
    if (rc) return rc;
    rc = check_schema(st, &v);
    long long from = v;
    for (; !rc && v < STORE_SCHEMA_VERSION; v++) {
        char what[96];
        snprintf(what, sizeof what, "schema migration %lld -> %lld failed", v, v + 1);
        rc = exec_sql(st, steps[v], what);
    }
    if (!rc && from < STORE_SCHEMA_VERSION) {
        char sql[1024];
        snprintf(sql, sizeof sql,
                 "PRAGMA application_id = %d; PRAGMA user_version = %d;"
                 "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '%d');"
                 "INSERT OR REPLACE INTO meta (key, value) VALUES ('%s', '%s');"
                 "INSERT OR IGNORE INTO meta (key, value) VALUES ('hash', 'fnv1a64');"
                 "INSERT OR IGNORE INTO meta (key, value)"
                 " VALUES ('created_at', strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now'));",
                 STORE_APP_ID, STORE_SCHEMA_VERSION, STORE_SCHEMA_VERSION,
                 from == 0 ? "created_by" : "migrated_by", dyad_version());
        rc = exec_sql(st, sql, "cannot record the schema version");
    }
    if (rc) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL); /* keeps st->msg */
        return rc;
    }
    return exec_sql(st, "COMMIT", "cannot commit the schema migration");
}

/* Everything dyad_store_open does after allocating the handle. */
static int store_init(dyad_store *st) {
    int rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             NULL);
    if (rc != SQLITE_OK) return st->db ? db_fail(st, "cannot open") : DYAD_ENOMEM;
    sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
    long long ver = 0;
    rc = check_schema(st, &ver); /* before any write: a refused file stays as it was */
    if (rc) return rc;
    /* WAL: readers (an analyst's sqlite3 session) never block the writer
     * and a killed writer leaves committed batches intact.  journal_mode
     * returns the resulting mode; a file system without shared memory
     * support keeps the rollback journal, which is still crash-safe, so
     * that is accepted. */
    rc = exec_retry(st, "PRAGMA journal_mode = WAL", "cannot switch to WAL mode");
    if (!rc) rc = exec_sql(st, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                               "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384",
                           "cannot set connection options");
    if (rc) return rc;
    if (ver < STORE_SCHEMA_VERSION && (rc = migrate(st))) return rc;
    for (int i = 0; i < NQ; i++)
        if (sqlite3_prepare_v3(st->db, q_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &st->q[i], NULL) != SQLITE_OK)
            return db_fail(st, "cannot prepare statements (is the schema damaged?)");
    return DYAD_OK;
}

static void close_db(dyad_store *st) {
    for (int i = 0; i < NQ; i++) {
        sqlite3_finalize(st->q[i]);
        st->q[i] = NULL;
    }
    sqlite3_close(st->db); /* all statements finalized: cannot be busy */
    st->db = NULL;
}

/* Open or create the store at path (a file name; ":memory:" works too).
 * On success *out is a ready handle.  On failure *out is still a handle,
 * unless memory ran out (then NULL): dyad_store_errmsg tells what went
 * wrong and dyad_store_close frees it.  Statuses: DYAD_EINVAL (NULL
 * argument), DYAD_ENOMEM, DYAD_EDB (SQLite failure, including a file that is
 * not an SQLite database), DYAD_EFORMAT (another program's database or a
 * newer schema).  The handle belongs to one thread at a time. */
int dyad_store_open(dyad_store **out, const char *path) {
    if (!out) return DYAD_EINVAL;
    *out = NULL;
    if (!path) return DYAD_EINVAL;
    dyad_store *st = calloc(1, sizeof *st);
    if (!st) return DYAD_ENOMEM;
    st->path = strdup(path);
    if (!st->path) {
        free(st);
        return DYAD_ENOMEM;
    }
    *out = st;
    int rc = store_init(st);
    if (rc) {
        if (rc == DYAD_ENOMEM) snprintf(st->msg, sizeof st->msg, "%s: out of memory", st->path);
        close_db(st);
        st->open_rc = rc;
    }
    return rc;
}

/* The latest failure of the store, "PATH: what: reason", or "" if none.
 * Never NULL; valid until the next call on st. */
const char *dyad_store_errmsg(const dyad_store *st) {
    if (!st) return "no store (NULL handle: out of memory or not opened)";
    return st->msg;
}

/* Commit the open batch.  If COMMIT fails the batch is rolled back (the
 * documents in it are lost; a rerun adds them) and the store stays usable. */
static int commit_batch(dyad_store *st) {
    if (!st->in_txn) return DYAD_OK;
    size_t n = st->batch_n;
    int rc = run_q(st, Q_COMMIT, "commit failed");
    if (rc && !sqlite3_get_autocommit(st->db)) {
        char keep[sizeof st->msg];
        memcpy(keep, st->msg, sizeof keep);
        sqlite3_step(st->q[Q_ROLLBACK]);
        sqlite3_reset(st->q[Q_ROLLBACK]);
        memcpy(st->msg, keep, sizeof keep);
    }
    st->in_txn = 0;
    st->batch_n = 0;
    if (rc) {
        size_t l = strlen(st->msg);
        snprintf(st->msg + l, sizeof st->msg - l, " (a batch of %zu documents was not stored; rerun to add them)", n);
    }
    return rc;
}

/* Commit the open batch now, if any (e.g. when input pauses).  DYAD_OK,
 * DYAD_EINVAL for NULL, DYAD_EDB if the commit failed (the batch is then
 * lost and dyad_store_errmsg says how many documents it held). */
int dyad_store_flush(dyad_store *st) {
    if (!st) return DYAD_EINVAL;
    if (!st->db) return st->open_rc ? st->open_rc : DYAD_EINVAL;
    return commit_batch(st);
}

/* Commit the open batch, close the database and free the handle, which is
 * gone whatever the status.  NULL is fine (DYAD_OK).  A failed commit
 * returns DYAD_EDB; the message is lost with the handle, so a caller that
 * wants it calls dyad_store_flush first. */
int dyad_store_close(dyad_store *st) {
    if (!st) return DYAD_OK;
    int rc = DYAD_OK;
    if (st->db) {
        rc = commit_batch(st);
        close_db(st);
    }
    free(st->path);
    free(st);
    return rc;
}

/* FNV-1a 64 over the bytes [p, p + n). */
static uint64_t fnv1a(uint64_t h, const unsigned char *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* One field of the hashed serialisation: 0x00 if absent, else 0x01, the
 * length as 8 little-endian bytes, and the bytes.  The length prefix keeps
 * ("ab", "c") and ("a", "bc") apart. */
static uint64_t hash_field(uint64_t h, const char *s, size_t n) {
    unsigned char pre[9] = {0};
    if (!s) return fnv1a(h, pre, 1);
    pre[0] = 1;
    for (int i = 0; i < 8; i++) pre[1 + i] = (unsigned char)((uint64_t)n >> (8 * i));
    h = fnv1a(h, pre, sizeof pre);
    return fnv1a(h, (const unsigned char *)s, n);
}

/* The content hash: FNV-1a 64 (offset basis 0xcbf29ce484222325, prime
 * 0x100000001b3) over the fields id, date, title, url, source, meta in
 * that order and then the text, each serialised by hash_field. */
static uint64_t doc_hash(const dyad_doc *d) {
    static const dyad_field order[] = {DYAD_FIELD_ID, DYAD_FIELD_DATE, DYAD_FIELD_TITLE,
                                       DYAD_FIELD_URL, DYAD_FIELD_SOURCE, DYAD_FIELD_META};
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        h = hash_field(h, d->field[order[i]], d->field_len[order[i]]);
    return hash_field(h, d->text ? d->text : "", d->len);
}

static int bind_field(sqlite3_stmt *s, int col, const dyad_doc *d, dyad_field f) {
    if (!d->field[f]) return sqlite3_bind_null(s, col);
    return sqlite3_bind_text64(s, col, d->field[f], d->field_len[f], SQLITE_STATIC, SQLITE_UTF8);
}

/* Bind the documents row.  Done before anything is written, so that a
 * value SQLite refuses (a text over its 1 GB limit) fails the put before
 * an older version is deleted. */
static int bind_doc(dyad_store *st, const dyad_doc *d, const char *id, size_t idlen, const char *hex) {
    time_t t = time(NULL);
    if (t != st->when_t) { /* format the UTC time once a second, not per document */
        struct tm tm;
        if (!gmtime_r(&t, &tm) || !strftime(st->when, sizeof st->when, "%Y-%m-%dT%H:%M:%SZ", &tm))
            st->when[0] = '\0';
        st->when_t = t;
    }
    sqlite3_stmt *s = st->q[Q_INSERT_DOC];
    int rc = sqlite3_bind_text64(s, 1, id, idlen, SQLITE_STATIC, SQLITE_UTF8);
    rc |= bind_field(s, 2, d, DYAD_FIELD_DATE);
    rc |= bind_field(s, 3, d, DYAD_FIELD_TITLE);
    rc |= bind_field(s, 4, d, DYAD_FIELD_URL);
    rc |= bind_field(s, 5, d, DYAD_FIELD_SOURCE);
    rc |= bind_field(s, 6, d, DYAD_FIELD_META);
    rc |= sqlite3_bind_text64(s, 7, d->text ? d->text : "", d->len, SQLITE_STATIC, SQLITE_UTF8);
    rc |= sqlite3_bind_text(s, 8, hex, 16, SQLITE_STATIC);
    rc |= sqlite3_bind_text(s, 9, st->when, -1, SQLITE_STATIC);
    rc |= sqlite3_bind_text(s, 10, dyad_version(), -1, SQLITE_STATIC);
    rc |= d->has_tone ? sqlite3_bind_double(s, 11, d->tone) : sqlite3_bind_null(s, 11);
    if (rc != SQLITE_OK) {
        db_fail(st, "cannot store a document");
        sqlite3_clear_bindings(s);
        return DYAD_EDB;
    }
    return DYAD_OK;
}

/* Span i of a document's sentences or boilerplate. */
static dyad_span span_at(const dyad_doc *d, int sentences, size_t i) {
    return sentences ? dyad_doc_sentence(d, i, NULL, NULL) : d->boiler[i];
}

/* Insert the rows of one span table (sentences or boilerplate) of the
 * document stored as row: SPAN_ROWS rows per statement while there are
 * that many left (a step per row costs more than the row: 15% of the
 * insert time on 37-sentence articles), then one by one. */
static int insert_spans(dyad_store *st, int sentences, sqlite3_int64 row, const dyad_doc *d) {
    int q1 = sentences ? Q_INSERT_SENT : Q_INSERT_BOILER;
    int qn = sentences ? Q_INSERT_SENT_N : Q_INSERT_BOILER_N;
    const char *what = sentences ? "cannot insert sentences" : "cannot insert boilerplate";
    size_t n = sentences ? d->nsent : d->nboiler, i = 0;
    int rc = DYAD_OK;
    sqlite3_stmt *s = st->q[qn];
    sqlite3_bind_int64(s, 1, row);
    for (; !rc && n - i >= SPAN_ROWS; i += SPAN_ROWS) {
        for (int k = 0; k < SPAN_ROWS; k++) {
            dyad_span sp = span_at(d, sentences, i + (size_t)k);
            sqlite3_bind_int64(s, 2 + 3 * k, (sqlite3_int64)i + k);
            sqlite3_bind_int64(s, 3 + 3 * k, sp.start);
            sqlite3_bind_int64(s, 4 + 3 * k, sp.end);
        }
        rc = run_q(st, qn, what);
    }
    s = st->q[q1];
    sqlite3_bind_int64(s, 1, row);
    for (; !rc && i < n; i++) {
        dyad_span sp = span_at(d, sentences, i);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(s, 3, sp.start);
        sqlite3_bind_int64(s, 4, sp.end);
        rc = run_q(st, q1, what);
    }
    return rc;
}

/* Insert the document's resolved dates and places (the record's "dates"
 * and "places" arrays) under row. */
static int insert_dates_places(dyad_store *st, sqlite3_int64 row, const dyad_doc *d) {
    int rc = DYAD_OK;
    sqlite3_stmt *s = st->q[Q_INSERT_DATE];
    for (size_t i = 0; !rc && i < d->ndate; i++) {
        const ddate *t = &d->dates[i];
        sqlite3_bind_int64(s, 1, row);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(s, 3, t->start);
        sqlite3_bind_int64(s, 4, t->end);
        sqlite3_bind_text64(s, 5, d->text + t->start, t->end - t->start, SQLITE_STATIC, SQLITE_UTF8);
        sqlite3_bind_text(s, 6, t->value, -1, SQLITE_STATIC);
        rc = run_q(st, Q_INSERT_DATE, "cannot insert dates");
    }
    s = st->q[Q_INSERT_PLACE];
    for (size_t i = 0; !rc && i < d->nplace; i++) {
        const dplace *p = &d->places[i];
        sqlite3_bind_int64(s, 1, row);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(s, 3, p->start);
        sqlite3_bind_int64(s, 4, p->end);
        sqlite3_bind_text64(s, 5, d->text + p->start, p->end - p->start, SQLITE_STATIC, SQLITE_UTF8);
        sqlite3_bind_text(s, 6, p->name ? p->name : "", -1, SQLITE_STATIC);
        if (p->country[0]) sqlite3_bind_text(s, 7, p->country, -1, SQLITE_STATIC);
        else sqlite3_bind_null(s, 7);
        sqlite3_bind_double(s, 8, p->lat);
        sqlite3_bind_double(s, 9, p->lon);
        sqlite3_bind_text(s, 10, p->feature ? p->feature : "", -1, SQLITE_STATIC);
        if (p->geonameid) sqlite3_bind_int64(s, 11, p->geonameid);
        else sqlite3_bind_null(s, 11);
        rc = run_q(st, Q_INSERT_PLACE, "cannot insert places");
    }
    /* Drop pointers into the caller's document. */
    sqlite3_clear_bindings(st->q[Q_INSERT_DATE]);
    sqlite3_clear_bindings(st->q[Q_INSERT_PLACE]);
    return rc;
}

static void bind_text_or_null(sqlite3_stmt *s, int col, const char *v) {
    if (v && *v) sqlite3_bind_text(s, col, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(s, col);
}

/* Insert the entities and actors (the record's arrays of the same names);
 * an actor's roles and mentions are JSON arrays, as in the record. */
static int insert_actors(dyad_store *st, sqlite3_int64 row, const dyad_doc *d) {
    int rc = DYAD_OK;
    sqlite3_stmt *s = st->q[Q_INSERT_ENT];
    for (size_t i = 0; !rc && i < d->nent; i++) {
        const dent *e = &d->ents[i];
        sqlite3_bind_int64(s, 1, row);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(s, 3, e->start);
        sqlite3_bind_int64(s, 4, e->end);
        sqlite3_bind_text64(s, 5, d->text + e->start, e->end - e->start, SQLITE_STATIC, SQLITE_UTF8);
        sqlite3_bind_text(s, 6, e->type < ENT_NTYPES ? ent_type_names[e->type] : "MISC", -1, SQLITE_STATIC);
        if (e->actor >= 0) sqlite3_bind_int64(s, 7, e->actor);
        else sqlite3_bind_null(s, 7);
        rc = run_q(st, Q_INSERT_ENT, "cannot insert entities");
    }
    sqlite3_clear_bindings(s);
    s = st->q[Q_INSERT_ACTOR];
    strbuf roles, ments;
    sb_init(&roles);
    sb_init(&ments);
    size_t m = 0;
    for (size_t i = 0; !rc && i < d->nactor; i++) {
        const dactor *a = &d->actors[i];
        sb_reset(&roles);
        sb_reset(&ments);
        sb_putc(&roles, '[');
        for (uint32_t k = 0; k < a->nroles; k++) {
            if (k) sb_putc(&roles, ',');
            sb_put_json_str(&roles, a->roles[k], strlen(a->roles[k]));
        }
        sb_putc(&roles, ']');
        sb_putc(&ments, '[');
        while (m < d->nmention && d->mentions[m].actor < (int32_t)i) m++;
        for (int first = 1; m < d->nmention && d->mentions[m].actor == (int32_t)i; m++, first = 0)
            sb_printf(&ments, "%s[%u,%u]", first ? "" : ",", d->mentions[m].start, d->mentions[m].end);
        sb_putc(&ments, ']');
        if (roles.oom || ments.oom) {
            rc = DYAD_ENOMEM;
            break;
        }
        sqlite3_bind_int64(s, 1, row);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        sqlite3_bind_text(s, 3, a->name ? a->name : "", -1, SQLITE_STATIC);
        bind_text_or_null(s, 4, a->code);
        bind_text_or_null(s, 5, a->country);
        bind_text_or_null(s, 6, a->type && a->type < ENT_NTYPES ? ent_type_names[a->type] : NULL);
        sqlite3_bind_text64(s, 7, roles.s, roles.len, SQLITE_STATIC, SQLITE_UTF8);
        sqlite3_bind_text64(s, 8, ments.s, ments.len, SQLITE_STATIC, SQLITE_UTF8);
        rc = run_q(st, Q_INSERT_ACTOR, "cannot insert actors");
    }
    sqlite3_clear_bindings(s);
    sb_free(&roles);
    sb_free(&ments);
    return rc;
}

/* Insert the quotes (the record's "quotes"), searchable by speaker name. */
static int insert_quotes(dyad_store *st, sqlite3_int64 row, const dyad_doc *d) {
    static const char *const kinds[] = {"", "direct", "partial", "indirect"};
    int rc = DYAD_OK;
    sqlite3_stmt *s = st->q[Q_INSERT_QUOTE];
    for (size_t i = 0; !rc && i < d->nquote; i++) {
        const dquote *q = &d->quotes[i];
        sqlite3_bind_int64(s, 1, row);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(s, 3, q->start);
        sqlite3_bind_int64(s, 4, q->end);
        sqlite3_bind_text64(s, 5, d->text + q->start, q->end - q->start, SQLITE_STATIC, SQLITE_UTF8);
        sqlite3_bind_text(s, 6, q->kind <= QUOTE_INDIRECT ? kinds[q->kind] : "", -1, SQLITE_STATIC);
        int has_speaker = q->speaker_end > q->speaker_start;
        int has_actor = q->speaker_actor >= 0 && (size_t)q->speaker_actor < d->nactor;
        if (has_actor) sqlite3_bind_int64(s, 7, q->speaker_actor);
        else sqlite3_bind_null(s, 7);
        if (has_actor && d->actors[q->speaker_actor].name)
            sqlite3_bind_text(s, 8, d->actors[q->speaker_actor].name, -1, SQLITE_STATIC);
        else if (has_speaker)
            sqlite3_bind_text64(s, 8, d->text + q->speaker_start, q->speaker_end - q->speaker_start, SQLITE_STATIC,
                                SQLITE_UTF8);
        else
            sqlite3_bind_null(s, 8);
        if (has_speaker) {
            sqlite3_bind_int64(s, 9, q->speaker_start);
            sqlite3_bind_int64(s, 10, q->speaker_end);
        } else {
            sqlite3_bind_null(s, 9);
            sqlite3_bind_null(s, 10);
        }
        if (q->cue_end > q->cue_start)
            sqlite3_bind_text64(s, 11, d->text + q->cue_start, q->cue_end - q->cue_start, SQLITE_STATIC, SQLITE_UTF8);
        else
            sqlite3_bind_null(s, 11);
        rc = run_q(st, Q_INSERT_QUOTE, "cannot insert quotes");
    }
    sqlite3_clear_bindings(s);
    return rc;
}

static void bind_side(sqlite3_stmt *s, int col, const dyad_doc *d, int32_t actor, uint32_t a, uint32_t b) {
    if (actor < 0 || (size_t)actor >= d->nactor) {
        for (int i = 0; i < 4; i++) sqlite3_bind_null(s, col + i);
        return;
    }
    sqlite3_bind_int64(s, col, actor);
    bind_text_or_null(s, col + 1, d->actors[actor].code);
    bind_text_or_null(s, col + 2, d->actors[actor].country);
    sqlite3_bind_text64(s, col + 3, d->text + a, b > a ? b - a : 0, SQLITE_STATIC, SQLITE_UTF8);
}

/* Insert the events (the record's "events"). */
static int insert_events(dyad_store *st, sqlite3_int64 row, const dyad_doc *d) {
    static const char *const modes[] = {"asserted", "negated", "hypothetical"};
    int rc = DYAD_OK;
    sqlite3_stmt *s = st->q[Q_INSERT_EVENT];
    for (size_t i = 0; !rc && i < d->nevent; i++) {
        const devent *e = &d->events[i];
        sqlite3_bind_int64(s, 1, row);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(s, 3, e->sentence);
        sqlite3_bind_int64(s, 4, e->start);
        sqlite3_bind_int64(s, 5, e->end);
        sqlite3_bind_text(s, 6, e->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 7, e->code, strlen(e->code) >= 2 ? 2 : -1, SQLITE_STATIC);
        if (e->quad) sqlite3_bind_int(s, 8, e->quad);
        else sqlite3_bind_null(s, 8);
        sqlite3_bind_double(s, 9, (double)e->goldstein);
        bind_side(s, 10, d, e->source, e->src_start, e->src_end);
        bind_side(s, 14, d, e->target, e->tgt_start, e->tgt_end);
        sqlite3_bind_text(s, 18, e->mode <= MODE_HYPOTHETICAL ? modes[e->mode] : "asserted", -1, SQLITE_STATIC);
        if (e->attributed_to >= 0) sqlite3_bind_int64(s, 19, e->attributed_to);
        else sqlite3_bind_null(s, 19);
        if (e->date >= 0 && (size_t)e->date < d->ndate) sqlite3_bind_text(s, 20, d->dates[e->date].value, -1, SQLITE_STATIC);
        else sqlite3_bind_null(s, 20);
        if (e->place >= 0) sqlite3_bind_int64(s, 21, e->place);
        else sqlite3_bind_null(s, 21);
        rc = run_q(st, Q_INSERT_EVENT, "cannot insert events");
    }
    sqlite3_clear_bindings(s);
    return rc;
}

/* The writes of one document.  *row gets the rowid of the new documents
 * row as soon as it exists (0 before), so that a failure after it can be
 * undone. */
static int put_rows(dyad_store *st, const dyad_doc *d, const char *id, size_t idlen, const char *hex,
                    int *outcome, sqlite3_int64 *row) {
    int rc = bind_doc(st, d, id, idlen, hex);
    if (rc) return rc;
    sqlite3_stmt *ins = st->q[Q_INSERT_DOC], *s = st->q[Q_LOOKUP];
    sqlite3_bind_text64(s, 1, id, idlen, SQLITE_STATIC, SQLITE_UTF8);
    int src = sqlite3_step(s);
    if (src == SQLITE_ROW) {
        sqlite3_int64 old = sqlite3_column_int64(s, 0);
        const unsigned char *oh = sqlite3_column_text(s, 1);
        int same = oh && strcmp((const char *)oh, hex) == 0;
        sqlite3_reset(s);
        if (same) {
            *outcome = DYAD_STORE_SKIPPED;
            sqlite3_clear_bindings(ins);
            return DYAD_OK;
        }
        sqlite3_bind_int64(st->q[Q_DELETE], 1, old);
        rc = run_q(st, Q_DELETE, "cannot delete the previous version of a document");
        *outcome = DYAD_STORE_REPLACED;
    } else if (src == SQLITE_DONE) {
        sqlite3_reset(s);
        *outcome = DYAD_STORE_ADDED;
    } else {
        rc = db_fail(st, "cannot look up a document");
        sqlite3_reset(s);
    }
    if (!rc) rc = run_q(st, Q_INSERT_DOC, "cannot insert a document");
    sqlite3_clear_bindings(ins); /* drop pointers into the caller's document */
    if (rc) return rc;
    *row = sqlite3_last_insert_rowid(st->db);
    rc = insert_spans(st, 1, *row, d);
    if (!rc) rc = insert_spans(st, 0, *row, d);
    if (!rc) rc = insert_dates_places(st, *row, d);
    if (!rc) rc = insert_actors(st, *row, d);
    if (!rc) rc = insert_quotes(st, *row, d);
    if (!rc) rc = insert_events(st, *row, d);
    return rc;
}

/* A put failed after (maybe) writing part of a document: remove the part,
 * keeping the rest of the batch, or drop the batch if that fails.  The
 * message of the original failure is kept and completed. */
static void undo_partial(dyad_store *st, sqlite3_int64 row) {
    char keep[sizeof st->msg];
    memcpy(keep, st->msg, sizeof keep);
    if (!sqlite3_get_autocommit(st->db) && row) {
        sqlite3_bind_int64(st->q[Q_DELETE], 1, row);
        if (run_q(st, Q_DELETE, "undo") && !sqlite3_get_autocommit(st->db)) {
            sqlite3_step(st->q[Q_ROLLBACK]);
            sqlite3_reset(st->q[Q_ROLLBACK]);
        }
    }
    memcpy(st->msg, keep, sizeof keep);
    if (sqlite3_get_autocommit(st->db)) {
        /* SQLite abandoned the transaction (disk full, I/O error...), or
         * the undo failed: the batch is gone, not just this document. */
        size_t l = strlen(st->msg);
        snprintf(st->msg + l, sizeof st->msg - l,
                 " (the transaction was rolled back with the %zu earlier documents of its batch; rerun to add them)",
                 st->batch_n);
        st->in_txn = 0;
        st->batch_n = 0;
    }
}

/* Store one coded document (see the file comment for skip/replace, the
 * "sha:" id of id-less documents and batching).  *outcome (may be NULL) is
 * DYAD_STORE_ADDED, _SKIPPED or _REPLACED; it is SKIPPED whenever the
 * status is not DYAD_OK.  Returns DYAD_EINVAL for NULL arguments and for a
 * document that carries an error or is not coded (nothing written, batch
 * intact), DYAD_EDB on an SQLite failure: the document is then undone
 * alone (when it replaced an older version, that version is gone too, and
 * a rerun adds the document), or, if SQLite abandoned the transaction,
 * with its whole batch (the message says so).  The store is not kept busy by the document: its text
 * and fields are copied into SQLite before returning. */
int dyad_store_put(dyad_store *st, const dyad_doc *d, int *outcome) {
    int oc = DYAD_STORE_SKIPPED;
    if (outcome) *outcome = oc;
    if (!st || !d) return DYAD_EINVAL;
    if (!st->db) return st->open_rc ? st->open_rc : DYAD_EINVAL;
    const char *id = d->field[DYAD_FIELD_ID];
    size_t idlen = d->field_len[DYAD_FIELD_ID];
    if (d->err != DYAD_OK || !d->coded) {
        snprintf(st->msg, sizeof st->msg, "%s: document %s%.200s%s not stored: %s", st->path, id ? "\"" : "",
                 id ? id : "(no id)", id ? "\"" : "",
                 d->err != DYAD_OK ? "it carries an error" : "it is not coded (call dyad_doc_code first)");
        return DYAD_EINVAL;
    }

    char hex[17], shaid[21];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)doc_hash(d));
    if (!id || !idlen) {
        snprintf(shaid, sizeof shaid, "sha:%s", hex);
        id = shaid;
        idlen = 20;
    }

    int rc;
    if (!st->in_txn) {
        if ((rc = run_q(st, Q_BEGIN, "cannot begin a transaction"))) return rc;
        st->in_txn = 1;
        st->batch_n = 0;
        st->batch_t0 = now_ns();
    }
    sqlite3_int64 row = 0;
    if ((rc = put_rows(st, d, id, idlen, hex, &oc, &row))) {
        undo_partial(st, row);
        return rc;
    }
    st->batch_n++;
    if (st->batch_n >= STORE_BATCH_DOCS || now_ns() - st->batch_t0 >= STORE_BATCH_NSEC) {
        if ((rc = commit_batch(st))) return rc; /* this document was lost with its batch */
    }
    if (outcome) *outcome = oc;
    return DYAD_OK;
}
