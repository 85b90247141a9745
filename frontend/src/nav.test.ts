import { describe, expect, it } from 'vitest';
import type { Role } from './gql/graphql';
import { allRoles } from './labels';
import { itemForPath, navFor, navItems } from './nav';

const keys = (roles: Role[]) => navFor(roles).map((i) => i.key);

describe('navigation by role', () => {
  const expected: Record<Role, string[]> = {
    ADMIN: ['home', 'users', 'areas', 'audit', 'account'],
    CIVIL_AFFAIRS: ['home', 'users', 'areas', 'account'],
    ORG_ADMIN: ['home', 'users', 'account'],
    AUDITOR: ['home', 'areas', 'audit', 'account'],
    CHILD_SUPERVISOR: ['home', 'areas', 'account'],
    CHILD_DIRECTOR: ['home', 'areas', 'account'],
    ORG_STAFF: ['home', 'account'],
    VOLUNTEER: ['home', 'account'],
    VENUE_STAFF: ['home', 'account'],
    EVENT_ORGANISER: ['home', 'account'],
  };

  it.each(allRoles)('%s sees exactly its items', (role) => {
    expect(keys([role])).toEqual(expected[role]);
  });

  it('shows everyone-items to a user with no grants', () => {
    expect(keys([])).toEqual(['home', 'account']);
  });

  it('unions the items of several roles without duplicates', () => {
    expect(keys(['ORG_ADMIN', 'AUDITOR'])).toEqual(['home', 'users', 'areas', 'audit', 'account']);
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
  });

  it('does not match unknown or look-alike paths', () => {
    expect(itemForPath('/nope')).toBeUndefined();
    expect(itemForPath('/usersx')).toBeUndefined();
  });
});
