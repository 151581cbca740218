#!/usr/bin/env bash
# The blog's generated GraphQL API under load (issue #5): requests/s, latency percentiles and SQL statements per
# request for a 2-level nested query (users -> posts -> author) over loopback HTTP, against an embedded PostgreSQL;
# without and with the Redis cache layer (and, as the uncached path, a query over models without @@cache).
# Usage: bench/graphql-api.sh [USERS] [POSTS_PER_USER] [SECONDS] [CLIENTS] [PAGE]   (defaults 1000 10 15 8 10)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/bench/out"
cd "$root"
mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true install -pl bench -am >"$root/bench/out/build.log" 2>&1 || { cat "$root/bench/out/build.log"; exit 1; }
(cd bench && mvn -q -B -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$root/bench/out/classpath.txt" >/dev/null 2>&1)
cp="$(cat "$root/bench/out/classpath.txt"):$root/bench/target/classes"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -Xmx1g -XX:+UseParallelGC -cp "$cp" dev.dbtool.bench.GraphQLBench "$root/examples/blog" "${1:-1000}" "${2:-10}" "${3:-15}" "${4:-8}" "${5:-10}"
