/**
 * Full builds with cover photos in every cache state (issue 21): cold, warm with nothing changed (every
 * image page from the incremental cache), a cover replaced, a cover deleted, a truncated JPEG. Image
 * optimisation and incremental builds stay on. The media server sends no cache headers (as Strapi's
 * files once their max-age of 60 s is over), so Astro's image step fetches and transforms the cached
 * pages' images again in every build; one step turns caching on, as right after an upload.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_DIR, run, walk } from './helpers';

const ASTRO = path.join(SITE_DIR, 'node_modules/astro/bin/astro.mjs');
const fixture = JSON.parse(readFileSync(path.join(SITE_DIR, 'test/fixtures/snapshot.json'), 'utf8'));
const MAIN = 'hoi-nghi-so-ket-kinh-te-xa-hoi-11-thang-2026'; // cover hoi-nghi-so-ket.jpg
const OTHER = 'vinh-thinh-nhan-rong-mo-hinh-tom-lua'; // cover tom-lua.jpg, used by no other article
const SYNTHETIC = 600;

type Snap = typeof fixture;
type Article = Snap['articles'][number];

let tmp: string;
let out: string;
let uploads: string;
let snapFile: string;
let snap: Snap;
let media: { url: string; close: () => Promise<void> };
/** Cache-Control max-age the media server sends (0: no header). */
let maxAge = 0;
let builds = 0;

/** The CMS's /uploads: files from `root`, optionally with Cache-Control. */
async function mediaServer(root: string) {
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(root) || !existsSync(file)) return void res.writeHead(404).end();
    const body = readFileSync(file);
    res.writeHead(200, {
      'content-type': 'image/jpeg',
      'content-length': body.length,
      ...(maxAge ? { 'cache-control': `max-age=${maxAge}` } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
let env: Record<string, string>;

const page = (slug: string) => readFileSync(path.join(out, `tin-tuc/bai/${slug}/index.html`), 'utf8');
const article = (slug: string) => snap.articles.find((a: Article) => a.slug === slug)!;

/** One `astro build`; the pages it logged, each marked as rendered or served from the cache. */
async function build() {
  writeFileSync(snapFile, JSON.stringify(snap));
  const log = (await run(process.execPath, [ASTRO, 'build'], env)).replace(/\x1b\[[0-9;]*m/g, '');
  writeFileSync(path.join(tmp, `build-${++builds}.log`), log);
  const pages = [...log.matchAll(/[├└]─ (\S+)(.*)/g)].map((m) => ({ path: m[1]!, cached: /\((cached|restored)\)/.test(m[2]!) }));
  return { log, pages };
}

/** Every /_astro/ image a page links (src and srcset) exists in the output. */
function imageLinksResolve() {
  const missing: string[] = [];
  for (const f of walk(out).filter((x) => x.endsWith('.html'))) {
    const html = readFileSync(f, 'utf8');
    const refs = [...html.matchAll(/<img[^>]*>/g)].flatMap((m) => {
      const src = /\ssrc="([^"]+)"/.exec(m[0])?.[1];
      const srcset =
        /\ssrcset="([^"]+)"/
          .exec(m[0])?.[1]
          ?.split(',')
          .map((s) => s.trim().split(/\s+/)[0]!) ?? [];
      return [src, ...srcset].filter((r): r is string => !!r && r.startsWith('/_astro/'));
    });
    for (const r of refs) if (!existsSync(path.join(out, r))) missing.push(`${path.relative(out, f)} → ${r}`);
  }
  return missing;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'site-images-'));
  out = path.join(tmp, 'dist');
  uploads = path.join(tmp, 'media/uploads');
  mkdirSync(uploads, { recursive: true });
  for (const f of ['hoi-nghi-so-ket.jpg', 'tom-lua.jpg'])
    copyFileSync(path.join(SITE_DIR, 'test/fixtures/uploads', f), path.join(uploads, f));
  media = await mediaServer(path.join(tmp, 'media'));
  snapFile = path.join(tmp, 'snapshot.json');
  snap = structuredClone(fixture);
  // The home page has no cacheKey and is rendered by every build: with a cover on its headline its
  // getImage() would load Astro's image service and hide the bug. Headline without a cover.
  for (const a of snap.articles) a.featured = a.slug === 'khai-mac-ngay-hoi-van-hoa-the-thao-2026';
  // A site of realistic size (pages without getStaticPaths are rendered by every build); every fourth
  // article has a cover.
  const template = article(MAIN);
  for (let i = 0; i < SYNTHETIC; i++) {
    snap.articles.push({
      ...template,
      id: 20_000 + i,
      documentId: `photo${String(i).padStart(4, '0')}`,
      slug: `tin-co-anh-${i}`,
      title: `Tin có ảnh số ${i}`,
      date: new Date(Date.UTC(2026, 5, 1) - i * 3_600_000).toISOString(),
      featured: false,
      cover: i % 4 === 0 ? template.cover : null,
    });
  }
  env = {
    PORTAL_CONTENT_SNAPSHOT: snapFile,
    CMS_URL: media.url,
    CMS_PUBLIC_URL: 'https://cms.example.gov.vn',
    SITE_URL: 'https://cong.example.gov.vn',
    PORTAL_NOW: '2026-11-27T03:00:00Z',
    ASTRO_OUT_DIR: out,
    ASTRO_CACHE_DIR: path.join(tmp, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
});

afterAll(async () => {
  await media?.close();
  if (tmp && !process.env.KEEP_BUILD) rmSync(tmp, { recursive: true, force: true });
});

// The steps run in order, each on the output and cache of the one before.
describe('full builds with cover photos', () => {
  it('cold: optimised, responsive covers', async () => {
    const { log, pages } = await build();
    expect(pages.length).toBeGreaterThan(SYNTHETIC);
    expect(log).toContain('generating optimized images');
    expect(page(MAIN)).toMatch(/<img[^>]+srcset="[^"]*\/_astro\/hoi-nghi-so-ket[^"]+\.webp/);
    expect(page(OTHER)).toMatch(/<img[^>]+srcset="[^"]*\/_astro\/tom-lua[^"]+\.webp/);
    expect(imageLinksResolve()).toEqual([]);
  });

  it('warm, nothing changed: every image page from the cache, >= 95 % of all pages, images still generated', async () => {
    const { log, pages } = await build();
    const cached = pages.filter((p) => p.cached).length;
    console.info(`warm build: ${cached} of ${pages.length} pages from the cache`);
    expect(cached / pages.length).toBeGreaterThanOrEqual(0.95);
    const imagePages = snap.articles.filter((a: Article) => a.cover).map((a: Article) => `/tin-tuc/bai/${a.slug}/index.html`);
    expect(imagePages.length).toBeGreaterThan(100);
    for (const p of imagePages) expect(pages.find((x) => x.path === p)?.cached, p).toBe(true);
    expect(log).toContain('generating optimized images');
    expect(imageLinksResolve()).toEqual([]);
  });

  it('a cover replaced: the page shows the new photo', async () => {
    const a = article(OTHER);
    await sharp({ create: { width: 800, height: 500, channels: 3, background: '#2a6f4e' } })
      .jpeg()
      .toFile(path.join(uploads, 'tom-lua-moi.jpg'));
    rmSync(path.join(uploads, 'tom-lua.jpg'));
    a.cover = { ...a.cover, name: 'tom-lua-moi.jpg', url: '/uploads/tom-lua-moi.jpg', width: 800, height: 500 };
    await build();
    expect(page(OTHER)).toMatch(/srcset="[^"]*\/_astro\/tom-lua-moi[^"]+\.webp/);
    expect(page(OTHER)).not.toMatch(/\/_astro\/tom-lua_/);
    expect(imageLinksResolve()).toEqual([]);
  });

  it('a cover deleted: the page builds without it', async () => {
    article(OTHER).cover = null;
    rmSync(path.join(uploads, 'tom-lua-moi.jpg'));
    await build();
    expect(page(OTHER)).not.toContain('<img');
    expect(page(OTHER)).toContain(article(OTHER).title);
    expect(imageLinksResolve()).toEqual([]);
  });

  it('a cover replaced in place (Strapi keeps the URL): the page shows the new bytes even with a fresh image cache', async () => {
    maxAge = 3600;
    await build(); // Astro's image cache now holds the old photo, fresh for an hour
    const file = path.join(uploads, 'hoi-nghi-so-ket.jpg');
    const { width, height } = await sharp(file).metadata();
    await sharp({ create: { width: width!, height: height!, channels: 3, background: '#1040d0' } })
      .jpeg()
      .toFile(`${file}.new`);
    writeFileSync(file, readFileSync(`${file}.new`));
    // One file row, shared by every article that uses it: the CMS serves its new updatedAt everywhere.
    for (const a of snap.articles)
      if (a.cover?.url === '/uploads/hoi-nghi-so-ket.jpg') a.cover = { ...a.cover, updatedAt: '2026-12-01T10:00:00.000Z' };
    await build();
    maxAge = 0;
    const largest = /srcset="([^"]+)"/.exec(page(MAIN))![1]!.split(',').at(-1)!.trim().split(/\s+/)[0]!;
    const { dominant } = await sharp(path.join(out, largest)).stats();
    // the fixture photo is mostly red-brown ({ r: 168, g: 72, b: 40 }), the new one blue
    expect(dominant.b).toBeGreaterThan(150);
    expect(dominant.r).toBeLessThan(80);
    expect(imageLinksResolve()).toEqual([]);
  });

  it('a truncated JPEG: that page builds without the image, the log says so, the build succeeds', async () => {
    const whole = readFileSync(path.join(uploads, 'hoi-nghi-so-ket.jpg'));
    writeFileSync(path.join(uploads, 'hong.jpg'), whole.subarray(0, Math.floor(whole.length / 3)));
    const a = article(MAIN);
    a.cover = { ...a.cover, name: 'hong.jpg', url: '/uploads/hong.jpg' };
    const { log } = await build();
    expect(log).toMatch(/image left out \(cannot be decoded[^)]*\): http:\/\/127\.0\.0\.1:\d+\/uploads\/hong\.jpg/);
    expect(page(MAIN)).not.toContain('<img');
    expect(page(MAIN)).not.toContain('<figure');
    expect(page(MAIN)).toContain(a.title);
    // the other articles keep their covers
    expect(page('tin-co-anh-0')).toMatch(/srcset="[^"]*\/_astro\/hoi-nghi-so-ket[^"]+\.webp/);
    expect(imageLinksResolve()).toEqual([]);
  });
});
