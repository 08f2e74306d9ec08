#!/bin/sh
# run.sh — runs every Check runner given as arguments and every end-to-end
# script tests/e2e/*.sh, then prints one closing line "N passed, N failed".
# Environment: SAMPLAN (the binary under test), TOOLS (tests/tools programs),
# CHECK_JOBS (how many e2e scripts run at once; default 2, the machine's
# cores in CI).
#
# Three stages, so that make check fits in minutes on two cores without a
# test measuring the solver on a busy machine:
#  1. the Check runners, one after another (some hold GLPK to a time);
#  2. the e2e scripts that check plans and messages but time nothing,
#     CHECK_JOBS at a time, the longest first;
#  3. the e2e scripts marked with a line "# check: alone" (they time the
#     solver, or expect a proof within a scenario's own limit), one after
#     another on an otherwise idle machine.
# Every item's output is kept and printed in a fixed order afterwards.

# run.sh --one ITEM OUTDIR: runs one item into OUTDIR/<name>.out, .rc
if [ "${1:-}" = --one ]; then
    name=$(basename "$2")
    start=$(date +%s)
    case $2 in
        *.sh) sh "$2" > "$3/$name.out" 2>&1 ;;
        *) "$2" > "$3/$name.out" 2>&1 ;;
    esac
    echo $? > "$3/$name.rc"
    echo $(($(date +%s) - start)) > "$3/$name.s"
    exit 0
fi

outdir=$(mktemp -d "${TMPDIR:-/tmp}/samplan-check.XXXXXX") || exit 1
trap 'rm -rf "$outdir"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
jobs=${CHECK_JOBS:-2}
self=$0

pooled=
alone=
# the longest first, so that the pool ends together; the rest by name
for script in tests/e2e/region_search.sh tests/e2e/greedy_valid.sh tests/e2e/*.sh; do
    [ -f "$script" ] || continue
    case " $pooled $alone " in *" $script "*) continue ;; esac
    if grep -q '^# check: alone' "$script"; then
        alone="$alone $script"
    else
        pooled="$pooled $script"
    fi
done

for bin in "$@"; do
    sh "$self" --one "$bin" "$outdir"
done
# shellcheck disable=SC2086
printf '%s\n' $pooled | xargs -P "$jobs" -I{} sh "$self" --one {} "$outdir"
for script in $alone; do
    sh "$self" --one "$script" "$outdir"
done

passed=0
failed=0
for bin in "$@"; do
    out=$(cat "$outdir/$(basename "$bin").out" 2>/dev/null)
    rc=$(cat "$outdir/$(basename "$bin").rc" 2>/dev/null)
    printf '%s\n' "$out" | tail -n 40
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+%: Checks: ' | tail -n 1)
    if [ -n "$line" ]; then
        n=$(echo "$line" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
        f=$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
        e=$(echo "$line" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
        passed=$((passed + n - f - e))
        failed=$((failed + f + e))
        if [ "$rc" != 0 ] && [ $((f + e)) -eq 0 ]; then
            # a clean summary, then a failing exit: a leak report at exit
            echo "FAIL: $bin exited $rc after its summary"
            failed=$((failed + 1))
        fi
    else
        echo "FAIL: $bin printed no Check summary (exit $rc)"
        failed=$((failed + 1))
    fi
done
for script in tests/e2e/*.sh; do
    [ -f "$script" ] || continue
    name=$(basename "$script")
    took="($(cat "$outdir/$name.s" 2>/dev/null) s)"
    if [ "$(cat "$outdir/$name.rc" 2>/dev/null)" = 0 ]; then
        echo "PASS: $script $took"
        passed=$((passed + 1))
    else
        tail -n 30 "$outdir/$name.out" 2>/dev/null
        echo "FAIL: $script $took"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
