/* Reading facts back from JSON Lines, and the field readers that the
 * readers of other records (cmp) share. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "fact/fact.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/err.h"

/* ---- fields ---- */

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
static int get_str(const json_t *o, const char *key, bool need,
                   struct arena *ar, const char **out, struct err *e)
{
    json_t *v = json_object_get(o, key);

    if (!v && !need) {
        *out = "";
        return 0;
    }
    if (!json_is_string(v))
        return fact_json_bad(e, 0, "'%s' must be a string", key);
    *out = arena_strndup(ar, json_string_value(v), json_string_length(v));
    return 0;
}

int fact_json_get_str(const json_t *o, const char *key, struct arena *ar,
                      const char **out, struct err *e)
{
    return get_str(o, key, true, ar, out, e);
}

int fact_json_get_day(const json_t *o, const char *key, int *out,
                      struct err *e)
{
    json_t *v = json_object_get(o, key);

    if (!json_is_string(v) ||
        (*out = date_parse_iso(json_string_value(v),
                               json_string_length(v))) == DATE_NONE)
        return fact_json_bad(e, 0, "'%s' must be a date YYYY-MM-DD", key);
    return 0;
}

int fact_json_get_count(const json_t *o, const char *key, size_t *out,
                        struct err *e)
{
    json_t *v = json_object_get(o, key);

    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return fact_json_bad(e, 0, "'%s' must be a whole number", key);
    *out = (size_t)json_integer_value(v);
    return 0;
}

/* A number or null: *has tells which. */
static int get_opt_num(const json_t *o, const char *key, bool *has,
                       double *out, struct err *e)
{
    json_t *v = json_object_get(o, key);

    *has = false;
    *out = 0;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_number(v) || !isfinite(json_number_value(v)))
        return fact_json_bad(e, 0, "'%s' must be a number or null", key);
    *has = true;
    *out = fact_round(json_number_value(v));
    return 0;
}

static int get_bool(const json_t *o, const char *key, bool *out,
                    struct err *e)
{
    json_t *v = json_object_get(o, key);

    if (!v) {
        *out = false;
        return 0;
    }
    if (!json_is_boolean(v))
        return fact_json_bad(e, 0, "'%s' must be true or false", key);
    *out = json_is_true(v);
    return 0;
}

/* ---- facts ---- */

int fact_read_json(const char *line, size_t len, struct arena *ar,
                   struct fact *f, struct err *e)
{
    json_error_t je;
    json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    int rc;

    if (!o) {
        memset(f, 0, sizeof(*f));
        return fact_json_bad(e, je.column > 0 ? je.column : 0,
                             "not a JSON fact: %s", je.text);
    }
    rc = fact_from_json(o, ar, f, e);
    json_decref(o);
    return rc;
}

int fact_from_json(const json_t *o, struct arena *ar, struct fact *f,
                   struct err *e)
{
    const char *qual, *kind;

    memset(f, 0, sizeof(*f));
    if (!json_is_object(o))
        return fact_json_bad(e, 0, "not a JSON object");
    if (get_str(o, "source", true, ar, &f->source, e) < 0 ||
        get_str(o, "outlet", false, ar, &f->outlet, e) < 0 ||
        fact_json_get_day(o, "source_date", &f->source_date, e) < 0 ||
        fact_json_get_count(o, "offset", &f->offset, e) < 0 ||
        fact_json_get_count(o, "length", &f->length, e) < 0 ||
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
        fact_json_get_day(o, "date_from", &f->date_from, e) < 0 ||
        fact_json_get_day(o, "date_to", &f->date_to, e) < 0 ||
        get_str(o, "scope", false, ar, &f->scope, e) < 0)
        return -1;
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
