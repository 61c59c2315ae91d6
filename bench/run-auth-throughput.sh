#!/usr/bin/env bash
# Issue 11 item 5: API token vs browser session throughput on the same GET at concurrency 50, one run.
# Builds the service jar and the bench module, then runs dev.crosswalk.bench.AuthThroughputBench.
# Extra arguments are passed on, e.g. --seconds 10 --rounds 1 --path /api/v1/members --concurrency 50.
# Results: a table on stdout and bench/results/auth-throughput.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B ${MVN_OFFLINE:+-o} -pl app,bench -am package -DskipTests -DskipConformance
CP="bench/target/classes:$(ls salesforce-emulator/target/salesforce-emulator.jar)"
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$CP" dev.crosswalk.bench.AuthThroughputBench \
  --jar app/target/crosswalk.jar --out bench/results/auth-throughput.csv "$@"
