/*
 * mps_write.c — a GLPK problem as free MPS, with every number exact.
 *
 * GLPK's own writer (glp_write_mps) cuts numbers to about 12 characters:
 * a budget of 7 576 263.7466212 SEK became 7576263.7466, so the program
 * in the MPS file was not the one `solve` and the LP file hold (CBC found
 * 146.5 on the MPS where both give 146.6: independent audit,
 * twenty-second session). Here numbers are written in the shortest form
 * that reads back as the same double, and every line is laid out so that
 * CBC's reader, which takes a line whose second field starts in column
 * 15 for fixed MPS, reads it as free MPS.
 */
#include "mps_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The shortest %g text of v that reads back as v. */
static void fmt_num(char *buf, size_t size, double v)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* Writes " a b [c]" (one MPS data line). A line whose second field would
 * start in column 15 gets one more blank before it: CBC 2.10 reads such
 * a line as fixed MPS, where field 3 starts there ("Bad image" on every
 * column named with exactly 12 characters). Returns 0 or EOF. */
static int data_line(FILE *f, const char *a, const char *b, const char *c)
{
    size_t la = strlen(a);
    const char *gap = la == 12 ? "  " : " ";
    if (c)
        return fprintf(f, " %s%s%s %s\n", a, gap, b, c) < 0 ? EOF : 0;
    return fprintf(f, " %s%s%s\n", a, gap, b) < 0 ? EOF : 0;
}

/* A row's or column's name, or R/C and its number when it has none. */
static const char *name_or_number(const char *name, char kind, int k, char *buf, size_t size)
{
    if (name && *name)
        return name;
    snprintf(buf, size, "%c%07d", kind, k);
    return buf;
}

static const char *row_name(glp_prob *P, int i, char *buf, size_t size)
{
    return name_or_number(glp_get_row_name(P, i), 'R', i, buf, size);
}

static const char *col_name(glp_prob *P, int j, char *buf, size_t size)
{
    return name_or_number(glp_get_col_name(P, j), 'C', j, buf, size);
}

static int write_rows(FILE *f, glp_prob *P, const char *obj)
{
    char nb[32];
    if (fprintf(f, "ROWS\n N %s\n", obj) < 0)
        return EOF;
    for (int i = 1; i <= glp_get_num_rows(P); i++) {
        int type = glp_get_row_type(P, i);
        const char *t = type == GLP_LO ? "G" : type == GLP_UP ? "L" : type == GLP_FX ? "E" : type == GLP_FR ? "N" : "L";
        if (type == GLP_DB && glp_get_row_lb(P, i) == glp_get_row_ub(P, i))
            t = "E";
        if (fprintf(f, " %s %s\n", t, row_name(P, i, nb, sizeof nb)) < 0)
            return EOF;
    }
    return 0;
}

static int write_columns(FILE *f, glp_prob *P, const char *obj, int *ind, double *val)
{
    char nb[32], rb[32], num[40];
    int in_int = 0, marker = 0;
    if (fputs("COLUMNS\n", f) == EOF)
        return EOF;
    for (int j = 1; j <= glp_get_num_cols(P); j++) {
        int integer = glp_get_col_kind(P, j) != GLP_CV;
        if (integer != in_int) {
            if (fprintf(f, " M%07d 'MARKER' '%s'\n", ++marker, integer ? "INTORG" : "INTEND") < 0)
                return EOF;
            in_int = integer;
        }
        const char *cn = col_name(P, j, nb, sizeof nb);
        double c = glp_get_obj_coef(P, j);
        int len = glp_get_mat_col(P, j, ind, val);
        if (c != 0.0 || len == 0) { /* a column with no entry still needs a line */
            fmt_num(num, sizeof num, c);
            if (data_line(f, cn, obj, num))
                return EOF;
        }
        for (int k = 1; k <= len; k++) {
            fmt_num(num, sizeof num, val[k]);
            if (data_line(f, cn, row_name(P, ind[k], rb, sizeof rb), num))
                return EOF;
        }
    }
    if (in_int && fprintf(f, " M%07d 'MARKER' 'INTEND'\n", ++marker) < 0)
        return EOF;
    return 0;
}

/* RHS and RANGES. A double-bounded row is an L row at its upper bound
 * with a range of ub − lb: [ub − R, ub]. */
static int write_rhs_ranges(FILE *f, glp_prob *P, const char *obj)
{
    char rb[32], num[40];
    if (fputs("RHS\n", f) == EOF)
        return EOF;
    double c0 = glp_get_obj_coef(P, 0);
    if (c0 != 0.0) { /* the objective's constant, negated as MPS has it */
        fmt_num(num, sizeof num, -c0);
        if (data_line(f, "RHS1", obj, num))
            return EOF;
    }
    int ranges = 0;
    for (int i = 1; i <= glp_get_num_rows(P); i++) {
        int type = glp_get_row_type(P, i);
        double lb = glp_get_row_lb(P, i), ub = glp_get_row_ub(P, i);
        double rhs = type == GLP_LO || type == GLP_FX ? lb : type == GLP_UP || type == GLP_DB ? ub : 0.0;
        ranges += type == GLP_DB && lb != ub;
        if (rhs == 0.0)
            continue;
        fmt_num(num, sizeof num, rhs);
        if (data_line(f, "RHS1", row_name(P, i, rb, sizeof rb), num))
            return EOF;
    }
    if (!ranges)
        return 0;
    if (fputs("RANGES\n", f) == EOF)
        return EOF;
    for (int i = 1; i <= glp_get_num_rows(P); i++) {
        double lb = glp_get_row_lb(P, i), ub = glp_get_row_ub(P, i);
        if (glp_get_row_type(P, i) != GLP_DB || lb == ub)
            continue;
        fmt_num(num, sizeof num, ub - lb);
        if (data_line(f, "RNG1", row_name(P, i, rb, sizeof rb), num))
            return EOF;
    }
    return 0;
}

static int bound_line(FILE *f, const char *kind, const char *col, const double *v)
{
    char num[40];
    if (!v)
        return fprintf(f, " %s BND1 %s\n", kind, col) < 0 ? EOF : 0;
    fmt_num(num, sizeof num, *v);
    return fprintf(f, " %s BND1 %s %s\n", kind, col, num) < 0 ? EOF : 0;
}

/* Every bound written out, integer columns' too: readers differ on what
 * an integer column without bounds is (some take it for binary). */
static int write_bounds(FILE *f, glp_prob *P)
{
    char nb[32];
    if (fputs("BOUNDS\n", f) == EOF)
        return EOF;
    for (int j = 1; j <= glp_get_num_cols(P); j++) {
        const char *cn = col_name(P, j, nb, sizeof nb);
        int type = glp_get_col_type(P, j), integer = glp_get_col_kind(P, j) != GLP_CV;
        double lb = glp_get_col_lb(P, j), ub = glp_get_col_ub(P, j);
        int rc = 0;
        switch (type) {
        case GLP_FR:
            rc = bound_line(f, "FR", cn, NULL);
            break;
        case GLP_LO:
            rc = lb != 0.0 ? bound_line(f, "LO", cn, &lb) : integer ? bound_line(f, "PL", cn, NULL) : 0;
            break;
        case GLP_UP:
            rc = bound_line(f, "MI", cn, NULL) || bound_line(f, "UP", cn, &ub) ? EOF : 0;
            break;
        case GLP_DB:
            rc = (lb != 0.0 && bound_line(f, "LO", cn, &lb)) || bound_line(f, "UP", cn, &ub) ? EOF : 0;
            break;
        default: /* GLP_FX */
            rc = bound_line(f, "FX", cn, &lb);
            break;
        }
        if (rc)
            return EOF;
    }
    return 0;
}

int mps_write(glp_prob *P, const char *header, FILE *f)
{
    int nrows = glp_get_num_rows(P), ncols = glp_get_num_cols(P);
    int *ind = malloc((size_t)(nrows + 1) * sizeof *ind);
    double *val = malloc((size_t)(nrows + 1) * sizeof *val);
    if (!ind || !val) {
        free(ind);
        free(val);
        return -1;
    }
    const char *name = glp_get_prob_name(P);
    const char *obj = glp_get_obj_name(P);
    if (!obj || !*obj)
        obj = "R0000000";
    int nint = glp_get_num_int(P), nbin = glp_get_num_bin(P);
    int err = fprintf(f, "* Problem:    %s\n* Class:      %s\n* Rows:       %d\n* Columns:    %d (%d integer, %d binary)\n"
                         "* Non-zeros:  %d\n* Format:     Free MPS\n*\n%s",
                      name ? name : "", nint ? "MIP" : "LP", nrows, ncols, nint, nbin, glp_get_num_nz(P),
                      header ? header : "") < 0;
    err = err || fprintf(f, "NAME %s\n", name && *name ? name : "PROBLEM") < 0;
    err = err || write_rows(f, P, obj) || write_columns(f, P, obj, ind, val) || write_rhs_ranges(f, P, obj) ||
          write_bounds(f, P) || fputs("ENDATA\n", f) == EOF;
    free(ind);
    free(val);
    return err ? -1 : 0;
}
