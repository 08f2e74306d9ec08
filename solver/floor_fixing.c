/*
 * floor_fixing.c — column bounds implied by level 1's LP for plans that
 * meet level 2's value floor (floor_fixing.h explains the inequality).
 */
#include "floor_fixing.h"

#include "glpk_run.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The largest value of coef · t for t within [lo, hi]; NAN when that is
 * unbounded. */
static long double term_max(long double coef, double lo, double hi)
{
    if (coef > 0.0L)
        return isfinite(hi) ? coef * hi : NAN;
    if (coef < 0.0L)
        return isfinite(lo) ? coef * lo : NAN;
    return 0.0L;
}

/* How far (D − L) / |d| lets an integer column move from the bound its
 * reduced cost d points to; HUGE_VAL when that is no limit. */
static double room_of(long double slack, long double d)
{
    long double r = slack / fabsl(d);
    return r > 1e15L ? HUGE_VAL : floor((double)r + 1e-9);
}

/* The new bounds: lb[j], ub[j] tightened where the slack allows; returns
 * how many columns changed, or −1 when start would break one. */
static int tighten(const Mip *mip, const long double *d, long double slack, const double *start, double *lb,
                   double *ub)
{
    int changed = 0;
    for (int j = 0; j < mip->ncols; j++) {
        const MipCol *c = &mip->cols[j];
        lb[j] = c->lb;
        ub[j] = c->ub;
        if (!c->integer || d[j] == 0.0L || c->lb != floor(c->lb) || c->ub != floor(c->ub))
            continue;
        double room = room_of(slack, d[j]);
        if (d[j] < 0.0L && c->lb + room < c->ub)
            ub[j] = c->lb + room;
        else if (d[j] > 0.0L && c->ub - room > c->lb)
            lb[j] = c->ub - room;
        else
            continue;
        if (start[j] < lb[j] - 1e-6 || start[j] > ub[j] + 1e-6)
            return -1;
        changed++;
    }
    return changed;
}

int floor_fix_columns(Mip *mip, const double *start, double seconds, char *err, size_t errsz)
{
    int f = mip_value_floor_row(mip);
    if (f < 0 || !isfinite(mip->rows[f].lb) || !mip->ncols)
        return 0;
    double *objective = calloc((size_t)mip->ncols, sizeof *objective);
    double *y = calloc((size_t)mip->nrows, sizeof *y);
    long double *d = calloc((size_t)mip->ncols, sizeof *d);
    double *lb = malloc((size_t)mip->ncols * sizeof *lb);
    double *ub = malloc((size_t)mip->ncols * sizeof *ub);
    int rc = 0;
    if (!objective || !y || !d || !lb || !ub) {
        snprintf(err, errsz, "out of memory");
        rc = -1;
        goto done;
    }
    for (size_t k = 0; k < mip->nnz; k++)
        if (mip->ia[k] == f)
            objective[mip->ja[k]] += mip->ar[k];
    rc = glpk_lp_row_duals(mip, objective, seconds, y, err, errsz);
    if (rc != 1) {
        rc = rc < 0 ? -1 : 0;
        goto done;
    }
    rc = 0;
    /* D = Σ max of y_i·row_i + Σ max of d_j·X_j, with y_i dropped where
     * its side is infinite (any y gives a valid D; that one none) */
    long double D = 0.0L, size = 0.0L;
    for (int i = 0; i < mip->nrows; i++) {
        long double t = term_max(y[i], mip->rows[i].lb, mip->rows[i].ub);
        if (isnan(t)) {
            y[i] = 0.0;
            continue;
        }
        D += t;
        size += fabsl(t);
    }
    for (int j = 0; j < mip->ncols; j++)
        d[j] = objective[j];
    for (size_t k = 0; k < mip->nnz; k++)
        d[mip->ja[k]] -= (long double)mip->ar[k] * y[mip->ia[k]];
    for (int j = 0; j < mip->ncols; j++) {
        long double t = term_max(d[j], mip->cols[j].lb, mip->cols[j].ub);
        if (isnan(t))
            goto done; /* an unbounded column: no finite D */
        D += t;
        size += fabsl(t);
    }
    double L = mip->rows[f].lb;
    /* rounding in the sums: a long double's 1e-19 per term, far inside */
    long double slack = D - L + 1e-9L * (1.0L + size + fabs(L));
    if (slack < 0.0L)
        goto done; /* no plan meets the floor by this: start does, so rounding */
    int changed = tighten(mip, d, slack, start, lb, ub);
    if (changed <= 0)
        goto done;
    for (int j = 0; j < mip->ncols; j++) {
        mip->cols[j].lb = lb[j];
        mip->cols[j].ub = ub[j];
    }
    rc = changed;
done:
    free(objective);
    free(y);
    free(d);
    free(lb);
    free(ub);
    return rc;
}
