/*
 * solve.c — the two-level solve loop (see solve.h and docs/model.md).
 *
 * Time: level 1 may use up to 75 % of the limit left, level 2 the rest; a
 * level that finishes early leaves its time to the next. When level 2 finds
 * nothing better (or no time is left), the level-1 plan stands: it has the
 * greatest value found, so it satisfies level 2's value floor.
 */
#include "solve.h"

#include "build.h"
#include "extract.h"
#include "glpk_run.h"
#include "greedy.h"
#include "start.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LEVEL1_SHARE 0.75

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

/* Σ over participants of their best value: a bound on any plan's value,
 * used when the search stopped before it proved a better one. */
static double trivial_bound(const Scenario *s)
{
    double sum = 0.0;
    for (int p = 0; p < s->nparticipants; p++) {
        double best = 0.0;
        for (int t = 0; t < s->ntracks; t++)
            best = fmax(best, participant_track_value(s, &s->participants[p], t));
        sum += best;
    }
    return sum;
}

/* The greedy plan (solver/greedy.c) as column values of m, or NULL when it
 * cannot be had; *value gets its level-1 objective. */
static double *greedy_start(const Model *m, double *value)
{
    *value = 0.0;
    Plan *g = NULL;
    if (greedy_plan(m->s, GREEDY_BEST_VALUE, &g) != 0)
        return NULL;
    double *x = malloc((size_t)(m->mip.ncols ? m->mip.ncols : 1) * sizeof *x);
    if (x && model_columns_from_plan(m, g, x) == 0) {
        for (int j = 0; j < m->mip.ncols; j++)
            *value += m->mip.cols[j].value * x[j];
    } else {
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
    stats->build_s = clock_seconds() - t0;

    double deadline = opt->clock_start + opt->time_limit_s;
    RunRequest req = {LEVEL_VALUE, 0.0, opt->mip_gap, opt->quiet, opt->clock_start, NULL};
    RunResult r1, r2;
    memset(&r1, 0, sizeof r1);
    memset(&r2, 0, sizeof r2);
    Plan *plan = NULL;
    int rc = 1;
    /* a greedy plan first: the fallback whenever GLPK stops with less */
    double *greedy_x = greedy_start(&m, &stats->greedy_value);
    req.start = greedy_x;
    req.time_limit_s = (deadline - clock_seconds()) * LEVEL1_SHARE;
    if (glpk_solve_level(&m.mip, &req, &r1, err, errsz))
        goto done;
    if (greedy_x && r1.stop != STOP_NONE &&
        (!r1.has_solution || stats->greedy_value > r1.objective + 1e-9)) {
        memcpy(r1.x, greedy_x, (size_t)m.mip.ncols * sizeof *r1.x);
        r1.objective = stats->greedy_value;
        r1.has_solution = 1;
    }
    stats->level1_s = r1.seconds;
    stats->level1_value = r1.objective;
    stats->level1_bound = r1.bound;

    if (!r1.has_solution) {
        /* stopped before any integer solution: the empty plan is valid */
        plan = plan_from(&m, NULL, err, errsz);
        if (!plan)
            goto done;
        plan->status = PLAN_FEASIBLE;
        plan->bound = isfinite(r1.bound) ? r1.bound : trivial_bound(s);
        rc = 0;
        goto done;
    }
    plan = plan_from(&m, r1.x, err, errsz);
    if (!plan)
        goto done;
    RunStop final_stop = r1.stop;
    double remaining = deadline - clock_seconds();
    if (r1.stop != STOP_INTERRUPT && remaining > 0.05 && plan->cost > 1e-9) {
        if (model_add_value_floor(&m, r1.objective)) {
            snprintf(err, errsz, "out of memory building the second level");
            goto done;
        }
        req.level = LEVEL_COST;
        req.time_limit_s = remaining;
        req.start = r1.x; /* the level-1 plan meets the value floor */
        if (glpk_solve_level(&m.mip, &req, &r2, err, errsz))
            goto done;
        stats->level2_s = r2.seconds;
        if (r2.has_solution) {
            Plan *p2 = plan_from(&m, r2.x, err, errsz);
            if (!p2)
                goto done;
            if (p2->cost <= plan->cost + 1e-9 && p2->value >= plan->value - 1e-6 * fmax(1.0, plan->value)) {
                plan_free(plan);
                plan = p2;
            } else {
                plan_free(p2);
            }
        }
        if (r2.stop != STOP_NONE || !r2.has_solution)
            final_stop = r2.stop != STOP_NONE ? r2.stop : STOP_TIME;
    } else if (r1.stop == STOP_NONE && plan->cost > 1e-9) {
        final_stop = STOP_TIME; /* no time left to minimise cost */
    }
    plan->status = final_stop == STOP_NONE ? PLAN_OPTIMAL : PLAN_FEASIBLE;
    plan->bound = r1.stop == STOP_NONE ? plan->value : fmax(r1.bound, plan->value);
    if (!isfinite(plan->bound))
        plan->bound = trivial_bound(s);
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
    free(r1.x);
    free(r2.x);
    free(greedy_x);
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
