import type { ReactNode } from 'react';
import { Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VettingItemFieldsFragment } from '../../gql/graphql';
import { formatDate, statusColor, vettingKindLabel, vettingStatusLabel } from '../../labels';

// The vetting items of a volunteer: kind, status, dates and warnings.
export default function VettingList({
  items,
  actions,
}: {
  items: readonly VettingItemFieldsFragment[];
  actions?: (item: VettingItemFieldsFragment) => ReactNode;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vetting.none')} />;
  return (
    <List
      size="small"
      dataSource={[...items]}
      renderItem={(item) => (
        <List.Item data-testid="vetting-item" actions={actions ? [actions(item)] : undefined}>
          <Space direction="vertical" size={2}>
            <Space wrap>
              <Typography.Text strong>{vettingKindLabel(t, item.kind)}</Typography.Text>
              <Tag color={statusColor[item.status]}>{vettingStatusLabel(t, item.status)}</Tag>
              {item.expired ? <Tag color="red">{t('vetting.expired')}</Tag> : null}
              {item.expiresSoon ? <Tag color="orange">{t('vetting.expiresSoon')}</Tag> : null}
            </Space>
            <Typography.Text type="secondary">
              {t('vetting.dates', { completed: formatDate(item.completedOn), expires: formatDate(item.expiresOn) })}
            </Typography.Text>
            {item.note ? <Typography.Text type="secondary">{t('common.labelValue', { label: t('vetting.note'), value: item.note })}</Typography.Text> : null}
          </Space>
        </List.Item>
      )}
    />
  );
}
