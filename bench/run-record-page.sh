#!/usr/bin/env bash
# P6 record-page benchmark (issue 15): the package API's GET /api/package/v1/records/{id}/overlaps with a real
# Outbound token vs the bare SQL lookup it needs, side by side in one run at the same open-loop rate (default
# 200 requests/s, 2 rounds of 30 s each), with --overlaps pairs stored (default 1,000,000). Extra arguments go to
# dev.crosswalk.bench.RecordPageBench (--overlaps 20000 --seconds 5 --rounds 1 for a quick check).
# Results: a table on stdout and bench/results/record-page-p6.csv (appended).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/service-classpath.sh
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "$CP" dev.crosswalk.bench.RecordPageBench --out bench/results/record-page-p6.csv "$@"
