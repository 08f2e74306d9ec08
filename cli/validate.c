/*
 * validate.c — samplan validate DIR [--variant NAME]: loads the base
 * scenario and every variant (or only the named one), prints every problem
 * as `file:line:column: message` on stderr, sorted, and a one-screen summary
 * of each valid load on stdout. Exit 0 when all are valid, 2 otherwise.
 */
#include "commands.h"
#include "../model/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/scenario_json.h"
#include "../io/scenario_load.h"
#include "../model/cohorts.h"

const char validate_usage[] =
    "usage: samplan validate DIR [--variant NAME]\n"
    "\n"
    "Checks the scenario directory DIR without solving: scenario.json and\n"
    "every CSV table, with the base scenario and each of its variants (or\n"
    "only variant NAME). Every problem is listed on stderr as\n"
    "file:line:column: message; a valid scenario gets a summary on stdout\n"
    "(horizon, rows per file, cohorts per track).\n"
    "\n"
    "options:\n"
    "  --variant NAME   check only this variant of scenario.json\n"
    "  -h, --help       show this help\n"
    "\n"
    "exit codes: 0 valid, 1 out of memory or I/O failure, 2 problems found or bad usage\n"
    "file formats: docs/formats.md\n";

static void print_summary(const Scenario *s, FILE *out)
{
    long start = calendar_days(s->start_year, s->start_month, s->start_day);
    char first[11], last[11];
    calendar_format(start, first);
    calendar_format(start + 7L * s->weeks - 1, last);
    int iy, iw, ly, lw;
    calendar_iso_week(start, &iy, &iw);
    calendar_iso_week(start + 7L * s->weeks - 1, &ly, &lw);
    if (s->variant)
        fprintf(out, "scenario '%s', variant '%s': valid\n", s->name, s->variant);
    else
        fprintf(out, "scenario '%s' (base): valid\n", s->name);
    fprintf(out, "  horizon      %s (%04d-W%02d) to %s (%04d-W%02d), %d week%s\n", first, iy, iw,
            last, ly, lw, s->weeks, s->weeks == 1 ? "" : "s");
    fprintf(out, "  cooperation  %s\n", s->cooperation ? "yes" : "no (each municipality alone)");
    int modules = 0;
    for (int t = 0; t < s->ntracks; t++)
        modules += s->tracks[t].nmodules;
    int counts[TABLE_COUNT] = {s->nmunicipalities, s->ndistances, s->ncentres, s->ntracks,
                               modules, s->nparticipants, s->nslots, s->nreservations};
    fputs("  rows         ", out);
    for (int t = 0; t < TABLE_COUNT; t++)
        fprintf(out, "%s%s %d", t == 0 ? "" : t == 4 ? ",\n               " : ", ",
                s->files[t], counts[t]);
    fputc('\n', out);
    long total = 0;
    int width = 10; /* track ids in one column, however long (up to 40) */
    for (int t = 0; t < s->ntracks; t++) {
        size_t len = strlen(s->tracks[t].id);
        width = len > (size_t)width ? (len < 40 ? (int)len : 40) : width;
    }
    fputs("  cohorts      ", out);
    for (int t = 0; t < s->ntracks; t++) {
        const Track *tr = &s->tracks[t];
        int starts = track_start_count(s, t);
        long n = track_cohort_count(s, t);
        total += n;
        if (t)
            fputs("               ", out);
        if (tr->has_course)
            fprintf(out, "%-*s %2d weeks, %3d starts x %3d hosts = %ld\n", width, tr->id,
                    tr->total_weeks, starts, track_host_count(s, t), n);
        else
            fprintf(out, "%-*s %2d weeks, %3d starts, no course (no host) = %ld\n", width, tr->id,
                    tr->total_weeks, starts, n);
    }
    fprintf(out, "%stotal %ld cohorts\n", s->ntracks ? "               " : "", total);
}

int cmd_validate(int argc, char **argv)
{
    const char *dir = NULL, *variant = NULL;
    int literal = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int taken = take_operand("validate", a, &literal, &dir);
        if (taken == OPERAND_ERROR)
            return EXIT_BAD_INPUT;
        if (taken == OPERAND_TAKEN)
            continue;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(validate_usage, stdout);
            return EXIT_OK;
        } else if (strcmp(a, "--variant") == 0) {
            if (i + 1 >= argc)
                return usage_error("validate", "--variant needs a NAME");
            variant = argv[++i];
        } else {
            return usage_error("validate", "unknown option '%s'", a);
        }
    }
    if (!dir)
        return usage_error("validate", "missing scenario directory DIR");
    /* --variant "" names the variant '' a scenario.json may have, as for
     * solve and export (tester, twenty-eighth session: validate alone
     * refused it); one the file has not is "unknown variant ''" */

    DiagList all = DIAGLIST_INIT;
    DiagList warns = DIAGLIST_INIT; /* warnings of the loads that succeeded, each once */
    DiagList base_warns = DIAGLIST_INIT; /* the base's, over every variant */
    DiagList base_problems = DIAGLIST_INIT; /* a failed base load's, dropped ones as prints */
    char **names = NULL;
    int nnames = 0;
    int worst = EXIT_OK;
    if (!variant) {
        int rc = scenario_list_variants(dir, &names, &nnames, &all);
        if (rc != 0) {
            diag_sort(&all);
            diag_print(&all, stderr, "samplan");
            diag_release(&all);
            return rc == 1 ? EXIT_NO_PLAN : EXIT_BAD_INPUT;
        }
    }
    int runs = variant ? 1 : 1 + nnames;
    for (int r = 0; r < runs; r++) {
        const char *v = variant ? variant : r == 0 ? NULL : names[r - 1];
        DiagList d = DIAGLIST_INIT;
        d.fingerprint = !variant; /* the base's and each variant's problems are compared */
        Scenario *s = NULL;
        int rc = scenario_load(dir, v, &s, &d);
        if (rc == 0) {
            if (r > 0)
                fputc('\n', stdout);
            print_summary(s, stdout);
            /* the base's warnings come with every variant and are said
             * once; one the base has not is the variant's and names it */
            for (size_t i = 0; i < s->warnings.count; i++) {
                const Diag *w = &s->warnings.items[i];
                if (r == 0 && !variant)
                    diag_add(&base_warns, w->file, w->line, w->column, "%s", w->message);
                if (r > 0 && !variant && !diag_contains(&base_warns, w) && !diag_names_variant(w->message, v))
                    diag_add(&warns, w->file, w->line, w->column, "%s (variant '%s')", w->message, v);
                else if (!diag_contains(&warns, w))
                    diag_add(&warns, w->file, w->line, w->column, "%s", w->message);
            }
            scenario_free(s);
        } else {
            if (rc == 1)
                worst = EXIT_NO_PLAN;
            else if (worst == EXIT_OK)
                worst = EXIT_BAD_INPUT;
            if (v && !variant)
                diag_drop_seen(&d, &base_problems);
            diag_tag_variant(&d, v);
            for (size_t i = 0; i < d.count; i++)
                diag_add(&all, d.items[i].file, d.items[i].line, d.items[i].column, "%s", d.items[i].message);
            all.dropped += d.dropped;
        }
        if (r == 0 && !variant && rc != 0) {
            base_problems = d; /* kept for the variants' loads */
            continue;
        }
        diag_release(&d);
    }
    diag_release(&base_problems);
    diag_sort(&warns);
    diag_print(&warns, stderr, "samplan");
    diag_release(&warns);
    diag_release(&base_warns);
    diag_sort(&all);
    diag_print(&all, stderr, "samplan");
    if (diag_total(&all) && worst == EXIT_OK)
        worst = EXIT_BAD_INPUT;
    diag_release(&all);
    for (int i = 0; i < nnames; i++)
        free(names[i]);
    free(names);
    return worst;
}
