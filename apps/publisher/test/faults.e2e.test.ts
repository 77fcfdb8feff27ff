// Faults with real processes (issue 22): the real publisher, the fake site build and a fake CMS over real
// HTTP, with faults injected through src/faults.ts (PORTAL_FAULTS) or by killing processes. Each test
// checks that the live release stays whole and served (by the publisher, or by any web server that
// follows the `live` symlink while the publisher is down), nothing is left half-switched, and that the
// system converges to the CMS revision with no human step.
import { statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFaults } from '../src/faults.ts';
import { startFakeCms, type FakeCms } from './fixtures/cms.ts';
import { ADMIN, publisherEnv, type Running, runPublisher, SITE_TOKEN, stopPublisher } from './fixtures/run-publisher.ts';

let tmp: string;
let cms: FakeCms;
let pub: Running | null = null;
const data = () => join(tmp, 'data');

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'pub-faults-'));
  await mkdir(join(tmp, 'site'));
  cms = await startFakeCms(SITE_TOKEN);
});
afterEach(async () => {
  if (pub) await stopPublisher(pub, 'SIGKILL');
  pub = null;
  await cms.close().catch(() => {});
  await rm(tmp, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(f: () => Promise<T> | T, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await f();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}\n${pub?.lines.slice(-15).join('\n') ?? ''}`);
}
const start = async (extra: Record<string, string> = {}) => {
  pub = await runPublisher(publisherEnv(tmp, cms.url, { PUBLISHER_RETRY_BASE_MS: '300', ...extra }));
  return pub;
};
const status = async () => (await (await fetch(`http://127.0.0.1:${pub!.apiPort}/status`)).json()) as any;
const rebuild = () => fetch(`http://127.0.0.1:${pub!.apiPort}/rebuild`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN}` } });
const served = async () => /revision (\d+)/.exec(await (await fetch(`http://127.0.0.1:${pub!.sitePort}/`)).text())?.[1];
const liveAt = (rev: number) =>
  until(async () => (await status()).live?.revision === rev && (await served()) === String(rev), `revision ${rev} live`);

/** The release `live` points at is whole: every file its manifest lists is there with its size. */
async function liveRelease(): Promise<{ id: string; revision: number | null }> {
  const target = await readlink(join(data(), 'live'));
  const id = target.split('/').pop()!;
  const meta = JSON.parse(await readFile(join(data(), 'meta', `${id}.json`), 'utf8'));
  for (const [rel, [size]] of Object.entries(meta.files as Record<string, [number, string]>)) {
    expect(statSync(join(data(), 'live', rel)).size, rel).toBe(size);
  }
  return { id, revision: meta.revision };
}
const leftovers = async () => (await readdir(join(data(), 'releases'))).filter((n) => n.startsWith('.staging-'));

/** A publisher with revision 1 live, then the CMS moves to revision 2. */
async function liveThenChange(extra: Record<string, string> = {}) {
  await start(extra);
  await liveAt(1);
  cms.revision = 2;
  cms.title = 'Tin thứ hai';
}

describe('fault injection module', () => {
  it('reads points, actions and flag files; refuses what it cannot read', () => {
    expect(parseFaults('stage:fail=ENOSPC@/tmp/x,switch:crash, build:pause=200')).toEqual([
      { point: 'stage', action: 'fail', arg: 'ENOSPC', flag: '/tmp/x' },
      { point: 'switch', action: 'crash', arg: '', flag: null },
      { point: 'build', action: 'pause', arg: '200', flag: null },
    ]);
    expect(() => parseFaults('disk:full')).toThrow(/PORTAL_FAULTS/);
    expect(parseFaults(undefined)).toEqual([]);
  });
});

describe('faults with real processes', { timeout: 120_000 }, () => {
  for (const [when, faults] of [
    ['building', 'build:pause=4000'],
    ['staging', 'stage:pause=4000'],
    ['switching', 'switch:pause=4000'],
  ] as const) {
    it(`the publisher killed (SIGKILL) while ${when}: the old release stays whole and live; a restart converges`, async () => {
      const flag = join(tmp, 'fault.flag');
      await liveThenChange({ PORTAL_FAULTS: `${faults}@${flag}` });
      const before = await liveRelease();
      await writeFile(flag, '');
      await rebuild();
      // Inside the paused step: for staging and switching, the new release is on disk but not live.
      await until(async () => (await status()).state === 'building', 'the build to start');
      await sleep(1500);
      await stopPublisher(pub!, 'SIGKILL');
      expect(await liveRelease()).toEqual(before);
      await rm(flag);
      await start();
      await liveAt(2);
      expect((await liveRelease()).revision).toBe(2);
      expect(await leftovers()).toEqual([]);
    });
  }

  it('the publisher crashes at the switch itself: live is the old or the new release, never half of one', async () => {
    const flag = join(tmp, 'fault.flag');
    await liveThenChange({ PORTAL_FAULTS: `switch:crash@${flag}` });
    const before = await liveRelease();
    await writeFile(flag, '');
    const exited = new Promise((r) => pub!.child.once('exit', r));
    await rebuild();
    await exited;
    expect(await liveRelease()).toEqual(before);
    await rm(flag);
    await start();
    await liveAt(2);
    expect((await readdir(data())).filter((n) => n.startsWith('live.tmp-'))).toEqual([]);
  });

  it('the disk full while staging (ENOSPC): the build fails with the reason, the old site is served, freeing the disk converges by itself', async () => {
    const flag = join(tmp, 'disk-full.flag');
    await liveThenChange({ PORTAL_FAULTS: `stage:fail=ENOSPC@${flag}` });
    await writeFile(flag, '');
    await rebuild();
    const err = await until(async () => (await status()).lastError, 'the build to fail');
    expect(err.message).toMatch(/ENOSPC/);
    expect(await served()).toBe('1');
    expect(await leftovers()).toEqual([]);
    await rm(flag); // the IT officer frees the disk; nothing else is done
    await liveAt(2);
  });

  it('the CMS stopped during a build and started again: the build fails, the old site is served, the site converges', async () => {
    await liveThenChange({ FAKE_BUILD_DELAY_MS: '2000', PUBLISHER_RECONCILE_MS: '1000' });
    const port = new URL(cms.url).port;
    await rebuild();
    await until(async () => (await status()).state === 'building', 'the build to start');
    await cms.close();
    await until(async () => (await status()).lastError, 'the build to fail');
    expect(await served()).toBe('1');
    const again = await startFakeCms(SITE_TOKEN, Number(port));
    again.revision = 2;
    again.title = 'Tin thứ hai';
    cms = again;
    await liveAt(2);
  });

  it('a crashing search indexer (a build command killed by SIGSEGV): the build fails, the old site is served, a working indexer converges', async () => {
    const flag = join(tmp, 'crash.flag');
    const crasher = `require('node:fs').existsSync(${JSON.stringify(flag)}) && process.kill(process.pid, 'SIGSEGV')`;
    await liveThenChange({
      PUBLISHER_BUILD_CMD: JSON.stringify([
        ['node', join(import.meta.dirname, 'fixtures', 'fake-site-build.mjs')],
        ['node', '-e', crasher],
      ]),
    });
    await writeFile(flag, '');
    await rebuild();
    const err = await until(async () => (await status()).lastError, 'the build to fail');
    expect(err.message).toMatch(/SIGSEGV/);
    expect(await served()).toBe('1');
    await rm(flag);
    await liveAt(2);
  });

  it('the machine restarts mid-build (publisher and CMS both killed): starting both again converges', async () => {
    await liveThenChange({ FAKE_BUILD_DELAY_MS: '3000' });
    const port = new URL(cms.url).port;
    await rebuild();
    await until(async () => (await status()).state === 'building', 'the build to start');
    await stopPublisher(pub!, 'SIGKILL');
    await cms.close();
    const before = await liveRelease();
    expect(before.revision).toBe(1);
    cms = await startFakeCms(SITE_TOKEN, Number(port));
    cms.revision = 2;
    cms.title = 'Tin thứ hai';
    await start();
    await liveAt(2);
    expect(await leftovers()).toEqual([]);
  });
});

it('faults are inert in production', async () => {
  const { fault } = await import('../src/faults.ts');
  const saved = { f: process.env.PORTAL_FAULTS, n: process.env.NODE_ENV };
  process.env.PORTAL_FAULTS = 'stage:fail=ENOSPC';
  process.env.NODE_ENV = 'production';
  try {
    await expect(fault('stage')).resolves.toBeUndefined();
    process.env.NODE_ENV = 'test';
    await expect(fault('stage')).rejects.toThrow(/ENOSPC/);
  } finally {
    process.env.PORTAL_FAULTS = saved.f;
    process.env.NODE_ENV = saved.n;
    if (saved.f === undefined) delete process.env.PORTAL_FAULTS;
  }
});
