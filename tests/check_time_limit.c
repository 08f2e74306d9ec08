/*
 * check_time_limit.c — a time limit too short to build the program still
 * gives a plan (solver/solve.c): the build gives up at its deadline
 * (model_build_until) and the plan is the first greedy one, `feasible`,
 * with a bound no lower than its value. National 50 000 takes about 4 s
 * to build, so `--time-limit 5` once took 7.7–13 s (fourth audit).
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "../io/scenario_load.h"
#include "../solver/build.h"
#include "../solver/glpk_run.h"
#include "../solver/greedy.h"
#include "../solver/solve.h"

static Scenario *load(const char *dir)
{
    DiagList diags = DIAGLIST_INIT;
    Scenario *s = NULL;
    int rc = scenario_load(dir, NULL, &s, &diags);
    if (rc)
        diag_print(&diags, stderr, "check_time_limit");
    diag_release(&diags);
    ck_assert_int_eq(rc, 0);
    return s;
}

START_TEST(build_gives_up_at_its_deadline)
{
    Scenario *s = load("scenarios/kronoberg");
    Model m;
    ck_assert_int_eq(model_build_until(s, 1, clock_seconds() - 1.0, &m), 1);
    ck_assert_int_eq(model_build_until(s, 1, clock_seconds() + 3600.0, &m), 0);
    ck_assert_int_gt(m.mip.ncols, 0);
    model_release(&m);
    scenario_free(s);
}
END_TEST

START_TEST(no_time_to_build_gives_the_greedy_plan)
{
    Scenario *s = load("scenarios/kronoberg");
    /* the command started 100 s ago with a 10 s limit */
    SolveOptions opt = {10.0, 0.0, 1, clock_seconds() - 100.0, 1};
    Plan *plan = NULL, *greedy = NULL;
    char err[256];
    ck_assert_int_eq(solve_scenario(s, &opt, &plan, NULL, err, sizeof err), 0);
    ck_assert_ptr_nonnull(plan);
    ck_assert_int_eq(greedy_plan(s, GREEDY_FEWEST_JOIN_OPEN, &greedy), 0);
    ck_assert_int_eq(plan->status, PLAN_FEASIBLE);
    ck_assert(fabs(plan->value - greedy->value) < 1e-9);
    ck_assert(fabs(plan->cost - greedy->cost) < 1e-6);
    ck_assert(plan->value > 0.0);
    ck_assert(plan->bound >= plan->value);
    ck_assert(plan->gap >= 0.0 && plan->gap <= 1.0);
    plan_free(greedy);
    plan_free(plan);
    scenario_free(s);
}
END_TEST

/* With time, the same call solves to optimality (a control for the test
 * above: the greedy plan is not what it always returns). */
START_TEST(with_time_it_solves)
{
    Scenario *s = load("scenarios/sikt-inland");
    SolveOptions opt = {60.0, 0.0, 1, clock_seconds(), 1};
    Plan *plan = NULL;
    char err[256];
    ck_assert_int_eq(solve_scenario(s, &opt, &plan, NULL, err, sizeof err), 0);
    ck_assert_int_eq(plan->status, PLAN_OPTIMAL);
    plan_free(plan);
    scenario_free(s);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("time_limit");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, build_gives_up_at_its_deadline);
    tcase_add_test(tc, no_time_to_build_gives_the_greedy_plan);
    tcase_add_test(tc, with_time_it_solves);
    suite_add_tcase(su, tc);
    SRunner *sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
