/*
 * check_compare.c — io/compare_table.c and io/compare_write.c: metrics of
 * solved hand scenarios (tests/scenarios/<name>, optima in their EXPECTED files
 * and tests/scenarios/README.md) with costs split by kind, the side-by-side
 * table and its differences, runs without a plan, number formatting, the
 * CSV and the plain-language summary. Run from the repository root.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/compare_table.h"
#include "../io/compare_write.h"
#include "../io/scenario_load.h"
#include "../solver/glpk_run.h"
#include "../solver/solve.h"

#define EPS 1e-6

/* A loaded and solved run. */
typedef struct Solved {
    Scenario *s;
    Plan *plan;
    CompareMetrics m;
} Solved;

static void solve_dir(const char *dir, const char *variant, Solved *out)
{
    DiagList diags = DIAGLIST_INIT;
    memset(out, 0, sizeof *out);
    int rc = scenario_load(dir, variant, &out->s, &diags);
    if (rc) {
        diag_print(&diags, stderr, "check_compare");
        diag_release(&diags);
    }
    ck_assert_int_eq(rc, 0);
    SolveOptions opt = {30.0, 0.0, 1, clock_seconds(), 0};
    SolveStats stats;
    char err[512] = "";
    rc = solve_scenario(out->s, &opt, &out->plan, &stats, err, sizeof err);
    ck_assert_msg(rc == 0, "solve failed: %s", err);
    ck_assert_int_eq(compare_metrics_compute(out->s, out->plan, &out->m), 0);
    /* the recomputed parts always add up to the plan's cost */
    ck_assert_double_eq_tol(out->m.total_cost, out->plan->cost, EPS * fmax(1.0, out->plan->cost));
}

static void release(Solved *x)
{
    compare_metrics_release(&x->m);
    plan_free(x->plan);
    scenario_free(x->s);
    memset(x, 0, sizeof *x);
}

static double cell(const CompareTable *t, const char *key, int r)
{
    const CompareRow *row = compare_table_find(t, key);
    ck_assert_msg(row != NULL, "no row '%s'", key);
    return row->values[r];
}

static double delta(const CompareTable *t, const char *key, int r)
{
    const CompareRow *row = compare_table_find(t, key);
    ck_assert_msg(row != NULL, "no row '%s'", key);
    return compare_delta(row, r);
}

START_TEST(test_no_cooperation_metrics)
{
    Solved b, c;
    solve_dir("tests/scenarios/no_cooperation", NULL, &b);
    solve_dir("tests/scenarios/no_cooperation", "coop", &c);

    ck_assert_int_eq(b.m.status, PLAN_OPTIMAL);
    ck_assert_double_eq_tol(b.m.value, 1.0, EPS);
    ck_assert_int_eq(b.m.assigned, 1);
    ck_assert_int_eq(b.m.unassigned, 2);
    ck_assert_double_eq_tol(b.m.total_cost, 10.0, EPS);
    ck_assert_double_eq_tol(b.m.hosting_cost, 10.0, EPS);
    ck_assert_double_eq_tol(b.m.course_travel_cost + b.m.placement_travel_cost, 0.0, EPS);
    ck_assert_int_eq(b.m.group_assigned[GROUP_YOUTH], 1);
    ck_assert_int_eq(b.m.group_unassigned[GROUP_NEWCOMER], 1);

    /* coop: a1, a2 at home; b1 commutes 20 km to Aby for one course week
     * (2·20·5 = 200) and back home to SB for one placement week (200) */
    ck_assert_double_eq_tol(c.m.value, 3.0, EPS);
    ck_assert_int_eq(c.m.assigned, 3);
    ck_assert_double_eq_tol(c.m.total_cost, 410.0, EPS);
    ck_assert_double_eq_tol(c.m.hosting_cost, 10.0, EPS);
    ck_assert_double_eq_tol(c.m.course_travel_cost, 200.0, EPS);
    ck_assert_double_eq_tol(c.m.placement_travel_cost, 200.0, EPS);
    ck_assert_double_eq_tol(c.m.accommodation_cost, 0.0, EPS);
    ck_assert_double_eq_tol(c.m.course_km, 200.0, EPS);
    ck_assert_double_eq_tol(c.m.placement_km, 200.0, EPS);
    ck_assert_int_eq(c.m.relocating, 0);
    int aby = scenario_find_municipality(c.s, "0101");
    int bby = scenario_find_municipality(c.s, "0102");
    ck_assert_int_eq(c.m.groups_hosted[aby], 1);
    ck_assert_int_eq(c.m.taught[aby], 3);
    ck_assert_int_eq(c.m.taught[bby], 0);
    ck_assert_int_eq(c.m.home_assigned[bby], 1);
    ck_assert_int_eq(c.m.gender_assigned[GENDER_WOMAN], 2);
    ck_assert_int_eq(c.m.gender_assigned[GENDER_MAN], 1);
    /* slots SA (1 place) and SB (5 places), weeks 1–2: 4 open slot-weeks;
     * one participant at SA and two at SB in week 2 */
    ck_assert_int_eq(c.m.slot_weeks_open, 4);
    ck_assert_int_eq(c.m.slot_weeks_used, 2);
    ck_assert_double_eq_tol(c.m.peak_utilisation, 1.0, EPS);
    ck_assert_double_eq_tol(c.m.average_utilisation, (1.0 + 0.4) / 4.0, EPS);
    ck_assert_double_eq_tol(b.m.average_utilisation, 0.25, EPS);
    release(&b);
    release(&c);
}
END_TEST

START_TEST(test_relocation_split)
{
    /* pa home; pb commutes 50 km (2·50·5·2 = 1000); pc relocates 150 km:
     * travel 2·150·2 = 600, accommodation 100·2 = 200; seat price 50 at Aby */
    Solved r;
    solve_dir("tests/scenarios/relocation", NULL, &r);
    ck_assert_int_eq(r.m.assigned, 3);
    ck_assert_int_eq(r.m.relocating, 1);
    ck_assert_double_eq_tol(r.m.course_travel_cost, 1600.0, EPS);
    ck_assert_double_eq_tol(r.m.accommodation_cost, 200.0, EPS);
    ck_assert_double_eq_tol(r.m.hosting_cost, 0.0, EPS);
    ck_assert_double_eq_tol(r.m.total_cost, 1800.0, EPS);
    ck_assert_double_eq_tol(r.m.course_km, 1600.0, EPS);
    ck_assert_double_eq_tol(r.m.settlement_gross, 200.0, EPS);
    ck_assert_int_eq(r.m.slot_weeks_open, 0);
    ck_assert_double_eq_tol(r.m.peak_utilisation, 0.0, EPS);
    release(&r);
}
END_TEST

START_TEST(test_budget_variants)
{
    static const char *const names[] = {NULL, "nobudget", "zero", "tight"};
    static const double value[] = {3, 4, 0, 0}, cost[] = {400, 700, 0, 0};
    Solved x[4];
    CompareRun runs[4];
    for (int i = 0; i < 4; i++) {
        solve_dir("tests/scenarios/budget", names[i], &x[i]);
        ck_assert_double_eq_tol(x[i].m.value, value[i], EPS);
        ck_assert_double_eq_tol(x[i].m.total_cost, cost[i], EPS);
        runs[i] = (CompareRun){names[i] ? names[i] : "base", x[i].s, &x[i].m, NULL};
    }
    /* base: a1 at home, b1 (priority 2) commutes 30 km: hosting 100 + 300 */
    ck_assert_double_eq_tol(x[0].m.course_travel_cost, 300.0, EPS);
    ck_assert_double_eq_tol(x[0].m.hosting_cost, 100.0, EPS);

    CompareTable t;
    ck_assert_int_eq(compare_table_build(runs, 4, &t), 0);
    ck_assert_int_eq(t.nruns, 4);
    ck_assert_str_eq(t.runs[0], "base");
    ck_assert_str_eq(t.runs[3], "tight");
    ck_assert_double_eq_tol(cell(&t, "value", 1), 4.0, EPS);
    ck_assert_double_eq_tol(delta(&t, "value", 1), 1.0, EPS);
    ck_assert_double_eq_tol(delta(&t, "cost.total", 1), 300.0, EPS);
    ck_assert_double_eq_tol(delta(&t, "cost.total", 2), -400.0, EPS);
    ck_assert_double_eq_tol(cell(&t, "assigned", 2), 0.0, EPS);
    ck_assert_double_eq_tol(cell(&t, "assigned_share", 1), 1.0, EPS);
    ck_assert_double_eq_tol(cell(&t, "home.0102.assigned", 0), 1.0, EPS);
    ck_assert_double_eq_tol(cell(&t, "home.0102.unassigned", 0), 1.0, EPS);
    ck_assert_double_eq_tol(cell(&t, "host.0101.participants", 1), 3.0, EPS);
    ck_assert(isnan(cell(&t, "cost.per_assigned", 2)));
    ck_assert(isnan(delta(&t, "cost.per_assigned", 2)));
    /* nobody hosts in 0102, so it has no hosting rows */
    ck_assert_ptr_null(compare_table_find(&t, "host.0102.groups"));
    const CompareRow *st = compare_table_find(&t, "status");
    ck_assert_str_eq(st->texts[2], "optimal");
    ck_assert(isnan(compare_delta(st, 2)));
    compare_table_release(&t);
    for (int i = 0; i < 4; i++)
        release(&x[i]);
}
END_TEST

START_TEST(test_run_without_plan)
{
    Solved b;
    solve_dir("tests/scenarios/no_cooperation", NULL, &b);
    CompareRun runs[2] = {{"base", b.s, &b.m, NULL}, {"coop", b.s, NULL, "not run (interrupted)"}};
    CompareTable t;
    ck_assert_int_eq(compare_table_build(runs, 2, &t), 0);
    ck_assert_str_eq(compare_table_find(&t, "status")->texts[1], "not run (interrupted)");
    ck_assert(isnan(cell(&t, "assigned", 1)));
    ck_assert(isnan(delta(&t, "assigned", 1)));
    char buf[1024];
    ck_assert_str_eq(compare_summary_sentence(&t, 1, buf, sizeof buf),
                     "**coop**: no plan, not run (interrupted)");
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    compare_write_csv(&t, f);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(text, "metric,base,coop,delta_coop\n"));
    ck_assert_ptr_nonnull(strstr(text, "\nstatus,optimal,not run (interrupted),\n"));
    ck_assert_ptr_nonnull(strstr(text, "\nassigned,1,,\n"));
    free(text);
    compare_table_release(&t);
    release(&b);
}
END_TEST

/* The table built again from the runs (after their figures changed) and
 * its compare.md, as text the caller frees. */
static char *rebuilt_md(CompareRun *runs, CompareTable *t, const CompareHeading *h)
{
    char *text = NULL;
    size_t len = 0;
    compare_table_release(t);
    ck_assert_int_eq(compare_table_build(runs, 2, t), 0);
    FILE *f = open_memstream(&text, &len);
    compare_write_md(t, h, f);
    fclose(f);
    return text;
}

START_TEST(test_csv_and_markdown)
{
    Solved b, c;
    solve_dir("tests/scenarios/no_cooperation", NULL, &b);
    solve_dir("tests/scenarios/no_cooperation", "coop", &c);
    CompareRun runs[2] = {{"base", b.s, &b.m, NULL}, {"coop", c.s, &c.m, NULL}};
    CompareTable t;
    ck_assert_int_eq(compare_table_build(runs, 2, &t), 0);

    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    compare_write_csv(&t, f);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(text, "metric,base,coop,delta_coop\nstatus,optimal,optimal,\n"));
    ck_assert_ptr_nonnull(strstr(text, "\nvalue,1.0,3.0,2.0\n"));
    ck_assert_ptr_nonnull(strstr(text, "\nassigned,1,3,2\n"));
    ck_assert_ptr_nonnull(strstr(text, "\ncost.total,10.0,410.0,400.0\n"));
    ck_assert_ptr_nonnull(strstr(text, "\ncost.course_travel,0.0,200.0,200.0\n"));
    ck_assert_ptr_nonnull(strstr(text, "\nhome.0102.assigned,0,1,1\n"));
    ck_assert_ptr_nonnull(strstr(text, "\nhost.0101.participants,1,3,2\n"));
    free(text);

    char buf[2048];
    ck_assert_str_eq(compare_summary_sentence(&t, 1, buf, sizeof buf),
                     "**coop** places 2 more participants than the base (+200 %: 3 instead of 1) "
                     "at 400 SEK more (410 instead of 10 SEK). Cost per assigned participant 137 "
                     "instead of 10 SEK; assigned by target group: youth +1, newcomer +1; "
                     "assigned by gender: woman +1, man +1.");

    text = NULL;
    f = open_memstream(&text, &len);
    CompareHeading h = {"no_cooperation", "tests/scenarios/no_cooperation", "2027-01-04", NULL};
    compare_write_md(&t, &h, f);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(text, "# Comparison: no_cooperation\n"));
    ck_assert_ptr_nonnull(strstr(text, "compared on 2027-01-04 (2027-W01)"));
    ck_assert_ptr_nonnull(strstr(text, "|  | base | coop | Δ coop |\n|---|---:|---:|---:|\n"));
    ck_assert_ptr_nonnull(strstr(text, "| total cost | 10 | 410 | +400 (+4 000 %) |\n"));
    ck_assert_ptr_nonnull(strstr(text, "| assigned share | 33.3 % | 100 % | +66.7 pp |\n"));
    ck_assert_ptr_nonnull(strstr(text, "| Bby (0102) assigned | 0 | 1 | +1 |\n"));
    free(text);

    /* a feasible run shows its gap next to its value */
    c.m.status = PLAN_FEASIBLE;
    c.m.gap = 0.021;
    text = rebuilt_md(runs, &t, &h);
    ck_assert_ptr_nonnull(strstr(text, "| value | 1 | 3 (gap 2.1 %) | +2 (+200 %) |\n"));
    ck_assert_ptr_nonnull(strstr(text, "410 instead of 10 SEK), not proven optimal (gap 2.1 %)."));
    free(text);
    /* a gap under a tenth of a percent is not shown as "gap 0 %" */
    c.m.gap = 0.0004;
    text = rebuilt_md(runs, &t, &h);
    ck_assert_ptr_nonnull(strstr(text, "| value | 1 | 3 (gap 0.1 %) | +2 (+200 %) |\n"));
    ck_assert_ptr_nonnull(strstr(text, "not proven optimal (gap 0.1 %)."));
    free(text);
    /* at gap 0 the value is proven, the cost is not: said so, not "gap 0 %" */
    c.m.gap = 0.0;
    text = rebuilt_md(runs, &t, &h);
    ck_assert_ptr_nonnull(strstr(text, "| value | 1 | 3 (cost not proven) | +2 (+200 %) |\n"));
    ck_assert_ptr_nonnull(strstr(text, "410 instead of 10 SEK), its value proven the best but not its cost the least."));
    free(text);
    /* with a bound on the least cost: how much could at most be saved */
    c.m.cost_bound = 400.0;
    c.m.cost_gap = 10.0 / 410.0;
    text = rebuilt_md(runs, &t, &h);
    ck_assert_ptr_nonnull(strstr(text, "its value proven the best but not its cost the least (at most 2.5 % of it "
                                       "could be saved)."));
    ck_assert_ptr_nonnull(strstr(text, "| least cost at least | 10 | 400 | +390 (+3 900 %) |\n"));
    free(text);
    compare_table_release(&t);
    release(&b);
    release(&c);
}
END_TEST

START_TEST(test_format_number)
{
    char buf[64];
    ck_assert_str_eq(compare_format_number(410000, 0, 0, buf), "410 000");
    ck_assert_str_eq(compare_format_number(410000, 0, 1, buf), "+410 000");
    ck_assert_str_eq(compare_format_number(-1234.5, 1, 0, buf), "-1 234.5");
    ck_assert_str_eq(compare_format_number(1234567.891, 3, 0, buf), "1 234 567.891");
    ck_assert_str_eq(compare_format_number(3.8, 3, 0, buf), "3.8");
    ck_assert_str_eq(compare_format_number(999.5, 0, 0, buf), "1 000");
    ck_assert_str_eq(compare_format_number(-0.0001, 1, 1, buf), "0");
    ck_assert_str_eq(compare_format_number(0, 0, 1, buf), "0");
    ck_assert_str_eq(compare_format_number(NAN, 0, 0, buf), "–");
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("compare");
    TCase *tc = tcase_create("compare");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_no_cooperation_metrics);
    tcase_add_test(tc, test_relocation_split);
    tcase_add_test(tc, test_budget_variants);
    tcase_add_test(tc, test_run_without_plan);
    tcase_add_test(tc, test_csv_and_markdown);
    tcase_add_test(tc, test_format_number);
    suite_add_tcase(suite, tc);
    SRunner *sr = srunner_create(suite);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
