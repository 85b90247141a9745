import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFen, minutesToHours, multiplyFen, newIdempotencyKey, parseYuan, percent } from './money';

describe('formatFen', () => {
  it('writes fen as yuan with two decimals and thousands separators', () => {
    expect(formatFen(1234567)).toBe('¥12,345.67');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(100)).toBe('¥1.00');
    expect(formatFen(50_000_000)).toBe('¥500,000.00');
    expect(formatFen(6_000_000)).toBe('¥60,000.00');
    expect(formatFen(99_999_999_999)).toBe('¥999,999,999.99');
    expect(formatFen(9007199254740991)).toBe('¥90,071,992,547,409.91');
  });

  it('keeps the sign in front and shows a dash for no amount', () => {
    expect(formatFen(-1234567)).toBe('-¥12,345.67');
    expect(formatFen(null)).toBe('—');
    expect(formatFen(undefined)).toBe('—');
  });
});

describe('parseYuan', () => {
  const fen = (s: string) => {
    const r = parseYuan(s);
    return r.ok ? r.fen : r.problem;
  };

  it('reads yuan into whole fen from the digits, without floating-point error', () => {
    expect(fen('123.45')).toBe(12345);
    expect(fen('0.29')).toBe(29);
    expect(fen('0.57')).toBe(57);
    expect(fen('1.1')).toBe(110);
    expect(fen('200')).toBe(20000);
    expect(fen('200.')).toBe(20000);
    expect(fen('.5')).toBe(50);
    expect(fen('4.35')).toBe(435);
    expect(fen('1005.99')).toBe(100599);
    expect(fen('500000')).toBe(50_000_000);
    expect(fen('9999999999999.99')).toBe(999999999999999);
  });

  it('accepts the ways people write amounts: spaces, a yuan sign, thousands separators, leading zeros', () => {
    expect(fen(' 1,234.50 ')).toBe(123450);
    expect(fen('¥60,000.00')).toBe(6_000_000);
    expect(fen('￥ 12')).toBe(1200);
    expect(fen('007.10')).toBe(710);
  });

  it('refuses more than two decimals, negatives and anything that is not an amount', () => {
    expect(fen('123.456')).toBe('decimals');
    expect(fen('0.001')).toBe('decimals');
    expect(fen('-5')).toBe('negative');
    expect(fen('-0.50')).toBe('negative');
    expect(fen('−5')).toBe('negative');
    expect(fen('')).toBe('empty');
    expect(fen('   ')).toBe('empty');
    expect(fen('abc')).toBe('format');
    expect(fen('1e5')).toBe('format');
    expect(fen('12,34')).toBe('format');
    expect(fen('1.2.3')).toBe('format');
    expect(fen('.')).toBe('format');
    expect(fen('+5')).toBe('format');
    expect(fen('10000000000000')).toBe('tooLarge');
  });

  it('refuses zero unless it is allowed', () => {
    expect(fen('0')).toBe('zero');
    expect(fen('0.00')).toBe('zero');
    expect(parseYuan('0', { allowZero: true })).toEqual({ ok: true, fen: 0 });
  });

  it('reads back what fenToYuan writes', () => {
    for (const f of [0, 1, 29, 100, 12345, 6_000_000, 999999999999999]) {
      expect(parseYuan(fenToYuan(f), { allowZero: true })).toEqual({ ok: true, fen: f });
    }
    expect(fenToYuan(12345)).toBe('123.45');
    expect(fenToYuan(5)).toBe('0.05');
  });
});

describe('other figures', () => {
  it('writes minutes as hours with one decimal', () => {
    expect(minutesToHours(0)).toBe('0.0');
    expect(minutesToHours(60)).toBe('1.0');
    expect(minutesToHours(90)).toBe('1.5');
    expect(minutesToHours(100)).toBe('1.7');
  });

  it('bounds a share to a whole percent', () => {
    expect(percent(0.425)).toBe(43);
    expect(percent(1.7)).toBe(100);
    expect(percent(-0.1)).toBe(0);
    expect(percent(Number.NaN)).toBe(0);
  });

  it('multiplies a price out exactly, or refuses beyond exact range', () => {
    expect(multiplyFen(20000, 300)).toBe(6_000_000);
    expect(multiplyFen(9007199254740991, 2)).toBeNull();
  });

  it('makes a fresh idempotency key each time, even without randomUUID', () => {
    const a = newIdempotencyKey();
    expect(a).not.toBe(newIdempotencyKey());
    const plain: Pick<Crypto, 'getRandomValues'> = { getRandomValues: (a) => crypto.getRandomValues(a) };
    const b = newIdempotencyKey(plain);
    expect(b).toMatch(/^[0-9a-f]{32}$/);
    expect(b).not.toBe(newIdempotencyKey(plain));
  });
});
