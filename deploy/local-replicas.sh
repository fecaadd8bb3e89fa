#!/usr/bin/env bash
# Starts the production layout on loopback: N host replicas against one database, one Redis for live events and
# one shared module store, prints each replica's URL and readiness, and stops everything on Ctrl-C.
#
#   deploy/local-replicas.sh [-n N] [--base-port PORT] [--postgres CONNSTR] [--redis HOST:PORT] [--data DIR] [--env NAME]
#
#   -n N               replicas (default 2)
#   --base-port PORT   replica i listens on http://127.0.0.1:PORT+i-1 (default 5101)
#   --postgres CONNSTR Database:Provider=PostgreSql with this connection string (default: one SQLite file in DIR,
#                      fine on one machine; production uses PostgreSQL or SQL Server)
#   --redis HOST:PORT  an existing Redis (default: a private redis-server on a free port, stopped on exit)
#   --data DIR         where the SQLite file, the module store and the logs go (default: a new temporary folder)
#   --env NAME         ASPNETCORE_ENVIRONMENT (default Development: development tokens and directory; Production
#                      needs Authentication settings, see README "Running several replicas")
#
# Uses the built host (host/SenGraph.Host/bin/<Release|Debug>/net10.0); builds it in Release when there is none.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
replicas=2 base_port=5101 postgres="" redis="" data="" environment="Development"
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n) replicas="$2"; shift 2 ;;
    --base-port) base_port="$2"; shift 2 ;;
    --postgres) postgres="$2"; shift 2 ;;
    --redis) redis="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --env) environment="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$replicas" =~ ^[1-9][0-9]?$ ]] || { echo "-n must be 1..99, not '$replicas'" >&2; exit 2; }
[[ "$base_port" =~ ^[0-9]+$ && "$base_port" -ge 1024 && $((base_port + replicas)) -le 65535 ]] || { echo "--base-port must leave room for $replicas ports above 1024" >&2; exit 2; }

host_dll=""
for configuration in Release Debug; do
  candidate="$root/host/SenGraph.Host/bin/$configuration/net10.0/SenGraph.Host.dll"
  if [[ -f "$candidate" ]]; then host_dll="$candidate"; break; fi
done
if [[ -z "$host_dll" ]]; then
  echo "== building the host (Release)"
  dotnet build "$root/host/SenGraph.Host" -c Release -v quiet -nologo
  host_dll="$root/host/SenGraph.Host/bin/Release/net10.0/SenGraph.Host.dll"
fi

data="${data:-$(mktemp -d -t sengraph-replicas.XXXXXX)}"
mkdir -p "$data/logs" "$data/plugins"
# The shared module store: every replica watches it (Plugins:Path); seeded with the build's modules when empty.
if [[ -z "$(ls -A "$data/plugins")" ]]; then cp -r "$(dirname "$host_dll")/plugins/." "$data/plugins/"; fi

pids=()
redis_pid_file=""
stop() {
  trap - INT TERM EXIT
  echo
  echo "== stopping ${#pids[@]} replica(s)"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n "$redis_pid_file" && -s "$redis_pid_file" ]]; then
    echo "== stopping redis-server"
    kill "$(cat "$redis_pid_file")" 2>/dev/null || true
  fi
  echo "== data, module store and logs kept in $data"
}
trap stop INT TERM EXIT

if [[ -z "$redis" ]]; then
  command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install redis-server), or pass --redis HOST:PORT" >&2; exit 1; }
  redis_port="$(( base_port + replicas + 100 ))"
  redis_pid_file="$data/redis.pid"
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$redis_pid_file" --logfile "$data/logs/redis.log" --dir "$data"
  for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.2; done
  redis="127.0.0.1:$redis_port"
fi
echo "== Redis (live events): $redis"

export ASPNETCORE_ENVIRONMENT="$environment"
export Plugins__Path="$data/plugins"
export Events__Redis="$redis"
export Demo__SeedOnStart="${Demo__SeedOnStart:-false}"
if [[ -n "$postgres" ]]; then
  export Database__Provider=PostgreSql ConnectionStrings__SenGraph="$postgres"
  echo "== database: PostgreSQL ($postgres)"
else
  export Database__Provider=Sqlite ConnectionStrings__SenGraph="Data Source=$data/sengraph.db"
  echo "== database: SQLite $data/sengraph.db (one machine only; production uses PostgreSQL or SQL Server)"
fi

wait_ready() { # url pid -> 0 when /health/ready answers 200, 1 when the process ended or 120 s passed
  for _ in $(seq 1 600); do
    if ! kill -0 "$2" 2>/dev/null; then return 1; fi
    if curl -fsS -o /dev/null "$1/health/ready" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  return 1
}

for i in $(seq 1 "$replicas"); do
  url="http://127.0.0.1:$((base_port + i - 1))"
  dotnet "$host_dll" --urls "$url" >"$data/logs/replica-$i.log" 2>&1 &
  pids+=("$!")
  # One at a time: the first applies the migrations, the others find them applied.
  if wait_ready "$url" "$!"; then
    echo "replica $i: $url/graphql  ready ($url/health/ready: $(curl -fsS "$url/health/ready"))  log $data/logs/replica-$i.log"
  else
    echo "replica $i: $url did not become ready; last lines of $data/logs/replica-$i.log:" >&2
    tail -n 20 "$data/logs/replica-$i.log" >&2
    exit 1
  fi
done

echo "== $replicas replica(s) up; put a load balancer with WebSocket support in front of them (see README). Ctrl-C stops them."
wait
