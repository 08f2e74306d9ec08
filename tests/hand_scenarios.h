/*
 * hand_scenarios.h — the hand scenarios of tests/scenarios/NAME/ for Check
 * runners (check_greedy.c, check_lagrange.c): loading one, and visiting
 * every base and variant listed in its EXPECTED with the proven optimum.
 * Static functions; each runner includes it once. Run from the repository
 * root.
 */
#ifndef SAMPLAN_TESTS_HAND_SCENARIOS_H
#define SAMPLAN_TESTS_HAND_SCENARIOS_H

#include <check.h>
#include <dirent.h>
#include <stdio.h>

#include "../io/scenario_load.h"

#define HAND_ROOT "tests/scenarios"

/* Scenario NAME (variant may be NULL); fails the test when it does not load. */
static Scenario *hand_load(const char *name, const char *variant)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s/%s", HAND_ROOT, name);
    DiagList diags = DIAGLIST_INIT;
    Scenario *s = NULL;
    int rc = scenario_load(dir, variant, &s, &diags);
    if (rc)
        diag_print(&diags, stderr, dir);
    diag_release(&diags);
    ck_assert_msg(rc == 0, "scenario %s%s%s does not load", name, variant ? "/" : "", variant ? variant : "");
    return s;
}

/* Calls fn(name, variant or NULL, optimum) for every "value=" and
 * "variant=V value=" line of every EXPECTED. Returns the number of
 * scenarios with an EXPECTED file; *entries (may be NULL) gets the calls. */
static int hand_for_each(void (*fn)(const char *name, const char *variant, double optimum), int *entries)
{
    DIR *d = opendir(HAND_ROOT);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    int n = 0, calls = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[512], line[256];
        snprintf(path, sizeof path, "%s/%s/EXPECTED", HAND_ROOT, e->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        n++;
        while (fgets(line, sizeof line, f)) {
            char var[128];
            double v;
            if (sscanf(line, "value=%lf", &v) == 1)
                fn(e->d_name, NULL, v), calls++;
            else if (sscanf(line, "variant=%127s value=%lf", var, &v) == 2)
                fn(e->d_name, var, v), calls++;
        }
        fclose(f);
    }
    closedir(d);
    if (entries)
        *entries = calls;
    return n;
}

#endif
