import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider, useQuery, type CombinedError } from 'urql';
import { graphql } from '../gql';
import type { Role, UserFieldsFragment } from '../gql/graphql';
import { createClient } from '../graphql/client';

const MeQuery = graphql(`
  query Me {
    me {
      ...UserFields
    }
  }
`);

export type Me = UserFieldsFragment;

interface Session {
  me: Me | null;
  roles: Role[];
  loading: boolean;
  error?: CombinedError;
  retry: () => void;
  // Drops every cached answer and asks the server who we are again: used after
  // sign-in, sign-out and whenever the server says the session is gone.
  reset: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside ApiProvider');
  return session;
}

export function ApiProvider({ children }: { children: ReactNode }) {
  const [generation, setGeneration] = useState(0);
  const reset = useCallback(() => setGeneration((g) => g + 1), []);
  const lastReset = useRef(-1);
  // Public pages (volunteer sign-up) ask the server while signed out; an
  // UNAUTHENTICATED answer then means nothing about a session and must not reset.
  const signedIn = useRef(false);
  const client = useMemo(
    () =>
      createClient(() => {
        if (!signedIn.current) return;
        // Several requests in flight can fail together; one reset is enough.
        if (lastReset.current === generation) return;
        lastReset.current = generation;
        reset();
      }),
    [generation, reset],
  );
  return (
    <Provider value={client}>
      <SessionProvider reset={reset} signedIn={signedIn}>
        {children}
      </SessionProvider>
    </Provider>
  );
}

function SessionProvider({
  reset,
  signedIn,
  children,
}: {
  reset: () => void;
  signedIn: { current: boolean };
  children: ReactNode;
}) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeQuery });
  signedIn.current = !!data?.me;
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const value = useMemo<Session>(() => {
    const me = data?.me ?? null;
    const roles = me ? [...new Set(me.grants.map((g) => g.role))] : [];
    return { me, roles, loading: fetching && !data, error, retry, reset };
  }, [data, fetching, error, retry, reset]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
