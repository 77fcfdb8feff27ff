// Failed full builds are retried by themselves with backoff, their reasons kept; after N failures in a
// row or a set time, /status says `stale`, since when and what is pending. The real publisher
// (node src/main.ts) with the fixture build and CMS, over real HTTP.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../src/signature.ts';
import { startFakeCms, type FakeCms } from './fixtures/cms.ts';
import { publisherEnv, type Running, runPublisher, SECRET, SITE_TOKEN, stopPublisher } from './fixtures/run-publisher.ts';

let tmp: string;
let cms: FakeCms;
let pub: Running | null = null;

const start = (extra: Record<string, string>) =>
  runPublisher(publisherEnv(tmp, cms.url, { PUBLISHER_DEBOUNCE_MS: '200', FAKE_FAIL_FLAG: join(tmp, 'fail.flag'), ...extra }));

async function stop() {
  if (pub) await stopPublisher(pub);
  pub = null;
}

const status = async () => (await (await fetch(`http://127.0.0.1:${pub!.apiPort}/status`)).json()) as any;
/** A webhook as the CMS sends it: signed over its timestamp and body (src/signature.ts). */
const webhook = (event: string, model: string) => {
  const raw = JSON.stringify({ event, model, entry: { id: 7, documentId: 'lienket7', publishedAt: new Date().toISOString() } });
  const ts = Math.floor(Date.now() / 1000);
  return fetch(`http://127.0.0.1:${pub!.apiPort}/webhook`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Portal-Timestamp': String(ts), 'X-Portal-Signature': signWebhook(SECRET, ts, raw) },
    body: raw,
  });
};
async function waitFor<T>(fn: () => Promise<T>, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await status().catch(() => null))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterEach(async () => {
  await rm(join(tmp, 'fail.flag'), { force: true });
});

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'publisher-stale-'));
  await mkdir(join(tmp, 'site'), { recursive: true });
  cms = await startFakeCms(SITE_TOKEN);
});
afterAll(async () => {
  await stop();
  await cms?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('failed builds', () => {
  it('are retried with backoff without new events; after 3 failures /status says stale, since when and what is pending', async () => {
    pub = await start({ PUBLISHER_RETRY_BASE_MS: '300', PUBLISHER_STALE_AFTER_MS: '600000' });
    await waitFor(async () => (await status()).live?.revision === 1, 'first build');
    expect((await status()).freshness).toBe('current');

    await writeFile(join(tmp, 'fail.flag'), '1');
    cms.revision = 2;
    const t0 = Date.now();
    expect((await webhook('media.update', 'file')).status).toBe(202);
    const one = await waitFor(async () => {
      const s = await status();
      return s.failures === 1 && s.nextRetryAt ? s : null;
    }, 'the first failure and its retry time');
    expect(one.freshness).toBe('current'); // one failure is not yet stale
    expect(Date.parse(one.nextRetryAt)).toBeGreaterThan(Date.now() - 1000);
    const s = await waitFor(async () => {
      const st = await status();
      return st.failures >= 3 ? st : null;
    }, 'three failures (two retries nobody asked for)');
    // backoff: 300 ms, then 600 ms
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(s.freshness).toBe('stale');
    expect(Date.parse(s.stale.since)).toBeGreaterThanOrEqual(t0 - 1000);
    expect(Date.parse(s.stale.since)).toBeLessThanOrEqual(Date.now());
    expect(s.stale.pending).toContain('media.update file lienket7');
    expect(s.stale.pending).toContain('cms revision 2 (live 1)');
    expect(s.stale.errors.at(-1)).toMatch(/exit code 1/);
    expect(s.lastError.message).toMatch(/exit code 1/);
    expect(s.live.revision).toBe(1);

    // the next retry succeeds once the cause is gone: current again, nothing pending
    await rm(join(tmp, 'fail.flag'));
    const ok = await waitFor(async () => {
      const st = await status();
      return st.live?.revision === 2 && st.state === 'idle' ? st : null;
    }, 'a retry to succeed');
    expect(ok.freshness).toBe('current');
    expect(ok.stale).toBeNull();
    expect(ok.failures).toBe(0);
    expect(ok.nextRetryAt).toBeNull();
    await stop();
  });

  it('say stale after PUBLISHER_STALE_AFTER_MS even with fewer failures, and the count survives a restart', async () => {
    pub = await start({ PUBLISHER_RETRY_BASE_MS: '60000', PUBLISHER_STALE_AFTER_MS: '1500' });
    await waitFor(async () => (await status()).state === 'idle', 'idle');
    await writeFile(join(tmp, 'fail.flag'), '1');
    cms.revision = 3;
    expect((await webhook('entry.update', 'link')).status).toBe(202);
    await waitFor(async () => (await status()).failures === 1, 'one failure');
    const s = await waitFor(async () => {
      const st = await status();
      return st.freshness === 'stale' ? st : null;
    }, 'stale after 1.5 s');
    expect(s.failures).toBe(1);
    expect(s.stale.pending).toContain('entry.update link lienket7');
    await stop();
    pub = await start({ PUBLISHER_RETRY_BASE_MS: '60000', PUBLISHER_STALE_AFTER_MS: '1500' });
    const after = await status();
    expect(after.freshness).toBe('stale');
    expect(after.stale.since).toBe(s.stale.since);
    await rm(join(tmp, 'fail.flag'));
  });
});
