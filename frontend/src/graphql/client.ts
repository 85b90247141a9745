import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange, type Operation } from 'urql';
import { createClient as createWSClient } from 'graphql-ws';
import { getOperationName } from '@urql/core';
import { errorCode } from './errors';

// A wrong password and a wrong current password are answered with
// UNAUTHENTICATED too; those must stay on the form, not end the session.
const handledByForm = new Set(['SignIn', 'ChangePassword']);

function endsSession(operation: Operation): boolean {
  return !handledByForm.has(getOperationName(operation.query) ?? '');
}

// Subscriptions go over a websocket to the same /graphql, which the browser
// opens with the session cookie. It connects on the first subscription only
// and reconnects by itself after a network drop or a server restart.
function websocketURL(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}

export function createClient(onUnauthenticated: () => void): Client {
  const ws = createWSClient({ url: websocketURL, lazy: true, retryAttempts: Infinity });
  return new Client({
    url: '/graphql',
    // The custom header makes a browser ask before a cross-site upload, which
    // the server requires of multipart requests sent with the cookie.
    fetchOptions: { credentials: 'include', headers: { 'GraphQL-Preflight': '1' } },
    // The API contract is POST only; urql would otherwise send short queries as GET.
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error, operation) {
          if (errorCode(error) === 'UNAUTHENTICATED' && endsSession(operation)) {
            onUnauthenticated();
          }
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
