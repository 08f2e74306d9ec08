#!/bin/sh
# fuzz_inputs.sh — damaged input never crashes samplan: 300 deterministic
# mutations of a valid scenario (bytes flipped, deleted, duplicated; lines
# cut, doubled, swapped; quotes and separators injected; NUL and invalid
# UTF-8; a file emptied or truncated) must each end `validate` and `solve`
# with exit 0 or 2 and, on 2, a located message. Under the sanitizer build
# any memory error aborts the run and fails the test.
# Env: SAMPLAN (binary). Run from the repository root.
set -u
N=${FUZZ_N:-300}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
base=tests/scenarios/stagger
files="scenario.json municipalities.csv distances.csv centres.csv tracks.csv modules.csv participants.csv slots.csv reservations.csv"
fail=0
i=1
while [ "$i" -le "$N" ]; do
    d="$tmp/s$i"
    mkdir -p "$d"
    cp "$base"/*.csv "$base"/scenario.json "$d"/ 2>/dev/null
    # pick a file and a mutation from the run number (deterministic)
    nf=$(echo $files | wc -w)
    k=$(( (i * 7) % nf + 1 ))
    f=$(echo $files | cut -d' ' -f$k)
    [ -f "$d/$f" ] || { i=$((i + 1)); continue; }
    awk -v seed="$i" -v mode=$(( i % 9 )) '
        BEGIN { srand(seed); RS = "\n"; ORS = "\n" }
        { line[NR] = $0 }
        END {
            n = NR
            for (r = 1; r <= n; r++) {
                s = line[r]
                if (rand() < 0.3 || n < 3) {
                    p = int(rand() * (length(s) + 1)) + 1
                    if (mode == 0) s = substr(s, 1, p - 1) "\"" substr(s, p)
                    else if (mode == 1) s = substr(s, 1, p - 1) "," substr(s, p)
                    else if (mode == 2) s = substr(s, 1, p - 1) substr(s, p + 1)
                    else if (mode == 3) s = substr(s, 1, p - 1) sprintf("%c", 255) substr(s, p)
                    else if (mode == 4) s = substr(s, 1, p - 1) "9999999999999999999" substr(s, p)
                    else if (mode == 5) s = substr(s, 1, p - 1) "\n" substr(s, p)
                    else if (mode == 6) { s = s "\n" s }
                    else if (mode == 7) s = substr(s, 1, p - 1) "-1" substr(s, p)
                    else s = substr(s, 1, p - 1) "{[:" substr(s, p)
                }
                print s
            }
        }' "$d/$f" > "$d/$f.new" && mv "$d/$f.new" "$d/$f"
    [ $(( i % 37 )) -eq 0 ] && : > "$d/$f"                         # emptied
    [ $(( i % 41 )) -eq 0 ] && printf 'a\000b\000\n' >> "$d/$f"       # NUL bytes
    for cmd in validate solve; do
        if [ "$cmd" = solve ]; then extra="-o $d/out --quiet --time-limit 5"; else extra=""; fi
        # shellcheck disable=SC2086
        "$SAMPLAN" $cmd "$d" $extra >"$d/$cmd.out" 2>"$d/$cmd.err"
        rc=$?
        if [ $rc -ne 0 ] && [ $rc -ne 2 ]; then
            echo "FAIL run $i ($f): $cmd exited $rc"
            tail -n 5 "$d/$cmd.err"
            fail=1
        elif [ $rc -eq 2 ] && ! grep -q ':' "$d/$cmd.err"; then
            echo "FAIL run $i ($f): $cmd exit 2 without a located message"
            fail=1
        fi
    done
    rm -rf "$d"
    i=$((i + 1))
done
[ $fail -eq 0 ] && echo "fuzz_inputs: $N damaged scenarios, no crash"
exit $fail
