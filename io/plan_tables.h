/*
 * plan_tables.h — the per-row CSV files of a plan directory (SPEC §3):
 * assignments.csv, schedule.csv and placements.csv. settlement.csv is in
 * settlement.h, summary.json in summary_json.h.
 *
 * The writers only format; plan_write() opens the files and checks errors.
 * Participant counts of cohorts are recounted from the assignments, so the
 * files agree with each other whatever PlanCohort.participants holds.
 */
#ifndef SAMPLAN_PLAN_TABLES_H
#define SAMPLAN_PLAN_TABLES_H

#include <stdio.h>

#include "../model/plan.h"
#include "../model/scenario.h"

/* Travel of assigned participant i: TRAVEL_NONE for an unassigned one or a
 * host-less track; the plan's mode otherwise, or when the plan left it
 * TRAVEL_NONE for a track with courses, the mode SPEC §2.3 prescribes. */
TravelMode plan_travel_of(const Scenario *s, const Plan *plan, int i);

/* "commute", "relocate" or NULL. */
const char *travel_mode_name(TravelMode m);

/* Participants per cohort recounted from the assignments, into a newly
 * allocated [ncohorts] array (NULL on out-of-memory). */
int *plan_cohort_sizes(const Plan *plan);

/* Cohort indices sorted by (start week, track index, host code), newly
 * allocated [ncohorts] (NULL on out-of-memory). */
int *plan_cohort_order(const Scenario *s, const Plan *plan);

/* assignments.csv: one row per participant in input order.
 * reasons[i] is the reason text of unassigned participant i (may be NULL).
 * Returns 0, or −1 on out-of-memory. */
int plan_write_assignments(const Scenario *s, const Plan *plan,
                           const char *const *reasons, FILE *f);

/* schedule.csv: one row per module of each opened cohort, in
 * plan_cohort_order. sizes from plan_cohort_sizes; order may be NULL (plan
 * order). */
void plan_write_schedule(const Scenario *s, const Plan *plan, const int *sizes,
                         const int *order, FILE *f);

/* placements.csv: one row per (assigned participant, placement module), in
 * participant then module order. */
void plan_write_placements(const Scenario *s, const Plan *plan, FILE *f);

#endif
