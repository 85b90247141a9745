import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { roleLabel } from '../labels';
import { grantScope } from '../grantScope';
import { AreaPathPicker, CityOrDistrictPicker } from './pickers/AreaPicker';
import OrganisationPicker from './pickers/OrganisationPicker';

export interface GrantValues {
  role?: Role;
  areaId?: string;
  organisationId?: string;
}

const GrantableRolesQuery = graphql(`
  query GrantableRoles {
    grantableRoles
  }
`);

// Form fields for one grant, nested under `name` in the surrounding form:
// the role first, then the area or organisation that role is scoped to.
export default function GrantFields({ name }: { name: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const role = Form.useWatch([name, 'role'], form) as Role | undefined;
  const scope = role ? grantScope(role) : undefined;
  // Only the roles this user may give are offered; the server checks the scope.
  const [{ data, fetching }] = useQuery({ query: GrantableRolesQuery });
  const roles = data?.grantableRoles ?? [];

  return (
    <>
      <Form.Item name={[name, 'role']} label={t('grant.role')} rules={[{ required: true, message: t('grantForm.roleRequired') }]}>
        <Select
          loading={fetching}
          options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          onChange={() => form.setFieldValue(name, { role: form.getFieldValue([name, 'role']) })}
          placeholder={t('grantForm.roleRequired')}
          data-testid="role-select"
        />
      </Form.Item>
      {scope === 'cityOrDistrict' ? (
        <Form.Item
          key="cityOrDistrict"
          name={[name, 'areaId']}
          label={t('grantForm.cityOrDistrict')}
          rules={[{ required: true, message: t('grantForm.areaRequired') }]}
        >
          <CityOrDistrictPicker />
        </Form.Item>
      ) : null}
      {scope === 'street' || scope === 'community' ? (
        <Form.Item
          key={scope}
          name={[name, 'areaId']}
          label={t(scope === 'street' ? 'grantForm.street' : 'grantForm.community')}
          rules={[{ required: true, message: t('grantForm.areaRequired') }]}
        >
          <AreaPathPicker target={scope === 'street' ? 'STREET' : 'COMMUNITY'} />
        </Form.Item>
      ) : null}
      {scope === 'organisation' || scope === 'optionalOrganisation' ? (
        <Form.Item
          key={scope}
          name={[name, 'organisationId']}
          label={scope === 'organisation' ? t('grant.organisation') : t('grantForm.organisationOptional')}
          rules={scope === 'organisation' ? [{ required: true, message: t('grantForm.organisationRequired') }] : []}
        >
          <OrganisationPicker allowClear={scope === 'optionalOrganisation'} />
        </Form.Item>
      ) : null}
    </>
  );
}

export function toGrantInput(values: GrantValues) {
  return {
    role: values.role as Role,
    areaId: values.areaId || null,
    organisationId: values.organisationId || null,
  };
}
