/*
 * cohorts.c — enumeration of admissible cohorts (see cohorts.h).
 */
#include "cohorts.h"

#include <stdlib.h>

int track_start_count(const Scenario *s, int t)
{
    const Track *tr = &s->tracks[t];
    int last_start = s->weeks - tr->total_weeks + 1; /* latest start that ends by W */
    if (tr->first_start < 1 || tr->start_every < 1 || last_start < tr->first_start)
        return 0;
    return (last_start - tr->first_start) / tr->start_every + 1;
}

int track_start_week(const Scenario *s, int t, int k)
{
    const Track *tr = &s->tracks[t];
    return tr->first_start + k * tr->start_every;
}

int centre_hosts_track(const Scenario *s, int h, int t)
{
    int c = s->centre_of[h];
    if (c < 0)
        return 0;
    return s->centres[c].all_tracks || s->centres[c].hosts[t];
}

int track_host_count(const Scenario *s, int t)
{
    if (!s->tracks[t].has_course)
        return 1;
    int n = 0;
    for (int c = 0; c < s->ncentres; c++)
        if (s->centres[c].all_tracks || s->centres[c].hosts[t])
            n++;
    return n;
}

long track_cohort_count(const Scenario *s, int t)
{
    return (long)track_start_count(s, t) * track_host_count(s, t);
}

long scenario_cohorts(const Scenario *s, Cohort **out)
{
    long total = 0;
    for (int t = 0; t < s->ntracks; t++)
        total += track_cohort_count(s, t);
    Cohort *list = malloc((size_t)(total > 0 ? total : 1) * sizeof *list);
    if (!list)
        return -1;
    long n = 0;
    for (int t = 0; t < s->ntracks; t++) {
        int nstarts = track_start_count(s, t);
        if (!s->tracks[t].has_course) {
            for (int k = 0; k < nstarts; k++)
                list[n++] = (Cohort){t, -1, track_start_week(s, t, k)};
            continue;
        }
        for (int h = 0; h < s->nmunicipalities; h++) {
            if (!centre_hosts_track(s, h, t))
                continue;
            for (int k = 0; k < nstarts; k++)
                list[n++] = (Cohort){t, h, track_start_week(s, t, k)};
        }
    }
    *out = list;
    return n;
}
