#ifndef CROSSCHECK_ARTICLE_H
#define CROSSCHECK_ARTICLE_H
/* Articles: one news story read from a UTF-8 text file, or from a line of
 * JSON Lines (see below).
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
/* The same of a path known to be a regular file (a walk says so). */
struct article *article_load_regular(const char *path, struct err *e);

/* The same from bytes in memory (copied); name plays the part of the
 * path in messages and as the source. */
struct article *article_from_memory(const char *name, const char *bytes,
                                    size_t len, struct err *e);

/* article_free(NULL) does nothing. */
void article_free(struct article *a);

/* 1-based line and byte column of byte offset off. */
void article_line_col(const struct article *a, size_t off, long *line,
                      long *col);

/* Called for each article path found by article_walk, with the file's
 * size in bytes as the walk found it: ARTICLE_REGULAR for a regular file
 * whose size the walk was not asked for, -1 when stat failed (the reader
 * says why) or the file is not a regular one (a FIFO, say). */
typedef void article_visit_fn(const char *path, long long size, void *ctx);

#define ARTICLE_REGULAR (-2LL)

/* Visit path: a file is visited whatever its name; a directory is walked
 * recursively, visiting files whose names end in ".txt" or ".jsonl"
 * (JSON Lines, below) in byte-wise
 * (strcmp) order of their whole paths, as it goes (a directory at a
 * time, not after the whole walk), and skipping hidden files and
 * folders, symlink loops (a directory already on the path from path to
 * it) and everything else.  Returns -1 and fills e when path does not exist or a
 * directory cannot be read (the walk goes on past unreadable
 * subdirectories, recording the first failure). */
int article_walk(const char *path, article_visit_fn *visit, void *ctx,
                 struct err *e);
/* Which articles a walk gives the size of: the others are visited with
 * -1, without a stat (the type the directory gives is enough), which is
 * a tenth of reading a tree of small files.  A JSON Lines file holds
 * many articles and may be large; a text file is one article. */
enum article_sizes {
    ARTICLE_SIZES_NONE,
    ARTICLE_SIZES_JSONL,       /* of JSON Lines files only */
    ARTICLE_SIZES_ALL,
};

/* article_walk, giving the sizes sizes says. */
int article_walk_sized(const char *path, enum article_sizes sizes,
                       article_visit_fn *visit, void *ctx, struct err *e);

/* ---- JSON Lines: one article a line ----
 *
 * The form scrapers emit and Hadoop splits by line.  Each line is a JSON
 * object: "date" ("YYYY-MM-DD") and "text" (the body, not empty) are
 * required; "source" (the outlet), "url" and "title" are optional
 * strings (null is absent); other keys are ignored.  Blank lines are
 * skipped, and a UTF-8 BOM before the first line.
 *
 * The article's text is the decoded "text" alone, with the body at 0, so
 * the offsets of its facts are byte offsets into that string.  Its path
 * (the source its facts name) is the url, else "FILE:LINE"; its source
 * (the outlet) is "source", else the url, else "FILE:LINE".  FILE:LINE
 * changes when the lines move, so give each line a url where the lines
 * are split or merged (Hadoop names no file: FILE is "<stdin>"). */

/* Make the article of one line, at line of file (len bytes, the line end
 * allowed).  Returns NULL and fills e (file, line, the byte column where
 * the JSON breaks, why) when the line is not such an object. */
struct article *article_from_json(const char *file, long line,
                                  const char *json, size_t len,
                                  struct err *e);

/* Called for each line that is not blank: with its article (freed after
 * the call) and NULL, or with NULL and why the line is not one. */
typedef void article_line_fn(const struct article *a, const struct err *bad,
                             void *ctx);

/* Read the JSON Lines file at path ("-": standard input, "<stdin>" in
 * messages) a line at a time, passing each to fn: a bad line does not
 * stop the reading.  Returns -1 and fills e when the file cannot be
 * read. */
int article_read_jsonl(const char *path, article_line_fn *fn, void *ctx,
                       struct err *e);

/* True when path is to be read as JSON Lines: its name ends in ".jsonl",
 * or it is "-" and standard input begins with '{' (peeked, not taken),
 * as no text article does, or is empty (no lines: no article). */
bool article_is_jsonl(const char *path);

#endif
