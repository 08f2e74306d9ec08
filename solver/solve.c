/*
 * solve.c — the two-level solve loop (see solve.h and docs/model.md).
 *
 * Time: level 1 may use up to 75 % of the limit left, level 2 the rest; a
 * level that finishes early leaves its time to the next. When level 2 finds
 * nothing better (or no time is left), the level-1 plan stands: it has the
 * greatest value found, so it satisfies level 2's value floor.
 */
#include "solve.h"

#include "blocks.h"
#include "build.h"
#include "extract.h"
#include "glpk_run.h"
#include "greedy.h"
#include "workers.h"
#include "start.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LEVEL1_SHARE 0.75
/* Rounds of runs per level over the blocks not yet settled, and the least
 * time left for another round to be worth a restart. */
#define MAX_ROUNDS 4
/* Racers for a lone part: one per column order of RunRequest. Each racer
 * holds its own GLPK copy of the program, so programs beyond
 * RACE_MAX_NONZEROS (about 1 GB per copy at GLPK's ~350 bytes per
 * non-zero measured on national 2 000, 0.9 M non-zeros in 367 MB) are not
 * raced: at that size GLPK does not finish the first LP in either order
 * and the second copy would only double the memory. */
#define RACERS 2
#define RACE_MAX_NONZEROS 3000000
#define MIN_RERUN_S 0.5

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

/* The greedy plan (solver/greedy.c) as column values of m, or NULL when it
 * cannot be had. */
static double *greedy_start(const Model *m)
{
    Plan *g = NULL;
    if (greedy_plan(m->s, GREEDY_BEST_VALUE, &g) != 0)
        return NULL;
    double *x = malloc((size_t)(m->mip.ncols ? m->mip.ncols : 1) * sizeof *x);
    if (x && model_columns_from_plan(m, g, x) != 0) {
        free(x);
        x = NULL;
    }
    plan_free(g);
    return x;
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

static double objective_of(const Mip *mip, const double *x, RunLevel level)
{
    double sum = 0.0;
    for (int j = 0; j < mip->ncols; j++)
        sum += (level == LEVEL_VALUE ? mip->cols[j].value : mip->cols[j].cost) * x[j];
    return sum;
}

/* One block of the program (solver/blocks.h) — the whole program when it
 * does not split — and where its solve stands. */
typedef struct Part {
    Mip *mip;
    const int *col;     /* block column → whole column, NULL for the whole */
    double *fallback;   /* greedy plan on this block's columns, or NULL */
    double *x;          /* best solution so far (this block's columns) */
    double weight;      /* share of the time: non-zeros + columns */
    double value;       /* level-1 value of x */
    double bound;       /* proven bound on the value, HUGE_VAL if none */
    int value_proven;   /* level 1 finished its search */
    int cost_proven;    /* level 2 finished, or was not needed */
    int interrupted;
    int runs;           /* level-1 runs so far */
    int settled1;       /* level 1 needs no further run: proven, stopped at the gap, or Ctrl-C */
    int settled2;       /* likewise for level 2 */
    int floor_added;    /* the level-2 value floor row is in mip */
    double floor;       /* its right-hand side, in value units */
} Part;

/* Σ over the block's participant classes of members × best value of
 * their columns here: a bound when the search proved none. A class whose
 * columns span blocks is counted in each, which only loosens it. */
static double part_trivial_bound(const Model *m, const Part *pt, double *best)
{
    double sum = 0.0;
    for (int l = 0; l < pt->mip->ncols; l++) {
        const MipCol *c = &pt->mip->cols[l];
        if (c->kind == COL_X && c->value > best[c->a])
            best[c->a] = c->value;
    }
    for (int l = 0; l < pt->mip->ncols; l++) {
        const MipCol *c = &pt->mip->cols[l];
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

/* Level 1 on one part: GLPK within `seconds`, starting from the part's
 * best plan so far (the greedy plan on the first run). A run that stops
 * with less keeps the plan it started from; the empty plan stands when
 * there is none. Runs again after a stop keep the least bound. */
static int part_level1(Part *pt, const RunRequest *base, double seconds, const char *label, char *err,
                       size_t errsz)
{
    const double *start = pt->runs ? pt->x : pt->fallback;
    double start_value = start ? objective_of(pt->mip, start, LEVEL_VALUE) : 0.0;
    RunRequest req = *base;
    req.level = LEVEL_VALUE;
    req.time_limit_s = seconds;
    req.start = start;
    req.label = label;
    RunResult r;
    memset(&r, 0, sizeof r);
    if (solver_interrupted) {
        r.stop = STOP_INTERRUPT;
        r.bound = HUGE_VAL;
    } else if (glpk_solve_level(pt->mip, &req, &r, err, errsz)) {
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
    pt->value = objective_of(pt->mip, pt->x, LEVEL_VALUE);
    pt->value_proven = proven;
    double bound = proven ? pt->value : (isfinite(r.bound) ? fmax(r.bound, pt->value) : HUGE_VAL);
    pt->bound = fmin(pt->bound, bound);
    pt->interrupted = r.stop == STOP_INTERRUPT;
    pt->settled1 = proven || r.stop == STOP_GAP || pt->interrupted;
    pt->runs++;
    free(r.x);
    return 0;
}

/* Adds part pt's level-2 value floor (once) or settles it when its plan
 * costs nothing. Runs in the parent, before level 2 is handed out. */
static int part_prepare_level2(Part *pt, int value_digits, double tol)
{
    if (objective_of(pt->mip, pt->x, LEVEL_COST) <= 1e-9) {
        pt->cost_proven = pt->settled2 = 1; /* nothing to lower */
        return 0;
    }
    if (pt->interrupted) {
        pt->settled2 = 1;
        return 0;
    }
    if (pt->floor_added)
        return 0;
    if (program_add_value_floor(pt->mip, value_digits, pt->value, tol))
        return -1;
    pt->floor_added = 1;
    pt->floor = pt->value - tol;
    return 0;
}

/* Level 2 on one part (floor in place): least cost, starting from (and
 * keeping, unless GLPK finds one at most as costly) the part's plan. */
static int part_level2(Part *pt, const RunRequest *base, double seconds, const char *label, char *err,
                       size_t errsz)
{
    if (solver_interrupted || seconds <= 0.05) {
        pt->settled2 = 1;
        return 0;
    }
    double cost1 = objective_of(pt->mip, pt->x, LEVEL_COST);
    RunRequest req = *base;
    req.level = LEVEL_COST;
    req.time_limit_s = seconds;
    req.start = pt->x; /* meets the value floor */
    req.label = label;
    RunResult r;
    memset(&r, 0, sizeof r);
    if (glpk_solve_level(pt->mip, &req, &r, err, errsz)) {
        free(r.x);
        return -1;
    }
    /* the floor is checked without slack here: the parts' tolerances
     * already add up to all SPEC §2 allows */
    int accepted = r.has_solution && r.objective <= cost1 + 1e-9 &&
                   objective_of(pt->mip, r.x, LEVEL_VALUE) >= pt->floor;
    if (accepted) {
        memcpy(pt->x, r.x, (size_t)pt->mip->ncols * sizeof *pt->x);
        pt->value = objective_of(pt->mip, pt->x, LEVEL_VALUE);
    }
    /* proven only if the plan kept is as cheap as the proven optimum */
    pt->cost_proven = r.stop == STOP_NONE && r.has_solution && (accepted || cost1 <= r.objective + 1e-9);
    pt->interrupted = r.stop == STOP_INTERRUPT;
    pt->settled2 = pt->cost_proven || r.stop == STOP_GAP || pt->interrupted;
    free(r.x);
    return 0;
}

/* ---- one round of a level over the unsettled parts, in parallel ---------- */

typedef struct Round {
    Part *parts;
    int n;            /* parts in all */
    int level;
    const RunRequest *base;
    double until;     /* the level's deadline */
    int todo, jobs;   /* parts in this round, parallel jobs */
    int race;         /* one part, solved by `todo` racers in different column orders */
    int have_result;  /* race: a racer's result is already in the part */
    double seconds;   /* solver time summed over the round's parts */
    char err[512];
} Round;

/* What a run sends back from a worker: the part's state, then x. */
typedef struct PartState {
    int rc;
    int value_proven, cost_proven, interrupted, settled1, settled2, runs;
    double value, bound, seconds;
    char err[256];
} PartState;

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
    if (rd->race) {
        /* racer `seq` tries column order `seq`; only one prints progress */
        req.column_order = seq;
        req.quiet = req.quiet || seq > 0;
    }
    PartState st;
    memset(&st, 0, sizeof st);
    double t = clock_seconds();
    st.rc = rd->level == LEVEL_VALUE ? part_level1(pt, &req, seconds, label, st.err, sizeof st.err)
                                     : part_level2(pt, &req, seconds, label, st.err, sizeof st.err);
    st.seconds = clock_seconds() - t;
    st.value_proven = pt->value_proven;
    st.cost_proven = pt->cost_proven;
    st.interrupted = pt->interrupted;
    st.settled1 = pt->settled1;
    st.settled2 = pt->settled2;
    st.runs = pt->runs;
    st.value = pt->value;
    st.bound = pt->bound;
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
        double mine = objective_of(pt->mip, pt->x, LEVEL_COST);
        double theirs = objective_of(pt->mip, x, LEVEL_COST);
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
    rd->seconds += st.seconds;
    const double *x = (const double *)((const char *)result + sizeof st);
    if (rd->race && rd->have_result) {
        merge_racer(pt, rd->level, &st, x);
        return 0;
    }
    memcpy(pt->x, x, xbytes);
    pt->value_proven = st.value_proven;
    pt->cost_proven = st.cost_proven;
    pt->interrupted = st.interrupted;
    pt->settled1 = st.settled1;
    pt->settled2 = st.settled2;
    pt->runs = st.runs;
    pt->value = st.value;
    pt->bound = st.bound;
    rd->have_result = 1;
    /* a racer that finished its search (proof or gap) wins: the others
     * are stopped */
    if (rd->race && (rd->level == LEVEL_VALUE ? st.settled1 : st.settled2) && !st.interrupted)
        return 1;
    return 0;
}

/* Runs `level` on the parts not yet settled, in up to MAX_ROUNDS rounds
 * (see "Time across blocks" in docs/model.md). Adds the solver seconds of
 * all jobs to *seconds. Returns 0, or −1 with err set. */
static int run_level(Part *parts, int n, int level, const RunRequest *base, double until, int jobs,
                     double *seconds, char *err, size_t errsz)
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
        Round rd = {parts, n, level, base, until, todo, jobs < todo ? jobs : todo, 0, 0, 0.0, ""};
        if (todo == 1 && jobs >= RACERS && parts[items[0]].mip->nnz <= RACE_MAX_NONZEROS) {
            /* one part and processors to spare: race column orders (GLPK's
             * time on one program swings severalfold with the order) */
            rd.race = 1;
            rd.todo = rd.jobs = RACERS;
            for (int r = 1; r < RACERS; r++)
                items[r] = items[0];
        }
        rc = workers_run(rd.jobs, items, rd.todo, round_work, round_apply, &rd, &solver_interrupted, err,
                         errsz);
        if (rc && rd.err[0])
            snprintf(err, errsz, "%s", rd.err);
        *seconds += rd.seconds;
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
static int parts_init(Model *m, Blocks *blocks, const double *greedy_x, Part **out)
{
    int n = blocks->n;
    Part *parts = calloc((size_t)n, sizeof *parts);
    if (!parts)
        return -1;
    *out = parts;
    for (int i = 0; i < n; i++) {
        Part *pt = &parts[i];
        int whole = blocks->block[i].col == NULL;
        pt->mip = whole ? &m->mip : &blocks->block[i].mip;
        pt->col = whole ? NULL : blocks->block[i].col;
        int nc = pt->mip->ncols;
        pt->x = calloc((size_t)(nc ? nc : 1), sizeof *pt->x);
        if (!pt->x)
            return -1;
        pt->weight = (double)pt->mip->nnz + nc + 1.0;
        pt->bound = HUGE_VAL;
        if (greedy_x) {
            pt->fallback = malloc((size_t)(nc ? nc : 1) * sizeof *pt->fallback);
            if (!pt->fallback)
                return -1;
            for (int l = 0; l < nc; l++)
                pt->fallback[l] = greedy_x[pt->col ? pt->col[l] : l];
        }
    }
    /* smallest first: the time a small block leaves goes to the larger
     * ones after it, which are the ones that need it */
    qsort(parts, (size_t)n, sizeof *parts, cmp_part_weight);
    return 0;
}

static void parts_free(Part *parts, int n)
{
    for (int i = 0; parts && i < n; i++) {
        free(parts[i].fallback);
        free(parts[i].x);
    }
    free(parts);
}

/* Parts are never bundled (min_cols 1): one branch-and-bound over two
 * independent parts can explore the product of their trees, while a fork
 * and a GLPK call per part cost only milliseconds. */
#define BLOCK_MIN_COLS 1

int solve_scenario(const Scenario *s, const SolveOptions *opt, Plan **out, SolveStats *stats, char *err,
                   size_t errsz)
{
    SolveStats local;
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    *out = NULL;
    Model m;
    double t0 = clock_seconds();
    if (model_build(s, 1, &m)) {
        snprintf(err, errsz, "out of memory building the program");
        return 1;
    }
    fill_stats(&m, stats);
    Blocks blocks;
    Part *parts = NULL;
    double *greedy_x = NULL, *x = NULL, *best = NULL;
    Plan *plan = NULL;
    int rc = 1, n = 0;
    /* SAMPLAN_BLOCKS=0 solves the program whole: tests compare the two */
    const char *split_env = getenv("SAMPLAN_BLOCKS");
    int min_cols = split_env && strcmp(split_env, "0") == 0 ? m.mip.ncols + 1 : BLOCK_MIN_COLS;
    if (mip_split_blocks(&m.mip, min_cols, &blocks)) {
        snprintf(err, errsz, "out of memory splitting the program");
        model_release(&m);
        return 1;
    }
    n = blocks.n;
    stats->blocks = n;
    stats->components = blocks.components;
    stats->build_s = clock_seconds() - t0;

    /* a greedy plan first: the fallback whenever GLPK stops with less */
    greedy_x = greedy_start(&m);
    if (greedy_x)
        stats->greedy_value = objective_of(&m.mip, greedy_x, LEVEL_VALUE);
    x = calloc((size_t)(m.mip.ncols ? m.mip.ncols : 1), sizeof *x);
    best = calloc((size_t)(m.classes.npclasses ? m.classes.npclasses : 1), sizeof *best);
    if (!x || !best || parts_init(&m, &blocks, greedy_x, &parts)) {
        snprintf(err, errsz, "out of memory");
        goto done;
    }

    double deadline = opt->clock_start + opt->time_limit_s;
    RunRequest base = {LEVEL_VALUE, 0.0, opt->mip_gap, opt->quiet, opt->clock_start, NULL, NULL, 0};
    double level1_end = clock_seconds() + (deadline - clock_seconds()) * LEVEL1_SHARE;
    /* level 1, in rounds: each round shares the time left among the
     * parts not yet settled; a part stopped by its share runs again, from
     * its best plan, with what the easy parts left over */
    int jobs = workers_jobs(opt->jobs);
    double busy = 0.0, t1 = clock_seconds();
    if (run_level(parts, n, LEVEL_VALUE, &base, level1_end, jobs, &busy, err, errsz))
        goto done;
    stats->level1_s = clock_seconds() - t1; /* wall time; busy sums the jobs */
    for (int i = 0; i < n; i++) {
        Part *pt = &parts[i];
        if (pt->runs)
            continue;
        /* not started before Ctrl-C: the greedy plan stands */
        if (pt->fallback)
            memcpy(pt->x, pt->fallback, (size_t)pt->mip->ncols * sizeof *pt->x);
        pt->value = objective_of(pt->mip, pt->x, LEVEL_VALUE);
        pt->interrupted = pt->settled1 = 1;
    }
    double value = 0.0, bound = 0.0;
    int value_proven = 1;
    for (int i = 0; i < n; i++) {
        value += parts[i].value;
        bound += isfinite(parts[i].bound) ? parts[i].bound : part_trivial_bound(&m, &parts[i], best);
        value_proven &= parts[i].value_proven;
    }
    stats->level1_value = value;
    stats->level1_bound = bound;

    /* level 2 per part, in rounds as above; the parts' value tolerances
     * add up to the one SPEC §2 allows the whole plan, 1e-6·max(1, V*) */
    double weight_sum = 0.0;
    for (int i = 0; i < n; i++)
        weight_sum += fmax(1.0, parts[i].value);
    for (int i = 0; i < n; i++) {
        double tol = 1e-6 * fmax(1.0, value) * fmax(1.0, parts[i].value) / weight_sum;
        if (part_prepare_level2(&parts[i], m.value_digits, tol)) {
            snprintf(err, errsz, "out of memory building the second level");
            goto done;
        }
    }
    double t2 = clock_seconds();
    if (run_level(parts, n, LEVEL_COST, &base, deadline, jobs, &busy, err, errsz))
        goto done;
    stats->level2_s = clock_seconds() - t2;
    int cost_proven = 1;
    for (int i = 0; i < n; i++)
        cost_proven &= parts[i].cost_proven;

    for (int i = 0; i < n; i++)
        for (int l = 0; l < parts[i].mip->ncols; l++)
            x[parts[i].col ? parts[i].col[l] : l] = parts[i].x[l];
    plan = plan_from(&m, x, err, errsz);
    if (!plan)
        goto done;
    plan->status = value_proven && cost_proven ? PLAN_OPTIMAL : PLAN_FEASIBLE;
    /* the level-1 bound: level 2 may give up value within the tolerance,
     * so the plan's own value is no bound */
    plan->bound = fmax(bound, plan->value);
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
    parts_free(parts, n);
    blocks_release(&blocks);
    free(greedy_x);
    free(x);
    free(best);
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
