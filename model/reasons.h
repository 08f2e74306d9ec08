/*
 * reasons.h — why a participant is unassigned, in plain language (SPEC §3,
 * the `reason` column of assignments.csv).
 *
 * The reason is derived from the scenario alone, walking SPEC §2's
 * admissibility rules in order and naming the first rule that rules out
 * every option the participant has:
 *   1. no listed track has a cohort start that ends within the horizon;
 *   2. no start week of those tracks lies in [earliest_week, latest_week];
 *   3. cooperation is off and the home municipality has no centre hosting
 *      the tracks (or no centre at all);
 *   4. no centre hosting the tracks is within max_minutes, and relocation is
 *      not allowed or the centre is beyond max_relocation_km (the nearest
 *      host is named with its minutes);
 *   5. no placement slot accepts the track within reach (max_minutes from
 *      home; at home when cooperation is off), or none is open in the
 *      placement weeks of any admissible start;
 *   6. the placement slots in reach are fully reserved by other groups in
 *      the weeks needed;
 *   7. every admissible option has value 0 (priority, group weight or
 *      preference rank), so assigning gains nothing;
 *   otherwise the options were admissible but lost to capacity or cost:
 *   "all N admissible cohorts are full or too small to open, or their
 *   placement slots are taken" (N those of tracks that add value whose
 *   slots have free places; the ones reservations or capacity 0 block
 *   are counted apart, each cause named only where it applies), the
 *   nearest host out of reach for any track the participant could start,
 *   and, with a plan, when the best gain is
 *   within SPEC §2's value tolerance (1e-6 of the plan's value), that the
 *   least-cost level may have given it up to save cost.
 * Municipalities are named by name; tracks by id.
 */
#ifndef SAMPLAN_REASONS_H
#define SAMPLAN_REASONS_H

#include "plan.h"
#include "scenario.h"

/* Returns a newly allocated reason for participant p (index into
 * s->participants) not being assigned, or NULL on out-of-memory. The plan
 * may be NULL; when given, the reason also notes how many admissible cohorts
 * the plan opened and whether the solve stopped early. The caller frees it. */
char *unassigned_reason(const Scenario *s, const Plan *plan, int participant);

/* A memo of reasons for one (scenario, plan): the reason depends only on a
 * participant's home, start window, max_minutes, can_relocate, track list,
 * group and priority, so participants alike share one text;
 * this keeps national scenarios (50 000 participants) fast. */
typedef struct ReasonCache ReasonCache;

/* Returns a new cache (NULL on out-of-memory); plan may be NULL. Both must
 * outlive the cache. */
ReasonCache *reason_cache_new(const Scenario *s, const Plan *plan);

/* The reason of participant p, owned by the cache (valid until
 * reason_cache_free), or NULL on out-of-memory. */
const char *reason_cache_get(ReasonCache *cache, int participant);

/* Frees the cache and its texts; accepts NULL. */
void reason_cache_free(ReasonCache *cache);

/* Sets the reason of every unassigned assignment that has none (existing
 * reasons, e.g. from the solver, are kept). On out-of-memory a reason stays
 * NULL; plan_write() then computes it itself. */
void plan_fill_reasons(const Scenario *s, Plan *plan);

#endif
