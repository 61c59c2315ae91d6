#!/usr/bin/env bash
# P3 overlap-engine benchmark (issue 7): two organizations with N records each (default 1,000,000) and
# 10% overlap on the service's embedded PostgreSQL; full overlap computation vs a bare PostgreSQL hash
# join of the two key columns in the same run, then incremental re-matching after 1% of one side's
# records changed. Extra arguments go to dev.crosswalk.bench.OverlapBench (--records 200000 --runs 3).
# Results: a table on stdout and bench/results/overlap-p3.csv (appended).
set -euo pipefail
cd "$(dirname "$0")/.."
# The service runs from app/target/classes with the libraries of its packaged Spring Boot jar (unpacked to
# app/target/bench-lib): no maven-dependency-plugin, whose own dependencies an offline build may not have.
./mvnw -q -B ${MVN_OFFLINE:+-o} -pl app,bench -am package -DskipTests -DskipConformance
rm -rf app/target/bench-lib && mkdir -p app/target/bench-lib
(cd app/target/bench-lib && unzip -q ../crosswalk.jar 'BOOT-INF/lib/*')
CP="bench/target/classes:app/target/classes:app/target/bench-lib/BOOT-INF/lib/*"
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "$CP" dev.crosswalk.bench.OverlapBench --out bench/results/overlap-p3.csv "$@"
