import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, InputNumber, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { OrganisationProfileFragment } from '../../gql/graphql';
import DistrictSelect from '../../components/pickers/DistrictSelect';
import { errorMessage } from '../../graphql/errors';
import { areaName, formatTime, orgKindLabel, statusColor, verificationLabel } from '../../labels';
import { latitudeRules, longitudeRules, phoneRule } from './validation';

const UpdateOrganisationMutation = graphql(`
  mutation UpdateOrganisation($id: ID!, $input: OrganisationProfileInput!) {
    updateOrganisation(id: $id, input: $input) {
      ...OrganisationProfile
    }
  }
`);

interface Values {
  name: string;
  registrationNumber?: string;
  contactName?: string;
  contactPhone?: string;
  description?: string;
  address?: string;
  latitude?: number | null;
  longitude?: number | null;
  areasServed?: string[];
}

const blank = (s?: string | null) => s?.trim() || null;

export function VerificationBanner({ org }: { org: OrganisationProfileFragment }) {
  const { t } = useTranslation();
  if (org.verification === 'VERIFIED') return null;
  return (
    <Alert
      type={org.verification === 'REJECTED' ? 'error' : 'warning'}
      showIcon
      message={t(org.verification === 'REJECTED' ? 'organisation.rejectedBanner' : 'organisation.unverifiedBanner')}
      description={org.verificationNote || undefined}
      style={{ marginBottom: 16 }}
      data-testid="verification-banner"
    />
  );
}

export default function ProfileTab({ org }: { org: OrganisationProfileFragment }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateOrganisationMutation);

  const onFinish = async (v: Values) => {
    setFailure(null);
    const result = await update({
      id: org.id,
      input: {
        name: v.name.trim(),
        registrationNumber: blank(v.registrationNumber),
        contactName: blank(v.contactName),
        contactPhone: blank(v.contactPhone),
        description: blank(v.description),
        address: blank(v.address),
        latitude: v.latitude ?? null,
        longitude: v.longitude ?? null,
        areasServed: v.areasServed ?? [],
      },
    });
    if (result.error) {
      setFailure(errorMessage(result.error, t));
      return;
    }
    message.success(t('common.saved'));
    setEditing(false);
  };

  return (
    <>
      <VerificationBanner org={org} />
      {editing ? (
        <Form<Values>
          layout="vertical"
          style={{ maxWidth: 640 }}
          onFinish={(v) => void onFinish(v)}
          initialValues={{
            name: org.name,
            registrationNumber: org.registrationNumber ?? '',
            contactName: org.contactName ?? '',
            contactPhone: org.contactPhone ?? '',
            description: org.description,
            address: org.address ?? '',
            latitude: org.latitude,
            longitude: org.longitude,
            areasServed: org.areasServed.map((a) => a.id),
          }}
          data-testid="organisation-form"
        >
          {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
          <Form.Item name="name" label={t('organisation.name')} rules={[{ required: true, whitespace: true, message: t('organisation.nameRequired') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="registrationNumber" label={t('organisation.registrationNumber')}>
            <Input />
          </Form.Item>
          <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 220 } }}>
            <Form.Item name="contactName" label={t('organisation.contactName')}>
              <Input />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('organisation.contactPhone')} rules={[phoneRule(t, true)]}>
              <Input inputMode="tel" />
            </Form.Item>
          </Space>
          <Form.Item name="description" label={t('organisation.description')}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="address" label={t('organisation.address')}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="latitude" label={t('geo.latitude')} rules={latitudeRules(t, false)}>
              <InputNumber step={0.0001} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="longitude" label={t('geo.longitude')} rules={longitudeRules(t, false)}>
              <InputNumber step={0.0001} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item name="areasServed" label={t('organisation.areasServed')}>
            <DistrictSelect multiple />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={fetching}>
              {t('common.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      ) : (
        <>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={t('organisation.name')}>{org.name}</Descriptions.Item>
            <Descriptions.Item label={t('organisation.kind')}>{orgKindLabel(t, org.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('organisation.area')}>{areaName(i18n, org.area)}</Descriptions.Item>
            <Descriptions.Item label={t('organisation.registrationNumber')}>{org.registrationNumber || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('organisation.contactName')}>{org.contactName || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('organisation.contactPhone')}>{org.contactPhone || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('organisation.address')}>{org.address || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('organisation.areasServed')}>
              {org.areasServed.length ? org.areasServed.map((a) => areaName(i18n, a)).join('、') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('organisation.verification')}>
              <Tag color={statusColor[org.verification]} data-testid="verification-status">
                {verificationLabel(t, org.verification)}
              </Tag>
              {org.verifiedAt ? formatTime(t, org.verifiedAt) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('organisation.verificationNote')}>{org.verificationNote || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('organisation.description')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{org.description || '—'}</span>
            </Descriptions.Item>
          </Descriptions>
          {org.canEdit ? (
            <Button type="primary" style={{ marginTop: 16 }} onClick={() => setEditing(true)} data-testid="edit-organisation">
              {t('organisation.edit')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
