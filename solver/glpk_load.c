/*
 * glpk_load.c — a Mip into GLPK (glpk_internal.h): rows, columns and
 * non-zeros, in the column order that suits GLPK, the level's objective,
 * and the scaled, advanced-basis start the simplex method wants.
 */
#include "glpk_internal.h"

#include <glpk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* GLPK position (0-based) of each column: first the columns of this
 * level's objective, then the others in order of first appearance in the
 * rows — the order glpsol gives a CPLEX LP file it reads. GLPK's running
 * time swings with column order: the kronoberg 2 000 value level proved in
 * 1.9 s in this order and 6.2 s in the builder's (glpsol, same program),
 * while national 5 000 `alone` went the other way; solver/solve.c races
 * both orders when it has the processors. Returns NULL on out-of-memory. */
int *glpk_column_positions(const Mip *mip, RunLevel level)
{
    int n = mip->ncols, m = mip->nrows;
    int *pos = malloc((size_t)(n ? n : 1) * sizeof *pos);
    int *start = calloc((size_t)m + 1, sizeof *start);
    int *by_row = malloc((mip->nnz ? mip->nnz : 1) * sizeof *by_row);
    if (!pos || !start || !by_row) {
        free(pos);
        free(start);
        free(by_row);
        return NULL;
    }
    int next = 0;
    for (int j = 0; j < n; j++) {
        pos[j] = mip_col_objective(&mip->cols[j], level) != 0.0 ? next++ : -1;
    }
    /* non-zeros grouped by row, in their order within each row */
    for (size_t k = 0; k < mip->nnz; k++)
        start[mip->ia[k] + 1]++;
    for (int i = 0; i < m; i++)
        start[i + 1] += start[i];
    for (size_t k = 0; k < mip->nnz; k++)
        by_row[start[mip->ia[k]]++] = (int)k;
    for (size_t k = 0; k < mip->nnz; k++) {
        int j = mip->ja[by_row[k]];
        if (pos[j] < 0)
            pos[j] = next++;
    }
    for (int j = 0; j < n; j++)
        if (pos[j] < 0)
            pos[j] = next++;
    free(start);
    free(by_row);
    return pos;
}

/* The objective GLPK gets for a level: at level 1 with a value grid
 * (unit > 0, mip_value_unit), each value in whole units, so that GLPK
 * rounds its bounds to whole numbers; else the level's own. */
double glpk_objective_coef(const MipCol *c, RunLevel level, double unit)
{
    double v = mip_col_objective(c, level);
    return level == LEVEL_VALUE && unit > 0.0 ? nearbyint(v / unit) : v;
}

void glpk_set_row_sides(glp_prob *P, int row, const MipRow *r)
{
    int type;
    if (isinf(r->lb) && isinf(r->ub))
        type = GLP_FR;
    else if (isinf(r->ub))
        type = GLP_LO;
    else if (isinf(r->lb))
        type = GLP_UP;
    else if (r->lb == r->ub)
        type = GLP_FX;
    else
        type = GLP_DB;
    glp_set_row_bnds(P, row, type, isinf(r->lb) ? 0.0 : r->lb, isinf(r->ub) ? 0.0 : r->ub);
}

/* Loads the program into GLPK, column j at GLPK index pos[j] + 1 (pos
 * NULL: j + 1), the objective in `unit`s at level 1 (0: as it is). */
glp_prob *glpk_load_program(const Mip *mip, RunLevel level, double unit, int names, const int *pos)
{
    glp_prob *P = glp_create_prob();
    glp_set_obj_dir(P, level == LEVEL_VALUE ? GLP_MAX : GLP_MIN);
    if (mip->nrows)
        glp_add_rows(P, mip->nrows);
    if (mip->ncols)
        glp_add_cols(P, mip->ncols);
    char name[64];
    for (int i = 0; i < mip->nrows; i++) {
        const MipRow *r = &mip->rows[i];
        glpk_set_row_sides(P, i + 1, r);
        if (names) {
            snprintf(name, sizeof name, "%c%d", r->tag, i + 1);
            glp_set_row_name(P, i + 1, name);
        }
    }
    static const char col_tag[] = {'x', 'g', 'n', 'z'};
    for (int j = 0; j < mip->ncols; j++) {
        const MipCol *c = &mip->cols[j];
        int g = pos ? pos[j] + 1 : j + 1;
        if (c->lb == c->ub)
            glp_set_col_bnds(P, g, GLP_FX, c->lb, c->ub);
        else
            glp_set_col_bnds(P, g, GLP_DB, c->lb, c->ub);
        if (c->integer)
            glp_set_col_kind(P, g, GLP_IV);
        glp_set_obj_coef(P, g, glpk_objective_coef(c, level, unit));
        if (names) {
            snprintf(name, sizeof name, "%c%d_%d_%d", col_tag[c->kind], c->a, c->b, j + 1);
            glp_set_col_name(P, g, name);
        }
    }
    if (mip->nnz) {
        /* GLPK arrays are 1-based; slot 0 is unused */
        int *ia = malloc((mip->nnz + 1) * sizeof *ia);
        int *ja = malloc((mip->nnz + 1) * sizeof *ja);
        double *ar = malloc((mip->nnz + 1) * sizeof *ar);
        if (!ia || !ja || !ar) {
            free(ia);
            free(ja);
            free(ar);
            glp_delete_prob(P);
            return NULL;
        }
        for (size_t k = 0; k < mip->nnz; k++) {
            ia[k + 1] = mip->ia[k] + 1;
            ja[k + 1] = (pos ? pos[mip->ja[k]] : mip->ja[k]) + 1;
            ar[k + 1] = mip->ar[k];
        }
        glp_load_matrix(P, (int)mip->nnz, ia, ja, ar);
        free(ia);
        free(ja);
        free(ar);
    }
    return P;
}

/* The program loaded for the simplex method: scaled, from an advanced
 * basis, as glpsol does (without them the LP relaxation took 1.25 s
 * instead of 0.73 s inside a solve, beside a GLPK racer). NULL on
 * out-of-memory. */
glp_prob *glpk_load_for_simplex(const Mip *mip, RunLevel level, const int *pos)
{
    glp_prob *P = glpk_load_program(mip, level, 0.0, 0, pos);
    if (P && mip->ncols && mip->nrows) {
        glp_scale_prob(P, GLP_SF_AUTO);
        glp_adv_basis(P, 0);
    }
    return P;
}
