/* test_store.c -- unit tests of the SQLite store (src/store.c).
 *
 * Every test works on databases in its own mkdtemp directory and checks
 * the rows with a second, plain sqlite3 connection, the way an analyst
 * would read them.  The crash tests fork a writer that dies mid-batch
 * (_exit, then SIGKILL at a random moment) and check that the reopened
 * database is intact and that a rerun completes the set. */
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../include/dyad.h"
#include "../src/doc.h" /* doc_push_boiler: boilerplate detection is not there yet */
#include "test.h"

static char tmpdir[64];
static dyad_ctx *ctx;

/* Path of a database file NAME in the temp dir (static buffer rotation). */
static const char *dbpath(const char *name) {
    static char buf[4][256];
    static int k;
    k = (k + 1) & 3;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

static void rm_db(const char *path) {
    char p[300];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-journal", path);
    unlink(p);
}

/* One integer from a query on a fresh connection; -999 on error. */
static long long q_int(const char *path, const char *sql) {
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    long long v = -999;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    else
        fprintf(stderr, "  q_int(%s): %s\n", sql, sqlite3_errmsg(db));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

/* One text value from a query into buf ("(null)" for NULL, "" on error). */
static const char *q_text(const char *path, const char *sql, char *buf, size_t cap) {
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    buf[0] = '\0';
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(s, 0);
        snprintf(buf, cap, "%s", t ? (const char *)t : "(null)");
    } else {
        fprintf(stderr, "  q_text(%s): %s\n", sql, sqlite3_errmsg(db));
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return buf;
}

/* Run SQL on a fresh connection (creating the file); 0 on success. */
static int q_exec(const char *path, const char *sql) {
    sqlite3 *db = NULL;
    int rc = sqlite3_open(path, &db);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK) fprintf(stderr, "  q_exec: %s\n", sqlite3_errmsg(db));
    sqlite3_close(db);
    return rc;
}

/* Fill doc with text and an optional id, then code it. */
static int make_doc(dyad_doc *d, const char *id, const char *text) {
    dyad_doc_reset(d);
    int rc = dyad_doc_set_text(d, text, strlen(text));
    if (!rc && id) rc = dyad_doc_set_field(d, DYAD_FIELD_ID, id, strlen(id));
    if (!rc) rc = dyad_doc_code(ctx, d);
    return rc;
}

/* The n-th generated document: always three sentences. */
static void gen_doc(dyad_doc *d, int i) {
    char id[32], text[256];
    snprintf(id, sizeof id, "gen-%05d", i);
    snprintf(text, sizeof text,
             "Officials in city number %d met on Monday. They discussed the water supply. "
             "No agreement was reached.", i);
    make_doc(d, id, text);
}

/* The documented content hash, written independently of store.c. */
static uint64_t fnv(uint64_t h, const void *p, size_t n) {
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 0x100000001b3ULL;
    return h;
}
static uint64_t fnv_field(uint64_t h, const char *s, size_t n) {
    unsigned char pre[9] = {0};
    if (!s) return fnv(h, pre, 1);
    pre[0] = 1;
    for (int i = 0; i < 8; i++) pre[1 + i] = (unsigned char)((uint64_t)n >> (8 * i));
    return fnv(fnv(h, pre, 9), s, n);
}
static void doc_hash_hex(const dyad_doc *d, char hex[17]) {
    static const dyad_field order[] = {DYAD_FIELD_ID, DYAD_FIELD_DATE, DYAD_FIELD_TITLE,
                                       DYAD_FIELD_URL, DYAD_FIELD_SOURCE, DYAD_FIELD_META};
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < 6; i++) {
        const char *v = dyad_doc_field(d, order[i]);
        h = fnv_field(h, v, v ? strlen(v) : 0);
    }
    size_t len;
    const char *t = dyad_doc_text(d, &len);
    h = fnv_field(h, t, len);
    snprintf(hex, 17, "%016llx", (unsigned long long)h);
}

static void test_null_args(void) {
    dyad_store *st = (dyad_store *)&st;
    dyad_doc *d = NULL;
    int oc = -1;
    CHECK_INT(dyad_store_open(NULL, dbpath("x.db")), DYAD_EINVAL);
    CHECK_INT(dyad_store_open(&st, NULL), DYAD_EINVAL);
    CHECK(st == NULL);
    CHECK_INT(dyad_store_close(NULL), DYAD_OK);
    CHECK_INT(dyad_store_flush(NULL), DYAD_EINVAL);
    CHECK_INT(dyad_store_put(NULL, NULL, &oc), DYAD_EINVAL);
    CHECK_INT(oc, DYAD_STORE_SKIPPED);
    CHECK(dyad_store_errmsg(NULL) != NULL);
    CHECK_INT(dyad_store_open(&st, dbpath("null.db")), DYAD_OK);
    CHECK_STR(dyad_store_errmsg(st), "");
    CHECK_INT(dyad_store_put(st, NULL, NULL), DYAD_EINVAL);
    dyad_doc_new(&d);
    make_doc(d, "a", "Hello there.");
    CHECK_INT(dyad_store_put(st, d, NULL), DYAD_OK); /* outcome pointer is optional */
    CHECK_INT(dyad_store_flush(st), DYAD_OK);
    CHECK_INT(dyad_store_flush(st), DYAD_OK); /* nothing open: fine */
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    dyad_doc_free(d);
    rm_db(dbpath("null.db"));
}

static void test_put_basic(void) {
    const char *p = dbpath("basic.db");
    char buf[512], hex[17], sql[256];
    dyad_store *st = NULL;
    dyad_doc *d = NULL;
    int oc = -1;
    dyad_doc_new(&d);
    const char *text = "President Ortiz arrived in Quito on Monday. \"We will talk,\" she said.\n\n"
                       "The talks begin today. Café owners welcomed them.";
    CHECK_INT(make_doc(d, "afp-1", text), DYAD_OK);
    CHECK_INT(dyad_doc_set_field(d, DYAD_FIELD_DATE, "2023-03-02T10:00:00Z", 20), DYAD_OK);
    CHECK_INT(dyad_doc_set_field(d, DYAD_FIELD_TITLE, "Talks", 5), DYAD_OK);
    CHECK_INT(dyad_doc_set_field(d, DYAD_FIELD_URL, "https://example.org/a", 21), DYAD_OK);
    CHECK_INT(dyad_doc_set_field(d, DYAD_FIELD_SOURCE, "AFP", 3), DYAD_OK);
    CHECK_INT(dyad_doc_set_field(d, DYAD_FIELD_META, "{\"lang\":\"en\",\"n\":3}", 19), DYAD_OK);
    size_t nsent = dyad_doc_sentence_count(d);
    CHECK(nsent >= 2);

    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_ADDED);
    CHECK_INT(dyad_store_close(st), DYAD_OK);

    CHECK_INT(q_int(p, "PRAGMA user_version"), 2);
    CHECK_INT(q_int(p, "PRAGMA application_id"), 0x64796164);
    CHECK_STR(q_text(p, "PRAGMA journal_mode", buf, sizeof buf), "wal");
    CHECK_STR(q_text(p, "PRAGMA integrity_check", buf, sizeof buf), "ok");
    CHECK_STR(q_text(p, "SELECT value FROM meta WHERE key = 'created_by'", buf, sizeof buf), dyad_version());
    CHECK_STR(q_text(p, "SELECT value FROM meta WHERE key = 'schema_version'", buf, sizeof buf), "2");
    CHECK_STR(q_text(p, "SELECT value FROM meta WHERE key = 'hash'", buf, sizeof buf), "fnv1a64");
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents"), 1);
    CHECK_STR(q_text(p, "SELECT doc_id FROM documents", buf, sizeof buf), "afp-1");
    CHECK_STR(q_text(p, "SELECT date FROM documents", buf, sizeof buf), "2023-03-02");
    CHECK_STR(q_text(p, "SELECT title FROM documents", buf, sizeof buf), "Talks");
    CHECK_STR(q_text(p, "SELECT url FROM documents", buf, sizeof buf), "https://example.org/a");
    CHECK_STR(q_text(p, "SELECT source FROM documents", buf, sizeof buf), "AFP");
    CHECK_STR(q_text(p, "SELECT json_extract(meta, '$.lang') FROM documents", buf, sizeof buf), "en");
    CHECK_STR(q_text(p, "SELECT text FROM documents", buf, sizeof buf), text);
    CHECK_STR(q_text(p, "SELECT dyad_version FROM documents", buf, sizeof buf), dyad_version());
    /* Tone, dates and places as the document has them. */
    if (d->has_tone) {
        snprintf(sql, sizeof sql, "SELECT abs(tone - %.6f) < 1e-6 FROM documents", d->tone);
        CHECK_INT(q_int(p, sql), 1);
    } else {
        CHECK_STR(q_text(p, "SELECT tone FROM documents", buf, sizeof buf), "(null)");
    }
    CHECK_INT(q_int(p, "SELECT count(*) FROM dates"), (long long)d->ndate);
    CHECK_INT(q_int(p, "SELECT count(*) FROM places"), (long long)d->nplace);
    if (d->ndate) CHECK_STR(q_text(p, "SELECT value FROM dates WHERE idx = 0", buf, sizeof buf), d->dates[0].value);
    if (d->nplace) CHECK_STR(q_text(p, "SELECT name FROM places WHERE idx = 0", buf, sizeof buf), d->places[0].name);
    CHECK_INT(q_int(p, "SELECT coded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z' FROM documents"), 1);
    doc_hash_hex(d, hex);
    CHECK_STR(q_text(p, "SELECT hash FROM documents", buf, sizeof buf), hex);

    /* Sentences: one row per sentence, byte spans as the accessor gives. */
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), nsent);
    for (size_t i = 0; i < nsent; i++) {
        dyad_span sp = dyad_doc_sentence(d, i, NULL, NULL);
        snprintf(sql, sizeof sql, "SELECT start * 1000000 + end FROM sentences WHERE idx = %zu", i);
        CHECK_INT(q_int(p, sql), (long long)sp.start * 1000000 + sp.end);
    }
    /* Sentence text recovered in SQL (substr is 1-based and counts
     * characters in text, so cast to blob for byte offsets). */
    CHECK_STR(q_text(p, "SELECT CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT) "
                        "FROM sentences s JOIN documents d ON d.id = s.doc WHERE s.idx = 0", buf, sizeof buf),
              "President Ortiz arrived in Quito on Monday.");
    /* Every table of a stage not built yet exists and is empty. */
    static const char *const tabs[] = {"boilerplate"};
    for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++) {
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tabs[i]);
        CHECK_INT(q_int(p, sql), 0);
    }
    /* Entities and actors: one row per record element, linked. */
    CHECK_INT(q_int(p, "SELECT count(*) FROM entities"), (long long)d->nent);
    CHECK_INT(q_int(p, "SELECT count(*) FROM actors"), (long long)d->nactor);
    CHECK_INT(q_int(p, "SELECT count(*) FROM quotes"), (long long)d->nquote);
    CHECK_INT(q_int(p, "SELECT count(*) FROM events"), (long long)d->nevent);
    CHECK(d->nent >= 1);
    CHECK_INT(q_int(p, "SELECT count(*) FROM entities e LEFT JOIN actors a ON a.doc = e.doc AND a.idx = e.actor "
                       "WHERE e.actor IS NOT NULL AND a.idx IS NULL"),
              0);
    CHECK_STR(q_text(p, "SELECT type FROM entities WHERE text = 'Quito'", buf, sizeof buf), "GPE");
    dyad_doc_free(d);
    rm_db(p);
}

static void test_skip_replace(void) {
    const char *p = dbpath("skip.db");
    char buf[256];
    dyad_store *st = NULL;
    dyad_doc *d = NULL;
    int oc = -1;
    dyad_doc_new(&d);
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    make_doc(d, "r-1", "One sentence here. And a second one.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_ADDED);
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK); /* same batch */
    CHECK_INT(oc, DYAD_STORE_SKIPPED);
    make_doc(d, "r-2", "Another document.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents"), 2);
    long long row1 = q_int(p, "SELECT id FROM documents WHERE doc_id = 'r-1'");
    q_text(p, "SELECT coded_at FROM documents WHERE doc_id = 'r-1'", buf, sizeof buf);

    /* Across runs: same content is skipped and nothing is rewritten. */
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    make_doc(d, "r-1", "One sentence here. And a second one.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_SKIPPED);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents"), 2);
    CHECK_INT(q_int(p, "SELECT id FROM documents WHERE doc_id = 'r-1'"), row1);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), 3);

    /* Changed text: replaced, children replaced, no orphans. */
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    make_doc(d, "r-1", "Now it has three sentences. Really. Yes.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_REPLACED);
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_SKIPPED);
    /* Changed metadata only: also a new version. */
    CHECK_INT(dyad_doc_set_field(d, DYAD_FIELD_TITLE, "T", 1), DYAD_OK);
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_REPLACED);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents"), 2);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents WHERE doc_id = 'r-1' AND title = 'T'"), 1);
    CHECK(q_int(p, "SELECT id FROM documents WHERE doc_id = 'r-1'") > row1);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM sentences WHERE doc = %lld", row1);
    CHECK_INT(q_int(p, sql), 0);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.doc "
                       "WHERE d.doc_id = 'r-1'"), 3);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences WHERE doc NOT IN (SELECT id FROM documents)"), 0);
    CHECK_INT(q_int(p, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    dyad_doc_free(d);
    rm_db(p);
}

static void test_no_id(void) {
    const char *p = dbpath("noid.db");
    char buf[256], hex[17], want[32];
    dyad_store *st = NULL;
    dyad_doc *d = NULL;
    int oc = -1;
    dyad_doc_new(&d);
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    make_doc(d, NULL, "A story without an id.");
    doc_hash_hex(d, hex);
    snprintf(want, sizeof want, "sha:%s", hex);
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_ADDED);
    make_doc(d, NULL, "A story without an id.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK); /* a wire duplicate: stored once */
    CHECK_INT(oc, DYAD_STORE_SKIPPED);
    make_doc(d, "", "An empty id counts as none.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_ADDED);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents"), 2);
    CHECK_STR(q_text(p, "SELECT doc_id FROM documents ORDER BY id LIMIT 1", buf, sizeof buf), want);
    CHECK_STR(q_text(p, "SELECT hash FROM documents ORDER BY id LIMIT 1", buf, sizeof buf), hex);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents WHERE doc_id = 'sha:' || hash"), 2);
    dyad_doc_free(d);
    rm_db(p);
}

static void test_not_storable(void) {
    const char *p = dbpath("err.db");
    dyad_store *st = NULL;
    dyad_doc *d = NULL;
    int oc = -1;
    dyad_doc_new(&d);
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    make_doc(d, "good", "A good document.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    /* An error record: refused, the open batch is kept. */
    dyad_doc_reset(d);
    dyad_doc_set_field(d, DYAD_FIELD_ID, "bad", 3);
    dyad_doc_set_error(d, DYAD_EJSON, 7, "line 7: expected '}'");
    oc = -1;
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_EINVAL);
    CHECK_INT(oc, DYAD_STORE_SKIPPED);
    CHECK(strstr(dyad_store_errmsg(st), "\"bad\" not stored") != NULL);
    /* Not coded: refused too (its hash would make the coded put a no-op). */
    dyad_doc_reset(d);
    dyad_doc_set_text(d, "Not coded yet.", 14);
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_EINVAL);
    CHECK(strstr(dyad_store_errmsg(st), "not coded") != NULL);
    make_doc(d, "good2", "Another good one.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_ADDED);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents"), 2);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents WHERE doc_id = 'bad'"), 0);
    dyad_doc_free(d);
    rm_db(p);
}

/* Many sentences and boilerplate spans: the multi-row insert path. */
static void test_long_doc(void) {
    const char *p = dbpath("long.db");
    char text[4096], sql[256];
    size_t len = 0;
    for (int i = 0; i < 40; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "Sentence number %d is here. ", i);
    dyad_store *st = NULL;
    dyad_doc *d = NULL;
    int oc = -1;
    dyad_doc_new(&d);
    CHECK_INT(make_doc(d, "long", text), DYAD_OK);
    CHECK_INT(dyad_doc_sentence_count(d), 40);
    for (uint32_t i = 0; i < 18; i++) CHECK_INT(doc_push_boiler(d, i * 10, i * 10 + 5), 0);
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), 40);
    CHECK_INT(q_int(p, "SELECT count(*) FROM boilerplate"), 18);
    for (size_t i = 0; i < 40; i++) {
        dyad_span sp = dyad_doc_sentence(d, i, NULL, NULL);
        snprintf(sql, sizeof sql, "SELECT start * 1000000 + end FROM sentences WHERE idx = %zu", i);
        CHECK_INT(q_int(p, sql), (long long)sp.start * 1000000 + sp.end);
    }
    CHECK_INT(q_int(p, "SELECT count(*) FROM boilerplate WHERE start = idx * 10 AND end = start + 5"), 18);
    dyad_doc_free(d);
    rm_db(p);
}

/* Failures inside a batch, injected with triggers: a document failing
 * halfway is undone alone; a failure that ends the transaction loses the
 * batch and says so; the store goes on working after both. */
static void test_fault_injection(void) {
    const char *p = dbpath("fault.db");
    char buf[256];
    dyad_store *st = NULL;
    dyad_doc *d = NULL;
    int oc = -1;
    dyad_doc_new(&d);
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    make_doc(d, "a", "First. Document.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    make_doc(d, "boom", "Old version. Of boom.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(dyad_store_flush(st), DYAD_OK); /* the write lock is free for the trigger */
    CHECK_INT(q_exec(p, "CREATE TRIGGER inject BEFORE INSERT ON sentences WHEN "
                        "(SELECT doc_id FROM documents WHERE id = NEW.doc) = 'boom' "
                        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"), 0);
    make_doc(d, "b", "Second. Document.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    make_doc(d, "boom", "New version. Of boom. Fails.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_EDB);
    CHECK_INT(oc, DYAD_STORE_SKIPPED);
    CHECK(strstr(dyad_store_errmsg(st), p) == dyad_store_errmsg(st));
    CHECK(strstr(dyad_store_errmsg(st), "cannot insert sentences: injected failure") != NULL);
    make_doc(d, "c", "Third. Document.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_ADDED);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    CHECK_STR(q_text(p, "SELECT group_concat(doc_id, ',') FROM (SELECT doc_id FROM documents ORDER BY id)", buf,
                     sizeof buf), "a,b,c");
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), 6);
    CHECK_INT(q_int(p, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    CHECK_STR(q_text(p, "PRAGMA integrity_check", buf, sizeof buf), "ok");

    /* RAISE(ROLLBACK) ends the transaction: the batch is gone. */
    CHECK_INT(q_exec(p, "CREATE TRIGGER inject2 BEFORE INSERT ON sentences WHEN "
                        "(SELECT doc_id FROM documents WHERE id = NEW.doc) = 'boom2' "
                        "BEGIN SELECT RAISE(ROLLBACK, 'injected rollback'); END;"), 0);
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    make_doc(d, "d1", "Lost. With the batch.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    make_doc(d, "d2", "Lost too.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    make_doc(d, "boom2", "Rolls back.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_EDB);
    CHECK(strstr(dyad_store_errmsg(st), "injected rollback") != NULL);
    CHECK(strstr(dyad_store_errmsg(st), "with the 2 earlier documents of its batch") != NULL);
    make_doc(d, "d3", "Kept. In a new batch.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_ADDED);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    CHECK_STR(q_text(p, "SELECT group_concat(doc_id, ',') FROM (SELECT doc_id FROM documents ORDER BY id)", buf,
                     sizeof buf), "a,b,c,d3");
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), 8);
    CHECK_STR(q_text(p, "PRAGMA integrity_check", buf, sizeof buf), "ok");
    dyad_doc_free(d);
    rm_db(p);
}

static void test_batching(void) {
    const char *p = dbpath("batch.db");
    dyad_store *st = NULL;
    dyad_doc *d = NULL;
    int oc = -1;
    dyad_doc_new(&d);
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    gen_doc(d, 0);
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    /* Uncommitted: a reader (WAL: not blocked) does not see it yet. */
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents"), 0);
    CHECK_INT(dyad_store_flush(st), DYAD_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents"), 1);
    /* 600 more: at least one batch commits by itself (at 500 documents or
     * earlier by the half-second rule on a slow machine). */
    for (int i = 1; i <= 600; i++) {
        gen_doc(d, i);
        if (dyad_store_put(st, d, &oc) != DYAD_OK || oc != DYAD_STORE_ADDED) {
            CHECK(0);
            break;
        }
    }
    long long seen = q_int(p, "SELECT count(*) FROM documents");
    CHECK(seen >= 501 && seen < 601);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents"), 601);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), 601 * 3);
    dyad_doc_free(d);
    rm_db(p);
}

static void test_newer_refused(void) {
    const char *p = dbpath("newer.db");
    char buf[256], want[300];
    dyad_store *st = NULL;
    dyad_doc *d = NULL;
    CHECK_INT(q_exec(p, "PRAGMA application_id = 1685676388; PRAGMA user_version = 99;"
                        "CREATE TABLE documents (id INTEGER PRIMARY KEY, doc_id TEXT, future TEXT);"), 0);
    CHECK_INT(dyad_store_open(&st, p), DYAD_EFORMAT);
    CHECK(st != NULL);
    snprintf(want, sizeof want, "%s: schema version 99 is newer than this dyad (2)", p);
    CHECK_STR(dyad_store_errmsg(st), want);
    /* The failed handle refuses work with the same status and message. */
    dyad_doc_new(&d);
    make_doc(d, "x", "Text.");
    CHECK_INT(dyad_store_put(st, d, NULL), DYAD_EFORMAT);
    CHECK_INT(dyad_store_flush(st), DYAD_EFORMAT);
    CHECK_STR(dyad_store_errmsg(st), want);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    /* Untouched: not switched to WAL, still version 99. */
    CHECK_STR(q_text(p, "PRAGMA journal_mode", buf, sizeof buf), "delete");
    CHECK_INT(q_int(p, "PRAGMA user_version"), 99);
    dyad_doc_free(d);
    rm_db(p);
}

static void test_not_a_db(void) {
    const char *p = dbpath("notes.txt");
    const char *content = "These are my notes, not a database.\n";
    FILE *f = fopen(p, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs(content, f);
    fclose(f);
    dyad_store *st = NULL;
    CHECK_INT(dyad_store_open(&st, p), DYAD_EDB);
    CHECK(strstr(dyad_store_errmsg(st), p) == dyad_store_errmsg(st));
    CHECK(strstr(dyad_store_errmsg(st), "not an SQLite database") != NULL);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    /* The file is unchanged. */
    char back[128] = {0};
    f = fopen(p, "r");
    if (f) {
        size_t n = fread(back, 1, sizeof back - 1, f);
        back[n] = '\0';
        fclose(f);
    }
    CHECK_STR(back, content);
    rm_db(p);

    /* A directory, and a file in a missing directory. */
    CHECK_INT(dyad_store_open(&st, tmpdir), DYAD_EDB);
    CHECK(strstr(dyad_store_errmsg(st), tmpdir) != NULL);
    dyad_store_close(st);
    CHECK_INT(dyad_store_open(&st, dbpath("missing/dir/x.db")), DYAD_EDB);
    CHECK(strstr(dyad_store_errmsg(st), "cannot open") != NULL);
    dyad_store_close(st);
}

static void test_foreign_db(void) {
    const char *p = dbpath("foreign.db");
    dyad_store *st = NULL;
    /* Someone's own database: tables, no dyad schema. */
    CHECK_INT(q_exec(p, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT);"), 0);
    CHECK_INT(dyad_store_open(&st, p), DYAD_EFORMAT);
    CHECK(strstr(dyad_store_errmsg(st), "not a dyad database") != NULL);
    dyad_store_close(st);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sqlite_master"), 1);
    rm_db(p);
    /* Another application's id. */
    CHECK_INT(q_exec(p, "PRAGMA application_id = 42;"), 0);
    CHECK_INT(dyad_store_open(&st, p), DYAD_EFORMAT);
    CHECK(strstr(dyad_store_errmsg(st), "application_id 0x0000002a") != NULL);
    dyad_store_close(st);
    rm_db(p);
    /* An empty file is a new database. */
    FILE *f = fopen(p, "w");
    if (f) fclose(f);
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    CHECK_INT(q_int(p, "PRAGMA user_version"), 2);
    rm_db(p);
}

/* Version 1, as the first dyad releases would have written it. */
static const char *const v1_sql =
    "PRAGMA application_id = 1685676388;"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE documents (id INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT NOT NULL UNIQUE,"
    " date TEXT, title TEXT, url TEXT, source TEXT, meta TEXT, text TEXT NOT NULL, hash TEXT NOT NULL,"
    " coded_at TEXT NOT NULL);"
    "CREATE INDEX documents_date ON documents(date);"
    "CREATE INDEX documents_source ON documents(source);"
    "CREATE TABLE sentences (doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, PRIMARY KEY (doc, idx)) WITHOUT ROWID;"
    "CREATE TABLE boilerplate (doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, PRIMARY KEY (doc, idx)) WITHOUT ROWID;"
    "INSERT INTO meta VALUES ('created_by', '0.0.9'), ('schema_version', '1');"
    "INSERT INTO documents (doc_id, date, text, hash, coded_at)"
    " VALUES ('old-1', '2020-01-02', 'Old text. Two sentences.', '0000000000000000', '2020-01-02T00:00:00Z');"
    "INSERT INTO sentences VALUES (1, 0, 0, 9), (1, 1, 10, 24);"
    "PRAGMA user_version = 1;";

static void test_migrate_v1(void) {
    const char *p = dbpath("v1.db");
    char buf[256];
    dyad_store *st = NULL;
    dyad_doc *d = NULL;
    int oc = -1;
    CHECK_INT(q_exec(p, v1_sql), 0);
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    CHECK_INT(q_int(p, "PRAGMA user_version"), 2);
    CHECK_STR(q_text(p, "PRAGMA integrity_check", buf, sizeof buf), "ok");
    CHECK_STR(q_text(p, "SELECT value FROM meta WHERE key = 'created_by'", buf, sizeof buf), "0.0.9");
    CHECK_STR(q_text(p, "SELECT value FROM meta WHERE key = 'migrated_by'", buf, sizeof buf), dyad_version());
    CHECK_STR(q_text(p, "SELECT value FROM meta WHERE key = 'schema_version'", buf, sizeof buf), "2");
    /* Old rows kept; the new column is NULL for them. */
    CHECK_STR(q_text(p, "SELECT dyad_version FROM documents WHERE doc_id = 'old-1'", buf, sizeof buf), "(null)");
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), 2);
    CHECK_INT(q_int(p, "SELECT count(*) FROM events"), 0);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'events_code'"), 1);
    /* The migrated store works: the old document is replaced (cascading
     * to its old sentences) and a new one added. */
    dyad_doc_new(&d);
    make_doc(d, "old-1", "Old text. Two sentences. Now three.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_REPLACED);
    make_doc(d, "new-1", "Fresh.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_ADDED);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents"), 2);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences WHERE doc = 1"), 0);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), 4);
    CHECK_INT(q_int(p, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    /* Reopening a current database changes nothing. */
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    CHECK_INT(q_int(p, "PRAGMA user_version"), 2);
    dyad_doc_free(d);
    rm_db(p);
}

/* Child process: put documents [first, first + n) and die without closing
 * after stop_after puts (or, with close_at_end, close properly).  Never
 * returns. */
static void child_writer(const char *p, int first, int n, int stop_after, int close_at_end) {
    dyad_store *st = NULL;
    dyad_doc *d = NULL;
    if (dyad_store_open(&st, p) || dyad_doc_new(&d)) {
        fprintf(stderr, "  child: %s\n", dyad_store_errmsg(st));
        _exit(3);
    }
    for (int i = 0; i < n; i++) {
        if (i == stop_after) _exit(0); /* mid-batch, no close, no commit */
        gen_doc(d, first + i);
        if (dyad_store_put(st, d, NULL)) {
            fprintf(stderr, "  child: %s\n", dyad_store_errmsg(st));
            _exit(4);
        }
    }
    if (close_at_end && dyad_store_close(st)) _exit(5);
    _exit(0);
}

/* After a crash: intact file, every document with all its children. */
static void check_after_crash(const char *p, long long max_docs) {
    char buf[256];
    CHECK_STR(q_text(p, "PRAGMA integrity_check", buf, sizeof buf), "ok");
    CHECK_INT(q_int(p, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    long long n = q_int(p, "SELECT count(*) FROM documents");
    CHECK(n >= 0 && n <= max_docs);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM sentences s "
                       "WHERE s.doc = d.id) <> 3"), 0);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), n * 3);
}

/* Rerun the full set of n documents: what was lost is added, the rest skipped. */
static void rerun_all(const char *p, int n) {
    long long before = q_int(p, "SELECT count(*) FROM documents");
    dyad_store *st = NULL;
    dyad_doc *d = NULL;
    int oc, added = 0, skipped = 0;
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    dyad_doc_new(&d);
    for (int i = 0; i < n; i++) {
        gen_doc(d, i);
        if (dyad_store_put(st, d, &oc) != DYAD_OK) {
            CHECK(0);
            break;
        }
        added += oc == DYAD_STORE_ADDED;
        skipped += oc == DYAD_STORE_SKIPPED;
    }
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    dyad_doc_free(d);
    CHECK_INT(skipped, before);
    CHECK_INT(added, n - before);
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents"), n);
    CHECK_INT(q_int(p, "SELECT count(DISTINCT doc_id) FROM documents"), n);
}

static void test_crash_exit(void) {
    const char *p = dbpath("crash.db");
    fflush(NULL); /* the child must not flush our stdio buffers again */
    pid_t pid = fork();
    if (pid == 0) child_writer(p, 0, 1000, 750, 0);
    int status = 0;
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    check_after_crash(p, 750);
    /* 500 committed by count (or more, in time-based batches). */
    CHECK(q_int(p, "SELECT count(*) FROM documents") >= 500);
    rerun_all(p, 1000);
    rm_db(p);
}

static void test_crash_sigkill(void) {
    const char *p = dbpath("kill.db");
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    for (int round = 0; round < 3; round++) {
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) child_writer(p, 0, 1000000, -1, 0);
        /* Kill at a random moment 50..250 ms in, mid-write. */
        struct timespec nap = {0, (long)(50 + (ts.tv_nsec / 7 + round * 61) % 200) * 1000000L};
        nanosleep(&nap, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        CHECK(waitpid(pid, &status, 0) == pid);
        CHECK(WIFSIGNALED(status));
        check_after_crash(p, 1000000);
    }
    rerun_all(p, (int)q_int(p, "SELECT count(*) FROM documents") + 200);
    rm_db(p);
}

/* Two processes writing the same new file at once: both create-or-migrate
 * safely and take turns for the write lock, nothing is lost. */
static void test_two_writers(void) {
    const char *p = dbpath("two.db");
    char buf[64];
    pid_t pid[2];
    fflush(NULL);
    for (int k = 0; k < 2; k++) {
        pid[k] = fork();
        if (pid[k] == 0) child_writer(p, k * 5000, 3000, -1, 1);
    }
    for (int k = 0; k < 2; k++) {
        int status = 0;
        CHECK(pid[k] > 0 && waitpid(pid[k], &status, 0) == pid[k]);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    CHECK_INT(q_int(p, "SELECT count(*) FROM documents"), 6000);
    CHECK_INT(q_int(p, "SELECT count(*) FROM sentences"), 18000);
    CHECK_STR(q_text(p, "PRAGMA integrity_check", buf, sizeof buf), "ok");
    rm_db(p);
}

/* The example queries of docs/schema.md prepare and run. */
static void test_doc_queries(void) {
    static const char *const qs[] = {
        "SELECT date, count(*) FROM documents GROUP BY date ORDER BY date",
        "SELECT d.doc_id, s.idx, substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) "
        "FROM sentences s JOIN documents d ON d.id = s.doc WHERE d.doc_id = 'afp-0412' ORDER BY s.idx",
        "SELECT source_code, target_code, count(*) AS n FROM events WHERE root = '19' "
        "GROUP BY source_code, target_code ORDER BY n DESC LIMIT 20",
        "SELECT d.date, d.doc_id, e.code, e.goldstein, e.source_text, e.target_text, "
        "substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS sentence FROM events e "
        "JOIN documents d ON d.id = e.doc JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence "
        "WHERE e.source_code LIKE 'BRA%' AND e.mode = 'asserted' ORDER BY d.date",
        "SELECT d.date, avg(e.goldstein), count(*) FROM events e JOIN documents d ON d.id = e.doc "
        "WHERE e.source_country = 'USA' AND e.target_country = 'CHN' GROUP BY d.date",
        "SELECT q.speaker_name, count(*) FROM quotes q GROUP BY q.speaker_name ORDER BY 2 DESC LIMIT 10",
        "SELECT q.text, q.cue, a.code FROM quotes q LEFT JOIN actors a ON a.doc = q.doc AND a.idx = q.speaker_actor "
        "WHERE q.speaker_name = 'Maria Ortiz'",
        "SELECT e.code, p.name, p.lat, p.lon FROM events e JOIN places p ON p.doc = e.doc AND p.idx = e.place",
        "SELECT a.name, a.code, json_each.value AS role FROM actors a, json_each(a.roles) WHERE a.code = 'USAGOV'",
        "SELECT type, count(*) FROM entities GROUP BY type",
        "SELECT value, count(*) FROM dates GROUP BY value",
        "SELECT doc_id FROM documents WHERE json_extract(meta, '$.lang') = 'es'",
        "SELECT count(*) FROM documents WHERE dyad_version <> '0.1.0'",
    };
    const char *p = dbpath("q.db");
    dyad_store *st = NULL;
    CHECK_INT(dyad_store_open(&st, p), DYAD_OK);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    sqlite3 *db = NULL;
    CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        sqlite3_stmt *s = NULL;
        int rc = sqlite3_prepare_v2(db, qs[i], -1, &s, NULL);
        if (rc == SQLITE_OK) rc = sqlite3_step(s);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
            fprintf(stderr, "  query %zu: %s\n", i, sqlite3_errmsg(db));
            CHECK(0);
        }
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    rm_db(p);
}

static void test_memory(void) {
    dyad_store *st = NULL;
    dyad_doc *d = NULL;
    int oc = -1;
    dyad_doc_new(&d);
    CHECK_INT(dyad_store_open(&st, ":memory:"), DYAD_OK);
    make_doc(d, "m", "In memory.");
    CHECK_INT(dyad_store_put(st, d, &oc), DYAD_OK);
    CHECK_INT(oc, DYAD_STORE_ADDED);
    CHECK_INT(dyad_store_close(st), DYAD_OK);
    dyad_doc_free(d);
}

int main(void) {
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dyad-test-store-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    if (dyad_ctx_open(&ctx, NULL)) return 1;
    RUN(test_null_args);
    RUN(test_put_basic);
    RUN(test_skip_replace);
    RUN(test_no_id);
    RUN(test_not_storable);
    RUN(test_long_doc);
    RUN(test_fault_injection);
    RUN(test_batching);
    RUN(test_newer_refused);
    RUN(test_not_a_db);
    RUN(test_foreign_db);
    RUN(test_migrate_v1);
    RUN(test_crash_exit);
    RUN(test_crash_sigkill);
    RUN(test_two_writers);
    RUN(test_doc_queries);
    RUN(test_memory);
    dyad_ctx_close(ctx);
    if (rmdir(tmpdir) != 0) fprintf(stderr, "  leftover files in %s: %s\n", tmpdir, strerror(errno));
    TEST_END();
}
