/*
 * preset_kronoberg.c — the eight municipalities of Kronoberg county (seed
 * 002_6a7fb26a8c584c1e.txt): vocational adult education bought across
 * municipalities, so centres host only some tracks (Växjö broad, Alvesta
 * bus/truck driver training and apprenticeships, Uppvidinge industry and
 * construction) and charge a seat price that settlement nets. Variants
 * compare the East and West grant constellations.
 */
#include "generate.h"

#include <string.h>

#define NMUNI 8
#define NTRACKS 6

static const char *const codes[NMUNI] = {"0760", "0761", "0763", "0764",
                                         "0765", "0767", "0780", "0781"};

static const GenTrack tracks[NTRACKS] = {
    {"vard", "Vård och omsorg: undersköterska", 4, 20, 8, 1,
     {{"Yrkessvenska vård", "course", 6, 90000},
      {"Vård och omsorg (yrkesvux)", "course", 14, 240000},
      {"Praktik i vård och omsorg", "placement", 6, 0}}},
    {"buss", "Persontransport: bussförare", 4, 12, 8, 3,
     {{"Yrkessvenska transport", "course", 4, 60000},
      {"Bussförare (behörighet D, YKB)", "course", 12, 320000},
      {"Praktik i linjetrafik", "placement", 4, 0}}},
    {"lastbil", "Godstransport: lastbilsförare", 4, 12, 8, 5,
     {{"Yrkessvenska transport", "course", 4, 60000},
      {"Lastbilsförare (behörighet C/CE, YKB)", "course", 12, 300000},
      {"Praktik på åkeri", "placement", 4, 0}}},
    {"industri", "Industri: maskinoperatör", 4, 16, 8, 1,
     {{"Industri bas", "course", 6, 90000},
      {"CNC och montering", "course", 10, 200000},
      {"Praktik i industrin", "placement", 8, 0}}},
    {"bygg", "Bygg: byggarbetare", 4, 14, 8, 5,
     {{"Bygg bas och arbetsmiljö", "course", 8, 130000},
      {"Praktik på byggarbetsplats", "placement", 10, 0}}},
    {"larling", "Lärling: handel och service", 3, 16, 4, 1,
     {{"Introduktion till lärlingsutbildning", "course", 2, 30000},
      {"Lärlingsperiod på arbetsplats", "placement", 16, 0}}},
};
static const double track_w[NTRACKS] = {0.25, 0.12, 0.13, 0.20, 0.15, 0.15};

static const struct { const char *code; int seats, groups; const char *tracks; int price; } centres[] = {
    {"0760", 24, 3, "industri;bygg", 1000},      /* Uppvidinge: industry, construction */
    {"0764", 36, 4, "buss;lastbil;larling", 1500}, /* Alvesta: drivers, apprenticeships */
    {"0765", 24, 3, "vard;industri", 1000},      /* Älmhult */
    {"0767", 16, 2, "vard", 1000},               /* Markaryd */
    {"0780", 90, 8, "vard;industri;bygg", 1100}, /* Växjö: broad offering */
    {"0781", 48, 5, "vard;industri;larling", 1000}, /* Ljungby */
};
#define NCENTRES (int)(sizeof centres / sizeof centres[0])
static const char *const east[] = {"0760", "0764", "0780"};
static const char *const west[] = {"0765", "0767", "0781"};

static const char readme[] =
    "# kronoberg — eight municipalities buying vocational courses from each other\n"
    "\n"
    "Vocational adult education is bought across municipal borders with\n"
    "inter-municipal compensation: each centre hosts only the tracks it offers,\n"
    "and the home municipality pays the host per participant-week\n"
    "(`seat_price_per_week`), which `settlement.csv` nets.\n"
    "\n"
    "## Facts and where they come from\n"
    "\n"
    "| fact | source |\n"
    "|---|---|\n"
    "| The eight municipalities Alvesta, Lessebo, Ljungby, Markaryd, Tingsryd, Uppvidinge, Växjö, Älmhult | `002_6a7fb26a8c584c1e.txt` |\n"
    "| Vocational adult education (yrkesvux) bought with inter-municipal compensation → `seat_price_per_week` | `002_6a7fb26a8c584c1e.txt` |\n"
    "| Växjö has a large offering that Lessebo and others buy → Växjö centre hosts care, industry, construction | `002_6a7fb26a8c584c1e.txt` |\n"
    "| Alvesta runs bus and truck driver training used by Uppvidinge, Växjö and Lessebo, and apprenticeships open to the whole region → Alvesta hosts `buss`, `lastbil`, `larling` | `002_6a7fb26a8c584c1e.txt` |\n"
    "| Uppvidinge runs industry and construction training used by Lessebo and Växjö → Uppvidinge hosts `industri`, `bygg` | `002_6a7fb26a8c584c1e.txt` |\n"
    "| Grant constellations East (Växjö, Alvesta, Lessebo, Uppvidinge) and West (Ljungby, Markaryd, Älmhult); Tingsryd cooperates with Blekinge (no centre here) | `002_6a7fb26a8c584c1e.txt` |\n"
    "| Älmhult, Markaryd and Ljungby cooperate somewhat; often closer to go across the county border | `002_6a7fb26a8c584c1e.txt` |\n"
    "| Many newcomers leaving the establishment programme | `002_6a7fb26a8c584c1e.txt` |\n"
    "| Codes, seat coordinates, population | `/work/shared/data/municipalities.csv` |\n"
    "\n"
    "## Assumptions (not in the seed) and why they are plausible\n"
    "\n"
    "- **Participants: 300** in proportion to population (Växjö about half).\n"
    "  Groups 35 % newcomer, 25 % longterm, 20 % youth, 20 % other; 10 % may\n"
    "  relocate. Start from week 1, 9, 17 or 25.\n"
    "- **Tracks**: care assistant (undersköterska), bus driver, truck driver,\n"
    "  industry operator, construction worker, apprenticeship in retail/service\n"
    "  (short course, 16-week workplace period). 18–26 weeks; shortage\n"
    "  occupations of the region. Driver courses are expensive (300 000–\n"
    "  320 000 SEK per group: vehicles and driving instructors).\n"
    "- **Centres**: Ljungby, Älmhult and Markaryd (West) host care and some\n"
    "  industry; Lessebo buys everything (no centre); Tingsryd buys in Blekinge,\n"
    "  outside this scenario (no centre). Seats 8–60, 1–5 groups by size.\n"
    "- **Seat prices** 1 000–1 500 SEK per participant-week: yrkesvux\n"
    "  compensation of roughly 40 000–60 000 SEK per full-time year; driver\n"
    "  training at the top.\n"
    "- **Slots** in every municipality for care, industry, construction (weeks\n"
    "  10–48), truck and retail; bus depots in Växjö, Alvesta, Ljungby and\n"
    "  Älmhult; capacity 1 + population/15 000.\n"
    "- Travel: road factor 1.3, 70 km/h, 60 minutes; Växjö–Ljungby (about\n"
    "  67 min) and Växjö–Älmhult (about 61 min) are just beyond a daily commute.\n"
    "\n"
    "## Variants\n"
    "\n"
    "| variant | change | question |\n"
    "|---|---|---|\n"
    "| `alone` | `cooperation: false` | no buying across borders |\n"
    "| `east-only` | `files.centres: centres-east.csv` | only the East constellation's centres (Växjö, Alvesta, Uppvidinge) |\n"
    "| `west-only` | `files.centres: centres-west.csv` | only the West constellation's centres (Ljungby, Markaryd, Älmhult) |\n"
    "| `travel-75` | `max_daily_minutes: 75` | would a slightly longer commute join East and West? |\n";

static int in_list(const char *code, const char *const *list, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(code, list[i]) == 0)
            return 1;
    return 0;
}

static int write_centres(GenOutput *out, const char *name, const char *const *only, int nonly)
{
    GenBuf *b = gen_file(out, name);
    if (!b)
        return -1;
    genbuf_puts(b, GEN_HDR_CENTRES);
    for (int i = 0; i < NCENTRES; i++)
        if (!only || in_list(centres[i].code, only, nonly))
            genbuf_printf(b, "%s,%d,%d,%s,%d\n", centres[i].code, centres[i].seats,
                          centres[i].groups, centres[i].tracks, centres[i].price);
    return 0;
}

static int build(const GenParams *params, GenOutput *out)
{
    GenBuf *b = gen_file(out, "scenario.json");
    if (!b)
        return -1;
    genbuf_puts(b,
                "{\n"
                "  \"name\": \"Kronoberg\",\n"
                "  \"start\": \"2027-01-04\",\n"
                "  \"weeks\": 52,\n"
                "  \"cooperation\": true,\n"
                "  \"travel\": {\"max_daily_minutes\": 60, \"road_factor\": 1.3, \"speed_kmh\": 70,\n"
                "             \"cost_per_km\": 2.5, \"days_per_week\": 5,\n"
                "             \"accommodation_per_week\": 1500, \"max_relocation_km\": 400},\n"
                "  \"solver\": {\"time_limit_s\": 60, \"mip_gap\": 0},\n"
                "  \"variants\": {\n"
                "    \"alone\": {\"cooperation\": false},\n"
                "    \"east-only\": {\"files\": {\"centres\": \"centres-east.csv\"}},\n"
                "    \"west-only\": {\"files\": {\"centres\": \"centres-west.csv\"}},\n"
                "    \"travel-75\": {\"travel\": {\"max_daily_minutes\": 75}}\n"
                "  }\n"
                "}\n");
    gen_municipalities(out, codes, NMUNI);
    if (write_centres(out, "centres.csv", NULL, 0) || write_centres(out, "centres-east.csv", east, 3)
        || write_centres(out, "centres-west.csv", west, 3))
        return -1;
    gen_tracks(out, tracks, NTRACKS);

    double pop[NMUNI];
    for (int i = 0; i < NMUNI; i++) {
        const MunicipalityRow *m = municipality_row(codes[i]);
        pop[i] = m ? (double)m->population : 0;
    }
    static const int earliest[] = {1, 9, 17, 25};
    GenPeople people = {
        .codes = codes, .muni_weight = pop, .nmuni = NMUNI,
        .group_w = {0.20, 0.35, 0.25, 0.20},
        .man_share = {0.55, 0.5, 0.55, 0.5},
        .tracks = tracks, .track_w = track_w, .ntracks = NTRACKS,
        .maxlen = 2, .p_more = 0.5,
        .earliest = earliest, .nearliest = 4, .window = 8,
        .relocate = {0.1, 0.1, 0.1, 0.1},
    };
    Rng rng;
    rng_seed(&rng, params->seed, "kronoberg/participants");
    gen_people(out, &rng, &people, params->participants);

    b = gen_file(out, "slots.csv");
    if (!b)
        return -1;
    genbuf_puts(b, GEN_HDR_SLOTS);
    long def = preset_kronoberg.default_participants;
    static const char *const bus_depots[] = {"0764", "0765", "0780", "0781"};
    for (int i = 0; i < NMUNI; i++) {
        const char *c = codes[i];
        int k = (int)(pop[i] / 10000); /* 0 (Lessebo) … 9 (Växjö) */
#define CAP(base, per) gen_scale((base) + k / (per), params->participants, def)
        genbuf_printf(b, "KR-%s-vard,%s,%d,1,52,vard,kommunens vård och omsorg,kommun,1\n", c, c,
                      CAP(5, 1));
        genbuf_printf(b, "KR-%s-industri,%s,%d,1,52,industri,tillverkningsindustri,AF,0\n", c, c,
                      CAP(4, 2));
        genbuf_printf(b, "KR-%s-bygg,%s,%d,10,48,bygg,byggföretag,AF,0\n", c, c, CAP(3, 2));
        genbuf_printf(b, "KR-%s-lastbil,%s,%d,1,52,lastbil,åkeri,AF,0\n", c, c, CAP(3, 3));
        genbuf_printf(b, "KR-%s-larling,%s,%d,1,52,larling,handel och service,Vux,0\n", c, c,
                      CAP(4, 1));
        if (in_list(c, bus_depots, 4))
            genbuf_printf(b, "KR-%s-buss,%s,%d,1,52,buss,bussdepå (kollektivtrafik),AF,0\n", c, c,
                          CAP(2, 3));
#undef CAP
    }

    b = gen_file(out, "reservations.csv");
    if (!b)
        return -1;
    genbuf_puts(b, GEN_HDR_RESERVATIONS);

    b = gen_file(out, "README.md");
    if (!b)
        return -1;
    genbuf_puts(b, readme);
    gen_readme_footer(b, "kronoberg", params, out);
    return 0;
}

const Preset preset_kronoberg = {"kronoberg", "Kronoberg county: centres hosting only some tracks",
                                 300, build};
