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

#endif
