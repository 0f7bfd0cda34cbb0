/* The SARIF 2.1.0 log: one result per conflict, for code-scanning views. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cmp/cmp.h"
#include "report/report.h"
#include "report/report_private.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define RULE_ID "conflict"
#define FINGERPRINT "crosscheckGroupId/v1"

/* ---- small values ---- */

static json_t *text(struct buf *b, const char *s)
{
    report_clean(b, s);
    return json_stringn(b->data, b->len);
}

/* {"text": s}, s repaired. */
static json_t *message(struct buf *b, const char *s)
{
    return json_pack("{s:o}", "text", text(b, s));
}

static json_t *day(int d)
{
    char s[11];

    date_format(d, s);
    return json_string(s);
}

/* A path as a URI reference: relative paths stay relative (to where
 * crosscheck ran), absolute ones become file: URIs; every byte outside
 * the unreserved characters and '/' is percent-encoded. */
static json_t *uri(struct buf *b, const char *path)
{
    static const char safe[] = "abcdefghijklmnopqrstuvwxyz"
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/";

    buf_truncate(b, 0);
    buf_puts(b, path[0] == '/' ? "file://" : "");
    for (const char *p = path; *p; p++)
        if (strchr(safe, *p))
            buf_putc(b, *p);
        else
            buf_printf(b, "%%%02X", (unsigned char)*p);
    return json_string(b->data);
}

/* ---- results ---- */

static json_t *region(const struct fact *f, const struct report_spot *s,
                      struct buf *b)
{
    json_t *o = json_object();

    if (s->line > 0) {
        json_object_set_new(o, "startLine", json_integer(s->line));
        json_object_set_new(o, "startColumn", json_integer(s->column));
        json_object_set_new(o, "endLine", json_integer(s->end_line));
        json_object_set_new(o, "endColumn", json_integer(s->end_column));
    }
    json_object_set_new(o, "byteOffset", json_integer((json_int_t)f->offset));
    json_object_set_new(o, "byteLength", json_integer((json_int_t)f->length));
    json_object_set_new(o, "snippet", json_pack("{s:o}", "text",
                                                text(b, f->text)));
    return o;
}

/* "OUTLET: AMOUNT" */
static void say_fact(struct buf *out, const struct fact *f, struct buf *b)
{
    buf_printf(out, "%s: ", report_clean(b, f->outlet));
    report_amount(out, f);
}

static json_t *location(const struct fact *f, const struct report_spot *s,
                        size_t i, struct buf *b)
{
    struct buf say = BUF_INIT;
    json_t *o;

    say_fact(&say, f, b);
    buf_printf(&say, " \"%s\"", report_clean(b, f->text));
    o = json_pack("{s:I, s:{s:{s:o}, s:o}, s:o}",
                  "id", (json_int_t)i,
                  "physicalLocation",
                  "artifactLocation", "uri", uri(b, f->source),
                  "region", region(f, s, b),
                  "message", message(b, say.data));
    buf_release(&say);
    return o;
}

static const char *level(const struct group *g)
{
    return g->is_new ? "error" : "warning";
}

static json_t *result(const struct group *g, const struct report_spot *s,
                      bool baseline, struct buf *b)
{
    struct buf say = BUF_INIT;
    json_t *o, *locs = json_array();

    buf_puts(&say, "Outlets conflict on ");
    report_group_title(&say, g);
    for (size_t i = 0; i < g->nfacts; i++) {
        buf_puts(&say, i ? "; " : ": ");
        say_fact(&say, g->facts[i], b);
        json_array_append_new(locs, location(g->facts[i], &s[i], i, b));
    }
    o = json_pack("{s:s, s:i, s:s, s:o, s:o, s:{s:s}}",
                  "ruleId", RULE_ID, "ruleIndex", 0, "level", level(g),
                  "message", message(b, say.data), "locations", locs,
                  "partialFingerprints", FINGERPRINT, g->id);
    if (baseline)
        json_object_set_new(o, "baselineState",
                            json_string(cmp_baseline_name(g->baseline)));
    json_object_set_new(o, "properties", json_pack(
        "{s:s, s:o, s:o, s:o, s:o, s:o, s:I, s:b}",
        "id", g->id, "topic", text(b, g->topic), "unit", text(b, g->unit),
        "scope", text(b, g->scope), "date_from", day(g->date_from),
        "date_to", day(g->date_to), "outlets", (json_int_t)g->noutlets,
        "new", g->is_new));
    buf_release(&say);
    return o;
}

static json_t *results(const struct cmp_result *r, struct buf *b)
{
    json_t *a = json_array();
    struct report_spot *spots = report_locate_conflicts(r), *s = spots;

    for (size_t i = 0; i < r->ngroups; i++) {
        const struct group *g = &r->groups[i];

        if (g->verdict != VERDICT_CONFLICT)
            continue;
        json_array_append_new(a, result(g, s, r->has_baseline, b));
        s += g->nfacts;
    }
    free(spots);
    return a;
}

/* ---- the run ---- */

static json_t *rule(void)
{
    return json_pack(
        "{s:s, s:s, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}}",
        "id", RULE_ID, "name", "OutletsConflict",
        "shortDescription", "text",
        "Outlets state numbers that cannot all be true",
        "fullDescription", "text",
        "Two or more outlets state the same quantity (one topic, unit, "
        "place and span of days) with values whose bounds do not meet "
        "after unit normalization: at least one of them is wrong, or they "
        "count different things.",
        "defaultConfiguration", "level", "error",
        "help", "text",
        "Read the quoted statements at each location.  A conflict that "
        "is known and reviewed is accepted by keeping the JSON report "
        "that lists it as the baseline of later runs (crosscheck "
        "--baseline FILE): it is then reported as unchanged, and fails "
        "the run again only if an outlet states a value it did not have.");
}

/* Input errors as notifications, and whether the run met none. */
static json_t *invocation(const struct cmp_result *r, struct buf *b)
{
    json_t *notes = json_array();

    for (size_t i = 0; i < r->nerrors; i++) {
        const struct err *e = &r->errors[i];
        json_t *o = json_pack("{s:s, s:o}", "level", "error",
                              "message", message(b, e->msg));

        if (e->file[0]) {
            json_t *loc = json_pack("{s:{s:o}}", "artifactLocation",
                                    "uri", uri(b, e->file));

            if (e->line > 0)
                json_object_set_new(loc, "region", json_pack(
                    "{s:I}", "startLine", (json_int_t)e->line));
            json_object_set_new(o, "locations", json_pack(
                "[{s:o}]", "physicalLocation", loc));
        }
        json_array_append_new(notes, o);
    }
    return json_pack("{s:b, s:o}", "executionSuccessful", r->nerrors == 0,
                     "toolExecutionNotifications", notes);
}

int report_write_sarif(const struct cmp_result *r, const char *path,
                       struct err *e)
{
    struct buf b = BUF_INIT;
    json_t *driver, *run, *root;

    report_json_begin();
    driver = json_pack("{s:s, s:s, s:s, s:[o]}", "name", PACKAGE_NAME,
                       "version", PACKAGE_VERSION,
                       "semanticVersion", PACKAGE_VERSION,
                       "rules", rule());
    run = json_pack("{s:{s:o}, s:[o], s:s, s:o}",
                    "tool", "driver", driver,
                    "invocations", invocation(r, &b),
                    "columnKind", "unicodeCodePoints",
                    "results", results(r, &b));
    root = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA,
                     "version", "2.1.0", "runs", run);
    buf_release(&b);
    if (!root)
        return err_at(e, path, 0, 0, "cannot build the SARIF report");
    return report_json_write(root, path, e);
}
