/*
 * plan_read.c — a plan directory read back and checked (see plan_read.h).
 *
 * Each CSV file is read through csv_table (positions, encoding, quoting);
 * columns are found by header name, so extra columns are ignored. A file
 * is read to its end even after a bad cell, so all its problems are listed
 * at once; the next file is read only when the previous one was clean.
 */
#include "plan_read.h"

#include "plan_agree.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv_table.h"
#include "file_kind.h"
#include "json_where.h"
#include "week_dates.h"

/* ---- string arena ------------------------------------------------------ */

/* A copy of s owned by pr; NULL on out-of-memory. */
static const char *keep(PlanRead *pr, const char *s)
{
    if (pr->nstrings == pr->capstrings) {
        size_t cap = pr->capstrings ? 2 * pr->capstrings : 256;
        char **grown = realloc(pr->strings, cap * sizeof *grown);
        if (!grown)
            return NULL;
        pr->strings = grown;
        pr->capstrings = cap;
    }
    char *copy = strdup(s ? s : "");
    if (!copy)
        return NULL;
    pr->strings[pr->nstrings++] = copy;
    return copy;
}

/* items (of elements of size elem) grown to hold more than n; the same or
 * a new pointer, or NULL on out-of-memory (items is still valid then). */
static void *grow(void *items, int n, int *cap, size_t elem)
{
    if (n < *cap)
        return items;
    int ncap = *cap ? 2 * *cap : 64;
    void *p = realloc(items, (size_t)ncap * elem);
    if (p)
        *cap = ncap;
    return p;
}

static char *join_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p) {
        size_t len = strlen(dir);
        while (len > 1 && dir[len - 1] == '/')
            len--;
        snprintf(p, n, "%.*s/%s", (int)len, dir, name);
    }
    return p;
}

/* ---- summary.json ------------------------------------------------------ */

typedef struct SummaryCtx {
    const char *label; /* path of summary.json, for messages */
    DiagList *diags;
    const JsonWhere *where; /* positions of its values, or NULL */
    int bad;
} SummaryCtx;

#define KEYS(...) ((const char *const[]){__VA_ARGS__, NULL})

static void sbad(SummaryCtx *c, const char *const *keys, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Reports a problem at the value the keys lead to, or for a missing key
 * at the nearest enclosing object that is there. */
static void sbad(SummaryCtx *c, const char *const *keys, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long line = 0, column = 0;
    if (c->where && json_where_nearest(c->where, keys, &line, &column) < 0)
        line = column = 0;
    diag_add(c->diags, c->label, line, column, "%s", msg);
    c->bad = 1;
}

static const char *type_name(const json_t *v)
{
    if (!v)
        return "nothing";
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

/* A required string (or null when nullable). Returns it or NULL. */
static const char *get_string(SummaryCtx *c, json_t *root, const char *key, int required,
                              int nullable)
{
    json_t *v = json_object_get(root, key);
    if (!v || (nullable && json_is_null(v))) {
        if (!v && required)
            sbad(c, KEYS(key), "missing key '%s': expected a string", key);
        return NULL;
    }
    if (!json_is_string(v)) {
        sbad(c, KEYS(key), "key '%s': expected a string%s, got %s", key, nullable ? " or null" : "",
             type_name(v));
        return NULL;
    }
    return json_string_value(v);
}

/* A number or null (NAN). Missing: an error when required, else NAN. */
static double get_number(SummaryCtx *c, json_t *root, const char *key, int required)
{
    json_t *v = json_object_get(root, key);
    if (!v) {
        if (required)
            sbad(c, KEYS(key), "missing key '%s': expected a number", key);
        return NAN;
    }
    if (json_is_null(v))
        return NAN;
    if (!json_is_number(v)) {
        sbad(c, KEYS(key), "key '%s': expected a number or null, got %s", key, type_name(v));
        return NAN;
    }
    return json_number_value(v);
}

/* An integer in [min, max]; missing: error when required, else dflt. */
static long get_long(SummaryCtx *c, json_t *obj, const char *parent, const char *member, const char *key,
                     long min, long max, int required, long dflt)
{
    /* the key as messages name it ("by_group.youth.assigned") and its path */
    char where[300] = "";
    if (parent)
        snprintf(where, sizeof where, "%s.%s.", parent, member);
    const char *const *keys = parent ? KEYS(parent, member, key) : KEYS(key);
    json_t *v = json_object_get(obj, key);
    if (!v) {
        if (required)
            sbad(c, keys, "missing key '%s%s': expected an integer", where, key);
        return dflt;
    }
    if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max) {
        if (json_is_integer(v))
            sbad(c, keys, "key '%s%s': expected an integer %ld..%ld, got %lld", where, key, min, max,
                 (long long)json_integer_value(v));
        else
            sbad(c, keys, "key '%s%s': expected an integer, got %s", where, key, type_name(v));
        return dflt;
    }
    return (long)json_integer_value(v);
}

/* by_group & co.: {key: {"assigned": n, "unassigned": m}}; by_track has
 * "cohorts" instead of "unassigned". Returns 0, or −1 on out-of-memory. */
static int get_counts(SummaryCtx *c, json_t *root, const char *key, int required,
                      int track, PlanCounts *out)
{
    json_t *obj = json_object_get(root, key);
    if (!obj) {
        if (required)
            sbad(c, KEYS(key), "missing key '%s': expected an object of counts", key);
        return 0;
    }
    if (!json_is_object(obj)) {
        sbad(c, KEYS(key), "key '%s': expected an object of counts, got %s", key, type_name(obj));
        return 0;
    }
    size_t n = json_object_size(obj);
    out->items = calloc(n ? n : 1, sizeof *out->items);
    if (!out->items)
        return -1;
    const char *k;
    json_t *v;
    json_object_foreach(obj, k, v) {
        if (!json_is_object(v)) {
            sbad(c, KEYS(key, k), "key '%s.%s': expected an object {\"assigned\": n, ...}, got %s", key, k,
                 type_name(v));
            continue;
        }
        PlanCount *pc = &out->items[out->n++];
        pc->key = k;
        pc->assigned = get_long(c, v, key, k, "assigned", 0, 100000000, 1, 0);
        if (track) {
            pc->unassigned = 0;
            pc->cohorts = get_long(c, v, key, k, "cohorts", 0, 100000000, 0, -1);
        } else {
            pc->unassigned = get_long(c, v, key, k, "unassigned", 0, 100000000, 1, 0);
            pc->cohorts = -1;
        }
    }
    return 0;
}

static int valid_date(const char *s)
{
    int y, w;
    return s && strlen(s) == 10 && iso_week_of(s, &y, &w) == 0;
}

/* summary.json's text (NUL-terminated, *len bytes), or NULL with a
 * message. A plan's summary is small; anything beyond SUMMARY_MAX is
 * not one. */
#define SUMMARY_MAX (64L << 20)

static char *summary_text(const char *path, size_t *len, DiagList *diags, int *rc)
{
    *rc = 2;
    const char *kind = NULL;
    FILE *fp = file_kind_open(path, &kind);
    if (kind) {
        diag_add(diags, path, 0, 0, "is %s: expected a JSON file", kind);
        return NULL;
    }
    if (!fp) {
        diag_add(diags, path, 0, 0, "cannot open file: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, fp);
        if (ferror(fp) || n < cap - 1 || cap >= (size_t)SUMMARY_MAX)
            break;
        char *bigger = realloc(buf, cap *= 2);
        if (!bigger) {
            free(buf);
            buf = NULL;
        } else {
            buf = bigger;
        }
    }
    int failed = ferror(fp);
    fclose(fp);
    if (!buf) {
        diag_add(diags, path, 0, 0, "out of memory");
        *rc = 1;
        return NULL;
    }
    if (failed || n >= cap - 1) {
        diag_add(diags, path, 0, 0, failed ? "cannot read file" : "file is over 64 MB: expected a plan's summary");
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int read_summary_values(PlanRead *pr, const char *path, const JsonWhere *where, DiagList *diags);

/* Returns 0, 2 (diagnostics) or 1 (out of memory). */
static int read_summary(PlanRead *pr, const char *path, DiagList *diags)
{
    size_t len = 0;
    int rc;
    char *text = summary_text(path, &len, diags, &rc);
    if (!text)
        return rc;
    json_error_t err;
    pr->summary = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
    if (!pr->summary) {
        /* jansson's position as it is, column 0 at the start of a line
         * (the end of a cut-off file), as for scenario.json */
        diag_add(diags, path, err.line > 0 ? err.line : 0,
                 err.line > 0 ? (err.column > 0 ? err.column : DIAG_COLUMN_ZERO) : 0, "%s%s",
                 json_error_text(err.text), json_error_expected(err.text));
        free(text);
        return 2;
    }
    JsonWhere where = JSON_WHERE_INIT;
    if (json_where_scan(&where, text, len)) {
        free(text);
        json_where_free(&where);
        diag_add(diags, path, 0, 0, "out of memory");
        return 1;
    }
    free(text);
    rc = read_summary_values(pr, path, &where, diags);
    json_where_free(&where);
    return rc;
}

/* summary.json's values, once it has been read as JSON. */
static int read_summary_values(PlanRead *pr, const char *path, const JsonWhere *where, DiagList *diags)
{
    json_t *root = pr->summary;
    if (!json_is_object(root)) {
        diag_add(diags, path, 1, 1, "expected an object {...} at the top level");
        return 2;
    }
    SummaryCtx c = {path, diags, where, 0};
    pr->scenario = get_string(&c, root, "scenario", 1, 0);
    if (!pr->scenario)
        pr->scenario = "";
    pr->variant = get_string(&c, root, "variant", 0, 1);
    pr->status = get_string(&c, root, "status", 1, 0);
    if (!pr->status)
        pr->status = "";
    else if (strcmp(pr->status, "optimal") && strcmp(pr->status, "feasible") &&
             strcmp(pr->status, "infeasible") && strcmp(pr->status, "error"))
        sbad(&c, KEYS("status"), "key 'status': expected optimal, feasible, infeasible or error, got '%s'",
             pr->status);
    pr->value = get_number(&c, root, "value", 1);
    pr->cost = get_number(&c, root, "cost", 1);
    pr->bound = get_number(&c, root, "bound", 0);
    pr->gap = get_number(&c, root, "gap", 0);
    pr->seconds = get_number(&c, root, "seconds", 0);
    pr->hosting_cost = get_number(&c, root, "hosting_cost", 0);
    pr->travel_cost = get_number(&c, root, "travel_cost", 0);
    pr->cost_bound = get_number(&c, root, "cost_bound", 0);
    pr->cost_gap = get_number(&c, root, "cost_gap", 0);
    pr->assigned = get_long(&c, root, NULL, NULL, "assigned", 0, 100000000, 1, 0);
    pr->unassigned = get_long(&c, root, NULL, NULL, "unassigned", 0, 100000000, 1, 0);
    pr->cohorts = get_long(&c, root, NULL, NULL, "cohorts", 0, 100000000, 0, -1);
    pr->groups = get_long(&c, root, NULL, NULL, "groups", 0, 100000000, 0, -1);
    json_t *coop = json_object_get(root, "cooperation");
    pr->cooperation = json_is_boolean(coop) ? json_is_true(coop) : -1;
    if (coop && !json_is_boolean(coop))
        sbad(&c, KEYS("cooperation"), "key 'cooperation': expected true or false, got %s", type_name(coop));

    const char *start = get_string(&c, root, "start", 1, 0);
    if (start && !valid_date(start))
        sbad(&c, KEYS("start"), "key 'start': expected a date YYYY-MM-DD, got '%s'", start);
    else if (start)
        memcpy(pr->start, start, 11);
    pr->weeks = (int)get_long(&c, root, NULL, NULL, "weeks", 1, 10000, 1, 0);

    if (get_counts(&c, root, "by_group", 1, 0, &pr->by_group) ||
        get_counts(&c, root, "by_gender", 1, 0, &pr->by_gender) ||
        get_counts(&c, root, "by_home", 1, 0, &pr->by_home) ||
        get_counts(&c, root, "by_track", 0, 1, &pr->by_track)) {
        diag_add(diags, path, 0, 0, "out of memory");
        return 1;
    }

    json_t *names = json_object_get(root, "names");
    if (json_is_object(names)) {
        json_t *m = json_object_get(names, "municipalities");
        json_t *t = json_object_get(names, "tracks");
        pr->municipality_names = json_is_object(m) ? m : NULL;
        pr->track_names = json_is_object(t) ? t : NULL;
    }
    if (c.bad || pr->weeks < 1 || !pr->start[0])
        return 2;

    pr->week_dates = calloc((size_t)pr->weeks + 1, sizeof *pr->week_dates);
    if (!pr->week_dates) {
        diag_add(diags, path, 0, 0, "out of memory");
        return 1;
    }
    json_t *wd = json_object_get(root, "week_dates");
    if (wd && (!json_is_array(wd) || json_array_size(wd) != (size_t)pr->weeks)) {
        sbad(&c, KEYS("week_dates"), "key 'week_dates': expected an array of %d dates (one per week)", pr->weeks);
        return 2;
    }
    for (int w = 1; w <= pr->weeks; w++) {
        if (wd) {
            const char *d = json_string_value(json_array_get(wd, (size_t)w - 1));
            if (!valid_date(d)) {
                sbad(&c, KEYS("week_dates"), "key 'week_dates'[%d]: expected a date YYYY-MM-DD", w - 1);
                return 2;
            }
            memcpy(pr->week_dates[w], d, 11);
        } else if (date_add_days(pr->start, 7L * (w - 1), pr->week_dates[w]) != 0) {
            sbad(&c, KEYS("start"), "key 'start': cannot count %d weeks from '%s'", w, pr->start);
            return 2;
        }
    }
    return 0;
}

/* ---- CSV tables -------------------------------------------------------- */

typedef struct Reader {
    PlanRead *pr;
    CsvTable t;
    const char *label;  /* path, for messages */
    DiagList *diags;
    int bad;            /* a cell was reported */
    int oom;
} Reader;

/* Column indexes of the required names, in order; reports every missing
 * one. Returns 0 or −1. */
static int columns(Reader *r, const char *const *names, int *cols)
{
    int ok = 1;
    for (int k = 0; names[k]; k++) {
        cols[k] = csv_table_column(&r->t, names[k]);
        if (cols[k] < 0) {
            char header[512] = "";
            for (int j = 0; names[j]; j++) {
                strncat(header, j ? "," : "", sizeof header - strlen(header) - 1);
                strncat(header, names[j], sizeof header - strlen(header) - 1);
            }
            /* column: just after the header's last one, as the scenario's tables say it */
            diag_add(r->diags, r->label, r->t.header_line, (long)r->t.ncols + 1,
                     "missing column '%s': expected a header with %s", names[k], header);
            ok = 0;
        }
    }
    return ok ? 0 : -1;
}

static void cell_bad(Reader *r, int col, const char *expected)
{
    diag_add(r->diags, r->label, csv_table_cell_line(&r->t, col), col + 1,
             "expected %s, got '%s'", expected, csv_table_cell(&r->t, col));
    r->bad = 1;
}

/* Integer cell in [min, max]; an empty cell gives empty_value when
 * allow_empty. */
static long int_cell(Reader *r, int col, long min, long max, int allow_empty, long empty_value,
                     const char *expected)
{
    const char *s = csv_table_cell(&r->t, col);
    if (!*s && allow_empty)
        return empty_value;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < min || v > max) {
        cell_bad(r, col, expected);
        return empty_value;
    }
    return v;
}

static long week_cell(Reader *r, int col, int allow_empty)
{
    char expected[64];
    snprintf(expected, sizeof expected, "a week 1..%d%s", r->pr->weeks,
             allow_empty ? " or nothing" : "");
    return int_cell(r, col, 1, r->pr->weeks, allow_empty, 0, expected);
}

static double num_cell(Reader *r, int col, const char *expected)
{
    const char *s = csv_table_cell(&r->t, col);
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (!*s || *end || errno == ERANGE || !isfinite(v)) {
        cell_bad(r, col, expected);
        return 0;
    }
    return v;
}

static const char *str_cell(Reader *r, int col)
{
    const char *s = keep(r->pr, csv_table_cell(&r->t, col));
    if (!s)
        r->oom = 1;
    return s ? s : "";
}

static const char *nonempty_cell(Reader *r, int col, const char *expected)
{
    if (!*csv_table_cell(&r->t, col))
        cell_bad(r, col, expected);
    return str_cell(r, col);
}

/* One data row: fills the table's next entry. */
typedef void (*RowFn)(Reader *r, const int *cols);

static const char *const assignment_cols[] = {"participant", "status", "track", "rank", "host",
    "start_week", "end_week", "travel", "slots", "cost", "reason", NULL};
static const char *const schedule_cols[] = {"track", "host", "start_week", "seq", "module", "kind",
    "from_week", "to_week", "groups", "participants", NULL};
static const char *const placement_cols[] = {"slot", "participant", "track", "from_week",
    "to_week", NULL};
static const char *const settlement_cols[] = {"kind", "payer", "payee", "participant_weeks",
    "amount", NULL};

static void assignment_row(Reader *r, const int *c)
{
    PlanRead *pr = r->pr;
    void *grown = grow(pr->assignments, pr->nassignments, &pr->caps[0], sizeof *pr->assignments);
    if (!grown) {
        r->oom = 1;
        return;
    }
    pr->assignments = grown;
    PlanAssignmentRow *a = &pr->assignments[pr->nassignments++];
    memset(a, 0, sizeof *a);
    a->line = r->t.row.line;
    a->participant = nonempty_cell(r, c[0], "a participant id");
    const char *st = csv_table_cell(&r->t, c[1]);
    if (strcmp(st, "assigned") == 0)
        a->assigned = 1;
    else if (strcmp(st, "unassigned") != 0)
        cell_bad(r, c[1], "'assigned' or 'unassigned'");
    a->track = a->assigned ? nonempty_cell(r, c[2], "a track id") : str_cell(r, c[2]);
    a->rank = (int)int_cell(r, c[3], 1, 1000000, !a->assigned, 0, "a rank ≥ 1");
    a->host = str_cell(r, c[4]);
    a->start_week = (int)week_cell(r, c[5], !a->assigned);
    a->end_week = (int)week_cell(r, c[6], !a->assigned);
    a->travel = str_cell(r, c[7]);
    if (*a->travel && strcmp(a->travel, "commute") && strcmp(a->travel, "relocate"))
        cell_bad(r, c[7], "'commute', 'relocate' or nothing");
    a->slots = str_cell(r, c[8]);
    a->cost = num_cell(r, c[9], "a cost in SEK");
    a->reason = str_cell(r, c[10]);
}

static void schedule_row(Reader *r, const int *c)
{
    PlanRead *pr = r->pr;
    void *grown = grow(pr->schedule, pr->nschedule, &pr->caps[1], sizeof *pr->schedule);
    if (!grown) {
        r->oom = 1;
        return;
    }
    pr->schedule = grown;
    PlanScheduleRow *s = &pr->schedule[pr->nschedule++];
    memset(s, 0, sizeof *s);
    s->line = r->t.row.line;
    s->track = nonempty_cell(r, c[0], "a track id");
    s->host = str_cell(r, c[1]);
    s->start_week = (int)week_cell(r, c[2], 0);
    s->seq = (int)int_cell(r, c[3], 1, 1000000, 0, 0, "a module number ≥ 1");
    s->module = str_cell(r, c[4]);
    const char *kind = csv_table_cell(&r->t, c[5]);
    if (strcmp(kind, "course") == 0)
        s->course = 1;
    else if (strcmp(kind, "placement") != 0)
        cell_bad(r, c[5], "'course' or 'placement'");
    s->from_week = (int)week_cell(r, c[6], 0);
    s->to_week = (int)week_cell(r, c[7], 0);
    if (s->from_week && s->to_week && s->to_week < s->from_week) {
        char expected[64];
        snprintf(expected, sizeof expected, "a week ≥ from_week %d", s->from_week);
        cell_bad(r, c[7], expected);
    }
    s->groups = (int)int_cell(r, c[8], 0, 1000000, 0, 0, "a number of groups ≥ 0");
    s->participants = (int)int_cell(r, c[9], 0, 100000000, 0, 0, "a number of participants ≥ 0");
}

static void placement_row(Reader *r, const int *c)
{
    PlanRead *pr = r->pr;
    void *grown = grow(pr->placements, pr->nplacements, &pr->caps[2], sizeof *pr->placements);
    if (!grown) {
        r->oom = 1;
        return;
    }
    pr->placements = grown;
    PlanPlacementRow *p = &pr->placements[pr->nplacements++];
    memset(p, 0, sizeof *p);
    p->line = r->t.row.line;
    p->slot = nonempty_cell(r, c[0], "a slot id");
    p->participant = nonempty_cell(r, c[1], "a participant id");
    p->track = str_cell(r, c[2]);
    p->from_week = (int)week_cell(r, c[3], 0);
    p->to_week = (int)week_cell(r, c[4], 0);
    if (p->from_week && p->to_week && p->to_week < p->from_week) {
        char expected[64];
        snprintf(expected, sizeof expected, "a week ≥ from_week %d", p->from_week);
        cell_bad(r, c[4], expected);
    }
}

static void settlement_row(Reader *r, const int *c)
{
    PlanRead *pr = r->pr;
    void *grown = grow(pr->settlement, pr->nsettlement, &pr->caps[3], sizeof *pr->settlement);
    if (!grown) {
        r->oom = 1;
        return;
    }
    pr->settlement = grown;
    PlanSettlementRow *s = &pr->settlement[pr->nsettlement++];
    memset(s, 0, sizeof *s);
    s->line = r->t.row.line;
    const char *kind = csv_table_cell(&r->t, c[0]);
    if (strcmp(kind, "net") == 0)
        s->net = 1;
    else if (strcmp(kind, "gross") != 0)
        cell_bad(r, c[0], "'gross' or 'net'");
    s->payer = nonempty_cell(r, c[1], "a municipality code");
    s->payee = nonempty_cell(r, c[2], "a municipality code");
    s->participant_weeks = int_cell(r, c[3], 0, 1000000000L, 1, -1, "a number of weeks ≥ 0");
    s->amount = num_cell(r, c[4], "an amount in SEK");
}

/* ---- the files against each other --------------------------------------- */

static int cmp_row_by_participant(const void *a, const void *b)
{
    return strcmp((*(const PlanAssignmentRow *const *)a)->participant,
                  (*(const PlanAssignmentRow *const *)b)->participant);
}

/* 1 when slot is one of the ';'-separated ids in list. */
static int slot_listed(const char *list, const char *slot)
{
    size_t n = strlen(slot);
    for (const char *p = list; p && *p;) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, slot, n) == 0)
            return 1;
        p = end ? end + 1 : NULL;
    }
    return 0;
}

/* The report takes its counts from summary.json and its lists from the
 * tables; a plan edited by hand in one file and not the others gave a
 * page that contradicted itself, with exit 0 (independent audit,
 * twenty-second session). So the files must agree: summary.json's
 * assigned and unassigned counts with assignments.csv's rows, and every
 * placements.csv row with an assigned participant that lists that slot,
 * as many placements as slots listed. Returns 0, 2 (diagnostics) or 1. */
static int check_agreement(const PlanRead *pr, const char *dir, DiagList *diags)
{
    long assigned = 0, listed = 0;
    for (int i = 0; i < pr->nassignments; i++) {
        const PlanAssignmentRow *a = &pr->assignments[i];
        assigned += a->assigned;
        if (!a->assigned || !a->slots || !*a->slots)
            continue;
        listed++;
        for (const char *q = strchr(a->slots, ';'); q; q = strchr(q + 1, ';'))
            listed++;
    }
    long unassigned = pr->nassignments - assigned;
    char *path = join_path(dir, "assignments.csv");
    if (!path) {
        diag_add(diags, dir, 0, 0, "out of memory");
        return 1;
    }
    int rc = 0;
    if (assigned != pr->assigned || unassigned != pr->unassigned) {
        diag_add(diags, path, 0, 0, "%ld assigned and %ld unassigned rows, but summary.json says %ld and %ld: "
                 "the plan's files disagree (edited by hand?); write the plan anew with samplan solve",
                 assigned, unassigned, pr->assigned, pr->unassigned);
        rc = 2;
    }
    free(path);
    const PlanAssignmentRow **by_id = malloc((size_t)(pr->nassignments ? pr->nassignments : 1) * sizeof *by_id);
    path = join_path(dir, "placements.csv");
    if (!by_id || !path) {
        free(by_id);
        free(path);
        diag_add(diags, dir, 0, 0, "out of memory");
        return 1;
    }
    for (int i = 0; i < pr->nassignments; i++)
        by_id[i] = &pr->assignments[i];
    qsort(by_id, (size_t)pr->nassignments, sizeof *by_id, cmp_row_by_participant);
    int shown = 0;
    for (int i = 0; i < pr->nplacements; i++) {
        const PlanPlacementRow *pl = &pr->placements[i];
        if (!pl->participant || !pl->slot)
            continue;
        PlanAssignmentRow key = {0};
        key.participant = pl->participant;
        const PlanAssignmentRow *kp = &key;
        const PlanAssignmentRow **hit = bsearch(&kp, by_id, (size_t)pr->nassignments, sizeof *by_id,
                                                cmp_row_by_participant);
        if (!hit || !(*hit)->assigned || !slot_listed((*hit)->slots, pl->slot)) {
            if (shown++ < 10)
                diag_add(diags, path, pl->line, 2, "participant '%s' at slot '%s': assignments.csv %s; "
                         "the plan's files disagree (edited by hand?)", pl->participant, pl->slot,
                         !hit ? "has no such participant"
                              : !(*hit)->assigned ? "has them unassigned" : "does not list that slot for them");
            rc = 2;
        }
    }
    if (!shown && pr->nplacements != listed) {
        diag_add(diags, path, 0, 0, "%d placements, but assignments.csv lists %ld slots: the plan's files "
                 "disagree (edited by hand?)", pr->nplacements, listed);
        rc = 2;
    }
    free(by_id);
    free(path);
    return rc;
}

/* Reads DIR/name row by row. Returns 0, 2 or 1. */
static int read_table(PlanRead *pr, const char *dir, const char *name,
                      const char *const *names, RowFn fn, DiagList *diags)
{
    char *path = join_path(dir, name);
    if (!path) {
        diag_add(diags, name, 0, 0, "out of memory");
        return 1;
    }
    Reader r = {pr, {0}, path, diags, 0, 0};
    int cols[16];
    int rc = csv_table_open(&r.t, path, path, diags);
    if (rc == 0 && columns(&r, names, cols) != 0)
        rc = 2;
    while (rc == 0) {
        int next = csv_table_next(&r.t, diags);
        if (next == CSV_END)
            break;
        if (next != CSV_ROW) {
            rc = next;
            break;
        }
        if (r.t.row.bad || r.t.row.seen > r.t.ncols)
            r.bad = 1; /* already reported by csv_table */
        fn(&r, cols);
        if (r.oom) {
            diag_add(diags, path, 0, 0, "out of memory");
            rc = 1;
        }
    }
    if (rc == 0 && r.bad)
        rc = 2;
    csv_table_close(&r.t);
    free(path);
    return rc;
}

/* ---- municipality names from report.md --------------------------------- */

/* Splits a Markdown table row "| a | b\\|c | …" into at most max trimmed
 * cells ("\\|" unescaped), in place. Returns the number of cells. */
static int md_cells(char *line, char **cells, int max)
{
    int n = 0;
    char *p = line;
    if (*p != '|')
        return 0;
    p++;
    while (*p && n < max) {
        while (*p == ' ')
            p++;
        char *start = p, *o = p;
        while (*p && *p != '|') {
            if (*p == '\\' && p[1] == '|')
                p++;
            *o++ = *p++;
        }
        if (!*p)
            break; /* text after the last '|' is not a cell */
        p++;
        while (o > start && (o[-1] == ' ' || o[-1] == '\r' || o[-1] == '\n'))
            o--;
        *o = '\0';
        cells[n++] = start;
    }
    return n;
}

/* report.md (written next to the plan by solve) lists every host and home
 * municipality as "| name | code | …" under "## Host centres" and "##
 * Results by home municipality"; those are all the codes a plan uses. This
 * is a best-effort fallback when summary.json has no "names": any problem
 * just leaves the codes without names. Returns −1 only on out-of-memory. */
static int names_from_report_md(PlanRead *pr, const char *dir)
{
    char *path = join_path(dir, "report.md");
    if (!path)
        return -1;
    FILE *f = fopen(path, "r");
    free(path);
    if (!f)
        return 0;
    json_t *names = json_object();
    if (!names) {
        fclose(f);
        return -1;
    }
    char line[2048];
    int in_table = 0, rc = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "## ", 3) == 0) {
            in_table = strncmp(line, "## Host centres", 15) == 0 ||
                       strncmp(line, "## Results by home municipality", 31) == 0;
            continue;
        }
        char *cells[3];
        if (!in_table || md_cells(line, cells, 3) < 2)
            continue;
        if (strcmp(cells[1], "code") == 0 || strncmp(cells[1], "---", 3) == 0 ||
            !*cells[0] || !*cells[1])
            continue;
        if (!json_object_get(names, cells[1])) {
            json_t *v = json_string(cells[0]);
            if (!v || json_object_set_new(names, cells[1], v) != 0) {
                rc = -1;
                break;
            }
        }
    }
    fclose(f);
    if (rc == 0 && json_object_size(names) > 0) {
        pr->names_owned = names;
        pr->municipality_names = names;
    } else {
        json_decref(names);
    }
    return rc;
}

/* ---- the directory ----------------------------------------------------- */

int plan_read(const char *dir, PlanRead **out, DiagList *diags)
{
    *out = NULL;
    struct stat st;
    if (stat(dir, &st) != 0) {
        int e = errno;
        if (e == ENOENT || e == ENOTDIR) {
            diag_add(diags, dir, 0, 0, "no such directory: expected a plan directory "
                     "written by samplan solve");
            return 2;
        }
        diag_add(diags, dir, 0, 0, "cannot read: %s", strerror(e));
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        diag_add(diags, dir, 0, 0, "not a directory: expected a plan directory "
                 "written by samplan solve");
        return 2;
    }
    char *summary = join_path(dir, "summary.json");
    if (!summary) {
        diag_add(diags, dir, 0, 0, "out of memory");
        return 1;
    }
    if (stat(summary, &st) != 0 && errno == ENOENT) {
        diag_add(diags, dir, 0, 0, "not a plan directory: summary.json is missing "
                 "(write one with samplan solve SCENARIO -o %s)", dir);
        free(summary);
        return 2;
    }
    PlanRead *pr = calloc(1, sizeof *pr);
    if (!pr) {
        free(summary);
        diag_add(diags, dir, 0, 0, "out of memory");
        return 1;
    }
    int rc = read_summary(pr, summary, diags);
    free(summary);
    if (rc == 0)
        rc = read_table(pr, dir, "assignments.csv", assignment_cols, assignment_row, diags);
    if (rc == 0)
        rc = read_table(pr, dir, "schedule.csv", schedule_cols, schedule_row, diags);
    if (rc == 0)
        rc = read_table(pr, dir, "placements.csv", placement_cols, placement_row, diags);
    if (rc == 0)
        rc = read_table(pr, dir, "settlement.csv", settlement_cols, settlement_row, diags);
    if (rc == 0)
        rc = check_agreement(pr, dir, diags);
    if (rc == 0)
        rc = plan_agree_check(pr, dir, diags);
    if (rc == 0 && !pr->municipality_names && names_from_report_md(pr, dir) != 0) {
        diag_add(diags, dir, 0, 0, "out of memory");
        rc = 1;
    }
    if (rc != 0) {
        plan_read_free(pr);
        return rc;
    }
    *out = pr;
    return 0;
}

static const char *name_in(const json_t *obj, const char *key)
{
    const char *s = obj ? json_string_value(json_object_get(obj, key)) : NULL;
    return s && *s ? s : NULL;
}

const char *plan_read_municipality_name(const PlanRead *pr, const char *code)
{
    return name_in(pr->municipality_names, code);
}

const char *plan_read_track_name(const PlanRead *pr, const char *id)
{
    return name_in(pr->track_names, id);
}

void plan_read_free(PlanRead *pr)
{
    if (!pr)
        return;
    json_decref(pr->summary);
    json_decref(pr->names_owned);
    free(pr->week_dates);
    free(pr->by_group.items);
    free(pr->by_gender.items);
    free(pr->by_home.items);
    free(pr->by_track.items);
    free(pr->assignments);
    free(pr->schedule);
    free(pr->placements);
    free(pr->settlement);
    for (size_t i = 0; i < pr->nstrings; i++)
        free(pr->strings[i]);
    free(pr->strings);
    free(pr);
}
