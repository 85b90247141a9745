import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { Forbidden, NotFound } from '../../components/StatusPages';
import { hasAnyRole, matcherRoles } from '../../nav';

const MatchBoardPage = lazy(() => import('./MatchBoardPage'));
const NeedMatchingPage = lazy(() => import('./NeedMatchingPage'));
const MatchDetailPage = lazy(() => import('./MatchDetailPage'));

// Auditors watch the board and open matches; only matching staff rank candidates.
function MatchersOnly({ children }: { children: ReactNode }) {
  const { roles } = useSession();
  return hasAnyRole(roles, matcherRoles) ? children : <Forbidden />;
}

// Routes carry ids only: children's names never go into addresses.
export default function MatchingRoutes() {
  return (
    <Routes>
      <Route index element={<MatchBoardPage />} />
      <Route
        path="need/:needId"
        element={
          <MatchersOnly>
            <NeedMatchingPage />
          </MatchersOnly>
        }
      />
      <Route path="match/:id" element={<MatchDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
