/*
 * plan_fixture.h — a small hand-built scenario shared by check_plan_write.c
 * and check_reasons.c (static functions; each runner includes it once).
 *
 * Municipalities: 0 "0001" Alpha, 1 "0002" Beta, 2 "0003" "Gamma, Town",
 * 3 "0004" Delta (120 min, 150 km from all others).
 * Minutes/km: Alpha–Beta 30/40, Alpha–Gamma 50/60, Beta–Gamma 45/55.
 * Centres: Alpha (20 seats, 2 groups, all tracks, 1000 SEK/week),
 *          Beta (10 seats, 1 group, track T1 only, 500.5 SEK/week).
 * Tracks (start 2027-01-04, 20 weeks):
 *   T1 "Care": Intro course 2 w (1000 SEK) | Praktik placement 3 w |
 *      "Final, exam" course 1 w (500 SEK); total 6, course weeks 3;
 *      starts 1, 5, 9, 13.
 *   T2 "Retail": host-less, Work placement 4 w; starts 1, 6, 11, 16.
 * Slots: "S,1" in Alpha cap 2 weeks 1–20 all tracks; S2 in Gamma cap 1
 *        weeks 1–20 T2 only.
 * Participants (home, group, gender, prefs):
 *   "P,1" Alpha youth woman [T1]; P"2 Beta newcomer man [T2,T1];
 *   p2 Gamma longterm woman []; p3 Alpha other other [T1];
 *   " p4" Gamma youth unknown [T2]; p5 Delta youth man [T1];
 *   p6 Delta other woman [T1].
 */
#ifndef SAMPLAN_TESTS_PLAN_FIXTURE_H
#define SAMPLAN_TESTS_PLAN_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "../model/plan.h"
#include "../model/scenario.h"

#define FX_NM 4

static inline void fx_pair(Scenario *s, int a, int b, double min, double km)
{
    s->minutes[a * FX_NM + b] = s->minutes[b * FX_NM + a] = min;
    s->km[a * FX_NM + b] = s->km[b * FX_NM + a] = km;
}

static inline void fx_module(Module *m, const char *name, ModuleKind kind, int weeks,
                      double cost, int offset)
{
    m->name = strdup(name);
    m->kind = kind;
    m->weeks = weeks;
    m->group_cost = cost;
    m->offset = offset;
}

/* Recomputes the derived track fields from the modules. */
static inline void fx_track_derive(Track *t)
{
    int off = 0;
    t->total_weeks = t->course_weeks = 0;
    t->has_course = 0;
    t->group_cost = 0;
    for (int m = 0; m < t->nmodules; m++) {
        t->modules[m].offset = off;
        off += t->modules[m].weeks;
        t->total_weeks += t->modules[m].weeks;
        if (t->modules[m].kind == MODULE_COURSE) {
            t->has_course = 1;
            t->course_weeks += t->modules[m].weeks;
            t->group_cost += t->modules[m].group_cost;
        }
    }
}

static inline void fx_participant(Scenario *s, int i, const char *id, int home, Group g,
                           Gender gen, int npref, int pref0, int pref1)
{
    Participant *p = &s->participants[i];
    p->id = strdup(id);
    p->home = home;
    p->group = g;
    p->gender = gen;
    p->nprefs = npref;
    p->prefs = calloc(2, sizeof *p->prefs);
    p->prefs[0] = pref0;
    p->prefs[1] = pref1;
    p->earliest_week = 1;
    p->latest_week = s->weeks;
    p->max_minutes = 60;
    p->can_relocate = 0;
    p->priority = 1;
    p->line = i + 2;
}

static inline void fx_slot(Scenario *s, int k, const char *id, int mun, int cap, int all)
{
    Slot *sl = &s->slots[k];
    sl->id = strdup(id);
    sl->municipality = mun;
    sl->capacity = cap;
    sl->from_week = 1;
    sl->to_week = s->weeks;
    sl->all_tracks = all;
    sl->accepts = calloc((size_t)s->ntracks, 1);
    sl->employer = strdup("");
    sl->owner = strdup("");
    sl->room = calloc((size_t)s->weeks + 1, sizeof *sl->room);
    for (int w = 1; w <= s->weeks; w++)
        sl->room[w] = cap;
}

/* Sets a slot's window and its room (capacity inside, 0 outside). */
static inline void fx_slot_window(Scenario *s, int k, int from, int to)
{
    Slot *sl = &s->slots[k];
    sl->from_week = from;
    sl->to_week = to;
    for (int w = 1; w <= s->weeks; w++)
        sl->room[w] = w >= from && w <= to ? sl->capacity : 0;
}

static inline Scenario *fx_scenario(void)
{
    Scenario *s = calloc(1, sizeof *s);
    s->dir = strdup("fixture");
    s->name = strdup("Fixture, \"test\"");
    strcpy(s->start, "2027-01-04");
    s->start_year = 2027;
    s->start_month = 1;
    s->start_day = 4;
    s->weeks = 20;
    s->cooperation = 1;
    s->travel = (TravelParams){60, 1.3, 70, 2.5, 5, 1500, 400};
    for (int g = 0; g < GROUP_COUNT; g++)
        s->objective.group_weight[g] = 1;
    s->objective.preference_step = 0.1;
    s->solver = (SolverParams){60, 0};

    static const char *codes[FX_NM] = {"0001", "0002", "0003", "0004"};
    static const char *names[FX_NM] = {"Alpha", "Beta", "Gamma, Town", "Delta"};
    s->nmunicipalities = FX_NM;
    s->municipalities = calloc(FX_NM, sizeof *s->municipalities);
    for (int m = 0; m < FX_NM; m++) {
        s->municipalities[m].code = strdup(codes[m]);
        s->municipalities[m].name = strdup(names[m]);
    }
    s->minutes = calloc(FX_NM * FX_NM, sizeof *s->minutes);
    s->km = calloc(FX_NM * FX_NM, sizeof *s->km);
    fx_pair(s, 0, 1, 30, 40);
    fx_pair(s, 0, 2, 50, 60);
    fx_pair(s, 1, 2, 45, 55);
    for (int m = 0; m < 3; m++)
        fx_pair(s, 3, m, 120, 150);

    s->ntracks = 2;
    s->tracks = calloc(2, sizeof *s->tracks);
    Track *t = &s->tracks[0];
    t->id = strdup("T1");
    t->name = strdup("Care");
    t->min_group = 2;
    t->max_group = 8;
    t->start_every = 4;
    t->first_start = 1;
    t->nmodules = 3;
    t->modules = calloc(3, sizeof *t->modules);
    fx_module(&t->modules[0], "Intro", MODULE_COURSE, 2, 1000, 0);
    fx_module(&t->modules[1], "Praktik", MODULE_PLACEMENT, 3, 0, 2);
    fx_module(&t->modules[2], "Final, exam", MODULE_COURSE, 1, 500, 5);
    fx_track_derive(t);
    t = &s->tracks[1];
    t->id = strdup("T2");
    t->name = strdup("Retail");
    t->min_group = 1;
    t->max_group = 10;
    t->start_every = 5;
    t->first_start = 1;
    t->nmodules = 1;
    t->modules = calloc(1, sizeof *t->modules);
    fx_module(&t->modules[0], "Work", MODULE_PLACEMENT, 4, 0, 0);
    fx_track_derive(t);

    s->ncentres = 2;
    s->centres = calloc(2, sizeof *s->centres);
    s->centre_of = malloc(FX_NM * sizeof *s->centre_of);
    for (int m = 0; m < FX_NM; m++)
        s->centre_of[m] = -1;
    s->centres[0] = (Centre){0, 20, 2, 1, calloc(2, 1), 1000, 2};
    s->centres[1] = (Centre){1, 10, 1, 0, calloc(2, 1), 500.5, 3};
    s->centres[1].hosts[0] = 1;
    s->centre_of[0] = 0;
    s->centre_of[1] = 1;

    s->nslots = 2;
    s->slots = calloc(2, sizeof *s->slots);
    fx_slot(s, 0, "S,1", 0, 2, 1);
    fx_slot(s, 1, "S2", 2, 1, 0);
    s->slots[1].accepts[1] = 1;

    s->nparticipants = 7;
    s->participants = calloc(7, sizeof *s->participants);
    fx_participant(s, 0, "P,1", 0, GROUP_YOUTH, GENDER_WOMAN, 1, 0, 0);
    fx_participant(s, 1, "P\"2", 1, GROUP_NEWCOMER, GENDER_MAN, 2, 1, 0);
    fx_participant(s, 2, "p2", 2, GROUP_LONGTERM, GENDER_WOMAN, 0, 0, 0);
    fx_participant(s, 3, "p3", 0, GROUP_OTHER, GENDER_OTHER, 1, 0, 0);
    fx_participant(s, 4, " p4", 2, GROUP_YOUTH, GENDER_UNKNOWN, 1, 1, 0);
    fx_participant(s, 5, "p5", 3, GROUP_YOUTH, GENDER_MAN, 1, 0, 0);
    fx_participant(s, 6, "p6", 3, GROUP_OTHER, GENDER_WOMAN, 1, 0, 0);
    return s;
}

static inline int *fx_slots1(int slot)
{
    int *v = malloc(sizeof *v);
    *v = slot;
    return v;
}

static inline void fx_assign(Plan *plan, int i, int cohort, TravelMode travel, int slot,
                      double cost)
{
    PlanAssignment *a = &plan->assignments[i];
    a->cohort = cohort;
    a->travel = travel;
    a->slots = fx_slots1(slot);
    a->nslots = 1;
    a->cost = cost;
}

/* The plan of the fixture: C0 = T1 at Beta week 1 (P,1 and p2),
 * C1 = T1 at Alpha week 5 (P"2 and p3), C2 = T2 week 6 (" p4");
 * p5 unassigned with a given reason, p6 unassigned without one. */
static inline Plan *fx_plan(void)
{
    Plan *plan = plan_new(7);
    plan->status = PLAN_OPTIMAL;
    plan->value = 4.9;
    plan->cost = 3000 + 1234.5 + 0.1 + 1.0 / 3.0; /* hosting + the participants' costs (io/plan_agree.c) */
    plan->bound = 5;
    plan->gap = 0.02;
    plan->seconds = 1.5;
    plan->hosting_cost = 3000;
    plan_add_cohort(plan, (PlanCohort){0, 1, 1, 1, 2});
    plan_add_cohort(plan, (PlanCohort){0, 0, 5, 1, 2});
    plan_add_cohort(plan, (PlanCohort){1, -1, 6, 0, 1});
    fx_assign(plan, 0, 0, TRAVEL_COMMUTE, 0, 1234.5);
    fx_assign(plan, 1, 1, TRAVEL_COMMUTE, 0, 0.1);
    fx_assign(plan, 2, 0, TRAVEL_NONE, 0, 1.0 / 3.0); /* travel derived: commute */
    fx_assign(plan, 3, 1, TRAVEL_COMMUTE, 0, 0);
    fx_assign(plan, 4, 2, TRAVEL_NONE, 1, 0);
    plan->assignments[5].reason = strdup("test, \"quoted\"\nline");
    return plan;
}

#endif
