/*
 * generate.c — samplan generate: writes a scenario directory from a preset
 * (SPEC §4). The scenario itself is built by model/generate.c and the
 * presets in model/preset_*.c, and written all-or-nothing by
 * io/scenario_write.c; this file only parses options and reports.
 */
#include "commands.h"

#include "../io/atomic_file.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "../io/scenario_write.h"
#include "../model/generate.h"

const char generate_usage[] =
    "usage: samplan generate --preset NAME [--participants N] [--seed S] [--force] -o DIR\n"
    "\n"
    "Writes a complete scenario directory (scenario.json, the CSV tables of\n"
    "SPEC section 1 and a README.md) built from a preset. The same arguments\n"
    "always give byte-identical files, on any machine.\n"
    "\n"
    "  --preset NAME       sikt-inland, norra-vastmanland, kronoberg, lysekil,\n"
    "                      skelleftea-norsjo or national\n"
    "  --participants N    number of participants, 1..1000000 (default: the\n"
    "                      preset's; placement slots are scaled along)\n"
    "  --seed S            seed of the generator, 0..9223372036854775807 (default 1)\n"
    "  -o, --output DIR    directory to create; an existing one is refused\n"
    "  --force             write into an existing DIR, replacing files of the same names\n"
    "\n"
    "exit codes: 0 written, 1 I/O failure, 2 bad usage, DIR exists or cannot be made\n";

/* Matches "--name VALUE" or "--name=VALUE"; advances *i past the value. */
static int option_value(int argc, char **argv, int *i, const char *name, const char **value,
                        int *missing)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *value = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc) {
        *missing = 1;
        return 1;
    }
    *value = argv[++*i];
    return 1;
}

int cmd_generate(int argc, char **argv)
{
    const char *preset_name = NULL, *dir = NULL, *participants_text = NULL, *seed_text = NULL;
    int force = 0;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int missing = 0;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(generate_usage, stdout);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--force") == 0) {
            force = 1;
            continue;
        } else if (option_value(argc, argv, &i, "--preset", &v, &missing)) {
            preset_name = v;
        } else if (option_value(argc, argv, &i, "--participants", &v, &missing)) {
            participants_text = v;
        } else if (option_value(argc, argv, &i, "--seed", &v, &missing)) {
            seed_text = v;
        } else if (option_value(argc, argv, &i, "--output", &v, &missing)
                   || option_value(argc, argv, &i, "-o", &v, &missing)) {
            dir = v;
        } else if (argv[i][0] == '-') {
            return usage_error("generate", "unknown option '%s'", argv[i]);
        } else {
            return usage_error("generate", "unexpected argument '%s'", argv[i]);
        }
        if (missing)
            return usage_error("generate", "option '%s' needs a value", argv[i]);
    }
    if (!preset_name)
        return usage_error("generate", "missing --preset NAME");
    const Preset *preset = generate_find_preset(preset_name);
    if (!preset)
        return usage_error("generate",
                           "unknown preset '%s': expected sikt-inland, norra-vastmanland, "
                           "kronoberg, lysekil, skelleftea-norsjo or national",
                           preset_name);
    GenParams params = {0, 1};
    if (participants_text) {
        long n;
        if (parse_long_option(participants_text, 1, 1000000, &n) != 0)
            return usage_error("generate", "--participants: expected an integer 1..1000000, got '%s'",
                               participants_text);
        params.participants = n;
    }
    if (seed_text) {
        long s;
        if (parse_long_option(seed_text, 0, LONG_MAX, &s) != 0)
            return usage_error("generate", "--seed: expected an integer 0..%ld, got '%s'", LONG_MAX,
                               seed_text);
        params.seed = (uint64_t)s;
    }
    if (!dir || !*dir)
        return usage_error("generate", "missing -o DIR");
    /* as solve and compare: a location that cannot take files is exit 2
     * before anything is generated (independent audit, twenty-second
     * session: exit 1, and no parents made where solve makes them) */
    char why[4400] = "";
    if (!directory_takes_files(dir, 1, why, sizeof why)) {
        fprintf(stderr, "samplan: cannot write the output directory '%s': %s\n", dir, why);
        return EXIT_BAD_INPUT;
    }

    GenOutput out = GENOUTPUT_INIT;
    if (generate_scenario(preset, &params, &out) != 0) {
        fputs("samplan: generate: out of memory\n", stderr);
        return EXIT_NO_PLAN;
    }
    DiagList diags = DIAGLIST_INIT;
    int rc = scenario_write(dir, &out, force, &diags);
    diag_print(&diags, stderr, "samplan");
    diag_release(&diags);
    gen_output_release(&out);
    if (rc == SCENARIO_WRITE_EXISTS)
        return EXIT_BAD_INPUT;
    if (rc != SCENARIO_WRITE_OK)
        return EXIT_NO_PLAN;
    /* a word on what was made and what to do next (it printed nothing:
     * review, twenty-sixth session) */
    printf("generated  %s/ (preset %s, %ld participants, seed %llu)\n"
           "next       samplan validate %s   then   samplan solve %s\n",
           dir, preset->name, params.participants > 0 ? params.participants : preset->default_participants,
           (unsigned long long)params.seed, dir, dir);
    return EXIT_OK;
}
