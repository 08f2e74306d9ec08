/*
 * check_generate.c — tests of the scenario generator (model/generate.c,
 * model/preset_*.c) and its writer (io/scenario_write.c): determinism
 * (same arguments → identical bytes, different seed → different
 * participants), the required files with their exact headers, participant
 * counts equal to --participants, refusal of an existing directory, and
 * that every preset loads with scenario_load() without a diagnostic, for
 * the base and every variant. Also: the committed scenarios/<preset>
 * directories are byte-identical to what their README command generates.
 */
#include <check.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../io/scenario_load.h"
#include "../io/scenario_write.h"
#include "../model/generate.h"

static const char *const shipped[] = {"sikt-inland", "norra-vastmanland", "kronoberg",
                                      "lysekil", "skelleftea-norsjo"};
#define NSHIPPED 5

static GenOutput make(const char *preset, long participants, uint64_t seed)
{
    const Preset *p = generate_find_preset(preset);
    ck_assert_msg(p != NULL, "preset %s", preset);
    GenParams params = {participants, seed};
    GenOutput out = GENOUTPUT_INIT;
    ck_assert_int_eq(generate_scenario(p, &params, &out), 0);
    return out;
}

static long rows(const GenOutput *out, const char *name)
{
    const GenFile *f = gen_find(out, name);
    ck_assert_msg(f != NULL, "%s generated", name);
    long n = 0;
    for (size_t i = 0; i < f->text.len; i++)
        n += f->text.data[i] == '\n';
    return n - 1;
}

static int starts_with(const GenOutput *out, const char *name, const char *header)
{
    const GenFile *f = gen_find(out, name);
    return f && f->text.len >= strlen(header) && memcmp(f->text.data, header, strlen(header)) == 0;
}

/* A fresh directory name under a private temporary directory. */
static char tmproot[256];

static void setup(void)
{
    snprintf(tmproot, sizeof tmproot, "/tmp/check_generate.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmproot));
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(path);
        else
            unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static void teardown(void)
{
    remove_tree(tmproot);
}

static int same_output(const GenOutput *a, const GenOutput *b)
{
    if (a->nfiles != b->nfiles)
        return 0;
    for (int i = 0; i < a->nfiles; i++)
        if (strcmp(a->files[i].name, b->files[i].name) != 0
            || a->files[i].text.len != b->files[i].text.len
            || memcmp(a->files[i].text.data, b->files[i].text.data, a->files[i].text.len) != 0)
            return 0;
    return 1;
}

START_TEST(test_deterministic)
{
    for (int i = 0; generate_presets[i]; i++) {
        long n = strcmp(generate_presets[i]->name, "national") == 0 ? 2000 : 0;
        GenOutput a = make(generate_presets[i]->name, n, 7);
        GenOutput b = make(generate_presets[i]->name, n, 7);
        ck_assert_msg(same_output(&a, &b), "%s not deterministic", generate_presets[i]->name);
        GenOutput c = make(generate_presets[i]->name, n, 8);
        const GenFile *pa = gen_find(&a, "participants.csv"), *pc = gen_find(&c, "participants.csv");
        ck_assert(pa && pc);
        ck_assert_msg(pa->text.len != pc->text.len || memcmp(pa->text.data, pc->text.data, pa->text.len) != 0,
                      "%s: seed has no effect", generate_presets[i]->name);
        gen_output_release(&a);
        gen_output_release(&b);
        gen_output_release(&c);
    }
}
END_TEST

START_TEST(test_files_and_headers)
{
    for (int i = 0; generate_presets[i]; i++) {
        long n = strcmp(generate_presets[i]->name, "national") == 0 ? 1000 : 0;
        GenOutput o = make(generate_presets[i]->name, n, 1);
        const char *name = generate_presets[i]->name;
        ck_assert_msg(gen_find(&o, "scenario.json") != NULL, "%s scenario.json", name);
        ck_assert_msg(gen_find(&o, "README.md") != NULL, "%s README.md", name);
        ck_assert_msg(starts_with(&o, "municipalities.csv", GEN_HDR_MUNICIPALITIES), "%s", name);
        ck_assert_msg(starts_with(&o, "centres.csv", GEN_HDR_CENTRES), "%s", name);
        ck_assert_msg(starts_with(&o, "tracks.csv", GEN_HDR_TRACKS), "%s", name);
        ck_assert_msg(starts_with(&o, "modules.csv", GEN_HDR_MODULES), "%s", name);
        ck_assert_msg(starts_with(&o, "participants.csv", GEN_HDR_PARTICIPANTS), "%s", name);
        ck_assert_msg(starts_with(&o, "slots.csv", GEN_HDR_SLOTS), "%s", name);
        ck_assert_msg(starts_with(&o, "reservations.csv", GEN_HDR_RESERVATIONS), "%s", name);
        ck_assert_msg(strstr(gen_find(&o, "scenario.json")->text.data, "\"start\": \"2027-01-04\""),
                      "%s start", name);
        gen_output_release(&o);
    }
}
END_TEST

START_TEST(test_exact_headers_literal)
{
    /* The headers pinned against SPEC §1 column names, independent of the macros. */
    GenOutput o = make("sikt-inland", 0, 1);
    ck_assert(starts_with(&o, "tracks.csv", "track,name,min_group,max_group,start_every,first_start\n"));
    ck_assert(starts_with(&o, "participants.csv",
                          "id,home,group,gender,tracks,earliest_week,latest_week,max_minutes,"
                          "can_relocate,priority\n"));
    ck_assert(starts_with(&o, "slots.csv",
                          "id,municipality,capacity,from_week,to_week,tracks,employer,owner,permanent\n"));
    ck_assert(starts_with(&o, "reservations.csv", "slot,from_week,to_week,count,holder\n"));
    ck_assert(starts_with(&o, "centres.csv", "municipality,seats,max_groups,tracks,seat_price_per_week\n"));
    ck_assert(starts_with(&o, "modules.csv", "track,seq,name,kind,weeks,group_cost\n"));
    gen_output_release(&o);
}
END_TEST

START_TEST(test_participant_counts)
{
    static const long counts[] = {1, 7, 123, 1000};
    for (int i = 0; generate_presets[i]; i++)
        for (int k = 0; k < 4; k++) {
            GenOutput o = make(generate_presets[i]->name, counts[k], 3);
            ck_assert_msg(rows(&o, "participants.csv") == counts[k], "%s: %ld participants",
                          generate_presets[i]->name, counts[k]);
            gen_output_release(&o);
        }
    for (int i = 0; i < NSHIPPED; i++) {
        GenOutput o = make(shipped[i], 0, 1);
        ck_assert_int_eq(rows(&o, "participants.csv"),
                         generate_find_preset(shipped[i])->default_participants);
        gen_output_release(&o);
    }
    GenOutput nat = make("national", 0, 1);
    ck_assert_int_eq(rows(&nat, "participants.csv"), 50000);
    ck_assert_int_eq(rows(&nat, "municipalities.csv"), 290);
    gen_output_release(&nat);
}
END_TEST

START_TEST(test_ids_pseudonymous)
{
    GenOutput o = make("kronoberg", 0, 1);
    const GenFile *f = gen_find(&o, "participants.csv");
    const char *line = strchr(f->text.data, '\n') + 1;
    ck_assert(strncmp(line, "P0001,", 6) == 0);
    gen_output_release(&o);
}
END_TEST

START_TEST(test_apportion)
{
    double w[3] = {1, 1, 1};
    long out[3];
    gen_apportion(w, 3, 10, out);
    ck_assert_int_eq(out[0] + out[1] + out[2], 10);
    ck_assert_int_eq(out[0], 4); /* ties go to the lower index */
    ck_assert_int_eq(out[1], 3);
    double z[2] = {0, 5};
    long o2[2];
    gen_apportion(z, 2, 9, o2);
    ck_assert_int_eq(o2[0], 0);
    ck_assert_int_eq(o2[1], 9);
}
END_TEST

START_TEST(test_write_refuses_existing)
{
    GenOutput o = make("lysekil", 0, 1);
    char dir[512];
    snprintf(dir, sizeof dir, "%s/lysekil", tmproot);
    DiagList d = DIAGLIST_INIT;
    ck_assert_int_eq(scenario_write(dir, &o, 0, &d), SCENARIO_WRITE_OK);
    ck_assert_int_eq((int)diag_total(&d), 0);
    ck_assert_int_eq(scenario_write(dir, &o, 0, &d), SCENARIO_WRITE_EXISTS);
    ck_assert_int_eq((int)diag_total(&d), 1);
    ck_assert_ptr_nonnull(strstr(d.items[0].message, "already exists"));
    diag_release(&d);
    ck_assert_int_eq(scenario_write(dir, &o, 1, &d), SCENARIO_WRITE_OK);
    struct stat st;
    char path[600];
    snprintf(path, sizeof path, "%s/participants.csv", dir);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    snprintf(path, sizeof path, "%s/participants.csv.tmp", dir);
    ck_assert_int_ne(stat(path, &st), 0);
    diag_release(&d);
    /* Missing parent directories are made, as solve makes them. */
    snprintf(dir, sizeof dir, "%s/no/such/", tmproot);
    ck_assert_int_eq(scenario_write(dir, &o, 0, &d), SCENARIO_WRITE_OK);
    snprintf(path, sizeof path, "%s/no/such/participants.csv", tmproot);
    ck_assert_int_eq(stat(path, &st), 0);
    diag_release(&d);
    /* A parent that is a file is an I/O failure that leaves nothing behind. */
    snprintf(path, sizeof path, "%s/afile", tmproot);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    snprintf(dir, sizeof dir, "%s/afile/x", tmproot);
    ck_assert_int_eq(scenario_write(dir, &o, 0, &d), SCENARIO_WRITE_IO);
    diag_release(&d);
    gen_output_release(&o);
}
END_TEST

/* Loads dir's base and every variant; fails with the first diagnostic. */
static void assert_loads(const char *dir, const char *what)
{
    DiagList d = DIAGLIST_INIT;
    char **names = NULL;
    int count = 0;
    ck_assert_msg(scenario_list_variants(dir, &names, &count, &d) == 0, "%s: variants", what);
    for (int v = -1; v < count; v++) {
        Scenario *s = NULL;
        int rc = scenario_load(dir, v < 0 ? NULL : names[v], &s, &d);
        char first[512] = "";
        if (d.count > 0)
            diag_format(&d.items[0], first, sizeof first);
        ck_assert_msg(rc == 0 && diag_total(&d) == 0, "%s variant %s: rc %d: %s", what,
                      v < 0 ? "(base)" : names[v], rc, first);
        scenario_free(s);
        diag_release(&d);
    }
    for (int v = 0; v < count; v++)
        free(names[v]);
    free(names);
}

START_TEST(test_presets_load)
{
    for (int i = 0; generate_presets[i]; i++) {
        long n = strcmp(generate_presets[i]->name, "national") == 0 ? 3000 : 0;
        GenOutput o = make(generate_presets[i]->name, n, 1);
        char dir[512];
        snprintf(dir, sizeof dir, "%s/%s", tmproot, generate_presets[i]->name);
        DiagList d = DIAGLIST_INIT;
        ck_assert_int_eq(scenario_write(dir, &o, 0, &d), SCENARIO_WRITE_OK);
        diag_release(&d);
        assert_loads(dir, generate_presets[i]->name);
        gen_output_release(&o);
    }
}
END_TEST

/* The committed scenarios are the generator's output for their README
 * command (default participants, seed 1). Run from the repository root. */
START_TEST(test_committed_scenarios_match)
{
    for (int i = 0; i < NSHIPPED; i++) {
        GenOutput o = make(shipped[i], 0, 1);
        for (int f = 0; f < o.nfiles; f++) {
            char path[512];
            snprintf(path, sizeof path, "scenarios/%s/%s", shipped[i], o.files[f].name);
            FILE *fp = fopen(path, "rb");
            ck_assert_msg(fp != NULL, "%s missing: regenerate with the README command", path);
            char *buf = malloc(o.files[f].text.len + 2);
            ck_assert_ptr_nonnull(buf);
            size_t got = fread(buf, 1, o.files[f].text.len + 1, fp);
            fclose(fp);
            ck_assert_msg(got == o.files[f].text.len
                              && memcmp(buf, o.files[f].text.data, got) == 0,
                          "%s differs from the generator's output: regenerate with --force", path);
            free(buf);
        }
        char dir[512];
        snprintf(dir, sizeof dir, "scenarios/%s", shipped[i]);
        assert_loads(dir, dir);
        gen_output_release(&o);
    }
}
END_TEST

static Suite *generate_suite(void)
{
    Suite *s = suite_create("generate");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_deterministic);
    tcase_add_test(tc, test_files_and_headers);
    tcase_add_test(tc, test_exact_headers_literal);
    tcase_add_test(tc, test_participant_counts);
    tcase_add_test(tc, test_ids_pseudonymous);
    tcase_add_test(tc, test_apportion);
    tcase_add_test(tc, test_write_refuses_existing);
    tcase_add_test(tc, test_presets_load);
    tcase_add_test(tc, test_committed_scenarios_match);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(generate_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
