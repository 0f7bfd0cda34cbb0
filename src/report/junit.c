/* The JUnit XML report, for CI servers that show test results: a
 * testcase per group, failed when its conflict is new. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "cmp/cmp.h"
#include "report/report.h"
#include "report/report_private.h"
#include "util/buf.h"
#include "util/err.h"


/* ---- counts ---- */

struct tally {
    size_t tests, failures, errors, skipped;
};

static bool is_known(const struct group *g)
{
    return g->verdict == VERDICT_CONFLICT && !g->is_new;
}

static struct tally count(const struct cmp_result *r)
{
    struct tally t = { r->ngroups + r->nerrors, 0, r->nerrors, 0 };

    for (size_t i = 0; i < r->ngroups; i++) {
        t.failures += r->groups[i].is_new;
        t.skipped += is_known(&r->groups[i]);
    }
    return t;
}

static void attr_tally(struct report_xw *x, const struct tally *t)
{
    report_xw_attr_size(x, "tests", t->tests);
    report_xw_attr_size(x, "failures", t->failures);
    report_xw_attr_size(x, "errors", t->errors);
    report_xw_attr_size(x, "skipped", t->skipped);
}

/* ---- test cases ---- */

/* "new conflict", "updated conflict", "known conflict", "conflict". */
static void put_state(struct buf *b, const struct group *g)
{
    const char *state = cmp_baseline_name(g->baseline);

    if (g->baseline == BASELINE_UNCHANGED)
        state = "known";
    else if (!state)
        state = g->is_new ? "new" : NULL;
    buf_printf(b, "%s%s%s", state ? state : "", state ? " " : "",
               cmp_verdict_name(g->verdict));
}

/* Each fact on its own line: where it is, the outlet, what it states. */
static void put_details(struct buf *b, const struct group *g,
                        const struct report_spot *s, struct buf *tmp)
{
    put_state(b, g);
    buf_printf(b, " %s: ", g->id);
    report_group_title(b, g);
    buf_putc(b, '\n');
    for (size_t i = 0; i < g->nfacts; i++) {
        const struct fact *f = g->facts[i];

        buf_printf(b, "  %s", report_clean(tmp, f->source));
        if (s[i].line > 0)
            buf_printf(b, ":%ld:%ld", s[i].line, s[i].column);
        else
            buf_printf(b, " at byte %zu", f->offset);
        buf_printf(b, ": %s: ", report_clean(tmp, f->outlet));
        report_amount(b, f);
        buf_printf(b, " \"%s\"\n", report_clean(tmp, f->text));
    }
}

static void put_case(struct report_xw *x, const struct group *g,
                     const struct report_spot *s)
{
    struct buf name = BUF_INIT, say = BUF_INIT, tmp = BUF_INIT;

    /* the title without its days, which grow: a test keeps its name */
    buf_puts(&name, report_clean(&tmp, g->topic));
    buf_printf(&name, " (%s)", report_clean(&tmp, g->unit));
    if (g->scope[0])
        buf_printf(&name, " in %s", report_clean(&tmp, g->scope));
    buf_printf(&name, " [%s]", g->id);
    report_xw_start(x, "testcase");
    report_xw_attr(x, "classname", "crosscheck");
    report_xw_attr(x, "name", name.data);
    if (g->verdict == VERDICT_CONFLICT) {
        put_state(&say, g);
        buf_puts(&say, ": ");
        report_group_title(&say, g);
        report_xw_start(x, g->is_new ? "failure" : "skipped");
        report_xw_attr(x, "message", say.data);
        if (g->is_new)
            report_xw_attr(x, "type", cmp_baseline_name(g->baseline)
                            ? cmp_baseline_name(g->baseline) : "new");
        buf_truncate(&say, 0);
        put_details(&say, g, s, &tmp);
        report_xw_text(x, say.data);
        report_xw_end(x);
    }
    report_xw_end(x);
    buf_release(&name);
    buf_release(&say);
    buf_release(&tmp);
}

static void put_error(struct report_xw *x, const struct err *e)
{
    char where[600];

    err_format(e, where, sizeof(where));
    report_xw_start(x, "testcase");
    report_xw_attr(x, "classname", "crosscheck.input");
    report_xw_attr(x, "name", where);
    report_xw_start(x, "error");
    report_xw_attr(x, "message", e->msg);
    report_xw_attr(x, "type", "input");
    report_xw_text(x, where);
    report_xw_end(x);
    report_xw_end(x);
}

static void write_report(struct report_xw *x, const struct cmp_result *r)
{
    struct tally t = count(r);
    struct report_spot *spots = report_locate_conflicts(r), *s = spots;

    x->bad |= xmlTextWriterSetIndent(x->w, 1) < 0;
    x->bad |= xmlTextWriterSetIndentString(x->w, BAD_CAST "  ") < 0;
    x->bad |= xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL) < 0;
    report_xw_start(x, "testsuites");
    report_xw_attr(x, "name", PACKAGE_NAME);
    attr_tally(x, &t);
    report_xw_start(x, "testsuite");
    report_xw_attr(x, "name", PACKAGE_NAME);
    attr_tally(x, &t);
    for (size_t i = 0; i < r->nerrors; i++)
        put_error(x, &r->errors[i]);
    for (size_t i = 0; i < r->ngroups; i++) {
        put_case(x, &r->groups[i], s);
        if (r->groups[i].verdict == VERDICT_CONFLICT)
            s += r->groups[i].nfacts;
    }
    report_xw_end(x);
    report_xw_end(x);
    x->bad |= xmlTextWriterEndDocument(x->w) < 0;
    free(spots);
}

int report_write_junit(const struct cmp_result *r, const char *path,
                       struct err *e)
{
    return report_xw_write_file(r, path, "JUnit report", write_report, e);
}
