#!/usr/bin/env bash
# P4 (issue 16): N overlap rows through push's Bulk path vs a raw curl Bulk 2.0 ingest of the same CSV,
# calls counted, the Collections/Bulk threshold measured. Default 100,000 rows; --rows 5000 for a quick check.
# Results: a table on stdout and bench/results/push-p4.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B ${MVN_OFFLINE:+-o} -pl bench -am package -DskipTests -DskipConformance
CP="salesforce-emulator/target/salesforce-emulator.jar:salesforce-client/target/classes:bench/target/classes"
exec java ${BENCH_JAVA_OPTS:--Xms1g -Xmx2g -XX:+UseParallelGC} -cp "$CP" dev.crosswalk.bench.PushBench \
  --out bench/results/push-p4.csv "$@"
