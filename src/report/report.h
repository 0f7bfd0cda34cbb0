#ifndef CROSSCHECK_REPORT_H
#define CROSSCHECK_REPORT_H
/* Reports: the comparator's result as JSON (jansson), XML (libxml2's
 * xmlTextWriter, valid against report.xsd beside this file) and a short
 * summary for people.
 *
 * Reports are deterministic: the same result gives the same bytes, with
 * no clock, whole numbers written as integers and other numbers with a
 * fixed precision.  Text from articles is repaired (utf8_repair) before it
 * reaches a writer.  A report file is written to a temporary name in the
 * same directory and renamed, so it is whole or absent; path "-" means
 * standard output, and a device or FIFO (/dev/null) is written in place. */

#include <stdio.h>

struct cmp_result;
struct err;

/* Returns -1 and fills e (the path and why) when it cannot be written. */
int report_write_json(const struct cmp_result *r, const char *path,
                      struct err *e);
int report_write_xml(const struct cmp_result *r, const char *path,
                     struct err *e);

/* A self-contained HTML page for reviewing r: counts, conflicts first,
 * then compatible groups, then the agreements folded away.  Each group
 * shows a picture of its facts' bounds and each fact's sentence, read
 * again from its source file (relative sources from the working
 * directory) when that still holds the fact's text.  The page's own
 * script and style are allowed by hash; article text is escaped. */
int report_write_html(const struct cmp_result *r, const char *path,
                      struct err *e);

/* Conflicts first, each with its values and outlets, then compatible
 * groups, then the count of agreements. */
void report_write_summary(const struct cmp_result *r, FILE *out);

#endif
