#ifndef CROSSCHECK_REPORT_PRIVATE_H
#define CROSSCHECK_REPORT_PRIVATE_H
/* What the report writers share: atomic files, numbers, clean text. */

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>
#include <libxml/xmlwriter.h>

#include "util/buf.h"

struct buf;
struct cmp_result;
struct err;
struct fact;
struct group;

/* Write len bytes of data to path whole or not at all: a temporary file
 * "PATH.tmpXXXXXX" beside it (beside the target of a symlink), synced,
 * then renamed; "-" is standard output, and devices and FIFOs
 * (/dev/null) are written in place.  Returns -1 and fills e with the path
 * and the reason, leaving no temporary file behind. */
int report_write_file(const char *path, const char *data, size_t len,
                      struct err *e);

/* An xmlTextWriter and a scratch buffer; bad is set by the first failed
 * call (only exhaustion fails), checked once at the end.  The calls
 * repair text (report_clean) before it reaches libxml2. */
struct report_xw {
    xmlTextWriterPtr w;
    struct buf tmp;
    bool bad;
};

void report_xw_start(struct report_xw *x, const char *name);
void report_xw_end(struct report_xw *x);
void report_xw_attr(struct report_xw *x, const char *name, const char *value);
void report_xw_attr_size(struct report_xw *x, const char *name, size_t n);
void report_xw_text(struct report_xw *x, const char *s);

/* Builds a document with write in memory, then writes it to path as
 * report_write_file does; "what" names it in the error ("XML report"). */
int report_xw_write_file(const struct cmp_result *r, const char *path,
                         const char *what,
                         void (*write)(struct report_xw *,
                                       const struct cmp_result *),
                         struct err *e);

/* The same as a stream, for reports too large to hold: open, write as
 * the text is made, then close, keeping the file (keep) or removing the
 * temporary one.  A write error is reported by close. */
struct report_out {
    const char *path;        /* as the user gave it */
    char *target, *tmp;      /* the file replaced and its new copy */
    int fd;
    bool to_stdout;
    int errnum;              /* first failure */
    long long written;       /* bytes written to a new file */
    long long flushed;       /* of them, handed to the disk already */
};

int report_out_open(struct report_out *o, const char *path, struct err *e);
void report_out_write(struct report_out *o, const char *data, size_t len);
int report_out_close(struct report_out *o, bool keep, struct err *e);

/* Before building a jansson tree for a report: every allocation dies
 * on exhaustion, so a missing field never means a short report. */
void report_json_begin(void);

/* Write the tree root (taken: freed here) as indented JSON with a final
 * newline, keys in insertion order, through report_write_file. */
int report_json_write(json_t *root, const char *path, struct err *e);

/* The JSON report as one jansson tree (each call sets jansson's
 * allocator, as report_json_begin).  report_json_write of it gives the
 * bytes report_write_json writes without building it; the tests compare
 * the two. */
json_t *report_json_tree(const struct cmp_result *r);

/* v and x as jansson 2.14 prints json_integer(v) and json_real(x) with
 * JSON_REAL_PRECISION(15), NUL-terminated in out; x is finite.  Return
 * the length. */
size_t report_json_integer(json_int_t v, char out[32]);
size_t report_json_real(double x, char out[32]);

/* x as report text: whole numbers (below 2^53) as integers, others
 * with 15 significant digits ("0.1", "1207.008"); out holds 32 bytes. */
void report_format_number(double x, char out[32]);

/* Whether report_format_number writes x as an integer. */
int report_number_is_whole(double x);

/* Replace b's contents with s repaired (util/utf8.h): valid UTF-8, no
 * control characters but tab, LF and CR.  NULL is "".  Returns b->data,
 * never NULL. */
const char *report_clean(struct buf *b, const char *s);

/* Append to b what f states, in the summary's words: "about 420",
 * "at least 6", "24 to 199". */
void report_amount(struct buf *b, const struct fact *f);

/* Append to b the title of g, on one line: "drones launched (count) in
 * Kharkiv, 2026-02-25..2026-02-26" (no scope, one day: "..., DAY"). */
void report_group_title(struct buf *b, const struct group *g);

/* Where a fact's text stands in its source file: 1-based line and
 * column (counted in Unicode code points) of its first character and of
 * the character after it; all 0 when unknown. */
struct report_spot {
    long line, column;
    long end_line, end_column;
};

/* Fill spots[i] for f[i], reading each source file once.  A fact is
 * found only where its file still holds its text at its offset: a file
 * that is gone, changed, unreadable or standard input leaves zeros.
 * Never fails. */
void report_locate(const struct fact *const *f, size_t n,
                   struct report_spot *spots);

/* report_locate for every fact of r's conflicts, group after group in
 * report order.  The caller frees the array. */
struct report_spot *report_locate_conflicts(const struct cmp_result *r);

#endif
