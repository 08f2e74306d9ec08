/*
 * hood.c — cohort neighbourhoods for region search (hood.h).
 *
 * Which columns a neighbourhood frees, around a seed cohort c0 at host h0:
 *   - the group counts of S, the cohorts nearest c0 (host distance, then
 *     same track, then start week) — the courses that may open or close;
 *   - for the participant classes the plan puts in S, then those living
 *     nearest a host of S (while the target allows), their assignments to
 *     every cohort in S, every cohort the plan runs, and every host-less
 *     cohort — so any cohort of S can close, and whoever a change
 *     displaces has somewhere to go;
 *   - the sizes of those cohorts, and the placements of every placement
 *     demand a freed assignment belongs to (a participant who changes
 *     start week needs other slots).
 * Everything else stays fixed at the plan (mip_restrict), so a better
 * solution of the restriction is a better plan. The reallocation
 * neighbourhood (seed −1) has S empty and takes classes in file order,
 * each one going on from where the last stopped:
 * with every course fixed open or closed, what is left is who goes where
 * — on capa a transport problem, which one run solves exactly once the
 * target holds every class.
 */
#include "hood.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Cohorts in S per free column of the target: 4 000 columns give 8
 * cohorts, within [HOOD_MIN_COHORTS, HOOD_MAX_COHORTS]. */
#define HOOD_COLUMNS_PER_COHORT 500.0
#define HOOD_MIN_COHORTS 2
#define HOOD_MAX_COHORTS 40
/* Ordering penalties (in km) for another track and per week of start. */
#define HOOD_OTHER_TRACK_KM 100.0
#define HOOD_START_WEEK_KM 1.0

void hoods_release(Hoods *h)
{
    free(h->row_start);
    free(h->row_cols);
    free(h->col_start);
    free(h->col_rows);
    free(h->class_start);
    free(h->class_x);
    free(h->group_col);
    free(h->size_col);
    free(h->seeds);
    free(h->host_km);
    free(h->order);
    free(h->key);
    free(h->active);
    free(h->in_s);
    memset(h, 0, sizeof *h);
}

/* Compressed index from n keys to the items listed by key_of (count
 * first, then positions). */
static int index_by(int n, size_t items, const int *key_of, const int *item_of, int **start, int **list)
{
    *start = calloc((size_t)n + 1, sizeof **start);
    *list = malloc((items ? items : 1) * sizeof **list);
    if (!*start || !*list)
        return -1;
    for (size_t e = 0; e < items; e++)
        if (key_of[e] >= 0)
            (*start)[key_of[e] + 1]++;
    for (int i = 0; i < n; i++)
        (*start)[i + 1] += (*start)[i];
    int *fill = malloc(((size_t)n + 1) * sizeof *fill);
    if (!fill)
        return -1;
    memcpy(fill, *start, ((size_t)n + 1) * sizeof *fill);
    for (size_t e = 0; e < items; e++)
        if (key_of[e] >= 0)
            (*list)[fill[key_of[e]]++] = item_of ? item_of[e] : (int)e;
    free(fill);
    return 0;
}

int hoods_init(Hoods *h, const Model *m, const Mip *mip)
{
    memset(h, 0, sizeof *h);
    h->m = m;
    h->mip = mip;
    int nc = mip->ncols, ncoh = (int)m->ncohorts, ncl = m->classes.npclasses;
    int nm = m->s->nmunicipalities;
    int most = ncoh > ncl ? ncoh : ncl;
    int *class_of_x = malloc((size_t)(nc ? nc : 1) * sizeof *class_of_x);
    h->group_col = malloc((size_t)(ncoh ? ncoh : 1) * sizeof *h->group_col);
    h->size_col = malloc((size_t)(ncoh ? ncoh : 1) * sizeof *h->size_col);
    h->seeds = malloc((size_t)(ncoh ? ncoh : 1) * sizeof *h->seeds);
    h->host_km = malloc((size_t)(nm ? nm : 1) * sizeof *h->host_km);
    h->order = malloc((size_t)(most ? most : 1) * sizeof *h->order);
    h->key = malloc((size_t)(most ? most : 1) * sizeof *h->key);
    h->active = malloc((size_t)(ncoh ? ncoh : 1));
    h->in_s = malloc((size_t)(ncoh ? ncoh : 1));
    int fail = !class_of_x || !h->group_col || !h->size_col || !h->seeds || !h->host_km || !h->order ||
               !h->key || !h->active || !h->in_s;
    fail = fail || index_by(mip->nrows, mip->nnz, mip->ia, mip->ja, &h->row_start, &h->row_cols) ||
           index_by(nc, mip->nnz, mip->ja, mip->ia, &h->col_start, &h->col_rows);
    if (!fail) {
        for (int c = 0; c < ncoh; c++)
            h->group_col[c] = h->size_col[c] = -1;
        for (int j = 0; j < nc; j++) {
            const MipCol *col = &mip->cols[j];
            class_of_x[j] = col->kind == COL_X ? col->a : -1;
            if (col->kind == COL_GROUPS)
                h->group_col[col->a] = j;
            else if (col->kind == COL_SIZE)
                h->size_col[col->a] = j;
        }
        for (int c = 0; c < ncoh; c++)
            if (h->group_col[c] >= 0)
                h->seeds[h->nseeds++] = c;
        fail = index_by(ncl, (size_t)nc, class_of_x, NULL, &h->class_start, &h->class_x);
    }
    free(class_of_x);
    if (fail) {
        hoods_release(h);
        return -1;
    }
    return 0;
}

/* Distances from host h0 to every municipality: km where the scenario
 * has it, else the shortest two-step route through a municipality with
 * both distances (an OR-Library instance knows only customer–warehouse
 * distances), else HUGE_VAL. */
static void distances_from(Hoods *h, int h0)
{
    const Scenario *s = h->m->s;
    int nm = s->nmunicipalities;
    for (int v = 0; v < nm; v++) {
        double km = scenario_km(s, h0, v);
        h->host_km[v] = v == h0 ? 0.0 : km >= 0.0 ? km : HUGE_VAL;
    }
    for (int v = 0; v < nm; v++) {
        if (h->host_km[v] < HUGE_VAL)
            continue;
        for (int via = 0; via < nm; via++) {
            double a = scenario_km(s, h0, via), b = scenario_km(s, via, v);
            if (via != h0 && via != v && a >= 0.0 && b >= 0.0 && a + b < h->host_km[v])
                h->host_km[v] = a + b;
        }
    }
}

static const double *sort_key; /* qsort has no context argument */

static int cmp_by_key(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    if (sort_key[x] != sort_key[y])
        return sort_key[x] < sort_key[y] ? -1 : 1;
    return x - y;
}

void hood_order_near(Hoods *h, int seed)
{
    const Model *m = h->m;
    const Cohort *c0 = &m->cohorts[seed];
    distances_from(h, c0->host);
    for (int i = 0; i < h->nseeds; i++) {
        const Cohort *c = &m->cohorts[h->seeds[i]];
        h->order[i] = h->seeds[i];
        h->key[h->seeds[i]] = h->seeds[i] == seed
                                  ? -1.0
                                  : h->host_km[c->host] + (c->track != c0->track ? HOOD_OTHER_TRACK_KM : 0.0) +
                                        HOOD_START_WEEK_KM * fabs((double)(c->start - c0->start));
    }
    sort_key = h->key;
    qsort(h->order, (size_t)h->nseeds, sizeof *h->order, cmp_by_key);
}

/* Frees the placements of every demand row holding column j. */
static void keep_placements_of(const Hoods *h, int j, unsigned char *keep)
{
    const Mip *mip = h->mip;
    for (int e = h->col_start[j]; e < h->col_start[j + 1]; e++) {
        int row = h->col_rows[e];
        if (mip->rows[row].tag != 'd')
            continue;
        for (int f = h->row_start[row]; f < h->row_start[row + 1]; f++)
            if (mip->cols[h->row_cols[f]].kind == COL_PLACE)
                keep[h->row_cols[f]] = 1;
    }
}

/* Frees assignment column j (to cohort c), its cohort's size and the
 * placements its demand rows hold: whoever moves needs other slots. */
static void free_assignment(const Hoods *h, int j, int c, unsigned char *keep)
{
    keep[j] = 1;
    if (h->size_col[c] >= 0)
        keep[h->size_col[c]] = 1;
    keep_placements_of(h, j, keep);
}

/* Whether cohort c runs in plan x (a host-less one always may). */
static int runs(const Hoods *h, const double *x, int c)
{
    return h->group_col[c] < 0 || x[h->group_col[c]] > 0.5;
}

long hood_choose(Hoods *h, const double *x, int seed, double target, unsigned char *keep)
{
    const Model *m = h->m;
    const Mip *mip = h->mip;
    int ncoh = (int)m->ncohorts, ns = 0;
    memset(keep, 0, (size_t)mip->ncols);
    if (seed < 0) {
        /* reallocation: no group count free, classes in file order */
        for (int v = 0; v < m->s->nmunicipalities; v++)
            h->host_km[v] = 0.0;
    } else {
        /* S: the cohorts with a group count nearest the seed */
        hood_order_near(h, seed);
        ns = (int)(target / HOOD_COLUMNS_PER_COHORT);
        ns = ns < HOOD_MIN_COHORTS ? HOOD_MIN_COHORTS : ns > HOOD_MAX_COHORTS ? HOOD_MAX_COHORTS : ns;
        if (ns > h->nseeds || target >= (double)mip->ncols)
            ns = h->nseeds; /* a target beyond the program frees all of it */
    }
    for (int c = 0; c < ncoh; c++)
        h->active[c] = runs(h, x, c);
    for (int i = 0; i < ns; i++) {
        h->active[h->order[i]] = 1;
        keep[h->group_col[h->order[i]]] = 1;
    }

    /* the participant classes the plan puts in S (so that any cohort of S
     * can close), then those living nearest a host of S, while the target
     * allows */
    for (int c = 0; c < ncoh; c++)
        h->in_s[c] = 0;
    for (int i = 0; i < ns; i++)
        h->in_s[h->order[i]] = 1;
    int ncl = m->classes.npclasses, n = 0;
    for (int k = 0; k < ncl; k++) {
        if (h->class_start[k] == h->class_start[k + 1])
            continue;
        int home = m->classes.origins[m->classes.pclasses[k].origin].home;
        double key = h->host_km[home];
        for (int e = h->class_start[k]; e < h->class_start[k + 1] && key >= 0.0; e++) {
            int j = h->class_x[e];
            const Cohort *c = &m->cohorts[mip->cols[j].b];
            if (!h->in_s[mip->cols[j].b])
                continue;
            if (x[j] > 0.5)
                key = -1.0;
            else if (scenario_km(m->s, home, c->host) >= 0.0 && scenario_km(m->s, home, c->host) < key)
                key = scenario_km(m->s, home, c->host);
        }
        /* reallocation: file order, from where the last one stopped */
        h->key[k] = seed < 0 ? (double)((k - h->realloc_from + ncl) % ncl) : key;
        h->order[n++] = k;
    }
    sort_key = h->key;
    qsort(h->order, (size_t)n, sizeof *h->order, cmp_by_key);
    long freed = ns;
    int taken = 0;
    for (int i = 0; i < n; i++, taken++) {
        int k = h->order[i];
        long cols = 0;
        for (int e = h->class_start[k]; e < h->class_start[k + 1]; e++)
            cols += h->active[mip->cols[h->class_x[e]].b];
        if (freed > ns && (double)(freed + cols) > target)
            break;
        for (int e = h->class_start[k]; e < h->class_start[k + 1]; e++) {
            int j = h->class_x[e], c = mip->cols[j].b;
            if (!h->active[c])
                continue;
            free_assignment(h, j, c, keep);
        }
        freed += cols;
        if (seed < 0)
            h->realloc_from = (k + 1) % ncl;
    }
    h->last_whole = seed >= 0 || taken == n;
    long kept = 0;
    for (int j = 0; j < mip->ncols; j++)
        kept += keep[j];
    return kept;
}

static int shared_row(char tag)
{
    return tag == 'v' || tag == 'b';
}

void hood_rows_of(const Hoods *h, const unsigned char *keep, unsigned char *rows)
{
    const Mip *mip = h->mip;
    memset(rows, 0, (size_t)(mip->nrows > 0 ? mip->nrows : 0));
    for (int j = 0; j < mip->ncols; j++)
        if (keep[j])
            for (int e = h->col_start[j]; e < h->col_start[j + 1]; e++)
                if (!shared_row(mip->rows[h->col_rows[e]].tag))
                    rows[h->col_rows[e]] = 1;
}

long hood_keep_apart(const Hoods *h, const unsigned char *rows, unsigned char *keep)
{
    long kept = 0;
    for (int j = 0; j < h->mip->ncols; j++) {
        if (!keep[j])
            continue;
        for (int e = h->col_start[j]; e < h->col_start[j + 1] && keep[j]; e++)
            if (rows[h->col_rows[e]])
                keep[j] = 0;
        kept += keep[j];
    }
    return kept;
}

long hood_wide_base(const Hoods *h, const double *x)
{
    const Mip *mip = h->mip;
    long n = 0;
    for (int j = 0; j < mip->ncols; j++)
        n += mip->cols[j].kind == COL_X && runs(h, x, mip->cols[j].b);
    return n;
}

long hood_choose_wide(Hoods *h, const double *x, int seed, int ns, long cap, unsigned char *keep)
{
    const Model *m = h->m;
    const Mip *mip = h->mip;
    int ncoh = (int)m->ncohorts;
    memset(keep, 0, (size_t)mip->ncols);
    hood_order_near(h, seed);
    for (int c = 0; c < ncoh; c++)
        h->active[c] = runs(h, x, c);
    memset(h->in_s, 0, (size_t)ncoh);
    /* S: the seed, the nearest cohort running where the seed does not (or
     * the other way round) — so that one run can swap the two — then the
     * nearest others */
    ns = ns < 1 ? 1 : ns > h->nseeds ? h->nseeds : ns;
    int seed_runs = runs(h, x, seed), taken = 1;
    h->in_s[seed] = 1;
    for (int i = 1; i < h->nseeds && taken < ns; i++)
        if (runs(h, x, h->order[i]) != seed_runs) {
            h->in_s[h->order[i]] = 1;
            taken++;
            break;
        }
    for (int i = 1; i < h->nseeds && taken < ns; i++)
        if (!h->in_s[h->order[i]]) {
            h->in_s[h->order[i]] = 1;
            taken++;
        }
    for (int i = 0; i < h->nseeds; i++) {
        int c = h->order[i];
        if (h->in_s[c]) {
            h->active[c] = 1;
            keep[h->group_col[c]] = 1;
        }
    }
    /* every class's assignments to the cohorts that run or are in S */
    long xs = 0;
    for (int k = 0; k < m->classes.npclasses; k++) {
        for (int e = h->class_start[k]; e < h->class_start[k + 1]; e++) {
            int j = h->class_x[e], c = mip->cols[j].b;
            if (!h->active[c])
                continue;
            if (++xs > cap)
                return 0;
            free_assignment(h, j, c, keep);
        }
    }
    long kept = 0;
    for (int j = 0; j < mip->ncols; j++)
        kept += keep[j];
    return kept > cap ? 0 : kept;
}
