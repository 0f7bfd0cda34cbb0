#include "cli/cli.h"
#include "cli/cli_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmp/cmp.h"
#include "util/err.h"
#include "util/vec.h"

/* What the parts compared: their groups and the sums of their counts. */
struct merge {
    VEC(struct group) groups;
    size_t nfacts, nsources;
    size_t nstats;
    struct cmp_options options;  /* those of the first part */
};

static bool same_options(const struct cmp_options *a,
                         const struct cmp_options *b)
{
    return a->window == b->window && a->tolerance == b->tolerance &&
           a->nearly == b->nearly;
}

static void read_line(struct cli_run *run, const char *name, long lineno,
                      const char *line, size_t len, void *ctx)
{
    struct merge *m = ctx;
    struct cmp_record rec;
    struct err e = ERR_INIT;

    if (cmp_read_record(line, len, &run->arena, &rec, &e) == 0) {
        switch (rec.kind) {
        case CMP_REC_GROUP:
            VEC_PUSH(&m->groups, rec.group);
            return;
        case CMP_REC_STATS:
            if (m->nstats++ == 0)
                m->options = rec.options;
            else if (!same_options(&m->options, &rec.options)) {
                err_at(&e, NULL, 0, 0, "compared with other --window, "
                       "--tolerance or --nearly than the parts before");
                break;
            }
            m->nfacts += rec.nfacts;
            m->nsources += rec.nsources;
            return;
        case CMP_REC_ERROR:
            /* met in a mapper or reducer, whose stderr nobody reads:
             * this is the gate */
            cli_input_error(run, &rec.error);
            return;
        case CMP_REC_FACT:
        case CMP_REC_ARTICLE:
            err_at(&e, NULL, 0, 0, "a fact or article line: give it to "
                   "'crosscheck compare --groups' first");
            break;
        }
    }
    if (!err_is_set(&e))
        err_at(&e, NULL, 0, 0, "not a group");
    snprintf(e.file, sizeof(e.file), "%s", name);
    e.line = lineno;
    cli_input_error(run, &e);
}

static int by_place(const void *pa, const void *pb)
{
    const struct err *a = pa, *b = pb;
    int c = strcmp(a->file, b->file);

    if (!c)
        c = (a->line > b->line) - (a->line < b->line);
    if (!c)
        c = (a->column > b->column) - (a->column < b->column);
    return c ? c : strcmp(a->msg, b->msg);
}

int cli_report_groups(int argc, char **argv)
{
    struct cli_opts o;
    struct cli_run run;
    struct merge m = { .groups = VEC_INIT };
    struct cmp_result r;
    int status;

    if (cli_parse(CLI_REPORT, argc, argv, &o, &status) < 0)
        return status;
    cmp_options_init(&m.options);
    cli_run_init(&run);
    if (o.nargs == 0)
        cli_each_line(&run, "-", read_line, &m);
    for (int i = 0; i < o.nargs; i++)
        cli_each_line(&run, o.args[i], read_line, &m);
    /* the parts come in any order: so do their errors */
    if (run.errors.n > 0)
        qsort(run.errors.v, run.errors.n, sizeof(*run.errors.v), by_place);
    cmp_result_merge(&r, m.groups.v, m.groups.n, m.nfacts, m.nsources,
                     &m.options);
    status = cli_report_result(&run, &o, &r);
    cli_run_release(&run);
    return status;
}
