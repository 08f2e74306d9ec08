/*
 * start.c — mapping a plan onto the program's columns (see start.h): the
 * inverse of solver/extract.c. Participants count in their class's x,
 * groups and sizes per cohort, and each placement in the PLACE column of
 * its demand, module and slot class.
 */
#include "start.h"

#include <stdlib.h>
#include <string.h>

static long find_cohort(const Model *m, int track, int host, int start)
{
    for (long c = 0; c < m->ncohorts; c++) {
        const Cohort *co = &m->cohorts[c];
        if (co->track == track && co->host == host && co->start == start)
            return c;
    }
    return -1;
}

int model_columns_from_plan(const Model *m, const Plan *plan, double *x)
{
    const Scenario *s = m->s;
    memset(x, 0, (size_t)m->mip.ncols * sizeof *x);
    long *model_cohort = malloc((size_t)(plan->ncohorts ? plan->ncohorts : 1) * sizeof *model_cohort);
    int *slot_class = malloc((size_t)(s->nslots ? s->nslots : 1) * sizeof *slot_class);
    int *class_first = malloc((size_t)(m->classes.npclasses + 1) * sizeof *class_first);
    int rc = -1;
    if (!model_cohort || !slot_class || !class_first)
        goto done;
    for (int c = 0; c < plan->ncohorts; c++) {
        const PlanCohort *pc = &plan->cohorts[c];
        model_cohort[c] = find_cohort(m, pc->track, pc->host, pc->start);
        if (model_cohort[c] < 0)
            goto done;
        long mc = model_cohort[c];
        if (s->tracks[pc->track].has_course) {
            if (m->groups_col[mc] < 0)
                goto done;
            x[m->groups_col[mc]] = pc->groups;
            x[m->size_col[mc]] = pc->participants;
        }
    }
    for (int i = 0; i < s->nslots; i++)
        slot_class[i] = -1;
    for (int k = 0; k < m->classes.nsclasses; k++)
        for (int u = 0; u < m->classes.sclasses[k].count; u++)
            slot_class[m->classes.sclasses[k].members[u]] = k;
    /* pairs are grouped by class: index the first pair of each class */
    for (int k = 0; k <= m->classes.npclasses; k++)
        class_first[k] = m->npairs;
    for (int i = m->npairs - 1; i >= 0; i--)
        class_first[m->pairs[i].pclass] = i;
    for (int p = 0; p < plan->nassignments; p++) {
        const PlanAssignment *a = &plan->assignments[p];
        if (a->cohort < 0)
            continue;
        int k = m->classes.class_of[p];
        long mc = model_cohort[a->cohort];
        const Pair *pr = NULL;
        for (int i = class_first[k]; i < m->npairs && m->pairs[i].pclass == k; i++)
            if (m->pairs[i].cohort == mc) {
                pr = &m->pairs[i];
                break;
            }
        if (!pr)
            goto done;
        x[pr->col] += 1.0;
        if (pr->demand < 0)
            continue;
        const Demand *d = &m->demands[pr->demand];
        const Track *tr = &s->tracks[d->track];
        int pj = 0;
        for (int j = 0; j < tr->nmodules; j++) {
            if (tr->modules[j].kind != MODULE_PLACEMENT)
                continue;
            if (pj >= a->nslots)
                goto done;
            int sc = slot_class[a->slots[pj++]];
            int found = -1;
            for (int col = d->first_place_col; col < d->first_place_col + d->nplace_cols; col++)
                if (m->mip.cols[col].c == j && m->mip.cols[col].b == sc) {
                    found = col;
                    break;
                }
            if (found < 0)
                goto done;
            x[found] += 1.0;
        }
    }
    /* the start must lie within the columns' bounds */
    for (int j = 0; j < m->mip.ncols; j++)
        if (x[j] < m->mip.cols[j].lb - 1e-9 || x[j] > m->mip.cols[j].ub + 1e-9)
            goto done;
    rc = 0;
done:
    free(model_cohort);
    free(slot_class);
    free(class_first);
    return rc;
}
