import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { Button, Form } from 'antd';
import i18n from '../i18n';
import { hhmmToMinutes, minutesToHHmm } from '../labels';
import AvailabilityEditor, {
  availabilityProblem,
  availabilityRule,
  toTimeWindows,
  type WindowDraft,
} from './AvailabilityEditor';

const userEvent = userEventLib.setup({ delay: null });
const t = i18n.getFixedT('zh');

function Controlled({ initial, onChange }: { initial: WindowDraft[]; onChange: (v: WindowDraft[]) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <AvailabilityEditor
      value={value}
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
    />
  );
}

describe('HH:mm ↔ minutes', () => {
  it('converts both ways', () => {
    expect(hhmmToMinutes('00:00')).toBe(0);
    expect(hhmmToMinutes('09:30')).toBe(570);
    expect(hhmmToMinutes('9:05')).toBe(545);
    expect(hhmmToMinutes('23:59')).toBe(1439);
    expect(minutesToHHmm(570)).toBe('09:30');
    expect(minutesToHHmm(0)).toBe('00:00');
    expect(minutesToHHmm(1439)).toBe('23:59');
    for (const m of [0, 15, 545, 1080, 1439]) expect(hhmmToMinutes(minutesToHHmm(m))).toBe(m);
  });

  it('rejects what is not a time', () => {
    for (const bad of ['', '9', '25:00', '12:60', 'ab:cd', '12:5']) expect(hhmmToMinutes(bad)).toBeUndefined();
  });
});

describe('AvailabilityEditor', () => {
  it('adds rows, shows minutes as HH:mm and emits minutes', async () => {
    const onChange = vi.fn();
    render(<Controlled initial={[{ day: 2, start: 540, end: 660 }]} onChange={onChange} />);
    expect(screen.getAllByTestId('availability-row')).toHaveLength(1);
    expect(screen.getByTestId('availability-start')).toHaveValue('09:00');
    expect(screen.getByTestId('availability-end')).toHaveValue('11:00');

    await userEvent.click(screen.getByTestId('availability-add'));
    expect(screen.getAllByTestId('availability-row')).toHaveLength(2);
    // A new row copies the previous one onto the next day.
    expect(onChange).toHaveBeenLastCalledWith([
      { day: 2, start: 540, end: 660 },
      { day: 3, start: 540, end: 660 },
    ]);

    fireEvent.change(screen.getAllByTestId('availability-start')[1], { target: { value: '14:30' } });
    fireEvent.change(screen.getAllByTestId('availability-end')[1], { target: { value: '16:45' } });
    expect(onChange).toHaveBeenLastCalledWith([
      { day: 2, start: 540, end: 660 },
      { day: 3, start: 870, end: 1005 },
    ]);
  });

  it('removes rows', async () => {
    const onChange = vi.fn();
    render(
      <Controlled
        initial={[
          { day: 1, start: 540, end: 600 },
          { day: 6, start: 600, end: 720 },
        ]}
        onChange={onChange}
      />,
    );
    await userEvent.click(screen.getAllByTestId('availability-remove')[0]);
    expect(screen.getAllByTestId('availability-row')).toHaveLength(1);
    expect(onChange).toHaveBeenLastCalledWith([{ day: 6, start: 600, end: 720 }]);
    await userEvent.click(screen.getByTestId('availability-remove'));
    expect(screen.queryAllByTestId('availability-row')).toHaveLength(0);
    expect(screen.getByText('尚未添加时间段')).toBeInTheDocument();
  });

  it('marks a row whose end is not after its start', () => {
    render(<Controlled initial={[{ day: 1, start: 600, end: 600 }]} onChange={() => {}} />);
    expect(screen.getByTestId('availability-row-error')).toHaveTextContent('结束时间必须晚于开始时间');
  });

  it('rejects end ≤ start, missing times and overlaps', () => {
    expect(availabilityProblem(t, [{ day: 1, start: 600, end: 540 }])).toBe('结束时间必须晚于开始时间');
    expect(availabilityProblem(t, [{ day: 1, start: 600, end: 600 }])).toBe('结束时间必须晚于开始时间');
    expect(availabilityProblem(t, [{ day: 1, start: null, end: 600 }])).toBe('请填写开始和结束时间');
    expect(
      availabilityProblem(t, [
        { day: 3, start: 540, end: 660 },
        { day: 3, start: 600, end: 720 },
      ]),
    ).toBe('周三的时间段有重叠');
    expect(
      availabilityProblem(t, [
        { day: 3, start: 540, end: 600 },
        { day: 3, start: 600, end: 720 },
        { day: 4, start: 540, end: 600 },
      ]),
    ).toBeUndefined();
    expect(availabilityProblem(t, [])).toBeUndefined();
  });

  it('blocks a form from submitting while a window is wrong', async () => {
    const onFinish = vi.fn();
    const { container } = render(
      <Form onFinish={onFinish} initialValues={{ availability: [{ day: 5, start: 720, end: 600 }] }}>
        <Form.Item name="availability" rules={[availabilityRule(t)]}>
          <AvailabilityEditor />
        </Form.Item>
        <Button htmlType="submit">go</Button>
      </Form>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'go' }));
    await waitFor(() =>
      expect(container.querySelector('.ant-form-item-explain-error')).toHaveTextContent('结束时间必须晚于开始时间'),
    );
    expect(onFinish).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('availability-end'), { target: { value: '13:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'go' }));
    await waitFor(() => expect(onFinish).toHaveBeenCalledWith({ availability: [{ day: 5, start: 720, end: 780 }] }));
  });

  it('hands the API sorted, complete windows', () => {
    expect(
      toTimeWindows([
        { day: 7, start: 600, end: 660 },
        { day: 1, start: 900, end: 960 },
        { day: 1, start: 540, end: 600 },
      ]),
    ).toEqual([
      { day: 1, start: 540, end: 600 },
      { day: 1, start: 900, end: 960 },
      { day: 7, start: 600, end: 660 },
    ]);
  });
});
