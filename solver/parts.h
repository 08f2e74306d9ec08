/*
 * parts.h — the blocks of a program (solver/blocks.h) as units of the
 * solve loop: each block's best plan so far, its bound and what has been
 * proven, and the runs of one level over all blocks — in rounds, in
 * parallel worker processes, racing two column orders on a lone block.
 */
#ifndef SAMPLAN_PARTS_H
#define SAMPLAN_PARTS_H

#include <stddef.h>

#include "blocks.h"
#include "build.h"
#include "glpk_run.h"

/* One block of the program (solver/blocks.h) — the whole program when it
 * does not split — and where its solve stands. */
typedef struct Part {
    const Model *model; /* what the columns mean (region search) */
    Mip *mip;
    const int *col;     /* block column → whole column, NULL for the whole */
    double *fallback;   /* greedy plan on this block's columns, or NULL */
    double *x;          /* best solution so far (this block's columns) */
    double weight;      /* share of the time: non-zeros + columns */
    double value;       /* level-1 value of x */
    double bound;       /* proven bound on the value, HUGE_VAL if none */
    double alongside;   /* the bound computed alongside the greedy search
                           (solver/bound_alongside.h), HUGE_VAL if none */
    double trivial;     /* the trivial bound (part_trivial_bound) once
                           part_settle_by_bound has it, else HUGE_VAL */
    double cost_bound;  /* proven lower bound on the cost of every plan of
                           this block that meets its level-2 value floor:
                           the least cost when cost_proven, else GLPK's
                           tree bound or the descent's LP optimum
                           (solver/lns.c), at least the trivial
                           parts_trivial_cost_bound; see parts_cost_bound */
    int value_proven;   /* level 1 finished its search */
    int cost_proven;    /* level 2 finished, or was not needed */
    int interrupted;
    int runs;           /* level-1 runs so far */
    int settled1;       /* level 1 needs no further run: proven, stopped at the gap, or Ctrl-C */
    int settled2;       /* likewise for level 2 */
    int floor_added;    /* the level-2 value floor row is in mip */
    double floor;       /* its right-hand side, in value units */
    double *x1;         /* the level-1 plan, kept when level 2 may trade value (parts_keep_level1) */
    double value1;      /* its value */
} Part;

/* One Part per block (or one for the whole program when blocks->n = 1 and
 * its block is empty). Each part's fallback is the best of the starting
 * plans (whole columns; NULL entries skipped) on its own columns; parts are
 * sorted smallest first. Returns 0 or −1 on out-of-memory (*out is set
 * either way, for parts_free). */
int parts_init(Model *m, Blocks *blocks, const double *const *starts, int nstarts, Part **out);

void parts_free(Part *parts, int n);

/* Runs `level` on every part not yet settled, until `until` (monotonic
 * seconds), `jobs` workers at a time. Workers still running at `kill_at`
 * (0 = never) are killed: their parts keep the plans they started from.
 * Parts that go to region search are never killed: it keeps its time.
 * Returns 0, or −1 with a message in err. */
int parts_run_level(Part *parts, int n, int level, const RunRequest *base, double until, double kill_at,
                    int jobs, char *err, size_t errsz);

/* Settles level 1 of pt before it runs, on its best starting plan, when
 * that plan reaches the trivial bound or pt->alongside (proven), or, on a
 * part for region search (which proves nothing, where GLPK stops at the
 * gap by itself) with gap > 0 (`--gap`), comes within that relative gap
 * of the lesser of them, (bound − value) ≤ gap · max(1, |bound|);
 * pt->bound is then that bound. Keeps the trivial bound in pt->trivial
 * (best: scratch as for part_trivial_bound). Returns 1 if settled. */
int part_settle_by_bound(Part *pt, const Model *m, double gap, double *best);

/* Parts level 1 never ran (Ctrl-C) take their greedy plan. */
void parts_keep_fallback(Part *parts, int n);

/* Adds part pt's level-2 value floor, target − tol (target: the part's
 * level-1 value, or V* for the whole program), or settles it when its plan
 * costs nothing. Returns 0 or −1 on out-of-memory. */
int part_prepare_level2(Part *pt, int value_digits, double target, double tol);

/* The share of the time to the deadline that level 1's LP may take, over
 * all parts, to fix columns for level 2 (parts_fix_by_floor). Kronoberg
 * 2 000's takes 0.16 s; programs region search solves (national) are
 * skipped. */
#define FLOOR_FIX_SHARE 0.1

/* Tightens the columns of each part with a value floor (those with
 * which[i] set; which NULL: all) to the bounds its floor implies through
 * level 1's LP (solver/floor_fixing.h), within FLOOR_FIX_SHARE of the
 * time to `deadline`: the same plans, fewer for GLPK's level 2 to branch
 * over. Adds the columns tightened to *fixed. A part whose LP fails
 * (said on stderr unless quiet), or runs out of time, is left as it was. */
void parts_fix_by_floor(Part *parts, int n, const unsigned char *which, double deadline, int quiet, int *fixed);

/* 1 when the value SPEC §2 lets level 2 give up, 1e-6·max(1, value),
 * holds at least one step of the value grid (every value a multiple of
 * 10^-value_digits; any amount when value_digits < 0): then the parts
 * must share that allowance as one program, not each keep its own share. */
int parts_allowance_tradable(double value, int value_digits);

/* Keeps each part's level-1 plan (Part.x1) for parts_share_allowance.
 * Returns 0 or −1 on out-of-memory. */
int parts_keep_level1(Part *parts, int n);

/* The parts' level-1 outcome, from their level-1 plans (Part.value1, so
 * after parts_keep_level1): Σ of the values and of the bounds, whether
 * every value is proven, and Σ max(1, value), the weight by which a
 * part's share of the value allowance goes (solve.c, level1_again.c). */
typedef struct Level1Totals {
    double value, bound, weight;
    int proven;
} Level1Totals;
Level1Totals parts_level1_totals(const Part *parts, int n);

/* After a level 2 in which every part had the whole allowance as its own:
 * when the parts' values still add up to `floor` (V* less the allowance)
 * their plans are jointly optimal, since each part's floor in any plan
 * of the whole is at least its V* less the allowance. Else parts go back
 * to their level-1 plans, those that gave up most value first, until the
 * values add up, and no part's cost counts as proven. Returns 1 when the
 * plans were jointly optimal as they stood, 0 when some went back. */
int parts_share_allowance(Part *parts, int n, double floor);

/* Replaces the n parts by one over the whole program (m->mip), holding
 * their plans, values and level-1 outcome; frees the old parts. Returns
 * the new array (n = 1), or NULL on out-of-memory (the old parts are then
 * kept and still owned by the caller). */
Part *parts_merge(Model *m, Part *parts, int n);

/* A lower bound on the cost of SPEC §2's optimal plan (the least cost
 * among plans of value ≥ V* − the allowance): the sum of the parts' cost
 * bounds, each on the plans of its block that meet its value floor. The
 * optimal plan meets every floor when there is one part (its floor, the
 * level-1 value V ≤ V* less the allowance, lets in every plan of value ≥
 * V* − the allowance) or when every part's value is proven (V_p = V*_p:
 * a part's floor keeps either the whole allowance, or a share that buys
 * no step of the value grid, so that the optimal plan has V*_p in each
 * part). Otherwise NAN: a part whose value is not proven may hold less
 * than V*_p in the optimal plan, below its floor. */
double parts_cost_bound(const Part *parts, int n);

/* The least cost a plan of `mip` can have by its columns' bounds alone
 * (0 for samplan's programs; −HUGE_VAL when unbounded): a part's cost
 * bound before level 2 proves a better one. */
double part_trivial_cost_bound(const Mip *mip);

/* A bound on the value of a part's program `mip` (or the whole one) when
 * a search proved none: every class at its best column (best: scratch of
 * npclasses zeros, left zero). */
double part_trivial_bound(const Model *m, const Mip *mip, double *best);

#endif
