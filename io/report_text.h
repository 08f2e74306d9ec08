/*
 * report_text.h — report.md, the human-facing summary of a plan directory:
 * totals, the schedule with ISO weeks and dates (SPEC §3: human-facing
 * reports show ISO week and date), groups per host centre, results by
 * group, gender and home municipality, the settlement, and the unassigned
 * participants with their reasons. Markdown, so it reads as plain text and
 * renders as tables. Not machine-checked: the CSV files are the contract.
 */
#ifndef SAMPLAN_REPORT_TEXT_H
#define SAMPLAN_REPORT_TEXT_H

#include <stdio.h>

#include "../model/plan.h"
#include "../model/scenario.h"
#include "settlement.h"

/* Unassigned participants listed with reasons, at most; the rest are
 * counted and left to assignments.csv. */
#define REPORT_MAX_UNASSIGNED 200

/* Writes report.md. sizes: plan_cohort_sizes; order: plan_cohort_order
 * (may be NULL); reasons[i]: reason of unassigned participant i (may be
 * NULL). */
void report_text_write(const Scenario *s, const Plan *plan, const int *sizes,
                       const int *order, const Settlement *st,
                       const char *const *reasons, FILE *f);

#endif
