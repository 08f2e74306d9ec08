/*
 * plan.c — allocation and freeing of a Plan (see plan.h).
 */
#include "plan.h"

#include <math.h>
#include <stdlib.h>

const char *const plan_status_names[] = {"optimal", "feasible", "infeasible", "error"};

Plan *plan_new(int nparticipants)
{
    Plan *plan = calloc(1, sizeof *plan);
    if (!plan)
        return NULL;
    plan->assignments = calloc(nparticipants > 0 ? (size_t)nparticipants : 1,
                               sizeof *plan->assignments);
    if (!plan->assignments) {
        free(plan);
        return NULL;
    }
    plan->nassignments = nparticipants;
    plan->cost_bound = plan->cost_gap = NAN;
    for (int i = 0; i < nparticipants; i++)
        plan->assignments[i].cohort = -1;
    return plan;
}

int plan_add_cohort(Plan *plan, PlanCohort cohort)
{
    PlanCohort *c = realloc(plan->cohorts, (size_t)(plan->ncohorts + 1) * sizeof *c);
    if (!c)
        return -1;
    plan->cohorts = c;
    plan->cohorts[plan->ncohorts] = cohort;
    return plan->ncohorts++;
}

double plan_percent_up(double share, int decimals)
{
    if (!(share > 0.0))
        return 0.0;
    double unit = pow(10.0, decimals);
    /* 1e-9 of a unit off first: 0.021 is 2.1000000000000001 % in binary */
    return fmax(1.0, ceil(100.0 * share * unit - 1e-9)) / unit;
}

void plan_free(Plan *plan)
{
    if (!plan)
        return;
    for (int i = 0; i < plan->nassignments; i++) {
        free(plan->assignments[i].slots);
        free(plan->assignments[i].reason);
    }
    free(plan->assignments);
    free(plan->cohorts);
    free(plan);
}
