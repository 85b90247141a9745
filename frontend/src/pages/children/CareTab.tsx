import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { EditOutlined, LogoutOutlined, PlusOutlined, SolutionOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ChildFileFragment, LedgerReason, Level, VisitFieldsFragment, VisitForm, VisitStatus } from '../../gql/graphql';
import DateInput from '../../components/DateInput';
import NoteConfirm from '../../components/NoteConfirm';
import { ChangeLedgerMutation, EnterLedgerMutation, LeaveLedgerMutation, RecordVisitMutation, ResubmitVisitMutation } from '../../graphql/care';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../graphql/errors';
import {
  allLedgerReasons,
  allLevels,
  allVisitForms,
  dateFormat,
  formatDate,
  formatTime,
  ledgerDetailLines,
  ledgerEventLabel,
  ledgerReasonLabel,
  levelRiskLabel,
  riskColor,
  visitFormLabel,
  visitStatusColor,
  visitStatusLabel,
} from '../../labels';

type Ledger = NonNullable<ChildFileFragment['ledger']>;

export function RiskTag({ risk }: { risk: Level }) {
  const { t } = useTranslation();
  return (
    <Tag color={riskColor[risk]} data-testid="risk-tag">
      {levelRiskLabel(t, risk)}
    </Tag>
  );
}

export function ReasonTags({ reasons }: { reasons: readonly LedgerReason[] }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {reasons.map((r) => (
        <Tag key={r} style={{ marginInlineEnd: 0 }}>
          {ledgerReasonLabel(t, r)}
        </Tag>
      ))}
    </Flex>
  );
}

export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid="overdue-tag">
      {t('ledger.overdue')}
    </Tag>
  );
}

export function VisitStatusTag({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={visitStatusColor[status]} data-testid="visit-status">
      {visitStatusLabel(t, status)}
    </Tag>
  );
}

interface LedgerValues {
  reasons: LedgerReason[];
  risk: Level;
  note?: string;
}

// Entering the ledger, or changing reasons and risk (a note says why).
function LedgerForm({ child, ledger, onDone }: { child: ChildFileFragment; ledger: Ledger | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [enterState, enter] = useMutation(EnterLedgerMutation);
  const [changeState, change] = useMutation(ChangeLedgerMutation);
  const changing = !!ledger;
  const onFinish = async (v: LedgerValues) => {
    setFailure(null);
    const r = changing
      ? await change({ childId: child.id, reasons: v.reasons, risk: v.risk, note: (v.note ?? '').trim() })
      : await enter({ childId: child.id, reasons: v.reasons, risk: v.risk });
    if (r.error) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t(changing ? 'ledger.changed' : 'ledger.entered'));
    onDone();
  };
  return (
    <Form<LedgerValues>
      layout="vertical"
      initialValues={ledger ? { reasons: ledger.reasons, risk: ledger.risk } : { reasons: [], risk: 'MEDIUM' }}
      onFinish={(v) => void onFinish(v)}
      data-testid="ledger-form"
    >
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item name="reasons" label={t('ledger.reasons')} rules={[{ required: true, message: t('ledger.reasonsRequired') }]}>
        <Select<LedgerReason[]>
          mode="multiple"
          options={allLedgerReasons.map((r) => ({ value: r, label: ledgerReasonLabel(t, r) }))}
          optionFilterProp="label"
          placeholder={t('ledger.reasonsPlaceholder')}
          data-testid="ledger-reasons"
        />
      </Form.Item>
      <Form.Item name="risk" label={t('ledger.risk')} rules={[{ required: true }]} extra={t('ledger.riskHint')}>
        <Radio.Group optionType="button" buttonStyle="solid" options={allLevels.map((l) => ({ value: l, label: levelRiskLabel(t, l) }))} data-testid="ledger-risk" />
      </Form.Item>
      {changing ? (
        <Form.Item name="note" label={t('ledger.changeNote')} rules={[{ required: true, whitespace: true, message: t('ledger.changeNoteRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="ledger-note" />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" block loading={enterState.fetching || changeState.fetching} data-testid="ledger-submit">
        {changing ? t('common.save') : t('ledger.enter')}
      </Button>
    </Form>
  );
}

function LedgerHistory({ ledger }: { ledger: Ledger }) {
  const { t } = useTranslation();
  if (ledger.history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ledger.noHistory')} />;
  return (
    <Timeline
      data-testid="ledger-history"
      items={ledger.history.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: e.event === 'LEFT' ? 'gray' : e.event === 'ENTERED' ? 'green' : 'blue',
        children: (
          <div data-testid="ledger-event">
            <Space wrap>
              <Typography.Text strong>{ledgerEventLabel(t, e.event)}</Typography.Text>
              <Typography.Text type="secondary">
                {formatTime(t, e.at)} · {e.actor || '—'}
              </Typography.Text>
            </Space>
            {ledgerDetailLines(t, e.detail).map((line, j) => (
              <div key={j}>
                <Typography.Text>{line}</Typography.Text>
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}

function LedgerCard({ child, canAct }: { child: ChildFileFragment; canAct: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [, leave] = useMutation(LeaveLedgerMutation);
  const ledger = child.ledger;
  const active = !!ledger && !ledger.leftOn;

  const onLeave = async (reason: string) => {
    const r = await leave({ childId: child.id, reason });
    if (r.error) {
      message.error(errorMessage(r.error, t));
      return false;
    }
    message.success(t('ledger.left'));
    return true;
  };

  const actions = canAct ? (
    active ? (
      <Space wrap>
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="change-ledger">
          {t('ledger.change')}
        </Button>
        <NoteConfirm
          title={t('ledger.leaveConfirm')}
          description={t('ledger.leaveHint')}
          placeholder={t('ledger.leaveReason')}
          okText={t('ledger.leave')}
          danger
          onConfirm={onLeave}
          testId="leave-ledger"
        >
          <Button size="small" danger icon={<LogoutOutlined />} data-testid="leave-ledger">
            {t('ledger.leave')}
          </Button>
        </NoteConfirm>
      </Space>
    ) : (
      <Button type="primary" size="small" icon={<SolutionOutlined />} onClick={() => setEditing(true)} data-testid="enter-ledger">
        {t('ledger.enter')}
      </Button>
    )
  ) : null;

  return (
    <Card size="small" title={t('ledger.status')} extra={actions} data-testid="ledger-card">
      {!ledger ? (
        <Typography.Text type="secondary" data-testid="ledger-state" data-state="none">
          {t('ledger.notOnLedger')}
        </Typography.Text>
      ) : (
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="ledger-state" data-state={active ? 'active' : 'left'}>
          <Descriptions.Item label={t('ledger.state')}>
            {active ? <Tag color="processing">{t('ledger.onLedger')}</Tag> : <Tag>{t('ledger.leftLedger')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.risk')}>
            <RiskTag risk={ledger.risk} />
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.reasons')} span={2}>
            <ReasonTags reasons={ledger.reasons} />
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.enteredOn')}>{formatDate(ledger.enteredOn)}</Descriptions.Item>
          {active ? (
            <Descriptions.Item label={t('ledger.nextVisitDue')}>
              <Space>
                <span data-testid="next-visit-due">{formatDate(ledger.nextVisitDue)}</span>
                {ledger.overdue ? <OverdueTag /> : null}
              </Space>
            </Descriptions.Item>
          ) : (
            <Descriptions.Item label={t('ledger.leftOn')}>{formatDate(ledger.leftOn)}</Descriptions.Item>
          )}
          {!active ? (
            <Descriptions.Item label={t('ledger.leftReasonLabel')} span={2}>
              {ledger.leftReason || '—'}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      )}
      {ledger ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('ledger.history')}
          </Typography.Title>
          <LedgerHistory ledger={ledger} />
        </>
      ) : null}
      <Modal
        title={active ? t('ledger.change') : t('ledger.enter')}
        open={editing}
        onCancel={() => setEditing(false)}
        footer={null}
        destroyOnHidden
      >
        <LedgerForm child={child} ledger={active ? ledger : null} onDone={() => setEditing(false)} />
      </Modal>
    </Card>
  );
}

interface VisitValues {
  visitedOn: Dayjs;
  form: VisitForm;
  findings: string;
  followUp?: string;
  nextVisitOn?: Dayjs | null;
}

// Filled in on the spot, often on a phone: one column, big targets. With a
// returned visit it corrects that visit and puts it back for review.
function VisitFormFields({
  child,
  returned,
  onSaved,
}: {
  child: ChildFileFragment;
  returned?: VisitFieldsFragment;
  onSaved: (v: VisitFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VisitValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching: recording }, record] = useMutation(RecordVisitMutation);
  const [{ fetching: resubmitting }, resubmit] = useMutation(ResubmitVisitMutation);
  const fetching = recording || resubmitting;
  const onFinish = async (v: VisitValues) => {
    setFailure(null);
    const input = {
      visitedOn: v.visitedOn.format(dateFormat),
      form: v.form,
      findings: v.findings.trim(),
      followUp: v.followUp?.trim() || null,
      nextVisitOn: v.nextVisitOn ? v.nextVisitOn.format(dateFormat) : null,
    };
    const r = returned ? await resubmit({ id: returned.id, input }) : await record({ childId: child.id, input });
    const saved = r.data && ('resubmitVisit' in r.data ? r.data.resubmitVisit : r.data.recordVisit);
    if (r.error || !saved) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    onSaved(saved);
  };
  const initial: Partial<VisitValues> = returned
    ? {
        visitedOn: dayjs(returned.visitedOn),
        form: returned.form,
        findings: returned.findings,
        followUp: returned.followUp,
        nextVisitOn: returned.nextVisitOn ? dayjs(returned.nextVisitOn) : null,
      }
    : { visitedOn: dayjs(), form: 'HOME' };
  return (
    <Form<VisitValues>
      form={form}
      layout="vertical"
      size="large"
      initialValues={initial}
      onFinish={(v) => void onFinish(v)}
      data-testid="visit-form"
    >
      {returned?.reviewNote ? (
        <Alert type="warning" showIcon message={t('visit.reviewNote', { note: returned.reviewNote })} style={{ marginBottom: 16 }} />
      ) : null}
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item name="visitedOn" label={t('visit.visitedOn')} rules={[{ required: true, message: t('visit.visitedOnRequired') }]}>
        <DateInput disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="form" label={t('visit.form')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={allVisitForms.map((f) => ({ value: f, label: visitFormLabel(t, f) }))} data-testid="visit-form-kind" />
      </Form.Item>
      <Form.Item name="findings" label={t('visit.findings')} rules={[{ required: true, whitespace: true, message: t('visit.findingsRequired') }]}>
        <Input.TextArea rows={4} maxLength={2000} placeholder={t('visit.findingsPlaceholder')} data-testid="visit-findings" />
      </Form.Item>
      <Form.Item name="followUp" label={t('visit.followUp')}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('visit.followUpPlaceholder')} data-testid="visit-follow-up" />
      </Form.Item>
      <Form.Item
        name="nextVisitOn"
        label={t('visit.nextVisitOn')}
        extra={t('visit.nextVisitHint')}
        dependencies={['visitedOn']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | null | undefined) => {
              const visited = getFieldValue('visitedOn') as Dayjs | undefined;
              if (!value || !visited || value.isAfter(visited, 'day')) return Promise.resolve();
              return Promise.reject(new Error(t('visit.nextAfterVisit')));
            },
          }),
        ]}
      >
        <DateInput
          disabledDate={(d) => {
            const visited = form.getFieldValue('visitedOn') as Dayjs | undefined;
            return !!visited && !d.isAfter(visited, 'day');
          }}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={fetching} data-testid="visit-submit">
        {t(returned ? 'visit.resubmit' : 'visit.save')}
      </Button>
    </Form>
  );
}

function VisitsCard({ child, canAct }: { child: ChildFileFragment; canAct: boolean }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [recording, setRecording] = useState(false);
  const [correcting, setCorrecting] = useState<VisitFieldsFragment | null>(null);
  const [saved, setSaved] = useState<VisitStatus | null>(null);
  const active = !!child.ledger && !child.ledger.leftOn;
  return (
    <Card
      size="small"
      title={t('visit.title')}
      extra={
        canAct && active ? (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="record-visit">
            {t('visit.record')}
          </Button>
        ) : null
      }
      data-testid="visits-card"
    >
      {saved ? (
        <Alert
          type={saved === 'ACCEPTED' ? 'success' : 'info'}
          showIcon
          closable
          onClose={() => setSaved(null)}
          message={t(saved === 'ACCEPTED' ? 'visit.savedAccepted' : 'visit.savedPending')}
          style={{ marginBottom: 12 }}
          data-testid="visit-saved"
          data-status={saved}
        />
      ) : null}
      {canAct && !active ? (
        <Typography.Paragraph type="secondary">{t('visit.needsLedger')}</Typography.Paragraph>
      ) : null}
      <Table<VisitFieldsFragment>
        rowKey="id"
        size="small"
        dataSource={child.visits}
        pagination={child.visits.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('visit.empty') }}
        data-testid="visits"
        columns={[
          { title: t('visit.visitedOn'), dataIndex: 'visitedOn', render: (v: string) => formatDate(v) },
          { title: t('visit.form'), key: 'form', render: (_, v) => visitFormLabel(t, v.form) },
          { title: t('visit.visitor'), dataIndex: 'visitor' },
          {
            title: t('visit.findings'),
            dataIndex: 'findings',
            render: (v: string) => <Typography.Paragraph style={{ maxWidth: 320, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{v}</Typography.Paragraph>,
          },
          {
            title: t('visit.followUp'),
            dataIndex: 'followUp',
            render: (v: string) => <Typography.Paragraph style={{ maxWidth: 280, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{v || '—'}</Typography.Paragraph>,
          },
          { title: t('visit.nextVisitOn'), dataIndex: 'nextVisitOn', render: (v: string | null) => formatDate(v) },
          {
            title: t('visit.status'),
            key: 'status',
            render: (_, v) => (
              <Space direction="vertical" size={0}>
                <VisitStatusTag status={v.status} />
                {v.reviewedBy ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v.reviewedBy} · {formatTime(t, v.reviewedAt)}
                  </Typography.Text>
                ) : null}
                {v.reviewNote ? (
                  <Typography.Text type={v.status === 'RETURNED' ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="review-note">
                    {t('visit.reviewNote', { note: v.reviewNote })}
                  </Typography.Text>
                ) : null}
                {canAct && v.status === 'RETURNED' && v.visitor === me?.username ? (
                  <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setCorrecting(v)} data-testid="resubmit-visit">
                    {t('visit.correct')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        title={t(correcting ? 'visit.correct' : 'visit.record')}
        open={recording || !!correcting}
        onClose={() => {
          setRecording(false);
          setCorrecting(null);
        }}
        width={480}
        destroyOnHidden
        styles={{ wrapper: { maxWidth: '100vw' } }}
      >
        <VisitFormFields
          key={correcting?.id ?? 'new'}
          child={child}
          returned={correcting ?? undefined}
          onSaved={(v) => {
            setSaved(v.status);
            setRecording(false);
            setCorrecting(null);
          }}
        />
      </Drawer>
    </Card>
  );
}

export default function CareTab({ child, canAct }: { child: ChildFileFragment; canAct: boolean }) {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <LedgerCard child={child} canAct={canAct} />
      <VisitsCard child={child} canAct={canAct} />
    </Space>
  );
}
