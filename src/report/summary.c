/* The summary for people: counts, conflicts, compatible groups. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmp/cmp.h"
#include "report/report.h"
#include "report/report_private.h"
#include "util/buf.h"
#include "util/date.h"

/* Repaired text on one line: tabs and line breaks become spaces. */
static const char *one_line(struct buf *b, const char *s)
{
    report_clean(b, s);
    for (size_t i = 0; i < b->len; i++)
        if (b->data[i] == '\t' || b->data[i] == '\n' || b->data[i] == '\r')
            b->data[i] = ' ';
    return b->data;
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void put_headline(const struct cmp_result *r, FILE *out)
{
    fprintf(out, "%zu %s, %zu %s, %zu %s: %zu %s (%zu new), "
            "%zu compatible, %zu agree",
            r->nsources, plural(r->nsources, "source", "sources"),
            r->nfacts, plural(r->nfacts, "fact", "facts"),
            r->ngroups, plural(r->ngroups, "group", "groups"),
            r->conflict, plural(r->conflict, "conflict", "conflicts"),
            r->nnew, r->compatible, r->agree);
    if (r->nerrors)
        fprintf(out, ", %zu input %s", r->nerrors,
                plural(r->nerrors, "error", "errors"));
    fputc('\n', out);
}

void report_amount(struct buf *b, const struct fact *f)
{
    static const char *const words[QUAL_COUNT_] = {
        "", "about ", "nearly ", "more than ", "at least ", "up to ",
        "less than ", "", "",
    };
    char v[32], lo[32], hi[32];

    report_format_number(f->value, v);
    report_format_number(f->low, lo);
    report_format_number(f->high, hi);
    if (f->has_value && (unsigned)f->qual < QUAL_COUNT_)
        buf_printf(b, "%s%s", words[f->qual], v);
    else if (f->has_value)
        buf_puts(b, v);
    else if (f->has_low && f->has_high)
        buf_printf(b, "%s to %s", lo, hi);
    else if (f->has_low)
        buf_printf(b, "%s %s", f->low_excl ? "more than" : "at least", lo);
    else if (f->has_high)
        buf_printf(b, "%s %s", f->high_excl ? "less than" : "up to", hi);
    else
        buf_puts(b, "unstated");
}

void report_group_title(struct buf *b, const struct group *g)
{
    struct buf t = BUF_INIT;
    char from[11], to[11];

    date_format(g->date_from, from);
    date_format(g->date_to, to);
    buf_puts(b, one_line(&t, g->topic));
    buf_printf(b, " (%s)", one_line(&t, g->unit));
    if (g->scope && g->scope[0])
        buf_printf(b, " in %s", one_line(&t, g->scope));
    if (g->date_from == g->date_to)
        buf_printf(b, ", %s", from);
    else
        buf_printf(b, ", %s..%s", from, to);
    buf_release(&t);
}

static void put_group(const struct group *g, bool baseline, FILE *out,
                      struct buf *b)
{
    const char *state = cmp_baseline_name(g->baseline);

    buf_truncate(b, 0);
    report_group_title(b, g);
    fprintf(out, "\n%s: %s", cmp_verdict_name(g->verdict), b->data);
    if (g->verdict == VERDICT_CONFLICT && (baseline ? state != NULL
                                                    : g->is_new))
        fprintf(out, " [%s]", baseline ? state : "new");
    fprintf(out, " %s\n", g->id);
    for (size_t i = 0; i < g->nfacts; i++) {
        const struct fact *f = g->facts[i];

        fprintf(out, "  %s: ", one_line(b, f->outlet));
        buf_truncate(b, 0);
        report_amount(b, f);
        fputs(b->data, out);
        fprintf(out, " \"%s\"\n", one_line(b, f->text));
    }
}

static void put_verdict(const struct cmp_result *r, enum verdict v,
                        FILE *out, struct buf *b)
{
    for (size_t i = 0; i < r->ngroups; i++)
        if (r->groups[i].verdict == v)
            put_group(&r->groups[i], r->has_baseline, out, b);
}

void report_write_summary(const struct cmp_result *r, FILE *out)
{
    struct buf b = BUF_INIT;

    put_headline(r, out);
    put_verdict(r, VERDICT_CONFLICT, out, &b);
    put_verdict(r, VERDICT_COMPATIBLE, out, &b);
    if (r->nabsent) {
        fprintf(out, "\n%zu known %s no longer reported:\n", r->nabsent,
                plural(r->nabsent, "conflict", "conflicts"));
        for (size_t i = 0; i < r->nabsent; i++) {
            fprintf(out, "  %s", one_line(&b, r->absent[i].topic));
            fprintf(out, " (%s) %s\n", one_line(&b, r->absent[i].unit),
                    r->absent[i].id);
        }
    }
    fprintf(out, "\n%zu %s agree\n", r->agree,
            plural(r->agree, "group", "groups"));
    buf_release(&b);
}
