import type { TFunction } from 'i18next';
import type { Category, ContractStatus } from '../../gql/graphql';
import { fileNameFrom } from '../hours/certificate';
import { fenToYuanNumber, formatFen } from './money';

// The workbook of the funding report; same origin, so the session cookie goes with it.
export function fundingReportUrl(year: number | null): string {
  return year ? `/reports/funding.xlsx?year=${year}` : '/reports/funding.xlsx';
}

interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  blob(): Promise<Blob>;
  text(): Promise<string>;
}

type Fetch = (url: string, init?: RequestInit) => Promise<ResponseLike>;

// The server refuses with {"error":{"code","message"}}; its words are shown.
export async function fetchFundingReport(fetchFn: Fetch, t: TFunction, year: number | null): Promise<{ blob: Blob; fileName: string } | { problem: string }> {
  let res: ResponseLike;
  try {
    res = await fetchFn(fundingReportUrl(year), { credentials: 'include' });
  } catch {
    return { problem: t('error.network') };
  }
  if (res.status !== 200) {
    const text = await res.text().catch(() => '');
    try {
      const body = JSON.parse(text) as { error?: { message?: unknown } };
      if (typeof body.error?.message === 'string' && body.error.message) return { problem: body.error.message };
    } catch {
      // Not JSON: our own words below.
    }
    return { problem: t('purchase.exportFailed', { status: res.status }) };
  }
  const fallback = year ? `funding-report-${year}.xlsx` : 'funding-report.xlsx';
  return { blob: await res.blob(), fileName: fileNameFrom(res.headers.get('Content-Disposition'), fallback) };
}

export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the address is let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface ContractBars {
  title: string;
  status: ContractStatus;
  value: number;
  figures: { delivered: number; paid: number };
}

// Bars of committed, delivered and paid money per contract, in yuan; the
// tooltip writes each amount the way the tables do. Drafts commit nothing.
export function contractChartOption(t: TFunction, contracts: readonly ContractBars[]) {
  const committed = (c: ContractBars) => (c.status === 'DRAFT' ? 0 : c.value);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatFen(Math.round(v * 100)) },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: contracts.map((c) => c.title), axisLabel: { interval: 0, width: 120, overflow: 'truncate' } },
    yAxis: { type: 'value', name: t('purchase.chartYuan') },
    series: [
      { name: t('purchase.committed'), type: 'bar', barMaxWidth: 40, data: contracts.map((c) => fenToYuanNumber(committed(c))) },
      { name: t('purchase.delivered'), type: 'bar', barMaxWidth: 40, data: contracts.map((c) => fenToYuanNumber(c.figures.delivered)) },
      { name: t('purchase.paid'), type: 'bar', barMaxWidth: 40, data: contracts.map((c) => fenToYuanNumber(c.figures.paid)) },
    ],
  };
}

export interface DistrictRow {
  district: { id: string };
  category: Category;
  spent: number;
  unmet: number;
}

// Spend and unmet needs per category, added up over the districts chosen
// (all when none is): where money went against where needs still wait.
export function spendByCategory(rows: readonly DistrictRow[], districtId?: string | null): { category: Category; spent: number; unmet: number }[] {
  const by = new Map<Category, { category: Category; spent: number; unmet: number }>();
  for (const r of rows) {
    if (districtId && r.district.id !== districtId) continue;
    const cur = by.get(r.category) ?? { category: r.category, spent: 0, unmet: 0 };
    cur.spent += r.spent;
    cur.unmet += r.unmet;
    by.set(r.category, cur);
  }
  return [...by.values()].sort((a, b) => b.spent - a.spent || b.unmet - a.unmet);
}

export function districtChartOption(t: TFunction, label: (c: Category) => string, totals: ReturnType<typeof spendByCategory>) {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: totals.map((r) => label(r.category)), axisLabel: { interval: 0, rotate: totals.length > 5 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: t('purchase.chartYuan') },
      { type: 'value', name: t('purchase.chartNeeds'), minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('purchase.spent'),
        type: 'bar',
        barMaxWidth: 40,
        data: totals.map((r) => fenToYuanNumber(r.spent)),
        tooltip: { valueFormatter: (v: number) => formatFen(Math.round(v * 100)) },
      },
      { name: t('purchase.unmet'), type: 'bar', barMaxWidth: 40, yAxisIndex: 1, data: totals.map((r) => r.unmet) },
    ],
  };
}
