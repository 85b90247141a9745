import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import {
  allAttendances,
  allBookingStatuses,
  allHoursStatuses,
  allMatchFactors,
  allMatchStatuses,
  allOutcomeReasons,
  attendanceLabel,
  bookingStatusLabel,
  formatHours,
  hoursStatusLabel,
  isOpenMatch,
  matchFactorLabel,
  matchStatusLabel,
  outcomeReasonLabel,
} from './labels';
import { notificationTarget } from './components/NotificationBell';

describe('matching labels', () => {
  const zh = i18n.getFixedT('zh');
  const en = i18n.getFixedT('en');

  it('names every match status as the referral loop reads in Chinese', () => {
    expect(allMatchStatuses.map((s) => matchStatusLabel(zh, s))).toEqual(['待发送', '已发送', '已接受', '已婉拒', '服务中', '已完成', '未成功', '已取消']);
    expect(matchStatusLabel(en, 'IN_PROGRESS')).toBe('In progress');
  });

  it('names every outcome reason, factor, booking, attendance and hours status in both languages', () => {
    expect(allOutcomeReasons.map((r) => outcomeReasonLabel(zh, r))).toEqual([
      '联系不上',
      '不符合条件',
      '名额已满',
      '不再需要',
      '已在别处获得帮助',
      '服务已完成',
      '已迁离',
      '时间冲突',
      '其他',
    ]);
    expect(allMatchFactors.map((f) => matchFactorLabel(zh, f))).toEqual(['距离', '时间匹配', '语言/方言', '延续性', '完成率', '当前负荷']);
    expect(allBookingStatuses.map((s) => bookingStatusLabel(zh, s))).toEqual(['已预约', '候补', '已取消', '已出席', '未到']);
    expect(allAttendances.map((a) => attendanceLabel(zh, a))).toEqual(['出席', '请假', '未到']);
    expect(allHoursStatuses.map((s) => hoursStatusLabel(zh, s))).toEqual(['不计时长', '待审核', '已通过', '已退回']);
    for (const [all, label] of [
      [allMatchStatuses, matchStatusLabel],
      [allOutcomeReasons, outcomeReasonLabel],
      [allMatchFactors, matchFactorLabel],
      [allBookingStatuses, bookingStatusLabel],
      [allAttendances, attendanceLabel],
      [allHoursStatuses, hoursStatusLabel],
    ] as const) {
      for (const v of all) expect((label as (t: typeof en, v: string) => string)(en, v)).not.toBe(v);
    }
  });

  it('shows values the web app does not know yet as sent', () => {
    expect(matchStatusLabel(zh, 'ON_HOLD')).toBe('ON_HOLD');
    expect(outcomeReasonLabel(zh, 'WEATHER')).toBe('WEATHER');
  });

  it('counts open matches as those still holding the need', () => {
    expect(allMatchStatuses.filter(isOpenMatch)).toEqual(['PROPOSED', 'REQUESTED', 'ACCEPTED', 'IN_PROGRESS']);
  });

  it('writes hours with one decimal', () => {
    expect(formatHours(0)).toBe('0.0');
    expect(formatHours(90)).toBe('1.5');
    expect(formatHours(100)).toBe('1.7');
    expect(formatHours(180)).toBe('3.0');
  });

  it('sends staff to the match and providers to their inbox from a notification', () => {
    expect(notificationTarget({ matchId: 'm1' }, ['CHILD_DIRECTOR'])).toBe('/matching/match/m1');
    expect(notificationTarget({ matchId: 'm1' }, ['VOLUNTEER'])).toBe('/inbox');
    expect(notificationTarget({ matchId: null }, ['VOLUNTEER'])).toBeNull();
    expect(notificationTarget({ matchId: 'm1' }, ['ADMIN'])).toBeNull();
  });
});
