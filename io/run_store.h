/*
 * run_store.h — the SQLite run store (`solve --db FILE`): one row per solve
 * with its outcome and program size, plus assigned/unassigned counts per
 * group, gender and home municipality, so a steering group can follow runs
 * over time. No participant ids are stored: the store holds no personal data.
 */
#ifndef SAMPLAN_RUN_STORE_H
#define SAMPLAN_RUN_STORE_H

#include <stddef.h>

#include "../model/plan.h"
#include "../model/scenario.h"
#include "../solver/solve.h"

/* Appends the run to the store at path, creating the file (mode 0600) and
 * its tables when missing. Returns 0, or −1 with a message in err. */
int run_store_record(const char *path, const Scenario *s, const Plan *plan, const char *out_dir,
                     const SolveStats *stats, char *err, size_t errsz);

/* Opens the store at path as run_store_record would (creating it and its
 * tables when missing), tries a write that it rolls back (SQLite's
 * journal goes next to the store) and closes it: `solve` checks --db so
 * before it solves, so that an unusable path is a usage error, not a
 * failure after the plan is written. *created (may be NULL) is set when
 * this call created the store, so that a solve that fails can remove it
 * again; a store it created and could not use is removed here. Returns 0,
 * or −1 with a message in err. */
int run_store_check(const char *path, int *created, char *err, size_t errsz);

#endif
