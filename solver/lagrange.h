/*
 * lagrange.h — an upper bound on the level-1 value of a program that GLPK
 * cannot bound itself (national cooperation: its first LP does not finish),
 * by Lagrangian relaxation with integer cohorts.
 *
 * The capacity rows (class, seats, groups, slots) move into the objective
 * with non-negative prices; what is left splits into one small problem per
 * cohort — how many groups to open and which classes to take, with
 * min_group, max_group and the link rows kept and the group count
 * integer — solved exactly by sorting. Any prices give a valid bound, and
 * because each cohort keeps its integer group count the best of them can
 * lie below the LP relaxation (docs/model.md, "The value bound").
 */
#ifndef SAMPLAN_LAGRANGE_H
#define SAMPLAN_LAGRANGE_H

#include <stdatomic.h>

#include "mip.h"

typedef struct LagrangeStats {
    int iterations;
    double seconds;
    double first_bound; /* the bound at the starting prices (each class at its best value) */
    double restarted_at; /* seconds into the search when it started again with gentler steps, or 0 */
    int market_steps;      /* steps of the market phase (included in iterations) */
    double market_seconds; /* its time, from the start of the search (set-up included) */
    double market_bound;   /* its best bound, rounded as the result is; 0 when it did not run,
                              HUGE_VAL when it found none (an unbounded column) */
} LagrangeStats;

/* An upper bound on max Σ value·x over the integer points of mip (a
 * program of solver/build.c, or one of its blocks, without a value-floor
 * row), improved by subgradient steps for at most `seconds`: first on
 * the capacity prices alone, each class priced at its best candidate
 * (the market phase: half the time at most, all of it when the rest
 * could not allow the full search a thousand steps), then on all of
 * them from the market phase's best prices. It stops
 * early when it reaches `target` (the value of a known plan), on Ctrl-C
 * (solver_interrupted), and while still not below `known` (a bound
 * already had, or the market phase's when there was one; HUGE_VAL for
 * none, and then it never gives its time back) at half its
 * time (half the time left after a restart) unless its trend shows it
 * getting there in time, or after its first steps (ten, then a hundred)
 * when they show that it cannot take the thousand it needs. A search still at its starting bound after a
 * quarter of its time and two thousand steps, or with its step size spent,
 * starts again once with smaller steps, when its time allows two
 * thousand more. When every value
 * is a multiple of 10^−value_digits (≥ 0), the bound is rounded down to
 * one. Rows it does not recognise are left out, which only loosens it.
 * Returns HUGE_VAL when memory runs out, when the program's shape is not
 * the one build.c writes, or when, with a `known` bound, `seconds` could
 * not allow two hundred market steps even at 1.6–2.5 × this machine's
 * pace (it is then not begun). st may be NULL. */
double lagrange_bound(const Mip *mip, double target, double known, int value_digits, double seconds,
                      LagrangeStats *st);

/* As lagrange_bound, with a target that rises while the search runs: at
 * each step the greater of `target` and *live − live_offset, where *live
 * (NULL: none) is a plan's value that another process raises as it
 * improves the plan (the greedy search, solver/bound_alongside.c) and
 * live_offset the part of it that lies outside mip. With gap > 0 the
 * search also stops once the bound is within that relative gap of the
 * target, (bound − target) ≤ gap · max(1, |bound|): `--gap` asks no
 * closer. */
double lagrange_bound_live(const Mip *mip, double target, const _Atomic double *live, double live_offset,
                           double gap, double known, int value_digits, double seconds, LagrangeStats *st);

#endif
