/*
 * bound_alongside.h — the Lagrangian value bound (solver/lagrange.h) of
 * the blocks GLPK cannot bound, computed in a second process while the
 * greedy search (solver/greedy_search.c) runs in the first.
 *
 * The search is one process, so on a machine with two cores the other
 * one idled through most of level 1 (thirteenth session); the bound had
 * only the tenth of the limit left after level 1. Alongside the search it
 * gets about six times as long: national 50 000's bound falls from about
 * 28 000 to about 24 000 (bench/RESULTS.md, fourteenth session).
 */
#ifndef SAMPLAN_BOUND_ALONGSIDE_H
#define SAMPLAN_BOUND_ALONGSIDE_H

#include "blocks.h"
#include "build.h"
#include "greedy.h"
#include "workers.h"

typedef struct BoundAlongside {
    Background bg;
    const Model *m;
    const Blocks *blocks;
    const double *start; /* a plan of the whole program: its value per block is the Polyak target */
    double seconds;
    double gap;            /* the run's relative gap (--gap): a bound this close ends the search */
    LiveShare *live;       /* shared with the child (greedy_search_live), or NULL */
} BoundAlongside;

/* 1 when block i of `blocks` is one the bound is computed for: one that
 * goes to region search (lns_wanted), where GLPK proves no bound. */
int bound_alongside_wanted(const Model *m, const Blocks *blocks, int i);

/* Starts the bound of the wanted blocks for `seconds` in all, shared by
 * their size, towards the value `start` (whole columns, may be NULL: a
 * target of 0) has on each — or, with one wanted block, towards the
 * value the search writes to b->live as it goes (less what the start has
 * outside the block), when that is greater. A block's bound stops once
 * it is within `gap` of its target (lagrange_bound_live); with one wanted
 * block it then also sets b->live->enough, which stops the search: the
 * value is as close to the bound as the run asks. m, blocks and start
 * must stay as they are until bound_alongside_finish. Returns 0, or −1
 * when no process could be had (nothing runs then). */
int bound_alongside_start(BoundAlongside *b, const Model *m, const Blocks *blocks, const double *start,
                          double seconds, double gap);

/* The same bounds computed here, in `seconds`, with no search running
 * (no live target): with one process and a gap asked for (`--gap`), the
 * bound is wanted before region search, which stops within the gap of
 * it, not after level 1. Fills bounds[blocks->n] as
 * bound_alongside_finish does; returns the seconds it took. */
double bound_alongside_here(const Model *m, const Blocks *blocks, const double *start, double seconds, double gap,
                            double *bounds);

/* Waits until `deadline` (monotonic seconds) at most, or Ctrl-C, and fills
 * bounds[blocks->n] with each block's bound, HUGE_VAL where there is none
 * (a block not wanted, a bound lost or not finished in time: the process
 * is then killed). Returns the seconds the bound ran, 0 when none came. */
double bound_alongside_finish(BoundAlongside *b, double deadline, double *bounds);

#endif
