/*
 * plan_check.c — independent checker of a plan directory against SPEC §2/§3.
 *
 *   plan_check SCENARIO_DIR PLAN_DIR [--variant NAME] [--expect-value V]
 *              [--expect-cost C] [--least-cost C] [--tol T]
 *
 * --least-cost C: C is SPEC §2's least cost (the hand-derived optimum):
 * the extra cost_bound of summary.json, a proven lower bound on it, must
 * not lie above C. Without it cost_bound is checked against the plan's
 * own cost, and against it exactly when the status is optimal.
 *
 * Loads the scenario with the shared loader (io/scenario_load.h) but reads
 * the plan files with its own small RFC 4180 reader and never uses solver/
 * or io/plan_write*: it recomputes admissibility, capacities, value, cost,
 * summary counts and settlement from the SPEC text alone. Every violation is
 * printed as one line "plan_check: <what>"; exit 1 if any, else
 * "plan_check: ok value=V cost=C" and exit 0. Exit 2 on usage errors or when
 * the scenario cannot be loaded.
 */
#include "../../io/scenario_load.h"
#include "../../model/scenario.h"
#include "../../model/travel.h"

#include <jansson.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long nviolations;
static double tol = 1e-6;

static void viol(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void viol(const char *fmt, ...)
{
    va_list ap;
    nviolations++;
    if (nviolations > 500) {
        if (nviolations == 501)
            fputs("plan_check: (further violations not shown)\n", stdout);
        return;
    }
    fputs("plan_check: ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
}

static void *xmalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p) {
        fputs("plan_check: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

static int near(double a, double b)
{
    double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    if (m < 1.0)
        m = 1.0;
    return fabs(a - b) <= tol * m;
}

/* ---------------------------------------------------------------- CSV --- */

typedef struct Row {
    char **cell;
    int n;
    long line; /* physical line where the record starts */
} Row;

typedef struct Csv {
    Row *rows; /* rows[0] is the header */
    int nrows;
    int ok;
} Csv;

static void row_push(Row *r, char *s)
{
    r->cell = realloc(r->cell, (size_t)(r->n + 1) * sizeof *r->cell);
    if (!r->cell) {
        fputs("plan_check: out of memory\n", stderr);
        exit(2);
    }
    r->cell[r->n++] = s;
}

/* Reads an RFC 4180 file: BOM skipped, LF or CRLF, blank lines skipped. */
static Csv csv_read(const char *path, const char *name)
{
    Csv c = {NULL, 0, 0};
    FILE *f = fopen(path, "rb");
    if (!f) {
        viol("%s: cannot open: %s", name, strerror(errno));
        return c;
    }
    size_t cap = 4096, len = 0;
    char *buf = xmalloc(cap);
    size_t k;
    while ((k = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += k;
        if (cap - len < 2) {
            cap *= 2;
            buf = realloc(buf, cap);
            if (!buf)
                exit(2);
        }
    }
    fclose(f);
    buf[len] = 0;
    size_t i = 0;
    if (len >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
        (unsigned char)buf[2] == 0xBF)
        i = 3;
    long line = 1;
    int bad = 0;
    while (i < len && !bad) {
        /* blank line */
        if (buf[i] == '\n') { i++; line++; continue; }
        if (buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n') { i += 2; line++; continue; }
        Row r = {NULL, 0, line};
        for (;;) {
            size_t fcap = 16, flen = 0;
            char *fld = xmalloc(fcap);
            if (i < len && buf[i] == '"') {
                i++;
                for (;;) {
                    if (i >= len) {
                        viol("%s:%ld: unterminated quoted field", name, r.line);
                        bad = 1;
                        break;
                    }
                    if (buf[i] == '"') {
                        if (i + 1 < len && buf[i + 1] == '"') { i += 2; goto put_quote; }
                        i++;
                        break;
                    }
                    if (buf[i] == '\n')
                        line++;
                    if (flen + 2 > fcap) { fcap *= 2; fld = realloc(fld, fcap); if (!fld) exit(2); }
                    fld[flen++] = buf[i++];
                    continue;
put_quote:
                    if (flen + 2 > fcap) { fcap *= 2; fld = realloc(fld, fcap); if (!fld) exit(2); }
                    fld[flen++] = '"';
                }
                if (!bad && i < len && buf[i] != ',' && buf[i] != '\n' && buf[i] != '\r') {
                    viol("%s:%ld: characters after a closing quote", name, line);
                    bad = 1;
                }
            } else {
                while (i < len && buf[i] != ',' && buf[i] != '\n' &&
                       !(buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n')) {
                    if (buf[i] == '"') {
                        viol("%s:%ld: quote inside an unquoted field", name, line);
                        bad = 1;
                    }
                    if (flen + 2 > fcap) { fcap *= 2; fld = realloc(fld, fcap); if (!fld) exit(2); }
                    fld[flen++] = buf[i++];
                }
            }
            fld[flen] = 0;
            row_push(&r, fld);
            if (bad)
                break;
            if (i < len && buf[i] == ',') { i++; continue; }
            if (i < len && buf[i] == '\r') i++;
            if (i < len && buf[i] == '\n') { i++; line++; }
            break;
        }
        c.rows = realloc(c.rows, (size_t)(c.nrows + 1) * sizeof *c.rows);
        if (!c.rows)
            exit(2);
        c.rows[c.nrows++] = r;
    }
    free(buf);
    c.ok = !bad;
    return c;
}

static void csv_free(Csv *c)
{
    for (int r = 0; r < c->nrows; r++) {
        for (int j = 0; j < c->rows[r].n; j++)
            free(c->rows[r].cell[j]);
        free(c->rows[r].cell);
    }
    free(c->rows);
    c->rows = NULL;
    c->nrows = 0;
}

/* The header must start with exactly these columns in this order (extra
 * columns after them are allowed, SPEC: "extra columns are welcome").
 * Returns 1 when it does. */
static int check_header(const Csv *c, const char *name, const char *const *cols, int ncols)
{
    if (c->nrows == 0) {
        viol("%s: empty file, header missing", name);
        return 0;
    }
    const Row *h = &c->rows[0];
    int ok = 1;
    for (int j = 0; j < ncols; j++) {
        if (j >= h->n || strcmp(h->cell[j], cols[j]) != 0) {
            viol("%s: header column %d is '%s', expected '%s'", name, j + 1,
                 j < h->n ? h->cell[j] : "(missing)", cols[j]);
            ok = 0;
        }
    }
    for (int r = 1; r < c->nrows; r++)
        if (c->rows[r].n < ncols) {
            viol("%s:%ld: %d cells, expected at least %d", name, c->rows[r].line, c->rows[r].n,
                 ncols);
            ok = 0;
        } else if (c->rows[r].n != h->n) {
            viol("%s:%ld: %d cells but the header has %d", name, c->rows[r].line,
                 c->rows[r].n, h->n);
        }
    return ok;
}

static int parse_int(const char *s, long *out)
{
    if (!s || !*s)
        return -1;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

static int parse_num(const char *s, double *out)
{
    if (!s || !*s)
        return -1;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

/* ----------------------------------------------------------- the plan --- */

typedef struct Asg {
    int seen;       /* rows seen for this participant */
    int assigned;
    int track, host, start; /* host −1 = none */
    int travel;     /* 0 none, 1 commute, 2 relocate */
    int *slots;     /* [nplacement modules] slot index, −1 if bad */
    int nslots;
    double cost;    /* recomputed */
    int cohort;     /* index into cohorts */
} Asg;

typedef struct Coh {
    int track, host, start;
    int n;          /* participants from assignments.csv */
    int g;          /* groups from schedule.csv, −1 = no row yet */
    int *modrows;   /* [nmodules] schedule rows seen per module */
    int sched_n;    /* participants column of schedule.csv, −1 none */
} Coh;

static Coh *cohs;
static int ncohs;

static int cohort_find(const Scenario *s, int t, int h, int start, int create)
{
    for (int i = 0; i < ncohs; i++)
        if (cohs[i].track == t && cohs[i].host == h && cohs[i].start == start)
            return i;
    if (!create)
        return -1;
    cohs = realloc(cohs, (size_t)(ncohs + 1) * sizeof *cohs);
    if (!cohs)
        exit(2);
    Coh *c = &cohs[ncohs];
    c->track = t;
    c->host = h;
    c->start = start;
    c->n = 0;
    c->g = -1;
    c->sched_n = -1;
    c->modrows = xmalloc((size_t)s->tracks[t].nmodules * sizeof(int));
    return ncohs++;
}

static int nplacements(const Track *t)
{
    int n = 0;
    for (int m = 0; m < t->nmodules; m++)
        n += t->modules[m].kind == MODULE_PLACEMENT;
    return n;
}

static int course_weeks(const Track *t)
{
    int n = 0;
    for (int m = 0; m < t->nmodules; m++)
        if (t->modules[m].kind == MODULE_COURSE)
            n += t->modules[m].weeks;
    return n;
}

static int has_course(const Track *t)
{
    for (int m = 0; m < t->nmodules; m++)
        if (t->modules[m].kind == MODULE_COURSE)
            return 1;
    return 0;
}

static double group_cost(const Track *t)
{
    double g = 0;
    for (int m = 0; m < t->nmodules; m++)
        if (t->modules[m].kind == MODULE_COURSE)
            g += t->modules[m].group_cost;
    return g;
}

/* First week of module m of a cohort starting at `start`. */
static int module_from(const Track *t, int start, int m)
{
    int w = start;
    for (int k = 0; k < m; k++)
        w += t->modules[k].weeks;
    return w;
}

static int total_weeks(const Track *t)
{
    return module_from(t, 0, t->nmodules);
}

static int is_start_week(const Scenario *s, const Track *t, int start)
{
    int fs = t->first_start, se = t->start_every;
    if (start < fs || se < 1 || (start - fs) % se != 0)
        return 0;
    return start + total_weeks(t) - 1 <= s->weeks;
}

static int hosts(const Scenario *s, int h, int t)
{
    if (h < 0 || h >= s->nmunicipalities)
        return 0;
    int c = s->centre_of[h];
    if (c < 0)
        return 0;
    return s->centres[c].all_tracks || s->centres[c].hosts[t];
}

static int rank_of(const Participant *p, int t)
{
    if (p->nprefs == 0)
        return 1;
    for (int i = 0; i < p->nprefs; i++)
        if (p->prefs[i] == t)
            return i + 1;
    return 0;
}

static double value_of(const Scenario *s, const Participant *p, int t)
{
    int r = rank_of(p, t);
    if (r == 0)
        return 0;
    double f = 1.0 - s->objective.preference_step * (r - 1);
    if (f < 0)
        f = 0;
    return p->priority * s->objective.group_weight[p->group] * f;
}

/* SPEC §2 rule 3: 0 not allowed, 1 commute, 2 relocate. */
static int travel_rule(const Scenario *s, const Participant *p, int h)
{
    if (h == p->home)
        return 1;
    double m = scenario_minutes(s, p->home, h);
    if (travel_within(m, p->max_minutes))
        return 1;
    double k = scenario_km(s, p->home, h);
    if (p->can_relocate && travel_within(k, s->travel.max_relocation_km))
        return 2;
    return 0;
}

static const char *travel_names[] = {"", "commute", "relocate"};

static const char *mcode(const Scenario *s, int h)
{
    return h >= 0 ? s->municipalities[h].code : "";
}

/* ------------------------------------------------------------ summary --- */

static double jnum(json_t *o, const char *key, int *ok)
{
    json_t *v = json_object_get(o, key);
    if (!v || !json_is_number(v)) {
        viol("summary.json: '%s' missing or not a number", key);
        *ok = 0;
        return 0;
    }
    return json_number_value(v);
}

/* The extras cost_bound and cost_gap (null when no bound is known): a
 * lower bound on the least cost, so at most the plan's cost (equal when
 * the plan is optimal) and at most `least` (the least cost, when known:
 * have_least); cost_gap = (cost − cost_bound) / max(1, cost). */
static void check_cost_bound(json_t *sum, const char *status, double cost, int have_least, double least)
{
    json_t *b = json_object_get(sum, "cost_bound"), *g = json_object_get(sum, "cost_gap");
    if (!b && !g)
        return; /* extras: a plan may leave them out */
    if (!b || !g || json_is_null(b) != json_is_null(g)) {
        viol("summary.json: cost_bound and cost_gap must be both present, both null or both numbers");
        return;
    }
    if (json_is_null(b)) {
        if (strcmp(status, "optimal") == 0)
            viol("summary.json: status optimal but cost_bound null");
        return;
    }
    if (!json_is_number(b) || !json_is_number(g)) {
        viol("summary.json: cost_bound or cost_gap not a number");
        return;
    }
    double cb = json_number_value(b), cg = json_number_value(g);
    if (cb < 0)
        viol("summary.json: cost_bound %.9g below 0 (costs are never negative)", cb);
    if (cb > cost + tol * fmax(1, fabs(cost)))
        viol("summary.json: cost_bound %.9g above the plan's cost %.9g", cb, cost);
    if (strcmp(status, "optimal") == 0 && !near(cb, cost))
        viol("summary.json: status optimal but cost_bound %.9g, cost %.9g", cb, cost);
    if (have_least && cb > least + tol * fmax(1, fabs(least)))
        viol("summary.json: cost_bound %.9g above the least cost %.9g", cb, least);
    double eg = (cost - cb) / fmax(1, cost);
    if (fabs(cg - eg) > 1e-6)
        viol("summary.json: cost_gap %.9g, (cost − cost_bound)/max(1, cost) = %.9g", cg, eg);
}

static void check_breakdown(json_t *root, const char *key, const char *const *names, int n,
                            const long *as, const long *un)
{
    json_t *o = json_object_get(root, key);
    if (!o || !json_is_object(o)) {
        viol("summary.json: '%s' missing or not an object", key);
        return;
    }
    const char *k;
    json_t *v;
    json_object_foreach(o, k, v) {
        int i;
        for (i = 0; i < n; i++)
            if (strcmp(names[i], k) == 0)
                break;
        if (i == n) {
            viol("summary.json: %s has unknown key '%s'", key, k);
            continue;
        }
        json_t *a = json_object_get(v, "assigned"), *u = json_object_get(v, "unassigned");
        if (!json_is_integer(a) || !json_is_integer(u)) {
            viol("summary.json: %s.%s lacks integer assigned/unassigned", key, k);
            continue;
        }
        if (json_integer_value(a) != as[i] || json_integer_value(u) != un[i])
            viol("summary.json: %s.%s is assigned=%lld unassigned=%lld, expected %ld/%ld", key,
                 k, (long long)json_integer_value(a), (long long)json_integer_value(u), as[i],
                 un[i]);
    }
    for (int i = 0; i < n; i++)
        if ((as[i] || un[i]) && !json_object_get(o, names[i]))
            viol("summary.json: %s lacks key '%s' (assigned %ld, unassigned %ld)", key,
                 names[i], as[i], un[i]);
}

/* --------------------------------------------------------------- main --- */

static void usage(void)
{
    fputs("usage: plan_check SCENARIO_DIR PLAN_DIR [--variant NAME] [--expect-value V] "
          "[--expect-cost C] [--least-cost C] [--tol T]\n", stderr);
    exit(2);
}

static char *path_join(const char *dir, const char *file)
{
    size_t n = strlen(dir) + strlen(file) + 2;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s", dir, file);
    return p;
}

int main(int argc, char **argv)
{
    const char *sdir = NULL, *pdir = NULL, *variant = NULL;
    int have_ev = 0, have_ec = 0, have_least = 0;
    double ev = 0, ec = 0, least = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--variant") == 0 && i + 1 < argc)
            variant = argv[++i];
        else if (strcmp(argv[i], "--expect-value") == 0 && i + 1 < argc) {
            if (parse_num(argv[++i], &ev))
                usage();
            have_ev = 1;
        } else if (strcmp(argv[i], "--expect-cost") == 0 && i + 1 < argc) {
            if (parse_num(argv[++i], &ec))
                usage();
            have_ec = 1;
        } else if (strcmp(argv[i], "--least-cost") == 0 && i + 1 < argc) {
            if (parse_num(argv[++i], &least))
                usage();
            have_least = 1;
        } else if (strcmp(argv[i], "--tol") == 0 && i + 1 < argc) {
            if (parse_num(argv[++i], &tol) || tol < 0)
                usage();
        } else if (argv[i][0] == '-' && argv[i][1])
            usage();
        else if (!sdir)
            sdir = argv[i];
        else if (!pdir)
            pdir = argv[i];
        else
            usage();
    }
    if (!sdir || !pdir)
        usage();

    DiagList diags = DIAGLIST_INIT;
    Scenario *s = NULL;
    int rc = scenario_load(sdir, variant, &s, &diags);
    if (rc != 0 || !s) {
        diag_print(&diags, stderr, "plan_check");
        fprintf(stderr, "plan_check: cannot load scenario %s\n", sdir);
        diag_release(&diags);
        return 2;
    }
    diag_release(&diags);

    const int P = s->nparticipants, M = s->nmunicipalities, W = s->weeks;
    const TravelParams *tp = &s->travel;
    Asg *asg = xmalloc((size_t)(P ? P : 1) * sizeof *asg);
    for (int i = 0; i < P; i++)
        asg[i].cohort = -1;

    /* --------------------------------------------- assignments.csv --- */
    static const char *const acols[] = {"participant", "status", "track", "rank", "host",
                                        "start_week", "end_week", "travel", "slots", "cost",
                                        "reason"};
    char *path = path_join(pdir, "assignments.csv");
    Csv ac = csv_read(path, "assignments.csv");
    free(path);
    double value = 0, travel_cost = 0;
    long n_assigned = 0;
    if (ac.ok && check_header(&ac, "assignments.csv", acols, 11)) {
        for (int r = 1; r < ac.nrows; r++) {
            Row *row = &ac.rows[r];
            char **c = row->cell;
            long ln = row->line;
            int pi = -1;
            for (int i = 0; i < P; i++)
                if (strcmp(s->participants[i].id, c[0]) == 0) { pi = i; break; }
            if (pi < 0) {
                viol("assignments.csv:%ld: unknown participant '%s'", ln, c[0]);
                continue;
            }
            Asg *a = &asg[pi];
            if (a->seen++) {
                viol("assignments.csv:%ld: participant '%s' listed again", ln, c[0]);
                continue;
            }
            const Participant *p = &s->participants[pi];
            double col_cost = 0;
            int cost_ok = 1;
            if (*c[9] && parse_num(c[9], &col_cost)) {
                viol("assignments.csv:%ld: cost '%s' is not a number", ln, c[9]);
                cost_ok = 0;
            }
            if (strcmp(c[1], "unassigned") == 0) {
                if (!*c[10])
                    viol("assignments.csv:%ld: unassigned '%s' without a reason", ln, c[0]);
                if (*c[8])
                    viol("assignments.csv:%ld: unassigned '%s' has slots '%s'", ln, c[0], c[8]);
                if (cost_ok && fabs(col_cost) > 1e-9)
                    viol("assignments.csv:%ld: unassigned '%s' has cost %s", ln, c[0], c[9]);
                continue;
            }
            if (strcmp(c[1], "assigned") != 0) {
                viol("assignments.csv:%ld: status '%s' is neither assigned nor unassigned", ln,
                     c[1]);
                continue;
            }
            int t = scenario_find_track(s, c[2]);
            if (t < 0) {
                viol("assignments.csv:%ld: '%s' assigned to unknown track '%s'", ln, c[0], c[2]);
                continue;
            }
            const Track *tr = &s->tracks[t];
            long start = 0, endw = 0, rank = 0;
            if (parse_int(c[5], &start)) {
                viol("assignments.csv:%ld: start_week '%s' is not an integer", ln, c[5]);
                continue;
            }
            int h = -1;
            if (has_course(tr)) {
                h = scenario_find_municipality(s, c[4]);
                if (h < 0) {
                    viol("assignments.csv:%ld: '%s' host '%s' is not a municipality", ln, c[0],
                         c[4]);
                    continue;
                }
            } else if (*c[4]) {
                viol("assignments.csv:%ld: '%s' on host-less track %s has host '%s'", ln, c[0],
                     tr->id, c[4]);
            }
            a->assigned = 1;
            a->track = t;
            a->host = h;
            a->start = (int)start;
            n_assigned++;
            /* rule 1 */
            int rk = rank_of(p, t);
            if (rk == 0)
                viol("assignments.csv:%ld: '%s' assigned to track %s not in their list", ln,
                     c[0], tr->id);
            if (parse_int(c[3], &rank) || rank != rk)
                viol("assignments.csv:%ld: '%s' rank '%s', expected %d", ln, c[0], c[3], rk);
            if (h >= 0 && !hosts(s, h, t))
                viol("assignments.csv:%ld: '%s' host %s does not host track %s", ln, c[0],
                     mcode(s, h), tr->id);
            /* start week and rule 2 */
            if (!is_start_week(s, tr, (int)start))
                viol("assignments.csv:%ld: '%s' start week %ld is not a start week of track %s",
                     ln, c[0], start, tr->id);
            if (start < p->earliest_week || start > p->latest_week)
                viol("assignments.csv:%ld: '%s' start week %ld outside [%d,%d]", ln, c[0], start,
                     p->earliest_week, p->latest_week);
            if (parse_int(c[6], &endw) || endw != start + total_weeks(tr) - 1)
                viol("assignments.csv:%ld: '%s' end_week '%s', expected %ld", ln, c[0], c[6],
                     start + total_weeks(tr) - 1);
            /* rule 3 and 4 */
            int mode = 0;
            if (h >= 0) {
                mode = travel_rule(s, p, h);
                if (mode == 0)
                    viol("assignments.csv:%ld: '%s' (home %s) may neither commute nor relocate "
                         "to host %s", ln, c[0], mcode(s, p->home), mcode(s, h));
                if (!s->cooperation && h != p->home)
                    viol("assignments.csv:%ld: '%s' host %s is not home %s without cooperation",
                         ln, c[0], mcode(s, h), mcode(s, p->home));
            }
            a->travel = mode;
            if (strcmp(c[7], travel_names[mode]) != 0)
                viol("assignments.csv:%ld: '%s' travel '%s', expected '%s'", ln, c[0], c[7],
                     mode == 0 && h >= 0 ? "(not allowed)" : travel_names[mode]);
            /* course travel cost */
            double pc = 0;
            if (h >= 0 && mode) {
                double km = scenario_km(s, p->home, h);
                if (h == p->home)
                    km = 0;
                double per = mode == 1 ? 2 * km * tp->days_per_week * tp->cost_per_km
                                       : tp->accommodation_per_week + 2 * km * tp->cost_per_km;
                pc += per * course_weeks(tr);
            }
            /* slots */
            int np = nplacements(tr);
            a->nslots = np;
            a->slots = xmalloc((size_t)(np ? np : 1) * sizeof(int));
            int ns = 0;
            char *list = c[8];
            if (*list) {
                char *save = NULL;
                for (char *tok = strtok_r(list, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
                    if (ns < np)
                        a->slots[ns] = scenario_find_slot(s, tok);
                    if (ns < np && a->slots[ns] < 0)
                        viol("assignments.csv:%ld: '%s' unknown slot '%s'", ln, c[0], tok);
                    ns++;
                }
            }
            if (ns != np) {
                viol("assignments.csv:%ld: '%s' has %d slots, track %s has %d placement modules",
                     ln, c[0], ns, tr->id, np);
                for (int k = 0; k < np; k++)
                    a->slots[k] = -1;
            }
            for (int m = 0, k = 0; m < tr->nmodules; m++) {
                if (tr->modules[m].kind != MODULE_PLACEMENT)
                    continue;
                int sl = a->slots[k++];
                if (sl < 0)
                    continue;
                const Slot *so = &s->slots[sl];
                int from = module_from(tr, (int)start, m), to = from + tr->modules[m].weeks - 1;
                if (!so->all_tracks && !so->accepts[t])
                    viol("assignments.csv:%ld: '%s' slot %s does not accept track %s", ln, c[0],
                         so->id, tr->id);
                if (from < so->from_week || to > so->to_week)
                    viol("assignments.csv:%ld: '%s' slot %s weeks %d-%d outside its window %d-%d",
                         ln, c[0], so->id, from, to, so->from_week, so->to_week);
                double mins = so->municipality == p->home ? 0
                              : scenario_minutes(s, p->home, so->municipality);
                if (!travel_within(mins, p->max_minutes))
                    viol("assignments.csv:%ld: '%s' slot %s in %s is %s from home %s (max %g)",
                         ln, c[0], so->id, mcode(s, so->municipality),
                         mins < 0 ? "unreachable" : "too far", mcode(s, p->home), p->max_minutes);
                if (!s->cooperation && so->municipality != p->home)
                    viol("assignments.csv:%ld: '%s' slot %s is not at home without cooperation",
                         ln, c[0], so->id);
                double km = so->municipality == p->home ? 0
                            : scenario_km(s, p->home, so->municipality);
                if (km > 0)
                    pc += tr->modules[m].weeks * 2 * km * tp->days_per_week * tp->cost_per_km;
            }
            a->cost = pc;
            if (!*c[9])
                viol("assignments.csv:%ld: '%s' cost is empty", ln, c[0]);
            else if (cost_ok && !near(col_cost, pc))
                viol("assignments.csv:%ld: '%s' cost %s, recomputed %.6f", ln, c[0], c[9], pc);
            travel_cost += pc;
            value += value_of(s, p, t);
            a->cohort = cohort_find(s, t, h, (int)start, 1);
            cohs[a->cohort].n++;
        }
        for (int i = 0; i < P; i++)
            if (!asg[i].seen)
                viol("assignments.csv: no row for participant '%s'", s->participants[i].id);
    }

    /* ------------------------------------------------ schedule.csv --- */
    static const char *const scols[] = {"track", "host", "start_week", "seq", "module", "kind",
                                        "from_week", "to_week", "groups", "participants"};
    path = path_join(pdir, "schedule.csv");
    Csv sc = csv_read(path, "schedule.csv");
    free(path);
    if (sc.ok && check_header(&sc, "schedule.csv", scols, 10)) {
        for (int r = 1; r < sc.nrows; r++) {
            char **c = sc.rows[r].cell;
            long ln = sc.rows[r].line;
            int t = scenario_find_track(s, c[0]);
            if (t < 0) {
                viol("schedule.csv:%ld: unknown track '%s'", ln, c[0]);
                continue;
            }
            const Track *tr = &s->tracks[t];
            int h = -1;
            if (has_course(tr)) {
                h = scenario_find_municipality(s, c[1]);
                if (h < 0) {
                    viol("schedule.csv:%ld: host '%s' is not a municipality", ln, c[1]);
                    continue;
                }
                if (!hosts(s, h, t))
                    viol("schedule.csv:%ld: %s does not host track %s", ln, c[1], tr->id);
            } else if (*c[1]) {
                viol("schedule.csv:%ld: host-less track %s has host '%s'", ln, tr->id, c[1]);
            }
            long start, seq, from, to, g, n;
            if (parse_int(c[2], &start) || parse_int(c[3], &seq) || parse_int(c[6], &from) ||
                parse_int(c[7], &to) || parse_int(c[8], &g) || parse_int(c[9], &n)) {
                viol("schedule.csv:%ld: a number column is not an integer", ln);
                continue;
            }
            if (!is_start_week(s, tr, (int)start))
                viol("schedule.csv:%ld: %ld is not a start week of track %s", ln, start, tr->id);
            if (seq < 1 || seq > tr->nmodules) {
                viol("schedule.csv:%ld: seq %ld outside 1..%d", ln, seq, tr->nmodules);
                continue;
            }
            const Module *mo = &tr->modules[seq - 1];
            if (strcmp(c[4], mo->name) != 0)
                viol("schedule.csv:%ld: module '%s', expected '%s'", ln, c[4], mo->name);
            if (strcmp(c[5], mo->kind == MODULE_COURSE ? "course" : "placement") != 0)
                viol("schedule.csv:%ld: kind '%s', expected '%s'", ln, c[5],
                     mo->kind == MODULE_COURSE ? "course" : "placement");
            int ef = module_from(tr, (int)start, (int)seq - 1), et = ef + mo->weeks - 1;
            if (from != ef || to != et)
                viol("schedule.csv:%ld: weeks %ld-%ld, expected %d-%d", ln, from, to, ef, et);
            int ci = cohort_find(s, t, h, (int)start, 1);
            Coh *co = &cohs[ci];
            co->modrows[seq - 1]++;
            if (co->g < 0)
                co->g = (int)g;
            else if (co->g != g)
                viol("schedule.csv:%ld: cohort %s/%s/%ld has %ld groups here, %d on another row",
                     ln, tr->id, c[1], start, g, co->g);
            if (co->sched_n >= 0 && co->sched_n != n)
                viol("schedule.csv:%ld: cohort %s/%s/%ld participants differ between rows", ln,
                     tr->id, c[1], start);
            co->sched_n = (int)n;
            if (co->modrows[seq - 1] > 1)
                viol("schedule.csv:%ld: module %ld of cohort %s/%s/%ld listed again", ln, seq,
                     tr->id, c[1], start);
        }
    }
    double hosting = 0;
    long *seat_load = xmalloc((size_t)M * (size_t)(W + 2) * sizeof(long));
    long *group_load = xmalloc((size_t)M * (size_t)(W + 2) * sizeof(long));
    for (int i = 0; i < ncohs; i++) {
        Coh *co = &cohs[i];
        const Track *tr = &s->tracks[co->track];
        int g = co->g < 0 ? 0 : co->g;
        char label[256];
        snprintf(label, sizeof label, "%s/%s/%d", tr->id, mcode(s, co->host), co->start);
        if (co->n == 0 && g == 0 && co->g >= 0)
            viol("schedule.csv: cohort %s has no participants and no groups but is listed",
                 label);
        if (co->n > 0) {
            for (int m = 0; m < tr->nmodules; m++)
                if (co->modrows[m] == 0)
                    viol("schedule.csv: cohort %s lacks a row for module %d", label, m + 1);
        }
        if (co->sched_n >= 0 && co->sched_n != co->n)
            viol("schedule.csv: cohort %s has participants %d, assignments give %d", label,
                 co->sched_n, co->n);
        if (!has_course(tr)) {
            if (g != 0)
                viol("schedule.csv: host-less cohort %s has %d groups", label, g);
            continue;
        }
        if ((long)tr->min_group * g > co->n || (long)tr->max_group * g < co->n)
            viol("cohort %s: %d participants in %d groups, outside [%d·g, %d·g]", label, co->n,
                 g, tr->min_group, tr->max_group);
        hosting += g * group_cost(tr);
        for (int m = 0; m < tr->nmodules; m++) {
            if (tr->modules[m].kind != MODULE_COURSE)
                continue;
            int f = module_from(tr, co->start, m);
            for (int w = f; w < f + tr->modules[m].weeks; w++)
                if (w >= 1 && w <= W) {
                    seat_load[(size_t)co->host * (W + 2) + w] += co->n;
                    group_load[(size_t)co->host * (W + 2) + w] += g;
                }
        }
    }
    for (int h = 0; h < M; h++) {
        int ci = s->centre_of[h];
        for (int w = 1; w <= W; w++) {
            long sl = seat_load[(size_t)h * (W + 2) + w], gl = group_load[(size_t)h * (W + 2) + w];
            if (!sl && !gl)
                continue;
            if (ci < 0) {
                viol("centre: courses at %s in week %d but it has no centre", mcode(s, h), w);
                continue;
            }
            if (sl > s->centres[ci].seats)
                viol("centre %s week %d: %ld participants > %d seats", mcode(s, h), w, sl,
                     s->centres[ci].seats);
            if (gl > s->centres[ci].max_groups)
                viol("centre %s week %d: %ld groups > max_groups %d", mcode(s, h), w, gl,
                     s->centres[ci].max_groups);
        }
    }
    free(seat_load);
    free(group_load);

    /* ----------------------------------------------- slot capacity --- */
    const int S = s->nslots;
    long *room = xmalloc((size_t)(S ? S : 1) * (size_t)(W + 2) * sizeof(long));
    long *occ = xmalloc((size_t)(S ? S : 1) * (size_t)(W + 2) * sizeof(long));
    for (int k = 0; k < S; k++)
        for (int w = 1; w <= W; w++)
            room[(size_t)k * (W + 2) + w] =
                w >= s->slots[k].from_week && w <= s->slots[k].to_week ? s->slots[k].capacity : 0;
    for (int r = 0; r < s->nreservations; r++) {
        const Reservation *rv = &s->reservations[r];
        for (int w = rv->from_week; w <= rv->to_week; w++)
            if (w >= 1 && w <= W)
                room[(size_t)rv->slot * (W + 2) + w] -= rv->count;
    }
    /* expected placement weeks per (participant, slot) */
    unsigned char *pweeks = xmalloc((size_t)(P ? P : 1) * (size_t)(W + 2));
    for (int i = 0; i < P; i++) {
        Asg *a = &asg[i];
        if (!a->assigned)
            continue;
        const Track *tr = &s->tracks[a->track];
        for (int m = 0, k = 0; m < tr->nmodules; m++) {
            if (tr->modules[m].kind != MODULE_PLACEMENT)
                continue;
            int sl = a->slots[k++];
            if (sl < 0)
                continue;
            int f = module_from(tr, a->start, m);
            for (int w = f; w < f + tr->modules[m].weeks; w++)
                if (w >= 1 && w <= W)
                    occ[(size_t)sl * (W + 2) + w]++;
        }
    }
    for (int k = 0; k < S; k++)
        for (int w = 1; w <= W; w++) {
            long o = occ[(size_t)k * (W + 2) + w], rm = room[(size_t)k * (W + 2) + w];
            if (rm < 0)
                rm = 0;
            if (o > rm)
                viol("slot %s week %d: %ld participants > room %ld", s->slots[k].id, w, o, rm);
        }
    free(room);
    free(occ);

    /* ---------------------------------------------- placements.csv --- */
    static const char *const pcols[] = {"slot", "participant", "track", "from_week", "to_week"};
    path = path_join(pdir, "placements.csv");
    Csv pl = csv_read(path, "placements.csv");
    free(path);
    if (pl.ok && check_header(&pl, "placements.csv", pcols, 5)) {
        /* pweeks[i][w] = slot index + 1 expected for participant i in week w */
        int *want = xmalloc((size_t)(P ? P : 1) * (size_t)(W + 2) * sizeof(int));
        int *got = xmalloc((size_t)(P ? P : 1) * (size_t)(W + 2) * sizeof(int));
        for (int i = 0; i < P; i++) {
            Asg *a = &asg[i];
            if (!a->assigned)
                continue;
            const Track *tr = &s->tracks[a->track];
            for (int m = 0, k = 0; m < tr->nmodules; m++) {
                if (tr->modules[m].kind != MODULE_PLACEMENT)
                    continue;
                int sl = a->slots[k++];
                int f = module_from(tr, a->start, m);
                for (int w = f; w < f + tr->modules[m].weeks; w++)
                    if (w >= 1 && w <= W)
                        want[(size_t)i * (W + 2) + w] = sl + 1;
            }
        }
        for (int r = 1; r < pl.nrows; r++) {
            char **c = pl.rows[r].cell;
            long ln = pl.rows[r].line;
            int sl = scenario_find_slot(s, c[0]);
            int pi = -1;
            for (int i = 0; i < P; i++)
                if (strcmp(s->participants[i].id, c[1]) == 0) { pi = i; break; }
            long from, to;
            if (sl < 0 || pi < 0 || parse_int(c[3], &from) || parse_int(c[4], &to) || from > to) {
                viol("placements.csv:%ld: bad row (slot '%s', participant '%s', weeks '%s'-'%s')",
                     ln, c[0], c[1], c[3], c[4]);
                continue;
            }
            if (!asg[pi].assigned) {
                viol("placements.csv:%ld: '%s' is not assigned", ln, c[1]);
                continue;
            }
            if (strcmp(c[2], s->tracks[asg[pi].track].id) != 0)
                viol("placements.csv:%ld: '%s' track '%s', assigned to %s", ln, c[1], c[2],
                     s->tracks[asg[pi].track].id);
            for (long w = from; w <= to; w++) {
                if (w < 1 || w > W) {
                    viol("placements.csv:%ld: week %ld outside the horizon", ln, w);
                    break;
                }
                if (got[(size_t)pi * (W + 2) + w])
                    viol("placements.csv:%ld: '%s' week %ld placed twice", ln, c[1], w);
                got[(size_t)pi * (W + 2) + w] = sl + 1;
            }
        }
        for (int i = 0; i < P; i++)
            for (int w = 1; w <= W; w++) {
                int a = want[(size_t)i * (W + 2) + w], b = got[(size_t)i * (W + 2) + w];
                if (a != b)
                    viol("placements.csv: '%s' week %d: slot %s, assignments say %s",
                         s->participants[i].id, w, b > 0 ? s->slots[b - 1].id : "(none)",
                         a > 0 ? s->slots[a - 1].id : "(none)");
            }
        free(want);
        free(got);
    }
    free(pweeks);

    double cost = hosting + travel_cost;

    /* ----------------------------------------------- settlement.csv --- */
    static const char *const tcols[] = {"kind", "payer", "payee", "participant_weeks", "amount"};
    path = path_join(pdir, "settlement.csv");
    Csv st = csv_read(path, "settlement.csv");
    free(path);
    if (st.ok && check_header(&st, "settlement.csv", tcols, 5)) {
        long *pw = xmalloc((size_t)M * (size_t)M * sizeof(long));
        double *amt = xmalloc((size_t)M * (size_t)M * sizeof(double));
        unsigned char *gseen = xmalloc((size_t)M * (size_t)M);
        unsigned char *nseen = xmalloc((size_t)M * (size_t)M);
        for (int i = 0; i < P; i++) {
            Asg *a = &asg[i];
            int home = s->participants[i].home;
            if (a->assigned && a->host >= 0 && a->host != home) {
                long n = course_weeks(&s->tracks[a->track]);
                pw[(size_t)home * M + a->host] += n;
                int ci = s->centre_of[a->host];
                amt[(size_t)home * M + a->host] += n * (ci >= 0 ? s->centres[ci].seat_price_per_week : 0);
            }
        }
        for (int r = 1; r < st.nrows; r++) {
            char **c = st.rows[r].cell;
            long ln = st.rows[r].line;
            int a = scenario_find_municipality(s, c[1]), b = scenario_find_municipality(s, c[2]);
            double am;
            if (a < 0 || b < 0 || parse_num(c[4], &am)) {
                viol("settlement.csv:%ld: bad row (payer '%s', payee '%s', amount '%s')", ln,
                     c[1], c[2], c[4]);
                continue;
            }
            size_t ij = (size_t)a * M + b;
            if (strcmp(c[0], "gross") == 0) {
                long n;
                if (gseen[ij]++) {
                    viol("settlement.csv:%ld: gross %s→%s listed again", ln, c[1], c[2]);
                    continue;
                }
                if (parse_int(c[3], &n) || n != pw[ij])
                    viol("settlement.csv:%ld: gross %s→%s participant_weeks '%s', expected %ld",
                         ln, c[1], c[2], c[3], pw[ij]);
                if (!near(am, amt[ij]))
                    viol("settlement.csv:%ld: gross %s→%s amount %s, expected %.6f", ln, c[1],
                         c[2], c[4], amt[ij]);
                if (pw[ij] == 0)
                    viol("settlement.csv:%ld: gross %s→%s but no course participant-weeks", ln,
                         c[1], c[2]);
            } else if (strcmp(c[0], "net") == 0) {
                if (nseen[ij]++) {
                    viol("settlement.csv:%ld: net %s→%s listed again", ln, c[1], c[2]);
                    continue;
                }
                if (*c[3])
                    viol("settlement.csv:%ld: net row has participant_weeks '%s'", ln, c[3]);
                double bal = amt[ij] - amt[(size_t)b * M + a];
                if (!(bal > 1e-9))
                    viol("settlement.csv:%ld: net %s→%s %s, but %s's balance towards %s is %.6f",
                         ln, c[1], c[2], c[4], c[1], c[2], bal);
                else if (!near(am, bal))
                    viol("settlement.csv:%ld: net %s→%s amount %s, expected %.6f", ln, c[1],
                         c[2], c[4], bal);
            } else {
                viol("settlement.csv:%ld: kind '%s' is neither gross nor net", ln, c[0]);
            }
        }
        for (int a = 0; a < M; a++)
            for (int b = 0; b < M; b++) {
                size_t ij = (size_t)a * M + b;
                if (pw[ij] > 0 && !gseen[ij])
                    viol("settlement.csv: gross row %s→%s missing (%ld participant-weeks)",
                         mcode(s, a), mcode(s, b), pw[ij]);
                double bal = amt[ij] - amt[(size_t)b * M + a];
                if (bal > 1e-9 && !nseen[ij])
                    viol("settlement.csv: net row %s→%s missing (%.6f)", mcode(s, a),
                         mcode(s, b), bal);
            }
        free(pw);
        free(amt);
        free(gseen);
        free(nseen);
    }

    /* ------------------------------------------------ summary.json --- */
    path = path_join(pdir, "summary.json");
    json_error_t jerr;
    json_t *sum = json_load_file(path, 0, &jerr);
    free(path);
    if (!sum || !json_is_object(sum)) {
        viol("summary.json: cannot read: %s (line %d)", jerr.text, jerr.line);
    } else {
        json_t *v = json_object_get(sum, "scenario");
        if (!json_is_string(v) || strcmp(json_string_value(v), s->name) != 0)
            viol("summary.json: scenario is not \"%s\"", s->name);
        v = json_object_get(sum, "variant");
        if (!v)
            viol("summary.json: 'variant' missing");
        else if (variant ? !json_is_string(v) || strcmp(json_string_value(v), variant) != 0
                         : !json_is_null(v))
            viol("summary.json: variant is not %s", variant ? variant : "null");
        v = json_object_get(sum, "status");
        const char *status = json_is_string(v) ? json_string_value(v) : "";
        if (strcmp(status, "optimal") && strcmp(status, "feasible") &&
            strcmp(status, "infeasible") && strcmp(status, "error"))
            viol("summary.json: status '%s' is not one of optimal/feasible/infeasible/error",
                 status);
        int ok = 1;
        double sv = jnum(sum, "value", &ok), scost = jnum(sum, "cost", &ok);
        double bound = jnum(sum, "bound", &ok), gap = jnum(sum, "gap", &ok);
        double secs = jnum(sum, "seconds", &ok);
        if (ok) {
            if (!near(sv, value))
                viol("summary.json: value %.9g, recomputed %.9g", sv, value);
            if (!near(scost, cost))
                viol("summary.json: cost %.9g, recomputed %.9g (hosting %.6f + travel %.6f)",
                     scost, cost, hosting, travel_cost);
            if (bound < sv - tol * fmax(1, fabs(sv)))
                viol("summary.json: bound %.9g below value %.9g", bound, sv);
            double eg = (bound - sv) / fmax(1, fabs(bound));
            if (fabs(gap - eg) > 1e-6)
                viol("summary.json: gap %.9g, (bound − value)/max(1,|bound|) = %.9g", gap, eg);
            if (strcmp(status, "optimal") == 0 && fabs(gap) > 1e-6)
                viol("summary.json: status optimal but gap %.9g", gap);
            if (gap < -1e-9)
                viol("summary.json: negative gap %.9g", gap);
            if (secs < 0)
                viol("summary.json: negative seconds");
            check_cost_bound(sum, status, cost, have_least, least);
        }
        /* SPEC §2 gives max_cost no tolerance: only summation noise (a
         * plan 1e-6 SEK over a budget of 1 599.999999 passed at 1e-6) */
        if (s->objective.has_max_cost && cost > s->objective.max_cost + 1e-12 * fmax(1, s->objective.max_cost))
            viol("plan cost %.6f exceeds max_cost %.6f", cost, s->objective.max_cost);
        long as_c = 0, un_c = 0;
        json_t *ja = json_object_get(sum, "assigned"), *ju = json_object_get(sum, "unassigned");
        long ga[GROUP_COUNT] = {0}, gu[GROUP_COUNT] = {0}, xa[GENDER_COUNT] = {0},
             xu[GENDER_COUNT] = {0};
        long *ha = xmalloc((size_t)M * sizeof(long)), *hu = xmalloc((size_t)M * sizeof(long));
        const char **hn = xmalloc((size_t)M * sizeof(char *));
        for (int h = 0; h < M; h++)
            hn[h] = s->municipalities[h].code;
        for (int i = 0; i < P; i++) {
            const Participant *p = &s->participants[i];
            if (asg[i].assigned) {
                as_c++; ga[p->group]++; xa[p->gender]++; ha[p->home]++;
            } else {
                un_c++; gu[p->group]++; xu[p->gender]++; hu[p->home]++;
            }
        }
        if (!json_is_integer(ja) || json_integer_value(ja) != as_c)
            viol("summary.json: assigned is not %ld", as_c);
        if (!json_is_integer(ju) || json_integer_value(ju) != un_c)
            viol("summary.json: unassigned is not %ld", un_c);
        check_breakdown(sum, "by_group", group_names, GROUP_COUNT, ga, gu);
        check_breakdown(sum, "by_gender", gender_names, GENDER_COUNT, xa, xu);
        check_breakdown(sum, "by_home", hn, M, ha, hu);
        free(ha);
        free(hu);
        free(hn);
    }
    if (sum)
        json_decref(sum);

    (void)n_assigned;
    if (have_ev && fabs(value - ev) > 1e-6 * fmax(1, fabs(ev)))
        viol("value %.9g, expected %.9g", value, ev);
    if (have_ec && fabs(cost - ec) > 1e-6 * fmax(1, fabs(ec)))
        viol("cost %.9g, expected %.9g", cost, ec);

    int result = nviolations ? 1 : 0;
    if (!result)
        printf("plan_check: ok value=%.10g cost=%.10g\n", value, cost);

    for (int i = 0; i < P; i++)
        free(asg[i].slots);
    free(asg);
    for (int i = 0; i < ncohs; i++)
        free(cohs[i].modrows);
    free(cohs);
    csv_free(&ac);
    csv_free(&sc);
    csv_free(&pl);
    csv_free(&st);
    scenario_free(s);
    return result;
}
