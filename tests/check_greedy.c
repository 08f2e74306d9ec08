/*
 * check_greedy.c — solver/greedy.c: on every hand scenario of
 * tests/scenarios/NAME/ (base and the variants named in EXPECTED), in both
 * orders, the greedy plan passes an in-test verifier of SPEC §2 written from
 * the SPEC text (admissibility, travel rule, slots, per-week centre and slot
 * capacity, group sizes, budget), its totals add up, and its value is at
 * most the proven optimum in EXPECTED. Run from the repository root.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hand_scenarios.h"
#include "../solver/extract.h"
#include "../solver/greedy.h"
#include "../model/travel.h"

static int near_eq(double a, double b)
{
    return fabs(a - b) <= 1e-6 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

static double km_of(const Scenario *s, int a, int b)
{
    return a == b ? 0.0 : s->km[(size_t)a * (size_t)s->nmunicipalities + (size_t)b];
}

static double min_of(const Scenario *s, int a, int b)
{
    return a == b ? 0.0 : s->minutes[(size_t)a * (size_t)s->nmunicipalities + (size_t)b];
}

/* Verifies SPEC §2 from scratch; returns the number of violations and
 * prints each one. */
static int verify(const Scenario *s, const Plan *plan, const char *what)
{
    int bad = 0;
#define VIOL(...)                                                                                  \
    do {                                                                                           \
        fprintf(stderr, "%s: ", what);                                                             \
        fprintf(stderr, __VA_ARGS__);                                                              \
        fputc('\n', stderr);                                                                       \
        bad++;                                                                                     \
    } while (0)
    size_t W1 = (size_t)s->weeks + 1;
    int *count = calloc((size_t)plan->ncohorts + 1, sizeof *count);
    int *seats = calloc((size_t)s->nmunicipalities * W1, sizeof *seats);
    int *groups = calloc((size_t)s->nmunicipalities * W1, sizeof *groups);
    int *slot_use = calloc(((size_t)s->nslots + 1) * W1, sizeof *slot_use);
    ck_assert(count && seats && groups && slot_use);
    double value = 0.0, travel = 0.0, hosting = 0.0;
    for (int p = 0; p < s->nparticipants; p++) {
        const PlanAssignment *a = &plan->assignments[p];
        const Participant *pt = &s->participants[p];
        if (a->cohort < 0)
            continue;
        if (a->cohort >= plan->ncohorts) {
            VIOL("participant %s: cohort %d out of range", pt->id, a->cohort);
            continue;
        }
        const PlanCohort *c = &plan->cohorts[a->cohort];
        const Track *tr = &s->tracks[c->track];
        count[a->cohort]++;
        int rank = 1;
        if (pt->nprefs) {
            rank = 0;
            for (int i = 0; i < pt->nprefs; i++)
                if (pt->prefs[i] == c->track)
                    rank = i + 1;
            if (!rank) {
                VIOL("participant %s: track %s not in the list", pt->id, tr->id);
                continue;
            }
        }
        if (c->start < pt->earliest_week || c->start > pt->latest_week)
            VIOL("participant %s: start %d outside [%d,%d]", pt->id, c->start, pt->earliest_week,
                 pt->latest_week);
        double cost = 0.0;
        if (tr->has_course) {
            TravelMode want;
            double m = min_of(s, pt->home, c->host), k = km_of(s, pt->home, c->host);
            if (travel_within(m, pt->max_minutes))
                want = TRAVEL_COMMUTE;
            else if (pt->can_relocate && travel_within(k, s->travel.max_relocation_km))
                want = TRAVEL_RELOCATE;
            else {
                VIOL("participant %s: host %s out of reach", pt->id, s->municipalities[c->host].code);
                continue;
            }
            if (a->travel != want)
                VIOL("participant %s: travel %d, the rule says %d", pt->id, (int)a->travel, (int)want);
            if (!s->cooperation && c->host != pt->home)
                VIOL("participant %s: host is not home without cooperation", pt->id);
            double per_week = want == TRAVEL_RELOCATE
                                  ? s->travel.accommodation_per_week + 2 * k * s->travel.cost_per_km
                                  : 2 * k * s->travel.days_per_week * s->travel.cost_per_km;
            cost += per_week * tr->course_weeks;
        } else if (a->travel != TRAVEL_NONE) {
            VIOL("participant %s: travel without a course", pt->id);
        }
        int pj = 0;
        for (int j = 0; j < tr->nmodules; j++) {
            const Module *mod = &tr->modules[j];
            if (mod->kind != MODULE_PLACEMENT)
                continue;
            if (pj >= a->nslots) {
                VIOL("participant %s: too few slots", pt->id);
                break;
            }
            int k = a->slots[pj++];
            if (k < 0 || k >= s->nslots) {
                VIOL("participant %s: slot index %d", pt->id, k);
                continue;
            }
            const Slot *sl = &s->slots[k];
            int from = c->start + mod->offset, to = from + mod->weeks - 1;
            if (!sl->all_tracks && !sl->accepts[c->track])
                VIOL("participant %s: slot %s does not accept %s", pt->id, sl->id, tr->id);
            if (from < sl->from_week || to > sl->to_week)
                VIOL("participant %s: slot %s not open in weeks %d-%d", pt->id, sl->id, from, to);
            double m = min_of(s, pt->home, sl->municipality);
            if (!travel_within(m, pt->max_minutes))
                VIOL("participant %s: slot %s out of reach", pt->id, sl->id);
            if (!s->cooperation && sl->municipality != pt->home)
                VIOL("participant %s: slot %s away from home without cooperation", pt->id, sl->id);
            for (int w = from; w <= to; w++)
                slot_use[(size_t)k * W1 + (size_t)w]++;
            cost += 2 * km_of(s, pt->home, sl->municipality) * s->travel.days_per_week *
                    s->travel.cost_per_km * mod->weeks;
        }
        if (pj != a->nslots)
            VIOL("participant %s: %d slots for %d placement modules", pt->id, a->nslots, pj);
        double v = pt->priority * s->objective.group_weight[pt->group] *
                   fmax(0.0, 1.0 - s->objective.preference_step * (rank - 1));
        if (!near_eq(a->value, v))
            VIOL("participant %s: value %g, expected %g", pt->id, a->value, v);
        if (!near_eq(a->cost, cost))
            VIOL("participant %s: cost %g, expected %g", pt->id, a->cost, cost);
        value += v;
        travel += cost;
    }
    for (int ci = 0; ci < plan->ncohorts; ci++) {
        const PlanCohort *c = &plan->cohorts[ci];
        const Track *tr = &s->tracks[c->track];
        int n = count[ci];
        if (n != c->participants)
            VIOL("cohort %d: %d participants listed, %d assigned", ci, c->participants, n);
        if (n == 0)
            VIOL("cohort %d: opened without participants", ci);
        int k = c->start - tr->first_start;
        if (k < 0 || k % tr->start_every || c->start + tr->total_weeks - 1 > s->weeks)
            VIOL("cohort %d: start %d not admissible for %s", ci, c->start, tr->id);
        if (!tr->has_course) {
            if (c->host != -1 || c->groups != 0)
                VIOL("cohort %d: host-less track with host %d, groups %d", ci, c->host, c->groups);
            continue;
        }
        int ce = c->host >= 0 ? s->centre_of[c->host] : -1;
        if (ce < 0 || !(s->centres[ce].all_tracks || s->centres[ce].hosts[c->track])) {
            VIOL("cohort %d: host does not host %s", ci, tr->id);
            continue;
        }
        if (tr->min_group * c->groups > n || n > tr->max_group * c->groups)
            VIOL("cohort %d: %d participants in %d groups of %d-%d", ci, n, c->groups, tr->min_group,
                 tr->max_group);
        hosting += c->groups * tr->group_cost;
        for (int j = 0; j < tr->nmodules; j++) {
            const Module *mod = &tr->modules[j];
            if (mod->kind != MODULE_COURSE)
                continue;
            for (int w = c->start + mod->offset; w < c->start + mod->offset + mod->weeks; w++) {
                seats[(size_t)c->host * W1 + (size_t)w] += n;
                groups[(size_t)c->host * W1 + (size_t)w] += c->groups;
            }
        }
    }
    for (int ce = 0; ce < s->ncentres; ce++) {
        int h = s->centres[ce].municipality;
        for (int w = 1; w <= s->weeks; w++) {
            if (seats[(size_t)h * W1 + (size_t)w] > s->centres[ce].seats)
                VIOL("centre %s week %d: %d seats used of %d", s->municipalities[h].code, w,
                     seats[(size_t)h * W1 + (size_t)w], s->centres[ce].seats);
            if (groups[(size_t)h * W1 + (size_t)w] > s->centres[ce].max_groups)
                VIOL("centre %s week %d: %d groups of %d", s->municipalities[h].code, w,
                     groups[(size_t)h * W1 + (size_t)w], s->centres[ce].max_groups);
        }
    }
    for (int k = 0; k < s->nslots; k++)
        for (int w = 1; w <= s->weeks; w++)
            if (slot_use[(size_t)k * W1 + (size_t)w] > s->slots[k].room[w])
                VIOL("slot %s week %d: %d used, room %d", s->slots[k].id, w,
                     slot_use[(size_t)k * W1 + (size_t)w], s->slots[k].room[w]);
    if (!near_eq(plan->value, value))
        VIOL("plan value %g, participants add up to %g", plan->value, value);
    if (!near_eq(plan->hosting_cost, hosting))
        VIOL("hosting cost %g, cohorts add up to %g", plan->hosting_cost, hosting);
    if (!near_eq(plan->cost, hosting + travel))
        VIOL("plan cost %g, expected %g", plan->cost, hosting + travel);
    if (s->objective.has_max_cost && plan->cost > s->objective.max_cost + 1e-6 * fmax(1, s->objective.max_cost))
        VIOL("plan cost %g over max_cost %g", plan->cost, s->objective.max_cost);
    if (plan->status != PLAN_FEASIBLE || plan->bound != plan->value || plan->gap != 0.0)
        VIOL("status %d, bound %g, gap %g", (int)plan->status, plan->bound, plan->gap);
    free(count);
    free(seats);
    free(groups);
    free(slot_use);
    return bad;
#undef VIOL
}

/* Runs every order on one scenario (variant may be NULL), verifies, checks
 * value ≤ optimum; returns the best-value plan's value. */
static double run_both(const char *name, const char *variant, double optimum)
{
    static const GreedyOrder orders[] = {GREEDY_BEST_VALUE, GREEDY_GROSS_LIST, GREEDY_FEWEST_OPTIONS,
                                         GREEDY_MOST_OPTIONS, GREEDY_FEWEST_JOIN_OPEN};
    static const char *const order_names[] = {"best", "gross", "fewest", "most", "join-open"};
    Scenario *s = hand_load(name, variant);
    double best = 0.0;
    for (int o = 0; o < 5; o++) {
        GreedyOrder order = orders[o];
        char what[256];
        snprintf(what, sizeof what, "%s%s%s (%s)", name, variant ? "/" : "", variant ? variant : "",
                 order_names[o]);
        Plan *plan = NULL;
        ck_assert_int_eq(greedy_plan(s, order, &plan), 0);
        ck_assert_ptr_nonnull(plan);
        ck_assert_int_eq(plan->nassignments, s->nparticipants);
        ck_assert_msg(verify(s, plan, what) == 0, "%s: invalid plan", what);
        ck_assert_msg(plan->value <= optimum + 1e-6 * fmax(1, optimum), "%s: value %g beats the optimum %g",
                      what, plan->value, optimum);
        if (!o)
            best = plan->value;
        plan_free(plan);
    }
    scenario_free(s);
    return best;
}

static void run_both_on(const char *name, const char *variant, double optimum)
{
    run_both(name, variant, optimum);
}

START_TEST(test_hand_scenarios_valid)
{
    int n = hand_for_each(run_both_on, NULL);
    ck_assert_int_ge(n, 12);
}
END_TEST

/* Best value pools municipalities into one cohort to reach min_group. */
START_TEST(test_best_value_pools)
{
    ck_assert(near_eq(run_both("pooling", NULL, 3), 3));
}
END_TEST

/* Participants who each took a different cohort below min_group (and
 * were all released by repair) are gathered into the one cohort all of
 * them can reach (tests/scenarios/scatter: 0 before the gather phase). */
START_TEST(test_best_value_gathers)
{
    ck_assert(near_eq(run_both("scatter", NULL, 3), 3));
}
END_TEST

/* Among participants of equal value, the one with a single option goes
 * first in the fewest-options order and both are placed; in input order
 * the flexible one takes the only seat the other could use
 * (tests/scenarios/constrained). */
START_TEST(test_fewest_options_first)
{
    Scenario *s = hand_load("constrained", NULL);
    Plan *plan = NULL;
    ck_assert_int_eq(greedy_plan(s, GREEDY_FEWEST_OPTIONS, &plan), 0);
    ck_assert(near_eq(plan->value, 2));
    ck_assert(verify(s, plan, "constrained (fewest)") == 0);
    plan_free(plan);
    ck_assert_int_eq(greedy_plan(s, GREEDY_BEST_VALUE, &plan), 0);
    ck_assert(near_eq(plan->value, 1));
    plan_free(plan);
    scenario_free(s);
}
END_TEST

/* Best value puts heavier participants first when the centre is full. */
START_TEST(test_best_value_weights_first)
{
    ck_assert(near_eq(run_both("weights", NULL, 9), 9));
    ck_assert(near_eq(run_both("full_centre", NULL, 14), 14));
}
END_TEST

/* With a budget the plan stays within max_cost. */
START_TEST(test_budget_respected)
{
    Scenario *s = hand_load("budget", NULL);
    ck_assert(s->objective.has_max_cost);
    for (int o = 0; o < 2; o++) {
        Plan *plan = NULL;
        ck_assert_int_eq(greedy_plan(s, o ? GREEDY_GROSS_LIST : GREEDY_BEST_VALUE, &plan), 0);
        ck_assert(plan->cost <= s->objective.max_cost + 1e-9);
        plan_free(plan);
    }
    scenario_free(s);
}
END_TEST

/* Same input, same plan. */
START_TEST(test_deterministic)
{
    Scenario *s = hand_load("preferences", NULL);
    Plan *a = NULL, *b = NULL;
    ck_assert_int_eq(greedy_plan(s, GREEDY_BEST_VALUE, &a), 0);
    ck_assert_int_eq(greedy_plan(s, GREEDY_BEST_VALUE, &b), 0);
    ck_assert_int_eq(a->ncohorts, b->ncohorts);
    ck_assert_mem_eq(a->cohorts, b->cohorts, (size_t)a->ncohorts * sizeof *a->cohorts);
    for (int p = 0; p < a->nassignments; p++) {
        ck_assert_int_eq(a->assignments[p].cohort, b->assignments[p].cohort);
        ck_assert_int_eq(a->assignments[p].nslots, b->assignments[p].nslots);
        for (int j = 0; j < a->assignments[p].nslots; j++)
            ck_assert_int_eq(a->assignments[p].slots[j], b->assignments[p].slots[j]);
    }
    plan_free(a);
    plan_free(b);
    scenario_free(s);
}
END_TEST

/* The in-test verifier itself notices broken plans. */
START_TEST(test_verifier_catches_mutations)
{
    Scenario *s = hand_load("pooling", NULL);
    Plan *plan = NULL;
    ck_assert_int_eq(greedy_plan(s, GREEDY_BEST_VALUE, &plan), 0);
    ck_assert_int_gt(plan->ncohorts, 0);
    fputs("(expected violations follow)\n", stderr);
    int groups = plan->cohorts[0].groups;
    plan->cohorts[0].groups = 0;
    ck_assert_int_gt(verify(s, plan, "mutated groups"), 0);
    plan->cohorts[0].groups = groups;
    plan->cohorts[0].start += 1;
    ck_assert_int_gt(verify(s, plan, "mutated start"), 0);
    plan->cohorts[0].start -= 1;
    plan->value += 1;
    ck_assert_int_gt(verify(s, plan, "mutated value"), 0);
    plan->value -= 1;
    ck_assert_int_eq(verify(s, plan, "restored"), 0);
    plan_free(plan);
    scenario_free(s);
}
END_TEST

/* The greedy search (solver/greedy_search.c) from a greedy order: valid,
 * never below that greedy's value nor above its cost at equal value, and
 * never above the optimum. */
static void search_on(const char *name, const char *variant, double optimum)
{
    static const GreedyOrder orders[] = {GREEDY_BEST_VALUE, GREEDY_FEWEST_JOIN_OPEN};
    Scenario *s = hand_load(name, variant);
    for (int o = 0; o < 2; o++) {
        char what[256];
        snprintf(what, sizeof what, "%s%s%s (search, order %d)", name, variant ? "/" : "", variant ? variant : "", o);
        Plan *plain = NULL, *searched = NULL;
        GreedySearchStats st;
        ck_assert_int_eq(greedy_plan(s, orders[o], &plain), 0);
        /* 0.02 s, longer only when a loaded machine left no time for a
         * step after the start plan (once, with both cores busy) */
        for (double t = 0.02;; t *= 4) {
            ck_assert_int_eq(greedy_search(s, orders[o], t, 7, &searched, &st), 0);
            if (st.steps > 0 || s->ncentres == 0 || t > 1.0)
                break;
            plan_free(searched);
        }
        ck_assert_msg(verify(s, searched, what) == 0, "%s: invalid plan", what);
        ck_assert_msg(searched->value >= plain->value - 1e-9, "%s: value %g below the greedy's %g", what,
                      searched->value, plain->value);
        if (searched->value <= plain->value + 1e-9)
            ck_assert_msg(searched->cost <= plain->cost + 1e-6 * fmax(1.0, plain->cost),
                          "%s: cost %g above the greedy's %g at equal value", what, searched->cost, plain->cost);
        ck_assert_msg(searched->value <= optimum + 1e-6 * fmax(1, optimum), "%s: value %g beats the optimum %g",
                      what, searched->value, optimum);
        ck_assert_int_ge(st.steps, s->ncentres > 0 ? 1 : 0); /* no centre, no step */
        ck_assert_int_le(st.kept, st.steps);
        plan_free(plain);
        plan_free(searched);
    }
    scenario_free(s);
}

START_TEST(test_search_valid_never_worse)
{
    ck_assert_int_ge(hand_for_each(search_on, NULL), 12);
}
END_TEST

/* In tests/scenarios/constrained the best-value order lets the flexible
 * participant take the seat the other needs (value 1 of 2); emptying that
 * cohort and letting both join again, the constrained one first as often
 * as not, finds the optimum. */
START_TEST(test_search_finds_constrained_optimum)
{
    Scenario *s = hand_load("constrained", NULL);
    Plan *plan = NULL;
    GreedySearchStats st;
    ck_assert_int_eq(greedy_search(s, GREEDY_BEST_VALUE, 0.5, 1, &plan, &st), 0);
    ck_assert(near_eq(st.start_value, 1));
    ck_assert(near_eq(plan->value, 2));
    ck_assert(verify(s, plan, "constrained (search)") == 0);
    plan_free(plan);
    /* the live value (read by the bound alongside the search) follows
     * the plan up to its end value */
    LiveShare live = {0.0, 0, HUGE_VAL, 0.0, -1.0, 0};
    ck_assert_int_eq(greedy_search_live(s, GREEDY_BEST_VALUE, 0.5, 1, &live, &plan, &st), 0);
    ck_assert(near_eq(plan->value, 2));
    ck_assert(near_eq(live.value, 2));
    plan_free(plan);
    /* a bound within the gap (live.enough) stops it before its first step */
    live.enough = 1;
    ck_assert_int_eq(greedy_search_live(s, GREEDY_BEST_VALUE, 0.5, 1, &live, &plan, &st), 0);
    ck_assert_int_eq(st.steps, 0);
    ck_assert(near_eq(plan->value, 1));
    ck_assert(st.seconds < 0.4);
    plan_free(plan);
    /* a bound known beforehand: the start (1) within 60 % of a bound of 2
     * stops it at once; not within 40 %, and the search reaches 2 */
    live = (LiveShare){0.0, 0, 2.0, 0.6, -1.0, 0};
    ck_assert_int_eq(greedy_search_live(s, GREEDY_BEST_VALUE, 0.5, 1, &live, &plan, &st), 0);
    ck_assert_int_eq(st.steps, 0);
    ck_assert(near_eq(plan->value, 1));
    plan_free(plan);
    live = (LiveShare){0.0, 0, 2.0, 0.4, -1.0, 0};
    ck_assert_int_eq(greedy_search_live(s, GREEDY_BEST_VALUE, 0.5, 1, &live, &plan, &st), 0);
    ck_assert_int_gt(st.steps, 0);
    ck_assert(near_eq(plan->value, 2));
    plan_free(plan);
    /* without a gap, reaching the bound is a proof: the search stops
     * there and does not spend its 20 s lowering the cost (capb spent
     * 178 of 300 s so); a start already at the bound takes no step */
    /* no bound known, the bound beside it done (bound_done): a search
     * whose value stopped rising gives level 1 back after as long as its
     * gains took, and at least 5 s (greedy_search.c SEARCH_STALL_MIN_S),
     * not its whole 20 s */
    live = (LiveShare){0.0, 0, HUGE_VAL, 0.0, -1.0, 1};
    ck_assert_int_eq(greedy_search_live(s, GREEDY_BEST_VALUE, 20.0, 1, &live, &plan, &st), 0);
    ck_assert(near_eq(plan->value, 2));
    ck_assert(st.seconds >= 4.9 && st.seconds < 15.0);
    plan_free(plan);
    live = (LiveShare){0.0, 0, 2.0, 0.0, -1.0, 0};
    ck_assert_int_eq(greedy_search_live(s, GREEDY_BEST_VALUE, 20.0, 1, &live, &plan, &st), 0);
    ck_assert_int_gt(st.steps, 0);
    ck_assert(near_eq(plan->value, 2));
    ck_assert(st.seconds < 10.0);
    ck_assert_int_eq(live.enough, 1);
    plan_free(plan);
    live = (LiveShare){0.0, 0, 1.0, 0.0, -1.0, 0};
    ck_assert_int_eq(greedy_search_live(s, GREEDY_BEST_VALUE, 20.0, 1, &live, &plan, &st), 0);
    ck_assert_int_eq(st.steps, 0);
    ck_assert(near_eq(plan->value, 1));
    plan_free(plan);
    scenario_free(s);
}
END_TEST

/* Searching for no time gives the greedy plan itself. */
START_TEST(test_search_zero_time_is_greedy)
{
    Scenario *s = hand_load("preferences", NULL);
    Plan *a = NULL, *b = NULL;
    ck_assert_int_eq(greedy_plan(s, GREEDY_FEWEST_JOIN_OPEN, &a), 0);
    ck_assert_int_eq(greedy_search(s, GREEDY_FEWEST_JOIN_OPEN, 0.0, 1, &b, NULL), 0);
    ck_assert_int_eq(a->ncohorts, b->ncohorts);
    for (int p = 0; p < a->nassignments; p++)
        ck_assert_int_eq(a->assignments[p].cohort, b->assignments[p].cohort);
    ck_assert(near_eq(a->cost, b->cost));
    plan_free(a);
    plan_free(b);
    scenario_free(s);
}
END_TEST

/* The plan's value is the sum of its members' values put on their
 * decimal grid, or the exact sum when they have more than nine decimals
 * (solver/extract.c; the fourth audit saw 16 679.5 written as
 * 16679.499999999 and 1.0000000008 as 1.000000001). */
START_TEST(test_plan_value_on_the_grid)
{
    Scenario *s = hand_load("pooling", NULL);
    Plan *plan = NULL;
    ck_assert_int_eq(greedy_plan(s, GREEDY_BEST_VALUE, &plan), 0);
    ck_assert(near_eq(plan->value, 3));
    static const double grid[3] = {0.1, 0.2, 0.3}, fine[3] = {4e-10, 1.0000000004, 1.0};
    for (int p = 0; p < 3; p++)
        s->participants[p].priority = grid[p];
    plan_compute_totals(s, plan);
    ck_assert(plan->value == 0.6); /* 0.1 + 0.2 + 0.3 is 0.6000000000000001 in binary */
    for (int p = 0; p < 3; p++)
        s->participants[p].priority = fine[p];
    plan_compute_totals(s, plan);
    ck_assert_msg(fabs(plan->value - 2.0000000008) < 1e-15, "value %.17g", plan->value);
    /* large values with a small fraction are no grid of whole numbers
     * (review: 20 × 1000.0000000005 was written 20000) */
    for (int p = 0; p < 3; p++)
        s->participants[p].priority = 1000.0000000005;
    plan_compute_totals(s, plan);
    ck_assert_msg(fabs(plan->value - 3000.0000000015) < 1e-11, "value %.17g", plan->value);
    plan_free(plan);
    scenario_free(s);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("greedy");
    TCase *tc = tcase_create("plans");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_hand_scenarios_valid);
    tcase_add_test(tc, test_best_value_pools);
    tcase_add_test(tc, test_best_value_gathers);
    tcase_add_test(tc, test_fewest_options_first);
    tcase_add_test(tc, test_best_value_weights_first);
    tcase_add_test(tc, test_budget_respected);
    tcase_add_test(tc, test_deterministic);
    tcase_add_test(tc, test_verifier_catches_mutations);
    tcase_add_test(tc, test_search_valid_never_worse);
    tcase_add_test(tc, test_search_finds_constrained_optimum);
    tcase_add_test(tc, test_search_zero_time_is_greedy);
    tcase_add_test(tc, test_plan_value_on_the_grid);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
