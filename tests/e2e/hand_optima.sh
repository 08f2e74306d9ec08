#!/bin/sh
# hand_optima.sh — solves every hand-derived scenario in tests/scenarios/*/
# and checks the plan with plan_check against the optimum derived by hand in
# tests/scenarios/README.md (EXPECTED: status=, value=, cost= and optional
# "variant=NAME value=V cost=C" lines). Every base scenario is solved a
# second time from the greedy search's plan (SAMPLAN_GREEDY_SEARCH=0.05,
# solver/greedy_search.c, which samplan runs by itself only on programs
# large enough for region search): same status, value and cost.
# Environment: SAMPLAN (binary under test), TOOLS (dir with plan_check).
: "${SAMPLAN:?SAMPLAN must name the samplan binary}"
: "${TOOLS:?TOOLS must name the tests/tools build directory}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hand_optima.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0
nscen=0

# summary_status FILE: the value of "status" in summary.json.
summary_status() {
    tr -d '\n' < "$1" | sed -n 's/.*"status"[[:space:]]*:[[:space:]]*"\([a-z]*\)".*/\1/p'
}

# run_one DIR VARIANT WANT_STATUS VALUE COST
run_one() {
    dir=$1; variant=$2; want_status=$3; value=$4; cost=$5
    name=$(basename "$dir")${variant:+/$variant}${search:+ (searched start)}
    out="$tmp/$(basename "$dir")${variant:+-$variant}${search:+-searched}"
    if [ -n "$variant" ]; then
        env $search "$SAMPLAN" solve "$dir" -o "$out" --quiet --variant "$variant" > "$tmp/log" 2>&1
    else
        env $search "$SAMPLAN" solve "$dir" -o "$out" --quiet > "$tmp/log" 2>&1
    fi
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "FAIL $name: samplan solve exited $rc"
        sed 's/^/    /' "$tmp/log" | head -n 10
        fails=$((fails + 1))
        return
    fi
    if [ ! -f "$out/summary.json" ]; then
        echo "FAIL $name: no summary.json written"
        fails=$((fails + 1))
        return
    fi
    st=$(summary_status "$out/summary.json")
    if [ "$st" != "$want_status" ]; then
        echo "FAIL $name: summary.json status '$st', expected '$want_status'"
        fails=$((fails + 1))
    fi
    if [ -n "$variant" ]; then
        "$TOOLS/plan_check" "$dir" "$out" --variant "$variant" --expect-value "$value" --expect-cost "$cost" > "$tmp/check" 2>&1
    else
        "$TOOLS/plan_check" "$dir" "$out" --expect-value "$value" --expect-cost "$cost" > "$tmp/check" 2>&1
    fi
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "FAIL $name: plan_check (expect value=$value cost=$cost) exited $rc"
        sed 's/^/    /' "$tmp/check" | head -n 20
        fails=$((fails + 1))
    else
        echo "ok   $name: $(tail -n 1 "$tmp/check")"
    fi
}

for dir in tests/scenarios/*/; do
    dir=${dir%/}
    [ -f "$dir/EXPECTED" ] || continue
    nscen=$((nscen + 1))
    status=$(sed -n 's/^status=//p' "$dir/EXPECTED")
    value=$(sed -n 's/^value=//p' "$dir/EXPECTED")
    cost=$(sed -n 's/^cost=//p' "$dir/EXPECTED")
    search=
    run_one "$dir" "" "${status:-optimal}" "$value" "$cost"
    search=SAMPLAN_GREEDY_SEARCH=0.05
    run_one "$dir" "" "${status:-optimal}" "$value" "$cost"
    search=
    grep '^variant=' "$dir/EXPECTED" > "$tmp/variants"
    while read -r line; do
        v=$(echo "$line" | sed -n 's/^variant=\([^ ]*\) .*/\1/p')
        vv=$(echo "$line" | sed -n 's/.* value=\([^ ]*\).*/\1/p')
        vc=$(echo "$line" | sed -n 's/.* cost=\([^ ]*\).*/\1/p')
        run_one "$dir" "$v" "${status:-optimal}" "$vv" "$vc"
    done < "$tmp/variants"
done
if [ "$nscen" -lt 12 ]; then
    echo "FAIL: only $nscen scenarios with EXPECTED found under tests/scenarios"
    fails=$((fails + 1))
fi
if [ "$fails" -ne 0 ]; then
    echo "hand_optima: $fails failure(s)"
    exit 1
fi
echo "hand_optima: all $nscen scenarios optimal as derived by hand"
