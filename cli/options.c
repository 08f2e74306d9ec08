/*
 * options.c — option-value parsing and usage errors shared by the
 * subcommands (strtod/strtol with end-pointer, errno and range checks).
 */
#include "commands.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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

int parse_double_option(const char *text, double min, double max, double *out)
{
    if (!text || !*text)
        return -1;
    char *end = NULL;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || *end || !isfinite(v) || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

int parse_long_option(const char *text, long min, long max, long *out)
{
    if (!text || !*text)
        return -1;
    char *end = NULL;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}
