/*
 * solve.c — `samplan solve DIR`: load, solve both lexicographic levels,
 * explain the unassigned, write the plan directory, print a short summary.
 * Ctrl-C stops the search and still writes the best plan (status feasible).
 */
#include "commands.h"
#include "run_setup.h"

#include "../io/plan_write.h"
#include "../io/run_store.h"
#include "../io/scenario_json.h"
#include "../io/scenario_load.h"
#include "../model/reasons.h"
#include "../solver/glpk_run.h"
#include "../solver/solve.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char solve_usage[] =
    "usage: samplan solve DIR [-o OUT] [--variant NAME] [--time-limit S] [--gap G]\n"
    "                     [--db FILE] [--jobs N] [--force] [--quiet]\n"
    "\n"
    "Solves the scenario in DIR and writes the plan to OUT: summary.json,\n"
    "assignments.csv, schedule.csv, placements.csv, settlement.csv, report.md.\n"
    "The plan first places as much value as possible (participants weighted by\n"
    "priority, target group and preference), then, at that value, costs least.\n"
    "\n"
    "  -o OUT           plan directory (default: a new directory named after the\n"
    "                   scenario, e.g. sikt-inland-plan); an existing non-empty\n"
    "                   directory is refused unless --force\n"
    "  --variant NAME   apply a variant of scenario.json\n"
    "  --time-limit S   seconds for the whole solve (default solver.time_limit_s)\n"
    "  --gap G          stop when the value is within relative gap G of the bound\n"
    "                   (default solver.mip_gap)\n"
    "  --db FILE        also record the run in the SQLite run store FILE\n"
    "  --jobs N         worker processes, 1 to 8: independent parts of the program\n"
    "                   (e.g. municipalities planning alone) are solved N at a\n"
    "                   time, a program that does not split by two racing\n"
    "                   workers (default: SAMPLAN_JOBS, else the processors)\n"
    "  --force          replace the plan files in an existing OUT (a report.html\n"
    "                   there, which described the old plan, is removed)\n"
    "  --quiet          no progress lines on stderr\n"
    "\n"
    "Ctrl-C stops the search and writes the best plan found (status feasible).\n"
    "exit: 0 plan written, 1 no plan or solver failure, 2 bad input or usage\n";

typedef struct SolveArgs {
    const char *dir;
    const char *out;
    const char *variant;
    const char *db;
    double time_limit;  /* < 0: scenario default */
    double gap;         /* < 0: scenario default */
    int jobs;           /* 0: automatic */
    int force;
    int quiet;
} SolveArgs;

static int parse_args(int argc, char **argv, SolveArgs *a)
{
    *a = (SolveArgs){NULL, NULL, NULL, NULL, -1.0, -1.0, 0, 0, 0};
    int literal = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        int taken = take_operand("solve", arg, &literal, &a->dir);
        if (taken == OPERAND_ERROR)
            return EXIT_BAD_INPUT;
        if (taken == OPERAND_TAKEN)
            continue;
        int has_value = i + 1 < argc;
        if (strcmp(arg, "-o") == 0 || strcmp(arg, "--out") == 0) {
            if (!has_value)
                return usage_error("solve", "%s needs a directory", arg);
            a->out = argv[++i];
        } else if (strcmp(arg, "--variant") == 0) {
            if (!has_value)
                return usage_error("solve", "--variant needs a name");
            a->variant = argv[++i];
        } else if (strcmp(arg, "--time-limit") == 0) {
            if (!has_value || parse_double_option(argv[i + 1], 0.0, 1e9, &a->time_limit))
                return bad_option_value("solve", "--time-limit", "seconds from 0 to 1000000000", argc, argv, i);
            i++;
        } else if (strcmp(arg, "--gap") == 0) {
            if (!has_value || parse_double_option(argv[i + 1], 0.0, 1.0, &a->gap))
                return bad_option_value("solve", "--gap", "a number in [0, 1]", argc, argv, i);
            i++;
        } else if (strcmp(arg, "--jobs") == 0) {
            double jobs;
            if (!has_value || parse_double_option(argv[i + 1], 1.0, 8.0, &jobs) || jobs != (int)jobs)
                return bad_option_value("solve", "--jobs", "a whole number from 1 to 8", argc, argv, i);
            a->jobs = (int)jobs;
            i++;
        } else if (strcmp(arg, "--db") == 0) {
            if (!has_value)
                return usage_error("solve", "--db needs a file");
            a->db = argv[++i];
        } else if (strcmp(arg, "--force") == 0) {
            a->force = 1;
        } else if (strcmp(arg, "--quiet") == 0 || strcmp(arg, "-q") == 0) {
            a->quiet = 1;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(solve_usage, stdout);
            return -1;
        } else {
            return usage_error("solve", "unknown option '%s'", arg);
        }
    }
    if (!a->dir)
        return usage_error("solve", "missing scenario directory");
    return 0;
}

static int plan_written;

int solve_wrote_plan(void)
{
    return plan_written;
}

/* path as one shell word, to be pasted: as it is when it holds only
 * characters no shell treats specially, else in single quotes (a quote
 * inside as '\''); "./" before a leading '-', which would read as an
 * option. */
static void print_shell_word(FILE *f, const char *path)
{
    const char *plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-+,:=@%";
    const char *lead = path[0] == '-' ? "./" : "";
    if (path[0] && path[strspn(path, plain)] == '\0') {
        fprintf(f, "%s%s", lead, path);
        return;
    }
    fprintf(f, "'%s", lead);
    for (const char *c = path; *c; c++) {
        if (*c == '\'')
            fputs("'\\''", f);
        else
            fputc(*c, f);
    }
    fputc('\'', f);
}

static void print_summary(const Scenario *s, const Plan *plan, const char *out, FILE *f)
{
    int assigned = 0;
    for (int p = 0; p < plan->nassignments; p++)
        assigned += plan->assignments[p].cohort >= 0;
    fprintf(f, "%s%s%s: %s\n", s->name, s->variant ? " / " : "", s->variant ? s->variant : "",
            plan_status_names[plan->status]);
    fprintf(f, "  assigned   %d of %d participants, value %.6g", assigned, plan->nassignments,
            plan->value);
    /* `feasible` at gap 0 is the best value proven and the least cost
     * not: say which ("feasible, gap 0 %" puzzled a reader: review,
     * twenty-sixth session) */
    if (plan_only_cost_unproven(plan))
        fprintf(f, " (proven the best: bound %.6g; the least cost is not proven)", plan->bound);
    else if (plan->status != PLAN_OPTIMAL)
        fprintf(f, " (bound %.6g, gap %.4g%%)", plan->bound, 100.0 * plan->gap);
    fputc('\n', f);
    fprintf(f, "  cost       %.2f SEK (hosting %.2f, travel and accommodation %.2f)\n", plan->cost,
            plan->hosting_cost, plan->cost - plan->hosting_cost);
    /* how far the cost may be from the least (a steering group's "could
     * another plan be much cheaper?"), when the solve proved a bound */
    if (plan->status == PLAN_FEASIBLE && isfinite(plan->cost_bound))
        fprintf(f, "  least cost at least %.2f SEK: a plan of this value could save at most %.2f%%\n",
                plan->cost_bound, plan_percent_up(plan->cost_gap, 2));
    int groups = 0;
    for (int c = 0; c < plan->ncohorts; c++)
        groups += plan->cohorts[c].groups;
    fprintf(f, "  cohorts    %d opened, %d course groups\n", plan->ncohorts, groups);
    fprintf(f, "  time       %.2f s\n", plan->seconds);
    fprintf(f, "  plan       %s/ (summary.json, assignments.csv, schedule.csv, placements.csv,\n"
               "             settlement.csv, report.md)\n", out);
    fputs("  report     samplan report ", f);
    print_shell_word(f, out);
    fputs("   (a report.html for the steering group)\n", f);
}

/* 1 when paths a and b name the same place: equal once trailing '/' and
 * "/." are dropped, or the same file when both exist. */
static int same_path(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    size_t na = path_trimmed_length(a), nb = path_trimmed_length(b);
    return na == nb && strncmp(a, b, na) == 0;
}

static int solve_command(int argc, char **argv, double t0)
{
    SolveArgs a;
    int prc = parse_args(argc, argv, &a);
    if (prc)
        return prc < 0 ? EXIT_OK : prc;
    if (a.jobs == 0)
        warn_bad_jobs_env();

    DiagList diags = DIAGLIST_INIT;
    Scenario *s = NULL;
    double t_load = clock_seconds();
    int rc = scenario_load(a.dir, a.variant, &s, &diags);
    double load_s = clock_seconds() - t_load; /* reading and checking the files, derived data */
    if (rc) {
        diag_tag_variant(&diags, a.variant);
        diag_sort(&diags);
        diag_print(&diags, stderr, "samplan");
        diag_release(&diags);
        return rc == 2 ? EXIT_BAD_INPUT : EXIT_NO_PLAN;
    }
    diag_print(&s->warnings, stderr, "samplan");

    char outbuf[4096], tail[300];
    snprintf(tail, sizeof tail, "%s%s-plan", a.variant ? "-" : "", a.variant ? a.variant : "");
    const char *out = NULL;
    int existing = 0;
    if (choose_output_dir(a.out, a.dir, tail, a.force, "plan files", outbuf, sizeof outbuf, &out,
                          &existing)) {
        scenario_free(s);
        return EXIT_BAD_INPUT;
    }
    if (existing && !plan_files_replaceable(out)) {
        scenario_free(s);
        return EXIT_BAD_INPUT;
    }
    int force = a.force || existing; /* an empty directory, or asked for */
    if (a.db && same_path(a.db, out)) {
        /* the store check passed (no file yet), the plan directory was
         * made there, and the run went unrecorded with exit 0 (tester,
         * twenty-eighth session) */
        fprintf(stderr, "samplan: --db: '%s' is the plan directory -o; the run store needs a file of its "
                        "own\n", a.db);
        scenario_free(s);
        return EXIT_BAD_INPUT;
    }
    if (a.db) {
        char dberr[512] = "";
        run_store_set_stop(&solver_interrupted);
        int dbrc = run_store_check(a.db, dberr, sizeof dberr);
        if (dbrc) {
            fprintf(stderr, "samplan: --db: %s\n", dberr);
            scenario_free(s);
            return dbrc == -2 ? EXIT_NO_PLAN : EXIT_BAD_INPUT; /* busy: try again, not bad input */
        }
    }

    SolveOptions opt = {a.time_limit >= 0 ? a.time_limit : s->solver.time_limit_s,
                        a.gap >= 0 ? a.gap : s->solver.mip_gap, a.quiet, t0, a.jobs};
    Plan *plan = NULL;
    SolveStats stats;
    char err[512] = "";
    rc = solve_scenario(s, &opt, &plan, &stats, err, sizeof err);
    if (rc) {
        fprintf(stderr, "samplan: %s\n", err);
        scenario_free(s);
        return EXIT_NO_PLAN;
    }
    if (solver_interrupted && !a.quiet)
        fprintf(stderr, "samplan: interrupted; writing the best plan found\n");
    plan_fill_reasons(s, plan);
    plan->seconds = clock_seconds() - t0;
    plan->clock_start = t0; /* clock_seconds is CLOCK_MONOTONIC, as plan_write reads it */
    rc = plan_write(s, plan, out, force, &diags);
    plan_written = rc == 0;
    /* the plan is written: SPEC §4's exit 0 holds even when the run store,
     * checked before the solve, has since become unusable or stays busy
     * (it turned a written plan into exit 1: independent audit,
     * twenty-second session); that is a warning */
    if (rc == 0 && a.db) {
        char dberr[512] = "";
        if (run_store_record(a.db, s, plan, out, &stats, dberr, sizeof dberr))
            fprintf(stderr, "samplan: warning: the plan is written, but the run is not recorded: %s\n", dberr);
    }
    if (rc) {
        diag_print(&diags, stderr, "samplan");
        diag_release(&diags);
        plan_free(plan);
        scenario_free(s);
        return rc == 2 ? EXIT_BAD_INPUT : EXIT_NO_PLAN;
    }
    if (!a.quiet) {
        char blocks[64] = "", alongside[64] = "", again[64] = "", fixed[64] = "";
        if (stats.blocks > 1)
            snprintf(blocks, sizeof blocks, ", %d independent blocks", stats.blocks);
        if (stats.bound_alongside_s > 0.0)
            snprintf(alongside, sizeof alongside, " (and %.2f s alongside the search)", stats.bound_alongside_s);
        if (stats.level1_again_s > 0.01)
            snprintf(again, sizeof again, ", value again %.2f s", stats.level1_again_s);
        if (stats.floor_fixed > 0)
            snprintf(fixed, sizeof fixed, " (%d columns fixed by the value's LP)", stats.floor_fixed);
        fprintf(stderr, "samplan: program %d rows, %d columns, %zu non-zeros (%d participant classes, "
                        "%d slot classes%s); load %.2f s, build %.2f s, value %.2f s (greedy search %.2f s), "
                        "bound %.2f s%s, cost %.2f s%s%s\n",
                stats.rows, stats.cols, stats.nnz, stats.participant_classes, stats.slot_classes, blocks,
                load_s, stats.build_s, stats.level1_s + stats.search_s, stats.search_s, stats.bound_s,
                alongside, stats.level2_s, fixed, again);
    }
    print_summary(s, plan, out, stdout);
    plan_free(plan);
    scenario_free(s);
    return EXIT_OK;
}

/* Ctrl-C is caught from the start of the command to the process's exit,
 * not only while solving: one during loading makes the solve return its
 * first plan at once, and one while the plan is written lets the writing
 * end. Caught only around the solve, a Ctrl-C in those windows killed
 * samplan with no plan or with *.tmp files (independent audit,
 * twenty-second session); given back at the command's end, one during
 * the exit (a sanitizer build's leak check takes a while) still made
 * exit 130. */
int cmd_solve(int argc, char **argv)
{
    double t0 = clock_seconds();
    catch_interrupts();
    return solve_command(argc, argv, t0);
}
