// Issue 21, visible failures: GET /editorial/site-status tells the editor-in-chief and the portal
// administrator (and Super Admin) whether the public site is up to date, from the publisher's /status
// (here a fake publisher on the port the suite gave the CMS as PUBLISHER_STATUS_URL); other roles are
// refused. When the site turns stale, one e-mail goes to the portal administrators per stale period.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, cms, http } from '../helpers/http.ts';

let server: Server;
let body: unknown = { freshness: 'current', live: { builtAt: '2026-12-01T03:00:00.000Z' }, failures: 0, stale: null };
/** The CMS caches the publisher's answer a few seconds (services/site-status.ts). */
const CACHE_MS = 5000;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const stale = (since: string, marker: string) => ({
  freshness: 'stale',
  live: { builtAt: '2026-12-01T03:00:00.000Z' },
  failures: 3,
  stale: { since, failures: 3, pending: ['entry.publish article x'], errors: [`${since} site build failed (${marker})`] },
});
const staleMails = (marker: string) =>
  readFileSync(cms().mailbox, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { to: string[]; raw: string })
    .map((m) => ({ ...m, raw: m.raw.replace(/=\r?\n/g, '') }))
    .filter((m) => m.raw.includes(marker));
const read = async (role: string) => http('GET', '/editorial/site-status', role === 'anonymous' ? {} : { token: await adminToken(role) });

beforeAll(async () => {
  const url = new URL(cms().env.PUBLISHER_STATUS_URL!);
  server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(Number(url.port), '127.0.0.1', r));
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

describe('site status in the admin', () => {
  it('the editor-in-chief, the portal administrator and Super Admin read it; the other roles are refused', async () => {
    await wait(CACHE_MS);
    for (const role of ['editor-in-chief', 'portal-admin', 'strapi-super-admin']) {
      const res = await read(role);
      expect(res.status, role).toBe(200);
      expect(res.body.data).toMatchObject({ freshness: 'current', since: null, liveBuiltAt: '2026-12-01T03:00:00.000Z' });
    }
    for (const role of ['contributor', 'editor', 'inspector', 'finance']) expect((await read(role)).status, role).toBe(403);
    expect((await read('anonymous')).status).toBe(401);
  });

  it('stale: the route says since when; one e-mail to the portal administrators per stale period, again after a recovery', async () => {
    const since1 = '2026-12-02T01:15:00.000Z';
    body = stale(since1, 'marker-first-stale');
    await wait(CACHE_MS + 500);
    const res = await read('editor-in-chief');
    expect(res.body.data).toMatchObject({ freshness: 'stale', since: since1, failures: 3 });
    expect(res.body.data.errors[0]).toContain('marker-first-stale');
    // The CMS checks every 500 ms here: many checks, one mail.
    const deadline = Date.now() + 20_000;
    while (!staleMails('marker-first-stale').length && Date.now() < deadline) await wait(200);
    await wait(3000);
    const first = staleMails('marker-first-stale');
    expect(first).toHaveLength(1);
    expect(first[0]!.to).toEqual([cms().accounts['portal-admin']!.email]);
    expect(first[0]!.raw).toMatch(/^Subject: /m);
    // 08:15 in Asia/Ho_Chi_Minh (UTC+7), in the text.
    expect(first[0]!.raw).toContain('08:15');

    // Current again, then stale again: a second mail.
    body = { freshness: 'current', live: { builtAt: '2026-12-02T02:00:00.000Z' }, failures: 0, stale: null };
    await wait(CACHE_MS + 1500);
    expect((await read('portal-admin')).body.data.freshness).toBe('current');
    body = stale('2026-12-02T03:00:00.000Z', 'marker-second-stale');
    const deadline2 = Date.now() + 20_000;
    while (!staleMails('marker-second-stale').length && Date.now() < deadline2) await wait(200);
    await wait(2000);
    expect(staleMails('marker-second-stale')).toHaveLength(1);
    expect(staleMails('marker-first-stale')).toHaveLength(1);
  });

  it('a publisher that does not answer: the status is unknown, not an error', async () => {
    await new Promise((r) => server.close(r));
    await wait(CACHE_MS + 500);
    const res = await read('portal-admin');
    expect(res.status).toBe(200);
    expect(res.body.data.freshness).toBe('unknown');
    expect(res.body.data.problem).toMatch(/Không kết nối được dịch vụ xuất bản/);
  });
});
