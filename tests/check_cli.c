/* cli: the built program, as users and scripts see it: exit statuses,
 * messages on stderr, reports written. */
#include <check.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

#define ARTICLES "tests/data/articles/"

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
    struct harness_outcome o;

    harness_run_argv(&o, NULL, help_rows[_i]);
    harness_expect_status(&o, 0);
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
    struct harness_outcome o;

    harness_run(&o, "--help");
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        ck_assert_msg(strstr(o.out.data, want[i]) != NULL,
                      "%s: no '%s' in help", o.cmd, want[i]);
}
END_TEST

START_TEST(version_prints_name_and_version)
{
    struct harness_outcome o;

    harness_run(&o, "--version");
    harness_expect_status(&o, 0);
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
    struct harness_outcome o;
    char want[256];

    harness_run_argv(&o, NULL, r->args);
    harness_expect_status(&o, 2);
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
    struct harness_outcome o;

    harness_run(&o, "check", "no-such-dir");
    harness_expect_status(&o, 2);
    ck_assert_msg(strncmp(o.err.data, "crosscheck: no-such-dir: ", 25) == 0,
                  "%s: stderr '%s'", o.cmd, o.err.data);
}
END_TEST

START_TEST(input_error_names_line_and_column)
{
    struct harness_outcome o;

    harness_run(&o, ARTICLES "invalid-utf8.txt", "--json",
                harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    ck_assert_msg(strcmp(o.err.data, "crosscheck: " ARTICLES
                         "invalid-utf8.txt:3:5: invalid UTF-8 byte '\\xff'\n")
                  == 0, "%s: stderr '%s'", o.cmd, o.err.data);
    harness_run(&o, "check", ARTICLES "bad-date-feb-30.txt", "--json",
                harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, "crosscheck: " ARTICLES
                              "bad-date-feb-30.txt:1:7: bad date "
                              "'2026-02-30'\n");
}
END_TEST

START_TEST(empty_article_in_walk_is_an_error)
{
    struct harness_outcome o;

    harness_run(&o, "check", ARTICLES, "--json", harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, ARTICLES "empty.txt: empty file\n");
    harness_expect_stderr_has(&o, ARTICLES "no-date.txt:1: no date");
    harness_expect_stderr_has(&o, ARTICLES "nul-byte.txt:2:3: null byte\n");
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
    const char *report = harness_tmp("r.json");
    struct harness_outcome o;

    harness_run(&o, "check", "seeds", ARTICLES "no-date.txt",
                ARTICLES "empty.txt", "--json", report);
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, "crosscheck: " ARTICLES
                              "no-date.txt:1: no date");
    harness_expect_stderr_has(&o, "crosscheck: " ARTICLES
                              "empty.txt: empty file");
    ck_assert_msg(harness_exists(report), "%s: no report", o.cmd);
    json_t *root = harness_load_json(report, o.cmd);
    ck_assert_msg(lists_seed_facts(root), "%s: the report lists no fact of "
                  "the good articles", o.cmd);
    json_decref(root);
    char *text = harness_slurp(report, NULL);
    ck_assert_msg(strstr(text, ARTICLES "no-date.txt") != NULL,
                  "%s: the report does not list the input error", o.cmd);
    free(text);
}
END_TEST

START_TEST(extract_goes_on_past_bad_article)
{
    struct harness_outcome o;

    harness_run(&o, "extract", ARTICLES "no-date.txt", "seeds");
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, ARTICLES "no-date.txt:1: no date");
    ck_assert_msg(strstr(o.out.data, "\"source\":\"seeds/") != NULL,
                  "%s: no facts of the seeds on stdout", o.cmd);
}
END_TEST

START_TEST(topics_file_missing_exits_2)
{
    struct harness_outcome o;

    harness_run(&o, "check", "--topics", "no-such.lex", "seeds");
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, "crosscheck: no-such.lex: ");
    ck_assert_msg(o.out.len == 0, "%s: a report without its lexicon: %s",
                  o.cmd, o.out.data);
}
END_TEST

START_TEST(bad_baseline_is_an_input_error)
{
    const char *baseline = harness_tmp("baseline.json");
    const char *report = harness_tmp("r.json");
    struct harness_outcome o;
    char want[256];

    harness_write_file(baseline, "not a report\n");
    harness_run(&o, "check", "seeds", "--baseline", baseline, "--json",
                report);
    harness_expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s:", baseline);
    ck_assert_msg(strncmp(o.err.data, want, strlen(want)) == 0,
                  "%s: stderr '%s'", o.cmd, o.err.data);
    ck_assert_msg(harness_exists(report), "%s: no report", o.cmd);
}
END_TEST

/* ---- compare ---- */

START_TEST(compare_names_malformed_line)
{
    const char *facts = harness_tmp("facts.jsonl");
    const char *report = harness_tmp("r.json");
    struct harness_outcome o;
    char want[256];

    harness_write_file(facts, "\n   \n{\"not\": \"a fact\"\n");
    harness_run(&o, "compare", facts, "--json", report);
    harness_expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s:3:", facts);
    harness_expect_stderr_has(&o, want);
    ck_assert_msg(harness_exists(report), "%s: no report", o.cmd);
}
END_TEST

START_TEST(compare_names_stdin_line)
{
    const char *facts = harness_tmp("facts.jsonl");
    struct harness_outcome o;

    harness_write_file(facts, "\nnot json\n");
    harness_run_io(&o, facts, NULL, "compare");
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, "crosscheck: <stdin>:2:");
    ck_assert_msg(o.out.len > 0, "%s: no summary after the bad line",
                  o.cmd);
    harness_run_io(&o, facts, NULL, "compare", "-");
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, "crosscheck: <stdin>:2:");
}
END_TEST

START_TEST(compare_reads_past_missing_file)
{
    const char *facts = harness_tmp("facts.jsonl");
    const char *report = harness_tmp("r.json");
    struct harness_outcome o;

    harness_run_io(&o, NULL, facts, "extract", "seeds");
    harness_expect_status(&o, 0);
    harness_run(&o, "compare", "no-such.jsonl", facts, "--json", report);
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, "crosscheck: no-such.jsonl: cannot read");
    json_t *root = harness_load_json(report, o.cmd);
    ck_assert_msg(lists_seed_facts(root), "%s: facts after the missing file "
                  "were not read", o.cmd);
    json_decref(root);
}
END_TEST

START_TEST(compare_of_nothing_exits_0)
{
    struct harness_outcome o;

    harness_run(&o, "compare");
    harness_expect_status(&o, 0);
    ck_assert_msg(o.out.len > 0, "%s: no summary", o.cmd);
}
END_TEST

/* ---- reports ---- */

START_TEST(summary_goes_to_stdout_without_reports)
{
    struct harness_outcome o;

    harness_run(&o, "seeds");
    harness_expect_success(&o);
    ck_assert_msg(o.out.len > 0, "%s: no summary on stdout", o.cmd);
    ck_assert_msg(o.err.len == 0, "%s: stderr: %s", o.cmd, o.err.data);
}
END_TEST

START_TEST(seeds_conflict_exits_1)
{
    const char *report = harness_tmp("r.json");
    struct harness_outcome o;

    harness_run(&o, "check", "seeds", "--json", report, "--xml",
                harness_tmp("r.xml"));
    harness_expect_status(&o, 1);
    ck_assert_msg(o.out.len == 0, "%s: stdout: %s", o.cmd, o.out.data);
    json_t *root = harness_load_json(report, o.cmd);
    json_t *summary = json_object_get(root, "summary");
    ck_assert_msg(json_integer_value(json_object_get(summary, "new")) > 0,
                  "%s: summary.new is not positive", o.cmd);
    json_decref(root);
    ck_assert_msg(harness_exists(harness_tmp("r.xml")), "%s: no XML report",
                  o.cmd);
}
END_TEST

START_TEST(json_dash_goes_to_stdout)
{
    struct harness_outcome o;
    json_error_t je;

    harness_run(&o, "check", "seeds", "--json", "-");
    json_t *root = json_loads(o.out.data, 0, &je);
    ck_assert_msg(root != NULL, "%s: stdout is not JSON: %s", o.cmd,
                  je.text);
    json_decref(root);
}
END_TEST

START_TEST(report_replaces_file_whole)
{
    const char *report = harness_tmp("r.json");
    const char *old = harness_tmp("old.json");
    struct harness_outcome o;

    /* old is a second name of the file that was there: rewriting in
     * place would change it too, renaming a new file over it does not */
    harness_write_file(report, "old report\n");
    ck_assert_int_eq(link(report, old), 0);
    harness_run(&o, "check", "seeds", "--json", report);
    ck_assert_msg(o.status <= 1, "%s: exit status %d: %s", o.cmd, o.status,
                  o.err.data);
    char *text = harness_slurp(old, NULL);
    ck_assert_msg(strcmp(text, "old report\n") == 0, "%s: report "
                  "written in place, not renamed over", o.cmd);
    free(text);
    json_decref(harness_load_json(report, o.cmd));
    ck_assert_msg(harness_count_entries(harness_tmp_dir()) == 2,
                  "%s: temporary files left in %s", o.cmd,
                  harness_tmp_dir());
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
    struct harness_outcome o;
    char want[128];

    harness_run(&o, "check", "seeds", opt, path);
    harness_expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s: ", path);
    harness_expect_stderr_has(&o, want);
    ck_assert_msg(!harness_exists(path), "%s: %s written", o.cmd, path);
}
END_TEST

START_TEST(stdout_write_error_exits_2)
{
    static const char want[] = "crosscheck: standard output: write error";
    struct harness_outcome o;

    harness_run_io(&o, NULL, "/dev/full", "extract", "seeds");
    harness_expect_status(&o, 2);
    ck_assert_msg(strncmp(o.err.data, want, sizeof(want) - 1) == 0,
                  "%s > /dev/full: stderr '%s'", o.cmd, o.err.data);
}
END_TEST

/* ---- extract | compare == check ---- */

static void expect_same_file(const char *cmd, const char *a, const char *b)
{
    size_t xlen, ylen;
    char *x = harness_slurp(a, &xlen), *y = harness_slurp(b, &ylen);

    ck_assert_msg(xlen == ylen && memcmp(x, y, xlen) == 0,
                  "%s: %s and %s differ", cmd, a, b);
    free(x);
    free(y);
}

/* Write the lines of path in reverse order to out. */
static void reverse_lines(const char *path, const char *out)
{
    size_t len;
    char *text = harness_slurp(path, &len);
    FILE *f = fopen(out, "w");

    ck_assert_ptr_nonnull(f);
    for (size_t end = len; end > 0;) {
        size_t start = end - 1;
        while (start > 0 && text[start - 1] != '\n')
            start--;
        fwrite(text + start, 1, end - start, f);
        end = start;
    }
    fclose(f);
    free(text);
}

/* Threads change the speed, never the output: the same reports, the
 * same fact lines, the same messages for -j1 and -j4. */
START_TEST(every_job_count_gives_the_same_output)
{
    const char *counts[] = { "-j1", "-j4" };
    struct harness_outcome o;
    int status = -2;

    for (int k = 0; k < 2; k++) {
        char name[32];
        snprintf(name, sizeof(name), "r%d.json", k);
        harness_run(&o, "check", counts[k], "seeds", "tests/data/articles",
                    "--json", harness_tmp(name));
        ck_assert_msg(status == -2 || o.status == status,
                      "%s: exit status %d, not %d", o.cmd, o.status, status);
        status = o.status;
        snprintf(name, sizeof(name), "f%d.jsonl", k);
        harness_run_io(&o, NULL, harness_tmp(name), "extract", counts[k],
                       "seeds");
        harness_expect_status(&o, 0);
    }
    expect_same_file("check -j1/-j4", harness_tmp("r0.json"),
                     harness_tmp("r1.json"));
    expect_same_file("extract -j1/-j4", harness_tmp("f0.jsonl"),
                     harness_tmp("f1.jsonl"));
}
END_TEST

/* Progress is for a person at a terminal: asked for, it goes to stderr;
 * by default, into a pipe, nothing of it is written. */
START_TEST(progress_only_when_asked_or_on_a_terminal)
{
    struct harness_outcome o;

    harness_run(&o, "check", "--progress", "seeds", "--json",
                harness_tmp("p.json"));
    harness_expect_stderr_has(&o, "5 articles");
    harness_expect_stderr_has(&o, "MB/s");
    harness_run(&o, "check", "seeds", "--json", harness_tmp("q.json"));
    ck_assert_msg(o.err.len == 0, "%s: wrote to a pipe: %s", o.cmd,
                  o.err.data ? o.err.data : "");
    expect_same_file("--progress", harness_tmp("p.json"),
                     harness_tmp("q.json"));
    harness_run(&o, "check", "-j", "0", "seeds");
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, "-j wants a number of jobs");
}
END_TEST

START_TEST(extract_then_compare_equals_check)
{
    const char *facts = harness_tmp("facts.jsonl");
    struct harness_outcome o;
    int status;

    harness_run_io(&o, NULL, facts, "extract", "seeds");
    harness_expect_status(&o, 0);
    harness_run_io(&o, facts, NULL, "compare", "--json", harness_tmp("a.json"),
                   "--xml", harness_tmp("a.xml"));
    status = o.status;
    harness_run(&o, "check", "seeds", "--json", harness_tmp("b.json"), "--xml",
                harness_tmp("b.xml"));
    ck_assert_msg(o.status == status, "%s: exit status %d, compare's %d",
                  o.cmd, o.status, status);
    expect_same_file(o.cmd, harness_tmp("a.json"), harness_tmp("b.json"));
    expect_same_file(o.cmd, harness_tmp("a.xml"), harness_tmp("b.xml"));
}
END_TEST

START_TEST(shuffled_facts_give_same_report)
{
    const char *facts = harness_tmp("facts.jsonl");
    const char *reversed = harness_tmp("reversed.jsonl");
    struct harness_outcome o;

    harness_run_io(&o, NULL, facts, "extract", "seeds");
    harness_expect_status(&o, 0);
    reverse_lines(facts, reversed);
    harness_run(&o, "compare", reversed, "--json", harness_tmp("a.json"));
    int status = o.status;
    harness_run(&o, "check", "seeds", "--json", harness_tmp("b.json"));
    ck_assert_msg(o.status == status, "%s: exit status %d, compare's %d",
                  o.cmd, o.status, status);
    expect_same_file("compare reversed facts", harness_tmp("a.json"),
                     harness_tmp("b.json"));
}
END_TEST

/* ---- JSON Lines articles ---- */

#define MIXED "tests/data/jsonl/mixed.jsonl"
#define STREAM "tests/data/stream"

START_TEST(extract_reads_jsonl_past_bad_line)
{
    struct harness_outcome o;

    harness_run(&o, "extract", MIXED);
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, "crosscheck: " MIXED ":3:");
    harness_expect_stderr_has(&o, "crosscheck: " MIXED ":4: bad date "
                              "'2026-02-30'\n");
    harness_expect_stderr_has(&o, "crosscheck: " MIXED ":5: 'text' must "
                              "be a string\n");
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
    struct harness_outcome o;

    for (size_t i = 0; i < 2; i++) {
        harness_run_argv(&o, &(struct harness_opts){
                             .in = TEST_SRCDIR "/" MIXED }, dash[i]);
        harness_expect_status(&o, 2);
        harness_expect_stderr_has(&o, "crosscheck: <stdin>:4: bad date");
        ck_assert_msg(strstr(o.out.data, "https://a.example/1"), "%s < %s: "
                      "no facts of line 1", o.cmd, MIXED);
    }
    /* a text article, not '{': read whole */
    harness_run_io(&o, TEST_SRCDIR "/" STREAM "/local.txt", NULL, "extract");
    harness_expect_status(&o, 0);
    ck_assert_msg(strstr(o.out.data, "\"source\":\"-\""), "%s < local.txt:"
                  " no facts: %.300s", o.cmd, o.out.data);
    /* nothing at all: no article, as in an empty split */
    harness_run(&o, "extract");
    harness_expect_status(&o, 0);
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
    const char *report = harness_tmp("r.json");
    json_t *texts = texts_by_url(TEST_SRCDIR "/" STREAM "/wire.jsonl");
    json_t *group, *fact;
    size_t i, j, checked = 0;
    struct harness_outcome o;

    harness_run(&o, "check", STREAM, "--json", report);
    harness_expect_status(&o, 1);
    json_t *root = harness_load_json(report, o.cmd);
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
    struct harness_outcome o;

    harness_run_io(&o, NULL, keyed, "extract", "--keyed", STREAM);
    harness_expect_status(&o, 0);
}

START_TEST(compare_reads_keyed_facts)
{
    const char *keyed = harness_tmp("keyed.tsv");
    struct harness_outcome o;

    map_articles(keyed);
    harness_run_io(&o, keyed, NULL, "compare", "--json",
                   harness_tmp("a.json"));
    int status = o.status;
    harness_run(&o, "check", STREAM, "--json", harness_tmp("b.json"));
    ck_assert_msg(o.status == status, "%s: exit status %d, compare's %d",
                  o.cmd, o.status, status);
    expect_same_file("compare of keyed facts", harness_tmp("a.json"),
                     harness_tmp("b.json"));
}
END_TEST

START_TEST(compare_groups_exits_0_on_conflicts)
{
    const char *keyed = harness_tmp("keyed.tsv");
    struct harness_outcome o;

    map_articles(keyed);
    harness_run(&o, "compare", "--groups", keyed);
    harness_expect_status(&o, 0);
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
    const char *keyed = harness_tmp("keyed.tsv");
    const char *plain = harness_tmp("plain.jsonl");
    const char *tabbed = harness_tmp("tabbed.tsv");
    struct harness_outcome a, b;

    map_articles(keyed);
    /* facts without keys, and the other lines, each with a tab */
    harness_run_io(&a, NULL, plain, "extract", STREAM);
    harness_expect_status(&a, 0);
    FILE *in = fopen(keyed, "r"), *f = fopen(plain, "a");
    char line[8192];
    ck_assert(in && f);
    while (fgets(line, sizeof(line), in))
        if (line[0] == '{')
            fputs(line, f);
    fclose(in);
    fclose(f);
    add_hadoop_tabs(plain, tabbed);
    harness_run(&a, "compare", "--groups", tabbed);
    harness_expect_status(&a, 0);
    harness_run(&b, "compare", "--groups", keyed);
    harness_expect_status(&b, 0);
    ck_assert_msg(strcmp(a.out.data, b.out.data) == 0, "%s: not the groups "
                  "of the keyed facts", a.cmd);
    ck_assert_msg(strstr(a.out.data, "\"sources\":7,"), "%s: the article "
                  "lines were not counted", a.cmd);
}
END_TEST

START_TEST(compare_groups_names_malformed_keyed_line)
{
    const char *keyed = harness_tmp("keyed.tsv");
    const char *bad = harness_tmp("bad.tsv");
    char want[256];
    struct harness_outcome o;

    map_articles(keyed);
    char *text = harness_slurp(keyed, NULL);
    char *tab = strchr(text, '\t');
    char *nl = strchr(text, '\n');
    ck_assert_msg(tab && nl && tab < nl, "%s: no keyed line", keyed);
    *nl = '\0';
    FILE *f = fopen(bad, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "%s\n", text);                        /* good */
    fprintf(f, "[\"x\",\"count\",\"\"]%s\n", tab);     /* wrong key */
    fprintf(f, "%.*s\t{\"source\":\n", (int)(tab - text), text);
    fclose(f);
    free(text);
    harness_run(&o, "compare", "--groups", bad);
    harness_expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s:2:1: key '[\"x\",", bad);
    harness_expect_stderr_has(&o, want);
    snprintf(want, sizeof(want), "crosscheck: %s:3:", bad);
    harness_expect_stderr_has(&o, want);
    /* the part is still reduced, its errors passed on to the report */
    ck_assert_msg(strstr(o.out.data, "{\"stats\":") &&
                  strstr(o.out.data, "{\"error\":"), "%s: no stats or "
                  "errors on stdout", o.cmd);
}
END_TEST

/* The articles mapped, then reduced in one part into file reduced. */
static void reduce_articles(const char *reduced, const char *const *opts)
{
    const char *keyed = harness_tmp("keyed.tsv");
    const char *args[8] = { "compare", "--groups" };
    size_t n = 2;
    struct harness_outcome o;

    map_articles(keyed);
    for (; opts && *opts && n < 6; opts++)
        args[n++] = *opts;
    args[n++] = keyed;
    args[n] = NULL;
    harness_run_argv(&o, &(struct harness_opts){ .out = reduced }, args);
    harness_expect_status(&o, 0);
}

START_TEST(report_gates_like_check)
{
    const char *reduced = harness_tmp("reduced.jsonl");
    const char *baseline = harness_tmp("baseline.json");
    struct harness_outcome o;

    reduce_articles(reduced, NULL);
    harness_run(&o, "report", reduced, "--json", baseline);
    harness_expect_status(&o, 1);
    harness_run_io(&o, reduced, NULL, "report", "--baseline", baseline);
    harness_expect_status(&o, 0);
    ck_assert_msg(o.out.len > 0, "%s: no summary", o.cmd);
}
END_TEST

START_TEST(report_names_line_that_is_no_group)
{
    const char *keyed = harness_tmp("keyed.tsv");
    const char *reduced = harness_tmp("reduced.jsonl");
    const char *report = harness_tmp("r.json");
    char want[256];
    struct harness_outcome o;

    reduce_articles(reduced, NULL);
    map_articles(keyed);
    harness_run(&o, "report", reduced, keyed, "--json", report);
    harness_expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s:1: a fact or article line",
             keyed);
    harness_expect_stderr_has(&o, want);
    ck_assert_msg(harness_exists(report), "%s: no report", o.cmd);
    json_t *root = harness_load_json(report, o.cmd);
    ck_assert_msg(json_array_size(json_object_get(root, "groups")) > 0,
                  "%s: the groups read are not reported", o.cmd);
    json_decref(root);
}
END_TEST

START_TEST(report_refuses_parts_judged_apart)
{
    const char *a = harness_tmp("a.jsonl");
    const char *b = harness_tmp("b.jsonl");
    char want[256];
    struct harness_outcome o;

    reduce_articles(a, NULL);
    reduce_articles(b, HARNESS_ARGS("--tolerance", "5"));
    harness_run(&o, "report", a, b);
    harness_expect_status(&o, 2);
    snprintf(want, sizeof(want), "crosscheck: %s:", b);
    harness_expect_stderr_has(&o, want);
    harness_expect_stderr_has(&o, "compared with other --window, "
                              "--tolerance or --nearly");
    /* the other part is still reported, the refused one counted */
    ck_assert_msg(strstr(o.out.data, "1 input error") != NULL, "%s: the "
                  "summary does not count the refused part: %s", o.cmd,
                  o.out.data);
}
END_TEST

START_TEST(errors_travel_to_the_report)
{
    const char *keyed = harness_tmp("keyed.tsv");
    const char *reduced = harness_tmp("reduced.jsonl");
    const char *report = harness_tmp("r.json");
    struct harness_outcome o;

    harness_run_io(&o, NULL, keyed, "extract", "--keyed", MIXED);
    harness_expect_status(&o, 2);
    harness_run_io(&o, keyed, reduced, "compare", "--groups");
    harness_expect_status(&o, 0);    /* passed on, not met here */
    ck_assert_msg(o.err.len == 0, "%s: printed again: %s", o.cmd,
                  o.err.data);
    harness_run(&o, "report", reduced, "--json", report);
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, "crosscheck: " MIXED ":4: bad date "
                              "'2026-02-30'");
    char *text = harness_slurp(report, NULL);
    ck_assert_msg(strstr(text, "\"message\": \"bad date '2026-02-30'"),
                  "%s: the report does not list the error", o.cmd);
    free(text);
}
END_TEST

#define LOOP(tc, fn, rows) \
    tcase_add_loop_test(tc, fn, 0, sizeof(rows) / sizeof(rows[0]))

static Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = harness_tcase(s, "usage");

    LOOP(tc, help_goes_to_stdout_and_exits_0, help_rows);
    tcase_add_test(tc, help_lists_options_and_commands);
    tcase_add_test(tc, version_prints_name_and_version);
    LOOP(tc, usage_error_exits_2_with_try_help, usage_rows);

    tc = harness_tcase(s, "inputs");
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

    tc = harness_tcase(s, "reports");
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

    tc = harness_tcase(s, "stream");
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
    return s;
}

int main(void)
{
    return harness_run_suite(cli_suite());
}
