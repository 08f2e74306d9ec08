/*
 * compare_table.h — the numbers behind `samplan compare`: per-run metrics
 * computed from a Scenario and its Plan, and the side-by-side table of
 * several runs (base first, then variants) with differences from the base.
 *
 * Separate from the CLI and from formatting (compare_write.h) so that the
 * arithmetic is tested on its own (tests/check_compare.c). Costs are split
 * by recomputing them from the plan with SPEC §2's cost rule, so the parts
 * add up to the plan's cost (up to rounding) whatever the solver reported:
 *   course travel   commute: 2·km·days_per_week·cost_per_km per course week;
 *                   relocate: 2·km·cost_per_km per course week
 *   accommodation   relocate: accommodation_per_week per course week
 *   placement       2·km·days_per_week·cost_per_km per placement week
 *   hosting         Σ_c g_c × the track's group cost
 * km is the outbound km(home, x), 0 when x is home. Km travelled count the
 * same trips without cost_per_km.
 * Slot utilisation is (participants at the slot in week w) / room(w) over
 * slot-weeks with room > 0; the average is the plain mean over those
 * slot-weeks (unused ones count as 0).
 * Typical sizes: 2–6 runs; rows ≈ 45 + 2 per home municipality + 2 per host.
 */
#ifndef SAMPLAN_COMPARE_TABLE_H
#define SAMPLAN_COMPARE_TABLE_H

#include "../model/plan.h"
#include "../model/scenario.h"

/* Metrics of one run. Per-municipality arrays are indexed like the run's
 * s->municipalities. */
typedef struct CompareMetrics {
    PlanStatus status;
    double value, bound, gap;
    double cost_bound, cost_gap; /* model/plan.h; NAN when none is known */
    int participants, assigned, unassigned;
    int group_assigned[GROUP_COUNT], group_unassigned[GROUP_COUNT];
    int gender_assigned[GENDER_COUNT], gender_unassigned[GENDER_COUNT];
    int nmunicipalities;
    int *home_assigned;   /* owned; [nmunicipalities] by home */
    int *home_unassigned; /* owned; [nmunicipalities] */
    int *groups_hosted;   /* owned; [nmunicipalities] Σ g_c of cohorts hosted there */
    int *taught;          /* owned; [nmunicipalities] participants of cohorts hosted there */
    double hosting_cost, course_travel_cost, accommodation_cost, placement_travel_cost;
    double total_cost;    /* Σ of the four parts above, SEK */
    double course_km, placement_km; /* km travelled over the plan */
    int relocating;       /* assigned participants who relocate for the courses */
    double peak_utilisation;    /* max over slot-weeks with room > 0; 0 when none */
    double average_utilisation; /* mean over slot-weeks with room > 0; 0 when none */
    long slot_weeks_open;       /* slot-weeks with room > 0 */
    long slot_weeks_used;       /* slot-weeks with at least one participant */
    double settlement_gross;    /* Σ gross settlement amounts, SEK */
} CompareMetrics;

/* Computes the metrics of plan for scenario s into *m (zeroed first).
 * Returns 0, or −1 on out-of-memory (m left empty). */
int compare_metrics_compute(const Scenario *s, const Plan *plan, CompareMetrics *m);

/* Frees the arrays; accepts a zeroed CompareMetrics. */
void compare_metrics_release(CompareMetrics *m);

/* One run of a comparison, as given to compare_table_build. */
typedef struct CompareRun {
    const char *name;        /* "base" or the variant name; not owned */
    const Scenario *s;       /* not owned; NULL when the variant was not loaded */
    const CompareMetrics *m; /* not owned; NULL when no plan (not run, failed) */
    const char *note;        /* not owned; status text when m is NULL ("not run") */
} CompareRun;

typedef enum CompareKind {
    CMP_TEXT,   /* status: text only */
    CMP_COUNT,  /* integral counts */
    CMP_NUMBER, /* value, bound: fractional */
    CMP_SEK,    /* money */
    CMP_KM,     /* kilometres */
    CMP_SHARE   /* a ratio in [0, 1]; differences in percentage points */
} CompareKind;

typedef enum CompareSection {
    SEC_RESULT,
    SEC_GROUP,
    SEC_GENDER,
    SEC_HOME,
    SEC_COST,
    SEC_TRAVEL,
    SEC_HOSTING,
    SEC_SLOTS,
    SEC_SETTLEMENT,
    SEC_COUNT
} CompareSection;

extern const char *const compare_section_titles[SEC_COUNT];

typedef struct CompareRow {
    char *key;          /* owned; machine name for compare.csv, e.g. "group.youth.assigned" */
    char *label;        /* owned; for people, e.g. "youth assigned" */
    CompareSection section;
    CompareKind kind;
    double *values;     /* owned; [nruns], NaN = not applicable / no plan */
    char **texts;       /* owned; [nruns] for CMP_TEXT rows, else NULL */
} CompareRow;

typedef struct CompareTable {
    int nruns;
    char **runs;        /* owned; [nruns] run names, base first */
    CompareRow *rows;   /* owned; in section order */
    int nrows;
} CompareTable;

/* Builds the table of runs[0..nruns) (runs[0] the base) into *t. Rows
 * per home municipality cover every code with participants in some run;
 * hosting rows every code hosting in some run; codes in strcmp order, named
 * from the first run that has them. Returns 0, or −1 on out-of-memory (t
 * left empty). */
int compare_table_build(const CompareRun *runs, int nruns, CompareTable *t);

/* The row with this key, or NULL. */
const CompareRow *compare_table_find(const CompareTable *t, const char *key);

/* Value of run r minus the base's value: NaN when either is NaN or the row
 * is CMP_TEXT. */
double compare_delta(const CompareRow *row, int r);

/* Frees everything; accepts a zeroed table. */
void compare_table_release(CompareTable *t);

#endif
