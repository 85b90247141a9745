import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import zh from './zh.json';
import en from './en.json';
import i18n from './index';
import { allRoles, auditActionLabel, knownAuditActions } from '../labels';

function flatten(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  const zhKeys = flatten(zh).sort();
  const enKeys = flatten(en).sort();

  it('every Chinese key has an English translation', () => {
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('every English key has a Chinese translation', () => {
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
  });

  it('has no empty strings', () => {
    const t = (lng: string) => i18n.getFixedT(lng);
    for (const key of zhKeys) {
      expect(t('zh')(key), `zh ${key}`).not.toBe('');
      expect(t('en')(key), `en ${key}`).not.toBe('');
    }
  });

  it('defines every key the code asks for with a literal', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(import.meta.dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/label: '([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !zhKeys.includes(k))).toEqual([]);
  });

  it('names every role, and the roles in Chinese as the programme does', () => {
    for (const role of allRoles) expect(zhKeys).toContain(`role.${role}`);
    expect(i18n.getFixedT('zh')('role.CHILD_DIRECTOR')).toBe('儿童主任');
    expect(i18n.getFixedT('zh')('role.AUDITOR')).toBe('监督审计');
  });

  it('labels known audit actions and shows unknown ones raw', () => {
    const t = i18n.getFixedT('zh');
    for (const action of knownAuditActions) expect(auditActionLabel(t, i18n, action)).not.toBe(action);
    expect(auditActionLabel(t, i18n, 'auth.sign_in')).toBe('登录');
    expect(auditActionLabel(t, i18n, 'care.child_read')).toBe('care.child_read');
    expect(auditActionLabel(t, i18n, 'auth')).toBe('auth');
  });
});
