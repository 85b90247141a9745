import { Button, Flex, Input, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { dayLabel, hhmmToMinutes, minutesToHHmm, weekDays } from '../labels';

// A window being edited: minutes from midnight, null while not filled in.
export interface WindowDraft {
  day: number;
  start: number | null;
  end: number | null;
}

export interface TimeWindowValue {
  day: number;
  start: number;
  end: number;
}

interface Props {
  value?: WindowDraft[];
  onChange?: (value: WindowDraft[]) => void;
  id?: string;
  addLabel?: string;
}

// Why a window is not acceptable, or undefined when it is.
export function windowProblem(t: TFunction, w: WindowDraft): string | undefined {
  if (w.start === null || w.end === null) return t('availability.timeRequired');
  if (w.end <= w.start) return t('availability.endAfterStart');
  return undefined;
}

// Checks every row and that no two windows of a day overlap.
export function availabilityProblem(t: TFunction, windows: readonly WindowDraft[] | undefined): string | undefined {
  const list = windows ?? [];
  for (const w of list) {
    const p = windowProblem(t, w);
    if (p) return p;
  }
  const sorted = [...list].sort((a, b) => a.day - b.day || (a.start ?? 0) - (b.start ?? 0));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev.day === cur.day && (cur.start ?? 0) < (prev.end ?? 0)) {
      return t('availability.overlap', { day: dayLabel(t, cur.day) });
    }
  }
  return undefined;
}

// A Form.Item rule for the editor's field.
export function availabilityRule(t: TFunction) {
  return {
    validator: (_: unknown, value: WindowDraft[] | undefined) => {
      const p = availabilityProblem(t, value);
      return p ? Promise.reject(new Error(p)) : Promise.resolve();
    },
  };
}

// After validation every window is complete; this is what the API takes.
export function toTimeWindows(windows: readonly WindowDraft[] | undefined): TimeWindowValue[] {
  return (windows ?? [])
    .filter((w): w is TimeWindowValue => w.start !== null && w.end !== null)
    .map(({ day, start, end }) => ({ day, start, end }))
    .sort((a, b) => a.day - b.day || a.start - b.start);
}

export function fromTimeWindows(windows: readonly TimeWindowValue[] | undefined): WindowDraft[] {
  return (windows ?? []).map(({ day, start, end }) => ({ day, start, end }));
}

// The one weekly-availability editor: service schedules, volunteers' availability, sign-up.
export default function AvailabilityEditor({ value, onChange, id, addLabel }: Props) {
  const { t } = useTranslation();
  const rows = value ?? [];
  const set = (i: number, patch: Partial<WindowDraft>) =>
    onChange?.(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    const last = rows[rows.length - 1];
    onChange?.([
      ...rows,
      last ? { ...last, day: (last.day % 7) + 1 } : { day: 1, start: 9 * 60, end: 11 * 60 },
    ]);
  };
  const remove = (i: number) => onChange?.(rows.filter((_, j) => j !== i));

  return (
    <div id={id} data-testid="availability-editor">
      {rows.length === 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('availability.empty')}
        </Typography.Text>
      ) : null}
      {rows.map((row, i) => {
        const problem = row.start !== null && row.end !== null ? windowProblem(t, row) : undefined;
        return (
          <div key={i} data-testid="availability-row" style={{ marginBottom: 8 }}>
            <Flex gap={8} align="center" wrap>
              <Select
                value={row.day}
                onChange={(day) => set(i, { day })}
                options={weekDays.map((d) => ({ value: d, label: dayLabel(t, d) }))}
                style={{ width: 88 }}
                aria-label={t('availability.day')}
                data-testid="availability-day"
              />
              <Input
                type="time"
                step={300}
                value={row.start === null ? '' : minutesToHHmm(row.start)}
                onChange={(e) => set(i, { start: hhmmToMinutes(e.target.value) ?? null })}
                style={{ width: 110 }}
                aria-label={t('availability.start')}
                data-testid="availability-start"
                status={problem ? 'error' : undefined}
              />
              <span>–</span>
              <Input
                type="time"
                step={300}
                value={row.end === null ? '' : minutesToHHmm(row.end)}
                onChange={(e) => set(i, { end: hhmmToMinutes(e.target.value) ?? null })}
                style={{ width: 110 }}
                aria-label={t('availability.end')}
                data-testid="availability-end"
                status={problem ? 'error' : undefined}
              />
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(i)}
                aria-label={t('availability.remove')}
                data-testid="availability-remove"
              />
            </Flex>
            {problem ? (
              <Typography.Text type="danger" data-testid="availability-row-error">
                {problem}
              </Typography.Text>
            ) : null}
          </div>
        );
      })}
      <Button type="dashed" icon={<PlusOutlined />} onClick={add} data-testid="availability-add">
        {addLabel ?? t('availability.add')}
      </Button>
    </div>
  );
}
