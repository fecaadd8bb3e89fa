#!/usr/bin/env node
// GraphQL-over-HTTP conformance audit (graphql-http's server audits) against a running endpoint.
//
//   node graphql-http-audit.mjs http://127.0.0.1:5000/graphql
//
// Runs the same audit list as graphql-http's `auditServer({ url })`, one audit at a time so that a
// fatal error (connection refused, timeout) in one audit is reported as that audit's failure instead
// of aborting the whole run. Prints one line per audit, then `graphql-http audit: N passed, M failed`.
//
// Passed = ok, notice (a MAY) or an `error`/`warn` listed in graphql-http-exceptions.json.
// Failed = any other `error` (a failed MUST) or `warn` (a failed SHOULD).
// Then `graphql-http audit: A audits, K MUST not ok` (how many audits this graphql-http version has, and
// how many MUST audits ended anywhere but `ok`), for CI's floor.
// Exit code: 0 when nothing failed and every MUST is ok, 1 otherwise, 2 on bad usage.
//
// graphql-http-exceptions.json maps an audit id to a written reason, e.g.
//   { "ABCD": "SHOULD ... contradicts spec text '...' (GraphQL over HTTP, section ...)" }
// Only SHOULD audits may be excepted: a failed MUST is never excused here.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverAudits } from 'graphql-http';

const here = dirname(fileURLToPath(import.meta.url));
const exceptionsPath = process.env.GRAPHQL_HTTP_AUDIT_EXCEPTIONS ?? join(here, 'graphql-http-exceptions.json');
const requestTimeoutMs = Number(process.env.GRAPHQL_HTTP_AUDIT_REQUEST_TIMEOUT_MS ?? 30000);

const url = process.argv[2];
if (!url || process.argv.length > 3) {
  console.error('usage: node graphql-http-audit.mjs <url of the GraphQL endpoint>');
  process.exit(2);
}

function loadExceptions() {
  let raw;
  try {
    raw = readFileSync(exceptionsPath, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return {};
    throw err;
  }
  const parsed = JSON.parse(raw);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${exceptionsPath}: expected a JSON object mapping audit id to reason`);
  }
  for (const [id, reason] of Object.entries(parsed)) {
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(`${exceptionsPath}: exception "${id}" needs a written reason`);
    }
  }
  return parsed;
}

// Every request gets a deadline, so a hanging server fails the audit instead of the CI run.
const fetchFn = (input, init = {}) =>
  fetch(input, { ...init, signal: init.signal ?? AbortSignal.timeout(requestTimeoutMs) });

async function bodySnippet(response) {
  if (!response || response.bodyUsed) return '';
  try {
    const text = await response.text();
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return '';
  }
}

function oneLine(text) {
  return String(text).replace(/\s+/g, ' ').trim();
}

let exceptions;
try {
  exceptions = loadExceptions();
} catch (err) {
  console.error(`graphql-http audit: cannot read exceptions: ${err.message}`);
  console.log('graphql-http audit: 0 passed, 1 failed');
  process.exit(1);
}

const audits = serverAudits({ url, fetchFn });
let passed = 0;
let failed = 0;
// A MUST audit counts only when it is `ok`: CI fails on any MUST below that, excepted or not.
let mustNotOk = 0;
const seen = new Set();

console.log(`graphql-http audit of ${url} (${audits.length} audits)`);
for (const { id, name, fn } of audits) {
  seen.add(id);
  let result;
  try {
    result = await fn();
  } catch (err) {
    // Not an assertion failure: the request itself failed (refused, reset, timed out, ...).
    const cause = err?.cause ? ` (${err.cause.code ?? err.cause.message ?? err.cause})` : '';
    result = {
      id,
      name,
      // The audit could not run at all: that fails the run whatever the requirement level.
      status: 'error',
      reason: `fatal: ${err?.message ?? err}${cause}`,
    };
  }

  const { status } = result;
  if (name.startsWith('MUST') && status !== 'ok') mustNotOk++;
  if (status === 'ok') {
    passed++;
    const stale = exceptions[id] !== undefined ? ' [note: listed as an exception but passes now; remove it]' : '';
    console.log(`ok      ${id} ${name}${stale}`);
    continue;
  }
  if (status === 'notice') {
    passed++;
    console.log(`notice  ${id} ${name} -- ${oneLine(result.reason)}`);
    continue;
  }

  const exception = exceptions[id];
  if (exception !== undefined && status === 'warn') {
    passed++;
    console.log(`except  ${id} ${name} -- ${oneLine(result.reason)} [excepted: ${oneLine(exception)}]`);
    continue;
  }

  failed++;
  const http = result.response ? ` [HTTP ${result.response.status} ${result.response.headers.get('content-type') ?? '-'}]` : '';
  const body = await bodySnippet(result.response);
  const ignored = exception !== undefined ? ' [exception ignored: a failed MUST cannot be excepted]' : '';
  console.log(`${status.padEnd(7)} ${id} ${name} -- ${oneLine(result.reason)}${http}${body ? ` body: ${oneLine(body)}` : ''}${ignored}`);
}

for (const id of Object.keys(exceptions)) {
  if (!seen.has(id)) console.log(`note: exception "${id}" names no audit of this graphql-http version`);
}

console.log(`graphql-http audit: ${audits.length} audits, ${mustNotOk} MUST not ok`);
console.log(`graphql-http audit: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || mustNotOk > 0 ? 1 : 0);
