import type { TFunction, i18n as I18n } from 'i18next';
import dayjs from 'dayjs';
import type {
  AreaLevel,
  Attendance,
  BookingStatus,
  Category,
  ConsentMethod,
  ConsentPurpose,
  ContractStatus,
  ContractUnit,
  DeliveryStatus,
  Gender,
  MovedWith,
  EventStatus,
  Funding,
  FundingSource,
  GrantFieldsFragment,
  HoursStatus,
  ImportOutcome,
  ImportSource,
  InvoiceStatus,
  LedgerReason,
  Level,
  MatchFactor,
  MatchStatus,
  NeedPlace,
  NeedStatus,
  VisitForm,
  VisitStatus,
  OrganisationKind,
  OutcomeReason,
  Role,
  SearchEntity,
  ServiceStatus,
  SlotStatus,
  VerificationStatus,
  VettingKind,
  VettingStatus,
} from './gql/graphql';

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
  'reference.area_point_set',
  'child.list',
  'child.read',
  'child.registered',
  'child.updated',
  'child.reviewed',
  'child.consent_recorded',
  'child.imported',
  'child.report_exported',
  'child.match_outside_scope',
  'ledger.entered',
  'ledger.changed',
  'ledger.left',
  'ledger.cadence_changed',
  'ledger.visit_recorded',
  'ledger.visit_reviewed',
  'need.created',
  'need.updated',
  'need.status',
  'match.consent_override',
  'funding.read',
  'funding.budget_line_created',
  'funding.contract_created',
  'funding.contract_signed',
  'funding.contract_ended',
  'funding.authorised',
  'funding.delivery_verified',
  'funding.delivery_returned',
  'funding.invoice_submitted',
  'funding.invoice_accepted',
  'funding.invoice_rejected',
  'funding.invoice_disputed',
  'funding.payment_recorded',
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

// ---- directory ----

export const allCategories: readonly Category[] = [
  'READING_GUIDANCE',
  'LETTER_COMPANIONSHIP',
  'RECREATION',
  'PSYCHOLOGICAL_COUNSELLING',
  'REHABILITATION',
  'AUTISM_SUPPORT',
  'CITY_INTEGRATION',
  'PUBLIC_CULTURE',
  'FAMILY_EDUCATION',
  'LEGAL_EDUCATION',
  'ONE_TO_ONE_SUPPORT',
  'PARENT_EMPLOYMENT',
];

export const allVettingKinds: readonly VettingKind[] = ['CRIMINAL_RECORD_CHECK', 'TRAINING', 'SAFEGUARDING_PLEDGE'];

export const allOrgKinds: readonly OrganisationKind[] = [
  'SOCIAL_ORGANISATION',
  'LIBRARY',
  'MUSEUM',
  'YOUTH_LEAGUE',
  'WOMENS_FEDERATION',
  'OTHER',
];

// Day 1 is Monday, 7 Sunday, as TimeWindow counts them.
export const weekDays = [1, 2, 3, 4, 5, 6, 7] as const;

export function categoryLabel(t: TFunction, c: Category): string {
  return t(`category.${c}`);
}

export function vettingKindLabel(t: TFunction, k: VettingKind): string {
  return t(`vettingKind.${k}`);
}

export function vettingStatusLabel(t: TFunction, s: VettingStatus): string {
  return t(`vettingStatus.${s}`);
}

export function serviceStatusLabel(t: TFunction, s: ServiceStatus): string {
  return t(`serviceStatus.${s}`);
}

export function verificationLabel(t: TFunction, s: VerificationStatus): string {
  return t(`verification.${s}`);
}

export function slotStatusLabel(t: TFunction, s: SlotStatus): string {
  return t(`slotStatus.${s}`);
}

export function eventStatusLabel(t: TFunction, s: EventStatus): string {
  return t(`eventStatus.${s}`);
}

export function fundingLabel(t: TFunction, f: Funding): string {
  return t(`funding.${f}`);
}

export function dayLabel(t: TFunction, day: number): string {
  return t(`day.d${day}`);
}

export const statusColor: Record<string, string> = {
  DRAFT: 'default',
  ACTIVE: 'green',
  PAUSED: 'orange',
  ENDED: 'default',
  PUBLISHED: 'green',
  CANCELLED: 'red',
  UNVERIFIED: 'gold',
  VERIFIED: 'green',
  REJECTED: 'red',
  PENDING: 'gold',
  APPROVED: 'green',
};

// "HH:mm" ↔ minutes from midnight, as TimeWindow carries them.
export function minutesToHHmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function hhmmToMinutes(value: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

export function formatWindow(t: TFunction, w: { day: number; start: number; end: number }): string {
  return `${dayLabel(t, w.day)} ${minutesToHHmm(w.start)}–${minutesToHHmm(w.end)}`;
}

export function formatAgeRange(t: TFunction, min: number, max: number): string {
  return t('directory.ageRange', { min, max });
}

// Dates (the Date scalar) as the API writes them.
export const dateFormat = 'YYYY-MM-DD';

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

export function formatSpan(start: string, end: string): string {
  const s = dayjs(start);
  const e = dayjs(end);
  return s.isSame(e, 'day')
    ? `${s.format('YYYY-MM-DD HH:mm')}–${e.format('HH:mm')}`
    : `${s.format('YYYY-MM-DD HH:mm')} – ${e.format('YYYY-MM-DD HH:mm')}`;
}

// ---- children ----

export const allGenders: readonly Gender[] = ['FEMALE', 'MALE'];
export const allMovedWith: readonly MovedWith[] = ['ONE_GUARDIAN', 'BOTH_GUARDIANS', 'OTHER_CARER', 'ALONE'];
export const allConsentPurposes: readonly ConsentPurpose[] = ['SERVICES', 'SHARE_WITH_PROVIDER', 'STATISTICS'];
export const allConsentMethods: readonly ConsentMethod[] = ['WRITTEN', 'VERBAL', 'ONLINE'];

// Reasons a child does not count as a flow child (Eligibility.reasons).
export const eligibilityReasons = [
  'AGE_16_OR_OVER',
  'LIVED_HERE_UNDER_6_MONTHS',
  'MOVED_ONLY_AMONG_CENTRAL_DISTRICTS',
  'HUKOU_IN_RESIDENCE_COUNTY',
  'NOT_MOVED_WITH_GUARDIAN_OR_CARER',
  'ARRIVAL_IN_FUTURE',
] as const;

export function genderLabel(t: TFunction, g: Gender): string {
  return t(`gender.${g}`);
}

export function movedWithLabel(t: TFunction, m: MovedWith): string {
  return t(`movedWith.${m}`);
}

export function consentPurposeLabel(t: TFunction, p: ConsentPurpose): string {
  return t(`consentPurpose.${p}`);
}

export function consentMethodLabel(t: TFunction, m: ConsentMethod): string {
  return t(`consentMethod.${m}`);
}

// Reasons added on the server before the web app knows them are shown as sent.
export function eligibilityReasonLabel(t: TFunction, reason: string): string {
  return (eligibilityReasons as readonly string[]).includes(reason) ? t(`eligibilityReason.${reason}`) : reason;
}

// Parts of a child's file named in its access log.
export function filePartLabel(t: TFunction, part: string): string {
  return ['profile', 'id_number', 'guardians', 'consents', 'ledger', 'visits', 'needs', 'provider_profile'].includes(part) ? t(`filePart.${part}`) : part;
}

// ---- key-care ledger, visits, needs ----

export const allLedgerReasons: readonly LedgerReason[] = [
  'FAMILY_HARDSHIP',
  'DISABILITY',
  'LACK_OF_GUARDIANSHIP',
  'VAGRANCY',
  'PSYCHOLOGICAL_OR_BEHAVIOURAL',
  'OWN_REQUEST_FOR_HELP',
];
export const allLevels: readonly Level[] = ['HIGH', 'MEDIUM', 'LOW'];
export const allVisitForms: readonly VisitForm[] = ['HOME', 'SCHOOL', 'PHONE'];
export const allNeedPlaces: readonly NeedPlace[] = ['NEAR_HOME', 'NEAR_SCHOOL', 'VENUE', 'ANY'];
export const allNeedStatuses: readonly NeedStatus[] = ['OPEN', 'MATCHING', 'IN_SERVICE', 'MET', 'WITHDRAWN'];
export const allImportSources: readonly ImportSource[] = ['EDUCATION', 'PUBLIC_SECURITY'];

// Where a need may go next (the server enforces the same; MET and WITHDRAWN are final).
export const needTransitions: Record<NeedStatus, readonly NeedStatus[]> = {
  OPEN: ['MATCHING', 'IN_SERVICE', 'WITHDRAWN'],
  MATCHING: ['OPEN', 'IN_SERVICE', 'WITHDRAWN'],
  IN_SERVICE: ['MET', 'OPEN', 'WITHDRAWN'],
  MET: [],
  WITHDRAWN: [],
};

// Values added on the server before the web app knows them are shown as sent.
function known(t: TFunction, prefix: string, value: string, values: readonly string[]): string {
  return values.includes(value) ? t(`${prefix}.${value}`) : value;
}

export function ledgerReasonLabel(t: TFunction, r: LedgerReason | string): string {
  return known(t, 'ledgerReason', r, allLedgerReasons);
}

export function levelRiskLabel(t: TFunction, l: Level | string): string {
  return known(t, 'risk', l, allLevels);
}

export function visitFormLabel(t: TFunction, f: VisitForm): string {
  return t(`visitForm.${f}`);
}

export function visitStatusLabel(t: TFunction, s: VisitStatus): string {
  return t(`visitStatus.${s}`);
}

export function needStatusLabel(t: TFunction, s: NeedStatus): string {
  return t(`needStatus.${s}`);
}

export function needPlaceLabel(t: TFunction, p: NeedPlace): string {
  return t(`needPlace.${p}`);
}

export function importSourceLabel(t: TFunction, s: ImportSource): string {
  return t(`importSource.${s}`);
}

export function importOutcomeLabel(t: TFunction, o: ImportOutcome): string {
  return t(`importOutcome.${o}`);
}

export function ledgerEventLabel(t: TFunction, e: string): string {
  return known(t, 'ledgerEvent', e, ['ENTERED', 'CHANGED', 'LEFT']);
}

export const riskColor: Record<Level, string> = { HIGH: 'red', MEDIUM: 'orange', LOW: 'blue' };
export const visitStatusColor: Record<VisitStatus, string> = { PENDING_REVIEW: 'gold', ACCEPTED: 'green', RETURNED: 'red' };
export const needStatusColor: Record<NeedStatus, string> = {
  OPEN: 'gold',
  MATCHING: 'blue',
  IN_SERVICE: 'cyan',
  MET: 'green',
  WITHDRAWN: 'default',
};
export const importOutcomeColor: Record<ImportOutcome, string> = { NEW: 'green', MATCHED: 'blue', CONFLICT: 'orange', INVALID: 'red' };

// A ledger event's detail (a JSON object) as lines a person can read:
// risk from → to, reasons, note, leaving reason. Unknown keys are shown as sent.
export function ledgerDetailLines(t: TFunction, detail: string): string[] {
  let obj: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(detail);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return detail ? [detail] : [];
    obj = parsed as Record<string, unknown>;
  } catch {
    return detail ? [detail] : [];
  }
  const reasons = (v: unknown) =>
    Array.isArray(v) ? v.map((r) => ledgerReasonLabel(t, String(r))).join('、') || t('common.none') : String(v);
  const lines: string[] = [];
  const handled = new Set<string>();
  const take = (key: string) => {
    handled.add(key);
    return obj[key];
  };
  if ('from_risk' in obj || 'to_risk' in obj) {
    const from = take('from_risk');
    const to = take('to_risk');
    lines.push(
      from === to
        ? t('ledgerDetail.risk', { risk: levelRiskLabel(t, String(to)) })
        : t('ledgerDetail.riskChange', { from: levelRiskLabel(t, String(from)), to: levelRiskLabel(t, String(to)) }),
    );
  }
  if ('risk' in obj) lines.push(t('ledgerDetail.risk', { risk: levelRiskLabel(t, String(take('risk'))) }));
  if ('from_reasons' in obj || 'to_reasons' in obj) {
    const from = reasons(take('from_reasons'));
    const to = reasons(take('to_reasons'));
    lines.push(from === to ? t('ledgerDetail.reasons', { reasons: to }) : t('ledgerDetail.reasonsChange', { from, to }));
  }
  if ('reasons' in obj) lines.push(t('ledgerDetail.reasons', { reasons: reasons(take('reasons')) }));
  if ('note' in obj && take('note')) lines.push(t('ledgerDetail.note', { note: String(obj.note) }));
  if ('reason' in obj && take('reason')) lines.push(t('ledgerDetail.leftReason', { reason: String(obj.reason) }));
  for (const [k, v] of Object.entries(obj)) {
    if (!handled.has(k) && v !== null && v !== '') lines.push(`${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return lines;
}

// ---- matching and the closed loop ----

export const allMatchStatuses: readonly MatchStatus[] = [
  'PROPOSED',
  'REQUESTED',
  'ACCEPTED',
  'DECLINED',
  'IN_PROGRESS',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
];
export const allOutcomeReasons: readonly OutcomeReason[] = [
  'COULD_NOT_CONTACT',
  'NOT_ELIGIBLE',
  'NO_CAPACITY',
  'NO_LONGER_INTERESTED',
  'GOT_HELP_ELSEWHERE',
  'SERVICE_DELIVERED',
  'MOVED_AWAY',
  'SCHEDULE_CONFLICT',
  'OTHER',
];
export const allMatchFactors: readonly MatchFactor[] = ['DISTANCE', 'SCHEDULE', 'LANGUAGE', 'CONTINUITY', 'COMPLETION_RATE', 'LOAD'];
export const allBookingStatuses: readonly BookingStatus[] = ['BOOKED', 'WAITLISTED', 'CANCELLED', 'ATTENDED', 'NO_SHOW'];
export const allAttendances: readonly Attendance[] = ['ATTENDED', 'EXCUSED', 'NO_SHOW'];
export const allHoursStatuses: readonly HoursStatus[] = ['NOT_APPLICABLE', 'PENDING', 'APPROVED', 'REJECTED'];

// Matches that still hold the need; the rest have ended.
export const openMatchStatuses: readonly MatchStatus[] = ['PROPOSED', 'REQUESTED', 'ACCEPTED', 'IN_PROGRESS'];

export function isOpenMatch(s: MatchStatus): boolean {
  return openMatchStatuses.includes(s);
}

export function matchStatusLabel(t: TFunction, s: MatchStatus | string): string {
  return known(t, 'matchStatus', s, allMatchStatuses);
}

export function outcomeReasonLabel(t: TFunction, r: OutcomeReason | string): string {
  return known(t, 'outcomeReason', r, allOutcomeReasons);
}

export function matchFactorLabel(t: TFunction, f: MatchFactor | string): string {
  return known(t, 'matchFactor', f, allMatchFactors);
}

export function bookingStatusLabel(t: TFunction, s: BookingStatus | string): string {
  return known(t, 'bookingStatus', s, allBookingStatuses);
}

export function attendanceLabel(t: TFunction, a: Attendance | string): string {
  return known(t, 'attendance', a, allAttendances);
}

export function hoursStatusLabel(t: TFunction, s: HoursStatus | string): string {
  return known(t, 'hoursStatus', s, allHoursStatuses);
}

export function entityLabel(t: TFunction, e: SearchEntity): string {
  return t(`directory.entity.${e}`);
}

export const matchStatusColor: Record<MatchStatus, string> = {
  PROPOSED: 'default',
  REQUESTED: 'gold',
  ACCEPTED: 'blue',
  DECLINED: 'orange',
  IN_PROGRESS: 'cyan',
  COMPLETED: 'green',
  FAILED: 'red',
  CANCELLED: 'default',
};
export const bookingStatusColor: Record<BookingStatus, string> = {
  BOOKED: 'blue',
  WAITLISTED: 'gold',
  CANCELLED: 'default',
  ATTENDED: 'green',
  NO_SHOW: 'red',
};
export const attendanceColor: Record<Attendance, string> = { ATTENDED: 'green', EXCUSED: 'gold', NO_SHOW: 'red' };
export const hoursStatusColor: Record<HoursStatus, string> = {
  NOT_APPLICABLE: 'default',
  PENDING: 'gold',
  APPROVED: 'green',
  REJECTED: 'red',
};
export const entityColor: Record<SearchEntity, string> = { SERVICE: 'blue', VOLUNTEER: 'magenta', SLOT: 'purple', EVENT: 'geekblue' };

// Minutes as hours with one decimal, the way volunteer hours are counted.
export function formatHours(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toFixed(1);
}

// ---- funded service purchases ----

export const allFundingSources: readonly FundingSource[] = ['CITY', 'DISTRICT', 'CENTRAL_TRANSFER'];
export const allContractUnits: readonly ContractUnit[] = ['SERVICE_HOUR', 'SESSION', 'CHILD_SERVED'];
export const allContractStatuses: readonly ContractStatus[] = ['DRAFT', 'SIGNED', 'ACTIVE', 'CLOSED', 'TERMINATED'];
export const allInvoiceStatuses: readonly InvoiceStatus[] = ['SUBMITTED', 'DISPUTED', 'ACCEPTED', 'PAID', 'REJECTED'];
export const allDeliveryStatuses: readonly DeliveryStatus[] = ['VERIFIED', 'RETURNED'];

export function fundingSourceLabel(t: TFunction, s: FundingSource | string): string {
  return known(t, 'fundingSource', s, allFundingSources);
}

export function contractUnitLabel(t: TFunction, u: ContractUnit | string): string {
  return known(t, 'contractUnit', u, allContractUnits);
}

// The unit as it follows a price or a count: "¥200.00 / 小时", "300 小时".
export function contractUnitShort(t: TFunction, u: ContractUnit | string): string {
  return known(t, 'contractUnitShort', u, allContractUnits);
}

export function contractStatusLabel(t: TFunction, s: ContractStatus | string): string {
  return known(t, 'contractStatus', s, allContractStatuses);
}

export function invoiceStatusLabel(t: TFunction, s: InvoiceStatus | string): string {
  return known(t, 'invoiceStatus', s, allInvoiceStatuses);
}

export function deliveryStatusLabel(t: TFunction, s: DeliveryStatus | string): string {
  return known(t, 'deliveryStatus', s, allDeliveryStatuses);
}

export const contractStatusColor: Record<ContractStatus, string> = {
  DRAFT: 'default',
  SIGNED: 'blue',
  ACTIVE: 'green',
  CLOSED: 'default',
  TERMINATED: 'red',
};
export const invoiceStatusColor: Record<InvoiceStatus, string> = {
  SUBMITTED: 'gold',
  DISPUTED: 'orange',
  ACCEPTED: 'blue',
  PAID: 'green',
  REJECTED: 'red',
};
export const deliveryStatusColor: Record<DeliveryStatus, string> = { VERIFIED: 'green', RETURNED: 'red' };
