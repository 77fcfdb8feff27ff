// Pure parts of the citizens' question route (apps/cms/src/lib/questions).
import { describe, expect, it } from 'vitest';
import { clientIp, proxyList } from '../src/lib/questions/client-ip.ts';
import { RateLimiter } from '../src/lib/questions/rate-limit.ts';
import {
  cleanText,
  newTrackingCode,
  normalizeEmail,
  normalizePhone,
  normalizeTrackingCode,
  stripHtml,
  validateSubmission,
} from '../src/lib/questions/validate.ts';
import { QUESTION_REFUSALS, questionRefusalPath, questionRefusalReason } from '../../../packages/content/src/index.ts';

describe('question route helpers', () => {
  it('normalizes Vietnamese phone numbers', () => {
    expect(normalizePhone('0912 345 678')).toBe('0912345678');
    expect(normalizePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalizePhone('(0291) 3880 161')).toBe('02913880161');
    for (const bad of ['0123', '0612345678', '12345678901', '09123456789', 'abc', '0912-345-67x'])
      expect(normalizePhone(bad), bad).toBeNull();
  });

  it('checks e-mail addresses', () => {
    expect(normalizeEmail(' An.Nguyen@Example.VN ')).toBe('An.Nguyen@example.vn');
    for (const bad of ['a@b', 'a..b@example.com', '@example.com', 'a@-x.com', 'a b@example.com'])
      expect(normalizeEmail(bad), bad).toBeNull();
  });

  it('strips every tag, encoded ones included', () => {
    expect(stripHtml('<b>a</b> <script>x()</script>b')).toBe('a b');
    expect(stripHtml('&lt;script&gt;alert(1)&lt;/script&gt;ok')).toBe('ok');
    expect(stripHtml('a < b & c > d')).toBe('a < b & c > d');
    expect(cleanText('  Céng hßa \u0000 <i>x·</i>  ', false)).toEqual({ text: 'Cộng hòa xã', converted: true });
  });

  it('makes unguessable tracking codes and reads what people type', () => {
    const codes = new Set(Array.from({ length: 2000 }, newTrackingCode));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(normalizeTrackingCode(c)).toBe(c);
    expect(normalizeTrackingCode('k7m2p-9qx4t')).toBe('K7M2P9QX4T');
    expect(normalizeTrackingCode('O1IL000000')).toBe('0111000000');
    expect(normalizeTrackingCode('UUUUUUUUUU')).toBeNull();
  });

  it('believes X-Forwarded-For only from trusted proxies', () => {
    const trusted = proxyList(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(clientIp('::ffff:127.0.0.1', '203.0.113.5', trusted)).toBe('203.0.113.5');
    expect(clientIp('10.1.2.3', '198.51.100.1, 203.0.113.5, 10.9.9.9', trusted)).toBe('203.0.113.5');
    expect(clientIp('192.0.2.7', '203.0.113.5', trusted)).toBe('192.0.2.7');
    expect(clientIp('127.0.0.1', 'garbage', trusted)).toBe('127.0.0.1');
    expect(() => proxyList(['nonsense'])).toThrow(/QUESTIONS_TRUSTED_PROXIES/);
  });

  it('limits per key per window and tells how long to wait', () => {
    const rl = new RateLimiter(2, 10_000);
    expect([rl.hit('a', 0), rl.hit('a', 1), rl.hit('b', 1)]).toEqual([0, 0, 0]);
    expect(rl.hit('a', 2_000)).toBe(8);
    expect(rl.hit('a', 10_000)).toBe(0);
  });
});

describe("refusals of plain form posts go to the site's page for their reason", () => {
  const now = 1_800_000_000_000;
  const form = (o: Record<string, string> = {}) => ({
    name: 'Nguyễn Văn Dân',
    phone: '0912345678',
    fieldId: 'abc',
    title: 'Hỏi về thủ tục khai sinh',
    question: 'Xin hỏi đăng ký khai sinh cần những giấy tờ gì ạ?',
    consent: 'yes',
    website: '',
    startedAt: String(now - 60_000),
    ...o,
  });
  const reason = async (body: Record<string, string>) => {
    const r = await validateSubmission(body, { now, minFillMs: 5000, findField: async () => 'abc' });
    expect(r.ok).toBe(false);
    return questionRefusalReason(400, r.ok ? [] : r.errors);
  };

  it('tells a too-fast post, a form without its script and wrong input apart', async () => {
    expect(await reason(form({ startedAt: String(now - 1000) }))).toBe('qua-nhanh');
    // too fast wins over field problems
    expect(await reason(form({ startedAt: String(now - 1000), phone: '' }))).toBe('qua-nhanh');
    expect(await reason(form({ startedAt: '' }))).toBe('bieu-mau');
    expect(await reason(form({ website: 'spam' }))).toBe('bieu-mau');
    expect(await reason(form({ phone: '12345' }))).toBe('thong-tin');
    expect(await reason(form({ consent: '' }))).toBe('thong-tin');
    expect(questionRefusalReason(429)).toBe('qua-nhieu-lan');
    for (const s of [403, 411, 413, 415]) expect(questionRefusalReason(s)).toBe('khong-nhan');
  });

  it('names pages by reason only (nothing typed goes into the URL)', () => {
    for (const r of Object.keys(QUESTION_REFUSALS) as (keyof typeof QUESTION_REFUSALS)[])
      expect(questionRefusalPath(r)).toMatch(/^\/hoi-dap\/chua-gui-duoc\/[a-z-]+\/$/);
  });
});
