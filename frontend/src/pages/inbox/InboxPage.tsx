import { useMemo, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Flex, Form, Grid, Input, List, Modal, Popconfirm, Radio, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { CheckOutlined, CloseCircleOutlined, CloseOutlined, EditOutlined, IdcardOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { Attendance, InboxMatchFragment, OutcomeReason } from '../../gql/graphql';
import CursorPager, { useCursorPages } from '../../components/CursorPager';
import DateInput from '../../components/DateInput';
import { errorCode, errorMessage } from '../../graphql/errors';
import { CloseMatchMutation, LogSessionMutation, MatchChildProfileQuery, MatchInboxQuery, RespondToMatchMutation } from '../../graphql/matching';
import { allAttendances, allOutcomeReasons, attendanceLabel, categoryLabel, formatTime, formatWindow, genderLabel, outcomeReasonLabel } from '../../labels';
import { BookingList, EntityTag, MatchStatusTag, PairingText, ReasonModal, SessionList } from '../matching/MatchParts';
import { inboxStatuses, inboxTabs, maxSessionAgeDays, sessionTimes, type InboxTab } from './sessionTimes';

const pageSize = 10;

// When the request reached the provider: the move to REQUESTED, else when it was made.
function requestedAt(m: InboxMatchFragment): string {
  return m.history.find((h) => h.to === 'REQUESTED')?.at ?? m.createdAt;
}

function ChildProfileBody({ matchId }: { matchId: string }) {
  const { t } = useTranslation();
  // Read afresh each time it is opened: the server records every read in the child's access log.
  const [{ data, fetching, error }] = useQuery({ query: MatchChildProfileQuery, variables: { matchId }, requestPolicy: 'network-only' });
  if (fetching && !data) return <Spin />;
  if (error || !data) {
    const forbidden = errorCode(error) === 'FORBIDDEN';
    return (
      <Alert
        type={forbidden ? 'warning' : 'error'}
        showIcon
        message={forbidden ? t('inbox.profileUnavailable') : errorMessage(error, t)}
        description={forbidden ? errorMessage(error, t) : undefined}
        data-testid="child-profile-refused"
        role="alert"
      />
    );
  }
  const p = data.matchChildProfile;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t('inbox.profileHint')} />
      {p.basis === 'OVERRIDE' ? <Tag color="orange">{t('inbox.basisOverride')}</Tag> : null}
      <Descriptions bordered size="small" column={1} data-testid="child-profile">
        <Descriptions.Item label={t('inbox.profileName')}>
          <span data-testid="child-profile-name">{p.name}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('inbox.profileGenderAge')}>
          {genderLabel(t, p.gender)} · {t('child.ageYears', { age: p.age })}
        </Descriptions.Item>
        <Descriptions.Item label={t('inbox.profileCommunity')}>{p.communityName || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inbox.profileLanguages')}>{p.languages.length ? p.languages.join('、') : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inbox.profileDisability')}>{p.disability || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('inbox.profileNeed')}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{p.needNote || '—'}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('inbox.profileWindows')}>{p.windows.length ? p.windows.map((w) => formatWindow(t, w)).join('，') : t('need.anyTime')}</Descriptions.Item>
        <Descriptions.Item label={t('inbox.profileGuardian')}>
          {p.guardianRelation || '—'}
          {p.guardianPhone ? (
            <>
              {' · '}
              <a href={`tel:${p.guardianPhone}`}>{p.guardianPhone}</a>
            </>
          ) : null}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

interface SessionValues {
  date?: Dayjs | null;
  start?: string;
  end?: string;
  attendance: Attendance;
  note?: string;
}

function SessionForm({ match, onDone }: { match: InboxMatchFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, log] = useMutation(LogSessionMutation);
  const onFinish = async (v: SessionValues) => {
    setFailure(null);
    const times = sessionTimes(v.date, v.start, v.end, dayjs());
    if ('problem' in times) {
      setFailure(t(`inbox.sessionProblem.${times.problem}`, { days: maxSessionAgeDays }));
      return;
    }
    const r = await log({
      matchId: match.id,
      input: { startsAt: times.startsAt.toISOString(), endsAt: times.endsAt.toISOString(), attendance: v.attendance, note: v.note?.trim() || null },
    });
    if (r.error) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t('inbox.sessionSaved'));
    onDone();
  };
  const today = dayjs().endOf('day');
  const earliest = dayjs().subtract(maxSessionAgeDays, 'day').startOf('day');
  return (
    <Form<SessionValues>
      name="session"
      layout="vertical"
      initialValues={{ date: dayjs(), attendance: 'ATTENDED' }}
      onFinish={(v) => void onFinish(v)}
      data-testid="session-form"
    >
      <Typography.Paragraph type="secondary">{match.offerTitle}</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" data-testid="session-problem" /> : null}
      <Form.Item name="date" label={t('inbox.sessionDate')} rules={[{ required: true, message: t('inbox.dateRequired') }]}>
        <DateInput disabledDate={(d) => d.isAfter(today) || d.isBefore(earliest)} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="start" label={t('inbox.sessionStart')} rules={[{ required: true, message: t('inbox.timeRequired') }]} style={{ flex: 1 }}>
          <Input type="time" step={300} data-testid="session-start" />
        </Form.Item>
        <Form.Item name="end" label={t('inbox.sessionEnd')} rules={[{ required: true, message: t('inbox.timeRequired') }]} style={{ flex: 1 }}>
          <Input type="time" step={300} data-testid="session-end" />
        </Form.Item>
      </Flex>
      <Form.Item name="attendance" label={t('inbox.attendance')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={allAttendances.map((a) => ({ value: a, label: attendanceLabel(t, a) }))}
          data-testid="session-attendance"
        />
      </Form.Item>
      <Form.Item name="note" label={t('inbox.sessionNote')}>
        <Input.TextArea rows={3} maxLength={500} placeholder={t('inbox.sessionNotePlaceholder')} data-testid="session-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={fetching} data-testid="session-submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}

type Dialog = 'decline' | 'fail' | 'profile' | 'session' | null;

function InboxCard({ match, onAccepted }: { match: InboxMatchFragment; onAccepted: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [respondState, respond] = useMutation(RespondToMatchMutation);
  const [closeState, close] = useMutation(CloseMatchMutation);
  const serving = match.status === 'ACCEPTED' || match.status === 'IN_PROGRESS';

  const accept = async () => {
    const r = await respond({ id: match.id, accept: true, reason: null, note: null });
    if (r.error) {
      message.error(errorMessage(r.error, t));
      return;
    }
    message.success(t('inbox.accepted'));
    onAccepted();
  };
  const decline = async (reason: OutcomeReason, note: string) => {
    const r = await respond({ id: match.id, accept: false, reason, note: note || null });
    if (r.error) return errorMessage(r.error, t);
    message.success(t('inbox.declined'));
    setDialog(null);
    return null;
  };
  const complete = async () => {
    const r = await close({ id: match.id, status: 'COMPLETED', reason: null, note: null });
    if (r.error) message.error(errorMessage(r.error, t));
    else message.success(t('match.completed'));
  };
  const fail = async (reason: OutcomeReason, note: string) => {
    const r = await close({ id: match.id, status: 'FAILED', reason, note: note || null });
    if (r.error) return errorMessage(r.error, t);
    message.success(t('match.failed'));
    setDialog(null);
    return null;
  };

  return (
    <Card
      size="small"
      data-testid="inbox-card"
      data-match-id={match.id}
      data-status={match.status}
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }} data-testid="inbox-title">
          {match.offerTitle}
        </Typography.Text>
      }
      extra={<MatchStatusTag status={match.status} />}
      styles={{ header: { flexWrap: 'wrap' } }}
    >
      <Flex vertical gap={8}>
        <Space wrap size={4}>
          <Tag>{categoryLabel(t, match.category)}</Tag>
          <EntityTag entity={match.entity} />
          {match.pairing ? <PairingText pairing={match.pairing} /> : null}
        </Space>
        <Typography.Text type="secondary">
          {t('inbox.requestedAt')}：{formatTime(t, requestedAt(match))}
          {match.providerOrganisation ? ` · ${match.providerOrganisation.name}` : ''}
        </Typography.Text>
        {match.note ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{match.note}</Typography.Text> : null}
        {match.reason ? (
          <Typography.Text>{t('common.labelValue', { label: t('match.reason'), value: outcomeReasonLabel(t, match.reason) })}</Typography.Text>
        ) : null}
        <BookingList bookings={match.bookings} />
        {match.status === 'REQUESTED' ? (
          <Flex gap={8} wrap>
            <Popconfirm
              title={t('inbox.acceptConfirm')}
              okText={t('inbox.accept')}
              cancelText={t('common.cancel')}
              onConfirm={() => accept()}
              okButtonProps={{ 'data-testid': 'accept-match-ok' }}
            >
              <Button type="primary" icon={<CheckOutlined />} loading={respondState.fetching} data-testid="accept-match">
                {t('inbox.accept')}
              </Button>
            </Popconfirm>
            <Button icon={<CloseOutlined />} onClick={() => setDialog('decline')} data-testid="decline-match">
              {t('inbox.decline')}
            </Button>
          </Flex>
        ) : null}
        {serving ? (
          <Flex gap={8} wrap>
            <Button icon={<IdcardOutlined />} onClick={() => setDialog('profile')} data-testid="open-child-profile">
              {t('inbox.childProfile')}
            </Button>
            <Button type="primary" icon={<EditOutlined />} onClick={() => setDialog('session')} data-testid="log-session">
              {t('inbox.logSession')}
            </Button>
            <Popconfirm
              title={t('match.completeConfirm')}
              okText={t('match.complete')}
              cancelText={t('common.cancel')}
              onConfirm={() => complete()}
              okButtonProps={{ 'data-testid': 'complete-match-ok' }}
            >
              <Button icon={<CheckOutlined />} loading={closeState.fetching && dialog === null} data-testid="complete-match">
                {t('match.complete')}
              </Button>
            </Popconfirm>
            <Button danger icon={<CloseCircleOutlined />} onClick={() => setDialog('fail')} data-testid="fail-match">
              {t('match.fail')}
            </Button>
          </Flex>
        ) : null}
        {match.sessions.length > 0 || serving ? (
          <div>
            <Typography.Text type="secondary">{t('match.sessions')}</Typography.Text>
            <SessionList sessions={match.sessions} />
          </div>
        ) : null}
      </Flex>
      <ReasonModal
        open={dialog === 'decline'}
        title={t('inbox.declineTitle')}
        okText={t('inbox.decline')}
        reasons={allOutcomeReasons.filter((r) => r !== 'SERVICE_DELIVERED')}
        onCancel={() => setDialog(null)}
        onSubmit={decline}
        testId="decline"
      />
      <ReasonModal
        open={dialog === 'fail'}
        title={t('match.failTitle')}
        okText={t('match.fail')}
        reasons={allOutcomeReasons.filter((r) => r !== 'SERVICE_DELIVERED')}
        danger
        onCancel={() => setDialog(null)}
        onSubmit={fail}
        testId="fail"
      />
      <Modal
        open={dialog === 'profile'}
        title={t('inbox.childProfileTitle')}
        onCancel={() => setDialog(null)}
        footer={<Button onClick={() => setDialog(null)}>{t('common.back')}</Button>}
        destroyOnHidden
      >
        {dialog === 'profile' ? <ChildProfileBody matchId={match.id} /> : null}
      </Modal>
      <Drawer
        title={t('inbox.logSessionTitle')}
        open={dialog === 'session'}
        onClose={() => setDialog(null)}
        placement={isPhone ? 'bottom' : 'right'}
        height={isPhone ? '90%' : undefined}
        width={isPhone ? undefined : 420}
        destroyOnHidden
      >
        {dialog === 'session' ? <SessionForm match={match} onDone={() => setDialog(null)} /> : null}
      </Drawer>
    </Card>
  );
}

function InboxList({ tab, onAccepted }: { tab: InboxTab; onAccepted: () => void }) {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const context = useMemo(() => ({ additionalTypenames: ['Match', 'ServiceSession'] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: MatchInboxQuery,
    variables: { statuses: inboxStatuses[tab], first: pageSize, after: pages.after },
    context,
  });
  const conn = data?.matchInbox;
  return (
    <>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <List<InboxMatchFragment>
        loading={fetching && !data}
        dataSource={conn?.edges.map((e) => e.node) ?? []}
        rowKey="id"
        split={false}
        locale={{ emptyText: <Empty description={t(`inbox.empty.${tab}`)} data-testid="inbox-empty" /> }}
        data-testid="inbox-list"
        renderItem={(m) => (
          <List.Item style={{ padding: '0 0 12px' }}>
            <div style={{ width: '100%' }}>
              <InboxCard match={m} onAccepted={onAccepted} />
            </div>
          </List.Item>
        )}
      />
      <CursorPager pages={pages} conn={conn} fetching={fetching} testId="inbox-total" />
    </>
  );
}

// Requests and matches the viewer answers for: as a volunteer, or as staff of an organisation, venue or event organiser.
export default function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab') as InboxTab | null;
  const tab: InboxTab = wanted && inboxTabs.includes(wanted) ? wanted : 'requested';
  const setTab = (k: InboxTab) => {
    const next = new URLSearchParams(params);
    if (k === 'requested') next.delete('tab');
    else next.set('tab', k);
    setParams(next, { replace: true });
  };
  return (
    <Card title={t('inbox.title')} data-testid="inbox-page" styles={{ body: { paddingTop: 8 } }}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as InboxTab)}
        destroyOnHidden
        items={inboxTabs.map((key) => ({
          key,
          label: <span data-testid={`inbox-tab-${key}`}>{t(`inbox.tab.${key}`)}</span>,
          children: <InboxList tab={key} onAccepted={() => setTab('active')} />,
        }))}
      />
    </Card>
  );
}
