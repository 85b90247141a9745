import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Form, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ChildFileFragment, ConsentFieldsFragment, ConsentMethod, ConsentPurpose, GuardianFieldsFragment } from '../../gql/graphql';
import DateInput from '../../components/DateInput';
import { RecordConsentMutation } from '../../graphql/children';
import { errorMessage } from '../../graphql/errors';
import { allConsentMethods, allConsentPurposes, consentMethodLabel, consentPurposeLabel, dateFormat, formatDate, formatTime } from '../../labels';

interface ConsentValues {
  purpose: ConsentPurpose;
  granted: boolean;
  guardianId: string;
  method: ConsentMethod;
  givenOn: Dayjs;
}

function ConsentForm({ child, onSaved }: { child: ChildFileFragment; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, record] = useMutation(RecordConsentMutation);
  const primary = child.guardians.find((g) => g.primary) ?? child.guardians[0];
  const onFinish = async (v: ConsentValues) => {
    setFailure(null);
    const r = await record({
      childId: child.id,
      input: { purpose: v.purpose, granted: v.granted, guardianId: v.guardianId, method: v.method, givenOn: v.givenOn.format(dateFormat) },
    });
    if (r.error) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t('consent.recorded'));
    onSaved();
  };
  return (
    <Form<ConsentValues>
      layout="vertical"
      initialValues={{ purpose: 'SERVICES', granted: true, guardianId: primary?.id, method: 'WRITTEN', givenOn: dayjs() }}
      onFinish={(v) => void onFinish(v)}
      data-testid="consent-form"
    >
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item name="purpose" label={t('consent.purpose')} rules={[{ required: true }]}>
        <Select options={allConsentPurposes.map((p) => ({ value: p, label: consentPurposeLabel(t, p) }))} />
      </Form.Item>
      <Form.Item name="granted" label={t('consent.decision')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t('consent.granted') },
            { value: false, label: t('consent.refused') },
          ]}
        />
      </Form.Item>
      <Form.Item name="guardianId" label={t('consent.guardian')} rules={[{ required: true, message: t('consent.guardianRequired') }]}>
        <Select options={child.guardians.map((g) => ({ value: g.id, label: `${g.name}（${g.relation}）` }))} />
      </Form.Item>
      <Form.Item name="method" label={t('consent.method')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={allConsentMethods.map((m) => ({ value: m, label: consentMethodLabel(t, m) }))} />
      </Form.Item>
      <Form.Item name="givenOn" label={t('consent.givenOn')} rules={[{ required: true, message: t('consent.givenOnRequired') }]}>
        <DateInput disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={fetching} data-testid="consent-submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}

function decision(child: ChildFileFragment, p: ConsentPurpose): boolean {
  return p === 'SERVICES' ? child.services : p === 'SHARE_WITH_PROVIDER' ? child.shareWithProvider : child.statistics;
}

export default function GuardiansConsentTab({ child, canEdit }: { child: ChildFileFragment; canEdit: boolean }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  // consents come newest first: the first live one of a purpose is its current record.
  const latest = (p: ConsentPurpose) => child.consents.find((c) => c.purpose === p && !c.withdrawnAt);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title={t('child.guardians')}>
        <Table<GuardianFieldsFragment>
          rowKey="id"
          size="small"
          dataSource={child.guardians}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('childFile.noGuardians') }}
          columns={[
            {
              title: t('guardian.name'),
              dataIndex: 'name',
              render: (v: string, g) => (
                <Space>
                  {v}
                  {g.primary ? <Tag color="blue">{t('child.primaryGuardian')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('guardian.relation'), dataIndex: 'relation' },
            { title: t('guardian.phone'), dataIndex: 'phone', render: (v: string | null) => v || '—' },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('consent.title')}
        extra={
          canEdit && child.guardians.length > 0 ? (
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="record-consent">
              {t('consent.record')}
            </Button>
          ) : null
        }
      >
        <Table<{ purpose: ConsentPurpose }>
          rowKey="purpose"
          size="small"
          dataSource={allConsentPurposes.map((purpose) => ({ purpose }))}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="consent-current"
          columns={[
            { title: t('consent.purpose'), key: 'purpose', render: (_, r) => consentPurposeLabel(t, r.purpose) },
            {
              title: t('consent.current'),
              key: 'current',
              render: (_, r) => {
                const rec = latest(r.purpose);
                if (!rec) return <Tag>{t('consent.notRecorded')}</Tag>;
                return decision(child, r.purpose) ? <Tag color="green">{t('consent.granted')}</Tag> : <Tag color="red">{t('consent.refused')}</Tag>;
              },
            },
            {
              title: t('consent.latest'),
              key: 'latest',
              render: (_, r) => {
                const rec = latest(r.purpose);
                return rec ? (
                  <Typography.Text type="secondary">
                    {[formatDate(rec.givenOn), consentMethodLabel(t, rec.method), rec.guardian?.name].filter(Boolean).join(' · ')}
                  </Typography.Text>
                ) : (
                  '—'
                );
              },
            },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('consent.history')}
        </Typography.Title>
        <Table<ConsentFieldsFragment>
          rowKey="id"
          size="small"
          dataSource={child.consents}
          pagination={child.consents.length > 10 ? { pageSize: 10 } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('consent.empty') }}
          data-testid="consent-history"
          columns={[
            { title: t('consent.givenOn'), dataIndex: 'givenOn', render: (v: string) => formatDate(v) },
            { title: t('consent.purpose'), key: 'purpose', render: (_, c) => consentPurposeLabel(t, c.purpose) },
            {
              title: t('consent.decision'),
              key: 'granted',
              render: (_, c) => (c.granted ? <Tag color="green">{t('consent.granted')}</Tag> : <Tag color="red">{t('consent.refused')}</Tag>),
            },
            { title: t('consent.guardian'), key: 'guardian', render: (_, c) => (c.guardian ? `${c.guardian.name}（${c.guardian.relation}）` : '—') },
            { title: t('consent.method'), key: 'method', render: (_, c) => consentMethodLabel(t, c.method) },
            {
              title: t('consent.recordedBy'),
              key: 'recorded',
              render: (_, c) => `${c.recordedBy ?? '—'} · ${formatTime(t, c.recordedAt)}`,
            },
            {
              title: t('consent.withdrawnAt'),
              dataIndex: 'withdrawnAt',
              render: (v: string | null) => (v ? formatTime(t, v) : '—'),
            },
          ]}
        />
      </Card>
      <Drawer
        title={t('consent.record')}
        open={recording}
        onClose={() => setRecording(false)}
        width={420}
        destroyOnHidden
        styles={{ wrapper: { maxWidth: '100vw' } }}
      >
        <ConsentForm child={child} onSaved={() => setRecording(false)} />
      </Drawer>
    </Space>
  );
}
