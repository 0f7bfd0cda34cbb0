#include "util/err.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void set_file(struct err *e, const char *file)
{
    snprintf(e->file, sizeof(e->file), "%s", file ? file : "");
}

int err_at(struct err *e, const char *file, long line, long column,
           const char *fmt, ...)
{
    va_list ap;

    if (err_is_set(e))
        return -1;
    set_file(e, file);
    e->line = line;
    e->column = column;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
    va_end(ap);
    if (!e->msg[0])
        snprintf(e->msg, sizeof(e->msg), "error");
    return -1;
}

int err_sys(struct err *e, const char *file, int errnum, const char *what)
{
    char reason[128];

    if (err_is_set(e))
        return -1;
    if (file && !*file)
        file = "''";   /* an empty operand, named as a shell would */
    snprintf(reason, sizeof(reason), "%s", strerror(errnum));
    /* strerror capitalizes; our messages are lowercase */
    if (isupper((unsigned char)reason[0]) &&
        !isupper((unsigned char)reason[1]))
        reason[0] = (char)tolower((unsigned char)reason[0]);
    if (what && *what)
        return err_at(e, file, 0, 0, "%s: %s", what, reason);
    return err_at(e, file, 0, 0, "%s", reason);
}

int err_is_set(const struct err *e)
{
    return e->msg[0] != '\0';
}

void err_clear(struct err *e)
{
    e->file[0] = '\0';
    e->line = 0;
    e->column = 0;
    e->msg[0] = '\0';
}

void err_format(const struct err *e, char *out, unsigned long size)
{
    char where[300] = "";
    size_t n = 0;

    if (e->file[0])
        n += snprintf(where, sizeof(where), "%s:", e->file);
    if (e->line > 0) {
        n += snprintf(where + n, sizeof(where) - n, "%ld:", e->line);
        if (e->column > 0)
            snprintf(where + n, sizeof(where) - n, "%ld:", e->column);
    }
    snprintf(out, size, "%s%s%s", where, where[0] ? " " : "", e->msg);
}
