#include "util/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "util/vec.h"

static void *die(void)
{
    fputs("crosscheck: out of memory\n", stderr);
    exit(2);
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);

    return p ? p : die();
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);

    return p ? p : die();
}

void *xreallocarray(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return die();
    size_t total = n * size;
    void *q = realloc(p, total ? total : 1);

    return q ? q : die();
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *p = xmalloc(len + 1);

    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

enum { HUGE_MIN = 4u << 20 };

void xalloc_hint_huge(void *p, size_t size)
{
#ifdef MADV_HUGEPAGE
    if (size < HUGE_MIN)
        return;
#ifdef __GLIBC__
    /* the whole mapping of a large block, to its last usable byte: a
     * hint on part of it would split it in two, and realloc could no
     * longer move it with mremap (it would copy it instead) */
    size = malloc_usable_size(p);
#endif
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t from = (uintptr_t)p & ~(page - 1);
    uintptr_t to = ((uintptr_t)p + size + page - 1) & ~(page - 1);
    (void)madvise((void *)from, to - from, MADV_HUGEPAGE);
#else
    (void)p;
    (void)size;
#endif
}

void *xbigarray(size_t n, size_t size)
{
    void *p = xreallocarray(NULL, n ? n : 1, size ? size : 1);

    xalloc_hint_huge(p, n * size);
    return p;
}

void *vec_grow(void *v, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return v;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return die();
        n *= 2;
    }
    v = xreallocarray(v, n, elem);
    xalloc_hint_huge(v, n * elem);
    *cap = n;
    return v;
}
