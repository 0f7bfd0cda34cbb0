/* Facts back in their files: line and column for the reports that point
 * editors and code-scanning views at them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "article/article.h"
#include "cmp/cmp.h"
#include "fact/fact.h"
#include "report/report_private.h"
#include "util/err.h"
#include "util/xalloc.h"

/* Code points in the n bytes at s (well-formed UTF-8: an article). */
static long code_points(const char *s, size_t n)
{
    long k = 0;

    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xc0) != 0x80;
    return k;
}

static void line_col(const struct article *a, size_t off, long *line,
                     long *col)
{
    long bytecol;

    article_line_col(a, off, line, &bytecol);
    *col = code_points(a->text + off - (size_t)(bytecol - 1),
                       (size_t)(bytecol - 1)) + 1;
}

static void locate_in(const struct article *a, const struct fact *f,
                      struct report_spot *s)
{
    if (f->offset > a->len || f->length > a->len - f->offset ||
        !f->text || strlen(f->text) != f->length ||
        memcmp(a->text + f->offset, f->text, f->length) != 0)
        return;  /* the file changed since, or is not where facts came
                  * from: its line and column would mislead */
    line_col(a, f->offset, &s->line, &s->column);
    line_col(a, f->offset + f->length, &s->end_line, &s->end_column);
}

/* A fact's source and its index among the facts to locate. */
struct ref {
    const char *source;
    size_t i;
};

static int by_source(const void *pa, const void *pb)
{
    const struct ref *a = pa, *b = pb;
    int c = strcmp(a->source, b->source);

    return c ? c : (a->i > b->i) - (a->i < b->i);
}

void report_locate(const struct fact *const *f, size_t n,
                   struct report_spot *spots)
{
    struct ref *refs = xreallocarray(NULL, n + 1, sizeof(*refs));

    memset(spots, 0, n * sizeof(*spots));
    for (size_t i = 0; i < n; i++)
        refs[i] = (struct ref){ f[i]->source, i };
    qsort(refs, n, sizeof(*refs), by_source);
    for (size_t i = 0, j; i < n; i = j) {
        struct err e = ERR_INIT;
        /* "-" was standard input: gone, and not to be read again */
        struct article *a = strcmp(refs[i].source, "-") == 0 ? NULL
                            : article_load(refs[i].source, &e);

        for (j = i; j < n && strcmp(refs[j].source, refs[i].source) == 0;
             j++)
            if (a)
                locate_in(a, f[refs[j].i], &spots[refs[j].i]);
        article_free(a);
    }
    free(refs);
}

struct report_spot *report_locate_conflicts(const struct cmp_result *r)
{
    size_t n = 0, k = 0;

    for (size_t i = 0; i < r->ngroups; i++)
        if (r->groups[i].verdict == VERDICT_CONFLICT)
            n += r->groups[i].nfacts;

    const struct fact **f = xreallocarray(NULL, n + 1, sizeof(*f));
    struct report_spot *spots = xreallocarray(NULL, n + 1, sizeof(*spots));

    for (size_t i = 0; i < r->ngroups; i++)
        if (r->groups[i].verdict == VERDICT_CONFLICT)
            for (size_t j = 0; j < r->groups[i].nfacts; j++)
                f[k++] = r->groups[i].facts[j];
    report_locate(f, n, spots);
    free(f);
    return spots;
}
