import { describe, expect, it } from 'vitest';
import { URL_FIELDS, safeUrl } from '../src/index.ts';

describe('safeUrl: the one URL rule', () => {
  it.each([
    ['https://dichvucong.gov.vn', 'https://dichvucong.gov.vn'],
    [
      '  https://dichvucong.gov.vn/p/home/dvc.html?ma_thu_tuc=1.001193&x=1#top ',
      'https://dichvucong.gov.vn/p/home/dvc.html?ma_thu_tuc=1.001193&x=1#top',
    ],
    ['http://baclieu.gov.vn', 'http://baclieu.gov.vn'],
    ['HTTPS://chinhphu.vn', 'https://chinhphu.vn'],
    ['mailto:ubnd@hoabinh.gov.vn', 'mailto:ubnd@hoabinh.gov.vn'],
    ['mailto:ubnd@hoabinh.gov.vn?subject=H%E1%BB%8Fi', 'mailto:ubnd@hoabinh.gov.vn?subject=H%E1%BB%8Fi'],
    ['tel:+842913880181', 'tel:+842913880181'],
    ['tel:0291-3880-181', 'tel:0291-3880-181'],
  ])('accepts %s', (value, out) => {
    expect(safeUrl(value)).toBe(out);
    expect(safeUrl(value, { relative: true })).toBe(out);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#0000106&#0000097vascript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    'jav&#x09;ascript:alert(1)',
    '%6Aavascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'file:///etc/passwd',
    'ftp://example.com',
    'https:example.com',
    'https:/example.com',
    'https://',
    'https://gov.vn@evil.example',
    'https://a b.vn',
    'https://evil.example\\@gov.vn',
    '//evil.example',
    '/\\evil.example',
    'mailto:',
    'mailto:javascript:alert(1)',
    'tel:javascript:alert(1)',
    'tel:',
    'dichvucong.gov.vn',
    '',
    '   ',
    null,
    undefined,
    42,
    `https://x.vn/${'a'.repeat(2000)}`,
  ])('refuses %j', (value) => {
    expect(safeUrl(value)).toBeNull();
    expect(safeUrl(value, { relative: true })).toBeNull();
  });

  it('site paths only where the field allows them', () => {
    expect(safeUrl('/thu-tuc/')).toBeNull();
    expect(safeUrl('/thu-tuc/', { relative: true })).toBe('/thu-tuc/');
    expect(safeUrl('/tin-tuc/?trang=2#muc', { relative: true })).toBe('/tin-tuc/?trang=2#muc');
    expect(safeUrl('thu-tuc/', { relative: true })).toBeNull();
  });

  it('lists the URL attributes of the content model', () => {
    expect(URL_FIELDS['api::link.link']).toEqual({ url: { relative: true } });
    expect(URL_FIELDS['api::procedure.procedure']).toEqual({ onlineUrl: {} });
  });
});
