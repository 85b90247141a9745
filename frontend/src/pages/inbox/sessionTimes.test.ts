import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { allMatchStatuses } from '../../labels';
import { inboxStatuses, inboxTabs, sessionTimes } from './sessionTimes';

describe('logging a session', () => {
  const now = dayjs('2025-06-14T15:00:00');

  it('builds the start and end from the day and two clock times', () => {
    const r = sessionTimes(dayjs('2025-06-14'), '09:00', '10:30', now);
    expect('problem' in r).toBe(false);
    if (!('problem' in r)) {
      expect(r.startsAt.format('YYYY-MM-DD HH:mm')).toBe('2025-06-14 09:00');
      expect(r.endsAt.diff(r.startsAt, 'minute')).toBe(90);
    }
  });

  it('refuses an end before the start, a session not yet over, and one too long or too old', () => {
    expect(sessionTimes(dayjs('2025-06-14'), '10:00', '10:00', now)).toEqual({ problem: 'endBeforeStart' });
    expect(sessionTimes(dayjs('2025-06-14'), '11:00', '09:00', now)).toEqual({ problem: 'endBeforeStart' });
    expect(sessionTimes(dayjs('2025-06-14'), '14:00', '16:00', now)).toEqual({ problem: 'future' });
    expect(sessionTimes(dayjs('2025-06-15'), '09:00', '10:00', now)).toEqual({ problem: 'future' });
    expect(sessionTimes(dayjs('2025-06-13'), '06:00', '19:00', now)).toEqual({ problem: 'tooLong' });
    expect(sessionTimes(dayjs('2025-03-01'), '09:00', '10:00', now)).toEqual({ problem: 'tooOld' });
  });

  it('asks for what is missing', () => {
    expect(sessionTimes(null, '09:00', '10:00', now)).toEqual({ problem: 'missing' });
    expect(sessionTimes(dayjs('2025-06-14'), '', '10:00', now)).toEqual({ problem: 'missing' });
    expect(sessionTimes(dayjs('2025-06-14'), '09:00', '25:00', now)).toEqual({ problem: 'missing' });
  });
});

describe('inbox tabs', () => {
  it('put every status in exactly one tab', () => {
    const listed = inboxTabs.flatMap((tab) => inboxStatuses[tab]);
    expect([...listed].sort()).toEqual([...allMatchStatuses].filter((s) => s !== 'PROPOSED').sort());
    expect(inboxStatuses.requested).toEqual(['REQUESTED']);
    expect(inboxStatuses.active).toEqual(['ACCEPTED', 'IN_PROGRESS']);
  });
});
