import { Flex, Input, Progress, Select, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ContractFiguresFieldsFragment, ContractStatus, ContractUnit, DeliveryStatus, InvoiceStatus } from '../../gql/graphql';
import {
  contractStatusColor,
  contractStatusLabel,
  contractUnitShort,
  deliveryStatusColor,
  deliveryStatusLabel,
  invoiceStatusColor,
  invoiceStatusLabel,
} from '../../labels';
import { formatFen, minutesToHours, parseYuan, percent } from './money';

// Every funding mutation changes balances that several views show (a line's
// available money, a contract's figures, the report), so each one asks every
// query that holds any of these types to be read again. The report, which
// holds all of them, names them for the same reason.
export const fundingChange = {
  additionalTypenames: ['BudgetLine', 'Contract', 'ContractFigures', 'Authorisation', 'Delivery', 'PendingDelivery', 'Invoice', 'Payment', 'FundingReport'],
};

// Lists that can be empty name their types, so that a change to them reaches the query.
export const pendingContext = { additionalTypenames: ['PendingDelivery', 'Delivery'] };
export const contractsContext = { additionalTypenames: ['Contract'] };
export const invoicesContext = { additionalTypenames: ['Invoice', 'Payment'] };
export const budgetContext = { additionalTypenames: ['BudgetLine'] };

export function Money({ fen, testId }: { fen: number | null | undefined; testId?: string }) {
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId}>
      {formatFen(fen)}
    </span>
  );
}

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={contractStatusColor[status]} data-testid="contract-status" data-status={status}>
      {contractStatusLabel(t, status)}
    </Tag>
  );
}

export function InvoiceStatusTag({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={invoiceStatusColor[status]} data-testid="invoice-status" data-status={status}>
      {invoiceStatusLabel(t, status)}
    </Tag>
  );
}

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={deliveryStatusColor[status]} data-testid="delivery-status" data-status={status}>
      {deliveryStatusLabel(t, status)}
    </Tag>
  );
}

// A count in the contract's unit: "300 小时", "12 次", "30 人".
export function unitCount(t: TFunction, unit: ContractUnit, n: number): string {
  return t(`purchase.count.${unit}`, { count: n });
}

export function unitPriceText(t: TFunction, unit: ContractUnit, fen: number): string {
  return t('purchase.unitPrice', { price: formatFen(fen), unit: contractUnitShort(t, unit) });
}

// Authorised and used units; for service hours the API counts use in minutes.
export function usedUnitsText(t: TFunction, unit: ContractUnit, used: number, units: number): string {
  const usedText = unit === 'SERVICE_HOUR' ? minutesToHours(used) : String(used);
  return t('purchase.usedOf', { used: usedText, units: unitCount(t, unit, units) });
}

// Delivered against what the schedule expects by today, flagged when more than a fifth behind.
export function ContractProgress({ figures }: { figures: Pick<ContractFiguresFieldsFragment, 'progress' | 'expected' | 'underDelivering'> }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={0} style={{ minWidth: 160 }} data-testid="contract-progress">
      <Progress
        percent={percent(figures.progress)}
        size="small"
        status={figures.underDelivering ? 'exception' : 'normal'}
        style={{ margin: 0 }}
      />
      <Flex gap={4} align="center" wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('purchase.expected', { percent: percent(figures.expected) })}
        </Typography.Text>
        {figures.underDelivering ? (
          <Tag color="red" data-testid="under-delivering" style={{ marginInlineEnd: 0 }}>
            {t('purchase.underDelivering')}
          </Tag>
        ) : null}
      </Flex>
    </Flex>
  );
}

interface YuanInputProps {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  placeholder?: string;
  'data-testid'?: string;
}

// An amount typed in yuan; the form keeps the text and converts it on submit.
export function YuanInput({ value, onChange, id, placeholder, ...rest }: YuanInputProps) {
  const { t } = useTranslation();
  return (
    <Input
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      prefix="¥"
      suffix={t('purchase.yuan')}
      inputMode="decimal"
      autoComplete="off"
      placeholder={placeholder ?? t('purchase.amountPlaceholder')}
      data-testid={rest['data-testid']}
    />
  );
}

// The form rule for a YuanInput: the same reading as parseYuan, with a message that says what to fix.
export function yuanRule(t: TFunction, options: { maxFen?: number; maxMessage?: string } = {}): Rule {
  return {
    validator: (_, v: string | undefined) => {
      const r = parseYuan(v ?? '');
      if (!r.ok) return Promise.reject(new Error(t(`purchase.amountProblem.${r.problem}`)));
      if (options.maxFen !== undefined && r.fen > options.maxFen) return Promise.reject(new Error(options.maxMessage ?? t('purchase.amountProblem.tooLarge')));
      return Promise.resolve();
    },
  };
}

// Fiscal years the API accepts for a budget line: five back, two ahead.
export function fiscalYears(today = dayjs()): number[] {
  const y = today.year();
  return Array.from({ length: 8 }, (_, i) => y + 2 - i);
}

// A year, or every year when cleared.
export function YearSelect({ value, onChange, testId }: { value: number | null; onChange: (year: number | null) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Select<number | 'all'>
      value={value ?? 'all'}
      onChange={(v) => onChange(v === 'all' ? null : v)}
      options={[{ value: 'all' as const, label: t('purchase.allYears') }, ...fiscalYears().map((y) => ({ value: y, label: t('purchase.yearLabel', { year: y }) }))]}
      style={{ width: 140 }}
      data-testid={testId}
      aria-label={t('purchase.year')}
    />
  );
}

// Contracts money may still be recorded against.
export function isLiveContract(status: ContractStatus): boolean {
  return status === 'SIGNED' || status === 'ACTIVE';
}
