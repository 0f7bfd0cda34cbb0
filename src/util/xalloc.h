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

/* Tell the kernel that the size bytes at p (a large array that will be
 * filled) may be backed by huge pages: the 2 MB-aligned part of it, when
 * there is one.  Filling 100 MB of facts took 25,000 page faults, a
 * tenth of a check; with huge pages it takes a few hundred.  A hint:
 * nothing happens where the system has no such pages. */
void xalloc_hint_huge(void *p, size_t size);
/* A new array of n elements of size bytes, hinted as above: for arrays
 * as long as the run's facts, filled right away. */
void *xbigarray(size_t n, size_t size);

#endif
