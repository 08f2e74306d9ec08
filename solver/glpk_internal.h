/*
 * glpk_internal.h — what the glpk_*.c files share, and no one else: the
 * guard every GLPK call runs inside (glpk_env.c), loading a Mip
 * (glpk_load.c), and the level run's watch on GLPK's terminal
 * (glpk_run.c). Only the glpk_*.c files and mps_write.{c,h} include glpk.h.
 */
#ifndef SAMPLAN_GLPK_INTERNAL_H
#define SAMPLAN_GLPK_INTERNAL_H

#include <glpk.h>

#include "glpk_run.h"

/* ---- glpk_env.c ---------------------------------------------------------- */

/* How often GLPK reports while it solves an LP (its default is every 5 s):
 * each report is a chance for the terminal hook to honour a stop. */
#define OUTPUT_PERIOD_MS 250

typedef int (*GuardedBody)(void *ctx);

/* Runs body(ctx) with GLPK's error and terminal hooks installed, and
 * frees GLPK's environment after it. body's return value; −2 when GLPK
 * failed inside (its words in glpk_last_line), −3 when Ctrl-C and −4
 * when the time limit stopped an LP from inside (the terminal hook). */
int glpk_guarded(GuardedBody body, void *ctx);

/* GLPK's last line of output, and the one before: when GLPK fails, it
 * says why there. */
extern char glpk_last_line[256];
extern char glpk_previous_line[256];

/* 1 while an LP outside any level's run is being solved that Ctrl-C may
 * stop (glpk_lp.c): its lines then answer only to solver_interrupted. */
extern int glpk_lp_stoppable;

/* The test hook SAMPLAN_FAULT_GLPK: "floor" provokes a GLPK error in the
 * LP of the value floor's fixing (glpk_lp_row_duals) only, any other
 * value in every level's run. 1 when `where` ("floor", "all") is asked. */
int glpk_fault_requested(const char *where);

/* GLPK's tm_lim (milliseconds, at least 1) for `seconds`. */
void glpk_set_time_limit(int *tm_lim, double seconds);

/* ---- glpk_run.c: the level being solved watches GLPK's terminal --------- */

/* 1 for Ctrl-C, 2 for the time limit, 0 to go on, for GLPK's line `line`
 * (0 when no level is being solved). */
int glpk_level_stop_requested(const char *line);
/* A progress line for the level being solved, when one is due. */
void glpk_level_progress(void);

/* ---- glpk_load.c --------------------------------------------------------- */

/* GLPK position (0-based) of each column, glpsol's LP order; NULL on
 * out-of-memory. */
int *glpk_column_positions(const Mip *mip, RunLevel level);
/* Column c's objective coefficient as GLPK gets it at `level` (in `unit`s
 * of value at level 1 when unit > 0). */
double glpk_objective_coef(const MipCol *c, RunLevel level, double unit);
/* Row `row` (1-based) of P gets r's sides, free ones as GLPK wants them. */
void glpk_set_row_sides(glp_prob *P, int row, const MipRow *r);
/* The program in GLPK, column j at index pos[j] + 1 (pos NULL: j + 1);
 * NULL on out-of-memory. */
glp_prob *glpk_load_program(const Mip *mip, RunLevel level, double unit, int names, const int *pos);
/* The same, scaled and from an advanced basis, for the simplex method. */
glp_prob *glpk_load_for_simplex(const Mip *mip, RunLevel level, const int *pos);

#endif
