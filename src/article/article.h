#ifndef CROSSCHECK_ARTICLE_H
#define CROSSCHECK_ARTICLE_H
/* Articles: one news story read from a UTF-8 text file.
 *
 * A file begins with " date YYYY-MM-DD" (the leading space optional), the
 * day it was published.  The body follows on the same line after a space,
 * or on the next line; when the date stands alone on its line, optional
 * header lines "source: ...", "url: ..." and "title: ..." may follow
 * before the body.  A leading UTF-8 BOM and CRLF line ends are accepted.
 *
 * The article owns the file's bytes unchanged, so that byte offsets into
 * text are offsets into the file as it is on disk: a reviewer can jump to
 * them.  The body is text[body_off .. len).  text is NUL-terminated. */

#include <stdbool.h>
#include <stddef.h>

struct err;

struct article {
    char *path;        /* as given on the command line or found in a walk */
    char *source;      /* "source:" header, else the file name without
                        * directory and extension */
    char *url;         /* "url:" header or NULL */
    char *title;       /* "title:" header or NULL */
    int date;          /* publication day, see util/date.h */
    char *text;        /* every byte of the file, NUL-terminated */
    size_t len;        /* bytes in text, without the NUL */
    size_t body_off;   /* where the body starts */
    size_t *lines;     /* byte offset of the start of each line */
    size_t nlines;
};

/* Read and check the article at path ("-": standard input).  Returns
 * NULL and fills e (file, line, column where they apply, reason) when it
 * cannot be read, is empty, has no or an impossible date, is not UTF-8
 * or holds a NUL byte; for bad bytes the line and column are those of
 * the first one. */
struct article *article_load(const char *path, struct err *e);

/* The same from bytes in memory (copied); name plays the part of the
 * path in messages and as the source. */
struct article *article_from_memory(const char *name, const char *bytes,
                                    size_t len, struct err *e);

/* article_free(NULL) does nothing. */
void article_free(struct article *a);

/* 1-based line and byte column of byte offset off. */
void article_line_col(const struct article *a, size_t off, long *line,
                      long *col);

/* Called for each article path found by article_walk. */
typedef void article_visit_fn(const char *path, void *ctx);

/* Visit path: a file is visited whatever its name; a directory is walked
 * recursively, visiting files whose names end in ".txt" in byte-wise
 * (strcmp) order of their whole paths, and skipping hidden files and
 * folders, symlink loops (a directory already on the path from path to
 * it) and everything else.  Returns -1 and fills e when path does not exist or a
 * directory cannot be read (the walk goes on past unreadable
 * subdirectories, recording the first failure). */
int article_walk(const char *path, article_visit_fn *visit, void *ctx,
                 struct err *e);

#endif
