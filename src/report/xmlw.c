/* What the XML and JUnit writers share: libxml2's xmlTextWriter calls
 * with their failures gathered, and text repaired before it is written. */
#include "report/report_private.h"

#include <stdio.h>

#include "util/buf.h"
#include "util/err.h"

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

int report_xw_write_file(const struct cmp_result *r, const char *path,
                         const char *what,
                         void (*write)(struct report_xw *,
                                       const struct cmp_result *),
                         struct err *e)
{
    xmlBufferPtr out = xmlBufferCreate();
    struct report_xw x = { NULL, BUF_INIT, false };
    int rc = -1;

    if (!out || !(x.w = xmlNewTextWriterMemory(out, 0))) {
        err_at(e, path, 0, 0, "cannot build the %s", what);
        goto fail;
    }
    write(&x, r);
    xmlFreeTextWriter(x.w);  /* flushes into out */
    if (x.bad)
        err_at(e, path, 0, 0, "cannot build the %s", what);
    else
        rc = report_write_file(path, (const char *)xmlBufferContent(out),
                               (size_t)xmlBufferLength(out), e);
fail:
    buf_release(&x.tmp);
    xmlBufferFree(out);
    return rc;
}
