/*
 * travel.h — the travel matrix (SPEC §1, distances.csv): minutes and km
 * between every ordered pair of municipalities.
 *
 * Precedence, from weakest to strongest: coordinates (haversine great-circle
 * km on a sphere of radius 6371.0 km × road_factor, minutes = km / speed ×
 * 60, exact), a row for the reverse direction, a row for this direction.
 * Pairs with neither a row nor coordinates on both ends are unreachable
 * (TRAVEL_UNREACHABLE). A municipality to itself is always 0 min, 0 km.
 * Also SPEC §2's travel rule and what travel costs a participant.
 */
#ifndef SAMPLAN_TRAVEL_H
#define SAMPLAN_TRAVEL_H

#include <stddef.h>

#include "scenario.h"

#define EARTH_RADIUS_KM 6371.0

/* One row of distances.csv with its municipalities resolved. An empty
 * minutes or km is NAN and is derived from the other with speed_kmh; a row
 * with both NAN is ignored (the loader reports it). */
typedef struct TravelRow {
    int from, to;   /* municipality indices */
    double minutes; /* one way, or NAN */
    double km;      /* one way, or NAN */
} TravelRow;

/* Great-circle distance in km between two WGS84 points given in degrees. */
double travel_haversine_km(double lat1, double lon1, double lat2, double lon2);

/* 1 when a time or distance from the travel tables is known (not
 * TRAVEL_UNREACHABLE, which is negative) and at most `limit`, compared
 * exactly as SPEC §2.3 writes the rule: minutes ≤ max_minutes, km ≤
 * max_relocation_km. No tolerance: SPEC gives one to capacities only, and
 * a checker that derives 9.1 km at 70 km/h as 7.800000000000001 minutes
 * takes it as over a max_minutes of 7.8 (independent test, twenty-third
 * session); samplan derives minutes in SPEC's order (km / speed_kmh × 60)
 * to get the same number. */
int travel_within(double amount, double limit);

/* Allocates and fills s->minutes and s->km (nmunicipalities² each) from the
 * rows, the coordinates and s->travel (speed_kmh, road_factor). Replaces
 * any previous matrices. Returns 0, or −1 on out-of-memory (matrices left
 * NULL). */
int travel_build(Scenario *s, const TravelRow *rows, size_t nrows);

/* Per-participant cost of the course part of cohort c under a travel mode. */
double course_travel_cost(const Scenario *s, int home, int host, int travel, int course_weeks);

/* Cost of one placement module of `weeks` weeks at a slot in municipality
 * `at` for a participant living in `home`. */
double placement_travel_cost(const Scenario *s, int home, int at, int weeks);

/* The travel mode SPEC §2 rule 3 decides for home → host, or −1 when the
 * participant may not join (too far and no relocation). */
int decide_travel(const Scenario *s, int home, int host, double max_minutes, int can_relocate);

#endif
