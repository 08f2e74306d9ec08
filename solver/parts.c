/*
 * parts.c — the blocks of a program as units of the solve loop (parts.h):
 * one level run on one block, rounds over the blocks not yet settled,
 * parallel workers, and the race of two column orders on a lone block.
 * docs/model.md, "The solve loop", says what and why.
 */
#include "parts.h"

#include "floor_fixing.h"
#include "lns.h"
#include "price_start.h"
#include "solve.h" /* solve_bound_on_grid */
#include "workers.h"

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Rounds of runs per level over the blocks not yet settled, and the least
 * time left for another round to be worth a restart. */
#define MAX_ROUNDS 4
/* Racers for a lone part: one per column order of RunRequest. Each racer
 * holds its own GLPK copy of the program. Parts beyond LNS_MIN_NONZEROS
 * are not raced: they go to region search (solver/lns.c), where GLPK
 * never sees the whole program. */
#define RACERS 2
#define MIN_RERUN_S 0.5

/* Σ over the block's participant classes of members × best value of
 * their columns here: a bound when the search proved none. A class whose
 * columns span blocks is counted in each, which only loosens it. */
double part_trivial_bound(const Model *m, const Mip *mip, double *best)
{
    double sum = 0.0;
    for (int l = 0; l < mip->ncols; l++) {
        const MipCol *c = &mip->cols[l];
        if (c->kind == COL_X && c->value > best[c->a])
            best[c->a] = c->value;
    }
    for (int l = 0; l < mip->ncols; l++) {
        const MipCol *c = &mip->cols[l];
        if (c->kind == COL_X && best[c->a] > 0.0) {
            sum += best[c->a] * m->classes.pclasses[c->a].count;
            best[c->a] = 0.0;
        }
    }
    return sum;
}

static void part_label(char *buf, size_t sz, int i, int n)
{
    if (n > 1)
        snprintf(buf, sz, "block %d of %d, ", i + 1, n);
    else
        buf[0] = '\0';
}

/* Σ over columns of the least cost each can add within its bounds: 0
 * for samplan's programs, whose costs and bounds are never negative, and
 * −HUGE_VAL for a column that could lower the cost without end. */
double part_trivial_cost_bound(const Mip *mip)
{
    double sum = 0.0;
    for (int j = 0; j < mip->ncols; j++) {
        const MipCol *c = &mip->cols[j];
        if (c->cost == 0.0)
            continue;
        double end = c->cost > 0.0 ? c->lb : c->ub;
        if (!isfinite(end))
            return -HUGE_VAL;
        sum += c->cost * end;
    }
    return sum;
}

/* 1 when a level-1 value reaches a bound on it (rounded down to the value
 * grid): a proof, whichever run found the plan and whichever the bound —
 * region search finding the value GLPK's relaxation bounded (kronoberg
 * 2 000: the root bound is the optimum; GLPK's own plan lags), or the
 * probe reaching the trivial bound or the one computed alongside the
 * greedy search (RunRequest.value_bound). */
static int meets(double bound, double value, int value_digits)
{
    return isfinite(bound) &&
           solve_bound_on_grid(bound, value_digits) <= value + 1e-9 * fmax(1.0, fabs(value));
}

static int value_meets_bound(const Part *pt)
{
    return meets(pt->bound, pt->value, pt->model->value_digits);
}

/* 1 for a part with a budget row that GLPK gets whole: its level 1 gets
 * a priced start, a cutoff and plain options (price_start.c; measured in
 * bench/RESULTS.md, twenty-ninth session). */
static int budget_for_glpk(const Part *pt)
{
    return price_budget_row(pt->mip) >= 0 && !lns_wanted(pt->mip);
}

/* The cutoff for GLPK's level 1 from a start of value start_value
 * (RunRequest.value_cutoff), or 0 for none: half a step of the value grid
 * above the start, on a budget_for_glpk part. Only there, so far: it was
 * measured on budgets, where GLPK's tree finds good plans late and the
 * start is close to the optimum; elsewhere the racers' options were tuned
 * without it. */
static double value_cutoff(const Part *pt, const double *start, double start_value)
{
    int digits = pt->model->value_digits;
    if (!start || digits < 0 || digits > 6 || !budget_for_glpk(pt))
        return 0.0;
    return start_value + 0.5 * pow(10.0, -digits);
}

/* One level on one part: region search when the part is too large for
 * GLPK as a whole (solver/lns.h) or when asked (`by_regions`: the second
 * racer of level 2), else one GLPK run. */
static int part_solve(const Part *pt, const RunRequest *req, int by_regions, RunResult *r, char *err,
                      size_t errsz)
{
    if (by_regions || lns_wanted(pt->mip))
        return lns_solve(pt->model, pt->mip, req, r, err, errsz);
    return glpk_solve_level(pt->mip, req, r, err, errsz);
}

/* Level 1 on one part: GLPK (or region search, by_regions) within
 * `seconds`, starting from the part's best plan so far (the greedy plan on
 * the first run). A run that stops with less keeps the plan it started
 * from; the empty plan stands when there is none. Runs again after a stop
 * keep the least bound. Region search's "local optimum" (STOP_GAP)
 * proves nothing and settles nothing. *stop, when asked for, is how the
 * run stopped. */
static int level1_run(Part *pt, const RunRequest *base, double seconds, const char *label, int by_regions,
                      RunStop *stop, char *err, size_t errsz)
{
    const double *start = pt->runs ? pt->x : pt->fallback;
    double start_value = start ? mip_objective(pt->mip, start, LEVEL_VALUE) : 0.0;
    RunRequest req = *base;
    req.level = LEVEL_VALUE;
    req.time_limit_s = seconds;
    req.start = start;
    req.label = label;
    req.value_bound = fmin(pt->trivial, fmin(pt->alongside, pt->bound)); /* region search stops at it */
    req.value_cutoff = by_regions ? 0.0 : value_cutoff(pt, start, start_value);
    if (by_regions)
        req.plain_options = 0; /* region search's GLPK keeps its own options */
    RunResult r;
    memset(&r, 0, sizeof r);
    if (solver_interrupted) {
        r.stop = STOP_INTERRUPT;
        r.bound = HUGE_VAL;
    } else if (part_solve(pt, &req, by_regions, &r, err, errsz)) {
        free(r.x);
        return -1;
    }
    size_t bytes = (size_t)pt->mip->ncols * sizeof *pt->x;
    int proven = r.stop == STOP_NONE && r.has_solution;
    if (r.has_solution && r.x && (proven || !start || r.objective > start_value + 1e-9))
        memcpy(pt->x, r.x, bytes);
    else if (start && start != pt->x)
        memcpy(pt->x, start, bytes);
    /* else: pt->x is still the empty plan (zeros), or already the start */
    pt->value = mip_objective(pt->mip, pt->x, LEVEL_VALUE);
    double bound = proven ? pt->value : (isfinite(r.bound) ? fmax(r.bound, pt->value) : HUGE_VAL);
    pt->bound = fmin(pt->bound, bound);
    if (!proven && r.stop != STOP_INTERRUPT &&
        (value_meets_bound(pt) ||
         (req.value_bound > 0.0 && meets(req.value_bound, pt->value, pt->model->value_digits)))) {
        proven = 1;
        pt->bound = pt->value;
    }
    pt->value_proven = proven;
    pt->interrupted = r.stop == STOP_INTERRUPT;
    pt->settled1 = proven || (r.stop == STOP_GAP && !by_regions) || pt->interrupted;
    pt->runs++;
    if (stop)
        *stop = r.stop;
    free(r.x);
    return 0;
}

/* How level 1 runs on a part (see round_work). */
typedef enum Level1Way {
    LEVEL1_GLPK,             /* the probe (level1_probe), then GLPK for the
                                rest: the first racer of a race */
    LEVEL1_GLPK_THEN_REGIONS, /* the second racer: GLPK for LEVEL1_GLPK_SHARE
                                 of the time, then region search from the
                                 best plan when GLPK has not proven it */
    LEVEL1_GLPK_OR_REGIONS   /* no race: the probe, then GLPK, which gives up after
                                LEVEL1_ALONE_GLPK_SHARE of the time when it has no
                                plan as good as the start; region search
                                from the start for the rest */
} Level1Way;

/* GLPK's share of a part's level-1 time before it turns to region search
 * (see Level1Way), and the least time left for that to be worth it. GLPK
 * may find no plan at all on a county program it cannot prove: kronoberg
 * 2 000 with start windows twice as long (bench/scaling.sh, 6 431 rows)
 * ended level 1 after 15 s with no incumbent, so the greedy plan stood,
 * 735.8 against a bound of 989.2, in a race and with one processor alike.
 * The first racer keeps GLPK the whole time (after the probe, below)
 * for the proof; the second,
 * whose column order proves kronoberg 2 000 itself (3.7 s alone on this
 * machine in the fifteenth session; 2.6 s in the twelfth), has 70 % of
 * it: with half, a 10 s limit left it 3.6 s, and level 1 ended unproven
 * at 951.2 of 955.3 in every run. Since the fifteenth session the region
 * search starts from the searched greedy plan (solver/solve.c), so it
 * needs less time. Without a race GLPK keeps its whole time too unless
 * it has nothing by then (bench/RESULTS.md, twelfth session). */
#define LEVEL1_GLPK_SHARE 0.7
#define LEVEL1_ALONE_GLPK_SHARE 0.8
#define LEVEL1_MIN_REGIONS_S 2.0 /* below it GLPK keeps the whole time */

/* The probe before GLPK at level 1: an LP-guided neighbourhood (RINS)
 * of the start, by region search, for this share of the part's level-1
 * time, at most LEVEL1_PROBE_MAX_S, and only when the part has at least
 * LEVEL1_PROBE_MIN_S. It ends sooner when the neighbourhood is proven
 * without a gain. GLPK's tree is slow to find plans on county programs
 * it cannot prove: kronoberg 1 000 (seed 1) ended level 1 at 729.5 after
 * 22 s, where the LP-guided neighbourhood of the greedy plan gives 733.2
 * in 1.5 s (CBC's best in 120 s: 733.4; bound 733.7). With a fifth of
 * level 1 it had too little time at --time-limit 10 (698.8; 732.8 with
 * this share). The first racer (and a lone run) probes; the second,
 * whose column order proves kronoberg 2 000 soonest, keeps GLPK first
 * (bench/RESULTS.md, twenty-fourth session). */
#define LEVEL1_PROBE_SHARE 0.35
#define LEVEL1_PROBE_MAX_S 3.0
#define LEVEL1_PROBE_MIN_S 2.0

/* Runs the probe on pt when it is wanted; 0 or −1 as level1_run. When
 * its neighbourhood ends unfinished without a gain, the same neighbourhood
 * again with GLPK's proximity search (RunRequest.proximity), for as long
 * again: on kronoberg 1 000 at --time-limit 6 beside two busy processes
 * the tree found no plan in the probe's time in five runs of nine, and
 * GLPK none after it, so the greedy plan stood (602.4 against 731.4–733.2
 * otherwise); proximity search found one in every run. (A probe whose
 * LP is not solved in time, under heavier load, ends at once without
 * it.) It is the second try, not the first: its plans, as good at level
 * 1, left the cost level of kronoberg 2 000 on one processor at
 * 24.4–25.7 M SEK in seven runs of seven, where the tree's left 15.3 M in
 * six of eight (bench/RESULTS.md, twenty-fifth session). */
static int level1_probe(Part *pt, const RunRequest *base, double seconds, const char *label, char *err,
                        size_t errsz)
{
    if (seconds < LEVEL1_PROBE_MIN_S || lns_wanted(pt->mip) || !lns_probe_wanted(pt->mip))
        return 0;
    RunRequest probe = *base;
    probe.lp_probe = 1;
    double probe_s = fmin(LEVEL1_PROBE_SHARE * seconds, LEVEL1_PROBE_MAX_S);
    double before = pt->fallback ? mip_objective(pt->mip, pt->fallback, LEVEL_VALUE) : 0.0;
    RunStop stop = STOP_NONE;
    if (level1_run(pt, &probe, probe_s, label, 1, &stop, err, errsz))
        return -1;
    if (stop != STOP_TIME || pt->settled1 || pt->value > before + 1e-9)
        return 0;
    probe.proximity = 1;
    return level1_run(pt, &probe, probe_s, label, 1, NULL, err, errsz);
}

/* A part with a budget row that GLPK gets whole starts level 1 from a
 * plan priced on cost (price_start.c) when that is better than its
 * greedy plan, for this share of its level-1 time at most and at most
 * this long. */
#define LEVEL1_PRICE_SHARE 0.2
#define LEVEL1_PRICE_MAX_S 5.0

/* The priced plan into pt->fallback when it is better (see above); the
 * seconds it took come off *seconds. A GLPK failure there only leaves the
 * greedy plan: GLPK's own run that follows reports its failures. */
static void level1_price(Part *pt, const RunRequest *base, double *seconds)
{
    if (!budget_for_glpk(pt))
        return;
    double t0 = clock_seconds();
    double *x = malloc((size_t)(pt->mip->ncols ? pt->mip->ncols : 1) * sizeof *x);
    char err[256];
    if (x && price_start(pt->mip, base, fmin(LEVEL1_PRICE_SHARE * *seconds, LEVEL1_PRICE_MAX_S), x, err,
                         sizeof err) == 1) {
        double value = mip_objective(pt->mip, x, LEVEL_VALUE);
        if (!pt->fallback || value > mip_objective(pt->mip, pt->fallback, LEVEL_VALUE) + 1e-9) {
            free(pt->fallback);
            pt->fallback = x;
            x = NULL;
        }
    }
    free(x);
    *seconds -= clock_seconds() - t0;
}

/* Level 1 on one part within `seconds`, the way `way` says. */
static int part_level1(Part *pt, const RunRequest *base, double seconds, const char *label, Level1Way way,
                       char *err, size_t errsz)
{
    double share = way == LEVEL1_GLPK_OR_REGIONS ? LEVEL1_ALONE_GLPK_SHARE : LEVEL1_GLPK_SHARE;
    if (pt->runs == 0)
        level1_price(pt, base, &seconds);
    /* On a budget GLPK's plain options (no Gomory cuts) found and proved
     * level 1 sooner in most runs measured, the first racer's cuts in
     * some: the second racer and a run without a race take plain ones */
    RunRequest own = *base;
    if (way != LEVEL1_GLPK && budget_for_glpk(pt))
        own.plain_options = 1;
    base = &own;
    if (way != LEVEL1_GLPK_THEN_REGIONS && pt->runs == 0) {
        /* the first run only: a later round starts from the same plan */
        double t0 = clock_seconds();
        if (level1_probe(pt, base, seconds, label, err, errsz))
            return -1;
        if (pt->settled1)
            return 0;
        seconds -= clock_seconds() - t0;
    }
    if (way == LEVEL1_GLPK || seconds * (1.0 - share) < LEVEL1_MIN_REGIONS_S || lns_wanted(pt->mip))
        return level1_run(pt, base, seconds, label, 0, NULL, err, errsz);
    double t0 = clock_seconds();
    RunRequest first = *base;
    if (way == LEVEL1_GLPK_OR_REGIONS)
        first.give_up_s = seconds * share;
    if (level1_run(pt, &first, way == LEVEL1_GLPK_OR_REGIONS ? seconds : seconds * share, label, 0, NULL, err,
                   errsz))
        return -1;
    double left = seconds - (clock_seconds() - t0);
    if (pt->settled1 || left < 0.5 * LEVEL1_MIN_REGIONS_S || solver_interrupted)
        return 0;
    return level1_run(pt, base, left, label, 1, NULL, err, errsz);
}

/* Adds part pt's level-2 value floor, target − tol (once), or settles it
 * when its plan costs nothing. Runs in the parent, before level 2 is
 * handed out. */
int part_prepare_level2(Part *pt, int value_digits, double target, double tol)
{
    if (mip_objective(pt->mip, pt->x, LEVEL_COST) <= 1e-9) {
        pt->cost_proven = pt->settled2 = 1; /* nothing to lower */
        pt->cost_bound = fmax(pt->cost_bound, mip_objective(pt->mip, pt->x, LEVEL_COST));
        return 0;
    }
    if (pt->interrupted) {
        pt->settled2 = 1;
        return 0;
    }
    if (pt->floor_added)
        return 0;
    if (program_add_value_floor(pt->mip, value_digits, target, tol))
        return -1;
    pt->floor_added = 1;
    pt->floor = target - tol;
    /* level 2 starts from the cheaper of the level-1 plan and the greedy
     * plan when the greedy plan loses no value: level 1 ignores cost, and
     * on OR-Library capa (all customers served either way) its plan cost
     * 2.4 times the optimum where the nearest-host greedy plan was far
     * closer (bench/RESULTS.md) */
    if (pt->fallback && mip_objective(pt->mip, pt->fallback, LEVEL_VALUE) >= pt->value &&
        mip_objective(pt->mip, pt->fallback, LEVEL_COST) <
            mip_objective(pt->mip, pt->x, LEVEL_COST) - 1e-9)
        memcpy(pt->x, pt->fallback, (size_t)pt->mip->ncols * sizeof *pt->x);
    return 0;
}

void parts_fix_by_floor(Part *parts, int n, const unsigned char *which, double deadline, int quiet, int *fixed)
{
    double until = clock_seconds() + FLOOR_FIX_SHARE * (deadline - clock_seconds());
    for (int i = 0; i < n; i++) {
        Part *pt = &parts[i];
        double left = until - clock_seconds();
        if (left < 0.01 || solver_interrupted)
            break;
        if ((which && !which[i]) || !pt->floor_added || pt->settled2 || lns_wanted(pt->mip))
            continue;
        /* the fixing is a help, not a need: after a GLPK failure in its
         * LP the part goes on to level 2 as it is (review, thirty-fourth
         * session: the whole solve had ended without a plan) */
        char why[256];
        int k = floor_fix_columns(pt->mip, pt->x, left, why, sizeof why);
        if (k < 0 && !quiet)
            fprintf(stderr, "samplan: level 2 goes on without the columns its value floor fixes: %s\n", why);
        *fixed += k > 0 ? k : 0;
    }
}

int parts_allowance_tradable(double value, int value_digits)
{
    if (value_digits < 0)
        return 1;
    double band = plan_value_allowance(value);
    return floor(band * pow(10.0, value_digits) + 1e-9) >= 1.0;
}

/* Independent blocks that each keep only their share of the allowance can
 * miss the cheapest plan: a block whose whole value fits in the allowance
 * may drop it to save a group (independent audit, twelfth session: two
 * unconnected municipalities, values 1 000 and 0.0005, allowance 0.001:
 * cost 200 where 100 is optimal). With values in tenths the allowance buys
 * a step from V* = 100 000, in hundredths from 10 000. */
int parts_keep_level1(Part *parts, int n)
{
    for (int i = 0; i < n; i++) {
        Part *pt = &parts[i];
        size_t bytes = (size_t)(pt->mip->ncols ? pt->mip->ncols : 1) * sizeof *pt->x1;
        if (!pt->x1)
            pt->x1 = malloc(bytes); /* kept again: the same array */
        if (!pt->x1)
            return -1;
        memcpy(pt->x1, pt->x, (size_t)pt->mip->ncols * sizeof *pt->x1);
        pt->value1 = pt->value;
    }
    return 0;
}

Level1Totals parts_level1_totals(const Part *parts, int n)
{
    Level1Totals t = {0.0, 0.0, 0.0, 1};
    for (int i = 0; i < n; i++) {
        t.value += parts[i].value1;
        t.bound += parts[i].bound;
        t.weight += fmax(1.0, parts[i].value1);
        t.proven &= parts[i].value_proven;
    }
    return t;
}

double parts_cost_bound(const Part *parts, int n)
{
    double sum = 0.0;
    int proven = 1;
    for (int i = 0; i < n; i++) {
        sum += parts[i].cost_bound;
        proven &= parts[i].value_proven;
    }
    return n == 1 || proven ? sum : NAN;
}

int parts_share_allowance(Part *parts, int n, double floor)
{
    double total = 0.0;
    for (int i = 0; i < n; i++)
        total += parts[i].value;
    if (total >= floor)
        return 1;
    while (total < floor) {
        Part *worst = NULL;
        for (int i = 0; i < n; i++) {
            Part *pt = &parts[i];
            if (pt->x1 && pt->value1 - pt->value > 0.0 && (!worst || pt->value1 - pt->value > worst->value1 - worst->value))
                worst = pt;
        }
        if (!worst)
            break; /* cannot happen: the level-1 plans add up to V* */
        total += worst->value1 - worst->value;
        memcpy(worst->x, worst->x1, (size_t)worst->mip->ncols * sizeof *worst->x);
        worst->value = worst->value1;
    }
    for (int i = 0; i < n; i++)
        parts[i].cost_proven = 0;
    return 0;
}

/* See parts.h. */
Part *parts_merge(Model *m, Part *parts, int n)
{
    Part *one = calloc(1, sizeof *one);
    if (!one)
        return NULL;
    int nc = m->mip.ncols;
    one->x = calloc((size_t)(nc ? nc : 1), sizeof *one->x);
    if (!one->x) {
        free(one);
        return NULL;
    }
    one->model = m;
    one->mip = &m->mip;
    one->weight = mip_weight(&m->mip);
    one->value_proven = one->settled1 = 1;
    one->cost_proven = 0;
    one->bound = 0.0;
    one->cost_bound = 0.0;
    int all_proven = 1; /* the sum of the parts' cost bounds counts (parts_cost_bound) */
    one->alongside = one->trivial = HUGE_VAL;
    for (int i = 0; i < n; i++) {
        const Part *pt = &parts[i];
        for (int l = 0; l < pt->mip->ncols; l++)
            one->x[pt->col ? pt->col[l] : l] = pt->x[l];
        one->bound += pt->bound;
        /* each part's floor left it the whole allowance (parts_allowance_tradable):
         * the sum bounds every plan the joined floor lets in that keeps
         * within V* − allowance (parts_cost_bound) */
        one->cost_bound += pt->cost_bound;
        one->value_proven &= pt->value_proven;
        all_proven &= pt->value_proven;
        one->interrupted |= pt->interrupted;
        one->runs = one->runs > pt->runs ? one->runs : pt->runs;
    }
    one->value = mip_objective(one->mip, one->x, LEVEL_VALUE);
    if (!all_proven)
        one->cost_bound = part_trivial_cost_bound(one->mip);
    parts_free(parts, n);
    return one;
}

/* How level 2 runs on a part (see round_work). */
typedef enum Level2Way {
    LEVEL2_GLPK,        /* GLPK alone: the first racer of a race */
    LEVEL2_REGIONS,     /* region search alone: the second racer */
    LEVEL2_GLPK_THEN_REGIONS, /* no race, one of several parts: GLPK for
                                 LEVEL2_GLPK_SHARE of the time, then region
                                 search from the best plan when GLPK has
                                 not proven it */
    LEVEL2_LONE_GLPK_THEN_REGIONS /* the same for a lone part (one processor),
                                     but GLPK gives up after
                                     LEVEL2_GLPK_GIVE_UP_SHARE when it has no
                                     plan as cheap as the start; a block of
                                     many is small, and one GLPK would prove
                                     later must not lose its proof */
} Level2Way;

/* GLPK's share of a part's level-2 time when it has no racer beside it
 * (kronoberg 2 000, one processor, 30 s: 14.87 M SEK at 75 %, 15.74 M at
 * 50 %, where GLPK's plan came later than 50 %), and the least time left
 * for region search to be worth starting. */
#define LEVEL2_GLPK_SHARE 0.75
#define LEVEL2_MIN_REGIONS_S 0.5
/* ... unless GLPK has no plan as cheap as the start after this share:
 * then region search, whose LP-guided neighbourhoods (solver/lns.c) find
 * cheaper plans where GLPK finds none (kronoberg 2 000, one processor,
 * 20 s: GLPK had no plan after 7 s of level 2, and the region search left
 * in the last 2 s gained nothing; sixteenth session, bench/RESULTS.md) */
#define LEVEL2_GLPK_GIVE_UP_SHARE 0.3
/* The second racer of a small program (at most LEVEL2_PLAIN_MAX_ROWS
 * rows) first gives GLPK with plain options (RunRequest.plain_options)
 * this share of its time, then region search the rest. The first
 * racer's options (Gomory cuts, pseudo-costs) and plain ones each prove
 * some small cost levels many times sooner than the other: lysekil
 * (844 rows) 1.6–1.9 s against 0.2 s plain, sikt-inland 500 (1 329 rows)
 * 4.0 s against 27 s plain (twentieth session, bench/RESULTS.md); on
 * kronoberg 2 000 (4 183 rows) plain options left GLPK's bound at a
 * 3.5 % gap after 60 s where the first racer's reached 2.0 %. */
#define LEVEL2_PLAIN_MAX_ROWS 2000
#define LEVEL2_PLAIN_SHARE 0.25
/* Such a program gets plain options in column order 0 first for this
 * long, at most this share of its level-2 time (plain_slice). Shipped
 * runs with `--jobs 1`: lysekil's base 4.6 s -> 0.33 s, slots-40 6.4 ->
 * 0.33, kronoberg west-only 0.83 -> 0.18, where the four that cuts prove
 * at once take 0.25-0.3 s longer (0.5 s and 1 s slices: the same gains,
 * larger losses); with two, west-only 2.26 -> 0.18, three others
 * 0.2-0.25 s longer (twenty-ninth session, bench/RESULTS.md). */
#define LEVEL2_SLICE_S 0.25
#define LEVEL2_SLICE_SHARE 0.2

/* One level-2 run on one part (floor in place), keeping its plan unless
 * the run finds one at most as costly that meets the floor. */
static int level2_run(Part *pt, const RunRequest *base, double seconds, const char *label, int by_regions,
                      char *err, size_t errsz)
{
    double cost1 = mip_objective(pt->mip, pt->x, LEVEL_COST);
    RunRequest req = *base;
    req.level = LEVEL_COST;
    req.time_limit_s = seconds;
    req.start = pt->x; /* meets the value floor */
    if (by_regions || lns_wanted(pt->mip))
        req.live_bound = NULL; /* region search's GLPK runs bound regions only */
    req.label = label;
    RunResult r;
    memset(&r, 0, sizeof r);
    if (part_solve(pt, &req, by_regions, &r, err, errsz)) {
        free(r.x);
        return -1;
    }
    /* the floor is checked without slack here: the parts' tolerances
     * already add up to all SPEC §2 allows */
    int accepted = r.has_solution && r.objective <= cost1 + 1e-9 &&
                   mip_objective(pt->mip, r.x, LEVEL_VALUE) >= pt->floor;
    if (accepted) {
        memcpy(pt->x, r.x, (size_t)pt->mip->ncols * sizeof *pt->x);
        pt->value = mip_objective(pt->mip, pt->x, LEVEL_VALUE);
    }
    /* proven only if the plan kept is as cheap as the proven optimum */
    pt->cost_proven = r.stop == STOP_NONE && r.has_solution && (accepted || cost1 <= r.objective + 1e-9);
    /* GLPK's tree bound, or the descent's LP optimum (region search
     * proves none else): each the whole block's, floor included */
    if (isfinite(r.bound))
        pt->cost_bound = fmax(pt->cost_bound, r.bound);
    if (pt->cost_proven)
        pt->cost_bound = mip_objective(pt->mip, pt->x, LEVEL_COST);
    pt->interrupted = r.stop == STOP_INTERRUPT;
    /* region search's "local optimum" (STOP_GAP) proves nothing: it must
     * neither settle the part nor end a race GLPK may still win */
    pt->settled2 = pt->cost_proven || (r.stop == STOP_GAP && !by_regions) || pt->interrupted;
    free(r.x);
    return 0;
}

/* A short slice of GLPK with plain options in column order 0 on a small
 * program, first in a lone part's level 2 (one processor) and in the
 * second racer's: the race's two option sets each prove some cost levels
 * many times sooner than the other (above), and with one process there is
 * no race; kronoberg west-only's is proven by plain options in order 0
 * within 0.15 s, where the race took 2.2 s (the first racer's options in
 * that order, and plain ones in order 1, both take seconds). */
static int plain_slice(Part *pt, const RunRequest *base, double *seconds, const char *label, char *err,
                       size_t errsz)
{
    double slice = fmin(LEVEL2_SLICE_S, *seconds * LEVEL2_SLICE_SHARE);
    if (pt->mip->nrows > LEVEL2_PLAIN_MAX_ROWS || slice < 0.05)
        return 0;
    RunRequest plain = *base;
    plain.plain_options = 1;
    plain.column_order = 0;
    double t0 = clock_seconds();
    int rc = level2_run(pt, &plain, slice, label, 0, err, errsz);
    *seconds -= clock_seconds() - t0;
    return rc;
}

/* Level 2 on one part within `seconds`, the way `way` says. */
static int part_level2(Part *pt, const RunRequest *base, double seconds, const char *label, Level2Way way,
                       char *err, size_t errsz)
{
    if (solver_interrupted || seconds <= 0.05) {
        pt->settled2 = 1;
        return 0;
    }
    RunRequest first = *base;
    double share;
    if (way == LEVEL2_REGIONS && pt->mip->nrows <= LEVEL2_PLAIN_MAX_ROWS && !lns_wanted(pt->mip)) {
        /* the second racer of a small program: plain GLPK first, in the
         * first racer's column order for a slice, then in its own */
        if (plain_slice(pt, base, &seconds, label, err, errsz))
            return -1;
        if (pt->settled2 || solver_interrupted)
            return 0;
        first.plain_options = 1;
        share = LEVEL2_PLAIN_SHARE;
    } else if ((way != LEVEL2_GLPK_THEN_REGIONS && way != LEVEL2_LONE_GLPK_THEN_REGIONS) || lns_wanted(pt->mip)) {
        return level2_run(pt, base, seconds, label, way == LEVEL2_REGIONS, err, errsz);
    } else {
        /* One processor for this part: GLPK proves small programs at
         * once, but on kronoberg 2 000 it found no plan cheaper than
         * level 1's in 5 s, where region search from that plan did
         * (bench/RESULTS.md). */
        if (way == LEVEL2_LONE_GLPK_THEN_REGIONS) {
            if (plain_slice(pt, base, &seconds, label, err, errsz))
                return -1;
            if (pt->settled2 || solver_interrupted)
                return 0;
            first.give_up_s = seconds * LEVEL2_GLPK_GIVE_UP_SHARE;
        }
        share = LEVEL2_GLPK_SHARE;
    }
    /* GLPK for its share, then region search from the best plan */
    double t0 = clock_seconds();
    if (level2_run(pt, &first, seconds * share, label, 0, err, errsz))
        return -1;
    double left = seconds - (clock_seconds() - t0);
    if (pt->settled2 || left < LEVEL2_MIN_REGIONS_S || solver_interrupted)
        return 0;
    return level2_run(pt, base, left, label, 1, err, errsz);
}

/* ---- one round of a level over the unsettled parts, in parallel ---------- */

typedef struct Round {
    Part *parts;
    int n;            /* parts in all */
    int level;
    const RunRequest *base;
    double until;     /* the level's deadline */
    int todo, jobs;   /* parts in this round, parallel jobs */
    int all_jobs;     /* jobs the caller allows */
    int race;         /* one part, solved by `todo` racers in different column orders */
    int have_result;  /* race: a racer's result is already in the part */
    _Atomic double *live; /* level 2: [todo] the latest tree bound of each
                             run (RunRequest.live_bound), in a page shared
                             with the workers, or NULL */
    char err[512];
} Round;

/* What a run sends back from a worker: the part's state, then x. */
typedef struct PartState {
    int rc;
    int value_proven, cost_proven, interrupted, settled1, settled2, runs;
    double value, bound, cost_bound;
    char err[256];
} PartState;

/* The part's outcome fields into a worker's message, and back. */
static void state_of(const Part *pt, PartState *st)
{
    st->value_proven = pt->value_proven;
    st->cost_proven = pt->cost_proven;
    st->interrupted = pt->interrupted;
    st->settled1 = pt->settled1;
    st->settled2 = pt->settled2;
    st->runs = pt->runs;
    st->value = pt->value;
    st->bound = pt->bound;
    st->cost_bound = pt->cost_bound;
}

static void state_into(Part *pt, const PartState *st)
{
    pt->value_proven = st->value_proven;
    pt->cost_proven = st->cost_proven;
    pt->interrupted = st->interrupted;
    pt->settled1 = st->settled1;
    pt->settled2 = st->settled2;
    pt->runs = st->runs;
    pt->value = st->value;
    pt->bound = st->bound;
    pt->cost_bound = st->cost_bound;
}

static void *round_work(void *vctx, int item, int seq, size_t *len)
{
    Round *rd = vctx;
    Part *pt = &rd->parts[item];
    /* an equal share of the time left in this worker's lane: the parts not
     * yet started (this one included) go `jobs` at a time, so this lane
     * still has ceil((todo − seq)/jobs) of them to run */
    double waves = ceil((double)(rd->todo - seq) / rd->jobs);
    double left = rd->until - clock_seconds();
    double seconds = left > 0 ? left / (waves > 1.0 ? waves : 1.0) : 0.0;
    char label[48];
    part_label(label, sizeof label, item, rd->n);
    RunRequest req = *rd->base;
    req.live_bound = rd->live ? &rd->live[seq] : NULL;
    /* a lone part may use every job (region search does; GLPK uses one) */
    req.jobs = rd->todo == 1 ? rd->all_jobs : 1;
    Level1Way way1 = LEVEL1_GLPK_OR_REGIONS;
    Level2Way way = rd->todo == 1 ? LEVEL2_LONE_GLPK_THEN_REGIONS : LEVEL2_GLPK_THEN_REGIONS;
    if (rd->race) {
        /* racer `seq` tries column order `seq`; only one prints progress.
         * At level 2 the second racer is region search instead: GLPK's
         * branch-and-cut often finds no plan cheaper than level 1's in a
         * short run (kronoberg 2 000, --time-limit 10: the level-1 plan,
         * 33.87 M SEK), where region search from it reached 15.21 M; the
         * first racer still gives the bound or the proof. */
        req.column_order = seq;
        /* the other racer stays quiet: its region search runs GLPK on
         * regions, whose lines would show a region's bound as if it were
         * the program's (tried in the twenty-seventh session) */
        req.quiet = req.quiet || seq > 0;
        way = seq == 1 ? LEVEL2_REGIONS : LEVEL2_GLPK;
        way1 = seq == 1 ? LEVEL1_GLPK_THEN_REGIONS : LEVEL1_GLPK;
    }
    PartState st;
    memset(&st, 0, sizeof st);
    st.rc = rd->level == LEVEL_VALUE
                ? part_level1(pt, &req, seconds, label, way1, st.err, sizeof st.err)
                : part_level2(pt, &req, seconds, label, way, st.err, sizeof st.err);
    state_of(pt, &st);
    size_t xbytes = (size_t)pt->mip->ncols * sizeof *pt->x;
    char *buf = malloc(sizeof st + xbytes);
    if (!buf)
        return NULL;
    memcpy(buf, &st, sizeof st);
    memcpy(buf + sizeof st, pt->x, xbytes);
    *len = sizeof st + xbytes;
    return buf;
}

/* Keeps, of a race's two results, the better plan, the least bound and
 * whatever either proved. `st`/`x` is the newcomer; the part holds the
 * first. */
static void merge_racer(Part *pt, int level, const PartState *st, const double *x)
{
    int newer_better;
    if (level == LEVEL_VALUE) {
        newer_better = st->value_proven || st->value > pt->value + 1e-9;
    } else {
        double mine = mip_objective(pt->mip, pt->x, LEVEL_COST);
        double theirs = mip_objective(pt->mip, x, LEVEL_COST);
        newer_better = st->cost_proven || theirs < mine - 1e-9;
    }
    if (newer_better) {
        memcpy(pt->x, x, (size_t)pt->mip->ncols * sizeof *pt->x);
        pt->value = st->value;
    }
    pt->value_proven |= st->value_proven;
    pt->cost_proven |= st->cost_proven;
    pt->interrupted |= st->interrupted;
    pt->settled1 |= st->settled1;
    pt->settled2 |= st->settled2;
    pt->runs = pt->runs > st->runs ? pt->runs : st->runs;
    pt->bound = fmin(pt->bound, st->bound);
    pt->cost_bound = fmax(pt->cost_bound, st->cost_bound);
    /* one racer's plan may meet the other's bound */
    if (level == LEVEL_VALUE && !pt->value_proven && !pt->interrupted && value_meets_bound(pt))
        pt->value_proven = pt->settled1 = 1;
    if (pt->value_proven)
        pt->bound = pt->value;
}

static int round_apply(void *vctx, int item, const void *result, size_t len)
{
    Round *rd = vctx;
    Part *pt = &rd->parts[item];
    PartState st;
    size_t xbytes = (size_t)pt->mip->ncols * sizeof *pt->x;
    if (len != sizeof st + xbytes) {
        snprintf(rd->err, sizeof rd->err, "a solver worker sent a result of the wrong size");
        return -1;
    }
    memcpy(&st, result, sizeof st);
    if (st.rc) {
        snprintf(rd->err, sizeof rd->err, "%s", st.err);
        return -1;
    }
    const double *x = (const double *)((const char *)result + sizeof st);
    if (rd->race && rd->have_result) {
        merge_racer(pt, rd->level, &st, x);
        return 0;
    }
    memcpy(pt->x, x, xbytes);
    state_into(pt, &st);
    rd->have_result = 1;
    /* a racer that finished its search (proof or gap) wins: the others
     * are stopped */
    if (rd->race && (rd->level == LEVEL_VALUE ? st.settled1 : st.settled2) && !st.interrupted)
        return 1;
    return 0;
}

/* Whether a part's worker may be killed at the round's kill time: not a
 * part in region search, which keeps its own time (solver/lns.c) and can
 * take a while to hand a large plan back (killing it at the limit lost
 * national 50 000's whole level 2: 589.2 M SEK kept, 556.0 M found). The
 * GLPK parts beside it are still killed on time. */
static int round_killable(void *vctx, int item)
{
    const Round *rd = vctx;
    return !lns_wanted(rd->parts[item].mip);
}

/* The tree bounds GLPK's cost-level runs write as they go, in a page
 * shared with the workers: a worker killed at the limit (kill_at) sends
 * no result, and with it went its bound (Kronoberg 2 000 at
 * --time-limit 10: GLPK's racer overran and the plan had no cost bound).
 * NULL when the page cannot be had or its atomics would take a lock (not
 * atomic between processes): the bounds then come with results only. */
static _Atomic double *live_bounds_open(int n)
{
    size_t bytes = (size_t)(n > 0 ? n : 1) * sizeof(_Atomic double);
    void *page = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED)
        return NULL;
    _Atomic double *live = page;
    if (!atomic_is_lock_free(live)) {
        munmap(page, bytes);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        atomic_init(&live[i], -HUGE_VAL);
    return live;
}

/* Keeps each run's last tree bound as its part's cost bound (see
 * Part.cost_bound: a bound on the part's whole program with its floor)
 * and unmaps the page. */
static void live_bounds_close(Round *rd, const int *items)
{
    if (!rd->live)
        return;
    for (int s = 0; s < rd->todo; s++) {
        Part *pt = &rd->parts[items[s]];
        double b = atomic_load(&rd->live[s]);
        if (isfinite(b))
            pt->cost_bound = fmax(pt->cost_bound, b); /* plan_set_cost_bound checks it against the cost */
    }
    munmap((void *)rd->live, (size_t)(rd->todo > 0 ? rd->todo : 1) * sizeof(_Atomic double));
    rd->live = NULL;
}

/* Runs `level` on the parts not yet settled, in up to MAX_ROUNDS rounds
 * (see "Time across blocks" in docs/model.md). Returns 0, or −1 with err
 * set. */
int parts_run_level(Part *parts, int n, int level, const RunRequest *base, double until, double kill_at,
                    int jobs, char *err, size_t errsz)
{
    int *items = malloc((size_t)(n > RACERS ? n : RACERS) * sizeof *items);
    if (!items) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    int rc = 0;
    for (int round = 0; round < MAX_ROUNDS && rc == 0; round++) {
        int todo = 0;
        for (int i = 0; i < n; i++)
            if (!(level == LEVEL_VALUE ? parts[i].settled1 : parts[i].settled2))
                items[todo++] = i;
        if (!todo || solver_interrupted || (round > 0 && until - clock_seconds() < MIN_RERUN_S))
            break;
        Round rd = {parts, n, level, base, until, todo, jobs < todo ? jobs : todo, jobs, 0, 0, NULL, ""};
        if (todo == 1 && jobs >= RACERS && !lns_wanted(parts[items[0]].mip)) {
            /* one part and processors to spare: race column orders (GLPK's
             * time on one program swings severalfold with the order) */
            rd.race = 1;
            rd.todo = rd.jobs = RACERS;
            for (int r = 1; r < RACERS; r++)
                items[r] = items[0];
        }
        /* a round where nothing may be killed has no deadline, so that a
         * lone block in region search runs in this process as before
         * (workers_stream puts even one job in a child to kill it) */
        int any_killable = 0;
        for (int i = 0; i < rd.todo && !any_killable; i++)
            any_killable = round_killable(&rd, items[i]);
        rd.live = level == LEVEL_COST ? live_bounds_open(rd.todo) : NULL;
        rc = workers_run(rd.jobs, items, rd.todo, round_work, round_apply, &rd, any_killable ? kill_at : 0.0,
                         round_killable, &solver_interrupted, err, errsz);
        if (rc && rd.err[0])
            snprintf(err, errsz, "%s", rd.err);
        live_bounds_close(&rd, items);
    }
    free(items);
    return rc;
}

static int cmp_part_weight(const void *a, const void *b)
{
    double x = ((const Part *)a)->weight, y = ((const Part *)b)->weight;
    return x < y ? -1 : x > y;
}

/* Sets up one Part per block (or one for the whole program); block
 * fallbacks are the greedy plan's values on the block's columns, which
 * satisfy the block's rows because they satisfy all rows. */
/* Of the starting plans, the one best on this part's columns: most value,
 * then least cost (each restricted to the part is a valid plan for it). */
static const double *best_start(const Part *pt, const double *const *starts, int nstarts, double *tmp)
{
    const double *best = NULL;
    double best_value = 0.0, best_cost = 0.0;
    int nc = pt->mip->ncols;
    for (int k = 0; k < nstarts; k++) {
        if (!starts[k])
            continue;
        for (int l = 0; l < nc; l++)
            tmp[l] = starts[k][pt->col ? pt->col[l] : l];
        double v = mip_objective(pt->mip, tmp, LEVEL_VALUE);
        double c = mip_objective(pt->mip, tmp, LEVEL_COST);
        if (!best || v > best_value + 1e-9 || (v > best_value - 1e-9 && c < best_cost - 1e-9)) {
            best = starts[k];
            best_value = v;
            best_cost = c;
        }
    }
    return best;
}

int parts_init(Model *m, Blocks *blocks, const double *const *starts, int nstarts, Part **out)
{
    int n = blocks->n;
    Part *parts = calloc((size_t)n, sizeof *parts);
    if (!parts)
        return -1;
    *out = parts;
    for (int i = 0; i < n; i++) {
        Part *pt = &parts[i];
        int whole = blocks->block[i].col == NULL;
        pt->model = m;
        pt->mip = whole ? &m->mip : &blocks->block[i].mip;
        pt->col = whole ? NULL : blocks->block[i].col;
        int nc = pt->mip->ncols;
        pt->x = calloc((size_t)(nc ? nc : 1), sizeof *pt->x);
        if (!pt->x)
            return -1;
        pt->weight = mip_weight(pt->mip);
        pt->bound = pt->alongside = pt->trivial = HUGE_VAL;
        pt->cost_bound = part_trivial_cost_bound(pt->mip);
        const double *start = best_start(pt, starts, nstarts, pt->x);
        if (start) {
            pt->fallback = malloc((size_t)(nc ? nc : 1) * sizeof *pt->fallback);
            if (!pt->fallback)
                return -1;
            for (int l = 0; l < nc; l++)
                pt->fallback[l] = start[pt->col ? pt->col[l] : l];
        }
        memset(pt->x, 0, (size_t)(nc ? nc : 1) * sizeof *pt->x);
    }
    /* smallest first: the time a small block leaves goes to the larger
     * ones after it, which are the ones that need it */
    qsort(parts, (size_t)n, sizeof *parts, cmp_part_weight);
    return 0;
}

void parts_free(Part *parts, int n)
{
    for (int i = 0; parts && i < n; i++) {
        free(parts[i].x1);
        free(parts[i].fallback);
        free(parts[i].x);
    }
    free(parts);
}

/* A part whose greedy plan already reaches its trivial bound (every class
 * placed at its best value: capacity is not short) has a proven level 1
 * without GLPK; on OR-Library capa GLPK's first LP of that level alone
 * took over 60 s. Returns 1 when the part was settled so. */
int part_settle_by_bound(Part *pt, const Model *m, double gap, double *best)
{
    if (!pt->fallback)
        return 0;
    double value = mip_objective(pt->mip, pt->fallback, LEVEL_VALUE);
    pt->trivial = part_trivial_bound(m, pt->mip, best);
    double bound = fmax(value, fmin(pt->trivial, pt->alongside));
    int proven = value >= bound - 1e-9 * fmax(1.0, bound);
    if (!proven && !(lns_wanted(pt->mip) && mip_within_gap(bound, value, gap)))
        return 0;
    memcpy(pt->x, pt->fallback, (size_t)pt->mip->ncols * sizeof *pt->x);
    pt->value = value;
    pt->bound = proven ? value : bound;
    pt->value_proven = proven;
    pt->settled1 = 1;
    pt->runs = 1;
    return 1;
}

/* Parts level 1 never reached (Ctrl-C came first) keep the greedy plan. */
void parts_keep_fallback(Part *parts, int n)
{
    for (int i = 0; i < n; i++) {
        Part *pt = &parts[i];
        if (pt->runs)
            continue;
        if (pt->fallback)
            memcpy(pt->x, pt->fallback, (size_t)pt->mip->ncols * sizeof *pt->x);
        pt->value = mip_objective(pt->mip, pt->x, LEVEL_VALUE);
        pt->interrupted = pt->settled1 = 1;
    }
}
