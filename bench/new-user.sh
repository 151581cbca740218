#!/usr/bin/env bash
# Issue #19's figure: a new user's two commands, `dbtool init --api` then `dbtool dev`, from an empty folder to the
# first answered GraphQL request (the embedded PostgreSQL started, the schema migrated, the API generated, compiled
# and served). Each command runs as a user runs it: a fresh JVM from the `./dbtool` launcher.
# Usage: bench/new-user.sh [RUNS]   (default 3; the first run also unpacks PostgreSQL into ~/.embedpostgresql)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
"$root/dbtool" --version >/dev/null   # builds the CLI once, outside the measurement
for run in $(seq 1 "$runs"); do
  dir="$(mktemp -d)/shop"
  mkdir -p "$dir"
  cd "$dir"
  start=$(date +%s%N)
  "$root/dbtool" init --api >/dev/null 2>&1
  after_init=$(date +%s%N)
  "$root/dbtool" dev --port 0 >"$dir/dev.log" 2>&1 &
  dev=$!
  port=""
  while [ -z "$port" ]; do
    port="$(grep -o 'http://127.0.0.1:[0-9]*/ (GraphiQL)' "$dir/dev.log" 2>/dev/null | head -1 | sed 's/.*:\([0-9]*\)\/.*/\1/')" || true
    kill -0 "$dev" 2>/dev/null || { cat "$dir/dev.log"; exit 1; }
    sleep 0.05
  done
  answer=""
  until echo "$answer" | grep -q '"createUser"'; do
    answer="$(curl -s -X POST -H 'Content-Type: application/json' \
      -d '{"query":"mutation { createUser(data: {email: \"ada@example.com\"}) { id } }"}' "http://127.0.0.1:$port/graphql" || true)"
    kill -0 "$dev" 2>/dev/null || { cat "$dir/dev.log"; exit 1; }
    sleep 0.05
  done
  done_at=$(date +%s%N)
  kill "$dev"; wait "$dev" 2>/dev/null || true
  printf 'run %d: init --api %.1f s, dev to the first answered mutation %.1f s, in all %.1f s\n' "$run" \
    "$(echo "($after_init - $start) / 1000000000" | bc -l)" "$(echo "($done_at - $after_init) / 1000000000" | bc -l)" \
    "$(echo "($done_at - $start) / 1000000000" | bc -l)"
  rm -rf "$(dirname "$dir")"
done
