#!/usr/bin/env bash
# Secure Communities import benchmark (README, Benchmarks; issue 19 item 1): builds the host in Release, writes
# fictional interface files with `sc generate --transmissions N` (about 12% matches, events for them), then on a
# fresh SQLite database in a temporary folder times `sc import` of both files, and the same import again (idempotent:
# nothing changes). Prints for each run the importer's own summary (rows, seconds, and its phases: parse, check,
# write, commit), rows per second, the wall time of the command (host start-up included) and the load average.
#   bench/sc-import.sh [--transmissions 1000000] [--keep DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
host_dir="$repo/host/SenGraph.Host/bin/Release/net10.0"
count=1000000
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --transmissions) count=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) echo "usage: bench/sc-import.sh [--transmissions N] [--keep DIR]" >&2; exit 2 ;;
  esac
done

dotnet build "$repo/host/SenGraph.Host" -c Release -v q -nologo >/dev/null
work=${keep:-$(mktemp -d -t sengraph-sc-bench-XXXXXX)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export ConnectionStrings__SenGraph="Data Source=$work/bench.db" Plugins__Path="$host_dir/plugins" Plugins__Watch=false Demo__SeedOnStart=false
export Logging__LogLevel__Default=Warning
host() { dotnet "$host_dir/SenGraph.Host.dll" "$@"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM; $(git -C "$repo" log -1 --format='%h %s' | cut -c1-80)"
if [ ! -f "$work/transmissions.csv" ] || [ "$(($(wc -l <"$work/transmissions.csv") - 1))" != "$count" ]; then
  host sc generate --transmissions "$count" --out "$work" >/dev/null
fi
events=$(($(wc -l <"$work/events.csv") - 1))
echo "files: $count transmissions ($(du -h "$work/transmissions.csv" | cut -f1)), $events case events ($(du -h "$work/events.csv" | cut -f1))"
rm -f "$work"/bench.db*

run() {
  local label=$1 load started summary wall seconds
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  started=$(date +%s.%N)
  summary=$(host sc import --transmissions "$work/transmissions.csv" --events "$work/events.csv" 2>"$work/import.err" | tail -1)
  wall=$(echo "$(date +%s.%N) - $started" | bc)
  seconds=$(echo "$summary" | sed -E 's/.*; ([0-9.]+) s \(.*/\1/')
  echo "$label: $summary"
  printf '  %.0f transmissions/s, %.0f rows/s (both files) in the import; command wall time %.1f s (host start-up included); load average %s at the start\n' \
    "$(echo "$count / $seconds" | bc -l)" "$(echo "($count + $events) / $seconds" | bc -l)" "$wall" "$load"
}

run "first import (fresh database)"
run "same files again (nothing changes)"
echo "database: $(du -h "$work/bench.db" | cut -f1)"
