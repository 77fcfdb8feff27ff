// `npm start` supervises the CMS and the publisher (scripts/lib/proc.ts supervise()): a process killed
// from outside comes back by itself, and stopAll() (Ctrl-C) still stops everything and frees the port.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { service, stopAll, supervise } from '../../scripts/lib/proc.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const answers = (port: number) =>
  fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }).then(
    (r) => r.ok,
    () => false,
  );
async function until(f: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end)
    if (await f()) return true;
    else await new Promise((r) => setTimeout(r, 100));
  return false;
}

describe('supervise', () => {
  it('restarts a killed service with backoff; stopAll ends it for good', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const server = `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`;
    const s = supervise('probe', () => service('probe', process.execPath, ['-e', server]), { minBackoffMs: 200 });
    expect(await until(() => answers(port), 10_000)).toBe(true);
    const first = s.child.pid;
    process.kill(first!, 'SIGKILL');
    expect(await until(async () => s.restarts === 1 && (await answers(port)), 10_000)).toBe(true);
    expect(s.child.pid).not.toBe(first);
    // Killed again at once: the backoff doubles, and it still comes back.
    process.kill(s.child.pid!, 'SIGKILL');
    expect(await until(async () => s.restarts === 2 && (await answers(port)), 10_000)).toBe(true);

    await stopAll();
    await new Promise((r) => setTimeout(r, 600));
    expect(await answers(port)).toBe(false);
    expect(s.restarts).toBe(2);
  });
});
