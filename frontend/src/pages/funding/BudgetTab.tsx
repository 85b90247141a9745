import { useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { BudgetLineFieldsFragment, Category, FundingSource } from '../../gql/graphql';
import { useSession, type Me } from '../../auth/session';
import CategorySelect, { CategoryTags } from '../../components/CategorySelect';
import { errorField, errorMessage } from '../../graphql/errors';
import { BudgetLinesQuery, CreateBudgetLineMutation } from '../../graphql/funding';
import { allFundingSources, areaName, formatTime, fundingSourceLabel } from '../../labels';
import { fundingManagerRoles, hasAnyRole } from '../../nav';
import { Money, YearSelect, YuanInput, budgetContext, fiscalYears, fundingChange, yuanRule } from './FundingParts';
import { formatFen, parseYuan } from './money';


type FunderArea = NonNullable<Me['grants'][number]['area']>;

// Budget lines are set by a civil-affairs bureau of the city or a district:
// the areas where the viewer is civil-affairs staff at one of those levels.
export function funderAreas(me: Pick<Me, 'grants'> | null): FunderArea[] {
  const seen = new Set<string>();
  const out: FunderArea[] = [];
  for (const g of me?.grants ?? []) {
    const a = g.area;
    if (g.role !== 'CIVIL_AFFAIRS' || !a || (a.level !== 'CITY' && a.level !== 'DISTRICT') || seen.has(a.id)) continue;
    seen.add(a.id);
    out.push(a);
  }
  return out;
}

interface BudgetForm {
  name: string;
  funderId: string;
  fiscalYear: number;
  source: FundingSource;
  amount: string;
  purpose: Category[];
}

const formFields = ['name', 'funderId', 'fiscalYear', 'source', 'amount', 'purpose'];

function CreateBudgetLineModal({ open, onClose, funders }: { open: boolean; onClose: () => void; funders: FunderArea[] }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<BudgetForm>();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateBudgetLineMutation);

  const save = async (v: BudgetForm, fen: number) => {
    setFailure(null);
    const r = await create(
      { input: { name: v.name.trim(), funderId: v.funderId, fiscalYear: v.fiscalYear, source: v.source, amount: fen, purpose: v.purpose } },
      fundingChange,
    );
    if (r.error) {
      const field = errorField(r.error);
      if (field && formFields.includes(field)) form.setFields([{ name: field as keyof BudgetForm, errors: [errorMessage(r.error, t)] }]);
      else setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t('purchase.budgetCreated'));
    onClose();
  };

  // Appropriating money is recorded in the ledger for good, so it is confirmed first.
  const submit = async () => {
    let v: BudgetForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const parsed = parseYuan(v.amount);
    if (!parsed.ok) return;
    const funder = funders.find((f) => f.id === v.funderId);
    modal.confirm({
      title: t('purchase.budgetConfirmTitle'),
      content: t('purchase.budgetConfirm', {
        name: v.name.trim(),
        funder: funder ? areaName(i18n, funder) : '',
        year: v.fiscalYear,
        amount: formatFen(parsed.fen),
      }),
      okText: t('purchase.createBudget'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'budget-confirm-ok' },
      onOk: () => save(v, parsed.fen),
    });
  };

  return (
    <Modal
      open={open}
      title={t('purchase.newBudget')}
      okText={t('purchase.createBudget')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'budget-submit' }}
      confirmLoading={fetching}
      onOk={() => void submit()}
      onCancel={() => !fetching && onClose()}
      destroyOnHidden
      width={560}
    >
      <Form<BudgetForm>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="budget-form"
        initialValues={{ funderId: funders[0]?.id, fiscalYear: dayjs().year(), source: funders[0]?.level === 'CITY' ? 'CITY' : 'DISTRICT' }}
      >
        {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} role="alert" /> : null}
        <Form.Item name="name" label={t('purchase.budgetName')} rules={[{ required: true, whitespace: true, message: t('purchase.budgetNameRequired') }, { max: 100 }]}>
          <Input maxLength={100} placeholder={t('purchase.budgetNamePlaceholder')} data-testid="budget-name" />
        </Form.Item>
        <Form.Item name="funderId" label={t('purchase.funder')} rules={[{ required: true, message: t('purchase.funderRequired') }]} extra={t('purchase.funderHint')}>
          <Select options={funders.map((a) => ({ value: a.id, label: areaName(i18n, a) }))} data-testid="budget-funder" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="fiscalYear" label={t('purchase.fiscalYear')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
            <Select options={fiscalYears().map((y) => ({ value: y, label: t('purchase.yearLabel', { year: y }) }))} data-testid="budget-year" />
          </Form.Item>
          <Form.Item name="source" label={t('purchase.source')} rules={[{ required: true, message: t('purchase.sourceRequired') }]} style={{ flex: '1 1 180px' }}>
            <Select options={allFundingSources.map((s) => ({ value: s, label: fundingSourceLabel(t, s) }))} data-testid="budget-source" />
          </Form.Item>
        </Flex>
        <Form.Item name="amount" label={t('purchase.budgetAmount')} required rules={[yuanRule(t)]} extra={t('purchase.amountHint')}>
          <YuanInput data-testid="budget-amount" />
        </Form.Item>
        <Form.Item name="purpose" label={t('purchase.purpose')} rules={[{ required: true, type: 'array', min: 1, message: t('purchase.purposeRequired') }]}>
          <CategorySelect data-testid="budget-purpose" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// The bureau's budget lines for a year: what was appropriated and what is not yet committed to a contract.
export default function BudgetTab() {
  const { t, i18n } = useTranslation();
  const { me, roles } = useSession();
  const [year, setYear] = useState<number | null>(dayjs().year());
  const [creating, setCreating] = useState(false);
  const funders = useMemo(() => funderAreas(me), [me]);
  const canCreate = hasAnyRole(roles, fundingManagerRoles) && funders.length > 0;
  const [{ data, fetching, error }] = useQuery({ query: BudgetLinesQuery, variables: { year }, context: budgetContext, requestPolicy: 'cache-and-network' });
  const rows = data?.budgetLines ?? [];
  return (
    <>
      <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <Flex gap={8} align="center">
          <Typography.Text>{t('purchase.year')}</Typography.Text>
          <YearSelect value={year} onChange={setYear} testId="budget-year-filter" />
        </Flex>
        {canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-budget">
            {t('purchase.newBudget')}
          </Button>
        ) : null}
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Table<BudgetLineFieldsFragment>
        rowKey="id"
        dataSource={rows}
        loading={fetching && !data}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('purchase.noBudgets') }}
        data-testid="budget-table"
        columns={[
          { title: t('purchase.budgetName'), key: 'name', render: (_, r) => <span data-testid="budget-line-name">{r.name}</span> },
          { title: t('purchase.funder'), key: 'funder', render: (_, r) => areaName(i18n, r.funder) },
          { title: t('purchase.fiscalYear'), dataIndex: 'fiscalYear', key: 'fiscalYear' },
          { title: t('purchase.source'), key: 'source', render: (_, r) => fundingSourceLabel(t, r.source) },
          { title: t('purchase.budgetAmount'), key: 'amount', align: 'right', render: (_, r) => <Money fen={r.amount} testId="budget-amount-cell" /> },
          { title: t('purchase.available'), key: 'available', align: 'right', render: (_, r) => <Money fen={r.available} testId="budget-available" /> },
          { title: t('purchase.purpose'), key: 'purpose', render: (_, r) => <CategoryTags categories={r.purpose} /> },
          { title: t('purchase.createdAt'), key: 'createdAt', responsive: ['lg'], render: (_, r) => formatTime(t, r.createdAt) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) => (
              <Link to={`/funding?tab=contracts&line=${r.id}`} data-testid="budget-contracts">
                {t('purchase.viewContracts')}
              </Link>
            ),
          },
        ]}
      />
      {canCreate ? <CreateBudgetLineModal open={creating} onClose={() => setCreating(false)} funders={funders} /> : null}
    </>
  );
}
