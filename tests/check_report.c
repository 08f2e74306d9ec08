/*
 * check_report.c — io/plan_read.c and io/report_html.c: a plan written by
 * plan_write (the hand-built fixture, and tests/scenarios/pooling solved by
 * solve_scenario) is read back and rendered; the HTML holds the key
 * figures, ISO weeks with Monday dates, names, grouped SEK amounts and
 * escaped special characters; report.html is private and atomic; broken
 * plan directories give exit-2 diagnostics naming the file, line and column.
 * Run from the repository root.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../io/plan_read.h"
#include "../io/plan_write.h"
#include "../io/report_html.h"
#include "../io/scenario_load.h"
#include "../model/diag.h"
#include "../solver/glpk_run.h"
#include "../solver/solve.h"
#include "plan_fixture.h"
#include "test_tmpdir.h"

#define NBSP "\xc2\xa0"

static char tmpdir[64];
static char outdir[128];

static void setup(void)
{
    strcpy(tmpdir, "/tmp/check_report.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    snprintf(outdir, sizeof outdir, "%s/plan", tmpdir);
}

static void teardown(void)
{
    rm_rf(tmpdir);
}

static char *slurp(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    fclose(f);
    return buf;
}

static void put_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

/* The fixture of plan_fixture.h with an unassigned participant whose id
 * and reason hold HTML's special characters. */
static void write_fixture(void)
{
    Scenario *s = fx_scenario();
    Plan *plan = fx_plan();
    free(s->participants[5].id);
    s->participants[5].id = strdup("<&>\"x'");
    free(plan->assignments[5].reason);
    plan->assignments[5].reason = strdup("no <script>alert(1)</script> & \"more\"");
    DiagList diags = DIAGLIST_INIT;
    int rc = plan_write(s, plan, outdir, 0, &diags);
    if (rc && diags.count)
        diag_print(&diags, stderr, "check_report");
    ck_assert_int_eq(rc, 0);
    diag_release(&diags);
    plan_free(plan);
    scenario_free(s);
}

/* Reads outdir and writes report.html; returns the HTML (owned). */
static char *build_report(void)
{
    DiagList diags = DIAGLIST_INIT;
    PlanRead *pr = NULL;
    int rc = plan_read(outdir, &pr, &diags);
    if (rc && diags.count)
        diag_print(&diags, stderr, "check_report");
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(report_html_write(pr, outdir, "2027-03-01 09:00", &diags), 0);
    ck_assert_uint_eq(diags.count, 0);
    plan_read_free(pr);
    diag_release(&diags);
    char *html = slurp(outdir, "report.html");
    ck_assert_ptr_nonnull(html);
    return html;
}

#define HAS(html, text) ck_assert_msg(strstr((html), (text)) != NULL, "missing: %s", (text))
#define HASNT(html, text) ck_assert_msg(strstr((html), (text)) == NULL, "unexpected: %s", (text))

START_TEST(test_fixture_key_figures)
{
    write_fixture();
    char *html = build_report();
    HAS(html, "<!DOCTYPE html>");
    HAS(html, "<title>Plan report: Fixture, &quot;test&quot;</title>");
    HAS(html, "Report generated 2027-03-01 09:00");
    HAS(html, "<span class=\"badge ok\">optimal</span>");
    /* 5 of 7 assigned, 2 not */
    HAS(html, "<div class=\"v\">5 <span class=\"muted\" style=\"font-size:15px\">of 7</span>");
    HAS(html, "71.4" NBSP "%");
    HAS(html, "<div class=\"v\">2</div>");
    HAS(html, "<div class=\"v\">4.9</div>");
    /* cost 4 234.93 = hosting 3000 + travel 1234.5 + 0.1 + 1/3 */
    HAS(html, "4" NBSP "235" NBSP "SEK");
    HAS(html, "course groups 3" NBSP "000");
    /* horizon: week 1 = 2027-W01, Monday 2027-01-04; 20 weeks */
    HAS(html, "20 weeks, 2027-W01 (Monday 2027-01-04) to 2027-W20 (Monday 2027-05-17)");
    /* no scripts, no external resources */
    HASNT(html, "<script");
    HASNT(html, "src=");
    HASNT(html, "href=");
    free(html);
}
END_TEST

START_TEST(test_fixture_breakdowns)
{
    write_fixture();
    char *html = build_report();
    HAS(html, "Youth 16–24");
    HAS(html, "Women <span class=\"muted\">(kvinnor)</span>");
    /* youth: P,1 and " p4" assigned, p5 not → 3 participants, 66.7 % */
    HAS(html, "</td><td class=\"n\">3</td><td class=\"n\">2</td><td class=\"n\">1</td>");
    HAS(html, "66.7" NBSP "%");
    /* home names come from report.md next to the plan */
    HAS(html, "Gamma, Town <span class=\"code\">0003</span>");
    HAS(html, "Delta <span class=\"code\">0004</span>");
    free(html);
}
END_TEST

START_TEST(test_fixture_schedule_weeks)
{
    write_fixture();
    char *html = build_report();
    /* C1: T1 at Alpha from week 5 = 2027-W05, Monday 2027-02-01; its
     * "Final, exam" module is week 10 = 2027-W10, Monday 2027-03-08 */
    HAS(html, "Host: Alpha <span class=\"code\">0001</span>");
    HAS(html, "<span class=\"wk\">2027-W05</span> <span class=\"date\">Mon 2027-02-01</span>");
    HAS(html, "Final, exam");
    HAS(html, "<span class=\"wk\">2027-W10</span> <span class=\"date\">Mon 2027-03-08</span>");
    /* the host-less T2 cohort, week 6 to 9 */
    HAS(html, "Placement-only tracks");
    HAS(html, "Work (placement): 2027-W06 to 2027-W09");
    /* chart: Intro of C0 is 2 weeks of course from week 1 */
    HAS(html, "<td class=\"c\" colspan=\"2\" title=\"Intro (course): 2027-W01 to 2027-W02\">");
    /* slot use: "S,1" has P,1 and p2 in weeks 3–5 */
    HAS(html, "<td class=\"lbl\">S,1</td><td></td><td></td><td class=\"h\"");
    HAS(html, "title=\"2027-W03: 2\">2</td>");
    free(html);
}
END_TEST

/* The chart's month row names the year on the first month wide enough to
 * carry it: a start on Monday 2026-11-30 has one week of November, too
 * narrow, and "Dec" once showed no year at all. */
START_TEST(test_month_row_names_the_year)
{
    Scenario *s = fx_scenario();
    Plan *plan = fx_plan();
    strcpy(s->start, "2026-11-30");
    s->start_year = 2026;
    s->start_month = 11;
    s->start_day = 30;
    DiagList diags = DIAGLIST_INIT;
    ck_assert_int_eq(plan_write(s, plan, outdir, 0, &diags), 0);
    diag_release(&diags);
    plan_free(plan);
    scenario_free(s);
    char *html = build_report();
    HAS(html, "title=\"2026-11\"></th>");
    HAS(html, "title=\"2026-12\">Dec 2026</th>");
    HAS(html, "title=\"2027-01\">Jan 2027</th>");
    HAS(html, "title=\"2027-02\">Feb</th>");
    free(html);
}
END_TEST

START_TEST(test_fixture_settlement)
{
    write_fixture();
    char *html = build_report();
    /* net: Beta pays Alpha 1498.5, Gamma pays Beta 1501.5 (with öre, so
     * two decimals); gross total 1501.5 + 3000 + 1501.5 = 6003 */
    HAS(html, "Beta <span class=\"code\">0002</span></td><td>→</td><td>Alpha "
              "<span class=\"code\">0001</span></td><td class=\"n\">1" NBSP "498.50</td>");
    HAS(html, "1" NBSP "501.50");
    HAS(html, "Total, 2 transfers</td><td class=\"n\">3" NBSP "000.00</td>");
    HAS(html, "<td class=\"n\">9</td><td class=\"n\">6" NBSP "003.00</td>");
    free(html);
}
END_TEST

START_TEST(test_escaping)
{
    write_fixture();
    char *html = build_report();
    HAS(html, "<tr><td>&lt;&amp;&gt;&quot;x&#39;</td>");
    HAS(html, "no &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;");
    HASNT(html, "<&>");
    HASNT(html, "<script>");
    /* p6 got a reason from plan_write (unassigned_reason) */
    HAS(html, "<tr><td>p6</td>");
    free(html);
}
END_TEST

START_TEST(test_private_atomic_replace)
{
    write_fixture();
    char *before = slurp(outdir, "summary.json");
    put_file(outdir, "report.html", "old");
    char *html = build_report();
    free(html);
    struct stat st;
    char path[512];
    snprintf(path, sizeof path, "%s/report.html", outdir);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0600);
    snprintf(path, sizeof path, "%s/report.html.tmp", outdir);
    ck_assert_int_ne(stat(path, &st), 0);
    char *after = slurp(outdir, "summary.json");
    ck_assert_str_eq(before, after); /* only report.html is written */
    free(before);
    free(after);
}
END_TEST

START_TEST(test_write_failure_is_io_error)
{
    write_fixture();
    DiagList diags = DIAGLIST_INIT;
    PlanRead *pr = NULL;
    ck_assert_int_eq(plan_read(outdir, &pr, &diags), 0);
    char missing[256];
    snprintf(missing, sizeof missing, "%s/no/such/dir", tmpdir);
    ck_assert_int_eq(report_html_write(pr, missing, "today", &diags), 1);
    ck_assert_uint_ge(diags.count, 1);
    ck_assert_ptr_nonnull(strstr(diags.items[0].file, "report.html"));
    plan_read_free(pr);
    diag_release(&diags);
}
END_TEST

START_TEST(test_solved_scenario)
{
    DiagList diags = DIAGLIST_INIT;
    Scenario *s = NULL;
    int rc = scenario_load("tests/scenarios/pooling", NULL, &s, &diags);
    if (rc)
        diag_print(&diags, stderr, "check_report");
    ck_assert_int_eq(rc, 0);
    SolveOptions opt = {30.0, 0.0, 1, clock_seconds(), 0};
    SolveStats stats;
    Plan *plan = NULL;
    char err[512] = "";
    ck_assert_msg(solve_scenario(s, &opt, &plan, &stats, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(plan_write(s, plan, outdir, 0, &diags), 0);
    plan_free(plan);
    scenario_free(s);
    diag_release(&diags);
    char *html = build_report();
    /* SPEC hand optimum of pooling: all 3 pooled at 0101, cost 2400 */
    HAS(html, "Plan report: pooling");
    HAS(html, "<div class=\"v\">3 <span class=\"muted\" style=\"font-size:15px\">of 3</span>");
    HAS(html, "100.0" NBSP "%");
    HAS(html, "2" NBSP "400" NBSP "SEK");
    HAS(html, "<span class=\"wk\">2027-W01</span> <span class=\"date\">Mon 2027-01-04</span>");
    HAS(html, "Every participant is assigned");
    HAS(html, "No participant has a placement in this plan.");
    free(html);
}
END_TEST

/* plan_read on a broken copy of the fixture plan: returns want and the
 * first diagnostic names file (a suffix of its path) at line, column. */
static void expect_bad(int want, const char *file, long line, long column, const char *text)
{
    DiagList diags = DIAGLIST_INIT;
    PlanRead *pr = NULL;
    int rc = plan_read(outdir, &pr, &diags);
    ck_assert_int_eq(rc, want);
    ck_assert_ptr_null(pr);
    ck_assert_uint_ge(diags.count, 1);
    diag_sort(&diags);
    const Diag *d = &diags.items[0];
    size_t lf = strlen(d->file), ls = strlen(file);
    ck_assert_msg(lf >= ls && strcmp(d->file + lf - ls, file) == 0, "file %s, expected …%s",
                  d->file, file);
    ck_assert_int_eq(d->line, line);
    ck_assert_int_eq(d->column, column);
    ck_assert_msg(strstr(d->message, text) != NULL, "message '%s' lacks '%s'", d->message, text);
    diag_release(&diags);
}

START_TEST(test_missing_directory)
{
    expect_bad(2, "/plan", 0, 0, "no such directory");
}
END_TEST

START_TEST(test_not_a_plan_directory)
{
    ck_assert_int_eq(mkdir(outdir, 0700), 0);
    expect_bad(2, "/plan", 0, 0, "not a plan directory: summary.json is missing");
    rmdir(outdir);
    put_file(tmpdir, "plan", "a file");
    expect_bad(2, "/plan", 0, 0, "not a directory");
}
END_TEST

START_TEST(test_bad_summary_json)
{
    write_fixture();
    put_file(outdir, "summary.json", "{\n  \"scenario\": \"x\",\n  \"status\": ]\n}\n");
    expect_bad(2, "plan/summary.json", 3, 13, "");
    put_file(outdir, "summary.json", "{\"scenario\": \"x\", \"status\": \"optimal\", \"value\": 1,"
             " \"cost\": 0, \"assigned\": 1, \"unassigned\": \"one\", \"start\": \"2027-01-04\","
             " \"weeks\": 4, \"by_group\": {}, \"by_gender\": {}, \"by_home\": {}}");
    /* at the value's position (jansson gives none: json_where) */
    expect_bad(2, "plan/summary.json", 1, 92, "key 'unassigned': expected an integer, got a string");
    /* a missing key: at the object it is missing from */
    put_file(outdir, "summary.json", "{\"scenario\": \"x\", \"status\": \"optimal\", \"value\": 1,"
             " \"cost\": 0, \"assigned\": 1, \"unassigned\": 0, \"start\": \"2027-01-04\","
             " \"weeks\": 4, \"by_group\": {\"youth\": {\"unassigned\": 0}}, \"by_gender\": {}, \"by_home\": {}}");
    expect_bad(2, "plan/summary.json", 1, 152, "key 'by_group.youth.assigned': expected an integer");
    /* a file cut short: jansson's position, the line after at column 0 */
    put_file(outdir, "summary.json", "{\n");
    expect_bad(2, "plan/summary.json", 2, DIAG_COLUMN_ZERO, "expected near end of file");
}
END_TEST

START_TEST(test_bad_assignments_cell)
{
    write_fixture();
    put_file(outdir, "assignments.csv",
             "participant,status,track,rank,host,start_week,end_week,travel,slots,cost,reason\n"
             "a,assigned,T1,1,0001,1,6,commute,,0,\n"
             "b,assigned,T1,1,0001,v12,6,commute,,0,\n");
    expect_bad(2, "plan/assignments.csv", 3, 6, "expected a week 1..20, got 'v12'");
}
END_TEST

START_TEST(test_bad_schedule_and_missing_column)
{
    write_fixture();
    put_file(outdir, "schedule.csv",
             "track,host,start_week,seq,module,kind,from_week,to_week,groups\n"
             "T1,0002,1,1,Intro,course,1,2,1\n");
    expect_bad(2, "plan/schedule.csv", 1, 10, "missing column 'participants'"); /* after the last column */
    put_file(outdir, "schedule.csv",
             "track,host,start_week,seq,module,kind,from_week,to_week,groups,participants\n"
             "T1,0002,1,1,Intro,lecture,1,2,1,2\n");
    expect_bad(2, "plan/schedule.csv", 2, 6, "expected 'course' or 'placement', got 'lecture'");
}
END_TEST

START_TEST(test_bad_placements_and_settlement)
{
    write_fixture();
    char *placements = slurp(outdir, "placements.csv");
    put_file(outdir, "placements.csv", "slot,participant,track,from_week,to_week\nS2,p,T2,5,4\n");
    expect_bad(2, "plan/placements.csv", 2, 5, "expected a week ≥ from_week 5, got '4'");
    put_file(outdir, "placements.csv", placements);
    free(placements);
    put_file(outdir, "settlement.csv",
             "kind,payer,payee,participant_weeks,amount\ngross,0001,0002,3,12,5\n");
    expect_bad(2, "plan/settlement.csv", 2, 6, "");
    put_file(outdir, "settlement.csv",
             "kind,payer,payee,participant_weeks,amount\ngross,0001,0002,3,lots\n");
    expect_bad(2, "plan/settlement.csv", 2, 5, "expected an amount in SEK, got 'lots'");
    char path[512];
    snprintf(path, sizeof path, "%s/settlement.csv", outdir);
    unlink(path);
    expect_bad(2, "plan/settlement.csv", 0, 0, "file not found");
}
END_TEST

START_TEST(test_thousands)
{
    char buf[64];
    ck_assert_str_eq(format_thousands(0, 0, buf), "0");
    ck_assert_str_eq(format_thousands(999, 0, buf), "999");
    ck_assert_str_eq(format_thousands(1000, 0, buf), "1" NBSP "000");
    ck_assert_str_eq(format_thousands(12694576.17, 0, buf), "12" NBSP "694" NBSP "576");
    ck_assert_str_eq(format_thousands(-1498.5, 2, buf), "−1" NBSP "498.50");
    ck_assert_str_eq(format_thousands(-0.001, 2, buf), "0.00");
    ck_assert_str_eq(format_thousands(123456.789, 1, buf), "123" NBSP "456.8");
}
END_TEST

START_TEST(test_html_escape)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    html_escape(f, "a<b>&\"c'd – Åre");
    fclose(f);
    ck_assert_str_eq(text, "a&lt;b&gt;&amp;&quot;c&#39;d – Åre");
    free(text);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("report");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_fixture_key_figures);
    tcase_add_test(tc, test_fixture_breakdowns);
    tcase_add_test(tc, test_fixture_schedule_weeks);
    tcase_add_test(tc, test_month_row_names_the_year);
    tcase_add_test(tc, test_fixture_settlement);
    tcase_add_test(tc, test_escaping);
    tcase_add_test(tc, test_private_atomic_replace);
    tcase_add_test(tc, test_write_failure_is_io_error);
    tcase_add_test(tc, test_solved_scenario);
    tcase_add_test(tc, test_missing_directory);
    tcase_add_test(tc, test_not_a_plan_directory);
    tcase_add_test(tc, test_bad_summary_json);
    tcase_add_test(tc, test_bad_assignments_cell);
    tcase_add_test(tc, test_bad_schedule_and_missing_column);
    tcase_add_test(tc, test_bad_placements_and_settlement);
    suite_add_tcase(s, tc);
    TCase *fmt = tcase_create("format");
    tcase_add_test(fmt, test_thousands);
    tcase_add_test(fmt, test_html_escape);
    suite_add_tcase(s, fmt);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
