/* Articles read and extracted by a pool of threads, merged in path order.
 *
 * The operands are walked first into a list of items (a file to read, or
 * an error of the walk in its place).  Workers take items in order, each
 * making a piece: the facts of the file's articles (with their strings),
 * or the output lines they give, and the input errors met.  The calling
 * thread merges the pieces strictly in item order, so what a run prints,
 * reports and counts is the same for every number of jobs; -j1 runs the
 * same code without threads.  At most a window of pieces is held at once,
 * so memory does not grow with the input. */
#include "cli/cli_private.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article/article.h"
#include "util/vec.h"
#include "util/xalloc.h"

/* One file to read, or a walk error in its place.  Small: a walk of a
 * million files keeps a million of them. */
struct item {
    char *path;              /* NULL: a walk error, in err */
    struct err *err;
    long long size;          /* bytes, for progress; 0 if unknown */
    bool regular;            /* a regular file, as the walk found it */
};

/* Work goes out in chunks of files next to each other, up to 256 KB or
 * 64 files: handing out one 4 KB article at a time, the threads spent
 * more on waking each other than they saved.  A chunk owns its items, so
 * the list of chunks may grow while workers read the ones before. */
enum { CHUNK_FILES = 64, CHUNK_BYTES = 256 * 1024 };

struct chunk {
    struct item *items;
    size_t n;
    long long bytes;
};

typedef VEC(struct chunk) chunk_vec;

enum { PIECE_FREE, PIECE_TAKEN, PIECE_DONE };

struct pool {
    chunk_vec chunks;          /* as the walk found them */
    struct chunk open;         /* the walk's chunk still filling */
    bool walked;               /* the walk is over: chunks is whole */
    enum article_sizes sizes;  /* the sizes the walk gives: to share
                                * work by bytes (a chunk of unknown sizes
                                * holds 64 files) and to tell the time
                                * left */
    long long total;           /* bytes of the chunks found so far */
    struct arena *kept;        /* one per worker, or NULL: pieces own
                                * their strings */
    cli_work_fn *work;
    void *ctx;
    const struct cli_opts *opts;
    struct cli_piece *slots;   /* window of pieces, by chunk % window */
    int *state;
    size_t window;
    size_t next;               /* next chunk a worker takes */
    size_t merged;             /* chunks merged so far */
    pthread_mutex_t lock;
    pthread_cond_t changed;
};

/* ---- the walk ---- */

/* Close the open chunk: workers may take it. */
static void publish(struct pool *pl)
{
    if (pl->open.n == 0)
        return;
    pthread_mutex_lock(&pl->lock);
    VEC_PUSH(&pl->chunks, pl->open);
    pl->total += pl->open.bytes;
    pthread_cond_broadcast(&pl->changed);
    pthread_mutex_unlock(&pl->lock);
    memset(&pl->open, 0, sizeof(pl->open));
}

static void add_item(struct pool *pl, struct item it)
{
    struct chunk *c = &pl->open;

    if (c->n == CHUNK_FILES ||
        (c->n > 0 && c->bytes + it.size > CHUNK_BYTES)) {
        publish(pl);
    }
    if (!c->items)
        c->items = xreallocarray(NULL, CHUNK_FILES, sizeof(*c->items));
    c->items[c->n++] = it;
    c->bytes += it.size;
}

static void collect(const char *path, long long size, void *ctx)
{
    struct item it = { xstrdup(path), NULL, size > 0 ? size : 0,
                       size >= 0 || size == ARTICLE_REGULAR };

    add_item(ctx, it);
}

/* The operands in order, each walked; the chunks go out as they fill. */
static void walk_all(struct pool *pl)
{
    const struct cli_opts *o = pl->opts;

    for (int i = 0; i < o->nargs; i++) {
        struct err e = ERR_INIT;
        if (strcmp(o->args[i], "-") == 0)
            collect("-", -1, pl);   /* stdin: read, not walked */
        else if (article_walk_sized(o->args[i], pl->sizes, collect, pl,
                                    &e) < 0) {
            struct item it = { NULL, xmalloc(sizeof(e)), 0, false };
            *it.err = e;
            add_item(pl, it);
        }
    }
    publish(pl);
    pthread_mutex_lock(&pl->lock);
    pl->walked = true;
    pthread_cond_broadcast(&pl->changed);
    pthread_mutex_unlock(&pl->lock);
}

static void *walker(void *arg)
{
    walk_all(arg);
    return NULL;
}

/* ---- one item, in a worker ---- */

static void piece_error(struct cli_piece *p, const struct err *e)
{
    VEC_PUSH(&p->errors, *e);
}

struct line_ctx {
    struct cli_piece *p;
    cli_work_fn *work;
    void *ctx;
};

static void one_line(const struct article *a, const struct err *bad,
                     void *ctx)
{
    struct line_ctx *l = ctx;

    if (a) {
        l->p->articles++;
        l->p->bytes += a->len;
        l->work(l->p, a, l->ctx);
    } else {
        piece_error(l->p, bad);
    }
}

static void make_piece(const struct item *it, struct cli_piece *p,
                       cli_work_fn *work, void *ctx)
{
    struct err e = ERR_INIT;

    if (!it->path) {
        piece_error(p, it->err);
        return;
    }
    if (article_is_jsonl(it->path)) {
        struct line_ctx l = { p, work, ctx };
        if (article_read_jsonl(it->path, one_line, &l, &e) < 0)
            piece_error(p, &e);
        return;
    }
    struct article *a = it->regular ? article_load_regular(it->path, &e)
                                    : article_load(it->path, &e);
    if (!a) {
        piece_error(p, &e);
        return;
    }
    p->articles++;
    p->bytes += a->len;
    work(p, a, ctx);
    article_free(a);
}

/* A slot's piece lives for the whole run and is reset for each item, so
 * that its memory is allocated once, not freed and asked for again (which
 * makes the kernel trim and grow the heap a thousand times a second). */
static void piece_init(struct cli_piece *p)
{
    memset(p, 0, sizeof(*p));
    arena_init(&p->own);
    p->out = open_memstream(&p->bytes_out, &p->len_out);
    if (!p->out) {
        fputs("crosscheck: out of memory\n", stderr);
        exit(2);
    }
}

static void piece_reset(struct cli_piece *p, struct arena *kept)
{
    arena_clear(&p->own);
    p->arena = kept ? kept : &p->own;
    p->facts.n = 0;
    p->span = (struct fact_span){ NULL, 0 };
    p->errors.n = 0;
    p->articles = p->nfacts = p->bytes = 0;
    if (fseeko(p->out, 0, SEEK_SET) != 0) {
        fputs("crosscheck: out of memory\n", stderr);
        exit(2);
    }
    p->len_out = 0;
}

static void piece_release(struct cli_piece *p)
{
    if (p->out)
        fclose(p->out);
    free(p->bytes_out);
    arena_release(&p->own);
    fact_list_release(&p->facts);
    VEC_FREE(&p->errors);
    memset(p, 0, sizeof(*p));
}

/* Move a piece's facts into the arena that keeps its strings, as a span:
 * its large blocks are backed by huge pages and never move, and the
 * piece's array is reused (copying them on the merging thread, a new
 * array for each piece, or one array for the run grown by realloc, each
 * faulted in page after page). */
static void keep_piece_facts(struct cli_piece *p, struct arena *kept)
{
    if (p->facts.n == 0)
        return;
    size_t bytes = p->facts.n * sizeof(*p->facts.v);
    struct fact *to = arena_alloc(kept, bytes);
    memcpy(to, p->facts.v, bytes);
    p->span = (struct fact_span){ to, p->facts.n };
    p->facts.n = 0;
}

/* ---- the workers ---- */

struct worker_arg {
    struct pool *pool;
    struct arena *kept;
};

static void *worker(void *arg)
{
    struct worker_arg *wa = arg;
    struct pool *pl = wa->pool;

    pthread_mutex_lock(&pl->lock);
    for (;;) {
        /* a chunk not yet found, or beyond the window: wait */
        while ((pl->next >= pl->chunks.n && !pl->walked) ||
               (pl->next < pl->chunks.n &&
                pl->next >= pl->merged + pl->window))
            pthread_cond_wait(&pl->changed, &pl->lock);
        if (pl->next >= pl->chunks.n)
            break;   /* and the walk is over */
        size_t k = pl->next++;
        struct chunk c = pl->chunks.v[k];
        struct cli_piece *p = &pl->slots[k % pl->window];
        pl->state[k % pl->window] = PIECE_TAKEN;
        pthread_mutex_unlock(&pl->lock);
        piece_reset(p, wa->kept);
        for (size_t i = 0; i < c.n; i++)
            make_piece(&c.items[i], p, pl->work, pl->ctx);
        fflush(p->out);
        if (wa->kept)
            keep_piece_facts(p, wa->kept);
        pthread_mutex_lock(&pl->lock);
        pl->state[k % pl->window] = PIECE_DONE;
        pthread_cond_broadcast(&pl->changed);
    }
    pthread_mutex_unlock(&pl->lock);
    fact_thread_release();
    return NULL;
}

/* ---- progress on a terminal ---- */

struct progress {
    bool on;
    double start, last;
    long long total;           /* bytes of all files, when known */
    size_t articles, facts;
    long long bytes;
};

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void show(struct progress *pr, bool last)
{
    double t = now(), secs = t - pr->start;

    if (!pr->on || (!last && t - pr->last < 0.25))
        return;
    pr->last = t;
    double mb = (double)pr->bytes / 1048576.0;
    double rate = secs > 0 ? mb / secs : 0;
    fprintf(stderr, "\rcrosscheck: %zu articles, %.1f MB, %zu facts,"
            " %.1f MB/s", pr->articles, mb, pr->facts, rate);
    if (!last && pr->total > pr->bytes && rate > 0) {
        double left = ((double)(pr->total - pr->bytes) / 1048576.0) / rate;
        fprintf(stderr, ", %d:%02d left", (int)left / 60, (int)left % 60);
    }
    fputs(last ? "\033[K\n" : "\033[K", stderr);
    fflush(stderr);
}

/* ---- the run ---- */

/* With one job the walk comes first, then each chunk in turn, here.
 * With more, the walk runs on a thread of its own and the workers start
 * on the first chunk it finds, while this thread merges the pieces in
 * chunk order. */
static void run_pool(struct cli_run *run, const struct cli_opts *o,
                     cli_work_fn *work, cli_merge_fn *merge, void *ctx,
                     bool keep)
{
    struct progress pr = { 0 };
    int jobs = o->jobs > 0 ? o->jobs : 1;
    struct pool pl = { VEC_INIT, { NULL, 0, 0 }, false, ARTICLE_SIZES_NONE,
                       0, NULL, work, ctx, o, NULL, NULL, 0, 0, 0,
                       PTHREAD_MUTEX_INITIALIZER,
                       PTHREAD_COND_INITIALIZER };

    pr.on = o->progress > 0 || (o->progress < 0 && isatty(2));
    /* every size for progress; with more jobs, those of JSON Lines
     * files, which may be large, so that one alone is a chunk */
    pl.sizes = pr.on ? ARTICLE_SIZES_ALL
             : jobs > 1 ? ARTICLE_SIZES_JSONL : ARTICLE_SIZES_NONE;
    pr.start = pr.last = now();
    /* kept strings: one arena per worker (the run's when there is none) */
    if (keep) {
        size_t n = jobs > 1 ? (size_t)jobs : 0;
        run->kept = xreallocarray(run->kept, run->nkept + n + 1,
                                  sizeof(*run->kept));
        pl.kept = run->kept + run->nkept;
        for (size_t i = 0; i < n; i++)
            arena_init(&pl.kept[i]);
        run->nkept += n;
    }
    struct worker_arg *args = xcalloc((size_t)jobs, sizeof(*args));
    pl.window = jobs > 1 ? (size_t)jobs * 8 : 1;
    pl.slots = xcalloc(pl.window, sizeof(*pl.slots));
    for (size_t i = 0; i < pl.window; i++)
        piece_init(&pl.slots[i]);
    pl.state = xcalloc(pl.window, sizeof(*pl.state));
    pthread_t *threads = xcalloc((size_t)jobs, sizeof(*threads));
    int started = 0;
    for (int t = 0; jobs > 1 && t < jobs; t++) {
        args[started].pool = &pl;
        args[started].kept = pl.kept ? &pl.kept[started] : NULL;
        if (pthread_create(&threads[started], NULL, worker,
                           &args[started]) == 0)
            started++;
    }
    pthread_t walk_thread;
    bool walking = started > 0 &&
                   pthread_create(&walk_thread, NULL, walker, &pl) == 0;
    if (!walking)
        walk_all(&pl);

    for (size_t k = 0;; k++) {
        struct cli_piece *p = &pl.slots[k % pl.window];
        pthread_mutex_lock(&pl.lock);
        if (started == 0) {
            pthread_mutex_unlock(&pl.lock);
            if (k >= pl.chunks.n)
                break;
            /* one job, or no thread could start: do it here */
            struct chunk c = pl.chunks.v[k];
            piece_reset(p, keep ? &run->arena : NULL);
            for (size_t i = 0; i < c.n; i++)
                make_piece(&c.items[i], p, work, ctx);
            fflush(p->out);
            if (keep)
                keep_piece_facts(p, &run->arena);
            pthread_mutex_lock(&pl.lock);
        } else {
            while (!(k < pl.chunks.n && pl.state[k % pl.window] ==
                                            PIECE_DONE) &&
                   !(pl.walked && k >= pl.chunks.n))
                pthread_cond_wait(&pl.changed, &pl.lock);
            if (k >= pl.chunks.n) {
                pthread_mutex_unlock(&pl.lock);
                break;
            }
        }
        pr.total = pl.total;
        pthread_mutex_unlock(&pl.lock);
        for (size_t i = 0; i < p->errors.n; i++)
            cli_input_error(run, &p->errors.v[i]);
        pr.articles += p->articles;
        pr.bytes += (long long)p->bytes;
        pr.facts += p->nfacts;
        merge(run, p, ctx);
        show(&pr, false);
        pthread_mutex_lock(&pl.lock);
        pl.state[k % pl.window] = PIECE_FREE;
        pl.merged = k + 1;
        pthread_cond_broadcast(&pl.changed);
        pthread_mutex_unlock(&pl.lock);
    }
    if (walking)
        pthread_join(walk_thread, NULL);
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    if (started == 0)
        fact_thread_release();   /* this thread extracted */
    show(&pr, true);
    free(args);
    free(threads);
    for (size_t i = 0; i < pl.window; i++)
        piece_release(&pl.slots[i]);
    free(pl.slots);
    free(pl.state);
    for (size_t k = 0; k < pl.chunks.n; k++) {
        for (size_t i = 0; i < pl.chunks.v[k].n; i++) {
            free(pl.chunks.v[k].items[i].path);
            free(pl.chunks.v[k].items[i].err);
        }
        free(pl.chunks.v[k].items);
    }
    VEC_FREE(&pl.chunks);
}

/* ---- moving facts into the run ---- */

/* The run's copy of s: one copy per distinct string of the run, so that
 * a topic or source shared by many facts is stored once. */
static const char *intern(struct cli_run *run, const char *s)
{
    struct cli_strings *t = &run->strings;
    unsigned long long h = 1469598103934665603ULL;

    for (const char *p = s; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    if ((t->n + 1) * 2 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        const char **slot = xcalloc(cap, sizeof(*slot));
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->slot[i])
                continue;
            unsigned long long g = 1469598103934665603ULL;
            for (const char *p = t->slot[i]; *p; p++)
                g = (g ^ (unsigned char)*p) * 1099511628211ULL;
            size_t j = (size_t)g & (cap - 1);
            while (slot[j])
                j = (j + 1) & (cap - 1);
            slot[j] = t->slot[i];
        }
        free(t->slot);
        t->slot = slot;
        t->cap = cap;
    }
    size_t j = (size_t)h & (t->cap - 1);
    while (t->slot[j] && strcmp(t->slot[j], s) != 0)
        j = (j + 1) & (t->cap - 1);
    if (!t->slot[j]) {
        t->slot[j] = arena_strdup(&run->arena, s);
        t->n++;
    }
    return t->slot[j];
}

void cli_run_parallel(struct cli_run *run, const struct cli_opts *o,
                      cli_work_fn *work, cli_merge_fn *merge, void *ctx)
{
    run_pool(run, o, work, merge, ctx, false);
}

void cli_run_parallel_keep(struct cli_run *run, const struct cli_opts *o,
                           cli_work_fn *work, cli_merge_fn *merge,
                           void *ctx)
{
    run_pool(run, o, work, merge, ctx, true);
}

void cli_keep_fact(struct cli_run *run, const struct fact *fact)
{
    struct fact f = *fact;

    f.source = intern(run, f.source);
    f.outlet = intern(run, f.outlet);
    f.unit = intern(run, f.unit);
    f.topic = intern(run, f.topic);
    f.scope = intern(run, f.scope ? f.scope : "");
    f.text = arena_strndup(&run->arena, f.text, f.length);
    fact_list_push(&run->facts, &f);
}

void cli_take_facts(struct cli_run *run, struct cli_piece *p)
{
    if (p->arena == &p->own) {
        /* the piece's strings die with it: copy them */
        for (size_t i = 0; i < p->facts.n; i++)
            cli_keep_fact(run, &p->facts.v[i]);
        return;
    }
    if (p->span.n > 0)
        VEC_PUSH(&run->spans, p->span);   /* the worker copied them */
}
