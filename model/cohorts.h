/*
 * cohorts.h — the cohorts a scenario admits (SPEC §2): for each track the
 * start weeks first_start, first_start + start_every, … whose whole track
 * ends by week W, and for tracks with a course module the municipalities
 * whose centre hosts the track. A cohort is (track, host, start); host is −1
 * for host-less tracks.
 */
#ifndef SAMPLAN_COHORTS_H
#define SAMPLAN_COHORTS_H

#include "scenario.h"

typedef struct Cohort {
    int track;
    int host;  /* municipality index, −1 for a host-less track */
    int start; /* start week */
} Cohort;

/* Number of admissible start weeks of track t (0 when it cannot end by W). */
int track_start_count(const Scenario *s, int t);

/* The k-th start week of track t, k in 0..track_start_count−1. */
int track_start_week(const Scenario *s, int t, int k);

/* Number of municipalities whose centre hosts track t; 1 for a host-less
 * track (its single "no host"). */
int track_host_count(const Scenario *s, int t);

/* Number of cohorts of track t: starts × hosts. */
long track_cohort_count(const Scenario *s, int t);

/* All cohorts of the scenario in (track, host, start) order, into a newly
 * allocated array (*out, owned by the caller). Returns the count, or −1 on
 * out-of-memory. */
long scenario_cohorts(const Scenario *s, Cohort **out);

/* 1 when centre of municipality h hosts track t. */
int centre_hosts_track(const Scenario *s, int h, int t);

#endif
