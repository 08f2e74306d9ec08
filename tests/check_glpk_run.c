/*
 * check_glpk_run.c — solver/glpk_run.c's give-up (RunRequest.give_up_s)
 * on the shipped kronoberg scenario's level 1: a run that gives up hands
 * back its start as a time stop, never as a proof, and a give-up later
 * than the proof does not change the run.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../io/scenario_load.h"
#include "../solver/build.h"
#include "../solver/glpk_run.h"

static Scenario *load_kronoberg(void)
{
    DiagList diags = DIAGLIST_INIT;
    Scenario *s = NULL;
    int rc = scenario_load("scenarios/kronoberg", NULL, &s, &diags);
    if (rc)
        diag_print(&diags, stderr, "check_glpk_run");
    diag_release(&diags);
    ck_assert_int_eq(rc, 0);
    return s;
}

static RunRequest level1_request(double give_up_s, const double *start)
{
    RunRequest req;
    memset(&req, 0, sizeof req);
    req.level = LEVEL_VALUE;
    req.time_limit_s = 60.0;
    req.quiet = 1;
    req.jobs = 1;
    req.start = start;
    req.give_up_s = give_up_s;
    return req;
}

START_TEST(give_up_later_than_the_proof_changes_nothing)
{
    Scenario *s = load_kronoberg();
    Model m;
    ck_assert_int_eq(model_build(s, 1, &m), 0);
    char err[256];
    RunRequest plain = level1_request(0.0, NULL), late = level1_request(50.0, NULL);
    RunResult a, b;
    ck_assert_int_eq(glpk_solve_level(&m.mip, &plain, &a, err, sizeof err), 0);
    ck_assert_int_eq(glpk_solve_level(&m.mip, &late, &b, err, sizeof err), 0);
    ck_assert_int_eq(a.stop, STOP_NONE);
    ck_assert_int_eq(b.stop, STOP_NONE);
    ck_assert(fabs(a.objective - b.objective) < 1e-9);
    ck_assert(a.objective > 0.0);
    free(a.x);
    free(b.x);
    model_release(&m);
    scenario_free(s);
}
END_TEST

START_TEST(giving_up_returns_the_start_unproven)
{
    Scenario *s = load_kronoberg();
    Model m;
    ck_assert_int_eq(model_build(s, 1, &m), 0);
    char err[256];
    RunRequest plain = level1_request(0.0, NULL);
    RunResult opt;
    ck_assert_int_eq(glpk_solve_level(&m.mip, &plain, &opt, err, sizeof err), 0);
    ck_assert_int_eq(opt.stop, STOP_NONE);
    /* started from the optimum, with no time before giving up: GLPK has
     * no plan as good when its tree begins, so it stops there */
    RunRequest hasty = level1_request(1e-9, opt.x);
    RunResult r;
    ck_assert_int_eq(glpk_solve_level(&m.mip, &hasty, &r, err, sizeof err), 0);
    ck_assert_int_eq(r.stop, STOP_TIME);
    ck_assert(r.has_solution);
    ck_assert(fabs(r.objective - opt.objective) < 1e-9);
    ck_assert(r.bound >= r.objective - 1e-9);
    for (int j = 0; j < m.mip.ncols; j++)
        ck_assert(r.x[j] == opt.x[j]);
    free(opt.x);
    free(r.x);
    model_release(&m);
    scenario_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("glpk_run");
    TCase *tc = tcase_create("give_up");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, give_up_later_than_the_proof_changes_nothing);
    tcase_add_test(tc, giving_up_returns_the_start_unproven);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
