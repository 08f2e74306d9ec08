/*
 * week_dates.h — calendar helpers for human-facing output: the ISO 8601
 * week of a date and date arithmetic on "YYYY-MM-DD" strings, in the
 * proleptic Gregorian calendar without time zones. Plan weeks begin on the
 * scenario's start Monday (scenario_week_date); these helpers label them.
 */
#ifndef SAMPLAN_WEEK_DATES_H
#define SAMPLAN_WEEK_DATES_H

/* ISO year and week number (1..53) of an ISO date. Returns 0, or −1 when
 * date is not YYYY-MM-DD. */
int iso_week_of(const char *date, int *iso_year, int *iso_week);

/* date + days into out (YYYY-MM-DD). Returns 0, or −1 on a bad date. */
int date_add_days(const char *date, long days, char out[11]);

/* "2027-W01" label of the ISO week of date into out[16]; "?" on a bad date. */
void iso_week_label(const char *date, char out[16]);

#endif
