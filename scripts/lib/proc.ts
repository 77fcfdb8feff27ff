// Child processes for the start and test commands: prefixed output, readiness checks, clean shutdown.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';

const children = new Set<ChildProcess>();

/** Runs a command to completion; rejects with a clear message on a non-zero exit. */
export function run(cmd: string, args: string[], opts: SpawnOptions & { quiet?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...opts });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve();
      if (opts.quiet) process.stderr.write(out.slice(-8000));
      reject(new Error(`"${cmd} ${args.join(' ')}" failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Starts a long-running service whose output lines are prefixed with its name. */
export function service(name: string, cmd: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32', ...opts });
  children.add(child);
  const tag = `[${name}]`.padEnd(12);
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${tag} ${line}\n`));
  }
  child.on('exit', () => children.delete(child));
  return child;
}

/** Stops one child and its process group: SIGTERM, then SIGKILL after 8 s; resolves when it has exited. */
export function stopService(c: ChildProcess | null | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
    c.once('exit', () => resolve());
    try {
      if (c.pid) process.kill(-c.pid, 'SIGTERM');
    } catch {
      c.kill('SIGTERM');
    }
    setTimeout(() => {
      try {
        if (c.pid) process.kill(-c.pid, 'SIGKILL');
      } catch {}
      resolve();
    }, 8000).unref();
  });
}

let stoppingAll = false;

/** Stops every service started by service(), whole process groups first with SIGTERM; supervisors stop restarting. */
export async function stopAll(): Promise<void> {
  stoppingAll = true;
  await Promise.all([...children].map(stopService));
}

export interface Supervised {
  /** The current process (a new one after each restart). */
  readonly child: ChildProcess;
  readonly restarts: number;
}

/**
 * Keeps a service running: when it exits on its own (a crash, an OOM kill), it is started again after a
 * backoff (1 s, 2 s, 4 s … at most 30 s; back to 1 s once it has run a minute) and the console says so.
 * stopAll() ends the supervision first, so Ctrl-C still stops everything and frees every port.
 */
export function supervise(
  name: string,
  start: () => ChildProcess,
  opts: { minBackoffMs?: number; maxBackoffMs?: number; stableMs?: number } = {},
): Supervised {
  const min = opts.minBackoffMs ?? 1000;
  const max = opts.maxBackoffMs ?? 30_000;
  const stable = opts.stableMs ?? 60_000;
  let backoff = min;
  const state = { child: start(), restarts: 0 };
  const watch = (c: ChildProcess) => {
    const startedAt = Date.now();
    c.once('exit', (code, signal) => {
      if (stoppingAll) return;
      if (Date.now() - startedAt >= stable) backoff = min;
      const wait = backoff;
      backoff = Math.min(max, backoff * 2);
      process.stdout.write(`[start] ${name} exited (${signal ?? `code ${code}`}); restarting in ${(wait / 1000).toFixed(0)} s\n`);
      setTimeout(() => {
        if (stoppingAll) return;
        state.child = start();
        state.restarts++;
        watch(state.child);
      }, wait);
    });
  };
  watch(state.child);
  return state;
}

/** Polls a URL until it answers with a status below 500. */
export async function waitForUrl(url: string, timeoutMs = 120_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited (code ${child.exitCode}) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}
