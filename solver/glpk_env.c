/*
 * glpk_env.c — the ground every GLPK call stands on (glpk_internal.h):
 * the error hook that turns GLPK's abort() into an error return, the
 * terminal hook that keeps GLPK's last words and lets Ctrl-C or the time
 * limit stop an LP from inside, the test hook SAMPLAN_FAULT_GLPK, and the
 * clock. Every entry point of the glpk_*.c files runs its GLPK work inside
 * glpk_guarded(): the hook frees GLPK's whole environment and longjmps
 * back, after which no GLPK object may be touched, so bodies keep GLPK
 * pointers only in their context and the failure path never frees them.
 * Our own allocations live in the context too and are freed by the
 * caller on every path.
 */
#include "glpk_internal.h"

#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

volatile sig_atomic_t solver_interrupted = 0;

double clock_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

const char *progress_number(double v, char buf[32])
{
    if (fabs(v) >= 1e6 && fabs(v) < 1e15)
        snprintf(buf, 32, "%.0f", v);
    else
        snprintf(buf, 32, "%.6g", v);
    return buf;
}

/* ---- error hook ---------------------------------------------------------- */

static void on_glpk_error(void *info)
{
    jmp_buf *env = info;
    glp_free_env(); /* all GLPK objects are gone from here on */
    longjmp(*env, 1);
}

/* Where an interrupt during an LP solve jumps to (see capture_terminal). */
static jmp_buf *guard_env;
static volatile int guard_interrupt_jump;

/* GLPK's own output is replaced by our progress lines, but the last line is
 * kept: when GLPK fails, it says why there. */
char glpk_last_line[256];
char glpk_previous_line[256];

/* An LP outside any level's run that Ctrl-C may stop: the value floor's
 * (glpk_lp_row_duals) and region search's (glpk_lp_relaxation). Each
 * answers nothing the run needs, and took up to a tenth of the time left
 * (or 3 s) in silence (review, thirty-fourth session). */
int glpk_lp_stoppable;

static int capture_terminal(void *info, const char *s)
{
    (void)info;
    /* a stoppable LP (glpk_lp.c) never runs inside a level's run, so it
     * answers to Ctrl-C alone and the level's rules to everything else */
    int why = 0;
    if (guard_env && glpk_lp_stoppable)
        why = solver_interrupted ? 1 : 0;
    else if (guard_env)
        why = glpk_level_stop_requested(s);
    if (why) {
        /* Ctrl-C, or the time limit, while GLPK solves an LP outside the
         * tree (its presolve and first relaxation do not honour tm_lim, and
         * nothing can stop its simplex from outside): leave it the way the
         * error hook does (free its whole environment and jump back); the
         * caller then keeps its starting plan. */
        jmp_buf *env = guard_env;
        guard_env = NULL;
        guard_interrupt_jump = why;
        glp_free_env();
        longjmp(*env, 1);
    }
    glpk_level_progress();
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
        n--;
    if (n > 0) {
        memcpy(glpk_previous_line, glpk_last_line, sizeof glpk_previous_line);
        snprintf(glpk_last_line, sizeof glpk_last_line, "%.*s", (int)n, s);
    }
    return 1;
}

/* The test hook SAMPLAN_FAULT_GLPK (glpk_internal.h). */
int glpk_fault_requested(const char *where)
{
    const char *f = getenv("SAMPLAN_FAULT_GLPK");
    if (!f)
        return 0;
    int floor_only = strcmp(f, "floor") == 0;
    return strcmp(where, "floor") == 0 ? floor_only : !floor_only;
}

int glpk_guarded(GuardedBody body, void *ctx)
{
    jmp_buf env;
    guard_interrupt_jump = 0;
    if (setjmp(env)) {
        glp_error_hook(NULL, NULL);
        guard_env = NULL;
        return guard_interrupt_jump == 1 ? -3 : guard_interrupt_jump == 2 ? -4 : -2;
    }
    guard_env = &env;
    glpk_last_line[0] = glpk_previous_line[0] = '\0';
    glp_error_hook(on_glpk_error, &env);
    glp_term_hook(capture_terminal, NULL);
    int rc = body(ctx);
    guard_env = NULL;
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    glp_free_env();
    return rc;
}

void glpk_set_time_limit(int *tm_lim, double seconds)
{
    double ms = seconds * 1000.0;
    *tm_lim = ms < 1.0 ? 1 : (ms > 2e9 ? 2000000000 : (int)ms);
}
