/*
 * generate.h — scenario generator behind `samplan generate` (SPEC §4).
 *
 * A preset (one file model/preset_<name>.c each) builds a whole scenario
 * directory in memory as a list of named text files (scenario.json, the CSV
 * tables of SPEC §1, README.md); io/scenario_write.c puts them on disk.
 * Generation is a pure function of (preset, participants, seed): the only
 * randomness is the splitmix64 generator below, never rand(), and all
 * numbers are printed with fixed formats, so the same arguments give
 * byte-identical files on every machine. Library code: nothing is printed.
 *
 * Typical sizes: 2–9 municipalities and 100–300 participants for the five
 * shipped scenarios; 290 municipalities and 50 000 participants for
 * `national`.
 */
#ifndef SAMPLAN_GENERATE_H
#define SAMPLAN_GENERATE_H

#include <stddef.h>
#include <stdint.h>

/* One row of the embedded municipality table (model/municipality_data.c). */
typedef struct MunicipalityRow {
    const char *code;   /* SCB code, 4 digits ("0780") */
    const char *name;   /* without "kommun" */
    const char *county; /* without "län" */
    double lat, lon;    /* seat, WGS84 degrees, 4 decimals */
    long population;    /* 2020-12-31, SCB */
} MunicipalityRow;

extern const MunicipalityRow municipality_rows[]; /* sorted by code */
extern const int municipality_row_count;          /* 290 */

/* Row of code `code`, or NULL. */
const MunicipalityRow *municipality_row(const char *code);

/* Growable text buffer. An allocation failure sets `failed` and makes
 * further appends no-ops, so builders check once at the end. */
typedef struct GenBuf {
    char *data;    /* owned; NUL-terminated when len > 0 */
    size_t len, cap;
    int failed;    /* 1 after an allocation failure */
} GenBuf;

void genbuf_printf(GenBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void genbuf_puts(GenBuf *b, const char *s);
/* Appends s as one CSV cell (RFC 4180 quoting when needed), no separator. */
void genbuf_csv(GenBuf *b, const char *s);
void genbuf_release(GenBuf *b);

typedef struct GenFile {
    char *name;  /* owned; file name inside the scenario directory */
    GenBuf text; /* owned */
} GenFile;

typedef struct GenOutput {
    GenFile *files; /* owned; [nfiles] in creation order */
    int nfiles, cap;
    int failed;     /* 1 after an allocation failure anywhere */
} GenOutput;

#define GENOUTPUT_INIT {NULL, 0, 0, 0}

/* Starts a new file and returns its buffer (NULL on out-of-memory; then
 * output->failed is set). The pointer is valid until the next gen_file. */
GenBuf *gen_file(GenOutput *out, const char *name);
/* The file called `name`, or NULL. */
const GenFile *gen_find(const GenOutput *out, const char *name);
void gen_output_release(GenOutput *out);

/* splitmix64 (Steele, Lea & Flood 2014): small, fast, fully portable. */
typedef struct Rng { uint64_t state; } Rng;
void rng_seed(Rng *r, uint64_t seed, const char *salt);
uint64_t rng_next(Rng *r);
double rng_uniform(Rng *r);             /* [0, 1), 53 bits */
int rng_below(Rng *r, int n);           /* 0..n−1, n ≥ 1 */
int rng_weighted(Rng *r, const double *w, int n); /* index ∝ w (w ≥ 0, Σ > 0) */

/* Largest-remainder apportionment of `total` over weights w[0..n−1]
 * (ties to the lower index): out[i] sums exactly to total. */
void gen_apportion(const double *w, int n, long total, long *out);

/* Parameters every preset receives. */
typedef struct GenParams {
    long participants; /* > 0; 0 = the preset's default */
    uint64_t seed;
} GenParams;

typedef struct Preset {
    const char *name;            /* e.g. "sikt-inland" */
    const char *summary;         /* one line for help */
    long default_participants;
    /* Builds the files into out; returns 0, or −1 on out-of-memory. */
    int (*build)(const GenParams *params, GenOutput *out);
} Preset;

extern const Preset preset_sikt_inland, preset_norra_vastmanland, preset_kronoberg,
    preset_lysekil, preset_skelleftea_norsjo, preset_national;

/* The presets in help order, NULL-terminated. */
extern const Preset *const generate_presets[];

/* Preset called `name`, or NULL. */
const Preset *generate_find_preset(const char *name);

/* Runs preset p with `params` (participants 0 → default; seed as given).
 * Returns 0 with the files in *out, or −1 (out of memory; out released). */
int generate_scenario(const Preset *p, const GenParams *params, GenOutput *out);

/* ---- building blocks shared by the presets (model/generate.c) ---- */

/* Header lines of the tables, exactly as written (SPEC §1). */
#define GEN_HDR_MUNICIPALITIES "code,name,lat,lon,county,population\n"
#define GEN_HDR_CENTRES "municipality,seats,max_groups,tracks,seat_price_per_week\n"
#define GEN_HDR_TRACKS "track,name,min_group,max_group,start_every,first_start\n"
#define GEN_HDR_MODULES "track,seq,name,kind,weeks,group_cost\n"
#define GEN_HDR_PARTICIPANTS \
    "id,home,group,gender,tracks,earliest_week,latest_week,max_minutes,can_relocate,priority\n"
#define GEN_HDR_SLOTS "id,municipality,capacity,from_week,to_week,tracks,employer,owner,permanent\n"
#define GEN_HDR_RESERVATIONS "slot,from_week,to_week,count,holder\n"

/* A module of a track definition; kind is "course" or "placement". */
typedef struct GenModule {
    const char *name;
    const char *kind;
    int weeks;
    long group_cost; /* SEK; 0 for placements */
} GenModule;

#define GEN_MAX_MODULES 6

typedef struct GenTrack {
    const char *id;
    const char *name;
    int min_group, max_group, start_every, first_start;
    GenModule modules[GEN_MAX_MODULES]; /* terminated by name == NULL */
} GenTrack;

/* Writes municipalities.csv for the given codes (all must exist). */
void gen_municipalities(GenOutput *out, const char *const *codes, int n);
/* Writes tracks.csv and modules.csv. */
void gen_tracks(GenOutput *out, const GenTrack *tracks, int n);

/* One participant row. earliest/latest/priority/max_minutes ≤ 0 leave the
 * cell empty (SPEC default); prefs is the `;`-joined list. */
typedef struct GenPerson {
    const char *home;
    const char *group;
    const char *gender;
    const char *prefs;
    int earliest, latest;
    int max_minutes;
    int can_relocate;
    int priority;
} GenPerson;

void gen_participant_row(GenBuf *b, long index, long total, const GenPerson *p);

/* Chooses a preference list of 1..maxlen track ids into buf: the first by
 * weight w among allowed (allowed may be NULL = all), each further one with
 * probability p_more. buf must hold 256 bytes. */
void gen_prefs(Rng *r, const GenTrack *tracks, const double *w, const unsigned char *allowed,
               int n, int maxlen, double p_more, char buf[256]);

/* The week a participant may start first: one of a few spread values so
 * participants fall into few classes. */
int gen_earliest(Rng *r, const int *choices, int n);

/* Scales a base capacity by participants / default (at least 1). */
int gen_scale(int base, long participants, long default_participants);

/* Participants spread over municipalities in proportion to weights
 * (apportioned exactly), with group, gender, preference list, start week,
 * relocation and priority drawn per person. Arrays indexed by Group order
 * youth, newcomer, longterm, other. */
typedef struct GenPeople {
    const char *const *codes;  /* [nmuni] home codes */
    const double *muni_weight; /* [nmuni] e.g. population */
    int nmuni;
    double group_w[4];         /* share of each group */
    double man_share[4];       /* P(man) per group; the rest are women */
    const GenTrack *tracks;    /* [ntracks] */
    const double *track_w;     /* [ntracks] popularity */
    const double *muni_track_w; /* NULL, or [nmuni × ntracks] overriding track_w per home */
    int ntracks;
    int maxlen;                /* longest preference list */
    double p_more;             /* P(one more track in the list) */
    const int *earliest;       /* [nearliest] start-week choices */
    int nearliest;
    int window;                /* > 0: latest_week = earliest + window − 1 (an intake
                                * round); 0: latest empty (any week) */
    double relocate[4];        /* P(can_relocate) per group */
    double priority2[4];       /* P(priority 2) per group, else empty (1) */
} GenPeople;

extern const char *const gen_group_names[4]; /* "youth", "newcomer", "longterm", "other" */

/* Writes participants.csv with exactly n rows. */
void gen_people(GenOutput *out, Rng *r, const GenPeople *spec, long n);

/* Appends the "how this directory was made" section of README.md. */
void gen_readme_footer(GenBuf *b, const char *preset, const GenParams *params,
                       const GenOutput *out);

#endif
