import type { TFunction } from 'i18next';
import type { AreaLevel, Category, MatchFactor, SearchEntity } from '../../gql/graphql';
import { matchFactorLabel } from '../../labels';

export interface FactorValue {
  factor: MatchFactor;
  value: number;
  points: number;
  max: number;
}

// Up to one decimal, without a trailing ".0": 35.1, 20, 2.5.
export function formatPoints(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

export function formatKm(km: number): string {
  return (Math.round(km * 10) / 10).toFixed(1);
}

// The raw measure of a factor in words. The schedule factor carries only a
// share, so the count of the need's windows turns it back into "1/1".
export function factorMeasure(t: TFunction, f: FactorValue, needWindows?: number): string {
  switch (f.factor) {
    case 'DISTANCE':
      return f.value < 0 ? t('factorText.distanceNone') : t('factorText.distance', { km: formatKm(f.value) });
    case 'SCHEDULE':
      if (needWindows === 0) return t('factorText.scheduleAny');
      if (needWindows === undefined) return t('factorText.scheduleShare', { percent: Math.round(f.value * 100) });
      return t('factorText.schedule', { covered: Math.round(f.value * needWindows), total: needWindows });
    case 'LANGUAGE':
      return f.value >= 1 ? t('factorText.language') : t('factorText.languageNo');
    case 'CONTINUITY':
      return f.value >= 1 ? t('factorText.continuity') : t('factorText.continuityNo');
    case 'COMPLETION_RATE':
      return t('factorText.completion', { percent: Math.round(f.value * 100) });
    case 'LOAD':
      return t('factorText.load', { count: Math.round(f.value) });
    default:
      return `${matchFactorLabel(t, f.factor)} ${formatPoints(f.value)}`;
  }
}

// "距离 1.2 公里：+35.1 / 40"
export function factorText(t: TFunction, f: FactorValue, needWindows?: number): string {
  return t('factorText.line', { what: factorMeasure(t, f, needWindows), points: formatPoints(f.points), max: formatPoints(f.max) });
}

// When the child's community has no point of its own, distances are measured
// from the nearest area above that has one, and are only as good as its centre.
export function distanceEstimateNote(t: TFunction, from: AreaLevel): string | null {
  switch (from) {
    case 'STREET':
      return t('matching.distanceFromStreet');
    case 'DISTRICT':
      return t('matching.distanceFromDistrict');
    case 'CITY':
      return t('matching.distanceFromCity');
    default:
      return null;
  }
}

// Needs a long-term companion can meet, as the server allows pairing for them.
const pairingCategories: readonly Category[] = ['READING_GUIDANCE', 'LETTER_COMPANIONSHIP', 'ONE_TO_ONE_SUPPORT', 'PSYCHOLOGICAL_COUNSELLING'];

export function canPair(entity: SearchEntity, category: Category): boolean {
  return (entity === 'VOLUNTEER' || entity === 'SERVICE') && pairingCategories.includes(category);
}
