/*
 * glpk_run.h — GLPK behind one door: loading a Mip, solving one
 * lexicographic level with limits, progress and Ctrl-C, and exporting the
 * program as CPLEX LP or free MPS. No GLPK failure aborts the process: an
 * error hook turns it into an error return.
 */
#ifndef SAMPLAN_GLPK_RUN_H
#define SAMPLAN_GLPK_RUN_H

#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>

#include "mip.h"

/* Set by a SIGINT handler; the solver stops at its next callback. */
extern volatile sig_atomic_t solver_interrupted;

typedef enum RunStop {
    STOP_NONE,      /* search completed: the solution is proven optimal */
    STOP_TIME,      /* time limit */
    STOP_GAP,       /* relative gap reached */
    STOP_INTERRUPT  /* Ctrl-C */
} RunStop;

typedef struct RunRequest {
    RunLevel level;
    double time_limit_s; /* for this level; ≤ 0 stops at once after the root */
    double mip_gap;      /* relative gap at which to stop, 0 = prove optimality */
    int quiet;           /* no progress lines on stderr */
    double clock_start;  /* monotonic time of the command's start, for progress */
    const double *start; /* optional [ncols] known solution to start from, or NULL */
    const char *label;   /* optional prefix of progress lines, e.g. "block 3 of 12, " */
    int column_order;    /* 0: the builder's column order; 1: this level's objective
                            columns first, then by first row (glpsol's LP order) */
    int jobs;            /* processes the run may use; GLPK uses one, region
                            search (solver/lns.c) solves regions side by side */
    int restriction;     /* 1: a region of region search (solver/lns.c), a
                            small program started from a good plan */
    double give_up_s;    /* > 0: GLPK stops after this many seconds when it
                            has no plan yet as good as `start` (the empty
                            plan when there is none); the run ends as a
                            time stop. 0: it keeps its whole time */
    double value_bound;  /* level 1: the least bound on the value had before
                            the run (trivial, alongside the greedy search, or
                            an earlier GLPK run's); region search, which proves
                            none, stops on reaching it (rounded down to the
                            value grid) or coming within mip_gap of it;
                            0 or HUGE_VAL: none */
    int plain_options;   /* 1: no Gomory cuts and GLPK's default branching
                            (depth first, then by the best local bound)
                            rather than pseudo-costs: some small cost-level
                            programs prove far sooner so, others far later
                            (solver/parts.c races the two) */
    int lp_probe;        /* region search (solver/lns.c): LP-guided
                            neighbourhoods only, as a probe before GLPK at
                            level 1 (solver/parts.c part_level1) */
    int proximity;       /* 1: GLPK's proximity search at the root; in a
                            probe (lp_probe), its first neighbourhood's
                            (solver/parts.c level1_probe says when) */
    double value_cutoff; /* level 1, > 0 with a start: GLPK looks only for
                            plans of at least this value (a row), and its
                            finding none proves the start optimal. The
                            caller sets it half a step of the value grid
                            above the start (solver/parts.c) */
    _Atomic double *live_bound; /* level 2, GLPK on the whole program: where each
                            tree bound read is written as soon as it is
                            better (a page shared with the parent, which
                            keeps it when the worker is killed at the
                            limit: solver/parts.c); NULL: none. Region
                            search must not be given one: its regions'
                            bounds are theirs */
} RunRequest;

typedef struct RunResult {
    int has_solution;    /* an integer solution was found */
    RunStop stop;
    double objective;    /* of the solution, in this level's sense */
    double bound;        /* best proven bound on this level's objective */
    double *x;           /* owned (free()); [ncols] column values, rounded for integers */
    double seconds;      /* time spent in this level */
    int regions;         /* region search (solver/lns.c): regions solved; GLPK: 0 */
} RunResult;

/* Whether a bound settles a run's start (objective `start` in `level`'s
 * sense): 1 when it proves the start optimal (within 1e-9 relative), 2
 * when the start is within the relative gap `gap` (--gap; 0: none) of it,
 * else 0. glpk_solve_level stops GLPK so, handing the start back. */
int glpk_start_settled(RunLevel level, double start, double bound, double gap);

/* Solves one level of the program. Returns 0 (see result for the outcome)
 * or −1 on a GLPK failure, with a message in err. */
int glpk_solve_level(const Mip *mip, const RunRequest *req, RunResult *out, char *err, size_t errsz);

/* The LP relaxation of the level's program (integrality dropped), solved
 * by the simplex method within `seconds`: 1 and x[ncols] its optimal
 * solution, 0 when it was not solved to optimality in time (x then
 * undefined), −1 on a GLPK failure or out-of-memory, with a message in
 * err. Region search (solver/lns.c) steers by it; Ctrl-C stops it (0). */
int glpk_lp_relaxation(const Mip *mip, RunLevel level, double seconds, double *x, char *err, size_t errsz);

/* What glpk_lp_relaxation_lazy did. */
typedef struct LazyLpInfo {
    double objective; /* the LP optimum, when solved: a bound on the level */
    double bound;     /* a bound on the level even when the LP was not solved
                         in time: the optimum of the last round solved (a
                         relaxation, rows held back), `objective` when
                         solved, ±HUGE_VAL (the level's worst) before one */
    int rounds;       /* rounds of broken rows added */
    int added;        /* rows added, of `held` */
    int held;         /* rows held back */
} LazyLpInfo;

/* As glpk_lp_relaxation, with the rows tagged `tag` (the link rows, 'l')
 * held back at first and added once the simplex breaks them, round after
 * round, until none is broken: the optimum is then the whole LP's (the
 * rows added are the program's own, and the others hold). 1 and x[ncols]
 * when solved, 0 when not in time or stopped by Ctrl-C, −1 on a GLPK
 * failure or out-of-memory (message in err). info (may be NULL): how. */
int glpk_lp_relaxation_lazy(const Mip *mip, RunLevel level, char tag, double seconds, double *x,
                            LazyLpInfo *info, char *err, size_t errsz);

/* The LP relaxation maximising objective[ncols] (the level-1 program's
 * rows and bounds) within `seconds`: 1 and y[nrows] the row duals of its
 * optimal basis, 0 when it was not solved to optimality in time, −1 on a
 * GLPK failure or out-of-memory (message in err). solver/floor_fixing.c
 * turns them into column bounds. */
int glpk_lp_row_duals(const Mip *mip, const double *objective, double seconds, double *y, char *err,
                      size_t errsz);

/* An LP kept in GLPK across changes of column bounds, each re-solve
 * going on from the last basis (solver/screen.c prices hundreds of moves
 * this way). glpk_lp_warm loads mip's LP relaxation for the level and
 * calls visit(lp, arg), inside which glpk_warm_* may be used; it returns
 * what visit returned, or −1 on a GLPK failure or out-of-memory (message
 * in err). GLPK fails by a long jump out of visit: visit must hold no
 * allocation of its own across its calls into GLPK. */
typedef struct LpWarm LpWarm;
typedef int (*LpWarmVisit)(LpWarm *lp, void *arg);
int glpk_lp_warm(const Mip *mip, RunLevel level, LpWarmVisit visit, void *arg, char *err, size_t errsz);
/* Sets column col's bounds (a fixed column when lb == ub). */
void glpk_warm_bounds(LpWarm *lp, int col, double lb, double ub);
/* Solves within `seconds`: 1 and *objective when optimal, 0 when
 * infeasible, 2 when not solved (time, or the simplex failed), 3 when
 * the dual simplex showed the optimum is no better than `cutoff` (at or
 * above it when minimising, at or below when maximising) and stopped
 * there; *objective is then its last value, past the cutoff and no
 * better than the optimum. cutoff = NAN: none. */
int glpk_warm_solve(LpWarm *lp, double seconds, double cutoff, double *objective);
/* The last solve's column values, x[ncols]. */
void glpk_warm_solution(const LpWarm *lp, double *x);
/* The last solve's reduced costs, d[ncols], as for minimising the
 * objective (negated when the program maximises). The dual solution
 * stays feasible whatever the columns' bounds, so with it any change of
 * bounds has a lower bound on the new optimum without a solve (screen.c's
 * dual test). */
void glpk_warm_reduced_costs(const LpWarm *lp, double *d);

/* Writes the level-1 program (maximise value) as CPLEX LP (mps = 0) or
 * free MPS (mps = 1). Returns 0 or −1 with a message in err. */
int glpk_write_program(const Mip *mip, int mps, const char *path, char *err, size_t errsz);

/* Monotonic clock in seconds. */
double clock_seconds(void);

/* A value or cost for a progress line, into buf: whole SEK from a million
 * up ("522969000", not "5.22969e+08", which a reader cannot compare with
 * the summary's figures: review, twenty-sixth session), else six
 * significant digits. Returns buf. */
const char *progress_number(double v, char buf[32]);

#endif
