#!/bin/sh
# check: alone (tests/run.sh): it times the solver against --time-limit
# solver_stops.sh — the solve loop stops cleanly and still writes a valid
# plan: on a time limit, on Ctrl-C (SIGINT) and, without a plan, on a GLPK
# internal error (which must be an exit 1 with a message, never an abort).
# The hard instance is the national preset cut to 3 000 participants: its
# first LP alone takes GLPK minutes, so both stops happen mid-search.
# Cases 4 and 5 do the same where the program splits into blocks solved by
# worker processes (solver/workers.c). Case 6: a gap asked for (--gap)
# ends the solve of that program, which goes to region search and gets
# its bound alongside the greedy search, long before its time limit.
# Case 7: a greedy search whose plan reaches the bound stops there.
# Case 8: Ctrl-C while the scenario loads or the plan is written.
# Case 9: SIGHUP ignored under nohup stays so. Case 10: a slow first
# greedy plan keeps a short time limit. Case 11: a worker process lost
# to SIGKILL costs its part's progress, not the run. Case 12: GLPK's
# tree, started late in a run, keeps its limit.
# Env: SAMPLAN (binary), TOOLS (plan_check), SAMPLAN_OPT (the optimised
# binary, for the time-limit bound; SAMPLAN if unset). Run from the
# repository root.
set -u
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
say() { printf '%s\n' "$*"; }

"$SAMPLAN" generate --preset national --participants 3000 --seed 2 -o "$tmp/hard" >/dev/null 2>&1 ||
    { say "FAIL: generate"; exit 1; }

status_of() { sed -n 's/.*"status": *"\([a-z]*\)".*/\1/p' "$1/summary.json" | head -n 1; }

# stopped_ok WHAT PLAN_DIR TOOK MAX: a run stopped early ($rc its exit)
# must end 0 with a valid `feasible` plan within MAX seconds; says which.
stopped_ok() {
    if [ $rc -ne 0 ]; then say "FAIL $1: exit $rc"; cat "$2.err"; fail=1
    elif [ "$(status_of "$2")" != feasible ]; then say "FAIL $1: status $(status_of "$2")"; fail=1
    elif ! "$TOOLS/plan_check" "$tmp/hard" "$2" >"$2.chk" 2>&1; then say "FAIL $1: plan_check"; tail -5 "$2.chk"; fail=1
    elif [ "$3" -gt "$4" ]; then say "FAIL $1: took $3 s"; fail=1
    else return 0; fi
    return 1
}

# 1. time limit: exit 0, status feasible, a valid plan, within the limit plus slack
start=$(date +%s)
"$SAMPLAN" solve "$tmp/hard" -o "$tmp/tl" --time-limit 3 --quiet >/dev/null 2>"$tmp/tl.err"
rc=$?
took=$(( $(date +%s) - start ))
stopped_ok "time limit 3 s" "$tmp/tl" "$took" 10 && say "ok   time limit: feasible plan in $took s"

# within_limit WHAT DIR LIMIT MAX_MS: the optimised build ($opt, below)
# solves DIR with --time-limit LIMIT into DIR-out: exit 0, a valid plan,
# at most MAX_MS of wall time; says which.
within_limit() {
    start_ms=$(date +%s%3N)
    "$opt" solve "$2" -o "$2-out" --time-limit "$3" --quiet >/dev/null 2>"$2.err"
    rc=$?
    took_ms=$(( $(date +%s%3N) - start_ms ))
    if [ $rc -ne 0 ]; then say "FAIL $1: exit $rc"; cat "$2.err"; fail=1
    elif ! "$TOOLS/plan_check" "$2" "$2-out" >"$2.chk" 2>&1; then say "FAIL $1: plan_check"; tail -5 "$2.chk"; fail=1
    elif [ "$took_ms" -gt "$4" ]; then say "FAIL $1: took $took_ms ms for --time-limit $3"; fail=1
    else say "ok   $1: $took_ms ms for --time-limit $3, a valid plan"; fi
}

# 1b. SPEC §4: --time-limit bounds the whole run, writing the plan
# included. The sanitizer build above is slower than users' builds, so
# the bound is held on the optimised binary (SAMPLAN_OPT), to within 1 s
# of slack for a loaded machine (here it ends at 2.84-2.87 s).
opt=${SAMPLAN_OPT:-$SAMPLAN}
start_ms=$(date +%s%3N)
"$opt" solve "$tmp/hard" -o "$tmp/tl2" --time-limit 3 --quiet >/dev/null 2>"$tmp/tl2.err"
rc=$?
took_ms=$(( $(date +%s%3N) - start_ms ))
if [ $rc -ne 0 ]; then say "FAIL time limit (optimised build): exit $rc"; cat "$tmp/tl2.err"; fail=1
elif [ "$took_ms" -gt 4000 ]; then say "FAIL time limit 3 s (optimised build) took $took_ms ms"; fail=1
else say "ok   time limit (optimised build): $took_ms ms for --time-limit 3"; fi

# 2. Ctrl-C: exit 0, status feasible, a valid plan. SIGTERM (timeout,
# batch schedulers) and SIGHUP do the same; they used to discard the run
# (exit 143, no plan: independent audit, twenty-second session)
# A SIGHUP that arrives ignored stays ignored (case 9, nohup): a suite
# itself run under nohup cannot test it here (make check under nohup ran
# this solve to its 600 s limit)
sigs="INT TERM HUP"
ign=$(sed -n 's/^SigIgn:[[:space:]]*//p' /proc/$$/status 2>/dev/null)
if [ -n "$ign" ] && [ $(( 0x$ign & 1 )) -ne 0 ]; then
    sigs="INT TERM"
    say "skip SIGHUP: this suite runs with SIGHUP ignored (nohup), which samplan keeps"
fi
for sig in $sigs; do
    rm -rf "$tmp/int"
    "$SAMPLAN" solve "$tmp/hard" -o "$tmp/int" --time-limit 600 --quiet >/dev/null 2>"$tmp/int.err" &
    pid=$!
    sleep 3
    kill -$sig $pid
    start=$(date +%s)
    wait $pid
    rc=$?
    took=$(( $(date +%s) - start ))
    stopped_ok "SIG$sig" "$tmp/int" "$took" 10 && say "ok   SIG$sig: feasible plan, stopped $took s after the signal"
done

# 3. a GLPK internal error (provoked by a test hook): exit 1, message, no plan, no abort,
# and no run store is made for it (--db is checked before solving, made when recording)
SAMPLAN_FAULT_GLPK=1 "$SAMPLAN" solve tests/scenarios/pooling -o "$tmp/fault" --db "$tmp/fault.db" --quiet \
    >/dev/null 2>"$tmp/fault.err"
rc=$?
if [ $rc -ne 1 ]; then say "FAIL glpk error: exit $rc (expected 1)"; cat "$tmp/fault.err"; fail=1
elif ! grep -q "GLPK reported an internal error while solving: glp_get_row_name" "$tmp/fault.err"; then
    say "FAIL glpk error: message"; cat "$tmp/fault.err"; fail=1
elif [ -e "$tmp/fault/summary.json" ]; then say "FAIL glpk error: a plan was written"; fail=1
elif [ -e "$tmp/fault.db" ]; then say "FAIL glpk error: a run store was made for a run not recorded"; fail=1
else say "ok   glpk error: exit 1 with GLPK's own words, no plan, no new run store"; fi

# 3b. a GLPK error in the LP of the value floor's fixing (test hook
# SAMPLAN_FAULT_GLPK=floor): that step only helps, so level 2 goes on
# without it, says so, and the plan is still proven (review, thirty-fourth
# session: the solve had ended with exit 1 and no plan)
SAMPLAN_FAULT_GLPK=floor "$SAMPLAN" solve scenarios/sikt-inland -o "$tmp/ffault" --jobs 1 >/dev/null 2>"$tmp/ffault.err"
rc=$?
if [ $rc -ne 0 ]; then say "FAIL glpk error in the floor's LP: exit $rc (expected 0)"; cat "$tmp/ffault.err"; fail=1
elif ! grep -q "level 2 goes on without the columns its value floor fixes: GLPK reported an internal error" "$tmp/ffault.err"; then
    say "FAIL glpk error in the floor's LP: message"; cat "$tmp/ffault.err"; fail=1
elif [ "$(status_of "$tmp/ffault")" != optimal ]; then say "FAIL glpk error in the floor's LP: status $(status_of "$tmp/ffault")"; fail=1
elif ! "$TOOLS/plan_check" scenarios/sikt-inland "$tmp/ffault" >"$tmp/ffault.chk" 2>&1; then
    say "FAIL glpk error in the floor's LP: plan_check"; tail -5 "$tmp/ffault.chk"; fail=1
else say "ok   glpk error in the floor's LP: level 2 goes on without it, optimal plan"; fi

# 4. Ctrl-C while independent blocks are solved by two worker processes
# (the 'alone' variant splits into one block per municipality with a
# centre): the SIGINT sent to samplan alone is passed on to the workers,
# blocks not yet started keep the greedy plan, the plan is valid
"$SAMPLAN" generate --preset national --participants 20000 --seed 2 -o "$tmp/split" >/dev/null 2>&1 ||
    { say "FAIL: generate 20000"; exit 1; }
"$SAMPLAN" solve "$tmp/split" --variant alone -o "$tmp/bint" --time-limit 600 --jobs 2 >/dev/null 2>"$tmp/bint.err" &
pid=$!
sleep 4
kill -INT $pid
start=$(date +%s)
wait $pid
rc=$?
took=$(( $(date +%s) - start ))
if [ $rc -ne 0 ]; then say "FAIL ctrl-c blocks: exit $rc"; cat "$tmp/bint.err"; fail=1
elif [ "$(status_of "$tmp/bint")" != feasible ]; then say "FAIL ctrl-c blocks: status $(status_of "$tmp/bint")"; fail=1
elif ! "$TOOLS/plan_check" "$tmp/split" "$tmp/bint" --variant alone >"$tmp/bint.chk" 2>&1; then
    say "FAIL ctrl-c blocks: plan_check"; tail -5 "$tmp/bint.chk"; fail=1
elif [ "$took" -gt 30 ]; then say "FAIL ctrl-c blocks: stopped only after $took s"; fail=1
elif ! grep -q 'independent blocks' "$tmp/bint.err"; then say "FAIL ctrl-c blocks: the program did not split"; fail=1
else say "ok   ctrl-c blocks: feasible plan, stopped $took s after the signal"; fi

# 5. a GLPK error inside a worker process: the same exit 1 and message
SAMPLAN_FAULT_GLPK=1 "$SAMPLAN" solve scenarios/sikt-inland --variant alone -o "$tmp/bfault" --jobs 2 --quiet \
    >/dev/null 2>"$tmp/bfault.err"
rc=$?
if [ $rc -ne 1 ]; then say "FAIL glpk error in a worker: exit $rc (expected 1)"; cat "$tmp/bfault.err"; fail=1
elif ! grep -q "GLPK reported an internal error while solving: glp_get_row_name" "$tmp/bfault.err"; then
    say "FAIL glpk error in a worker: message"; cat "$tmp/bfault.err"; fail=1
elif [ -e "$tmp/bfault/summary.json" ]; then say "FAIL glpk error in a worker: a plan was written"; fail=1
else say "ok   glpk error in a worker: exit 1 with GLPK's own words"; fi

# 6. --gap on a program for region search: the search stops once its plan
# is within the gap of a bound (the trivial one, or the one computed
# alongside it), level 1 needs no region search, and level 2 keeps its
# proportion of the time; before, the solve ran its whole limit. With one
# process as with two. The summary's gap must be within the one asked for.
for jobs in 2 1; do
    start=$(date +%s)
    "$SAMPLAN" solve "$tmp/hard" -o "$tmp/gap$jobs" --time-limit 120 --gap 0.1 --jobs $jobs --quiet >/dev/null 2>"$tmp/gap.err"
    rc=$?
    took=$(( $(date +%s) - start ))
    gap=$(tr -d '\n' < "$tmp/gap$jobs/summary.json" 2>/dev/null | sed -n 's/.*"gap"[[:space:]]*:[[:space:]]*\([-+0-9.eE]*\).*/\1/p')
    if [ $rc -ne 0 ]; then say "FAIL --gap (--jobs $jobs): exit $rc"; cat "$tmp/gap.err"; fail=1
    elif ! "$TOOLS/plan_check" "$tmp/hard" "$tmp/gap$jobs" >"$tmp/gap.chk" 2>&1; then say "FAIL --gap (--jobs $jobs): plan_check"; tail -5 "$tmp/gap.chk"; fail=1
    elif [ "$(status_of "$tmp/gap$jobs")" != feasible ]; then say "FAIL --gap (--jobs $jobs): status $(status_of "$tmp/gap$jobs"), expected feasible"; fail=1
    elif [ -z "$gap" ] || ! awk -v g="$gap" 'BEGIN { exit !(g <= 0.1 + 1e-9) }'; then say "FAIL --gap (--jobs $jobs): summary gap '$gap' above 0.1"; fail=1
    elif [ "$took" -gt 60 ]; then say "FAIL --gap (--jobs $jobs): ran $took s of a 120 s limit with --gap 0.1"; fail=1
    else say "ok   --gap 0.1 on region search, --jobs $jobs: gap $gap after $took s of a 120 s limit"; fi
done

# 7. a greedy search whose plan reaches the bound stops there, gap or
# not: its steps would only lower the cost, which level 2 does better
# (OR-Library capb spent 178 of its 300 s so). pooling's greedy plan
# places everyone at their best value, the trivial bound; the search is
# forced on that small program for 30 s, and must end at once.
start=$(date +%s)
SAMPLAN_GREEDY_SEARCH=30 "$SAMPLAN" solve tests/scenarios/pooling -o "$tmp/proven" --time-limit 60 >/dev/null 2>"$tmp/proven.err"
rc=$?
took=$(( $(date +%s) - start ))
if [ $rc -ne 0 ]; then say "FAIL search at the bound: exit $rc"; cat "$tmp/proven.err"; fail=1
elif ! grep -q "greedy search: 3 from 3" "$tmp/proven.err"; then say "FAIL search at the bound: no search at value 3"; cat "$tmp/proven.err"; fail=1
elif [ "$(status_of "$tmp/proven")" != optimal ]; then say "FAIL search at the bound: status $(status_of "$tmp/proven")"; fail=1
elif [ "$took" -gt 15 ]; then say "FAIL search at the bound: took $took s (the search ran on after reaching the bound)"; fail=1
else say "ok   a greedy search at the bound stops: $took s of a 30 s search"; fi

# 7b. progress about once a second (README): a greedy search of 4 s on a
# program whose greedy plan is not at its bound prints its line as it
# goes, not only at its end (national 50 000 was silent for a minute)
"$SAMPLAN" generate --preset national --participants 300 --seed 2 -o "$tmp/nat300" >/dev/null 2>&1
SAMPLAN_GREEDY_SEARCH=4 "$SAMPLAN" solve "$tmp/nat300" -o "$tmp/progress" --time-limit 6 >/dev/null 2>"$tmp/progress.err"
rc=$?
lines=$(grep -c "level 1 (value)  greedy search: " "$tmp/progress.err")
if [ $rc -ne 0 ]; then say "FAIL progress: exit $rc"; cat "$tmp/progress.err"; fail=1
elif [ "$lines" -lt 2 ]; then say "FAIL progress: $lines greedy-search lines in a 4 s search"; cat "$tmp/progress.err"; fail=1
else say "ok   a 4 s greedy search prints $lines progress lines"; fi

# 8. SPEC §4: Ctrl-C during a solve writes the best plan found, with exit
# 0. Outside the search too: while the scenario loads (the first plan is
# then the answer) and while the reasons and the plan are written (they
# are finished). The handler used to cover the search alone, and a
# signal in those windows killed samplan (exit 130) with no plan or
# *.tmp files (independent audit, twenty-second session). So SIGINT comes
# again and again, every 20 ms, from the moment samplan has its handler
# (SigCgt in /proc; a sanitizer build's start took 0.14 s on a loaded
# machine) until it ends: some land in loading, in the search, in the
# writing and in the exit. A job started with & in a script ignores
# SIGINT (POSIX), so SIGINT is set to its default first (GNU env
# --default-signal), as from a terminal, where the old code's windows
# killed it. Skipped where that env or /proc is missing.
catches_int() { # 1 when process $1 has a handler for SIGINT (bit 2 of SigCgt)
    cgt=$(sed -n 's/^SigCgt:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null)
    [ -n "$cgt" ] && [ $(( 0x$cgt & 2 )) -ne 0 ]
}
if env --default-signal=INT true 2>/dev/null && [ -r /proc/self/status ]; then
    for limit in 1 3; do
        rm -rf "$tmp/late"
        env --default-signal=INT "$SAMPLAN" solve "$tmp/hard" -o "$tmp/late" --time-limit $limit --quiet \
            >/dev/null 2>"$tmp/late.err" &
        pid=$!
        i=0
        while [ $i -lt 500 ] && kill -0 $pid 2>/dev/null && ! catches_int $pid; do sleep 0.01; i=$((i + 1)); done
        sent=0
        while kill -INT $pid 2>/dev/null; do sent=$((sent + 1)); sleep 0.02; done
        wait $pid
        rc=$?
        if [ $rc -ne 0 ]; then say "FAIL ctrl-c again and again ($sent signals): exit $rc"; cat "$tmp/late.err"; fail=1
        elif ls "$tmp/late" | grep -q '\.tmp$'; then say "FAIL ctrl-c again and again: *.tmp files left"; ls "$tmp/late"; fail=1
        elif ! "$TOOLS/plan_check" "$tmp/hard" "$tmp/late" >"$tmp/late.chk" 2>&1; then say "FAIL ctrl-c again and again: plan_check"; tail -5 "$tmp/late.chk"; fail=1
        else say "ok   ctrl-c again and again ($sent signals, limit $limit s): exit 0, a whole plan ($(status_of "$tmp/late"))"; fi
    done
else
    say "skip ctrl-c again and again: no GNU env --default-signal or no /proc"
fi

# 9. SIGTERM and SIGHUP stop a solve as Ctrl-C does (case 2), unless they
# arrive ignored: a run under nohup survives SIGHUP and ends at its time
# limit (review, twenty-second session)
if command -v nohup >/dev/null 2>&1; then
    rm -rf "$tmp/nohup"
    start=$(date +%s)
    nohup "$SAMPLAN" solve "$tmp/hard" -o "$tmp/nohup" --time-limit 4 --quiet >/dev/null 2>&1 &
    pid=$!
    sleep 1
    kill -HUP $pid 2>/dev/null
    wait $pid
    rc=$?
    took=$(( $(date +%s) - start ))
    if [ $rc -ne 0 ]; then say "FAIL nohup: exit $rc after SIGHUP"; fail=1
    elif [ "$took" -lt 3 ]; then say "FAIL nohup: SIGHUP stopped the run after $took s of 4"; fail=1
    else say "ok   nohup: SIGHUP ignored, the run took its $took s"; fi
fi

# 10. the first greedy plan keeps the time limit too: on a national
# 5 000 with a third of the slots' capacity it took 1.7 s, so
# `--time-limit 0.3` ended after 1.7 s (independent audit, twenty-second
# session). It now stops placing at the deadline; the plan stays valid.
"$SAMPLAN" generate --preset national --participants 5000 --seed 2 -o "$tmp/tight" >/dev/null 2>&1 ||
    { say "FAIL: generate 5000"; exit 1; }
awk -F, 'BEGIN { OFS = "," } NR == 1 { print; next } { $3 = int($3 / 3); print }' "$tmp/tight/slots.csv" \
    >"$tmp/slots.csv" && mv "$tmp/slots.csv" "$tmp/tight/slots.csv"
within_limit "first plan at 0.3 s" "$tmp/tight" 0.3 1000

# 11. a worker process lost (the OOM killer, kill -9) is a worker killed
# at its deadline: its part keeps the plan it started from, the solve
# goes on and writes a valid plan with a warning. It used to end the
# whole solve with exit 1 and no plan (independent audit, twenty-second
# session). kronoberg 2 000 races two GLPK workers at level 1.
"$SAMPLAN" generate --preset kronoberg --participants 2000 --seed 1 -o "$tmp/k2000" >/dev/null 2>&1 ||
    { say "FAIL: generate kronoberg 2000"; exit 1; }
"$SAMPLAN" solve "$tmp/k2000" -o "$tmp/lost" --time-limit 5 --jobs 2 --quiet >/dev/null 2>"$tmp/lost.err" &
pid=$!
# the worker processes: /proc, not pgrep (procps may be missing)
children_of() {
    for st in /proc/[0-9]*/stat; do
        read -r cpid comm state ppid rest 2>/dev/null <"$st" && [ "$ppid" = "$1" ] && echo "$cpid"
    done
}
sleep 1
child=
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    child=$(children_of $pid | head -n 1)
    [ -n "$child" ] && break
    sleep 0.1
done
[ -n "$child" ] && kill -KILL "$child"
wait $pid
rc=$?
if [ -z "$child" ]; then say "FAIL worker lost: no worker process found to kill"; fail=1
elif [ $rc -ne 0 ]; then say "FAIL worker lost: exit $rc"; cat "$tmp/lost.err"; fail=1
elif ! grep -q 'a solver worker ended by signal 9 without a result' "$tmp/lost.err"; then
    say "FAIL worker lost: no warning"; cat "$tmp/lost.err"; fail=1
elif ! "$TOOLS/plan_check" "$tmp/k2000" "$tmp/lost" >"$tmp/lost.chk" 2>&1; then say "FAIL worker lost: plan_check"; tail -5 "$tmp/lost.chk"; fail=1
else say "ok   a worker killed with SIGKILL: exit 0, a warning, a valid plan ($(status_of "$tmp/lost"))"; fi

# 12. GLPK's tree keeps the time limit too: it times its first LP and its
# tree apart, each with the whole limit, so national 150 (91 k non-zeros,
# solved whole) at --time-limit 6 ended after 8.6-9.1 s (twenty-fifth
# session). The tree now gets what is left when it starts (5.9 s here).
"$SAMPLAN" generate --preset national --participants 150 --seed 1 -o "$tmp/n150" >/dev/null 2>&1 ||
    { say "FAIL: generate 150"; exit 1; }
within_limit "GLPK's tree at 6 s" "$tmp/n150" 6 7000

exit $fail
