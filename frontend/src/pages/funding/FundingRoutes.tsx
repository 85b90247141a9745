import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../components/StatusPages';

const FundingPage = lazy(() => import('./FundingPage'));
const ContractDetailPage = lazy(() => import('./ContractDetailPage'));

export default function FundingRoutes() {
  return (
    <Routes>
      <Route index element={<FundingPage />} />
      <Route path="contract/:id" element={<ContractDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
