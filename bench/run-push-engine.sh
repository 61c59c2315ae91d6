#!/usr/bin/env bash
# P4 end to end (issue 16): the service's real push (PushService.pushNow → PushEngine: desired state, diff against the
# row hashes in PostgreSQL, Bulk/Collections, Account fields, stale deletes) of N changed overlap rows (default 100,000)
# into an emulator org with salesforce-package/ deployed, vs a raw curl Bulk 2.0 ingest of the same rows; then a second
# push with nothing changed; API calls counted on the emulator's side; the peers' call counts; Salesforce checked
# against the desired state. Extra arguments go to dev.crosswalk.bench.PushEngineBench (--rows 10000 for a quick check).
# Results: a table on stdout and bench/results/push-engine-p4.csv (appended).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/service-classpath.sh
exec java ${BENCH_JAVA_OPTS:--Xmx3g -XX:+UseParallelGC} -cp "$CP" dev.crosswalk.bench.PushEngineBench \
  --out bench/results/push-engine-p4.csv "$@"
