import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { ledgerDetailLines, needTransitions } from './labels';

describe('ledger history details', () => {
  const t = i18n.getFixedT('zh');

  it('reads an entry', () => {
    expect(ledgerDetailLines(t, JSON.stringify({ reasons: ['VAGRANCY', 'DISABILITY'], risk: 'HIGH' }))).toEqual([
      '风险等级：高',
      '纳入原因：流浪、自身残疾',
    ]);
  });

  it('reads a change with a note', () => {
    const detail = JSON.stringify({
      from_risk: 'HIGH',
      to_risk: 'LOW',
      from_reasons: ['VAGRANCY'],
      to_reasons: ['VAGRANCY'],
      note: '情况好转',
    });
    expect(ledgerDetailLines(t, detail)).toEqual(['风险等级：高 → 低', '纳入原因：流浪', '说明：情况好转']);
  });

  it('reads leaving, and shows unknown keys and non-JSON as sent', () => {
    expect(ledgerDetailLines(t, '{"reason":"已搬离本市"}')).toEqual(['移出原因：已搬离本市']);
    expect(ledgerDetailLines(t, '{"extra":1}')).toEqual(['extra: 1']);
    expect(ledgerDetailLines(t, 'plain')).toEqual(['plain']);
    expect(ledgerDetailLines(t, '{}')).toEqual([]);
  });
});

describe('need statuses', () => {
  it('end at met or withdrawn', () => {
    expect(needTransitions.MET).toEqual([]);
    expect(needTransitions.WITHDRAWN).toEqual([]);
    expect(needTransitions.OPEN).toContain('WITHDRAWN');
  });
});
