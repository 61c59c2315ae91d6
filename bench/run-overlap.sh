#!/usr/bin/env bash
# P3 overlap-engine benchmark (issue 7): two organizations with N records each (default 1,000,000) and
# 10% overlap on the service's embedded PostgreSQL; full overlap computation vs a bare PostgreSQL hash
# join of the two key columns in the same run, then incremental re-matching after 1% of one side's
# records changed. Extra arguments go to dev.crosswalk.bench.OverlapBench (--records 200000 --runs 3).
# Results: a table on stdout and bench/results/overlap-p3.csv (appended).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/service-classpath.sh
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "$CP" dev.crosswalk.bench.OverlapBench --out bench/results/overlap-p3.csv "$@"
