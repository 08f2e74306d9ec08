#!/bin/sh
# region_search.sh — region search (solver/lns.c), which samplan uses on
# programs too large for GLPK as a whole, forced onto small random
# scenarios with SAMPLAN_REGION_SEARCH=N (first region of N columns):
#  * regions larger than the program free every column, so each region is
#    the whole program: value and cost must equal the plain solve's optimum
#    (this checks mip_restrict and the write-back against GLPK on the whole);
#  * regions of 20 columns fix most of the plan each time: the plan must
#    pass plan_check and its value may not exceed the optimum, nor its
#    bound (the Lagrangian one, solver/lagrange.c) fall below it;
#  * the same two cases with cohort neighbourhoods only (solver/hood.c,
#    SAMPLAN_NEIGHBOURHOODS=cohorts): one beyond the program's size frees
#    every column too, one of 20 columns, taking turns with wide ones
#    (swaps, hood_choose_wide) and, at level 2, beside screens (moves
#    priced by the LP, solver/screen.c, whose plans replace the parent's
#    whole), must still give a valid plan — that one
#    after the greedy search, with the bound computed alongside it
#    (solver/bound_alongside.c), which must not fall below the optimum;
#  * 20-column regions with LP-guided neighbourhoods, whole and cut to
#    municipality regions (SAMPLAN_NEIGHBOURHOODS=regions,lp and
#    regions,lp-cut; LP-guided ones alone are check_lns.c's work): a
#    valid plan, no better than the optimum, and at the optimal value no
#    cheaper than the optimal cost;
#  * whole-program regions, proven without a gain, make a local optimum:
#    the search stops there instead of running to its time limit (a
#    stale-region rule once kept it from ever stopping; a limit of 120 s
#    against 0.1 s of work leaves room for any slow machine).
# RANDOM_N scenarios (default 60). Env: SAMPLAN, TOOLS (random_scenario,
# plan_check).
: "${SAMPLAN:?SAMPLAN must name the samplan binary}"
: "${TOOLS:?TOOLS must name the tests/tools build directory}"
N=${RANDOM_N:-60}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/region_search.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0
compared=0

# value and cost from plan_check's "ok" line
vc() { sed -n 's/^plan_check: ok value=\([^ ]*\) cost=\([^ ]*\).*/\1 \2/p' "$1"; }

# within 1e-6 relative (absolute below 1)
same() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; m = (a < 0 ? -a : a);
                                          if (m < 1) m = 1; exit !(d <= 1e-6 * m) }'; }

# small regions (of kind $1): most columns fixed in every run; the plan
# must be valid and no better than the optimum $v
small_regions_ok() {
    # with cohort neighbourhoods the greedy search runs first, and the
    # value bound alongside it in a second process
    # (solver/bound_alongside.c): it must be a bound all the same
    alongside=
    [ "$1" = cohorts,swaps,screen ] && alongside="SAMPLAN_GREEDY_SEARCH=0.3"
    if ! env $alongside SAMPLAN_NEIGHBOURHOODS=$1 SAMPLAN_REGION_SEARCH=20 "$SAMPLAN" solve "$d" -o "$tmp/small" --force --quiet --time-limit 2 --jobs 2 > "$tmp/log" 2>&1 ||
       ! "$TOOLS/plan_check" "$d" "$tmp/small" > "$tmp/check" 2>&1; then
        echo "FAIL seed $seed: region search (small, $1) failed or its plan is invalid"
        sed 's/^/    /' "$tmp/check" "$tmp/log" | head -n 8; fails=$((fails + 1)); return 1
    fi
    set -- "$1" $(vc "$tmp/check")
    if ! awk -v a="$2" -v b="$v" 'BEGIN { exit !(a <= b + 1e-6 * (b < 1 ? 1 : b)) }'; then
        echo "FAIL seed $seed: small regions ($1) gave value $2 above the optimum $v"
        fails=$((fails + 1)); return 1
    fi
    # region search proves nothing, so the bound is the Lagrangian one
    # (solver/lagrange.c, run on the block after level 1): never below
    # the optimum, and a plan it proves must be optimal
    b=$(tr -d '\n' < "$tmp/small/summary.json" | sed -n 's/.*"bound"[[:space:]]*:[[:space:]]*\([-+0-9.eE]*\).*/\1/p')
    st=$(tr -d '\n' < "$tmp/small/summary.json" | sed -n 's/.*"status"[[:space:]]*:[[:space:]]*"\([a-z]*\)".*/\1/p')
    if [ -z "$b" ] || ! awk -v a="$b" -v b="$v" 'BEGIN { exit !(a >= b - 1e-6 * (b < 1 ? 1 : b)) }'; then
        echo "FAIL seed $seed: small regions ($1): bound '$b' below the optimum $v"
        fails=$((fails + 1)); return 1
    fi
    if [ "$st" = optimal ] && ! same "$2" "$v"; then
        echo "FAIL seed $seed: small regions ($1): status optimal at value $2, the optimum is $v"
        fails=$((fails + 1)); return 1
    fi
    # at the optimal value no plan costs less than the proven optimum
    if [ "$plain_status" = optimal ] && same "$2" "$v" &&
       ! awk -v a="$3" -v b="$c" 'BEGIN { m = (b < 0 ? -b : b); if (m < 1) m = 1; exit !(a >= b - 1e-6 * m) }'; then
        echo "FAIL seed $seed: small regions ($1): cost $3 at the optimal value, below the optimum $c"
        fails=$((fails + 1)); return 1
    fi
}

i=1
while [ "$i" -le "$N" ]; do
    seed=$((900 + i))
    i=$((i + 1))
    d="$tmp/s$seed"
    "$TOOLS/random_scenario" "$seed" "$d" > "$tmp/log" 2>&1 || { echo "FAIL seed $seed: random_scenario"; fails=$((fails + 1)); continue; }
    if ! "$SAMPLAN" solve "$d" -o "$tmp/plain" --force --quiet > "$tmp/log" 2>&1 ||
       ! "$TOOLS/plan_check" "$d" "$tmp/plain" > "$tmp/check" 2>&1; then
        echo "FAIL seed $seed: plain solve or its plan_check"; fails=$((fails + 1)); continue
    fi
    set -- $(vc "$tmp/check")
    v=$1 c=$2
    plain_status=$(tr -d '\n' < "$tmp/plain/summary.json" | sed -n 's/.*"status"[[:space:]]*:[[:space:]]*"\([a-z]*\)".*/\1/p')
    # every region is the whole program
    if ! SAMPLAN_REGION_SEARCH=1000000 "$SAMPLAN" solve "$d" -o "$tmp/whole" --force --quiet > "$tmp/log" 2>&1 ||
       ! "$TOOLS/plan_check" "$d" "$tmp/whole" > "$tmp/check" 2>&1; then
        echo "FAIL seed $seed: region search (whole regions) failed or its plan is invalid"
        sed 's/^/    /' "$tmp/check" "$tmp/log" | head -n 8; fails=$((fails + 1)); continue
    fi
    set -- $(vc "$tmp/check")
    if ! same "$1" "$v" || ! same "$2" "$c"; then
        echo "FAIL seed $seed: whole regions gave value $1 cost $2, the plain solve value $v cost $c"
        fails=$((fails + 1)); continue
    fi
    if ! small_regions_ok regions; then continue; fi
    if ! small_regions_ok regions,lp; then continue; fi
    if ! small_regions_ok regions,lp-cut; then continue; fi
    # cohort neighbourhoods alone: one beyond the program frees all of it
    if ! SAMPLAN_NEIGHBOURHOODS=cohorts SAMPLAN_REGION_SEARCH=1000000 "$SAMPLAN" solve "$d" -o "$tmp/whole" --force --quiet > "$tmp/log" 2>&1 ||
       ! "$TOOLS/plan_check" "$d" "$tmp/whole" > "$tmp/check" 2>&1; then
        echo "FAIL seed $seed: cohort neighbourhoods (whole) failed or the plan is invalid"
        sed 's/^/    /' "$tmp/check" "$tmp/log" | head -n 8; fails=$((fails + 1)); continue
    fi
    set -- $(vc "$tmp/check")
    if ! same "$1" "$v" || ! same "$2" "$c"; then
        echo "FAIL seed $seed: whole cohort neighbourhoods gave value $1 cost $2, the plain solve value $v cost $c"
        fails=$((fails + 1)); continue
    fi
    if ! small_regions_ok cohorts,swaps,screen; then continue; fi
    compared=$((compared + 1))
done
echo "region search: $compared of $N random scenarios agree"

d="$tmp/s901"
"$TOOLS/random_scenario" 901 "$d" > "$tmp/log" 2>&1 || { echo "FAIL: random_scenario 901"; fails=$((fails + 1)); }
start=$(date +%s)
SAMPLAN_REGION_SEARCH=1000000 "$SAMPLAN" solve "$d" -o "$tmp/whole" --force --quiet --time-limit 120 > "$tmp/log" 2>&1 ||
    { echo "FAIL: whole regions with a 120 s limit"; fails=$((fails + 1)); }
took=$(($(date +%s) - start))
if [ "$took" -gt 60 ]; then
    echo "FAIL: whole regions ran $took s of a 120 s limit: no local optimum was found"
    fails=$((fails + 1))
else
    echo "ok   whole regions stop at a local optimum ($took s of a 120 s limit)"
fi
[ "$fails" -eq 0 ]
