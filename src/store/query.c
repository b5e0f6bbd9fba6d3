/* query.c - reading events back: by actor in any language, with another
 * actor, by date, type, treaty and words; one event in full; actors and
 * treaties.  Every query is prepared with bound parameters; a list of actor
 * ids becomes a list of placeholders, never text in the SQL. */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define G(o, k) json_object_get((o), (k))

static json_t *col_str(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? json_string((const char *)t) : json_null();
}

/* ---- resolving names ---------------------------------------------------- */

typedef struct idset { int64_t *v; size_t n, cap; } idset;

static int idset_add(idset *s, int64_t id)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == id) return 0;
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 16;
        int64_t *p = realloc(s->v, nc * sizeof *p);
        if (!p) return -1;
        s->v = p;
        s->cap = nc;
    }
    s->v[s->n++] = id;
    return 0;
}

/* The actors a name denotes: any alias (folded) or the canonical name; with
 * affiliated, also the people who serve a state or organisation named. */
static chr_status resolve(chr_store *s, const char *name, int affiliated, idset *out)
{
    char key[1024];
    if (chr_store_key(name, key, sizeof key) <= 0) {
        snprintf(s->err, sizeof s->err, "empty actor name");
        return CHR_ERR_ARG;
    }
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT actor_id FROM alias WHERE key = ?1 UNION SELECT id FROM actor WHERE name = ?2",
                           -1, &st, NULL) != SQLITE_OK)
        return chr_store_fail(s, "looking up an actor");
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    size_t first = out->n;
    while (sqlite3_step(st) == SQLITE_ROW) idset_add(out, sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    if (out->n == first) {
        snprintf(s->err, sizeof s->err, "no actor called '%s' in %s (see `chronicle actors --like`)", name, s->path);
        return CHR_ERR_ARG;
    }
    if (affiliated) {
        size_t n = out->n;
        if (sqlite3_prepare_v2(s->db,
                               "SELECT p.id FROM actor p JOIN actor o ON p.affiliation = o.name WHERE o.id = ?",
                               -1, &st, NULL) != SQLITE_OK)
            return chr_store_fail(s, "looking up affiliated actors");
        for (size_t i = first; i < n; i++) {
            sqlite3_reset(st);
            sqlite3_bind_int64(st, 1, out->v[i]);
            while (sqlite3_step(st) == SQLITE_ROW) idset_add(out, sqlite3_column_int64(st, 0));
        }
        sqlite3_finalize(st);
    }
    return CHR_OK;
}

/* ---- one event as JSON -------------------------------------------------- */

/* A statement prepared once per store and reused (reset, bindings cleared):
 * a query prints each event with a handful of small queries. */
static sqlite3_stmt *qprep(chr_store *s, const char *sql)
{
    for (int i = 0; i < s->nqc; i++)
        if (s->qc[i].sql == sql) {
            sqlite3_reset(s->qc[i].st);
            sqlite3_clear_bindings(s->qc[i].st);
            return s->qc[i].st;
        }
    if (s->nqc == (int)(sizeof s->qc / sizeof s->qc[0])) return NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) return NULL;
    s->qc[s->nqc].sql = sql;
    s->qc[s->nqc++].st = st;
    return st;
}

static json_t *treaty_json(chr_store *s, int64_t id)
{
    sqlite3_stmt *st;
    json_t *t = json_null();
    if (!(st = qprep(s, "SELECT name, kind, concluded FROM treaty WHERE id = ?")))
        return t;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        t = json_pack("{s:I,s:o,s:o,s:o}", "id", (json_int_t)id, "name", col_str(st, 0), "kind", col_str(st, 1),
                      "concluded", col_str(st, 2));
    
    if (json_is_null(t)) return t;
    json_t *parties = json_array(), *arts = json_array();
    if ((st = qprep(s, "SELECT a.name FROM treaty_party p JOIN actor a ON a.id = p.actor_id"
                                  " WHERE p.treaty_id = ? ORDER BY a.name")) != NULL) {
        sqlite3_bind_int64(st, 1, id);
        while (sqlite3_step(st) == SQLITE_ROW) json_array_append_new(parties, col_str(st, 0));
        
    }
    if ((st = qprep(s, "SELECT number, min(text) FROM treaty_article WHERE treaty_id = ? GROUP BY number ORDER BY number")) != NULL) {
        sqlite3_bind_int64(st, 1, id);
        while (sqlite3_step(st) == SQLITE_ROW)
            json_array_append_new(arts, json_pack("{s:I,s:o}", "number", (json_int_t)sqlite3_column_int64(st, 0),
                                                  "text", col_str(st, 1)));
        
    }
    json_object_set_new(t, "parties", parties);
    json_object_set_new(t, "articles", arts);
    return t;
}

static json_t *statement_json(chr_store *s, int64_t sid)
{
    sqlite3_stmt *st;
    json_t *o = json_null();
    if (!(st = qprep(s, "SELECT a.name, s.words, s.quoted, s.negated, s.medium, m.name, s.verb"
                           " FROM statement s JOIN actor a ON a.id = s.speaker_id"
                           " LEFT JOIN actor m ON m.id = s.medium_actor WHERE s.id = ?")))
        return o;
    sqlite3_bind_int64(st, 1, sid);
    if (sqlite3_step(st) == SQLITE_ROW)
        o = json_pack("{s:I,s:o,s:o,s:b,s:b,s:o,s:o,s:o}", "id", (json_int_t)sid, "speaker", col_str(st, 0),
                      "quote", col_str(st, 1), "quoted", sqlite3_column_int(st, 2),
                      "negated", sqlite3_column_int(st, 3), "medium", col_str(st, 4),
                      "medium_actor", col_str(st, 5), "verb", col_str(st, 6));
    
    if (json_is_null(o)) return o;
    json_t *chain = json_array();
    if ((st = qprep(s, "SELECT a.name FROM statement_chain c JOIN actor a ON a.id = c.actor_id"
                                  " WHERE c.statement_id = ? ORDER BY c.pos")) != NULL) {
        sqlite3_bind_int64(st, 1, sid);
        while (sqlite3_step(st) == SQLITE_ROW) json_array_append_new(chain, col_str(st, 0));
        
    }
    json_object_set_new(o, "reported_by", chain);
    return o;
}

/* The event's JSON; full adds every statement (not only the first). */
static json_t *event_json(chr_store *s, int64_t id, int full)
{
    sqlite3_stmt *st;
    if (!(st = qprep(s, "SELECT e.type, e.cameo, e.plover, e.date_value, e.date_start, e.date_end,"
                           " e.granularity, e.basis, e.not_before, l.name, e.treaty_id"
                           " FROM event e LEFT JOIN actor l ON l.id = e.location_id WHERE e.id = ?")))
        return NULL;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        
        return NULL;
    }
    json_t *date = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}", "value", col_str(st, 3), "start", col_str(st, 4),
                             "end", col_str(st, 5), "granularity", col_str(st, 6), "basis", col_str(st, 7),
                             "not_before", col_str(st, 8));
    json_t *ev = json_pack("{s:I,s:o,s:o,s:o,s:o,s:o}", "id", (json_int_t)id, "date", date, "type", col_str(st, 0),
                           "cameo", col_str(st, 1), "plover", col_str(st, 2), "location", col_str(st, 9));
    int64_t tid = sqlite3_column_type(st, 10) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 10);
    
    json_t *actors = json_array();
    if ((st = qprep(s, "SELECT a.name, ea.role, a.kind FROM event_actor ea JOIN actor a ON a.id = ea.actor_id"
                                  " WHERE ea.event_id = ? ORDER BY CASE ea.role WHEN 'speaker' THEN 0 WHEN 'source' THEN 1"
                                  " WHEN 'participant' THEN 2 WHEN 'target' THEN 3 ELSE 4 END, a.name")) != NULL) {
        sqlite3_bind_int64(st, 1, id);
        while (sqlite3_step(st) == SQLITE_ROW)
            json_array_append_new(actors, json_pack("{s:o,s:o,s:o}", "name", col_str(st, 0), "role", col_str(st, 1),
                                                    "kind", col_str(st, 2)));
        
    }
    json_object_set_new(ev, "actors", actors);
    json_object_set_new(ev, "treaty", tid ? treaty_json(s, tid) : json_null());
    json_t *stmts = json_array();
    if ((st = qprep(s, "SELECT statement_id FROM event_statement WHERE event_id = ? ORDER BY statement_id")) != NULL) {
        sqlite3_bind_int64(st, 1, id);
        while (sqlite3_step(st) == SQLITE_ROW) json_array_append_new(stmts, statement_json(s, sqlite3_column_int64(st, 0)));
        
    }
    json_object_set(ev, "statement", json_array_size(stmts) ? json_array_get(stmts, 0) : json_null());
    if (full) json_object_set_new(ev, "statements", stmts);
    else json_decref(stmts);
    json_t *sources = json_array();
    json_t *evidence = json_null();
    if ((st = qprep(s, "SELECT a.title, coalesce(sa.name, a.source), a.url, a.published, se.text, es.trigger,"
                           " es.start, es.end, es.item, es.report_date, a.path, a.id"
                           " FROM event_source es JOIN article a ON a.id = es.article_id"
                           " JOIN sentence se ON se.id = es.sentence_id"
                           " LEFT JOIN actor sa ON sa.id = a.source_actor"
                           " WHERE es.event_id = ? ORDER BY a.published, a.id, es.start")) != NULL) {
        sqlite3_bind_int64(st, 1, id);
        while (sqlite3_step(st) == SQLITE_ROW) {
            json_t *src = json_pack("{s:o,s:o,s:o,s:o,s:o,s:I}", "title", col_str(st, 0), "source", col_str(st, 1),
                                    "url", col_str(st, 2), "published", col_str(st, 3), "report_date", col_str(st, 9),
                                    "item", (json_int_t)sqlite3_column_int64(st, 8));
            if (full) {
                json_object_set_new(src, "path", col_str(st, 10));
                json_object_set_new(src, "article", json_integer(sqlite3_column_int64(st, 11)));
                json_object_set_new(src, "evidence", col_str(st, 4));
                json_object_set_new(src, "trigger", json_pack("{s:o,s:I,s:I}", "text", col_str(st, 5),
                                                              "start", (json_int_t)sqlite3_column_int64(st, 6),
                                                              "end", (json_int_t)sqlite3_column_int64(st, 7)));
            }
            if (json_is_null(evidence)) {
                json_decref(evidence);
                evidence = col_str(st, 4);
            }
            json_array_append_new(sources, src);
        }
        
    }
    json_object_set_new(ev, "evidence", evidence);
    json_object_set_new(ev, "sources", sources);
    return ev;
}

json_t *chr_store_event(chr_store *s, int64_t id) { return event_json(s, id, 1); }

/* ---- the query ------------------------------------------------------------ */

typedef struct sqlbuf { char *s; size_t n, cap; } sqlbuf;

static int put(sqlbuf *b, const char *t)
{
    size_t l = strlen(t);
    if (b->n + l + 1 > b->cap) {
        size_t nc = (b->cap ? b->cap * 2 : 1024) + l;
        char *p = realloc(b->s, nc);
        if (!p) return -1;
        b->s = p;
        b->cap = nc;
    }
    memcpy(b->s + b->n, t, l + 1);
    b->n += l;
    return 0;
}

static int put_ids(sqlbuf *b, size_t n)
{
    int r = put(b, "(");
    for (size_t i = 0; i < n; i++) r |= put(b, i ? ",?" : "?");
    return r | put(b, ")");
}

/* Binds a query's values: the actor ids in the order their placeholders
 * appear, then the named values, then the part. */
static void bind_query(sqlite3_stmt *st, const chr_query *q, const idset *sets, int64_t part)
{
    int p = 1;
    for (size_t i = 0; i <= q->nactors; i++)
        if (i < q->nactors || q->with)
            for (size_t k = 0; k < sets[i].n; k++) sqlite3_bind_int64(st, p++, sets[i].v[k]);
    int ix;
    if (q->from && (ix = sqlite3_bind_parameter_index(st, ":from"))) sqlite3_bind_text(st, ix, q->from, -1, SQLITE_STATIC);
    if (q->to && (ix = sqlite3_bind_parameter_index(st, ":to"))) sqlite3_bind_text(st, ix, q->to, -1, SQLITE_STATIC);
    if (q->type && (ix = sqlite3_bind_parameter_index(st, ":type"))) sqlite3_bind_text(st, ix, q->type, -1, SQLITE_STATIC);
    if (q->treaty && (ix = sqlite3_bind_parameter_index(st, ":treaty")))
        sqlite3_bind_text(st, ix, q->treaty, -1, SQLITE_STATIC);
    if (q->text && (ix = sqlite3_bind_parameter_index(st, ":text"))) sqlite3_bind_text(st, ix, q->text, -1, SQLITE_STATIC);
    if ((ix = sqlite3_bind_parameter_index(st, ":part"))) sqlite3_bind_int64(st, ix, part);
}

/* The SQL of a query over one part: event ids and their sort dates, in
 * (sort_date, id) order.  NULL when out of memory. */
static char *query_sql(const chr_query *q, const idset *sets)
{
    sqlbuf b = {0};
    /* With an actor, its rows of event_actor are already in date order
     * within a part: the query walks them and stops at the limit, with no
     * sort of all the actor's events.  An event listed twice for the actor
     * (two roles, or two of its ids under --affiliated) comes out on
     * adjacent rows and is printed once. */
    int by_actor = q->nactors > 0;
    int bad = put(&b, by_actor ? "SELECT ea.event_id, ea.sort_date FROM event_actor ea JOIN event e ON e.id = ea.event_id"
                                 " WHERE ea.actor_id IN "
                               : "SELECT e.id, e.sort_date FROM event e WHERE 1");
    if (by_actor) bad |= put_ids(&b, sets[0].n);
    for (size_t i = by_actor; i < q->nactors; i++) {
        bad |= put(&b, " AND e.id IN (SELECT event_id FROM event_actor WHERE actor_id IN ");
        bad |= put_ids(&b, sets[i].n) | put(&b, ")");
    }
    if (q->with) {
        bad |= put(&b, " AND e.id IN (SELECT event_id FROM event_actor WHERE actor_id IN ");
        bad |= put_ids(&b, sets[q->nactors].n) | put(&b, ")");
    }
    if (q->from) bad |= put(&b, " AND substr(coalesce(e.date_end, e.date_value, e.not_before), 1, 10) >= :from");
    if (q->to) bad |= put(&b, " AND substr(coalesce(e.date_start, e.date_value), 1, 10) <= :to");
    if (q->type)
        bad |= put(&b, " AND (e.cameo LIKE :type || '%' OR e.type LIKE '%' || :type || '%' OR e.plover = upper(:type))");
    if (q->treaty)
        bad |= put(&b, " AND e.treaty_id IN (SELECT treaty_id FROM treaty_mention WHERE text LIKE '%' || :treaty || '%'"
                       " UNION SELECT id FROM treaty WHERE name LIKE '%' || :treaty || '%')");
    if (q->text)
        bad |= put(&b, " AND e.id IN (SELECT es.event_id FROM sentence_fts f JOIN event_source es"
                       " ON es.sentence_id = f.rowid WHERE sentence_fts MATCH :text"
                       " UNION SELECT es.event_id FROM statement_fts f JOIN event_statement es"
                       " ON es.statement_id = f.rowid WHERE statement_fts MATCH :text)");
    bad |= put(&b, by_actor ? " AND ea.part = :part ORDER BY ea.sort_date, ea.event_id"
                            : " AND e.part = :part ORDER BY e.sort_date, e.id");
    if (bad) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

/* One part's rows, read in step with the others. */
typedef struct stream { sqlite3_stmt *st; int live; } stream;

/* Moves v to its next row; live says whether there is one. */
static chr_status stream_step(chr_store *s, stream *v)
{
    int r = sqlite3_step(v->st);
    v->live = r == SQLITE_ROW;
    return r == SQLITE_ROW || r == SQLITE_DONE ? CHR_OK : chr_store_fail(s, "running the query");
}

/* The stream whose current row comes first in (sort_date, id) order, or -1
 * when all are spent.  Ids are unique across parts, so there are no ties
 * between streams: a row repeated for one event is in one stream, and
 * comes out right after the first. */
static int stream_next(const stream *v, size_t n)
{
    int best = -1;
    for (size_t i = 0; i < n; i++) {
        if (!v[i].live) continue;
        if (best >= 0) {
            sqlite3_stmt *a = v[i].st, *b = v[best].st;
            int c = strcmp((const char *)sqlite3_column_text(a, 1), (const char *)sqlite3_column_text(b, 1));
            if (c > 0 || (c == 0 && sqlite3_column_int64(a, 0) > sqlite3_column_int64(b, 0))) continue;
        }
        best = (int)i;
    }
    return best;
}

/* The parts of the database, oldest first (schemas/chronicle-2.sql). */
static chr_status parts_of(chr_store *s, idset *parts)
{
    sqlite3_stmt *st = qprep(s, "SELECT id FROM part ORDER BY id");
    if (!st) return chr_store_fail(s, "reading the parts");
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW)
        if (idset_add(parts, sqlite3_column_int64(st, 0))) return CHR_ERR_NOMEM;
    return r == SQLITE_DONE ? CHR_OK : chr_store_fail(s, "reading the parts");
}

/* The events of a query in order, each given to fn as JSON (fn) or as an
 * id (idfn): each part is read in order by its own statement and the parts
 * are merged, so a limit stops the reading of all of them. */
static chr_status run_query(chr_store *s, const chr_query *q, int (*fn)(json_t *ev, void *ctx),
                            int (*idfn)(int64_t id, void *ctx), void *ctx)
{
    idset *sets = calloc(q->nactors + 1, sizeof *sets);
    idset parts = {0};
    stream *v = NULL;
    char *sql = NULL;
    if (!sets) return CHR_ERR_NOMEM;
    chr_status rc = CHR_OK;
    for (size_t i = 0; i < q->nactors && rc == CHR_OK; i++) rc = resolve(s, q->actors[i], q->affiliated, &sets[i]);
    if (rc == CHR_OK && q->with) rc = resolve(s, q->with, 0, &sets[q->nactors]);
    if (rc == CHR_OK) rc = parts_of(s, &parts);
    if (rc == CHR_OK && (!(sql = query_sql(q, sets)) || !(v = calloc(parts.n + 1, sizeof *v)))) rc = CHR_ERR_NOMEM;
    for (size_t i = 0; i < parts.n && rc == CHR_OK; i++) {
        if (sqlite3_prepare_v2(s->db, sql, -1, &v[i].st, NULL) != SQLITE_OK) {
            rc = chr_store_fail(s, "preparing the query");
            break;
        }
        bind_query(v[i].st, q, sets, parts.v[i]);
        rc = stream_step(s, &v[i]);
    }
    int64_t last = 0, n = 0;
    int i;
    while (rc == CHR_OK && (i = stream_next(v, parts.n)) >= 0) {
        int64_t id = sqlite3_column_int64(v[i].st, 0);
        if (id != last) {
            last = id;
            int stop;
            if (idfn) {
                stop = idfn(id, ctx);
            } else {
                json_t *ev = event_json(s, id, 0);
                stop = ev ? fn(ev, ctx) : 0;
                json_decref(ev);
            }
            if (stop || (q->limit > 0 && ++n >= q->limit)) break;
        }
        rc = stream_step(s, &v[i]);
    }
    for (size_t k = 0; v && k < parts.n; k++) sqlite3_finalize(v[k].st);
    free(v);
    free(sql);
    free(parts.v);
    for (size_t k = 0; k <= q->nactors; k++) free(sets[k].v);
    free(sets);
    return rc;
}

chr_status chr_store_query(chr_store *s, const chr_query *q, int (*fn)(json_t *ev, void *ctx), void *ctx)
{
    return run_query(s, q, fn, NULL, ctx);
}

size_t chr_store_actor_ids(chr_store *s, const char *name, int64_t *ids, size_t max)
{
    idset set = {0};
    size_t n = 0;
    if (resolve(s, name, 0, &set) == CHR_OK)
        for (; n < set.n && n < max; n++) ids[n] = set.v[n];
    free(set.v);
    return n;
}

chr_status chr_store_query_ids(chr_store *s, const chr_query *q, int (*fn)(int64_t id, void *ctx), void *ctx)
{
    return run_query(s, q, NULL, fn, ctx);
}

chr_status chr_store_event_actors(chr_store *s, int64_t event, const char **cameo,
                                  int (*fn)(const chr_event_actor *a, void *ctx), void *ctx)
{
    sqlite3_stmt *st = qprep(s, "SELECT cameo FROM event WHERE id = ?");
    if (!st) return chr_store_fail(s, "reading an event");
    sqlite3_bind_int64(st, 1, event);
    if (sqlite3_step(st) != SQLITE_ROW) {
        snprintf(s->err, sizeof s->err, "no event %lld", (long long)event);
        return CHR_ERR_ARG;
    }
    snprintf(s->cameo, sizeof s->cameo, "%s", (const char *)sqlite3_column_text(st, 0));
    *cameo = s->cameo;
    st = qprep(s, "SELECT a.id, a.name, a.kind, ea.role, a.affiliation, a.country FROM event_actor ea"
                  " JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = ? ORDER BY a.id, ea.role");
    if (!st) return chr_store_fail(s, "reading an event's actors");
    sqlite3_bind_int64(st, 1, event);
    while (sqlite3_step(st) == SQLITE_ROW) {
        chr_event_actor a = {sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
                             (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
                             (const char *)sqlite3_column_text(st, 4), (const char *)sqlite3_column_text(st, 5)};
        if (!a.affiliation) a.affiliation = "";
        if (!a.country) a.country = "";
        if (fn(&a, ctx)) break;
    }
    return CHR_OK;
}

chr_status chr_store_latest(chr_store *s, char out[11])
{
    sqlite3_stmt *st = qprep(s, "SELECT max(published) FROM article");
    out[0] = 0;
    if (!st) return chr_store_fail(s, "reading the latest date");
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, 11, "%s", (const char *)sqlite3_column_text(st, 0));
    return CHR_OK;
}

chr_status chr_store_actor_label(chr_store *s, int64_t actor, const char *script, char *out, size_t cap)
{
    /* the first form of the actor in the script asked for ("ar": Arabic letters) */
    sqlite3_stmt *st = qprep(s, "SELECT form FROM alias WHERE actor_id = ? ORDER BY length(form) DESC, form");
    out[0] = 0;
    if (!st) return chr_store_fail(s, "reading an actor's names");
    sqlite3_bind_int64(st, 1, actor);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *f = sqlite3_column_text(st, 0);
        int arabic = 0;
        for (const unsigned char *p = f; p && *p; p++) arabic |= *p == 0xD8 || *p == 0xD9;
        if (strcmp(script, "ar") || !arabic) continue;
        snprintf(out, cap, "%s", (const char *)f);
        return CHR_OK;
    }
    return CHR_OK;
}

chr_status chr_store_actors(chr_store *s, const char *like, int (*fn)(json_t *a, void *ctx), void *ctx)
{
    sqlite3_stmt *st;
    const char *q =
        "SELECT a.id, a.name, a.kind, a.country, a.affiliation, a.title, a.roles, a.origin,"
        " (SELECT count(*) FROM event_actor ea WHERE ea.actor_id = a.id),"
        " a.mentions,"
        " (SELECT group_concat(form, ' | ') FROM (SELECT form FROM alias WHERE actor_id = a.id ORDER BY form))"
        " FROM actor a WHERE ?1 IS NULL OR a.name LIKE '%' || ?1 || '%'"
        " OR a.id IN (SELECT actor_id FROM alias WHERE form LIKE '%' || ?1 || '%' OR key LIKE '%' || ?2 || '%')"
        " ORDER BY a.name";
    if (sqlite3_prepare_v2(s->db, q, -1, &st, NULL) != SQLITE_OK) return chr_store_fail(s, "listing actors");
    char key[1024];
    if (like) {
        sqlite3_bind_text(st, 1, like, -1, SQLITE_STATIC);
        if (chr_store_key(like, key, sizeof key) > 0) sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        json_t *a = json_pack("{s:I,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:I,s:I,s:o}", "id",
                              (json_int_t)sqlite3_column_int64(st, 0), "name", col_str(st, 1), "kind", col_str(st, 2),
                              "country", col_str(st, 3), "affiliation", col_str(st, 4), "title", col_str(st, 5),
                              "roles", col_str(st, 6), "origin", col_str(st, 7),
                              "events", (json_int_t)sqlite3_column_int64(st, 8),
                              "mentions", (json_int_t)sqlite3_column_int64(st, 9), "aliases", col_str(st, 10));
        int stop = fn(a, ctx);
        json_decref(a);
        if (stop) break;
    }
    sqlite3_finalize(st);
    return CHR_OK;
}

chr_status chr_store_treaties(chr_store *s, int (*fn)(json_t *t, void *ctx), void *ctx)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT id FROM treaty ORDER BY coalesce(concluded, '9999'), name, id", -1, &st, NULL) !=
        SQLITE_OK)
        return chr_store_fail(s, "listing treaties");
    sqlite3_stmt *ev = NULL;
    sqlite3_prepare_v2(s->db, "SELECT id, cameo, type FROM event WHERE treaty_id = ? ORDER BY id", -1, &ev, NULL);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        json_t *t = treaty_json(s, id);
        json_t *evs = json_array();
        if (ev) {
            sqlite3_reset(ev);
            sqlite3_bind_int64(ev, 1, id);
            while (sqlite3_step(ev) == SQLITE_ROW)
                json_array_append_new(evs, json_pack("{s:I,s:o,s:o}", "id", (json_int_t)sqlite3_column_int64(ev, 0),
                                                     "cameo", col_str(ev, 1), "type", col_str(ev, 2)));
        }
        json_object_set_new(t, "events", evs);
        int stop = fn(t, ctx);
        json_decref(t);
        if (stop) break;
    }
    sqlite3_finalize(ev);
    sqlite3_finalize(st);
    return CHR_OK;
}
