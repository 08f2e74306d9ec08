/*
 * greedy_search.c — ruin and recreate on a greedy plan (greedy.h), without
 * GLPK.
 *
 * On national programs GLPK's regions each take a second or more, so a
 * 10 s solve tries a few dozen changes to the greedy plan (bench/RESULTS.md).
 * The greedy's own state (solver/greedy_state.h) makes a change cost
 * microseconds instead: one step empties the cohorts at a few nearby
 * centres (the ruin), then lets the participants it released, and those
 * still out who could attend a course there, join again with the greedy's
 * own rules — join, repair, gather — in a shuffled order of equal values
 * (the recreate). A step is kept when the plan's value rises, or stays and
 * its cost does not rise; otherwise the journal of who changed puts the
 * plan back exactly. Every kept state is a valid plan (the greedy's
 * invariants: cohorts splittable into groups, centres and slots within
 * capacity, joins within the budget), so the search can stop at any step.
 *
 * Ruin and recreate: Schrimpf, Schneider, Stamm-Wilbrandt and Dueck,
 * "Record breaking optimization results using the ruin and recreate
 * principle", J. Comput. Phys. 159 (2000).
 */
#include "greedy.h"
#include "greedy_state.h"

#include "build.h"
#include "glpk_run.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Nearest other centres a ruin may add to its seed centre, at most. */
#define SEARCH_NEAR_CENTRES 3
/* Tries at drawing a participant still out before a seed is drawn among
 * all centres instead. */
#define SEARCH_OUT_TRIES 16
/* Candidates still out a step adds beyond twice those it released. */
#define SEARCH_MIN_OUT 40
/* Seconds between progress lines, at least (README: about once a second). */
#define PROGRESS_EVERY_S 1.0
/* A search in a solve (greedy_search_live) stops once its value has not
 * risen for as long as it ran before its last gain, and at least this
 * long: on national 500 it gained nothing from 7 s to the end of its
 * 36 s, while GLPK's regions, which form the small groups the search
 * misses, gained 10 (60 s: 427.6–428.0 against 437.6–440.3 with a 5 s
 * search), where national 2 000 still gained at 16, 28 and 34 s
 * (bench/RESULTS.md, twenty-eighth session). Only once the bound beside
 * it is done (LiveShare.bound_done): the bound has the search's time. */
#define SEARCH_STALL_MIN_S 5.0

typedef struct CandKey {
    double key; /* best value, shuffled among equals */
    int p;
} CandKey;

typedef struct Search {
    Greedy *g;
    const Scenario *s;
    uint64_t rng;
    int *p_first, *p_hosts; /* per participant: centre municipalities it can attend (CSR) */
    int *h_first, *h_ps;  /* per municipality: participants who can attend a course there (CSR) */
    int *near;            /* [ncentres × SEARCH_NEAR_CENTRES] nearest other centres (municipality), −1 pad */
    int *cand;            /* [np] participants of the step */
    unsigned char *in_cand;
    CandKey *keys;        /* [np] the step's candidates with their sort keys */
} Search;

static uint64_t rng_next(Search *sr)
{
    /* xorshift64*: small, fast, and reproducible from the seed */
    sr->rng ^= sr->rng >> 12;
    sr->rng ^= sr->rng << 25;
    sr->rng ^= sr->rng >> 27;
    return sr->rng * 2685821657736338717ULL;
}

static int rng_below(Search *sr, int n)
{
    return n > 0 ? (int)(rng_next(sr) % (uint64_t)n) : 0;
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void search_release(Search *sr)
{
    free(sr->p_first);
    free(sr->p_hosts);
    free(sr->h_first);
    free(sr->h_ps);
    free(sr->near);
    free(sr->cand);
    free(sr->in_cand);
    free(sr->keys);
}

/* 1 when participant p can attend a course of some track of value to it
 * at the centre in municipality h. */
static int attends(const Scenario *s, const Participant *pt, int h)
{
    int ntr = pt->nprefs ? pt->nprefs : s->ntracks;
    for (int i = 0; i < ntr; i++) {
        int t = pt->nprefs ? pt->prefs[i] : i;
        if (!s->tracks[t].has_course || participant_track_value(s, pt, t) <= 0.0)
            continue;
        if (centre_hosts_track(s, h, t))
            return 1;
    }
    return 0;
}

typedef struct ByKm {
    double km;
    int muni;
} ByKm;

static int cmp_by_km(const void *a, const void *b)
{
    const ByKm *x = a, *y = b;
    if (x->km != y->km)
        return x->km < y->km ? -1 : 1;
    return x->muni - y->muni;
}

/* The reach index both ways and each centre's nearest centres. */
static int search_init(Search *sr, Greedy *g, uint64_t seed)
{
    const Scenario *s = g->s;
    int np = s->nparticipants, nm = s->nmunicipalities;
    memset(sr, 0, sizeof *sr);
    sr->g = g;
    sr->s = s;
    sr->rng = seed ? seed : 0x9E3779B97F4A7C15ULL;
    size_t npp = (size_t)(np ? np : 1), nc = (size_t)(s->ncentres ? s->ncentres : 1);
    sr->p_first = calloc(npp + 1, sizeof *sr->p_first);
    sr->h_first = calloc((size_t)nm + 1, sizeof *sr->h_first);
    sr->near = malloc(nc * SEARCH_NEAR_CENTRES * sizeof *sr->near);
    sr->cand = malloc(npp * sizeof *sr->cand);
    sr->in_cand = calloc(npp, 1);
    sr->keys = malloc(npp * sizeof *sr->keys);
    ByKm *by = malloc(nc * sizeof *by);
    if (!sr->p_first || !sr->h_first || !sr->near || !sr->cand || !sr->in_cand ||
        !sr->keys || !by) {
        free(by);
        return -1;
    }
    for (int ci = 0; ci < s->ncentres; ci++) {
        int h = s->centres[ci].municipality, n = 0;
        for (int cj = 0; cj < s->ncentres; cj++) {
            int o = s->centres[cj].municipality;
            double km = scenario_km(s, h, o);
            if (cj != ci && km >= 0.0)
                by[n++] = (ByKm){km, o};
        }
        qsort(by, (size_t)n, sizeof *by, cmp_by_km);
        for (int k = 0; k < SEARCH_NEAR_CENTRES; k++)
            sr->near[(size_t)ci * SEARCH_NEAR_CENTRES + (size_t)k] = k < n ? by[k].muni : -1;
    }
    free(by);
    /* participants → centres they can attend, in two passes (count, fill) */
    size_t cap = 0, len = 0;
    for (int pass = 0; pass < 2; pass++) {
        len = 0;
        for (int p = 0; p < np; p++) {
            const Participant *pt = &s->participants[p];
            sr->p_first[p] = (int)len;
            for (int ci = 0; ci < s->ncentres; ci++) {
                int h = s->centres[ci].municipality;
                if (!s->cooperation && h != pt->home)
                    continue;
                if (decide_travel(s, pt->home, h, pt->max_minutes, pt->can_relocate) < 0 || !attends(s, pt, h))
                    continue;
                if (pass == 1)
                    sr->p_hosts[len] = h;
                else
                    sr->h_first[h + 1]++;
                len++;
            }
        }
        sr->p_first[np] = (int)len;
        if (pass == 0) {
            if (len > (size_t)INT32_MAX)
                return -1;
            cap = len ? len : 1;
            sr->p_hosts = malloc(cap * sizeof *sr->p_hosts);
            sr->h_ps = malloc(cap * sizeof *sr->h_ps);
            if (!sr->p_hosts || !sr->h_ps)
                return -1;
        }
    }
    for (int h = 0; h < nm; h++)
        sr->h_first[h + 1] += sr->h_first[h];
    int *fill = malloc((size_t)(nm ? nm : 1) * sizeof *fill);
    if (!fill)
        return -1;
    memcpy(fill, sr->h_first, (size_t)nm * sizeof *fill);
    for (int p = 0; p < np; p++)
        for (int i = sr->p_first[p]; i < sr->p_first[p + 1]; i++)
            sr->h_ps[fill[sr->p_hosts[i]]++] = p;
    free(fill);
    /* the journal */
    size_t mp = (size_t)(g->maxplace ? g->maxplace : 1);
    g->j_p = malloc(npp * sizeof *g->j_p);
    g->j_cohort = malloc(npp * sizeof *g->j_cohort);
    g->j_travel = malloc(npp * sizeof *g->j_travel);
    g->j_cost = malloc(npp * sizeof *g->j_cost);
    g->j_slots = malloc(npp * mp * sizeof *g->j_slots);
    g->j_seen = calloc(npp, 1);
    g->ocache = calloc(npp, sizeof *g->ocache);
    g->ocache_n = calloc(npp, sizeof *g->ocache_n);
    if (!g->j_p || !g->j_cohort || !g->j_travel || !g->j_cost || !g->j_slots || !g->j_seen || !g->ocache ||
        !g->ocache_n)
        return -1;
    return 0;
}

static void add_candidate(Search *sr, int *n, int p)
{
    if (sr->in_cand[p])
        return;
    sr->in_cand[p] = 1;
    sr->cand[(*n)++] = p;
}

/* The seed centre of a step: most often one that a participant still out
 * could attend, else any centre. Returns a municipality, or −1. */
static int pick_seed(Search *sr)
{
    const Greedy *g = sr->g;
    int np = sr->s->nparticipants;
    if (rng_below(sr, 4) != 0)
        for (int k = 0; k < SEARCH_OUT_TRIES && np > 0; k++) {
            int p = rng_below(sr, np);
            int n = sr->p_first[p + 1] - sr->p_first[p];
            if (g->p_cohort[p] < 0 && n > 0)
                return sr->p_hosts[sr->p_first[p] + rng_below(sr, n)];
        }
    if (sr->s->ncentres == 0)
        return -1;
    return sr->s->centres[rng_below(sr, sr->s->ncentres)].municipality;
}

/* Ruins the courses at municipality h: each cohort with members there is
 * emptied with probability 1/2 (all of them when `all`), its members
 * become candidates. */
static void ruin_centre(Search *sr, int h, int all, int *n)
{
    Greedy *g = sr->g;
    const Scenario *s = sr->s;
    int nm = s->nmunicipalities;
    for (int t = 0; t < s->ntracks; t++) {
        if (!s->tracks[t].has_course)
            continue;
        int pos = g->hostpos[(size_t)t * (size_t)nm + (size_t)h];
        if (pos < 0)
            continue;
        int ns = g->track_nstarts[t];
        for (int k = 0; k < ns; k++) {
            int c = g->track_base[t] + pos * ns + k;
            if (g->coh_n[c] == 0 || (!all && rng_below(sr, 2)))
                continue;
            while (g->coh_last[c] >= 0) {
                int p = g->coh_last[c];
                greedy_leave(g, p);
                add_candidate(sr, n, p);
            }
        }
    }
}

/* Adds those still out who could attend a course at h, from a random
 * place in its list, until the candidates number `cap`. */
static void add_out(Search *sr, int h, int cap, int *n)
{
    int first = sr->h_first[h], len = sr->h_first[h + 1] - first;
    int at = rng_below(sr, len);
    for (int i = 0; i < len && *n < cap; i++) {
        int p = sr->h_ps[first + (at + i) % len];
        if (sr->g->p_cohort[p] < 0)
            add_candidate(sr, n, p);
    }
}

/* Candidates by descending key. */
static int cmp_candidate(const void *a, const void *b)
{
    double kp = ((const CandKey *)a)->key, kq = ((const CandKey *)b)->key;
    return (kp < kq) - (kp > kq);
}

/* Puts back everyone the journal noted, as they were: in the reverse of
 * the order they were noted, so that each cohort's members are in their
 * join order again (a ruin empties a cohort from its last member). */
static void undo(Greedy *g, double value, double cost)
{
    g->journal = 0;
    for (int i = 0; i < g->jn; i++)
        if (g->p_cohort[g->j_p[i]] >= 0)
            greedy_leave(g, g->j_p[i]);
    for (int i = g->jn - 1; i >= 0; i--)
        if (g->j_cohort[i] >= 0)
            greedy_rejoin(g, g->j_p[i], g->j_cohort[i], g->j_travel[i], g->j_cost[i],
                          g->j_slots + (size_t)i * (size_t)(g->maxplace ? g->maxplace : 1));
    g->value = value; /* the same plan: no drift from adding and taking away */
    g->cost = cost;
}

static void journal_clear(Greedy *g)
{
    for (int i = 0; i < g->jn; i++)
        g->j_seen[g->j_p[i]] = 0;
    g->jn = 0;
    g->journal = 1;
}

/* One step. Returns 1 kept, 0 undone, −1 out of memory (the plan is
 * then whatever it was: callers stop and discard it). */
static int search_step(Search *sr, const double *best_value)
{
    Greedy *g = sr->g;
    int h0 = pick_seed(sr);
    if (h0 < 0)
        return 0;
    double v0 = g->value, c0 = g->cost;
    journal_clear(g);
    int n = 0;
    int ci0 = sr->s->centre_of[h0];
    int extra = rng_below(sr, SEARCH_NEAR_CENTRES + 1);
    ruin_centre(sr, h0, rng_below(sr, 2), &n);
    for (int k = 0; k < extra; k++) {
        int h = sr->near[(size_t)ci0 * SEARCH_NEAR_CENTRES + (size_t)k];
        if (h >= 0)
            ruin_centre(sr, h, 0, &n);
    }
    /* those still out: as many again as were released, and at least
     * SEARCH_MIN_OUT (a large county has thousands; trying them all
     * made a step on national 50 000 take 0.2 s) */
    int cap = 2 * n + SEARCH_MIN_OUT;
    add_out(sr, h0, cap, &n);
    for (int k = 0; k < extra; k++) {
        int h = sr->near[(size_t)ci0 * SEARCH_NEAR_CENTRES + (size_t)k];
        if (h >= 0)
            add_out(sr, h, cap, &n);
    }
    for (int i = 0; i < n; i++) {
        int p = sr->cand[i];
        double u = (double)(rng_next(sr) >> 11) / 9007199254740992.0; /* [0, 1) */
        sr->keys[i] = (CandKey){best_value[p] * (1.0 + 1e-6 * u), p};
        sr->in_cand[p] = 0;
    }
    qsort(sr->keys, (size_t)n, sizeof *sr->keys, cmp_candidate);
    for (int i = 0; i < n; i++)
        sr->cand[i] = sr->keys[i].p;
    memset(g->coh_closed, 0, (size_t)(g->ncoh ? g->ncoh : 1));
    g->join_open = rng_below(sr, 2);
    if (greedy_fill(g, sr->cand, n))
        return -1;
    double dv = g->value - v0, dc = g->cost - c0;
    double vtol = 1e-9 * fmax(1.0, fabs(v0)), ctol = 1e-9 * fmax(1.0, fabs(c0));
    if (dv > vtol || (dv >= -vtol && dc <= ctol))
        return 1;
    undo(g, v0, c0);
    return 0;
}

void greedy_progress_line(double clock_start, double value, double from)
{
    char v[32], f[32];
    fprintf(stderr, "samplan: %6.1f s  level 1 (value)  greedy search: %s from %s\n",
            clock_seconds() - clock_start, progress_number(value, v), progress_number(from, f));
}

int greedy_search(const Scenario *s, GreedyOrder order, double seconds, unsigned long seed, Plan **out,
                  GreedySearchStats *stats)
{
    return greedy_search_live(s, order, seconds, seed, NULL, out, stats);
}

int greedy_search_live(const Scenario *s, GreedyOrder order, double seconds, unsigned long seed,
                       LiveShare *live, Plan **out, GreedySearchStats *stats)
{
    Greedy g;
    Search sr;
    memset(&sr, 0, sizeof sr);
    GreedySearchStats local = {0};
    int rc = -1, np = s->nparticipants;
    double t0 = seconds_now();
    int *porder = malloc((size_t)(np ? np : 1) * sizeof *porder);
    double *best_value = malloc((size_t)(np ? np : 1) * sizeof *best_value);
    if (greedy_state_init(&g, s, order) || !porder || !best_value)
        goto done;
    /* trimmed before the search too: it compares costs with the members
     * of value 0 that trimming takes out already gone (else it kept a
     * plan whose members of value 0 could no longer leave) */
    if (greedy_participant_order(&g, order, porder) || greedy_fill(&g, porder, np) || greedy_trim(&g, porder))
        goto done;
    for (int p = 0; p < np; p++)
        best_value[p] = participant_best_value(s, &s->participants[p]);
    local.start_value = g.value;
    if (search_init(&sr, &g, seed))
        goto done;
    /* gross-list placing (first slot in file order) is for the baseline
     * only: the search places as best value does */
    g.order = GREEDY_BEST_VALUE;
    if (live && mip_value_done(live->bound, g.value, live->gap))
        live->enough = 1;
    double next_line = live && live->progress_from >= 0.0 ? t0 + PROGRESS_EVERY_S : HUGE_VAL;
    double gain_value = g.value, gain_t = t0; /* the last rise of the value, and when */
    while (s->ncentres > 0 && seconds_now() - t0 < seconds && !solver_interrupted && !(live && live->enough)) {
        int r = search_step(&sr, best_value);
        if (r < 0)
            goto done;
        if ((local.steps & 63) == 0 && live) {
            double now = seconds_now();
            if (g.value > gain_value + 1e-9 * fmax(1.0, fabs(gain_value)))
                gain_value = g.value, gain_t = now;
            else if (live->bound_done && now - gain_t >= fmax(SEARCH_STALL_MIN_S, gain_t - t0))
                break;
        }
        if ((local.steps & 63) == 0 && seconds_now() >= next_line) {
            next_line += PROGRESS_EVERY_S; /* on the second, however late this line */
            greedy_progress_line(live->progress_from, g.value, local.start_value);
        }
        local.steps++;
        local.kept += r;
        if (live && r && g.value > live->value)
            live->value = g.value;
        if (live && r && mip_value_done(live->bound, g.value, live->gap))
            live->enough = 1;
    }
    g.journal = 0;
    if (greedy_trim(&g, porder))
        goto done;
    local.end_value = g.value;
    rc = greedy_to_plan(&g, out);
done:
    local.seconds = seconds_now() - t0;
    if (stats)
        *stats = local;
    free(porder);
    free(best_value);
    search_release(&sr);
    greedy_state_release(&g);
    return rc;
}
