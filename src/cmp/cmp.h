#ifndef CROSSCHECK_CMP_H
#define CROSSCHECK_CMP_H
/* The comparator: groups facts that state the same thing and judges
 * whether the outlets agree.
 *
 * A group is one topic, one unit, one span of dates and one scope.  Facts
 * with an empty topic (the extractor could not tell what they count) are
 * counted in the summary but join no group.  Event
 * facts group only with facts about the same days; state facts (kind
 * KIND_STATE) group within a window of days.  Only groups holding facts
 * of at least two outlets are kept.  Verdicts come from each fact's
 * bounds: agree when every stated value is equal, conflict when two facts
 * of different outlets cannot both be true, compatible otherwise.
 *
 * The result is independent of the order of the input facts: facts are
 * sorted with fact_cmp first, groups by (verdict severity, topic, unit,
 * scope, first day, id).  Group ids are fingerprints (64-bit FNV-1a, in
 * hex) of topic, unit, scope and span only: an event group's days, a
 * state group's month (that of its earliest fact), so they survive edits
 * elsewhere and agreeing additions.
 *
 * Each fact allows an interval: its bounds, or its value widened by the
 * qualifier (about: +-tolerance; nearly: down by nearly; more than: above,
 * exclusive; ...).  A conflict is two facts of different outlets whose
 * intervals do not meet; one outlet's differing values are a series, and
 * vague amounts ("dozens") are rhetoric that never conflicts. */

#include <stdbool.h>
#include <stddef.h>

#include "fact/fact.h"
#include "util/err.h"

struct err;

enum verdict { VERDICT_AGREE, VERDICT_COMPATIBLE, VERDICT_CONFLICT };

/* Where a conflict stands against a baseline, in SARIF's words. */
enum baseline_state {
    BASELINE_NONE,       /* no baseline given, or not a conflict */
    BASELINE_NEW,
    BASELINE_UNCHANGED,
    BASELINE_UPDATED,    /* known conflict that gained a value outside
                          * what it had */
    BASELINE_ABSENT      /* known conflict no longer reported */
};

struct cmp_options {
    double tolerance;    /* relative widening of about/roughly: 0.02 */
    double nearly;       /* how far below X "nearly X" reaches: 0.10 */
    int window;          /* days a state fact's group spans: 31 */
};

void cmp_options_init(struct cmp_options *o);

/* What a fact allows, as the verdicts read it: its bounds, or its value
 * widened by its qualifier and o.  An open end is -INFINITY or INFINITY;
 * two facts conflict when their bounds do not meet. */
struct cmp_bounds {
    double lo, hi;
    bool lo_ex, hi_ex;       /* the end itself is excluded */
};

struct cmp_bounds cmp_fact_bounds(const struct fact *f,
                                  const struct cmp_options *o);

struct group {
    char id[17];             /* 16 lowercase hex digits */
    const char *topic;
    const char *unit;
    const char *scope;       /* "" when none */
    int date_from, date_to;  /* span covered by the facts' spans */
    enum verdict verdict;
    bool is_new;             /* a conflict not known to the baseline */
    enum baseline_state baseline;
    const struct fact **facts;  /* sorted by fact_cmp; borrowed */
    size_t nfacts;
    size_t noutlets;
};

struct cmp_result {
    struct group *groups;    /* reported groups, in report order */
    size_t ngroups;
    size_t nsources;         /* distinct sources among all facts */
    size_t nfacts;           /* all facts compared */
    size_t agree, compatible, conflict, nnew;
    struct err *errors;      /* input errors met on the way (report
                              * lists them); filled by the caller */
    size_t nerrors;
    struct group *absent;    /* known conflicts gone (baseline): no
                              * facts; they own topic, unit, scope */
    size_t nabsent;
    bool has_baseline;       /* cmp_apply_baseline succeeded */
    struct cmp_options options;  /* those the verdicts were judged with */
};

/* Group and judge n facts (which must outlive r; they are sorted in
 * place).  Without a baseline every conflict is new.  r is overwritten
 * whole: add errors (cmp_add_error) and the baseline after this call. */
void cmp_run(struct fact *facts, size_t n, const struct cmp_options *o,
             struct cmp_result *r);

/* Mark r's conflicts against the earlier JSON report at path: new,
 * unchanged or updated, and list the known conflicts now absent.
 * Returns -1 and fills e when the baseline cannot be read or is not a
 * crosscheck report. */
int cmp_apply_baseline(struct cmp_result *r, const char *path,
                       struct err *e);

/* Record an input error to be listed in the report (copied). */
void cmp_add_error(struct cmp_result *r, const struct err *e);

/* Free what r holds (not the facts); r is all zero afterwards. */
void cmp_result_release(struct cmp_result *r);

/* "agree", "compatible", "conflict". */
const char *cmp_verdict_name(enum verdict v);
/* "new", "unchanged", "updated", "absent"; NULL for BASELINE_NONE. */
const char *cmp_baseline_name(enum baseline_state s);

#endif
