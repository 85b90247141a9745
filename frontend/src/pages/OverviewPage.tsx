import { useState } from 'react';
import { Alert, Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ChildOverviewQuery as OverviewResult, ReviewWorkloadQuery as WorkloadResult } from '../gql/graphql';
import { useSession } from '../auth/session';
import MonitoringExportButton from '../components/MonitoringExportButton';
import { AreaPathPicker } from '../components/pickers/AreaPicker';
import { ChildOverviewQuery, ReviewWorkloadQuery } from '../graphql/care';
import { errorMessage } from '../graphql/errors';
import { areaName } from '../labels';
import { hasAnyRole } from '../nav';

type Row = OverviewResult['childOverview'][number];
type WorkerRow = WorkloadResult['reviewWorkload'][number];

const counts = ['active', 'eligible', 'onLedger', 'visitsOverdue', 'reviewsDue'] as const;
type CountKey = (typeof counts)[number];

export function overviewTotals(rows: readonly Row[]): Record<CountKey, number> {
  const totals = { active: 0, eligible: 0, onLedger: 0, visitsOverdue: 0, reviewsDue: 0 };
  for (const r of rows) for (const k of counts) totals[k] += r[k];
  return totals;
}

// Children and open work by street, for civil affairs (and auditors, read-only).
export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  const { roles } = useSession();
  const [areaId, setAreaId] = useState<string | undefined>();
  const [{ data, fetching, error }] = useQuery({ query: ChildOverviewQuery, variables: { areaId: areaId ?? null } });
  const [workload] = useQuery({ query: ReviewWorkloadQuery, variables: { areaId: areaId ?? null } });
  const rows = data?.childOverview ?? [];
  const totals = overviewTotals(rows);
  const canExport = hasAnyRole(roles, ['CIVIL_AFFAIRS']);
  const warn = (k: CountKey) => k === 'visitsOverdue' || k === 'reviewsDue';
  return (
    <Card title={t('overview.title')} extra={canExport ? <MonitoringExportButton areaId={areaId} /> : null} data-testid="overview-page">
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <div style={{ width: 320, maxWidth: '100%' }}>
          <AreaPathPicker target="STREET" accept={['DISTRICT', 'STREET']} value={areaId} onChange={setAreaId} />
        </div>
        <Typography.Text type="secondary">{t('overview.hint')}</Typography.Text>
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Table<Row>
        rowKey={(r) => r.area.id}
        dataSource={rows}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('overview.empty') }}
        data-testid="overview-table"
        columns={[
          { title: t('overview.street'), key: 'area', render: (_, r) => <span data-testid="overview-street">{areaName(i18n, r.area)}</span> },
          ...counts.map((k) => ({
            title: t(`overview.${k}`),
            dataIndex: k,
            align: 'right' as const,
            render: (v: number) => (warn(k) && v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
          })),
        ]}
        summary={() =>
          rows.length > 0 ? (
            <Table.Summary.Row data-testid="overview-totals">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('overview.total')}</Typography.Text>
              </Table.Summary.Cell>
              {counts.map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 1} align="right">
                  <Typography.Text strong>{totals[k]}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('overview.workload')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('overview.workloadHint')}</Typography.Paragraph>
      <Table<WorkerRow>
        rowKey={(r) => r.worker}
        dataSource={workload.data?.reviewWorkload ?? []}
        loading={workload.fetching}
        pagination={false}
        size="small"
        locale={{ emptyText: t('overview.workloadEmpty') }}
        data-testid="review-workload"
        columns={[
          { title: t('overview.worker'), dataIndex: 'worker', render: (v: string) => v || t('overview.noWorker') },
          {
            title: t('overview.reviewsOverdue'),
            dataIndex: 'overdue',
            align: 'right',
            render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
          },
          { title: t('overview.reviewsDueSoon'), dataIndex: 'dueSoon', align: 'right' },
        ]}
      />
    </Card>
  );
}
