/* libFuzzer: what 'crosscheck compare' does with its input.  Each line
 * is read as a fact (fact_read_json), the facts are compared and both
 * reports written to /dev/null. */
#include <stdint.h>
#include <string.h>

#include "cmp/cmp.h"
#include "fact/fact.h"
#include "report/report.h"
#include "util/arena.h"
#include "util/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    struct arena ar = ARENA_INIT;
    struct fact_list facts = FACT_LIST_INIT;
    struct cmp_options o;
    struct cmp_result r;
    struct err e = ERR_INIT;

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        struct fact f;

        if (fact_read_json(p, len, &ar, &f, &e) == 0)
            fact_list_push(&facts, &f);
        err_clear(&e);
        p += len + (nl != NULL);
    }
    cmp_options_init(&o);
    cmp_run(facts.v, facts.n, &o, &r);
    if (report_write_json(&r, "/dev/null", &e) < 0 ||
        report_write_xml(&r, "/dev/null", &e) < 0)
        __builtin_trap();
    cmp_result_release(&r);
    fact_list_release(&facts);
    arena_release(&ar);
    return 0;
}
