#!/usr/bin/env bash
# The benchmark, one command from a clean clone (needs a JDK 17, curl and wrk: `apt-get install wrk`).
#
#   bench/run.sh            full run: ~30 min on 2 cores; rollups at 1×, 2× and 4× national scale
#   bench/run.sh --quick    CI smoke: small dataset, 3 s per measurement, no scaled datasets
#   options: --seed N (dataset seed, default 13)  --seconds N (per wrk measurement)  --scales "1 2 4 10"
#            --port P (service, default 18105)  --pg-port P (PostgreSQL, default 18115)
#            --puts N (report bodies for the six submission runs; quick default 2,000 is too few once a run
#            passes ~130 submissions/s: the runs then repeat bodies, "wrapped" in the table)
#
# Builds the service, starts a durable PostgreSQL (fsync and synchronous commit on, as the service's own
# embedded one) and the packaged service on it as an external database, generates the dataset from the
# seed (bench/work/), loads it through the public API with concurrent clients (units, then reports), and
# prints one table: every figure next to what it is compared with, measured in the same run.
# Load comes from wrk on loopback, each measurement bounded in time; wrk, the service and PostgreSQL share
# the machine's cores, so ratios matter more than absolute figures.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

QUICK=0 SEED=13 SECONDS_EACH=10 SCALES="1 2 4" PORT=18105 PG_PORT=18115 PUTS_OPT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1; SECONDS_EACH=3; SCALES="" ;;
    --seed) SEED=$2; shift ;;
    --seconds) SECONDS_EACH=$2; shift ;;
    --scales) SCALES=$2; shift ;;
    --port) PORT=$2; shift ;;
    --pg-port) PG_PORT=$2; shift ;;
    --puts) PUTS_OPT=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
# departments registered through the API per county (the national dataset has 10; registration is slow
# on a shared machine and is not what is measured) and report bodies prepared for the submission runs
if [ "$QUICK" = 1 ]; then DEPARTMENTS=0 PUTS=2000; else DEPARTMENTS=${BENCH_DEPARTMENTS:-1} PUTS=40000; fi
PUTS=${PUTS_OPT:-$PUTS}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
WORK=$ROOT/bench/work
BASE=http://127.0.0.1:$PORT
TOKEN=bench-admin-token-$SEED-0123456789abcdef
export BENCH_TOKEN=$TOKEN
# the deployment's JVM flags (deploy/Dockerfile uses the same): a 256 MiB heap keeps the RSS under 512 MiB
JVM_OPTS=${NIANBAO_JVM_OPTS:-"-Xms256m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k"}

PG_PID="" SVC_PID=""
cleanup() {
  [ -n "$SVC_PID" ] && kill "$SVC_PID" 2>/dev/null && wait "$SVC_PID" 2>/dev/null || true
  [ -n "$PG_PID" ] && kill "$PG_PID" 2>/dev/null && wait "$PG_PID" 2>/dev/null || true
}
trap cleanup EXIT

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }

log "build (package, test classes, benchmark classpath)"
rm -rf "$WORK"; mkdir -p "$WORK"
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
# run from a copy, so that the checkout can be rebuilt while the benchmark runs
cp -r target/quarkus-app target/classes target/test-classes "$WORK/"
CP="$WORK/test-classes:$WORK/classes:$(cat "$WORK/cp.txt")"
tool() { java -Xmx1g -cp "$CP" org.nianbao.bench.BenchTool "$@"; }

log "PostgreSQL 17 (durable) on port $PG_PORT"
java -cp "$CP" org.nianbao.bench.BenchTool pg "$WORK/pgdata" "$PG_PORT" >"$WORK/pg.log" 2>&1 & # its pid, not a subshell's
PG_PID=$!
until grep -q "PG READY" "$WORK/pg.log" 2>/dev/null; do
  kill -0 "$PG_PID" 2>/dev/null || { cat "$WORK/pg.log" >&2; exit 1; }
  sleep 0.2
done
PG=jdbc:postgresql://127.0.0.1:$PG_PORT
pg_pids() { local pm; pm=$(head -1 "$WORK/pgdata/postmaster.pid"); echo "$pm $(ps -o pid= --ppid "$pm" | tr '\n' ' ')"; }
# user and system CPU ticks of a set of processes
ticks() { local u=0 s=0 f; for p in "$@"; do f=($(cut -d' ' -f14,15 "/proc/$p/stat" 2>/dev/null || echo "0 0")); u=$((u + f[0])); s=$((s + f[1])); done; echo "$u $s"; }

# start_service DB: starts the packaged service on database DB; sets SVC_PID and READY_MS
start_service() {
  # fair use (429 per client) is off: the benchmark is one client measuring the service's capacity
  local t0; t0=$(date +%s%N)
  QUARKUS_DATASOURCE_JDBC_URL=$PG/$1 QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    PORT=$PORT NIANBAO_ADMIN_TOKEN=$TOKEN NIANBAO_FAIR_USE_ENABLED=false java $JVM_OPTS $CDS_OPTS -jar "$WORK/quarkus-app/quarkus-run.jar" \
    >"$WORK/service-$1.log" 2>&1 &
  SVC_PID=$!
  until curl -sf "$BASE/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$SVC_PID" 2>/dev/null || { tail -50 "$WORK/service-$1.log" >&2; exit 1; }
    sleep 0.05
  done
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop_service() { kill "$SVC_PID"; wait "$SVC_PID" 2>/dev/null || true; SVC_PID=""; }
rss_peak() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SVC_PID/status"; }

# wrk_run NAME CONNECTIONS FILE FIRST COUNT: one time-bounded wrk run; prints its RESULT line
wrk_run() {
  local name=$1 conns=$2 file=$3 first=${4:-0} count=${5:-1000000000} threads=2
  [ "$conns" -lt 2 ] && threads=1
  local out
  out=$(wrk -t"$threads" -c"$conns" -d"${SECONDS_EACH}s" --timeout 10s -s bench/lua/replay.lua "$BASE" \
    -- "$file" "$first" "$count" "$threads" | grep '^RESULT')
  echo "$name $out" | tee -a "$WORK/results.txt" >&2
}
# warm NAME CONNECTIONS FILE [FIRST COUNT]: unmeasured runs until the JIT has settled: at most
# $WARM_RUNS runs, ending early after one during which fewer than $WARM_COMPILES methods were compiled
# (HotSpot's own counter). With wrk on the same two cores, C2 competes with the service for CPU; a
# single warm-up run left it compiling a fifth of the CPU time through the measured run. Each run
# after the first starts COUNT bodies further on (submissions: new reports, not replays).
WARM_RUNS=$([ "$QUICK" = 1 ] && echo 1 || echo 4) WARM_COMPILES=30
compiles() { { jcmd "$SVC_PID" PerfCounter.print 2>/dev/null || true; } | sed -n 's/^sun.ci.totalCompiles=//p'; }
warm() {
  local name=$1 conns=$2 file=$3 first=${4:-0} count=${5:-1000000000} i c0 c1
  for ((i = 1; i <= WARM_RUNS; i++)); do
    c0=$(compiles)
    wrk_run "warm-$name-$i" "$conns" "$file" "$first" "$count"
    c1=$(compiles)
    echo "warm-$name-$i compiled $((${c1:-0} - ${c0:-0})) methods" >&2
    if [ $((${c1:-0} - ${c0:-0})) -lt "$WARM_COMPILES" ]; then break; fi
    if [ -n "${5:-}" ]; then first=$((first + count)); fi
  done
  return 0
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
result() { grep "^$1 " "$WORK/results.txt" | tail -1; }

log "service: first start on an empty database (migrations), then a restart"
tool createdb "$PG/postgres" bench
# the first start records the classes it loads into a class-data archive, written when it stops
# (-XX:ArchiveClassesAtExit); every later start maps that archive instead of loading and verifying
# those classes again (AppCDS; deploy/README.md shows the same two steps for a deployment)
rm -f "$WORK/app-cds.jsa"
CDS_OPTS="-XX:ArchiveClassesAtExit=$WORK/app-cds.jsa -Xlog:cds=off"
start_service bench; FIRST_READY_MS=$READY_MS; stop_service
CDS_OPTS=""
[ -s "$WORK/app-cds.jsa" ] && CDS_OPTS="-XX:SharedArchiveFile=$WORK/app-cds.jsa"
start_service bench; RESTART_READY_MS=$READY_MS
log "ready in $FIRST_READY_MS ms (first, with migrations), $RESTART_READY_MS ms (restart)"

log "dataset: seed $SEED, $DEPARTMENTS departments per county, $PUTS report bodies"
tool files "$PG/bench" "$WORK" "$SEED" "$DEPARTMENTS" "$PUTS" >&2
log "load through the API: register the departments"
tool replay "$BASE" "$WORK/units.tsv" 16 "$TOKEN" | tee -a "$WORK/results.txt" >&2

# paired NAME FILE: /q/health/live, then NAME, back to back: the machine's load moves between runs, so each
# rate is compared with the health rate measured just before it
paired() {
  wrk_run "health-$1" 16 "$WORK/health.txt"
  wrk_run "$1" 16 "$2"
}
log "reads and dry runs (16 connections, ${SECONDS_EACH}s each, each after /q/health/live)"
echo /q/health/live >"$WORK/health.txt"; echo /api/v1/catalogue >"$WORK/catalogue.txt"
# unmeasured first: the dry run is the service's first work after its start, and C2 compiled it during the
# measured run (like the submission and rollup runs below, which have their own warm-up)
warm validate 16 "$WORK/validate.tsv"
paired validate "$WORK/validate.tsv"
wrk_run unit-cold 16 "$WORK/unit-paths.txt" # first reads fill the unit cache; the next run is measured
paired unit "$WORK/unit-paths.txt"
paired region "$WORK/region-paths.txt"
paired catalogue "$WORK/catalogue.txt"

log "submissions: new reports, 1 / 4 / 16 / 32 clients (the profiled run comes last, after the rollups)"
# the bodies in slices: up to WARM_RUNS for the warm-up, then one per measured run and the profiled run
PER_RUN=$(( $(wc -l <"$WORK/puts.tsv") / (WARM_RUNS + 5) ))
# unmeasured runs first: the submission path is otherwise compiled during the 1-client run
warm submit 16 "$WORK/puts.tsv" 0 "$PER_RUN"
FIRST=$(( WARM_RUNS * PER_RUN ))
for c in 1 4 16 32; do
  wrk_run "submit-c$c" "$c" "$WORK/puts.tsv" "$FIRST" "$PER_RUN"
  FIRST=$(( FIRST + PER_RUN ))
done
# the submissions leave autovacuum work behind: wait for it (what slowed these dry runs down in earlier
# runs was the JFR recording before them, now at the end)
tool quiet "$PG/bench" 300 >&2
warm validate-unit 16 "$WORK/validate-unit.tsv"
paired validate-unit "$WORK/validate-unit.tsv"
log "raw JDBC insert of the same rows (16 clients)"
tool raw "$PG/bench" 16 "$SECONDS_EACH" "$SEED" | tee -a "$WORK/results.txt" >&2
log "imports"
tool imports "$BASE" 4 "$SECONDS_EACH" "$TOKEN" | tee -a "$WORK/results.txt" >&2
RSS_WRITE_MB=$(rss_peak) # the high-water mark under write load, before the rollup cache and the profiler

# cold LABEL LEVEL: each rollup of the level requested once, one at a time, before any other request for it:
# the figure of a rollup computed from the summary rows (not answered from memory); p50/p99 in ms
cold() {
  head -100 "$WORK/rollups-$2.txt" | while read -r path; do
    curl -s -o /dev/null -w '%{time_total}\n' "$BASE$path"
  done | sort -n | awk -v name="cold-$1-$2" '{ t[NR] = $1 * 1000 } END {
    p50 = t[int((NR - 1) * 0.50) + 1]; p99 = t[int((NR - 1) * 0.99) + 1]
    printf "%s RESULT requests=%d p50_ms=%.2f p99_ms=%.2f\n", name, NR, p50, p99 }' | tee -a "$WORK/results.txt" >&2
}
rollups() { # LABEL DB REPORTS
  for level in NATION PROVINCE CITY COUNTY; do
    cold "$1" "$level"
  done
  # the rollup code is then still being compiled (C2 took 60% of the JVM's CPU in the first seconds
  # after a start): one unmeasured run over every level first, as a service that has run a while
  cat "$WORK"/rollups-{NATION,PROVINCE,CITY,COUNTY}.txt >"$WORK/rollups-all.txt"
  wrk_run "warm-$1" 4 "$WORK/rollups-all.txt"
  for level in NATION PROVINCE CITY COUNTY; do
    wrk_run "rollup-$1-$level" 4 "$WORK/rollups-$level.txt"
  done
  # the framework's floor at the same 4 connections: a constant answer, no database
  wrk_run "health4-$1" 4 "$WORK/health.txt"
  tool sql "$PG/$2" "$WORK" 2024 "$([ "$QUICK" = 1 ] && echo 20 || echo 100)" | sed "s/^SQL /SQL-$1 /" \
    | tee -a "$WORK/results.txt" >&2
}
log "rollups on the API-loaded database"
rollups api bench
RSS_ROLLUPS_MB=$(rss_peak)
log "submissions, profiled (16 clients)"
# the profiled run, last on this service: pg_stat_statements, pg_stat_activity samples, JFR, CPU ticks of the
# JVM and PostgreSQL. A JFR recording (settings=profile) leaves the service slower after it stops: dry runs
# with unit/year measured 1,325/s before one and 548–641/s in the 18 s after it, on the same warm service
tool statements "$PG/bench" reset
java -cp "$CP" org.nianbao.bench.BenchTool locks "$PG/bench" "$SECONDS_EACH" >"$WORK/locks.txt" &
LOCKS_PID=$!
until grep -q "LOCKS READY" "$WORK/locks.txt" 2>/dev/null; do sleep 0.1; done
jcmd "$SVC_PID" JFR.start name=submit settings=profile filename="$WORK/submit.jfr" >/dev/null
JVM0=$(ticks "$SVC_PID"); PG0=$(ticks $(pg_pids))
wrk_run submit-profiled 16 "$WORK/puts.tsv" "$FIRST" "$PER_RUN"
JVM1=$(ticks "$SVC_PID"); PG1=$(ticks $(pg_pids))
jcmd "$SVC_PID" JFR.stop name=submit >/dev/null
wait "$LOCKS_PID"
NP=$(field "$(result submit-profiled)" requests)
tool statements "$PG/bench" "$NP" >"$WORK/statements.txt"
read -r ju0 js0 <<<"$JVM0"; read -r ju1 js1 <<<"$JVM1"; read -r pu0 ps0 <<<"$PG0"; read -r pu1 ps1 <<<"$PG1"
echo "CPU over ${SECONDS_EACH}s, $NP submissions (ticks of 1/$(getconf CLK_TCK) s): JVM user $((ju1-ju0)) sys $((js1-js0)); PostgreSQL user $((pu1-pu0)) sys $((ps1-ps0))" >"$WORK/cpu.txt"
RSS_PROFILED_MB=$(rss_peak)
stop_service

: >"$WORK/scales.txt"
for s in $SCALES; do
  log "rollups at ${s}× national scale (COPY load, then the service on it)"
  tool createdb "$PG/postgres" "scale$s"
  start_service "scale$s"
  out=$(tool national "$PG/scale$s" "$s" | tee -a "$WORK/results.txt")
  echo "$out" >&2
  reports=$(sed -n 's/.* reports=\([0-9]*\).*/\1/p' <<<"$out")
  rollups "x$s" "scale$s"
  for level in NATION PROVINCE CITY COUNTY; do
    r=$(result "rollup-x$s-$level")
    echo "$(awk -v n="$reports" 'BEGIN {printf "%.3f", n / 1e6}') $level $(field "$r" p50_ms) $(field "$r" p99_ms)" >>"$WORK/scales.txt"
  done
  stop_service
  tool createdb "$PG/postgres" "scale$s" # drop the data again (disk)
done
if [ -s "$WORK/scales.txt" ]; then
  tool chart "$WORK/scales.txt" "$ROOT/bench/rollup-p99.png" >&2
fi

# ---- the table --------------------------------------------------------------------------------------------
rps() { field "$(result "$1")" rps; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "-" }'; }
RAW=$(sed -n 's/^RAW .* rate=\([^ ]*\).*/\1/p' "$WORK/results.txt")
{
  echo
  echo "== Nianbao benchmark — $(date -u +%FT%TZ), $(nproc) cores ($(uptime | sed 's/.*load average/load average/')), seed $SEED$([ "$QUICK" = 1 ] && echo ', QUICK')"
  echo
  echo "| what | figure | compared with (same run) | ratio |"
  echo "|---|---|---|---|"
  for c in 1 4 16 32; do
    r=$(result "submit-c$c")
    echo "| PUT new reports, $c client(s) | $(field "$r" rps)/s, p50 $(field "$r" p50_ms) ms, p99 $(field "$r" p99_ms) ms (non-2xx $(field "$r" non2xx), wrapped $(field "$r" wrapped)) | raw JDBC insert of the same rows, 16 clients: $RAW reports/s | $(pct "$(field "$r" rps)" "$RAW") |"
  done
  for w in validate validate-unit unit region catalogue; do
    r=$(result "$w"); h=$(rps "health-$w")
    echo "| $w (16 connections) | $(field "$r" rps)/s, p99 $(field "$r" p99_ms) ms | /q/health/live just before: $h/s | $(pct "$(field "$r" rps)" "$h") |"
  done
  for label in api $(for s in $SCALES; do echo "x$s"; done); do
    for level in NATION PROVINCE CITY COUNTY; do
      r=$(result "rollup-$label-$level"); q=$(grep "^SQL-$label level=$level " "$WORK/results.txt" || true)
      [ -z "$r" ] && continue
      k=$(result "cold-$label-$level"); f=$(result "health4-$label")
      echo "| rollup $label $level (4 connections) | p50 $(field "$r" p50_ms) ms, p99 $(field "$r" p99_ms) ms; first request of each rollup (computed, one at a time): p50 $(field "$k" p50_ms) / p99 $(field "$k" p99_ms) ms | hand-written SQL p50 $(field "$q" direct_p50) / p99 $(field "$q" direct_p99) ms; summary rows alone, 1 client p50 $(field "$q" summary_p50) / p99 $(field "$q" summary_p99) ms, 4 clients p50 $(field "$q" summary4_p50) / p99 $(field "$q" summary4_p99) ms; /q/health/live at 4 connections p50 $(field "$f" p50_ms) / p99 $(field "$f" p99_ms) ms | p99 vs summary rows at 4 clients: $(awk -v a="$(field "$r" p99_ms)" -v b="$(field "$q" summary4_p99)" 'BEGIN { if (b > 0) printf "%.1f×", a / b }') (at 1 client: $(awk -v a="$(field "$r" p99_ms)" -v b="$(field "$q" summary_p99)" 'BEGIN { if (b > 0) printf "%.1f×", a / b }')); vs health at 4 connections: $(awk -v a="$(field "$r" p99_ms)" -v b="$(field "$f" p99_ms)" 'BEGIN { if (b > 0) printf "%.1f×", a / b }') |"
    done
  done
  sed -n 's/^IMPORT type=\([^ ]*\) bytes=\([0-9]*\) clients=\([0-9]*\) docs_per_s=\([^ ]*\) p50_ms=\([^ ]*\) p99_ms=\([^ ]*\)/| import \1 (\2 bytes, \3 clients) | \4 documents\/s, p50 \5 ms, p99 \6 ms | | |/p' "$WORK/results.txt"
  sed -n 's/^REPLAY file=units.tsv clients=\([0-9]*\) requests=\([0-9]*\) seconds=[^ ]* rate=\([^ ]*\).*/| POST \/units (load through the API, \1 clients) | \3\/s (\2 units) | | |/p' "$WORK/results.txt"
  sed -n 's/^NATIONAL scale=\([0-9]*\) units=\([0-9]*\) reports=\([0-9]*\) table_rows=\([0-9]*\) millis=\([0-9]*\)/| national dataset \1× (units, COPY of the reports, rollup rebuild, VACUUM ANALYZE) | \2 units, \3 reports, \4 table rows in \5 ms | | |/p' "$WORK/results.txt"
  echo "| peak RSS of the service (VmHWM) | $RSS_WRITE_MB MiB after the submissions and imports; $RSS_ROLLUPS_MB MiB after the rollups (cache filled); $RSS_PROFILED_MB MiB after the JFR-profiled run | target ≤ 512 MiB under write load; JVM: $JVM_OPTS ${CDS_OPTS:+(and the class archive)} | |"
  echo "| start to ready, external PostgreSQL | restart ${CDS_OPTS:+with the class archive }$RESTART_READY_MS ms; first start with migrations${CDS_OPTS:+, recording the archive,} $FIRST_READY_MS ms | target ≤ 5,000 ms | |"
  echo
  echo "Submission path, profiled run at 16 clients ($(result submit-profiled | sed 's/.*rps=\([^ ]*\).*/\1/')/s with JFR on): $(cat "$WORK/cpu.txt")"
  grep -v READY "$WORK/locks.txt"
  cat "$WORK/statements.txt"
  echo
  tool jfr "$WORK/submit.jfr"
  if [ -s "$WORK/scales.txt" ]; then
    echo; echo "rollup per dataset size (million reports, level, p50 ms, p99 ms):"; cat "$WORK/scales.txt"
  fi
} | tee "$WORK/table.md"
