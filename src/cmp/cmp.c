/* The comparator: partitions, groups, verdicts, ids and report order. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmp/cmp.h"
#include "util/date.h"
#include "util/err.h"
#include "util/vec.h"
#include "util/xalloc.h"

/* ---- names and options ---- */

void cmp_options_init(struct cmp_options *o)
{
    o->tolerance = 0.02;
    o->nearly = 0.10;
    o->window = 31;
    o->jobs = 1;
}

const char *cmp_verdict_name(enum verdict v)
{
    switch (v) {
    case VERDICT_AGREE:      return "agree";
    case VERDICT_COMPATIBLE: return "compatible";
    case VERDICT_CONFLICT:   return "conflict";
    }
    return "conflict";
}

const char *cmp_baseline_name(enum baseline_state s)
{
    switch (s) {
    case BASELINE_NONE:      return NULL;
    case BASELINE_NEW:       return "new";
    case BASELINE_UNCHANGED: return "unchanged";
    case BASELINE_UPDATED:   return "updated";
    case BASELINE_ABSENT:    return "absent";
    }
    return NULL;
}

static const char *str(const char *s)
{
    return s ? s : "";
}

/* ---- intervals and verdicts ---- */

/* Equal up to the rounding of a 15-digit decimal round trip. */
static bool near(double a, double b)
{
    return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

/* Its own bounds where it states them, else bounds its value takes
 * from the qualifier; about and nearly then widen. */
struct cmp_bounds cmp_fact_bounds(const struct fact *f,
                                  const struct cmp_options *o)
{
    struct cmp_bounds b = { -INFINITY, INFINITY, false, false };
    double v = f->value;

    if (f->has_value) {
        switch (f->qual) {
        case QUAL_MORE_THAN:
            b.lo = v;
            b.lo_ex = true;
            break;
        case QUAL_AT_LEAST:
        case QUAL_VAGUE:
            b.lo = v;
            break;
        case QUAL_LESS_THAN:
            b.hi = v;
            b.hi_ex = true;
            break;
        case QUAL_UP_TO:
            b.hi = v;
            break;
        default:
            b.lo = b.hi = v;
            break;
        }
    }
    if (f->has_low) {
        b.lo = f->low;
        b.lo_ex = f->low_excl;
    }
    if (f->has_high) {
        b.hi = f->high;
        b.hi_ex = f->high_excl;
    }
    if (f->has_value && f->qual == QUAL_ABOUT) {
        b.lo -= fabs(v) * o->tolerance;
        b.hi += fabs(v) * o->tolerance;
    } else if (f->has_value && f->qual == QUAL_NEARLY) {
        /* "nearly 500": from 10% below up to 500 */
        b.lo = v - fabs(v) * o->nearly;
        b.lo_ex = false;
    }
    return b;
}

/* True when everything up to hi lies below everything from lo. */
static bool below(double hi, bool hi_ex, double lo, bool lo_ex)
{
    if (isinf(hi) || isinf(lo))
        return hi < lo;
    if (near(hi, lo))
        return hi_ex || lo_ex;
    return hi < lo;
}


/* Whether bound a ends lower than bound b (an open end lower than a
 * closed one at the same value). */
static bool hi_lower(const struct cmp_bounds *a, const struct cmp_bounds *b)
{
    return a->hi < b->hi || (a->hi == b->hi && a->hi_ex && !b->hi_ex);
}

static bool lo_higher(const struct cmp_bounds *a, const struct cmp_bounds *b)
{
    return a->lo > b->lo || (a->lo == b->lo && a->lo_ex && !b->lo_ex);
}

/* The lowest end seen, and the lowest of another outlet than its. */
struct ends {
    struct cmp_bounds b1, b2;
    const char *o1, *o2;
};

static void keep(struct ends *e, const struct cmp_bounds *b, const char *o,
                 bool (*better)(const struct cmp_bounds *,
                                const struct cmp_bounds *))
{
    if (!e->o1 || better(b, &e->b1)) {
        if (e->o1 && strcmp(e->o1, o) != 0) {
            e->b2 = e->b1;
            e->o2 = e->o1;
        }
        e->b1 = *b;
        e->o1 = o;
    } else if (strcmp(e->o1, o) != 0 && (!e->o2 || better(b, &e->b2))) {
        e->b2 = *b;
        e->o2 = o;
    }
}

/* A conflict is two facts of different outlets whose bounds do not meet.
 * The pair that comes nearest is the lowest upper end against the
 * highest lower end: keeping the best two of each, of two outlets, finds
 * it in one pass, however many facts a group has.  Vague amounts
 * ("dozens", "hundreds of") are rhetoric, not counts: they make a group
 * compatible at most, never a conflict. */
static bool has_conflict(const struct fact **f, size_t n,
                         const struct cmp_options *o)
{
    struct ends hi = { .o1 = NULL }, lo = { .o1 = NULL };

    for (size_t i = 0; i < n; i++) {
        if (f[i]->qual == QUAL_VAGUE)
            continue;
        struct cmp_bounds b = cmp_fact_bounds(f[i], o);
        keep(&hi, &b, str(f[i]->outlet), hi_lower);
        keep(&lo, &b, str(f[i]->outlet), lo_higher);
    }
    if (!hi.o1 || !lo.o1)
        return false;
    if (strcmp(hi.o1, lo.o1) != 0)
        return below(hi.b1.hi, hi.b1.hi_ex, lo.b1.lo, lo.b1.lo_ex);
    return (lo.o2 && below(hi.b1.hi, hi.b1.hi_ex, lo.b2.lo, lo.b2.lo_ex)) ||
           (hi.o2 && below(hi.b2.hi, hi.b2.hi_ex, lo.b1.lo, lo.b1.lo_ex));
}

static enum verdict judge(const struct fact **f, size_t n,
                          const struct cmp_options *o)
{
    if (has_conflict(f, n, o))
        return VERDICT_CONFLICT;
    for (size_t i = 0; i < n; i++)
        if (!f[i]->has_value || !near(f[i]->value, f[0]->value))
            return VERDICT_COMPATIBLE;
    return VERDICT_AGREE;
}

/* ---- ids ---- */

static uint64_t fnv(uint64_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

static void make_id(struct group *g, const char *span)
{
    static const char sep[1] = { 0x1f };
    uint64_t h = UINT64_C(0xcbf29ce484222325);

    h = fnv(h, g->topic, strlen(g->topic));
    h = fnv(h, sep, 1);
    h = fnv(h, g->unit, strlen(g->unit));
    h = fnv(h, sep, 1);
    h = fnv(h, g->scope, strlen(g->scope));
    h = fnv(h, sep, 1);
    h = fnv(h, span, strlen(span));
    for (int i = 15; i >= 0; i--, h >>= 4)
        g->id[i] = "0123456789abcdef"[h & 0xf];
    g->id[16] = '\0';
}

static void event_id(struct group *g, const struct fact *f)
{
    char from[11], to[11], span[24];

    date_format(f->date_from, from);
    date_format(f->date_to, to);
    snprintf(span, sizeof(span), "%s..%s", from, to);
    make_id(g, span);
}

/* The month of the cluster's first day; its whole day where an earlier
 * cluster of the partition (a window under a month) took the month. */
static void state_id(struct group *g, int first, const char *prev_id)
{
    char day[11];

    date_format(first, day);
    day[7] = '\0';
    make_id(g, day);
    if (prev_id && strcmp(prev_id, g->id) == 0) {
        date_format(first, day);
        make_id(g, day);
    }
}

/* ---- grouping ---- */

typedef VEC(struct group) group_vec;

static int by_fact(const void *pa, const void *pb)
{
    return fact_cmp(*(const struct fact *const *)pa,
                    *(const struct fact *const *)pb);
}

static int fact_order(const void *pa, const void *pb)
{
    return fact_cmp(pa, pb);
}

static int cmp_int(int a, int b)
{
    return (a > b) - (a < b);
}

/* strcmp, but a string is equal to itself without reading it: facts
 * share their copies of a topic or a source. */
static int same_or_cmp(const char *a, const char *b)
{
    return a == b ? 0 : strcmp(str(a), str(b));
}

static int by_str(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

static uint64_t str_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* How many different outlets f[0..n) name, counted in a hash set: a
 * group of 100,000 facts takes n lookups, not n log n comparisons.  A
 * fact's outlet is mostly the one before it (one article's facts share
 * its copy), which needs no lookup at all. */
static size_t count_outlets(const struct fact **f, size_t n)
{
    size_t cap = 16, count = 0;

    while (cap < 2 * n)
        cap *= 2;
    const char *small[16] = { NULL };
    const char **slot = cap == 16 ? small : xcalloc(cap, sizeof(*slot));
    const char *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *name = str(f[i]->outlet);
        if (i > 0 && name == prev)
            continue;
        prev = name;
        size_t j = (size_t)str_hash(name) & (cap - 1);
        while (slot[j] && same_or_cmp(slot[j], name) != 0)
            j = (j + 1) & (cap - 1);
        if (!slot[j]) {
            slot[j] = name;
            count++;
        }
    }
    if (slot != small)
        free(slot);
    return count;
}

/* Keep f[0..n) as a group if two outlets speak in it; NULL if not. */
static struct group *add_group(group_vec *out, const struct fact **f,
                               size_t n, const struct cmp_options *o)
{
    size_t outlets = count_outlets(f, n);
    struct group *g;

    if (outlets < 2)
        return NULL;
    VEC_RESERVE(out, 1);
    g = &out->v[out->n++];
    memset(g, 0, sizeof(*g));
    g->topic = str(f[0]->topic);
    g->unit = str(f[0]->unit);
    g->scope = str(f[0]->scope);
    g->date_from = f[0]->date_from;
    g->date_to = f[0]->date_to;
    for (size_t i = 1; i < n; i++) {
        if (f[i]->date_from < g->date_from)
            g->date_from = f[i]->date_from;
        if (f[i]->date_to > g->date_to)
            g->date_to = f[i]->date_to;
    }
    g->facts = xreallocarray(NULL, n, sizeof(*g->facts));
    memcpy(g->facts, f, n * sizeof(*f));
    /* the facts of a day come in fact order already: the check costs
     * n, qsort n log n even then */
    size_t k = 1;
    while (k < n && fact_cmp(g->facts[k - 1], g->facts[k]) <= 0)
        k++;
    if (k < n)
        qsort(g->facts, n, sizeof(*g->facts), by_fact);
    g->nfacts = n;
    g->noutlets = outlets;
    g->verdict = judge(g->facts, n, o);
    g->is_new = g->verdict == VERDICT_CONFLICT;
    return g;
}

static size_t group_events(group_vec *out, const struct fact **f,
                           size_t n, const struct cmp_options *o)
{
    size_t end = 1;
    struct group *g;

    while (end < n && f[end]->date_from == f[0]->date_from &&
           f[end]->date_to == f[0]->date_to)
        end++;
    if ((g = add_group(out, f, end, o)))
        event_id(g, f[0]);
    return end;
}

/* One partition of state facts, sorted by date_to: clusters of facts
 * within o->window days of the cluster's first. */
static void group_states(group_vec *out, const struct fact **f, size_t n,
                         const struct cmp_options *o)
{
    char prev[17] = "";

    for (size_t start = 0, end; start < n; start = end) {
        int first = f[start]->date_to;
        struct group *g;

        end = start + 1;
        while (end < n && (long)f[end]->date_to - first <= o->window)
            end++;
        if ((g = add_group(out, f + start, end - start, o))) {
            state_id(g, first, prev[0] ? prev : NULL);
            memcpy(prev, g->id, sizeof(prev));
        }
    }
}

/* The partitions part[0..np) of f: partition k is f[part[k],
 * part[k + 1]). */
static void group_all(group_vec *out, const struct fact **f,
                      const size_t *part, size_t np,
                      const struct cmp_options *o)
{
    for (size_t k = 0; k < np; k++) {
        size_t start = part[k], end = part[k + 1];
        if (f[start]->kind == KIND_STATE)
            group_states(out, f + start, end - start, o);
        else
            for (size_t i = start; i < end;)
                i += group_events(out, f + i, end - i, o);
    }
}

/* Half the partitions, grouped on a thread of their own. */
struct group_job {
    const struct fact **f;
    const size_t *part;
    size_t np;
    const struct cmp_options *o;
    group_vec out;
};

static void *group_job_run(void *arg)
{
    struct group_job *j = arg;

    group_all(&j->out, j->f, j->part, j->np, j->o);
    return NULL;
}

/* Partitions are grouped apart from each other and the groups then put
 * in report order, so with jobs to spare the partitions from the middle
 * fact on go to a second thread; the result is the same. */
static void group_all_jobs(group_vec *out, const struct fact **f,
                           const size_t *part, size_t np,
                           const struct cmp_options *o)
{
    size_t n = part[np], mid = 0;

    while (mid < np && part[mid] < n / 2)
        mid++;
    if (o->jobs < 2 || n < 4096 || mid == 0 || mid >= np) {
        group_all(out, f, part, np, o);
        return;
    }
    struct group_job later = { f, part + mid, np - mid, o, VEC_INIT };
    pthread_t th;
    if (pthread_create(&th, NULL, group_job_run, &later) != 0) {
        group_all(out, f, part, np, o);
        return;
    }
    group_all(out, f, part, mid, o);
    pthread_join(th, NULL);
    for (size_t i = 0; i < later.out.n; i++)
        VEC_PUSH(out, later.out.v[i]);
    VEC_FREE(&later.out);
}

/* ---- report order and counts ---- */

static int group_order(const void *pa, const void *pb)
{
    const struct group *a = pa, *b = pb;
    int c = cmp_int(b->verdict, a->verdict);

    if (!c)
        c = strcmp(a->topic, b->topic);
    if (!c)
        c = strcmp(a->unit, b->unit);
    if (!c)
        c = strcmp(a->scope, b->scope);
    if (!c)
        c = cmp_int(a->date_from, b->date_from);
    if (!c)
        c = strcmp(a->id, b->id);
    if (!c)
        c = cmp_int(a->date_to, b->date_to);
    if (!c && a->nfacts && b->nfacts)
        c = fact_cmp(a->facts[0], b->facts[0]);
    return c;
}


/* Facts sorted by fact_cmp are sorted by source first: a source's
 * facts are adjacent. */
static size_t count_sources(const struct fact **f, size_t n)
{
    size_t count = 0;

    for (size_t i = 0; i < n; i++)
        count += i == 0 || same_or_cmp(f[i - 1]->source, f[i]->source) != 0;
    return count;
}

/* ---- the partition order, by rank ---- */

/* The partition order: kind, topic, unit and place; then the first day
 * (events only) and the last; then fact_cmp.  Comparing three strings
 * per pair, a million pairs times log n, was most of a run's grouping.
 * Instead each distinct string gets its rank in strcmp order once, each
 * distinct partition its rank among partitions, and the facts are put in
 * partition order by counting, which keeps their order (fact_cmp, the
 * last key) within a partition; only the days are left to sort, within
 * each partition.  The memory is 12 bytes a fact beside idx. */
struct str_set {
    const char **slot;
    uint32_t *rank;
    size_t cap, n;
};

/* The slot of s: where it is, or the empty one it would take. */
static size_t set_slot(const struct str_set *t, const char *s)
{
    size_t i = (size_t)str_hash(s) & (t->cap - 1);

    while (t->slot[i] && strcmp(t->slot[i], s) != 0)
        i = (i + 1) & (t->cap - 1);
    return i;
}

/* A set of the run's distinct strings: a few thousand, however many
 * facts name them, so it starts small and doubles. */
static void set_add(struct str_set *t, const char *s)
{
    if ((t->n + 1) * 2 > t->cap) {
        struct str_set old = *t;
        t->cap = old.cap ? old.cap * 2 : 1024;
        t->slot = xcalloc(t->cap, sizeof(*t->slot));
        for (size_t i = 0; i < old.cap; i++)
            if (old.slot[i])
                t->slot[set_slot(t, old.slot[i])] = old.slot[i];
        free(old.slot);
    }
    size_t i = set_slot(t, s);

    if (!t->slot[i]) {
        t->slot[i] = s;
        t->n++;
    }
}

static uint32_t rank_of(const struct str_set *t, const char *s)
{
    return t->rank[set_slot(t, s)];
}

/* Facts share copies of their strings (an article's facts its copy of a
 * topic, a run's facts the run's copy): what was found for a string is
 * remembered by its address, so a copy met before is not hashed and
 * compared again.  Direct-mapped; a collision only costs a lookup. */
enum { PTR_MEMO = 4096 };

struct ptr_memo {
    const char *p;
    uint32_t rank;
};

static struct ptr_memo *memo_of(struct ptr_memo *m, const char *s)
{
    uint64_t h = (uint64_t)(uintptr_t)s * 0x9E3779B97F4A7C15ULL;

    return &m[h >> 52];   /* 12 bits: PTR_MEMO */
}

/* One partition: its key in ranks, and its number by first sight. */
struct part {
    uint32_t kind, topic, unit, scope;
    uint32_t id;
};

struct part_map {
    struct part *slot;      /* id UINT32_MAX: empty */
    size_t cap, n;
};

static size_t part_hash(const struct part *p)
{
    uint64_t h = p->kind;

    h = h * 1000003u ^ p->topic;
    h = h * 1000003u ^ p->unit;
    h = h * 1000003u ^ p->scope;
    return (size_t)(h ^ (h >> 29));
}

static bool same_part(const struct part *a, const struct part *b)
{
    return a->kind == b->kind && a->topic == b->topic &&
           a->unit == b->unit && a->scope == b->scope;
}

static size_t part_slot(const struct part_map *m, const struct part *p)
{
    size_t i = part_hash(p) & (m->cap - 1);

    while (m->slot[i].id != UINT32_MAX && !same_part(&m->slot[i], p))
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void part_grow(struct part_map *m)
{
    struct part_map old = *m;

    m->cap = old.cap ? old.cap * 2 : 1024;
    m->slot = xreallocarray(NULL, m->cap, sizeof(*m->slot));
    for (size_t i = 0; i < m->cap; i++)
        m->slot[i].id = UINT32_MAX;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slot[i].id != UINT32_MAX)
            m->slot[part_slot(m, &old.slot[i])] = old.slot[i];
    free(old.slot);
}

/* The number of partition p, given the next one if it is new. */
static uint32_t part_id(struct part_map *m, struct part p)
{
    if ((m->n + 1) * 2 > m->cap)
        part_grow(m);
    size_t i = part_slot(m, &p);
    if (m->slot[i].id == UINT32_MAX) {
        p.id = (uint32_t)m->n++;
        m->slot[i] = p;
    }
    return m->slot[i].id;
}

static int part_order(const void *pa, const void *pb)
{
    const struct part *a = pa, *b = pb;

    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->topic != b->topic)
        return a->topic < b->topic ? -1 : 1;
    if (a->unit != b->unit)
        return a->unit < b->unit ? -1 : 1;
    return (a->scope > b->scope) - (a->scope < b->scope);
}

/* A fact of a partition with the days it is sorted by (the first day
 * counts for events only) and its place in fact order, which orders the
 * facts of a day: its place, not its address, as a check's facts lie in
 * many arrays. */
struct dayed {
    int from, to;
    size_t pos;
    const struct fact *f;
};

static int day_order(const void *pa, const void *pb)
{
    const struct dayed *a = pa, *b = pb;

    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    return (a->pos > b->pos) - (a->pos < b->pos);
}

/* Sort the m facts of one partition, in fact order, by day; most come
 * in day order already (a corpus is read a day's folder after another),
 * which a look at each pair tells. */
static void sort_days(const struct fact **f, size_t m, struct dayed *tmp)
{
    bool events = f[0]->kind != KIND_STATE;
    size_t i = 1;

    while (i < m && (events && f[i - 1]->date_from != f[i]->date_from
                     ? f[i - 1]->date_from < f[i]->date_from
                     : f[i - 1]->date_to <= f[i]->date_to))
        i++;
    if (i == m)
        return;
    for (size_t k = 0; k < m; k++)
        tmp[k] = (struct dayed){ events ? f[k]->date_from : 0,
                                 f[k]->date_to, k, f[k] };
    qsort(tmp, m, sizeof(*tmp), day_order);
    for (size_t k = 0; k < m; k++)
        f[k] = tmp[k].f;
}

/* Sort idx[0..n), pointers into an array sorted by fact_cmp, into the
 * partition order.  Returns where each partition begins, with n after
 * the last (free it), and sets *nparts. */
static size_t *sort_by_part(const struct fact **idx, size_t n,
                            size_t *nparts)
{
    *nparts = 0;
    if (n == 0)
        return xcalloc(1, sizeof(size_t));
    struct str_set t = { NULL, NULL, 0, 0 };
    struct ptr_memo *memo = xcalloc(PTR_MEMO, sizeof(*memo));
    for (size_t i = 0; i < n; i++) {
        const char *ss[3] = { str(idx[i]->topic), str(idx[i]->unit),
                              str(idx[i]->scope) };
        for (int k = 0; k < 3; k++) {
            struct ptr_memo *e = memo_of(memo, ss[k]);
            if (e->p != ss[k]) {
                set_add(&t, ss[k]);
                e->p = ss[k];
            }
        }
    }
    const char **names = xreallocarray(NULL, t.n, sizeof(*names));
    size_t m = 0;
    for (size_t i = 0; i < t.cap; i++)
        if (t.slot[i])
            names[m++] = t.slot[i];
    qsort(names, m, sizeof(*names), by_str);
    t.rank = xcalloc(t.cap, sizeof(*t.rank));
    for (size_t k = 0; k < m; k++)
        t.rank[set_slot(&t, names[k])] = (uint32_t)k;
    free(names);

    /* each fact's partition, numbered by first sight */
    struct part_map pm = { NULL, 0, 0 };
    uint32_t *pid = xbigarray(n, sizeof(*pid));
    memset(memo, 0, PTR_MEMO * sizeof(*memo));
    for (size_t i = 0; i < n; i++) {
        const struct fact *f = idx[i];
        const char *ss[3] = { str(f->topic), str(f->unit), str(f->scope) };
        uint32_t r[3];
        for (int k = 0; k < 3; k++) {
            struct ptr_memo *e = memo_of(memo, ss[k]);
            if (e->p != ss[k]) {
                e->p = ss[k];
                e->rank = rank_of(&t, ss[k]);
            }
            r[k] = e->rank;
        }
        struct part p = { (uint32_t)f->kind, r[0], r[1], r[2], 0 };
        pid[i] = part_id(&pm, p);
    }
    free(memo);
    free(t.slot);
    free(t.rank);

    /* the partitions in order; where each one's facts begin */
    size_t np = 0;
    for (size_t i = 0; i < pm.cap; i++)
        if (pm.slot[i].id != UINT32_MAX)
            pm.slot[np++] = pm.slot[i];
    qsort(pm.slot, np, sizeof(*pm.slot), part_order);
    size_t *start = xcalloc(np + 1, sizeof(*start));
    uint32_t *place = xreallocarray(NULL, np, sizeof(*place));
    for (size_t k = 0; k < np; k++)
        place[pm.slot[k].id] = (uint32_t)k;
    free(pm.slot);
    for (size_t i = 0; i < n; i++)
        start[place[pid[i]] + 1]++;
    for (size_t k = 0; k < np; k++)
        start[k + 1] += start[k];

    /* counted into place, in their order; then the days */
    const struct fact **out = xbigarray(n, sizeof(*out));
    size_t *next = xreallocarray(NULL, np, sizeof(*next));
    memcpy(next, start, np * sizeof(*next));
    for (size_t i = 0; i < n; i++)
        out[next[place[pid[i]]]++] = idx[i];
    size_t most = 0;
    for (size_t k = 0; k < np; k++)
        if (start[k + 1] - start[k] > most)
            most = start[k + 1] - start[k];
    struct dayed *tmp = xbigarray(most, sizeof(*tmp));
    for (size_t k = 0; k < np; k++)
        if (start[k + 1] - start[k] > 1)
            sort_days(out + start[k], start[k + 1] - start[k], tmp);
    free(tmp);
    memcpy(idx, out, n * sizeof(*idx));
    free(out);
    free(next);
    free(place);
    free(pid);
    *nparts = np;
    return start;
}

/* qsort of an array already in order still costs n log n comparisons of
 * whole facts; the facts of a check arrive in order. */
static bool ptrs_sorted(const struct fact **f, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (fact_cmp(f[i - 1], f[i]) > 0)
            return false;
    return true;
}

struct sorted_job {
    const struct fact **f;
    size_t n;
    bool sorted;
};

static void *sorted_job_run(void *arg)
{
    struct sorted_job *j = arg;

    j->sorted = ptrs_sorted(j->f, j->n);
    return NULL;
}

/* ptrs_sorted, the later half on a second thread when there are jobs to
 * spare (the halves overlap by one fact). */
static bool ptrs_sorted_jobs(const struct fact **f, size_t n,
                             const struct cmp_options *o)
{
    size_t mid = n / 2;
    struct sorted_job later = { f + mid, n - mid, false };
    pthread_t th;

    if (o->jobs < 2 || n < 65536 ||
        pthread_create(&th, NULL, sorted_job_run, &later) != 0)
        return ptrs_sorted(f, n);
    bool first = ptrs_sorted(f, mid + 1);
    pthread_join(th, NULL);
    return first && later.sorted;
}

/* r takes the n groups g, in report order, and counts their verdicts. */
static void take_groups(struct cmp_result *r, struct group *g, size_t n)
{
    if (n > 0)
        qsort(g, n, sizeof(*g), group_order);
    r->groups = g;
    r->ngroups = n;
    for (size_t i = 0; i < n; i++) {
        r->agree += g[i].verdict == VERDICT_AGREE;
        r->compatible += g[i].verdict == VERDICT_COMPATIBLE;
        r->conflict += g[i].verdict == VERDICT_CONFLICT;
        r->nnew += g[i].is_new;
    }
}

/* cmp_run_index, told whether all is known to be in fact order. */
static void run_index(const struct fact **all, size_t n, bool in_order,
                      const struct cmp_options *o, struct cmp_result *r)
{
    group_vec out = VEC_INIT;

    memset(r, 0, sizeof(*r));
    r->options = *o;
    if (n > 0 && !in_order && !ptrs_sorted_jobs(all, n, o))
        qsort(all, n, sizeof(*all), by_fact);
    r->nfacts = n;
    r->nsources = count_sources(all, n);
    /* a fact whose topic is unknown is stated, but there is nothing to
     * compare it with: it joins no group */
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (all[i]->topic && *all[i]->topic)
            all[m++] = all[i];
    size_t np;
    size_t *part = sort_by_part(all, m, &np);
    group_all_jobs(&out, all, part, np, o);
    free(part);
    take_groups(r, out.v, out.n);
}

void cmp_run(struct fact *facts, size_t n, const struct cmp_options *o,
             struct cmp_result *r)
{
    const struct fact **all = xbigarray(n, sizeof(*all));

    for (size_t i = 0; i < n; i++)
        all[i] = &facts[i];
    if (n > 0 && !ptrs_sorted_jobs(all, n, o)) {
        qsort(facts, n, sizeof(*facts), fact_order);
        for (size_t i = 0; i < n; i++)
            all[i] = &facts[i];
    }
    run_index(all, n, true, o, r);
    free(all);
}

void cmp_run_index(const struct fact **all, size_t n,
                   const struct cmp_options *o, struct cmp_result *r)
{
    run_index(all, n, false, o, r);
}

void cmp_result_merge(struct cmp_result *r, struct group *groups, size_t n,
                      size_t nfacts, size_t nsources,
                      const struct cmp_options *o)
{
    memset(r, 0, sizeof(*r));
    r->options = *o;
    for (size_t i = 0; i < n; i++) {
        groups[i].is_new = groups[i].verdict == VERDICT_CONFLICT;
        groups[i].baseline = BASELINE_NONE;
    }
    r->nfacts = nfacts;
    r->nsources = nsources;
    take_groups(r, groups, n);
}

/* ---- the rest of the result ---- */

void cmp_add_error(struct cmp_result *r, const struct err *e)
{
    r->errors = xreallocarray(r->errors, r->nerrors + 1,
                              sizeof(*r->errors));
    r->errors[r->nerrors++] = *e;
}

void cmp_result_release(struct cmp_result *r)
{
    for (size_t i = 0; i < r->ngroups; i++)
        free(r->groups[i].facts);
    free(r->groups);
    for (size_t i = 0; i < r->nabsent; i++) {
        free((char *)r->absent[i].topic);
        free((char *)r->absent[i].unit);
        free((char *)r->absent[i].scope);
    }
    free(r->absent);
    free(r->errors);
    memset(r, 0, sizeof(*r));
}
