/*
 * main.c — samplan's entry point: dispatches to one subcommand per file in
 * cli/ through the table below, and answers --help, --version and help NAME.
 */
#include "commands.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef SAMPLAN_VERSION
#define SAMPLAN_VERSION "0.0.0"
#endif

static const Command commands[] = {
    {"solve", cmd_solve, "solve a scenario and write the optimal plan", solve_usage},
    {"validate", cmd_validate, "check a scenario (base and variants) without solving", validate_usage},
    {"compare", cmd_compare, "solve the base and variants, side by side", compare_usage},
    {"export", cmd_export, "write the integer program as CPLEX LP or MPS", export_usage},
    {"report", cmd_report, "(re)build OUT/report.html from a plan directory", report_usage},
    {"generate", cmd_generate, "generate a scenario directory from a preset", generate_usage},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void print_help(FILE *out)
{
    fputs("usage: samplan COMMAND [ARGS]\n\n"
          "Plans cooperative job tracks across municipalities: which learning centre\n"
          "hosts each course and when, who joins which cohort, and which placement\n"
          "slot each participant gets, with no slot over-booked in any week.\n\n"
          "commands:\n", out);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\n  samplan help COMMAND   full help for one command\n"
          "  samplan --version\n\n"
          "exit codes: 0 success, 1 no plan or solver failure, 2 bad input or usage\n", out);
}

static const Command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

/* The long options that take a value, in any subcommand. */
static const char *const value_options[] = {"--db",     "--gap",        "--jobs",    "--lp",
                                            "--mps",    "--out",        "--output",  "--participants",
                                            "--preset", "--seed",       "--time-limit", "--variant",
                                            "--variants"};

/* The options that take no value, in any subcommand. */
static const char *const flag_options[] = {"--force", "--help", "--plain", "--quiet", "-h", "-q"};



/* 1 when arg[0..n) names an option that takes a value (n = strlen when
 * the whole argument), -o included. */
static int takes_value(const char *arg, size_t n)
{
    if (n == 2 && strncmp(arg, "-o", 2) == 0)
        return 1;
    for (size_t i = 0; i < sizeof value_options / sizeof *value_options; i++)
        if (strlen(value_options[i]) == n && strncmp(arg, value_options[i], n) == 0)
            return 1;
    return 0;
}

/* 1 when arg is an option of some subcommand, as a whole argument. */
static int is_option(const char *arg)
{
    for (size_t i = 0; i < sizeof flag_options / sizeof *flag_options; i++)
        if (strcmp(arg, flag_options[i]) == 0)
            return 1;
    return takes_value(arg, strlen(arg));
}

/* Every subcommand takes a GNU-style `--name=value` as `--name value`,
 * for the options that take a value: the argument is cut at its '=' in
 * place (argv's strings are the program's to change) into a new argument
 * vector. An argument that is an option's value, or comes after `--`,
 * is left whole (report -- DIR, -o --a=b), and so is `--force=1` (the
 * subcommand then refuses it as an unknown option). NULL on out of memory. */
static char **split_long_options(int argc, char **argv, int *newc)
{
    char **out = malloc((size_t)(2 * argc + 1) * sizeof *out);
    if (!out)
        return NULL;
    int n = 0, literal = 0, value_next = 0;
    for (int i = 0; i < argc; i++) {
        char *arg = argv[i];
        char *eq = !literal && !value_next && i > 0 && strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
        int is_value = value_next;
        value_next = 0;
        out[n++] = arg;
        if (i == 0 || literal || is_value)
            continue;
        if (strcmp(arg, "--") == 0) {
            literal = 1;
        } else if (eq && takes_value(arg, (size_t)(eq - arg))) {
            *eq = '\0';
            out[n++] = eq + 1;
        } else if (takes_value(arg, strlen(arg))) {
            value_next = 1;
        }
    }
    out[n] = NULL;
    *newc = n;
    return out;
}

/* The name an option is known by: -o, --out and --output are one. */
static const char *canonical_option(const char *arg)
{
    return strcmp(arg, "--out") == 0 || strcmp(arg, "--output") == 0 ? "-o" : arg;
}

/* Refuses, for every subcommand alike, an option that takes a value given
 * twice (the last one would silently win: `generate -o a -o b`) and a
 * value that is itself an option (`solve DIR -o --quiet` would write a
 * plan directory named "--quiet"). args[0] is the subcommand. Returns 0
 * or EXIT_BAD_INPUT after the message. */
static int check_value_options(const char *command, int n, char **args)
{
    const size_t nnames = sizeof value_options / sizeof *value_options + 1; /* and -o */
    const char *given[sizeof value_options / sizeof *value_options + 1];
    size_t ngiven = 0; /* the value options met so far; their values are skipped below */
    for (int i = 1; i < n; i++) {
        if (strcmp(args[i], "--") == 0)
            return 0;
        if (!takes_value(args[i], strlen(args[i])))
            continue;
        const char *name = canonical_option(args[i]);
        for (size_t k = 0; k < ngiven; k++)
            if (strcmp(given[k], name) == 0)
                return usage_error(command, "option %s given twice", args[i]);
        if (ngiven < nnames)
            given[ngiven++] = name;
        if (i + 1 < n && (strncmp(args[i + 1], "--", 2) == 0 || is_option(args[i + 1])))
            return usage_error(command, "%s needs a value, got the option '%s'", args[i], args[i + 1]);
        i++; /* its value */
    }
    return 0;
}

static int run_command_line(int argc, char **argv)
{
    if (argc < 2)
        return usage_error(NULL, "missing command");
    const char *name = argv[1];
    /* nothing is silently ignored: `samplan --version extra` is a mistake */
    int is_help = strcmp(name, "help") == 0;
    if ((is_help || strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "--version") == 0) &&
        argc > 2 + is_help)
        return usage_error(NULL, "unexpected argument '%s' after '%s%s%s'", argv[2 + is_help], name,
                           is_help ? " " : "", is_help ? argv[2] : "");
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        print_help(stdout);
        return EXIT_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("samplan %s\n", SAMPLAN_VERSION);
        return EXIT_OK;
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3 || strcmp(argv[2], "help") == 0) {
            print_help(stdout);
            return EXIT_OK;
        }
        const Command *c = find_command(argv[2]);
        if (!c)
            return usage_error(NULL, "unknown command '%s'", argv[2]);
        fputs(c->usage, stdout);
        return EXIT_OK;
    }
    const Command *c = find_command(name);
    if (!c && name[0] == '-')
        return usage_error(NULL, "unknown option '%s': expected a command first (samplan --help lists them)",
                           name);
    if (!c)
        return usage_error(NULL, "unknown command '%s'", name);
    int n = 0;
    char **args = split_long_options(argc - 1, argv + 1, &n);
    if (!args) {
        fputs("samplan: out of memory\n", stderr);
        return EXIT_NO_PLAN;
    }
    int rc = check_value_options(c->name, n, args);
    if (rc == 0)
        rc = c->run(n, args);
    free(args);
    return rc;
}

/* A command whose standard output could not be written (a full disk, a
 * closed pipe end) has not done what it was asked, whatever it returned:
 * `--version > /dev/full` exited 0 (independent audit, twenty-second
 * session). A solve that wrote its plan is the exception: SPEC §4's exit 0
 * means "a plan was written", and its plan is in its files; the summary
 * it could not print is only warned about (`solve --help` is not). */
static int stdout_failed(void)
{
    errno = 0;
    int failed = fflush(stdout) != 0 || ferror(stdout);
    if (failed)
        fprintf(stderr, "samplan: cannot write to standard output: %s\n",
                errno ? strerror(errno) : "write error");
    return failed;
}

int main(int argc, char **argv)
{
    /* Outputs hold personal data: nothing samplan creates is world-readable. */
    umask(077);
    int rc = run_command_line(argc, argv);
    /* a command that failed has said why already */
    if (rc == EXIT_OK && stdout_failed() && !solve_wrote_plan())
        rc = EXIT_NO_PLAN;
    return rc;
}
