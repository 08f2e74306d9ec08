/*
 * check_hood.c — solver/hood.c, the cohort neighbourhoods of region
 * search, on the shipped kronoberg scenario (cooperation: several hosts,
 * placements): what a neighbourhood frees, that one beyond the program's
 * size frees all of it, that reallocation frees no group count, that two
 * neighbourhoods kept apart share no row but the value floor and budget
 * rows — the property that lets them run side by side (solver/lns.c) —
 * and what a wide one (a swap) frees.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../io/scenario_load.h"
#include "../solver/hood.h"

typedef struct Fixture {
    Scenario *s;
    Model m;
    Hoods h;
    double *x;
    unsigned char *keep, *other, *rows;
} Fixture;

static void setup(Fixture *f)
{
    DiagList diags = DIAGLIST_INIT;
    memset(f, 0, sizeof *f);
    int rc = scenario_load("scenarios/kronoberg", NULL, &f->s, &diags);
    if (rc)
        diag_print(&diags, stderr, "check_hood");
    diag_release(&diags);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(model_build(f->s, 1, &f->m), 0);
    ck_assert_int_eq(hoods_init(&f->h, &f->m, &f->m.mip), 0);
    ck_assert_int_gt(f->h.nseeds, 10);
    int nc = f->m.mip.ncols;
    f->x = calloc((size_t)nc, sizeof *f->x); /* the empty plan */
    f->keep = malloc((size_t)nc);
    f->other = malloc((size_t)nc);
    f->rows = malloc((size_t)f->m.mip.nrows);
    ck_assert(f->x && f->keep && f->other && f->rows);
}

static void teardown(Fixture *f)
{
    free(f->x);
    free(f->keep);
    free(f->other);
    free(f->rows);
    hoods_release(&f->h);
    model_release(&f->m);
    scenario_free(f->s);
}

static long count(const unsigned char *keep, int n)
{
    long k = 0;
    for (int j = 0; j < n; j++)
        k += keep[j];
    return k;
}

START_TEST(large_target_frees_everything)
{
    Fixture f;
    setup(&f);
    long n = hood_choose(&f.h, f.x, f.h.seeds[0], 1e12, f.keep);
    ck_assert_int_eq(n, f.m.mip.ncols);
    ck_assert_int_eq(count(f.keep, f.m.mip.ncols), n);
    teardown(&f);
}
END_TEST

START_TEST(small_target_frees_the_seed_and_a_few)
{
    Fixture f;
    setup(&f);
    const Mip *mip = &f.m.mip;
    int seed = f.h.seeds[3];
    long n = hood_choose(&f.h, f.x, seed, 1.0, f.keep);
    ck_assert_int_gt(n, 0);
    ck_assert_int_lt(n, mip->ncols);
    ck_assert(f.keep[f.h.group_col[seed]]);
    /* two group counts (the least S), and only assignments to them or to
     * host-less cohorts, the empty plan running none */
    int groups = 0;
    for (int j = 0; j < mip->ncols; j++) {
        if (!f.keep[j])
            continue;
        const MipCol *c = &mip->cols[j];
        if (c->kind == COL_GROUPS)
            groups++;
        if (c->kind == COL_X) {
            int g = f.h.group_col[c->b];
            ck_assert_msg(g < 0 || f.keep[g], "assignment to a cohort whose group count is fixed at 0");
        }
    }
    ck_assert_int_eq(groups, 2);
    teardown(&f);
}
END_TEST

START_TEST(reallocation_frees_no_group_count)
{
    Fixture f;
    setup(&f);
    const Mip *mip = &f.m.mip;
    /* a plan running the first two cohorts with a group count */
    int open[2] = {f.h.seeds[0], f.h.seeds[1]};
    f.x[f.h.group_col[open[0]]] = f.x[f.h.group_col[open[1]]] = 1.0;
    hood_choose(&f.h, f.x, -1, 1e12, f.keep);
    int to_open = 0;
    for (int j = 0; j < mip->ncols; j++) {
        const MipCol *c = &mip->cols[j];
        ck_assert_msg(!(f.keep[j] && c->kind == COL_GROUPS), "a group count freed");
        if (c->kind == COL_X && f.h.group_col[c->b] >= 0) {
            int running = c->b == open[0] || c->b == open[1];
            ck_assert_msg(f.keep[j] == running, "assignment to cohort %d: free %d, running %d", c->b, f.keep[j],
                          running);
            to_open += running;
        }
    }
    ck_assert_int_gt(to_open, 0);
    teardown(&f);
}
END_TEST

START_TEST(kept_apart_shares_no_row)
{
    Fixture f;
    setup(&f);
    const Mip *mip = &f.m.mip;
    long a = hood_choose(&f.h, f.x, f.h.seeds[0], 300.0, f.other);
    ck_assert_int_gt(a, 0);
    hood_rows_of(&f.h, f.other, f.rows);
    /* the same neighbourhood kept apart from itself keeps nothing */
    memcpy(f.keep, f.other, (size_t)mip->ncols);
    ck_assert_int_eq(hood_keep_apart(&f.h, f.rows, f.keep), 0);
    /* another one, far off in the seed list: what is left of it shares no
     * row with the first except the value floor and budget rows */
    long b = hood_choose(&f.h, f.x, f.h.seeds[f.h.nseeds - 1], 300.0, f.keep);
    ck_assert_int_gt(b, 0);
    long left = hood_keep_apart(&f.h, f.rows, f.keep);
    ck_assert_int_eq(left, count(f.keep, mip->ncols));
    unsigned char *in_a = calloc((size_t)mip->nrows, 1), *in_b = calloc((size_t)mip->nrows, 1);
    ck_assert(in_a && in_b);
    for (size_t k = 0; k < mip->nnz; k++) {
        in_a[mip->ia[k]] |= f.other[mip->ja[k]];
        in_b[mip->ia[k]] |= f.keep[mip->ja[k]];
    }
    for (int i = 0; i < mip->nrows; i++)
        ck_assert_msg(!(in_a[i] && in_b[i]) || strchr("vb", mip->rows[i].tag), "row %d (%c) shared", i,
                      mip->rows[i].tag);
    free(in_a);
    free(in_b);
    teardown(&f);
}
END_TEST

/* A wide neighbourhood (a swap): the seed, running, and the nearest
 * cohort not running in S; every class's assignments to a cohort that
 * runs or is in S free, and none to another; over the cap, nothing. */
START_TEST(wide_frees_a_swap_and_every_class)
{
    Fixture f;
    setup(&f);
    const Mip *mip = &f.m.mip;
    int seed = f.h.seeds[0], other = f.h.seeds[5];
    f.x[f.h.group_col[seed]] = f.x[f.h.group_col[other]] = 1.0;
    long n = hood_choose_wide(&f.h, f.x, seed, 2, 1000000, f.keep);
    ck_assert_int_gt(n, 0);
    ck_assert_int_eq(count(f.keep, mip->ncols), n);
    int groups = 0, closed_in_s = -1;
    for (int j = 0; j < mip->ncols; j++) {
        const MipCol *c = &mip->cols[j];
        if (c->kind == COL_GROUPS && f.keep[j]) {
            groups++;
            if (c->a != seed) {
                closed_in_s = c->a;
                ck_assert_msg(f.x[j] < 0.5, "the seed's partner runs as the seed does");
            }
        }
    }
    ck_assert_int_eq(groups, 2);
    ck_assert(f.keep[f.h.group_col[seed]]);
    ck_assert_int_ge(closed_in_s, 0);
    long running_x = 0;
    for (int j = 0; j < mip->ncols; j++) {
        const MipCol *c = &mip->cols[j];
        if (c->kind != COL_X)
            continue;
        int g = f.h.group_col[c->b];
        int in_s = c->b == seed || c->b == closed_in_s, running = g < 0 || c->b == other || c->b == seed;
        ck_assert_msg(f.keep[j] == (in_s || running), "assignment to cohort %d: free %d, in S %d, running %d", c->b,
                      f.keep[j], in_s, running);
        running_x += running;
    }
    ck_assert_int_eq(hood_wide_base(&f.h, f.x), running_x);
    /* the partner is the nearest cohort not running (hood_choose_wide
     * leaves the seed's distances in h.key) */
    for (int i = 0; i < f.h.nseeds; i++) {
        int c = f.h.seeds[i];
        if (c != seed && c != other)
            ck_assert_msg(f.h.key[closed_in_s] <= f.h.key[c], "cohort %d is nearer the seed than its partner %d", c,
                          closed_in_s);
    }
    /* a cap below the assignments it would free: none */
    ck_assert_int_eq(hood_choose_wide(&f.h, f.x, seed, 2, running_x - 1, f.keep), 0);
    teardown(&f);
}
END_TEST

/* The seed not running: its partner is the nearest cohort that runs. A
 * larger S frees that many group counts, and every freed assignment
 * brings its cohort's size and its demand row's placements with it. */
START_TEST(wide_from_a_closed_seed)
{
    Fixture f;
    setup(&f);
    const Mip *mip = &f.m.mip;
    int run[3] = {f.h.seeds[0], f.h.seeds[5], f.h.seeds[9]}, seed = f.h.seeds[2];
    for (int r = 0; r < 3; r++)
        f.x[f.h.group_col[run[r]]] = 1.0;
    ck_assert_int_gt(hood_choose_wide(&f.h, f.x, seed, 2, 1000000, f.keep), 0);
    int partner = -1;
    for (int r = 0; r < 3; r++)
        if (f.keep[f.h.group_col[run[r]]]) {
            ck_assert_int_eq(partner, -1);
            partner = run[r];
        }
    ck_assert_msg(partner >= 0, "no running cohort in S");
    for (int r = 0; r < 3; r++)
        ck_assert(f.h.key[partner] <= f.h.key[run[r]]);
    long n4 = hood_choose_wide(&f.h, f.x, seed, 4, 1000000, f.keep);
    ck_assert_int_gt(n4, 0);
    int groups = 0;
    unsigned char *demand_freed = calloc((size_t)mip->nrows, 1);
    ck_assert_ptr_nonnull(demand_freed);
    for (int j = 0; j < mip->ncols; j++)
        groups += mip->cols[j].kind == COL_GROUPS && f.keep[j];
    ck_assert_int_eq(groups, 4);
    for (size_t k = 0; k < mip->nnz; k++) {
        const MipCol *c = &mip->cols[mip->ja[k]];
        if (c->kind == COL_X && f.keep[mip->ja[k]]) {
            if (f.h.size_col[c->b] >= 0)
                ck_assert_msg(f.keep[f.h.size_col[c->b]], "cohort %d's size fixed", c->b);
            if (mip->rows[mip->ia[k]].tag == 'd')
                demand_freed[mip->ia[k]] = 1;
        }
    }
    int placements = 0;
    for (size_t k = 0; k < mip->nnz; k++)
        if (demand_freed[mip->ia[k]] && mip->cols[mip->ja[k]].kind == COL_PLACE) {
            ck_assert_msg(f.keep[mip->ja[k]], "a placement of a freed demand row fixed");
            placements++;
        }
    ck_assert_int_gt(placements, 0);
    free(demand_freed);
    teardown(&f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("hood");
    TCase *tc = tcase_create("neighbourhoods");
    tcase_add_test(tc, large_target_frees_everything);
    tcase_add_test(tc, small_target_frees_the_seed_and_a_few);
    tcase_add_test(tc, reallocation_frees_no_group_count);
    tcase_add_test(tc, kept_apart_shares_no_row);
    tcase_add_test(tc, wide_frees_a_swap_and_every_class);
    tcase_add_test(tc, wide_from_a_closed_seed);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
