#!/usr/bin/env bash
# Measures Aegis's start-up: seconds from `java -jar` to /actuator/health answering "UP", for
#   first   - a first start on an empty database (migrations, catalogs, first admin, demo data with AEGIS_DEMO=true)
#   restart - a restart on the database the first start left
#   extracted - a restart from the jar extracted by `java -Djarmode=tools -jar aegis.jar extract` (classes loaded from
#             plain jars on the class path, which the JVM's AOT cache can hold; nested jars it cannot)
#   aot     - a training run of the extracted jar that writes Java 25's ahead-of-time cache (-XX:AOTCacheOutput, with
#             -Dspring.context.exit=onRefresh), then a restart with it (-XX:AOTCache), as the Dockerfile does
# and prints each figure with the machine's load average before and after, and the start-up phases Aegis logged.
# Not part of the test suite: run by hand on a quiet machine, and put the figures in docs/benchmarks.md.
#
# Usage: .ci/bench-startup.sh [rounds]       (run from the project's root after ./mvnw -B -o -DskipTests package)
# Environment: BENCH_PORT (8199), BENCH_DB (aegis_startup_bench: dropped and created again!; BENCH_KEEP_DB=1 keeps it
#              at the end), BENCH_DEMO (true), AEGIS_STARTUP_STEPS=true (logs the slowest start-up steps),
#              BENCH_JAVA_OPTS (extra JVM options, e.g. -Xmx512m), PGHOST/PGUSER for psql (127.0.0.1/postgres).
set -euo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
rounds=${1:-1}
port=${BENCH_PORT:-8199}
db=${BENCH_DB:-aegis_startup_bench}
jar=$(ls target/aegis-*.jar | grep -v original | head -1)
work=$(mktemp -d /tmp/aegis-startup.XXXX)
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
export AEGIS_PORT=$port AEGIS_DB_URL="jdbc:postgresql://${PGHOST}:5432/$db" AEGIS_DEMO=${BENCH_DEMO:-true} \
       AEGIS_DEMO_PASSWORD=Bench-Demo-Pw-2026! AEGIS_ADMIN_PASSWORD=Bench-Start-Pw-2026! \
       AEGIS_EVIDENCE_DIR="$work/evidence" AEGIS_PACKS_DIR="$work/packs" AEGIS_MASTER_KEY_FILE="$work/master.key"

load() { cut -d' ' -f1-3 /proc/loadavg; }

# start <label> [jvm options...]: starts Aegis, waits for health UP, prints the seconds, stops it
start() {
  local label=$1; shift
  local log="$work/$label.log" before t0 t1 pid run=$jar
  for o in "$@"; do case $o in -Dbench.jar=*) run=${o#-Dbench.jar=} ;; esac; done
  before=$(load)
  t0=$(date +%s.%N)
  "$java" ${BENCH_JAVA_OPTS:-} "$@" -jar "$run" > "$log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "$label: Aegis stopped, see $log" >&2; exit 1; fi
    sleep 0.1
  done
  t1=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%-24s %6.1f s to healthy   load before %s, after %s   (%s)\n' \
    "$label" "$(echo "$t1 - $t0" | bc)" "$before" "$(load)" \
    "$(grep -o 'Started Application in [0-9.]* seconds' "$log" | head -1)"
}

psql -q -c "drop database if exists $db" -c "create database $db" postgres
start first
for ((r = 1; r <= rounds; r++)); do start "restart-$r"; done
"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
extracted="$work/app/$(basename "$jar")"
for ((r = 1; r <= rounds; r++)); do start "restart-extracted-$r" -Dbench.jar="$extracted"; done
# the training run: starts, stops once the context is refreshed, and writes the cache at exit
"$java" ${BENCH_JAVA_OPTS:-} -XX:AOTCacheOutput="$work/aegis.aot" -Dspring.context.exit=onRefresh -jar "$extracted" \
  > "$work/aot-training.log" 2>&1 || true
ls -l "$work/aegis.aot" > /dev/null
for ((r = 1; r <= rounds; r++)); do start "restart-aot-$r" -Dbench.jar="$extracted" -XX:AOTCache="$work/aegis.aot"; done
echo "Phases of the last restart (see $work/*.log):"
grep -E "Startup phase|Started Application|Schema .* migration" "$work/restart-$rounds.log" | sed 's/^.*\] //' | head -40
[ -n "${BENCH_KEEP_DB:-}" ] || psql -q -c "drop database if exists $db" postgres
