/*
 * week_dates.c — ISO weeks and day arithmetic (see week_dates.h), with the
 * civil-from-days algorithms of Howard Hinnant.
 */
#include "week_dates.h"

#include <stdio.h>

static long days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int parse(const char *date, long *days)
{
    int y, m, d;
    char tail;
    if (!date || sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return -1;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    *days = days_from_civil(y, m, d);
    return 0;
}

int date_add_days(const char *date, long days, char out[11])
{
    long z;
    if (parse(date, &z) != 0)
        return -1;
    long y;
    int m, d;
    civil_from_days(z + days, &y, &m, &d);
    if (y < 0 || y > 9999)
        return -1;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
    return 0;
}

int iso_week_of(const char *date, int *iso_year, int *iso_week)
{
    long z;
    if (parse(date, &z) != 0)
        return -1;
    /* 1970-01-01 was a Thursday: weekday 1 = Monday … 7 = Sunday */
    long wd = ((z % 7) + 7 + 3) % 7 + 1;
    long thursday = z - wd + 4;
    long y;
    int m, d;
    civil_from_days(thursday, &y, &m, &d);
    long jan1 = days_from_civil(y, 1, 1);
    *iso_year = (int)y;
    *iso_week = (int)((thursday - jan1) / 7 + 1);
    return 0;
}

void iso_week_label(const char *date, char out[16])
{
    int y, w;
    if (iso_week_of(date, &y, &w) != 0 || y < 0 || y > 9999)
        snprintf(out, 16, "?");
    else
        snprintf(out, 16, "%04u-W%02u", (unsigned)y % 10000u, (unsigned)w % 100u);
}
