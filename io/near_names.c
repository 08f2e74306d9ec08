/*
 * near_names.c — edit distance between short names, for "did you mean"
 * warnings (see near_names.h).
 */
#include "near_names.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

int name_edits(const char *a, const char *b, int most)
{
    int n = (int)strlen(a), m = (int)strlen(b);
    if (n > 40 || m > 40 || abs(n - m) > most)
        return most + 1;
    int d[41][41];
    for (int i = 0; i <= n; i++)
        d[i][0] = i;
    for (int j = 0; j <= m; j++)
        d[0][j] = j;
    for (int i = 1; i <= n; i++)
        for (int j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int best = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[n][m];
}

int name_near(const char *given, const char *known)
{
    if (strcmp(given, known) == 0)
        return 0;
    if (strcasecmp(given, known) == 0)
        return 1;
    int most = strlen(known) <= 5 ? 1 : 2;
    return name_edits(given, known, most) <= most;
}
