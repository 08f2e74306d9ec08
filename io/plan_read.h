/*
 * plan_read.h — reading a plan directory (SPEC §3) back, for reports.
 *
 * Only the plan directory is needed, never the scenario: summary.json gives
 * the scenario's name, variant, status, figures, start Monday, weeks and
 * week_dates; the four CSV files give the rows. Everything is checked as it
 * is read (required keys and columns, integers where integers are expected,
 * weeks inside 1..W, known status and kind words), so a report never shows
 * half-understood data. Problems go to a DiagList as
 * "DIR/file.csv:LINE:COL: what was expected, got 'X'" (JSON: jansson's
 * position for syntax errors, the key for type errors).
 *
 * Names are not part of the SPEC §3 files. Read when present: summary.json
 * "names" = {"municipalities": {code: name}, "tracks": {id: name}}; without
 * it, municipality names come from the tables of report.md written by
 * solve next to the plan (best effort); without either, reports show codes.
 *
 * Sizes: a national plan has ~10^4 assignments and ~10^3 schedule rows; all
 * rows are kept in memory.
 */
#ifndef SAMPLAN_PLAN_READ_H
#define SAMPLAN_PLAN_READ_H

#include <jansson.h>

#include "../model/diag.h"

/* One key of by_group / by_gender / by_home / by_track. */
typedef struct PlanCount {
    const char *key;  /* borrowed from the summary */
    long assigned;
    long unassigned;  /* by_track: 0 */
    long cohorts;     /* by_track only, else −1 */
} PlanCount;

typedef struct PlanCounts {
    PlanCount *items; /* owned; [n], in summary.json's order */
    int n;
} PlanCounts;

typedef struct PlanAssignmentRow {
    const char *participant, *track, *host, *travel, *slots, *reason; /* owned by the arena */
    int assigned;      /* 1 assigned, 0 unassigned */
    int rank;          /* 0 when empty */
    int start_week, end_week; /* 0 when empty */
    double cost;       /* SEK */
    long line;         /* line in assignments.csv */
} PlanAssignmentRow;

typedef struct PlanScheduleRow {
    const char *track, *host, *module; /* host "" for host-less tracks */
    int start_week, seq;
    int course;        /* 1 course, 0 placement */
    int from_week, to_week;
    int groups, participants;
    long line;         /* line in schedule.csv */
} PlanScheduleRow;

typedef struct PlanPlacementRow {
    const char *slot, *participant, *track;
    int from_week, to_week;
    long line;         /* line in placements.csv */
} PlanPlacementRow;

typedef struct PlanSettlementRow {
    int net;                /* 1 net transfer, 0 gross */
    const char *payer, *payee;
    long participant_weeks; /* −1 when empty (net rows) */
    double amount;          /* SEK */
    long line;              /* line in settlement.csv */
} PlanSettlementRow;

typedef struct PlanRead {
    json_t *summary;        /* owned; the parsed summary.json */
    const char *scenario;   /* borrowed from summary; never NULL */
    const char *variant;    /* borrowed; NULL for the base */
    const char *status;     /* borrowed; "optimal", "feasible", … */
    double value, cost, bound, gap, seconds; /* NAN when null */
    double hosting_cost, travel_cost;        /* NAN when absent or null */
    double cost_bound, cost_gap;             /* likewise (plans before these keys) */
    long assigned, unassigned;
    long cohorts, groups;   /* −1 when absent */
    int cooperation;        /* 1, 0, or −1 when absent */
    char start[11];         /* Monday of week 1, YYYY-MM-DD */
    int weeks;              /* W ≥ 1 */
    char (*week_dates)[11]; /* owned; [weeks + 1], Monday of week w at [w] */
    PlanCounts by_group, by_gender, by_home, by_track;
    json_t *municipality_names; /* borrowed object code → name, or NULL */
    json_t *names_owned;        /* owned; names read from report.md, or NULL */
    json_t *track_names;        /* borrowed object id → name, or NULL */

    PlanAssignmentRow *assignments; int nassignments;
    PlanScheduleRow *schedule;      int nschedule;
    PlanPlacementRow *placements;   int nplacements;
    PlanSettlementRow *settlement;  int nsettlement;

    int caps[4];            /* allocated rows of the four tables above */
    char **strings;         /* owned arena of every row string */
    size_t nstrings, capstrings;
} PlanRead;

/* Reads the plan directory dir. Returns 0 and sets *out (free with
 * plan_read_free); 2 when dir is missing, not a directory, not a plan
 * directory (no summary.json) or a file is malformed (diagnostics naming
 * the file, line and column); 1 on out-of-memory or an I/O error (also
 * described in diags). *out is left NULL on failure. */
int plan_read(const char *dir, PlanRead **out, DiagList *diags);

/* Name of a municipality code / track id from summary.json "names", or
 * NULL when unknown. */
const char *plan_read_municipality_name(const PlanRead *pr, const char *code);
const char *plan_read_track_name(const PlanRead *pr, const char *id);

/* Frees everything; accepts NULL. */
void plan_read_free(PlanRead *pr);

#endif
