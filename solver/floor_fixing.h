/*
 * floor_fixing.h — column bounds that level 1's LP relaxation implies for
 * every plan meeting level 2's value floor (reduced-cost fixing across the
 * two levels).
 *
 * Level 2 keeps only plans whose value meets the floor row Σ a·X ≥ L
 * (tag 'v', solver/build.c). For any row multipliers y, with reduced costs
 * d = a − Aᵀy, the identity Σ a·X = Σ_i y_i·(row i) + Σ_j d_j·X_j bounds
 * each term by its value at the side of row i, or the bound of X_j, that
 * the sign of y_i or d_j points to; D is the sum of those maxima. A plan
 * meeting the floor therefore has
 *
 *     Σ_j |d_j| · (distance of X_j from that bound) ≤ D − L,
 *
 * and an integer X_j moves at most ⌊(D − L) / |d_j|⌋ from it. With y the
 * duals of the LP maximising the floor row, D is the LP's optimum; where
 * level 1's LP is tight (kronoberg 2 000: both 9 553 units), every integer
 * column with a reduced cost is fixed. The LP relaxation of level 2 is then
 * not changed (it already lies on level 1's optimal face; with D > L the
 * rounding down tightens it), but GLPK's cuts and presolve see the fixed
 * columns: glpsol proved the level-2
 * program of kronoberg 2 000 in 18.6 s with them and left it at a 2.4 %
 * gap in 40 s without (bench/RESULTS.md, thirty-fourth session).
 *
 * D is summed from the duals as they are (not from GLPK's objective), so
 * the bounds hold whatever the LP's accuracy: only rounding in the sums,
 * covered by a margin, is trusted.
 */
#ifndef SAMPLAN_FLOOR_FIXING_H
#define SAMPLAN_FLOOR_FIXING_H

#include <stddef.h>

#include "mip.h"

/* Tightens the bounds of mip's integer columns to those its floor row
 * implies through the LP relaxation maximising that row, solved within
 * `seconds`. start is a plan meeting the floor: should a bound cut it off
 * (it cannot but for rounding), every bound is left as it was. Returns
 * the number of columns tightened — 0 when mip has no floor row or the LP
 * was not solved in time — or −1 on a GLPK failure or out-of-memory, with
 * a message in err. */
int floor_fix_columns(Mip *mip, const double *start, double seconds, char *err, size_t errsz);

#endif
