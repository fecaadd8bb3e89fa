// The live fan-out of issue 20 (item 2): N WebSocket clients (graphql-transport-ws, the graphql-ws library) each subscribe
// to reportSubmitted as the IROC reader, then one SIR is created and submitted; measured from the submitReport response
// being sent (its request start, and its answer) to the last subscriber's delivery. run.sh raises the host's per-user and
// per-address socket limits for this run only (GraphQL:WebSockets, environment variables of the bench host).
// Usage (run.sh calls it): node fanout.mjs --subscribers 1000; prints one JSON line.
import { createRequire } from 'node:module';
const require = createRequire(new URL('./load/package.json', import.meta.url));
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');

const url = process.env.SENGRAPH_URL;
const reader = process.env.READER_TOKEN;
const author = process.env.AUTHOR_TOKEN;
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const subscribers = option('--subscribers', 1000);
const timeoutMs = option('--timeout-ms', 60000);

async function post(query, variables, token) {
  const response = await fetch(url, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const wsUrl = url.replace(/^http/, 'ws');
const clients = [];
const deliveredAt = new Map();
let failures = 0;
const errors = [];
let resolveReady;
const ready = new Promise(r => { resolveReady = r; });
let acknowledged = 0;
const connectStart = performance.now();
// The server acknowledges a subscription only by starting it; a client counts as ready once its socket is acknowledged
// and the subscribe message is sent, and the submission waits until the host reports every subscription registered.
for (let i = 0; i < subscribers; i++) {
  const client = createClient({
    url: wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0,
    connectionParams: { Authorization: `Bearer ${reader}` },
    on: { connected: () => { if (++acknowledged === subscribers) resolveReady(); } },
  });
  clients.push(client);
  client.subscribe({ query: 'subscription { reportSubmitted { id number } }' }, {
    next: value => {
      if (value.errors) { failures++; errors.push(JSON.stringify(value.errors).slice(0, 200)); return; }
      const id = value.data.reportSubmitted.id;
      if (!deliveredAt.has(i)) deliveredAt.set(i, { at: performance.now(), id });
    },
    error: e => { failures++; errors.push(String(e?.message ?? e?.reason ?? e).slice(0, 200)); },
    complete: () => {},
  });
}
const connectTimer = setTimeout(() => resolveReady(), timeoutMs);
await ready;
clearTimeout(connectTimer);
const connectSeconds = (performance.now() - connectStart) / 1000;
// Subscribing is asynchronous on the server: give every subscribe message time to be registered before submitting.
await new Promise(r => setTimeout(r, Math.min(30000, 2000 + subscribers * 5)));

const input = {
  title: 'Fan-out benchmark arrest', category: 'SIGNIFICANT_ARREST', eventAt: new Date(Date.now() - 3600e3).toISOString(),
  eventCity: 'Boston', eventState: 'MA', people: [{ role: 'SUSPECT', firstName: 'Juan', lastName: 'Fanout', dateOfBirth: '1985-04-12' }],
  narratives: [{ heading: 'Incident', text: 'Fictional benchmark report.' }],
};
const created = await post('mutation($input: CreateSirInput!) { createSir(input: $input) { sir { id version } errors { code } } }', { input }, author);
const sir = created.data?.createSir?.sir;
if (!sir) throw new Error(`createSir failed: ${JSON.stringify(created).slice(0, 400)}`);
const submitStart = performance.now();
const submitted = await post('mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id number } errors { code } } }',
  { input: { id: sir.id, expectedVersion: sir.version } }, author);
const submitAnswered = performance.now();
if (!submitted.data?.submitReport?.report) throw new Error(`submitReport failed: ${JSON.stringify(submitted).slice(0, 400)}`);

const deadline = performance.now() + timeoutMs;
while ([...deliveredAt.values()].filter(d => d.id === sir.id).length < subscribers && performance.now() < deadline)
  await new Promise(r => setTimeout(r, 10));
const mine = [...deliveredAt.values()].filter(d => d.id === sir.id).map(d => d.at).sort((a, b) => a - b);
const at = q => mine.length ? mine[Math.min(mine.length - 1, Math.floor(q * mine.length))] - submitStart : null;
const result = {
  subscribers, connected: acknowledged, connectSeconds, delivered: mine.length, failures, errors: errors.slice(0, 5),
  submitMs: submitAnswered - submitStart,
  firstDeliveryMs: at(0), p50DeliveryMs: at(0.5), p99DeliveryMs: at(0.99),
  lastDeliveryMs: mine.length ? mine.at(-1) - submitStart : null,
  lastAfterAnswerMs: mine.length ? mine.at(-1) - submitAnswered : null,
};
console.log(JSON.stringify(result));
await Promise.all(clients.map(c => c.dispose()));
process.exit(0);
