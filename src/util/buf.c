#include "util/buf.h"

#include <assert.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/xalloc.h"

void buf_init(struct buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void buf_release(struct buf *b)
{
    free(b->data);
    buf_init(b);
}

void buf_grow(struct buf *b, size_t n)
{
    if (n > SIZE_MAX - 1 - b->len) {
        fputs("crosscheck: out of memory\n", stderr);
        exit(2);
    }
    size_t need = b->len + n + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    b->data = xreallocarray(b->data, cap, 1);
    b->cap = cap;
    b->data[b->len] = '\0';
}

void buf_append(struct buf *b, const void *p, size_t n)
{
    buf_grow(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
    buf_append(b, &c, 1);
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
    va_list ap2;

    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    assert(n >= 0);
    buf_grow(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void buf_truncate(struct buf *b, size_t len)
{
    assert(len <= b->len);
    if (!b->data)
        return;
    b->len = len;
    b->data[len] = '\0';
}

char *buf_detach(struct buf *b, size_t *len)
{
    char *p = b->data ? b->data : xstrdup("");

    if (len)
        *len = b->len;
    buf_init(b);
    return p;
}

int buf_read_file(struct buf *b, const char *path, struct err *e)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    size_t start = b->len;

    if (!f)
        return err_sys(e, path, errno, "cannot read");
    for (;;) {
        buf_grow(b, 65536);
        size_t n = fread(b->data + b->len, 1, b->cap - b->len - 1, f);
        b->len += n;
        b->data[b->len] = '\0';
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        int saved = errno;
        if (!is_stdin)
            fclose(f);
        buf_truncate(b, start);
        return err_sys(e, is_stdin ? "<stdin>" : path, saved,
                       "cannot read");
    }
    if (!is_stdin)
        fclose(f);
    return 0;
}
