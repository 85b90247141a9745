import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { GrantFieldsFragment } from '../gql/graphql';
import { formatTime, roleLabel, scopeLabel } from '../labels';

interface Props {
  grants: readonly GrantFieldsFragment[];
  empty: string;
  showGrantedAt?: boolean;
  actions?: (grant: GrantFieldsFragment) => ReactNode[];
}

export default function GrantList({ grants, empty, showGrantedAt = false, actions }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <List
      dataSource={[...grants]}
      locale={{ emptyText: empty }}
      rowKey="id"
      renderItem={(grant) => (
        <List.Item actions={actions?.(grant)} data-testid="grant-item">
          <List.Item.Meta
            title={
              <span>
                <Tag color="blue">{roleLabel(t, grant.role)}</Tag>
                {scopeLabel(t, i18n, grant)}
              </span>
            }
            description={
              showGrantedAt ? (
                <Typography.Text type="secondary">
                  {t('common.labelValue', { label: t('grant.grantedAt'), value: formatTime(t, grant.grantedAt) })}
                  {grant.grantedBy
                    ? ` · ${t('common.labelValue', { label: t('grant.grantedBy'), value: grant.grantedBy })}`
                    : ''}
                </Typography.Text>
              ) : undefined
            }
          />
        </List.Item>
      )}
    />
  );
}
