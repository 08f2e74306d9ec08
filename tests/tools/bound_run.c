/*
 * bound_run.c — the Lagrangian value bound (solver/lagrange.h) on a whole
 * scenario from the command line, for tests and for measuring it against
 * glpsol's LP relaxation of `samplan export --lp`, without touching cli/.
 *
 *   bound_run SCENARIO_DIR SECONDS [TARGET] [--variant NAME] [--give-up]
 *
 * Builds the program samplan solves and prints "bound_run: bound=B
 * trivial=T first=F steps=N seconds=S restarted_at=R" on stdout: B the
 * bound after at most SECONDS of subgradient steps (towards TARGET,
 * default 0), T the sum over classes of members × best value, R the
 * second at which the search started again with smaller steps (0: it did
 * not). With --give-up the search knows the trivial bound, as in a solve,
 * and gives its time back as it would there. Exit 0, 1 on out-of-memory or when there is no bound, 2 on usage
 * errors or a scenario that does not load.
 */
#include "../../io/scenario_load.h"
#include "../../solver/build.h"
#include "../../solver/lagrange.h"
#include "../../solver/parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The trivial bound of the whole program, as the solve computes it. */
static double trivial_bound(Model *m)
{
    double *best = calloc((size_t)m->classes.npclasses + 1, sizeof *best);
    if (!best)
        return HUGE_VAL;
    double sum = part_trivial_bound(m, &m->mip, best);
    free(best);
    return sum;
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *secs = NULL, *target = NULL, *variant = NULL;
    int give_up = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--variant") == 0 && i + 1 < argc)
            variant = argv[++i];
        else if (strcmp(argv[i], "--give-up") == 0)
            give_up = 1;
        else if (!dir)
            dir = argv[i];
        else if (!secs)
            secs = argv[i];
        else if (!target)
            target = argv[i];
        else
            dir = NULL, i = argc;
    }
    if (!dir || !secs) {
        fputs("usage: bound_run SCENARIO_DIR SECONDS [TARGET] [--variant NAME] [--give-up]\n", stderr);
        return 2;
    }
    DiagList diags = DIAGLIST_INIT;
    Scenario *s = NULL;
    if (scenario_load(dir, variant, &s, &diags)) {
        diag_print(&diags, stderr, "bound_run");
        diag_release(&diags);
        return 2;
    }
    Model m;
    if (model_build(s, 1, &m)) {
        fputs("bound_run: out of memory\n", stderr);
        scenario_free(s);
        return 1;
    }
    LagrangeStats st;
    /* --give-up: the trivial bound as the bound already had, as a solve
     * passes it, so the search gives up as it would there */
    double known = give_up ? trivial_bound(&m) : HUGE_VAL;
    double b = lagrange_bound(&m.mip, target ? atof(target) : 0.0, known, m.value_digits, atof(secs), &st);
    printf("bound_run: bound=%.6f trivial=%.6f first=%.6f steps=%d seconds=%.3f restarted_at=%.3f market=%d/%.3fs/%.6f\n",
           b, trivial_bound(&m), st.first_bound, st.iterations, st.seconds, st.restarted_at, st.market_steps,
           st.market_seconds, st.market_bound);
    model_release(&m);
    scenario_free(s);
    return isfinite(b) ? 0 : 1;
}
