/*
 * calendar.c — proleptic Gregorian day counts, ISO weeks and strict ISO
 * dates (Howard Hinnant's civil-from-days algorithms), so no time zone or
 * locale can shift a week's date. Used by the loader, the reports and
 * validate; see calendar.h.
 */
#include "calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long calendar_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void calendar_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

void calendar_format(long days, char buf[11])
{
    int y, m, d;
    calendar_civil(days, &y, &m, &d);
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
    memcpy(buf, tmp, 10);
    buf[10] = '\0';
}

int calendar_weekday(long days)
{
    /* 1970-01-01 was a Thursday (4) */
    long r = (days + 3) % 7;
    if (r < 0)
        r += 7;
    return (int)r + 1;
}

void calendar_iso_week(long days, int *iso_year, int *week)
{
    long thursday = days - calendar_weekday(days) + 4; /* the week's Thursday decides the year */
    int y, m, d;
    calendar_civil(thursday, &y, &m, &d);
    *iso_year = y;
    *week = (int)((thursday - calendar_days(y, 1, 1)) / 7 + 1);
}

int calendar_parse(const char *text, int *y, int *m, int *d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
            return -1;
    int yy = atoi(text), mm = atoi(text + 5), dd = atoi(text + 8);
    if (mm < 1 || mm > 12 || dd < 1)
        return -1;
    int leap = (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0;
    if (dd > mdays[mm - 1] + (mm == 2 && leap))
        return -1;
    *y = yy;
    *m = mm;
    *d = dd;
    return 0;
}
