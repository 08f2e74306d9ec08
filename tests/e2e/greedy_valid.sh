#!/bin/sh
# greedy_valid.sh — the greedy plan builder (solver/greedy.c) always gives a
# valid plan: every hand scenario in tests/scenarios/*/ (base and the
# variants named in EXPECTED) and 100 random scenarios from random_scenario,
# in every order (best value, gross list, fewest and most options first,
# fewest first joining open cohorts first), pass plan_check; on the hand
# scenarios the greedy value is at most the proven optimum in EXPECTED (it
# cannot beat it). The greedy search (solver/greedy_search.c, ruin and
# recreate for 0.05 s from the best-value and the join-open greedy, on the
# hand scenarios and every fourth random one) must
# pass the same checks, with a value at least its greedy's, and a cost at
# most its greedy's at equal value.
# Environment: TOOLS (dir with greedy_run, plan_check, random_scenario).
# Run from the repository root.
: "${TOOLS:?TOOLS must name the tests/tools build directory}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/greedy_valid.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0
runs=0

# le A B: exit 0 when A ≤ B + 1e-6·max(1, |B|).
le() {
    awk -v a="$1" -v b="$2" 'BEGIN { m = b < 0 ? -b : b; if (m < 1) m = 1; exit !(a <= b + 1e-6 * m) }'
}

# check_one DIR VARIANT ORDER [MAX_VALUE [SEARCH_SEED]]: with SEARCH_SEED,
# the greedy search from that order, no worse than that order's plain run
check_one() {
    dir=$1; variant=$2; order=$3; maxv=$4; sseed=$5
    name=$(basename "$dir")${variant:+/$variant}${order:+ ($order)}
    out="$tmp/plan"
    rm -rf "$out"
    runs=$((runs + 1))
    if ! "$TOOLS/greedy_run" "$dir" "$out" $order ${variant:+--variant "$variant"} \
            ${sseed:+--search 0.05 --seed "$sseed"} > "$tmp/log" 2>&1; then
        echo "FAIL $name: greedy_run failed"
        sed 's/^/    /' "$tmp/log" | head -n 10
        fails=$((fails + 1))
        return
    fi
    if ! "$TOOLS/plan_check" "$dir" "$out" ${variant:+--variant "$variant"} > "$tmp/check" 2>&1; then
        echo "FAIL $name: plan_check"
        sed 's/^/    /' "$tmp/check" | head -n 20
        fails=$((fails + 1))
        return
    fi
    v=$(sed -n 's/.*value=\([^ ]*\) cost=.*/\1/p' "$tmp/log")
    c=$(sed -n 's/.* cost=\([^ ]*\).*/\1/p' "$tmp/log")
    if [ -n "$maxv" ] && ! le "$v" "$maxv"; then
        echo "FAIL $name: greedy value $v exceeds the optimum $maxv"
        fails=$((fails + 1))
    fi
    if [ -n "$sseed" ]; then
        searches=$((searches + 1))
        key=$(echo "$order" | tr '-' '_')
        eval "gv=\$v_$key gc=\$c_$key"
        if ! le "$gv" "$v" || { le "$v" "$gv" && ! le "$c" "$gc"; }; then
            echo "FAIL $name: search (seed $sseed) gave value $v cost $c, its greedy value $gv cost $gc"
            fails=$((fails + 1))
        fi
    else
        key=$(echo "$order" | tr '-' '_')
        eval "v_$key=\$v c_$key=\$c"
    fi
}

# searched from the best-value and join-open orders, after their plain
# runs set v_ORDER and c_ORDER
check_searched() {
    check_one "$1" "$2" "" "$3" "$4"
    check_one "$1" "$2" join-open "$3" "$4"
}
searches=0

nscen=0
for dir in tests/scenarios/*/; do
    dir=${dir%/}
    [ -f "$dir/EXPECTED" ] || continue
    nscen=$((nscen + 1))
    value=$(sed -n 's/^value=//p' "$dir/EXPECTED")
    for order in "" gross fewest most join-open; do
        check_one "$dir" "" "$order" "$value"
    done
    check_searched "$dir" "" "$value" "$nscen"
    grep '^variant=' "$dir/EXPECTED" > "$tmp/variants"
    while read -r line; do
        var=$(echo "$line" | sed -n 's/^variant=\([^ ]*\) .*/\1/p')
        vv=$(echo "$line" | sed -n 's/.* value=\([^ ]*\).*/\1/p')
        for order in "" gross fewest most join-open; do
            check_one "$dir" "$var" "$order" "$vv"
        done
        check_searched "$dir" "$var" "$vv" "$nscen"
    done < "$tmp/variants"
done
if [ "$nscen" -lt 12 ]; then
    echo "FAIL: only $nscen hand scenarios found under tests/scenarios"
    fails=$((fails + 1))
fi

seed=1
while [ "$seed" -le 100 ]; do
    rdir="$tmp/random-$seed"
    if ! "$TOOLS/random_scenario" "$seed" "$rdir" > "$tmp/gen" 2>&1; then
        echo "FAIL random $seed: random_scenario failed"
        fails=$((fails + 1))
    else
        for order in "" gross fewest most join-open; do
            check_one "$rdir" "" "$order" ""
        done
        # searched on every fourth: each run under the sanitizers costs
        # 0.1 s, and make check should stay within minutes
        [ $((seed % 4)) -eq 0 ] && check_searched "$rdir" "" "" "$seed"
    fi
    rm -rf "$rdir"
    seed=$((seed + 1))
done

if [ "$fails" -ne 0 ]; then
    echo "greedy_valid: $fails failure(s) in $runs runs"
    exit 1
fi
echo "greedy_valid: $runs greedy plans valid ($nscen hand scenarios with variants, 100 random; $searches of the runs searched)"
