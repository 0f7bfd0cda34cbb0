#ifndef CROSSCHECK_REPORT_PRIVATE_H
#define CROSSCHECK_REPORT_PRIVATE_H
/* What the report writers share: atomic files, numbers, clean text. */

#include <stddef.h>

struct buf;
struct err;

/* Write len bytes of data to path whole or not at all: a temporary file
 * "PATH.tmpXXXXXX" beside it (beside the target of a symlink), synced,
 * then renamed; "-" is standard output, and devices and FIFOs
 * (/dev/null) are written in place.  Returns -1 and fills e with the path
 * and the reason, leaving no temporary file behind. */
int report_write_file(const char *path, const char *data, size_t len,
                      struct err *e);

/* x as report text: whole numbers (below 2^53) as integers, others
 * with 15 significant digits ("0.1", "1207.008"); out holds 32 bytes. */
void report_format_number(double x, char out[32]);

/* Whether report_format_number writes x as an integer. */
int report_number_is_whole(double x);

/* Replace b's contents with s repaired (util/utf8.h): valid UTF-8, no
 * control characters but tab, LF and CR.  NULL is "".  Returns b->data,
 * never NULL. */
const char *report_clean(struct buf *b, const char *s);

#endif
