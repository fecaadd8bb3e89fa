#!/usr/bin/env bash
# Performance harness (README, Benchmarks; issue 20): builds the host in Release, fills a fresh SQLite database in a
# temporary folder with `seed generate --reports N` (timed), starts the real host on loopback (cold start timed to the
# first answered query, the host's StartupTimings line kept), and runs bench.mjs: each scenario with autocannon, SQL
# commands, allocated bytes per request and working set read from the host's Development-only /_bench/counters.
# Prints a table and writes bench/results/<time>.json. Options go to bench.mjs:
#   --reports 10000   reports to generate        --duration 5   seconds per read scenario   --connections 32
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
host_dir="$repo/host/SenGraph.Host/bin/Release/net10.0"
reports=10000
for ((i = 1; i <= $#; i++)); do [ "${!i}" = "--reports" ] && { j=$((i + 1)); reports=${!j}; }; done

dotnet build "$repo/host/SenGraph.Host" -c Release -v q -nologo >/dev/null
[ -d "$here/load/node_modules/autocannon" ] || npm ci --prefix "$here/load" --no-audit --no-fund --silent >/dev/null

work=$(mktemp -d -t sengraph-bench-XXXXXX)
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export ConnectionStrings__SenGraph="Data Source=$work/bench.db" Plugins__Path="$host_dir/plugins" Plugins__Watch=false Demo__SeedOnStart=false
export Logging__LogLevel__Default=Warning

started=$(date +%s.%N)
dotnet "$host_dir/SenGraph.Host.dll" seed generate --reports "$reports" >"$work/seed.out" 2>"$work/seed.err"
seed_seconds=$(echo "$(date +%s.%N) - $started" | bc)
tail -1 "$work/seed.err" >&2

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export SENGRAPH_URL="http://127.0.0.1:$port/graphql" SENGRAPH_COUNTERS="http://127.0.0.1:$port/_bench/counters"
token() { dotnet "$host_dir/SenGraph.Host.dll" token --user "$1" --roles "$2" --office "$3"; }
export AUTHOR_TOKEN=$(token bob Agent SAC-BOS) READER_TOKEN=$(token iris "IROC Staff" IROC-HQ) ANALYST_TOKEN=$(token iris "IROC Staff" IROC-HQ)

started=$(date +%s.%N)
dotnet "$host_dir/SenGraph.Host.dll" --urls "http://127.0.0.1:$port" --Logging:LogLevel:SenGraph.Host.Hosting=Information >"$work/host.log" 2>&1 &
host_pid=$!
trap 'kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  curl -fs -o /dev/null -H 'Content-Type: application/json' -H "Authorization: Bearer $READER_TOKEN" \
    -d '{"query":"{ __typename }"}' "$SENGRAPH_URL" && break
  sleep 0.1
done
export COLD_START_SECONDS=$(echo "$(date +%s.%N) - $started" | bc) SEED_SECONDS=$seed_seconds SEED_REPORTS=$reports HOST_PID=$host_pid
export STARTUP_LINE=$(grep -m1 "SenGraph ready in" "$work/host.log" | tr -s ' ' || true)
export MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
mkdir -p "$here/results"
node "$here/bench.mjs" "$@"
