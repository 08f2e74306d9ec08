/*
 * fixed_counts.c — the level-2 program with its group counts fixed, by
 * GLPK (fixed_counts.h).
 */
#include "fixed_counts.h"

#include <stdlib.h>
#include <string.h>

int fixed_counts_solve(const Mip *mip, double *sol, const RunRequest *base, double seconds, RunStop *stop)
{
    if (stop)
        *stop = STOP_TIME;
    unsigned char *keep = malloc((size_t)(mip->ncols ? mip->ncols : 1));
    if (!keep)
        return -1;
    for (int j = 0; j < mip->ncols; j++)
        keep[j] = mip->cols[j].kind != COL_GROUPS;
    Mip sub;
    int *sub_col = NULL;
    int rc = mip_restrict(mip, keep, sol, &sub, &sub_col);
    free(keep);
    if (rc)
        return -1;
    RunRequest req = *base;
    req.live_bound = NULL; /* the counts fixed: its bound is not the program's */
    req.level = LEVEL_COST;
    req.start = NULL; /* the counts are new: no plan of the restriction is known */
    req.time_limit_s = seconds;
    req.quiet = 1;
    req.label = NULL;
    req.column_order = 0;
    req.restriction = 1;
    req.give_up_s = 0.0;
    req.lp_probe = 0;
    req.value_cutoff = 0.0;
    RunResult r;
    memset(&r, 0, sizeof r);
    char err[256];
    int found = -1;
    if (glpk_solve_level(&sub, &req, &r, err, sizeof err) == 0) {
        found = r.has_solution;
        for (int l = 0; found && l < sub.ncols; l++)
            sol[sub_col[l]] = r.x[l];
        if (stop)
            *stop = r.stop;
    }
    free(r.x);
    free(sub_col);
    mip_release(&sub);
    return found;
}
