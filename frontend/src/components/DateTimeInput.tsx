import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';

export const dateTimeFormat = 'YYYY-MM-DD HH:mm';

interface Props {
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  id?: string;
}

// A date and time to the minute. Enter confirms the typed value but must not
// also submit the surrounding form (a half-filled slot series would publish as one slot).
export default function DateTimeInput({ value, onChange, id }: Props) {
  return (
    <span
      style={{ display: 'block' }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
    >
      <DatePicker
        id={id}
        value={value}
        onChange={(v) => onChange?.(v)}
        showTime={{ format: 'HH:mm', minuteStep: 5 }}
        format={dateTimeFormat}
        style={{ width: '100%' }}
      />
    </span>
  );
}
