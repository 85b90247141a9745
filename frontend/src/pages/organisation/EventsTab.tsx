import { useMemo, useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { EventFieldsFragment, EventStatus, OrganisationProfileFragment } from '../../gql/graphql';
import CursorPager, { useCursorPages } from '../../components/CursorPager';
import { CategoryTags } from '../../components/CategorySelect';
import { errorMessage } from '../../graphql/errors';
import { areaName, eventStatusLabel, formatSpan, statusColor } from '../../labels';
import { VerificationBanner } from './ProfileTab';
import EventForm from './EventForm';

const EventsQuery = graphql(`
  query Events($organisationId: ID!, $first: Int!, $after: String) {
    events(organisationId: $organisationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...EventFields
        }
      }
    }
  }
`);

const SetEventStatusMutation = graphql(`
  mutation SetEventStatus($id: ID!, $status: EventStatus!) {
    setEventStatus(id: $id, status: $status) {
      ...EventFields
    }
  }
`);

const pageSize = 20;

function EventActions({ event, canPublish }: { event: EventFieldsFragment; canPublish: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ fetching }, setStatus] = useMutation(SetEventStatusMutation);
  const change = async (status: EventStatus) => {
    const r = await setStatus({ id: event.id, status });
    if (r.error) message.error(errorMessage(r.error, t));
    else message.success(t(`events.statusDone.${status}`));
  };
  if (!event.canEdit || event.status === 'CANCELLED') return null;
  return (
    <Space size={0}>
      {event.status === 'DRAFT' ? (
        <Button type="link" disabled={!canPublish || fetching} onClick={() => void change('PUBLISHED')} data-testid="event-publish">
          {t('events.publish')}
        </Button>
      ) : null}
      <Popconfirm
        title={t('events.cancelConfirm')}
        onConfirm={() => change('CANCELLED')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
      >
        <Button type="link" danger disabled={fetching} data-testid="event-cancel">
          {t('events.cancel')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

export default function EventsTab({ org }: { org: OrganisationProfileFragment }) {
  const { t, i18n } = useTranslation();
  const pages = useCursorPages();
  const [editing, setEditing] = useState<EventFieldsFragment | 'new' | null>(null);
  const context = useMemo(() => ({ additionalTypenames: ['Event'] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: EventsQuery,
    variables: { organisationId: org.id, first: pageSize, after: pages.after },
    context,
  });
  const conn = data?.events;
  return (
    <>
      <VerificationBanner org={org} />
      <Flex justify="end" style={{ marginBottom: 12 }}>
        {org.canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-event">
            {t('events.create')}
          </Button>
        ) : null}
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} /> : null}
      <Table<EventFieldsFragment>
        rowKey="id"
        dataSource={conn?.edges.map((e) => e.node) ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('events.empty') }}
        columns={[
          {
            title: t('events.title'),
            dataIndex: 'title',
            render: (title: string, e) =>
              e.canEdit && e.status !== 'CANCELLED' ? (
                <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(e)}>
                  {title}
                </Button>
              ) : (
                title
              ),
          },
          {
            title: t('services.status'),
            dataIndex: 'status',
            render: (s: EventStatus) => <Tag color={statusColor[s]}>{eventStatusLabel(t, s)}</Tag>,
          },
          { title: t('events.time'), key: 'time', render: (_, e) => formatSpan(e.startsAt, e.endsAt) },
          { title: t('events.place'), key: 'place', responsive: ['md'], render: (_, e) => `${e.place}（${areaName(i18n, e.area)}）` },
          { title: t('services.categories'), key: 'cat', responsive: ['lg'], render: (_, e) => <CategoryTags categories={e.categories} /> },
          { title: t('services.capacity'), dataIndex: 'capacity', responsive: ['lg'] },
          { title: t('common.actions'), key: 'actions', render: (_, e) => <EventActions event={e} canPublish={org.verification === 'VERIFIED'} /> },
        ]}
      />
      <CursorPager pages={pages} conn={conn} fetching={fetching} testId="events-total" />
      <Drawer
        title={t(editing === 'new' ? 'events.createTitle' : 'events.editTitle')}
        open={editing !== null}
        onClose={() => setEditing(null)}
        width={600}
        destroyOnHidden
        styles={{ wrapper: { maxWidth: '100vw' } }}
      >
        {editing !== null ? (
          <EventForm organisationId={org.id} event={editing === 'new' ? undefined : editing} onSaved={() => setEditing(null)} />
        ) : null}
      </Drawer>
    </>
  );
}
