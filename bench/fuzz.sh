#!/usr/bin/env bash
# Robustness benchmark (issue #2): COUNT random mutations of every schema in the repository through the parser,
# validator and formatter; any exception, hang or non-idempotent format fails it. Usage: bench/fuzz.sh [COUNT] [SEED]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-100000}"; seed="${2:-20261125}"
cd "$root"
mvn -q -B -Dstyle.color=never test -pl core -Dtest=MutationRobustnessTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddbtool.fuzz.count="$count" -Ddbtool.fuzz.seed="$seed" >bench/out-fuzz.log 2>&1 || { cat bench/out-fuzz.log; exit 1; }
grep -h "fuzz:" bench/out-fuzz.log | sed 's/\x1b\[[0-9;]*m//g'
rm -f bench/out-fuzz.log
