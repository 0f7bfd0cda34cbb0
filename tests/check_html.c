/* The HTML review page: hostile text stays text, one section per group
 * in verdict order, the picture's rows by value, each quote in its
 * sentence, links from the page to the articles, the Content-Security-
 * Policy hashes, and the committed page of the seeds. */
#include "config.h"

#include <check.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmp/cmp.h"
#include "fact/fact.h"
#include "harness.h"
#include "report/report.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"
#include "util/sha256.h"

/* ---- facts ---- */

static int day(const char *iso)
{
    return date_parse_iso(iso, strlen(iso));
}

/* A fact of outlet, quoting text at offset in the file source. */
static struct fact fact_at(const char *source, const char *outlet,
                           size_t offset, const char *text,
                           enum qualifier q, double value)
{
    struct fact f;

    memset(&f, 0, sizeof(f));
    f.source = source;
    f.outlet = outlet;
    f.source_date = day("2026-02-26");
    f.offset = offset;
    f.text = text;
    f.length = strlen(text);
    f.has_value = f.has_low = f.has_high = true;
    f.value = f.low = f.high = value;
    f.qual = q;
    f.unit = "km";
    f.topic = "front line length";
    f.kind = KIND_STATE;
    f.date_from = f.date_to = day("2026-02-26");
    f.scope = "";
    return f;
}

/* Write an article named name holding body and a fact quoting the
 * first quote in it. */
static struct fact quoted(const char *name, const char *body,
                          const char *quote, enum qualifier q, double value)
{
    const char *path = harness_tmp(name);
    struct buf b = BUF_INIT;
    const char *at;

    buf_printf(&b, " date 2026-02-26 %s\n", body);
    harness_write_file(path, b.data);
    at = strstr(b.data, quote);
    ck_assert_msg(at != NULL, "%s: no '%s'", name, quote);
    struct fact f = fact_at(path, name, (size_t)(at - b.data), quote, q,
                            value);
    buf_release(&b);
    return f;
}

static void run(struct fact *f, size_t n, struct cmp_result *r)
{
    struct cmp_options o;

    cmp_options_init(&o);
    cmp_run(f, n, &o, r);
}

/* ---- the page, parsed back ---- */

static htmlDocPtr page_of(const struct cmp_result *r, const char *path)
{
    struct err e = ERR_INIT;
    htmlDocPtr doc;

    ck_assert_msg(report_write_html(r, path, &e) == 0, "%s: %s", path,
                  e.msg);
    doc = htmlReadFile(path, "UTF-8", HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                       HTML_PARSE_NOWARNING);
    ck_assert_msg(doc != NULL, "%s does not parse", path);
    return doc;
}

/* The nodes expr selects; the caller frees the result. */
static xmlXPathObjectPtr select_nodes(htmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr c = xmlXPathNewContext(doc);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, c);

    ck_assert_msg(o != NULL && o->type == XPATH_NODESET, "bad XPath %s",
                  expr);
    xmlXPathFreeContext(c);
    return o;
}

static size_t count(htmlDocPtr doc, const char *expr)
{
    xmlXPathObjectPtr o = select_nodes(doc, expr);
    size_t n = o->nodesetval ? (size_t)o->nodesetval->nodeNr : 0;

    xmlXPathFreeObject(o);
    return n;
}

/* The text of the i-th node expr selects, to be freed with free(). */
static char *text_of(htmlDocPtr doc, const char *expr, size_t i)
{
    xmlXPathObjectPtr o = select_nodes(doc, expr);
    xmlChar *s;
    char *copy;

    ck_assert_msg(o->nodesetval && (size_t)o->nodesetval->nodeNr > i,
                  "%s: fewer than %zu nodes", expr, i + 1);
    s = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
    copy = strdup(s ? (const char *)s : "");
    xmlFree(s);
    xmlXPathFreeObject(o);
    return copy;
}

#define GROUPS "//section[contains(concat(' ', @class, ' '), ' group ')]"

/* ---- hostile text ---- */

struct tally {
    size_t elements, img, script, handlers, scheme_links;
};

/* Count what could run: img and script elements, on* attributes, links
 * that are not plain paths. */
static void walk(xmlNodePtr n, struct tally *t)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        t->elements++;
        t->img += xmlStrcasecmp(n->name, BAD_CAST "img") == 0;
        t->script += xmlStrcasecmp(n->name, BAD_CAST "script") == 0;
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            xmlChar *v = xmlGetProp(n, a->name);

            t->handlers += xmlStrncasecmp(a->name, BAD_CAST "on", 2) == 0;
            if (xmlStrcasecmp(a->name, BAD_CAST "href") == 0 && v &&
                strchr((const char *)v, ':'))
                t->scheme_links++;
            xmlFree(v);
        }
        walk(n->children, t);
    }
}

static const char script_text[] = "<script>alert(1)</script>";
static const char img_text[] = "\"><img src=x onerror=alert(1)>";

START_TEST(hostile_article_text_shows_as_text)
{
    struct fact f[2];
    struct cmp_result r;
    struct tally t = { 0 };
    struct buf b = BUF_INIT;

    buf_printf(&b, "%s The front line is 1,200km long.", script_text);
    f[0] = quoted("kyiv.txt", b.data, "1,200km", QUAL_EXACT, 1200);
    buf_truncate(&b, 0);
    buf_printf(&b, "It runs %s roughly 1,250km in all.", img_text);
    f[1] = quoted("x\"><img src=y onerror=alert(2)>.txt", b.data,
                  "roughly 1,250km", QUAL_ABOUT, 1250);
    f[1].outlet = "<script>alert(3)</script>";
    f[0].scope = f[1].scope = "<img src=z onerror=alert(4)>";
    f[0].topic = f[1].topic = "front <b>line</b> & length";
    run(f, 2, &r);
    ck_assert_int_eq(r.conflict, 1);
    htmlDocPtr doc = page_of(&r, harness_tmp("page.html"));
    walk(xmlDocGetRootElement(doc), &t);
    ck_assert_uint_gt(t.elements, 20);
    ck_assert_msg(t.img == 0, "%zu img elements", t.img);
    ck_assert_msg(t.script == 1, "%zu script elements", t.script);
    ck_assert_msg(t.handlers == 0, "%zu on* attributes", t.handlers);
    ck_assert_msg(t.scheme_links == 0, "%zu links with a scheme",
                  t.scheme_links);
    char *all = text_of(doc, "//main", 0);
    ck_assert_msg(strstr(all, script_text), "script text lost: %s", all);
    ck_assert_msg(strstr(all, img_text), "img text lost: %s", all);
    ck_assert_msg(strstr(all, "<script>alert(3)</script>"), "outlet lost");
    ck_assert_msg(strstr(all, "<img src=z onerror=alert(4)>"), "place lost");
    ck_assert_msg(strstr(all, "front <b>line</b> & length"), "topic lost");
    ck_assert_msg(strstr(all, "x\"><img src=y onerror=alert(2)>.txt"),
                  "file name lost: %s", all);
    free(all);
    buf_release(&b);
    xmlFreeDoc(doc);
    cmp_result_release(&r);
}
END_TEST

START_TEST(invalid_utf8_and_controls_are_repaired)
{
    struct fact f[2];
    struct cmp_result r;

    f[0] = fact_at(harness_tmp("gone-a.txt"), "a\xff\x1b[2J", 9, "1,200km",
                   QUAL_EXACT, 1200);
    f[1] = fact_at(harness_tmp("gone-b.txt"), "b", 9, "1,250\xc0km",
                   QUAL_EXACT, 1250);
    run(f, 2, &r);
    htmlDocPtr doc = page_of(&r, harness_tmp("page.html"));
    char *all = harness_slurp(harness_tmp("page.html"), NULL);
    ck_assert_msg(!strchr(all, '\x1b'), "escape character written");
    ck_assert_msg(strstr(all, "a\xef\xbf\xbd"), "no U+FFFD for \\xff");
    ck_assert_msg(strstr(all, "1,250\xef\xbf\xbdkm"), "no U+FFFD for \\xc0");
    free(all);
    xmlFreeDoc(doc);
    cmp_result_release(&r);
}
END_TEST

/* ---- groups and the picture ---- */

/* A conflict, a compatible group, an agreement, facts out of order. */
static size_t three_groups(struct fact *f)
{
    size_t n = 0;

    f[n++] = fact_at("c.txt", "c", 10, "1,300km", QUAL_EXACT, 1300);
    f[n++] = fact_at("a.txt", "a", 10, "1,200km", QUAL_EXACT, 1200);
    f[n++] = fact_at("b.txt", "b", 10, "roughly 1,250km", QUAL_ABOUT, 1250);
    f[n] = fact_at("a.txt", "a", 40, "eight regions", QUAL_EXACT, 8);
    f[n++].topic = "regions hit";
    f[n] = fact_at("b.txt", "b", 40, "at least six regions", QUAL_AT_LEAST,
                   6);
    f[n].has_high = false;
    f[n++].topic = "regions hit";
    f[n] = fact_at("a.txt", "a", 70, "420 drones", QUAL_EXACT, 420);
    f[n++].topic = "drones launched";
    f[n] = fact_at("b.txt", "b", 70, "some 420 drones", QUAL_ABOUT, 420);
    f[n++].topic = "drones launched";
    for (size_t i = 3; i < n; i++)
        f[i].unit = "count";
    return n;
}

START_TEST(one_section_per_group_conflicts_first)
{
    struct fact f[8];
    struct cmp_result r;

    run(f, three_groups(f), &r);
    ck_assert_uint_eq(r.ngroups, 3);
    htmlDocPtr doc = page_of(&r, harness_tmp("page.html"));
    ck_assert_uint_eq(count(doc, GROUPS), r.ngroups);
    const char *order[] = { "conflict", "compatible", "agree" };
    for (size_t i = 0; i < 3; i++) {
        char *v = text_of(doc, GROUPS "/@data-verdict", i);

        ck_assert_msg(strcmp(v, order[i]) == 0, "section %zu is %s", i, v);
        free(v);
    }
    ck_assert_uint_eq(count(doc, "//details[@class='agreements']"
                                 "//section[@data-verdict='agree']"), 1);
    ck_assert_uint_eq(count(doc, "//details//section[@data-verdict!="
                                 "'agree']"), 0);
    char *counts = text_of(doc, "//header/p[@class='counts']", 0);
    ck_assert_msg(strstr(counts, "3 groups: 1 conflict (1 new), "
                                 "1 compatible, 1 agree"), "%s", counts);
    free(counts);
    xmlFreeDoc(doc);
    cmp_result_release(&r);
}
END_TEST

/* The numbers of attribute name of the nodes expr selects. */
static size_t numbers(htmlDocPtr doc, const char *expr, double *v,
                      size_t max)
{
    xmlXPathObjectPtr o = select_nodes(doc, expr);
    size_t n = 0;

    for (int i = 0; o->nodesetval && i < o->nodesetval->nodeNr; i++) {
        xmlChar *s = xmlNodeGetContent(o->nodesetval->nodeTab[i]);

        ck_assert_uint_lt(n, max);
        v[n++] = strtod((const char *)s, NULL);
        xmlFree(s);
    }
    xmlXPathFreeObject(o);
    return n;
}

START_TEST(picture_rows_are_ordered_by_value)
{
    struct fact f[8];
    struct cmp_result r;
    double v[16], y[16], dots[16];

    run(f, three_groups(f), &r);
    htmlDocPtr doc = page_of(&r, harness_tmp("page.html"));
    ck_assert_uint_eq(count(doc, GROUPS "//svg"), 3);
    /* the conflict: 1200, about 1250, 1300, whatever the input order */
    const char *conflict = GROUPS "[@data-verdict='conflict']//svg";
    struct buf x = BUF_INIT;
    buf_printf(&x, "%s/g[@class='row']/@data-value", conflict);
    ck_assert_uint_eq(numbers(doc, x.data, v, 16), 3);
    ck_assert_msg(v[0] == 1200 && v[1] == 1250 && v[2] == 1300,
                  "rows %g %g %g", v[0], v[1], v[2]);
    buf_truncate(&x, 0);
    buf_printf(&x, "%s/g[@class='row']/rect/@y", conflict);
    ck_assert_uint_eq(numbers(doc, x.data, y, 16), 3);
    ck_assert_msg(y[0] < y[1] && y[1] < y[2], "rows not top down");
    buf_truncate(&x, 0);
    buf_printf(&x, "%s/g[@class='row']/circle/@cx", conflict);
    ck_assert_uint_eq(numbers(doc, x.data, dots, 16), 3);
    ck_assert_msg(dots[0] < dots[1] && dots[1] < dots[2], "dots %g %g %g",
                  dots[0], dots[1], dots[2]);
    /* the bars do not meet: 1200 ends before about 1250 begins */
    double b0[2], b1[2];
    buf_truncate(&x, 0);
    buf_printf(&x, "%s/g[@class='row'][1]/rect/@x | %s/g[@class='row'][1]"
               "/rect/@width", conflict, conflict);
    ck_assert_uint_eq(numbers(doc, x.data, b0, 2), 2);
    buf_truncate(&x, 0);
    buf_printf(&x, "%s/g[@class='row'][2]/rect/@x", conflict);
    ck_assert_uint_eq(numbers(doc, x.data, b1, 1), 1);
    ck_assert_msg(b0[0] + b0[1] < b1[0], "bars meet: %g+%g, %g", b0[0],
                  b0[1], b1[0]);
    /* the list of facts follows the rows */
    char *first = text_of(doc, GROUPS "[1]//li//mark", 0);
    ck_assert_str_eq(first, "1,200km");
    free(first);
    buf_release(&x);
    xmlFreeDoc(doc);
    cmp_result_release(&r);
}
END_TEST

START_TEST(open_bound_runs_to_the_axis_edge)
{
    struct fact f[8];
    struct cmp_result r;
    double x[2];

    run(f, three_groups(f), &r);
    htmlDocPtr doc = page_of(&r, harness_tmp("page.html"));
    const char *row = GROUPS "[@data-verdict='compatible']//svg"
                      "/g[@class='row'][1]";
    struct buf e = BUF_INIT;
    buf_printf(&e, "%s/polygon[@class='open']", row);
    ck_assert_uint_eq(count(doc, e.data), 1);
    buf_truncate(&e, 0);
    buf_printf(&e, "%s/rect/@x | %s/rect/@width", row, row);
    ck_assert_uint_eq(numbers(doc, e.data, x, 2), 2);
    ck_assert_msg(fabs(x[0] + x[1] - 612) < 0.11, "bar ends at %g",
                  x[0] + x[1]);
    buf_release(&e);
    xmlFreeDoc(doc);
    cmp_result_release(&r);
}
END_TEST

/* ---- quotes in their sentences ---- */

START_TEST(quote_is_marked_in_its_sentence)
{
    struct fact f[2];
    struct cmp_result r;

    f[0] = quoted("a.txt", "Talks went on. The 1,200km front held! Next.",
                  "1,200km", QUAL_EXACT, 1200);
    f[1] = quoted("b.txt", "First line\nalong the roughly 1,250km front\n"
                  "line two. Is it?", "roughly 1,250km", QUAL_ABOUT, 1250);
    run(f, 2, &r);
    htmlDocPtr doc = page_of(&r, harness_tmp("page.html"));
    char *q0 = text_of(doc, GROUPS "//blockquote", 0);
    char *q1 = text_of(doc, GROUPS "//blockquote", 1);
    char *m0 = text_of(doc, GROUPS "//blockquote/mark", 0);
    ck_assert_str_eq(q0, "The 1,200km front held!");
    ck_assert_str_eq(q1, "along the roughly 1,250km front");
    ck_assert_str_eq(m0, "1,200km");
    free(q0);
    free(q1);
    free(m0);
    char *where = text_of(doc, GROUPS "//p[@class='where']", 1);
    ck_assert_msg(strstr(where, "line 2"), "%s", where);
    free(where);
    xmlFreeDoc(doc);
    cmp_result_release(&r);
}
END_TEST

START_TEST(long_sentence_is_cut_near_the_quote)
{
    struct buf body = BUF_INIT;
    struct fact f[2];
    struct cmp_result r;

    for (int i = 0; i < 60; i++)
        buf_puts(&body, "word and ");
    buf_puts(&body, "the 1,200km front ");
    for (int i = 0; i < 60; i++)
        buf_puts(&body, "and more ");
    buf_puts(&body, "end.");
    f[0] = quoted("a.txt", body.data, "1,200km", QUAL_EXACT, 1200);
    f[1] = quoted("b.txt", "About 1,300km.", "1,300km", QUAL_EXACT, 1300);
    run(f, 2, &r);
    htmlDocPtr doc = page_of(&r, harness_tmp("page.html"));
    char *q = text_of(doc, GROUPS "//blockquote", 0);
    ck_assert_msg(strlen(q) <= 420 && strlen(q) >= 350, "%zu bytes: %s",
                  strlen(q), q);
    ck_assert_msg(strncmp(q, "\xe2\x80\xa6", 3) == 0, "no leading ellipsis");
    ck_assert_msg(strstr(q, "the 1,200km front"), "quote lost: %s", q);
    ck_assert_msg(strcmp(q + strlen(q) - 3, "\xe2\x80\xa6") == 0,
                  "no trailing ellipsis");
    free(q);
    buf_release(&body);
    xmlFreeDoc(doc);
    cmp_result_release(&r);
}
END_TEST

START_TEST(unreadable_or_changed_article_shows_the_quote_alone)
{
    struct fact f[2];
    struct cmp_result r;

    f[0] = fact_at(harness_tmp("missing.txt"), "a", 30, "1,200km", QUAL_EXACT,
                   1200);
    f[1] = quoted("b.txt", "It is 1,250km long.", "1,250km", QUAL_EXACT,
                  1250);
    harness_write_file(f[1].source, " date 2026-02-26 It is 1,350km long.\n");
    run(f, 2, &r);
    htmlDocPtr doc = page_of(&r, harness_tmp("page.html"));
    for (size_t i = 0; i < 2; i++) {
        char *q = text_of(doc, GROUPS "//blockquote", i);
        char *m = text_of(doc, GROUPS "//blockquote/mark", i);

        ck_assert_str_eq(q, m);
        free(q);
        free(m);
    }
    char *where = text_of(doc, GROUPS "//p[@class='where']", 0);
    ck_assert_msg(strstr(where, "the quote alone"), "%s", where);
    free(where);
    xmlFreeDoc(doc);
    cmp_result_release(&r);
}
END_TEST

/* ---- links, security policy, determinism ---- */

START_TEST(links_lead_from_the_page_to_the_articles)
{
    struct fact f[2];
    struct cmp_result r;

    /* each test runs in a fork */
    ck_assert_int_eq(chdir(harness_tmp_dir()), 0);
    ck_assert_int_eq(mkdir("news", 0777), 0);
    ck_assert_int_eq(mkdir("out", 0777), 0);
    f[0] = quoted("news/a b.txt", "It is 1,200km.", "1,200km", QUAL_EXACT,
                  1200);
    f[1] = quoted("news/b.txt", "It is 1,300km.", "1,300km", QUAL_EXACT,
                  1300);
    f[0].source = "news/a b.txt";
    f[1].source = "./news/b.txt";
    run(f, 2, &r);
    htmlDocPtr doc = page_of(&r, "out/page.html");
    char *h0 = text_of(doc, "//p[@class='where']/a/@href", 0);
    char *h1 = text_of(doc, "//p[@class='where']/a/@href", 1);
    char *t0 = text_of(doc, "//p[@class='where']/a", 0);
    ck_assert_str_eq(h0, "../news/a%20b.txt");
    ck_assert_str_eq(h1, "../news/b.txt");
    ck_assert_str_eq(t0, "news/a b.txt");
    free(h0);
    free(h1);
    free(t0);
    xmlFreeDoc(doc);
    doc = page_of(&r, "page.html");
    h1 = text_of(doc, "//p[@class='where']/a/@href", 1);
    ck_assert_str_eq(h1, "news/b.txt");
    free(h1);
    xmlFreeDoc(doc);
    cmp_result_release(&r);
}
END_TEST

/* Whether the policy allows the hash of the text of the first element
 * name, as "'sha256-...'" in directive. */
static void assert_hash_allowed(htmlDocPtr doc, const char *policy,
                                const char *directive, const char *name)
{
    struct buf want = BUF_INIT, expr = BUF_INIT;
    char hash[45];

    buf_printf(&expr, "//%s", name);
    char *text = text_of(doc, expr.data, 0);
    sha256_base64(text, strlen(text), hash);
    buf_printf(&want, "%s 'sha256-%s'", directive, hash);
    ck_assert_msg(strstr(policy, want.data), "%s lacks %s", policy,
                  want.data);
    free(text);
    buf_release(&want);
    buf_release(&expr);
}

START_TEST(policy_allows_only_the_page_script_and_style)
{
    struct fact f[8];
    struct cmp_result r;

    run(f, three_groups(f), &r);
    htmlDocPtr doc = page_of(&r, harness_tmp("page.html"));
    char *policy = text_of(doc, "//head/meta[@http-equiv="
                                "'Content-Security-Policy']/@content", 0);
    ck_assert_msg(strncmp(policy, "default-src 'none';", 19) == 0, "%s",
                  policy);
    ck_assert_msg(!strstr(policy, "unsafe"), "%s", policy);
    assert_hash_allowed(doc, policy, "script-src", "script");
    assert_hash_allowed(doc, policy, "style-src", "style");
    ck_assert_uint_eq(count(doc, "//script"), 1);
    ck_assert_uint_eq(count(doc, "//style"), 1);
    ck_assert_uint_eq(count(doc, "//*[@src]"), 0);
    ck_assert_uint_eq(count(doc, "//link"), 0);
    free(policy);
    xmlFreeDoc(doc);
    cmp_result_release(&r);
}
END_TEST

START_TEST(page_is_deterministic)
{
    struct fact f[8];
    struct cmp_result r;
    struct err e = ERR_INIT;

    run(f, three_groups(f), &r);
    ck_assert_int_eq(report_write_html(&r, harness_tmp("1.html"), &e), 0);
    ck_assert_int_eq(report_write_html(&r, harness_tmp("2.html"), &e), 0);
    char *a = harness_slurp(harness_tmp("1.html"), NULL);
    char *b = harness_slurp(harness_tmp("2.html"), NULL);
    ck_assert_str_eq(a, b);
    ck_assert_msg(strncmp(a, "<!DOCTYPE html>\n", 16) == 0, "%.40s", a);
    free(a);
    free(b);
    cmp_result_release(&r);
}
END_TEST

START_TEST(page_in_missing_directory_fails_naming_it)
{
    struct fact f[8];
    struct cmp_result r;
    struct err e = ERR_INIT;
    const char *path = harness_tmp("no/such/page.html");

    run(f, three_groups(f), &r);
    ck_assert_int_eq(report_write_html(&r, path, &e), -1);
    ck_assert_str_eq(e.file, path);
    cmp_result_release(&r);
}
END_TEST

/* ---- the committed page of the seeds ---- */

/* Run check seeds as make reports runs it in the source tree (with the
 * accepted baseline when there is one), but in the scratch directory,
 * which holds a link to the seeds and a reports/ folder, so that the
 * page's links come out the same. */
START_TEST(committed_seed_page_is_current)
{
    const char *baseline = TEST_SRCDIR "/reports/baseline.json";
    const char *args[] = {
        "check", "seeds", "--html", "reports/seeds.html",
        "--baseline", "reports/baseline.json", NULL,
    };
    bool has_baseline = access(baseline, R_OK) == 0;
    struct harness_outcome o;

    ck_assert_int_eq(symlink(TEST_SRCDIR "/seeds", harness_tmp("seeds")), 0);
    ck_assert_int_eq(mkdir(harness_tmp("reports"), 0777), 0);
    if (has_baseline)
        ck_assert_int_eq(symlink(baseline,
                                 harness_tmp("reports/baseline.json")), 0);
    else
        args[4] = NULL;
    harness_run_argv(&o, &(struct harness_opts){ .dir = harness_tmp_dir() },
                     args);
    harness_expect_success(&o);
    char *want = harness_slurp(TEST_SRCDIR "/reports/seeds.html", NULL);
    char *got = harness_slurp(harness_tmp("reports/seeds.html"), NULL);
    size_t i = 0, line = 1;
    while (want[i] && want[i] == got[i])
        line += want[i++] == '\n';
    ck_assert_msg(want[i] == got[i], "reports/seeds.html differs at line "
                  "%zu (make reports rewrites it)", line);
    free(want);
    free(got);
}
END_TEST

/* ---- the suite ---- */

static Suite *html_suite(void)
{
    Suite *s = suite_create("html");
    TCase *t = harness_tcase(s, "hostile_text");

    tcase_add_test(t, hostile_article_text_shows_as_text);
    tcase_add_test(t, invalid_utf8_and_controls_are_repaired);

    t = harness_tcase(s, "groups");
    tcase_add_test(t, one_section_per_group_conflicts_first);
    tcase_add_test(t, picture_rows_are_ordered_by_value);
    tcase_add_test(t, open_bound_runs_to_the_axis_edge);

    t = harness_tcase(s, "quotes");
    tcase_add_test(t, quote_is_marked_in_its_sentence);
    tcase_add_test(t, long_sentence_is_cut_near_the_quote);
    tcase_add_test(t, unreadable_or_changed_article_shows_the_quote_alone);

    t = harness_tcase(s, "page");
    tcase_add_test(t, links_lead_from_the_page_to_the_articles);
    tcase_add_test(t, policy_allows_only_the_page_script_and_style);
    tcase_add_test(t, page_is_deterministic);
    tcase_add_test(t, page_in_missing_directory_fails_naming_it);

    t = harness_tcase(s, "seeds");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, committed_seed_page_is_current);
    return s;
}

int main(void)
{
    return harness_run_suite(html_suite());
}
