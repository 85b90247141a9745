import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';

// Beijing's bounding box: coordinates outside it are almost certainly typos.
export const beijing = { minLat: 39.4, maxLat: 41.1, minLng: 115.4, maxLng: 117.6 };

export function latitudeRules(t: TFunction, required: boolean): Rule[] {
  return [
    ...(required ? [{ required: true, message: t('geo.latitudeRequired') }] : []),
    {
      validator: (_, v: number | null | undefined) =>
        v == null || (v >= beijing.minLat && v <= beijing.maxLat)
          ? Promise.resolve()
          : Promise.reject(new Error(t('geo.latitudeRange'))),
    },
  ];
}

export function longitudeRules(t: TFunction, required: boolean): Rule[] {
  return [
    ...(required ? [{ required: true, message: t('geo.longitudeRequired') }] : []),
    {
      validator: (_, v: number | null | undefined) =>
        v == null || (v >= beijing.minLng && v <= beijing.maxLng)
          ? Promise.resolve()
          : Promise.reject(new Error(t('geo.longitudeRange'))),
    },
  ];
}

export const phonePattern = /^1\d{10}$/;

// Mainland mobile numbers: 11 digits starting with 1.
export function phoneRule(t: TFunction, optional = true): Rule {
  return {
    validator: (_, v: string | undefined) => {
      const s = (v ?? '').trim();
      if (!s) return optional ? Promise.resolve() : Promise.reject(new Error(t('volunteer.phoneRequired')));
      return phonePattern.test(s) ? Promise.resolve() : Promise.reject(new Error(t('volunteer.phoneFormat')));
    },
  };
}

// Age range 0–18 with min ≤ max; use on the maxAge field with dependencies ['minAge'].
export function maxAgeRule(t: TFunction): Rule {
  return ({ getFieldValue }) => ({
    validator: (_, v: number | null | undefined) => {
      const min = getFieldValue('minAge') as number | null | undefined;
      return v == null || min == null || min <= v ? Promise.resolve() : Promise.reject(new Error(t('directory.ageOrder')));
    },
  });
}
