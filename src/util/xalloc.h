#ifndef CROSSCHECK_XALLOC_H
#define CROSSCHECK_XALLOC_H
/* Allocation that cannot fail: on exhaustion these print
 * "crosscheck: out of memory" to stderr and exit with status 2. */

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
/* n * size, checked for overflow. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
