#include "cli/cli.h"
#include "cli/cli_private.h"

#include <stdio.h>

#include "article/article.h"
#include "cmp/cmp.h"
#include "fact/fact.h"

struct extract {
    const struct lexicon *lx;
    bool keyed;              /* --keyed: records for compare --groups */
    bool write_failed;
};

/* Write the facts of one article as soon as they are found, and forget
 * them, so that memory does not grow with the input. */
static void write_facts(struct cli_run *run, const struct article *a,
                        void *ctx)
{
    struct extract *x = ctx;
    struct fact_list facts = FACT_LIST_INIT;

    fact_extract(a, x->lx, &run->arena, &facts);
    for (size_t i = 0; i < facts.n && !x->write_failed; i++)
        if ((x->keyed ? cmp_write_keyed_fact(stdout, &facts.v[i])
                      : fact_write_json(stdout, &facts.v[i])) < 0)
            x->write_failed = true;
    /* the summary counts the sources of facts: say this one has some */
    if (x->keyed && facts.n > 0 && !x->write_failed &&
        cmp_write_article(stdout, a->path) < 0)
        x->write_failed = true;
    fact_list_release(&facts);
    arena_release(&run->arena);
}

int cli_extract(int argc, char **argv)
{
    static char *standard_input[] = { "-", NULL };
    struct cli_opts o;
    struct cli_run run;
    int status;

    if (cli_parse(CLI_EXTRACT, argc, argv, &o, &status) < 0)
        return status;
    if (o.nargs == 0) {
        o.args = standard_input;
        o.nargs = 1;
    }
    struct extract x = { cli_lexicon(&o), o.keyed, false };
    if (!x.lx)
        return 2;
    cli_run_init(&run);
    cli_each_article(&run, &o, write_facts, &x);
    /* the errors go on to the report too, which gates on them */
    for (size_t i = 0; x.keyed && i < run.errors.n && !x.write_failed; i++)
        if (cmp_write_error(stdout, &run.errors.v[i]) < 0)
            x.write_failed = true;
    /* main reports a failed write to stdout */
    status = run.errors.n > 0 || x.write_failed ? 2 : 0;
    cli_run_release(&run);
    fact_lexicon_free((struct lexicon *)x.lx);
    return status;
}
