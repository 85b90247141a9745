import { lazy, Suspense } from 'react';
import { Badge, Card, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import type { Role } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import { PageLoading } from '../../components/StatusPages';
import { PendingDeliveriesQuery } from '../../graphql/funding';
import { budgetReaderRoles, fundingManagerRoles, hasAnyRole } from '../../nav';
import BudgetTab from './BudgetTab';
import ContractsTab from './ContractsTab';
import { pendingContext } from './FundingParts';
import InvoicesTab from './InvoicesTab';
import VerifyTab from './VerifyTab';

// The charts are heavy; only the report tab loads them.
const ReportTab = lazy(() => import('./ReportTab'));

export type FundingTab = 'budget' | 'contracts' | 'verify' | 'invoices' | 'report';

// Which tabs a user sees: budgets are the bureau's (and the auditors'),
// verification is civil affairs' work; contracts, invoices and the report are
// for everyone on the page, each scoped by the server.
export function fundingTabs(roles: readonly Role[]): FundingTab[] {
  return [
    ...(hasAnyRole(roles, budgetReaderRoles) ? (['budget'] as const) : []),
    'contracts',
    ...(hasAnyRole(roles, fundingManagerRoles) ? (['verify'] as const) : []),
    'invoices',
    'report',
  ];
}

function VerifyTabLabel() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: PendingDeliveriesQuery, context: pendingContext });
  return (
    <Space size={6}>
      {t('purchase.tab.verify')}
      <Badge count={data?.pendingDeliveries.length ?? 0} size="small" data-testid="verify-badge" />
    </Space>
  );
}

function Pane({ tab }: { tab: FundingTab }) {
  switch (tab) {
    case 'budget':
      return <BudgetTab />;
    case 'contracts':
      return <ContractsTab />;
    case 'verify':
      return <VerifyTab />;
    case 'invoices':
      return <InvoicesTab />;
    case 'report':
      return (
        <Suspense fallback={<PageLoading />}>
          <ReportTab />
        </Suspense>
      );
  }
}

export default function FundingPage() {
  const { t } = useTranslation();
  const { roles } = useSession();
  const [params, setParams] = useSearchParams();
  const tabs = fundingTabs(roles);
  const wanted = params.get('tab') as FundingTab | null;
  const tab: FundingTab = wanted && tabs.includes(wanted) ? wanted : tabs[0];
  return (
    <Card title={t('purchase.title')} data-testid="funding-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          const next = new URLSearchParams(params);
          next.set('tab', k);
          // A contract filter belongs to the contracts tab only.
          if (k !== 'contracts') next.delete('line');
          setParams(next, { replace: true });
        }}
        destroyOnHidden
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`tab-${key}`}>{key === 'verify' ? <VerifyTabLabel /> : t(`purchase.tab.${key}`)}</span>,
          children: <Pane tab={key} />,
        }))}
      />
    </Card>
  );
}
