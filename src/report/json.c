/* The JSON report, and what every report writer shares. */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
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

/* A report of hundreds of megabytes is fsync'ed before its rename;
 * writing it back as it grows, not all at the close, lets the disk work
 * while the rest is formatted. */
#define WRITEBACK_STEP (8LL << 20)

void report_out_write(struct report_out *o, const char *data, size_t len)
{
    if (o->errnum)
        return;
    if (o->to_stdout) {
        if (fwrite(data, 1, len, stdout) != len)
            o->errnum = errno ? errno : EIO;
        return;
    }
    if (write_all(o->fd, data, len) < 0) {
        o->errnum = errno;
        return;
    }
    o->written += (long long)len;
#ifdef HAVE_SYNC_FILE_RANGE
    if (o->tmp && o->written - o->flushed >= WRITEBACK_STEP) {
        /* a hint: its failure leaves the work to fsync */
        (void)sync_file_range(o->fd, o->flushed, o->written - o->flushed,
                              SYNC_FILE_RANGE_WRITE);
        o->flushed = o->written;
    }
#endif
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

/* ---- the JSON tree: the reference, and the small parts ---- */

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

static json_t *groups_json(const struct group *g, size_t n, bool baseline,
                           struct buf *b)
{
    json_t *a = json_array();

    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, group_json(&g[i], baseline, b));
    return a;
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

json_t *report_json_tree(const struct cmp_result *r)
{
    struct buf b = BUF_INIT;
    json_t *root = json_object();

    report_json_begin();
    json_object_set_new(root, "groups", groups_json(r->groups, r->ngroups,
                                                    r->has_baseline, &b));
    if (r->has_baseline)
        json_object_set_new(root, "absent",
                            groups_json(r->absent, r->nabsent, true, &b));
    json_object_set_new(root, "errors", errors_json(r, &b));
    json_object_set_new(root, "summary", summary_json(r));
    buf_release(&b);
    return root;
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

/* ---- jansson's encoding, without the tree ---- */

size_t report_json_integer(json_int_t v, char out[32])
{
    char tmp[32];
    size_t n = 0, len = 0;
    /* the magnitude as unsigned: -LLONG_MIN does not fit a json_int_t */
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v
                                 : (unsigned long long)v;

    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        out[len++] = '-';
    while (n)
        out[len++] = tmp[--n];
    out[len] = '\0';
    return len;
}

/* jansson 2.14's jsonp_dtostr, which prints with snprintf (it is built
 * without its dtoa): "%.15g", ".0" added to what would read back as an
 * integer, the exponent's '+' and leading zeros dropped ("1e20",
 * "1e-7"). */
size_t report_json_real(double x, char out[32])
{
    int n = snprintf(out, 32, "%.15g", x);
    size_t len = n > 0 && n < 32 ? (size_t)n : 0;
    char *e = memchr(out, 'e', len);

    if (!e && !memchr(out, '.', len)) {
        memcpy(out + len, ".0", 3);    /* "%.15g" is at most 23 bytes */
        return len + 2;
    }
    if (!e)
        return len;
    char *digits = e[1] == '-' ? e + 2 : e + 1;
    char *from = e + 2;    /* past the sign */
    while (*from == '0')
        from++;
    memmove(digits, from, (size_t)(out + len + 1 - from));
    return len - (size_t)(from - digits);
}

/* Whether c leaves report_clean unchanged and dump_string unescaped:
 * printable ASCII but '"' and '\\'.  A string of these alone (nearly
 * every one) is copied as it is. */
static bool is_plain(unsigned char c)
{
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

/* Append the len bytes of s, valid UTF-8, as dump_string does without
 * JSON_ESCAPE_SLASH or JSON_ENSURE_ASCII, less the quotes: '"' and '\\'
 * escaped, control characters as \b \f \n \r \t or \u00XX, the rest
 * (DEL, '/', non-ASCII) as they are. */
static void put_escaped(struct buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t start = 0;

    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        char esc[7] = "\\";
        size_t n = 2;
        switch (c) {
        case '"':  esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            n = 6;
        }
        buf_append(out, s + start, i - start);
        buf_append(out, esc, n);
        start = i + 1;
    }
    buf_append(out, s + start, len - start);
}

/* A string as text() makes it and dump_string prints it, less the
 * quotes: s itself when it is plain, else repaired (in tmp) and escaped
 * into esc. */
struct piece {
    const char *s;
    size_t len;
};

/* Whether the 8 bytes of w are all plain (is_plain), told at once: no
 * byte below 0x20, none at 0x7f or above, no '"' and no '\\'. */
static bool plain8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
    uint64_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');

    return (((w - ones * 0x20) & ~w) |              /* a byte < 0x20 */
            ((w + ones) | w) |                      /* a byte >= 0x7f */
            ((quote - ones) & ~quote) |             /* a '"' */
            ((slash - ones) & ~slash)) & high ? false : true;
}

static struct piece piece_of(const char *s, struct buf *esc, struct buf *tmp)
{
    size_t len = s ? strlen(s) : 0, i = 0;

    /* most strings are plain: eight bytes a step to say so */
    for (uint64_t w; i + 8 <= len && (memcpy(&w, s + i, 8), plain8(w));)
        i += 8;
    for (; i < len; i++)
        if (!is_plain((unsigned char)s[i])) {
            report_clean(tmp, s);
            buf_truncate(esc, 0);
            put_escaped(esc, tmp->data, tmp->len);
            buf_append(esc, "", 0);   /* data is never NULL */
            return (struct piece){ esc->data, esc->len };
        }
    return (struct piece){ s ? s : "", len };
}

/* The copy_ functions fill room reserved first (buf_grow) without a
 * check per piece, and return the end of what they wrote. */
static char *copy(char *p, const void *s, size_t n)
{
    memcpy(p, s, n);
    return p + n;
}

#define COPY_LIT(p, lit) copy(p, lit, sizeof(lit) - 1)

static char *copy_quoted(char *p, struct piece t)
{
    *p++ = '"';
    p = copy(p, t.s, t.len);
    *p++ = '"';
    return p;
}

/* What number() makes of x, printed (at most 31 bytes). */
static char *copy_number(char *p, double x)
{
    if (report_number_is_whole(x))
        return p + report_json_integer((json_int_t)x, p);
    if (isfinite(x))
        return p + report_json_real(x, p);
    return COPY_LIT(p, "null");
}

static char *copy_bool(char *p, bool b)
{
    return b ? COPY_LIT(p, "true") : COPY_LIT(p, "false");
}

/* A fact's days are mostly the last fact's: each is formatted once. */
struct day_memo {
    int day;
    char text[11];
    size_t len;
};

/* The day, quoted (at most 13 bytes). */
static char *copy_day(char *p, int d, struct day_memo *m)
{
    if (m->day != d || m->len == 0) {
        date_format(d, m->text);
        m->day = d;
        m->len = strnlen(m->text, sizeof(m->text));
    }
    *p++ = '"';
    p = copy(p, m->text, m->len);
    *p++ = '"';
    return p;
}

/* ---- the groups, written directly ---- */

/* Where report_write_json's text goes as it grows (one report at a
 * time: the writers run on the main thread). */
static struct report_out *out_file;

/* With jobs to spare, a thread writes each megabyte while the next is
 * formatted: writing a report of hundreds of megabytes (the kernel's
 * copy, the disk's pace) took as long as formatting it.  One megabyte
 * is in flight at a time; the file sees the same bytes in the same
 * order. */
struct out_pipe {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    struct buf full;           /* handed over, being written */
    bool busy;                 /* full is the writer's */
    bool done;                 /* no more will come */
};

static struct out_pipe *out_pipe;

static void *pipe_writer(void *arg)
{
    struct out_pipe *pp = arg;

    pthread_mutex_lock(&pp->lock);
    for (;;) {
        while (!pp->busy && !pp->done)
            pthread_cond_wait(&pp->cond, &pp->lock);
        if (!pp->busy)
            break;
        pthread_mutex_unlock(&pp->lock);
        report_out_write(out_file, pp->full.data, pp->full.len);
        pthread_mutex_lock(&pp->lock);
        pp->busy = false;
        pthread_cond_broadcast(&pp->cond);
    }
    pthread_mutex_unlock(&pp->lock);
    return NULL;
}

/* Wait until the writer holds nothing. */
static void pipe_drain(struct out_pipe *pp)
{
    pthread_mutex_lock(&pp->lock);
    while (pp->busy)
        pthread_cond_wait(&pp->cond, &pp->lock);
    pthread_mutex_unlock(&pp->lock);
}

static bool pipe_start(struct out_pipe *pp)
{
    memset(pp, 0, sizeof(*pp));
    pthread_mutex_init(&pp->lock, NULL);
    pthread_cond_init(&pp->cond, NULL);
    if (pthread_create(&pp->thread, NULL, pipe_writer, pp) == 0)
        return true;
    pthread_mutex_destroy(&pp->lock);
    pthread_cond_destroy(&pp->cond);
    return false;
}

/* Let the writer finish what it holds, then end it. */
static void pipe_stop(struct out_pipe *pp)
{
    pthread_mutex_lock(&pp->lock);
    pp->done = true;
    pthread_cond_broadcast(&pp->cond);
    pthread_mutex_unlock(&pp->lock);
    pthread_join(pp->thread, NULL);
    pthread_mutex_destroy(&pp->lock);
    pthread_cond_destroy(&pp->cond);
    buf_release(&pp->full);
}

/* Hand out's text to the file once it holds a megabyte. */
static void flush_some(struct buf *out)
{
    if (!out_file || out->len < 1 << 20)
        return;
    if (!out_pipe) {
        report_out_write(out_file, out->data, out->len);
        buf_truncate(out, 0);
        return;
    }
    pipe_drain(out_pipe);
    struct buf t = out_pipe->full;   /* written: its memory is reused */
    out_pipe->full = *out;
    *out = t;
    buf_truncate(out, 0);
    pthread_mutex_lock(&out_pipe->lock);
    out_pipe->busy = true;
    pthread_cond_broadcast(&out_pipe->cond);
    pthread_mutex_unlock(&out_pipe->lock);
}

/* The scratch space of the group writer. */
struct group_writer {
    struct buf tmp;            /* report_clean's */
    struct buf esc[4];         /* the strings of a fact, escaped */
    struct day_memo from, to;
};

/* Room for what a fact or a group holds besides its strings: the
 * member names and indentation (under 400 bytes), five numbers of at
 * most 31 bytes, two days, the qualifier and the booleans. */
enum { MEMBERS_MAX = 1024 };

/* A fact as put_nested printed fact_json at depth 4: the same members,
 * in the same order, with the same indentation. */
static void put_fact(struct buf *out, const struct fact *f,
                     struct group_writer *w)
{
    struct piece source = piece_of(f->source, &w->esc[0], &w->tmp);
    struct piece outlet = piece_of(f->outlet, &w->esc[1], &w->tmp);
    struct piece text = piece_of(f->text, &w->esc[2], &w->tmp);
    struct piece scope = piece_of(f->scope, &w->esc[3], &w->tmp);
    const char *q = fact_qualifier_name(f->qual);

    size_t room = MEMBERS_MAX + source.len + outlet.len + text.len +
                  scope.len + strlen(q);
    buf_grow(out, room);
    char *p = out->data + out->len;
    p = COPY_LIT(p, "        {\n          \"source\": ");
    p = copy_quoted(p, source);
    p = COPY_LIT(p, ",\n          \"outlet\": ");
    p = copy_quoted(p, outlet);
    p = COPY_LIT(p, ",\n          \"offset\": ");
    p += report_json_integer((json_int_t)f->offset, p);
    p = COPY_LIT(p, ",\n          \"length\": ");
    p += report_json_integer((json_int_t)f->length, p);
    p = COPY_LIT(p, ",\n          \"text\": ");
    p = copy_quoted(p, text);
    p = COPY_LIT(p, ",\n          \"value\": ");
    p = f->has_value ? copy_number(p, f->value) : COPY_LIT(p, "null");
    p = COPY_LIT(p, ",\n          \"low\": ");
    p = f->has_low ? copy_number(p, f->low) : COPY_LIT(p, "null");
    p = COPY_LIT(p, ",\n          \"high\": ");
    p = f->has_high ? copy_number(p, f->high) : COPY_LIT(p, "null");
    p = COPY_LIT(p, ",\n          \"low_exclusive\": ");
    p = copy_bool(p, f->has_low && f->low_excl);
    p = COPY_LIT(p, ",\n          \"high_exclusive\": ");
    p = copy_bool(p, f->has_high && f->high_excl);
    p = COPY_LIT(p, ",\n          \"qualifier\": ");
    p = copy_quoted(p, (struct piece){ q, strlen(q) });
    p = COPY_LIT(p, ",\n          \"date_from\": ");
    p = copy_day(p, f->date_from, &w->from);
    p = COPY_LIT(p, ",\n          \"date_to\": ");
    p = copy_day(p, f->date_to, &w->to);
    p = COPY_LIT(p, ",\n          \"scope\": ");
    p = copy_quoted(p, scope);
    p = COPY_LIT(p, "\n        }");
    assert((size_t)(p - (out->data + out->len)) <= room);
    *p = '\0';
    out->len = (size_t)(p - out->data);
}

/* Facts are read in report order, not in the order they were made, so
 * nearly every fact and string is a cache miss: ask for the next ones
 * while this one is written. */
static void prefetch(const void *p)
{
#ifdef __GNUC__
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

static void prefetch_strings(const struct fact *f)
{
    prefetch(f->source);
    prefetch(f->outlet);
    prefetch(f->text);
    prefetch(f->scope);
}

/* A group as put_nested printed group_json at depth 2. */
static void put_group(struct buf *out, const struct group *g, bool baseline,
                      struct group_writer *w)
{
    struct piece topic = piece_of(g->topic, &w->esc[0], &w->tmp);
    struct piece unit = piece_of(g->unit, &w->esc[1], &w->tmp);
    struct piece scope = piece_of(g->scope, &w->esc[2], &w->tmp);
    const char *verdict = cmp_verdict_name(g->verdict);
    const char *state = cmp_baseline_name(g->baseline);

    size_t room = MEMBERS_MAX + topic.len + unit.len + scope.len +
                  strlen(verdict) + (state ? strlen(state) : 0);
    buf_grow(out, room);
    char *p = out->data + out->len;
    p = COPY_LIT(p, "    {\n      \"id\": ");
    p = copy_quoted(p, (struct piece){ g->id, strlen(g->id) });
    p = COPY_LIT(p, ",\n      \"topic\": ");
    p = copy_quoted(p, topic);
    p = COPY_LIT(p, ",\n      \"unit\": ");
    p = copy_quoted(p, unit);
    p = COPY_LIT(p, ",\n      \"scope\": ");
    p = copy_quoted(p, scope);
    p = COPY_LIT(p, ",\n      \"date_from\": ");
    p = copy_day(p, g->date_from, &w->from);
    p = COPY_LIT(p, ",\n      \"date_to\": ");
    p = copy_day(p, g->date_to, &w->to);
    p = COPY_LIT(p, ",\n      \"verdict\": ");
    p = copy_quoted(p, (struct piece){ verdict, strlen(verdict) });
    p = COPY_LIT(p, ",\n      \"new\": ");
    p = copy_bool(p, g->is_new);
    if (baseline) {
        p = COPY_LIT(p, ",\n      \"baseline\": ");
        p = state ? copy_quoted(p, (struct piece){ state, strlen(state) })
                  : COPY_LIT(p, "null");
    }
    p = COPY_LIT(p, ",\n      \"outlets\": ");
    p += report_json_integer((json_int_t)g->noutlets, p);
    p = COPY_LIT(p, ",\n      \"facts\": ");
    assert((size_t)(p - (out->data + out->len)) <= room);
    *p = '\0';
    out->len = (size_t)(p - out->data);
    if (g->nfacts == 0) {
        buf_puts(out, "[]\n    }");
        return;
    }
    buf_puts(out, "[\n");
    for (size_t i = 0; i < g->nfacts; i++) {
        if (i + 2 < g->nfacts)
            prefetch(g->facts[i + 2]);
        if (i + 1 < g->nfacts)
            prefetch_strings(g->facts[i + 1]);
        put_fact(out, g->facts[i], w);
        buf_puts(out, i + 1 < g->nfacts ? ",\n" : "\n");
        flush_some(out);
    }
    buf_puts(out, "      ]\n    }");
}

/* ---- the report ---- */

/* A member "key": [ ... ] of the root, written group by group, so that
 * memory holds a megabyte of text, not the report. */
static void put_groups(struct buf *out, const char *key,
                       const struct group *g, size_t n, bool baseline,
                       struct group_writer *w)
{
    buf_printf(out, "  \"%s\": ", key);
    if (n == 0) {
        buf_puts(out, "[]");
        return;
    }
    buf_puts(out, "[\n");
    for (size_t i = 0; i < n; i++) {
        put_group(out, &g[i], baseline, w);
        buf_puts(out, i + 1 < n ? ",\n" : "\n");
        flush_some(out);
    }
    buf_puts(out, "  ]");
}

/* The same bytes as report_json_write(report_json_tree(r)), written as
 * they are made: a jansson tree of the groups, ten times the size of
 * their text, would be built, printed and indented again only to be
 * thrown away.  The errors and the summary, small, still go through
 * jansson. */
int report_write_json(const struct cmp_result *r, const char *path,
                      struct err *e)
{
    struct group_writer w;
    struct buf out = BUF_INIT;
    struct out_pipe pp;
    bool opened = false;
    int rc = -1;

    memset(&w, 0, sizeof(w));
    report_json_begin();
    struct report_out file;
    if (report_out_open(&file, path, e) < 0)
        goto fail;
    opened = true;
    out_file = &file;
    if (r->options.jobs > 1 && pipe_start(&pp))
        out_pipe = &pp;
    buf_puts(&out, "{\n");
    put_groups(&out, "groups", r->groups, r->ngroups, r->has_baseline, &w);
    if (r->has_baseline) {
        buf_puts(&out, ",\n");
        put_groups(&out, "absent", r->absent, r->nabsent, true, &w);
    }
    if (out_pipe) {
        pipe_stop(out_pipe);   /* its last megabyte written; the rest
                                * goes after it */
        out_pipe = NULL;
    }
    buf_puts(&out, ",\n  \"errors\": ");
    if (put_nested(&out, errors_json(r, &w.tmp), 1) < 0)
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
    buf_release(&w.tmp);
    for (size_t i = 0; i < 4; i++)
        buf_release(&w.esc[i]);
    return rc;
}
