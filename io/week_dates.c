/*
 * week_dates.c — ISO weeks and day arithmetic (see week_dates.h), on top of
 * model/calendar.c.
 */
#include "week_dates.h"

#include "../model/calendar.h"

#include <stdio.h>

static int parse(const char *date, long *days)
{
    int y, m, d;
    if (!date || calendar_parse(date, &y, &m, &d) != 0)
        return -1;
    *days = calendar_days(y, m, d);
    return 0;
}

int date_add_days(const char *date, long days, char out[11])
{
    long z;
    if (parse(date, &z) != 0)
        return -1;
    int y, m, d;
    calendar_civil(z + days, &y, &m, &d);
    if (y < 0 || y > 9999)
        return -1;
    calendar_format(z + days, out);
    return 0;
}

int iso_week_of(const char *date, int *iso_year, int *iso_week)
{
    long z;
    if (parse(date, &z) != 0)
        return -1;
    calendar_iso_week(z, iso_year, iso_week);
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
