import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Flex, InputNumber, List, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, InfoCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { MatchCandidatesQuery as CandidatesResult, MatchRowFragment, NeedFieldsFragment } from '../../gql/graphql';
import { PageLoading } from '../../components/StatusPages';
import { errorMessage } from '../../graphql/errors';
import { MatchCandidatesQuery, ProposeMatchMutation } from '../../graphql/matching';
import {
  categoryLabel,
  formatSpan,
  formatTime,
  formatWindow,
  levelRiskLabel,
  needPlaceLabel,
  riskColor,
} from '../../labels';
import { NeedStatusTag } from '../children/NeedsTab';
import { canPair, distanceEstimateNote, formatKm, formatPoints } from './factors';
import { EntityTag, FactorList, MatchStatusTag, PairingText, providerName } from './MatchParts';

type Candidate = CandidatesResult['matchCandidates']['candidates'][number];

function NeedSummary({ need }: { need: NeedFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="need-summary">
      <Descriptions.Item label={t('need.category')}>{categoryLabel(t, need.category)}</Descriptions.Item>
      <Descriptions.Item label={t('need.status')}>
        <NeedStatusTag status={need.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('need.description')} span={2}>
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{need.description}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('need.urgency')}>
        <Tag color={riskColor[need.urgency]}>{levelRiskLabel(t, need.urgency)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('need.place')}>{needPlaceLabel(t, need.place)}</Descriptions.Item>
      <Descriptions.Item label={t('need.language')}>{need.language || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('need.windows')}>
        {need.windows.length ? need.windows.map((w) => formatWindow(t, w)).join('，') : t('need.anyTime')}
      </Descriptions.Item>
    </Descriptions>
  );
}

interface Pairing {
  on: boolean;
  timesPerMonth: number | null;
  weeks: number | null;
}

function CandidateActions({ needId, candidate, category }: { needId: string; candidate: Candidate; category: NeedFieldsFragment['category'] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pairing, setPairing] = useState<Pairing>({ on: false, timesPerMonth: 4, weeks: 12 });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'send' | 'hold' | null>(null);
  const [, propose] = useMutation(ProposeMatchMutation);
  if (candidate.openMatchId) {
    return (
      <Space wrap>
        <Tag icon={<CheckCircleOutlined />} color="green" data-testid="candidate-matched">
          {t('matching.matched')}
        </Tag>
        <Link to={`/matching/match/${candidate.openMatchId}`} data-testid="candidate-match-link">
          {t('matching.viewMatch')}
        </Link>
      </Space>
    );
  }
  const pairable = canPair(candidate.entity, category);
  const pairingReady = !pairing.on || (!!pairing.timesPerMonth && !!pairing.weeks);
  const go = async (send: boolean) => {
    setFailure(null);
    setBusy(send ? 'send' : 'hold');
    const r = await propose({
      needId,
      input: {
        entity: candidate.entity,
        offerId: candidate.id,
        send,
        pairing: pairable && pairing.on && pairing.timesPerMonth && pairing.weeks ? { timesPerMonth: pairing.timesPerMonth, weeks: pairing.weeks } : null,
      },
    });
    setBusy(null);
    if (r.error) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t(send ? 'matching.sentNow' : 'matching.proposed'));
  };
  return (
    <Flex vertical gap={8}>
      {pairable ? (
        <Flex gap={8} wrap align="center" data-testid="pairing-form">
          <Checkbox checked={pairing.on} onChange={(e) => setPairing((p) => ({ ...p, on: e.target.checked }))} data-testid="pairing-toggle">
            {t('matching.pairingToggle')}
          </Checkbox>
          {pairing.on ? (
            <>
              <InputNumber
                min={1}
                max={31}
                value={pairing.timesPerMonth}
                onChange={(v) => setPairing((p) => ({ ...p, timesPerMonth: v }))}
                addonAfter={t('matching.timesPerMonth')}
                style={{ width: 150 }}
                data-testid="pairing-times"
              />
              <InputNumber
                min={1}
                max={104}
                value={pairing.weeks}
                onChange={(v) => setPairing((p) => ({ ...p, weeks: v }))}
                addonAfter={t('matching.weeks')}
                style={{ width: 130 }}
                data-testid="pairing-weeks"
              />
            </>
          ) : null}
        </Flex>
      ) : null}
      <Space wrap>
        <Button type="primary" icon={<SendOutlined />} loading={busy === 'send'} disabled={!!busy || !pairingReady} onClick={() => void go(true)} data-testid="candidate-send">
          {t('matching.sendNow')}
        </Button>
        <Button icon={<PlusOutlined />} loading={busy === 'hold'} disabled={!!busy || !pairingReady} onClick={() => void go(false)} data-testid="candidate-propose">
          {t('matching.propose')}
        </Button>
      </Space>
      {failure ? <Alert type="error" showIcon message={failure} role="alert" /> : null}
    </Flex>
  );
}

function CandidateCard({ rank, candidate, need, distanceNote }: { rank: number; candidate: Candidate; need: NeedFieldsFragment; distanceNote: string | null }) {
  const { t } = useTranslation();
  const facts: string[] = [];
  if (candidate.organisationName && candidate.entity !== 'VOLUNTEER') facts.push(candidate.organisationName);
  if (candidate.distanceKm != null) facts.push(t('matching.km', { km: formatKm(candidate.distanceKm) }));
  if (candidate.startsAt) facts.push(candidate.endsAt ? formatSpan(candidate.startsAt, candidate.endsAt) : formatTime(t, candidate.startsAt));
  if (candidate.seatsLeft != null) facts.push(t('matching.seats', { count: candidate.seatsLeft }));
  if (candidate.languages.length) facts.push(candidate.languages.join('、'));
  return (
    <Card size="small" data-testid="candidate" data-entity={candidate.entity} data-title={candidate.title}>
      <Flex gap={16} wrap justify="space-between">
        <Flex vertical gap={6} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Space wrap size={4}>
            <Typography.Text type="secondary">#{rank}</Typography.Text>
            <EntityTag entity={candidate.entity} />
            <Typography.Text strong data-testid="candidate-title">
              {candidate.title}
            </Typography.Text>
          </Space>
          {facts.length ? <Typography.Text type="secondary">{facts.join(' · ')}</Typography.Text> : null}
          <FactorList factors={candidate.factors} needWindows={need.windows.length} distanceNote={distanceNote} />
        </Flex>
        <Flex vertical gap={8} align="flex-start" style={{ flex: '0 1 320px' }}>
          <Typography.Text data-testid="candidate-score">
            {t('matching.score')}：<Typography.Text strong style={{ fontSize: 18 }}>{formatPoints(candidate.score)}</Typography.Text>
          </Typography.Text>
          <CandidateActions needId={need.id} candidate={candidate} category={need.category} />
        </Flex>
      </Flex>
    </Card>
  );
}

function ExistingMatches({ matches }: { matches: readonly MatchRowFragment[] }) {
  const { t } = useTranslation();
  return (
    <Table<MatchRowFragment>
      rowKey="id"
      size="small"
      dataSource={[...matches]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('matching.noExisting') }}
      data-testid="need-matches"
      columns={[
        {
          title: t('match.offer'),
          key: 'offer',
          render: (_, m) => (
            <Space wrap size={4}>
              <EntityTag entity={m.entity} />
              <Link to={`/matching/match/${m.id}`}>{m.offerTitle}</Link>
            </Space>
          ),
        },
        { title: t('match.provider'), key: 'provider', render: (_, m) => providerName(m) },
        { title: t('match.status'), key: 'status', render: (_, m) => <MatchStatusTag status={m.status} /> },
        { title: t('match.pairing'), key: 'pairing', responsive: ['md'], render: (_, m) => (m.pairing ? <PairingText pairing={m.pairing} /> : '—') },
        { title: t('match.updatedAt'), key: 'updatedAt', render: (_, m) => formatTime(t, m.updatedAt) },
      ]}
    />
  );
}

// Ranked candidates for one need, each with why it ranks there; staff send a
// request at once or keep a proposal to review on the board.
export default function NeedMatchingPage() {
  const { t } = useTranslation();
  const { needId = '' } = useParams();
  const [params] = useSearchParams();
  const childId = params.get('child');
  const context = useMemo(() => ({ additionalTypenames: ['Match'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: MatchCandidatesQuery, variables: { needId }, context, requestPolicy: 'cache-and-network' });
  const back = childId ? (
    <Link to={`/children/${childId}`} data-testid="back-to-child">
      <ArrowLeftOutlined /> {t('match.backToChild')}
    </Link>
  ) : (
    <Link to="/matching">
      <ArrowLeftOutlined /> {t('match.backToBoard')}
    </Link>
  );
  if (fetching && !data) return <PageLoading />;
  const result = data?.matchCandidates;
  if (!result) {
    return (
      <Card title={t('matching.title')} extra={back}>
        <Alert type="error" showIcon message={error ? errorMessage(error, t) : t('error.unknown')} role="alert" />
      </Card>
    );
  }
  const { need, candidates, maxKm, distanceFrom } = result;
  const distanceNote = distanceEstimateNote(t, distanceFrom);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="matching-page">
      <Card title={t('matching.title')} extra={back}>
        {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
        <NeedSummary need={need} />
      </Card>
      <Card
        title={t('matching.candidates')}
        extra={
          <Space wrap size={[8, 0]} style={{ justifyContent: 'flex-end' }}>
            <Typography.Text type="secondary" data-testid="distance-limit">
              {maxKm > 0 ? t('matching.maxKm', { km: formatPoints(maxKm) }) : t('matching.anyDistance')}
            </Typography.Text>
            {distanceNote ? (
              <Typography.Text type="warning" data-testid="distance-note">
                <InfoCircleOutlined /> {distanceNote}
              </Typography.Text>
            ) : null}
          </Space>
        }
      >
        {candidates.length === 0 ? (
          <Empty
            data-testid="no-candidates"
            description={
              <Space direction="vertical" size={4}>
                <Typography.Text strong>{t('matching.emptyTitle')}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('matching.emptyHint', {
                    distance: maxKm > 0 ? t('matching.emptyDistance', { km: formatPoints(maxKm) }) : t('matching.anyDistance'),
                  })}
                </Typography.Text>
              </Space>
            }
          />
        ) : (
          <List
            dataSource={candidates}
            rowKey={(c) => `${c.entity}:${c.id}`}
            split={false}
            data-testid="candidates"
            renderItem={(c, i) => (
              <List.Item style={{ padding: '0 0 12px' }}>
                <div style={{ width: '100%' }}>
                  <CandidateCard rank={i + 1} candidate={c} need={need} distanceNote={distanceNote} />
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={t('matching.existing')}>
        <ExistingMatches matches={need.matches} />
      </Card>
    </Space>
  );
}
