/*
 * check_plan_write.c — the plan directory of io/plan_write.c: exact file
 * contents (headers, rows, RFC 4180 quoting, numbers), settlement gross and
 * net figures computed by hand, summary.json keys, private modes, atomic
 * replacement, refusal without --force, and failure clean-up.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../io/csv_write.h"
#include "../io/plan_write.h"
#include "../io/week_dates.h"
#include "../model/diag.h"
#include "plan_fixture.h"
#include "test_tmpdir.h"

static char tmpdir[64];
static char outdir[128];

static void setup(void)
{
    strcpy(tmpdir, "/tmp/check_plan_write.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    snprintf(outdir, sizeof outdir, "%s/out", tmpdir);
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
    char *buf = calloc(1, 1 << 16);
    size_t n = fread(buf, 1, (1 << 16) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void assert_file(const char *name, const char *expect)
{
    char *got = slurp(outdir, name);
    ck_assert_msg(got != NULL, "%s missing", name);
    ck_assert_str_eq(got, expect);
    free(got);
}

static int write_fixture(int force, DiagList *diags)
{
    Scenario *s = fx_scenario();
    Plan *plan = fx_plan();
    int rc = plan_write(s, plan, outdir, force, diags);
    plan_free(plan);
    scenario_free(s);
    return rc;
}

static void write_ok(void)
{
    DiagList diags = DIAGLIST_INIT;
    int rc = write_fixture(0, &diags);
    if (rc != 0 && diags.count)
        fprintf(stderr, "%s\n", diags.items[0].message);
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_eq(diags.count, 0);
    diag_release(&diags);
}

static int count_entries(const char *dir, int *tmp)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    *tmp = 0;
    while (d && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        n++;
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".tmp"))
            (*tmp)++;
    }
    if (d)
        closedir(d);
    return n;
}

START_TEST(test_files_and_modes)
{
    write_ok();
    struct stat st;
    ck_assert_int_eq(stat(outdir, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0700);
    for (int k = 0; plan_file_names[k]; k++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", outdir, plan_file_names[k]);
        ck_assert_msg(stat(path, &st) == 0, "%s missing", path);
        ck_assert_int_eq(st.st_mode & 07777, 0600);
    }
    int tmp;
    ck_assert_int_eq(count_entries(outdir, &tmp), 6);
    ck_assert_int_eq(tmp, 0);
}
END_TEST

START_TEST(test_assignments)
{
    write_ok();
    assert_file("assignments.csv",
        "participant,status,track,rank,host,start_week,end_week,travel,slots,cost,reason\n"
        "\"P,1\",assigned,T1,1,0002,1,6,commute,\"S,1\",1234.5,\n"
        "\"P\"\"2\",assigned,T1,2,0001,5,10,commute,\"S,1\",0.1,\n"
        "p2,assigned,T1,1,0002,1,6,commute,\"S,1\",0.3333333333333333,\n"
        "p3,assigned,T1,1,0001,5,10,commute,\"S,1\",0.0,\n"
        "\" p4\",assigned,T2,1,,6,9,,S2,0.0,\n"
        "p5,unassigned,,,,,,,,0.0,\"test, \"\"quoted\"\"\nline\"\n"
        "p6,unassigned,,,,,,,,0.0,\"no centre within 60 min of Delta hosts track 'T1', and relocation "
        "is not allowed: nearest host Alpha (120 min)\"\n");
}
END_TEST

START_TEST(test_schedule)
{
    write_ok();
    assert_file("schedule.csv",
        "track,host,start_week,seq,module,kind,from_week,to_week,groups,participants\n"
        "T1,0002,1,1,Intro,course,1,2,1,2\n"
        "T1,0002,1,2,Praktik,placement,3,5,1,2\n"
        "T1,0002,1,3,\"Final, exam\",course,6,6,1,2\n"
        "T1,0001,5,1,Intro,course,5,6,1,2\n"
        "T1,0001,5,2,Praktik,placement,7,9,1,2\n"
        "T1,0001,5,3,\"Final, exam\",course,10,10,1,2\n"
        "T2,,6,1,Work,placement,6,9,0,1\n");
}
END_TEST

START_TEST(test_placements)
{
    write_ok();
    assert_file("placements.csv",
        "slot,participant,track,from_week,to_week\n"
        "\"S,1\",\"P,1\",T1,3,5\n"
        "\"S,1\",\"P\"\"2\",T1,7,9\n"
        "\"S,1\",p2,T1,3,5\n"
        "\"S,1\",p3,T1,7,9\n"
        "S2,\" p4\",T2,6,9\n");
}
END_TEST

/* Gross: Alpha→Beta 3 weeks × 500.5 = 1501.5 (P,1); Gamma→Beta 3 × 500.5
 * (p2); Beta→Alpha 3 × 1000 (P"2); p3 is at home, " p4" host-less.
 * Net: {Alpha, Beta} 1501.5 − 3000 → Beta pays Alpha 1498.5;
 * {Beta, Gamma} → Gamma pays Beta 1501.5. */
START_TEST(test_settlement)
{
    write_ok();
    assert_file("settlement.csv",
        "kind,payer,payee,participant_weeks,amount\n"
        "gross,0001,0002,3,1501.5\n"
        "gross,0002,0001,3,3000.0\n"
        "gross,0003,0002,3,1501.5\n"
        "net,0002,0001,,1498.5\n"
        "net,0003,0002,,1501.5\n");
}
END_TEST

START_TEST(test_settlement_balanced_pair_has_no_net_row)
{
    Scenario *s = fx_scenario();
    Plan *plan = fx_plan();
    s->centres[0].seat_price_per_week = 500.5; /* Alpha charges what Beta charges */
    DiagList diags = DIAGLIST_INIT;
    ck_assert_int_eq(plan_write(s, plan, outdir, 0, &diags), 0);
    assert_file("settlement.csv",
        "kind,payer,payee,participant_weeks,amount\n"
        "gross,0001,0002,3,1501.5\n"
        "gross,0002,0001,3,1501.5\n"
        "gross,0003,0002,3,1501.5\n"
        "net,0003,0002,,1501.5\n");
    plan_free(plan);
    scenario_free(s);
    diag_release(&diags);
}
END_TEST

static json_t *count_obj(long a, long u)
{
    return json_pack("{s:I,s:I}", "assigned", (json_int_t)a, "unassigned", (json_int_t)u);
}

START_TEST(test_summary)
{
    write_ok();
    char *text = slurp(outdir, "summary.json");
    json_error_t err;
    json_t *j = json_loads(text, 0, &err);
    ck_assert_ptr_nonnull(j);
    /* shortest round-tripping reals, not jansson's %.17g */
    ck_assert_ptr_nonnull(strstr(text, "\n  \"value\": 4.9,\n"));
    ck_assert_ptr_nonnull(strstr(text, "\n  \"bound\": 5.0,\n"));
    ck_assert_str_eq(json_string_value(json_object_get(j, "scenario")), "Fixture, \"test\"");
    ck_assert(json_is_null(json_object_get(j, "variant")));
    ck_assert_str_eq(json_string_value(json_object_get(j, "status")), "optimal");
    ck_assert(json_number_value(json_object_get(j, "value")) == 4.9);
    ck_assert(json_number_value(json_object_get(j, "cost")) == 3000 + 1234.5 + 0.1 + 1.0 / 3.0);
    ck_assert(json_number_value(json_object_get(j, "bound")) == 5);
    ck_assert(json_number_value(json_object_get(j, "gap")) == 0.02);
    ck_assert(json_number_value(json_object_get(j, "seconds")) == 1.5);
    ck_assert_int_eq(json_integer_value(json_object_get(j, "assigned")), 5);
    ck_assert_int_eq(json_integer_value(json_object_get(j, "unassigned")), 2);

    json_t *g = json_pack("{s:o,s:o,s:o,s:o}", "youth", count_obj(2, 1), "newcomer",
                          count_obj(1, 0), "longterm", count_obj(1, 0), "other",
                          count_obj(1, 1));
    ck_assert(json_equal(json_object_get(j, "by_group"), g));
    json_decref(g);
    g = json_pack("{s:o,s:o,s:o,s:o}", "woman", count_obj(2, 1), "man", count_obj(1, 1),
                  "other", count_obj(1, 0), "unknown", count_obj(1, 0));
    ck_assert(json_equal(json_object_get(j, "by_gender"), g));
    json_decref(g);
    g = json_pack("{s:o,s:o,s:o,s:o}", "0001", count_obj(2, 0), "0002", count_obj(1, 0),
                  "0003", count_obj(2, 0), "0004", count_obj(0, 2));
    ck_assert(json_equal(json_object_get(j, "by_home"), g));
    json_decref(g);

    /* the required keys come first, in SPEC order */
    static const char *order[] = {"scenario", "variant", "status", "value", "cost",
                                  "bound", "gap", "assigned", "unassigned", "seconds",
                                  "by_group", "by_gender", "by_home"};
    const char *key;
    json_t *v;
    int k = 0;
    json_object_foreach(j, key, v) {
        if (k < 13)
            ck_assert_str_eq(key, order[k]);
        k++;
    }
    ck_assert(json_number_value(json_object_get(j, "hosting_cost")) == 3000);
    ck_assert(json_number_value(json_object_get(j, "travel_cost")) == 1234.5 + 0.1 + 1.0 / 3.0);
    ck_assert_str_eq(json_string_value(json_object_get(j, "start")), "2027-01-04");
    ck_assert_str_eq(json_string_value(json_object_get(j, "end")), "2027-05-23");
    ck_assert_int_eq(json_integer_value(json_object_get(j, "cohorts")), 3);
    ck_assert_int_eq(json_array_size(json_object_get(j, "week_dates")), 20);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "week_dates"), 1)),
                     "2027-01-11");
    json_t *st = json_object_get(j, "settlement");
    ck_assert(json_number_value(json_object_get(st, "gross")) == 6003);
    ck_assert(json_number_value(json_object_get(st, "net")) == 3000);
    json_decref(j);
    free(text);
}
END_TEST

START_TEST(test_summary_variant_and_nulls)
{
    Scenario *s = fx_scenario();
    Plan *plan = fx_plan();
    s->variant = strdup("alone");
    plan->status = PLAN_FEASIBLE;
    plan->bound = 1.0 / 0.0;
    DiagList diags = DIAGLIST_INIT;
    ck_assert_int_eq(plan_write(s, plan, outdir, 0, &diags), 0);
    char *text = slurp(outdir, "summary.json");
    json_t *j = json_loads(text, 0, NULL);
    ck_assert_ptr_nonnull(j);
    ck_assert_str_eq(json_string_value(json_object_get(j, "variant")), "alone");
    ck_assert_str_eq(json_string_value(json_object_get(j, "status")), "feasible");
    ck_assert(json_is_null(json_object_get(j, "bound")));
    /* no cost bound known (plan_new's NAN): both extras null */
    ck_assert(json_is_null(json_object_get(j, "cost_bound")));
    ck_assert(json_is_null(json_object_get(j, "cost_gap")));
    json_decref(j);
    free(text);
    plan_free(plan);
    scenario_free(s);
    diag_release(&diags);
}
END_TEST

/* A feasible plan's report.md says what its gap means, in words; an
 * optimal one needs no such line. */
START_TEST(test_report_explains_gap)
{
    Scenario *s = fx_scenario();
    Plan *plan = fx_plan();
    DiagList diags = DIAGLIST_INIT;
    ck_assert_int_eq(plan_write(s, plan, outdir, 0, &diags), 0);
    char *text = slurp(outdir, "report.md");
    ck_assert_ptr_null(strstr(text, "What the gap means"));
    free(text);
    plan->status = PLAN_FEASIBLE;
    ck_assert_int_eq(plan_write(s, plan, outdir, 1, &diags), 0);
    text = slurp(outdir, "report.md");
    ck_assert_ptr_nonnull(strstr(text, "- What the gap means: no plan can be worth more than 5, so "
                                       "this one is within 2 % of the best possible."));
    ck_assert_ptr_null(strstr(text, "What the status means"));
    free(text);
    /* feasible at gap 0: the value is proven, the least cost is not */
    plan->bound = plan->value;
    plan->gap = 0.0;
    ck_assert_int_eq(plan_write(s, plan, outdir, 1, &diags), 0);
    text = slurp(outdir, "report.md");
    ck_assert_ptr_null(strstr(text, "What the gap means"));
    ck_assert_ptr_nonnull(strstr(text, "- What the status means: the value is proven the best; the solve "
                                       "stopped before proving the cost the least among plans of that value."));
    ck_assert_ptr_null(strstr(text, "Least cost"));
    free(text);
    /* with a cost bound: how much a better plan could at most save, in
     * report.md and summary.json */
    plan->cost_bound = 0.9 * plan->cost;
    plan->cost_gap = 0.1;
    ck_assert_int_eq(plan_write(s, plan, outdir, 1, &diags), 0);
    text = slurp(outdir, "report.md");
    char line[256];
    snprintf(line, sizeof line, "- Least cost: no plan worth at least this plan's value can cost less than %.2f SEK, "
                                "so a better plan could save at most 10 %% of the cost.", 0.9 * plan->cost);
    ck_assert_msg(strstr(text, line) != NULL, "report.md lacks: %s", line);
    free(text);
    text = slurp(outdir, "summary.json");
    json_t *j = json_loads(text, 0, NULL);
    ck_assert_ptr_nonnull(j);
    ck_assert(json_number_value(json_object_get(j, "cost_bound")) == 0.9 * plan->cost);
    ck_assert(json_number_value(json_object_get(j, "cost_gap")) == 0.1);
    json_decref(j);
    free(text);
    plan_free(plan);
    scenario_free(s);
    diag_release(&diags);
}
END_TEST

START_TEST(test_empty_plan)
{
    Scenario *s = fx_scenario();
    Plan *plan = plan_new(s->nparticipants);
    plan->status = PLAN_INFEASIBLE;
    DiagList diags = DIAGLIST_INIT;
    ck_assert_int_eq(plan_write(s, plan, outdir, 0, &diags), 0);
    assert_file("schedule.csv",
                "track,host,start_week,seq,module,kind,from_week,to_week,groups,participants\n");
    assert_file("placements.csv", "slot,participant,track,from_week,to_week\n");
    assert_file("settlement.csv", "kind,payer,payee,participant_weeks,amount\n");
    char *a = slurp(outdir, "assignments.csv");
    ck_assert_ptr_nonnull(strstr(a, "\np2,unassigned,,,,,,,,0.0,"));
    free(a);
    char *text = slurp(outdir, "summary.json");
    json_t *j = json_loads(text, 0, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(j, "status")), "infeasible");
    ck_assert_int_eq(json_integer_value(json_object_get(j, "assigned")), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(j, "unassigned")), 7);
    json_decref(j);
    free(text);
    plan_free(plan);
    scenario_free(s);
    diag_release(&diags);
}
END_TEST

START_TEST(test_report_has_iso_weeks)
{
    write_ok();
    char *r = slurp(outdir, "report.md");
    ck_assert_ptr_nonnull(r);
    ck_assert_ptr_nonnull(strstr(r, "2027-W01 (2027-01-04)"));
    ck_assert_ptr_nonnull(strstr(r, "| T1 | Beta | 1 | Intro | course | 1–2 | 2027-W01 (2027-01-04) | 2027-W02 (2027-01-11) | 1 | 2 |"));
    ck_assert_ptr_nonnull(strstr(r, "| p6 | Delta | other | no centre within 60 min of Delta hosts track 'T1'"));
    free(r);
}
END_TEST

START_TEST(test_refuses_existing_dir)
{
    ck_assert_int_eq(mkdir(outdir, 0755), 0);
    DiagList diags = DIAGLIST_INIT;
    ck_assert_int_eq(write_fixture(0, &diags), 2);
    ck_assert_uint_eq(diags.count, 1);
    char expect[512];
    snprintf(expect, sizeof expect,
             "output directory '%s' exists; use --force to replace its plan files or "
             "choose another -o", outdir);
    ck_assert_str_eq(diags.items[0].message, expect);
    int tmp;
    ck_assert_int_eq(count_entries(outdir, &tmp), 0);
    diag_release(&diags);
}
END_TEST

START_TEST(test_force_replaces_only_plan_files)
{
    ck_assert_int_eq(mkdir(outdir, 0755), 0);
    char path[512];
    snprintf(path, sizeof path, "%s/notes.txt", outdir);
    FILE *f = fopen(path, "w");
    fputs("keep me\n", f);
    fclose(f);
    /* a report.html of the plan replaced goes with it */
    snprintf(path, sizeof path, "%s/report.html", outdir);
    f = fopen(path, "w");
    fputs("<p>the old plan</p>\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/summary.json", outdir);
    f = fopen(path, "w");
    fputs("old\n", f);
    fclose(f);
    DiagList diags = DIAGLIST_INIT;
    ck_assert_int_eq(write_fixture(1, &diags), 0);
    assert_file("notes.txt", "keep me\n");
    char old_report[512];
    snprintf(old_report, sizeof old_report, "%s/report.html", outdir);
    ck_assert_int_ne(access(old_report, F_OK), 0);
    char *sum = slurp(outdir, "summary.json");
    ck_assert_ptr_nonnull(strstr(sum, "\"scenario\""));
    free(sum);
    int tmp;
    ck_assert_int_eq(count_entries(outdir, &tmp), 7);
    ck_assert_int_eq(tmp, 0);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0600);
    diag_release(&diags);
}
END_TEST

START_TEST(test_not_a_directory)
{
    FILE *f = fopen(outdir, "w");
    fclose(f);
    DiagList diags = DIAGLIST_INIT;
    ck_assert_int_eq(write_fixture(1, &diags), 2);
    ck_assert_ptr_nonnull(strstr(diags.items[0].message, "is not a directory"));
    diag_release(&diags);
}
END_TEST

START_TEST(test_cannot_create_dir)
{
    /* the parent is a regular file: mkdir fails with ENOTDIR */
    char file[256];
    snprintf(file, sizeof file, "%s/file", tmpdir);
    FILE *f = fopen(file, "w");
    fclose(f);
    snprintf(outdir, sizeof outdir, "%s/file/out", tmpdir);
    DiagList diags = DIAGLIST_INIT;
    ck_assert_int_eq(write_fixture(0, &diags), 1);
    ck_assert_uint_eq(diags.count, 1);
    ck_assert_ptr_nonnull(strstr(diags.items[0].file, "file/out"));
    ck_assert_ptr_nonnull(strstr(diags.items[0].message, strerror(ENOTDIR)));
    diag_release(&diags);
}
END_TEST

START_TEST(test_failure_keeps_old_plan_and_no_tmp)
{
    /* A first plan, then a rerun that cannot create placements.csv.tmp (a
     * non-empty directory is in the way): nothing is replaced, no .tmp of
     * ours remains. */
    write_ok();
    char path[512];
    snprintf(path, sizeof path, "%s/placements.csv.tmp", outdir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/placements.csv.tmp/x", outdir);
    FILE *f = fopen(path, "w");
    fclose(f);
    char *before = slurp(outdir, "assignments.csv");

    Scenario *s = fx_scenario();
    Plan *plan = fx_plan();
    plan->assignments[0].cost = 99; /* the rerun would change assignments.csv */
    DiagList diags = DIAGLIST_INIT;
    ck_assert_int_eq(plan_write(s, plan, outdir, 1, &diags), 1);
    ck_assert_uint_ge(diags.count, 1);
    ck_assert_ptr_nonnull(strstr(diags.items[0].file, "placements.csv.tmp"));
    assert_file("assignments.csv", before);
    int tmp;
    ck_assert_int_eq(count_entries(outdir, &tmp), 7);
    ck_assert_int_eq(tmp, 1); /* only the directory we planted */
    free(before);
    plan_free(plan);
    scenario_free(s);
    diag_release(&diags);
}
END_TEST

START_TEST(test_creates_parents)
{
    snprintf(outdir, sizeof outdir, "%s/a/b/out", tmpdir);
    write_ok();
    struct stat st;
    ck_assert_int_eq(stat(outdir, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0700);
}
END_TEST

static const char *fmt(double v)
{
    static char buf[SP_NUMBER_BUF];
    return sp_format_double(v, buf);
}

START_TEST(test_number_format)
{
    ck_assert_str_eq(fmt(0.1), "0.1");
    ck_assert_str_eq(fmt(1.0 / 3.0), "0.3333333333333333");
    ck_assert_str_eq(fmt(3.0), "3");
    ck_assert_str_eq(fmt(-0.0), "0");
    ck_assert_str_eq(fmt(-2.5), "-2.5");
    ck_assert_str_eq(fmt(1234567.125), "1234567.125");
    ck_assert_str_eq(fmt(1e-7), "0.0000001");
    ck_assert_str_eq(fmt(2.5e-10), "0.00000000025");
    ck_assert_str_eq(fmt(1e16), "10000000000000000");
    ck_assert_str_eq(fmt(1.2e18), "1200000000000000000");
    ck_assert_str_eq(fmt(2e22), "20000000000000000000000");
    ck_assert_str_eq(fmt(0.1 + 0.2), "0.30000000000000004");
    ck_assert(strtod(fmt(123456.789012), NULL) == 123456.789012);
    /* never an exponent (SPEC §3: "with a decimal point"), and every
     * value round-trips, down to the least subnormal and up to the most */
    const double extreme[] = {5e-324, -2.2250738585072014e-308, 1.2345e-100, 1e-10, 9.999e16, 1.7976931348623157e308};
    for (size_t i = 0; i < sizeof extreme / sizeof *extreme; i++) {
        const char *t = fmt(extreme[i]);
        ck_assert_msg(!strpbrk(t, "eE") && strtod(t, NULL) == extreme[i], "%.17g printed as %s", extreme[i], t);
    }
}
END_TEST

/* Amounts of money always carry a decimal point, also when whole. */
START_TEST(test_real_format)
{
    char buf[SP_NUMBER_BUF];
    ck_assert_str_eq(sp_format_real(3000.0, buf), "3000.0");
    ck_assert_str_eq(sp_format_real(0.0, buf), "0.0");
    ck_assert_str_eq(sp_format_real(-0.0, buf), "0.0");
    ck_assert_str_eq(sp_format_real(7576263.75, buf), "7576263.75");
    ck_assert_str_eq(sp_format_real(1.2e18, buf), "1200000000000000000.0");
    ck_assert_str_eq(sp_format_real(2.5e-10, buf), "0.00000000025");
}
END_TEST

START_TEST(test_csv_quoting)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CsvOut o = {f, 0};
    csv_str(&o, "plain");
    csv_str(&o, "a,b");
    csv_str(&o, "say \"hi\"");
    csv_str(&o, "two\nlines");
    csv_str(&o, "cr\r");
    csv_str(&o, " padded ");
    csv_empty(&o);
    csv_int(&o, -3);
    csv_num(&o, 0.5);
    csv_str(&o, "Åsele");
    csv_num(&o, 12.0);
    csv_real(&o, 12.0);
    csv_end(&o);
    fclose(f);
    ck_assert_str_eq(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\","
                          "\" padded \",,-3,0.5,Åsele,12,12.0\n");
    free(buf);
}
END_TEST

START_TEST(test_iso_weeks)
{
    int y, w;
    ck_assert_int_eq(iso_week_of("2027-01-04", &y, &w), 0);
    ck_assert_int_eq(y, 2027);
    ck_assert_int_eq(w, 1);
    ck_assert_int_eq(iso_week_of("2027-01-03", &y, &w), 0);
    ck_assert_int_eq(y, 2026);
    ck_assert_int_eq(w, 53);
    ck_assert_int_eq(iso_week_of("2024-12-30", &y, &w), 0);
    ck_assert_int_eq(y, 2025);
    ck_assert_int_eq(w, 1);
    ck_assert_int_eq(iso_week_of("2021-01-03", &y, &w), 0);
    ck_assert_int_eq(y, 2020);
    ck_assert_int_eq(w, 53);
    char out[11];
    ck_assert_int_eq(date_add_days("2027-12-27", 7, out), 0);
    ck_assert_str_eq(out, "2028-01-03");
    ck_assert_int_eq(date_add_days("2028-02-26", 3, out), 0);
    ck_assert_str_eq(out, "2028-02-29");
    ck_assert_int_eq(iso_week_of("junk", &y, &w), -1);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("plan_write");
    TCase *tc = tcase_create("files");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_files_and_modes);
    tcase_add_test(tc, test_assignments);
    tcase_add_test(tc, test_schedule);
    tcase_add_test(tc, test_placements);
    tcase_add_test(tc, test_settlement);
    tcase_add_test(tc, test_settlement_balanced_pair_has_no_net_row);
    tcase_add_test(tc, test_summary);
    tcase_add_test(tc, test_summary_variant_and_nulls);
    tcase_add_test(tc, test_empty_plan);
    tcase_add_test(tc, test_report_explains_gap);
    tcase_add_test(tc, test_report_has_iso_weeks);
    tcase_add_test(tc, test_refuses_existing_dir);
    tcase_add_test(tc, test_force_replaces_only_plan_files);
    tcase_add_test(tc, test_not_a_directory);
    tcase_add_test(tc, test_cannot_create_dir);
    tcase_add_test(tc, test_failure_keeps_old_plan_and_no_tmp);
    tcase_add_test(tc, test_creates_parents);
    suite_add_tcase(s, tc);
    TCase *fmt_tc = tcase_create("format");
    tcase_add_test(fmt_tc, test_number_format);
    tcase_add_test(fmt_tc, test_real_format);
    tcase_add_test(fmt_tc, test_csv_quoting);
    tcase_add_test(fmt_tc, test_iso_weeks);
    suite_add_tcase(s, fmt_tc);
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
