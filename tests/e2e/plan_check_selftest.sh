#!/bin/sh
# plan_check_selftest.sh — tests the checker itself: hand-written valid plans
# (tests/e2e/fixtures/*) must pass, and each single mutation that breaks a
# rule of SPEC §2/§3 must be caught with a matching "plan_check: …" line.
# Needs no solver. Environment: TOOLS (dir with plan_check).
: "${TOOLS:?TOOLS must name the tests/tools build directory}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plan_check_selftest.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0
n=0

# valid SCEN: the fixture plan for SCEN passes.
valid() {
    if ! "$TOOLS/plan_check" "tests/scenarios/$1" "tests/e2e/fixtures/$1" > "$tmp/out" 2>&1; then
        echo "FAIL: fixture $1 does not pass:"; sed 's/^/    /' "$tmp/out" | head
        fails=$((fails + 1))
    fi
}

# mutant SCEN FILE SED-SCRIPT PATTERN [plan_check options]: applies the sed
# script to FILE of a copy of the fixture and expects exit 1 with a line
# matching PATTERN.
mutant() {
    scen=$1; file=$2; script=$3; pattern=$4; shift 4
    n=$((n + 1))
    rm -rf "$tmp/m"; cp -r "tests/e2e/fixtures/$scen" "$tmp/m"
    sed "$script" "tests/e2e/fixtures/$scen/$file" > "$tmp/m/$file"
    if cmp -s "tests/e2e/fixtures/$scen/$file" "$tmp/m/$file"; then
        echo "FAIL: mutation $n ($scen/$file: $script) changed nothing"
        fails=$((fails + 1)); return
    fi
    "$TOOLS/plan_check" "tests/scenarios/$scen" "$tmp/m" "$@" > "$tmp/out" 2>&1
    rc=$?
    if [ $rc -ne 1 ] || ! grep -q -- "$pattern" "$tmp/out"; then
        echo "FAIL: mutation $n ($scen/$file: $script) not caught as /$pattern/ (exit $rc):"
        sed 's/^/    /' "$tmp/out" | head -n 5
        fails=$((fails + 1))
    fi
}

valid placement_rules
valid stagger
n=$((n + 1))
if "$TOOLS/plan_check" tests/scenarios/placement_rules tests/e2e/fixtures/placement_rules --expect-value 3.6 > "$tmp/out" 2>&1 ||
   ! grep -q 'value 3.5, expected 3.6' "$tmp/out"; then
    echo "FAIL: --expect-value 3.6 not caught"; fails=$((fails + 1))
fi
n=$((n + 1))
if "$TOOLS/plan_check" tests/scenarios/placement_rules tests/e2e/fixtures/placement_rules --expect-cost 799 > "$tmp/out" 2>&1 ||
   ! grep -q 'cost 800, expected 799' "$tmp/out"; then
    echo "FAIL: --expect-cost 799 not caught"; fails=$((fails + 1))
fi

A=assignments.csv S=schedule.csv P=placements.csv T=settlement.csv J=summary.json
# rule 3: travel decided by rule
mutant placement_rules $A 's/^b1,\(.*\),relocate,/b1,\1,commute,/' "travel 'commute', expected 'relocate'"
# wrong per-participant cost
mutant placement_rules $A 's/^c1,\(.*\),SC,300,/c1,\1,SC,299,/' "'c1' cost 299"
# slot minutes from home, also after relocation
mutant placement_rules $A 's/^b1,\(.*\),SB,500,/b1,\1,SA,500,/' "too far from home"
# slot accepts track
mutant placement_rules $A 's/^b2,\(.*\),SU,0,/b2,\1,SB,0,/' "does not accept track U"
# slot unreachable
mutant placement_rules $A 's/^b1,\(.*\),SB,500,/b1,\1,SC,500,/' "unreachable"
# rank
mutant placement_rules $A 's/^b2,assigned,U,2,/b2,assigned,U,1,/' "rank '1', expected 2"
# host-less track has no host
mutant placement_rules $A 's/^b2,assigned,U,2,,/b2,assigned,U,2,0101,/' "host-less"
# centre hosts track (0102 has no centre)
mutant placement_rules $A 's/^b1,assigned,T,1,0101,/b1,assigned,T,1,0102,/' "does not host track T"
# start week must be a start week of the track
mutant placement_rules $A 's/^a1,assigned,T,1,0101,1,2,/a1,assigned,T,1,0101,2,3,/' "not a start week"
# end week
mutant placement_rules $A 's/^a1,assigned,T,1,0101,1,2,/a1,assigned,T,1,0101,1,1,/' "end_week"
# participant missing / duplicated / unknown
mutant placement_rules $A '/^c1,/d' "no row for participant 'c1'"
mutant placement_rules $A '$p' "listed again"
mutant placement_rules $A 's/^c1,/zz,/' "unknown participant 'zz'"
# header order
mutant placement_rules $A '1s/rank,host/host,rank/' "header column 4"
# unassigned needs a reason
mutant stagger $A 's/no room at slot S1$//' "without a reason"
# slot room with reservations (weeks 4-5 reserved) and overlapping use
mutant stagger $A 's/^p2,assigned,T,1,0101,5,7,/p2,assigned,T,1,0101,3,5,/' "room 0"
mutant stagger $A 's/^p2,assigned,T,1,0101,5,7,/p2,assigned,T,1,0101,1,3,/' "participants > room 1"
# schedule: groups, participants, weeks, missing module
mutant placement_rules $S 's/^T,0101,1,\(.*\),1,3$/T,0101,1,\1,0,3/' "groups"
mutant placement_rules $S 's/^T,0101,1,\(.*\),1,3$/T,0101,1,\1,1,2/' "participants"
mutant placement_rules $S 's/^T,0101,1,2,Practice,placement,2,2,/T,0101,1,2,Practice,placement,2,3,/' "weeks 2-3, expected 2-2"
mutant placement_rules $S '/^T,0101,1,2,/d' "lacks a row for module 2"
mutant placement_rules $S 's/^U,,1,1,Practice,placement,1,1,0,1/U,,1,1,Practice,placement,1,1,1,1/' "host-less cohort"
# placements must match assignments
mutant placement_rules $P '/^SC,/d' "'c1' week 2"
mutant placement_rules $P 's/^SB,b1,T,2,2/SA,b1,T,2,2/' "'b1' week 2"
# settlement
mutant placement_rules $T '/^gross,0103,/d' "gross row 0103→0101 missing"
mutant placement_rules $T 's/^gross,0102,0101,1,0/gross,0102,0101,2,0/' "participant_weeks '2', expected 1"
mutant placement_rules $T '$a\
net,0102,0101,,5' "net 0102→0101"
# summary
mutant placement_rules $J 's/"value": 3.5/"value": 3.4/' "summary.json: value"
mutant placement_rules $J 's/"cost": 800/"cost": 801/' "summary.json: cost"
mutant placement_rules $J 's/"assigned": 4/"assigned": 3/' "assigned is not 4"
mutant placement_rules $J 's/"gap": 0/"gap": 0.5/' "gap"
mutant placement_rules $J 's/"bound": 3.5/"bound": 3/' "bound 3 below value"
mutant placement_rules $J 's/"scenario": "placement_rules"/"scenario": "x"/' "scenario is not"
mutant placement_rules $J 's/"variant": null/"variant": "v"/' "variant is not null"
mutant placement_rules $J 's/"status": "optimal"/"status": "great"/' "status 'great'"
mutant placement_rules $J 's/"youth": {"assigned": 2/"youth": {"assigned": 1/' "by_group.youth"
mutant placement_rules $J 's/"0102": {"assigned": 2/"0102": {"assigned": 3/' "by_home.0102"
mutant stagger $J 's/"man": {"assigned": 1, "unassigned": 0}/"men": {"assigned": 1, "unassigned": 0}/' "unknown key 'men'"

if [ "$fails" -ne 0 ]; then
    echo "plan_check_selftest: $fails of $n checks failed"
    exit 1
fi
echo "plan_check_selftest: fixtures pass, all $n mutations caught"
