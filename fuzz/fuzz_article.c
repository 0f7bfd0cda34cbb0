/* libFuzzer: an article's bytes, loaded and extracted.  Every fact must
 * quote the bytes at its offset and come back whole from its JSON line,
 * as the contract promises; a broken promise aborts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article/article.h"
#include "cmp/cmp.h"
#include "fact/fact.h"
#include "util/arena.h"
#include "util/err.h"

static struct lexicon *lx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    lx = fact_lexicon_default();
    return 0;
}

static void check_fact(const struct article *a, const struct fact *f)
{
    struct arena ar = ARENA_INIT;
    struct err e = ERR_INIT;
    struct fact back;
    char *line = NULL;
    size_t len = 0;
    FILE *out;

    if (f->offset > a->len || f->length > a->len - f->offset ||
        memcmp(a->text + f->offset, f->text, f->length) != 0 ||
        strlen(f->text) != f->length)
        abort();
    if (!(out = open_memstream(&line, &len)))
        abort();
    if (fact_write_json(out, f) < 0 || fclose(out) != 0)
        abort();
    if (fact_read_json(line, len, &ar, &back, &e) < 0 ||
        fact_cmp(f, &back) != 0)
        abort();
    free(line);
    arena_release(&ar);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct err e = ERR_INIT;
    struct article *a = article_from_memory("fuzz.txt", (const char *)data,
                                            size, &e);
    struct arena ar = ARENA_INIT;
    struct fact_list facts = FACT_LIST_INIT;
    struct cmp_options o;
    struct cmp_result r;

    if (!a)
        return 0;
    fact_extract(a, lx, &ar, &facts);
    for (size_t i = 0; i < facts.n; i++)
        check_fact(a, &facts.v[i]);
    cmp_options_init(&o);
    cmp_run(facts.v, facts.n, &o, &r);
    cmp_result_release(&r);
    fact_list_release(&facts);
    arena_release(&ar);
    article_free(a);
    return 0;
}
