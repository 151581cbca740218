#!/usr/bin/env bash
# Every corpus schema's generated GraphQL API, the large ones too: generated, compiled with -Werror, run against
# Prisma's own DDL (seeded). The test run skips compiling schemas past 4,000 generated files.
# Usage: bench/corpus-api.sh [PROJECT]   (one corpus folder name, or all)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mkdir -p bench/out
start=$(date +%s)
mvn -q -B -Dstyle.color=never install -DskipTests >bench/out/corpus-api.log 2>&1 || { cat bench/out/corpus-api.log; exit 1; }
mvn -B -Dstyle.color=never surefire:test -pl examples -Dtest=CorpusApiTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddbtool.corpus.all=true -Ddbtool.corpus="${1:-}" >>bench/out/corpus-api.log 2>&1 || status=$?
grep -hE "Tests run:|CorpusApiTest " bench/out/corpus-api.log | sed 's/\x1b\[[0-9;]*m//g' | sort -u
echo "corpus-api: $(( $(date +%s) - start )) s"
exit "${status:-0}"
