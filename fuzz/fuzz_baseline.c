/* libFuzzer: a baseline (an earlier JSON report) applied to the result
 * of tests/golden/baseline's facts, then both reports written to
 * /dev/null, since a baseline's absent conflicts reach the writers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmp/cmp.h"
#include "fact/fact.h"
#include "report/report.h"
#include "util/arena.h"
#include "util/err.h"

#define FACT(outlet, topic, unit, kind, from, value)                    \
    "{\"date_from\":\"" from "\",\"date_to\":\"2026-02-26\","          \
    "\"kind\":\"" kind "\",\"length\":1,\"offset\":0,"                  \
    "\"outlet\":\"" outlet "\",\"qualifier\":\"exact\","                \
    "\"source\":\"" outlet ".txt\",\"source_date\":\"2026-02-26\","     \
    "\"text\":\"x\",\"topic\":\"" topic "\",\"unit\":\"" unit "\","     \
    "\"value\":" value ",\"low\":" value ",\"high\":" value "}"

static const char *const lines[] = {
    FACT("a", "front-line length", "km", "state", "2026-02-13", "1200"),
    FACT("d", "front-line length", "km", "state", "2026-02-13", "1250"),
    FACT("a", "missiles launched", "count", "event", "2026-02-26", "39"),
    FACT("b", "missiles launched", "count", "event", "2026-02-26", "39"),
    FACT("c", "missiles launched", "count", "event", "2026-02-26", "52"),
    FACT("a", "drones launched", "count", "event", "2026-02-26", "420"),
    FACT("b", "drones launched", "count", "event", "2026-02-26", "450"),
};
#define NLINES (sizeof(lines) / sizeof(lines[0]))

static struct arena ar = ARENA_INIT;
static struct fact facts[NLINES];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct err e = ERR_INIT;

    for (size_t i = 0; i < NLINES; i++)
        if (fact_read_json(lines[i], strlen(lines[i]), &ar, &facts[i],
                           &e) < 0)
            abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fact f[NLINES];
    struct cmp_options o;
    struct cmp_result r;
    struct err e = ERR_INIT;

    memcpy(f, facts, sizeof(f));   /* cmp_run sorts them */
    cmp_options_init(&o);
    cmp_run(f, NLINES, &o, &r);
    if (cmp_apply_baseline_text(&r, "baseline.json", (const char *)data,
                                size, &e) == 0 &&
        (report_write_json(&r, "/dev/null", &e) < 0 ||
         report_write_xml(&r, "/dev/null", &e) < 0))
        __builtin_trap();
    cmp_result_release(&r);
    return 0;
}
