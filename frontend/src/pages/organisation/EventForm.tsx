import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { Category, EventFieldsFragment, EventInput } from '../../gql/graphql';
import CategorySelect from '../../components/CategorySelect';
import DateTimeInput from '../../components/DateTimeInput';
import { AreaPathPicker } from '../../components/pickers/AreaPicker';
import { errorMessage } from '../../graphql/errors';
import { areaName } from '../../labels';
import { AgeFields } from './ServiceForm';
import { endAfterStartRule, notAfterRule } from './dateRules';
import { latitudeRules, longitudeRules } from './validation';

const CreateEventMutation = graphql(`
  mutation CreateEvent($organisationId: ID!, $input: EventInput!) {
    createEvent(organisationId: $organisationId, input: $input) {
      ...EventFields
    }
  }
`);

const UpdateEventMutation = graphql(`
  mutation UpdateEvent($id: ID!, $input: EventInput!) {
    updateEvent(id: $id, input: $input) {
      ...EventFields
    }
  }
`);

interface Values {
  title: string;
  description?: string;
  categories: Category[];
  startsAt: Dayjs;
  endsAt: Dayjs;
  place: string;
  areaId: string;
  latitude: number;
  longitude: number;
  capacity: number;
  minAge: number;
  maxAge: number;
  registrationOpens: Dayjs;
  registrationCloses: Dayjs;
}

const picker = <DateTimeInput />;

export default function EventForm({
  organisationId,
  event,
  onSaved,
}: {
  organisationId: string;
  event?: EventFieldsFragment;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [created, create] = useMutation(CreateEventMutation);
  const [updated, update] = useMutation(UpdateEventMutation);

  const initialValues: Partial<Values> = event
    ? {
        title: event.title,
        description: event.description,
        categories: event.categories,
        startsAt: dayjs(event.startsAt),
        endsAt: dayjs(event.endsAt),
        place: event.place,
        areaId: event.area.id,
        latitude: event.latitude,
        longitude: event.longitude,
        capacity: event.capacity,
        minAge: event.minAge,
        maxAge: event.maxAge,
        registrationOpens: dayjs(event.registrationOpens),
        registrationCloses: dayjs(event.registrationCloses),
      }
    : { capacity: 30, minAge: 6, maxAge: 15, registrationOpens: dayjs().startOf('hour') };

  const onFinish = async (v: Values) => {
    setFailure(null);
    const input: EventInput = {
      title: v.title.trim(),
      description: v.description?.trim() || null,
      categories: v.categories,
      startsAt: v.startsAt.second(0).format(),
      endsAt: v.endsAt.second(0).format(),
      place: v.place.trim(),
      areaId: v.areaId,
      latitude: v.latitude,
      longitude: v.longitude,
      capacity: v.capacity,
      minAge: v.minAge,
      maxAge: v.maxAge,
      registrationOpens: v.registrationOpens.second(0).format(),
      registrationCloses: v.registrationCloses.second(0).format(),
    };
    const r = event ? await update({ id: event.id, input }) : await create({ organisationId, input });
    if (r.error) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t(event ? 'common.saved' : 'events.created'));
    onSaved();
  };

  return (
    <Form<Values> layout="vertical" initialValues={initialValues} onFinish={(v) => void onFinish(v)} data-testid="event-form" scrollToFirstError>
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item name="title" label={t('events.title')} rules={[{ required: true, whitespace: true, message: t('slots.titleRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={t('services.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="categories" label={t('services.categories')} rules={[{ required: true, message: t('directory.categoriesRequired') }]}>
        <CategorySelect />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="startsAt" label={t('directory.startsAt')} rules={[{ required: true, message: t('directory.timeRequired') }]}>
            {picker}
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="endsAt"
            label={t('directory.endsAt')}
            dependencies={['startsAt']}
            rules={[{ required: true, message: t('directory.timeRequired') }, endAfterStartRule(t, 'startsAt')]}
          >
            {picker}
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="place" label={t('events.place')} rules={[{ required: true, whitespace: true, message: t('events.placeRequired') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="areaId" label={t('services.locationArea')} rules={[{ required: true, message: t('grantForm.areaRequired') }]}>
        <AreaPathPicker
          target="COMMUNITY"
          accept={['STREET', 'COMMUNITY']}
          known={event ? { id: event.area.id, label: areaName(i18n, event.area) } : undefined}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="latitude" label={t('geo.latitude')} rules={latitudeRules(t, true)}>
            <InputNumber step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="longitude" label={t('geo.longitude')} rules={longitudeRules(t, true)}>
            <InputNumber step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <AgeFields />
      <Form.Item name="capacity" label={t('services.capacity')} rules={[{ required: true, message: t('directory.capacityRequired') }]}>
        <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="registrationOpens" label={t('events.registrationOpens')} rules={[{ required: true, message: t('directory.timeRequired') }]}>
            {picker}
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="registrationCloses"
            label={t('events.registrationCloses')}
            dependencies={['registrationOpens', 'startsAt']}
            rules={[
              { required: true, message: t('directory.timeRequired') },
              endAfterStartRule(t, 'registrationOpens', 'events.closesAfterOpens'),
              notAfterRule(t, 'startsAt', 'events.closesBeforeStart'),
            ]}
          >
            {picker}
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" block loading={created.fetching || updated.fetching} data-testid="event-submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}
