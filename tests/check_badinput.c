/* badinput: the built program against input that is wrong, hostile or
 * huge.  Each case checks the exit status, the message naming the
 * culprit (file, and line and column where they apply), and that the
 * good inputs beside the bad one were still read and reported, with the
 * bad one in the report's "errors". */
#include <check.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "harness.h"
#include "util/buf.h"
#include "util/err.h"

#define BAD "tests/data/badinput/"
#define GOOD1 "seeds/000_6a967550f90513e5.txt"
#define GOOD2 "seeds/001_8252a958f62ab2a8.txt"

/* Where a message points: "FILE: ", "FILE:LINE: ", "FILE:LINE:COL: ";
 * col -1 stands for any column (or none). */
static void location(char *out, size_t size, const char *file, long line,
                     long col)
{
    if (line == 0)
        snprintf(out, size, "crosscheck: %s: ", file);
    else if (col == 0)
        snprintf(out, size, "crosscheck: %s:%ld: ", file, line);
    else if (col < 0)
        snprintf(out, size, "crosscheck: %s:%ld:", file, line);
    else
        snprintf(out, size, "crosscheck: %s:%ld:%ld: ", file, line, col);
}

/* Some line of stderr begins at the location and says msg. */
static void expect_message(const struct harness_outcome *o, const char *file,
                           long line, long col, const char *msg)
{
    char where[512];
    const char *p = o->err.data;

    location(where, sizeof(where), file, line, col);
    while (p && *p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *l = strndup(p, len);
        bool ok = strncmp(l, where, strlen(where)) == 0 &&
                  strstr(l, msg) != NULL;
        free(l);
        if (ok)
            return;
        p = nl ? nl + 1 : NULL;
    }
    ck_abort_msg("%s: stderr has no line \"%s...%s\": %s", o->cmd, where,
                 msg, o->err.data);
}

static json_int_t summary_count(json_t *root, const char *key)
{
    return json_integer_value(json_object_get(json_object_get(root,
                                                              "summary"),
                                              key));
}

static void copy_file(const char *from, const char *to)
{
    size_t len;
    char *bytes = harness_slurp(from, &len);

    harness_write_bytes(to, bytes, len);
    free(bytes);
}

/* ---- what the report says ---- */

/* The JSON report at path read the good inputs: facts from want_sources
 * sources; and its errors are exactly the one naming file at line and
 * column (-1: any) and saying msg, or none when file is NULL. */
static void expect_report(const struct harness_outcome *o, const char *path,
                          json_int_t want_sources, const char *file,
                          long line, long col, const char *msg)
{
    json_t *root = harness_load_json(path, o->cmd);
    json_t *errors = json_object_get(root, "errors");

    ck_assert_msg(summary_count(root, "sources") == want_sources,
                  "%s: report has %lld sources, want %lld", o->cmd,
                  (long long)summary_count(root, "sources"),
                  (long long)want_sources);
    ck_assert_msg(summary_count(root, "facts") > 0,
                  "%s: report lists no facts of the good inputs", o->cmd);
    ck_assert_msg(json_array_size(json_object_get(root, "groups")) > 0,
                  "%s: report lists no groups of the good inputs", o->cmd);
    ck_assert_msg(json_array_size(errors) == (file ? 1u : 0u),
                  "%s: report lists %zu errors, want %d", o->cmd,
                  json_array_size(errors), file ? 1 : 0);
    if (file) {
        json_t *e = json_array_get(errors, 0);
        const char *got = json_string_value(json_object_get(e, "file"));
        const char *m = json_string_value(json_object_get(e, "message"));

        ck_assert_msg(got && strcmp(got, file) == 0,
                      "%s: error names '%s', want '%s'", o->cmd, got, file);
        ck_assert_msg(json_integer_value(json_object_get(e, "line")) ==
                      line, "%s: error at line %lld, want %ld", o->cmd,
                      (long long)json_integer_value(json_object_get(e,
                                                                    "line")),
                      line);
        ck_assert_msg(col < 0 ||
                      json_integer_value(json_object_get(e, "column")) ==
                      col, "%s: error at column %lld, want %ld", o->cmd,
                      (long long)json_integer_value(json_object_get(e,
                                                                "column")),
                      col);
        ck_assert_msg(m && strstr(m, msg), "%s: error says '%s', want "
                      "'%s'", o->cmd, m, msg);
    }
    json_decref(root);
}

/* A report file that is whole: JSON that parses, or XML that is well
 * formed and valid against report.xsd. */
static void expect_valid_xml(const char *path, const char *cmd)
{
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET |
                                XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(
        TEST_SRCDIR "/src/report/report.xsd");
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);

    ck_assert_msg(doc != NULL, "%s: %s is not well-formed XML", cmd, path);
    ck_assert_msg(xmlSchemaValidateDoc(vc, doc) == 0,
                  "%s: %s is not valid against report.xsd", cmd, path);
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pc);
    xmlFreeDoc(doc);
}

/* No temporary report file was left in dir. */
static void expect_no_temporary(const char *dir, const char *cmd)
{
    char command[256];

    snprintf(command, sizeof(command),
             "ls -a '%s' | grep -q '\\.tmp' && exit 1; exit 0", dir);
    ck_assert_msg(system(command) == 0, "%s: a temporary file is left in "
                  "%s", cmd, dir);
}

/* ---- articles that are input errors ---- */

static const struct article_row {
    const char *file;    /* under tests/data/badinput/ */
    long line, col;      /* where the message points */
    const char *msg;
} article_rows[] = {
    { "empty.txt",                 0,  0, "empty file" },
    { "whitespace-only.txt",       1,  0, "no date" },
    { "no-date.txt",               1,  0, "no date" },
    { "date-feb-30.txt",           1,  7, "bad date '2026-02-30'" },
    { "date-month-13.txt",         1,  7, "bad date '2026-13-01'" },
    { "date-trailing-garbage.txt", 1,  7, "bad date '2026-02-26x'" },
    { "date-no-day.txt",           1,  7, "bad date '2026-02'" },
    { "utf8-overlong.txt",         2, 16, "invalid UTF-8 byte '\\xc0'" },
    { "utf8-surrogate.txt",        3,  5, "invalid UTF-8 byte '\\xed'" },
    { "utf8-truncated.txt",        2,  3, "invalid UTF-8 byte '\\xe2'" },
    { "utf8-truncated-at-end.txt", 1, 29, "invalid UTF-8 byte '\\xf0'" },
    { "utf8-lone-continuation.txt", 2, 1, "invalid UTF-8 byte '\\x80'" },
    { "utf8-latin1.txt",           2,  4, "invalid UTF-8 byte '\\xe9'" },
    { "utf8-above-max.txt",        2,  3, "invalid UTF-8 byte '\\xf4'" },
    { "nul-byte.txt",              2, 10, "null byte" },
};

/* The bad article between two good ones: it is named, they are read. */
START_TEST(bad_article_is_named_and_others_reported)
{
    const struct article_row *r = &article_rows[_i];
    char path[256];
    struct harness_outcome o;

    snprintf(path, sizeof(path), BAD "%s", r->file);
    harness_run(&o, "check", GOOD1, path, GOOD2, "--json",
                harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    expect_message(&o, path, r->line, r->col, r->msg);
    expect_report(&o, harness_tmp("r.json"), 2, path, r->line, r->col, r->msg);
    ck_assert_msg(harness_stderr_lines(&o) == 1, "%s: want one line on "
                  "stderr, got: %s", o.cmd, o.err.data);
}
END_TEST

/* extract says the same and still writes the good articles' facts. */
START_TEST(extract_names_bad_article_and_goes_on)
{
    const struct article_row *r = &article_rows[_i];
    char path[256];
    struct harness_outcome o;

    snprintf(path, sizeof(path), BAD "%s", r->file);
    harness_run(&o, "extract", path, GOOD1);
    harness_expect_status(&o, 2);
    expect_message(&o, path, r->line, r->col, r->msg);
    ck_assert_msg(strstr(o.out.data, "\"source\":\"" GOOD1 "\"") != NULL,
                  "%s: no facts of " GOOD1 " on stdout", o.cmd);
    ck_assert_msg(strstr(o.out.data, path) == NULL,
                  "%s: facts of %s on stdout", o.cmd, path);
}
END_TEST

START_TEST(missing_file_is_named_and_others_reported)
{
    struct harness_outcome o;

    harness_run(&o, "check", GOOD1, "no/such/article.txt", GOOD2, "--json",
                harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    expect_message(&o, "no/such/article.txt", 0, 0,
                   "no such file or directory");
    expect_report(&o, harness_tmp("r.json"), 2, "no/such/article.txt", 0, 0,
                  "no such file or directory");
    ck_assert_msg(harness_stderr_lines(&o) == 1, "%s: want one line on "
                  "stderr, got: %s", o.cmd, o.err.data);
}
END_TEST

/* An empty operand (a shell variable that was never set) is named as
 * the shell would write it, not left out of the message. */
START_TEST(empty_operand_is_named)
{
    struct harness_outcome o;

    harness_run(&o, "check", GOOD1, "", GOOD2, "--json",
                harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    expect_message(&o, "''", 0, 0, "no such file or directory");
    expect_report(&o, harness_tmp("r.json"), 2, "''", 0, 0,
                  "no such file or directory");
    ck_assert_msg(harness_stderr_lines(&o) == 1, "%s: want one line on "
                  "stderr, got: %s", o.cmd, o.err.data);
}
END_TEST

/* A folder of two good articles and whatever the case adds. */
static const char *good_folder(void)
{
    const char *dir = harness_tmp("news");

    ck_assert_int_eq(mkdir(dir, 0777), 0);
    chmod(harness_tmp_dir(), 0777);
    chmod(dir, 0777);
    copy_file(TEST_SRCDIR "/" GOOD1, harness_tmp("news/a.txt"));
    copy_file(TEST_SRCDIR "/" GOOD2, harness_tmp("news/c.txt"));
    return dir;
}

START_TEST(bad_article_in_walk_is_named_by_its_path)
{
    const char *dir = good_folder();
    struct harness_outcome o;

    copy_file(TEST_SRCDIR "/" BAD "date-feb-30.txt",
              harness_tmp("news/b.txt"));
    ck_assert_int_eq(mkdir(harness_tmp("news/d"), 0777), 0);
    copy_file(TEST_SRCDIR "/" BAD "empty.txt", harness_tmp("news/d/e.txt"));
    harness_run(&o, "check", dir, "--json", harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    expect_message(&o, harness_tmp("news/b.txt"), 1, 7, "bad date");
    expect_message(&o, harness_tmp("news/d/e.txt"), 0, 0, "empty file");
    /* both listed, in path order */
    json_t *root = harness_load_json(harness_tmp("r.json"), o.cmd);
    json_t *errors = json_object_get(root, "errors");
    ck_assert_uint_eq(json_array_size(errors), 2);
    ck_assert_str_eq(json_string_value(json_object_get(
        json_array_get(errors, 0), "file")), harness_tmp("news/b.txt"));
    ck_assert_str_eq(json_string_value(json_object_get(
        json_array_get(errors, 1), "file")), harness_tmp("news/d/e.txt"));
    ck_assert_int_eq(summary_count(root, "sources"), 2);
    json_decref(root);
}
END_TEST

START_TEST(dangling_symlink_in_walk_is_named)
{
    const char *dir = good_folder();
    struct harness_outcome o;

    ck_assert_int_eq(symlink("nowhere.txt", harness_tmp("news/b.txt")), 0);
    harness_run(&o, "check", dir, "--json", harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    expect_message(&o, harness_tmp("news/b.txt"), 0, 0,
                   "no such file or directory");
    expect_report(&o, harness_tmp("r.json"), 2, harness_tmp("news/b.txt"),
                  0, 0, "no such file or directory");
}
END_TEST

/* Root reads whatever the permissions say: these cases run the program
 * as nobody, and say so when even that cannot be done. */
static bool run_unprivileged(struct harness_outcome *o,
                             const char *const *args)
{
    if (harness_run_argv(o, &(struct harness_opts){ .unprivileged = true },
                         args))
        return true;
    fprintf(stderr, "%s: not run: cannot drop root's rights\n", o->cmd);
    return false;
}

START_TEST(unreadable_folder_is_named_and_others_reported)
{
    const char *dir = good_folder();
    struct harness_outcome o;

    ck_assert_int_eq(mkdir(harness_tmp("news/locked"), 0777), 0);
    harness_write_file(harness_tmp("news/locked/x.txt"),
                       " date 2026-02-26 5 drones\n");
    ck_assert_int_eq(chmod(harness_tmp("news/locked"), 0), 0);
    if (!run_unprivileged(&o, HARNESS_ARGS("check", dir, "--json",
                                           harness_tmp("r.json"))))
        return;
    harness_expect_status(&o, 2);
    expect_message(&o, harness_tmp("news/locked"), 0, 0,
                   "permission denied");
    expect_report(&o, harness_tmp("r.json"), 2, harness_tmp("news/locked"),
                  0, 0, "cannot read directory: permission denied");
}
END_TEST

START_TEST(unreadable_article_is_named_and_others_reported)
{
    const char *dir = good_folder();
    struct harness_outcome o;

    harness_write_file(harness_tmp("news/b.txt"),
                       " date 2026-02-26 5 drones\n");
    ck_assert_int_eq(chmod(harness_tmp("news/b.txt"), 0), 0);
    if (!run_unprivileged(&o, HARNESS_ARGS("check", dir, "--json",
                                           harness_tmp("r.json"))))
        return;
    harness_expect_status(&o, 2);
    expect_message(&o, harness_tmp("news/b.txt"), 0, 0, "permission denied");
    expect_report(&o, harness_tmp("r.json"), 2, harness_tmp("news/b.txt"),
                  0, 0, "permission denied");
}
END_TEST

/* ---- inputs that are fine, however odd ---- */

START_TEST(bom_and_crlf_are_fine)
{
    struct harness_outcome o;

    harness_run(&o, "extract", BAD "bom-crlf.txt");
    harness_expect_status(&o, 0);
    ck_assert_msg(o.err.len == 0, "%s: stderr: %s", o.cmd, o.err.data);
    /* "420 drones" starts at byte 52 of the file, BOM and CRs counted */
    ck_assert_msg(strstr(o.out.data, "\"offset\":52,") &&
                  strstr(o.out.data, "\"outlet\":\"Wire\"") &&
                  strstr(o.out.data, "\"text\":\"420 drones\""),
                  "%s: no fact '420 drones' at 52 from Wire: %s", o.cmd,
                  o.out.data);
}
END_TEST

START_TEST(date_without_body_is_fine)
{
    struct harness_outcome o;

    harness_run(&o, "check", GOOD1, BAD "date-only.txt", GOOD2, "--json",
                harness_tmp("r.json"));
    harness_expect_success(&o);
    expect_report(&o, harness_tmp("r.json"), 2, NULL, 0, 0, NULL);
    ck_assert_msg(o.err.data[0] == '\0', "%s: a good article gives "
                  "no message, got: %s", o.cmd, o.err.data);
}
END_TEST

START_TEST(symlink_loop_in_walk_is_fine)
{
    const char *dir = good_folder();
    struct harness_outcome o;

    ck_assert_int_eq(symlink("..", harness_tmp("news/up")), 0);
    ck_assert_int_eq(symlink(".", harness_tmp("news/self")), 0);
    ck_assert_int_eq(mkdir(harness_tmp("news/sub"), 0777), 0);
    ck_assert_int_eq(symlink(dir, harness_tmp("news/sub/back")), 0);
    harness_run(&o, "check", dir, "--json", harness_tmp("r.json"));
    harness_expect_success(&o);
    expect_report(&o, harness_tmp("r.json"), 2, NULL, 0, 0, NULL);
}
END_TEST

/* Four megabytes on one line: the seeds' sentences, line breaks gone. */
START_TEST(huge_line_is_read)
{
    struct buf seed = BUF_INIT, big = BUF_INIT;
    struct err e = ERR_INIT;
    struct harness_outcome o;

    ck_assert_int_eq(buf_read_file(&seed, TEST_SRCDIR "/" GOOD2, &e), 0);
    for (size_t i = 0; i < seed.len; i++)
        if (seed.data[i] == '\n')
            seed.data[i] = ' ';
    buf_puts(&big, " date 2026-02-26 ");
    while (big.len < (4u << 20))
        buf_append(&big, seed.data + 17, seed.len - 17);
    buf_putc(&big, '\n');
    harness_write_bytes(harness_tmp("huge.txt"), big.data, big.len);
    buf_release(&seed);
    buf_release(&big);
    harness_run(&o, "check", GOOD1, harness_tmp("huge.txt"), "--json",
                harness_tmp("r.json"));
    harness_expect_success(&o);
    expect_report(&o, harness_tmp("r.json"), 2, NULL, 0, 0, NULL);
}
END_TEST

/* ---- hostile bytes never reach a report unrepaired ---- */

/* A file name that is not UTF-8 (Latin-1 "é") and a source header full
 * of control characters: both reports stay well formed. */
START_TEST(hostile_names_give_well_formed_reports)
{
    const char *dir = good_folder();
    struct buf b = BUF_INIT;
    struct err e = ERR_INIT;
    struct harness_outcome o;

    rename(harness_tmp("news/c.txt"), harness_tmp("news/caf\xe9.txt"));
    ck_assert_int_eq(buf_read_file(&b, TEST_SRCDIR "/" GOOD1, &e), 0);
    /* the date alone on its line, then a source: header */
    b.data[16] = '\n';
    struct buf art = BUF_INIT;
    buf_append(&art, b.data, 17);
    buf_puts(&art, "source: evil\x01\x1b[31m\xc2\x85\x7f outlet\n\n");
    buf_append(&art, b.data + 17, b.len - 17);
    harness_write_bytes(harness_tmp("news/evil.txt"), art.data, art.len);
    harness_write_file(harness_tmp("news/\xff\xfe.txt"), "no date\n");
    buf_release(&b);
    buf_release(&art);
    harness_run(&o, "check", dir, "--json", harness_tmp("r.json"), "--xml",
                harness_tmp("r.xml"));
    harness_expect_status(&o, 2);
    json_t *root = harness_load_json(harness_tmp("r.json"), o.cmd);
    ck_assert_int_eq(summary_count(root, "sources"), 3);
    json_decref(root);
    struct buf j = BUF_INIT;
    ck_assert_int_eq(buf_read_file(&j, harness_tmp("r.json"), &e), 0);
    ck_assert_msg(strstr(j.data, "caf\xef\xbf\xbd.txt") != NULL,
                  "%s: no repaired file name in the report", o.cmd);
    ck_assert_msg(strstr(j.data, "\"evil  [31m   outlet\"") != NULL,
                  "%s: no repaired outlet in the report", o.cmd);
    ck_assert_msg(strstr(j.data, "\xef\xbf\xbd\xef\xbf\xbd.txt") != NULL,
                  "%s: no repaired name in the errors", o.cmd);
    buf_release(&j);
    expect_valid_xml(harness_tmp("r.xml"), o.cmd);
}
END_TEST

/* extract writes a name that is not UTF-8 repaired, so that compare
 * reads every fact and the pair gives check's report. */
START_TEST(non_utf8_name_survives_extract_then_compare)
{
    const char *dir = good_folder();
    struct harness_outcome o;

    rename(harness_tmp("news/c.txt"), harness_tmp("news/caf\xe9.txt"));
    harness_run(&o, "check", dir, "--json", harness_tmp("check.json"));
    harness_expect_success(&o);
    int want = o.status;
    harness_run(&o, "extract", dir);
    harness_expect_status(&o, 0);
    harness_write_bytes(harness_tmp("facts.jsonl"), o.out.data, o.out.len);
    harness_run_io(&o, harness_tmp("facts.jsonl"), NULL, "compare", "--json",
                   harness_tmp("compare.json"));
    harness_expect_status(&o, want);
    ck_assert_msg(o.err.len == 0, "%s: stderr: %s", o.cmd, o.err.data);
    char command[512];
    snprintf(command, sizeof(command), "cmp -s '%s' '%s'",
             harness_tmp("check.json"), harness_tmp("compare.json"));
    ck_assert_msg(system(command) == 0, "extract | compare differs from "
                  "check for a non-UTF-8 file name");
}
END_TEST

/* ---- compare: fact lines that are input errors ---- */

static const struct facts_row {
    const char *file;    /* under tests/data/badinput/ */
    long line;           /* of the bad fact */
    const char *msg;
} facts_rows[] = {
    { "facts-not-json.jsonl",          2, "not a JSON " },
    { "facts-truncated.jsonl",         3, "not a JSON " },
    { "facts-not-object.jsonl",        2, "not a JSON object" },
    { "facts-wrong-type.jsonl",        2, "'offset' must be a whole number" },
    { "facts-negative-offset.jsonl",   2, "'offset' must be a whole number" },
    { "facts-value-not-number.jsonl",  2, "'value' must be a number or null" },
    { "facts-infinite.jsonl",          2, "real number overflow" },
    { "facts-missing-key.jsonl",       2, "'unit' must be a string" },
    { "facts-unknown-qualifier.jsonl", 2,
      "unknown qualifier 'approximately'" },
    { "facts-unknown-kind.jsonl",      2, "unknown kind 'happening'" },
    { "facts-date-order.jsonl",        2, "date_to is before date_from" },
    { "facts-bad-date.jsonl",          2,
      "'date_to' must be a date YYYY-MM-DD" },
    { "facts-duplicate-key.jsonl",     2, "duplicate object key" },
    { "facts-invalid-utf8.jsonl",      2, "unable to decode byte 0xff" },
    { "facts-nul.jsonl",               2, "control character 0x0" },
};

/* Each file holds two facts that agree and one bad line. */
START_TEST(bad_fact_line_is_named_and_others_compared)
{
    const struct facts_row *r = &facts_rows[_i];
    char path[256];
    struct harness_outcome o;

    snprintf(path, sizeof(path), BAD "%s", r->file);
    harness_run(&o, "compare", path, "--json", harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    expect_message(&o, path, r->line, -1, r->msg);
    expect_report(&o, harness_tmp("r.json"), 2, path, r->line, -1, r->msg);
    json_t *root = harness_load_json(harness_tmp("r.json"), o.cmd);
    ck_assert_int_eq(summary_count(root, "facts"), 2);
    ck_assert_int_eq(summary_count(root, "agree"), 1);
    json_decref(root);
}
END_TEST

/* On stdin the file is called <stdin>. */
START_TEST(bad_fact_line_on_stdin_is_named)
{
    struct harness_outcome o;

    harness_run_io(&o, TEST_SRCDIR "/" BAD "facts-date-order.jsonl", NULL,
                   "compare", "--json", harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    expect_message(&o, "<stdin>", 2, 0, "date_to is before date_from");
    expect_report(&o, harness_tmp("r.json"), 2, "<stdin>", 2, 0,
                  "date_to is before date_from");
    ck_assert_msg(harness_stderr_lines(&o) == 1, "%s: want one line on "
                  "stderr, got: %s", o.cmd, o.err.data);
}
END_TEST

/* A four-megabyte line that is no fact, among good ones. */
START_TEST(huge_fact_line_is_named)
{
    struct buf b = BUF_INIT;
    struct err e = ERR_INIT;
    struct harness_outcome o;

    ck_assert_int_eq(buf_read_file(&b, TEST_SRCDIR "/" BAD
                                   "facts-not-json.jsonl", &e), 0);
    const char *nl = strchr(b.data, '\n');
    struct buf big = BUF_INIT;
    buf_append(&big, b.data, (size_t)(nl - b.data) + 1);
    buf_puts(&big, "{\"text\":\"");
    while (big.len < (4u << 20))
        buf_puts(&big, "420 drones ");
    buf_puts(&big, "\"}\n");
    buf_puts(&big, strchr(nl + 1, '\n') + 1);
    harness_write_bytes(harness_tmp("big.jsonl"), big.data, big.len);
    buf_release(&b);
    buf_release(&big);
    harness_run(&o, "compare", harness_tmp("big.jsonl"), "--json",
                harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    expect_message(&o, harness_tmp("big.jsonl"), 2, 0,
                   "'source' must be a string");
    expect_report(&o, harness_tmp("r.json"), 2, harness_tmp("big.jsonl"), 2, 0,
                  "'source' must be a string");
}
END_TEST

START_TEST(missing_facts_file_is_named_and_others_compared)
{
    struct harness_outcome o;

    harness_run(&o, "compare", "no/such/facts.jsonl",
                BAD "facts-date-order.jsonl", "--json", harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    expect_message(&o, "no/such/facts.jsonl", 0, 0,
                   "no such file or directory");
    json_t *root = harness_load_json(harness_tmp("r.json"), o.cmd);
    ck_assert_uint_eq(json_array_size(json_object_get(root, "errors")), 2);
    ck_assert_int_eq(summary_count(root, "agree"), 1);
    json_decref(root);
}
END_TEST

/* ---- baselines that are not reports ---- */

static const struct baseline_row {
    const char *file;    /* under tests/data/badinput/ */
    long line;           /* where the message points */
    const char *msg;
} baseline_rows[] = {
    { "baseline-not-json.json",         3, "baseline is not JSON" },
    { "baseline-empty.json",            1, "baseline is not JSON" },
    { "baseline-array.json",            0, "no \"groups\" array" },
    { "baseline-no-groups.json",        0, "no \"groups\" array" },
    { "baseline-groups-not-array.json", 0, "no \"groups\" array" },
    { "baseline-no-id.json",            0, "group 1 has no string \"id\"" },
    { "baseline-bad-id.json",           0,
      "group 1 has a bad id 'not-an-id'" },
    { "baseline-bad-dates.json",        0,
      "has no valid date_from and date_to" },
    { "no/such/baseline.json",          0, "no such file or directory" },
};

/* The baseline is named, the articles still compared and reported. */
START_TEST(bad_baseline_is_named_and_report_written)
{
    const struct baseline_row *r = &baseline_rows[_i];
    char path[256];
    struct harness_outcome o;

    snprintf(path, sizeof(path), "%s%s",
             strchr(r->file, '/') ? "" : BAD, r->file);
    harness_run(&o, "check", GOOD1, GOOD2, "--baseline", path, "--json",
                harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    expect_message(&o, path, r->line, -1, r->msg);
    expect_report(&o, harness_tmp("r.json"), 2, path, r->line, -1, r->msg);
    ck_assert_msg(harness_stderr_lines(&o) == 1, "%s: want one line on "
                  "stderr, got: %s", o.cmd, o.err.data);
}
END_TEST

/* ---- reports that cannot be written ---- */

/* The JSON report cannot be written; the XML one still is, whole. */
static void expect_json_not_written(struct harness_outcome *o,
                                    const char *json, const char *why)
{
    harness_run(o, "check", GOOD1, GOOD2, "--json", json, "--xml",
                harness_tmp("r.xml"));
    harness_expect_status(o, 2);
    expect_message(o, json, 0, 0, why);
    expect_valid_xml(harness_tmp("r.xml"), o->cmd);
    expect_no_temporary(harness_tmp_dir(), o->cmd);
}

START_TEST(report_in_missing_folder_exits_2)
{
    struct harness_outcome o;

    expect_json_not_written(&o, harness_tmp("no/such/r.json"),
                            "cannot write report: no such file or directory");
    ck_assert_msg(harness_stderr_lines(&o) == 1, "%s: want one line on "
                  "stderr, got: %s", o.cmd, o.err.data);
}
END_TEST

START_TEST(report_onto_folder_exits_2)
{
    struct harness_outcome o;

    ck_assert_int_eq(mkdir(harness_tmp("r.json"), 0777), 0);
    expect_json_not_written(&o, harness_tmp("r.json"),
                            "cannot write report: is a directory");
    ck_assert_msg(harness_stderr_lines(&o) == 1, "%s: want one line on "
                  "stderr, got: %s", o.cmd, o.err.data);
}
END_TEST

START_TEST(report_onto_full_device_exits_2)
{
    struct harness_outcome o;

    expect_json_not_written(&o, "/dev/full",
                            "cannot write report: no space left on device");
    ck_assert_msg(harness_stderr_lines(&o) == 1, "%s: want one line on "
                  "stderr, got: %s", o.cmd, o.err.data);
}
END_TEST

START_TEST(xml_report_onto_full_device_exits_2)
{
    struct harness_outcome o;

    harness_run(&o, "check", GOOD1, GOOD2, "--xml", "/dev/full", "--json",
                harness_tmp("r.json"));
    harness_expect_status(&o, 2);
    expect_message(&o, "/dev/full", 0, 0, "no space left on device");
    expect_report(&o, harness_tmp("r.json"), 2, NULL, 0, 0, NULL);
    ck_assert_msg(harness_stderr_lines(&o) == 1, "%s: want one line on "
                  "stderr, got: %s", o.cmd, o.err.data);
}
END_TEST

START_TEST(summary_onto_full_device_exits_2)
{
    struct harness_outcome o;

    harness_run_io(&o, NULL, "/dev/full", "check", GOOD1, GOOD2);
    harness_expect_status(&o, 2);
    expect_message(&o, "standard output", 0, 0, "no space left on device");
    ck_assert_msg(harness_stderr_lines(&o) == 1, "%s: want one line on "
                  "stderr, got: %s", o.cmd, o.err.data);
}
END_TEST

/* A read-only folder keeps the report it had, whole. */
START_TEST(report_in_read_only_folder_keeps_old_one)
{
    struct harness_outcome o;

    ck_assert_int_eq(mkdir(harness_tmp("ro"), 0777), 0);
    harness_write_file(harness_tmp("ro/r.json"), "old\n");
    ck_assert_int_eq(chmod(harness_tmp("ro"), 0555), 0);
    chmod(harness_tmp_dir(), 0777);
    if (!run_unprivileged(&o, HARNESS_ARGS("check", GOOD1, GOOD2, "--json",
                                           harness_tmp("ro/r.json"))))
        return;
    harness_expect_status(&o, 2);
    expect_message(&o, harness_tmp("ro/r.json"), 0, 0,
                   "cannot write report: permission denied");
    struct buf b = BUF_INIT;
    struct err e = ERR_INIT;
    ck_assert_int_eq(buf_read_file(&b, harness_tmp("ro/r.json"), &e), 0);
    ck_assert_str_eq(b.data, "old\n");
    buf_release(&b);
}
END_TEST

/* ---- usage errors ---- */

/* "@R" stands for a report path in the scratch directory, which must
 * not be written. */
static const struct usage_row {
    const char *args[7];
    const char *msg;
} usage_rows[] = {
    { { "check", "--json", "@R", "--bogus", GOOD1 },
      "unrecognized option '--bogus'" },
    { { "check", "--json", "@R", "-x", GOOD1 }, "invalid option '-x'" },
    { { "check", GOOD1, "--json" }, "option '--json' needs an argument" },
    { { "check", GOOD1, "--json", "@R", "--baseline" },
      "option '--baseline' needs an argument" },
    { { "check", "--json", "@R", "--window", "-1", GOOD1 },
      "invalid --window '-1'" },
    { { "check", "--json", "@R", "--window", "week", GOOD1 },
      "invalid --window 'week'" },
    { { "check", "--json", "@R", "--window", "36501", GOOD1 },
      "invalid --window '36501'" },
    { { "check", "--json", "@R", "--window", "", GOOD1 },
      "invalid --window ''" },
    { { "check", "--json", "@R", "--tolerance", "101", GOOD1 },
      "invalid --tolerance '101'" },
    { { "check", "--json", "@R", "--tolerance", "nan", GOOD1 },
      "invalid --tolerance 'nan'" },
    { { "check", "--json", "@R", "--tolerance", "5%", GOOD1 },
      "invalid --tolerance '5%'" },
    { { "compare", "--json", "@R", "--nearly", "-0.5" },
      "invalid --nearly '-0.5'" },
    { { "compare", "--json", "@R", "--nearly", "inf" },
      "invalid --nearly 'inf'" },
    { { "check", "--json", "@R" }, "missing PATH" },
    { { "extract", "--window", "3", GOOD1 },
      "unrecognized option '--window'" },
    { { "compare", "--json", "@R", "--topics", "x.lex" },
      "unrecognized option '--topics'" },
};

START_TEST(usage_error_exits_2_and_writes_nothing)
{
    const struct usage_row *r = &usage_rows[_i];
    const char *args[8];
    size_t n = 0;
    struct harness_outcome o;

    for (; n < 7 && r->args[n]; n++)
        args[n] = strcmp(r->args[n], "@R") ? r->args[n]
                                           : harness_tmp("r.json");
    args[n] = NULL;
    harness_run_argv(&o, NULL, args);
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, r->msg);
    harness_expect_stderr_has(&o, "Try 'crosscheck --help'.");
    ck_assert_msg(o.out.len == 0, "%s: stdout: %s", o.cmd, o.out.data);
    ck_assert_msg(!harness_exists(harness_tmp("r.json")), "%s: wrote a report",
                  o.cmd);
}
END_TEST

/* ---- what the fuzzers found ---- */

/* Each input once stopped fuzz/fuzz_article: it must now be read
 * cleanly, say what it states, and its fact lines must read back in
 * compare.  Under the sanitizers a bad read prints its report on
 * stderr, which must stay empty. */
static const struct fuzz_row {
    const char *file;    /* under tests/data/fuzz/ */
    const char *fact;    /* the text of a fact it states */
} fuzz_rows[] = {
    /* may_start_number read past the last token, an "and" */
    { "and-at-end.txt", "5 drones" },
    /* a span from a "since" after the publication day ended before it
     * began, and compare rejected the fact */
    { "since-after-publication.txt", "four years" },
    { "since-future-year.txt", "Thousands of people" },
};

START_TEST(fuzz_finding_is_read_cleanly)
{
    const struct fuzz_row *r = &fuzz_rows[_i];
    char path[256], want[128];
    struct harness_outcome o;

    snprintf(path, sizeof(path), "tests/data/fuzz/%s", r->file);
    snprintf(want, sizeof(want), "\"text\":\"%s\"", r->fact);
    harness_run(&o, "extract", path);
    harness_expect_status(&o, 0);
    ck_assert_msg(o.err.len == 0, "%s: stderr: %s", o.cmd, o.err.data);
    ck_assert_msg(strstr(o.out.data, want) != NULL, "%s: no fact '%s': %s",
                  o.cmd, r->fact, o.out.data);
    harness_write_bytes(harness_tmp("facts.jsonl"), o.out.data, o.out.len);
    harness_run(&o, "compare", harness_tmp("facts.jsonl"), "--json",
                harness_tmp("r.json"));
    harness_expect_success(&o);
    ck_assert_msg(o.err.len == 0, "%s (facts of %s): stderr: %s", o.cmd,
                  path, o.err.data);
}
END_TEST

/* ---- the suite ---- */

#define LOOP(tc, fn, rows) \
    tcase_add_loop_test(tc, fn, 0, sizeof(rows) / sizeof(rows[0]))

static Suite *badinput_suite(void)
{
    Suite *s = suite_create("badinput");
    TCase *tc;

    tc = harness_tcase(s, "articles");
    tcase_set_timeout(tc, 60);
    LOOP(tc, bad_article_is_named_and_others_reported, article_rows);
    LOOP(tc, extract_names_bad_article_and_goes_on, article_rows);
    tcase_add_test(tc, missing_file_is_named_and_others_reported);
    tcase_add_test(tc, empty_operand_is_named);
    tcase_add_test(tc, bad_article_in_walk_is_named_by_its_path);
    tcase_add_test(tc, dangling_symlink_in_walk_is_named);
    tcase_add_test(tc, unreadable_folder_is_named_and_others_reported);
    tcase_add_test(tc, unreadable_article_is_named_and_others_reported);
    tcase_add_test(tc, bom_and_crlf_are_fine);
    tcase_add_test(tc, date_without_body_is_fine);
    tcase_add_test(tc, symlink_loop_in_walk_is_fine);
    tcase_add_test(tc, huge_line_is_read);
    tcase_add_test(tc, hostile_names_give_well_formed_reports);
    tcase_add_test(tc, non_utf8_name_survives_extract_then_compare);

    tc = harness_tcase(s, "facts");
    tcase_set_timeout(tc, 60);
    LOOP(tc, bad_fact_line_is_named_and_others_compared, facts_rows);
    tcase_add_test(tc, bad_fact_line_on_stdin_is_named);
    tcase_add_test(tc, huge_fact_line_is_named);
    tcase_add_test(tc, missing_facts_file_is_named_and_others_compared);
    LOOP(tc, bad_baseline_is_named_and_report_written, baseline_rows);

    tc = harness_tcase(s, "outputs");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, report_in_missing_folder_exits_2);
    tcase_add_test(tc, report_onto_folder_exits_2);
    tcase_add_test(tc, report_onto_full_device_exits_2);
    tcase_add_test(tc, xml_report_onto_full_device_exits_2);
    tcase_add_test(tc, summary_onto_full_device_exits_2);
    tcase_add_test(tc, report_in_read_only_folder_keeps_old_one);
    LOOP(tc, usage_error_exits_2_and_writes_nothing, usage_rows);

    tc = harness_tcase(s, "fuzz");
    tcase_set_timeout(tc, 60);
    LOOP(tc, fuzz_finding_is_read_cleanly, fuzz_rows);
    return s;
}

int main(void)
{
    return harness_run_suite(badinput_suite());
}
