import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, EyeInvisibleOutlined, EyeOutlined, FileDoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { ChildFileFragment, Role } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import { NotFound, PageLoading } from '../../components/StatusPages';
import { ChildFileQuery, ReviewChildMutation } from '../../graphql/children';
import { errorCode, errorMessage } from '../../graphql/errors';
import { areaName, formatDate, formatTime, genderLabel, movedWithLabel } from '../../labels';
import { careActionRoles, childEditorRoles, childViewLogRoles, hasAnyRole } from '../../nav';
import { EligibilityAlert, EligibilityTag } from './Eligibility';
import { maskIdNumber } from './idNumber';
import GuardiansConsentTab from './GuardiansConsentTab';
import CareTab from './CareTab';
import NeedsTab from './NeedsTab';
import ServicesTab from './ServicesTab';
import ViewsTab from './ViewsTab';

export type ChildFileTab = 'profile' | 'guardians' | 'care' | 'needs' | 'services' | 'views';

// Which tabs of a child's file a user sees: the access log only for civil-affairs staff and auditors.
// Ledger, visits, needs and the service history are for everyone who reads the file; acting on them is for careActionRoles.
export function childFileTabs(roles: readonly Role[]): ChildFileTab[] {
  return ['profile', 'guardians', 'care', 'services', 'needs', ...(hasAnyRole(roles, childViewLogRoles) ? (['views'] as const) : [])];
}

function IdNumberValue({ child }: { child: ChildFileFragment }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (!child.idNumber) {
    return (
      <Typography.Text type="secondary">
        {t('child.noIdNumber')}
        {child.noIdReason ? `（${child.noIdReason}）` : ''}
      </Typography.Text>
    );
  }
  return (
    <Space>
      <Typography.Text code data-testid="id-number">
        {shown ? child.idNumber : maskIdNumber(child.idNumber)}
      </Typography.Text>
      <Button
        size="small"
        type="link"
        icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        onClick={() => setShown((s) => !s)}
        data-testid="toggle-id-number"
      >
        {shown ? t('child.hide') : t('child.show')}
      </Button>
    </Space>
  );
}

function ReviewButton({ child }: { child: ChildFileFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, review] = useMutation(ReviewChildMutation);
  const onOk = async () => {
    setFailure(null);
    const r = await review({ id: child.id, note: note.trim() || null });
    if (r.error) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t('childFile.reviewed'));
    setOpen(false);
    setNote('');
  };
  return (
    <>
      <Button icon={<FileDoneOutlined />} onClick={() => setOpen(true)} data-testid="review-child">
        {t('childFile.review')}
      </Button>
      <Modal
        title={t('childFile.reviewTitle')}
        open={open}
        onOk={() => void onOk()}
        onCancel={() => setOpen(false)}
        confirmLoading={fetching}
        okText={t('childFile.reviewConfirm')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('childFile.reviewHint')}</Typography.Paragraph>
        {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} role="alert" /> : null}
        <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('childFile.reviewNote')} data-testid="review-note" />
      </Modal>
    </>
  );
}

function ProfileTab({ child, canEdit }: { child: ChildFileFragment; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const hukou = [child.hukou.province, child.hukou.city, child.hukou.county].filter(Boolean).join(' ');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {canEdit ? (
        <Flex gap={8} wrap>
          <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/children/${child.id}/edit`)} data-testid="edit-child">
            {t('childFile.edit')}
          </Button>
          <ReviewButton child={child} />
        </Flex>
      ) : null}
      <EligibilityAlert eligibility={child.eligibility} testId="file-eligibility" />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="child-profile">
        <Descriptions.Item label={t('child.name')}>{child.name}</Descriptions.Item>
        <Descriptions.Item label={t('child.gender')}>{genderLabel(t, child.gender)}</Descriptions.Item>
        <Descriptions.Item label={t('child.birthDate')}>
          {formatDate(child.birthDate)}（{t('child.ageYears', { age: child.age })}）
        </Descriptions.Item>
        <Descriptions.Item label={t('child.turnsSixteenOn')}>{formatDate(child.eligibility.turnsSixteenOn)}</Descriptions.Item>
        <Descriptions.Item label={t('child.idNumber')} span={2}>
          <IdNumberValue child={child} />
        </Descriptions.Item>
        <Descriptions.Item label={t('child.hukou')}>{hukou}</Descriptions.Item>
        <Descriptions.Item label={t('child.movedWith')}>{movedWithLabel(t, child.movedWith)}</Descriptions.Item>
        <Descriptions.Item label={t('child.arrivedOn')}>{formatDate(child.arrivedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('child.community')}>
          {[child.district, child.street, child.community].map((a) => areaName(i18n, a)).join(' / ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('child.address')} span={2}>
          {child.address || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('child.school')}>{child.school || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('child.languages')}>{child.languages.length ? child.languages.join('、') : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('child.disability')} span={2}>
          {child.disability || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('child.lastReviewed')}>{child.lastReviewedOn ? formatDate(child.lastReviewedOn) : t('child.notReviewed')}</Descriptions.Item>
        <Descriptions.Item label={t('child.reviewDue')}>
          <Typography.Text type={child.reviewOverdue ? 'danger' : undefined} data-testid="review-due">
            {formatDate(child.reviewDueOn)}
            {child.reviewOverdue ? `（${t('child.overdue')}）` : ''}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('child.status')}>
          {child.active ? <Tag color="green">{t('child.active')}</Tag> : <Tag>{t('child.inactive')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('child.registeredBy')}>{child.registeredBy || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('child.createdAt')}>{formatTime(t, child.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('child.updatedAt')}>{formatTime(t, child.updatedAt)}</Descriptions.Item>
      </Descriptions>
      {child.reviews.length > 0 ? (
        <Card size="small" title={t('child.reviews')} data-testid="child-reviews">
          {child.reviews.map((r, i) => (
            <Typography.Paragraph key={i} style={{ marginBottom: 4 }} data-testid="child-review">
              {formatDate(r.reviewedOn)} · {r.reviewer || '—'}
              {r.note ? `：${r.note}` : ''}
            </Typography.Paragraph>
          ))}
        </Card>
      ) : null}
    </Space>
  );
}

// One child's file. Every load is audited on the server, so it is read once
// per visit (cache-first) and again only after a change to it.
export default function ChildFilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { roles } = useSession();
  const [tab, setTab] = useState<ChildFileTab>('profile');
  // The file holds the ledger, visits, needs and matches, so a change to any of them reads it again (once).
  const context = useMemo(() => ({ additionalTypenames: ['LedgerEntry', 'Visit', 'Need', 'Match'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: ChildFileQuery, variables: { id }, context });
  if (fetching && !data) return <PageLoading />;
  if (error && !data) {
    if (errorCode(error) === 'NOT_FOUND') return <NotFound />;
    return <Alert type="error" showIcon message={errorMessage(error, t)} role="alert" />;
  }
  const child = data?.child;
  if (!child) return <NotFound />;
  const canEdit = hasAnyRole(roles, childEditorRoles);
  const canAct = hasAnyRole(roles, careActionRoles);
  const tabs = childFileTabs(roles);

  return (
    <Card
      title={
        <Space wrap>
          <span data-testid="child-name">{child.name}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {genderLabel(t, child.gender)} · {t('child.ageYears', { age: child.age })}
          </Typography.Text>
          <EligibilityTag eligibility={child.eligibility} />
        </Space>
      }
      data-testid="child-file"
    >
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as ChildFileTab)}
        destroyOnHidden
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`tab-${key}`}>{t(`childFile.tab.${key}`)}</span>,
          children:
            key === 'profile' ? (
              <ProfileTab child={child} canEdit={canEdit} />
            ) : key === 'guardians' ? (
              <GuardiansConsentTab child={child} canEdit={canEdit} />
            ) : key === 'care' ? (
              <CareTab child={child} canAct={canAct} />
            ) : key === 'needs' ? (
              <NeedsTab child={child} canAct={canAct} />
            ) : key === 'services' ? (
              <ServicesTab child={child} />
            ) : (
              <ViewsTab childId={child.id} />
            ),
        }))}
      />
    </Card>
  );
}
