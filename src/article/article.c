#include "article/article.h"
#include "article/article_private.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define BOM "\xEF\xBB\xBF"

/* ---- lines ---- */

void article_index_lines(struct article *a)
{
    size_t n = 1;
    const char *p, *end = a->text + a->len;

    /* memchr scans a word at a time: this runs over every byte read */
    for (p = a->text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL;
         p++)
        if (p + 1 < end)
            n++;
    a->lines = xreallocarray(NULL, n, sizeof(*a->lines));
    a->lines[0] = 0;
    a->nlines = 1;
    for (p = a->text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL;
         p++)
        if (p + 1 < end)
            a->lines[a->nlines++] = (size_t)(p - a->text) + 1;
}

void article_line_col(const struct article *a, size_t off, long *line,
                      long *col)
{
    size_t lo = 0, hi = a->nlines;

    /* the last line start at or before off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = (long)lo + 1;
    *col = (long)(off - a->lines[lo]) + 1;
}

/* End of the line that starts at p: the offset of its '\n', or len. */
static size_t line_end(const struct article *a, size_t p)
{
    const char *nl = memchr(a->text + p, '\n', a->len - p);

    return nl ? (size_t)(nl - a->text) : a->len;
}

static size_t skip_blanks(const struct article *a, size_t p, size_t end)
{
    while (p < end && (a->text[p] == ' ' || a->text[p] == '\t'))
        p++;
    return p;
}

/* ---- checks ---- */

static int check_bytes(const struct article *a, struct err *e)
{
    size_t bad = utf8_invalid_at(a->text, a->len);
    const char *nul = memchr(a->text, '\0', bad);
    long line, col;

    if (nul) {
        article_line_col(a, (size_t)(nul - a->text), &line, &col);
        return err_at(e, a->path, line, col, "null byte");
    }
    if (bad < a->len) {
        article_line_col(a, bad, &line, &col);
        return err_at(e, a->path, line, col, "invalid UTF-8 byte '\\x%02x'",
                      (unsigned char)a->text[bad]);
    }
    return 0;
}

/* ---- the head: date line, then header lines ---- */

static char *header_value(const struct article *a, size_t p, size_t end)
{
    p = skip_blanks(a, p, end);
    while (end > p && strchr(" \t\r", a->text[end - 1]))
        end--;
    return end > p ? xstrndup(a->text + p, end - p) : NULL;
}

/* Take one "source:", "url:" or "title:" line; false if it is none. */
static bool take_header(struct article *a, size_t p, size_t end)
{
    static const char *const keys[] = { "source:", "url:", "title:" };
    char **fields[] = { &a->source, &a->url, &a->title };

    for (size_t k = 0; k < 3; k++) {
        size_t n = strlen(keys[k]);
        if (end - p < n || strncasecmp(a->text + p, keys[k], n) != 0)
            continue;
        char *v = header_value(a, p + n, end);
        if (*fields[k] || !v)
            free(v);   /* the first non-empty one counts */
        else
            *fields[k] = v;
        return true;
    }
    return false;
}

static bool is_blank_line(const struct article *a, size_t p, size_t end)
{
    p = skip_blanks(a, p, end);
    return p == end || (p + 1 == end && a->text[p] == '\r');
}

static void parse_headers(struct article *a, size_t p)
{
    while (p < a->len) {
        size_t end = line_end(a, p);
        if (!take_header(a, p, end))
            break;
        p = end < a->len ? end + 1 : a->len;
    }
    while (p < a->len) {
        size_t end = line_end(a, p);
        if (!is_blank_line(a, p, end))
            break;
        p = end < a->len ? end + 1 : a->len;
    }
    a->body_off = p;
}

static int parse_head(struct article *a, struct err *e)
{
    size_t eol = line_end(a, 0);
    size_t p = a->len >= 3 && memcmp(a->text, BOM, 3) == 0 ? 3 : 0;

    p = skip_blanks(a, p, eol);
    if (eol - p < 5 || memcmp(a->text + p, "date", 4) != 0 ||
        (a->text[p + 4] != ' ' && a->text[p + 4] != '\t'))
        return err_at(e, a->path, 1, 0,
                      "no date: a file must begin with ' date YYYY-MM-DD'");
    p = skip_blanks(a, p + 4, eol);
    size_t q = p;
    while (q < eol && !strchr(" \t\r", a->text[q]))
        q++;
    a->date = date_parse_iso(a->text + p, q - p);
    if (a->date == DATE_NONE) {
        int shown = q - p > 40 ? 40 : (int)(q - p);
        return err_at(e, a->path, 1, (long)p + 1, "bad date '%.*s'",
                      shown, a->text + p);
    }
    size_t r = skip_blanks(a, q, eol);
    bool alone = r == eol || (r + 1 == eol && a->text[r] == '\r');
    if (alone)
        parse_headers(a, eol < a->len ? eol + 1 : a->len);
    else
        a->body_off = r;
    return 0;
}

/* ---- loading ---- */

static char *file_stem(const char *path)
{
    const char *base = strrchr(path, '/');

    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return xstrndup(base, n);
}

/* Make an article of the bytes in text (taken: text is empty after). */
static struct article *article_take(const char *path, struct buf *text,
                                    struct err *e)
{
    struct article *a = xcalloc(1, sizeof(*a));

    a->path = xstrdup(path);
    a->date = DATE_NONE;
    a->text = buf_detach(text, &a->len);
    article_index_lines(a);
    if (a->len == 0) {
        err_at(e, path, 0, 0, "empty file");
        goto fail;
    }
    if (check_bytes(a, e) < 0 || parse_head(a, e) < 0)
        goto fail;
    if (!a->source)
        a->source = file_stem(path);
    return a;
fail:
    article_free(a);
    return NULL;
}

struct article *article_load(const char *path, struct err *e)
{
    struct buf text = BUF_INIT;

    if (buf_read_file(&text, path, e) < 0)
        return NULL;
    return article_take(path, &text, e);
}

struct article *article_load_regular(const char *path, struct err *e)
{
    struct buf text = BUF_INIT;

    if (buf_read_regular(&text, path, e) < 0)
        return NULL;
    return article_take(path, &text, e);
}

struct article *article_from_memory(const char *name, const char *bytes,
                                    size_t len, struct err *e)
{
    struct buf text = BUF_INIT;

    buf_append(&text, bytes, len);
    return article_take(name, &text, e);
}

void article_free(struct article *a)
{
    if (!a)
        return;
    free(a->path);
    free(a->source);
    free(a->url);
    free(a->title);
    free(a->text);
    free(a->lines);
    free(a);
}
