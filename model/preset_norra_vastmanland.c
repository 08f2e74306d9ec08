/*
 * preset_norra_vastmanland.c — Fagersta, Norberg and Skinnskatteberg (seed
 * 003_3d2ff8e93f2f529f.txt). Participants are a sample of the seed's table
 * of target groups per municipality × group × gender, with its "without
 * completed upper-secondary school" counts: those participants may only
 * choose the tracks that begin with a basic (grundläggande) module. Courses
 * at the joint adult-education centre NVU in Fagersta and two small sites.
 */
#include "generate.h"

#include <string.h>

#define NMUNI 3
#define NTRACKS 6

static const char *const codes[NMUNI] = {"1982", "1962", "1904"}; /* Fagersta, Norberg, Skinnskatteberg */

static const GenTrack tracks[NTRACKS] = {
    {"industri", "Spår 1 Industri: montör, bygg, industri bas", 4, 20, 8, 1,
     {{"Industri bas (grundläggande)", "course", 6, 80000},
      {"Montering, svetsning och bygg", "course", 8, 160000},
      {"Praktik i industrin", "placement", 8, 0}}},
    {"storkok", "Spår 2 Storkök: köks- och måltidsbiträde", 3, 16, 8, 3,
     {{"Grundläggande svenska och matematik", "course", 4, 50000},
      {"Kök och livsmedelshygien", "course", 8, 110000},
      {"Praktik i storkök", "placement", 6, 0}}},
    {"fastighet", "Spår 3 Fastighet: fastighetsskötare", 3, 14, 8, 5,
     {{"Fastighetsskötsel (yrkesvux, gymnasial nivå)", "course", 12, 170000},
      {"Praktik i fastighetsförvaltning", "placement", 8, 0}}},
    {"skog", "Spår 4 Skog och natur: skogs-, park- och trädgårdsarbetare", 3, 12, 8, 5,
     {{"Grundläggande svenska och matematik", "course", 4, 50000},
      {"Skog, park och trädgård", "course", 8, 120000},
      {"Praktik skog och park", "placement", 8, 0}}},
    {"handel", "Spår 5 Handel: dagligvaruhandelsbiträde", 3, 16, 6, 1,
     {{"Grundläggande svenska och matematik", "course", 4, 50000},
      {"Handel och service", "course", 6, 80000},
      {"Praktik i dagligvaruhandeln", "placement", 6, 0}}},
    {"vard", "Spår 6 Vård och omsorg: vårdbiträde och serviceassistent", 4, 20, 8, 1,
     {{"Vårdbiträde (yrkesvux, gymnasial nivå)", "course", 12, 190000},
      {"Praktik i vård och omsorg", "placement", 8, 0}}},
};

/* Tracks open without completed upper-secondary school: those that begin
 * with a basic module (industri, storkok, skog, handel). */
static const unsigned char basic_ok[NTRACKS] = {1, 1, 0, 1, 1, 0};
static const double track_w[NTRACKS] = {0.22, 0.15, 0.12, 0.13, 0.16, 0.22};

/* Seed 003's table: [municipality][row][gender K, M] = {total, without
 * completed upper-secondary}. Rows: youth, foreign-born not youth,
 * long-term unemployed (not youth, not foreign-born). */
static const int table[NMUNI][3][2][2] = {
    {{{57, 19}, {63, 33}}, {{252, 143}, {222, 129}}, {{38, 10}, {49, 6}}},
    {{{18, 10}, {38, 19}}, {{61, 46}, {69, 32}}, {{20, 9}, {22, 7}}},
    {{{8, 3}, {17, 9}}, {{33, 22}, {28, 12}}, {{14, 6}, {14, 4}}},
};
/* Of the foreign-born: in the establishment programme [municipality][K, M]. */
static const int establishment[NMUNI][2] = {{25, 15}, {8, 4}, {3, 2}};

/* Cells: municipality × gender × {youth, newcomer, longterm, other} × {without, with}. */
#define NCELLS (NMUNI * 2 * 4 * 2)

static void cell_weights(double *w)
{
    for (int m = 0; m < NMUNI; m++)
        for (int g = 0; g < 2; g++) {
            double *c = w + (m * 2 + g) * 8;
            const int *y = table[m][0][g], *f = table[m][1][g], *l = table[m][2][g];
            double est = establishment[m][g];
            double fshare = (double)f[1] / (double)f[0]; /* without-share of the foreign-born */
            c[0 * 2 + 0] = y[1];                         /* youth, without */
            c[0 * 2 + 1] = y[0] - y[1];                  /* youth, with */
            c[1 * 2 + 0] = est * fshare;                 /* newcomer */
            c[1 * 2 + 1] = est * (1 - fshare);
            c[2 * 2 + 0] = l[1];                         /* longterm */
            c[2 * 2 + 1] = l[0] - l[1];
            c[3 * 2 + 0] = (f[0] - est) * fshare;        /* other foreign-born */
            c[3 * 2 + 1] = (f[0] - est) * (1 - fshare);
        }
}

static const char readme[] =
    "# norra-vastmanland — Fagersta, Norberg, Skinnskatteberg\n"
    "\n"
    "Three neighbouring municipalities with a joint adult-education federation\n"
    "(NVU) and six local job tracks. Participants are drawn from the agreement's\n"
    "own table of target groups, so results can be followed up by group and\n"
    "gender as the steering group does.\n"
    "\n"
    "## Facts and where they come from\n"
    "\n"
    "| fact | source |\n"
    "|---|---|\n"
    "| The three municipalities and their joint federation NVU (adult education, vocational adult education) | `003_3d2ff8e93f2f529f.txt` |\n"
    "| The table of target groups per municipality, group and gender, with \"without completed upper-secondary school\" in parentheses, and those in the establishment programme | `003_3d2ff8e93f2f529f.txt` (table reproduced in BRIEF.md) |\n"
    "| The six local tracks: 1 industry (assembler, construction, industry basics), 2 institutional kitchen, 3 property maintenance, 4 forest and park, 5 retail, 6 health and social care | `003_3d2ff8e93f2f529f.txt` |\n"
    "| Follow-up by group and gender (equality perspective) | `003_3d2ff8e93f2f529f.txt` |\n"
    "| Codes, seat coordinates, population | `/work/shared/data/municipalities.csv` |\n"
    "\n"
    "## How the table becomes participants\n"
    "\n"
    "- Groups: youth → `youth`; foreign-born in the establishment programme →\n"
    "  `newcomer`; other foreign-born (not youth) → `other`; unemployed more than\n"
    "  12 months (not youth, not foreign-born) → `longterm`. Genders K/M →\n"
    "  `woman`/`man`.\n"
    "- The table has 1 023 people. **Sampling share 25 %** (256 participants by\n"
    "  default): the people who would start a job track within one year, and an\n"
    "  instance that solves in seconds. The 48 cells (municipality × gender ×\n"
    "  group × with/without upper-secondary school) are apportioned exactly to\n"
    "  the requested number by largest remainder; `--participants N` rescales.\n"
    "- The table gives \"without upper-secondary school\" for the foreign-born as\n"
    "  a whole, not for the establishment programme: the same share is applied\n"
    "  to both parts.\n"
    "- **Reading of the prerequisite.** Tracks 3 (property maintenance) and 6\n"
    "  (care) start directly with a vocational course at upper-secondary level\n"
    "  (yrkesvux), which requires completed upper-secondary school. Tracks 1, 2,\n"
    "  4 and 5 start with a basic module (industry basics; basic Swedish and\n"
    "  mathematics). Participants without completed upper-secondary school list\n"
    "  only tracks 1, 2, 4 and 5; the others may list any track. The column\n"
    "  is not in participants.csv: it shows only through the track lists.\n"
    "\n"
    "## Assumptions (not in the seed) and why they are plausible\n"
    "\n"
    "| assumption | value | why plausible |\n"
    "|---|---|---|\n"
    "| Modules | 4–12 weeks, placements 6–8 weeks, tracks 16–22 weeks; cohorts every 6–8 weeks, staggered by track | usual lengths of orientation, basic and yrkesvux modules |\n"
    "| min_group | 4 (industry, care), 3 (kitchen, property, forest, retail) | small yrkesvux groups of 3–4 are common |\n"
    "| max_group | industry and care 20, kitchen and retail 16, property 14, forest 12 | NVU is a joint federation for 40 000 inhabitants: normal class sizes, so one group per track and intake usually suffices |\n"
    "| group_cost | 50 000–190 000 SEK per module and group | about 12 000–16 000 SEK per group-week of teaching |\n"
    "| Preference lists | 1–3 tracks, first choice by popularity (industry and care 22 % each, retail 16 %, kitchen 15 %, forest 13 %, property 12 %), the same for women and men | the table in `003_3d2ff8e93f2f529f.txt` gives no preferences |\n"
    "| Start window | one intake round per participant: weeks 1–8, 9–16, 17–24 or 25–32 | a round holds one start of each track (two of retail, every 6 weeks); forest starts in week 5, 13, … so its placement falls in the season |\n"
    "| Centres | NVU in Fagersta 120 seats / 10 groups, all tracks; Norberg 24/2 (kitchen, retail); Skinnskatteberg 16/2 (forest and park — a forest municipality) | NVU serves all three municipalities (`003_3d2ff8e93f2f529f.txt`); after its dissolution in 2021 the three cooperate by agreement: `seat_price_per_week` 600 SEK |\n"
    "| Travel | road factor 1.3; all three seats are within 35 minutes of each other | everyone can commute; nobody needs to relocate |\n"
    "| Placement slots | Fagersta (13 000 inh.): industry 12, kitchen 12, property 6, park 6 (weeks 14–44), retail 9, elderly care 12; Norberg (5 800): 5, 6, 3, 5, 5, 6; Skinnskatteberg (4 400): industry 3, kitchen 6, forest 5, retail 3, care 5 | several employers per track and municipality, each taking one to three trainees; the municipal kitchen unit runs the kitchens of schools, preschools and care homes |\n"
    "\n"
    "Earlier versions had NVU at 64 seats / 5 groups, 1–6 places per slot and max_group 8–14: seats and slots were just binding and GLPK could not prove optimality within 60 s.\n"
    "\n"
    "## What the plan shows\n"
    "\n"
    "The base places 250 of 256 (the 6 others want only forest and park in the last intake, whose placement would fall after the season); 79 take a course in a neighbouring municipality and 21 of 24 cohorts mix home municipalities. `alone` places 199: Norberg and Skinnskatteberg residents can then only take the tracks their own small sites host. `nvu-only` places 249: NVU alone has room for nearly everyone, at lower cost.\n"
    "\n"
    "## Variants\n"
    "\n"
    "| variant | change | question |\n"
    "|---|---|---|\n"
    "| `alone` | `cooperation: false` | each municipality on its own (Norberg and Skinnskatteberg host only some tracks) |\n"
    "| `nvu-only` | `files.centres: centres-nvu.csv` | all courses at NVU in Fagersta |\n"
    "\n"
    "## Solve times\n"
    "\n"
    "Measured 2026-12-07 on a 2-core AMD EPYC virtual machine (idle; the median of\n"
    "three runs) with\n"
    "\n"
    "    ./build/samplan solve scenarios/norra-vastmanland [--variant V] -o /tmp/out --force --quiet --time-limit 60\n"
    "\n"
    "and the same with `--jobs 1` (one worker process; the default is one per\n"
    "processor, here two, which race on a program that does not split).\n"
    "\n"
    "| run | status | value | assigned | unassigned | seconds | seconds, `--jobs 1` |\n"
    "|---|---|---:|---:|---:|---:|---:|\n"
    "| base | optimal | 249.3 | 250 | 6 | 0.17 | 0.13 |\n"
    "| `alone` | optimal | 195.4 | 199 | 57 | 0.11 | 0.11 |\n"
    "| `nvu-only` | optimal | 247.9 | 249 | 7 | 0.06 | 0.05 |\n";

static int build(const GenParams *params, GenOutput *out)
{
    GenBuf *b = gen_file(out, "scenario.json");
    if (!b)
        return -1;
    genbuf_puts(b,
                "{\n"
                "  \"name\": \"Norra Västmanland\",\n"
                "  \"start\": \"2027-01-04\",\n"
                "  \"weeks\": 52,\n"
                "  \"cooperation\": true,\n"
                "  \"travel\": {\"max_daily_minutes\": 60, \"road_factor\": 1.3, \"speed_kmh\": 70,\n"
                "             \"cost_per_km\": 2.5, \"days_per_week\": 5,\n"
                "             \"accommodation_per_week\": 1500, \"max_relocation_km\": 400},\n"
                "  \"solver\": {\"time_limit_s\": 60, \"mip_gap\": 0},\n"
                "  \"variants\": {\n"
                "    \"alone\": {\"cooperation\": false},\n"
                "    \"nvu-only\": {\"files\": {\"centres\": \"centres-nvu.csv\"}}\n"
                "  }\n"
                "}\n");

    gen_municipalities(out, codes, NMUNI);

    b = gen_file(out, "centres.csv");
    if (!b)
        return -1;
    genbuf_puts(b, GEN_HDR_CENTRES);
    genbuf_puts(b, "1982,120,10,*,600\n"
                   "1962,24,2,storkok;handel,600\n"
                   "1904,16,2,skog,600\n");
    b = gen_file(out, "centres-nvu.csv");
    if (!b)
        return -1;
    genbuf_puts(b, GEN_HDR_CENTRES);
    genbuf_puts(b, "1982,120,10,*,600\n");

    gen_tracks(out, tracks, NTRACKS);

    double w[NCELLS];
    long per[NCELLS];
    cell_weights(w);
    gen_apportion(w, NCELLS, params->participants, per);
    Rng rng;
    rng_seed(&rng, params->seed, "norra-vastmanland/participants");
    static const int earliest[] = {1, 9, 17, 25};
    b = gen_file(out, "participants.csv");
    if (!b)
        return -1;
    genbuf_puts(b, GEN_HDR_PARTICIPANTS);
    long index = 0;
    for (int m = 0; m < NMUNI; m++)
        for (int g = 0; g < 2; g++)
            for (int grp = 0; grp < 4; grp++)
                for (int basic = 0; basic < 2; basic++) {
                    long n = per[((m * 2 + g) * 4 + grp) * 2 + basic];
                    for (long k = 0; k < n; k++) {
                        char prefs[256];
                        gen_prefs(&rng, tracks, track_w, basic == 0 ? basic_ok : NULL, NTRACKS, 3,
                                  0.5, prefs);
                        int first = gen_earliest(&rng, earliest, 4);
                        GenPerson p = {
                            .home = codes[m],
                            .group = gen_group_names[grp],
                            .gender = g == 0 ? "woman" : "man",
                            .prefs = prefs,
                            .earliest = first,
                            .latest = first + 7, /* one intake round of 8 weeks */
                        };
                        gen_participant_row(b, ++index, params->participants, &p);
                    }
                }

    static const struct { int muni; const char *track, *employer, *owner; int cap, from, to; } slots[] = {
        {0, "industri", "verkstadsindustri", "AF", 12, 1, 52},
        {0, "storkok", "kommunens kostenhet", "kommun", 12, 1, 52},
        {0, "fastighet", "kommunalt fastighetsbolag", "kommun", 6, 1, 52},
        {0, "skog", "kommunens parkenhet", "kommun", 6, 14, 44},
        {0, "handel", "livsmedelsbutik", "AF", 9, 1, 52},
        {0, "vard", "kommunens äldreomsorg", "kommun", 12, 1, 52},
        {1, "industri", "verkstadsindustri", "AF", 5, 1, 52},
        {1, "storkok", "kommunens kostenhet", "kommun", 6, 1, 52},
        {1, "fastighet", "kommunalt fastighetsbolag", "kommun", 3, 1, 52},
        {1, "skog", "skogsentreprenör", "AF", 5, 14, 44},
        {1, "handel", "livsmedelsbutik", "AF", 5, 1, 52},
        {1, "vard", "kommunens äldreomsorg", "kommun", 6, 1, 52},
        {2, "industri", "verkstadsindustri", "AF", 3, 1, 52},
        {2, "storkok", "kommunens kostenhet", "kommun", 6, 1, 52},
        {2, "skog", "skogsbolag", "AF", 5, 14, 44},
        {2, "handel", "livsmedelsbutik", "AF", 3, 1, 52},
        {2, "vard", "kommunens äldreomsorg", "kommun", 5, 1, 52},
    };
    b = gen_file(out, "slots.csv");
    if (!b)
        return -1;
    genbuf_puts(b, GEN_HDR_SLOTS);
    for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
        genbuf_printf(b, "NV-%s-%s,%s,%d,%d,%d,%s,%s,%s,%d\n", codes[slots[i].muni], slots[i].track,
                      codes[slots[i].muni],
                      gen_scale(slots[i].cap, params->participants,
                                preset_norra_vastmanland.default_participants),
                      slots[i].from, slots[i].to, slots[i].track, slots[i].employer,
                      slots[i].owner, strcmp(slots[i].owner, "kommun") == 0);

    b = gen_file(out, "reservations.csv");
    if (!b)
        return -1;
    genbuf_puts(b, GEN_HDR_RESERVATIONS);

    b = gen_file(out, "README.md");
    if (!b)
        return -1;
    genbuf_puts(b, readme);
    gen_readme_footer(b, "norra-vastmanland", params, out);
    return 0;
}

const Preset preset_norra_vastmanland = {"norra-vastmanland",
                                         "Fagersta, Norberg, Skinnskatteberg (participants from seed 003's table)",
                                         256, build};
