import { useMemo } from 'react';
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useSession } from '../auth/session';
import GrantList from '../components/GrantList';
import { ReviewDueCountQuery } from '../graphql/children';
import { OverdueVisitsCountQuery } from '../graphql/care';
import { errorMessage } from '../graphql/errors';
import { careActionRoles, childEditorRoles, hasAnyRole, visitReviewRoles } from '../nav';
import { usePendingVisits } from './ledger/PendingVisits';

function CountCard({
  title,
  link,
  linkText,
  hint,
  count,
  fetching,
  error,
  unit,
  testId,
}: {
  title: string;
  link: string;
  linkText: string;
  hint: string;
  count: number | undefined;
  fetching: boolean;
  error: unknown;
  unit: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card title={title} data-testid={`${testId}-card`} extra={<Link to={link}>{linkText}</Link>}>
      {error ? (
        <Typography.Text type="danger">{errorMessage(error, t)}</Typography.Text>
      ) : (
        <div data-testid={`${testId}-count`}>
          <Statistic value={count ?? 0} loading={fetching && count === undefined} suffix={unit} valueStyle={count ? { color: '#cf1322' } : undefined} />
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {hint}
      </Typography.Paragraph>
    </Card>
  );
}

// Children on the ledger whose next visit is past due.
function OverdueVisitsCard() {
  const { t } = useTranslation();
  const context = useMemo(() => ({ additionalTypenames: ['LedgerEntry', 'Visit'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: OverdueVisitsCountQuery, context });
  return (
    <CountCard
      title={t('home.overdueVisits')}
      link="/ledger?overdue=1"
      linkText={t('home.overdueVisitsLink')}
      hint={t('home.overdueVisitsHint')}
      count={data?.ledger.totalCount}
      fetching={fetching}
      error={error}
      unit={t('home.childrenUnit')}
      testId="overdue-visits"
    />
  );
}

// Visits recorded by community directors, waiting for this reviewer.
function PendingVisitsCard() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = usePendingVisits();
  return (
    <CountCard
      title={t('home.pendingVisits')}
      link="/ledger?tab=review"
      linkText={t('home.pendingVisitsLink')}
      hint={t('home.pendingVisitsHint')}
      count={data?.pendingVisits.length}
      fetching={fetching}
      error={error}
      unit={t('home.visitsUnit')}
      testId="pending-visits"
    />
  );
}

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
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <ReviewDueCard />
          {hasAnyRole(roles, careActionRoles) ? <OverdueVisitsCard /> : null}
          {hasAnyRole(roles, visitReviewRoles) ? <PendingVisitsCard /> : null}
        </Space>
      </Col>
    </Row>
  );
}
