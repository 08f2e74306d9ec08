/*
 * greedy_run.c — runs the greedy plan builder (solver/greedy.h) from the
 * command line, for tests/e2e/greedy_valid.sh and benchmarks, without
 * touching cli/.
 *
 *   greedy_run SCENARIO_DIR OUT_DIR [gross|fewest|most|join-open] [--variant NAME]
 *              [--search SECONDS [--seed N]]   (ruin and recreate after it)
 *
 * Loads the scenario, builds the plan (best-value order, or the gross list
 * order with "gross", fewest or most options first among equals with
 * "fewest" or "most", fewest first joining open cohorts before empty ones
 * with "join-open"),
 * fills the unassigned reasons and writes the plan
 * directory with force. Prints "greedy_run: value=V cost=C assigned=N
 * seconds=S" (S = the greedy alone) on stdout. Exit 0 on success, 1 on a
 * failure, 2 on usage errors or a scenario that does not load.
 */
#include "../../io/plan_write.h"
#include "../../io/scenario_load.h"
#include "../../model/reasons.h"
#include "../../solver/greedy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *out_dir = NULL, *variant = NULL;
    double search_s = -1.0;
    unsigned long seed = 1;
    GreedyOrder order = GREEDY_BEST_VALUE;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--variant") == 0 && i + 1 < argc)
            variant = argv[++i];
        else if (strcmp(argv[i], "--search") == 0 && i + 1 < argc)
            search_s = atof(argv[++i]);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "gross") == 0 && dir && out_dir)
            order = GREEDY_GROSS_LIST;
        else if (strcmp(argv[i], "fewest") == 0 && dir && out_dir)
            order = GREEDY_FEWEST_OPTIONS;
        else if (strcmp(argv[i], "most") == 0 && dir && out_dir)
            order = GREEDY_MOST_OPTIONS;
        else if (strcmp(argv[i], "join-open") == 0 && dir && out_dir)
            order = GREEDY_FEWEST_JOIN_OPEN;
        else if (!dir)
            dir = argv[i];
        else if (!out_dir)
            out_dir = argv[i];
        else
            dir = NULL, i = argc; /* too many arguments */
    }
    if (!dir || !out_dir) {
        fputs("usage: greedy_run SCENARIO_DIR OUT_DIR [gross|fewest|most|join-open] [--variant NAME]\n"
              "                  [--search SECONDS [--seed N]]\n", stderr);
        return 2;
    }
    double t0 = now();
    DiagList diags = DIAGLIST_INIT;
    Scenario *s = NULL;
    if (scenario_load(dir, variant, &s, &diags)) {
        diag_print(&diags, stderr, "greedy_run");
        diag_release(&diags);
        return 2;
    }
    double t1 = now();
    Plan *plan = NULL;
    GreedySearchStats st = {0};
    if (search_s >= 0.0 ? greedy_search(s, order, search_s, seed, &plan, &st) : greedy_plan(s, order, &plan)) {
        fputs("greedy_run: out of memory\n", stderr);
        scenario_free(s);
        return 1;
    }
    double t2 = now();
    plan_fill_reasons(s, plan);
    plan->seconds = now() - t0;
    int rc = 0;
    if (plan_write(s, plan, out_dir, 1, &diags)) {
        diag_print(&diags, stderr, "greedy_run");
        rc = 1;
    } else {
        int assigned = 0;
        for (int p = 0; p < plan->nassignments; p++)
            assigned += plan->assignments[p].cohort >= 0;
        printf("greedy_run: value=%.10g cost=%.10g assigned=%d seconds=%.3f load=%.3f\n", plan->value,
               plan->cost, assigned, t2 - t1, t1 - t0);
        if (search_s >= 0.0)
            printf("greedy_run: search from %.10g, %ld steps, %ld kept\n", st.start_value, st.steps, st.kept);
    }
    diag_release(&diags);
    plan_free(plan);
    scenario_free(s);
    return rc;
}
