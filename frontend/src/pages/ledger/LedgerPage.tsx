import { useMemo, useState } from 'react';
import { Alert, Badge, Card, Flex, Space, Switch, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import type { LedgerQuery as LedgerResult } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import CursorPager, { useCursorPages } from '../../components/CursorPager';
import { AreaPathPicker } from '../../components/pickers/AreaPicker';
import { LedgerQuery } from '../../graphql/care';
import { errorMessage } from '../../graphql/errors';
import { areaName, formatDate } from '../../labels';
import { hasAnyRole, visitReviewRoles } from '../../nav';
import { OverdueTag, ReasonTags, RiskTag } from '../children/CareTab';
import PendingVisits, { usePendingVisits } from './PendingVisits';

type Row = LedgerResult['ledger']['edges'][number]['node'];

const pageSize = 20;

export type LedgerTab = 'ledger' | 'review';

// Which tabs of the ledger page a user sees: reviewing visits is for supervisors and civil affairs.
export function ledgerTabs(roles: Parameters<typeof hasAnyRole>[0]): LedgerTab[] {
  return ['ledger', ...(hasAnyRole(roles, visitReviewRoles) ? (['review'] as const) : [])];
}

function LedgerTable() {
  const { t, i18n } = useTranslation();
  // The overdue filter lives in the address (the home page links to it); the area does not need to.
  const [params, setParams] = useSearchParams();
  const overdue = params.get('overdue') === '1';
  const pages = useCursorPages();
  const [areaId, setAreaId] = useState<string | undefined>();
  const context = useMemo(() => ({ additionalTypenames: ['LedgerEntry', 'Visit'] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: LedgerQuery,
    variables: { first: pageSize, after: pages.after, areaId: areaId ?? null, overdue: overdue || null },
    context,
  });
  const conn = data?.ledger;

  const setOverdue = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('overdue', '1');
    else next.delete('overdue');
    setParams(next, { replace: true });
    pages.reset();
  };

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <div style={{ width: 320, maxWidth: '100%' }}>
          <AreaPathPicker
            target="COMMUNITY"
            accept={['DISTRICT', 'STREET', 'COMMUNITY']}
            value={areaId}
            onChange={(v) => {
              setAreaId(v);
              pages.reset();
            }}
          />
        </div>
        <Space>
          <Switch checked={overdue} onChange={setOverdue} data-testid="filter-overdue" />
          <Typography.Text>{t('ledger.overdueOnly')}</Typography.Text>
        </Space>
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Table<Row>
        rowKey={(r) => r.child.id}
        dataSource={conn?.edges.map((e) => e.node) ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: overdue ? t('ledger.noOverdue') : t('ledger.empty') }}
        data-testid="ledger-table"
        columns={[
          {
            title: t('child.name'),
            key: 'name',
            render: (_, r) => (
              <Link to={`/children/${r.child.id}`} data-testid="ledger-child">
                {r.child.name}
              </Link>
            ),
          },
          {
            title: t('child.community'),
            key: 'community',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>{areaName(i18n, r.child.community)}</span>
                <Typography.Text type="secondary">{areaName(i18n, r.child.street)}</Typography.Text>
              </Space>
            ),
          },
          { title: t('ledger.reasons'), key: 'reasons', render: (_, r) => <ReasonTags reasons={r.reasons} /> },
          { title: t('ledger.risk'), key: 'risk', render: (_, r) => <RiskTag risk={r.risk} /> },
          { title: t('ledger.enteredOn'), dataIndex: 'enteredOn', responsive: ['md'], render: (v: string) => formatDate(v) },
          {
            title: t('ledger.nextVisitDue'),
            key: 'due',
            render: (_, r) => (
              <Space>
                <Typography.Text type={r.overdue ? 'danger' : undefined}>{formatDate(r.nextVisitDue)}</Typography.Text>
                {r.overdue ? <OverdueTag /> : null}
              </Space>
            ),
          },
        ]}
      />
      <CursorPager pages={pages} conn={conn} fetching={fetching} testId="ledger-total" />
    </>
  );
}

function ReviewTabLabel() {
  const { t } = useTranslation();
  const [{ data }] = usePendingVisits();
  return (
    <Space size={6}>
      {t('ledger.tab.review')}
      <Badge count={data?.pendingVisits.length ?? 0} size="small" data-testid="pending-badge" />
    </Space>
  );
}

// The key-care ledger of the viewer's area, and the visits waiting for review.
export default function LedgerPage() {
  const { t } = useTranslation();
  const { roles } = useSession();
  const [params, setParams] = useSearchParams();
  const tabs = ledgerTabs(roles);
  const wanted = params.get('tab') as LedgerTab | null;
  const tab: LedgerTab = wanted && tabs.includes(wanted) ? wanted : 'ledger';
  return (
    <Card title={t('ledger.title')} data-testid="ledger-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          const next = new URLSearchParams(params);
          if (k === 'ledger') next.delete('tab');
          else next.set('tab', k);
          setParams(next, { replace: true });
        }}
        destroyOnHidden
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`tab-${key}`}>{key === 'review' ? <ReviewTabLabel /> : t('ledger.tab.ledger')}</span>,
          children: key === 'ledger' ? <LedgerTable /> : <PendingVisits />,
        }))}
      />
    </Card>
  );
}
