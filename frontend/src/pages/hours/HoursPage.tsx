import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Popconfirm, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { CheckOutlined, DownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { SessionFieldsFragment } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import CursorPager, { useCursorPages } from '../../components/CursorPager';
import NoteConfirm from '../../components/NoteConfirm';
import { errorMessage } from '../../graphql/errors';
import { MyHoursQuery, PendingHoursQuery, ReviewHoursMutation } from '../../graphql/matching';
import { attendanceColor, attendanceLabel, formatHours, formatSpan } from '../../labels';
import { hasAnyRole, hoursReviewRoles } from '../../nav';
import { SessionTable } from '../matching/MatchParts';
import { certificateUrl, downloadCertificate } from './certificate';

const pageSize = 20;

export type HoursTab = 'mine' | 'review';

// Volunteers see their own hours; organisation staff review their volunteers'. Someone who is both sees both.
export function hoursTabs(roles: Parameters<typeof hasAnyRole>[0]): HoursTab[] {
  return [...(roles.includes('VOLUNTEER') ? (['mine'] as const) : []), ...(hasAnyRole(roles, hoursReviewRoles) ? (['review'] as const) : [])];
}

function CertificateButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      const problem = await downloadCertificate(fetch, t);
      if (problem) message.error(problem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void onClick()} data-testid="download-certificate" data-href={certificateUrl}>
      {t('hours.certificate')}
    </Button>
  );
}

function MyHours() {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const context = useMemo(() => ({ additionalTypenames: ['ServiceSession'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: MyHoursQuery, variables: { first: pageSize, after: pages.after }, context, requestPolicy: 'cache-and-network' });
  const hours = data?.myHours;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} role="alert" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <div data-testid="approved-hours">
            <Statistic title={t('hours.approvedTotal')} value={hours ? formatHours(hours.approvedMinutes) : '—'} suffix={t('hours.unit')} loading={fetching && !data} />
          </div>
        </Col>
        <Col xs={12} md={6}>
          <div data-testid="pending-hours">
            <Statistic title={t('hours.pendingTotal')} value={hours ? formatHours(hours.pendingMinutes) : '—'} suffix={t('hours.unit')} loading={fetching && !data} />
          </div>
        </Col>
        <Col xs={24} md={12}>
          <Flex vertical gap={4} align="flex-start">
            <CertificateButton />
            <Typography.Text type="secondary">{t('hours.certificateHint')}</Typography.Text>
          </Flex>
        </Col>
      </Row>
      <SessionTable sessions={hours?.sessions.edges.map((e) => e.node) ?? []} showTitle />
      <CursorPager pages={pages} conn={hours?.sessions} fetching={fetching} testId="my-hours-total" />
    </Space>
  );
}

function PendingHours() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pages = useCursorPages();
  const [selected, setSelected] = useState<string[]>([]);
  const context = useMemo(() => ({ additionalTypenames: ['ServiceSession'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: PendingHoursQuery, variables: { first: pageSize, after: pages.after }, context });
  const [reviewState, review] = useMutation(ReviewHoursMutation);
  const conn = data?.pendingHours;
  const rows = conn?.edges.map((e) => e.node) ?? [];
  const shown = new Set(rows.map((r) => r.id));
  const chosen = selected.filter((id) => shown.has(id));

  const decide = async (approve: boolean, note?: string) => {
    const r = await review({ ids: chosen, approve, note: note || null });
    if (r.error) {
      message.error(errorMessage(r.error, t));
      return false;
    }
    message.success(t(approve ? 'hours.approvedDone' : 'hours.rejectedDone', { count: chosen.length }));
    setSelected([]);
    return true;
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('hours.reviewHint')}</Typography.Text>
      <Flex gap={8} wrap align="center">
        <Popconfirm
          title={t('hours.approveConfirm', { count: chosen.length })}
          okText={t('hours.approve')}
          cancelText={t('common.cancel')}
          onConfirm={() => decide(true)}
          disabled={chosen.length === 0}
          okButtonProps={{ 'data-testid': 'approve-hours-ok' }}
        >
          <Button type="primary" icon={<CheckOutlined />} disabled={chosen.length === 0} loading={reviewState.fetching} data-testid="approve-hours">
            {t('hours.approve')}
          </Button>
        </Popconfirm>
        <NoteConfirm
          title={t('hours.rejectConfirm', { count: chosen.length })}
          placeholder={t('hours.rejectNote')}
          okText={t('hours.reject')}
          danger
          onConfirm={(note) => decide(false, note)}
          testId="reject-hours"
        >
          <Button danger icon={<RollbackOutlined />} disabled={chosen.length === 0} data-testid="reject-hours">
            {t('hours.reject')}
          </Button>
        </NoteConfirm>
        {chosen.length ? <Typography.Text type="secondary">{t('hours.selected', { count: chosen.length })}</Typography.Text> : null}
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} role="alert" /> : null}
      <Table<SessionFieldsFragment>
        rowKey="id"
        dataSource={rows}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('hours.reviewEmpty') }}
        data-testid="pending-hours-table"
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: t('hours.loggedBy'), key: 'loggedBy', render: (_, s) => s.loggedBy || '—' },
          { title: t('hours.service'), dataIndex: 'title', key: 'title' },
          { title: t('hours.time'), key: 'time', render: (_, s) => formatSpan(s.startsAt, s.endsAt) },
          { title: t('hours.duration'), key: 'hours', render: (_, s) => t('hours.hoursValue', { hours: formatHours(s.minutes) }) },
          {
            title: t('inbox.attendance'),
            key: 'attendance',
            render: (_, s) => <Tag color={attendanceColor[s.attendance]}>{attendanceLabel(t, s.attendance)}</Tag>,
          },
          {
            title: t('hours.note'),
            key: 'note',
            render: (_, s) => <Typography.Paragraph style={{ maxWidth: 280, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{s.note || '—'}</Typography.Paragraph>,
          },
        ]}
      />
      <CursorPager pages={pages} conn={conn} fetching={fetching} testId="pending-hours-total" />
    </Space>
  );
}

export default function HoursPage() {
  const { t } = useTranslation();
  const { roles } = useSession();
  const tabs = hoursTabs(roles);
  const [tab, setTab] = useState<HoursTab>(tabs[0] ?? 'mine');
  return (
    <Card title={t('hours.title')} data-testid="hours-page">
      {tabs.length > 1 ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as HoursTab)}
          destroyOnHidden
          items={tabs.map((key) => ({
            key,
            label: <span data-testid={`hours-tab-${key}`}>{t(`hours.tab.${key}`)}</span>,
            children: key === 'mine' ? <MyHours /> : <PendingHours />,
          }))}
        />
      ) : tab === 'mine' ? (
        <MyHours />
      ) : (
        <PendingHours />
      )}
    </Card>
  );
}
