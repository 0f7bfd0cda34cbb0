#include "cli/cli.h"
#include "cli/cli_private.h"

#include "article/article.h"
#include "fact/fact.h"
#include "util/arena.h"

static void extract_facts(struct cli_run *run, const struct article *a,
                          void *ctx)
{
    const struct lexicon *lx = ctx;
    size_t first = run->facts.n;

    fact_extract(a, lx, &run->arena, &run->facts);
    /* The article is freed next: make sure no fact points into it, with
     * one copy of its names for all its facts. */
    const char *source = arena_strdup(&run->arena, a->path);
    const char *outlet = arena_strdup(&run->arena, a->source);
    for (size_t i = first; i < run->facts.n; i++) {
        run->facts.v[i].source = source;
        run->facts.v[i].outlet = outlet;
    }
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
    cli_each_article(&run, &o, extract_facts, lx);
    status = cli_report(&run, &o);
    cli_run_release(&run);
    fact_lexicon_free(lx);
    return status;
}
