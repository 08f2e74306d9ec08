/*
 * check_run_store.c — io/run_store.c: a solve recorded with --db lands as
 * one row of `runs` with its counts per group, gender and home, in a file
 * only its owner can read; nothing of a participant's id is stored; an
 * unusable path is found by run_store_check before anything is solved.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../io/run_store.h"
#include "plan_fixture.h"
#include "test_tmpdir.h"

static char tmpdir[64], dbpath[128];

static void setup(void)
{
    strcpy(tmpdir, "/tmp/check_run_store.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    snprintf(dbpath, sizeof dbpath, "%s/runs.db", tmpdir);
}

static void teardown(void)
{
    rm_rf(tmpdir);
}

/* The single integer a query returns. */
static long long query_int(const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    ck_assert_int_eq(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static void record(void)
{
    Scenario *s = fx_scenario();
    Plan *plan = fx_plan();
    char err[512] = "";
    ck_assert_msg(run_store_record(dbpath, s, plan, "out", NULL, err, sizeof err) == 0, "%s", err);
    plan_free(plan);
    scenario_free(s);
}

START_TEST(test_records_runs)
{
    record();
    record();
    ck_assert_int_eq(query_int("SELECT count(*) FROM runs"), 2);
    /* the fixture assigns five of its seven participants */
    ck_assert_int_eq(query_int("SELECT assigned FROM runs WHERE id = 1"), 5);
    ck_assert_int_eq(query_int("SELECT unassigned FROM runs WHERE id = 1"), 2);
    ck_assert_int_eq(query_int("SELECT sum(assigned + unassigned) FROM run_counts WHERE run_id = 2 AND "
                               "dimension = 'group'"),
                     7);
    ck_assert_int_eq(query_int("SELECT sum(assigned + unassigned) FROM run_counts WHERE run_id = 2 AND "
                               "dimension = 'home'"),
                     7);
    /* no participant id anywhere (the fixture's ids: "P,1", p2 …) */
    ck_assert_int_eq(query_int("SELECT count(*) FROM run_counts WHERE key LIKE 'p%' OR key LIKE 'P%'"), 0);
}
END_TEST

START_TEST(test_new_store_is_private)
{
    mode_t old = umask(0);
    record();
    umask(old);
    struct stat st;
    ck_assert_int_eq(stat(dbpath, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
}
END_TEST

START_TEST(test_check_before_solving)
{
    char err[512] = "";
    /* a new store is not made by the check: run_store_record makes it */
    ck_assert_int_eq(run_store_check(dbpath, err, sizeof err), 0);
    ck_assert_int_eq(access(dbpath, F_OK), -1);
    record();
    ck_assert_int_eq(run_store_check(dbpath, err, sizeof err), 0);
    ck_assert_int_eq(query_int("SELECT count(*) FROM runs"), 1);
    ck_assert_int_eq(query_int("SELECT count(*) FROM sqlite_master WHERE name = 'samplan_write_probe'"), 0);
    char bad[160];
    snprintf(bad, sizeof bad, "%s/missing/runs.db", tmpdir);
    ck_assert_int_eq(run_store_check(bad, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "cannot create run store") != NULL, "%s", err);
    ck_assert_ptr_nonnull(strstr(err, bad));
    /* a file that is not a database */
    FILE *f = fopen(dbpath, "w");
    fputs("not a database, but long enough to have a header of sorts ........................\n", f);
    fclose(f);
    ck_assert_int_eq(run_store_check(dbpath, err, sizeof err), -1);
    ck_assert_int_eq(access(dbpath, F_OK), 0); /* the user's file is left alone */
    /* an empty name would record into a temporary database */
    ck_assert_int_eq(run_store_check("", err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "needs a file name"));
    ck_assert_int_eq(run_store_check(":memory:", err, sizeof err), -1);
}
END_TEST

/* A store made before cost_bound and cost_gap (its runs table without
 * them) takes the next run: the columns are added, its old rows keep
 * null there. A plan without a cost bound records null; one with, its
 * figures. */
START_TEST(test_store_before_cost_bound)
{
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
    ck_assert_int_eq(
        sqlite3_exec(db,
                     "CREATE TABLE runs (id INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL, scenario TEXT NOT NULL,"
                     " variant TEXT, scenario_dir TEXT, out_dir TEXT, status TEXT NOT NULL, value REAL, cost REAL,"
                     " hosting_cost REAL, bound REAL, gap REAL, assigned INTEGER, unassigned INTEGER, seconds REAL,"
                     " rows INTEGER, cols INTEGER, nonzeros INTEGER, participant_classes INTEGER);"
                     "CREATE TABLE run_counts (run_id INTEGER NOT NULL REFERENCES runs(id), dimension TEXT NOT NULL,"
                     " key TEXT NOT NULL, assigned INTEGER NOT NULL, unassigned INTEGER NOT NULL);"
                     "INSERT INTO runs (recorded_at, scenario, status) VALUES ('2026-11-23T10:00:00Z', 'old', 'optimal');"
                     "ALTER TABLE runs ADD COLUMN cost_bound REAL;", /* half a migration: one column of two */
                     NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(db);
    char err[512] = "";
    ck_assert_msg(run_store_check(dbpath, err, sizeof err) == 0, "%s", err);
    record(); /* plan_new: no cost bound */
    Scenario *s = fx_scenario();
    Plan *plan = fx_plan();
    plan->cost_bound = 1000.0;
    plan->cost_gap = 0.25;
    ck_assert_msg(run_store_record(dbpath, s, plan, "out", NULL, err, sizeof err) == 0, "%s", err);
    plan_free(plan);
    scenario_free(s);
    ck_assert_int_eq(query_int("SELECT count(*) FROM runs"), 3);
    ck_assert_int_eq(query_int("SELECT count(*) FROM runs WHERE cost_bound IS NULL AND cost_gap IS NULL"), 2);
    ck_assert_int_eq(query_int("SELECT count(*) FROM runs WHERE id = 3 AND cost_bound = 1000.0 AND cost_gap = 0.25"),
                     1);
    ck_assert_int_eq(query_int("SELECT count(*) FROM runs WHERE scenario = 'old'"), 1);
}
END_TEST

/* A store whose tables are not samplan's (a file of that name from
 * elsewhere) is refused before solving, not after the plan is written. */
START_TEST(test_foreign_tables)
{
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE runs (id INTEGER PRIMARY KEY, note TEXT);", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    char err[512] = "";
    ck_assert_int_eq(run_store_check(dbpath, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "expected the tables samplan makes") != NULL, "%s", err);
    ck_assert_int_eq(access(dbpath, F_OK), 0); /* the user's file stays */
    /* ... as it was: no run_counts table made beside the foreign runs */
    ck_assert_int_eq(query_int("SELECT count(*) FROM sqlite_master"), 1);
}
END_TEST

/* A user's own database given by mistake, whose tables are not named
 * like samplan's, is refused too, and left as it was (tester,
 * twenty-sixth session: `runs` and `run_counts` were made beside it). */
START_TEST(test_other_database)
{
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    char err[512] = "";
    ck_assert_int_eq(run_store_check(dbpath, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "the table 't', which samplan did not make") != NULL, "%s", err);
    Scenario *s = fx_scenario();
    Plan *plan = fx_plan();
    ck_assert_int_eq(run_store_record(dbpath, s, plan, "out", NULL, err, sizeof err), -1);
    plan_free(plan);
    scenario_free(s);
    ck_assert_int_eq(query_int("SELECT count(*) FROM sqlite_master"), 1);
    ck_assert_int_eq(query_int("SELECT x FROM t"), 1);
}
END_TEST

/* An empty file given as the store becomes one owner-only, as a new
 * store is made (it stayed 0644 with the runs' counts in it). */
START_TEST(test_empty_file_made_private)
{
    FILE *f = fopen(dbpath, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    ck_assert_int_eq(chmod(dbpath, 0644), 0);
    record();
    struct stat st;
    ck_assert_int_eq(stat(dbpath, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    ck_assert_int_eq(query_int("SELECT count(*) FROM runs"), 1);
}
END_TEST

/* Paths are stored absolute: a store is shared by runs started from
 * other working directories. */
START_TEST(test_paths_absolute)
{
    char here[4096], out[200], want[4400];
    ck_assert_ptr_nonnull(getcwd(here, sizeof here));
    snprintf(out, sizeof out, "%s/plan-dir", tmpdir);
    ck_assert_int_eq(mkdir(out, 0700), 0);
    ck_assert_int_eq(chdir(tmpdir), 0);
    Scenario *s = fx_scenario();
    Plan *plan = fx_plan();
    char err[512] = "";
    ck_assert_msg(run_store_record(dbpath, s, plan, "plan-dir", NULL, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(chdir(here), 0);
    char *abs = realpath(out, NULL);
    ck_assert_ptr_nonnull(abs);
    snprintf(want, sizeof want, "SELECT count(*) FROM runs WHERE out_dir = '%s'", abs);
    free(abs);
    ck_assert_int_eq(query_int(want), 1);
    plan_free(plan);
    scenario_free(s);
}
END_TEST

/* Recording comes after the plan is written: a store another connection
 * keeps locked makes it fail within STORE_RECORD_BUSY_MS (2 s), not the
 * 10 s the check before solving waits (a busy store cost 10 s past the
 * time limit: independent audit, twenty-second session). */
START_TEST(test_busy_store_fails_soon)
{
    record();
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
    Scenario *s = fx_scenario();
    Plan *plan = fx_plan();
    char err[512] = "";
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    ck_assert_int_eq(run_store_record(dbpath, s, plan, "out", NULL, err, sizeof err), -1);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double took = (double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec);
    ck_assert_msg(took > 1.0 && took < 5.0, "a busy store took %.2f s to fail", took);
    ck_assert_msg(strstr(err, "busy") != NULL, "%s", err);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(db);
    plan_free(plan);
    scenario_free(s);
    ck_assert_int_eq(query_int("SELECT count(*) FROM runs"), 1);
}
END_TEST

/* Runs run_store_check on dbpath as a user the permissions bind: root
 * writes anywhere, so as root it is run in a child process as nobody
 * (the test directory then readable by all, the store as given). 1 when
 * it returned -1 with `want` in its message. */
static int refused_as_user(const char *want)
{
    char err[512] = "";
    if (geteuid() != 0) {
        int rc = run_store_check(dbpath, err, sizeof err);
        return rc == -1 && strstr(err, want) != NULL;
    }
    chmod(tmpdir, 0755);
    pid_t pid = fork();
    if (pid == 0) {
        if (setgid(65534) != 0 || setuid(65534) != 0)
            _exit(2);
        int rc = run_store_check(dbpath, err, sizeof err);
        _exit(rc == -1 && strstr(err, want) != NULL ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    chmod(tmpdir, 0700);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* A store the user may read but not write opens read-only in SQLite. */
START_TEST(test_read_only_store)
{
    record();
    ck_assert_int_eq(chmod(dbpath, 0444), 0);
    ck_assert(refused_as_user("read-only"));
}
END_TEST

/* An existing store in a directory the user may not write opens, but
 * SQLite could not create its journal there to record a run: the check
 * tries a write. */
START_TEST(test_unwritable_directory)
{
    record();
    ck_assert_int_eq(chmod(dbpath, 0666), 0);
    if (geteuid() != 0)
        ck_assert_int_eq(chmod(tmpdir, 0500), 0);
    int refused = refused_as_user("cannot write run store");
    chmod(tmpdir, 0700);
    ck_assert(refused);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("run_store");
    TCase *tc = tcase_create("store");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_records_runs);
    tcase_add_test(tc, test_new_store_is_private);
    tcase_add_test(tc, test_check_before_solving);
    tcase_add_test(tc, test_read_only_store);
    tcase_add_test(tc, test_unwritable_directory);
    tcase_add_test(tc, test_store_before_cost_bound);
    tcase_add_test(tc, test_foreign_tables);
    tcase_add_test(tc, test_other_database);
    tcase_add_test(tc, test_empty_file_made_private);
    tcase_add_test(tc, test_busy_store_fails_soon);
    tcase_add_test(tc, test_paths_absolute);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
