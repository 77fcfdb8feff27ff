// `npm start`'s supervision with the real portal: the publisher (which also serves the public site in the
// embedded default) is killed with SIGKILL while the site is live; it must come back by itself and serve
// the last live release again. Prints the gap a visitor sees (no timed assertion beyond a generous bound).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const data = mkdtempSync(join(tmpdir(), 'supervision-'));
let start: ChildProcess | null = null;
afterAll(() => {
  if (start?.pid)
    try {
      process.kill(-start.pid, 'SIGKILL');
    } catch {}
  rmSync(data, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const ok = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.ok,
    () => false,
  );
async function until(f: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await f()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
/** The publisher process of this start: the one whose environment names our publisher port. */
function publisherPid(port: number): number | null {
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('apps/publisher/src/main.ts')) continue;
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`PUBLISHER_PORT=${port}`)) return Number(pid);
    } catch {}
  }
  return null;
}

it('a publisher killed with SIGKILL is restarted and serves the live site again', async () => {
  const [cms, site, publisher] = [await freePort(), await freePort(), await freePort()];
  const env = {
    ...process.env,
    PORTAL_DATA_DIR: data,
    CMS_PORT: String(cms),
    SITE_PORT: String(site),
    PUBLISHER_PORT: String(publisher),
    DATABASE_FILENAME: join(data, 'cms.db'),
    PUBLISHER_DATA_DIR: join(data, 'publisher'),
    PORTAL_DEMO_ACCOUNTS_FILE: join(data, 'accounts.json'),
  };
  let out = '';
  start = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(ROOT, 'scripts', 'start.ts')], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const s of [start.stdout!, start.stderr!]) s.on('data', (d) => (out += d));
  expect(await until(() => ok(`http://127.0.0.1:${site}/`), 600_000), out.slice(-3000)).toBe(true);

  const pid = publisherPid(publisher);
  expect(pid).not.toBeNull();
  const t0 = Date.now();
  process.kill(pid!, 'SIGKILL');
  expect(await until(async () => !(await ok(`http://127.0.0.1:${site}/`)), 5_000)).toBe(true);
  expect(await until(() => ok(`http://127.0.0.1:${site}/`), 60_000), out.slice(-3000)).toBe(true);
  const gap = (Date.now() - t0) / 1000;
  console.log(`[supervision] the site was back ${gap.toFixed(1)} s after the publisher was killed`);
  expect(out).toMatch(/\[start\] publisher exited \(SIGKILL\); restarting in 1 s/);
  expect(publisherPid(publisher)).not.toBe(pid);
  expect(gap).toBeLessThan(30);

  process.kill(-start.pid!, 'SIGINT');
  expect(await until(async () => start!.exitCode !== null && !(await ok(`http://127.0.0.1:${site}/`)), 30_000)).toBe(true);
});
