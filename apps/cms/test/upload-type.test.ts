import { describe, expect, it } from 'vitest';
import { ACCEPTED_TYPES, uploadRefusal } from '../src/lib/upload-type.ts';
import { DOCX_TYPE, docx, genuineSamples, hostileSamples, image, pdf } from '../../../tests/helpers/files.ts';

const check = (name: string, declaredType: string, bytes: Uint8Array) => uploadRefusal({ name, declaredType, bytes });

describe('the bytes decide the type of an upload', () => {
  it('accepts genuine JPEG, PNG, WebP, PDF, DOCX and XLSX', async () => {
    for (const s of await genuineSamples()) expect(await check(s.name, s.type, s.bytes), s.name).toBeNull();
  });

  it('accepts a generic declared type when the bytes match the name', async () => {
    expect(await check('anh.jpg', 'application/octet-stream', await image('jpeg'))).toBeNull();
    expect(await check('van-ban.PDF', '', pdf())).toBeNull();
  });

  it('refuses HTML, SVG with script and a polyglot under image names and types, in Vietnamese', async () => {
    for (const s of await hostileSamples()) {
      const why = await check(s.name, s.type, s.bytes);
      expect(why, s.name).toMatch(/^Không nhận tệp «/);
      expect(why!.normalize('NFC')).toBe(why);
    }
    const [html, svg, , polyglot] = await hostileSamples();
    expect(await check(html.name, html.type, html.bytes)).toMatch(/không nhận ra loại tệp/);
    expect(await check(svg.name, svg.type, svg.bytes)).toMatch(/không nhận ra loại tệp/);
    expect(await check(polyglot.name, polyglot.type, polyglot.bytes)).toMatch(/HTML hoặc script/);
  });

  it('refuses bytes of one accepted type under the name or declared type of another', async () => {
    expect(await check('anh.png', 'image/png', await image('jpeg'))).toMatch(/image\/jpeg, không khớp với đuôi tệp \.png/);
    expect(await check('anh.jpg', 'image/png', await image('jpeg'))).toMatch(/loại khai báo image\/png không khớp/);
    expect(await check('quyet-dinh.pdf', 'application/pdf', docx())).toMatch(/không khớp với đuôi tệp \.pdf/);
    expect(await check('du-thao.docx', DOCX_TYPE, pdf())).toMatch(/không khớp với đuôi tệp \.docx/);
  });

  it('refuses names outside the list, and a bare ZIP named as a Word file', async () => {
    expect(await check('logo.svg', 'image/svg+xml', Buffer.from('<svg/>'))).toMatch(/chỉ được tải lên/);
    expect(await check('chay.exe', 'application/octet-stream', Buffer.from('MZ'))).toMatch(/chỉ được tải lên/);
    const { zip } = await import('../../../tests/helpers/files.ts');
    expect(await check('du-thao.docx', DOCX_TYPE, zip({ 'a.txt': 'x' }))).toMatch(/application\/zip, không khớp/);
  });

  it('gives Strapi an allow list without SVG or HTML', () => {
    expect(ACCEPTED_TYPES).toContain('image/jpeg');
    expect(ACCEPTED_TYPES).not.toContain('image/svg+xml');
    expect(ACCEPTED_TYPES).not.toContain('text/html');
  });
});
