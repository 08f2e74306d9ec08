/*
 * check_build.c — solver/build.c's reductions on hand scenarios: a cohort
 * whose placement weeks never have room for min_group people is pruned,
 * counting each slot once however many origins reach it (shared_slots:
 * one slot a week, and pairs of track Y need two in the same week), while
 * the plain program (SPEC §4 `--plain`) keeps every admissible option,
 * free, as the reference glpsol solves in the tests. And the budget row
 * on the grid of costs a plan can have (budget_on_cost_grid).
 */
#include <check.h>
#include <math.h>
#include <string.h>

#include "hand_scenarios.h"
#include "../solver/build.h"

/* Whether pair i of the model is of a cohort of the track named id. */
static int pair_of_track(const Scenario *s, const Model *m, int i, const char *id)
{
    return strcmp(s->tracks[m->cohorts[m->pairs[i].cohort].track].id, id) == 0;
}

/* Pairs of the model whose cohort is of the track named id. */
static int pairs_of_track(const Scenario *s, const Model *m, const char *id)
{
    int n = 0;
    for (int i = 0; i < m->npairs; i++)
        n += pair_of_track(s, m, i, id);
    return n;
}

START_TEST(cohorts_without_room_for_a_group_are_pruned)
{
    Scenario *s = hand_load("shared_slots", NULL);
    Model m;
    ck_assert_int_eq(model_build(s, 1, &m), 0);
    /* each of d (0102) and e (0101) reaches a slot in every placement
     * week, but it is the same slot: Y can never have two members */
    ck_assert_int_eq(pairs_of_track(s, &m, "Y"), 0);
    ck_assert_int_gt(pairs_of_track(s, &m, "X"), 0);
    model_release(&m);
    scenario_free(s);
}
END_TEST

START_TEST(the_plain_program_keeps_them)
{
    Scenario *s = hand_load("shared_slots", NULL);
    Model m;
    ck_assert_int_eq(model_build(s, 0, &m), 0);
    ck_assert_int_gt(pairs_of_track(s, &m, "Y"), 0);
    /* and leaves them free, so that glpsol on it checks the pruning */
    for (int i = 0; i < m.npairs; i++)
        if (pair_of_track(s, &m, i, "Y"))
            ck_assert(m.mip.cols[m.pairs[i].col].ub > 0.0);
    model_release(&m);
    scenario_free(s);
}
END_TEST

/* The right-hand side of the one budget row in dir's program (the
 * reduced one with aggregate = 1, the plain one with 0), with max_cost as
 * given, or set to max_cost when max_cost ≥ 0. */
static double budget_side_of(const char *dir, double max_cost, int aggregate)
{
    DiagList diags = DIAGLIST_INIT;
    Scenario *s = NULL;
    int rc = scenario_load(dir, NULL, &s, &diags);
    diag_release(&diags);
    ck_assert_int_eq(rc, 0);
    ck_assert(s->objective.has_max_cost);
    if (max_cost >= 0.0)
        s->objective.max_cost = max_cost;
    Model m;
    ck_assert_int_eq(model_build(s, aggregate, &m), 0);
    double side = NAN;
    int rows = 0;
    for (int i = 0; i < m.mip.nrows; i++)
        if (mip_is_budget_row(&m.mip.rows[i])) {
            side = m.mip.rows[i].ub;
            rows++;
        }
    ck_assert_int_eq(rows, 1);
    model_release(&m);
    scenario_free(s);
    return side;
}

static double budget_side(const char *dir, double max_cost)
{
    return budget_side_of(dir, max_cost, 1);
}

/* Whole-krona costs: a budget a hair below a krona is that krona less
 * one, which GLPK's row tolerance cannot blur (the plan costing 7 250
 * passed 7 249.9999 and its value became GLPK's bound); a budget on a
 * krona, or within reading noise of one, stays on it. */
START_TEST(a_budget_goes_down_to_the_cost_grid)
{
    ck_assert(budget_side("tests/fixtures/budget_rounding", -1.0) == 7249.0);
    ck_assert(budget_side("tests/scenarios/budget_hair", -1.0) == 1599.0);
    ck_assert(budget_side("tests/fixtures/budget_rounding", 7250.0) == 7250.0);
    ck_assert(budget_side("tests/fixtures/budget_rounding", 7250.0 * (1.0 - 2e-16)) == 7250.0);
    ck_assert(budget_side("tests/fixtures/budget_rounding", 7250.5) == 7250.0);
}
END_TEST

/* The plain program (`export --plain`, the reference for outside
 * solvers) keeps max_cost as given. */
START_TEST(the_plain_program_keeps_max_cost)
{
    ck_assert(budget_side_of("tests/fixtures/budget_rounding", -1.0, 0) == 7249.9999);
}
END_TEST

/* Costs with many decimals have no grid: the budget stays as given, down
 * to the last digit (the best plan costs exactly max_cost there). */
START_TEST(costs_off_the_grid_keep_the_budget)
{
    ck_assert(budget_side("tests/scenarios/budget_at_cost", -1.0) == 8187.179544155422);
}
END_TEST

/* The floor in integer form is divided by its coefficients' greatest
 * common divisor: priorities of 1e7 give Σ X ≥ 3, not Σ 1e7·X ≥
 * 29 999 970, which GLPK met with 0.999997 of a participant. */
START_TEST(the_value_floor_is_divided_by_its_common_divisor)
{
    Scenario *s = hand_load("huge_priority", NULL);
    Model m;
    ck_assert_int_eq(model_build(s, 1, &m), 0);
    ck_assert_int_ge(m.value_digits, 0);
    ck_assert_int_eq(program_add_value_floor(&m.mip, m.value_digits, 3e7, 30.0), 0);
    int row = m.mip.nrows - 1;
    ck_assert(m.mip.rows[row].tag == 'v' && m.mip.rows[row].lb == 3.0);
    int coefs = 0;
    for (size_t k = 0; k < m.mip.nnz; k++)
        if (m.mip.ia[k] == row) {
            ck_assert(m.mip.ar[k] == 1.0);
            coefs++;
        }
    ck_assert_int_eq(coefs, 3);
    /* moved, it keeps the divisor: 2 participants' worth */
    ck_assert_int_eq(program_move_value_floor(&m.mip, m.value_digits, 2e7, 20.0), 0);
    ck_assert(m.mip.rows[row].lb == 2.0);
    model_release(&m);
    scenario_free(s);
}
END_TEST

int main(void)
{
    (void)hand_for_each; /* the header's other helper */
    Suite *s = suite_create("build");
    TCase *tc = tcase_create("prune");
    tcase_add_test(tc, cohorts_without_room_for_a_group_are_pruned);
    tcase_add_test(tc, the_plain_program_keeps_them);
    tcase_add_test(tc, a_budget_goes_down_to_the_cost_grid);
    tcase_add_test(tc, costs_off_the_grid_keep_the_budget);
    tcase_add_test(tc, the_plain_program_keeps_max_cost);
    tcase_add_test(tc, the_value_floor_is_divided_by_its_common_divisor);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
