// Helpers for importing lists of children from the education and
// public-security authorities. The file is read in the browser and sent as
// base64 inside the GraphQL request; nothing is uploaded separately.

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

// Bytes to base64, in chunks so large files do not overflow the call stack.
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await readBytes(file)));
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
