/*
 * extract.c — from column values back to a plan for every participant.
 *
 * Classes are integer counts, so individuals are handed out in input
 * order: the first x(k, c) members of class k join cohort c, and so on.
 * Placements are per (origin, track, start) demand: its participants, in
 * the same order, take the slot classes the PLACE columns chose. A pooled
 * slot class is finally split over its member slots by interval
 * partitioning: placements sorted by first week, each into the first
 * member slot with room in all its weeks. With constant room this never
 * fails (at each placement's first week fewer than Σ capacity places are
 * taken, and everything placed earlier started no later), see classes.h.
 */
#include "extract.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct PlaceItem {
    int participant;
    int pj;       /* placement-module position */
    int from, to; /* weeks */
} PlaceItem;

static int cmp_place_item(const void *a, const void *b)
{
    const PlaceItem *x = a, *y = b;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    if (x->to != y->to)
        return x->to < y->to ? -1 : 1;
    return x->participant < y->participant ? -1 : x->participant > y->participant;
}

static int count_placements(const Track *tr)
{
    int n = 0;
    for (int j = 0; j < tr->nmodules; j++)
        n += tr->modules[j].kind == MODULE_PLACEMENT;
    return n;
}

/* Splits the placements that chose pooled slot class k over its members. */
static int split_slot_class(const Model *m, Plan *plan, int k, PlaceItem *items, int nitems, char *err,
                            size_t errsz)
{
    const Scenario *s = m->s;
    const SlotClass *sc = &m->classes.sclasses[k];
    if (sc->count == 1) {
        for (int i = 0; i < nitems; i++)
            plan->assignments[items[i].participant].slots[items[i].pj] = sc->members[0];
        return 0;
    }
    size_t stride = (size_t)s->weeks + 1;
    int *used = calloc((size_t)sc->count * stride, sizeof *used);
    if (!used) {
        snprintf(err, errsz, "out of memory assigning slots");
        return -1;
    }
    qsort(items, (size_t)nitems, sizeof *items, cmp_place_item);
    for (int i = 0; i < nitems; i++) {
        int chosen = -1;
        for (int u = 0; u < sc->count && chosen < 0; u++) {
            const Slot *sl = &s->slots[sc->members[u]];
            int fits = 1;
            for (int w = items[i].from; w <= items[i].to && fits; w++)
                fits = used[(size_t)u * stride + (size_t)w] < sl->room[w];
            if (fits)
                chosen = u;
        }
        if (chosen < 0) {
            free(used);
            snprintf(err, errsz, "internal error: pooled slots could not be split (class %d)", k);
            return -1;
        }
        for (int w = items[i].from; w <= items[i].to; w++)
            used[(size_t)chosen * stride + (size_t)w]++;
        plan->assignments[items[i].participant].slots[items[i].pj] = sc->members[chosen];
    }
    free(used);
    return 0;
}

static int resolve_slots(const Model *m, Plan *plan, char *err, size_t errsz)
{
    const Scenario *s = m->s;
    int nsc = m->classes.nsclasses;
    int *count = calloc((size_t)nsc + 1, sizeof *count);
    int *first = calloc((size_t)nsc + 2, sizeof *first);
    if (!count || !first) {
        free(count);
        free(first);
        snprintf(err, errsz, "out of memory assigning slots");
        return -1;
    }
    for (int p = 0; p < plan->nassignments; p++)
        for (int j = 0; j < plan->assignments[p].nslots; j++)
            count[plan->assignments[p].slots[j]]++;
    for (int k = 0; k < nsc; k++)
        first[k + 1] = first[k] + count[k];
    PlaceItem *items = malloc((size_t)(first[nsc] ? first[nsc] : 1) * sizeof *items);
    if (!items) {
        free(count);
        free(first);
        snprintf(err, errsz, "out of memory assigning slots");
        return -1;
    }
    memset(count, 0, (size_t)nsc * sizeof *count);
    for (int p = 0; p < plan->nassignments; p++) {
        const PlanAssignment *a = &plan->assignments[p];
        if (a->cohort < 0)
            continue;
        const PlanCohort *pc = &plan->cohorts[a->cohort];
        const Track *tr = &s->tracks[pc->track];
        int pj = 0;
        for (int j = 0; j < tr->nmodules; j++) {
            const Module *mod = &tr->modules[j];
            if (mod->kind != MODULE_PLACEMENT)
                continue;
            int k = a->slots[pj];
            int from = pc->start + mod->offset;
            items[first[k] + count[k]++] = (PlaceItem){p, pj, from, from + mod->weeks - 1};
            pj++;
        }
    }
    int rc = 0;
    for (int k = 0; k < nsc && rc == 0; k++)
        rc = split_slot_class(m, plan, k, items + first[k], count[k], err, errsz);
    free(items);
    free(count);
    free(first);
    return rc;
}

/* Digits d ≤ 9 such that every assigned value is a multiple of 10^−d
 * (within a few units in the last place: the products priority × weight
 * × rank factor carry only binary noise), or −1 when there are none. */
static int assigned_value_digits(const Plan *plan)
{
    for (int d = 0; d <= 9; d++) {
        double scale = pow(10.0, d);
        int all = 1;
        for (int p = 0; p < plan->nassignments && all; p++) {
            if (plan->assignments[p].cohort < 0)
                continue;
            double v = plan->assignments[p].value * scale;
            all = fabs(v - nearbyint(v)) <= 8.0 * DBL_EPSILON * fmax(1.0, fabs(v));
        }
        if (all)
            return d;
    }
    return -1;
}

void plan_compute_totals(const Scenario *s, Plan *plan)
{
    plan->value = 0.0;
    long double value = 0.0L;
    plan->hosting_cost = 0.0;
    double travel = 0.0;
    for (int c = 0; c < plan->ncohorts; c++)
        plan->hosting_cost += plan->cohorts[c].groups * s->tracks[plan->cohorts[c].track].group_cost;
    for (int p = 0; p < plan->nassignments; p++) {
        PlanAssignment *a = &plan->assignments[p];
        const Participant *pt = &s->participants[p];
        if (a->cohort < 0) {
            a->cost = a->value = 0.0;
            continue;
        }
        const PlanCohort *pc = &plan->cohorts[a->cohort];
        const Track *tr = &s->tracks[pc->track];
        double cost = course_travel_cost(s, pt->home, pc->host, (int)a->travel, tr->course_weeks);
        int pj = 0;
        for (int j = 0; j < tr->nmodules; j++)
            if (tr->modules[j].kind == MODULE_PLACEMENT)
                cost += placement_travel_cost(s, pt->home, s->slots[a->slots[pj++]].municipality,
                                              tr->modules[j].weeks);
        a->cost = cost;
        a->value = participant_track_value(s, pt, pc->track);
        value += a->value;
        travel += cost;
    }
    plan->cost = plan->hosting_cost + travel;
    /* values are sums of short decimals (1 × 0.9 + …): the sum is put on
     * their grid, so 146.6 is written as 146.6, not 146.60000000000008,
     * and national 50 000's 16 679.5 not as 16 679.499999999 (rounding to
     * 1e-9 did that, and wrote 1.0000000008 as 1.000000001: fourth
     * audit); values with more decimals keep the extended-precision sum */
    int d = assigned_value_digits(plan);
    plan->value = (double)value;
    if (d >= 0) {
        /* kept only when it is the sum up to the noise of adding it up */
        long double scale = powl(10.0L, d);
        double on_grid = (double)(nearbyintl(value * scale) / scale);
        if (fabs(on_grid - plan->value) <= (plan->nassignments + 1.0) * DBL_EPSILON * fmax(1.0, fabs(plan->value)))
            plan->value = on_grid;
    }
}

int model_extract_plan(const Model *m, const double *x, Plan *plan, char *err, size_t errsz)
{
    const Scenario *s = m->s;
    long *plan_cohort = malloc((size_t)(m->ncohorts ? m->ncohorts : 1) * sizeof *plan_cohort);
    int *cursor = calloc((size_t)(m->classes.npclasses ? m->classes.npclasses : 1), sizeof *cursor);
    int *dcount = calloc((size_t)m->ndemands + 1, sizeof *dcount);
    int *dfirst = calloc((size_t)m->ndemands + 2, sizeof *dfirst);
    int *dmembers = NULL;
    int rc = -1;
    if (!plan_cohort || !cursor || !dcount || !dfirst) {
        snprintf(err, errsz, "out of memory reading the plan");
        goto done;
    }
    for (long c = 0; c < m->ncohorts; c++) {
        plan_cohort[c] = -1;
        if (m->groups_col[c] >= 0 && x[m->groups_col[c]] > 0.5) {
            const Cohort *co = &m->cohorts[c];
            plan_cohort[c] = plan_add_cohort(plan, (PlanCohort){co->track, co->host, co->start,
                                                                (int)nearbyint(x[m->groups_col[c]]), 0});
            if (plan_cohort[c] < 0)
                goto oom;
        }
    }
    /* participants into cohorts */
    for (int i = 0; i < m->npairs; i++) {
        const Pair *pr = &m->pairs[i];
        int n = (int)nearbyint(x[pr->col]);
        if (n <= 0)
            continue;
        const ParticipantClass *pc = &m->classes.pclasses[pr->pclass];
        const Cohort *co = &m->cohorts[pr->cohort];
        const Track *tr = &s->tracks[co->track];
        if (plan_cohort[pr->cohort] < 0) {
            if (tr->has_course) {
                snprintf(err, errsz, "internal error: participants in a cohort with no group");
                goto done;
            }
            plan_cohort[pr->cohort] = plan_add_cohort(plan, (PlanCohort){co->track, -1, co->start, 0, 0});
            if (plan_cohort[pr->cohort] < 0)
                goto oom;
        }
        if (cursor[pr->pclass] + n > pc->count) {
            snprintf(err, errsz, "internal error: class %d over-assigned", pr->pclass);
            goto done;
        }
        int nplace = count_placements(tr);
        for (int q = 0; q < n; q++) {
            int p = pc->members[cursor[pr->pclass]++];
            PlanAssignment *a = &plan->assignments[p];
            a->cohort = (int)plan_cohort[pr->cohort];
            a->travel = tr->has_course ? (TravelMode)pr->travel : TRAVEL_NONE;
            a->nslots = nplace;
            if (nplace) {
                a->slots = malloc((size_t)nplace * sizeof *a->slots);
                if (!a->slots)
                    goto oom;
                for (int j = 0; j < nplace; j++)
                    a->slots[j] = -1;
            }
            plan->cohorts[a->cohort].participants++;
            if (pr->demand >= 0)
                dcount[pr->demand]++;
        }
    }
    /* participants of each demand, in pair order */
    for (int d = 0; d < m->ndemands; d++)
        dfirst[d + 1] = dfirst[d] + dcount[d];
    dmembers = malloc((size_t)(dfirst[m->ndemands] ? dfirst[m->ndemands] : 1) * sizeof *dmembers);
    if (!dmembers)
        goto oom;
    memset(dcount, 0, ((size_t)m->ndemands + 1) * sizeof *dcount);
    memset(cursor, 0, (size_t)(m->classes.npclasses ? m->classes.npclasses : 1) * sizeof *cursor);
    for (int i = 0; i < m->npairs; i++) {
        const Pair *pr = &m->pairs[i];
        int n = (int)nearbyint(x[pr->col]);
        const ParticipantClass *pc = &m->classes.pclasses[pr->pclass];
        for (int q = 0; q < n; q++) {
            int p = pc->members[cursor[pr->pclass]++];
            if (pr->demand >= 0)
                dmembers[dfirst[pr->demand] + dcount[pr->demand]++] = p;
        }
    }
    /* slot classes for each placement module of each demand */
    for (int d = 0; d < m->ndemands; d++) {
        const Demand *de = &m->demands[d];
        const Track *tr = &s->tracks[de->track];
        int pj = 0;
        for (int j = 0; j < tr->nmodules; j++) {
            if (tr->modules[j].kind != MODULE_PLACEMENT)
                continue;
            int next = 0;
            for (int col = de->first_place_col; col < de->first_place_col + de->nplace_cols; col++) {
                const MipCol *mc = &m->mip.cols[col];
                if (mc->c != j)
                    continue;
                int n = (int)nearbyint(x[col]);
                for (int q = 0; q < n; q++) {
                    if (next >= dcount[d]) {
                        snprintf(err, errsz, "internal error: more placements than participants");
                        goto done;
                    }
                    plan->assignments[dmembers[dfirst[d] + next++]].slots[pj] = mc->b;
                }
            }
            if (next != dcount[d]) {
                snprintf(err, errsz, "internal error: %d of %d participants without a slot",
                         dcount[d] - next, dcount[d]);
                goto done;
            }
            pj++;
        }
    }
    if (resolve_slots(m, plan, err, errsz))
        goto done;
    plan_compute_totals(s, plan);
    rc = 0;
    goto done;
oom:
    snprintf(err, errsz, "out of memory reading the plan");
done:
    free(plan_cohort);
    free(cursor);
    free(dcount);
    free(dfirst);
    free(dmembers);
    return rc;
}
