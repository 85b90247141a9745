import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';

// The field must be after the one named `other` (both dayjs values).
export function endAfterStartRule(t: TFunction, other: string, message = 'directory.endAfterStart'): Rule {
  return ({ getFieldValue }) => ({
    validator: (_, v: Dayjs | null | undefined) => {
      const start = getFieldValue(other) as Dayjs | null | undefined;
      return !v || !start || v.isAfter(start) ? Promise.resolve() : Promise.reject(new Error(t(message)));
    },
  });
}

// The field must not be after the one named `other`.
export function notAfterRule(t: TFunction, other: string, message: string): Rule {
  return ({ getFieldValue }) => ({
    validator: (_, v: Dayjs | null | undefined) => {
      const limit = getFieldValue(other) as Dayjs | null | undefined;
      return !v || !limit || !v.isAfter(limit) ? Promise.resolve() : Promise.reject(new Error(t(message)));
    },
  });
}
