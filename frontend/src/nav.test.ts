import { describe, expect, it } from 'vitest';
import type { Role } from './gql/graphql';
import { allRoles } from './labels';
import {
  careActionRoles,
  consentOverrideRoles,
  hoursReviewRoles,
  matcherRoles,
  childEditorRoles,
  childImportRoles,
  childViewLogRoles,
  fundingManagerRoles,
  fundingRoles,
  invoicerRoles,
  hasAnyRole,
  itemForPath,
  monitoringExportRoles,
  navFor,
  navItems,
  providerRoles,
  visitReviewRoles,
} from './nav';

const keys = (roles: Role[]) => navFor(roles).map((i) => i.key);

describe('navigation by role', () => {
  const expected: Record<Role, string[]> = {
    ADMIN: ['home', 'directory', 'organisations', 'users', 'areas', 'audit', 'account'],
    CIVIL_AFFAIRS: ['home', 'children', 'ledger', 'matching', 'overview', 'directory', 'organisations', 'funding', 'users', 'areas', 'account'],
    ORG_ADMIN: ['home', 'directory', 'organisation', 'inbox', 'hours', 'funding', 'users', 'account'],
    AUDITOR: ['home', 'children', 'ledger', 'matching', 'overview', 'directory', 'funding', 'areas', 'audit', 'account'],
    CHILD_SUPERVISOR: ['home', 'children', 'ledger', 'matching', 'directory', 'areas', 'account'],
    CHILD_DIRECTOR: ['home', 'children', 'ledger', 'matching', 'directory', 'areas', 'account'],
    ORG_STAFF: ['home', 'directory', 'organisation', 'inbox', 'hours', 'funding', 'account'],
    VOLUNTEER: ['home', 'directory', 'volunteer', 'inbox', 'hours', 'account'],
    VENUE_STAFF: ['home', 'directory', 'organisation', 'inbox', 'account'],
    EVENT_ORGANISER: ['home', 'directory', 'organisation', 'inbox', 'account'],
  };

  it.each(allRoles)('%s sees exactly its items', (role) => {
    expect(keys([role])).toEqual(expected[role]);
  });

  it('shows everyone-items to a user with no grants', () => {
    expect(keys([])).toEqual(['home', 'directory', 'account']);
  });

  it('unions the items of several roles without duplicates', () => {
    expect(keys(['ORG_ADMIN', 'AUDITOR'])).toEqual(['home', 'children', 'ledger', 'matching', 'overview', 'directory', 'organisation', 'inbox', 'hours', 'funding', 'users', 'areas', 'audit', 'account']);
    expect(keys(['VENUE_STAFF', 'EVENT_ORGANISER'])).toEqual(['home', 'directory', 'organisation', 'inbox', 'account']);
  });

  it('has unique keys and paths', () => {
    expect(new Set(navItems.map((i) => i.key)).size).toBe(navItems.length);
    expect(new Set(navItems.map((i) => i.path)).size).toBe(navItems.length);
  });
});

describe('itemForPath', () => {
  it('matches nested pages to their item', () => {
    expect(itemForPath('/users/42')?.key).toBe('users');
    expect(itemForPath('/users')?.key).toBe('users');
    expect(itemForPath('/')?.key).toBe('home');
    expect(itemForPath('/volunteer')?.key).toBe('volunteer');
    expect(itemForPath('/organisations')?.key).toBe('organisations');
    expect(itemForPath('/organisation')?.key).toBe('organisation');
    expect(itemForPath('/children/new')?.key).toBe('children');
    expect(itemForPath('/children/42/edit')?.key).toBe('children');
    expect(itemForPath('/children/import')?.key).toBe('children');
    expect(itemForPath('/ledger')?.key).toBe('ledger');
    expect(itemForPath('/overview')?.key).toBe('overview');
  });

  it('does not match unknown or look-alike paths', () => {
    expect(itemForPath('/nope')).toBeUndefined();
    expect(itemForPath('/usersx')).toBeUndefined();
    expect(itemForPath('/organisationsx')).toBeUndefined();
  });
});

describe('the supply-side pages', () => {
  it('offers volunteer search only to organisation, civil-affairs and admin staff', async () => {
    const { volunteerSearchRoles } = await import('./pages/directory/DirectoryPage');
    expect([...volunteerSearchRoles].sort()).toEqual(['ADMIN', 'CIVIL_AFFAIRS', 'ORG_ADMIN', 'ORG_STAFF']);
  });

  it('shows organisation tabs by kind and role', async () => {
    const { organisationTabs } = await import('./pages/organisation/OrganisationPage');
    expect(organisationTabs('SOCIAL_ORGANISATION', ['ORG_ADMIN'])).toEqual(['profile', 'services', 'volunteers']);
    expect(organisationTabs('SOCIAL_ORGANISATION', ['ORG_STAFF'])).toEqual(['profile', 'services', 'volunteers']);
    expect(organisationTabs('LIBRARY', ['VENUE_STAFF'])).toEqual(['profile', 'slots']);
    expect(organisationTabs('MUSEUM', ['VENUE_STAFF'])).toEqual(['profile', 'slots']);
    expect(organisationTabs('YOUTH_LEAGUE', ['EVENT_ORGANISER'])).toEqual(['profile', 'events']);
    expect(organisationTabs('WOMENS_FEDERATION', ['EVENT_ORGANISER'])).toEqual(['profile', 'events']);
    expect(organisationTabs('LIBRARY', ['EVENT_ORGANISER'])).toEqual(['profile']);
  });
});

describe("children's files", () => {
  it('lists children for directors, supervisors, civil affairs and auditors only; never for admins', () => {
    const seeing = allRoles.filter((r) => keys([r]).includes('children'));
    expect([...seeing].sort()).toEqual(['AUDITOR', 'CHILD_DIRECTOR', 'CHILD_SUPERVISOR', 'CIVIL_AFFAIRS']);
    expect(keys(['ADMIN'])).not.toContain('children');
    expect(keys(['ADMIN', 'ORG_ADMIN'])).not.toContain('children');
  });

  it('lets directors, supervisors and civil affairs register and edit, not auditors', () => {
    expect([...childEditorRoles].sort()).toEqual(['CHILD_DIRECTOR', 'CHILD_SUPERVISOR', 'CIVIL_AFFAIRS']);
    expect(childEditorRoles).not.toContain('AUDITOR');
    expect(childEditorRoles).not.toContain('ADMIN');
  });

  it('shows the access log tab to civil affairs and auditors only', async () => {
    const { childFileTabs } = await import('./pages/children/ChildFilePage');
    expect([...childViewLogRoles].sort()).toEqual(['AUDITOR', 'CIVIL_AFFAIRS']);
    expect(childFileTabs(['CIVIL_AFFAIRS'])).toEqual(['profile', 'guardians', 'care', 'services', 'needs', 'views']);
    expect(childFileTabs(['AUDITOR'])).toEqual(['profile', 'guardians', 'care', 'services', 'needs', 'views']);
    expect(childFileTabs(['CHILD_DIRECTOR'])).toEqual(['profile', 'guardians', 'care', 'services', 'needs']);
    expect(childFileTabs(['CHILD_SUPERVISOR'])).toEqual(['profile', 'guardians', 'care', 'services', 'needs']);
  });
});

describe('key-care ledger, visits, imports and the overview', () => {
  const seeing = (key: string) => allRoles.filter((r) => keys([r]).includes(key)).sort();

  it('shows /ledger to directors, supervisors, civil affairs and auditors; never to admins', () => {
    expect(seeing('ledger')).toEqual(['AUDITOR', 'CHILD_DIRECTOR', 'CHILD_SUPERVISOR', 'CIVIL_AFFAIRS']);
    expect(keys(['ADMIN'])).not.toContain('ledger');
  });

  it('shows /overview to civil affairs and auditors only', () => {
    expect(seeing('overview')).toEqual(['AUDITOR', 'CIVIL_AFFAIRS']);
    expect(keys(['ADMIN'])).not.toContain('overview');
    expect(keys(['CHILD_SUPERVISOR', 'CHILD_DIRECTOR'])).not.toContain('overview');
  });

  it('lets civil affairs and supervisors import lists; not directors, auditors or admins', () => {
    const importing = allRoles.filter((r) => hasAnyRole([r], childImportRoles)).sort();
    expect(importing).toEqual(['CHILD_SUPERVISOR', 'CIVIL_AFFAIRS']);
    expect(hasAnyRole(['ADMIN'], childImportRoles)).toBe(false);
  });

  it('lets the three child roles act on the ledger and export the report; auditors read only', () => {
    expect([...careActionRoles].sort()).toEqual(['CHILD_DIRECTOR', 'CHILD_SUPERVISOR', 'CIVIL_AFFAIRS']);
    expect([...monitoringExportRoles].sort()).toEqual(['CHILD_DIRECTOR', 'CHILD_SUPERVISOR', 'CIVIL_AFFAIRS']);
    expect(careActionRoles).not.toContain('AUDITOR');
  });

  it('offers visit review to supervisors and civil affairs only', async () => {
    const { ledgerTabs } = await import('./pages/ledger/LedgerPage');
    expect([...visitReviewRoles].sort()).toEqual(['CHILD_SUPERVISOR', 'CIVIL_AFFAIRS']);
    expect(ledgerTabs(['CHILD_SUPERVISOR'])).toEqual(['ledger', 'review']);
    expect(ledgerTabs(['CIVIL_AFFAIRS'])).toEqual(['ledger', 'review']);
    expect(ledgerTabs(['CHILD_DIRECTOR'])).toEqual(['ledger']);
    expect(ledgerTabs(['AUDITOR'])).toEqual(['ledger']);
  });
});

describe('matching and the closed loop', () => {
  const seeing = (key: string) => allRoles.filter((r) => keys([r]).includes(key)).sort();

  it('shows the board to matching staff and auditors; only the staff match', () => {
    expect(seeing('matching')).toEqual(['AUDITOR', 'CHILD_DIRECTOR', 'CHILD_SUPERVISOR', 'CIVIL_AFFAIRS']);
    expect([...matcherRoles].sort()).toEqual(['CHILD_DIRECTOR', 'CHILD_SUPERVISOR', 'CIVIL_AFFAIRS']);
    expect(consentOverrideRoles).toEqual(['CIVIL_AFFAIRS']);
  });

  it('shows the inbox to providers and hours to volunteers and organisation staff', () => {
    expect(seeing('inbox')).toEqual([...providerRoles].sort());
    expect(seeing('hours')).toEqual(['ORG_ADMIN', 'ORG_STAFF', 'VOLUNTEER']);
    expect([...hoursReviewRoles].sort()).toEqual(['ORG_ADMIN', 'ORG_STAFF']);
    expect(itemForPath('/matching/need/42')?.key).toBe('matching');
    expect(itemForPath('/matching/match/42')?.key).toBe('matching');
  });

  it('gives volunteers their hours and organisation staff the review', async () => {
    const { hoursTabs } = await import('./pages/hours/HoursPage');
    expect(hoursTabs(['VOLUNTEER'])).toEqual(['mine']);
    expect(hoursTabs(['ORG_STAFF'])).toEqual(['review']);
    expect(hoursTabs(['VOLUNTEER', 'ORG_ADMIN'])).toEqual(['mine', 'review']);
  });
});

describe('funded service purchases', () => {
  const seeing = (key: string) => allRoles.filter((r) => keys([r]).includes(key)).sort();

  it('shows /funding to civil affairs, organisation staff and auditors only', () => {
    expect(seeing('funding')).toEqual(['AUDITOR', 'CIVIL_AFFAIRS', 'ORG_ADMIN', 'ORG_STAFF']);
    expect([...fundingRoles].sort()).toEqual(['AUDITOR', 'CIVIL_AFFAIRS', 'ORG_ADMIN', 'ORG_STAFF']);
    expect(keys(['ADMIN'])).not.toContain('funding');
    expect(keys(['CHILD_DIRECTOR', 'VOLUNTEER', 'VENUE_STAFF', 'EVENT_ORGANISER'])).not.toContain('funding');
    expect(itemForPath('/funding')?.key).toBe('funding');
    expect(itemForPath('/funding/contract/42')?.key).toBe('funding');
  });

  it('lets only civil affairs commission and pay, and only organisation staff invoice', () => {
    expect(fundingManagerRoles).toEqual(['CIVIL_AFFAIRS']);
    expect([...invoicerRoles].sort()).toEqual(['ORG_ADMIN', 'ORG_STAFF']);
  });

  it('gives each role its tabs: budgets to civil affairs and auditors, verification to civil affairs', async () => {
    const { fundingTabs } = await import('./pages/funding/FundingPage');
    expect(fundingTabs(['CIVIL_AFFAIRS'])).toEqual(['budget', 'contracts', 'verify', 'invoices', 'report']);
    expect(fundingTabs(['AUDITOR'])).toEqual(['budget', 'contracts', 'invoices', 'report']);
    expect(fundingTabs(['ORG_ADMIN'])).toEqual(['contracts', 'invoices', 'report']);
    expect(fundingTabs(['ORG_STAFF'])).toEqual(['contracts', 'invoices', 'report']);
  });
});
