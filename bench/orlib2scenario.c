/*
 * orlib2scenario.c — maps an OR-Library capacitated warehouse location
 * instance (Beasley 1988, ../shared/external/orlib-cap) onto a samplan
 * scenario directory, so that samplan's second level (least cost at the
 * greatest value) must reproduce the published multi-source optimum.
 *
 *   orlib2scenario CAPFILE OUTDIR [TIME_LIMIT_S]
 *
 * Mapping (bench/README.md has the argument):
 *   warehouse i  -> municipality Wi with a centre (seats s_i, max_groups 1,
 *                   tracks Ti, seat price 0) and a track Ti (min_group 1,
 *                   max_group s_i, start_every 1, first_start 1) with one
 *                   course module of 1 week, group_cost f_i;
 *   customer j   -> municipality Cj with d_j identical participants (any
 *                   track, value 1, max_minutes large, can_relocate 0);
 *                   customers with d_j = 0 are skipped;
 *   c_ij         -> distances.csv row Cj,Wi with 0 minutes and km = c_ij/d_j:
 *                   days_per_week 1, cost_per_km 0.5 and one course week make
 *                   a participant's travel 2 * km * 1 * 0.5 * 1 = km.
 * One week, no slots, no coordinates (so only listed pairs are reachable).
 * Prints "orlib2scenario: m=M n=N skipped=Z participants=P capacity=S" on
 * stdout. Exit 0, 1 on I/O failure, 2 on usage or a malformed file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static FILE *in;
static const char *in_name;

/* Next whitespace-separated number (a trailing bare '.' is fine for strtod). */
static int next_number(double *v)
{
    char tok[128];
    if (fscanf(in, "%127s", tok) != 1)
        return -1;
    char *end = NULL;
    errno = 0;
    *v = strtod(tok, &end);
    if (errno || end == tok || *end != '\0') {
        fprintf(stderr, "orlib2scenario: %s: not a number: '%s'\n", in_name, tok);
        return -1;
    }
    return 0;
}

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        fprintf(stderr, "orlib2scenario: %s: %s\n", path, strerror(errno));
    return f;
}

static int close_out(FILE *f, const char *name)
{
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        fprintf(stderr, "orlib2scenario: writing %s failed\n", name);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fputs("usage: orlib2scenario CAPFILE OUTDIR [TIME_LIMIT_S]\n", stderr);
        return 2;
    }
    double tlim = argc == 4 ? strtod(argv[3], NULL) : 300;
    if (!(tlim > 0))
        tlim = 300;
    in_name = argv[1];
    in = fopen(in_name, "r");
    if (!in) {
        fprintf(stderr, "orlib2scenario: %s: %s\n", in_name, strerror(errno));
        return 1;
    }
    double mm, nn;
    if (next_number(&mm) || next_number(&nn) || mm < 1 || nn < 1 || mm > 100000 || nn > 1000000) {
        fprintf(stderr, "orlib2scenario: %s: bad header\n", in_name);
        return 2;
    }
    int m = (int)mm, n = (int)nn;
    double *cap = calloc((size_t)m, sizeof *cap), *fix = calloc((size_t)m, sizeof *fix);
    double *d = calloc((size_t)n, sizeof *d), *c = calloc((size_t)m * (size_t)n, sizeof *c);
    if (!cap || !fix || !d || !c) {
        fputs("orlib2scenario: out of memory\n", stderr);
        return 1;
    }
    for (int i = 0; i < m; i++)
        if (next_number(&cap[i]) || next_number(&fix[i]) || cap[i] < 1 || cap[i] != (long)cap[i]
            || fix[i] < 0) {
            fprintf(stderr, "orlib2scenario: %s: bad warehouse %d\n", in_name, i + 1);
            return 2;
        }
    for (int j = 0; j < n; j++) {
        if (next_number(&d[j]) || d[j] < 0 || d[j] != (long)d[j]) {
            fprintf(stderr, "orlib2scenario: %s: bad demand of customer %d\n", in_name, j + 1);
            return 2;
        }
        for (int i = 0; i < m; i++)
            if (next_number(&c[(size_t)j * m + i]) || c[(size_t)j * m + i] < 0) {
                fprintf(stderr, "orlib2scenario: %s: bad cost c(%d,%d)\n", in_name, i + 1, j + 1);
                return 2;
            }
    }
    fclose(in);

    const char *dir = argv[2];
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "orlib2scenario: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    int rc = 0;
    FILE *f;

    /* scenario.json: one week; 1 day a week, 0.5 SEK/km so travel = km. */
    if (!(f = open_out(dir, "scenario.json")))
        return 1;
    const char *base = strrchr(in_name, '/');
    base = base ? base + 1 : in_name;
    fprintf(f,
            "{ \"name\": \"OR-Library %s\", \"start\": \"2027-01-04\", \"weeks\": 1,\n"
            "  \"cooperation\": true,\n"
            "  \"travel\": { \"max_daily_minutes\": 60, \"road_factor\": 1.3, \"speed_kmh\": 70,\n"
            "              \"cost_per_km\": 0.5, \"days_per_week\": 1,\n"
            "              \"accommodation_per_week\": 0, \"max_relocation_km\": 0 },\n"
            "  \"objective\": { \"group_weights\": {\"youth\":1,\"newcomer\":1,\"longterm\":1,\"other\":1},\n"
            "                 \"preference_step\": 0.1, \"max_cost\": null },\n"
            "  \"solver\": { \"time_limit_s\": %.17g, \"mip_gap\": 0 } }\n",
            base, tlim);
    rc |= close_out(f, "scenario.json");

    if (!(f = open_out(dir, "municipalities.csv")))
        return 1;
    fputs("code,name\n", f);
    for (int i = 0; i < m; i++)
        fprintf(f, "W%d,warehouse %d\n", i + 1, i + 1);
    for (int j = 0; j < n; j++)
        if (d[j] > 0)
            fprintf(f, "C%d,customer %d\n", j + 1, j + 1);
    rc |= close_out(f, "municipalities.csv");

    if (!(f = open_out(dir, "centres.csv")))
        return 1;
    fputs("municipality,seats,max_groups,tracks,seat_price_per_week\n", f);
    for (int i = 0; i < m; i++)
        fprintf(f, "W%d,%ld,1,T%d,0\n", i + 1, (long)cap[i], i + 1);
    rc |= close_out(f, "centres.csv");

    if (!(f = open_out(dir, "tracks.csv")))
        return 1;
    fputs("track,name,min_group,max_group,start_every,first_start\n", f);
    for (int i = 0; i < m; i++)
        fprintf(f, "T%d,warehouse %d,1,%ld,1,1\n", i + 1, i + 1, (long)cap[i]);
    rc |= close_out(f, "tracks.csv");

    if (!(f = open_out(dir, "modules.csv")))
        return 1;
    fputs("track,seq,name,kind,weeks,group_cost\n", f);
    for (int i = 0; i < m; i++)
        fprintf(f, "T%d,1,open,course,1,%.17g\n", i + 1, fix[i]);
    rc |= close_out(f, "modules.csv");

    if (!(f = open_out(dir, "participants.csv")))
        return 1;
    fputs("id,home,group,gender,tracks,earliest_week,latest_week,max_minutes,can_relocate,priority\n", f);
    long participants = 0;
    for (int j = 0; j < n; j++)
        for (long k = 1; k <= (long)d[j]; k++, participants++)
            fprintf(f, "c%dp%ld,C%d,other,unknown,,,,100000,0,\n", j + 1, k, j + 1);
    rc |= close_out(f, "participants.csv");

    if (!(f = open_out(dir, "distances.csv")))
        return 1;
    fputs("from,to,minutes,km\n", f);
    for (int j = 0; j < n; j++)
        if (d[j] > 0)
            for (int i = 0; i < m; i++)
                fprintf(f, "C%d,W%d,0,%.17g\n", j + 1, i + 1, c[(size_t)j * m + i] / d[j]);
    rc |= close_out(f, "distances.csv");

    if (!(f = open_out(dir, "slots.csv")))
        return 1;
    fputs("id,municipality,capacity,from_week,to_week\n", f);
    rc |= close_out(f, "slots.csv");

    double total_cap = 0;
    int skipped = 0;
    for (int i = 0; i < m; i++)
        total_cap += cap[i];
    for (int j = 0; j < n; j++)
        skipped += d[j] == 0;
    printf("orlib2scenario: m=%d n=%d skipped=%d participants=%ld capacity=%.0f\n", m, n, skipped,
           participants, total_cap);
    free(cap);
    free(fix);
    free(d);
    free(c);
    return rc ? 1 : 0;
}
