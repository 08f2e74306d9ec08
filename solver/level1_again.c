/*
 * level1_again.c — level 1 again in the time level 2 left (level1_again.h).
 */
#include "level1_again.h"

#include "../model/plan.h"
#include "build.h"
#include "glpk_run.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* Passes of level 1 (and level 2 after a gain) at most, and the least time
 * left for one to be worth GLPK's restart from the plan held. A pass
 * that is not the last gives level 1 AGAIN_LEVEL1_SHARE of the time left,
 * as the first level 1 had of its; the last gives it all: level 2 then
 * runs only when level 1 ends early. */
#define AGAIN_MAX_PASSES 3
#define AGAIN_MIN_S 0.5
#define AGAIN_LEVEL1_SHARE 0.75

/* 1 for a part whose level 1 may gain from more time: stopped by its
 * time, not proven, not stopped at the gap or by Ctrl-C. */
static int open_at_level1(const Part *pt)
{
    return !pt->settled1 && !pt->value_proven && !pt->interrupted && pt->x1;
}

/* Moves the floors of the parts that gained value (gained[i]) to their
 * new values less their shares of the allowance, as solve.c first set
 * them (shares by value: the allowance buys no step of the value grid,
 * so any shares are exact), and opens their level 2 again. */
static int move_floors(Part *parts, int n, const unsigned char *gained, int value_digits)
{
    Level1Totals level1 = parts_level1_totals(parts, n);
    double allowance = plan_value_allowance(level1.value);
    for (int i = 0; i < n; i++) {
        Part *pt = &parts[i];
        if (!gained[i])
            continue;
        double tol = allowance * fmax(1.0, pt->value1) / level1.weight;
        /* a part whose level-1 plan cost nothing had no floor */
        if (pt->floor_added ? program_move_value_floor(pt->mip, value_digits, pt->value1, tol)
                            : program_add_value_floor(pt->mip, value_digits, pt->value1, tol))
            return -1;
        pt->floor_added = 1;
        pt->floor = pt->value1 - tol;
        pt->settled2 = pt->cost_proven = 0;
    }
    return 0;
}

int parts_level1_again(Part *parts, int n, const RunRequest *base, int value_digits, double deadline,
                       double kill_at, int jobs, char *err, size_t errsz)
{
    double **kept = calloc((size_t)n + 1, sizeof *kept); /* level-2 plans of the open parts */
    double *kept_value = calloc((size_t)n + 1, sizeof *kept_value);
    unsigned char *gained = calloc((size_t)n + 1, 1);
    int rc = 0;
    if (!kept || !kept_value || !gained) {
        snprintf(err, errsz, "out of memory");
        rc = -1;
    }
    for (int pass = 0; rc == 0 && pass < AGAIN_MAX_PASSES; pass++) {
        double left = deadline - clock_seconds();
        int open = 0;
        for (int i = 0; i < n; i++)
            open += open_at_level1(&parts[i]);
        if (!open || left < AGAIN_MIN_S || solver_interrupted)
            break;
        /* level 1 starts from its own plan; level 2's waits aside */
        for (int i = 0; i < n && rc == 0; i++) {
            Part *pt = &parts[i];
            gained[i] = 0;
            if (!open_at_level1(pt))
                continue;
            size_t bytes = (size_t)(pt->mip->ncols ? pt->mip->ncols : 1) * sizeof *pt->x;
            if (!kept[i] && !(kept[i] = malloc(bytes))) {
                snprintf(err, errsz, "out of memory");
                rc = -1;
                break;
            }
            memcpy(kept[i], pt->x, (size_t)pt->mip->ncols * sizeof *pt->x);
            kept_value[i] = pt->value;
            memcpy(pt->x, pt->x1, (size_t)pt->mip->ncols * sizeof *pt->x);
            pt->value = pt->value1;
        }
        if (rc)
            break;
        int last = pass + 1 == AGAIN_MAX_PASSES;
        double until = last ? deadline : clock_seconds() + AGAIN_LEVEL1_SHARE * left;
        if (parts_run_level(parts, n, LEVEL_VALUE, base, until, kill_at, jobs, err, errsz)) {
            rc = -1;
            break;
        }
        int any_gain = 0;
        for (int i = 0; i < n; i++) {
            Part *pt = &parts[i];
            if (!kept[i])
                continue;
            if (pt->value > pt->value1 + 1e-9 * fmax(1.0, fabs(pt->value1))) {
                memcpy(pt->x1, pt->x, (size_t)pt->mip->ncols * sizeof *pt->x);
                pt->value1 = pt->value;
                gained[i] = 1;
                any_gain = 1;
            } else {
                memcpy(pt->x, kept[i], (size_t)pt->mip->ncols * sizeof *pt->x);
                pt->value = kept_value[i];
            }
            free(kept[i]);
            kept[i] = NULL;
        }
        if (!any_gain)
            continue;
        if (move_floors(parts, n, gained, value_digits)) {
            snprintf(err, errsz, "out of memory moving a value floor");
            rc = -1;
            break;
        }
        /* a higher floor fixes more (the bounds from the lower one hold) */
        int fixed = 0;
        parts_fix_by_floor(parts, n, gained, deadline, base->quiet, &fixed);
        if (parts_run_level(parts, n, LEVEL_COST, base, deadline, kill_at, jobs, err, errsz))
            rc = -1;
    }
    for (int i = 0; kept && i < n; i++)
        free(kept[i]);
    free(kept);
    free(kept_value);
    free(gained);
    return rc;
}
