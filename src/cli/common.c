#include "cli/cli.h"
#include "cli/cli_private.h"

#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "article/article.h"
#include "report/report.h"
#include "util/xalloc.h"

/* ---- usage and options ---- */

enum {
    OPT_JSON = 256, OPT_XML, OPT_BASELINE, OPT_WINDOW, OPT_TOLERANCE,
    OPT_NEARLY, OPT_TOPICS, OPT_SARIF, OPT_JUNIT, OPT_HTML, OPT_KEYED,
    OPT_GROUPS, OPT_PROGRESS, OPT_NO_PROGRESS
};

/* The options of the reports (check, compare and report), of the
 * comparison (check and compare), then the others. */
#define REPORT_OPTIONS                                                  \
    { "json",      required_argument, NULL, OPT_JSON },                 \
    { "xml",       required_argument, NULL, OPT_XML },                  \
    { "sarif",     required_argument, NULL, OPT_SARIF },                \
    { "junit",     required_argument, NULL, OPT_JUNIT },                \
    { "html",      required_argument, NULL, OPT_HTML },                 \
    { "baseline",  required_argument, NULL, OPT_BASELINE }
#define JUDGE_OPTIONS                                                   \
    { "window",    required_argument, NULL, OPT_WINDOW },               \
    { "tolerance", required_argument, NULL, OPT_TOLERANCE },            \
    { "nearly",    required_argument, NULL, OPT_NEARLY }
#define TOPICS_OPTION { "topics", required_argument, NULL, OPT_TOPICS }
#define READ_OPTIONS                                                    \
    { "jobs",        required_argument, NULL, 'j' },                    \
    { "progress",    no_argument,       NULL, OPT_PROGRESS },           \
    { "no-progress", no_argument,       NULL, OPT_NO_PROGRESS }
#define COMMON_OPTIONS                                                  \
    { "help",      no_argument,       NULL, 'h' },                      \
    { "version",   no_argument,       NULL, 'V' },                      \
    { NULL, 0, NULL, 0 }

static const struct option check_options[] = {
    REPORT_OPTIONS, JUDGE_OPTIONS, TOPICS_OPTION, READ_OPTIONS,
    COMMON_OPTIONS
};

static const struct option extract_options[] = {
    TOPICS_OPTION, READ_OPTIONS,
    { "keyed",     no_argument,       NULL, OPT_KEYED },
    COMMON_OPTIONS
};

/* compare reads facts, not text: no lexicon */
static const struct option compare_options[] = {
    REPORT_OPTIONS, JUDGE_OPTIONS,
    { "groups",    no_argument,       NULL, OPT_GROUPS },
    COMMON_OPTIONS
};

/* report reads groups already judged */
static const struct option report_options[] = {
    REPORT_OPTIONS, COMMON_OPTIONS
};

static const char exit_statuses[] =
    "Exit status:\n"
    "  0  no new conflict\n"
    "  1  at least one new conflict (without --baseline every conflict"
    " is new)\n"
    "  2  usage error, input error, or a report that could not be"
    " written\n";

static void print_report_options(FILE *out)
{
    fputs(
        "      --json FILE       write the JSON report ('-' for stdout)\n"
        "      --xml FILE        write the XML report ('-' for stdout)\n"
        "      --sarif FILE      write the conflicts as SARIF 2.1.0, for"
        " code scanning\n"
        "      --junit FILE      write the groups as JUnit XML tests, for"
        " CI servers\n"
        "      --html FILE       write a self-contained HTML page for"
        " review\n"
        "      --baseline FILE   an earlier JSON report: its conflicts"
        " are known\n", out);
}

static void print_judge_options(FILE *out)
{
    struct cmp_options d;

    cmp_options_init(&d);
    fprintf(out,
        "      --window DAYS     days a group of state facts spans"
        " (default %d)\n"
        "      --tolerance PCT   how far 'about X' reaches either side,"
        " in percent\n"
        "                        (default %g)\n"
        "      --nearly PCT      how far below X 'nearly X' reaches,"
        " in percent\n"
        "                        (default %g)\n",
        d.window, d.tolerance * 100, d.nearly * 100);
}

void cli_usage(FILE *out)
{
    fputs("Usage: crosscheck [check] [OPTIONS] PATH...\n"
          "       crosscheck extract [OPTIONS] [PATH...]\n"
          "       crosscheck compare [OPTIONS] [FILE...]\n"
          "       crosscheck report [OPTIONS] [FILE...]\n"
          "\n"
          "Read news articles and report, for each number they state,"
          " where the outlets\n"
          "agree and where they conflict.\n"
          "\n"
          "Commands:\n"
          "  check     extract the facts of the articles under PATH and"
          " compare them\n"
          "            (the default)\n"
          "  extract   write the facts of each article as JSON Lines on"
          " stdout\n"
          "  compare   read such facts from FILEs (or stdin) and"
          " compare them\n"
          "  report    merge the groups of 'compare --groups' runs into"
          " the reports\n"
          "\n"
          "A PATH is an article, a JSON Lines file of articles (*.jsonl),"
          " a directory,\n"
          "walked for *.txt and *.jsonl files, or '-' for stdin.  Without"
          " --json or\n"
          "--xml a summary goes to stdout.\n"
          "\n"
          "Options of check, compare and report:\n", out);
    print_report_options(out);
    fputs("Options of check and compare:\n", out);
    print_judge_options(out);
    fputs("      --topics FILE     a topic lexicon over the built-in one"
          " (check, extract)\n"
          "  -j, --jobs N          read and extract with N threads (check,"
          " extract;\n"
          "                        default: the CPUs, at most 8); the"
          " output is the\n"
          "                        same for every N\n"
          "      --progress, --no-progress\n"
          "                        show progress on stderr, or never"
          " (default: on a\n"
          "                        terminal only)\n"
          "  -h, --help            show this help and exit\n"
          "  -V, --version         show the version and exit\n"
          "\n", out);
    fputs(exit_statuses, out);
    fputs("\nSee 'crosscheck extract --help', 'crosscheck compare --help'"
          " and\n'crosscheck report --help'.\n", out);
}

static void usage_extract(FILE *out)
{
    fputs("Usage: crosscheck extract [OPTIONS] [PATH...]\n"
          "\n"
          "Write every fact the articles under PATH state, one JSON"
          " object a line, on\n"
          "stdout, for 'crosscheck compare' to read.  Without PATH, or"
          " with '-', the\n"
          "article is read from stdin: JSON Lines of articles when it"
          " begins with '{',\n"
          "else one text article.\n"
          "\n"
          "Options:\n"
          "      --topics FILE     a topic lexicon over the built-in one\n"
          "  -j, --jobs N          read and extract with N threads (default:"
          " the CPUs,\n"
          "                        at most 8); the output is the same for"
          " every N\n"
          "      --progress        show progress on stderr (default: on a"
          " terminal)\n"
          "      --no-progress     never show progress\n"
          "      --keyed           put each fact's partition key and a tab"
          " before it, and\n"
          "                        add a line for each article and input"
          " error, for\n"
          "                        'compare --groups' (a Hadoop or Spark"
          " mapper)\n"
          "  -h, --help            show this help and exit\n"
          "  -V, --version         show the version and exit\n"
          "\n"
          "Exit status:\n"
          "  0  every article was read\n"
          "  2  usage error or input error\n", out);
}

static void usage_compare(FILE *out)
{
    fputs("Usage: crosscheck compare [OPTIONS] [FILE...]\n"
          "\n"
          "Read facts written by 'crosscheck extract' from each FILE"
          " (stdin when there is\n"
          "none or FILE is '-'), compare them and report.\n"
          "\n"
          "Options:\n", out);
    print_report_options(out);
    print_judge_options(out);
    fputs("      --groups          read the lines of 'extract --keyed' for"
          " any set of keys\n"
          "                        and write their groups and counts as"
          " JSON Lines for\n"
          "                        'crosscheck report' (a Hadoop or Spark"
          " reducer); exit\n"
          "                        0 even on conflicts: the report"
          " judges\n"
          "  -h, --help            show this help and exit\n"
          "  -V, --version         show the version and exit\n"
          "\n", out);
    fputs(exit_statuses, out);
}

static void usage_report(FILE *out)
{
    fputs("Usage: crosscheck report [OPTIONS] [FILE...]\n"
          "\n"
          "Read the lines of 'crosscheck compare --groups' runs from each"
          " FILE (stdin\n"
          "when there is none or FILE is '-'), in any order, and write the"
          " reports\n"
          "'crosscheck check' writes for all their facts.\n"
          "\n"
          "Options:\n", out);
    print_report_options(out);
    fputs("  -h, --help            show this help and exit\n"
          "  -V, --version         show the version and exit\n"
          "\n", out);
    fputs(exit_statuses, out);
}

static int usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Say what is wrong with the command line.  Returns the exit status. */
static int usage_error(const char *fmt, ...)
{
    va_list ap;

    fputs("crosscheck: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'crosscheck --help'.\n", stderr);
    return 2;
}

/* A percentage in [0, 100] into a fraction.  Returns 0 or the exit
 * status of a usage error. */
static int parse_pct(const char *opt, const char *s, double *out)
{
    char *end;
    double v = strtod(s, &end);

    if (end == s || *end || !isfinite(v) || v < 0 || v > 100)
        return usage_error("invalid %s '%s': expected a percentage from 0"
                           " to 100", opt, s);
    *out = v / 100;
    return 0;
}

static int parse_days(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);

    if (end == s || *end || v < 0 || v > 36500)
        return usage_error("invalid --window '%s': expected a number of"
                           " days from 0 to 36500", s);
    *out = (int)v;
    return 0;
}

static int bad_option(char **argv, int optind_now, int opt)
{
    const char *arg = optind_now > 0 ? argv[optind_now - 1] : "";

    if (opt == ':')
        return usage_error("option '%s' needs an argument", arg);
    if (strncmp(arg, "--", 2) == 0)
        return usage_error("unrecognized option '%s'", arg);
    char shortopt[3] = { '-', (char)optopt, '\0' };
    return usage_error("invalid option '%s'", shortopt);
}

static void print_help(enum cli_command cmd)
{
    if (cmd == CLI_EXTRACT)
        usage_extract(stdout);
    else if (cmd == CLI_COMPARE)
        usage_compare(stdout);
    else if (cmd == CLI_REPORT)
        usage_report(stdout);
    else
        cli_usage(stdout);
}

/* One option into o.  Returns 0 or the exit status of a usage error. */
static int take_option(int opt, const char *arg, struct cli_opts *o)
{
    switch (opt) {
    case OPT_JSON:
        o->json = arg;
        return 0;
    case OPT_XML:
        o->xml = arg;
        return 0;
    case OPT_SARIF:
        o->sarif = arg;
        return 0;
    case OPT_JUNIT:
        o->junit = arg;
        return 0;
    case OPT_HTML:
        o->html = arg;
        return 0;
    case OPT_BASELINE:
        o->baseline = arg;
        return 0;
    case OPT_TOPICS:
        o->topics = arg;
        return 0;
    case OPT_KEYED:
        o->keyed = true;
        return 0;
    case OPT_GROUPS:
        o->groups = true;
        return 0;
    case 'j': {
        char *end;
        long n = strtol(arg, &end, 10);
        if (*arg == '\0' || *end != '\0' || n < 1 || n > 256)
            return usage_error("-j wants a number of jobs from 1 to 256,"
                               " not '%s'", arg);
        o->jobs = (int)n;
        return 0;
    }
    case OPT_PROGRESS:
        o->progress = 1;
        return 0;
    case OPT_NO_PROGRESS:
        o->progress = 0;
        return 0;
    case OPT_WINDOW:
        return parse_days(arg, &o->cmp.window);
    case OPT_TOLERANCE:
        return parse_pct("--tolerance", arg, &o->cmp.tolerance);
    case OPT_NEARLY:
        return parse_pct("--nearly", arg, &o->cmp.nearly);
    }
    assert(!"an option of the table is not handled");
    return 2;
}

int cli_parse(enum cli_command cmd, int argc, char **argv,
              struct cli_opts *o, int *status)
{
    const struct option *table = cmd == CLI_EXTRACT ? extract_options
        : cmd == CLI_COMPARE ? compare_options
        : cmd == CLI_REPORT ? report_options : check_options;
    int opt;

    memset(o, 0, sizeof(*o));
    cmp_options_init(&o->cmp);
    o->progress = -1;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = cpus < 1 ? 1 : cpus > 8 ? 8 : (int)cpus;
    opterr = 0;
    optind = 1;
    const char *shorts = table == check_options || table == extract_options
                         ? ":hVj:" : ":hV";
    while ((opt = getopt_long(argc, argv, shorts, table, NULL)) != -1) {
        if (opt == 'h') {
            print_help(cmd);
            *status = 0;
            return -1;
        }
        if (opt == 'V') {
            puts(PACKAGE_STRING);
            *status = 0;
            return -1;
        }
        if (opt == '?' || opt == ':') {
            *status = bad_option(argv, optind, opt);
            return -1;
        }
        if ((*status = take_option(opt, optarg, o)) != 0)
            return -1;
    }
    o->args = argv + optind;
    o->nargs = argc - optind;
    if (o->nargs == 0 && cmd == CLI_CHECK) {
        *status = usage_error("missing PATH");
        return -1;
    }
    if (o->groups && (o->json || o->xml || o->html || o->sarif ||
                      o->junit || o->baseline)) {
        *status = usage_error("--groups writes records to stdout, not"
                              " reports");
        return -1;
    }
    return 0;
}

/* ---- inputs ---- */

/* Print e, naming path when e names no file. */
static void print_error_of(struct err *e, const char *path)
{
    if (!e->file[0])
        snprintf(e->file, sizeof(e->file), "%s", path);
    cli_print_error(e);
}

struct lexicon *cli_lexicon(const struct cli_opts *o)
{
    struct lexicon *lx = fact_lexicon_default();
    struct err e = ERR_INIT;

    if (o->topics && fact_lexicon_load(lx, o->topics, &e) < 0) {
        print_error_of(&e, o->topics);
        fact_lexicon_free(lx);
        return NULL;
    }
    return lx;
}

void cli_run_init(struct cli_run *run)
{
    *run = (struct cli_run){ .arena = ARENA_INIT, .facts = FACT_LIST_INIT };
}

void cli_run_release(struct cli_run *run)
{
    for (size_t i = 0; i < run->nkept; i++)
        arena_release(&run->kept[i]);
    free(run->kept);
    free(run->strings.slot);
    fact_list_release(&run->facts);
    VEC_FREE(&run->spans);   /* their facts are in run->kept */
    arena_release(&run->arena);
    VEC_FREE(&run->errors);
}

void cli_print_error(const struct err *e)
{
    char msg[600];

    err_format(e, msg, sizeof(msg));
    fprintf(stderr, "crosscheck: %s\n", msg);
}

void cli_input_error(struct cli_run *run, const struct err *e)
{
    cli_print_error(e);
    VEC_PUSH(&run->errors, *e);
}

struct visit {
    struct cli_run *run;
    cli_article_fn *fn;
    void *ctx;
};

/* An article of a JSON Lines file, or why a line is none. */
static void visit_line(const struct article *a, const struct err *bad,
                       void *ctx)
{
    struct visit *v = ctx;

    if (a)
        v->fn(v->run, a, v->ctx);
    else
        cli_input_error(v->run, bad);
}

static void visit_article(const char *path, long long size, void *ctx)
{
    (void)size;
    struct visit *v = ctx;
    struct err e = ERR_INIT;

    if (article_is_jsonl(path)) {
        if (article_read_jsonl(path, visit_line, v, &e) < 0)
            cli_input_error(v->run, &e);
        return;
    }
    struct article *a = article_load(path, &e);
    if (!a) {
        cli_input_error(v->run, &e);
        return;
    }
    v->fn(v->run, a, v->ctx);
    article_free(a);
}

void cli_each_article(struct cli_run *run, const struct cli_opts *o,
                      cli_article_fn *fn, void *ctx)
{
    struct visit v = { run, fn, ctx };

    for (int i = 0; i < o->nargs; i++) {
        struct err e = ERR_INIT;
        if (strcmp(o->args[i], "-") == 0)
            visit_article("-", 0, &v);   /* stdin: read, not walked */
        else if (article_walk(o->args[i], visit_article, &v, &e) < 0)
            cli_input_error(run, &e);
    }
}

static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n", s[i]))
            return false;
    return true;
}

void cli_each_line(struct cli_run *run, const char *path, cli_line_fn *fn,
                   void *ctx)
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
            fn(run, name, lineno, line, (size_t)n, ctx);
    }
    if (ferror(f)) {
        err_sys(&e, name, errno, "cannot read");
        cli_input_error(run, &e);
    }
    free(line);
    if (!is_stdin)
        fclose(f);
}

/* ---- reports ---- */

typedef int report_fn(const struct cmp_result *r, const char *path,
                      struct err *e);

/* Write one report if its option was given.  Returns false after
 * printing why it could not be written. */
static bool write_report(report_fn *write, const struct cmp_result *r,
                         const char *path)
{
    struct err e = ERR_INIT;

    if (!path || write(r, path, &e) == 0)
        return true;
    print_error_of(&e, path);
    return false;
}

/* The summary goes to stdout unless a JSON or XML report is asked for,
 * or another report takes stdout. */
static bool wants_summary(const struct cli_opts *o)
{
    const char *const others[] = { o->sarif, o->junit, o->html };

    if (o->json || o->xml)
        return false;
    for (size_t i = 0; i < sizeof(others) / sizeof(*others); i++)
        if (others[i] && strcmp(others[i], "-") == 0)
            return false;
    return true;
}

int cli_report(struct cli_run *run, const struct cli_opts *o)
{
    struct cmp_result r;

    struct cmp_options co = o->cmp;

    co.jobs = o->jobs;
    /* the facts read (compare), then those kept in spans (check) */
    size_t n = run->facts.n;
    for (size_t k = 0; k < run->spans.n; k++)
        n += run->spans.v[k].n;
    const struct fact **all = xbigarray(n, sizeof(*all));
    size_t m = 0;
    for (size_t i = 0; i < run->facts.n; i++)
        all[m++] = &run->facts.v[i];
    for (size_t k = 0; k < run->spans.n; k++)
        for (size_t i = 0; i < run->spans.v[k].n; i++)
            all[m++] = &run->spans.v[k].v[i];
    cmp_run_index(all, n, &co, &r);
    free(all);
    return cli_report_result(run, o, &r);
}

int cli_report_result(struct cli_run *run, const struct cli_opts *o,
                      struct cmp_result *r)
{
    struct err e = ERR_INIT;
    bool failed = run->errors.n > 0;

    for (size_t i = 0; i < run->errors.n; i++)
        cmp_add_error(r, &run->errors.v[i]);
    if (o->baseline && cmp_apply_baseline(r, o->baseline, &e) < 0) {
        print_error_of(&e, o->baseline);
        cmp_add_error(r, &e);   /* an input error like any other */
        failed = true;
    }
    failed |= !write_report(report_write_json, r, o->json);
    failed |= !write_report(report_write_xml, r, o->xml);
    failed |= !write_report(report_write_sarif, r, o->sarif);
    failed |= !write_report(report_write_junit, r, o->junit);
    failed |= !write_report(report_write_html, r, o->html);
    if (wants_summary(o))
        report_write_summary(r, stdout);
    int status = failed ? 2 : r->nnew > 0 ? 1 : 0;
    cmp_result_release(r);
    xmlCleanupParser();
    return status;
}
