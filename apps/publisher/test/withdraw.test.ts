// Urgent withdrawal without a build (src/fast.ts runWithdrawal): the live release minus the withdrawn page,
// out of the sitemap, the feeds and the search (a tombstone in the delta), with no CMS and no Astro.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPagesFile } from '@cong-ttdt/content';
import { loadConfig, type Config } from '../src/config.ts';
import { patchFeed, runWithdrawal, withdrawnPaths } from '../src/fast.ts';
import { createLogger } from '../src/log.ts';
import { readLiveId } from '../src/release.ts';
import { readMeta, writeMeta } from '../src/state.ts';

const ORIGIN = 'https://x.gov.vn';
const item = (p: string, title: string) => `<item><title>${title}</title><link>${ORIGIN}${p}</link></item>`;
const FILES: Record<string, string> = {
  'index.html': '<a href="/tin-tuc/bai/a/">A</a>',
  'tin-tuc/bai/a/index.html': '<main data-pagefind-body>Bài A</main>',
  'tin-tuc/bai/b/index.html': '<main data-pagefind-body>Bài B</main>',
  'sitemap-0.xml': `<urlset><url><loc>${ORIGIN}/</loc></url><url><loc>${ORIGIN}/tin-tuc/bai/a/</loc></url><url><loc>${ORIGIN}/tin-tuc/bai/b/</loc></url></urlset>`,
  'rss.xml': `<rss><channel>${item('/tin-tuc/bai/a/', 'Bài A')}${item('/tin-tuc/bai/b/', 'Bài B')}</channel></rss>`,
  'tin-tuc/linh-vuc/rss.xml': `<rss><channel>${item('/tin-tuc/bai/a/', 'Bài A')}</channel></rss>`,
};
const LIVE = '20261201T030000Z-r7';

let tmp: string;
let cfg: Config;
const log = createLogger({ level: 'error' });

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'publisher-withdraw-'));
  // Nothing listens there: the CMS is unreachable.
  cfg = loadConfig({ PUBLISHER_DATA_DIR: join(tmp, 'data'), CMS_URL: 'http://127.0.0.1:9', PUBLISHER_FAST_LANE: 'on' });
  const rel = join(cfg.dataDir, 'releases', LIVE);
  const files: Record<string, [number, string]> = {};
  for (const [f, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(rel, f)), { recursive: true });
    await writeFile(join(rel, f), text);
    files[f] = [Buffer.byteLength(text), createHash('sha256').update(text).digest('hex')];
  }
  await mkdir(join(cfg.dataDir, 'meta'), { recursive: true });
  await writeMeta(cfg.dataDir, { id: LIVE, revision: 7, builtAt: new Date().toISOString(), durationMs: 1, pageCount: 3, files });
  await symlink(join('releases', LIVE), join(cfg.dataDir, 'live'));
  const seed = join(cfg.dataDir, 'fast', 'seed');
  await mkdir(seed, { recursive: true });
  await writeFile(join(seed, seedPagesFile('article')), JSON.stringify({ docA: '/tin-tuc/bai/a/', docB: '/tin-tuc/bai/b/' }));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('withdrawal without a build', () => {
  it('finds the withdrawn pages in the seed by documentId', async () => {
    expect(
      await withdrawnPaths(cfg, [
        { model: 'article', documentId: 'docA' },
        { model: 'article', documentId: 'nope' },
      ]),
    ).toEqual(['/tin-tuc/bai/a/']);
    expect(await withdrawnPaths(cfg, [{ model: 'document', documentId: 'docA' }])).toEqual([]);
  });

  it('takes RSS items that link to a removed page out of a feed', () => {
    expect(patchFeed(FILES['rss.xml']!, ['/tin-tuc/bai/a/'])).toBe(`<rss><channel>${item('/tin-tuc/bai/b/', 'Bài B')}</channel></rss>`);
    expect(patchFeed(FILES['rss.xml']!, ['/tin-tuc/bai/c/'])).toBeNull();
  });

  it('makes a release from the live one minus the page, patched sitemap and feeds, a search tombstone; the old release is untouched', async () => {
    const r = await runWithdrawal(cfg, { changed: [{ model: 'article', documentId: 'docA' }], log });
    expect(r.ok ? 'ok' : r.error).toBe('ok');
    const id = (await readLiveId(cfg.dataDir))!;
    expect(id).not.toBe(LIVE);
    const live = join(cfg.dataDir, 'live');
    expect(await stat(join(live, 'tin-tuc/bai/a/index.html')).catch(() => null)).toBeNull();
    expect(await readFile(join(live, 'tin-tuc/bai/b/index.html'), 'utf8')).toContain('Bài B');
    expect(await readFile(join(live, 'sitemap-0.xml'), 'utf8')).not.toContain('/tin-tuc/bai/a/');
    expect(await readFile(join(live, 'sitemap-0.xml'), 'utf8')).toContain('/tin-tuc/bai/b/');
    expect(await readFile(join(live, 'rss.xml'), 'utf8')).not.toContain('Bài A');
    expect(await readFile(join(live, 'tin-tuc/linh-vuc/rss.xml'), 'utf8')).not.toContain('Bài A');
    expect(JSON.parse(await readFile(join(live, 'pagefind-delta/changes.json'), 'utf8'))).toEqual({
      pages: [],
      removed: ['/tin-tuc/bai/a/'],
    });
    const meta = (await readMeta(cfg.dataDir, id))!;
    expect(meta.mode).toBe('fast'); // a full build is still owed (lists)
    expect(meta.revision).toBeNull(); // the CMS could not be read
    expect(meta.files!['tin-tuc/bai/a/index.html']).toBeUndefined();
    expect(meta.delta).toEqual({ pages: [], removed: ['/tin-tuc/bai/a/'] });
    // Written anew, never through the hard links: the previous release still has its files.
    const old = join(cfg.dataDir, 'releases', LIVE);
    expect(await readFile(join(old, 'rss.xml'), 'utf8')).toBe(FILES['rss.xml']);
    expect(await readFile(join(old, 'tin-tuc/bai/a/index.html'), 'utf8')).toBe(FILES['tin-tuc/bai/a/index.html']);
  });

  it('does nothing for an entry whose page is not in the live release', async () => {
    const before = await readLiveId(cfg.dataDir);
    const r = await runWithdrawal(cfg, { changed: [{ model: 'article', documentId: 'docA' }], log });
    expect(r.ok).toBe(false);
    expect(await readLiveId(cfg.dataDir)).toBe(before);
  });
});
