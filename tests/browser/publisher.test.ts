// Approval-to-live through the real CMS, publisher, Astro build and Pagefind (issue: publisher).
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startPublisher } from '../../scripts/lib/portal.ts';
import { stopAll, stopService, waitForUrl } from '../../scripts/lib/proc.ts';
import { freePort } from '../setup/cms.ts';
import { launch, searchFinds, waitForRevision } from '../helpers/browser.ts';
import { cmCreate, fieldEditorId, publishThroughWorkflow, transition, validArticle } from '../helpers/content.ts';
import { cms, http } from '../helpers/http.ts';
import { privateMarkers } from '../setup/portal.ts';

const site = () => inject('site');
const UID = 'api::article.article';
let browser: Browser;

const status = async () => (await fetch(`${site().publisherUrl}/status`)).json();
const revision = async () => (await http('GET', '/api/revision', { token: cms().env.SITE_API_TOKEN })).body.data.revision as number;
const get = async (path: string) => {
  const res = await fetch(site().url + path);
  return { status: res.status, text: await res.text() };
};

async function newVerified(title: string): Promise<string> {
  const res = await cmCreate(UID, validArticle({ title }));
  expect(res.status).toBe(201);
  const id = res.body.data.documentId;
  for (const [role, body] of [
    ['contributor', { action: 'submit' }],
    ['portal-admin', { action: 'assign', assigneeId: await fieldEditorId() }],
    ['editor', { action: 'verify' }],
  ] as const) {
    expect((await transition(role, { uid: UID, documentId: id, ...body })).status).toBe(200);
  }
  return id;
}

async function articleUrl(documentId: string): Promise<string> {
  const a = (await http('GET', `/api/articles/${documentId}`)).body.data;
  return `/tin-tuc/bai/${a.slug}/`;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Idle, nothing queued, a release live, the quick lane's copy of it prepared. */
async function settled() {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const s = await status();
    if (s.state === 'idle' && !s.queued && s.live && !s.preparing) return s;
    if (Date.now() > deadline) throw new Error('publisher did not settle');
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Forces the full build that follows a quick-lane release (instead of waiting for its timer). */
async function forceFullBuild(buildsBefore: number) {
  const rebuild = await fetch(`${site().publisherUrl}/rebuild`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${site().publisherEnv.PUBLISHER_ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect(rebuild.status).toBe(202);
  const deadline = Date.now() + 240_000;
  let f = await status();
  while (!(f.live.mode !== 'fast' && f.state === 'idle' && f.builds > buildsBefore)) {
    if (Date.now() > deadline) throw new Error('the full build did not follow');
    await new Promise((r) => setTimeout(r, 500));
    f = await status();
  }
  return f;
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await stopAll();
});

describe('publisher with the real CMS and site', () => {
  it('approve → the page is live and searchable; withdraw → gone from pages, search, feeds and sitemap', async () => {
    const word = `Kiemthu${Date.now().toString(36)}`;
    const title = `Đồng chí Bí thư thăm mô hình ${word}`;
    const id = await newVerified(title);
    expect((await transition('editor-in-chief', { uid: UID, documentId: id, action: 'approve' })).status).toBe(200);
    await waitForRevision(site().publisherUrl, await revision());
    const url = await articleUrl(id);
    expect((await get(url)).text).toContain(title);
    expect(await searchFinds(browser, site().url, word.toLowerCase(), title)).toBe(true);
    expect((await get('/rss.xml')).text).toContain(word);

    expect((await transition('editor-in-chief', { uid: UID, documentId: id, action: 'withdraw', comment: 'Gỡ để kiểm thử.' })).status).toBe(
      200,
    );
    await waitForRevision(site().publisherUrl, await revision());
    expect((await get(url)).status).toBe(404);
    expect((await get('/rss.xml')).text).not.toContain(word);
    const sitemaps = walk(join(site().dataDir, 'live')).filter((f) => /sitemap.*\.xml$/.test(f));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const f of sitemaps) expect(readFileSync(f, 'utf8')).not.toContain(url);
    expect(await searchFinds(browser, site().url, word.toLowerCase(), title)).toBe(false);
  });

  it('20 approvals within 5 s are all live after at most 2 builds', async () => {
    const stamp = Date.now().toString(36);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await newVerified(`Loạt tin ${stamp} số ${i + 1}`));
    await waitForRevision(site().publisherUrl, await revision());
    const s0 = await status();
    const before = s0.builds + s0.fastBuilds;
    const t0 = Date.now();
    for (const id of ids) expect((await transition('editor-in-chief', { uid: UID, documentId: id, action: 'approve' })).status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(5000);
    await waitForRevision(site().publisherUrl, await revision());
    const after = await status();
    // Quick-lane and full builds together.
    expect(after.builds + after.fastBuilds - before).toBeLessThanOrEqual(2);
    const list = (await get('/tin-tuc/')).text + (await get('/tin-tuc/2/')).text;
    for (let i = 1; i <= 20; i++) expect(list).toContain(`Loạt tin ${stamp} số ${i}`);
  });

  it('quick lane: an approval is laid over the live release, searchable from the delta index; the full build that follows folds it in', async () => {
    const live = () => realpathSync(join(site().dataDir, 'live'));
    await settled();
    const before = await status();
    const beforeDir = live();
    // The next quick-lane release was prepared while the publisher was idle (a hard-linked copy).
    const base = (id: string) => join(site().dataDir, 'releases', `.base-${id}`);
    expect(existsSync(base(before.live.id))).toBe(true);
    const word = `Lannhanh${Date.now().toString(36)}`;
    const title = `Tin làn nhanh ${word}`;
    const id = await newVerified(title);
    expect((await transition('editor-in-chief', { uid: UID, documentId: id, action: 'approve' })).status).toBe(200);
    await waitForRevision(site().publisherUrl, await revision());
    const s = await status();
    expect(s.fastBuilds).toBeGreaterThan(before.fastBuilds);
    expect(s.live.mode).toBe('fast');
    expect(s.fullBuildDueAt).not.toBeNull();
    expect(existsSync(base(before.live.id))).toBe(false); // it became this release
    const url = await articleUrl(id);
    const dir = live();
    // Only what changed was written: a deep list page is the previous release's file (same inode).
    const deep = 'tin-tuc/3/index.html';
    expect(statSync(join(dir, deep)).ino).toBe(statSync(join(beforeDir, deep)).ino);
    expect(statSync(join(dir, 'index.html')).ino).not.toBe(statSync(join(beforeDir, 'index.html')).ino);
    expect((await get(url)).text).toContain(title);
    expect((await get('/')).text).toContain(title);
    const changes = JSON.parse((await get('/pagefind-delta/changes.json')).text);
    expect(changes.pages).toContain(url);
    expect(readFileSync(join(dir, 'sitemap-0.xml'), 'utf8')).toContain(url);
    expect(await searchFinds(browser, site().url, word.toLowerCase(), title)).toBe(true);

    expect(existsSync(base((await settled()).live.id))).toBe(true);
    // The full build replaces the overlay.
    const f = await forceFullBuild(s.builds);
    expect(f.fullBuildDueAt).toBeNull();
    expect((await get('/pagefind-delta/changes.json')).status).toBe(404);
    expect(readFileSync(join(live(), 'sitemap-0.xml'), 'utf8')).toContain(url);
    expect((await get(url)).text).toContain(title);
    expect(await searchFinds(browser, site().url, word.toLowerCase(), title)).toBe(true);
  });

  it("quick lane: withdrawing an old article outside the store's window removes its page, sitemap entry and search hit", async () => {
    await settled();
    const word = `Baicu${Date.now().toString(36)}`;
    const title = `Tin cũ ${word}`;
    const res = await cmCreate(UID, validArticle({ title, date: '2020-03-02T02:00:00.000Z' }));
    expect(res.status).toBe(201);
    const id = res.body.data.documentId;
    expect(await publishThroughWorkflow(UID, id)).toBe('published');
    await waitForRevision(site().publisherUrl, await revision());
    const url = await articleUrl(id);
    expect((await get(url)).text).toContain(title);
    // After a full build the quick lane's seed holds a window of the articles (PUBLISHER_FAST_WINDOW=5 in
    // the tests): this one is too old to be in it, but its slug is indexed.
    await forceFullBuild((await settled()).builds);
    const seedDir = join(site().dataDir, 'fast', 'seed');
    const seed = JSON.parse(readFileSync(join(seedDir, 'articles.json'), 'utf8')) as { entries: [string, unknown][] };
    const slugs = JSON.parse(readFileSync(join(seedDir, 'articles.slugs.json'), 'utf8')) as Record<string, string>;
    expect(seed.entries.map(([eid]) => eid)).not.toContain(id);
    expect(`/tin-tuc/bai/${slugs[id]}/`).toBe(url);
    expect(seed.entries.length).toBeLessThan(Object.keys(slugs).length);
    expect(await searchFinds(browser, site().url, word.toLowerCase(), title)).toBe(true);

    const before = await status();
    expect(
      (await transition('editor-in-chief', { uid: UID, documentId: id, action: 'withdraw', comment: 'Gỡ bài cũ để kiểm thử.' })).status,
    ).toBe(200);
    await waitForRevision(site().publisherUrl, await revision());
    const s = await status();
    expect(s.fastBuilds).toBeGreaterThan(before.fastBuilds);
    expect(s.live.mode).toBe('fast');
    expect((await get(url)).status).toBe(404);
    expect(readFileSync(join(site().dataDir, 'live', 'sitemap-0.xml'), 'utf8')).not.toContain(url);
    expect(await searchFinds(browser, site().url, word.toLowerCase(), title)).toBe(false);
    // The pager counts every article, not the window: the CMS's total.
    const total = (await http('GET', '/api/articles?pagination[pageSize]=1', { token: cms().env.SITE_API_TOKEN })).body.meta.pagination
      .total as number;
    expect(total).toBeGreaterThan(20);
    expect((await get('/tin-tuc/')).text).toContain(`Trang 1 / ${Math.ceil(total / 20)}`);
  });

  it('an unauthenticated webhook gets 401 and triggers no build', async () => {
    const before = (await status()).builds;
    const res = await fetch(`${site().publisherUrl}/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer wrong' },
      body: JSON.stringify({ event: 'entry.publish', model: 'article', entry: { publishedAt: new Date().toISOString() } }),
    });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 2500));
    const s = await status();
    expect(s.builds).toBe(before);
    expect(s.state).toBe('idle');
  });

  it('the built site holds no private value of the content', () => {
    const markers = [...privateMarkers(), ...JSON.parse(process.env.PORTAL_EXTRA_MARKERS ?? '[]')];
    expect(markers.length).toBeGreaterThan(5);
    const files = walk(join(site().dataDir, 'live')).filter((f) => /\.(html|xml|ics|json|txt|js)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of markers) expect(text.includes(m), `${m} found in ${f}`).toBe(false);
    }
  });

  it('publisher stopped during an approval: after restart the change goes live with no manual step; a failed build keeps the old site', async () => {
    // A second publisher of its own (data, output and cache folders, ports), so the shared one is untouched.
    const dir = mkdtempSync(join(tmpdir(), 'portal-pub2-'));
    const [sitePort, apiPort] = [await freePort(), await freePort()];
    const env = {
      ...site().publisherEnv,
      PUBLISHER_DATA_DIR: join(dir, 'data'),
      PUBLISHER_BUILD_OUTPUT: join(dir, 'dist'),
      ASTRO_OUT_DIR: join(dir, 'dist'),
      ASTRO_CACHE_DIR: join(dir, 'cache'),
      SITE_PORT: String(sitePort),
      PUBLISHER_PORT: String(apiPort),
      PUBLISHER_RETRY_FAILED_MS: '1000',
    };
    const api = `http://127.0.0.1:${apiPort}`;
    const own = {
      status: async () => (await fetch(`${api}/status`)).json(),
      get: async (path: string) => {
        const res = await fetch(`http://127.0.0.1:${sitePort}${path}`);
        return { status: res.status, text: await res.text() };
      },
    };
    try {
      let child = startPublisher(env, 'publisher-2');
      await waitForUrl(`${api}/status`, 30_000);
      await waitForRevision(api, await revision());
      await stopService(child);

      const title = `Tin duyệt khi dừng dịch vụ ${Date.now()}`;
      const id = await newVerified(title);
      expect((await transition('editor-in-chief', { uid: UID, documentId: id, action: 'approve' })).status).toBe(200);

      // Restarted with a build that always fails: the old site is still served, /status shows the error.
      child = startPublisher({ ...env, PUBLISHER_BUILD_CMD: JSON.stringify([['node', '-e', 'process.exit(3)']]) }, 'publisher-2-broken');
      await waitForUrl(`${api}/status`, 30_000);
      const deadline = Date.now() + 60_000;
      let s = await own.status();
      while (!s.lastError && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        s = await own.status();
      }
      expect(s.lastError?.message).toMatch(/exit code 3/);
      const home = await own.get('/');
      expect(home.status).toBe(200);
      expect((await own.get(await articleUrl(id))).status).toBe(404);
      await stopService(child);

      // Restarted normally: it reconciles with the CMS and the approval goes live, no webhook needed.
      child = startPublisher(env, 'publisher-2-restarted');
      await waitForUrl(`${api}/status`, 30_000);
      await waitForRevision(api, await revision());
      expect((await own.get(await articleUrl(id))).text).toContain(title);
      await stopService(child);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
