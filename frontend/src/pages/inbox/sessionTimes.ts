import type { Dayjs } from 'dayjs';
import type { MatchStatus } from '../../gql/graphql';
import { hhmmToMinutes } from '../../labels';

export type InboxTab = 'requested' | 'active' | 'ended';

export const inboxTabs: readonly InboxTab[] = ['requested', 'active', 'ended'];

// Which statuses each tab of the inbox lists; every status has one tab.
export const inboxStatuses: Record<InboxTab, MatchStatus[]> = {
  requested: ['REQUESTED'],
  active: ['ACCEPTED', 'IN_PROGRESS'],
  ended: ['DECLINED', 'COMPLETED', 'FAILED', 'CANCELLED'],
};

export type SessionProblem = 'missing' | 'endBeforeStart' | 'future' | 'tooLong' | 'tooOld';

// The limits the server holds a logged session to.
export const maxSessionHours = 12;
export const maxSessionAgeDays = 90;

// A session's start and end from the day and the two clock times a provider
// types, or why they cannot be logged.
export function sessionTimes(
  date: Dayjs | null | undefined,
  start: string | undefined,
  end: string | undefined,
  now: Dayjs,
): { startsAt: Dayjs; endsAt: Dayjs } | { problem: SessionProblem } {
  const from = start ? hhmmToMinutes(start) : undefined;
  const to = end ? hhmmToMinutes(end) : undefined;
  if (!date || from === undefined || to === undefined) return { problem: 'missing' };
  const day = date.startOf('day');
  const startsAt = day.add(from, 'minute');
  const endsAt = day.add(to, 'minute');
  if (!endsAt.isAfter(startsAt)) return { problem: 'endBeforeStart' };
  if (endsAt.isAfter(now)) return { problem: 'future' };
  if (endsAt.diff(startsAt, 'minute') > maxSessionHours * 60) return { problem: 'tooLong' };
  if (startsAt.isBefore(now.subtract(maxSessionAgeDays, 'day'))) return { problem: 'tooOld' };
  return { startsAt, endsAt };
}
