import { describe, expect, it } from 'vitest';
import {
  csvField,
  importFileProblem,
  importMaxBytes,
  importMaxMiB,
  importMaxRows,
  importRequiredColumns,
  importTemplateCsv,
  isImportFileName,
  templateColumns,
} from './importFile';

describe('the import template', () => {
  it('starts with a BOM and names every required column first', () => {
    const csv = importTemplateCsv();
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, example] = csv.slice(1).trimEnd().split('\r\n');
    const cols = header.split(',');
    expect(cols.slice(0, importRequiredColumns.length)).toEqual([...importRequiredColumns]);
    expect(cols).toContain('身份证号码');
    expect(cols).toContain('监护人姓名');
    expect(new Set(cols).size).toBe(templateColumns.length);
    expect(example.split(',')).toHaveLength(cols.length);
    expect(example).toContain('110105001001');
  });

  it('can be just the header', () => {
    expect(importTemplateCsv(false).slice(1).trimEnd().split('\r\n')).toHaveLength(1);
  });

  it('quotes fields that need it', () => {
    expect(csvField('普通话')).toBe('普通话');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });
});

describe('checking a file before it is sent', () => {
  it('accepts only CSV and XLSX names', () => {
    expect(isImportFileName('pupils.csv')).toBe(true);
    expect(isImportFileName('名单.XLSX')).toBe(true);
    expect(isImportFileName('list.xls')).toBe(false);
    expect(isImportFileName('list.csv.txt')).toBe(false);
  });

  it('refuses empty files and files over the server limit', () => {
    expect(importFileProblem({ name: 'list.xls', size: 10 })).toBe('wrongType');
    expect(importFileProblem({ name: 'list.csv', size: 0 })).toBe('empty');
    expect(importFileProblem({ name: 'list.csv', size: importMaxBytes })).toBeNull();
    expect(importFileProblem({ name: 'list.xlsx', size: importMaxBytes + 1 })).toBe('tooLarge');
    expect(importMaxMiB).toBe(32);
    expect(importMaxRows).toBe(20000);
  });
});
