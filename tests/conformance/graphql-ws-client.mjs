#!/usr/bin/env node
// Drives a running SenGraph host over WebSocket (subprotocol graphql-transport-ws) with the npm
// graphql-ws client, the way a browser app would. Needs the ticker and greeting test modules loaded.
//
//   node graphql-ws-client.mjs ws://127.0.0.1:5080/graphql <bearer token for an Agent>
//
// Prints one line of JSON with what it observed and exits 0; on a failure prints the error and exits 1.
// tests/SenGraph.Tests/WebSockets/GraphQLWsNodeClientTests.cs asserts on the observations.

import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node graphql-ws-client.mjs <ws url of /graphql> <bearer token>');
  process.exit(2);
}

const connect = (connectionParams) =>
  createClient({ url, webSocketImpl: WebSocket, connectionParams, lazy: true, retryAttempts: 0 });

/** Every result of one operation; rejects with what the client reports (GraphQL errors or a close event). */
async function collect(client, payload) {
  const results = [];
  for await (const result of client.iterate(payload)) results.push(result);
  return results;
}

/** What an operation failed with: the close code, or the GraphQL error messages. */
async function failure(client, payload) {
  try {
    await collect(client, payload);
    return 'no failure';
  } catch (e) {
    if (Array.isArray(e)) return { errors: e.map((error) => error.message) };
    return { code: e?.code, reason: e?.reason };
  }
}

const observations = {};
const agent = connect({ Authorization: `Bearer ${token}` });
try {
  observations.ticks = (await collect(agent, { query: 'subscription { ticks(count: 5) }' })).map((r) => r.data.ticks);
  observations.concurrent = (await Promise.all([
    collect(agent, { query: 'subscription { ticks(count: 3) }' }),
    collect(agent, { query: 'subscription Named { ticks(count: 4) }', operationName: 'Named' }),
  ])).map((results) => results.map((r) => r.data.ticks));
  observations.query = await collect(agent, { query: 'query ($n: String!) { greeting(name: $n) }', variables: { n: 'Node' } });
  observations.secret = await collect(agent, { query: '{ secretGreeting }' });
  observations.validation = await failure(agent, { query: '{ noSuchField }' });
} finally {
  await agent.dispose();
}

const anonymous = connect(undefined);
try {
  observations.anonymousSecret = await failure(anonymous, { query: '{ secretGreeting }' });
} finally {
  await anonymous.dispose();
}

const forged = connect({ Authorization: 'Bearer not-a-token' });
try {
  observations.forged = await failure(forged, { query: '{ greeting(name: "x") }' });
} finally {
  await forged.dispose();
}

console.log(JSON.stringify(observations));
