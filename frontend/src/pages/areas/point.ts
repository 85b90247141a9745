import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';

// Beijing's bounding box, as the server checks it (flowcare.InBeijing):
// checked here too so that a slip of a digit is caught before the round trip.
export const beijingBounds = { minLat: 39.4, maxLat: 41.1, minLng: 115.4, maxLng: 117.6 } as const;

// Six decimals is about 0.1 m, finer than anyone reads a point off a map.
export const pointPrecision = 6;

export function formatPoint(latitude: number, longitude: number): string {
  return `${latitude.toFixed(pointPrecision)}, ${longitude.toFixed(pointPrecision)}`;
}

export function latitudeProblem(t: TFunction, value: number | null | undefined): string | null {
  if (value == null) return t('areas.latitudeRequired');
  if (!(value >= beijingBounds.minLat && value <= beijingBounds.maxLat)) {
    return t('areas.latitudeRange', { min: beijingBounds.minLat, max: beijingBounds.maxLat });
  }
  return null;
}

export function longitudeProblem(t: TFunction, value: number | null | undefined): string | null {
  if (value == null) return t('areas.longitudeRequired');
  if (!(value >= beijingBounds.minLng && value <= beijingBounds.maxLng)) {
    return t('areas.longitudeRange', { min: beijingBounds.minLng, max: beijingBounds.maxLng });
  }
  return null;
}

function ruleOf(problem: (t: TFunction, v: number | null | undefined) => string | null, t: TFunction): Rule {
  return {
    validator: (_, value: number | null | undefined) => {
      const p = problem(t, value);
      return p ? Promise.reject(new Error(p)) : Promise.resolve();
    },
  };
}

export const latitudeRule = (t: TFunction): Rule => ruleOf(latitudeProblem, t);
export const longitudeRule = (t: TFunction): Rule => ruleOf(longitudeProblem, t);
