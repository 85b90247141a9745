import { useMemo, useState } from 'react';
import { Alert, Button, Card, Drawer, Empty, List, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { OrganisationProfileFragment, VolunteersQuery as VolunteersResult } from '../../gql/graphql';
import { CategoryTags } from '../../components/CategorySelect';
import CursorPager, { useCursorPages } from '../../components/CursorPager';
import { errorMessage } from '../../graphql/errors';
import { areaName, formatDate, vettingKindLabel } from '../../labels';
import VolunteerDetail from './VolunteerDetail';

const VolunteersQuery = graphql(`
  query Volunteers($organisationId: ID!, $first: Int!, $after: String) {
    volunteers(organisationId: $organisationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          displayName
          phone
          skills
          languages
          homeArea {
            ...AreaName
          }
          hoursPerMonth
          vetted
          vettingExpiresOn
        }
      }
    }
  }
`);

const ExpiringVettingQuery = graphql(`
  query ExpiringVetting($organisationId: ID!) {
    expiringVetting(organisationId: $organisationId, withinDays: 30) {
      ...VettingItemFields
      volunteer {
        id
        displayName
      }
    }
  }
`);

type Row = VolunteersResult['volunteers']['edges'][number]['node'];
const pageSize = 20;

export function VettedTag({ vetted }: { vetted: boolean }) {
  const { t } = useTranslation();
  return vetted ? (
    <Tag color="green" data-testid="vetted-tag">
      {t('directory.vetted')}
    </Tag>
  ) : (
    <Tag color="orange" data-testid="vetted-tag">
      {t('directory.notVetted')}
    </Tag>
  );
}

export default function VolunteersTab({ org }: { org: OrganisationProfileFragment }) {
  const { t, i18n } = useTranslation();
  const pages = useCursorPages();
  const [open, setOpen] = useState<string | null>(null);
  const context = useMemo(() => ({ additionalTypenames: ['Volunteer', 'VettingItem'] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: VolunteersQuery,
    variables: { organisationId: org.id, first: pageSize, after: pages.after },
    context,
  });
  const [expiring] = useQuery({ query: ExpiringVettingQuery, variables: { organisationId: org.id }, context });
  const conn = data?.volunteers;
  const soon = expiring.data?.expiringVetting ?? [];

  return (
    <>
      <Card size="small" title={t('volunteers.expiringTitle')} style={{ marginBottom: 16 }} data-testid="expiring-vetting">
        {expiring.error ? (
          <Alert type="error" showIcon message={errorMessage(expiring.error, t)} />
        ) : soon.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.noneExpiring')} />
        ) : (
          <List
            size="small"
            loading={expiring.fetching}
            dataSource={soon}
            renderItem={(item) => (
              <List.Item
                actions={[
                  <Button key="open" type="link" onClick={() => setOpen(item.volunteer.id)}>
                    {t('volunteers.open')}
                  </Button>,
                ]}
              >
                <Typography.Text>
                  {item.volunteer.displayName} · {vettingKindLabel(t, item.kind)} ·{' '}
                  <Typography.Text type="warning">{t('volunteers.expiresOn', { date: formatDate(item.expiresOn) })}</Typography.Text>
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} /> : null}
      <Table<Row>
        rowKey="id"
        dataSource={conn?.edges.map((e) => e.node) ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('volunteers.empty') }}
        columns={[
          {
            title: t('volunteer.displayName'),
            dataIndex: 'displayName',
            render: (name: string, v) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(v.id)}>
                {name}
              </Button>
            ),
          },
          { title: t('volunteers.vetting'), key: 'vetted', render: (_, v) => <VettedTag vetted={v.vetted} /> },
          { title: t('volunteers.earliestExpiry'), key: 'exp', render: (_, v) => formatDate(v.vettingExpiresOn) },
          { title: t('volunteer.skills'), key: 'skills', render: (_, v) => <CategoryTags categories={v.skills} /> },
          { title: t('volunteer.phone'), dataIndex: 'phone', responsive: ['md'], render: (p: string | null) => p || '—' },
          { title: t('volunteer.homeArea'), key: 'home', responsive: ['lg'], render: (_, v) => areaName(i18n, v.homeArea) },
          { title: t('volunteer.hoursPerMonth'), dataIndex: 'hoursPerMonth', responsive: ['lg'] },
        ]}
      />
      <CursorPager pages={pages} conn={conn} fetching={fetching} testId="volunteers-total" />
      <Drawer
        title={t('volunteers.detailTitle')}
        open={open !== null}
        onClose={() => setOpen(null)}
        width={640}
        destroyOnHidden
        styles={{ wrapper: { maxWidth: '100vw' } }}
      >
        {open ? <VolunteerDetail id={open} /> : null}
      </Drawer>
    </>
  );
}
