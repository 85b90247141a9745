import { describe, expect, it } from 'vitest';
import { grantScope } from './grantScope';

describe('grantScope', () => {
  it('follows GrantInput in the schema', () => {
    expect(grantScope('CIVIL_AFFAIRS')).toBe('cityOrDistrict');
    expect(grantScope('AUDITOR')).toBe('cityOrDistrict');
    expect(grantScope('ADMIN')).toBe('cityOrDistrict');
    expect(grantScope('CHILD_SUPERVISOR')).toBe('street');
    expect(grantScope('CHILD_DIRECTOR')).toBe('community');
    for (const role of ['ORG_ADMIN', 'ORG_STAFF', 'VENUE_STAFF', 'EVENT_ORGANISER'] as const) {
      expect(grantScope(role)).toBe('organisation');
    }
    expect(grantScope('VOLUNTEER')).toBe('optionalOrganisation');
  });
});
