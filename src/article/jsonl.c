/* Articles as JSON Lines, one article a line, as scrapers emit them. */
#include "article/article.h"
#include "article/article_private.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "util/date.h"
#include "util/err.h"
#include "util/xalloc.h"

#define BOM "\xEF\xBB\xBF"

/* ---- one line ---- */

/* The string at key, NULL when absent, null or "".  Returns -1 and fills
 * e when it is something else. */
static int get_opt_str(json_t *o, const char *key, const char **out,
                       const char *file, long line, struct err *e)
{
    json_t *v = json_object_get(o, key);

    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return err_at(e, file, line, 0, "'%s' must be a string", key);
    if (json_string_length(v) > 0)
        *out = json_string_value(v);
    return 0;
}

static int get_date(json_t *o, int *out, const char *file, long line,
                    struct err *e)
{
    json_t *v = json_object_get(o, "date");

    if (!json_is_string(v))
        return err_at(e, file, line, 0,
                      "'date' must be a date YYYY-MM-DD");
    *out = date_parse_iso(json_string_value(v), json_string_length(v));
    if (*out == DATE_NONE) {
        int shown = json_string_length(v) > 40 ? 40
                                               : (int)json_string_length(v);
        return err_at(e, file, line, 0, "bad date '%.*s'", shown,
                      json_string_value(v));
    }
    return 0;
}

static int get_text(json_t *o, json_t **out, const char *file, long line,
                    struct err *e)
{
    *out = json_object_get(o, "text");
    if (!json_is_string(*out))
        return err_at(e, file, line, 0, "'text' must be a string");
    if (json_string_length(*out) == 0)
        return err_at(e, file, line, 0, "empty text");
    return 0;
}

/* The article of a parsed line: its names, then the bytes of its text. */
static struct article *make_article(json_t *o, const char *file, long line,
                                    struct err *e)
{
    const char *source, *url, *title;
    json_t *text;
    int date;

    if (get_date(o, &date, file, line, e) < 0 ||
        get_text(o, &text, file, line, e) < 0 ||
        get_opt_str(o, "source", &source, file, line, e) < 0 ||
        get_opt_str(o, "url", &url, file, line, e) < 0 ||
        get_opt_str(o, "title", &title, file, line, e) < 0)
        return NULL;

    struct article *a = xcalloc(1, sizeof(*a));
    char at[300];

    snprintf(at, sizeof(at), "%s:%ld", file, line);
    a->path = xstrdup(url ? url : at);
    a->source = xstrdup(source ? source : url ? url : at);
    a->url = url ? xstrdup(url) : NULL;
    a->title = title ? xstrdup(title) : NULL;
    a->date = date;
    /* jansson refuses \u0000 and invalid UTF-8: text is a C string */
    a->len = json_string_length(text);
    a->text = xstrndup(json_string_value(text), a->len);
    a->body_off = 0;
    article_index_lines(a);
    return a;
}

struct article *article_from_json(const char *file, long line,
                                  const char *json, size_t len,
                                  struct err *e)
{
    json_error_t je;
    json_t *o = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
    struct article *a = NULL;

    if (!o) {
        /* position: the bytes jansson read, up to where it stopped */
        err_at(e, file, line, je.position > 0 ? (long)je.position : 0,
               "not a JSON article: %s", je.text);
        return NULL;
    }
    if (!json_is_object(o))
        err_at(e, file, line, 0, "not a JSON article: not an object");
    else
        a = make_article(o, file, line, e);
    json_decref(o);
    return a;
}

/* ---- files ---- */

static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n", s[i]))
            return false;
    return true;
}

int article_read_jsonl(const char *path, article_line_fn *fn, void *ctx,
                       struct err *e)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = 0;

    if (!f)
        return err_sys(e, path, errno, "cannot read");
    while ((n = getline(&line, &cap, f)) >= 0) {
        const char *p = line;
        size_t len = (size_t)n;
        struct err bad = ERR_INIT;

        if (++lineno == 1 && len >= 3 && memcmp(p, BOM, 3) == 0) {
            p += 3;
            len -= 3;
        }
        if (is_blank(p, len))
            continue;
        struct article *a = article_from_json(name, lineno, p, len, &bad);
        fn(a, a ? NULL : &bad, ctx);
        article_free(a);
    }
    if (ferror(f))
        rc = err_sys(e, name, errno, "cannot read");
    free(line);
    if (!is_stdin)
        fclose(f);
    return rc;
}

bool article_is_jsonl(const char *path)
{
    size_t n = strlen(path);

    if (strcmp(path, "-") == 0) {
        int c = getc(stdin);

        /* nothing at all is no lines, not an empty article: a streaming
         * job may hand a mapper an empty split */
        if (c == EOF)
            return true;
        ungetc(c, stdin);
        return c == '{';
    }
    return n >= 6 && strcmp(path + n - 6, ".jsonl") == 0;
}
