/*
 * extract.h — turning column values of the integer program into a Plan.
 */
#ifndef SAMPLAN_EXTRACT_H
#define SAMPLAN_EXTRACT_H

#include "../model/plan.h"
#include "build.h"

/* Fills plan (made by plan_new for every participant) from x, the
 * column values of m's program: cohorts, assignments, slots, per-participant
 * value and cost, and the plan's totals. Returns 0, or −1 with a message in
 * err (out of memory, or an inconsistent solution). */
int model_extract_plan(const Model *m, const double *x, Plan *plan, char *err, size_t errsz);

/* Sets every assigned participant's value and cost (SPEC §2: course travel
 * by travel mode, placement travel by slot) and the plan's value, hosting
 * cost and cost from its cohorts and assignments. */
void plan_compute_totals(const Scenario *s, Plan *plan);

#endif
