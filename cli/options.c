/*
 * options.c — option-value parsing and usage errors shared by the
 * subcommands (strtod/strtol with end-pointer, errno and range checks).
 */
#include "commands.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
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

/* 1 when text is written as a person writes a number on a command line:
 * an optional minus, digits, and (with `fraction`) a decimal point and an
 * exponent. strtod and strtol alone also take leading spaces, a plus,
 * hexadecimal and "infinity", which a typo should not pass for. */
static int plain_number(const char *text, int fraction)
{
    const char *p = text + (*text == '-');
    if (!isdigit((unsigned char)*p) && !(fraction && *p == '.' && isdigit((unsigned char)p[1])))
        return 0;
    size_t digits = strspn(p, "0123456789");
    if (!fraction)
        return p[digits] == '\0';
    return p[strspn(p, "0123456789.eE+-")] == '\0';
}

int parse_double_option(const char *text, double min, double max, double *out)
{
    if (!text || !plain_number(text, 1))
        return -1;
    char *end = NULL;
    errno = 0;
    double v = strtod(text, &end);
    /* underflow (ERANGE) gives the nearest double, as load_cells.c takes it */
    if ((errno && errno != ERANGE) || *end || !isfinite(v) || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

int parse_long_option(const char *text, long min, long max, long *out)
{
    if (!text || !plain_number(text, 0))
        return -1;
    char *end = NULL;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}
