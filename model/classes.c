/*
 * classes.c — grouping of interchangeable participants and slots (see
 * classes.h for why each grouping is exact). Sorting makes equal keys
 * adjacent: O(n log n) in participants and slots.
 */
#include "classes.h"

#include <stdlib.h>
#include <string.h>

/* qsort has no context argument; grouping runs single-threaded. */
static const Scenario *sort_scenario;

static double base_value(const Scenario *s, const Participant *p)
{
    return p->priority * s->objective.group_weight[p->group];
}

static int cmp_int(int a, int b) { return (a > b) - (a < b); }
static int cmp_double(double a, double b) { return (a > b) - (a < b); }

static int participant_key_cmp(const void *pa, const void *pb)
{
    const Scenario *s = sort_scenario;
    int ia = *(const int *)pa, ib = *(const int *)pb;
    const Participant *a = &s->participants[ia], *b = &s->participants[ib];
    int c;
    if ((c = cmp_int(a->home, b->home)) || (c = cmp_double(a->max_minutes, b->max_minutes)) ||
        (c = cmp_int(a->nprefs, b->nprefs)) || (c = cmp_int(a->earliest_week, b->earliest_week)) ||
        (c = cmp_int(a->latest_week, b->latest_week)) ||
        (c = cmp_int(a->can_relocate, b->can_relocate)) ||
        (c = cmp_double(base_value(s, a), base_value(s, b))))
        return c;
    for (int i = 0; i < a->nprefs; i++)
        if ((c = cmp_int(a->prefs[i], b->prefs[i])))
            return c;
    return cmp_int(ia, ib); /* stable: members stay in input order */
}

static int same_participant_class(const Scenario *s, int ia, int ib)
{
    const Participant *a = &s->participants[ia], *b = &s->participants[ib];
    if (a->home != b->home || a->max_minutes != b->max_minutes || a->nprefs != b->nprefs ||
        a->earliest_week != b->earliest_week || a->latest_week != b->latest_week ||
        a->can_relocate != b->can_relocate || base_value(s, a) != base_value(s, b))
        return 0;
    return a->nprefs == 0 || memcmp(a->prefs, b->prefs, (size_t)a->nprefs * sizeof *a->prefs) == 0;
}

int slot_accepts(const Scenario *s, int slot, int t)
{
    return s->slots[slot].all_tracks || s->slots[slot].accepts[t];
}

static int slot_room_constant(const Slot *sl)
{
    for (int w = sl->from_week; w <= sl->to_week; w++)
        if (sl->room[w] != sl->capacity)
            return 0;
    return 1;
}

static int slot_has_room(const Scenario *s, const Slot *sl)
{
    (void)s;
    for (int w = sl->from_week; w <= sl->to_week; w++)
        if (sl->room[w] > 0)
            return 1;
    return 0;
}

static int same_slot_class(const Scenario *s, int ia, int ib)
{
    const Slot *a = &s->slots[ia], *b = &s->slots[ib];
    if (a->municipality != b->municipality || a->from_week != b->from_week ||
        a->to_week != b->to_week || a->all_tracks != b->all_tracks)
        return 0;
    if (!slot_room_constant(a) || !slot_room_constant(b))
        return 0;
    return a->all_tracks || memcmp(a->accepts, b->accepts, (size_t)s->ntracks) == 0;
}

static int slot_key_cmp(const void *pa, const void *pb)
{
    const Scenario *s = sort_scenario;
    int ia = *(const int *)pa, ib = *(const int *)pb;
    const Slot *a = &s->slots[ia], *b = &s->slots[ib];
    int c;
    if ((c = cmp_int(a->municipality, b->municipality)) || (c = cmp_int(a->from_week, b->from_week)) ||
        (c = cmp_int(a->to_week, b->to_week)) || (c = cmp_int(a->all_tracks, b->all_tracks)))
        return c;
    if (!a->all_tracks && (c = memcmp(a->accepts, b->accepts, (size_t)s->ntracks)))
        return c;
    return cmp_int(ia, ib);
}

static int add_origin(Classes *c, int home, double max_minutes)
{
    for (int i = c->norigins - 1; i >= 0; i--)
        if (c->origins[i].home == home && c->origins[i].max_minutes == max_minutes)
            return i;
    return -2; /* caller appends */
}

static int build_participant_classes(const Scenario *s, int aggregate, Classes *c)
{
    int n = s->nparticipants;
    int *order = malloc((size_t)(n > 0 ? n : 1) * sizeof *order);
    c->class_of = malloc((size_t)(n > 0 ? n : 1) * sizeof *c->class_of);
    c->pclasses = calloc((size_t)(n > 0 ? n : 1), sizeof *c->pclasses);
    c->origins = calloc((size_t)(n > 0 ? n : 1), sizeof *c->origins);
    if (!order || !c->class_of || !c->pclasses || !c->origins) {
        free(order);
        return -1;
    }
    for (int i = 0; i < n; i++)
        order[i] = i;
    if (aggregate) {
        sort_scenario = s;
        qsort(order, (size_t)n, sizeof *order, participant_key_cmp);
    }
    for (int i = 0; i < n;) {
        int j = i + 1;
        while (aggregate && j < n && same_participant_class(s, order[i], order[j]))
            j++;
        ParticipantClass *pc = &c->pclasses[c->npclasses];
        pc->members = malloc((size_t)(j - i) * sizeof *pc->members);
        if (!pc->members) {
            free(order);
            return -1;
        }
        /* order within a run is input order (ties broken by index) */
        for (int k = i; k < j; k++) {
            pc->members[k - i] = order[k];
            c->class_of[order[k]] = c->npclasses;
        }
        pc->count = j - i;
        const Participant *p = &s->participants[order[i]];
        pc->base_value = base_value(s, p);
        int o = aggregate ? add_origin(c, p->home, p->max_minutes) : -2;
        if (o == -2) {
            c->origins[c->norigins] = (Origin){p->home, p->max_minutes};
            o = c->norigins++;
        }
        pc->origin = o;
        c->npclasses++;
        i = j;
    }
    free(order);
    return 0;
}

static int build_slot_classes(const Scenario *s, int aggregate, Classes *c)
{
    int n = s->nslots;
    int *order = malloc((size_t)(n > 0 ? n : 1) * sizeof *order);
    c->sclasses = calloc((size_t)(n > 0 ? n : 1), sizeof *c->sclasses);
    if (!order || !c->sclasses) {
        free(order);
        return -1;
    }
    int m = 0;
    /* the plain program (aggregate 0) keeps slots without room too: SPEC
     * §4 has it without any reduction */
    for (int i = 0; i < n; i++)
        if (!aggregate || slot_has_room(s, &s->slots[i]))
            order[m++] = i;
    if (aggregate) {
        sort_scenario = s;
        qsort(order, (size_t)m, sizeof *order, slot_key_cmp);
    }
    for (int i = 0; i < m;) {
        int j = i + 1;
        while (aggregate && j < m && same_slot_class(s, order[i], order[j]))
            j++;
        SlotClass *sc = &c->sclasses[c->nsclasses];
        sc->members = malloc((size_t)(j - i) * sizeof *sc->members);
        sc->room = calloc((size_t)s->weeks + 1, sizeof *sc->room);
        if (!sc->members || !sc->room) {
            free(sc->members);
            free(sc->room);
            sc->members = NULL;
            sc->room = NULL;
            free(order);
            return -1;
        }
        const Slot *first = &s->slots[order[i]];
        sc->count = j - i;
        sc->municipality = first->municipality;
        sc->from_week = first->from_week;
        sc->to_week = first->to_week;
        sc->representative = order[i];
        for (int k = i; k < j; k++) {
            sc->members[k - i] = order[k];
            for (int w = 1; w <= s->weeks; w++)
                sc->room[w] += s->slots[order[k]].room[w];
        }
        c->nsclasses++;
        i = j;
    }
    free(order);
    return 0;
}

int classes_build(const Scenario *s, int aggregate, Classes *out)
{
    memset(out, 0, sizeof *out);
    if (build_participant_classes(s, aggregate, out) < 0 ||
        build_slot_classes(s, aggregate, out) < 0) {
        classes_release(out);
        return -1;
    }
    return 0;
}

void classes_release(Classes *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->npclasses; i++)
        free(c->pclasses[i].members);
    free(c->pclasses);
    free(c->origins);
    for (int i = 0; i < c->nsclasses; i++) {
        free(c->sclasses[i].members);
        free(c->sclasses[i].room);
    }
    free(c->sclasses);
    free(c->class_of);
    memset(c, 0, sizeof *c);
}
