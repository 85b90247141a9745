import { useMemo } from 'react';
import { Alert, App, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { PendingVisitsQuery as PendingVisitsResult } from '../../gql/graphql';
import NoteConfirm from '../../components/NoteConfirm';
import { AcceptVisitMutation, PendingVisitsQuery, ReturnVisitMutation } from '../../graphql/care';
import { errorMessage } from '../../graphql/errors';
import { areaName, formatDate, visitFormLabel } from '../../labels';

type PendingVisit = PendingVisitsResult['pendingVisits'][number];

// Re-asked whenever a visit changes (recorded, accepted, returned).
export function usePendingVisits() {
  const context = useMemo(() => ({ additionalTypenames: ['Visit'] }), []);
  return useQuery({ query: PendingVisitsQuery, context });
}

function ReviewActions({ visit }: { visit: PendingVisit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [acceptState, accept] = useMutation(AcceptVisitMutation);
  const [, giveBack] = useMutation(ReturnVisitMutation);
  const onAccept = async () => {
    const r = await accept({ id: visit.id, note: null });
    if (r.error) {
      message.error(errorMessage(r.error, t));
      return;
    }
    message.success(t('review.accepted'));
  };
  const onReturn = async (note: string) => {
    const r = await giveBack({ id: visit.id, note });
    if (r.error) {
      message.error(errorMessage(r.error, t));
      return false;
    }
    message.success(t('review.returned'));
    return true;
  };
  return (
    <Space wrap size={4}>
      <Popconfirm
        title={t('review.acceptConfirm')}
        okText={t('review.accept')}
        cancelText={t('common.cancel')}
        onConfirm={() => onAccept()}
        okButtonProps={{ 'data-testid': 'accept-visit-ok' }}
      >
        <Button size="small" type="primary" icon={<CheckOutlined />} loading={acceptState.fetching} data-testid="accept-visit">
          {t('review.accept')}
        </Button>
      </Popconfirm>
      <NoteConfirm
        title={t('review.returnConfirm')}
        placeholder={t('review.returnNote')}
        okText={t('review.return')}
        danger
        onConfirm={onReturn}
        testId="return-visit"
      >
        <Button size="small" danger icon={<RollbackOutlined />} data-testid="return-visit">
          {t('review.return')}
        </Button>
      </NoteConfirm>
    </Space>
  );
}

// Visits recorded by community directors, waiting for a supervisor or civil-affairs staff.
export default function PendingVisits() {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = usePendingVisits();
  return (
    <>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Table<PendingVisit>
        rowKey="id"
        dataSource={data?.pendingVisits ?? []}
        loading={fetching}
        pagination={(data?.pendingVisits.length ?? 0) > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('review.empty') }}
        data-testid="pending-visits"
        columns={[
          {
            title: t('child.name'),
            key: 'child',
            render: (_, v) => (
              <Space direction="vertical" size={0}>
                <Link to={`/children/${v.child.id}`} data-testid="pending-child">
                  {v.child.name}
                </Link>
                <Typography.Text type="secondary">{areaName(i18n, v.child.community)}</Typography.Text>
              </Space>
            ),
          },
          { title: t('visit.visitor'), dataIndex: 'visitor' },
          {
            title: t('visit.visitedOn'),
            key: 'visitedOn',
            render: (_, v) => `${formatDate(v.visitedOn)} · ${visitFormLabel(t, v.form)}`,
          },
          {
            title: t('visit.findings'),
            dataIndex: 'findings',
            render: (s: string) => <Typography.Paragraph style={{ maxWidth: 320, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{s}</Typography.Paragraph>,
          },
          {
            title: t('visit.followUp'),
            dataIndex: 'followUp',
            render: (s: string) => <Typography.Paragraph style={{ maxWidth: 280, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{s || '—'}</Typography.Paragraph>,
          },
          { title: t('visit.nextVisitOn'), dataIndex: 'nextVisitOn', render: (s: string | null) => formatDate(s) },
          { title: t('common.actions'), key: 'actions', render: (_, v) => <ReviewActions visit={v} /> },
        ]}
      />
    </>
  );
}
