/*
 * plan_agree.h — the plan files' totals against each other, for `report`.
 *
 * A plan edited by hand in one file and not the others gave a report that
 * contradicted itself with exit 0: a target-group table adding up to 1 173
 * of 200 participants, "infeasible — no plan was found" above a full
 * schedule, a host with 108 participants where assignments.csv has 17, a
 * gross payment its net transfers did not match (independent tester,
 * twenty-eighth session). io/plan_read.c checks the counts and the
 * placements; these are the rest that the plan files alone can settle.
 */
#ifndef SAMPLAN_PLAN_AGREE_H
#define SAMPLAN_PLAN_AGREE_H

#include "../model/diag.h"
#include "plan_read.h"

/* Checks, with a diagnostic for each disagreement (at most a few per
 * kind):
 * - summary.json's by_group, by_gender and by_home (and by_track's
 *   assigned) add up to its assigned and unassigned;
 * - a status without a plan (infeasible, error) has no one assigned;
 * - cost = hosting_cost + travel_cost, and travel_cost = the sum of
 *   assignments.csv's costs, when summary.json gives them;
 * - each schedule.csv row has as many participants as assignments.csv
 *   assigns to its cohort (track, host, start week), a course row with
 *   participants has a group, every assigned participant's cohort has a
 *   row, and summary.json's cohorts (when given) is their number;
 * - an assigned row's start week is not after its end week;
 * - settlement.csv's gross rows are between two municipalities, each pair
 *   once, and its net rows are the gross rows' balances.
 * Returns 0, 2 (diagnostics) or 1 (out of memory). */
int plan_agree_check(const PlanRead *pr, const char *dir, DiagList *diags);

#endif
