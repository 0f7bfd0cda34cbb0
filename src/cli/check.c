#include "cli/cli.h"
#include "cli/cli_private.h"

#include "article/article.h"
#include "fact/fact.h"
#include "util/arena.h"

/* In a worker: the facts of one article, in the piece's arena. */
static void extract_facts(struct cli_piece *p, const struct article *a,
                          void *ctx)
{
    const struct lexicon *lx = ctx;

    p->nfacts += fact_extract(a, lx, p->arena, &p->facts);
}

/* In path order: the facts join the run, their strings copied once. */
static void keep_facts(struct cli_run *run, struct cli_piece *p, void *ctx)
{
    (void)ctx;
    cli_take_facts(run, p);
}

int cli_check(int argc, char **argv)
{
    struct cli_opts o;
    struct cli_run run;
    int status;

    if (cli_parse(CLI_CHECK, argc, argv, &o, &status) < 0)
        return status;
    struct lexicon *lx = cli_lexicon(&o);
    if (!lx)
        return 2;
    cli_run_init(&run);
    cli_run_parallel_keep(&run, &o, extract_facts, keep_facts, lx);
    status = cli_report(&run, &o);
    cli_run_release(&run);
    fact_lexicon_free(lx);
    return status;
}
