/*
 * run_setup.h — what `solve` and `compare` share before they solve: choosing
 * the output directory (a fresh default name, or the user's -o, refused when
 * it exists and is not empty unless --force) and catching Ctrl-C.
 */
#ifndef SAMPLAN_RUN_SETUP_H
#define SAMPLAN_RUN_SETUP_H

#include <signal.h>
#include <stddef.h>

/* Picks the output directory. With given = NULL: "<base of scenario_dir>
 * <tail>", then "<…><tail>-2", … up to the first name that does not exist
 * (written to buf). Otherwise given, checked: it must not be a
 * non-directory, and an existing non-empty directory needs force (the
 * message says --force replaces its `contents`). Sets *out and *existing
 * (1 when the directory already exists). Returns 0, or EXIT_BAD_INPUT after
 * printing the reason on stderr. */
int choose_output_dir(const char *given, const char *scenario_dir, const char *tail, int force,
                      const char *contents, char *buf, size_t size, const char **out, int *existing);

/* 1 when every plan file (plan_file_names, and report.html) in the
 * existing directory out is absent or a file --force may replace; else 0
 * after saying on stderr which is not, so that solve refuses it before
 * solving, not after (tester, twenty-sixth session: a directory named
 * assignments.csv failed the write after the whole solve, exit 1). */
int plan_files_replaceable(const char *out);

/* Makes SIGINT, and SIGTERM and SIGHUP (which `timeout`, batch schedulers
 * and a closed terminal send; they discarded the whole run: independent
 * audit, twenty-second session) set solver_interrupted: the solver stops
 * and keeps its best plan. SIGTERM and SIGHUP that arrive ignored stay
 * so (nohup). solve and compare keep them caught until the process
 * exits. */
void catch_interrupts(void);

#endif
