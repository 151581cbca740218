#!/usr/bin/env bash
# Cross-checks dbtool's validation cases against Prisma itself (needs ../shared/tools/prisma-oracle, Node and
# PostgreSQL binaries; never run by the build). A plain-Prisma case (not ext-*) that dbtool rejects must be rejected
# by Prisma too, and one dbtool accepts (warnings allowed) must be accepted by Prisma.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${PRISMA_ORACLE:-$root/../shared/tools/prisma-oracle}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
# engineType = "binary" makes the CLI download a query engine (offline here): point it at the oracle's dummy one.
export PRISMA_QUERY_ENGINE_BINARY="${PRISMA_DDL_HOME:-$HOME/.cache/prisma-ddl}/dummy-engine"
export DIRECT_URL=postgresql://u@127.0.0.1:1/db SHADOW_URL=postgresql://u@127.0.0.1:1/db
agree=0; disagree=0
for f in "$root"/core/src/test/resources/validation/*.prisma; do
  name="$(basename "$f")"
  case "$name" in ext-*) continue ;; esac
  grep -v '^// expect: ' "$f" > "$tmp/schema.prisma"
  if grep -q '^// expect: .*: error: ' "$f"; then dbtool=invalid; else dbtool=valid; fi
  if DATABASE_URL=postgresql://u@127.0.0.1:1/db "$oracle" validate "$tmp/schema.prisma" >"$tmp/out" 2>&1; then prisma=valid; else prisma=invalid; fi
  if [ "$dbtool" = "$prisma" ]; then agree=$((agree + 1)); else disagree=$((disagree + 1)); echo "DISAGREE $name: dbtool $dbtool, prisma $prisma"; fi
done
echo "$agree agree, $disagree disagree"
[ "$disagree" -eq 0 ]
