import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { Category, SlotInput } from '../../gql/graphql';
import CategorySelect from '../../components/CategorySelect';
import DateTimeInput from '../../components/DateTimeInput';
import { errorMessage } from '../../graphql/errors';
import { AgeFields } from './ServiceForm';
import { endAfterStartRule } from './dateRules';

const PublishSlotMutation = graphql(`
  mutation PublishSlot($input: SlotInput!) {
    publishSlot(input: $input) {
      ...SlotFields
    }
  }
`);

const PublishSlotSeriesMutation = graphql(`
  mutation PublishSlotSeries($input: SlotSeriesInput!) {
    publishSlotSeries(input: $input) {
      ...SlotFields
    }
  }
`);

interface Values {
  title: string;
  description?: string;
  categories: Category[];
  startsAt: Dayjs;
  endsAt: Dayjs;
  capacity: number;
  minAge: number;
  maxAge: number;
  childrenPerAdult: number;
  bookingCutoffHours: number;
  repeat: boolean;
  weeks?: number;
}

export default function SlotForm({ venueId, onPublished }: { venueId: string; onPublished: (firstStart?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const repeat = Form.useWatch('repeat', form);
  const [failure, setFailure] = useState<string | null>(null);
  const [one, publishOne] = useMutation(PublishSlotMutation);
  const [series, publishSeries] = useMutation(PublishSlotSeriesMutation);

  const onFinish = async (v: Values) => {
    setFailure(null);
    const input: SlotInput = {
      venueId,
      title: v.title.trim(),
      description: v.description?.trim() || null,
      categories: v.categories,
      startsAt: v.startsAt.second(0).format(),
      endsAt: v.endsAt.second(0).format(),
      capacity: v.capacity,
      minAge: v.minAge,
      maxAge: v.maxAge,
      childrenPerAdult: v.childrenPerAdult,
      bookingCutoffHours: v.bookingCutoffHours,
    };
    if (v.repeat) {
      const r = await publishSeries({ input: { first: input, weeks: v.weeks ?? 4 } });
      if (r.error || !r.data) {
        setFailure(r.error ? errorMessage(r.error, t) : t('error.unknown'));
        return;
      }
      message.success(t('slots.seriesPublished', { count: r.data.publishSlotSeries.length }));
    } else {
      const r = await publishOne({ input });
      if (r.error) {
        setFailure(errorMessage(r.error, t));
        return;
      }
      message.success(t('slots.published'));
    }
    onPublished(input.startsAt);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void onFinish(v)}
      initialValues={{ capacity: 20, minAge: 3, maxAge: 12, childrenPerAdult: 2, bookingCutoffHours: 24, repeat: false, weeks: 4, categories: ['PUBLIC_CULTURE'] }}
      data-testid="slot-form"
      scrollToFirstError
    >
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item name="title" label={t('slots.title')} rules={[{ required: true, whitespace: true, message: t('slots.titleRequired') }]}>
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
            <DateTimeInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="endsAt"
            label={t('directory.endsAt')}
            dependencies={['startsAt']}
            rules={[{ required: true, message: t('directory.timeRequired') }, endAfterStartRule(t, 'startsAt')]}
          >
            <DateTimeInput />
          </Form.Item>
        </Col>
      </Row>
      <AgeFields />
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="capacity" label={t('services.capacity')} rules={[{ required: true, message: t('directory.capacityRequired') }]}>
            <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="childrenPerAdult" label={t('slots.childrenPerAdult')} rules={[{ required: true, message: t('slots.childrenPerAdultRequired') }]}>
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="bookingCutoffHours"
        label={t('slots.bookingCutoffHours')}
        rules={[{ required: true, message: t('slots.cutoffRequired') }]}
      >
        <InputNumber min={0} max={168} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Row gutter={12} align="middle">
        <Col xs={12}>
          <Form.Item name="repeat" label={t('slots.repeatWeekly')} valuePropName="checked">
            <Switch data-testid="slot-repeat" />
          </Form.Item>
        </Col>
        {repeat ? (
          <Col xs={12}>
            <Form.Item name="weeks" label={t('slots.weeks')} rules={[{ required: true, message: t('slots.weeksRange') }]}>
              <InputNumber min={2} max={26} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Button type="primary" htmlType="submit" block loading={one.fetching || series.fetching} data-testid="slot-submit">
        {t('slots.publish')}
      </Button>
    </Form>
  );
}
