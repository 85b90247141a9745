import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { canPair, factorText, formatPoints } from './factors';
import { parseStatuses } from './MatchBoardPage';
import { overrideReasonOk } from './MatchDetailPage';

describe('score explanations', () => {
  const zh = i18n.getFixedT('zh');
  const en = i18n.getFixedT('en');

  it('writes each factor with its raw value and its points out of the most it can add', () => {
    expect(factorText(zh, { factor: 'DISTANCE', value: 1.23, points: 35.14, max: 40 })).toBe('距离 1.2 公里：+35.1 / 40');
    expect(factorText(zh, { factor: 'SCHEDULE', value: 1, points: 20, max: 20 }, 1)).toBe('覆盖 1/1 个偏好时段：+20 / 20');
    expect(factorText(zh, { factor: 'SCHEDULE', value: 0.5, points: 10, max: 20 }, 2)).toBe('覆盖 1/2 个偏好时段：+10 / 20');
    expect(factorText(zh, { factor: 'COMPLETION_RATE', value: 0.5, points: 2.5, max: 5 })).toBe('完成率 50%：+2.5 / 5');
    expect(factorText(zh, { factor: 'LOAD', value: 0, points: 5, max: 5 })).toBe('进行中 0 个匹配：+5 / 5');
    expect(factorText(zh, { factor: 'LANGUAGE', value: 1, points: 15, max: 15 })).toBe('会说儿童熟悉的语言或方言：+15 / 15');
    expect(factorText(zh, { factor: 'CONTINUITY', value: 0, points: 0, max: 15 })).toBe('此前未为该儿童服务：+0 / 15');
  });

  it('says so when an offer has no place or the need no preferred times', () => {
    expect(factorText(zh, { factor: 'DISTANCE', value: -1, points: 40, max: 40 })).toBe('无固定地点：+40 / 40');
    expect(factorText(zh, { factor: 'SCHEDULE', value: 0, points: 0, max: 20 }, 0)).toBe('需求未限定时间：+0 / 20');
    expect(factorText(zh, { factor: 'SCHEDULE', value: 0.5, points: 10, max: 20 })).toBe('覆盖 50% 的偏好时段：+10 / 20');
  });

  it('reads in English too', () => {
    expect(factorText(en, { factor: 'DISTANCE', value: 1.2, points: 35.1, max: 40 })).toBe('Distance 1.2 km: +35.1 / 40');
    expect(factorText(en, { factor: 'LOAD', value: 2, points: 3.5, max: 5 })).toBe('2 in progress: +3.5 / 5');
  });

  it('rounds points to one decimal without a trailing zero', () => {
    expect(formatPoints(20)).toBe('20');
    expect(formatPoints(19.96)).toBe('20');
    expect(formatPoints(2.54)).toBe('2.5');
    expect(formatPoints(0)).toBe('0');
  });
});

describe('matching rules on the page', () => {
  it('offers long-term pairing to volunteers and services for companion needs only', () => {
    expect(canPair('VOLUNTEER', 'READING_GUIDANCE')).toBe(true);
    expect(canPair('SERVICE', 'PSYCHOLOGICAL_COUNSELLING')).toBe(true);
    expect(canPair('SLOT', 'READING_GUIDANCE')).toBe(false);
    expect(canPair('VOLUNTEER', 'RECREATION')).toBe(false);
  });

  it('reads board statuses from the address and drops unknown ones', () => {
    expect(parseStatuses('PROPOSED,REQUESTED')).toEqual(['PROPOSED', 'REQUESTED']);
    expect(parseStatuses('PROPOSED,NOPE')).toEqual(['PROPOSED']);
    expect(parseStatuses(null)).toEqual([]);
  });

  it('asks for ten characters of reason before sharing without consent', () => {
    expect(overrideReasonOk('监护人失联，儿童急需心理疏导')).toBe(true);
    expect(overrideReasonOk('情况紧急')).toBe(false);
    expect(overrideReasonOk('   一二三四五六七八九   ')).toBe(false);
    expect(overrideReasonOk('一二三四五六七八九十')).toBe(true);
  });
});
