// Helpers for importing lists of children from the education and
// public-security authorities. The file is sent as it is, as a GraphQL
// multipart upload, once to preview and once to import.

// The server's limits (internal/children/importfile.go): rows of one file,
// its size (also the server's limit on a multipart request), and the
// encodings a CSV may be in.
export const importMaxRows = 20_000;
export const importMaxBytes = 32 * 1024 * 1024;
export const importMaxMiB = importMaxBytes / (1024 * 1024);

// Columns the server reads (graph/schema/care.graphqls, previewChildImport).
export const importRequiredColumns = ['姓名', '性别', '出生日期', '户籍省', '户籍县', '随迁情况', '社区编码', '来京日期'] as const;
export const importOptionalColumns = ['身份证号码', '无证原因', '户籍市', '学校', '语言', '监护人姓名', '监护人关系', '监护人电话'] as const;

// The order of the template's columns: the required ones first.
export const templateColumns: readonly string[] = [...importRequiredColumns, ...importOptionalColumns];

// A plainly fictional example row, so the expected formats are clear.
const exampleRow: Record<string, string> = {
  姓名: '示例儿童',
  性别: '女',
  出生日期: '2016-05-01',
  户籍省: '河南省',
  户籍县: '项城市',
  随迁情况: '父母双方',
  社区编码: '110105001001',
  来京日期: '2022-03-01',
  身份证号码: '',
  无证原因: '尚未办理户口登记',
  户籍市: '周口市',
  学校: '示例小学',
  语言: '普通话、河南话',
  监护人姓名: '示例家长',
  监护人关系: '母亲',
  监护人电话: '13800138000',
};

// One CSV field, quoted when it holds a separator, quote or line break (RFC 4180).
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',');
}

// The template as CSV text. It starts with a byte-order mark so that Excel
// opens the Chinese headers as UTF-8; the server skips the mark.
export function importTemplateCsv(withExample = true): string {
  const lines = [csvLine(templateColumns)];
  if (withExample) lines.push(csvLine(templateColumns.map((c) => exampleRow[c] ?? '')));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export function isImportFileName(name: string): boolean {
  return /\.(csv|xlsx)$/i.test(name.trim());
}

export type ImportFileProblem = 'wrongType' | 'empty' | 'tooLarge';

// What is wrong with a chosen file before it is sent, if anything.
export function importFileProblem(file: { name: string; size: number }): ImportFileProblem | null {
  if (!isImportFileName(file.name)) return 'wrongType';
  if (file.size === 0) return 'empty';
  if (file.size > importMaxBytes) return 'tooLarge';
  return null;
}

// Offers the template for download, generated here (no request).
export function downloadImportTemplate(fileName: string) {
  const blob = new Blob([importTemplateCsv()], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
