/*
 * reasons.c — plain-language reasons for unassigned participants (see
 * reasons.h). Work per participant is O(tracks × (hosts + starts × placement
 * modules × slots)); it runs once per unassigned participant when a plan is
 * written, so even national scenarios stay well under a second.
 */
#include "reasons.h"

#include <stdarg.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "cohorts.h"
#include "travel.h"

#define REASON_MAX 1024
#define LIST_SHOWN 3 /* track ids named in a list before "and N more" */

typedef struct Text {
    char s[REASON_MAX];
    size_t n;
} Text;

static void add(Text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(Text *t, const char *fmt, ...)
{
    if (t->n >= sizeof t->s - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(t->s + t->n, sizeof t->s - t->n, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    t->n += (size_t)k;
    if (t->n > sizeof t->s - 1)
        t->n = sizeof t->s - 1;
}

/* "track 'A'", "tracks 'A' and 'B'", "tracks 'A', 'B', 'C' and 2 more";
 * "any track" when the participant listed none (all = 1). */
static void add_tracks(Text *t, const Scenario *s, const int *list, int n, int all)
{
    if (all && n == s->ntracks && n > 1) {
        add(t, "any track");
        return;
    }
    if (n == 1) {
        add(t, "track '%s'", s->tracks[list[0]].id);
        return;
    }
    add(t, "tracks ");
    int shown = n <= LIST_SHOWN + 1 ? n : LIST_SHOWN;
    for (int i = 0; i < shown; i++) {
        if (i > 0)
            add(t, i == n - 1 ? " and " : ", ");
        add(t, "'%s'", s->tracks[list[i]].id);
    }
    if (shown < n)
        add(t, " and %d more", n - shown);
}

/* Beyond this, minutes and km are printed whole and compared as they
 * are: tenths of them would overflow a long (a cast printed "within
 * -922337203685477632 min" for a max_minutes of 1e308) or, times ten, a
 * double. */
#define HUGE_AMOUNT 1e15

/* Minutes or km without a spurious ".0": 75, 62.5. */
static void add_amount(Text *t, double v)
{
    double r = fabs(v) < HUGE_AMOUNT ? floor(v * 10.0 + 0.5) / 10.0 : v;
    if (r == floor(r))
        add(t, "%.0f", r);
    else
        add(t, "%.1f", r);
}

/* A limit the user gave (max_minutes, max_relocation_km, max_cost) as
 * given: the fewest decimals that read back as the same number, so that
 * 119.99 is not shown as 120 next to a distance of 120.00 (tester,
 * twenty-sixth session). */
static void add_exact(Text *t, double v)
{
    if (!(fabs(v) < HUGE_AMOUNT)) {
        add(t, "%.0f", v);
        return;
    }
    char buf[64];
    for (int d = 0; d <= 17; d++) {
        snprintf(buf, sizeof buf, "%.*f", d, v);
        if (strtod(buf, NULL) == v || d == 17)
            break;
    }
    add(t, "%s", buf);
}

/* A distance shown next to its limit: as many decimals as it takes to
 * print it apart from the limit, two at least when one would print both
 * alike (60.04 vs 60; 7.800000000000001 vs 7.8, which SPEC §2.3's exact
 * rule refuses); one at most when they differ by more. */
static void add_near(Text *t, double v, double limit)
{
    int huge = fabs(v) >= HUGE_AMOUNT || fabs(limit) >= HUGE_AMOUNT;
    double rv = huge ? v : floor(v * 10.0 + 0.5), rl = huge ? limit : floor(limit * 10.0 + 0.5);
    if (rv != rl) {
        add_amount(t, v);
        return;
    }
    for (int d = 2; d <= 17; d++) {
        char a[64], b[64];
        snprintf(a, sizeof a, "%.*f", d, v);
        snprintf(b, sizeof b, "%.*f", d, limit);
        if (strcmp(a, b) != 0 || d == 17) {
            add(t, "%s", a);
            return;
        }
    }
}

/* "the only admissible cohort", "both admissible cohorts", "all 5
 * admissible cohorts", each followed by qualifier. */
static void add_cohort_count(Text *t, long n, const char *qualifier)
{
    if (n == 1)
        add(t, "the only admissible cohort%s", qualifier);
    else if (n == 2)
        add(t, "both admissible cohorts%s", qualifier);
    else
        add(t, "all %ld admissible cohorts%s", n, qualifier);
}

/* " (2027-W09, from Monday 2027-03-01)": SPEC §3 asks human-facing text
 * to show the ISO week and date of a plan week; nothing when the scenario
 * has no start date (a test's hand-built scenario). */
static void add_week_label(Text *t, const Scenario *s, int w)
{
    if (s->start_month < 1)
        return;
    long monday = scenario_week_monday(s, w);
    char date[11];
    int iy, iw;
    calendar_format(monday, date);
    calendar_iso_week(monday, &iy, &iw);
    add(t, " (%d-W%02d, from Monday %s)", iy, iw, date);
}

/* " (2027-W41 to 2027-W48, Monday 2027-10-11 to Sunday 2027-12-05)" */
static void add_span_label(Text *t, const Scenario *s, int a, int b)
{
    if (s->start_month < 1)
        return;
    long first = scenario_week_monday(s, a);
    long last = first + 7L * (b - a) + 6;
    char d1[11], d2[11];
    int y1, w1, y2, w2;
    calendar_format(first, d1);
    calendar_format(last, d2);
    calendar_iso_week(first, &y1, &w1);
    calendar_iso_week(last, &y2, &w2);
    add(t, " (%d-W%02d to %d-W%02d, Monday %s to Sunday %s)", y1, w1, y2, w2, d1, d2);
}

/* "week 9 (2027-W09, …)" or "weeks 2 to 4 (2027-W02 to 2027-W04, …)" */
static void add_weeks(Text *t, const Scenario *s, int a, int b)
{
    if (a == b) {
        add(t, "week %d", a);
        add_week_label(t, s, a);
    } else {
        add(t, "weeks %d to %d", a, b);
        add_span_label(t, s, a, b);
    }
}

static const char *mun_name(const Scenario *s, int m)
{
    const Municipality *mu = &s->municipalities[m];
    return mu->name && mu->name[0] ? mu->name : mu->code;
}

/* Travel rule of SPEC §2.3: 1 commute, 2 relocate, 0 not admissible. */
static int host_travel(const Scenario *s, const Participant *p, int h)
{
    if (!s->cooperation && h != p->home)
        return 0;
    if (h == p->home)
        return 1;
    double min = scenario_minutes(s, p->home, h);
    if (travel_within(min, p->max_minutes))
        return 1;
    double km = scenario_km(s, p->home, h);
    if (p->can_relocate && travel_within(km, s->travel.max_relocation_km))
        return 2;
    return 0;
}

/* A slot p may use for track t at all (weeks aside). */
static int slot_in_reach(const Scenario *s, const Participant *p, int t, const Slot *sl)
{
    if (!sl->all_tracks && !(sl->accepts && sl->accepts[t]))
        return 0;
    if (!s->cooperation && sl->municipality != p->home)
        return 0;
    if (sl->municipality == p->home)
        return 1;
    double min = scenario_minutes(s, p->home, sl->municipality);
    return travel_within(min, p->max_minutes);
}

/* Slots in reach of the participant, per track, computed on first use:
 * one scan of all slots per track instead of one per start and module. */
typedef struct Reach {
    const Scenario *s;
    const Participant *p;
    int **list;  /* [ntracks] owned slot index lists, NULL until computed */
    int *count;  /* [ntracks], −1 until computed */
    int failed;  /* out of memory */
} Reach;

static const int *reach_of(Reach *r, int t, int *n)
{
    if (r->count[t] < 0) {
        int *list = malloc((r->s->nslots > 0 ? (size_t)r->s->nslots : 1) * sizeof *list);
        int k = 0;
        if (!list) {
            r->failed = 1;
            *n = 0;
            return NULL;
        }
        for (int i = 0; i < r->s->nslots; i++)
            if (slot_in_reach(r->s, r->p, t, &r->s->slots[i]))
                list[k++] = i;
        r->list[t] = list;
        r->count[t] = k;
    }
    *n = r->count[t];
    return r->list[t];
}

static int slot_has_room(const Scenario *s, const Slot *sl, int a, int b)
{
    if (!sl->room)
        return 1;
    for (int w = a; w <= b; w++)
        if (w < 1 || w > s->weeks || sl->room[w] < 1)
            return 0;
    return 1;
}

/* Placement check of a start of track t: 1 when every placement module has
 * a slot in reach whose window covers its weeks; *room set to 1 when such
 * slots also have room left after reservations in all those weeks. On
 * failure the first uncovered module's weeks go to *fa, *fb; on success
 * without room, the first blocked module's, and *blocked_by gets
 * BLOCKED_RESERVED for a blocked module whose covering slots have places
 * that reservations took, BLOCKED_ZERO for one whose slots all have
 * capacity 0. Per start: a flag for the whole
 * participant was set by starts later found inadmissible, and called
 * capacity-0 slots "fully reserved" (tester, twenty-sixth session). */
enum { BLOCKED_RESERVED = 1, BLOCKED_ZERO = 2 };

static int placements_ok(Reach *r, int t, int start, int *room, int *blocked_by, int *fa, int *fb)
{
    const Scenario *s = r->s;
    const Track *tr = &s->tracks[t];
    int nreach;
    const int *reach = reach_of(r, t, &nreach);
    *room = 1;
    *blocked_by = 0;
    for (int m = 0; m < tr->nmodules; m++) {
        const Module *mo = &tr->modules[m];
        if (mo->kind != MODULE_PLACEMENT)
            continue;
        int a = start + mo->offset, b = a + mo->weeks - 1;
        int covered = 0, roomy = 0, reserved = 0;
        for (int k = 0; k < nreach && !roomy; k++) {
            const Slot *sl = &s->slots[reach[k]];
            if (sl->from_week > a || sl->to_week < b)
                continue;
            covered = 1;
            roomy = slot_has_room(s, sl, a, b);
            reserved |= !roomy && sl->capacity > 0;
        }
        if (!covered) {
            *fa = a;
            *fb = b;
            return 0;
        }
        if (!roomy) {
            if (*room) {
                *fa = a;
                *fb = b;
            }
            *room = 0;
            *blocked_by |= reserved ? BLOCKED_RESERVED : BLOCKED_ZERO;
        }
    }
    return 1;
}

static int has_placement(const Track *tr)
{
    for (int m = 0; m < tr->nmodules; m++)
        if (tr->modules[m].kind == MODULE_PLACEMENT)
            return 1;
    return 0;
}

static int in_window(const Participant *p, int start)
{
    return start >= p->earliest_week && start <= p->latest_week;
}

static char *finish(Text *t)
{
    return strdup(t->s);
}

/* Whether the centre in municipality h can open a group of track tr at
 * all (as solver/build.c prunes cohorts: a group and min_group seats). */
static int can_open(const Scenario *s, int h, int tr)
{
    const Centre *ce = &s->centres[s->centre_of[h]];
    return ce->max_groups > 0 && ce->seats >= s->tracks[tr].min_group;
}

/* Counts cohorts of the plan that are among p's admissible options. */
static int open_options(const Scenario *s, const Plan *plan, const Participant *p,
                        const unsigned char *ok_track, Reach *r)
{
    int n = 0;
    for (int c = 0; c < plan->ncohorts; c++) {
        const PlanCohort *pc = &plan->cohorts[c];
        if (pc->track < 0 || pc->track >= s->ntracks || !ok_track[pc->track])
            continue;
        if (!in_window(p, pc->start))
            continue;
        if (s->tracks[pc->track].has_course &&
            (pc->host < 0 || !host_travel(s, p, pc->host)))
            continue;
        int room, by, fa, fb;
        if (placements_ok(r, pc->track, pc->start, &room, &by, &fa, &fb) && room)
            n++;
    }
    return n;
}

/* Admissible cohorts without room at their placement slots: how many,
 * the first one's start and the weeks it needs, and whether reservations
 * or capacity 0 block them. */
typedef struct Blocked {
    long count;
    int track, start, a, b;
    int by; /* BLOCKED_RESERVED, BLOCKED_ZERO or both, over them all */
} Blocked;

static void note_blocked(Blocked *bl, int hosts, int tr, int start, int by, int a, int b)
{
    if (bl->track < 0) {
        bl->track = tr;
        bl->start = start;
        bl->a = a;
        bl->b = b;
    }
    bl->count += hosts;
    bl->by |= by;
}

static const char *blocked_cause(const Blocked *bl)
{
    if (bl->by == (BLOCKED_RESERVED | BLOCKED_ZERO))
        return "are fully reserved by other groups or have no places (capacity 0)";
    return bl->by == BLOCKED_RESERVED ? "are fully reserved by other groups" : "have no places (capacity 0)";
}

/* "the placement slots within reach of X that are open in the weeks
 * needed by all 3 admissible cohorts are fully reserved by other groups:
 * e.g. a start in week 25 (…) needs a place in weeks 33 to 38 (…)". Only
 * the slots open then are meant: a slot within reach that opens later is
 * not "reserved" (independent audit, thirty-seventh session: it read as
 * if every slot within reach were booked). */
static void add_all_blocked(Text *t, const Scenario *s, const char *home, const Blocked *bl,
                            const char *qualifier, int name_track)
{
    add(t, "the placement slots within reach of %s that are open in the weeks needed by ", home);
    add_cohort_count(t, bl->count, qualifier);
    add(t, " %s", blocked_cause(bl));
    add(t, ": %s start in week %d", bl->count == 1 ? "its" : "e.g. a", bl->start);
    add_week_label(t, s, bl->start);
    if (name_track)
        add(t, " of track '%s'", s->tracks[bl->track].id);
    add(t, " needs a place in ");
    add_weeks(t, s, bl->a, bl->b);
}

/* The least p's joining raises the plan's cost by, others left as they
 * are (a lower bound): over p's admissible tracks that add value
 * (`valued`) and the hosts within reach, the course travel of the mode
 * SPEC's rule gives, plus a course group where the plan runs no cohort of
 * that track there; placement travel (never negative) left out. 0 when
 * such a track has no course; NAN on out-of-memory (no claim made). One
 * pass over the plan's cohorts: this runs for every participant left out
 * under a budget. */
static double least_added_cost(const Scenario *s, const Plan *plan, const Participant *p,
                               const unsigned char *valued)
{
    int nt = s->ntracks, nm = s->nmunicipalities;
    unsigned char *runs = calloc((size_t)(nt > 0 ? nt : 1) * (size_t)(nm > 0 ? nm : 1), 1);
    if (!runs)
        return NAN;
    for (int c = 0; c < plan->ncohorts; c++) {
        const PlanCohort *pc = &plan->cohorts[c];
        if (pc->groups > 0 && pc->track >= 0 && pc->track < nt && pc->host >= 0 && pc->host < nm)
            runs[(size_t)pc->track * (size_t)nm + (size_t)pc->host] = 1;
    }
    double least = HUGE_VAL;
    for (int tr = 0; tr < nt && least > 0.0; tr++) {
        if (!valued[tr])
            continue;
        const Track *t = &s->tracks[tr];
        if (!t->has_course) {
            least = 0.0;
            break;
        }
        for (int h = 0; h < nm; h++) {
            int mode = centre_hosts_track(s, h, tr) ? host_travel(s, p, h) : 0;
            if (!mode)
                continue;
            double add = course_travel_cost(s, p->home, h, mode == 2 ? TRAVEL_RELOCATE : TRAVEL_COMMUTE,
                                            t->course_weeks);
            least = fmin(least, runs[(size_t)tr * (size_t)nm + (size_t)h] ? add : add + t->group_cost);
        }
    }
    free(runs);
    return least;
}

char *unassigned_reason(const Scenario *s, const Plan *plan, int participant)
{
    const Participant *p = &s->participants[participant];
    const char *home = mun_name(s, p->home);
    Text txt = {{0}, 0};
    Text *t = &txt;
    int nt = s->ntracks;
    int all = p->nprefs == 0;

    if (nt == 0) {
        add(t, "the scenario has no tracks");
        return finish(t);
    }
    int *cand = calloc((size_t)nt, sizeof *cand);
    int *keep = calloc((size_t)nt, sizeof *keep);
    /* ok_track: tracks with an admissible cohort; in its second quarter
     * startable (a start in the window, for the nearest host out of
     * reach), third valued_track, fourth no_reach (below) */
    unsigned char *ok_track = calloc((size_t)nt * 4, 1);
    Reach reach = {s, p, calloc((size_t)nt, sizeof(int *)), malloc((size_t)nt * sizeof(int)), 0};
    if (!cand || !keep || !ok_track || !reach.list || !reach.count) {
        free(cand);
        free(keep);
        free(ok_track);
        free(reach.list);
        free(reach.count);
        return NULL;
    }
    for (int k = 0; k < nt; k++)
        reach.count[k] = -1;
    int ncand = 0, nkeep = 0;
    char *result = NULL;
    if (all)
        for (int k = 0; k < nt; k++)
            cand[ncand++] = k;
    else
        for (int k = 0; k < p->nprefs; k++)
            if (p->prefs[k] >= 0 && p->prefs[k] < nt)
                cand[ncand++] = p->prefs[k];

    /* 1. a cohort start that ends within the horizon */
    for (int i = 0; i < ncand; i++)
        if (track_start_count(s, cand[i]) > 0)
            keep[nkeep++] = cand[i];
    if (nkeep == 0) {
        add(t, "no cohort of ");
        add_tracks(t, s, cand, ncand, all);
        add(t, " fits in the %d-week horizon", s->weeks);
        if (ncand == 1)
            add(t, " (the track takes %d weeks from week %d)",
                s->tracks[cand[0]].total_weeks, s->tracks[cand[0]].first_start);
        goto done;
    }
    memcpy(cand, keep, (size_t)nkeep * sizeof *cand);
    ncand = nkeep;

    /* 2. a start week within [earliest, latest] */
    nkeep = 0;
    int near_week = 0, near_track = -1, near_dist = 0;
    for (int i = 0; i < ncand; i++) {
        int tr = cand[i], found = 0;
        for (int k = 0; k < track_start_count(s, tr); k++) {
            int w = track_start_week(s, tr, k);
            if (in_window(p, w)) {
                found = 1;
                break;
            }
            int d = w < p->earliest_week ? p->earliest_week - w : w - p->latest_week;
            if (near_track < 0 || d < near_dist) {
                near_track = tr;
                near_week = w;
                near_dist = d;
            }
        }
        if (found)
            keep[nkeep++] = tr;
    }
    if (nkeep == 0) {
        add(t, "no cohort of ");
        add_tracks(t, s, cand, ncand, all);
        if (p->earliest_week > p->latest_week) {
            add(t, " can start: the start window (weeks %d to %d) is empty",
                p->earliest_week, p->latest_week);
        } else {
            add(t, " starts in the start window, ");
            add_weeks(t, s, p->earliest_week, p->latest_week);
            if (near_track >= 0) {
                add(t, ": nearest start week %d", near_week);
                if (ncand > 1)
                    add(t, " of track '%s'", s->tracks[near_track].id);
                add_week_label(t, s, near_week);
            }
        }
        goto done;
    }
    memcpy(cand, keep, (size_t)nkeep * sizeof *cand);
    ncand = nkeep;
    unsigned char *startable = ok_track + nt;
    for (int i = 0; i < ncand; i++)
        startable[cand[i]] = 1;

    /* 3 and 4. a host the participant can reach (host-less tracks always) */
    nkeep = 0;
    int any_centre = 0, near_host = -1, host_track = -1;
    double near_min = 0;
    for (int i = 0; i < ncand; i++) {
        int tr = cand[i], found = !s->tracks[tr].has_course;
        for (int h = 0; h < s->nmunicipalities && !found; h++) {
            if (!centre_hosts_track(s, h, tr))
                continue;
            any_centre = 1;
            if (host_travel(s, p, h)) {
                found = 1;
                break;
            }
            double min = scenario_minutes(s, p->home, h);
            if (min >= 0 && (near_host < 0 || min < near_min)) {
                near_host = h;
                host_track = tr;
                near_min = min;
            }
        }
        if (found)
            keep[nkeep++] = tr;
    }
    if (nkeep == 0) {
        if (!s->cooperation) {
            if (s->centre_of[p->home] < 0) {
                add(t, "cooperation is off and %s has no learning centre", home);
            } else {
                add(t, "cooperation is off and the centre in %s does not host ", home);
                add_tracks(t, s, cand, ncand, all);
            }
        } else if (!any_centre) {
            add(t, "no centre hosts ");
            add_tracks(t, s, cand, ncand, all);
        } else if (near_host < 0) {
            add(t, "no centre hosting ");
            add_tracks(t, s, cand, ncand, all);
            add(t, " can be reached from %s (no travel distance known)", home);
        } else {
            /* "no centre within 60 min of Malå hosts track 'kok'": the
             * limit next to the place it is measured from (it read "no
             * centre hosts track 'kok' within 60 min": review,
             * twenty-sixth session) */
            add(t, "no centre within ");
            add_exact(t, p->max_minutes);
            add(t, " min of %s", home);
            if (p->can_relocate) {
                add(t, ", or within ");
                add_exact(t, s->travel.max_relocation_km);
                add(t, " km for relocation,");
            }
            add(t, " hosts ");
            add_tracks(t, s, cand, ncand, all);
            add(t, "%s: nearest host %s", p->can_relocate ? "" : ", and relocation is not allowed",
                mun_name(s, near_host));
            if (ncand > 1)
                add(t, " for track '%s'", s->tracks[host_track].id);
            add(t, " (");
            add_near(t, near_min, p->max_minutes);
            add(t, " min");
            if (p->can_relocate) {
                add(t, ", ");
                add_near(t, scenario_km(s, p->home, near_host), s->travel.max_relocation_km);
                add(t, " km");
            }
            add(t, ")");
        }
        goto done;
    }
    memcpy(cand, keep, (size_t)nkeep * sizeof *cand);
    ncand = nkeep;

    /* 5 and 6. placement slots for every placement module of some start.
     * Starts without room (every slot in reach taken in some week) are
     * blocked: `all` counts them over every admissible track, `valued`
     * over the tracks that add value (a cohort of a track worth 0 to the
     * participant, open with room, was counted "full or too small":
     * tester, twenty-sixth session) */
    long options = 0, roomy_options = 0, openable = 0, v_roomy = 0;
    int reach_any = 0, fail_a = 0, fail_b = 0, fail_start = 0, fail_track = -1;
    int single_track = -1, single_host = -1, single_start = 0;
    Blocked all_blocked = {0, -1, 0, 0, 0, 0}, v_blocked = {0, -1, 0, 0, 0, 0};
    unsigned char *valued_track = ok_track + 2 * nt;
    unsigned char *no_reach = ok_track + 3 * nt; /* placement tracks no slot in reach accepts */
    for (int i = 0; i < ncand; i++) {
        int tr = cand[i];
        const Track *T = &s->tracks[tr];
        int nr = 0;
        if (has_placement(T)) {
            reach_of(&reach, tr, &nr);
            if (nr > 0)
                reach_any = 1;
            else
                no_reach[tr] = 1;
        }
        int valued = participant_track_value(s, p, tr) > 0.0;
        int hosts = 1, one_host = -1, open_hosts = 1;
        if (T->has_course) {
            hosts = open_hosts = 0;
            for (int h = 0; h < s->nmunicipalities; h++)
                if (centre_hosts_track(s, h, tr) && host_travel(s, p, h)) {
                    hosts++;
                    one_host = h;
                    open_hosts += can_open(s, h, tr);
                }
        }
        for (int k = 0; k < track_start_count(s, tr); k++) {
            int w = track_start_week(s, tr, k), room, by, fa, fb;
            if (!in_window(p, w))
                continue;
            if (!placements_ok(&reach, tr, w, &room, &by, &fa, &fb)) {
                /* the example of slots not open: a track some slot in
                 * reach accepts (one none accepts is said apart) */
                if (fail_track < 0 && nr > 0) {
                    fail_track = tr;
                    fail_start = w;
                    fail_a = fa;
                    fail_b = fb;
                }
                continue;
            }
            ok_track[tr] = 1;
            valued_track[tr] = (unsigned char)valued;
            options += hosts;
            openable += open_hosts;
            if (room) {
                roomy_options += hosts;
                if (valued) {
                    v_roomy += hosts;
                    single_track = tr;
                    single_host = one_host;
                    single_start = w;
                }
                continue;
            }
            note_blocked(&all_blocked, hosts, tr, w, by, fa, fb);
            if (valued)
                note_blocked(&v_blocked, hosts, tr, w, by, fa, fb);
        }
    }
    if (options == 0) {
        nkeep = 0;
        for (int i = 0; i < ncand; i++)
            if (has_placement(&s->tracks[cand[i]]))
                keep[nkeep++] = cand[i];
        if (!reach_any) {
            add(t, "no placement slot ");
            if (!s->cooperation)
                add(t, "in %s accepts ", home);
            else
                add(t, "accepts ");
            add_tracks(t, s, keep, nkeep, all);
            if (!s->cooperation) {
                add(t, " (cooperation is off)");
            } else {
                add(t, " within ");
                add_exact(t, p->max_minutes);
                add(t, " min of %s", home);
            }
        } else {
            /* tracks some slot in reach accepts, and those none does */
            int nopen = 0, nnone = 0;
            for (int i = 0; i < nkeep; i++)
                if (no_reach[keep[i]])
                    cand[nnone++] = keep[i]; /* cand is not read again */
                else
                    keep[nopen++] = keep[i];
            add(t, "the placement slots for ");
            add_tracks(t, s, keep, nopen, all && nnone == 0);
            add(t, " within reach of %s are not open in the placement weeks of any "
                   "admissible start: a start in week %d", home, fail_start);
            add_week_label(t, s, fail_start);
            if (nopen > 1)
                add(t, " of track '%s'", s->tracks[fail_track].id);
            add(t, " needs them in ");
            add_weeks(t, s, fail_a, fail_b);
            if (nnone > 0) {
                add(t, "; no placement slot within reach accepts ");
                add_tracks(t, s, cand, nnone, 0);
            }
        }
        goto done;
    }
    if (openable == 0) {
        /* every host in reach of an admissible track is closed by its
         * own limits (audit, twenty-first session: this read "full or
         * too small"); one of them is named */
        int shut_host = -1, shut_track = -1, several = 0;
        nkeep = 0;
        for (int i = 0; i < ncand; i++) {
            int tr = cand[i];
            if (!ok_track[tr])
                continue;
            keep[nkeep++] = tr;
            for (int h = 0; h < s->nmunicipalities && s->tracks[tr].has_course; h++) {
                if (!centre_hosts_track(s, h, tr) || !host_travel(s, p, h))
                    continue;
                several |= shut_host >= 0 && h != shut_host;
                if (shut_host < 0)
                    shut_host = h, shut_track = tr;
            }
        }
        const Centre *ce = &s->centres[s->centre_of[shut_host]];
        add(t, "no centre hosting ");
        add_tracks(t, s, keep, nkeep, all);
        add(t, " within reach of %s can open a group (%s%s: ", home, several ? "e.g. " : "",
            mun_name(s, shut_host));
        if (ce->max_groups == 0)
            add(t, "max_groups 0)");
        else
            add(t, "seats %d, less than min_group %d)", ce->seats, s->tracks[shut_track].min_group);
        goto done;
    }
    if (roomy_options == 0) {
        add_all_blocked(t, s, home, &all_blocked, "", ncand > 1);
        goto done;
    }

    /* 7. assigning must gain value: gain, the most an admissible track adds */
    double gain = 0.0;
    for (int tr = 0; tr < nt; tr++)
        if (ok_track[tr])
            gain = fmax(gain, participant_track_value(s, p, tr));
    if (!(gain > 0.0)) {
        if (p->priority <= 0)
            add(t, "priority is 0, so assigning adds no value");
        else if (s->objective.group_weight[p->group] <= 0)
            add(t, "the weight of group '%s' is 0, so assigning adds no value",
                group_names[p->group]);
        else
            add(t, "every admissible track is ranked too low to add value "
                   "(preference_step %g)", s->objective.preference_step);
        goto done;
    }

    /* otherwise capacity, cost or the solver lost the options: those
     * with places left at their slots are counted, the others said apart
     * (the count once took in cohorts other groups' reservations block,
     * hiding what skelleftea-norsjo is about: review, twenty-sixth
     * session) */
    if (v_roomy == 0) {
        /* the cohorts with room are of tracks worth nothing to them */
        add_all_blocked(t, s, home, &v_blocked, " of tracks that add value", ncand > 1);
        goto capacity_notes;
    }
    long blocked = v_blocked.count;
    const char *with_room = blocked ? " with free placement places" : "";
    if (v_roomy == 1) {
        add_cohort_count(t, 1, with_room);
        add(t, ", track '%s'", s->tracks[single_track].id);
        if (single_host >= 0)
            add(t, " in %s", mun_name(s, single_host));
        add(t, " starting in week %d", single_start);
        add_week_label(t, s, single_start);
        add(t, ", is full or too small to open, or its placement slots are taken");
    } else {
        add_cohort_count(t, v_roomy, with_room);
        add(t, " are full or too small to open, or their placement slots are taken");
    }
    if (plan && v_roomy > 1) {
        long open = open_options(s, plan, p, valued_track, &reach);
        if (open == 0)
            add(t, " (none open in this plan)");
        else if (open == v_roomy)
            add(t, " (%s open in this plan)", open == 2 ? "both" : "all");
        else
            add(t, " (%ld of them open in this plan)", open);
    }
    if (blocked)
        add(t, "; %ld more %s blocked: %s placement slots %s in the weeks needed", blocked,
            blocked == 1 ? "is" : "are", blocked == 1 ? "its" : "their", blocked_cause(&v_blocked));
capacity_notes:
    /* the nearest host beyond reach for any track the participant could
     * start, not only those with a host in reach (it named Vilhelmina at
     * 107 min where Åsele hosts the participant's other track at 89 min:
     * review, twenty-sixth session) */
    int far = -1, far_track = -1, nfar_tracks = 0;
    double far_min = 0;
    for (int tr = 0; tr < nt && s->cooperation; tr++) {
        if (!startable[tr] || !s->tracks[tr].has_course || !(participant_track_value(s, p, tr) > 0.0))
            continue;
        nfar_tracks++;
        for (int h = 0; h < s->nmunicipalities; h++) {
            double min = scenario_minutes(s, p->home, h);
            if (centre_hosts_track(s, h, tr) && !host_travel(s, p, h) && min >= 0 &&
                (far < 0 || min < far_min)) {
                far = h;
                far_track = tr;
                far_min = min;
            }
        }
    }
    if (far >= 0) {
        add(t, "; nearest host out of reach: %s", mun_name(s, far));
        if (nfar_tracks > 1)
            add(t, " for track '%s'", s->tracks[far_track].id);
        add(t, " (");
        add_near(t, far_min, p->max_minutes);
        add(t, " min)");
    }
    /* a gain the least-cost level may give up: SPEC §2 counts plans
     * within 1e-6·max(1, V*) of the best value V* as optimal, so one
     * whose assigning adds no more than that may be left out to save
     * cost (plan values differ from V* by at most that much). Only one
     * cause among those above: the tolerance bounds what the whole plan
     * gives up, and capacity may have kept them out anyway */
    double allowance = plan ? plan_value_allowance(plan->value + gain) : 0.0;
    if (plan && gain <= allowance) {
        add(t, "; or, as assigning adds only %.3g to the value, within the tolerance (%.3g, 1e-6 of "
               "the best value) that the least-cost plan may give up, leaving them out saves cost",
            gain, allowance);
    }
    if (plan) {
        /* the budget named as the cause when it provably is one: joining
         * this plan would cost more than it leaves (independent audit,
         * thirty-seventh session: "or the budget …" among capacity causes
         * where the budget alone kept them out) */
        double least = s->objective.has_max_cost ? least_added_cost(s, plan, p, valued_track) : 0.0;
        double left = s->objective.max_cost - plan->cost;
        if (s->objective.has_max_cost && isfinite(least) &&
            least > left + 1e-9 * fmax(1.0, s->objective.max_cost)) {
            add(t, "; the budget (max_cost ");
            add_exact(t, s->objective.max_cost);
            add(t, " SEK) leaves %.2f SEK beside this plan, and adding them to it would cost at least %.2f "
                   "SEK (course travel, and a course group where none runs)",
                fmax(0.0, ceil(100.0 * left) / 100.0), floor(100.0 * least) / 100.0); /* both stay true */
        } else if (s->objective.has_max_cost) {
            add(t, "; or the budget (max_cost ");
            add_exact(t, s->objective.max_cost);
            add(t, " SEK) does not allow it");
        }
        if (plan->status == PLAN_FEASIBLE)
            add(t, "; the solve stopped before the plan was proven optimal");
    }

done:
    result = reach.failed ? NULL : finish(t);
    for (int k = 0; k < nt; k++)
        free(reach.list[k]);
    free(reach.list);
    free(reach.count);
    free(cand);
    free(keep);
    free(ok_track);
    return result;
}

/* The reason depends only on these fields of a participant, so
 * participants alike (same home, window, reach, list, …) share one. */
typedef struct CacheEntry {
    unsigned long long hash;
    unsigned char *key; /* owned */
    size_t keylen;
    char *reason;       /* owned */
} CacheEntry;

struct ReasonCache {
    const Scenario *s;
    const Plan *plan;
    CacheEntry *table; /* open addressing, cap a power of two, ≤ half full */
    size_t cap, count;
};

ReasonCache *reason_cache_new(const Scenario *s, const Plan *plan)
{
    ReasonCache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->s = s;
    c->plan = plan;
    c->cap = 64;
    c->table = calloc(c->cap, sizeof *c->table);
    if (!c->table) {
        free(c);
        return NULL;
    }
    return c;
}

#define KEY_HEAD_INTS 6 /* the int fields at the head of a participant's key */

static size_t participant_key(const Participant *p, unsigned char *buf)
{
    int head[KEY_HEAD_INTS] = {p->home, p->earliest_week, p->latest_week, p->can_relocate, (int)p->group, p->nprefs};
    size_t n = 0;
    memcpy(buf + n, head, sizeof head);
    n += sizeof head;
    /* the priority itself, not only whether it is 0: a gain within the
     * value tolerance (step 7b) depends on its size */
    memcpy(buf + n, &p->priority, sizeof p->priority);
    n += sizeof p->priority;
    memcpy(buf + n, &p->max_minutes, sizeof p->max_minutes);
    n += sizeof p->max_minutes;
    if (p->nprefs > 0) {
        memcpy(buf + n, p->prefs, (size_t)p->nprefs * sizeof *p->prefs);
        n += (size_t)p->nprefs * sizeof *p->prefs;
    }
    return n;
}

static unsigned long long fnv1a(const unsigned char *b, size_t n)
{
    unsigned long long h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static int cache_grow(ReasonCache *c)
{
    size_t cap = c->cap * 2;
    CacheEntry *t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->table[i].key)
            continue;
        size_t j = (size_t)c->table[i].hash & (cap - 1);
        while (t[j].key)
            j = (j + 1) & (cap - 1);
        t[j] = c->table[i];
    }
    free(c->table);
    c->table = t;
    c->cap = cap;
    return 0;
}

const char *reason_cache_get(ReasonCache *c, int participant)
{
    const Participant *p = &c->s->participants[participant];
    size_t max = sizeof(int) * KEY_HEAD_INTS + sizeof p->priority + sizeof p->max_minutes + (size_t)p->nprefs * sizeof(int);
    unsigned char *key = malloc(max);
    if (!key)
        return NULL;
    size_t n = participant_key(p, key);
    unsigned long long h = fnv1a(key, n);
    if ((c->count + 1) * 2 > c->cap && cache_grow(c) != 0) {
        free(key);
        return NULL;
    }
    size_t j = (size_t)h & (c->cap - 1);
    while (c->table[j].key) {
        CacheEntry *e = &c->table[j];
        if (e->hash == h && e->keylen == n && memcmp(e->key, key, n) == 0) {
            free(key);
            return e->reason;
        }
        j = (j + 1) & (c->cap - 1);
    }
    char *reason = unassigned_reason(c->s, c->plan, participant);
    if (!reason) {
        free(key);
        return NULL;
    }
    c->table[j] = (CacheEntry){h, key, n, reason};
    c->count++;
    return reason;
}

void reason_cache_free(ReasonCache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->cap; i++) {
        free(c->table[i].key);
        free(c->table[i].reason);
    }
    free(c->table);
    free(c);
}

void plan_fill_reasons(const Scenario *s, Plan *plan)
{
    ReasonCache *cache = reason_cache_new(s, plan);
    for (int i = 0; i < plan->nassignments && i < s->nparticipants; i++) {
        PlanAssignment *a = &plan->assignments[i];
        if (a->cohort >= 0 || a->reason)
            continue;
        const char *r = cache ? reason_cache_get(cache, i) : NULL;
        a->reason = r ? strdup(r) : unassigned_reason(s, plan, i);
    }
    reason_cache_free(cache);
}
