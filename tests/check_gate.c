/* gate: crosscheck as a nightly job and a CI step sees it: baselines and
 * exit statuses, the SARIF and JUnit reports, and the committed baseline
 * the project gates its own seeds with.  Runs the built program in the
 * source tree, as a user would. */
#include "config.h"

#include <check.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "util/buf.h"

#define GATE "tests/data/gate/"
#define FRONT_LINE "front line length"
#define DRONES "drones launched"

/* This run's own report of the seeds, as a baseline that knows their
 * conflicts whatever the extractor finds today. */
static const char *own_baseline(void)
{
    const char *path = harness_tmp("own.json");
    struct harness_outcome o;

    harness_run(&o, "check", "seeds", "--json", path);
    harness_expect_success(&o);
    return path;
}

/* The group of the report with this topic; fails when there is none. */
static json_t *group_of(json_t *report, const char *key, const char *topic)
{
    json_t *groups = json_object_get(report, key);

    for (size_t i = 0; i < json_array_size(groups); i++) {
        json_t *g = json_array_get(groups, i);
        const char *t = json_string_value(json_object_get(g, "topic"));

        if (t && strcmp(t, topic) == 0)
            return g;
    }
    ck_abort_msg("no group '%s' in \"%s\"", topic, key);
    return NULL;
}

static const char *str_of(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));

    ck_assert_msg(s != NULL, "no string \"%s\"", key);
    return s;
}

static void expect_group(json_t *report, const char *topic, bool is_new,
                         const char *state)
{
    json_t *g = group_of(report, "groups", topic);

    ck_assert_str_eq(str_of(g, "verdict"), "conflict");
    ck_assert_msg(json_is_boolean(json_object_get(g, "new")) &&
                  json_is_true(json_object_get(g, "new")) == is_new,
                  "%s: new is not %s", topic, is_new ? "true" : "false");
    if (state)
        ck_assert_msg(strcmp(str_of(g, "baseline"), state) == 0,
                      "%s: baseline '%s', want '%s'", topic,
                      str_of(g, "baseline"), state);
}

static json_int_t summary_of(json_t *report, const char *key)
{
    return json_integer_value(json_object_get(
        json_object_get(report, "summary"), key));
}

/* ---- the Done-when runs: exit statuses and the JSON report ---- */

START_TEST(seeds_without_baseline_exit_1_on_the_front_line)
{
    const char *json = harness_tmp("r.json");
    json_t *r;
    struct harness_outcome o;

    harness_run(&o, "check", "seeds", "--json", json);
    harness_expect_status(&o, 1);
    r = harness_load_json(json, NULL);
    expect_group(r, FRONT_LINE, true, NULL);
    ck_assert_ptr_null(json_object_get(r, "absent"));
    json_decref(r);
}
END_TEST

START_TEST(seeds_against_their_own_report_exit_0)
{
    const char *base = own_baseline(), *json = harness_tmp("r.json");
    json_t *r, *groups;
    struct harness_outcome o;

    harness_run(&o, "check", "seeds", "--baseline", base, "--json", json);
    harness_expect_status(&o, 0);
    r = harness_load_json(json, NULL);
    expect_group(r, FRONT_LINE, false, "unchanged");
    groups = json_object_get(r, "groups");
    for (size_t i = 0; i < json_array_size(groups); i++)
        ck_assert_msg(json_is_false(json_object_get(
                          json_array_get(groups, i), "new")),
                      "group %zu is new against its own report", i);
    ck_assert_uint_eq(json_array_size(json_object_get(r, "absent")), 0);
    ck_assert_int_eq(summary_of(r, "new"), 0);
    json_decref(r);
}
END_TEST

/* The project gates itself as its users will: if this fails, a change
 * made a conflict of the seeds new.  Review it; 'make baseline' accepts
 * it. */
START_TEST(seeds_pass_the_committed_baseline)
{
    struct harness_outcome o;

    harness_run(&o, "check", "seeds", "--baseline", "reports/baseline.json");
    ck_assert_msg(o.status == 0, "%s: exit status %d, want 0 (a conflict "
                  "is new: review it, then make baseline); stderr: %s",
                  o.cmd, o.status, o.err.data);
}
END_TEST

START_TEST(differing_count_makes_an_agreeing_group_new)
{
    const char *base = own_baseline(), *json = harness_tmp("r.json");
    json_t *r, *drones;
    struct harness_outcome o;

    harness_run(&o, "check", "seeds", GATE "drones-510.txt",
                "--baseline", base, "--json", json);
    harness_expect_status(&o, 1);
    r = harness_load_json(json, NULL);
    expect_group(r, DRONES, true, "new");
    expect_group(r, FRONT_LINE, false, "unchanged");
    drones = json_object_get(group_of(r, "groups", DRONES), "facts");
    ck_assert_str_eq(str_of(json_array_get(drones,
                                           json_array_size(drones) - 1),
                            "text"), "510 drones");
    ck_assert_int_eq(summary_of(r, "new"), 1);
    json_decref(r);
}
END_TEST

START_TEST(agreeing_article_leaves_a_known_conflict_unchanged)
{
    const char *base = own_baseline(), *json = harness_tmp("r.json");
    json_t *r;
    struct harness_outcome o;

    harness_run(&o, "check", "seeds", GATE "front-line-1200.txt",
                "--baseline", base, "--json", json);
    harness_expect_status(&o, 0);
    r = harness_load_json(json, NULL);
    expect_group(r, FRONT_LINE, false, "unchanged");
    ck_assert_int_eq(json_integer_value(json_object_get(
        group_of(r, "groups", FRONT_LINE), "outlets")), 3);
    json_decref(r);
}
END_TEST

START_TEST(new_value_in_a_known_conflict_is_updated)
{
    const char *base = own_baseline(), *json = harness_tmp("r.json");
    json_t *r;
    struct harness_outcome o;

    harness_run(&o, "check", "seeds", GATE "front-line-1300.txt",
                "--baseline", base, "--json", json);
    harness_expect_status(&o, 1);
    r = harness_load_json(json, NULL);
    expect_group(r, FRONT_LINE, true, "updated");
    ck_assert_int_eq(summary_of(r, "new"), 1);
    json_decref(r);
}
END_TEST

START_TEST(conflict_gone_from_the_inputs_is_absent)
{
    const char *base = own_baseline(), *json = harness_tmp("r.json");
    json_t *r, *gone;
    struct harness_outcome o;

    /* without 004, the front line has one outlet: no group, no conflict */
    harness_run(&o, "check", "seeds/000_6a967550f90513e5.txt",
                "seeds/001_8252a958f62ab2a8.txt", "--baseline", base,
                "--json", json);
    harness_expect_status(&o, 0);
    r = harness_load_json(json, NULL);
    gone = group_of(r, "absent", FRONT_LINE);
    ck_assert_str_eq(str_of(gone, "baseline"), "absent");
    json_decref(r);
}
END_TEST

/* ---- a baseline that cannot be used is an input error ---- */

enum bad_kind { BAD_TRUNCATED, BAD_EMPTY, BAD_MISSING, BAD_NOT_REPORT };

static const char *bad_baseline(enum bad_kind kind)
{
    const char *path = harness_tmp("bad.json");
    size_t len;
    char *text;

    switch (kind) {
    case BAD_TRUNCATED:
        text = harness_slurp(own_baseline(), &len);
        harness_write_bytes(path, text, len / 2);
        free(text);
        break;
    case BAD_EMPTY:
        harness_write_file(path, "");
        break;
    case BAD_MISSING:
        return harness_tmp("no-such-baseline.json");
    case BAD_NOT_REPORT:
        harness_write_file(path, "{\"conflicts\": []}\n");
        break;
    }
    return path;
}

START_TEST(unusable_baseline_exits_2_and_the_reports_say_why)
{
    const char *base = bad_baseline((enum bad_kind)_i);
    const char *json = harness_tmp("r.json"), *sarif = harness_tmp("r.sarif"),
               *junit = harness_tmp("r.junit.xml");
    struct harness_outcome o;
    json_t *r, *inv;
    char *xml;

    harness_run(&o, "check", "seeds", "--baseline", base, "--json", json,
                "--sarif", sarif, "--junit", junit);
    harness_expect_status(&o, 2);
    harness_expect_stderr_has(&o, base);
    r = harness_load_json(json, NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(r, "errors")), 1);
    json_decref(r);
    r = harness_load_json(sarif, NULL);
    inv = json_array_get(json_object_get(json_array_get(
        json_object_get(r, "runs"), 0), "invocations"), 0);
    ck_assert(json_is_false(json_object_get(inv, "executionSuccessful")));
    ck_assert_uint_eq(json_array_size(json_object_get(
        inv, "toolExecutionNotifications")), 1);
    json_decref(r);
    xml = harness_slurp(junit, NULL);
    ck_assert_msg(strstr(xml, "errors=\"1\"") && strstr(xml, "<error "),
                  "%s: the baseline error is not a JUnit error", junit);
    free(xml);
}
END_TEST

/* ---- SARIF ---- */

/* The byte offset of 1-based line and code-point column in text. */
static size_t offset_of(const char *text, size_t len, long line, long col)
{
    size_t i = 0;

    for (long l = 1; l < line; l++) {
        const char *nl = memchr(text + i, '\n', len - i);

        ck_assert_msg(nl != NULL, "line %ld past the end", line);
        i = (size_t)(nl - text) + 1;
    }
    for (long c = 1; c < col; c++) {
        ck_assert_msg(i < len, "column %ld past the end", col);
        i++;
        while (i < len && ((unsigned char)text[i] & 0xc0) == 0x80)
            i++;
    }
    return i;
}

static json_int_t int_of(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);

    ck_assert_msg(json_is_integer(v), "no integer \"%s\"", key);
    return json_integer_value(v);
}

/* A location names a file holding its snippet at byteOffset, and its
 * line and column lead to the same byte.  Returns the byte column. */
static long check_location(json_t *loc)
{
    json_t *phys = json_object_get(loc, "physicalLocation");
    json_t *reg = json_object_get(phys, "region");
    const char *uri = str_of(json_object_get(phys, "artifactLocation"),
                             "uri");
    const char *snippet = str_of(json_object_get(reg, "snippet"), "text");
    size_t off = (size_t)int_of(reg, "byteOffset"), len;
    char path[512], *text;

    ck_assert_msg(uri[0] != '/' && !strstr(uri, ":"),
                  "%s: not a path relative to the tree", uri);
    ck_assert_int_eq(int_of(reg, "byteLength"), (json_int_t)strlen(snippet));
    snprintf(path, sizeof(path), "%s/%s", TEST_SRCDIR, uri);
    text = harness_slurp(path, &len);
    ck_assert_msg(off + strlen(snippet) <= len &&
                  memcmp(text + off, snippet, strlen(snippet)) == 0,
                  "%s: '%s' is not at byte %zu", uri, snippet, off);
    ck_assert_uint_eq(offset_of(text, len, (long)int_of(reg, "startLine"),
                                (long)int_of(reg, "startColumn")), off);
    ck_assert_uint_eq(offset_of(text, len, (long)int_of(reg, "endLine"),
                                (long)int_of(reg, "endColumn")),
                      off + strlen(snippet));
    size_t start = off;
    while (start > 0 && text[start - 1] != '\n')
        start--;
    free(text);
    return (long)(off - start) + 1;
}

/* The result whose fingerprint is the id of the report's group. */
static json_t *result_of(json_t *sarif, json_t *group)
{
    const char *id = str_of(group, "id");
    json_t *results = json_object_get(json_array_get(
        json_object_get(sarif, "runs"), 0), "results");

    for (size_t i = 0; i < json_array_size(results); i++) {
        json_t *res = json_array_get(results, i);
        json_t *fp = json_object_get(res, "partialFingerprints");
        const char *key;
        json_t *v;

        json_object_foreach(fp, key, v)
            if (json_is_string(v) && strcmp(json_string_value(v), id) == 0)
                return res;
    }
    ck_abort_msg("no SARIF result fingerprinted %s", id);
    return NULL;
}

/* The drones scenario with every report; fills the paths. */
static void run_drones(const char **json, const char **sarif,
                       const char **junit)
{
    const char *base = own_baseline();
    struct harness_outcome o;

    *json = harness_tmp("r.json");
    *sarif = harness_tmp("r.sarif");
    *junit = harness_tmp("r.junit.xml");
    harness_run(&o, "check", "seeds", GATE "drones-510.txt",
                "--baseline", base, "--json", *json, "--sarif", *sarif,
                "--junit", *junit);
    harness_expect_status(&o, 1);
}

START_TEST(sarif_has_a_located_fingerprinted_result_per_conflict)
{
    const char *json, *sarif, *junit;
    json_t *r, *s, *run0, *results, *groups;
    size_t nconflicts = 0;
    bool saw_wide_column = false;

    run_drones(&json, &sarif, &junit);
    r = harness_load_json(json, NULL);
    s = harness_load_json(sarif, NULL);
    ck_assert_str_eq(str_of(s, "version"), "2.1.0");
    ck_assert_msg(strstr(str_of(s, "$schema"), "sarif-2.1.0"), "$schema");
    run0 = json_array_get(json_object_get(s, "runs"), 0);
    ck_assert_str_eq(str_of(json_object_get(json_object_get(run0, "tool"),
                                            "driver"), "name"),
                     "crosscheck");
    ck_assert_str_eq(str_of(run0, "columnKind"), "unicodeCodePoints");
    groups = json_object_get(r, "groups");
    for (size_t i = 0; i < json_array_size(groups); i++) {
        json_t *g = json_array_get(groups, i), *res, *locs;

        if (strcmp(str_of(g, "verdict"), "conflict") != 0)
            continue;
        nconflicts++;
        res = result_of(s, g);
        ck_assert_str_eq(str_of(res, "ruleId"), "conflict");
        ck_assert_str_eq(str_of(res, "baselineState"),
                         str_of(g, "baseline"));
        ck_assert_str_eq(str_of(res, "level"),
                         json_is_true(json_object_get(g, "new"))
                         ? "error" : "warning");
        ck_assert_ptr_nonnull(strstr(str_of(json_object_get(res, "message"),
                                            "text"), str_of(g, "topic")));
        locs = json_object_get(res, "locations");
        ck_assert_uint_eq(json_array_size(locs),
                          json_array_size(json_object_get(g, "facts")));
        for (size_t j = 0; j < json_array_size(locs); j++) {
            json_t *loc = json_array_get(locs, j);
            long bytecol = check_location(loc);
            json_int_t col = int_of(json_object_get(json_object_get(
                loc, "physicalLocation"), "region"), "startColumn");

            saw_wide_column |= col < bytecol;  /* "—" and "“" before it */
        }
    }
    results = json_object_get(run0, "results");
    ck_assert_uint_eq(json_array_size(results), nconflicts);
    ck_assert_uint_ge(nconflicts, 2);  /* the front line, the drones */
    ck_assert_msg(saw_wide_column, "no column counted in code points");
    json_decref(s);
    json_decref(r);
}
END_TEST

START_TEST(sarif_without_baseline_has_no_baseline_state)
{
    const char *sarif = harness_tmp("r.sarif");
    json_t *s, *results;
    struct harness_outcome o;

    harness_run(&o, "check", "seeds", "--sarif", sarif);
    harness_expect_status(&o, 1);
    s = harness_load_json(sarif, NULL);
    results = json_object_get(json_array_get(json_object_get(s, "runs"), 0),
                              "results");
    ck_assert_uint_ge(json_array_size(results), 1);
    for (size_t i = 0; i < json_array_size(results); i++) {
        json_t *res = json_array_get(results, i);

        ck_assert_ptr_null(json_object_get(res, "baselineState"));
        ck_assert_str_eq(str_of(res, "level"), "error");
    }
    json_decref(s);
}
END_TEST

START_TEST(sarif_dash_goes_to_stdout_instead_of_the_summary)
{
    const char *out = harness_tmp("stdout");
    json_t *s;
    struct harness_outcome o;

    harness_run_io(&o, NULL, out, "check", "seeds", "--sarif", "-");
    harness_expect_status(&o, 1);
    s = harness_load_json(out, NULL);
    ck_assert_str_eq(str_of(s, "version"), "2.1.0");
    json_decref(s);
}
END_TEST

/* extract | compare finds the lines as check does while the articles are
 * where the facts say. */
START_TEST(compare_sarif_equals_check_sarif)
{
    const char *base = own_baseline(), *facts = harness_tmp("facts.jsonl");
    const char *a = harness_tmp("check.sarif");
    const char *b = harness_tmp("compare.sarif");
    char *ta, *tb;
    struct harness_outcome o;

    harness_run_io(&o, NULL, facts, "extract", "seeds", GATE "drones-510.txt");
    harness_expect_status(&o, 0);
    harness_run(&o, "compare", facts, "--baseline", base, "--sarif", b);
    harness_expect_status(&o, 1);
    harness_run(&o, "check", "seeds", GATE "drones-510.txt",
                "--baseline", base, "--sarif", a);
    harness_expect_status(&o, 1);
    ta = harness_slurp(a, NULL);
    tb = harness_slurp(b, NULL);
    ck_assert_msg(strcmp(ta, tb) == 0, "compare's SARIF differs from"
                  " check's");
    free(ta);
    free(tb);
}
END_TEST

/* Facts whose articles are not at hand still give their byte offsets. */
START_TEST(compare_without_the_articles_gives_byte_offsets)
{
    const char *facts = harness_tmp("facts.jsonl");
    const char *moved = harness_tmp("moved.jsonl");
    const char *sarif = harness_tmp("r.sarif");
    struct buf b = BUF_INIT;
    char *text, *p, *at;
    json_t *s, *results;
    size_t nregions = 0;
    struct harness_outcome o;

    harness_run_io(&o, NULL, facts, "extract", "seeds");
    harness_expect_status(&o, 0);
    text = harness_slurp(facts, NULL);
    buf_puts(&b, "");
    for (p = text; (at = strstr(p, "\"seeds/")); p = at + 7) {
        buf_append(&b, p, (size_t)(at - p));
        buf_puts(&b, "\"gone/");
    }
    buf_puts(&b, p);
    harness_write_bytes(moved, b.data, b.len);
    buf_release(&b);
    free(text);
    harness_run(&o, "compare", moved, "--sarif", sarif);
    harness_expect_status(&o, 1);
    s = harness_load_json(sarif, NULL);
    results = json_object_get(json_array_get(json_object_get(s, "runs"), 0),
                              "results");
    for (size_t i = 0; i < json_array_size(results); i++) {
        json_t *locs = json_object_get(json_array_get(results, i),
                                       "locations");

        for (size_t j = 0; j < json_array_size(locs); j++) {
            json_t *reg = json_object_get(json_object_get(
                json_array_get(locs, j), "physicalLocation"), "region");

            ck_assert_ptr_null(json_object_get(reg, "startLine"));
            ck_assert_int_ge(int_of(reg, "byteOffset"), 0);
            ck_assert_int_gt(int_of(reg, "byteLength"), 0);
            nregions++;
        }
    }
    ck_assert_uint_ge(nregions, 2);
    json_decref(s);
}
END_TEST

/* ---- JUnit ---- */

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE &&
            strcmp((const char *)c->name, name) == 0)
            return c;
    return NULL;
}

static long attr_long(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    long x;

    ck_assert_msg(v != NULL, "<%s> has no %s", n->name, name);
    x = strtol((const char *)v, NULL, 10);
    xmlFree(v);
    return x;
}

/* The testcase whose name carries id, or NULL. */
static xmlNodePtr testcase_of(xmlNodePtr suite, const char *id,
                              size_t *matches)
{
    xmlNodePtr found = NULL;

    *matches = 0;
    for (xmlNodePtr c = suite->children; c; c = c->next) {
        xmlChar *name;

        if (c->type != XML_ELEMENT_NODE ||
            strcmp((const char *)c->name, "testcase") != 0)
            continue;
        name = xmlGetProp(c, BAD_CAST "name");
        ck_assert_ptr_nonnull(name);
        if (strstr((const char *)name, id)) {
            found = c;
            (*matches)++;
        }
        xmlFree(name);
    }
    return found;
}

START_TEST(junit_parses_and_fails_the_new_conflict)
{
    const char *json, *sarif, *junit;
    json_t *r, *groups;
    xmlDocPtr doc;
    xmlNodePtr suites, suite, tc, fail;
    xmlChar *body, *type;

    run_drones(&json, &sarif, &junit);
    r = harness_load_json(json, NULL);
    groups = json_object_get(r, "groups");
    doc = xmlReadFile(junit, NULL, XML_PARSE_NONET);
    ck_assert_msg(doc != NULL, "%s is not well formed", junit);
    suites = xmlDocGetRootElement(doc);
    ck_assert_str_eq((const char *)suites->name, "testsuites");
    suite = child(suites, "testsuite");
    ck_assert_ptr_nonnull(suite);
    ck_assert_int_eq(attr_long(suite, "tests"),
                     (long)json_array_size(groups));
    ck_assert_int_eq(attr_long(suite, "failures"),
                     (long)summary_of(r, "new"));
    ck_assert_int_eq(attr_long(suite, "skipped"),
                     (long)(summary_of(r, "conflict") - summary_of(r, "new")));
    ck_assert_int_eq(attr_long(suite, "errors"), 0);
    for (size_t i = 0; i < json_array_size(groups); i++) {
        json_t *g = json_array_get(groups, i);
        size_t n;

        tc = testcase_of(suite, str_of(g, "id"), &n);
        ck_assert_msg(n == 1, "%zu testcases carry %s", n, str_of(g, "id"));
        ck_assert_msg((child(tc, "failure") != NULL) ==
                      json_is_true(json_object_get(g, "new")),
                      "%s: a failure iff new", str_of(g, "topic"));
    }
    fail = child(testcase_of(suite, str_of(group_of(r, "groups", DRONES),
                                           "id"), &(size_t){ 0 }),
                 "failure");
    type = xmlGetProp(fail, BAD_CAST "type");
    ck_assert_str_eq((const char *)type, "new");
    body = xmlNodeGetContent(fail);
    ck_assert_msg(strstr((const char *)body, GATE "drones-510.txt:1:") &&
                  strstr((const char *)body, "\"510 drones\""),
                  "failure details lack the new fact: %s", body);
    ck_assert_ptr_nonnull(child(testcase_of(suite, str_of(group_of(
        r, "groups", FRONT_LINE), "id"), &(size_t){ 0 }), "skipped"));
    xmlFree(type);
    xmlFree(body);
    xmlFreeDoc(doc);
    json_decref(r);
}
END_TEST

START_TEST(junit_marks_an_updated_conflict_failed)
{
    const char *base = own_baseline(), *junit = harness_tmp("r.junit.xml");
    char *xml;
    struct harness_outcome o;

    harness_run(&o, "check", "seeds", GATE "front-line-1300.txt",
                "--baseline", base, "--junit", junit);
    harness_expect_status(&o, 1);
    xml = harness_slurp(junit, NULL);
    ck_assert_msg(strstr(xml, "type=\"updated\"") &&
                  strstr(xml, "failures=\"1\""),
                  "%s: no failure for the updated conflict", junit);
    free(xml);
}
END_TEST

/* ---- the suite ---- */

int main(void)
{
    Suite *s = suite_create("gate");
    TCase *t = harness_tcase(s, "baseline");

    tcase_set_timeout(t, 60);
    tcase_add_test(t, seeds_without_baseline_exit_1_on_the_front_line);
    tcase_add_test(t, seeds_against_their_own_report_exit_0);
    tcase_add_test(t, seeds_pass_the_committed_baseline);
    tcase_add_test(t, differing_count_makes_an_agreeing_group_new);
    tcase_add_test(t, agreeing_article_leaves_a_known_conflict_unchanged);
    tcase_add_test(t, new_value_in_a_known_conflict_is_updated);
    tcase_add_test(t, conflict_gone_from_the_inputs_is_absent);
    tcase_add_loop_test(t, unusable_baseline_exits_2_and_the_reports_say_why,
                        BAD_TRUNCATED, BAD_NOT_REPORT + 1);

    t = harness_tcase(s, "sarif");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, sarif_has_a_located_fingerprinted_result_per_conflict);
    tcase_add_test(t, sarif_without_baseline_has_no_baseline_state);
    tcase_add_test(t, sarif_dash_goes_to_stdout_instead_of_the_summary);
    tcase_add_test(t, compare_sarif_equals_check_sarif);
    tcase_add_test(t, compare_without_the_articles_gives_byte_offsets);

    t = harness_tcase(s, "junit");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, junit_parses_and_fails_the_new_conflict);
    tcase_add_test(t, junit_marks_an_updated_conflict_failed);

    return harness_run_suite(s);
}
