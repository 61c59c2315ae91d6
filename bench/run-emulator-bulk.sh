#!/usr/bin/env bash
# Emulator Bulk API 2.0 benchmark (issue 3): builds the emulator and the bench module, then runs
# dev.crosswalk.bench.EmulatorBulkBench. Extra arguments are passed on, e.g. --accounts 200000 --runs 1.
# Results: a table on stdout and bench/results/emulator-bulk.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B ${MVN_OFFLINE:+-o} -pl bench -am package -DskipTests
CP="salesforce-emulator/target/salesforce-emulator.jar:bench/target/classes"
exec java ${BENCH_JAVA_OPTS:--Xms3g -Xmx3g -XX:+UseParallelGC} -cp "$CP" dev.crosswalk.bench.EmulatorBulkBench \
  --out bench/results/emulator-bulk.csv "$@"
