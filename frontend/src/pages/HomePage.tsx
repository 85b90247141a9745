import { useMemo } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useSession } from '../auth/session';
import GrantList from '../components/GrantList';
import { ReviewDueCountQuery } from '../graphql/children';
import { errorMessage } from '../graphql/errors';
import { childEditorRoles, hasAnyRole } from '../nav';

// Children whose half-yearly review is due, for those who carry out reviews.
function ReviewDueCard() {
  const { t } = useTranslation();
  const context = useMemo(() => ({ additionalTypenames: ['Child'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: ReviewDueCountQuery, context });
  return (
    <Card title={t('home.reviewDue')} data-testid="review-due-card" extra={<Link to="/children?reviewDue=1">{t('home.reviewDueLink')}</Link>}>
      {error ? (
        <Typography.Text type="danger">{errorMessage(error, t)}</Typography.Text>
      ) : (
        <div data-testid="review-due-count">
          <Statistic
          value={data?.children.totalCount ?? 0}
          loading={fetching && !data}
          suffix={t('home.childrenUnit')}
          valueStyle={data?.children.totalCount ? { color: '#cf1322' } : undefined}
          />
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('home.reviewDueHint')}
      </Typography.Paragraph>
    </Card>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const { me, roles } = useSession();
  if (!me) return null;
  const welcome = (
    <Card title={t('home.welcome', { name: me.displayName })} data-testid="home-card">
      <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('home.myGrants')}</Typography.Title>
      <GrantList grants={me.grants} empty={t('home.noGrants')} />
    </Card>
  );
  if (!hasAnyRole(roles, childEditorRoles)) return welcome;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        {welcome}
      </Col>
      <Col xs={24} lg={8}>
        <ReviewDueCard />
      </Col>
    </Row>
  );
}
