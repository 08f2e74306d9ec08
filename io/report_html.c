/*
 * report_html.c — report.html of a plan directory (see report_html.h).
 *
 * Written for people who read it on screen or on paper in a steering-group
 * meeting: plain English with the Swedish words the users know (kommun,
 * jobbspår, praktikplats, kvittning), ISO weeks next to Monday dates, SEK
 * with digit grouping. Charts are HTML tables coloured with CSS, so they
 * print without scripts; colours are forced on paper and every coloured
 * cell also carries text or a title, so nothing depends on colour alone.
 */
#include "report_html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "week_dates.h"
#include "../model/plan.h" /* plan_percent_up */

/* ---- small formatting helpers ------------------------------------------ */

void html_escape(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: putc(*s, f);
        }
    }
}

#define NBSP "\xc2\xa0"

char *format_thousands(double v, int decimals, char *buf)
{
    if (!isfinite(v)) {
        strcpy(buf, "–");
        return buf;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > 2)
        decimals = 2;
    char digits[48];
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v) < 1e15 ? fabs(v) : 1e15);
    int negative = v < 0 && strspn(digits, "0.") != strlen(digits);
    const char *dot = strchr(digits, '.');
    size_t intlen = dot ? (size_t)(dot - digits) : strlen(digits);
    char *o = buf;
    if (negative)
        o += sprintf(o, "−"); /* U+2212 minus sign */
    for (size_t i = 0; i < intlen; i++) {
        if (i > 0 && (intlen - i) % 3 == 0) {
            memcpy(o, NBSP, 2);
            o += 2;
        }
        *o++ = digits[i];
    }
    strcpy(o, dot ? dot : "");
    return buf;
}

/* "12.5" — a figure with at most `decimals` digits, trailing zeros cut. */
static char *format_short(double v, int decimals, char *buf)
{
    if (!isfinite(v)) {
        strcpy(buf, "–");
        return buf;
    }
    snprintf(buf, 48, "%.*f", decimals, v);
    if (strchr(buf, '.')) {
        size_t n = strlen(buf);
        while (n > 0 && buf[n - 1] == '0')
            buf[--n] = '\0';
        if (n > 0 && buf[n - 1] == '.')
            buf[--n] = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    return buf;
}

/* Share a / (a + b) as "87.5 %", "–" when there is nobody. */
static void share(FILE *f, long a, long b)
{
    char buf[48];
    if (a + b <= 0) {
        fputs("–", f);
        return;
    }
    snprintf(buf, sizeof buf, "%.1f", 100.0 * (double)a / (double)(a + b));
    fprintf(f, "%s" NBSP "%%", buf);
}

/* A share bar with the percentage after it. */
static void share_bar(FILE *f, long a, long b)
{
    double pct = a + b > 0 ? 100.0 * (double)a / (double)(a + b) : 0;
    fprintf(f, "<span class=\"bar\"><i style=\"width:%.1f%%\"></i></span>", pct);
    share(f, a, b);
}

static void sek(FILE *f, double v, int decimals)
{
    char buf[64];
    fputs(format_thousands(v, decimals, buf), f);
}

/* "2027-W05" of plan week w. */
static void week_iso(const PlanRead *pr, int w, char out[16])
{
    if (w >= 1 && w <= pr->weeks)
        iso_week_label(pr->week_dates[w], out);
    else
        snprintf(out, 16, "wk %d", w); /* never for plans read by plan_read */
}

/* "<span class=wk>2027-W05</span> <span class=date>Mon 2027-02-01</span>" */
static void week_cell(FILE *f, const PlanRead *pr, int w)
{
    char iso[16];
    week_iso(pr, w, iso);
    fprintf(f, "<span class=\"wk\">%s</span> <span class=\"date\">Mon %s</span>", iso,
            w >= 1 && w <= pr->weeks ? pr->week_dates[w] : "");
}

/* Municipality as "Name (code)" when the name is known, else the code. */
static void municipality(FILE *f, const PlanRead *pr, const char *code)
{
    const char *name = plan_read_municipality_name(pr, code);
    if (name) {
        html_escape(f, name);
        fputs(" <span class=\"code\">", f);
        html_escape(f, code);
        fputs("</span>", f);
    } else {
        html_escape(f, code);
    }
}

static void track(FILE *f, const PlanRead *pr, const char *id)
{
    const char *name = plan_read_track_name(pr, id);
    if (name) {
        html_escape(f, name);
        fputs(" <span class=\"code\">", f);
        html_escape(f, id);
        fputs("</span>", f);
    } else {
        html_escape(f, id);
    }
}

/* Sort key of a municipality: its name when known, else its code. */
static const char *municipality_key(const PlanRead *pr, const char *code)
{
    const char *name = plan_read_municipality_name(pr, code);
    return name ? name : code;
}

/* ---- style ------------------------------------------------------------- */

static const char css[] =
    ":root{--ink:#1d2733;--muted:#5d6b79;--line:#d9dfe6;--soft:#f4f6f9;"
    "--course:#2f6db0;--place:#3f9a62;--warn:#9a5200}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{margin:0;color:var(--ink);background:#fff;"
    "font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}\n"
    "main{max-width:1180px;margin:0 auto;padding:28px 32px 56px}\n"
    "header.top{border-bottom:3px solid var(--course);padding-bottom:14px;margin-bottom:8px}\n"
    "h1{font-size:26px;margin:0 0 6px;line-height:1.2}\n"
    "h2{font-size:19px;margin:34px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line);"
    "break-after:avoid;page-break-after:avoid}\n"
    "h3{font-size:15px;margin:22px 0 4px;break-after:avoid;page-break-after:avoid}\n"
    "p{margin:6px 0 10px;max-width:75ch}\n"
    ".meta{color:var(--muted);margin:2px 0;max-width:none}\n"
    ".muted,.code,.date{color:var(--muted)}\n"
    ".code{font-size:.9em}\n"
    ".wk{font-variant-numeric:tabular-nums;white-space:nowrap;font-weight:600}\n"
    ".date{white-space:nowrap;font-size:.92em}\n"
    ".badge{display:inline-block;padding:1px 10px;border-radius:10px;font-weight:600;font-size:13px;"
    "vertical-align:middle}\n"
    ".ok{background:#e2f3e7;color:#1d6a39}.warn{background:#fff0d9;color:#8a4a00}"
    ".bad{background:#fde3e3;color:#9b1c1c}\n"
    ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px;"
    "margin:18px 0 6px}\n"
    ".card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:var(--soft);"
    "break-inside:avoid}\n"
    ".card .k{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}\n"
    ".card .v{font-size:23px;font-weight:650;margin-top:2px;white-space:nowrap}\n"
    ".card .d{font-size:12.5px;color:var(--muted)}\n"
    "table{border-collapse:collapse;margin:6px 0 14px;font-size:13px}\n"
    "th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}\n"
    "thead th{background:var(--soft);font-weight:600;border-bottom:2px solid var(--line)}\n"
    "tfoot td{font-weight:600;border-top:2px solid var(--line)}\n"
    ".n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "tr{break-inside:avoid;page-break-inside:avoid}\n"
    "tbody.cohort{border-top:2px solid var(--line)}\n"
    "table.sched{width:100%}\n"
    ".bar{display:inline-block;width:80px;height:9px;background:#e4e9ef;border-radius:5px;"
    "vertical-align:middle;margin-right:7px;overflow:hidden}\n"
    ".bar i{display:block;height:100%;background:var(--place)}\n"
    ".kind{display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:5px}\n"
    ".kc{background:var(--course)}.kp{background:var(--place)}\n"
    ".scroll{overflow-x:auto}\n"
    "table.grid{table-layout:fixed;font-size:10px;margin:4px 0 8px}\n"
    ".grid th,.grid td{padding:0;height:19px;border:0;border-right:1px solid #fff;"
    "border-bottom:1px solid #eef1f4;text-align:center;vertical-align:middle;overflow:hidden;"
    "white-space:nowrap;text-overflow:ellipsis}\n"
    ".grid thead th{background:#fff;color:var(--muted);font-weight:500;border-bottom:1px solid "
    "var(--line)}\n"
    ".grid th.m{text-align:left;padding-left:2px;border-left:1px solid var(--line)}\n"
    ".grid .lbl{text-align:left;padding-right:8px;font-size:11.5px}\n"
    ".grid tr.host th{text-align:left;font-size:12px;font-weight:650;color:var(--ink);"
    "padding-top:8px;background:#fff;border-bottom:1px solid var(--line)}\n"
    ".grid td.c{background:var(--course);color:#fff;border-radius:3px}\n"
    ".grid td.p{background:var(--place);color:#fff;border-radius:3px}\n"
    ".grid td.h{font-size:9.5px;font-variant-numeric:tabular-nums}\n"
    ".legend{font-size:12.5px;color:var(--muted);margin:4px 0 10px}\n"
    ".legend span{display:inline-block;margin-right:16px}\n"
    ".sw{display:inline-block;width:14px;height:10px;border-radius:2px;vertical-align:middle;"
    "margin-right:4px}\n"
    ".reason{max-width:80ch}\n"
    "td.span{white-space:nowrap}\n"
    "footer{margin-top:40px;font-size:12px;color:var(--muted);border-top:1px solid var(--line);"
    "padding-top:8px}\n"
    "@page{size:A4 landscape;margin:12mm}\n"
    "@media print{main{max-width:none;padding:0}body{font-size:11.5px}"
    ".scroll{overflow:visible}h2{margin-top:22px}section.page{break-before:page;"
    "page-break-before:always}}\n";

/* ---- sections ---------------------------------------------------------- */

static const char *status_class(const char *status)
{
    if (strcmp(status, "optimal") == 0)
        return "ok";
    if (strcmp(status, "feasible") == 0)
        return "warn";
    return "bad";
}

static void header(FILE *f, const PlanRead *pr, const char *generated)
{
    char a[48], b[48], iso1[16], iso2[16];
    fputs("<header class=\"top\">\n<h1>Plan report: ", f);
    html_escape(f, pr->scenario);
    if (pr->variant) {
        fputs(" <span class=\"muted\">— variant ", f);
        html_escape(f, pr->variant);
        fputs("</span>", f);
    }
    fputs("</h1>\n<p class=\"meta\">Status <span class=\"badge ", f);
    fputs(status_class(pr->status), f);
    fputs("\">", f);
    html_escape(f, pr->status);
    if (strcmp(pr->status, "feasible") == 0 && isfinite(pr->gap))
        fprintf(f, ", gap %s" NBSP "%%", format_short(100 * pr->gap, 2, a));
    fputs("</span> ", f);
    if (strcmp(pr->status, "optimal") == 0)
        fputs("the best plan for these data, proven by the solver", f);
    else if (strcmp(pr->status, "feasible") == 0 && pr->gap == 0.0) {
        /* the value is proven, the least cost is not ("feasible, gap 0 %
         * … before proving it the best" puzzled a reader: review,
         * twenty-sixth session) */
        fputs("a valid plan whose value is proven the best; the solver stopped (time limit or Ctrl-C) "
              "before proving its cost the least among such plans", f);
    } else if (strcmp(pr->status, "feasible") == 0) {
        fputs("a valid plan; the solver stopped (time limit, gap or Ctrl-C) before proving "
              "it the best", f);
        /* gap is relative only from a bound of 1 up (docs/model.md); the
         * bound is rounded up, so that what is said stays true */
        if (isfinite(pr->gap) && pr->gap > 0.0 && isfinite(pr->bound) && pr->bound >= 1.0) {
            char within[64];
            format_short(plan_percent_up(pr->gap, 2), 2, within); /* up: "within" stays true */
            fprintf(f, ". No plan can be worth more than %s, so this one is within %s" NBSP "%% of the "
                       "best possible; that bound comes from a relaxation and can lie well above the best "
                       "plan that exists, so the true shortfall may be smaller",
                    format_short(ceil(pr->bound * 100.0) / 100.0, 2, b), within);
        }
    }
    else
        fputs("no plan was found", f);
    fputs("</p>\n", f);
    week_iso(pr, 1, iso1);
    week_iso(pr, pr->weeks, iso2);
    fprintf(f, "<p class=\"meta\">Planning horizon: %d weeks, %s (Monday %s) to %s "
            "(Monday %s)", pr->weeks, iso1, pr->week_dates[1], iso2, pr->week_dates[pr->weeks]);
    if (pr->cooperation == 1)
        fputs(" · municipalities cooperate (courses may be hosted by a neighbour)", f);
    else if (pr->cooperation == 0)
        fputs(" · each municipality alone (no cooperation)", f);
    fputs("</p>\n<p class=\"meta\">Report generated ", f);
    html_escape(f, generated);
    if (isfinite(pr->seconds))
        fprintf(f, " · solve time %s" NBSP "s", format_short(pr->seconds, 1, b));
    fputs("</p>\n</header>\n", f);

    long total = pr->assigned + pr->unassigned;
    fputs("<div class=\"cards\">\n", f);
    fprintf(f, "<div class=\"card\"><div class=\"k\">Participants assigned</div>"
            "<div class=\"v\">%ld <span class=\"muted\" style=\"font-size:15px\">of %ld</span>"
            "</div><div class=\"d\">", pr->assigned, total);
    share(f, pr->assigned, pr->unassigned);
    fputs(" get a place on a track</div></div>\n", f);
    fprintf(f, "<div class=\"card\"><div class=\"k\">Not assigned</div><div class=\"v\">%ld</div>"
            "<div class=\"d\">", pr->unassigned);
    share(f, pr->unassigned, pr->assigned);
    fputs(" · reasons listed at the end</div></div>\n", f);
    fprintf(f, "<div class=\"card\"><div class=\"k\">Plan value</div><div class=\"v\">%s</div>"
            "<div class=\"d\">", format_short(pr->value, 2, a));
    if (isfinite(pr->bound) && strcmp(pr->status, "optimal") != 0)
        fprintf(f, "best possible at most %s · ", format_short(pr->bound, 2, b));
    fputs("participants weighted by priority, target group and preference</div></div>\n", f);
    fputs("<div class=\"card\"><div class=\"k\">Total cost</div><div class=\"v\">", f);
    sek(f, pr->cost, 0);
    fputs(NBSP "SEK</div><div class=\"d\">", f);
    if (isfinite(pr->hosting_cost) && isfinite(pr->travel_cost)) {
        fputs("course groups ", f);
        sek(f, pr->hosting_cost, 0);
        fputs(" · travel and accommodation ", f);
        sek(f, pr->travel_cost, 0);
    }
    /* the cost bound (rounded down when solved, so it stays true) */
    if (isfinite(pr->cost_bound) && isfinite(pr->cost_gap) && strcmp(pr->status, "feasible") == 0) {
        char within[64];
        format_short(plan_percent_up(pr->cost_gap, 2), 2, within);
        fputs(" · no plan of this value costs less than ", f);
        sek(f, floor(pr->cost_bound), 0); /* down: it stays a bound */
        fprintf(f, NBSP "SEK: at most %s" NBSP "%% could be saved", within);
    }
    fputs("</div></div>\n", f);
    if (pr->cohorts >= 0) {
        fprintf(f, "<div class=\"card\"><div class=\"k\">Cohorts opened</div>"
                "<div class=\"v\">%ld</div><div class=\"d\">", pr->cohorts);
        if (pr->groups >= 0)
            fprintf(f, "%ld course group%s in total", pr->groups, pr->groups == 1 ? "" : "s");
        fputs("</div></div>\n", f);
    }
    fputs("</div>\n", f);
}

/* One results table of counts. label(key) gives the row's first cell. */
typedef void (*KeyFn)(FILE *f, const PlanRead *pr, const char *key);

static void label_group(FILE *f, const PlanRead *pr, const char *key)
{
    (void)pr;
    static const char *const known[][2] = {
        {"youth", "Youth 16–24 <span class=\"muted\">(unga)</span>"},
        {"newcomer", "Newly arrived <span class=\"muted\">(nyanlända)</span>"},
        {"longterm", "Long-term unemployed, over 12 months "
                     "<span class=\"muted\">(långtidsarbetslösa)</span>"},
        {"other", "Other participants"}};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(key, known[i][0]) == 0) {
            fputs(known[i][1], f);
            return;
        }
    html_escape(f, key);
}

static void label_gender(FILE *f, const PlanRead *pr, const char *key)
{
    (void)pr;
    static const char *const known[][2] = {
        {"woman", "Women <span class=\"muted\">(kvinnor)</span>"},
        {"man", "Men <span class=\"muted\">(män)</span>"},
        {"other", "Other gender"},
        {"unknown", "Not stated"}};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(key, known[i][0]) == 0) {
            fputs(known[i][1], f);
            return;
        }
    html_escape(f, key);
}

static void label_home(FILE *f, const PlanRead *pr, const char *key)
{
    municipality(f, pr, key);
}

static void counts_table(FILE *f, const PlanRead *pr, const PlanCounts *c, const char *what,
                         KeyFn label, int skip_empty)
{
    fprintf(f, "<table>\n<thead><tr><th>%s</th><th class=\"n\">Participants</th>"
            "<th class=\"n\">Assigned</th><th class=\"n\">Not assigned</th>"
            "<th>Assigned share</th></tr></thead>\n<tbody>\n", what);
    long ta = 0, tu = 0;
    for (int i = 0; i < c->n; i++) {
        const PlanCount *pc = &c->items[i];
        ta += pc->assigned;
        tu += pc->unassigned;
        if (skip_empty && pc->assigned + pc->unassigned == 0)
            continue;
        fputs("<tr><td>", f);
        label(f, pr, pc->key);
        fprintf(f, "</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td>"
                "<td>", pc->assigned + pc->unassigned, pc->assigned, pc->unassigned);
        share_bar(f, pc->assigned, pc->unassigned);
        fputs("</td></tr>\n", f);
    }
    fprintf(f, "</tbody>\n<tfoot><tr><td>Total</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td>"
            "<td class=\"n\">%ld</td><td>", ta + tu, ta, tu);
    share_bar(f, ta, tu);
    fputs("</td></tr></tfoot>\n</table>\n", f);
}

static void results(FILE *f, const PlanRead *pr)
{
    fputs("<section>\n<h2>Results by target group, gender and home municipality</h2>\n"
          "<p>The follow-up for the steering group (styrgrupp): how many in each target group "
          "(målgrupp) and of each gender get a place — the equality perspective "
          "(jämlikhetsperspektiv).</p>\n", f);
    fputs("<h3>By target group</h3>\n", f);
    counts_table(f, pr, &pr->by_group, "Target group", label_group, 0);
    fputs("<h3>By gender</h3>\n", f);
    counts_table(f, pr, &pr->by_gender, "Gender", label_gender, 1);
    fputs("<h3>By home municipality <span class=\"muted\">(hemkommun)</span></h3>\n", f);
    counts_table(f, pr, &pr->by_home, "Home municipality", label_home, 0);
    if (pr->by_track.n > 0) {
        fputs("<h3>By track <span class=\"muted\">(jobbspår)</span></h3>\n<table>\n<thead><tr>"
              "<th>Track</th><th class=\"n\">Participants assigned</th>"
              "<th class=\"n\">Cohorts opened</th></tr></thead>\n<tbody>\n", f);
        for (int i = 0; i < pr->by_track.n; i++) {
            const PlanCount *pc = &pr->by_track.items[i];
            fputs("<tr><td>", f);
            track(f, pr, pc->key);
            fprintf(f, "</td><td class=\"n\">%ld</td><td class=\"n\">", pc->assigned);
            if (pc->cohorts >= 0)
                fprintf(f, "%ld", pc->cohorts);
            fputs("</td></tr>\n", f);
        }
        fputs("</tbody>\n</table>\n", f);
    }
    fputs("</section>\n", f);
}

/* ---- cohorts ----------------------------------------------------------- */

typedef struct Cohort {
    const char *track, *host;
    int start, end;
    int groups, participants;
    int *rows;   /* schedule row indexes, by seq */
    int nrows;
} Cohort;

typedef struct Cohorts {
    Cohort *items;
    int n;
    int *rowbuf; /* backing store of every Cohort.rows */
} Cohorts;

static const PlanRead *sort_pr; /* for the qsort comparators below */

static int cmp_cohort(const void *a, const void *b)
{
    const Cohort *x = a, *y = b;
    int xh = !*x->host, yh = !*y->host; /* host-less last */
    if (xh != yh)
        return xh - yh;
    int c = strcmp(municipality_key(sort_pr, x->host), municipality_key(sort_pr, y->host));
    if (c)
        return c;
    if ((c = strcmp(x->host, y->host)))
        return c;
    if (x->start != y->start)
        return x->start - y->start;
    return strcmp(x->track, y->track);
}

static const PlanScheduleRow *sort_rows;

static int cmp_row_seq(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return sort_rows[x].seq - sort_rows[y].seq;
}

/* Groups schedule rows into cohorts (track, host, start), sorted by host
 * name, start week and track. Returns 0 or −1 on out-of-memory. */
static int cohorts_build(const PlanRead *pr, Cohorts *out)
{
    int n = pr->nschedule;
    out->items = calloc(n > 0 ? (size_t)n : 1, sizeof *out->items);
    out->rowbuf = malloc((n > 0 ? (size_t)n : 1) * sizeof *out->rowbuf);
    int *owner = malloc((n > 0 ? (size_t)n : 1) * sizeof *owner);
    if (!out->items || !out->rowbuf || !owner) {
        free(owner);
        return -1;
    }
    out->n = 0;
    /* Quadratic in the number of cohorts only for the lookup below; plans
     * have at most a few thousand schedule rows. */
    for (int r = 0; r < n; r++) {
        const PlanScheduleRow *s = &pr->schedule[r];
        int c;
        for (c = out->n - 1; c >= 0; c--) {
            const Cohort *k = &out->items[c];
            if (k->start == s->start_week && !strcmp(k->track, s->track) &&
                !strcmp(k->host, s->host))
                break;
        }
        if (c < 0) {
            c = out->n++;
            out->items[c] = (Cohort){s->track, s->host, s->start_week, s->to_week, s->groups,
                                     s->participants, NULL, 0};
        }
        Cohort *k = &out->items[c];
        if (s->to_week > k->end)
            k->end = s->to_week;
        if (s->groups > k->groups)
            k->groups = s->groups;
        if (s->participants > k->participants)
            k->participants = s->participants;
        k->nrows++;
        owner[r] = c;
    }
    int pos = 0;
    for (int c = 0; c < out->n; c++) {
        out->items[c].rows = out->rowbuf + pos;
        pos += out->items[c].nrows;
        out->items[c].nrows = 0;
    }
    for (int r = 0; r < n; r++) {
        Cohort *k = &out->items[owner[r]];
        k->rows[k->nrows++] = r;
    }
    free(owner);
    sort_rows = pr->schedule;
    for (int c = 0; c < out->n; c++)
        qsort(out->items[c].rows, (size_t)out->items[c].nrows, sizeof(int), cmp_row_seq);
    sort_pr = pr;
    qsort(out->items, (size_t)out->n, sizeof *out->items, cmp_cohort);
    return 0;
}

static void cohorts_release(Cohorts *c)
{
    free(c->items);
    free(c->rowbuf);
}

static void host_heading(FILE *f, const PlanRead *pr, const char *host)
{
    if (*host) {
        fputs("Host: ", f);
        municipality(f, pr, host);
    } else {
        fputs("Placement-only tracks <span class=\"muted\">(no course, no host)</span>", f);
    }
}

static void schedule(FILE *f, const PlanRead *pr, const Cohorts *cs)
{
    fputs("<section class=\"page\">\n<h2>Course schedule by host municipality</h2>\n"
          "<p>Each cohort (spårstart) is one run of a track: its course modules are held at the "
          "host's learning centre (lärcentrum) in the groups shown, its placement modules at "
          "employers' placement slots (praktikplatser). Weeks are ISO weeks; the date is the "
          "Monday of that week. A module runs from the Monday of its first week to the end of "
          "its last week.</p>\n", f);
    if (cs->n == 0) {
        fputs("<p><strong>No cohort is opened in this plan.</strong></p>\n</section>\n", f);
        return;
    }
    for (int c = 0; c < cs->n; c++) {
        const Cohort *k = &cs->items[c];
        if (c == 0 || strcmp(cs->items[c - 1].host, k->host)) {
            long nco = 0, ngr = 0, npa = 0;
            for (int j = c; j < cs->n && !strcmp(cs->items[j].host, k->host); j++) {
                nco++;
                ngr += cs->items[j].groups;
                npa += cs->items[j].participants;
            }
            if (c > 0)
                fputs("</table>\n", f);
            fputs("<h3>", f);
            host_heading(f, pr, k->host);
            fprintf(f, " <span class=\"muted\">— %ld cohort%s", nco, nco == 1 ? "" : "s");
            if (*k->host)
                fprintf(f, ", %ld group%s", ngr, ngr == 1 ? "" : "s");
            fprintf(f, ", %ld participant%s</span></h3>\n", npa, npa == 1 ? "" : "s");
            fputs("<table class=\"sched\">\n<thead><tr><th>Track</th><th>Cohort start</th>"
                  "<th>Module</th>"
                  "<th>First week → last week</th><th class=\"n\">Weeks</th>"
                  "<th class=\"n\">Groups</th><th class=\"n\">Participants</th></tr></thead>\n", f);
        }
        fputs("<tbody class=\"cohort\">\n", f);
        for (int m = 0; m < k->nrows; m++) {
            const PlanScheduleRow *s = &pr->schedule[k->rows[m]];
            fputs("<tr>", f);
            if (m == 0) {
                fprintf(f, "<td rowspan=\"%d\">", k->nrows);
                track(f, pr, k->track);
                fprintf(f, "</td><td rowspan=\"%d\">", k->nrows);
                week_cell(f, pr, k->start);
                fputs("</td>", f);
            }
            fprintf(f, "<td><span class=\"kind %s\" title=\"%s\"></span>", s->course ? "kc" : "kp",
                    s->course ? "course" : "placement");
            html_escape(f, s->module);
            fprintf(f, " <span class=\"muted\">(%s)</span></td><td class=\"span\">",
                    s->course ? "course" : "placement");
            week_cell(f, pr, s->from_week);
            fputs(" <span class=\"muted\">→</span> ", f);
            week_cell(f, pr, s->to_week);
            fprintf(f, "</td><td class=\"n\">%d</td>", s->to_week - s->from_week + 1);
            if (m == 0) {
                fprintf(f, "<td class=\"n\" rowspan=\"%d\">", k->nrows);
                if (*k->host)
                    fprintf(f, "%d", k->groups);
                else
                    fputs("–", f);
                fprintf(f, "</td><td class=\"n\" rowspan=\"%d\">%d</td>", k->nrows,
                        k->participants);
            }
            fputs("</tr>\n", f);
        }
        fputs("</tbody>\n", f);
    }
    fputs("</table>\n</section>\n", f);
}

/* Width of one week column in the charts, in CSS pixels. */
static int week_px(int weeks)
{
    int px = 780 / (weeks > 0 ? weeks : 1);
    return px < 7 ? 7 : px > 22 ? 22 : px;
}

/* <table>, <colgroup> and the two header rows (months, ISO week numbers).
 * The table's width is set so that the fixed layout keeps every week
 * column equally wide (≤ 1000 px for 52 weeks: A4 landscape). */
static void grid_head(FILE *f, const PlanRead *pr, int label_px, int extra_cols)
{
    int px = week_px(pr->weeks);
    int every = px >= 14 ? 1 : px >= 9 ? 2 : 4;
    fprintf(f, "<div class=\"scroll\"><table class=\"grid\" style=\"width:%dpx\">\n",
            label_px + pr->weeks * px + extra_cols * 52);
    fprintf(f, "<colgroup><col style=\"width:%dpx\"><col span=\"%d\" style=\"width:%dpx\">",
            label_px, pr->weeks, px);
    if (extra_cols)
        fprintf(f, "<col span=\"%d\" style=\"width:52px\">", extra_cols);
    fputs("</colgroup>\n<thead><tr><th></th>", f);
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int year_shown = 0;
    for (int w = 1; w <= pr->weeks;) {
        int span = 1;
        while (w + span <= pr->weeks && !strncmp(pr->week_dates[w], pr->week_dates[w + span], 7))
            span++;
        int month = atoi(pr->week_dates[w] + 5);
        fprintf(f, "<th class=\"m\" colspan=\"%d\" title=\"%.7s\">", span, pr->week_dates[w]);
        if (span * px >= 24)
            fprintf(f, "%s", month >= 1 && month <= 12 ? months[month - 1] : "");
        /* the year on January and on the first month wide enough to
         * show it (a start on 2026-11-30 gave "Dec" with no year: its
         * one week of November was too narrow: review, twenty-sixth
         * session) */
        if (span * px >= 56 && (month == 1 || !year_shown)) {
            fprintf(f, " %.4s", pr->week_dates[w]);
            year_shown = 1;
        }
        fputs("</th>", f);
        w += span;
    }
    if (extra_cols)
        fprintf(f, "<th colspan=\"%d\"></th>", extra_cols);
    fputs("</tr>\n<tr><th class=\"lbl\">ISO week</th>", f);
    for (int w = 1; w <= pr->weeks; w++) {
        int y, iw;
        if (iso_week_of(pr->week_dates[w], &y, &iw) != 0)
            iw = 0;
        fprintf(f, "<th title=\"plan week %d: %04d-W%02d, Monday %s\">", w, y, iw,
                pr->week_dates[w]);
        if ((w - 1) % every == 0)
            fprintf(f, "%02d", iw);
        fputs("</th>", f);
    }
    if (extra_cols)
        fputs("<th class=\"n\">Peak</th><th class=\"n\">Weeks</th>", f);
    fputs("</tr></thead>\n", f);
}

static void timeline(FILE *f, const PlanRead *pr, const Cohorts *cs)
{
    if (cs->n == 0)
        return;
    fputs("<section class=\"page\">\n<h2>Week by week: when each cohort runs</h2>\n"
          "<div class=\"legend\"><span><i class=\"sw kc\"></i>course module at the host's "
          "learning centre</span><span><i class=\"sw kp\"></i>placement module (praktik) at "
          "employers</span><span>columns: ISO weeks across the horizon; row labels: track, "
          "cohort start week, participants</span></div>\n", f);
    grid_head(f, pr, 200, 0);
    fputs("<tbody>\n", f);
    for (int c = 0; c < cs->n; c++) {
        const Cohort *k = &cs->items[c];
        if (c == 0 || strcmp(cs->items[c - 1].host, k->host)) {
            fprintf(f, "<tr class=\"host\"><th colspan=\"%d\">", pr->weeks + 1);
            host_heading(f, pr, k->host);
            fputs("</th></tr>\n", f);
        }
        char iso[16];
        week_iso(pr, k->start, iso);
        fputs("<tr><td class=\"lbl\" title=\"", f);
        html_escape(f, k->track);
        fprintf(f, ", start %s\">", iso);
        track(f, pr, k->track);
        fprintf(f, " · %s <span class=\"muted\">· %d</span></td>", iso, k->participants);
        int w = 1;
        for (int m = 0; m < k->nrows; m++) {
            const PlanScheduleRow *s = &pr->schedule[k->rows[m]];
            if (s->from_week < w)
                continue; /* overlapping rows: never written by solve */
            for (; w < s->from_week; w++)
                fputs("<td></td>", f);
            int span = s->to_week - s->from_week + 1;
            char a[16], b[16];
            week_iso(pr, s->from_week, a);
            week_iso(pr, s->to_week, b);
            fprintf(f, "<td class=\"%s\" colspan=\"%d\" title=\"", s->course ? "c" : "p", span);
            html_escape(f, s->module);
            fprintf(f, " (%s): %s to %s\">", s->course ? "course" : "placement", a, b);
            if (span * week_px(pr->weeks) >= 30)
                html_escape(f, s->module);
            fputs("</td>", f);
            w = s->to_week + 1;
        }
        for (; w <= pr->weeks; w++)
            fputs("<td></td>", f);
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table></div>\n</section>\n", f);
}

/* ---- placement slots ---------------------------------------------------- */

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Background of a heat-map cell holding n of at most max: light to dark
 * green in HSL lightness, so grey-scale printing keeps the order. */
static void heat_style(FILE *f, int n, int max)
{
    double t = max > 1 ? (double)(n - 1) / (double)(max - 1) : 1.0;
    int light = (int)lround(86 - 52 * t);
    fprintf(f, " style=\"background:hsl(145,45%%,%d%%);color:%s\"", light,
            light < 60 ? "#fff" : "#13361f");
}

static int slots(FILE *f, const PlanRead *pr)
{
    fputs("<section class=\"page\">\n<h2>Placement slot use <span class=\"muted\">"
          "(praktikplatser)</span></h2>\n", f);
    if (pr->nplacements == 0) {
        fputs("<p>No participant has a placement in this plan.</p>\n</section>\n", f);
        return 0;
    }
    int n = pr->nplacements;
    const char **ids = malloc((size_t)n * sizeof *ids);
    if (!ids)
        return -1;
    for (int i = 0; i < n; i++)
        ids[i] = pr->placements[i].slot;
    qsort(ids, (size_t)n, sizeof *ids, cmp_str_ptr);
    int nslots = 0;
    for (int i = 0; i < n; i++)
        if (i == 0 || strcmp(ids[i], ids[i - 1]))
            ids[nslots++] = ids[i];
    int W = pr->weeks;
    int *use = calloc((size_t)nslots * (size_t)(W + 1), sizeof *use);
    if (!use) {
        free(ids);
        return -1;
    }
    int max = 0;
    for (int i = 0; i < n; i++) {
        const PlanPlacementRow *p = &pr->placements[i];
        const char **hit = bsearch(&p->slot, ids, (size_t)nslots, sizeof *ids, cmp_str_ptr);
        int s = (int)(hit - ids);
        for (int w = p->from_week; w <= p->to_week && w <= W; w++) {
            int v = ++use[(size_t)s * (size_t)(W + 1) + (size_t)w];
            if (v > max)
                max = v;
        }
    }
    fprintf(f, "<p>Participants of this plan at each slot, week by week (%d slot%s in use, "
            "at most %d participant%s at one slot in one week). Slot capacities and other "
            "groups' bookings (reservations) are in the scenario's files, not in the plan; "
            "<code>samplan solve</code> kept every slot within its free room in every week. "
            "Darker cells mean more participants; use this to see where placements bunch "
            "up.</p>\n", nslots, nslots == 1 ? "" : "s", max, max == 1 ? "" : "s");
    fputs("<div class=\"legend\"><span>participants in the week:</span>", f);
    for (int v = 1; v <= max && v <= 8; v++) {
        int shown = max <= 8 ? v : (int)lround(1 + (double)(v - 1) * (max - 1) / 7.0);
        fputs("<span><i class=\"sw\"", f);
        heat_style(f, shown, max);
        fprintf(f, "></i>%d</span>", shown);
    }
    fputs("</div>\n", f);
    grid_head(f, pr, 150, 2);
    fputs("<tbody>\n", f);
    for (int s = 0; s < nslots; s++) {
        const int *u = use + (size_t)s * (size_t)(W + 1);
        int peak = 0;
        long pw = 0;
        for (int w = 1; w <= W; w++) {
            pw += u[w];
            if (u[w] > peak)
                peak = u[w];
        }
        fputs("<tr><td class=\"lbl\">", f);
        html_escape(f, ids[s]);
        fputs("</td>", f);
        for (int w = 1; w <= W; w++) {
            if (!u[w]) {
                fputs("<td></td>", f);
                continue;
            }
            char iso[16];
            week_iso(pr, w, iso);
            fputs("<td class=\"h\"", f);
            heat_style(f, u[w], max);
            fprintf(f, " title=\"%s: %d\">%d</td>", iso, u[w], u[w]);
        }
        fprintf(f, "<td class=\"n\">%d</td><td class=\"n\">%ld</td></tr>\n", peak, pw);
    }
    fputs("</tbody>\n</table></div>\n<p class=\"legend\">Peak: most participants at the slot "
          "in one week. Weeks: participant-weeks at the slot over the horizon.</p>\n"
          "</section>\n", f);
    free(use);
    free(ids);
    return 0;
}

/* ---- settlement --------------------------------------------------------- */

static void settlement(FILE *f, const PlanRead *pr)
{
    fputs("<section>\n<h2>Settlement between municipalities <span class=\"muted\">"
          "(kvittning, interkommunal ersättning)</span></h2>\n", f);
    int ngross = 0, nnet = 0, fraction = 0;
    double tgross = 0, tnet = 0;
    long tweeks = 0;
    for (int i = 0; i < pr->nsettlement; i++) {
        const PlanSettlementRow *s = &pr->settlement[i];
        if (s->net) {
            nnet++;
            tnet += s->amount;
        } else {
            ngross++;
            tgross += s->amount;
            tweeks += s->participant_weeks > 0 ? s->participant_weeks : 0;
        }
        if (fabs(s->amount - round(s->amount)) > 0.004)
            fraction = 1;
    }
    int dec = fraction ? 2 : 0;
    if (pr->nsettlement == 0) {
        fputs("<p>No participant takes a course outside the home municipality, so no "
              "municipality pays another.</p>\n</section>\n", f);
        return;
    }
    fputs("<p>The home municipality pays the host for each week a participant spends in a "
          "course there (course-seat price per participant-week). Payments in both directions "
          "between two municipalities are netted: only the net transfers below need to be "
          "paid.</p>\n", f);
    fputs("<h3>Net transfers to pay</h3>\n<table>\n<thead><tr><th>Payer</th><th></th>"
          "<th>Payee</th><th class=\"n\">Amount (SEK)</th></tr></thead>\n<tbody>\n", f);
    for (int i = 0; i < pr->nsettlement; i++) {
        const PlanSettlementRow *s = &pr->settlement[i];
        if (!s->net)
            continue;
        fputs("<tr><td>", f);
        municipality(f, pr, s->payer);
        fputs("</td><td>→</td><td>", f);
        municipality(f, pr, s->payee);
        fputs("</td><td class=\"n\">", f);
        sek(f, s->amount, dec);
        fputs("</td></tr>\n", f);
    }
    if (!nnet)
        fputs("<tr><td colspan=\"4\">All payments cancel out: nothing to transfer.</td></tr>\n", f);
    fprintf(f, "</tbody>\n<tfoot><tr><td colspan=\"3\">Total, %d transfer%s</td>"
            "<td class=\"n\">", nnet, nnet == 1 ? "" : "s");
    sek(f, tnet, dec);
    fputs("</td></tr></tfoot>\n</table>\n", f);

    fputs("<h3>Gross course-seat payments</h3>\n<table>\n<thead><tr><th>Payer (home)</th>"
          "<th></th><th>Payee (host)</th><th class=\"n\">Participant-weeks</th>"
          "<th class=\"n\">Amount (SEK)</th></tr></thead>\n<tbody>\n", f);
    for (int i = 0; i < pr->nsettlement; i++) {
        const PlanSettlementRow *s = &pr->settlement[i];
        if (s->net)
            continue;
        fputs("<tr><td>", f);
        municipality(f, pr, s->payer);
        fputs("</td><td>→</td><td>", f);
        municipality(f, pr, s->payee);
        fputs("</td><td class=\"n\">", f);
        if (s->participant_weeks >= 0)
            fprintf(f, "%ld", s->participant_weeks);
        fputs("</td><td class=\"n\">", f);
        sek(f, s->amount, dec);
        fputs("</td></tr>\n", f);
    }
    fprintf(f, "</tbody>\n<tfoot><tr><td colspan=\"3\">Total, %d payment%s</td>"
            "<td class=\"n\">%ld</td><td class=\"n\">", ngross, ngross == 1 ? "" : "s", tweeks);
    sek(f, tgross, dec);
    fputs("</td></tr></tfoot>\n</table>\n</section>\n", f);
}

/* ---- unassigned --------------------------------------------------------- */

static void unassigned(FILE *f, const PlanRead *pr)
{
    long n = 0;
    for (int i = 0; i < pr->nassignments; i++)
        n += !pr->assignments[i].assigned;
    fputs("<section>\n<h2>Participants not assigned</h2>\n", f);
    if (!n) {
        fputs("<p>Every participant is assigned to a cohort.</p>\n</section>\n", f);
        return;
    }
    fprintf(f, "<p>%ld participant%s without a place in this plan, with the reason samplan "
            "found. Ids are the pseudonymous ids of participants.csv.</p>\n"
            "<table>\n<thead><tr><th>Participant</th><th>Reason</th></tr></thead>\n<tbody>\n",
            n, n == 1 ? "" : "s");
    long shown = 0;
    for (int i = 0; i < pr->nassignments && shown < REPORT_HTML_MAX_UNASSIGNED; i++) {
        const PlanAssignmentRow *a = &pr->assignments[i];
        if (a->assigned)
            continue;
        fputs("<tr><td>", f);
        html_escape(f, a->participant);
        fputs("</td><td class=\"reason\">", f);
        html_escape(f, *a->reason ? a->reason : "no reason recorded");
        fputs("</td></tr>\n", f);
        shown++;
    }
    fputs("</tbody>\n</table>\n", f);
    if (shown < n)
        fprintf(f, "<p>%ld more are listed in assignments.csv.</p>\n", n - shown);
    fputs("</section>\n", f);
}

/* ---- the page ----------------------------------------------------------- */

int report_html_render(const PlanRead *pr, const char *generated, FILE *f)
{
    Cohorts cs = {0};
    if (cohorts_build(pr, &cs) != 0) {
        cohorts_release(&cs);
        return -1;
    }
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"samplan report\">\n<title>Plan report: ", f);
    html_escape(f, pr->scenario);
    if (pr->variant) {
        fputs(" (", f);
        html_escape(f, pr->variant);
        fputs(")", f);
    }
    fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", css);
    header(f, pr, generated);
    results(f, pr);
    schedule(f, pr, &cs);
    timeline(f, pr, &cs);
    int rc = slots(f, pr);
    settlement(f, pr);
    unassigned(f, pr);
    fputs("<footer>Made by <code>samplan report</code> from the plan directory's "
          "summary.json, assignments.csv, schedule.csv, placements.csv and settlement.csv. "
          "The CSV files hold every figure with full precision. This report contains "
          "pseudonymous participant ids: keep it as private as the plan.</footer>\n"
          "</main>\n</body>\n</html>\n", f);
    cohorts_release(&cs);
    return rc != 0 || ferror(f) ? -1 : 0;
}

int report_html_write(const PlanRead *pr, const char *dir, const char *generated,
                      DiagList *diags)
{
    AtomicFile af = ATOMIC_FILE_INIT;
    if (atomic_open(&af, dir, "report.html", diags) != 0) {
        atomic_abort(&af);
        return 1;
    }
    if (report_html_render(pr, generated, af.f) != 0) {
        diag_add(diags, af.path, 0, 0, "cannot write the report (out of memory or "
                 "write error)");
        atomic_abort(&af);
        return 1;
    }
    if (atomic_close(&af, diags) != 0 || atomic_commit(&af, diags) != 0) {
        atomic_abort(&af);
        return 1;
    }
    atomic_release(&af);
    return 0;
}
