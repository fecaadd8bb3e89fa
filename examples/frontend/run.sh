#!/usr/bin/env bash
# Builds the example (GraphQL Code Generator from schema/schema.graphql, then tsc) and runs it against a running
# host with demo data:  examples/frontend/run.sh http://127.0.0.1:5080/graphql
# Tokens come from the host's `token` command, as the README's quick start prints them. Run `npm ci` here first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
url="${1:?usage: run.sh <graphql url>}"

token() { (cd "$root" && dotnet run --project host/SenGraph.Host --no-build -- token "$@" | tail -n 1); }
agent="$(token --user alice --roles Agent --office SAC-NYC)"
supervisor="$(token --user sam --roles Supervisor --office SAC-NYC)"
iroc="$(token --user iris --roles "IROC Staff" --office IROC-HQ)"

cd "$here"
npm run --silent build
node dist/main.js "$url" "$agent" "$supervisor" "$iroc"
