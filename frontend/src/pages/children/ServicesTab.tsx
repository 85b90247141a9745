import { Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ChildFileFragment, MatchRowFragment } from '../../gql/graphql';
import { categoryLabel, formatTime, outcomeReasonLabel } from '../../labels';
import { EntityTag, MatchStatusTag, PairingText, providerName } from '../matching/MatchParts';

// The child's matches, newest first: what was offered, by whom, and how it ended.
export default function ServicesTab({ child }: { child: ChildFileFragment }) {
  const { t } = useTranslation();
  const history = child.serviceHistory;
  const rows = history?.edges.map((e) => e.node) ?? [];
  return (
    <Card size="small" title={t('serviceHistory.title')}>
      <Table<MatchRowFragment>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('serviceHistory.empty') }}
        data-testid="service-history"
        columns={[
          { title: t('match.category'), key: 'category', render: (_, m) => categoryLabel(t, m.category) },
          {
            title: t('match.offer'),
            key: 'offer',
            render: (_, m) => (
              <Space wrap size={4}>
                <EntityTag entity={m.entity} />
                <Link to={`/matching/match/${m.id}`} data-testid="service-history-offer">
                  {m.offerTitle}
                </Link>
                {m.pairing ? <PairingText pairing={m.pairing} /> : null}
              </Space>
            ),
          },
          { title: t('match.provider'), key: 'provider', render: (_, m) => providerName(m) },
          {
            title: t('match.status'),
            key: 'status',
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                <MatchStatusTag status={m.status} />
                {m.reason && m.reason !== 'SERVICE_DELIVERED' ? <Typography.Text type="secondary">{outcomeReasonLabel(t, m.reason)}</Typography.Text> : null}
              </Space>
            ),
          },
          { title: t('match.createdAt'), key: 'createdAt', responsive: ['md'], render: (_, m) => formatTime(t, m.createdAt) },
          { title: t('match.updatedAt'), key: 'updatedAt', render: (_, m) => formatTime(t, m.updatedAt) },
        ]}
      />
      {history && history.totalCount > rows.length ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('serviceHistory.more', { count: history.totalCount, shown: rows.length })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
