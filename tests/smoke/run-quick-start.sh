#!/usr/bin/env bash
# The README's quick start, as a new user runs it: starts the README's run command exactly as written
# (`dotnet run --project host/SenGraph.Host`, which builds the host and every module), on a free loopback
# port through the documented Kestrel setting, waits until it listens, runs the README's walk-through
# against it (readme-walkthrough.mjs), then drives Banana Cake Pop on it in Debian's Chromium
# (banana-cake-pop.mjs, playwright-core from this folder's package.json: `npm ci` here first), runs the
# front-end example (examples/frontend/run.sh: urql + GraphQL Code Generator; `npm ci` there first), and always
# stops it.
#
#   tests/smoke/run-quick-start.sh [COUNTS_FILE] [ARTIFACTS_DIR]
#
# COUNTS_FILE receives `passed=N` and `failed=M` for .ci/run; ARTIFACTS_DIR the IDE's screenshots. Run it on a clean clone, before anything
# else builds: the point is to see what a new user sees.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
counts_file="${1:-}"
artifacts="${2:-$root/artifacts/bcp}"
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

# Each script closes with `NAME: N passed, M failed`; a script that dies without it counts as one failure.
total_passed=0
total_failed=0
status=0
run_checks() { # NAME COMMAND...
  local name="$1" out rc=0 p f
  shift
  out="$("$@")" || rc=$?
  echo "$out"
  p="$(sed -n "s/^$name: \([0-9]\+\) passed, \([0-9]\+\) failed$/\1/p" <<<"$out")"
  f="$(sed -n "s/^$name: \([0-9]\+\) passed, \([0-9]\+\) failed$/\2/p" <<<"$out")"
  if (( rc != 0 )) && [[ "${f:-0}" == "0" ]]; then f=1; fi
  total_passed=$((total_passed + ${p:-0}))
  total_failed=$((total_failed + ${f:-1}))
  (( rc == 0 )) || status=1
}
run_checks smoke node tests/smoke/readme-walkthrough.mjs "$url" "${folders[@]}"
run_checks bcp node tests/smoke/banana-cake-pop.mjs "$url" "$artifacts"
run_checks dashboard node tests/smoke/secure-communities-dashboard.mjs "$url" "$artifacts"
# The front-end example (examples/frontend: `npm ci` there first), typed from schema/schema.graphql, on the same host.
run_checks frontend bash examples/frontend/run.sh "$url/graphql"
write_counts "$total_passed" "$total_failed"
if (( status != 0 )); then echo "---- host log ----"; tail -n 60 "$log"; fi
exit "$status"
