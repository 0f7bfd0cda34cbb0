/* Facts as plain data: lists, names, order, and JSON Lines. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fact/fact.h"
#include "fact/fact_private.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"
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
 * the contract asks; fact_read_json (jansson) reads it back. */
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

/* ---- reading a line back ---- */

/* Errors on a facts line: the caller fills in the file and line, so the
 * message is recorded without them (err_at copies its file argument,
 * which must not be e->file itself). */
static int bad(struct err *e, long column, const char *fmt, const char *key)
    __attribute__((format(printf, 3, 0)));

static int bad(struct err *e, long column, const char *fmt, const char *key)
{
    char file[sizeof(e->file)];

    snprintf(file, sizeof(file), "%s", e->file);
    return err_at(e, file, e->line, column, fmt, key);
}

static int get_str(json_t *o, const char *key, bool need, struct arena *ar,
                   const char **out, struct err *e)
{
    json_t *v = json_object_get(o, key);

    if (!v && !need) {
        *out = "";
        return 0;
    }
    if (!json_is_string(v))
        return bad(e, 0, "'%s' must be a string", key);
    *out = arena_strndup(ar, json_string_value(v), json_string_length(v));
    return 0;
}

static int get_date(json_t *o, const char *key, int *out, struct err *e)
{
    json_t *v = json_object_get(o, key);

    if (!json_is_string(v) ||
        (*out = date_parse_iso(json_string_value(v),
                               json_string_length(v))) == DATE_NONE)
        return bad(e, 0, "'%s' must be a date YYYY-MM-DD", key);
    return 0;
}

static int get_size(json_t *o, const char *key, size_t *out, struct err *e)
{
    json_t *v = json_object_get(o, key);

    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return bad(e, 0, "'%s' must be a whole number", key);
    *out = (size_t)json_integer_value(v);
    return 0;
}

/* A number or null: *has tells which. */
static int get_opt_num(json_t *o, const char *key, bool *has, double *out,
                       struct err *e)
{
    json_t *v = json_object_get(o, key);

    *has = false;
    *out = 0;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_number(v) || !isfinite(json_number_value(v)))
        return bad(e, 0, "'%s' must be a number or null", key);
    *has = true;
    *out = fact_round(json_number_value(v));
    return 0;
}

static int get_bool(json_t *o, const char *key, bool *out, struct err *e)
{
    json_t *v = json_object_get(o, key);

    if (!v) {
        *out = false;
        return 0;
    }
    if (!json_is_boolean(v))
        return bad(e, 0, "'%s' must be true or false", key);
    *out = json_is_true(v);
    return 0;
}

int fact_read_json(const char *line, size_t len, struct arena *ar,
                   struct fact *f, struct err *e)
{
    json_error_t je;
    json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    int rc;

    if (!o) {
        memset(f, 0, sizeof(*f));
        return bad(e, je.column > 0 ? je.column : 0,
                   "not a JSON fact: %s", je.text);
    }
    rc = fact_from_json(o, ar, f, e);
    json_decref(o);
    return rc;
}

int fact_from_json(const json_t *jo, struct arena *ar, struct fact *f,
                   struct err *e)
{
    json_t *o = (json_t *)jo;  /* jansson's getters take no const */
    const char *qual, *kind;

    memset(f, 0, sizeof(*f));
    if (!json_is_object(o))
        return bad(e, 0, "not a JSON %s", "object");
    if (get_str(o, "source", true, ar, &f->source, e) < 0 ||
        get_str(o, "outlet", false, ar, &f->outlet, e) < 0 ||
        get_date(o, "source_date", &f->source_date, e) < 0 ||
        get_size(o, "offset", &f->offset, e) < 0 ||
        get_size(o, "length", &f->length, e) < 0 ||
        get_str(o, "text", true, ar, &f->text, e) < 0 ||
        get_opt_num(o, "value", &f->has_value, &f->value, e) < 0 ||
        get_opt_num(o, "low", &f->has_low, &f->low, e) < 0 ||
        get_opt_num(o, "high", &f->has_high, &f->high, e) < 0 ||
        get_bool(o, "low_exclusive", &f->low_excl, e) < 0 ||
        get_bool(o, "high_exclusive", &f->high_excl, e) < 0 ||
        get_str(o, "qualifier", true, ar, &qual, e) < 0 ||
        get_str(o, "unit", true, ar, &f->unit, e) < 0 ||
        get_str(o, "topic", true, ar, &f->topic, e) < 0 ||
        get_str(o, "kind", false, ar, &kind, e) < 0 ||
        get_date(o, "date_from", &f->date_from, e) < 0 ||
        get_date(o, "date_to", &f->date_to, e) < 0 ||
        get_str(o, "scope", false, ar, &f->scope, e) < 0)
        return -1;
    if (!*f->outlet)
        f->outlet = f->source;
    if (fact_qualifier_parse(qual, &f->qual) < 0)
        return bad(e, 0, "unknown qualifier '%s'", qual);
    if (strcmp(kind, "state") == 0)
        f->kind = KIND_STATE;
    else if (*kind && strcmp(kind, "event") != 0)
        return bad(e, 0, "unknown kind '%s'", kind);
    if (f->date_to < f->date_from)
        return bad(e, 0, "%s is before date_from", "date_to");
    return 0;
}
