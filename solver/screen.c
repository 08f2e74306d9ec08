/*
 * screen.c — open and close courses, each move priced by the LP
 * (screen.h).
 *
 * The LP is the level-2 program without its link rows and with every
 * group count fixed: the link rows x ≤ L·g become the bounds
 * 0 ≤ x ≤ min(ub, L·g), set again whenever a move changes g. Moves,
 * seed by seed (h->seeds, shuffled by lns.c): close the seed's course
 * (or open it when it does not run), then close it and open one of the
 * SCREEN_PARTNERS nearest courses that do not run (or the other way
 * round), then close it and open two of the SCREEN_TRIPLE nearest (or
 * the other way round: without these, capc's screens stop at a plan
 * 0.24 % above its optimum; with them they reach it, bench/RESULTS.md,
 * twentieth session). Before a move is
 * solved, the LP's dual solution at the plan bounds its optimum
 * (dual_bound); a move that cannot gain is dismissed unsolved (44 % of
 * capc's moves). A move whose LP optimum is cheaper than the plan by more than
 * SCREEN_EPS is looked at: whole (every integer column and size within
 * 1e-6 of a whole number) and a plan of the program, it is the new plan
 * and the screen ends there (the next one goes on from it); fractional,
 * the warm LP is left and GLPK's branch-and-cut solves the program with
 * the move's group counts fixed, for at most SCREEN_MIP_S, before the LP
 * is loaded again. Where a screen stops is handed on (seed position and
 * move, ScreenOutcome.next), with how many seeds were priced without a
 * gain, so that screens run one after another price every move once.
 */
#include "screen.h"

#include "fixed_counts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCREEN_PARTNERS 8
/* then with two of its SCREEN_TRIPLE nearest in the other state */
#define SCREEN_TRIPLE 4
#define SCREEN_PAIRS (SCREEN_TRIPLE * (SCREEN_TRIPLE - 1) / 2)
#define SCREEN_MOVES (SCREEN_PARTNERS + 1 + SCREEN_PAIRS)
#define SCREEN_SOLVE_S 2.0 /* the most one re-solve may take */
#define SCREEN_MIP_S 3.0
/* A move must beat the plan's cost by this share in the LP to be looked
 * at: below it a "gain" is GLPK's tolerance. */
#define SCREEN_EPS 1e-7
/* The dual test dismisses a move only when its bound is above the plan's
 * cost by this share (net of SCREEN_EPS). */
#define SCREEN_DUAL_MARGIN 1e-6

int screen_audit;

typedef struct Move {
    int n;
    int c[3], d[3]; /* cohorts and the change of their group counts */
} Move;

typedef struct Screen {
    Hoods *h;
    const Mip *mip;     /* the level-2 program */
    Mip lp;             /* its columns, its rows but the link rows */
    int *link_start;    /* [ncohorts + 1] a cohort's link rows, as (column, L) */
    int *link_col;
    double *link_l;
    int *gv;            /* [ncohorts] the group counts of the plan being priced from */
    double *x;          /* the plan (the caller's; written only on a gain) */
    double *sol;        /* [ncols] scratch: an LP solution, rounded */
    double *dj;         /* [ncols] reduced costs of the LP at the plan's group counts */
    double lp_cost;     /* that LP's optimum */
    int duals;          /* dj and lp_cost hold (the LP at the plan's counts was solved) */
    double cost;        /* of x */
    double until;
    int pos, step;      /* where the pricing is: seed position, move of that seed */
    int since_gain;     /* seeds done since the last gain, every move decided */
    int moves;          /* moves this run has begun to price */
    int cut;            /* the last move's time was cut short by the screen's own */
    int proven, priced, improved;
    int dismissed;      /* moves the dual test showed cannot gain, unsolved */
    int unfit;          /* moves members_fit rules out, unsolved */
    int moved;          /* courses the gaining move changed (0: none, the plan's own LP) */
    int audited, violations; /* screen_audit: moves solved to check the dual test, bounds above the optimum */
    Move pending;       /* a cheaper move with a fractional LP optimum (n > 0) */
} Screen;

static void screen_release(Screen *sc)
{
    mip_release(&sc->lp);
    free(sc->link_start);
    free(sc->link_col);
    free(sc->link_l);
    free(sc->gv);
    free(sc->sol);
    free(sc->dj);
}

/* The program's rows but the link rows, its columns as they are, and
 * each cohort's link rows as (column, L) pairs. */
static int screen_init(Screen *sc, Hoods *h, double *x)
{
    const Mip *mip = h->mip;
    int ncoh = (int)h->m->ncohorts, nr = mip->nrows;
    memset(sc, 0, sizeof *sc);
    sc->h = h;
    sc->mip = mip;
    sc->x = x;
    int *row_to = malloc((size_t)(nr ? nr : 1) * sizeof *row_to);
    int *lx = malloc((size_t)(nr ? nr : 1) * sizeof *lx);
    int *lg = malloc((size_t)(nr ? nr : 1) * sizeof *lg);
    double *ll = malloc((size_t)(nr ? nr : 1) * sizeof *ll);
    sc->link_start = calloc((size_t)ncoh + 1, sizeof *sc->link_start);
    sc->gv = calloc((size_t)(ncoh ? ncoh : 1), sizeof *sc->gv);
    sc->sol = malloc((size_t)(mip->ncols ? mip->ncols : 1) * sizeof *sc->sol);
    sc->dj = malloc((size_t)(mip->ncols ? mip->ncols : 1) * sizeof *sc->dj);
    int fail = !row_to || !lx || !lg || !ll || !sc->link_start || !sc->gv || !sc->sol || !sc->dj;
    for (int j = 0; !fail && j < mip->ncols; j++)
        fail = mip_add_col(&sc->lp, mip->cols[j]) < 0;
    int nlinks = 0;
    for (int i = 0; !fail && i < nr; i++) {
        lx[i] = lg[i] = -1;
        ll[i] = 0.0;
        row_to[i] = mip->rows[i].tag == 'l' ? -1 : mip_add_row(&sc->lp, mip->rows[i].lb, mip->rows[i].ub, mip->rows[i].tag);
        nlinks += mip->rows[i].tag == 'l';
    }
    for (size_t k = 0; !fail && k < mip->nnz; k++) {
        int i = mip->ia[k], j = mip->ja[k];
        if (row_to[i] >= 0) {
            mip_add_coef(&sc->lp, row_to[i], j, mip->ar[k]);
        } else if (mip->cols[j].kind == COL_GROUPS) {
            lg[i] = j;
            ll[i] = -mip->ar[k];
        } else {
            lx[i] = j;
        }
    }
    fail = fail || sc->lp.oom;
    sc->link_col = malloc((size_t)(nlinks ? nlinks : 1) * sizeof *sc->link_col);
    sc->link_l = malloc((size_t)(nlinks ? nlinks : 1) * sizeof *sc->link_l);
    fail = fail || !sc->link_col || !sc->link_l;
    if (!fail) {
        /* grouped by cohort: count, then fill */
        for (int i = 0; i < nr; i++)
            if (lx[i] >= 0 && lg[i] >= 0)
                sc->link_start[mip->cols[lg[i]].a + 1]++;
        for (int c = 0; c < ncoh; c++)
            sc->link_start[c + 1] += sc->link_start[c];
        int *at = calloc((size_t)(ncoh ? ncoh : 1), sizeof *at);
        fail = !at;
        for (int i = 0; !fail && i < nr; i++) {
            if (lx[i] < 0 || lg[i] < 0)
                continue;
            int c = mip->cols[lg[i]].a, e = sc->link_start[c] + at[c]++;
            sc->link_col[e] = lx[i];
            sc->link_l[e] = ll[i];
        }
        free(at);
    }
    for (int c = 0; !fail && c < ncoh; c++)
        sc->gv[c] = h->group_col[c] >= 0 ? (int)lround(x[h->group_col[c]]) : 0;
    free(row_to);
    free(lx);
    free(lg);
    free(ll);
    if (fail) {
        screen_release(sc);
        return -1;
    }
    sc->cost = mip_objective(mip, x, LEVEL_COST);
    return 0;
}

/* The upper bound of cohort c's e-th linked column when c runs v groups. */
static double link_ub(const Screen *sc, int e, int v)
{
    const MipCol *col = &sc->mip->cols[sc->link_col[e]];
    return fmax(col->lb, fmin(col->ub, sc->link_l[e] * v));
}

/* 0 when a linked column of cohort c has a lower bound above what v
 * groups hold (link row x ≤ L·v): no plan runs c with v groups. Columns
 * the value floor fixes (solver/floor_fixing.c) can have such bounds,
 * and a move to v was solved only to find its LP infeasible (review,
 * thirty-fourth session). */
static int members_fit(const Screen *sc, int c, int v)
{
    for (int e = sc->link_start[c]; e < sc->link_start[c + 1]; e++)
        if (sc->mip->cols[sc->link_col[e]].lb > sc->link_l[e] * v + 1e-9)
            return 0;
    return 1;
}

/* Sets cohort c's group count to sc->gv[c] in the LP, and its members'
 * bounds with it. */
static void apply_cohort(Screen *sc, LpWarm *lp, int c)
{
    int g = sc->h->group_col[c];
    glpk_warm_bounds(lp, g, sc->gv[c], sc->gv[c]);
    for (int e = sc->link_start[c]; e < sc->link_start[c + 1]; e++)
        glpk_warm_bounds(lp, sc->link_col[e], sc->mip->cols[sc->link_col[e]].lb, link_ub(sc, e, sc->gv[c]));
}

/* A lower bound on the LP optimum after move mv, without solving: the
 * LP's dual solution at the plan's group counts (sc->dj) stays feasible
 * when bounds change, and its Lagrangian gains, column by column, what
 * the box min(d·lb, d·ub) gains. Moves only change the bounds of the
 * moved cohorts' group counts (fixed) and linked columns. */
static double dual_bound(const Screen *sc, const Move *mv)
{
    double bound = sc->lp_cost;
    for (int i = 0; i < mv->n; i++) {
        int c = mv->c[i], from = sc->gv[c], to = from + mv->d[i];
        bound += sc->dj[sc->h->group_col[c]] * (to - from);
        for (int e = sc->link_start[c]; e < sc->link_start[c + 1]; e++) {
            double d = sc->dj[sc->link_col[e]], lb = sc->mip->cols[sc->link_col[e]].lb;
            bound += fmin(d * lb, d * link_ub(sc, e, to)) - fmin(d * lb, d * link_ub(sc, e, from));
        }
    }
    return bound;
}

/* Rounds sc->sol's integer columns and sizes; 1 when each was within
 * 1e-6 of a whole number. */
static int round_whole(Screen *sc)
{
    int whole = 1;
    for (int j = 0; j < sc->mip->ncols; j++) {
        const MipCol *col = &sc->mip->cols[j];
        if (!col->integer && col->kind != COL_SIZE)
            continue;
        double r = round(sc->sol[j]);
        whole = whole && fabs(sc->sol[j] - r) <= 1e-6;
        sc->sol[j] = r;
    }
    return whole;
}

/* Takes sc->sol as the plan when it is one (the level's value floor and
 * a budget held exactly, as lns.c's merge holds them) and cheaper. */
static int take_if_better(Screen *sc)
{
    double cost = mip_objective(sc->mip, sc->sol, LEVEL_COST);
    if (!(cost < sc->cost - 1e-9 * fmax(1.0, fabs(sc->cost))) || !mip_solution_within(sc->mip, sc->sol, "vb"))
        return 0;
    memcpy(sc->x, sc->sol, (size_t)sc->mip->ncols * sizeof *sc->x);
    sc->cost = cost;
    sc->improved = 1;
    sc->since_gain = 0;
    return 1;
}

/* What an LP optimum must be below to count as a gain on the plan: its
 * cost less SCREEN_EPS of it (below that a "gain" is GLPK's tolerance). */
static double gain_below(const Screen *sc)
{
    return sc->cost - SCREEN_EPS * fmax(1.0, fabs(sc->cost));
}

/* Passes to the next seed, the one left counting as priced without a
 * gain since the last. */
static void next_seed(Screen *sc)
{
    sc->pos = (sc->pos + 1) % sc->h->nseeds;
    sc->step = 0;
    sc->since_gain++;
}

/* Seconds one move's re-solve (or branch-and-cut, up to `most`) may
 * take: what is left of the screen's time, except for the first move of
 * a run, which gets `most` whatever is left — every run decides at least
 * one move, so a screen whose time is shorter than one move still gets
 * through every seed (run after run, each from where the last stopped).
 * Sets sc->cut when the screen's time cut the move's short: a move
 * undecided then is priced again by the next screen, while one undecided
 * in its own full time keeps its seed from counting quiet. */
static double time_for(Screen *sc, double most)
{
    double left = sc->until - clock_seconds();
    sc->cut = sc->moves > 1 && left < most;
    return sc->cut ? left : most;
}

static double move_seconds(Screen *sc)
{
    return time_for(sc, SCREEN_SOLVE_S);
}

/* Prices move mv from the plan's group counts: 1 when it became the
 * plan, 2 when it is cheaper in the LP but fractional (sc->pending), 3
 * when the LP was not solved in time (undecided), 0 otherwise: no gain.
 * Unless 1, the LP is back at the plan's group counts. */
static int price(Screen *sc, LpWarm *lp, const Move *mv)
{
    for (int i = 0; i < mv->n; i++) {
        const MipCol *g = &sc->mip->cols[sc->h->group_col[mv->c[i]]];
        int v = sc->gv[mv->c[i]] + mv->d[i];
        if (v < g->lb || v > g->ub)
            return 0;
        if (!members_fit(sc, mv->c[i], v)) {
            sc->unfit++;
            return 0;
        }
    }
    /* the margin keeps GLPK's tolerances in the duals from dismissing a
     * move that gains */
    double scale = fmax(1.0, fabs(sc->cost)), bound = sc->duals ? dual_bound(sc, mv) : -HUGE_VAL;
    int dismiss = bound >= gain_below(sc) + SCREEN_DUAL_MARGIN * scale;
    if (dismiss) {
        sc->dismissed++;
        if (!screen_audit)
            return 0;
    }
    for (int i = 0; i < mv->n; i++) {
        sc->gv[mv->c[i]] += mv->d[i];
        apply_cohort(sc, lp, mv->c[i]);
    }
    double obj;
    sc->priced++;
    /* the re-solve stops once its dual simplex shows the move cannot gain,
     * with the dual test's margin: GLPK's bound is dual feasible only
     * within its tolerances (review); the audit needs every optimum */
    double cutoff = screen_audit ? NAN : gain_below(sc) + SCREEN_DUAL_MARGIN * scale;
    int result = 0, solved = glpk_warm_solve(lp, move_seconds(sc), cutoff, &obj);
    if (screen_audit && sc->duals && solved != 2) {
        /* infeasible counts as +∞, above any bound */
        sc->audited++;
        sc->violations += solved == 1 && obj < bound - SCREEN_DUAL_MARGIN * 0.5 * scale;
    }
    if (dismiss)
        ; /* audited only: the dual test's verdict stands */
    else if (solved == 2)
        result = 3; /* not solved in time: undecided */
    else if (solved == 1 && obj < gain_below(sc)) {
        glpk_warm_solution(lp, sc->sol);
        if (!round_whole(sc))
            sc->pending = *mv, result = 2;
        else if (take_if_better(sc)) {
            sc->moved = mv->n;
            return 1;
        }
    }
    for (int i = 0; i < mv->n; i++) {
        sc->gv[mv->c[i]] -= mv->d[i];
        apply_cohort(sc, lp, mv->c[i]);
    }
    return result;
}

/* The k-th (from 0) pair of near partners, numbered 1, 2, … and the
 * pairs ordered by their farther member: (1,2), (1,3), (2,3), (1,4), … */
static void pair_of(int k, int *first, int *second)
{
    int b = 2;
    while (k >= b - 1)
        k -= b++ - 1;
    *first = k + 1;
    *second = b;
}

/* Adds to mv the want-th nearest cohort to the seed (h->order) whose
 * state (running or not) is `open`, with change d; 0 when there is none. */
static int add_nearest(const Screen *sc, int open, int want, int d, Move *mv)
{
    const Hoods *h = sc->h;
    int seen = 0;
    for (int i = 1; i < h->nseeds; i++) {
        int p = h->order[i];
        if ((sc->gv[p] > 0) != open || ++seen < want)
            continue;
        mv->c[mv->n] = p;
        mv->d[mv->n++] = d;
        return 1;
    }
    return 0;
}

/* The step-th move of seed cohort c (0: close or open it alone;
 * 1..SCREEN_PARTNERS: with the step-th nearest course in the other state;
 * then with a pair of the SCREEN_TRIPLE nearest in the other state, in
 * pair_of's order); 0 when there is no such move (too few courses in the
 * other state). h->order must hold the cohorts nearest c. */
static int move_of(const Screen *sc, int c, int step, Move *mv)
{
    int open = sc->gv[c] > 0, d = open ? -1 : 1;
    mv->c[0] = c;
    mv->d[0] = d;
    mv->n = 1;
    if (step == 0)
        return 1;
    if (step <= SCREEN_PARTNERS)
        return add_nearest(sc, !open, step, -d, mv);
    int a, b;
    pair_of(step - SCREEN_PARTNERS - 1, &a, &b);
    return add_nearest(sc, !open, a, -d, mv) && add_nearest(sc, !open, b, -d, mv);
}

/* Runs inside glpk_lp_warm: prices moves until time is up, every seed
 * was done since the last gain, or a fractional gain waits. */
static int visit(LpWarm *lp, void *arg)
{
    Screen *sc = arg;
    Hoods *h = sc->h;
    for (int c = 0; c < (int)h->m->ncohorts; c++)
        if (h->group_col[c] >= 0)
            apply_cohort(sc, lp, c);
    double obj;
    /* the plan's own group counts (the basis the moves start from): its
     * assignments may be improvable */
    int solved = glpk_warm_solve(lp, fmax(time_for(sc, SCREEN_SOLVE_S), 0.0), NAN, &obj);
    if (solved == 1) {
        glpk_warm_reduced_costs(lp, sc->dj);
        sc->lp_cost = obj;
        sc->duals = 1;
    }
    if (solved == 1 && obj < gain_below(sc)) {
        glpk_warm_solution(lp, sc->sol);
        if (round_whole(sc))
            take_if_better(sc);
    }
    int ordered = -1;
    while (!sc->improved && !solver_interrupted) {
        if (sc->since_gain >= h->nseeds) {
            sc->proven = 1;
            break;
        }
        if (sc->moves > 0 && clock_seconds() >= sc->until)
            break;
        int c = h->seeds[sc->pos];
        if (sc->step > 0 && ordered != c) {
            hood_order_near(h, c);
            ordered = c;
        }
        Move mv;
        if (sc->step >= SCREEN_MOVES) {
            next_seed(sc);
            continue;
        }
        if (!move_of(sc, c, sc->step++, &mv))
            continue; /* too few courses in a state for this one: the next */
        sc->moves++;
        int r = price(sc, lp, &mv);
        if (r == 3 && sc->cut) {
            sc->step--; /* out of the screen's time: the next screen prices it */
            break;
        }
        if (r == 3)
            sc->since_gain = 0; /* a seed with a move undecided is not quiet */
        if (r == 2)
            break;
        if (r == 1)
            sc->step = 0; /* the next screen tries this seed's moves again */
    }
    return 0;
}

/* Branch-and-cut on the program with sc->pending's group counts fixed
 * (and the plan's elsewhere); takes the result when it is a cheaper
 * plan. */
static void solve_pending(Screen *sc, const RunRequest *base)
{
    double seconds = time_for(sc, SCREEN_MIP_S);
    if (seconds < 0.05) {
        sc->step--; /* no time left to decide it: the next screen prices it again */
        return;
    }
    memcpy(sc->sol, sc->x, (size_t)sc->mip->ncols * sizeof *sc->sol);
    for (int i = 0; i < sc->pending.n; i++)
        sc->sol[sc->h->group_col[sc->pending.c[i]]] += sc->pending.d[i];
    RunStop stop;
    int found = fixed_counts_solve(sc->mip, sc->sol, base, seconds, &stop);
    int gained = found == 1 && take_if_better(sc);
    sc->moved = gained ? sc->pending.n : 0;
    if (gained)
        for (int i = 0; i < sc->pending.n; i++)
            sc->gv[sc->pending.c[i]] += sc->pending.d[i];
    /* without a proof the move is undecided: priced again by the next
     * screen when the screen's time cut it short, else (its own 3 s, or a
     * GLPK failure) its seed does not count quiet */
    if (!gained && !(found >= 0 && stop == STOP_NONE)) {
        if (found >= 0 && sc->cut && stop == STOP_TIME)
            sc->step--;
        else
            sc->since_gain = 0;
    }
}

int screen_run(Hoods *h, const RunRequest *req, double *x, int first, int quiet, double seconds,
               ScreenOutcome *out, char *err, size_t errsz)
{
    memset(out, 0, sizeof *out);
    out->next = first;
    out->quiet = quiet;
    if (h->nseeds == 0) {
        out->proven = 1;
        return 0;
    }
    Screen sc;
    if (screen_init(&sc, h, x)) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    sc.until = clock_seconds() + seconds;
    sc.pos = (first / SCREEN_MOVES) % h->nseeds;
    sc.step = first % SCREEN_MOVES;
    sc.since_gain = quiet;
    int rc = 0;
    for (;;) {
        sc.pending.n = 0;
        rc = glpk_lp_warm(&sc.lp, LEVEL_COST, visit, &sc, err, errsz);
        if (rc < 0 || sc.pending.n == 0)
            break;
        solve_pending(&sc, req);
        if (sc.improved || clock_seconds() >= sc.until || solver_interrupted)
            break;
    }
    out->improved = sc.improved;
    out->priced = sc.priced;
    out->dismissed = sc.dismissed;
    out->unfit = sc.unfit;
    out->moved = sc.moved;
    out->audited = sc.audited;
    out->violations = sc.violations;
    out->proven = sc.proven;
    /* where the next screen starts: after the last move begun here, so
     * that a move that failed GLPK is not tried again at once; a seed
     * whose last move was the run's last is done here (else it would
     * not count quiet) */
    if (sc.step >= SCREEN_MOVES)
        next_seed(&sc);
    out->next = sc.pos * SCREEN_MOVES + sc.step;
    out->quiet = sc.since_gain;
    screen_release(&sc);
    /* a failure after a gain: the gain stands, x is a plan */
    return rc < 0 && !out->improved ? -1 : 0;
}
