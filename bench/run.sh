#!/usr/bin/env bash
# Performance harness (README, Benchmarks; issue 20): builds the host in Release, fills a fresh SQLite database in a
# temporary folder with `seed generate --reports N` (timed), starts the real host on loopback (cold start timed to the
# first answered query, the host's StartupTimings line kept), and runs bench.mjs: each scenario with autocannon, SQL
# commands, allocated bytes per request and working set read from the host's Development-only /_bench/counters.
# Then the live fan-out (fanout.mjs: --subscribers WebSocket clients on reportSubmitted, one submission), and the raw
# ASP.NET Core + EF Core baseline (bench/Baseline) on the same database for the feed, the analyst query and node, with the
# SenGraph/baseline ratios, and what the audit of views and the authorization rule cost (the feed and node again with the
# host's Development-only bench switches, BenchSwitches). Start-up: a second cold start with only the SIR module, each start's per-module load times.
# Prints a table and writes bench/results/<time>.json. Options go to bench.mjs:
#   --reports 10000   reports to generate        --duration 5   seconds per read scenario   --connections 32
#   --subscribers 1000   WebSocket subscribers of the fan-out (0: none)
# Growth (issue 20 item 4): --growth 10000,100000,1000000 runs only the read scenarios, once per size, each on a database
# generated for that size and kept in --keep DIR (default bench/data) as reports-<N>.db, so a second run does not reseed
# (each run reads a copy: the audit of views never grows the kept one). Prints one table of all sizes and writes
# bench/results/growth-<time>.json.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
host_dir="$repo/host/SenGraph.Host/bin/Release/net10.0"
reports=10000 growth= keep="$here/data"
for ((i = 1; i <= $#; i++)); do
  j=$((i + 1))
  case "${!i}" in
    --reports) reports=${!j} ;;
    --growth) growth=${!j} ;;
    --keep) keep=${!j} ;;
  esac
done
if [ -n "$growth" ] && ! [[ "$growth" =~ ^[0-9]+(,[0-9]+)*$ ]]; then
  echo "--growth takes report counts separated by commas, e.g. 10000,100000,1000000" >&2; exit 2
fi

dotnet build "$repo/host/SenGraph.Host" -c Release -v q -nologo >/dev/null
dotnet build "$here/Baseline" -c Release -v q -nologo -o "$here/Baseline/bin/bench" >/dev/null
[ -d "$here/load/node_modules/autocannon" ] && [ -d "$here/load/node_modules/graphql-ws" ] || npm ci --prefix "$here/load" --no-audit --no-fund --silent >/dev/null

work=$(mktemp -d -t sengraph-bench-XXXXXX)
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export ConnectionStrings__SenGraph="Data Source=$work/bench.db" Plugins__Path="$host_dir/plugins" Plugins__Watch=false Demo__SeedOnStart=false
export Logging__LogLevel__Default=Warning

if [ -n "$growth" ]; then
  mkdir -p "$keep" "$here/results"
  trap 'kill $growth_pid 2>/dev/null || true; wait $growth_pid 2>/dev/null || true; rm -rf "$work"' EXIT
  growth_pid=
  token() { dotnet "$host_dir/SenGraph.Host.dll" token --user "$1" --roles "$2" --office "$3"; }
  export AUTHOR_TOKEN=$(token bob Agent SAC-BOS) READER_TOKEN=$(token iris "IROC Staff" IROC-HQ) ANALYST_TOKEN=$(token iris "IROC Staff" IROC-HQ)
  files=()
  for n in ${growth//,/ }; do
    db="$keep/reports-$n.db"
    if [ ! -f "$db" ]; then
      # Generated under another name and renamed when complete: a kept database is always a whole one.
      partial="$keep/reports-$n.partial.db"
      rm -f "$partial" "$partial-wal" "$partial-shm"
      started=$(date +%s.%N)
      ConnectionStrings__SenGraph="Data Source=$partial" dotnet "$host_dir/SenGraph.Host.dll" seed generate --reports "$n" >"$work/seed-$n.out" 2>"$work/seed-$n.err"
      echo "seed generate --reports $n: $(echo "$(date +%s.%N) - $started" | bc) s; $(tail -1 "$work/seed-$n.err")" >&2
      for f in "$partial-wal" "$partial-shm" "$partial"; do [ -f "$f" ] && mv "$f" "${f/.partial.db/.db}"; done
    else
      echo "reusing $db" >&2
    fi
    for f in "$db" "$db-wal" "$db-shm"; do [ -f "$f" ] && cp "$f" "$work/$(basename "$f" | sed "s/reports-$n.db/run.db/")"; done
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    export SENGRAPH_URL="http://127.0.0.1:$port/graphql" SENGRAPH_COUNTERS="http://127.0.0.1:$port/_bench/counters"
    ConnectionStrings__SenGraph="Data Source=$work/run.db" dotnet "$host_dir/SenGraph.Host.dll" --urls "http://127.0.0.1:$port" >"$work/host-$n.log" 2>&1 &
    growth_pid=$!
    for _ in $(seq 1 1200); do
      curl -fs -o /dev/null -H 'Content-Type: application/json' -H "Authorization: Bearer $READER_TOKEN" -d '{"query":"{ __typename }"}' "$SENGRAPH_URL" && break
      sleep 0.1
    done
    export MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
    SEED_REPORTS=$n BENCH_OUT="$work/growth-$n.json" node "$here/bench.mjs" --reads-only "$@" >"$work/bench-$n.out"
    kill "$growth_pid"; wait "$growth_pid" 2>/dev/null || true; growth_pid=
    rm -f "$work/run.db" "$work/run.db-wal" "$work/run.db-shm"
    files+=("$work/growth-$n.json")
  done
  node "$here/growth.mjs" "${files[@]}"
  exit 0
fi

started=$(date +%s.%N)
dotnet "$host_dir/SenGraph.Host.dll" seed generate --reports "$reports" >"$work/seed.out" 2>"$work/seed.err"
seed_seconds=$(echo "$(date +%s.%N) - $started" | bc)
tail -1 "$work/seed.err" >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Waits until $1 (a URL) answers the signed-in { __typename }; prints the seconds since $2 (date +%s.%N).
wait_ready() {
  for _ in $(seq 1 1200); do
    curl -fs -o /dev/null -H 'Content-Type: application/json' -H "Authorization: Bearer $READER_TOKEN" -d '{"query":"{ __typename }"}' "$1" && break
    sleep 0.1
  done
  echo "$(date +%s.%N) - $2" | bc
}
token() { dotnet "$host_dir/SenGraph.Host.dll" token --user "$1" --roles "$2" --office "$3"; }
export AUTHOR_TOKEN=$(token bob Agent SAC-BOS) READER_TOKEN=$(token iris "IROC Staff" IROC-HQ) ANALYST_TOKEN=$(token iris "IROC Staff" IROC-HQ)

# Start-up with one module (SIR) on a copy of the same database: cold start to the first answered query, then stopped.
mkdir -p "$work/one-module"
cp -r "$host_dir/plugins/SenGraph.Modules.Sir" "$work/one-module/"
cp "$work/bench.db" "$work/one.db"
port=$(free_port)
started=$(date +%s.%N)
ConnectionStrings__SenGraph="Data Source=$work/one.db" Plugins__Path="$work/one-module" \
  dotnet "$host_dir/SenGraph.Host.dll" --urls "http://127.0.0.1:$port" --Logging:LogLevel:SenGraph.Host.Hosting=Information >"$work/host-one.log" 2>&1 &
one_pid=$!
export COLD_START_ONE_SECONDS=$(wait_ready "http://127.0.0.1:$port/graphql" "$started")
kill "$one_pid"; wait "$one_pid" 2>/dev/null || true
export STARTUP_ONE_LINE=$(grep -m1 "SenGraph ready in" "$work/host-one.log" | tr -s ' ' || true)
export STARTUP_ONE_MODULES=$(grep -m1 "Module loading by module" "$work/host-one.log" | tr -s ' ' || true)

port=$(free_port)
export SENGRAPH_URL="http://127.0.0.1:$port/graphql" SENGRAPH_COUNTERS="http://127.0.0.1:$port/_bench/counters"
# The fan-out's 1,000 sockets come from one address and one user: the bench host's socket limits are raised for this run.
started=$(date +%s.%N)
# Bench__Switches: the Development-only X-SenGraph-Bench header (audit of views / authorization rule off) for the cost rows.
GraphQL__WebSockets__MaxConnectionsPerUser=5000 GraphQL__WebSockets__MaxConnectionsPerAddress=5000 Bench__Switches=true \
  dotnet "$host_dir/SenGraph.Host.dll" --urls "http://127.0.0.1:$port" --Logging:LogLevel:SenGraph.Host.Hosting=Information >"$work/host.log" 2>&1 &
host_pid=$!
baseline_pid=
trap 'kill "$host_pid" $baseline_pid 2>/dev/null || true; wait "$host_pid" $baseline_pid 2>/dev/null || true; rm -rf "$work"' EXIT
export COLD_START_SECONDS=$(wait_ready "$SENGRAPH_URL" "$started") SEED_SECONDS=$seed_seconds SEED_REPORTS=$reports HOST_PID=$host_pid
export STARTUP_LINE=$(grep -m1 "SenGraph ready in" "$work/host.log" | tr -s ' ' || true)
export STARTUP_MODULES=$(grep -m1 "Module loading by module" "$work/host.log" | tr -s ' ' || true)

# The baseline on the same database, idle until bench.mjs runs its scenarios after SenGraph's.
baseline_port=$(free_port)
ConnectionStrings__SenGraph="Data Source=$work/bench.db" dotnet "$here/Baseline/bin/bench/SenGraph.Bench.Baseline.dll" \
  --urls "http://127.0.0.1:$baseline_port" >"$work/baseline.log" 2>&1 &
baseline_pid=$!
export BASELINE_URL="http://127.0.0.1:$baseline_port"
for _ in $(seq 1 600); do curl -fs -o /dev/null -X POST "$BASELINE_URL/analyst" && break; sleep 0.1; done
export MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
mkdir -p "$here/results"
node "$here/bench.mjs" "$@"
