#!/bin/sh
# bench/run.sh quick|full — samplan benchmarks (bench/README.md).
#
# For each generated instance (preset, participants, seed): samplan end to
# end, the plain level-1 program (`samplan export --plain`) under glpsol and
# cbc, the greedy gross-list baseline, and plan_check on samplan's plan.
# Then the OR-Library capacitated warehouse instances through
# bench/orlib2scenario. Results: bench/results/<mode>-<date>.csv,
# bench/results/orlib-<mode>-<date>.csv, and the tables and plot made by
# bench/report.sh (<mode>-<date>.md, <mode>-<date>.svg).
#
# Environment: SAMPLAN, TOOLS (optimised tools, default build/tools),
# ORLIB (the cap files), BENCH_WORK (scratch, default build/bench/<mode>),
# BENCH_ONLY=instances|orlib to run one part, BENCH_MEM_KB (virtual memory
# limit per run, default 8 GB); BENCH_INSTANCES (lines "preset n seed
# limit climit [variant]") and BENCH_ORLIB_SET override the lists.
# POSIX sh + awk; needs /usr/bin/time (GNU time), glpsol, cbc (rows are
# marked n/a when a solver is missing).
set -u
MODE=${1:-quick}
case $MODE in quick|full) ;; *) echo "usage: sh bench/run.sh quick|full" >&2; exit 2 ;; esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SAMPLAN=${SAMPLAN:-$ROOT/build/samplan}
TOOLS=${TOOLS:-$ROOT/build/tools}
ORLIB=${ORLIB:-$ROOT/../shared/external/orlib-cap}
WORK=${BENCH_WORK:-$ROOT/build/bench/$MODE}
MEMKB=${BENCH_MEM_KB:-8388608}
ONLY=${BENCH_ONLY:-}
DATE=$(date +%Y-%m-%d)
RES=$ROOT/bench/results
CSV=$RES/$MODE-$DATE.csv
OCSV=$RES/orlib-$MODE-$DATE.csv
TIME=/usr/bin/time

for f in "$SAMPLAN" "$TOOLS/greedy_run" "$TOOLS/plan_check" "$TOOLS/orlib2scenario"; do
    [ -x "$f" ] || { echo "bench: $f missing (run make bench-quick)" >&2; exit 2; }
done
[ -x $TIME ] || { echo "bench: /usr/bin/time missing (sh scripts/install-deps.sh --bench)" >&2; exit 2; }
HAVE_GLPSOL=0; command -v glpsol >/dev/null 2>&1 && HAVE_GLPSOL=1
HAVE_CBC=0; command -v cbc >/dev/null 2>&1 && HAVE_CBC=1
mkdir -p "$WORK" "$RES"

# Instances: preset participants seed samplan_limit_s competitor_limit_s
# [variant] (competitor limit 0 = glpsol/cbc not run: the plain LP is too
# large). `alone` variants split into one block per municipality with a
# centre (docs/model.md, reduction 6).
if [ "$MODE" = quick ]; then
    INSTANCES="sikt-inland 200 1 10 10
kronoberg 300 1 10 10
kronoberg 2000 1 10 10
national 500 1 10 10
national 1000 1 10 10
national 2000 1 10 10
kronoberg 2000 1 10 10 alone
national 5000 1 10 10 alone"
    ORLIB_SET="cap41 cap42 cap43 cap44 cap51 cap61 cap62 cap63 cap64 cap71 cap72 cap73 cap74
cap81 cap82 cap83 cap84 cap91 cap92 cap93 cap94 cap101 cap102 cap103 cap104
cap111 cap112 cap113 cap114 cap121 cap122 cap123 cap124 cap131 cap132 cap133 cap134"
    ORLIB_LIMIT=60
else
    # Largest first: the 50 000 target matters most if the run is cut short.
    INSTANCES="national 50000 1 120 0
national 50000 1 120 0 alone
national 20000 1 120 0
national 10000 1 120 0
national 5000 1 120 60
national 2000 1 120 60
sikt-inland 200 1 120 60
norra-vastmanland 240 1 120 60
kronoberg 300 1 120 60
lysekil 256 1 120 60
skelleftea-norsjo 160 1 120 60"
    ORLIB_SET="capa capb capc"
    ORLIB_LIMIT=300
fi

[ -n "${BENCH_INSTANCES:-}" ] && INSTANCES=$BENCH_INSTANCES
[ -n "${BENCH_ORLIB_SET:-}" ] && ORLIB_SET=$BENCH_ORLIB_SET
now() { date +%s; }
log() { echo "bench: $*" >&2; }
# val FILE KEY: a number/string value of "KEY": in a pretty-printed JSON file.
val() {
    sed -n "s/^ *\"$2\": *\"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\} *$/\1/p" "$1" 2>/dev/null | head -n 1
}
# timed FILE CMD…: runs CMD under GNU time (wall s, peak RSS kB in FILE) and
# the memory limit; returns CMD's exit status.
timed() {
    tf=$1; shift
    ( ulimit -v "$MEMKB" 2>/dev/null; exec $TIME -f "%e %M" -o "$tf" "$@" </dev/null )
}
tget() { awk -v k="$2" 'NF == 2 && $1 ~ /^[0-9.]+$/ { w = $1; m = $2 } END { print (k == 1 ? w : m) }' "$1" 2>/dev/null; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "n/a" || b == "n/a" || b + 0 == 0) print "n/a"; else printf "%.3g\n", a / b }'; }

T0=$(now)
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine: $(uname -srm), $(nproc 2>/dev/null || echo '?') cores, $(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo 2>/dev/null | head -n 1), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null) RAM"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
    echo "compiler: $(${CC:-cc} --version 2>/dev/null | head -n 1)"
    echo "glpk: $(glpsol --version 2>/dev/null | head -n 1)"
    echo "cbc: $(cbc -quit 2>/dev/null </dev/null | sed -n 's/^Version: *//p' | head -n 1)"
    echo "samplan: $("$SAMPLAN" --version 2>/dev/null)"
    echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null) dirty: $(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | awk '{ printf "%s ", $2 }')"
} >"$RES/$MODE-$DATE.env"

# ---------------------------------------------------------------- instances
if [ "$ONLY" != orlib ]; then
echo "mode,instance,preset,seed,municipalities,participants,classes,slot_classes,rows,cols,nonzeros,build_s,value_s,cost_s,limit_s,wall_s,rss_kb,status,value,cost,bound,gap,plan_check,plain_rows,plain_cols,plain_nonzeros,export_s,glpsol_s,glpsol_rss_kb,glpsol_status,glpsol_value,glpsol_bound,glpsol_time_ratio,cbc_s,cbc_rss_kb,cbc_status,cbc_value,cbc_bound,cbc_time_ratio,greedy_s,greedy_value,greedy_cost,greedy_assigned,value_ratio,bound_s,load_s,cost_bound,cost_gap" >"$CSV"
echo "$INSTANCES" | while read -r preset n seed lim clim variant; do
    [ -n "$preset" ] || continue
    inst="$preset-$n-s$seed${variant:+-$variant}"
    # set -- cannot carry an empty word through the unquoted expansions below
    V=${variant:+--variant $variant}
    d=$WORK/$inst
    rm -rf "$d"; mkdir -p "$d"
    log "$inst: generate ($(($(now) - T0)) s elapsed)"
    if ! "$SAMPLAN" generate --preset "$preset" --participants "$n" --seed "$seed" -o "$d/scenario" >"$d/generate.out" 2>&1 </dev/null; then
        log "$inst: generate failed"; continue
    fi
    munis=$(($(wc -l <"$d/scenario/municipalities.csv") - 1))
    people=$(($(wc -l <"$d/scenario/participants.csv") - 1))

    log "$inst: samplan solve (limit $lim s)"
    timed "$d/samplan.time" "$SAMPLAN" solve "$d/scenario" $V -o "$d/plan" --force --time-limit "$lim" >"$d/samplan.out" 2>"$d/samplan.err"
    src=$?
    wall=$(tget "$d/samplan.time" 1); rss=$(tget "$d/samplan.time" 2)
    prog=$(grep '^samplan: program ' "$d/samplan.err" | tail -n 1)
    set -- $(echo "$prog" | awk '{
        r = c = z = k = sc = b = v = o = bd = ld = "n/a"
        for (i = 1; i <= NF; i++) {
            if ($(i+1) == "rows,") r = $i
            if ($(i+1) == "columns,") c = $i
            if ($(i+1) == "non-zeros") z = $i
            if ($(i+1) == "participant") { k = $i; sub(/^\(/, "", k) }
            if ($(i+1) == "slot") sc = $i
            if ($i == "build") b = $(i+1)
            if ($i == "value") v = $(i+1)
            if ($i == "cost") o = $(i+1)
            if ($i == "bound") bd = $(i+1)
            if ($i == "load") ld = $(i+1)
        }
        print r, c, z, k, sc, b, v, o, bd, ld }')
    rows=${1:-n/a} cols=${2:-n/a} nz=${3:-n/a} classes=${4:-n/a} sclasses=${5:-n/a} tb=${6:-n/a} tv=${7:-n/a} tc=${8:-n/a} tbd=${9:-n/a} tld=${10:-n/a}
    if [ $src -le 1 ] && [ -f "$d/plan/summary.json" ]; then
        s=$d/plan/summary.json
        status=$(val "$s" status); value=$(val "$s" value); cost=$(val "$s" cost)
        bound=$(val "$s" bound); gap=$(val "$s" gap)
        cbound=$(val "$s" cost_bound); cgap=$(val "$s" cost_gap)
        if "$TOOLS/plan_check" "$d/scenario" "$d/plan" $V >"$d/check.out" 2>&1 </dev/null; then chk=ok; else chk=fail; fi
    else
        status="exit$src"; value=n/a; cost=n/a; bound=n/a; gap=n/a; chk=n/a; cbound=n/a; cgap=n/a
    fi

    log "$inst: greedy gross list"
    gout=$("$TOOLS/greedy_run" "$d/scenario" "$d/greedy" gross $V 2>"$d/greedy.err" </dev/null)
    gs=$(echo "$gout" | sed -n 's/.*seconds=\([^ ]*\).*/\1/p'); gs=${gs:-n/a}
    gv=$(echo "$gout" | sed -n 's/.*value=\([^ ]*\).*/\1/p'); gv=${gv:-n/a}
    gc=$(echo "$gout" | sed -n 's/.*cost=\([^ ]*\).*/\1/p'); gc=${gc:-n/a}
    ga=$(echo "$gout" | sed -n 's/.*assigned=\([^ ]*\).*/\1/p'); ga=${ga:-n/a}
    vr=$(ratio "$value" "$gv")

    prow=n/a pcol=n/a pnz=n/a ex=n/a
    gls=n/a glr=n/a glst=n/a glv=n/a glb=n/a glratio=n/a
    cbs=n/a cbr=n/a cbst=n/a cbv=n/a cbb=n/a cbratio=n/a
    if [ "$clim" -gt 0 ]; then
        log "$inst: export --plain"
        if timed "$d/export.time" "$SAMPLAN" export "$d/scenario" $V --lp "$d/plain.lp" --plain >"$d/export.out" 2>&1; then
            ex=$(tget "$d/export.time" 1)
            set -- $(sed -n 's/.*(\([0-9]*\) rows, \([0-9]*\) columns, \([0-9]*\) non-zeros.*/\1 \2 \3/p' "$d/export.out")
            prow=${1:-n/a} pcol=${2:-n/a} pnz=${3:-n/a}
            if [ $HAVE_GLPSOL = 1 ]; then
                log "$inst: glpsol --tmlim $clim"
                timed "$d/glpsol.time" timeout -k 5 $((clim + 20)) glpsol --lp "$d/plain.lp" --tmlim "$clim" -o "$d/glpsol.sol" >"$d/glpsol.log" 2>&1
                [ $? = 124 ] && glst="killed-at-$((clim + 20))s"
                gls=$(tget "$d/glpsol.time" 1); glr=$(tget "$d/glpsol.time" 2)
                case ${glst:-} in killed*) ;; *)
                    glst=$(sed -n 's/^Status: *//p' "$d/glpsol.sol" 2>/dev/null | tr ' ' '-' | tr 'A-Z' 'a-z')
                    glst=${glst:-none} ;; esac
                glv=$(sed -n 's/^Objective: *[^=]*= *\([^ ]*\).*/\1/p' "$d/glpsol.sol" 2>/dev/null); glv=${glv:-n/a}
                case $glst in *undefined*|none) glv=n/a ;; esac
                glb=$(awk '/mip =/ { for (i = 1; i <= NF; i++) if ($i == "<=" || $i == ">=") b = $(i+1) } END { if (b == "" || b ~ /tree/) b = "n/a"; print b }' "$d/glpsol.log")
                glratio=$(ratio "$gls" "$wall")
            fi
            if [ $HAVE_CBC = 1 ]; then
                log "$inst: cbc sec $clim"
                # cbc checks `sec` only between phases: on large programs it
                # runs far past it, so a hard stop at limit + 20 s.
                timed "$d/cbc.time" timeout -k 5 $((clim + 20)) cbc "$d/plain.lp" sec "$clim" solve >"$d/cbc.log" 2>&1
                [ $? = 124 ] && killed=1 || killed=0
                cbs=$(tget "$d/cbc.time" 1); cbr=$(tget "$d/cbc.time" 2)
                cbst=$(sed -n 's/^Result - *//p' "$d/cbc.log" | head -n 1 | tr ' ' '-' | tr 'A-Z' 'a-z')
                cbst=${cbst:-none}
                [ $killed = 1 ] && cbst="killed-at-$((clim + 20))s"
                cbv=$(sed -n 's/^Objective value: *\([^ ]*\).*/\1/p' "$d/cbc.log" | head -n 1); cbv=${cbv:-n/a}
                cbb=$(sed -n 's/^Upper bound: *\([^ ]*\).*/\1/p' "$d/cbc.log" | head -n 1); cbb=${cbb:-n/a}
                cbratio=$(ratio "$cbs" "$wall")
            fi
            rm -f "$d/plain.lp"
        else
            log "$inst: export failed"
        fi
    fi
    echo "$MODE,$inst,$preset,$seed,$munis,$people,$classes,$sclasses,$rows,$cols,$nz,$tb,$tv,$tc,$lim,$wall,$rss,$status,$value,$cost,$bound,$gap,$chk,$prow,$pcol,$pnz,$ex,$gls,$glr,$glst,$glv,$glb,$glratio,$cbs,$cbr,$cbst,$cbv,$cbb,$cbratio,$gs,$gv,$gc,$ga,$vr,$tbd,$tld,$cbound,$cgap" >>"$CSV"
    log "$inst: $status value=$value bound=$bound wall=${wall}s rss=${rss}kB check=$chk glpsol=$glst/${gls}s cbc=$cbst/${cbs}s greedy=$gv"
done
fi

# ---------------------------------------------------------------- OR-Library
if [ "$ONLY" != instances ]; then
echo "mode,instance,warehouses,customers,participants,capacity,rows,cols,nonzeros,limit_s,wall_s,rss_kb,status,value,cost,optimum,abs_diff,rel_diff,match,plan_check,cost_bound" >"$OCSV"
for name in $ORLIB_SET; do
    cf=$ORLIB/$name.txt
    [ -f "$cf" ] || { log "$name: $cf missing"; continue; }
    d=$WORK/orlib/$name
    rm -rf "$d"; mkdir -p "$d"
    conv=$("$TOOLS/orlib2scenario" "$cf" "$d/scenario" "$ORLIB_LIMIT") || { log "$name: conversion failed"; continue; }
    set -- $(echo "$conv" | sed -n 's/.*m=\([0-9]*\) n=\([0-9]*\) skipped=[0-9]* participants=\([0-9]*\) capacity=\([0-9]*\).*/\1 \2 \3 \4/p')
    m=$1 n=$2 people=$3
    cap=$(awk 'NR == 2 { print $1 }' "$cf")
    opt=$(awk -v nm="$name" -v cap="$cap" '
        NR > 1 && $1 !~ /^[0-9]/ { cur = $1; v = $2; c = $0 }
        NR > 1 && $1 ~ /^[0-9]/  { v = $1; c = $0 }
        NR > 1 && cur == nm {
            if (index(c, "capacity")) { if (index(c, "capacity " cap ")")) { print v; exit } }
            else if (v != "") { print v; exit }
        }' "$ORLIB/cpopt.txt")
    log "$name: samplan solve ($people participants)"
    timed "$d/samplan.time" "$SAMPLAN" solve "$d/scenario" -o "$d/plan" --force --time-limit "$ORLIB_LIMIT" >"$d/samplan.out" 2>"$d/samplan.err"
    wall=$(tget "$d/samplan.time" 1); rss=$(tget "$d/samplan.time" 2)
    set -- $(grep '^samplan: program ' "$d/samplan.err" | tail -n 1 | awk '{ print $3, $5, $7 }')
    rows=${1:-n/a} cols=${2:-n/a} nz=${3:-n/a}
    s=$d/plan/summary.json
    if [ -f "$s" ]; then
        status=$(val "$s" status); value=$(val "$s" value); cost=$(val "$s" cost)
        cbound=$(val "$s" cost_bound)
        # plan_check needs ~8 s per 58 268-participant plan: in quick mode
        # only the first instance of each size (cap41, cap81, cap111).
        case "$MODE $name" in
        "quick cap41"|"quick cap81"|"quick cap111"|full*)
            if "$TOOLS/plan_check" "$d/scenario" "$d/plan" >"$d/check.out" 2>&1 </dev/null; then chk=ok; else chk=fail; fi ;;
        *) chk=skipped ;;
        esac
    else
        status=none value=n/a cost=n/a chk=n/a cbound=n/a
    fi
    set -- $(awk -v c="$cost" -v o="$opt" 'BEGIN {
        if (c == "n/a" || o == "") { print "n/a n/a no"; exit }
        a = c - o; if (a < 0) a = -a; r = a / o
        printf "%.6g %.3g %s\n", a, r, (r <= 1e-6 ? "yes" : "no") }')
    echo "$MODE,$name,$m,$n,$people,$cap,$rows,$cols,$nz,$ORLIB_LIMIT,$wall,$rss,$status,$value,$cost,$opt,$1,$2,$3,$chk,$cbound" >>"$OCSV"
    log "$name: $status cost=$cost optimum=$opt diff=$1 wall=${wall}s check=$chk"
done
fi

sh "$ROOT/bench/report.sh" "$MODE" "$DATE"
log "done in $(($(now) - T0)) s: $CSV $OCSV"
