import { useState } from 'react';
import { Alert, Flex, Form, Input, Modal, Progress, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  MatchEventFieldsFragment,
  MatchRowFragment,
  MatchStatus,
  OutcomeReason,
  SearchEntity,
  SessionFieldsFragment,
} from '../../gql/graphql';
import {
  allOutcomeReasons,
  attendanceColor,
  attendanceLabel,
  bookingStatusColor,
  bookingStatusLabel,
  entityColor,
  entityLabel,
  formatSpan,
  formatTime,
  hoursStatusColor,
  hoursStatusLabel,
  matchFactorLabel,
  matchStatusColor,
  matchStatusLabel,
  outcomeReasonLabel,
} from '../../labels';
import { factorText, type FactorValue } from './factors';

export function MatchStatusTag({ status }: { status: MatchStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={matchStatusColor[status]} data-testid="match-status" data-status={status}>
      {matchStatusLabel(t, status)}
    </Tag>
  );
}

export function EntityTag({ entity }: { entity: SearchEntity }) {
  const { t } = useTranslation();
  return (
    <Tag color={entityColor[entity]} data-testid="entity-tag">
      {entityLabel(t, entity)}
    </Tag>
  );
}

// Who answers the request: the organisation, or the volunteer in person.
export function providerName(m: Pick<MatchRowFragment, 'providerOrganisation' | 'providerVolunteerName'>): string {
  return m.providerOrganisation?.name ?? m.providerVolunteerName ?? '—';
}

export function PairingText({ pairing }: { pairing: MatchRowFragment['pairing'] }) {
  const { t } = useTranslation();
  if (!pairing) return null;
  return (
    <Tag color="purple" data-testid="pairing">
      {t('match.pairing')}：{t('match.pairingText', { times: pairing.timesPerMonth, weeks: pairing.weeks })}
    </Tag>
  );
}

// Each factor of a score with its points out of the most it can add, so staff
// can see why a candidate ranks where it does.
// distanceNote, when given, says the distance is an estimate from an area's centre.
export function FactorList({ factors, needWindows, distanceNote }: { factors: readonly FactorValue[]; needWindows?: number; distanceNote?: string | null }) {
  const { t } = useTranslation();
  if (factors.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid="factors" style={{ minWidth: 0 }}>
      {factors.map((f) => (
        <Flex key={f.factor} gap={8} align="center" wrap data-testid="factor" data-factor={f.factor}>
          <Typography.Text type="secondary" style={{ width: 72, flexShrink: 0 }}>
            {matchFactorLabel(t, f.factor)}
          </Typography.Text>
          <Progress
            percent={f.max > 0 ? Math.round((f.points / f.max) * 100) : 0}
            showInfo={false}
            size="small"
            style={{ width: 80, margin: 0 }}
            aria-hidden
          />
          <span style={{ flex: '1 1 200px', minWidth: 0 }}>
            <Typography.Text data-testid="factor-text">{factorText(t, f, needWindows)}</Typography.Text>
            {distanceNote && f.factor === 'DISTANCE' && f.value >= 0 ? (
              <Typography.Text type="warning" data-testid="factor-distance-note">
                {t('common.parenthesised', { text: distanceNote })}
              </Typography.Text>
            ) : null}
          </span>
        </Flex>
      ))}
    </Flex>
  );
}

export function MatchHistory({ history }: { history: readonly MatchEventFieldsFragment[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <Typography.Text type="secondary">{t('match.noHistory')}</Typography.Text>;
  return (
    <Timeline
      data-testid="match-history"
      items={history.map((h, i) => ({
        key: `${h.at}-${i}`,
        children: (
          <Space direction="vertical" size={0} data-testid="match-event">
            <Space wrap size={4}>
              {h.from ? (
                <>
                  <MatchStatusTag status={h.from} />→
                </>
              ) : null}
              <MatchStatusTag status={h.to} />
              <Typography.Text type="secondary">
                {formatTime(t, h.at)} · {h.actor || '—'}
              </Typography.Text>
            </Space>
            {h.reason ? <Typography.Text>{t('common.labelValue', { label: t('match.reason'), value: outcomeReasonLabel(t, h.reason) })}</Typography.Text> : null}
            {h.note ? <Typography.Text>{h.note}</Typography.Text> : null}
          </Space>
        ),
      }))}
    />
  );
}

export function BookingList({ bookings }: { bookings: readonly { id: string; status: Parameters<typeof bookingStatusLabel>[1]; startsAt: string; position: number }[] }) {
  const { t } = useTranslation();
  if (bookings.length === 0) return null;
  return (
    <Flex vertical gap={4} data-testid="bookings">
      {bookings.map((b) => (
        <Space key={b.id} wrap size={4} data-testid="booking">
          <Tag color={bookingStatusColor[b.status as keyof typeof bookingStatusColor]}>{bookingStatusLabel(t, b.status)}</Tag>
          <span>{formatTime(t, b.startsAt)}</span>
          {b.status === 'WAITLISTED' ? <Typography.Text type="secondary">{t('match.waitlistPosition', { position: b.position })}</Typography.Text> : null}
        </Space>
      ))}
    </Flex>
  );
}

export function SessionTable({ sessions, showTitle }: { sessions: readonly SessionFieldsFragment[]; showTitle?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<SessionFieldsFragment>
      rowKey="id"
      size="small"
      dataSource={[...sessions]}
      pagination={sessions.length > 10 ? { pageSize: 10 } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('match.noSessions') }}
      data-testid="sessions"
      columns={[
        ...(showTitle ? [{ title: t('hours.service'), dataIndex: 'title', key: 'title', responsive: ['sm' as const] }] : []),
        { title: t('hours.time'), key: 'time', render: (_: unknown, s: SessionFieldsFragment) => formatSpan(s.startsAt, s.endsAt) },
        { title: t('hours.duration'), key: 'minutes', render: (_: unknown, s: SessionFieldsFragment) => t('hours.minutes', { minutes: s.minutes }) },
        {
          title: t('inbox.attendance'),
          key: 'attendance',
          render: (_: unknown, s: SessionFieldsFragment) => (
            <Tag color={attendanceColor[s.attendance]} data-testid="session-attendance">
              {attendanceLabel(t, s.attendance)}
            </Tag>
          ),
        },
        {
          title: t('hours.status'),
          key: 'hours',
          render: (_: unknown, s: SessionFieldsFragment) =>
            s.hours === 'NOT_APPLICABLE' ? <Typography.Text type="secondary">—</Typography.Text> : <HoursTag session={s} />,
        },
        {
          title: t('hours.note'),
          key: 'note',
          responsive: ['sm' as const],
          render: (_: unknown, s: SessionFieldsFragment) => (
            <Space direction="vertical" size={0} style={{ maxWidth: 280 }}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s.note || '—'}</Typography.Text>
              {s.hoursNote ? <Typography.Text type="danger">{s.hoursNote}</Typography.Text> : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

function HoursTag({ session }: { session: SessionFieldsFragment }) {
  const { t } = useTranslation();
  if (session.hours === 'NOT_APPLICABLE') return null;
  return (
    <Tag color={hoursStatusColor[session.hours]} data-testid="session-hours" data-status={session.hours}>
      {hoursStatusLabel(t, session.hours)}
    </Tag>
  );
}

// Sessions as short lines, for cards read on a phone.
export function SessionList({ sessions }: { sessions: readonly SessionFieldsFragment[] }) {
  const { t } = useTranslation();
  if (sessions.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="sessions">
        {t('match.noSessions')}
      </Typography.Text>
    );
  }
  return (
    <Flex vertical gap={6} data-testid="sessions">
      {sessions.map((s) => (
        <Flex key={s.id} vertical gap={2} data-testid="session">
          <Space wrap size={4}>
            <Typography.Text>{formatSpan(s.startsAt, s.endsAt)}</Typography.Text>
            <Typography.Text type="secondary">{t('hours.minutes', { minutes: s.minutes })}</Typography.Text>
            <Tag color={attendanceColor[s.attendance]} data-testid="session-attendance">
              {attendanceLabel(t, s.attendance)}
            </Tag>
            <HoursTag session={s} />
          </Space>
          {s.note ? (
            <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
              {s.note}
            </Typography.Text>
          ) : null}
          {s.hoursNote ? <Typography.Text type="danger">{s.hoursNote}</Typography.Text> : null}
        </Flex>
      ))}
    </Flex>
  );
}

interface ReasonModalProps {
  open: boolean;
  title: string;
  hint?: string;
  okText: string;
  // Reasons offered; all by default.
  reasons?: readonly OutcomeReason[];
  danger?: boolean;
  onCancel: () => void;
  // Resolves to an error message to show, or null when done.
  onSubmit: (reason: OutcomeReason, note: string) => Promise<string | null>;
  testId: string;
}

// Declining or ending a match needs a reason from the referral standard's list, and may carry a note.
export function ReasonModal({ open, title, hint, okText, reasons = allOutcomeReasons, danger, onCancel, onSubmit, testId }: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: OutcomeReason; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    let v: { reason: OutcomeReason; note?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const problem = await onSubmit(v.reason, (v.note ?? '').trim());
      if (problem) setFailure(problem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, 'data-testid': `${testId}-ok` }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => {
        if (busy) return;
        setFailure(null);
        onCancel();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} data-testid={`${testId}-form`}>
        {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
        {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} role="alert" /> : null}
        <Form.Item name="reason" label={t('match.reason')} rules={[{ required: true, message: t('match.reasonRequired') }]}>
          <Select
            placeholder={t('match.chooseReason')}
            options={reasons.map((r) => ({ value: r, label: outcomeReasonLabel(t, r) }))}
            data-testid={`${testId}-reason`}
          />
        </Form.Item>
        <Form.Item name="note" label={t('match.note')}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('match.notePlaceholder')} data-testid={`${testId}-note`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
