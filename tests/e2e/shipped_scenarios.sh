#!/bin/sh
# check: alone (tests/run.sh): each scenario must be proven within its own time limit
# shipped_scenarios.sh — every scenario in scenarios/ validates, and its base
# and every variant solve to a plan that the independent checker accepts and
# that is proven optimal within the scenario's own time limit (or
# SCENARIO_TIME_LIMIT): the shipped scenarios are meant to, and their READMEs
# record the times. sikt-inland: cooperation places at least as many
# participants as `alone` (issue 4).
# Env: SAMPLAN (binary), TOOLS (plan_check), SAMPLAN_OPT (the optimised
# binary, used when set: these are whole real scenarios, and the sanitizer
# build's correctness runs are the other tests). Run from the repository root.
set -u
SAMPLAN=${SAMPLAN_OPT:-$SAMPLAN}
LIMIT_OPT=${SCENARIO_TIME_LIMIT:+--time-limit $SCENARIO_TIME_LIMIT}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
assigned_of() { sed -n 's/^ *"assigned": *\([0-9]*\).*/\1/p' "$1/summary.json" | head -n 1; }
status_of() { sed -n 's/.*"status": *"\([a-z]*\)".*/\1/p' "$1/summary.json" | head -n 1; }
for dir in scenarios/*/; do
    dir=${dir%/}
    name=$(basename "$dir")
    [ -f "$dir/scenario.json" ] || continue
    if ! "$SAMPLAN" validate "$dir" >"$tmp/$name.validate" 2>&1; then
        echo "FAIL $name: validate"; tail -n 5 "$tmp/$name.validate"; fail=1; continue
    fi
    variants=$(sed -n "s/^scenario '.*', variant '\(.*\)': valid$/\1/p" "$tmp/$name.validate")
    for v in base $variants; do
        out="$tmp/$name-$v"
        if [ "$v" = base ]; then opt=""; else opt="--variant $v"; fi
        # shellcheck disable=SC2086
        if ! "$SAMPLAN" solve "$dir" $opt -o "$out" --quiet $LIMIT_OPT >/dev/null 2>"$out.err"; then
            echo "FAIL $name/$v: solve"; tail -n 5 "$out.err"; fail=1; continue
        fi
        # shellcheck disable=SC2086
        if ! "$TOOLS/plan_check" "$dir" "$out" $opt >"$out.chk" 2>&1; then
            echo "FAIL $name/$v: plan_check"; tail -n 5 "$out.chk"; fail=1; continue
        fi
        st=$(status_of "$out")
        if [ "$st" != optimal ]; then echo "FAIL $name/$v: status $st"; fail=1; continue; fi
        echo "ok   $name/$v: $(tail -n 1 "$out.chk" | sed 's/^plan_check: ok //') assigned=$(assigned_of "$out")"
    done
done
base=$(assigned_of "$tmp/sikt-inland-base" 2>/dev/null)
alone=$(assigned_of "$tmp/sikt-inland-alone" 2>/dev/null)
if [ -z "$base" ] || [ -z "$alone" ]; then
    echo "FAIL sikt-inland: base or alone missing"; fail=1
elif [ "$base" -lt "$alone" ]; then
    echo "FAIL sikt-inland: cooperation assigns $base < alone $alone"; fail=1
else
    echo "ok   sikt-inland: cooperation assigns $base, alone $alone"
fi
exit $fail
