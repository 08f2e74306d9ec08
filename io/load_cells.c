/*
 * load_cells.c — typed cell getters with located messages (see load_cells.h).
 */
#include "load_cells.h"

#include "../model/scenario.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cells_error(const Cells *c, int col, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* a column the header lacks is placed just after the header's last one,
     * where it would go: messages always name a column (SPEC section 4) */
    long at = col >= 0 ? (long)col + 1 : (long)c->t->ncols + 1;
    diag_add(c->diags, c->t->label, csv_table_cell_line(c->t, col), at, "%s", buf);
}

/* Quoted values in messages are cut so one line stays readable. */
static const char *clip(const char *text, char *buf, size_t size)
{
    if (strlen(text) < 61)
        return text;
    snprintf(buf, size, "%.57s...", text);
    return buf;
}

int parse_strict_long(const char *text, long *out)
{
    const char *p = text;
    if (*p == '+' || *p == '-')
        p++;
    if (!*p)
        return -1;
    for (const char *q = p; *q; q++)
        if (*q < '0' || *q > '9')
            return -1;
    errno = 0;
    char *end;
    long v = strtol(text, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

int parse_strict_double(const char *text, double *out)
{
    if (!*text)
        return -1;
    for (const char *q = text; *q; q++)
        if (!strchr("0123456789+-.eE", *q))
            return -1;
    errno = 0;
    char *end;
    double v = strtod(text, &end);
    /* an overflow is infinite; an underflow (ERANGE, 1e-400) is the
     * nearest double, 0 or subnormal, which is what the text means */
    if (*end || end == text || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int cells_id(const Cells *c, int col, const char *name, const char **out)
{
    const char *v = csv_table_cell(c->t, col);
    char buf[64];
    if (!*v) {
        cells_error(c, col, "%s is empty: expected an identifier", name);
        return -1;
    }
    if (strchr(v, ';')) {
        cells_error(c, col, "%s '%s' contains ';': identifiers cannot hold ';'", name,
                    clip(v, buf, sizeof buf));
        return -1;
    }
    *out = v;
    return 0;
}

int cells_int(const Cells *c, int col, const char *name, long lo, long hi, int has_def, long def,
              const char *expected, long *out)
{
    const char *v = csv_table_cell(c->t, col);
    char buf[64];
    if (!*v) {
        if (has_def) {
            *out = def;
            return 0;
        }
        cells_error(c, col, "%s is empty: expected %s", name, expected);
        return -1;
    }
    long x;
    if (parse_strict_long(v, &x) != 0 || x < lo || x > hi) {
        cells_error(c, col, "%s: expected %s, got '%s'", name, expected, clip(v, buf, sizeof buf));
        return -1;
    }
    *out = x;
    return 0;
}

int cells_real(const Cells *c, int col, const char *name, double lo, int lo_strict, double hi,
               int has_def, double def, const char *expected, double *out)
{
    const char *v = csv_table_cell(c->t, col);
    char buf[64];
    if (!*v) {
        if (has_def) {
            *out = def;
            return 0;
        }
        cells_error(c, col, "%s is empty: expected %s", name, expected);
        return -1;
    }
    double x;
    if (parse_strict_double(v, &x) != 0 || x < lo || (lo_strict && x == lo) || x > hi) {
        cells_error(c, col, "%s: expected %s, got '%s'", name, expected, clip(v, buf, sizeof buf));
        return -1;
    }
    *out = x;
    return 0;
}

int cells_amount(const Cells *c, int col, const char *name, int has_def, double def, double *out)
{
    if (cells_real(c, col, name, 0, 0, HUGE_VAL, has_def, def, "a number >= 0", out) != 0)
        return -1;
    if (*out <= SCENARIO_REAL_MAX)
        return 0;
    char buf[64];
    cells_error(c, col, "%s: expected a number 0..%s, got '%s'", name, SCENARIO_REAL_MAX_TEXT,
                clip(csv_table_cell(c->t, col), buf, sizeof buf));
    return -1;
}

int cells_enum(const Cells *c, int col, const char *name, const char *const *names, int n,
               const char *expected, int *out)
{
    const char *v = csv_table_cell(c->t, col);
    char buf[64];
    for (int i = 0; i < n; i++) {
        if (strcmp(v, names[i]) == 0) {
            *out = i;
            return 0;
        }
    }
    if (!*v)
        cells_error(c, col, "%s is empty: expected %s", name, expected);
    else
        cells_error(c, col, "%s: expected %s, got '%s'", name, expected, clip(v, buf, sizeof buf));
    return -1;
}
