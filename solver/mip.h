/*
 * mip.h — a solver-neutral sparse mixed-integer program, built by
 * solver/build.c and loaded into GLPK by solver/glpk_load.c.
 *
 * Keeping the program in plain arrays first lets the builder count and
 * merge rows before GLPK sees them, lets extraction read the meaning of
 * each column, and keeps glpk.h out of the model code. Columns carry two
 * objectives: `value` (level 1, maximised) and `cost` (level 2, minimised).
 * Indices are 0-based here; GLPK's 1-based indices are made in glpk_load.c.
 */
#ifndef SAMPLAN_MIP_H
#define SAMPLAN_MIP_H

#include <math.h>
#include <stddef.h>

typedef enum ColKind { COL_X, COL_GROUPS, COL_SIZE, COL_PLACE } ColKind;

/* The two lexicographic objectives: level 1 maximises value, level 2
 * minimises cost. */
typedef enum RunLevel { LEVEL_VALUE = 1, LEVEL_COST = 2 } RunLevel;

typedef struct MipCol {
    ColKind kind;
    int integer;       /* 1 = integer variable */
    double lb, ub;
    double value;      /* level-1 objective coefficient */
    double cost;       /* level-2 objective coefficient, SEK */
    int a, b, c;       /* meaning by kind: X (class, cohort, travel mode);
                          GROUPS/SIZE (cohort); PLACE (demand, slot class, module) */
} MipCol;

typedef struct MipRow {
    double lb, ub;     /* −HUGE_VAL / HUGE_VAL for free sides */
    char tag;          /* one letter for row names: c class, g group, l link, s seats, … */
} MipRow;

typedef struct Mip {
    MipCol *cols; int ncols; int capcols;
    MipRow *rows; int nrows; int caprows;
    int *ia, *ja;      /* triplets: row, column (0-based) */
    double *ar;
    size_t nnz, capnz;
    int oom;           /* set when an allocation failed; all adds become no-ops */
} Mip;

int mip_add_col(Mip *m, MipCol col);                 /* returns index or −1 */
int mip_add_row(Mip *m, double lb, double ub, char tag); /* returns index or −1 */
void mip_add_coef(Mip *m, int row, int col, double v);
void mip_release(Mip *m);

/* 1 for a budget row: `max_cost` as an upper bound on the plan's cost
 * (tag 'b'; solver/build.c). */
static inline int mip_is_budget_row(const MipRow *r)
{
    return r->tag == 'b' && isfinite(r->ub) && isinf(r->lb);
}

/* The column's coefficient in the level's objective. */
static inline double mip_col_objective(const MipCol *c, RunLevel level)
{
    return level == LEVEL_VALUE ? c->value : c->cost;
}

/* A program's size as the solve shares time by it: non-zeros + columns
 * (+ 1, so that an empty one still gets a share). */
static inline double mip_weight(const Mip *m)
{
    return (double)m->nnz + m->ncols + 1.0;
}

/* 1 when `value` is within the relative gap `gap` (`--gap`) of `bound`,
 * as SPEC's gap counts it: (bound − value) ≤ gap · max(1, |bound|). No
 * gap (≤ 0) or no bound (infinite): 0. */
static inline int mip_within_gap(double bound, double value, double gap)
{
    return gap > 0.0 && isfinite(bound) && bound - value <= gap * fmax(1.0, fabs(bound));
}

/* 1 when `value` has reached `bound` (a bound on the value grid: a
 * proof, whatever the gap) or is within the gap asked for of it. A
 * search for value can stop then: it can gain nothing, or nothing the
 * user asked for. */
static inline int mip_value_done(double bound, double value, double gap)
{
    return (isfinite(bound) && bound <= value + 1e-9 * fmax(1.0, fabs(value))) ||
           mip_within_gap(bound, value, gap);
}

/* The greatest common divisor of round(value · scale) over the columns
 * with a value, when every one of them is an integer column (else 1,
 * also past 2^53): the value floor's divisor (solver/build.c). */
double mip_value_gcd(const Mip *m, double scale);

/* The value grid of the program itself: the greatest u = g · 10^-d
 * (d ≤ 6) of which every column's value is a whole multiple (within
 * 1e-9 relative) of at most 1e9, on integer columns only; 0 when there
 * is none (a priced objective, a continuous column with a value). GLPK
 * gets level 1 in these whole multiples (solver/glpk_run.c): it then
 * rounds each node's bound down to a whole number and drops the node
 * when that is no better than its plan, which it cannot do on 184.486
 * against 184.0 in tenths. */
double mip_value_unit(const Mip *m);

/* The value floor row level 2 added (the last row tagged 'v',
 * solver/build.c program_add_value_floor), or −1. */
int mip_value_floor_row(const Mip *m);

/* Σ coefficient × x over the columns, for the level's objective. */
double mip_objective(const Mip *m, const double *x, RunLevel level);

/* Relative slack of a budget row, here and in the greedy's own test:
 * rounding noise of a sum of a few hundred thousand costs (national
 * 50 000: about 1e-14 of the total), far below a krona's share of any
 * budget (1e-9 let a plan of 1 600 SEK pass a max_cost of 1 599.999999). */
#define MIP_BUDGET_TOLERANCE 1e-12

/* 1 when x satisfies the program: bounds, integrality and every row, with
 * a tolerance of 1e-6 (relative for rows), except budget rows ('b'), held
 * to 1e-12, rounding noise only: SPEC §2 gives max_cost no tolerance. */
int mip_solution_ok(const Mip *m, const double *x);

/* As mip_solution_ok, with rows whose tag is in exact_tags held to a
 * tolerance of 1e-9 (relative) instead of 1e-6, budget rows ('b') among
 * them to 1e-12. */
int mip_solution_within(const Mip *m, const double *x, const char *exact_tags);

/* The program restricted to the columns with keep[j] set, every other
 * column fixed at x[j]: each row's sides lose the fixed columns' activity,
 * and rows without a kept column are left out (x already meets them when
 * it is a solution). A solution of the restriction, with x elsewhere, is a
 * solution of the program. *sub_col (malloc'ed) maps each column of *sub
 * back to m. Returns 0, or −1 on out-of-memory. */
int mip_restrict(const Mip *m, const unsigned char *keep, const double *x, Mip *sub, int **sub_col);

#endif
