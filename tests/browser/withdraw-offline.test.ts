// Issue 21, urgent changes first: a withdrawal leaves the page, the sitemap, the feed and the search
// within 60 s even when the CMS is unreachable the moment the publisher acts on it (and so every build
// fails). A publisher of its own reads the real CMS through a proxy that the test cuts right after the
// withdrawal; the webhook is sent to it as the CMS sends it (signed).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../apps/publisher/src/signature.ts';
import { startPublisher } from '../../scripts/lib/portal.ts';
import { stopAll, stopService, waitForUrl } from '../../scripts/lib/proc.ts';
import { freePort } from '../setup/cms.ts';
import { launch, searchFinds } from '../helpers/browser.ts';
import { cmCreate, publishThroughWorkflow, transition, validArticle } from '../helpers/content.ts';
import { cms, http } from '../helpers/http.ts';

const site = () => inject('site');
const UID = 'api::article.article';
let browser: Browser;

/** A TCP proxy to the CMS that can be cut (the CMS "unreachable" for whoever uses it). */
async function cmsProxy(target: URL): Promise<{ url: string; cut: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${port}`,
    cut: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        for (const s of sockets) s.destroy();
      }),
  };
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await stopAll();
});

describe('withdrawal while the CMS is unreachable', () => {
  it("'Gỡ bài', then the CMS is unreachable: within 60 s the page is 404 and out of the sitemap, the feed and the search", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-pub-offline-'));
    const proxy = await cmsProxy(new URL(cms().url));
    const [sitePort, apiPort] = [await freePort(), await freePort()];
    const env = {
      ...site().publisherEnv,
      CMS_URL: proxy.url,
      PUBLISHER_DATA_DIR: join(dir, 'data'),
      PUBLISHER_BUILD_OUTPUT: join(dir, 'dist'),
      ASTRO_OUT_DIR: join(dir, 'dist'),
      ASTRO_CACHE_DIR: join(dir, 'cache'),
      SITE_PORT: String(sitePort),
      PUBLISHER_PORT: String(apiPort),
    };
    const api = `http://127.0.0.1:${apiPort}`;
    const base = `http://127.0.0.1:${sitePort}`;
    const status = async () => (await fetch(`${api}/status`)).json();
    const get = async (path: string) => {
      const res = await fetch(base + path);
      return { status: res.status, text: await res.text() };
    };
    const child = startPublisher(env, 'publisher-offline');
    try {
      const word = `Gobai${Date.now().toString(36)}`;
      const title = `Tin sẽ gỡ khi mất kết nối ${word}`;
      const res = await cmCreate(UID, validArticle({ title }));
      expect(res.status).toBe(201);
      const id = res.body.data.documentId as string;
      expect(await publishThroughWorkflow(UID, id)).toBe('published');
      const url = `/tin-tuc/bai/${(await http('GET', `/api/articles/${id}`)).body.data.slug}/`;

      // Its first full build (reconcile at start) shows the article, and writes the quick lane's seed.
      await waitForUrl(`${api}/status`, 30_000);
      const deadline = Date.now() + 300_000;
      while (!(await get(url)).text.includes(title)) {
        if (Date.now() > deadline) throw new Error(`the article did not go live: ${JSON.stringify(await status())}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      for (;;) {
        const s = await status();
        if (s.state === 'idle' && !s.queued && !s.preparing) break;
        await new Promise((r) => setTimeout(r, 300));
      }
      expect((await get('/rss.xml')).text).toContain(word);
      expect(await searchFinds(browser, base, word.toLowerCase(), title)).toBe(true);

      // 'Gỡ bài' in the CMS; the CMS is unreachable for the publisher from then on.
      expect(
        (await transition('editor-in-chief', { uid: UID, documentId: id, action: 'withdraw', comment: 'Gỡ bài khi mất kết nối.' })).status,
      ).toBe(200);
      await proxy.cut();
      const t0 = Date.now();
      const raw = JSON.stringify({ event: 'entry.unpublish', model: 'article', entry: { documentId: id, publishedAt: null } });
      const ts = Math.floor(Date.now() / 1000);
      const hook = await fetch(`${api}/webhook`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [TIMESTAMP_HEADER]: String(ts),
          [SIGNATURE_HEADER]: signWebhook(site().publisherEnv.PUBLISHER_WEBHOOK_SECRET!, ts, raw),
        },
        body: raw,
      });
      expect(hook.status).toBe(202);

      while ((await get(url)).status !== 404) {
        if (Date.now() - t0 > 60_000)
          throw new Error(`the page was still served 60 s after the withdrawal: ${JSON.stringify(await status())}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      const live = join(dir, 'data', 'live');
      for (const f of readdirSync(live).filter((n) => /^sitemap.*\.xml$/.test(n)))
        expect(readFileSync(join(live, f), 'utf8')).not.toContain(url);
      expect((await get('/rss.xml')).text).not.toContain(word);
      expect(JSON.parse((await get('/pagefind-delta/changes.json')).text).removed).toContain(url);
      expect(await searchFinds(browser, base, word.toLowerCase(), title)).toBe(false);
      expect(Date.now() - t0).toBeLessThan(60_000);
      // The full build that must confirm it cannot reach the CMS: it fails and is retried; the release
      // stays the one without the page.
      const s = await status();
      expect(s.live.mode).toBe('fast');
      expect((await get(url)).status).toBe(404);
    } finally {
      await stopService(child);
      await proxy.cut().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
