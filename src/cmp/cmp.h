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
#include <stdio.h>

#include "fact/fact.h"
#include "util/err.h"

struct arena;
struct buf;
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
    int jobs;            /* threads cmp_run may use: 1; the result is
                          * the same for any number */
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
/* The same for the n facts that all points to, wherever they are: all
 * is scratch (put in fact order, then reused), the facts are not moved
 * (they must outlive r). */
void cmp_run_index(const struct fact **all, size_t n,
                   const struct cmp_options *o, struct cmp_result *r);

/* Mark r's conflicts against the earlier JSON report at path: new,
 * unchanged or updated, and list the known conflicts now absent.
 * Returns -1 and fills e when the baseline cannot be read or is not a
 * crosscheck report. */
int cmp_apply_baseline(struct cmp_result *r, const char *path,
                       struct err *e);

/* The same for the len bytes of a baseline already in memory (borrowed);
 * name stands for the file in messages. */
int cmp_apply_baseline_text(struct cmp_result *r, const char *name,
                            const char *text, size_t len, struct err *e);

/* Record an input error to be listed in the report (copied). */
void cmp_add_error(struct cmp_result *r, const struct err *e);

/* Free what r holds (not the facts); r is all zero afterwards. */
void cmp_result_release(struct cmp_result *r);

/* "agree", "compatible", "conflict". */
const char *cmp_verdict_name(enum verdict v);
/* "new", "unchanged", "updated", "absent"; NULL for BASELINE_NONE. */
const char *cmp_baseline_name(enum baseline_state s);

/* ---- comparing in parts: map and reduce ----
 *
 * Facts share a group only when they share a key: topic, unit and scope.
 * So the facts can be split by key (Hadoop's partitioner, Spark's
 * partitionBy), each part compared on its own, and the groups of the
 * parts merged into the result of comparing all the facts at once.  The
 * parts travel as JSON Lines, one record a line:
 *
 *   KEY<TAB>FACT        a fact (as fact_write_json writes it) after its
 *                       key, the JSON array [topic, unit, scope]; a fact
 *                       without a key is read too
 *   {"article":SOURCE}  an article that states facts, for the summary's
 *                       count of sources; it has no key, so Hadoop keys
 *                       it by the whole line and each source is counted
 *                       in one part only
 *   {"error":{...}}     an input error met on the way (file, line,
 *                       column, message), passed on to the report
 *   {"group":{...}}     a group of one part, with its facts
 *   {"stats":{...}}     what one part counted ("facts", "sources")
 *                       and the options it was compared with
 *
 * A line may end in a tab: Hadoop's separator before an empty value. */

enum cmp_record_kind {
    CMP_REC_FACT, CMP_REC_ARTICLE, CMP_REC_ERROR, CMP_REC_GROUP,
    CMP_REC_STATS
};

struct cmp_record {
    enum cmp_record_kind kind;
    struct fact fact;          /* CMP_REC_FACT */
    const char *article;       /* CMP_REC_ARTICLE */
    struct err error;          /* CMP_REC_ERROR */
    struct group group;        /* CMP_REC_GROUP: group.facts from malloc,
                                * the caller's; the facts in the arena */
    size_t nfacts, nsources;   /* CMP_REC_STATS, and the options the */
    struct cmp_options options;  /* part was compared with */
};

/* Append to b the key of f: [topic, unit, scope] as compact JSON, with
 * no tab or line break in it. */
void cmp_key(struct buf *b, const struct fact *f);

/* Each writes one record and a newline; -1 on a write error. */
int cmp_write_keyed_fact(FILE *out, const struct fact *f);
int cmp_write_article(FILE *out, const char *source);
int cmp_write_error(FILE *out, const struct err *e);
int cmp_write_group(FILE *out, const struct group *g);
int cmp_write_stats(FILE *out, size_t nfacts, size_t nsources,
                    const struct cmp_options *o);

/* Parse the line (len bytes, its line end allowed) into rec, strings and
 * facts allocated in ar.  The key of a fact, where it has one, must be
 * its key.  Returns -1 and fills e's message and column (the caller sets
 * file and line) when the line is no record. */
int cmp_read_record(const char *line, size_t len, struct arena *ar,
                    struct cmp_record *rec, struct err *e);

/* Make r of the groups of all parts: r takes groups (n of them, from
 * malloc, as is each group's facts array; the facts stay the caller's
 * and must outlive r), puts them in report order and counts verdicts, as
 * cmp_run would have for all the facts; nfacts and nsources are the sums
 * of the parts' stats, o the options they were compared with.  Every
 * conflict is new until a baseline is applied. */
void cmp_result_merge(struct cmp_result *r, struct group *groups, size_t n,
                      size_t nfacts, size_t nsources,
                      const struct cmp_options *o);

#endif
