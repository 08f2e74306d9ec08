/*
 * price_start.c — a starting plan for level 1 of a program with a budget
 * row (`max_cost`), from a price on cost.
 *
 * A budget makes level 1 a knapsack over the whole plan: GLPK's tree
 * finds good plans late (sikt-inland with max_cost 4 M SEK: 98 at 1 s,
 * the optimum 108.2 only after 22 s) although its bound is close early.
 * Without the budget row the same program is easy (the base scenario's
 * level 1 in 0.03 s), also with value − λ·cost as its objective, and
 * each price λ gives a plan on the boundary of what money buys: the
 * greater λ, the cheaper the plan. Searching λ for the least price whose
 * plan fits the budget gives, in a dozen such solves, a plan close to the
 * optimum (108.0 of 108.2 there, in 0.5 s); GLPK then only has to look
 * above it (RunRequest.value_cutoff).
 *
 * A price only reaches plans on the hull of what money buys; the best
 * plan within the budget may lie inside it (a 28-participant random
 * scenario: 20.125 from the prices, 20.425 the optimum, which GLPK alone
 * then did not find in 7 s). So the pricing ends with GLPK on the program
 * restricted to the columns some priced plan used, the budget included:
 * small, and holding every plan the prices passed on either side of the
 * budget.
 */
#include "price_start.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PRICE_MAX_SOLVES 16    /* bisection steps and the search for a price that fits */
#define PRICE_REL_WIDTH 1e-4   /* the bisection stops once hi/lo is this close to 1 */
#define PRICE_MIN_SOLVE_S 0.05 /* the least time a solve is worth starting with */
/* A solve gets at most this share of the pricing time left (and at least
 * PRICE_SOLVE_FLOOR_S): most prices solve in 0.05-0.9 s, but on
 * norra-vastmanland with a 35 % budget one price ran 4.1 s into the
 * limit and ended the pricing with nothing better than the greedy plan */
#define PRICE_SOLVE_SHARE 0.25
#define PRICE_SOLVE_FLOOR_S 0.5
/* The prices' share of the pricing time; the rest at least is for GLPK
 * on the columns their plans used (search_used_columns), which had none
 * when the prices took it all (norra-vastmanland's budgets). */
#define PRICE_PRICES_SHARE 0.75

int price_budget_row(const Mip *mip)
{
    for (int i = 0; i < mip->nrows; i++)
        if (mip_is_budget_row(&mip->rows[i]))
            return i;
    return -1;
}

typedef struct Pricing {
    const Mip *mip;
    Mip shadow;        /* mip without its budget row, objective value − λ·cost */
    double *cost;      /* [ncols] the budget row's coefficients */
    double budget;
    RunRequest req;
    double until;      /* the end of the prices' time (PRICE_PRICES_SHARE) */
    double search_until; /* the end of the pricing's: search_used_columns */
    int solves;        /* GLPK runs so far */
    double last_value; /* the value of the last solve's plan, HUGE_VAL for none */
    double last_cost;  /* and its cost */
    double best_value; /* of the best plan found that fits, −1 for none */
    double *x;         /* the caller's: that plan */
    unsigned char *used; /* [ncols] 1: some priced plan has the column non-zero */
    int over;          /* some priced plan did not fit the budget */
    char *err;
    size_t errsz;
} Pricing;

/* Solves the shadow at price lambda. Returns 1 when its plan fits the
 * budget, 0 when it does not, 2 when the pricing's time is up (or Ctrl-C)
 * with no plan from this solve, 3 when this solve's share of the time
 * gave no plan but time is left, −1 on a failure. A plan that fits and
 * is better than the best so far is kept. A solve stopped by its share
 * of the time still answers with its best plan: the bisection then
 * steers by a plan near the price's best, which is all a start needs.
 * Every plan's columns are marked in pr->used (search_used_columns). */
static int solve_at(Pricing *pr, double lambda)
{
    const Mip *mip = pr->mip;
    for (int j = 0; j < mip->ncols; j++)
        pr->shadow.cols[j].value = mip->cols[j].value - lambda * pr->cost[j];
    double left = pr->until - clock_seconds();
    if (left < PRICE_MIN_SOLVE_S || solver_interrupted)
        return 2;
    pr->solves++;
    pr->req.time_limit_s = fmin(left, fmax(PRICE_SOLVE_FLOOR_S, PRICE_SOLVE_SHARE * left));
    RunResult r;
    memset(&r, 0, sizeof r);
    if (glpk_solve_level(&pr->shadow, &pr->req, &r, pr->err, pr->errsz)) {
        free(r.x);
        return -1;
    }
    int rc = pr->until - clock_seconds() >= PRICE_MIN_SOLVE_S && !solver_interrupted ? 3 : 2;
    pr->last_value = r.has_solution ? mip_objective(mip, r.x, LEVEL_VALUE) : HUGE_VAL;
    pr->last_cost = HUGE_VAL;
    if (r.has_solution) {
        double used = 0.0;
        for (int j = 0; j < mip->ncols; j++) {
            used += pr->cost[j] * r.x[j];
            pr->used[j] |= r.x[j] != 0.0;
        }
        pr->last_cost = used;
        rc = used <= pr->budget ? 1 : 0;
        pr->over |= rc == 0;
        /* the budget exactly, as SPEC §2 has it (mip_solution_ok) */
        if (rc == 1 && mip_solution_ok(mip, r.x)) {
            double value = mip_objective(mip, r.x, LEVEL_VALUE);
            if (value > pr->best_value) {
                pr->best_value = value;
                memcpy(pr->x, r.x, (size_t)mip->ncols * sizeof *pr->x);
            }
        }
    }
    free(r.x);
    return rc;
}

/* A price and the value and cost of its plan (HUGE_VAL: its solve gave
 * none), one side of the search in price_start. */
typedef struct PricePoint {
    double price, value, cost;
} PricePoint;

/* pt becomes price with the plan of the last solve_at, which answered fits */
static void price_point_take(PricePoint *pt, double price, const Pricing *pr, int fits)
{
    int plan = fits == 0 || fits == 1;
    pt->price = price;
    pt->value = plan ? pr->last_value : HUGE_VAL;
    pt->cost = plan ? pr->last_cost : HUGE_VAL;
}

/* GLPK on mip restricted to the columns priced plans used (every other
 * column at 0, as in each of those plans), budget row and all, from the
 * best plan that fits, in the pricing time left; a better plan that
 * meets mip is kept. Returns 0, or −1 (message in pr->err) on a GLPK
 * failure or out of memory. */
static int search_used_columns(Pricing *pr)
{
    const Mip *mip = pr->mip;
    double left = pr->search_until - clock_seconds();
    if (!pr->over || left < PRICE_MIN_SOLVE_S || solver_interrupted)
        return 0;
    double *zero = calloc((size_t)mip->ncols, sizeof *zero);
    Mip sub;
    int *sub_col = NULL;
    if (!zero || mip_restrict(mip, pr->used, zero, &sub, &sub_col)) {
        free(zero);
        snprintf(pr->err, pr->errsz, "out of memory");
        return -1;
    }
    double *start = malloc((size_t)(sub.ncols ? sub.ncols : 1) * sizeof *start);
    int rc = -1;
    RunResult r;
    memset(&r, 0, sizeof r);
    if (!start) {
        snprintf(pr->err, pr->errsz, "out of memory");
        goto done;
    }
    for (int l = 0; l < sub.ncols; l++)
        start[l] = pr->best_value >= 0.0 ? pr->x[sub_col[l]] : 0.0;
    RunRequest req = pr->req;
    req.plain_options = 0;
    req.start = start;
    req.time_limit_s = left;
    if (glpk_solve_level(&sub, &req, &r, pr->err, pr->errsz))
        goto done;
    rc = 0;
    if (r.has_solution) {
        for (int l = 0; l < sub.ncols; l++)
            zero[sub_col[l]] = r.x[l];
        double value = mip_objective(mip, zero, LEVEL_VALUE);
        if (value > pr->best_value && mip_solution_ok(mip, zero)) {
            pr->best_value = value;
            memcpy(pr->x, zero, (size_t)mip->ncols * sizeof *pr->x);
        }
    }
done:
    free(r.x);
    free(start);
    free(zero);
    free(sub_col);
    mip_release(&sub);
    return rc;
}

int price_start(const Mip *mip, const RunRequest *base, double seconds, double *x, char *err, size_t errsz)
{
    int b = price_budget_row(mip);
    if (b < 0 || mip->ncols == 0)
        return 0;
    Pricing pr;
    memset(&pr, 0, sizeof pr);
    pr.mip = mip;
    pr.shadow = *mip; /* shares the matrix; cols and rows are its own */
    pr.shadow.cols = malloc((size_t)mip->ncols * sizeof *pr.shadow.cols);
    pr.shadow.rows = malloc((size_t)(mip->nrows ? mip->nrows : 1) * sizeof *pr.shadow.rows);
    pr.cost = calloc((size_t)mip->ncols, sizeof *pr.cost);
    pr.used = calloc((size_t)mip->ncols, sizeof *pr.used);
    int rc = -1;
    if (!pr.shadow.cols || !pr.shadow.rows || !pr.cost || !pr.used) {
        snprintf(err, errsz, "out of memory");
        goto done;
    }
    memcpy(pr.shadow.cols, mip->cols, (size_t)mip->ncols * sizeof *pr.shadow.cols);
    memcpy(pr.shadow.rows, mip->rows, (size_t)mip->nrows * sizeof *pr.shadow.rows);
    pr.shadow.rows[b].ub = HUGE_VAL;
    for (size_t k = 0; k < mip->nnz; k++)
        if (mip->ia[k] == b)
            pr.cost[mip->ja[k]] += mip->ar[k];
    pr.budget = mip->rows[b].ub;
    /* a plain quiet GLPK run of level 1 (memset above: no start, gap,
     * give-up or cutoff): 0.05-0.2 s a solve on sikt-inland, 0.4-1 s with
     * Gomory cuts */
    pr.req.level = LEVEL_VALUE;
    pr.req.clock_start = base->clock_start;
    pr.req.quiet = 1;
    pr.req.jobs = 1;
    pr.req.plain_options = 1;
    pr.search_until = clock_seconds() + seconds;
    pr.until = clock_seconds() + PRICE_PRICES_SHARE * seconds;
    pr.best_value = -1.0;
    pr.x = x;
    pr.err = err;
    pr.errsz = errsz;

    /* price 0: the best plan without the budget; when it fits, no plan
     * is better */
    int fits = solve_at(&pr, 0.0);
    if (fits != 0 && fits != 3) {
        rc = fits < 0 ? -1 : pr.best_value >= 0.0;
        goto done;
    }
    /* a price that fits: from the program's whole value per krona of its
     * whole cost, times 8 until one does (a solve without a plan in its
     * share of the time counts as one that does not fit: a higher price
     * asks for less) */
    double value0 = 0.0, cost0 = 0.0;
    for (int j = 0; j < mip->ncols; j++) {
        value0 += fmax(0.0, mip->cols[j].value) * mip->cols[j].ub;
        cost0 += fabs(pr.cost[j]);
    }
    /* lo: a price whose plan does not fit; hi: one whose plan does */
    PricePoint lo, hi = {cost0 > 0.0 ? fmax(value0, 1.0) / cost0 : 1.0, HUGE_VAL, HUGE_VAL};
    price_point_take(&lo, 0.0, &pr, fits);
    while (pr.solves < PRICE_MAX_SOLVES && ((fits = solve_at(&pr, hi.price)) == 0 || fits == 3)) {
        price_point_take(&lo, hi.price, &pr, fits);
        hi.price *= 8.0;
    }
    if (fits == 1)
        price_point_take(&hi, hi.price, &pr, fits);
    /* Between lo and hi: the price at which lo's plan and hi's score
     * alike, (v_lo − v_hi) / (c_lo − c_hi), when both are known — a plan
     * there that scores more than both is a new corner of the hull,
     * and one that is either of them shows there is none between, which
     * ends the search (lysekil at 35 % of its cost: bisecting by halves
     * went on at one plan, 162.1, for seven solves, about 0.6 s) — else
     * the geometric middle. */
    while (fits >= 0 && fits != 2 && pr.solves < PRICE_MAX_SOLVES && hi.price > lo.price * (1.0 + PRICE_REL_WIDTH)) {
        double mid = lo.price > 0.0 ? sqrt(lo.price * hi.price) : 0.5 * hi.price;
        int corner = isfinite(lo.value) && isfinite(hi.value) && lo.cost > hi.cost;
        if (corner) {
            double at = (lo.value - hi.value) / (lo.cost - hi.cost);
            if (at > lo.price && at < hi.price)
                mid = at;
            else
                corner = 0;
        }
        fits = solve_at(&pr, mid);
        PricePoint *side = fits == 1 ? &hi : fits == 0 || fits == 3 ? &lo : NULL;
        if (!side)
            break;
        int same = pr.last_value == side->value && pr.last_cost == side->cost;
        price_point_take(side, mid, &pr, fits);
        if (corner && same)
            break;
    }
    if (fits >= 0) {
        /* its failure leaves the priced plans as they are */
        search_used_columns(&pr);
        rc = pr.best_value >= 0.0;
    }
done:
    free(pr.shadow.cols);
    free(pr.shadow.rows);
    free(pr.cost);
    free(pr.used);
    return rc;
}
