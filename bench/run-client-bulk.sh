#!/usr/bin/env bash
# salesforce-client Bulk API 2.0 benchmark (issue 4): curl vs jsforce vs salesforce-client on the
# same emulator, one run. Builds the modules, installs jsforce into conformance/ if missing, then runs
# dev.crosswalk.bench.ClientBulkBench. Extra arguments are passed on, e.g. --accounts 200000 --runs 1.
# Results: a table on stdout and bench/results/client-bulk.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B ${MVN_OFFLINE:+-o} -pl bench -am package -DskipTests
if [ ! -d conformance/node_modules/jsforce ]; then
  npm ci --omit=dev --prefix conformance --no-audit --no-fund
fi
CP="salesforce-emulator/target/salesforce-emulator.jar:salesforce-client/target/classes:bench/target/classes"
exec java ${BENCH_JAVA_OPTS:--Xms3g -Xmx3g -XX:+UseParallelGC} -cp "$CP" dev.crosswalk.bench.ClientBulkBench \
  --out bench/results/client-bulk.csv "$@"
