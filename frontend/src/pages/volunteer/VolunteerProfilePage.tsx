import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { VolunteerFieldsFragment } from '../../gql/graphql';
import { CategoryTags } from '../../components/CategorySelect';
import { fromTimeWindows } from '../../components/AvailabilityEditor';
import { errorMessage } from '../../graphql/errors';
import { areaName, formatDate, formatWindow } from '../../labels';
import { VettedTag } from '../organisation/VolunteersTab';
import VettingList from './VettingList';
import VolunteerProfileFields, { toProfileInput, type ProfileValues } from './VolunteerProfileFields';

const MyVolunteerProfileQuery = graphql(`
  query MyVolunteerProfile {
    myVolunteerProfile {
      ...VolunteerFields
    }
  }
`);

const UpdateMyVolunteerProfileMutation = graphql(`
  mutation UpdateMyVolunteerProfile($input: VolunteerProfileInput!) {
    updateMyVolunteerProfile(input: $input) {
      ...VolunteerFields
    }
  }
`);

function ProfileForm({ profile, onDone }: { profile: VolunteerFieldsFragment | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateMyVolunteerProfileMutation);
  const initialValues: Partial<ProfileValues> = profile
    ? {
        displayName: profile.displayName,
        phone: profile.phone ?? '',
        bio: profile.bio,
        skills: profile.skills,
        languages: profile.languages,
        homeAreaId: profile.homeArea.id,
        availability: fromTimeWindows(profile.availability),
        hoursPerMonth: profile.hoursPerMonth,
        organisationIds: profile.organisations.map((o) => o.id),
      }
    : { hoursPerMonth: 8, availability: [], languages: ['普通话'] };
  const onFinish = async (v: ProfileValues) => {
    setFailure(null);
    const r = await update({ input: toProfileInput(v) });
    if (r.error) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t('common.saved'));
    onDone();
  };
  const home = profile?.homeArea;
  return (
    <Form<ProfileValues> layout="vertical" initialValues={initialValues} onFinish={(v) => void onFinish(v)} scrollToFirstError data-testid="volunteer-profile-form" style={{ maxWidth: 560 }}>
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <VolunteerProfileFields
        withBio
        knownHome={
          home
            ? { id: home.id, label: [home.parent ? areaName(i18n, home.parent) : null, areaName(i18n, home)].filter(Boolean).join(' / ') }
            : undefined
        }
        knownOrganisations={profile?.organisations}
      />
      <Space>
        <Button type="primary" htmlType="submit" loading={fetching}>
          {t('common.save')}
        </Button>
        {profile ? <Button onClick={onDone}>{t('common.cancel')}</Button> : null}
      </Space>
    </Form>
  );
}

export default function VolunteerProfilePage() {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: MyVolunteerProfileQuery });
  const [editing, setEditing] = useState(false);
  if (fetching && !data) return <Spin />;
  if (error) return <Alert type="error" showIcon message={errorMessage(error, t)} />;
  const p = data?.myVolunteerProfile ?? null;

  if (!p) {
    return (
      <Card title={t('volunteer.title')}>
        <Alert type="info" showIcon message={t('volunteer.noProfile')} style={{ marginBottom: 16 }} />
        <ProfileForm profile={null} onDone={() => setEditing(false)} />
      </Card>
    );
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {!p.vetted ? (
        <Alert
          type="warning"
          showIcon
          message={t('volunteer.vettingIncomplete')}
          description={t('volunteer.vettingIncompleteHint')}
          data-testid="vetting-incomplete"
        />
      ) : null}
      <Card
        title={t('volunteer.title')}
        extra={
          editing ? null : (
            <Button onClick={() => setEditing(true)} data-testid="edit-volunteer-profile">
              {t('volunteer.edit')}
            </Button>
          )
        }
        data-testid="volunteer-profile"
      >
        {editing ? (
          <ProfileForm profile={p} onDone={() => setEditing(false)} />
        ) : (
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('volunteer.displayName')}>
              <span data-testid="volunteer-display-name">{p.displayName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteer.phone')}>{p.phone || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('volunteer.homeArea')}>{areaName(i18n, p.homeArea)}</Descriptions.Item>
            <Descriptions.Item label={t('volunteer.hoursPerMonth')}>{p.hoursPerMonth}</Descriptions.Item>
            <Descriptions.Item label={t('volunteer.skills')}>
              <CategoryTags categories={p.skills} />
            </Descriptions.Item>
            <Descriptions.Item label={t('directory.languages')}>{p.languages.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('volunteer.availability')}>
              {p.availability.map((w) => formatWindow(t, w)).join('；') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteer.servingWith')}>
              {p.organisations.map((o) => o.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteer.bio')} span={2}>
              {p.bio || '—'}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card
        title={t('vetting.title')}
        extra={
          <Space>
            <VettedTag vetted={p.vetted} />
            {p.vettingExpiresOn ? t('volunteer.vettingExpiresOn', { date: formatDate(p.vettingExpiresOn) }) : null}
          </Space>
        }
        data-testid="volunteer-vetting"
      >
        <VettingList items={p.vetting} />
      </Card>
    </Space>
  );
}
