/*
 * plan_tables.c — assignments.csv, schedule.csv, placements.csv (see
 * plan_tables.h; columns in SPEC §3, in exactly that order).
 */
#include "plan_tables.h"

#include <stdlib.h>
#include <string.h>

#include "csv_write.h"

static int assigned_cohort(const Plan *plan, int i)
{
    int c = plan->assignments[i].cohort;
    return c >= 0 && c < plan->ncohorts ? c : -1;
}

const char *travel_mode_name(TravelMode m)
{
    switch (m) {
    case TRAVEL_COMMUTE:
        return "commute";
    case TRAVEL_RELOCATE:
        return "relocate";
    default:
        return NULL;
    }
}

TravelMode plan_travel_of(const Scenario *s, const Plan *plan, int i)
{
    int c = assigned_cohort(plan, i);
    if (c < 0)
        return TRAVEL_NONE;
    const PlanCohort *pc = &plan->cohorts[c];
    if (pc->host < 0 || !s->tracks[pc->track].has_course)
        return TRAVEL_NONE;
    TravelMode m = plan->assignments[i].travel;
    if (m != TRAVEL_NONE)
        return m;
    const Participant *p = &s->participants[i];
    double min = scenario_minutes(s, p->home, pc->host);
    if (pc->host == p->home || (min >= 0 && min <= p->max_minutes))
        return TRAVEL_COMMUTE;
    return TRAVEL_RELOCATE;
}

int *plan_cohort_sizes(const Plan *plan)
{
    int *n = calloc(plan->ncohorts > 0 ? (size_t)plan->ncohorts : 1, sizeof *n);
    if (!n)
        return NULL;
    for (int i = 0; i < plan->nassignments; i++) {
        int c = assigned_cohort(plan, i);
        if (c >= 0)
            n[c]++;
    }
    return n;
}

static const Scenario *order_s;
static const Plan *order_p;

static int cohort_cmp(const void *a, const void *b)
{
    const PlanCohort *x = &order_p->cohorts[*(const int *)a];
    const PlanCohort *y = &order_p->cohorts[*(const int *)b];
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->track != y->track)
        return x->track < y->track ? -1 : 1;
    if (x->host != y->host) {
        if (x->host < 0 || y->host < 0)
            return x->host < y->host ? -1 : 1;
        int c = strcmp(order_s->municipalities[x->host].code,
                       order_s->municipalities[y->host].code);
        if (c)
            return c;
    }
    return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b);
}

int *plan_cohort_order(const Scenario *s, const Plan *plan)
{
    int *order = malloc(plan->ncohorts > 0 ? (size_t)plan->ncohorts * sizeof *order : 1);
    if (!order)
        return NULL;
    for (int c = 0; c < plan->ncohorts; c++)
        order[c] = c;
    order_s = s;
    order_p = plan;
    qsort(order, (size_t)plan->ncohorts, sizeof *order, cohort_cmp);
    order_s = NULL;
    order_p = NULL;
    return order;
}

/* The slot ids of an assignment joined by ';' (a newly allocated string). */
static char *join_slots(const Scenario *s, const PlanAssignment *a)
{
    size_t len = 1;
    for (int k = 0; k < a->nslots; k++)
        if (a->slots[k] >= 0 && a->slots[k] < s->nslots)
            len += strlen(s->slots[a->slots[k]].id) + 1;
    char *out = malloc(len);
    if (!out)
        return NULL;
    size_t n = 0;
    for (int k = 0; k < a->nslots; k++) {
        int sl = a->slots[k];
        if (sl < 0 || sl >= s->nslots)
            continue;
        if (n > 0)
            out[n++] = ';';
        size_t l = strlen(s->slots[sl].id);
        memcpy(out + n, s->slots[sl].id, l);
        n += l;
    }
    out[n] = '\0';
    return out;
}

int plan_write_assignments(const Scenario *s, const Plan *plan,
                           const char *const *reasons, FILE *f)
{
    csv_header(f, "participant,status,track,rank,host,start_week,end_week,travel,slots,cost,reason");
    CsvOut o = {f, 0};
    for (int i = 0; i < s->nparticipants; i++) {
        const Participant *p = &s->participants[i];
        int c = i < plan->nassignments ? assigned_cohort(plan, i) : -1;
        csv_str(&o, p->id);
        if (c < 0) {
            csv_str(&o, "unassigned");
            for (int k = 0; k < 7; k++) /* track … slots */
                csv_empty(&o);
            csv_real(&o, 0.0); /* cost */
            csv_str(&o, reasons ? reasons[i] : NULL);
            csv_end(&o);
            continue;
        }
        const PlanAssignment *a = &plan->assignments[i];
        const PlanCohort *pc = &plan->cohorts[c];
        const Track *t = &s->tracks[pc->track];
        csv_str(&o, "assigned");
        csv_str(&o, t->id);
        csv_int(&o, participant_track_rank(p, pc->track));
        csv_str(&o, pc->host >= 0 ? s->municipalities[pc->host].code : NULL);
        csv_int(&o, pc->start);
        csv_int(&o, pc->start + t->total_weeks - 1);
        csv_str(&o, travel_mode_name(plan_travel_of(s, plan, i)));
        char *ids = join_slots(s, a);
        if (!ids)
            return -1;
        csv_str(&o, ids);
        free(ids);
        csv_real(&o, a->cost);
        csv_empty(&o);
        csv_end(&o);
    }
    return 0;
}

void plan_write_schedule(const Scenario *s, const Plan *plan, const int *sizes,
                         const int *order, FILE *f)
{
    csv_header(f, "track,host,start_week,seq,module,kind,from_week,to_week,groups,participants");
    CsvOut o = {f, 0};
    for (int k = 0; k < plan->ncohorts; k++) {
        int c = order ? order[k] : k;
        const PlanCohort *pc = &plan->cohorts[c];
        int n = sizes ? sizes[c] : pc->participants;
        if (pc->groups <= 0 && n <= 0)
            continue;
        const Track *t = &s->tracks[pc->track];
        for (int m = 0; m < t->nmodules; m++) {
            const Module *mo = &t->modules[m];
            int from = pc->start + mo->offset;
            csv_str(&o, t->id);
            csv_str(&o, pc->host >= 0 ? s->municipalities[pc->host].code : NULL);
            csv_int(&o, pc->start);
            csv_int(&o, m + 1);
            csv_str(&o, mo->name);
            csv_str(&o, mo->kind == MODULE_COURSE ? "course" : "placement");
            csv_int(&o, from);
            csv_int(&o, from + mo->weeks - 1);
            csv_int(&o, pc->host >= 0 ? pc->groups : 0);
            csv_int(&o, n);
            csv_end(&o);
        }
    }
}

void plan_write_placements(const Scenario *s, const Plan *plan, FILE *f)
{
    csv_header(f, "slot,participant,track,from_week,to_week");
    CsvOut o = {f, 0};
    for (int i = 0; i < s->nparticipants && i < plan->nassignments; i++) {
        int c = assigned_cohort(plan, i);
        if (c < 0)
            continue;
        const PlanAssignment *a = &plan->assignments[i];
        const PlanCohort *pc = &plan->cohorts[c];
        const Track *t = &s->tracks[pc->track];
        int k = 0;
        for (int m = 0; m < t->nmodules; m++) {
            const Module *mo = &t->modules[m];
            if (mo->kind != MODULE_PLACEMENT)
                continue;
            int sl = k < a->nslots ? a->slots[k] : -1;
            k++;
            if (sl < 0 || sl >= s->nslots)
                continue;
            int from = pc->start + mo->offset;
            csv_str(&o, s->slots[sl].id);
            csv_str(&o, s->participants[i].id);
            csv_str(&o, t->id);
            csv_int(&o, from);
            csv_int(&o, from + mo->weeks - 1);
            csv_end(&o);
        }
    }
}
