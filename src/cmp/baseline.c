/* Baselines: an earlier JSON report tells which conflicts are known. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cmp/cmp.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"
#include "util/xalloc.h"

/* A conflict of the baseline; its strings belong to the JSON tree. */
struct known {
    const char *id;
    json_t *group;
    bool seen;           /* still a conflict now */
};

static const char *get_str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));

    return s ? s : "";
}

static bool is_id(const char *s)
{
    size_t n = strspn(s, "0123456789abcdef");

    return n == 16 && s[n] == '\0';
}

static bool is_day(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));

    return s && date_parse_iso(s, strlen(s)) != DATE_NONE;
}

static int by_id(const void *pa, const void *pb)
{
    const struct known *a = pa, *b = pb;

    return strcmp(a->id, b->id);
}

/* Check one group of the baseline; append it to k if a conflict. */
static int take_group(json_t *g, size_t i, struct known *k, size_t *nk,
                      const char *path, struct err *e)
{
    const char *id = json_string_value(json_object_get(g, "id"));

    if (!json_is_object(g) || !id)
        return err_at(e, path, 0, 0,
                      "not a crosscheck report: group %zu has no "
                      "string \"id\"", i + 1);
    if (!is_id(id))
        return err_at(e, path, 0, 0, "not a crosscheck report: group "
                      "%zu has a bad id '%.40s'", i + 1, id);
    if (strcmp(get_str(g, "verdict"), "conflict") != 0)
        return 0;
    if (!is_day(g, "date_from") || !is_day(g, "date_to"))
        return err_at(e, path, 0, 0, "not a crosscheck report: group "
                      "'%s' has no valid date_from and date_to", id);
    k[*nk].id = id;
    k[*nk].group = g;
    k[*nk].seen = false;
    (*nk)++;
    return 0;
}

/* Read the baseline's conflicts, sorted by id.  root is the caller's. */
static struct known *read_known(const char *path, const char *text,
                                size_t len, json_t **root, size_t *nk,
                                struct err *e)
{
    json_error_t je;
    json_t *groups;
    struct known *k = NULL;

    *root = json_loadb(text, len, 0, &je);
    if (!*root) {
        err_at(e, path, je.line, je.column,
               "baseline is not JSON: %s", je.text);
        return NULL;
    }
    groups = json_object_get(*root, "groups");
    if (!json_is_array(groups)) {
        err_at(e, path, 0, 0,
               "not a crosscheck report: no \"groups\" array");
        return NULL;
    }
    k = xreallocarray(NULL, json_array_size(groups) + 1, sizeof(*k));
    *nk = 0;
    for (size_t i = 0; i < json_array_size(groups); i++)
        if (take_group(json_array_get(groups, i), i, k, nk, path, e) < 0) {
            free(k);
            return NULL;
        }
    qsort(k, *nk, sizeof(*k), by_id);
    return k;
}

/* ---- matching ---- */

static bool same(double a, double b)
{
    return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

/* What an outlet stated is a fact's value; its bounds only where it
 * gave no single value (a range, a vague amount).  The bounds around a
 * value are the extractor's reading of its precision, which may change
 * from one version to the next while the statement stays the same. */

/* Whether the baseline group stated x as some fact's value (or bound,
 * for a fact without a value). */
static bool had_value(json_t *group, double x)
{
    static const char *const keys[] = { "value", "low", "high" };
    json_t *facts = json_object_get(group, "facts");

    for (size_t i = 0; i < json_array_size(facts); i++) {
        bool valued = json_is_number(json_object_get(
            json_array_get(facts, i), "value"));

        for (size_t k = 0; k < (valued ? 1 : 3); k++) {
            json_t *v = json_object_get(json_array_get(facts, i), keys[k]);

            if (json_is_number(v) && same(json_number_value(v), x))
                return true;
        }
    }
    return false;
}

/* Whether g states a value none of k[0..n) had. */
static bool gained(const struct group *g, const struct known *k, size_t n)
{
    for (size_t i = 0; i < g->nfacts; i++) {
        const struct fact *f = g->facts[i];
        double x[2];
        size_t nx = 0;

        if (f->has_value)
            x[nx++] = f->value;
        else {
            if (f->has_low)
                x[nx++] = f->low;
            if (f->has_high)
                x[nx++] = f->high;
        }
        for (size_t j = 0; j < nx; j++) {
            bool had = false;

            for (size_t m = 0; m < n && !had; m++)
                had = had_value(k[m].group, x[j]);
            if (!had)
                return true;
        }
    }
    return false;
}

/* First of the known conflicts with this id, and how many share it. */
static struct known *find(struct known *k, size_t nk, const char *id,
                          size_t *count)
{
    size_t lo = 0, hi = nk;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (strcmp(k[mid].id, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *count = 0;
    while (lo + *count < nk && strcmp(k[lo + *count].id, id) == 0)
        (*count)++;
    return *count ? &k[lo] : NULL;
}

static void mark(struct group *g, struct known *k, size_t nk)
{
    size_t count;
    struct known *match;

    g->baseline = BASELINE_NONE;
    g->is_new = false;
    if (g->verdict != VERDICT_CONFLICT)
        return;
    match = find(k, nk, g->id, &count);
    if (!match) {
        g->baseline = BASELINE_NEW;
        g->is_new = true;
        return;
    }
    for (size_t i = 0; i < count; i++)
        match[i].seen = true;
    g->is_new = gained(g, match, count);
    g->baseline = g->is_new ? BASELINE_UPDATED : BASELINE_UNCHANGED;
}

/* ---- known conflicts now absent ---- */

static void absent_from(struct group *g, json_t *j)
{
    const char *from = get_str(j, "date_from");
    const char *to = get_str(j, "date_to");
    json_int_t outlets = json_integer_value(json_object_get(j, "outlets"));

    memset(g, 0, sizeof(*g));
    memcpy(g->id, get_str(j, "id"), sizeof(g->id));
    g->topic = xstrdup(get_str(j, "topic"));
    g->unit = xstrdup(get_str(j, "unit"));
    g->scope = xstrdup(get_str(j, "scope"));
    g->date_from = date_parse_iso(from, strlen(from));
    g->date_to = date_parse_iso(to, strlen(to));
    g->verdict = VERDICT_CONFLICT;
    g->baseline = BASELINE_ABSENT;
    g->noutlets = outlets > 0 ? (size_t)outlets : 0;
}

static int absent_order(const void *pa, const void *pb)
{
    const struct group *a = pa, *b = pb;
    int c = strcmp(a->topic, b->topic);

    if (!c)
        c = strcmp(a->unit, b->unit);
    if (!c)
        c = strcmp(a->scope, b->scope);
    if (!c)
        c = (a->date_from > b->date_from) - (a->date_from < b->date_from);
    return c ? c : strcmp(a->id, b->id);
}

static void list_absent(struct cmp_result *r, const struct known *k,
                        size_t nk)
{
    for (size_t i = 0; i < r->nabsent; i++) {
        free((char *)r->absent[i].topic);
        free((char *)r->absent[i].unit);
        free((char *)r->absent[i].scope);
    }
    free(r->absent);
    r->absent = xreallocarray(NULL, nk + 1, sizeof(*r->absent));
    r->nabsent = 0;
    for (size_t i = 0; i < nk; i++)
        if (!k[i].seen && (i == 0 || strcmp(k[i - 1].id, k[i].id) != 0))
            absent_from(&r->absent[r->nabsent++], k[i].group);
    qsort(r->absent, r->nabsent, sizeof(*r->absent), absent_order);
}

int cmp_apply_baseline(struct cmp_result *r, const char *path,
                       struct err *e)
{
    struct buf text = BUF_INIT;
    int rc;

    if (buf_read_file(&text, path, e) < 0)
        return -1;
    rc = cmp_apply_baseline_text(r, path, text.data ? text.data : "",
                                 text.len, e);
    buf_release(&text);
    return rc;
}

int cmp_apply_baseline_text(struct cmp_result *r, const char *name,
                            const char *text, size_t len, struct err *e)
{
    json_t *root;
    size_t nk;
    struct known *k = read_known(name, text, len, &root, &nk, e);

    if (!k) {
        json_decref(root);
        return -1;
    }
    r->nnew = 0;
    for (size_t i = 0; i < r->ngroups; i++) {
        mark(&r->groups[i], k, nk);
        r->nnew += r->groups[i].is_new;
    }
    list_absent(r, k, nk);
    r->has_baseline = true;
    free(k);
    json_decref(root);
    return 0;
}
