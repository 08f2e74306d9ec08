/*
 * random_scenario.c — writes a small random scenario directory, fully
 * determined by a seed, for cross-checking samplan against glpsol.
 *
 *   random_scenario SEED DIR
 *
 * 2–4 municipalities with explicit distances (sometimes asymmetric, sometimes
 * missing = unreachable, sometimes with one of minutes/km left to be derived),
 * 1–3 tracks with course and placement modules, 3–12 participants with varied
 * preferences, windows, max_minutes and relocation, 0–4 slots with some
 * reservations, a horizon of 8–20 weeks. Small enough that the plain
 * first-level program solves in well under a second.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng_state;

static uint64_t next(void)
{
    /* splitmix64 */
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform integer in [lo, hi]. */
static int rnd(int lo, int hi)
{
    return lo + (int)(next() % (uint64_t)(hi - lo + 1));
}

/* 1 with probability pct/100. */
static int chance(int pct)
{
    return rnd(1, 100) <= pct;
}

static FILE *open_in(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "random_scenario: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    return f;
}

static const char *groups[] = {"youth", "newcomer", "longterm", "other"};
static const char *genders[] = {"woman", "man", "other", "unknown"};

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: random_scenario SEED DIR\n", stderr);
        return 2;
    }
    char *end;
    unsigned long long seed = strtoull(argv[1], &end, 10);
    if (*end) {
        fputs("random_scenario: SEED must be an integer\n", stderr);
        return 2;
    }
    rng_state = seed * 1000003ULL + 12345ULL;
    const char *dir = argv[2];
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        fprintf(stderr, "random_scenario: %s: %s\n", dir, strerror(errno));
        return 1;
    }

    int W = rnd(8, 20);
    int nm = rnd(2, 4);
    int nt = rnd(1, 3);
    int np = rnd(3, 12);
    int ns = chance(10) ? 0 : rnd(1, 4);
    int clones = seed % 3 == 0 ? 2 + (int)((seed / 3) % 4) : 1;

    /* scenario.json */
    FILE *f = open_in(dir, "scenario.json");
    static const double steps[] = {0, 0.1, 0.25, 0.5};
    int coop = chance(80);
    fprintf(f, "{ \"name\": \"random-%llu\", \"start\": \"2027-01-04\", \"weeks\": %d,\n", seed, W);
    fprintf(f, "  \"cooperation\": %s,\n", coop ? "true" : "false");
    fprintf(f, "  \"travel\": { \"max_daily_minutes\": %d, \"speed_kmh\": %d, \"cost_per_km\": %d,"
               " \"days_per_week\": %d, \"accommodation_per_week\": %d, \"max_relocation_km\": %d },\n",
            rnd(4, 8) * 10, rnd(5, 9) * 10, rnd(1, 3), rnd(3, 5), rnd(1, 15) * 100, rnd(1, 4) * 100);
    fprintf(f, "  \"objective\": { \"group_weights\": {\"youth\": %d, \"newcomer\": %d, "
               "\"longterm\": %d, \"other\": %d}, \"preference_step\": %g",
            rnd(1, 3), rnd(1, 3), rnd(1, 3), rnd(0, 2), steps[rnd(0, 3)]);
    if (chance(20))
        fprintf(f, ", \"max_cost\": %d", rnd(0, 40) * 100);
    fprintf(f, " },\n  \"solver\": { \"time_limit_s\": 20, \"mip_gap\": 0 } }\n");
    fclose(f);

    /* municipalities and distances */
    f = open_in(dir, "municipalities.csv");
    fputs("code,name\n", f);
    for (int m = 0; m < nm; m++)
        fprintf(f, "0%d%02d,Town %c\n", 7, m + 1, 'A' + m);
    fclose(f);
    f = open_in(dir, "distances.csv");
    fputs("from,to,minutes,km\n", f);
    for (int a = 0; a < nm; a++)
        for (int b = a + 1; b < nm; b++) {
            if (chance(10))
                continue; /* unreachable pair */
            int km = rnd(1, 40) * 10;
            int min = rnd(2, 12) * 10;
            int form = rnd(0, 9);
            if (form == 0)
                fprintf(f, "0%d%02d,0%d%02d,,%d\n", 7, a + 1, 7, b + 1, km);
            else if (form == 1)
                fprintf(f, "0%d%02d,0%d%02d,%d,\n", 7, a + 1, 7, b + 1, min);
            else
                fprintf(f, "0%d%02d,0%d%02d,%d,%d\n", 7, a + 1, 7, b + 1, min, km);
            if (chance(20)) /* asymmetric reverse row */
                fprintf(f, "0%d%02d,0%d%02d,%d,%d\n", 7, b + 1, 7, a + 1, min + rnd(-1, 3) * 10 + 10,
                        km + rnd(0, 5) * 10);
        }
    fclose(f);

    /* tracks and modules */
    int has_course[3] = {0};
    f = open_in(dir, "tracks.csv");
    FILE *g = open_in(dir, "modules.csv");
    fputs("track,name,min_group,max_group,start_every,first_start\n", f);
    fputs("track,seq,name,kind,weeks,group_cost\n", g);
    for (int t = 0; t < nt; t++) {
        int mn = chance(70) ? 1 : rnd(2, 3);
        fprintf(f, "T%d,Track %d,%d,%d,%d,%d\n", t + 1, t + 1, mn, mn + rnd(0, 4), rnd(1, 5),
                rnd(1, 3));
        int nmod = rnd(1, 3);
        for (int k = 0; k < nmod; k++) {
            int course = chance(55);
            if (course) {
                has_course[t] = 1;
                fprintf(g, "T%d,%d,Course %d,course,%d,%d\n", t + 1, k + 1, k + 1, rnd(1, 3),
                        rnd(0, 10) * 50);
            } else {
                fprintf(g, "T%d,%d,Placement %d,placement,%d,\n", t + 1, k + 1, k + 1, rnd(1, 3));
            }
        }
    }
    fclose(f);
    fclose(g);

    /* centres */
    f = open_in(dir, "centres.csv");
    fputs("municipality,seats,max_groups,tracks,seat_price_per_week\n", f);
    for (int m = 0; m < nm; m++) {
        if (!chance(70))
            continue;
        char tracks[64] = "*";
        if (chance(30)) {
            tracks[0] = 0;
            for (int t = 0; t < nt; t++)
                if (chance(60)) {
                    char buf[32];
                    snprintf(buf, sizeof buf, "%sT%d", tracks[0] ? ";" : "", t + 1);
                    strcat(tracks, buf);
                }
            if (!tracks[0])
                snprintf(tracks, sizeof tracks, "T%d", rnd(1, nt));
        }
        fprintf(f, "0%d%02d,%d,%d,%s,%d\n", 7, m + 1, rnd(2, 8), rnd(1, 3), tracks,
                rnd(0, 3) * 100);
    }
    fclose(f);
    (void)has_course;

    /* participants */
    f = open_in(dir, "participants.csv");
    fputs("id,home,group,gender,tracks,earliest_week,latest_week,max_minutes,can_relocate,priority\n",
          f);
    for (int p = 0; p < np; p++) {
        char tracks[64] = "";
        if (chance(65)) {
            int perm[3] = {0, 1, 2};
            for (int i = nt - 1; i > 0; i--) {
                int j = rnd(0, i), x = perm[i];
                perm[i] = perm[j];
                perm[j] = x;
            }
            int k = rnd(1, nt);
            for (int i = 0; i < k; i++) {
                char buf[32];
                snprintf(buf, sizeof buf, "%sT%d", i ? ";" : "", perm[i] + 1);
                strcat(tracks, buf);
            }
        } else if (chance(30)) {
            strcpy(tracks, "*");
        }
        char earliest[16] = "", latest[16] = "", maxmin[16] = "", prio[16] = "";
        if (chance(30))
            snprintf(earliest, sizeof earliest, "%d", rnd(1, W / 2));
        if (chance(30)) {
            int lo = earliest[0] ? atoi(earliest) : 1;
            if (lo < W / 3)
                lo = W / 3;
            snprintf(latest, sizeof latest, "%d", rnd(lo, W));
        }
        if (chance(40))
            snprintf(maxmin, sizeof maxmin, "%d", rnd(3, 12) * 10);
        if (chance(30))
            snprintf(prio, sizeof prio, "%d", rnd(0, 3));
        char rest[256];
        snprintf(rest, sizeof rest, "0%d%02d,%s,%s,%s,%s,%s,%s,%d,%s", 7, rnd(1, nm), groups[rnd(0, 3)],
                 genders[rnd(0, 3)], tracks, earliest, latest, maxmin, chance(30), prio);
        /* every third seed repeats each participant 2–5 times: identical
         * participants form one class in samplan's program (not in the
         * --plain one), so the cross-check covers class counts > 1 */
        for (int c = 0; c < clones; c++)
            fprintf(f, "q%d_%d,%s\n", p + 1, c + 1, rest);
    }
    fclose(f);

    /* slots and reservations */
    f = open_in(dir, "slots.csv");
    fputs("id,municipality,capacity,from_week,to_week,tracks,employer,owner,permanent\n", f);
    for (int s = 0; s < ns; s++) {
        int from = rnd(1, W / 3), to = rnd(from + W / 3, W);
        char tracks[16] = "*";
        if (chance(30))
            snprintf(tracks, sizeof tracks, "T%d", rnd(1, nt));
        fprintf(f, "S%d,0%d%02d,%d,%d,%d,%s,Employer %d,AME,%d\n", s + 1, 7, rnd(1, nm),
                chance(10) ? 0 : rnd(1, 4), from, to, tracks, s + 1, chance(50));
    }
    fclose(f);
    f = open_in(dir, "reservations.csv");
    fputs("slot,from_week,to_week,count,holder\n", f);
    if (ns > 0) {
        int nr = rnd(0, 3);
        for (int r = 0; r < nr; r++) {
            int from = rnd(1, W), to = rnd(from, W);
            fprintf(f, "S%d,%d,%d,%d,school\n", rnd(1, ns), from, to, rnd(1, 2));
        }
    }
    fclose(f);
    return 0;
}
