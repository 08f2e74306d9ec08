/*
 * lp_round.h — a second start for region search at the cost level, from
 * the strong LP relaxation (lns.c).
 *
 * Screens stop at a plan no single, swap or three-course move improves.
 * On OR-Library capb that plan (+0.74 %) shares 2 of its 8 warehouses
 * with the optimum, while the LP relaxation with its link rows opens 22
 * warehouses in part, all 8 of the optimum among them (bench/RESULTS.md,
 * thirty-fifth session). Every course the LP runs in part, run in whole
 * groups, is mostly a plan (the LP's assignments fit it, though a
 * centre's max_groups or a track's min_group may not), and closing
 * courses one by one from there is a descent screens make.
 */
#ifndef SAMPLAN_LP_ROUND_H
#define SAMPLAN_LP_ROUND_H

#include "glpk_run.h"

typedef struct LpRoundInfo {
    int solved;        /* the LP was solved to optimality */
    double lp_cost;    /* its optimum: a bound on the level's cost */
    double lp_bound;   /* a bound on the cost even when the LP was not solved
                          in time (LazyLpInfo.bound), -HUGE_VAL without one */
    double lp_s;       /* seconds it took */
    int rounds, added, held; /* LazyLpInfo's */
    int found;         /* the rounded counts gave a plan */
    double cost;       /* its cost */
    int courses;       /* group counts positive in the plan found */
    double threshold;  /* fractions above it were rounded up, the others down */
} LpRoundInfo;

/* The level-2 program mip's LP relaxation (link rows added as the simplex
 * breaks them, within lp_seconds), each group count rounded up (or, when
 * no plan has those counts, up from a larger fraction only), and the
 * program with those counts solved by GLPK (within round_seconds). 1 and
 * plan[ncols] (a plan of mip, its value floor and budget held exactly) when
 * both worked; 0 when the LP was not solved in time or the rounded counts
 * gave no plan; −1 when GLPK failed or memory ran out (message in err).
 * base: the level's request (its clock and gap). lp_x (may be NULL):
 * the LP's optimum, [ncols], once solved. info: what happened. */
int lp_round_plan(const Mip *mip, const RunRequest *base, double lp_seconds, double round_seconds, double *plan,
                  double *lp_x, LpRoundInfo *info, char *err, size_t errsz);

#endif
