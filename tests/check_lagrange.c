/*
 * check_lagrange.c — solver/lagrange.c: on every hand scenario of
 * tests/scenarios/NAME/ (base and the variants named in EXPECTED) the
 * Lagrangian bound is at least the proven optimum and at most the trivial
 * bound (every class at its best value); where capacity decides the
 * optimum it reaches it; a program not of build.c's shape gets no bound.
 * Run from the repository root.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hand_scenarios.h"
#include "../solver/build.h"
#include "../solver/lagrange.h"
#include "../solver/solve.h"

static double trivial(const Model *m)
{
    double *best = calloc((size_t)m->classes.npclasses + 1, sizeof *best);
    ck_assert_ptr_nonnull(best);
    for (int j = 0; j < m->mip.ncols; j++)
        if (m->mip.cols[j].kind == COL_X && m->mip.cols[j].value > best[m->mip.cols[j].a])
            best[m->mip.cols[j].a] = m->mip.cols[j].value;
    double sum = 0.0;
    for (int k = 0; k < m->classes.npclasses; k++)
        sum += best[k] * m->classes.pclasses[k].count;
    free(best);
    return sum;
}

/* Searches that started again with smaller steps (bound_of), so that the
 * restart is known to have run on the hand scenarios. */
static int restarts;

/* The bound on scenario name/variant with target 0 (the subgradient runs
 * until its step size is spent, and a search that never left its starting
 * bound starts again), checked against the optimum. */
static double bound_of(const char *name, const char *variant, double optimum)
{
    Scenario *s = hand_load(name, variant);
    Model m;
    ck_assert_int_eq(model_build(s, 1, &m), 0);
    LagrangeStats st;
    double b = lagrange_bound(&m.mip, 0.0, HUGE_VAL, m.value_digits, 5.0, &st);
    double t = trivial(&m);
    ck_assert_msg(isfinite(b), "%s: no bound", name);
    ck_assert_msg(b >= optimum - 1e-6 * fmax(1.0, optimum), "%s%s%s: bound %.9g below the optimum %.9g", name,
                  variant ? "/" : "", variant ? variant : "", b, optimum);
    ck_assert_msg(b <= t + 1e-6 * fmax(1.0, t), "%s: bound %.9g above the trivial %.9g", name, b, t);
    ck_assert_int_ge(st.iterations, 1);
    /* the market phase ran first, and its own bound is valid too */
    ck_assert_int_ge(st.market_steps, 1);
    ck_assert_msg(st.market_bound >= optimum - 1e-6 * fmax(1.0, optimum) && st.market_bound >= b - 1e-9 &&
                      st.market_bound <= t + 1e-6 * fmax(1.0, t),
                  "%s: market bound %.9g against optimum %.9g, bound %.9g, trivial %.9g", name, st.market_bound,
                  optimum, b, t);
    restarts += st.restarted_at > 0.0;
    model_release(&m);
    scenario_free(s);
    return b;
}

static void bound_of_on(const char *name, const char *variant, double optimum)
{
    bound_of(name, variant, optimum);
}

START_TEST(test_hand_scenarios_bounded)
{
    int n = 0;
    restarts = 0;
    hand_for_each(bound_of_on, &n);
    ck_assert_int_ge(n, 19);
    /* where the starting bound is the optimum the first schedule cannot
     * leave it, so the search starts again: the bounds above cover that path */
    ck_assert_int_ge(restarts, 1);
}
END_TEST

/* Where a full centre, a preference rank or a weight decides the optimum,
 * the priced rows bring the bound from the trivial one down to it:
 * full_centre 15 → 14, preferences 4.4 → 3.8, weights 14 → 9. */
START_TEST(test_capacity_priced)
{
    ck_assert(fabs(bound_of("full_centre", NULL, 14) - 14) < 1e-9);
    ck_assert(fabs(bound_of("preferences", NULL, 3.8) - 3.8) < 1e-9);
    ck_assert(fabs(bound_of("weights", NULL, 9) - 9) < 1e-9);
}
END_TEST

/* Reaching the target ends the search at once with the bound rounded to
 * the value quantum. */
START_TEST(test_target_stops)
{
    Scenario *s = hand_load("full_centre", NULL);
    Model m;
    ck_assert_int_eq(model_build(s, 1, &m), 0);
    LagrangeStats free_run, to_target;
    double b0 = lagrange_bound(&m.mip, 0.0, HUGE_VAL, m.value_digits, 5.0, &free_run);
    double b1 = lagrange_bound(&m.mip, 14.0, HUGE_VAL, m.value_digits, 5.0, &to_target);
    ck_assert(fabs(b0 - 14) < 1e-9 && fabs(b1 - 14) < 1e-9);
    ck_assert_int_le(to_target.iterations, free_run.iterations);
    /* it left its starting bound (15), so it never started again */
    ck_assert(free_run.restarted_at == 0.0 && to_target.restarted_at == 0.0);
    model_release(&m);
    scenario_free(s);
}
END_TEST

/* A live target (lagrange_bound_live) counts as the target does: a
 * plan's value of 16 written by "another process", less an offset of 2
 * outside the program, is the target 14 above, and ends the search as
 * soon; an offset that leaves it below the optimum leaves the free run,
 * unless a gap is asked for: then a bound within it of the target ends
 * it, still a bound. */
START_TEST(test_live_target)
{
    Scenario *s = hand_load("full_centre", NULL);
    Model m;
    ck_assert_int_eq(model_build(s, 1, &m), 0);
    _Atomic double live = 16.0; /* as the shared page holds it (LiveShare) */
    LagrangeStats to_target, to_live, below, gapped;
    double b1 = lagrange_bound(&m.mip, 14.0, HUGE_VAL, m.value_digits, 5.0, &to_target);
    double b2 = lagrange_bound_live(&m.mip, 0.0, &live, 2.0, 0.0, HUGE_VAL, m.value_digits, 5.0, &to_live);
    double b3 = lagrange_bound_live(&m.mip, 0.0, &live, 10.0, 0.0, HUGE_VAL, m.value_digits, 5.0, &below);
    ck_assert(fabs(b1 - 14) < 1e-9 && fabs(b2 - 14) < 1e-9 && fabs(b3 - 14) < 1e-9);
    ck_assert_int_eq(to_live.iterations, to_target.iterations);
    ck_assert_int_ge(below.iterations, to_live.iterations);
    /* target 16 − 10 = 6; a bound of at most 15 is within 60 % of it */
    double b4 = lagrange_bound_live(&m.mip, 0.0, &live, 10.0, 0.6, HUGE_VAL, m.value_digits, 5.0, &gapped);
    ck_assert(b4 >= 14 - 1e-9 && b4 - 6 <= 0.6 * b4 + 1e-9);
    ck_assert_int_lt(gapped.iterations, below.iterations);
    model_release(&m);
    scenario_free(s);
}
END_TEST

/* With a bound already had, a search whose time cannot allow two hundred
 * (market) steps is not begun (no bound, no step); without one, or with the time,
 * it runs and still bounds the optimum (14). */
START_TEST(test_not_begun_without_time)
{
    Scenario *s = hand_load("full_centre", NULL);
    Model m;
    ck_assert_int_eq(model_build(s, 1, &m), 0);
    LagrangeStats st;
    double none = lagrange_bound(&m.mip, 0.0, 15.0, m.value_digits, 1e-12, &st);
    ck_assert(!isfinite(none) && st.iterations == 0);
    double unknown = lagrange_bound(&m.mip, 0.0, HUGE_VAL, m.value_digits, 1e-12, &st);
    ck_assert(isfinite(unknown) && unknown >= 14 - 1e-9 && st.iterations >= 1);
    double known = lagrange_bound(&m.mip, 0.0, 15.0, m.value_digits, 5.0, &st);
    ck_assert(fabs(known - 14) < 1e-9);
    model_release(&m);
    scenario_free(s);
}
END_TEST

/* Adds one cohort of build.c's shape with a member column for class
 * row `crow` (at most 2 members, value 1, min_group 1, max_group 2, one
 * group at most) and its GROUPS column in groups row `qrow`. */
static void add_cohort(Mip *mip, int crow, int qrow, int k)
{
    int x = mip_add_col(mip, (MipCol){COL_X, 1, 0.0, 2.0, 1.0, 0.0, 0, k, 0});
    int g = mip_add_col(mip, (MipCol){COL_GROUPS, 1, 0.0, 1.0, 0.0, 0.0, k, 0, 0});
    int n = mip_add_col(mip, (MipCol){COL_SIZE, 0, 0.0, 2.0, 0.0, 0.0, k, 0, 0});
    int r = mip_add_row(mip, -HUGE_VAL, 0.0, 'l'); /* x ≤ 2·g */
    mip_add_coef(mip, r, x, 1.0);
    mip_add_coef(mip, r, g, -2.0);
    r = mip_add_row(mip, 0.0, 0.0, 'n'); /* n = x */
    mip_add_coef(mip, r, n, 1.0);
    mip_add_coef(mip, r, x, -1.0);
    r = mip_add_row(mip, 0.0, HUGE_VAL, 'g'); /* n ≥ 1·g */
    mip_add_coef(mip, r, n, 1.0);
    mip_add_coef(mip, r, g, -1.0);
    r = mip_add_row(mip, -HUGE_VAL, 0.0, 'h'); /* n ≤ 2·g */
    mip_add_coef(mip, r, n, 1.0);
    mip_add_coef(mip, r, g, -2.0);
    mip_add_coef(mip, crow, x, 1.0);
    mip_add_coef(mip, qrow, g, 1.0);
}

/* The market phase prices a centre's groups row on its own: five
 * participants of one class, two overlapping cohorts of at most two
 * members each, one group at a time at the centre. The optimum is 2
 * (one group of two); the trivial bound is 5, and the market phase's
 * bound, 5·max(0, 1 − β/2) + β, is 2 at β = 2. */
START_TEST(test_market_prices_groups)
{
    Mip mip;
    memset(&mip, 0, sizeof mip);
    int crow = mip_add_row(&mip, -HUGE_VAL, 5.0, 'c');
    int qrow = mip_add_row(&mip, -HUGE_VAL, 1.0, 'q');
    add_cohort(&mip, crow, qrow, 0);
    add_cohort(&mip, crow, qrow, 1);
    LagrangeStats st;
    double b = lagrange_bound(&mip, 0.0, HUGE_VAL, 0, 5.0, &st);
    ck_assert_msg(fabs(st.first_bound - 5.0) < 1e-9, "first bound %.9g", st.first_bound);
    ck_assert_msg(fabs(st.market_bound - 2.0) < 1e-9, "market bound %.9g", st.market_bound);
    ck_assert_msg(fabs(b - 2.0) < 1e-9, "bound %.9g", b);
    /* with the plan's value as its target it stops in the market phase */
    double to_target = lagrange_bound(&mip, 2.0, HUGE_VAL, 0, 5.0, &st);
    ck_assert(fabs(to_target - 2.0) < 1e-9 && st.iterations == st.market_steps);
    mip_release(&mip);
}
END_TEST

/* A program of another shape (a link row with three columns) gets no
 * bound rather than a wrong one. */
/* The reported bound is put on the value grid: GLPK's sum noise goes,
 * a bound a rounding error below a grid value keeps that value, and a
 * bound between two grid values goes down to the lower one. */
START_TEST(test_bound_on_grid)
{
    ck_assert_double_eq(solve_bound_on_grid(146.60000000000008, 1), 146.6);
    ck_assert_double_eq(solve_bound_on_grid(146.59999999999997, 1), 146.6);
    ck_assert_double_eq(solve_bound_on_grid(146.65, 1), 146.6);
    ck_assert_double_eq(solve_bound_on_grid(146.69, 1), 146.6);
    ck_assert_double_eq(solve_bound_on_grid(412.3189748282278, 1), 412.3);
    ck_assert_double_eq(solve_bound_on_grid(7.25, 0), 7.0);
    ck_assert_double_eq(solve_bound_on_grid(7.25, -1), 7.25); /* no grid */
    ck_assert(isinf(solve_bound_on_grid(HUGE_VAL, 1)));
}
END_TEST

START_TEST(test_unknown_shape)
{
    Mip mip;
    memset(&mip, 0, sizeof mip);
    int x = mip_add_col(&mip, (MipCol){COL_X, 1, 0.0, 5.0, 1.0, 0.0, 0, 0, 0});
    int y = mip_add_col(&mip, (MipCol){COL_X, 1, 0.0, 5.0, 1.0, 0.0, 1, 0, 0});
    int g = mip_add_col(&mip, (MipCol){COL_GROUPS, 1, 0.0, 1.0, 0.0, 0.0, 0, 0, 0});
    int r = mip_add_row(&mip, -HUGE_VAL, 0.0, 'l');
    mip_add_coef(&mip, r, x, 1.0);
    mip_add_coef(&mip, r, y, 1.0);
    mip_add_coef(&mip, r, g, -5.0);
    ck_assert(!isfinite(lagrange_bound(&mip, 0.0, HUGE_VAL, 0, 1.0, NULL)));
    mip_release(&mip);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("lagrange");
    TCase *tc = tcase_create("bounds");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_hand_scenarios_bounded);
    tcase_add_test(tc, test_capacity_priced);
    tcase_add_test(tc, test_market_prices_groups);
    tcase_add_test(tc, test_target_stops);
    tcase_add_test(tc, test_live_target);
    tcase_add_test(tc, test_unknown_shape);
    tcase_add_test(tc, test_bound_on_grid);
    tcase_add_test(tc, test_not_begun_without_time);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
