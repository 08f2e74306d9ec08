/*
 * glpk_lazy.c — the LP relaxation with some rows held back until the
 * simplex breaks them (glpk_run.h glpk_lp_relaxation_lazy).
 *
 * The strong link rows x ≤ L·g (one per class and cohort) are most of
 * the rows of a facility-location program, and few of them bind at the
 * LP optimum. On OR-Library capb (100 000 link rows) GLPK's simplex on
 * the whole LP had not finished after 3.5 minutes; without them it
 * solves in under 2 s, and adding only the broken ones, round after
 * round, reaches the same optimum in 37–45 s with about 9 000 of them
 * (bench/RESULTS.md, thirty-fifth session). Each round's rows cut off
 * the last optimum, whose basis stays dual feasible: the dual simplex
 * goes on from it. Each round's optimum, a relaxation's, is a bound on
 * the level: the last one solved is kept (LazyLpInfo.bound) for a run
 * out of time (capb on a slower machine: 13 143 k after 85 s, 0.42 %
 * under the optimum, where the whole LP took 90 s).
 */
#include "glpk_internal.h"

#include <glpk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A held-back row counts as broken when its activity is past a side by
 * more than this, relative to max(1, |side|). */
#define LAZY_TOL 1e-7

typedef struct LazyCtx {
    const Mip *mip;
    RunLevel level;
    char tag;          /* rows held back */
    double until;      /* monotonic seconds */
    double *x;         /* [ncols] out */
    double objective;  /* out */
    double partial;    /* out: the optimum of the last round solved, ±HUGE_VAL before one */
    int max_rounds;    /* SAMPLAN_LAZY_ROUNDS (tests): stop after this many rounds; 0: none */
    int solved;
    int rounds, added; /* out: rounds of rows added, rows added */
    Mip weak;          /* the program without the held-back rows */
    int *pos;          /* glpk_column_positions of weak */
    int *held, nheld;  /* the held-back rows (indices in mip) */
    int *start, *col;  /* their non-zeros, row by row (CSR over held) */
    double *val;
    unsigned char *in; /* [nheld] already added */
    int *ind;          /* scratch for one row, GLPK's 1-based arrays: */
    double *coef;      /* allocated outside the guard, which may jump out */
} LazyCtx;

static void lazy_release(LazyCtx *c)
{
    mip_release(&c->weak);
    free(c->pos);
    free(c->held);
    free(c->start);
    free(c->col);
    free(c->val);
    free(c->in);
    free(c->ind);
    free(c->coef);
}

/* Splits mip into c->weak (every row but those tagged c->tag) and the
 * held-back rows in CSR form. −1 on out-of-memory. */
static int lazy_split(LazyCtx *c)
{
    const Mip *mip = c->mip;
    int nr = mip->nrows;
    int *to = malloc((size_t)(nr ? nr : 1) * sizeof *to);
    c->held = malloc((size_t)(nr ? nr : 1) * sizeof *c->held);
    if (!to || !c->held) {
        free(to);
        return -1;
    }
    for (int j = 0; j < mip->ncols; j++)
        mip_add_col(&c->weak, mip->cols[j]);
    for (int i = 0; i < nr; i++) {
        if (mip->rows[i].tag == c->tag) {
            to[i] = -1 - c->nheld;
            c->held[c->nheld++] = i;
        } else {
            to[i] = mip_add_row(&c->weak, mip->rows[i].lb, mip->rows[i].ub, mip->rows[i].tag);
        }
    }
    c->start = calloc((size_t)c->nheld + 1, sizeof *c->start);
    c->in = calloc((size_t)(c->nheld ? c->nheld : 1), 1);
    size_t nz = 0;
    for (size_t k = 0; k < mip->nnz; k++)
        nz += to[mip->ia[k]] < 0;
    c->col = malloc((nz ? nz : 1) * sizeof *c->col);
    c->val = malloc((nz ? nz : 1) * sizeof *c->val);
    if (!c->start || !c->in || !c->col || !c->val) {
        free(to);
        return -1;
    }
    for (size_t k = 0; k < mip->nnz; k++) {
        int r = to[mip->ia[k]];
        if (r >= 0)
            mip_add_coef(&c->weak, r, mip->ja[k], mip->ar[k]);
        else
            c->start[-r]++; /* held row −1 − r, counted at its end */
    }
    for (int h = 0; h < c->nheld; h++)
        c->start[h + 1] += c->start[h];
    int *at = malloc((size_t)(c->nheld ? c->nheld : 1) * sizeof *at);
    if (!at) {
        free(to);
        return -1;
    }
    memcpy(at, c->start, (size_t)(c->nheld ? c->nheld : 1) * sizeof *at);
    for (size_t k = 0; k < mip->nnz; k++) {
        int r = to[mip->ia[k]];
        if (r < 0) {
            int h = -1 - r;
            c->col[at[h]] = mip->ja[k];
            c->val[at[h]++] = mip->ar[k];
        }
    }
    free(at);
    free(to);
    int width = 0;
    for (int h = 0; h < c->nheld; h++)
        width = c->start[h + 1] - c->start[h] > width ? c->start[h + 1] - c->start[h] : width;
    c->ind = malloc(((size_t)width + 1) * sizeof *c->ind);
    c->coef = malloc(((size_t)width + 1) * sizeof *c->coef);
    if (c->weak.oom || !c->ind || !c->coef)
        return -1;
    c->pos = glpk_column_positions(&c->weak, c->level);
    return c->pos ? 0 : -1;
}

/* Adds to P every held-back row the current solution breaks; returns how
 * many. */
static int add_broken(LazyCtx *c, glp_prob *P)
{
    int *ind = c->ind;
    double *coef = c->coef;
    int added = 0;
    for (int h = 0; h < c->nheld; h++) {
        if (c->in[h])
            continue;
        double act = 0.0;
        for (int k = c->start[h]; k < c->start[h + 1]; k++)
            act += c->val[k] * glp_get_col_prim(P, c->pos[c->col[k]] + 1);
        const MipRow *r = &c->mip->rows[c->held[h]];
        int broken = (isfinite(r->ub) && act > r->ub + LAZY_TOL * fmax(1.0, fabs(r->ub))) ||
                     (isfinite(r->lb) && act < r->lb - LAZY_TOL * fmax(1.0, fabs(r->lb)));
        if (!broken)
            continue;
        int n = 0;
        for (int k = c->start[h]; k < c->start[h + 1]; k++) {
            ind[++n] = c->pos[c->col[k]] + 1;
            coef[n] = c->val[k];
        }
        int row = glp_add_rows(P, 1);
        glp_set_mat_row(P, row, n, ind, coef);
        glpk_set_row_sides(P, row, r);
        c->in[h] = 1;
        added++;
    }
    return added;
}

/* One simplex run within what is left of the time: 1 when optimal. A
 * basis the new rows left singular is replaced by a fresh one. */
static int lazy_simplex(LazyCtx *c, glp_prob *P, int method)
{
    glp_smcp sm;
    glp_init_smcp(&sm);
    sm.msg_lev = GLP_MSG_ON; /* its lines are where Ctrl-C can stop it */
    sm.out_frq = OUTPUT_PERIOD_MS;
    sm.meth = method;
    double left = c->until - clock_seconds();
    if (left <= 0.0)
        return 0;
    glpk_set_time_limit(&sm.tm_lim, left);
    int ret = glp_simplex(P, &sm);
    if ((ret == GLP_EFAIL || ret == GLP_ESING || ret == GLP_ECOND) && c->until - clock_seconds() > 0.01) {
        glp_adv_basis(P, 0);
        glpk_set_time_limit(&sm.tm_lim, c->until - clock_seconds());
        ret = glp_simplex(P, &sm);
    }
    return ret == 0 && glp_get_status(P) == GLP_OPT;
}

static int lazy_body(void *arg)
{
    LazyCtx *c = arg;
    glp_prob *P = glpk_load_for_simplex(&c->weak, c->level, c->pos);
    if (!P)
        return -1;
    /* the weak LP from scratch by the primal simplex (capb: 1.6 s, where
     * the dual took longer), then the dual from each round's basis */
    int optimal = c->mip->ncols ? lazy_simplex(c, P, GLP_PRIMAL) : 1;
    while (optimal && c->mip->ncols) {
        /* each round's optimum is that of a relaxation (rows held back):
         * a bound on the level, kept should a later round not finish */
        c->partial = glp_get_obj_val(P);
        if (c->max_rounds > 0 && c->rounds >= c->max_rounds) {
            optimal = 0; /* stopped, as by the clock (a test hook) */
            break;
        }
        int added = add_broken(c, P);
        if (added == 0)
            break;
        c->rounds++;
        c->added += added;
        optimal = lazy_simplex(c, P, GLP_DUALP);
    }
    c->solved = optimal;
    if (optimal) {
        c->objective = glp_get_obj_val(P);
        for (int j = 0; j < c->mip->ncols; j++)
            c->x[j] = glp_get_col_prim(P, c->pos[j] + 1);
    }
    glp_delete_prob(P);
    return 0;
}

int glpk_lp_relaxation_lazy(const Mip *mip, RunLevel level, char tag, double seconds, double *x,
                            LazyLpInfo *info, char *err, size_t errsz)
{
    LazyCtx c;
    memset(&c, 0, sizeof c);
    c.mip = mip;
    c.level = level;
    c.tag = tag;
    c.until = clock_seconds() + seconds;
    c.x = x;
    c.partial = level == LEVEL_VALUE ? HUGE_VAL : -HUGE_VAL;
    const char *rounds = getenv("SAMPLAN_LAZY_ROUNDS");
    c.max_rounds = rounds ? atoi(rounds) : 0;
    if (lazy_split(&c)) {
        lazy_release(&c);
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    glpk_lp_stoppable = 1;
    int rc = glpk_guarded(lazy_body, &c);
    glpk_lp_stoppable = 0;
    if (info) {
        info->objective = c.objective;
        info->bound = c.solved ? c.objective : c.partial;
        info->rounds = c.rounds;
        info->added = c.added;
        info->held = c.nheld;
    }
    lazy_release(&c);
    if (rc == -3)
        return 0; /* Ctrl-C: not solved */
    if (rc == -1)
        snprintf(err, errsz, "out of memory loading the program");
    else if (rc < 0)
        snprintf(err, errsz, "GLPK reported an internal error solving the LP relaxation: %s", glpk_last_line);
    return rc < 0 ? -1 : c.solved;
}
