/*
 * price_start.h — a starting plan for a program with a budget row, from a
 * price on cost (see price_start.c).
 */
#ifndef SAMPLAN_PRICE_START_H
#define SAMPLAN_PRICE_START_H

#include "glpk_run.h"

/* The index of mip's budget row (tag 'b', an upper bound), or −1. */
int price_budget_row(const Mip *mip);

/* Looks for a plan of mip (which has a budget row) of high value within
 * `seconds`, by solving the program without its budget row for value −
 * λ·cost at prices λ chosen by bisection; base gives the clock and the
 * progress label (runs are quiet). Writes the best plan found that meets
 * every row of mip, the budget included, into x[ncols] and returns 1;
 * returns 0 when none was found (x unchanged), −1 with a message in err
 * on a GLPK failure or when memory runs out. */
int price_start(const Mip *mip, const RunRequest *base, double seconds, double *x, char *err, size_t errsz);

#endif
