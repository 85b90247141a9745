import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Input, Space, Switch, Table, Typography } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import type { ChildRowFragment } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import CursorPager, { useCursorPages } from '../../components/CursorPager';
import { AreaPathPicker } from '../../components/pickers/AreaPicker';
import { ChildrenQuery } from '../../graphql/children';
import { errorMessage } from '../../graphql/errors';
import { areaName, formatDate, genderLabel } from '../../labels';
import { childEditorRoles, childImportRoles, hasAnyRole, monitoringExportRoles } from '../../nav';
import MonitoringExportButton from '../../components/MonitoringExportButton';
import { EligibilityTag } from './Eligibility';

const pageSize = 20;

export default function ChildrenList() {
  const { t, i18n } = useTranslation();
  const { roles } = useSession();
  const navigate = useNavigate();
  // Only the review filter lives in the address (the home page links to it);
  // ID numbers searched for stay in memory.
  const [params, setParams] = useSearchParams();
  const reviewDue = params.get('reviewDue') === '1';
  const pages = useCursorPages();
  const [areaId, setAreaId] = useState<string | undefined>();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [idNumber, setIdNumber] = useState('');
  const context = useMemo(() => ({ additionalTypenames: ['Child'] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: ChildrenQuery,
    variables: {
      first: pageSize,
      after: pages.after,
      areaId: areaId ?? null,
      idNumber: idNumber || null,
      reviewDue: reviewDue || null,
      includeInactive: includeInactive || null,
    },
    context,
  });
  const conn = data?.children;
  const canRegister = hasAnyRole(roles, childEditorRoles);
  const canImport = hasAnyRole(roles, childImportRoles);
  const canExport = hasAnyRole(roles, monitoringExportRoles);

  const setReviewDue = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('reviewDue', '1');
    else next.delete('reviewDue');
    setParams(next, { replace: true });
    pages.reset();
  };

  return (
    <Card
      title={t('children.title')}
      extra={
        <Flex gap={8} wrap justify="end">
          {canExport ? <MonitoringExportButton areaId={areaId} /> : null}
          {canImport ? (
            <Button icon={<ImportOutlined />} onClick={() => navigate('/children/import')} data-testid="import-children">
              {t('children.import')}
            </Button>
          ) : null}
          {canRegister ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/children/new')} data-testid="register-child">
              {t('children.register')}
            </Button>
          ) : null}
        </Flex>
      }
    >
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
          <Switch checked={reviewDue} onChange={setReviewDue} data-testid="filter-review-due" />
          <Typography.Text>{t('children.reviewDueFilter')}</Typography.Text>
        </Space>
        <Space>
          <Switch
            checked={includeInactive}
            onChange={(v) => {
              setIncludeInactive(v);
              pages.reset();
            }}
            data-testid="filter-include-inactive"
          />
          <Typography.Text>{t('children.includeInactive')}</Typography.Text>
        </Space>
        <Input.Search
          allowClear
          autoComplete="off"
          maxLength={18}
          placeholder={t('children.searchIdNumber')}
          enterButton={t('common.search')}
          onSearch={(v) => {
            setIdNumber(v.trim().toUpperCase());
            pages.reset();
          }}
          style={{ maxWidth: 320 }}
          data-testid="search-id-number"
        />
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Table<ChildRowFragment>
        rowKey="id"
        dataSource={conn?.edges.map((e) => e.node) ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: idNumber ? t('children.noMatch') : t('children.empty') }}
        onRow={(c) => ({
          onClick: () => navigate(`/children/${c.id}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('child.name'), dataIndex: 'name', render: (v: string, c) => (c.active ? v : <Typography.Text type="secondary">{v}</Typography.Text>) },
          { title: t('child.gender'), key: 'gender', render: (_, c) => genderLabel(t, c.gender) },
          { title: t('child.age'), dataIndex: 'age' },
          {
            title: t('child.community'),
            key: 'community',
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                <span>{areaName(i18n, c.community)}</span>
                <Typography.Text type="secondary">{areaName(i18n, c.street)}</Typography.Text>
              </Space>
            ),
          },
          { title: t('child.eligibility'), key: 'eligibility', render: (_, c) => <EligibilityTag eligibility={c.eligibility} /> },
          {
            title: t('child.review'),
            key: 'review',
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                <span>{t('child.lastReviewedOn', { date: c.lastReviewedOn ? formatDate(c.lastReviewedOn) : t('child.notReviewed') })}</span>
                <Typography.Text type={c.reviewOverdue ? 'danger' : 'secondary'} data-overdue={c.reviewOverdue ? 'true' : undefined}>
                  {t(c.reviewOverdue ? 'child.reviewOverdue' : 'child.reviewDueOn', { date: formatDate(c.reviewDueOn) })}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('child.registeredBy'), dataIndex: 'registeredBy', responsive: ['md'], render: (v: string | null) => v || '—' },
        ]}
      />
      <CursorPager pages={pages} conn={conn} fetching={fetching} testId="children-total" />
    </Card>
  );
}
