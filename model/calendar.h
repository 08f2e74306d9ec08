/*
 * calendar.h — dates as day counts since 1970-01-01 (proleptic Gregorian),
 * ISO 8601 weeks and strict YYYY-MM-DD parsing. One implementation for the
 * whole program: scenario start dates, week dates in reports, ISO weeks.
 */
#ifndef SAMPLAN_CALENDAR_H
#define SAMPLAN_CALENDAR_H

/* Days since 1970-01-01 of a date, and back. */
long calendar_days(int y, int m, int d);
void calendar_civil(long days, int *y, int *m, int *d);

/* YYYY-MM-DD of a day count into buf[11]. */
void calendar_format(long days, char buf[11]);

/* ISO weekday of a day count: 1 = Monday … 7 = Sunday. */
int calendar_weekday(long days);

/* ISO 8601 week number (1..53) and its year for a day count. */
void calendar_iso_week(long days, int *iso_year, int *week);

/* Parses a strict ISO date YYYY-MM-DD that exists in the calendar.
 * Returns 0 and sets y/m/d, or −1. */
int calendar_parse(const char *text, int *y, int *m, int *d);

#endif
