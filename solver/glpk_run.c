/*
 * glpk_run.c — one lexicographic level solved by GLPK's branch-and-cut
 * (glpk_run.h): limits, progress lines, Ctrl-C, a start plan, the value
 * cutoff, budgets held exactly (and the sliver under a budget). The
 * ground every GLPK call stands on is glpk_env.c; loading, glpk_load.c;
 * LPs, glpk_lp.c; export, glpk_export.c.
 */
#include "glpk_internal.h"

#include <float.h>
#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The level being solved, for progress lines and the terminal's stop test
 * (glpk_level_progress, glpk_level_stop_requested). */
static struct SolveCtx *active_progress;

/* ---- solving one level --------------------------------------------------- */

typedef struct SolveCtx {
    const Mip *mip;
    const RunRequest *req;
    RunResult *out;
    double started;
    double last_progress;
    double bound;        /* latest best-node bound seen in the tree */
    int have_bound;
    int interrupted;
    int safe;            /* retry after a GLPK failure: no presolve, no cuts */
    int in_tree;         /* the branch-and-cut callback has been called */
    int has_plan;        /* GLPK's tree has shown a plan (callback or progress line) */
    double start_objective; /* of req->start in this level's sense (0: none) */
    int *pos;            /* GLPK position of each column (glpk_column_positions) */
    char *err;
    size_t errsz;
    int start_ok;        /* req->start is a plan of the program */
    int start_done;      /* 1: GLPK was stopped because its bound proves the
                            start optimal; 2: ... within req->mip_gap of it */
    glp_iocp *parm;      /* the running glp_intopt's parameters, which its
                            tree reads as it goes (on_tree_event) */
    int gap_reached;     /* level 1: stopped with GLPK's plan within
                            req->mip_gap of its bound, as SPEC counts it */
    double *over_budget; /* GLPK's last answer when it was over a budget
                            row (not believed), else NULL; owned */
    int budget_retries;  /* runs again below such answers so far */
    double unit;         /* level 1: GLPK's objective is in these units of
                            value (mip_value_unit); 0: the value itself */
    double bound_read;   /* when the tree's bound was last read (tree_bound_due) */
} SolveCtx;

/* The level's objective from one of GLPK's (its plan's, a bound). */
static double from_glpk(const SolveCtx *ctx, double objective)
{
    return ctx->unit > 0.0 ? objective * ctx->unit : objective;
}

static void progress_line(SolveCtx *ctx, glp_tree *T)
{
    double now = clock_seconds();
    if (ctx->req->quiet || now - ctx->last_progress < 1.0)
        return;
    ctx->last_progress = now;
    glp_prob *P = glp_ios_get_prob(T);
    int have_incumbent = glp_mip_status(P) == GLP_FEAS || glp_mip_status(P) == GLP_OPT;
    const char *what = ctx->req->level == LEVEL_VALUE ? "value" : "cost";
    fprintf(stderr, "samplan: %6.1f s  %slevel %d (%s)  incumbent ", now - ctx->req->clock_start,
            ctx->req->label ? ctx->req->label : "", (int)ctx->req->level, what);
    /* the best plan known: GLPK's, or the start it was not given (model.md:
     * "The greedy plan is not handed to GLPK"), which the caller keeps when
     * GLPK has none as good; "incumbent -" beside a plan of 954.7 misled */
    double best = have_incumbent ? from_glpk(ctx, glp_mip_obj_val(P)) : 0.0;
    int from_start = ctx->start_ok && (!have_incumbent || (ctx->req->level == LEVEL_VALUE
                                                               ? ctx->start_objective > best
                                                               : ctx->start_objective < best));
    if (from_start)
        best = ctx->start_objective;
    char num[32];
    if (have_incumbent || from_start)
        fprintf(stderr, "%s%s", progress_number(best, num), from_start ? " (start plan)" : "");
    else
        fputs("-", stderr);
    if (ctx->have_bound)
        fprintf(stderr, "  bound %s", progress_number(ctx->bound, num));
    /* level 1: SPEC's gap, as summary.json and --gap count it; level 2
     * (which SPEC gives no gap): GLPK's own formula, glp_ios_mip_gap */
    if ((have_incumbent || from_start) && ctx->have_bound)
        fprintf(stderr, "  gap %.3g%%",
                100.0 * (ctx->req->level == LEVEL_VALUE ? (ctx->bound - best) / fmax(1.0, fabs(ctx->bound))
                                                        : fabs(best - ctx->bound) / (fabs(best) + DBL_EPSILON)));
    fputc('\n', stderr);
}

/* Called on every line GLPK prints, which it does during long LP solves
 * where no tree callback comes: keeps the once-a-second progress going. */
void glpk_level_progress(void)
{
    SolveCtx *ctx = active_progress;
    if (!ctx || ctx->req->quiet)
        return;
    double now = clock_seconds();
    if (now - ctx->last_progress < 1.0)
        return;
    ctx->last_progress = now;
    fprintf(stderr, "samplan: %6.1f s  %slevel %d (%s)  solving the LP relaxation\n",
            now - ctx->req->clock_start, ctx->req->label ? ctx->req->label : "", (int)ctx->req->level,
            ctx->req->level == LEVEL_VALUE ? "value" : "cost");
}

/* 1 for Ctrl-C, 2 for the time limit (with a second of grace for GLPK's own
 * check), 0 to go on; only outside the branch-and-cut tree, where the tree
 * callback cannot stop GLPK cleanly — and inside it for a give-up
 * (RunRequest.give_up_s) at the cost level while GLPK has no plan at all,
 * which loses nothing: GLPK's cut rounds at a node make no callback for
 * seconds (kronoberg 1 000's cost level, one processor: a give-up due
 * after 2.3 s came only when the worker was killed at the limit, so
 * region search never ran and the level-1 plan, 30.4 M SEK, stood). A
 * plan GLPK has just found is printed ("mip = 6.89e+06 >= …") before the
 * callback that would show it, so the line itself is read (review,
 * twenty-third session); a plan in the tree is left to the callback,
 * which weighs it against the start. `line` is what GLPK prints. */
int glpk_level_stop_requested(const char *line)
{
    SolveCtx *ctx = active_progress;
    if (!ctx)
        return 0;
    if (ctx->in_tree) { /* at level 1 the tree's bound would be lost */
        const char *mip = strstr(line, "mip =");
        if (mip && !strstr(mip, "not found yet"))
            ctx->has_plan = 1;
        return ctx->req->level == LEVEL_COST && ctx->req->give_up_s > 0.0 && !ctx->has_plan &&
                       clock_seconds() > ctx->started + ctx->req->give_up_s
                   ? 2
                   : 0;
    }
    if (solver_interrupted)
        return 1;
    if (clock_seconds() > ctx->started + ctx->req->time_limit_s + 1.0)
        return 2;
    /* a give-up (RunRequest.give_up_s) still in the first LP: GLPK has no
     * plan before its tree, so there is nothing to wait for */
    if (ctx->req->give_up_s > 0.0 && clock_seconds() > ctx->started + ctx->req->give_up_s)
        return 2;
    return 0;
}

/* 1 when GLPK's tree has a plan at least as good as the run's start
 * (RunRequest.give_up_s). */
static int incumbent_as_good(const SolveCtx *ctx, glp_tree *T)
{
    glp_prob *P = glp_ios_get_prob(T);
    if (glp_mip_status(P) != GLP_FEAS && glp_mip_status(P) != GLP_OPT)
        return 0;
    double v = from_glpk(ctx, glp_mip_obj_val(P)), s = ctx->start_objective;
    double tol = 1e-9 * fmax(1.0, fabs(s));
    return ctx->req->level == LEVEL_VALUE ? v >= s - tol : v <= s + tol;
}

/* GLPK is not given the start (solve_body says why), so without
 * glpk_start_settled it went on looking for a plan of its own as good:
 * the level-1 probe (solver/parts.c) left GLPK at kronoberg 1 000 without
 * a plan for 20 s with `--gap 0.001` while the probe's plan was within it. */
int glpk_start_settled(RunLevel level, double start, double bound, double gap)
{
    double tol = 1e-9 * fmax(1.0, fabs(start));
    int value = level == LEVEL_VALUE;
    if (value ? bound <= start + tol : bound >= start - tol)
        return 1;
    return gap > 0.0 && (value ? bound - start : start - bound) <= gap * fmax(1.0, fabs(bound)) ? 2 : 0;
}

static int start_settled(const SolveCtx *ctx)
{
    return glpk_start_settled(ctx->req->level, ctx->start_objective, ctx->bound, ctx->req->mip_gap);
}

/* How often the tree's best bound is read once the tree is large:
 * glp_ios_best_node walks the whole list of open nodes, and GLPK calls
 * back several times a node. Read at every callback it took a random
 * scenario's sliver (15 participants, 74 000 callbacks) from 1.98 s to
 * 2.80 s (thirty-third session). A bound read late is a bound all the
 * same, only weaker; but small trees, region search's among them, are
 * read at every callback: read every 5 ms there too, region search
 * ended national 2 000's level 2 at 65.0 M SEK where it had 63.7 M (two
 * runs each; likely as its short runs came back without the bound they
 * had reached). */
#define TREE_BOUND_PERIOD_S 0.005
#define TREE_BOUND_EVERY_UPTO 1000 /* open nodes */

/* 1, with the best bound of the open nodes in *bound, when it is due: at
 * every callback while the tree has at most TREE_BOUND_EVERY_UPTO open
 * nodes, else TREE_BOUND_PERIOD_S after the last read (*last) and at a
 * new plan, where the bound may settle the run at once. 0 also before
 * GLPK has a bound (±DBL_MAX until the root LP is solved). */
static int tree_bound_due(glp_tree *T, double *last, double *bound)
{
    double now = clock_seconds();
    int open = 0;
    glp_ios_tree_size(T, &open, NULL, NULL);
    if (open > TREE_BOUND_EVERY_UPTO && now - *last < TREE_BOUND_PERIOD_S && glp_ios_reason(T) != GLP_IBINGO)
        return 0;
    *last = now;
    int best = glp_ios_best_node(T);
    *bound = best ? glp_ios_node_bound(T, best) : DBL_MAX;
    return fabs(*bound) < DBL_MAX;
}

static void on_tree_event(glp_tree *T, void *info)
{
    SolveCtx *ctx = info;
    /* GLPK times its first LP and its tree apart, each from its own
     * start and each with the whole tm_lim, and a node's LP stops only at
     * the tree's tm_lim: national 150 at --time-limit 6 ended after
     * 8.6-9.1 s, a first LP of 5 s and then a root LP with cuts. The tree
     * keeps a pointer to the parameters it was given, so what is left of
     * the run becomes its limit when it starts. */
    if (!ctx->in_tree && ctx->parm) {
        double left_ms = 1000.0 * (ctx->started + ctx->req->time_limit_s - clock_seconds());
        ctx->parm->tm_lim = left_ms < 1.0 ? 1 : left_ms < (double)INT_MAX ? (int)left_ms : INT_MAX;
    }
    ctx->in_tree = 1;
    double best_bound;
    if (tree_bound_due(T, &ctx->bound_read, &best_bound)) {
        ctx->bound = from_glpk(ctx, best_bound);
        ctx->have_bound = 1;
        _Atomic double *live = ctx->req->live_bound;
        if (live && ctx->req->level == LEVEL_COST && ctx->bound > atomic_load(live))
            atomic_store(live, ctx->bound);
    }
    if (solver_interrupted && !ctx->interrupted) {
        ctx->interrupted = 1;
        glp_ios_terminate(T);
        return;
    }
    /* a start GLPK's bound settles is an answer even at the limit */
    if (ctx->start_ok && ctx->have_bound && (ctx->start_done = start_settled(ctx)) != 0) {
        glp_ios_terminate(T);
        return;
    }
    /* GLPK checks tm_lim only between nodes, and a run ended up to 1.1 s
     * past it (kronoberg 2 000, --time-limit 10); its callbacks come more
     * often (what is left, up to 0.6 s of pseudo-cost trials without one,
     * solver/solve.c handles by killing level-2 workers) */
    if (clock_seconds() > ctx->started + ctx->req->time_limit_s) {
        glp_ios_terminate(T);
        return;
    }
    glp_prob *tree_prob = glp_ios_get_prob(T);
    int tree_plan = glp_mip_status(tree_prob) == GLP_FEAS || glp_mip_status(tree_prob) == GLP_OPT;
    ctx->has_plan |= tree_plan;
    /* --gap at level 1 as SPEC counts the gap (solve_body) */
    if (ctx->req->level == LEVEL_VALUE && tree_plan && ctx->have_bound &&
        mip_within_gap(ctx->bound, from_glpk(ctx, glp_mip_obj_val(tree_prob)), ctx->req->mip_gap)) {
        ctx->gap_reached = 1;
        glp_ios_terminate(T);
        return;
    }
    if (ctx->req->give_up_s > 0.0 && clock_seconds() > ctx->started + ctx->req->give_up_s &&
        !incumbent_as_good(ctx, T)) {
        glp_ios_terminate(T);
        return;
    }
    progress_line(ctx, T);
}

/* GLPK's MIP presolver prints nothing and cannot be stopped, and it is
 * slow on large programs: about 2.5 µs per non-zero here (national 2 000,
 * 0.9 M non-zeros: 2.2 s; 5 000: 4.7 s; 20 000, 6.6 M: 16 s, so a 20 s
 * limit became 37 s). A run skips it when it would take more than
 * PRESOLVE_MAX_SHARE of the run's time. */
#define PRESOLVE_SECONDS_PER_NONZERO 2.5e-6
#define PRESOLVE_MAX_SHARE 0.1
/* proximity search's own time limit in the probe, in times the region's
 * (see solve_body) */
#define PROBE_PROXIMITY_TIMES 20.0

static int presolve_too_slow(const Mip *mip, double seconds)
{
    return (double)mip->nnz * PRESOLVE_SECONDS_PER_NONZERO > PRESOLVE_MAX_SHARE * seconds;
}

/* Row i's activity in plan x. */
static double row_activity(const Mip *mip, int i, const double *x)
{
    double used = 0.0;
    for (size_t k = 0; k < mip->nnz; k++)
        if (mip->ia[k] == i)
            used += mip->ar[k] * x[mip->ja[k]];
    return used;
}

/* 1 when plan x is over one of mip's budget rows. */
static int over_a_budget(const Mip *mip, const double *x)
{
    for (int i = 0; i < mip->nrows; i++)
        if (mip_is_budget_row(&mip->rows[i]) && row_activity(mip, i, x) > mip->rows[i].ub)
            return 1;
    return 0;
}

/* GLPK takes a row as met within about 1e-7·(1 + |bound|), so a plan
 * 0.0015 SEK over a budget of 13 328.09 came back as feasible
 * (independent audit, twelfth session), and SPEC §2 gives max_cost no
 * tolerance: what GLPK returns is checked against the budget itself
 * (mip_solution_ok) before it is believed. GLPK gets max_cost as it is,
 * so that its bound holds for every plan: a budget lowered by half a
 * tolerance (as from the twelfth session) hid a plan costing exactly
 * max_cost, and a worse plan was called optimal (independent tester,
 * thirtieth session; tests/scenarios/budget_at_cost). When an answer was
 * not believed (`rejected`, over the budget; the `retry`-th run again),
 * the budget goes below that answer by 1.5, 6, 24 … tolerances, so that
 * GLPK cannot return it again; plans in that sliver under max_cost are
 * then out of GLPK's reach (see run_below_over_budget). */
static void tighten_budget_rows(glp_prob *P, const Mip *mip, const double *rejected, int retry)
{
    if (!rejected)
        return; /* glpk_load_program gave GLPK max_cost itself */
    for (int i = 0; i < mip->nrows; i++) {
        const MipRow *r = &mip->rows[i];
        if (!mip_is_budget_row(r))
            continue;
        double over = row_activity(mip, i, rejected);
        if (over <= r->ub)
            continue;
        double ub = over - 1.5e-7 * (1.0 + fabs(r->ub)) * pow(4.0, retry - 1);
        ub = fmax(ub, fmin(r->ub, 0.0)); /* the empty plan costs 0: max_cost 0 keeps it */
        glp_set_row_bnds(P, i + 1, GLP_UP, 0.0, fmin(ub, r->ub));
    }
}

/* GLPK's integrality tolerance on a program with a budget: a column
 * within tol_int of a whole number counts as whole, and rounding it moves
 * the cost by tol_int times its coefficient. With GLPK's 1e-5 and a group
 * cost of 200 000 SEK, one group at 0.999995 cost 199 999 under a budget
 * of 199 999.5; rounded, the plan was over it, and every run below it
 * took the same answer: the run ended `feasible` after 0.06 s of 10
 * (independent tester, thirty-first session). So the tolerance is kept
 * to the budget row's own, 1e-7·(1 + |bound|), over the largest
 * coefficient of a whole-number column in it, between 1e-9 (which the
 * runs below an answer over the budget use) and GLPK's 1e-5. */
static double budget_tol_int(const Mip *mip)
{
    double tol = 1e-5;
    for (int i = 0; i < mip->nrows; i++) {
        if (!mip_is_budget_row(&mip->rows[i]))
            continue;
        double largest = 0.0;
        for (size_t k = 0; k < mip->nnz; k++)
            if (mip->ia[k] == i && mip->cols[mip->ja[k]].integer)
                largest = fmax(largest, fabs(mip->ar[k]));
        if (largest > 0.0)
            tol = fmin(tol, 1e-7 * (1.0 + fabs(mip->rows[i].ub)) / largest);
    }
    return fmax(tol, 1e-9);
}

/* Adds the row value ≥ cutoff (RunRequest.value_cutoff) to P, whose
 * columns are mip's in the order pos gives (NULL: mip's own). GLPK is
 * not handed the start as a plan (see solve_body), so without the row it
 * searches the tree for plans no better than it: on sikt-inland with a
 * budget of 4 M SEK glpsol proved the optimum 108.2 in 9.0 s, and in
 * 1.6 s with the row at 108.1 (twenty-ninth session). With a value grid
 * (unit > 0) the row is in whole units and its side rounded up, a whole
 * step above the start where the caller asks half of one: the same
 * plans, but no LP solution within a step of the start. On kronoberg's
 * budget b35 glpsol proved the start in 3.5 s so, 22.8 s with the row at
 * half a step (thirty-second session). Returns 1 when added, 0 on
 * out-of-memory (the run goes on without it). */
static int add_value_cutoff(glp_prob *P, const Mip *mip, const int *pos, double cutoff, double unit)
{
    int n = 0;
    int *ind = malloc(((size_t)mip->ncols + 1) * sizeof *ind);
    double *val = malloc(((size_t)mip->ncols + 1) * sizeof *val);
    if (!ind || !val) {
        free(ind);
        free(val);
        return 0;
    }
    for (int j = 0; j < mip->ncols; j++)
        if (mip->cols[j].value != 0.0) {
            n++;
            ind[n] = (pos ? pos[j] : j) + 1;
            val[n] = glpk_objective_coef(&mip->cols[j], LEVEL_VALUE, unit);
        }
    int row = glp_add_rows(P, 1);
    glp_set_mat_row(P, row, n, ind, val);
    /* in units, every plan of value ≥ cutoff is a whole number ≥ this:
     * the slack only keeps rounding error from lifting a cutoff that is
     * itself on the grid a whole unit (with a gcd of 1e7 the caller's
     * half step of 10^-d is 5e-8 of a unit, so it is relative) */
    double side = cutoff;
    if (unit > 0.0) {
        double units = cutoff / unit;
        side = ceil(units - 1e-9 * fmax(1.0, fabs(units)));
    }
    glp_set_row_bnds(P, row, GLP_LO, side, 0.0);
    free(ind);
    free(val);
    return 1;
}

/* 1 for a column whose value is a whole number in every plan: the
 * integer columns, and a cohort's size, the sum of its integer members.
 * GLPK's answer keeps each within its integrality tolerance (1e-5), so
 * they are rounded; a size left at GLPK's value no longer equalled the
 * sum of its rounded members (values with six decimals made GLPK's
 * members 3e-6 off), the answer was not believed and level 2 ran to the
 * limit without a plan (independent audit, twelfth session). */
static int integral_column(const MipCol *c)
{
    return c->integer || c->kind == COL_SIZE;
}

static int solve_body(void *arg)
{
    SolveCtx *ctx = arg;
    const Mip *mip = ctx->mip;
    const RunRequest *req = ctx->req;
    RunResult *out = ctx->out;
    out->x = calloc((size_t)(mip->ncols ? mip->ncols : 1), sizeof *out->x);
    if (!out->x) {
        snprintf(ctx->err, ctx->errsz, "out of memory");
        return -1;
    }
    glp_prob *P = glpk_load_program(mip, req->level, ctx->unit, 0, ctx->pos);
    if (!P) {
        snprintf(ctx->err, ctx->errsz, "out of memory loading the program");
        return -1;
    }
    active_progress = ctx;
    if (glpk_fault_requested("all"))
        glp_get_row_name(P, glp_get_num_rows(P) + 1); /* test hook: provoke a GLPK error */
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_ON; /* routed to capture_terminal: keeps progress alive in long LPs */
    parm.cb_func = on_tree_event;
    parm.cb_info = ctx;
    ctx->parm = &parm;
    /* GLPK's own gap is |bound − plan| / |plan|; at level 1 --gap is
     * SPEC's, (bound − value) / max(1, |bound|), which the tree callback
     * checks instead (on a plan of 9 under a bound of 11, 22 % against
     * 18 %: --gap 0.2 ran to the limit; independent tester, twenty-ninth
     * session). Level 2, which SPEC gives no gap, keeps GLPK's. */
    parm.mip_gap = req->level == LEVEL_VALUE ? 0.0 : req->mip_gap;
    glpk_set_time_limit(&parm.tm_lim, req->time_limit_s);
    /* Cuts: GMI and MIR tighten the link rows; cover cuts only without a
     * budget row, where GLPK 5.0's cover-cut generator fails an internal
     * check (tests/scenarios/budget, variant tight). Pseudo-cost branching:
     * on a 2 000-participant county instance (kronoberg preset) level 1 took
     * 3.7 s instead of 6.1 s, and level 2 reached a 1.1 % gap in 40 s where
     * depth-first-heuristic branching found no plan (bench/RESULTS.md). */
    int budget = 0;
    for (int i = 0; i < mip->nrows && !budget; i++)
        budget = mip->rows[i].tag == 'b';
    parm.gmi_cuts = ctx->safe ? GLP_OFF : GLP_ON;
    parm.mir_cuts = ctx->safe ? GLP_OFF : GLP_ON;
    parm.clq_cuts = ctx->safe ? GLP_OFF : GLP_ON;
    int cost_level = req->level == LEVEL_COST && !ctx->safe;
    parm.cov_cuts = cost_level && !budget ? GLP_ON : GLP_OFF;
    parm.fp_heur = ctx->safe ? GLP_OFF : GLP_ON;
    /* ... but not in a region of region search: on a capa cohort
     * neighbourhood (2 669 columns) pseudo-costs took 3.7 s, the default
     * 0.4 s, to the same optimum (bench/RESULTS.md) */
    /* At level 1 pseudo-costs on a budget only: with the value cutoff,
     * glpsol with the first racer's cuts and pseudo-costs proved
     * norra-vastmanland's budget b35 in 17 s and found b75's optimum
     * 237.6 in 18 s, where depth-first found neither in 40 s; kronoberg
     * b35 / b50 4.3 / 4.0 s against 5.8 / 3.8 s (thirty-second session) */
    int budget_value = req->level == LEVEL_VALUE && budget && !ctx->safe;
    parm.br_tech = (cost_level || budget_value) && !req->restriction ? GLP_BR_PCH : GLP_BR_DTH;
    /* ... nor in a run that may give up (RunRequest.give_up_s): the
     * pseudo-costs' first trials at the root make no callback and print
     * nothing, 6 s on kronoberg 1 000's cost level, so a give-up due after
     * 2.3 s came when the limit killed the run (twenty-third session) */
    if (req->give_up_s > 0.0)
        parm.br_tech = GLP_BR_DTH;
    if (req->plain_options) {
        parm.gmi_cuts = GLP_OFF;
        parm.br_tech = GLP_BR_DTH;
    }
    /* GLPK's proximity search, asked for by a probe that found nothing
     * (solver/parts.c level1_probe). It stops on its own once no step
     * gains 1 %; its time limit also bounds the refinement of each step
     * (a twentieth), which with only the region's time found nothing in
     * three runs of eight (kronoberg 1 000 at --time-limit 6 beside two
     * busy processes). The worker's deadline (solver/workers.c) still ends
     * the region. */
    if (req->proximity) {
        parm.ps_heur = GLP_ON;
        parm.ps_tm_lim = (int)fmin(INT_MAX, 1000.0 * PROBE_PROXIMITY_TIMES * req->time_limit_s);
    }
    parm.out_frq = OUTPUT_PERIOD_MS;
    /* a run again below an answer over the budget (run_below_over_budget):
     * GLPK takes a column within 1e-5 of a whole number as whole, and
     * with group costs of 1 000 SEK its answer, rounded, came out over a
     * budget lowered by 24 row tolerances (0.017 SEK) three times in a
     * row (independent tester's hair_feasible_subopt, thirtieth session) */
    if (budget)
        parm.tol_int = budget_tol_int(mip);
    if (ctx->budget_retries > 0)
        parm.tol_int = 1e-9;
    int start_ok = req->start && mip->ncols && mip_solution_ok(mip, req->start);
    ctx->start_objective = start_ok ? mip_objective(mip, req->start, req->level) : 0.0;
    ctx->start_ok = start_ok;
    ctx->start_done = 0;
    tighten_budget_rows(P, mip, ctx->over_budget, ctx->budget_retries);
    free(ctx->over_budget); /* set again only when this run's answer is over the budget */
    ctx->over_budget = NULL;
    int cutoff = start_ok && req->level == LEVEL_VALUE && req->value_cutoff > ctx->start_objective &&
                 add_value_cutoff(P, mip, ctx->pos, req->value_cutoff, ctx->unit);
    int ret = 0;
    int silent_presolve = presolve_too_slow(mip, req->time_limit_s);
    if (!mip->ncols) {
        ret = 0;
    } else if (ctx->safe || silent_presolve) {
        /* after a GLPK failure, or when GLPK's MIP presolver would run
         * too long in silence: the LP relaxation first, then branch-and-cut
         * on the program as it is, without the MIP presolver. On a large
         * program the LP presolver is off too, since it is just as silent
         * and the simplex's own progress lines are where a stop can come. */
        glp_smcp sm;
        glp_init_smcp(&sm);
        sm.msg_lev = GLP_MSG_ON;
        sm.out_frq = OUTPUT_PERIOD_MS;
        sm.presolve = silent_presolve ? GLP_OFF : GLP_ON;
        glpk_set_time_limit(&sm.tm_lim, req->time_limit_s);
        int sret = glp_simplex(P, &sm);
        if (sret == 0 && glp_get_status(P) == GLP_OPT) {
            parm.presolve = GLP_OFF;
            glpk_set_time_limit(&parm.tm_lim, req->time_limit_s - (clock_seconds() - ctx->started));
            ret = glp_intopt(P, &parm);
        } else {
            ret = GLP_ETMLIM;
        }
    } else {
        /* The start is NOT handed to GLPK (use_sol): with the MIP presolver
         * GLPK keeps only its objective and can return a wrong solution
         * (random scenario 33), and without the presolver the cost level of
         * random scenario 15 took 17 s instead of 0.01 s. The start is the
         * fallback when GLPK finds nothing better in time. */
        parm.presolve = GLP_ON;
        ret = glp_intopt(P, &parm);
    }
    ctx->parm = NULL; /* parm ends with this function */
    int status = mip->ncols ? glp_mip_status(P) : GLP_OPT;
    out->stop = STOP_NONE;
    if (ret == GLP_ETMLIM)
        out->stop = STOP_TIME;
    else if (ret == GLP_EMIPGAP)
        out->stop = STOP_GAP;
    else if (ret == GLP_ESTOP)
        out->stop = ctx->interrupted                               ? STOP_INTERRUPT
                    : ctx->start_done == 2 || ctx->gap_reached ? STOP_GAP
                                                               : STOP_TIME;
    else if (ret != 0 && ret != GLP_ENOPFS && ret != GLP_ENODFS) {
        snprintf(ctx->err, ctx->errsz, "GLPK's branch-and-cut failed (glp_intopt code %d)", ret);
        glp_delete_prob(P);
        return -1;
    }
    if (solver_interrupted)
        out->stop = STOP_INTERRUPT;
    /* no plan above the cutoff: the start is optimal */
    int start_proven = cutoff && out->stop == STOP_NONE && (ret == GLP_ENOPFS || (ret == 0 && status == GLP_NOFEAS));
    out->has_solution = mip->ncols == 0 || status == GLP_OPT || status == GLP_FEAS;
    if (out->has_solution && mip->ncols) {
        for (int j = 0; j < mip->ncols; j++) {
            double v = glp_mip_col_val(P, (ctx->pos ? ctx->pos[j] : j) + 1);
            out->x[j] = integral_column(&mip->cols[j]) ? nearbyint(v) : v;
        }
        if (!mip_solution_ok(mip, out->x)) {
            if (over_a_budget(mip, out->x)) {
                free(ctx->over_budget);
                ctx->over_budget = malloc((size_t)mip->ncols * sizeof *ctx->over_budget);
                if (ctx->over_budget)
                    memcpy(ctx->over_budget, out->x, (size_t)mip->ncols * sizeof *out->x);
            }
            out->has_solution = 0; /* not believed; the start (if any) stands */
            if (out->stop == STOP_NONE)
                out->stop = STOP_TIME;
        }
    }
    /* the start, when GLPK has nothing better: proven when GLPK's bound
     * proved it (start_settled) */
    int start_better = start_ok && out->has_solution &&
                       (req->level == LEVEL_VALUE ? ctx->start_objective > mip_objective(mip, out->x, req->level)
                                                  : ctx->start_objective < mip_objective(mip, out->x, req->level));
    if ((!out->has_solution || (ctx->start_done && start_better)) && start_ok) {
        memcpy(out->x, req->start, (size_t)mip->ncols * sizeof *out->x);
        out->has_solution = 1;
        if (out->stop == STOP_NONE)
            out->stop = STOP_TIME;
    }
    if ((ctx->start_done == 1 && ret == GLP_ESTOP && !ctx->interrupted && !solver_interrupted) || start_proven)
        out->stop = STOP_NONE;
    if (out->has_solution) {
        out->objective = mip_objective(mip, out->x, req->level);
        if (status == GLP_FEAS && out->stop == STOP_NONE && ctx->start_done != 1)
            out->stop = STOP_TIME; /* feasible but not proven */
    }
    if (out->stop == STOP_NONE && out->has_solution)
        out->bound = out->objective;
    else if (ctx->have_bound)
        out->bound = ctx->bound;
    else
        out->bound = req->level == LEVEL_VALUE ? HUGE_VAL : -HUGE_VAL;
    glp_delete_prob(P);
    return 0;
}

/* One GLPK run of ctx's request into ctx->out: once more in safe mode
 * after a GLPK failure; the start stands when stopped inside an LP.
 * Returns 0, or −1 / −2 (GLPK's internal error) with a message. */
static int solve_once(SolveCtx *ctx)
{
    const Mip *mip = ctx->mip;
    const RunRequest *req = ctx->req;
    RunResult *out = ctx->out;
    int rc = glpk_guarded(solve_body, ctx);
    if (rc == -2) {
        /* GLPK failed an internal check (its environment is freed): try once
         * more with its presolver, cuts and heuristics off */
        free(out->x);
        memset(out, 0, sizeof *out);
        ctx->safe = 1;
        ctx->have_bound = 0;
        ctx->in_tree = 0;
        ctx->has_plan = 0;
        ctx->interrupted = 0;
        rc = glpk_guarded(solve_body, ctx);
    }
    if (rc == -3 || rc == -4) {
        /* stopped during an LP solve (first attempt or retry): no GLPK
         * solution, the start stands */
        out->stop = rc == -3 ? STOP_INTERRUPT : STOP_TIME;
        out->has_solution = 0;
        if (req->start && out->x) {
            memcpy(out->x, req->start, (size_t)mip->ncols * sizeof *out->x);
            out->has_solution = 1;
            out->objective = mip_objective(mip, out->x, req->level);
        }
        /* a tree bound read before the stop still holds (review,
         * thirty-seventh session: one process on Kronoberg 2 000 lost
         * its cost bound here) */
        out->bound = ctx->have_bound ? ctx->bound : req->level == LEVEL_VALUE ? HUGE_VAL : -HUGE_VAL;
        rc = 0;
    }
    return rc;
}

/* How often, and with how much time left at least, a run goes again
 * below an answer of GLPK's that was over the budget (below). */
#define BUDGET_RETRIES 3
#define BUDGET_RETRY_MIN_S 0.05
/* The share of the time left the runs below an answer get when the
 * sliver under the budget can be looked into afterwards (prove_sliver_empty).
 * They follow a GLPK run that ended early and are mostly over in a
 * moment, but with plain options one ran 11.7 s of 14.6 on a
 * 15-participant scenario (GLPK branching on vertices 1e-8 off whole
 * numbers) and found nothing (thirty-third session). */
#define BELOW_SHARE 0.25

static int sliver_provable(const SolveCtx *ctx);

/* GLPK's answer over a budget by less than its row tolerance is not
 * believed, and the run then had only its start: a random scenario with
 * max_cost 0.001 SEK below a plan ended `feasible` after 3.5 s of 10 at
 * 34.075 where 34.475 fits (independent tester, thirtieth session). So
 * the run goes again with the budget below that answer
 * (tighten_budget_rows), in the time left. The first run's bound still
 * holds for every plan; the later runs cannot see plans in the sliver
 * between their budget and max_cost, so their answer is proven only
 * when it reaches that bound. */
static void run_below_over_budget(SolveCtx *ctx)
{
    const RunRequest *req = ctx->req;
    double first_started = ctx->started;
    double bound = ctx->out->bound;
    int sense = req->level == LEVEL_VALUE ? 1 : -1; /* +1: greater is better */
    while (ctx->over_budget && ctx->budget_retries < BUDGET_RETRIES) {
        double left = req->time_limit_s - (clock_seconds() - first_started);
        if (left < BUDGET_RETRY_MIN_S || solver_interrupted || ctx->out->stop == STOP_INTERRUPT)
            break;
        RunResult before = *ctx->out;
        RunRequest shorter = *req;
        shorter.live_bound = NULL; /* below a budget lowered: no bound on the program's plans */
        /* a plan to prove, or nothing for the sliver to start from */
        shorter.time_limit_s = sliver_provable(ctx) && before.has_solution ? BELOW_SHARE * left : left;
        ctx->req = &shorter;
        ctx->started = clock_seconds();
        ctx->budget_retries++;
        ctx->have_bound = ctx->in_tree = ctx->has_plan = ctx->gap_reached = 0;
        memset(ctx->out, 0, sizeof *ctx->out);
        int rc = solve_once(ctx);
        ctx->req = req;
        ctx->started = first_started;
        RunResult *out = ctx->out;
        if (rc != 0 || (before.has_solution && (!out->has_solution ||
                                                sense * (before.objective - out->objective) > 0.0))) {
            free(out->x); /* a failure, or no better: the answer before stands */
            *out = before;
            break;
        }
        free(before.x);
        double tol = 1e-9 * fmax(1.0, fabs(bound));
        if (out->has_solution && sense * (bound - out->objective) <= tol) {
            out->stop = STOP_NONE;
            out->bound = out->objective;
        } else {
            if (out->stop != STOP_INTERRUPT)
                out->stop = STOP_TIME;
            out->bound = bound;
        }
    }
}

/* ---- the sliver under the budget ------------------------------------------ */

/* What a run in the sliver found (prove_sliver_empty). */
typedef enum SliverAnswer {
    SLIVER_STOPPED,   /* out of time (its slice), Ctrl-C, or GLPK failed */
    SLIVER_UNDECIDED, /* GLPK's answer too close to the budget to tell */
    SLIVER_EMPTY,     /* no plan of value ≥ the target fits the budget */
    SLIVER_PLAN       /* a plan of value ≥ the target that fits: in `x` */
} SliverAnswer;

typedef struct SliverCtx {
    SolveCtx *run;    /* the level-1 run, for its program, positions and unit */
    int budget;       /* the budget row's index */
    double target;    /* the least value sought, on the value grid */
    double until;     /* monotonic deadline of this attempt */
    int pcost;        /* 1: pseudo-cost branching; 0: MIR cuts (sliver_body) */
    double *x;        /* [ncols]: GLPK's plan, integral columns rounded */
    SliverAnswer answer;
    int bound_over;   /* GLPK's bound on the least cost is over max_cost */
    double bound_read; /* tree_bound_due */
    double pruned_at; /* the least cost of GLPK's plans in its tree, as it
                         prunes by them (HUGE_VAL: none) */
    int strict_int;   /* GLPK counts columns as whole only within the
                         budget's tolerance (budget_tol_int) */
} SliverCtx;

/* Beyond this (SEK) over max_cost the least cost of the plans sought
 * shows that none fits: GLPK's pruning tolerance (set to half of it on an
 * objective that is 0 at max_cost) and the rounding of a sum of costs,
 * with room to spare. */
static double sliver_margin(double max_cost)
{
    return 1e-8 + 1e-12 * fabs(max_cost);
}

static void on_sliver_event(glp_tree *T, void *info)
{
    SliverCtx *s = info;
    SolveCtx *ctx = s->run;
    double now = clock_seconds();
    /* GLPK's plan as its tree has it: whole only within tol_int, and its
     * least cost is what GLPK prunes by, not the rounded plan's cost,
     * which is what glp_mip_obj_val gives after the presolver (review,
     * thirty-third session: a plan at max_cost − 0.001 of 200 000 SEK was
     * pruned under one at 1 − 1e-6 that rounded to a plan over it) */
    if (glp_ios_reason(T) == GLP_IBINGO)
        s->pruned_at = fmin(s->pruned_at, glp_mip_obj_val(glp_ios_get_prob(T)));
    if (solver_interrupted || now > s->until) {
        glp_ios_terminate(T);
        return;
    }
    /* GLPK prunes by a plan it has; without one it keeps every node
     * its row tolerance lets through, also those whose least cost is
     * over max_cost. So the proof is the bound itself (the pricing's last
     * run on a 15-participant scenario was settled so in 0.02 s) */
    double least;
    if (tree_bound_due(T, &s->bound_read, &least) && least > sliver_margin(ctx->mip->rows[s->budget].ub)) {
        s->bound_over = 1;
        glp_ios_terminate(T);
        return;
    }
    if (ctx->req->quiet || now - ctx->last_progress < 1.0)
        return;
    ctx->last_progress = now; /* also keeps the terminal hook's lines away */
    char v[32], b[32], t[32];
    fprintf(stderr, "samplan: %6.1f s  %slevel 1 (value)  incumbent %s  bound %s  least cost of value >= %s\n",
            now - ctx->req->clock_start, ctx->req->label ? ctx->req->label : "",
            progress_number(ctx->out->objective, v), progress_number(ctx->out->bound, b),
            progress_number(s->target + 0.5 * ctx->unit, t)); /* the next step of the grid */
}

/* GLPK minimises the budget row's own activity less max_cost over the
 * plans of value ≥ target, the budget row kept: with the objective 0 at
 * max_cost its pruning tolerance is absolute (GLPK's is relative to the
 * plan's objective: 1e-7 of 1 600 SEK would hide a sliver of 1e-6). */
static int sliver_body(void *arg)
{
    SliverCtx *s = arg;
    SolveCtx *ctx = s->run;
    const Mip *mip = ctx->mip;
    glp_prob *P = glpk_load_program(mip, LEVEL_COST, 0.0, 0, ctx->pos);
    if (!P || !add_value_cutoff(P, mip, ctx->pos, s->target, ctx->unit)) {
        if (P)
            glp_delete_prob(P);
        return -1;
    }
    double max_cost = mip->rows[s->budget].ub;
    for (int j = 0; j < mip->ncols; j++)
        glp_set_obj_coef(P, (ctx->pos ? ctx->pos[j] : j) + 1, 0.0);
    for (size_t k = 0; k < mip->nnz; k++)
        if (mip->ia[k] == s->budget) {
            int g = (ctx->pos ? ctx->pos[mip->ja[k]] : mip->ja[k]) + 1;
            glp_set_obj_coef(P, g, glp_get_obj_coef(P, g) + mip->ar[k]);
        }
    glp_set_obj_coef(P, 0, -max_cost);
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_ON; /* routed to capture_terminal, where a stop in an LP is honoured */
    parm.out_frq = OUTPUT_PERIOD_MS;
    parm.cb_func = on_sliver_event;
    parm.cb_info = s;
    parm.presolve = GLP_ON;
    /* tol_int stays GLPK's own: the proof is GLPK's bound, which holds
     * whatever it counts as whole, and a plan is believed only once
     * rounded and checked. With 1e-9 GLPK branched for 10 s on a
     * 15-participant scenario (costs of 3 000 SEK left its vertices
     * 1e-8 off whole numbers) and found nothing. */
    parm.tol_obj = 0.5 * sliver_margin(max_cost);
    if (s->strict_int)
        parm.tol_int = budget_tol_int(mip);
    /* no cover cuts on a budget row (solve_body) */
    parm.mir_cuts = s->pcost ? GLP_OFF : GLP_ON;
    parm.br_tech = s->pcost ? GLP_BR_PCH : GLP_BR_DTH;
    glpk_set_time_limit(&parm.tm_lim, s->until - clock_seconds());
    int ret = glp_intopt(P, &parm);
    int status = glp_mip_status(P);
    int finished = !solver_interrupted && (ret == 0 || ret == GLP_ENOPFS || ret == GLP_ENODFS);
    s->answer = SLIVER_STOPPED;
    if (s->bound_over) {
        s->answer = SLIVER_EMPTY;
    } else if (finished && (ret == GLP_ENOPFS || status == GLP_NOFEAS)) {
        s->answer = SLIVER_EMPTY;
    } else if (status == GLP_OPT || status == GLP_FEAS) {
        /* also a plan found before a stop: any plan of value ≥ the target
         * that fits will do, not only the cheapest */
        for (int j = 0; j < mip->ncols; j++) {
            double v = glp_mip_col_val(P, (ctx->pos ? ctx->pos[j] : j) + 1);
            s->x[j] = integral_column(&mip->cols[j]) ? nearbyint(v) : v;
        }
        double least = fmin(s->pruned_at, glp_mip_obj_val(P));
        if (mip_solution_ok(mip, s->x))
            s->answer = SLIVER_PLAN;
        else if (finished && status == GLP_OPT)
            s->answer = least - parm.tol_obj * (1.0 + fabs(least)) > sliver_margin(max_cost)
                            ? SLIVER_EMPTY /* the least cost is over */
                            : SLIVER_UNDECIDED;
    }
    glp_delete_prob(P);
    return 0;
}

/* The index of mip's one budget row, or −1 (none, or more than one). */
static int the_budget_row(const Mip *mip)
{
    int found = -1;
    for (int i = 0; i < mip->nrows; i++)
        if (mip_is_budget_row(&mip->rows[i])) {
            if (found >= 0)
                return -1;
            found = i;
        }
    return found;
}

/* 1 when prove_sliver_empty can look into the sliver under ctx's budget:
 * at level 1 on a value grid, with one budget row. */
static int sliver_provable(const SolveCtx *ctx)
{
    return ctx->req->level == LEVEL_VALUE && ctx->unit > 0.0 && !ctx->req->restriction && ctx->mip->ncols &&
           the_budget_row(ctx->mip) >= 0;
}

/* GLPK's time on the question below swings tenfold with its options,
 * one way on one scenario and the other way on the next: on two random
 * scenarios' slivers 0.95 and over 10 s with MIR cuts, 6.9 and 0.46 s
 * with pseudo-cost branching (thirty-third session). So it is asked by
 * turns, MIR cuts first, each way for a slice of time, the slices
 * doubling once both ways have had one: at most about four times the
 * better way's time, instead of ten. */
#define SLIVER_FIRST_SLICE_S 2.0

/* After an answer over the budget, the runs below it (run_below_over_budget)
 * cannot see plans between their lowered budget and max_cost, and the
 * first run's bound may be such a plan's, a millionth of a krona over:
 * the run ended `feasible` with time left, which SPEC §3 allows only at a
 * limit, a gap or Ctrl-C (independent tester, thirty-second session: a
 * 7-participant scenario with max_cost 1e-6 below a plan, `feasible`
 * after 0.14 s of 10). So the question is put the other way round: the
 * least cost of a plan one step of the value grid better than the run's.
 * The value is then a row in whole units, exact, and the cost the
 * objective, which GLPK minimises to its pruning tolerance, set to a
 * hundred-millionth of a krona, where a budget row is met to only
 * 1e-7·(1 + max_cost). A least cost over max_cost proves the plan
 * optimal; a plan that fits is the new plan, and the question is asked
 * again above it. Only with a value grid: without one the step would
 * have to be GLPK's row tolerance, and plans within it of the run's
 * would go unseen. */
static void prove_sliver_empty(SolveCtx *ctx)
{
    const RunRequest *req = ctx->req;
    RunResult *out = ctx->out;
    const Mip *mip = ctx->mip;
    if (!sliver_provable(ctx) || ctx->budget_retries == 0 || !out->has_solution || out->stop != STOP_TIME)
        return;
    if (mip_within_gap(out->bound, out->objective, req->mip_gap)) {
        out->stop = STOP_GAP; /* within --gap of a bound that holds for every plan */
        return;
    }
    double until = ctx->started + req->time_limit_s;
    if (presolve_too_slow(mip, until - clock_seconds()))
        return; /* GLPK's MIP presolver, silent and not to be stopped, would overrun the limit */
    SliverCtx s = {ctx, the_budget_row(mip), 0.0, 0.0, 0, malloc((size_t)mip->ncols * sizeof(double)),
                   SLIVER_STOPPED, 0, 0.0, HUGE_VAL, 0};
    if (!s.x)
        return;
    /* the run has a plan as good as its start: a give-up (which the
     * terminal hook would apply outside the tree) is not for this */
    RunRequest own = *req;
    own.give_up_s = 0.0;
    own.live_bound = NULL; /* the sliver's runs bound the sliver only */
    ctx->req = &own;
    ctx->in_tree = 0; /* the terminal hook stops GLPK at the limit and at Ctrl-C */
    double slice = SLIVER_FIRST_SLICE_S;
    while (!mip_value_done(out->bound, out->objective, 0.0) && !solver_interrupted &&
           until - clock_seconds() >= BUDGET_RETRY_MIN_S) {
        s.target = out->objective + 0.5 * ctx->unit; /* add_value_cutoff rounds it up to the next step */
        s.until = fmin(until, clock_seconds() + slice);
        s.bound_over = 0;
        s.pruned_at = HUGE_VAL;
        if (glpk_guarded(sliver_body, &s) != 0)
            break;
        if (s.answer == SLIVER_UNDECIDED) {
            if (s.strict_int)
                break;
            s.strict_int = 1; /* GLPK's plan, whole within 1e-5, rounded over the budget: again, strictly */
            continue;
        }
        if (s.answer == SLIVER_STOPPED) {
            /* the other way of branching, and each way twice as long
             * as before once both have had their go */
            if (s.pcost)
                slice *= 2.0;
            s.pcost = !s.pcost;
            continue;
        }
        if (s.answer == SLIVER_EMPTY) {
            out->bound = out->objective;
            out->stop = STOP_NONE;
            break;
        }
        double value = mip_objective(mip, s.x, LEVEL_VALUE);
        if (value <= out->objective)
            break; /* no step gained: rounding, not a plan; leave it */
        memcpy(out->x, s.x, (size_t)mip->ncols * sizeof *s.x);
        out->objective = value;
        if (mip_value_done(out->bound, value, 0.0)) {
            out->bound = value;
            out->stop = STOP_NONE;
            break;
        }
        if (mip_within_gap(out->bound, value, req->mip_gap)) {
            out->stop = STOP_GAP;
            break;
        }
    }
    if (solver_interrupted && out->stop == STOP_TIME)
        out->stop = STOP_INTERRUPT;
    ctx->req = req;
    free(s.x);
}

int glpk_solve_level(const Mip *mip, const RunRequest *req, RunResult *out, char *err, size_t errsz)
{
    memset(out, 0, sizeof *out);
    SolveCtx ctx = {mip, req, out, clock_seconds(), 0.0, 0.0, 0, 0, 0, 0, 0, 0.0, NULL, err, errsz, 0, 0, NULL, 0,
                    NULL, 0, req->level == LEVEL_VALUE ? mip_value_unit(mip) : 0.0, 0.0};
    ctx.last_progress = ctx.started;
    if (req->column_order == 1) {
        ctx.pos = glpk_column_positions(mip, req->level);
        if (!ctx.pos) {
            snprintf(err, errsz, "out of memory");
            return -1;
        }
    }
    int rc = solve_once(&ctx);
    if (rc == 0) {
        run_below_over_budget(&ctx);
        prove_sliver_empty(&ctx);
    }
    free(ctx.over_budget);
    active_progress = NULL;
    free(ctx.pos);
    out->seconds = clock_seconds() - ctx.started;
    if (rc == -2)
        snprintf(err, errsz, "GLPK reported an internal error while solving: %s%s%s", glpk_previous_line,
                 glpk_previous_line[0] ? "; " : "", glpk_last_line);
    return rc < 0 ? -1 : 0;
}
