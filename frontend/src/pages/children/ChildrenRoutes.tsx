import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { Forbidden, NotFound } from '../../components/StatusPages';
import { childEditorRoles, childImportRoles, hasAnyRole } from '../../nav';

const ChildrenList = lazy(() => import('./ChildrenList'));
const ChildFilePage = lazy(() => import('./ChildFilePage'));
const ChildFormPage = lazy(() => import('./ChildFormPage'));
const ChildImportPage = lazy(() => import('./ChildImportPage'));

function EditorsOnly({ children }: { children: ReactNode }) {
  const { roles } = useSession();
  return hasAnyRole(roles, childEditorRoles) ? children : <Forbidden />;
}

function ImportersOnly({ children }: { children: ReactNode }) {
  const { roles } = useSession();
  return hasAnyRole(roles, childImportRoles) ? children : <Forbidden />;
}

// Routes carry ids only: names and ID numbers never go into addresses.
export default function ChildrenRoutes() {
  return (
    <Routes>
      <Route index element={<ChildrenList />} />
      <Route
        path="new"
        element={
          <EditorsOnly>
            <ChildFormPage />
          </EditorsOnly>
        }
      />
      <Route
        path="import"
        element={
          <ImportersOnly>
            <ChildImportPage />
          </ImportersOnly>
        }
      />
      <Route path=":id" element={<ChildFilePage />} />
      <Route
        path=":id/edit"
        element={
          <EditorsOnly>
            <ChildFormPage />
          </EditorsOnly>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
