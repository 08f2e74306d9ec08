/*
 * solve.c — the two-level solve loop (see solve.h and docs/model.md).
 *
 * Builds the program, splits it into independent blocks, and runs level 1
 * and then level 2 over the blocks (solver/parts.c). Time: level 1 may
 * use up to 75 % of the limit left, level 2 the rest; a level that
 * finishes early leaves its time to the next, and level 2 its time back
 * to a level 1 stopped unproven (solver/level1_again.h). When level 2 finds
 * nothing better (or no time is left), the level-1 plan stands: it has the
 * greatest value found, so it satisfies level 2's value floor.
 */
#include "solve.h"

#include "blocks.h"
#include "bound_alongside.h"
#include "build.h"
#include "extract.h"
#include "glpk_run.h"
#include "greedy.h"
#include "lagrange.h"
#include "level1_again.h"
#include "lns.h"
#include "parts.h"
#include "start.h"
#include "workers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LEVEL1_SHARE 0.75
/* The levels end this much before the limit: GLPK stops only at its next
 * callback, raced workers must be collected, and the plan written. On
 * kronoberg 2 000 with --time-limit 10 the run ended 0.02-0.19 s late
 * without it. 3 % of the limit, at most 0.3 s, and the time to turn the
 * solution into a plan and write it: on national 50 000 0.6 s from the
 * end of level 2 to the end of the run, on OR-Library capa (50 886
 * participants) 0.39 s for the files alone; 16 µs a participant. All of
 * it at most a quarter of the limit. */
#define FINISH_SHARE 0.03
#define FINISH_MAX_S 0.3
#define WRITE_S_PER_PARTICIPANT 16e-6
#define FINISH_MAX_SHARE 0.25
/* Level-2 workers still running this long (plus the time to write the
 * plan) before the limit are killed, and the levels end at least
 * KILL_SLACK_S before that: a run that uses all of its time must still be
 * able to hand its plan back (at --time-limit 1 to 3 the kill came first,
 * review of the fifth session). */
#define KILL_BEFORE_S 0.05
#define KILL_SLACK_S 0.1

/* Seconds to turn the solution into a plan and write it (above). */
static double write_seconds(const Scenario *s, double limit)
{
    return fmin(WRITE_S_PER_PARTICIPANT * s->nparticipants, FINISH_MAX_SHARE * limit);
}

/* Seconds the levels leave before the limit (above). */
static double finish_reserve(const Scenario *s, double limit)
{
    double r = fmax(fmin(FINISH_MAX_S, FINISH_SHARE * limit), KILL_BEFORE_S + KILL_SLACK_S) +
               write_seconds(s, limit);
    return fmin(r, FINISH_MAX_SHARE * limit);
}

static void fill_stats(const Model *m, SolveStats *st)
{
    st->rows = m->mip.nrows;
    st->cols = m->mip.ncols;
    st->nnz = m->mip.nnz;
    st->participant_classes = m->classes.npclasses;
    st->origins = m->classes.norigins;
    st->slot_classes = m->classes.nsclasses;
    st->cohorts = m->ncohorts;
    st->pairs = m->npairs;
    st->demands = m->ndemands;
    st->value_digits = m->value_digits;
}

#define FIRST_PLAN_MIN_S 0.1 /* the first greedy plan's least time (solve_scenario) */
#define NGREEDY 5          /* greedy orders tried */
/* Greedy plans first: in each block the best of them is the fallback
 * whenever GLPK stops with less. No order wins everywhere: fewest options
 * first joining open cohorts first, most options first, fewest options
 * first, best value and the gross list placed 15 563.8, 16 925.0,
 * 15 091.9, 16 185.1 and 16 225.1 on national 50 000, 1 785.9, 1 572.6,
 * 1 782.7, 1 673.5 and 1 645.6 on national 2 000, and 3 908.7, 3 295.3,
 * 3 793.9, 3 614.1 and 3 634.9 on national 5 000 (bench/RESULTS.md). The
 * first is made before the program is built (the answer when there is no
 * time to build it), the others while their time lasts. */
static const GreedyOrder greedy_orders[NGREEDY] = {GREEDY_FEWEST_JOIN_OPEN, GREEDY_MOST_OPTIONS,
                                                   GREEDY_FEWEST_OPTIONS, GREEDY_BEST_VALUE, GREEDY_GROSS_LIST};
/* Share of the time between the program's build and the levels' end
 * that the greedy plans after the first may take (one takes 1.3 s on
 * national 50 000). */
#define GREEDY_STARTS_SHARE 0.2
#define NSTARTS (NGREEDY + 1) /* and the searched plan: what each block may start from */
/* Share of level 1's time the greedy search (solver/greedy_search.c) has
 * on programs with a block for region search. */
#define SEARCH_SHARE 0.8
#define SEARCH_MAX_SHARE 0.9 /* SAMPLAN_GREEDY_SEARCH: GLPK keeps some time */
#define SEARCH_LEVEL1_REST 2.0
#define SEARCH_MIN_GREEDIES 2.0
/* On programs GLPK takes whole (county size: a largest block between
 * SEARCH_MIN_NONZEROS and region search's LNS_MIN_NONZEROS), a short
 * search first: SEARCH_COUNTY_SHARE of level 1, at most
 * SEARCH_S_PER_CLASS per participant class (kronoberg 2 000: 806 classes,
 * 1 s). Per class, not per participant: OR-Library capb/c-size
 * instances have 58 268 participants in 50 classes, and GLPK proves them
 * in 0.3 s, where a search of 0.5 ms a participant made them take 6 s. GLPK may find no plan, or a poor one,
 * before its time is up, and the searched plan is then what stands and
 * what region search starts from: kronoberg 2 000 with start windows
 * twice as long, 20 s, went from 929.3 to 972.4 (bound 989.2), where
 * 1 s of search alone gives about 960 (bench/RESULTS.md, fifteenth
 * session). Smaller programs GLPK proves at once, and the search would
 * only add its time: the presets at 2 000 participants, with GLPK's
 * level 1: sikt-inland 10 149 non-zeros, 0.07 s; norra-vastmanland
 * 13 227, 0.27 s; lysekil 9 753, 0.28 s; kronoberg 17 370, 3.5 s (a
 * threshold of 10 000 made sikt-inland and norra-vastmanland 2 000 take
 * 0.8 s longer: review of the fifteenth session). */
#define SEARCH_COUNTY_SHARE 0.1
#define SEARCH_S_PER_CLASS 1.25e-3
#define SEARCH_MIN_NONZEROS 15000
/* The bound alongside the search (solver/bound_alongside.h) runs as long
 * as the search; it is waited for this much longer at most. */
#define ALONGSIDE_GRACE_S 0.5

/* Plan g (from solver/greedy.c) as column values of m, or NULL when it
 * cannot be had; g is freed. */
static double *plan_columns(const Model *m, Plan *g)
{
    if (!g)
        return NULL;
    double *x = malloc((size_t)(m->mip.ncols ? m->mip.ncols : 1) * sizeof *x);
    if (x && model_columns_from_plan(m, g, x) != 0) {
        free(x);
        x = NULL;
    }
    plan_free(g);
    return x;
}

/* greedy_plan, or with search_s ≥ 0 greedy_search for that long (its
 * value written to *live as it rises; live may be NULL); NULL when it
 * cannot be had. */
static Plan *greedy_for(const Scenario *s, GreedyOrder order, double search_s, LiveShare *live)
{
    Plan *g = NULL;
    if (search_s >= 0.0 ? greedy_search_live(s, order, search_s, 1, live, &g, NULL) != 0
                        : greedy_plan(s, order, &g) != 0)
        return NULL;
    return g;
}

/* Σ over participants of their best value: a bound on any plan's value,
 * had without the program. */
static double value_bound_without_program(const Scenario *s)
{
    double sum = 0.0;
    for (int p = 0; p < s->nparticipants; p++)
        sum += participant_best_value(s, &s->participants[p]);
    return sum;
}

static Plan *plan_from(const Model *m, const double *x, char *err, size_t errsz)
{
    Plan *plan = plan_new(m->s->nparticipants);
    if (!plan) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    if (x && model_extract_plan(m, x, plan, err, errsz)) {
        plan_free(plan);
        return NULL;
    }
    return plan;
}

/* The Lagrangian bound of the parts without a GLPK bound takes up to this
 * share of the time limit from level 2, at most BOUND_MAX_LEFT of the
 * time left (it gives its time back when it makes no progress). */
#define BOUND_SHARE 0.1
#define BOUND_MAX_LEFT 0.5

/* The Lagrangian bound's time when it runs in this process: BOUND_SHARE
 * of the limit, at most BOUND_MAX_LEFT of what is left. */
static double bound_seconds(const SolveOptions *opt, double deadline)
{
    return fmin(opt->time_limit_s * BOUND_SHARE, (deadline - clock_seconds()) * BOUND_MAX_LEFT);
}

/* Part pt's bound with a Lagrangian bound lb (HUGE_VAL: none) on its
 * value: a bound down at the plan's value proves it (the bound is rounded
 * down to the value quantum when there is one). */
static void settle_bound(Part *pt, double lb)
{
    pt->bound = fmin(pt->bound, fmax(lb, pt->value));
    if (lb <= pt->value + 1e-9 * fmax(1.0, fabs(pt->value)))
        pt->value_proven = 1;
}

/* Σ over the parts of their level-1 bounds: GLPK's, or for a part GLPK
 * gave none (region search; a first LP that did not finish) the least of
 * the trivial one and its Lagrangian bound (solver/lagrange.h), which gets
 * a share of `seconds` by the part's weight — unless Part.alongside holds
 * the one computed while the greedy search ran (solver/bound_alongside.h;
 * HUGE_VAL: none), which had far longer. Parts with a GLPK bound are
 * left alone: on national 5 000 `alone` (106 blocks) the Lagrangian
 * bound moved the gap from 1.98 % to 1.93 %, and the time it took from
 * level 2 cost 2.4 % more (quick bench). The bounds are kept in the parts.
 * best: scratch for part_trivial_bound. */
static double tighten_bounds(const Model *m, Part *parts, int n, double seconds, double *best)
{
    const char *env = getenv("SAMPLAN_BOUND_SECONDS"); /* measuring: a fixed time instead */
    if (env)
        seconds = atof(env);
    if (solver_interrupted)
        seconds = 0.0; /* Ctrl-C: the plan is written at once */
    double open_weight = 0.0, sum = 0.0;
    unsigned char *unbounded = calloc((size_t)n + 1, 1);
    for (int i = 0; i < n; i++) {
        if (isfinite(parts[i].bound))
            continue;
        parts[i].bound = part_trivial_bound(m, parts[i].mip, best);
        /* one no lower than the trivial bound is none: the part gets
         * its own after level 1 */
        double lb = parts[i].alongside;
        if (lb < parts[i].bound - 1e-9 * fmax(1.0, fabs(parts[i].bound)) && !parts[i].value_proven)
            settle_bound(&parts[i], lb);
        else if (unbounded && !parts[i].value_proven && parts[i].bound > parts[i].value) {
            unbounded[i] = 1;
            open_weight += parts[i].weight;
        }
    }
    for (int i = 0; i < n; i++) {
        Part *pt = &parts[i];
        if (unbounded && unbounded[i] && seconds > 0.0 && !solver_interrupted) {
            settle_bound(pt, lagrange_bound(pt->mip, pt->value, pt->bound, m->value_digits,
                                            seconds * pt->weight / open_weight, NULL));
        }
        sum += pt->bound;
    }
    free(unbounded);
    return sum;
}

double solve_bound_on_grid(double bound, int digits)
{
    if (digits < 0 || !isfinite(bound))
        return bound;
    double scale = pow(10.0, digits), b = bound * scale, r = nearbyint(b);
    return (fabs(b - r) <= 1e-6 * fmax(1.0, fabs(b)) ? r : floor(b)) / scale;
}

/* Seconds for the greedy search out of `level1_s`: SEARCH_SHARE of it
 * when some block is large enough for region search (solver/lns.h),
 * where GLPK's regions try a few dozen changes in the time the search
 * tries thousands (bench/RESULTS.md, thirteenth session); a short one
 * on county-size programs (SEARCH_COUNTY_SHARE, above); else none, as
 * GLPK proves smaller programs at once. Beside region search it leaves level 1 at
 * least SEARCH_LEVEL1_REST (GLPK's first steps on such a program overran
 * a shorter rest by 1.1 s on national 20 000: review of the thirteenth
 * session), and is not begun with less than SEARCH_MIN_GREEDIES greedy
 * plans' time (`greedy_s` each): it makes its own start first.
 * SAMPLAN_GREEDY_SEARCH (seconds) forces it: tests run it on small
 * scenarios. */
static double greedy_search_seconds(const Model *m, const Blocks *blocks, double level1_s, double greedy_s)
{
    const char *env = getenv("SAMPLAN_GREEDY_SEARCH");
    level1_s = fmax(0.0, level1_s);
    if (solver_interrupted)
        return 0.0;
    if (env)
        return fmin(atof(env), SEARCH_MAX_SHARE * level1_s);
    size_t largest = 0;
    for (int i = 0; i < blocks->n; i++) {
        size_t nnz = blocks_program(blocks, &m->mip, i)->nnz;
        largest = nnz > largest ? nnz : largest;
    }
    double t = 0.0;
    if (largest > LNS_MIN_NONZEROS)
        t = fmin(SEARCH_SHARE * level1_s, level1_s - SEARCH_LEVEL1_REST);
    else if (largest > SEARCH_MIN_NONZEROS)
        t = fmin(SEARCH_COUNTY_SHARE * level1_s, SEARCH_S_PER_CLASS * m->classes.npclasses);
    return t >= SEARCH_MIN_GREEDIES * greedy_s ? t : 0.0;
}

/* When level 2 ends. Region search proves no cost bound, so its level 2
 * would run to the deadline even when `--gap` ended level 1 early (every
 * part for region search within the gap of its bound): then level 2 gets
 * the time level 1 took in the proportion of their shares, as a run to
 * the full limit would (LEVEL1_SHARE), but at least LEVEL2_GAP_MIN_S, a
 * couple of regions (solver/lns.c): at 0.3 s none ran (review of the
 * fifteenth session). GLPK's level 2 stops at the gap itself. */
#define LEVEL2_GAP_MIN_S 3.0
static double level2_deadline(const Part *parts, int n, double gap, double level1_start, double deadline)
{
    int regions = 0;
    for (int i = 0; i < n; i++) {
        const Part *pt = &parts[i];
        if (!lns_wanted(pt->mip))
            continue;
        if (!mip_within_gap(pt->bound, pt->value, gap))
            return deadline; /* this one did not reach the gap (or no gap was asked for) */
        regions = 1;
    }
    if (!regions)
        return deadline;
    double now = clock_seconds();
    double took = now - level1_start;
    return fmin(deadline, now + fmax(LEVEL2_GAP_MIN_S, took * (1.0 - LEVEL1_SHARE) / LEVEL1_SHARE));
}

/* Parts are never bundled (min_cols 1): one branch-and-bound over two
 * independent parts can explore the product of their trees, while a fork
 * and a GLPK call per part cost only milliseconds. */
#define BLOCK_MIN_COLS 1

/* The margin a bound from an LP (GLPK's tree, the descent) is lowered by
 * before it is said: GLPK accepts an LP optimum within its tolerances
 * (tol_dj 1e-7 on the scaled program), and summing costs adds noise. */
#define COST_BOUND_MARGIN 1e-7

void plan_set_cost_bound(Plan *plan, double bound)
{
    if (plan->status == PLAN_OPTIMAL) {
        plan->cost_bound = plan->cost;
        plan->cost_gap = 0.0;
        return;
    }
    /* a bound above the plan's own cost (beyond the margin) contradicts
     * the plan, a plan of the program it bounds: not said at all */
    if (!isfinite(bound) || bound > plan->cost + COST_BOUND_MARGIN * fmax(1.0, plan->cost) ||
        (bound <= 0.0 && plan->cost > 0.0)) {
        plan->cost_bound = plan->cost_gap = NAN;
        return;
    }
    double shaved = floor(100.0 * (bound - COST_BOUND_MARGIN * fmax(1.0, fabs(bound)))) / 100.0;
    plan->cost_bound = fmax(0.0, fmin(shaved, plan->cost));
    plan->cost_gap = (plan->cost - plan->cost_bound) / fmax(1.0, plan->cost);
}

int solve_scenario(const Scenario *s, const SolveOptions *opt, Plan **out, SolveStats *stats, char *err,
                   size_t errsz)
{
    SolveStats local;
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    *out = NULL;
    Model m;
    double deadline = opt->clock_start + opt->time_limit_s - finish_reserve(s, opt->time_limit_s);
    /* the first greedy plan before the program: when the time limit
     * leaves no time to build the program (national 50 000: about 4 s),
     * or none after it, that plan is the answer */
    double tg = clock_seconds();
    /* placing stops at the deadline, the rest wait unassigned, but not
     * before FIRST_PLAN_MIN_S: a limit that loading already spent still
     * gets the people a tenth of a second places (kronoberg's whole
     * greedy plan takes 0.03 s), not an empty plan */
    Plan *first = NULL;
    if (greedy_plan_until(s, greedy_orders[0], fmax(deadline, tg + FIRST_PLAN_MIN_S), &first) != 0)
        first = NULL;
    if (!first) {
        snprintf(err, errsz, "out of memory");
        return 1;
    }
    double t0 = clock_seconds(); /* the build's time, without that plan's */
    double greedy_s = t0 - tg;   /* one greedy plan's: the others take about as long */
    int built = model_build_until(s, 1, deadline, &m);
    if (built < 0) {
        plan_free(first);
        snprintf(err, errsz, "out of memory building the program");
        return 1;
    }
    if (built == 1 || clock_seconds() >= deadline || solver_interrupted) {
        if (built == 0) {
            fill_stats(&m, stats);
            model_release(&m);
        }
        stats->build_s = clock_seconds() - t0;
        stats->greedy_value = first->value;
        first->status = PLAN_FEASIBLE;
        first->bound = fmax(first->value, value_bound_without_program(s));
        first->gap = (first->bound - first->value) / fmax(1.0, fabs(first->bound));
        if (!opt->quiet && !solver_interrupted)
            fprintf(stderr, "samplan: the time limit left no time to %s the program: the plan is the greedy one\n",
                    built == 1 ? "build" : "solve");
        *out = first;
        return 0;
    }
    fill_stats(&m, stats);
    Blocks blocks;
    Part *parts = NULL;
    double *start_x[NSTARTS] = {NULL}, *x = NULL, *best = NULL, *block_bound = NULL;
    Plan *plan = NULL;
    int rc = 1, n = 0;
    /* SAMPLAN_BLOCKS=0 solves the program whole: tests compare the two */
    const char *split_env = getenv("SAMPLAN_BLOCKS");
    int min_cols = split_env && strcmp(split_env, "0") == 0 ? m.mip.ncols + 1 : BLOCK_MIN_COLS;
    if (mip_split_blocks(&m.mip, min_cols, &blocks)) {
        snprintf(err, errsz, "out of memory splitting the program");
        plan_free(first);
        model_release(&m);
        return 1;
    }
    n = blocks.n;
    stats->blocks = n;
    stats->build_s = clock_seconds() - t0;

    /* the greedy plans (greedy_orders) */
    int best_order = -1;
    double starts_end = clock_seconds() + GREEDY_STARTS_SHARE * (deadline - clock_seconds());
    for (int k = 0; k < NGREEDY; k++) {
        if (k > 0 && (clock_seconds() + greedy_s > starts_end || solver_interrupted))
            break;
        start_x[k] = plan_columns(&m, k == 0 ? first : greedy_for(s, greedy_orders[k], -1.0, NULL));
        first = NULL;
        if (!start_x[k])
            continue;
        double v = mip_objective(&m.mip, start_x[k], LEVEL_VALUE);
        if (best_order < 0 || v > stats->greedy_value)
            best_order = k;
        stats->greedy_value = fmax(stats->greedy_value, v);
    }
    /* the greedy search's time is level 1's; with a second process, the
     * value bound runs alongside it */
    int jobs = workers_jobs(opt->jobs);
    double level1_start = clock_seconds();
    double level1_end = level1_start + (deadline - level1_start) * LEVEL1_SHARE;
    double search_s = greedy_search_seconds(&m, &blocks, level1_end - clock_seconds(), greedy_s);
    block_bound = malloc((size_t)n * sizeof *block_bound);
    best = calloc((size_t)(m.classes.npclasses ? m.classes.npclasses : 1), sizeof *best);
    if (!block_bound || !best) {
        snprintf(err, errsz, "out of memory");
        goto done;
    }
    for (int i = 0; i < n; i++)
        block_bound[i] = HUGE_VAL;
    if (best_order >= 0 && search_s > 0.0) {
        double ts = clock_seconds();
        BoundAlongside alongside;
        int bounding = jobs > 1 && bound_alongside_start(&alongside, &m, &blocks, start_x[best_order], search_s,
                                                               opt->mip_gap) == 0;
        /* the search also stops by itself at the trivial bound, every
         * class at its best column, or within the gap of it: its steps
         * then only lower the cost, which level 2's region search does
         * far better (capb: 178 of 300 s went to such steps, and level 2
         * ended 0.64 % above the optimum) */
        LiveShare here = {0.0, 0, HUGE_VAL, 0.0, -1.0, 1};
        LiveShare *live = bounding && alongside.live ? alongside.live : &here;
        live->bound = part_trivial_bound(&m, &m.mip, best);
        live->gap = opt->mip_gap;
        live->progress_from = opt->quiet ? -1.0 : opt->clock_start;
        start_x[NGREEDY] = plan_columns(&m, greedy_for(s, greedy_orders[best_order], search_s, live));
        stats->search_s = clock_seconds() - ts;
        /* a plan at the trivial bound is proven (part_settle_by_bound):
         * the bound alongside, which stops only at the plan's value and
         * may be far from it, is not waited for (review, seventeenth
         * session) */
        int proven = start_x[NGREEDY] &&
                     mip_value_done(live->bound, mip_objective(&m.mip, start_x[NGREEDY], LEVEL_VALUE), 0.0);
        if (bounding)
            stats->bound_alongside_s = bound_alongside_finish(
                &alongside, proven ? clock_seconds() : fmin(level1_end, ts + search_s + ALONGSIDE_GRACE_S),
                block_bound);
        if (!opt->quiet && start_x[NGREEDY])
            greedy_progress_line(opt->clock_start, mip_objective(&m.mip, start_x[NGREEDY], LEVEL_VALUE),
                                 stats->greedy_value);
        /* one process and a gap asked for: the bound now, in the time it
         * would have after level 1, so that region search can stop within
         * the gap of it (tighten_bounds then has it already) */
        if (!bounding && opt->mip_gap > 0.0 && start_x[NGREEDY] && !solver_interrupted) {
            stats->bound_s += bound_alongside_here(&m, &blocks, start_x[NGREEDY], bound_seconds(opt, deadline),
                                                   opt->mip_gap, block_bound);
        }
    }
    const double *starts[NSTARTS];
    for (int k = 0; k < NSTARTS; k++)
        starts[k] = start_x[k];
    x = calloc((size_t)(m.mip.ncols ? m.mip.ncols : 1), sizeof *x);
    if (!x || parts_init(&m, &blocks, starts, NSTARTS, &parts)) {
        snprintf(err, errsz, "out of memory");
        goto done;
    }

    /* parts_init sorted the parts: each takes its block's bound */
    for (int i = 0; i < n; i++)
        for (int b = 0; b < n; b++)
            if (parts[i].mip == blocks_program(&blocks, &m.mip, b))
                parts[i].alongside = block_bound[b];

    RunRequest base = {LEVEL_VALUE, 0.0, opt->mip_gap, opt->quiet, opt->clock_start, NULL, NULL, 0, 1, 0, 0.0, 0.0, 0, 0, 0, 0.0, NULL};
    /* level 1, in rounds: each round shares the time left among the
     * parts not yet settled; a part stopped by its share runs again, from
     * its best plan, with what the easy parts left over */
    for (int i = 0; i < n; i++)
        part_settle_by_bound(&parts[i], &m, opt->mip_gap, best);
    double t1 = clock_seconds();
    if (parts_run_level(parts, n, LEVEL_VALUE, &base, level1_end, 0.0, jobs, err, errsz))
        goto done;
    stats->level1_s = clock_seconds() - t1; /* wall time */
    parts_keep_fallback(parts, n); /* blocks Ctrl-C kept from level 1 */
    double tb = clock_seconds();
    double bound_time = bound_seconds(opt, deadline);
    double bound = tighten_bounds(&m, parts, n, bound_time, best);
    stats->bound_s += clock_seconds() - tb;
    if (parts_keep_level1(parts, n)) {
        snprintf(err, errsz, "out of memory building the second level");
        goto done;
    }
    /* after tighten_bounds, which can prove a part's value */
    Level1Totals level1 = parts_level1_totals(parts, n);
    double value = level1.value;
    int value_proven = level1.proven;
    stats->level1_value = value;
    stats->level1_bound = bound;

    /* level 2 per part, in rounds as above. Each part's value floor: when
     * SPEC's allowance 1e-6·max(1, V*) buys no step of the value grid, the
     * parts' shares of it, adding up to it, are exact; else each part gets
     * the whole allowance (see parts_share_allowance) */
    int tradable = n > 1 && parts_allowance_tradable(value, m.value_digits);
    double allowance = plan_value_allowance(value);
    for (int i = 0; i < n; i++) {
        double tol = tradable ? allowance : allowance * fmax(1.0, parts[i].value) / level1.weight;
        if (part_prepare_level2(&parts[i], m.value_digits, parts[i].value, tol)) {
            snprintf(err, errsz, "out of memory building the second level");
            goto done;
        }
    }
    double t2 = clock_seconds();
    parts_fix_by_floor(parts, n, NULL, deadline, base.quiet, &stats->floor_fixed);
    /* level 2 is the last: a worker GLPK keeps past its limit (a node's
     * pseudo-cost trials make no callback for up to 0.6 s on kronoberg
     * 2 000) is killed just before the limit, leaving time to write the
     * plan; its part keeps its level-1 plan, or the other racer's */
    double end = opt->clock_start + opt->time_limit_s;
    double kill_at = fmin(end, fmax(deadline + KILL_SLACK_S,
                                    end - KILL_BEFORE_S - write_seconds(s, opt->time_limit_s)));
    double level2_end = level2_deadline(parts, n, opt->mip_gap, level1_start, deadline);
    if (parts_run_level(parts, n, LEVEL_COST, &base, level2_end, kill_at, jobs, err, errsz))
        goto done;
    stats->level2_s = clock_seconds() - t2;
    if (tradable && !parts_share_allowance(parts, n, value - allowance) && level2_end - clock_seconds() > 0.1) {
        /* the parts together gave up more than the allowance: level 2
         * again, on the whole program, from the plan that keeps to it */
        Part *one = parts_merge(&m, parts, n);
        if (!one) {
            snprintf(err, errsz, "out of memory joining the blocks");
            goto done;
        }
        parts = one;
        n = 1;
        if (part_prepare_level2(one, m.value_digits, value, allowance)) {
            snprintf(err, errsz, "out of memory building the second level");
            goto done;
        }
        parts_fix_by_floor(parts, n, NULL, level2_end, base.quiet, &stats->floor_fixed);
        if (!one->settled2 &&
            parts_run_level(parts, n, LEVEL_COST, &base, level2_end, kill_at, jobs, err, errsz))
            goto done;
    }
    /* level 1 again in the time level 2 left (solver/level1_again.h);
     * not where parts trade the allowance: their floors are not exact */
    if (!tradable) {
        double ta = clock_seconds();
        if (parts_level1_again(parts, n, &base, m.value_digits, level2_end, kill_at, jobs, err, errsz))
            goto done;
        stats->level1_again_s = clock_seconds() - ta;
        level1 = parts_level1_totals(parts, n);
        value = level1.value;
        bound = level1.bound;
        value_proven = level1.proven;
        stats->level1_value = value;
        stats->level1_bound = bound;
    }
    int cost_proven = 1;
    for (int i = 0; i < n; i++)
        cost_proven &= parts[i].cost_proven;
    /* the parts' floors kept shares of the allowance that bought no step
     * of the value grid at the value level 1 had; should level 1 again
     * have raised it past where the allowance buys one, SPEC's second
     * level admits plans a step lower in one part, which no part's level
     * 2 saw: the least cost is then neither proven nor bounded (review,
     * thirty-seventh session) */
    int floors_too_high = !tradable && n > 1 && parts_allowance_tradable(value, m.value_digits);
    cost_proven &= !floors_too_high;

    for (int i = 0; i < n; i++)
        for (int l = 0; l < parts[i].mip->ncols; l++)
            x[parts[i].col ? parts[i].col[l] : l] = parts[i].x[l];
    plan = plan_from(&m, x, err, errsz);
    if (!plan)
        goto done;
    plan->status = value_proven && cost_proven ? PLAN_OPTIMAL : PLAN_FEASIBLE;
    /* the level-1 bound: level 2 may give up value within the tolerance,
     * so the plan's own value is no bound */
    plan->bound = fmax(solve_bound_on_grid(bound, m.value_digits), plan->value);
    plan_set_cost_bound(plan, floors_too_high ? NAN : parts_cost_bound(parts, n));
    rc = 0;
done:
    if (plan && rc == 0) {
        plan->gap = plan->status == PLAN_OPTIMAL
                        ? 0.0
                        : (plan->bound - plan->value) / fmax(1.0, fabs(plan->bound));
        if (plan->gap < 0 || !isfinite(plan->gap))
            plan->gap = plan->gap < 0 ? 0.0 : plan->gap;
        *out = plan;
    } else {
        plan_free(plan);
    }
    plan_free(first);
    parts_free(parts, n);
    blocks_release(&blocks);
    for (int k = 0; k < NSTARTS; k++)
        free(start_x[k]);
    free(x);
    free(best);
    free(block_bound);
    model_release(&m);
    return rc;
}

int export_program(const Scenario *s, int plain, int mps, const char *path, SolveStats *stats, char *err,
                   size_t errsz)
{
    Model m;
    if (model_build(s, plain ? 0 : 1, &m)) {
        snprintf(err, errsz, "out of memory building the program");
        return 1;
    }
    if (stats)
        fill_stats(&m, stats);
    int rc = glpk_write_program(&m.mip, mps, path, err, errsz) ? 1 : 0;
    model_release(&m);
    return rc;
}
