/*
 * check_blocks.c — solver/blocks.c: connected parts of a program, the
 * bundling of small parts, and that every column, row and non-zero ends up
 * in exactly one block with its bounds, objective and coefficient intact;
 * and mip_restrict (solver/mip.c), the fixing that region search
 * (solver/lns.c) builds its sub-programs with.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "../solver/blocks.h"

static int col(Mip *m, double value)
{
    return mip_add_col(m, (MipCol){COL_X, 1, 0.0, 5.0, value, 2 * value, 0, 0, 0});
}

static int row(Mip *m, double ub)
{
    return mip_add_row(m, -HUGE_VAL, ub, 'c');
}

/* Columns 0,2,4 joined by rows r0 (0,2) and r2 (2,4); columns 1,3 by r1;
 * column 5 in no row; row r3 is empty. */
static void make_program(Mip *m)
{
    for (int j = 0; j < 6; j++)
        col(m, j + 1.0);
    int r0 = row(m, 10), r1 = row(m, 11), r2 = row(m, 12);
    row(m, 13);
    mip_add_coef(m, r0, 0, 1.5);
    mip_add_coef(m, r1, 1, 2.5);
    mip_add_coef(m, r0, 2, 3.5);
    mip_add_coef(m, r1, 3, 4.5);
    mip_add_coef(m, r2, 2, 5.5);
    mip_add_coef(m, r2, 4, 6.5);
}

START_TEST(splits_into_connected_parts)
{
    Mip m = {0};
    make_program(&m);
    Blocks b;
    ck_assert_int_eq(mip_split_blocks(&m, 1, &b), 0);
    ck_assert_int_eq(b.n, 3);
    ck_assert_int_eq(b.components, 3);
    /* numbered by first column: {0,2,4}, {1,3}, {5} */
    ck_assert_int_eq(b.block[0].mip.ncols, 3);
    ck_assert_int_eq(b.block[0].col[0], 0);
    ck_assert_int_eq(b.block[0].col[1], 2);
    ck_assert_int_eq(b.block[0].col[2], 4);
    ck_assert_int_eq(b.block[0].mip.nrows, 2);
    ck_assert(b.block[0].mip.rows[0].ub == 10 && b.block[0].mip.rows[1].ub == 12);
    ck_assert_int_eq((int)b.block[0].mip.nnz, 4);
    ck_assert_int_eq(b.block[1].mip.ncols, 2);
    ck_assert_int_eq(b.block[1].col[0], 1);
    ck_assert_int_eq(b.block[1].col[1], 3);
    ck_assert_int_eq(b.block[1].mip.nrows, 1);
    ck_assert_int_eq(b.block[2].mip.ncols, 1);
    ck_assert_int_eq(b.block[2].col[0], 5);
    ck_assert_int_eq(b.block[2].mip.nrows, 0); /* the empty row went nowhere */
    /* every non-zero once, with local indices that point back to it */
    size_t total = 0;
    for (int i = 0; i < b.n; i++) {
        const Block *blk = &b.block[i];
        total += blk->mip.nnz;
        for (int l = 0; l < blk->mip.ncols; l++) {
            const MipCol *c = &blk->mip.cols[l];
            ck_assert(c->value == blk->col[l] + 1.0 && c->cost == 2 * c->value && c->ub == 5.0);
        }
        for (size_t e = 0; e < blk->mip.nnz; e++) {
            int whole_col = blk->col[blk->mip.ja[e]];
            int found = 0;
            for (size_t f = 0; f < m.nnz; f++)
                found += m.ja[f] == whole_col && m.ar[f] == blk->mip.ar[e] &&
                         m.rows[m.ia[f]].ub == blk->mip.rows[blk->mip.ia[e]].ub;
            ck_assert_int_eq(found, 1);
        }
    }
    ck_assert_int_eq((int)total, (int)m.nnz);
    blocks_release(&b);
    mip_release(&m);
}
END_TEST

START_TEST(bundles_small_parts)
{
    Mip m = {0};
    make_program(&m);
    Blocks b;
    /* parts of 3, 2 and 1 columns: the 3 stands alone, 2 and 1 share one */
    ck_assert_int_eq(mip_split_blocks(&m, 3, &b), 0);
    ck_assert_int_eq(b.components, 3);
    ck_assert_int_eq(b.n, 2);
    ck_assert_int_eq(b.block[0].mip.ncols, 3);
    ck_assert_int_eq(b.block[1].mip.ncols, 3);
    ck_assert_int_eq(b.block[1].col[0], 1);
    ck_assert_int_eq(b.block[1].col[1], 3);
    ck_assert_int_eq(b.block[1].col[2], 5);
    blocks_release(&b);
    mip_release(&m);
}
END_TEST

START_TEST(one_part_is_left_whole)
{
    Mip m = {0};
    make_program(&m);
    int r = row(&m, 20);
    mip_add_coef(&m, r, 4, 1.0);
    mip_add_coef(&m, r, 3, 1.0);
    mip_add_coef(&m, r, 5, 1.0);
    Blocks b;
    ck_assert_int_eq(mip_split_blocks(&m, 1, &b), 0);
    ck_assert_int_eq(b.n, 1);
    ck_assert_int_eq(b.components, 1);
    ck_assert_ptr_null(b.block[0].col);
    ck_assert_int_eq(b.block[0].mip.ncols, 0);
    blocks_release(&b);
    mip_release(&m);

    /* an empty row that cannot hold at 0 keeps the program whole */
    Mip bad = {0};
    make_program(&bad);
    mip_add_row(&bad, 1.0, HUGE_VAL, 'c');
    ck_assert_int_eq(mip_split_blocks(&bad, 1, &b), 0);
    ck_assert_int_eq(b.n, 1);
    ck_assert_ptr_null(b.block[0].col);
    blocks_release(&b);
    mip_release(&bad);

    Mip empty = {0};
    ck_assert_int_eq(mip_split_blocks(&empty, 1, &b), 0);
    ck_assert_int_eq(b.n, 1);
    blocks_release(&b);
}
END_TEST

/* Columns 2 and 3 kept, the others fixed at x: every row loses the fixed
 * activity from its sides, the row without a kept column is left out, and
 * a solution of the restriction put back into x solves the program. */
START_TEST(restricts_to_kept_columns)
{
    Mip m = {0};
    make_program(&m);
    unsigned char keep[6] = {0, 0, 1, 1, 0, 0};
    double x[6] = {1, 1, 0, 0, 1, 2};
    Mip sub;
    int *back = NULL;
    ck_assert_int_eq(mip_restrict(&m, keep, x, &sub, &back), 0);
    ck_assert_int_eq(sub.ncols, 2);
    ck_assert_int_eq(back[0], 2);
    ck_assert_int_eq(back[1], 3);
    ck_assert(sub.cols[0].value == 3.0 && sub.cols[1].ub == 5.0);
    ck_assert_int_eq(sub.nrows, 3); /* r3 holds no kept column */
    ck_assert(isinf(sub.rows[0].lb) && sub.rows[0].lb < 0);
    ck_assert(fabs(sub.rows[0].ub - (10 - 1.5)) < 1e-12);  /* r0 − 1.5·x0 */
    ck_assert(fabs(sub.rows[1].ub - (11 - 2.5)) < 1e-12);  /* r1 − 2.5·x1 */
    ck_assert(fabs(sub.rows[2].ub - (12 - 6.5)) < 1e-12);  /* r2 − 6.5·x4 */
    ck_assert_int_eq((int)sub.nnz, 3);
    /* x2 = 1 fits r0 (3.5 ≤ 8.5) and r2 (5.5 ≤ 5.5); x3 = 1 fits r1 */
    double sx[2] = {1, 1};
    ck_assert(mip_solution_ok(&sub, sx));
    x[back[0]] = sx[0];
    x[back[1]] = sx[1];
    ck_assert(mip_solution_ok(&m, x));
    /* x2 = 2 breaks r2 in both */
    double bad[2] = {2, 1};
    ck_assert(!mip_solution_ok(&sub, bad));
    x[2] = 2;
    ck_assert(!mip_solution_ok(&m, x));
    free(back);
    mip_release(&sub);
    mip_release(&m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("blocks");
    TCase *tc = tcase_create("split");
    tcase_add_test(tc, splits_into_connected_parts);
    tcase_add_test(tc, bundles_small_parts);
    tcase_add_test(tc, one_part_is_left_whole);
    tcase_add_test(tc, restricts_to_kept_columns);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
