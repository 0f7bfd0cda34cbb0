/* Facts as plain data: lists, names, order, and writing JSON Lines
 * (factread.c reads them back). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fact/fact.h"
#include "fact/fact_private.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/utf8.h"
#include "util/vec.h"

/* ---- lists and names ---- */

void fact_list_push(struct fact_list *l, const struct fact *f)
{
    l->v = vec_grow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
    l->v[l->n++] = *f;
}

void fact_list_release(struct fact_list *l)
{
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static const char *const qual_names[QUAL_COUNT_] = {
    "exact", "about", "nearly", "more_than", "at_least", "up_to",
    "less_than", "range", "vague",
};

const char *fact_qualifier_name(enum qualifier q)
{
    return (unsigned)q < QUAL_COUNT_ ? qual_names[q] : "exact";
}

int fact_qualifier_parse(const char *s, enum qualifier *q)
{
    for (int i = 0; i < QUAL_COUNT_; i++)
        if (strcmp(s, qual_names[i]) == 0) {
            *q = (enum qualifier)i;
            return 0;
        }
    return -1;
}

double fact_round(double x)
{
    char tmp[40];

    if (!isfinite(x) || x == 0)
        return x;
    if (fabs(x) < 1e15 && x == floor(x))
        return x;   /* whole numbers need no rounding */
    snprintf(tmp, sizeof(tmp), "%.15g", x);
    return strtod(tmp, NULL);
}

/* ---- order ---- */

static int cmp_str(const char *a, const char *b)
{
    if (a == b)
        return 0;   /* facts of one article share their source's copy */
    return strcmp(a ? a : "", b ? b : "");
}

static int cmp_num(double a, double b)
{
    return (a > b) - (a < b);
}

static int cmp_bool(bool a, bool b)
{
    return (int)a - (int)b;
}

int fact_cmp(const struct fact *a, const struct fact *b)
{
    int c;

    if ((c = cmp_str(a->source, b->source)) != 0)
        return c;
    if (a->offset != b->offset)
        return a->offset < b->offset ? -1 : 1;
    if (a->length != b->length)
        return a->length < b->length ? -1 : 1;
    if ((c = cmp_str(a->topic, b->topic)) != 0 ||
        (c = cmp_str(a->unit, b->unit)) != 0 ||
        (c = cmp_str(a->scope, b->scope)) != 0 ||
        (c = cmp_num(a->date_from, b->date_from)) != 0 ||
        (c = cmp_num(a->date_to, b->date_to)) != 0 ||
        (c = (int)a->qual - (int)b->qual) != 0 ||
        (c = cmp_bool(a->has_value, b->has_value)) != 0 ||
        (a->has_value && (c = cmp_num(a->value, b->value)) != 0) ||
        (c = cmp_bool(a->has_low, b->has_low)) != 0 ||
        (a->has_low && (c = cmp_num(a->low, b->low)) != 0) ||
        (c = cmp_bool(a->has_high, b->has_high)) != 0 ||
        (a->has_high && (c = cmp_num(a->high, b->high)) != 0) ||
        (c = cmp_bool(a->low_excl, b->low_excl)) != 0 ||
        (c = cmp_bool(a->high_excl, b->high_excl)) != 0 ||
        (c = (int)a->kind - (int)b->kind) != 0 ||
        (c = cmp_num(a->source_date, b->source_date)) != 0 ||
        (c = cmp_str(a->outlet, b->outlet)) != 0)
        return c;
    return cmp_str(a->text, b->text);
}

/* ---- JSON Lines ---- */

static const char *const kind_names[] = { "event", "state" };

/* A file name need not be UTF-8, and JSON must be: one that is not is
 * repaired as the reports repair it, so the fact keeps its source. */
static void repair_name(struct buf *b, const char *s)
{
    buf_truncate(b, 0);
    utf8_repair(b, s, strlen(s));
    buf_append(b, "", 0);
}

static json_t *name(const char *s)
{
    struct buf b = BUF_INIT;
    json_t *j;

    if (utf8_invalid_at(s, strlen(s)) == strlen(s))
        return json_string(s);
    repair_name(&b, s);
    j = json_stringn(b.data, b.len);
    buf_release(&b);
    return j;
}

static json_t *num(double x)
{
    if (fabs(x) < 9007199254740992.0 && x == floor(x))
        return json_integer((json_int_t)x);
    return json_real(x);
}

static json_t *day(int d)
{
    char s[11];

    if (d == DATE_NONE)
        return json_null();
    date_format(d, s);
    return json_string(s);
}

json_t *fact_to_json(const struct fact *f)
{
    json_t *o = json_object();

    json_object_set_new(o, "source", name(f->source));
    json_object_set_new(o, "outlet", name(f->outlet));
    json_object_set_new(o, "source_date", day(f->source_date));
    json_object_set_new(o, "offset", json_integer((json_int_t)f->offset));
    json_object_set_new(o, "length", json_integer((json_int_t)f->length));
    json_object_set_new(o, "text", json_stringn(f->text, f->length));
    json_object_set_new(o, "value", f->has_value ? num(f->value)
                                                 : json_null());
    json_object_set_new(o, "low", f->has_low ? num(f->low) : json_null());
    json_object_set_new(o, "high", f->has_high ? num(f->high)
                                               : json_null());
    json_object_set_new(o, "low_exclusive", json_boolean(f->low_excl));
    json_object_set_new(o, "high_exclusive", json_boolean(f->high_excl));
    json_object_set_new(o, "qualifier",
                        json_string(fact_qualifier_name(f->qual)));
    json_object_set_new(o, "unit", json_string(f->unit));
    json_object_set_new(o, "topic", json_string(f->topic));
    json_object_set_new(o, "kind", json_string(kind_names[f->kind]));
    json_object_set_new(o, "date_from", day(f->date_from));
    json_object_set_new(o, "date_to", day(f->date_to));
    if (f->scope && *f->scope)
        json_object_set_new(o, "scope", json_string(f->scope));
    return o;
}

/* Append a JSON number: whole numbers as integers, others with 15
 * significant digits (what fact_round keeps), as jansson reads them. */
static void put_uint(struct buf *b, unsigned long long v)
{
    char tmp[24];
    size_t k = sizeof(tmp);

    do {
        tmp[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    buf_append(b, tmp + k, sizeof(tmp) - k);
}

static void put_num(struct buf *b, double x)
{
    if (fabs(x) < 9007199254740992.0 && x == floor(x)) {
        if (x < 0)
            buf_putc(b, '-');
        put_uint(b, (unsigned long long)fabs(x));
        return;
    }
    char tmp[40];
    int n = snprintf(tmp, sizeof(tmp), "%.15g", x);
    /* a real must not read back as an integer: "1e+20" -> "1e20",
     * "5" -> "5.0" */
    if (!strpbrk(tmp, ".eEn"))
        snprintf(tmp + n, sizeof(tmp) - (size_t)n, ".0");
    buf_puts(b, tmp);
}

static void put_str(struct buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";

    buf_putc(b, '"');
    size_t from = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x20 && ch != '"' && ch != '\\')
            continue;
        buf_append(b, s + from, i - from);
        from = i + 1;
        switch (ch) {
        case '"': buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\r': buf_puts(b, "\\r"); break;
        case '\t': buf_puts(b, "\\t"); break;
        case '\b': buf_puts(b, "\\b"); break;
        case '\f': buf_puts(b, "\\f"); break;
        default: {
            char u[7] = { '\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15], 0 };
            buf_puts(b, u);
        }
        }
    }
    buf_append(b, s + from, len - from);
    buf_putc(b, '"');
}

static void put_name(struct buf *b, const char *s)
{
    size_t len = strlen(s);
    struct buf r = BUF_INIT;

    if (utf8_invalid_at(s, len) == len) {
        put_str(b, s, len);
        return;
    }
    repair_name(&r, s);
    put_str(b, r.data, r.len);
    buf_release(&r);
}

static void put_day(struct buf *b, int d)
{
    /* most facts of a run share a few days: remember the last ones */
    static _Thread_local struct { int day; char s[11]; } memo[8];
    unsigned k = (unsigned)d & 7;

    if (d == DATE_NONE) {
        buf_puts(b, "null");
        return;
    }
    if (memo[k].s[0] == '\0' || memo[k].day != d) {
        memo[k].day = d;
        date_format(d, memo[k].s);
    }
    buf_putc(b, '"');
    buf_append(b, memo[k].s, 10);
    buf_putc(b, '"');
}

static void put_opt(struct buf *b, bool has, double x)
{
    if (has)
        put_num(b, x);
    else
        buf_puts(b, "null");
}

/* Written by hand, not through jansson: this runs once per fact and the
 * extractor's speed is that of its output.  Keys in sorted order, as
 * the contract asks; fact_read_json reads it back. */
static _Thread_local struct buf line_buf;

void fact_thread_release(void)
{
    buf_release(&line_buf);
    lexicon_thread_release();
    extract_thread_release();
}

int fact_write_json(FILE *out, const struct fact *f)
{
    struct buf b = line_buf;

    buf_truncate(&b, 0);
    buf_puts(&b, "{\"date_from\":");
    put_day(&b, f->date_from);
    buf_puts(&b, ",\"date_to\":");
    put_day(&b, f->date_to);
    buf_puts(&b, ",\"high\":");
    put_opt(&b, f->has_high, f->high);
    buf_puts(&b, f->high_excl ? ",\"high_exclusive\":true"
                              : ",\"high_exclusive\":false");
    buf_puts(&b, ",\"kind\":\"");
    buf_puts(&b, kind_names[f->kind]);
    buf_puts(&b, "\",\"length\":");
    put_uint(&b, f->length);
    buf_puts(&b, ",\"low\":");
    put_opt(&b, f->has_low, f->low);
    buf_puts(&b, f->low_excl ? ",\"low_exclusive\":true"
                             : ",\"low_exclusive\":false");
    buf_puts(&b, ",\"offset\":");
    put_uint(&b, f->offset);
    buf_puts(&b, ",\"outlet\":");
    put_name(&b, f->outlet);
    buf_puts(&b, ",\"qualifier\":\"");
    buf_puts(&b, fact_qualifier_name(f->qual));
    buf_putc(&b, '"');
    if (f->scope && *f->scope) {
        buf_puts(&b, ",\"scope\":");
        put_str(&b, f->scope, strlen(f->scope));
    }
    buf_puts(&b, ",\"source\":");
    put_name(&b, f->source);
    buf_puts(&b, ",\"source_date\":");
    put_day(&b, f->source_date);
    buf_puts(&b, ",\"text\":");
    put_str(&b, f->text, f->length);
    buf_puts(&b, ",\"topic\":");
    put_str(&b, f->topic, strlen(f->topic));
    buf_puts(&b, ",\"unit\":");
    put_str(&b, f->unit, strlen(f->unit));
    buf_puts(&b, ",\"value\":");
    put_opt(&b, f->has_value, f->value);
    buf_puts(&b, "}\n");
    line_buf = b;   /* kept for the next fact of this thread */
    return fwrite(b.data, 1, b.len, out) == b.len ? 0 : -1;
}
