import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, CloseCircleOutlined, SendOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { MatchDetailFragment, OutcomeReason } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import { NotFound, PageLoading } from '../../components/StatusPages';
import { errorCode, errorMessage } from '../../graphql/errors';
import { CloseMatchMutation, MatchQuery, OverrideMatchConsentMutation, SendMatchRequestsMutation } from '../../graphql/matching';
import { allOutcomeReasons, categoryLabel, formatTime, isOpenMatch, outcomeReasonLabel } from '../../labels';
import { consentOverrideRoles, hasAnyRole, matcherRoles } from '../../nav';
import { NeedStatusTag } from '../children/NeedsTab';
import { formatPoints } from './factors';
import { BookingList, EntityTag, FactorList, MatchHistory, MatchStatusTag, PairingText, ReasonModal, SessionTable, providerName } from './MatchParts';

// The written reason must say enough to be reviewed later; the server asks for the same.
export const overrideMinChars = 10;

export function overrideReasonOk(reason: string): boolean {
  return [...reason.trim()].length >= overrideMinChars;
}

function OverrideConsent({ match }: { match: MatchDetailFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [{ fetching }, override] = useMutation(OverrideMatchConsentMutation);
  const submit = async () => {
    let v: { reason: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setFailure(null);
    const r = await override({ id: match.id, reason: v.reason.trim() });
    if (r.error) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t('match.overrideDone'));
    setOpen(false);
  };
  return (
    <>
      <Button icon={<UnlockOutlined />} onClick={() => setOpen(true)} data-testid="override-consent">
        {t('match.override')}
      </Button>
      <Modal
        open={open}
        title={t('match.overrideTitle')}
        okText={t('match.overrideConfirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, 'data-testid': 'override-ok' }}
        confirmLoading={fetching}
        onOk={() => void submit()}
        onCancel={() => !fetching && setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Typography.Paragraph type="secondary">{t('match.overrideHint')}</Typography.Paragraph>
          {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} role="alert" /> : null}
          <Form.Item
            name="reason"
            label={t('match.overrideReason')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  overrideReasonOk(v ?? '') ? Promise.resolve() : Promise.reject(new Error(t('match.overrideTooShort', { min: overrideMinChars }))),
              },
            ]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount data-testid="override-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

type Closing = 'FAILED' | 'CANCELLED' | null;

function StaffActions({ match }: { match: MatchDetailFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roles } = useSession();
  const [closing, setClosing] = useState<Closing>(null);
  const [sendState, send] = useMutation(SendMatchRequestsMutation);
  const [closeState, close] = useMutation(CloseMatchMutation);
  if (!isOpenMatch(match.status)) return null;
  const serving = match.status === 'ACCEPTED' || match.status === 'IN_PROGRESS';

  const onSend = async () => {
    const r = await send({ ids: [match.id] });
    if (r.error) message.error(errorMessage(r.error, t));
    else message.success(t('match.sent', { count: 1 }));
  };
  const onComplete = async () => {
    const r = await close({ id: match.id, status: 'COMPLETED', reason: null, note: null });
    if (r.error) message.error(errorMessage(r.error, t));
    else message.success(t('match.completed'));
  };
  const onClose = async (reason: OutcomeReason, note: string) => {
    if (!closing) return null;
    const r = await close({ id: match.id, status: closing, reason, note: note || null });
    if (r.error) return errorMessage(r.error, t);
    message.success(t(closing === 'FAILED' ? 'match.failed' : 'match.cancelled'));
    setClosing(null);
    return null;
  };

  return (
    <Flex gap={8} wrap data-testid="match-actions">
      {match.status === 'PROPOSED' ? (
        <Popconfirm
          title={t('match.sendConfirm')}
          okText={t('match.send')}
          cancelText={t('common.cancel')}
          onConfirm={() => onSend()}
          okButtonProps={{ 'data-testid': 'send-match-ok' }}
        >
          <Button type="primary" icon={<SendOutlined />} loading={sendState.fetching} data-testid="send-match">
            {t('match.send')}
          </Button>
        </Popconfirm>
      ) : null}
      {serving ? (
        <Popconfirm
          title={t('match.completeConfirm')}
          okText={t('match.complete')}
          cancelText={t('common.cancel')}
          onConfirm={() => onComplete()}
          okButtonProps={{ 'data-testid': 'complete-match-ok' }}
        >
          <Button type="primary" icon={<CheckOutlined />} loading={closeState.fetching && !closing} data-testid="complete-match">
            {t('match.complete')}
          </Button>
        </Popconfirm>
      ) : null}
      {serving ? (
        <Button icon={<CloseCircleOutlined />} onClick={() => setClosing('FAILED')} data-testid="fail-match">
          {t('match.fail')}
        </Button>
      ) : null}
      <Button danger icon={<StopOutlined />} onClick={() => setClosing('CANCELLED')} data-testid="cancel-match">
        {t('match.cancel')}
      </Button>
      {hasAnyRole(roles, consentOverrideRoles) && !match.consentOverride ? <OverrideConsent match={match} /> : null}
      <ReasonModal
        open={closing !== null}
        title={closing === 'FAILED' ? t('match.failTitle') : t('match.cancelTitle')}
        hint={closing === 'CANCELLED' ? t('match.cancelHint') : undefined}
        okText={closing === 'FAILED' ? t('match.fail') : t('match.cancel')}
        reasons={allOutcomeReasons.filter((r) => r !== 'SERVICE_DELIVERED')}
        danger
        onCancel={() => setClosing(null)}
        onSubmit={onClose}
        testId="close-match"
      />
    </Flex>
  );
}

// One match: where it stands, why it was made, what was delivered, and its history.
export default function MatchDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { roles } = useSession();
  const context = useMemo(() => ({ additionalTypenames: ['Match', 'ServiceSession'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: MatchQuery, variables: { id }, context });
  if (fetching && !data) return <PageLoading />;
  if (error && !data) {
    if (errorCode(error) === 'NOT_FOUND') return <NotFound />;
    return <Alert type="error" showIcon message={errorMessage(error, t)} role="alert" />;
  }
  const match = data?.match;
  if (!match) return <NotFound />;
  const canAct = hasAnyRole(roles, matcherRoles);
  const back = match.child ? (
    <Link to={`/children/${match.child.id}`} data-testid="back-to-child">
      <ArrowLeftOutlined /> {t('match.backToChild')}
    </Link>
  ) : (
    <Link to="/matching">
      <ArrowLeftOutlined /> {t('match.backToBoard')}
    </Link>
  );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="match-detail">
      <Card
        title={
          <Space wrap>
            <EntityTag entity={match.entity} />
            <span data-testid="match-title">{match.offerTitle}</span>
            <MatchStatusTag status={match.status} />
          </Space>
        }
        extra={back}
      >
        {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
        {canAct ? (
          <div style={{ marginBottom: 16 }}>
            <StaffActions match={match} />
          </div>
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="match-facts">
          <Descriptions.Item label={t('match.child')}>
            {match.child ? <Link to={`/children/${match.child.id}`}>{match.child.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('match.category')}>{categoryLabel(t, match.category)}</Descriptions.Item>
          {match.need ? (
            <Descriptions.Item label={t('match.need')} span={2}>
              <Space wrap>
                <NeedStatusTag status={match.need.status} />
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{match.need.description}</Typography.Text>
                {canAct && (match.need.status === 'OPEN' || match.need.status === 'MATCHING' || match.need.status === 'IN_SERVICE') ? (
                  <Link to={`/matching/need/${match.need.id}${match.child ? `?child=${match.child.id}` : ''}`}>{t('match.openNeed')}</Link>
                ) : null}
              </Space>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('match.provider')}>{providerName(match)}</Descriptions.Item>
          <Descriptions.Item label={t('match.score')}>{match.score != null ? formatPoints(match.score) : '—'}</Descriptions.Item>
          {match.pairing ? (
            <Descriptions.Item label={t('match.pairing')} span={2}>
              <PairingText pairing={match.pairing} />
            </Descriptions.Item>
          ) : null}
          {match.reason ? <Descriptions.Item label={t('match.reason')}>{outcomeReasonLabel(t, match.reason)}</Descriptions.Item> : null}
          {match.note ? <Descriptions.Item label={t('match.note')}>{match.note}</Descriptions.Item> : null}
          {match.consentOverride ? (
            <Descriptions.Item label={t('match.consentOverride')} span={2}>
              <Typography.Text data-testid="consent-override">{match.consentOverride}</Typography.Text>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('match.createdAt')}>{formatTime(t, match.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('match.updatedAt')}>{formatTime(t, match.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('match.factors')}>
        <FactorList factors={match.factors} needWindows={match.need?.windows.length} />
      </Card>
      {match.bookings.length > 0 ? (
        <Card size="small" title={t('match.bookings')}>
          <BookingList bookings={match.bookings} />
        </Card>
      ) : null}
      <Card size="small" title={t('match.sessions')}>
        <SessionTable sessions={match.sessions} />
      </Card>
      <Card size="small" title={t('match.history')}>
        <MatchHistory history={match.history} />
      </Card>
    </Space>
  );
}
