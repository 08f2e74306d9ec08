/*
 * run_store.c — appending a solve to the SQLite run store (see run_store.h).
 * One transaction per run, so a failed write leaves the store as it was.
 */
#include "run_store.h"

#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define STORE_BUSY_MS 10000
/* Recording comes after the plan is written, within the time the user
 * waits for: a store kept busy by something else costs at most this, and
 * a warning (runs solved side by side record in milliseconds). */
#define STORE_RECORD_BUSY_MS 2000

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS runs ("
    " id INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL, scenario TEXT NOT NULL, variant TEXT,"
    " scenario_dir TEXT, out_dir TEXT, status TEXT NOT NULL, value REAL, cost REAL,"
    " hosting_cost REAL, bound REAL, gap REAL, assigned INTEGER, unassigned INTEGER,"
    " seconds REAL, rows INTEGER, cols INTEGER, nonzeros INTEGER, participant_classes INTEGER,"
    " cost_bound REAL, cost_gap REAL);"
    "CREATE TABLE IF NOT EXISTS run_counts ("
    " run_id INTEGER NOT NULL REFERENCES runs(id), dimension TEXT NOT NULL, key TEXT NOT NULL,"
    " assigned INTEGER NOT NULL, unassigned INTEGER NOT NULL);";

static const char insert_run[] =
    "INSERT INTO runs (recorded_at, scenario, variant, scenario_dir, out_dir, status,"
    " value, cost, hosting_cost, bound, gap, assigned, unassigned, seconds, rows, cols,"
    " nonzeros, participant_classes, cost_bound, cost_gap) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
/* the runs table as samplan made it before cost_bound and cost_gap
 * (thirty-seventh session) */
static const char old_columns[] =
    "SELECT recorded_at, scenario, variant, scenario_dir, out_dir, status, value, cost, hosting_cost, bound,"
    " gap, assigned, unassigned, seconds, rows, cols, nonzeros, participant_classes FROM runs LIMIT 0";

/* A store made before the cost bound gets its two columns (its earlier
 * runs have them null); a `runs` table that is not samplan's is left to
 * tables_fit to refuse. Inside open_store's transaction. Returns 0, or
 * −1 with SQLite's message in why. */
static int add_cost_bound_columns(sqlite3 *db, char *why, size_t whysz)
{
    sqlite3_stmt *st = NULL;
    int old = sqlite3_prepare_v2(db, old_columns, -1, &st, NULL) == SQLITE_OK;
    sqlite3_finalize(st);
    if (!old)
        return 0;
    /* each on its own: a store with one of them (a repair by hand) gets
     * the other (review, thirty-seventh session) */
    static const char *const column[][2] = {{"SELECT cost_bound FROM runs LIMIT 0",
                                             "ALTER TABLE runs ADD COLUMN cost_bound REAL"},
                                            {"SELECT cost_gap FROM runs LIMIT 0",
                                             "ALTER TABLE runs ADD COLUMN cost_gap REAL"}};
    for (int c = 0; c < 2; c++) {
        st = NULL;
        int has = sqlite3_prepare_v2(db, column[c][0], -1, &st, NULL) == SQLITE_OK;
        sqlite3_finalize(st);
        if (!has && sqlite3_exec(db, column[c][1], NULL, NULL, NULL) != SQLITE_OK) {
            snprintf(why, whysz, "%s", sqlite3_errmsg(db));
            return -1;
        }
    }
    return 0;
}
static const char insert_count_sql[] = "INSERT INTO run_counts VALUES (?,?,?,?,?)";

/* 1 when the store's tables take a run as run_store_record writes it: a
 * file of the same name with other tables of the same names would fail
 * only after the plan is written. */
static int tables_fit(sqlite3 *db, char *why, size_t whysz)
{
    const char *const sql[] = {insert_run, insert_count_sql};
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(db, sql[i], -1, &st, NULL);
        sqlite3_finalize(st);
        if (rc != SQLITE_OK) {
            snprintf(why, whysz, "%s", sqlite3_errmsg(db));
            return 0;
        }
    }
    return 1;
}

/* 1 when the file holds no table or view but samplan's (and SQLite's
 * own): a user's database given by mistake is refused before anything
 * is added to it (tester, twenty-sixth session: `runs` and `run_counts`
 * were made beside a user's table `t`). */
static int only_samplan_tables(sqlite3 *db, char *why, size_t whysz)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view')"
                           " AND name NOT IN ('runs', 'run_counts') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                           " ORDER BY name LIMIT 1",
                           -1, &st, NULL) != SQLITE_OK) {
        snprintf(why, whysz, "%s", sqlite3_errmsg(db));
        return 0;
    }
    int rc = sqlite3_step(st), ok = rc == SQLITE_DONE;
    if (rc == SQLITE_ROW)
        snprintf(why, whysz, "it holds the %s '%s', which samplan did not make", sqlite3_column_text(st, 0),
                 sqlite3_column_text(st, 1));
    else if (!ok)
        snprintf(why, whysz, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return ok;
}

static int insert_count(sqlite3 *db, sqlite3_stmt *st, sqlite3_int64 run, const char *dim, const char *key,
                        int assigned, int unassigned)
{
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, run);
    sqlite3_bind_text(st, 2, dim, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, assigned);
    sqlite3_bind_int(st, 5, unassigned);
    (void)db;
    return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

/* Set by run_store_set_stop: the waits for a busy store end when it is. */
static volatile sig_atomic_t *store_stop;

void run_store_set_stop(volatile sig_atomic_t *stop)
{
    store_stop = stop;
}

/* SQLite's busy handler: wait in steps of 20 ms up to *arg ms, but stop
 * at Ctrl-C (a busy store held a Ctrl-C for its whole 10 s: review,
 * twenty-second session). */
static int busy_wait(void *arg, int count)
{
    int limit_ms = *(const int *)arg;
    if ((store_stop && *store_stop) || count * 20 >= limit_ms)
        return 0;
    struct timespec step = {0, 20 * 1000 * 1000};
    nanosleep(&step, NULL);
    return 1;
}

/* Opens (creating when missing) the store at path with its tables.
 * Returns the handle, or NULL with a message in err and *busy set when
 * another run kept the store locked. The tables are made and checked in
 * one transaction, so a file whose tables do not fit is left as it was
 * (independent audit: a foreign `runs` table got a `run_counts` beside
 * it before the refusal). */
static sqlite3 *open_store(const char *path, const int *busy_ms, int *busy, char *err, size_t errsz)
{
    *busy = 0;
    sqlite3 *db = NULL;
    /* SQLite would use a temporary or in-memory database, gone on close */
    if (!*path || !strcmp(path, ":memory:")) {
        snprintf(err, errsz, "the run store needs a file name, got '%s'", path);
        return NULL;
    }
    /* a new store is created here, readable by its owner only whatever
     * the umask (SQLite would create it 0644 & ~umask); an empty file is
     * an empty database to SQLite. An existing file keeps its mode. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
        (void)fchmod(fd, 0600); /* open's mode is cut by the umask */
        close(fd);
    } else {
        /* an empty file (`: > runs.db`) becomes the store here: made
         * owner-only as a new one is (tester, twenty-sixth session: it
         * stayed 0644 with the runs' counts in it) */
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0)
            (void)chmod(path, st.st_mode & 0700);
    }
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        snprintf(err, errsz, "cannot open run store '%s': %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    /* runs solved side by side record one at a time: wait for the other
     * writer rather than fail at once with "database is locked" */
    sqlite3_busy_handler(db, busy_wait, (void *)busy_ms);
    /* SQLite opens a file it may not write read-only, and the schema
     * statements write nothing once the tables exist */
    if (sqlite3_db_readonly(db, "main") != 0) {
        snprintf(err, errsz, "cannot write run store '%s': it opens read-only", path);
        sqlite3_close(db);
        return NULL;
    }
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        *busy = (rc & 0xff) == SQLITE_BUSY;
        snprintf(err, errsz, *busy ? "run store '%s' is busy (another run is writing to it): %s"
                                   : "cannot write run store '%s': %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    char why[256] = "";
    if (only_samplan_tables(db, why, sizeof why)) {
        if (sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK)
            snprintf(why, sizeof why, "%s", sqlite3_errmsg(db));
        else if (add_cost_bound_columns(db, why, sizeof why) == 0)
            tables_fit(db, why, sizeof why);
    }
    int commit = why[0] ? SQLITE_OK : sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    if (why[0] || commit != SQLITE_OK) {
        *busy = (commit & 0xff) == SQLITE_BUSY;
        if (!why[0])
            snprintf(why, sizeof why, "%s", sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        if (*busy)
            snprintf(err, errsz, "run store '%s' is busy (another run is reading or writing it): %s", path, why);
        else
            snprintf(err, errsz, "cannot use run store '%s': %s (expected the tables samplan makes)", path, why);
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

/* A write that is rolled back: once the tables exist, opening the store
 * writes nothing, and SQLite creates its journal next to the store only
 * on a write, so a store in a directory the user may not write would
 * pass the opening and fail only when the run is recorded. */
static int probe_write(sqlite3 *db, char *why, size_t whysz)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE; CREATE TABLE samplan_write_probe(x);", NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        snprintf(why, whysz, "%s", msg ? msg : sqlite3_errstr(rc));
    sqlite3_free(msg);
    sqlite3_exec(db, "ROLLBACK;", NULL, NULL, NULL);
    return rc == SQLITE_OK ? SQLITE_OK : (rc & 0xff) == SQLITE_BUSY ? SQLITE_BUSY : rc;
}


int run_store_check(const char *path, char *err, size_t errsz)
{
    if (!*path || !strcmp(path, ":memory:")) {
        snprintf(err, errsz, "the run store needs a file name, got '%s'", path);
        return -1;
    }
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT) {
        /* not made here: a store made now and removed if the solve
         * failed could take another run's record with it */
        char why[256] = "";
        if (parent_takes_files(path, why, sizeof why))
            return 0;
        snprintf(err, errsz, "cannot create run store '%s': %s", path, why);
        return -1;
    }
    int busy = 0;
    static const int wait_ms = STORE_BUSY_MS;
    sqlite3 *db = open_store(path, &wait_ms, &busy, err, errsz);
    if (!db)
        return busy ? -2 : -1;
    int rc = 0;
    char why[256] = "";
    int probe = probe_write(db, why, sizeof why);
    if (probe == SQLITE_BUSY) {
        snprintf(err, errsz, "run store '%s' is busy (another run is writing to it): %s", path, why);
        rc = -2;
    } else if (probe != SQLITE_OK) {
        snprintf(err, errsz, "cannot write run store '%s': %s", path, why);
        rc = -1;
    }
    sqlite3_close(db);
    return rc;
}

int run_store_record(const char *path, const Scenario *s, const Plan *plan, const char *out_dir,
                     const SolveStats *stats, char *err, size_t errsz)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *run = NULL, *cnt = NULL;
    int *home_in = NULL, *home_out = NULL;
    int rc = -1;
    int busy = 0;
    static const int wait_ms = STORE_RECORD_BUSY_MS;
    if (!(db = open_store(path, &wait_ms, &busy, err, errsz)))
        goto done;
    if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        goto sqlerr;
    if (sqlite3_prepare_v2(db, insert_run, -1, &run, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, insert_count_sql, -1, &cnt, NULL) != SQLITE_OK)
        goto sqlerr;
    char stamp[32];
    time_t now = time(NULL);
    struct tm tmv;
    gmtime_r(&now, &tmv);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    int assigned = 0;
    for (int p = 0; p < plan->nassignments; p++)
        assigned += plan->assignments[p].cohort >= 0;
    sqlite3_bind_text(run, 1, stamp, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(run, 2, s->name, -1, SQLITE_STATIC);
    if (s->variant)
        sqlite3_bind_text(run, 3, s->variant, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(run, 3);
    /* absolute paths: a store is shared by runs from other working
     * directories (independent audit, twenty-second session); as given
     * when the path cannot be resolved */
    char *scenario_abs = realpath(s->dir, NULL), *out_abs = realpath(out_dir, NULL);
    sqlite3_bind_text(run, 4, scenario_abs ? scenario_abs : s->dir, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(run, 5, out_abs ? out_abs : out_dir, -1, SQLITE_TRANSIENT);
    free(scenario_abs);
    free(out_abs);
    sqlite3_bind_text(run, 6, plan_status_names[plan->status], -1, SQLITE_STATIC);
    sqlite3_bind_double(run, 7, plan->value);
    sqlite3_bind_double(run, 8, plan->cost);
    sqlite3_bind_double(run, 9, plan->hosting_cost);
    sqlite3_bind_double(run, 10, plan->bound);
    sqlite3_bind_double(run, 11, plan->gap);
    sqlite3_bind_int(run, 12, assigned);
    sqlite3_bind_int(run, 13, plan->nassignments - assigned);
    sqlite3_bind_double(run, 14, plan->seconds);
    sqlite3_bind_int(run, 15, stats ? stats->rows : 0);
    sqlite3_bind_int(run, 16, stats ? stats->cols : 0);
    sqlite3_bind_int64(run, 17, stats ? (sqlite3_int64)stats->nnz : 0);
    sqlite3_bind_int(run, 18, stats ? stats->participant_classes : 0);
    sqlite3_bind_double(run, 19, plan->cost_bound); /* NAN binds as NULL: none known */
    sqlite3_bind_double(run, 20, plan->cost_gap);
    if (sqlite3_step(run) != SQLITE_DONE)
        goto sqlerr;
    sqlite3_int64 id = sqlite3_last_insert_rowid(db);

    int ga[GROUP_COUNT] = {0}, gu[GROUP_COUNT] = {0}, sa[GENDER_COUNT] = {0}, su[GENDER_COUNT] = {0};
    for (int p = 0; p < plan->nassignments; p++) {
        const Participant *pt = &s->participants[p];
        int in = plan->assignments[p].cohort >= 0;
        (in ? ga : gu)[pt->group]++;
        (in ? sa : su)[pt->gender]++;
    }
    for (int g = 0; g < GROUP_COUNT; g++)
        if (insert_count(db, cnt, id, "group", group_names[g], ga[g], gu[g]))
            goto sqlerr;
    for (int g = 0; g < GENDER_COUNT; g++)
        if (insert_count(db, cnt, id, "gender", gender_names[g], sa[g], su[g]))
            goto sqlerr;
    home_in = calloc((size_t)s->nmunicipalities + 1, sizeof *home_in);
    home_out = calloc((size_t)s->nmunicipalities + 1, sizeof *home_out);
    if (!home_in || !home_out)
        goto sqlerr;
    for (int p = 0; p < plan->nassignments; p++) {
        if (plan->assignments[p].cohort >= 0)
            home_in[s->participants[p].home]++;
        else
            home_out[s->participants[p].home]++;
    }
    for (int h = 0; h < s->nmunicipalities; h++)
        if ((home_in[h] || home_out[h]) &&
            insert_count(db, cnt, id, "home", s->municipalities[h].code, home_in[h], home_out[h]))
            goto sqlerr;
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        goto sqlerr;
    rc = 0;
    goto done;
sqlerr:
    snprintf(err, errsz, "cannot record the run in '%s': %s", path, sqlite3_errmsg(db));
done:
    free(home_in);
    free(home_out);
    sqlite3_finalize(run);
    sqlite3_finalize(cnt);
    sqlite3_close(db);
    return rc;
}
