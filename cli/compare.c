/*
 * compare.c — `samplan compare DIR`: solve the base and variants of one
 * scenario and write the side-by-side table a steering group reads.
 *
 * Every run is loaded before anything is solved, so bad input costs no
 * solver time. Each run's plan goes to OUT/<run>/ (plan_write), the table to
 * OUT/compare.csv and OUT/compare.md (atomic, mode 0600; the Markdown is
 * also printed on stdout). The numbers come from io/compare_table.c, the
 * text from io/compare_write.c: this file only drives. Ctrl-C stops the
 * current solve (its best plan is kept), skips the rest and still writes
 * the table with what is done.
 */
#include "commands.h"
#include "run_setup.h"

#include "../io/atomic_file.h"
#include "../io/compare_table.h"
#include "../io/compare_write.h"
#include "../io/csv_table.h"
#include "../io/plan_write.h"
#include "../io/scenario_load.h"
#include "../model/reasons.h"
#include "../solver/glpk_run.h"
#include "../solver/solve.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char compare_usage[] =
    "usage: samplan compare DIR [--variants a,b,...] [-o OUT] [--time-limit S]\n"
    "                       [--force] [--quiet]\n"
    "\n"
    "Solves the base scenario in DIR and its variants and writes a side-by-side\n"
    "table: participants assigned (by target group, gender and home\n"
    "municipality), costs split into hosting, course travel, accommodation and\n"
    "placement travel, km travelled, course groups per host, placement slot\n"
    "utilisation and the settlement, each variant with its difference from the\n"
    "base. Writes OUT/compare.csv, OUT/compare.md (also printed) and each run's\n"
    "plan in OUT/base/, OUT/<variant>/.\n"
    "\n"
    "  --variants a,b   the variants to run, in this order (default: all variants\n"
    "                   of scenario.json, in file order)\n"
    "  -o OUT           output directory (default: a new directory named after\n"
    "                   the scenario, e.g. sikt-inland-compare); an existing\n"
    "                   non-empty directory is refused unless --force\n"
    "  --time-limit S   seconds per run (default: each run's solver.time_limit_s)\n"
    "  --force          write into an existing OUT, replacing its compare and plan\n"
    "                   files (plans of runs not made this time are removed)\n"
    "  --quiet          no progress lines on stderr\n"
    "\n"
    "Ctrl-C stops the current solve, skips the remaining runs and writes the\n"
    "table with what is done.\n"
    "exit: 0 every run produced a plan, 1 a run has no plan (solver failure,\n"
    "interrupted) or an I/O failure, 2 bad input or usage\n";

typedef struct CompareArgs {
    const char *dir;
    const char *out;
    const char *variants; /* comma-separated, or NULL for all */
    double time_limit;    /* < 0: each scenario's default */
    int force;
    int quiet;
} CompareArgs;

static int parse_args(int argc, char **argv, CompareArgs *a)
{
    *a = (CompareArgs){NULL, NULL, NULL, -1.0, 0, 0};
    int literal = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        int taken = take_operand("compare", arg, &literal, &a->dir);
        if (taken == OPERAND_ERROR)
            return EXIT_BAD_INPUT;
        if (taken == OPERAND_TAKEN)
            continue;
        int has_value = i + 1 < argc;
        if (strcmp(arg, "-o") == 0 || strcmp(arg, "--out") == 0) {
            if (!has_value)
                return usage_error("compare", "%s needs a directory", arg);
            a->out = argv[++i];
        } else if (strcmp(arg, "--variants") == 0) {
            if (!has_value)
                return usage_error("compare", "--variants needs a comma-separated list of names");
            a->variants = argv[++i];
        } else if (strcmp(arg, "--time-limit") == 0) {
            if (!has_value || parse_double_option(argv[i + 1], 0.0, 1e9, &a->time_limit))
                return bad_option_value("compare", "--time-limit", "seconds from 0 to 1000000000", argc, argv, i);
            i++;
        } else if (strcmp(arg, "--force") == 0) {
            a->force = 1;
        } else if (strcmp(arg, "--quiet") == 0 || strcmp(arg, "-q") == 0) {
            a->quiet = 1;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(compare_usage, stdout);
            return -1;
        } else {
            return usage_error("compare", "unknown option '%s'", arg);
        }
    }
    if (!a->dir)
        return usage_error("compare", "missing scenario directory");
    return 0;
}

/* A table label: a run's name (at most 255 bytes) and a -N suffix. */
#define LABEL_SIZE 300

/* One run: the base (variant NULL) or a variant. */
typedef struct Run {
    const char *variant; /* borrowed from the variant list; NULL for the base */
    char name[256];      /* "base" or the variant name */
    char subdir[300];    /* directory name inside OUT */
    Scenario *s;         /* owned */
    Plan *plan;          /* owned; NULL when not solved or failed */
    CompareMetrics m;    /* valid when has_metrics */
    int has_metrics;
    const char *note;    /* status text without a plan: "not run", "error" */
} Run;

static void free_names(char **names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* The index in names of the name p[0..len), or −1. */
static int variant_index(char **names, int nnames, const char *p, size_t len)
{
    for (int i = 0; i < nnames; i++)
        if (strlen(names[i]) == len && strncmp(names[i], p, len) == 0)
            return i;
    return -1;
}

/* Fills *sel with the variants to run: all names, or those of `list` in its
 * order. Returns 0, or EXIT_BAD_INPUT with a message. *sel borrows from
 * names. */
static int select_variants(const char *list, char **names, int nnames, const char ***sel, int *nsel)
{
    *sel = malloc(((size_t)nnames + 1) * sizeof **sel);
    *nsel = 0;
    if (!*sel) {
        fputs("samplan: out of memory\n", stderr);
        return EXIT_NO_PLAN;
    }
    if (!list) {
        for (int i = 0; i < nnames; i++)
            (*sel)[(*nsel)++] = names[i];
        return 0;
    }
    const char *p = list;
    for (;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == 0)
            return usage_error("compare", "--variants has an empty name in '%s'", list);
        int found = variant_index(names, nnames, p, len);
        if (found < 0) {
            /* "a, b" as a shell user writes it: blanks around a name are
             * dropped, unless a variant's name holds them (matched above) */
            const char *q = p;
            size_t qlen = len;
            while (qlen > 0 && (*q == ' ' || *q == '\t'))
                q++, qlen--;
            while (qlen > 0 && (q[qlen - 1] == ' ' || q[qlen - 1] == '\t'))
                qlen--;
            if (qlen == 0)
                return usage_error("compare", "--variants has an empty name in '%s'", list);
            found = variant_index(names, nnames, q, qlen);
        }
        if (found < 0) {
            fprintf(stderr, "samplan: unknown variant '%.*s'; scenario.json has ", (int)len, p);
            if (nnames == 0)
                fputs("no variants\n", stderr);
            for (int i = 0; i < nnames; i++)
                fprintf(stderr, "%s'%s'%s", i ? ", " : "", names[i], i + 1 == nnames ? "\n" : "");
            return EXIT_BAD_INPUT;
        }
        for (int k = 0; k < *nsel; k++)
            if ((*sel)[k] == names[found])
                return usage_error("compare", "variant '%s' is given twice in --variants",
                                   names[found]);
        if (*nsel >= nnames)
            return usage_error("compare", "too many names in --variants");
        (*sel)[(*nsel)++] = names[found];
        if (!end)
            break;
        p = end + 1;
    }
    return 0;
}

/* Creates path (mode 0700) and any missing parents (default mode). Returns
 * 0, or −1 with errno set. An existing directory is fine. */
static int make_dirs(const char *path)
{
    if (make_parent_dirs(path) != 0)
        return -1;
    if (mkdir(path, 0700) != 0) {
        struct stat st;
        if (errno != EEXIST || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
            return -1;
    }
    return 0;
}

/* A directory name for run r: its name with anything but [A-Za-z0-9._-]
 * replaced by '_', never "." or "..", "base" only for the base, never a
 * name of the table files beside it ("compare.csv", "compare.md" and their
 * temporary copies: a variant named compare.csv made the table's write
 * fail), unique among runs[0..r). */
static void run_subdir(Run *runs, int r)
{
    char name[256];
    snprintf(name, sizeof name, "%s", runs[r].name);
    for (char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '.' || *p == '_' || *p == '-'))
            *p = '_';
    if (!name[0] || strcmp(name, ".") == 0 || strcmp(name, "..") == 0 ||
        (r > 0 && strcmp(name, "base") == 0) || strncmp(name, "compare.", 8) == 0)
        snprintf(name, sizeof name, "variant-%.200s", runs[r].name[0] == '.' ? "dot" : runs[r].name);
    for (int n = 1;; n++) {
        if (n == 1)
            snprintf(runs[r].subdir, sizeof runs[r].subdir, "%s", name);
        else
            snprintf(runs[r].subdir, sizeof runs[r].subdir, "%s-%d", name, n);
        int taken = 0;
        for (int k = 0; k < r; k++)
            taken |= strcmp(runs[k].subdir, runs[r].subdir) == 0;
        if (!taken)
            return;
    }
}

/* With --force into an OUT an earlier compare wrote: the plan directories
 * it made for runs this one does not make (another --variants) would sit
 * beside the new table without a line in it. Its compare.csv header names
 * its runs (metric,<run>…,delta_<run>…), and their directories follow
 * from the names as run_subdir makes them, so only directories that
 * compare made are named. Returns how many of them this run does not
 * make, their names in *stale (malloc'ed; NULL when none). */
static int stale_run_dirs(const char *out, const Run *runs, int nruns, char (**stale)[300])
{
    *stale = NULL;
    char path[4200];
    snprintf(path, sizeof path, "%s/compare.csv", out);
    DiagList quiet = DIAGLIST_INIT;
    CsvTable t;
    int count = 0;
    if (access(path, F_OK) == 0 && csv_table_open(&t, path, "compare.csv", &quiet) == 0 && t.ncols >= 2 &&
        t.ncols % 2 == 0 && strcmp(t.header[0], "metric") == 0) {
        int n = (int)t.ncols / 2;
        Run *old = calloc((size_t)n, sizeof *old);
        *stale = calloc((size_t)n, sizeof **stale);
        for (int r = 0; old && *stale && r < n; r++) {
            snprintf(old[r].name, sizeof old[r].name, "%s", t.header[1 + r]);
            run_subdir(old, r);
            int made_now = 0;
            for (int k = 0; k < nruns && !made_now; k++)
                made_now = strcmp(runs[k].subdir, old[r].subdir) == 0;
            if (!made_now)
                memcpy((*stale)[count++], old[r].subdir, sizeof old[r].subdir);
        }
        if (!old || !*stale) {
            free(*stale);
            *stale = NULL;
            count = 0;
        }
        free(old);
    }
    if (access(path, F_OK) == 0)
        csv_table_close(&t);
    diag_release(&quiet);
    return count;
}

/* Removes what samplan wrote into OUT/name (plan_file_names and a
 * report.html) when it holds a plan, and the directory when that empties
 * it; anything else in it is left. */
static void remove_old_plan(const char *out, const char *name, int quiet)
{
    char dir[4200], file[4400];
    struct stat st;
    snprintf(dir, sizeof dir, "%s/%s", out, name);
    snprintf(file, sizeof file, "%s/summary.json", dir);
    if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || access(file, F_OK) != 0)
        return;
    for (int k = 0; plan_file_names[k]; k++) {
        snprintf(file, sizeof file, "%s/%s", dir, plan_file_names[k]);
        unlink(file);
    }
    snprintf(file, sizeof file, "%s/report.html", dir);
    unlink(file);
    int gone = rmdir(dir) == 0;
    if (!quiet)
        fprintf(stderr, "samplan: %s: removed the plan of a run the earlier compare made%s\n", dir,
                gone ? "" : " (other files there are kept)");
}

/* Run r's column label in the tables, written into labels[r]: its name,
 * but "variant-base" for a variant named "base" (audit, twenty-second
 * session), with -2, -3, … when an earlier run has that label already (a
 * variant named "variant-base" beside one named "base" gave two columns
 * of one name: tester, twenty-eighth session), as the run directories are
 * named. labels[0 .. r−1] must be filled. */
static const char *run_label(const Run *runs, int r, char (*labels)[LABEL_SIZE])
{
    const char *name = r > 0 && strcmp(runs[r].name, "base") == 0 ? "variant-base" : runs[r].name;
    snprintf(labels[r], LABEL_SIZE, "%s", name);
    for (int n = 2;; n++) {
        int taken = 0;
        for (int q = 0; q < r && !taken; q++)
            taken = strcmp(labels[q], labels[r]) == 0;
        if (!taken)
            return labels[r];
        snprintf(labels[r], LABEL_SIZE, "%s-%d", name, n);
    }
}

/* Loads every run; diagnostics of variants are tagged with the variant.
 * Returns EXIT_OK, or the exit code after printing every diagnostic. */
static int load_runs(const char *dir, Run *runs, int nruns)
{
    DiagList all = DIAGLIST_INIT;
    DiagList base_problems = DIAGLIST_INIT; /* a failed base load's, dropped ones as prints */
    int worst = EXIT_OK;
    for (int r = 0; r < nruns; r++) {
        DiagList d = DIAGLIST_INIT;
        d.fingerprint = runs[0].variant == NULL;
        int rc = scenario_load(dir, runs[r].variant, &runs[r].s, &d);
        if (rc) {
            if (rc == 1)
                worst = EXIT_NO_PLAN;
            else if (worst == EXIT_OK)
                worst = EXIT_BAD_INPUT;
        }
        /* a problem of the base comes with every variant that does not
         * change it: said once, as the base's, as validate does (a broken
         * participants.csv was printed once per run) */
        if (rc && r > 0 && runs[0].variant == NULL)
            diag_drop_seen(&d, &base_problems);
        /* a failed load's warnings are among its problems; each warning
         * once (the base's come with every variant), and, when the base
         * is among the runs, one the base has not names its variant */
        const DiagList *src = rc ? &d : &runs[r].s->warnings;
        diag_tag_variant(&d, runs[r].variant);
        const DiagList *base = runs[0].variant == NULL && runs[0].s ? &runs[0].s->warnings : NULL;
        for (size_t i = 0; i < src->count; i++) {
            const Diag *e = &src->items[i];
            int warning = strncmp(e->message, "warning:", 8) == 0;
            if (warning && !rc && r > 0 && base && !diag_contains(base, e) &&
                !diag_names_variant(e->message, runs[r].variant))
                diag_add(&all, e->file, e->line, e->column, "%s (variant '%s')", e->message, runs[r].variant);
            else if (!(warning && diag_contains(&all, e)))
                diag_add(&all, e->file, e->line, e->column, "%s", e->message);
        }
        all.dropped += d.dropped;
        if (r == 0 && rc && runs[0].variant == NULL) {
            base_problems = d; /* kept for the variants' loads */
            continue;
        }
        diag_release(&d);
    }
    diag_release(&base_problems);
    diag_sort(&all);
    diag_print(&all, stderr, "samplan");
    diag_release(&all);
    return worst;
}

/* 1 (after saying why) when a run's plan directory inside an existing OUT
 * is there but not a directory of its own: a file, or a symbolic link,
 * through which --force wrote a plan outside OUT. Checked before any
 * solve, so that nothing is solved for a plan that cannot be written
 * (tester, twenty-eighth session: the last run failed after the others
 * were solved). */
static int run_dirs_unusable(const char *out, const Run *runs, int nruns)
{
    int bad = 0;
    for (int r = 0; r < nruns; r++) {
        char path[4400];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", out, runs[r].subdir);
        if (lstat(path, &st) != 0 || S_ISDIR(st.st_mode))
            continue;
        fprintf(stderr, "samplan: %s: the plan directory of run %s exists and is %s; move it away or "
                        "choose another -o\n", path, runs[r].name,
                S_ISLNK(st.st_mode) ? "a symbolic link (plans are written only inside OUT)" : "not a directory");
        bad = 1;
    }
    return bad;
}

/* Solves run r and writes its plan to out/<subdir>. Returns EXIT_OK, or
 * EXIT_NO_PLAN after a message (solver or I/O failure). */
static int solve_run(const CompareArgs *a, Run *run, const char *out)
{
    double t0 = clock_seconds();
    const Scenario *s = run->s;
    if (!a->quiet) {
        if (run->variant)
            fprintf(stderr, "samplan: solving variant %s…\n", run->variant);
        else
            fputs("samplan: solving base…\n", stderr);
    }
    SolveOptions opt = {a->time_limit >= 0 ? a->time_limit : s->solver.time_limit_s,
                        s->solver.mip_gap, a->quiet, t0, 0};
    SolveStats stats;
    char err[512] = "";
    if (solve_scenario(s, &opt, &run->plan, &stats, err, sizeof err)) {
        fprintf(stderr, "samplan: %s: %s\n", run->name, err);
        run->plan = NULL;
        run->note = "error";
        return EXIT_NO_PLAN;
    }
    plan_fill_reasons(s, run->plan);
    run->plan->seconds = clock_seconds() - t0;
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", out, run->subdir);
    DiagList diags = DIAGLIST_INIT;
    int rc = plan_write(s, run->plan, path, 1, &diags);
    if (rc) {
        /* a plan not written is not in the table either: it said
         * "optimal" for a run whose directory held no plan (tester,
         * twenty-eighth session) */
        diag_print(&diags, stderr, "samplan");
        diag_release(&diags);
        plan_free(run->plan);
        run->plan = NULL;
        run->note = "error (plan not written)";
        return EXIT_NO_PLAN;
    }
    diag_release(&diags);
    if (!a->quiet) {
        int assigned = 0;
        for (int i = 0; i < run->plan->nassignments; i++)
            assigned += run->plan->assignments[i].cohort >= 0;
        fprintf(stderr, "samplan: %s: %s, %d of %d assigned, value %.6g, cost %.2f SEK (%.1f s)\n",
                run->name, plan_status_names[run->plan->status], assigned, run->plan->nassignments,
                run->plan->value, run->plan->cost, run->plan->seconds);
    }
    return EXIT_OK;
}

/* Writes one file of the table atomically into out. Returns 0 or 1. */
static int write_table_file(const char *out, const char *name, const CompareTable *t,
                            const CompareHeading *h)
{
    AtomicFile af = ATOMIC_FILE_INIT;
    DiagList diags = DIAGLIST_INIT;
    int rc = atomic_open(&af, out, name, &diags);
    if (rc == 0) {
        if (h)
            compare_write_md(t, h, af.f);
        else
            compare_write_csv(t, af.f);
        rc = atomic_close(&af, &diags);
    }
    if (rc == 0)
        rc = atomic_commit(&af, &diags);
    if (rc) {
        atomic_abort(&af);
        diag_print(&diags, stderr, "samplan");
    } else {
        atomic_release(&af);
    }
    diag_release(&diags);
    return rc ? 1 : 0;
}

static int compare_command(int argc, char **argv)
{
    CompareArgs a;
    int prc = parse_args(argc, argv, &a);
    if (prc)
        return prc < 0 ? EXIT_OK : prc;
    warn_bad_jobs_env();

    char(*stale)[300] = NULL; /* plan directories of an earlier compare's other runs */
    int nstale = 0;
    DiagList diags = DIAGLIST_INIT;
    char **names = NULL;
    int nnames = 0;
    int rc = scenario_list_variants(a.dir, &names, &nnames, &diags);
    if (rc) {
        diag_sort(&diags);
        diag_print(&diags, stderr, "samplan");
        diag_release(&diags);
        return rc == 1 ? EXIT_NO_PLAN : EXIT_BAD_INPUT;
    }
    diag_release(&diags);

    const char **sel = NULL;
    int nsel = 0;
    Run *runs = NULL;
    int nruns = 0;
    int exit_code = select_variants(a.variants, names, nnames, &sel, &nsel);
    if (exit_code)
        goto done;

    /* The output directory, checked before any loading or solving. */
    char outbuf[4096];
    const char *out = NULL;
    int existing = 0; /* each run's plan directory is new inside OUT either way */
    if (choose_output_dir(a.out, a.dir, "-compare", a.force, "compare and plan files", outbuf,
                          sizeof outbuf, &out, &existing)) {
        exit_code = EXIT_BAD_INPUT;
        goto done;
    }

    nruns = 1 + nsel;
    runs = calloc((size_t)nruns, sizeof *runs);
    if (!runs) {
        fputs("samplan: out of memory\n", stderr);
        exit_code = EXIT_NO_PLAN;
        goto done;
    }
    for (int r = 0; r < nruns; r++) {
        runs[r].variant = r ? sel[r - 1] : NULL;
        snprintf(runs[r].name, sizeof runs[r].name, "%s", r ? sel[r - 1] : "base");
        runs[r].note = "not run";
        run_subdir(runs, r);
    }
    exit_code = load_runs(a.dir, runs, nruns);
    if (exit_code)
        goto done;
    if (existing && run_dirs_unusable(out, runs, nruns)) {
        exit_code = EXIT_BAD_INPUT;
        goto done;
    }

    if (make_dirs(out)) {
        fprintf(stderr, "samplan: %s: cannot create the output directory: %s\n", out,
                strerror(errno));
        exit_code = EXIT_NO_PLAN;
        goto done;
    }

    /* read before the new table replaces it; removed once it has */
    if (existing)
        nstale = stale_run_dirs(out, runs, nruns, &stale);

    int interrupted_at = -1;
    for (int r = 0; r < nruns; r++) {
        if (solver_interrupted) {
            if (interrupted_at < 0)
                interrupted_at = r;
            runs[r].note = "not run (interrupted)";
            exit_code = EXIT_NO_PLAN;
            continue;
        }
        if (solve_run(&a, &runs[r], out))
            exit_code = EXIT_NO_PLAN;
        if (solver_interrupted && interrupted_at < 0) {
            interrupted_at = r;
            if (!a.quiet)
                fprintf(stderr, "samplan: interrupted; keeping the best plan of %s and writing the "
                                "table\n", runs[r].name);
        }
    }

    CompareRun *cruns = calloc((size_t)nruns, sizeof *cruns);
    char (*labels)[LABEL_SIZE] = calloc((size_t)nruns, sizeof *labels);
    if (!cruns || !labels) {
        free(cruns);
        free(labels);
        fputs("samplan: out of memory\n", stderr);
        exit_code = EXIT_NO_PLAN;
        goto done;
    }
    for (int r = 0; r < nruns; r++) {
        if (runs[r].plan) {
            if (compare_metrics_compute(runs[r].s, runs[r].plan, &runs[r].m) == 0)
                runs[r].has_metrics = 1;
            else
                runs[r].note = "error (out of memory)";
        }
        cruns[r] = (CompareRun){run_label(runs, r, labels), runs[r].s,
                                runs[r].has_metrics ? &runs[r].m : NULL, runs[r].note};
    }
    CompareTable table;
    if (compare_table_build(cruns, nruns, &table)) {
        free(cruns);
        free(labels);
        fputs("samplan: out of memory\n", stderr);
        exit_code = EXIT_NO_PLAN;
        goto done;
    }
    free(cruns);
    free(labels);

    char date[16] = "unknown";
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm))
        strftime(date, sizeof date, "%Y-%m-%d", &tm);
    char note[512];
    const char *note_text = NULL;
    if (interrupted_at >= 0) {
        snprintf(note, sizeof note,
                 "Interrupted (Ctrl-C) while solving %s: its plan is the best found so far%s.",
                 runs[interrupted_at].name,
                 interrupted_at + 1 < nruns ? "; the runs after it were not solved" : "");
        note_text = note;
    }
    CompareHeading heading = {runs[0].s->name, a.dir, date, note_text};
    if (write_table_file(out, "compare.csv", &table, NULL) ||
        write_table_file(out, "compare.md", &table, &heading)) {
        exit_code = EXIT_NO_PLAN;
    } else {
        compare_write_md(&table, &heading, stdout);
        for (int k = 0; k < nstale; k++)
            remove_old_plan(out, stale[k], a.quiet);
        if (!a.quiet)
            fprintf(stderr, "samplan: wrote %s/compare.md, %s/compare.csv and each run's plan in "
                            "%s/<run>/\n", out, out, out);
    }
    compare_table_release(&table);

done:
    if (runs)
        for (int r = 0; r < nruns; r++) {
            compare_metrics_release(&runs[r].m);
            plan_free(runs[r].plan);
            scenario_free(runs[r].s);
        }
    free(runs);
    free(stale);
    free(sel);
    free_names(names, nnames);
    return exit_code;
}

/* Ctrl-C is caught from here to the process's exit (see cmd_solve): the
 * runs not yet solved are marked so, and the table is still written. */
int cmd_compare(int argc, char **argv)
{
    catch_interrupts();
    return compare_command(argc, argv);
}
