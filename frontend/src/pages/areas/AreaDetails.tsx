import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Form, InputNumber, Popconfirm, Space, Typography } from 'antd';
import { DeleteOutlined, EnvironmentOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { AreaFieldsFragment } from '../../gql/graphql';
import { SetAreaPointMutation } from '../../graphql/areas';
import { errorMessage } from '../../graphql/errors';
import { areaName, levelLabel } from '../../labels';
import { beijingBounds, formatPoint, latitudeRule, longitudeRule, pointPrecision } from './point';

export type AreaInfo = AreaFieldsFragment & { parent?: Pick<AreaFieldsFragment, 'id' | 'name' | 'nameEn' | 'level'> | null };

interface PointValues {
  latitude: number | null;
  longitude: number | null;
}

const step = 10 ** -pointPrecision;

// Sets or clears the point an area's distances are measured from. Clearing is
// not offered for the city: it is the last fallback, and the server refuses it.
function PointForm({ area, onSaved }: { area: AreaInfo; onSaved: (area: AreaFieldsFragment) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PointValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'clear' | null>(null);
  const [, setPoint] = useMutation(SetAreaPointMutation);
  const hasPoint = area.latitude != null && area.longitude != null;

  const send = async (latitude: number | null, longitude: number | null) => {
    setFailure(null);
    setBusy(latitude == null ? 'clear' : 'save');
    const r = await setPoint({ areaId: area.id, latitude, longitude });
    setBusy(null);
    if (r.error || !r.data) {
      setFailure(r.error ? errorMessage(r.error, t) : t('error.unknown'));
      return;
    }
    message.success(t(latitude == null ? 'areas.pointCleared' : 'areas.pointSaved'));
    onSaved(r.data.setAreaPoint);
  };

  return (
    <Form<PointValues>
      form={form}
      name="area-point"
      layout="vertical"
      requiredMark={false}
      initialValues={{ latitude: area.latitude, longitude: area.longitude }}
      onFinish={(v) => void send(v.latitude, v.longitude)}
      data-testid="area-point-form"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('areas.pointHint', beijingBounds)}
      </Typography.Paragraph>
      <Flex gap={12} wrap>
        <Form.Item name="latitude" label={t('areas.latitude')} rules={[latitudeRule(t)]} style={{ flex: '1 1 160px', marginBottom: 12 }}>
          <InputNumber<number> precision={pointPrecision} step={step} addonAfter="°N" style={{ width: '100%' }} inputMode="decimal" data-testid="area-latitude" />
        </Form.Item>
        <Form.Item name="longitude" label={t('areas.longitude')} rules={[longitudeRule(t)]} style={{ flex: '1 1 160px', marginBottom: 12 }}>
          <InputNumber<number> precision={pointPrecision} step={step} addonAfter="°E" style={{ width: '100%' }} inputMode="decimal" data-testid="area-longitude" />
        </Form.Item>
      </Flex>
      <Space wrap>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy === 'save'} disabled={busy === 'clear'} data-testid="area-point-save">
          {t('areas.pointSave')}
        </Button>
        {area.level !== 'CITY' && hasPoint ? (
          <Popconfirm
            title={t('areas.pointClearTitle')}
            description={t('areas.pointClearConfirm')}
            okText={t('areas.pointClear')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'area-point-clear-ok' }}
            onConfirm={() => send(null, null)}
          >
            <Button danger icon={<DeleteOutlined />} loading={busy === 'clear'} disabled={busy === 'save'} data-testid="area-point-clear">
              {t('areas.pointClear')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      {failure ? <Alert type="error" showIcon message={failure} role="alert" style={{ marginTop: 12 }} data-testid="area-point-error" /> : null}
    </Form>
  );
}

export default function AreaDetails({ area, onSaved }: { area: AreaInfo; onSaved: (area: AreaFieldsFragment) => void }) {
  const { t, i18n } = useTranslation();
  const point = area.latitude != null && area.longitude != null ? formatPoint(area.latitude, area.longitude) : null;
  return (
    <Card size="small" title={areaName(i18n, area)} data-testid="area-details" data-area-id={area.id}>
      <Descriptions size="small" column={1} style={{ marginBottom: area.canSetPoint ? 16 : 0 }}>
        <Descriptions.Item label={t('areas.name')}>{areaName(i18n, area)}</Descriptions.Item>
        <Descriptions.Item label={t('areas.code')}>
          <Typography.Text copyable>{area.id}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('areas.level')}>{levelLabel(t, area.level)}</Descriptions.Item>
        {area.parent ? <Descriptions.Item label={t('areas.parent')}>{areaName(i18n, area.parent)}</Descriptions.Item> : null}
        <Descriptions.Item label={t('areas.point')}>
          {point ? (
            <Typography.Text data-testid="area-point">
              <EnvironmentOutlined /> {point}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" data-testid="area-point">
              {t('areas.noPoint')}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      {/* Keyed on the saved point so the inputs show what the server holds after each save. */}
      {area.canSetPoint ? <PointForm key={`${area.id}:${area.latitude}:${area.longitude}`} area={area} onSaved={onSaved} /> : null}
    </Card>
  );
}
