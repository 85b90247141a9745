import { useMemo, useState, type MouseEvent } from 'react';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import type { FundingReportQuery as ReportResult, FundingSummaryFieldsFragment } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../graphql/errors';
import { FundingReportQuery } from '../../graphql/funding';
import { areaName, categoryLabel } from '../../labels';
import { budgetReaderRoles, hasAnyRole } from '../../nav';
import { ContractProgress, ContractStatusTag, Money, YearSelect, fundingChange } from './FundingParts';
import { formatFen, minutesToHours } from './money';
import { contractChartOption, districtChartOption, downloadBlob, fetchFundingReport, fundingReportUrl, spendByCategory } from './report';

// Only the parts of ECharts the two charts use, to keep the page light.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type ContractRow = ReportResult['fundingReport']['contracts'][number];
type DistrictRow = ReportResult['fundingReport']['districts'][number];

function ExportLink({ year }: { year: number | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // A link that still works when copied; clicking fetches so that a refusal shows as a message.
  const onClick = async (e: MouseEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await fetchFundingReport(fetch, t, year);
      if ('problem' in r) message.error(r.problem);
      else downloadBlob(r.blob, r.fileName);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} href={fundingReportUrl(year)} loading={busy} onClick={(e) => void onClick(e)} data-testid="export-funding">
      {t('purchase.export')}
    </Button>
  );
}

function Totals({ contracts, lines }: { contracts: readonly ContractRow[]; lines: readonly FundingSummaryFieldsFragment[] | null }) {
  const { t } = useTranslation();
  const sum = (f: (c: ContractRow) => number) => contracts.reduce((s, c) => s + f(c), 0);
  const minutes = sum((c) => c.figures.minutes);
  const delivered = sum((c) => c.figures.delivered);
  const cards: { key: string; value: string }[] = [
    ...(lines ? [{ key: 'budget', value: formatFen(lines.reduce((s, l) => s + l.budget, 0)) }] : []),
    { key: 'committed', value: formatFen(sum((c) => (c.status === 'DRAFT' ? 0 : c.value))) },
    { key: 'delivered', value: formatFen(delivered) },
    { key: 'invoiced', value: formatFen(sum((c) => c.figures.invoiced)) },
    { key: 'paid', value: formatFen(sum((c) => c.figures.paid)) },
    { key: 'remaining', value: formatFen(sum((c) => (c.status === 'DRAFT' ? 0 : c.figures.remaining))) },
    { key: 'hours', value: minutesToHours(minutes) },
    { key: 'costPerHour', value: minutes > 0 ? formatFen(Math.round((delivered * 60) / minutes)) : '—' },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="report-totals">
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={6}>
          <Card size="small" data-testid={`total-${c.key}`}>
            <Statistic title={t(`purchase.total.${c.key}`)} value={c.value} valueStyle={{ fontSize: 20 }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

// A summary's children field is a count of children served; antd would
// otherwise read a field of that name as nested rows.
const summaryRows = { childrenColumnName: 'nestedRows' };

function summaryColumns(t: ReturnType<typeof useTranslation>['t'], nameTitle: string, withBudget: boolean) {
  const money = (key: keyof FundingSummaryFieldsFragment, title: string) => ({
    title,
    key,
    align: 'right' as const,
    render: (_: unknown, r: FundingSummaryFieldsFragment) => <Money fen={r[key] as number | null} />,
  });
  return [
    { title: nameTitle, key: 'name', render: (_: unknown, r: FundingSummaryFieldsFragment) => <span data-testid="summary-name">{r.name}</span> },
    ...(withBudget ? [money('budget', t('purchase.budgetAmount'))] : []),
    money('committed', t('purchase.committed')),
    money('delivered', t('purchase.delivered')),
    money('invoiced', t('purchase.invoiced')),
    money('paid', t('purchase.paid')),
    money('remaining', t('purchase.remaining')),
    { title: t('purchase.children'), key: 'children', align: 'right' as const, render: (_: unknown, r: FundingSummaryFieldsFragment) => r.children },
    { title: t('purchase.hours'), key: 'hours', align: 'right' as const, render: (_: unknown, r: FundingSummaryFieldsFragment) => minutesToHours(r.minutes) },
    money('costPerChild', t('purchase.costPerChild')),
    money('costPerHour', t('purchase.costPerHour')),
  ];
}

function ContractTable({ contracts }: { contracts: readonly ContractRow[] }) {
  const { t } = useTranslation();
  return (
    <Table<ContractRow>
      rowKey="id"
      size="small"
      dataSource={[...contracts]}
      pagination={contracts.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('purchase.noContracts') }}
      data-testid="report-contracts"
      columns={[
        {
          title: t('purchase.contract'),
          key: 'title',
          render: (_, r) => (
            <Space direction="vertical" size={0}>
              <Link to={`/funding/contract/${r.id}`} data-testid="report-contract-title">
                {r.title}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.organisation.name}
              </Typography.Text>
            </Space>
          ),
        },
        { title: t('purchase.status'), key: 'status', render: (_, r) => <ContractStatusTag status={r.status} /> },
        { title: t('purchase.committed'), key: 'committed', align: 'right', render: (_, r) => (r.status === 'DRAFT' ? '—' : <Money fen={r.value} />) },
        { title: t('purchase.delivered'), key: 'delivered', align: 'right', render: (_, r) => <Money fen={r.figures.delivered} testId="report-delivered" /> },
        { title: t('purchase.invoiced'), key: 'invoiced', align: 'right', render: (_, r) => <Money fen={r.figures.invoiced} /> },
        { title: t('purchase.paid'), key: 'paid', align: 'right', render: (_, r) => <Money fen={r.figures.paid} testId="report-paid" /> },
        { title: t('purchase.remaining'), key: 'remaining', align: 'right', render: (_, r) => <Money fen={r.figures.remaining} /> },
        { title: t('purchase.children'), key: 'children', align: 'right', render: (_, r) => r.figures.children },
        { title: t('purchase.hours'), key: 'hours', align: 'right', render: (_, r) => <span data-testid="report-hours">{minutesToHours(r.figures.minutes)}</span> },
        { title: t('purchase.costPerChild'), key: 'costPerChild', align: 'right', render: (_, r) => <Money fen={r.figures.costPerChild} testId="report-cost-per-child" /> },
        { title: t('purchase.costPerHour'), key: 'costPerHour', align: 'right', render: (_, r) => <Money fen={r.figures.costPerHour} testId="report-cost-per-hour" /> },
        { title: t('purchase.progress'), key: 'progress', render: (_, r) => (r.status === 'DRAFT' ? '—' : <ContractProgress figures={r.figures} />) },
      ]}
    />
  );
}

function DistrictSpend({ rows }: { rows: readonly DistrictRow[] }) {
  const { t, i18n } = useTranslation();
  const [districtId, setDistrictId] = useState<string | null>(null);
  const districts = useMemo(() => {
    const seen = new Map<string, DistrictRow['district']>();
    for (const r of rows) seen.set(r.district.id, r.district);
    return [...seen.values()];
  }, [rows]);
  const totals = useMemo(() => spendByCategory(rows, districtId), [rows, districtId]);
  const option = useMemo(() => districtChartOption(t, (c) => categoryLabel(t, c), totals), [t, totals]);
  if (rows.length === 0) return <Empty description={t('purchase.noDistricts')} />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('purchase.district')}</Typography.Text>
        <Select
          allowClear
          value={districtId ?? undefined}
          onChange={(v) => setDistrictId(v ?? null)}
          placeholder={t('purchase.allDistricts')}
          options={districts.map((d) => ({ value: d.id, label: areaName(i18n, d) }))}
          style={{ minWidth: 200 }}
          data-testid="district-filter"
        />
      </Flex>
      <div data-testid="district-chart">
        <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 320 }} />
      </div>
      <Table<DistrictRow>
        rowKey={(r) => `${r.district.id}-${r.category}`}
        size="small"
        dataSource={rows.filter((r) => !districtId || r.district.id === districtId)}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        data-testid="report-districts"
        columns={[
          { title: t('purchase.district'), key: 'district', render: (_, r) => areaName(i18n, r.district) },
          { title: t('purchase.category'), key: 'category', render: (_, r) => categoryLabel(t, r.category) },
          { title: t('purchase.spent'), key: 'spent', align: 'right', render: (_, r) => <Money fen={r.spent} /> },
          {
            title: t('purchase.unmet'),
            key: 'unmet',
            align: 'right',
            render: (_, r) => (r.unmet > 0 && r.spent === 0 ? <Typography.Text type="danger">{r.unmet}</Typography.Text> : r.unmet),
          },
        ]}
      />
    </Space>
  );
}

// The funding-to-outcome trace: from each budget line through its contracts
// to verified service, children reached and what an hour or a child cost.
export default function ReportTab() {
  const { t } = useTranslation();
  const { roles } = useSession();
  const [year, setYear] = useState<number | null>(dayjs().year());
  const seesBudgets = hasAnyRole(roles, budgetReaderRoles);
  const [{ data, fetching, error }] = useQuery({ query: FundingReportQuery, variables: { year }, context: fundingChange, requestPolicy: 'cache-and-network' });
  const report = data?.fundingReport;
  const contracts = report?.contracts ?? [];
  const chart = useMemo(() => contractChartOption(t, contracts), [t, contracts]);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="funding-report">
      <Flex gap={12} wrap align="center" justify="space-between">
        <Flex gap={8} align="center">
          <Typography.Text>{t('purchase.year')}</Typography.Text>
          <YearSelect value={year} onChange={setYear} testId="report-year" />
        </Flex>
        <ExportLink year={year} />
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} role="alert" /> : null}
      {fetching && !data ? <Card loading /> : null}
      {report ? (
        <>
          <Totals contracts={contracts} lines={seesBudgets ? report.budgetLines : null} />
          <Card size="small" title={t('purchase.byContract')}>
            {contracts.length > 0 ? (
              <div data-testid="contract-chart" style={{ marginBottom: 16 }}>
                <ReactEChartsCore echarts={echarts} option={chart} notMerge style={{ height: 320 }} />
              </div>
            ) : null}
            <ContractTable contracts={contracts} />
          </Card>
          {seesBudgets ? (
            <Card size="small" title={t('purchase.byBudgetLine')}>
              <Table<FundingSummaryFieldsFragment>
                rowKey="key"
                size="small"
                dataSource={report.budgetLines}
                pagination={false}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('purchase.noBudgets') }}
                data-testid="report-budget-lines"
                expandable={summaryRows}
                columns={summaryColumns(t, t('purchase.budgetLine'), true)}
              />
            </Card>
          ) : null}
          <Card size="small" title={t('purchase.byOrganisation')}>
            <Table<FundingSummaryFieldsFragment>
              rowKey="key"
              size="small"
              dataSource={report.organisations}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('purchase.noContracts') }}
              data-testid="report-organisations"
              expandable={summaryRows}
              columns={summaryColumns(t, t('purchase.organisation'), false)}
            />
          </Card>
          {seesBudgets ? (
            <Card size="small" title={t('purchase.byDistrict')} extra={<Typography.Text type="secondary">{t('purchase.byDistrictHint')}</Typography.Text>}>
              <DistrictSpend rows={report.districts} />
            </Card>
          ) : null}
        </>
      ) : null}
    </Space>
  );
}
