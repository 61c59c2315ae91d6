#!/usr/bin/env bash
# Issue 17: the overlap list's CSV export with 1,000,000 rows (default) in the service's own Spring context on
# its embedded PostgreSQL: the service's streamed export (cursor, rules, shared-field projection) vs PostgreSQL
# COPY TO STDOUT (what psql \copy does) vs reading the whole list into memory first, side by side in one run;
# wall time and peak heap of each, ratios. Extra arguments go to dev.crosswalk.bench.CsvExportBench
# (--rows 200000 --runs 3). Results: a table on stdout and bench/results/csv-export.csv (appended).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/service-classpath.sh
exec java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "$CP" dev.crosswalk.bench.CsvExportBench --out bench/results/csv-export.csv "$@"
