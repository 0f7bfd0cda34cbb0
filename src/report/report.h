#ifndef CROSSCHECK_REPORT_H
#define CROSSCHECK_REPORT_H
/* Reports: the comparator's result as JSON (jansson), XML (libxml2's
 * xmlTextWriter, valid against report.xsd beside this file), SARIF and
 * JUnit XML for CI and code-scanning views, and a short summary for
 * people.
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

/* SARIF 2.1.0 (jansson), for code-scanning views: one result per
 * conflict, a location per fact (line and column, in code points, where
 * the source file still holds the fact's text; its byte offset always),
 * the group id in partialFingerprints, baselineState after a baseline.
 * Known conflicts now absent are not results: scanning services close
 * what a run no longer reports. */
int report_write_sarif(const struct cmp_result *r, const char *path,
                       struct err *e);

/* JUnit XML (xmlTextWriter), for CI test views: a testcase per group,
 * named for its topic, unit, scope and id; a failure for each new or
 * updated conflict, skipped for a known one, an error per input error. */
int report_write_junit(const struct cmp_result *r, const char *path,
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
