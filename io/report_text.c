/*
 * report_text.c — report.md of a plan directory (see report_text.h).
 */
#include "report_text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_write.h"
#include "plan_tables.h"
#include "week_dates.h"

/* A table cell: '|' escaped, line breaks as spaces. */
static void cell(FILE *f, const char *s)
{
    fputs("| ", f);
    for (; s && *s; s++) {
        if (*s == '|')
            fputs("\\|", f);
        else if (*s == '\n' || *s == '\r')
            putc(' ', f);
        else
            putc(*s, f);
    }
    putc(' ', f);
}

static void cell_int(FILE *f, long v)
{
    fprintf(f, "| %ld ", v);
}

static void cell_num(FILE *f, double v)
{
    char buf[SP_NUMBER_BUF];
    cell(f, sp_format_double(v, buf));
}

/* "2027-W05 (2027-02-01)" for plan week w. */
static void week_label(const Scenario *s, int w, char out[40])
{
    char date[11], iso[16];
    scenario_week_date(s, w, date);
    iso_week_label(date, iso);
    snprintf(out, 40, "%s (%s)", iso, date);
}

static const char *mun(const Scenario *s, int m)
{
    return m >= 0 ? s->municipalities[m].name : "";
}

/* Money for people: whole öre (the CSV files keep every digit). */
static void money(FILE *f, const char *label, double v)
{
    fprintf(f, "- %s: %.2f SEK\n", label, v);
}

static void totals(FILE *f, const Scenario *s, const Plan *plan, long assigned)
{
    char a[40], b[40];
    double travel = 0;
    for (int i = 0; i < plan->nassignments; i++)
        if (plan->assignments[i].cohort >= 0)
            travel += plan->assignments[i].cost;
    fprintf(f, "# Plan for %s%s%s\n\n", s->name ? s->name : "",
            s->variant ? ", variant " : "", s->variant ? s->variant : "");
    week_label(s, 1, a);
    week_label(s, s->weeks, b);
    fprintf(f, "- Horizon: %d weeks, week 1 = %s to week %d = %s\n", s->weeks, a, s->weeks, b);
    fprintf(f, "- Cooperation: %s\n", s->cooperation ? "yes" : "no (each municipality alone)");
    fprintf(f, "- Status: %s\n", plan_status_names[plan->status]);
    /* people read these: 6 significant digits, the exact figures are in summary.json */
    fprintf(f, "- Value: %.6g (bound %.6g, gap %.3g %%)\n", plan->value, plan->bound, 100.0 * plan->gap);
    /* gap is relative only from a bound of 1 up (docs/model.md); the
     * bound is rounded up, so that what is said stays true */
    if (plan->status == PLAN_FEASIBLE && plan->gap > 0.0 && isfinite(plan->bound) && plan->bound >= 1.0) {
        fprintf(f, "- What the gap means: no plan can be worth more than %.10g, so this one is within %g %% "
                   "of the best possible. The bound comes from a relaxation and can lie well above the best "
                   "plan that exists, so the true shortfall may be smaller.\n",
                ceil(plan->bound * 100.0) / 100.0, plan_percent_up(plan->gap, 2));
    }
    if (plan_only_cost_unproven(plan))
        fputs("- What the status means: the value is proven the best; the solve stopped before proving "
              "the cost the least among plans of that value.\n", f);
    /* the cost bound is rounded down (solver/solve.c), so that what is
     * said stays true */
    if (plan->status == PLAN_FEASIBLE && isfinite(plan->cost_bound)) {
        fprintf(f, "- Least cost: no plan worth at least this plan's value can cost less than %.2f SEK, so a "
                   "better plan could save at most %g %% of the cost. The bound comes from a relaxation, so "
                   "the true saving may be smaller.\n",
                plan->cost_bound, plan_percent_up(plan->cost_gap, 2));
    }
    fprintf(f, "- Participants: %d, assigned %ld, unassigned %ld\n", s->nparticipants,
            assigned, (long)s->nparticipants - assigned);
    money(f, "Cost", plan->cost);
    money(f, "Hosting (course groups)", plan->hosting_cost);
    money(f, "Travel and accommodation", travel);
    fprintf(f, "- Solve time: %.2f s\n\n", plan->seconds);
}

static void schedule(FILE *f, const Scenario *s, const Plan *plan, const int *sizes,
                     const int *order)
{
    fputs("## Schedule\n\n", f);
    /* "to" is the last week, shown by its Monday (it read as an end
     * date: review, twenty-sixth session) */
    fputs("*start week* and *plan weeks* count from week 1, the scenario's start; *from* and *to* are "
          "a module's first and last week, each shown as its ISO week and that week's Monday.\n\n", f);
    fputs("| track | host | start week | module | kind | plan weeks | from | to | groups | participants |\n"
          "|---|---|---|---|---|---|---|---|---|---|\n", f);
    int rows = 0;
    for (int k = 0; k < plan->ncohorts; k++) {
        int c = order ? order[k] : k;
        const PlanCohort *pc = &plan->cohorts[c];
        int n = sizes ? sizes[c] : pc->participants;
        if (pc->groups <= 0 && n <= 0)
            continue;
        const Track *t = &s->tracks[pc->track];
        for (int m = 0; m < t->nmodules; m++) {
            const Module *mo = &t->modules[m];
            int from = pc->start + mo->offset, to = from + mo->weeks - 1;
            char a[40], b[40], wk[32];
            week_label(s, from, a);
            week_label(s, to, b);
            snprintf(wk, sizeof wk, "%d–%d", from, to);
            cell(f, t->id);
            cell(f, pc->host >= 0 ? mun(s, pc->host) : "(no host)");
            cell_int(f, pc->start);
            cell(f, mo->name);
            cell(f, mo->kind == MODULE_COURSE ? "course" : "placement");
            cell(f, wk);
            cell(f, a);
            cell(f, b);
            cell_int(f, pc->host >= 0 ? pc->groups : 0);
            cell_int(f, n);
            fputs("|\n", f);
            rows++;
        }
    }
    if (!rows)
        fputs("\nNo cohort is opened.\n", f);
    putc('\n', f);
}

static void hosts(FILE *f, const Scenario *s, const Plan *plan, const int *sizes)
{
    int nm = s->nmunicipalities;
    long *cohorts = calloc(nm > 0 ? (size_t)nm : 1, sizeof *cohorts);
    long *groups = calloc(nm > 0 ? (size_t)nm : 1, sizeof *groups);
    long *people = calloc(nm > 0 ? (size_t)nm : 1, sizeof *people);
    if (cohorts && groups && people) {
        for (int c = 0; c < plan->ncohorts; c++) {
            const PlanCohort *pc = &plan->cohorts[c];
            int n = sizes ? sizes[c] : pc->participants;
            if (pc->host < 0 || (pc->groups <= 0 && n <= 0))
                continue;
            cohorts[pc->host]++;
            groups[pc->host] += pc->groups;
            people[pc->host] += n;
        }
        fputs("## Host centres\n\n| host | code | cohorts | groups | participants |\n"
              "|---|---|---|---|---|\n", f);
        for (int m = 0; m < nm; m++) {
            if (!cohorts[m])
                continue;
            cell(f, mun(s, m));
            cell(f, s->municipalities[m].code);
            cell_int(f, cohorts[m]);
            cell_int(f, groups[m]);
            cell_int(f, people[m]);
            fputs("|\n", f);
        }
        putc('\n', f);
    }
    free(cohorts);
    free(groups);
    free(people);
}

static void breakdowns(FILE *f, const Scenario *s, const Plan *plan)
{
    long grp[GROUP_COUNT][2] = {{0}}, gen[GENDER_COUNT][2] = {{0}};
    int nm = s->nmunicipalities;
    long *home = calloc(nm > 0 ? 2 * (size_t)nm : 1, sizeof *home);
    for (int i = 0; i < s->nparticipants; i++) {
        const Participant *p = &s->participants[i];
        int out = !(i < plan->nassignments && plan->assignments[i].cohort >= 0);
        grp[p->group][out]++;
        gen[p->gender][out]++;
        if (home)
            home[2 * p->home + out]++;
    }
    fputs("## Results by group\n\n| group | assigned | unassigned |\n|---|---|---|\n", f);
    for (int g = 0; g < GROUP_COUNT; g++)
        fprintf(f, "| %s | %ld | %ld |\n", group_names[g], grp[g][0], grp[g][1]);
    fputs("\n## Results by gender\n\n| gender | assigned | unassigned |\n|---|---|---|\n", f);
    for (int g = 0; g < GENDER_COUNT; g++)
        fprintf(f, "| %s | %ld | %ld |\n", gender_names[g], gen[g][0], gen[g][1]);
    if (home) {
        fputs("\n## Results by home municipality\n\n"
              "| home | code | assigned | unassigned |\n|---|---|---|---|\n", f);
        for (int m = 0; m < nm; m++) {
            if (!home[2 * m] && !home[2 * m + 1])
                continue;
            cell(f, mun(s, m));
            cell(f, s->municipalities[m].code);
            cell_int(f, home[2 * m]);
            cell_int(f, home[2 * m + 1]);
            fputs("|\n", f);
        }
    }
    putc('\n', f);
    free(home);
}

static void settlement(FILE *f, const Scenario *s, const Settlement *st)
{
    fputs("## Settlement (course seats)\n\n", f);
    if (!st || st->nrows == 0) {
        fputs("No participant takes a course outside the home municipality.\n\n", f);
        return;
    }
    fputs("| kind | payer | payee | participant-weeks | amount (SEK) |\n|---|---|---|---|---|\n", f);
    for (int r = 0; r < st->nrows; r++) {
        const SettlementRow *row = &st->rows[r];
        cell(f, row->kind == SETTLEMENT_GROSS ? "gross" : "net");
        cell(f, mun(s, row->payer));
        cell(f, mun(s, row->payee));
        if (row->participant_weeks >= 0)
            cell_int(f, row->participant_weeks);
        else
            cell(f, "");
        cell_num(f, row->amount);
        fputs("|\n", f);
    }
    putc('\n', f);
}

static void unassigned(FILE *f, const Scenario *s, const Plan *plan,
                       const char *const *reasons)
{
    long n = 0;
    for (int i = 0; i < s->nparticipants; i++)
        if (!(i < plan->nassignments && plan->assignments[i].cohort >= 0))
            n++;
    if (!n)
        return;
    fputs("## Unassigned participants\n\n| participant | home | group | reason |\n"
          "|---|---|---|---|\n", f);
    long shown = 0;
    for (int i = 0; i < s->nparticipants && shown < REPORT_MAX_UNASSIGNED; i++) {
        if (i < plan->nassignments && plan->assignments[i].cohort >= 0)
            continue;
        const Participant *p = &s->participants[i];
        cell(f, p->id);
        cell(f, mun(s, p->home));
        cell(f, group_names[p->group]);
        cell(f, reasons ? reasons[i] : "");
        fputs("|\n", f);
        shown++;
    }
    if (shown < n)
        fprintf(f, "\n%ld more in assignments.csv.\n", n - shown);
    putc('\n', f);
}

void report_text_write(const Scenario *s, const Plan *plan, const int *sizes,
                       const int *order, const Settlement *st,
                       const char *const *reasons, FILE *f)
{
    long assigned = 0;
    for (int i = 0; i < plan->nassignments && i < s->nparticipants; i++)
        if (plan->assignments[i].cohort >= 0)
            assigned++;
    totals(f, s, plan, assigned);
    schedule(f, s, plan, sizes, order);
    hosts(f, s, plan, sizes);
    breakdowns(f, s, plan);
    settlement(f, s, st);
    unassigned(f, s, plan, reasons);
}
