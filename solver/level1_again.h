/*
 * level1_again.h — the time level 2 leaves, given back to level 1.
 *
 * Level 1 gets three quarters of the time (solver/solve.c); when it stops
 * there unproven and level 2 then proves its cost early, the rest of the
 * limit would go unused and the run end `feasible` before any limit,
 * which SPEC §3 does not allow (a time limit, a gap or Ctrl-C are its
 * only reasons). tests/fixtures/budget_rounding ended so at 6.9 s of 10.
 */
#ifndef SAMPLAN_LEVEL1_AGAIN_H
#define SAMPLAN_LEVEL1_AGAIN_H

#include <stddef.h>

#include "parts.h"

/* After level 2: while time is left before `deadline` and some part's
 * level 1 stopped by time (not settled), level 1 runs again on those
 * parts from their level-1 plans (Part.x1, parts_keep_level1), the value
 * floor still in place (every plan it cuts off is worse than the one
 * held). A part that gains value gets its floor moved up and level 2
 * again, until `deadline` (workers killed at kill_at as in
 * parts_run_level); one that gains nothing keeps its level-2 plan, and
 * whatever bound or proof the run found. Parts must not trade the value
 * allowance (parts_allowance_tradable: their floors are exact). Returns
 * 0, or −1 with a message in err. */
int parts_level1_again(Part *parts, int n, const RunRequest *base, int value_digits, double deadline,
                       double kill_at, int jobs, char *err, size_t errsz);

#endif
