import type { Role } from './gql/graphql';

// What a grant of each role is scoped to (schema: GrantInput).
export type GrantScope = 'cityOrDistrict' | 'street' | 'community' | 'organisation' | 'optionalOrganisation';

const scopes: Record<Role, GrantScope> = {
  ADMIN: 'cityOrDistrict',
  CIVIL_AFFAIRS: 'cityOrDistrict',
  AUDITOR: 'cityOrDistrict',
  CHILD_SUPERVISOR: 'street',
  CHILD_DIRECTOR: 'community',
  ORG_ADMIN: 'organisation',
  ORG_STAFF: 'organisation',
  VENUE_STAFF: 'organisation',
  EVENT_ORGANISER: 'organisation',
  VOLUNTEER: 'optionalOrganisation',
};

export function grantScope(role: Role): GrantScope {
  return scopes[role];
}

export function isAreaScope(scope: GrantScope): boolean {
  return scope === 'cityOrDistrict' || scope === 'street' || scope === 'community';
}
