#!/usr/bin/env bash
# CPU profiles of the Release host under one read's load (issues 11 and 20: "where a target is missed, profile"). Builds the
# host in Release (unless --no-build), fills a fresh SQLite database in a temporary folder with `seed generate --reports N`,
# starts the host on loopback, and for each read: autocannon at --connections for the whole sampling window while
# `dotnet-trace collect --profile dotnet-sampled-thread-time` samples the host for --seconds, then
# `dotnet-trace report <trace> topN` (inclusive and exclusive). Traces and reports land in --out (kept). dotnet-trace is a
# local tool: `dotnet tool install dotnet-trace --tool-path /tmp/dt` and pass --tools /tmp/dt.
#   bench/profile.sh [--reports 1000] [--seconds 15] [--connections 8] [--tools /tmp/dt] [--out DIR] [--host-dir DIR] [--no-build] [--reads feed,node,typename]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
host_dir="$repo/host/SenGraph.Host/bin/Release/net10.0"
reports=1000 seconds=15 connections=8 tools= out= build=1 reads=feed,node,typename
while [ $# -gt 0 ]; do
  case "$1" in
    --reports) reports=$2; shift 2 ;; --seconds) seconds=$2; shift 2 ;; --connections) connections=$2; shift 2 ;;
    --tools) tools=$2; shift 2 ;; --out) out=$2; shift 2 ;; --host-dir) host_dir=$2; shift 2 ;;
    --no-build) build=; shift ;; --reads) reads=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
trace="${tools:+$tools/}dotnet-trace"
command -v "$trace" >/dev/null || { echo "dotnet-trace not found: install it (dotnet tool install dotnet-trace --tool-path DIR) and pass --tools DIR" >&2; exit 2; }
[ -n "$build" ] && dotnet build "$repo/host/SenGraph.Host" -c Release -v q -nologo >/dev/null
[ -d "$here/load/node_modules/autocannon" ] || npm ci --prefix "$here/load" --no-audit --no-fund --silent >/dev/null
out=${out:-$(mktemp -d -t sengraph-profile-XXXXXX)}
mkdir -p "$out"
work=$(mktemp -d -t sengraph-profile-db-XXXXXX)
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export ConnectionStrings__SenGraph="Data Source=$work/bench.db" Plugins__Path="$host_dir/plugins" Plugins__Watch=false Demo__SeedOnStart=false
export Logging__LogLevel__Default=Warning
dotnet "$host_dir/SenGraph.Host.dll" seed generate --reports "$reports" >"$work/seed.out" 2>"$work/seed.err"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port/graphql"
dotnet "$host_dir/SenGraph.Host.dll" --urls "http://127.0.0.1:$port" >"$out/host.log" 2>&1 &
host_pid=$!
trap 'kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
token=$(dotnet "$host_dir/SenGraph.Host.dll" token --user iris --roles "IROC Staff" --office IROC-HQ)
post() { curl -fs -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d "$1" "$url"; }
for _ in $(seq 1 1200); do post '{"query":"{ __typename }"}' >/dev/null 2>&1 && break; sleep 0.1; done
version=$(post '{"query":"{ me { rulesOfBehavior { version } } }"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["me"]["rulesOfBehavior"]["version"])')
post "{\"query\":\"mutation { acknowledgeRulesOfBehavior(input: { version: \\\"$version\\\" }) { errors { code } } }\"}" >/dev/null
some_sir=$(post '{"query":"{ reports(first: 1, where: { type: { eq: \"SIR\" }, status: { eq: SUBMITTED } }) { nodes { id } } }"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["reports"]["nodes"][0]["id"])')
people='people { role firstName lastName aNumber dateOfBirth }'
declare -A query=(
  [feed]="{ irocFeed(first: 50) { nodes { id number title ... on Sir { category $people } } } }"
  [node]="{ node(id: \"$some_sir\") { ... on Sir { id number title category $people } } }"
  [typename]="{ __typename }"
  [reports]="{ reports(first: 20, where: { type: { eq: \"SIR\" }, status: { eq: SUBMITTED } }, order: [{ submittedAt: DESC }]) { totalCount nodes { id number title submittedAt } } }"
)
echo "host pid $host_pid, $reports generated reports, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); traces in $out"
for read in ${reads//,/ }; do
  body=$(python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "${query[$read]}")
  post "$body" | grep -q '"errors"' && { echo "$read answers errors: $(post "$body" | head -c 400)" >&2; exit 1; }
  # Warm-up, then load for the sampling window plus a margin at both ends.
  node "$here/load/node_modules/autocannon/autocannon.js" -c "$connections" -d 3 -m POST -H 'content-type=application/json' \
    -H "authorization=Bearer $token" -b "$body" "$url" >/dev/null 2>&1
  node "$here/load/node_modules/autocannon/autocannon.js" -c "$connections" -d $((seconds + 6)) -m POST -H 'content-type=application/json' \
    -H "authorization=Bearer $token" -b "$body" "$url" >"$out/$read.autocannon.txt" 2>&1 &
  load_pid=$!
  sleep 2
  "$trace" collect -p "$host_pid" --profile dotnet-sampled-thread-time --duration "00:00:$(printf %02d "$seconds")" -o "$out/$read.nettrace" >"$out/$read.collect.log" 2>&1
  wait "$load_pid" || true
  "$trace" report "$out/$read.nettrace" topN -n 40 --inclusive >"$out/$read.inclusive.txt" 2>&1 || true
  "$trace" report "$out/$read.nettrace" topN -n 30 >"$out/$read.exclusive.txt" 2>&1 || true
  echo "$read: $(grep -E 'requests in|Req/Sec' "$out/$read.autocannon.txt" | tr -s ' ' | head -2 | tr '\n' ' ')"
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
