/* Reports: JSON and XML fields, numbers, hostile text, the JSON writer
 * against jansson's tree, the schema, atomic writes, the summary, golden
 * reports and the committed seed reports. */
#include "config.h"

#include <check.h>
#include <float.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmp/cmp.h"
#include "fact/fact.h"
#include "harness.h"
#include "report/report.h"
#include "report/report_private.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"

/* ---- facts and results ---- */

static int day(const char *iso)
{
    return date_parse_iso(iso, strlen(iso));
}

static struct fact fact_of(const char *outlet, const char *text,
                           enum qualifier q, double value)
{
    struct fact f;

    memset(&f, 0, sizeof(f));
    f.source = outlet;
    f.outlet = outlet;
    f.source_date = day("2026-02-26");
    f.offset = 100 + strlen(text);
    f.text = text;
    f.length = strlen(text);
    f.has_value = f.has_low = f.has_high = true;
    f.value = f.low = f.high = value;
    f.qual = q;
    f.unit = "count";
    f.topic = "drones launched";
    f.date_from = f.date_to = day("2026-02-26");
    f.scope = "";
    return f;
}

/* One group of each verdict; 0.1 and 1207.008 among the values. */
static size_t sample_facts(struct fact *f)
{
    size_t n = 0;

    f[n++] = fact_of("kyiv.txt", "1,200km", QUAL_EXACT, 1200);
    f[n++] = fact_of("ap.txt", "1,250-kilometer", QUAL_ABOUT, 1250);
    f[n++] = fact_of("ap.txt", "750-mile", QUAL_ABOUT, 1207.008);
    for (size_t i = 0; i < 3; i++) {
        f[i].topic = "front-line length";
        f[i].unit = "km";
        f[i].kind = KIND_STATE;
    }
    f[n++] = fact_of("kyiv.txt", "eight regions", QUAL_EXACT, 8);
    f[n++] = fact_of("ap.txt", "at least six regions", QUAL_AT_LEAST, 6);
    f[n - 1].has_high = false;
    f[n - 2].topic = f[n - 1].topic = "regions hit";
    f[n++] = fact_of("kyiv.txt", "0.1%", QUAL_EXACT, 0.1);
    f[n++] = fact_of("ap.txt", "0.1 percent", QUAL_EXACT, 0.1);
    f[n - 2].topic = f[n - 1].topic = "share of drones missed";
    f[n - 2].unit = f[n - 1].unit = "percent";
    f[n - 2].scope = f[n - 1].scope = "Kharkiv";
    return n;
}

static void run(struct fact *f, size_t n, struct cmp_result *r)
{
    struct cmp_options o;

    cmp_options_init(&o);
    cmp_run(f, n, &o, r);
}

/* ---- files ---- */

static void write_both(const struct cmp_result *r, const char *json,
                       const char *xml)
{
    struct err e = ERR_INIT;

    ck_assert_msg(report_write_json(r, json, &e) == 0, "%s: %s", json,
                  e.msg);
    ck_assert_msg(report_write_xml(r, xml, &e) == 0, "%s: %s", xml, e.msg);
}

/* libxml2's first complaint, instead of stderr. */
static void keep_error(void *ctx, const char *fmt, ...)
{
    char *why = ctx;
    va_list ap;

    if (why[0])
        return;
    va_start(ap, fmt);
    vsnprintf(why, 256, fmt, ap);
    va_end(ap);
}

/* Whether the XML at path is well formed and valid against report.xsd;
 * why not in why (256 bytes). */
static bool xml_valid(const char *path, char *why, size_t size)
{
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(
        TEST_SRCDIR "/src/report/report.xsd");
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    xmlSchemaValidCtxtPtr vc;
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET |
                                XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    int rc;

    ck_assert_msg(schema != NULL, "report.xsd does not parse");
    if (!doc) {
        snprintf(why, size, "%s is not well formed", path);
        xmlSchemaFree(schema);
        xmlSchemaFreeParserCtxt(pc);
        return false;
    }
    vc = xmlSchemaNewValidCtxt(schema);
    why[0] = '\0';
    xmlSchemaSetValidErrors(vc, keep_error, keep_error, why);
    rc = xmlSchemaValidateDoc(vc, doc);
    if (rc != 0 && !why[0])
        snprintf(why, size, "%s: xmlSchemaValidateDoc gave %d", path, rc);
    xmlSchemaFreeValidCtxt(vc);
    xmlFreeDoc(doc);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pc);
    return rc == 0;
}

/* ---- the JSON report ---- */

static const char *const group_keys[] = {
    "id", "topic", "unit", "scope", "date_from", "date_to", "verdict",
    "new", "outlets", "facts",
};
static const char *const fact_keys[] = {
    "source", "outlet", "offset", "length", "text", "value", "low", "high",
    "low_exclusive", "high_exclusive", "qualifier", "date_from", "date_to",
    "scope",
};
static const char *const summary_keys[] = {
    "sources", "facts", "groups", "agree", "compatible", "conflict", "new",
};

#define NKEYS(a) (sizeof(a) / sizeof(a[0]))

static void assert_keys(json_t *o, const char *const *keys, size_t n,
                        const char *what)
{
    ck_assert_msg(json_is_object(o), "%s is not an object", what);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(json_object_get(o, keys[i]) != NULL,
                      "%s has no \"%s\"", what, keys[i]);
}

START_TEST(json_report_has_contract_fields)
{
    struct fact f[16];
    struct cmp_result r;
    json_t *root, *groups, *summary;

    run(f, sample_facts(f), &r);
    write_both(&r, harness_tmp("r.json"), harness_tmp("r.xml"));
    root = harness_load_json(harness_tmp("r.json"), NULL);
    groups = json_object_get(root, "groups");
    ck_assert_int_eq(json_array_size(groups), 3);
    for (size_t i = 0; i < json_array_size(groups); i++) {
        json_t *g = json_array_get(groups, i);
        json_t *facts = json_object_get(g, "facts");

        assert_keys(g, group_keys, NKEYS(group_keys), "group");
        ck_assert_ptr_null(json_object_get(g, "baseline"));
        ck_assert_int_eq(strlen(json_string_value(
                             json_object_get(g, "id"))), 16);
        ck_assert(json_array_size(facts) >= 2);
        for (size_t j = 0; j < json_array_size(facts); j++)
            assert_keys(json_array_get(facts, j), fact_keys,
                        NKEYS(fact_keys), "fact");
    }
    ck_assert_str_eq(json_string_value(json_object_get(
        json_array_get(groups, 0), "verdict")), "conflict");
    ck_assert(json_is_true(json_object_get(json_array_get(groups, 0),
                                           "new")));
    ck_assert(json_is_array(json_object_get(root, "errors")));
    ck_assert_ptr_null(json_object_get(root, "absent"));
    summary = json_object_get(root, "summary");
    assert_keys(summary, summary_keys, NKEYS(summary_keys), "summary");
    ck_assert_int_eq(json_integer_value(json_object_get(summary,
                                                        "sources")), 2);
    ck_assert_int_eq(json_integer_value(json_object_get(summary,
                                                        "conflict")), 1);
    json_decref(root);
    cmp_result_release(&r);
}
END_TEST

START_TEST(json_fact_points_at_its_text)
{
    struct fact f[2] = {
        fact_of("a.txt", "420 drones", QUAL_EXACT, 420),
        fact_of("b.txt", "some 420 drones", QUAL_ABOUT, 420),
    };
    struct cmp_result r;
    json_t *root, *fact;

    f[1].offset = 2315;
    run(f, 2, &r);
    write_both(&r, harness_tmp("r.json"), harness_tmp("r.xml"));
    root = harness_load_json(harness_tmp("r.json"), NULL);
    fact = json_array_get(json_object_get(json_array_get(
        json_object_get(root, "groups"), 0), "facts"), 1);
    ck_assert_str_eq(json_string_value(json_object_get(fact, "source")),
                     "b.txt");
    ck_assert_int_eq(json_integer_value(json_object_get(fact, "offset")),
                     2315);
    ck_assert_int_eq(json_integer_value(json_object_get(fact, "length")),
                     15);
    ck_assert_str_eq(json_string_value(json_object_get(fact, "text")),
                     "some 420 drones");
    ck_assert_str_eq(json_string_value(json_object_get(fact, "qualifier")),
                     "about");
    json_decref(root);
    cmp_result_release(&r);
}
END_TEST

START_TEST(whole_numbers_print_as_integers_and_decimals_cleanly)
{
    struct fact f[16];
    struct cmp_result r;
    char *text;

    run(f, sample_facts(f), &r);
    write_both(&r, harness_tmp("r.json"), harness_tmp("r.xml"));
    text = harness_slurp(harness_tmp("r.json"), NULL);
    ck_assert_msg(strstr(text, "\"value\": 1200,"), "1200 not an integer");
    ck_assert_msg(strstr(text, "\"low\": 6,"), "6 not an integer");
    ck_assert_msg(strstr(text, "\"value\": 0.1,"), "0.1 printed badly");
    ck_assert_msg(strstr(text, "\"value\": 1207.008,"),
                  "1207.008 printed badly");
    ck_assert_msg(!strstr(text, "1200.0"), "1200 printed as a real");
    free(text);
    text = harness_slurp(harness_tmp("r.xml"), NULL);
    ck_assert_msg(strstr(text, "value=\"0.1\""), "XML 0.1 printed badly");
    ck_assert_msg(strstr(text, "value=\"1207.008\""),
                  "XML 1207.008 printed badly");
    ck_assert_msg(strstr(text, "value=\"1200\""), "XML 1200 not integer");
    free(text);
    cmp_result_release(&r);
}
END_TEST

START_TEST(vague_amounts_write_null_value)
{
    struct fact f[2] = {
        fact_of("a.txt", "Dozens of people", QUAL_VAGUE, 24),
        fact_of("b.txt", "more than two dozen", QUAL_MORE_THAN, 24),
    };
    struct cmp_result r;
    json_t *root, *facts, *vague, *more;

    f[0].has_value = f[0].has_high = false;
    f[1].has_high = false;
    f[1].low_excl = true;
    run(f, 2, &r);
    write_both(&r, harness_tmp("r.json"), harness_tmp("r.xml"));
    root = harness_load_json(harness_tmp("r.json"), NULL);
    facts = json_object_get(json_array_get(json_object_get(root, "groups"),
                                           0), "facts");
    vague = json_array_get(facts, 0);
    more = json_array_get(facts, 1);
    ck_assert(json_is_null(json_object_get(vague, "value")));
    ck_assert(json_is_null(json_object_get(vague, "high")));
    ck_assert_int_eq(json_integer_value(json_object_get(vague, "low")), 24);
    ck_assert(json_is_true(json_object_get(more, "low_exclusive")));
    ck_assert(json_is_false(json_object_get(more, "high_exclusive")));
    json_decref(root);
    cmp_result_release(&r);
}
END_TEST

/* ---- hostile text and the schema ---- */

static const char hostile[] =
    "\xff\xfe<script>alert(1)</script> ]]> &amp; \"q\" 'a' \x01\x1b[31m"
    "\xc0\xaf \xed\xa0\x80 \xef\xbf\xbe \x7f\xc2\x85 end";

static void hostile_result(struct fact *f, struct cmp_result *r)
{
    struct err e = ERR_INIT;

    f[0] = fact_of("a\x1b]0;title\x07.txt", hostile, QUAL_EXACT, 5);
    f[1] = fact_of("b\xff.txt", "5 <b>", QUAL_EXACT, 6);
    f[0].topic = f[1].topic = "people \x01 <killed> & ]]>";
    f[0].scope = f[1].scope = "Kharkiv\xe2\x80";
    run(f, 2, r);
    err_at(&e, "bad\xff\x02.txt", 3, 4, "no date <here> \x1b[2J ]]>");
    cmp_add_error(r, &e);
}

static bool has_control(const char *s)
{
    for (; *s; s++)
        if (((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n' &&
             *s != '\r') || *s == 0x7f)
            return true;
    return false;
}

START_TEST(hostile_text_yields_json_that_parses)
{
    struct fact f[2];
    struct cmp_result r;
    json_t *root, *fact;
    const char *text;

    hostile_result(f, &r);
    write_both(&r, harness_tmp("r.json"), harness_tmp("r.xml"));
    root = harness_load_json(harness_tmp("r.json"), NULL);
    fact = json_array_get(json_object_get(json_array_get(
        json_object_get(root, "groups"), 0), "facts"), 0);
    text = json_string_value(json_object_get(fact, "text"));
    ck_assert_ptr_nonnull(text);
    ck_assert_msg(strstr(text, "<script>alert(1)</script> ]]>"),
                  "text lost: %s", text);
    ck_assert_msg(strncmp(text, "\xef\xbf\xbd", 3) == 0,
                  "invalid byte not replaced by U+FFFD: %s", text);
    ck_assert_msg(!has_control(text), "control character in %s", text);
    ck_assert_msg(!has_control(json_string_value(json_object_get(
                      json_array_get(json_object_get(root, "errors"), 0),
                      "message"))), "control character in error");
    json_decref(root);
    cmp_result_release(&r);
}
END_TEST

START_TEST(hostile_text_yields_xml_that_validates)
{
    struct fact f[2];
    struct cmp_result r;
    char why[256];
    xmlDocPtr doc;
    xmlChar *content;

    hostile_result(f, &r);
    write_both(&r, harness_tmp("r.json"), harness_tmp("r.xml"));
    ck_assert_msg(xml_valid(harness_tmp("r.xml"), why, sizeof(why)), "%s",
                  why);
    doc = xmlReadFile(harness_tmp("r.xml"), NULL, XML_PARSE_NONET);
    content = xmlNodeGetContent(xmlDocGetRootElement(doc));
    ck_assert_msg(strstr((const char *)content,
                         "<script>alert(1)</script> ]]> &amp;"),
                  "text lost in XML: %s", content);
    xmlFree(content);
    xmlFreeDoc(doc);
    cmp_result_release(&r);
}
END_TEST

START_TEST(xml_report_validates_against_xsd)
{
    struct fact f[16];
    struct cmp_result r;
    char why[256];
    struct err e = ERR_INIT;

    run(f, sample_facts(f), &r);
    err_at(&e, "x.txt", 0, 0, "no date");
    cmp_add_error(&r, &e);
    write_both(&r, harness_tmp("r.json"), harness_tmp("r.xml"));
    ck_assert_msg(xml_valid(harness_tmp("r.xml"), why, sizeof(why)), "%s",
                  why);
    cmp_result_release(&r);
    run(NULL, 0, &r);
    write_both(&r, harness_tmp("empty.json"), harness_tmp("empty.xml"));
    ck_assert_msg(xml_valid(harness_tmp("empty.xml"), why, sizeof(why)), "%s",
                  why);
    cmp_result_release(&r);
}
END_TEST

START_TEST(xsd_rejects_unknown_verdict)
{
    struct fact f[16];
    struct cmp_result r;
    char why[256], *text, *at;
    FILE *out;

    run(f, sample_facts(f), &r);
    write_both(&r, harness_tmp("r.json"), harness_tmp("r.xml"));
    text = harness_slurp(harness_tmp("r.xml"), NULL);
    at = strstr(text, "verdict=\"conflict\"");
    ck_assert_ptr_nonnull(at);
    memcpy(at, "verdict=\"conflicx\"", 18);
    out = fopen(harness_tmp("bad.xml"), "w");
    fputs(text, out);
    fclose(out);
    ck_assert_msg(!xml_valid(harness_tmp("bad.xml"), why, sizeof(why)),
                  "a verdict 'conflicx' validates");
    free(text);
    cmp_result_release(&r);
}
END_TEST

/* Yesterday's report: the drones conflict; today's: the front line. */
START_TEST(baseline_fields_only_with_a_baseline)
{
    struct fact old[2] = {
        fact_of("a.txt", "420 drones", QUAL_EXACT, 420),
        fact_of("b.txt", "450 drones", QUAL_EXACT, 450),
    };
    struct fact f[16];
    struct cmp_result r;
    struct err e = ERR_INIT;
    json_t *root, *groups, *absent;
    char why[256];

    run(old, 2, &r);
    write_both(&r, harness_tmp("old.json"), harness_tmp("old.xml"));
    cmp_result_release(&r);
    run(f, sample_facts(f), &r);
    ck_assert_msg(cmp_apply_baseline(&r, harness_tmp("old.json"), &e) == 0,
                  "%s", e.msg);
    write_both(&r, harness_tmp("r.json"), harness_tmp("r.xml"));
    root = harness_load_json(harness_tmp("r.json"), NULL);
    groups = json_object_get(root, "groups");
    ck_assert_str_eq(json_string_value(json_object_get(
        json_array_get(groups, 0), "baseline")), "new");
    ck_assert(json_is_null(json_object_get(json_array_get(groups, 2),
                                           "baseline")));
    absent = json_object_get(root, "absent");
    ck_assert_int_eq(json_array_size(absent), 1);
    ck_assert_str_eq(json_string_value(json_object_get(
        json_array_get(absent, 0), "topic")), "drones launched");
    ck_assert_str_eq(json_string_value(json_object_get(
        json_array_get(absent, 0), "baseline")), "absent");
    ck_assert_msg(xml_valid(harness_tmp("r.xml"), why, sizeof(why)), "%s",
                  why);
    json_decref(root);
    cmp_result_release(&r);
}
END_TEST

/* ---- the JSON writer against jansson ----
 *
 * report_write_json prints the groups itself; report_json_tree builds the
 * same report as a jansson tree, which report_json_write prints.  The
 * results here are built by hand, to hold what cmp_run never makes: NULL
 * strings, NaN and infinite bounds, offsets past 2^63. */

static const char *tricky[24];
static size_t ntricky;

static void make_tricky(void)
{
    static char controls[32], long_text[3001];

    for (int c = 1; c < 0x20; c++)
        controls[c - 1] = (char)c;
    /* escapes and repairs all along: its text grows as it is written */
    for (size_t i = 0; i + 1 < sizeof(long_text); i++)
        long_text[i] = "\"\\/x\x01\xff\t"[i % 7];
    ntricky = 0;
    tricky[ntricky++] = "say \"no\" \"";
    tricky[ntricky++] = "C:\\dir\\ \\\\";
    tricky[ntricky++] = controls;
    tricky[ntricky++] = "del \x7f";
    tricky[ntricky++] = "a/b </script> //";
    tricky[ntricky++] = "Kyiv \xe2\x80\x94 \xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2 "
                        "\xf0\x9f\x98\x80 \xef\xbb\xbf";
    tricky[ntricky++] = "\xff\xfe bad bytes \x80";
    tricky[ntricky++] = "overlong \xc0\xaf \xe0\x80\xaf";
    tricky[ntricky++] = "surrogate \xed\xa0\x80";
    tricky[ntricky++] = "nonchar \xef\xbf\xbe \xef\xbf\xbf";
    tricky[ntricky++] = "C1 \xc2\x85 \xc2\x9f";
    tricky[ntricky++] = "cut short \xe2\x80";
    tricky[ntricky++] = "";
    tricky[ntricky++] = NULL;
    tricky[ntricky++] = long_text;
    tricky[ntricky++] = "tab\there\nline\rreturn\b\f";
    tricky[ntricky++] = "plain text";
}

static const double numbers[] = {
    0, -0.0, 1, -5, 42, 1200, -3.25, 0.1, 0.5, 1207.008, 123456789.123,
    1e20, -1e20, 1e-7, 0.0001, 0.00001, 2.5e-5, 1e15, 999999999999999.9,
    1e16, 9007199254740991.0, 9007199254740992.0, 9007199254740994.0,
    -9007199254740992.0, 18446744073709551616.0, 0.30000000000000004,
    1.0 / 3, 1.5e300, 5e-324, DBL_MAX, -DBL_MIN, NAN, INFINITY, -INFINITY,
};

#define NNUMBERS (sizeof(numbers) / sizeof(numbers[0]))
#define MAX_FACTS 6000

static struct fact made_facts[MAX_FACTS];
static const struct fact *made_ptrs[MAX_FACTS];
static struct group made_groups[8], made_absent[3];
static struct err made_error;

static void make_fact(struct fact *f, size_t i)
{
    size_t nt = ntricky;
    int first = day("2026-02-26");

    memset(f, 0, sizeof(*f));
    f->source = tricky[i % nt];
    f->outlet = tricky[(i + 1) % nt];
    f->text = tricky[(i + 2) % nt];
    f->scope = tricky[(i + 3) % nt];
    f->offset = i == 1 ? SIZE_MAX : (size_t)i << (i % 64);
    f->length = i % 7 == 0 ? 0 : i;
    f->has_value = i % 5 != 4;
    f->value = numbers[i % NNUMBERS];
    f->has_low = i % 3 != 2;
    f->low = numbers[(i + 7) % NNUMBERS];
    f->low_excl = i % 2;
    f->has_high = i % 4 != 3;
    f->high = numbers[(i + 13) % NNUMBERS];
    f->high_excl = i % 3 == 0;
    f->qual = (enum qualifier)(i % QUAL_COUNT_);
    f->unit = "count";
    f->topic = "drones launched";
    f->date_from = i % 9 == 8 ? DATE_NONE : first + (int)(i % 3);
    f->date_to = i % 9 == 8 ? DATE_NONE : f->date_from + (int)(i % 2);
}

/* nfacts facts in 8 groups (the third empty), and 3 absent groups when
 * there is a baseline; every string from tricky[], every value from
 * numbers[].  r borrows static storage: do not release it. */
static void made_result(struct cmp_result *r, size_t nfacts, bool baseline)
{
    size_t ngroups = sizeof(made_groups) / sizeof(made_groups[0]);

    make_tricky();
    memset(r, 0, sizeof(*r));
    for (size_t i = 0; i < nfacts; i++) {
        make_fact(&made_facts[i], i);
        made_ptrs[i] = &made_facts[i];
    }
    for (size_t k = 0; k < ngroups; k++) {
        struct group *g = &made_groups[k];
        size_t from = nfacts * k / ngroups, to = nfacts * (k + 1) / ngroups;

        memset(g, 0, sizeof(*g));
        snprintf(g->id, sizeof(g->id), "%016llx",
                 (unsigned long long)(k + 1) * 0x9e3779b97f4a7c15ULL);
        g->topic = tricky[k % ntricky];
        g->unit = tricky[(k + 4) % ntricky];
        g->scope = tricky[(k + 9) % ntricky];
        g->date_from = k == 5 ? DATE_NONE : day("2026-01-31");
        g->date_to = k == 5 ? DATE_NONE : day("2026-03-01");
        g->verdict = (enum verdict)(k % 3);
        g->is_new = k % 2;
        g->baseline = baseline ? (enum baseline_state)(k % 5)
                               : BASELINE_NONE;
        g->facts = made_ptrs + from;
        g->nfacts = k == 2 ? 0 : to - from;
        g->noutlets = k * 3;
    }
    for (size_t k = 0; k < 3; k++) {
        struct group *g = &made_absent[k];

        memset(g, 0, sizeof(*g));
        snprintf(g->id, sizeof(g->id), "%016zx", k + 0xabc);
        g->topic = tricky[(k + 2) % ntricky];
        g->unit = tricky[(k + 13) % ntricky];
        g->scope = tricky[(k + 5) % ntricky];
        g->date_from = g->date_to = day("2026-02-01");
        g->verdict = VERDICT_CONFLICT;
        g->baseline = k == 2 ? BASELINE_NONE : BASELINE_ABSENT;
    }
    memset(&made_error, 0, sizeof(made_error));
    err_at(&made_error, "bad\xff\x02.txt", 3, 4, "no date \"here\" \x1b");
    r->groups = made_groups;
    r->ngroups = ngroups;
    r->nsources = nfacts / 3;
    r->nfacts = nfacts;
    r->agree = 1;
    r->compatible = 2;
    r->conflict = 3;
    r->nnew = 4;
    r->errors = &made_error;
    r->nerrors = 1;
    r->absent = baseline ? made_absent : NULL;
    r->nabsent = baseline ? 3 : 0;
    r->has_baseline = baseline;
}

/* Where two files first differ: the byte, its line, and up to 40 bytes
 * of each from there. */
struct file_diff {
    size_t byte, line;
    char want[41], got[41];
};

/* Whether the file at got_path holds what want_path holds; d says
 * where they part. */
static bool same_bytes(const char *want_path, const char *got_path,
                       struct file_diff *d)
{
    size_t nwant, ngot, i = 0, line = 1;
    char *want = harness_slurp(want_path, &nwant);
    char *got = harness_slurp(got_path, &ngot);

    while (i < nwant && i < ngot && want[i] == got[i])
        line += want[i++] == '\n';
    d->byte = i;
    d->line = line;
    snprintf(d->want, sizeof(d->want), "%s", want + i);
    snprintf(d->got, sizeof(d->got), "%s", got + i);
    free(want);
    free(got);
    return i == nwant && i == ngot;
}

static const struct bytes_case {
    const char *name;
    size_t nfacts;
    bool baseline;
    int jobs;                  /* 2: each megabyte written on a thread */
} bytes_cases[] = {
    { "tricky strings and numbers", 80, false, 1 },
    { "the same after a baseline", 80, true, 1 },
    { "no facts, a baseline", 0, true, 1 },
    { "6000 facts, past the writer's 1 MB flush", MAX_FACTS, true, 1 },
    { "6000 facts, each megabyte written on a thread", MAX_FACTS, true, 2 },
};

/* Write r with report_write_json and through jansson's tree; whether the
 * two files are the same bytes (*d: where they part). */
static bool json_equals_tree(const struct cmp_result *r,
                             struct file_diff *d)
{
    struct err e = ERR_INIT;

    ck_assert_msg(report_write_json(r, harness_tmp("fast.json"), &e) == 0,
                  "%s", e.msg);
    ck_assert_msg(report_json_write(report_json_tree(r),
                                    harness_tmp("tree.json"), &e) == 0,
                  "%s", e.msg);
    return same_bytes(harness_tmp("tree.json"), harness_tmp("fast.json"), d);
}

START_TEST(json_report_bytes_equal_jansson_tree)
{
    const struct bytes_case *c = &bytes_cases[_i];
    struct cmp_result r;
    struct file_diff d;

    made_result(&r, c->nfacts, c->baseline);
    r.options.jobs = c->jobs;
    ck_assert_msg(json_equals_tree(&r, &d),
                  "%s: report_write_json differs from jansson's tree at "
                  "byte %zu, line %zu: got \"%s\", jansson \"%s\"",
                  c->name, d.byte, d.line, d.got, d.want);
}
END_TEST

/* The groups of a real comparison and its baseline, hostile text in. */
START_TEST(json_report_of_hostile_text_equals_jansson_tree)
{
    struct fact f[2];
    struct cmp_result r;
    struct err e = ERR_INIT;
    struct file_diff d;

    hostile_result(f, &r);
    ck_assert_msg(report_write_json(&r, harness_tmp("old.json"), &e) == 0,
                  "%s", e.msg);
    ck_assert_msg(cmp_apply_baseline(&r, harness_tmp("old.json"), &e) == 0,
                  "%s", e.msg);
    ck_assert_msg(json_equals_tree(&r, &d),
                  "hostile text: report_write_json differs from jansson's "
                  "tree at byte %zu, line %zu: got \"%s\", jansson \"%s\"",
                  d.byte, d.line, d.got, d.want);
    cmp_result_release(&r);
}
END_TEST

/* Each byte that needs escaping or repair, at each place of a string
 * of 1 to 20 bytes (the writer looks at eight bytes a step): the same
 * report as jansson's tree. */
START_TEST(json_escapes_every_byte_at_every_place)
{
    static const char *const odd[] = {
        "\x01", "\x1f", "\"", "\\", "\x7f", "\xc3\xa9", "\xff", "\n",
    };
    static char texts[8][20][32];
    struct fact f[2 * 8 * 20];
    size_t n = 0;
    struct cmp_result r;
    struct file_diff d;

    for (size_t k = 0; k < 8; k++)
        for (size_t at = 0; at < 20; at++) {
            char *t = texts[k][at];
            size_t len = at + 1 + k % 3;
            memset(t, 'a', len);
            t[len] = '\0';
            size_t m = strlen(odd[k]);
            memcpy(t + at, odd[k], m);
            if (at + m > len)
                t[at + m] = '\0';
            f[n++] = fact_of("one", t, QUAL_EXACT, 5);
            f[n++] = fact_of("two", t, QUAL_EXACT, 5);
        }
    run(f, n, &r);
    ck_assert_msg(r.ngroups > 0, "no group");
    ck_assert_msg(json_equals_tree(&r, &d),
                  "report_write_json differs from jansson's tree at byte "
                  "%zu, line %zu: got \"%s\", jansson \"%s\"", d.byte,
                  d.line, d.got, d.want);
    cmp_result_release(&r);
}
END_TEST

/* xorshift64*: the same numbers on every machine. */
static uint64_t next_random(uint64_t *state)
{
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return *state * 0x2545f4914f6cdd1dULL;
}

/* The i-th test double: raw bit patterns, every decade from 1e-30 to
 * 1e30, short decimals (what articles state) and whole numbers past
 * 2^53, each sign. */
static double random_double(uint64_t *state, size_t i)
{
    uint64_t r = next_random(state);
    double sign = r & 1 ? -1 : 1, x;

    switch (i % 4) {
    case 0:
        memcpy(&x, &r, sizeof(x));
        return isfinite(x) ? x : (double)(r >> 11);
    case 1:
        return sign * (1 + (double)(r >> 11) / 9007199254740992.0 * 9) *
               pow(10, (double)(next_random(state) % 61) - 30);
    case 2:
        return sign * (double)(r >> 11 >> (next_random(state) % 50)) /
               pow(10, (double)(next_random(state) % 10));
    default:
        return sign * ldexp((double)(r >> 11), (int)(r % 21));
    }
}

/* Whether x prints as jansson prints it; why says how not. */
static bool real_as_jansson(double x, char *why, size_t size)
{
    json_t *v = json_real(x);
    char *want = json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
    char got[32];
    size_t n = report_json_real(x, got);
    bool same = want && strcmp(got, want) == 0 && n == strlen(got);

    snprintf(why, size, "%a (%.17g): got \"%s\" (%zu bytes), jansson \"%s\"",
             x, x, got, n, want ? want : "(null)");
    free(want);
    json_decref(v);
    return same;
}

static bool integer_as_jansson(json_int_t i, char *why, size_t size)
{
    json_t *v = json_integer(i);
    char *want = json_dumps(v, JSON_ENCODE_ANY);
    char got[32];
    size_t n = report_json_integer(i, got);
    bool same = want && strcmp(got, want) == 0 && n == strlen(got);

    snprintf(why, size, "%" JSON_INTEGER_FORMAT ": got \"%s\", jansson \"%s\"",
             i, got, want ? want : "(null)");
    free(want);
    json_decref(v);
    return same;
}

START_TEST(reals_print_as_jansson_prints_them)
{
    uint64_t state = 0x9e3779b97f4a7c15ULL;
    char why[160];

    for (size_t i = 0; i < NNUMBERS; i++)
        if (isfinite(numbers[i]))
            ck_assert_msg(real_as_jansson(numbers[i], why, sizeof(why)),
                          "%s", why);
    for (size_t i = 0; i < 200000; i++)
        ck_assert_msg(real_as_jansson(random_double(&state, i), why,
                                      sizeof(why)), "%s", why);
}
END_TEST

START_TEST(integers_print_as_jansson_prints_them)
{
    static const json_int_t edges[] = {
        0, 1, -1, 9, 10, -10, 99, 100, 9007199254740992LL, LLONG_MAX,
        LLONG_MIN, LLONG_MIN + 1,
    };
    uint64_t state = 0x2545f4914f6cdd1dULL;
    char why[160];

    for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++)
        ck_assert_msg(integer_as_jansson(edges[i], why, sizeof(why)), "%s",
                      why);
    for (size_t i = 0; i < 100000; i++) {
        uint64_t r = next_random(&state) >> (next_random(&state) % 64);
        json_int_t v;

        memcpy(&v, &r, sizeof(v));
        ck_assert_msg(integer_as_jansson(i % 2 && v != LLONG_MIN ? -v : v,
                                         why, sizeof(why)), "%s", why);
    }
}
END_TEST

/* ---- writing files ---- */

START_TEST(report_in_missing_directory_fails_naming_path)
{
    struct cmp_result r;
    struct err e = ERR_INIT;

    run(NULL, 0, &r);
    ck_assert_int_eq(report_write_json(&r, "/nonexistent/r.json", &e), -1);
    ck_assert_str_eq(e.file, "/nonexistent/r.json");
    ck_assert_msg(strstr(e.msg, "no such file"), "message '%s'", e.msg);
    err_clear(&e);
    ck_assert_int_eq(report_write_xml(&r, "/nonexistent/r.xml", &e), -1);
    ck_assert_str_eq(e.file, "/nonexistent/r.xml");
    cmp_result_release(&r);
}
END_TEST

/* Renaming onto a directory fails after the temporary file is written:
 * it must not stay behind (root can write anywhere, but not this). */
START_TEST(failed_write_leaves_no_temporary_file)
{
    struct cmp_result r;
    struct err e = ERR_INIT;
    const char *dir = harness_tmp("r.json");

    ck_assert_int_eq(mkdir(dir, 0755), 0);
    run(NULL, 0, &r);
    ck_assert_int_eq(report_write_json(&r, dir, &e), -1);
    ck_assert_str_eq(e.file, dir);
    ck_assert_int_eq(report_write_xml(&r, dir, &e), -1);
    ck_assert_msg(harness_count_entries(harness_tmp_dir()) == 1,
                  "temporary file left in %s", harness_tmp_dir());
    cmp_result_release(&r);
}
END_TEST

START_TEST(unwritable_directory_fails_and_keeps_old_report)
{
    struct fact f[16];
    struct cmp_result r;
    struct err e = ERR_INIT;
    const char *dir = harness_tmp("ro"), *path = harness_tmp("ro/r.json");
    char *before, *after;

    ck_assert_int_eq(mkdir(dir, 0755), 0);
    run(NULL, 0, &r);
    ck_assert_int_eq(report_write_json(&r, path, &e), 0);
    before = harness_slurp(path, NULL);
    cmp_result_release(&r);
    ck_assert_int_eq(chmod(dir, 0555), 0);
    run(f, sample_facts(f), &r);
    if (access(dir, W_OK) != 0) {  /* not when run as root */
        ck_assert_int_eq(report_write_json(&r, path, &e), -1);
        ck_assert_str_eq(e.file, path);
    }
    after = harness_slurp(path, NULL);
    ck_assert_str_eq(before, after);
    ck_assert_uint_eq(harness_count_entries(dir), 1);
    free(before);
    free(after);
    cmp_result_release(&r);
}
END_TEST

START_TEST(report_replaces_existing_file_whole)
{
    struct fact f[16];
    struct cmp_result r;
    size_t big, small;
    char *text;

    run(f, sample_facts(f), &r);
    write_both(&r, harness_tmp("r.json"), harness_tmp("r.xml"));
    free(harness_slurp(harness_tmp("r.json"), &big));
    cmp_result_release(&r);
    run(NULL, 0, &r);
    write_both(&r, harness_tmp("r.json"), harness_tmp("r.xml"));
    text = harness_slurp(harness_tmp("r.json"), &small);
    ck_assert(small < big);
    ck_assert_msg(strstr(text, "\"groups\": []"), "not replaced: %s", text);
    ck_assert_uint_eq(harness_count_entries(harness_tmp_dir()), 2);
    free(text);
    cmp_result_release(&r);
}
END_TEST

START_TEST(dash_writes_report_to_stdout)
{
    struct fact f[16];
    struct cmp_result r;
    struct err e = ERR_INIT;
    char *want, *got;

    run(f, sample_facts(f), &r);
    write_both(&r, harness_tmp("r.json"), harness_tmp("r.xml"));
    ck_assert_ptr_nonnull(freopen(harness_tmp("stdout"), "w", stdout));
    ck_assert_int_eq(report_write_json(&r, "-", &e), 0);
    ck_assert_int_eq(report_write_xml(&r, "-", &e), 0);
    fclose(stdout);
    want = harness_slurp(harness_tmp("r.json"), NULL);
    got = harness_slurp(harness_tmp("stdout"), NULL);
    ck_assert_msg(strncmp(got, want, strlen(want)) == 0,
                  "stdout differs from the file");
    ck_assert_msg(strstr(got, "<report>"), "no XML on stdout");
    free(want);
    free(got);
    cmp_result_release(&r);
}
END_TEST

/* A FIFO (as /dev/null, a device) must stay one: renaming a temporary
 * file over it would replace it. */
START_TEST(report_to_fifo_writes_in_place)
{
    struct cmp_result r;
    struct err e = ERR_INIT;
    const char *fifo = harness_tmp("fifo");
    char got[4096];
    struct stat st;
    int fd[2], status;
    ssize_t n;
    pid_t pid;

    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    ck_assert_int_eq(pipe(fd), 0);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {  /* copy the FIFO into the pipe */
        FILE *in = fopen(fifo, "r");
        char b[4096];
        size_t k;

        close(fd[0]);
        while (in && (k = fread(b, 1, sizeof(b), in)) > 0)
            if (write(fd[1], b, k) < 0)
                _exit(1);
        _exit(in ? 0 : 1);
    }
    close(fd[1]);
    run(NULL, 0, &r);
    ck_assert_msg(report_write_json(&r, fifo, &e) == 0, "%s", e.msg);
    n = read(fd[0], got, sizeof(got) - 1);
    ck_assert_int_gt(n, 0);
    got[n] = '\0';
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(strstr(got, "\"summary\""), "read: %s", got);
    ck_assert_int_eq(lstat(fifo, &st), 0);
    ck_assert_msg(S_ISFIFO(st.st_mode), "the FIFO was replaced");
    ck_assert_uint_eq(harness_count_entries(harness_tmp_dir()), 1);
    close(fd[0]);
    cmp_result_release(&r);
}
END_TEST

START_TEST(report_through_symlink_keeps_the_link)
{
    struct cmp_result r;
    struct err e = ERR_INIT;
    struct stat st;
    char *text;

    run(NULL, 0, &r);
    ck_assert_int_eq(report_write_json(&r, harness_tmp("real.json"), &e), 0);
    ck_assert_int_eq(symlink("real.json", harness_tmp("link.json")), 0);
    cmp_result_release(&r);
    run(NULL, 0, &r);
    r.nfacts = 12345;
    ck_assert_msg(report_write_json(&r, harness_tmp("link.json"), &e) == 0,
                  "%s", e.msg);
    ck_assert_int_eq(lstat(harness_tmp("link.json"), &st), 0);
    ck_assert_msg(S_ISLNK(st.st_mode), "the symlink was replaced");
    text = harness_slurp(harness_tmp("real.json"), NULL);
    ck_assert_msg(strstr(text, "12345"), "real.json not rewritten: %s",
                  text);
    ck_assert_uint_eq(harness_count_entries(harness_tmp_dir()), 2);
    free(text);
    cmp_result_release(&r);
}
END_TEST

START_TEST(reports_are_deterministic)
{
    struct fact f[16];
    struct cmp_result r;
    struct file_diff d;

    run(f, sample_facts(f), &r);
    write_both(&r, harness_tmp("1.json"), harness_tmp("1.xml"));
    write_both(&r, harness_tmp("2.json"), harness_tmp("2.xml"));
    ck_assert_msg(same_bytes(harness_tmp("1.json"), harness_tmp("2.json"),
                             &d),
                  "json: the second run differs at line %zu", d.line);
    ck_assert_msg(same_bytes(harness_tmp("1.xml"), harness_tmp("2.xml"),
                             &d),
                  "xml: the second run differs at line %zu", d.line);
    cmp_result_release(&r);
}
END_TEST

/* ---- SARIF and JUnit ---- */

static void write_gate(const struct cmp_result *r, const char *sarif,
                       const char *junit)
{
    struct err e = ERR_INIT;

    ck_assert_msg(report_write_sarif(r, sarif, &e) == 0, "%s: %s", sarif,
                  e.msg);
    ck_assert_msg(report_write_junit(r, junit, &e) == 0, "%s: %s", junit,
                  e.msg);
}

static json_t *first_result(json_t *sarif)
{
    return json_array_get(json_object_get(json_array_get(
        json_object_get(sarif, "runs"), 0), "results"), 0);
}

START_TEST(hostile_text_yields_sarif_and_junit_that_parse)
{
    struct fact f[2];
    struct cmp_result r;
    json_t *root, *loc;
    const char *text, *uri;
    xmlDocPtr doc;
    xmlChar *content;

    hostile_result(f, &r);
    write_gate(&r, harness_tmp("r.sarif"), harness_tmp("r.junit.xml"));
    root = harness_load_json(harness_tmp("r.sarif"), NULL);
    loc = json_array_get(json_object_get(first_result(root), "locations"),
                         0);
    text = json_string_value(json_object_get(json_object_get(loc, "message"),
                                             "text"));
    ck_assert_ptr_nonnull(text);
    ck_assert_msg(strstr(text, "<script>alert(1)</script> ]]>"),
                  "text lost: %s", text);
    ck_assert_msg(!has_control(text), "control character in %s", text);
    uri = json_string_value(json_object_get(json_object_get(json_object_get(
        loc, "physicalLocation"), "artifactLocation"), "uri"));
    ck_assert_ptr_nonnull(uri);
    for (const char *p = uri; *p; p++)
        ck_assert_msg(*p > ' ' && *p < 0x7f, "uri byte 0x%02x: %s",
                      (unsigned char)*p, uri);
    json_decref(root);
    doc = xmlReadFile(harness_tmp("r.junit.xml"), NULL, XML_PARSE_NONET);
    ck_assert_msg(doc != NULL, "the JUnit report is not well formed");
    content = xmlNodeGetContent(xmlDocGetRootElement(doc));
    ck_assert_msg(strstr((const char *)content,
                         "<script>alert(1)</script> ]]> &amp;") &&
                  strstr((const char *)content, "no date <here>"),
                  "text lost in JUnit: %s", content);
    xmlFree(content);
    xmlFreeDoc(doc);
    cmp_result_release(&r);
}
END_TEST

/* The sample's sources are not files here: offsets only. */
START_TEST(sarif_without_the_articles_gives_byte_offsets)
{
    struct fact f[16];
    struct cmp_result r;
    json_t *root, *locs;

    run(f, sample_facts(f), &r);
    write_gate(&r, harness_tmp("r.sarif"), harness_tmp("r.junit.xml"));
    root = harness_load_json(harness_tmp("r.sarif"), NULL);
    ck_assert_str_eq(json_string_value(json_object_get(root, "version")),
                     "2.1.0");
    locs = json_object_get(first_result(root), "locations");
    ck_assert_uint_eq(json_array_size(locs), 3);
    for (size_t i = 0; i < json_array_size(locs); i++) {
        json_t *reg = json_object_get(json_object_get(
            json_array_get(locs, i), "physicalLocation"), "region");

        ck_assert_ptr_null(json_object_get(reg, "startLine"));
        ck_assert_int_eq(json_integer_value(json_object_get(
            reg, "byteOffset")), (json_int_t)r.groups[0].facts[i]->offset);
    }
    json_decref(root);
    cmp_result_release(&r);
}
END_TEST

START_TEST(sarif_and_junit_are_deterministic)
{
    struct fact f[16];
    struct cmp_result r;
    struct file_diff d;

    run(f, sample_facts(f), &r);
    write_gate(&r, harness_tmp("1.sarif"), harness_tmp("1.junit.xml"));
    write_gate(&r, harness_tmp("2.sarif"), harness_tmp("2.junit.xml"));
    ck_assert_msg(same_bytes(harness_tmp("1.sarif"), harness_tmp("2.sarif"),
                             &d),
                  "sarif: the second run differs at line %zu", d.line);
    ck_assert_msg(same_bytes(harness_tmp("1.junit.xml"),
                             harness_tmp("2.junit.xml"), &d),
                  "junit.xml: the second run differs at line %zu", d.line);
    cmp_result_release(&r);
}
END_TEST

START_TEST(nothing_compared_gives_empty_sarif_and_junit)
{
    struct cmp_result r;
    json_t *root;
    char *xml;

    run(NULL, 0, &r);
    write_gate(&r, harness_tmp("r.sarif"), harness_tmp("r.junit.xml"));
    root = harness_load_json(harness_tmp("r.sarif"), NULL);
    ck_assert_ptr_null(first_result(root));
    json_decref(root);
    xml = harness_slurp(harness_tmp("r.junit.xml"), NULL);
    ck_assert_msg(strstr(xml, "<testsuites name=\"crosscheck\" tests=\"0\""),
                  "%s", xml);
    free(xml);
    cmp_result_release(&r);
}
END_TEST

/* ---- the summary ---- */

static char *summary_of(const struct cmp_result *r)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    ck_assert_ptr_nonnull(out);
    report_write_summary(r, out);
    ck_assert_int_eq(fclose(out), 0);
    return text;
}

START_TEST(summary_lists_conflicts_before_compatible_groups)
{
    static const char headline[] = "2 sources, 7 facts, 3 groups: "
        "1 conflict (1 new), 1 compatible, 1 agree\n";
    struct fact f[16];
    struct cmp_result r;
    char *text, *conflict, *compatible, *agree;

    run(f, sample_facts(f), &r);
    text = summary_of(&r);
    ck_assert_msg(strncmp(text, headline, strlen(headline)) == 0,
                  "headline: %s", text);
    conflict = strstr(text, "\nconflict: front-line length (km)");
    compatible = strstr(text, "\ncompatible: regions hit");
    agree = strstr(text, "\n1 group agree\n");
    ck_assert_msg(conflict && compatible && agree, "summary: %s", text);
    ck_assert_msg(conflict < compatible && compatible < agree,
                  "out of order: %s", text);
    ck_assert_msg(strstr(text, "  ap.txt: about 1250 \"1,250-kilometer\"\n"),
                  "fact line: %s", text);
    ck_assert_msg(strstr(text, "  ap.txt: at least 6 "), "bound: %s", text);
    ck_assert_msg(!strstr(text, "share of drones missed"),
                  "agreeing group listed: %s", text);
    free(text);
    cmp_result_release(&r);
}
END_TEST

START_TEST(summary_of_hostile_text_has_no_control_characters)
{
    struct fact f[2];
    struct cmp_result r;
    char *text;

    hostile_result(f, &r);
    text = summary_of(&r);
    for (char *p = text; *p; p++)
        ck_assert_msg(*p == '\n' || (unsigned char)*p >= 0x20,
                      "control character %#x in summary",
                      (unsigned char)*p);
    ck_assert_msg(!strchr(text, 0x7f), "DEL in summary");
    free(text);
    cmp_result_release(&r);
}
END_TEST

/* ---- golden reports ---- */

static const char *const golden_cases[] = {
    "agree-compatible-conflict",
    "baseline",
    "empty",
    "hostile-text",
    "numbers-and-bounds",
};

/* Read dir/facts.jsonl into l; a bad line becomes a report error. */
static void read_facts(const char *dir, struct arena *ar,
                       struct fact_list *l, struct cmp_result *r)
{
    char path[600];
    struct buf text = BUF_INIT;
    struct err e = ERR_INIT;
    long line = 0;

    snprintf(path, sizeof(path), "%s/facts.jsonl", dir);
    ck_assert_msg(buf_read_file(&text, path, &e) == 0, "%s", e.msg);
    for (char *p = text.data, *nl; p && *p; p = nl + 1) {
        struct fact f;

        nl = strchr(p, '\n');
        ck_assert_msg(nl != NULL, "%s: last line has no newline", path);
        line++;
        err_clear(&e);
        if (fact_read_json(p, (size_t)(nl - p), ar, &f, &e) == 0) {
            fact_list_push(l, &f);
            continue;
        }
        snprintf(e.file, sizeof(e.file), "facts.jsonl");
        e.line = line;
        cmp_add_error(r, &e);
    }
    buf_release(&text);
}

START_TEST(golden_report_matches)
{
    const char *name = golden_cases[_i];
    bool update = getenv("CROSSCHECK_GOLDEN") != NULL;
    char dir[512], path[600], json[600], xml[600], why[256];
    struct file_diff d;
    struct arena ar = ARENA_INIT;
    struct fact_list facts = FACT_LIST_INIT;
    struct cmp_result r, errors;
    struct err e = ERR_INIT;

    snprintf(dir, sizeof(dir), TEST_SRCDIR "/tests/golden/%s", name);
    memset(&errors, 0, sizeof(errors));
    read_facts(dir, &ar, &facts, &errors);
    run(facts.v, facts.n, &r);
    for (size_t i = 0; i < errors.nerrors; i++)
        cmp_add_error(&r, &errors.errors[i]);
    snprintf(path, sizeof(path), "%s/baseline.json", dir);
    if (access(path, R_OK) == 0)
        ck_assert_msg(cmp_apply_baseline(&r, path, &e) == 0, "%s: %s",
                      name, e.msg);
    snprintf(json, sizeof(json), "%s/report.json", dir);
    snprintf(xml, sizeof(xml), "%s/report.xml", dir);
    if (update) {
        write_both(&r, json, xml);
    } else {
        write_both(&r, harness_tmp("report.json"), harness_tmp("report.xml"));
        ck_assert_msg(same_bytes(json, harness_tmp("report.json"), &d),
                      "%s differs at line %zu (make golden rewrites it)",
                      json, d.line);
        ck_assert_msg(same_bytes(xml, harness_tmp("report.xml"), &d),
                      "%s differs at line %zu (make golden rewrites it)",
                      xml, d.line);
    }
    ck_assert_msg(xml_valid(xml, why, sizeof(why)), "%s: %s", name, why);
    cmp_result_release(&r);
    cmp_result_release(&errors);
    fact_list_release(&facts);
    arena_release(&ar);
}
END_TEST

/* ---- the committed seed reports ---- */

START_TEST(committed_seed_reports_are_current)
{
    static const char *const names[] = {
        "seeds.json", "seeds.xml", "seeds.sarif", "seeds.junit.xml",
    };
    const char *got[4];
    char want[256];
    struct file_diff d;
    struct harness_outcome o;

    for (size_t i = 0; i < 4; i++)
        got[i] = harness_tmp(names[i]);
    /* as make reports runs it: in the source tree, against the committed
     * baseline, writing every report */
    harness_run(&o, "check", "seeds", "--baseline", "reports/baseline.json",
                "--json", got[0], "--xml", got[1], "--sarif", got[2],
                "--junit", got[3]);
    harness_expect_success(&o);
    for (size_t i = 0; i < 4; i++) {
        snprintf(want, sizeof(want), TEST_SRCDIR "/reports/%s", names[i]);
        ck_assert_msg(same_bytes(want, got[i], &d),
                      "%s differs at line %zu (make reports rewrites it)",
                      want, d.line);
    }
}
END_TEST

/* ---- the suite ---- */

static Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *t = harness_tcase(s, "json");

    tcase_add_test(t, json_report_has_contract_fields);
    tcase_add_test(t, json_fact_points_at_its_text);
    tcase_add_test(t, whole_numbers_print_as_integers_and_decimals_cleanly);
    tcase_add_test(t, vague_amounts_write_null_value);
    tcase_add_test(t, baseline_fields_only_with_a_baseline);

    t = harness_tcase(s, "json_bytes");
    tcase_add_loop_test(t, json_report_bytes_equal_jansson_tree, 0,
                        sizeof(bytes_cases) / sizeof(bytes_cases[0]));
    tcase_add_test(t, json_report_of_hostile_text_equals_jansson_tree);
    tcase_add_test(t, json_escapes_every_byte_at_every_place);
    tcase_add_test(t, reals_print_as_jansson_prints_them);
    tcase_add_test(t, integers_print_as_jansson_prints_them);

    t = harness_tcase(s, "xml_and_hostile_text");
    tcase_add_test(t, hostile_text_yields_json_that_parses);
    tcase_add_test(t, hostile_text_yields_xml_that_validates);
    tcase_add_test(t, xml_report_validates_against_xsd);
    tcase_add_test(t, xsd_rejects_unknown_verdict);

    t = harness_tcase(s, "files");
    tcase_add_test(t, report_in_missing_directory_fails_naming_path);
    tcase_add_test(t, failed_write_leaves_no_temporary_file);
    tcase_add_test(t, unwritable_directory_fails_and_keeps_old_report);
    tcase_add_test(t, report_replaces_existing_file_whole);
    tcase_add_test(t, dash_writes_report_to_stdout);
    tcase_add_test(t, report_to_fifo_writes_in_place);
    tcase_add_test(t, report_through_symlink_keeps_the_link);
    tcase_add_test(t, reports_are_deterministic);

    t = harness_tcase(s, "sarif_and_junit");
    tcase_add_test(t, hostile_text_yields_sarif_and_junit_that_parse);
    tcase_add_test(t, sarif_without_the_articles_gives_byte_offsets);
    tcase_add_test(t, sarif_and_junit_are_deterministic);
    tcase_add_test(t, nothing_compared_gives_empty_sarif_and_junit);

    t = harness_tcase(s, "summary");
    tcase_add_test(t, summary_lists_conflicts_before_compatible_groups);
    tcase_add_test(t, summary_of_hostile_text_has_no_control_characters);

    t = harness_tcase(s, "golden");
    tcase_add_loop_test(t, golden_report_matches, 0,
                        sizeof(golden_cases) / sizeof(golden_cases[0]));

    t = harness_tcase(s, "seeds");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, committed_seed_reports_are_current);
    return s;
}

int main(void)
{
    return harness_run_suite(report_suite());
}
