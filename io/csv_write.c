/*
 * csv_write.c — RFC 4180 cells and round-tripping numbers (see csv_write.h).
 */
#include "csv_write.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int round_trips(const char *buf, double v)
{
    return strtod(buf, NULL) == v;
}

char *sp_format_double(double v, char *buf)
{
    if (isnan(v)) {
        strcpy(buf, "nan");
        return buf;
    }
    if (isinf(v)) {
        strcpy(buf, v > 0 ? "inf" : "-inf");
        return buf;
    }
    if (v == 0.0) {
        strcpy(buf, "0");
        return buf;
    }
    /* Integral values: plain integers (every double from 2^53 on is one,
     * so 1.2e18 prints all its digits). */
    if (v == floor(v)) {
        snprintf(buf, SP_NUMBER_BUF, "%.0f", v);
        return buf;
    }
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, SP_NUMBER_BUF, "%.*g", prec, v);
        if (round_trips(buf, v))
            break;
    }
    if (!strchr(buf, 'e'))
        return buf;
    /* %g chose an exponent (a small value): the same digits in fixed
     * notation, which SPEC §3 asks for ("with a decimal point"). */
    for (int p = prec; p <= SP_NUMBER_BUF - 8; p++) {
        snprintf(buf, SP_NUMBER_BUF, "%.*f", p, v);
        if (round_trips(buf, v))
            break;
    }
    return buf;
}

char *sp_format_real(double v, char *buf)
{
    sp_format_double(v, buf);
    if (isfinite(v) && !strchr(buf, '.'))
        strcat(buf, ".0");
    return buf;
}

static int needs_quotes(const char *s)
{
    if (!*s)
        return 0;
    if (s[0] == ' ' || s[strlen(s) - 1] == ' ')
        return 1;
    return strpbrk(s, ",\"\r\n") != NULL;
}

void csv_write_field(FILE *f, const char *s)
{
    if (!s)
        return;
    if (!needs_quotes(s)) {
        fputs(s, f);
        return;
    }
    putc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', f);
        putc(*s, f);
    }
    putc('"', f);
}

static void sep(CsvOut *o)
{
    if (o->col++ > 0)
        putc(',', o->f);
}

void csv_str(CsvOut *o, const char *s)
{
    sep(o);
    csv_write_field(o->f, s);
}

void csv_empty(CsvOut *o)
{
    sep(o);
}

void csv_int(CsvOut *o, long v)
{
    sep(o);
    fprintf(o->f, "%ld", v);
}

void csv_num(CsvOut *o, double v)
{
    char buf[SP_NUMBER_BUF];
    sep(o);
    fputs(sp_format_double(v, buf), o->f);
}

void csv_real(CsvOut *o, double v)
{
    char buf[SP_NUMBER_BUF];
    sep(o);
    fputs(sp_format_real(v, buf), o->f);
}

void csv_end(CsvOut *o)
{
    putc('\n', o->f);
    o->col = 0;
}

void csv_header(FILE *f, const char *names)
{
    fputs(names, f);
    putc('\n', f);
}
