/*
 * check_budget_sliver.c — solver/glpk_run.c's proof in the sliver under
 * a budget (prove_sliver_empty), on a program built by hand where the
 * plans and their costs are known: GLPK's answer a millionth of a krona
 * over max_cost is not believed, the runs below it cannot see the plan a
 * millionth under it, and the least cost of a plan a step better must
 * find that plan and then prove it; a plan over max_cost by less than
 * GLPK can tell apart must leave the run unproven, never proven; and a
 * plan GLPK counts as whole that rounds to one over the budget proves
 * nothing (an independent review's program).
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../solver/glpk_run.h"
#include "run_request.h"

#define MAX_COST 1600.0

/* Three plans, one column each, at most one of them: value 2 at
 * max_cost + over, 1.5 at max_cost − 1e-6, 0.9 at 100 SEK. The budget
 * row holds max_cost as it is (costs with many decimals, off any grid). */
static Mip three_plans(double over)
{
    Mip m;
    memset(&m, 0, sizeof m);
    double value[3] = {2.0, 1.5, 0.9};
    double cost[3] = {MAX_COST + over, MAX_COST - 1e-6, 100.0};
    int one = mip_add_row(&m, -HUGE_VAL, 1.0, 'c');
    int budget = mip_add_row(&m, -HUGE_VAL, MAX_COST, 'b');
    for (int j = 0; j < 3; j++) {
        int col = mip_add_col(&m, (MipCol){COL_X, 1, 0.0, 1.0, value[j], cost[j], j, 0, 0});
        mip_add_coef(&m, one, col, 1.0);
        mip_add_coef(&m, budget, col, cost[j]);
    }
    ck_assert(!m.oom);
    return m;
}

/* Level 1 of m on one process within `seconds`: GLPK's answer, which
 * must be a plan that keeps to every row, the budget exactly. */
static RunResult level1(const Mip *m, double seconds)
{
    RunRequest req = test_level1_request(seconds);
    RunResult r;
    char err[256];
    ck_assert_int_eq(glpk_solve_level(m, &req, &r, err, sizeof err), 0);
    ck_assert(r.has_solution);
    ck_assert(mip_solution_ok(m, r.x));
    return r;
}

/* The plan a millionth under max_cost is found and proven: the runs
 * below GLPK's answer (value 2, a millionth over) stop at 0.9, and the
 * least cost of value ≥ 1 is that plan, of value ≥ 1.6 the one over. */
START_TEST(the_plan_just_under_the_budget_is_found_and_proven)
{
    Mip m = three_plans(1e-6);
    RunResult r = level1(&m, 20.0);
    ck_assert_double_eq_tol(r.objective, 1.5, 1e-12);
    ck_assert_int_eq(r.stop, STOP_NONE);
    ck_assert_double_eq_tol(r.bound, 1.5, 1e-12);
    ck_assert(r.seconds < 10.0); /* proven, not run to the limit */
    free(r.x);
    mip_release(&m);
}
END_TEST

/* 5e-9 SEK over max_cost: over it by our own check of a plan (which
 * forgives 1e-12 of the cost), but within what GLPK's least cost is
 * trusted to (sliver_margin): the plan at 1.5 stands unproven under the
 * bound 2, never called optimal. */
START_TEST(a_plan_over_the_budget_by_less_than_glpk_tells_leaves_it_unproven)
{
    Mip m = three_plans(5e-9);
    RunResult r = level1(&m, 5.0);
    ck_assert_double_eq_tol(r.objective, 1.5, 1e-12);
    ck_assert_int_eq(r.stop, STOP_TIME);
    ck_assert(r.bound >= 2.0 - 1e-9);
    free(r.x);
    mip_release(&m);
}
END_TEST

/* A plan over max_cost by a whole krona is over it for GLPK too: the
 * first run proves 1.5 at once, with no sliver to look into. */
START_TEST(a_plan_far_over_the_budget_is_no_sliver)
{
    Mip m = three_plans(1.0);
    RunResult r = level1(&m, 20.0);
    ck_assert_double_eq_tol(r.objective, 1.5, 1e-12);
    ck_assert_int_eq(r.stop, STOP_NONE);
    free(r.x);
    mip_release(&m);
}
END_TEST

/* The review's program (thirty-third session): max_cost 200 000 SEK;
 * plan B, value 1000, costs 199 999.999 and fits; B2, value 999.999, at
 * 199 999.95; K adds 0.001 of value per unit at 0.005 SEK (at most one
 * unit, more only with Z at 196 000, and not with B2). GLPK counts B at
 * 1 − 1e-6 as whole, and its plan there with a unit of K, of least cost
 * about 0.2 SEK under max_cost, rounds to B and K, 0.004 over: the least
 * cost after GLPK's presolver is the rounded plan's, and 999.999 was
 * called optimal. The answer must be B, proven, or at least never 999.999
 * proven. */
static Mip review_program(void)
{
    const double m = 200000.0;
    Mip p;
    memset(&p, 0, sizeof p);
    int budget = mip_add_row(&p, -HUGE_VAL, m, 'b');
    int lim = mip_add_row(&p, -HUGE_VAL, 1.0, 'l');
    int conf = mip_add_row(&p, -HUGE_VAL, 1.0, 'c');
    int b = mip_add_col(&p, (MipCol){COL_X, 1, 0.0, 1.0, 1000.0, m - 0.001, 0, 0, 0});
    int k = mip_add_col(&p, (MipCol){COL_X, 1, 0.0, 1e6, 0.001, 0.005, 1, 0, 0});
    int b2 = mip_add_col(&p, (MipCol){COL_X, 1, 0.0, 1.0, 999.999, m - 0.05, 2, 0, 0});
    int z = mip_add_col(&p, (MipCol){COL_X, 1, 0.0, 1.0, 0.0, 196000.0, 3, 0, 0});
    mip_add_coef(&p, budget, b, m - 0.001);
    mip_add_coef(&p, budget, k, 0.005);
    mip_add_coef(&p, budget, b2, m - 0.05);
    mip_add_coef(&p, budget, z, 196000.0);
    mip_add_coef(&p, lim, k, 1.0);
    mip_add_coef(&p, lim, z, -1e6);
    mip_add_coef(&p, conf, b2, 1.0);
    mip_add_coef(&p, conf, k, 1.0);
    ck_assert(!p.oom);
    return p;
}

START_TEST(a_plan_rounded_over_the_budget_proves_nothing)
{
    Mip m = review_program();
    RunResult r = level1(&m, 10.0);
    if (r.stop == STOP_NONE)
        ck_assert_msg(r.objective > 1000.0 - 1e-9, "called %.6f optimal; plan B (1000) fits", r.objective);
    else
        ck_assert(r.bound >= 1000.0 - 1e-9);
    free(r.x);
    mip_release(&m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("budget_sliver");
    TCase *tc = tcase_create("sliver");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, the_plan_just_under_the_budget_is_found_and_proven);
    tcase_add_test(tc, a_plan_over_the_budget_by_less_than_glpk_tells_leaves_it_unproven);
    tcase_add_test(tc, a_plan_far_over_the_budget_is_no_sliver);
    tcase_add_test(tc, a_plan_rounded_over_the_budget_proves_nothing);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
