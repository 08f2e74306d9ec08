/*
 * check_parts.c — where a bound had before level 1 ends it (solver/parts.c
 * part_settle_by_bound, solver/lns.c's stop at RunRequest.value_bound):
 * a start that reaches the bound is proven; with `--gap`, a part for region
 * search whose start is within the gap needs no run, and region search
 * stops once its plan is; GLPK parts are left to GLPK's own gap.
 * On the hand scenario full_centre, whose optimum (14) GLPK proves.
 * Also what the parts' cost bounds add up to, and how a plan says it.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hand_scenarios.h"
#include "../solver/build.h"
#include "../solver/lns.h"
#include "../solver/parts.h"
#include "../solver/solve.h"

typedef struct Fixture {
    Scenario *s;
    Model m;
    Blocks blocks;
    Part *parts;
    int n;
    double *optimum; /* an optimal plan of the whole program */
    double *best;    /* scratch for part_trivial_bound */
} Fixture;

/* full_centre as one part whose starting plan is an optimal one. */
static void fixture_open(Fixture *f)
{
    memset(f, 0, sizeof *f);
    f->s = hand_load("full_centre", NULL);
    ck_assert_int_eq(model_build(f->s, 1, &f->m), 0);
    RunRequest req = {LEVEL_VALUE, 30.0, 0.0, 1, 0.0, NULL, NULL, 0, 1, 0, 0.0, 0.0, 0, 0, 0, 0.0, NULL};
    RunResult r;
    char err[256];
    ck_assert_int_eq(glpk_solve_level(&f->m.mip, &req, &r, err, sizeof err), 0);
    ck_assert(r.has_solution && r.stop == STOP_NONE && fabs(r.objective - 14.0) < 1e-9);
    f->optimum = r.x;
    ck_assert_int_eq(mip_split_blocks(&f->m.mip, f->m.mip.ncols + 1, &f->blocks), 0);
    const double *starts[1] = {f->optimum};
    ck_assert_int_eq(parts_init(&f->m, &f->blocks, starts, 1, &f->parts), 0);
    f->n = f->blocks.n;
    ck_assert_int_eq(f->n, 1);
    f->best = calloc((size_t)f->m.classes.npclasses + 1, sizeof *f->best);
    ck_assert_ptr_nonnull(f->best);
}

static void fixture_close(Fixture *f)
{
    parts_free(f->parts, f->n);
    blocks_release(&f->blocks);
    free(f->optimum);
    free(f->best);
    model_release(&f->m);
    scenario_free(f->s);
    unsetenv("SAMPLAN_REGION_SEARCH");
}

/* Back to a part that has not run. */
static void unsettle(Part *pt)
{
    pt->settled1 = pt->value_proven = pt->runs = 0;
    pt->bound = pt->alongside = pt->trivial = HUGE_VAL;
    pt->value = 0.0;
}

START_TEST(settle_by_bound)
{
    Fixture f;
    fixture_open(&f);
    Part *pt = &f.parts[0];
    /* capacity is short: the trivial bound lies above the optimum */
    unsettle(pt);
    ck_assert_int_eq(part_settle_by_bound(pt, &f.m, 0.0, f.best), 0);
    double trivial = pt->trivial;
    ck_assert(trivial > 14.0 + 1e-9);
    /* a bound alongside the search at the start's value proves it */
    unsettle(pt);
    pt->alongside = 14.0;
    ck_assert_int_eq(part_settle_by_bound(pt, &f.m, 0.0, f.best), 1);
    ck_assert(pt->value_proven && pt->settled1 && fabs(pt->value - 14.0) < 1e-9 && fabs(pt->bound - 14.0) < 1e-9);
    /* within --gap of a bound: settled, not proven — on a part for region
     * search only; GLPK keeps a part it stops at the gap by itself */
    unsettle(pt);
    pt->alongside = 15.0;
    ck_assert_int_eq(part_settle_by_bound(pt, &f.m, 0.1, f.best), 0);
    setenv("SAMPLAN_REGION_SEARCH", "20", 1);
    unsettle(pt);
    pt->alongside = 15.0;
    ck_assert_int_eq(part_settle_by_bound(pt, &f.m, 0.05, f.best), 0); /* 1 > 0.05 · 15 */
    unsettle(pt);
    pt->alongside = 15.0;
    ck_assert_int_eq(part_settle_by_bound(pt, &f.m, 0.1, f.best), 1); /* 1 ≤ 0.1 · 15 */
    ck_assert(pt->settled1 && !pt->value_proven && fabs(pt->bound - 15.0) < 1e-9);
    fixture_close(&f);
}
END_TEST

/* Region search from the optimal plan: a bound it already meets, or is
 * within the gap of, ends it before any region; without one it looks for
 * a gain region by region until a local optimum. */
START_TEST(region_search_stops_at_bound)
{
    Fixture f;
    fixture_open(&f);
    setenv("SAMPLAN_REGION_SEARCH", "20", 1);
    char err[256];
    RunRequest req = {LEVEL_VALUE, 20.0, 0.0, 1, 0.0, f.optimum, NULL, 0, 1, 0, 0.0, HUGE_VAL, 0, 0, 0, 0.0, NULL};
    RunResult free_run, at_bound, in_gap, off_gap;
    ck_assert_int_eq(lns_solve(&f.m, &f.m.mip, &req, &free_run, err, sizeof err), 0);
    ck_assert_int_gt(free_run.regions, 0);
    req.value_bound = 14.0;
    ck_assert_int_eq(lns_solve(&f.m, &f.m.mip, &req, &at_bound, err, sizeof err), 0);
    ck_assert_int_eq(at_bound.regions, 0);
    ck_assert_int_eq(at_bound.stop, STOP_GAP);
    req.value_bound = 15.0;
    req.mip_gap = 0.1;
    ck_assert_int_eq(lns_solve(&f.m, &f.m.mip, &req, &in_gap, err, sizeof err), 0);
    ck_assert_int_eq(in_gap.regions, 0);
    req.mip_gap = 0.05;
    ck_assert_int_eq(lns_solve(&f.m, &f.m.mip, &req, &off_gap, err, sizeof err), 0);
    ck_assert_int_gt(off_gap.regions, 0);
    ck_assert(fabs(off_gap.objective - 14.0) < 1e-9 && fabs(in_gap.objective - 14.0) < 1e-9);
    free(free_run.x);
    free(at_bound.x);
    free(in_gap.x);
    free(off_gap.x);
    fixture_close(&f);
}
END_TEST

/* A level-1 run whose plan reaches the part's bound proves it (rounded
 * down to the value grid: every value is on it), whichever run gave the
 * bound; one that stays below it proves nothing. Region search, which
 * proves nothing itself, from the optimal plan. */
START_TEST(plan_meeting_bound_is_proven)
{
    Fixture f;
    fixture_open(&f);
    setenv("SAMPLAN_REGION_SEARCH", "20", 1);
    Part *pt = &f.parts[0];
    RunRequest base = {LEVEL_VALUE, 0.0, 0.0, 1, clock_seconds(), NULL, NULL, 0, 1, 0, 0.0, 0.0, 0, 0, 0, 0.0, NULL};
    char err[256];
    unsettle(pt);
    pt->bound = 14.04; /* 14.0 on any grid of tenths or coarser */
    ck_assert_int_eq(parts_run_level(f.parts, f.n, LEVEL_VALUE, &base, clock_seconds() + 20.0, 0.0, 1, err,
                                     sizeof err), 0);
    ck_assert(pt->value_proven && pt->settled1 && fabs(pt->value - 14.0) < 1e-9 && fabs(pt->bound - 14.0) < 1e-9);
    unsettle(pt);
    pt->bound = 15.0;
    ck_assert_int_eq(parts_run_level(f.parts, f.n, LEVEL_VALUE, &base, clock_seconds() + 20.0, 0.0, 1, err,
                                     sizeof err), 0);
    ck_assert(!pt->value_proven && fabs(pt->value - 14.0) < 1e-9 && fabs(pt->bound - 15.0) < 1e-9);
    fixture_close(&f);
}
END_TEST

/* The parts' cost bounds add up to one on the least cost only where the
 * optimal plan meets every part's floor: one part, or every part's value
 * proven (solver/parts.h parts_cost_bound). */
START_TEST(cost_bounds_add_up)
{
    Part parts[2];
    memset(parts, 0, sizeof parts);
    parts[0].cost_bound = 100.0;
    parts[1].cost_bound = 250.0;
    parts[0].value_proven = parts[1].value_proven = 1;
    ck_assert(parts_cost_bound(parts, 2) == 350.0);
    parts[1].value_proven = 0;
    ck_assert(isnan(parts_cost_bound(parts, 2)));
    parts[0].value_proven = 0;
    ck_assert(parts_cost_bound(parts, 1) == 100.0); /* one part: its floor lets SPEC's plans in */
}
END_TEST

/* What the plan says of a bound (solver/solve.h plan_set_cost_bound):
 * lowered by the margin and rounded down to öre, never above the cost;
 * none when above the cost or only 0; the cost when optimal. */
START_TEST(plan_says_the_cost_bound)
{
    Plan *plan = plan_new(0);
    ck_assert_ptr_nonnull(plan);
    ck_assert(isnan(plan->cost_bound) && isnan(plan->cost_gap)); /* none known */
    plan->status = PLAN_FEASIBLE;
    plan->cost = 1000.0;
    plan_set_cost_bound(plan, 900.004); /* − 9e-5, down to öre */
    ck_assert(plan->cost_bound == 900.0 && fabs(plan->cost_gap - 0.1) < 1e-12);
    plan_set_cost_bound(plan, 1000.00001); /* within the margin: below the cost */
    ck_assert(plan->cost_bound == 999.99);
    plan_set_cost_bound(plan, 1000.001); /* above the plan's cost: a contradiction */
    ck_assert(isnan(plan->cost_bound) && isnan(plan->cost_gap));
    plan_set_cost_bound(plan, 0.0); /* the trivial bound says nothing */
    ck_assert(isnan(plan->cost_bound));
    plan_set_cost_bound(plan, NAN);
    ck_assert(isnan(plan->cost_bound));
    plan->status = PLAN_OPTIMAL;
    plan_set_cost_bound(plan, NAN);
    ck_assert(plan->cost_bound == 1000.0 && plan->cost_gap == 0.0);
    plan_free(plan);
    /* "at most" percentages are rounded up */
    ck_assert(plan_percent_up(0.100126, 2) == 10.02);
    ck_assert(plan_percent_up(0.021, 1) == 2.1);
    ck_assert(plan_percent_up(0.1, 2) == 10.0);
    ck_assert(plan_percent_up(1e-12, 2) == 0.01);
    ck_assert(plan_percent_up(0.0, 2) == 0.0);
}
END_TEST

int main(void)
{
    (void)hand_for_each; /* the header's other helper */
    Suite *s = suite_create("parts");
    TCase *tc = tcase_create("bounds");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, settle_by_bound);
    tcase_add_test(tc, region_search_stops_at_bound);
    tcase_add_test(tc, plan_meeting_bound_is_proven);
    tcase_add_test(tc, cost_bounds_add_up);
    tcase_add_test(tc, plan_says_the_cost_bound);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
