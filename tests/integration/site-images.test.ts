/**
 * Full site builds against the real CMS with the demo's cover photos (issue 21): two in a row with
 * every image page from the cache (and Astro's image cache expired, as Strapi's max-age of 60 s
 * makes it a minute later), then the media library's refusal to change a published cover, and a build
 * after it. Every build must succeed with image optimisation and incremental builds on.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, cms, createApiToken, http } from '../helpers/http.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SITE = join(ROOT, 'apps', 'site');
const sharp = createRequire(join(ROOT, 'apps', 'cms', 'package.json'))('sharp');

let tmp: string;
let env: Record<string, string>;
let article: { slug: string; documentId: string; cover: { id: number; url: string } };

function astroBuild(): Promise<{ log: string; pages: Array<{ path: string; cached: boolean }> }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(SITE, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: SITE,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (code) => {
      const log = out.replace(/\x1b\[[0-9;]*m/g, '');
      if (code !== 0) return reject(new Error(`astro build exited ${code}\n${log.slice(-3000)}`));
      const pages = [...log.matchAll(/[├└]─ (\S+)(.*)/g)].map((m) => ({ path: m[1]!, cached: /\((cached|restored)\)/.test(m[2]!) }));
      resolve({ log, pages });
    });
  });
}

/** As if a minute had passed: Strapi serves uploads with max-age=60, then Astro must fetch them again. */
function expireImageCache() {
  const dir = join(tmp, 'cache', 'assets');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const meta = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    writeFileSync(join(dir, f), JSON.stringify({ ...meta, expires: 0 }));
  }
}

const page = () => readFileSync(join(tmp, 'dist', 'tin-tuc', 'bai', article.slug, 'index.html'), 'utf8');
const srcsetFiles = (html: string) =>
  (/<img[^>]+srcset="([^"]+)"/.exec(html)?.[1] ?? '')
    .split(',')
    .map((s) => s.trim().split(/\s+/)[0]!)
    .filter(Boolean);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'portal-site-images-'));
  env = {
    CMS_URL: cms().url,
    CMS_PUBLIC_URL: cms().url,
    SITE_API_TOKEN: await createApiToken('read-only'),
    SITE_URL: 'http://127.0.0.1:4321',
    ASTRO_OUT_DIR: join(tmp, 'dist'),
    ASTRO_CACHE_DIR: join(tmp, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const res = await http('GET', '/api/articles?populate=cover&filters[cover][id][$notNull]=true&sort=date:desc&pagination[pageSize]=1', {
    token: env.SITE_API_TOKEN,
  });
  expect(res.status).toBe(200);
  article = res.body.data[0];
  expect(article?.cover?.url).toBeTruthy();
}, 120_000);

afterAll(() => {
  if (tmp && !process.env.KEEP_BUILD) rmSync(tmp, { recursive: true, force: true });
});

describe('site builds with the demo photos, on the real CMS', () => {
  it('two full builds in a row succeed; the second serves every image page from the cache', async () => {
    await astroBuild();
    expect(srcsetFiles(page()).length).toBeGreaterThan(0);
    expireImageCache();
    const { log, pages } = await astroBuild();
    const cached = pages.filter((p) => p.cached).length;
    console.info(`second build: ${cached} of ${pages.length} pages from the cache`);
    // Every entry page is cached; pages without getStaticPaths (lists, feeds, forms) render each time.
    const entries = pages.filter((p) => p.path.startsWith('/tin-tuc/bai/'));
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.filter((p) => !p.cached)).toEqual([]);
    expect(pages.find((p) => p.path === `/tin-tuc/bai/${article.slug}/index.html`)?.cached).toBe(true);
    expect(log).toContain('generating optimized images');
    for (const f of srcsetFiles(page())) expect(existsSync(join(tmp, 'dist', f)), f).toBe(true);
  }, 300_000);

  // Since issue 18 the media library refuses to replace or delete a file that published content uses (a
  // new picture goes through the item's next revision); a file changed in place out of band (same URL,
  // new bytes) is covered by the site's own cache-state tests (apps/site/test/images.test.ts).
  it('a published cover can be neither replaced nor deleted in the media library; the next build keeps the photo', async () => {
    const before = srcsetFiles(page());
    const bytes: Buffer = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#1040d0' } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'anh-thay-the.jpg');
    const token = await adminToken('strapi-super-admin');
    expect((await http('POST', `/upload?id=${article.cover.id}`, { token, body: form })).status).toBe(403);
    expect((await http('DELETE', `/upload/files/${article.cover.id}`, { token })).status).toBe(403);
    expireImageCache();
    await astroBuild();
    expect(srcsetFiles(page())).toEqual(before);
    for (const f of before) expect(existsSync(join(tmp, 'dist', f)), f).toBe(true);
  }, 300_000);
});
