import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { orgKindLabel } from '../../labels';

const OrganisationOptionsQuery = graphql(`
  query OrganisationOptions($search: String) {
    organisations(first: 50, search: $search) {
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

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  allowClear?: boolean;
}

export default function OrganisationPicker({ value, onChange, id, allowClear }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const [{ data, fetching }] = useQuery({
    query: OrganisationOptionsQuery,
    variables: { search: search || null },
  });
  const options = (data?.organisations.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: t('grant.scopeFormat', { name: node.name, kind: orgKindLabel(t, node.kind) }),
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={fetching}
      showSearch
      filterOption={false}
      onSearch={setTyped}
      allowClear={allowClear}
      placeholder={t('grantForm.searchOrganisation')}
      data-testid="organisation-select"
    />
  );
}
