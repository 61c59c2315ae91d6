#!/usr/bin/env bash
# Service benchmarks P1 and P2 (issue 5): builds the service jar and the bench module, then runs
# dev.crosswalk.bench.ServiceSyncBench. Extra arguments are passed on, e.g. --accounts 200000.
# Results: a table on stdout and bench/results/service-sync.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d conformance/node_modules/jsforce ]; then
  npm ci --prefix conformance --no-audit --no-fund
fi
./mvnw -q -B ${MVN_OFFLINE:+-o} -pl app,bench -am package -DskipTests -DskipConformance
CP="salesforce-emulator/target/salesforce-emulator.jar:bench/target/classes"
exec java ${BENCH_JAVA_OPTS:--Xms3g -Xmx3g -XX:+UseParallelGC} -cp "$CP" dev.crosswalk.bench.ServiceSyncBench \
  --jar app/target/crosswalk.jar --jsforce bench/service-sync/jsforce-bulk2-query.mjs \
  --conformance conformance/package.json --out bench/results/service-sync.csv "$@"
