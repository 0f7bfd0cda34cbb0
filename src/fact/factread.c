/* Reading facts back from JSON Lines, and the field readers that the
 * readers of other records (cmp) share.
 *
 * A line as fact_write_json writes it is read by a scanner of its own,
 * without building a jansson tree (which took most of the time of
 * 'crosscheck compare').  The scanner takes only lines it fully
 * understands, a subset of what jansson accepts; on anything else it
 * gives up and jansson reads the line, so every message about a
 * malformed line is still jansson's.  Both paths hand the members to the
 * same checks (struct value), so what is read and what is said about a
 * bad member cannot differ either. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fact/fact.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/err.h"
#include "util/utf8.h"

/* ---- values and their checks ---- */

/* One member's value, as jansson or the scanner found it.  A string is
 * borrowed and not NUL-terminated. */
struct value {
    enum {
        V_ABSENT, V_NULL, V_FALSE, V_TRUE, V_INT, V_REAL, V_STR, V_OTHER
    } type;
    const char *s;        /* V_STR */
    size_t len;
    long long i;          /* V_INT: json_int_t */
    double d;             /* V_REAL */
};

static struct value value_of(const json_t *o, const char *key)
{
    json_t *j = json_object_get(o, key);
    struct value v = { .type = V_OTHER };

    if (!j)
        v.type = V_ABSENT;
    else if (json_is_null(j))
        v.type = V_NULL;
    else if (json_is_false(j))
        v.type = V_FALSE;
    else if (json_is_true(j))
        v.type = V_TRUE;
    else if (json_is_integer(j)) {
        v.type = V_INT;
        v.i = json_integer_value(j);
    } else if (json_is_real(j)) {
        v.type = V_REAL;
        v.d = json_real_value(j);
    } else if (json_is_string(j)) {
        v.type = V_STR;
        v.s = json_string_value(j);
        v.len = json_string_length(j);
    }
    return v;
}

int fact_json_bad(struct err *e, long column, const char *fmt, ...)
{
    char msg[sizeof(e->msg)];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return err_at(e, NULL, 0, column, "%s", msg);
}

/* need false: an absent member reads as "". */
static int check_str(const struct value *v, const char *key, bool need,
                     struct arena *ar, const char **out, struct err *e)
{
    if (v->type == V_ABSENT && !need) {
        *out = "";
        return 0;
    }
    if (v->type != V_STR)
        return fact_json_bad(e, 0, "'%s' must be a string", key);
    *out = arena_strndup(ar, v->s, v->len);
    return 0;
}

static int check_day(const struct value *v, const char *key, int *out,
                     struct err *e)
{
    if (v->type != V_STR ||
        (*out = date_parse_iso(v->s, v->len)) == DATE_NONE)
        return fact_json_bad(e, 0, "'%s' must be a date YYYY-MM-DD", key);
    return 0;
}

static int check_count(const struct value *v, const char *key, size_t *out,
                       struct err *e)
{
    if (v->type != V_INT || v->i < 0)
        return fact_json_bad(e, 0, "'%s' must be a whole number", key);
    *out = (size_t)v->i;
    return 0;
}

/* A number or null: *has tells which. */
static int check_opt_num(const struct value *v, const char *key, bool *has,
                         double *out, struct err *e)
{
    bool is_num = v->type == V_INT || v->type == V_REAL;
    double x = v->type == V_INT ? (double)v->i : is_num ? v->d : 0;

    *has = false;
    *out = 0;
    if (v->type == V_ABSENT || v->type == V_NULL)
        return 0;
    if (!is_num || !isfinite(x))
        return fact_json_bad(e, 0, "'%s' must be a number or null", key);
    *has = true;
    *out = fact_round(x);
    return 0;
}

static int check_bool(const struct value *v, const char *key, bool *out,
                      struct err *e)
{
    if (v->type != V_ABSENT && v->type != V_TRUE && v->type != V_FALSE)
        return fact_json_bad(e, 0, "'%s' must be true or false", key);
    *out = v->type == V_TRUE;
    return 0;
}

int fact_json_get_str(const json_t *o, const char *key, struct arena *ar,
                      const char **out, struct err *e)
{
    struct value v = value_of(o, key);

    return check_str(&v, key, true, ar, out, e);
}

int fact_json_get_day(const json_t *o, const char *key, int *out,
                      struct err *e)
{
    struct value v = value_of(o, key);

    return check_day(&v, key, out, e);
}

int fact_json_get_count(const json_t *o, const char *key, size_t *out,
                        struct err *e)
{
    struct value v = value_of(o, key);

    return check_count(&v, key, out, e);
}

/* ---- the members of a fact ---- */

/* In the order fact_write_json writes them (sorted). */
enum key {
    K_DATE_FROM, K_DATE_TO, K_HIGH, K_HIGH_EXCL, K_KIND, K_LENGTH, K_LOW,
    K_LOW_EXCL, K_OFFSET, K_OUTLET, K_QUALIFIER, K_SCOPE, K_SOURCE,
    K_SOURCE_DATE, K_TEXT, K_TOPIC, K_UNIT, K_VALUE, NKEYS
};

static const char *const key_names[NKEYS] = {
    "date_from", "date_to", "high", "high_exclusive", "kind", "length",
    "low", "low_exclusive", "offset", "outlet", "qualifier", "scope",
    "source", "source_date", "text", "topic", "unit", "value",
};

/* Check the members in a fixed order: the first bad one is said. */
static int fact_of_values(const struct value *v, struct arena *ar,
                          struct fact *f, struct err *e)
{
    const char *qual = "", *kind = "";
    bool has_value = false, has_low = false, has_high = false;
    bool low_excl = false, high_excl = false;   /* bit-fields in f */

    if (check_str(&v[K_SOURCE], "source", true, ar, &f->source, e) < 0 ||
        check_str(&v[K_OUTLET], "outlet", false, ar, &f->outlet, e) < 0 ||
        check_day(&v[K_SOURCE_DATE], "source_date", &f->source_date,
                  e) < 0 ||
        check_count(&v[K_OFFSET], "offset", &f->offset, e) < 0 ||
        check_count(&v[K_LENGTH], "length", &f->length, e) < 0 ||
        check_str(&v[K_TEXT], "text", true, ar, &f->text, e) < 0 ||
        check_opt_num(&v[K_VALUE], "value", &has_value, &f->value,
                      e) < 0 ||
        check_opt_num(&v[K_LOW], "low", &has_low, &f->low, e) < 0 ||
        check_opt_num(&v[K_HIGH], "high", &has_high, &f->high, e) < 0 ||
        check_bool(&v[K_LOW_EXCL], "low_exclusive", &low_excl, e) < 0 ||
        check_bool(&v[K_HIGH_EXCL], "high_exclusive", &high_excl,
                   e) < 0 ||
        check_str(&v[K_QUALIFIER], "qualifier", true, ar, &qual, e) < 0 ||
        check_str(&v[K_UNIT], "unit", true, ar, &f->unit, e) < 0 ||
        check_str(&v[K_TOPIC], "topic", true, ar, &f->topic, e) < 0 ||
        check_str(&v[K_KIND], "kind", false, ar, &kind, e) < 0 ||
        check_day(&v[K_DATE_FROM], "date_from", &f->date_from, e) < 0 ||
        check_day(&v[K_DATE_TO], "date_to", &f->date_to, e) < 0 ||
        check_str(&v[K_SCOPE], "scope", false, ar, &f->scope, e) < 0)
        return -1;
    f->has_value = has_value;
    f->has_low = has_low;
    f->has_high = has_high;
    f->low_excl = low_excl;
    f->high_excl = high_excl;
    if (!*f->outlet)
        f->outlet = f->source;
    if (fact_qualifier_parse(qual, &f->qual) < 0)
        return fact_json_bad(e, 0, "unknown qualifier '%s'", qual);
    if (strcmp(kind, "state") == 0)
        f->kind = KIND_STATE;
    else if (*kind && strcmp(kind, "event") != 0)
        return fact_json_bad(e, 0, "unknown kind '%s'", kind);
    if (f->date_to < f->date_from)
        return fact_json_bad(e, 0, "date_to is before date_from");
    return 0;
}

int fact_from_json(const json_t *o, struct arena *ar, struct fact *f,
                   struct err *e)
{
    struct value v[NKEYS];

    memset(f, 0, sizeof(*f));
    if (!json_is_object(o))
        return fact_json_bad(e, 0, "not a JSON object");
    for (int k = 0; k < NKEYS; k++)
        v[k] = value_of(o, key_names[k]);
    return fact_of_values(v, ar, f, e);
}

/* ---- the scanner ---- */

struct scan {
    const char *p, *end;
};

static void skip_space(struct scan *s)
{
    while (s->p < s->end &&
           (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

/* A string without escapes or control bytes, in valid UTF-8 (what
 * jansson would decode to the same bytes), after its opening quote. */
static bool scan_str(struct scan *s, const char **out, size_t *len)
{
    const char *from = s->p;
    bool ascii = true;

    for (; s->p < s->end; s->p++) {
        unsigned char c = (unsigned char)*s->p;

        if (c == '"')
            break;
        if (c < 0x20 || c == '\\')
            return false;
        ascii &= c < 0x80;
    }
    if (s->p == s->end)
        return false;
    *out = from;
    *len = (size_t)(s->p++ - from);
    return ascii || utf8_invalid_at(*out, *len) == *len;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A number as jansson reads it: an integer when it has neither fraction
 * nor exponent, else a real.  Integers of more than 18 digits and reals
 * out of range are left to jansson (and its messages). */
static bool scan_num(struct scan *s, struct value *v)
{
    const char *from = s->p;
    bool neg = s->p < s->end && *s->p == '-';
    bool real = false;

    s->p += neg;
    if (s->p == s->end || !is_digit(*s->p))
        return false;
    if (*s->p == '0')
        s->p++;
    else
        while (s->p < s->end && is_digit(*s->p))
            s->p++;
    if (s->p < s->end && *s->p == '.') {
        real = true;
        if (++s->p == s->end || !is_digit(*s->p))
            return false;
        while (s->p < s->end && is_digit(*s->p))
            s->p++;
    }
    if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
        real = true;
        s->p++;
        if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
            s->p++;
        if (s->p == s->end || !is_digit(*s->p))
            return false;
        while (s->p < s->end && is_digit(*s->p))
            s->p++;
    }
    if (!real) {
        size_t digits = (size_t)(s->p - from) - neg;
        unsigned long long u = 0;

        if (digits > 18)
            return false;
        for (const char *q = from + neg; q < s->p; q++)
            u = u * 10 + (unsigned)(*q - '0');
        v->type = V_INT;
        v->i = neg ? -(long long)u : (long long)u;
        return true;
    }
    char tmp[64], *end;
    size_t n = (size_t)(s->p - from);
    if (n >= sizeof(tmp))
        return false;
    memcpy(tmp, from, n);
    tmp[n] = '\0';
    v->type = V_REAL;
    v->d = strtod(tmp, &end);
    /* all of it: a locale with a decimal comma is left to jansson */
    return end == tmp + n && isfinite(v->d);
}

static bool scan_word(struct scan *s, const char *word, size_t len)
{
    if ((size_t)(s->end - s->p) < len || memcmp(s->p, word, len) != 0)
        return false;
    s->p += len;
    return true;
}

/* A scalar value.  What follows it is checked by the caller: "truex" or
 * "12x" are no JSON, and jansson says so. */
static bool scan_value(struct scan *s, struct value *v)
{
    if (s->p == s->end)
        return false;
    switch (*s->p) {
    case '"':
        s->p++;
        v->type = V_STR;
        return scan_str(s, &v->s, &v->len);
    case 't':
        v->type = V_TRUE;
        return scan_word(s, "true", 4);
    case 'f':
        v->type = V_FALSE;
        return scan_word(s, "false", 5);
    case 'n':
        v->type = V_NULL;
        return scan_word(s, "null", 4);
    default:
        return scan_num(s, v);
    }
}

/* The member a key names; the keys usually come in order, so the one
 * after the last is tried first.  -1 for a key of no fact. */
static int find_key(const char *name, size_t len, int after)
{
    for (int i = 0; i < NKEYS; i++) {
        int k = (after + 1 + i) % NKEYS;
        if (strncmp(key_names[k], name, len) == 0 && !key_names[k][len])
            return k;
    }
    return -1;
}

/* Whether the len bytes at line are one JSON object of fact members, each
 * at most once, with scalar values the scanner reads as jansson would;
 * they go to v (V_ABSENT for the members not given). */
static bool scan_fact(const char *line, size_t len, struct value *v)
{
    struct scan s = { line, line + len };
    int k = -1;

    for (int i = 0; i < NKEYS; i++)
        v[i].type = V_ABSENT;
    skip_space(&s);
    if (s.p == s.end || *s.p++ != '{')
        return false;
    skip_space(&s);
    if (s.p < s.end && *s.p == '}')
        s.p++;
    else
        for (;;) {
            const char *name;
            size_t n;

            if (s.p == s.end || *s.p++ != '"' || !scan_str(&s, &name, &n) ||
                (k = find_key(name, n, k)) < 0 || v[k].type != V_ABSENT)
                return false;
            skip_space(&s);
            if (s.p == s.end || *s.p++ != ':')
                return false;
            skip_space(&s);
            if (!scan_value(&s, &v[k]))
                return false;
            skip_space(&s);
            if (s.p == s.end)
                return false;
            if (*s.p == '}') {
                s.p++;
                break;
            }
            if (*s.p++ != ',')
                return false;
            skip_space(&s);
        }
    skip_space(&s);
    return s.p == s.end;
}

/* ---- facts ---- */

int fact_read_plain_json(const char *line, size_t len, struct arena *ar,
                         struct fact *f, struct err *e)
{
    struct value v[NKEYS];

    if (!scan_fact(line, len, v))
        return 1;
    memset(f, 0, sizeof(*f));
    return fact_of_values(v, ar, f, e);
}

int fact_read_json(const char *line, size_t len, struct arena *ar,
                   struct fact *f, struct err *e)
{
    int rc = fact_read_plain_json(line, len, ar, f, e);
    json_error_t je;
    json_t *o;

    if (rc <= 0)
        return rc;
    o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    if (!o) {
        memset(f, 0, sizeof(*f));
        return fact_json_bad(e, je.column > 0 ? je.column : 0,
                             "not a JSON fact: %s", je.text);
    }
    rc = fact_from_json(o, ar, f, e);
    json_decref(o);
    return rc;
}
