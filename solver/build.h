/*
 * build.h — turns a scenario into the integer program of docs/model.md.
 *
 * The Model keeps, next to the Mip, what every column means (class,
 * cohort, placement demand, slot class) so that solver/extract.c can turn
 * a solution back into a per-participant plan.
 */
#ifndef SAMPLAN_BUILD_H
#define SAMPLAN_BUILD_H

#include "../model/classes.h"
#include "../model/cohorts.h"
#include "../model/scenario.h"
#include "../model/travel.h" /* course_travel_cost, placement_travel_cost, decide_travel */
#include "mip.h"

/* A placement demand: the participants of one origin who start track t in
 * week s (whatever their host) need one slot per placement module. */
typedef struct Demand {
    int origin, track, start;
    int first_place_col, nplace_cols; /* PLACE columns, contiguous */
} Demand;

/* An admissible (class, cohort) pair = one X column. */
typedef struct Pair {
    int pclass;
    int cohort;   /* index into Model.cohorts */
    int travel;   /* TravelMode of model/plan.h */
    int demand;   /* index into Model.demands, −1 without placements */
    int col;      /* X column */
} Pair;

typedef struct Model {
    const Scenario *s;
    Classes classes;
    Cohort *cohorts; long ncohorts;
    int *groups_col;   /* [ncohorts] GROUPS column or −1 */
    int *size_col;     /* [ncohorts] SIZE column or −1 */
    Pair *pairs; int npairs;
    Demand *demands; int ndemands;
    Mip mip;
    int value_digits;  /* all value coefficients are multiples of 10^−value_digits; −1 if none */
    int ncourse_rows, nslot_rows; /* statistics */
} Model;

/* Builds the program. aggregate = 1 merges interchangeable participants
 * and slots (the program samplan solves); 0 gives the plain program, one
 * variable per participant and option. Returns 0, or −1 on out-of-memory
 * (the model is released). */
int model_build(const Scenario *s, int aggregate, Model *out);

/* model_build that gives up once the monotonic clock (clock_seconds)
 * passes `deadline` (or on Ctrl-C, solver_interrupted), checked between
 * its phases and every few hundred participant classes: returns 1 then
 * (the model is released). National
 * 50 000 takes about 4 s to build, more than a short time limit allows
 * (solver/solve.c then writes the greedy plan). */
int model_build_until(const Scenario *s, int aggregate, double deadline, Model *out);

/* Appends the level-2 row "value ≥ target − tol" over the columns' value
 * coefficients (exact integer form when they are multiples of
 * 10^−value_digits, see docs/model.md; −1 for the real form). Works on the
 * whole program or on one block of it. Returns 0 or −1. */
int program_add_value_floor(Mip *mip, int value_digits, double target, double tol);

/* Moves the floor program_add_value_floor added to "value ≥ target − tol"
 * (a level 1 run again found more value: solver/level1_again.h).
 * Returns 0, or −1 when mip has no floor. */
int program_move_value_floor(Mip *mip, int value_digits, double target, double tol);

/* course_travel_cost, placement_travel_cost and decide_travel are in
 * model/travel.h (reasons.c prices an option with them too). */

void model_release(Model *m);

#endif
