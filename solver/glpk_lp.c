/*
 * glpk_lp.c — LP relaxations by GLPK's simplex method (glpk_run.h): the
 * level's LP relaxation (region search steers by it), the row duals of an
 * LP that maximises another objective (the value floor's fixing), and an
 * LP kept warm across bound changes (screens price moves on it).
 */
#include "glpk_internal.h"

#include <glpk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct LpCtx {
    const Mip *mip;
    RunLevel level;
    double seconds;
    double *x;       /* [ncols] the optimal solution, or NULL */
    int *pos; /* glpk_column_positions: GLPK position of each column */
    int solved;
    const double *objective; /* [ncols] maximised instead of the level's, or NULL */
    double *y;       /* [nrows] the optimal row duals, or NULL */
} LpCtx;

static int lp_body(void *arg)
{
    LpCtx *c = arg;
    glp_prob *P = glpk_load_for_simplex(c->mip, c->level, c->pos);
    if (!P)
        return -1;
    if (c->objective && glpk_fault_requested("floor"))
        glp_get_row_name(P, glp_get_num_rows(P) + 1); /* test hook: a GLPK error in the floor's LP */
    if (c->objective) {
        glp_set_obj_dir(P, GLP_MAX);
        for (int j = 0; j < c->mip->ncols; j++)
            glp_set_obj_coef(P, c->pos[j] + 1, c->objective[j]);
    }
    glp_smcp sm;
    glp_init_smcp(&sm);
    sm.msg_lev = GLP_MSG_ON; /* its lines are where Ctrl-C can stop it (lp_solve) */
    sm.out_frq = OUTPUT_PERIOD_MS;
    /* no LP presolver: it prints nothing, and kronoberg 2 000 with start
     * windows twice as long (28 k non-zeros) took 0.74 s with it, 0.49 s
     * without (glpsol) */
    glpk_set_time_limit(&sm.tm_lim, c->seconds);
    int ret = c->mip->ncols ? glp_simplex(P, &sm) : 0;
    c->solved = ret == 0 && (!c->mip->ncols || glp_get_status(P) == GLP_OPT);
    for (int j = 0; c->solved && c->x && j < c->mip->ncols; j++)
        c->x[j] = glp_get_col_prim(P, c->pos[j] + 1);
    for (int i = 0; c->solved && c->y && i < c->mip->nrows; i++)
        c->y[i] = glp_get_row_dual(P, i + 1);
    glp_delete_prob(P);
    return 0;
}

/* glpk_lp_relaxation and glpk_lp_row_duals: solves ctx's LP, which
 * Ctrl-C may stop (glpk_lp_stoppable): neither answers anything the run
 * needs. */
static int lp_solve(LpCtx ctx, char *err, size_t errsz)
{
    if (!ctx.pos) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    glpk_lp_stoppable = 1;
    int rc = glpk_guarded(lp_body, &ctx);
    glpk_lp_stoppable = 0;
    free(ctx.pos);
    if (rc == -3)
        return 0; /* stopped by Ctrl-C (glpk_lp_stoppable): not solved */
    if (rc == -1)
        snprintf(err, errsz, "out of memory loading the program");
    else if (rc < 0)
        snprintf(err, errsz, "GLPK reported an internal error solving the LP relaxation: %s", glpk_last_line);
    return rc < 0 ? -1 : ctx.solved;
}

int glpk_lp_relaxation(const Mip *mip, RunLevel level, double seconds, double *x, char *err, size_t errsz)
{
    /* in glpsol's column order (objective columns first): kronoberg
     * 2 000 with start windows four times as long, 40 k non-zeros, took
     * 0.73 s instead of 1.33 s in the builder's */
    LpCtx ctx = {mip, level, seconds, x, glpk_column_positions(mip, level), 0, NULL, NULL};
    return lp_solve(ctx, err, errsz);
}

int glpk_lp_row_duals(const Mip *mip, const double *objective, double seconds, double *y, char *err,
                      size_t errsz)
{
    LpCtx ctx = {mip, LEVEL_VALUE, seconds, NULL, glpk_column_positions(mip, LEVEL_VALUE), 0, objective, y};
    return lp_solve(ctx, err, errsz);
}

/* ---- an LP kept warm across bound changes ---------------------------------- */

struct LpWarm {
    glp_prob *P;
    const Mip *mip;
    int *pos;        /* glpk_column_positions */
};

typedef struct WarmCtx {
    LpWarm lp;
    RunLevel level;
    LpWarmVisit visit;
    void *arg;
    int rc;          /* what visit returned */
} WarmCtx;

static int warm_body(void *arg)
{
    WarmCtx *c = arg;
    c->lp.P = glpk_load_for_simplex(c->lp.mip, c->level, c->lp.pos);
    if (!c->lp.P)
        return -1;
    c->rc = c->visit(&c->lp, c->arg);
    glp_delete_prob(c->lp.P);
    return 0;
}

int glpk_lp_warm(const Mip *mip, RunLevel level, LpWarmVisit visit, void *arg, char *err, size_t errsz)
{
    WarmCtx ctx = {{NULL, mip, glpk_column_positions(mip, level)}, level, visit, arg, 0};
    if (!ctx.lp.pos) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    int rc = glpk_guarded(warm_body, &ctx);
    free(ctx.lp.pos);
    if (rc == -1)
        snprintf(err, errsz, "out of memory loading the program");
    else if (rc < 0)
        snprintf(err, errsz, "GLPK reported an internal error solving an LP: %s", glpk_last_line);
    return rc < 0 ? -1 : ctx.rc;
}

void glpk_warm_bounds(LpWarm *lp, int col, double lb, double ub)
{
    glp_set_col_bnds(lp->P, lp->pos[col] + 1, lb == ub ? GLP_FX : GLP_DB, lb, ub);
}

int glpk_warm_solve(LpWarm *lp, double seconds, double cutoff, double *objective)
{
    if (!lp->mip->ncols) {
        *objective = 0.0;
        return 1;
    }
    double until = clock_seconds() + seconds;
    glp_smcp sm;
    glp_init_smcp(&sm);
    sm.msg_lev = GLP_MSG_OFF;
    /* after a change of bounds the last basis stays dual feasible: the
     * dual simplex goes on from it (GLP_DUALP falls back to the primal
     * where it is not) */
    sm.meth = GLP_DUALP;
    /* the long-step ratio test: on capb, twice the moves priced a second
     * (bench/RESULTS.md, nineteenth session) */
    sm.r_test = GLP_RT_FLIP;
    /* from a dual feasible basis the dual simplex's objective only gets
     * worse: past the cutoff it cannot come back (what GLPK's own
     * branch-and-bound prunes a node with) */
    if (!isnan(cutoff)) {
        if (glp_get_obj_dir(lp->P) == GLP_MIN)
            sm.obj_ul = cutoff;
        else
            sm.obj_ll = cutoff;
    }
    glpk_set_time_limit(&sm.tm_lim, seconds);
    int ret = glp_simplex(lp->P, &sm);
    if ((ret == GLP_EFAIL || ret == GLP_ESING || ret == GLP_ECOND) && until - clock_seconds() > 0.01) {
        /* a basis gone singular after the change: a fresh one */
        glp_adv_basis(lp->P, 0);
        glpk_set_time_limit(&sm.tm_lim, until - clock_seconds());
        ret = glp_simplex(lp->P, &sm);
    }
    if (ret == 0 && glp_get_status(lp->P) == GLP_OPT) {
        *objective = glp_get_obj_val(lp->P);
        return 1;
    }
    if (ret == GLP_EOBJUL || ret == GLP_EOBJLL) {
        *objective = glp_get_obj_val(lp->P);
        return 3;
    }
    return ret == 0 && glp_get_status(lp->P) == GLP_NOFEAS ? 0 : 2;
}

void glpk_warm_solution(const LpWarm *lp, double *x)
{
    for (int j = 0; j < lp->mip->ncols; j++)
        x[j] = glp_get_col_prim(lp->P, lp->pos[j] + 1);
}

void glpk_warm_reduced_costs(const LpWarm *lp, double *d)
{
    double sense = glp_get_obj_dir(lp->P) == GLP_MAX ? -1.0 : 1.0;
    for (int j = 0; j < lp->mip->ncols; j++)
        d[j] = sense * glp_get_col_dual(lp->P, lp->pos[j] + 1);
}
