/*
 * lns.h — improving a plan region by region where the program is too large
 * for GLPK as a whole (see lns.c and docs/model.md).
 */
#ifndef SAMPLAN_LNS_H
#define SAMPLAN_LNS_H

#include "build.h"
#include "glpk_run.h"

/* Programs (or blocks) with more non-zeros than this are improved by
 * region search instead of one GLPK run: national 2 000 with cooperation
 * (0.9 M non-zeros) is the smallest measured where GLPK does not finish
 * the first LP in 500 s, while county instances (≤ 0.1 M) solve whole. */
#define LNS_MIN_NONZEROS 500000

/* Improves req->start (a solution of mip, which is m's program or one of
 * its blocks, columns keeping their meaning) for req->level within
 * req->time_limit_s. Same contract as glpk_solve_level, except that the
 * result always has a solution and never a proof or a bound: stop is
 * STOP_TIME, STOP_INTERRUPT, or STOP_GAP when every region was proven
 * without a gain (a local optimum: running again would not help).
 * Returns 0 or −1 with a message in err. */
int lns_solve(const Model *m, const Mip *mip, const RunRequest *req, RunResult *out, char *err, size_t errsz);

#endif
