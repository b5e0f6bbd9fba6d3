/* store.c - opening the database, migrations, and loading records.
 *
 * Loading maps a record's names to rows: actors by canonical name (new ones
 * with all their aliases), treaties and statements by their index in the
 * record, events by key so that the same event reported twice is one row
 * with two sources. */
#define _DEFAULT_SOURCE           /* MAP_ANONYMOUS, MAP_NORESERVE, madvise() */
#include "store.h"
#include "embed.h"
#include "sha256.h"
#include "grow.h"
#include "hash.h"
#include "chronicle/actors.h"
#include "chronicle/text.h"

#include <pthread.h>
#include <stdint.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Articles are committed in groups (every BATCH_ARTICLES articles or
 * BATCH_SECONDS seconds, whichever comes first): a commit per article would
 * rewrite the same index pages thousands of times.  The indexes that take
 * rows at random places (event keys, article hashes, the sources of events
 * reported again) have a page dirtied by most groups once the database is
 * large, so the larger the group, the fewer times each page is written: at a
 * million articles, groups of 50,000 ingest a third faster than groups of
 * 20,000, with the cache below to hold them.  Each article is still
 * atomic, in its own savepoint, so a crash or kill loses at most the
 * uncommitted group, never part of an article, and a rerun adds exactly
 * what is missing. */
#define BATCH_ARTICLES 50000
#define BATCH_SECONDS 60.0

enum {
    P_ART, P_ITEM, P_ACT_INS, P_ACT_ID, P_ALIAS, P_MENTION, P_TIMEX, P_TREATY, P_TPARTY,
    P_TMENTION, P_TARTICLE, P_STMT, P_CHAIN, P_EV_INS, P_EV_ID, P_EV_ACTOR, P_EV_STMT,
    P_EV_SRC, P_FTS, P_TCONCL, P_ART_SRC, P_SENT, P_FTS_STMT, P_SAVE, P_RELEASE, P_UNDO, P_PART_LAST,
    P_PART_NEW, P_PART_ADD, P_SOUND_FIND, P_SOUND_ADD, P_ACT_MENTIONS, P_COUNT
};

_Static_assert(P_COUNT <= STORE_STATEMENTS, "chr_store has no room for every statement");

static const char *const sql[P_COUNT] = {
    "INSERT INTO article(hash, ext_id, url, source, title, published, dct_basis, lang, path, chars, source_actor)"
    " VALUES(?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(hash) DO NOTHING",
    "INSERT INTO item(article_id, idx, start, end, dct) VALUES(?,?,?,?,?)",
    "INSERT INTO actor(name, kind, country, affiliation, roles, title, origin) VALUES(?,?,?,?,?,?,?)"
    " ON CONFLICT(name) DO NOTHING",
    "SELECT id FROM actor WHERE name = ?",
    "INSERT OR IGNORE INTO alias(actor_id, form, key) VALUES(?,?,?)",
    "INSERT OR IGNORE INTO mention(article_id, actor_id, item, count, spans, text) VALUES(?,?,?,?,?,?)",
    "INSERT OR IGNORE INTO timex(article_id, item, start, end, text, type, value, mod) VALUES(?,?,?,?,?,?,?,?)",
    "INSERT INTO treaty(key, name, kind, organisation) VALUES(?,?,?,?) ON CONFLICT(key) DO UPDATE SET"
    " name = CASE WHEN length(excluded.name) > length(name) THEN excluded.name ELSE name END RETURNING id",
    "INSERT OR IGNORE INTO treaty_party(treaty_id, actor_id) VALUES(?,?)",
    "INSERT OR IGNORE INTO treaty_mention(treaty_id, article_id, start, end, text) VALUES(?,?,?,?,?)",
    "INSERT OR IGNORE INTO treaty_article(treaty_id, article_id, number, start, end, text) VALUES(?,?,?,?,?,?)",
    "INSERT INTO statement(article_id, item, speaker_id, verb, words, start, end, quoted, negated,"
    " medium, medium_actor, sentence_id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
    "INSERT OR IGNORE INTO statement_chain(statement_id, pos, actor_id) VALUES(?,?,?)",
    /* no RETURNING: SQLite gathers returned rows in a temporary table, opened
     * and closed per row; a known event is looked up by P_EV_ID instead */
    "INSERT INTO event(key, type, cameo, plover, date_value, date_start, date_end, granularity,"
    " basis, not_before, location_id, treaty_id, sort_date, part) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT(key) DO NOTHING",
    "SELECT id, part, sort_date FROM event WHERE key = ?",
    "INSERT OR IGNORE INTO event_actor(event_id, actor_id, role, sort_date, part) VALUES(?,?,?,?,?)",
    "INSERT OR IGNORE INTO event_statement(event_id, statement_id) VALUES(?,?)",
    "INSERT OR IGNORE INTO event_source(event_id, article_id, item, trigger, sentence_id, start, end, report_date)"
    " VALUES(?,?,?,?,?,?,?,?)",
    "INSERT INTO sentence_fts(rowid, text) VALUES(?,?)",
    "UPDATE treaty SET concluded = coalesce(concluded, ?) WHERE id = ?",
    "UPDATE article SET source_actor = ? WHERE id = ?",
    "INSERT INTO sentence(article_id, start, end, item, text) VALUES(?,?,?,?,?)",
    "INSERT INTO statement_fts(rowid, words) VALUES(?,?)",
    "SAVEPOINT article",
    "RELEASE article",
    "ROLLBACK TO article",
    "SELECT id, events FROM part ORDER BY id DESC LIMIT 1",
    "INSERT INTO part(id, events) VALUES(?, 0)",
    "UPDATE part SET events = events + ? WHERE id = ?",
    "SELECT s.actor_id FROM actor_sound s JOIN actor a ON a.id = s.actor_id"
    " WHERE s.key = ? AND a.kind = 'person' AND coalesce(a.country, '') = coalesce(?, '')"
    " ORDER BY s.actor_id LIMIT 1",
    "INSERT OR IGNORE INTO actor_sound(key, actor_id) VALUES(?,?)",
    "UPDATE actor SET mentions = mentions + ? WHERE id = ?",
};

/* Sound keys of fewer consonant classes than this are not kept (see
 * schemas/chronicle-3.sql). */
#define SOUND_MIN 6

/* The sound key of a person's name into key (cap bytes); 0 when it is too
 * short to tell people apart. */
static int sound_key(const char *name, char *key, size_t cap)
{
    int classes = 0;
    return chr_actor_sound_key(name, key, cap, &classes) > 0 && classes >= SOUND_MIN;
}

/* chr_sound_key(TEXT): the SQL face of sound_key, NULL for a short key. */
static void sql_sound_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *name = sqlite3_value_text(argv[0]);
    char key[256];
    if (name && sound_key((const char *)name, key, sizeof key))
        sqlite3_result_text(ctx, key, -1, SQLITE_TRANSIENT);
    else
        sqlite3_result_null(ctx);
}

chr_status chr_store_fail(chr_store *s, const char *what)
{
    int code = sqlite3_extended_errcode(s->db);
    const char *hint = "";
    if ((code & 0xFF) == SQLITE_READONLY) hint = " (the database or its folder is read-only)";
    else if ((code & 0xFF) == SQLITE_BUSY || (code & 0xFF) == SQLITE_LOCKED)
        hint = " (another process holds the database; try again when it is done)";
    else if ((code & 0xFF) == SQLITE_FULL) hint = " (the disk is full)";
    else if (code == SQLITE_IOERR_WRITE || code == SQLITE_IOERR_FSYNC || code == SQLITE_IOERR_TRUNCATE)
        hint = " (could not write: the disk may be full, or the file over a size limit)";
    else if ((code & 0xFF) == SQLITE_CORRUPT || (code & 0xFF) == SQLITE_NOTADB)
        hint = " (not a Chronicle database, or damaged)";
    snprintf(s->err, sizeof s->err, "%s: %s: %s%s", s->path, what, sqlite3_errmsg(s->db), hint);
    return CHR_ERR_IO;
}

const char *chr_store_errmsg(const chr_store *s) { return s->err; }

static void fts_drop(chr_store *s, size_t from);
static void acache_clear(chr_store *s);

static int exec(chr_store *s, const char *q)
{
    return sqlite3_exec(s->db, q, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Applies schemas/chronicle-N.sql for every N above user_version, in order,
 * each in one transaction with the version bump. */
static chr_status migrate(chr_store *s, int readonly)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return chr_store_fail(s, "reading the schema version");
    int have = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    int latest = 0;
    for (unsigned i = 0; i < chr_schema_files_n; i++) {
        int v = 0;
        if (sscanf(chr_schema_files[i].name, "chronicle-%d.sql", &v) == 1 && v > latest) latest = v;
    }
    if (have > latest) {
        snprintf(s->err, sizeof s->err, "%s: schema version %d is newer than this chronicle (%d); "
                 "use a newer chronicle", s->path, have, latest);
        return CHR_ERR_ARG;
    }
    if (have == latest) return CHR_OK;
    if (readonly) {
        snprintf(s->err, sizeof s->err, "%s: schema version %d needs migrating to %d, which needs write access "
                 "to it and its folder; run `chronicle load --db %s < /dev/null` once as a user who has it",
                 s->path, have, latest, s->path);
        s->stale = 1;
        return CHR_ERR_ARG;
    }
    for (int v = have + 1; v <= latest; v++) {
        char name[64];
        snprintf(name, sizeof name, "chronicle-%d.sql", v);
        const char *text = NULL;
        for (unsigned i = 0; i < chr_schema_files_n; i++)
            if (!strcmp(chr_schema_files[i].name, name)) text = chr_schema_files[i].text;
        if (!text) {
            snprintf(s->err, sizeof s->err, "%s: no migration %s in this build", s->path, name);
            return CHR_ERR_ARG;
        }
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v);
        if (exec(s, "BEGIN IMMEDIATE")) return chr_store_fail(s, "starting the migration");
        /* another process may have migrated while this one waited for the lock */
        if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
            int now = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
            sqlite3_finalize(st);
            if (now >= v) {
                exec(s, "COMMIT");
                continue;
            }
        }
        if (exec(s, text) || exec(s, bump)) {
            chr_status st2 = chr_store_fail(s, name);
            exec(s, "ROLLBACK");
            return st2;
        }
        if (exec(s, "COMMIT")) {
            chr_status st2 = chr_store_fail(s, "committing the migration");
            exec(s, "ROLLBACK");
            return st2;
        }
    }
    return CHR_OK;
}

/* A WAL database that nobody has open keeps no -wal or -shm file, and a
 * reader needs to create the -shm; in a folder it may not write to (an
 * archive, a copy shared read-only) that fails.  Such a reader opens the
 * file as immutable instead: no locks and no -shm, which is right as long as
 * no other process writes it meanwhile, and one that cannot write in the
 * folder is not the one to worry about.  Returns 0 when the schema then
 * reads. */
static int reopen_immutable(chr_store *s)
{
    int code = sqlite3_errcode(s->db) & 0xFF;
    if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) return -1;
    char uri[sizeof s->path * 3 + 32];
    size_t o = (size_t)snprintf(uri, sizeof uri, "file:");
    for (const unsigned char *p = (const unsigned char *)s->path; *p && o + 4 < sizeof uri; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p == 0x7F)
            o += (size_t)snprintf(uri + o, sizeof uri - o, "%%%02X", *p);
        else
            uri[o++] = (char)*p;
    }
    snprintf(uri + o, sizeof uri - o, "?immutable=1");
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    sqlite3_close(s->db);
    s->db = db;
    sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    return 0;
}

/* ---- checkpoints in the background -------------------------------------
 *
 * A commit appends the pages it changed to the WAL; a checkpoint copies
 * them into the database file and syncs it.  Done by the writer after its
 * commits (SQLite's automatic checkpoint), that copy was a large part of
 * the writer's time, and the more so the larger the database, since a
 * group of articles then changes pages all over it.  A writer instead
 * leaves it to a thread with a connection of its own: the WAL hook wakes
 * the thread after a commit, which copies what was committed while the
 * writer goes on with the next group.
 *
 * The WAL starts again from its beginning only when a write transaction
 * begins with every frame copied, and the writer begins its next group
 * right after a commit; so when the WAL has grown past CKPT_LIMIT frames,
 * the writer waits for the thread and copies what is left itself before
 * it begins the group (ckpt_settle), which bounds the file.  A checkpoint
 * that fails (a full disk) loses nothing: the pages stay in the WAL, the
 * next one or the writer's close copies them. */
#define CKPT_FRAMES 8192      /* a commit leaving this many frames wakes the thread */
#define CKPT_LIMIT 65536      /* 256 MiB of 4 KiB pages: the writer settles the WAL */

struct ckpt {
    sqlite3 *db;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int pending, busy, quit;
    int frames;               /* frames in the WAL after the last commit */
};

static void *ckpt_main(void *arg)
{
    struct ckpt *c = arg;
    pthread_mutex_lock(&c->mu);
    for (;;) {
        while (!c->pending && !c->quit) pthread_cond_wait(&c->cv, &c->mu);
        if (c->quit) break;
        c->pending = 0;
        c->busy = 1;
        pthread_mutex_unlock(&c->mu);
        sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        pthread_mutex_lock(&c->mu);
        c->busy = 0;
        pthread_cond_broadcast(&c->cv);
    }
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

/* Runs in the writer, after each commit. */
static int ckpt_hook(void *arg, sqlite3 *db, const char *name, int frames)
{
    (void)db;
    (void)name;
    struct ckpt *c = arg;
    pthread_mutex_lock(&c->mu);
    c->frames = frames;
    if (frames >= CKPT_FRAMES) {
        c->pending = 1;
        pthread_cond_signal(&c->cv);
    }
    pthread_mutex_unlock(&c->mu);
    return SQLITE_OK;
}

/* Before a group begins: a WAL past CKPT_LIMIT is copied to its end, so the
 * group's first write starts it again from the beginning. */
static void ckpt_settle(chr_store *s)
{
    struct ckpt *c = s->ck;
    if (!c) return;
    pthread_mutex_lock(&c->mu);
    int over = c->frames >= CKPT_LIMIT;
    while (over && (c->busy || c->pending)) pthread_cond_wait(&c->cv, &c->mu);
    pthread_mutex_unlock(&c->mu);
    if (over) {
        sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        pthread_mutex_lock(&c->mu);
        c->frames = 0;
        pthread_mutex_unlock(&c->mu);
    }
}

static void ckpt_stop(chr_store *s)
{
    struct ckpt *c = s->ck;
    if (!c) return;
    pthread_mutex_lock(&c->mu);
    c->quit = 1;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
    pthread_join(c->thread, NULL);
    sqlite3_wal_hook(s->db, NULL, NULL);
    sqlite3_close(c->db);
    pthread_mutex_destroy(&c->mu);
    pthread_cond_destroy(&c->cv);
    free(c);
    s->ck = NULL;
}

/* Starts the checkpointer of a writer; without one (no memory, no thread)
 * the writer keeps SQLite's automatic checkpoints. */
static void ckpt_start(chr_store *s)
{
    struct ckpt *c = calloc(1, sizeof *c);
    if (!c) return;
    if (sqlite3_open_v2(s->path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
        sqlite3_exec(c->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close(c->db);
        free(c);
        return;
    }
    sqlite3_busy_timeout(c->db, 10000);
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->cv, NULL);
    if (pthread_create(&c->thread, NULL, ckpt_main, c)) {
        sqlite3_close(c->db);
        pthread_mutex_destroy(&c->mu);
        pthread_cond_destroy(&c->cv);
        free(c);
        return;
    }
    s->ck = c;
    sqlite3_wal_hook(s->db, ckpt_hook, c);     /* replaces the automatic checkpoints */
}

/* A process that opens a database first to read it gives the pages SQLite
 * caches a region of their own, which the kernel may back with 2 MiB pages
 * (transparent huge pages, which "madvise" mode gives to regions that ask).
 * Each 4 KiB page a process touches for the first time is a page fault,
 * and a cache line is touched first when a page is read into it: on a
 * virtual machine, where a fault costs tens of microseconds, those faults
 * were a third of the time of a query by actor, which reads some thousand
 * pages.  SQLite links every slot into its free list when it starts, so the
 * region is touched whole at once, and it treats the region running out as
 * memory pressure, reusing its pages rather than allocating more: so the
 * region is for readers, whose cache (SQLite's default, 2 MB) it holds
 * with room to spare.  A writer's cache grows to a gigabyte
 * (chr_store_open) and allocates its pages with malloc. */
#define PAGECACHE_SLOTS 1024
#define HUGE_PAGE ((size_t)2 << 20)

static void pagecache_setup(void)
{
    int hdr = 0;
    if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &hdr) != SQLITE_OK || hdr < 0) return;
    size_t slot = (4096 + (size_t)hdr + 7) & ~(size_t)7;
    size_t len = (slot * PAGECACHE_SLOTS + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    /* mapped a huge page larger, to start the region on a huge page */
    char *map = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (map == MAP_FAILED) return;
    char *p = (char *)(((uintptr_t)map + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
#ifdef MADV_HUGEPAGE
    madvise(p, len, MADV_HUGEPAGE);
#endif
    if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, p, (int)slot, (int)(len / slot)) != SQLITE_OK)
        munmap(map, len + HUGE_PAGE);
}

/* SQLite counts the memory it holds under a global mutex, taken at every
 * allocation (a few per row inserted); nothing here reads the counts.  The
 * setting takes only before SQLite starts: a program that started it first
 * keeps its own (sqlite3_config then refuses, harmlessly). */
static void sqlite_setup(void) { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

static void sqlite_setup_reader(void)
{
    sqlite_setup();
    pagecache_setup();
}

chr_status chr_store_open(const char *path, int flags, chr_store **out, char *err, size_t errcap)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, (flags & CHR_STORE_READONLY) ? sqlite_setup_reader : sqlite_setup);
    *out = NULL;
    chr_store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errcap, "%s: out of memory", path);
        return CHR_ERR_NOMEM;
    }
    snprintf(s->path, sizeof s->path, "%s", path);
    int ro = flags & CHR_STORE_READONLY;
    s->whole_groups = !ro && (flags & CHR_STORE_WHOLE_GROUPS);
    s->group_articles = BATCH_ARTICLES;
    int of = ro ? SQLITE_OPEN_READONLY
                : SQLITE_OPEN_READWRITE | ((flags & CHR_STORE_CREATE) ? SQLITE_OPEN_CREATE : 0);
    chr_status st = CHR_OK;
    if (sqlite3_open_v2(path, &s->db, of | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        int code = s->db ? sqlite3_errcode(s->db) : SQLITE_NOMEM;
        snprintf(err, errcap, "%s: cannot open the database: %s%s", path,
                 s->db ? sqlite3_errmsg(s->db) : "out of memory",
                 code == SQLITE_CANTOPEN ? (ro || !(flags & CHR_STORE_CREATE)
                                                ? " (does it exist? run `chronicle ingest` first)"
                                                : " (is the folder there and writable?)")
                                         : "");
        chr_store_close(s);
        return CHR_ERR_IO;
    }
    sqlite3_busy_timeout(s->db, 10000);
    if (exec(s, "PRAGMA foreign_keys = ON")) st = chr_store_fail(s, "enabling foreign keys");
    if (st == CHR_OK && sqlite3_create_function(s->db, "chr_sound_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                                sql_sound_key, NULL, NULL) != SQLITE_OK)
        st = chr_store_fail(s, "registering chr_sound_key");
    /* a read-only handle cannot switch the journal mode; a writer sets WAL once.
     * temp_store: each article is a savepoint inside a batch transaction, and
     * SQLite keeps the pages a savepoint changes in a sub-journal; on disk that
     * was some 200 writes per article, in memory it is a copy freed at RELEASE. */
    if (st == CHR_OK && !ro && (exec(s, "PRAGMA journal_mode = WAL") || exec(s, "PRAGMA synchronous = NORMAL") ||
                                exec(s, "PRAGMA cache_size = -1048576") ||
                                exec(s, "PRAGMA wal_autocheckpoint = 8192") ||
                                exec(s, "PRAGMA temp_store = MEMORY")))
        st = chr_store_fail(s, "setting the journal mode");
    if (st == CHR_OK) {
        /* a file that is not a database fails here, on its first read */
        if (exec(s, "SELECT count(*) FROM sqlite_schema")) {
            if (ro && reopen_immutable(s)) st = chr_store_fail(s, "reading the schema");
        }
    }
    if (st == CHR_OK) st = migrate(s, ro);
    if (st != CHR_OK && s->stale) {
        /* a reader of a database written by an older chronicle migrates it
         * through a writable handle of its own, if it may */
        chr_store *w = NULL;
        char werr[sizeof s->err];
        if (chr_store_open(path, flags & ~(CHR_STORE_READONLY | CHR_STORE_CREATE), &w, werr, sizeof werr) == CHR_OK) {
            chr_store_close(w);
            st = migrate(s, ro);
        }
    }
    if (st != CHR_OK) {
        snprintf(err, errcap, "%s", s->err);
        chr_store_close(s);
        return st;
    }
    if (!ro) ckpt_start(s);
    *out = s;
    return CHR_OK;
}

void chr_store_close(chr_store *s)
{
    if (!s) return;
    chr_store_flush(s);
    ckpt_stop(s);                 /* sqlite3_close then copies what is left */
    for (int i = 0; i < STORE_STATEMENTS; i++) sqlite3_finalize(s->ps[i]);
    for (int i = 0; i < s->nqc; i++) sqlite3_finalize(s->qc[i].st);
    sqlite3_close(s->db);
    fts_drop(s, 0);
    free(s->fts);
    free(s->ea);
    free(s->mc);
    acache_clear(s);
    free(s);
}

int chr_store_key(const char *name, char *out, size_t cap)
{
    /* marks dropped: "Erdoğan" and "Erdogan" meet */
    char tmp[2048];
    return chr_text_key(chr_text_unmark(name, tmp, sizeof tmp) >= 0 ? tmp : name, out, cap);
}

/* ---- loading -------------------------------------------------------------- */

/* A prepared statement, reset and with its bindings cleared.  Text is bound
 * SQLITE_STATIC (no copy): every string bound (the record's, a local buffer)
 * outlives the step that reads it, and the stale pointers left behind are
 * cleared here before the statement is used again. */
static sqlite3_stmt *P(chr_store *s, int i)
{
    if (!s->ps[i] && sqlite3_prepare_v2(s->db, sql[i], -1, &s->ps[i], NULL) != SQLITE_OK) return NULL;
    sqlite3_reset(s->ps[i]);
    sqlite3_clear_bindings(s->ps[i]);
    return s->ps[i];
}

static void bind_str(sqlite3_stmt *st, int i, const char *v)
{
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

static void bind_int(sqlite3_stmt *st, int i, int64_t v)
{
    if (v != CHR_REC_NONE) sqlite3_bind_int64(st, i, v);
    else sqlite3_bind_null(st, i);
}

static void bind_bool(sqlite3_stmt *st, int i, int v)
{
    if (v >= 0) sqlite3_bind_int(st, i, v);
    else sqlite3_bind_null(st, i);
}

static int step_done(sqlite3_stmt *st) { return st && sqlite3_step(st) == SQLITE_DONE ? 0 : -1; }

typedef struct load_ctx {
    chr_store *s;
    int64_t article;
    const chr_record *rec;
    int64_t *treaty_ids, *stmt_ids;
    int source_set;                            /* the article row has its source_actor */
    struct { int64_t start, id; } sent[256];   /* sentences stored so far for this article */
    size_t nsent;
} load_ctx;

static int fts(load_ctx *c, const char *text, const char *kind, int64_t ref);

/* The row of an evidence sentence of this article, stored and indexed on
 * first use. */
static int64_t sentence_id(load_ctx *c, const chr_rec_span *ev, int64_t item)
{
    int64_t start = ev->start;
    for (size_t i = 0; i < c->nsent; i++)
        if (c->sent[i].start == start) return c->sent[i].id;
    sqlite3_stmt *st = P(c->s, P_SENT);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, c->article);
    bind_int(st, 2, ev->start);
    bind_int(st, 3, ev->end);
    bind_int(st, 4, item);
    bind_str(st, 5, ev->text);
    if (step_done(st)) return -1;
    int64_t id = sqlite3_last_insert_rowid(c->s->db);
    if (fts(c, ev->text, "sentence", id)) return -1;
    if (c->nsent < sizeof c->sent / sizeof c->sent[0]) {
        c->sent[c->nsent].start = start;
        c->sent[c->nsent++].id = id;
    }
    return id;
}

static uint64_t name_hash(const char *s) { return chr_hash_bytes(s, strlen(s)); }

static void acache_clear(chr_store *s)
{
    for (size_t i = 0; i < s->acap; i++) free(s->acache[i].name);
    free(s->acache);
    s->acache = NULL;
    s->acap = s->aused = 0;
}

static int64_t acache_get(const chr_store *s, const char *name)
{
    if (!s->acap) return 0;
    for (size_t i = name_hash(name) & (s->acap - 1);; i = (i + 1) & (s->acap - 1)) {
        if (!s->acache[i].name) return 0;
        if (!strcmp(s->acache[i].name, name)) return s->acache[i].id;
    }
}

static void acache_put(chr_store *s, const char *name, int64_t id)
{
    if ((s->aused + 1) * 2 > s->acap) {
        size_t ncap = s->acap ? s->acap * 2 : 1024;
        struct actor_slot *n = calloc(ncap, sizeof *n), *old = s->acache;
        if (!n) return;                               /* a cache: missing it only costs time */
        for (size_t i = 0; i < s->acap; i++)
            if (old[i].name)
                for (size_t j = name_hash(old[i].name) & (ncap - 1);; j = (j + 1) & (ncap - 1))
                    if (!n[j].name) {
                        n[j] = old[i];
                        break;
                    }
        free(old);
        s->acache = n;
        s->acap = ncap;
    }
    for (size_t i = name_hash(name) & (s->acap - 1);; i = (i + 1) & (s->acap - 1))
        if (!s->acache[i].name) {
            if ((s->acache[i].name = strdup(name))) {
                s->acache[i].id = id;
                s->aused++;
            }
            return;
        }
}

/* Keeps the sound key of a person's form, if long enough. */
static int put_sound(chr_store *s, int64_t id, const char *form)
{
    char key[256];
    if (!sound_key(form, key, sizeof key)) return 0;
    sqlite3_stmt *st = P(s, P_SOUND_ADD);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, id);
    return step_done(st);
}

/* A person already stored whose name sounds as name does and whose country
 * is country: the same person spelt in another script.  0 when none. */
static int64_t sound_match(chr_store *s, const char *name, const char *country)
{
    char key[256];
    if (!sound_key(name, key, sizeof key)) return 0;
    sqlite3_stmt *st = P(s, P_SOUND_FIND);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    bind_str(st, 2, country);
    int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return id;
}

static int put_alias(chr_store *s, int64_t id, const char *form)
{
    char key[1024];
    if (chr_store_key(form, key, sizeof key) <= 0) return 0;
    sqlite3_stmt *st = P(s, P_ALIAS);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, key, -1, SQLITE_STATIC);
    return step_done(st);
}

/* The row id of an actor of the record, inserting it (with its aliases: the
 * record's for actors the text introduced, the gazetteer's for the others)
 * if new. */
static int64_t actor_id(load_ctx *c, const char *name)
{
    chr_store *s = c->s;
    int64_t cached = acache_get(s, name);
    if (cached) return cached;
    sqlite3_stmt *st = P(s, P_ACT_ID);
    if (!st) return -1;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        acache_put(s, name, id);
        return id;
    }
    const chr_rec_actor *a = NULL;
    for (size_t i = 0; i < c->rec->nactors; i++)
        if (c->rec->actors[i].name && !strcmp(c->rec->actors[i].name, name)) a = &c->rec->actors[i];
    if (!a) return -1;
    int person = a->kind && !strcmp(a->kind, "person");
    int gazetteer = a->origin && !strcmp(a->origin, "gazetteer");
    if (person && !gazetteer) {
        /* a person the text introduced, maybe known already in another script */
        int64_t same = sound_match(s, name, a->country);
        if (same < 0) return -1;
        if (same > 0) {
            if (put_alias(s, same, name)) return -1;
            for (size_t k = 0; k < a->naliases; k++)
                if (a->aliases[k] && put_alias(s, same, a->aliases[k])) return -1;
            acache_put(s, name, same);
            return same;
        }
    }
    st = P(s, P_ACT_INS);
    if (!st) return -1;
    bind_str(st, 1, a->name);
    bind_str(st, 2, a->kind);
    bind_str(st, 3, a->country);
    bind_str(st, 4, a->affiliation);
    bind_str(st, 5, a->roles);
    bind_str(st, 6, a->title);
    bind_str(st, 7, a->origin);
    if (step_done(st)) return -1;
    int64_t id = sqlite3_last_insert_rowid(s->db);
    if (put_alias(s, id, name) || (person && put_sound(s, id, name))) return -1;
    for (size_t k = 0; k < a->naliases; k++)
        if (a->aliases[k] && (put_alias(s, id, a->aliases[k]) || (person && put_sound(s, id, a->aliases[k]))))
            return -1;
    const chr_gazetteer *g = gazetteer ? chr_gazetteer_get() : NULL;
    int64_t gid = g ? chr_gazetteer_find(g, name) : -1;
    if (gid >= 0) {
        const char *const *forms;
        size_t nf = chr_gazetteer_aliases(g, (uint32_t)gid, &forms);
        for (size_t i = 0; i < nf; i++)
            if (put_alias(s, id, forms[i]) || (person && put_sound(s, id, forms[i]))) return -1;
    }
    acache_put(s, name, id);
    return id;
}

static int64_t opt_actor(load_ctx *c, const char *name)
{
    return name ? actor_id(c, name) : 0;
}

static void bind_actor(sqlite3_stmt *st, int i, int64_t id)
{
    if (id > 0) sqlite3_bind_int64(st, i, id);
    else sqlite3_bind_null(st, i);
}

static int span(sqlite3_stmt *st, int i, const chr_rec_span *o)
{
    bind_int(st, i, o->start);
    bind_int(st, i + 1, o->end);
    bind_str(st, i + 2, o->text);
    return 0;
}

static int fts(load_ctx *c, const char *text, const char *kind, int64_t ref)
{
    chr_store *s = c->s;
    if (!text) return 0;
    if (chr_grow((void **)&s->fts, &s->ftscap, s->nfts + 1, sizeof *s->fts)) return -1;
    if (!(s->fts[s->nfts].text = strdup(text))) return -1;
    s->fts[s->nfts].kind = kind;
    s->fts[s->nfts++].ref = ref;
    return 0;
}

/* Roles are a closed set (schemas/extract.schema.json); a row keeps the
 * static string. */
static const char *role_name(const char *r)
{
    static const char *const roles[] = {"source", "target", "participant", "speaker", "mentioned", NULL};
    for (int i = 0; r && roles[i]; i++)
        if (!strcmp(r, roles[i])) return roles[i];
    return NULL;
}

static int ea_add(chr_store *s, int64_t event, int64_t part, int64_t actor, const char *role, const char *sort)
{
    const char *r = role_name(role);
    if (!r || strlen(sort) >= sizeof s->ea->sort) return -1;
    if (chr_grow((void **)&s->ea, &s->eacap, s->nea + 1, sizeof *s->ea)) return -1;
    struct ea_row *e = &s->ea[s->nea++];
    e->event = event;
    e->part = part;
    e->actor = actor;
    e->role = r;
    strcpy(e->sort, sort);
    return 0;
}

static int ea_cmp(const void *pa, const void *pb)
{
    const struct ea_row *a = pa, *b = pb;
    if (a->actor != b->actor) return a->actor < b->actor ? -1 : 1;
    if (a->part != b->part) return a->part < b->part ? -1 : 1;
    int c = strcmp(a->sort, b->sort);
    if (c) return c;
    if (a->event != b->event) return a->event < b->event ? -1 : 1;
    return strcmp(a->role, b->role);
}

/* The group's event_actor rows, in the table's key order. */
static int ea_write(chr_store *s)
{
    if (s->nea) qsort(s->ea, s->nea, sizeof *s->ea, ea_cmp);   /* s->ea is NULL before the first row */
    for (size_t i = 0; i < s->nea; i++) {
        sqlite3_stmt *st = P(s, P_EV_ACTOR);
        if (!st) return -1;
        sqlite3_bind_int64(st, 1, s->ea[i].event);
        sqlite3_bind_int64(st, 2, s->ea[i].actor);
        sqlite3_bind_text(st, 3, s->ea[i].role, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, s->ea[i].sort, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, s->ea[i].part);
        if (step_done(st)) return -1;
    }
    s->nea = 0;
    return 0;
}

static void fts_drop(chr_store *s, size_t from)
{
    while (s->nfts > from) free(s->fts[--s->nfts].text);
}

static int fts_write(chr_store *s)
{
    for (size_t i = 0; i < s->nfts; i++) {
        sqlite3_stmt *st = P(s, s->fts[i].kind[0] == 's' && s->fts[i].kind[1] == 'e' ? P_FTS : P_FTS_STMT);
        if (!st) return -1;
        sqlite3_bind_int64(st, 1, s->fts[i].ref);
        sqlite3_bind_text(st, 2, s->fts[i].text, -1, SQLITE_STATIC);
        if (step_done(st)) return -1;
    }
    fts_drop(s, 0);
    return 0;
}

static int mc_add(chr_store *s, int64_t actor, int64_t count)
{
    if (chr_grow((void **)&s->mc, &s->mccap, s->nmc + 1, sizeof *s->mc)) return -1;
    s->mc[s->nmc].actor = actor;
    s->mc[s->nmc++].count = count;
    return 0;
}

static int mc_cmp(const void *pa, const void *pb)
{
    const struct mc_row *a = pa, *b = pb;
    return a->actor < b->actor ? -1 : a->actor > b->actor;
}

/* The group's mention counts, added to its actors just before the commit:
 * one update per actor named. */
static int mc_write(chr_store *s)
{
    if (s->nmc) qsort(s->mc, s->nmc, sizeof *s->mc, mc_cmp);
    for (size_t i = 0; i < s->nmc;) {
        int64_t actor = s->mc[i].actor, sum = 0;
        for (; i < s->nmc && s->mc[i].actor == actor; i++) sum += s->mc[i].count;
        sqlite3_stmt *st = P(s, P_ACT_MENTIONS);
        if (!st) return -1;
        sqlite3_bind_int64(st, 1, sum);
        sqlite3_bind_int64(st, 2, actor);
        if (step_done(st)) return -1;
    }
    s->nmc = 0;
    return 0;
}

/* The mentions of one actor in one item are one row (chr_store_prepare
 * grouped them): a count and the spans, so that an article costs a row per
 * actor, not per name. */
static int load_mentions(load_ctx *c)
{
    for (size_t i = 0; i < c->rec->nmgroups; i++) {
        const chr_rec_mgroup *g = &c->rec->mgroups[i];
        int64_t aid = actor_id(c, g->actor);
        sqlite3_stmt *st = P(c->s, P_MENTION);
        if (aid <= 0 || !st) return -1;
        sqlite3_bind_int64(st, 1, c->article);
        sqlite3_bind_int64(st, 2, aid);
        bind_int(st, 3, g->item);
        sqlite3_bind_int64(st, 4, g->count);
        bind_str(st, 5, g->spans);
        bind_str(st, 6, g->text);
        if (step_done(st)) return -1;
        if (sqlite3_changes(c->s->db) && mc_add(c->s, aid, g->count)) return -1;
    }
    return 0;
}

static int load_parts(load_ctx *c)
{
    chr_store *s = c->s;
    const chr_record *r = c->rec;
    for (size_t i = 0; i < r->nitems; i++) {
        const chr_rec_item *v = &r->items[i];
        sqlite3_stmt *st = P(s, P_ITEM);
        if (!st) return -1;
        sqlite3_bind_int64(st, 1, c->article);
        bind_int(st, 2, v->index);
        bind_int(st, 3, v->start);
        bind_int(st, 4, v->end);
        bind_str(st, 5, v->dct);
        if (step_done(st)) return -1;
    }
    for (size_t i = 0; i < r->ntimexes; i++) {
        const chr_rec_timex *v = &r->timexes[i];
        sqlite3_stmt *st = P(s, P_TIMEX);
        if (!st) return -1;
        sqlite3_bind_int64(st, 1, c->article);
        bind_int(st, 2, v->item);
        span(st, 3, &v->span);
        bind_str(st, 6, v->type);
        bind_str(st, 7, v->value);
        bind_str(st, 8, v->mod);
        if (step_done(st)) return -1;
    }
    if (load_mentions(c)) return -1;
    if (r->article.source_actor && !c->source_set) {
        int64_t a = opt_actor(c, r->article.source_actor);
        sqlite3_stmt *st = P(s, P_ART_SRC);
        if (a <= 0 || !st) return -1;
        sqlite3_bind_int64(st, 1, a);
        sqlite3_bind_int64(st, 2, c->article);
        if (step_done(st)) return -1;
    }
    for (size_t i = 0; i < r->ntreaties; i++) {
        const chr_rec_treaty *v = &r->treaties[i];
        int64_t org = opt_actor(c, v->organisation);
        sqlite3_stmt *st = P(s, P_TREATY);
        if (org < 0 || !st) return -1;
        bind_str(st, 1, v->key ? v->key : v->name);
        bind_str(st, 2, v->name);
        bind_str(st, 3, v->kind);
        bind_actor(st, 4, org);
        if (sqlite3_step(st) != SQLITE_ROW) return -1;
        int64_t t = c->treaty_ids[i] = sqlite3_column_int64(st, 0);
        if (sqlite3_step(st) != SQLITE_DONE) return -1;
        for (size_t k = 0; k < v->nparties; k++) {
            int64_t a = opt_actor(c, v->parties[k]);
            if (a <= 0 || !(st = P(s, P_TPARTY))) return -1;
            sqlite3_bind_int64(st, 1, t);
            sqlite3_bind_int64(st, 2, a);
            if (step_done(st)) return -1;
        }
        for (size_t k = 0; k < v->nmentions; k++) {
            if (!(st = P(s, P_TMENTION))) return -1;
            sqlite3_bind_int64(st, 1, t);
            sqlite3_bind_int64(st, 2, c->article);
            span(st, 3, &v->mentions[k]);
            if (step_done(st)) return -1;
        }
        for (size_t k = 0; k < v->narticles; k++) {
            if (!(st = P(s, P_TARTICLE))) return -1;
            sqlite3_bind_int64(st, 1, t);
            sqlite3_bind_int64(st, 2, c->article);
            bind_int(st, 3, v->articles[k].number);
            span(st, 4, &v->articles[k].span);
            if (step_done(st)) return -1;
        }
    }
    for (size_t i = 0; i < r->nstatements; i++) {
        const chr_rec_statement *v = &r->statements[i];
        int64_t sp = opt_actor(c, v->speaker), ma = opt_actor(c, v->medium_actor);
        int64_t sent = sentence_id(c, &v->evidence, v->item);
        sqlite3_stmt *st = P(s, P_STMT);
        if (sp <= 0 || ma < 0 || sent <= 0 || !st) return -1;
        sqlite3_bind_int64(st, 1, c->article);
        bind_int(st, 2, v->item);
        sqlite3_bind_int64(st, 3, sp);
        bind_str(st, 4, v->verb);
        bind_str(st, 5, v->words.text);
        bind_int(st, 6, v->words.start);
        bind_int(st, 7, v->words.end);
        bind_bool(st, 8, v->quoted);
        bind_bool(st, 9, v->negated);
        bind_str(st, 10, v->medium);
        bind_actor(st, 11, ma);
        sqlite3_bind_int64(st, 12, sent);
        if (step_done(st)) return -1;
        int64_t sid = c->stmt_ids[i] = sqlite3_last_insert_rowid(s->db);
        for (size_t k = 0; k < v->nreported_by; k++) {
            int64_t a = opt_actor(c, v->reported_by[k]);
            if (a <= 0 || !(st = P(s, P_CHAIN))) return -1;
            sqlite3_bind_int64(st, 1, sid);
            sqlite3_bind_int64(st, 2, (int64_t)k);
            sqlite3_bind_int64(st, 3, a);
            if (step_done(st)) return -1;
        }
        if (fts(c, v->words.text, "statement", sid)) return -1;
    }
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The identity of an event: CAMEO, its actors (sorted) and a stated date;
 * without a stated date the report it comes from, so it never merges by guess. */
static void event_key(const char *hash, const chr_rec_event *ev, char *key, size_t cap)
{
    const char *names[32];
    size_t n = 0, i;
    for (i = 0; i < ev->nactors; i++)
        if (n < 32 && ev->actors[i].name) names[n++] = ev->actors[i].name;
    qsort(names, n, sizeof *names, cmp_str);
    const char *basis = ev->date.basis;
    size_t o = (size_t)snprintf(key, cap, "%s|", ev->cameo);
    for (i = 0; i < n && o < cap; i++) o += (size_t)snprintf(key + o, cap - o, "%s;", names[i]);
    if (o >= cap) o = cap - 1;
    /* absent numbers count as 0, as they always have */
    if (basis && !strcmp(basis, "stated") && ev->date.value)
        snprintf(key + o, cap - o, "|%s", ev->date.value);
    else
        snprintf(key + o, cap - o, "|%s#%lld@%lld", hash, (long long)(ev->item == CHR_REC_NONE ? 0 : ev->item),
                 (long long)(ev->trigger.start == CHR_REC_NONE ? 0 : ev->trigger.start));
}

/* 63 bits of the SHA-256 of an event's identity. */
static int64_t key_hash(const char *key)
{
    unsigned char md[32];
    chr_sha256_digest(key, strlen(key), md);
    uint64_t h = 0;
    for (int i = 0; i < 8; i++) h = h << 8 | md[i];
    return (int64_t)(h >> 1);
}

static int load_events(load_ctx *c)
{
    chr_store *s = c->s;
    const chr_record *r = c->rec;
    for (size_t i = 0; i < r->nevents; i++) {
        const chr_rec_event *ev = &r->events[i];
        int64_t khash = ev->key;
        const chr_rec_date *d = &ev->date;
        int64_t loc = opt_actor(c, ev->location);
        int64_t tid = ev->treaty >= 0 && (size_t)ev->treaty < r->ntreaties ? c->treaty_ids[ev->treaty] : 0;
        sqlite3_stmt *st = P(s, P_EV_INS);
        if (loc < 0 || !st) return -1;
        sqlite3_bind_int64(st, 1, khash);
        bind_str(st, 2, ev->type);
        bind_str(st, 3, ev->cameo);
        bind_str(st, 4, ev->plover);
        bind_str(st, 5, d->value);
        const char *basis = d->basis;
        int unknown = basis && !strcmp(basis, "unknown");
        if (unknown) {
            sqlite3_bind_null(st, 6);
            sqlite3_bind_null(st, 7);
        } else {
            bind_str(st, 6, d->start);
            bind_str(st, 7, d->end);
        }
        bind_str(st, 8, d->granularity);
        bind_str(st, 9, d->basis);
        if (unknown) bind_str(st, 10, d->start);
        else sqlite3_bind_null(st, 10);
        bind_actor(st, 11, loc);
        bind_actor(st, 12, tid);
        /* the date events sort by: when it began, else when it cannot precede */
        const char *sort = d->start;
        if (!sort) sort = d->value;
        if (!sort) sort = "~";
        sqlite3_bind_text(st, 13, sort, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 14, s->part);
        if (step_done(st)) return -1;
        int64_t eid, epart = s->part;
        char esort[32];
        if (sqlite3_changes(s->db)) {
            eid = sqlite3_last_insert_rowid(s->db);
            s->part_added++;
        } else {
            /* reported before: its actor rows go where its first report put
             * them, in its part and under its date, so that an actor it
             * already has is not listed twice */
            if (!(st = P(s, P_EV_ID))) return -1;
            sqlite3_bind_int64(st, 1, khash);
            if (sqlite3_step(st) != SQLITE_ROW) return -1;
            eid = sqlite3_column_int64(st, 0);
            epart = sqlite3_column_int64(st, 1);
            snprintf(esort, sizeof esort, "%s", (const char *)sqlite3_column_text(st, 2));
            sort = esort;
            sqlite3_reset(st);
        }
        for (size_t k = 0; k < ev->nactors; k++) {
            int64_t aid = opt_actor(c, ev->actors[k].name);
            if (aid <= 0 || ea_add(s, eid, epart, aid, ev->actors[k].role, sort)) return -1;
        }
        for (size_t k = 0; k < ev->nstatements; k++) {
            int64_t si = ev->statements[k];
            if (si < 0 || (size_t)si >= r->nstatements) continue;
            if (!(st = P(s, P_EV_STMT))) return -1;
            sqlite3_bind_int64(st, 1, eid);
            sqlite3_bind_int64(st, 2, c->stmt_ids[si]);
            if (step_done(st)) return -1;
        }
        int64_t item = ev->item;
        int64_t sent = sentence_id(c, &ev->evidence, item);
        if (sent <= 0 || !(st = P(s, P_EV_SRC))) return -1;
        sqlite3_bind_int64(st, 1, eid);
        sqlite3_bind_int64(st, 2, c->article);
        bind_int(st, 3, item);
        bind_str(st, 4, ev->trigger.text);
        sqlite3_bind_int64(st, 5, sent);
        bind_int(st, 6, ev->trigger.start);
        bind_int(st, 7, ev->trigger.end);
        bind_str(st, 8, item >= 0 && (size_t)item < r->nitems ? r->items[item].dct : NULL);
        if (step_done(st)) return -1;
        /* a signing dates its treaty */
        if (tid && ev->cameo && !strncmp(ev->cameo, "057", 3) && basis && !strcmp(basis, "stated")) {
            if (!(st = P(s, P_TCONCL))) return -1;
            bind_str(st, 1, d->value);
            sqlite3_bind_int64(st, 2, tid);
            if (step_done(st)) return -1;
        }
    }
    return 0;
}

/* Events go into the newest part until it holds PART_EVENTS, then into a
 * new one (schemas/chronicle-2.sql): the date-ordered indexes lead with the
 * part, so a group's rows land in one part's range, of bounded size, and
 * what a group costs no longer grows with the database.  A part of a
 * million events is the size at which a group's pages of it stay in the
 * writer's cache; a query pays one index seek per part. */
#define PART_EVENTS 1000000

/* Picks the part this group writes to; called in its transaction, so that
 * two writers one after the other agree. */
static int part_pick(chr_store *s)
{
    sqlite3_stmt *st = P(s, P_PART_LAST);
    if (!st) return -1;
    int r = sqlite3_step(st);
    if (r != SQLITE_ROW && r != SQLITE_DONE) return -1;
    int64_t id = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    int64_t events = r == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
    sqlite3_reset(st);
    if (id < 0 || events >= PART_EVENTS) {
        if (!(st = P(s, P_PART_NEW))) return -1;
        sqlite3_bind_int64(st, 1, ++id);
        if (step_done(st)) return -1;
    }
    s->part = id;
    s->part_added = 0;
    return 0;
}

/* Adds the group's new events to its part's count, just before the commit. */
static int part_count(chr_store *s)
{
    if (!s->part_added) return 0;
    sqlite3_stmt *st = P(s, P_PART_ADD);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, s->part_added);
    sqlite3_bind_int64(st, 2, s->part);
    s->part_added = 0;
    return step_done(st);
}

static double mono(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Gives up the open group: its buffered rows are dropped, its transaction
 * rolled back (unless SQLite already did), and the message (already set)
 * says what that means for the user. */
static void group_abandon(chr_store *s)
{
    fts_drop(s, 0);
    s->nea = 0;
    s->nmc = 0;
    acache_clear(s);
    if (!sqlite3_get_autocommit(s->db)) exec(s, "ROLLBACK");
    s->in_batch = 0;
    size_t l = strlen(s->err);
    snprintf(s->err + l, sizeof s->err - l, "; the articles since the last commit were not stored (never part of "
                                            "one): run the same command again to add them");
}

chr_status chr_store_flush(chr_store *s)
{
    if (!s->in_batch) return CHR_OK;
    if (fts_write(s) || ea_write(s) || mc_write(s) || part_count(s) || exec(s, "COMMIT")) {
        chr_status st = chr_store_fail(s, "committing");
        group_abandon(s);
        return st;
    }
    s->in_batch = 0;
    return CHR_OK;
}


void chr_store_set_group(chr_store *s, int articles) { s->group_articles = articles < 1 ? 1 : articles; }

static chr_status batch_begin(chr_store *s)
{
    if (s->in_batch && (s->batch_articles >= s->group_articles || mono() - s->batch_started >= BATCH_SECONDS)) {
        chr_status st = chr_store_flush(s);
        if (st != CHR_OK) return st;
    }
    if (!s->in_batch) {
        ckpt_settle(s);
        if (exec(s, "BEGIN IMMEDIATE")) return chr_store_fail(s, "starting a transaction");
        if (part_pick(s)) {
            chr_status st = chr_store_fail(s, "choosing the part to write");
            exec(s, "ROLLBACK");
            return st;
        }
        s->in_batch = 1;
        s->batch_articles = 0;
        s->batch_started = mono();
    }
    if (!s->whole_groups && step_done(P(s, P_SAVE))) return chr_store_fail(s, "starting an article");
    s->fts_mark = s->nfts;
    s->ea_mark = s->nea;
    s->mc_mark = s->nmc;
    s->part_mark = s->part_added;
    return CHR_OK;
}

/* Undoes the current article only; the group goes on.  Without savepoints
 * (CHR_STORE_WHOLE_GROUPS) an article cannot be undone alone: the group is
 * given up. */
static void article_undo(chr_store *s)
{
    if (s->whole_groups) {
        group_abandon(s);
        return;
    }
    acache_clear(s);
    if (sqlite3_get_autocommit(s->db)) {        /* SQLite rolled the whole group back (disk full ...) */
        s->in_batch = 0;
        fts_drop(s, 0);
        s->nea = 0;
        s->nmc = 0;
        return;
    }
    fts_drop(s, s->fts_mark);
    s->nea = s->ea_mark;
    s->nmc = s->mc_mark;
    s->part_added = s->part_mark;
    step_done(P(s, P_UNDO));
    step_done(P(s, P_RELEASE));
}

/* The mentions of rec grouped by actor and item, in the order of each
 * group's first mention. */
static int group_mentions(chr_record *rec)
{
    const chr_rec_mention *mv = rec->mentions;
    size_t n = rec->nmentions;
    if (!n) return 0;
    uint8_t *done = calloc(n, 1);
    char *spans = malloc(n * 42 + 1);
    rec->mgroups = chr_record_alloc(rec, n * sizeof *rec->mgroups);
    int rc = !done || !spans || !rec->mgroups ? -1 : 0;
    for (size_t i = 0; i < n && !rc; i++) {
        if (done[i] || !mv[i].actor) continue;
        size_t o = 0, count = 0;
        for (size_t j = i; j < n; j++) {
            const char *a = mv[j].actor;
            if (done[j] || !a || mv[j].item != mv[i].item || strcmp(a, mv[i].actor)) continue;
            done[j] = 1;
            count++;
            o += (size_t)sprintf(spans + o, "%s%lld-%lld", o ? " " : "", (long long)mv[j].span.start,
                                 (long long)mv[j].span.end);
        }
        chr_rec_mgroup *g = &rec->mgroups[rec->nmgroups++];
        g->actor = mv[i].actor;
        g->item = mv[i].item;
        g->count = (int64_t)count;
        g->text = mv[i].span.text;
        if (!(g->spans = chr_record_strn(rec, spans, o))) rc = -1;
    }
    free(done);
    free(spans);
    return rc;
}

chr_status chr_store_prepare(chr_record *rec)
{
    if (rec->prepared) return CHR_OK;
    if (group_mentions(rec)) return CHR_ERR_NOMEM;
    const char *hash = rec->article.hash ? rec->article.hash : "";
    for (size_t i = 0; i < rec->nevents; i++) {
        char key[4096];
        if (!rec->events[i].cameo) continue;              /* refused by chr_store_load */
        event_key(hash, &rec->events[i], key, sizeof key);
        rec->events[i].key = key_hash(key);
    }
    rec->prepared = 1;
    return CHR_OK;
}

chr_status chr_store_load(chr_store *s, chr_record *rec, int *added)
{
    *added = 0;
    const chr_rec_article *art = &rec->article;
    if (!art->hash || art->chars == CHR_REC_NONE) {
        snprintf(s->err, sizeof s->err, "not an extract record (no article.hash)");
        return CHR_ERR_ARG;
    }
    for (size_t i = 0; i < rec->nevents; i++) {
        const chr_rec_event *ev = &rec->events[i];
        if (!ev->cameo) {
            snprintf(s->err, sizeof s->err, "not an extract record (event %zu has no cameo)", i);
            return CHR_ERR_ARG;
        }
        for (size_t k = 0; k < ev->nactors; k++)
            if (!role_name(ev->actors[k].role)) {
                snprintf(s->err, sizeof s->err, "not an extract record (event %zu: an actor's role is not one of "
                                                "source, target, participant, speaker, mentioned)", i);
                return CHR_ERR_ARG;
            }
    }
    if (chr_store_prepare(rec) != CHR_OK) {
        snprintf(s->err, sizeof s->err, "out of memory");
        return CHR_ERR_NOMEM;
    }
    chr_status bst = batch_begin(s);
    if (bst != CHR_OK) return bst;
    sqlite3_stmt *st = P(s, P_ART);
    if (!st) goto fail;
    bind_str(st, 1, art->hash);
    bind_str(st, 2, art->id);
    bind_str(st, 3, art->url);
    bind_str(st, 4, art->source);
    bind_str(st, 5, art->title);
    bind_str(st, 6, art->published);
    bind_str(st, 7, art->dct_basis);
    bind_str(st, 8, art->lang);
    bind_str(st, 9, art->path);
    bind_int(st, 10, art->chars);
    /* A source met before in this session (most articles' source is one of
     * a few media) goes in with the row; a new one is stored with the
     * article's other actors, in the same order as ever, and set after. */
    int64_t source = art->source_actor ? acache_get(s, art->source_actor) : 0;
    bind_actor(st, 11, source);
    if (step_done(st)) goto fail;
    if (!sqlite3_changes(s->db)) {               /* already stored: nothing was written */
        if (!s->whole_groups) step_done(P(s, P_RELEASE));
        return CHR_OK;
    }
    load_ctx c;
    memset(&c, 0, sizeof c);
    c.s = s;
    c.article = sqlite3_last_insert_rowid(s->db);
    c.rec = rec;
    c.source_set = source > 0;
    c.treaty_ids = calloc(rec->ntreaties + 1, sizeof *c.treaty_ids);
    c.stmt_ids = calloc(rec->nstatements + 1, sizeof *c.stmt_ids);
    int bad = !c.treaty_ids || !c.stmt_ids || load_parts(&c) || load_events(&c);
    free(c.treaty_ids);
    free(c.stmt_ids);
    if (bad) goto fail;
    if (!s->whole_groups && step_done(P(s, P_RELEASE))) goto fail;
    s->batch_articles++;
    *added = 1;
    return CHR_OK;
fail:;
    chr_status r = chr_store_fail(s, "storing an article");
    article_undo(s);
    return r;
}

chr_status chr_store_counts_get(chr_store *s, chr_store_counts *c)
{
    static const char *const q =
        "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM event),"
        " (SELECT count(*) FROM actor), (SELECT count(*) FROM statement),"
        " (SELECT count(*) FROM treaty), (SELECT count(*) FROM mention)";
    sqlite3_stmt *st;
    chr_status fs = chr_store_flush(s);
    if (fs != CHR_OK) return fs;
    if (sqlite3_prepare_v2(s->db, q, -1, &st, NULL) != SQLITE_OK) return chr_store_fail(s, "counting");
    memset(c, 0, sizeof *c);
    if (sqlite3_step(st) == SQLITE_ROW) {
        c->articles = sqlite3_column_int64(st, 0);
        c->events = sqlite3_column_int64(st, 1);
        c->actors = sqlite3_column_int64(st, 2);
        c->statements = sqlite3_column_int64(st, 3);
        c->treaties = sqlite3_column_int64(st, 4);
        c->mentions = sqlite3_column_int64(st, 5);
    }
    sqlite3_finalize(st);
    return CHR_OK;
}
