/*
 * preset_national.c — all 290 municipalities, for benchmarks (not shipped
 * as a scenario directory). Participants in proportion to population
 * (default 50 000), a learning centre in every municipality of at least
 * 25 000 inhabitants hosting every track, placement slots in every
 * municipality scaled with its participants. Same tracks as sikt-inland
 * plus retail, so results are comparable in kind.
 */
#include "generate.h"

#include <stdlib.h>

#define NTRACKS 6

static const GenTrack tracks[NTRACKS] = {
    {"vard", "Vård och omsorg: vårdbiträde", 5, 14, 8, 1,
     {{"Yrkessvenska och orientering vård", "course", 6, 90000},
      {"Vårdbiträde (yrkesvux)", "course", 10, 160000},
      {"Praktik i äldreomsorgen", "placement", 6, 0}}},
    {"industri", "Industri och verkstad: industri bas", 5, 12, 8, 3,
     {{"Orientering industri", "course", 4, 50000},
      {"Industriteknik bas", "course", 8, 180000},
      {"Praktik i industrin", "placement", 8, 0}}},
    {"kok", "Restaurang och storkök: måltidsbiträde", 4, 12, 8, 5,
     {{"Kök och livsmedelshygien", "course", 8, 110000},
      {"Praktik i storkök", "placement", 6, 0}}},
    {"handel", "Handel: butiksbiträde", 4, 12, 8, 7,
     {{"Handel och service", "course", 6, 80000},
      {"Praktik i handeln", "placement", 6, 0}}},
    {"transport", "Transport: lastbilsförare", 4, 8, 8, 1,
     {{"Yrkessvenska transport", "course", 4, 60000},
      {"Lastbilsförare (C/CE, YKB)", "course", 12, 300000},
      {"Praktik på åkeri", "placement", 4, 0}}},
    {"barn", "Barnomsorg: barnskötare", 4, 12, 8, 5,
     {{"Förberedande svenska och matematik", "course", 6, 60000},
      {"Barnskötare (yrkesvux)", "course", 10, 150000},
      {"Praktik i förskolan", "placement", 6, 0}}},
};
static const double track_w[NTRACKS] = {0.25, 0.20, 0.15, 0.15, 0.10, 0.15};

static const char readme[] =
    "# national — all 290 municipalities (benchmark instance)\n"
    "\n"
    "A synthetic instance for benchmarks and scaling tests, not a real\n"
    "agreement. Municipalities, seat coordinates and populations are real\n"
    "(`/work/shared/data/municipalities.csv`: SCB 2020-12-31, GeoNames);\n"
    "everything else is an assumption:\n"
    "\n"
    "- participants in proportion to population (largest remainder), groups\n"
    "  35 % newcomer, 25 % longterm, 20 % youth, 20 % other; 15 % may relocate;\n"
    "  start from week 1, 9, 17 or 25; 1–3 tracks each;\n"
    "- six tracks of 12–22 weeks, cohorts every 8 weeks;\n"
    "- a centre in every municipality of at least 25 000 inhabitants, all\n"
    "  tracks, seats 20 + participants/10 (at most 600), one group per 12 seats,\n"
    "  900 SEK per participant-week;\n"
    "- one slot row per municipality and track, capacity 1 + (participants in\n"
    "  the municipality)/40;\n"
    "- Gotland is an island: its seat coordinates give a great-circle distance\n"
    "  that no road follows. Without a distances.csv row it is treated as\n"
    "  reachable by road, a known simplification of this benchmark.\n";

static int build(const GenParams *params, GenOutput *out)
{
    int n = municipality_row_count;
    const char **codes = malloc((size_t)n * sizeof *codes);
    double *pop = malloc((size_t)n * sizeof *pop);
    long *per = malloc((size_t)n * sizeof *per);
    int rc = -1;
    if (!codes || !pop || !per)
        goto done;
    for (int i = 0; i < n; i++) {
        codes[i] = municipality_rows[i].code;
        pop[i] = (double)municipality_rows[i].population;
    }
    gen_apportion(pop, n, params->participants, per);

    GenBuf *b = gen_file(out, "scenario.json");
    if (!b)
        goto done;
    genbuf_puts(b,
                "{\n"
                "  \"name\": \"National benchmark\",\n"
                "  \"start\": \"2027-01-04\",\n"
                "  \"weeks\": 52,\n"
                "  \"cooperation\": true,\n"
                "  \"travel\": {\"max_daily_minutes\": 60, \"road_factor\": 1.3, \"speed_kmh\": 70,\n"
                "             \"cost_per_km\": 2.5, \"days_per_week\": 5,\n"
                "             \"accommodation_per_week\": 1500, \"max_relocation_km\": 400},\n"
                "  \"solver\": {\"time_limit_s\": 600, \"mip_gap\": 0.001},\n"
                "  \"variants\": {\n"
                "    \"alone\": {\"cooperation\": false}\n"
                "  }\n"
                "}\n");
    gen_municipalities(out, (const char *const *)codes, n);

    b = gen_file(out, "centres.csv");
    if (!b)
        goto done;
    genbuf_puts(b, GEN_HDR_CENTRES);
    for (int i = 0; i < n; i++) {
        if (municipality_rows[i].population < 25000)
            continue;
        long seats = 20 + per[i] / 10;
        if (seats > 600)
            seats = 600;
        long groups = seats / 12 > 0 ? seats / 12 : 1;
        genbuf_printf(b, "%s,%ld,%ld,*,900\n", codes[i], seats, groups);
    }
    gen_tracks(out, tracks, NTRACKS);

    static const int earliest[] = {1, 9, 17, 25};
    GenPeople people = {
        .codes = (const char *const *)codes, .muni_weight = pop, .nmuni = n,
        .group_w = {0.20, 0.35, 0.25, 0.20},
        .man_share = {0.55, 0.5, 0.55, 0.5},
        .tracks = tracks, .track_w = track_w, .ntracks = NTRACKS,
        .maxlen = 3, .p_more = 0.5,
        .earliest = earliest, .nearliest = 4,
        .relocate = {0.15, 0.15, 0.15, 0.15},
    };
    Rng rng;
    rng_seed(&rng, params->seed, "national/participants");
    gen_people(out, &rng, &people, params->participants);

    b = gen_file(out, "slots.csv");
    if (!b)
        goto done;
    genbuf_puts(b, GEN_HDR_SLOTS);
    for (int i = 0; i < n; i++)
        for (int t = 0; t < NTRACKS; t++)
            genbuf_printf(b, "NA-%s-%s,%s,%ld,1,52,%s,,AF,0\n", codes[i], tracks[t].id, codes[i],
                          1 + per[i] / 40, tracks[t].id);

    b = gen_file(out, "reservations.csv");
    if (!b)
        goto done;
    genbuf_puts(b, GEN_HDR_RESERVATIONS);

    b = gen_file(out, "README.md");
    if (!b)
        goto done;
    genbuf_puts(b, readme);
    gen_readme_footer(b, "national", params, out);
    rc = 0;
done:
    free(codes);
    free(pop);
    free(per);
    return rc;
}

const Preset preset_national = {"national", "all 290 municipalities, for benchmarks", 50000, build};
