/*
 * compare_write.h — formatting a CompareTable (compare_table.h) as
 * compare.csv (machine-readable) and compare.md (for a steering group).
 *
 * compare.csv: header `metric,<run 0>,…,<run n−1>,delta_<run 1>,…`; one row
 * per table row; numbers round-trip (csv_write.h), shares as ratios in
 * [0, 1], an empty cell where not applicable (no plan, nothing to divide).
 * The status row holds text and empty deltas.
 *
 * compare.md: a heading naming the scenario, the directory and the date; a
 * "Main differences" list with one plain-language sentence per variant
 * (participants placed and cost against the base, then what else changed:
 * target groups, gender, relocation, settlement, slot use); then one table per
 * section with a Δ column after each variant. Numbers are grouped by
 * thousands with spaces ("410 000"), shares in per cent, their differences
 * in percentage points; a feasible (not proven) run shows its gap next to
 * its value.
 */
#ifndef SAMPLAN_COMPARE_WRITE_H
#define SAMPLAN_COMPARE_WRITE_H

#include <stdio.h>

#include "compare_table.h"

/* Writes compare.csv to f. */
void compare_write_csv(const CompareTable *t, FILE *f);

/* What the Markdown heading names. */
typedef struct CompareHeading {
    const char *scenario; /* scenario name */
    const char *dir;      /* scenario directory as given */
    const char *date;     /* "YYYY-MM-DD" of the comparison */
    const char *note;     /* optional extra line (e.g. "interrupted"), or NULL */
} CompareHeading;

/* Writes compare.md to f. */
void compare_write_md(const CompareTable *t, const CompareHeading *h, FILE *f);

/* Formats v rounded to `decimals` places (trailing zeros of the fraction
 * dropped) with thousands grouped by spaces, into buf (≥ 64 bytes); with
 * sign = 1 a '+' precedes positive values. NaN gives "–". Returns buf. */
char *compare_format_number(double v, int decimals, int sign, char *buf);

/* The plain-language sentence on variant run r (≥ 1) against the base,
 * without list marker or newline, into buf. Returns buf. */
char *compare_summary_sentence(const CompareTable *t, int r, char *buf, size_t size);

#endif
