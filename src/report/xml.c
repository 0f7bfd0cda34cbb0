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

/* The writer and a scratch buffer; bad is set by the first failed call
 * (only exhaustion fails), checked once at the end. */
struct xw {
    xmlTextWriterPtr w;
    struct buf tmp;
    bool bad;
};

static void start(struct xw *x, const char *name)
{
    x->bad |= xmlTextWriterStartElement(x->w, BAD_CAST name) < 0;
}

static void end(struct xw *x)
{
    x->bad |= xmlTextWriterEndElement(x->w) < 0;
}

static void attr(struct xw *x, const char *name, const char *value)
{
    report_clean(&x->tmp, value);
    x->bad |= xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
                                          BAD_CAST x->tmp.data) < 0;
}

static void attr_size(struct xw *x, const char *name, size_t n)
{
    char s[32];

    snprintf(s, sizeof(s), "%zu", n);
    attr(x, name, s);
}

static void attr_number(struct xw *x, const char *name, double v)
{
    char s[32];

    report_format_number(v, s);
    attr(x, name, s);
}

static void attr_day(struct xw *x, const char *name, int day)
{
    char s[11];

    date_format(day, s);
    attr(x, name, s);
}

static void attr_bool(struct xw *x, const char *name, bool b)
{
    attr(x, name, b ? "true" : "false");
}

static void text(struct xw *x, const char *s)
{
    report_clean(&x->tmp, s);
    x->bad |= xmlTextWriterWriteString(x->w, BAD_CAST x->tmp.data) < 0;
}

/* ---- the report's parts ---- */

static void write_fact(struct xw *x, const struct fact *f)
{
    start(x, "fact");
    attr(x, "source", f->source);
    attr(x, "outlet", f->outlet);
    attr_size(x, "offset", f->offset);
    attr_size(x, "length", f->length);
    if (f->has_value)
        attr_number(x, "value", f->value);
    if (f->has_low)
        attr_number(x, "low", f->low);
    if (f->has_high)
        attr_number(x, "high", f->high);
    attr_bool(x, "low_exclusive", f->has_low && f->low_excl);
    attr_bool(x, "high_exclusive", f->has_high && f->high_excl);
    attr(x, "qualifier", fact_qualifier_name(f->qual));
    attr_day(x, "date_from", f->date_from);
    attr_day(x, "date_to", f->date_to);
    attr(x, "scope", f->scope);
    start(x, "text");
    text(x, f->text);
    end(x);
    end(x);
}

static void write_group(struct xw *x, const struct group *g, bool baseline)
{
    const char *state = cmp_baseline_name(g->baseline);

    start(x, "group");
    attr(x, "id", g->id);
    attr(x, "topic", g->topic);
    attr(x, "unit", g->unit);
    attr(x, "scope", g->scope);
    attr_day(x, "date_from", g->date_from);
    attr_day(x, "date_to", g->date_to);
    attr(x, "verdict", cmp_verdict_name(g->verdict));
    attr_bool(x, "new", g->is_new);
    if (baseline && state)
        attr(x, "baseline", state);
    attr_size(x, "outlets", g->noutlets);
    start(x, "facts");
    for (size_t i = 0; i < g->nfacts; i++)
        write_fact(x, g->facts[i]);
    end(x);
    end(x);
}

static void write_groups(struct xw *x, const char *name,
                         const struct group *g, size_t n, bool baseline)
{
    start(x, name);
    for (size_t i = 0; i < n; i++)
        write_group(x, &g[i], baseline);
    end(x);
}

static void write_errors(struct xw *x, const struct cmp_result *r)
{
    start(x, "errors");
    for (size_t i = 0; i < r->nerrors; i++) {
        const struct err *e = &r->errors[i];

        start(x, "error");
        attr(x, "file", e->file);
        attr_size(x, "line", e->line > 0 ? (size_t)e->line : 0);
        attr_size(x, "column", e->column > 0 ? (size_t)e->column : 0);
        text(x, e->msg);
        end(x);
    }
    end(x);
}

static void write_summary(struct xw *x, const struct cmp_result *r)
{
    start(x, "summary");
    attr_size(x, "sources", r->nsources);
    attr_size(x, "facts", r->nfacts);
    attr_size(x, "groups", r->ngroups);
    attr_size(x, "agree", r->agree);
    attr_size(x, "compatible", r->compatible);
    attr_size(x, "conflict", r->conflict);
    attr_size(x, "new", r->nnew);
    end(x);
}

static void write_report(struct xw *x, const struct cmp_result *r)
{
    x->bad |= xmlTextWriterSetIndent(x->w, 1) < 0;
    x->bad |= xmlTextWriterSetIndentString(x->w, BAD_CAST "  ") < 0;
    x->bad |= xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL) < 0;
    start(x, "report");
    write_groups(x, "groups", r->groups, r->ngroups, r->has_baseline);
    if (r->has_baseline)
        write_groups(x, "absent", r->absent, r->nabsent, true);
    write_errors(x, r);
    write_summary(x, r);
    end(x);
    x->bad |= xmlTextWriterEndDocument(x->w) < 0;
}

int report_write_xml(const struct cmp_result *r, const char *path,
                     struct err *e)
{
    xmlBufferPtr out = xmlBufferCreate();
    struct xw x = { NULL, BUF_INIT, false };
    int rc = -1;

    if (!out || !(x.w = xmlNewTextWriterMemory(out, 0))) {
        err_at(e, path, 0, 0, "cannot build the XML report");
        goto fail;
    }
    write_report(&x, r);
    xmlFreeTextWriter(x.w);  /* flushes into out */
    if (x.bad)
        err_at(e, path, 0, 0, "cannot build the XML report");
    else
        rc = report_write_file(path, (const char *)xmlBufferContent(out),
                               (size_t)xmlBufferLength(out), e);
fail:
    buf_release(&x.tmp);
    xmlBufferFree(out);
    return rc;
}
