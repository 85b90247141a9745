import { useState } from 'react';
import { Alert, App, Button, Card, Col, Divider, Form, Input, InputNumber, Radio, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { Category, Funding, ServiceFieldsFragment, ServiceInput } from '../../gql/graphql';
import CategorySelect from '../../components/CategorySelect';
import LanguagesSelect from '../../components/LanguagesSelect';
import AvailabilityEditor, {
  availabilityRule,
  fromTimeWindows,
  toTimeWindows,
  type WindowDraft,
} from '../../components/AvailabilityEditor';
import DistrictSelect from '../../components/pickers/DistrictSelect';
import { AreaPathPicker } from '../../components/pickers/AreaPicker';
import { errorMessage } from '../../graphql/errors';
import { areaName } from '../../labels';
import { latitudeRules, longitudeRules, maxAgeRule } from './validation';

const CreateServiceMutation = graphql(`
  mutation CreateService($organisationId: ID!, $input: ServiceInput!) {
    createService(organisationId: $organisationId, input: $input) {
      ...ServiceFields
    }
  }
`);

const UpdateServiceMutation = graphql(`
  mutation UpdateService($id: ID!, $input: ServiceInput!) {
    updateService(id: $id, input: $input) {
      ...ServiceFields
    }
  }
`);

interface LocationValues {
  name: string;
  address?: string;
  areaId: string;
  latitude: number;
  longitude: number;
}

interface Values {
  name: string;
  description?: string;
  categories: Category[];
  minAge: number;
  maxAge: number;
  areasServed?: string[];
  schedule?: WindowDraft[];
  capacity: number;
  languages?: string[];
  funding: Funding;
  locations?: LocationValues[];
}

export function toServiceInput(v: Values): ServiceInput {
  return {
    name: v.name.trim(),
    description: v.description?.trim() || null,
    categories: v.categories,
    minAge: v.minAge,
    maxAge: v.maxAge,
    areasServed: v.areasServed ?? [],
    schedule: toTimeWindows(v.schedule),
    capacity: v.capacity,
    languages: v.languages ?? [],
    funding: v.funding,
    locations: (v.locations ?? []).map((l) => ({
      name: l.name.trim(),
      address: l.address?.trim() || null,
      areaId: l.areaId,
      latitude: l.latitude,
      longitude: l.longitude,
    })),
  };
}

export default function ServiceForm({
  organisationId,
  service,
  onSaved,
}: {
  organisationId: string;
  service?: ServiceFieldsFragment;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [created, create] = useMutation(CreateServiceMutation);
  const [updated, update] = useMutation(UpdateServiceMutation);
  const fetching = created.fetching || updated.fetching;

  const initialValues: Partial<Values> = service
    ? {
        name: service.name,
        description: service.description,
        categories: service.categories,
        minAge: service.minAge,
        maxAge: service.maxAge,
        areasServed: service.areasServed.map((a) => a.id),
        schedule: fromTimeWindows(service.schedule),
        capacity: service.capacity,
        languages: service.languages,
        funding: service.funding,
        locations: service.locations.map((l) => ({
          name: l.name,
          address: l.address,
          areaId: l.area.id,
          latitude: l.latitude,
          longitude: l.longitude,
        })),
      }
    : { minAge: 6, maxAge: 14, capacity: 10, funding: 'FREE', schedule: [], languages: ['普通话'], locations: [] };

  const knownAreas = new Map((service?.locations ?? []).map((l) => [l.area.id, areaName(i18n, l.area)]));

  const onFinish = async (v: Values) => {
    setFailure(null);
    const input = toServiceInput(v);
    const result = service ? await update({ id: service.id, input }) : await create({ organisationId, input });
    if (result.error) {
      setFailure(errorMessage(result.error, t));
      return;
    }
    message.success(t(service ? 'common.saved' : 'services.created'));
    onSaved();
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => void onFinish(v)}
      data-testid="service-form"
      scrollToFirstError
    >
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item name="name" label={t('services.name')} rules={[{ required: true, whitespace: true, message: t('services.nameRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={t('services.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="categories" label={t('services.categories')} rules={[{ required: true, message: t('directory.categoriesRequired') }]}>
        <CategorySelect />
      </Form.Item>
      <AgeFields />
      <Form.Item name="areasServed" label={t('services.areasServed')}>
        <DistrictSelect multiple />
      </Form.Item>
      <Form.Item name="schedule" label={t('services.schedule')} rules={[availabilityRule(t)]}>
        <AvailabilityEditor />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="capacity" label={t('services.capacity')} rules={[{ required: true, message: t('directory.capacityRequired') }]}>
            <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="funding" label={t('services.funding')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'FREE', label: t('funding.FREE') },
                { value: 'FUNDED', label: t('funding.FUNDED') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="languages" label={t('directory.languages')}>
        <LanguagesSelect />
      </Form.Item>
      <Divider orientation="left" plain>
        {t('services.locations')}
      </Divider>
      <Form.List name="locations">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                extra={
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('services.removeLocation')} />
                }
                title={t('services.location', { n: field.name + 1 })}
              >
                <Form.Item name={[field.name, 'name']} label={t('services.locationName')} rules={[{ required: true, whitespace: true, message: t('services.locationNameRequired') }]}>
                  <Input />
                </Form.Item>
                <Form.Item name={[field.name, 'address']} label={t('organisation.address')}>
                  <Input />
                </Form.Item>
                <Form.Item name={[field.name, 'areaId']} label={t('services.locationArea')} rules={[{ required: true, message: t('grantForm.areaRequired') }]}>
                  <LocationAreaPicker known={knownAreas} />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={12}>
                    <Form.Item name={[field.name, 'latitude']} label={t('geo.latitude')} rules={latitudeRules(t, true)}>
                      <InputNumber step={0.0001} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12}>
                    <Form.Item name={[field.name, 'longitude']} label={t('geo.longitude')} rules={longitudeRules(t, true)}>
                      <InputNumber step={0.0001} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block style={{ marginBottom: 16 }}>
              {t('services.addLocation')}
            </Button>
          </>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={fetching} block data-testid="service-submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}

function LocationAreaPicker({
  value,
  onChange,
  id,
  known,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
  known: Map<string, string>;
}) {
  const label = value ? known.get(value) : undefined;
  return (
    <AreaPathPicker
      id={id}
      value={value}
      onChange={onChange}
      target="COMMUNITY"
      accept={['STREET', 'COMMUNITY']}
      known={value && label ? { id: value, label } : undefined}
    />
  );
}

// Min and max age, 0 to 18, min ≤ max; shared by services, slots and events.
export function AgeFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col xs={12}>
        <Form.Item name="minAge" label={t('directory.minAge')} rules={[{ required: true, message: t('directory.ageRequired') }]}>
          <InputNumber min={0} max={18} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item
          name="maxAge"
          label={t('directory.maxAge')}
          dependencies={['minAge']}
          rules={[{ required: true, message: t('directory.ageRequired') }, maxAgeRule(t)]}
        >
          <InputNumber min={0} max={18} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
