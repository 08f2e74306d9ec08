/*
 * settlement.c — gross and net inter-municipal seat payments (see
 * settlement.h). Pairs are accumulated in a dense nmunicipalities² table of
 * participant-weeks (290² longs at national size), so the cost is linear in
 * participants plus the table.
 */
#include "settlement.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csv_write.h"

static const Scenario *sort_scenario; /* for qsort; single-threaded use */

static int row_cmp(const void *a, const void *b)
{
    const SettlementRow *x = a, *y = b;
    int c = strcmp(sort_scenario->municipalities[x->payer].code,
                   sort_scenario->municipalities[y->payer].code);
    if (c)
        return c;
    c = strcmp(sort_scenario->municipalities[x->payee].code,
               sort_scenario->municipalities[y->payee].code);
    if (c)
        return c;
    return (x->payer > y->payer) - (x->payer < y->payer);
}

static double seat_price(const Scenario *s, int host)
{
    int c = s->centre_of[host];
    return c >= 0 ? s->centres[c].seat_price_per_week : 0.0;
}

int settlement_compute(const Scenario *s, const Plan *plan, Settlement *out)
{
    memset(out, 0, sizeof *out);
    size_t n = (size_t)s->nmunicipalities;
    if (n == 0)
        return 0;
    long *weeks = calloc(n * n, sizeof *weeks); /* [payer * n + payee] */
    if (!weeks)
        return -1;
    for (int i = 0; i < plan->nassignments && i < s->nparticipants; i++) {
        const PlanAssignment *a = &plan->assignments[i];
        if (a->cohort < 0 || a->cohort >= plan->ncohorts)
            continue;
        const PlanCohort *c = &plan->cohorts[a->cohort];
        const Track *t = &s->tracks[c->track];
        int home = s->participants[i].home;
        if (c->host < 0 || !t->has_course || c->host == home)
            continue;
        weeks[(size_t)home * n + (size_t)c->host] += t->course_weeks;
    }
    size_t npairs = 0;
    for (size_t k = 0; k < n * n; k++)
        if (weeks[k] > 0)
            npairs++;
    /* at most one net row per gross pair */
    SettlementRow *rows = malloc((2 * npairs + 1) * sizeof *rows);
    if (!rows) {
        free(weeks);
        return -1;
    }
    int nrows = 0;
    for (size_t a = 0; a < n; a++)
        for (size_t b = 0; b < n; b++)
            if (weeks[a * n + b] > 0) {
                long w = weeks[a * n + b];
                rows[nrows++] = (SettlementRow){SETTLEMENT_GROSS, (int)a, (int)b, w,
                                                (double)w * seat_price(s, (int)b)};
            }
    int ngross = nrows;
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++) {
            long wab = weeks[a * n + b], wba = weeks[b * n + a];
            if (wab == 0 && wba == 0)
                continue;
            double ab = (double)wab * seat_price(s, (int)b);
            double ba = (double)wba * seat_price(s, (int)a);
            double bal = ab - ba;
            if (fabs(bal) <= SETTLEMENT_EPS)
                continue;
            if (bal > 0)
                rows[nrows++] = (SettlementRow){SETTLEMENT_NET, (int)a, (int)b, -1, bal};
            else
                rows[nrows++] = (SettlementRow){SETTLEMENT_NET, (int)b, (int)a, -1, -bal};
        }
    free(weeks);
    sort_scenario = s;
    qsort(rows, (size_t)ngross, sizeof *rows, row_cmp);
    qsort(rows + ngross, (size_t)(nrows - ngross), sizeof *rows, row_cmp);
    sort_scenario = NULL;
    out->rows = rows;
    out->nrows = nrows;
    out->ngross = ngross;
    return 0;
}

void settlement_write_csv(const Scenario *s, const Settlement *st, FILE *f)
{
    csv_header(f, "kind,payer,payee,participant_weeks,amount");
    CsvOut o = {f, 0};
    for (int i = 0; i < st->nrows; i++) {
        const SettlementRow *r = &st->rows[i];
        csv_str(&o, r->kind == SETTLEMENT_GROSS ? "gross" : "net");
        csv_str(&o, s->municipalities[r->payer].code);
        csv_str(&o, s->municipalities[r->payee].code);
        if (r->participant_weeks >= 0)
            csv_int(&o, r->participant_weeks);
        else
            csv_empty(&o);
        csv_real(&o, r->amount);
        csv_end(&o);
    }
}

void settlement_release(Settlement *st)
{
    free(st->rows);
    st->rows = NULL;
    st->nrows = st->ngross = 0;
}
