#!/bin/sh
# bench/report.sh MODE DATE — turns bench/results/<MODE>-<DATE>.csv and
# orlib-<MODE>-<DATE>.csv into Markdown tables (<MODE>-<DATE>.md) and a
# log-log plot of time and peak memory against participants
# (<MODE>-<DATE>.svg), both in bench/results/. POSIX sh + awk only.
set -u
MODE=${1:?usage: report.sh MODE DATE}
DATE=${2:?usage: report.sh MODE DATE}
RES=$(cd "$(dirname "$0")" && pwd)/results
CSV=$RES/$MODE-$DATE.csv
OCSV=$RES/orlib-$MODE-$DATE.csv
MD=$RES/$MODE-$DATE.md
SVG=$RES/$MODE-$DATE.svg
[ -f "$CSV" ] || CSV=/dev/null
[ -f "$OCSV" ] || OCSV=/dev/null

# ------------------------------------------------------------- Markdown
awk -F, -v mode="$MODE" -v date="$DATE" '
function num(x, f) { return (x == "n/a" || x == "") ? "–" : sprintf(f, x) }
function mb(x) { return (x == "n/a" || x == "") ? "–" : sprintf("%.0f", x / 1024) }
FNR == 1 { for (i = 1; i <= NF; i++) col[FILENAME, $i] = i; next }
FILENAME == ARGV[1] { n++; for (i = 1; i <= NF; i++) A[n, i] = $i; next }
{ o++; for (i = 1; i <= NF; i++) O[o, i] = $i }
function a(r, k) { return A[r, col[ARGV[1], k]] }
function b(r, k) { return O[r, col[ARGV[2], k]] }
END {
    printf "### %s mode, %s\n\n", mode, date
    if (n) {
        print "samplan end to end (limit = `--time-limit`; wall includes load and writing the plan; levels = load / build / value / bound / cost seconds as samplan reports them; load is reading and checking the files, the bound the Lagrangian one between the levels; – where an older run did not report it: load before the ninth session, bound before the seventh):\n"
        print "| instance | munic. | particip. | classes | rows | cols | non-zeros | levels l/b/v/bd/c (s) | limit (s) | wall (s) | peak RSS (MB) | status | value | bound | gap | cost (SEK) | plan_check |"
        print "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---|"
        for (r = 1; r <= n; r++)
            printf "| %s | %s | %s | %s | %s | %s | %s | %s / %s / %s / %s / %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                a(r, "instance"), a(r, "municipalities"), a(r, "participants"), a(r, "classes"),
                a(r, "rows"), a(r, "cols"), a(r, "nonzeros"), (a(r, "load_s") == "" ? "–" : a(r, "load_s")),
                a(r, "build_s"), a(r, "value_s"),
                (a(r, "bound_s") == "" ? "–" : a(r, "bound_s")), a(r, "cost_s"),
                a(r, "limit_s"), num(a(r, "wall_s"), "%.2f"), mb(a(r, "rss_kb")), a(r, "status"),
                num(a(r, "value"), "%.6g"), num(a(r, "bound"), "%.6g"),
                (a(r, "gap") == "n/a" ? "–" : sprintf("%.2f %%", 100 * a(r, "gap"))),
                num(a(r, "cost"), "%.0f"), a(r, "plan_check")
        print "\nSame instances: the plain level-1 program (`samplan export --plain`) under glpsol and cbc, and the greedy gross-list baseline (`greedy_run … gross`). Ratios are solver wall / samplan wall (samplan solves both levels, the others level 1 only); a ratio means little when both stop at their limits — compare the values then.\n"
        print "| instance | plain rows / cols / nz | samplan (s) | samplan value | glpsol (s) | glpsol status | glpsol value | ×samplan | cbc (s) | cbc status | cbc value | ×samplan | greedy value | greedy cost (SEK) | greedy (s) | samplan / greedy value |"
        print "|---|---|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"
        for (r = 1; r <= n; r++)
            printf "| %s | %s / %s / %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                a(r, "instance"), a(r, "plain_rows"), a(r, "plain_cols"), a(r, "plain_nonzeros"),
                num(a(r, "wall_s"), "%.2f"), num(a(r, "value"), "%.6g"),
                num(a(r, "glpsol_s"), "%.2f"), a(r, "glpsol_status"), num(a(r, "glpsol_value"), "%.6g"), a(r, "glpsol_time_ratio"),
                num(a(r, "cbc_s"), "%.2f"), a(r, "cbc_status"), num(a(r, "cbc_value"), "%.6g"), a(r, "cbc_time_ratio"),
                num(a(r, "greedy_value"), "%.6g"), num(a(r, "greedy_cost"), "%.0f"), num(a(r, "greedy_s"), "%.3f"),
                a(r, "value_ratio")
        print ""
    }
    if (o) {
        print "OR-Library capacitated warehouse location through `bench/orlib2scenario` (level 2 cost against the published optimum, cpopt.txt):\n"
        print "| instance | m × n | participants | rows | cols | non-zeros | optimum | samplan cost | abs diff | rel diff | status | wall (s) | peak RSS (MB) | plan_check |"
        print "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|"
        for (r = 1; r <= o; r++)
            printf "| %s | %s × %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                b(r, "instance"), b(r, "warehouses"), b(r, "customers"), b(r, "participants"),
                b(r, "rows"), b(r, "cols"), b(r, "nonzeros"), b(r, "optimum"), num(b(r, "cost"), "%.6f"),
                b(r, "abs_diff"), b(r, "rel_diff"), b(r, "status"), num(b(r, "wall_s"), "%.2f"),
                mb(b(r, "rss_kb")), b(r, "plan_check")
        print ""
    }
}' "$CSV" "$OCSV" >"$MD"

# ------------------------------------------------------------------ SVG
# Two log-log panels: wall time (s) and peak RSS (MB) against participants.
awk -F, -v mode="$MODE" -v date="$DATE" '
function lg(x) { return log(x) / log(10) }
function add(s, x, y) { if (x == "n/a" || y == "n/a" || x == "" || y == "" || x + 0 <= 0 || y + 0 <= 0) return; k = ++np[s]; PX[s, k] = x + 0; PY[s, k] = y + 0 }
FNR == 1 { for (i = 1; i <= NF; i++) c[FILENAME, $i] = i; next }
FILENAME == ARGV[1] {
    x = $c[FILENAME, "participants"]
    add(1, x, $c[FILENAME, "wall_s"]);   add(5, x, $c[FILENAME, "rss_kb"] / 1024)
    add(2, x, $c[FILENAME, "glpsol_s"]); add(6, x, $c[FILENAME, "glpsol_rss_kb"] / 1024)
    add(3, x, $c[FILENAME, "cbc_s"]);    add(7, x, $c[FILENAME, "cbc_rss_kb"] / 1024)
    add(4, x, $c[FILENAME, "greedy_s"])
    next
}
{ x = $c[FILENAME, "participants"]; add(9, x, $c[FILENAME, "wall_s"]); add(10, x, $c[FILENAME, "rss_kb"] / 1024) }
END {
    name[1] = name[5] = "samplan"; name[2] = name[6] = "glpsol --plain"; name[3] = name[7] = "cbc --plain"
    name[4] = "greedy gross list"; name[9] = name[10] = "samplan, OR-Library"
    colr[1] = colr[5] = colr[9] = colr[10] = "#1f6fb4"; colr[2] = colr[6] = "#e07b00"; colr[3] = colr[7] = "#2a9d3a"; colr[4] = "#777777"
    W = 980; H = 420; pw = 400; ph = 300; top = 50
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", W, H
    printf "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", W, H
    printf "<text x=\"20\" y=\"22\" font-size=\"15\">samplan bench, %s mode, %s: wall time and peak memory against participants (log-log)</text>\n", mode, date
    for (panel = 0; panel < 2; panel++) {
        left = 80 + panel * 480
        # ranges over the panel series
        xmin = 1e30; xmax = -1e30; ymin = 1e30; ymax = -1e30
        for (s = 1; s <= 10; s++) {
            if ((panel == 0) != (s <= 4 || s == 9)) continue
            for (k = 1; k <= np[s]; k++) {
                if (PX[s, k] < xmin) xmin = PX[s, k]; if (PX[s, k] > xmax) xmax = PX[s, k]
                if (PY[s, k] < ymin) ymin = PY[s, k]; if (PY[s, k] > ymax) ymax = PY[s, k]
            }
        }
        if (xmin > xmax) { xmin = 100; xmax = 1000; ymin = 1; ymax = 10 }
        x0 = int(lg(xmin) + 100) - 100; if (x0 > lg(xmin)) x0--; x1 = int(lg(xmax) + 101) - 100; if (x1 - 1 >= lg(xmax)) x1--; if (x1 <= x0) x1 = x0 + 1
        y0 = int(lg(ymin) + 100) - 100; if (y0 > lg(ymin)) y0--; y1 = int(lg(ymax) + 101) - 100; if (y1 - 1 >= lg(ymax)) y1--; if (y1 <= y0) y1 = y0 + 1
        printf "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>\n", left, top, pw, ph
        for (e = x0; e <= x1; e++) {
            px = left + (e - x0) / (x1 - x0) * pw
            printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n", px, top, px, top + ph
            printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", px, top + ph + 16, (e >= 0 ? sprintf("%d", 10 ^ e) : sprintf("%g", 10 ^ e))
        }
        for (e = y0; e <= y1; e++) {
            py = top + ph - (e - y0) / (y1 - y0) * ph
            printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", left, py, left + pw, py
            printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", left - 5, py + 4, (e >= 0 ? sprintf("%d", 10 ^ e) : sprintf("%g", 10 ^ e))
        }
        printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">participants</text>\n", left + pw / 2, top + ph + 34
        printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 %d %d)\">%s</text>\n", left - 50, top + ph / 2, left - 50, top + ph / 2, (panel == 0 ? "wall time (s)" : "peak RSS (MB)")
        ly = top + 14
        for (s = 1; s <= 10; s++) {
            if ((panel == 0) != (s <= 4 || s == 9)) continue
            if (np[s] == 0) continue
            # sort by x (insertion sort; few points)
            for (i = 2; i <= np[s]; i++) for (j = i; j > 1 && PX[s, j - 1] > PX[s, j]; j--) {
                t = PX[s, j]; PX[s, j] = PX[s, j - 1]; PX[s, j - 1] = t; t = PY[s, j]; PY[s, j] = PY[s, j - 1]; PY[s, j - 1] = t }
            pts = ""
            for (k = 1; k <= np[s]; k++) {
                px = left + (lg(PX[s, k]) - x0) / (x1 - x0) * pw
                py = top + ph - (lg(PY[s, k]) - y0) / (y1 - y0) * ph
                pts = pts sprintf("%.1f,%.1f ", px, py)
                if (s >= 9)
                    printf "<path d=\"M%.1f %.1fl4 7h-8z\" fill=\"none\" stroke=\"%s\"/>\n", px, py - 4, colr[s]
                else
                    printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>\n", px, py, colr[s]
            }
            if (s < 9 && np[s] > 1) printf "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>\n", pts, colr[s]
            printf "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s %s</text>\n", left + 8, ly, colr[s], (s >= 9 ? "△" : "●"), name[s]
            ly += 15
        }
    }
    print "</svg>"
}' "$CSV" "$OCSV" >"$SVG"
echo "report: $MD $SVG" >&2
