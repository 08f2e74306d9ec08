/*
 * plan_agree.c — the plan files' totals against each other (see
 * plan_agree.h).
 */
#include "plan_agree.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Diagnostics of one kind shown at most; the rest only counted in rc. */
#define AGREE_SHOWN 5

/* dir/name into buf, as io/plan_read.c names the files in its messages. */
static const char *in_dir(char *buf, size_t size, const char *dir, const char *name)
{
    snprintf(buf, size, "%s/%s", dir, name);
    return buf;
}

static const char *const redo = "the plan's files disagree (edited by hand?); write the plan anew with "
                                "samplan solve";

/* ---- summary.json's own totals ------------------------------------------ */

static int check_counts(const PlanRead *pr, const char *key, const PlanCounts *pc, int track,
                        const char *summary, DiagList *diags)
{
    if (track && pc->n == 0)
        return 0; /* by_track is optional */
    long a = 0, u = 0;
    for (int i = 0; i < pc->n; i++)
        a += pc->items[i].assigned, u += pc->items[i].unassigned;
    if (a == pr->assigned && (track || u == pr->unassigned))
        return 0;
    if (track)
        diag_add(diags, summary, 0, 0, "%s adds up to %ld assigned, but assigned is %ld: %s", key, a,
                 pr->assigned, redo);
    else
        diag_add(diags, summary, 0, 0, "%s adds up to %ld assigned and %ld unassigned, but assigned "
                 "is %ld and unassigned %ld: %s", key, a, u, pr->assigned, pr->unassigned, redo);
    return 2;
}

/* Within summation noise and the decimals the files are written with. */
static int near(double a, double b, long terms)
{
    return fabs(a - b) <= 1e-6 * (double)(terms + 1) + 1e-9 * fmax(fabs(a), fabs(b));
}

static int check_summary(const PlanRead *pr, const char *dir, DiagList *diags)
{
    char summary[4096], assignments[4096];
    in_dir(summary, sizeof summary, dir, "summary.json");
    in_dir(assignments, sizeof assignments, dir, "assignments.csv");
    int rc = 0;
    static const char *const keys[] = {"by_group", "by_gender", "by_home", "by_track"};
    const PlanCounts *counts[] = {&pr->by_group, &pr->by_gender, &pr->by_home, &pr->by_track};
    for (int k = 0; k < 4; k++)
        if (check_counts(pr, keys[k], counts[k], k == 3, summary, diags))
            rc = 2;
    int no_plan = strcmp(pr->status, "infeasible") == 0 || strcmp(pr->status, "error") == 0;
    if (no_plan && pr->assigned > 0) {
        diag_add(diags, summary, 0, 0, "status '%s' (no plan) with %ld participants assigned: %s",
                 pr->status, pr->assigned, redo);
        rc = 2;
    }
    if (isfinite(pr->cost) && isfinite(pr->hosting_cost) && isfinite(pr->travel_cost) &&
        !near(pr->cost, pr->hosting_cost + pr->travel_cost, 2)) {
        diag_add(diags, summary, 0, 0, "cost %.6f is not hosting_cost %.6f + travel_cost %.6f: %s",
                 pr->cost, pr->hosting_cost, pr->travel_cost, redo);
        rc = 2;
    }
    if (isfinite(pr->travel_cost)) {
        double sum = 0.0;
        for (int i = 0; i < pr->nassignments; i++)
            sum += pr->assignments[i].cost;
        if (!near(sum, pr->travel_cost, pr->nassignments)) {
            diag_add(diags, assignments, 0, 0, "the participants' costs add up to %.6f, but "
                     "summary.json's travel_cost is %.6f: %s", sum, pr->travel_cost, redo);
            rc = 2;
        }
    }
    return rc;
}

/* ---- schedule.csv against assignments.csv -------------------------------- */

typedef struct CohortKey {
    const char *track, *host;
    int start;
} CohortKey;

static int cmp_key(const CohortKey *a, const CohortKey *b)
{
    int c = strcmp(a->track, b->track);
    if (!c)
        c = strcmp(a->host, b->host);
    return c ? c : (a->start > b->start) - (a->start < b->start);
}

static int cmp_key_v(const void *a, const void *b)
{
    return cmp_key(a, b);
}

/* Entries of keys[0 .. n) (sorted) equal to k. */
static long count_equal(const CohortKey *keys, long n, const CohortKey *k)
{
    long lo = 0, hi = n;
    while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        if (cmp_key(&keys[mid], k) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    long end = lo;
    while (end < n && cmp_key(&keys[end], k) == 0)
        end++;
    return end - lo;
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

static int check_schedule(const PlanRead *pr, const char *dir, DiagList *diags)
{
    char summary[4096], assignments[4096], schedule[4096];
    in_dir(summary, sizeof summary, dir, "summary.json");
    in_dir(assignments, sizeof assignments, dir, "assignments.csv");
    in_dir(schedule, sizeof schedule, dir, "schedule.csv");
    long na = 0, ns = pr->nschedule;
    CohortKey *members = malloc((size_t)(pr->nassignments ? pr->nassignments : 1) * sizeof *members);
    CohortKey *rows = malloc((size_t)(ns ? ns : 1) * sizeof *rows);
    if (!members || !rows) {
        free(members);
        free(rows);
        diag_add(diags, dir, 0, 0, "out of memory");
        return 1;
    }
    int rc = 0, shown = 0;
    for (int i = 0; i < pr->nassignments; i++) {
        const PlanAssignmentRow *a = &pr->assignments[i];
        if (!a->assigned)
            continue;
        members[na++] = (CohortKey){or_empty(a->track), or_empty(a->host), a->start_week};
        if (a->start_week > a->end_week) {
            if (shown++ < AGREE_SHOWN)
                diag_add(diags, assignments, a->line, 0, "participant '%s' starts in week %d, after their "
                         "end week %d: %s", a->participant, a->start_week, a->end_week, redo);
            rc = 2;
        }
    }
    qsort(members, (size_t)na, sizeof *members, cmp_key_v);
    shown = 0;
    for (long i = 0; i < ns; i++) {
        const PlanScheduleRow *s = &pr->schedule[i];
        rows[i] = (CohortKey){or_empty(s->track), or_empty(s->host), s->start_week};
        long n = count_equal(members, na, &rows[i]);
        int groupless = s->course && s->participants > 0 && s->groups < 1;
        if (n != s->participants || groupless) {
            if (shown++ < AGREE_SHOWN) {
                if (groupless)
                    diag_add(diags, schedule, s->line, 0, "module '%s' of %s at '%s' from week %d has %d "
                             "participants in no group: %s", or_empty(s->module), rows[i].track, rows[i].host,
                             s->start_week, s->participants, redo);
                else
                    diag_add(diags, schedule, s->line, 0, "module '%s' of %s at '%s' from week %d has %d "
                             "participants, but assignments.csv assigns %ld to that cohort: %s",
                             or_empty(s->module), rows[i].track, rows[i].host, s->start_week, s->participants, n,
                             redo);
            }
            rc = 2;
        }
    }
    qsort(rows, (size_t)ns, sizeof *rows, cmp_key_v);
    long cohorts = 0;
    for (long i = 0; i < ns; i++)
        cohorts += i == 0 || cmp_key(&rows[i - 1], &rows[i]) != 0;
    shown = 0;
    for (long i = 0; i < na; i++) {
        if (i > 0 && cmp_key(&members[i - 1], &members[i]) == 0)
            continue;
        if (count_equal(rows, ns, &members[i]) == 0) {
            if (shown++ < AGREE_SHOWN)
                diag_add(diags, schedule, 0, 0, "no row for the cohort of %s at '%s' from week %d, to "
                         "which assignments.csv assigns participants: %s", members[i].track, members[i].host,
                         members[i].start, redo);
            rc = 2;
        }
    }
    if (pr->cohorts >= 0 && pr->cohorts != cohorts) {
        diag_add(diags, summary, 0, 0, "cohorts is %ld, but schedule.csv has %ld: %s", pr->cohorts,
                 cohorts, redo);
        rc = 2;
    }
    free(members);
    free(rows);
    return rc;
}

/* ---- settlement.csv: gross rows and their net balances ------------------- */

/* The gross or the net rows, sorted by payer and payee, to find a pair's
 * row by bisection: a national plan has thousands (national 50 000: 6 070
 * rows, where a scan per row added 0.2 s to the report). Rows are kept
 * as pointers into pr->settlement, so their order there breaks ties. */
typedef struct PairIndex {
    const PlanSettlementRow **rows;
    int n;
} PairIndex;

static int cmp_pair(const PlanSettlementRow *a, const char *payer, const char *payee)
{
    int c = strcmp(or_empty(a->payer), payer);
    return c ? c : strcmp(or_empty(a->payee), payee);
}

static int cmp_rows(const void *x, const void *y)
{
    const PlanSettlementRow *a = *(const PlanSettlementRow *const *)x, *b = *(const PlanSettlementRow *const *)y;
    int c = cmp_pair(a, or_empty(b->payer), or_empty(b->payee));
    return c ? c : (a > b) - (a < b);
}

/* The rows of settlement.csv with net = `net`, indexed; −1 on out of memory. */
static int index_rows(const PlanRead *pr, int net, PairIndex *ix)
{
    ix->n = 0;
    ix->rows = malloc((size_t)(pr->nsettlement ? pr->nsettlement : 1) * sizeof *ix->rows);
    if (!ix->rows)
        return -1;
    for (int i = 0; i < pr->nsettlement; i++)
        if (pr->settlement[i].net == net)
            ix->rows[ix->n++] = &pr->settlement[i];
    qsort(ix->rows, (size_t)ix->n, sizeof *ix->rows, cmp_rows);
    return 0;
}

/* The first row (in file order) from payer to payee in ix, or NULL. */
static const PlanSettlementRow *find_pair(const PairIndex *ix, const char *payer, const char *payee)
{
    int lo = 0, hi = ix->n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (cmp_pair(ix->rows[mid], payer, payee) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ix->n && cmp_pair(ix->rows[lo], payer, payee) == 0 ? ix->rows[lo] : NULL;
}

/* What payer owes payee by the gross rows (negative: payee owes). */
static double owed_by(const PairIndex *gross, const char *payer, const char *payee)
{
    const PlanSettlementRow *ab = find_pair(gross, payer, payee), *ba = find_pair(gross, payee, payer);
    return (ab ? ab->amount : 0.0) - (ba ? ba->amount : 0.0);
}

static int check_settlement(const PlanRead *pr, const char *dir, DiagList *diags)
{
    char settlement[4096];
    in_dir(settlement, sizeof settlement, dir, "settlement.csv");
    PairIndex gross, net;
    if (index_rows(pr, 0, &gross) || index_rows(pr, 1, &net)) {
        free(gross.rows);
        diag_add(diags, dir, 0, 0, "out of memory");
        return 1;
    }
    int rc = 0, shown = 0;
    for (int i = 0; i < pr->nsettlement; i++) {
        const PlanSettlementRow *s = &pr->settlement[i];
        const char *payer = or_empty(s->payer), *payee = or_empty(s->payee);
        const char *why = NULL;
        if (strcmp(payer, payee) == 0)
            why = "a payment from a municipality to itself";
        else if (!s->net && find_pair(&gross, payer, payee) != s)
            why = "a second gross row for the same payer and payee";
        else if (s->net && (find_pair(&net, payer, payee) != s || find_pair(&net, payee, payer)))
            why = "a second net row for the same pair";
        else if (s->net && !near(s->amount, owed_by(&gross, payer, payee), 2))
            why = "a net transfer that is not the balance of the pair's gross rows";
        /* a pair whose gross rows do not balance has its net row */
        double owed = s->net ? 0.0 : owed_by(&gross, payer, payee);
        if (!why && !near(owed, 0.0, 2) && !find_pair(&net, owed > 0 ? payer : payee, owed > 0 ? payee : payer))
            why = "a gross payment whose pair's balance has no net row";
        if (why) {
            if (shown++ < AGREE_SHOWN)
                diag_add(diags, settlement, s->line, 0, "%s ('%s' to '%s', %.6f SEK): %s", why, payer, payee,
                         s->amount, redo);
            rc = 2;
        }
    }
    free(gross.rows);
    free(net.rows);
    return rc;
}

int plan_agree_check(const PlanRead *pr, const char *dir, DiagList *diags)
{
    int rc = check_summary(pr, dir, diags);
    int r2 = check_schedule(pr, dir, diags);
    if (r2 == 1)
        return 1;
    int r3 = check_settlement(pr, dir, diags);
    if (r3 == 1)
        return 1;
    return rc || r2 || r3 ? 2 : 0;
}
