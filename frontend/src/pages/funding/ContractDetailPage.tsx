import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, InputNumber, Modal, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { AuthorisationFieldsFragment, ContractDetailFragment, DeliveryFieldsFragment } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import { CategoryTags } from '../../components/CategorySelect';
import { NotFound, PageLoading } from '../../components/StatusPages';
import { errorCode, errorField, errorMessage } from '../../graphql/errors';
import { AuthorisableMatchesQuery, AuthoriseMatchMutation, ContractQuery, InvoicesQuery } from '../../graphql/funding';
import { areaName, categoryLabel, contractUnitLabel, dateFormat, formatDate, formatTime, matchStatusLabel } from '../../labels';
import { hasAnyRole, matchWatchRoles } from '../../nav';
import ContractActions from './ContractActions';
import { ContractProgress, ContractStatusTag, DeliveryStatusTag, Money, fundingChange, invoicesContext, isLiveContract, unitCount, unitPriceText, usedUnitsText } from './FundingParts';
import { InvoiceTable } from './InvoicesTab';
import { formatFen, minutesToHours } from './money';

const contractContext = { additionalTypenames: ['Contract', 'Authorisation', 'Delivery', 'Invoice'] };

interface AuthoriseForm {
  matchId: string;
  units: number;
  period: [Dayjs, Dayjs];
}

function AuthoriseModal({ contract, open, onClose }: { contract: ContractDetailFragment; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AuthoriseForm>();
  const [failure, setFailure] = useState<string | null>(null);
  const [matches] = useQuery({ query: AuthorisableMatchesQuery, pause: !open, requestPolicy: 'network-only' });
  const [{ fetching }, authorise] = useMutation(AuthoriseMatchMutation);
  const authorised = useMemo(() => {
    const m = new Map<string, number>();
    for (const z of contract.authorisations) m.set(z.matchId, (m.get(z.matchId) ?? 0) + z.units);
    return m;
  }, [contract.authorisations]);
  const left = contract.quantity - contract.authorisations.reduce((s, z) => s + z.units, 0);
  // The match's provider must be the contracted organisation, and its category one the contract buys.
  const options = (matches.data?.matchBoard.edges ?? [])
    .map((e) => e.node)
    .filter((m) => m.providerOrganisation?.id === contract.organisation.id && contract.categories.includes(m.category))
    .map((m) => {
      const label = [m.child?.name ?? '—', m.offerTitle, categoryLabel(t, m.category), matchStatusLabel(t, m.status)].join(' · ');
      const already = authorised.get(m.id);
      return { value: m.id, label: already ? `${label}（${t('purchase.alreadyAuthorised', { units: unitCount(t, contract.unit, already) })}）` : label };
    });
  const start = dayjs(contract.startsOn);
  const end = dayjs(contract.endsOn);

  const submit = async () => {
    let v: AuthoriseForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setFailure(null);
    const r = await authorise(
      { input: { contractId: contract.id, matchId: v.matchId, units: v.units, startsOn: v.period[0].format(dateFormat), endsOn: v.period[1].format(dateFormat) } },
      fundingChange,
    );
    if (r.error) {
      const field = errorField(r.error);
      const name = field === 'matchId' ? 'matchId' : field === 'units' ? 'units' : field === 'startsOn' || field === 'endsOn' ? 'period' : null;
      if (name) form.setFields([{ name, errors: [errorMessage(r.error, t)] }]);
      else setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t('purchase.authorised'));
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('purchase.authoriseTitle')}
      okText={t('purchase.authorise')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'authorise-submit' }}
      confirmLoading={fetching}
      onOk={() => void submit()}
      onCancel={() => !fetching && onClose()}
      destroyOnHidden
      width={600}
    >
      <Form<AuthoriseForm> form={form} layout="vertical" preserve={false} data-testid="authorise-form" initialValues={{ period: [start, end] }}>
        <Typography.Paragraph type="secondary">{t('purchase.authoriseHint', { organisation: contract.organisation.name })}</Typography.Paragraph>
        {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} role="alert" /> : null}
        {matches.error ? <Alert type="error" showIcon message={errorMessage(matches.error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
        <Form.Item name="matchId" label={t('purchase.match')} rules={[{ required: true, message: t('purchase.matchRequired') }]}>
          <Select
            options={options}
            loading={matches.fetching}
            showSearch
            optionFilterProp="label"
            placeholder={t('purchase.chooseMatch')}
            notFoundContent={matches.fetching ? null : t('purchase.noMatches')}
            optionRender={(o) => <span data-match-id={o.value}>{o.label}</span>}
            data-testid="authorise-match"
          />
        </Form.Item>
        <Form.Item
          name="units"
          label={t('purchase.authorisedUnits', { unit: contractUnitLabel(t, contract.unit) })}
          rules={[{ required: true, type: 'integer', min: 1, message: t('purchase.unitsRequired') }]}
          extra={t('purchase.unitsLeft', { left: unitCount(t, contract.unit, Math.max(0, left)) })}
        >
          <InputNumber min={1} max={Math.max(1, left)} precision={0} style={{ width: '100%' }} data-testid="authorise-units" />
        </Form.Item>
        <Form.Item name="period" label={t('purchase.authorisePeriod')} rules={[{ required: true, message: t('purchase.periodRequired') }]}>
          <DatePicker.RangePicker
            format={dateFormat}
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(start, 'day') || d.isAfter(end, 'day')}
            data-testid="authorise-period"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Figures({ contract }: { contract: ContractDetailFragment }) {
  const { t } = useTranslation();
  const f = contract.figures;
  const money: [string, number | null][] = [
    ['value', contract.value],
    ['delivered', f.delivered],
    ['invoiced', f.invoiced],
    ['accepted', f.accepted],
    ['paid', f.paid],
    ['remaining', f.remaining],
    ['costPerChild', f.costPerChild],
    ['costPerHour', f.costPerHour],
  ];
  return (
    <Row gutter={[16, 16]} data-testid="contract-figures">
      {money.map(([key, fen]) => (
        <Col key={key} xs={12} md={6}>
          <div data-testid={`figure-${key}`}>
            <Statistic title={t(`purchase.figure.${key}`)} value={formatFen(fen)} />
          </div>
        </Col>
      ))}
      <Col xs={12} md={6}>
        <div data-testid="figure-children">
          <Statistic title={t('purchase.figure.children')} value={f.children} />
        </div>
      </Col>
      <Col xs={12} md={6}>
        <div data-testid="figure-hours">
          <Statistic title={t('purchase.figure.hours')} value={minutesToHours(f.minutes)} />
        </div>
      </Col>
      <Col xs={12} md={6}>
        <div data-testid="figure-sessions">
          <Statistic title={t('purchase.figure.sessions')} value={f.sessions} />
        </div>
      </Col>
      <Col xs={24} md={6}>
        <Typography.Text type="secondary">{t('purchase.progress')}</Typography.Text>
        {contract.status === 'DRAFT' ? <div>—</div> : <ContractProgress figures={f} />}
      </Col>
    </Row>
  );
}

function Authorisations({ contract, canOpenMatch }: { contract: ContractDetailFragment; canOpenMatch: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<AuthorisationFieldsFragment>
      rowKey="id"
      size="small"
      dataSource={contract.authorisations}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('purchase.noAuthorisations') }}
      data-testid="authorisations"
      columns={[
        {
          title: t('purchase.match'),
          key: 'match',
          render: (_, z) => (canOpenMatch ? <Link to={`/matching/match/${z.matchId}`}>{t('purchase.openMatch')}</Link> : <Typography.Text type="secondary">{z.matchId.slice(0, 8)}</Typography.Text>),
        },
        { title: t('purchase.authorisedUse'), key: 'units', render: (_, z) => usedUnitsText(t, contract.unit, z.usedUnits, z.units) },
        { title: t('purchase.authorisePeriod'), key: 'period', render: (_, z) => `${formatDate(z.startsOn)} – ${formatDate(z.endsOn)}` },
      ]}
    />
  );
}

function Deliveries({ contract }: { contract: ContractDetailFragment }) {
  const { t } = useTranslation();
  return (
    <Table<DeliveryFieldsFragment>
      rowKey="id"
      size="small"
      dataSource={contract.deliveries}
      pagination={contract.deliveries.length > 10 ? { pageSize: 10 } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('purchase.noDeliveries') }}
      data-testid="deliveries"
      columns={[
        { title: t('purchase.service'), dataIndex: 'title', key: 'title' },
        { title: t('purchase.deliveredAt'), key: 'deliveredAt', render: (_, d) => formatTime(t, d.deliveredAt) },
        { title: t('purchase.minutes'), key: 'minutes', align: 'right', render: (_, d) => t('hours.minutes', { minutes: d.minutes }) },
        { title: t('purchase.amount'), key: 'amount', align: 'right', render: (_, d) => <Money fen={d.amount} /> },
        {
          title: t('purchase.status'),
          key: 'status',
          render: (_, d) => (
            <Space direction="vertical" size={0}>
              <DeliveryStatusTag status={d.status} />
              {d.reason ? <Typography.Text type="danger">{d.reason}</Typography.Text> : null}
            </Space>
          ),
        },
        { title: t('purchase.invoiced'), key: 'invoiced', render: (_, d) => (d.invoiceId ? t('common.yes') : t('common.no')) },
        { title: t('purchase.verifiedBy'), key: 'verifiedBy', render: (_, d) => `${d.verifiedBy ?? '—'} · ${formatTime(t, d.verifiedAt)}` },
      ]}
    />
  );
}

// One contract: its terms, where its money stands, the matches it pays for,
// what was verified and what was invoiced.
export default function ContractDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { roles } = useSession();
  const [authorising, setAuthorising] = useState(false);
  const [{ data, fetching, error }] = useQuery({ query: ContractQuery, variables: { id }, context: contractContext, requestPolicy: 'cache-and-network' });
  // One contract's invoices are a few a year; one page of 50 holds them.
  const [invoices] = useQuery({
    query: InvoicesQuery,
    variables: { contractId: id, statuses: null, first: 50, after: null },
    context: invoicesContext,
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <PageLoading />;
  if (error && !data) {
    if (errorCode(error) === 'NOT_FOUND') return <NotFound />;
    return <Alert type="error" showIcon message={errorMessage(error, t)} role="alert" />;
  }
  const contract = data?.contract;
  if (!contract) return <NotFound />;
  const canAuthorise = contract.canManage && isLiveContract(contract.status);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="contract-detail" data-contract-id={contract.id}>
      <Card
        title={
          <Space wrap>
            <span data-testid="contract-title">{contract.title}</span>
            <ContractStatusTag status={contract.status} />
          </Space>
        }
        extra={
          <Link to="/funding?tab=contracts">
            <ArrowLeftOutlined /> {t('purchase.backToContracts')}
          </Link>
        }
      >
        {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
        {contract.canManage ? (
          <div style={{ marginBottom: 16 }}>
            <ContractActions contract={contract} size="middle" />
          </div>
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }} data-testid="contract-terms">
          <Descriptions.Item label={t('purchase.organisation')}>{contract.organisation.name}</Descriptions.Item>
          <Descriptions.Item label={t('purchase.categories')}>
            <CategoryTags categories={contract.categories} />
          </Descriptions.Item>
          <Descriptions.Item label={t('purchase.unit')}>{contractUnitLabel(t, contract.unit)}</Descriptions.Item>
          <Descriptions.Item label={t('purchase.unitPriceLabel')}>{unitPriceText(t, contract.unit, contract.unitPrice)}</Descriptions.Item>
          <Descriptions.Item label={t('purchase.quantity')}>{unitCount(t, contract.unit, contract.quantity)}</Descriptions.Item>
          <Descriptions.Item label={t('purchase.value')}>
            <Money fen={contract.value} testId="contract-value" />
          </Descriptions.Item>
          <Descriptions.Item label={t('purchase.period')}>
            {formatDate(contract.startsOn)} – {formatDate(contract.endsOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('purchase.signedAt')}>{contract.signedAt ? formatTime(t, contract.signedAt) : '—'}</Descriptions.Item>
          {contract.areas.length > 0 ? (
            <Descriptions.Item label={t('purchase.areas')} span="filled">
              {contract.areas.map((a) => areaName(i18n, a)).join('、')}
            </Descriptions.Item>
          ) : null}
          {contract.targets ? (
            <Descriptions.Item label={t('purchase.targets')} span="filled">
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{contract.targets}</Typography.Text>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card size="small" title={t('purchase.figures')}>
        <Figures contract={contract} />
      </Card>
      <Card
        size="small"
        title={t('purchase.authorisations')}
        extra={
          canAuthorise ? (
            <Button type="primary" size="small" icon={<SafetyCertificateOutlined />} onClick={() => setAuthorising(true)} data-testid="authorise-open">
              {t('purchase.authorise')}
            </Button>
          ) : null
        }
      >
        <Authorisations contract={contract} canOpenMatch={hasAnyRole(roles, matchWatchRoles)} />
      </Card>
      <Card size="small" title={t('purchase.deliveries')}>
        <Deliveries contract={contract} />
      </Card>
      <Card size="small" title={t('purchase.invoices')}>
        {invoices.error ? <Alert type="error" showIcon message={errorMessage(invoices.error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
        <InvoiceTable invoices={invoices.data?.invoices.edges.map((e) => e.node) ?? []} loading={invoices.fetching && !invoices.data} showContract={false} />
      </Card>
      {canAuthorise ? <AuthoriseModal contract={contract} open={authorising} onClose={() => setAuthorising(false)} /> : null}
    </Space>
  );
}
