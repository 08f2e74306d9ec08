/*
 * report_html.h — report.html of a plan directory, for steering groups,
 * planners and finance (SPEC §3–4: `samplan report OUT`).
 *
 * One self-contained file: inline CSS, no JavaScript, no external
 * resources; prints on A4 landscape. Built from a plan read back with
 * plan_read (no scenario needed). Sections: key figures; results by target
 * group, gender (the equality perspective), home municipality and track;
 * the course schedule per host with ISO weeks and Monday dates; a
 * week-by-week chart of every cohort's courses and placements; placement
 * slot use per week (a heat map); settlement (net transfers, then gross
 * course-seat payments); unassigned participants with their reasons.
 * Every text from the plan files is HTML-escaped.
 */
#ifndef SAMPLAN_REPORT_HTML_H
#define SAMPLAN_REPORT_HTML_H

#include <stdio.h>

#include "../model/diag.h"
#include "plan_read.h"

/* Most unassigned participants listed; the rest are counted. */
#define REPORT_HTML_MAX_UNASSIGNED 2000

/* Writes the HTML report of pr to f. generated: the text shown as the
 * report's date (e.g. "2027-03-01 14:05"). Returns 0, or −1 on a write
 * error or out-of-memory. */
int report_html_render(const PlanRead *pr, const char *generated, FILE *f);

/* Writes dir/report.html atomically (report.html.tmp with mode 0600, fsync,
 * rename); an old report stays whole on failure. Returns 0, or 1 with a
 * diagnostic naming the path. */
int report_html_write(const PlanRead *pr, const char *dir, const char *generated,
                      DiagList *diags);

/* Writes s to f with &, <, >, " and ' as character references. */
void html_escape(FILE *f, const char *s);

/* v rounded to `decimals` (0..2) digits, with a no-break space (U+00A0)
 * between groups of three digits: "12 694 576", "-1 498.50". Returns buf
 * (at least 48 bytes). */
char *format_thousands(double v, int decimals, char *buf);

#endif
