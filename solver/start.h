/*
 * start.h — a known plan as values of the program's columns, so GLPK can
 * start from it (an incumbent from the first node: it prunes the tree at
 * once, and a stop at a limit still returns at least this plan).
 */
#ifndef SAMPLAN_START_H
#define SAMPLAN_START_H

#include "../model/plan.h"
#include "build.h"

/* Fills x[ncols] with the column values that represent plan in m's
 * program. Returns 0, or −1 when the plan uses an option the program does
 * not have (then x is unspecified and must not be used). */
int model_columns_from_plan(const Model *m, const Plan *plan, double *x);

#endif
