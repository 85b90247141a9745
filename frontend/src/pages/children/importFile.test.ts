import { describe, expect, it } from 'vitest';
import { bytesToBase64, csvField, fileToBase64, importRequiredColumns, importTemplateCsv, isImportFileName, templateColumns } from './importFile';

function decodeBase64(b64: string): string {
  const bin = atob(b64);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

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

describe('reading a file as base64', () => {
  it('round-trips UTF-8 text, BOM included', async () => {
    const text = importTemplateCsv();
    const b64 = await fileToBase64(new Blob([text]));
    expect(decodeBase64(b64)).toBe(text);
  });

  it('encodes large files in chunks', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    const b64 = bytesToBase64(bytes);
    const back = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    expect(back).toEqual(bytes);
  });

  it('accepts only CSV and XLSX names', () => {
    expect(isImportFileName('pupils.csv')).toBe(true);
    expect(isImportFileName('名单.XLSX')).toBe(true);
    expect(isImportFileName('list.xls')).toBe(false);
    expect(isImportFileName('list.csv.txt')).toBe(false);
  });
});
