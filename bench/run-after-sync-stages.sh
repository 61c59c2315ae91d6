#!/usr/bin/env bash
# Issue 18 goal 2 in process: the after-sync stages (match keys, population membership, overlaps) over N
# Accounts written as a first sync leaves them, each stage with wall time and CPU seconds of the JVM and of the
# embedded PostgreSQL. Arguments: records (default 200000), partner (true: a partner org with 10% shared domains).
# Results: stdout and bench/results/after-sync-stages.csv (appended). -Dstages.explain=true via BENCH_JAVA_OPTS
# prints the plans.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/service-classpath.sh
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$CP" dev.crosswalk.bench.AfterSyncStagesBench "$@"
