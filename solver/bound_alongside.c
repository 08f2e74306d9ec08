/*
 * bound_alongside.c — the value bound in a second process while the
 * greedy search runs (see bound_alongside.h).
 *
 * The child gets the program copy-on-write (solver/workers.h) and sends
 * back one double per block, then the seconds it ran.
 */
#include "bound_alongside.h"

#include "glpk_run.h" /* clock_seconds */
#include "lagrange.h"
#include "lns.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

int bound_alongside_wanted(const Model *m, const Blocks *blocks, int i)
{
    return lns_wanted(blocks_program(blocks, &m->mip, i));
}

/* The start's value on block i (0 without a start); NULL scratch: out of
 * memory, 0 as well, which only makes the steps longer. */
static double start_value(const BoundAlongside *b, int i)
{
    const Mip *mip = blocks_program(b->blocks, &b->m->mip, i);
    const int *col = b->blocks->block[i].col;
    if (!b->start)
        return 0.0;
    if (!col)
        return mip_objective(mip, b->start, LEVEL_VALUE);
    double *x = malloc((size_t)(mip->ncols ? mip->ncols : 1) * sizeof *x);
    if (!x)
        return 0.0;
    for (int l = 0; l < mip->ncols; l++)
        x[l] = b->start[col[l]];
    double v = mip_objective(mip, x, LEVEL_VALUE);
    free(x);
    return v;
}

/* In the child: each wanted block's bound in turn, with the time left
 * shared by the size of the blocks still to do. No `known` bound is
 * passed: the search has its whole time whether or not it gets below the
 * trivial bound, since nothing else wants this process. */
static void *bound_work(void *ctx, int item, int seq, size_t *len)
{
    (void)item;
    (void)seq;
    BoundAlongside *b = ctx;
    int n = b->blocks->n;
    double t0 = clock_seconds(), end = t0 + b->seconds, weight_left = 0.0;
    double *out = malloc(((size_t)n + 1) * sizeof *out);
    if (!out)
        return NULL;
    int wanted = 0;
    for (int i = 0; i < n; i++) {
        const Mip *mip = blocks_program(b->blocks, &b->m->mip, i);
        if (bound_alongside_wanted(b->m, b->blocks, i)) {
            weight_left += mip_weight(mip);
            wanted++;
        }
    }
    /* the search's value is the whole plan's: it tells one block's only
     * when the others keep their start's value, as they do when one
     * block is large (national cooperation: one block in all) */
    LiveShare *live = wanted == 1 && b->start ? b->live : NULL;
    double whole = live ? mip_objective(&b->m->mip, b->start, LEVEL_VALUE) : 0.0;
    for (int i = 0; i < n; i++) {
        out[i] = HUGE_VAL;
        if (!bound_alongside_wanted(b->m, b->blocks, i))
            continue;
        const Mip *mip = blocks_program(b->blocks, &b->m->mip, i);
        double w = mip_weight(mip);
        double seconds = fmax(0.0, (end - clock_seconds()) * w / weight_left);
        weight_left -= w;
        if (seconds > 0.0 && !solver_interrupted) {
            double v = start_value(b, i);
            out[i] = lagrange_bound_live(mip, v, live ? &live->value : NULL, whole - v, b->gap, HUGE_VAL,
                                         b->m->value_digits, seconds, NULL);
            /* the searched plan has reached this bound (its value is
             * proven) or is within the gap of it: the search may stop
             * (the bound is kept, being done). Only when
             * the block is the whole program: else the live value holds
             * the search's gains in other blocks too */
            double value = live ? live->value - (whole - v) : -HUGE_VAL;
            if (live && n == 1 && mip_value_done(out[i], value, b->gap))
                live->enough = 1;
        }
    }
    out[n] = clock_seconds() - t0;
    *len = ((size_t)n + 1) * sizeof *out;
    if (b->live)
        b->live->bound_done = 1; /* the search may now stop when it stalls */
    return out;
}

/* What both ways of computing the bound are given (no shared page yet). */
static void setup(BoundAlongside *b, const Model *m, const Blocks *blocks, const double *start, double seconds,
                  double gap)
{
    memset(b, 0, sizeof *b);
    b->m = m;
    b->blocks = blocks;
    b->start = start;
    b->seconds = seconds;
    b->gap = gap > 0.0 ? gap : 0.0;
}

/* bound_work's result (NULL: none) into bounds[n], freed; returns the
 * seconds it ran, 0 when there is none or it has the wrong size. */
static double unpack(double *res, size_t len, int n, double *bounds)
{
    double seconds = 0.0;
    int whole = res && len == ((size_t)n + 1) * sizeof *res;
    for (int i = 0; i < n; i++)
        bounds[i] = whole ? res[i] : HUGE_VAL;
    if (whole)
        seconds = res[n];
    free(res);
    return seconds;
}

double bound_alongside_here(const Model *m, const Blocks *blocks, const double *start, double seconds, double gap,
                            double *bounds)
{
    BoundAlongside b;
    setup(&b, m, blocks, start, seconds, gap);
    size_t len = 0;
    double *res = bound_work(&b, 0, 0, &len);
    return unpack(res, len, blocks->n, bounds);
}

static void release_live(BoundAlongside *b)
{
    if (b->live)
        munmap((void *)b->live, sizeof *b->live);
    b->live = NULL;
}

int bound_alongside_start(BoundAlongside *b, const Model *m, const Blocks *blocks, const double *start,
                          double seconds, double gap)
{
    setup(b, m, blocks, start, seconds, gap);
    int wanted = 0;
    for (int i = 0; i < blocks->n && !wanted; i++)
        wanted = bound_alongside_wanted(m, blocks, i);
    if (!wanted)
        return -1; /* no block to bound (a county program: GLPK bounds it) */
    void *page = mmap(NULL, sizeof *b->live, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    /* atomics that take a lock would not be atomic between two
     * processes: then the bound aims at the start's value, unshared */
    if (page != MAP_FAILED &&
        (!atomic_is_lock_free(&((LiveShare *)page)->value) || !atomic_is_lock_free(&((LiveShare *)page)->enough))) {
        munmap(page, sizeof *b->live);
        page = MAP_FAILED;
    }
    if (page != MAP_FAILED) {
        b->live = page;
        b->live->value = start ? mip_objective(&m->mip, start, LEVEL_VALUE) : 0.0;
        b->live->enough = 0;
        b->live->bound = HUGE_VAL;
        b->live->progress_from = -1.0; /* the caller turns the lines on */
        b->live->gap = 0.0;
        b->live->bound_done = 0; /* set by bound_work when it ends */
    }
    if (workers_background_start(&b->bg, bound_work, b, 0) == 0)
        return 0;
    release_live(b);
    return -1;
}

double bound_alongside_finish(BoundAlongside *b, double deadline, double *bounds)
{
    size_t len = 0;
    double *res = workers_background_finish(&b->bg, deadline, &solver_interrupted, &len);
    release_live(b);
    return unpack(res, len, b->blocks->n, bounds);
}
