import { mkdtemp, mkdir, readdir, readFile, readlink, rm, stat, writeFile, symlink, lstat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cleanStaging,
  formatReleaseId,
  listReleases,
  newReleaseId,
  pruneReleases,
  readLiveId,
  rollback,
  stageRelease,
  switchLive,
} from '../src/release.ts';
import { ensureDirs, paths, readState, writeMeta } from '../src/state.ts';

let dir: string;
let data: string;
let out: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pub-release-'));
  data = join(dir, 'data');
  out = join(dir, 'dist');
  await ensureDirs(data);
  await mkdir(join(out, 'sub'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function makeRelease(id: string, files: Record<string, string> = { 'index.html': id }) {
  const d = join(paths(data).releases, id);
  await mkdir(d, { recursive: true });
  for (const [f, c] of Object.entries(files)) await writeFile(join(d, f), c);
  await writeMeta(data, { id, revision: 1, builtAt: new Date().toISOString(), durationMs: 1, pageCount: 1, files: {} });
}

describe('release ids', () => {
  it('are sortable timestamps with the revision', () => {
    expect(formatReleaseId(new Date('2026-11-27T21:55:00.123Z'), 42)).toBe('20261127T215500Z-r42');
    expect(formatReleaseId(new Date('2026-11-27T21:55:00Z'), null)).toBe('20261127T215500Z-norev');
  });
  it('get a suffix when the same second is taken', async () => {
    const d = new Date('2026-11-27T21:55:00Z');
    await makeRelease(formatReleaseId(d, 1));
    expect(await newReleaseId(data, d, 1)).toBe('20261127T215500Z-r1-2');
  });
});

describe('stageRelease', () => {
  it('hard-links unchanged files from the previous release and copies changed ones', async () => {
    await writeFile(join(out, 'index.html'), 'home v1');
    await writeFile(join(out, 'sub', 'same.css'), 'body{}');
    const r1 = join(paths(data).releases, '20260101T000000Z-r1');
    const s1 = await stageRelease(out, r1, null);
    expect(s1.copied).toBe(2);
    expect(s1.linked).toBe(0);

    // The next build rewrites dist in place (same inode), as Astro does.
    await writeFile(join(out, 'index.html'), 'home v2');
    await writeFile(join(out, 'sub', 'same.css'), 'body{}');
    const r2 = join(paths(data).releases, '20260101T000100Z-r2');
    const s2 = await stageRelease(out, r2, { dir: r1, files: s1.files });
    expect(s2.linked).toBe(1);
    expect(s2.copied).toBe(1);

    const ino = async (p: string) => (await stat(p)).ino;
    expect(await ino(join(r2, 'sub', 'same.css'))).toBe(await ino(join(r1, 'sub', 'same.css')));
    expect(await ino(join(r2, 'index.html'))).not.toBe(await ino(join(r1, 'index.html')));
    // Never linked to the build output: rewriting dist cannot touch a release.
    expect(await ino(join(r2, 'index.html'))).not.toBe(await ino(join(out, 'index.html')));
    expect(await ino(join(r2, 'sub', 'same.css'))).not.toBe(await ino(join(out, 'sub', 'same.css')));
    await writeFile(join(out, 'sub', 'same.css'), 'changed in place');
    expect(await readFile(join(r1, 'sub', 'same.css'), 'utf8')).toBe('body{}');
    expect(await readFile(join(r2, 'index.html'), 'utf8')).toBe('home v2');
    expect(await readFile(join(r1, 'index.html'), 'utf8')).toBe('home v1');
  });

  it('compares contents when the previous release has no manifest, and skips symlinks', async () => {
    await writeFile(join(out, 'a.txt'), 'same');
    await writeFile(join(out, 'b.txt'), 'new');
    await symlink('/etc/passwd', join(out, 'evil'));
    const prev = join(dir, 'prev');
    await mkdir(prev);
    await writeFile(join(prev, 'a.txt'), 'same');
    await writeFile(join(prev, 'b.txt'), 'old');
    const dest = join(paths(data).releases, 'x');
    const s = await stageRelease(out, dest, { dir: prev, files: null });
    expect(s.linked).toBe(1);
    expect(s.copied).toBe(1);
    expect(s.skipped).toEqual(['evil']);
    await expect(lstat(join(dest, 'evil'))).rejects.toThrow();
  });
});

describe('switch, prune, rollback', () => {
  it('switches live atomically via a symlink and leaves no temp links', async () => {
    await makeRelease('20260101T000000Z-r1');
    await makeRelease('20260101T000100Z-r2');
    await switchLive(data, '20260101T000000Z-r1');
    expect(await readLiveId(data)).toBe('20260101T000000Z-r1');
    await switchLive(data, '20260101T000100Z-r2');
    expect(await readlink(paths(data).live)).toBe(join('releases', '20260101T000100Z-r2'));
    expect(await readLiveId(data)).toBe('20260101T000100Z-r2');
    await cleanStaging(data);
    await expect(switchLive(data, '20990101T000000Z-r9')).rejects.toThrow(/does not exist/);
    await expect(switchLive(data, '../etc')).rejects.toThrow(/not a release id/);
  });

  it('keeps the newest N releases and never deletes the live one', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => `2026010${i + 1}T000000Z-r${i + 1}`);
    for (const id of ids) await makeRelease(id);
    await switchLive(data, ids[0]); // oldest is live (e.g. after a rollback)
    const removed = await pruneReleases(data, 3);
    expect([...removed]).toEqual(ids.slice(1, 4));
    expect(await listReleases(data)).toEqual([ids[0], ...ids.slice(4)]);
    // the files go in the background, and nothing is left behind
    await removed.removing;
    expect((await readdir(paths(data).releases)).sort()).toEqual([ids[0], ...ids.slice(4)]);
    expect(await readLiveId(data)).toBe(ids[0]);
  });

  it('rolls back to the previous release or a given one, and pauses reconcile', async () => {
    const ids = ['20260101T000000Z-r1', '20260102T000000Z-r2', '20260103T000000Z-r3'];
    for (const id of ids) await makeRelease(id);
    await switchLive(data, ids[2]);
    expect(await rollback(data)).toEqual({ from: ids[2], to: ids[1] });
    expect(await readLiveId(data)).toBe(ids[1]);
    const s = await readState(data);
    expect(s.live?.id).toBe(ids[1]);
    expect(s.rolledBack?.id).toBe(ids[1]);
    expect(await rollback(data, ids[2])).toEqual({ from: ids[1], to: ids[2] });
    await expect(rollback(data, 'nope')).rejects.toThrow(/not found/);
    await expect(rollback(data, ids[2])).rejects.toThrow(/already live/);
    await switchLive(data, ids[0]);
    await expect(rollback(data)).rejects.toThrow(/No release older/);
  });
});
