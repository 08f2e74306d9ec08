/*
 * compare_write.c — compare.csv and compare.md from a CompareTable (see
 * compare_write.h). Only formats: the numbers come from compare_table.c.
 */
#include "compare_write.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "csv_write.h"
#include "week_dates.h"

/* ---- CSV ----------------------------------------------------------------- */

/* Counts as integers; every other number with a decimal point, as the
 * plan files write them (3000.0). */
static void csv_cell(CsvOut *o, CompareKind kind, double v)
{
    if (kind == CMP_COUNT)
        csv_num(o, v);
    else
        csv_real(o, v);
}

/* A difference of two values read to the öre or finer carries binary
 * noise (−0.14999999999999997): money and kilometres are rounded to
 * 0.000001, other numbers to 1e-9. */
static double delta_rounded(CompareKind kind, double d)
{
    double scale = kind == CMP_SEK || kind == CMP_KM ? 1e6 : 1e9; /* per unit */
    return fabs(d) * scale < 9e15 ? nearbyint(d * scale) / scale : d; /* within 2^53 */
}

void compare_write_csv(const CompareTable *t, FILE *f)
{
    CsvOut o = {f, 0};
    csv_str(&o, "metric");
    for (int r = 0; r < t->nruns; r++)
        csv_str(&o, t->runs[r]);
    for (int r = 1; r < t->nruns; r++) {
        char name[512];
        snprintf(name, sizeof name, "delta_%s", t->runs[r]);
        csv_str(&o, name);
    }
    csv_end(&o);
    for (int i = 0; i < t->nrows; i++) {
        const CompareRow *row = &t->rows[i];
        csv_str(&o, row->key);
        for (int r = 0; r < t->nruns; r++) {
            if (row->kind == CMP_TEXT)
                csv_str(&o, row->texts[r]);
            else if (isnan(row->values[r]))
                csv_empty(&o);
            else
                csv_cell(&o, row->kind, row->values[r]);
        }
        for (int r = 1; r < t->nruns; r++) {
            double d = compare_delta(row, r);
            if (isnan(d))
                csv_empty(&o);
            else
                csv_cell(&o, row->kind, delta_rounded(row->kind, d));
        }
        csv_end(&o);
    }
}

/* ---- numbers for people -------------------------------------------------- */

char *compare_format_number(double v, int decimals, int sign, char *buf)
{
    if (isnan(v)) {
        strcpy(buf, "–");
        return buf;
    }
    if (isinf(v)) {
        strcpy(buf, v > 0 ? "inf" : "-inf");
        return buf;
    }
    char digits[48];
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v) < 1e15 ? fabs(v) : 1e15);
    char *dot = strchr(digits, '.');
    if (dot) {
        char *end = digits + strlen(digits);
        while (end > dot + 1 && end[-1] == '0')
            *--end = '\0';
        if (end == dot + 1)
            *dot = '\0';
    }
    int zero = strspn(digits, "0.") == strlen(digits);
    size_t intlen = dot && *dot ? (size_t)(dot - digits) : strlen(digits);
    char *p = buf;
    if (!zero && v < 0)
        *p++ = '-';
    else if (!zero && sign)
        *p++ = '+';
    for (size_t i = 0; i < intlen; i++) {
        if (i > 0 && (intlen - i) % 3 == 0)
            *p++ = ' ';
        *p++ = digits[i];
    }
    strcpy(p, digits + intlen);
    return buf;
}

static int decimals_of(CompareKind kind)
{
    switch (kind) {
    case CMP_NUMBER:
        return 3;
    case CMP_SHARE:
        return 1;
    default:
        return 0;
    }
}

/* A cell of the table: the value of run r, or (delta = 1) its difference
 * from the base. */
static void format_cell(const CompareTable *t, const CompareRow *row, int r, int delta, char *buf,
                        size_t size)
{
    char num[64];
    if (row->kind == CMP_TEXT) {
        snprintf(buf, size, "%s", delta ? "" : row->texts[r]);
        return;
    }
    double v = delta ? compare_delta(row, r) : row->values[r];
    if (isnan(v)) {
        snprintf(buf, size, "%s", delta ? "" : "–");
        return;
    }
    if (row->kind == CMP_SHARE) {
        compare_format_number(100.0 * v, 1, delta, num);
        snprintf(buf, size, "%s %s", num, delta ? "pp" : "%");
        return;
    }
    compare_format_number(v, decimals_of(row->kind), delta, num);
    snprintf(buf, size, "%s", num);
    if (delta) {
        double base = row->values[0];
        int relative = row->section == SEC_RESULT || row->section == SEC_COST ||
                       row->section == SEC_TRAVEL || row->section == SEC_SETTLEMENT;
        if (relative && base != 0.0 && v != 0.0) {
            double rel = 100.0 * v / fabs(base);
            char pc[64];
            compare_format_number(rel, fabs(rel) >= 10.0 ? 0 : 1, 1, pc);
            size_t n = strlen(buf);
            snprintf(buf + n, size - n, " (%s %%)", pc);
        }
        return;
    }
    if (strcmp(row->key, "value") == 0) {
        const CompareRow *status = compare_table_find(t, "status");
        const CompareRow *gap = compare_table_find(t, "gap");
        if (status && gap && strcmp(status->texts[r], "feasible") == 0 && !isnan(gap->values[r])) {
            char g[64];
            /* up to a tenth of a percent: a gap of 0.04 % showed as
             * "gap 0 %" beside "not proven optimal" */
            compare_format_number(plan_percent_up(gap->values[r], 1), 1, 0, g);
            size_t n = strlen(buf);
            /* at gap 0 the value is proven and only the cost is not */
            if (gap->values[r] == 0.0)
                snprintf(buf + n, size - n, " (cost not proven)");
            else
                snprintf(buf + n, size - n, " (gap %s %%)", g);
        }
    }
}

/* Writes s as Markdown text on one line: a control character (a line
 * break in a quoted CSV name, SPEC §1) becomes a space, else it split
 * table rows and list items (tester, twenty-eighth session); with
 * in_cell, '|' is escaped too. */
static void md_text(FILE *f, const char *s, int in_cell)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7f) {
            fputc(' ', f);
            continue;
        }
        if (in_cell && c == '|')
            fputc('\\', f);
        fputc(c, f);
    }
}

/* Writes s as a Markdown table cell. */
static void md_cell(FILE *f, const char *s)
{
    fputs("| ", f);
    md_text(f, s, 1);
    fputc(' ', f);
}

/* ---- the summary --------------------------------------------------------- */

typedef struct Text {
    char *buf;
    size_t size, len;
} Text;

static void add(Text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(Text *t, const char *fmt, ...)
{
    if (t->len + 1 >= t->size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(t->buf + t->len, t->size - t->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        t->len = t->len + (size_t)n < t->size ? t->len + (size_t)n : t->size - 1;
}

static double value_of(const CompareTable *t, const char *key, int r)
{
    const CompareRow *row = compare_table_find(t, key);
    return row ? row->values[r] : NAN;
}

/* Starts a detail clause: "; " between clauses, " " before the first,
 * whose start is remembered in *first so that it can get a capital. */
static void detail_sep(Text *x, int *details, size_t *first)
{
    add(x, "%s", *details ? "; " : " ");
    if (!*details)
        *first = x->len;
    (*details)++;
}

/* Nonzero per-row differences of a section's ".assigned" rows, as
 * "youth +1, newcomer +2" (x NULL: only counts). Returns how many. */
static int list_assigned_deltas(const CompareTable *t, CompareSection sec, int r, Text *x)
{
    int n = 0;
    for (int i = 0; i < t->nrows; i++) {
        const CompareRow *row = &t->rows[i];
        size_t klen = strlen(row->key);
        if (row->section != sec || klen < 9 || strcmp(row->key + klen - 9, ".assigned") != 0)
            continue;
        double d = compare_delta(row, r);
        if (isnan(d) || fabs(d) < 0.5)
            continue;
        char num[64];
        /* the label is "<name> assigned": print the name only */
        int namelen = (int)strlen(row->label) - 9;
        if (x)
            add(x, "%s%.*s %s", n ? ", " : "", namelen > 0 ? namelen : 0, row->label,
                compare_format_number(d, 0, 1, num));
        n++;
    }
    return n;
}

char *compare_summary_sentence(const CompareTable *t, int r, char *buf, size_t size)
{
    Text x = {buf, size, 0};
    buf[0] = '\0';
    const CompareRow *status = compare_table_find(t, "status");
    const char *name = t->runs[r];
    double a0 = value_of(t, "assigned", 0), a1 = value_of(t, "assigned", r);
    double c0 = value_of(t, "cost.total", 0), c1 = value_of(t, "cost.total", r);
    if (isnan(a1)) {
        add(&x, "**%s**: no plan, %s", name, status ? status->texts[r] : "not run");
        return buf;
    }
    if (isnan(a0)) {
        add(&x, "**%s** places %.0f participants at %.0f SEK; the base has no plan to compare with",
            name, a1, c1);
        return buf;
    }
    char n0[64], n1[64], nd[64], rel[64];
    double da = a1 - a0;
    compare_format_number(a0, 0, 0, n0);
    compare_format_number(a1, 0, 0, n1);
    compare_format_number(fabs(da), 0, 0, nd);
    if (fabs(da) < 0.5) {
        add(&x, "**%s** places as many participants as the base (%s)", name, n1);
    } else {
        add(&x, "**%s** places %s %s participant%s than the base (", name, nd, da > 0 ? "more" : "fewer",
            fabs(da) < 1.5 ? "" : "s");
        if (a0 > 0) {
            double pc = 100.0 * da / a0;
            add(&x, "%s %%: ", compare_format_number(pc, fabs(pc) >= 10 ? 0 : 1, 1, rel));
        }
        add(&x, "%s instead of %s)", n1, n0);
    }
    double dc = c1 - c0;
    compare_format_number(c0, 0, 0, n0);
    compare_format_number(c1, 0, 0, n1);
    compare_format_number(fabs(dc), 0, 0, nd);
    if (fabs(dc) < 0.5)
        add(&x, " at the same cost (%s SEK)", n1);
    else
        add(&x, " at %s SEK %s (%s instead of %s SEK)", nd, dc > 0 ? "more" : "less", n1, n0);
    if (status && strcmp(status->texts[r], "optimal") != 0) {
        double gap = value_of(t, "gap", r);
        double cost_gap = value_of(t, "cost.gap", r);
        if (gap == 0.0 && !isnan(cost_gap) && cost_gap > 0.0)
            /* up to a tenth of a percent, so that "at most" stays true */
            add(&x, ", its value proven the best but not its cost the least (at most %s %% of it could be saved)",
                compare_format_number(plan_percent_up(cost_gap, 1), 1, 0, rel));
        else if (gap == 0.0)
            add(&x, ", its value proven the best but not its cost the least");
        else if (!isnan(gap))
            add(&x, ", not proven optimal (gap %s %%)",
                compare_format_number(plan_percent_up(gap, 1), 1, 0, rel));
        else
            add(&x, ", status %s", status->texts[r]);
    }
    add(&x, ".");

    int details = 0;
    size_t first = 0;
    double p0 = value_of(t, "cost.per_assigned", 0), p1 = value_of(t, "cost.per_assigned", r);
    if (!isnan(p0) && !isnan(p1) && fabs(p1 - p0) >= 0.5) {
        detail_sep(&x, &details, &first);
        add(&x, "cost per assigned participant %s instead of %s SEK",
            compare_format_number(p1, 0, 0, n1), compare_format_number(p0, 0, 0, n0));
    }
    for (int sec = SEC_GROUP; sec <= SEC_GENDER; sec++) {
        if (list_assigned_deltas(t, (CompareSection)sec, r, NULL) == 0)
            continue;
        detail_sep(&x, &details, &first);
        add(&x, "assigned by %s: ", sec == SEC_GROUP ? "target group" : "gender");
        list_assigned_deltas(t, (CompareSection)sec, r, &x);
    }
    double r0 = value_of(t, "relocating", 0), r1 = value_of(t, "relocating", r);
    if (!isnan(r0) && !isnan(r1) && fabs(r1 - r0) >= 0.5) {
        detail_sep(&x, &details, &first);
        add(&x, "participants relocating %s instead of %s", compare_format_number(r1, 0, 0, n1),
            compare_format_number(r0, 0, 0, n0));
    }
    double s0 = value_of(t, "settlement.gross", 0), s1 = value_of(t, "settlement.gross", r);
    if (!isnan(s0) && !isnan(s1) && fabs(s1 - s0) >= 0.5) {
        detail_sep(&x, &details, &first);
        add(&x, "%s SEK paid between municipalities instead of %s", compare_format_number(s1, 0, 0, n1),
            compare_format_number(s0, 0, 0, n0));
    }
    double u0 = value_of(t, "slots.peak_utilisation", 0), u1 = value_of(t, "slots.peak_utilisation", r);
    if (!isnan(u0) && !isnan(u1) && fabs(u1 - u0) >= 0.0005) {
        detail_sep(&x, &details, &first);
        add(&x, "peak slot utilisation %s %% instead of %s %%", compare_format_number(100 * u1, 1, 0, n1),
            compare_format_number(100 * u0, 1, 0, n0));
    }
    if (details) {
        add(&x, ".");
        if (first < x.len && buf[first] >= 'a' && buf[first] <= 'z')
            buf[first] = (char)(buf[first] - 'a' + 'A');
    }
    return buf;
}

/* ---- Markdown ------------------------------------------------------------ */

void compare_write_md(const CompareTable *t, const CompareHeading *h, FILE *f)
{
    char week[16];
    iso_week_label(h->date, week);
    fputs("# Comparison: ", f);
    md_text(f, h->scenario, 0);
    fputs("\n\nScenario directory `", f);
    md_text(f, h->dir, 0);
    fprintf(f, "`, compared on %s (%s). ", h->date, week);
    if (t->nruns <= 1) {
        fputs("Only the base was run.\n", f);
    } else {
        fprintf(f, "Runs: the base and %d variant%s (", t->nruns - 1, t->nruns > 2 ? "s" : "");
        for (int r = 1; r < t->nruns; r++) {
            fputs(r > 1 ? ", " : "", f);
            md_text(f, t->runs[r], 0);
        }
        fputs("). Each Δ column is the variant minus the base; shares differ in percentage points "
              "(pp).\n", f);
    }
    const CompareRow *status = compare_table_find(t, "status");
    int unproven = 0;
    for (int r = 0; status && r < t->nruns; r++)
        unproven += strcmp(status->texts[r], "feasible") == 0;
    if (unproven)
        fprintf(f, "\n%s stopped at a time limit, a gap or Ctrl-C before proving optimality "
                   "(status feasible, gap shown next to the value): part of %s differences may "
                   "come from the search, not the scenario.\n",
                unproven == 1 ? "One run" : "Some runs", unproven == 1 ? "its" : "their");
    if (h->note)
        fprintf(f, "\n**%s**\n", h->note);
    if (t->nruns > 1) {
        fputs("\n## Main differences\n\n", f);
        char sentence[4096];
        for (int r = 1; r < t->nruns; r++) {
            fputs("- ", f);
            md_text(f, compare_summary_sentence(t, r, sentence, sizeof sentence), 0);
            fputc('\n', f);
        }
    }
    char cell[256];
    for (int sec = 0; sec < SEC_COUNT; sec++) {
        int any = 0;
        for (int i = 0; i < t->nrows; i++)
            any |= t->rows[i].section == (CompareSection)sec;
        if (!any)
            continue;
        fprintf(f, "\n## %s\n\n", compare_section_titles[sec]);
        md_cell(f, "");
        for (int r = 0; r < t->nruns; r++) {
            md_cell(f, t->runs[r]);
            if (r > 0) {
                snprintf(cell, sizeof cell, "Δ %s", t->runs[r]);
                md_cell(f, cell);
            }
        }
        fputs("|\n|---", f);
        for (int r = 0; r < t->nruns; r++)
            fputs(r > 0 ? "|---:|---:" : "|---:", f);
        fputs("|\n", f);
        for (int i = 0; i < t->nrows; i++) {
            const CompareRow *row = &t->rows[i];
            if (row->section != (CompareSection)sec)
                continue;
            md_cell(f, row->label);
            for (int r = 0; r < t->nruns; r++) {
                format_cell(t, row, r, 0, cell, sizeof cell);
                md_cell(f, cell);
                if (r > 0) {
                    format_cell(t, row, r, 1, cell, sizeof cell);
                    md_cell(f, cell);
                }
            }
            fputs("|\n", f);
        }
    }
}
