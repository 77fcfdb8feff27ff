/**
 * The CMS loader against a fake Strapi 5 REST API: incremental sync by updatedAt, deletions,
 * relation changes made from the other side, late entries, token, public projection.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { takeRemoved } from '../../src/lib/build-request';
import { cmsLoader, SPECS } from '../../src/lib/cms-loader';

type Row = Record<string, unknown> & { id: number; documentId: string; updatedAt: string };
const db: Record<string, Row[]> = {};
const requests: string[] = [];
let server: http.Server;
let base: string;

function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const u = new URL(req.url!, 'http://x');
  requests.push(decodeURIComponent(u.search));
  if (req.headers.authorization !== 'Bearer secret') return void res.writeHead(401).end('{}');
  const plural = u.pathname.replace('/api/', '');
  if (plural === 'article-totals') {
    const rows = db.articles ?? [];
    const byField: Record<string, number> = {};
    for (const f of db.fields ?? [])
      byField[f.documentId] = rows.filter((r) => (r.field as { documentId?: string } | null)?.documentId === f.documentId).length;
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify({ data: { total: rows.length, byField } }));
  }
  const q = u.searchParams;
  if (Object.values(SPECS).some((s) => s.single && s.plural === plural)) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify({ data: db[plural]?.[0] ?? null }));
  }
  let rows = [...(db[plural] ?? [])];
  const gt = q.get('filters[updatedAt][$gt]') ?? q.get('filters[$and][1][updatedAt][$gt]');
  if (gt) rows = rows.filter((r) => r.updatedAt > gt);
  const ins = [...q.entries()].filter(([k]) => k.startsWith('filters[documentId][$in]')).map(([, v]) => v);
  if (ins.length) rows = rows.filter((r) => ins.includes(r.documentId));
  const fields = [...q.entries()].filter(([k]) => /^fields\[\d+\]$/.test(k)).map(([, v]) => v);
  const populated = new Set([...q.keys()].filter((k) => k.startsWith('populate[')).map((k) => k.slice(9, k.indexOf(']'))));
  const page = Number(q.get('pagination[page]') ?? 1);
  const size = Number(q.get('pagination[pageSize]') ?? 25);
  const data = rows.slice((page - 1) * size, page * size).map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      const isRel = k === 'field' || k === 'unit';
      if (
        isRel
          ? populated.has(k)
          : k === 'provenance' || k === 'cover'
            ? populated.has(k)
            : !fields.length || fields.includes(k) || k === 'id' || k === 'documentId'
      )
        out[k] = v;
    }
    return out;
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      data,
      meta: { pagination: { page, pageSize: size, pageCount: Math.max(1, Math.ceil(rows.length / size)), total: rows.length } },
    }),
  );
}

function fakeContext() {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; digest?: string }>();
  const meta = new Map<string, string>();
  const store = {
    get: (id: string) => entries.get(id),
    set: (e: { id: string; data: Record<string, unknown>; digest?: string }) => {
      if (e.digest && entries.get(e.id)?.digest === e.digest) return false;
      entries.set(e.id, e);
      return true;
    },
    delete: (id: string) => void entries.delete(id),
    keys: () => [...entries.keys()],
    has: (id: string) => entries.has(id),
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    clear: () => entries.clear(),
  };
  const ctx = {
    collection: 'articles',
    store,
    meta: {
      get: (k: string) => meta.get(k),
      set: (k: string, v: string) => void meta.set(k, v),
      delete: (k: string) => void meta.delete(k),
      has: (k: string) => meta.has(k),
    },
    logger: { info() {}, warn() {}, error() {}, debug() {} },
    generateDigest: (d: unknown) => createHash('sha1').update(JSON.stringify(d)).digest('hex'),
  };
  return { ctx, entries, meta };
}

const art = (n: number, o: Partial<Row> = {}): Row => ({
  id: n,
  documentId: `doc${n}`,
  title: `Tin ${n}`,
  slug: `tin-${n}`,
  body: 'Nội dung',
  updatedAt: `2026-11-2${n}T00:00:00.000Z`,
  publishedAt: '2026-11-20T00:00:00.000Z',
  field: { id: 1, documentId: 'f1' },
  unit: null,
  provenance: { id: 9, authorName: 'Minh Thư' },
  cover: null,
  ...o,
});

beforeAll(async () => {
  delete process.env.PORTAL_CONTENT_SNAPSHOT;
  server = http.createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.CMS_URL = base;
  process.env.SITE_API_TOKEN = 'secret';
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('cms loader (live mode)', () => {
  it('syncs incrementally and sees deletions and relation edits', async () => {
    db.articles = [1, 2, 3].map((n) => art(n, { pageSize: undefined } as never));
    const loader = cmsLoader('articles');
    const { ctx, entries, meta } = fakeContext();

    await loader.load(ctx as never);
    expect([...entries.keys()].sort()).toEqual(['doc1', 'doc2', 'doc3']);
    expect(entries.get('doc1')!.data).toMatchObject({ title: 'Tin 1', field: 'f1', unit: null, provenance: { authorName: 'Minh Thư' } });
    expect(meta.get('lastSync')).toBe('2026-11-23T00:00:00.000Z');
    const digest1 = entries.get('doc1')!.digest;

    // b edited, c unpublished, a's relation changed from the other side (updatedAt unchanged),
    // d published with an older updatedAt than lastSync (clock skew)
    requests.length = 0;
    db.articles = [
      art(1, { field: { id: 2, documentId: 'f2' } }),
      art(2, { title: 'Tin 2 (sửa)', updatedAt: '2026-11-25T00:00:00.000Z' }),
      art(4, { updatedAt: '2026-11-19T00:00:00.000Z' }),
    ];
    await loader.load(ctx as never);
    expect([...entries.keys()].sort()).toEqual(['doc1', 'doc2', 'doc4']);
    expect(entries.get('doc2')!.data.title).toBe('Tin 2 (sửa)');
    expect(entries.get('doc1')!.data.field).toBe('f2');
    expect(entries.get('doc1')!.digest).not.toBe(digest1);
    expect(entries.get('doc4')!.data.title).toBe('Tin 4');
    expect(meta.get('lastSync')).toBe('2026-11-25T00:00:00.000Z');
    // the changed-entries request used the lastSync filter, the ids request asked for ids and relations only
    expect(requests.some((r) => r.includes('filters[updatedAt][$gt]=2026-11-23T00:00:00.000Z'))).toBe(true);
    expect(requests.some((r) => r.includes('fields[0]=documentId') && r.includes('populate[field][fields][0]=documentId'))).toBe(true);
    expect(requests.some((r) => r.includes('filters[documentId][$in][0]=doc4'))).toBe(true);

    // nothing changed: only the id list and an empty incremental page are fetched, nothing is rewritten
    requests.length = 0;
    const before = new Map([...entries].map(([k, v]) => [k, v.digest]));
    await loader.load(ctx as never);
    expect(new Map([...entries].map(([k, v]) => [k, v.digest]))).toEqual(before);
    expect(requests).toHaveLength(2);
  });

  it('sees a cover replaced, re-described or deleted in the media library (entry updatedAt unchanged)', async () => {
    const cover = (url: string, alt: string) => ({
      id: 7,
      name: 'anh.jpg',
      alternativeText: alt,
      width: 800,
      height: 500,
      ext: '.jpg',
      mime: 'image/jpeg',
      size: 40,
      url,
    });
    db.articles = [art(1, { cover: cover('/uploads/anh_a1.jpg', 'Ảnh cũ') }), art(2)];
    const loader = cmsLoader('articles');
    const { ctx, entries } = fakeContext();
    await loader.load(ctx as never);
    expect(entries.get('doc1')!.data.cover).toMatchObject({ url: '/uploads/anh_a1.jpg' });
    // replaced (new bytes, new URL) and re-described: the article row itself is untouched
    requests.length = 0;
    db.articles = [art(1, { cover: cover('/uploads/anh_b2.jpg', 'Ảnh mới') }), art(2)];
    await loader.load(ctx as never);
    expect(entries.get('doc1')!.data.cover).toMatchObject({ url: '/uploads/anh_b2.jpg', alternativeText: 'Ảnh mới' });
    expect(requests.some((r) => r.includes('fields[0]=documentId') && r.includes('populate[cover][fields][0]=name'))).toBe(true);
    // deleted from the library
    db.articles = [art(1, { cover: null }), art(2)];
    await loader.load(ctx as never);
    expect(entries.get('doc1')!.data.cover).toBeNull();
  });

  it('fails loudly when the CMS refuses the token', async () => {
    process.env.SITE_API_TOKEN = 'wrong';
    const { ctx } = fakeContext();
    await expect(cmsLoader('articles').load(ctx as never)).rejects.toThrow(/401/);
    process.env.SITE_API_TOKEN = 'secret';
  });
});

// The quick lane (src/lib/fast-seed.ts): a full build writes a seed with a window of the articles and a
// slug index; a fast build starts from it and still finds the page of an article outside the window.
describe('quick lane seed', () => {
  let dir: string;
  const seed = () => path.join(dir, 'seed');
  const manifest = () => path.join(dir, 'manifest.json');
  // One module for every build: the request is read per build, not when the module loads.
  async function loaderIn(mode: 'full' | 'fast', ids: string[] = []) {
    const file = path.join(dir, `request-${mode}.json`);
    const changed = ids.map((ref) => ({ model: ref.split(':')[0], documentId: ref.split(':')[1] }));
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        site: 'main',
        mode,
        changed,
        outDir: null,
        cacheDir: null,
        seed: { dir: seed(), window: 2 },
        manifest: manifest(),
      }),
    );
    vi.stubEnv('PORTAL_BUILD_REQUEST', file);
    return import('../../src/lib/cms-loader');
  }
  const removed = () => takeRemoved();
  const dated = (n: number, day: string, o: Partial<Row> = {}) =>
    art(n, { date: `2026-11-${day}T00:00:00.000Z`, updatedAt: `2026-11-${day}T01:00:00.000Z`, ...o });

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'loader-seed-'));
  });
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a window of the articles and every slug, then syncs a fast build from it', async () => {
    db.articles = [
      dated(1, '10', { featured: true }), // old, but the newest featured: the home page's headline
      dated(2, '11'),
      dated(3, '12', { field: { id: 2, documentId: 'f2' } }), // the newest of its field
      dated(4, '13'),
      dated(5, '14'),
      dated(6, '15'),
    ];
    const full = await loaderIn('full');
    await full.cmsLoader('articles').load(fakeContext().ctx as never);
    const written = JSON.parse(readFileSync(path.join(seed(), 'articles.json'), 'utf8'));
    expect(written.entries.map(([id]: [string]) => id).sort()).toEqual(['doc1', 'doc3', 'doc5', 'doc6']);
    // without the bodies: only an entry's own page shows it, and a fast build re-fetches those it renders
    expect(written.entries.every(([, data]: [string, Record<string, unknown>]) => data.body === null && data.title)).toBe(true);
    expect(written.lastSync).toBe('2026-11-15T01:00:00.000Z');
    const slugs = JSON.parse(readFileSync(path.join(seed(), 'articles.slugs.json'), 'utf8'));
    expect(Object.keys(slugs)).toHaveLength(6);

    // doc2 (outside the window) is withdrawn, doc4 (outside too) gets a new slug, doc7 is new
    db.articles = db.articles
      .filter((r) => r.documentId !== 'doc2')
      .map((r) => (r.documentId === 'doc4' ? { ...r, slug: 'tin-4-moi', updatedAt: '2026-11-16T00:00:00.000Z' } : r));
    db.articles.push(dated(7, '16'));
    requests.length = 0;
    const fast = await loaderIn('fast', ['article:doc2', 'article:doc4']);
    const { ctx, entries, meta } = fakeContext();
    await fast.cmsLoader('articles').load(ctx as never);
    expect([...entries.keys()].sort()).toEqual(['doc1', 'doc3', 'doc4', 'doc5', 'doc6', 'doc7']);
    expect(removed().sort()).toEqual(['/tin-tuc/bai/tin-2/', '/tin-tuc/bai/tin-4/']);
    expect(meta.get('lastSync')).toBe('2026-11-16T01:00:00.000Z');
    // no list of every article: only what changed since the seed, and the named ids
    expect(requests.every((r) => r.includes('[updatedAt][$gt]=2026-11-15T01:00:00.000Z') || r.includes('filters[documentId][$in]'))).toBe(
      true,
    );

    // a collection without pages is as the full build saw it (its changes take a full build), and the
    // articles named are not looked for among the documents
    db.units = [{ id: 1, documentId: 'u1', name: 'Phòng Nội vụ', updatedAt: '2026-11-01T00:00:00.000Z' }];
    await (await loaderIn('full')).cmsLoader('units').load(fakeContext().ctx as never);
    db.units.push({ id: 2, documentId: 'u2', name: 'Phòng Tư pháp', updatedAt: '2026-11-20T00:00:00.000Z' });
    db.documents = [];
    await (await loaderIn('full')).cmsLoader('documents').load(fakeContext().ctx as never);
    requests.length = 0;
    const fastAgain = await loaderIn('fast', ['article:doc2']);
    const units = fakeContext();
    await fastAgain.cmsLoader('units').load(units.ctx as never);
    expect([...units.entries.keys()]).toEqual(['u1']);
    await fastAgain.cmsLoader('documents').load(fakeContext().ctx as never);
    expect(requests).toHaveLength(1);
    expect(requests[0]).not.toContain('doc2');
  });

  it('counts every article of each list for the pager of a fast build', async () => {
    db.fields = [
      { id: 1, documentId: 'f1', updatedAt: '2026-11-01T00:00:00.000Z' },
      { id: 2, documentId: 'f2', updatedAt: '2026-11-01T00:00:00.000Z' },
    ];
    const fast = await loaderIn('fast');
    const { ctx, entries } = fakeContext();
    await fast.listTotalsLoader().load(ctx as never);
    expect(Object.fromEntries([...entries].map(([id, e]) => [id, e.data.count]))).toEqual({
      articles: 6,
      'articles:f1': 5,
      'articles:f2': 1,
    });
    // a full build counts its own lists
    const full = await loaderIn('full');
    await full.listTotalsLoader().load(ctx as never);
    expect(entries.size).toBe(0);
  });

  it('refuses a fast build without a seed (the publisher then runs a full build)', async () => {
    rmSync(seed(), { recursive: true, force: true });
    const fast = await loaderIn('fast', ['article:doc3']);
    await expect(fast.cmsLoader('articles').load(fakeContext().ctx as never)).rejects.toThrow(/no content seed for articles/);
  });

  // Enumerated from the loader's specs: a collection a full build does not seed fails every fast build.
  it('a full build seeds every collection the site loads, single types included; a fast build starts each from its seed', async () => {
    for (const spec of Object.values(SPECS))
      if (!db[spec.plural]?.length) db[spec.plural] = [{ id: 1, documentId: `${spec.plural}-1`, updatedAt: '2026-11-01T00:00:00.000Z' }];
    const names = Object.keys(SPECS) as (keyof typeof SPECS)[];
    const full = await loaderIn('full');
    for (const name of names) await full.cmsLoader(name).load(fakeContext().ctx as never);
    const fast = await loaderIn('fast');
    for (const name of names) {
      const { ctx, entries } = fakeContext();
      await fast.cmsLoader(name).load(ctx as never);
      expect(entries.size, name).toBeGreaterThan(0);
    }
  });
});
