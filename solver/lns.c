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
 * where it neither finishes nor gains shrink. Each region runs in a worker
 * process (solver/workers.c), two at a time when there are two
 * processors: apart when they can be, else a cohort neighbourhood
 * overlapping the other (hood.h). Cohort neighbourhoods take turns with
 * municipality regions at both levels. At level 2 on a program GLPK
 * is given whole (region search racing it on the cost), LP-guided
 * neighbourhoods come first: the columns where the plan differs from the
 * LP relaxation's optimum (next_lp). No bound comes out of this: the
 * caller keeps its own.
 */
#include "lns.h"

#include "hood.h"
#include "lp_round.h"
#include "screen.h"
#include "solve.h" /* solve_bound_on_grid */
#include "workers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Free columns of the first region, the least a region shrinks to, and
 * the least and most time one region gets. */
#define LNS_FIRST_COLUMNS 4000.0
#define LNS_MIN_COLUMNS 500.0
#define LNS_MIN_REGION_S 1.5
#define LNS_MAX_REGION_S 10.0
/* At level 1 every region gets LNS_MIN_REGION_S, whatever the time limit:
 * a level-1 region GLPK has not settled by then seldom gains, and more
 * regions gain more (on national 500, 15 s for the value level, a region
 * that used a 10 s cap gained 0.8 while quick ones gained 12). National,
 * `--time-limit 120`, full mode (bench/RESULTS.md, eighth session), value
 * with regions of 10 s → 1.5 s: 5 000 4 176.4 → 4 293.1, 10 000
 * 6 164.3 → 6 370.3, 20 000 9 673.2 → 9 670.2 (no gain), 50 000
 * 17 483.1 → 17 700.2. At level 2 the longer regions stay: the
 * OR-Library optima were reached with them. */
#define LNS_VALUE_REGION_S LNS_MIN_REGION_S
/* Regions get the search's time less this much, and one still running
 * at the end of the search's time is dropped: the search returns within
 * its time (GLPK overruns its own limit on some restrictions). */
#define LNS_GRACE_S 0.2
/* Cohort neighbourhoods take turns with municipality regions at level 1
 * on programs of every size. The sixth session had them only from 100 k
 * columns (national 500, 66 k: −1.2 % over four runs then); since the
 * greedy search hands region search its start, the mix gains below that
 * too (twenty-ninth session, bench/RESULTS.md, 60 s, mean of two or
 * three runs): national 300 +1.3 %, 500 +0.9 % (seed 2: −0.1 %), 700
 * +0.1 %. A municipality region pools participants from a few
 * neighbouring municipalities only; a cohort neighbourhood can open a
 * course that draws them from far apart, which the best plans known
 * have more of (national 500: CBC's 85 cohorts against 75). */

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
    int after_seed;  /* position after the seed in file order, for ties */
    double km;
} ByKm;

/* The seed, then municipalities with no distance to it (km is
 * TRAVEL_UNREACHABLE, −1), then the rest nearest first; ties in file order
 * starting after the seed, so that each seed gets other neighbours. Real
 * scenarios have every distance (from coordinates). In an OR-Library
 * instance only customer–warehouse distances exist, and this order makes
 * a warehouse's region all warehouses and the customers nearest to it:
 * capa, 300 s, 26.8 M; with the distance-less last (regions of one
 * warehouse, or of a customer and every warehouse): 43.4 M, and 43.5 M at
 * 120 s with two-step distances through a common neighbour. */
static int cmp_km(const void *a, const void *b)
{
    const ByKm *x = a, *y = b;
    if (x->km != y->km)
        return x->km < y->km ? -1 : 1;
    return x->after_seed - y->after_seed;
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

/* Regions solved at once: disjoint regions share no row with a free
 * column (every row belongs to one home, host or slot municipality — the
 * value floor of level 2 and a budget row aside, see merge_region), so
 * their solutions combine. */
#define LNS_PARALLEL 2

/* One region: its free columns and, after the run, its outcome. */
typedef struct Region {
    unsigned char *keep;  /* [ncols] free columns */
    unsigned char *in;    /* [municipalities] the region (none for a cohort neighbourhood) */
    int busy;             /* running now */
    int cohorts;          /* 1: a cohort neighbourhood (hood.h), 0: municipalities */
    int wide;             /* 1: a wide one (a swap, hood_choose_wide) */
    int screen;           /* 1: a screen of moves priced by the LP (screen.h); frees everything */
    int lp;               /* 1: the columns where the plan and the LP relaxation differ */
    int polish;           /* 1: every column but the group counts (next_polish) */
    int descent;          /* 1: the descent from the strong LP (descent_work); frees everything */
    int overlap;          /* ran beside a region it shares rows with */
    int epoch;            /* Search.improvements when it started */
    int whole;            /* a reallocation holding every class (else its seed is never quiet) */
    int seed;             /* the municipality (or cohort) it was grown from */
    double seconds;       /* its time limit */
    int proven, improved;
    double used;          /* seconds GLPK took */
    int n;                /* changed columns: new values of every free column */
    int *cols;
    double *vals;
} Region;

typedef struct Search {
    const Model *m;
    const Mip *mip;
    const RunRequest *req;
    int *home, *at;          /* [ncols] column_places */
    long *weight;            /* [municipalities] columns at home there (else at) */
    Seed *seeds;
    int nseeds;
    ByKm *near;              /* [municipalities] scratch */
    double *x;               /* the plan being improved */
    int parallel;            /* regions at a time (1..LNS_PARALLEL) */
    double region_s;         /* time limit of one region */
    Region reg[LNS_PARALLEL];
    /* the search's state, read and written by next_region/region_apply */
    double until, target, last_line;
    int next_seed, regions, improvements, failures, local_optimum;
    int gap_reached;         /* level 1: the plan is within mip_gap of req->value_bound */
    char last_failure[256];
    unsigned char *quiet;    /* [municipalities] seed proven without a gain since the last gain
                                or the last growth of the municipality regions */
    int nquiet;
    /* cohort neighbourhoods, taking turns with municipality regions */
    int use_hoods, use_regions, turn;
    int shared_rows;         /* the program has a value-floor or budget row, which
                                regions kept apart still share */
    Hoods hoods;
    double hood_target;
    int next_hood;
    unsigned char *hood_quiet; /* [1 + ncohorts] as quiet, by seed + 1 (seed −1: reallocation) */
    int nhood_quiet;
    /* wide cohort neighbourhoods (swaps), a third kind in the turns */
    int use_swaps;
    int swaps_named;         /* SAMPLAN_NEIGHBOURHOODS names them: no share cap (lns_solve) */
    int swap_cohorts;        /* cohorts in S (hood_choose_wide's ns) */
    int next_swap;
    long swap_cap;           /* the most columns one may free (lns_solve) */
    int trace;               /* SAMPLAN_REGION_TRACE: a line per region (region_trace) */
    unsigned char *swap_quiet; /* [ncohorts + 1] as quiet, by seed (the + 1 keeps it non-empty) */
    int nswap_quiet;
    /* screens (screen.h), a fourth kind in the turns, at level 2 */
    int use_screen;
    int screen_named;        /* SAMPLAN_NEIGHBOURHOODS names them: no seed cap (lns_solve) */
    int next_screen;         /* the seed position the next screen starts at */
    int screen_quiet;        /* the last screen priced every move without a gain */
    int screen_seeds_quiet;  /* seeds screens priced without a gain since the last gain */
    int screen_failures;     /* screens in a row that failed GLPK */
    unsigned char *busy_rows;  /* [nrows] scratch: rows of the region running now */
    /* LP-guided neighbourhoods (next_lp): the level's LP relaxation, or NULL */
    double *lp_x;
    int lp_quiet;            /* none may gain until some region gains */
    double lp_share;         /* 1: the whole program; less: cut to a municipality
                                region of this share of its columns (next_lp) */
    double lp_cap;           /* the share no longer tried: one that large was not finished */
    int lp_next_seed;        /* index into seeds: where the next cut one grows from */
    int lp_quiet_seeds;      /* cut ones proven without a gain since the last gain */
    int use_polish, polish_done; /* the polish (next_polish): wanted, run */
    int polish_quick;            /* the last one was proven in a quarter of region_s */
    double polish_s;             /* its time (SAMPLAN_POLISH), < 0: region_s */
    int use_descent, descent_done; /* the descent from the strong LP (next_region): wanted, run */
    int descent_named;       /* SAMPLAN_NEIGHBOURHOODS names it (search_init) */
    int descent_early;       /* it starts at once, not once screens are quiet (lns_solve) */
    double cost_bound;       /* level 2: the best bound on the program's cost a
                                descent's LP proved, -HUGE_VAL without one */
} Search;

/* Frees the columns of the region around `seed` holding about `target`
 * columns, leaving out municipalities in `taken` (NULL: none); returns
 * how many columns were freed. */
static long choose_region(Search *sr, Region *rg, int seed, double target, const unsigned char *taken)
{
    const Scenario *s = sr->m->s;
    int nm = s->nmunicipalities;
    for (int i = 0; i < nm; i++)
        sr->near[i] = (ByKm){i, (i - seed + nm) % nm, i == seed ? -2.0 : scenario_km(s, seed, i)};
    qsort(sr->near, (size_t)nm, sizeof *sr->near, cmp_km);
    memset(rg->in, 0, (size_t)(nm > 0 ? nm : 0));
    double have = 0.0;
    for (int r = 0; r < nm && have < target; r++) {
        int mu = sr->near[r].municipality;
        if (taken && taken[mu])
            continue;
        rg->in[mu] = 1;
        have += (double)sr->weight[mu];
    }
    long n = 0;
    for (int j = 0; j < sr->mip->ncols; j++) {
        int h = sr->home[j], a = sr->at[j];
        rg->keep[j] = (h >= 0 || a >= 0) && (h < 0 || rg->in[h]) && (a < 0 || rg->in[a]);
        n += rg->keep[j];
    }
    return n;
}

static void region_forget(Region *rg)
{
    free(rg->cols);
    free(rg->vals);
    rg->cols = NULL;
    rg->vals = NULL;
    rg->n = 0;
}

static void search_release(Search *sr)
{
    free(sr->home);
    free(sr->at);
    free(sr->weight);
    free(sr->seeds);
    free(sr->near);
    free(sr->quiet);
    free(sr->hood_quiet);
    free(sr->swap_quiet);
    free(sr->busy_rows);
    free(sr->lp_x);
    hoods_release(&sr->hoods);
    for (int r = 0; r < LNS_PARALLEL; r++) {
        free(sr->reg[r].keep);
        free(sr->reg[r].in);
        region_forget(&sr->reg[r]);
    }
}

/* LP-guided neighbourhoods (next_lp) need the LP relaxation's optimum,
 * which GLPK finds in a fraction of a second on a program GLPK is given
 * whole (kronoberg 2 000, 17 k non-zeros: 0.3 s) and not at all on one
 * that goes to region search whole (national 2 000: not in 500 s). They
 * are used at level 2, where region search races GLPK on such a program:
 * on kronoberg 2 000 GLPK's cost level finds no plan in 5 s, and
 * municipality regions from the level-1 plan reached 15.6 M SEK at 10 s
 * (sixteenth session, bench/RESULTS.md). */
#define LNS_LP_MAX_NONZEROS LNS_MIN_NONZEROS
#define LNS_LP_SHARE 0.4 /* of the search's time, at most LNS_LP_MAX_S */
#define LNS_LP_MAX_S 3.0
#define LNS_LP_MIN_SHARE 0.125 /* the least share a cut one is cut to (lp_region_done) */

/* 1 when the comma-separated list names `kind` as one whole item. */
static int kind_named(const char *list, const char *kind)
{
    size_t n = strlen(kind);
    for (const char *p = list; p; p = strchr(p, ',')) {
        if (*p == ',')
            p++;
        if (strncmp(p, kind, n) == 0 && (p[n] == ',' || p[n] == '\0'))
            return 1;
    }
    return 0;
}

static int lp_wanted(const RunRequest *req, const Mip *mip)
{
    return req->level == LEVEL_COST && mip->nnz <= LNS_LP_MAX_NONZEROS;
}

/* The descent from the strong LP (lp_round.h), on a program without an
 * LP relaxation to guide region search, at once or once screens are
 * quiet (LNS_DESCENT_EARLY_S): it gets
 * at most LNS_DESCENT_LP_SHARE of the time left, the rounding at most
 * LNS_DESCENT_ROUND_S, and screens descend from the rounded plan in the
 * rest. On capb screens stop at +0.74 % from 13.6 s on, with the other
 * kinds gaining nothing in the 100 s left (bench/RESULTS.md, thirty-sixth
 * session). SAMPLAN_LP_DESCENT=0 turns it off (measuring). */
#define LNS_DESCENT_MIN_S 5.0
/* With this much time or more the descent starts at once (beside the
 * first screens with two processes, before them with one) rather than
 * once screens are quiet: on capa and capb the optimum came at 72–87 s
 * of 120 s so, at 89–118 s after screens (the LP alone takes 31–65 s
 * there), and capc still reached its optimum, at 36 s instead of 26 s
 * (thirty-sixth session). With one process it needs LNS_DESCENT_ALONE_S:
 * it then holds the only process, and an LP not solved in time costs the
 * whole level. It was 90 s (capb, one process, 120 s: LP 46 s, optimum
 * at 74 s), but on a machine about 1.5 times slower the LP was not
 * solved in the 75 s it got, screens had 35 s left, and capb ended at
 * +4.9 % where it ends at +1.01 % without the descent (thirty-seventh
 * session): from 180 s the LP gets about 115 s. */
#define LNS_DESCENT_EARLY_S 60.0
#define LNS_DESCENT_ALONE_S 180.0
/* The descent starts no screen with less than this left: a screen's
 * first move takes its full time (screen.c time_for), and a worker still
 * running at the search's end is killed with its plan. */
#define LNS_DESCENT_LAST_SCREEN_S 1.0
#define LNS_DESCENT_LP_SHARE 0.7
#define LNS_DESCENT_ROUND_S 10.0

static int lp_descent_wanted(void)
{
    const char *e = getenv("SAMPLAN_LP_DESCENT");
    return !e || atoi(e) != 0;
}

static int search_init(Search *sr, const Model *m, const Mip *mip, const RunRequest *req, double *x)
{
    memset(sr, 0, sizeof *sr);
    sr->cost_bound = -HUGE_VAL;
    sr->m = m;
    sr->mip = mip;
    sr->req = req;
    sr->x = x;
    int nm = m->s->nmunicipalities, nc = mip->ncols ? mip->ncols : 1;
    sr->home = malloc((size_t)nc * sizeof *sr->home);
    sr->at = malloc((size_t)nc * sizeof *sr->at);
    sr->weight = calloc((size_t)(nm ? nm : 1), sizeof *sr->weight);
    sr->seeds = malloc((size_t)(nm ? nm : 1) * sizeof *sr->seeds);
    sr->near = malloc((size_t)(nm ? nm : 1) * sizeof *sr->near);
    sr->quiet = calloc((size_t)(nm ? nm : 1), 1);
    if (!sr->home || !sr->at || !sr->weight || !sr->seeds || !sr->near || !sr->quiet)
        return -1;
    for (int r = 0; r < LNS_PARALLEL; r++) {
        sr->reg[r].keep = malloc((size_t)nc);
        sr->reg[r].in = malloc((size_t)(nm ? nm : 1));
        if (!sr->reg[r].keep || !sr->reg[r].in)
            return -1;
    }
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
    /* By default municipality regions and cohort neighbourhoods take
     * turns (see the comment at the top), and LP-guided neighbourhoods come first where they are wanted
     * (lp_wanted). SAMPLAN_NEIGHBOURHOODS, a test and measuring hook, names
     * the kinds instead: a comma-separated list of regions, cohorts, both
     * (those two, without swaps), swaps (wide cohort neighbourhoods, on
     * any block within the column cap), lp and lp-cut (LP-guided ones at
     * any level and size; lp-cut: cut from the start); a list naming none
     * of these means both, as any value but "regions" and "cohorts" did
     * before lp existed; screen (screen.h, level 2 only); polish
     * (next_polish, level 2 only); descent (descent_work, level 2 only).
     * Unset, swaps run wherever cohort neighbourhoods do and the program
     * has few courses to place, screens where swaps may at level 2
     * (lns_solve), and the descent where screens run without an LP
     * relaxation */
    const char *kinds = getenv("SAMPLAN_NEIGHBOURHOODS");
    if (kinds && !*kinds)
        kinds = NULL;
    if (req->lp_probe)
        kinds = "lp";
    int named_lp = kinds && (kind_named(kinds, "lp") || kind_named(kinds, "lp-cut"));
    int named_swaps = kinds && kind_named(kinds, "swaps");
    int named_screen = kinds && kind_named(kinds, "screen");
    int named_polish = kinds && kind_named(kinds, "polish");
    int named_descent = kinds && kind_named(kinds, "descent");
    int named = kinds && (named_lp || named_swaps || named_screen || named_polish || named_descent ||
                          kind_named(kinds, "regions") || kind_named(kinds, "cohorts") || kind_named(kinds, "both"));
    int both = !named || kind_named(kinds, "both");
    sr->use_regions = both || kind_named(kinds, "regions");
    sr->use_hoods = both || kind_named(kinds, "cohorts");
    sr->use_swaps = named ? named_swaps : sr->use_hoods;
    sr->swaps_named = named_swaps;
    sr->use_screen = req->level == LEVEL_COST && (named ? named_screen : sr->use_hoods);
    /* the polish where LP-guided ones may run (a program GLPK is given
     * whole); SAMPLAN_POLISH=S gives it S seconds at most, 0 none
     * (measuring), unless SAMPLAN_NEIGHBOURHOODS names it */
    const char *polish = getenv("SAMPLAN_POLISH");
    sr->polish_s = polish ? atof(polish) : -1.0;
    sr->use_polish = req->level == LEVEL_COST && (named ? named_polish : lp_wanted(req, mip) && sr->polish_s != 0.0);
    sr->screen_named = named_screen;
    /* the descent from the strong LP (descent_work) where screens run
     * without an LP relaxation; named (tests), also where they do not
     * (alone it runs at once; with screens, as unnamed: lns_solve) */
    sr->descent_named = named_descent;
    sr->use_descent = req->level == LEVEL_COST && !req->lp_probe &&
                      (named ? named_descent : sr->use_screen && !lp_wanted(req, mip) && lp_descent_wanted());
    const char *trace = getenv("SAMPLAN_REGION_TRACE");
    sr->trace = trace && atoi(trace) > 0 && !req->quiet;
    if (kinds ? named_lp : lp_wanted(req, mip)) {
        sr->lp_x = malloc((size_t)(mip->ncols ? mip->ncols : 1) * sizeof *sr->lp_x);
        if (!sr->lp_x)
            return -1;
    }
    sr->lp_share = kinds && kind_named(kinds, "lp-cut") ? LNS_LP_MIN_SHARE : 1.0;
    sr->lp_cap = 1.0;
    if (!sr->use_regions && !sr->use_hoods && !sr->use_swaps && !sr->use_screen && !sr->lp_x && !sr->use_polish &&
        !sr->use_descent)
        sr->use_regions = 1;
    if (sr->use_hoods || sr->use_swaps || sr->use_screen || sr->use_descent) {
        if (hoods_init(&sr->hoods, m, mip))
            return -1;
        sr->hood_quiet = calloc((size_t)m->ncohorts + 1, 1);
        sr->swap_quiet = calloc((size_t)m->ncohorts + 1, 1);
        sr->busy_rows = malloc((size_t)(mip->nrows ? mip->nrows : 1));
        if (!sr->hood_quiet || !sr->swap_quiet || !sr->busy_rows)
            return -1;
        if (sr->hoods.nseeds == 0)
            sr->use_hoods = sr->use_swaps = sr->use_screen = sr->use_descent = 0, sr->use_regions = 1;
        /* seeds in a fixed shuffled order, so that consecutive seeds are
         * not the same course at one host a few weeks apart */
        unsigned long r = 2463534242UL;
        for (int i = sr->hoods.nseeds - 1; i > 0; i--) {
            r = (r * 6364136223846793005ULL + 1442695040888963407ULL) & 0xffffffffffffULL;
            int k = (int)((r >> 16) % (unsigned long)(i + 1)), t = sr->hoods.seeds[i];
            sr->hoods.seeds[i] = sr->hoods.seeds[k];
            sr->hoods.seeds[k] = t;
        }
    }
    return 0;
}

/* What a region's run sends back (solver/workers.c): this header, then n
 * column indices and n values. */
typedef struct RegionMsg {
    int rc, proven, improved, n;
    int next, quiet; /* a screen: ScreenOutcome's */
    double used;
    double bound;    /* the descent: its LP optimum, a bound on the whole
                        program's cost; else -HUGE_VAL */
    char err[256];
} RegionMsg;

/* A region's result as sent back: msg, then its n column indices and n
 * values; NULL on out-of-memory (the worker reports the loss). */
static void *region_msg_pack(const RegionMsg *msg, const int *cols, const double *vals, size_t *len)
{
    size_t bytes = sizeof *msg + (size_t)msg->n * (sizeof(int) + sizeof(double));
    char *buf = malloc(bytes);
    if (buf) {
        memcpy(buf, msg, sizeof *msg);
        if (msg->n) {
            memcpy(buf + sizeof *msg, cols, (size_t)msg->n * sizeof(int));
            memcpy(buf + sizeof *msg + (size_t)msg->n * sizeof(int), vals, (size_t)msg->n * sizeof(double));
        }
        *len = bytes;
    }
    return buf;
}

/* A screen's run in a worker (screen_run from the plan): when it gained,
 * every column of its plan, sent as region_work sends a region's. */
static void *screen_work(Search *sr, const Region *rg, size_t *len)
{
    RegionMsg msg;
    memset(&msg, 0, sizeof msg);
    int nc = sr->mip->ncols;
    double *x = malloc((size_t)(nc ? nc : 1) * sizeof *x);
    int *cols = malloc((size_t)(nc ? nc : 1) * sizeof *cols);
    double *vals = malloc((size_t)(nc ? nc : 1) * sizeof *vals);
    ScreenOutcome o;
    if (!x || !cols || !vals) {
        msg.rc = -1;
        snprintf(msg.err, sizeof msg.err, "out of memory");
    } else {
        memcpy(x, sr->x, (size_t)nc * sizeof *x);
        double t = clock_seconds();
        msg.rc = screen_run(&sr->hoods, sr->req, x, rg->seed, sr->screen_seeds_quiet, rg->seconds, &o, msg.err,
                            sizeof msg.err);
        msg.used = clock_seconds() - t;
        msg.next = o.next;
        if (sr->trace)
            fprintf(stderr,
                    "samplan: screen from %d: %d moves solved, %d dismissed by the dual test, %d unfit, %.2f s; "
                    "gain moved %d\n",
                    rg->seed, o.priced, o.dismissed, o.unfit, msg.used, o.improved ? o.moved : -1);
        if (msg.rc == 0) {
            msg.improved = o.improved;
            msg.proven = o.proven;
            msg.quiet = o.quiet;
            /* the whole plan, not what changed: the parent's plan may
             * have changed meanwhile (a region beside it), and a screen's
             * change re-routes everyone, so its plan replaces the parent's
             * whole when it is cheaper (merge_region) rather than being
             * mixed with it */
            for (int j = 0; o.improved && j < nc; j++) {
                cols[msg.n] = j;
                vals[msg.n++] = x[j];
            }
        }
    }
    void *buf = region_msg_pack(&msg, cols, vals, len);
    free(x);
    free(cols);
    free(vals);
    return buf;
}

/* The descent's progress line (a worker's, on the parent's stderr). */
static void descent_line(const Search *sr, const char *what, double cost)
{
    if (sr->req->quiet)
        return;
    char num[32];
    fprintf(stderr, "samplan: %6.1f s  %slevel 2 (cost)  %s%s\n", clock_seconds() - sr->req->clock_start,
            sr->req->label ? sr->req->label : "", what, cost >= 0.0 ? progress_number(cost, num) : "");
}

typedef struct KeyedSeed {
    double key;
    int seed;
} KeyedSeed;

static int cmp_keyed(const void *a, const void *b)
{
    const KeyedSeed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->seed - y->seed;
}

/* Puts the seeds of screens in the descent's order: the courses the
 * rounded plan x runs, those the LP (lp_x) runs least first, then the
 * others. A screen closes a seed's course first, and the LP's weakest
 * courses are the likeliest to go. descent_work puts the order back. */
static void descent_order(Hoods *h, const double *x, const double *lp_x)
{
    KeyedSeed *k = malloc((size_t)(h->nseeds ? h->nseeds : 1) * sizeof *k);
    if (!k)
        return; /* the shuffled order is as good a descent, if slower */
    for (int i = 0; i < h->nseeds; i++) {
        int g = h->group_col[h->seeds[i]];
        k[i] = (KeyedSeed){x[g] > 0.5 ? lp_x[g] : HUGE_VAL, h->seeds[i]};
    }
    qsort(k, (size_t)h->nseeds, sizeof *k, cmp_keyed);
    for (int i = 0; i < h->nseeds; i++)
        h->seeds[i] = k[i].seed;
    free(k);
}

/* The descent in a worker: the strong LP, its group counts rounded up
 * into a plan, then screens from that plan until they are proven or time
 * is up. Its plan is sent whole, as a screen's, when it is cheaper than
 * the plan it started from (merge_region takes it if it still is). */
static void *descent_work(Search *sr, const Region *rg, size_t *len)
{
    RegionMsg msg;
    memset(&msg, 0, sizeof msg);
    msg.bound = -HUGE_VAL;
    int nc = sr->mip->ncols, ns = sr->hoods.nseeds;
    double *x = malloc((size_t)(nc ? nc : 1) * sizeof *x);
    int *cols = malloc((size_t)(nc ? nc : 1) * sizeof *cols);
    double *lp_x = malloc((size_t)(nc ? nc : 1) * sizeof *lp_x);
    int *seeds = malloc((size_t)(ns ? ns : 1) * sizeof *seeds);
    /* every phase ends a little before the search does, when a worker
     * still running is killed and its plan lost */
    double t = clock_seconds(), until = t + rg->seconds - fmin(3.0, 0.1 * rg->seconds);
    if (!x || !cols || !lp_x || !seeds) {
        msg.rc = -1;
        snprintf(msg.err, sizeof msg.err, "out of memory");
        goto send;
    }
    LpRoundInfo info;
    double lp_s = LNS_DESCENT_LP_SHARE * (until - t);
    double round_s = fmin(LNS_DESCENT_ROUND_S, (1.0 - LNS_DESCENT_LP_SHARE) * (until - t));
    int rc = lp_round_plan(sr->mip, sr->req, lp_s, round_s, x, lp_x, &info, msg.err, sizeof msg.err);
    char what[320];
    if (rc < 0)
        snprintf(what, sizeof what, "no second start: %s", msg.err);
    else if (!info.solved && isfinite(info.lp_bound))
        snprintf(what, sizeof what, "no second start: the LP relaxation was not solved in %.1f s (%d rounds, "
                 "%d of %d link rows; a bound of %.0f)", info.lp_s, info.rounds, info.added, info.held, info.lp_bound);
    else if (!info.solved)
        snprintf(what, sizeof what, "no second start: the LP relaxation was not solved in %.1f s", info.lp_s);
    else if (!info.found)
        snprintf(what, sizeof what, "LP relaxation %.0f in %.1f s (%d of %d link rows); no plan found with its "
                 "group counts rounded", info.lp_cost, info.lp_s, info.added, info.held);
    else
        snprintf(what, sizeof what, "LP relaxation %.0f in %.1f s (%d of %d link rows); %d courses rounded up: ",
                 info.lp_cost, info.lp_s, info.added, info.held, info.courses);
    descent_line(sr, what, rc == 1 ? info.cost : -1.0);
    /* the LP is the whole program's (its floor and budget included): its
     * optimum bounds every plan's cost, whatever the rounding found; not
     * solved in time, its last round's optimum (a relaxation) still does */
    if (rc >= 0 && isfinite(info.lp_bound))
        msg.bound = info.lp_bound; /* lp_cost when solved */
    if (rc < 0) {
        msg.rc = -1;
        goto send;
    }
    double start_cost = mip_objective(sr->mip, sr->x, LEVEL_COST);
    /* the seeds in the descent's order, put back afterwards: this runs
     * in the parent when no worker could be had (solver/workers.c) */
    memcpy(seeds, sr->hoods.seeds, (size_t)ns * sizeof *seeds);
    if (rc == 1)
        descent_order(&sr->hoods, x, lp_x);
    int first = 0, quiet = 0;
    while (rc == 1 && !solver_interrupted && until - clock_seconds() >= LNS_DESCENT_LAST_SCREEN_S) {
        ScreenOutcome o;
        char err[256];
        if (screen_run(&sr->hoods, sr->req, x, first, quiet, until - clock_seconds(), &o, err, sizeof err) ||
            !o.improved)
            break;
        first = o.next;
        quiet = o.quiet;
    }
    memcpy(sr->hoods.seeds, seeds, (size_t)ns * sizeof *seeds);
    if (rc == 1) {
        double cost = mip_objective(sr->mip, x, LEVEL_COST);
        descent_line(sr, "screens from the rounded plan: ", cost);
        msg.improved = better(LEVEL_COST, cost, start_cost);
        for (int j = 0; msg.improved && j < nc; j++)
            cols[j] = j;
        msg.n = msg.improved ? nc : 0;
    }
send:
    msg.used = clock_seconds() - t;
    void *buf = region_msg_pack(&msg, cols, x, len);
    free(x);
    free(cols);
    free(lp_x);
    free(seeds);
    return buf;
}

/* The polish's restriction (next_polish) holds each participant class's
 * members on each track at the plan's count: one row per (class, track)
 * over its free assignment columns. Value then cannot change, so the
 * value floor, a knapsack row that made GLPK search seconds for any
 * integer plan (kronoberg 1 000), is met by every plan of it, and GLPK
 * only moves members between cohorts of their track and between slots.
 * Returns 0, or −1 on out-of-memory. */
static int hold_track_counts(const Search *sr, Mip *sub, const int *sub_col)
{
    int ntracks = sr->m->s->ntracks, nclasses = sr->m->classes.npclasses;
    size_t cells = (size_t)nclasses * (size_t)(ntracks > 0 ? ntracks : 1);
    int *row = malloc((cells ? cells : 1) * sizeof *row);
    if (!row)
        return -1;
    for (size_t k = 0; k < cells; k++)
        row[k] = -1;
    for (int l = 0; l < sub->ncols; l++) {
        const MipCol *c = &sub->cols[l];
        if (c->kind != COL_X)
            continue;
        size_t k = (size_t)c->a * (size_t)ntracks + (size_t)sr->m->cohorts[c->b].track;
        if (row[k] < 0)
            row[k] = mip_add_row(sub, 0.0, 0.0, 'k');
        if (row[k] < 0)
            break;
        sub->rows[row[k]].lb += sr->x[sub_col[l]];
        sub->rows[row[k]].ub = sub->rows[row[k]].lb;
        mip_add_coef(sub, row[k], l, 1.0);
    }
    free(row);
    return sub->oom ? -1 : 0;
}

/* Runs in a worker (or in-process): restrict to the region, solve from the
 * plan, report the region's new column values when they are better. */
static void *region_work(void *ctx, int item, int seq, size_t *len)
{
    (void)seq;
    Search *sr = ctx;
    const Region *rg = &sr->reg[item];
    if (rg->screen)
        return screen_work(sr, rg, len);
    if (rg->descent)
        return descent_work(sr, rg, len);
    RegionMsg msg;
    memset(&msg, 0, sizeof msg);
    Mip sub;
    int *sub_col = NULL;
    double *sx = NULL;
    RunResult r;
    memset(&r, 0, sizeof r);
    if (mip_restrict(sr->mip, rg->keep, sr->x, &sub, &sub_col) ||
        (rg->polish && hold_track_counts(sr, &sub, sub_col))) {
        msg.rc = -1;
        snprintf(msg.err, sizeof msg.err, "out of memory");
    } else if (!(sx = malloc((size_t)(sub.ncols ? sub.ncols : 1) * sizeof *sx))) {
        msg.rc = -1;
        snprintf(msg.err, sizeof msg.err, "out of memory");
    } else {
        for (int l = 0; l < sub.ncols; l++)
            sx[l] = sr->x[sub_col[l]];
        RunRequest req = *sr->req;
        req.live_bound = NULL; /* a region's bound is not the program's */
        req.start = sx;
        req.time_limit_s = rg->seconds;
        req.quiet = 1;
        req.column_order = 0;
        req.restriction = 1;
        req.give_up_s = 0.0; /* a region keeps its own time */
        /* a probe's proximity search (solver/parts.c level1_probe) in
         * its first neighbourhood only: it runs before the root's cuts,
         * which prove a later neighbourhood without a gain at once */
        req.proximity = sr->req->proximity && rg->lp && rg->epoch == 0;
        msg.rc = glpk_solve_level(&sub, &req, &r, msg.err, sizeof msg.err);
        if (msg.rc == 0) {
            double before = mip_objective(&sub, sx, req.level);
            if (r.has_solution && better(req.level, r.objective, before)) {
                msg.improved = 1;
                msg.n = sub.ncols;
            }
            msg.proven = r.stop == STOP_NONE && r.has_solution;
            msg.used = r.seconds;
        }
    }
    void *buf = region_msg_pack(&msg, sub_col, r.x, len);
    int restricted = sub_col != NULL; /* else mip_restrict released sub itself */
    free(r.x);
    free(sx);
    free(sub_col);
    if (restricted)
        mip_release(&sub);
    return buf;
}

/* Puts a region's better values into the plan. Regions kept apart share
 * no row with free columns — except the level-2 value floor and a budget
 * row, where both may have spent the same slack — but an overlapping one
 * (next_hood) was solved from a plan the other may since have changed.
 * So the merged plan is checked against every row (those two exactly)
 * and must beat the plan as it now is; otherwise the region is undone and
 * the plan before it stands. */
static void merge_region(Search *sr, Region *rg)
{
    RunLevel level = sr->req->level;
    double before = mip_objective(sr->mip, sr->x, level);
    for (int l = 0; l < rg->n; l++) {
        double old = sr->x[rg->cols[l]];
        sr->x[rg->cols[l]] = rg->vals[l];
        rg->vals[l] = old; /* kept to undo */
    }
    /* the floor's own slack is about as small as the usual 1e-6
     * tolerance, so both regions could have spent it (part_level2 would
     * then reject the level's whole result): those rows are held exactly */
    if (!mip_solution_within(sr->mip, sr->x, "vb") || !better(level, mip_objective(sr->mip, sr->x, level), before)) {
        for (int l = 0; l < rg->n; l++)
            sr->x[rg->cols[l]] = rg->vals[l];
        rg->improved = 0;
    }
}

static void region_line(Search *sr);

/* The kinds that take turns (next_region). */
enum { KIND_REGIONS, KIND_COHORTS, KIND_SWAPS, KIND_SCREEN, NKINDS };

/* Makes every seed of one kind worth a try again. */
static void forget_quiet(Search *sr, int kind)
{
    if (kind == KIND_REGIONS) {
        memset(sr->quiet, 0, (size_t)sr->m->s->nmunicipalities);
        sr->nquiet = 0;
    } else if (kind == KIND_COHORTS && sr->hood_quiet) {
        memset(sr->hood_quiet, 0, (size_t)sr->m->ncohorts + 1);
        sr->nhood_quiet = 0;
    } else if (kind == KIND_SWAPS && sr->swap_quiet) {
        memset(sr->swap_quiet, 0, (size_t)sr->m->ncohorts + 1);
        sr->nswap_quiet = 0;
    } else if (kind == KIND_SCREEN) {
        sr->screen_quiet = 0;
        sr->screen_seeds_quiet = 0;
    }
}

/* After an LP-guided neighbourhood (next_lp), not stale. One GLPK could
 * not finish without a gain is cut to municipality regions of half the
 * size, down to LNS_LP_MIN_SHARE (kronoberg 2 000 with start windows
 * four times as long: 1 021 of 8 307 columns free, nothing in 1.5 s; cut
 * to half, 296–508 free, three of them gained 2.6 M SEK in 5 s), and
 * never grows back to that size; cut ones run only when the other kinds
 * have nothing left (next_region); a cut one GLPK finished quickly grows by
 * half, as municipality regions do. The whole one is not tried again
 * from the same plan, which gives the same neighbourhood, and cut ones
 * stop once every seed has been proven without a gain, or when even the
 * least share cannot be finished. A gain anywhere makes them worth a try
 * again (region_done). */

/* Cut ones grow by half, up to lp_cap; 1 when they did. */
static int lp_grow(Search *sr)
{
    if (sr->lp_share >= sr->lp_cap)
        return 0;
    sr->lp_share = fmin(sr->lp_cap, sr->lp_share * 1.5);
    sr->lp_quiet_seeds = 0; /* a larger one may gain where these did not */
    return 1;
}

/* A cut one proven without a gain (quick: within a quarter of its time):
 * grow, else count its seed as quiet. */
static void lp_cut_proven(Search *sr, int quick)
{
    if (quick && lp_grow(sr))
        return;
    if (++sr->lp_quiet_seeds >= sr->nseeds)
        sr->lp_quiet = 1;
}

static void lp_region_done(Search *sr, const Region *rg)
{
    int cut = rg->seed >= 0, quick = rg->proven && rg->used < 0.25 * sr->region_s;
    if (rg->improved) {
        /* region_done has made every kind worth a try */
        if (cut && quick)
            lp_grow(sr);
    } else if (rg->proven) {
        if (cut)
            lp_cut_proven(sr, quick);
        else
            sr->lp_quiet = 1;
    } else if (sr->lp_share <= LNS_LP_MIN_SHARE) {
        sr->lp_quiet = 1;
    } else {
        sr->lp_cap = 0.75 * sr->lp_share;
        sr->lp_share = fmax(LNS_LP_MIN_SHARE, sr->lp_share / 2.0);
        sr->lp_quiet_seeds = 0;
    }
}

/* next_lp found nothing to free in rg: 1 when another may be tried at
 * once (a cut one grown, or from the next seed), else 0, and then the
 * LP-guided ones are done until a gain. A plan that is the LP's optimum
 * leaves nothing to free anywhere; a cut region where the plan agrees
 * with the LP counts as one proven at once without a gain. */
static int lp_try_again(Search *sr, const Region *rg)
{
    if (rg->seed < 0)
        sr->lp_quiet = 1;
    else
        lp_cut_proven(sr, 1);
    return !sr->lp_quiet;
}

/* Swaps (wide cohort neighbourhoods) start with LNS_SWAP_COHORTS cohorts
 * in S, one more after a quick proof without a gain (which makes every
 * seed worth a try again), one fewer after a run that neither finished
 * nor gained; a seed proven without a gain is quiet until a gain
 * anywhere or S grows. */
#define LNS_SWAP_COHORTS 3
#define LNS_SWAP_MIN_COHORTS 2
#define LNS_SWAP_MAX_COLUMNS 30000.0
#define LNS_SWAP_MAX_COHORTS 12
/* Swaps run by default only on programs with at most this many cohorts
 * with a group count: OR-Library capa/capb/capc have 100 (a warehouse
 * each, thousands of participants apiece), where swaps made about half
 * of level 2's gains (eighteenth session). National 500 to
 * 2 000 have 2 337–2 814, small groups each; there a swap is within the
 * size cap but took a third of the region turns at 10 s and gained
 * nothing (national 1 000: 35.12–37.15 M SEK with them, 35.02–35.10 M
 * without). */
#define LNS_SWAP_MAX_SEEDS 1000

/* Screens only on programs of at most this many non-zeros: each loads
 * and first solves the whole level-2 LP (capb: 400 500 non-zeros, 0.15 s;
 * its re-solves about 40 ms). */
#define LNS_SCREEN_MAX_NONZEROS 1000000

static void swap_done(Search *sr, const Region *rg)
{
    if (rg->improved)
        return;
    if (rg->proven && rg->used < 0.25 * sr->region_s && sr->swap_cohorts < LNS_SWAP_MAX_COHORTS) {
        sr->swap_cohorts++;
        forget_quiet(sr, KIND_SWAPS);
    } else if (rg->proven && !sr->swap_quiet[rg->seed]) {
        sr->swap_quiet[rg->seed] = 1;
        sr->nswap_quiet++;
    } else if (!rg->proven && sr->swap_cohorts > LNS_SWAP_MIN_COHORTS) {
        sr->swap_cohorts--;
    }
}

/* SAMPLAN_REGION_TRACE=1, a measuring hook: one line per region's
 * result (bench/RESULTS.md, eighteenth session, counts gains by kind). */
static void region_trace(const Search *sr, const Region *rg, int stale)
{
    const char *kind = rg->descent  ? "descent"
                       : rg->polish ? "polish"
                       : rg->lp     ? "lp"
                       : rg->screen ? "screen"
                       : rg->wide   ? "swap"
                       : rg->cohorts ? "cohorts"
                                     : "region";
    fprintf(stderr,
            "samplan: region %s seed %d: proven %d, improved %d, stale %d, %.2f s; plan %.9g "
            "(at %.1f s; sizes: region %.0f, cohorts %.0f, swap %d)\n",
            kind, rg->seed, rg->proven, rg->improved, stale, rg->used, mip_objective(sr->mip, sr->x, sr->req->level),
            clock_seconds() - sr->req->clock_start, sr->target, sr->hood_target, sr->swap_cohorts);
}

/* Grows and shrinks the regions and prints progress after each result. */
static void region_done(Search *sr, const Region *rg)
{
    /* a region's outcome is stale when a gain was merged while it ran and
     * the two shared a row (an overlapping one, or the value-floor or
     * budget row that regions kept apart still share): the plan it started
     * from changed under it */
    int stale = sr->improvements != rg->epoch && (rg->overlap || sr->shared_rows);
    sr->regions++;
    sr->improvements += rg->improved;
    if (sr->trace)
        region_trace(sr, rg, stale);
    if (rg->polish)
        sr->polish_quick = rg->proven && rg->used < 0.25 * sr->region_s;
    if (rg->improved) {
        for (int kind = 0; kind < NKINDS; kind++)
            forget_quiet(sr, kind);
        /* another kind's gain may leave members badly placed again: a
         * polish that was quick runs again */
        if (!rg->polish && sr->polish_quick)
            sr->polish_done = 0;
        sr->lp_quiet = 0; /* the new plan differs from the LP elsewhere */
        sr->lp_quiet_seeds = 0;
    } else if (stale) {
        /* its outcome says little about its seed or its size */
        region_line(sr);
        return;
    } else if (rg->screen) {
        /* a screen that priced every move without a gain: none will gain
         * until the plan changes */
        sr->screen_quiet = rg->proven;
    } else if (rg->lp || rg->wide || rg->polish || rg->descent) {
        /* their own marks: lp_region_done and swap_done, below; the
         * polish's are polish_done and polish_quick; the descent runs
         * once (descent_done) */
    } else if (rg->proven && rg->cohorts && rg->whole && !sr->hood_quiet[rg->seed + 1]) {
        sr->hood_quiet[rg->seed + 1] = 1;
        sr->nhood_quiet++;
    } else if (rg->proven && !rg->cohorts && !sr->quiet[rg->seed]) {
        sr->quiet[rg->seed] = 1;
        sr->nquiet++;
    }
    if (rg->screen || rg->polish || rg->descent) {
        region_line(sr);
        return;
    }
    if (rg->lp || rg->wide) {
        if (rg->lp)
            lp_region_done(sr, rg);
        else
            swap_done(sr, rg);
        region_line(sr);
        return;
    }
    /* grow after a quick proof (a quarter of the region's time: 0.375 s at
     * level 1); shrink only after a run that neither finished nor gained
     * (with 3–10 s regions on national 20 000, third session, the largest
     * gains came from regions GLPK could not finish in their time) */
    double *target = rg->cohorts ? &sr->hood_target : &sr->target;
    if (rg->proven && rg->used < 0.25 * sr->region_s && *target < (double)sr->mip->ncols) {
        *target = fmin(*target * 1.5, (double)sr->mip->ncols);
        /* a seed proven without a gain in a smaller region may gain in a
         * larger one: its kind's quiet marks are void */
        forget_quiet(sr, rg->cohorts ? KIND_COHORTS : KIND_REGIONS);
    } else if (!rg->proven && !rg->improved)
        *target = fmax(fmin(LNS_MIN_COLUMNS, *target), *target / 1.5);
    region_line(sr);
}

/* The progress line, at most once a second. */
static void region_line(Search *sr)
{
    double now = clock_seconds();
    const RunRequest *req = sr->req;
    if (!req->quiet && now - sr->last_line >= 1.0) {
        sr->last_line = now;
        char num[32];
        fprintf(stderr, "samplan: %6.1f s  %slevel %d (%s)  region search: %s after %d regions (%d better)\n",
                now - req->clock_start, req->label ? req->label : "", (int)req->level,
                req->level == LEVEL_VALUE ? "value" : "cost",
                progress_number(mip_objective(sr->mip, sr->x, req->level), num), sr->regions, sr->improvements);
    }
}

/* Runs in the parent when a result comes back: merge it at once, so the
 * next region starts from the better plan. */
static int region_apply(void *ctx, int item, const void *result, size_t len)
{
    Search *sr = ctx;
    Region *rg = &sr->reg[item];
    RegionMsg msg;
    rg->busy = 0;
    if (len < sizeof msg)
        return -1;
    memcpy(&msg, result, sizeof msg);
    if (len != sizeof msg + (size_t)msg.n * (sizeof(int) + sizeof(double)))
        return -1;
    rg->proven = msg.proven;
    rg->improved = msg.improved;
    rg->used = msg.used;
    if (rg->descent && msg.rc == 0 && msg.bound > sr->cost_bound)
        sr->cost_bound = msg.bound;
    if (rg->screen) {
        /* its quiet seeds count only while the plan it priced from
         * stands; after a failure the next screen starts past the move
         * that failed, and a second failure in a row ends screens (the
         * same LP fails again) */
        sr->next_screen = msg.next;
        sr->screen_seeds_quiet = msg.rc == 0 && sr->improvements == rg->epoch ? msg.quiet : 0;
        sr->screen_failures = msg.rc == 0 ? 0 : sr->screen_failures + 1;
        if (sr->screen_failures >= 2)
            sr->use_screen = 0;
    }
    if (msg.rc) {
        /* GLPK failed on this restriction (even in its safe mode): the
         * region gains nothing, the search goes on */
        rg->improved = rg->proven = 0;
        sr->failures++;
        snprintf(sr->last_failure, sizeof sr->last_failure, "%s", msg.err);
        region_done(sr, rg);
        return 0;
    }
    if (msg.n) {
        rg->cols = malloc((size_t)msg.n * sizeof *rg->cols);
        rg->vals = malloc((size_t)msg.n * sizeof *rg->vals);
        if (rg->cols && rg->vals) {
            rg->n = msg.n;
            memcpy(rg->cols, (const char *)result + sizeof msg, (size_t)msg.n * sizeof(int));
            memcpy(rg->vals, (const char *)result + sizeof msg + (size_t)msg.n * sizeof(int),
                   (size_t)msg.n * sizeof(double));
            merge_region(sr, rg);
        } else {
            rg->improved = 0; /* the gain is lost, the plan stays valid */
        }
        region_forget(rg);
    }
    region_done(sr, rg);
    return 0;
}

/* Seeds tried for a region apart from the one running, before a cohort
 * neighbourhood that overlaps it runs instead (on capa every
 * neighbourhood shares every customer's row with every other). */
#define LNS_APART_TRIES 8

/* 1 when region rg (n free columns) shares no row with the region running
 * now (rows in sr->busy_rows). A region cut down to fit beside another
 * is not worth a run: on capa what was left of a cohort neighbourhood was
 * the assignments to closed cohorts, all zero. */
static int kept_apart(Search *sr, Region *rg, long n)
{
    return hood_keep_apart(&sr->hoods, sr->busy_rows, rg->keep) == n;
}

/* A municipality region for the free slot `rg`, apart from `other` (the
 * region running now, or NULL); the number of columns freed. */
static long next_municipal(Search *sr, Region *rg, const Region *other)
{
    const unsigned char *taken = other ? other->in : NULL;
    for (int tries = 0; tries < sr->nseeds; tries++) {
        int seed = sr->seeds[sr->next_seed].municipality;
        sr->next_seed = (sr->next_seed + 1) % sr->nseeds; /* wraps, never overflows */
        if ((taken && taken[seed]) || sr->quiet[seed])
            continue;
        long n = choose_region(sr, rg, seed, sr->target, taken);
        if (n > 0 && other && other->cohorts && !kept_apart(sr, rg, n))
            n = 0;
        if (n > 0) {
            rg->seed = seed;
            return n;
        }
        /* a seed with nothing to free (no distances to its neighbours, or
         * all of them taken): not a sign of a local optimum, try the next */
        if (other && other->cohorts && tries + 1 >= LNS_APART_TRIES)
            break;
    }
    return 0;
}

/* A cohort neighbourhood for the free slot `rg`, sharing no row with
 * `other` (or NULL); the number of columns freed. */
static long next_hood(Search *sr, Region *rg, const Region *other)
{
    Hoods *h = &sr->hoods;
    memset(rg->in, 0, (size_t)sr->m->s->nmunicipalities);
    int overlapping = 0, have_overlapping = 0, overlapping_pos = 0;
    for (int tries = 0; tries <= h->nseeds; tries++) {
        /* the seeds in turn, then the reallocation (−1) */
        int pos = sr->next_hood % (h->nseeds + 1), seed = pos == h->nseeds ? -1 : h->seeds[pos];
        sr->next_hood = (pos + 1) % (h->nseeds + 1);
        if (sr->hood_quiet[seed + 1])
            continue;
        int realloc_from = h->realloc_from;
        long n = hood_choose(h, sr->x, seed, sr->hood_target, rg->keep);
        if (n > 0 && other && !kept_apart(sr, rg, n)) {
            if (!have_overlapping)
                overlapping = seed, overlapping_pos = pos, have_overlapping = 1;
            h->realloc_from = realloc_from; /* not run: the next reallocation starts there again */
            n = 0;
        }
        if (n > 0) {
            rg->seed = seed;
            rg->whole = h->last_whole;
            return n;
        }
        if (other && tries + 1 >= LNS_APART_TRIES)
            break;
    }
    /* Nothing apart from the region running (on capa nothing ever is):
     * rather than leave the processor idle, run one that overlaps it. Its
     * result merges only if the plan with the other's result in stays
     * valid and gets better (merge_region); on capb, 300 s: 13.35 M SEK
     * without, 13.23 M with (optimum 13.20 M) */
    if (have_overlapping) {
        rg->seed = overlapping;
        rg->overlap = 1;
        sr->next_hood = overlapping_pos + 1; /* the seeds looked at after it get their turn */
        long n = hood_choose(h, sr->x, overlapping, sr->hood_target, rg->keep);
        rg->whole = h->last_whole;
        return n;
    }
    return 0;
}

/* A wide cohort neighbourhood (a swap, hood_choose_wide) for the free
 * slot rg; the number of columns freed, 0 when every seed is quiet. It
 * frees every class, so it shares rows with any region beside it
 * (merge_region checks the merged plan). One over the cap is tried again
 * with a smaller S (S's own growth may have put it there); one over the
 * cap at the least S ends swaps for this search, as the others are about
 * as large (trying each seed of national 2 000 in turn held the search
 * up for 26 s). */
static long next_swap(Search *sr, Region *rg)
{
    Hoods *h = &sr->hoods;
    memset(rg->in, 0, (size_t)sr->m->s->nmunicipalities);
    for (int tries = 0; tries < h->nseeds; tries++) {
        int seed = h->seeds[sr->next_swap];
        sr->next_swap = (sr->next_swap + 1) % h->nseeds;
        if (sr->swap_quiet[seed])
            continue;
        long n;
        while ((n = hood_choose_wide(h, sr->x, seed, sr->swap_cohorts, sr->swap_cap, rg->keep)) == 0 &&
               sr->swap_cohorts > LNS_SWAP_MIN_COHORTS)
            sr->swap_cohorts--;
        if (n > 0) {
            rg->seed = seed;
            rg->whole = 1;
            return n;
        }
        sr->use_swaps = 0;
        if (!sr->use_regions && !sr->use_hoods && !sr->lp_x)
            sr->use_regions = 1; /* swaps were all it had (named alone), as in search_init */
        break;
    }
    return 0;
}

/* Frees every column in the free slot rg (a screen or the descent: each
 * reads and may replace the whole plan), grown from `seed`; the number
 * of columns freed. */
static long free_everything(Search *sr, Region *rg, int seed)
{
    memset(rg->in, 0, (size_t)sr->m->s->nmunicipalities);
    memset(rg->keep, 1, (size_t)sr->mip->ncols);
    rg->seed = seed;
    rg->whole = 1;
    return sr->mip->ncols;
}

/* A screen (screen.h) for the free slot rg, from the next seed on: it
 * reads and may change the whole plan. The number of columns it may
 * change. */
static long next_screen(Search *sr, Region *rg)
{
    return free_everything(sr, rg, sr->next_screen);
}

/* The polish for the free slot `rg`: every column but the group counts,
 * so the plan's courses stay where and when they are, with as many
 * groups, and GLPK reassigns members and placements among them. Level 1
 * ignores cost, and its plan sends people far when a nearer cohort of
 * the same courses has room: on kronoberg 1 000 (30 s) its travel and
 * accommodation came to 15–17 M SEK where 6.3 M was to be had, and
 * region search from it kept 28.1–28.9 M in three runs of five
 * (twenty-third session, bench/RESULTS.md). It runs at level 2 when the
 * first region gained nothing (next_region), and again after another
 * neighbourhood's gain when the last one was quick (on kronoberg 1 000
 * it is proven in 0.1 s). */
static long next_polish(Search *sr, Region *rg)
{
    long n = 0, groups = 0;
    for (int j = 0; j < sr->mip->ncols; j++) {
        int g = sr->mip->cols[j].kind == COL_GROUPS;
        rg->keep[j] = !g;
        n += !g;
        groups += g;
    }
    memset(rg->in, 0, (size_t)sr->m->s->nmunicipalities);
    rg->seed = -2;
    rg->whole = 1;
    sr->polish_done = 1;
    return groups > 0 ? n : 0; /* without courses it would free everything */
}

/* An LP-guided neighbourhood (relaxation induced, "RINS") for the free
 * slot `rg`: the columns where the plan differs from the LP relaxation's
 * optimum, and the cohort sizes, which follow their members. Where the
 * two agree the plan is likely right; where they differ lies what the
 * plan could gain. It spans the whole program, so it shares rows with
 * any region running beside it (merge_region checks the merged plan).
 * The number of columns freed, 0 when the plan is the LP's optimum (then
 * no neighbourhood of it can gain). */
static long next_lp(Search *sr, Region *rg)
{
    /* cut: only inside the municipality region grown from the next seed
     * (choose_region marks its columns in rg->keep) */
    int cut = sr->lp_share < 1.0 && sr->nseeds > 0;
    rg->seed = -1;
    if (cut) {
        rg->seed = sr->seeds[sr->lp_next_seed].municipality;
        sr->lp_next_seed = (sr->lp_next_seed + 1) % sr->nseeds;
        choose_region(sr, rg, rg->seed, sr->lp_share * sr->mip->ncols, NULL);
    } else {
        memset(rg->in, 0, (size_t)sr->m->s->nmunicipalities);
    }
    long differ = 0, n = 0;
    for (int j = 0; j < sr->mip->ncols; j++) {
        int inside = !cut || rg->keep[j];
        int d = inside && fabs(sr->x[j] - sr->lp_x[j]) > 1e-6 * fmax(1.0, fabs(sr->lp_x[j]));
        rg->keep[j] = d || (inside && sr->mip->cols[j].kind == COL_SIZE);
        differ += d && sr->mip->cols[j].kind != COL_SIZE;
        n += rg->keep[j];
    }
    rg->whole = 0;
    return differ > 0 ? n : 0;
}

/* Starts an LP-guided neighbourhood in the free slot rg beside `other`
 * (or NULL) when one may gain; 1 when it did. */
static int start_lp(Search *sr, Region *rg, const Region *other, double left)
{
    long n;
    while ((n = next_lp(sr, rg)) == 0 && lp_try_again(sr, rg))
        ;
    if (n == 0)
        return 0;
    if (other) {
        rg->overlap = 1;
        sr->reg[other - sr->reg].overlap = 1;
    }
    rg->epoch = sr->improvements;
    rg->busy = 1;
    sr->local_optimum = 0;
    rg->cohorts = rg->wide = rg->screen = 0;
    rg->lp = 1;
    rg->seconds = fmin(left, sr->region_s);
    return 1;
}

/* 1 when level 1's plan reaches the bound had before the run (rounded
 * down to the value grid: a proof, solver/parts.c) or comes within the
 * run's gap (--gap) of it: region search proves nothing itself, and the
 * user asked no closer. */
static int within_gap(const Search *sr)
{
    const RunRequest *req = sr->req;
    double b = req->value_bound;
    if (req->level != LEVEL_VALUE || !(b > 0.0) || !isfinite(b))
        return 0;
    double v = mip_objective(sr->mip, sr->x, LEVEL_VALUE);
    if (solve_bound_on_grid(b, sr->m->value_digits) <= v + 1e-9 * fmax(1.0, fabs(v)))
        return 1;
    return mip_within_gap(b, v, req->mip_gap);
}

/* Runs in the parent when a process is free: the next region — an
 * LP-guided neighbourhood when one may gain (start_lp), else municipal
 * and cohort neighbourhoods taking turns, kept apart from the region
 * still running; −1 when time is up, the plan is within the gap asked
 * for, or every seed of every kind was proven without a gain (a local
 * optimum). */
static int next_region(void *ctx)
{
    Search *sr = ctx;
    if (within_gap(sr)) {
        sr->gap_reached = 1;
        return -1;
    }
    double left = sr->until - clock_seconds();
    if (left < 0.2 || solver_interrupted)
        return -1;
    int had_regions = sr->use_regions;
    int regions_done = !sr->use_regions || sr->nquiet >= sr->nseeds;
    int hoods_done = !sr->use_hoods || sr->nhood_quiet >= sr->hoods.nseeds + 1;
    int swaps_done = !sr->use_swaps || sr->nswap_quiet >= sr->hoods.nseeds;
    int screens_done = !sr->use_screen || sr->screen_quiet;
    int lp_done = !sr->lp_x || sr->lp_quiet;
    int running = sr->reg[0].busy || sr->reg[1].busy;
    int kinds_done = regions_done && hoods_done && swaps_done && screens_done;
    int polish_done = !sr->use_polish || sr->polish_done;
    /* the descent at once (descent_early) or once screens are quiet, if the time left allows it */
    int descent_done = !sr->use_descent || sr->descent_done || left < LNS_DESCENT_MIN_S;
    if (kinds_done && lp_done && polish_done && descent_done) {
        /* a local optimum only once nothing runs: a region still running
         * may gain, and a gain makes every seed worth a try again */
        sr->local_optimum = !running;
        return -1;
    }
    int slot = -1, busy = 0;
    const Region *other = NULL;
    for (int r = 0; r < LNS_PARALLEL; r++) {
        if (sr->reg[r].busy) {
            other = &sr->reg[r];
            busy++;
        } else if (slot < 0) {
            slot = r;
        }
    }
    if (slot < 0 || busy >= sr->parallel)
        return -1;
    Region *rg = &sr->reg[slot];
    /* a wide one beside shares rows with anything: nothing is kept apart
     * from it */
    const Region *apart = other && !other->wide && !other->screen && !other->polish && !other->descent ? other : NULL;
    if (apart && sr->use_hoods)
        hood_rows_of(&sr->hoods, apart->keep, sr->busy_rows);
    rg->overlap = 0;
    rg->lp = 0;
    rg->polish = 0;
    rg->descent = 0;
    /* the polish alone, first where there is no LP-guided neighbourhood,
     * else once the first region gained nothing: from kronoberg 2 000's
     * level-1 plan the LP-guided one leads to the optimum, and a polish
     * before it (at 20 s) or after it (at 10 s) left the cost 0.1–9 %
     * above in seven runs of seven; on kronoberg 1 000 the LP-guided one
     * gains nothing and the polish 30 % (twenty-third session) */
    int first_quiet = sr->regions > 0 && sr->improvements == 0;
    int polish_due = sr->use_polish && !sr->polish_done &&
                     (sr->polish_quick || first_quiet || (lp_done && sr->regions == 0));
    if (polish_due && other)
        return -1; /* the free slot waits: a region beside it would keep it waiting (review) */
    if (polish_due && next_polish(sr, rg) > 0) {
        rg->epoch = sr->improvements;
        rg->busy = 1;
        sr->local_optimum = 0;
        rg->cohorts = rg->wide = rg->screen = 0;
        rg->polish = 1;
        rg->seconds = fmin(left, sr->polish_s > 0.0 ? sr->polish_s : sr->region_s);
        return slot;
    }
    /* an LP-guided neighbourhood of the whole program first whenever it
     * may gain; cut ones only when the other kinds have nothing left (in
     * turns with them, kronoberg 2 000 with half the slots at 854.4 kept
     * 27.3 M SEK where the first version, without cut ones, reached
     * 16.9 M); one at a time */
    int lp_may = !lp_done && !(other && other->lp);
    int lp_first = lp_may && (sr->lp_share >= 1.0 || kinds_done);
    if (lp_first && start_lp(sr, rg, other, left))
        return slot;
    /* with two processes, a screen whenever none runs, the other kinds
     * taking turns beside it: in turns, capa was 4.4 % above its optimum
     * at 120 s, with screens first 0.006 % at 36 s (nineteenth session,
     * bench/RESULTS.md) */
    if (!screens_done && sr->parallel > 1 && !(other && other->screen))
        sr->turn = KIND_SCREEN;
    if ((screens_done || sr->descent_early) && !descent_done) {
        /* it reads and may replace the whole plan; it keeps the rest of
         * the search's time */
        free_everything(sr, rg, -3);
        rg->overlap = other != NULL;
        if (other)
            sr->reg[other - sr->reg].overlap = 1;
        rg->epoch = sr->improvements;
        rg->busy = 1;
        sr->local_optimum = 0;
        rg->cohorts = rg->wide = rg->screen = 0;
        rg->descent = 1;
        sr->descent_done = 1;
        rg->seconds = left;
        return slot;
    }
    for (int attempt = 0; attempt < NKINDS; attempt++) {
        int kind = sr->turn;
        sr->turn = (sr->turn + 1) % NKINDS;
        if (kind == KIND_REGIONS   ? regions_done
            : kind == KIND_COHORTS ? hoods_done
            : kind == KIND_SWAPS   ? swaps_done
                                   : screens_done)
            continue;
        /* one swap at a time: two free the same assignments, and a gain
         * by either makes the other stale; one screen at a time, likewise */
        if ((kind == KIND_SWAPS && other && other->wide) || (kind == KIND_SCREEN && other && other->screen))
            continue;
        long n = kind == KIND_SCREEN    ? next_screen(sr, rg)
                 : kind == KIND_SWAPS   ? next_swap(sr, rg)
                 : kind == KIND_COHORTS ? next_hood(sr, rg, apart)
                                        : next_municipal(sr, rg, apart);
        if (n > 0) {
            /* both of two overlapping regions start from a plan the other
             * may change (the one started first was not flagged before);
             * region_done then asks whether it did */
            if (other && (other->lp || other->wide || other->screen || other->polish || other->descent ||
                          kind == KIND_SWAPS || kind == KIND_SCREEN))
                rg->overlap = 1;
            if (rg->overlap && other)
                sr->reg[other - sr->reg].overlap = 1;
            rg->epoch = sr->improvements;
            rg->busy = 1;
            sr->local_optimum = 0;
            rg->cohorts = kind == KIND_COHORTS;
            rg->wide = kind == KIND_SWAPS;
            rg->screen = kind == KIND_SCREEN;
            rg->seconds = fmin(left, sr->region_s);
            return slot;
        }
    }
    /* swaps, all it had, were over the cap: municipality regions instead
     * (next_swap), not a local optimum */
    if (!had_regions && sr->use_regions)
        return next_region(ctx);
    /* the cut LP-guided ones were passed over, but nothing else could
     * run: not a local optimum while they may gain */
    if (lp_may && !lp_first && start_lp(sr, rg, other, left))
        return slot;
    /* every seed proven without a gain or with nothing to free */
    if (busy == 0)
        sr->local_optimum = 1;
    return -1;
}

/* SAMPLAN_REGION_SEARCH=N (a test hook, tests/e2e/region_search.sh):
 * region search on every block, first regions of N columns; 0 unset. */
static int forced_region_columns(void)
{
    const char *env = getenv("SAMPLAN_REGION_SEARCH");
    int n = env ? atoi(env) : 0;
    return n > 0 ? n : 0;
}

int lns_wanted(const Mip *mip)
{
    return forced_region_columns() > 0 || mip->nnz > LNS_MIN_NONZEROS;
}

int lns_probe_wanted(const Mip *mip)
{
    return mip->nnz >= LNS_PROBE_MIN_NONZEROS && mip->nnz <= LNS_LP_MAX_NONZEROS;
}

/* The search's set-up (search_init: municipality regions, cohort
 * neighbourhoods) goes over every non-zero and does not look at the
 * clock: on national 50 000 (14.3 M non-zeros) it took about 1.4 s, so a
 * level 2 left 0.3 s ended the run 1.5 s late at --time-limit 8
 * (twenty-fifth session's time-limit audit). A search with less time
 * than this per non-zero keeps its start. */
#define LNS_SETUP_S_PER_NONZERO 1e-7

/* The search's answer from out->x as it stands: its objective, how it
 * stopped (Ctrl-C over `stop`), and its bound: at level 2 the descent's
 * LP optimum (cost_bound, -HUGE_VAL without one); else none, region
 * search proving none. */
static void search_result(const Mip *mip, const RunRequest *req, RunStop stop, double t0, double cost_bound,
                          RunResult *out)
{
    out->has_solution = 1;
    out->objective = mip_objective(mip, out->x, req->level);
    out->stop = solver_interrupted ? STOP_INTERRUPT : stop;
    out->bound = req->level == LEVEL_VALUE ? HUGE_VAL : cost_bound; /* checked against the plan's cost where it is said */
    out->seconds = clock_seconds() - t0;
}

int lns_solve(const Model *m, const Mip *mip, const RunRequest *req, RunResult *out, char *err, size_t errsz)
{
    double t0 = clock_seconds();
    memset(out, 0, sizeof *out);
    out->x = calloc((size_t)(mip->ncols ? mip->ncols : 1), sizeof *out->x);
    Search sr;
    if (!out->x) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    int start_ok = req->start && mip_solution_ok(mip, req->start);
    if (start_ok)
        memcpy(out->x, req->start, (size_t)mip->ncols * sizeof *out->x);
    /* else the empty plan, which meets every row of level 1 */
    if (req->time_limit_s < LNS_SETUP_S_PER_NONZERO * (double)mip->nnz) {
        search_result(mip, req, STOP_TIME, t0, -HUGE_VAL, out);
        return 0;
    }
    if (search_init(&sr, m, mip, req, out->x)) {
        search_release(&sr);
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    /* first regions of SAMPLAN_REGION_SEARCH columns when set; otherwise
     * at most half the program: a region as large as the program is
     * GLPK's whole run again (level 2 of kronoberg 2 000 beside GLPK:
     * nothing in 1.9 s) */
    int forced = forced_region_columns();
    sr.target = forced > 0 ? (double)forced : fmin(LNS_FIRST_COLUMNS, mip->ncols / 2.0);
    sr.hood_target = sr.target;
    /* swaps only where one frees a small share of the program (a quarter
     * at most, unless named, which tests do on small scenarios; on capb
     * about 11 000 of 100 200 columns), and only on programs with few
     * courses to place, each a large decision (LNS_SWAP_MAX_SEEDS) */
    sr.swap_cohorts = LNS_SWAP_COHORTS;
    sr.next_swap = sr.hoods.nseeds / 2; /* not the seed a cohort neighbourhood beside it has */
    sr.swap_cap = (long)(sr.swaps_named ? LNS_SWAP_MAX_COLUMNS : fmin(LNS_SWAP_MAX_COLUMNS, mip->ncols / 4.0));
    if (sr.use_swaps && !sr.swaps_named &&
        (sr.hoods.nseeds > LNS_SWAP_MAX_SEEDS || hood_wide_base(&sr.hoods, out->x) > sr.swap_cap / 2))
        sr.use_swaps = 0;
    /* screens where the courses are few (as for swaps): each prices moves
     * of one course, and the LP they re-solve is the whole program */
    if (sr.use_screen && !sr.screen_named &&
        (sr.hoods.nseeds > LNS_SWAP_MAX_SEEDS || mip->nnz > LNS_SCREEN_MAX_NONZEROS))
        sr.use_screen = 0;
    for (int i = 0; i < mip->nrows && !sr.shared_rows; i++)
        sr.shared_rows = mip->rows[i].tag == 'v' || mip->rows[i].tag == 'b';
    sr.until = t0 + req->time_limit_s - fmin(LNS_GRACE_S, 0.1 * req->time_limit_s);
    sr.last_line = t0;
    /* level 1: LNS_VALUE_REGION_S per region; level 2: an eighth of the
     * run, within [LNS_MIN_REGION_S, LNS_MAX_REGION_S] (1.5 s regions at
     * level 2 gave nothing clear on capa or national 5 000 in the eighth
     * session's single runs) */
    sr.region_s = req->level == LEVEL_VALUE ? LNS_VALUE_REGION_S
                                            : fmax(LNS_MIN_REGION_S, fmin(LNS_MAX_REGION_S, req->time_limit_s / 8.0));
    sr.parallel = req->jobs > 1 ? (req->jobs < LNS_PARALLEL ? req->jobs : LNS_PARALLEL) : 1;
    int probe_failed = 0;
    if (sr.lp_x) {
        /* without the LP's optimum (not in time, or GLPK failed) the other
         * kinds go on alone */
        char lp_err[256];
        double lp_s = fmin(LNS_LP_MAX_S, LNS_LP_SHARE * req->time_limit_s);
        int lp = solver_interrupted ? 0 : glpk_lp_relaxation(mip, req->level, lp_s, sr.lp_x, lp_err, sizeof lp_err);
        if (lp < 0 && !req->quiet)
            fprintf(stderr, "samplan: region search goes on without the LP relaxation: %s\n", lp_err);
        if (lp != 1) {
            free(sr.lp_x);
            sr.lp_x = NULL;
            if (!sr.use_regions && !sr.use_hoods && !sr.use_swaps && !sr.use_screen && !sr.use_polish)
                sr.use_regions = 1;
            /* a probe is the LP-guided neighbourhood or nothing: GLPK
             * has the time it would have taken (solver/parts.c) */
            probe_failed = req->lp_probe;
        }
    }
    /* it descends by screens, capped as they are, and keeps a process
     * until its screens are proven or time is up: the only one only when
     * it starts at once (with one process, screens are seldom quiet in
     * time: capb, 120 s, never) */
    sr.descent_early = req->time_limit_s >= (sr.parallel < 2 ? LNS_DESCENT_ALONE_S : LNS_DESCENT_EARLY_S);
    if (!sr.descent_named && (!sr.use_screen || (sr.parallel < 2 && !sr.descent_early)))
        sr.use_descent = 0;
    /* Every region runs in a worker process, even one at a time, so that
     * one still running at the end of the search's time can be dropped:
     * GLPK overruns its own limit on some restrictions (national 500, one
     * processor: 13.4 s for a 4.9 s level in-process). */
    char lost[256] = "";
    if (!probe_failed &&
        workers_stream(LNS_PARALLEL, next_region, &sr, region_work, region_apply, &sr, t0 + req->time_limit_s,
                       NULL, &solver_interrupted, lost, sizeof lost) &&
        !req->quiet)
        /* out of memory reading a result (a worker lost costs its
         * region only: solver/workers.c): the plan so far is valid,
         * every merge having been checked */
        fprintf(stderr, "samplan: region search stopped early (%s); the plan so far is kept\n", lost);
    if (sr.failures && !req->quiet)
        fprintf(stderr, "samplan: GLPK failed on %d of %d regions (last: %s); they were skipped\n", sr.failures,
                sr.regions, sr.last_failure);
    if (!mip_solution_ok(mip, out->x)) {
        /* cannot happen, every merge being checked; never write a wrong plan */
        if (start_ok)
            memcpy(out->x, req->start, (size_t)mip->ncols * sizeof *out->x);
        else
            memset(out->x, 0, (size_t)mip->ncols * sizeof *out->x);
    }
    int local_optimum = sr.local_optimum || sr.gap_reached;
    double cost_bound = sr.cost_bound;
    out->regions = sr.regions;
    search_release(&sr);
    /* STOP_GAP: a local optimum, or within the gap asked for, or a probe
     * without its LP; either way the part wants no further run of region
     * search (solver/parts.c) */
    search_result(mip, req, local_optimum || probe_failed ? STOP_GAP : STOP_TIME, t0, cost_bound, out);
    return 0;
}
