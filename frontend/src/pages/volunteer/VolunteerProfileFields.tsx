import { useEffect, useState } from 'react';
import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { Category, VolunteerProfileInput } from '../../gql/graphql';
import CategorySelect from '../../components/CategorySelect';
import LanguagesSelect from '../../components/LanguagesSelect';
import AvailabilityEditor, { availabilityRule, toTimeWindows, type WindowDraft } from '../../components/AvailabilityEditor';
import { AreaPathPicker } from '../../components/pickers/AreaPicker';
import { phoneRule } from '../organisation/validation';

const ServingOrganisationsQuery = graphql(`
  query ServingOrganisations($search: String) {
    organisations(first: 50, search: $search, verification: VERIFIED) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

export interface ProfileValues {
  displayName: string;
  phone?: string;
  bio?: string;
  skills: Category[];
  languages?: string[];
  homeAreaId: string;
  availability?: WindowDraft[];
  hoursPerMonth: number;
  organisationIds?: string[];
}

export function toProfileInput(v: ProfileValues): VolunteerProfileInput {
  return {
    displayName: v.displayName.trim(),
    phone: v.phone?.trim() || null,
    bio: v.bio?.trim() || null,
    skills: v.skills ?? [],
    languages: v.languages ?? [],
    homeAreaId: v.homeAreaId,
    availability: toTimeWindows(v.availability),
    hoursPerMonth: v.hoursPerMonth,
    organisationIds: v.organisationIds ?? [],
  };
}

function OrganisationsMultiSelect({
  value,
  onChange,
  id,
  known,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
  known?: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const [{ data, fetching }] = useQuery({ query: ServingOrganisationsQuery, variables: { search: search || null } });
  const options = new Map<string, string>((known ?? []).map((o) => [o.id, o.name]));
  for (const { node } of data?.organisations.edges ?? []) options.set(node.id, node.name);
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={[...options].map(([v, label]) => ({ value: v, label }))}
      loading={fetching}
      showSearch
      filterOption={false}
      onSearch={setTyped}
      allowClear
      placeholder={t('volunteer.organisationsPlaceholder')}
      notFoundContent={null}
      data-testid="volunteer-organisations"
    />
  );
}

// The profile fields of a volunteer, shared by sign-up and the profile page.
export default function VolunteerProfileFields({
  withBio,
  knownHome,
  knownOrganisations,
}: {
  withBio?: boolean;
  knownHome?: { id: string; label: string };
  knownOrganisations?: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="displayName"
        label={t('volunteer.displayName')}
        rules={[{ required: true, whitespace: true, message: t('volunteer.displayNameRequired') }]}
      >
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item name="phone" label={t('volunteer.phone')} required rules={[phoneRule(t, false)]}>
        <Input inputMode="tel" autoComplete="tel" maxLength={11} />
      </Form.Item>
      {withBio ? (
        <Form.Item name="bio" label={t('volunteer.bio')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      ) : null}
      <Form.Item name="skills" label={t('volunteer.skills')} rules={[{ required: true, message: t('volunteer.skillsRequired') }]}>
        <CategorySelect placeholder={t('volunteer.skillsPlaceholder')} />
      </Form.Item>
      <Form.Item name="languages" label={t('directory.languages')}>
        <LanguagesSelect />
      </Form.Item>
      <Form.Item
        name="homeAreaId"
        label={t('volunteer.homeArea')}
        extra={t('volunteer.homeAreaHint')}
        rules={[{ required: true, message: t('volunteer.homeAreaRequired') }]}
      >
        <AreaPathPicker target="STREET" known={knownHome} />
      </Form.Item>
      <Form.Item name="availability" label={t('volunteer.availability')} rules={[availabilityRule(t)]}>
        <AvailabilityEditor />
      </Form.Item>
      <Form.Item
        name="hoursPerMonth"
        label={t('volunteer.hoursPerMonth')}
        rules={[{ required: true, message: t('volunteer.hoursRequired') }]}
      >
        <InputNumber min={0} max={200} precision={0} style={{ width: '100%' }} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="organisationIds" label={t('volunteer.organisations')}>
        <OrganisationsMultiSelect known={knownOrganisations} />
      </Form.Item>
    </>
  );
}
