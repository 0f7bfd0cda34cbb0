/* The HTML review page, built as libxml2's HTML tree: every piece of
 * article text goes in as a text node or an attribute value, so the
 * serializer escapes it; only the page's own constant style and script
 * are written raw. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/HTMLtree.h>

#include "article/article.h"
#include "cmp/cmp.h"
#include "fact/fact.h"
#include "report/report.h"
#include "report/report_private.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"
#include "util/sha256.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* ---- the page's own style and script ---- */

static const char style[] =
    "body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;"
    "max-width:72rem;padding:0 1rem 3rem;color:#1d1d1f;background:#fff}\n"
    "header{border-bottom:1px solid #ddd;margin-bottom:1rem}\n"
    "h1{font-size:1.5rem;margin:1rem 0 .3rem}\n"
    "h2{font-size:1.15rem;margin:0 0 .2rem}\n"
    ".counts{font-size:1.05rem;margin:.2rem 0}\n"
    ".filters{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;"
    "align-items:center;margin:.6rem 0 1rem}\n"
    ".filters input[type=search]{padding:.25rem .5rem;min-width:16rem}\n"
    ".group{border:1px solid #ddd;border-left:6px solid #999;"
    "border-radius:6px;padding:.7rem 1rem;margin:0 0 1rem}\n"
    ".group.conflict{border-left-color:#c62828}\n"
    ".group.compatible{border-left-color:#e0a100}\n"
    ".group.agree{border-left-color:#2e7d32}\n"
    ".verdict{display:inline-block;font-size:.8rem;font-weight:600;"
    "text-transform:uppercase;letter-spacing:.04em;padding:.05rem .45rem;"
    "border-radius:4px;color:#fff;background:#777;margin-right:.4rem}\n"
    ".conflict .verdict{background:#c62828}\n"
    ".compatible .verdict{background:#a87900}\n"
    ".agree .verdict{background:#2e7d32}\n"
    ".state{font-size:.8rem;border:1px solid currentColor;"
    "border-radius:4px;padding:0 .35rem;margin-right:.4rem}\n"
    ".meta,.where{color:#555;font-size:.9rem;margin:.1rem 0}\n"
    ".chart svg{max-width:40rem;width:100%;height:auto;display:block;"
    "margin:.4rem 0}\n"
    ".facts{list-style:none;padding:0;margin:.4rem 0 0;display:grid;"
    "gap:.7rem;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr))}\n"
    ".fact{background:#fafafa;border:1px solid #e4e4e4;border-radius:5px;"
    "padding:.5rem .7rem}\n"
    ".fact p{margin:.1rem 0}\n"
    ".amount{font-weight:600;font-size:1.05rem}\n"
    ".qualifier{font-size:.8rem;color:#444;background:#eee;"
    "border-radius:4px;padding:0 .35rem;white-space:nowrap}\n"
    "blockquote{margin:.35rem 0;padding-left:.6rem;"
    "border-left:3px solid #ccc;overflow-wrap:anywhere}\n"
    "mark{background:#ffe066;padding:0 .1rem}\n"
    "details.agreements>summary,details.absent>summary{cursor:pointer;"
    "font-weight:600;margin:.5rem 0}\n"
    ".errors li{font-family:monospace}\n"
    ".miss{display:none}\n"
    "body:has(#show-conflict:not(:checked)) .group.conflict,"
    "body:has(#show-compatible:not(:checked)) .group.compatible,"
    "body:has(#show-agree:not(:checked)) .agreements{display:none}\n";

/* Shows the search box (hidden while scripts are off) and hides the
 * groups whose text does not hold what is typed. */
static const char script[] =
    "(function () {\n"
    "  var q = document.getElementById('search');\n"
    "  q.hidden = false;\n"
    "  q.addEventListener('input', function () {\n"
    "    var s = q.value.trim().toLowerCase();\n"
    "    document.querySelectorAll('section.group').forEach(function (g) {\n"
    "      var hit = !s || g.textContent.toLowerCase().indexOf(s) >= 0;\n"
    "      var d = g.closest('details');\n"
    "      g.classList.toggle('miss', !hit);\n"
    "      if (hit && s && d) d.open = true;\n"
    "    });\n"
    "  });\n"
    "})();\n";

/* ---- each fact's sentence ---- */

/* Bytes of context kept on either side of the quoted text. */
#define CONTEXT 200

/* A fact's quoted text in its sentence, repaired; before and after are
 * NULL when the article could not be read or no longer holds the text. */
struct quote {
    char *before, *after;
    long line;               /* of the quote's first byte; 0: unknown */
};

static bool is_break(char c)
{
    return c == '\n' || c == '\r';
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || is_break(c);
}

static bool is_stop(char c)
{
    return c == '.' || c == '!' || c == '?';
}

/* Where the sentence holding byte at starts: after a line break or a
 * full stop followed by a space, never before from. */
static size_t sentence_start(const char *t, size_t from, size_t at)
{
    size_t i = at;

    while (i > from && !is_break(t[i - 1]) &&
           !(i >= from + 2 && is_space(t[i - 1]) && is_stop(t[i - 2])))
        i--;
    while (i < at && is_space(t[i]))
        i++;
    return i;
}

/* Where the sentence holding the byte before at ends (after its stop). */
static size_t sentence_end(const char *t, size_t len, size_t at)
{
    size_t i = at;

    while (i < len && !is_break(t[i]) &&
           !(is_stop(t[i]) && (i + 1 == len || is_space(t[i + 1]))))
        i++;
    return i < len && is_stop(t[i]) ? i + 1 : i;
}

/* Cut [*start, at) down to CONTEXT bytes, at a space when one is near.
 * Returns whether it cut. */
static bool cap_before(const char *t, size_t *start, size_t at)
{
    if (at - *start <= CONTEXT)
        return false;
    size_t i = at - CONTEXT;

    for (size_t j = i; j < at && j < i + 40; j++)
        if (t[j] == ' ') {
            i = j + 1;
            break;
        }
    while (i < at && ((unsigned char)t[i] & 0xc0) == 0x80)
        i++;
    *start = i;
    return true;
}

/* Cut [at, *end) down to CONTEXT bytes, at a space when one is near. */
static bool cap_after(const char *t, size_t at, size_t *end)
{
    if (*end - at <= CONTEXT)
        return false;
    size_t i = at + CONTEXT;

    for (size_t j = i; j > at && j + 40 > i; j--)
        if (t[j - 1] == ' ') {
            i = j - 1;
            break;
        }
    while (i > at && ((unsigned char)t[i] & 0xc0) == 0x80)
        i--;
    *end = i;
    return true;
}

static char *repaired(const char *s, size_t len, bool cut_before,
                      bool cut_after)
{
    struct buf b = BUF_INIT;

    if (cut_before)
        buf_puts(&b, "\xe2\x80\xa6");   /* an ellipsis */
    utf8_repair(&b, s, len);
    if (cut_after)
        buf_puts(&b, "\xe2\x80\xa6");
    buf_append(&b, "", 0);
    return buf_detach(&b, NULL);
}

static void quote_in(const struct article *a, const struct fact *f,
                     struct quote *q)
{
    size_t at = f->offset, end = f->offset + f->length;

    if (f->offset < a->body_off || f->offset > a->len ||
        f->length > a->len - f->offset || !f->text ||
        strlen(f->text) != f->length ||
        memcmp(a->text + f->offset, f->text, f->length) != 0)
        return;  /* the file changed since the facts were taken */
    size_t s = sentence_start(a->text, a->body_off, at);
    size_t t = sentence_end(a->text, a->len, end);
    bool cut_s = cap_before(a->text, &s, at);
    bool cut_t = cap_after(a->text, end, &t);

    q->before = repaired(a->text + s, at - s, cut_s, false);
    q->after = repaired(a->text + end, t - end, false, cut_t);
    long column;

    article_line_col(a, at, &q->line, &column);
}

/* Only a regular file is read again: standard input ("-") is gone and a
 * FIFO would wait for a writer. */
static struct article *reload(const char *path)
{
    struct stat st;
    struct err e = ERR_INIT;

    if (!path || !*path || strcmp(path, "-") == 0 || stat(path, &st) < 0 ||
        !S_ISREG(st.st_mode))
        return NULL;
    return article_load(path, &e);
}

static const char *source_of(const struct fact *f)
{
    return f->source ? f->source : "";
}

static int by_source(const void *pa, const void *pb)
{
    const struct fact *const *a = pa, *const *b = pb;
    int c = strcmp(source_of(*a), source_of(*b));

    uintptr_t x = (uintptr_t)*a, y = (uintptr_t)*b;

    return c ? c : (x > y) - (x < y);
}

/* The quotes of a result's facts, found by the fact's address. */
struct quotes {
    const struct fact **f;   /* sorted by source, then address */
    struct quote *q;         /* q[i] is that of f[i] */
    size_t n;
};

/* Read each source once and take the quotes of its facts. */
static void quotes_load(struct quotes *qs, const struct cmp_result *r)
{
    size_t n = 0;

    for (size_t i = 0; i < r->ngroups; i++)
        n += r->groups[i].nfacts;
    qs->f = xreallocarray(NULL, n + 1, sizeof(*qs->f));
    qs->q = xcalloc(n + 1, sizeof(*qs->q));
    qs->n = 0;
    for (size_t i = 0; i < r->ngroups; i++)
        for (size_t j = 0; j < r->groups[i].nfacts; j++)
            qs->f[qs->n++] = r->groups[i].facts[j];
    qsort(qs->f, qs->n, sizeof(*qs->f), by_source);
    for (size_t i = 0, j; i < qs->n; i = j) {
        const char *src = source_of(qs->f[i]);
        struct article *a = reload(src);

        for (j = i; j < qs->n && strcmp(source_of(qs->f[j]), src) == 0; j++)
            if (a)
                quote_in(a, qs->f[j], &qs->q[j]);
        article_free(a);
    }
}

static const struct quote *quote_of(const struct quotes *qs,
                                    const struct fact *f)
{
    const struct fact **p = bsearch(&f, qs->f, qs->n, sizeof(*qs->f),
                                    by_source);

    return p ? &qs->q[p - qs->f] : NULL;
}

static void quotes_release(struct quotes *qs)
{
    for (size_t i = 0; i < qs->n; i++) {
        free(qs->q[i].before);
        free(qs->q[i].after);
    }
    free(qs->q);
    free(qs->f);
}

/* ---- links from the page to the articles ---- */

static size_t components(char *path, char **v, size_t max)
{
    size_t n = 0;

    for (char *s = strtok(path, "/"); s && n < max; s = strtok(NULL, "/"))
        v[n++] = s;
    return n;
}

/* The relative way from the directory of the page at path to the
 * working directory, where the facts' relative sources start: "../"
 * for reports/seeds.html; "" for standard output or when unknown. */
static char *page_to_cwd(const char *path)
{
    struct buf b = BUF_INIT;
    char *dir = xstrdup(path), *slash = strrchr(dir, '/');
    char *real = NULL, *cwd = getcwd(NULL, 0);
    char *pv[256], *cv[256];

    buf_puts(&b, "");
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    if (strcmp(path, "-") != 0 && cwd &&
        (real = realpath(slash ? dir : ".", NULL))) {
        size_t np = components(real, pv, 256);
        size_t nc = components(cwd, cv, 256), k = 0;

        while (k < np && k < nc && strcmp(pv[k], cv[k]) == 0)
            k++;
        for (size_t i = k; i < np; i++)
            buf_puts(&b, "../");
        for (size_t i = k; i < nc; i++)
            buf_printf(&b, "%s/", cv[i]);
    }
    free(real);
    free(cwd);
    free(dir);
    return buf_detach(&b, NULL);
}

/* The link to a source, relative ones from the page's directory: its
 * bytes percent-encoded but for unreserved characters and '/', so no
 * scheme (javascript:) can start it. */
static void source_href(struct buf *b, const char *prefix, const char *src)
{
    buf_truncate(b, 0);
    while (src[0] == '.' && src[1] == '/')
        src += 2;
    if (src[0] != '/')
        buf_puts(b, prefix);
    for (const unsigned char *p = (const unsigned char *)src; *p; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
            buf_putc(b, (char)*p);
        else
            buf_printf(b, "%%%02X", *p);
}

/* ---- the tree ---- */

struct page {
    htmlDocPtr doc;
    const struct cmp_result *r;
    struct quotes quotes;
    char *prefix;            /* page_to_cwd */
    struct buf tmp;
};

static void *oom(void)
{
    fputs("crosscheck: out of memory\n", stderr);
    exit(2);
}

/* A new element under parent, with a class when cls is not NULL. */
static xmlNodePtr el(xmlNodePtr parent, const char *name, const char *cls)
{
    xmlNodePtr n = xmlNewChild(parent, NULL, BAD_CAST name, NULL);

    if (!n)
        return oom();
    if (cls && !xmlNewProp(n, BAD_CAST "class", BAD_CAST cls))
        return oom();
    return n;
}

/* value is ours or repaired already; the serializer escapes it. */
static void attr(xmlNodePtr n, const char *name, const char *value)
{
    if (!xmlNewProp(n, BAD_CAST name, BAD_CAST value))
        oom();
}

/* Add len bytes of s as text: repaired, then escaped by the
 * serializer, never parsed. */
static void text_n(struct page *p, xmlNodePtr n, const char *s, size_t len)
{
    buf_truncate(&p->tmp, 0);
    utf8_repair(&p->tmp, s ? s : "", s ? len : 0);
    buf_append(&p->tmp, "", 0);
    xmlNodeAddContentLen(n, BAD_CAST p->tmp.data, (int)p->tmp.len);
}

static void text(struct page *p, xmlNodePtr n, const char *s)
{
    text_n(p, n, s, s ? strlen(s) : 0);
}

static void textf(struct page *p, xmlNodePtr n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void textf(struct page *p, xmlNodePtr n, const char *fmt, ...)
{
    struct buf b = BUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    text_n(p, n, b.data, b.len);
    buf_release(&b);
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* ---- the picture: one row per fact, its bounds as a bar ---- */

#define SVG_W 640.0
#define LABEL_X 168.0        /* labels end here */
#define AXIS_X0 184.0        /* the axis runs from here */
#define AXIS_X1 612.0        /* to here; arrows reach SVG_W - 8 */
#define ROW_H 22.0
#define TOP 10.0

struct row {
    const struct fact *f;
    struct cmp_bounds b;
    double key;              /* what rows are ordered by */
    size_t i;                /* the fact's place in its group */
};

static double key_of(const struct fact *f, const struct cmp_bounds *b)
{
    if (f->has_value && isfinite(f->value))
        return f->value;
    if (isfinite(b->lo) && isfinite(b->hi))
        return (b->lo + b->hi) / 2;
    return isfinite(b->lo) ? b->lo : isfinite(b->hi) ? b->hi : 0;
}

static int by_key(const void *pa, const void *pb)
{
    const struct row *a = pa, *b = pb;

    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

struct axis {
    double lo, hi;           /* the data's finite extremes */
    double from, to;         /* the axis, padded */
};

static void widen(struct axis *x, double v)
{
    if (!isfinite(v))
        return;
    x->lo = fmin(x->lo, v);
    x->hi = fmax(x->hi, v);
}

static struct axis axis_of(const struct row *rows, size_t n)
{
    struct axis x = { INFINITY, -INFINITY, 0, 1 };
    bool open = false;

    for (size_t i = 0; i < n; i++) {
        widen(&x, rows[i].b.lo);
        widen(&x, rows[i].b.hi);
        if (rows[i].f->has_value)
            widen(&x, rows[i].f->value);
        open |= !isfinite(rows[i].b.lo) || !isfinite(rows[i].b.hi);
    }
    if (x.lo > x.hi)
        x.lo = x.hi = 0;
    double pad = (x.hi - x.lo) * (open ? 0.15 : 0.06);
    if (pad == 0)
        pad = x.lo != 0 ? fabs(x.lo) * 0.05 : 1;
    x.from = x.lo - pad;
    x.to = x.hi + pad;
    return x;
}

static double at_x(const struct axis *x, double v)
{
    double t = (v - x->from) / (x->to - x->from);

    if (!isfinite(t))        /* NaN, or an axis beyond doubles */
        t = 0.5;
    return AXIS_X0 + fmin(fmax(t, 0), 1) * (AXIS_X1 - AXIS_X0);
}

static void num(xmlNodePtr n, const char *name, double v)
{
    char s[32];

    snprintf(s, sizeof(s), "%.1f", v);
    attr(n, name, s);
}

static const char *const colors[] = {
    [VERDICT_AGREE] = "#2e7d32",
    [VERDICT_COMPATIBLE] = "#c98f00",
    [VERDICT_CONFLICT] = "#c62828",
};

/* An open end: an arrow from the axis' end outwards. */
static void put_arrow(xmlNodePtr g, double y, bool right, const char *color)
{
    double x = right ? AXIS_X1 : AXIS_X0, tip = right ? x + 10 : x - 10;
    char pts[128];
    xmlNodePtr a = el(g, "polygon", "open");

    snprintf(pts, sizeof(pts), "%.1f,%.1f %.1f,%.1f %.1f,%.1f", x, y - 5,
             tip, y, x, y + 5);
    attr(a, "points", pts);
    attr(a, "fill", color);
}

/* At most 24 characters of the outlet's name. */
static void put_label(struct page *p, xmlNodePtr t, const char *name)
{
    size_t n = 0, chars = 0;

    name = name ? name : "";
    while (name[n] && chars < 24)
        chars += ((unsigned char)name[++n] & 0xc0) != 0x80;
    text_n(p, t, name, n);
    if (name[n])
        text(p, t, "\xe2\x80\xa6");
}

static void put_row(struct page *p, xmlNodePtr svg, const struct row *w,
                    double y, const struct axis *x, const char *color)
{
    xmlNodePtr g = el(svg, "g", "row"), t;
    double lo = isfinite(w->b.lo) ? at_x(x, w->b.lo) : AXIS_X0;
    double hi = isfinite(w->b.hi) ? at_x(x, w->b.hi) : AXIS_X1;
    char key[32];

    report_format_number(w->key, key);
    attr(g, "data-value", key);
    t = el(g, "text", "label");
    num(t, "x", LABEL_X);
    num(t, "y", y + 4);
    attr(t, "text-anchor", "end");
    put_label(p, t, w->f->outlet);
    t = el(g, "rect", "bar");
    num(t, "x", lo);
    num(t, "y", y - 4);
    num(t, "width", fmax(hi - lo, 2));
    num(t, "height", 8);
    attr(t, "rx", "3");
    attr(t, "fill", color);
    attr(t, "fill-opacity", "0.3");
    attr(t, "stroke", color);
    if (!isfinite(w->b.lo))
        put_arrow(g, y, false, color);
    if (!isfinite(w->b.hi))
        put_arrow(g, y, true, color);
    if (w->f->has_value && isfinite(w->f->value)) {
        t = el(g, "circle", "value");
        num(t, "cx", at_x(x, w->f->value));
        num(t, "cy", y);
        attr(t, "r", "4.5");
        attr(t, "fill", color);
        attr(t, "stroke", "#fff");
    }
}

/* A tick and its value under the axis. */
static void put_tick(xmlNodePtr svg, double v, double y,
                     const struct axis *x)
{
    char s[32];
    xmlNodePtr t = el(svg, "line", NULL);

    num(t, "x1", at_x(x, v));
    num(t, "x2", at_x(x, v));
    num(t, "y1", y - 3);
    num(t, "y2", y + 3);
    attr(t, "stroke", "#888");
    t = el(svg, "text", "tick");
    num(t, "x", at_x(x, v));
    num(t, "y", y + 15);
    attr(t, "text-anchor", "middle");
    report_format_number(v, s);
    xmlNodeAddContent(t, BAD_CAST s);
}

static void put_picture(struct page *p, xmlNodePtr parent,
                        const struct group *g, const struct row *rows,
                        size_t n)
{
    struct axis x = axis_of(rows, n);
    double axis_y = TOP + (double)n * ROW_H;
    const char *color = colors[g->verdict];
    char box[64];
    xmlNodePtr svg = el(parent, "svg", NULL), t;

    snprintf(box, sizeof(box), "0 0 %.0f %.0f", SVG_W, axis_y + 24);
    attr(svg, "xmlns", "http://www.w3.org/2000/svg");
    attr(svg, "viewBox", box);
    snprintf(box, sizeof(box), "%.0f", SVG_W);
    attr(svg, "width", box);
    snprintf(box, sizeof(box), "%.0f", axis_y + 24);
    attr(svg, "height", box);
    attr(svg, "role", "img");
    attr(svg, "font-family", "sans-serif");
    attr(svg, "font-size", "12");
    t = el(svg, "title", NULL);
    text(p, t, "each source's value (dot) and what its wording allows"
               " (bar); bars that do not meet conflict");
    for (size_t i = 0; i < n; i++)
        put_row(p, svg, &rows[i], TOP + ROW_H / 2 + (double)i * ROW_H,
                &x, color);
    t = el(svg, "line", "axis");
    num(t, "x1", AXIS_X0);
    num(t, "x2", AXIS_X1);
    num(t, "y1", axis_y);
    num(t, "y2", axis_y);
    attr(t, "stroke", "#888");
    put_tick(svg, x.lo, axis_y, &x);
    if (x.hi != x.lo)
        put_tick(svg, x.hi, axis_y, &x);
    t = el(svg, "text", "unit");
    num(t, "x", LABEL_X);
    num(t, "y", axis_y + 15);
    attr(t, "text-anchor", "end");
    text(p, t, g->unit);
}

/* ---- a group ---- */

static void put_fact(struct page *p, xmlNodePtr list, const struct fact *f)
{
    const struct quote *q = quote_of(&p->quotes, f);
    xmlNodePtr li = el(list, "li", "fact"), who = el(li, "p", "who"), n;
    struct buf b = BUF_INIT;

    text(p, el(who, "strong", "outlet"), f->outlet);
    text(p, who, " ");
    report_amount(&b, f);
    if (f->unit && strcmp(f->unit, "count") != 0)
        buf_printf(&b, " %s", f->unit);
    text(p, el(who, "span", "amount"), b.data);
    text(p, who, " ");
    buf_truncate(&b, 0);
    buf_puts(&b, fact_qualifier_name(f->qual));
    for (char *u = strchr(b.data, '_'); u; u = strchr(u, '_'))
        *u = ' ';            /* "more_than" reads "more than" */
    text(p, el(who, "span", "qualifier"), b.data);
    n = el(li, "blockquote", NULL);
    if (q && q->before)
        text(p, n, q->before);
    text(p, el(n, "mark", NULL), f->text);
    if (q && q->after)
        text(p, n, q->after);
    n = el(li, "p", "where");
    xmlNodePtr a = el(n, "a", NULL);
    source_href(&b, p->prefix, f->source ? f->source : "");
    attr(a, "href", b.data);
    text(p, a, f->source);
    if (q && q->line)
        textf(p, n, ", line %ld, byte %zu", q->line, f->offset);
    else
        textf(p, n, ", byte %zu (not read again: the quote alone)",
              f->offset);
    buf_release(&b);
}

static void put_heading(struct page *p, xmlNodePtr sec,
                        const struct group *g)
{
    const char *state = cmp_baseline_name(g->baseline);
    bool baseline = p->r->has_baseline;
    xmlNodePtr h = el(sec, "h2", NULL);

    text(p, el(h, "span", "verdict"), cmp_verdict_name(g->verdict));
    text(p, h, " ");
    if (g->verdict == VERDICT_CONFLICT && (baseline ? state != NULL
                                                    : g->is_new)) {
        text(p, el(h, "span", "state"), baseline ? state : "new");
        text(p, h, " ");
    }
    text(p, h, g->topic);
    textf(p, h, " (%s)", g->unit ? g->unit : "");
}

static void put_meta(struct page *p, xmlNodePtr sec, const struct group *g)
{
    xmlNodePtr m = el(sec, "p", "meta");
    char from[11], to[11];

    date_format(g->date_from, from);
    date_format(g->date_to, to);
    if (g->date_from == g->date_to)
        textf(p, m, "%s", from);
    else
        textf(p, m, "%s to %s", from, to);
    text(p, m, " \xc2\xb7 place: ");
    text(p, m, g->scope && g->scope[0] ? g->scope : "none stated");
    textf(p, m, " \xc2\xb7 %zu %s \xc2\xb7 id %s", g->noutlets,
          plural(g->noutlets, "outlet", "outlets"), g->id);
}

static void put_group(struct page *p, xmlNodePtr parent,
                      const struct group *g)
{
    const char *v = cmp_verdict_name(g->verdict);
    struct row *rows = xreallocarray(NULL, g->nfacts + 1, sizeof(*rows));
    struct buf b = BUF_INIT;
    xmlNodePtr sec = el(parent, "section", NULL), list;

    buf_printf(&b, "group %s", v);
    attr(sec, "class", b.data);
    buf_truncate(&b, 0);
    buf_printf(&b, "g-%s", g->id);
    attr(sec, "id", b.data);
    attr(sec, "data-verdict", v);
    put_heading(p, sec, g);
    put_meta(p, sec, g);
    for (size_t i = 0; i < g->nfacts; i++) {
        rows[i].f = g->facts[i];
        rows[i].b = cmp_fact_bounds(g->facts[i], &p->r->options);
        rows[i].key = key_of(g->facts[i], &rows[i].b);
        rows[i].i = i;
    }
    qsort(rows, g->nfacts, sizeof(*rows), by_key);
    put_picture(p, el(sec, "figure", "chart"), g, rows, g->nfacts);
    list = el(sec, "ol", "facts");
    for (size_t i = 0; i < g->nfacts; i++)
        put_fact(p, list, rows[i].f);
    free(rows);
    buf_release(&b);
}

static void put_groups(struct page *p, xmlNodePtr parent, enum verdict v)
{
    for (size_t i = 0; i < p->r->ngroups; i++)
        if (p->r->groups[i].verdict == v)
            put_group(p, parent, &p->r->groups[i]);
}

/* ---- the page ---- */

static void put_head(struct page *p, xmlNodePtr html)
{
    xmlNodePtr head = el(html, "head", NULL), n;
    char script_hash[45], style_hash[45];
    struct buf b = BUF_INIT;

    n = el(head, "meta", NULL);
    attr(n, "http-equiv", "Content-Type");   /* libxml2 writes UTF-8 */
    attr(n, "content", "text/html; charset=utf-8");
    sha256_base64(script, strlen(script), script_hash);
    sha256_base64(style, strlen(style), style_hash);
    buf_printf(&b, "default-src 'none'; script-src 'sha256-%s'; "
               "style-src 'sha256-%s'; img-src data:; base-uri 'none'; "
               "form-action 'none'", script_hash, style_hash);
    n = el(head, "meta", NULL);
    attr(n, "http-equiv", "Content-Security-Policy");
    attr(n, "content", b.data);
    n = el(head, "meta", NULL);
    attr(n, "name", "viewport");
    attr(n, "content", "width=device-width, initial-scale=1");
    textf(p, el(head, "title", NULL),
          "crosscheck: %zu %s, %zu compatible, %zu agree", p->r->conflict,
          plural(p->r->conflict, "conflict", "conflicts"),
          p->r->compatible, p->r->agree);
    xmlNodeAddContent(el(head, "style", NULL), BAD_CAST style);
    buf_release(&b);
}

static void put_filter(struct page *p, xmlNodePtr parent,
                       const char *verdict, const char *label, size_t n)
{
    xmlNodePtr l = el(parent, "label", NULL), box = el(l, "input", NULL);
    struct buf id = BUF_INIT;

    buf_printf(&id, "show-%s", verdict);
    attr(box, "type", "checkbox");
    attr(box, "id", id.data);
    attr(box, "checked", "checked");
    textf(p, l, " %s (%zu)", label, n);
    buf_release(&id);
}

static void put_header(struct page *p, xmlNodePtr body)
{
    const struct cmp_result *r = p->r;
    xmlNodePtr h = el(body, "header", NULL), n;

    text(p, el(h, "h1", NULL), "crosscheck: where the outlets agree and"
                               " where they conflict");
    n = el(h, "p", "counts");
    textf(p, n, "%zu %s, %zu %s, %zu %s: %zu %s (%zu new), "
          "%zu compatible, %zu agree", r->nsources,
          plural(r->nsources, "source", "sources"), r->nfacts,
          plural(r->nfacts, "fact", "facts"), r->ngroups,
          plural(r->ngroups, "group", "groups"), r->conflict,
          plural(r->conflict, "conflict", "conflicts"), r->nnew,
          r->compatible, r->agree);
    if (r->nerrors)
        textf(p, n, ", %zu input %s", r->nerrors,
              plural(r->nerrors, "error", "errors"));
    n = el(h, "div", "filters");
    attr(n, "role", "search");
    put_filter(p, n, "conflict", "conflicts", r->conflict);
    put_filter(p, n, "compatible", "compatible", r->compatible);
    put_filter(p, n, "agree", "agreements", r->agree);
    xmlNodePtr q = el(n, "input", NULL);
    attr(q, "type", "search");
    attr(q, "id", "search");
    attr(q, "placeholder", "search topics, outlets, quotes");
    attr(q, "aria-label", "search");
    attr(q, "hidden", "hidden");   /* the script shows it */
}

static void put_absent(struct page *p, xmlNodePtr parent)
{
    const struct cmp_result *r = p->r;
    xmlNodePtr d = el(parent, "details", "absent"), list;

    textf(p, el(d, "summary", NULL), "%zu known %s no longer reported",
          r->nabsent, plural(r->nabsent, "conflict", "conflicts"));
    list = el(d, "ul", NULL);
    for (size_t i = 0; i < r->nabsent; i++) {
        const struct group *g = &r->absent[i];
        xmlNodePtr li = el(list, "li", NULL);

        text(p, li, g->topic);
        textf(p, li, " (%s)", g->unit ? g->unit : "");
        if (g->scope && g->scope[0]) {
            text(p, li, " in ");
            text(p, li, g->scope);
        }
        textf(p, li, " \xc2\xb7 id %s", g->id);
    }
}

static void put_errors(struct page *p, xmlNodePtr parent)
{
    xmlNodePtr sec = el(parent, "section", "errors"), list;
    char msg[600];

    textf(p, el(sec, "h2", NULL), "%zu input %s", p->r->nerrors,
          plural(p->r->nerrors, "error", "errors"));
    list = el(sec, "ul", NULL);
    for (size_t i = 0; i < p->r->nerrors; i++) {
        err_format(&p->r->errors[i], msg, sizeof(msg));
        text(p, el(list, "li", NULL), msg);
    }
}

static void put_body(struct page *p, xmlNodePtr html)
{
    const struct cmp_result *r = p->r;
    xmlNodePtr body = el(html, "body", NULL), main, d;

    put_header(p, body);
    main = el(body, "main", NULL);
    if (r->nerrors)
        put_errors(p, main);
    if (r->ngroups == 0)
        text(p, el(main, "p", NULL), "No group: no two outlets state a"
                                     " number about the same thing.");
    put_groups(p, main, VERDICT_CONFLICT);
    put_groups(p, main, VERDICT_COMPATIBLE);
    if (r->agree) {
        d = el(main, "details", "agreements");
        textf(p, el(d, "summary", NULL), "%zu %s agree", r->agree,
              plural(r->agree, "group", "groups"));
        put_groups(p, d, VERDICT_AGREE);
    }
    if (r->has_baseline && r->nabsent)
        put_absent(p, main);
    xmlNodeAddContent(el(body, "script", NULL), BAD_CAST script);
}

int report_write_html(const struct cmp_result *r, const char *path,
                      struct err *e)
{
    struct page p = { NULL, r, { NULL, NULL, 0 }, NULL, BUF_INIT };
    xmlChar *out = NULL;
    int size = 0, rc = -1;

    if (!(p.doc = htmlNewDocNoDtD(NULL, NULL)) ||
        !xmlCreateIntSubset(p.doc, BAD_CAST "html", NULL, NULL))
        oom();
    xmlNodePtr html = xmlNewDocNode(p.doc, NULL, BAD_CAST "html", NULL);
    if (!html)
        oom();
    xmlDocSetRootElement(p.doc, html);
    attr(html, "lang", "en");
    quotes_load(&p.quotes, r);
    p.prefix = page_to_cwd(path);
    put_head(&p, html);
    put_body(&p, html);
    htmlDocDumpMemoryFormat(p.doc, &out, &size, 1);
    if (!out || size < 0)
        err_at(e, path, 0, 0, "cannot build the HTML report");
    else
        rc = report_write_file(path, (const char *)out, (size_t)size, e);
    xmlFree(out);
    xmlFreeDoc(p.doc);
    quotes_release(&p.quotes);
    free(p.prefix);
    buf_release(&p.tmp);
    return rc;
}
