import type { TFunction, i18n as I18n } from 'i18next';
import dayjs from 'dayjs';
import type { AreaLevel, GrantFieldsFragment, OrganisationKind, Role } from './gql/graphql';

export const allRoles: readonly Role[] = [
  'CIVIL_AFFAIRS',
  'CHILD_SUPERVISOR',
  'CHILD_DIRECTOR',
  'ORG_ADMIN',
  'ORG_STAFF',
  'VOLUNTEER',
  'VENUE_STAFF',
  'EVENT_ORGANISER',
  'AUDITOR',
  'ADMIN',
];

export const knownAuditActions = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.password_changed',
  'access.user_created',
  'access.grant',
  'access.revoke',
  'access.user_disabled',
  'access.user_enabled',
  'audit.read',
  'reference.areas_imported',
] as const;

export function roleLabel(t: TFunction, role: Role): string {
  return t(`role.${role}`);
}

export function levelLabel(t: TFunction, level: AreaLevel): string {
  return t(`areaLevel.${level}`);
}

export function orgKindLabel(t: TFunction, kind: OrganisationKind): string {
  return t(`orgKind.${kind}`);
}

export function areaName(i18n: I18n, area: { name: string; nameEn?: string | null }): string {
  return i18n.language === 'en' && area.nameEn ? area.nameEn : area.name;
}

export function auditActionLabel(t: TFunction, i18n: I18n, action: string): string {
  const key = `auditAction.${action}`;
  // Actions added on the server before the web app knows them are shown as sent.
  return i18n.exists(key) && typeof i18n.t(key, { returnObjects: true }) === 'string' ? t(key) : action;
}

export function scopeLabel(t: TFunction, i18n: I18n, grant: GrantFieldsFragment): string {
  if (grant.area) {
    return t('grant.scopeFormat', { name: areaName(i18n, grant.area), kind: levelLabel(t, grant.area.level) });
  }
  if (grant.organisation) {
    return t('grant.scopeFormat', {
      name: grant.organisation.name,
      kind: orgKindLabel(t, grant.organisation.kind),
    });
  }
  return t('grant.noScope');
}

export function formatTime(t: TFunction, value: string | null | undefined): string {
  if (!value) return t('common.never');
  return dayjs(value).format('YYYY-MM-DD HH:mm');
}
