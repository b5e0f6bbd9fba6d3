/* graph.c - the actor graph.
 *
 * Events are read through the store's query (the same filters as `chronicle
 * query`), their actors folded into nodes and edges in memory, and the graph
 * is built with cgraph in a stable order (nodes by name, edges by their two
 * ends) so that its DOT is the same on every run.  Layout and rendering go
 * through libgvc with the cairo renderer. */
#include "chronicle/render.h"
#include "gv.h"

#include <errno.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Colour-blind-safe colours (Okabe and Ito). */
#define C_PERSON "#E69F00"
#define C_STATE "#56B4E9"
#define C_ORG "#009E73"
#define C_MEDIA "#CC79A7"
#define C_COOP "#0072B2"
#define C_CONFLICT "#D55E00"
#define C_MIXED "#999999"

typedef struct node {
    int64_t id;
    char *name, *kind, *affiliation;
    int events;
    int keep;
} node;

typedef struct edge {
    int64_t a, b;              /* actor ids; a < b when undirected */
    int directed;
    int count, coop, conflict;
    char cameo[8];             /* the most frequent code */
    int best;
    struct { char code[8]; int n; } codes[8];
    int ncodes;
} edge;

/* An open-addressing map from a 64-bit key to an index (+1; 0 is empty). */
typedef struct imap { uint64_t *k; size_t *v; size_t cap, used; } imap;

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return x;
}

static size_t imap_get(const imap *m, uint64_t key)
{
    if (!m->cap) return 0;
    for (size_t i = mix(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->v[i]) return 0;
        if (m->k[i] == key) return m->v[i];
    }
}

static int imap_put(imap *m, uint64_t key, size_t val)
{
    if ((m->used + 1) * 2 > m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 1024;
        uint64_t *k = calloc(nc, sizeof *k);
        size_t *v = calloc(nc, sizeof *v);
        if (!k || !v) {
            free(k);
            free(v);
            return -1;
        }
        for (size_t i = 0; i < m->cap; i++)
            if (m->v[i])
                for (size_t j = mix(m->k[i]) & (nc - 1);; j = (j + 1) & (nc - 1))
                    if (!v[j]) {
                        k[j] = m->k[i];
                        v[j] = m->v[i];
                        break;
                    }
        free(m->k);
        free(m->v);
        m->k = k;
        m->v = v;
        m->cap = nc;
    }
    for (size_t i = mix(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1))
        if (!m->v[i] || m->k[i] == key) {
            m->used += !m->v[i];
            m->k[i] = key;
            m->v[i] = val;
            return 0;
        }
}

static void imap_free(imap *m)
{
    free(m->k);
    free(m->v);
    memset(m, 0, sizeof *m);
}

typedef struct gbuild {
    chr_store *s;
    node *v; size_t n, cap;
    edge *e; size_t ne, ecap;
    imap nodes, edges;         /* actor id -> node; (a, b, directed) -> edge */
    const char *cameo;
    chr_event_actor act[32];
    char *names[32], *kinds[32], *roles[32], *affs[32];
    int nact;
    int events;
    char err[512];
} gbuild;


static node *node_get(gbuild *b, const chr_event_actor *a)
{
    size_t at = imap_get(&b->nodes, (uint64_t)a->id);
    if (at) return &b->v[at - 1];
    if (b->n == b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 256;
        node *p = realloc(b->v, nc * sizeof *p);
        if (!p) return NULL;
        b->v = p;
        b->cap = nc;
    }
    node *n = &b->v[b->n];
    memset(n, 0, sizeof *n);
    n->id = a->id;
    n->name = strdup(a->name);
    n->kind = strdup(a->kind);
    n->affiliation = strdup(a->affiliation);
    if (!n->name || !n->kind || !n->affiliation) return NULL;
    b->n++;
    if (imap_put(&b->nodes, (uint64_t)a->id, b->n)) return NULL;
    return n;
}

static int quad_coop(const char *cameo)
{
    int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
    return root >= 1 && root <= 8;
}

static int edge_add(gbuild *b, int64_t x, int64_t y, int directed, const char *cameo)
{
    if (x == y) return 0;
    if (!directed && x > y) {
        int64_t t = x;
        x = y;
        y = t;
    }
    uint64_t key = mix((uint64_t)x) ^ ((uint64_t)y * 0x9e3779b97f4a7c15ull) ^ (uint64_t)directed;
    edge *e = NULL;
    /* the map finds the first edge with this hash; collisions are checked */
    for (size_t at = imap_get(&b->edges, key); at && !e; at = 0)
        if (b->e[at - 1].a == x && b->e[at - 1].b == y && b->e[at - 1].directed == directed) e = &b->e[at - 1];
    if (!e)
        for (size_t i = 0; i < b->ne && !e && imap_get(&b->edges, key); i++)   /* a collision: rare */
            if (b->e[i].a == x && b->e[i].b == y && b->e[i].directed == directed) e = &b->e[i];
    if (!e) {
        if (b->ne == b->ecap) {
            size_t nc = b->ecap ? b->ecap * 2 : 256;
            edge *p = realloc(b->e, nc * sizeof *p);
            if (!p) return -1;
            b->e = p;
            b->ecap = nc;
        }
        e = &b->e[b->ne++];
        memset(e, 0, sizeof *e);
        e->a = x;
        e->b = y;
        e->directed = directed;
        if (!imap_get(&b->edges, key) && imap_put(&b->edges, key, b->ne)) return -1;
    }
    e->count++;
    if (quad_coop(cameo)) e->coop++;
    else e->conflict++;
    int k;
    for (k = 0; k < e->ncodes && strcmp(e->codes[k].code, cameo); k++) {}
    if (k == e->ncodes && k < 8) {
        snprintf(e->codes[k].code, sizeof e->codes[k].code, "%s", cameo);
        e->ncodes++;
    }
    if (k < 8 && ++e->codes[k].n > e->best) {
        e->best = e->codes[k].n;
        snprintf(e->cameo, sizeof e->cameo, "%s", cameo);
    }
    return 0;
}

static int collect_actor(const chr_event_actor *a, void *ctx)
{
    gbuild *b = ctx;
    if (b->nact >= 32 || !strcmp(a->kind, "media")) return 0;
    b->act[b->nact] = *a;
    b->act[b->nact].role = strdup(a->role);
    b->nact++;
    node *n = node_get(b, a);
    if (!n) return 1;
    /* one count per event, however many roles */
    for (int i = 0; i < b->nact - 1; i++)
        if (b->act[i].id == a->id) return 0;
    n->events++;
    return 0;
}

static int role_is(const chr_event_actor *a, const char *r) { return !strcmp(a->role, r); }

/* One event: its actors become nodes; source→target, speaker→mentioned and
 * participant–participant pairs become edges. */
static int collect_event(int64_t id, void *ctx)
{
    gbuild *b = ctx;
    b->nact = 0;
    const char *cameo;
    if (chr_store_event_actors(b->s, id, &cameo, collect_actor, b) != CHR_OK) return 1;
    char code[8];
    snprintf(code, sizeof code, "%s", cameo);
    int rc = 0;
    for (int i = 0; i < b->nact && !rc; i++)
        for (int j = 0; j < b->nact && !rc; j++) {
            const chr_event_actor *x = &b->act[i], *y = &b->act[j];
            if ((role_is(x, "source") && role_is(y, "target")) || (role_is(x, "speaker") && role_is(y, "mentioned")))
                rc = edge_add(b, x->id, y->id, 1, code);
            else if (i < j && role_is(x, "participant") && role_is(y, "participant"))
                rc = edge_add(b, x->id, y->id, 0, code);
        }
    for (int i = 0; i < b->nact; i++) free((char *)b->act[i].role);
    b->events++;
    return rc;
}

/* After the cuts reorder the nodes, the map is rebuilt. */
static void reindex(gbuild *b)
{
    imap_free(&b->nodes);
    for (size_t i = 0; i < b->n; i++) imap_put(&b->nodes, (uint64_t)b->v[i].id, i + 1);
}

static node *find_node(gbuild *b, int64_t id)
{
    size_t at = imap_get(&b->nodes, (uint64_t)id);
    return at ? &b->v[at - 1] : NULL;
}

/* Keeps the actors within depth edges of the centre. */
static void keep_near(gbuild *b, int64_t center, int depth)
{
    for (size_t i = 0; i < b->n; i++) b->v[i].keep = b->v[i].id == center ? 1 : 0;
    for (int d = 1; d <= depth; d++)
        for (size_t k = 0; k < b->ne; k++) {
            node *x = find_node(b, b->e[k].a), *y = find_node(b, b->e[k].b);
            if (!x || !y) continue;
            if (x->keep == d && !y->keep) y->keep = d + 1;
            if (y->keep == d && !x->keep) x->keep = d + 1;
        }
}

static int cmp_events(const void *p, const void *q)
{
    const node *a = p, *b = q;
    if (a->events != b->events) return b->events - a->events;
    return strcmp(a->name, b->name);
}

static int cmp_names(const void *p, const void *q)
{
    const node *a = p, *b = q;
    int c = strcmp(a->name, b->name);
    return c ? c : (a->id > b->id) - (a->id < b->id);
}

/* ---- labels -------------------------------------------------------------- */

/* An actor's Arabic name: the gazetteer's first Arabic form (for a state,
 * ICU's Arabic display name; for a person, the full name), else the one the
 * database has. */
static int arabic_name(chr_store *s, const node *n, char *out, size_t cap)
{
    return gv_arabic_name(n->name, out, cap) ||
           (chr_store_actor_label(s, n->id, "ar", out, cap) == CHR_OK && out[0]);
}

static const char *kind_shape(const char *k)
{
    return !strcmp(k, "person") ? "ellipse" : !strcmp(k, "state") ? "box" : !strcmp(k, "organisation") ? "hexagon" : "note";
}

static const char *kind_colour(const char *k)
{
    return !strcmp(k, "person") ? C_PERSON : !strcmp(k, "state") ? C_STATE : !strcmp(k, "organisation") ? C_ORG : C_MEDIA;
}

/* ---- the graph -------------------------------------------------------------- */

static int cmp_edges(const void *p, const void *q)
{
    const edge *a = p, *b = q;
    if (a->a != b->a) return (a->a > b->a) - (a->a < b->a);
    if (a->b != b->b) return (a->b > b->b) - (a->b < b->b);
    return a->directed - b->directed;
}

static Agraph_t *build_graph(gbuild *b, const chr_graph_opts *o, int large)
{
    int ar = o->locale && !strncmp(o->locale, "ar", 2);
    Agraph_t *g = agopen("actors", Agdirected, NULL);
    if (!g) return NULL;
    char buf[2048], text[1024];
    agattr(g, AGRAPH, "outputorder", "edgesfirst");
    agattr(g, AGRAPH, "overlap", "false");
    agattr(g, AGRAPH, "fontname", CHR_FONT);
    agattr(g, AGRAPH, "labelloc", "t");
    /* at most 40 x 40 inches (3840 pixels at 96 dpi): a large graph is scaled
     * down, not rendered as a bitmap of unbounded size */
    agattr(g, AGRAPH, "size", "40,40");
    agattr(g, AGNODE, "fontname", CHR_FONT);
    agattr(g, AGNODE, "style", "filled");
    agattr(g, AGEDGE, "fontname", CHR_FONT);
    agattr(g, AGEDGE, "fontsize", "9");
    /* the caption: the title and the counts, each isolated in its own
     * direction; an Arabic caption reads right to left (RLM first) */
    char counts[128], part[1024];
    if (ar) snprintf(counts, sizeof counts, "%s حدثًا، %s فاعلًا", gv_num(o->locale, b->events), gv_num(o->locale, (long)b->n));
    else snprintf(counts, sizeof counts, "%d events, %zu actors", b->events, b->n);
    size_t o2 = (size_t)snprintf(text, sizeof text, "%s", ar ? "\xe2\x80\x8f" : "");
    if (o->title) {
        gv_label(o->title, part, sizeof part);
        o2 += (size_t)snprintf(text + o2, sizeof text - o2, "%s — ", part);
    }
    gv_label(counts, part, sizeof part);
    snprintf(text + o2, o2 < sizeof text ? sizeof text - o2 : 0, "%s", part);
    static const gv_key en[] = {{C_PERSON, "person"}, {C_STATE, "state"}, {C_ORG, "organisation"},
                                {C_COOP, "cooperative"}, {C_CONFLICT, "conflictual"}, {C_MIXED, "both / affiliation"}};
    static const gv_key arkeys[] = {{C_PERSON, "شخص"}, {C_STATE, "دولة"}, {C_ORG, "منظمة"},
                                    {C_COOP, "تعاون"}, {C_CONFLICT, "نزاع"}, {C_MIXED, "كلاهما / انتماء"}};
    char sel[1024];
    gv_selection(b->s, o->filter, ar, sel, sizeof sel);
    gv_caption(g, text, sel, ar ? arkeys : en, 6);
    if (ar) agsafeset(g, "rankdir", "RL", "");
    /* nodes in name order; ids in the DOT are the database's actor ids */
    qsort(b->v, b->n, sizeof *b->v, cmp_names);
    int rank_cut = 0;
    if (large && b->n > 40) {                  /* labels only for the 40 most active */
        int *ev = malloc(b->n * sizeof *ev);
        if (ev) {
            for (size_t i = 0; i < b->n; i++) ev[i] = b->v[i].events;
            for (size_t i = 1; i < b->n; i++)
                for (size_t j = i; j > 0 && ev[j - 1] < ev[j]; j--) { int t = ev[j]; ev[j] = ev[j - 1]; ev[j - 1] = t; }
            rank_cut = ev[39];
            free(ev);
        }
    }
    for (size_t i = 0; i < b->n; i++) {
        node *n = &b->v[i];
        char id[32], fs[16], w[16];
        snprintf(id, sizeof id, "a%lld", (long long)n->id);
        Agnode_t *v = agnode(g, id, 1);
        const char *shown = n->name;
        char alt[512];
        if (ar && arabic_name(b->s, n, alt, sizeof alt)) shown = alt;
        if (large && n->events < rank_cut) {
            agsafeset(v, "label", "", "");     /* unlabelled: no empty text span for pango */
        } else {
            gv_label(shown, buf, sizeof buf);
            agsafeset(v, "label", buf, "");
        }
        agsafeset(v, "shape", (char *)kind_shape(n->kind), "");
        agsafeset(v, "fillcolor", (char *)kind_colour(n->kind), "");
        snprintf(fs, sizeof fs, "%.1f", fmin(24.0, 10.0 + 2.0 * log2(1.0 + n->events)));
        agsafeset(v, "fontsize", fs, "");
        snprintf(w, sizeof w, "%.2f", 0.6 + 0.15 * log2(1.0 + n->events));
        agsafeset(v, "width", w, "");
        gv_label(n->name, buf, sizeof buf);
        agsafeset(v, "tooltip", buf, "");
    }
    qsort(b->e, b->ne, sizeof *b->e, cmp_edges);
    for (size_t k = 0; k < b->ne; k++) {
        edge *e = &b->e[k];
        char ia[32], ib[32], width[16];
        snprintf(ia, sizeof ia, "a%lld", (long long)e->a);
        snprintf(ib, sizeof ib, "a%lld", (long long)e->b);
        Agnode_t *x = agnode(g, ia, 0), *y = agnode(g, ib, 0);
        if (!x || !y) continue;
        Agedge_t *d = agedge(g, x, y, NULL, 1);
        snprintf(width, sizeof width, "%.1f", fmin(8.0, 1.0 + log2((double)e->count)));
        agsafeset(d, "penwidth", width, "");
        const char *colour = e->coop && !e->conflict ? C_COOP : e->conflict && !e->coop ? C_CONFLICT : C_MIXED;
        agsafeset(d, "color", (char *)colour, "");
        if (!e->directed) agsafeset(d, "dir", "none", "");
        snprintf(text, sizeof text, "%d × %s", e->count, e->cameo);
        gv_label(text, buf, sizeof buf);
        agsafeset(d, large ? "tooltip" : "label", buf, "");   /* a large graph keeps edges unlabelled */
    }
    /* a person to the state it serves, when both are drawn */
    for (size_t i = 0; i < b->n; i++) {
        if (strcmp(b->v[i].kind, "person") || !b->v[i].affiliation[0]) continue;
        for (size_t j = 0; j < b->n; j++)
            if (!strcmp(b->v[j].name, b->v[i].affiliation)) {
                char ia[32], ib[32];
                snprintf(ia, sizeof ia, "a%lld", (long long)b->v[i].id);
                snprintf(ib, sizeof ib, "a%lld", (long long)b->v[j].id);
                Agedge_t *d = agedge(g, agnode(g, ia, 0), agnode(g, ib, 0), "affiliation", 1);
                if (!d) continue;
                agsafeset(d, "style", "dashed", "");
                agsafeset(d, "color", C_MIXED, "");
                agsafeset(d, "arrowhead", "none", "");
            }
    }
    return g;
}

static void free_build(gbuild *b)
{
    for (size_t i = 0; i < b->n; i++) {
        free(b->v[i].name);
        free(b->v[i].kind);
        free(b->v[i].affiliation);
    }
    free(b->v);
    free(b->e);
    imap_free(&b->nodes);
    imap_free(&b->edges);
}

chr_status chr_render_graph(chr_store *s, const chr_graph_opts *o, const char *format, const char *path,
                            char *err, size_t errcap)
{
    const char *device;
    FILE *f = gv_open(format, path, &device, err, errcap);
    if (!f) return device ? CHR_ERR_IO : CHR_ERR_ARG;
    gbuild b;
    memset(&b, 0, sizeof b);
    b.s = s;
    chr_status st = chr_store_query_ids(s, o->filter, collect_event, &b);
    if (st != CHR_OK) {
        snprintf(err, errcap, "%s", chr_store_errmsg(s));
        goto fail;
    }
    if (!b.events || !b.n) {
        snprintf(err, errcap, "no events match: nothing to draw");
        st = CHR_ERR_ARG;
        goto fail;
    }
    /* the centre and its neighbourhood, weight and top cuts */
    int min_w = o->min_weight > 0 ? o->min_weight : 1;
    size_t ne = 0;
    for (size_t k = 0; k < b.ne; k++)
        if (b.e[k].count >= min_w) b.e[ne++] = b.e[k];
    b.ne = ne;
    for (size_t i = 0; i < b.n; i++) b.v[i].keep = 1;
    if (o->center) {
        /* the centre by any of its names, among the actors drawn */
        int64_t ids[16], center = -1;
        size_t nid = chr_store_actor_ids(s, o->center, ids, 16);
        for (size_t k = 0; k < nid && center < 0; k++)
            if (find_node(&b, ids[k])) center = ids[k];
        if (center < 0) {
            snprintf(err, errcap, "'%s' is in none of the selected events", o->center);
            st = CHR_ERR_ARG;
            goto fail;
        }
        keep_near(&b, center, o->depth > 0 ? o->depth : 1);
    }
    if (o->top > 0 && (size_t)o->top < b.n) {
        qsort(b.v, b.n, sizeof *b.v, cmp_events);
        reindex(&b);
        for (size_t i = (size_t)o->top; i < b.n; i++) b.v[i].keep = 0;
    }
    size_t nn = 0;
    for (size_t i = 0; i < b.n; i++) {
        if (b.v[i].keep) b.v[nn++] = b.v[i];
        else {
            free(b.v[i].name);
            free(b.v[i].kind);
            free(b.v[i].affiliation);
        }
    }
    b.n = nn;
    reindex(&b);
    ne = 0;
    for (size_t k = 0; k < b.ne; k++)
        if (find_node(&b, b.e[k].a) && find_node(&b, b.e[k].b)) b.e[ne++] = b.e[k];
    b.ne = ne;

    int large = b.n > 300;
    gv_begin();
    Agraph_t *g = build_graph(&b, o, large);
    if (!g) {
        snprintf(err, errcap, "cannot build the graph (out of memory)");
        st = CHR_ERR_NOMEM;
        goto fail;
    }
    st = gv_write(g, device, o->layout ? o->layout : large ? "sfdp" : "neato", f, path, err, errcap);
    agclose(g);
    free_build(&b);
    return st;
fail:
    gv_abandon(f, path);
    free_build(&b);
    return st;
}
