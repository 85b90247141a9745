import type { TFunction } from 'i18next';

// Same origin: the session cookie goes with the request.
export const certificateUrl = '/certificates/volunteer-hours.pdf';

interface ResponseLike {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  blob(): Promise<Blob>;
  text(): Promise<string>;
}

type Fetch = (url: string, init?: RequestInit) => Promise<ResponseLike>;

// The file name the server gives (RFC 6266, UTF-8 form first), else ours.
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const utf8 = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1].trim());
    } catch {
      // A malformed name is no reason to refuse the file.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

// The server refuses with {"error":{"code","message"}} (409 when no hours are approved yet); show its words.
export async function refusal(res: ResponseLike, t: TFunction): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string' && body.error.message) return body.error.message;
  } catch {
    // Not JSON: fall through to a message of our own.
  }
  return t('hours.certificateFailed', { status: res.status });
}

export async function fetchCertificate(fetchFn: Fetch, t: TFunction): Promise<{ blob: Blob; fileName: string } | { problem: string }> {
  let res: ResponseLike;
  try {
    res = await fetchFn(certificateUrl, { credentials: 'include' });
  } catch {
    return { problem: t('error.network') };
  }
  if (res.status !== 200) return { problem: await refusal(res, t) };
  return { blob: await res.blob(), fileName: fileNameFrom(res.headers.get('Content-Disposition'), t('hours.certificateFile')) };
}

// Fetched rather than linked so that a refusal shows as a message instead of a broken download.
export async function downloadCertificate(fetchFn: Fetch, t: TFunction): Promise<string | null> {
  const r = await fetchCertificate(fetchFn, t);
  if ('problem' in r) return r.problem;
  const url = URL.createObjectURL(r.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = r.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the address is let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}
