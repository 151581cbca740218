#!/usr/bin/env bash
# Scale and start-up benchmark for `dbtool validate` (issue #2). Prints:
#  - the CLI's wall time (median of N runs) on synthetic schemas of 100 and 1,000 models, and their ratio;
#  - in-process validate times (first run and warm median);
#  - the CLI's median start-to-exit time on examples/blog next to a plain `java` hello world, and their ratio;
#  - `dbtool validate` next to `prisma validate` (Prisma 6, through ../shared/tools/prisma-oracle or $PRISMA_ORACLE) on the
#    1,000-model schema without dbtool's own attributes, when the oracle is there.
# Usage: bench/validate-scale.sh [RUNS]   (default 15)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-15}"
out="$root/bench/out"; mkdir -p "$out"
cd "$root"
./dbtool --version >/dev/null            # builds the jar and its class-data archive on first use
mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true install -pl bench -am >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
cp="$root/bench/target/classes:$root/core/target/classes"

java -cp "$cp" dev.dbtool.bench.SyntheticSchema 100 "$out/synthetic-100.prisma"
java -cp "$cp" dev.dbtool.bench.SyntheticSchema 1000 "$out/synthetic-1000.prisma"

median_ms() { # command... -> median wall time in ms over $runs runs
  local times=()
  for _ in $(seq "$runs"); do
    local s; s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    times+=($(( ($(date +%s%N) - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

mkdir -p "$out/hello" && cat >"$out/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$out/hello" "$out/hello/Hello.java"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
v100=$(median_ms ./dbtool validate --schema "$out/synthetic-100.prisma")
v1000=$(median_ms ./dbtool validate --schema "$out/synthetic-1000.prisma")
echo "dbtool validate, 100 models:   ${v100} ms (median of $runs)"
echo "dbtool validate, 1,000 models: ${v1000} ms (median of $runs)"
awk -v a="$v100" -v b="$v1000" 'BEGIN {printf "ratio 1,000 / 100 models: %.2f\n", b / a}'
java -cp "$cp" dev.dbtool.bench.ValidateScale 100 1000
hello=$(median_ms java -cp "$out/hello" Hello)
blog=$(median_ms ./dbtool validate --schema examples/blog/schema.prisma)
echo "java hello world:                       ${hello} ms (median of $runs)"
echo "dbtool validate examples/blog (launcher): ${blog} ms (median of $runs)"
awk -v a="$hello" -v b="$blog" 'BEGIN {printf "ratio dbtool / hello world: %.2f (target: within 5)\n", b / a}'

oracle="${PRISMA_ORACLE:-$root/../shared/tools/prisma-oracle}"
if [ -x "$oracle" ]; then
  sed 's/ @validate([^)]*)//' "$out/synthetic-1000.prisma" >"$out/synthetic-1000-plain.prisma"   # plain Prisma: no dbtool attributes
  "$oracle" validate "$out/synthetic-1000-plain.prisma" >/dev/null 2>&1 || { echo "prisma validate rejects the plain schema"; exit 1; }
  d=$(median_ms ./dbtool validate --schema "$out/synthetic-1000-plain.prisma")
  p=$(median_ms "$oracle" validate "$out/synthetic-1000-plain.prisma")
  echo "dbtool validate, 1,000 plain Prisma models: ${d} ms (median of $runs)"
  echo "prisma validate, 1,000 plain Prisma models: ${p} ms (median of $runs; Prisma 6 via prisma-oracle)"
  awk -v a="$d" -v b="$p" 'BEGIN {printf "ratio prisma / dbtool: %.2f\n", b / a}'
else
  echo "prisma validate: skipped ($oracle not found; set PRISMA_ORACLE)"
fi
