/*
 * hood.h — cohort neighbourhoods for region search (solver/lns.c).
 *
 * A municipality region frees only what lies wholly inside a few
 * neighbouring municipalities, so it cannot close a course in one place
 * and send its participants to a course far away, or open a new one that
 * draws participants from everywhere: exactly the moves a facility-
 * location program (which hosts run which courses) needs, and the ones
 * the OR-Library capa/capb/capc instances turn on. A cohort neighbourhood
 * frees the group counts of a few cohorts close to a seed cohort and the
 * assignments of the participants nearest to it to those cohorts and to
 * every cohort the plan already runs, with their placements — so GLPK can
 * close, open and swap courses and re-route everyone affected.
 */
#ifndef SAMPLAN_HOOD_H
#define SAMPLAN_HOOD_H

#include "build.h"

typedef struct Hoods {
    const Model *m;
    const Mip *mip;
    int *row_start, *row_cols;   /* rows → columns (CSR) */
    int *col_start, *col_rows;   /* columns → rows (CSR) */
    int *class_start, *class_x;  /* participant class → its X columns (CSR) */
    int *group_col, *size_col;   /* [ncohorts] GROUPS / SIZE column here, or −1 */
    int *seeds;                  /* cohorts with a GROUPS column here */
    int nseeds;
    int realloc_from;            /* the class the next reallocation starts at */
    int last_whole;              /* the last choice was not a reallocation, or held every class */
    /* scratch */
    double *host_km;             /* [municipalities] distance from the seed's host */
    int *order;                  /* [max(ncohorts, nclasses)] */
    double *key;                 /* [max(ncohorts, nclasses)] */
    unsigned char *active;       /* [ncohorts] cohorts whose assignments may change */
    unsigned char *in_s;         /* [ncohorts] cohorts whose group count may change */
} Hoods;

/* Builds the look-ups for mip (m's program or one of its blocks, columns
 * keeping their meaning). Returns 0, or −1 on out-of-memory (h is then
 * released). */
int hoods_init(Hoods *h, const Model *m, const Mip *mip);
void hoods_release(Hoods *h);

/* h->order[0..nseeds): the cohorts with a group count, the seed first,
 * then nearest it (host distance, then same track, then start week). */
void hood_order_near(Hoods *h, int seed);

/* Sets keep[] to the neighbourhood of seed cohort `seed` (an entry of
 * h->seeds, or −1 for reallocation: no group count free) under plan x,
 * about `target` free columns; returns how many were freed. */
long hood_choose(Hoods *h, const double *x, int seed, double target, unsigned char *keep);

/* A wide neighbourhood (a "swap"): the group counts of S, the seed
 * cohort, the nearest cohort running where the seed does not or the
 * other way round, and the next nearest up to `ns`; and every class's
 * assignments to the cohorts of S and to cohorts the plan runs, with
 * their sizes and placements. One run can so close a course, open
 * another far away and re-route everyone the change reaches — on
 * OR-Library capb a chain through many customers, which a neighbourhood
 * of the customers nearest the seed cuts off. Returns the columns freed,
 * or 0 when that would be more than `cap` (keep[] is then partial). */
long hood_choose_wide(Hoods *h, const double *x, int seed, int ns, long cap, unsigned char *keep);

/* The assignment columns to cohorts plan x runs: what a wide
 * neighbourhood frees besides those to S. */
long hood_wide_base(const Hoods *h, const double *x);

/* Marks in rows[] every row holding a column with keep[] set, except the
 * level-2 value floor and a budget row (which every region shares and
 * the merge checks exactly). */
void hood_rows_of(const Hoods *h, const unsigned char *keep, unsigned char *rows);

/* Clears keep[] on every column in a row marked in rows[] (as
 * hood_rows_of marks them), so that two regions solved side by side share
 * no row; returns the free columns left. */
long hood_keep_apart(const Hoods *h, const unsigned char *rows, unsigned char *keep);

#endif
