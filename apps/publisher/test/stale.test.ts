// Failed full builds are retried by themselves with backoff, their reasons kept; after N failures in a
// row or a set time, /status says `stale`, since when and what is pending. The real publisher
// (node src/main.ts) with the fixture build and CMS, over real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCms, type FakeCms } from './fixtures/cms.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/fake-site-build.mjs', import.meta.url));
const SECRET = 'webhook-secret-0123456789abcdef';
const SITE_TOKEN = 'site-token-0123456789abcdef0123';

let tmp: string;
let cms: FakeCms;
let pub: { child: ChildProcess; apiPort: number } | null = null;

function start(extra: Record<string, string>): Promise<{ child: ChildProcess; apiPort: number }> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      PUBLISHER_WEBHOOK_SECRET: SECRET,
      SITE_API_TOKEN: SITE_TOKEN,
      CMS_URL: cms.url,
      PUBLISHER_PORT: '0',
      SITE_PORT: '0',
      SITE_HOST: '127.0.0.1',
      PUBLISHER_DATA_DIR: join(tmp, 'data'),
      PUBLISHER_SITE_DIR: join(tmp, 'site'),
      PUBLISHER_BUILD_CMD: JSON.stringify([['node', FIXTURE]]),
      PUBLISHER_DEBOUNCE_MS: '200',
      PUBLISHER_RECONCILE_MS: '600000',
      PUBLISHER_DAILY_AT: 'off',
      FAKE_FAIL_FLAG: join(tmp, 'fail.flag'),
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buf = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const m = /"msg":"publisher listening".*?"apiPort":(\d+)/.exec(buf);
      if (m) resolve({ child, apiPort: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`publisher exited (${code}): ${buf}`)));
  });
}

async function stop() {
  if (!pub || pub.child.exitCode !== null) return;
  const p = pub;
  await new Promise((r) => {
    p.child.once('exit', r);
    p.child.kill('SIGTERM');
  });
  pub = null;
}

const status = async () => (await (await fetch(`http://127.0.0.1:${pub!.apiPort}/status`)).json()) as any;
const webhook = (event: string, model: string) =>
  fetch(`http://127.0.0.1:${pub!.apiPort}/webhook`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SECRET}` },
    body: JSON.stringify({ event, model, entry: { id: 7, documentId: 'lienket7', publishedAt: new Date().toISOString() } }),
  });
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
