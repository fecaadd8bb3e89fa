// One urql client per user: queries and mutations over HTTP, subscriptions over graphql-ws (graphql-transport-ws).
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface SenGraphClient {
  client: Client;
  sockets: WsClient;
}

export function senGraphClient(url: string, token: string): SenGraphClient {
  const sockets = createWsClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${token}` },
    lazy: true,
  });
  const client = new Client({
    url,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    // urql aborts a finished request's fetch when its operation is torn down, which Node 20 reports as an
    // unhandled AbortError; a script that awaits each answer has nothing to cancel.
    fetch: (input, init) => fetch(input, { ...init, signal: null }),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: sockets.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, sockets };
}
