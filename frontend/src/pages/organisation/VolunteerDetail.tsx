import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { VettingItemFieldsFragment, VettingKind } from '../../gql/graphql';
import { CategoryTags } from '../../components/CategorySelect';
import { errorMessage } from '../../graphql/errors';
import { allVettingKinds, areaName, formatWindow, vettingKindLabel } from '../../labels';
import { VettedTag } from './VolunteersTab';
import VettingList from '../volunteer/VettingList';

const VolunteerQuery = graphql(`
  query Volunteer($id: ID!) {
    volunteer(id: $id) {
      ...VolunteerFields
    }
  }
`);

const RecordVettingMutation = graphql(`
  mutation RecordVetting($input: VettingInput!) {
    recordVetting(input: $input) {
      ...VettingItemFields
      volunteer {
        id
        vetted
        vettingExpiresOn
      }
    }
  }
`);

const ApproveVettingMutation = graphql(`
  mutation ApproveVetting($id: ID!) {
    approveVetting(id: $id) {
      ...VettingItemFields
      volunteer {
        id
        vetted
        vettingExpiresOn
      }
    }
  }
`);

const RejectVettingMutation = graphql(`
  mutation RejectVetting($id: ID!, $note: String!) {
    rejectVetting(id: $id, note: $note) {
      ...VettingItemFields
      volunteer {
        id
        vetted
        vettingExpiresOn
      }
    }
  }
`);

interface RecordValues {
  kind: VettingKind;
  completedOn: Dayjs;
  expiresOn: Dayjs;
  note?: string;
}

function RecordVettingForm({ volunteerId, onDone }: { volunteerId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, record] = useMutation(RecordVettingMutation);
  const onFinish = async (v: RecordValues) => {
    setFailure(null);
    const result = await record({
      input: {
        volunteerId,
        kind: v.kind,
        completedOn: v.completedOn.format('YYYY-MM-DD'),
        expiresOn: v.expiresOn.format('YYYY-MM-DD'),
        note: v.note?.trim() || null,
      },
    });
    if (result.error) {
      setFailure(errorMessage(result.error, t));
      return;
    }
    message.success(t('vetting.recorded'));
    form.resetFields();
    onDone();
  };
  return (
    <Form<RecordValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} data-testid="record-vetting-form">
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item name="kind" label={t('vetting.kind')} rules={[{ required: true, message: t('vetting.kindRequired') }]}>
        <Select options={allVettingKinds.map((k) => ({ value: k, label: vettingKindLabel(t, k) }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="completedOn" label={t('vetting.completedOn')} rules={[{ required: true, message: t('vetting.dateRequired') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label={t('vetting.expiresOn')}
          dependencies={['completedOn']}
          rules={[
            { required: true, message: t('vetting.dateRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | undefined) => {
                const done = getFieldValue('completedOn') as Dayjs | undefined;
                return !v || !done || v.isAfter(done, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('vetting.expiresAfterCompleted')));
              },
            }),
          ]}
        >
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('vetting.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={fetching}>
        {t('vetting.record')}
      </Button>
    </Form>
  );
}

function ItemActions({ item, onDone }: { item: VettingItemFieldsFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [approving, approve] = useMutation(ApproveVettingMutation);
  const [rejecting, reject] = useMutation(RejectVettingMutation);
  if (item.status !== 'PENDING') return null;
  const doApprove = async () => {
    const r = await approve({ id: item.id });
    if (r.error) message.error(errorMessage(r.error, t));
    else {
      message.success(t('vetting.approved'));
      onDone();
    }
  };
  const doReject = async () => {
    if (!note.trim()) {
      setNoteMissing(true);
      // Keep the confirmation open until a reason is given.
      throw new Error('note required');
    }
    const r = await reject({ id: item.id, note: note.trim() });
    if (r.error) message.error(errorMessage(r.error, t));
    else {
      message.success(t('vetting.rejected'));
      setNote('');
      onDone();
    }
  };
  return (
    <Space size={0}>
      <Popconfirm title={t('vetting.approveConfirm')} onConfirm={() => doApprove()} okText={t('common.confirm')} cancelText={t('common.cancel')}>
        <Button type="link" loading={approving.fetching} data-testid="vetting-approve">
          {t('vetting.approve')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('vetting.rejectConfirm')}
        description={
          <div style={{ width: 260 }}>
            <Input.TextArea
              rows={2}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                setNoteMissing(false);
              }}
              placeholder={t('vetting.rejectNote')}
              status={noteMissing ? 'error' : undefined}
              data-testid="vetting-reject-note"
            />
            {noteMissing ? <Typography.Text type="danger">{t('vetting.rejectNoteRequired')}</Typography.Text> : null}
          </div>
        }
        onConfirm={() => doReject().catch(() => Promise.reject())}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
      >
        <Button type="link" danger loading={rejecting.fetching} data-testid="vetting-reject">
          {t('vetting.reject')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

export default function VolunteerDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: VolunteerQuery, variables: { id } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const v = data?.volunteer;
  if (fetching && !data) return <Spin />;
  if (error) return <Alert type="error" showIcon message={errorMessage(error, t)} />;
  if (!v) return <Empty description={t('volunteers.notFound')} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('volunteer.displayName')}>
          {v.displayName} <VettedTag vetted={v.vetted} />
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteer.phone')}>{v.phone || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('volunteer.homeArea')}>{areaName(i18n, v.homeArea)}</Descriptions.Item>
        <Descriptions.Item label={t('volunteer.skills')}>
          <CategoryTags categories={v.skills} />
        </Descriptions.Item>
        <Descriptions.Item label={t('directory.languages')}>{v.languages.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('volunteer.availability')}>
          {v.availability.map((w) => formatWindow(t, w)).join('；') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteer.hoursPerMonth')}>{v.hoursPerMonth}</Descriptions.Item>
        <Descriptions.Item label={t('volunteer.bio')}>{v.bio || '—'}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('vetting.title')}>
        <VettingList items={v.vetting} actions={v.canManageVetting ? (item) => <ItemActions item={item} onDone={reload} /> : undefined} />
      </Card>
      {v.canManageVetting ? (
        <Card size="small" title={t('vetting.record')}>
          <RecordVettingForm volunteerId={v.id} onDone={reload} />
        </Card>
      ) : (
        <Tag>{t('vetting.readOnly')}</Tag>
      )}
    </Space>
  );
}
