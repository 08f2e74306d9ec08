/*
 * compare_table.c — per-run metrics and the side-by-side table of
 * `samplan compare` (see compare_table.h for the definitions used).
 */
#include "compare_table.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_tables.h"
#include "settlement.h"

const char *const compare_section_titles[SEC_COUNT] = {
    "Result",
    "By target group",
    "By gender",
    "By home municipality",
    "Costs (SEK)",
    "Travel",
    "Course groups per host",
    "Placement slots",
    "Settlement (SEK)",
};

void compare_metrics_release(CompareMetrics *m)
{
    if (!m)
        return;
    free(m->home_assigned);
    free(m->home_unassigned);
    free(m->groups_hosted);
    free(m->taught);
    memset(m, 0, sizeof *m);
}

/* Outbound km from home to x, 0 at home or when unreachable (a plan never
 * sends anyone along an unreachable pair). */
static double km_from(const Scenario *s, int home, int x)
{
    if (x < 0 || x == home)
        return 0.0;
    double km = scenario_km(s, home, x);
    return km > 0 ? km : 0.0;
}

/* Adds the slot use of assigned participant i to use[slot·(W+1) + w]. */
static void add_slot_use(const Scenario *s, const PlanCohort *pc, const PlanAssignment *a, int *use)
{
    const Track *t = &s->tracks[pc->track];
    int k = 0;
    for (int mi = 0; mi < t->nmodules; mi++) {
        const Module *mod = &t->modules[mi];
        if (mod->kind != MODULE_PLACEMENT)
            continue;
        if (k < a->nslots && a->slots[k] >= 0 && a->slots[k] < s->nslots) {
            for (int w = pc->start + mod->offset; w < pc->start + mod->offset + mod->weeks; w++)
                if (w >= 1 && w <= s->weeks)
                    use[(size_t)a->slots[k] * (size_t)(s->weeks + 1) + (size_t)w]++;
        }
        k++;
    }
}

int compare_metrics_compute(const Scenario *s, const Plan *plan, CompareMetrics *m)
{
    memset(m, 0, sizeof *m);
    size_t nm = s->nmunicipalities > 0 ? (size_t)s->nmunicipalities : 1;
    size_t nuse = (size_t)(s->nslots > 0 ? s->nslots : 1) * (size_t)(s->weeks + 1);
    m->home_assigned = calloc(nm, sizeof *m->home_assigned);
    m->home_unassigned = calloc(nm, sizeof *m->home_unassigned);
    m->groups_hosted = calloc(nm, sizeof *m->groups_hosted);
    m->taught = calloc(nm, sizeof *m->taught);
    int *use = calloc(nuse, sizeof *use);
    Settlement st = {0};
    if (!m->home_assigned || !m->home_unassigned || !m->groups_hosted || !m->taught || !use ||
        settlement_compute(s, plan, &st)) {
        free(use);
        compare_metrics_release(m);
        return -1;
    }
    m->nmunicipalities = s->nmunicipalities;
    m->status = plan->status;
    m->value = plan->value;
    m->bound = plan->bound;
    m->gap = plan->gap;
    /* shown in whole SEK: down, so that it stays a bound, unless it is
     * the cost itself (an optimal plan), shown as the cost is */
    m->cost_bound = plan->status == PLAN_OPTIMAL ? plan->cost_bound : floor(plan->cost_bound);
    /* in tenths of a percent, rounded up: said as "at most" */
    m->cost_gap = isfinite(plan->cost_gap) ? plan_percent_up(plan->cost_gap, 1) / 100.0 : NAN;
    m->participants = s->nparticipants;

    const TravelParams *tp = &s->travel;
    for (int i = 0; i < s->nparticipants && i < plan->nassignments; i++) {
        const Participant *p = &s->participants[i];
        const PlanAssignment *a = &plan->assignments[i];
        int c = a->cohort;
        if (c < 0 || c >= plan->ncohorts) {
            m->unassigned++;
            m->group_unassigned[p->group]++;
            m->gender_unassigned[p->gender]++;
            m->home_unassigned[p->home]++;
            continue;
        }
        m->assigned++;
        m->group_assigned[p->group]++;
        m->gender_assigned[p->gender]++;
        m->home_assigned[p->home]++;
        const PlanCohort *pc = &plan->cohorts[c];
        const Track *t = &s->tracks[pc->track];
        if (pc->host >= 0 && t->has_course) {
            m->taught[pc->host]++;
            double km = km_from(s, p->home, pc->host);
            TravelMode mode = plan_travel_of(s, plan, i);
            if (mode == TRAVEL_RELOCATE) {
                m->relocating++;
                double trips = 2.0 * km * t->course_weeks;
                m->course_km += trips;
                m->course_travel_cost += trips * tp->cost_per_km;
                m->accommodation_cost += tp->accommodation_per_week * t->course_weeks;
            } else {
                double trips = 2.0 * km * tp->days_per_week * t->course_weeks;
                m->course_km += trips;
                m->course_travel_cost += trips * tp->cost_per_km;
            }
        }
        int k = 0;
        for (int mi = 0; mi < t->nmodules; mi++) {
            const Module *mod = &t->modules[mi];
            if (mod->kind != MODULE_PLACEMENT)
                continue;
            if (k < a->nslots && a->slots[k] >= 0 && a->slots[k] < s->nslots) {
                double km = km_from(s, p->home, s->slots[a->slots[k]].municipality);
                double trips = 2.0 * km * tp->days_per_week * mod->weeks;
                m->placement_km += trips;
                m->placement_travel_cost += trips * tp->cost_per_km;
            }
            k++;
        }
        add_slot_use(s, pc, a, use);
    }
    for (int c = 0; c < plan->ncohorts; c++) {
        const PlanCohort *pc = &plan->cohorts[c];
        if (pc->host < 0 || !s->tracks[pc->track].has_course)
            continue;
        m->groups_hosted[pc->host] += pc->groups;
        m->hosting_cost += pc->groups * s->tracks[pc->track].group_cost;
    }
    m->total_cost =
        m->hosting_cost + m->course_travel_cost + m->accommodation_cost + m->placement_travel_cost;

    double sum = 0.0;
    for (int sl = 0; sl < s->nslots; sl++) {
        for (int w = 1; w <= s->weeks; w++) {
            int room = s->slots[sl].room[w];
            int n = use[(size_t)sl * (size_t)(s->weeks + 1) + (size_t)w];
            if (n > 0)
                m->slot_weeks_used++;
            if (room <= 0)
                continue;
            double u = (double)n / room;
            m->slot_weeks_open++;
            sum += u;
            if (u > m->peak_utilisation)
                m->peak_utilisation = u;
        }
    }
    m->average_utilisation = m->slot_weeks_open ? sum / (double)m->slot_weeks_open : 0.0;

    for (int r = 0; r < st.ngross; r++)
        m->settlement_gross += st.rows[r].amount;
    settlement_release(&st);
    free(use);
    return 0;
}

/* ---- the table ---------------------------------------------------------- */

typedef struct Builder {
    CompareTable *t;
    int cap;
    int failed;
} Builder;

static char *vformat(const char *fmt, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (n < 0)
        return NULL;
    char *buf = malloc((size_t)n + 1);
    if (buf)
        vsnprintf(buf, (size_t)n + 1, fmt, ap);
    return buf;
}

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    return s;
}

/* Appends a row with every value NaN; returns it, or NULL on out-of-memory
 * (then b->failed is set and later calls do nothing). key and label are
 * taken over (freed on failure). */
static CompareRow *add_row(Builder *b, CompareSection sec, CompareKind kind, char *key, char *label)
{
    CompareTable *t = b->t;
    if (b->failed || !key || !label)
        goto fail;
    if (t->nrows == b->cap) {
        int cap = b->cap ? 2 * b->cap : 64;
        CompareRow *rows = realloc(t->rows, (size_t)cap * sizeof *rows);
        if (!rows)
            goto fail;
        t->rows = rows;
        b->cap = cap;
    }
    CompareRow *row = &t->rows[t->nrows];
    memset(row, 0, sizeof *row);
    row->values = malloc((size_t)t->nruns * sizeof *row->values);
    if (kind == CMP_TEXT)
        row->texts = calloc((size_t)t->nruns, sizeof *row->texts);
    if (!row->values || (kind == CMP_TEXT && !row->texts)) {
        free(row->values);
        free(row->texts);
        goto fail;
    }
    for (int r = 0; r < t->nruns; r++)
        row->values[r] = NAN;
    row->key = key;
    row->label = label;
    row->section = sec;
    row->kind = kind;
    t->nrows++;
    return row;
fail:
    free(key);
    free(label);
    b->failed = 1;
    return NULL;
}

/* Appends a row whose value in each run with metrics is expr, evaluated
 * with m pointing to that run's CompareMetrics. */
#define ROW(sec, kind, keytext, labeltext, expr)                                    \
    do {                                                                             \
        CompareRow *row_ = add_row(&b, sec, kind, format("%s", keytext),             \
                                   format("%s", labeltext));                         \
        if (row_)                                                                    \
            for (int r_ = 0; r_ < nruns; r_++)                                       \
                if (runs[r_].m) {                                                    \
                    const CompareMetrics *m = runs[r_].m;                            \
                    (void)m;                                                         \
                    row_->values[r_] = (expr);                                       \
                }                                                                    \
    } while (0)

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Codes of municipalities for which pick(m, i) holds in some run, sorted
 * and unique, into a new array (borrowed strings); NULL on out-of-memory. */
static const char **collect_codes(const CompareRun *runs, int nruns,
                                  int (*pick)(const CompareMetrics *, int), int *count)
{
    size_t n = 0;
    for (int r = 0; r < nruns; r++)
        if (runs[r].m && runs[r].s)
            n += (size_t)runs[r].s->nmunicipalities;
    const char **codes = malloc((n ? n : 1) * sizeof *codes);
    if (!codes)
        return NULL;
    size_t k = 0;
    for (int r = 0; r < nruns; r++) {
        if (!runs[r].m || !runs[r].s)
            continue;
        for (int i = 0; i < runs[r].s->nmunicipalities && i < runs[r].m->nmunicipalities; i++)
            if (pick(runs[r].m, i))
                codes[k++] = runs[r].s->municipalities[i].code;
    }
    qsort(codes, k, sizeof *codes, cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || strcmp(codes[u - 1], codes[i]))
            codes[u++] = codes[i];
    *count = (int)u;
    return codes;
}

static int pick_home(const CompareMetrics *m, int i)
{
    return m->home_assigned[i] + m->home_unassigned[i] > 0;
}

static int pick_host(const CompareMetrics *m, int i)
{
    return m->groups_hosted[i] > 0 || m->taught[i] > 0;
}

/* Name of code in the first run that has it. */
static const char *name_of(const CompareRun *runs, int nruns, const char *code)
{
    for (int r = 0; r < nruns; r++) {
        if (!runs[r].s)
            continue;
        int i = scenario_find_municipality(runs[r].s, code);
        if (i >= 0)
            return runs[r].s->municipalities[i].name;
    }
    return code;
}

/* The per-municipality arrays of a run, in the order of the table's rows. */
enum { ARR_HOME_ASSIGNED, ARR_HOME_UNASSIGNED, ARR_HOST_GROUPS, ARR_HOST_TAUGHT };

static const int *municipal_array(const CompareMetrics *m, int which)
{
    switch (which) {
    case ARR_HOME_ASSIGNED:
        return m->home_assigned;
    case ARR_HOME_UNASSIGNED:
        return m->home_unassigned;
    case ARR_HOST_GROUPS:
        return m->groups_hosted;
    default:
        return m->taught;
    }
}

/* Per-municipality rows: for each code, rows for arrays first..first+1
 * named by suffixes[] (keys) and labels[]. */
static void add_municipality_rows(Builder *b, const CompareRun *runs, int nruns, CompareSection sec,
                                  const char *prefix, const char **codes, int ncodes,
                                  const char *const *suffixes, const char *const *labels, int first)
{
    for (int k = 0; k < ncodes; k++) {
        const char *name = name_of(runs, nruns, codes[k]);
        for (int j = 0; j < 2; j++) {
            CompareRow *row = add_row(b, sec, CMP_COUNT, format("%s.%s.%s", prefix, codes[k], suffixes[j]),
                                      format("%s (%s) %s", name, codes[k], labels[j]));
            if (!row)
                return;
            for (int r = 0; r < nruns; r++) {
                if (!runs[r].m || !runs[r].s)
                    continue;
                int i = scenario_find_municipality(runs[r].s, codes[k]);
                const int *arr = municipal_array(runs[r].m, first + j);
                row->values[r] = i >= 0 && i < runs[r].m->nmunicipalities ? arr[i] : 0;
            }
        }
    }
}

static double share(int part, int whole)
{
    return whole > 0 ? (double)part / whole : NAN;
}

int compare_table_build(const CompareRun *runs, int nruns, CompareTable *t)
{
    memset(t, 0, sizeof *t);
    t->runs = calloc(nruns > 0 ? (size_t)nruns : 1, sizeof *t->runs);
    if (!t->runs)
        return -1;
    t->nruns = nruns;
    for (int r = 0; r < nruns; r++)
        if (!(t->runs[r] = format("%s", runs[r].name))) {
            compare_table_release(t);
            return -1;
        }
    Builder b = {t, 0, 0};

    CompareRow *status = add_row(&b, SEC_RESULT, CMP_TEXT, format("status"), format("status"));
    if (status)
        for (int r = 0; r < nruns; r++) {
            const char *text = runs[r].m ? plan_status_names[runs[r].m->status]
                                         : runs[r].note ? runs[r].note : "not run";
            if (!(status->texts[r] = format("%s", text)))
                b.failed = 1;
        }
    ROW(SEC_RESULT, CMP_NUMBER, "value", "value", m->value);
    ROW(SEC_RESULT, CMP_NUMBER, "bound", "bound on the value", m->bound);
    ROW(SEC_RESULT, CMP_SHARE, "gap", "gap", isfinite(m->gap) ? m->gap : NAN);
    ROW(SEC_RESULT, CMP_COUNT, "participants", "participants", m->participants);
    ROW(SEC_RESULT, CMP_COUNT, "assigned", "assigned", m->assigned);
    ROW(SEC_RESULT, CMP_COUNT, "unassigned", "unassigned", m->unassigned);
    ROW(SEC_RESULT, CMP_SHARE, "assigned_share", "assigned share", share(m->assigned, m->participants));

    for (int g = 0; g < GROUP_COUNT; g++) {
        char key[64], label[64];
        snprintf(key, sizeof key, "group.%s.assigned", group_names[g]);
        snprintf(label, sizeof label, "%s assigned", group_names[g]);
        ROW(SEC_GROUP, CMP_COUNT, key, label, m->group_assigned[g]);
        snprintf(key, sizeof key, "group.%s.unassigned", group_names[g]);
        snprintf(label, sizeof label, "%s unassigned", group_names[g]);
        ROW(SEC_GROUP, CMP_COUNT, key, label, m->group_unassigned[g]);
    }
    for (int g = 0; g < GENDER_COUNT; g++) {
        char key[64], label[64];
        snprintf(key, sizeof key, "gender.%s.assigned", gender_names[g]);
        snprintf(label, sizeof label, "%s assigned", gender_names[g]);
        ROW(SEC_GENDER, CMP_COUNT, key, label, m->gender_assigned[g]);
        snprintf(key, sizeof key, "gender.%s.unassigned", gender_names[g]);
        snprintf(label, sizeof label, "%s unassigned", gender_names[g]);
        ROW(SEC_GENDER, CMP_COUNT, key, label, m->gender_unassigned[g]);
    }

    static const char *const home_suffix[] = {"assigned", "unassigned"};
    static const char *const host_suffix[] = {"groups", "participants"};
    static const char *const host_label[] = {"course groups", "participants taught"};
    int ncodes = 0;
    const char **codes = b.failed ? NULL : collect_codes(runs, nruns, pick_home, &ncodes);
    if (!codes)
        b.failed = 1;
    else
        add_municipality_rows(&b, runs, nruns, SEC_HOME, "home", codes, ncodes, home_suffix,
                              home_suffix, ARR_HOME_ASSIGNED);
    free(codes);

    ROW(SEC_COST, CMP_SEK, "cost.total", "total cost", m->total_cost);
    ROW(SEC_COST, CMP_SEK, "cost.bound", "least cost at least", m->cost_bound);
    ROW(SEC_COST, CMP_SHARE, "cost.gap", "cost a better plan could save, at most", m->cost_gap);
    ROW(SEC_COST, CMP_SEK, "cost.hosting", "hosting (course groups)", m->hosting_cost);
    ROW(SEC_COST, CMP_SEK, "cost.course_travel", "course travel", m->course_travel_cost);
    ROW(SEC_COST, CMP_SEK, "cost.accommodation", "accommodation", m->accommodation_cost);
    ROW(SEC_COST, CMP_SEK, "cost.placement_travel", "placement travel", m->placement_travel_cost);
    ROW(SEC_COST, CMP_SEK, "cost.per_assigned", "cost per assigned participant",
        m->assigned > 0 ? m->total_cost / m->assigned : NAN);

    ROW(SEC_TRAVEL, CMP_KM, "km.course", "km travelled to courses", m->course_km);
    ROW(SEC_TRAVEL, CMP_KM, "km.placement", "km travelled to placements", m->placement_km);
    ROW(SEC_TRAVEL, CMP_KM, "km.total", "km travelled in all", m->course_km + m->placement_km);
    ROW(SEC_TRAVEL, CMP_COUNT, "relocating", "participants relocating", m->relocating);

    codes = b.failed ? NULL : collect_codes(runs, nruns, pick_host, &ncodes);
    if (!codes)
        b.failed = 1;
    else
        add_municipality_rows(&b, runs, nruns, SEC_HOSTING, "host", codes, ncodes, host_suffix,
                              host_label, ARR_HOST_GROUPS);
    free(codes);

    /* without a slot-week open a utilisation is not applicable (empty),
     * not 0 (tester, twenty-eighth session) */
    ROW(SEC_SLOTS, CMP_SHARE, "slots.peak_utilisation", "peak slot utilisation",
        m->slot_weeks_open ? m->peak_utilisation : NAN);
    ROW(SEC_SLOTS, CMP_SHARE, "slots.average_utilisation", "average slot utilisation",
        m->slot_weeks_open ? m->average_utilisation : NAN);
    ROW(SEC_SLOTS, CMP_COUNT, "slots.weeks_used", "slot-weeks used", (double)m->slot_weeks_used);
    ROW(SEC_SLOTS, CMP_COUNT, "slots.weeks_open", "slot-weeks open", (double)m->slot_weeks_open);

    ROW(SEC_SETTLEMENT, CMP_SEK, "settlement.gross", "gross paid between municipalities",
        m->settlement_gross);

    if (b.failed) {
        compare_table_release(t);
        return -1;
    }
    return 0;
}

const CompareRow *compare_table_find(const CompareTable *t, const char *key)
{
    for (int i = 0; i < t->nrows; i++)
        if (strcmp(t->rows[i].key, key) == 0)
            return &t->rows[i];
    return NULL;
}

double compare_delta(const CompareRow *row, int r)
{
    if (row->kind == CMP_TEXT)
        return NAN;
    double a = row->values[0], v = row->values[r];
    if (isnan(a) || isnan(v))
        return NAN;
    return v - a;
}

void compare_table_release(CompareTable *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->nrows; i++) {
        CompareRow *row = &t->rows[i];
        free(row->key);
        free(row->label);
        free(row->values);
        if (row->texts)
            for (int r = 0; r < t->nruns; r++)
                free(row->texts[r]);
        free(row->texts);
    }
    free(t->rows);
    if (t->runs)
        for (int r = 0; r < t->nruns; r++)
            free(t->runs[r]);
    free(t->runs);
    memset(t, 0, sizeof *t);
}
