import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { dateFormat } from '../labels';

interface Props {
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  id?: string;
  // Days that cannot be picked, e.g. future ones.
  disabledDate?: (d: Dayjs) => boolean;
}

// A calendar day (YYYY-MM-DD). Enter confirms a typed date but must not also
// submit the surrounding form half-filled.
export default function DateInput({ value, onChange, id, disabledDate }: Props) {
  return (
    <span
      style={{ display: 'block' }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
    >
      <DatePicker id={id} value={value} onChange={(v) => onChange?.(v)} format={dateFormat} disabledDate={disabledDate} style={{ width: '100%' }} />
    </span>
  );
}
