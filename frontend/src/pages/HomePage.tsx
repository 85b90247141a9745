import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import GrantList from '../components/GrantList';

export default function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return null;
  return (
    <Card title={t('home.welcome', { name: me.displayName })} data-testid="home-card">
      <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('home.myGrants')}</Typography.Title>
      <GrantList grants={me.grants} empty={t('home.noGrants')} />
    </Card>
  );
}
