/*
 * scenario.h — the domain model of one loaded scenario (SPEC §1).
 *
 * Everything the optimizer and the reports need, with every SPEC default
 * already applied and every reference resolved to an index: a participant's
 * home is an index into `municipalities`, a preferred track an index into
 * `tracks`, and so on. A Scenario is built by io/scenario_load.c and freed by
 * scenario_free(); all arrays and strings inside are owned by it.
 *
 * Weeks are 1-based (1..weeks). Distances are stored as a dense
 * municipalities × municipalities matrix (290² doubles at national size).
 * Typical sizes: 3–290 municipalities, 10–50 000 participants, 0–5 000 slots.
 */
#ifndef SAMPLAN_SCENARIO_H
#define SAMPLAN_SCENARIO_H

#include <stddef.h>

#include "diag.h"

typedef enum Group { GROUP_YOUTH, GROUP_NEWCOMER, GROUP_LONGTERM, GROUP_OTHER, GROUP_COUNT } Group;
typedef enum Gender { GENDER_WOMAN, GENDER_MAN, GENDER_OTHER, GENDER_UNKNOWN, GENDER_COUNT } Gender;
typedef enum ModuleKind { MODULE_COURSE, MODULE_PLACEMENT } ModuleKind;

/* The tables of a scenario directory, in SPEC order; used for `files`. */
typedef enum Table {
    TABLE_MUNICIPALITIES,
    TABLE_DISTANCES,
    TABLE_CENTRES,
    TABLE_TRACKS,
    TABLE_MODULES,
    TABLE_PARTICIPANTS,
    TABLE_SLOTS,
    TABLE_RESERVATIONS,
    TABLE_COUNT
} Table;

extern const char *const table_names[TABLE_COUNT];   /* "municipalities", … */

/* 1 when table t read from `file` may be absent: an optional table
 * (distances, reservations) under its default name "<table>.csv", whether
 * scenario.json names it so or not at all. Any other file it names must
 * exist. */
int table_may_be_absent(Table t, const char *file);
extern const char *const group_names[GROUP_COUNT];   /* "youth", … */
extern const char *const gender_names[GENDER_COUNT]; /* "woman", … */

typedef struct Municipality {
    char *code;     /* owned; SCB code as written, compared exactly ("0780") */
    char *name;     /* owned */
    int has_coords; /* 1 when lat/lon were given */
    double lat, lon; /* WGS84 degrees */
} Municipality;

typedef struct Centre {
    int municipality;          /* index into Scenario.municipalities */
    int seats;                 /* participants in course modules per week, at most */
    int max_groups;            /* course groups per week, at most */
    int all_tracks;            /* 1 when `tracks` is `*` or empty */
    unsigned char *hosts;      /* owned; [ntracks] 1 when this centre hosts track t */
    double seat_price_per_week; /* SEK per participant-week, settlement only */
    long line;                 /* line in centres.csv, for messages */
} Centre;

typedef struct Module {
    char *name;        /* owned */
    ModuleKind kind;
    int weeks;         /* ≥ 1 */
    double group_cost; /* SEK per group; 0 for placements */
    int offset;        /* weeks from the cohort start to this module's first week */
} Module;

typedef struct Track {
    char *id;          /* owned */
    char *name;        /* owned */
    int min_group, max_group; /* 1 ≤ min_group ≤ max_group */
    int start_every;   /* default 4 */
    int first_start;   /* default 1 */
    Module *modules;   /* owned; [nmodules] in seq order */
    int nmodules;
    int total_weeks;   /* Σ module weeks: the cohort ends at start + total_weeks − 1;
                          sums stop at TRACK_WEEKS_CAP */
    int has_course;    /* 1 when at least one module is a course (the track has a host) */
    int course_weeks;  /* Σ weeks of course modules */
    double group_cost; /* Σ group_cost of course modules: the cost of one group */
    long line;         /* line in tracks.csv */
} Track;

/* Where a track's week sums stop growing: far beyond any horizon, so such
 * a track has no cohort, and below INT_MAX − 10⁹ (the largest module), so
 * the sums cannot wrap (five modules of 10⁹ weeks once added up to 3). */
#define TRACK_WEEKS_CAP 1000000000

typedef struct Participant {
    char *id;          /* owned; pseudonymous */
    int home;          /* index into municipalities */
    Group group;
    Gender gender;
    int *prefs;        /* owned; [nprefs] track indices in order of preference */
    int nprefs;        /* 0 = any track, all at rank 1 */
    int earliest_week, latest_week; /* admissible cohort start weeks */
    double max_minutes; /* longest one-way daily commute */
    int can_relocate;  /* 0/1 */
    double priority;   /* ≥ 0 */
    long line;         /* line in participants.csv */
} Participant;

typedef struct Slot {
    char *id;          /* owned */
    int municipality;  /* index */
    int capacity;      /* ≥ 0 */
    int from_week, to_week;
    int all_tracks;    /* 1 for `*` */
    unsigned char *accepts; /* owned; [ntracks] */
    char *employer;    /* owned, may be "" */
    char *owner;       /* owned, may be "" */
    int permanent;     /* 0/1, descriptive */
    int *room;         /* owned; [weeks + 1], room[w] for w in 1..weeks, 0 outside [from,to] */
    long line;
} Slot;

typedef struct Reservation {
    int slot;          /* index into slots */
    int from_week, to_week;
    int count;         /* ≥ 0 */
    char *holder;      /* owned, may be "" */
    long line;
} Reservation;

typedef struct TravelParams {
    double max_daily_minutes;      /* default 60 */
    double road_factor;            /* default 1.3 */
    double speed_kmh;              /* default 70 */
    double cost_per_km;            /* default 2.5 */
    double days_per_week;          /* default 5 */
    double accommodation_per_week; /* default 1500 */
    double max_relocation_km;      /* default 400 */
} TravelParams;

typedef struct Objective {
    double group_weight[GROUP_COUNT]; /* default 1 each */
    double preference_step;           /* default 0.1, in [0,1] */
    int has_max_cost;                 /* 0 = no budget */
    double max_cost;
} Objective;

typedef struct SolverParams {
    double time_limit_s; /* default 60 */
    double mip_gap;      /* default 0 */
} SolverParams;

typedef struct Scenario {
    char *dir;         /* owned; the scenario directory as given */
    char *name;        /* owned; `name` or the directory's base name */
    char *variant;     /* owned; NULL for the base */
    char start[11];    /* "YYYY-MM-DD", a Monday */
    int start_year, start_month, start_day;
    int weeks;         /* W ≥ 1 */
    int cooperation;   /* 0/1 */
    TravelParams travel;
    Objective objective;
    SolverParams solver;
    char *files[TABLE_COUNT]; /* owned; file name of each table inside dir */
    unsigned char files_missing[TABLE_COUNT]; /* 1: named in `files` but missing or not a regular file, already reported */
    char **variant_names;     /* owned; names of the variants in scenario.json */
    int nvariants;

    Municipality *municipalities; int nmunicipalities;
    Centre *centres;             int ncentres;
    int *centre_of;              /* owned; [nmunicipalities] centre index or −1 */
    Track *tracks;               int ntracks;
    Participant *participants;   int nparticipants;
    Slot *slots;                 int nslots;
    Reservation *reservations;   int nreservations;

    /* Travel matrix, [nmunicipalities²], row = from, column = to.
     * Unreachable pairs hold a negative value (TRAVEL_UNREACHABLE). */
    double *minutes;
    double *km;

    int ndistances;              /* rows read from distances.csv (0 when absent) */

    /* Things in the input that are not errors but probably not meant
     * (a scenario.json key one letter from a known one, which is ignored
     * and leaves the default): printed by the commands as warnings. */
    DiagList warnings;
} Scenario;

#define TRAVEL_UNREACHABLE (-1.0)

/* The largest real number an input may hold (priorities, weights, costs,
 * prices, distances, minutes, speeds, time limits; SCENARIO_BUDGET_MAX for
 * objective.max_cost, a sum; travel.days_per_week is at most 7). SPEC
 * puts no upper limit on them; these are limits of this implementation
 * that keep every value, cost and sum the program holds finite and far
 * from where GLPK fails: a priority of 1e160 made level 1 report value 0
 * as optimal, 1e30 kept level 2 from any proof, and a cost_per_km of
 * 1e307 made costs infinite (audit, twenty-first session). They do not
 * make a small value count beside a huge one: SPEC's own tolerance,
 * 1e-6 of V*, decides that. The messages give the limits as written here
 * ("expected a number 0..1000000000"). */
#define SCENARIO_REAL_MAX 1e9
#define SCENARIO_REAL_MAX_TEXT "1000000000"
#define SCENARIO_BUDGET_MAX 1e15
#define SCENARIO_BUDGET_MAX_TEXT "1000000000000000"

/* Frees the scenario and everything it owns; accepts NULL. */
void scenario_free(Scenario *s);

/* Travel look-ups; `from`, `to` are municipality indices. Return
 * TRAVEL_UNREACHABLE (< 0) when there is no route. */
static inline double scenario_minutes(const Scenario *s, int from, int to)
{
    return s->minutes[(size_t)from * (size_t)s->nmunicipalities + (size_t)to];
}
static inline double scenario_km(const Scenario *s, int from, int to)
{
    return s->km[(size_t)from * (size_t)s->nmunicipalities + (size_t)to];
}

/* Index lookups by identifier; −1 when absent. Linear or hashed, O(1)
 * amortised after the first call is not promised: callers in hot loops
 * should cache indices. */
int scenario_find_municipality(const Scenario *s, const char *code);
int scenario_find_track(const Scenario *s, const char *id);
int scenario_find_slot(const Scenario *s, const char *id);

/* Value weight of participant p for track t: priority × group_weight ×
 * max(0, 1 − step·(rank − 1)); 0 when t is not in p's list. */
double participant_track_value(const Scenario *s, const Participant *p, int track);

/* The most participant p can bring to a plan: its greatest track value
 * (0 when it has none). */
double participant_best_value(const Scenario *s, const Participant *p);

/* 1-based rank of track t in p's list (1 for an empty list), 0 if absent. */
int participant_track_rank(const Participant *p, int track);

/* The Monday that begins week w, as a day count (model/calendar.h). */
long scenario_week_monday(const Scenario *s, int week);

/* ISO date (YYYY-MM-DD) of the Monday that begins week w, into buf[11]. */
void scenario_week_date(const Scenario *s, int week, char buf[11]);

#endif
