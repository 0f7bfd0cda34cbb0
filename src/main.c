#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "util/err.h"

/* Flush stdout and report a failure to write it (a full disk, a closed
 * pipe), which would otherwise go unnoticed. */
static int close_stdout(void)
{
    bool failed = ferror(stdout);
    struct err e = ERR_INIT;
    char msg[600];

    errno = 0;
    if (fclose(stdout) != 0)
        failed = true;
    if (!failed)
        return 0;
    if (errno)
        err_sys(&e, "standard output", errno, "write error");
    else
        err_at(&e, "standard output", 0, 0, "write error");
    err_format(&e, msg, sizeof(msg));
    fprintf(stderr, "crosscheck: %s\n", msg);
    return -1;
}

int main(int argc, char **argv)
{
    int status;

    if (argc > 1 && strcmp(argv[1], "extract") == 0)
        status = cli_extract(argc - 1, argv + 1);
    else if (argc > 1 && strcmp(argv[1], "compare") == 0)
        status = cli_compare(argc - 1, argv + 1);
    else if (argc > 1 && strcmp(argv[1], "report") == 0)
        status = cli_report_groups(argc - 1, argv + 1);
    else if (argc > 1 && strcmp(argv[1], "check") == 0)
        status = cli_check(argc - 1, argv + 1);
    else
        status = cli_check(argc, argv);
    if (close_stdout() < 0)
        status = 2;
    return status;
}
