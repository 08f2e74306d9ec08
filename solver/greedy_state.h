/*
 * greedy_state.h — the greedy plan builder's working state, shared by
 * solver/greedy.c (building a plan) and solver/greedy_search.c (improving
 * it by ruin and recreate). Not a public interface: the rest of the
 * solver uses greedy.h.
 *
 * The state is a plan under construction with its capacity use: cohort
 * sizes and member lists, seats and groups per centre and week, slot
 * occupancy per week, the running cost and value. Joining (try_join) and
 * leaving (leave) keep all of them consistent; repair makes every cohort's
 * size splittable into groups again.
 */
#ifndef SAMPLAN_GREEDY_STATE_H
#define SAMPLAN_GREEDY_STATE_H

#include "greedy.h"

#define GREEDY_ROUNDS 12 /* repair/retry rounds before the final repair */

typedef struct Option {
    int cohort;
    int track, host, start;
    int travel;     /* TravelMode */
    double ccost;   /* course travel cost */
    int rank;
    int pool;       /* best value: 0 cohort below min_group (needs members), else 1; join-open: empty 2 */
    double near;    /* course travel cost (best value) or minutes (gross list) */
} Option;

typedef struct Greedy {
    const Scenario *s;
    GreedyOrder order;
    int join_open;       /* GREEDY_FEWEST_JOIN_OPEN: empty cohorts last */
    size_t W1;           /* weeks + 1: stride of the per-week arrays */
    double limit;        /* max_cost, or HUGE_VAL without a budget */
    double deadline;     /* clock_seconds() past which greedy_fill stops
                            placing and gathering (0: never) */
    int stopped;         /* greedy_fill stopped so: the rest unassigned */

    /* cohorts: id = track_base[t] + host position × nstarts + start index */
    int ncoh;
    int *track_base;     /* [ntracks] */
    int *track_nstarts;  /* [ntracks] */
    int *track_hfirst;   /* [ntracks + 1] into hosts */
    int *hosts;          /* host municipalities per track, −1 for host-less */
    int *hostpos;        /* [ntracks × nmunicipalities] position in the track's host list */
    int *nplace;         /* [ntracks] placement modules */
    int maxplace;
    int *coh_n;          /* [ncoh] members */
    int *coh_last;       /* [ncoh] last-joined member or −1 */
    unsigned char *coh_closed;

    /* participants */
    int *p_cohort;       /* [np] cohort id or −1 */
    int *p_prev, *p_next;/* [np] doubly linked member lists in join order */
    int *p_travel;       /* [np] TravelMode */
    int *p_slots;        /* [np × maxplace] */
    double *p_cost;      /* [np] travel cost */
    int *p_nreach;       /* [np] reachable prefix of the home's slot list */

    /* reachable slots per home, sorted by minutes */
    int *home_first;     /* [nmun + 1] into home_slots */
    int *home_slots;
    double *home_min;    /* minutes, parallel to home_slots */

    /* capacity use */
    int *seat_used, *grp_used; /* [ncentres × W1] */
    int *slot_used;            /* [nslots × W1] */
    double cost;               /* running total cost (hosting + travel) */
    double value;              /* running total value of the members */

    /* undo journal (greedy_search.c): when `journal` is set, a participant
     * is noted with its assignment before its first change */
    int journal;
    int jn;                    /* participants noted */
    int *j_p;                  /* [np] who */
    int *j_cohort, *j_travel;  /* [np] their cohort (−1 out) and travel before */
    double *j_cost;            /* [np] their p_cost before */
    int *j_slots;              /* [np × maxplace] their slots before */
    unsigned char *j_seen;     /* [np] noted since the journal was last cleared */

    /* option cache (greedy_search.c sets it up; NULL: options are
     * collected afresh each time): per participant its options, closed
     * cohorts included, sorted by all but the pool; built on first use */
    Option **ocache;           /* [np], NULL entries not built yet */
    int *ocache_n;             /* [np] */

    Option *opts;
    int cap_opts;
    int *later;                /* greedy_try_join with the cache: options of pools 1 and 2, by index */
    int cap_later;
    int *tmp_slots;            /* [maxplace] */
} Greedy;

/* Sets up an empty plan for `order`. Returns 0, or −1 on out-of-memory
 * (greedy_state_release frees what was allocated either way). */
int greedy_state_init(Greedy *g, const Scenario *s, GreedyOrder order);
void greedy_state_release(Greedy *g);

/* The participants in the order `order` takes them: porder[np]. */
int greedy_participant_order(Greedy *g, GreedyOrder order, int *porder);

/* Phases 1 to 2b (join, repair, gather) for the participants porder[0..n)
 * still out: the plan after it is valid except for the budget and value-0
 * members, which greedy_trim handles. Returns 0, or −1 on out-of-memory. */
int greedy_fill(Greedy *g, const int *porder, int n);

int greedy_groups_for(const Track *tr, int n);
int greedy_splittable(const Track *tr, int n);
int greedy_coh_track(const Greedy *g, int c);
void greedy_coh_decode(const Greedy *g, int c, int *track, int *host, int *start);
int greedy_try_join(Greedy *g, int p);
void greedy_leave(Greedy *g, int p);
long greedy_repair(Greedy *g);
int greedy_gather(Greedy *g, const int *porder, int n);
int greedy_trim(Greedy *g, const int *order);
int greedy_to_plan(const Greedy *g, Plan **out);

/* Puts p back into cohort c with the given travel, cost and slots, with
 * no checks: undoing a change the journal noted. */
void greedy_rejoin(Greedy *g, int p, int c, int travel, double pcost, const int *slots);

#endif
