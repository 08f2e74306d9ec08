#!/bin/sh
# cli_contract.sh — the command line of SPEC §4: exit codes, refusal to
# overwrite, private output files, located error messages.
# Environment: SAMPLAN (binary under test).
: "${SAMPLAN:?SAMPLAN must name the samplan binary}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cli_contract.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# expect_rc WANT DESCRIPTION CMD...: runs CMD, stdout/stderr to $tmp/out, $tmp/err.
expect_rc() {
    want=$1; what=$2; shift 2
    "$@" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        fail "$what: exit $rc, expected $want"
        sed 's/^/    stderr: /' "$tmp/err" | head -n 5
    fi
}

scen=tests/scenarios/pooling

expect_rc 0 "samplan --help" "$SAMPLAN" --help
grep -q solve "$tmp/out" || fail "samplan --help does not mention solve on stdout"
expect_rc 0 "samplan --version" "$SAMPLAN" --version
[ -s "$tmp/out" ] || fail "samplan --version printed nothing on stdout"
expect_rc 0 "samplan help solve" "$SAMPLAN" help solve
expect_rc 0 "samplan help help" "$SAMPLAN" help help
grep -q solve "$tmp/out" || fail "samplan help help does not give the general help on stdout"
expect_rc 2 "samplan (no command)" "$SAMPLAN"
expect_rc 2 "samplan frobnicate (unknown command)" "$SAMPLAN" frobnicate
[ -s "$tmp/err" ] || fail "unknown command: no message on stderr"
expect_rc 2 "solve on a missing directory" "$SAMPLAN" solve "$tmp/no-such-dir" -o "$tmp/o-missing" --quiet
[ -s "$tmp/err" ] || fail "solve on a missing directory: no message on stderr"
[ -e "$tmp/o-missing" ] && fail "solve on a missing directory created the output directory"
expect_rc 2 "solve with an unknown option" "$SAMPLAN" solve "$scen" -o "$tmp/o-opt" --frobnicate
expect_rc 2 "solve with a bad --time-limit" "$SAMPLAN" solve "$scen" -o "$tmp/o-tl" --time-limit abc
# numbers as written on a command line: no hexadecimal, plus sign or spaces
for bad in 0x5 +5 " 5" "5 " 1e; do
    expect_rc 2 "solve --time-limit '$bad'" "$SAMPLAN" solve "$scen" -o "$tmp/o-tl" --time-limit "$bad"
done
expect_rc 2 "generate --participants +12" "$SAMPLAN" generate --preset lysekil --participants +12 -o "$tmp/g-plus"
expect_rc 2 "generate --participants ' 12'" "$SAMPLAN" generate --preset lysekil --participants " 12" -o "$tmp/g-sp"
expect_rc 2 "generate --seed 0x10" "$SAMPLAN" generate --preset lysekil --seed 0x10 -o "$tmp/g-hex"
expect_rc 2 "solve with an unknown --variant" "$SAMPLAN" solve "$scen" -o "$tmp/o-var" --variant nosuch --quiet
expect_rc 0 "--time-limit 1e-320 (an underflow is a tiny number)" "$SAMPLAN" solve "$scen" -o "$tmp/o-tiny" \
    --time-limit 1e-320 --quiet
expect_rc 2 "--version with an extra argument" "$SAMPLAN" --version extra
expect_rc 2 "help solve with an extra argument" "$SAMPLAN" help solve extra
# a message quoting a cell shows its control characters escaped, on one line
cp -r "$scen" "$tmp/ctl"
printf 'x,0101,you\033[2Kth,woman,,,,,,\ny,0101,"two\nlines",man,,,,,,\n' >> "$tmp/ctl/participants.csv"
expect_rc 2 "validate with control characters in cells" "$SAMPLAN" validate "$tmp/ctl"
grep -q "got 'you\\\\x1b\[2Kth'" "$tmp/err" || fail "an ESC in a cell is not shown escaped: $(cat "$tmp/err")"
grep -q "got 'two\\\\nlines'" "$tmp/err" || fail "a newline in a cell is not shown escaped: $(cat "$tmp/err")"
[ "$(wc -l < "$tmp/err")" -eq 2 ] || fail "control characters in cells: not two lines of messages"
expect_rc 2 "export without --lp/--mps" "$SAMPLAN" export "$scen"
# SPEC §2.3's travel rule is exact: 9.1 km at 70 km/h is 9.1/70*60 =
# 7.800000000000001 minutes, over a max_minutes of 7.8 (samplan took it as
# a commute with a tolerance of 1e-9), and the reason says so
mkdir "$tmp/exact"
printf '{ "start": "2027-01-04", "weeks": 1, "travel": { "speed_kmh": 70 } }\n' > "$tmp/exact/scenario.json"
printf 'code,name\n0101,A\n0103,C\n' > "$tmp/exact/municipalities.csv"
printf 'from,to,minutes,km\n0103,0101,,9.1\n' > "$tmp/exact/distances.csv"
printf 'municipality,seats,max_groups\n0101,10,1\n' > "$tmp/exact/centres.csv"
printf 'track,name,min_group,max_group\nT,Track,1,10\n' > "$tmp/exact/tracks.csv"
printf 'track,seq,name,kind,weeks\nT,1,C1,course,1\n' > "$tmp/exact/modules.csv"
printf 'id,home,group,gender,max_minutes\nc,0103,youth,woman,7.8\nd,0103,youth,man,7.800000000000001\n' \
    > "$tmp/exact/participants.csv"
printf 'id,municipality,capacity,from_week,to_week\n' > "$tmp/exact/slots.csv"
expect_rc 0 "solve at the travel limit" "$SAMPLAN" solve "$tmp/exact" -o "$tmp/o-exact" --quiet
grep -q '^c,unassigned,.*nearest host A (7\.800000000000001 min)' "$tmp/o-exact/assignments.csv" ||
    fail "7.800000000000001 minutes passed a max_minutes of 7.8: $(grep '^c,' "$tmp/o-exact/assignments.csv")"
grep -q '^d,assigned,T,1,0101,1,1,commute,' "$tmp/o-exact/assignments.csv" ||
    fail "7.800000000000001 minutes did not pass a max_minutes of 7.800000000000001"
# a column one typo from a known one is ignored (SPEC §1), with a warning
cp -r "$scen" "$tmp/typo"
sed '1s/earliest_week/earliest_weeks/' "$scen/participants.csv" > "$tmp/typo/participants.csv"
expect_rc 0 "validate with a misspelt column" "$SAMPLAN" validate "$tmp/typo"
grep -q "^participants\.csv:1:6: warning: unknown column 'earliest_weeks' is ignored: did you mean 'earliest_week'?\$" \
    "$tmp/err" || fail "a misspelt column gives no warning: $(cat "$tmp/err")"
# module weeks adding up past 2^31 (five of 10^9) once wrapped to 3 weeks
# and crashed solve: the track is longer than the horizon, with a warning
cp -r "$scen" "$tmp/long"
{ echo "track,seq,name,kind,weeks"; for k in 1 2 3 4; do echo "T,$k,M$k,course,1000000000"; done
  echo "T,5,M5,course,294967299"; } > "$tmp/long/modules.csv"
expect_rc 0 "validate a track of 4 294 967 299 weeks" "$SAMPLAN" validate "$tmp/long"
grep -q "^modules\.csv: warning: track 'T' takes at least 1000000000 weeks, more than the 2-week horizon" "$tmp/err" ||
    fail "a track longer than the horizon gives no warning: $(cat "$tmp/err")"
expect_rc 0 "solve a track of 4 294 967 299 weeks" "$SAMPLAN" solve "$tmp/long" -o "$tmp/o-long" --quiet
grep -q "^a,unassigned," "$tmp/o-long/assignments.csv" || fail "a participant joined a track longer than the horizon"
# a warning that only a variant has names it; one the base has too is
# said once, plainly (validate and compare go over every variant)
cp -r "$tmp/typo" "$tmp/wvar"
sed 's/^{/{ "variants": { "one": { "weeks": 1, "cooperaton": false } },/' "$scen/scenario.json" > "$tmp/wvar/scenario.json"
# validate or compare (cmd) DIR, expecting exit code RC; stderr in $tmp/err
run_every_variant() {
    if [ "$1" = validate ]; then
        expect_rc "$2" "validate $3" "$SAMPLAN" validate "$tmp/$3"
    else
        expect_rc "$2" "compare $3" "$SAMPLAN" compare "$tmp/$3" -o "$tmp/o-$3" --quiet
    fi
}
for cmd in validate compare; do
    run_every_variant $cmd 0 wvar
    grep -q "^modules\.csv: warning: track 'T' takes 2 weeks, more than the 1-week horizon allows: .* (variant 'one')\$" \
        "$tmp/err" || fail "$cmd: the variant's horizon warning does not name it: $(cat "$tmp/err")"
    # the loader names the variant of a typo in its own keys: once
    grep -q "warning: unknown key 'cooperaton' is ignored: did you mean 'cooperation'? (variant 'one')\$" "$tmp/err" ||
        fail "$cmd: a typo in a variant's keys does not name it once: $(cat "$tmp/err")"
    [ "$(grep -c "unknown column 'earliest_weeks'" "$tmp/err")" = 1 ] && ! grep -q "earliest_weeks.*(variant" "$tmp/err" ||
        fail "$cmd: the base's warning is not said once, plainly: $(cat "$tmp/err")"
done
# a problem of the base is said once by compare, as by validate, not once
# per run (a variant that does not touch it has it too)
cp -r "$tmp/wvar" "$tmp/bvar"
sed '2s/^\([^,]*\),[^,]*,/\1,99x,/' "$scen/participants.csv" > "$tmp/bvar/participants.csv"
for cmd in validate compare; do
    run_every_variant $cmd 2 bvar
    [ "$(grep -c "home '99x' is not in municipalities.csv" "$tmp/err")" = 1 ] ||
        fail "$cmd: the base's problem is not said once: $(cat "$tmp/err")"
done
# ... and the base's problems past the first thousand are not counted again
# for each variant: 1 200 bad rows and the column warning, with the
# variant's own typo warning 1 202 problems, 1 000 shown, 202 not (403
# before: the variant's 201 dropped ones were the base's)
cp -r "$tmp/wvar" "$tmp/manyvar"
{ head -n 1 "$tmp/wvar/participants.csv"
  i=0; while [ $i -lt 1200 ]; do i=$((i + 1)); echo "q$i,99x,youth,woman"; done
} > "$tmp/manyvar/participants.csv"
for cmd in validate compare; do
    run_every_variant $cmd 2 manyvar
    grep -q "^samplan: 202 more problems not shown\$" "$tmp/err" ||
        fail "$cmd: the base's dropped problems are counted per run: $(tail -n 1 "$tmp/err")"
done
# --variant "" names a variant '' as solve's does: validate runs it (it
# refused it while solve ran it), and one the file has not is unknown
cp -r "$scen" "$tmp/emptyvar"
sed 's/^{/{ "variants": { "": { "weeks": 1 } },/' "$scen/scenario.json" > "$tmp/emptyvar/scenario.json"
expect_rc 0 'validate --variant ""' "$SAMPLAN" validate "$tmp/emptyvar" --variant ""
expect_rc 2 'validate --variant "" (none such)' "$SAMPLAN" validate "$scen" --variant ""
grep -q "unknown variant ''" "$tmp/err" || fail "validate --variant '': $(cat "$tmp/err")"
# `--` ends the options: a DIR may start with '-'
cp -r "$scen" "$tmp/-dash"
( cd "$tmp" && "$SAMPLAN" validate -- -dash > /dev/null 2>&1 ) || fail "validate -- -dash: exit $?, expected 0"
( cd "$tmp" && "$SAMPLAN" solve -o o-dash --quiet -- -dash > /dev/null 2>&1 ) && [ -f "$tmp/o-dash/summary.json" ] ||
    fail "solve -o o-dash -- -dash wrote no plan"
# a lone `--` at the end, or after DIR, only ends the options
expect_rc 0 "validate DIR --" "$SAMPLAN" validate "$scen" --
for cmd in solve validate compare export report; do
    expect_rc 2 "$cmd --" "$SAMPLAN" $cmd --
    grep -q "missing .*directory" "$tmp/err" || fail "$cmd --: not told DIR is missing: $(cat "$tmp/err")"
done
expect_rc 2 "validate DIR -- extra" "$SAMPLAN" validate "$scen" -- extra
grep -q "unexpected argument 'extra'" "$tmp/err" || fail "validate DIR -- extra: $(cat "$tmp/err")"
# after `--` everything is an operand, even what looks like an option
# (`solve DIR -- -o x` took -o as an option: tester, twenty-sixth session)
for cmd in solve validate compare export report; do
    expect_rc 2 "$cmd DIR -- -o x" "$SAMPLAN" $cmd "$scen" -- -o "$tmp/o-after-dashes"
    grep -q "unexpected argument '-o'" "$tmp/err" || fail "$cmd DIR -- -o x: $(cat "$tmp/err")"
done
[ ! -e "$tmp/o-after-dashes" ] || fail "solve DIR -- -o x wrote a plan"
# an option without its value says so, and an option where the command
# belongs is called an option
expect_rc 2 "solve DIR --time-limit" "$SAMPLAN" solve "$scen" --time-limit
grep -q -- "--time-limit needs a value: seconds" "$tmp/err" || fail "solve --time-limit: $(cat "$tmp/err")"
expect_rc 2 "samplan --nope" "$SAMPLAN" --nope
grep -q "unknown option '--nope'" "$tmp/err" || fail "samplan --nope: $(cat "$tmp/err")"
# SAMPLAN_JOBS that the workers would ignore is said, not ignored silently
expect_rc 0 "SAMPLAN_JOBS=abc solve" env SAMPLAN_JOBS=abc "$SAMPLAN" solve "$scen" -o "$tmp/o-jobs" --quiet
grep -q "warning: SAMPLAN_JOBS 'abc' is ignored" "$tmp/err" || fail "SAMPLAN_JOBS=abc: $(cat "$tmp/err")"

# A problem that only a variant's data has names the variant, whichever
# command was asked for it (the base alone is valid).
cp -r "$scen" "$tmp/short"
sed 's/^{/{ "variants": { "short": { "files": { "participants": "late.csv" } } },/' \
    "$scen/scenario.json" > "$tmp/short/scenario.json"
sed '2s/,,,,,$/,,9,,,/' "$scen/participants.csv" > "$tmp/short/late.csv"
expect_rc 0 "solve the base alone" "$SAMPLAN" solve "$tmp/short" -o "$tmp/o-base" --quiet
# A located message starts with its file, as SPEC §4's example does, in
# every command (solve and export once put "samplan: " before it).
names_variant() {
    grep -q "^[a-z]*\.csv:[0-9]*:[0-9]*: .* (variant 'short')$" "$tmp/err" ||
        fail "$1 --variant short: no located message naming the variant: $(head -n 1 "$tmp/err")"
    grep -q "(variant 'short').*(variant" "$tmp/err" && fail "$1 --variant short: a message names the variant twice"
}
expect_rc 2 "solve --variant short" "$SAMPLAN" solve "$tmp/short" -o "$tmp/o-short" --variant short --quiet
names_variant solve
expect_rc 2 "validate --variant short" "$SAMPLAN" validate "$tmp/short" --variant short
names_variant validate
expect_rc 2 "export --variant short" "$SAMPLAN" export "$tmp/short" --lp "$tmp/short.lp" --variant short
names_variant export

# A fresh solve succeeds and writes private files.
expect_rc 0 "solve $scen" "$SAMPLAN" solve "$scen" -o "$tmp/plan" --quiet
for f in summary.json assignments.csv schedule.csv placements.csv settlement.csv; do
    [ -f "$tmp/plan/$f" ] || fail "solve did not write $f"
done
if [ -d "$tmp/plan" ]; then
    for f in "$tmp/plan"/* ; do
        [ -f "$f" ] || continue
        mode=$(stat -c %a "$f")
        [ "$mode" = 600 ] || fail "$(basename "$f") has mode $mode, expected 600 (personal data)"
    done
    dmode=$(stat -c %a "$tmp/plan")
    case $dmode in
        700) ;;
        *) fail "output directory has mode $dmode, expected 700 (no group/other access)" ;;
    esac
fi
[ -s "$tmp/err" ] && fail "--quiet solve wrote to stderr: $(head -n 1 "$tmp/err")"

# An existing output directory is refused without --force and left untouched.
mkdir "$tmp/existing"
echo "keep me" > "$tmp/existing/notes.txt"
expect_rc 2 "solve into an existing -o directory without --force" \
    "$SAMPLAN" solve "$scen" -o "$tmp/existing" --quiet
[ -s "$tmp/err" ] || fail "refusal to overwrite: no message on stderr"
[ "$(ls -A "$tmp/existing")" = "notes.txt" ] || fail "refused solve changed the directory: $(ls -A "$tmp/existing" | tr '\n' ' ')"
[ "$(cat "$tmp/existing/notes.txt")" = "keep me" ] || fail "refused solve changed notes.txt"
expect_rc 2 "solve into an existing plan directory without --force" \
    "$SAMPLAN" solve "$scen" -o "$tmp/plan" --quiet
expect_rc 0 "solve into an existing -o directory with --force" \
    "$SAMPLAN" solve "$scen" -o "$tmp/plan" --quiet --force
# a plan file's name taken by a directory is refused before solving
# (it failed the write after the solve, exit 1: tester, twenty-sixth session)
mkdir -p "$tmp/dirplan/assignments.csv"
expect_rc 2 "solve --force where assignments.csv is a directory" \
    "$SAMPLAN" solve "$scen" -o "$tmp/dirplan" --quiet --force
grep -q "assignments.csv exists and is not a file" "$tmp/err" || fail "assignments.csv a directory: $(cat "$tmp/err")"

# validate: a good scenario passes, a broken one names file:line:column.
expect_rc 0 "validate $scen" "$SAMPLAN" validate "$scen"
mkdir "$tmp/broken"
cp "$scen"/*.csv "$scen"/scenario.json "$tmp/broken/"
# line 3 (b) gets an unknown home in column 2
sed '3s/^b,0102,/b,9999,/' "$scen/participants.csv" > "$tmp/broken/participants.csv"
expect_rc 2 "validate with an unknown home" "$SAMPLAN" validate "$tmp/broken"
grep -q 'participants\.csv:3:2:' "$tmp/err" ||
    fail "validate message lacks 'participants.csv:3:2:' (file:line:column): $(head -n 3 "$tmp/err")"
grep -q 9999 "$tmp/err" || fail "validate message does not quote the bad value 9999"
expect_rc 2 "solve on the broken scenario" "$SAMPLAN" solve "$tmp/broken" -o "$tmp/o-broken" --quiet
[ -e "$tmp/o-broken" ] && fail "solve on a broken scenario created the output directory"

# broken JSON: jansson's position
mkdir "$tmp/badjson"
cp "$scen"/*.csv "$tmp/badjson/"
printf '{ "start": "2027-01-04",\n  "weeks": 2,,\n}\n' > "$tmp/badjson/scenario.json"
expect_rc 2 "validate with broken scenario.json" "$SAMPLAN" validate "$tmp/badjson"
grep -q 'scenario\.json:2:[0-9]*:' "$tmp/err" ||
    fail "JSON error message lacks 'scenario.json:2:<col>:': $(head -n 3 "$tmp/err")"

# a non-integer where an integer is expected
mkdir "$tmp/badint"
cp "$scen"/*.csv "$scen"/scenario.json "$tmp/badint/"
printf 'municipality,seats,max_groups,tracks,seat_price_per_week\n0101,10.5,2,*,200\n' > "$tmp/badint/centres.csv"
expect_rc 2 "validate with seats 10.5" "$SAMPLAN" validate "$tmp/badint"
grep -q 'centres\.csv:2:2:' "$tmp/err" ||
    fail "integer error message lacks 'centres.csv:2:2:': $(head -n 3 "$tmp/err")"

# a personal identity number as participant id
mkdir "$tmp/pnr"
cp "$scen"/*.csv "$scen"/scenario.json "$tmp/pnr/"
sed '2s/^a,/19850312-1234,/' "$scen/participants.csv" > "$tmp/pnr/participants.csv"
expect_rc 2 "validate with a personal identity number as id" "$SAMPLAN" validate "$tmp/pnr"
grep -q 'participants\.csv:2:1:' "$tmp/err" ||
    fail "personal-number message lacks 'participants.csv:2:1:': $(head -n 3 "$tmp/err")"

# GNU-style --name=value works for every option that takes a value
expect_rc 0 "solve --time-limit=5" "$SAMPLAN" solve "$scen" --time-limit=5 -o "$tmp/eq" --quiet
[ -s "$tmp/eq/summary.json" ] || fail "solve --time-limit=5 wrote no plan"
expect_rc 2 "solve --time-limit= (empty value)" "$SAMPLAN" solve "$scen" --time-limit= -o "$tmp/eq2" --quiet
expect_rc 2 "solve --force=1 (a flag takes no value)" "$SAMPLAN" solve "$scen" --force=1 -o "$tmp/eq3" --quiet
# an option given twice, or an option where a value belongs, is refused, not a silent choice
expect_rc 2 "generate -o twice" "$SAMPLAN" generate --preset sikt-inland -o "$tmp/g1" --output="$tmp/g2"
[ ! -e "$tmp/g1" ] && [ ! -e "$tmp/g2" ] || fail "generate -o twice wrote something"
grep -q 'option --output given twice' "$tmp/err" || fail "-o twice: $(head -n 1 "$tmp/err")"
expect_rc 2 "solve --time-limit twice" "$SAMPLAN" solve "$scen" --time-limit 5 --time-limit=9 -o "$tmp/eq4" --quiet
expect_rc 2 "solve -o --quiet" "$SAMPLAN" solve "$scen" -o --quiet
[ ! -e ./--quiet ] || fail "solve -o --quiet made a directory named --quiet"
grep -q "needs a value, got the option '--quiet'" "$tmp/err" || fail "-o --quiet: $(head -n 1 "$tmp/err")"
expect_rc 2 "solve -o -q" "$SAMPLAN" solve "$scen" -o -q
[ ! -e ./-q ] || fail "solve -o -q made a directory named -q"
expect_rc 2 "solve --out and -o" "$SAMPLAN" solve "$scen" --out "$tmp/o1" -o "$tmp/o2" --quiet
expect_rc 0 "solve --out=DIR" "$SAMPLAN" solve "$scen" --out="$tmp/o3" --quiet
[ -s "$tmp/o3/summary.json" ] || fail "solve --out=DIR wrote no plan there"

# export overwrites only an empty file or its own earlier program, never
# a file a user gave (a mistyped path once replaced a scenario.json)
cp "$scen/scenario.json" "$tmp/kept.json"
expect_rc 2 "export over a file it did not write" "$SAMPLAN" export "$scen" --lp "$tmp/kept.json"
cmp -s "$scen/scenario.json" "$tmp/kept.json" || fail "export overwrote a file it did not write"
: > "$tmp/empty.lp"
expect_rc 0 "export over an empty file" "$SAMPLAN" export "$scen" --lp "$tmp/empty.lp"
expect_rc 0 "export over its own earlier program" "$SAMPLAN" export "$scen" --lp "$tmp/empty.lp"
# ... but not over a file that only begins as one (notes under samplan's
# first line were replaced: tester, twenty-eighth session)
printf '\\* Problem: samplan *\\\nmy notes\n' > "$tmp/notes.lp"
cp "$tmp/notes.lp" "$tmp/notes.before"
expect_rc 2 "export over notes that begin as a program" "$SAMPLAN" export "$scen" --lp "$tmp/notes.lp"
cmp -s "$tmp/notes.lp" "$tmp/notes.before" || fail "export overwrote notes that begin as its program"
expect_rc 2 "export into a directory" "$SAMPLAN" export "$scen" --lp "$tmp"
# a program file that cannot be written is a usage error found before the
# scenario is loaded, as an unwritable `solve -o` is (it was exit 1 after
# the program was built: tester, twenty-sixth session)
expect_rc 2 "export into a missing directory" "$SAMPLAN" export "$scen" --lp "$tmp/no-such-dir/p.lp"
grep -q "no-such-dir/p.lp: cannot write there" "$tmp/err" || fail "export into a missing directory: $(cat "$tmp/err")"
expect_rc 0 "export over its own program" "$SAMPLAN" export "$scen" --lp "$tmp/empty.lp"
# export writes a file glpsol can read
expect_rc 0 "export --lp" "$SAMPLAN" export "$scen" --lp "$tmp/p.lp" --plain
[ -s "$tmp/p.lp" ] || fail "export --lp wrote nothing"
expect_rc 0 "export --mps" "$SAMPLAN" export "$scen" --mps "$tmp/p.mps"
# FILE '-' is standard output, byte for byte the file's program; no file '-'
(here=$PWD && cd "$tmp" && "$SAMPLAN" export "$here/$scen" --mps - > "$tmp/stdout.mps" 2> "$tmp/err") ||
    fail "export --mps - failed: $(head -n 1 "$tmp/err")"
cmp -s "$tmp/p.mps" "$tmp/stdout.mps" || fail "export --mps - wrote another program than export --mps FILE"
expect_rc 0 "export --lp FILE" "$SAMPLAN" export "$scen" --lp "$tmp/f.lp"
(here=$PWD && cd "$tmp" && "$SAMPLAN" export "$here/$scen" --lp - > "$tmp/stdout.lp" 2> "$tmp/err") ||
    fail "export --lp - failed: $(head -n 1 "$tmp/err")"
cmp -s "$tmp/f.lp" "$tmp/stdout.lp" || fail "export --lp - wrote another program than export --lp FILE"
[ -e "$tmp/-" ] && fail "export --lp - created a file named '-'"
if [ -w /dev/full ]; then
    "$SAMPLAN" export "$scen" --lp - > /dev/full 2> "$tmp/err"
    rc=$?
    [ "$rc" -eq 1 ] || fail "export --lp - to a full disk: exit $rc, expected 1"
    [ "$(wc -l < "$tmp/err")" -eq 1 ] || fail "export --lp - to a full disk: not one message: $(cat "$tmp/err")"
fi
[ -s "$tmp/p.mps" ] || fail "export --mps wrote nothing"
# MPS has no portable objective sense and readers minimise: the file
# minimises -value and says so, and solved with a reader's defaults
# (glpsol --freemps, no --max) it must give minus the LP file's optimum
grep -q '^\* Sense: *MINIMISE -value' "$tmp/p.mps" || fail "export --mps does not state the objective sense"
if command -v glpsol >/dev/null 2>&1; then
    expect_rc 0 "export --lp (reduced)" "$SAMPLAN" export "$scen" --lp "$tmp/r.lp"
    glpsol --lp "$tmp/r.lp" -o "$tmp/r.sol" >/dev/null 2>&1 || fail "glpsol cannot solve the LP export"
    glpsol --freemps "$tmp/p.mps" -o "$tmp/m.sol" >/dev/null 2>&1 || fail "glpsol cannot read the MPS export"
    lp_obj=$(sed -n 's/^Objective: *[^=]*= *\([-0-9.e+]*\).*/\1/p' "$tmp/r.sol")
    mps_obj=$(sed -n 's/^Objective: *[^=]*= *\([-0-9.e+]*\).*/\1/p' "$tmp/m.sol")
    [ -n "$lp_obj" ] && [ -n "$mps_obj" ] && awk -v a="$lp_obj" -v b="$mps_obj" 'BEGIN { exit !(a > 0 && a + b == 0) }' ||
        fail "MPS export solved with glpsol's defaults gives '$mps_obj', the LP export '$lp_obj' (expected its negation)"
fi

# CBC (Coin's MPS reader) took a free-MPS line whose second field starts
# in column 15 for fixed MPS: every column named with exactly 12
# characters was misread ("Bad image"). kronoberg 1 000 has such names.
if command -v cbc >/dev/null 2>&1; then
    "$SAMPLAN" generate --preset kronoberg --participants 1000 --seed 1 -o "$tmp/k1000" >/dev/null 2>&1 &&
        "$SAMPLAN" export "$tmp/k1000" --mps "$tmp/k1000.mps" >/dev/null 2>&1 || fail "export kronoberg 1000"
    grep -q '^ x[^ ]\{11\} ' "$tmp/k1000.mps" || fail "kronoberg 1000's export has no 12-character column name to test"
    cbc "$tmp/k1000.mps" -maxNodes 0 -solve > "$tmp/cbc.log" 2>&1
    grep -q 'read with 0 errors' "$tmp/cbc.log" || fail "cbc misreads the MPS export: $(grep -m 3 'Bad image\|errors' "$tmp/cbc.log")"
fi

# -o: an empty name is a usage error; a trailing slash names the same
# directory (it used to fail after the solve: mkdir of "plans/" after
# its parent "plans" was made)
expect_rc 2 "solve -o ''" "$SAMPLAN" solve "$scen" -o ""
expect_rc 2 "compare -o ''" "$SAMPLAN" compare "$scen" -o ""
ln -s "$tmp/nothing-there" "$tmp/dangling"
expect_rc 2 "solve -o a symbolic link to nothing" "$SAMPLAN" solve "$scen" -o "$tmp/dangling"
expect_rc 1 "solve --help > /dev/full" sh -c '"$0" solve --help > /dev/full' "$SAMPLAN"
expect_rc 0 "solve -o with a trailing slash" "$SAMPLAN" solve "$scen" -o "$tmp/slash/deeper/" --quiet
[ -s "$tmp/slash/deeper/summary.json" ] || fail "solve -o DIR/: no plan in DIR"
# generate makes missing parents as solve does, and a location that
# cannot take files is exit 2; a README generated with other sizes says
# its figures are the shipped scenario's
expect_rc 0 "generate into missing parents" "$SAMPLAN" generate --preset lysekil --participants 30 -o "$tmp/gen/a/b"
grep -q '^> \*\*Generated with 30 participants and seed 1\*\*' "$tmp/gen/a/b/README.md" ||
    fail "generate: README does not say it was generated with other sizes"
: > "$tmp/afile2"
expect_rc 2 "generate under a regular file" "$SAMPLAN" generate --preset lysekil -o "$tmp/afile2/x"
expect_rc 0 "generate with the shipped sizes" "$SAMPLAN" generate --preset lysekil -o "$tmp/gen/shipped"
grep -q "^generated  .*gen/shipped/ (preset lysekil, 240 participants, seed 1)" "$tmp/out" ||
    fail "generate does not say what it made: $(cat "$tmp/out")"
cmp -s "$tmp/gen/shipped/README.md" scenarios/lysekil/README.md ||
    fail "generate with the shipped sizes: README differs from scenarios/lysekil"

# an output location that cannot take files is refused before solving,
# with exit 2, as an unusable --db is (it used to fail after the search)
: > "$tmp/afile"
expect_rc 2 "-o under a regular file" "$SAMPLAN" solve "$scen" -o "$tmp/afile/out"
grep -q "cannot write the output directory" "$tmp/err" || fail "-o under a regular file: message: $(cat "$tmp/err")"
# --db naming the plan directory itself: refused before anything is made
# (the run went unrecorded with exit 0: tester, twenty-eighth session)
expect_rc 2 "--db the same path as -o" "$SAMPLAN" solve "$scen" -o "$tmp/samepath" --db "$tmp/samepath/" --quiet
grep -q "is the plan directory -o" "$tmp/err" || fail "--db = -o: message: $(cat "$tmp/err")"
[ -e "$tmp/samepath" ] && fail "--db = -o: the plan directory was made"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
mkdir "$tmp/ro" && chmod 755 "$tmp" "$tmp/ro" && cp -r "$scen" "$tmp/scen" && chmod -R a+rX "$tmp/scen"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 && as_nobody "$SAMPLAN" --version >/dev/null 2>&1 &&
    as_nobody test -r "$tmp/scen/scenario.json"; then
    expect_rc 2 "-o in a directory the user may not write" \
        as_nobody "$SAMPLAN" solve "$tmp/scen" -o "$tmp/ro/out"
    grep -q "cannot write the output directory '$tmp/ro/out': no file can be made in '$tmp/ro': Permission denied" "$tmp/err" ||
        fail "-o in a read-only directory: message: $(cat "$tmp/err")"
fi
chmod 700 "$tmp"

# a standard output that cannot be written (a full disk) is a failure
# with a message, not exit 0 (independent audit, twenty-second session);
# but solve, whose plan is in its files, exits 0 when they are written
# (SPEC §4: 0 = a plan was written) and warns
if [ -w /dev/full ]; then
    "$SAMPLAN" --version > /dev/full 2> "$tmp/err"
    rc=$?
    [ $rc -eq 1 ] && grep -q 'cannot write to standard output' "$tmp/err" ||
        fail "--version > /dev/full: exit $rc, expected 1 with a message"
    "$SAMPLAN" solve "$scen" -o "$tmp/full" --quiet > /dev/full 2> "$tmp/err"
    rc=$?
    [ $rc -eq 0 ] && [ -s "$tmp/full/summary.json" ] && grep -q 'cannot write to standard output' "$tmp/err" ||
        fail "solve > /dev/full: exit $rc, expected 0 with the plan written and a warning"
fi

# the summary's `samplan report OUT` hint pastes into a shell as it is,
# also for a directory with a space and a quote in its name
odd="$tmp/my plan's"
"$SAMPLAN" solve "$scen" -o "$odd" >"$tmp/odd.out" 2>/dev/null || fail "solve -o with a space and a quote"
hint=$(sed -n 's/^  report     samplan report \(.*\)   (a report.html for the steering group)$/\1/p' "$tmp/odd.out")
[ -n "$hint" ] || fail "no report hint: $(cat "$tmp/odd.out")"
(eval "set -- $hint" && [ $# -eq 1 ] && [ "$1" = "$odd" ]) 2>/dev/null ||
    fail "report hint '$hint' is not the plan directory as one shell word"

if [ "$fails" -ne 0 ]; then
    echo "cli_contract: $fails failure(s)"
    exit 1
fi
echo "cli_contract: ok"
