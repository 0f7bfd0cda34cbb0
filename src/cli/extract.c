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

/* In a worker: the lines of one article's facts, kept in the piece until
 * the lines of the articles before it are written. */
static void write_facts(struct cli_piece *p, const struct article *a,
                        void *ctx)
{
    struct extract *x = ctx;
    size_t first = p->facts.n;

    fact_extract(a, x->lx, p->arena, &p->facts);
    for (size_t i = first; i < p->facts.n; i++)
        if (x->keyed) cmp_write_keyed_fact(p->out, &p->facts.v[i]);
        else fact_write_json(p->out, &p->facts.v[i]);
    p->nfacts += p->facts.n - first;
    /* the summary counts the sources of facts: say this one has some */
    if (x->keyed && p->facts.n > first)
        cmp_write_article(p->out, a->path);
    p->facts.n = first;   /* written: not kept */
}

/* In path order: the lines go out, and are forgotten, so that memory
 * does not grow with the input. */
static void put_lines(struct cli_run *run, struct cli_piece *p, void *ctx)
{
    struct extract *x = ctx;

    (void)run;
    if (!x->write_failed && p->len_out > 0 &&
        fwrite(p->bytes_out, 1, p->len_out, stdout) != p->len_out)
        x->write_failed = true;
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
    cli_run_parallel(&run, &o, write_facts, put_lines, &x);
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
