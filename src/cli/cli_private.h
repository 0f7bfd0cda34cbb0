#ifndef CROSSCHECK_CLI_PRIVATE_H
#define CROSSCHECK_CLI_PRIVATE_H
/* What the commands share: their options, the run that gathers facts and
 * input errors, and the path from facts to reports.
 *
 * Error policy: an input error (an article or fact line that cannot be
 * read) is printed as "crosscheck: FILE:LINE:COL: why" at once, kept in
 * the run, and the remaining inputs are still read; the reports are
 * still written and list the errors; the exit status is then 2. */

#include <stdbool.h>

#include "cmp/cmp.h"
#include "fact/fact.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/vec.h"

struct article;

enum cli_command { CLI_CHECK, CLI_EXTRACT, CLI_COMPARE, CLI_REPORT };

struct cli_opts {
    const char *json;        /* --json FILE or NULL */
    const char *xml;         /* --xml FILE or NULL */
    const char *sarif;       /* --sarif FILE or NULL */
    const char *junit;       /* --junit FILE or NULL */
    const char *html;        /* --html FILE or NULL */
    const char *baseline;    /* --baseline FILE or NULL */
    const char *topics;      /* --topics FILE or NULL */
    struct cmp_options cmp;  /* --window, --tolerance, --nearly */
    bool keyed;              /* extract --keyed */
    bool groups;             /* compare --groups */
    int jobs;                /* -j N: threads that read and extract */
    int progress;            /* --progress 1, --no-progress 0, else -1:
                              * on a terminal only */
    char **args;             /* the operands: PATHs or FILEs */
    int nargs;
};

/* Parse the options of cmd (argv[0] is the command name).  Returns 0
 * when the command should run; otherwise -1 with *status the exit
 * status: 0 after --help or --version, 2 after a usage error (already
 * printed). */
int cli_parse(enum cli_command cmd, int argc, char **argv,
              struct cli_opts *o, int *status);

/* The built-in lexicon, extended by --topics.  NULL after printing why
 * the topics file could not be read. */
struct lexicon *cli_lexicon(const struct cli_opts *o);

/* Facts gathered in one run, their strings, and the input errors met. */
/* Distinct strings of the run's facts (sources, topics, units...). */
struct cli_strings {
    const char **slot;
    size_t n, cap;
};

/* Facts that lie together in an arena. */
struct fact_span {
    const struct fact *v;
    size_t n;
};

struct cli_run {
    struct arena arena;
    struct fact_list facts;
    VEC(struct fact_span) spans;   /* facts kept in the workers' arenas,
                                    * in order after those of facts */
    VEC(struct err) errors;
    struct cli_strings strings;
    struct arena *kept;       /* workers' arenas of kept facts' strings */
    size_t nkept;
};

void cli_run_init(struct cli_run *run);
void cli_run_release(struct cli_run *run);

/* What one worker makes of one input file (or one walk error), handed to
 * the merging thread in path order. */
struct cli_piece {
    struct arena *arena;      /* strings of facts: the piece's own, or
                               * its worker's for the whole run when the
                               * run keeps the facts */
    struct arena own;
    struct fact_list facts;   /* facts kept for a report */
    struct fact_span span;    /* or, once the worker is done with the
                               * piece, where it put them in its arena */
    FILE *out;                /* lines for standard output (in memory) */
    char *bytes_out;          /* ...their bytes, once out is flushed */
    size_t len_out;
    VEC(struct err) errors;   /* input errors met, in order */
    size_t articles, nfacts;  /* for progress */
    size_t bytes;
};

/* Called in a worker thread with each article read; may only touch p. */
typedef void cli_work_fn(struct cli_piece *p, const struct article *a,
                         void *ctx);
/* Called on the calling thread with each piece, in path order, after its
 * input errors went to cli_input_error. */
typedef void cli_merge_fn(struct cli_run *run, struct cli_piece *p,
                          void *ctx);

/* Read every article named by o's operands with o->jobs threads, work on
 * each, and merge the pieces in path order: the result is the same for
 * every number of jobs.  Shows progress on stderr as o->progress says. */
void cli_run_parallel(struct cli_run *run, const struct cli_opts *o,
                      cli_work_fn *work, cli_merge_fn *merge, void *ctx);

/* The same when the run keeps the facts the workers find: their strings
 * and then the facts themselves stay in one arena per worker (the run's
 * own with one job), owned by the run, and cli_take_facts adds the
 * piece's span of them to the run without copying them. */
void cli_run_parallel_keep(struct cli_run *run, const struct cli_opts *o,
                           cli_work_fn *work, cli_merge_fn *merge,
                           void *ctx);

/* Move a piece's facts into the run (their strings are the run's when
 * the piece came from cli_run_parallel_keep). */
void cli_take_facts(struct cli_run *run, struct cli_piece *p);
/* Add a copy of f to the run: its text copied, its other strings shared
 * with every fact of the run that has them (so a run holds about the
 * struct and the quote per fact). */
void cli_keep_fact(struct cli_run *run, const struct fact *f);

/* Print e as "crosscheck: FILE:LINE:COL: why" and keep it for the
 * report. */
void cli_input_error(struct cli_run *run, const struct err *e);

/* Print e as "crosscheck: FILE:LINE:COL: why". */
void cli_print_error(const struct err *e);

/* Called with each article loaded; the article is freed after. */
typedef void cli_article_fn(struct cli_run *run, const struct article *a,
                            void *ctx);

/* Load every article named by o's operands, in path order, and pass each
 * to fn; input errors go to cli_input_error. */
void cli_each_article(struct cli_run *run, const struct cli_opts *o,
                      cli_article_fn *fn, void *ctx);

/* Called with each line of a file that is not blank (len bytes with its
 * line end); name is the file's name in messages. */
typedef void cli_line_fn(struct cli_run *run, const char *name, long lineno,
                         const char *line, size_t len, void *ctx);

/* Read the file at path ("-": stdin, "<stdin>" in messages) a line at a
 * time; a file that cannot be read goes to cli_input_error. */
void cli_each_line(struct cli_run *run, const char *path, cli_line_fn *fn,
                   void *ctx);

/* Compare the run's facts, apply the baseline and write the reports (or
 * the summary on stdout).  Returns the exit status: 2 after any input
 * error or a report not written, else 1 when a conflict is new, else
 * 0. */
int cli_report(struct cli_run *run, const struct cli_opts *o);

/* The same for a result already made (taken: released here), to which
 * the run's errors are added. */
int cli_report_result(struct cli_run *run, const struct cli_opts *o,
                      struct cmp_result *r);

#endif
