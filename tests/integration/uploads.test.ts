import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genuineSamples, hostileSamples, image } from '../helpers/files.ts';
import { adminToken, cms, http } from '../helpers/http.ts';

const require = createRequire(join(import.meta.dirname, '..', '..', 'apps', 'cms', 'package.json'));
const sharp = require('sharp');

async function upload(name: string, type: string, bytes: Uint8Array, query = '') {
  const form = new FormData();
  form.append('files', new Blob([bytes], { type }), name);
  const res = await fetch(`${cms().url}/upload${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await adminToken('contributor')}` },
    body: form,
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

describe('uploads', () => {
  it('strips EXIF and GPS metadata from photos', async () => {
    const photo: Buffer = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .jpeg()
      .withExif({
        IFD0: { Artist: 'Nguyen Van A', ImageDescription: 'nha rieng' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '9/1 16/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 35/1 0/1' },
      })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeTruthy();
    const res = await upload('anh-hien-truong.jpg', 'image/jpeg', photo);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const stored = Buffer.from(await (await fetch(`${cms().url}${res.body[0].url}`)).arrayBuffer());
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(64);
    expect(stored.includes(Buffer.from('Nguyen Van A'))).toBe(false);
  });

  it('refuses SVG (it can carry script)', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const res = await upload('logo.svg', 'image/svg+xml', svg);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  const fileCount = async () =>
    (await http('GET', '/upload/files?pageSize=1', { token: await adminToken('portal-admin') })).body.pagination.total as number;

  it('refuses HTML, SVG with script and a polyglot under image names and types (400, Vietnamese, nothing stored)', async () => {
    const before = await fileCount();
    for (const s of await hostileSamples()) {
      const res = await upload(s.name, s.type, s.bytes);
      expect(res.status, `${s.name}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.message).toMatch(/^Không nhận tệp «/);
    }
    expect(await fileCount()).toBe(before);
  });

  it('accepts genuine JPEG, PNG, WebP, PDF, DOCX and XLSX with the detected type', async () => {
    for (const s of await genuineSamples()) {
      const res = await upload(s.name, s.type, s.bytes);
      expect(res.status, `${s.name}: ${JSON.stringify(res.body)}`).toBe(201);
      expect(res.body[0].mime).toBe(s.type);
    }
  });

  it('checks the bytes of a replacement too', async () => {
    const res = await upload('anh-goc.jpg', 'image/jpeg', await image('jpeg'));
    expect(res.status).toBe(201);
    const [html] = await hostileSamples();
    const replaced = await upload(html.name, html.type, html.bytes, `?id=${res.body[0].id}`);
    expect(replaced.status).toBe(400);
    expect(replaced.body.error.message).toMatch(/^Không nhận tệp «evil\.jpg»/);
    const stored = await http('GET', `/upload/files/${res.body[0].id}`, { token: await adminToken('portal-admin') });
    expect(stored.body.hash).toBe(res.body[0].hash);
  });
});
