import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { UserFieldsFragment } from '../../gql/graphql';
import { formatTime } from '../../labels';

export default function UserStatus({ user }: { user: Pick<UserFieldsFragment, 'disabled' | 'lockedUntil'> }) {
  const { t } = useTranslation();
  if (user.disabled) return <Tag color="default">{t('users.disabled')}</Tag>;
  if (user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs())) {
    return (
      <Tag color="orange" title={t('users.lockedUntil', { time: formatTime(t, user.lockedUntil) })}>
        {t('users.locked')}
      </Tag>
    );
  }
  return <Tag color="green">{t('users.active')}</Tag>;
}
