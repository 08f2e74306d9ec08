/*
 * check_level1_again.c — the time level 2 leaves goes back to level 1
 * (solver/level1_again.h): a part whose level 1 stopped by time runs
 * again from its level-1 plan; a gain moves its value floor up and runs
 * level 2 again, no gain keeps the level-2 plan (with whatever the run
 * proved), and a part settled at level 1 is left alone. On the hand
 * scenario full_centre, whose optimum (14) GLPK proves at once.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hand_scenarios.h"
#include "../solver/build.h"
#include "../solver/level1_again.h"
#include "../solver/parts.h"

typedef struct Fixture {
    Scenario *s;
    Model m;
    Blocks blocks;
    Part *parts;
    double *empty;   /* the plan that places no one */
    RunRequest base; /* as solve.c's */
} Fixture;

/* full_centre as one part that has run level 1 once, stopped by its time
 * with the empty plan (value 0, no bound), and then level 2. */
static void fixture_open(Fixture *f)
{
    memset(f, 0, sizeof *f);
    f->s = hand_load("full_centre", NULL);
    ck_assert_int_eq(model_build(f->s, 1, &f->m), 0);
    f->empty = calloc((size_t)f->m.mip.ncols, sizeof *f->empty);
    ck_assert(mip_solution_ok(&f->m.mip, f->empty));
    ck_assert_int_eq(mip_split_blocks(&f->m.mip, f->m.mip.ncols + 1, &f->blocks), 0);
    const double *starts[1] = {f->empty};
    ck_assert_int_eq(parts_init(&f->m, &f->blocks, starts, 1, &f->parts), 0);
    ck_assert_int_eq(f->blocks.n, 1);
    RunRequest base = {LEVEL_VALUE, 0.0, 0.0, 1, clock_seconds(), NULL, NULL, 0, 1, 0, 0.0, 0.0, 0, 0, 0, 0.0, NULL};
    f->base = base;
    Part *pt = &f->parts[0];
    pt->runs = 1;
    pt->value = 0.0;
    ck_assert_int_eq(parts_keep_level1(f->parts, 1), 0);
}

static void fixture_close(Fixture *f)
{
    parts_free(f->parts, 1);
    blocks_release(&f->blocks);
    free(f->empty);
    model_release(&f->m);
    scenario_free(f->s);
}

/* The value floor's right-hand side (the last row tagged 'v'), or NAN. */
static double floor_side(const Mip *mip)
{
    for (int i = mip->nrows - 1; i >= 0; i--)
        if (mip->rows[i].tag == 'v')
            return mip->rows[i].lb;
    return NAN;
}

/* Level 1 stopped at 0 (the empty plan, which costs nothing, so level 2
 * had nothing to do and added no floor): the time left goes to level 1,
 * which finds and proves 14; its floor goes in at 14 and level 2 proves
 * the cost there. Before, the run ended with the empty plan. */
START_TEST(a_level_1_stopped_by_time_gets_the_time_level_2_left)
{
    Fixture f;
    fixture_open(&f);
    Part *pt = &f.parts[0];
    ck_assert_int_eq(part_prepare_level2(pt, f.m.value_digits, 0.0, 1e-6), 0);
    ck_assert(pt->cost_proven && pt->settled2 && !pt->floor_added);
    char err[256];
    ck_assert_int_eq(parts_level1_again(f.parts, 1, &f.base, f.m.value_digits, clock_seconds() + 30.0, 0.0, 1,
                                        err, sizeof err), 0);
    ck_assert_msg(fabs(pt->value - 14.0) < 1e-9, "value %g", pt->value);
    ck_assert(pt->value_proven && pt->settled1 && fabs(pt->bound - 14.0) < 1e-9);
    ck_assert(pt->floor_added && pt->cost_proven);
    ck_assert(fabs(pt->value1 - 14.0) < 1e-9);
    ck_assert(mip_solution_ok(pt->mip, pt->x));
    /* the floor holds the plan at 14: on a grid of 10^-d it is 14·10^d */
    double side = floor_side(pt->mip);
    double unit = f.m.value_digits >= 0 ? pow(10.0, -f.m.value_digits) : 1.0;
    ck_assert_msg(fabs(side * unit - 14.0) < 1e-6, "floor %g", side);
    fixture_close(&f);
}
END_TEST

/* Level 1 held the optimum unproven, and level 2 a cheaper plan of the
 * same value: level 1 again proves the value and gains nothing, and the
 * level-2 plan stays, its proof with it. */
START_TEST(a_level_1_that_gains_nothing_keeps_the_level_2_plan)
{
    Fixture f;
    fixture_open(&f);
    Part *pt = &f.parts[0];
    char err[256];
    /* level 1 to its optimum, then level 2 from it */
    ck_assert_int_eq(parts_run_level(f.parts, 1, LEVEL_VALUE, &f.base, clock_seconds() + 30.0, 0.0, 1, err,
                                     sizeof err), 0);
    ck_assert(pt->value_proven && fabs(pt->value - 14.0) < 1e-9);
    ck_assert_int_eq(parts_keep_level1(f.parts, 1), 0);
    ck_assert_int_eq(part_prepare_level2(pt, f.m.value_digits, pt->value, 1e-6), 0);
    ck_assert_int_eq(parts_run_level(f.parts, 1, LEVEL_COST, &f.base, clock_seconds() + 30.0, 0.0, 1, err,
                                     sizeof err), 0);
    ck_assert(pt->cost_proven);
    size_t bytes = (size_t)pt->mip->ncols * sizeof *pt->x;
    double *level2 = malloc(bytes);
    memcpy(level2, pt->x, bytes);
    double side = floor_side(pt->mip);
    /* as if level 1 had stopped by its time at the optimum */
    pt->value_proven = pt->settled1 = 0;
    pt->bound = 15.0;
    ck_assert_int_eq(parts_level1_again(f.parts, 1, &f.base, f.m.value_digits, clock_seconds() + 30.0, 0.0, 1,
                                        err, sizeof err), 0);
    ck_assert(pt->value_proven && fabs(pt->bound - 14.0) < 1e-9);
    ck_assert(pt->cost_proven && memcmp(pt->x, level2, bytes) == 0);
    ck_assert(floor_side(pt->mip) == side);
    free(level2);
    fixture_close(&f);
}
END_TEST

/* A part settled at level 1 without a proof (stopped at `--gap`) gets no
 * run: the gap was what the user asked for. */
START_TEST(a_part_settled_at_level_1_is_left_alone)
{
    Fixture f;
    fixture_open(&f);
    Part *pt = &f.parts[0];
    ck_assert_int_eq(part_prepare_level2(pt, f.m.value_digits, 0.0, 1e-6), 0);
    pt->settled1 = 1;
    pt->bound = 15.0;
    char err[256];
    ck_assert_int_eq(parts_level1_again(f.parts, 1, &f.base, f.m.value_digits, clock_seconds() + 30.0, 0.0, 1,
                                        err, sizeof err), 0);
    ck_assert_int_eq(pt->runs, 1);
    ck_assert(pt->value == 0.0 && !pt->value_proven && pt->bound == 15.0);
    fixture_close(&f);
}
END_TEST

int main(void)
{
    (void)hand_for_each; /* the header's other helper */
    Suite *s = suite_create("level1_again");
    TCase *tc = tcase_create("again");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, a_level_1_stopped_by_time_gets_the_time_level_2_left);
    tcase_add_test(tc, a_level_1_that_gains_nothing_keeps_the_level_2_plan);
    tcase_add_test(tc, a_part_settled_at_level_1_is_left_alone);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
