import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Dropdown, Flex, Form, Input, Radio, Space, Table, Tag, Timeline, Typography } from 'antd';
import { DownOutlined, EditOutlined, NodeIndexOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import type { Category, ChildFileFragment, Level, NeedFieldsFragment, NeedPlace, NeedStatus } from '../../gql/graphql';
import AvailabilityEditor, { availabilityRule, fromTimeWindows, toTimeWindows, type WindowDraft } from '../../components/AvailabilityEditor';
import CategorySelect from '../../components/CategorySelect';
import NoteConfirm from '../../components/NoteConfirm';
import { CreateNeedMutation, SetNeedStatusMutation, UpdateNeedMutation } from '../../graphql/care';
import { errorMessage } from '../../graphql/errors';
import {
  allLevels,
  allNeedPlaces,
  categoryLabel,
  formatTime,
  formatWindow,
  levelRiskLabel,
  needPlaceLabel,
  needStatusColor,
  needStatusLabel,
  needTransitions,
  riskColor,
} from '../../labels';

interface NeedValues {
  category: Category;
  description: string;
  urgency: Level;
  place: NeedPlace;
  language?: string;
  windows?: WindowDraft[];
}

export function NeedStatusTag({ status }: { status: NeedStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={needStatusColor[status]} data-testid="need-status">
      {needStatusLabel(t, status)}
    </Tag>
  );
}

function NeedForm({ child, need, onDone }: { child: ChildFileFragment; need: NeedFieldsFragment | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [createState, create] = useMutation(CreateNeedMutation);
  const [updateState, update] = useMutation(UpdateNeedMutation);
  const onFinish = async (v: NeedValues) => {
    setFailure(null);
    const input = {
      category: v.category,
      description: v.description.trim(),
      urgency: v.urgency,
      place: v.place,
      language: v.language?.trim() || null,
      windows: toTimeWindows(v.windows),
    };
    const r = need ? await update({ id: need.id, input }) : await create({ childId: child.id, input });
    if (r.error) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t(need ? 'need.updated' : 'need.created'));
    onDone();
  };
  return (
    <Form<NeedValues>
      layout="vertical"
      initialValues={
        need
          ? {
              category: need.category,
              description: need.description,
              urgency: need.urgency,
              place: need.place,
              language: need.language,
              windows: fromTimeWindows(need.windows),
            }
          : { urgency: 'MEDIUM', place: 'ANY', windows: [], language: child.languages[0] ?? '' }
      }
      onFinish={(v) => void onFinish(v)}
      data-testid="need-form"
    >
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item name="category" label={t('need.category')} rules={[{ required: true, message: t('need.categoryRequired') }]}>
        <CategorySelect single data-testid="need-category" />
      </Form.Item>
      <Form.Item name="description" label={t('need.description')} rules={[{ required: true, whitespace: true, message: t('need.descriptionRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('need.descriptionPlaceholder')} data-testid="need-description" />
      </Form.Item>
      <Form.Item name="urgency" label={t('need.urgency')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={allLevels.map((l) => ({ value: l, label: levelRiskLabel(t, l) }))} />
      </Form.Item>
      <Form.Item name="place" label={t('need.place')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={allNeedPlaces.map((p) => ({ value: p, label: needPlaceLabel(t, p) }))} />
      </Form.Item>
      <Form.Item name="language" label={t('need.language')} extra={t('need.languageHint')}>
        <Input maxLength={50} data-testid="need-language" />
      </Form.Item>
      <Form.Item name="windows" label={t('need.windows')} rules={[availabilityRule(t)]} extra={t('need.windowsHint')}>
        <AvailabilityEditor />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={createState.fetching || updateState.fetching} data-testid="need-submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}

function NeedActions({ need, childId, onEdit }: { need: NeedFieldsFragment; childId: string; onEdit: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [{ fetching }, setStatus] = useMutation(SetNeedStatusMutation);
  const next = needTransitions[need.status] ?? [];
  const change = async (status: NeedStatus, note?: string) => {
    const r = await setStatus({ id: need.id, status, note: note || null });
    if (r.error) {
      message.error(errorMessage(r.error, t));
      return false;
    }
    message.success(t('need.statusChanged', { status: needStatusLabel(t, status) }));
    return true;
  };
  if (next.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const moves = next.filter((s) => s !== 'WITHDRAWN');
  return (
    <Space wrap size={4}>
      {/* Needs still open to matching: the server refuses met and withdrawn ones, which have no moves left. */}
      <Button
        size="small"
        type="primary"
        icon={<NodeIndexOutlined />}
        onClick={() => navigate(`/matching/need/${need.id}?child=${childId}`)}
        data-testid="match-need"
      >
        {t('need.match')}
      </Button>
      <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="edit-need">
        {t('need.edit')}
      </Button>
      {moves.length > 0 ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: moves.map((s) => ({ key: s, label: <span data-testid={`need-to-${s}`}>{needStatusLabel(t, s)}</span> })),
            onClick: ({ key }) => void change(key as NeedStatus),
          }}
        >
          <Button size="small" loading={fetching} data-testid="need-status-menu">
            {t('need.setStatus')} <DownOutlined />
          </Button>
        </Dropdown>
      ) : null}
      {next.includes('WITHDRAWN') ? (
        <NoteConfirm
          title={t('need.withdrawConfirm')}
          placeholder={t('need.withdrawNote')}
          okText={t('need.withdraw')}
          danger
          onConfirm={(note) => change('WITHDRAWN', note)}
          testId="withdraw-need"
        >
          <Button size="small" danger icon={<StopOutlined />} data-testid="withdraw-need">
            {t('need.withdraw')}
          </Button>
        </NoteConfirm>
      ) : null}
    </Space>
  );
}

function NeedHistory({ need }: { need: NeedFieldsFragment }) {
  const { t } = useTranslation();
  if (need.history.length === 0) return <Typography.Text type="secondary">{t('need.noHistory')}</Typography.Text>;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={need.history.map((h, i) => ({
        key: `${h.at}-${i}`,
        children: (
          <Space direction="vertical" size={0}>
            <Space wrap>
              <NeedStatusTag status={h.status} />
              <Typography.Text type="secondary">
                {formatTime(t, h.at)} · {h.actor || '—'}
              </Typography.Text>
            </Space>
            {h.note ? <Typography.Text>{h.note}</Typography.Text> : null}
          </Space>
        ),
      }))}
    />
  );
}

export default function NeedsTab({ child, canAct }: { child: ChildFileFragment; canAct: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<NeedFieldsFragment | 'new' | null>(null);
  return (
    <Card
      size="small"
      title={t('need.title')}
      extra={
        canAct ? (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-need">
            {t('need.create')}
          </Button>
        ) : null
      }
    >
      <Table<NeedFieldsFragment>
        rowKey="id"
        size="small"
        dataSource={child.needs}
        pagination={child.needs.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('need.empty') }}
        data-testid="needs"
        expandable={{
          expandedRowRender: (n) => <NeedHistory need={n} />,
          rowExpandable: () => true,
        }}
        columns={[
          { title: t('need.category'), key: 'category', render: (_, n) => categoryLabel(t, n.category) },
          {
            title: t('need.description'),
            dataIndex: 'description',
            render: (v: string) => <Typography.Paragraph style={{ maxWidth: 300, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{v}</Typography.Paragraph>,
          },
          {
            title: t('need.urgency'),
            key: 'urgency',
            render: (_, n) => <Tag color={riskColor[n.urgency]}>{levelRiskLabel(t, n.urgency)}</Tag>,
          },
          { title: t('need.place'), key: 'place', render: (_, n) => needPlaceLabel(t, n.place) },
          { title: t('need.language'), dataIndex: 'language', render: (v: string) => v || '—' },
          {
            title: t('need.windows'),
            key: 'windows',
            render: (_, n) =>
              n.windows.length ? (
                <Flex vertical>
                  {n.windows.map((w, i) => (
                    <span key={i}>{formatWindow(t, w)}</span>
                  ))}
                </Flex>
              ) : (
                t('need.anyTime')
              ),
          },
          { title: t('need.status'), key: 'status', render: (_, n) => <NeedStatusTag status={n.status} /> },
          { title: t('need.updatedAt'), dataIndex: 'updatedAt', responsive: ['md'], render: (v: string) => formatTime(t, v) },
          ...(canAct
            ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, n: NeedFieldsFragment) => <NeedActions need={n} childId={child.id} onEdit={() => setEditing(n)} /> }]
            : []),
        ]}
      />
      <Drawer
        title={editing === 'new' ? t('need.create') : t('need.edit')}
        open={editing !== null}
        onClose={() => setEditing(null)}
        width={520}
        destroyOnHidden
        styles={{ wrapper: { maxWidth: '100vw' } }}
      >
        {editing !== null ? <NeedForm child={child} need={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Drawer>
    </Card>
  );
}
