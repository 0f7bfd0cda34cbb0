/* The comparator: groups, verdicts, ids, order and baselines. */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmp/cmp.h"
#include "fact/fact.h"
#include "harness.h"
#include "report/report.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/err.h"

/* ---- building facts by hand ---- */

/* What a statement says, as the extractor fills it in. */
struct amount {
    const char *text;
    enum qualifier q;
    bool has_value;
    double value;
    bool has_low, has_high;
    double low, high;
    bool low_excl, high_excl;
};

#define EXACT(t, v)     { t, QUAL_EXACT, true, v, true, true, v, v, 0, 0 }
#define ABOUT(t, v)     { t, QUAL_ABOUT, true, v, true, true, v, v, 0, 0 }
#define NEARLY(t, v)    { t, QUAL_NEARLY, true, v, true, true, v, v, 0, 0 }
#define MORE(t, v)      { t, QUAL_MORE_THAN, true, v, true, 0, v, 0, 1, 0 }
#define AT_LEAST(t, v)  { t, QUAL_AT_LEAST, true, v, true, 0, v, 0, 0, 0 }
#define UP_TO(t, v)     { t, QUAL_UP_TO, true, v, 0, true, 0, v, 0, 0 }
#define LESS(t, v)      { t, QUAL_LESS_THAN, true, v, 0, true, 0, v, 0, 1 }
#define RANGE(t, a, b)  { t, QUAL_RANGE, false, 0, true, true, a, b, 0, 0 }
#define VAGUE(t, a)     { t, QUAL_VAGUE, false, 0, true, 0, a, 0, 0, 0 }

static int day(const char *iso)
{
    int d = date_parse_iso(iso, strlen(iso));

    ck_assert_msg(d != DATE_NONE, "bad test date %s", iso);
    return d;
}

static size_t next_offset;

/* A fact of outlet about drones launched on 2026-02-26, in count. */
static struct fact fact_of(const char *outlet, struct amount a)
{
    struct fact f;

    memset(&f, 0, sizeof(f));
    f.source = outlet;
    f.outlet = outlet;
    f.source_date = day("2026-02-26");
    f.offset = next_offset += 10;
    f.text = a.text;
    f.length = strlen(a.text);
    f.has_value = a.has_value;
    f.value = a.value;
    f.has_low = a.has_low;
    f.has_high = a.has_high;
    f.low = a.low;
    f.high = a.high;
    f.low_excl = a.low_excl;
    f.high_excl = a.high_excl;
    f.qual = a.q;
    f.unit = "count";
    f.topic = "drones launched";
    f.kind = KIND_EVENT;
    f.date_from = f.date_to = day("2026-02-26");
    f.scope = "";
    return f;
}

static struct fact state_of(const char *outlet, struct amount a,
                            const char *date)
{
    struct fact f = fact_of(outlet, a);

    f.topic = "front-line length";
    f.unit = "km";
    f.kind = KIND_STATE;
    f.date_from = f.date_to = day(date);
    return f;
}

static void run(struct fact *f, size_t n, struct cmp_result *r)
{
    struct cmp_options o;

    cmp_options_init(&o);
    cmp_run(f, n, &o, r);
}

/* ---- verdicts ---- */

static const struct verdict_row {
    const char *why;
    struct amount a, b;
    enum verdict want;
} verdict_rows[] = {
    { "420 and some 420 agree",
      EXACT("420 drones", 420), ABOUT("some 420 drones", 420),
      VERDICT_AGREE },
    { "eight and at least six are compatible",
      EXACT("eight regions", 8), AT_LEAST("at least six regions", 6),
      VERDICT_COMPATIBLE },
    { "1,200 and roughly 1,250 conflict",
      EXACT("1,200km", 1200), ABOUT("roughly 1,250 km", 1250),
      VERDICT_CONFLICT },
    { "nearly 500 and 487 are compatible",
      NEARLY("nearly 500", 500), EXACT("487", 487), VERDICT_COMPATIBLE },
    { "nearly 500 and 440 conflict",
      NEARLY("nearly 500", 500), EXACT("440", 440), VERDICT_CONFLICT },
    { "nearly 500 and 501 conflict",
      NEARLY("nearly 500", 500), EXACT("501", 501), VERDICT_CONFLICT },
    { "more than 24 and dozens are compatible",
      MORE("more than two dozen", 24), VAGUE("dozens", 24),
      VERDICT_COMPATIBLE },
    { "more than 200 and 200 conflict",
      MORE("more than 200", 200), EXACT("200", 200), VERDICT_CONFLICT },
    { "fewer than 10 and 10 conflict",
      LESS("fewer than 10", 10), EXACT("10", 10), VERDICT_CONFLICT },
    { "up to 10 and 10 agree",
      UP_TO("up to 10", 10), EXACT("10", 10), VERDICT_AGREE },
    { "up to 3 and 5 conflict",
      UP_TO("up to 3", 3), EXACT("5", 5), VERDICT_CONFLICT },
    { "between 8 and 19 and 12 are compatible",
      RANGE("between 8 and 19", 8, 19), EXACT("12", 12),
      VERDICT_COMPATIBLE },
    { "between 8 and 19 and 20 conflict",
      RANGE("between 8 and 19", 8, 19), EXACT("20", 20), VERDICT_CONFLICT },
    { "about 100 and 102 are compatible",
      ABOUT("about 100", 100), EXACT("102", 102), VERDICT_COMPATIBLE },
    { "about 100 and 103 conflict",
      ABOUT("about 100", 100), EXACT("103", 103), VERDICT_CONFLICT },
    { "about 420 and about 430 are compatible",
      ABOUT("about 420", 420), ABOUT("about 430", 430),
      VERDICT_COMPATIBLE },
    { "dozens and 12 are compatible: vague amounts never conflict",
      VAGUE("dozens of people", 24), EXACT("12 people", 12),
      VERDICT_COMPATIBLE },
    { "dozens and hundreds are compatible",
      VAGUE("dozens", 24), VAGUE("hundreds", 200), VERDICT_COMPATIBLE },
    { "0.1 and 0.1 agree",
      EXACT("0.1", 0.1), EXACT("0.10", 0.1), VERDICT_AGREE },
};

START_TEST(judges_pair)
{
    const struct verdict_row *row = &verdict_rows[_i];
    struct fact f[2] = { fact_of("a", row->a), fact_of("b", row->b) };
    struct cmp_result r;

    run(f, 2, &r);
    ck_assert_msg(r.ngroups == 1, "%s: %zu groups", row->why, r.ngroups);
    ck_assert_msg(r.groups[0].verdict == row->want, "%s: got %s", row->why,
                  cmp_verdict_name(r.groups[0].verdict));
    ck_assert_msg(r.groups[0].is_new == (row->want == VERDICT_CONFLICT),
                  "%s: new is wrong", row->why);
    cmp_result_release(&r);
}
END_TEST

START_TEST(tolerance_option_widens_about)
{
    struct fact f[2] = { fact_of("a", (struct amount)ABOUT("about 100", 100)),
                         fact_of("b", (struct amount)EXACT("104", 104)) };
    struct cmp_options o;
    struct cmp_result r;

    cmp_options_init(&o);
    cmp_run(f, 2, &o, &r);
    ck_assert_str_eq(cmp_verdict_name(r.groups[0].verdict), "conflict");
    cmp_result_release(&r);
    o.tolerance = 0.05;
    cmp_run(f, 2, &o, &r);
    ck_assert_str_eq(cmp_verdict_name(r.groups[0].verdict), "compatible");
    cmp_result_release(&r);
}
END_TEST

START_TEST(same_outlet_values_are_a_series_not_a_conflict)
{
    struct fact f[3] = {
        fact_of("a", (struct amount)EXACT("100", 100)),
        fact_of("a", (struct amount)EXACT("200", 200)),
        fact_of("b", (struct amount)MORE("more than 50", 50)),
    };
    struct cmp_result r;

    run(f, 3, &r);
    ck_assert_uint_eq(r.ngroups, 1);
    ck_assert_str_eq(cmp_verdict_name(r.groups[0].verdict), "compatible");
    ck_assert_uint_eq(r.groups[0].noutlets, 2);
    ck_assert_uint_eq(r.conflict, 0);
    cmp_result_release(&r);
}
END_TEST

START_TEST(one_outlet_group_not_reported)
{
    struct fact f[2] = {
        fact_of("a", (struct amount)EXACT("100", 100)),
        fact_of("a", (struct amount)EXACT("200", 200)),
    };
    struct cmp_result r;

    run(f, 2, &r);
    ck_assert_uint_eq(r.ngroups, 0);
    ck_assert_uint_eq(r.nfacts, 2);
    ck_assert_uint_eq(r.nsources, 1);
    cmp_result_release(&r);
}
END_TEST

/* ---- grouping ---- */

START_TEST(event_facts_of_different_days_not_grouped)
{
    struct fact f[2] = {
        fact_of("a", (struct amount)EXACT("420 drones", 420)),
        fact_of("b", (struct amount)EXACT("420 drones", 420)),
    };
    struct cmp_result r;

    f[1].date_from = day("2026-02-25");
    run(f, 2, &r);
    ck_assert_uint_eq(r.ngroups, 0);
    cmp_result_release(&r);
    f[1].date_to = day("2026-02-26");
    run(f, 2, &r);
    ck_assert_msg(r.ngroups == 0, "night of 25-26 grouped with the 26th");
    cmp_result_release(&r);
}
END_TEST

START_TEST(week_total_not_grouped_with_night)
{
    struct fact f[2] = {
        fact_of("a", (struct amount)ABOUT("about 1,300 drones", 1300)),
        fact_of("b", (struct amount)EXACT("420 drones", 420)),
    };
    struct cmp_result r;

    f[0].date_from = day("2026-02-09");
    f[0].date_to = day("2026-02-15");
    f[1].date_from = day("2026-02-25");
    run(f, 2, &r);
    ck_assert_uint_eq(r.ngroups, 0);
    cmp_result_release(&r);
}
END_TEST

static const struct window_row {
    const char *a, *b;
    bool grouped;
} window_rows[] = {
    { "2026-02-13", "2026-02-26", true },
    { "2026-02-01", "2026-03-04", true },    /* 31 days */
    { "2026-02-01", "2026-03-05", false },   /* 32 days */
    { "2026-01-17", "2026-02-26", false },   /* 40 days */
};

START_TEST(state_facts_group_within_window)
{
    const struct window_row *w = &window_rows[_i];
    struct fact f[2] = {
        state_of("a", (struct amount)EXACT("1,200km", 1200), w->a),
        state_of("b", (struct amount)EXACT("1,200 km", 1200), w->b),
    };
    struct cmp_result r;

    run(f, 2, &r);
    ck_assert_msg((r.ngroups == 1) == w->grouped, "%s and %s: %zu groups",
                  w->a, w->b, r.ngroups);
    if (w->grouped) {
        ck_assert_int_eq(r.groups[0].date_from, day(w->a));
        ck_assert_int_eq(r.groups[0].date_to, day(w->b));
    }
    cmp_result_release(&r);
}
END_TEST

START_TEST(state_window_starts_at_earliest_fact)
{
    /* 02-01 takes 02-20 and 03-04; 03-10 is 37 days after 02-01 */
    struct fact f[4] = {
        state_of("a", (struct amount)EXACT("1,200km", 1200), "2026-03-10"),
        state_of("b", (struct amount)EXACT("1,200km", 1200), "2026-02-20"),
        state_of("c", (struct amount)EXACT("1,200km", 1200), "2026-02-01"),
        state_of("d", (struct amount)EXACT("1,200km", 1200), "2026-03-04"),
    };
    struct cmp_result r;

    run(f, 4, &r);
    ck_assert_uint_eq(r.ngroups, 1);
    ck_assert_uint_eq(r.groups[0].nfacts, 3);
    ck_assert_int_eq(r.groups[0].date_from, day("2026-02-01"));
    ck_assert_int_eq(r.groups[0].date_to, day("2026-03-04"));
    cmp_result_release(&r);
}
END_TEST

static void set_field(struct fact *f, int which)
{
    switch (which) {
    case 0: f->topic = "drones shot down"; break;
    case 1: f->unit = "percent"; break;
    case 2: f->scope = "Kharkiv"; break;
    default: f->kind = KIND_STATE; break;
    }
}

static const char *const field_names[] = { "topic", "unit", "scope",
                                           "kind" };

START_TEST(different_topic_unit_scope_or_kind_not_grouped)
{
    struct fact f[2] = {
        fact_of("a", (struct amount)EXACT("420 drones", 420)),
        fact_of("b", (struct amount)EXACT("420 drones", 420)),
    };
    struct cmp_result r;

    set_field(&f[1], _i);
    run(f, 2, &r);
    ck_assert_msg(r.ngroups == 0, "facts of different %s grouped",
                  field_names[_i]);
    cmp_result_release(&r);
}
END_TEST

START_TEST(empty_topic_never_grouped)
{
    struct fact f[4] = {
        fact_of("a", (struct amount)EXACT("third", 3)),
        fact_of("b", (struct amount)EXACT("third round", 3)),
        fact_of("a", (struct amount)EXACT("7", 7)),
        fact_of("b", (struct amount)EXACT("9", 9)),
    };
    struct cmp_result r;

    /* an ordinal groups like any fact; numbers whose topic the extractor
     * could not tell ("7", "9") are not compared, so no false conflict */
    f[0].unit = f[1].unit = "ordinal";
    f[2].topic = f[3].topic = "";
    run(f, 4, &r);
    ck_assert_uint_eq(r.ngroups, 1);
    ck_assert_str_eq(r.groups[0].unit, "ordinal");
    ck_assert_str_eq(cmp_verdict_name(r.groups[0].verdict), "agree");
    ck_assert_uint_eq(r.conflict, 0);
    ck_assert_uint_eq(r.nfacts, 4);
    cmp_result_release(&r);
}
END_TEST

/* ---- ids, order and counts ---- */

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);

    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * UINT64_C(0x100000001b3);
    return h;
}

START_TEST(id_is_fnv1a_of_topic_unit_scope_and_span)
{
    static const char event[] =
        "drones launched\x1f" "count\x1f" "Kyiv\x1f"
        "2026-02-25..2026-02-26";
    static const char state[] = "front-line length\x1f" "km\x1f\x1f" "2026-02";
    struct fact f[4] = {
        fact_of("a", (struct amount)EXACT("420 drones", 420)),
        fact_of("b", (struct amount)EXACT("420 drones", 420)),
        state_of("a", (struct amount)EXACT("1,200km", 1200), "2026-02-13"),
        state_of("b", (struct amount)EXACT("1,200km", 1200), "2026-02-26"),
    };
    struct cmp_result r;
    char want[17];

    f[0].scope = f[1].scope = "Kyiv";
    f[0].date_from = f[1].date_from = day("2026-02-25");
    run(f, 4, &r);
    ck_assert_uint_eq(r.ngroups, 2);
    snprintf(want, sizeof(want), "%016llx",
             (unsigned long long)fnv1a(event, sizeof(event) - 1));
    ck_assert_str_eq(r.groups[0].id, want);
    snprintf(want, sizeof(want), "%016llx",
             (unsigned long long)fnv1a(state, sizeof(state) - 1));
    ck_assert_str_eq(r.groups[1].id, want);
    cmp_result_release(&r);
}
END_TEST

START_TEST(id_stable_when_agreeing_outlet_added)
{
    struct fact f[6] = {
        fact_of("a", (struct amount)EXACT("420 drones", 420)),
        fact_of("b", (struct amount)ABOUT("some 420 drones", 420)),
        state_of("a", (struct amount)EXACT("1,200km", 1200), "2026-02-13"),
        state_of("b", (struct amount)ABOUT("1,250-km", 1250), "2026-02-26"),
        fact_of("c", (struct amount)EXACT("420 drones", 420)),
        state_of("c", (struct amount)EXACT("1,200 km", 1200), "2026-02-20"),
    };
    struct cmp_result r;
    char event_id[17], state_id[17];

    run(f, 4, &r);
    ck_assert_uint_eq(r.ngroups, 2);
    memcpy(state_id, r.groups[0].id, 17);  /* the conflict comes first */
    memcpy(event_id, r.groups[1].id, 17);
    cmp_result_release(&r);
    run(f, 6, &r);
    ck_assert_uint_eq(r.ngroups, 2);
    ck_assert_str_eq(r.groups[0].id, state_id);
    ck_assert_str_eq(r.groups[1].id, event_id);
    ck_assert_uint_eq(r.groups[1].noutlets, 3);
    cmp_result_release(&r);
}
END_TEST

/* Facts for the order and summary tests: one group of each verdict,
 * a one-outlet fact and a fact of another day. */
static size_t mixed_facts(struct fact *f)
{
    size_t n = 0;

    f[n++] = fact_of("a", (struct amount)EXACT("420 drones", 420));
    f[n++] = fact_of("b", (struct amount)ABOUT("some 420 drones", 420));
    f[n++] = fact_of("c", (struct amount)EXACT("420 drones", 420));
    f[n++] = state_of("a", (struct amount)EXACT("1,200km", 1200),
                      "2026-02-26");
    f[n++] = state_of("d", (struct amount)ABOUT("roughly 1,250 km", 1250),
                      "2026-02-13");
    f[n++] = fact_of("a", (struct amount)EXACT("eight regions", 8));
    f[n - 1].topic = "regions hit";
    f[n++] = fact_of("b", (struct amount)AT_LEAST("at least six", 6));
    f[n - 1].topic = "regions hit";
    f[n++] = fact_of("b", (struct amount)VAGUE("dozens of people", 24));
    f[n - 1].topic = "people injured";
    f[n++] = fact_of("e", (struct amount)EXACT("39 missiles", 39));
    f[n - 1].topic = "missiles launched";
    f[n - 1].date_from = day("2026-02-25");
    f[n++] = fact_of("b", (struct amount)EXACT("39 missiles", 39));
    f[n - 1].topic = "missiles launched";
    return n;
}

START_TEST(groups_listed_conflicts_then_compatible_then_agree)
{
    struct fact f[16];
    size_t n = mixed_facts(f);
    struct cmp_result r;

    run(f, n, &r);
    ck_assert_uint_eq(r.ngroups, 3);
    ck_assert_str_eq(r.groups[0].topic, "front-line length");
    ck_assert_str_eq(cmp_verdict_name(r.groups[0].verdict), "conflict");
    ck_assert_str_eq(r.groups[1].topic, "regions hit");
    ck_assert_str_eq(cmp_verdict_name(r.groups[1].verdict), "compatible");
    ck_assert_str_eq(r.groups[2].topic, "drones launched");
    ck_assert_str_eq(cmp_verdict_name(r.groups[2].verdict), "agree");
    for (size_t i = 0; i < r.ngroups; i++)
        for (size_t j = 1; j < r.groups[i].nfacts; j++)
            ck_assert_msg(fact_cmp(r.groups[i].facts[j - 1],
                                   r.groups[i].facts[j]) < 0,
                          "%s: facts out of order", r.groups[i].topic);
    cmp_result_release(&r);
}
END_TEST

START_TEST(summary_counts_sources_facts_and_verdicts)
{
    struct fact f[16];
    size_t n = mixed_facts(f);
    struct cmp_result r;

    run(f, n, &r);
    ck_assert_uint_eq(r.nsources, 5);
    ck_assert_uint_eq(r.nfacts, n);
    ck_assert_uint_eq(r.ngroups, 3);
    ck_assert_uint_eq(r.agree, 1);
    ck_assert_uint_eq(r.compatible, 1);
    ck_assert_uint_eq(r.conflict, 1);
    ck_assert_uint_eq(r.nnew, 1);
    ck_assert(!r.has_baseline);
    ck_assert_uint_eq(r.nabsent, 0);
    cmp_result_release(&r);
}
END_TEST

/* A fact's identity for comparing two runs: where it was quoted. */
static void describe(const struct cmp_result *r, char *out, size_t size)
{
    size_t len = 0;

    out[0] = '\0';
    for (size_t i = 0; i < r->ngroups && len < size; i++) {
        const struct group *g = &r->groups[i];

        len += snprintf(out + len, size - len, "%s %s:", g->id,
                        cmp_verdict_name(g->verdict));
        for (size_t j = 0; j < g->nfacts && len < size; j++)
            len += snprintf(out + len, size - len, " %s@%zu",
                            g->facts[j]->source, g->facts[j]->offset);
        if (len < size)
            len += snprintf(out + len, size - len, "\n");
    }
}

START_TEST(input_order_does_not_matter)
{
    struct fact f[16];
    size_t n = mixed_facts(f);
    struct cmp_result r;
    char want[2048], got[2048];
    unsigned seed = 12345;

    run(f, n, &r);
    describe(&r, want, sizeof(want));
    cmp_result_release(&r);
    for (int round = 0; round < 20; round++) {
        for (size_t i = n - 1; i > 0; i--) {
            size_t j;
            struct fact t;

            seed = seed * 1103515245u + 12345u;
            j = (seed >> 8) % (i + 1);
            t = f[i];
            f[i] = f[j];
            f[j] = t;
        }
        run(f, n, &r);
        describe(&r, got, sizeof(got));
        ck_assert_msg(strcmp(want, got) == 0, "round %d:\n%s\nwas\n%s",
                      round, got, want);
        cmp_result_release(&r);
    }
}
END_TEST

/* Facts read from several articles carry their own copies of a topic,
 * unit and place: equal text is one partition wherever it is stored, and
 * a missing place is the empty one. */
START_TEST(equal_strings_in_different_storage_are_one_partition)
{
    char topic[3][32], unit[3][8], scope[2][8];
    struct fact f[3] = {
        fact_of("a", (struct amount)EXACT("400 drones", 400)),
        fact_of("b", (struct amount)EXACT("510 drones", 510)),
        fact_of("c", (struct amount)EXACT("410 drones", 410)),
    };
    struct cmp_result r;

    for (int i = 0; i < 3; i++) {
        strcpy(topic[i], "drones launched");
        strcpy(unit[i], "count");
        f[i].topic = topic[i];
        f[i].unit = unit[i];
    }
    strcpy(scope[0], "");
    strcpy(scope[1], "");
    f[0].scope = scope[0];
    f[1].scope = NULL;
    f[2].scope = scope[1];
    run(f, 3, &r);
    ck_assert_uint_eq(r.ngroups, 1);
    ck_assert_uint_eq(r.groups[0].nfacts, 3);
    ck_assert_int_eq(r.groups[0].verdict, VERDICT_CONFLICT);
    cmp_result_release(&r);
}
END_TEST

/* Grouping on two threads gives what one gives: the same groups, in the
 * same order, with the same facts. */
START_TEST(two_jobs_group_as_one)
{
    enum { N = 12000 };
    static char topics[40][32];
    struct fact *a = calloc(N, sizeof(*a)), *b = calloc(N, sizeof(*b));
    const char *outlets[] = { "o1", "o2", "o3", "o4", "o5" };
    struct cmp_options o;
    struct cmp_result ra, rb;

    ck_assert(a && b);
    for (int t = 0; t < 40; t++)
        snprintf(topics[t], sizeof(topics[t]), "topic %02d", t);
    for (size_t i = 0; i < N; i++) {
        a[i] = fact_of(outlets[(i / 40) % 5],
                       (struct amount)EXACT("n", (double)(100 + i % 7)));
        a[i].topic = topics[(i * 7) % 40];
        a[i].date_from = a[i].date_to = day("2026-02-01") + (int)(i % 9);
        if (i % 3 == 0) {
            a[i].kind = KIND_STATE;
            a[i].unit = "km";
        }
    }
    memcpy(b, a, N * sizeof(*a));
    cmp_options_init(&o);
    cmp_run(a, N, &o, &ra);
    o.jobs = 2;
    cmp_run(b, N, &o, &rb);
    ck_assert_uint_gt(ra.ngroups, 100);
    ck_assert_uint_eq(ra.ngroups, rb.ngroups);
    for (size_t i = 0; i < ra.ngroups; i++) {
        const struct group *x = &ra.groups[i], *y = &rb.groups[i];
        ck_assert_str_eq(x->id, y->id);
        ck_assert_int_eq(x->verdict, y->verdict);
        ck_assert_uint_eq(x->nfacts, y->nfacts);
        for (size_t k = 0; k < x->nfacts; k++) {
            ck_assert_str_eq(x->facts[k]->source, y->facts[k]->source);
            ck_assert_uint_eq(x->facts[k]->offset, y->facts[k]->offset);
        }
    }
    cmp_result_release(&ra);
    cmp_result_release(&rb);
    free(a);
    free(b);
}
END_TEST

START_TEST(input_errors_are_kept_for_the_report)
{
    struct cmp_result r;
    struct err e = ERR_INIT;

    run(NULL, 0, &r);
    err_at(&e, "a.txt", 3, 7, "no date");
    cmp_add_error(&r, &e);
    ck_assert_uint_eq(r.nerrors, 1);
    ck_assert_str_eq(r.errors[0].file, "a.txt");
    ck_assert_int_eq(r.errors[0].line, 3);
    ck_assert_str_eq(r.errors[0].msg, "no date");
    cmp_result_release(&r);
    ck_assert_uint_eq(r.nerrors, 0);
}
END_TEST

/* ---- baselines ---- */

/* Yesterday's report: the front line conflict of 1,200 and 1,250 km. */
static const char *write_baseline(void)
{
    struct fact f[2] = {
        state_of("a", (struct amount)EXACT("1,200km", 1200), "2026-02-26"),
        state_of("b", (struct amount)ABOUT("roughly 1,250 km", 1250),
                 "2026-02-13"),
    };
    struct cmp_result r;
    struct err e = ERR_INIT;
    const char *path = harness_tmp("baseline.json");

    run(f, 2, &r);
    ck_assert_uint_eq(r.conflict, 1);
    ck_assert_msg(report_write_json(&r, path, &e) == 0, "%s", e.msg);
    cmp_result_release(&r);
    return path;
}

static void apply(struct cmp_result *r, const char *path)
{
    struct err e = ERR_INIT;

    ck_assert_msg(cmp_apply_baseline(r, path, &e) == 0, "%s: %s", e.file,
                  e.msg);
    ck_assert(r->has_baseline);
}

START_TEST(baseline_conflict_unchanged)
{
    struct fact f[3] = {
        state_of("a", (struct amount)EXACT("1,200km", 1200), "2026-02-26"),
        state_of("b", (struct amount)ABOUT("roughly 1,250 km", 1250),
                 "2026-02-13"),
        state_of("c", (struct amount)EXACT("1,250 km", 1250), "2026-02-20"),
    };
    struct cmp_result r;

    const char *path = write_baseline();
    run(f, 3, &r);
    apply(&r, path);
    ck_assert_uint_eq(r.ngroups, 1);
    ck_assert_str_eq(cmp_baseline_name(r.groups[0].baseline), "unchanged");
    ck_assert(!r.groups[0].is_new);
    ck_assert_uint_eq(r.nnew, 0);
    ck_assert_uint_eq(r.nabsent, 0);
    cmp_result_release(&r);
}
END_TEST

START_TEST(baseline_conflict_updated_by_new_value)
{
    struct fact f[3] = {
        state_of("a", (struct amount)EXACT("1,200km", 1200), "2026-02-26"),
        state_of("b", (struct amount)ABOUT("roughly 1,250 km", 1250),
                 "2026-02-13"),
        state_of("c", (struct amount)EXACT("1,300 km", 1300), "2026-02-20"),
    };
    struct cmp_result r;

    const char *path = write_baseline();
    run(f, 3, &r);
    apply(&r, path);
    ck_assert_str_eq(cmp_baseline_name(r.groups[0].baseline), "updated");
    ck_assert(r.groups[0].is_new);
    ck_assert_uint_eq(r.nnew, 1);
    cmp_result_release(&r);
}
END_TEST

/* The same statements read with finer bounds (a newer extractor) are the
 * same conflict: only stated values count. */
START_TEST(baseline_conflict_unchanged_by_finer_bounds)
{
    struct fact f[2] = {
        state_of("a", (struct amount)EXACT("1,200km", 1200), "2026-02-26"),
        state_of("b", (struct amount)ABOUT("roughly 1,250 km", 1250),
                 "2026-02-13"),
    };
    struct cmp_result r;

    const char *path = write_baseline();
    f[0].low = 1199.5;
    f[0].high = 1200.5;
    f[1].low = 1249.5;
    f[1].high = 1250.5;
    run(f, 2, &r);
    apply(&r, path);
    ck_assert_str_eq(cmp_baseline_name(r.groups[0].baseline), "unchanged");
    ck_assert(!r.groups[0].is_new);
    cmp_result_release(&r);
}
END_TEST

/* A range gives no single value: its ends are what it states. */
START_TEST(baseline_conflict_updated_by_new_range)
{
    struct fact f[3] = {
        state_of("a", (struct amount)EXACT("1,200km", 1200), "2026-02-26"),
        state_of("b", (struct amount)ABOUT("roughly 1,250 km", 1250),
                 "2026-02-13"),
        state_of("c", (struct amount)RANGE("1,200 to 1,300 km", 1200, 1300),
                 "2026-02-20"),
    };
    struct cmp_result r;

    const char *path = write_baseline();
    run(f, 3, &r);
    apply(&r, path);
    ck_assert_str_eq(cmp_baseline_name(r.groups[0].baseline), "updated");
    cmp_result_release(&r);
}
END_TEST

START_TEST(baseline_new_and_absent_conflicts)
{
    struct fact f[3] = {
        fact_of("a", (struct amount)EXACT("420 drones", 420)),
        fact_of("b", (struct amount)EXACT("450 drones", 450)),
        fact_of("c", (struct amount)EXACT("420 drones", 420)),
    };
    struct cmp_result r;

    const char *path = write_baseline();
    run(f, 3, &r);
    apply(&r, path);
    ck_assert_uint_eq(r.ngroups, 1);
    ck_assert_str_eq(cmp_baseline_name(r.groups[0].baseline), "new");
    ck_assert(r.groups[0].is_new);
    ck_assert_uint_eq(r.nnew, 1);
    ck_assert_uint_eq(r.nabsent, 1);
    ck_assert_str_eq(r.absent[0].topic, "front-line length");
    ck_assert_str_eq(r.absent[0].unit, "km");
    ck_assert_int_eq(r.absent[0].date_from, day("2026-02-13"));
    ck_assert_str_eq(cmp_baseline_name(r.absent[0].baseline), "absent");
    ck_assert_uint_eq(r.absent[0].noutlets, 2);
    cmp_result_release(&r);
}
END_TEST

START_TEST(baseline_conflict_now_agreeing_is_absent)
{
    struct fact f[2] = {
        state_of("a", (struct amount)EXACT("1,200km", 1200), "2026-02-26"),
        state_of("b", (struct amount)EXACT("1,200 km", 1200), "2026-02-13"),
    };
    struct cmp_result r;

    const char *path = write_baseline();
    run(f, 2, &r);
    apply(&r, path);
    ck_assert_uint_eq(r.ngroups, 1);
    ck_assert_str_eq(cmp_verdict_name(r.groups[0].verdict), "agree");
    ck_assert_ptr_null(cmp_baseline_name(r.groups[0].baseline));
    ck_assert_uint_eq(r.nabsent, 1);
    ck_assert_str_eq(r.absent[0].id, r.groups[0].id);
    cmp_result_release(&r);
}
END_TEST

static const struct bad_baseline {
    const char *name, *text, *says;
} bad_baselines[] = {
    { "not-json.json", "groups: []\n", "not JSON" },
    { "empty.json", "", "not JSON" },
    { "no-groups.json", "{\"summary\": {}}\n", "\"groups\"" },
    { "groups-object.json", "{\"groups\": {}}\n", "\"groups\"" },
    { "no-id.json", "{\"groups\": [{\"verdict\": \"conflict\"}]}\n",
      "\"id\"" },
    { "number-id.json", "{\"groups\": [{\"id\": 7}]}\n", "\"id\"" },
    { "group-string.json", "{\"groups\": [\"x\"]}\n", "\"id\"" },
    { "bad-id.json", "{\"groups\": [{\"id\": \"xyz\"}]}\n", "id" },
};

START_TEST(corrupt_baseline_is_an_error_naming_the_file)
{
    const struct bad_baseline *b = &bad_baselines[_i];
    struct cmp_result r;
    struct err e = ERR_INIT;
    const char *path = harness_tmp(b->name);

    harness_write_file(path, b->text);
    run(NULL, 0, &r);
    ck_assert_msg(cmp_apply_baseline(&r, path, &e) == -1, "%s accepted",
                  b->name);
    ck_assert_str_eq(e.file, path);
    ck_assert_msg(strstr(e.msg, b->says), "%s: message '%s' lacks '%s'",
                  b->name, e.msg, b->says);
    ck_assert(!r.has_baseline);
    cmp_result_release(&r);
}
END_TEST

START_TEST(missing_baseline_is_an_error_naming_the_file)
{
    struct cmp_result r;
    struct err e = ERR_INIT;

    run(NULL, 0, &r);
    ck_assert_int_eq(cmp_apply_baseline(&r, "/nonexistent/b.json", &e), -1);
    ck_assert_str_eq(e.file, "/nonexistent/b.json");
    ck_assert_msg(strstr(e.msg, "no such file"), "message '%s'", e.msg);
    cmp_result_release(&r);
}
END_TEST

/* ---- reading records back ---- */

#define FACT_LINE(date_to)                                                \
    "{\"date_from\":\"2026-02-26\",\"date_to\":\"" date_to "\","          \
    "\"high\":420,\"high_exclusive\":false,\"kind\":\"event\","           \
    "\"length\":10,\"low\":420,\"low_exclusive\":false,\"offset\":20,"    \
    "\"outlet\":\"a\",\"qualifier\":\"exact\",\"source\":\"a.txt\","      \
    "\"source_date\":\"2026-02-26\",\"text\":\"420 drones\","             \
    "\"topic\":\"drones launched\",\"unit\":\"count\",\"value\":420}"
#define GROUP_HEAD "{\"group\":{\"id\":\"0123456789abcdef\","
#define GROUP_LINE(rest)                                                  \
    GROUP_HEAD "\"topic\":\"drones launched\",\"unit\":\"count\","        \
    "\"scope\":\"\"," rest "}}"

/* A bad record is said as the fact reader says a bad fact: the first bad
 * member, a column where one is known, and no file or line (the caller
 * knows them). */
static const struct record_row {
    const char *line;
    long column;
    const char *msg;      /* the whole message, or its start */
    bool prefix;
} record_rows[] = {
    { GROUP_HEAD "\"topic\":7}}", 0, "'topic' must be a string", 0 },
    { GROUP_LINE("\"date_from\":\"2026-02-30\""), 0,
      "'date_from' must be a date YYYY-MM-DD", 0 },
    { GROUP_LINE("\"date_from\":\"2026-02-26\",\"date_to\":\"2026-02-26\","
                 "\"verdict\":\"agree\",\"outlets\":-2"), 0,
      "'outlets' must be a whole number", 0 },
    { GROUP_LINE("\"date_from\":\"2026-02-26\",\"date_to\":\"2026-02-26\","
                 "\"verdict\":\"agree\",\"outlets\":2,\"facts\":["
                 FACT_LINE("2026-02-25") "]"), 0,
      "date_to is before date_from", 0 },
    { "{\"group\":{\"id\":\"0123\"}}", 0, "'id' must be 16 hex digits", 0 },
    { "{\"group\":[]}", 0, "'group' must be an object", 0 },
    { "{\"stats\":{\"facts\":\"many\"}}", 0,
      "'facts' must be a whole number", 0 },
    { "{\"stats\":{\"facts\":1,\"sources\":1,\"window\":40000,"
      "\"tolerance\":0.02,\"nearly\":0.1}}", 0,
      "'window' must be at most 36500 days", 0 },
    { "{\"stats\":{\"facts\":1,\"sources\":1,\"window\":31,"
      "\"tolerance\":2,\"nearly\":0.1}}", 0,
      "'tolerance' must be a number from 0 to 1", 0 },
    { "{\"article\":\"\"}", 0, "'article' must be a source name", 0 },
    { "{\"error\":{\"file\":\"a.txt\"}}", 0,
      "'error' must have a file, line, column and message", 0 },
    { "[1]", 1, "not a JSON object", 0 },
    { "{\"group\":", 9, "not a JSON record: ", 1 },
    { "[\"x\",\"count\",\"\"]\t{\"date_from\":", 30, "not a JSON record: ",
      1 },
    { "[\"x\",\"count\",\"\"]\t" FACT_LINE("2026-02-26"), 1,
      "key '[\"x\",\"count\",\"\"]' is not the fact's key "
      "[\"drones launched\",\"count\",\"\"]", 0 },
    { FACT_LINE("2026-02-30"), 0, "'date_to' must be a date YYYY-MM-DD",
      0 },
    { "{\"date_from\":\"2026-02-26\",\"offset\":1.5}", 0,
      "'source' must be a string", 0 },
    /* fact lines that are not plain: jansson reads them, and says why */
    { "{\"text\":\"4\",\"text\":\"5\"}", 18,
      "not a JSON record: duplicate object key near '\"text\"'", 0 },
    { "{\"source\":\"a\\u0000\"}", 19,
      "not a JSON record: \\u0000 is not allowed without JSON_ALLOW_NUL "
      "near '\"a\\u0000\"'", 0 },
    { "{\"value\":1e400}", 14,
      "not a JSON record: real number overflow near '1e400'", 0 },
    { "{\"source\":\"\xff\"}", 11,
      "not a JSON record: unable to decode byte 0xff near '\"'", 0 },
    { "[\"x\",\"count\",\"\"]\t" FACT_LINE("2026-02-26") "x", 322,
      "not a JSON record: end of file expected near 'x'", 0 },
    { "[\"x\",\"count\",\"\"]\t{\"source\":\"a\\/b\"}", 0,
      "'source_date' must be a date YYYY-MM-DD", 0 },
};

START_TEST(bad_record_names_its_first_bad_member)
{
    const struct record_row *r = &record_rows[_i];
    struct arena ar = ARENA_INIT;
    struct cmp_record rec;
    struct err e = ERR_INIT;

    ck_assert_msg(cmp_read_record(r->line, strlen(r->line), &ar, &rec,
                                  &e) == -1, "accepted: %s", r->line);
    ck_assert_msg(r->prefix ? strncmp(e.msg, r->msg, strlen(r->msg)) == 0
                            : strcmp(e.msg, r->msg) == 0,
                  "%s: message '%s', want '%s'", r->line, e.msg, r->msg);
    ck_assert_msg(e.file[0] == '\0' && e.line == 0 &&
                  e.column == r->column, "%s: at '%s' line %ld column %ld,"
                  " want no file, line 0, column %ld", r->line, e.file,
                  e.line, e.column, r->column);
    if (rec.kind == CMP_REC_GROUP)
        free(rec.group.facts);
    arena_release(&ar);
}
END_TEST

/* A fact line reads the same with its key, without it, and through
 * fact_read_json. */
START_TEST(fact_record_reads_as_fact_line)
{
    static const char *const lines[] = {
        FACT_LINE("2026-02-26"),
        "[\"drones launched\",\"count\",\"\"]\t" FACT_LINE("2026-02-26"),
        FACT_LINE("2026-02-26") "\t\n",
    };
    const char *line = lines[_i];
    struct arena ar = ARENA_INIT;
    struct cmp_record rec;
    struct fact f;
    struct err e = ERR_INIT;

    ck_assert_msg(cmp_read_record(line, strlen(line), &ar, &rec, &e) == 0,
                  "%s: %s", line, e.msg);
    ck_assert_int_eq(rec.kind, CMP_REC_FACT);
    ck_assert_msg(fact_read_json(FACT_LINE("2026-02-26"),
                                 strlen(FACT_LINE("2026-02-26")), &ar, &f,
                                 &e) == 0, "%s", e.msg);
    ck_assert_msg(fact_cmp(&rec.fact, &f) == 0, "%s: reads otherwise",
                  line);
    ck_assert_str_eq(rec.fact.text, "420 drones");
    ck_assert_str_eq(rec.fact.outlet, "a");
    ck_assert_int_eq(rec.fact.offset, 20);
    arena_release(&ar);
}
END_TEST

/* ---- the suite ---- */

static Suite *cmp_suite(void)
{
    Suite *s = suite_create("cmp");
    TCase *t = tcase_create("verdicts");

    tcase_add_loop_test(t, judges_pair, 0,
                        sizeof(verdict_rows) / sizeof(verdict_rows[0]));
    tcase_add_test(t, tolerance_option_widens_about);
    tcase_add_test(t, same_outlet_values_are_a_series_not_a_conflict);
    tcase_add_test(t, one_outlet_group_not_reported);
    suite_add_tcase(s, t);

    t = tcase_create("grouping");
    tcase_add_test(t, event_facts_of_different_days_not_grouped);
    tcase_add_test(t, week_total_not_grouped_with_night);
    tcase_add_loop_test(t, state_facts_group_within_window, 0,
                        sizeof(window_rows) / sizeof(window_rows[0]));
    tcase_add_test(t, state_window_starts_at_earliest_fact);
    tcase_add_loop_test(t, different_topic_unit_scope_or_kind_not_grouped,
                        0, 4);
    tcase_add_test(t, empty_topic_never_grouped);
    suite_add_tcase(s, t);

    t = tcase_create("ids_and_order");
    tcase_add_test(t, id_is_fnv1a_of_topic_unit_scope_and_span);
    tcase_add_test(t, id_stable_when_agreeing_outlet_added);
    tcase_add_test(t, groups_listed_conflicts_then_compatible_then_agree);
    tcase_add_test(t, summary_counts_sources_facts_and_verdicts);
    tcase_add_test(t, input_order_does_not_matter);
    tcase_add_test(t, equal_strings_in_different_storage_are_one_partition);
    tcase_add_test(t, two_jobs_group_as_one);
    tcase_add_test(t, input_errors_are_kept_for_the_report);
    suite_add_tcase(s, t);

    t = harness_tcase(s, "baseline");
    tcase_add_test(t, baseline_conflict_unchanged);
    tcase_add_test(t, baseline_conflict_updated_by_new_value);
    tcase_add_test(t, baseline_conflict_unchanged_by_finer_bounds);
    tcase_add_test(t, baseline_conflict_updated_by_new_range);
    tcase_add_test(t, baseline_new_and_absent_conflicts);
    tcase_add_test(t, baseline_conflict_now_agreeing_is_absent);
    tcase_add_loop_test(t, corrupt_baseline_is_an_error_naming_the_file, 0,
                        sizeof(bad_baselines) / sizeof(bad_baselines[0]));
    tcase_add_test(t, missing_baseline_is_an_error_naming_the_file);

    t = tcase_create("records");
    tcase_add_loop_test(t, bad_record_names_its_first_bad_member, 0,
                        sizeof(record_rows) / sizeof(record_rows[0]));
    tcase_add_loop_test(t, fact_record_reads_as_fact_line, 0, 3);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return harness_run_suite(cmp_suite());
}
