// Release directories: copy a build output into an immutable release, switch `live` atomically,
// prune old releases and roll back. Release files are never written after creation, which is what
// makes hard-linking unchanged files between releases safe.
import { fault } from './faults.ts';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, lstat, mkdir, readdir, readFile, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { paths, readMeta, type ReleaseMeta, updateState } from './state.ts';
import type { Logger } from './log.ts';

const ID_RE = /^\d{8}T\d{6}Z-[A-Za-z0-9-]+$/;

export function isReleaseId(id: string): boolean {
  return ID_RE.test(id) && !id.includes('..');
}

/** Sortable by time: 20261127T215500Z-r42 (UTC). */
export function formatReleaseId(date: Date, revision: number | null): string {
  const stamp = date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${stamp}-${revision === null ? 'norev' : `r${revision}`}`;
}

/** A fresh id; a suffix avoids collisions with an earlier build (or failed build log) in the same second. */
export async function newReleaseId(dataDir: string, date: Date, revision: number | null): Promise<string> {
  const base = formatReleaseId(date, revision);
  const p = paths(dataDir);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    const taken = await Promise.all([
      exists(join(p.releases, id)),
      exists(join(p.logs, `${id}.log`)),
      exists(join(p.releases, `.staging-${id}`)),
    ]);
    if (!taken.some(Boolean)) return id;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

export async function listReleases(dataDir: string): Promise<string[]> {
  try {
    const entries = await readdir(paths(dataDir).releases, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && isReleaseId(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** The release `live` points at, or null (no symlink yet, or it dangles). */
export async function readLiveId(dataDir: string): Promise<string | null> {
  const p = paths(dataDir);
  try {
    const target = await readlink(p.live);
    const id = target.split(/[\\/]/).pop() ?? '';
    if (!isReleaseId(id)) return null;
    await stat(join(p.releases, id));
    return id;
  } catch {
    return null;
  }
}

export function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('error', reject)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve(h.digest('hex')));
  });
}

export interface StageResult {
  files: ReleaseMeta['files'];
  copied: number;
  linked: number;
  skipped: string[];
}

/** Runs `fn` over `items` with at most `limit` in flight (file I/O: the disk, not one await, sets the pace). */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function listTree(root: string, rel = '', dirs: string[] = [], files: string[] = [], skipped: string[] = []) {
  for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      dirs.push(relPath);
      await listTree(root, relPath, dirs, files, skipped);
    } else if (e.isFile()) files.push(relPath);
    // Symlinks could point outside the release; the static server must only ever see plain files.
    else skipped.push(relPath);
  }
  return { dirs, files, skipped };
}

/**
 * Copies `source` into `dest` (which must not exist). A file whose size and SHA-256 equal the previous
 * release's file is hard-linked to it; anything else is written anew, never linked to `source`, because
 * the next build rewrites the output in place (truncate + write keeps the inode). Each file is read once:
 * the same bytes are hashed, handed to `inspect` (the leak scan) and written.
 */
export async function stageRelease(
  source: string,
  dest: string,
  previous: { dir: string; files: ReleaseMeta['files'] | null } | null,
  inspect?: (relPath: string, read: () => Promise<Buffer>) => Promise<void>,
): Promise<StageResult> {
  const result: StageResult = { files: {}, copied: 0, linked: 0, skipped: [] };
  await mkdir(dest, { recursive: false });
  const tree = await listTree(source);
  result.skipped = tree.skipped;
  for (const d of tree.dirs) await mkdir(join(dest, d));
  await pool(tree.files, 16, async (relPath) => {
    const from = join(source, relPath);
    const to = join(dest, relPath);
    const data = await readFile(from);
    const sha = createHash('sha256').update(data).digest('hex');
    if (inspect) await inspect(relPath, async () => data);
    result.files[relPath] = [data.length, sha];
    let linked = false;
    if (previous) {
      const prevFile = join(previous.dir, relPath);
      let same = false;
      const known = previous.files?.[relPath];
      if (known) same = known[0] === data.length && known[1] === sha;
      else if (!previous.files) {
        const st = await stat(prevFile).catch(() => null);
        same = !!st && st.isFile() && st.size === data.length && (await hashFile(prevFile)) === sha;
      }
      if (same) {
        try {
          await link(prevFile, to);
          linked = true;
        } catch {
          /* missing file, other filesystem or link limit: fall back to a copy */
        }
      }
    }
    if (linked) result.linked++;
    else {
      await fault('stage');
      await writeFile(to, data, { flag: 'wx' });
      result.copied++;
    }
  });
  // Stable order in the manifest whatever order the pool finished in.
  result.files = Object.fromEntries(Object.entries(result.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return result;
}

/** Points `live` at releases/<id> with symlink-to-temp + rename(), which replaces it atomically. */
export async function switchLive(dataDir: string, id: string): Promise<void> {
  const p = paths(dataDir);
  if (!isReleaseId(id)) throw new Error(`"${id}" is not a release id.`);
  const st = await stat(join(p.releases, id)).catch(() => null);
  if (!st?.isDirectory()) throw new Error(`Release ${id} does not exist in ${p.releases}.`);
  const cur = await lstat(p.live).catch(() => null);
  if (cur && !cur.isSymbolicLink()) {
    throw new Error(`${p.live} exists but is not a symlink; move it away so the publisher can manage it.`);
  }
  const tmp = `${p.live}.tmp-${randomBytes(6).toString('hex')}`;
  await symlink(join('releases', id), tmp);
  try {
    await fault('switch');
    await rename(tmp, p.live);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Keeps the newest `keep` releases plus the live one; removes metadata and leftover staging dirs too. */
const TRASH = '.trash-';

/**
 * Deletes a tree without slowing the server: it is renamed aside at once, then removed by `rm -rf` in
 * a child process. Deleting 25,000 files through Node's own thread pool held up every file the static
 * server opened for a second or two after each release. Resolves when the tree is gone.
 */
export async function removeTree(dir: string): Promise<void> {
  const trash = join(dirname(dir), `${TRASH}${basename(dir)}-${randomBytes(3).toString('hex')}`);
  try {
    await rename(dir, trash);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const viaRm = await new Promise<boolean>((resolve) => execFile('rm', ['-rf', '--', trash], (err) => resolve(!err)));
  if (!viaRm) await rm(trash, { recursive: true, force: true });
}

/**
 * Removes releases beyond the newest `keep` (never the live one). The releases leave the list at once;
 * their files are deleted in the background (`removing` resolves when they are gone).
 */
export async function pruneReleases(dataDir: string, keep: number, log?: Logger): Promise<string[] & { removing?: Promise<void> }> {
  const p = paths(dataDir);
  const live = await readLiveId(dataDir);
  const all = await listReleases(dataDir);
  const keepSet = new Set(all.slice(-keep));
  if (live) keepSet.add(live);
  const removed: string[] & { removing?: Promise<void> } = [];
  const removals: Promise<void>[] = [];
  for (const id of all) {
    if (keepSet.has(id)) continue;
    await rm(join(p.meta, `${id}.json`), { force: true });
    removals.push(
      removeTree(join(p.releases, id)).catch((e) => log?.warn('could not delete an old release', { id, error: (e as Error).message })),
    );
    removed.push(id);
  }
  removed.removing = Promise.all(removals).then(() => {});
  if (removed.length) log?.info('pruned old releases', { removed });
  return removed;
}

export async function pruneLogs(dataDir: string, keep: number): Promise<void> {
  const dir = paths(dataDir).logs;
  const logs = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.log')).sort();
  for (const f of logs.slice(0, Math.max(0, logs.length - keep))) await rm(join(dir, f), { force: true });
}

/** Removes staging dirs left by a crash mid-copy (never served: `live` only points at finished releases). */
export async function cleanStaging(dataDir: string): Promise<void> {
  const dir = paths(dataDir).releases;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith('.staging-') || name.startsWith(TRASH)) await rm(join(dir, name), { recursive: true, force: true });
  }
  for (const name of await readdir(dataDir).catch(() => [] as string[])) {
    if (name.startsWith('live.tmp-')) await rm(join(dataDir, name), { force: true });
  }
}

/** Switches `live` to `id`, or to the release just before the live one. Returns the new live id. */
export async function rollback(dataDir: string, id?: string): Promise<{ from: string | null; to: string }> {
  const all = await listReleases(dataDir);
  const live = await readLiveId(dataDir);
  let target = id;
  if (target === undefined) {
    const idx = live ? all.indexOf(live) : all.length;
    if (idx <= 0)
      throw new Error(live ? `No release older than the live one (${live}) to roll back to.` : 'There are no releases to roll back to.');
    target = all[idx - 1];
  } else if (!all.includes(target)) {
    throw new Error(`Release "${target}" not found. Available: ${all.join(', ') || '(none)'}.`);
  }
  if (target === live) throw new Error(`Release ${target} is already live.`);
  await switchLive(dataDir, target);
  const meta = await readMeta(dataDir, target);
  await updateState(dataDir, (s) => {
    s.live = meta
      ? { id: target, revision: meta.revision, builtAt: meta.builtAt, durationMs: meta.durationMs, pageCount: meta.pageCount }
      : { id: target, revision: null, builtAt: new Date().toISOString(), durationMs: 0, pageCount: 0 };
    s.rolledBack = { at: new Date().toISOString(), id: target };
  });
  return { from: live, to: target };
}
