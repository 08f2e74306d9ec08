/*
 * load_cells.h — typed access to the cells of a CSV table for the scenario
 * loader: identifiers, strict integers and reals, enums, week numbers and
 * `;`-separated track lists, each reporting a located diagnostic
 * (`file:line:column: message`) when the cell is not what is expected.
 *
 * All getters return 0 and store the value, or −1 after recording a
 * diagnostic (nothing stored). An empty cell takes `def` when the getter
 * has one (has_def), else it is an error.
 */
#ifndef SAMPLAN_LOAD_CELLS_H
#define SAMPLAN_LOAD_CELLS_H

#include "../model/diag.h"
#include "csv_table.h"

typedef struct Cells {
    CsvTable *t;
    DiagList *diags;
} Cells;

/* Records a diagnostic located at column `col` of the current row. */
void cells_error(const Cells *c, int col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Non-empty identifier without ';'. */
int cells_id(const Cells *c, int col, const char *name, const char **out);

/* Integer in [lo, hi]; `expected` describes the range, e.g. "an integer >= 0". */
int cells_int(const Cells *c, int col, const char *name, long lo, long hi, int has_def, long def,
              const char *expected, long *out);

/* Finite real ≥ lo (lo_strict: > lo) and ≤ hi. */
int cells_real(const Cells *c, int col, const char *name, double lo, int lo_strict, double hi,
               int has_def, double def, const char *expected, double *out);

/* Real in [0, SCENARIO_REAL_MAX]: "a number >= 0" below, "a number
 * 0..1000000000" above (model/scenario.h says why there is a limit). */
int cells_amount(const Cells *c, int col, const char *name, int has_def, double def, double *out);

/* One of names[0..n−1]; `expected` lists them for the message. */
int cells_enum(const Cells *c, int col, const char *name, const char *const *names, int n,
               const char *expected, int *out);

/* Strict parsers without diagnostics, for tests and callers. 0 or −1. */
int parse_strict_long(const char *text, long *out);
int parse_strict_double(const char *text, double *out);

#endif
