/*
 * greedy.c — a fast, always valid plan without GLPK (see greedy.h).
 *
 * Three phases over a mutable state (cohort sizes, centre seats and groups
 * per week, slot occupancy per week, running cost):
 *
 *  1. Join: each participant, in the chosen order, takes the first option
 *     (track, host, start) in a preference order that still has centre room
 *     in every course week (seats, and ceil(n/max_group) groups), a free
 *     slot for every placement module and budget left. Cohorts may be
 *     below min_group for now.
 *  2. Repair: a cohort whose size n admits no group count g with
 *     min_group·g ≤ n ≤ max_group·g gives back its last-joined members
 *     until it does (all of them when n < min_group) and is closed to new
 *     members; everyone unassigned then retries the other options. Repeat
 *     until nobody is released (at most GREEDY_ROUNDS rounds); a last
 *     repair without retries makes the result valid whatever happened.
 *  2b. Gather (best-value order only): empty cohorts are opened for the
 *     participants still out, the one they could bring most value to
 *     first, and kept when they reach min_group (see greedy_gather()).
 *  3. Trim: members of value 0 leave when their cohort stays valid
 *     (they only cost), then, as a safety net (joins already respect the
 *     budget, and leaving never raises cost), members go in ascending
 *     value per cost while the cost exceeds max_cost.
 *
 * Groups are always the least count ceil(n/max_group): if that count
 * violates min_group·g ≤ n, any larger one does too.
 *
 * Orders: GREEDY_BEST_VALUE takes participants by descending priority ×
 * group weight, and within a preference rank prefers cohorts still below
 * min_group (pooling several municipalities so cohorts reach min_group),
 * then cheaper course travel, then the earlier start; slots
 * nearest (km) first. GREEDY_FEWEST_OPTIONS and GREEDY_MOST_OPTIONS do
 * the same, except that among participants of equal value those with the
 * fewest (most) admissible options go first. GREEDY_FEWEST_JOIN_OPEN is
 * GREEDY_FEWEST_OPTIONS where a cohort that already has members comes
 * before an empty one (opening a cohort uses one of the centre's groups
 * for all its weeks; joining one uses a seat). GREEDY_GROSS_LIST takes input order, rank, nearest
 * host (minutes), earliest start and the first free slot in slots.csv order.
 *
 * Typical load (national preset, 50 000 participants): a few hundred
 * options per participant, at most a few hundred reachable slots each.
 */
#include "greedy.h"
#include "greedy_state.h"

#include "extract.h"

#include "../model/classes.h"
#include "../model/cohorts.h"
#include "../model/travel.h"
#include "build.h"
#include "glpk_run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


int greedy_groups_for(const Track *tr, int n)
{
    if (!tr->has_course || n <= 0)
        return 0;
    return (n + tr->max_group - 1) / tr->max_group;
}

int greedy_splittable(const Track *tr, int n)
{
    return !tr->has_course || n == 0 || tr->min_group * greedy_groups_for(tr, n) <= n;
}

int greedy_coh_track(const Greedy *g, int c)
{
    int t = 0;
    while (t + 1 < g->s->ntracks && g->track_base[t + 1] <= c)
        t++;
    return t;
}

void greedy_coh_decode(const Greedy *g, int c, int *track, int *host, int *start)
{
    int t = greedy_coh_track(g, c);
    int rel = c - g->track_base[t];
    int ns = g->track_nstarts[t];
    *track = t;
    *host = g->hosts[g->track_hfirst[t] + rel / ns];
    *start = track_start_week(g->s, t, rel % ns);
}

/* ---- setup --------------------------------------------------------------- */

typedef struct SlotKey {
    double minutes;
    int slot;
} SlotKey;

static int cmp_slot_key(const void *a, const void *b)
{
    const SlotKey *x = a, *y = b;
    if (x->minutes != y->minutes)
        return x->minutes < y->minutes ? -1 : 1;
    return (x->slot > y->slot) - (x->slot < y->slot);
}

static int slot_has_room(const Scenario *s, int k)
{
    const Slot *sl = &s->slots[k];
    for (int w = sl->from_week; w <= sl->to_week && w <= s->weeks; w++)
        if (w >= 1 && sl->room[w] > 0)
            return 1;
    return 0;
}

/* Per home with participants: the slots within the largest max_minutes of
 * its participants, sorted by minutes; each participant's reachable set is
 * a prefix of that list. */
static int build_slot_lists(Greedy *g)
{
    const Scenario *s = g->s;
    int nm = s->nmunicipalities;
    double *maxmin = malloc((size_t)(nm ? nm : 1) * sizeof *maxmin);
    SlotKey *keys = malloc((size_t)(s->nslots ? s->nslots : 1) * sizeof *keys);
    g->home_first = calloc((size_t)nm + 1, sizeof *g->home_first);
    if (!maxmin || !keys || !g->home_first)
        goto oom;
    for (int h = 0; h < nm; h++)
        maxmin[h] = -1.0;
    for (int p = 0; p < s->nparticipants; p++) {
        const Participant *pt = &s->participants[p];
        if (pt->max_minutes > maxmin[pt->home])
            maxmin[pt->home] = pt->max_minutes;
    }
    unsigned char *live = malloc((size_t)(s->nslots ? s->nslots : 1));
    if (!live)
        goto oom;
    for (int k = 0; k < s->nslots; k++)
        live[k] = (unsigned char)slot_has_room(s, k);
    size_t total = 0, cap = 0;
    for (int h = 0; h < nm; h++) {
        int n = 0;
        if (maxmin[h] >= 0) {
            for (int k = 0; k < s->nslots; k++) {
                if (!live[k])
                    continue;
                int at = s->slots[k].municipality;
                if (!s->cooperation && at != h)
                    continue;
                double m = at == h ? 0.0 : scenario_minutes(s, h, at);
                if (!travel_within(m, maxmin[h]))
                    continue;
                keys[n++] = (SlotKey){m, k};
            }
            qsort(keys, (size_t)n, sizeof *keys, cmp_slot_key);
        }
        if (total + (size_t)n > cap) {
            size_t nc = cap ? cap : 1024;
            while (nc < total + (size_t)n)
                nc *= 2;
            int *ns = realloc(g->home_slots, nc * sizeof *ns);
            if (ns)
                g->home_slots = ns;
            double *nmn = realloc(g->home_min, nc * sizeof *nmn);
            if (nmn)
                g->home_min = nmn;
            if (!ns || !nmn) {
                free(live);
                goto oom;
            }
            cap = nc;
        }
        g->home_first[h] = (int)total;
        for (int i = 0; i < n; i++) {
            g->home_slots[total + (size_t)i] = keys[i].slot;
            g->home_min[total + (size_t)i] = keys[i].minutes;
        }
        total += (size_t)n;
    }
    g->home_first[nm] = (int)total;
    free(live);
    for (int p = 0; p < s->nparticipants; p++) {
        const Participant *pt = &s->participants[p];
        int lo = g->home_first[pt->home], hi = g->home_first[pt->home + 1];
        while (lo < hi) { /* first entry beyond max_minutes */
            int mid = lo + (hi - lo) / 2;
            if (g->home_min[mid] <= pt->max_minutes) /* SPEC §2.3, as travel_within */
                lo = mid + 1;
            else
                hi = mid;
        }
        g->p_nreach[p] = lo - g->home_first[pt->home];
    }
    free(maxmin);
    free(keys);
    return 0;
oom:
    free(maxmin);
    free(keys);
    return -1;
}

int greedy_state_init(Greedy *g, const Scenario *s, GreedyOrder order)
{
    memset(g, 0, sizeof *g);
    g->s = s;
    /* the options orders differ only in who goes first (greedy_plan);
     * placing and gathering are those of best value */
    g->order = order == GREEDY_GROSS_LIST ? GREEDY_GROSS_LIST : GREEDY_BEST_VALUE;
    g->join_open = order == GREEDY_FEWEST_JOIN_OPEN;
    g->W1 = (size_t)s->weeks + 1;
    g->limit = s->objective.has_max_cost ? s->objective.max_cost : HUGE_VAL;
    int nt = s->ntracks, nm = s->nmunicipalities, np = s->nparticipants;
    size_t nt1 = (size_t)nt + 1;
    g->track_base = calloc(nt1, sizeof *g->track_base);
    g->track_nstarts = calloc(nt1, sizeof *g->track_nstarts);
    g->track_hfirst = calloc(nt1, sizeof *g->track_hfirst);
    g->nplace = calloc(nt1, sizeof *g->nplace);
    g->hostpos = malloc(((size_t)nt * (size_t)nm + 1) * sizeof *g->hostpos);
    if (!g->track_base || !g->track_nstarts || !g->track_hfirst || !g->nplace || !g->hostpos)
        return -1;
    int nhosts = 0;
    for (int t = 0; t < nt; t++)
        nhosts += s->tracks[t].has_course ? track_host_count(s, t) : 1;
    g->hosts = malloc((size_t)(nhosts ? nhosts : 1) * sizeof *g->hosts);
    if (!g->hosts)
        return -1;
    long ncoh = 0;
    int hi = 0;
    for (int t = 0; t < nt; t++) {
        const Track *tr = &s->tracks[t];
        g->track_base[t] = (int)ncoh;
        g->track_nstarts[t] = track_start_count(s, t);
        g->track_hfirst[t] = hi;
        for (int h = 0; h < nm; h++)
            g->hostpos[(size_t)t * (size_t)nm + (size_t)h] = -1;
        if (tr->has_course) {
            for (int h = 0; h < nm; h++)
                if (centre_hosts_track(s, h, t)) {
                    g->hostpos[(size_t)t * (size_t)nm + (size_t)h] = hi - g->track_hfirst[t];
                    g->hosts[hi++] = h;
                }
        } else {
            g->hosts[hi++] = -1;
        }
        ncoh += (long)(hi - g->track_hfirst[t]) * g->track_nstarts[t];
        for (int j = 0; j < tr->nmodules; j++)
            g->nplace[t] += tr->modules[j].kind == MODULE_PLACEMENT;
        if (g->nplace[t] > g->maxplace)
            g->maxplace = g->nplace[t];
    }
    g->track_hfirst[nt] = hi;
    if (ncoh > 100000000L)
        return -1;
    g->ncoh = (int)ncoh;
    size_t nc = (size_t)(ncoh ? ncoh : 1), npp = (size_t)(np ? np : 1);
    size_t mp = (size_t)(g->maxplace ? g->maxplace : 1);
    g->coh_n = calloc(nc, sizeof *g->coh_n);
    g->coh_last = malloc(nc * sizeof *g->coh_last);
    g->coh_closed = calloc(nc, 1);
    g->p_cohort = malloc(npp * sizeof *g->p_cohort);
    g->p_prev = malloc(npp * sizeof *g->p_prev);
    g->p_next = malloc(npp * sizeof *g->p_next);
    g->p_travel = calloc(npp, sizeof *g->p_travel);
    g->p_slots = malloc(npp * mp * sizeof *g->p_slots);
    g->p_cost = calloc(npp, sizeof *g->p_cost);
    g->p_nreach = calloc(npp, sizeof *g->p_nreach);
    g->seat_used = calloc((size_t)(s->ncentres ? s->ncentres : 1) * g->W1, sizeof *g->seat_used);
    g->grp_used = calloc((size_t)(s->ncentres ? s->ncentres : 1) * g->W1, sizeof *g->grp_used);
    g->slot_used = calloc((size_t)(s->nslots ? s->nslots : 1) * g->W1, sizeof *g->slot_used);
    g->tmp_slots = malloc(mp * sizeof *g->tmp_slots);
    if (!g->coh_n || !g->coh_last || !g->coh_closed || !g->p_cohort || !g->p_prev || !g->p_next ||
        !g->p_travel || !g->p_slots || !g->p_cost || !g->p_nreach || !g->seat_used || !g->grp_used ||
        !g->slot_used || !g->tmp_slots)
        return -1;
    for (long c = 0; c < ncoh; c++)
        g->coh_last[c] = -1;
    for (int p = 0; p < np; p++)
        g->p_cohort[p] = g->p_prev[p] = g->p_next[p] = -1;
    return build_slot_lists(g);
}

void greedy_state_release(Greedy *g)
{
    free(g->track_base);
    free(g->track_nstarts);
    free(g->track_hfirst);
    free(g->hosts);
    free(g->hostpos);
    free(g->nplace);
    free(g->coh_n);
    free(g->coh_last);
    free(g->coh_closed);
    free(g->p_cohort);
    free(g->p_prev);
    free(g->p_next);
    free(g->p_travel);
    free(g->p_slots);
    free(g->p_cost);
    free(g->p_nreach);
    free(g->home_first);
    free(g->home_slots);
    free(g->home_min);
    free(g->seat_used);
    free(g->grp_used);
    free(g->slot_used);
    free(g->opts);
    free(g->later);
    free(g->tmp_slots);
    free(g->j_p);
    free(g->j_cohort);
    free(g->j_travel);
    free(g->j_cost);
    free(g->j_slots);
    free(g->j_seen);
    if (g->ocache)
        for (int p = 0; p < g->s->nparticipants; p++)
            free(g->ocache[p]);
    free(g->ocache);
    free(g->ocache_n);
}

/* ---- joining and leaving ------------------------------------------------- */

/* Best free slot for participant p's placement module of weeks [a, b] of
 * track t: the first in slots.csv order (gross list) or the nearest by km
 * (best value) among the reachable ones. Returns the slot or −1. */
static int find_slot(const Greedy *g, int p, int t, int a, int b, double *cost_out)
{
    const Scenario *s = g->s;
    int home = s->participants[p].home;
    const int *list = g->home_slots + g->home_first[home];
    int n = g->p_nreach[p];
    int best = -1;
    double best_km = 0.0;
    for (int i = 0; i < n; i++) {
        int k = list[i];
        const Slot *sl = &s->slots[k];
        if (sl->from_week > a || sl->to_week < b || !slot_accepts(s, k, t))
            continue;
        double km = sl->municipality == home ? 0.0 : scenario_km(s, home, sl->municipality);
        if (best >= 0) {
            if (g->order == GREEDY_GROSS_LIST ? k > best : (km > best_km || (km == best_km && k > best)))
                continue;
        }
        const int *used = g->slot_used + (size_t)k * g->W1;
        int fits = 1;
        for (int w = a; w <= b && fits; w++)
            fits = used[w] < sl->room[w];
        if (fits) {
            best = k;
            best_km = km;
        }
    }
    if (best >= 0)
        *cost_out = placement_travel_cost(s, home, s->slots[best].municipality, b - a + 1);
    return best;
}

/* Tries option o for participant p; joins and returns 1 if it fits. */
static int try_option(Greedy *g, int p, const Option *o)
{
    const Scenario *s = g->s;
    const Track *tr = &s->tracks[o->track];
    int n = g->coh_n[o->cohort];
    int dg = greedy_groups_for(tr, n + 1) - greedy_groups_for(tr, n);
    const Centre *ce = NULL;
    int *seats = NULL, *grps = NULL;
    if (tr->has_course) {
        int ci = s->centre_of[o->host];
        ce = &s->centres[ci];
        seats = g->seat_used + (size_t)ci * g->W1;
        grps = g->grp_used + (size_t)ci * g->W1;
        for (int j = 0; j < tr->nmodules; j++) {
            const Module *m = &tr->modules[j];
            if (m->kind != MODULE_COURSE)
                continue;
            int a = o->start + m->offset;
            for (int w = a; w < a + m->weeks; w++)
                if (seats[w] + 1 > ce->seats || grps[w] + dg > ce->max_groups)
                    return 0;
        }
    }
    double inc = o->ccost + dg * tr->group_cost;
    int pj = 0;
    for (int j = 0; j < tr->nmodules; j++) {
        const Module *m = &tr->modules[j];
        if (m->kind != MODULE_PLACEMENT)
            continue;
        int a = o->start + m->offset;
        double pc = 0.0;
        int k = find_slot(g, p, o->track, a, a + m->weeks - 1, &pc);
        if (k < 0)
            return 0;
        g->tmp_slots[pj++] = k;
        inc += pc;
    }
    if (g->cost + inc > g->limit)
        return 0;
    greedy_rejoin(g, p, o->cohort, tr->has_course ? o->travel : TRAVEL_NONE, inc - dg * tr->group_cost,
                  g->tmp_slots);
    return 1;
}

/* Notes p's assignment before its first change since the journal was
 * cleared (greedy_search.c undoes a rejected move from it). */
static void journal_note(Greedy *g, int p)
{
    if (!g->journal || g->j_seen[p])
        return;
    g->j_seen[p] = 1;
    int i = g->jn++;
    g->j_p[i] = p;
    g->j_cohort[i] = g->p_cohort[p];
    g->j_travel[i] = g->p_travel[p];
    g->j_cost[i] = g->p_cost[p];
    if (g->maxplace)
        memcpy(g->j_slots + (size_t)i * (size_t)g->maxplace, g->p_slots + (size_t)p * (size_t)g->maxplace,
               (size_t)g->maxplace * sizeof *g->j_slots);
}

void greedy_rejoin(Greedy *g, int p, int c, int travel, double pcost, const int *slots)
{
    const Scenario *s = g->s;
    journal_note(g, p);
    int t, host, start;
    greedy_coh_decode(g, c, &t, &host, &start);
    const Track *tr = &s->tracks[t];
    int n = g->coh_n[c];
    int dg = greedy_groups_for(tr, n + 1) - greedy_groups_for(tr, n);
    g->p_cohort[p] = c;
    g->p_travel[p] = travel;
    g->p_cost[p] = pcost;
    g->cost += pcost + dg * tr->group_cost;
    g->value += participant_track_value(s, &s->participants[p], t);
    g->coh_n[c] = n + 1;
    g->p_prev[p] = g->coh_last[c];
    g->p_next[p] = -1;
    if (g->coh_last[c] >= 0)
        g->p_next[g->coh_last[c]] = p;
    g->coh_last[c] = p;
    if (tr->has_course) {
        int ci = s->centre_of[host];
        int *seats = g->seat_used + (size_t)ci * g->W1;
        int *grps = g->grp_used + (size_t)ci * g->W1;
        for (int j = 0; j < tr->nmodules; j++) {
            const Module *m = &tr->modules[j];
            if (m->kind != MODULE_COURSE)
                continue;
            int a = start + m->offset;
            for (int w = a; w < a + m->weeks; w++) {
                seats[w]++;
                grps[w] += dg;
            }
        }
    }
    int pj = 0;
    for (int j = 0; j < tr->nmodules; j++) {
        const Module *m = &tr->modules[j];
        if (m->kind != MODULE_PLACEMENT)
            continue;
        int k = slots[pj];
        g->p_slots[(size_t)p * (size_t)g->maxplace + (size_t)pj] = k;
        pj++;
        int a = start + m->offset;
        int *used = g->slot_used + (size_t)k * g->W1;
        for (int w = a; w < a + m->weeks; w++)
            used[w]++;
    }
}

void greedy_leave(Greedy *g, int p)
{
    const Scenario *s = g->s;
    journal_note(g, p);
    int c = g->p_cohort[p];
    int t, host, start;
    greedy_coh_decode(g, c, &t, &host, &start);
    const Track *tr = &s->tracks[t];
    int n = g->coh_n[c];
    int dg = greedy_groups_for(tr, n) - greedy_groups_for(tr, n - 1);
    if (g->p_prev[p] >= 0)
        g->p_next[g->p_prev[p]] = g->p_next[p];
    if (g->p_next[p] >= 0)
        g->p_prev[g->p_next[p]] = g->p_prev[p];
    else
        g->coh_last[c] = g->p_prev[p];
    g->p_prev[p] = g->p_next[p] = -1;
    g->coh_n[c] = n - 1;
    g->cost -= g->p_cost[p] + dg * tr->group_cost;
    g->value -= participant_track_value(s, &s->participants[p], t);
    if (tr->has_course) {
        int ci = s->centre_of[host];
        int *seats = g->seat_used + (size_t)ci * g->W1;
        int *grps = g->grp_used + (size_t)ci * g->W1;
        for (int j = 0; j < tr->nmodules; j++) {
            const Module *m = &tr->modules[j];
            if (m->kind != MODULE_COURSE)
                continue;
            int a = start + m->offset;
            for (int w = a; w < a + m->weeks; w++) {
                seats[w]--;
                grps[w] -= dg;
            }
        }
    }
    int pj = 0;
    for (int j = 0; j < tr->nmodules; j++) {
        const Module *m = &tr->modules[j];
        if (m->kind != MODULE_PLACEMENT)
            continue;
        int k = g->p_slots[(size_t)p * (size_t)g->maxplace + (size_t)pj++];
        int a = start + m->offset;
        int *used = g->slot_used + (size_t)k * g->W1;
        for (int w = a; w < a + m->weeks; w++)
            used[w]--;
    }
    g->p_cohort[p] = -1;
    g->p_travel[p] = TRAVEL_NONE;
    g->p_cost[p] = 0.0;
}

static int cmp_option(const void *a, const void *b)
{
    const Option *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->pool != y->pool)
        return x->pool < y->pool ? -1 : 1;
    if (x->near != y->near)
        return x->near < y->near ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->cohort > y->cohort) - (x->cohort < y->cohort);
}

/* Whether participant pt may take track tr's course at host h, and how:
 * travel mode, course travel cost and the nearness options sort by.
 * Host-less tracks always may (TRAVEL_NONE, no cost). */
static int host_admits(const Greedy *g, const Participant *pt, const Track *tr, int h, int *travel,
                       double *ccost, double *near)
{
    const Scenario *s = g->s;
    *travel = TRAVEL_NONE;
    *ccost = *near = 0.0;
    if (!tr->has_course)
        return 1;
    if (!s->cooperation && h != pt->home)
        return 0;
    *travel = decide_travel(s, pt->home, h, pt->max_minutes, pt->can_relocate);
    if (*travel < 0)
        return 0;
    *ccost = course_travel_cost(s, pt->home, h, *travel, tr->course_weeks);
    if (g->order == GREEDY_BEST_VALUE) {
        *near = *ccost;
    } else {
        double m = h == pt->home ? 0.0 : scenario_minutes(s, pt->home, h);
        *near = m >= 0 ? m : 1e12;
    }
    return 1;
}

/* The pool of an option as the plan stands (see Option). */
static int cohort_pool(const Greedy *g, const Track *tr, int c)
{
    if (g->order != GREEDY_BEST_VALUE || !tr->has_course)
        return 0;
    int n = g->coh_n[c];
    return n > 0 && n < tr->min_group ? 0 : n == 0 && g->join_open ? 2 : 1;
}

/* Participant p's option in cohort c alone, closed or not, as
 * collect_fresh would give it: 1 and *o, or 0 when c is not one of p's
 * options. The gather phase needs one cohort's option per candidate;
 * collecting all of them there took 60 % of the greedy plan's time on a
 * capacity-tight national 5 000 (twenty-second session). */
static int option_for(const Greedy *g, int p, int c, Option *o)
{
    const Scenario *s = g->s;
    const Participant *pt = &s->participants[p];
    int t, h, start;
    greedy_coh_decode(g, c, &t, &h, &start);
    int rank = 1;
    if (pt->nprefs) {
        rank = 0;
        for (int i = 0; i < pt->nprefs && !rank; i++)
            if (pt->prefs[i] == t)
                rank = i + 1;
        if (!rank)
            return 0;
    }
    if (start < pt->earliest_week || start > pt->latest_week)
        return 0;
    const Track *tr = &s->tracks[t];
    int travel;
    double ccost, near;
    if (!host_admits(g, pt, tr, h, &travel, &ccost, &near))
        return 0;
    *o = (Option){c, t, h, start, travel, ccost, rank, cohort_pool(g, tr, c), near};
    return 1;
}

/* Fills g->opts with participant p's options (admissible cohorts, closed
 * ones too when with_closed), unsorted. Returns their count, or −1 on
 * out-of-memory. */
static int collect_fresh(Greedy *g, int p, int with_closed)
{
    const Scenario *s = g->s;
    const Participant *pt = &s->participants[p];
    int ntr = pt->nprefs ? pt->nprefs : s->ntracks;
    int nopt = 0;
    for (int i = 0; i < ntr; i++) {
        int t = pt->nprefs ? pt->prefs[i] : i;
        const Track *tr = &s->tracks[t];
        int ns = g->track_nstarts[t];
        if (ns == 0)
            continue;
        for (int hi = g->track_hfirst[t]; hi < g->track_hfirst[t + 1]; hi++) {
            int h = g->hosts[hi];
            int travel;
            double ccost, near;
            if (!host_admits(g, pt, tr, h, &travel, &ccost, &near))
                continue;
            for (int k = 0; k < ns; k++) {
                int start = track_start_week(s, t, k);
                if (start < pt->earliest_week)
                    continue;
                if (start > pt->latest_week)
                    break;
                int c = g->track_base[t] + (hi - g->track_hfirst[t]) * ns + k;
                if (g->coh_closed[c] && !with_closed)
                    continue;
                if (nopt == g->cap_opts) {
                    int nc = g->cap_opts ? 2 * g->cap_opts : 256;
                    Option *no = realloc(g->opts, (size_t)nc * sizeof *no);
                    if (!no)
                        return -1;
                    g->opts = no;
                    g->cap_opts = nc;
                }
                g->opts[nopt++] = (Option){c, t, h, start, travel, ccost,
                                           pt->nprefs ? i + 1 : 1, cohort_pool(g, tr, c), near};
            }
        }
    }
    return nopt;
}

/* Participant p (unassigned) takes the first option that fits. Returns 1
 * joined, 0 nothing fits, −1 out of memory. */
/* The pool of option o as collect_fresh sets it, from the cohort's size
 * now. */
static int option_pool(const Greedy *g, const Option *o)
{
    return cohort_pool(g, &g->s->tracks[o->track], o->cohort);
}

/* With the cache on (greedy_search.c), each participant's options are
 * collected once, closed cohorts included, and kept sorted by rank,
 * distance, start and cohort: only the pool changes with the plan. The
 * cached options of p (their pool field not set), collected on first
 * use; NULL on out-of-memory. */
static const Option *cached_options(Greedy *g, int p, int *n_out)
{
    if (!g->ocache[p]) {
        int n = collect_fresh(g, p, 1);
        if (n < 0)
            return NULL;
        for (int i = 0; i < n; i++)
            g->opts[i].pool = 0;
        qsort(g->opts, (size_t)n, sizeof *g->opts, cmp_option);
        g->ocache[p] = malloc((size_t)(n ? n : 1) * sizeof **g->ocache);
        if (!g->ocache[p])
            return NULL;
        memcpy(g->ocache[p], g->opts, (size_t)n * sizeof *g->opts);
        g->ocache_n[p] = n;
    }
    *n_out = g->ocache_n[p];
    return g->ocache[p];
}

/* All of p's options, closed cohorts included, without their pools, in
 * *opts: the cache's own array when it is on, else g->opts (NULL when
 * there are none yet). Returns their count, or −1 on out-of-memory. */
static int all_options(Greedy *g, int p, const Option **opts)
{
    int n;
    if (g->ocache) {
        *opts = cached_options(g, p, &n);
        return *opts ? n : -1;
    }
    n = collect_fresh(g, p, 1);
    *opts = g->opts;
    return n;
}

/* p's options into g->opts (closed cohorts too when with_closed), with
 * their pools; sorted when the cache is on. Returns their count, or −1
 * on out-of-memory. */
static int collect_options(Greedy *g, int p, int with_closed)
{
    if (!g->ocache)
        return collect_fresh(g, p, with_closed);
    int ncached;
    if (!cached_options(g, p, &ncached))
        return -1;
    int n = 0;
    for (int i = 0; i < g->ocache_n[p]; i++) {
        const Option *o = &g->ocache[p][i];
        if (g->coh_closed[o->cohort] && !with_closed)
            continue;
        g->opts[n] = *o;
        g->opts[n].pool = option_pool(g, o);
        n++;
    }
    return n;
}

/* Options op[from..to) of one rank, sorted by everything but the pool
 * (the cache), in the order cmp_option gives them: pool by pool, keeping
 * the order within each. One pass reads the plan: pool 0 is tried as it
 * comes, pools 1 and 2 are noted (by index, in g->later) and tried after
 * it. Copying the options out of the cache first took a third of the
 * search's time on national 50 000. Returns 1 when p joined one, 0 when
 * none fits, −1 on out-of-memory. */
static int try_by_pool(Greedy *g, int p, const Option *op, int from, int to)
{
    if (g->cap_later < to - from) {
        int *nl = realloc(g->later, (size_t)(to - from) * sizeof *nl);
        if (!nl)
            return -1;
        g->later = nl;
        g->cap_later = to - from;
    }
    int n1 = 0, n2 = 0;
    for (int i = from; i < to; i++) {
        if (g->coh_closed[op[i].cohort])
            continue;
        int pool = option_pool(g, &op[i]);
        if (pool == 0) {
            if (try_option(g, p, &op[i]))
                return 1;
        } else if (pool == 1) {
            g->later[n1++] = i;
        } else {
            g->later[to - from - 1 - n2++] = i; /* from the end, in reverse */
        }
    }
    for (int k = 0; k < n1; k++)
        if (try_option(g, p, &op[g->later[k]]))
            return 1;
    for (int k = to - from - 1; k >= to - from - n2; k--)
        if (try_option(g, p, &op[g->later[k]]))
            return 1;
    return 0;
}

int greedy_try_join(Greedy *g, int p)
{
    if (g->ocache) {
        int n;
        const Option *op = cached_options(g, p, &n);
        if (!op)
            return -1;
        for (int i = 0; i < n;) {
            int j = i;
            while (j < n && op[j].rank == op[i].rank)
                j++;
            int r = try_by_pool(g, p, op, i, j);
            if (r)
                return r;
            i = j;
        }
        return 0;
    }
    int nopt = collect_options(g, p, 0);
    if (nopt < 0)
        return -1;
    if (nopt > 1)
        qsort(g->opts, (size_t)nopt, sizeof *g->opts, cmp_option);
    for (int i = 0; i < nopt; i++)
        if (try_option(g, p, &g->opts[i]))
            return 1;
    return 0;
}

/* Releases the last-joined members of every cohort whose size cannot be
 * split into groups, and closes those cohorts. Returns the count released. */
long greedy_repair(Greedy *g)
{
    long released = 0;
    for (int t = 0; t < g->s->ntracks; t++) {
        const Track *tr = &g->s->tracks[t];
        if (!tr->has_course)
            continue;
        int end = t + 1 < g->s->ntracks ? g->track_base[t + 1] : g->ncoh;
        for (int c = g->track_base[t]; c < end; c++) {
            if (greedy_splittable(tr, g->coh_n[c]))
                continue;
            while (g->coh_n[c] > 0 && !greedy_splittable(tr, g->coh_n[c])) {
                greedy_leave(g, g->coh_last[c]);
                released++;
            }
            g->coh_closed[c] = 1;
        }
    }
    return released;
}

/* ---- gather: cohorts opened for those left out --------------------------- */

/* The candidates of the gather phase: who is still out, which empty
 * cohorts each could join, and per cohort the candidates still out. */
typedef struct Gather {
    int nu;
    int *u_p;                 /* [nu] participant, in the order given */
    int *u_first, *u_coh;     /* per participant: candidate cohorts (CSR) */
    double *u_val;            /* value of each candidate, parallel to u_coh */
    int *c_first, *c_u;       /* per cohort: candidate participants (CSR, in u order) */
    int *c_n;                 /* candidates still out, per cohort */
    double *c_v;              /* their value */
    unsigned char *tried;
} Gather;

/* 1 once g's deadline has passed (looked at every 32nd call, i: the
 * caller's count), and from then on. Without a deadline (the greedy
 * search's steps) never: the search stops by itself. Ctrl-C does not stop
 * it: the first plan is what a Ctrl-C during loading writes, and an empty
 * one would replace a good plan under --force (review, twenty-second
 * session); it takes seconds only on the largest tight programs. */
static int greedy_out_of_time(Greedy *g, int i)
{
    if (!g->stopped && (i & 31) == 0 && g->deadline > 0.0 && clock_seconds() > g->deadline)
        g->stopped = 1;
    return g->stopped;
}

static void gather_release(Gather *ga)
{
    free(ga->u_p);
    free(ga->u_first);
    free(ga->u_coh);
    free(ga->u_val);
    free(ga->c_first);
    free(ga->c_u);
    free(ga->c_n);
    free(ga->c_v);
    free(ga->tried);
}

/* The candidates: for every participant left out, the empty cohorts with
 * a course it is admissible to, at a track of some value to it. */
static int gather_init(Greedy *g, const int *porder, int n, Gather *ga)
{
    const Scenario *s = g->s;
    int np = s->nparticipants, nc = g->ncoh ? g->ncoh : 1;
    memset(ga, 0, sizeof *ga);
    ga->u_p = malloc((size_t)(np ? np : 1) * sizeof *ga->u_p);
    ga->u_first = malloc((size_t)(np + 1) * sizeof *ga->u_first);
    ga->c_first = calloc((size_t)nc + 1, sizeof *ga->c_first);
    ga->c_n = calloc((size_t)nc, sizeof *ga->c_n);
    ga->c_v = calloc((size_t)nc, sizeof *ga->c_v);
    ga->tried = calloc((size_t)nc, 1);
    if (!ga->u_p || !ga->u_first || !ga->c_first || !ga->c_n || !ga->c_v || !ga->tried)
        return -1;
    size_t cap = 1024, len = 0;
    ga->u_coh = malloc(cap * sizeof *ga->u_coh);
    ga->u_val = malloc(cap * sizeof *ga->u_val);
    if (!ga->u_coh || !ga->u_val)
        return -1;
    for (int i = 0; i < n; i++) {
        int p = porder[i];
        if (g->p_cohort[p] >= 0)
            continue;
        const Option *opts;
        int nopt = all_options(g, p, &opts);
        if (nopt < 0)
            return -1;
        ga->u_first[ga->nu] = (int)len;
        int vtrack = -1; /* v: the value of track vtrack; with a track list the options come
                            track by track (by rank), so it is seldom worked out again */
        double v = 0.0;
        for (int k = 0; k < nopt; k++) {
            const Option *o = &opts[k];
            if (g->coh_n[o->cohort] > 0 || !s->tracks[o->track].has_course)
                continue;
            if (o->track != vtrack) {
                vtrack = o->track;
                v = participant_track_value(s, &s->participants[p], vtrack);
            }
            if (v <= 0.0)
                continue;
            if (len == cap) {
                cap *= 2;
                int *nc2 = realloc(ga->u_coh, cap * sizeof *nc2);
                if (nc2)
                    ga->u_coh = nc2;
                double *nv = realloc(ga->u_val, cap * sizeof *nv);
                if (nv)
                    ga->u_val = nv;
                if (!nc2 || !nv)
                    return -1;
            }
            ga->u_coh[len] = o->cohort;
            ga->u_val[len++] = v;
            ga->c_n[o->cohort]++;
            ga->c_v[o->cohort] += v;
        }
        ga->u_p[ga->nu++] = p;
    }
    ga->u_first[ga->nu] = (int)len;
    for (int c = 0; c < g->ncoh; c++)
        ga->c_first[c + 1] = ga->c_first[c] + ga->c_n[c];
    ga->c_u = malloc((len ? len : 1) * sizeof *ga->c_u);
    int *fill = malloc((size_t)nc * sizeof *fill);
    if (!ga->c_u || !fill) {
        free(fill);
        return -1;
    }
    memcpy(fill, ga->c_first, (size_t)g->ncoh * sizeof *fill);
    for (int u = 0; u < ga->nu; u++)
        for (int k = ga->u_first[u]; k < ga->u_first[u + 1]; k++)
            ga->c_u[fill[ga->u_coh[k]]++] = u;
    free(fill);
    return 0;
}

/* How many members an empty cohort c could take from its centre's seats
 * and groups left free in every week of its course. */
static int cohort_room(const Greedy *g, int c)
{
    const Scenario *s = g->s;
    int t, host, start;
    greedy_coh_decode(g, c, &t, &host, &start);
    const Track *tr = &s->tracks[t];
    int ci = s->centre_of[host];
    const Centre *ce = &s->centres[ci];
    const int *seats = g->seat_used + (size_t)ci * g->W1;
    const int *grps = g->grp_used + (size_t)ci * g->W1;
    long long room = ce->seats; /* seats and group sizes may each be up to 1e9 */
    for (int j = 0; j < tr->nmodules; j++) {
        const Module *m = &tr->modules[j];
        if (m->kind != MODULE_COURSE)
            continue;
        for (int w = start + m->offset; w < start + m->offset + m->weeks; w++) {
            long long r = (long long)ce->seats - seats[w];
            long long by_groups = (long long)(ce->max_groups - grps[w]) * tr->max_group;
            if (by_groups < r)
                r = by_groups;
            if (r < room)
                room = r;
        }
    }
    return room < 0 ? 0 : (int)room; /* ≤ seats, an int */
}

/* The untried empty cohort whose candidates bring the most value, counting
 * no more of them than its centre can seat; −1 when no cohort has
 * min_group candidates. */
static int gather_pick(const Greedy *g, const Gather *ga)
{
    const Scenario *s = g->s;
    int best = -1;
    double best_score = 0.0;
    for (int c = 0; c < g->ncoh; c++) {
        if (ga->tried[c] || g->coh_n[c] > 0 || ga->c_n[c] == 0)
            continue;
        int t, host, start;
        greedy_coh_decode(g, c, &t, &host, &start);
        const Track *tr = &s->tracks[t];
        if (ga->c_n[c] < tr->min_group)
            continue;
        int room = cohort_room(g, c);
        if (room < tr->min_group)
            continue;
        double score = ga->c_v[c] / ga->c_n[c] * (ga->c_n[c] < room ? ga->c_n[c] : room);
        if (best < 0 || score > best_score + 1e-9) {
            best = c;
            best_score = score;
        }
    }
    return best;
}

/* Participants who could only reach cohorts nobody else joined stay out
 * after the join and repair rounds: each takes the nearest cohort below
 * min_group, they scatter, and repair closes every such cohort again
 * (national 2 000: 299 left out, most with "none of their cohorts open").
 * Gather turns the question round: of the empty cohorts, the one the most
 * value left out could reach is opened with them (in the participant
 * order), kept only when it reaches min_group, and so on while some empty
 * cohort has min_group candidates. It only adds members, so the plan's
 * value never drops. Returns 0, or −1 on out-of-memory. */
int greedy_gather(Greedy *g, const int *porder, int n)
{
    Gather ga;
    int rc = -1;
    if (gather_init(g, porder, n, &ga))
        goto done;
    int c, picks = 0;
    while (!greedy_out_of_time(g, ++picks) && (c = gather_pick(g, &ga)) >= 0) {
        ga.tried[c] = 1;
        int t, host, start;
        greedy_coh_decode(g, c, &t, &host, &start);
        const Track *tr = &g->s->tracks[t];
        int room = cohort_room(g, c);
        for (int k = ga.c_first[c]; k < ga.c_first[c + 1] && g->coh_n[c] < room; k++) {
            int p = ga.u_p[ga.c_u[k]];
            Option o;
            if (g->p_cohort[p] < 0 && option_for(g, p, c, &o))
                try_option(g, p, &o);
        }
        while (g->coh_n[c] > 0 && !greedy_splittable(tr, g->coh_n[c]))
            greedy_leave(g, g->coh_last[c]);
        /* those who joined are no longer candidates anywhere */
        for (int k = ga.c_first[c]; k < ga.c_first[c + 1]; k++) {
            int u = ga.c_u[k];
            if (g->p_cohort[ga.u_p[u]] != c)
                continue;
            for (int j = ga.u_first[u]; j < ga.u_first[u + 1]; j++) {
                ga.c_n[ga.u_coh[j]]--;
                ga.c_v[ga.u_coh[j]] -= ga.u_val[j];
            }
        }
    }
    rc = 0;
done:
    gather_release(&ga);
    return rc;
}

/* Total cost summed exactly as plan totals are (hosting by cohort, then
 * travel by participant), so the budget test matches the written plan. */
static double exact_cost(const Greedy *g)
{
    const Scenario *s = g->s;
    double hosting = 0.0, travel = 0.0;
    for (int c = 0; c < g->ncoh; c++)
        if (g->coh_n[c] > 0) {
            const Track *tr = &s->tracks[greedy_coh_track(g, c)];
            hosting += greedy_groups_for(tr, g->coh_n[c]) * tr->group_cost;
        }
    for (int p = 0; p < s->nparticipants; p++)
        if (g->p_cohort[p] >= 0)
            travel += g->p_cost[p];
    return hosting + travel;
}

typedef struct DropKey {
    double ratio;
    int pos;
    int p;
} DropKey;

static int cmp_drop(const void *a, const void *b)
{
    const DropKey *x = a, *y = b;
    if (x->ratio != y->ratio)
        return x->ratio < y->ratio ? -1 : 1;
    return (x->pos < y->pos) - (x->pos > y->pos); /* later in order first */
}

/* Removes value-0 members whose cohort stays valid, then drops members in
 * ascending value per cost while over budget. Returns 0 or −1. */
int greedy_trim(Greedy *g, const int *order)
{
    const Scenario *s = g->s;
    int np = s->nparticipants;
    for (int i = np - 1; i >= 0; i--) {
        int p = order[i];
        int c = g->p_cohort[p];
        if (c < 0)
            continue;
        const Track *tr = &s->tracks[greedy_coh_track(g, c)];
        if (participant_track_value(s, &s->participants[p], greedy_coh_track(g, c)) > 0.0)
            continue;
        if (greedy_splittable(tr, g->coh_n[c] - 1))
            greedy_leave(g, p);
    }
    if (!s->objective.has_max_cost)
        return 0;
    double lim = g->limit + MIP_BUDGET_TOLERANCE * fmax(1.0, g->limit);
    if (exact_cost(g) <= lim)
        return 0;
    DropKey *keys = malloc((size_t)(np ? np : 1) * sizeof *keys);
    if (!keys)
        return -1;
    int nk = 0;
    for (int i = 0; i < np; i++) {
        int p = order[i];
        int c = g->p_cohort[p];
        if (c < 0)
            continue;
        int t = greedy_coh_track(g, c);
        const Track *tr = &s->tracks[t];
        double saving = g->p_cost[p] + (tr->has_course ? tr->group_cost / tr->max_group : 0.0);
        double v = participant_track_value(s, &s->participants[p], t);
        keys[nk++] = (DropKey){saving > 0 ? v / saving : HUGE_VAL, i, p};
    }
    qsort(keys, (size_t)nk, sizeof *keys, cmp_drop);
    int next = 0;
    while (next < nk && exact_cost(g) > lim) {
        while (next < nk && g->cost > g->limit) {
            int p = keys[next++].p;
            int c = g->p_cohort[p];
            if (c < 0)
                continue;
            const Track *tr = &s->tracks[greedy_coh_track(g, c)];
            greedy_leave(g, p);
            while (g->coh_n[c] > 0 && !greedy_splittable(tr, g->coh_n[c]))
                greedy_leave(g, g->coh_last[c]);
        }
        if (next < nk && exact_cost(g) > lim) { /* rounding: one more */
            int p = keys[next++].p;
            int c = g->p_cohort[p];
            if (c >= 0) {
                const Track *tr = &s->tracks[greedy_coh_track(g, c)];
                greedy_leave(g, p);
                while (g->coh_n[c] > 0 && !greedy_splittable(tr, g->coh_n[c]))
                    greedy_leave(g, g->coh_last[c]);
            }
        }
    }
    free(keys);
    return 0;
}

/* ---- the plan ------------------------------------------------------------ */

int greedy_to_plan(const Greedy *g, Plan **out)
{
    const Scenario *s = g->s;
    Plan *plan = plan_new(s->nparticipants);
    int *map = malloc((size_t)(g->ncoh ? g->ncoh : 1) * sizeof *map);
    if (!plan || !map)
        goto oom;
    for (int c = 0; c < g->ncoh; c++) {
        map[c] = -1;
        if (g->coh_n[c] <= 0)
            continue;
        int t, host, start;
        greedy_coh_decode(g, c, &t, &host, &start);
        const Track *tr = &s->tracks[t];
        map[c] = plan_add_cohort(plan, (PlanCohort){t, tr->has_course ? host : -1, start,
                                                    greedy_groups_for(tr, g->coh_n[c]), g->coh_n[c]});
        if (map[c] < 0)
            goto oom;
    }
    for (int p = 0; p < s->nparticipants; p++) {
        int c = g->p_cohort[p];
        if (c < 0)
            continue;
        PlanAssignment *a = &plan->assignments[p];
        int t = greedy_coh_track(g, c);
        a->cohort = map[c];
        a->travel = s->tracks[t].has_course ? (TravelMode)g->p_travel[p] : TRAVEL_NONE;
        a->nslots = g->nplace[t];
        if (a->nslots) {
            a->slots = malloc((size_t)a->nslots * sizeof *a->slots);
            if (!a->slots)
                goto oom;
            memcpy(a->slots, g->p_slots + (size_t)p * (size_t)g->maxplace,
                   (size_t)a->nslots * sizeof *a->slots);
        }
    }
    plan_compute_totals(s, plan);
    plan->status = PLAN_FEASIBLE;
    plan->bound = plan->value;
    plan->gap = 0.0;
    free(map);
    *out = plan;
    return 0;
oom:
    free(map);
    plan_free(plan);
    return -1;
}

typedef struct OrderKey {
    double value;
    int nopts; /* admissible options (fewest first), minus them (most
                  first), else 0 */
    int p;
} OrderKey;

static int cmp_order_key(const void *a, const void *b)
{
    const OrderKey *x = a, *y = b;
    if (x->value != y->value)
        return x->value > y->value ? -1 : 1;
    if (x->nopts != y->nopts)
        return x->nopts < y->nopts ? -1 : 1;
    return (x->p > y->p) - (x->p < y->p);
}

int greedy_participant_order(Greedy *g, GreedyOrder order, int *porder)
{
    const Scenario *s = g->s;
    int np = s->nparticipants;
    if (order == GREEDY_GROSS_LIST) {
        for (int p = 0; p < np; p++)
            porder[p] = p;
        return 0;
    }
    OrderKey *keys = malloc((size_t)(np ? np : 1) * sizeof *keys);
    if (!keys)
        return -1;
    for (int p = 0; p < np; p++) {
        double best = participant_best_value(s, &s->participants[p]);
        int nopts = 0;
        if (order == GREEDY_FEWEST_OPTIONS || order == GREEDY_MOST_OPTIONS || order == GREEDY_FEWEST_JOIN_OPEN) {
            nopts = collect_options(g, p, 0);
            if (nopts < 0) {
                free(keys);
                return -1;
            }
            if (order == GREEDY_MOST_OPTIONS)
                nopts = -nopts;
        }
        keys[p] = (OrderKey){best, nopts, p};
    }
    qsort(keys, (size_t)np, sizeof *keys, cmp_order_key);
    for (int p = 0; p < np; p++)
        porder[p] = keys[p].p;
    free(keys);
    return 0;
}

/* Joins the participants of porder not yet placed, in that order, until
 * the deadline. Returns 0, or −1 on out-of-memory. */
static int join_all(Greedy *g, const int *porder, int n)
{
    for (int i = 0; i < n && !greedy_out_of_time(g, i); i++)
        if (g->p_cohort[porder[i]] < 0 && greedy_try_join(g, porder[i]) < 0)
            return -1;
    return 0;
}

int greedy_fill(Greedy *g, const int *porder, int n)
{
    if (join_all(g, porder, n))
        return -1;
    for (int round = 0; round < GREEDY_ROUNDS && !g->stopped; round++) {
        if (greedy_repair(g) == 0)
            break;
        if (join_all(g, porder, n))
            return -1;
    }
    greedy_repair(g); /* valid whenever it stopped: no cohort below min_group */
    if (g->order != GREEDY_GROSS_LIST && !g->stopped && greedy_gather(g, porder, n))
        return -1;
    return 0;
}

int greedy_plan(const Scenario *s, GreedyOrder order, Plan **out)
{
    return greedy_plan_until(s, order, 0.0, out);
}

int greedy_plan_until(const Scenario *s, GreedyOrder order, double deadline, Plan **out)
{
    Greedy g;
    int rc = -1;
    int np = s->nparticipants;
    int *porder = malloc((size_t)(np ? np : 1) * sizeof *porder);
    if (greedy_state_init(&g, s, order) || !porder)
        goto done;
    g.deadline = deadline;
    if (greedy_participant_order(&g, order, porder) || greedy_fill(&g, porder, np) || greedy_trim(&g, porder))
        goto done;
    rc = greedy_to_plan(&g, out);
done:
    free(porder);
    greedy_state_release(&g);
    return rc;
}
