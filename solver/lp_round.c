/*
 * lp_round.c — the strong LP's group counts rounded up into a plan
 * (lp_round.h).
 */
#include "lp_round.h"

#include "fixed_counts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A group count within this of a whole number is that number (GLPK's
 * primal tolerance is 1e-7): rounding 2.0000001 up to 3 opens a group
 * the LP does not use. */
#define ROUND_TOL 1e-6

/* A group count is rounded up when its fraction is above the first of
 * these that gives a plan, else down. Rounding up every fraction keeps
 * the LP's assignments, but a count the LP barely uses (six_decimals:
 * 5e-6) can then break a centre's max_groups or a track's min_group,
 * and no plan has the counts. */
static const double round_up_from[] = {ROUND_TOL, 0.1, 0.5};
#define NTHRESHOLDS (int)(sizeof round_up_from / sizeof round_up_from[0])

/* The LP of mip with its group counts fixed at x's, the link rows (and
 * any other row left with one column) as column bounds: on capb a
 * transport problem, solved in seconds where GLPK's branch-and-cut on
 * the same program found no plan in 10 s (its link rows stay rows
 * there). 1 when its optimum is whole (every integer column and size
 * within 1e-6 of a whole number): x is then that solution, rounded; 2
 * when it is not (branch-and-cut may find a plan); 0 when no plan has
 * these counts, or the LP was not solved in `seconds`; −1 on a GLPK
 * failure or out-of-memory (message in err). */
static int whole_lp_plan(const Mip *mip, double *x, double seconds, char *err, size_t errsz)
{
    err[0] = '\0';
    unsigned char *keep = malloc((size_t)(mip->ncols ? mip->ncols : 1));
    if (!keep) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    for (int j = 0; j < mip->ncols; j++)
        keep[j] = mip->cols[j].kind != COL_GROUPS;
    Mip sub, lp;
    int *sub_col = NULL;
    memset(&lp, 0, sizeof lp);
    int rc = mip_restrict(mip, keep, x, &sub, &sub_col);
    free(keep);
    if (rc) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    int *count = calloc((size_t)(sub.nrows ? sub.nrows : 1), sizeof *count);
    int *row_to = malloc((size_t)(sub.nrows ? sub.nrows : 1) * sizeof *row_to);
    double *y = malloc((size_t)(sub.ncols ? sub.ncols : 1) * sizeof *y);
    int found = -1;
    if (!count || !row_to || !y)
        goto out;
    for (size_t k = 0; k < sub.nnz; k++)
        count[sub.ia[k]]++;
    for (int j = 0; j < sub.ncols; j++)
        mip_add_col(&lp, sub.cols[j]);
    for (int i = 0; i < sub.nrows; i++)
        row_to[i] = count[i] == 1 ? -1 : mip_add_row(&lp, sub.rows[i].lb, sub.rows[i].ub, sub.rows[i].tag);
    if (lp.oom)
        goto out; /* lp.cols or a row is missing: nothing below may use them */
    found = 0;
    for (size_t k = 0; k < sub.nnz; k++) {
        int i = sub.ia[k], j = sub.ja[k];
        double a = sub.ar[k];
        if (count[i] != 1) {
            mip_add_coef(&lp, row_to[i], j, a);
            continue;
        }
        if (a == 0.0)
            continue;
        /* lb ≤ a·x ≤ ub as a bound on x */
        double lo = a > 0 ? sub.rows[i].lb / a : sub.rows[i].ub / a;
        double hi = a > 0 ? sub.rows[i].ub / a : sub.rows[i].lb / a;
        MipCol *c = &lp.cols[j];
        if (c->integer) {
            lo = ceil(lo - 1e-9);
            hi = floor(hi + 1e-9);
        }
        c->lb = fmax(c->lb, lo);
        c->ub = fmin(c->ub, hi);
    }
    if (lp.oom) {
        found = -1;
        goto out;
    }
    int bounds_ok = 1;
    for (int j = 0; bounds_ok && j < lp.ncols; j++) {
        MipCol *c = &lp.cols[j];
        bounds_ok = c->lb <= c->ub + 1e-9;
        if (c->lb > c->ub)
            c->ub = c->lb; /* crossed by rounding error only (x ≤ −5.6e-17 with x ≥ 0): fixed, which GLPK takes */
    }
    if (!bounds_ok)
        goto out; /* no plan has these counts */
    rc = glpk_lp_relaxation(&lp, LEVEL_COST, seconds, y, err, errsz);
    if (rc != 1) {
        found = rc;
        goto out;
    }
    found = 1;
    for (int l = 0; l < lp.ncols; l++) {
        const MipCol *c = &lp.cols[l];
        if (c->integer || c->kind == COL_SIZE) {
            double r = round(y[l]);
            found = fabs(y[l] - r) <= 1e-6 ? found : 2;
            y[l] = r;
        }
        x[sub_col[l]] = y[l];
    }
out:
    if (found < 0 && !*err)
        snprintf(err, errsz, "out of memory");
    free(count);
    free(row_to);
    free(y);
    free(sub_col);
    mip_release(&sub);
    mip_release(&lp);
    return found;
}

/* 1 when x's group counts meet every row over group counts alone (a
 * centre's max_groups): mip_restrict leaves such rows out, and counts
 * that break one are no plan however long GLPK searches (review,
 * thirty-sixth session). */
static int counts_rows_hold(const Mip *mip, const double *x, double *act, unsigned char *other)
{
    memset(act, 0, (size_t)(mip->nrows ? mip->nrows : 1) * sizeof *act);
    memset(other, 0, (size_t)(mip->nrows ? mip->nrows : 1));
    for (size_t k = 0; k < mip->nnz; k++) {
        int i = mip->ia[k], j = mip->ja[k];
        if (mip->cols[j].kind == COL_GROUPS)
            act[i] += mip->ar[k] * x[j];
        else
            other[i] = 1;
    }
    for (int i = 0; i < mip->nrows; i++) {
        const MipRow *r = &mip->rows[i];
        double tol = 1e-9 * fmax(1.0, fabs(act[i]));
        if (!other[i] && (act[i] < r->lb - tol || act[i] > r->ub + tol))
            return 0;
    }
    return 1;
}

int lp_round_plan(const Mip *mip, const RunRequest *base, double lp_seconds, double round_seconds, double *plan,
                  double *lp_x, LpRoundInfo *info, char *err, size_t errsz)
{
    memset(info, 0, sizeof *info);
    double *x = malloc((size_t)(mip->ncols ? mip->ncols : 1) * sizeof *x);
    if (!x) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    double t0 = clock_seconds();
    LazyLpInfo lazy;
    memset(&lazy, 0, sizeof lazy);
    int rc = glpk_lp_relaxation_lazy(mip, LEVEL_COST, 'l', lp_seconds, x, &lazy, err, errsz);
    info->lp_s = clock_seconds() - t0;
    info->rounds = lazy.rounds;
    info->added = lazy.added;
    info->held = lazy.held;
    info->lp_bound = rc >= 0 ? lazy.bound : -HUGE_VAL;
    if (rc != 1) {
        free(x);
        return rc;
    }
    info->solved = 1;
    info->lp_cost = lazy.objective;
    if (lp_x)
        memcpy(lp_x, x, (size_t)mip->ncols * sizeof *lp_x);
    double *lp = lp_x ? lp_x : malloc((size_t)(mip->ncols ? mip->ncols : 1) * sizeof *lp);
    double *act = malloc((size_t)(mip->nrows ? mip->nrows : 1) * sizeof *act);
    unsigned char *other = malloc((size_t)(mip->nrows ? mip->nrows : 1));
    if (!lp || !act || !other) {
        if (lp != lp_x)
            free(lp);
        free(act);
        free(other);
        free(x);
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    memcpy(lp, x, (size_t)mip->ncols * sizeof *lp);
    double until = clock_seconds() + round_seconds;
    double last_total = -1.0;
    rc = 0;
    for (int t = 0; t < NTHRESHOLDS && !info->found && rc >= 0 && until - clock_seconds() > 0.05; t++) {
        int courses = 0;
        double total = 0.0;
        for (int j = 0; j < mip->ncols; j++) {
            const MipCol *c = &mip->cols[j];
            if (c->kind != COL_GROUPS)
                continue;
            double whole = floor(lp[j] + ROUND_TOL);
            x[j] = fmin(c->ub, fmax(c->lb, lp[j] - whole > round_up_from[t] ? whole + 1.0 : whole));
            courses += x[j] > 0.0;
            total += x[j];
        }
        /* each count only falls as the threshold grows: the same total
         * is the same counts */
        if (total == last_total)
            continue;
        last_total = total;
        if (!counts_rows_hold(mip, x, act, other))
            continue;
        rc = whole_lp_plan(mip, x, until - clock_seconds(), err, errsz);
        if (rc == 2 && until - clock_seconds() > 0.05)
            rc = fixed_counts_solve(mip, x, base, until - clock_seconds(), NULL);
        if (rc < 0 && !err[0])
            snprintf(err, errsz, "GLPK failed or memory ran out on the rounded group counts");
        if (rc == 1 && mip_solution_within(mip, x, "vb")) {
            memcpy(plan, x, (size_t)mip->ncols * sizeof *plan);
            info->found = 1;
            info->cost = mip_objective(mip, plan, LEVEL_COST);
            info->courses = courses;
            info->threshold = round_up_from[t];
        }
    }
    if (lp != lp_x)
        free(lp);
    free(act);
    free(other);
    free(x);
    return rc < 0 ? -1 : info->found;
}
