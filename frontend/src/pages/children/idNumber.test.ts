import { describe, expect, it } from 'vitest';
import { checkIdNumber, idBirthDate, idCheckChar, maskIdNumber } from './idNumber';

describe('ID number check (GB 11643)', () => {
  it('accepts valid numbers, including the standard example ending in X', () => {
    // The example printed in GB 11643-1999.
    expect(checkIdNumber('11010519491231002X')).toBeUndefined();
    expect(checkIdNumber('11010519491231002x')).toBeUndefined();
    expect(checkIdNumber('411681201607010029')).toBeUndefined();
    expect(checkIdNumber('110105201801010019', '2018-01-01')).toBeUndefined();
    expect(checkIdNumber(' 11010520170315123X ', '2017-03-15')).toBeUndefined();
  });

  it('computes the check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('41168120160701002')).toBe('9');
    expect(idCheckChar('11010520180101001')).toBe('9');
  });

  it('rejects a wrong check character', () => {
    expect(checkIdNumber('411681201607010028')).toBe('checkDigit');
    expect(checkIdNumber('110105194912310021')).toBe('checkDigit');
  });

  it('rejects wrong length and non-digits', () => {
    expect(checkIdNumber('41168120160701002')).toBe('length');
    expect(checkIdNumber('4116812016070100299')).toBe('length');
    expect(checkIdNumber('41168120160701A029')).toBe('digits');
    expect(checkIdNumber('X11681201607010029')).toBe('digits');
  });

  it('rejects an impossible birth date inside the number', () => {
    // 2017-02-30 does not exist; the check character is right for these digits.
    const first17 = '11010520170230001';
    expect(checkIdNumber(first17 + idCheckChar(first17))).toBe('birthDate');
    const month13 = '11010520171301001';
    expect(checkIdNumber(month13 + idCheckChar(month13))).toBe('birthDate');
  });

  it('rejects a birth date that differs from the one entered', () => {
    expect(checkIdNumber('411681201607010029', '2016-07-02')).toBe('birthMismatch');
    expect(checkIdNumber('411681201607010029', '2016-07-01')).toBeUndefined();
  });

  it('reads the birth date and masks the number', () => {
    expect(idBirthDate('411681201607010029')).toBe('2016-07-01');
    expect(maskIdNumber('411681201607010029')).toBe('411681********0029');
  });
});
