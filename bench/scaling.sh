#!/bin/sh
# bench/scaling.sh — how the program and its solve grow with the weeks of
# the horizon and with the placement slots, the other dimensions being
# held (bench/README.md, "Scaling with weeks and slots"). Participants and
# municipalities are the main benchmark's axes (bench/run.sh: sizes 200 to
# 50 000, 8 municipalities against 290 at 2 000 participants).
#
# From one generated scenario (default kronoberg, 2 000 participants, seed
# 1) it derives:
#   weeks W in 26, 52, 104: scenario.json `weeks` = W, every participant's
#     start window moved to earliest·W/52 with its length kept, every slot
#     open for the whole horizon — the same people and choices spread over
#     a shorter or longer year;
#   windows × F in 2, 4 (horizon 52): every start window F times as long,
#     so each participant has about F times the starts to choose from;
#   slots × F in 0.5, 1, 2: every slot's capacity × F (rounded, at least 1).
# Each is solved with the same limit; the line per run goes to
# bench/results/scaling-<date>.csv: rows, columns, non-zeros, build,
# value-level and cost-level seconds, wall, peak memory, status, value,
# cost (SEK), bound, gap, and plan_check's verdict.
#
# Environment: SAMPLAN, TOOLS, SCALING_PRESET (kronoberg), SCALING_N
# (2000), SCALING_LIMIT (20 s), SCALING_WORK (build/bench/scaling, or a
# directory under /tmp: it is emptied first), SCALING_CSV (the results
# file, for trying the script out without replacing the day's results).
# POSIX sh + awk; needs /usr/bin/time (GNU time).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SAMPLAN=${SAMPLAN:-$ROOT/build/samplan}
TOOLS=${TOOLS:-$ROOT/build/tools}
PRESET=${SCALING_PRESET:-kronoberg}
N=${SCALING_N:-2000}
LIMIT=${SCALING_LIMIT:-20}
WORK=${SCALING_WORK:-$ROOT/build/bench/scaling}
RES=$ROOT/bench/results
CSV=${SCALING_CSV:-$RES/scaling-$(date +%Y-%m-%d).csv}
TIME=/usr/bin/time

for f in "$SAMPLAN" "$TOOLS/plan_check"; do
    [ -x "$f" ] || { echo "scaling: $f missing (run make bench-quick first)" >&2; exit 2; }
done
[ -x $TIME ] || { echo "scaling: /usr/bin/time missing (sh scripts/install-deps.sh --bench)" >&2; exit 2; }
case $WORK in */bench/scaling|/tmp/*) ;; *) echo "scaling: SCALING_WORK must end in bench/scaling or lie in /tmp" >&2; exit 2 ;; esac
rm -rf "$WORK"
mkdir -p "$WORK" "$RES"
base=$WORK/base
"$SAMPLAN" generate --preset "$PRESET" --participants "$N" --seed 1 -o "$base" >/dev/null ||
    { echo "scaling: generate failed" >&2; exit 1; }

# the base's horizon (52 when scenario.json does not say)
W0=$(sed -n 's/.*"weeks": *\([0-9]*\).*/\1/p' "$base/scenario.json" | head -n 1)
W0=${W0:-52}

# copy_with DIR: a copy of the base scenario to change
copy_with() { rm -rf "$1"; cp -r "$base" "$1"; }

# edit_csv IN OUT REQUIRED VARS AWK-BODY: runs AWK-BODY over the rows of
# a CSV table after its header (kept as it is), with col[name] the column
# of each header name, the CR of CRLF line ends dropped, VARS ("name=value
# …") as awk variables; a table without one of the REQUIRED columns
# (space-separated) stops the run
PRELUDE='{ sub(/\r$/, "") }
NR == 1 {
    for (i = 1; i <= NF; i++) col[$i] = i
    n = split(need, req, " ")
    for (k = 1; k <= n; k++)
        if (!(req[k] in col)) { print "scaling: " FILENAME ": no column " req[k] > "/dev/stderr"; exit 2 }
    print
    next
}
'
edit_csv() {
    in=$1 out=$2 need=$3 vars=$4 body=$5
    set -- -F, -v OFS=, -v "need=$need"
    for v in $vars; do set -- "$@" -v "$v"; done
    awk "$@" "$PRELUDE$body" "$in" >"$out" || { echo "scaling: cannot derive $out" >&2; exit 1; }
}

# set_weeks DIR W: horizon W weeks, start windows moved along (same
# length), slots open throughout, reservations cut to the horizon
set_weeks() {
    sed "s/\"weeks\": *[0-9]*/\"weeks\": $2/" "$base/scenario.json" >"$1/scenario.json"
    grep -q "\"weeks\": *$2" "$1/scenario.json" || { echo "scaling: scenario.json has no weeks to set" >&2; exit 1; }
    edit_csv "$base/participants.csv" "$1/participants.csv" "earliest_week latest_week" "w=$2 w0=$W0" '
        {
            e = col["earliest_week"]; l = col["latest_week"]
            if ($e != "") {
                len = $l != "" ? $l - $e : -1
                $e = int(($e - 1) * w / w0) + 1
                if (len >= 0) $l = $e + len > w ? w : $e + len
            } else if ($l != "" && $l > w) {
                $l = w
            }
            print
        }'
    edit_csv "$base/slots.csv" "$1/slots.csv" "from_week to_week" "w=$2" '
        { $col["from_week"] = 1; $col["to_week"] = w; print }'
    edit_csv "$base/reservations.csv" "$1/reservations.csv" "from_week to_week" "w=$2" '
        $col["from_week"] <= w { if ($col["to_week"] > w) $col["to_week"] = w; print }'
}

# set_windows DIR F: every start window F times as long (from the same
# earliest week, within the horizon): more starts, so more options, per
# participant
set_windows() {
    edit_csv "$base/participants.csv" "$1/participants.csv" "earliest_week latest_week" "f=$2 w=$W0" '
        {
            e = col["earliest_week"]; l = col["latest_week"]
            if ($e != "" && $l != "") { nl = $e + ($l - $e + 1) * f - 1; $l = nl > w ? w : nl }
            print
        }'
}

# set_slots DIR F: every slot's capacity × F, at least 1
set_slots() {
    edit_csv "$base/slots.csv" "$1/slots.csv" "capacity" "f=$2" '
        { c = int($col["capacity"] * f + 0.5); $col["capacity"] = c < 1 ? 1 : c; print }'
}

echo "axis,setting,rows,cols,nonzeros,build_s,value_s,cost_s,wall_s,rss_kb,status,value,cost,bound,gap,plan_check" >"$CSV"

run() { # run AXIS SETTING DIR
    d=$3
    $TIME -f "%e %M" -o "$d.time" "$SAMPLAN" solve "$d" -o "$d.plan" --force --time-limit "$LIMIT" \
        >"$d.out" 2>"$d.err"
    set -- "$1" "$2" "$3" $(awk 'END { print $1, $2 }' "$d.time")
    wall=${4:-n/a} rss=${5:-n/a}
    prog=$(grep '^samplan: program ' "$d.err" | tail -n 1)
    sizes=$(echo "$prog" | awk '{
        r = c = z = b = v = o = "n/a"
        for (i = 1; i <= NF; i++) {
            if ($(i+1) == "rows,") r = $i
            if ($(i+1) == "columns,") c = $i
            if ($(i+1) == "non-zeros") z = $i
            if ($i == "build") b = $(i+1)
            if ($i == "value") v = $(i+1)
            if ($i == "cost") o = $(i+1)
        }
        print r "," c "," z "," b "," v "," o }')
    sum=$d.plan/summary.json
    get() { sed -n "s/^ *\"$1\": *\"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\} *$/\1/p" "$sum" | head -n 1; }
    chk=fail
    "$TOOLS/plan_check" "$d" "$d.plan" >"$d.check" 2>&1 && chk=ok
    echo "$1,$2,$sizes,$wall,$rss,$(get status),$(get value),$(get cost),$(get bound),$(get gap),$chk" >>"$CSV"
    echo "scaling: $1 $2: $(get status) value=$(get value) cost=$(get cost) wall=${wall}s $chk" >&2
}

# each run: its axis (set_<axis> makes it) and setting
for spec in "weeks 26" "weeks 52" "weeks 104" "windows 2" "windows 4" "slots 0.5" "slots 1" "slots 2"; do
    set -- $spec
    d=$WORK/$1-$2
    copy_with "$d"
    "set_$1" "$d" "$2"
    run "$1" "$2" "$d"
done
echo "scaling: $CSV" >&2
