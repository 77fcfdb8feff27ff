// The CLI and the server's edge cases, as real child processes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCms, type FakeCms } from './fixtures/cms.ts';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/fake-site-build.mjs', import.meta.url));
const TOKEN = 'site-token-for-cli-tests-0123456789';

let tmp: string;
let cms: FakeCms;
let env: NodeJS.ProcessEnv;

/** A port nothing listens on (bound, then released). */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

// Async on purpose: the fixture CMS runs in this process and must keep answering during the command.
function cli(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...env, ...extra } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'pub-cli-'));
  await mkdir(join(tmp, 'site'));
  cms = await startFakeCms(TOKEN);
  env = {
    PATH: process.env.PATH,
    SITE_API_TOKEN: TOKEN,
    CMS_URL: cms.url,
    PUBLISHER_DATA_DIR: join(tmp, 'data'),
    PUBLISHER_SITE_DIR: join(tmp, 'site'),
    PUBLISHER_BUILD_CMD: JSON.stringify([['node', FIXTURE]]),
    PUBLISHER_PORT: String(await deadPort()),
    FAKE_FAIL_FLAG: join(tmp, 'fail.flag'),
  };
});

afterAll(async () => {
  await cms?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('cli', () => {
  it('build: builds, prints progress and switches live', async () => {
    const r = await cli(['build']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/build started/);
    expect(r.out).toMatch(/running step 1\/1/);
    expect(r.out).toMatch(/release is live/);
    expect(r.out).toMatch(/^live: \d{8}T\d{6}Z-r1 /m);
    cms.revision = 2;
    expect((await cli(['build'])).code).toBe(0);
  });

  it('build: exits non-zero with a clear message when the build fails', async () => {
    await writeFile(join(tmp, 'fail.flag'), '1');
    const r = await cli(['build']);
    await rm(join(tmp, 'fail.flag'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error: build failed: step 1\/1 .* failed with exit code 1 \(log: .*\.log\)/);
    const logFile = /\(log: (.*\.log)\)/.exec(r.err)![1];
    expect(await readFile(logFile, 'utf8')).toContain('injected failure');
  });

  it("build: a successful build replaces the quick lane's seed and empties its store; a failed one keeps both", async () => {
    const data = join(tmp, 'data-seed');
    const fast = join(data, 'fast');
    const seedRevision = async () => JSON.parse(await readFile(join(fast, 'seed', 'articles.json'), 'utf8')).revision;
    const extra = { PUBLISHER_DATA_DIR: data, PUBLISHER_FAST_LANE: 'on' };
    expect((await cli(['build'], extra)).code).toBe(0);
    expect(await seedRevision()).toBe(cms.revision);
    await mkdir(join(fast, 'cache'), { recursive: true });
    await writeFile(join(fast, 'cache', 'data-store.json'), '[]');
    const before = cms.revision;
    cms.revision = before + 1;
    expect((await cli(['build'], { ...extra, FAKE_FAIL_AFTER_SEED: '1' })).code).toBe(1);
    expect(await seedRevision()).toBe(before);
    expect(existsSync(join(fast, 'seed-next'))).toBe(false);
    expect(existsSync(join(fast, 'cache', 'data-store.json'))).toBe(true);
    expect((await cli(['build'], extra)).code).toBe(0);
    expect(await seedRevision()).toBe(before + 1);
    expect(existsSync(join(fast, 'cache', 'data-store.json'))).toBe(false);
    cms.revision = before;
  });

  it('status: prints the data-dir view when no server runs', async () => {
    const r = await cli(['status']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.server).toBe('not running');
    expect(s.live.revision).toBe(2);
    expect(s.releases).toHaveLength(2);
    expect(s.lastError.message).toMatch(/exit code 1/);
  });

  it('rollback: previous release, a given id, and clear errors', async () => {
    const before = JSON.parse((await cli(['status'])).out);
    const [first, second] = before.releases;
    const r = await cli(['rollback']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`live: ${first} (was ${second})`);
    expect(JSON.parse((await cli(['status'])).out).live.id).toBe(first);
    expect((await cli(['rollback', second])).code).toBe(0);
    const bad = await cli(['rollback', '20990101T000000Z-r1']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/error: Release "20990101T000000Z-r1" not found/);
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "frobnicate"/);
  });

  it('rejects a bad configuration with an English message', async () => {
    const r = await cli(['build'], { PUBLISHER_BUILD_CMD: 'astro build' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/PUBLISHER_BUILD_CMD must be JSON/);
  });
});

describe('server edge cases', () => {
  it('exits 1 with a clear message when PUBLISHER_WEBHOOK_SECRET is missing', () => {
    const r = spawnSync(process.execPath, [MAIN], { env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/PUBLISHER_WEBHOOK_SECRET is not set/);
  });

  it('builds as soon as a CMS that was down at start comes up (retry with backoff, no webhook)', async () => {
    const port = await deadPort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...env,
        PUBLISHER_DATA_DIR: join(tmp, 'data3'),
        PUBLISHER_RECONCILE_MS: '1000',
        PUBLISHER_WEBHOOK_SECRET: 'secret-secret-secret',
        CMS_URL: `http://127.0.0.1:${port}`,
        PUBLISHER_PORT: '0',
        SITE_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    let late: FakeCms | undefined;
    try {
      const end0 = Date.now() + 10_000;
      while (!out.includes('could not read the CMS revision') && Date.now() < end0) await new Promise((r) => setTimeout(r, 50));
      expect(out).toContain('could not read the CMS revision');
      late = await startFakeCms(TOKEN, port);
      late.revision = 7;
      const end = Date.now() + 10_000;
      while (!out.includes('"release is live"') && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('"release is live"');
      expect(out).toMatch(/"revision":7/);

      // A scheduled go-live reported by the CMS triggers a rebuild at that time, with no edit.
      late.nextTimedEvent = new Date(Date.now() + 1500).toISOString();
      const end2 = Date.now() + 10_000;
      while (!/"reasons":\["scheduled event at/.test(out) && Date.now() < end2) await new Promise((r) => setTimeout(r, 100));
      expect(out).toMatch(/"reasons":\["scheduled event at/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await late?.close();
    }
  });

  it('serves a 503 holding page with no release, survives an unreachable CMS, and kills a running build on SIGTERM', async () => {
    const data = join(tmp, 'data2');
    const pidFile = join(tmp, 'build.pid');
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...env,
        PUBLISHER_DATA_DIR: data,
        PUBLISHER_WEBHOOK_SECRET: 'secret-secret-secret',
        PUBLISHER_ADMIN_TOKEN: 'admin-admin-admin',
        CMS_URL: `http://127.0.0.1:${await deadPort()}`,
        PUBLISHER_PORT: '0',
        SITE_PORT: '0',
        SITE_HOST: '127.0.0.1',
        FAKE_BUILD_DELAY_MS: '30000',
        FAKE_PID_FILE: pidFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const seen = (pred: (r: any) => boolean) =>
      new Promise<any>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(lines.join('\n'))), 15_000);
        const check = () => {
          for (const l of lines) {
            try {
              const rec = JSON.parse(l);
              if (pred(rec)) {
                clearTimeout(t);
                return resolve(rec);
              }
            } catch {}
          }
          setTimeout(check, 50);
        };
        check();
      });
    let buf = '';
    child.stdout.on('data', (c) => {
      buf += c;
      const parts = buf.split('\n');
      buf = parts.pop()!;
      lines.push(...parts);
    });
    const ready = await seen((r) => r.msg === 'publisher listening');
    await seen((r) => r.msg.startsWith('reconcile: could not read the CMS revision'));

    const res = await fetch(`http://127.0.0.1:${ready.sitePort}/`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.text()).toContain('Cổng thông tin đang được xây dựng, vui lòng quay lại sau ít phút.');
    const st = await (await fetch(`http://127.0.0.1:${ready.apiPort}/status`)).json();
    expect(st).toMatchObject({ live: null, state: 'idle', queued: false, cmsRevision: null, lastError: null, releases: [] });

    // Start a (slow) build, then stop the publisher mid-build: the build's process group must die.
    const rb = await fetch(`http://127.0.0.1:${ready.apiPort}/rebuild`, {
      method: 'POST',
      headers: { Authorization: 'Bearer admin-admin-admin' },
    });
    expect(rb.status).toBe(202);
    await seen((r) => r.msg.startsWith('running step'));
    for (let i = 0; i < 50 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
    const buildPid = Number(await readFile(pidFile, 'utf8'));
    const t0 = Date.now();
    const code = await new Promise((r) => {
      child.once('exit', r);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(() => process.kill(buildPid, 0)).toThrow();
    expect(existsSync(join(data, 'build.lock'))).toBe(false);
  });
});
