/* The JSON report, and what every report writer shares. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "cmp/cmp.h"
#include "report/report.h"
#include "report/report_private.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* ---- shared by the writers ---- */

int report_number_is_whole(double x)
{
    return isfinite(x) && fabs(x) < 9007199254740992.0 && x == floor(x);
}

void report_format_number(double x, char out[32])
{
    if (report_number_is_whole(x))
        snprintf(out, 32, "%.0f", x == 0 ? 0.0 : x);
    else
        snprintf(out, 32, "%.15g", x);
}

const char *report_clean(struct buf *b, const char *s)
{
    buf_truncate(b, 0);
    utf8_repair(b, s ? s : "", s ? strlen(s) : 0);
    buf_append(b, "", 0);
    return b->data;
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* ---- writing a report whole or not at all ---- */

/* Standard output is written as it comes; a device or pipe (/dev/null, a
 * FIFO) in place, since a rename would replace it with a file; anything
 * else into a new file beside the target, renamed over it when complete,
 * so a report is whole or absent.  Errors name path, the name the user
 * gave, with the first failure's errno. */
int report_out_open(struct report_out *o, const char *path, struct err *e)
{
    struct stat st;

    memset(o, 0, sizeof(*o));
    o->fd = -1;
    o->path = path;
    if (strcmp(path, "-") == 0) {
        o->to_stdout = true;
        return 0;
    }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
        !S_ISDIR(st.st_mode)) {
        if ((o->fd = open(path, O_WRONLY)) < 0)
            return err_sys(e, path, errno, "cannot write report");
        return 0;
    }
    o->target = realpath(path, NULL);   /* a symlink stays a symlink */
    if (!o->target)
        o->target = xstrdup(path);
    o->tmp = xmalloc(strlen(o->target) + 12);
    sprintf(o->tmp, "%s.tmpXXXXXX", o->target);
    if ((o->fd = mkstemp(o->tmp)) < 0) {
        err_sys(e, path, errno, "cannot write report");
        free(o->tmp);
        free(o->target);
        o->tmp = o->target = NULL;
        return -1;
    }
    return 0;
}

void report_out_write(struct report_out *o, const char *data, size_t len)
{
    if (o->errnum)
        return;
    if (o->to_stdout) {
        if (fwrite(data, 1, len, stdout) != len)
            o->errnum = errno ? errno : EIO;
    } else if (write_all(o->fd, data, len) < 0) {
        o->errnum = errno;
    }
}

int report_out_close(struct report_out *o, bool keep, struct err *e)
{
    int rc = 0;

    if (o->to_stdout) {
        if (!o->errnum && fflush(stdout) != 0)
            o->errnum = errno;
        if (o->errnum)
            rc = err_sys(e, "<stdout>", o->errnum, "cannot write report");
        return keep ? rc : -1;
    }
    if (!o->tmp) {   /* in place */
        if (close(o->fd) < 0 && !o->errnum)
            o->errnum = errno;
        if (o->errnum)
            rc = err_sys(e, o->path, o->errnum, "cannot write report");
        return keep ? rc : -1;
    }
    mode_t mask = umask(0);
    umask(mask);
    if (keep && !o->errnum && (fchmod(o->fd, 0666 & ~mask) < 0 ||
                               fsync(o->fd) < 0))
        o->errnum = errno;
    if (close(o->fd) < 0 && !o->errnum)
        o->errnum = errno;
    if (keep && !o->errnum && rename(o->tmp, o->target) < 0)
        o->errnum = errno;
    if (!keep || o->errnum) {
        unlink(o->tmp);
        rc = -1;
        if (o->errnum)
            err_sys(e, o->path, o->errnum, "cannot write report");
    }
    free(o->tmp);
    free(o->target);
    return rc;
}

int report_write_file(const char *path, const char *data, size_t len,
                      struct err *e)
{
    struct report_out o;

    if (report_out_open(&o, path, e) < 0)
        return -1;
    report_out_write(&o, data, len);
    return report_out_close(&o, true, e);
}

/* ---- the JSON tree ---- */

static json_t *text(struct buf *b, const char *s)
{
    report_clean(b, s);
    return json_stringn(b->data, b->len);
}

static json_t *number(double x)
{
    if (report_number_is_whole(x))
        return json_integer((json_int_t)x);
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *day(int d)
{
    char s[11];

    date_format(d, s);
    return json_string(s);
}

static json_t *fact_json(const struct fact *f, struct buf *b)
{
    json_t *o = json_object();

    json_object_set_new(o, "source", text(b, f->source));
    json_object_set_new(o, "outlet", text(b, f->outlet));
    json_object_set_new(o, "offset", json_integer((json_int_t)f->offset));
    json_object_set_new(o, "length", json_integer((json_int_t)f->length));
    json_object_set_new(o, "text", text(b, f->text));
    json_object_set_new(o, "value",
                        f->has_value ? number(f->value) : json_null());
    json_object_set_new(o, "low", f->has_low ? number(f->low) : json_null());
    json_object_set_new(o, "high",
                        f->has_high ? number(f->high) : json_null());
    json_object_set_new(o, "low_exclusive",
                        json_boolean(f->has_low && f->low_excl));
    json_object_set_new(o, "high_exclusive",
                        json_boolean(f->has_high && f->high_excl));
    json_object_set_new(o, "qualifier",
                        json_string(fact_qualifier_name(f->qual)));
    json_object_set_new(o, "date_from", day(f->date_from));
    json_object_set_new(o, "date_to", day(f->date_to));
    json_object_set_new(o, "scope", text(b, f->scope));
    return o;
}

static json_t *group_json(const struct group *g, bool baseline,
                          struct buf *b)
{
    json_t *o = json_object();
    json_t *facts = json_array();
    const char *state = cmp_baseline_name(g->baseline);

    json_object_set_new(o, "id", json_string(g->id));
    json_object_set_new(o, "topic", text(b, g->topic));
    json_object_set_new(o, "unit", text(b, g->unit));
    json_object_set_new(o, "scope", text(b, g->scope));
    json_object_set_new(o, "date_from", day(g->date_from));
    json_object_set_new(o, "date_to", day(g->date_to));
    json_object_set_new(o, "verdict",
                        json_string(cmp_verdict_name(g->verdict)));
    json_object_set_new(o, "new", json_boolean(g->is_new));
    if (baseline)
        json_object_set_new(o, "baseline",
                            state ? json_string(state) : json_null());
    json_object_set_new(o, "outlets", json_integer((json_int_t)g->noutlets));
    for (size_t i = 0; i < g->nfacts; i++)
        json_array_append_new(facts, fact_json(g->facts[i], b));
    json_object_set_new(o, "facts", facts);
    return o;
}

static json_t *errors_json(const struct cmp_result *r, struct buf *b)
{
    json_t *a = json_array();

    for (size_t i = 0; i < r->nerrors; i++) {
        const struct err *e = &r->errors[i];
        json_t *o = json_object();

        json_object_set_new(o, "file", text(b, e->file));
        json_object_set_new(o, "line", json_integer(e->line));
        json_object_set_new(o, "column", json_integer(e->column));
        json_object_set_new(o, "message", text(b, e->msg));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *summary_json(const struct cmp_result *r)
{
    json_t *o = json_object();

    json_object_set_new(o, "sources", json_integer((json_int_t)r->nsources));
    json_object_set_new(o, "facts", json_integer((json_int_t)r->nfacts));
    json_object_set_new(o, "groups", json_integer((json_int_t)r->ngroups));
    json_object_set_new(o, "agree", json_integer((json_int_t)r->agree));
    json_object_set_new(o, "compatible",
                        json_integer((json_int_t)r->compatible));
    json_object_set_new(o, "conflict",
                        json_integer((json_int_t)r->conflict));
    json_object_set_new(o, "new", json_integer((json_int_t)r->nnew));
    return o;
}

/* Every allocation dies on exhaustion, as in the rest of the program, so
 * a missing field never means a silently short report. */
static void *jalloc(size_t size)
{
    return xmalloc(size ? size : 1);
}

void report_json_begin(void)
{
    json_set_alloc_funcs(jalloc, free);
}

int report_json_write(json_t *root, const char *path, struct err *e)
{
    struct buf b = BUF_INIT;
    char *out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                 JSON_REAL_PRECISION(15));
    int rc;

    json_decref(root);
    if (!out)
        return err_at(e, path, 0, 0, "cannot build the report");
    buf_puts(&b, out);
    buf_putc(&b, '\n');
    free(out);
    rc = report_write_file(path, b.data, b.len, e);
    buf_release(&b);
    return rc;
}

/* Append v as json_dumps would print it at nesting depth `depth` of a
 * JSON_INDENT(2) document: each of its lines after the first indented
 * by two spaces a level.  v is consumed. */
static int put_nested(struct buf *out, json_t *v, int depth)
{
    char *s = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                            JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY);

    json_decref(v);
    if (!s)
        return -1;
    for (const char *p = s; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
        buf_append(out, p, len);
        if (nl && nl[1])
            for (int i = 0; i < depth * 2; i++)
                buf_putc(out, ' ');
        p += len;
    }
    free(s);
    return 0;
}

/* Where report_write_json's text goes as it grows (one report at a
 * time: the writers run on the main thread). */
static struct report_out *out_file;

/* A member "key": [ ... ] of the root, its groups built and printed one
 * at a time, so that memory holds one group's tree, not the report's. */
static int put_groups(struct buf *out, const char *key,
                      const struct group *g, size_t n, bool baseline,
                      struct buf *b)
{
    buf_printf(out, "  \"%s\": ", key);
    if (n == 0) {
        buf_puts(out, "[]");
        return 0;
    }
    buf_puts(out, "[\n");
    for (size_t i = 0; i < n; i++) {
        buf_puts(out, "    ");
        if (put_nested(out, group_json(&g[i], baseline, b), 2) < 0)
            return -1;
        buf_puts(out, i + 1 < n ? ",\n" : "\n");
        if (out_file && out->len >= 1 << 20) {
            report_out_write(out_file, out->data, out->len);
            buf_truncate(out, 0);
        }
    }
    buf_puts(out, "  ]");
    return 0;
}

/* The same bytes as report_json_write of the whole tree (JSON_INDENT(2),
 * keys in order), written group by group: a report of a million facts
 * takes the memory of its text, not of a jansson tree ten times larger. */
int report_write_json(const struct cmp_result *r, const char *path,
                      struct err *e)
{
    struct buf b = BUF_INIT, out = BUF_INIT;
    bool opened = false;
    int rc = -1;

    report_json_begin();
    struct report_out file;
    if (report_out_open(&file, path, e) < 0)
        goto fail;
    opened = true;
    out_file = &file;
    buf_puts(&out, "{\n");
    if (put_groups(&out, "groups", r->groups, r->ngroups, r->has_baseline,
                   &b) < 0)
        goto fail;
    if (r->has_baseline) {
        buf_puts(&out, ",\n");
        if (put_groups(&out, "absent", r->absent, r->nabsent, true, &b) < 0)
            goto fail;
    }
    buf_puts(&out, ",\n  \"errors\": ");
    if (put_nested(&out, errors_json(r, &b), 1) < 0)
        goto fail;
    buf_puts(&out, ",\n  \"summary\": ");
    if (put_nested(&out, summary_json(r), 1) < 0)
        goto fail;
    buf_puts(&out, "\n}\n");
    report_out_write(&file, out.data, out.len);
    out_file = NULL;
    opened = false;
    rc = report_out_close(&file, true, e);
fail:
    if (opened)
        report_out_close(&file, false, e);
    out_file = NULL;
    if (rc < 0 && !err_is_set(e))
        err_at(e, path, 0, 0, "cannot build the report");
    buf_release(&out);
    buf_release(&b);
    return rc;
}
