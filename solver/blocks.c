/*
 * blocks.c — connected parts of a program's column–row graph (blocks.h).
 *
 * Union–find over columns: every row joins its columns. Each part, or
 * bundle of small parts, becomes a Mip of its own with its columns, rows
 * and non-zeros in the original relative order (GLPK's running time
 * depends on that order; keeping it keeps block and whole comparable).
 */
#include "blocks.h"

#include <stdlib.h>
#include <string.h>

static int find(int *parent, int i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static void join(int *parent, int a, int b)
{
    a = find(parent, a);
    b = find(parent, b);
    if (a != b) {
        if (a < b)
            parent[b] = a;
        else
            parent[a] = b;
    }
}

void blocks_release(Blocks *b)
{
    for (int i = 0; b->block && i < b->n; i++) {
        mip_release(&b->block[i].mip);
        free(b->block[i].col);
    }
    free(b->block);
    memset(b, 0, sizeof *b);
}

/* Distributes the columns, rows and non-zeros over the blocks in one pass
 * over each (a pass per block would grow with blocks × program). */
static int fill_blocks(const Mip *whole, const int *col_block, const int *row_block, int *col_local,
                       int *row_local, Blocks *out)
{
    int *ncols = calloc((size_t)out->n, sizeof *ncols);
    if (!ncols)
        return -1;
    for (int j = 0; j < whole->ncols; j++)
        ncols[col_block[j]]++;
    int rc = 0;
    for (int b = 0; b < out->n && rc == 0; b++) {
        out->block[b].col = malloc((size_t)(ncols[b] ? ncols[b] : 1) * sizeof *out->block[b].col);
        if (!out->block[b].col)
            rc = -1;
    }
    free(ncols);
    if (rc)
        return -1;
    for (int j = 0; j < whole->ncols; j++) {
        Block *blk = &out->block[col_block[j]];
        col_local[j] = mip_add_col(&blk->mip, whole->cols[j]);
        if (col_local[j] < 0)
            return -1;
        blk->col[col_local[j]] = j;
    }
    for (int i = 0; i < whole->nrows; i++)
        if (row_block[i] >= 0)
            row_local[i] = mip_add_row(&out->block[row_block[i]].mip, whole->rows[i].lb, whole->rows[i].ub,
                                       whole->rows[i].tag);
    for (size_t e = 0; e < whole->nnz; e++)
        mip_add_coef(&out->block[col_block[whole->ja[e]]].mip, row_local[whole->ia[e]],
                     col_local[whole->ja[e]], whole->ar[e]);
    for (int b = 0; b < out->n; b++)
        if (out->block[b].mip.oom)
            return -1;
    return 0;
}

int mip_split_blocks(const Mip *whole, int min_cols, Blocks *out)
{
    memset(out, 0, sizeof *out);
    int nc = whole->ncols, nr = whole->nrows;
    int *parent = malloc((size_t)(nc ? nc : 1) * sizeof *parent);
    int *row_first = malloc((size_t)(nr ? nr : 1) * sizeof *row_first);
    int *size = calloc((size_t)(nc ? nc : 1), sizeof *size);
    int *col_block = malloc((size_t)(nc ? nc : 1) * sizeof *col_block);
    int *row_block = malloc((size_t)(nr ? nr : 1) * sizeof *row_block);
    int *col_local = malloc((size_t)(nc ? nc : 1) * sizeof *col_local);
    int *row_local = malloc((size_t)(nr ? nr : 1) * sizeof *row_local);
    int *bundle_of = malloc((size_t)(nc ? nc : 1) * sizeof *bundle_of);
    int rc = -1;
    if (!parent || !row_first || !size || !col_block || !row_block || !col_local || !row_local || !bundle_of)
        goto done;
    for (int j = 0; j < nc; j++)
        parent[j] = j;
    for (int i = 0; i < nr; i++)
        row_first[i] = -1;
    for (size_t e = 0; e < whole->nnz; e++) {
        int i = whole->ia[e], j = whole->ja[e];
        if (row_first[i] < 0)
            row_first[i] = j;
        else
            join(parent, row_first[i], j);
    }
    for (int j = 0; j < nc; j++)
        size[find(parent, j)]++;

    /* number the parts in order of their first column, bundling small
     * ones until the bundle reaches min_cols */
    int nblocks = 0, open_bundle = -1, open_size = 0;
    for (int j = 0; j < nc; j++) {
        int r = find(parent, j);
        if (r != j)
            continue;
        out->components++;
        if (size[r] >= min_cols) {
            bundle_of[r] = nblocks++;
            continue;
        }
        if (open_bundle < 0 || open_size >= min_cols) {
            open_bundle = nblocks++;
            open_size = 0;
        }
        bundle_of[r] = open_bundle;
        open_size += size[r];
    }
    /* a row without non-zeros constrains nothing — unless it cannot hold
     * at 0, which the builder never writes; such a program stays whole, as
     * it is */
    int contradiction = 0;
    for (int i = 0; i < nr; i++)
        if (row_first[i] < 0 && (whole->rows[i].lb > 0.0 || whole->rows[i].ub < 0.0))
            contradiction = 1;
    if (nblocks <= 1 || contradiction) {
        out->n = 1;
        out->block = calloc(1, sizeof *out->block);
        rc = out->block ? 0 : -1;
        goto done;
    }
    for (int j = 0; j < nc; j++)
        col_block[j] = bundle_of[find(parent, j)];
    /* empty rows (row_block −1) are dropped */
    for (int i = 0; i < nr; i++)
        row_block[i] = row_first[i] >= 0 ? col_block[row_first[i]] : -1;
    out->block = calloc((size_t)nblocks, sizeof *out->block);
    if (!out->block)
        goto done;
    out->n = nblocks;
    if (fill_blocks(whole, col_block, row_block, col_local, row_local, out))
        goto done;
    rc = 0;
done:
    free(parent);
    free(row_first);
    free(size);
    free(col_block);
    free(row_block);
    free(col_local);
    free(row_local);
    free(bundle_of);
    if (rc)
        blocks_release(out);
    return rc;
}

const Mip *blocks_program(const Blocks *b, const Mip *whole, int i)
{
    return b->block[i].col ? &b->block[i].mip : whole;
}
