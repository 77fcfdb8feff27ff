// Spawns the real publisher (node src/main.ts) with a fixture build script and a fixture CMS,
// and drives it over real HTTP on 127.0.0.1.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../src/signature.ts';
import { startFakeCms, type FakeCms } from './fixtures/cms.ts';
import { ADMIN, publisherEnv, type Running, runPublisher, SECRET, SITE_TOKEN, stopPublisher } from './fixtures/run-publisher.ts';

let tmp: string;
let cms: FakeCms;
let pub: Running;

const startPublisher = () =>
  runPublisher(
    publisherEnv(tmp, cms.url, {
      PUBLISHER_DEBOUNCE_MS: '800',
      PUBLISHER_LEAK_MARKERS: 'NOI_BO_KHONG_CONG_BO',
      FAKE_FAIL_FLAG: join(tmp, 'fail.flag'),
      FAKE_BUILD_DELAY_MS: '200',
    }),
  );

const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${pub.apiPort}${path}`, init);
const status = async () => (await (await api('/status')).json()) as any;
/** Headers the CMS sends: a timestamp and an HMAC over it and the body (src/signature.ts). */
const signed = (raw: string, secret = SECRET, ts = Math.floor(Date.now() / 1000)) => ({
  'X-Portal-Timestamp': String(ts),
  'X-Portal-Signature': signWebhook(secret, ts, raw),
});
const sendRaw = (raw: string, headers: Record<string, string>) =>
  api('/webhook', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: raw });
const webhook = (body: unknown, secret = SECRET) => {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return sendRaw(raw, secret ? signed(raw, secret) : {});
};
const publish = () => webhook({ event: 'entry.publish', model: 'article', entry: { id: 1, publishedAt: new Date().toISOString() } });

/** Raw GET on the site port (node:http does not normalise "..", unlike fetch). */
function get(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, any>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: pub.sitePort, path, headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
const homeRevision = async () => /revision (\d+)/.exec((await get('/')).body.toString())?.[1];

async function waitFor<T>(fn: () => Promise<T>, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}\n${pub.lines.slice(-20).join('\n')}`);
}
const waitIdle = () => waitFor(async () => (await status()).state === 'idle', 'the publisher to be idle');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'pub-e2e-'));
  await mkdir(join(tmp, 'site'));
  cms = await startFakeCms(SITE_TOKEN);
  pub = await startPublisher();
});

afterAll(async () => {
  if (pub) await stopPublisher(pub);
  await cms?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('publisher (real process, real HTTP)', () => {
  it('builds at start without any webhook (reconcile) and serves it', async () => {
    expect((await api('/health')).status).toBe(200);
    await waitFor(async () => (await status()).live?.revision === 1, 'first build');
    expect(await homeRevision()).toBe('1');
    const s = await status();
    expect(s.cmsRevision).toBe(1);
    expect(s.releases).toHaveLength(1);
    expect(s.lastError).toBeNull();
    expect(JSON.stringify(s)).not.toContain(SECRET);
  });

  it('rejects unauthenticated and malformed webhooks without building', async () => {
    await waitIdle();
    const before = (await status()).builds;
    const noAuth = await webhook({ event: 'entry.publish' }, '');
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toEqual({ error: 'unauthorized' });
    expect((await webhook({ event: 'entry.publish' }, 'wrong-secret')).status).toBe(401);
    expect((await webhook({ event: 'entry.publish' }, SECRET + 'x')).status).toBe(401);
    // The old static bearer is not enough any more.
    const raw = JSON.stringify({ event: 'entry.publish' });
    expect((await sendRaw(raw, { Authorization: `Bearer ${SECRET}` })).status).toBe(401);
    // Altered: a body other than the one signed.
    expect((await sendRaw(JSON.stringify({ event: 'entry.delete' }), signed(raw))).status).toBe(401);
    // Stale: signed more than five minutes ago (or ahead).
    const old = Math.floor(Date.now() / 1000) - 301;
    expect((await sendRaw(raw, signed(raw, SECRET, old))).status).toBe(401);
    expect((await sendRaw(raw, signed(raw, SECRET, old + 602))).status).toBe(401);
    // Replayed: the same signed request twice within the window is taken once.
    const ignoredRaw = JSON.stringify({ event: 'entry.update', entry: { id: 2, publishedAt: null } });
    const once = signed(ignoredRaw);
    expect((await sendRaw(ignoredRaw, once)).status).toBe(202);
    expect((await sendRaw(ignoredRaw, once)).status).toBe(401);
    expect((await api('/rebuild', { method: 'POST', headers: { Authorization: `Bearer ${SECRET}` } })).status).toBe(401);
    expect((await webhook('not json')).status).toBe(400);
    expect((await webhook({ model: 'article' })).status).toBe(400);
    expect((await webhook({ event: 42 })).status).toBe(400);
    expect((await webhook({ event: 'entry.publish', pad: 'x'.repeat(1024 * 1024 + 10) })).status).toBe(400);
    const ignored = await webhook({ event: 'entry.update', entry: { id: 1, publishedAt: null } });
    expect(ignored.status).toBe(202);
    expect(await ignored.json()).toMatchObject({ ignored: true });
    expect((await api('/webhook')).status).toBe(405);
    await sleep(1300); // longer than the debounce
    const after = await status();
    expect(after.builds).toBe(before);
    expect(after.state).toBe('idle');
  });

  it('a valid webhook answers 202 at once and the new content goes live', async () => {
    cms.revision = 2;
    cms.title = 'Phê duyệt bài mới';
    const t0 = Date.now();
    const res = await publish();
    expect(res.status).toBe(202);
    expect(Date.now() - t0).toBeLessThan(300);
    expect((await status()).state).toBe('debouncing');
    await waitFor(async () => (await homeRevision()) === '2', 'revision 2 live');
    expect((await get('/')).body.toString()).toContain('Phê duyệt bài mới');
  });

  it('20 approvals within 5 s go live after at most 2 builds', async () => {
    await waitIdle();
    const before = (await status()).builds;
    // Fire on a fixed schedule (every 200 ms) so all 20 land within ~4 s whatever the response latency.
    const t0 = Date.now();
    const sent: Promise<Response>[] = [];
    for (let i = 0; i < 20; i++) {
      await sleep(Math.max(0, t0 + i * 200 - Date.now()));
      cms.revision = 3 + i;
      sent.push(publish());
    }
    for (const r of await Promise.all(sent)) expect(r.status).toBe(202);
    expect(Date.now() - t0).toBeLessThan(5000);
    await waitFor(async () => (await homeRevision()) === '22', 'revision 22 live');
    await waitIdle();
    const s = await status();
    expect(s.builds - before).toBeLessThanOrEqual(2);
    expect(s.live.revision).toBe(22);
  });

  it('POST /rebuild with the admin token forces a build', async () => {
    await waitIdle();
    const before = (await status()).builds;
    const res = await api('/rebuild', { method: 'POST', headers: { Authorization: `Bearer ${ADMIN}` } });
    expect(res.status).toBe(202);
    await waitFor(async () => (await status()).builds === before + 1 && (await status()).state === 'idle', 'forced build');
  });

  it('a failing build keeps the old site live and records lastError and the log', async () => {
    await waitIdle();
    const liveBefore = (await status()).live.id;
    await writeFile(join(tmp, 'fail.flag'), '1');
    cms.revision = 30;
    expect((await publish()).status).toBe(202);
    const s = await waitFor(async () => {
      const st = await status();
      return st.lastError && st.state === 'idle' ? st : null;
    }, 'the failure to be recorded');
    expect(s.lastError.message).toMatch(/exit code 1/);
    expect(s.live.id).toBe(liveBefore);
    expect(await homeRevision()).toBe('22');
    const logs = await readdir(join(tmp, 'data', 'logs'));
    expect(logs).toContain(`${s.lastError.releaseId}.log`);
    expect(existsSync(join(tmp, 'data', 'releases', s.lastError.releaseId))).toBe(false);
    expect(await readdir(join(tmp, 'data', 'releases'))).not.toContain(`.staging-${s.lastError.releaseId}`);
    await rm(join(tmp, 'fail.flag'));
  });

  it('a leak marker in the output fails the checks and leaves the live site untouched', async () => {
    cms.revision = 31;
    cms.title = 'Bài NOI_BO_KHONG_CONG_BO rò rỉ';
    expect((await publish()).status).toBe(202);
    const s = await waitFor(async () => {
      const st = await status();
      return st.lastError?.message.includes('forbidden marker') && st.state === 'idle' ? st : null;
    }, 'the leak check to fail');
    expect(s.lastError.message).toContain('"NOI_BO_KHONG_CONG_BO"');
    expect(await homeRevision()).toBe('22');
    expect((await get('/')).body.toString()).not.toContain('NOI_BO');
    expect(existsSync(join(tmp, 'data', 'releases', s.lastError.releaseId))).toBe(false);

    cms.title = 'Bài đã sửa';
    expect((await publish()).status).toBe(202);
    await waitFor(async () => (await homeRevision()) === '31', 'fixed content live');
    await waitIdle();
    expect((await status()).lastError).toBeNull();
  });

  it('serves with compression, content types, cache and security headers', async () => {
    const br = await get('/', { 'Accept-Encoding': 'gzip, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toContain('revision 31');
    expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(br.headers['content-security-policy']).toContain("img-src 'self' data: https://media.example.gov.vn");
    expect(br.headers['content-security-policy']).toContain("form-action 'self' https://cms.example.gov.vn");
    expect(br.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(br.headers['x-content-type-options']).toBe('nosniff');
    expect(br.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(br.headers['x-frame-options']).toBe('DENY');
    expect(br.headers['permissions-policy']).toContain('camera=()');

    const gz = await get('/rss.xml', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(gunzipSync(gz.body).toString()).toContain('<rss');

    const plain = await get('/rss.xml');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('<rss');

    const ics = await get('/lich.ics');
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.body.toString()).toContain('BEGIN:VCALENDAR');
    expect((await get('/site.webmanifest')).headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect((await get('/logo.png')).headers['content-type']).toBe('image/png');

    const asset = await get('/_astro/app.3f9a1c.js', { 'Accept-Encoding': 'gzip' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');

    // ETag + 304, per representation
    const etag = br.headers.etag as string;
    expect(etag).toMatch(/^".+-br"$/);
    const again = await get('/', { 'Accept-Encoding': 'gzip, br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    const section = await get('/tin-tuc/');
    expect(section.status).toBe(200);
    expect(section.body.toString()).toContain('Tin tức');
    const redirect = await get('/tin-tuc');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/tin-tuc/');

    // Never a protocol-relative redirect to another host.
    expect((await get('//tin-tuc')).headers.location).toBe('/tin-tuc/');
    expect((await get('/%5Ctin-tuc')).status).toBe(400);

    const head = await get('/rss.xml', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(100);
    expect((await get('/', {}, 'POST')).status).toBe(405);
  });

  it('answers unknown paths with the site 404 page and refuses traversal', async () => {
    const nf = await get('/khong-co-trang-nay');
    expect(nf.status).toBe(404);
    expect(nf.body.toString()).toContain('Không tìm thấy trang (fixture)');
    expect(nf.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(nf.headers['x-frame-options']).toBe('DENY');
    for (const p of [
      '/../state.json',
      '/../../../../etc/passwd',
      '/%2e%2e/state.json',
      '/..%2fstate.json',
      '/a/%2E%2E/%2E%2E/state.json',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const r = await get(p);
      expect(r.status, p).toBe(400);
      expect(r.body.toString()).not.toContain('"live"');
    }
  });

  it('rebuilds after a restart when the CMS changed while it was down (missed webhook)', async () => {
    await waitIdle();
    expect(await stopPublisher(pub)).toBe(0);
    const buildsBefore = JSON.parse(await readFile(join(tmp, 'data', 'state.json'), 'utf8')).builds;
    cms.revision = 40;
    cms.title = 'Duyệt khi publisher đang dừng';
    pub = await startPublisher();
    // The old release is served immediately after the restart…
    expect(await homeRevision()).toBe('31');
    // …and the reconcile at start brings it up to date without any webhook.
    await waitFor(async () => (await homeRevision()) === '40', 'revision 40 after restart');
    await waitIdle(); // pruning runs right after the switch
    const s = await status();
    expect(s.builds).toBe(buildsBefore + 1);
    expect(s.live.revision).toBe(40);
    expect(s.releases.length).toBeLessThanOrEqual(5);

    // Unchanged files are hard links to the previous release; changed ones are fresh copies.
    const [prev, cur] = s.releases.slice(-2).map((id: string) => join(tmp, 'data', 'releases', id));
    expect((await stat(join(cur, '_astro/app.3f9a1c.js'))).ino).toBe((await stat(join(prev, '_astro/app.3f9a1c.js'))).ino);
    expect((await stat(join(cur, 'index.html'))).ino).not.toBe((await stat(join(prev, 'index.html'))).ino);
    expect(await readFile(join(prev, 'index.html'), 'utf8')).toContain('revision 31');
  });
});
