#!/usr/bin/env bash
# The queue soak at full size (issue #10): JOBS jobs (default 100000) processed by three worker JVMs that are
# killed with SIGKILL and restarted at random for SECONDS (default 60); every job must end completed or dead-lettered
# and every effect (a row per job id, written with the idempotency helper) must count exactly once.
# Usage: bench/queue-soak.sh [JOBS] [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -Dstyle.color=never -DskipTests install -pl examples -am >/dev/null
mvn -B -Dstyle.color=never -pl examples test -Dtest='BlogQueueTest#soakWithWorkerProcessesKilledAtRandomLosesNothing' \
  -Ddbtool.soak.jobs="${1:-100000}" -Ddbtool.soak.seconds="${2:-60}" -Ddbtool.soak.sleepMs=1 -Ddbtool.soak.timeout=900 2>&1 \
  | grep -E "soak:|Tests run:|FAIL|expected" 
