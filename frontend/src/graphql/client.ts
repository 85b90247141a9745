import { Client, cacheExchange, fetchExchange, mapExchange, type Operation } from 'urql';
import { getOperationName } from '@urql/core';
import { errorCode } from './errors';

// A wrong password and a wrong current password are answered with
// UNAUTHENTICATED too; those must stay on the form, not end the session.
const handledByForm = new Set(['SignIn', 'ChangePassword']);

function endsSession(operation: Operation): boolean {
  return !handledByForm.has(getOperationName(operation.query) ?? '');
}

export function createClient(onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    fetchOptions: { credentials: 'include' },
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
    ],
  });
}
