/* cli: the built program, as users and scripts see it: exit statuses,
 * messages on stderr, reports written. */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/err.h"

#define BIN TEST_BUILDDIR "/src/crosscheck"
#define ARTICLES "tests/data/articles/"

/* A scratch directory per test, removed after it. */
static char tmp[64];

static void make_tmp(void)
{
    snprintf(tmp, sizeof(tmp), "/tmp/crosscheck-cli-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmp));
}

static int remove_one(const char *path, const struct stat *st, int flag,
                      struct FTW *ftw)
{
    return remove(path);
}

/* What the runs of a test captured, freed after it. */
static char *captured[64];
static size_t ncaptured;

static void remove_tmp(void)
{
    nftw(tmp, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    while (ncaptured > 0)
        free(captured[--ncaptured]);
}

/* A path in the scratch directory (one of a few rotating buffers). */
static const char *in_tmp(const char *name)
{
    static char paths[4][128];
    static int next;
    char *p = paths[next++ % 4];

    snprintf(p, sizeof(paths[0]), "%s/%s", tmp, name);
    return p;
}

/* ---- running the program ---- */

struct outcome {
    int status;          /* exit status; -1 when killed by a signal */
    char cmd[512];       /* the command line, for messages */
    struct buf out;      /* what went to stdout */
    struct buf err;      /* what went to stderr */
};

/* Run crosscheck with args (NULL-terminated) in the source directory,
 * stdin from in (or /dev/null), stdout to out_path (or captured). */
static void run_io(struct outcome *o, const char *in, const char *out_path,
                   const char *const *args)
{
    const char *argv[32] = { "crosscheck" };
    char out_file[128], err_file[128];
    size_t n = 1;

    snprintf(out_file, sizeof(out_file), "%s/.stdout", tmp);
    snprintf(err_file, sizeof(err_file), "%s/.stderr", tmp);
    snprintf(o->cmd, sizeof(o->cmd), "crosscheck");
    for (; args[n - 1] && n < 31; n++) {
        argv[n] = args[n - 1];
        size_t len = strlen(o->cmd);
        snprintf(o->cmd + len, sizeof(o->cmd) - len, " %s", args[n - 1]);
    }
    argv[n] = NULL;
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ne(pid, -1);
    if (pid == 0) {
        int fd0 = open(in ? in : "/dev/null", O_RDONLY);
        int fd1 = open(out_path ? out_path : out_file,
                       O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int fd2 = open(err_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd0 < 0 || fd1 < 0 || fd2 < 0 || chdir(TEST_SRCDIR) < 0)
            _exit(127);
        dup2(fd0, 0);
        dup2(fd1, 1);
        dup2(fd2, 2);
        execv(BIN, (char *const *)argv);
        _exit(127);
    }
    int ws;
    ck_assert_int_eq(waitpid(pid, &ws, 0), pid);
    o->status = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
    ck_assert_msg(o->status != 127, "%s: cannot run %s", o->cmd, BIN);
    struct err e = ERR_INIT;
    buf_init(&o->out);
    buf_init(&o->err);
    buf_puts(&o->out, "");
    buf_puts(&o->err, "");
    if (!out_path)
        buf_read_file(&o->out, out_file, &e);
    buf_read_file(&o->err, err_file, &e);
    ck_assert_uint_le(ncaptured + 2, sizeof(captured) / sizeof(*captured));
    captured[ncaptured++] = o->out.data;
    captured[ncaptured++] = o->err.data;
}

static void run(struct outcome *o, const char *const *args)
{
    run_io(o, NULL, NULL, args);
}

#define ARGS(...) ((const char *const[]){ __VA_ARGS__, NULL })

static void expect_status(const struct outcome *o, int status)
{
    ck_assert_msg(o->status == status, "%s: exit status %d, want %d; "
                  "stderr: %s", o->cmd, o->status, status, o->err.data);
}

static void expect_stderr_has(const struct outcome *o, const char *text)
{
    ck_assert_msg(strstr(o->err.data, text) != NULL,
                  "%s: stderr lacks \"%s\": %s", o->cmd, text, o->err.data);
}

static bool file_exists(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0;
}

static void read_whole(struct buf *b, const char *path)
{
    struct err e = ERR_INIT;

    buf_init(b);
    ck_assert_msg(buf_read_file(b, path, &e) == 0, "%s: %s", path, e.msg);
}

static json_t *load_json(const char *path, const char *cmd)
{
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);

    ck_assert_msg(root != NULL, "%s: %s is not JSON: %s", cmd, path,
                  je.text);
    return root;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");

    ck_assert_msg(f != NULL, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

/* ---- help and usage ---- */

static const char *const help_rows[][3] = {
    { "--help", NULL, NULL },
    { "-h", NULL, NULL },
    { "check", "--help", NULL },
    { "extract", "--help", NULL },
    { "compare", "-h", NULL },
    { "report", "--help", NULL },
};

START_TEST(help_goes_to_stdout_and_exits_0)
{
    struct outcome o;

    run(&o, help_rows[_i]);
    expect_status(&o, 0);
    ck_assert_msg(strstr(o.out.data, "Usage: crosscheck") != NULL,
                  "%s: no usage on stdout: %s", o.cmd, o.out.data);
    ck_assert_msg(strstr(o.out.data, "Exit status") != NULL,
                  "%s: no exit statuses on stdout", o.cmd);
    ck_assert_msg(o.err.len == 0, "%s: stderr: %s", o.cmd, o.err.data);
}
END_TEST

START_TEST(help_lists_options_and_commands)
{
    static const char *const want[] = {
        "--json FILE", "--xml FILE", "--sarif FILE", "--junit FILE",
        "--baseline FILE", "--window DAYS",
        "--tolerance PCT", "--nearly PCT", "--topics FILE", "--version",
        "extract", "compare", "report",
    };
    struct outcome o;

    run(&o, ARGS("--help"));
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        ck_assert_msg(strstr(o.out.data, want[i]) != NULL,
                      "%s: no '%s' in help", o.cmd, want[i]);
}
END_TEST

START_TEST(version_prints_name_and_version)
{
    struct outcome o;

    run(&o, ARGS("--version"));
    expect_status(&o, 0);
    ck_assert_msg(strncmp(o.out.data, "crosscheck ", 11) == 0,
                  "%s: prints '%s'", o.cmd, o.out.data);
}
END_TEST

static const struct usage_row {
    const char *args[6];
    const char *msg;
} usage_rows[] = {
    { { "--frob" }, "unrecognized option '--frob'" },
    { { "-x", "seeds" }, "invalid option '-x'" },
    { { "check" }, "missing PATH" },
    { { NULL }, "missing PATH" },
    { { "check", "--json" }, "option '--json' needs an argument" },
    { { "check", "--window", "x", "seeds" }, "invalid --window 'x'" },
    { { "check", "--tolerance", "-1", "seeds" },
      "invalid --tolerance '-1'" },
    { { "compare", "--nearly", "ten" }, "invalid --nearly 'ten'" },
    { { "compare", "--topics", "t.lex" }, "unrecognized option '--topics'" },
    { { "extract", "--json", "r.json", "seeds" },
      "unrecognized option '--json'" },
    { { "compare", "--groups", "--json", "r.json" },
      "--groups writes records to stdout, not reports" },
    { { "report", "--window", "3" }, "unrecognized option '--window'" },
};

START_TEST(usage_error_exits_2_with_try_help)
{
    const struct usage_row *r = &usage_rows[_i];
    static const char try[] = "\nTry 'crosscheck --help'.\n";
    struct outcome o;
    char want[256];

    run(&o, r->args);
    expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s", r->msg);
    const char *nl = strchr(o.err.data, '\n');
    ck_assert_msg(strncmp(o.err.data, want, strlen(want)) == 0 && nl &&
                  strcmp(nl, try) == 0, "%s: stderr '%s', want '%s...%s'",
                  o.cmd, o.err.data, want, try);
    ck_assert_msg(o.out.len == 0, "%s: stdout: %s", o.cmd, o.out.data);
}
END_TEST

/* ---- input errors ---- */

START_TEST(missing_dir_exits_2_naming_it)
{
    struct outcome o;

    run(&o, ARGS("check", "no-such-dir"));
    expect_status(&o, 2);
    ck_assert_msg(strncmp(o.err.data, "crosscheck: no-such-dir: ", 25) == 0,
                  "%s: stderr '%s'", o.cmd, o.err.data);
}
END_TEST

START_TEST(input_error_names_line_and_column)
{
    struct outcome o;

    run(&o, ARGS(ARTICLES "invalid-utf8.txt", "--json", in_tmp("r.json")));
    expect_status(&o, 2);
    ck_assert_msg(strcmp(o.err.data, "crosscheck: " ARTICLES
                         "invalid-utf8.txt:3:5: invalid UTF-8 byte '\\xff'\n")
                  == 0, "%s: stderr '%s'", o.cmd, o.err.data);
    run(&o, ARGS("check", ARTICLES "bad-date-feb-30.txt", "--json",
                 in_tmp("r.json")));
    expect_status(&o, 2);
    expect_stderr_has(&o, "crosscheck: " ARTICLES "bad-date-feb-30.txt:1:7:"
                      " bad date '2026-02-30'\n");
}
END_TEST

START_TEST(empty_article_in_walk_is_an_error)
{
    struct outcome o;

    run(&o, ARGS("check", ARTICLES, "--json", in_tmp("r.json")));
    expect_status(&o, 2);
    expect_stderr_has(&o, ARTICLES "empty.txt: empty file\n");
    expect_stderr_has(&o, ARTICLES "no-date.txt:1: no date");
    expect_stderr_has(&o, ARTICLES "nul-byte.txt:2:3: null byte\n");
    ck_assert_msg(strstr(o.err.data, "gold.json") == NULL, "%s: read a "
                  "non-article: %s", o.cmd, o.err.data);
}
END_TEST

/* True when some group of the report holds a fact of a seed article. */
static bool lists_seed_facts(json_t *report)
{
    json_t *group, *fact;
    size_t i, j;

    json_array_foreach(json_object_get(report, "groups"), i, group)
        json_array_foreach(json_object_get(group, "facts"), j, fact) {
            const char *source =
                json_string_value(json_object_get(fact, "source"));
            if (source && strncmp(source, "seeds/", 6) == 0)
                return true;
        }
    return false;
}

START_TEST(bad_article_among_good_still_reports)
{
    const char *report = in_tmp("r.json");
    struct outcome o;
    struct buf text;

    run(&o, ARGS("check", "seeds", ARTICLES "no-date.txt",
                 ARTICLES "empty.txt", "--json", report));
    expect_status(&o, 2);
    expect_stderr_has(&o, "crosscheck: " ARTICLES "no-date.txt:1: no date");
    expect_stderr_has(&o, "crosscheck: " ARTICLES "empty.txt: empty file");
    ck_assert_msg(file_exists(report), "%s: no report", o.cmd);
    json_t *root = load_json(report, o.cmd);
    ck_assert_msg(lists_seed_facts(root), "%s: the report lists no fact of "
                  "the good articles", o.cmd);
    json_decref(root);
    read_whole(&text, report);
    ck_assert_msg(strstr(text.data, ARTICLES "no-date.txt") != NULL,
                  "%s: the report does not list the input error", o.cmd);
    buf_release(&text);
}
END_TEST

START_TEST(extract_goes_on_past_bad_article)
{
    struct outcome o;

    run(&o, ARGS("extract", ARTICLES "no-date.txt", "seeds"));
    expect_status(&o, 2);
    expect_stderr_has(&o, ARTICLES "no-date.txt:1: no date");
    ck_assert_msg(strstr(o.out.data, "\"source\":\"seeds/") != NULL,
                  "%s: no facts of the seeds on stdout", o.cmd);
}
END_TEST

START_TEST(topics_file_missing_exits_2)
{
    struct outcome o;

    run(&o, ARGS("check", "--topics", "no-such.lex", "seeds"));
    expect_status(&o, 2);
    expect_stderr_has(&o, "crosscheck: no-such.lex: ");
    ck_assert_msg(o.out.len == 0, "%s: a report without its lexicon: %s",
                  o.cmd, o.out.data);
}
END_TEST

START_TEST(bad_baseline_is_an_input_error)
{
    const char *baseline = in_tmp("baseline.json");
    const char *report = in_tmp("r.json");
    struct outcome o;
    char want[256];

    write_file(baseline, "not a report\n");
    run(&o, ARGS("check", "seeds", "--baseline", baseline, "--json",
                 report));
    expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s:", baseline);
    ck_assert_msg(strncmp(o.err.data, want, strlen(want)) == 0,
                  "%s: stderr '%s'", o.cmd, o.err.data);
    ck_assert_msg(file_exists(report), "%s: no report", o.cmd);
}
END_TEST

/* ---- compare ---- */

START_TEST(compare_names_malformed_line)
{
    const char *facts = in_tmp("facts.jsonl");
    const char *report = in_tmp("r.json");
    struct outcome o;
    char want[256];

    write_file(facts, "\n   \n{\"not\": \"a fact\"\n");
    run(&o, ARGS("compare", facts, "--json", report));
    expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s:3:", facts);
    expect_stderr_has(&o, want);
    ck_assert_msg(file_exists(report), "%s: no report", o.cmd);
}
END_TEST

START_TEST(compare_names_stdin_line)
{
    const char *facts = in_tmp("facts.jsonl");
    struct outcome o;

    write_file(facts, "\nnot json\n");
    run_io(&o, facts, NULL, ARGS("compare"));
    expect_status(&o, 2);
    expect_stderr_has(&o, "crosscheck: <stdin>:2:");
    ck_assert_msg(o.out.len > 0, "%s: no summary after the bad line",
                  o.cmd);
    run_io(&o, facts, NULL, ARGS("compare", "-"));
    expect_status(&o, 2);
    expect_stderr_has(&o, "crosscheck: <stdin>:2:");
}
END_TEST

START_TEST(compare_reads_past_missing_file)
{
    const char *facts = in_tmp("facts.jsonl");
    const char *report = in_tmp("r.json");
    struct outcome o;

    run_io(&o, NULL, facts, ARGS("extract", "seeds"));
    expect_status(&o, 0);
    run(&o, ARGS("compare", "no-such.jsonl", facts, "--json", report));
    expect_status(&o, 2);
    expect_stderr_has(&o, "crosscheck: no-such.jsonl: cannot read");
    json_t *root = load_json(report, o.cmd);
    ck_assert_msg(lists_seed_facts(root), "%s: facts after the missing file "
                  "were not read", o.cmd);
    json_decref(root);
}
END_TEST

START_TEST(compare_of_nothing_exits_0)
{
    struct outcome o;

    run(&o, ARGS("compare"));
    expect_status(&o, 0);
    ck_assert_msg(o.out.len > 0, "%s: no summary", o.cmd);
}
END_TEST

/* ---- reports ---- */

START_TEST(summary_goes_to_stdout_without_reports)
{
    struct outcome o;

    run(&o, ARGS("seeds"));
    ck_assert_msg(o.status == 0 || o.status == 1, "%s: exit status %d: %s",
                  o.cmd, o.status, o.err.data);
    ck_assert_msg(o.out.len > 0, "%s: no summary on stdout", o.cmd);
    ck_assert_msg(o.err.len == 0, "%s: stderr: %s", o.cmd, o.err.data);
}
END_TEST

START_TEST(seeds_conflict_exits_1)
{
    const char *report = in_tmp("r.json");
    struct outcome o;

    run(&o, ARGS("check", "seeds", "--json", report, "--xml",
                 in_tmp("r.xml")));
    expect_status(&o, 1);
    ck_assert_msg(o.out.len == 0, "%s: stdout: %s", o.cmd, o.out.data);
    json_t *root = load_json(report, o.cmd);
    json_t *summary = json_object_get(root, "summary");
    ck_assert_msg(json_integer_value(json_object_get(summary, "new")) > 0,
                  "%s: summary.new is not positive", o.cmd);
    json_decref(root);
    ck_assert_msg(file_exists(in_tmp("r.xml")), "%s: no XML report", o.cmd);
}
END_TEST

START_TEST(json_dash_goes_to_stdout)
{
    struct outcome o;
    json_error_t je;

    run(&o, ARGS("check", "seeds", "--json", "-"));
    json_t *root = json_loads(o.out.data, 0, &je);
    ck_assert_msg(root != NULL, "%s: stdout is not JSON: %s", o.cmd,
                  je.text);
    json_decref(root);
}
END_TEST

/* Files in dir but our captured stdout and stderr. */
static int count_files(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int n = 0;

    ck_assert_ptr_nonnull(d);
    while ((de = readdir(d)) != NULL)
        if (de->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

START_TEST(report_replaces_file_whole)
{
    const char *report = in_tmp("r.json");
    const char *old = in_tmp("old.json");
    struct outcome o;
    struct buf text;

    /* old is a second name of the file that was there: rewriting in
     * place would change it too, renaming a new file over it does not */
    write_file(report, "old report\n");
    ck_assert_int_eq(link(report, old), 0);
    run(&o, ARGS("check", "seeds", "--json", report));
    ck_assert_msg(o.status <= 1, "%s: exit status %d: %s", o.cmd, o.status,
                  o.err.data);
    read_whole(&text, old);
    ck_assert_msg(strcmp(text.data, "old report\n") == 0, "%s: report "
                  "written in place, not renamed over", o.cmd);
    buf_release(&text);
    json_decref(load_json(report, o.cmd));
    ck_assert_msg(count_files(tmp) == 2, "%s: temporary files left in %s",
                  o.cmd, tmp);
}
END_TEST

static const char *const unwritable_rows[][2] = {
    { "--json", "/no-such-dir/r.json" },
    { "--xml",  "/no-such-dir/r.xml" },
    { "--sarif", "/no-such-dir/r.sarif" },
    { "--junit", "/no-such-dir/r.junit.xml" },
};

START_TEST(unwritable_report_exits_2)
{
    const char *opt = unwritable_rows[_i][0];
    const char *path = unwritable_rows[_i][1];
    struct outcome o;
    char want[128];

    run(&o, ARGS("check", "seeds", opt, path));
    expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s: ", path);
    expect_stderr_has(&o, want);
    ck_assert_msg(!file_exists(path), "%s: %s written", o.cmd, path);
}
END_TEST

START_TEST(stdout_write_error_exits_2)
{
    static const char want[] = "crosscheck: standard output: write error";
    struct outcome o;

    run_io(&o, NULL, "/dev/full", ARGS("extract", "seeds"));
    expect_status(&o, 2);
    ck_assert_msg(strncmp(o.err.data, want, sizeof(want) - 1) == 0,
                  "%s > /dev/full: stderr '%s'", o.cmd, o.err.data);
}
END_TEST

/* ---- extract | compare == check ---- */

static void expect_same_file(const char *cmd, const char *a, const char *b)
{
    struct buf x, y;

    read_whole(&x, a);
    read_whole(&y, b);
    ck_assert_msg(x.len == y.len && memcmp(x.data, y.data, x.len) == 0,
                  "%s: %s and %s differ", cmd, a, b);
    buf_release(&x);
    buf_release(&y);
}

/* Write the lines of path in reverse order to out. */
static void reverse_lines(const char *path, const char *out)
{
    struct buf text;
    FILE *f = fopen(out, "w");

    read_whole(&text, path);
    ck_assert_ptr_nonnull(f);
    for (size_t end = text.len; end > 0;) {
        size_t start = end - 1;
        while (start > 0 && text.data[start - 1] != '\n')
            start--;
        fwrite(text.data + start, 1, end - start, f);
        end = start;
    }
    fclose(f);
    buf_release(&text);
}

/* Threads change the speed, never the output: the same reports, the
 * same fact lines, the same messages for -j1 and -j4. */
START_TEST(every_job_count_gives_the_same_output)
{
    const char *counts[] = { "-j1", "-j4" };
    struct outcome o;
    int status = -2;

    for (int k = 0; k < 2; k++) {
        char name[32];
        snprintf(name, sizeof(name), "r%d.json", k);
        run(&o, ARGS("check", counts[k], "seeds", "tests/data/articles",
                     "--json", in_tmp(name)));
        ck_assert_msg(status == -2 || o.status == status,
                      "%s: exit status %d, not %d", o.cmd, o.status, status);
        status = o.status;
        snprintf(name, sizeof(name), "f%d.jsonl", k);
        run_io(&o, NULL, in_tmp(name), ARGS("extract", counts[k], "seeds"));
        expect_status(&o, 0);
    }
    expect_same_file("check -j1/-j4", in_tmp("r0.json"), in_tmp("r1.json"));
    expect_same_file("extract -j1/-j4", in_tmp("f0.jsonl"),
                     in_tmp("f1.jsonl"));
}
END_TEST

/* Progress is for a person at a terminal: asked for, it goes to stderr;
 * by default, into a pipe, nothing of it is written. */
START_TEST(progress_only_when_asked_or_on_a_terminal)
{
    struct outcome o;

    run(&o, ARGS("check", "--progress", "seeds", "--json",
                 in_tmp("p.json")));
    expect_stderr_has(&o, "5 articles");
    expect_stderr_has(&o, "MB/s");
    run(&o, ARGS("check", "seeds", "--json", in_tmp("q.json")));
    ck_assert_msg(o.err.len == 0, "%s: wrote to a pipe: %s", o.cmd,
                  o.err.data ? o.err.data : "");
    expect_same_file("--progress", in_tmp("p.json"), in_tmp("q.json"));
    run(&o, ARGS("check", "-j", "0", "seeds"));
    expect_status(&o, 2);
    expect_stderr_has(&o, "-j wants a number of jobs");
}
END_TEST

START_TEST(extract_then_compare_equals_check)
{
    const char *facts = in_tmp("facts.jsonl");
    struct outcome o;
    int status;

    run_io(&o, NULL, facts, ARGS("extract", "seeds"));
    expect_status(&o, 0);
    run_io(&o, facts, NULL, ARGS("compare", "--json", in_tmp("a.json"),
                                 "--xml", in_tmp("a.xml")));
    status = o.status;
    run(&o, ARGS("check", "seeds", "--json", in_tmp("b.json"), "--xml",
                 in_tmp("b.xml")));
    ck_assert_msg(o.status == status, "%s: exit status %d, compare's %d",
                  o.cmd, o.status, status);
    expect_same_file(o.cmd, in_tmp("a.json"), in_tmp("b.json"));
    expect_same_file(o.cmd, in_tmp("a.xml"), in_tmp("b.xml"));
}
END_TEST

START_TEST(shuffled_facts_give_same_report)
{
    const char *facts = in_tmp("facts.jsonl");
    const char *reversed = in_tmp("reversed.jsonl");
    struct outcome o;

    run_io(&o, NULL, facts, ARGS("extract", "seeds"));
    expect_status(&o, 0);
    reverse_lines(facts, reversed);
    run(&o, ARGS("compare", reversed, "--json", in_tmp("a.json")));
    int status = o.status;
    run(&o, ARGS("check", "seeds", "--json", in_tmp("b.json")));
    ck_assert_msg(o.status == status, "%s: exit status %d, compare's %d",
                  o.cmd, o.status, status);
    expect_same_file("compare reversed facts", in_tmp("a.json"),
                     in_tmp("b.json"));
}
END_TEST

/* ---- JSON Lines articles ---- */

#define MIXED "tests/data/jsonl/mixed.jsonl"
#define STREAM "tests/data/stream"

START_TEST(extract_reads_jsonl_past_bad_line)
{
    struct outcome o;

    run(&o, ARGS("extract", MIXED));
    expect_status(&o, 2);
    expect_stderr_has(&o, "crosscheck: " MIXED ":3:");
    expect_stderr_has(&o, "crosscheck: " MIXED ":4: bad date '2026-02-30'\n");
    expect_stderr_has(&o, "crosscheck: " MIXED ":5: 'text' must be a "
                      "string\n");
    ck_assert_msg(strstr(o.out.data, "\"source\":\"https://a.example/1\"")
                  && strstr(o.out.data, "\"outlet\":\"Wire A\""),
                  "%s: no facts of line 1: %.300s", o.cmd, o.out.data);
    ck_assert_msg(strstr(o.out.data, "\"source\":\"" MIXED ":6\""),
                  "%s: no facts of line 6 named by place: %.300s", o.cmd,
                  o.out.data);
}
END_TEST

START_TEST(extract_reads_stdin)
{
    static const char *const dash[][3] = {
        { "extract", NULL }, { "extract", "-", NULL },
    };
    struct outcome o;

    for (size_t i = 0; i < 2; i++) {
        run_io(&o, TEST_SRCDIR "/" MIXED, NULL, dash[i]);
        expect_status(&o, 2);
        expect_stderr_has(&o, "crosscheck: <stdin>:4: bad date");
        ck_assert_msg(strstr(o.out.data, "https://a.example/1"), "%s < %s: "
                      "no facts of line 1", o.cmd, MIXED);
    }
    /* a text article, not '{': read whole */
    run_io(&o, TEST_SRCDIR "/" STREAM "/local.txt", NULL, ARGS("extract"));
    expect_status(&o, 0);
    ck_assert_msg(strstr(o.out.data, "\"source\":\"-\""), "%s < local.txt:"
                  " no facts: %.300s", o.cmd, o.out.data);
    /* nothing at all: no article, as in an empty split */
    run(&o, ARGS("extract"));
    expect_status(&o, 0);
    ck_assert_msg(o.out.len == 0 && o.err.len == 0, "%s < /dev/null: "
                  "stdout '%.300s', stderr '%.300s'", o.cmd, o.out.data,
                  o.err.data);
}
END_TEST

/* The text of each article of the JSON Lines file at path, by url. */
static json_t *texts_by_url(const char *path)
{
    json_t *texts = json_object();
    FILE *f = fopen(path, "r");
    char line[4096];

    ck_assert_msg(f != NULL, "cannot read %s", path);
    while (fgets(line, sizeof(line), f)) {
        json_t *a = json_loads(line, 0, NULL);
        ck_assert_msg(a != NULL, "%s: a line is not JSON", path);
        json_object_set(texts, json_string_value(json_object_get(a, "url")),
                        json_object_get(a, "text"));
        json_decref(a);
    }
    fclose(f);
    return texts;
}

START_TEST(jsonl_offsets_count_bytes_of_text)
{
    const char *report = in_tmp("r.json");
    json_t *texts = texts_by_url(TEST_SRCDIR "/" STREAM "/wire.jsonl");
    json_t *group, *fact;
    size_t i, j, checked = 0;
    struct outcome o;

    run(&o, ARGS("check", STREAM, "--json", report));
    expect_status(&o, 1);
    json_t *root = load_json(report, o.cmd);
    json_array_foreach(json_object_get(root, "groups"), i, group)
        json_array_foreach(json_object_get(group, "facts"), j, fact) {
            const char *source =
                json_string_value(json_object_get(fact, "source"));
            const char *text = json_string_value(json_object_get(texts,
                                                                 source));
            if (!text)
                continue;   /* local.txt */
            size_t off = json_integer_value(json_object_get(fact, "offset"));
            size_t len = json_integer_value(json_object_get(fact, "length"));
            const char *want =
                json_string_value(json_object_get(fact, "text"));
            ck_assert_msg(off + len <= strlen(text) &&
                          strncmp(text + off, want, len) == 0, "%s: '%s' "
                          "is not at %zu of %s's text", o.cmd, want, off,
                          source);
            checked++;
        }
    ck_assert_msg(checked >= 4, "%s: only %zu facts of wire.jsonl grouped",
                  o.cmd, checked);
    json_decref(root);
    json_decref(texts);
}
END_TEST

/* ---- map and reduce: extract --keyed, compare --groups, report ---- */

/* The keyed facts of tests/data/stream, seven articles whose groups
 * conflict, in file keyed. */
static void map_articles(const char *keyed)
{
    struct outcome o;

    run_io(&o, NULL, keyed, ARGS("extract", "--keyed", STREAM));
    expect_status(&o, 0);
}

START_TEST(compare_reads_keyed_facts)
{
    const char *keyed = in_tmp("keyed.tsv");
    struct outcome o;

    map_articles(keyed);
    run_io(&o, keyed, NULL, ARGS("compare", "--json", in_tmp("a.json")));
    int status = o.status;
    run(&o, ARGS("check", STREAM, "--json", in_tmp("b.json")));
    ck_assert_msg(o.status == status, "%s: exit status %d, compare's %d",
                  o.cmd, o.status, status);
    expect_same_file("compare of keyed facts", in_tmp("a.json"),
                     in_tmp("b.json"));
}
END_TEST

START_TEST(compare_groups_exits_0_on_conflicts)
{
    const char *keyed = in_tmp("keyed.tsv");
    struct outcome o;

    map_articles(keyed);
    run(&o, ARGS("compare", "--groups", keyed));
    expect_status(&o, 0);
    ck_assert_msg(strstr(o.out.data, "{\"group\":{") &&
                  strstr(o.out.data, "\"verdict\":\"conflict\""),
                  "%s: no conflict group: %.300s", o.cmd, o.out.data);
    ck_assert_msg(strstr(o.out.data, "{\"stats\":{\"facts\":") &&
                  strstr(o.out.data, "\"sources\":7,"),
                  "%s: no stats of 7 sources: %.300s", o.cmd,
                  strstr(o.out.data, "{\"stats\"") ? strstr(o.out.data,
                  "{\"stats\"") : o.out.data);
}
END_TEST

/* Write the lines of path to out as Hadoop hands them to a reducer:
 * "KEY\tVALUE", and a line without a key as "LINE\t". */
static void add_hadoop_tabs(const char *path, const char *out)
{
    FILE *in = fopen(path, "r"), *f = fopen(out, "w");
    char line[8192];

    ck_assert(in && f);
    while (fgets(line, sizeof(line), in)) {
        line[strcspn(line, "\n")] = '\0';
        fprintf(f, strchr(line, '\t') ? "%s\n" : "%s\t\n", line);
    }
    fclose(in);
    fclose(f);
}

START_TEST(compare_groups_takes_hadoop_trailing_tab)
{
    const char *keyed = in_tmp("keyed.tsv");
    const char *plain = in_tmp("plain.jsonl");
    const char *tabbed = in_tmp("tabbed.tsv");
    struct outcome a, b;

    map_articles(keyed);
    /* facts without keys, and the other lines, each with a tab */
    run_io(&a, NULL, plain, ARGS("extract", STREAM));
    expect_status(&a, 0);
    FILE *in = fopen(keyed, "r"), *f = fopen(plain, "a");
    char line[8192];
    ck_assert(in && f);
    while (fgets(line, sizeof(line), in))
        if (line[0] == '{')
            fputs(line, f);
    fclose(in);
    fclose(f);
    add_hadoop_tabs(plain, tabbed);
    run(&a, ARGS("compare", "--groups", tabbed));
    expect_status(&a, 0);
    run(&b, ARGS("compare", "--groups", keyed));
    expect_status(&b, 0);
    ck_assert_msg(strcmp(a.out.data, b.out.data) == 0, "%s: not the groups "
                  "of the keyed facts", a.cmd);
    ck_assert_msg(strstr(a.out.data, "\"sources\":7,"), "%s: the article "
                  "lines were not counted", a.cmd);
}
END_TEST

START_TEST(compare_groups_names_malformed_keyed_line)
{
    const char *keyed = in_tmp("keyed.tsv");
    const char *bad = in_tmp("bad.tsv");
    struct buf text;
    char want[256];
    struct outcome o;

    map_articles(keyed);
    read_whole(&text, keyed);
    char *tab = strchr(text.data, '\t');
    char *nl = strchr(text.data, '\n');
    ck_assert_msg(tab && nl && tab < nl, "%s: no keyed line", keyed);
    *nl = '\0';
    FILE *f = fopen(bad, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "%s\n", text.data);                   /* good */
    fprintf(f, "[\"x\",\"count\",\"\"]%s\n", tab);     /* wrong key */
    fprintf(f, "%.*s\t{\"source\":\n", (int)(tab - text.data), text.data);
    fclose(f);
    buf_release(&text);
    run(&o, ARGS("compare", "--groups", bad));
    expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s:2:1: key '[\"x\",", bad);
    expect_stderr_has(&o, want);
    snprintf(want, sizeof(want), "crosscheck: %s:3:", bad);
    expect_stderr_has(&o, want);
    /* the part is still reduced, its errors passed on to the report */
    ck_assert_msg(strstr(o.out.data, "{\"stats\":") &&
                  strstr(o.out.data, "{\"error\":"), "%s: no stats or "
                  "errors on stdout", o.cmd);
}
END_TEST

/* The articles mapped, then reduced in one part into file reduced. */
static void reduce_articles(const char *reduced, const char *const *opts)
{
    const char *keyed = in_tmp("keyed.tsv");
    const char *args[8] = { "compare", "--groups" };
    size_t n = 2;
    struct outcome o;

    map_articles(keyed);
    for (; opts && *opts && n < 6; opts++)
        args[n++] = *opts;
    args[n++] = keyed;
    args[n] = NULL;
    run_io(&o, NULL, reduced, args);
    expect_status(&o, 0);
}

START_TEST(report_gates_like_check)
{
    const char *reduced = in_tmp("reduced.jsonl");
    const char *baseline = in_tmp("baseline.json");
    struct outcome o;

    reduce_articles(reduced, NULL);
    run(&o, ARGS("report", reduced, "--json", baseline));
    expect_status(&o, 1);
    run_io(&o, reduced, NULL, ARGS("report", "--baseline", baseline));
    expect_status(&o, 0);
    ck_assert_msg(o.out.len > 0, "%s: no summary", o.cmd);
}
END_TEST

START_TEST(report_names_line_that_is_no_group)
{
    const char *keyed = in_tmp("keyed.tsv");
    const char *reduced = in_tmp("reduced.jsonl");
    const char *report = in_tmp("r.json");
    char want[256];
    struct outcome o;

    reduce_articles(reduced, NULL);
    map_articles(keyed);
    run(&o, ARGS("report", reduced, keyed, "--json", report));
    expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s:1: a fact or article line",
             keyed);
    expect_stderr_has(&o, want);
    ck_assert_msg(file_exists(report), "%s: no report", o.cmd);
    json_t *root = load_json(report, o.cmd);
    ck_assert_msg(json_array_size(json_object_get(root, "groups")) > 0,
                  "%s: the groups read are not reported", o.cmd);
    json_decref(root);
}
END_TEST

START_TEST(report_refuses_parts_judged_apart)
{
    const char *a = in_tmp("a.jsonl");
    const char *b = in_tmp("b.jsonl");
    char want[256];
    struct outcome o;

    reduce_articles(a, NULL);
    reduce_articles(b, ARGS("--tolerance", "5"));
    run(&o, ARGS("report", a, b));
    expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s:", b);
    expect_stderr_has(&o, want);
    expect_stderr_has(&o, "compared with other --window, --tolerance or "
                      "--nearly");
    /* the other part is still reported, the refused one counted */
    ck_assert_msg(strstr(o.out.data, "1 input error") != NULL, "%s: the "
                  "summary does not count the refused part: %s", o.cmd,
                  o.out.data);
}
END_TEST

START_TEST(errors_travel_to_the_report)
{
    const char *keyed = in_tmp("keyed.tsv");
    const char *reduced = in_tmp("reduced.jsonl");
    const char *report = in_tmp("r.json");
    struct outcome o;
    struct buf text;

    run_io(&o, NULL, keyed, ARGS("extract", "--keyed", MIXED));
    expect_status(&o, 2);
    run_io(&o, keyed, reduced, ARGS("compare", "--groups"));
    expect_status(&o, 0);    /* passed on, not met here */
    ck_assert_msg(o.err.len == 0, "%s: printed again: %s", o.cmd,
                  o.err.data);
    run(&o, ARGS("report", reduced, "--json", report));
    expect_status(&o, 2);
    expect_stderr_has(&o, "crosscheck: " MIXED ":4: bad date '2026-02-30'");
    read_whole(&text, report);
    ck_assert_msg(strstr(text.data, "\"message\": \"bad date '2026-02-30'"),
                  "%s: the report does not list the error", o.cmd);
    buf_release(&text);
}
END_TEST

#define LOOP(tc, fn, rows) \
    tcase_add_loop_test(tc, fn, 0, sizeof(rows) / sizeof(rows[0]))

static Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("usage");

    tcase_add_checked_fixture(tc, make_tmp, remove_tmp);
    LOOP(tc, help_goes_to_stdout_and_exits_0, help_rows);
    tcase_add_test(tc, help_lists_options_and_commands);
    tcase_add_test(tc, version_prints_name_and_version);
    LOOP(tc, usage_error_exits_2_with_try_help, usage_rows);
    suite_add_tcase(s, tc);

    tc = tcase_create("inputs");
    tcase_add_checked_fixture(tc, make_tmp, remove_tmp);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, missing_dir_exits_2_naming_it);
    tcase_add_test(tc, input_error_names_line_and_column);
    tcase_add_test(tc, empty_article_in_walk_is_an_error);
    tcase_add_test(tc, bad_article_among_good_still_reports);
    tcase_add_test(tc, extract_goes_on_past_bad_article);
    tcase_add_test(tc, topics_file_missing_exits_2);
    tcase_add_test(tc, bad_baseline_is_an_input_error);
    tcase_add_test(tc, compare_names_malformed_line);
    tcase_add_test(tc, compare_names_stdin_line);
    tcase_add_test(tc, compare_reads_past_missing_file);
    tcase_add_test(tc, compare_of_nothing_exits_0);
    suite_add_tcase(s, tc);

    tc = tcase_create("reports");
    tcase_add_checked_fixture(tc, make_tmp, remove_tmp);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, summary_goes_to_stdout_without_reports);
    tcase_add_test(tc, seeds_conflict_exits_1);
    tcase_add_test(tc, json_dash_goes_to_stdout);
    tcase_add_test(tc, report_replaces_file_whole);
    LOOP(tc, unwritable_report_exits_2, unwritable_rows);
    tcase_add_test(tc, stdout_write_error_exits_2);
    tcase_add_test(tc, extract_then_compare_equals_check);
    tcase_add_test(tc, every_job_count_gives_the_same_output);
    tcase_add_test(tc, progress_only_when_asked_or_on_a_terminal);
    tcase_add_test(tc, shuffled_facts_give_same_report);
    suite_add_tcase(s, tc);

    tc = tcase_create("stream");
    tcase_add_checked_fixture(tc, make_tmp, remove_tmp);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, extract_reads_jsonl_past_bad_line);
    tcase_add_test(tc, extract_reads_stdin);
    tcase_add_test(tc, jsonl_offsets_count_bytes_of_text);
    tcase_add_test(tc, compare_reads_keyed_facts);
    tcase_add_test(tc, compare_groups_exits_0_on_conflicts);
    tcase_add_test(tc, compare_groups_takes_hadoop_trailing_tab);
    tcase_add_test(tc, compare_groups_names_malformed_keyed_line);
    tcase_add_test(tc, report_gates_like_check);
    tcase_add_test(tc, report_names_line_that_is_no_group);
    tcase_add_test(tc, report_refuses_parts_judged_apart);
    tcase_add_test(tc, errors_travel_to_the_report);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(cli_suite());

    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
