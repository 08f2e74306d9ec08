/*
 * solve.h — the lexicographic solve of SPEC §2: level 1 maximises value
 * (within max_cost), level 2 minimises cost among plans whose value is
 * within 1e-6·max(1, V*) of the level-1 value. Time limit and gap apply
 * to both levels together; a stop keeps the best plan found.
 */
#ifndef SAMPLAN_SOLVE_H
#define SAMPLAN_SOLVE_H

#include <stddef.h>

#include "../model/plan.h"
#include "../model/scenario.h"

typedef struct SolveOptions {
    double time_limit_s;  /* whole solve, both levels */
    double mip_gap;       /* relative gap at which each level may stop */
    int quiet;            /* no progress on stderr */
    double clock_start;   /* clock_seconds() at the command's start */
    int jobs;             /* parallel jobs for independent blocks; 0 = automatic */
} SolveOptions;

typedef struct SolveStats {
    int rows, cols;
    size_t nnz;
    int participant_classes, origins, slot_classes;
    long cohorts;
    int pairs, demands;
    int value_digits;
    double build_s, level1_s, level2_s;
    double bound_s;       /* Lagrangian bound after level 1 (solver/lagrange.h) */
    double bound_alongside_s; /* the same bound in a second process during the greedy search
                                 (solver/bound_alongside.h), 0 if none */
    double level1_value, level1_bound;
    double level1_again_s; /* level 1 again (and level 2 after a gain) in the time level 2
                              left (solver/level1_again.h), 0 if none */
    double greedy_value;  /* value of the best greedy plan (0 if none) */
    double search_s;      /* seconds of greedy search (solver/greedy_search.c), 0 if none */
    int blocks;           /* independent blocks solved one by one (1 = whole) */
    int floor_fixed;      /* columns level 1's LP fixed for level 2 (solver/floor_fixing.h) */
} SolveStats;

/* Solves s. On success returns 0 and sets *out to a plan (status optimal
 * or feasible). Returns 1 with a message in err on solver failure or
 * out-of-memory. */
int solve_scenario(const Scenario *s, const SolveOptions *opt, Plan **out, SolveStats *stats, char *err,
                   size_t errsz);

/* A bound on the value put on the grid of values a plan can have when
 * every value is a multiple of 10^-digits (digits ≥ 0; < 0: unchanged):
 * GLPK's sum of a proven optimum comes out as 146.60000000000008. Rounded
 * to the nearest multiple when within rounding error of it (a bound a
 * rounding error below the optimum must not lose a whole step), else
 * down, which stays a bound: no plan's value lies in between. */
double solve_bound_on_grid(double bound, int digits);

/* Sets plan's cost_bound and cost_gap (model/plan.h) from `bound`, a
 * proven lower bound on the least cost (NAN: none; solver/parts.h
 * parts_cost_bound): the cost itself and 0 when the plan is optimal;
 * else the bound lowered by a margin for the LP's tolerances and rounded
 * down to whole öre, so that what is said stays true; NAN when only the
 * trivial 0 is known, or when the bound lies above the plan's cost (a
 * contradiction: the plan is a plan of the program bounded). */
void plan_set_cost_bound(Plan *plan, double bound);

/* Builds the level-1 program and writes it as CPLEX LP (mps = 0) or free
 * MPS (mps = 1); plain = 1 writes the unreduced program, one variable per
 * participant and option. Returns 0, or 1 with a message in err. */
int export_program(const Scenario *s, int plain, int mps, const char *path, SolveStats *stats, char *err,
                   size_t errsz);

#endif
