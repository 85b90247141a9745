import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Drawer, Flex, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { OrganisationKind, OrganisationProfileFragment, VerificationStatus } from '../../gql/graphql';
import CursorPager, { useCursorPages } from '../../components/CursorPager';
import DistrictSelect from '../../components/pickers/DistrictSelect';
import { errorMessage } from '../../graphql/errors';
import { allOrgKinds, areaName, orgKindLabel, statusColor, verificationLabel } from '../../labels';
import { phoneRule } from '../organisation/validation';

const OrganisationsAdminQuery = graphql(`
  query OrganisationsAdmin($first: Int!, $after: String, $search: String, $kind: OrganisationKind, $verification: VerificationStatus) {
    organisations(first: $first, after: $after, search: $search, kind: $kind, verification: $verification) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...OrganisationProfile
        }
      }
    }
  }
`);

const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: OrganisationInput!) {
    createOrganisation(input: $input) {
      ...OrganisationProfile
    }
  }
`);

const VerifyOrganisationMutation = graphql(`
  mutation VerifyOrganisation($id: ID!, $status: VerificationStatus!, $note: String) {
    verifyOrganisation(id: $id, status: $status, note: $note) {
      ...OrganisationProfile
    }
  }
`);

const pageSize = 20;
const verifications: VerificationStatus[] = ['UNVERIFIED', 'VERIFIED', 'REJECTED'];

interface CreateValues {
  name: string;
  kind: OrganisationKind;
  areaId: string;
  registrationNumber?: string;
  contactName?: string;
  contactPhone?: string;
  description?: string;
}

function CreateOrganisationForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateOrganisationMutation);
  const onFinish = async (v: CreateValues) => {
    setFailure(null);
    const r = await create({
      input: {
        name: v.name.trim(),
        kind: v.kind,
        areaId: v.areaId,
        registrationNumber: v.registrationNumber?.trim() || null,
        contactName: v.contactName?.trim() || null,
        contactPhone: v.contactPhone?.trim() || null,
        description: v.description?.trim() || null,
      },
    });
    if (r.error) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t('organisations.created'));
    onCreated();
  };
  return (
    <Form<CreateValues> layout="vertical" onFinish={(v) => void onFinish(v)} data-testid="create-organisation-form">
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item name="name" label={t('organisation.name')} rules={[{ required: true, whitespace: true, message: t('organisation.nameRequired') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('organisation.kind')} rules={[{ required: true, message: t('organisations.kindRequired') }]}>
        <Select options={allOrgKinds.map((k) => ({ value: k, label: orgKindLabel(t, k) }))} />
      </Form.Item>
      <Form.Item name="areaId" label={t('organisation.area')} rules={[{ required: true, message: t('grantForm.areaRequired') }]}>
        <DistrictSelect />
      </Form.Item>
      <Form.Item name="registrationNumber" label={t('organisation.registrationNumber')}>
        <Input />
      </Form.Item>
      <Form.Item name="contactName" label={t('organisation.contactName')}>
        <Input />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('organisation.contactPhone')} rules={[phoneRule(t, true)]}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item name="description" label={t('organisation.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={fetching}>
        {t('common.submit')}
      </Button>
    </Form>
  );
}

function VerifyActions({ org }: { org: OrganisationProfileFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [{ fetching }, verify] = useMutation(VerifyOrganisationMutation);
  if (!org.canVerify) return null;
  const run = async (status: VerificationStatus) => {
    if (status === 'REJECTED' && !note.trim()) {
      setNoteMissing(true);
      throw new Error('note required');
    }
    const r = await verify({ id: org.id, status, note: note.trim() || null });
    if (r.error) message.error(errorMessage(r.error, t));
    else {
      message.success(t(`organisations.done.${status}`));
      setNote('');
    }
  };
  return (
    <Space size={0}>
      {org.verification !== 'VERIFIED' ? (
        <Popconfirm title={t('organisations.verifyConfirm')} onConfirm={() => run('VERIFIED')} okText={t('common.confirm')} cancelText={t('common.cancel')}>
          <Button type="link" loading={fetching} data-testid="verify-organisation">
            {t('organisations.verify')}
          </Button>
        </Popconfirm>
      ) : null}
      {org.verification !== 'REJECTED' ? (
        <Popconfirm
          title={t('organisations.rejectConfirm')}
          description={
            <div style={{ width: 260 }}>
              <Input.TextArea
                rows={2}
                value={note}
                placeholder={t('organisations.rejectNote')}
                status={noteMissing ? 'error' : undefined}
                onChange={(e) => {
                  setNote(e.target.value);
                  setNoteMissing(false);
                }}
              />
              {noteMissing ? <Typography.Text type="danger">{t('organisations.rejectNoteRequired')}</Typography.Text> : null}
            </div>
          }
          onConfirm={() => run('REJECTED').catch(() => Promise.reject())}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
        >
          <Button type="link" danger loading={fetching} data-testid="reject-organisation">
            {t('organisations.reject')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}

export default function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const pages = useCursorPages();
  const [verification, setVerification] = useState<VerificationStatus | 'ALL'>('UNVERIFIED');
  const [kind, setKind] = useState<OrganisationKind | undefined>();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const context = useMemo(() => ({ additionalTypenames: ['Organisation'] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: OrganisationsAdminQuery,
    variables: {
      first: pageSize,
      after: pages.after,
      search: search || null,
      kind: kind ?? null,
      verification: verification === 'ALL' ? null : verification,
    },
    context,
  });
  const conn = data?.organisations;

  return (
    <Card
      title={t('organisations.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-organisation">
          {t('organisations.create')}
        </Button>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          value={verification}
          onChange={(v) => {
            setVerification(v);
            pages.reset();
          }}
          options={[
            ...verifications.map((v) => ({ value: v, label: verificationLabel(t, v) })),
            { value: 'ALL', label: t('organisations.allVerification') },
          ]}
          style={{ width: 140 }}
          data-testid="verification-filter"
        />
        <Select
          value={kind}
          allowClear
          placeholder={t('organisations.allKinds')}
          onChange={(v) => {
            setKind(v);
            pages.reset();
          }}
          options={allOrgKinds.map((k) => ({ value: k, label: orgKindLabel(t, k) }))}
          style={{ width: 140 }}
        />
        <Input.Search
          allowClear
          placeholder={t('organisations.searchPlaceholder')}
          enterButton={t('common.search')}
          onSearch={(v) => {
            setSearch(v.trim());
            pages.reset();
          }}
          style={{ maxWidth: 360 }}
        />
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} /> : null}
      <Table<OrganisationProfileFragment>
        rowKey="id"
        dataSource={conn?.edges.map((e) => e.node) ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('organisations.empty') }}
        columns={[
          { title: t('organisation.name'), dataIndex: 'name' },
          { title: t('organisation.kind'), key: 'kind', render: (_, o) => orgKindLabel(t, o.kind) },
          { title: t('organisation.area'), key: 'area', render: (_, o) => areaName(i18n, o.area) },
          {
            title: t('organisation.verification'),
            key: 'v',
            render: (_, o) => (
              <Space direction="vertical" size={0}>
                <Tag color={statusColor[o.verification]}>{verificationLabel(t, o.verification)}</Tag>
                {o.verificationNote ? <Typography.Text type="secondary">{o.verificationNote}</Typography.Text> : null}
              </Space>
            ),
          },
          { title: t('organisation.registrationNumber'), dataIndex: 'registrationNumber', responsive: ['lg'], render: (v: string | null) => v || '—' },
          {
            title: t('organisation.contactName'),
            key: 'contact',
            responsive: ['md'],
            render: (_, o) => [o.contactName, o.contactPhone].filter(Boolean).join(' ') || '—',
          },
          { title: t('common.actions'), key: 'actions', render: (_, o) => <VerifyActions org={o} /> },
        ]}
      />
      <CursorPager pages={pages} conn={conn} fetching={fetching} testId="organisations-total" />
      <Drawer
        title={t('organisations.create')}
        open={creating}
        onClose={() => setCreating(false)}
        width={480}
        destroyOnHidden
        styles={{ wrapper: { maxWidth: '100vw' } }}
      >
        <CreateOrganisationForm onCreated={() => setCreating(false)} />
      </Drawer>
    </Card>
  );
}
