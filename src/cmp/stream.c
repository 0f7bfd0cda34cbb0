/* Comparing in parts: keys, and the records that travel between a map
 * and a reduce (cmp.h says which). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cmp/cmp.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define DUMP_FLAGS (JSON_SORT_KEYS | JSON_COMPACT | JSON_REAL_PRECISION(15))

static const char *str(const char *s)
{
    return s ? s : "";
}

/* ---- writing ---- */

/* Write o (taken) as one line, dumped with flags. */
static int write_line_as(FILE *out, json_t *o, size_t flags)
{
    char *line = json_dumps(o, flags);
    int rc = 0;

    json_decref(o);
    if (!line)
        return -1;
    if (fputs(line, out) < 0 || putc('\n', out) == EOF)
        rc = -1;
    free(line);
    return rc;
}

/* Write o (taken) as one line. */
static int write_line(FILE *out, json_t *o)
{
    return write_line_as(out, o, DUMP_FLAGS);
}

/* s as a JSON string: quotes, backslashes and control bytes escaped. */
static void put_str(struct buf *b, const char *s)
{
    buf_putc(b, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c == '"' || c == '\\')
            buf_printf(b, "\\%c", c);
        else if (c < 0x20)
            buf_printf(b, "\\u%04x", c);
        else
            buf_putc(b, (char)c);
    }
    buf_putc(b, '"');
}

void cmp_key(struct buf *b, const struct fact *f)
{
    buf_putc(b, '[');
    put_str(b, str(f->topic));
    buf_putc(b, ',');
    put_str(b, str(f->unit));
    buf_putc(b, ',');
    put_str(b, str(f->scope));
    buf_putc(b, ']');
}

int cmp_write_keyed_fact(FILE *out, const struct fact *f)
{
    struct buf key = BUF_INIT;
    int rc;

    cmp_key(&key, f);
    buf_putc(&key, '\t');
    rc = fwrite(key.data, 1, key.len, out) == key.len ? 0 : -1;
    buf_release(&key);
    return rc < 0 ? -1 : fact_write_json(out, f);
}

int cmp_write_article(FILE *out, const char *source)
{
    return write_line(out, json_pack("{ss}", "article", str(source)));
}

/* A path or message may hold any byte; JSON takes UTF-8 only. */
static json_t *repaired(const char *s)
{
    struct buf b = BUF_INIT;
    json_t *v;

    utf8_repair(&b, s, strlen(s));
    v = json_stringn(b.data ? b.data : "", b.len);
    buf_release(&b);
    return v;
}

int cmp_write_error(FILE *out, const struct err *e)
{
    return write_line(out,
                      json_pack("{s{sosIsIso}}", "error",
                                "file", repaired(e->file),
                                "line", (json_int_t)e->line,
                                "column", (json_int_t)e->column,
                                "message", repaired(e->msg)));
}

static json_t *day(int d)
{
    char s[11];

    date_format(d, s);
    return json_string(s);
}

int cmp_write_group(FILE *out, const struct group *g)
{
    json_t *o = json_object();
    json_t *facts = json_array();

    json_object_set_new(o, "id", json_string(g->id));
    json_object_set_new(o, "topic", json_string(str(g->topic)));
    json_object_set_new(o, "unit", json_string(str(g->unit)));
    json_object_set_new(o, "scope", json_string(str(g->scope)));
    json_object_set_new(o, "date_from", day(g->date_from));
    json_object_set_new(o, "date_to", day(g->date_to));
    json_object_set_new(o, "verdict",
                        json_string(cmp_verdict_name(g->verdict)));
    json_object_set_new(o, "outlets", json_integer((json_int_t)g->noutlets));
    for (size_t i = 0; i < g->nfacts; i++)
        json_array_append_new(facts, fact_to_json(g->facts[i]));
    json_object_set_new(o, "facts", facts);
    return write_line(out, json_pack("{so}", "group", o));
}

/* The options with 17 digits: the report's must be the same doubles. */
int cmp_write_stats(FILE *out, size_t nfacts, size_t nsources,
                    const struct cmp_options *o)
{
    return write_line_as(out,
                         json_pack("{s{sIsIsisfsf}}", "stats",
                                   "facts", (json_int_t)nfacts,
                                   "sources", (json_int_t)nsources,
                                   "window", o->window,
                                   "tolerance", o->tolerance,
                                   "nearly", o->nearly),
                         JSON_SORT_KEYS | JSON_COMPACT |
                             JSON_REAL_PRECISION(17));
}

/* ---- reading ---- */

static int get_id(json_t *o, char id[17], struct err *e)
{
    const char *s = json_string_value(json_object_get(o, "id"));

    if (!s || strlen(s) != 16 || strspn(s, "0123456789abcdef") != 16)
        return fact_json_bad(e, 0, "'id' must be 16 hex digits");
    memcpy(id, s, 17);
    return 0;
}

static int get_verdict(json_t *o, enum verdict *out, struct err *e)
{
    static const enum verdict all[] = {
        VERDICT_AGREE, VERDICT_COMPATIBLE, VERDICT_CONFLICT
    };
    const char *s = json_string_value(json_object_get(o, "verdict"));

    for (size_t i = 0; s && i < sizeof(all) / sizeof(*all); i++)
        if (strcmp(s, cmp_verdict_name(all[i])) == 0) {
            *out = all[i];
            return 0;
        }
    return fact_json_bad(e, 0,
                         "'verdict' must be agree, compatible or conflict");
}

static int by_fact(const void *pa, const void *pb)
{
    return fact_cmp(*(const struct fact *const *)pa,
                    *(const struct fact *const *)pb);
}

static int get_facts(json_t *o, struct group *g, struct arena *ar,
                     struct err *e)
{
    json_t *facts = json_object_get(o, "facts");
    size_t n = json_array_size(facts);

    if (!json_is_array(facts) || n == 0)
        return fact_json_bad(e, 0, "'facts' must be a list of facts");
    g->facts = xreallocarray(NULL, n, sizeof(*g->facts));
    for (size_t i = 0; i < n; i++) {
        struct fact *f = arena_alloc(ar, sizeof(*f));

        if (fact_from_json(json_array_get(facts, i), ar, f, e) < 0)
            return -1;
        g->facts[g->nfacts++] = f;
    }
    qsort(g->facts, n, sizeof(*g->facts), by_fact);
    return 0;
}

static int read_group(json_t *o, struct arena *ar, struct group *g,
                      struct err *e)
{
    size_t outlets;

    if (!json_is_object(o))
        return fact_json_bad(e, 0, "'group' must be an object");
    if (get_id(o, g->id, e) < 0 ||
        fact_json_get_str(o, "topic", ar, &g->topic, e) < 0 ||
        fact_json_get_str(o, "unit", ar, &g->unit, e) < 0 ||
        fact_json_get_str(o, "scope", ar, &g->scope, e) < 0 ||
        fact_json_get_day(o, "date_from", &g->date_from, e) < 0 ||
        fact_json_get_day(o, "date_to", &g->date_to, e) < 0 ||
        get_verdict(o, &g->verdict, e) < 0 ||
        fact_json_get_count(o, "outlets", &outlets, e) < 0 ||
        get_facts(o, g, ar, e) < 0) {
        free(g->facts);
        g->facts = NULL;
        return -1;
    }
    g->noutlets = outlets;
    return 0;
}

static int read_error(json_t *o, struct err *out, struct err *e)
{
    const char *file = json_string_value(json_object_get(o, "file"));
    const char *msg = json_string_value(json_object_get(o, "message"));
    json_t *line = json_object_get(o, "line");
    json_t *column = json_object_get(o, "column");

    if (!file || !msg || !*msg || !json_is_integer(line) ||
        json_integer_value(line) < 0 || !json_is_integer(column) ||
        json_integer_value(column) < 0)
        return fact_json_bad(e, 0, "'error' must have a file, line, "
                             "column and message");
    err_at(out, file, (long)json_integer_value(line),
           (long)json_integer_value(column), "%s", msg);
    return 0;
}

static int get_fraction(json_t *o, const char *key, double *out,
                        struct err *e)
{
    json_t *v = json_object_get(o, key);

    if (!json_is_number(v) || !(json_number_value(v) >= 0) ||
        json_number_value(v) > 1)
        return fact_json_bad(e, 0, "'%s' must be a number from 0 to 1",
                             key);
    *out = json_number_value(v);
    return 0;
}

static int read_stats(json_t *o, struct cmp_record *rec, struct err *e)
{
    size_t window;

    if (!json_is_object(o))
        return fact_json_bad(e, 0, "'stats' must be an object");
    if (fact_json_get_count(o, "facts", &rec->nfacts, e) < 0 ||
        fact_json_get_count(o, "sources", &rec->nsources, e) < 0 ||
        fact_json_get_count(o, "window", &window, e) < 0 ||
        get_fraction(o, "tolerance", &rec->options.tolerance, e) < 0 ||
        get_fraction(o, "nearly", &rec->options.nearly, e) < 0)
        return -1;
    if (window > 36500)
        return fact_json_bad(e, 0, "'window' must be at most 36500 days");
    rec->options.window = (int)window;
    return 0;
}

/* A record of one member names its kind; any other object is a fact. */
static int read_object(json_t *o, struct arena *ar, struct cmp_record *rec,
                       struct err *e)
{
    bool one = json_object_size(o) == 1;
    json_t *v;

    if (one && (v = json_object_get(o, "group"))) {
        rec->kind = CMP_REC_GROUP;
        return read_group(v, ar, &rec->group, e);
    }
    if (one && (v = json_object_get(o, "stats"))) {
        rec->kind = CMP_REC_STATS;
        return read_stats(v, rec, e);
    }
    if (one && (v = json_object_get(o, "error"))) {
        rec->kind = CMP_REC_ERROR;
        return read_error(v, &rec->error, e);
    }
    if (one && (v = json_object_get(o, "article"))) {
        rec->kind = CMP_REC_ARTICLE;
        if (!json_is_string(v) || json_string_length(v) == 0)
            return fact_json_bad(e, 0, "'article' must be a source name");
        rec->article = arena_strndup(ar, json_string_value(v),
                                     json_string_length(v));
        return 0;
    }
    rec->kind = CMP_REC_FACT;
    return fact_from_json(o, ar, &rec->fact, e);
}

static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n", s[i]))
            return false;
    return true;
}

/* Where the value starts, and the key before it (keylen 0: none).  A
 * tab with nothing after it is Hadoop's, before an empty value. */
static size_t split_key(const char *line, size_t len, size_t *keylen)
{
    const char *tab = memchr(line, '\t', len);
    size_t at = tab ? (size_t)(tab - line) : len;

    *keylen = 0;
    if (!tab || is_blank(tab + 1, len - at - 1))
        return 0;
    *keylen = at;
    return at + 1;
}

static int check_key(const char *key, size_t keylen, const struct fact *f,
                     struct err *e)
{
    struct buf want = BUF_INIT;
    int rc = 0;

    cmp_key(&want, f);
    if (want.len != keylen || memcmp(want.data, key, keylen) != 0)
        rc = fact_json_bad(e, 1, "key '%.*s' is not the fact's key %s",
                           keylen > 80 ? 80 : (int)keylen, key, want.data);
    buf_release(&want);
    return rc;
}

int cmp_read_record(const char *line, size_t len, struct arena *ar,
                    struct cmp_record *rec, struct err *e)
{
    size_t keylen;
    size_t at = split_key(line, len, &keylen);
    json_error_t je;
    json_t *o;
    int rc;

    memset(rec, 0, sizeof(*rec));
    /* most records are facts as extract writes them: no jansson tree */
    rc = fact_read_plain_json(line + at, len - at, ar, &rec->fact, e);
    if (rc <= 0) {
        rec->kind = CMP_REC_FACT;
        return rc == 0 && keylen > 0 ? check_key(line, keylen, &rec->fact, e)
                                     : rc;
    }
    o = json_loadb(line + at, len - at, JSON_REJECT_DUPLICATES, &je);
    if (!o) {
        long column = (long)(at + (je.position > 0 ? je.position : 1));
        return fact_json_bad(e, column, "not a JSON record: %s", je.text);
    }
    rc = -1;
    if (!json_is_object(o))
        fact_json_bad(e, (long)at + 1, "not a JSON object");
    else if (read_object(o, ar, rec, e) == 0)
        rc = rec->kind == CMP_REC_FACT && keylen > 0
                 ? check_key(line, keylen, &rec->fact, e) : 0;
    json_decref(o);
    return rc;
}
