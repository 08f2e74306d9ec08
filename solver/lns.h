/*
 * lns.h — improving a plan region by region where the program is too large
 * for GLPK as a whole (see lns.c and docs/model.md).
 */
#ifndef SAMPLAN_LNS_H
#define SAMPLAN_LNS_H

#include "build.h"
#include "glpk_run.h"

/* Programs (or blocks) with more non-zeros than this are improved by
 * region search instead of one GLPK run. From national 500 with
 * cooperation (0.27 M non-zeros) up, GLPK does not finish its first LP
 * in a planner's time (national 2 000, 0.9 M: not in 500 s), and region
 * search gave better plans at every size measured (national 500, 20 s:
 * GLPK 351, region search 417.6; bench/RESULTS.md); county programs
 * (kronoberg up to 10 000 participants: 31 k) are solved whole. */
#define LNS_MIN_NONZEROS 100000

/* 1 when a program (or block) goes to region search: beyond
 * LNS_MIN_NONZEROS, or always with SAMPLAN_REGION_SEARCH=N (first region
 * size) in the environment: tests run it on small random scenarios. */
int lns_wanted(const Mip *mip);

/* Programs (or blocks) from this many non-zeros up to LNS_MIN_NONZEROS
 * may get an LP-guided neighbourhood of their start before GLPK's level 1
 * (RunRequest.lp_probe; solver/parts.c level1_probe says when). Below it
 * GLPK proves level 1 in well under a second (sikt-inland 200: 2 406). */
#define LNS_PROBE_MIN_NONZEROS 5000

/* 1 when a program (or block) is one for the probe (above). */
int lns_probe_wanted(const Mip *mip);

/* Improves req->start (a solution of mip, which is m's program or one of
 * its blocks, columns keeping their meaning) for req->level within
 * req->time_limit_s; also used at level 2 beside GLPK on programs below
 * LNS_MIN_NONZEROS (solver/parts.c). Same contract as glpk_solve_level,
 * except that the result always has a solution and never a proof or a
 * bound: stop is STOP_TIME, STOP_INTERRUPT, or STOP_GAP when every seed
 * of every kind in use was proven without a gain and no region runs (a
 * local optimum of these neighbourhoods, not a proof: running again would
 * not help).
 * A region GLPK fails on is skipped, and a lost worker ends the search
 * with the plan so far (each is said on stderr). Returns 0, or −1 with a
 * message in err when memory runs out before the search starts. */
int lns_solve(const Model *m, const Mip *mip, const RunRequest *req, RunResult *out, char *err, size_t errsz);

#endif
