/*
 * scenario.c — freeing a Scenario and the small derived look-ups every layer
 * needs (value of a participant on a track, rank, week dates).
 */
#include "scenario.h"

#include "calendar.h"

#include <stdlib.h>
#include <string.h>
#include <stdio.h>

const char *const table_names[TABLE_COUNT] = {
    "municipalities", "distances", "centres", "tracks",
    "modules", "participants", "slots", "reservations",
};
int table_may_be_absent(Table t, const char *file)
{
    if (t != TABLE_DISTANCES && t != TABLE_RESERVATIONS)
        return 0;
    size_t n = strlen(table_names[t]);
    return strncmp(file, table_names[t], n) == 0 && strcmp(file + n, ".csv") == 0;
}

const char *const group_names[GROUP_COUNT] = {"youth", "newcomer", "longterm", "other"};
const char *const gender_names[GENDER_COUNT] = {"woman", "man", "other", "unknown"};

void scenario_free(Scenario *s)
{
    if (!s)
        return;
    free(s->dir);
    free(s->name);
    free(s->variant);
    for (int i = 0; i < TABLE_COUNT; i++)
        free(s->files[i]);
    for (int i = 0; i < s->nvariants; i++)
        free(s->variant_names[i]);
    free(s->variant_names);
    diag_release(&s->warnings);
    for (int i = 0; i < s->nmunicipalities; i++) {
        free(s->municipalities[i].code);
        free(s->municipalities[i].name);
    }
    free(s->municipalities);
    for (int i = 0; i < s->ncentres; i++)
        free(s->centres[i].hosts);
    free(s->centres);
    free(s->centre_of);
    for (int i = 0; i < s->ntracks; i++) {
        Track *t = &s->tracks[i];
        free(t->id);
        free(t->name);
        for (int m = 0; m < t->nmodules; m++)
            free(t->modules[m].name);
        free(t->modules);
    }
    free(s->tracks);
    for (int i = 0; i < s->nparticipants; i++) {
        free(s->participants[i].id);
        free(s->participants[i].prefs);
    }
    free(s->participants);
    for (int i = 0; i < s->nslots; i++) {
        Slot *sl = &s->slots[i];
        free(sl->id);
        free(sl->accepts);
        free(sl->employer);
        free(sl->owner);
        free(sl->room);
    }
    free(s->slots);
    for (int i = 0; i < s->nreservations; i++)
        free(s->reservations[i].holder);
    free(s->reservations);
    free(s->minutes);
    free(s->km);
    free(s);
}

int scenario_find_municipality(const Scenario *s, const char *code)
{
    for (int i = 0; i < s->nmunicipalities; i++)
        if (strcmp(s->municipalities[i].code, code) == 0)
            return i;
    return -1;
}

int scenario_find_track(const Scenario *s, const char *id)
{
    for (int i = 0; i < s->ntracks; i++)
        if (strcmp(s->tracks[i].id, id) == 0)
            return i;
    return -1;
}

int scenario_find_slot(const Scenario *s, const char *id)
{
    for (int i = 0; i < s->nslots; i++)
        if (strcmp(s->slots[i].id, id) == 0)
            return i;
    return -1;
}

int participant_track_rank(const Participant *p, int track)
{
    if (p->nprefs == 0)
        return 1;
    for (int i = 0; i < p->nprefs; i++)
        if (p->prefs[i] == track)
            return i + 1;
    return 0;
}

double participant_track_value(const Scenario *s, const Participant *p, int track)
{
    int rank = participant_track_rank(p, track);
    if (rank == 0)
        return 0.0;
    double factor = 1.0 - s->objective.preference_step * (double)(rank - 1);
    if (factor < 0.0)
        factor = 0.0;
    return p->priority * s->objective.group_weight[p->group] * factor;
}

double participant_best_value(const Scenario *s, const Participant *p)
{
    double best = 0.0;
    int ntr = p->nprefs ? p->nprefs : s->ntracks;
    for (int i = 0; i < ntr; i++) {
        double v = participant_track_value(s, p, p->nprefs ? p->prefs[i] : i);
        if (v > best)
            best = v;
    }
    return best;
}

long scenario_week_monday(const Scenario *s, int week)
{
    return calendar_days(s->start_year, s->start_month, s->start_day) + 7L * (week - 1);
}

void scenario_week_date(const Scenario *s, int week, char buf[11])
{
    calendar_format(scenario_week_monday(s, week), buf);
}
