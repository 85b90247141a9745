// Money crosses the API as whole fen (the Fen scalar). It is shown as yuan and
// typed as yuan, and the conversion works on the digits of the string, never
// on a float, so "0.29" is 29 fen and not 28.999….

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// ¥12,345.67 for 1234567; a dash when there is no amount (e.g. cost per child before any delivery).
export function formatFen(fen: number | null | undefined): string {
  if (fen == null || !Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}¥${group(String(yuan))}.${String(cents).padStart(2, '0')}`;
}

// The plain yuan figure an input starts from: 12345 → "123.45".
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// Yuan as a number for charts, where a rounding in the last place cannot mislead.
export function fenToYuanNumber(fen: number): number {
  return fen / 100;
}

export type YuanProblem = 'empty' | 'negative' | 'decimals' | 'format' | 'zero' | 'tooLarge';

export type ParsedYuan = { ok: true; fen: number } | { ok: false; problem: YuanProblem };

// Ten trillion yuan is far beyond any budget and keeps every fen exact in a JavaScript number.
const maxYuanDigits = 13;

// Reads an amount typed in yuan: "1234.5", "1,234.50", "¥1234". At most two
// decimals; no negatives; zero only when allowed.
export function parseYuan(input: string, { allowZero = false }: { allowZero?: boolean } = {}): ParsedYuan {
  const s = input.trim().replace(/^[¥￥]\s*/, '');
  if (s === '') return { ok: false, problem: 'empty' };
  if (/^[-−]/.test(s)) return { ok: false, problem: 'negative' };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === undefined && !m[2])) return { ok: false, problem: 'format' };
  const whole = (m[1] ?? '0').replaceAll(',', '').replace(/^0+(?=\d)/, '');
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, problem: 'decimals' };
  if (whole.length > maxYuanDigits) return { ok: false, problem: 'tooLarge' };
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen === 0 && !allowZero) return { ok: false, problem: 'zero' };
  return { ok: true, fen };
}

// Minutes as service hours with one decimal: 90 → "1.5".
export function minutesToHours(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toFixed(1);
}

// A share (0.42) as a whole percent for a progress bar, kept within 0–100.
export function percent(share: number): number {
  if (!Number.isFinite(share)) return 0;
  return Math.max(0, Math.min(100, Math.round(share * 100)));
}

// A value multiplied out exactly, or null when it would leave the range where
// every fen is exact (the server refuses such contracts too).
export function multiplyFen(fen: number, quantity: number): number | null {
  const v = fen * quantity;
  return Number.isSafeInteger(v) ? v : null;
}

// A payment's idempotency key. randomUUID needs a secure context; a page
// served over plain http on a LAN address falls back to random bytes.
export function newIdempotencyKey(c: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = crypto): string {
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
