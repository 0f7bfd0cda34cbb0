#ifndef CROSSCHECK_BUF_H
#define CROSSCHECK_BUF_H
/* A growable byte string, always NUL-terminated (data is never NULL
 * after the first append; BUF_INIT has data == NULL and len == 0). */

#include <stdarg.h>
#include <stddef.h>

struct err;

struct buf {
    char *data;
    size_t len;
    size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_init(struct buf *b);
/* Free the bytes; b is empty and reusable afterwards. */
void buf_release(struct buf *b);
/* Make room for n more bytes (plus the NUL). */
void buf_grow(struct buf *b, size_t n);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void buf_truncate(struct buf *b, size_t len);
/* Hand the bytes to the caller (never NULL); *len gets the length if
 * len is not NULL.  b is empty afterwards. */
char *buf_detach(struct buf *b, size_t *len);
/* Append the whole file at path ("-" is standard input).  On failure
 * fills e with the path and the reason and returns -1. */
int buf_read_file(struct buf *b, const char *path, struct err *e);
/* The same of a path the caller knows to be a regular file (not "-"):
 * fewer system calls. */
int buf_read_regular(struct buf *b, const char *path, struct err *e);

#endif
