import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { Button, Form } from 'antd';
import i18n from '../../i18n';
import type { Me } from '../../auth/session';
import { funderAreas } from './BudgetTab';
import { YuanInput, yuanRule } from './FundingParts';
import { parseYuan } from './money';

const userEvent = userEventLib.setup({ delay: null });
const t = i18n.getFixedT('zh');

// The amount field as the budget, contract and payment forms use it.
function AmountForm({ onFen, maxFen }: { onFen: (fen: number) => void; maxFen?: number }) {
  return (
    <Form
      onFinish={(v: { amount: string }) => {
        const r = parseYuan(v.amount);
        if (r.ok) onFen(r.fen);
      }}
    >
      <Form.Item name="amount" label="金额" rules={[yuanRule(t, { maxFen, maxMessage: '超过未付金额' })]}>
        <YuanInput data-testid="amount" />
      </Form.Item>
      <Button htmlType="submit">提交</Button>
    </Form>
  );
}

describe('the yuan input', () => {
  it('says what is wrong with a fraction of a fen or a negative amount, and sends nothing', async () => {
    const onFen = vi.fn();
    render(<AmountForm onFen={onFen} />);
    const input = screen.getByTestId('amount');
    const submit = screen.getByRole('button', { name: /提\s*交/ });
    await userEvent.type(input, '12.345');
    await userEvent.click(submit);
    expect(await screen.findByText('金额最多保留两位小数（精确到分）')).toBeInTheDocument();
    await userEvent.clear(input);
    await userEvent.type(input, '-5');
    await userEvent.click(submit);
    expect(await screen.findByText('金额不能为负数')).toBeInTheDocument();
    await userEvent.clear(input);
    await userEvent.click(submit);
    expect(await screen.findByText('请输入金额')).toBeInTheDocument();
    expect(onFen).not.toHaveBeenCalled();
  });

  it('hands whole fen to the form on submit', async () => {
    const onFen = vi.fn();
    render(<AmountForm onFen={onFen} />);
    await userEvent.type(screen.getByTestId('amount'), '1,234.5');
    await userEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(onFen).toHaveBeenCalledWith(123450));
  });

  it('holds a payment to what is unpaid', async () => {
    const onFen = vi.fn();
    render(<AmountForm onFen={onFen} maxFen={30000} />);
    await userEvent.type(screen.getByTestId('amount'), '300.01');
    await userEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('超过未付金额')).toBeInTheDocument();
    expect(onFen).not.toHaveBeenCalled();
  });
});

describe('funder areas', () => {
  const grant = (role: Me['grants'][number]['role'], area: { id: string; name: string; level: 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY' } | null) =>
    ({ id: `${role}-${area?.id}`, role, grantedAt: '', grantedBy: null, area: area ? { ...area, nameEn: null } : null, organisation: null }) as Me['grants'][number];

  it('offers the city or districts where the viewer is civil-affairs staff, once each', () => {
    const me = {
      grants: [
        grant('CIVIL_AFFAIRS', { id: '110105', name: '朝阳区', level: 'DISTRICT' }),
        grant('CIVIL_AFFAIRS', { id: '110105001', name: '建外街道', level: 'STREET' }),
        grant('AUDITOR', { id: '110000', name: '北京市', level: 'CITY' }),
        grant('CIVIL_AFFAIRS', { id: '110105', name: '朝阳区', level: 'DISTRICT' }),
        grant('CIVIL_AFFAIRS', { id: '110000', name: '北京市', level: 'CITY' }),
        grant('ORG_STAFF', null),
      ],
    };
    expect(funderAreas(me).map((a) => a.id)).toEqual(['110105', '110000']);
    expect(funderAreas(null)).toEqual([]);
  });
});
