/*
 * build.c — the integer program of docs/model.md, built column by column.
 *
 * Order of work: classes → admissible (class, cohort) pairs (eligibility,
 * start window, travel rule, cooperation, a usable slot for every placement
 * module) → cohorts that can never reach min_group are pruned → columns →
 * rows. Week-indexed capacity rows are emitted only where the set of
 * columns changes, keeping the tightest right-hand side, so a 26-week
 * module costs one row per slot, not 26. Rows that cannot bind (the upper
 * bounds of their columns already fit) are skipped.
 */
#include "build.h"
#include "glpk_run.h"

#include "../model/plan.h"
#include "../model/travel.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_VALUE_DIGITS 6

static int slot_reachable(const Scenario *s, const Origin *o, int municipality)
{
    if (!s->cooperation && municipality != o->home)
        return 0;
    if (municipality == o->home)
        return 1;
    double minutes = scenario_minutes(s, o->home, municipality);
    return travel_within(minutes, o->max_minutes);
}

/* ---- growable arrays ----------------------------------------------------- */

static int reserve(void **p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return 0;
    int n = *cap ? *cap : 256;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, (size_t)n * size);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

/* ---- placement demands --------------------------------------------------- */

/* Slot classes usable by demand (o, t, s) for each placement module,
 * collected while the demand is created; −1 in `feasible` when some module
 * has no usable slot class. */
typedef struct DemandInfo {
    int feasible;
    int *options;   /* slot classes, grouped per placement module */
    int *nopt;      /* [nplacement modules] */
} DemandInfo;

typedef struct Builder {
    Model *m;
    int *demand_index;        /* [norigins × ntracks × (W+1)], −2 unknown, −1 infeasible */
    DemandInfo *info;         /* [ndemands] */
    int cap_demands, cap_pairs;
    int **reach;              /* per origin: reachable slot classes */
    int *nreach;
    double deadline;          /* clock_seconds() after which the build gives up */
    int aggregate;            /* 0: the plain program, nothing pruned */
} Builder;

/* 1 when the build is past its deadline (model_build_until), or, with a
 * deadline, after Ctrl-C: the solve then writes its greedy plan at once. */
static int late(const Builder *b)
{
    return isfinite(b->deadline) && (solver_interrupted || clock_seconds() > b->deadline);
}

static size_t demand_key(const Model *m, int o, int t, int s)
{
    return ((size_t)o * (size_t)m->s->ntracks + (size_t)t) * (size_t)(m->s->weeks + 1) + (size_t)s;
}

static int build_reach(Builder *b)
{
    const Scenario *s = b->m->s;
    const Classes *cl = &b->m->classes;
    b->reach = calloc((size_t)(cl->norigins ? cl->norigins : 1), sizeof *b->reach);
    b->nreach = calloc((size_t)(cl->norigins ? cl->norigins : 1), sizeof *b->nreach);
    if (!b->reach || !b->nreach)
        return -1;
    for (int o = 0; o < cl->norigins; o++) {
        b->reach[o] = malloc((size_t)(cl->nsclasses ? cl->nsclasses : 1) * sizeof **b->reach);
        if (!b->reach[o])
            return -1;
        for (int k = 0; k < cl->nsclasses; k++)
            if (slot_reachable(s, &cl->origins[o], cl->sclasses[k].municipality))
                b->reach[o][b->nreach[o]++] = k;
    }
    return 0;
}

static int min_room(const SlotClass *sc, int from, int to)
{
    int r = sc->room[from];
    for (int w = from + 1; w <= to; w++)
        if (sc->room[w] < r)
            r = sc->room[w];
    return r;
}

/* Returns the demand index for (o, t, start), creating it on first use;
 * −1 when infeasible, −2 on out-of-memory. */
static int get_demand(Builder *b, int o, int t, int start)
{
    Model *m = b->m;
    const Scenario *s = m->s;
    size_t key = demand_key(m, o, t, start);
    if (b->demand_index[key] != -2)
        return b->demand_index[key];
    const Track *tr = &s->tracks[t];
    int nplace = 0;
    for (int j = 0; j < tr->nmodules; j++)
        nplace += tr->modules[j].kind == MODULE_PLACEMENT;
    DemandInfo info = {1, NULL, NULL};
    info.nopt = calloc((size_t)(nplace ? nplace : 1), sizeof *info.nopt);
    info.options = malloc((size_t)(nplace * (b->nreach[o] ? b->nreach[o] : 1)) * sizeof *info.options + 1);
    if (!info.nopt || !info.options) {
        free(info.nopt);
        free(info.options);
        return -2;
    }
    int pj = 0, nopts = 0;
    for (int j = 0; j < tr->nmodules && info.feasible; j++) {
        const Module *mod = &tr->modules[j];
        if (mod->kind != MODULE_PLACEMENT)
            continue;
        int from = start + mod->offset, to = from + mod->weeks - 1;
        for (int r = 0; r < b->nreach[o]; r++) {
            const SlotClass *sc = &m->classes.sclasses[b->reach[o][r]];
            /* a slot without room is an option of the plain program too,
             * at an upper bound of 0 (SPEC §4: without any reduction) */
            if (!slot_accepts(s, sc->representative, t) || sc->from_week > from || sc->to_week < to ||
                (b->aggregate && min_room(sc, from, to) < 1))
                continue;
            info.options[nopts++] = b->reach[o][r];
            info.nopt[pj]++;
        }
        if (info.nopt[pj] == 0)
            info.feasible = 0;
        pj++;
    }
    if (!info.feasible) {
        free(info.nopt);
        free(info.options);
        b->demand_index[key] = -1;
        return -1;
    }
    if (reserve((void **)&m->demands, &b->cap_demands, m->ndemands + 1, sizeof *m->demands)) {
        free(info.nopt);
        free(info.options);
        return -2;
    }
    DemandInfo *ni = realloc(b->info, (size_t)b->cap_demands * sizeof *ni);
    if (!ni) {
        free(info.nopt);
        free(info.options);
        return -2;
    }
    b->info = ni;
    b->info[m->ndemands] = info;
    m->demands[m->ndemands] = (Demand){o, t, start, -1, 0};
    b->demand_index[key] = m->ndemands;
    return m->ndemands++;
}

/* ---- admissible pairs ---------------------------------------------------- */

static int add_pairs_for_class(Builder *b, int k, const long *track_first, const long *track_end)
{
    Model *m = b->m;
    const Scenario *s = m->s;
    const ParticipantClass *pc = &m->classes.pclasses[k];
    const Participant *p = &s->participants[pc->members[0]];
    int ntr = p->nprefs ? p->nprefs : s->ntracks;
    for (int i = 0; i < ntr; i++) {
        int t = p->nprefs ? p->prefs[i] : i;
        const Track *tr = &s->tracks[t];
        for (long c = track_first[t]; c < track_end[t]; c++) {
            const Cohort *co = &m->cohorts[c];
            if (co->start < p->earliest_week || co->start > p->latest_week)
                continue;
            int travel = TRAVEL_NONE;
            if (tr->has_course) {
                if (!s->cooperation && co->host != p->home)
                    continue;
                travel = decide_travel(s, p->home, co->host, p->max_minutes, p->can_relocate);
                if (travel < 0)
                    continue;
            }
            int d = -1;
            if (tr->nmodules > 0 && tr->course_weeks < tr->total_weeks) {
                d = get_demand(b, pc->origin, t, co->start);
                if (d == -2)
                    return -1;
                if (d == -1)
                    continue;
            }
            if (reserve((void **)&m->pairs, &b->cap_pairs, m->npairs + 1, sizeof *m->pairs))
                return -1;
            m->pairs[m->npairs++] = (Pair){k, (int)c, travel, d, -1};
        }
    }
    return 0;
}

/* Upper bound on participants of class k in one cohort of track t. */
/* Members of class k that one cohort can take: the whole class (a cohort
 * with several groups can take more than max_group of one class). */
static int pair_bound(const Model *m, const Pair *pr)
{
    return m->classes.pclasses[pr->pclass].count;
}

/* The link coefficient of docs/model.md: class members per group,
 * min(|k|, max_group), so that x ≤ link·g holds for every g ≥ 0. */
static int pair_link(const Model *m, const Pair *pr)
{
    const Track *tr = &m->s->tracks[m->cohorts[pr->cohort].track];
    int n = m->classes.pclasses[pr->pclass].count;
    return tr->max_group < n ? tr->max_group : n;
}

/* Places demands `dem` (of one cohort: one track and start) can ever
 * fill: for each placement module the room of their usable slot classes
 * over the module's weeks, each class counted once, the least over the
 * modules. For one demand, what its origin's participants can fill; for
 * all of a cohort's, what the cohort can: origins that reach the same
 * slots share their room, so summing each origin's capacity would count
 * a slot once per origin (a track whose placement weeks never have room
 * for min_group people anywhere kept every cohort open in the
 * relaxation). `stamp` has one entry per slot class; `tick` marks it per
 * module. */
static long placement_capacity(const Builder *b, const int *dem, int ndem, int *stamp, int *tick)
{
    const Model *m = b->m;
    const Demand *d0 = &m->demands[dem[0]];
    const Track *tr = &m->s->tracks[d0->track];
    long cap = -1;
    int pj = 0;
    for (int j = 0; j < tr->nmodules; j++) {
        const Module *mod = &tr->modules[j];
        if (mod->kind != MODULE_PLACEMENT)
            continue;
        int from = d0->start + mod->offset, to = from + mod->weeks - 1;
        long room = 0;
        ++*tick;
        for (int i = 0; i < ndem; i++) {
            const DemandInfo *info = &b->info[dem[i]];
            int off = 0;
            for (int q = 0; q < pj; q++)
                off += info->nopt[q];
            for (int r = 0; r < info->nopt[pj]; r++) {
                int k = info->options[off + r];
                if (stamp[k] == *tick)
                    continue;
                stamp[k] = *tick;
                room += min_room(&m->classes.sclasses[k], from, to);
            }
        }
        if (cap < 0 || room < cap)
            cap = room;
        pj++;
    }
    return cap < 0 ? 0 : cap;
}

static const Pair *sort_pairs;

static int cmp_pair_cohort_demand(const void *a, const void *b)
{
    const Pair *x = &sort_pairs[*(const int *)a], *y = &sort_pairs[*(const int *)b];
    if (x->cohort != y->cohort)
        return x->cohort < y->cohort ? -1 : 1;
    if (x->demand != y->demand)
        return x->demand < y->demand ? -1 : 1;
    return 0;
}

/* Drops pairs of course cohorts that can never open: fewer potential
 * participants than min_group, or a centre too small for one group. The
 * potential counts, per origin, no more participants than the placement
 * slots within that origin's reach can take in the cohort's placement
 * weeks — a cohort that could only fill up with people who then have no
 * slot is as closed as one nobody can reach — and, over all its origins,
 * no more than the slots any of them reaches (placement_capacity). */
static int prune_pairs(Builder *b, int *gmax)
{
    Model *m = b->m;
    const Scenario *s = m->s;
    long *potential = calloc((size_t)(m->ncohorts ? m->ncohorts : 1), sizeof *potential);
    long *dcap = malloc((size_t)(m->ndemands ? m->ndemands : 1) * sizeof *dcap);
    int *order = malloc((size_t)(m->npairs ? m->npairs : 1) * sizeof *order);
    int *cohort_dem = malloc((size_t)(m->ndemands ? m->ndemands : 1) * sizeof *cohort_dem);
    int *stamp = calloc((size_t)(m->classes.nsclasses ? m->classes.nsclasses : 1), sizeof *stamp);
    if (!potential || !dcap || !order || !cohort_dem || !stamp) {
        free(potential);
        free(dcap);
        free(order);
        free(cohort_dem);
        free(stamp);
        return -1;
    }
    int ndem = 0, tick = 0;
    for (int d = 0; d < m->ndemands; d++)
        dcap[d] = placement_capacity(b, &d, 1, stamp, &tick);
    for (int i = 0; i < m->npairs; i++)
        order[i] = i;
    sort_pairs = m->pairs;
    qsort(order, (size_t)m->npairs, sizeof *order, cmp_pair_cohort_demand);
    for (int i = 0; i < m->npairs;) {
        const Pair *first = &m->pairs[order[i]];
        long sum = 0;
        int j = i;
        while (j < m->npairs && m->pairs[order[j]].cohort == first->cohort &&
               m->pairs[order[j]].demand == first->demand)
            sum += pair_bound(m, &m->pairs[order[j++]]);
        if (first->demand >= 0 && dcap[first->demand] < sum)
            sum = dcap[first->demand];
        potential[first->cohort] += sum;
        if (first->demand >= 0)
            cohort_dem[ndem++] = first->demand;
        i = j;
        if (i == m->npairs || m->pairs[order[i]].cohort != first->cohort) {
            if (ndem > 0) {
                long cap = placement_capacity(b, cohort_dem, ndem, stamp, &tick);
                if (cap < potential[first->cohort])
                    potential[first->cohort] = cap;
            }
            ndem = 0;
        }
    }
    for (long c = 0; c < m->ncohorts; c++) {
        const Cohort *co = &m->cohorts[c];
        const Track *tr = &s->tracks[co->track];
        gmax[c] = 0;
        if (!tr->has_course)
            continue;
        const Centre *ce = &s->centres[s->centre_of[co->host]];
        /* the plain program counts seats only: it is the reference the
         * tests solve with glpsol, so it must not share this pruning */
        long cap = b->aggregate && potential[c] < ce->seats ? potential[c] : ce->seats;
        long g = cap / tr->min_group;
        if (g > ce->max_groups)
            g = ce->max_groups;
        gmax[c] = (int)g;
    }
    int n = 0;
    for (int i = 0; i < m->npairs; i++) {
        const Pair *pr = &m->pairs[i];
        /* the plain program keeps them, at an upper bound of 0 (SPEC §4:
         * without any reduction, one variable per participant and option) */
        if (b->aggregate && s->tracks[m->cohorts[pr->cohort].track].has_course && gmax[pr->cohort] == 0)
            continue;
        m->pairs[n++] = *pr;
    }
    m->npairs = n;
    free(potential);
    free(dcap);
    free(order);
    free(cohort_dem);
    free(stamp);
    return 0;
}

/* ---- value quantum ------------------------------------------------------- */

static double pair_value(const Model *m, const Pair *pr)
{
    const Scenario *s = m->s;
    const ParticipantClass *pc = &m->classes.pclasses[pr->pclass];
    const Participant *p = &s->participants[pc->members[0]];
    return participant_track_value(s, p, m->cohorts[pr->cohort].track);
}

static int find_value_digits(const Model *m)
{
    for (int d = 0; d <= MAX_VALUE_DIGITS; d++) {
        double scale = pow(10.0, d);
        int ok = 1;
        for (int i = 0; i < m->npairs && ok; i++) {
            double v = m->mip.cols[m->pairs[i].col].value * scale;
            if (fabs(v - nearbyint(v)) > 1e-9 * fmax(1.0, fabs(v)) || fabs(v) > 1e12)
                ok = 0;
        }
        if (ok)
            return d;
    }
    return -1;
}

/* ---- the budget on the cost grid ----------------------------------------- */

/* max_cost, lowered to the greatest cost a plan can have within it when
 * every cost is a multiple of 10^-d on whole-number columns (d ≤
 * MAX_VALUE_DIGITS; else max_cost as it is). GLPK takes a row as met
 * within about 1e-7·(1 + |bound|), so a plan costing 7 250 SEK passed a
 * max_cost of 7 249.9999 and its value became GLPK's bound: the best plan
 * within the budget could never be proven (tests/fixtures/budget_rounding,
 * tests/scenarios/budget_hair). On the grid the bound is 7 249, a whole
 * krona from that plan.
 *
 * A cost is on the grid when its multiple of 10^d is within
 * BUDGET_GRID_TOL (relative) of a whole number: the noise of reading a
 * decimal and multiplying, a few units in the last place. Looser let
 * 499 999.99999996 pass for 500 000 (d = 6) and cut off a plan
 * costing exactly max_cost (independent tester, thirty-first session).
 * A plan within the budget then has a grid cost of at most max_cost ×
 * (1 + BUDGET_GRID_TOL), each of its costs being that close to its grid
 * point: max_cost 8 187.18, read as 8 187.179999999999, stays 8 187.18. */
#define BUDGET_GRID_TOL 4e-15
static double budget_on_cost_grid(const Mip *mip, double max_cost)
{
    for (int d = 0; d <= MAX_VALUE_DIGITS; d++) {
        double scale = pow(10.0, d);
        int ok = 1;
        for (int j = 0; j < mip->ncols && ok; j++) {
            const MipCol *c = &mip->cols[j];
            double v = c->cost * scale;
            if (v != 0.0 && (!c->integer || fabs(v) > 1e12 || fabs(v - nearbyint(v)) > BUDGET_GRID_TOL * fabs(v)))
                ok = 0;
        }
        if (!ok)
            continue;
        double b = max_cost * scale;
        if (fabs(b) > 1e15)
            return max_cost;
        return floor(b + BUDGET_GRID_TOL * fmax(1.0, fabs(b))) / scale;
    }
    return max_cost;
}

/* ---- week-indexed capacity rows ------------------------------------------ */

typedef struct WeekItem {
    int col;
    int from, to;  /* weeks the column occupies */
    double coef;
    double ub;     /* the column's upper bound × coef, for redundancy */
} WeekItem;

/* Emits rows Σ coef·col ≤ rhs(w) for weeks 1..W over the items, one per
 * maximal run of weeks with the same active set (keeping the least rhs).
 * rhs[w] < 0 means "no limit this week" is never used: pass the capacity. */
static void emit_week_rows(Mip *mip, const WeekItem *items, int nitems, const double *rhs,
                           int weeks, char tag, int *nrows)
{
    if (nitems == 0)
        return;
    int w = 1;
    while (w <= weeks) {
        /* the run starting at w: until an item starts or ends */
        int end = weeks;
        int active = 0;
        double ubsum = 0.0;
        for (int i = 0; i < nitems; i++) {
            const WeekItem *it = &items[i];
            if (it->from <= w && w <= it->to) {
                active++;
                ubsum += it->ub;
                if (it->to < end)
                    end = it->to;
            } else if (it->from > w && it->from - 1 < end) {
                end = it->from - 1;
            }
        }
        if (active > 0) {
            double r = rhs[w];
            for (int x = w + 1; x <= end; x++)
                if (rhs[x] < r)
                    r = rhs[x];
            if (ubsum > r + 1e-9) {
                int row = mip_add_row(mip, -HUGE_VAL, r, tag);
                for (int i = 0; i < nitems; i++)
                    if (items[i].from <= w && w <= items[i].to)
                        mip_add_coef(mip, row, items[i].col, items[i].coef);
                (*nrows)++;
            }
        }
        w = end + 1;
    }
}

/* Course weeks of a track as intervals relative to the start: a cohort's
 * groups use the centre only while a course module runs. */
static int course_intervals(const Track *tr, int *from, int *to)
{
    int n = 0;
    for (int j = 0; j < tr->nmodules; j++) {
        const Module *mod = &tr->modules[j];
        if (mod->kind != MODULE_COURSE)
            continue;
        if (n > 0 && to[n - 1] + 1 == mod->offset) {
            to[n - 1] = mod->offset + mod->weeks - 1;
            continue;
        }
        from[n] = mod->offset;
        to[n] = mod->offset + mod->weeks - 1;
        n++;
    }
    return n;
}

static int add_centre_rows(Model *m)
{
    const Scenario *s = m->s;
    Mip *mip = &m->mip;
    int maxmod = 1;
    for (int t = 0; t < s->ntracks; t++)
        if (s->tracks[t].nmodules > maxmod)
            maxmod = s->tracks[t].nmodules;
    int *from = malloc((size_t)maxmod * sizeof *from), *to = malloc((size_t)maxmod * sizeof *to);
    double *rhs_seats = malloc((size_t)(s->weeks + 1) * sizeof *rhs_seats);
    double *rhs_groups = malloc((size_t)(s->weeks + 1) * sizeof *rhs_groups);
    WeekItem *seats = NULL, *groups = NULL;
    int cap = 0, rc = -1;
    if (!from || !to || !rhs_seats || !rhs_groups)
        goto done;
    for (int ci = 0; ci < s->ncentres; ci++) {
        const Centre *ce = &s->centres[ci];
        int n = 0;
        for (long c = 0; c < m->ncohorts; c++) {
            if (m->cohorts[c].host != ce->municipality || m->groups_col[c] < 0)
                continue;
            const Track *tr = &s->tracks[m->cohorts[c].track];
            int k = course_intervals(tr, from, to);
            if (reserve((void **)&seats, &cap, n + k, sizeof *seats))
                goto done;
            WeekItem *ng = realloc(groups, (size_t)cap * sizeof *ng);
            if (!ng)
                goto done;
            groups = ng;
            for (int i = 0; i < k; i++) {
                int st = m->cohorts[c].start;
                seats[n] = (WeekItem){m->size_col[c], st + from[i], st + to[i], 1.0,
                                      mip->cols[m->size_col[c]].ub};
                groups[n] = (WeekItem){m->groups_col[c], st + from[i], st + to[i], 1.0,
                                       mip->cols[m->groups_col[c]].ub};
                n++;
            }
        }
        for (int w = 0; w <= s->weeks; w++) {
            rhs_seats[w] = ce->seats;
            rhs_groups[w] = ce->max_groups;
        }
        emit_week_rows(mip, seats, n, rhs_seats, s->weeks, 's', &m->ncourse_rows);
        emit_week_rows(mip, groups, n, rhs_groups, s->weeks, 'q', &m->ncourse_rows);
    }
    rc = mip->oom ? -1 : 0;
done:
    free(from);
    free(to);
    free(rhs_seats);
    free(rhs_groups);
    free(seats);
    free(groups);
    return rc;
}

static int add_slot_rows(Model *m)
{
    const Scenario *s = m->s;
    Mip *mip = &m->mip;
    const Classes *cl = &m->classes;
    int *count = calloc((size_t)(cl->nsclasses ? cl->nsclasses : 1), sizeof *count);
    int *first = calloc((size_t)(cl->nsclasses + 1), sizeof *first);
    WeekItem *items = NULL;
    double *rhs = malloc((size_t)(s->weeks + 1) * sizeof *rhs);
    int rc = -1;
    if (!count || !first || !rhs)
        goto done;
    /* bucket PLACE columns by slot class */
    for (int j = 0; j < mip->ncols; j++)
        if (mip->cols[j].kind == COL_PLACE)
            count[mip->cols[j].b]++;
    for (int k = 0; k < cl->nsclasses; k++)
        first[k + 1] = first[k] + count[k];
    items = malloc((size_t)(first[cl->nsclasses] ? first[cl->nsclasses] : 1) * sizeof *items);
    if (!items)
        goto done;
    memset(count, 0, (size_t)(cl->nsclasses ? cl->nsclasses : 1) * sizeof *count);
    for (int j = 0; j < mip->ncols; j++) {
        const MipCol *col = &mip->cols[j];
        if (col->kind != COL_PLACE)
            continue;
        const Demand *d = &m->demands[col->a];
        const Module *mod = &s->tracks[d->track].modules[col->c];
        int from = d->start + mod->offset;
        items[first[col->b] + count[col->b]++] = (WeekItem){j, from, from + mod->weeks - 1, 1.0, col->ub};
    }
    for (int k = 0; k < cl->nsclasses; k++) {
        for (int w = 0; w <= s->weeks; w++)
            rhs[w] = cl->sclasses[k].room[w];
        emit_week_rows(mip, items + first[k], count[k], rhs, s->weeks, 'p', &m->nslot_rows);
    }
    rc = mip->oom ? -1 : 0;
done:
    free(count);
    free(first);
    free(items);
    free(rhs);
    return rc;
}

/* ---- the program --------------------------------------------------------- */

/* Returns 0, −1 on out-of-memory, 1 when past the deadline. */
static int add_columns_and_rows(Builder *b, const int *gmax)
{
    Model *m = b->m;
    const Scenario *s = m->s;
    Mip *mip = &m->mip;

    /* X columns */
    for (int i = 0; i < m->npairs; i++) {
        Pair *pr = &m->pairs[i];
        const Cohort *co = &m->cohorts[pr->cohort];
        const Track *tr = &s->tracks[co->track];
        const Participant *p = &s->participants[m->classes.pclasses[pr->pclass].members[0]];
        double ub = pair_bound(m, pr);
        if (tr->has_course && ub > (double)tr->max_group * gmax[pr->cohort])
            ub = (double)tr->max_group * gmax[pr->cohort];
        MipCol col = {COL_X, 1, 0.0, ub, pair_value(m, pr),
                      course_travel_cost(s, p->home, co->host, pr->travel, tr->course_weeks),
                      pr->pclass, pr->cohort, pr->travel};
        pr->col = mip_add_col(mip, col);
    }
    if (late(b))
        return 1;
    /* GROUPS and SIZE columns per course cohort with pairs */
    for (long c = 0; c < m->ncohorts; c++)
        m->groups_col[c] = m->size_col[c] = -1;
    long *potential = calloc((size_t)(m->ncohorts ? m->ncohorts : 1), sizeof *potential);
    if (!potential)
        return -1;
    for (int i = 0; i < m->npairs; i++)
        potential[m->pairs[i].cohort] += (long)mip->cols[m->pairs[i].col].ub;
    for (long c = 0; c < m->ncohorts; c++) {
        const Track *tr = &s->tracks[m->cohorts[c].track];
        if (!tr->has_course || potential[c] == 0 || gmax[c] == 0)
            continue;
        const Centre *ce = &s->centres[s->centre_of[m->cohorts[c].host]];
        double size_ub = fmin((double)potential[c], fmin((double)ce->seats, (double)gmax[c] * tr->max_group));
        m->groups_col[c] = mip_add_col(mip, (MipCol){COL_GROUPS, 1, 0.0, gmax[c], 0.0, tr->group_cost, (int)c, 0, 0});
        m->size_col[c] = mip_add_col(mip, (MipCol){COL_SIZE, 0, 0.0, size_ub, 0.0, 0.0, (int)c, 0, 0});
    }
    free(potential);

    /* PLACE columns per demand, placement module and usable slot class */
    unsigned char *demand_used = calloc((size_t)(m->ndemands ? m->ndemands : 1), 1);
    if (!demand_used)
        return -1;
    for (int i = 0; i < m->npairs; i++)
        if (m->pairs[i].demand >= 0)
            demand_used[m->pairs[i].demand] = 1;
    for (int d = 0; d < m->ndemands; d++) {
        Demand *de = &m->demands[d];
        const Track *tr = &s->tracks[de->track];
        const Origin *o = &m->classes.origins[de->origin];
        de->first_place_col = mip->ncols;
        de->nplace_cols = 0;
        if (!demand_used[d])
            continue; /* every pair of this demand was pruned */
        const DemandInfo *info = &b->info[d];
        int pj = 0, off = 0;
        for (int j = 0; j < tr->nmodules; j++) {
            const Module *mod = &tr->modules[j];
            if (mod->kind != MODULE_PLACEMENT)
                continue;
            int from = de->start + mod->offset, to = from + mod->weeks - 1;
            for (int r = 0; r < info->nopt[pj]; r++) {
                int k = info->options[off + r];
                const SlotClass *sc = &m->classes.sclasses[k];
                MipCol col = {COL_PLACE, 1, 0.0, min_room(sc, from, to), 0.0,
                              placement_travel_cost(s, o->home, sc->municipality, mod->weeks), d, k, j};
                mip_add_col(mip, col);
            }
            off += info->nopt[pj];
            pj++;
        }
        de->nplace_cols = mip->ncols - de->first_place_col;
    }
    if (mip->oom || late(b)) {
        free(demand_used);
        return mip->oom ? -1 : 1;
    }

    /* class rows: Σ_c X ≤ |k| */
    {
        int i = 0;
        while (i < m->npairs) {
            int k = m->pairs[i].pclass, j = i;
            double ubsum = 0;
            while (j < m->npairs && m->pairs[j].pclass == k)
                ubsum += mip->cols[m->pairs[j++].col].ub;
            int count = m->classes.pclasses[k].count;
            if (ubsum > count + 1e-9) {
                int row = mip_add_row(mip, -HUGE_VAL, count, 'c');
                for (int x = i; x < j; x++)
                    mip_add_coef(mip, row, m->pairs[x].col, 1.0);
            }
            i = j;
        }
    }
    /* cohort rows: size definition, group bounds, and links */
    for (int i = 0; i < m->npairs; i++) {
        const Pair *pr = &m->pairs[i];
        int g = m->groups_col[pr->cohort];
        if (g < 0)
            continue;
        /* link: X ≤ min(|k|, max_group)·G — the strong form (docs/model.md) */
        int row = mip_add_row(mip, -HUGE_VAL, 0.0, 'l');
        mip_add_coef(mip, row, pr->col, 1.0);
        mip_add_coef(mip, row, g, -(double)pair_link(m, pr));
    }
    if (late(b)) {
        free(demand_used);
        return 1;
    }
    int *size_row = malloc((size_t)(m->ncohorts ? m->ncohorts : 1) * sizeof *size_row);
    if (!size_row) {
        free(demand_used);
        return -1;
    }
    for (long c = 0; c < m->ncohorts; c++) {
        size_row[c] = -1;
        if (m->groups_col[c] < 0)
            continue;
        const Track *tr = &s->tracks[m->cohorts[c].track];
        size_row[c] = mip_add_row(mip, 0.0, 0.0, 'n');
        mip_add_coef(mip, size_row[c], m->size_col[c], 1.0);
        int lo = mip_add_row(mip, 0.0, HUGE_VAL, 'g');
        mip_add_coef(mip, lo, m->size_col[c], 1.0);
        mip_add_coef(mip, lo, m->groups_col[c], -(double)tr->min_group);
        int hi = mip_add_row(mip, -HUGE_VAL, 0.0, 'h');
        mip_add_coef(mip, hi, m->size_col[c], 1.0);
        mip_add_coef(mip, hi, m->groups_col[c], -(double)tr->max_group);
    }
    for (int i = 0; i < m->npairs; i++)
        if (size_row[m->pairs[i].cohort] >= 0)
            mip_add_coef(mip, size_row[m->pairs[i].cohort], m->pairs[i].col, -1.0);
    free(size_row);

    /* demand rows: for each placement module, Σ PLACE = Σ X of the demand */
    int *demand_first_row = malloc((size_t)(m->ndemands ? m->ndemands : 1) * sizeof *demand_first_row);
    if (!demand_first_row) {
        free(demand_used);
        return -1;
    }
    for (int d = 0; d < m->ndemands; d++) {
        const Demand *de = &m->demands[d];
        demand_first_row[d] = mip->nrows;
        if (!demand_used[d])
            continue;
        const Track *tr = &s->tracks[de->track];
        for (int j = 0; j < tr->nmodules; j++) {
            if (tr->modules[j].kind != MODULE_PLACEMENT)
                continue;
            int row = mip_add_row(mip, 0.0, 0.0, 'd');
            for (int x = de->first_place_col; x < de->first_place_col + de->nplace_cols; x++)
                if (mip->cols[x].c == j)
                    mip_add_coef(mip, row, x, 1.0);
        }
    }
    free(demand_used);
    for (int i = 0; i < m->npairs; i++) {
        const Pair *pr = &m->pairs[i];
        if (pr->demand < 0)
            continue;
        const Track *tr = &s->tracks[m->demands[pr->demand].track];
        int pj = 0;
        for (int j = 0; j < tr->nmodules; j++)
            if (tr->modules[j].kind == MODULE_PLACEMENT)
                mip_add_coef(mip, demand_first_row[pr->demand] + pj++, pr->col, -1.0);
    }
    free(demand_first_row);
    if (late(b))
        return 1;

    if (add_centre_rows(m) || add_slot_rows(m))
        return -1;

    /* budget: total cost ≤ max_cost, on the grid of costs a plan can have
     * — in the plain program (SPEC §4: "without any reduction", the
     * reference outside solvers get) max_cost as given */
    if (s->objective.has_max_cost) {
        double side = b->aggregate ? budget_on_cost_grid(mip, s->objective.max_cost) : s->objective.max_cost;
        int row = mip_add_row(mip, -HUGE_VAL, side, 'b');
        for (int j = 0; j < mip->ncols; j++)
            mip_add_coef(mip, row, j, mip->cols[j].cost);
    }
    return mip->oom ? -1 : 0;
}

int model_build(const Scenario *s, int aggregate, Model *out)
{
    return model_build_until(s, aggregate, HUGE_VAL, out);
}

/* Classes between two looks at the clock while adding pairs. */
#define BUILD_CLOCK_EVERY 256

int model_build_until(const Scenario *s, int aggregate, double deadline, Model *out)
{
    memset(out, 0, sizeof *out);
    out->s = s;
    out->value_digits = -1;
    Builder b = {out, NULL, NULL, 0, 0, NULL, NULL, deadline, aggregate};
    long *track_first = NULL, *track_end = NULL;
    int *gmax = NULL;
    int rc = -1;
    if (classes_build(s, aggregate, &out->classes) < 0)
        goto done;
    out->ncohorts = scenario_cohorts(s, &out->cohorts);
    if (out->ncohorts < 0)
        goto done;
    size_t ncells = (size_t)(out->classes.norigins ? out->classes.norigins : 1) * (size_t)s->ntracks *
                    (size_t)(s->weeks + 1);
    b.demand_index = malloc((ncells ? ncells : 1) * sizeof *b.demand_index);
    track_first = calloc((size_t)s->ntracks + 1, sizeof *track_first);
    track_end = calloc((size_t)s->ntracks + 1, sizeof *track_end);
    out->groups_col = malloc((size_t)(out->ncohorts ? out->ncohorts : 1) * sizeof *out->groups_col);
    out->size_col = malloc((size_t)(out->ncohorts ? out->ncohorts : 1) * sizeof *out->size_col);
    gmax = malloc((size_t)(out->ncohorts ? out->ncohorts : 1) * sizeof *gmax);
    if (!b.demand_index || !track_first || !track_end || !out->groups_col || !out->size_col || !gmax)
        goto done;
    for (size_t i = 0; i < ncells; i++)
        b.demand_index[i] = -2;
    for (long c = 0; c < out->ncohorts; c++) {
        int t = out->cohorts[c].track;
        if (track_end[t] == 0)
            track_first[t] = c;
        track_end[t] = c + 1;
    }
    if (build_reach(&b))
        goto done;
    for (int k = 0; k < out->classes.npclasses; k++) {
        if (k % BUILD_CLOCK_EVERY == 0 && late(&b))
            goto late;
        if (add_pairs_for_class(&b, k, track_first, track_end))
            goto done;
    }
    if (late(&b))
        goto late;
    if (prune_pairs(&b, gmax))
        goto done;
    if (late(&b))
        goto late;
    int added = add_columns_and_rows(&b, gmax);
    if (added > 0)
        goto late;
    if (added < 0)
        goto done;
    out->value_digits = find_value_digits(out);
    rc = 0;
    goto done;
late:
    rc = 1;
done:
    free(b.demand_index);
    for (int d = 0; b.info && d < out->ndemands; d++) {
        free(b.info[d].options);
        free(b.info[d].nopt);
    }
    free(b.info);
    for (int o = 0; b.reach && o < out->classes.norigins; o++)
        free(b.reach[o]);
    free(b.reach);
    free(b.nreach);
    free(track_first);
    free(track_end);
    free(gmax);
    if (rc)
        model_release(out);
    return rc;
}

/* The floor row's right-hand side (program_add_value_floor): in integer
 * form, Σ round(v·10^d)·X ≥ round(V·10^d) − ⌊tol·10^d⌋ is the same set of
 * integer plans as Σ v·X ≥ V − tol, without the sliver of fractional
 * value the LP could trade for cost; divided by `divisor`, rounded up.
 * The divisor is the gcd of the round(v·10^d) (mip_value_gcd), which
 * keeps the same integer plans: with priorities of 1e7, three
 * participants and SPEC's allowance, Σ 1e7·X ≥ 29 999 970 let GLPK's
 * relaxation take 0.999997 of a participant for whole, and its cost level
 * ended with no plan (independent audit, thirty-first session); divided,
 * the row is Σ X ≥ 3. */
static double value_floor_side(int value_digits, double divisor, double target, double tol)
{
    if (value_digits < 0)
        return target - tol;
    double scale = pow(10.0, value_digits);
    return ceil((nearbyint(target * scale) - floor(tol * scale + 1e-9)) / divisor);
}

/* The floor row's divisor: the gcd of the values in units of 10^-d
 * (mip_value_gcd), 1 without a value grid. */
static double value_floor_divisor(const Mip *mip, int value_digits)
{
    return value_digits >= 0 ? mip_value_gcd(mip, pow(10.0, value_digits)) : 1.0;
}

int program_add_value_floor(Mip *mip, int value_digits, double target, double tol)
{
    double scale = value_digits >= 0 ? pow(10.0, value_digits) : 1.0;
    double divisor = value_floor_divisor(mip, value_digits);
    int row = mip_add_row(mip, value_floor_side(value_digits, divisor, target, tol), HUGE_VAL, 'v');
    for (int j = 0; j < mip->ncols; j++)
        if (mip->cols[j].value != 0.0)
            mip_add_coef(mip, row, j,
                         value_digits >= 0 ? nearbyint(mip->cols[j].value * scale) / divisor : mip->cols[j].value);
    return mip->oom ? -1 : 0;
}

int program_move_value_floor(Mip *mip, int value_digits, double target, double tol)
{
    int row = mip_value_floor_row(mip);
    if (row < 0)
        return -1;
    mip->rows[row].lb = value_floor_side(value_digits, value_floor_divisor(mip, value_digits), target, tol);
    return 0;
}

void model_release(Model *m)
{
    classes_release(&m->classes);
    free(m->cohorts);
    free(m->groups_col);
    free(m->size_col);
    free(m->pairs);
    free(m->demands);
    mip_release(&m->mip);
    memset(m, 0, sizeof *m);
}
