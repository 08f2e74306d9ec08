/*
 * mip.c — growable arrays of columns, rows and triplets (see mip.h).
 */
#include "mip.h"

#include <stdlib.h>
#include <string.h>

static int grow(void **p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return 0;
    int ncap = *cap ? *cap : 1024;
    while (ncap < need)
        ncap *= 2;
    void *q = realloc(*p, (size_t)ncap * size);
    if (!q)
        return -1;
    *p = q;
    *cap = ncap;
    return 0;
}

int mip_add_col(Mip *m, MipCol col)
{
    if (m->oom || grow((void **)&m->cols, &m->capcols, m->ncols + 1, sizeof *m->cols)) {
        m->oom = 1;
        return -1;
    }
    m->cols[m->ncols] = col;
    return m->ncols++;
}

int mip_add_row(Mip *m, double lb, double ub, char tag)
{
    if (m->oom || grow((void **)&m->rows, &m->caprows, m->nrows + 1, sizeof *m->rows)) {
        m->oom = 1;
        return -1;
    }
    m->rows[m->nrows] = (MipRow){lb, ub, tag};
    return m->nrows++;
}

void mip_add_coef(Mip *m, int row, int col, double v)
{
    if (m->oom || row < 0 || col < 0 || v == 0.0)
        return;
    if (m->nnz == m->capnz) {
        size_t cap = m->capnz ? 2 * m->capnz : 4096;
        int *ia = realloc(m->ia, cap * sizeof *ia);
        if (ia)
            m->ia = ia;
        int *ja = realloc(m->ja, cap * sizeof *ja);
        if (ja)
            m->ja = ja;
        double *ar = realloc(m->ar, cap * sizeof *ar);
        if (ar)
            m->ar = ar;
        if (!ia || !ja || !ar) {
            m->oom = 1;
            return;
        }
        m->capnz = cap;
    }
    m->ia[m->nnz] = row;
    m->ja[m->nnz] = col;
    m->ar[m->nnz] = v;
    m->nnz++;
}

double mip_objective(const Mip *m, const double *x, RunLevel level)
{
    double sum = 0.0;
    for (int j = 0; j < m->ncols; j++)
        sum += mip_col_objective(&m->cols[j], level) * x[j];
    return sum;
}

void mip_release(Mip *m)
{
    free(m->cols);
    free(m->rows);
    free(m->ia);
    free(m->ja);
    free(m->ar);
    memset(m, 0, sizeof *m);
}
