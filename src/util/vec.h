#ifndef CROSSCHECK_VEC_H
#define CROSSCHECK_VEC_H
/* Typed growable arrays: declare with VEC(type) and push with VEC_PUSH.
 *
 *     VEC(int) xs = VEC_INIT;
 *     VEC_PUSH(&xs, 42);
 *     free(xs.v);
 *
 * Capacity doubles, checking overflow first (xalloc dies on failure). */

#include <stddef.h>

#define VEC(T) struct { T *v; size_t n; size_t cap; }
#define VEC_INIT { NULL, 0, 0 }

/* Ensure room for one more element of size elem; returns the array. */
void *vec_grow(void *v, size_t *cap, size_t need, size_t elem);

#define VEC_RESERVE(vec, k)                                              \
    ((vec)->v = vec_grow((vec)->v, &(vec)->cap, (vec)->n + (k),          \
                         sizeof(*(vec)->v)))
#define VEC_PUSH(vec, x)                                                 \
    (VEC_RESERVE(vec, 1), (vec)->v[(vec)->n++] = (x))
#define VEC_FREE(vec) (free((vec)->v), (vec)->v = NULL, (vec)->n = 0,    \
                       (vec)->cap = 0)

#endif
