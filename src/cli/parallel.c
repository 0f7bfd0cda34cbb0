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
};

typedef VEC(struct item) item_vec;

enum { PIECE_FREE, PIECE_TAKEN, PIECE_DONE };

struct pool {
    const item_vec *items;
    const size_t *chunk;       /* chunk k is items [chunk[k], chunk[k+1]) */
    size_t nchunks;
    struct arena *kept;        /* one per worker, or NULL: pieces own
                                * their strings */
    cli_work_fn *work;
    void *ctx;
    struct cli_piece *slots;   /* window of pieces, by item % window */
    int *state;
    size_t window;
    size_t next;               /* next item a worker takes */
    size_t merged;             /* items merged so far */
    pthread_mutex_t lock;
    pthread_cond_t changed;
};

/* ---- the walk ---- */

static void collect(const char *path, long long size, void *ctx)
{
    item_vec *items = ctx;
    struct item it = { xstrdup(path), NULL, size > 0 ? size : 0 };

    VEC_PUSH(items, it);
}

static void walk_all(const struct cli_opts *o, item_vec *items)
{
    for (int i = 0; i < o->nargs; i++) {
        struct err e = ERR_INIT;
        if (strcmp(o->args[i], "-") == 0)
            collect("-", 0, items);   /* stdin: read, not walked */
        else if (article_walk(o->args[i], collect, items, &e) < 0) {
            struct item it = { NULL, xmalloc(sizeof(e)), 0 };
            *it.err = e;
            VEC_PUSH(items, it);
        }
    }
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
    struct article *a = article_load(it->path, &e);
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
        while (pl->next < pl->nchunks &&
               pl->next >= pl->merged + pl->window)
            pthread_cond_wait(&pl->changed, &pl->lock);
        if (pl->next >= pl->nchunks)
            break;
        size_t k = pl->next++;
        struct cli_piece *p = &pl->slots[k % pl->window];
        pl->state[k % pl->window] = PIECE_TAKEN;
        pthread_mutex_unlock(&pl->lock);
        piece_reset(p, wa->kept);
        for (size_t i = pl->chunk[k]; i < pl->chunk[k + 1]; i++)
            make_piece(&pl->items->v[i], p, pl->work, pl->ctx);
        fflush(p->out);
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

static void run_pool(struct cli_run *run, const struct cli_opts *o,
                     cli_work_fn *work, cli_merge_fn *merge, void *ctx,
                     bool keep)
{
    item_vec items = VEC_INIT;
    struct progress pr = { 0 };
    int jobs = o->jobs > 0 ? o->jobs : 1;

    walk_all(o, &items);
    pr.on = o->progress > 0 || (o->progress < 0 && isatty(2));
    pr.start = pr.last = now();
    for (size_t i = 0; i < items.n; i++)
        pr.total += items.v[i].size;

    /* Work goes out in chunks of files next to each other, up to 256 KB
     * or 64 files: handing out one 4 KB article at a time, the threads
     * spent more on waking each other than they saved. */
    size_t *chunk = xreallocarray(NULL, items.n + 1, sizeof(*chunk));
    size_t nchunks = 0;
    for (size_t i = 0; i < items.n;) {
        long long bytes = 0;
        size_t first = i;
        chunk[nchunks++] = i;
        while (i < items.n && i - first < 64 &&
               (i == first || bytes + items.v[i].size <= 256 * 1024))
            bytes += items.v[i++].size;
    }
    chunk[nchunks] = items.n;
    struct pool pl = { &items, chunk, nchunks, NULL, work, ctx, NULL, NULL,
                       0, 0, 0, PTHREAD_MUTEX_INITIALIZER,
                       PTHREAD_COND_INITIALIZER };
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

    for (size_t k = 0; k < nchunks; k++) {
        struct cli_piece *p = &pl.slots[k % pl.window];
        if (started == 0) {
            /* one job, or no thread could start: do it here */
            piece_reset(p, keep ? &run->arena : NULL);
            for (size_t i = chunk[k]; i < chunk[k + 1]; i++)
                make_piece(&items.v[i], p, work, ctx);
            fflush(p->out);
        } else {
            pthread_mutex_lock(&pl.lock);
            while (pl.state[k % pl.window] != PIECE_DONE)
                pthread_cond_wait(&pl.changed, &pl.lock);
            pthread_mutex_unlock(&pl.lock);
        }
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
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    if (started == 0)
        fact_thread_release();   /* this thread extracted */
    show(&pr, true);
    free(args);
    free(threads);
    free(chunk);
    for (size_t i = 0; i < pl.window; i++)
        piece_release(&pl.slots[i]);
    free(pl.slots);
    free(pl.state);
    for (size_t i = 0; i < items.n; i++) {
        free(items.v[i].path);
        free(items.v[i].err);
    }
    VEC_FREE(&items);
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
    if (p->facts.n == 0)
        return;   /* facts.v may be NULL: no memcpy from it */
    struct fact_list *l = &run->facts;
    l->v = vec_grow(l->v, &l->cap, l->n + p->facts.n, sizeof(*l->v));
    memcpy(l->v + l->n, p->facts.v, p->facts.n * sizeof(*l->v));
    l->n += p->facts.n;
}
