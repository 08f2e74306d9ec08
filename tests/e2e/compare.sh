#!/bin/sh
# compare.sh — `samplan compare` end to end on the hand scenarios
# no_cooperation (variant coop) and budget (nobudget, zero, tight), optima in
# their EXPECTED files: exit codes, private files, the CSV values, the
# Markdown on stdout, --variants order and unknown names, a variant that does
# not load, a variant named like the table file, the default output name
# and the refusal of an existing OUT.
# Run from the repository root with SAMPLAN = the binary under test.
set -u
root=$(pwd)
SAMPLAN=${SAMPLAN:-$root/build/samplan}
case $SAMPLAN in /*) ;; *) SAMPLAN=$root/$SAMPLAN ;; esac
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# private_file PATH: exists, regular, mode 600
private_file() {
    [ -f "$1" ] || fail "missing $1"
    m=$(ls -l "$1" | cut -c1-10)
    [ "$m" = "-rw-------" ] || fail "$1 has mode $m, expected -rw-------"
}

# csv_line FILE LINE: FILE has exactly this line
csv_line() {
    grep -qxF "$2" "$1" || { cat "$1" >&2; fail "$1 lacks the line '$2'"; }
}

nc=$root/tests/scenarios/no_cooperation
bu=$root/tests/scenarios/budget

# --- no_cooperation: base value 1 cost 10, coop value 3 cost 410 ---------------
"$SAMPLAN" compare "$nc" -o "$tmp/nc" --quiet >"$tmp/nc.out" 2>"$tmp/nc.err"
rc=$?
[ $rc -eq 0 ] || { cat "$tmp/nc.err" >&2; fail "compare no_cooperation exited $rc"; }
[ -s "$tmp/nc.err" ] && { cat "$tmp/nc.err" >&2; fail "--quiet still wrote to stderr"; }
for f in compare.csv compare.md base/summary.json base/assignments.csv coop/summary.json \
         coop/settlement.csv; do
    private_file "$tmp/nc/$f"
done
cmp -s "$tmp/nc.out" "$tmp/nc/compare.md" || fail "stdout differs from compare.md"
c=$tmp/nc/compare.csv
csv_line "$c" "metric,base,coop,delta_coop"
csv_line "$c" "status,optimal,optimal,"
csv_line "$c" "value,1.0,3.0,2.0"
csv_line "$c" "assigned,1,3,2"
csv_line "$c" "unassigned,2,0,-2"
csv_line "$c" "cost.total,10.0,410.0,400.0"
csv_line "$c" "cost.hosting,10.0,10.0,0.0"
csv_line "$c" "cost.course_travel,0.0,200.0,200.0"
csv_line "$c" "cost.placement_travel,0.0,200.0,200.0"
csv_line "$c" "group.newcomer.assigned,0,1,1"
csv_line "$c" "gender.man.assigned,0,1,1"
csv_line "$c" "home.0102.assigned,0,1,1"
csv_line "$c" "host.0101.participants,1,3,2"
grep -q '"value": 3' "$tmp/nc/coop/summary.json" || fail "coop/summary.json lacks value 3"
grep -q '^# Comparison: no_cooperation' "$tmp/nc/compare.md" || fail "compare.md heading"
grep -q 'places 2 more participants than the base' "$tmp/nc/compare.md" ||
    fail "compare.md lacks the summary sentence"

# progress on stderr without --quiet
"$SAMPLAN" compare "$nc" -o "$tmp/nc-progress" >/dev/null 2>"$tmp/progress.err" ||
    fail "compare with progress failed"
grep -q 'solving base' "$tmp/progress.err" || fail "no 'solving base' progress"
grep -q 'solving variant coop' "$tmp/progress.err" || fail "no 'solving variant coop' progress"

# --- budget: base 3/400, nobudget 4/700, zero 0/0, tight 0/0 -------------------
"$SAMPLAN" compare "$bu" -o "$tmp/bu" --quiet >/dev/null 2>"$tmp/bu.err" ||
    { cat "$tmp/bu.err" >&2; fail "compare budget failed"; }
c=$tmp/bu/compare.csv
private_file "$c"
private_file "$tmp/bu/compare.md"
for r in base nobudget zero tight; do private_file "$tmp/bu/$r/summary.json"; done
csv_line "$c" "metric,base,nobudget,zero,tight,delta_nobudget,delta_zero,delta_tight"
csv_line "$c" "value,3.0,4.0,0.0,0.0,1.0,-3.0,-3.0"
csv_line "$c" "assigned,2,3,0,0,1,-2,-2"
csv_line "$c" "cost.total,400.0,700.0,0.0,0.0,300.0,-400.0,-400.0"
csv_line "$c" "cost.per_assigned,200.0,233.33333333333334,,,33.333333,,"
# --force with fewer runs: an earlier run's plan directory goes (its own
# files only), so OUT holds no plan the table does not list
touch "$tmp/bu/tight/notes.txt"
"$SAMPLAN" compare "$bu" -o "$tmp/bu" --force --variants zero --quiet >/dev/null 2>&1 ||
    fail "--force --variants zero failed"
[ -e "$tmp/bu/nobudget" ] && fail "--force left the plan of a run it did not make"
[ -e "$tmp/bu/tight/summary.json" ] && fail "--force left the plan of a run it did not make"
[ -e "$tmp/bu/tight/notes.txt" ] || fail "--force removed a file samplan did not write"
[ -e "$tmp/bu/zero/summary.json" ] || fail "--force --variants zero wrote no plan for zero"
# a plan in OUT that no compare made (solve -o OUT/x) is not the earlier compare's to remove
"$SAMPLAN" solve "$bu" -o "$tmp/bu/my-plan" --quiet >/dev/null 2>&1 || fail "solve into OUT/my-plan failed"
"$SAMPLAN" compare "$bu" -o "$tmp/bu" --force --variants zero --quiet >/dev/null 2>&1 ||
    fail "compare --force beside my-plan failed"
[ -e "$tmp/bu/my-plan/summary.json" ] || fail "compare --force removed a plan it did not make"

# --variants picks and orders
"$SAMPLAN" compare "$bu" --variants tight,nobudget -o "$tmp/bu2" --quiet >/dev/null 2>&1 ||
    fail "compare --variants tight,nobudget failed"
csv_line "$tmp/bu2/compare.csv" "metric,base,tight,nobudget,delta_tight,delta_nobudget"
[ -e "$tmp/bu2/zero" ] && fail "unselected variant zero was run"
# blanks around the names, as in "a, b", are dropped
"$SAMPLAN" compare "$bu" --variants " tight, nobudget " -o "$tmp/bu2b" --quiet >/dev/null 2>"$tmp/e" ||
    { cat "$tmp/e" >&2; fail "compare --variants ' tight, nobudget ' failed"; }
csv_line "$tmp/bu2b/compare.csv" "metric,base,tight,nobudget,delta_tight,delta_nobudget"
"$SAMPLAN" compare "$bu" --variants "tight, " -o "$tmp/bu2c" --quiet >/dev/null 2>&1
[ $? -eq 2 ] || fail "--variants 'tight, ' (a blank name) not a usage error"

# unknown variant: exit 2, names the known ones, creates nothing
"$SAMPLAN" compare "$bu" --variants nobudget,nope -o "$tmp/bu3" --quiet >/dev/null 2>"$tmp/e"
rc=$?
[ $rc -eq 2 ] || fail "unknown variant exited $rc, expected 2"
grep -q "unknown variant 'nope'" "$tmp/e" || { cat "$tmp/e" >&2; fail "message for unknown variant"; }
grep -q "'nobudget', 'zero', 'tight'" "$tmp/e" || { cat "$tmp/e" >&2; fail "known variants not listed"; }
[ -e "$tmp/bu3" ] && fail "output created for an unknown variant"

# --- an existing non-empty OUT is refused without --force ------------------------
before=$(cksum <"$tmp/nc/compare.csv")
"$SAMPLAN" compare "$nc" -o "$tmp/nc" --quiet >/dev/null 2>"$tmp/e"
rc=$?
[ $rc -eq 2 ] || fail "existing OUT without --force exited $rc, expected 2"
grep -q -- "--force" "$tmp/e" || fail "refusal does not mention --force"
[ "$(cksum <"$tmp/nc/compare.csv")" = "$before" ] || fail "refused run changed compare.csv"
"$SAMPLAN" compare "$nc" -o "$tmp/nc" --force --quiet >/dev/null 2>&1 || fail "--force failed"
private_file "$tmp/nc/compare.csv"

mkdir "$tmp/empty"
"$SAMPLAN" compare "$nc" -o "$tmp/empty" --quiet >/dev/null 2>&1 || fail "empty OUT refused"

# --- default output name: <dir>-compare, then -compare-2 ---------------------------
mkdir "$tmp/cwd"
(cd "$tmp/cwd" && "$SAMPLAN" compare "$nc" --quiet >/dev/null 2>&1) || fail "default OUT run 1"
(cd "$tmp/cwd" && "$SAMPLAN" compare "$nc/" --quiet >/dev/null 2>&1) || fail "default OUT run 2"
[ -f "$tmp/cwd/no_cooperation-compare/compare.csv" ] || fail "no no_cooperation-compare/"
[ -f "$tmp/cwd/no_cooperation-compare-2/compare.csv" ] || fail "no no_cooperation-compare-2/"

# --- a variant that does not load: exit 2 with its diagnostics, nothing solved -----
cp -r "$nc" "$tmp/badvar"
sed 's/"coop": { "cooperation": true }/"coop": { "cooperation": true }, "broken": { "weeks": 0 }/' \
    "$nc/scenario.json" >"$tmp/badvar/scenario.json"
grep -q broken "$tmp/badvar/scenario.json" || fail "could not make the broken variant"
"$SAMPLAN" compare "$tmp/badvar" -o "$tmp/bad-out" --quiet >/dev/null 2>"$tmp/e"
rc=$?
[ $rc -eq 2 ] || { cat "$tmp/e" >&2; fail "broken variant exited $rc, expected 2"; }
grep -q "(variant 'broken')" "$tmp/e" || { cat "$tmp/e" >&2; fail "diagnostic does not name the variant"; }
[ -e "$tmp/bad-out" ] && fail "output created although a variant does not load"

# --- a variant named like the table file: its own directory -----------------------
cp -r "$nc" "$tmp/names"
sed 's/"coop": { "cooperation": true }/"coop": { "cooperation": true }, "compare.csv": { "cooperation": true }/' \
    "$nc/scenario.json" >"$tmp/names/scenario.json"
grep -q '"compare.csv"' "$tmp/names/scenario.json" || fail "could not add the variant named compare.csv"
"$SAMPLAN" compare "$tmp/names" -o "$tmp/names-out" --quiet >/dev/null 2>"$tmp/e" ||
    { cat "$tmp/e" >&2; fail "a variant named compare.csv: compare failed"; }
[ -f "$tmp/names-out/compare.csv" ] || fail "compare.csv is not the table"
for d in base coop variant-compare.csv; do
    [ -f "$tmp/names-out/$d/summary.json" ] || fail "no $d/summary.json"
done
csv_line "$tmp/names-out/compare.csv" "metric,base,coop,compare.csv,delta_coop,delta_compare.csv"

# --- a variant named base: labelled as its directory, variant-base -----------------
cp -r "$nc" "$tmp/based"
sed 's/"coop": { "cooperation": true }/"base": { "cooperation": true }/' "$nc/scenario.json" >"$tmp/based/scenario.json"
grep -q '"base"' "$tmp/based/scenario.json" || fail "could not add the variant named base"
"$SAMPLAN" compare "$tmp/based" -o "$tmp/based-out" --quiet >/dev/null 2>"$tmp/e" ||
    { cat "$tmp/e" >&2; fail "a variant named base: compare failed"; }
[ -f "$tmp/based-out/variant-base/summary.json" ] || fail "no variant-base/summary.json"
csv_line "$tmp/based-out/compare.csv" "metric,base,variant-base,delta_variant-base"
# ... and beside a variant really named variant-base, the two columns differ
# as their directories do (both were "variant-base": tester, 28th session)
sed 's/"base": { "cooperation": true }/"base": { "cooperation": true }, "variant-base": { "cooperation": false }/' \
    "$tmp/based/scenario.json" >"$tmp/based/s.json" && mv "$tmp/based/s.json" "$tmp/based/scenario.json"
"$SAMPLAN" compare "$tmp/based" -o "$tmp/based-out2" --quiet >/dev/null 2>"$tmp/e" ||
    { cat "$tmp/e" >&2; fail "variants base and variant-base: compare failed"; }
csv_line "$tmp/based-out2/compare.csv" \
    "metric,base,variant-base,variant-base-2,delta_variant-base,delta_variant-base-2"
grep -q '"cooperation": false' "$tmp/based-out2/variant-base-2/summary.json" ||
    grep -q '"variant": "variant-base"' "$tmp/based-out2/variant-base-2/summary.json" ||
    fail "variant-base-2/ is not the run of the variant named variant-base"

# --- a run's plan directory that is a file or a link: refused before solving ------
"$SAMPLAN" compare "$bu" -o "$tmp/occupied" --quiet >/dev/null 2>&1
rm -rf "$tmp/occupied/zero" && echo x >"$tmp/occupied/zero"
"$SAMPLAN" compare "$bu" -o "$tmp/occupied" --force >/dev/null 2>"$tmp/e" # not --quiet: "solving" lines
[ $? -eq 2 ] || fail "a file where a run's plan directory goes: not exit 2"
grep -q "zero exists and is not a directory" "$tmp/e" || fail "occupied run directory: $(cat "$tmp/e")"
grep -q "solving" "$tmp/e" && fail "occupied run directory: runs were solved first"
rm -f "$tmp/occupied/zero" && mkdir "$tmp/outside" && ln -s "$tmp/outside" "$tmp/occupied/zero"
"$SAMPLAN" compare "$bu" -o "$tmp/occupied" --quiet --force >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && [ -z "$(ls "$tmp/outside")" ] || fail "a link as a run's plan directory: a plan written through it"

# --- no slot-week open: utilisation is not applicable (empty), not 0 -------------
"$SAMPLAN" compare "$bu" -o "$tmp/noslots" --quiet >/dev/null 2>"$tmp/e" || { cat "$tmp/e" >&2; fail "budget: compare failed"; }
csv_line "$tmp/noslots/compare.csv" "slots.peak_utilisation,,,,,,,"

# --- a name with a line break (a quoted CSV cell) stays on its table row ----------
cp -r "$bu" "$tmp/nl"
printf 'code,name\n0101,Aby\n0102,"B\nby"\n' >"$tmp/nl/municipalities.csv"
"$SAMPLAN" compare "$tmp/nl" -o "$tmp/nl-out" --quiet >/dev/null 2>"$tmp/e" ||
    { cat "$tmp/e" >&2; fail "a name with a line break: compare failed"; }
grep -q '^| B by (0102) assigned |' "$tmp/nl-out/compare.md" ||
    fail "compare.md: the name with a line break is not on one row: $(grep -n 'by' "$tmp/nl-out/compare.md")"
! grep -q '^by' "$tmp/nl-out/compare.md" || fail "compare.md: a table row is split by a line break"

# --- usage errors ------------------------------------------------------------------
"$SAMPLAN" compare "$nc" --time-limit abc >/dev/null 2>&1
[ $? -eq 2 ] || fail "--time-limit abc not a usage error"
"$SAMPLAN" compare >/dev/null 2>&1
[ $? -eq 2 ] || fail "missing DIR not a usage error"
"$SAMPLAN" compare "$bu" --variants nobudget,nobudget -o "$tmp/dup" >/dev/null 2>&1
[ $? -eq 2 ] || fail "a variant given twice not a usage error"
"$SAMPLAN" help compare | grep -q -- "--variants" || fail "help compare lacks --variants"

echo "compare.sh: ok"
