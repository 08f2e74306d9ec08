/*
 * lagrange.c — a Lagrangian bound on the level-1 value (lagrange.h).
 *
 * Rows of build.c, by tag: class 'c', seats 's', groups 'q' and slot
 * 'p' rows are priced (each has non-negative coefficients and only an
 * upper side); link 'l', size 'n' and group-size 'g'/'h' rows stay, and
 * tie each cohort's classes to its integer group count; demand rows 'd'
 * stay too, and since nothing else limits a placement column once the
 * slot rows are priced, each placement goes to its cheapest slot class.
 * Every other row (a budget) is left out. For given prices the relaxed
 * program is a sum of one problem per cohort, solved exactly: for each
 * group count G, take the classes' members in order of reduced value,
 * at most min(ub, link·G) of each, at least min_group·G and at most
 * max_group·G in all. Prices then follow subgradient steps (Held–Karp
 * step lengths towards the known plan's value).
 */
#include "lagrange.h"

#include "glpk_run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The subgradient method: step sizes θ·(bound − target)/|d|², θ from
 * START_THETA, times DECAY when PATIENCE steps since the last decay did
 * not improve on the best of them; the method ends below MIN_THETA (or
 * starts again once, see RESTART_SHARE). The direction d is the
 * subgradient plus DEFLECTION times the last one, which damps the
 * zig-zag between the class rows and the capacity rows.
 * Chosen on kronoberg 2 000, national 500 and 2 000 (bench/RESULTS.md,
 * "Seventh session"): PATIENCE 8 and no deflection stalled at 1 037.9
 * on kronoberg 2 000, whose optimum and LP bound are 955.3. θ 1.5 and
 * PATIENCE 60 (ninth session, with steps 2–3 × faster than when θ 2 and
 * PATIENCE 40 were chosen) reach 962.6 there and, in 12 s, leave the
 * trivial bound on national 5 000, 10 000 and 20 000 where θ 2 never
 * did; national 2 000 gives 1 888.3 against 1 885.8. */
#define START_THETA 1.5
#define PATIENCE 60
#define DECAY 0.6
#define DEFLECTION 0.7
#define MIN_THETA 1e-5
#define MAX_ITERATIONS 100000
/* The bound needs about a thousand steps to move off the trivial one
 * (the first schedule: about 1 400 on national 2 000, 950 on national
 * 10 000; the seventh session's: 300–1 000 on national 500–2 000): when the
 * first PROBE_STEPS show that the time allows fewer than MIN_STEPS, the
 * search stops there. And a search still not below the bound already
 * had at GIVE_UP_SHARE of its time (after a restart: of the time left at
 * it) stops (national 5 000 with the seventh session's θ 2, PATIENCE 40:
 * not below the trivial bound in 120 s). */
#define PROBE_STEPS 10
#define MIN_STEPS 1000
/* The first steps are cheap (few candidates are worth taking yet), so
 * the pace is checked again after RECHECK_STEPS, against MIN_STEPS too.
 * (The ninth session asked for twice as many, for a search that had to
 * leave the trivial bound by half its time; since the give-up follows
 * the trend, that stopped national 5 000 after 100 steps on a busy
 * machine, where it leaves the trivial bound about 5 s into its steps.)
 * The largest instances, where the full search cannot manage its steps,
 * get their bound from the market phase. */
#define RECHECK_STEPS 100
#define RECHECK_MIN_STEPS MIN_STEPS
/* A step reads each non-zero of the program about once: 1.6–2.5 ns each
 * on national 2 000–10 000 here (1.4 ms a step at 0.9 M non-zeros, 5 ms
 * at 2.0 M, 9 ms at 3.7 M; a market step about 1.4 ns). With a bound
 * already had, a search whose time cannot allow MARKET_MIN_STEPS steps
 * even at FAST_STEP_NS a non-zero (1.6–2.5 × this machine's pace) is not
 * begun: setting it up alone takes 1.3 s on national 50 000 (14 M
 * non-zeros). */
#define FAST_STEP_NS 1.0
#define GIVE_UP_SHARE 0.5
#define TREND_STEPS 100  /* steps per window of the give-up's trend */
#define TREND_WINDOWS 3 /* windows it spans */
/* On national 5 000 the first steps with θ 2 and PATIENCE 40 (the
 * seventh session's first schedule) overshoot to 3.6 × the trivial bound
 * (1.4 × on national 2 000) and θ has decayed to nothing before the bound
 * comes back down: it never leaves the starting bound. A search still at
 * its starting bound after RESTART_SHARE of its time and RESTART_AFTER
 * steps (or with θ spent) starts again from the starting prices with the
 * gentler RESTART_THETA and RESTART_PATIENCE, when the time left allows
 * RESTART_MIN_STEPS steps: national 5 000 leaves the trivial bound after about 1 050 such
 * steps and reaches 4 754.7 in 20 s (bench/RESULTS.md, eighth session).
 * They are not the first schedule because on national 2 000 they give
 * 1 892.7 in 12 s where θ 1.5, PATIENCE 60 give 1 888.3 (ninth session).
 * The first schedule takes about 1 400 steps to leave the trivial bound
 * on national 2 000 (ninth session): with a thousand as RESTART_AFTER, a
 * 6 s search restarted at 1.5 s and ended at 1 900.3 instead of 1 886.4. */
/* The market phase (market_evaluate) comes first: subgradient steps on
 * the capacity prices alone, θ from MARKET_THETA, decaying by DECAY after
 * MARKET_PATIENCE steps without gain, for at most MARKET_SHARE of the
 * time or until θ falls below MARKET_MIN_THETA; the full search then
 * starts from its best prices. Where centres' group and seat capacity
 * is what limits the value (national 20 000 and 50 000: about 12 000 and
 * 20 000 participants fit their max_groups), it gets far below the
 * trivial bound in a few hundred steps, which the full search, whose
 * steps cost more and whose first ones overshoot, does not. θ and
 * patience were chosen on national 10 000 / 20 000 / 50 000 with 10–12 s
 * (bench/RESULTS.md, tenth session; those runs decayed θ every 50 steps
 * whatever the gain, a slip since mended): θ 0.2 with patience 100 gave
 * 9 402.8 / 14 390.0 / –, θ 1 with patience 25 – / 14 334.2 / 26 523.2,
 * θ 1 with patience 50 9 151.6 / 13 747.4 / 25 240.8, and θ 2 overshot
 * to 8 × the trivial bound and ended above it on national 20 000; with
 * the decay mended, θ 1 / 0.5 / 0.3 give 8 896.1 / 9 256.0 / 9 353.5,
 * 13 288.3 / 13 408.3 / 13 765.7 and 24 793.0 / 25 339.5 / 25 965.5.
 * Where capacity does not limit the value F only comes back down to its
 * first bound as θ decays, so the phase ends when θ falls below
 * MARKET_PROBE_THETA before F has gained MARKET_PROBE_GAIN on its first
 * bound (national 500 and 2 000: after about 430 steps, 0.13 and 0.5 s;
 * national 10 000 falls below it at θ 0.216). A search whose time cannot
 * allow MARKET_MIN_STEPS such steps at FAST_STEP_NS a non-zero is not
 * begun (national 50 000 goes from 48 331 to 27 438 in 200).
 * MARKET_SHARE was 0.5 until the eleventh session: where the phase is
 * productive the full search that follows gains little (national 10 000,
 * 12 s: 8 974.3 after the market's 6 s, 8 971.5 after the full search's
 * 6 s), and at 0.8 the phase takes the whole 12 s and reaches 8 797.5;
 * where it is not (national 5 000 and below, kronoberg) the probe above
 * ends it after 0.1–2 s whatever its share, and the bounds are unchanged
 * (4 728.5, 1 886.3, 956.2). A Polyak target of 0 or half the plan's
 * value instead of the value itself helped national 10 000 and 20 000
 * (8 820.7 / 12 871.6 at 0) but not 50 000 (28 460.6 and 26 629.5
 * against 26 197.5), so the target stays the plan's value.
 * MARKET_SHARE went from 0.8 to 0.3 in the twenty-seventh session: the
 * eleventh measured 12 s searches, where the full search has too few
 * steps to gain (the rule below still gives the market phase all of such
 * a search), but alongside a solve the search gets 60–70 s, and there the
 * full search, with its integer groups and min_group, takes the bound far
 * below the market phase's floor (national 10 000: the market phase
 * stalls near 8 986, the full search reaches 8 004–8 071). `bound_run DIR
 * S TARGET --give-up`, 0.8 against 0.3: national 10 000 at 30 s 8 897.5
 * against 8 504.0, national 20 000 at 67 s 13 231.8 against 12 497.7,
 * national 50 000 at 67 s 23 843.8 against 23 544.0 (0.15: 23 735.6,
 * 0.25: 24 091.5; the full search's end varies with its starting
 * prices). */
#define MARKET_THETA 1.0
#define MARKET_PATIENCE 50
#define MARKET_MIN_THETA 1e-3
#define MARKET_SHARE 0.3
#define MARKET_MIN_STEPS 200
#define MARKET_PROBE_THETA 0.1
#define MARKET_PROBE_GAIN 1e-3
#define RESTART_SHARE 0.25
#define RESTART_AFTER 2000
#define RESTART_THETA 1.0
#define RESTART_PATIENCE 100
#define RESTART_MIN_STEPS 2000

/* A candidate class of a cohort at the current prices. */
typedef struct Unit {
    double profit; /* reduced value of one member */
    int at;        /* its entry in coh_x */
    double ub;     /* the column's upper bound (members) */
    double link;   /* members per group opened (link row) */
} Unit;

typedef struct Relax {
    const Mip *mip;
    const _Atomic double *live; /* a plan value that rises as another process improves it, or NULL */
    double live_offset;          /* what of it lies outside this program */
    double gap;                  /* relative gap to the target that is close enough (0: none) */
    size_t *rstart; /* rows as lists: rcol/rcoef[rstart[i] .. rstart[i+1]) */
    int *rcol;
    double *rcoef;
    int *dual, ndual; /* priced rows */
    double *lam;      /* [ndual] their prices */
    int *dem, ndem;   /* demand rows */
    double *price;    /* [ndem] cheapest slot class of each, per member */
    int *pick;        /* [ndem] that PLACE column, −1 if none */
    size_t *xdem_start;     /* per column: its demand rows, xdem[xdem_start[j] .. xdem_start[j+1]) */
    int *xdem;              /* indices into dem */
    int *link_g;      /* per column: the GROUPS column of its link row, −1 */
    double *link_cap; /* per column: its link coefficient (members per group) */
    int ncoh;         /* cohorts: a GROUPS column with linked X columns */
    int *coh_g, *coh_n, *coh_start, *coh_x;
    double *coh_ub, *coh_link; /* per entry of coh_x: its bound and link (read every step, kept together) */
    double *coh_min, *coh_max;
    /* Per entry of coh_x, in that order (every step reads them all, so
     * they lie in the order they are read): the X column's value, its
     * priced entries (price index, coefficient) and its demand rows. */
    double *coh_val, *prof; /* prof: each entry's reduced value in this step (NAN: none) */
    size_t *coh_pstart; int *coh_pk; double *coh_pa;
    size_t *coh_dstart; int *coh_dem;
    /* per column: its priced entries (price index, coefficient) */
    size_t *pcol_start; int *pcol_k; double *pcol_a;
    int *loose, nloose; /* X columns of no cohort, and free columns */
    unsigned char *role; /* per column: ROLE_* */
    double *sol;      /* per column: the relaxed solution */
    int *used, nused; /* the columns sol does not hold at 0, each once */
    double *members;  /* [ndem] members the relaxed solution places through each demand row */
    double *act;      /* [ndual] the relaxed solution's left-hand side of each priced row */
    Unit *buf;
    int bufcap;
    /* the market start (market_evaluate): per priced row, whether it is a
     * class row; per class row, its best candidate's reduced value per
     * unit of the row and that candidate (an entry of coh_x, or −2 − j
     * for a loose column j, −1 for none) */
    unsigned char *is_class;
    double *cbest, *ccoef; /* ccoef: the candidate's coefficient in the class row */
    int *carg, *ccoh;      /* ccoh: the candidate's cohort */
    double *lam0;          /* the prices a search starts (and restarts) from */
} Relax;

enum { ROLE_FREE, ROLE_X_COHORT, ROLE_X_ALONE, ROLE_GROUPS, ROLE_SIZE, ROLE_PLACE };

static void relax_free(Relax *R)
{
    free(R->rstart);
    free(R->rcol);
    free(R->rcoef);
    free(R->dual);
    free(R->lam);
    free(R->dem);
    free(R->price);
    free(R->pick);
    free(R->xdem_start);
    free(R->xdem);
    free(R->link_g);
    free(R->link_cap);
    free(R->coh_g);
    free(R->coh_n);
    free(R->coh_start);
    free(R->coh_x);
    free(R->coh_ub);
    free(R->coh_link);
    free(R->coh_min);
    free(R->coh_max);
    free(R->coh_val);
    free(R->coh_pstart);
    free(R->coh_pk);
    free(R->coh_pa);
    free(R->coh_dstart);
    free(R->coh_dem);
    free(R->pcol_start);
    free(R->pcol_k);
    free(R->pcol_a);
    free(R->loose);
    free(R->role);
    free(R->sol);
    free(R->used);
    free(R->prof);
    free(R->members);
    free(R->act);
    free(R->buf);
    free(R->is_class);
    free(R->cbest);
    free(R->ccoef);
    free(R->carg);
    free(R->ccoh);
    free(R->lam0);
}

static void *alloc(size_t n, size_t size)
{
    return calloc(n ? n : 1, size);
}

/* The rows as lists of (column, coefficient). */
static int build_rows(Relax *R)
{
    const Mip *mip = R->mip;
    R->rstart = alloc((size_t)mip->nrows + 1, sizeof *R->rstart);
    R->rcol = alloc(mip->nnz, sizeof *R->rcol);
    R->rcoef = alloc(mip->nnz, sizeof *R->rcoef);
    size_t *fill = alloc((size_t)mip->nrows + 1, sizeof *fill);
    if (!R->rstart || !R->rcol || !R->rcoef || !fill) {
        free(fill);
        return -1;
    }
    for (size_t e = 0; e < mip->nnz; e++)
        R->rstart[mip->ia[e] + 1]++;
    for (int i = 0; i < mip->nrows; i++)
        R->rstart[i + 1] += R->rstart[i];
    memcpy(fill, R->rstart, ((size_t)mip->nrows + 1) * sizeof *fill);
    for (size_t e = 0; e < mip->nnz; e++) {
        size_t at = fill[mip->ia[e]]++;
        R->rcol[at] = mip->ja[e];
        R->rcoef[at] = mip->ar[e];
    }
    free(fill);
    return 0;
}

static int is_kind(const Mip *mip, int col, ColKind kind)
{
    return mip->cols[col].kind == kind;
}

/* Reads one structural row (link, size bounds) into the per-column maps.
 * Returns −1 when it is not of the shape build.c writes. */
static int read_cohort_row(Relax *R, int i, int *size_of, double *gmin, double *gmax, int *xsize)
{
    const Mip *mip = R->mip;
    char tag = mip->rows[i].tag;
    size_t a = R->rstart[i], b = R->rstart[i + 1];
    if (tag == 'l') {
        if (b - a != 2)
            return -1;
        int x = R->rcol[a], g = R->rcol[a + 1];
        double ax = R->rcoef[a], ag = R->rcoef[a + 1];
        if (is_kind(mip, x, COL_GROUPS)) {
            int t = x; x = g; g = t;
            double u = ax; ax = ag; ag = u;
        }
        /* each member a group takes counts whole: link ≥ 1 */
        if (!is_kind(mip, x, COL_X) || !is_kind(mip, g, COL_GROUPS) || ax != 1.0 || ag > -1.0 ||
            R->link_g[x] >= 0 || mip->rows[i].ub != 0.0)
            return -1;
        R->link_g[x] = g;
        R->link_cap[x] = -ag;
        return 0;
    }
    if (tag == 'g' || tag == 'h') {
        int n = -1, g = -1;
        double an = 0.0, ag = 0.0;
        for (size_t e = a; e < b; e++) {
            if (is_kind(mip, R->rcol[e], COL_SIZE))
                n = R->rcol[e], an = R->rcoef[e];
            else if (is_kind(mip, R->rcol[e], COL_GROUPS))
                g = R->rcol[e], ag = R->rcoef[e];
        }
        double side = tag == 'g' ? mip->rows[i].lb : mip->rows[i].ub;
        if (b - a != 2 || n < 0 || g < 0 || an != 1.0 || ag > 0.0 || side != 0.0 ||
            (size_of[g] >= 0 && size_of[g] != n))
            return -1;
        size_of[g] = n;
        (tag == 'g' ? gmin : gmax)[g] = -ag;
        return 0;
    }
    /* 'n': size = Σ X, one such row per SIZE column, each X in one */
    int n = -1;
    for (size_t e = a; e < b; e++)
        if (is_kind(mip, R->rcol[e], COL_SIZE)) {
            if (R->rcoef[e] != 1.0 || n >= 0)
                return -1;
            n = R->rcol[e];
        }
    if (n < 0 || xsize[n] >= 0 || mip->rows[i].lb != 0.0 || mip->rows[i].ub != 0.0)
        return -1;
    xsize[n] = n; /* marks the SIZE column's row as read */
    for (size_t e = a; e < b; e++) {
        int x = R->rcol[e];
        if (x == n)
            continue;
        if (!is_kind(mip, x, COL_X) || R->rcoef[e] != -1.0 || xsize[x] >= 0)
            return -1;
        xsize[x] = n;
    }
    return 0;
}

/* A demand row: Σ PLACE − Σ X = 0, coefficients ±1. */
static int demand_row_ok(const Relax *R, int i, int *place_seen)
{
    const Mip *mip = R->mip;
    if (mip->rows[i].lb != 0.0 || mip->rows[i].ub != 0.0)
        return 0;
    for (size_t e = R->rstart[i]; e < R->rstart[i + 1]; e++) {
        int j = R->rcol[e];
        if (is_kind(mip, j, COL_PLACE) && R->rcoef[e] == 1.0) {
            if (place_seen[j]++ || mip->cols[j].value != 0.0) /* its value would be lost */
                return 0;
        } else if (!is_kind(mip, j, COL_X) || R->rcoef[e] != -1.0) {
            return 0;
        }
    }
    return 1;
}

/* Sorts the rows into priced, demand and structural ones, and the
 * columns into their roles. Returns 0, −1 on out-of-memory, −2 when the
 * program is not of build.c's shape. */
static int classify(Relax *R)
{
    const Mip *mip = R->mip;
    int nc = mip->ncols;
    R->dual = alloc((size_t)mip->nrows, sizeof *R->dual);
    R->dem = alloc((size_t)mip->nrows, sizeof *R->dem);
    R->link_g = alloc((size_t)nc, sizeof *R->link_g);
    R->link_cap = alloc((size_t)nc, sizeof *R->link_cap);
    R->role = alloc((size_t)nc, sizeof *R->role);
    int *size_of = alloc((size_t)nc, sizeof *size_of);
    int *xsize = alloc((size_t)nc, sizeof *xsize);
    int *place_seen = alloc((size_t)nc, sizeof *place_seen);
    double *gmin = alloc((size_t)nc, sizeof *gmin), *gmax = alloc((size_t)nc, sizeof *gmax);
    int rc = -1;
    if (!R->dual || !R->dem || !R->link_g || !R->link_cap || !R->role || !size_of || !xsize || !place_seen ||
        !gmin || !gmax)
        goto done;
    for (int j = 0; j < nc; j++) {
        R->link_g[j] = size_of[j] = xsize[j] = -1;
        gmin[j] = gmax[j] = -1.0;
    }
    rc = -2;
    for (int i = 0; i < mip->nrows; i++) {
        char tag = mip->rows[i].tag;
        if (strchr("csqp", tag) && tag != '\0' && isfinite(mip->rows[i].ub)) {
            for (size_t e = R->rstart[i]; e < R->rstart[i + 1]; e++)
                if (R->rcoef[e] < 0.0)
                    goto done;
            R->dual[R->ndual++] = i;
        } else if (tag == 'd') {
            if (!demand_row_ok(R, i, place_seen))
                goto done;
            R->dem[R->ndem++] = i;
        } else if (tag == 'l' || tag == 'g' || tag == 'h' || tag == 'n') {
            if (read_cohort_row(R, i, size_of, gmin, gmax, xsize))
                goto done;
        }
    }
    for (int j = 0; j < nc; j++) {
        const MipCol *c = &mip->cols[j];
        int g = R->link_g[j];
        if (c->kind == COL_X) {
            if (g >= 0 && (size_of[g] < 0 || xsize[j] != size_of[g] || gmin[g] < 0 || gmax[g] < 0))
                goto done;
            if (g < 0 && xsize[j] >= 0)
                goto done;
            if (c->lb != 0.0 || !isfinite(c->ub) || !c->integer)
                goto done;
            R->role[j] = g >= 0 ? ROLE_X_COHORT : ROLE_X_ALONE;
        } else if (c->kind == COL_PLACE && place_seen[j]) {
            R->role[j] = ROLE_PLACE;
        }
    }
    /* cohorts, with their X columns grouped by counting */
    int *count = place_seen; /* reused: per GROUPS column, its X columns */
    memset(count, 0, (size_t)nc * sizeof *count);
    for (int j = 0; j < nc; j++)
        if (R->role[j] == ROLE_X_COHORT)
            count[R->link_g[j]]++;
    int *index = xsize; /* reused: GROUPS column → cohort */
    /* the cohorts' GROUPS and SIZE columns: a whole group count, no value
     * of their own (the cohort problem counts none), one SIZE each */
    for (int j = 0; j < nc; j++)
        index[j] = -1;
    for (int j = 0; j < nc; j++)
        if (count[j] > 0) {
            const MipCol *gc = &mip->cols[j], *nc_ = &mip->cols[size_of[j]];
            if (gc->lb != 0.0 || !gc->integer || gc->value != 0.0 || nc_->lb != 0.0 || nc_->value != 0.0 ||
                index[size_of[j]] == -2)
                goto done;
            index[size_of[j]] = -2; /* this SIZE column is taken */
        }
    for (int j = 0; j < nc; j++)
        if (count[j] > 0)
            index[j] = R->ncoh++;
    rc = -1;
    R->coh_g = alloc((size_t)R->ncoh, sizeof *R->coh_g);
    R->coh_n = alloc((size_t)R->ncoh, sizeof *R->coh_n);
    R->coh_min = alloc((size_t)R->ncoh, sizeof *R->coh_min);
    R->coh_max = alloc((size_t)R->ncoh, sizeof *R->coh_max);
    R->coh_start = alloc((size_t)R->ncoh + 1, sizeof *R->coh_start);
    R->coh_x = alloc((size_t)nc, sizeof *R->coh_x);
    if (!R->coh_g || !R->coh_n || !R->coh_min || !R->coh_max || !R->coh_start || !R->coh_x)
        goto done;
    int maxitems = 0;
    for (int j = 0; j < nc; j++)
        if (count[j] > 0) {
            int k = index[j];
            R->coh_g[k] = j;
            R->coh_n[k] = size_of[j];
            R->coh_min[k] = gmin[j];
            R->coh_max[k] = gmax[j];
            R->coh_start[k + 1] = count[j];
            R->role[j] = ROLE_GROUPS;
            R->role[size_of[j]] = ROLE_SIZE;
            if (count[j] > maxitems)
                maxitems = count[j];
        }
    for (int k = 0; k < R->ncoh; k++)
        R->coh_start[k + 1] += R->coh_start[k];
    for (int k = 0; k < R->ncoh; k++)
        count[R->coh_g[k]] = R->coh_start[k];
    for (int j = 0; j < nc; j++)
        if (R->role[j] == ROLE_X_COHORT)
            R->coh_x[count[R->link_g[j]]++] = j;
    R->coh_ub = alloc((size_t)nc, sizeof *R->coh_ub);
    R->coh_link = alloc((size_t)nc, sizeof *R->coh_link);
    if (!R->coh_ub || !R->coh_link)
        goto done;
    for (int i = 0; i < R->coh_start[R->ncoh]; i++) {
        R->coh_ub[i] = floor(mip->cols[R->coh_x[i]].ub + 1e-9);
        R->coh_link[i] = R->link_cap[R->coh_x[i]];
    }
    R->buf = alloc((size_t)maxitems, sizeof *R->buf);
    R->bufcap = maxitems;
    rc = R->buf ? 0 : -1;
done:
    free(size_of);
    free(xsize);
    free(place_seen);
    free(gmin);
    free(gmax);
    return rc;
}

/* Per column, its demand rows (as indices into R->dem). */
static int build_demands(Relax *R)
{
    int nc = R->mip->ncols;
    R->xdem_start = alloc((size_t)nc + 1, sizeof *R->xdem_start);
    R->price = alloc((size_t)R->ndem, sizeof *R->price);
    R->pick = alloc((size_t)R->ndem, sizeof *R->pick);
    if (!R->xdem_start || !R->price || !R->pick)
        return -1;
    for (int d = 0; d < R->ndem; d++)
        for (size_t e = R->rstart[R->dem[d]]; e < R->rstart[R->dem[d] + 1]; e++)
            if (R->rcoef[e] < 0.0)
                R->xdem_start[R->rcol[e] + 1]++;
    for (int j = 0; j < nc; j++)
        R->xdem_start[j + 1] += R->xdem_start[j];
    R->xdem = alloc((size_t)R->xdem_start[nc], sizeof *R->xdem);
    size_t *fill = alloc((size_t)nc, sizeof *fill);
    if (!R->xdem || !fill) {
        free(fill);
        return -1;
    }
    memcpy(fill, R->xdem_start, (size_t)nc * sizeof *fill);
    for (int d = 0; d < R->ndem; d++)
        for (size_t e = R->rstart[R->dem[d]]; e < R->rstart[R->dem[d] + 1]; e++)
            if (R->rcoef[e] < 0.0)
                R->xdem[fill[R->rcol[e]]++] = d;
    free(fill);
    return 0;
}

/* Sets a column of the relaxed solution, which holds it at 0 so far. */
static inline void set_sol(Relax *R, int j, double v)
{
    if (v != 0.0) {
        R->sol[j] = v;
        R->used[R->nused++] = j;
    }
}

/* The priced rows' Σ λ·a of column j. */
static inline double priced(const Relax *R, int j)
{
    double red = 0.0;
    for (size_t e = R->pcol_start[j]; e < R->pcol_start[j + 1]; e++)
        red += R->lam[R->pcol_k[e]] * R->pcol_a[e];
    return red;
}

/* Per column, its entries in priced rows; per cohort entry, the same and
 * its demand rows copied into cohort order; the loose columns. Every
 * step reads these, so they are laid out as they are read: a step on
 * national 5 000 spent most of its time waiting for scattered columns. */
static int build_layout(Relax *R)
{
    const Mip *mip = R->mip;
    int nc = mip->ncols, nx = R->coh_start[R->ncoh];
    R->pcol_start = alloc((size_t)nc + 1, sizeof *R->pcol_start);
    R->loose = alloc((size_t)nc, sizeof *R->loose);
    R->coh_val = alloc((size_t)nx, sizeof *R->coh_val);
    R->coh_pstart = alloc((size_t)nx + 1, sizeof *R->coh_pstart);
    R->coh_dstart = alloc((size_t)nx + 1, sizeof *R->coh_dstart);
    R->sol = alloc((size_t)nc, sizeof *R->sol);
    R->used = alloc((size_t)nc, sizeof *R->used);
    R->prof = alloc((size_t)nx, sizeof *R->prof);
    R->members = alloc((size_t)R->ndem, sizeof *R->members);
    R->act = alloc((size_t)R->ndual, sizeof *R->act);
    if (!R->pcol_start || !R->loose || !R->coh_val || !R->coh_pstart || !R->coh_dstart || !R->sol || !R->used || !R->prof ||
        !R->members || !R->act)
        return -1;
    for (int k = 0; k < R->ndual; k++)
        for (size_t e = R->rstart[R->dual[k]]; e < R->rstart[R->dual[k] + 1]; e++)
            R->pcol_start[R->rcol[e] + 1]++;
    for (int j = 0; j < nc; j++)
        R->pcol_start[j + 1] += R->pcol_start[j];
    size_t np = R->pcol_start[nc];
    R->pcol_k = alloc(np, sizeof *R->pcol_k);
    R->pcol_a = alloc(np, sizeof *R->pcol_a);
    size_t *fill = alloc((size_t)nc, sizeof *fill);
    if (!R->pcol_k || !R->pcol_a || !fill) {
        free(fill);
        return -1;
    }
    memcpy(fill, R->pcol_start, (size_t)nc * sizeof *fill);
    for (int k = 0; k < R->ndual; k++) /* each column's entries in price order */
        for (size_t e = R->rstart[R->dual[k]]; e < R->rstart[R->dual[k] + 1]; e++) {
            size_t at = fill[R->rcol[e]]++;
            R->pcol_k[at] = k;
            R->pcol_a[at] = R->rcoef[e];
        }
    free(fill);
    for (int i = 0; i < nx; i++) {
        int x = R->coh_x[i];
        R->coh_val[i] = mip->cols[x].value;
        R->coh_pstart[i + 1] = R->coh_pstart[i] + (R->pcol_start[x + 1] - R->pcol_start[x]);
        R->coh_dstart[i + 1] = R->coh_dstart[i] + (R->xdem_start[x + 1] - R->xdem_start[x]);
    }
    R->coh_pk = alloc(R->coh_pstart[nx], sizeof *R->coh_pk);
    R->coh_pa = alloc(R->coh_pstart[nx], sizeof *R->coh_pa);
    R->coh_dem = alloc(R->coh_dstart[nx], sizeof *R->coh_dem);
    if (!R->coh_pk || !R->coh_pa || !R->coh_dem)
        return -1;
    for (int i = 0; i < nx; i++) {
        int x = R->coh_x[i];
        size_t np_ = R->pcol_start[x + 1] - R->pcol_start[x], nd = R->xdem_start[x + 1] - R->xdem_start[x];
        memcpy(R->coh_pk + R->coh_pstart[i], R->pcol_k + R->pcol_start[x], np_ * sizeof *R->coh_pk);
        memcpy(R->coh_pa + R->coh_pstart[i], R->pcol_a + R->pcol_start[x], np_ * sizeof *R->coh_pa);
        memcpy(R->coh_dem + R->coh_dstart[i], R->xdem + R->xdem_start[x], nd * sizeof *R->coh_dem);
    }
    for (int j = 0; j < nc; j++)
        if (R->role[j] == ROLE_X_ALONE || R->role[j] == ROLE_FREE)
            R->loose[R->nloose++] = j;
    return 0;
}

static inline int by_profit_desc(const Unit *a, const Unit *b)
{
    if (a->profit != b->profit)
        return a->profit > b->profit ? -1 : 1;
    return a->at - b->at; /* entries of a cohort lie in column order */
}

/* Hoare partition of u[*i .. *j] around a copy of a unit: afterwards
 * the units up to *j come before it or tie, those from *i on after it or
 * tie, and any between tie (the order is strict: ties break on the
 * column, so the scans stop at the pivot's own copy). */
static void partition(Unit *u, int *i, int *j, Unit pivot)
{
    while (*i <= *j) {
        while (by_profit_desc(&u[*i], &pivot) < 0)
            (*i)++;
        while (by_profit_desc(&pivot, &u[*j]) < 0)
            (*j)--;
        if (*i <= *j) {
            Unit t = u[*i];
            u[(*i)++] = u[*j];
            u[(*j)--] = t;
        }
    }
}

/* u[0..n) by descending profit (ties by column): insertion sort on short
 * runs, quicksort above. qsort's calls through a comparator took 40 % of
 * each step on national 2 000, where most cohorts have a few dozen
 * candidates. */
static void sort_units(Unit *u, int n)
{
    while (n > 16) {
        int i = 0, j = n - 1;
        partition(u, &i, &j, u[n / 2]);
        /* recurse into the smaller part, loop on the larger */
        if (j + 1 < n - i) {
            sort_units(u, j + 1);
            u += i;
            n -= i;
        } else {
            sort_units(u + i, n - i);
            n = j + 1;
        }
    }
    for (int i = 1; i < n; i++) {
        Unit t = u[i];
        int j = i;
        while (j > 0 && by_profit_desc(&t, &u[j - 1]) < 0) {
            u[j] = u[j - 1];
            j--;
        }
        u[j] = t;
    }
}

/* Puts the `m` most profitable of u[0..n) first, in no order
 * (quickselect): a cohort takes at most max_group·groups members, so
 * only that many of its candidates need sorting. */
static void select_top(Unit *u, int n, int m)
{
    int lo = 0, hi = n - 1;
    while (lo < hi && m > lo && m <= hi) {
        Unit a = u[lo], b = u[(lo + hi) / 2], c = u[hi]; /* median of three as pivot */
        Unit pivot = by_profit_desc(&a, &b) < 0 ? (by_profit_desc(&b, &c) < 0 ? b : by_profit_desc(&a, &c) < 0 ? c : a)
                                               : (by_profit_desc(&a, &c) < 0 ? a : by_profit_desc(&b, &c) < 0 ? c : b);
        int i = lo, j = hi;
        partition(u, &i, &j, pivot);
        if (m <= j)
            hi = j;
        else if (m >= i)
            lo = i;
        else
            break;
    }
}

/* Restores a heap of n units whose every parent comes after its
 * children in by_profit_desc order (the root is the worst), below h. */
static void sift_worst(Unit *u, int n, int h)
{
    for (;;) {
        int c = 2 * h + 1;
        if (c >= n)
            return;
        if (c + 1 < n && by_profit_desc(&u[c + 1], &u[c]) > 0)
            c++; /* the worse child */
        if (by_profit_desc(&u[c], &u[h]) <= 0)
            return;
        Unit t = u[h];
        u[h] = u[c];
        u[c] = t;
        h = c;
    }
}

/* Members of a candidate a cohort with G groups may take. */
static double unit_cap(const Unit *u, int G)
{
    return floor(fmin(u->ub, u->link * G) + 1e-9);
}

/* Fills the units in order up to `want` members; adds their profit to
 * *val and returns how many were taken. With `record`, writes the
 * members into R->sol. */
static double take_units(Relax *R, const Unit *u, int nu, int G, double want, double *val, int record)
{
    double taken = 0.0;
    for (int i = 0; i < nu && taken < want; i++) {
        double k = fmin(unit_cap(&u[i], G), want - taken);
        taken += k;
        *val += k * u[i].profit;
        if (record && k > 0.0) {
            int at = u[i].at;
            set_sol(R, R->coh_x[at], k);
            for (size_t e = R->coh_dstart[at]; e < R->coh_dstart[at + 1]; e++)
                R->members[R->coh_dem[e]] += k;
        }
    }
    return taken;
}

/* Cohort k's best reduced value over its integer group counts, exactly;
 * its solution goes into R->sol. */
static double solve_cohort(Relax *R, int k)
{
    const Mip *mip = R->mip;
    int g = R->coh_g[k], n = R->coh_n[k];
    double A = priced(R, n), B = priced(R, g);
    int npos = 0, nneg = 0;
    Unit *pos = R->buf, *neg = R->buf + R->bufcap; /* negatives fill from the end */
    double best = 0.0, size_ub = floor(mip->cols[n].ub + 1e-9);
    int bestG = 0, gub = (int)floor(mip->cols[g].ub + 1e-9);
    /* every unit taken is a member, so no more than `most` of them: with
     * fewer than the cohort's candidates, only the best `most` are kept,
     * in a heap whose root is the worst of them (a quickselect over all
     * positives took a third of each step on national 10 000) */
    double most = ceil(fmin(R->coh_max[k] * gub, size_ub));
    int keep = most < R->coh_start[k + 1] - R->coh_start[k] ? (int)fmax(most, 0.0) : -1;
    for (int i = R->coh_start[k]; i < R->coh_start[k + 1]; i++) {
        R->prof[i] = NAN;
        if (R->coh_ub[i] < 1.0)
            continue;
        double r = R->coh_val[i];
        for (size_t e = R->coh_pstart[i]; e < R->coh_pstart[i + 1]; e++)
            r -= R->lam[R->coh_pk[e]] * R->coh_pa[e];
        for (size_t e = R->coh_dstart[i]; e < R->coh_dstart[i + 1]; e++)
            r -= R->price[R->coh_dem[e]];
        double p = r - A;
        R->prof[i] = p;
        if (!(p > 0.0 && isfinite(p)) || keep == 0)
            continue;
        Unit u = {p, i, R->coh_ub[i], R->coh_link[i]};
        if (keep < 0 || npos < keep) {
            pos[npos++] = u;
            if (npos == keep)
                for (int h = keep / 2 - 1; h >= 0; h--)
                    sift_worst(pos, keep, h);
        } else if (by_profit_desc(&u, &pos[0]) < 0) {
            pos[0] = u;
            sift_worst(pos, keep, 0);
        }
    }
    sort_units(pos, npos);
    int neg_sorted = 0;
    for (int G = 1; G <= gub; G++) {
        double lower = R->coh_min[k] * G, upper = fmin(R->coh_max[k] * G, size_ub);
        if (lower > upper)
            continue;
        double val = 0.0;
        double taken = take_units(R, pos, npos, G, upper, &val, 0);
        if (val - B * G <= best) /* members of negative value only lower it */
            continue;
        if (taken < lower) {
            if (!neg_sorted) {
                /* gathered only now: most cohorts have a hundred or
                 * more, and seldom need any. At most min_group·gub of
                 * them are ever taken (each is a member at least). */
                for (int i = R->coh_start[k]; i < R->coh_start[k + 1]; i++)
                    if (R->prof[i] <= 0.0 && isfinite(R->prof[i]))
                        *--neg = (Unit){R->prof[i], i, R->coh_ub[i], R->coh_link[i]}, nneg++;
                double need = ceil(R->coh_min[k] * gub);
                if (need < nneg) {
                    select_top(neg, nneg, (int)need);
                    nneg = (int)need;
                }
                sort_units(neg, nneg);
                neg_sorted = 1;
            }
            taken += take_units(R, neg, nneg, G, lower - taken, &val, 0);
            if (taken < lower)
                continue;
        }
        val -= B * G;
        if (val > best)
            best = val, bestG = G;
    }
    if (bestG > 0) {
        double val = 0.0, lower = R->coh_min[k] * bestG;
        double upper = fmin(R->coh_max[k] * bestG, size_ub);
        double taken = take_units(R, pos, npos, bestG, upper, &val, 1);
        if (taken < lower)
            taken += take_units(R, neg, nneg, bestG, lower - taken, &val, 1);
        set_sol(R, g, bestG);
        set_sol(R, n, taken);
    }
    return best;
}

/* A column no structure holds, of reduced value r: at its best bound,
 * into the solution and *L. Returns −1 when that bound is infinite (no
 * finite bound at these prices). */
static int free_column(Relax *R, int j, double r, double *L)
{
    const MipCol *c = &R->mip->cols[j];
    double at = r > 0.0 ? c->ub : r < 0.0 ? c->lb : fmax(c->lb, fmin(0.0, c->ub));
    if (!isfinite(at))
        return -1;
    set_sol(R, j, at);
    *L += r * at;
    return 0;
}

/* Clears the relaxed solution and the members per demand row. */
static void clear_solution(Relax *R)
{
    for (int t = 0; t < R->nused; t++)
        R->sol[R->used[t]] = 0.0;
    R->nused = 0;
    memset(R->members, 0, (size_t)R->ndem * sizeof *R->members);
}

/* Each demand row's cheapest slot class at the current prices. */
static void price_demands(Relax *R)
{
    for (int d = 0; d < R->ndem; d++) {
        int i = R->dem[d];
        R->price[d] = HUGE_VAL;
        R->pick[d] = -1;
        /* prices are never negative: a free slot class ends the search
         * (most slot rows are not tight, so the first one usually does) */
        for (size_t e = R->rstart[i]; e < R->rstart[i + 1] && R->price[d] > 0.0; e++) {
            if (R->rcoef[e] <= 0.0)
                continue;
            double red = priced(R, R->rcol[e]);
            if (red < R->price[d])
                R->price[d] = red, R->pick[d] = R->rcol[e];
        }
    }
}

/* The relaxed program's optimum at the current prices (a valid bound),
 * with its solution in R->sol and the members it places through each
 * demand row in R->members. */
static double evaluate(Relax *R)
{
    const Mip *mip = R->mip;
    clear_solution(R);
    double L = 0.0;
    for (int k = 0; k < R->ndual; k++)
        if (R->lam[k] != 0.0)
            L += R->lam[k] * mip->rows[R->dual[k]].ub;
    price_demands(R);
    for (int t = 0; t < R->nloose; t++) {
        int j = R->loose[t];
        const MipCol *c = &mip->cols[j];
        double r = c->value - priced(R, j);
        if (R->role[j] == ROLE_X_ALONE) {
            for (size_t e = R->xdem_start[j]; e < R->xdem_start[j + 1]; e++)
                r -= R->price[R->xdem[e]];
            if (r > 0.0) {
                set_sol(R, j, c->ub);
                L += r * c->ub;
                for (size_t e = R->xdem_start[j]; e < R->xdem_start[j + 1]; e++)
                    R->members[R->xdem[e]] += c->ub;
            }
            continue;
        }
        if (free_column(R, j, r, &L))
            return HUGE_VAL;
    }
    for (int k = 0; k < R->ncoh; k++)
        L += solve_cohort(R, k);
    for (int d = 0; d < R->ndem; d++)
        if (R->members[d] > 0.0)
            set_sol(R, R->pick[d], R->members[d]); /* r = −∞ kept X at 0 when there is no pick; a PLACE column serves one demand row */
    return L;
}

/* Adds v to column j of the relaxed solution. */
static inline void add_sol(Relax *R, int j, double v)
{
    if (v <= 0.0)
        return;
    if (R->sol[j] == 0.0)
        R->used[R->nused++] = j;
    R->sol[j] += v;
}

/* A candidate's reduced value at the capacity prices (every priced row
 * but the class rows), and its class row (−1: none) and coefficient
 * there, from its priced entries [p0, p1) and demand rows [d0, d1). */
static inline double capacity_reduced(const Relax *R, double value, const int *pk, const double *pa, size_t np,
                                      const int *dem, size_t nd, int *kc, double *ac)
{
    double r = value;
    *kc = -1;
    *ac = 1.0;
    for (size_t e = 0; e < np; e++) {
        if (R->is_class[pk[e]])
            *kc = pk[e], *ac = pa[e];
        else
            r -= R->lam[pk[e]] * pa[e];
    }
    for (size_t e = 0; e < nd; e++)
        r -= R->price[dem[e]];
    return r;
}

/* A candidate in class row kc competes for its class's best. One in
 * none is its own class: its row x ≤ ub, which the bounds already imply,
 * is priced at its reduced value; returns the members it then demands
 * (its bound, when worth taking; else 0) and adds their worth to *L. */
static inline double market_offer(Relax *R, double r, int kc, double ac, int arg, int coh, double ub, double *L)
{
    if (kc >= 0) {
        if (r / ac > R->cbest[kc])
            R->cbest[kc] = r / ac, R->ccoef[kc] = ac, R->carg[kc] = arg, R->ccoh[kc] = coh;
        return 0.0;
    }
    if (!(r > 0.0))
        return 0.0;
    *L += r * ub;
    return ub;
}

/* Sends m members to cohort entry i of cohort k (or, i ≤ −2, to the
 * loose column −2 − i): into R->sol and the members of their demand
 * rows. */
static void market_send(Relax *R, int i, int k, double m)
{
    if (m <= 0.0)
        return;
    if (i >= 0) {
        add_sol(R, R->coh_x[i], m);
        add_sol(R, R->coh_n[k], m);
        add_sol(R, R->coh_g[k], m / R->coh_max[k]);
        for (size_t e = R->coh_dstart[i]; e < R->coh_dstart[i + 1]; e++)
            R->members[R->coh_dem[e]] += m;
    } else {
        int j = -2 - i;
        add_sol(R, j, m);
        for (size_t e = R->xdem_start[j]; e < R->xdem_start[j + 1]; e++)
            R->members[R->xdem[e]] += m;
    }
}

/* The market start's bound. Given the capacity prices (seats, slots;
 * the group rows stay at 0), each class row is priced at its best
 * candidate's reduced value, so that no member is worth taking and every
 * cohort's problem is worth 0 (or less): a valid bound that depends on
 * the capacity prices alone, F = Σ_k n_k·max(0, best_k) + Σ λ·capacity.
 * In its subgradient each class demands its whole row at its best
 * candidate only, where the full search's first steps make every class
 * worth taking in every cohort at once (national 10 000: 9 × the
 * trivial bound within 50 steps, bench/RESULTS.md, ninth session). Sets
 * the class rows' prices and R->sol to the classes' demands; at zero
 * capacity prices F is the trivial bound. */
static double market_evaluate(Relax *R)
{
    const Mip *mip = R->mip;
    clear_solution(R);
    double L = 0.0;
    for (int k = 0; k < R->ndual; k++) {
        if (R->is_class[k])
            R->cbest[k] = 0.0, R->carg[k] = -1;
        else if (R->lam[k] != 0.0)
            L += R->lam[k] * mip->rows[R->dual[k]].ub;
    }
    price_demands(R);
    for (int t = 0; t < R->nloose; t++) {
        int j = R->loose[t], kc;
        const MipCol *c = &mip->cols[j];
        double ac;
        size_t p0 = R->pcol_start[j], x0 = R->xdem_start[j];
        double r = capacity_reduced(R, c->value, R->pcol_k + p0, R->pcol_a + p0, R->pcol_start[j + 1] - p0,
                                    R->role[j] == ROLE_X_ALONE ? R->xdem + x0 : NULL,
                                    R->role[j] == ROLE_X_ALONE ? R->xdem_start[j + 1] - x0 : 0, &kc, &ac);
        if (R->role[j] == ROLE_X_ALONE) {
            market_send(R, -2 - j, -1, market_offer(R, r, kc, ac, -2 - j, -1, c->ub, &L));
            continue;
        }
        if (free_column(R, j, r, &L)) /* in no class row: build_market */
            return HUGE_VAL;
    }
    for (int k = 0; k < R->ncoh; k++) {
        if (!(R->coh_max[k] > 0.0))
            continue; /* takes no one */
        double A = priced(R, R->coh_n[k]) + priced(R, R->coh_g[k]) / R->coh_max[k];
        for (int i = R->coh_start[k]; i < R->coh_start[k + 1]; i++) {
            if (R->coh_ub[i] < 1.0)
                continue;
            int kc;
            double ac;
            size_t p0 = R->coh_pstart[i], d0 = R->coh_dstart[i];
            double r = capacity_reduced(R, R->coh_val[i] - A, R->coh_pk + p0, R->coh_pa + p0,
                                        R->coh_pstart[i + 1] - p0, R->coh_dem + d0, R->coh_dstart[i + 1] - d0, &kc,
                                        &ac);
            market_send(R, i, k, market_offer(R, r, kc, ac, i, k, R->coh_ub[i], &L));
        }
    }
    for (int k = 0; k < R->ndual; k++) {
        if (!R->is_class[k])
            continue;
        R->lam[k] = R->cbest[k];
        if (R->carg[k] == -1 || R->cbest[k] <= 0.0)
            continue;
        double ub = mip->rows[R->dual[k]].ub;
        L += R->cbest[k] * ub;
        market_send(R, R->carg[k], R->ccoh[k], ub / R->ccoef[k]);
    }
    for (int d = 0; d < R->ndem; d++)
        if (R->members[d] > 0.0 && R->pick[d] >= 0)
            set_sol(R, R->pick[d], R->members[d]);
    return L;
}

/* Sets up the market start. Returns 1 when the program suits it (every
 * X column in at most one class row, no other column in one), 0 when
 * not, −1 on out-of-memory. */
static int build_market(Relax *R)
{
    const Mip *mip = R->mip;
    size_t n = (size_t)R->ndual;
    R->is_class = alloc(n, sizeof *R->is_class);
    R->cbest = alloc(n, sizeof *R->cbest);
    R->ccoef = alloc(n, sizeof *R->ccoef);
    R->carg = alloc(n, sizeof *R->carg);
    R->ccoh = alloc(n, sizeof *R->ccoh);
    if (!R->is_class || !R->cbest || !R->ccoef || !R->carg || !R->ccoh)
        return -1;
    for (int k = 0; k < R->ndual; k++)
        R->is_class[k] = mip->rows[R->dual[k]].tag == 'c';
    for (int j = 0; j < mip->ncols; j++) {
        int classes = 0;
        for (size_t e = R->pcol_start[j]; e < R->pcol_start[j + 1]; e++)
            classes += R->is_class[R->pcol_k[e]];
        if (classes > 1 || (classes == 1 && mip->cols[j].kind != COL_X))
            return 0;
    }
    return 1;
}

/* Starting prices: each class row at its columns' best value, so that
 * the first bound is the trivial one (every class at its best value). */
static void start_prices(Relax *R)
{
    const Mip *mip = R->mip;
    for (int k = 0; k < R->ndual; k++) {
        int i = R->dual[k];
        double v = 0.0;
        if (mip->rows[i].tag == 'c')
            for (size_t e = R->rstart[i]; e < R->rstart[i + 1]; e++)
                v = fmax(v, mip->cols[R->rcol[e]].value / R->rcoef[e]);
        R->lam[k] = v;
    }
}

/* One subgradient step from the solution of the last evaluate(). Returns
 * 0 when no price can move (the relaxed solution is feasible and priced
 * rows are tight: the bound cannot fall further). */
static int step(Relax *R, double L, double target, double theta, double *grad, double *dir)
{
    const Mip *mip = R->mip;
    double norm = 0.0;
    /* the priced rows' left-hand sides, from the few columns the relaxed
     * solution uses rather than from every entry of every priced row */
    memset(R->act, 0, (size_t)R->ndual * sizeof *R->act);
    for (int t = 0; t < R->nused; t++) {
        int j = R->used[t];
        for (size_t e = R->pcol_start[j]; e < R->pcol_start[j + 1]; e++)
            R->act[R->pcol_k[e]] += R->pcol_a[e] * R->sol[j];
    }
    for (int k = 0; k < R->ndual; k++)
        grad[k] = mip->rows[R->dual[k]].ub - R->act[k];
    for (int k = 0; k < R->ndual; k++) {
        double d = grad[k] + DEFLECTION * dir[k];
        if (R->lam[k] <= 0.0 && d > 0.0)
            d = 0.0;
        dir[k] = d;
        norm += d * d;
    }
    if (norm <= 0.0)
        return 0;
    double t = theta * (L - target) / norm;
    for (int k = 0; k < R->ndual; k++)
        R->lam[k] = fmax(0.0, R->lam[k] - t * dir[k]);
    return 1;
}

static double round_down(double bound, int value_digits)
{
    if (value_digits < 0 || !isfinite(bound))
        return bound;
    double scale = pow(10.0, value_digits), b = bound * scale;
    return floor(b + 1e-6 + 1e-9 * fabs(b)) / scale;
}

/* A step-size schedule: θ shrinks (× DECAY) when `patience` steps since
 * the last decay did not improve on the best of them (not on the overall
 * best: the first steps overshoot far above the starting bound). One for
 * both phases: the market phase's copy of this test once read an
 * infinite `recent` as no gain and decayed θ every 50 steps. */
typedef struct Schedule {
    double theta, recent; /* recent: the best bound since the last decay */
    int stale, patience;
} Schedule;

static Schedule schedule_new(double theta, int patience)
{
    return (Schedule){theta, HUGE_VAL, 0, patience};
}

static void schedule_note(Schedule *sc, double L)
{
    if (L < sc->recent && (!isfinite(sc->recent) || L < sc->recent - 1e-9 * fmax(1.0, fabs(sc->recent)))) {
        sc->recent = L;
        sc->stale = 0;
    } else if (++sc->stale >= sc->patience) {
        sc->theta *= DECAY;
        sc->stale = 0;
        sc->recent = HUGE_VAL;
    }
}

/* The step target: `target`, or the live plan's value on this program
 * when that is greater (lagrange_bound_live). */
static double current_target(const Relax *R, double target)
{
    return R->live ? fmax(target, *R->live - R->live_offset) : target;
}

/* 1 when the (rounded) bound has reached the target, or come within
 * the gap asked for (lagrange_bound_live). */
static int close_enough(const Relax *R, double rounded, double target)
{
    return rounded <= target + 1e-9 * fmax(1.0, fabs(target)) ||
           mip_within_gap(rounded, target, R->gap);
}

/* The market phase: subgradient steps on the capacity prices of the
 * market start (market_evaluate), from zero, until `until` (seconds of
 * the clock), the step size is spent or the bound reaches `target`.
 * Leaves R->lam at the prices of the best bound it saw, which it
 * returns. */
static double market_search(Relax *R, double target, double t0, double seconds, int value_digits, double *grad,
                            double *dir, double *best_lam, LagrangeStats *st)
{
    size_t n = (size_t)R->ndual * sizeof *R->lam;
    double best = HUGE_VAL;
    double t_market = clock_seconds(), until = t0 + MARKET_SHARE * seconds;
    Schedule sc = schedule_new(MARKET_THETA, MARKET_PATIENCE);
    memset(R->lam, 0, n);
    memset(dir, 0, n);
    memcpy(best_lam, R->lam, n);
    while (st->iterations < MAX_ITERATIONS) {
        target = current_target(R, target);
        double F = market_evaluate(R);
        st->iterations++;
        st->market_steps++;
        if (st->iterations == 1)
            st->first_bound = F;
        if (!isfinite(F))
            break;
        if (F < best) {
            best = F;
            memcpy(best_lam, R->lam, n);
        }
        schedule_note(&sc, F);
        double now = clock_seconds();
        /* the full search's steps cost more than these (1.7 × on
         * national 10 000 and 20 000): when the time after this phase's
         * share could not allow it MIN_STEPS even at this pace, it would
         * give up at once, so this phase takes all the time */
        if (st->market_steps == PROBE_STEPS &&
            (t0 + seconds - until) * PROBE_STEPS < MIN_STEPS * (now - t_market))
            until = t0 + seconds;
        /* Where capacity does not limit the value, F only comes back down
         * to its first bound as θ decays (national 500 and 2 000: still
         * there after 1 300 and 1 100 steps, θ 0.001); where it does, F
         * falls below it while θ is still large (national 10 000: at θ
         * 0.216, after 650 steps; 20 000 and 50 000 sooner). */
        double first = st->first_bound; /* the phase's first F: it runs first */
        if (sc.theta < MARKET_PROBE_THETA && best > first - MARKET_PROBE_GAIN * fabs(first))
            break;
        if (close_enough(R, round_down(best, value_digits), target) || sc.theta < MARKET_MIN_THETA ||
            now >= until || solver_interrupted)
            break;
        if (!step(R, F, fmin(target, best - 1e-6 * fmax(1.0, fabs(best))), sc.theta, grad, dir))
            break;
    }
    memcpy(R->lam, best_lam, n);
    memset(dir, 0, n);
    return best;
}


/* The full search: subgradient steps on every priced row from R->lam0
 * (the market phase's best prices, or the starting prices), in the
 * time left of `seconds` since t0. Returns the best bound it saw,
 * unrounded. Gives up, as lagrange.h says, while still not below `known`. */
static double full_search(Relax *R, double target, double known, int value_digits, double t0, double seconds,
                          double *grad, double *dir, LagrangeStats *st)
{
    size_t nlam = (size_t)R->ndual * sizeof *R->lam;
    memcpy(R->lam, R->lam0, nlam);
    memset(dir, 0, nlam);
    double t_full = clock_seconds(); /* the probes time these steps alone */
    double span = seconds - (t_full - t0); /* this search's time */
    Schedule sc = schedule_new(START_THETA, PATIENCE);
    double t_phase = t_full; /* when this schedule began */
    double best = HUGE_VAL, start_rounded = HUGE_VAL; /* the first bound, rounded */
    int restarted = 0, steps = 0;
    /* the trend: the least bound of each window of TREND_STEPS steps,
     * the last TREND_WINDOWS + 1 of them with their end times, and how
     * fast the bound fell across them (per second) */
    double win_min = HUGE_VAL, mins[TREND_WINDOWS + 1], ends[TREND_WINDOWS + 1], last_min = HUGE_VAL, fall = 0.0;
    int win_steps = 0, windows = 0;
    while (st->iterations < MAX_ITERATIONS) {
        target = current_target(R, target);
        double L = evaluate(R);
        st->iterations++;
        if (++steps == 1) {
            start_rounded = round_down(L, value_digits);
            if (st->iterations == 1)
                st->first_bound = L;
        }
        best = fmin(best, L);
        win_min = fmin(win_min, L);
        if (++win_steps == TREND_STEPS) {
            int k = windows++ % (TREND_WINDOWS + 1), oldest = windows % (TREND_WINDOWS + 1);
            mins[k] = last_min = win_min;
            ends[k] = clock_seconds();
            /* a single window's fall is noisy (θ decays, zig-zags) */
            fall = windows > TREND_WINDOWS && ends[k] > ends[oldest] && isfinite(mins[oldest])
                       ? (mins[oldest] - mins[k]) / (ends[k] - ends[oldest])
                       : 0.0;
            win_min = HUGE_VAL;
            win_steps = 0;
        }
        schedule_note(&sc, L);
        double now = clock_seconds(), rounded = round_down(best, value_digits);
        double stepping = now - t_full;
        int reached = close_enough(R, rounded, target);
        /* at the time share only after RESTART_AFTER steps: the first
         * schedule takes up to 1 400 to leave the starting bound where it works */
        if (!restarted && isfinite(L) && !solver_interrupted && rounded >= start_rounded && !reached &&
            ((now - t_full >= RESTART_SHARE * span && steps >= RESTART_AFTER) || sc.theta < MIN_THETA) &&
            span - (now - t_full) >= RESTART_MIN_STEPS * stepping / steps) {
            memcpy(R->lam, R->lam0, nlam);
            memset(dir, 0, nlam);
            sc = schedule_new(RESTART_THETA, RESTART_PATIENCE);
            restarted = 1;
            t_phase = now;
            st->restarted_at = now - t0;
            win_min = last_min = HUGE_VAL; /* a trend of the new schedule only */
            win_steps = windows = 0;
            fall = 0.0;
            continue; /* evaluates the starting prices again: a step needs their subgradient */
        }
        if (!isfinite(L) || reached || sc.theta < MIN_THETA || now - t0 >= seconds || solver_interrupted)
            break;
        /* not below the bound already had, and not likely to be: give the
         * time back. Compared rounded: L hovering a rounding error below
         * it is no progress (national 5 000 ran its 30 s so). After a
         * restart, GIVE_UP_SHARE of the time that was left at it. Not
         * while the bound falls fast enough to get below `known` in the
         * time left (national 5 000 in a solve: its first schedule comes
         * down from its overshoot to the trivial bound about 5 s into
         * its steps, and gave up at half its time when the machine was
         * busy or the market phase had taken 2 s). */
        /* projected to a point the rounded bound is below: a bound that
         * creeps along just above `known` (or hovers a rounding error
         * below it) is no trend */
        double goal = known - (value_digits >= 0 ? 0.5 * pow(10.0, -value_digits) : 1e-9 * fmax(1.0, fabs(known)));
        int trending = fall > 0.0 && isfinite(last_min) && now + (last_min - goal) / fall <= t0 + seconds;
        if (isfinite(known) && rounded >= known - 1e-9 * fmax(1.0, fabs(known)) &&
            ((now - t_phase >= GIVE_UP_SHARE * (span - (t_phase - t_full)) && !trending) ||
             (steps == PROBE_STEPS && PROBE_STEPS * span < MIN_STEPS * stepping) ||
             (steps == RECHECK_STEPS && RECHECK_STEPS * span < RECHECK_MIN_STEPS * stepping)))
            break;
        if (!step(R, L, fmin(target, best - 1e-6 * fmax(1.0, fabs(best))), sc.theta, grad, dir))
            break;
    }
    return best;
}

double lagrange_bound(const Mip *mip, double target, double known, int value_digits, double seconds,
                      LagrangeStats *st)
{
    return lagrange_bound_live(mip, target, NULL, 0.0, 0.0, known, value_digits, seconds, st);
}

double lagrange_bound_live(const Mip *mip, double target, const _Atomic double *live, double live_offset,
                           double gap, double known, int value_digits, double seconds, LagrangeStats *st)
{
    LagrangeStats local;
    if (!st)
        st = &local;
    memset(st, 0, sizeof *st);
    if (isfinite(known) && seconds < MARKET_MIN_STEPS * FAST_STEP_NS * 1e-9 * (double)mip->nnz)
        return HUGE_VAL;
    double t0 = clock_seconds();
    Relax R;
    memset(&R, 0, sizeof R);
    R.mip = mip;
    R.live = live;
    R.live_offset = live_offset;
    R.gap = gap > 0.0 ? gap : 0.0;
    double best = HUGE_VAL, *grad = NULL, *dir = NULL;
    if (build_rows(&R) || classify(&R) || build_demands(&R))
        goto done;
    size_t nlam = (size_t)R.ndual;
    R.lam = alloc(nlam, sizeof *R.lam);
    R.lam0 = alloc(nlam, sizeof *R.lam0);
    grad = alloc(nlam, sizeof *grad);
    dir = alloc(nlam, sizeof *dir);
    if (!R.lam || !R.lam0 || !grad || !dir || build_layout(&R))
        goto done;
    int market = build_market(&R);
    if (market < 0)
        goto done;
    if (market) {
        best = market_search(&R, target, t0, seconds, value_digits, grad, dir, R.lam0, st);
        st->market_seconds = clock_seconds() - t0;
        st->market_bound = round_down(best, value_digits);
        target = current_target(&R, target);
        if (!isfinite(best) || close_enough(&R, st->market_bound, target) || solver_interrupted)
            goto rounded;
        /* the market phase's bound counts as one already had only when
         * the caller had one: without (HUGE_VAL: the bound alongside the
         * search, solver/bound_alongside.c) the search keeps its whole
         * time, which nothing else wants (review of the fourteenth
         * session: else it gave up after its probe steps, at the trivial
         * bound, on national 5 000 at 10 s) */
        if (isfinite(known))
            known = fmin(known, st->market_bound);
    } else {
        start_prices(&R);
        memcpy(R.lam0, R.lam, nlam * sizeof *R.lam0);
    }
    if (!market || clock_seconds() - t0 < seconds) /* the market phase may have taken all of it */
        best = fmin(best, full_search(&R, target, known, value_digits, t0, seconds, grad, dir, st));
rounded:
    best = round_down(best, value_digits);
done:
    st->seconds = clock_seconds() - t0;
    free(grad);
    free(dir);
    relax_free(&R);
    return best;
}
