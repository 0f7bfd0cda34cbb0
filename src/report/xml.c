/* The XML report, written with libxml2's xmlTextWriter; report.xsd beside
 * this file is its schema. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "cmp/cmp.h"
#include "report/report.h"
#include "report/report_private.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"


static void attr_number(struct report_xw *x, const char *name, double v)
{
    char s[32];

    report_format_number(v, s);
    report_xw_attr(x, name, s);
}

static void attr_day(struct report_xw *x, const char *name, int day)
{
    char s[11];

    date_format(day, s);
    report_xw_attr(x, name, s);
}

static void attr_bool(struct report_xw *x, const char *name, bool b)
{
    report_xw_attr(x, name, b ? "true" : "false");
}

/* ---- the report's parts ---- */

static void write_fact(struct report_xw *x, const struct fact *f)
{
    report_xw_start(x, "fact");
    report_xw_attr(x, "source", f->source);
    report_xw_attr(x, "outlet", f->outlet);
    report_xw_attr_size(x, "offset", f->offset);
    report_xw_attr_size(x, "length", f->length);
    if (f->has_value)
        attr_number(x, "value", f->value);
    if (f->has_low)
        attr_number(x, "low", f->low);
    if (f->has_high)
        attr_number(x, "high", f->high);
    attr_bool(x, "low_exclusive", f->has_low && f->low_excl);
    attr_bool(x, "high_exclusive", f->has_high && f->high_excl);
    report_xw_attr(x, "qualifier", fact_qualifier_name(f->qual));
    attr_day(x, "date_from", f->date_from);
    attr_day(x, "date_to", f->date_to);
    report_xw_attr(x, "scope", f->scope);
    report_xw_start(x, "text");
    report_xw_text(x, f->text);
    report_xw_end(x);
    report_xw_end(x);
}

static void write_group(struct report_xw *x, const struct group *g, bool baseline)
{
    const char *state = cmp_baseline_name(g->baseline);

    report_xw_start(x, "group");
    report_xw_attr(x, "id", g->id);
    report_xw_attr(x, "topic", g->topic);
    report_xw_attr(x, "unit", g->unit);
    report_xw_attr(x, "scope", g->scope);
    attr_day(x, "date_from", g->date_from);
    attr_day(x, "date_to", g->date_to);
    report_xw_attr(x, "verdict", cmp_verdict_name(g->verdict));
    attr_bool(x, "new", g->is_new);
    if (baseline && state)
        report_xw_attr(x, "baseline", state);
    report_xw_attr_size(x, "outlets", g->noutlets);
    report_xw_start(x, "facts");
    for (size_t i = 0; i < g->nfacts; i++)
        write_fact(x, g->facts[i]);
    report_xw_end(x);
    report_xw_end(x);
}

static void write_groups(struct report_xw *x, const char *name,
                         const struct group *g, size_t n, bool baseline)
{
    report_xw_start(x, name);
    for (size_t i = 0; i < n; i++)
        write_group(x, &g[i], baseline);
    report_xw_end(x);
}

static void write_errors(struct report_xw *x, const struct cmp_result *r)
{
    report_xw_start(x, "errors");
    for (size_t i = 0; i < r->nerrors; i++) {
        const struct err *e = &r->errors[i];

        report_xw_start(x, "error");
        report_xw_attr(x, "file", e->file);
        report_xw_attr_size(x, "line", e->line > 0 ? (size_t)e->line : 0);
        report_xw_attr_size(x, "column", e->column > 0 ? (size_t)e->column : 0);
        report_xw_text(x, e->msg);
        report_xw_end(x);
    }
    report_xw_end(x);
}

static void write_summary(struct report_xw *x, const struct cmp_result *r)
{
    report_xw_start(x, "summary");
    report_xw_attr_size(x, "sources", r->nsources);
    report_xw_attr_size(x, "facts", r->nfacts);
    report_xw_attr_size(x, "groups", r->ngroups);
    report_xw_attr_size(x, "agree", r->agree);
    report_xw_attr_size(x, "compatible", r->compatible);
    report_xw_attr_size(x, "conflict", r->conflict);
    report_xw_attr_size(x, "new", r->nnew);
    report_xw_end(x);
}

static void write_report(struct report_xw *x, const struct cmp_result *r)
{
    x->bad |= xmlTextWriterSetIndent(x->w, 1) < 0;
    x->bad |= xmlTextWriterSetIndentString(x->w, BAD_CAST "  ") < 0;
    x->bad |= xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL) < 0;
    report_xw_start(x, "report");
    write_groups(x, "groups", r->groups, r->ngroups, r->has_baseline);
    if (r->has_baseline)
        write_groups(x, "absent", r->absent, r->nabsent, true);
    write_errors(x, r);
    write_summary(x, r);
    report_xw_end(x);
    x->bad |= xmlTextWriterEndDocument(x->w) < 0;
}

int report_write_xml(const struct cmp_result *r, const char *path,
                     struct err *e)
{
    return report_xw_write_file(r, path, "XML report", write_report, e);
}
