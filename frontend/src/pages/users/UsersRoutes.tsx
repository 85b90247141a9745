import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../components/StatusPages';

const UsersList = lazy(() => import('./UsersList'));
const UserDetail = lazy(() => import('./UserDetail'));

export default function UsersRoutes() {
  return (
    <Routes>
      <Route index element={<UsersList />} />
      <Route path=":id" element={<UserDetail />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
