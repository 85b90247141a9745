import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { CheckOutlined, ExclamationCircleOutlined, FileAddOutlined, PayCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { InvoiceDecision, InvoiceFieldsFragment, InvoiceStatus } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import DateInput from '../../components/DateInput';
import NoteConfirm from '../../components/NoteConfirm';
import { errorField, errorMessage } from '../../graphql/errors';
import CursorPager, { useCursorPages } from '../../components/CursorPager';
import { ContractOptionsQuery, DecideInvoiceMutation, InvoicesQuery, RecordPaymentMutation, SubmitInvoiceMutation } from '../../graphql/funding';
import { allInvoiceStatuses, dateFormat, formatDate, formatTime, invoiceStatusLabel } from '../../labels';
import { hasAnyRole, invoicerRoles } from '../../nav';
import { InvoiceStatusTag, Money, YuanInput, contractsContext, fundingChange, invoicesContext, yuanRule } from './FundingParts';
import { fenToYuan, formatFen, newIdempotencyKey, parseYuan } from './money';

interface PaymentForm {
  amount: string;
  paidOn: Dayjs;
  reference?: string;
}

// Mounted afresh each time it opens, so each opening has one idempotency key:
// a double click or a retry after a lost answer records the payment once.
function PaymentModal({ invoice, onClose }: { invoice: InvoiceFieldsFragment; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PaymentForm>();
  const [key] = useState(() => newIdempotencyKey());
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, pay] = useMutation(RecordPaymentMutation);
  const unpaid = invoice.amount - invoice.paid;

  const submit = async () => {
    if (fetching) return;
    let v: PaymentForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const amount = parseYuan(v.amount);
    if (!amount.ok) return;
    setFailure(null);
    const r = await pay(
      { input: { invoiceId: invoice.id, amount: amount.fen, idempotencyKey: key, reference: v.reference?.trim() || null, paidOn: v.paidOn.format(dateFormat) } },
      fundingChange,
    );
    if (r.error) {
      const field = errorField(r.error);
      if (field === 'amount' || field === 'paidOn' || field === 'reference') form.setFields([{ name: field, errors: [errorMessage(r.error, t)] }]);
      else setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t('purchase.paymentRecorded', { amount: formatFen(amount.fen) }));
    onClose();
  };

  return (
    <Modal
      open
      title={t('purchase.paymentTitle')}
      okText={t('purchase.recordPayment')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'payment-submit' }}
      confirmLoading={fetching}
      onOk={() => void submit()}
      onCancel={() => !fetching && onClose()}
      maskClosable={!fetching}
    >
      <Form<PaymentForm>
        form={form}
        layout="vertical"
        data-testid="payment-form"
        initialValues={{ amount: fenToYuan(unpaid), paidOn: dayjs() }}
      >
        <Typography.Paragraph type="secondary">
          {t('purchase.paymentHint', { contract: invoice.contractTitle, amount: formatFen(invoice.amount), paid: formatFen(invoice.paid), unpaid: formatFen(unpaid) })}
        </Typography.Paragraph>
        {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} role="alert" /> : null}
        <Form.Item name="amount" label={t('purchase.paymentAmount')} required rules={[yuanRule(t, { maxFen: unpaid, maxMessage: t('purchase.overUnpaid', { amount: formatFen(unpaid) }) })]}>
          <YuanInput data-testid="payment-amount" />
        </Form.Item>
        <Form.Item name="paidOn" label={t('purchase.paidOn')} rules={[{ required: true, message: t('purchase.paidOnRequired') }]}>
          <DateInput disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="reference" label={t('purchase.reference')}>
          <Input maxLength={100} placeholder={t('purchase.referencePlaceholder')} data-testid="payment-reference" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecideActions({ invoice }: { invoice: InvoiceFieldsFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ fetching }, decide] = useMutation(DecideInvoiceMutation);
  const run = async (decision: InvoiceDecision, reason: string) => {
    const r = await decide({ id: invoice.id, decision, reason: reason || null }, fundingChange);
    if (r.error) {
      message.error(errorMessage(r.error, t));
      return false;
    }
    message.success(t(`purchase.decided.${decision}`));
    return true;
  };
  return (
    <>
      <Popconfirm
        title={t('purchase.acceptConfirm', { amount: formatFen(invoice.amount) })}
        okText={t('purchase.accept')}
        cancelText={t('common.cancel')}
        onConfirm={() => run('ACCEPT', '')}
        okButtonProps={{ 'data-testid': 'accept-invoice-ok' }}
      >
        <Button type="primary" size="small" icon={<CheckOutlined />} loading={fetching} data-testid="accept-invoice">
          {t('purchase.accept')}
        </Button>
      </Popconfirm>
      <NoteConfirm
        title={t('purchase.rejectTitle')}
        description={t('purchase.rejectHint')}
        placeholder={t('purchase.reason')}
        okText={t('purchase.reject')}
        danger
        onConfirm={(reason) => run('REJECT', reason)}
        testId="reject-invoice"
      >
        <Button size="small" danger icon={<RollbackOutlined />} data-testid="reject-invoice">
          {t('purchase.reject')}
        </Button>
      </NoteConfirm>
      {/* A disputed invoice is settled by accepting or rejecting it, not disputed again. */}
      {invoice.status === 'SUBMITTED' ? (
        <NoteConfirm
          title={t('purchase.disputeTitle')}
          description={t('purchase.disputeHint')}
          placeholder={t('purchase.reason')}
          okText={t('purchase.dispute')}
          onConfirm={(reason) => run('DISPUTE', reason)}
          testId="dispute-invoice"
        >
          <Button size="small" icon={<ExclamationCircleOutlined />} data-testid="dispute-invoice">
            {t('purchase.dispute')}
          </Button>
        </NoteConfirm>
      ) : null}
    </>
  );
}

interface InvoiceTableProps {
  invoices: readonly InvoiceFieldsFragment[];
  loading: boolean;
  showContract?: boolean;
  // Whether the viewer may pay invoices of this contract (civil affairs of its funder).
}

export function InvoiceTable({ invoices, loading, showContract = true }: InvoiceTableProps) {
  const { t } = useTranslation();
  const [paying, setPaying] = useState<InvoiceFieldsFragment | null>(null);
  const acts = (r: InvoiceFieldsFragment) => r.canDecide || r.canPay;
  const anyActs = invoices.some(acts);
  return (
    <>
      <Table<InvoiceFieldsFragment>
        rowKey="id"
        size={showContract ? 'middle' : 'small'}
        dataSource={[...invoices]}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('purchase.noInvoices') }}
        data-testid="invoices-table"
        columns={[
          ...(showContract
            ? [
                {
                  title: t('purchase.contract'),
                  key: 'contract',
                  render: (_: unknown, r: InvoiceFieldsFragment) => (
                    <Space direction="vertical" size={0}>
                      <Link to={`/funding/contract/${r.contractId}`}>{r.contractTitle}</Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.organisation.name}
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]
            : []),
          { title: t('purchase.invoicePeriod'), key: 'period', render: (_, r) => `${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)}` },
          { title: t('purchase.amount'), key: 'amount', align: 'right', render: (_, r) => <Money fen={r.amount} testId="invoice-amount" /> },
          { title: t('purchase.paid'), key: 'paid', align: 'right', render: (_, r) => <Money fen={r.paid} testId="invoice-paid" /> },
          {
            title: t('purchase.status'),
            key: 'status',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <InvoiceStatusTag status={r.status} />
                {r.reason ? (
                  <Typography.Text type={r.status === 'REJECTED' || r.status === 'DISPUTED' ? 'danger' : 'secondary'} style={{ maxWidth: 240 }} data-testid="invoice-reason">
                    {r.reason}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          { title: t('purchase.submittedAt'), key: 'submittedAt', render: (_, r) => formatTime(t, r.submittedAt) },
          { title: t('purchase.decidedAt'), key: 'decidedAt', responsive: ['lg'], render: (_, r) => (r.decidedAt ? formatTime(t, r.decidedAt) : '—') },
          ...(anyActs
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: InvoiceFieldsFragment) => (
                    <Flex gap={8} wrap>
                      {r.canDecide ? <DecideActions invoice={r} /> : null}
                      {r.canPay ? (
                        <Button size="small" type="primary" icon={<PayCircleOutlined />} onClick={() => setPaying(r)} data-testid="record-payment">
                          {t('purchase.recordPayment')}
                        </Button>
                      ) : null}
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      {paying ? <PaymentModal invoice={paying} onClose={() => setPaying(null)} /> : null}
    </>
  );
}

interface InvoiceForm {
  contractId: string;
  period: [Dayjs, Dayjs];
}

// Organisation staff claim the verified, not yet invoiced deliveries of a period.
function SubmitInvoiceModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InvoiceForm>();
  const [failure, setFailure] = useState<string | null>(null);
  // An organisation has a handful of contracts; one page holds them all.
  const [contracts] = useQuery({ query: ContractOptionsQuery, variables: { first: 100 }, context: contractsContext, pause: !open });
  const [{ fetching }, submitInvoice] = useMutation(SubmitInvoiceMutation);
  const mine = (contracts.data?.contracts.edges.map((e) => e.node) ?? []).filter((c) => c.canInvoice && c.status !== 'DRAFT');

  const pickContract = (id: string) => {
    const c = mine.find((x) => x.id === id);
    if (!c) return;
    // The whole contract period up to today: everything verified so far.
    const start = dayjs(c.startsOn);
    const end = dayjs().isBefore(dayjs(c.endsOn)) ? dayjs() : dayjs(c.endsOn);
    form.setFieldValue('period', [start, end.isBefore(start) ? start : end]);
  };

  const submit = async () => {
    let v: InvoiceForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setFailure(null);
    const r = await submitInvoice({ contractId: v.contractId, periodFrom: v.period[0].format(dateFormat), periodTo: v.period[1].format(dateFormat) }, fundingChange);
    if (r.error) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t('purchase.invoiceSubmitted', { amount: formatFen(r.data?.submitInvoice.amount ?? 0) }));
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('purchase.newInvoice')}
      okText={t('purchase.submitInvoice')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'invoice-submit' }}
      confirmLoading={fetching}
      onOk={() => void submit()}
      onCancel={() => !fetching && onClose()}
      destroyOnHidden
    >
      <Form<InvoiceForm> form={form} layout="vertical" preserve={false} data-testid="invoice-form">
        <Typography.Paragraph type="secondary">{t('purchase.invoiceHint')}</Typography.Paragraph>
        {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} role="alert" data-testid="invoice-failure" /> : null}
        {contracts.error ? <Alert type="error" showIcon message={errorMessage(contracts.error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
        <Form.Item name="contractId" label={t('purchase.contract')} rules={[{ required: true, message: t('purchase.contractRequired') }]}>
          <Select
            loading={contracts.fetching}
            options={mine.map((c) => ({ value: c.id, label: c.title }))}
            onChange={pickContract}
            showSearch
            optionFilterProp="label"
            placeholder={t('purchase.chooseContract')}
            notFoundContent={contracts.fetching ? null : t('purchase.noInvoicableContracts')}
            data-testid="invoice-contract"
          />
        </Form.Item>
        <Form.Item name="period" label={t('purchase.invoicePeriod')} rules={[{ required: true, message: t('purchase.periodRequired') }]}>
          <DatePicker.RangePicker format={dateFormat} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="invoice-period" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// Invoices the viewer may see: organisations submit them, civil affairs decide and pay, auditors read.
const pageSize = 20;

export default function InvoicesTab() {
  const { t } = useTranslation();
  const { roles } = useSession();
  const [statuses, setStatuses] = useState<InvoiceStatus[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const canSubmit = hasAnyRole(roles, invoicerRoles);
  const pages = useCursorPages();
  const [{ data, fetching, error }] = useQuery({
    query: InvoicesQuery,
    variables: { contractId: null, statuses: statuses.length ? statuses : null, first: pageSize, after: pages.after },
    context: invoicesContext,
    requestPolicy: 'cache-and-network',
  });
  const conn = data?.invoices;
  return (
    <>
      <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <Select<InvoiceStatus[]>
          mode="multiple"
          allowClear
          value={statuses}
          onChange={(next) => {
            setStatuses(next);
            pages.reset();
          }}
          placeholder={t('purchase.allStatuses')}
          options={allInvoiceStatuses.map((s) => ({ value: s, label: invoiceStatusLabel(t, s) }))}
          style={{ minWidth: 240, maxWidth: '100%' }}
          data-testid="invoice-status-filter"
        />
        {canSubmit ? (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setSubmitting(true)} data-testid="create-invoice">
            {t('purchase.newInvoice')}
          </Button>
        ) : null}
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <InvoiceTable invoices={conn?.edges.map((e) => e.node) ?? []} loading={fetching && !data} />
      <CursorPager pages={pages} conn={conn} fetching={fetching} testId="invoices-total" />
      {canSubmit ? <SubmitInvoiceModal open={submitting} onClose={() => setSubmitting(false)} /> : null}
    </>
  );
}
