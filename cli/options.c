/*
 * options.c — option-value parsing and usage errors shared by the
 * subcommands (the tables' strict number parsing, and range checks).
 */
#include "commands.h"

#include "../io/load_cells.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    fputs("samplan: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (command)
        fprintf(stderr, "try 'samplan help %s' for usage\n", command);
    else
        fputs("try 'samplan --help' for usage\n", stderr);
    return EXIT_BAD_INPUT;
}

/* Numbers as the tables take them (io/load_cells.c: no spaces, hexadecimal
 * or "infinity"; an underflow is the nearest double), but no plus sign:
 * on a command line it is more likely a slip than a sign. */
int parse_double_option(const char *text, double min, double max, double *out)
{
    double v;
    if (!text || *text == '+' || parse_strict_double(text, &v) != 0 || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

int parse_long_option(const char *text, long min, long max, long *out)
{
    long v;
    if (!text || *text == '+' || parse_strict_long(text, &v) != 0 || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

/* POSIX: `--` ends the options, and every argument after it is an
 * operand, even one that starts with '-' (`solve -o plan -- -2027`;
 * `solve DIR -- -o x` is two stray operands, not an option: tester,
 * twenty-sixth session). A lone "-" is an operand too. */
int take_operand(const char *command, const char *arg, int *literal, const char **dir)
{
    if (!*literal && strcmp(arg, "--") == 0) {
        *literal = 1;
        return OPERAND_TAKEN;
    }
    if (!*literal && arg[0] == '-' && arg[1])
        return OPERAND_NOT;
    if (*dir) {
        usage_error(command, "unexpected argument '%s'", arg);
        return OPERAND_ERROR;
    }
    *dir = arg;
    return OPERAND_TAKEN;
}

int bad_option_value(const char *command, const char *option, const char *expected, int argc, char **argv, int i)
{
    if (i + 1 >= argc)
        return usage_error(command, "%s needs a value: %s", option, expected);
    return usage_error(command, "%s takes %s, got '%s'", option, expected, argv[i + 1]);
}

void warn_bad_jobs_env(void)
{
    const char *env = getenv("SAMPLAN_JOBS");
    long v;
    if (!env || !*env)
        return;
    if (parse_long_option(env, 1, 1000000000L, &v) != 0)
        fprintf(stderr, "samplan: warning: SAMPLAN_JOBS '%s' is ignored: expected a whole number from 1 to 8\n",
                env);
    else if (v > 8)
        fprintf(stderr, "samplan: warning: SAMPLAN_JOBS '%s': at most 8 worker processes are used\n", env);
}
