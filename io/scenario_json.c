/*
 * scenario_json.c — reading scenario.json (see scenario_json.h).
 *
 * The document is read once with JSON_REJECT_DUPLICATES; `variants` is taken
 * out of it, the chosen variant is merged into the rest (RFC 7396, so a null
 * removes a key and its default applies), and only then are the keys read
 * and checked, so a variant is checked exactly like a base file.
 */
#include "scenario_json.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file_kind.h"
#include "json_merge.h"
#include "json_where.h"
#include "near_names.h"
#include "../model/calendar.h"

/* ---- helpers ------------------------------------------------------------ */

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* A short printable form of a JSON value for messages: strings as they are,
 * anything else as compact JSON, cut at 60 characters. */
static void show(const json_t *v, char *buf, size_t size)
{
    if (json_is_string(v)) {
        snprintf(buf, size, "%s", json_string_value(v));
    } else if (json_is_real(v)) {
        /* the shortest form that reads back as the same number, near what
         * was written: 1e307, not jansson's 9.9999999999999999e306 (audit) */
        double x = json_real_value(v);
        if (x == floor(x) && fabs(x) < 1e15) {
            snprintf(buf, size, "%.1f", x); /* "10.0": a real, where an integer may be expected */
        } else {
            for (int digits = 1; digits <= 17; digits++) {
                snprintf(buf, size, "%.*g", digits, x);
                if (strtod(buf, NULL) == x)
                    break;
            }
        }
    } else {
        char *text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
        snprintf(buf, size, "%s", text ? text : "?");
        free(text);
    }
    if (strlen(buf) > 60)
        strcpy(buf + 57, "...");
}

typedef struct Ctx {
    DiagList *diags;
    int oom;
    const JsonWhere *where; /* positions of the file's values; NULL: none known */
    const char *variant;    /* the variant being read, or NULL */
} Ctx;

/* A key path, for the helpers below: KEYS("travel", "speed_kmh"). */
#define KEYS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define MAX_KEYS 8

/* The keys joined by '.', as messages name a key. */
static void path_text(const char *const *keys, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; keys[i] && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? "." : "", keys[i]);
}

/* Where the value the keys lead to (in the document as read, the variant
 * merged in) lies in the file: in the variant's patch when it sets it,
 * else in the base; for a missing key, the nearest enclosing object that
 * is there (at worst the top-level one). 0, 0 when nothing is known. */
static void locate(const Ctx *c, const char *const *keys, long *line, long *column)
{
    *line = *column = 0;
    if (!c->where)
        return;
    int depth = json_where_nearest(c->where, keys, line, column);
    if (!c->variant)
        return;
    /* the patch wins where it reaches at least as deep as the base */
    const char *path[MAX_KEYS + 3] = {"variants", c->variant};
    int n = 0;
    while (keys[n] && n < MAX_KEYS) {
        path[n + 2] = keys[n];
        n++;
    }
    path[n + 2] = NULL;
    long pl, pc;
    int in_patch = json_where_nearest(c->where, path, &pl, &pc) - 2;
    if (in_patch >= 0 && in_patch >= depth) {
        *line = pl;
        *column = pc;
    }
}

/* Reports a value that is not what the keys' place expects. */
/* Reports a problem at the place the keys lead to (locate). */
static void complain(Ctx *c, const char *const *keys, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void complain(Ctx *c, const char *const *keys, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long line, column;
    locate(c, keys, &line, &column);
    diag_add(c->diags, SCENARIO_JSON, line, column, "%s", msg);
}

static void bad(Ctx *c, const char *const *keys, const char *expected, const json_t *v)
{
    char text[128], path[512];
    show(v, text, sizeof text);
    path_text(keys, path, sizeof path);
    complain(c, keys, "%s: expected %s, got '%s'", path, expected, text);
}

/* bad() where a number, a boolean or an object belongs: a string there
 * is called one ("weeks": "52" read "got '52'", as if 52 were refused:
 * tester, twenty-sixth session). */
static void bad_type(Ctx *c, const char *const *keys, const char *expected, const json_t *v)
{
    if (!json_is_string(v)) {
        bad(c, keys, expected, v);
        return;
    }
    char text[128], path[512];
    show(v, text, sizeof text);
    path_text(keys, path, sizeof path);
    const char *str = json_string_value(v);
    char *end = NULL;
    double ignored = strtod(str, &end);
    (void)ignored;
    int unquote = (*str && end && !*end) || !strcmp(str, "true") || !strcmp(str, "false");
    complain(c, keys, "%s: expected %s, got the string \"%s\"%s", path, expected, text,
             unquote ? " (write it without quotes)" : "");
}

enum Bound { NONNEG, POSITIVE, UNIT, BUDGET, WEEKDAYS };

/* Reads the member of obj named by the last of keys (the whole path from
 * the top, for messages) as a number into *out when present and not null. */
static void get_number(Ctx *c, const json_t *obj, const char *const *keys, enum Bound bound, double *out)
{
    int n = 0;
    while (keys[n + 1])
        n++;
    json_t *v = json_object_get(obj, keys[n]);
    if (!v || json_is_null(v))
        return;
    /* what is expected, as said below the bound and above the upper
     * limit (samplan's limits: model/scenario.h), and that limit */
    static const struct {
        const char *low, *high;
        double most;
    } range[] = {
        [NONNEG] = {"a number >= 0", "a number 0.." SCENARIO_REAL_MAX_TEXT, SCENARIO_REAL_MAX},
        [POSITIVE] = {"a number > 0", "a number > 0 and at most " SCENARIO_REAL_MAX_TEXT, SCENARIO_REAL_MAX},
        [UNIT] = {"a number in 0..1", "a number in 0..1", 1.0},
        [BUDGET] = {"a number >= 0", "a number 0.." SCENARIO_BUDGET_MAX_TEXT, SCENARIO_BUDGET_MAX},
        [WEEKDAYS] = {"a number in 0..7", "a number in 0..7", 7.0},
    };
    if (!json_is_number(v)) {
        bad_type(c, keys, range[bound].low, v);
        return;
    }
    double x = json_number_value(v);
    int low_ok = isfinite(x) && (bound == POSITIVE ? x > 0 : x >= 0);
    if (!low_ok || x > range[bound].most) {
        bad_type(c, keys, low_ok ? range[bound].high : range[bound].low, v);
        return;
    }
    *out = x;
}

/* An object member that must be an object when present; NULL when absent. */
static json_t *get_object(Ctx *c, const json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_object(v)) {
        bad(c, KEYS(key), "an object", v);
        return NULL;
    }
    return v;
}

/* 1 when a `files` entry is a relative path that stays inside the directory. */
static int safe_relative(const char *p)
{
    if (!p[0] || p[0] == '/' || p[0] == '\\')
        return 0;
    const char *seg = p;
    for (;;) {
        size_t n = strcspn(seg, "/\\");
        if (n == 2 && seg[0] == '.' && seg[1] == '.')
            return 0;
        if (!seg[n])
            return 1;
        seg += n + 1;
    }
}

/* The directory's name, the default scenario name: the last segment of
 * dir once trailing "/" and "/." are dropped ("h1/." is h1); "." and
 * ".." are resolved to the real directory's name, the root gives
 * "scenario". */
size_t path_trimmed_length(const char *path)
{
    size_t n = strlen(path);
    for (;;) {
        while (n > 1 && path[n - 1] == '/')
            n--;
        if (n >= 2 && path[n - 1] == '.' && path[n - 2] == '/')
            n = n > 2 ? n - 2 : 1; /* "/." is the root */
        else
            return n;
    }
}

char *scenario_dir_name(const char *dir)
{
    size_t n = path_trimmed_length(dir);
    size_t b = n;
    while (b > 0 && dir[b - 1] != '/')
        b--;
    int dots = (n - b == 1 && dir[b] == '.') || (n - b == 2 && dir[b] == '.' && dir[b + 1] == '.');
    if (n - b == 0 || dots) {
        char *real = dots ? realpath(dir, NULL) : NULL;
        char *name = real && strcmp(real, "/") != 0 ? scenario_dir_name(real) : dup_str("scenario");
        free(real);
        return name;
    }
    char *out = malloc(n - b + 1);
    if (out) {
        memcpy(out, dir + b, n - b);
        out[n - b] = '\0';
    }
    return out;
}

static char *join_path(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, name, b + 1);
    return p;
}

/* A scenario.json is a few hundred bytes; this much is surely not one
 * (and /dev/zero would otherwise be read until memory runs out). */
#define SCENARIO_JSON_MAX (16L << 20)

/* The whole of a file, NUL-terminated; NULL with errno set on failure
 * (EFBIG: over SCENARIO_JSON_MAX). */
static char *read_file(const char *path, size_t *len, const char **kind)
{
    FILE *fp = file_kind_open(path, kind);
    if (!fp)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int err = buf ? 0 : ENOMEM;
    while (!err) {
        errno = 0;
        n += fread(buf + n, 1, cap - n - 1, fp);
        if (ferror(fp))
            err = errno ? errno : EIO; /* e.g. EISDIR */
        else if (n < cap - 1)
            break;
        else if (cap >= SCENARIO_JSON_MAX)
            err = EFBIG;
        else {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                err = ENOMEM;
            else
                buf = bigger;
        }
    }
    fclose(fp);
    if (err) {
        free(buf);
        errno = err;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Loads and syntax-checks scenario.json, and, when where is not NULL,
 * records where its values lie. A UTF-8 byte order mark is skipped, as in
 * the CSV files. Returns the root object or NULL with *rc set (2 bad
 * input, 1 out of memory). */
static json_t *load_root(const char *dir, DiagList *diags, JsonWhere *where, int *rc)
{
    char *path = join_path(dir, SCENARIO_JSON);
    if (!path) {
        diag_add(diags, SCENARIO_JSON, 0, 0, "out of memory");
        *rc = 1;
        return NULL;
    }
    size_t len = 0;
    const char *kind = NULL;
    char *text = read_file(path, &len, &kind);
    free(path);
    if (!text) {
        int err = errno;
        if (kind)
            diag_add(diags, SCENARIO_JSON, 0, 0, "is %s: expected a JSON file", kind);
        else if (err == ENOENT && access(dir, F_OK) != 0)
            diag_add(diags, SCENARIO_JSON, 0, 0, "not found: there is no scenario directory '%s'", dir);
        else if (err == ENOTDIR)
            diag_add(diags, SCENARIO_JSON, 0, 0, "not found: '%s' is not a directory: expected a scenario directory",
                     dir);
        else if (err == ENOENT)
            diag_add(diags, SCENARIO_JSON, 0, 0, "file not found in '%s': a scenario directory needs one", dir);
        else if (err == ENOMEM)
            diag_add(diags, SCENARIO_JSON, 0, 0, "out of memory");
        else if (err == EFBIG)
            diag_add(diags, SCENARIO_JSON, 0, 0, "file is over %ld MB: expected a scenario's settings",
                     SCENARIO_JSON_MAX >> 20);
        else
            diag_add(diags, SCENARIO_JSON, 0, 0, "cannot read the file: %s", strerror(err));
        *rc = err == ENOMEM ? 1 : 2;
        return NULL;
    }
    size_t skip = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    json_error_t err;
    json_t *root = json_loadb(text + skip, len - skip, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        /* jansson's position as it is (SPEC §4), column 0 too: it gives
         * that at the start of a line (an empty or cut-off file) */
        diag_add(diags, SCENARIO_JSON, err.line > 0 ? err.line : 0,
                 err.line > 0 ? (err.column > 0 ? err.column : DIAG_COLUMN_ZERO) : 0, "%s%s",
                 json_error_text(err.text), json_error_expected(err.text));
        free(text);
        *rc = 2;
        return NULL;
    }
    if (where && json_where_scan(where, text, len)) {
        diag_add(diags, SCENARIO_JSON, 0, 0, "out of memory");
        free(text);
        json_decref(root);
        *rc = 1;
        return NULL;
    }
    free(text);
    if (!json_is_object(root)) {
        diag_add(diags, SCENARIO_JSON, 1, 1, "expected an object {...} at the top level");
        json_decref(root);
        *rc = 2;
        return NULL;
    }
    json_t *variants = json_object_get(root, "variants");
    if (variants && !json_is_null(variants) && !json_is_object(variants)) {
        Ctx c = {diags, 0, where, NULL};
        bad(&c, KEYS("variants"), "an object of named variants", variants);
        json_decref(root);
        *rc = 2;
        return NULL;
    }
    *rc = 0;
    return root;
}

static int collect_names(const json_t *root, char ***names, int *count)
{
    *names = NULL;
    *count = 0;
    json_t *variants = json_object_get(root, "variants");
    size_t n = json_is_object(variants) ? json_object_size(variants) : 0;
    char **list = calloc(n ? n : 1, sizeof *list);
    if (!list)
        return 1;
    int k = 0;
    const char *key;
    json_t *value;
    if (n) {
        json_object_foreach(variants, key, value) {
            list[k] = dup_str(key);
            if (!list[k]) {
                for (int i = 0; i < k; i++)
                    free(list[i]);
                free(list);
                return 1;
            }
            k++;
        }
    }
    *names = list;
    *count = k;
    return 0;
}

int scenario_json_variants(const char *dir, char ***names, int *count, DiagList *diags)
{
    int rc;
    *names = NULL;
    *count = 0;
    JsonWhere where = JSON_WHERE_INIT; /* for the position of a bad 'variants' */
    json_t *root = load_root(dir, diags, &where, &rc);
    json_where_free(&where);
    if (!root)
        return rc;
    rc = collect_names(root, names, count);
    if (rc)
        diag_add(diags, SCENARIO_JSON, 0, 0, "out of memory");
    json_decref(root);
    return rc;
}

static void set_defaults(Scenario *s)
{
    s->weeks = 52;
    s->cooperation = 1;
    s->travel = (TravelParams){.max_daily_minutes = 60, .road_factor = 1.3, .speed_kmh = 70,
                               .cost_per_km = 2.5, .days_per_week = 5,
                               .accommodation_per_week = 1500, .max_relocation_km = 400};
    for (int g = 0; g < GROUP_COUNT; g++)
        s->objective.group_weight[g] = 1;
    s->objective.preference_step = 0.1;
    s->objective.has_max_cost = 0;
    s->objective.max_cost = 0;
    s->solver.time_limit_s = 60;
    s->solver.mip_gap = 0;
}

static void read_doc(Ctx *c, Scenario *s, const json_t *doc)
{
    json_t *v = json_object_get(doc, "name");
    if (v && !json_is_null(v)) {
        if (!json_is_string(v) || !json_string_value(v)[0]) {
            bad(c, KEYS("name"), "a non-empty string", v);
        } else {
            char *name = dup_str(json_string_value(v));
            if (!name) {
                c->oom = 1;
                return;
            }
            free(s->name);
            s->name = name;
        }
    }

    v = json_object_get(doc, "start");
    if (!v || json_is_null(v)) {
        complain(c, KEYS("start"), "missing 'start': expected the Monday of week 1 as YYYY-MM-DD");
    } else if (!json_is_string(v) ||
               calendar_parse(json_string_value(v), &s->start_year, &s->start_month,
                              &s->start_day) != 0) {
        bad(c, KEYS("start"), "a date YYYY-MM-DD", v);
    } else {
        static const char *const days[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
        int wd = calendar_weekday(calendar_days(s->start_year, s->start_month, s->start_day));
        if (wd != 1)
            complain(c, KEYS("start"), "start '%s' is a %s: expected a Monday", json_string_value(v),
                     days[wd]);
        else
            snprintf(s->start, sizeof s->start, "%s", json_string_value(v));
    }

    v = json_object_get(doc, "weeks");
    int weeks_ok = 1; /* the horizon check below needs a valid weeks */
    if (v && !json_is_null(v)) {
        /* 10.0 and 1e1 are the number 10 in JSON, as some tools write it */
        double n = json_is_number(v) ? json_number_value(v) : 0.0;
        if (!json_is_number(v) || n != floor(n) || n < 1 || n > SCENARIO_MAX_WEEKS) {
            char range[64];
            snprintf(range, sizeof range, "an integer 1..%d", SCENARIO_MAX_WEEKS);
            bad_type(c, KEYS("weeks"), range, v);
            weeks_ok = 0;
        } else {
            s->weeks = (int)n;
        }
    }
    /* every week's date must be writable as YYYY-MM-DD: the plan's
     * week_dates, its reports and `samplan report` reading them back */
    if (s->start[0] && weeks_ok) {
        long last = calendar_days(s->start_year, s->start_month, s->start_day) + 7L * s->weeks - 1;
        if (last > calendar_days(9999, 12, 31)) {
            int given = v && !json_is_null(v);
            complain(c, given ? KEYS("weeks") : KEYS("start"),
                     "%d weeks from %s end after 9999-12-31: expected a horizon that ends by then", s->weeks,
                     s->start);
        }
    }

    v = json_object_get(doc, "cooperation");
    if (v && !json_is_null(v)) {
        if (!json_is_boolean(v))
            bad_type(c, KEYS("cooperation"), "true or false", v);
        else
            s->cooperation = json_is_true(v);
    }

    json_t *travel = get_object(c, doc, "travel");
    if (travel) {
        TravelParams *t = &s->travel;
        get_number(c, travel, KEYS("travel", "max_daily_minutes"), NONNEG,
                   &t->max_daily_minutes);
        get_number(c, travel, KEYS("travel", "road_factor"), POSITIVE, &t->road_factor);
        get_number(c, travel, KEYS("travel", "speed_kmh"), POSITIVE, &t->speed_kmh);
        get_number(c, travel, KEYS("travel", "cost_per_km"), NONNEG, &t->cost_per_km);
        get_number(c, travel, KEYS("travel", "days_per_week"), WEEKDAYS, &t->days_per_week);
        get_number(c, travel, KEYS("travel", "accommodation_per_week"), NONNEG,
                   &t->accommodation_per_week);
        get_number(c, travel, KEYS("travel", "max_relocation_km"), NONNEG,
                   &t->max_relocation_km);
    }

    json_t *obj = get_object(c, doc, "objective");
    if (obj) {
        json_t *w = json_object_get(obj, "group_weights");
        if (w && !json_is_null(w) && !json_is_object(w)) {
            bad(c, KEYS("objective", "group_weights"), "an object", w);
        } else if (w && json_is_object(w)) {
            const char *key;
            json_t *val;
            json_object_foreach(w, key, val) {
                int g = 0;
                while (g < GROUP_COUNT && strcmp(group_names[g], key) != 0)
                    g++;
                const char *const *keys = KEYS("objective", "group_weights", key);
                if (g == GROUP_COUNT)
                    complain(c, keys,
                             "objective.group_weights.%s: unknown group: expected youth, newcomer, "
                             "longterm or other", key);
                else
                    get_number(c, w, keys, NONNEG, &s->objective.group_weight[g]);
            }
        }
        get_number(c, obj, KEYS("objective", "preference_step"), UNIT,
                   &s->objective.preference_step);
        json_t *mc = json_object_get(obj, "max_cost");
        if (mc && !json_is_null(mc)) {
            double x = -1;
            get_number(c, obj, KEYS("objective", "max_cost"), BUDGET, &x);
            if (x >= 0) {
                s->objective.has_max_cost = 1;
                s->objective.max_cost = x;
            }
        }
    }

    json_t *solver = get_object(c, doc, "solver");
    if (solver) {
        get_number(c, solver, KEYS("solver", "time_limit_s"), POSITIVE,
                   &s->solver.time_limit_s);
        get_number(c, solver, KEYS("solver", "mip_gap"), UNIT, &s->solver.mip_gap);
    }

    json_t *files = get_object(c, doc, "files");
    if (files) {
        const char *key;
        json_t *val;
        json_object_foreach(files, key, val) {
            int t = 0;
            while (t < TABLE_COUNT && strcmp(table_names[t], key) != 0)
                t++;
            const char *const *keys = KEYS("files", key);
            if (t == TABLE_COUNT) {
                complain(c, keys,
                         "files.%s: unknown table: expected municipalities, distances, centres, "
                         "tracks, modules, participants, slots or reservations", key);
                continue;
            }
            if (json_is_null(val))
                continue;
            if (!json_is_string(val) || !safe_relative(json_string_value(val))) {
                bad(c, keys, "a file name relative to the scenario directory, without '..'", val);
                continue;
            }
            const char *given = json_string_value(val);
            while (given[0] == '.' && given[1] == '/') /* "./x.csv" is x.csv */
                given += 2;
            char *name = dup_str(given);
            char *path = name ? join_path(s->dir, name) : NULL;
            if (!path) {
                free(name);
                c->oom = 1;
                return;
            }
            /* a file named here that is missing is reported here, where
             * the name was given, not by the table reader (which would
             * name the file without a line or column) */
            const char *kind = file_kind_unusable(path);
            errno = 0;
            int absent = !kind && access(path, F_OK) != 0;
            int why = absent ? errno : 0;
            /* a path that cannot name a file ("slots.csv/", a link to
             * itself, a name too long) is as wrong as a missing one */
            int unusable = absent && why != ENOENT;
            s->files_missing[t] = kind || unusable || (absent && !table_may_be_absent(t, name));
            if (kind)
                complain(c, keys, "files.%s: '%s' is %s: expected a CSV file", key, name, kind);
            else if (unusable)
                complain(c, keys, "files.%s: '%s' cannot be opened (%s): expected a CSV file in the scenario "
                         "directory", key, name, strerror(why ? why : EIO));
            else if (s->files_missing[t])
                complain(c, keys, "files.%s: file '%s' not found in the scenario directory", key, name);
            free(path);
            free(s->files[t]);
            s->files[t] = name;
        }
    }
}

/* ---- keys that look like typos ------------------------------------------ */

/* Warns (s->warnings) about each key of obj that is not one of `known`
 * but one or two edits from one of them (one for keys of five letters or
 * fewer): SPEC §1 welcomes extra keys, so it is ignored, but
 * "cooperaton" or "max_daily_minute" is almost surely a typo that leaves
 * the default in force. parent: the object's key (NULL at the top). */
static void warn_near_misses(Ctx *c, Scenario *s, const json_t *obj, const char *parent,
                             const char *const *known)
{
    if (!json_is_object(obj))
        return;
    const char *key;
    json_t *value;
    json_object_foreach((json_t *)obj, key, value) {
        int is_known = 0;
        for (int k = 0; known[k] && !is_known; k++)
            is_known = strcmp(key, known[k]) == 0;
        if (is_known)
            continue;
        for (int k = 0; known[k]; k++) {
            if (!name_near(key, known[k]))
                continue;
            long line, column;
            locate(c, parent ? KEYS(parent, key) : KEYS(key), &line, &column);
            diag_add(&s->warnings, SCENARIO_JSON, line, column,
                     "warning: unknown key '%s%s%s' is ignored: did you mean '%s%s%s'?%s%s%s",
                     parent ? parent : "", parent ? "." : "", key, parent ? parent : "", parent ? "." : "",
                     known[k], c->variant ? " (variant '" : "",
                     c->variant ? c->variant : "", c->variant ? "')" : "");
            break;
        }
    }
}

/* The keys SPEC §1 gives scenario.json, object by object. */
static void warn_typos(Ctx *c, Scenario *s, const json_t *doc)
{
    static const char *const top[] = {"name",      "start",  "weeks", "cooperation", "travel",
                                      "objective", "solver", "files", "variants",    NULL};
    static const char *const travel[] = {"max_daily_minutes", "road_factor",            "speed_kmh",
                                         "cost_per_km",       "days_per_week",          "accommodation_per_week",
                                         "max_relocation_km", NULL};
    static const char *const objective[] = {"group_weights", "preference_step", "max_cost", NULL};
    static const char *const solver[] = {"time_limit_s", "mip_gap", NULL};
    warn_near_misses(c, s, doc, NULL, top);
    warn_near_misses(c, s, json_object_get(doc, "travel"), "travel", travel);
    warn_near_misses(c, s, json_object_get(doc, "objective"), "objective", objective);
    warn_near_misses(c, s, json_object_get(doc, "solver"), "solver", solver);
    diag_sort(&s->warnings);
}

/* Warns (s->warnings) about a variant `compare --variants` cannot name:
 * "" (an empty name is refused there, and by `validate --variant`) or one
 * with a comma (the list splits there); `solve --variant` takes either.
 * Valid, since SPEC §1 does not restrict the names, but a planner would
 * find out only when comparing it. */
static void warn_unselectable_variants(Ctx *c, Scenario *s)
{
    for (int i = 0; i < s->nvariants; i++) {
        const char *name = s->variant_names[i];
        if (*name && !strchr(name, ','))
            continue;
        long line, column;
        locate(c, KEYS("variants", name), &line, &column);
        diag_add(&s->warnings, SCENARIO_JSON, line, column,
                 "warning: variant '%s' cannot be chosen with compare --variants (%s): expected a non-empty "
                 "name without commas",
                 name, *name ? "it splits names at commas" : "it refuses an empty name");
    }
}

static int read_json(Scenario *s, const char *dir, const char *variant, DiagList *diags, JsonWhere *where)
{
    Ctx c = {diags, 0, where, variant};
    size_t before = diag_total(diags);
    set_defaults(s);
    free(s->dir);
    s->dir = dup_str(dir);
    free(s->name);
    s->name = scenario_dir_name(dir);
    if (variant) {
        free(s->variant);
        s->variant = dup_str(variant);
    }
    if (!s->dir || !s->name || (variant && !s->variant))
        goto oom;
    for (int t = 0; t < TABLE_COUNT; t++) {
        if (s->files[t])
            continue;
        size_t n = strlen(table_names[t]) + 5;
        s->files[t] = malloc(n);
        if (!s->files[t])
            goto oom;
        snprintf(s->files[t], n, "%s.csv", table_names[t]);
    }

    int rc;
    json_t *root = load_root(dir, diags, where, &rc);
    if (!root)
        return rc;
    if (collect_names(root, &s->variant_names, &s->nvariants) != 0) {
        json_decref(root);
        goto oom;
    }
    json_t *variants = json_object_get(root, "variants");
    json_t *doc = NULL;
    if (variant) {
        json_t *patch = json_is_object(variants) ? json_object_get(variants, variant) : NULL;
        if (!patch) {
            char known[1024] = "";
            size_t len = 0;
            for (int i = 0; i < s->nvariants && len < sizeof known - 1; i++)
                len += (size_t)snprintf(known + len, sizeof known - len, "%s%s", i ? ", " : "",
                                        s->variant_names[i]);
            if (s->nvariants)
                diag_add(diags, SCENARIO_JSON, 0, 0, "unknown variant '%s': expected one of %s",
                         variant, known);
            else
                diag_add(diags, SCENARIO_JSON, 0, 0,
                         "unknown variant '%s': the file defines no variants", variant);
            json_decref(root);
            return 2;
        }
        if (!json_is_object(patch)) {
            bad(&c, KEYS("variants", variant), "an object (a JSON Merge Patch of the base)", patch);
            json_decref(root);
            return 2;
        }
        /* the base's and the patch's own keys: `solve --variant` with a
         * typo in the base would otherwise run on the default silently;
         * validate and compare print a warning once */
        Ctx base_ctx = c;
        base_ctx.variant = NULL;
        warn_typos(&base_ctx, s, root);
        warn_typos(&c, s, patch);
        json_t *base = json_deep_copy(root);
        if (base)
            json_object_del(base, "variants");
        doc = base ? json_merge_patch(base, patch) : NULL;
        json_decref(base);
        if (doc)
            json_object_del(doc, "variants");
    } else {
        doc = json_incref(root);
        warn_typos(&c, s, doc);
        warn_unselectable_variants(&c, s);
    }
    json_decref(root);
    if (!doc)
        goto oom;
    read_doc(&c, s, doc);
    json_decref(doc);
    if (c.oom)
        goto oom;
    return diag_total(diags) > before ? SCENARIO_JSON_PARTIAL : 0;
oom:
    diag_add(diags, SCENARIO_JSON, 0, 0, "out of memory");
    return 1;
}

int scenario_json_read(Scenario *s, const char *dir, const char *variant, DiagList *diags)
{
    JsonWhere where = JSON_WHERE_INIT;
    int rc = read_json(s, dir, variant, diags, &where);
    json_where_free(&where);
    return rc;
}
