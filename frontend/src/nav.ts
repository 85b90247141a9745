import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  SolutionOutlined,
  BankOutlined,
  ClusterOutlined,
  FieldTimeOutlined,
  InboxOutlined,
  NodeIndexOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  SearchOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Role } from './gql/graphql';

export interface NavItem {
  key: string;
  // Route path; the item's page also owns everything below it (e.g. /users/:id).
  path: string;
  // i18n key of the menu label.
  label: string;
  icon: ComponentType;
  // Who sees the item and may open its page; 'everyone' means any signed-in user.
  roles: readonly Role[] | 'everyone';
  page: LazyExoticComponent<ComponentType>;
}

// Children's files: staff of the child's area register and change them;
// auditors read them; platform admins have no access (DESIGN.md, Who uses it).
export const childEditorRoles: readonly Role[] = ['CHILD_DIRECTOR', 'CHILD_SUPERVISOR', 'CIVIL_AFFAIRS'];
export const childReaderRoles: readonly Role[] = [...childEditorRoles, 'AUDITOR'];
// Who may see the access log of a child's file.
export const childViewLogRoles: readonly Role[] = ['CIVIL_AFFAIRS', 'AUDITOR'];

// The key-care ledger: the same staff act on it (enter, visit, raise needs); auditors read it.
export const careActionRoles: readonly Role[] = childEditorRoles;
export const ledgerRoles: readonly Role[] = childReaderRoles;
// Who accepts or returns visits recorded by community directors.
export const visitReviewRoles: readonly Role[] = ['CHILD_SUPERVISOR', 'CIVIL_AFFAIRS'];
// Who imports lists from the education and public-security authorities.
export const childImportRoles: readonly Role[] = ['CIVIL_AFFAIRS', 'CHILD_SUPERVISOR'];
// The area overview: civil affairs, and auditors read-only.
export const overviewRoles: readonly Role[] = ['CIVIL_AFFAIRS', 'AUDITOR'];
// Who may download the half-yearly monitoring report (the server checks the area).
export const monitoringExportRoles: readonly Role[] = childEditorRoles;

// Matching: the staff who raise needs match them; auditors watch the board.
export const matcherRoles: readonly Role[] = childEditorRoles;
export const matchWatchRoles: readonly Role[] = [...matcherRoles, 'AUDITOR'];
// Only civil-affairs staff may share a child's minimal profile without the guardian's consent.
export const consentOverrideRoles: readonly Role[] = ['CIVIL_AFFAIRS'];
// Who answers service requests: volunteers in person, organisations, venues and event organisers through their staff.
export const providerRoles: readonly Role[] = ['VOLUNTEER', 'ORG_ADMIN', 'ORG_STAFF', 'VENUE_STAFF', 'EVENT_ORGANISER'];
// Volunteers keep their hours; their organisations' staff approve them.
export const hoursReviewRoles: readonly Role[] = ['ORG_ADMIN', 'ORG_STAFF'];
export const hoursRoles: readonly Role[] = ['VOLUNTEER', ...hoursReviewRoles];

// Funded service purchases: civil affairs commission and pay, organisations
// invoice for what they delivered, auditors read everything.
export const fundingManagerRoles: readonly Role[] = ['CIVIL_AFFAIRS'];
export const invoicerRoles: readonly Role[] = ['ORG_ADMIN', 'ORG_STAFF'];
export const budgetReaderRoles: readonly Role[] = [...fundingManagerRoles, 'AUDITOR'];
export const fundingRoles: readonly Role[] = [...fundingManagerRoles, ...invoicerRoles, 'AUDITOR'];

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((r) => roles.includes(r));
}

// The single place that decides what each role sees. A new feature adds one line here.
export const navItems: readonly NavItem[] = [
  { key: 'home', path: '/', label: 'nav.home', icon: HomeOutlined, roles: 'everyone', page: lazy(() => import('./pages/HomePage')) },
  { key: 'children', path: '/children', label: 'nav.children', icon: IdcardOutlined, roles: childReaderRoles, page: lazy(() => import('./pages/children/ChildrenRoutes')) },
  { key: 'ledger', path: '/ledger', label: 'nav.ledger', icon: SolutionOutlined, roles: ledgerRoles, page: lazy(() => import('./pages/ledger/LedgerPage')) },
  { key: 'matching', path: '/matching', label: 'nav.matching', icon: NodeIndexOutlined, roles: matchWatchRoles, page: lazy(() => import('./pages/matching/MatchingRoutes')) },
  { key: 'overview', path: '/overview', label: 'nav.overview', icon: BarChartOutlined, roles: overviewRoles, page: lazy(() => import('./pages/OverviewPage')) },
  { key: 'directory', path: '/directory', label: 'nav.directory', icon: SearchOutlined, roles: 'everyone', page: lazy(() => import('./pages/directory/DirectoryPage')) },
  { key: 'organisation', path: '/organisation', label: 'nav.organisation', icon: BankOutlined, roles: ['ORG_ADMIN', 'ORG_STAFF', 'VENUE_STAFF', 'EVENT_ORGANISER'], page: lazy(() => import('./pages/organisation/OrganisationPage')) },
  { key: 'organisations', path: '/organisations', label: 'nav.organisations', icon: ClusterOutlined, roles: ['ADMIN', 'CIVIL_AFFAIRS'], page: lazy(() => import('./pages/organisations/OrganisationsPage')) },
  { key: 'volunteer', path: '/volunteer', label: 'nav.volunteer', icon: HeartOutlined, roles: ['VOLUNTEER'], page: lazy(() => import('./pages/volunteer/VolunteerProfilePage')) },
  { key: 'inbox', path: '/inbox', label: 'nav.inbox', icon: InboxOutlined, roles: providerRoles, page: lazy(() => import('./pages/inbox/InboxPage')) },
  { key: 'hours', path: '/hours', label: 'nav.hours', icon: FieldTimeOutlined, roles: hoursRoles, page: lazy(() => import('./pages/hours/HoursPage')) },
  { key: 'funding', path: '/funding', label: 'nav.funding', icon: AccountBookOutlined, roles: fundingRoles, page: lazy(() => import('./pages/funding/FundingRoutes')) },
  { key: 'users', path: '/users', label: 'nav.users', icon: TeamOutlined, roles: ['ADMIN', 'CIVIL_AFFAIRS', 'ORG_ADMIN'], page: lazy(() => import('./pages/users/UsersRoutes')) },
  { key: 'areas', path: '/areas', label: 'nav.areas', icon: ApartmentOutlined, roles: ['ADMIN', 'CIVIL_AFFAIRS', 'CHILD_SUPERVISOR', 'CHILD_DIRECTOR', 'AUDITOR'], page: lazy(() => import('./pages/AreasPage')) },
  { key: 'audit', path: '/audit', label: 'nav.audit', icon: AuditOutlined, roles: ['ADMIN', 'AUDITOR'], page: lazy(() => import('./pages/AuditPage')) },
  { key: 'account', path: '/account', label: 'nav.account', icon: UserOutlined, roles: 'everyone', page: lazy(() => import('./pages/AccountPage')) },
];

export function canSee(item: NavItem, roles: readonly Role[]): boolean {
  return item.roles === 'everyone' || item.roles.some((r) => roles.includes(r));
}

export function navFor(roles: readonly Role[]): NavItem[] {
  return navItems.filter((item) => canSee(item, roles));
}

// The item whose page owns the given location, the longest matching path winning.
export function itemForPath(pathname: string): NavItem | undefined {
  return [...navItems]
    .sort((a, b) => b.path.length - a.path.length)
    .find((item) =>
      item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(item.path + '/'),
    );
}
