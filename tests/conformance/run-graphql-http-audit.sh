#!/usr/bin/env bash
# Builds SenGraph.Host (Release), starts it on a free loopback port with a throwaway SQLite file,
# waits for it to answer, runs the graphql-http GraphQL-over-HTTP audit against /graphql, and always
# stops the host again. Exits with the audit's status (non-zero also when the host does not start).
#
#   tests/conformance/run-graphql-http-audit.sh [COUNTS_FILE]
#
# COUNTS_FILE (or env AUDIT_COUNTS_FILE) receives `passed=N`, `failed=M`, `audits=A` (how many audits ran)
# and `must_not_ok=K` (MUST audits that ended anywhere but ok), for .ci/run.
# Environment knobs:
#   SENGRAPH_AUDIT_CONFIGURATION  build configuration (default Release)
#   SENGRAPH_AUDIT_NO_BUILD=1     use the already built dll instead of building
#   SENGRAPH_AUDIT_STARTUP_SECONDS  how long to wait for the host (default 60)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
counts_file="${1:-${AUDIT_COUNTS_FILE:-}}"
configuration="${SENGRAPH_AUDIT_CONFIGURATION:-Release}"
startup_seconds="${SENGRAPH_AUDIT_STARTUP_SECONDS:-60}"
host_project="$root/host/SenGraph.Host"
host_dir="$host_project/bin/$configuration/net10.0"
host_dll="$host_dir/SenGraph.Host.dll"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

write_counts() { # passed failed audits must_not_ok
  if [[ -n "$counts_file" ]]; then
    mkdir -p "$(dirname "$counts_file")"
    printf 'passed=%s\nfailed=%s\naudits=%s\nmust_not_ok=%s\n' "$1" "$2" "$3" "$4" > "$counts_file"
  fi
}
# Until the audit has run, a stop for any reason counts as one failure and no audit run.
write_counts 0 1 0 0

work="$(mktemp -d "${TMPDIR:-/tmp}/sengraph-audit.XXXXXX")"
host_log="$work/host.log"
host_pid=""

show_host_log() {
  if [[ -s "$host_log" ]]; then
    echo "---- last 60 lines of the host's log ($host_log) ----"
    tail -n 60 "$host_log" || true
    echo "---- end of host log ----"
  fi
}

cleanup() {
  if [[ -n "$host_pid" ]] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$host_pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$host_pid" 2>/dev/null; then
      echo "host did not stop on SIGTERM within 10 s; killing it"
      kill -KILL "$host_pid" 2>/dev/null || true
    fi
    wait "$host_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ ! -d "$here/node_modules/graphql-http" ]]; then
  echo "== npm ci (tests/conformance)"
  (cd "$here" && npm ci --no-audit --no-fund)
fi

if [[ "${SENGRAPH_AUDIT_NO_BUILD:-0}" != "1" ]]; then
  echo "== dotnet build host/SenGraph.Host -c $configuration"
  (cd "$root" && dotnet build host/SenGraph.Host -c "$configuration" -nologo)
fi
if [[ ! -f "$host_dll" ]]; then
  echo "graphql-http audit: host not built: $host_dll is missing"
  exit 1
fi

# A free loopback port: bind port 0, read what the kernel gave, release it.
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});")"
base_url="http://127.0.0.1:$port"

echo "== starting $host_dll on $base_url (SQLite at $work/sengraph.db)"
# Content root = the output folder, so appsettings*.json and the plugins folder are found.
(
  cd "$host_dir"
  export ASPNETCORE_ENVIRONMENT=Development
  export ConnectionStrings__SenGraph="Data Source=$work/sengraph.db"
  exec dotnet "$host_dll" --urls "$base_url" </dev/null
) >"$host_log" 2>&1 &
host_pid=$!

# Readiness: the anonymous serverInfo query must answer with data.
probe='
const [url, timeoutMs] = process.argv.slice(1);
fetch(url, {
  method: "POST",
  headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
  body: JSON.stringify({ query: "{ serverInfo { version environment } }" }),
  signal: AbortSignal.timeout(Number(timeoutMs)),
})
  .then(async (r) => {
    const text = await r.text();
    let body;
    try { body = JSON.parse(text); } catch { body = undefined; }
    if (r.status !== 200 || !body?.data?.serverInfo) throw new Error(`HTTP ${r.status}: ${text.slice(0, 200)}`);
    console.log(`host ready: ${JSON.stringify(body.data.serverInfo)}`);
  })
  .catch((e) => { console.error(String(e?.cause?.code ?? e?.message ?? e)); process.exit(1); });
'
deadline=$((SECONDS + startup_seconds))
ready=0
last_probe=""
while (( SECONDS < deadline )); do
  if ! kill -0 "$host_pid" 2>/dev/null; then
    wait "$host_pid" 2>/dev/null && rc=0 || rc=$?
    host_pid=""
    echo "graphql-http audit: the host exited (status $rc) before it answered"
    show_host_log
    exit 1
  fi
  if last_probe="$(node -e "$probe" "$base_url/graphql" 5000 2>&1)"; then
    echo "$last_probe"
    ready=1
    break
  fi
  sleep 1
done
if (( ! ready )); then
  echo "graphql-http audit: the host did not answer { serverInfo } within ${startup_seconds} s (last probe: $last_probe)"
  show_host_log
  exit 1
fi

echo "== graphql-http audit of $base_url/graphql"
audit_out="$work/audit.out"
set +e
node "$here/graphql-http-audit.mjs" "$base_url/graphql" 2>&1 | tee "$audit_out"
audit_rc=${PIPESTATUS[0]}
set -e

summary="$(grep -E '^graphql-http audit: [0-9]+ passed, [0-9]+ failed$' "$audit_out" | tail -n 1 || true)"
totals="$(grep -E '^graphql-http audit: [0-9]+ audits, [0-9]+ MUST not ok$' "$audit_out" | tail -n 1 || true)"
if [[ "$summary" =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]] && passed="${BASH_REMATCH[1]}" && failed="${BASH_REMATCH[2]}" &&
   [[ "$totals" =~ ([0-9]+)\ audits,\ ([0-9]+)\ MUST ]]; then
  write_counts "$passed" "$failed" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
else
  echo "graphql-http audit: no summary lines (audit exit status $audit_rc)"
  write_counts 0 1 0 0
  (( audit_rc != 0 )) || audit_rc=1
fi

if (( audit_rc != 0 )) && ! kill -0 "$host_pid" 2>/dev/null; then
  echo "graphql-http audit: the host is no longer running"
fi
if (( audit_rc != 0 )); then
  show_host_log
fi
exit "$audit_rc"
