// Durable state in the data dir. Always read from disk so the CLI (rollback, build) and a running
// server see each other's changes; every write is write-to-temp + rename so a crash never leaves half a file.
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export interface LiveInfo {
  id: string;
  revision: number | null;
  builtAt: string;
  durationMs: number;
  pageCount: number;
  /** 'fast': a quick-lane overlay on the previous release; a full build is still due. */
  mode?: 'full' | 'fast';
}

export interface LastError {
  at: string;
  message: string;
  releaseId: string | null;
  revision?: number | null;
}

/** Full builds failing in a row since the last good one: what /status reports as `stale`. */
export interface Failing {
  /** When the first of these failures happened. */
  since: string;
  count: number;
  /** What the failed builds were for (webhook events, reconcile, retries…), newest last, at most 20. */
  pending: string[];
  /** The last few failure reasons, newest last. */
  errors: string[];
}

export interface State {
  live: LiveInfo | null;
  lastError: LastError | null;
  failing?: Failing | null;
  builds: number;
  /** Quick-lane builds (changed pages laid over the live release), counted apart from full builds. */
  fastBuilds?: number;
  /** Set by a rollback: reconcile must not immediately rebuild what an editor just rolled back. */
  rolledBack: { at: string; id: string } | null;
}

/** Per-release facts kept next to (not inside) the served files. */
export interface ReleaseMeta extends LiveInfo {
  files: Record<string, [size: number, sha256: string]>;
  /** Fast releases: the search delta (pages indexed in pagefind-delta/, public paths removed since the full index). */
  delta?: SearchDelta;
}

export interface SearchDelta {
  /** Release-relative HTML files indexed in pagefind-delta/. */
  pages: string[];
  /** Public paths (/tin-tuc/bai/x/) that left the site after the main index was built. */
  removed: string[];
}

export const paths = (dataDir: string) => ({
  releases: join(dataDir, 'releases'),
  meta: join(dataDir, 'meta'),
  logs: join(dataDir, 'logs'),
  live: join(dataDir, 'live'),
  state: join(dataDir, 'state.json'),
  lock: join(dataDir, 'build.lock'),
});

export async function ensureDirs(dataDir: string): Promise<void> {
  const p = paths(dataDir);
  for (const d of [p.releases, p.meta, p.logs]) await mkdir(d, { recursive: true });
}

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  const tmp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  const fh = await open(tmp, 'w', 0o644);
  try {
    await fh.writeFile(JSON.stringify(value, null, 2) + '\n');
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, file);
}

const EMPTY: State = { live: null, lastError: null, builds: 0, rolledBack: null };

export async function readState(dataDir: string): Promise<State> {
  try {
    const raw = JSON.parse(await readFile(paths(dataDir).state, 'utf8')) as Partial<State>;
    return { ...EMPTY, ...raw };
  } catch {
    return { ...EMPTY };
  }
}

export async function writeState(dataDir: string, state: State): Promise<void> {
  await writeJsonAtomic(paths(dataDir).state, state);
}

/** Read-modify-write helper; callers keep the mutation small and synchronous. */
export async function updateState(dataDir: string, mutate: (s: State) => void): Promise<State> {
  const s = await readState(dataDir);
  mutate(s);
  await writeState(dataDir, s);
  return s;
}

export async function readMeta(dataDir: string, id: string): Promise<ReleaseMeta | null> {
  try {
    return JSON.parse(await readFile(join(paths(dataDir).meta, `${id}.json`), 'utf8')) as ReleaseMeta;
  } catch {
    return null;
  }
}

export async function writeMeta(dataDir: string, meta: ReleaseMeta): Promise<void> {
  await writeJsonAtomic(join(paths(dataDir).meta, `${meta.id}.json`), meta);
}

export class LockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when another live process holds the build lock (a CLI build or rollback). */
export async function lockHeldByOther(dataDir: string): Promise<boolean> {
  try {
    const { pid } = JSON.parse(await readFile(paths(dataDir).lock, 'utf8')) as { pid?: number };
    return !!pid && pid !== process.pid && alive(pid);
  } catch {
    return false;
  }
}

/** One build (or rollback) at a time across processes: the server and the CLI share the data dir. */
export async function acquireLock(dataDir: string, what: string): Promise<() => Promise<void>> {
  const file = paths(dataDir).lock;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(file, 'wx', 0o644);
      await fh.writeFile(JSON.stringify({ pid: process.pid, what, at: new Date().toISOString() }));
      await fh.close();
      return async () => {
        await rm(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid?: number; what?: string } = {};
      try {
        holder = JSON.parse(await readFile(file, 'utf8'));
      } catch {
        /* half-written lock: treat as stale */
      }
      if (holder.pid && holder.pid !== process.pid && alive(holder.pid)) {
        throw new LockedError(`Another ${holder.what ?? 'build'} is running (pid ${holder.pid}); try again when it has finished.`);
      }
      await rm(file, { force: true }); // stale lock from a crashed process
    }
  }
  throw new LockedError(`Could not take the build lock ${file}.`);
}
