/*
 * pnr.c — personal identity number shapes (see pnr.h).
 */
#include "pnr.h"

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int two(const char *p)
{
    return (p[0] - '0') * 10 + (p[1] - '0');
}

/* Matches YYMMDD[-+]?NNNN at p followed by a non-digit or the end. */
static int match_short(const char *p)
{
    for (int i = 0; i < 6; i++)
        if (!is_digit(p[i]))
            return 0;
    int month = two(p + 2), day = two(p + 4);
    if (month < 1 || month > 12)
        return 0;
    if (!((day >= 1 && day <= 31) || (day >= 61 && day <= 91)))
        return 0;
    p += 6;
    if (*p == '-' || *p == '+')
        p++;
    for (int i = 0; i < 4; i++)
        if (!is_digit(p[i]))
            return 0;
    return !is_digit(p[4]);
}

int pnr_looks_like(const char *text)
{
    for (const char *p = text; *p; p++) {
        if (!is_digit(*p) || (p > text && is_digit(p[-1])))
            continue;
        if (match_short(p))
            return 1;
        if (((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0')) && match_short(p + 2))
            return 1;
    }
    return 0;
}
