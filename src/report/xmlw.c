/* What the XML and JUnit writers share: libxml2's xmlTextWriter calls
 * with their failures gathered, and text repaired before it is written. */
#include "report/report_private.h"

#include <stdio.h>

void report_xw_start(struct report_xw *x, const char *name)
{
    x->bad |= xmlTextWriterStartElement(x->w, BAD_CAST name) < 0;
}

void report_xw_end(struct report_xw *x)
{
    x->bad |= xmlTextWriterEndElement(x->w) < 0;
}

void report_xw_attr(struct report_xw *x, const char *name, const char *value)
{
    report_clean(&x->tmp, value);
    x->bad |= xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
                                          BAD_CAST x->tmp.data) < 0;
}

void report_xw_attr_size(struct report_xw *x, const char *name, size_t n)
{
    char s[32];

    snprintf(s, sizeof(s), "%zu", n);
    report_xw_attr(x, name, s);
}

void report_xw_text(struct report_xw *x, const char *s)
{
    report_clean(&x->tmp, s);
    x->bad |= xmlTextWriterWriteString(x->w, BAD_CAST x->tmp.data) < 0;
}
