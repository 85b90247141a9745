import { useMemo, useState } from 'react';
import { Alert, Card, Empty, Flex, Select, Spin, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { OrganisationKind, Role } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../graphql/errors';
import { orgKindLabel, statusColor, verificationLabel } from '../../labels';
import ProfileTab from './ProfileTab';
import ServicesTab from './ServicesTab';
import VolunteersTab from './VolunteersTab';
import SlotsTab from './SlotsTab';
import EventsTab from './EventsTab';

export const MyOrganisationsQuery = graphql(`
  query MyOrganisations {
    myOrganisations {
      ...OrganisationProfile
    }
  }
`);

const serviceKinds: OrganisationKind[] = ['SOCIAL_ORGANISATION', 'OTHER'];
const venueKinds: OrganisationKind[] = ['LIBRARY', 'MUSEUM'];
const eventKinds: OrganisationKind[] = ['YOUTH_LEAGUE', 'WOMENS_FEDERATION'];

// Which tabs an organisation's page shows, from its kind and the viewer's roles on it.
export function organisationTabs(kind: OrganisationKind, roles: readonly Role[]): string[] {
  const has = (...rs: Role[]) => rs.some((r) => roles.includes(r));
  const tabs = ['profile'];
  if (serviceKinds.includes(kind) && has('ORG_ADMIN', 'ORG_STAFF')) tabs.push('services');
  if (has('ORG_ADMIN', 'ORG_STAFF')) tabs.push('volunteers');
  if (venueKinds.includes(kind) && has('VENUE_STAFF', 'ORG_ADMIN', 'ORG_STAFF')) tabs.push('slots');
  if (eventKinds.includes(kind) && has('EVENT_ORGANISER', 'ORG_ADMIN', 'ORG_STAFF')) tabs.push('events');
  return tabs;
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: MyOrganisationsQuery });
  const orgs = useMemo(() => data?.myOrganisations ?? [], [data]);
  const [chosen, setChosen] = useState<string | undefined>();
  const [tab, setTab] = useState('profile');
  const org = orgs.find((o) => o.id === chosen) ?? orgs[0];

  if (fetching && !data) return <Spin />;
  if (error) return <Alert type="error" showIcon message={errorMessage(error, t)} />;
  if (!org) {
    return (
      <Card title={t('organisation.title')}>
        <Empty description={t('organisation.none')} />
      </Card>
    );
  }

  const rolesHere = [
    ...new Set((me?.grants ?? []).filter((g) => g.organisation?.id === org.id).map((g) => g.role)),
  ];
  const tabs = organisationTabs(org.kind, rolesHere);
  const active = tabs.includes(tab) ? tab : 'profile';
  const items = [
    { key: 'profile', label: t('organisation.tabs.profile'), children: <ProfileTab org={org} /> },
    { key: 'services', label: t('organisation.tabs.services'), children: <ServicesTab org={org} /> },
    { key: 'volunteers', label: t('organisation.tabs.volunteers'), children: <VolunteersTab org={org} /> },
    { key: 'slots', label: t('organisation.tabs.slots'), children: <SlotsTab org={org} /> },
    { key: 'events', label: t('organisation.tabs.events'), children: <EventsTab org={org} /> },
  ].filter((i) => tabs.includes(i.key));

  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong data-testid="organisation-name">
            {org.name}
          </Typography.Text>
          <Tag>{orgKindLabel(t, org.kind)}</Tag>
          <Tag color={statusColor[org.verification]}>{verificationLabel(t, org.verification)}</Tag>
        </Flex>
      }
      extra={
        orgs.length > 1 ? (
          <Select
            value={org.id}
            onChange={(v) => setChosen(v)}
            options={orgs.map((o) => ({ value: o.id, label: o.name }))}
            style={{ minWidth: 200 }}
            aria-label={t('organisation.choose')}
            data-testid="organisation-select"
          />
        ) : null
      }
    >
      <Tabs
        key={org.id}
        activeKey={active}
        onChange={setTab}
        items={items}
        destroyOnHidden
        data-testid="organisation-tabs"
      />
    </Card>
  );
}
