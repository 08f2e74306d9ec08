/*
 * summary_json.h — summary.json of a plan directory (SPEC §3), built with
 * jansson.
 *
 * Required keys, in this order: scenario, variant (null for the base),
 * status, value, cost, bound, gap (null when not finite), assigned,
 * unassigned, seconds, by_group, by_gender, by_home — the last three map
 * every group / every gender / every home municipality code that has
 * participants to {"assigned": n, "unassigned": m}.
 * Extras: hosting_cost, travel_cost (Σ participants' travel and
 * accommodation), cost_bound and cost_gap (model/plan.h; null when no
 * bound is known), participants, cooperation, start, weeks, end (the last
 * day, a Sunday), cohorts (opened), groups (Σ g_c), by_track
 * ({"assigned", "cohorts"} per track id), settlement ({"gross", "net"}
 * SEK totals), week_dates (ISO date of the Monday of each week 1..W).
 */
#ifndef SAMPLAN_SUMMARY_JSON_H
#define SAMPLAN_SUMMARY_JSON_H

#include <jansson.h>

#include "../model/plan.h"
#include "../model/scenario.h"
#include "settlement.h"

/* Builds the summary object (new reference), or NULL on out-of-memory.
 * sizes: participants per cohort (plan_cohort_sizes). */
json_t *summary_json_build(const Scenario *s, const Plan *plan, const int *sizes,
                           const Settlement *st);

/* Dumps the object to f with two-space indentation and a final newline;
 * reals in the shortest text that reads back as the same double, always
 * with a fraction or exponent ("5.0", "4.9"). Returns 0 or −1. */
int summary_json_dump(const json_t *summary, FILE *f);

#endif
