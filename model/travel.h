/*
 * travel.h — the travel matrix (SPEC §1, distances.csv): minutes and km
 * between every ordered pair of municipalities.
 *
 * Precedence, from weakest to strongest: coordinates (haversine great-circle
 * km on a sphere of radius 6371.0 km × road_factor, minutes = km / speed ×
 * 60, exact), a row for the reverse direction, a row for this direction.
 * Pairs with neither a row nor coordinates on both ends are unreachable
 * (TRAVEL_UNREACHABLE). A municipality to itself is always 0 min, 0 km.
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

/* Allocates and fills s->minutes and s->km (nmunicipalities² each) from the
 * rows, the coordinates and s->travel (speed_kmh, road_factor). Replaces
 * any previous matrices. Returns 0, or −1 on out-of-memory (matrices left
 * NULL). */
int travel_build(Scenario *s, const TravelRow *rows, size_t nrows);

#endif
