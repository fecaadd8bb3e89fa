#!/usr/bin/env bash
# Load benchmark (README, Benchmarks): builds the host in Release, starts it on a fresh SQLite database in a
# temporary folder, and runs load.mjs against it (create+submit at 8 and 32 clients, then the reads at 1, 4, 16
# and 32 connections), printing the tables and the issue-11 targets. Options go to load.mjs:
#   --reports 1500  submitted SIRs before the reads     --duration 5  seconds per read measurement
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
host_dir="$repo/host/SenGraph.Host/bin/Release/net10.0"

dotnet build "$repo/host/SenGraph.Host" -c Release -v q -nologo >/dev/null
[ -d "$here/node_modules/autocannon" ] || npm ci --prefix "$here" --no-audit --no-fund --silent >/dev/null

work=$(mktemp -d -t sengraph-load-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
host_args=(--urls "http://127.0.0.1:$port" --ConnectionStrings:SenGraph "Data Source=$work/bench.db"
  --Plugins:Watch false --Demo:SeedOnStart false --Logging:LogLevel:Default Warning --Logging:LogLevel:Microsoft.EntityFrameworkCore Warning)
export ASPNETCORE_ENVIRONMENT=Development
dotnet "$host_dir/SenGraph.Host.dll" "${host_args[@]}" >"$work/host.log" 2>&1 &
host_pid=$!
trap 'kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

token() { dotnet "$host_dir/SenGraph.Host.dll" token --user "$1" --roles "$2" --office "$3"; }
export SENGRAPH_URL="http://127.0.0.1:$port/graphql"
export AUTHOR_TOKEN=$(token bob Agent SAC-BOS)
export READER_TOKEN=$(token iris "IROC Staff" IROC-HQ)
for _ in $(seq 1 120); do curl -fs -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "$SENGRAPH_URL" && break; sleep 0.5; done

echo "host: Release, SQLite in $work, pid $host_pid; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
node "$here/load.mjs" "$@"
