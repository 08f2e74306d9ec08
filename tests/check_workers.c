/*
 * check_workers.c — solver/workers.c: the deadline of workers_stream, and
 * the one background task (workers_background_*) collected, killed at its
 * deadline or on Ctrl-C.
 * Children still running at the deadline are killed and their results
 * dropped, except those the caller says to wait for (a block in region
 * search keeps its own time and must not lose its plan), and nothing
 * starts after the deadline. Each task sleeps for as many milliseconds
 * as its item says, then returns its item.
 */
#include <check.h>
#include <stdlib.h>
#include <time.h>

#include "../solver/glpk_run.h" /* clock_seconds */
#include "../solver/workers.h"

typedef struct Seen {
    int applied[8];   /* items whose result reached the parent, in order */
    int napplied;
    int spared_item;  /* the item not to kill at the deadline; −1: none */
} Seen;

static void *sleep_then_answer(void *ctx, int item, int seq, size_t *len)
{
    (void)ctx;
    (void)seq;
    struct timespec ts = {item / 1000, (long)(item % 1000) * 1000000L};
    nanosleep(&ts, NULL);
    int *res = malloc(sizeof *res);
    if (res)
        *res = item;
    *len = sizeof *res;
    return res;
}

static int record(void *ctx, int item, const void *result, size_t len)
{
    Seen *seen = ctx;
    ck_assert_uint_eq(len, sizeof(int));
    ck_assert_int_eq(*(const int *)result, item);
    seen->applied[seen->napplied++] = item;
    return 0;
}

static int all_but_spared(void *ctx, int item)
{
    const Seen *seen = ctx;
    return item != seen->spared_item;
}

START_TEST(deadline_kills_what_still_runs)
{
    Seen seen = {{0}, 0, -1};
    int items[2] = {3000, 1}; /* 3 s and 1 ms */
    char err[128] = "";
    int rc = workers_run(2, items, 2, sleep_then_answer, record, &seen, clock_seconds() + 1.0, NULL, NULL, err,
                         sizeof err);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(seen.napplied, 1); /* the quick one; the slow one was killed, not waited for */
    ck_assert_int_eq(seen.applied[0], 1);
}
END_TEST

START_TEST(deadline_waits_for_a_spared_task)
{
    /* the spared task ends 0.6 s after a 0.2 s deadline and is still
     * collected; the killable one beside it (3 s) is killed at the
     * deadline, not waited for */
    Seen seen = {{0}, 0, 800};
    int items[2] = {3000, 800};
    char err[128] = "";
    int rc = workers_run(2, items, 2, sleep_then_answer, record, &seen, clock_seconds() + 0.2, all_but_spared, NULL,
                         err, sizeof err);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(seen.napplied, 1); /* the spared one; the other was killed */
    ck_assert_int_eq(seen.applied[0], 800);
}
END_TEST

START_TEST(nothing_starts_after_the_deadline)
{
    /* one job: the spared first task runs past the deadline, so the
     * second (instant) task is never started */
    Seen seen = {{0}, 0, 1000};
    int items[2] = {1000, 1};
    char err[128] = "";
    int rc = workers_run(1, items, 2, sleep_then_answer, record, &seen, clock_seconds() + 0.3, all_but_spared, NULL,
                         err, sizeof err);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(seen.napplied, 1);
    ck_assert_int_eq(seen.applied[0], 1000);
}
END_TEST

START_TEST(without_a_deadline_everything_is_collected)
{
    Seen seen = {{0}, 0, -1};
    int items[3] = {30, 1, 10};
    char err[128] = "";
    int rc = workers_run(2, items, 3, sleep_then_answer, record, &seen, 0.0, NULL, NULL, err, sizeof err);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(seen.napplied, 3);
}
END_TEST

/* workers_background_*: one task in a child while the caller works on */
START_TEST(background_result_is_collected)
{
    Background bg;
    ck_assert_int_eq(workers_background_start(&bg, sleep_then_answer, NULL, 50), 0);
    ck_assert_int_gt(bg.pid, 0);
    size_t len = 0;
    int *res = workers_background_finish(&bg, clock_seconds() + 5.0, NULL, &len);
    ck_assert_ptr_nonnull(res);
    ck_assert_uint_eq(len, sizeof(int));
    ck_assert_int_eq(*res, 50);
    ck_assert_int_eq(bg.pid, 0);
    free(res);
}
END_TEST

START_TEST(background_killed_at_its_deadline)
{
    /* a 3 s task and a 0.2 s deadline: killed, not waited for */
    Background bg;
    ck_assert_int_eq(workers_background_start(&bg, sleep_then_answer, NULL, 3000), 0);
    double t0 = clock_seconds();
    size_t len = 0;
    void *res = workers_background_finish(&bg, t0 + 0.2, NULL, &len);
    ck_assert_ptr_null(res);
    ck_assert_double_lt(clock_seconds() - t0, 1.5);
    ck_assert_int_eq(bg.pid, 0);
}
END_TEST

START_TEST(background_stopped_by_ctrl_c)
{
    /* the stop flag set (Ctrl-C): the task has half a second, not the
     * deadline (this task has no handler: SIGINT ends it) */
    Background bg;
    volatile sig_atomic_t stop = 1;
    signal(SIGINT, SIG_DFL); /* not Check's handler, which ends the whole test */
    ck_assert_int_eq(workers_background_start(&bg, sleep_then_answer, NULL, 3000), 0);
    double t0 = clock_seconds();
    size_t len = 0;
    ck_assert_ptr_null(workers_background_finish(&bg, t0 + 10.0, &stop, &len));
    ck_assert_double_lt(clock_seconds() - t0, 1.5);
}
END_TEST

START_TEST(background_never_started_gives_nothing)
{
    Background bg = {0, -1};
    size_t len = 0;
    ck_assert_ptr_null(workers_background_finish(&bg, clock_seconds() + 1.0, NULL, &len));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("workers");
    TCase *tc = tcase_create("deadline");
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, deadline_kills_what_still_runs);
    tcase_add_test(tc, deadline_waits_for_a_spared_task);
    tcase_add_test(tc, nothing_starts_after_the_deadline);
    tcase_add_test(tc, without_a_deadline_everything_is_collected);
    tcase_add_test(tc, background_result_is_collected);
    tcase_add_test(tc, background_killed_at_its_deadline);
    tcase_add_test(tc, background_stopped_by_ctrl_c);
    tcase_add_test(tc, background_never_started_gives_nothing);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
