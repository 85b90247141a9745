import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { Category, ContractRowFragment, ContractUnit } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import { errorField, errorMessage } from '../../graphql/errors';
import { BudgetLinesQuery, ContractsQuery, CreateContractMutation, FundingOrganisationOptionsQuery } from '../../graphql/funding';
import { allContractUnits, categoryLabel, contractUnitLabel, dateFormat, formatDate, orgKindLabel } from '../../labels';
import { budgetReaderRoles, fundingManagerRoles, hasAnyRole } from '../../nav';
import CursorPager, { useCursorPages } from '../../components/CursorPager';
import ContractActions from './ContractActions';
import { ContractProgress, ContractStatusTag, Money, YuanInput, budgetContext, contractsContext, fundingChange, unitCount, unitPriceText, yuanRule } from './FundingParts';
import { formatFen, multiplyFen, parseYuan } from './money';


// Organisations that may be contracted: verified ones, found by name.
function OrganisationSelect({ value, onChange, id }: { value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const [{ data, fetching }] = useQuery({ query: FundingOrganisationOptionsQuery, variables: { search: search || null } });
  const options = (data?.organisations.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: t('grant.scopeFormat', { name: node.name, kind: orgKindLabel(t, node.kind) }),
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={fetching}
      showSearch
      filterOption={false}
      onSearch={setTyped}
      placeholder={t('purchase.searchOrganisation')}
      notFoundContent={fetching ? null : t('purchase.noOrganisation')}
      data-testid="contract-organisation"
    />
  );
}

interface ContractForm {
  budgetLineId: string;
  organisationId: string;
  title: string;
  categories: Category[];
  unit: ContractUnit;
  unitPrice: string;
  quantity: number;
  period: [Dayjs, Dayjs];
  targets?: string;
}

// API field names that belong to one field of the form.
const fieldFor: Record<string, keyof ContractForm> = {
  budgetLineId: 'budgetLineId',
  organisationId: 'organisationId',
  title: 'title',
  categories: 'categories',
  unit: 'unit',
  unitPrice: 'unitPrice',
  quantity: 'quantity',
  startsOn: 'period',
  endsOn: 'period',
  targets: 'targets',
};

function CreateContractModal({ open, onClose, budgetLineId }: { open: boolean; onClose: () => void; budgetLineId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContractForm>();
  const [failure, setFailure] = useState<string | null>(null);
  const [lines] = useQuery({ query: BudgetLinesQuery, variables: { year: null }, context: budgetContext, pause: !open });
  const [{ fetching }, create] = useMutation(CreateContractMutation);
  const lineId = Form.useWatch('budgetLineId', form);
  const price = Form.useWatch('unitPrice', form);
  const quantity = Form.useWatch('quantity', form);
  const unit = Form.useWatch('unit', form);
  const line = lines.data?.budgetLines.find((l) => l.id === lineId);
  const parsedPrice = parseYuan(price ?? '');
  const value = parsedPrice.ok && quantity ? multiplyFen(parsedPrice.fen, quantity) : null;

  const submit = async () => {
    let v: ContractForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const unitPrice = parseYuan(v.unitPrice);
    if (!unitPrice.ok) return;
    setFailure(null);
    const r = await create(
      {
        input: {
          budgetLineId: v.budgetLineId,
          organisationId: v.organisationId,
          title: v.title.trim(),
          categories: v.categories,
          unit: v.unit,
          unitPrice: unitPrice.fen,
          quantity: v.quantity,
          startsOn: v.period[0].format(dateFormat),
          endsOn: v.period[1].format(dateFormat),
          targets: v.targets?.trim() || null,
        },
      },
      fundingChange,
    );
    if (r.error) {
      const field = fieldFor[errorField(r.error) ?? ''];
      if (field) form.setFields([{ name: field, errors: [errorMessage(r.error, t)] }]);
      else setFailure(errorMessage(r.error, t));
      return;
    }
    message.success(t('purchase.contractCreated'));
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('purchase.newContract')}
      okText={t('purchase.createContract')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'contract-submit' }}
      confirmLoading={fetching}
      onOk={() => void submit()}
      onCancel={() => !fetching && onClose()}
      destroyOnHidden
      width={640}
    >
      <Form<ContractForm> form={form} layout="vertical" preserve={false} data-testid="contract-form" initialValues={{ budgetLineId, unit: 'SERVICE_HOUR' }}>
        <Typography.Paragraph type="secondary">{t('purchase.contractHint')}</Typography.Paragraph>
        {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} role="alert" /> : null}
        {lines.error ? <Alert type="error" showIcon message={errorMessage(lines.error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
        <Form.Item
          name="budgetLineId"
          label={t('purchase.budgetLine')}
          rules={[{ required: true, message: t('purchase.budgetLineRequired') }]}
          extra={line ? t('purchase.lineAvailable', { amount: formatFen(line.available) }) : undefined}
        >
          <Select
            loading={lines.fetching}
            options={(lines.data?.budgetLines ?? []).map((l) => ({ value: l.id, label: `${l.name}（${t('purchase.availableShort', { amount: formatFen(l.available) })}）` }))}
            onChange={(id: string) => {
              // Keep only the categories the newly chosen line may pay for.
              const purpose = lines.data?.budgetLines.find((l) => l.id === id)?.purpose ?? [];
              const chosen: Category[] = form.getFieldValue('categories') ?? [];
              const kept = chosen.filter((c) => purpose.includes(c));
              if (kept.length !== chosen.length) form.setFieldValue('categories', kept);
            }}
            showSearch
            optionFilterProp="label"
            placeholder={t('purchase.chooseBudgetLine')}
            data-testid="contract-budget-line"
          />
        </Form.Item>
        <Form.Item name="organisationId" label={t('purchase.organisation')} rules={[{ required: true, message: t('purchase.organisationRequired') }]}>
          <OrganisationSelect />
        </Form.Item>
        <Form.Item name="title" label={t('purchase.contractTitle')} rules={[{ required: true, whitespace: true, message: t('purchase.contractTitleRequired') }]}>
          <Input maxLength={100} data-testid="contract-title" />
        </Form.Item>
        <Form.Item
          name="categories"
          label={t('purchase.categories')}
          rules={[{ required: true, type: 'array', min: 1, message: t('purchase.categoriesRequired') }]}
          extra={line ? undefined : t('purchase.categoriesHint')}
        >
          {/* Only what the budget line may be spent on; the server holds to the same. */}
          <Select
            mode="multiple"
            options={(line?.purpose ?? []).map((c) => ({ value: c, label: categoryLabel(t, c) }))}
            optionFilterProp="label"
            disabled={!line}
            data-testid="contract-categories"
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="unit" label={t('purchase.unit')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
            <Select options={allContractUnits.map((u) => ({ value: u, label: contractUnitLabel(t, u) }))} data-testid="contract-unit" />
          </Form.Item>
          <Form.Item name="unitPrice" label={t('purchase.unitPriceLabel')} required rules={[yuanRule(t)]} style={{ flex: '1 1 160px' }}>
            <YuanInput data-testid="contract-price" />
          </Form.Item>
          <Form.Item
            name="quantity"
            label={t('purchase.quantity')}
            rules={[{ required: true, type: 'integer', min: 1, max: 10_000_000, message: t('purchase.quantityRequired') }]}
            style={{ flex: '1 1 120px' }}
          >
            <InputNumber min={1} max={10_000_000} precision={0} style={{ width: '100%' }} data-testid="contract-quantity" />
          </Form.Item>
        </Flex>
        <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="contract-value">
          <Typography.Text>
            {t('common.labelValue', { label: t('purchase.contractValue'), value: value !== null ? formatFen(value) : '—' })}
            {unit && quantity ? `（${unitCount(t, unit, quantity)}）` : ''}
          </Typography.Text>
          {line && value !== null && value > line.available ? (
            <Typography.Text type="warning">{t('purchase.overAvailable', { amount: formatFen(line.available) })}</Typography.Text>
          ) : null}
        </Flex>
        <Form.Item name="period" label={t('purchase.period')} rules={[{ required: true, message: t('purchase.periodRequired') }]}>
          <DatePicker.RangePicker format={dateFormat} style={{ width: '100%' }} data-testid="contract-period" />
        </Form.Item>
        <Form.Item name="targets" label={t('purchase.targets')}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('purchase.targetsPlaceholder')} data-testid="contract-targets" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// Contracts the viewer may see; civil affairs draft and sign them here.
const pageSize = 20;

export default function ContractsTab() {
  const { t } = useTranslation();
  const { roles } = useSession();
  const [params, setParams] = useSearchParams();
  const lineId = params.get('line') ?? undefined;
  const [creating, setCreating] = useState(false);
  const canCreate = hasAnyRole(roles, fundingManagerRoles);
  const seesBudgets = hasAnyRole(roles, budgetReaderRoles);
  const pages = useCursorPages();
  const [{ data, fetching, error }] = useQuery({
    query: ContractsQuery,
    variables: { budgetLineId: lineId ?? null, first: pageSize, after: pages.after },
    context: contractsContext,
    requestPolicy: 'cache-and-network',
  });
  const [lines] = useQuery({ query: BudgetLinesQuery, variables: { year: null }, context: budgetContext, pause: !seesBudgets });
  const conn = data?.contracts;
  const rows = conn?.edges.map((e) => e.node) ?? [];
  const lineOptions = useMemo(() => (lines.data?.budgetLines ?? []).map((l) => ({ value: l.id, label: l.name })), [lines.data]);
  const setLine = (id: string | undefined) => {
    const next = new URLSearchParams(params);
    if (id) next.set('line', id);
    else next.delete('line');
    setParams(next, { replace: true });
    pages.reset();
  };
  return (
    <>
      <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
        {seesBudgets ? (
          <Select
            allowClear
            value={lineId}
            onChange={setLine}
            options={lineOptions}
            loading={lines.fetching}
            placeholder={t('purchase.allBudgetLines')}
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 280, maxWidth: '100%' }}
            data-testid="contract-line-filter"
          />
        ) : (
          <span />
        )}
        {canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-contract">
            {t('purchase.newContract')}
          </Button>
        ) : null}
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Table<ContractRowFragment>
        rowKey="id"
        dataSource={rows}
        loading={fetching && !data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('purchase.noContracts') }}
        data-testid="contracts-table"
        columns={[
          {
            title: t('purchase.contractTitle'),
            key: 'title',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Link to={`/funding/contract/${r.id}`} data-testid="contract-link">
                  {r.title}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDate(r.startsOn)} – {formatDate(r.endsOn)}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('purchase.organisation'), key: 'organisation', render: (_, r) => r.organisation.name },
          { title: t('purchase.unitPriceLabel'), key: 'unitPrice', align: 'right', render: (_, r) => unitPriceText(t, r.unit, r.unitPrice) },
          { title: t('purchase.quantity'), key: 'quantity', align: 'right', render: (_, r) => unitCount(t, r.unit, r.quantity) },
          { title: t('purchase.value'), key: 'value', align: 'right', render: (_, r) => <Money fen={r.value} testId="contract-value-cell" /> },
          { title: t('purchase.status'), key: 'status', render: (_, r) => <ContractStatusTag status={r.status} /> },
          { title: t('purchase.progress'), key: 'progress', render: (_, r) => (r.status === 'DRAFT' ? '—' : <ContractProgress figures={r.figures} />) },
          ...(canCreate ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, r: ContractRowFragment) => <ContractActions contract={r} /> }] : []),
        ]}
      />
      <CursorPager pages={pages} conn={conn} fetching={fetching} testId="contracts-total" />
      {canCreate ? <CreateContractModal open={creating} onClose={() => setCreating(false)} budgetLineId={lineId} /> : null}
    </>
  );
}
