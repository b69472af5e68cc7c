#!/usr/bin/env bash
# Ingestion benchmark (docs/benchmarks.md): runs dev.aegis.monitor.IngestLoad against a running Aegis and reports the
# throughput plus the CPU time Aegis and its PostgreSQL backends spent, so a figure taken on a busy shared machine can
# be read as events per CPU-second too.
#   .ci/bench-ingest.sh <aegis pid> <base url> <monitor token> <database> [events] [batch] [threads]
# Needs: ./mvnw -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
set -euo pipefail
pid=$1 base=$2 token=$3 db=$4 events=${5:-2000000} batch=${6:-5000} threads=${7:-4}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
tck=$(getconf CLK_TCK)
ticks() { local sum=0; for p in "$@"; do [ -r /proc/$p/stat ] && sum=$((sum + $(awk '{print $14 + $15}' /proc/$p/stat))); done; echo $sum; }
backends() { psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select pid from pg_stat_activity where datname = '$db' and pid <> pg_backend_pid()"; }
before_app=$(ticks $pid); before_db=$(ticks $(backends))
"$java" -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.aegis.monitor.IngestLoad "$base" "$token" \
    "$events" "$batch" "$threads" "jdbc:postgresql://localhost:5432/$db" | tee /tmp/bench-ingest.out
after_app=$(ticks $pid); after_db=$(ticks $(backends))
app=$(echo "scale=1; ($after_app - $before_app) / $tck" | bc); pg=$(echo "scale=1; ($after_db - $before_db) / $tck" | bc)
echo "CPU: Aegis ${app} s, PostgreSQL backends ${pg} s for $events events;" \
     "$(echo "scale=0; $events / ($app + $pg)" | bc) events per CPU-second (Aegis + PostgreSQL)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
