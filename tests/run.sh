#!/bin/sh
# run.sh — runs every Check runner given as arguments and every end-to-end
# script tests/e2e/*.sh, then prints one closing line "N passed, N failed".
# Environment: SAMPLAN (the binary under test), TOOLS (tests/tools programs).
passed=0
failed=0
for bin in "$@"; do
    out=$("$bin" 2>&1)
    rc=$?
    printf '%s\n' "$out" | tail -n 40
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+%: Checks: ' | tail -n 1)
    if [ -n "$line" ]; then
        n=$(echo "$line" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
        f=$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
        e=$(echo "$line" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
        passed=$((passed + n - f - e))
        failed=$((failed + f + e))
    else
        echo "FAIL: $bin printed no Check summary (exit $rc)"
        failed=$((failed + 1))
    fi
    if [ $rc -ne 0 ] && [ -z "$line" ]; then :; fi
done
for script in tests/e2e/*.sh; do
    [ -f "$script" ] || continue
    if out=$(sh "$script" 2>&1); then
        echo "PASS: $script"
        passed=$((passed + 1))
    else
        printf '%s\n' "$out" | tail -n 30
        echo "FAIL: $script"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
