/*
 * lns.c — large-neighbourhood search for programs too large for GLPK as a
 * whole (lns.h).
 *
 * On a national instance with cooperation the program is one block of a
 * million rows and more, and GLPK does not finish its first LP in any
 * time a planner would wait (bench/RESULTS.md), so a plain run ends with
 * the greedy plan. Here the plan is improved region by region instead:
 * a region is a municipality and its nearest neighbours (by km), grown
 * until it holds about `target` columns; the columns that lie wholly
 * inside it (participants living there with hosts there, its cohorts,
 * placements from there to slots there) are freed, every other column is
 * fixed at the plan's value (mip_restrict), and GLPK solves what is left
 * — a county-sized program it handles in seconds — starting from the plan.
 * A better solution of the restriction, with the rest unchanged, is a
 * better plan of the whole. Regions that GLPK proves quickly grow, regions
 * it cannot finish shrink. No bound comes out of this: the caller keeps
 * its own.
 */
#include "lns.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Free columns of the first region, the least a region shrinks to, and
 * the most time one region gets. */
#define LNS_FIRST_COLUMNS 4000.0
#define LNS_MIN_COLUMNS 500.0
#define LNS_MAX_REGION_S 10.0

/* Where a column lies: the participants' home (or −1) and the host or
 * slot municipality (or −1). */
static void column_places(const Model *m, const MipCol *c, int *home, int *at)
{
    *home = *at = -1;
    switch (c->kind) {
    case COL_X:
        *home = m->classes.origins[m->classes.pclasses[c->a].origin].home;
        *at = m->cohorts[c->b].host;
        break;
    case COL_GROUPS:
    case COL_SIZE:
        *at = m->cohorts[c->a].host;
        break;
    case COL_PLACE:
        *home = m->classes.origins[m->demands[c->a].origin].home;
        *at = m->classes.sclasses[c->b].municipality;
        break;
    }
}

typedef struct ByKm {
    int municipality;
    double km;
} ByKm;

static int cmp_km(const void *a, const void *b)
{
    const ByKm *x = a, *y = b;
    if (x->km != y->km)
        return x->km < y->km ? -1 : 1;
    return x->municipality - y->municipality;
}

typedef struct Seed {
    int municipality;
    long columns;
} Seed;

static int cmp_seed(const void *a, const void *b)
{
    const Seed *x = a, *y = b;
    if (x->columns != y->columns)
        return x->columns > y->columns ? -1 : 1;
    return x->municipality - y->municipality;
}

static int better(RunLevel level, double candidate, double incumbent)
{
    double eps = 1e-9 * fmax(1.0, fabs(incumbent));
    return level == LEVEL_VALUE ? candidate > incumbent + eps : candidate < incumbent - eps;
}

typedef struct Search {
    const Model *m;
    const Mip *mip;
    const RunRequest *req;
    int *home, *at;          /* [ncols] column_places */
    long *weight;            /* [municipalities] columns at home there (else at) */
    Seed *seeds;
    int nseeds;
    ByKm *near;              /* [municipalities] scratch */
    unsigned char *in;       /* [municipalities] region */
    unsigned char *keep;     /* [ncols] free columns */
} Search;

/* Frees the columns of the region around `seed` holding about `target`
 * columns; returns how many were freed. */
static long choose_region(Search *sr, int seed, double target)
{
    const Scenario *s = sr->m->s;
    int nm = s->nmunicipalities;
    for (int i = 0; i < nm; i++)
        sr->near[i] = (ByKm){i, i == seed ? -1.0 : scenario_km(s, seed, i)};
    qsort(sr->near, (size_t)nm, sizeof *sr->near, cmp_km);
    memset(sr->in, 0, (size_t)(nm > 0 ? nm : 0));
    double have = 0.0;
    for (int r = 0; r < nm && have < target; r++) {
        sr->in[sr->near[r].municipality] = 1;
        have += (double)sr->weight[sr->near[r].municipality];
    }
    long n = 0;
    for (int j = 0; j < sr->mip->ncols; j++) {
        int h = sr->home[j], a = sr->at[j];
        sr->keep[j] = (h >= 0 || a >= 0) && (h < 0 || sr->in[h]) && (a < 0 || sr->in[a]);
        n += sr->keep[j];
    }
    return n;
}

static void search_release(Search *sr)
{
    free(sr->home);
    free(sr->at);
    free(sr->weight);
    free(sr->seeds);
    free(sr->near);
    free(sr->in);
    free(sr->keep);
}

static int search_init(Search *sr, const Model *m, const Mip *mip, const RunRequest *req)
{
    memset(sr, 0, sizeof *sr);
    sr->m = m;
    sr->mip = mip;
    sr->req = req;
    int nm = m->s->nmunicipalities, nc = mip->ncols ? mip->ncols : 1;
    sr->home = malloc((size_t)nc * sizeof *sr->home);
    sr->at = malloc((size_t)nc * sizeof *sr->at);
    sr->weight = calloc((size_t)nm, sizeof *sr->weight);
    sr->seeds = malloc((size_t)nm * sizeof *sr->seeds);
    sr->near = malloc((size_t)nm * sizeof *sr->near);
    sr->in = malloc((size_t)nm);
    sr->keep = malloc((size_t)nc);
    if (!sr->home || !sr->at || !sr->weight || !sr->seeds || !sr->near || !sr->in || !sr->keep)
        return -1;
    for (int j = 0; j < mip->ncols; j++) {
        column_places(m, &mip->cols[j], &sr->home[j], &sr->at[j]);
        int where = sr->home[j] >= 0 ? sr->home[j] : sr->at[j];
        if (where >= 0)
            sr->weight[where]++;
    }
    /* seeds: every municipality with columns, the busiest first */
    for (int i = 0; i < nm; i++)
        if (sr->weight[i] > 0)
            sr->seeds[sr->nseeds++] = (Seed){i, sr->weight[i]};
    qsort(sr->seeds, (size_t)sr->nseeds, sizeof *sr->seeds, cmp_seed);
    return 0;
}

/* One region: restrict, solve from the plan, take a better solution.
 * Returns 0 (with *proven, *improved, *seconds set) or −1 with err. */
static int solve_region(Search *sr, double *x, double seconds, int *proven, int *improved, double *used,
                        char *err, size_t errsz)
{
    Mip sub;
    int *sub_col = NULL;
    *proven = *improved = 0;
    *used = 0.0;
    if (mip_restrict(sr->mip, sr->keep, x, &sub, &sub_col)) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    double *sx = malloc((size_t)(sub.ncols ? sub.ncols : 1) * sizeof *sx);
    if (!sx) {
        mip_release(&sub);
        free(sub_col);
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    for (int l = 0; l < sub.ncols; l++)
        sx[l] = x[sub_col[l]];
    RunRequest req = *sr->req;
    req.start = sx;
    req.time_limit_s = seconds;
    req.quiet = 1;
    req.column_order = 0;
    RunResult r;
    memset(&r, 0, sizeof r);
    int rc = glpk_solve_level(&sub, &req, &r, err, errsz);
    if (rc == 0) {
        double before = mip_objective(&sub, sx, req.level);
        if (r.has_solution && better(req.level, r.objective, before)) {
            for (int l = 0; l < sub.ncols; l++)
                x[sub_col[l]] = r.x[l];
            *improved = 1;
        }
        *proven = r.stop == STOP_NONE && r.has_solution;
        *used = r.seconds;
    }
    free(r.x);
    free(sx);
    free(sub_col);
    mip_release(&sub);
    return rc;
}

int lns_solve(const Model *m, const Mip *mip, const RunRequest *req, RunResult *out, char *err, size_t errsz)
{
    double t0 = clock_seconds(), until = t0 + req->time_limit_s;
    memset(out, 0, sizeof *out);
    out->x = calloc((size_t)(mip->ncols ? mip->ncols : 1), sizeof *out->x);
    Search sr;
    if (!out->x || search_init(&sr, m, mip, req)) {
        if (out->x)
            search_release(&sr);
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    if (req->start && mip_solution_ok(mip, req->start))
        memcpy(out->x, req->start, (size_t)mip->ncols * sizeof *out->x);
    /* else the empty plan, which meets every row of level 1 */
    /* SAMPLAN_REGION_SEARCH=N: first regions of N columns (a test hook,
     * solver/parts.c; tests/e2e/region_search.sh) */
    const char *env = getenv("SAMPLAN_REGION_SEARCH");
    double target = env && atoi(env) > 0 ? (double)atoi(env) : LNS_FIRST_COLUMNS, last_line = t0;
    int regions = 0, improvements = 0, quiet_streak = 0, local_optimum = 0, rc = 0;
    const char *what = req->level == LEVEL_VALUE ? "value" : "cost";
    for (int next = 0; sr.nseeds > 0 && !solver_interrupted; next++) {
        double left = until - clock_seconds();
        /* a whole round of seeds proven without a gain: a local optimum */
        if (left < 0.2)
            break;
        if (quiet_streak >= sr.nseeds) {
            local_optimum = 1;
            break;
        }
        int seed = sr.seeds[next % sr.nseeds].municipality;
        if (choose_region(&sr, seed, target) == 0)
            continue;
        int proven, improved;
        double used;
        rc = solve_region(&sr, out->x, fmin(left, LNS_MAX_REGION_S), &proven, &improved, &used, err, errsz);
        if (rc)
            break;
        regions++;
        improvements += improved;
        quiet_streak = proven && !improved ? quiet_streak + 1 : 0;
        if (proven && used < 0.25 * LNS_MAX_REGION_S)
            target *= 1.5;
        else if (!proven)
            target = fmax(fmin(LNS_MIN_COLUMNS, target), target / 1.5);
        double now = clock_seconds();
        if (!req->quiet && now - last_line >= 1.0) {
            last_line = now;
            fprintf(stderr, "samplan: %6.1f s  %slevel %d (%s)  region search: %.6g after %d regions (%d better)\n",
                    now - req->clock_start, req->label ? req->label : "", (int)req->level, what,
                    mip_objective(mip, out->x, req->level), regions, improvements);
        }
    }
    if (rc == 0 && !mip_solution_ok(mip, out->x)) {
        /* cannot happen when mip_restrict is right; never write a wrong plan */
        if (req->start)
            memcpy(out->x, req->start, (size_t)mip->ncols * sizeof *out->x);
        else
            memset(out->x, 0, (size_t)mip->ncols * sizeof *out->x);
    }
    search_release(&sr);
    if (rc)
        return -1;
    out->has_solution = 1;
    out->objective = mip_objective(mip, out->x, req->level);
    out->stop = solver_interrupted ? STOP_INTERRUPT : local_optimum ? STOP_GAP : STOP_TIME;
    out->bound = req->level == LEVEL_VALUE ? HUGE_VAL : -HUGE_VAL;
    out->seconds = clock_seconds() - t0;
    return 0;
}
