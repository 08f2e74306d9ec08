/*
 * check_floor_fixing.c — solver/floor_fixing.c: the bounds level 1's LP
 * gives level 2's columns must keep every integer plan that meets the
 * value floor. A program small enough to know by hand, then hundreds of
 * random ones checked against every integer point they have.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../solver/floor_fixing.h"

/* max 2·a + b over a, b ∈ [0, 10], a + b ≤ 12: the LP's optimum is
 * (10, 2) = 22, with b basic and a at its bound (reduced cost 1), so a
 * floor of 22 − s leaves a at least 10 − ⌊s⌋. */
static Mip two_columns(double floor_value)
{
    Mip m;
    memset(&m, 0, sizeof m);
    int row = mip_add_row(&m, -HUGE_VAL, 12.0, 'c');
    int floor_row = mip_add_row(&m, floor_value, HUGE_VAL, 'v');
    double value[2] = {2.0, 1.0};
    for (int j = 0; j < 2; j++) {
        int col = mip_add_col(&m, (MipCol){COL_X, 1, 0.0, 10.0, value[j], 1.0, j, 0, 0});
        mip_add_coef(&m, row, col, 1.0);
        mip_add_coef(&m, floor_row, col, value[j]);
    }
    ck_assert(!m.oom);
    return m;
}

/* Value 21 is met by (10, 1), (10, 2) and (9, 3) only: a ≥ 9. At 22,
 * (10, 2) only: a = 10. */
START_TEST(the_floor_bounds_the_column_the_lp_holds_at_its_bound)
{
    double floors[2] = {21.0, 22.0};
    double least_a[2] = {9.0, 10.0};
    for (int k = 0; k < 2; k++) {
        Mip m = two_columns(floors[k]);
        double start[2] = {10.0, 2.0};
        char err[256];
        ck_assert_int_eq(floor_fix_columns(&m, start, 5.0, err, sizeof err), 1);
        ck_assert_double_eq(m.cols[0].lb, least_a[k]);
        ck_assert_double_eq(m.cols[0].ub, 10.0);
        ck_assert_double_eq(m.cols[1].lb, 0.0); /* basic: no reduced cost */
        ck_assert_double_eq(m.cols[1].ub, 10.0);
        mip_release(&m);
    }
}
END_TEST

START_TEST(a_program_without_a_floor_is_left_alone)
{
    Mip m = two_columns(21.0);
    m.rows[1].tag = 'c';
    double start[2] = {10.0, 2.0};
    char err[256];
    ck_assert_int_eq(floor_fix_columns(&m, start, 5.0, err, sizeof err), 0);
    ck_assert_double_eq(m.cols[0].lb, 0.0);
    mip_release(&m);
}
END_TEST

/* ---- random programs against every integer point ------------------------- */

#define NCOLS_MAX 5

static uint64_t rng_state;

static int rnd(int n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (int)((rng_state >> 33) % (uint64_t)n);
}

typedef struct Random {
    Mip m;
    int n;
    double value[NCOLS_MAX];
} Random;

/* n integer columns with bounds in 0..3, 2–3 rows of small integer
 * coefficients (≤, ≥, ranged or equal), values on a grid of tenths. */
static Random random_program(void)
{
    Random r;
    memset(&r, 0, sizeof r);
    r.n = 2 + rnd(NCOLS_MAX - 1);
    for (int j = 0; j < r.n; j++) {
        double lb = rnd(2), ub = lb + 1 + rnd(3);
        r.value[j] = (rnd(41) - 10) / 10.0;
        mip_add_col(&r.m, (MipCol){COL_X, 1, lb, ub, r.value[j], 0.0, j, 0, 0});
    }
    int rows = 2 + rnd(2);
    for (int i = 0; i < rows; i++) {
        double a = rnd(9) - 2, b = a + rnd(6);
        int kind = rnd(4);
        int row = mip_add_row(&r.m, kind == 1 ? -HUGE_VAL : a, kind == 0 ? HUGE_VAL : kind == 3 ? a : b, 'c');
        for (int j = 0; j < r.n; j++)
            if (rnd(3))
                mip_add_coef(&r.m, row, j, rnd(7) - 3);
    }
    ck_assert(!r.m.oom);
    return r;
}

/* 1 when x meets every row (to rounding: 1e-9 relative) and its own
 * bounds; the random programs tag their rows 'c' and the floor 'v'. */
static int feasible(const Mip *m, const double *x)
{
    return mip_solution_within(m, x, "cv");
}

/* Calls visit on every integer point within the columns' bounds (box:
 * the bounds before any fixing). */
static void each_point(const Mip *box, void (*visit)(const double *x, void *arg), void *arg)
{
    double x[NCOLS_MAX];
    for (int j = 0; j < box->ncols; j++)
        x[j] = box->cols[j].lb;
    for (;;) {
        visit(x, arg);
        int j = 0;
        while (j < box->ncols && x[j] >= box->cols[j].ub) {
            x[j] = box->cols[j].lb;
            j++;
        }
        if (j == box->ncols)
            return;
        x[j] += 1.0;
    }
}

typedef struct Best {
    const Mip *m;
    int n;
    double value, x[NCOLS_MAX];
} Best;

static void keep_best(const double *x, void *arg)
{
    Best *b = arg;
    if (!feasible(b->m, x))
        return;
    double v = 0.0;
    for (int j = 0; j < b->n; j++)
        v += b->m->cols[j].value * x[j];
    if (v > b->value) {
        b->value = v;
        memcpy(b->x, x, sizeof b->x);
    }
}

typedef struct Kept {
    const Mip *before, *after;
    int lost, meeting;
} Kept;

/* A point that is a plan meeting the floor before the fixing must still
 * be one after it. */
static void still_kept(const double *x, void *arg)
{
    Kept *k = arg;
    if (!feasible(k->before, x))
        return;
    k->meeting++;
    if (!feasible(k->after, x))
        k->lost++;
}

START_TEST(no_random_program_loses_a_plan_that_meets_its_floor)
{
    rng_state = 20261207;
    int tightened = 0, programs = 0;
    for (int t = 0; t < 1500; t++) {
        Random r = random_program();
        Best best = {&r.m, r.n, -HUGE_VAL, {0}};
        each_point(&r.m, keep_best, &best);
        if (!isfinite(best.value)) {
            mip_release(&r.m);
            continue;
        }
        /* the floor: the optimum, or a few tenths below it */
        static const double below[] = {0.0, 0.1, 0.3, 1.0};
        double floor_value = best.value - below[rnd(4)];
        int f = mip_add_row(&r.m, floor_value, HUGE_VAL, 'v');
        for (int j = 0; j < r.n; j++)
            if (r.value[j] != 0.0)
                mip_add_coef(&r.m, f, j, r.value[j]);
        Mip before = r.m; /* the same rows; bounds copied below */
        MipCol cols[NCOLS_MAX];
        memcpy(cols, r.m.cols, (size_t)r.n * sizeof *cols);
        before.cols = cols;
        char err[256];
        int fixed = floor_fix_columns(&r.m, best.x, 5.0, err, sizeof err);
        ck_assert_msg(fixed >= 0, "program %d: %s", t, err);
        Kept k = {&before, &r.m, 0, 0};
        each_point(&before, still_kept, &k);
        ck_assert_msg(k.lost == 0, "program %d: %d of %d plans meeting the floor lost", t, k.lost, k.meeting);
        ck_assert(k.meeting > 0);
        tightened += fixed;
        programs++;
        mip_release(&r.m);
    }
    /* the check is not empty: most programs have columns to fix */
    ck_assert_int_gt(programs, 300);
    ck_assert_int_gt(tightened, programs / 2);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("floor_fixing");
    TCase *tc = tcase_create("floor_fixing");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, the_floor_bounds_the_column_the_lp_holds_at_its_bound);
    tcase_add_test(tc, a_program_without_a_floor_is_left_alone);
    tcase_add_test(tc, no_random_program_loses_a_plan_that_meets_its_floor);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
