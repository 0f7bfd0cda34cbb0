#include "cli/cli.h"
#include "cli/cli_private.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fact/fact.h"

static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n", s[i]))
            return false;
    return true;
}

static void read_line(struct cli_run *run, const char *name, long lineno,
                      const char *line, size_t len)
{
    struct fact f;
    struct err e = ERR_INIT;

    if (fact_read_json(line, len, &run->arena, &f, &e) == 0) {
        fact_list_push(&run->facts, &f);
        return;
    }
    /* fact_read_json says what is wrong; we know where */
    if (!err_is_set(&e))
        err_at(&e, NULL, 0, 0, "not a fact");
    snprintf(e.file, sizeof(e.file), "%s", name);
    e.line = lineno;
    cli_input_error(run, &e);
}

/* Read the facts of one file, one a line; blank lines are skipped. */
static void read_facts(struct cli_run *run, const char *path)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    struct err e = ERR_INIT;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;

    if (!f) {
        err_sys(&e, path, errno, "cannot read");
        cli_input_error(run, &e);
        return;
    }
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (!is_blank(line, (size_t)n))
            read_line(run, name, lineno, line, (size_t)n);
    }
    if (ferror(f)) {
        err_sys(&e, name, errno, "cannot read");
        cli_input_error(run, &e);
    }
    free(line);
    if (!is_stdin)
        fclose(f);
}

int cli_compare(int argc, char **argv)
{
    struct cli_opts o;
    struct cli_run run;
    int status;

    if (cli_parse(CLI_COMPARE, argc, argv, &o, &status) < 0)
        return status;
    cli_run_init(&run);
    if (o.nargs == 0)
        read_facts(&run, "-");
    for (int i = 0; i < o.nargs; i++)
        read_facts(&run, o.args[i]);
    status = cli_report(&run, &o);
    cli_run_release(&run);
    return status;
}
