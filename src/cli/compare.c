#include "cli/cli.h"
#include "cli/cli_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmp/cmp.h"
#include "fact/fact.h"
#include "util/arena.h"
#include "util/vec.h"

struct compare {
    VEC(const char *) articles;   /* sources with facts, from records */
    size_t passed_on;             /* errors met before, not here */
    struct arena line;            /* what one line holds, cleared for the
                                   * next: kept facts are copied once */
};

static void read_line(struct cli_run *run, const char *name, long lineno,
                      const char *line, size_t len, void *ctx)
{
    struct compare *c = ctx;
    struct cmp_record rec;
    struct err e = ERR_INIT;

    arena_clear(&c->line);
    if (cmp_read_record(line, len, &c->line, &rec, &e) == 0) {
        switch (rec.kind) {
        case CMP_REC_FACT:
            cli_keep_fact(run, &rec.fact);
            return;
        case CMP_REC_ARTICLE:
            VEC_PUSH(&c->articles, arena_strdup(&run->arena, rec.article));
            return;
        case CMP_REC_ERROR:
            /* printed where it was met: kept for the report only */
            VEC_PUSH(&run->errors, rec.error);
            c->passed_on++;
            return;
        case CMP_REC_GROUP:
        case CMP_REC_STATS:
            free(rec.group.facts);
            err_at(&e, NULL, 0, 0, "a group or stats line: give it to "
                   "'crosscheck report'");
            break;
        }
    }
    /* cmp_read_record says what is wrong; we know where */
    if (!err_is_set(&e))
        err_at(&e, NULL, 0, 0, "not a fact");
    snprintf(e.file, sizeof(e.file), "%s", name);
    e.line = lineno;
    cli_input_error(run, &e);
}

static int by_str(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

static size_t count_distinct(const char **s, size_t n)
{
    size_t count = 0;

    if (n > 0)
        qsort(s, n, sizeof(*s), by_str);
    for (size_t i = 0; i < n; i++)
        count += i == 0 || strcmp(s[i - 1], s[i]) != 0;
    return count;
}

/* --groups: this part's groups, counts and errors as records.  Exit 0
 * even on conflicts (a streaming job would kill the task): the report
 * of all parts judges.  An input error met here still gives 2. */
static int write_groups(struct cli_run *run, const struct cli_opts *o,
                        struct compare *c)
{
    struct cmp_result r;
    bool failed = false;

    cmp_run(run->facts.v, run->facts.n, &o->cmp, &r);
    for (size_t i = 0; i < r.ngroups && !failed; i++)
        failed = cmp_write_group(stdout, &r.groups[i]) < 0;
    if (!failed)
        failed = cmp_write_stats(stdout, r.nfacts,
                                 count_distinct(c->articles.v,
                                                c->articles.n),
                                 &o->cmp) < 0;
    for (size_t i = 0; i < run->errors.n && !failed; i++)
        failed = cmp_write_error(stdout, &run->errors.v[i]) < 0;
    cmp_result_release(&r);
    /* main reports a failed write to stdout */
    return failed || run->errors.n > c->passed_on ? 2 : 0;
}

int cli_compare(int argc, char **argv)
{
    struct cli_opts o;
    struct cli_run run;
    struct compare c = { VEC_INIT, 0, ARENA_INIT };
    int status;

    if (cli_parse(CLI_COMPARE, argc, argv, &o, &status) < 0)
        return status;
    cli_run_init(&run);
    if (o.nargs == 0)
        cli_each_line(&run, "-", read_line, &c);
    for (int i = 0; i < o.nargs; i++)
        cli_each_line(&run, o.args[i], read_line, &c);
    status = o.groups ? write_groups(&run, &o, &c) : cli_report(&run, &o);
    VEC_FREE(&c.articles);
    arena_release(&c.line);
    cli_run_release(&run);
    return status;
}
