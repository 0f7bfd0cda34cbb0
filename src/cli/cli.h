#ifndef CROSSCHECK_CLI_H
#define CROSSCHECK_CLI_H
/* The commands.  Each takes main's argc/argv with argv[0] the command
 * name, prints its own messages ("crosscheck: FILE:LINE:COL: ...") and
 * returns the exit status: 0 no new conflict, 1 a new conflict, 2 usage,
 * input or output error.  An input error does not stop a command: it is
 * printed, the other inputs are still read, the reports still written
 * (and list it), and the status is 2.  main checks stdout afterwards. */

#include <stdio.h>

int cli_check(int argc, char **argv);
int cli_extract(int argc, char **argv);
int cli_compare(int argc, char **argv);
/* "crosscheck report": reports from the lines of compare --groups. */
int cli_report_groups(int argc, char **argv);

/* Print the top-level usage, with every command and option, to out. */
void cli_usage(FILE *out);

#endif
