/*
 * plan_write.h — writing a plan directory (SPEC §3).
 *
 * The directory holds summary.json, assignments.csv, schedule.csv,
 * placements.csv, settlement.csv (the contract, checked by independent
 * tools) and report.md (for people). Outputs are private and atomic:
 *   - a new directory is created with mode 0700 (missing parents too, with
 *     the default mode);
 *   - every file is first written as NAME.tmp, mode 0600, flushed and
 *     fsync'ed; only when all were written are they renamed over NAME, so a
 *     failure leaves any previous plan whole and no .tmp behind;
 *   - an existing directory is used only with force, and then only the plan
 *     files above are replaced: other files in it are never touched.
 * Unassigned participants without a reason get one from unassigned_reason()
 * (model/reasons.h) for the files; the plan itself is not modified.
 */
#ifndef SAMPLAN_PLAN_WRITE_H
#define SAMPLAN_PLAN_WRITE_H

#include "../model/diag.h"
#include "../model/plan.h"
#include "../model/scenario.h"

/* The files plan_write() writes, NULL-terminated. */
extern const char *const plan_file_names[];

/* Writes the plan of scenario s into out_dir. Returns
 *   0 on success;
 *   1 on an I/O failure or out-of-memory, with a diagnostic naming the path
 *     and the system's error (nothing is renamed into place then);
 *   2 when out_dir exists and force is 0 ("output directory 'X' exists; use
 *     --force to replace its plan files or choose another -o"), or exists
 *     and is not a directory. */
int plan_write(const Scenario *s, const Plan *plan, const char *out_dir, int force,
               DiagList *diags);

#endif
