#!/usr/bin/env bash
# dbtool optimize (issue #8): workload time with no indexes, with a DBA's reference indexes and with the advised ones
# (build and pg_stats modes), the share of the reference's saving the advice reaches, and the advisor's run time on
# 500 distinct statements. Embedded PostgreSQL; no HypoPG needed.
# Usage: bench/optimize.sh [SCALE] [ITERATIONS]   (defaults 1 = 200k orders, 300)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/bench/out"
cd "$root"
mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true install -pl bench -am >"$root/bench/out/build.log" 2>&1 || { cat "$root/bench/out/build.log"; exit 1; }
(cd bench && mvn -q -B -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$root/bench/out/classpath.txt" >/dev/null 2>&1)
cp="$(cat "$root/bench/out/classpath.txt"):$root/bench/target/classes"
java -Xmx1g -cp "$cp" dev.dbtool.bench.OptimizeBench "${1:-1}" "${2:-300}"
