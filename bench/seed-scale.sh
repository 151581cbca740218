#!/usr/bin/env bash
# Seed load speed and memory (issue #4): `dbtool seed --load` (a separate CLI process, COPY) into an embedded
# PostgreSQL for ROWS/10 and ROWS rows (peak RSS of both), the same load in-process, and the server-side ceiling
# (INSERT … SELECT … FROM generate_series for the same table shapes) on the same server in the same run.
# Then the same on the shop schema of the conformance tests (8 models, an m:n table, a self-reference, enums, JSON,
# arrays, bytes), or on SCHEMA when given.
# Usage: bench/seed-scale.sh [ROWS] [SCHEMA]   (default 1000000 rows)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
mkdir -p "$root/bench/out"
cd "$root"
./dbtool --version >/dev/null
mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true install -pl bench -am >"$root/bench/out/build.log" 2>&1 || { cat "$root/bench/out/build.log"; exit 1; }
(cd bench && mvn -q -B -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$root/bench/out/classpath.txt" >/dev/null 2>&1)
cp="$(cat "$root/bench/out/classpath.txt"):$root/bench/target/classes"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -Xmx2g -cp "$cp" dev.dbtool.bench.SeedBench "$rows" "$root/dbtool"
echo
java -Xmx2g -cp "$cp" dev.dbtool.bench.SeedBench "$rows" "$root/dbtool" "${2:-$root/cli/src/test/resources/conformance/shop/schema.prisma}"
