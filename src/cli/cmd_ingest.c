/* cmd_ingest.c - `chronicle extract`, `chronicle load` and `chronicle ingest`.
 *
 * extract: articles in, one JSON record per article out (stateless, so a
 * corpus can be split across processes or machines).  load: such records
 * into the database.  ingest: both in one process.  Extraction runs on -j
 * worker threads; records leave in input order through one writer, which
 * commits each article in its own transaction. */
#define _GNU_SOURCE               /* gettid(): the nice value of a worker thread */
#include <pthread.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "chronicle/chronicle.h"
#include "cli.h"
#include "jsonout.h"
#include "input.h"

#define DEFAULT_DB "output/chronicle.db"

const char extract_usage[] =
    "usage: chronicle extract [-j N] [--on-error stop|skip] [--lossy] [INPUT...]\n\n"
    "Extracts dates, actors, statements, treaties and events from articles and prints\n"
    "one JSON record per article (JSON Lines; schemas/extract.schema.json).  INPUT is a\n"
    "text file (optional front matter), a folder (its *.txt and *.jsonl files, recursively),\n"
    "a JSON Lines corpus\n"
    "(*.jsonl: id, url, source, published, lang, title, text per line) or '-' (stdin,\n"
    "the default).  Stateless: split a corpus, extract the parts anywhere, then\n"
    "`chronicle load` the records.\n\n"
    "  -j N              worker threads (default 1)\n"
    "  --on-error MODE   stop (default) at the first bad article, or skip it\n"
    "  --lossy           replace invalid UTF-8 instead of rejecting the article\n\n"
    "Exit status: 0 success, 1 bad input (named by file and line), 2 usage or file error.\n";

const char ingest_usage[] =
    "usage: chronicle ingest [--db PATH] [-j N] [--on-error stop|skip] [--lossy]\n"
    "                        [--commit-every N] INPUT...\n\n"
    "Extracts articles (as `chronicle extract`) and stores them (as `chronicle load`)\n"
    "in one process.  The database (default " DEFAULT_DB ") is created if needed.\n"
    "Articles are committed in groups (every 50,000 articles or 60 seconds), each\n"
    "article whole or not at all: an interrupted run keeps every group it committed,\n"
    "and running again adds only the rest (an article already stored, by the SHA-256\n"
    "of its url and text, is skipped).\n\n"
    "  --db PATH         the database\n"
    "  -j N              extraction threads (default: one per processor); one writer\n"
    "                    commits, and the database is the same whatever N\n"
    "  --on-error MODE   stop (default) at the first bad article, or skip it\n"
    "  --lossy           replace invalid UTF-8 instead of rejecting the article\n"
    "  --commit-every N  commit every N articles (default 50000) and at least once\n"
    "                    a minute: smaller groups show new articles to readers\n"
    "                    sooner and lose less to a crash, larger ones are faster\n"
    "  --quiet           no summary\n\n"
    "Exit status: 0 success, 1 bad input (named by file and line), 2 usage, file or\n"
    "database error.\n";

const char load_usage[] =
    "usage: chronicle load [--db PATH] [--on-error stop|skip] [--commit-every N] [FILE...]\n\n"
    "Stores the JSON records of `chronicle extract` (stdin when no FILE) in the\n"
    "database (default " DEFAULT_DB "), each article whole or not at all; records already\n"
    "stored are skipped, so shards can be loaded in any order and again.  Articles\n"
    "are committed in groups, as by `chronicle ingest` (--commit-every N: every N).\n\n"
    "Exit status: 0 success, 1 bad record (named by file and line), 2 usage, file or\n"
    "database error.\n";

typedef struct opts {
    const char *db;
    int jobs, skip, lossy, quiet, group;
    char **inputs;
    int ninputs;
} opts;

/* Reads the whole number v of option name into *out; what says what it
 * counts.  Returns 0, or EXIT_USAGE with a message. */
static int int_option(const char *name, const char *v, long lo, long hi, const char *what, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || n < lo || n > hi) {
        fprintf(stderr, "chronicle: %s needs a number of %s from %ld to %ld, got '%s'\n", name, what, lo, hi, v);
        return EXIT_USAGE;
    }
    *out = (int)n;
    return 0;
}

static int parse(int argc, char **argv, opts *o, const char *usage, int db)
{
    memset(o, 0, sizeof *o);
    o->db = DEFAULT_DB;
    /* ingest uses the machine; extract, a filter that parallel engines run
     * many of at once, takes one thread unless told otherwise */
    o->jobs = 1;
    if (db) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        o->jobs = n < 1 ? 1 : n > 64 ? 64 : (int)n;
    }
    o->inputs = calloc((size_t)argc + 1, sizeof *o->inputs);
    if (!o->inputs) return EXIT_USAGE;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return -1;
        } else if (db && !strcmp(a, "--db") && v) {
            o->db = v;
            i++;
        } else if (!strcmp(a, "-j") && v) {
            if (int_option(a, v, 1, 256, "threads", &o->jobs)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--on-error") && v) {
            if (!strcmp(v, "skip")) o->skip = 1;
            else if (!strcmp(v, "stop")) o->skip = 0;
            else {
                fprintf(stderr, "chronicle: --on-error is stop or skip, got '%s'\n", v);
                return EXIT_USAGE;
            }
            i++;
        } else if (db && !strcmp(a, "--commit-every") && v) {
            if (int_option(a, v, 1, 10000000, "articles", &o->group)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--lossy")) {
            o->lossy = 1;
        } else if (!strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "chronicle: unknown or incomplete option '%s'\n%s", a, usage);
            return EXIT_USAGE;
        } else {
            o->inputs[o->ninputs++] = argv[i];
        }
    }
    if (!o->ninputs) o->inputs[o->ninputs++] = "-";
    return EXIT_OK;
}

/* ---- the pipeline ------------------------------------------------------- */

typedef struct job {
    in_article art;
    chr_record *rec;
    char err[1400];
    int state;                 /* 0 empty, 1 read (to extract), 2 working, 3 done */
    int failed;                /* 1: bad input data, 2: extraction failed, 3: unreadable file */
    /* what the writer is done with, freed by the next worker to take the
     * slot: freeing a record is many small frees, and the writer thread is
     * the one that limits -j N */
    chr_record *spent_rec;
    struct json_object *spent_json;
    char *spent_mem, *spent_strs[4];
} job;

typedef struct pipe {
    job *ring;
    size_t cap;
    size_t head, tail, take;   /* oldest unconsumed, next to fill, next to extract */
    int eof, quit;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
} pipe_t;

/* Frees what job_retire kept of the slot's previous article. */
static void job_spent_free(job *j)
{
    chr_record_free(j->spent_rec);
    in_article_json_free(j->spent_json);
    free(j->spent_mem);
    for (int i = 0; i < 4; i++) free(j->spent_strs[i]);
    j->spent_rec = NULL;
    j->spent_json = NULL;
    j->spent_mem = NULL;
    for (int i = 0; i < 4; i++) j->spent_strs[i] = NULL;
}

/* Extracts the article of j; with prepare, also what storing it needs
 * (chr_store_prepare), here rather than on the one writer. */
static void extract_job(chr_extractor *x, job *j, int prepare)
{
    job_spent_free(j);
    if (j->failed) return;
    if (in_article_parse(&j->art, j->err, sizeof j->err) < 0) {
        j->failed = 1;
        return;
    }
    chr_status st = chr_extract(x, &j->art.a, &j->rec);
    if (st == CHR_OK && prepare && chr_store_prepare(j->rec) != CHR_OK) {
        snprintf(j->err, sizeof j->err, "%s: out of memory", j->art.where);
        j->failed = 2;
        return;
    }
    if (st != CHR_OK) {
        snprintf(j->err, sizeof j->err, "%s: %s", j->art.where, chr_extractor_errmsg(x));
        j->failed = 2;
    }
}

typedef struct worker { pipe_t *p; chr_extractor *x; int prepare; } worker;

/* Workers run at a lower priority than the thread that reads and writes:
 * that one writer is what limits -j N, and with N workers beside it on N
 * cores it got only N/(N+1) of a core, the rest going to workers that then
 * wait for it.  At +5 it takes a whole core whenever it has work (ingest -j 2
 * on 2 cores: about 8% faster); the workers have the rest.  Linux gives each
 * thread its own nice value; where it cannot be set nothing changes. */
#define WORKER_NICE 5

static void *work(void *arg)
{
    worker *w = arg;
    pipe_t *p = w->p;
    int nice_now = getpriority(PRIO_PROCESS, (id_t)gettid());
    setpriority(PRIO_PROCESS, (id_t)gettid(), nice_now + WORKER_NICE);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->quit && p->take == p->tail && !p->eof) pthread_cond_wait(&p->work, &p->mu);
        if (p->quit || (p->take == p->tail && p->eof)) break;
        job *j = &p->ring[p->take++ % p->cap];
        j->state = 2;
        pthread_mutex_unlock(&p->mu);
        extract_job(w->x, j, w->prepare);
        pthread_mutex_lock(&p->mu);
        j->state = 3;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

typedef struct sink {
    const opts *o;
    chr_store *store;          /* ingest: the database; extract: NULL (stdout) */
    size_t articles, already, errors, unreadable;
    size_t bytes;
    struct timespec t0, last;
    in_reader *reader;
    int tty;
} sink;

static double now_s(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void progress(sink *k, int final)
{
    if (!k->tty) return;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    double since = (double)(t.tv_sec - k->last.tv_sec) + (double)(t.tv_nsec - k->last.tv_nsec) / 1e9;
    if (!final && since < 0.2) return;
    k->last = t;
    double el = now_s(&k->t0);
    double mb = (double)in_reader_bytes(k->reader) / 1e6;
    fprintf(stderr, "\r%zu articles, %.1f MB, %.0f articles/s, %.1f MB/s, %zu errors%s", k->articles, mb,
            el > 0 ? (double)k->articles / el : 0.0, el > 0 ? mb / el : 0.0, k->errors, final ? "\n" : "");
}

/* Consumes one finished job: prints or stores its record.  Returns 0 to go
 * on, EXIT_DATA / EXIT_USAGE to stop. */
static int consume(sink *k, job *j)
{
    k->articles++;
    if (j->failed) {
        k->errors++;
        if (k->tty) fputc('\n', stderr);
        fprintf(stderr, "chronicle: %s%s\n", j->err, k->o->skip ? " (skipped)" : "");
        if (j->failed == 3) k->unreadable++;
        return k->o->skip ? 0 : j->failed == 3 ? EXIT_USAGE : EXIT_DATA;
    }
    int rc = 0;
    if (!k->store) {
        if (chr_record_write(stdout, j->rec)) rc = EXIT_USAGE;
        if (rc) fprintf(stderr, "chronicle: cannot write the output\n");
    } else {
        int added = 0;
        if (chr_store_load(k->store, j->rec, &added) != CHR_OK) {
            fprintf(stderr, "chronicle: %s: %s\n", j->art.where, chr_store_errmsg(k->store));
            rc = EXIT_USAGE;
        } else if (!added) {
            k->already++;
        }
    }
    progress(k, 0);
    return rc;
}

static void job_reset(job *j)
{
    in_article_clear(&j->art);
    chr_record_free(j->rec);
    j->rec = NULL;
    j->err[0] = 0;
    j->state = 0;
    j->failed = 0;
}

/* As job_reset, but the memory of the record and the article is handed to
 * the slot's next worker (job_spent_free) instead of freed here. */
static void job_retire(job *j)
{
    j->spent_rec = j->rec;
    j->spent_json = j->art.json;
    j->spent_mem = j->art.mem;
    for (int i = 0; i < 4; i++) {
        j->spent_strs[i] = j->art.strs[i];
        j->art.strs[i] = NULL;
    }
    j->rec = NULL;
    j->art.json = NULL;
    j->art.mem = NULL;
    job_reset(j);
}

/* Reads the next article into j; returns 0 at the end.  A JSON line is
 * parsed by extract_job, on a worker: the reading thread is also the one
 * writer, and parsing took some 8% of its time. */
static int fill(in_reader *r, job *j)
{
    char err[1400];
    int k = in_reader_next_raw(r, &j->art, err, sizeof err);
    if (k == 0) return 0;
    if (k < 0) {
        snprintf(j->err, sizeof j->err, "%s", err);
        j->failed = k == -2 ? 3 : 1;
    }
    j->state = 1;
    return 1;
}

static int run_serial(sink *k, in_reader *r)
{
    chr_extractor *x = chr_extractor_new();
    if (!x) {
        fprintf(stderr, "chronicle: cannot start the extractor: %s\n", chr_extract_data_problems());
        return EXIT_USAGE;
    }
    job j;
    memset(&j, 0, sizeof j);
    int rc = 0;
    while (!rc && fill(r, &j)) {
        extract_job(x, &j, k->store != NULL);
        rc = consume(k, &j);
        job_reset(&j);
    }
    job_reset(&j);
    chr_extractor_free(x);
    return rc;
}

static int run_parallel(sink *k, in_reader *r, int n)
{
    pipe_t p;
    memset(&p, 0, sizeof p);
    /* Room for a few seconds of work: while the writer commits a group, the
     * workers go on extracting instead of waiting for it. */
    p.cap = (size_t)n * 128;
    p.ring = calloc(p.cap, sizeof *p.ring);
    worker *w = calloc((size_t)n, sizeof *w);
    pthread_t *t = calloc((size_t)n, sizeof *t);
    if (!p.ring || !w || !t) {
        free(p.ring); free(w); free(t);
        fprintf(stderr, "chronicle: out of memory\n");
        return EXIT_USAGE;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    int started = 0, rc = 0;
    for (int i = 0; i < n; i++) {
        w[i].p = &p;
        w[i].prepare = k->store != NULL;
        if (!(w[i].x = chr_extractor_new())) break;
        if (pthread_create(&t[i], NULL, work, &w[i])) {
            chr_extractor_free(w[i].x);
            break;
        }
        started++;
    }
    if (!started) {
        fprintf(stderr, "chronicle: cannot start the extractor: %s\n", chr_extract_data_problems());
        rc = EXIT_USAGE;
        p.eof = 1;
    }
    /* the main thread reads ahead, and writes finished records in order */
    while (!rc) {
        pthread_mutex_lock(&p.mu);
        int room = p.tail - p.head < p.cap;
        pthread_mutex_unlock(&p.mu);
        if (room && !p.eof) {
            job *j = &p.ring[p.tail % p.cap];
            int got = fill(r, j);               /* slot is ours: not yet published */
            pthread_mutex_lock(&p.mu);
            if (got) p.tail++;
            else p.eof = 1;
            pthread_cond_broadcast(&p.work);
            pthread_mutex_unlock(&p.mu);
            if (got) continue;
        }
        pthread_mutex_lock(&p.mu);
        if (p.head == p.tail) {
            pthread_mutex_unlock(&p.mu);
            break;
        }
        job *j = &p.ring[p.head % p.cap];
        while (j->state != 3) pthread_cond_wait(&p.done, &p.mu);
        pthread_mutex_unlock(&p.mu);
        rc = consume(k, j);
        job_retire(j);
        pthread_mutex_lock(&p.mu);
        p.head++;
        pthread_mutex_unlock(&p.mu);
    }
    pthread_mutex_lock(&p.mu);
    p.quit = 1;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < started; i++) {
        pthread_join(t[i], NULL);
        chr_extractor_free(w[i].x);
    }
    for (size_t i = 0; i < p.cap; i++) {
        job_reset(&p.ring[i]);
        job_spent_free(&p.ring[i]);
    }
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    free(p.ring);
    free(w);
    free(t);
    return rc;
}

/* The summary counts what the database holds at the end: articles that
 * were read but whose group could not be committed are not "added". */
static void summary(sink *k, const chr_store_counts *before, const chr_store_counts *after)
{
    double el = now_s(&k->t0);
    double mb = (double)in_reader_bytes(k->reader) / 1e6;
    fprintf(stderr, "chronicle: %zu articles read (%lld added, %zu already stored), %zu errors, %.2f s, %.1f MB/s\n",
            k->articles, (long long)(after->articles - before->articles), k->already, k->errors, el,
            el > 0 ? mb / el : 0.0);
    fprintf(stderr,
                "chronicle: added %lld events, %lld actors, %lld statements, %lld treaties; the database holds "
                "%lld articles, %lld events\n",
                (long long)(after->events - before->events), (long long)(after->actors - before->actors),
                (long long)(after->statements - before->statements), (long long)(after->treaties - before->treaties),
                (long long)after->articles, (long long)after->events);
}

/* Commits what is pending and, with count, reads the counts.  A commit
 * that fails (disk full, file size limit, I/O error) loses only the
 * articles since the last commit, never part of one; the store's message
 * says so, and that running again adds them.  Returns rc, or EXIT_USAGE
 * after such a failure. */
static int finish(chr_store *s, chr_store_counts *after, int rc, int count)
{
    if (chr_store_flush(s) != CHR_OK) {
        fprintf(stderr, "chronicle: %s\n", chr_store_errmsg(s));
        rc = EXIT_USAGE;
    }
    if (count) chr_store_counts_get(s, after);
    return rc;
}

static int open_db(const char *path, int flags, chr_store **s)
{
    char err[1200];
    if (chr_store_open(path, CHR_STORE_CREATE | flags, s, err, sizeof err) != CHR_OK) {
        fprintf(stderr, "chronicle: %s\n", err);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static int run(int argc, char **argv, int to_db)
{
    opts o;
    int rc = parse(argc, argv, &o, to_db ? ingest_usage : extract_usage, to_db);
    if (rc) {
        free(o.inputs);
        return rc < 0 ? EXIT_OK : rc;
    }
    const char *problems = chr_extract_data_problems();
    if (*problems) {
        fprintf(stderr, "chronicle: the compiled language data has errors:\n%s", problems);
        free(o.inputs);
        return EXIT_DATA;
    }
    sink k;
    memset(&k, 0, sizeof k);
    k.o = &o;
    k.tty = isatty(2);
    clock_gettime(CLOCK_MONOTONIC, &k.t0);
    k.last = k.t0;
    chr_store_counts before = {0}, after = {0};
    if (to_db) {
        /* ingest stops at the first record it cannot store (its records
         * are the extractor's own), so a group need not undo one alone */
        if ((rc = open_db(o.db, CHR_STORE_WHOLE_GROUPS, &k.store))) {
            free(o.inputs);
            return rc;
        }
        if (o.group) chr_store_set_group(k.store, o.group);
        /* counting reads whole tables: only for the summary */
        if (!o.quiet) chr_store_counts_get(k.store, &before);
    }
    in_reader *r = in_reader_new(o.inputs, o.ninputs, o.lossy);
    k.reader = r;
    if (!r) rc = EXIT_USAGE;
    else rc = o.jobs > 1 ? run_parallel(&k, r, o.jobs) : run_serial(&k, r);
    if (fflush(stdout) == EOF) rc = EXIT_USAGE;
    progress(&k, 1);
    if (k.store) {
        rc = finish(k.store, &after, rc, !o.quiet);
        if (!o.quiet) summary(&k, &before, &after);
    }
    if (!rc && k.errors) rc = k.unreadable ? EXIT_USAGE : EXIT_DATA;   /* skipped ones still count */
    chr_store_close(k.store);
    in_reader_free(r);
    free(o.inputs);
    return rc;
}

int cmd_extract(int argc, char **argv) { return run(argc, argv, 0); }
int cmd_ingest(int argc, char **argv) { return run(argc, argv, 1); }

int cmd_load(int argc, char **argv)
{
    opts o;
    int rc = parse(argc, argv, &o, load_usage, 1);
    if (rc) {
        free(o.inputs);
        return rc < 0 ? EXIT_OK : rc;
    }
    chr_store *s = NULL;
    /* load may skip a bad record and go on: each is a savepoint */
    if ((rc = open_db(o.db, 0, &s))) {
        free(o.inputs);
        return rc;
    }
    if (o.group) chr_store_set_group(s, o.group);
    sink k;
    memset(&k, 0, sizeof k);
    k.o = &o;
    clock_gettime(CLOCK_MONOTONIC, &k.t0);
    chr_store_counts before = {0}, after = {0};
    if (!o.quiet) chr_store_counts_get(s, &before);     /* reads whole tables: only for the summary */
    in_reader *r = in_reader_new(o.inputs, o.ninputs, 0);
    k.reader = r;
    const char *line;
    size_t len;
    char where[1200], err[1400];
    int got;
    while (r && !rc && (got = in_reader_next_record(r, &line, &len, where, sizeof where, err, sizeof err)) != 0) {
        k.articles++;
        if (got < 0) {
            k.errors++;
            k.unreadable += got == -2;
            fprintf(stderr, "chronicle: %s%s\n", err, o.skip ? " (skipped)" : "");
            if (!o.skip) rc = got == -2 ? EXIT_USAGE : EXIT_DATA;
            continue;
        }
        int added = 0;
        chr_record *rec = NULL;
        char rerr[1500];
        chr_status st = chr_record_parse(line, len, &rec, rerr, sizeof rerr);
        if (st == CHR_OK) {
            st = chr_store_load(s, rec, &added);
            snprintf(rerr, sizeof rerr, "%s", chr_store_errmsg(s));
        }
        chr_record_free(rec);
        if (st == CHR_ERR_ARG) {
            k.errors++;
            fprintf(stderr, "chronicle: %s: %s%s\n", where, rerr, o.skip ? " (skipped)" : "");
            if (!o.skip) rc = EXIT_DATA;
        } else if (st != CHR_OK) {
            fprintf(stderr, "chronicle: %s: %s\n", where, rerr);
            rc = EXIT_USAGE;
        } else if (!added) {
            k.already++;
        }
    }
    rc = finish(s, &after, rc, !o.quiet);
    if (!o.quiet) summary(&k, &before, &after);
    if (!rc && k.errors) rc = k.unreadable ? EXIT_USAGE : EXIT_DATA;
    chr_store_close(s);
    in_reader_free(r);
    free(o.inputs);
    return rc;
}
