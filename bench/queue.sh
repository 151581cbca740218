#!/usr/bin/env bash
# The generated job queue (issues #10, #17) next to BullMQ 6.7.0 (ioredis 6.0.0) on one local Redis, in ROUNDS alternating rounds:
# jobs/s added in bulk, processed at concurrency 50 with a no-op handler (add all, then drain), end to end (one
# producer adding while the worker drains), p99 enqueue-to-start under that load, p50/p99 enqueue-to-start of single
# jobs on an idle worker, the worker JVM's memory.
# BullMQ comes from npm into bench/out/node (only this script needs Node; the build and the tests never do).
# Usage: bench/queue.sh [JOBS] [ROUNDS]   (defaults 100000 2)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${1:-100000}"
rounds="${2:-2}"
mkdir -p "$root/bench/out/node"
cd "$root"
mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true install -pl bench -am >"$root/bench/out/build.log" 2>&1 || { cat "$root/bench/out/build.log"; exit 1; }
(cd bench && mvn -q -B -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$root/bench/out/classpath.txt" >/dev/null 2>&1)
cp="$(cat "$root/bench/out/classpath.txt"):$root/bench/target/classes"
node_dir=""
if command -v npm >/dev/null 2>&1; then
  cp "$root/bench/node/bullmq-bench.mjs" "$root/bench/out/node/"
  if [ "$(node -p "require('$root/bench/out/node/node_modules/bullmq/package.json').version" 2>/dev/null)" != "6.7.0" ] || [ ! -d "$root/bench/out/node/node_modules/ioredis" ]; then
    (cd "$root/bench/out/node" && npm init -y >/dev/null 2>&1 && npm install --silent bullmq@6.7.0 ioredis@6.0.0 >/dev/null 2>&1) || echo "npm install bullmq failed: BullMQ figures skipped"
  fi
  [ -d "$root/bench/out/node/node_modules/bullmq" ] && node_dir="$root/bench/out/node"
fi
java -Xmx512m -cp "$cp" dev.dbtool.bench.QueueBench "$jobs" "$rounds" $node_dir
