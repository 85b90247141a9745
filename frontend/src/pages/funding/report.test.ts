import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import {
  allContractStatuses,
  allContractUnits,
  allDeliveryStatuses,
  allFundingSources,
  allInvoiceStatuses,
  categoryLabel,
  contractStatusLabel,
  contractUnitLabel,
  deliveryStatusLabel,
  fundingSourceLabel,
  invoiceStatusLabel,
} from '../../labels';
import { unitCount, unitPriceText, usedUnitsText } from './FundingParts';
import { contractChartOption, districtChartOption, fetchFundingReport, fundingReportUrl, spendByCategory } from './report';

const zh = i18n.getFixedT('zh');
const en = i18n.getFixedT('en');

describe('funding labels', () => {
  it('names statuses, units and sources in Chinese and English', () => {
    expect(allContractStatuses.map((s) => contractStatusLabel(zh, s))).toEqual(['草稿', '已签订', '执行中', '已结项', '已终止']);
    expect(allInvoiceStatuses.map((s) => invoiceStatusLabel(zh, s))).toEqual(['待审核', '有异议', '已接受', '已付清', '已退回']);
    expect(allDeliveryStatuses.map((s) => deliveryStatusLabel(zh, s))).toEqual(['已核实', '已退回']);
    expect(allContractUnits.map((u) => contractUnitLabel(zh, u))).toEqual(['按服务小时', '按服务次数', '按服务儿童人数']);
    expect(allFundingSources.map((s) => fundingSourceLabel(zh, s))).toEqual(['市级财政', '区级财政', '中央转移支付']);
    for (const [all, label] of [
      [allContractStatuses, contractStatusLabel],
      [allInvoiceStatuses, invoiceStatusLabel],
      [allDeliveryStatuses, deliveryStatusLabel],
      [allContractUnits, contractUnitLabel],
      [allFundingSources, fundingSourceLabel],
    ] as const) {
      for (const v of all) expect((label as (t: typeof en, v: string) => string)(en, v)).not.toBe(v);
    }
    expect(invoiceStatusLabel(zh, 'ON_HOLD')).toBe('ON_HOLD');
  });

  it('writes prices and counts in the contract unit', () => {
    expect(unitPriceText(zh, 'SERVICE_HOUR', 20000)).toBe('¥200.00 / 小时');
    expect(unitCount(zh, 'SERVICE_HOUR', 300)).toBe('300 小时');
    expect(unitCount(zh, 'CHILD_SERVED', 30)).toBe('30 人');
    expect(unitCount(en, 'SESSION', 12)).toBe('12 sessions');
    // Hours are used by the minute.
    expect(usedUnitsText(zh, 'SERVICE_HOUR', 120, 10)).toBe('已用 2.0 / 共 10 小时');
    expect(usedUnitsText(zh, 'SESSION', 3, 10)).toBe('已用 3 / 共 10 次');
  });
});

describe('the funding report', () => {
  const contracts = [
    { title: '周末阅读陪伴', status: 'ACTIVE' as const, value: 6_000_000, figures: { delivered: 40_000, paid: 20_000 } },
    { title: '草稿合同', status: 'DRAFT' as const, value: 1_000_000, figures: { delivered: 0, paid: 0 } },
  ];

  it('charts committed, delivered and paid yuan per contract; a draft commits nothing', () => {
    const o = contractChartOption(zh, contracts);
    expect(o.xAxis.data).toEqual(['周末阅读陪伴', '草稿合同']);
    expect(o.series.map((s) => s.name)).toEqual(['已承诺', '已交付', '已付款']);
    expect(o.series.map((s) => s.data)).toEqual([
      [60000, 0],
      [400, 0],
      [200, 0],
    ]);
    expect(o.tooltip.valueFormatter(60000)).toBe('¥60,000.00');
    expect(o.tooltip.valueFormatter(0.29)).toBe('¥0.29');
  });

  const districts = [
    { district: { id: '110105' }, category: 'READING_GUIDANCE' as const, spent: 40_000, unmet: 2 },
    { district: { id: '110105' }, category: 'PSYCHOLOGICAL_COUNSELLING' as const, spent: 0, unmet: 3 },
    { district: { id: '110108' }, category: 'READING_GUIDANCE' as const, spent: 10_000, unmet: 1 },
  ];

  it('adds up district spend and unmet needs by category, for one district or all', () => {
    expect(spendByCategory(districts)).toEqual([
      { category: 'READING_GUIDANCE', spent: 50_000, unmet: 3 },
      { category: 'PSYCHOLOGICAL_COUNSELLING', spent: 0, unmet: 3 },
    ]);
    expect(spendByCategory(districts, '110108')).toEqual([{ category: 'READING_GUIDANCE', spent: 10_000, unmet: 1 }]);
  });

  it('charts spend in yuan against unmet needs on a second axis', () => {
    const o = districtChartOption(zh, (c) => categoryLabel(zh, c), spendByCategory(districts));
    expect(o.xAxis.data).toEqual(['阅读指导', '心理辅导']);
    expect(o.series[0].data).toEqual([500, 0]);
    expect(o.series[1]).toMatchObject({ name: '未满足需求', yAxisIndex: 1, data: [3, 3] });
  });

  it('downloads the workbook of a year, or says why not', async () => {
    expect(fundingReportUrl(2026)).toBe('/reports/funding.xlsx?year=2026');
    expect(fundingReportUrl(null)).toBe('/reports/funding.xlsx');
    const response = (status: number, body: string, headers: Record<string, string> = {}) => ({
      status,
      headers: { get: (n: string) => headers[n.toLowerCase()] ?? null },
      blob: async () => new Blob([body]),
      text: async () => body,
    });
    let asked = '';
    const ok = await fetchFundingReport(async (url) => {
      asked = url;
      return response(200, 'PK', { 'content-disposition': 'attachment; filename="funding-report-2026.xlsx"' });
    }, zh, 2026);
    expect(asked).toBe('/reports/funding.xlsx?year=2026');
    expect('fileName' in ok && ok.fileName).toBe('funding-report-2026.xlsx');
    const refused = await fetchFundingReport(async () => response(403, JSON.stringify({ error: { code: 'FORBIDDEN', message: '只有民政工作人员、社会组织和监督审计人员可以查看购买服务资金' } })), zh, null);
    expect(refused).toEqual({ problem: '只有民政工作人员、社会组织和监督审计人员可以查看购买服务资金' });
    expect(await fetchFundingReport(async () => response(502, '<html>'), zh, null)).toEqual({ problem: '导出失败（502），请稍后重试。' });
  });
});
