import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Modal, Popconfirm, Row, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import { SendOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { MatchBoardQuery as BoardResult, MatchStatus, ProposeMatchesForAreaMutation as BatchResult } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import CursorPager, { useCursorPages } from '../../components/CursorPager';
import { AreaPathPicker } from '../../components/pickers/AreaPicker';
import { errorMessage } from '../../graphql/errors';
import { MatchBoardQuery, ProposeMatchesForAreaMutation, SendMatchRequestsMutation } from '../../graphql/matching';
import { allMatchStatuses, areaName, categoryLabel, formatTime, matchStatusLabel } from '../../labels';
import { hasAnyRole, matcherRoles } from '../../nav';
import { EntityTag, MatchStatusTag, providerName } from './MatchParts';

type Row = BoardResult['matchBoard']['edges'][number]['node'];

const pageSize = 20;

// Statuses live in the address (?status=PROPOSED,REQUESTED) so a batch result can link to its proposals.
export function parseStatuses(value: string | null): MatchStatus[] {
  if (!value) return [];
  return value.split(',').filter((s): s is MatchStatus => (allMatchStatuses as readonly string[]).includes(s));
}

function BatchModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [, setParams] = useSearchParams();
  // The viewer's own area is the default: a director has one community, a supervisor one street.
  const own = useMemo(() => me?.grants.find((g) => g.area && matcherRoles.includes(g.role))?.area ?? null, [me]);
  const [areaId, setAreaId] = useState<string | undefined>(own?.id);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<BatchResult['proposeMatchesForArea'] | null>(null);
  const [{ fetching }, run] = useMutation(ProposeMatchesForAreaMutation);
  const close = () => {
    if (fetching) return;
    setResult(null);
    setFailure(null);
    onClose();
  };
  const start = async () => {
    if (!areaId) return;
    setFailure(null);
    const r = await run({ areaId });
    if (r.error || !r.data) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    setResult(r.data.proposeMatchesForArea);
  };
  const showProposed = () => {
    setParams(new URLSearchParams({ status: 'PROPOSED' }), { replace: true });
    close();
  };
  return (
    <Modal
      open={open}
      title={t('match.batchTitle')}
      onCancel={close}
      closable={!fetching}
      maskClosable={!fetching}
      destroyOnHidden
      footer={
        result ? (
          <Space>
            <Button onClick={close}>{t('common.back')}</Button>
            <Button type="primary" onClick={showProposed} data-testid="batch-show-proposed">
              {t('match.batchShowProposed')}
            </Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={close} disabled={fetching}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" onClick={() => void start()} loading={fetching} disabled={!areaId} data-testid="batch-run">
              {t('match.batchRun')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('match.batchHint')}</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} role="alert" /> : null}
      {result ? (
        <Row gutter={[16, 16]} data-testid="batch-result">
          <Col span={8}>
            <Statistic title={t('match.batchNeeds')} value={result.needs} data-testid="batch-needs" />
          </Col>
          <Col span={8}>
            <Statistic title={t('match.batchProposed')} value={result.proposed} valueStyle={{ color: '#389e0d' }} data-testid="batch-proposed" />
          </Col>
          <Col span={8}>
            <Statistic title={t('match.batchNoCandidate')} value={result.noCandidate} data-testid="batch-no-candidate" />
          </Col>
          <Col span={8}>
            <Statistic title={t('match.batchFailed')} value={result.failed} valueStyle={result.failed ? { color: '#cf1322' } : undefined} data-testid="batch-failed" />
          </Col>
          <Col span={16}>
            <Typography.Text type="secondary">{t('match.batchTook', { seconds: (result.tookMs / 1000).toFixed(1) })}</Typography.Text>
          </Col>
        </Row>
      ) : (
        <Spin spinning={fetching} tip={t('match.batchRunning')}>
          <Typography.Text>{t('match.batchArea')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <AreaPathPicker
              target="COMMUNITY"
              accept={['DISTRICT', 'STREET', 'COMMUNITY']}
              value={areaId}
              onChange={setAreaId}
              known={own ? { id: own.id, label: areaName(i18n, own) } : undefined}
            />
          </div>
        </Spin>
      )}
    </Modal>
  );
}

// Matches of the children in the viewer's area, most recently changed first.
export default function MatchBoardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roles } = useSession();
  const canAct = hasAnyRole(roles, matcherRoles);
  const [params, setParams] = useSearchParams();
  const statuses = parseStatuses(params.get('status'));
  const pages = useCursorPages();
  const [areaId, setAreaId] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [batchOpen, setBatchOpen] = useState(false);
  const context = useMemo(() => ({ additionalTypenames: ['Match'] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: MatchBoardQuery,
    variables: { first: pageSize, after: pages.after, areaId: areaId ?? null, statuses: statuses.length ? statuses : null },
    context,
  });
  const [sendState, send] = useMutation(SendMatchRequestsMutation);
  const conn = data?.matchBoard;
  const rows = conn?.edges.map((e) => e.node) ?? [];
  const proposedIds = new Set(rows.filter((r) => r.status === 'PROPOSED').map((r) => r.id));
  const chosen = selected.filter((id) => proposedIds.has(id));

  const setStatuses = (next: MatchStatus[]) => {
    const p = new URLSearchParams(params);
    if (next.length) p.set('status', next.join(','));
    else p.delete('status');
    setParams(p, { replace: true });
    pages.reset();
    setSelected([]);
  };

  const sendChosen = async () => {
    const r = await send({ ids: chosen });
    if (r.error) {
      message.error(errorMessage(r.error, t));
      return;
    }
    message.success(t('match.sent', { count: r.data?.sendMatchRequests.length ?? chosen.length }));
    setSelected([]);
  };

  return (
    <Card
      title={t('match.boardTitle')}
      data-testid="match-board"
      extra={
        canAct ? (
          <Button icon={<ThunderboltOutlined />} onClick={() => setBatchOpen(true)} data-testid="batch-match">
            {t('match.batch')}
          </Button>
        ) : null
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <div style={{ width: 320, maxWidth: '100%' }}>
          <AreaPathPicker
            target="COMMUNITY"
            accept={['DISTRICT', 'STREET', 'COMMUNITY']}
            value={areaId}
            onChange={(v) => {
              setAreaId(v);
              pages.reset();
              setSelected([]);
            }}
          />
        </div>
        <Select<MatchStatus[]>
          mode="multiple"
          allowClear
          value={statuses}
          onChange={setStatuses}
          placeholder={t('match.allStatuses')}
          options={allMatchStatuses.map((s) => ({ value: s, label: matchStatusLabel(t, s) }))}
          style={{ minWidth: 240, maxWidth: '100%' }}
          data-testid="status-filter"
        />
        {canAct ? (
          <Popconfirm
            title={t('match.sendSelectedConfirm', { count: chosen.length })}
            okText={t('match.send')}
            cancelText={t('common.cancel')}
            onConfirm={() => sendChosen()}
            disabled={chosen.length === 0}
            okButtonProps={{ 'data-testid': 'send-selected-ok' }}
          >
            <Button type="primary" icon={<SendOutlined />} disabled={chosen.length === 0} loading={sendState.fetching} data-testid="send-selected">
              {t('match.sendSelected', { count: chosen.length })}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Table<Row>
        rowKey="id"
        dataSource={rows}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('match.empty') }}
        data-testid="board-table"
        rowSelection={
          canAct
            ? {
                selectedRowKeys: chosen,
                onChange: (keys) => setSelected(keys as string[]),
                // Only proposals can be sent; the rest are already with providers or ended.
                getCheckboxProps: (r) => ({ disabled: r.status !== 'PROPOSED' }),
              }
            : undefined
        }
        columns={[
          {
            title: t('match.child'),
            key: 'child',
            render: (_, r) =>
              r.child ? (
                <Link to={`/children/${r.child.id}`} data-testid="board-child">
                  {r.child.name}
                </Link>
              ) : (
                '—'
              ),
          },
          { title: t('match.category'), key: 'category', render: (_, r) => categoryLabel(t, r.category) },
          {
            title: t('match.offer'),
            key: 'offer',
            render: (_, r) => (
              <Space wrap size={4}>
                <EntityTag entity={r.entity} />
                <Link to={`/matching/match/${r.id}`} data-testid="board-offer">
                  {r.offerTitle}
                </Link>
              </Space>
            ),
          },
          { title: t('match.provider'), key: 'provider', render: (_, r) => providerName(r) },
          { title: t('match.status'), key: 'status', render: (_, r) => <MatchStatusTag status={r.status} /> },
          { title: t('match.updatedAt'), key: 'updatedAt', render: (_, r) => formatTime(t, r.updatedAt) },
        ]}
      />
      <CursorPager pages={pages} conn={conn} fetching={fetching} testId="board-total" />
      {canAct ? <BatchModal open={batchOpen} onClose={() => setBatchOpen(false)} /> : null}
    </Card>
  );
}
