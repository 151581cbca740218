#!/usr/bin/env bash
# Migrations at scale (issue #3): the synthetic 1,000-model schema (bench/src/.../SyntheticSchema.java) through
# `dbtool schema` (diff + changeset + snapshot) and `dbtool migrate` into the embedded development database.
# Prints wall times; the migrate figure includes starting the embedded PostgreSQL (measured separately too).
# Usage: bench/migrations-scale.sh [MODELS]   (default 1000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
models="${1:-1000}"
out="$root/bench/out/migrations-$models"
rm -rf "$out"; mkdir -p "$out"
cd "$root"
./dbtool --version >/dev/null
mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true install -pl bench -am >"$root/bench/out/build.log" 2>&1 || { cat "$root/bench/out/build.log"; exit 1; }
java -cp "$root/bench/target/classes:$root/core/target/classes" dev.dbtool.bench.SyntheticSchema "$models" "$out/schema.prisma"
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>"$out/last.err" || { cat "$out/last.err"; exit 1; }; echo $(( ($(date +%s%N) - s) / 1000000 )); }
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "schema: $models models, $(wc -l < "$out/schema.prisma") lines"
t_schema=$(ms ./dbtool schema --schema "$out/schema.prisma" --name init)
echo "dbtool schema (first changeset, $models models): ${t_schema} ms; changeset $(du -h "$out"/migrations/changes/* | cut -f1)"
t_noop=$(ms ./dbtool schema --schema "$out/schema.prisma")
echo "dbtool schema (no changes):                    ${t_noop} ms"
t_start=$(ms ./dbtool migrate status --schema "$out/schema.prisma")
echo "dbtool migrate status (embedded start + read): ${t_start} ms"
t_migrate=$(ms ./dbtool migrate --schema "$out/schema.prisma")
echo "dbtool migrate ($models tables, embedded):      ${t_migrate} ms"
t_again=$(ms ./dbtool migrate --schema "$out/schema.prisma")
echo "dbtool migrate again (nothing to apply):       ${t_again} ms"
