#ifndef CROSSCHECK_ERR_H
#define CROSSCHECK_ERR_H
/* Why and where something failed.  Fixed size: never freed.  The first
 * error recorded wins, so the most specific cause survives. */

struct err {
    char file[256];  /* input path, "" if none */
    long line;       /* 1-based; 0: the whole file */
    long column;     /* 1-based byte column; 0: unknown */
    char msg[256];
};

#define ERR_INIT { "", 0, 0, "" }

/* Record the error unless one is already recorded.  Returns -1. */
int err_at(struct err *e, const char *file, long line, long column,
           const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Record "what: reason" (or only the reason when what is NULL or "")
 * with reason the text of errnum, lowercased like every message.
 * Call it right at the failing call, before errno changes.  An empty
 * file is recorded as '' (the empty operand, as a shell writes it), so
 * the message still names it.  Returns -1 like err_at. */
int err_sys(struct err *e, const char *file, int errnum, const char *what);

/* True when an error has been recorded. */
int err_is_set(const struct err *e);

/* Forget the recorded error, so the struct can be reused. */
void err_clear(struct err *e);

/* Format as "FILE:LINE:COL: msg" (parts that are unknown left out) into
 * out, NUL-terminated, truncated to size. */
void err_format(const struct err *e, char *out, unsigned long size);

#endif
