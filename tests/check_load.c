/*
 * check_load.c — io/scenario_load.c end to end: a table of invalid
 * scenarios, each a small valid base with one file replaced, asserting the
 * one exact `file:line:column: message` it must produce; and valid
 * scenarios asserting the loaded values, defaults, derived fields and
 * variants (tests/fixtures/load/valid).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../io/scenario_json.h"
#include "../io/scenario_load.h"
#include "../model/travel.h"

#define FIXTURE "tests/fixtures/load/valid"

/* ---- the base scenario, as strings ------------------------------------- */

static const char *const base_files[][2] = {
    {"scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20}\n"},
    {"municipalities.csv", "code,name,lat,lon\n2421,Storuman,65.0959,17.1173\n"
                           "2481,Lycksele,64.5954,18.6735\n0980,Gotland,,\n"},
    {"centres.csv", "municipality,seats,max_groups,tracks\n2481,20,2,*\n"},
    {"tracks.csv", "track,name,min_group,max_group\ncare,Care,2,10\nshop,Shop,1,5\n"},
    {"modules.csv", "track,seq,name,kind,weeks,group_cost\ncare,1,Course,course,4,1000\n"
                    "care,2,Placement,placement,4,\nshop,1,Placement,placement,6,\n"},
    {"participants.csv", "id,home,group,gender,tracks\np1,2421,youth,woman,care\n"
                         "p2,2481,other,man,\n"},
    {"slots.csv", "id,municipality,capacity,from_week,to_week\ns1,2421,2,1,20\n"},
    {"reservations.csv", "slot,from_week,to_week,count\ns1,1,4,1\n"},
    {"distances.csv", "from,to,minutes,km\n0980,2421,300,\n"},
};
#define NBASE (sizeof base_files / sizeof base_files[0])

typedef struct Case {
    const char *file;     /* file to replace */
    const char *content;  /* new content, NULL = delete the file */
    const char *expected; /* the one diagnostic, formatted */
} Case;

static const Case cases[] = {
    /* municipalities.csv */
    {"municipalities.csv", "code,name\n2421,Storuman\n2421,Again\n2481,L\n0980,G\n",
     "municipalities.csv:3:1: duplicate code '2421' (first on line 2)"},
    {"municipalities.csv", "code,name,lat,lon\n2421,S,65,\n2481,L,64.5,18.6\n0980,G,,\n",
     "municipalities.csv:2:4: lon is empty but lat is given: give both lat and lon, or neither"},
    {"municipalities.csv", "code,name,lat,lon\n2421,S,91,17\n2481,L,,\n0980,G,,\n",
     "municipalities.csv:2:3: lat: expected degrees in -90..90, got '91'"},
    {"municipalities.csv", "code,name,lat,lon\n2421,S,65,east\n2481,L,,\n0980,G,,\n",
     "municipalities.csv:2:4: lon: expected degrees in -180..180, got 'east'"},
    /* semicolons, as a Swedish spreadsheet saves CSV */
    {"centres.csv", "municipality;seats;max_groups\n2421;12;1\n",
     "centres.csv:1:2: missing column 'municipality': expected a header municipality,seats,max_groups[,tracks]"
     "[,seat_price_per_week] (the header is separated by ';': samplan reads comma-separated files; save the "
     "table as CSV with ',' between cells)"},
    {"municipalities.csv", "code,name\n2421,S\n,Empty\n2481,L\n0980,G\n",
     "municipalities.csv:3:1: code is empty: expected an identifier"},
    {"municipalities.csv", "code,name\n2421,S\n24;81,L\n2481,L\n0980,G\n",
     "municipalities.csv:3:1: code '24;81' contains ';': identifiers cannot hold ';'"},
    {"municipalities.csv", "name,code\nS,2421\nL,2481\nG,0980\nX\n",
     "municipalities.csv:5:2: code is empty: expected an identifier"},
    {"municipalities.csv", "code\n2421\n2481\n0980\n",
     "municipalities.csv:1:2: missing column 'name': expected a header code,name[,lat][,lon]"},
    {"municipalities.csv", NULL, "municipalities.csv: file not found"},
    {"municipalities.csv", "code,name\n2421,S\n2481,L,extra\n0980,G\n",
     "municipalities.csv:3:3: row has 3 cells: expected at most 2, as in the header"},
    {"municipalities.csv", "code,name,code\n2421,S,1\n",
     "municipalities.csv:1:3: duplicate column 'code' (also column 1)"},
    {"municipalities.csv", "code,name\n2421,S\n2481,\"L\"x\n0980,G\n",
     "municipalities.csv:3:2: malformed quotes: a cell holding a quote must be quoted as a "
     "whole, with the quote doubled (\"\")"},
    {"municipalities.csv", "code,name\n2421,S\n2481,L\xE4nsi\n0980,G\n",
     "municipalities.csv:3:2: invalid UTF-8 in cell: save the file as UTF-8"},
    {"municipalities.csv", "", "municipalities.csv:1:1: file is empty: expected a header row"},
    /* centres.csv */
    {"centres.csv", "municipality,seats\n2481,20\n",
     "centres.csv:1:3: missing column 'max_groups': expected a header "
     "municipality,seats,max_groups[,tracks][,seat_price_per_week]"},
    {"centres.csv", "municipality,seats,max_groups\n1234,20,2\n",
     "centres.csv:2:1: municipality '1234' is not in municipalities.csv"},
    {"centres.csv", "municipality,seats,max_groups\n2481,20,2\n2421,1,1\n2481,3,3\n",
     "centres.csv:4:1: second centre in municipality '2481' (first on line 2): expected at most "
     "one per municipality"},
    {"centres.csv", "municipality,seats,max_groups,tracks\n2481,20,2,care;zz\n",
     "centres.csv:2:4: track 'zz' is not in tracks.csv"},
    {"centres.csv", "municipality,seats,max_groups\n2481,1.5,2\n",
     "centres.csv:2:2: seats: expected an integer 0..1000000000, got '1.5'"},
    {"centres.csv", "municipality,seats,max_groups\n2481,20,1e3\n",
     "centres.csv:2:3: max_groups: expected an integer 0..1000000000, got '1e3'"},
    {"centres.csv", "municipality,seats,max_groups\n2481, 7x,2\n",
     "centres.csv:2:2: seats: expected an integer 0..1000000000, got '7x'"},
    {"centres.csv", "municipality,seats,max_groups,seat_price_per_week\n2481,7,2,-5\n",
     "centres.csv:2:4: seat_price_per_week: expected a number >= 0, got '-5'"},
    {"centres.csv", "municipality,seats,max_groups,tracks\n2481,20,2,care;*\n",
     "centres.csv:2:4: tracks 'care;*': '*' must stand alone"},
    /* tracks.csv */
    {"tracks.csv", "track,name,min_group,max_group\ncare,Care,0,10\nshop,Shop,1,5\n",
     "tracks.csv:2:3: min_group: expected an integer 1..1000000000, got '0'"},
    {"tracks.csv", "track,name,min_group,max_group\ncare,Care,3,1\nshop,Shop,1,5\n",
     "tracks.csv:2:4: max_group '1' is less than min_group '3'"},
    {"tracks.csv", "track,name,min_group,max_group\ncare,Care,1,2\nshop,Shop,1,5\n*,All,1,5\n",
     "tracks.csv:4:1: track '*': expected another id ('*' means every track in tracks lists)"},
    {"tracks.csv", "track,name,min_group,max_group\ncare,Care,1,2\nshop,Shop,1,5\ncare,C,1,1\n",
     "tracks.csv:4:1: duplicate track 'care' (first on line 2)"},
    {"tracks.csv", "track,name,min_group,max_group\ncare,Care,1,2\nshop,Shop,1,5\nextra,E,1,1\n",
     "tracks.csv:4:1: track 'extra' has no modules in modules.csv"},
    {"tracks.csv",
     "track,name,min_group,max_group,start_every,first_start\ncare,Care,1,2,4,0\nshop,S,1,5,,\n",
     "tracks.csv:2:6: first_start: expected a week 1..20, got '0'"},
    {"tracks.csv", "track,name,min_group,max_group,start_every\ncare,Care,1,2,0\nshop,S,1,5,\n",
     "tracks.csv:2:5: start_every: expected an integer 1..1000000000, got '0'"},
    {"tracks.csv", "track,name,min_group,max_group\ncare,,1,2\nshop,S,1,5\n",
     "tracks.csv:2:2: name is empty: expected a name"},
    {"tracks.csv", NULL, "tracks.csv: file not found"},
    /* modules.csv */
    /* only its header: no track has a module (qsort was handed a NULL
     * list here, undefined behaviour: tester, twenty-sixth session) */
    {"modules.csv", "track,seq,name,kind,weeks\n",
     "tracks.csv:2:1: track 'care' has no modules in modules.csv\n"
     "tracks.csv:3:1: track 'shop' has no modules in modules.csv"},
    {"modules.csv", "track,seq,name,kind,weeks\ncare,1,C,course,4\ncare,3,P,placement,4\n"
                    "shop,1,P,placement,6\n",
     "modules.csv:3:2: seq '3' of track 'care': expected 2 (seq runs 1..n without gaps)"},
    {"modules.csv", "track,seq,name,kind,weeks\ncare,1,C,course,4\ncare,1,P,placement,4\n"
                    "shop,1,P,placement,6\n",
     "modules.csv:3:2: duplicate seq '1' for track 'care' (first on line 2)"},
    {"modules.csv", "track,seq,name,kind,weeks\ncare,1,C,course,4\nshop,1,P,placement,6\n"
                    "cook,1,P,placement,6\n",
     "modules.csv:4:1: track 'cook' is not in tracks.csv"},
    {"modules.csv", "track,seq,name,kind,weeks\ncare,1,C,lecture,4\nshop,1,P,placement,6\n",
     "modules.csv:2:4: kind: expected course or placement, got 'lecture'"},
    {"modules.csv", "track,seq,name,kind,weeks,group_cost\ncare,1,C,course,4,\n"
                    "shop,1,P,placement,6,100\n",
     "modules.csv:3:6: group_cost '100' on a placement module: expected 0 or empty (placements "
     "have no groups)"},
    {"modules.csv", "track,seq,name,kind,weeks\ncare,1,C,course,0\nshop,1,P,placement,6\n",
     "modules.csv:2:5: weeks: expected an integer 1..1000000000, got '0'"},
    {"modules.csv", "kind,weeks,name,seq,track\ncourse,4,C,1.0,care\nplacement,6,P,1,shop\n",
     "modules.csv:2:4: seq: expected an integer 1..1000000000, got '1.0'"},
    /* participants.csv */
    /* a second byte-order mark hides in the first header name */
    {"participants.csv", "\xEF\xBB\xBF\xEF\xBB\xBFid,home,group,gender\np1,2421,youth,woman\n",
     "participants.csv:1:5: missing column 'id': expected a header id,home,group,gender[,tracks]"
     "[,earliest_week][,latest_week][,max_minutes][,can_relocate][,priority] (a header name starts with "
     "an invisible byte-order mark, U+FEFF: the file has two; save it as UTF-8 once)"},
    {"participants.csv", "id,home,group,gender\np1,2421,youth,woman\np2,9999,youth,woman\n",
     "participants.csv:3:2: home '9999' is not in municipalities.csv"},
    {"participants.csv", "id,home,group,gender\np1,2421,kid,woman\n",
     "participants.csv:2:3: group: expected youth, newcomer, longterm or other, got 'kid'"},
    {"participants.csv", "id,home,group,gender\np1,2421,youth,\n",
     "participants.csv:2:4: gender is empty: expected woman, man, other or unknown"},
    {"participants.csv", "id,home,group,gender\np1,2421,youth,Woman\n",
     "participants.csv:2:4: gender: expected woman, man, other or unknown, got 'Woman'"},
    {"participants.csv", "id,home,group,gender,tracks\np1,2421,youth,woman,care;shop;care\n",
     "participants.csv:2:5: track 'care' is listed twice in tracks"},
    {"participants.csv", "id,home,group,gender,tracks\np1,2421,youth,woman,shop;Care\n",
     "participants.csv:2:5: track 'Care' is not in tracks.csv"},
    {"participants.csv", "id,home,group,gender,tracks\np1,2421,youth,woman,care;;shop\n",
     "participants.csv:2:5: tracks 'care;;shop' has an empty entry: expected track ids "
     "separated by ';'"},
    {"participants.csv",
     "id,home,group,gender,earliest_week,latest_week\np1,2421,youth,woman,10,5\n",
     "participants.csv:2:6: latest_week '5' is before earliest_week '10'"},
    {"participants.csv", "id,home,group,gender,latest_week\np1,2421,youth,woman,21\n",
     "participants.csv:2:5: latest_week: expected a week 1..20, got '21'"},
    {"participants.csv", "id,home,group,gender,can_relocate\np1,2421,youth,woman,yes\n",
     "participants.csv:2:5: can_relocate: expected 0 or 1, got 'yes'"},
    {"participants.csv", "id,home,group,gender,priority\np1,2421,youth,woman,-1\n",
     "participants.csv:2:5: priority: expected a number >= 0, got '-1'"},
    {"participants.csv", "id,home,group,gender,max_minutes\np1,2421,youth,woman,inf\n",
     "participants.csv:2:5: max_minutes: expected a number >= 0, got 'inf'"},
    /* above samplan's limit for reals (model/scenario.h): 1e160 made
     * value 0 be reported optimal */
    {"participants.csv", "id,home,group,gender,priority\np1,2421,youth,woman,1e160\n",
     "participants.csv:2:5: priority: expected a number 0..1000000000, got '1e160'"},
    {"participants.csv", "id,home,group,gender\np1,2421,youth,woman\n19900101-1234,2421,youth,man\n",
     "participants.csv:3:1: id looks like a personal identity number; use a pseudonymous id"},
    {"participants.csv", "id,home,group,gender\n900161-1234,2421,youth,man\n",
     "participants.csv:2:1: id looks like a personal identity number; use a pseudonymous id"},
    {"participants.csv", "id,home,group,gender\np1,2421,youth,woman\n\np1,2481,youth,man\n",
     "participants.csv:4:1: duplicate id 'p1' (first on line 2)"},
    {"participants.csv", "id,home,group,gender\n\"p1\nlong\",2421,youth,woman\np1;x,2421,youth,man\n",
     "participants.csv:4:1: id 'p1;x' contains ';': identifiers cannot hold ';'"},
    /* slots.csv */
    {"slots.csv", "id,municipality,capacity,from_week,to_week\ns1,7777,2,1,20\n",
     "slots.csv:2:2: municipality '7777' is not in municipalities.csv"},
    {"slots.csv", "id,municipality,capacity,from_week,to_week\ns1,2421,2,9,3\n",
     "slots.csv:2:5: to_week '3' is before from_week '9'"},
    {"slots.csv", "id,municipality,capacity,from_week,to_week\ns1,2421,2,1,20\ns1,2481,1,1,2\n",
     "slots.csv:3:1: duplicate id 's1' (first on line 2)"},
    {"slots.csv", "id,municipality,capacity,from_week,to_week\ns1,2421,-1,1,20\n",
     "slots.csv:2:3: capacity: expected an integer 0..1000000000, got '-1'"},
    {"slots.csv", "id,municipality,capacity,from_week,to_week,permanent\ns1,2421,1,1,20,2\n",
     "slots.csv:2:6: permanent: expected 0 or 1, got '2'"},
    /* reservations.csv */
    {"reservations.csv", "slot,from_week,to_week,count\ns2,1,4,1\n",
     "reservations.csv:2:1: slot 's2' is not in slots.csv"},
    {"reservations.csv", "slot,from_week,to_week,count\ns1,1,4,x\n",
     "reservations.csv:2:4: count: expected an integer 0..1000000000, got 'x'"},
    {"reservations.csv", "slot,from_week,to_week,count\ns1,0,4,1\n",
     "reservations.csv:2:2: from_week: expected a week 1..20, got '0'"},
    /* distances.csv */
    {"distances.csv", "from,to,minutes,km\n0980,1111,300,\n",
     "distances.csv:2:2: to '1111' is not in municipalities.csv"},
    {"distances.csv", "from,to,minutes,km\n0980,2421,,\n",
     "distances.csv:2:3: minutes and km are both empty: expected at least one"},
    {"distances.csv", "from,to,minutes,km\n0980,2421,300,\n0980,2421,200,\n",
     "distances.csv:3:1: duplicate distance from '0980' to '2421' (first on line 2)"},
    {"distances.csv", "from,to,minutes,km\n0980,2421,-3,\n",
     "distances.csv:2:3: minutes: expected a number >= 0, got '-3'"},
    {"distances.csv", "from,to,minutes,km\n0980,2421,3,1000000000.5\n",
     "distances.csv:2:4: km: expected a number 0..1000000000, got '1000000000.5'"},
    /* scenario.json */
    {"scenario.json", "{\"weeks\": 20}",
     "scenario.json:1:1: missing 'start': expected the Monday of week 1 as YYYY-MM-DD"},
    {"scenario.json", "{\"start\": \"2027-01-05\", \"weeks\": 20}",
     "scenario.json:1:11: start '2027-01-05' is a Tuesday: expected a Monday"},
    {"scenario.json", "{\"start\": \"2027-02-30\", \"weeks\": 20}",
     "scenario.json:1:11: start: expected a date YYYY-MM-DD, got '2027-02-30'"},
    {"scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 0}",
     "scenario.json:1:34: weeks: expected an integer 1..1040, got '0'"},
    {"scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 10.5}",
     "scenario.json:1:34: weeks: expected an integer 1..1040, got '10.5'"},
    /* a number in quotes is called a string, not refused as the number */
    {"scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": \"20\"}",
     "scenario.json:1:34: weeks: expected an integer 1..1040, got the string \"20\" (write it without quotes)"},
    {"scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20, \"travel\": {\"speed_kmh\": 0}}",
     "scenario.json:1:62: travel.speed_kmh: expected a number > 0, got '0'"},
    {"scenario.json",
     "{\"start\": \"2027-01-04\", \"weeks\": 20, \"objective\": {\"preference_step\": 1.5}}",
     "scenario.json:1:71: objective.preference_step: expected a number in 0..1, got '1.5'"},
    {"scenario.json",
     "{\"start\": \"2027-01-04\", \"weeks\": 20, \"objective\": {\"group_weights\": {\"youth\": -1}}}",
     "scenario.json:1:79: objective.group_weights.youth: expected a number >= 0, got '-1'"},
    {"scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20, \"travel\": {\"cost_per_km\": 1e307}}",
     "scenario.json:1:64: travel.cost_per_km: expected a number 0..1000000000, got '1e+307'"},
    {"scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20, \"objective\": {\"max_cost\": 2e15}}",
     "scenario.json:1:64: objective.max_cost: expected a number 0..1000000000000000, got '2e+15'"},
    {"scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20, \"travel\": {\"days_per_week\": 8}}",
     "scenario.json:1:66: travel.days_per_week: expected a number in 0..7, got '8'"},
    {"scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20, \"solver\": {\"mip_gap\": 1.5}}",
     "scenario.json:1:60: solver.mip_gap: expected a number in 0..1, got '1.5'"},
    {"scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20, \"cooperation\": \"yes\"}",
     "scenario.json:1:53: cooperation: expected true or false, got the string \"yes\""},
    {"scenario.json",
     "{\"start\": \"2027-01-04\", \"weeks\": 20, \"files\": {\"slots\": \"/etc/slots.csv\"}}",
     "scenario.json:1:57: files.slots: expected a file name relative to the scenario directory, "
     "without '..', got '/etc/slots.csv'"},
    {"scenario.json",
     "{\"start\": \"2027-01-04\", \"weeks\": 20, \"files\": {\"slots\": \"../x/slots.csv\"}}",
     "scenario.json:1:57: files.slots: expected a file name relative to the scenario directory, "
     "without '..', got '../x/slots.csv'"},
    {"scenario.json",
     "{\"start\": \"2027-01-04\", \"weeks\": 20, \"files\": {\"slots\": \"slots-60.csv\"}}",
     "scenario.json:1:57: files.slots: file 'slots-60.csv' not found in the scenario directory"},
    {"scenario.json",
     "{\"start\": \"2027-01-04\", \"weeks\": 20, \"files\": {\"places\": \"p.csv\"}}",
     "scenario.json:1:58: files.places: unknown table: expected municipalities, distances, centres, "
     "tracks, modules, participants, slots or reservations"},
    {"scenario.json", "{\"start\": \"2027-01-04\",\n \"weeks\": 20,\n}",
     "scenario.json:3:1: string or '}' expected near '}'"},
    {"scenario.json", "{\"start\": \"2027-01-04\",\n \"start\": \"2027-01-11\"}",
     "scenario.json:2:8: duplicate object key near '\"start\"': expected each key once in an object"},
    {"scenario.json", "[1]", "scenario.json:1:1: expected an object {...} at the top level"},
    /* jansson's position to the letter (SPEC §4): column 0 at a line's start */
    {"scenario.json", "{\"start\": \"2027-01-04\"\n", "scenario.json:2:0: '}' expected near end of file"},
    {"scenario.json", "", "scenario.json:1:0: '[' or '{' expected near end of file"},
    {"scenario.json", "{\"start\": \"2027\\u0000\"}",
     "scenario.json:1:22: \\u0000 (a NUL character) is not allowed in a string: expected valid JSON"},
    /* positions of values that parse: columns count characters, a byte
     * order mark is skipped */
    {"scenario.json", "{\"name\": \"\xC3\x85re\", \"start\": \"2027-01-05\"}",
     "scenario.json:1:26: start '2027-01-05' is a Tuesday: expected a Monday"},
    {"scenario.json", "\xEF\xBB\xBF{\"start\": \"2027-01-04\",\n  \"weeks\": 0}",
     "scenario.json:2:12: weeks: expected an integer 1..1040, got '0'"},
    /* an ignored key that looks like a path is not the value meant */
    {"scenario.json",
     "{\"start\": \"2027-01-04\",\n \"objective.preference_step\": \"see below\",\n"
     " \"objective\": {\"preference_step\": 1.5}}",
     "scenario.json:3:35: objective.preference_step: expected a number in 0..1, got '1.5'"},
    /* a key written with \u escapes is the key it decodes to */
    {"scenario.json", "{\"st\\u0061rt\": \"2027-01-05\"}",
     "scenario.json:1:16: start '2027-01-05' is a Tuesday: expected a Monday"},
    /* lines ended by CR alone would all be line 1 */
    {"participants.csv", "id,home,group,gender,tracks\rp1,2421,youth,woman,care\r",
     "participants.csv:1:1: line ends are a lone CR (old Mac text): expected LF or CRLF"},
    {"scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20, \"cooperation\": tru}",
     "scenario.json:1:55: invalid token near 'tru': expected valid JSON"},
    {"scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20, \"name\": \"a\nb\"}",
     "scenario.json:1:47: unexpected newline near '\"a': expected a string on one line (\\n for a line break)"},
    /* an invalid weeks is one message, not also a horizon past 9999 */
    {"scenario.json", "{\"start\": \"9999-09-06\", \"weeks\": 0}",
     "scenario.json:1:34: weeks: expected an integer 1..1040, got '0'"},
    /* every week's date must be writable as YYYY-MM-DD */
    {"scenario.json", "{\"start\": \"9999-09-06\",\n \"weeks\": 20}",
     "scenario.json:2:11: 20 weeks from 9999-09-06 end after 9999-12-31: expected a horizon that ends by then"},

};
#define NCASES (sizeof cases / sizeof cases[0])

/* ---- temporary scenario directories --------------------------------------- */

static char dir[64];

static void put(const char *name, const char *content)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(content, f);
    fclose(f);
}

static void make_base(void)
{
    strcpy(dir, "/tmp/check_load_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    for (size_t i = 0; i < NBASE; i++)
        put(base_files[i][0], base_files[i][1]);
}

static void remove_dir(void)
{
    char path[256];
    for (size_t i = 0; i < NBASE; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, base_files[i][0]);
        unlink(path);
    }
    rmdir(dir);
}

static char *diags_text(const DiagList *d)
{
    static char buf[8192];
    buf[0] = '\0';
    for (size_t i = 0; i < d->count; i++) {
        char line[1024];
        diag_format(&d->items[i], line, sizeof line);
        strncat(buf, line, sizeof buf - strlen(buf) - 2);
        strcat(buf, "\n");
    }
    return buf;
}

START_TEST(base_is_valid)
{
    make_base();
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    int rc = scenario_load(dir, NULL, &s, &d);
    ck_assert_msg(rc == 0, "base: rc %d\n%s", rc, diags_text(&d));
    ck_assert_ptr_nonnull(s);
    /* name defaults to the directory's base name */
    ck_assert_str_eq(s->name, strrchr(dir, '/') + 1);
    ck_assert_ptr_null(s->variant);
    ck_assert_int_eq(s->nvariants, 0);
    /* Gotland has no coordinates: unreachable except through its row */
    ck_assert_double_eq_tol(scenario_minutes(s, 2, 0), 300, 1e-12);
    ck_assert_double_eq_tol(scenario_minutes(s, 0, 2), 300, 1e-12);
    ck_assert_double_eq_tol(scenario_km(s, 0, 2), 350, 1e-9); /* 300/60·70 */
    ck_assert(scenario_km(s, 1, 2) == TRAVEL_UNREACHABLE);
    scenario_free(s);
    diag_release(&d);
    remove_dir();
}
END_TEST

START_TEST(invalid_case)
{
    const Case *c = &cases[_i];
    make_base();
    if (c->content) {
        put(c->file, c->content);
    } else {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, c->file);
        unlink(path);
    }
    DiagList d = DIAGLIST_INIT;
    Scenario *s = (Scenario *)1;
    int rc = scenario_load(dir, NULL, &s, &d);
    char *got = diags_text(&d);
    char want[1200];
    snprintf(want, sizeof want, "%s\n", c->expected);
    ck_assert_msg(rc == 2, "case %d: rc %d", _i, rc);
    ck_assert_ptr_null(s);
    ck_assert_msg(strcmp(got, want) == 0, "case %d (%s):\n got: %s want: %s", _i, c->file, got,
                  want);
    diag_release(&d);
    remove_dir();
}
END_TEST

/* samplan's limits on reals (model/scenario.h) are inclusive */
START_TEST(real_limits_are_inclusive)
{
    make_base();
    put("participants.csv", "id,home,group,gender,priority\np1,2421,youth,woman,1000000000\n");
    put("scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20, \"travel\": {\"cost_per_km\": 1e9}, "
                         "\"objective\": {\"max_cost\": 1e15}}");
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    int rc = scenario_load(dir, NULL, &s, &d);
    char *got = diags_text(&d);
    ck_assert_msg(rc == 0, "rc %d: %s", rc, got);
    ck_assert_double_eq(s->participants[0].priority, 1e9);
    ck_assert_double_eq(s->travel.cost_per_km, 1e9);
    ck_assert_double_eq(s->objective.max_cost, 1e15);
    scenario_free(s);
    diag_release(&d);
    remove_dir();
}
END_TEST

/* JSON has one number type: 20.0 and 2e1 are weeks 20 (some tools write
 * whole numbers so); 10.5 is not a whole number of weeks. */
START_TEST(whole_weeks_written_as_reals)
{
    const char *docs[] = {"{\"start\": \"2027-01-04\", \"weeks\": 20.0}",
                          "{\"start\": \"2027-01-04\", \"weeks\": 2e1}"};
    for (int i = 0; i < 2; i++) {
        make_base();
        put("scenario.json", docs[i]);
        DiagList d = DIAGLIST_INIT;
        Scenario *s = NULL;
        int rc = scenario_load(dir, NULL, &s, &d);
        char *got = diags_text(&d);
        ck_assert_msg(rc == 0, "%s: rc %d: %s", docs[i], rc, got);
        ck_assert_int_eq(s->weeks, 20);
        scenario_free(s);
        diag_release(&d);
        remove_dir();
    }
}
END_TEST

/* A missing scenario.json names the directory; listing the variants
 * (validate does so first) gives a bad 'variants' its position. */
START_TEST(missing_settings_and_bad_variants)
{
    make_base();
    char path[256];
    snprintf(path, sizeof path, "%s/scenario.json", dir);
    unlink(path);
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    ck_assert_int_eq(scenario_load(dir, NULL, &s, &d), 2);
    char *got = diags_text(&d);
    char want[400];
    snprintf(want, sizeof want, "scenario.json: file not found in '%s': a scenario directory needs one\n", dir);
    ck_assert_str_eq(got, want);
    diag_release(&d);
    put("scenario.json", "{\"variants\": 5, \"start\": \"2027-01-04\"}");
    char **names = NULL;
    int count = 0;
    ck_assert_int_eq(scenario_json_variants(dir, &names, &count, &d), 2);
    got = diags_text(&d);
    ck_assert_str_eq(got, "scenario.json:1:14: variants: expected an object of named variants, got '5'\n");
    diag_release(&d);
    remove_dir();
}
END_TEST

/* A scenario.json key one or two edits from a known one is ignored, as
 * SPEC §1 allows extra keys, but warned about: it is almost surely a typo
 * that leaves the default in force. Other extra keys pass silently. */
START_TEST(near_miss_keys_warned)
{
    make_base();
    put("scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20, \"cooperaton\": false,\n"
                         " \"comment\": \"fine\", \"travel\": {\"max_daily_minute\": 90},\n"
                         " \"variants\": {\"v\": {\"solver\": {\"time_limt_s\": 5}}}}");
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    ck_assert_int_eq(scenario_load(dir, NULL, &s, &d), 0);
    ck_assert_int_eq(s->cooperation, 1); /* the default stands */
    ck_assert_str_eq(diags_text(&s->warnings),
                     "scenario.json:1:52: warning: unknown key 'cooperaton' is ignored: did you mean "
                     "'cooperation'?\n"
                     "scenario.json:2:52: warning: unknown key 'travel.max_daily_minute' is ignored: did you "
                     "mean 'travel.max_daily_minutes'?\n");
    scenario_free(s);
    /* a variant's load warns about the base too (solve --variant would
     * otherwise use a default silently), and names itself in its own */
    ck_assert_int_eq(scenario_load(dir, "v", &s, &d), 0);
    ck_assert_str_eq(diags_text(&s->warnings),
                     "scenario.json:1:52: warning: unknown key 'cooperaton' is ignored: did you mean "
                     "'cooperation'?\n"
                     "scenario.json:2:52: warning: unknown key 'travel.max_daily_minute' is ignored: did you "
                     "mean 'travel.max_daily_minutes'?\n"
                     "scenario.json:3:47: warning: unknown key 'solver.time_limt_s' is ignored: did you mean "
                     "'solver.time_limit_s'? (variant 'v')\n");
    scenario_free(s);
    /* a load that fails keeps its warnings among its problems: the typo
     * may be the problem */
    put("scenario.json", "{\"strat\": \"2027-01-04\", \"weeks\": 20}");
    ck_assert_int_eq(scenario_load(dir, NULL, &s, &d), 2);
    ck_assert_ptr_null(s);
    diag_sort(&d);
    ck_assert_str_eq(diags_text(&d), "scenario.json:1:1: missing 'start': expected the Monday of week 1 as "
                                     "YYYY-MM-DD\n"
                                     "scenario.json:1:11: warning: unknown key 'strat' is ignored: did you mean "
                                     "'start'?\n");
    diag_release(&d);
    /* a variant compare --variants cannot name is valid, with a warning */
    put("scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20,\n"
                         " \"variants\": {\"x,y\": {}, \"ok\": {}}}");
    ck_assert_int_eq(scenario_load(dir, NULL, &s, &d), 0);
    ck_assert_str_eq(diags_text(&s->warnings),
                     "scenario.json:2:22: warning: variant 'x,y' cannot be chosen with compare --variants (it "
                     "splits names at commas): expected a non-empty name without commas\n");
    scenario_free(s);
    remove_dir();
}
END_TEST

/* A distances.csv row from a municipality to itself is ignored (SPEC §1:
 * always 0 min, 0 km), with a warning when it says otherwise; travel
 * there stays 0. */
START_TEST(self_distance_warned)
{
    make_base();
    put("distances.csv", "from,to,minutes,km\n0980,2421,300,\n2421,2421,10,12\n2481,2481,0,0\n");
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    ck_assert_int_eq(scenario_load(dir, NULL, &s, &d), 0);
    ck_assert_str_eq(diags_text(&s->warnings),
                     "distances.csv:3:1: warning: a distance from '2421' to itself is ignored: travel within a "
                     "municipality is always 0 min, 0 km\n");
    ck_assert(scenario_minutes(s, 0, 0) == 0.0 && scenario_km(s, 0, 0) == 0.0);
    scenario_free(s);
    remove_dir();
}
END_TEST

/* Tables must be regular files: a directory fails only when read, a
 * named pipe blocks its open until someone writes, /dev/zero never ends. */
START_TEST(tables_that_are_not_files)
{
    make_base();
    char path[256];
    snprintf(path, sizeof path, "%s/slots.csv", dir);
    unlink(path);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    ck_assert_int_eq(scenario_load(dir, NULL, &s, &d), 2);
    ck_assert_str_eq(diags_text(&d), "slots.csv: is a named pipe: expected a CSV file\n");
    diag_release(&d);
    unlink(path);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    ck_assert_int_eq(scenario_load(dir, NULL, &s, &d), 2);
    ck_assert_str_eq(diags_text(&d), "slots.csv: is a directory: expected a CSV file\n");
    diag_release(&d);
    rmdir(path);
    /* named in scenario.json: reported where it is named */
    put("slots.csv", "id,municipality,capacity,from_week,to_week\n");
    put("scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20,\n \"files\": {\"slots\": \".\"}}");
    ck_assert_int_eq(scenario_load(dir, NULL, &s, &d), 2);
    ck_assert_str_eq(diags_text(&d), "scenario.json:2:21: files.slots: '.' is a directory: expected a CSV file\n");
    diag_release(&d);
    remove_dir();
}
END_TEST

START_TEST(all_problems_at_once)
{
    make_base();
    put("participants.csv", "id,home,group,gender\np1,1,youth,woman\np2,2,kid,man\n");
    put("slots.csv", "id,municipality,capacity,from_week,to_week\ns1,2421,x,1,99\n");
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    ck_assert_int_eq(scenario_load(dir, NULL, &s, &d), 2);
    diag_sort(&d);
    ck_assert_str_eq(diags_text(&d),
                     "participants.csv:2:2: home '1' is not in municipalities.csv\n"
                     "participants.csv:3:2: home '2' is not in municipalities.csv\n"
                     "participants.csv:3:3: group: expected youth, newcomer, longterm or other, "
                     "got 'kid'\n"
                     "slots.csv:2:3: capacity: expected an integer 0..1000000000, got 'x'\n"
                     "slots.csv:2:5: to_week: expected a week 1..20, got '99'\n");
    diag_release(&d);
    remove_dir();
}
END_TEST

START_TEST(json_and_tables_together)
{
    make_base();
    put("scenario.json", "{\"start\": \"2027-01-05\", \"weeks\": 20}");
    put("slots.csv", "id,municipality,capacity,from_week,to_week\ns1,2421,2,1,21\n");
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    ck_assert_int_eq(scenario_load(dir, NULL, &s, &d), 2);
    diag_sort(&d);
    ck_assert_str_eq(diags_text(&d),
                     "scenario.json:1:11: start '2027-01-05' is a Tuesday: expected a Monday\n"
                     "slots.csv:2:5: to_week: expected a week 1..20, got '21'\n");
    diag_release(&d);
    remove_dir();
}
END_TEST

START_TEST(pnr_is_never_echoed)
{
    make_base();
    put("participants.csv", "id,home,group,gender\n198001011234,2421,youth,woman\n"
                            "198001011234,2421,youth,woman\n");
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    ck_assert_int_eq(scenario_load(dir, NULL, &s, &d), 2);
    char *got = diags_text(&d);
    ck_assert_ptr_null(strstr(got, "1234"));
    ck_assert_ptr_null(strstr(got, "800101"));
    ck_assert_uint_eq(d.count, 2);
    diag_release(&d);
    remove_dir();
}
END_TEST

/* ---- the valid fixture ------------------------------------------------------ */

static Scenario *load_fixture(const char *variant)
{
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    int rc = scenario_load(FIXTURE, variant, &s, &d);
    ck_assert_msg(rc == 0, "fixture %s: rc %d\n%s", variant ? variant : "base", rc,
                  diags_text(&d));
    diag_release(&d);
    return s;
}

START_TEST(fixture_values)
{
    Scenario *s = load_fixture(NULL);
    ck_assert_str_eq(s->name, "load fixture");
    ck_assert_str_eq(s->start, "2027-01-04");
    ck_assert_int_eq(s->start_year * 10000 + s->start_month * 100 + s->start_day, 20270104);
    ck_assert_int_eq(s->weeks, 20);
    ck_assert_int_eq(s->cooperation, 1);
    ck_assert_double_eq(s->travel.max_daily_minutes, 60);
    ck_assert_double_eq(s->travel.speed_kmh, 60);
    ck_assert_double_eq(s->travel.road_factor, 1.2);
    ck_assert_double_eq(s->travel.cost_per_km, 2.5);
    ck_assert_double_eq(s->travel.days_per_week, 5);
    ck_assert_double_eq(s->travel.accommodation_per_week, 1500);
    ck_assert_double_eq(s->travel.max_relocation_km, 400);
    ck_assert_double_eq(s->objective.group_weight[GROUP_YOUTH], 2);
    ck_assert_double_eq(s->objective.group_weight[GROUP_OTHER], 1);
    ck_assert_double_eq(s->objective.preference_step, 0.1);
    ck_assert_int_eq(s->objective.has_max_cost, 1);
    ck_assert_double_eq(s->objective.max_cost, 100000);
    ck_assert_double_eq(s->solver.time_limit_s, 60);
    ck_assert_double_eq(s->solver.mip_gap, 0);
    for (int t = 0; t < TABLE_COUNT; t++) {
        char want[64];
        snprintf(want, sizeof want, "%s.csv", table_names[t]);
        ck_assert_str_eq(s->files[t], want);
    }
    ck_assert_int_eq(s->nvariants, 3);
    ck_assert_str_eq(s->variant_names[0], "alone");
    ck_assert_str_eq(s->variant_names[1], "more-slots");
    ck_assert_str_eq(s->variant_names[2], "default-speed");

    /* municipalities: BOM, CRLF, a quoted name with a comma, no coordinates */
    ck_assert_int_eq(s->nmunicipalities, 4);
    int sto = scenario_find_municipality(s, "2421"), vil = scenario_find_municipality(s, "2462");
    int lyc = scenario_find_municipality(s, "2481"), now = scenario_find_municipality(s, "9999");
    ck_assert_int_ge(sto, 0);
    ck_assert_str_eq(s->municipalities[now].name, "Nowhere, upper");
    ck_assert_int_eq(s->municipalities[now].has_coords, 0);
    ck_assert_double_eq(s->municipalities[lyc].lat, 64.5954);

    /* tracks and modules, seq given out of order */
    ck_assert_int_eq(s->ntracks, 3);
    const Track *care = &s->tracks[scenario_find_track(s, "care")];
    ck_assert_int_eq(care->nmodules, 3);
    ck_assert_str_eq(care->modules[0].name, "Swedish for care");
    ck_assert_int_eq(care->modules[0].offset, 0);
    ck_assert_int_eq(care->modules[1].offset, 4);
    ck_assert_int_eq(care->modules[2].offset, 10);
    ck_assert_int_eq(care->modules[2].kind, MODULE_PLACEMENT);
    ck_assert_int_eq(care->total_weeks, 14);
    ck_assert_int_eq(care->course_weeks, 10);
    ck_assert_int_eq(care->has_course, 1);
    ck_assert_double_eq(care->group_cost, 20000);
    ck_assert_int_eq(care->start_every, 4);
    ck_assert_int_eq(care->first_start, 1);
    const Track *retail = &s->tracks[scenario_find_track(s, "retail")];
    ck_assert_int_eq(retail->start_every, 6);
    ck_assert_int_eq(retail->first_start, 2);
    ck_assert_double_eq(retail->group_cost, 15000.5);
    const Track *intern = &s->tracks[scenario_find_track(s, "intern")];
    ck_assert_int_eq(intern->has_course, 0);
    ck_assert_int_eq(intern->course_weeks, 0);

    /* centres */
    ck_assert_int_eq(s->ncentres, 2);
    const Centre *cl = &s->centres[s->centre_of[lyc]];
    ck_assert_int_eq(cl->all_tracks, 1);
    ck_assert_double_eq(cl->seat_price_per_week, 1200);
    const Centre *cs = &s->centres[s->centre_of[sto]];
    ck_assert_int_eq(cs->all_tracks, 0);
    ck_assert_int_eq(cs->hosts[scenario_find_track(s, "care")], 1);
    ck_assert_int_eq(cs->hosts[scenario_find_track(s, "retail")], 0);
    ck_assert_double_eq(cs->seat_price_per_week, 0);
    ck_assert_int_eq(s->centre_of[vil], -1);

    /* participants and their defaults */
    ck_assert_int_eq(s->nparticipants, 4);
    const Participant *p1 = &s->participants[0], *p2 = &s->participants[1];
    const Participant *p3 = &s->participants[2], *p4 = &s->participants[3];
    ck_assert_str_eq(p1->id, "p1");
    ck_assert_int_eq(p1->home, sto);
    ck_assert_int_eq(p1->group, GROUP_YOUTH);
    ck_assert_int_eq(p1->gender, GENDER_WOMAN);
    ck_assert_int_eq(p1->nprefs, 2);
    ck_assert_int_eq(p1->prefs[0], scenario_find_track(s, "care"));
    ck_assert_int_eq(p1->prefs[1], scenario_find_track(s, "retail"));
    ck_assert_int_eq(p1->earliest_week, 1);
    ck_assert_int_eq(p1->latest_week, 20);
    ck_assert_double_eq(p1->max_minutes, 60);
    ck_assert_int_eq(p1->can_relocate, 0);
    ck_assert_double_eq(p1->priority, 1);
    ck_assert_int_eq(p1->line, 2);
    ck_assert_int_eq(p2->nprefs, 0);
    ck_assert_int_eq(p2->earliest_week, 3);
    ck_assert_int_eq(p2->latest_week, 10);
    ck_assert_double_eq(p2->max_minutes, 90);
    ck_assert_int_eq(p2->can_relocate, 1);
    ck_assert_double_eq(p2->priority, 2.5);
    ck_assert_int_eq(p3->nprefs, 0);
    ck_assert_double_eq(p3->priority, 0);
    ck_assert_int_eq(p4->home, now);

    /* slots and their weekly room */
    ck_assert_int_eq(s->nslots, 2);
    const Slot *s1 = &s->slots[scenario_find_slot(s, "s1")];
    const Slot *s2 = &s->slots[scenario_find_slot(s, "s2")];
    ck_assert_str_eq(s1->employer, "Lycksele vårdcentral");
    ck_assert_str_eq(s1->owner, "AME");
    ck_assert_int_eq(s1->permanent, 1);
    ck_assert_int_eq(s1->all_tracks, 1);
    ck_assert_int_eq(s2->permanent, 0);
    ck_assert_int_eq(s2->all_tracks, 0);
    ck_assert_int_eq(s2->accepts[scenario_find_track(s, "retail")], 1);
    ck_assert_int_eq(s2->accepts[scenario_find_track(s, "care")], 0);
    /* s1: capacity 3, weeks 1..20; reservations 2 in 3..6 and 2 in 5..8 */
    static const int room1[21] = {0, 3, 3, 1, 1, 0, 0, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
    for (int w = 0; w <= 20; w++)
        ck_assert_msg(s1->room[w] == room1[w], "s1 week %d: %d", w, s1->room[w]);
    /* s2: capacity 2, weeks 5..12; 1 reserved in 1..20 */
    for (int w = 0; w <= 20; w++)
        ck_assert_int_eq(s2->room[w], w >= 5 && w <= 12 ? 1 : 0);
    ck_assert_int_eq(s->nreservations, 3);
    ck_assert_str_eq(s->reservations[1].holder, "Vux");

    /* travel: rows, derived values, coordinates, unreachable */
    ck_assert_int_eq(s->ndistances, 3);
    ck_assert_double_eq_tol(scenario_minutes(s, sto, vil), 55, 1e-12);
    ck_assert_double_eq_tol(scenario_km(s, sto, vil), 55, 1e-12); /* 55/60·60 */
    ck_assert_double_eq_tol(scenario_minutes(s, vil, sto), 50, 1e-12);
    ck_assert_double_eq_tol(scenario_km(s, vil, sto), 60, 1e-12);
    ck_assert_double_eq_tol(scenario_minutes(s, now, lyc), 120, 1e-12);
    ck_assert(scenario_minutes(s, sto, now) == TRAVEL_UNREACHABLE);
    double km = travel_haversine_km(65.0959, 17.1173, 64.5954, 18.6735) * 1.2;
    ck_assert_double_eq_tol(scenario_km(s, sto, lyc), km, 1e-12);
    ck_assert_double_eq_tol(scenario_minutes(s, lyc, sto), km, 1e-12); /* 60 km/h */
    scenario_free(s);
}
END_TEST

START_TEST(fixture_variants)
{
    Scenario *s = load_fixture("alone");
    ck_assert_str_eq(s->variant, "alone");
    ck_assert_int_eq(s->cooperation, 0);
    ck_assert_int_eq(s->objective.has_max_cost, 0); /* null removed the key */
    ck_assert_double_eq(s->objective.group_weight[GROUP_YOUTH], 2);
    ck_assert_int_eq(s->nvariants, 3);
    scenario_free(s);

    s = load_fixture("more-slots");
    ck_assert_str_eq(s->files[TABLE_SLOTS], "slots-more.csv");
    ck_assert_int_eq(s->nslots, 3);
    ck_assert_int_eq(s->weeks, 30);
    ck_assert_int_eq(s->slots[0].capacity, 5);
    ck_assert_int_eq(s->slots[0].room[30], 5);
    ck_assert_int_eq(s->slots[0].room[4], 3); /* 5 − 2 in weeks 3..6 */
    ck_assert_int_eq(s->participants[0].latest_week, 30);
    scenario_free(s);

    s = load_fixture("default-speed");
    ck_assert_double_eq(s->travel.speed_kmh, 70);
    ck_assert_double_eq(s->travel.road_factor, 1.2);
    scenario_free(s);
}
END_TEST

START_TEST(unknown_variant)
{
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    ck_assert_int_eq(scenario_load(FIXTURE, "nope", &s, &d), 2);
    ck_assert_ptr_null(s);
    ck_assert_str_eq(diags_text(&d), "scenario.json: unknown variant 'nope': expected one of "
                                     "alone, more-slots, default-speed\n");
    diag_release(&d);
}
END_TEST

START_TEST(list_variants)
{
    DiagList d = DIAGLIST_INIT;
    char **names = NULL;
    int n = -1;
    ck_assert_int_eq(scenario_list_variants(FIXTURE, &names, &n, &d), 0);
    ck_assert_int_eq(n, 3);
    ck_assert_str_eq(names[2], "default-speed");
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    ck_assert_int_eq(scenario_list_variants("/nonexistent", &names, &n, &d), 2);
    ck_assert_int_eq(n, 0);
    diag_release(&d);
}
END_TEST

START_TEST(variant_checked_like_base)
{
    make_base();
    put("scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20, \"variants\": {"
                         "\"slow\": {\"travel\": {\"speed_kmh\": -1}},"
                         "\"alt\": {\"files\": {\"slots\": \"alt.csv\"}},"
                         "\"bad\": 3}}");
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    ck_assert_int_eq(scenario_load(dir, NULL, &s, &d), 0);
    scenario_free(s);
    s = NULL;
    ck_assert_int_eq(scenario_load(dir, "slow", &s, &d), 2);
    ck_assert_int_eq(scenario_load(dir, "alt", &s, &d), 2);
    ck_assert_int_eq(scenario_load(dir, "bad", &s, &d), 2);
    ck_assert_str_eq(diags_text(&d),
                     "scenario.json:1:84: travel.speed_kmh: expected a number > 0, got '-1'\n"
                     "scenario.json:1:116: files.slots: file 'alt.csv' not found in the scenario directory\n"
                     "scenario.json:1:135: variants.bad: expected an object (a JSON Merge Patch of the "
                     "base), got '3'\n");
    diag_release(&d);
    remove_dir();
}
END_TEST

START_TEST(optional_files_absent)
{
    make_base();
    char path[256];
    snprintf(path, sizeof path, "%s/distances.csv", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/reservations.csv", dir);
    unlink(path);
    put("centres.csv", "municipality,seats,max_groups\n");
    put("slots.csv", "id,municipality,capacity,from_week,to_week\n");
    /* named under their default names, they may still be absent */
    put("scenario.json", "{\"start\": \"2027-01-04\", \"weeks\": 20, \"files\": "
                         "{\"distances\": \"distances.csv\", \"reservations\": \"./reservations.csv\"}}");
    DiagList d = DIAGLIST_INIT;
    Scenario *s = NULL;
    ck_assert_msg(scenario_load(dir, NULL, &s, &d) == 0, "%s", diags_text(&d));
    ck_assert_int_eq(s->ncentres, 0);
    ck_assert_int_eq(s->nslots, 0);
    ck_assert_int_eq(s->nreservations, 0);
    ck_assert_int_eq(s->ndistances, 0);
    ck_assert(scenario_km(s, 0, 2) == TRAVEL_UNREACHABLE);
    scenario_free(s);
    diag_release(&d);
    remove_dir();
}
END_TEST

/* The default scenario name is the directory's own name however the
 * directory is written ("h1/." named the working directory before). */
static void assert_dir_name(const char *dir, const char *want)
{
    char *got = scenario_dir_name(dir);
    ck_assert_msg(got && strcmp(got, want) == 0, "%s: got '%s', want '%s'", dir, got ? got : "(null)", want);
    free(got);
}

START_TEST(directory_names)
{
    assert_dir_name("tests/scenarios/pooling", "pooling");
    assert_dir_name("tests/scenarios/pooling/", "pooling");
    assert_dir_name("tests/scenarios/pooling//", "pooling");
    assert_dir_name("tests/scenarios/pooling/.", "pooling");
    assert_dir_name("tests/scenarios/pooling/./", "pooling");
    assert_dir_name("tests/scenarios/pooling/./.", "pooling");
    assert_dir_name("./tests/scenarios/pooling", "pooling");
    assert_dir_name("tests/scenarios/pooling/..", "scenarios");
    assert_dir_name("tests/scenarios/pooling/../.", "scenarios");
    assert_dir_name("/", "scenario");
    assert_dir_name("/.", "scenario");
    char cwd[4096];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    assert_dir_name(".", strrchr(cwd, '/') + 1);
    assert_dir_name("./", strrchr(cwd, '/') + 1);
}
END_TEST

/* A variant's problems name it; its warnings and "unknown variant" already do. */
START_TEST(variant_tagged)
{
    DiagList d = DIAGLIST_INIT;
    diag_add(&d, "slots.csv", 2, 5, "to_week: expected a week 1..30, got '40'");
    diag_add(&d, "scenario.json", 3, 1, "warning: unknown key 'x' is ignored (variant 'v')");
    diag_add(&d, "scenario.json", 0, 0, "unknown variant 'v': expected one of a");
    diag_tag_variant(&d, NULL);
    ck_assert_str_eq(d.items[0].message, "to_week: expected a week 1..30, got '40'");
    diag_tag_variant(&d, "v");
    ck_assert_str_eq(d.items[0].message, "to_week: expected a week 1..30, got '40' (variant 'v')");
    ck_assert_str_eq(d.items[1].message, "warning: unknown key 'x' is ignored (variant 'v')");
    ck_assert_str_eq(d.items[2].message, "unknown variant 'v': expected one of a");
    diag_release(&d);
}
END_TEST

/* A variant's load repeats the base's problems, including those past the
 * limit: diag_drop_seen removes the recorded repeats and counts as
 * dropped only the variant's own (validate and compare said "N more
 * problems not shown" with the base's dropped ones once per variant). */
START_TEST(dropped_repeats_not_counted_again)
{
    DiagList base = DIAGLIST_INIT, var = DIAGLIST_INIT, plain = DIAGLIST_INIT;
    base.limit = var.limit = plain.limit = 2;
    base.fingerprint = var.fingerprint = 1;
    for (int i = 1; i <= 5; i++) {
        diag_add(&base, "participants.csv", i + 1, 2, "home '99x' is not in municipalities.csv");
        diag_add(&var, "participants.csv", i + 1, 2, "home '99x' is not in municipalities.csv");
        diag_add(&plain, "participants.csv", i + 1, 2, "home '99x' is not in municipalities.csv");
    }
    diag_add(&var, "participants.csv", 9, 3, "own problem");
    diag_add(&plain, "participants.csv", 9, 3, "own problem");
    ck_assert_uint_eq(base.dropped, 3);
    ck_assert_uint_eq(var.dropped, 4);
    diag_drop_seen(&var, &base);
    ck_assert_uint_eq(var.count, 0);
    ck_assert_uint_eq(var.dropped, 1); /* the own problem, past the limit */
    /* without fingerprints the recorded repeats still go; the count stands */
    diag_drop_seen(&plain, &base);
    ck_assert_uint_eq(plain.count, 0);
    ck_assert_uint_eq(plain.dropped, 4);
    diag_release(&base);
    diag_release(&var);
    diag_release(&plain);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("scenario_load");
    TCase *tc = tcase_create("load");
    tcase_add_test(tc, base_is_valid);
    tcase_add_test(tc, real_limits_are_inclusive);
    tcase_add_test(tc, whole_weeks_written_as_reals);
    tcase_add_loop_test(tc, invalid_case, 0, (int)NCASES);
    tcase_add_test(tc, missing_settings_and_bad_variants);
    tcase_add_test(tc, tables_that_are_not_files);
    tcase_add_test(tc, near_miss_keys_warned);
    tcase_add_test(tc, self_distance_warned);
    tcase_add_test(tc, all_problems_at_once);
    tcase_add_test(tc, json_and_tables_together);
    tcase_add_test(tc, pnr_is_never_echoed);
    tcase_add_test(tc, fixture_values);
    tcase_add_test(tc, fixture_variants);
    tcase_add_test(tc, unknown_variant);
    tcase_add_test(tc, list_variants);
    tcase_add_test(tc, variant_checked_like_base);
    tcase_add_test(tc, optional_files_absent);
    tcase_add_test(tc, directory_names);
    tcase_add_test(tc, variant_tagged);
    tcase_add_test(tc, dropped_repeats_not_counted_again);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
