#!/usr/bin/env node
// The reportSubmitted subscription through the npm graphql-ws client (or, with `sse`, the npm graphql-sse
// client in distinct connections mode) against a running SenGraph host with the SIR module, the way a
// browser app would use it: one user subscribes, another submits SIRs over HTTP, and the subscriber must
// receive them live.
//
//   node report-submitted-client.mjs <ws url of /graphql> <http url of /graphql> <subscriber token> <author token> [ws|sse]
//
// The author's office must not require review (the author's drafts are submitted directly). Prints one
// line of JSON ({ submitted: [{id, number}], received: [report...] }) and exits 0; on a failure prints it and exits 1.
// tests/SenGraph.Tests/Sir/ReportSubmittedNodeClientTests.cs asserts on the output.

import { createClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';

const [wsUrl, httpUrl, subscriberToken, authorToken, transport = 'ws'] = process.argv.slice(2);
if (!wsUrl || !httpUrl || !subscriberToken || !authorToken) {
  console.error('usage: node report-submitted-client.mjs <ws url> <http url> <subscriber token> <author token>');
  process.exit(2);
}

async function graphql(query, variables) {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${authorToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function draftAndSubmit(n) {
  const created = await graphql(
    'mutation($input: CreateSirInput!) { createSir(input: $input) { sir { id version } errors { code message } } }',
    { input: { title: `Live SIR ${n}`, category: 'SIGNIFICANT_SEIZURE', eventState: 'MA', seizedProperty: 'Currency' } });
  if (created.createSir.errors.length) throw new Error(JSON.stringify(created.createSir.errors));
  const { id, version } = created.createSir.sir;
  const submitted = await graphql(
    'mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id number } errors { code message } } }',
    { input: { id, expectedVersion: version } });
  if (submitted.submitReport.errors.length) throw new Error(JSON.stringify(submitted.submitReport.errors));
  return submitted.submitReport.report;
}

const received = [];
const submitted = [];
const client = transport === 'sse'
  ? createSseClient({ url: httpUrl, singleConnection: false, retryAttempts: 0, headers: { Authorization: `Bearer ${subscriberToken}` } })
  : createClient({
    url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false,
    connectionParams: { Authorization: `Bearer ${subscriberToken}` },
  });
let failed;
const stop = client.subscribe(
  { query: 'subscription { reportSubmitted { id number title status originatingOffice ... on Sir { category seizedProperty } } }' },
  { next: (result) => (result.errors ? (failed = result.errors) : received.push(result.data.reportSubmitted)), error: (e) => (failed = e), complete: () => {} });

try {
  // The server registers the subscription asynchronously: submit until one submission arrives (at most 5 tries).
  for (let attempt = 1; attempt <= 5 && !submitted.some((s) => received.some((r) => r.id === s.id)); attempt++) {
    submitted.push(await draftAndSubmit(attempt));
    for (let waited = 0; waited < 3000 && !received.some((r) => r.id === submitted.at(-1).id) && !failed; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    if (failed) throw new Error(JSON.stringify(failed));
  }
  console.log(JSON.stringify({ submitted, received }));
} catch (e) {
  console.error(e?.stack ?? e);
  process.exitCode = 1;
} finally {
  stop();
  await client.dispose();
}
