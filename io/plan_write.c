/*
 * plan_write.c — the plan directory, all files or none (see plan_write.h).
 * The formats live in plan_tables.c, settlement.c, summary_json.c and
 * report_text.c; this file owns the directory, the order of writing and
 * the clean-up.
 */
#include "plan_write.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../model/reasons.h"
#include "atomic_file.h"
#include "plan_tables.h"
#include "report_text.h"
#include "settlement.h"
#include "summary_json.h"

enum { F_SUMMARY, F_ASSIGNMENTS, F_SCHEDULE, F_PLACEMENTS, F_SETTLEMENT, F_REPORT, F_COUNT };

const char *const plan_file_names[] = {
    "summary.json", "assignments.csv", "schedule.csv", "placements.csv",
    "settlement.csv", "report.md", NULL,
};

/* Makes sure out_dir exists as a directory we may write to. *created is set
 * when this call made it. Returns 0, 1 or 2 as plan_write. */
static int prepare_dir(const char *dir, int force, int *created, DiagList *diags)
{
    struct stat st;
    *created = 0;
    if (stat(dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode)) {
            diag_add(diags, NULL, 0, 0, "output path '%s' exists and is not a directory", dir);
            return 2;
        }
        if (!force) {
            diag_add(diags, NULL, 0, 0,
                     "output directory '%s' exists; use --force to replace its plan "
                     "files or choose another -o", dir);
            return 2;
        }
        return 0;
    }
    if (errno != ENOENT) {
        diag_add(diags, dir, 0, 0, "cannot inspect: %s", strerror(errno));
        return 1;
    }
    if (make_parent_dirs(dir) != 0) {
        diag_add(diags, dir, 0, 0, "cannot create parent directory: %s", strerror(errno));
        return 1;
    }
    if (mkdir(dir, 0700) != 0) {
        diag_add(diags, dir, 0, 0, "cannot create directory: %s", strerror(errno));
        return 1;
    }
    *created = 1;
    if (chmod(dir, 0700) != 0) { /* whatever the umask */
        diag_add(diags, dir, 0, 0, "cannot set mode 0700: %s", strerror(errno));
        rmdir(dir);
        *created = 0;
        return 1;
    }
    return 0;
}

static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd); /* best effort: the renames are already visible */
        close(fd);
    }
}

/* Reasons for the files: the plan's own, or from the cache. Returns 0 or
 * −1 on out-of-memory. */
static int collect_reasons(const Scenario *s, const Plan *plan, ReasonCache *cache,
                           const char ***reasons)
{
    size_t n = s->nparticipants > 0 ? (size_t)s->nparticipants : 1;
    *reasons = calloc(n, sizeof **reasons);
    if (!*reasons)
        return -1;
    for (int i = 0; i < s->nparticipants; i++) {
        const PlanAssignment *a = i < plan->nassignments ? &plan->assignments[i] : NULL;
        if (a && a->cohort >= 0)
            continue;
        (*reasons)[i] = a && a->reason ? a->reason : reason_cache_get(cache, i);
        if (!(*reasons)[i])
            return -1;
    }
    return 0;
}

/* A report.html that `samplan report` made in out_dir describes the plan
 * just replaced (with --force): it goes, so that the directory never
 * shows two plans; `samplan report OUT` makes the new one. A failure to
 * remove it leaves it (the plan is written either way). */
static void remove_stale_report(const char *out_dir)
{
    size_t n = strlen(out_dir) + sizeof "/report.html";
    char *path = malloc(n);
    if (!path)
        return;
    snprintf(path, n, "%s/report.html", out_dir);
    unlink(path);
    free(path);
}

int plan_write(const Scenario *s, const Plan *plan, const char *out_dir, int force,
               DiagList *diags)
{
    AtomicFile files[F_COUNT];
    for (int k = 0; k < F_COUNT; k++)
        files[k] = (AtomicFile)ATOMIC_FILE_INIT;
    Settlement st = {0};
    int *sizes = NULL, *order = NULL;
    const char **reasons = NULL;
    ReasonCache *cache = NULL;
    json_t *summary = NULL;
    int created = 0;

    int rc = prepare_dir(out_dir, force, &created, diags);
    if (rc != 0)
        return rc;
    rc = 1;
    sizes = plan_cohort_sizes(plan);
    order = plan_cohort_order(s, plan);
    if (!sizes || !order || settlement_compute(s, plan, &st) != 0 ||
        !(cache = reason_cache_new(s, plan)) ||
        collect_reasons(s, plan, cache, &reasons) != 0 ||
        !(summary = summary_json_build(s, plan, sizes, &st))) {
        diag_add(diags, out_dir, 0, 0, "out of memory while writing the plan");
        goto done;
    }

    /* summary.json last, with `seconds` up to that moment */
    for (int i = 0; i < F_COUNT; i++) {
        int k = (i + 1) % F_COUNT; /* F_SUMMARY is 0 */
        AtomicFile *af = &files[k];
        if (atomic_open(af, out_dir, plan_file_names[k], diags) != 0)
            goto done;
        int bad = 0;
        switch (k) {
        case F_SUMMARY:
            if (plan->clock_start > 0.0) {
                struct timespec now;
                clock_gettime(CLOCK_MONOTONIC, &now);
                double elapsed = (double)now.tv_sec + (double)now.tv_nsec * 1e-9 - plan->clock_start;
                if (elapsed > plan->seconds)
                    json_object_set_new(summary, "seconds", json_real(elapsed));
            }
            bad = summary_json_dump(summary, af->f) != 0;
            break;
        case F_ASSIGNMENTS:
            bad = plan_write_assignments(s, plan, reasons, af->f) != 0;
            break;
        case F_SCHEDULE:
            plan_write_schedule(s, plan, sizes, order, af->f);
            break;
        case F_PLACEMENTS:
            plan_write_placements(s, plan, af->f);
            break;
        case F_SETTLEMENT:
            settlement_write_csv(s, &st, af->f);
            break;
        case F_REPORT:
            report_text_write(s, plan, sizes, order, &st, reasons, af->f);
            break;
        }
        if (bad) {
            diag_add(diags, af->tmp_path, 0, 0, "cannot write: %s",
                     errno ? strerror(errno) : "out of memory");
            goto done;
        }
        if (atomic_close(af, diags) != 0)
            goto done;
    }
    /* summary.json last: the renames are one at a time, and a run
     * killed between them (SIGKILL) with --force must not leave a new
     * summary beside the old tables (independent audit, twenty-second
     * session): a new summary.json appears only once every table beside
     * it is new */
    for (int k = 0; k < F_COUNT; k++)
        if (k != F_SUMMARY && atomic_commit(&files[k], diags) != 0)
            goto done;
    if (atomic_commit(&files[F_SUMMARY], diags) != 0)
        goto done;
    remove_stale_report(out_dir);
    sync_dir(out_dir);
    rc = 0;

done:
    for (int k = 0; k < F_COUNT; k++)
        atomic_abort(&files[k]); /* removes any .tmp left; frees paths */
    if (rc != 0 && created)
        rmdir(out_dir); /* only succeeds when we left it empty */
    json_decref(summary);
    free(reasons);
    reason_cache_free(cache);
    free(sizes);
    free(order);
    settlement_release(&st);
    return rc;
}
