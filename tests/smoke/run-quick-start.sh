#!/usr/bin/env bash
# The README's quick start, as a new user runs it: starts the README's run command exactly as written
# (`dotnet run --project host/SenGraph.Host`, which builds the host and every module), on a free loopback
# port through the documented Kestrel setting, waits until it listens, runs the README's walk-through
# against it (readme-walkthrough.mjs), and always stops it.
#
#   tests/smoke/run-quick-start.sh [COUNTS_FILE]
#
# COUNTS_FILE receives `passed=N` and `failed=M` for .ci/run. Run it on a clean clone, before anything
# else builds: the point is to see what a new user sees.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
counts_file="${1:-}"
startup_seconds="${SENGRAPH_SMOKE_STARTUP_SECONDS:-900}"
write_counts() { [[ -z "$counts_file" ]] || printf 'passed=%s\nfailed=%s\n' "$1" "$2" > "$counts_file"; }
write_counts 0 1

cd "$root"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
log="$(mktemp "${TMPDIR:-/tmp}/sengraph-smoke.XXXXXX.log")"

# The README's first command, verbatim, in its own process group so stopping it stops the built host too.
command="$(grep -m1 -oE '^dotnet run --project host/SenGraph.Host(\s|$)' README.md | sed 's/[[:space:]]*$//')"
if [[ -z "$command" ]]; then echo "the README has no 'dotnet run --project host/SenGraph.Host' line"; exit 1; fi
echo "== $command   (Kestrel__Endpoints__Http__Url=$url)"
Kestrel__Endpoints__Http__Url="$url" setsid bash -c "$command" >"$log" 2>&1 &
pid=$!
stop() {
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
trap stop EXIT

started=0
for _ in $(seq 1 "$startup_seconds"); do
  if grep -q "Now listening on: $url" "$log"; then started=1; break; fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 1
done
if (( started == 0 )); then
  echo "the host did not start listening on $url; its log:"; tail -n 80 "$log"
  exit 1
fi
grep -E "SenGraph ready in|Loaded module|Demo reports written|skipped" "$log" | sed 's/^/   host: /' || true

folders=()
for dir in modules/*/; do
  name="$(basename "$dir")"
  [[ "$name" == _* ]] || folders+=("$name")
done

status=0
output="$(node tests/smoke/readme-walkthrough.mjs "$url" "${folders[@]}")" || status=$?
echo "$output"
passed="$(sed -n 's/^smoke: \([0-9]\+\) passed, \([0-9]\+\) failed$/\1/p' <<<"$output")"
failed="$(sed -n 's/^smoke: \([0-9]\+\) passed, \([0-9]\+\) failed$/\2/p' <<<"$output")"
if (( status != 0 )) && [[ "${failed:-0}" == "0" ]]; then failed=1; fi
write_counts "${passed:-0}" "${failed:-1}"
if (( status != 0 )); then echo "---- host log ----"; tail -n 60 "$log"; fi
exit "$status"
