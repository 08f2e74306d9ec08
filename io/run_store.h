/*
 * run_store.h — the SQLite run store (`solve --db FILE`): one row per solve
 * with its outcome and program size, plus assigned/unassigned counts per
 * group, gender and home municipality, so a steering group can follow runs
 * over time. No participant ids are stored: the store holds no personal data.
 */
#ifndef SAMPLAN_RUN_STORE_H
#define SAMPLAN_RUN_STORE_H

#include <signal.h>
#include <stddef.h>

#include "../model/plan.h"
#include "../model/scenario.h"
#include "../solver/solve.h"

/* Appends the run to the store at path, creating the file (mode 0600) and
 * its tables when missing. Returns 0, or −1 with a message in err. */
int run_store_record(const char *path, const Scenario *s, const Plan *plan, const char *out_dir,
                     const SolveStats *stats, char *err, size_t errsz);

/* Checks --db before anything is solved, so that an unusable path is a
 * usage error, not a failure after the plan is written. A store that
 * exists is opened as run_store_record opens it; a write is tried and
 * rolled back (SQLite's journal goes next to the store) and the tables
 * must take a run. A store that does not exist is not created here (a
 * store made now and removed again when the solve fails could take
 * another run's record with it): its directory must take a new file.
 * Returns 0; −1 with a message in err when the store cannot be used;
 * −2 when another run keeps it busy for STORE_BUSY_MS (run_store.c). */
int run_store_check(const char *path, char *err, size_t errsz);

/* Makes the waits for a busy store end as soon as *stop is set (Ctrl-C:
 * solver_interrupted); NULL: they run their time. */
void run_store_set_stop(volatile sig_atomic_t *stop);

#endif
