/*
 * greedy.h — a fast plan builder without GLPK.
 *
 * Builds a valid plan (SPEC §2) in O(participants × options): a starting
 * plan for the MIP, a fallback when there is no time to solve, and a
 * baseline that mimics the manual "gross list" (bruttolista) practice for
 * benchmarks. The plan is always valid but not optimal: it is a lower bound
 * on the optimum's value.
 */
#ifndef SAMPLAN_GREEDY_H
#define SAMPLAN_GREEDY_H

#include <stdatomic.h>

#include "../model/plan.h"
#include "../model/scenario.h"

typedef enum GreedyOrder {
    /* participants by descending best value, then input order: a strong
     * starting plan for the MIP */
    GREEDY_BEST_VALUE,
    /* input order, first listed track, nearest host, earliest start, first
     * free slot: mimics the manual gross list (bruttolista) practice, a
     * baseline for benchmarks */
    GREEDY_GROSS_LIST,
    /* as GREEDY_BEST_VALUE, but among participants of equal value those
     * with the fewest admissible (track, host, start) options go first:
     * the most constrained are placed before the flexible take their places */
    GREEDY_FEWEST_OPTIONS,
    /* as GREEDY_FEWEST_OPTIONS with the most options first: placed the most
     * on national 50 000, where every centre within reach of those left out
     * is full */
    GREEDY_MOST_OPTIONS,
    /* as GREEDY_FEWEST_OPTIONS, but a participant joins a cohort that
     * already has members before opening an empty one: saves the centres'
     * groups (national 5 000: 3 908.7 against 3 793.9) */
    GREEDY_FEWEST_JOIN_OPEN
} GreedyOrder;

/* Builds a valid plan (SPEC §2) quickly, O(participants × options).
 * Returns 0 and *out (owned by the caller, freed with plan_free): status
 * PLAN_FEASIBLE, value/cost/hosting_cost filled, per-assignment
 * value/cost/travel/slots filled like solver/extract.c does, bound = value,
 * gap 0 (the caller overwrites bound/gap), reasons NULL (see
 * plan_fill_reasons). Returns −1 on out-of-memory (*out untouched). */
int greedy_plan(const Scenario *s, GreedyOrder order, Plan **out);

/* greedy_plan that stops placing participants once clock_seconds() passes
 * deadline (0: never): those not yet placed stay unassigned, and the plan
 * is valid all the same. The first plan of a solve, the
 * answer when the time limit leaves nothing else, takes 2 s on a
 * capacity-tight national 5 000 and made `--time-limit 0.2` end at 1.97 s
 * (independent audit, twenty-second session). */
int greedy_plan_until(const Scenario *s, GreedyOrder order, double deadline, Plan **out);

typedef struct GreedySearchStats {
    double start_value, end_value; /* before trimming value-0 members */
    long steps, kept;
    double seconds;
} GreedySearchStats;

/* greedy_plan(s, order), then ruin and recreate (solver/greedy_search.c)
 * for about `seconds`: the plan's value never falls, nor its cost at
 * equal value. The steps are drawn from `seed`. Same contract as
 * greedy_plan; stats (may be NULL) say what the search did. */
int greedy_search(const Scenario *s, GreedyOrder order, double seconds, unsigned long seed, Plan **out,
                  GreedySearchStats *stats);

/* A page the greedy search shares with the process that bounds its
 * value (solver/bound_alongside.c): the search writes its plan's value
 * there whenever it rises, and the other process aims its steps at it;
 * that process sets `enough` once its bound shows the value proven, or
 * within the run's gap (`--gap`), and the search then stops. `bound` and
 * `gap` are set before the search: a bound on the plan's value known
 * beforehand (HUGE_VAL: none) and the gap (0: none); the search stops by
 * itself once its value reaches that bound or comes within the gap of
 * it (mip_value_done). */
typedef struct LiveShare {
    _Atomic double value; /* C11 atomics, lock-free on the platforms we build for,
                             and so safe on a page two processes share */
    atomic_int enough;
    double bound, gap;
    double progress_from; /* the clock_seconds() the progress lines count
                             from; < 0: no progress lines (--quiet) */
    atomic_int bound_done; /* 1 when no bound runs beside the search (none
                              was started, or it has finished) */
} LiveShare;

/* As greedy_search, sharing the plan's value through *live (NULL: no
 * one to share with) and stopping when live->enough is set, or when the
 * value reaches live->bound or comes within live->gap of it, or, once
 * live->bound_done, when the value has not risen for as long as it took
 * to reach its last gain (at least SEARCH_STALL_MIN_S): region search
 * then has the rest of level 1. With
 * live->progress_from ≥ 0 it prints a progress line to stderr about once
 * a second: on national 50 000 the search takes a minute. */
int greedy_search_live(const Scenario *s, GreedyOrder order, double seconds, unsigned long seed,
                       LiveShare *live, Plan **out, GreedySearchStats *stats);

/* The search's progress line on stderr, in the form of the solve's others
 * (solver/glpk_run.c, solver/lns.c): seconds since clock_start (a
 * clock_seconds() value), the plan's value, and the value it began from. */
void greedy_progress_line(double clock_start, double value, double from);

#endif
