/*
 * classes.h — interchangeable participants and slots, merged so the integer
 * program grows with the number of distinct kinds, not with head counts.
 *
 * Participant class: same home, track list (in order), start window,
 * max_minutes, can_relocate and base value (priority × group weight). Any
 * two members can swap places in any plan without changing admissibility,
 * value or cost, so one integer count per (class, cohort) is exact.
 *
 * Origin: (home, max_minutes). Which placement slots a participant may use
 * and what they cost depend only on this pair (SPEC §2), so placement
 * variables are per origin, shared by every class and host.
 *
 * Slot class: slots in the same municipality, accepting the same tracks,
 * with the same window and a constant room over it (no reservations cut
 * into it). Pooled capacity is exact: intervals with at most Σcapacity
 * overlapping in any week can be split over unit places (interval graphs
 * are perfect), see solver/extract.c. Slots whose room varies stay alone.
 * Slots with no room in any week are dropped.
 */
#ifndef SAMPLAN_CLASSES_H
#define SAMPLAN_CLASSES_H

#include "scenario.h"

typedef struct ParticipantClass {
    int *members;  /* owned; participant indices, input order */
    int count;
    int origin;    /* index into Classes.origins */
    double base_value; /* priority × group weight of every member */
} ParticipantClass;

typedef struct Origin {
    int home;          /* municipality index */
    double max_minutes;
} Origin;

typedef struct SlotClass {
    int *members;      /* owned; slot indices */
    int count;
    int municipality;
    int from_week, to_week;
    int *room;         /* owned; [weeks + 1] Σ room of members per week */
    int representative; /* a member, for the accepted-track set */
} SlotClass;

typedef struct Classes {
    ParticipantClass *pclasses; int npclasses;
    Origin *origins;            int norigins;
    SlotClass *sclasses;        int nsclasses;
    int *class_of;              /* owned; [nparticipants] participant → class */
} Classes;

/* Builds the classes. With aggregate = 0 every participant and every slot
 * is its own class and every participant its own origin (the "plain"
 * program used for cross-checks). Returns 0, or −1 on out-of-memory (out
 * is then released). */
int classes_build(const Scenario *s, int aggregate, Classes *out);

void classes_release(Classes *c);

/* 1 when slot `slot` accepts track t. */
int slot_accepts(const Scenario *s, int slot, int t);

#endif
