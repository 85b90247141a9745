import { useMemo, useState } from 'react';
import { Alert, App, Button, Drawer, Empty, Flex, Popconfirm, Space, Spin, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { OrganisationProfileFragment, ServiceRowFragment as ServiceRow, ServiceStatus } from '../../gql/graphql';
import { CategoryTags } from '../../components/CategorySelect';
import CursorPager, { useCursorPages } from '../../components/CursorPager';
import { errorMessage } from '../../graphql/errors';
import { formatAgeRange, formatWindow, serviceStatusLabel, statusColor } from '../../labels';
import ServiceForm from './ServiceForm';
import { VerificationBanner } from './ProfileTab';

const ServicesQuery = graphql(`
  query Services($organisationId: ID!, $first: Int!, $after: String) {
    services(organisationId: $organisationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ServiceRow
        }
      }
    }
  }
`);

// What the table shows; the complexity limit counts every field of every row,
// so the edit drawer loads the whole service by itself.
export const ServiceRowFragment = graphql(`
  fragment ServiceRow on Service {
    id
    name
    categories
    minAge
    maxAge
    schedule {
      day
      start
      end
    }
    capacity
    status
    canEdit
  }
`);

const ServiceQuery = graphql(`
  query Service($id: ID!) {
    service(id: $id) {
      ...ServiceFields
    }
  }
`);

const SetServiceStatusMutation = graphql(`
  mutation SetServiceStatus($id: ID!, $status: ServiceStatus!) {
    setServiceStatus(id: $id, status: $status) {
      ...ServiceFields
    }
  }
`);

const pageSize = 20;

function StatusActions({ service, canPublish }: { service: ServiceRow; canPublish: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ fetching }, setStatus] = useMutation(SetServiceStatusMutation);
  const change = async (status: ServiceStatus) => {
    const result = await setStatus({ id: service.id, status });
    if (result.error) message.error(errorMessage(result.error, t));
    else message.success(t(`services.statusDone.${status}`));
  };
  if (!service.canEdit || service.status === 'ENDED') return null;
  return (
    <Space size={0} wrap>
      {service.status === 'DRAFT' || service.status === 'PAUSED' ? (
        <Button
          type="link"
          disabled={!canPublish || fetching}
          title={canPublish ? undefined : t('organisation.unverifiedBanner')}
          onClick={() => void change('ACTIVE')}
          data-testid="service-publish"
        >
          {t('services.publish')}
        </Button>
      ) : null}
      {service.status === 'ACTIVE' ? (
        <Popconfirm
          title={t('services.pauseConfirm')}
          onConfirm={() => change('PAUSED')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button type="link" disabled={fetching} data-testid="service-pause">
            {t('services.pause')}
          </Button>
        </Popconfirm>
      ) : null}
      <Popconfirm
        title={t('services.endConfirm')}
        onConfirm={() => change('ENDED')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
      >
        <Button type="link" danger disabled={fetching} data-testid="service-end">
          {t('services.end')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

function EditService({ id, organisationId, onSaved }: { id: string; organisationId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: ServiceQuery, variables: { id }, requestPolicy: 'network-only' });
  if (fetching && !data) return <Spin />;
  if (error) return <Alert type="error" showIcon message={errorMessage(error, t)} />;
  if (!data?.service) return <Empty description={t('services.notFound')} />;
  return <ServiceForm organisationId={organisationId} service={data.service} onSaved={onSaved} />;
}

export default function ServicesTab({ org }: { org: OrganisationProfileFragment }) {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const context = useMemo(() => ({ additionalTypenames: ['Service'] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: ServicesQuery,
    variables: { organisationId: org.id, first: pageSize, after: pages.after },
    context,
  });
  const conn = data?.services;
  const canPublish = org.verification === 'VERIFIED';

  return (
    <>
      <VerificationBanner org={org} />
      <Flex justify="end" style={{ marginBottom: 12 }}>
        {org.canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-service">
            {t('services.create')}
          </Button>
        ) : null}
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} /> : null}
      <Table<ServiceRow>
        rowKey="id"
        dataSource={conn?.edges.map((e) => e.node) ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('services.empty') }}
        columns={[
          {
            title: t('services.name'),
            dataIndex: 'name',
            render: (name: string, s) =>
              s.canEdit ? (
                <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(s.id)}>
                  {name}
                </Button>
              ) : (
                name
              ),
          },
          {
            title: t('services.status'),
            dataIndex: 'status',
            render: (st: ServiceStatus) => (
              <Tag color={statusColor[st]} data-testid="service-status">
                {serviceStatusLabel(t, st)}
              </Tag>
            ),
          },
          { title: t('services.categories'), key: 'cat', render: (_, s) => <CategoryTags categories={s.categories} /> },
          { title: t('services.ages'), key: 'ages', render: (_, s) => formatAgeRange(t, s.minAge, s.maxAge) },
          { title: t('services.capacity'), dataIndex: 'capacity', responsive: ['md'] },
          {
            title: t('services.schedule'),
            key: 'schedule',
            responsive: ['lg'],
            render: (_, s) => s.schedule.map((w) => formatWindow(t, w)).join('；') || '—',
          },
          { title: t('common.actions'), key: 'actions', render: (_, s) => <StatusActions service={s} canPublish={canPublish} /> },
        ]}
        onRow={(s) => ({ 'data-testid': 'service-row', 'data-name': s.name }) as React.HTMLAttributes<HTMLElement>}
      />
      <CursorPager pages={pages} conn={conn} fetching={fetching} testId="services-total" />
      <Drawer
        title={t(editing === 'new' ? 'services.createTitle' : 'services.editTitle')}
        open={editing !== null}
        onClose={() => setEditing(null)}
        width={640}
        destroyOnHidden
        styles={{ wrapper: { maxWidth: '100vw' } }}
      >
        {editing !== null ? (
          editing === 'new' ? (
            <ServiceForm organisationId={org.id} onSaved={() => setEditing(null)} />
          ) : (
            <EditService id={editing} organisationId={org.id} onSaved={() => setEditing(null)} />
          )
        ) : null}
      </Drawer>
    </>
  );
}
