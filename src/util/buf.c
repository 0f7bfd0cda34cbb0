#include "util/buf.h"

#include <assert.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Read path whole by its descriptor, not through stdio: the kernel's
 * work per call is most of reading a small file, and fopen and fread
 * added a stat and a read.  Of a regular file a read shorter than asked
 * ends it (POSIX: short only at the end of the file or on a signal, and
 * no signal handler is set), so that an article of a few kilobytes takes
 * an open, one read and a close: the caller says when path is one. */
static int read_fd(struct buf *b, const char *path, bool regular,
                   struct err *e)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    size_t start = b->len;

    if (fd < 0)
        return err_sys(e, path, errno, "cannot read");
    for (;;) {
        buf_grow(b, 65536);
        size_t want = b->cap - b->len - 1;
        ssize_t n = read(fd, b->data + b->len, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int saved = errno;
            close(fd);
            buf_truncate(b, start);
            return err_sys(e, path, saved, "cannot read");
        }
        if (n == 0)
            break;
        b->len += (size_t)n;
        if (regular && (size_t)n < want)
            break;
    }
    b->data[b->len] = '\0';
    close(fd);
    return 0;
}

int buf_read_file(struct buf *b, const char *path, struct err *e)
{
    size_t start = b->len;

    if (strcmp(path, "-") != 0)
        return read_fd(b, path, false, e);
    for (;;) {
        buf_grow(b, 65536);
        size_t n = fread(b->data + b->len, 1, b->cap - b->len - 1, stdin);
        b->len += n;
        b->data[b->len] = '\0';
        if (n == 0)
            break;
    }
    if (ferror(stdin)) {
        int saved = errno;
        buf_truncate(b, start);
        return err_sys(e, "<stdin>", saved, "cannot read");
    }
    return 0;
}

int buf_read_regular(struct buf *b, const char *path, struct err *e)
{
    return read_fd(b, path, true, e);
}
