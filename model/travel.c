/*
 * travel.c — building the dense travel matrix (see travel.h). 290
 * municipalities give 84 100 pairs per matrix: filling it from coordinates
 * costs about a millisecond. Also SPEC §2's travel rule and travel costs,
 * which the program (solver/build.c) and the reasons (reasons.c) share.
 */
#include "travel.h"

#include "plan.h" /* TravelMode */

#include <math.h>
#include <stdlib.h>

int travel_within(double amount, double limit)
{
    return amount >= 0 && amount <= limit;
}

double travel_haversine_km(double lat1, double lon1, double lat2, double lon2)
{
    const double rad = M_PI / 180.0;
    double p1 = lat1 * rad, p2 = lat2 * rad;
    double dp = (lat2 - lat1) * rad, dl = (lon2 - lon1) * rad;
    double a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);
    if (a > 1.0)
        a = 1.0;
    return 2.0 * EARTH_RADIUS_KM * asin(sqrt(a));
}

static void row_values(const Scenario *s, const TravelRow *r, double *minutes, double *km)
{
    double speed = s->travel.speed_kmh;
    *minutes = r->minutes;
    *km = r->km;
    if (isnan(*minutes))
        *minutes = *km / speed * 60.0;
    if (isnan(*km))
        *km = *minutes / 60.0 * speed;
}

int travel_build(Scenario *s, const TravelRow *rows, size_t nrows)
{
    size_t n = (size_t)s->nmunicipalities;
    free(s->minutes);
    free(s->km);
    s->minutes = malloc((n ? n * n : 1) * sizeof *s->minutes);
    s->km = malloc((n ? n * n : 1) * sizeof *s->km);
    if (!s->minutes || !s->km) {
        free(s->minutes);
        free(s->km);
        s->minutes = s->km = NULL;
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        const Municipality *a = &s->municipalities[i];
        for (size_t j = 0; j < n; j++) {
            const Municipality *b = &s->municipalities[j];
            double km = TRAVEL_UNREACHABLE, minutes = TRAVEL_UNREACHABLE;
            if (a->has_coords && b->has_coords) {
                km = travel_haversine_km(a->lat, a->lon, b->lat, b->lon) * s->travel.road_factor;
                minutes = km / s->travel.speed_kmh * 60.0;
            }
            s->km[i * n + j] = km;
            s->minutes[i * n + j] = minutes;
        }
    }
    /* rows serve both directions; a row for the reverse direction wins, so
     * write all reverses first and all forwards after */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t r = 0; r < nrows; r++) {
            if (isnan(rows[r].minutes) && isnan(rows[r].km))
                continue;
            double minutes, km;
            row_values(s, &rows[r], &minutes, &km);
            size_t from = (size_t)rows[r].from, to = (size_t)rows[r].to;
            size_t at = pass == 0 ? to * n + from : from * n + to;
            s->minutes[at] = minutes;
            s->km[at] = km;
        }
    }
    for (size_t i = 0; i < n; i++)
        s->minutes[i * n + i] = s->km[i * n + i] = 0.0;
    return 0;
}

/* ---- travel and cost (SPEC §2) --------------------------------------- */

int decide_travel(const Scenario *s, int home, int host, double max_minutes, int can_relocate)
{
    if (home == host)
        return TRAVEL_COMMUTE;
    double minutes = scenario_minutes(s, home, host);
    if (travel_within(minutes, max_minutes))
        return TRAVEL_COMMUTE;
    double km = scenario_km(s, home, host);
    if (can_relocate && travel_within(km, s->travel.max_relocation_km))
        return TRAVEL_RELOCATE;
    return -1;
}

double course_travel_cost(const Scenario *s, int home, int host, int travel, int course_weeks)
{
    if (host < 0 || course_weeks == 0)
        return 0.0;
    double km = home == host ? 0.0 : scenario_km(s, home, host);
    const TravelParams *tp = &s->travel;
    double per_week = travel == TRAVEL_RELOCATE
                          ? tp->accommodation_per_week + 2.0 * km * tp->cost_per_km
                          : 2.0 * km * tp->days_per_week * tp->cost_per_km;
    return per_week * course_weeks;
}

double placement_travel_cost(const Scenario *s, int home, int at, int weeks)
{
    double km = home == at ? 0.0 : scenario_km(s, home, at);
    return 2.0 * km * s->travel.days_per_week * s->travel.cost_per_km * weeks;
}
