/*
 * fixed_counts.h — the level-2 program with every group count fixed,
 * solved by GLPK's branch-and-cut: what turns a screen's move whose LP
 * optimum is fractional (screen.c) and the strong LP's rounded group
 * counts (lp_round.c) into a plan. With the counts fixed, the link rows
 * x ≤ L·g bound single columns, and GLPK's presolve drops every cohort
 * that does not run.
 */
#ifndef SAMPLAN_FIXED_COUNTS_H
#define SAMPLAN_FIXED_COUNTS_H

#include "glpk_run.h"

/* Solves mip with each group-count column fixed at sol's value, within
 * `seconds`, with base's clock and gap (quiet, no start). Returns 1 when
 * GLPK found a solution (sol then holds it in every column; it meets
 * every row but those over group counts alone, which the restriction
 * leaves out: the caller checks the plan), 0 when not (sol's other
 * columns undefined), −1 when GLPK failed or memory ran out. *stop (may
 * be NULL): how GLPK ended, STOP_NONE when what it found (or that there
 * is nothing) is proven. */
int fixed_counts_solve(const Mip *mip, double *sol, const RunRequest *base, double seconds, RunStop *stop);

#endif
