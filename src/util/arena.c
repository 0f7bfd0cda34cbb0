#include "util/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define ALIGN alignof(max_align_t)
#define BLOCK_SIZE 65536
#define BIG_BLOCK ((size_t)8 << 20)

struct arena_block {
    struct arena_block *next;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

static struct arena_block *new_block(size_t size)
{
    if (size > SIZE_MAX - sizeof(struct arena_block))
        return xmalloc(SIZE_MAX);  /* dies */
    struct arena_block *b = xmalloc(sizeof(*b) + size);

    b->next = NULL;
    b->size = size;
    return b;
}

void arena_init(struct arena *a)
{
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}

void arena_release(struct arena *a)
{
    struct arena_block *b = a->head;

    while (b) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena_init(a);
}

/* size bytes aligned to align (a power of two, at most ALIGN). */
static void *alloc_aligned(struct arena *a, size_t size, size_t align)
{
    if (size > SIZE_MAX - ALIGN)
        return xmalloc(SIZE_MAX);  /* dies */
    if (a->head) {
        size_t used = (a->used + align - 1) & ~(align - 1);
        if (used <= a->head->size && a->head->size - used >= size) {
            a->total += size;
            a->used = used + size;
            return a->head->data + used;
        }
    }
    size = size ? (size + ALIGN - 1) / ALIGN * ALIGN : ALIGN;
    a->total += size;
    /* an arena that has grown large (a run's strings and facts) takes
     * large blocks, backed by huge pages where the system has them */
    size_t block = a->total >= BIG_BLOCK ? BIG_BLOCK : BLOCK_SIZE;
    if (size > block / 4 && a->head) {
        /* a large piece gets a block of its own behind the current one,
         * so the space left in the current block is not lost */
        struct arena_block *b = new_block(size);
        b->next = a->head->next;
        a->head->next = b;
        return b->data;
    }
    struct arena_block *b = new_block(size > block ? size : block);
    if (block == BIG_BLOCK)
        xalloc_hint_huge(b, sizeof(*b) + b->size);
    b->next = a->head;
    a->head = b;
    a->used = size;
    return b->data;
}

void arena_clear(struct arena *a)
{
    if (!a->head)
        return;
    struct arena_block *b = a->head->next;
    while (b) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head->next = NULL;
    a->used = 0;
    a->total = 0;
}

void *arena_alloc(struct arena *a, size_t size)
{
    return alloc_aligned(a, size, ALIGN);
}

/* Strings need no alignment: packed, they take their length and no more,
 * which is most of what a run keeps per fact. */
char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *p = alloc_aligned(a, len + 1, 1);

    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}
