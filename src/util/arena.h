#ifndef CROSSCHECK_ARENA_H
#define CROSSCHECK_ARENA_H
/* A bump allocator: many small allocations, one release.  Facts and
 * their strings live in one arena per run, released by its owner.
 * Memory from arena_alloc is aligned for any type. */

#include <stddef.h>

struct arena_block;

struct arena {
    struct arena_block *head;
    size_t used;     /* bytes used in head */
    size_t total;    /* bytes handed out, for statistics */
};

#define ARENA_INIT { NULL, 0, 0 }

void arena_init(struct arena *a);
/* Free every block; a is empty and reusable afterwards. */
void arena_release(struct arena *a);
/* Forget everything allocated but keep the newest block for reuse: for
 * an arena that holds one line or one record at a time. */
void arena_clear(struct arena *a);
void *arena_alloc(struct arena *a, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);

#endif
