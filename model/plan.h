/*
 * plan.h — a plan: which cohorts open with how many groups, and where each
 * participant goes (SPEC §2). Produced by solver/, written by io/plan_write.c,
 * independent of GLPK.
 *
 * Invariant: every assigned participant's cohort index is valid, its slots
 * array has one entry per placement module of the cohort's track (module
 * order), and the plan satisfies SPEC §2 (checked by tests/plan_check).
 */
#ifndef SAMPLAN_PLAN_H
#define SAMPLAN_PLAN_H

#include "scenario.h"

/* SPEC §2's value allowance: the least-cost level may choose any plan of
 * value ≥ V* − plan_value_allowance(V*), V* the best value. The one
 * place the rule is written (solver/ floors and shares it, reasons.c
 * names it). */
static inline double plan_value_allowance(double best_value)
{
    return 1e-6 * (best_value > 1.0 ? best_value : 1.0);
}

typedef enum PlanStatus {
    PLAN_OPTIMAL,    /* both levels proven */
    PLAN_FEASIBLE,   /* stopped by a limit, gap or Ctrl-C, with a plan */
    PLAN_INFEASIBLE,
    PLAN_ERROR
} PlanStatus;

extern const char *const plan_status_names[]; /* "optimal", "feasible", … */

typedef enum TravelMode { TRAVEL_NONE, TRAVEL_COMMUTE, TRAVEL_RELOCATE } TravelMode;

typedef struct PlanCohort {
    int track;        /* index into tracks */
    int host;         /* municipality index, −1 for host-less tracks */
    int start;        /* start week */
    int groups;       /* g_c; 0 for host-less tracks */
    int participants; /* n_c */
} PlanCohort;

typedef struct PlanAssignment {
    int cohort;       /* index into Plan.cohorts, −1 when unassigned */
    TravelMode travel;
    int *slots;       /* owned; [nslots] slot index per placement module, in module order */
    int nslots;
    double cost;      /* travel and accommodation of this participant, SEK */
    double value;     /* this participant's contribution to the plan value */
    char *reason;     /* owned; why unassigned (NULL when assigned) */
} PlanAssignment;

typedef struct Plan {
    PlanStatus status;
    double value, cost;
    double bound;     /* best proven upper bound on the value */
    double gap;       /* (bound − value) / max(1, |bound|) */
    double cost_bound; /* proven lower bound on the least cost (SPEC §2's
                          second level); the cost itself when optimal;
                          NAN when none but the trivial 0 is known
                          (solver/parts.h parts_cost_bound) */
    double cost_gap;  /* (cost − cost_bound) / max(1, cost): the share of
                         the cost a better plan could at most save; NAN
                         without a cost bound */
    double seconds;   /* wall time of the command, filled by the caller */
    double clock_start; /* CLOCK_MONOTONIC seconds when the command began, or
                           0: plan_write then brings `seconds` up to the moment
                           summary.json is written, the last file (SPEC §3:
                           "wall time of the whole command") */
    double hosting_cost; /* Σ g_c × group cost */
    PlanCohort *cohorts;  /* owned; opened cohorts only (groups > 0 or participants > 0) */
    int ncohorts;
    PlanAssignment *assignments; /* owned; [nparticipants], same order as the scenario */
    int nassignments;
} Plan;

/* Allocates an empty plan for n participants, everyone unassigned.
 * Returns NULL on out-of-memory. */
Plan *plan_new(int nparticipants);

/* Appends a cohort, returns its index or −1 on out-of-memory. */
int plan_add_cohort(Plan *plan, PlanCohort cohort);

/* Frees the plan; accepts NULL. */
void plan_free(Plan *plan);

/* 1 for a plan whose value is proven the best (gap 0) but whose least
 * cost is not: `feasible` then means the cost level stopped early, which
 * the summary and report.md say in words. */
static inline int plan_only_cost_unproven(const Plan *plan)
{
    return plan->status == PLAN_FEASIBLE && plan->gap == 0.0;
}

/* A share (0.1 = 10 %) as a percentage rounded UP to `decimals` places,
 * at least one unit of the last place when the share is positive: what
 * is said as "at most" then stays true (review, thirty-seventh session:
 * a proven 10.0126 % read "at most 10 %"). */
double plan_percent_up(double share, int decimals);

#endif
