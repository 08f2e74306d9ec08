/*
 * screen.h — open and close courses, each move priced by the LP, for
 * region search at the cost level (solver/lns.c).
 *
 * A swap (hood_choose_wide) hands GLPK a few courses near a seed and
 * everyone's assignments, and takes 2.5–4 s of branch-and-cut on
 * OR-Library capb: a 300 s run tries a few dozen of the hundreds of
 * close/open moves there are. With every group count fixed, what is left
 * of the cost level is an LP whose link rows are column bounds (x ≤ L·g);
 * on capb a transport problem, whose optimum is whole. A screen keeps
 * that LP in GLPK and prices each move — close a course, open one, or
 * close one and open one of the nearest in the other state — by changing
 * a few bounds and re-solving from the last basis.
 */
#ifndef SAMPLAN_SCREEN_H
#define SAMPLAN_SCREEN_H

#include "glpk_run.h"
#include "hood.h"

typedef struct ScreenOutcome {
    int improved; /* the plan was changed to a cheaper one */
    int proven;   /* every move from every seed was priced without a gain */
    int next;     /* the seed position (in h->seeds) the next screen starts at */
    int quiet;    /* seeds whose moves were all priced since the last gain */
    int priced;   /* LPs solved */
    int dismissed; /* moves the dual test showed cannot gain, not solved */
    int unfit;    /* moves no plan can make (a member's lower bound above
                     what the new group count holds), not solved */
    int moved;    /* courses the gaining move opened or closed (0: none) */
    int audited;  /* screen_audit: moves solved to check the dual test */
    int violations; /* screen_audit: of those, bounds above the LP optimum */
} ScreenOutcome;

/* Improves plan x (in place) of h->mip, a level-2 program (with its
 * value floor), by moves priced from seed position `first` on, within
 * `seconds`; `quiet` seeds before `first` were priced without a gain
 * from this plan by earlier screens. It returns at its first gain (the
 * next screen goes on from the new plan). A move whose LP optimum costs less and is whole is taken at
 * once; one whose optimum costs less but is fractional is given to
 * GLPK's branch-and-cut with every group count fixed. x stays a plan of
 * h->mip whatever happens. req: the level's request (its clock, gap and
 * labels). Returns 0, or −1 with a message in err when GLPK failed or
 * memory ran out before any gain. */
/* For tests: when set, every move is solved, even one the dual test
 * dismisses (still counted in ScreenOutcome.dismissed, and not taken),
 * and each solved move's bound is checked against its LP optimum
 * (ScreenOutcome.audited, .violations). */
extern int screen_audit;

int screen_run(Hoods *h, const RunRequest *req, double *x, int first, int quiet, double seconds,
               ScreenOutcome *out, char *err, size_t errsz);

#endif
