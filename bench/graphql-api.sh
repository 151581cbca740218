#!/usr/bin/env bash
# The blog's generated GraphQL API under load, next to PostGraphile on the same tables (issues #5, #15, #16).
# Data: USERS users x POSTS posts (1 KB bodies) in an embedded PostgreSQL migrated with the blog's changelog.
# Query: users(first: 20) { posts(first: 10) { title author { email } } } (PostGraphile: the same through allUsers).
# Each server gets ROUNDS rounds (alternating) of autocannon -c CLIENTS -d SECONDS after a warm-up; printed: req/s,
# latency p50/p99 per round, the ranges, and the ratios the issues name (uncached / PostGraphile, cached / uncached).
# PostGraphile 4.14.1 and autocannon come from npm into bench/out/node (bench only; the build never needs Node).
# Usage: bench/graphql-api.sh [USERS] [POSTS] [SECONDS] [CLIENTS] [ROUNDS]   (defaults 1000 10 10 20 2)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
users=${1:-1000}; posts=${2:-10}; seconds=${3:-10}; clients=${4:-20}; rounds=${5:-2}
out="$root/bench/out"; mkdir -p "$out/node"
cd "$root"
mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true install -pl bench -am >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
(cd bench && mvn -q -B -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null 2>&1)
cp="$(cat "$out/classpath.txt"):$root/bench/target/classes"
if [ ! -x "$out/node/node_modules/.bin/postgraphile" ] || [ ! -x "$out/node/node_modules/.bin/autocannon" ]; then
  (cd "$out/node" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --silent --no-audit --no-fund postgraphile@4.14.1 autocannon@7.15.0 >/dev/null 2>&1) \
    || { echo "npm install of postgraphile and autocannon failed"; exit 3; }
fi
bin="$out/node/node_modules/.bin"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), node $(node --version)"

# the Java side: data + the blog's API without and with the cache layer; it serves until its stdin closes
fifo="$out/serve.stdin"; rm -f "$fifo"; mkfifo "$fifo"
java -Xmx1g -XX:+UseParallelGC -Dbench.bodyWords="${BODY_WORDS:-200}" -Dbench.threads="${HTTP_THREADS:-32}" -Dbench.pool="${DB_POOL:-10}" ${JAVA_OPTS:-} -cp "$cp" dev.dbtool.bench.GraphQLBench serve "$root/examples/blog" "$users" "$posts" <"$fifo" >"$out/serve.json" 2>"$out/serve.log" &
java_pid=$!
exec 9>"$fifo"
pg_pid=""
cleanup() { exec 9>&- 2>/dev/null || true; [ -n "$pg_pid" ] && kill "$pg_pid" 2>/dev/null; wait 2>/dev/null || true; rm -f "$fifo"; }
trap cleanup EXIT
for _ in $(seq 300); do [ -s "$out/serve.json" ] && break; sleep 0.5; done
[ -s "$out/serve.json" ] || { echo "the Java side did not start:"; cat "$out/serve.log"; exit 1; }
info=$(head -1 "$out/serve.json")
field() { echo "$info" | sed -E "s/.*\"$1\":\"?([^\",}]*)\"?.*/\1/"; }
db=$(field database); uncached=$(field uncached); cached=$(field cached); token=$(field token); statements=$(field statementsPerRequest)
pgport=$(( 20000 + RANDOM % 20000 ))
"$bin/postgraphile" -c "$db" --schema public --host 127.0.0.1 --port "$pgport" --disable-query-log --disable-graphiql >"$out/postgraphile.log" 2>&1 &
pg_pid=$!
for _ in $(seq 120); do curl -s -o /dev/null "http://127.0.0.1:$pgport/graphql" -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' && break; sleep 0.5; done

dbtool_q='{"query":"{ users(first: 20) { edges { node { posts(first: 10) { title author { email } } } } } }"}'
pg_q='{"query":"{ allUsers(first: 20) { nodes { postsByAuthorId(first: 10) { nodes { title userByAuthorId { email } } } } } }"}'
check() { # port body auth -> the response must hold 200 posts and no errors
  local r; r=$(curl -s "http://127.0.0.1:$1/graphql" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2")
  [ "$(echo "$r" | grep -o '"title"' | wc -l)" = 200 ] && ! echo "$r" | grep -q '"errors"' || { echo "unexpected response from :$1: ${r:0:300}"; exit 1; }
}
check "$uncached" "$dbtool_q" "$token"; check "$cached" "$dbtool_q" "$token"; check "$pgport" "$pg_q" ""
load() { # port body auth seconds -> "req/s p50 p99 non2xx+errors"
  "$bin/autocannon" -c "$clients" -d "$4" -m POST -H "Content-Type=application/json" ${3:+-H "Authorization=Bearer $3"} -b "$2" -j "http://127.0.0.1:$1/graphql" 2>/dev/null \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);console.log(r.requests.average.toFixed(0),r.latency.p50,r.latency.p99,r.non2xx+r.errors)})'
}
echo "data: $users users x $posts posts; query: 20 users -> 10 posts each -> author; autocannon -c $clients -d $seconds; SQL statements per request (dbtool, uncached): $statements"
for s in "dbtool-uncached $uncached $token" "postgraphile $pgport" "dbtool-cached $cached $token"; do
  set -- $s; body=$dbtool_q; [ "$1" = postgraphile ] && body=$pg_q
  load "$2" "$body" "${3:-}" 10 >/dev/null   # warm-up: JIT, pools, caches
done
declare -A rps p99s
for round in $(seq "$rounds"); do
  for s in "dbtool-uncached $uncached $token" "postgraphile $pgport" "dbtool-cached $cached $token"; do
    set -- $s; body=$dbtool_q; [ "$1" = postgraphile ] && body=$pg_q
    read -r r p50 p99 bad < <(load "$2" "$body" "${3:-}" "$seconds")
    printf 'round %d  %-16s %6s req/s  p50 %4s ms  p99 %4s ms  non-2xx/errors %s\n' "$round" "$1" "$r" "$p50" "$p99" "$bad"
    rps[$1]="${rps[$1]:-} $r"; p99s[$1]="${p99s[$1]:-} $p99"
  done
done
range() { echo "$1" | tr ' ' '\n' | grep . | sort -n | sed -n '1p;$p' | paste -sd'-'; }
mean() { echo "$1" | tr ' ' '\n' | grep . | awk '{s+=$1} END {print s/NR}'; }
for n in dbtool-uncached postgraphile dbtool-cached; do printf '%-16s req/s %s  p99 ms %s\n' "$n" "$(range "${rps[$n]}")" "$(range "${p99s[$n]}")"; done
awk -v a="$(mean "${rps[dbtool-uncached]}")" -v b="$(mean "${rps[postgraphile]}")" -v c="$(mean "${rps[dbtool-cached]}")" \
  'BEGIN {printf "uncached / PostGraphile: %.2fx (goal >= 1.5)\ncached / uncached: %.2fx (goal >= 5)\n", a / b, c / a}'

# issue #20: the same query with a relation filter on the root list (one EXISTS subquery), uncached, against without
rel_q='{"query":"{ users(first: 20, where: {posts: {some: {title: {contains: \"user 1\"}}}}) { edges { node { posts(first: 10) { title author { email } } } } } }"}'
check "$uncached" "$rel_q" "$token"   # 20 matching users, their 200 posts: the filter keeps the page full
load "$uncached" "$rel_q" "$token" 5 >/dev/null
declare -a plain_p50 rel_p50
for round in $(seq "$rounds"); do
  read -r r1 a50 a99 bad1 < <(load "$uncached" "$dbtool_q" "$token" "$seconds")
  read -r r2 b50 b99 bad2 < <(load "$uncached" "$rel_q" "$token" "$seconds")
  printf 'round %d  relation filter: %s req/s p50 %s ms p99 %s ms; without: %s req/s p50 %s ms p99 %s ms; non-2xx/errors %s/%s\n' \
    "$round" "$r2" "$b50" "$b99" "$r1" "$a50" "$a99" "$bad2" "$bad1"
  plain_p50+=("$a50"); rel_p50+=("$b50")
done
awk -v a="$(echo "${plain_p50[*]}" | tr ' ' '\n' | awk '{s+=$1} END {print s/NR}')" -v b="$(echo "${rel_p50[*]}" | tr ' ' '\n' | awk '{s+=$1} END {print s/NR}')" \
  'BEGIN {printf "relation filter / none, p50 latency: %.2fx (goal <= 1.5)\n", b / a}'
