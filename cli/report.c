/*
 * report.c — `samplan report OUT`: read the plan directory OUT back (no
 * scenario needed) and (re)build OUT/report.html for steering groups,
 * planners and finance. Only report.html is written, atomically.
 */
#include "commands.h"

#include "../io/atomic_file.h"
#include "../io/plan_read.h"
#include "../io/report_html.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

const char report_usage[] =
    "usage: samplan report OUT\n"
    "\n"
    "Reads the plan directory OUT written by `samplan solve` (summary.json,\n"
    "assignments.csv, schedule.csv, placements.csv, settlement.csv) and writes\n"
    "OUT/report.html: one self-contained page (no scripts, no external files,\n"
    "prints on A4 landscape) with the key figures, results by target group,\n"
    "gender and home municipality, the course schedule per host with ISO weeks\n"
    "and Monday dates, a week-by-week chart of every cohort, placement slot use\n"
    "per week, the settlement between municipalities and the unassigned\n"
    "participants with their reasons. The scenario directory is not needed.\n"
    "An existing report.html is replaced; the other files are not touched.\n"
    "\n"
    "exit: 0 report written, 1 I/O failure, 2 bad usage, OUT missing or not a\n"
    "plan directory, a malformed plan file (named with line and column), or plan\n"
    "files that disagree with each other\n";

int cmd_report(int argc, char **argv)
{
    const char *dir = NULL;
    int literal = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        int taken = take_operand("report", arg, &literal, &dir);
        if (taken == OPERAND_ERROR)
            return EXIT_BAD_INPUT;
        if (taken == OPERAND_TAKEN)
            continue;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(report_usage, stdout);
            return EXIT_OK;
        } else {
            return usage_error("report", "unknown option '%s'", arg);
        }
    }
    if (!dir)
        return usage_error("report", "missing plan directory");

    DiagList diags = DIAGLIST_INIT;
    PlanRead *pr = NULL;
    int rc = plan_read(dir, &pr, &diags);
    char why[512] = "";
    if (rc == 0 && !directory_takes_files(dir, 0, why, sizeof why)) {
        /* a plan directory report.html cannot be written in is a usage
         * error, as an unwritable `solve -o` is (tester, twenty-sixth
         * session: exit 1) */
        fprintf(stderr, "samplan: %s: cannot write report.html there: %s\n", dir, why);
        plan_read_free(pr);
        diag_release(&diags);
        return EXIT_BAD_INPUT;
    }
    if (rc == 0) {
        char generated[32];
        time_t now = time(NULL);
        struct tm tm;
        if (localtime_r(&now, &tm) && strftime(generated, sizeof generated, "%Y-%m-%d %H:%M",
                                                &tm) > 0)
            ;
        else
            strcpy(generated, "(unknown date)");
        rc = report_html_write(pr, dir, generated, &diags);
    }
    if (rc != 0) {
        diag_sort(&diags);
        diag_print(&diags, stderr, "samplan");
    } else {
        size_t len = strlen(dir);
        printf("report     %s%sreport.html\n", dir, len && dir[len - 1] == '/' ? "" : "/");
    }
    diag_release(&diags);
    plan_read_free(pr);
    return rc == 0 ? EXIT_OK : rc == 2 ? EXIT_BAD_INPUT : EXIT_NO_PLAN;
}
