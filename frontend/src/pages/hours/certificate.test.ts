import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { certificateUrl, fetchCertificate, fileNameFrom } from './certificate';

function response(status: number, body: string, headers: Record<string, string> = {}) {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    blob: async () => new Blob([body]),
    text: async () => body,
  };
}

describe('the volunteer certificate download', () => {
  const t = i18n.getFixedT('zh');

  it('shows the server’s message when it refuses', async () => {
    const body = JSON.stringify({ error: { code: 'CONFLICT', message: '还没有已通过审核的服务时长' } });
    const r = await fetchCertificate(async () => response(409, body), t);
    expect(r).toEqual({ problem: '还没有已通过审核的服务时长' });
  });

  it('falls back to its own words for other failures', async () => {
    expect(await fetchCertificate(async () => response(502, '<html>'), t)).toEqual({ problem: '下载失败（502），请稍后重试。' });
    expect(
      await fetchCertificate(async () => {
        throw new TypeError('offline');
      }, t),
    ).toEqual({ problem: '无法连接服务器，请检查网络后重试。' });
  });

  it('asks the same origin with the session cookie and keeps the server’s file name', async () => {
    let asked: { url: string; init?: RequestInit } | undefined;
    const r = await fetchCertificate(async (url, init) => {
      asked = { url, init };
      return response(200, '%PDF', { 'content-disposition': "attachment; filename=\"hours.pdf\"; filename*=UTF-8''%E5%BF%97%E6%84%BF.pdf" });
    }, t);
    expect(asked).toEqual({ url: certificateUrl, init: { credentials: 'include' } });
    expect('fileName' in r && r.fileName).toBe('志愿.pdf');
  });

  it('reads file names plain or encoded', () => {
    expect(fileNameFrom(null, 'x.pdf')).toBe('x.pdf');
    expect(fileNameFrom('attachment; filename="a.pdf"', 'x.pdf')).toBe('a.pdf');
    expect(fileNameFrom("attachment; filename*=UTF-8''%E8%AF%81%E6%98%8E.pdf", 'x.pdf')).toBe('证明.pdf');
  });
});
