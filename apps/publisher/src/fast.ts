// The quick lane: after an approval or withdrawal, render only the changed entries' pages and the
// first pages of lists and feeds (a build request of mode `fast`), lay them over the live release
// (everything else hard-linked), index just the changed pages into pagefind-delta/ (merged into the main
// index by the search page) and switch. Its cost does not grow with the size of the site; a full build
// follows to bring pagination, related lists, the sitemap and the main search index up to date.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Config } from './config.ts';
import { leakMarkers, ReleaseScanner } from './checks.ts';
import type { Logger } from './log.ts';
import { type EntryRef, isPageModel, parseBuildResult, seedPagesFile } from '@cong-ttdt/content';
import { type BuildResult, buildRelease, describe, StepError } from './build.ts';
import { fastPaths, fastRequest } from './request.ts';
import { hashFile, readLiveId, removeTree } from './release.ts';
import { paths, readMeta, type ReleaseMeta, type SearchDelta } from './state.ts';

export const DELTA_DIR = 'pagefind-delta';

export type FastResult = BuildResult | { ok: false; error: string; releaseId: null; fallback: true };

export interface FastOptions {
  /** The changed entries (each of a model with a page: PAGE_MODELS). */
  changed: EntryRef[];
  signal?: AbortSignal;
  log: Logger;
  onRevision?: (revision: number | null) => void;
}

/** '/tin-tuc/bai/x/' → 'tin-tuc/bai/x/index.html'; '/' → 'index.html'; '/rss.xml' → 'rss.xml'. */
export function pathToFile(p: string): string {
  const rel = p.replace(/^\/+/, '');
  if (rel === '404/') return '404.html';
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

/** The inverse for pages: 'a/b/index.html' → '/a/b/'. */
export function fileToPath(rel: string): string {
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, r)));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

const SITEMAP_RE = /^sitemap-\d+\.xml$/;
const escXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The sitemaps of the live release with removed pages taken out and new entry pages added (to the last
 * file), so a withdrawn page leaves the sitemap at once. Returns only the files that change.
 */
export function patchSitemaps(sitemaps: Map<string, string>, added: string[], removed: string[]): Map<string, string> {
  const changed = new Map<string, string>();
  const names = [...sitemaps.keys()].sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  if (!names.length) return changed;
  const origin = /<loc>(https?:\/\/[^/<]+)/.exec(sitemaps.get(names[0])!)?.[1];
  if (!origin) return changed;
  const locOf = (p: string) => escXml(origin + p);
  const gone = new Set(removed.map(locOf));
  const present = new Set<string>();
  for (const name of names) {
    const xml = sitemaps.get(name)!;
    const next = xml.replace(/<url>\s*<loc>([^<]*)<\/loc>[\s\S]*?<\/url>/g, (whole, loc: string) => {
      if (gone.has(loc)) return '';
      present.add(loc);
      return whole;
    });
    if (next !== xml) changed.set(name, next);
  }
  const fresh = added.map(locOf).filter((loc) => !present.has(loc) && !gone.has(loc));
  if (fresh.length) {
    const last = names[names.length - 1];
    const xml = changed.get(last) ?? sitemaps.get(last)!;
    changed.set(last, xml.replace('</urlset>', `${fresh.map((loc) => `<url><loc>${loc}</loc></url>`).join('')}</urlset>`));
  }
  return changed;
}

/** An RSS feed with the items that link to a removed page taken out; null when none does. */
export function patchFeed(xml: string, removed: string[]): string | null {
  const gone = new Set(removed);
  const next = xml.replace(/<item>[\s\S]*?<\/item>/g, (item) => {
    const link = /<link>([^<]*)<\/link>/.exec(item)?.[1];
    if (!link) return item;
    let path: string;
    try {
      path = new URL(link.replace(/&amp;/g, '&')).pathname;
    } catch {
      return item;
    }
    return gone.has(path) ? '' : item;
  });
  return next === xml ? null : next;
}

/** The search delta after this overlay: pages indexed since the last full index, and paths removed since. */
export function nextDelta(
  prev: SearchDelta | undefined,
  renderedSearchable: string[],
  removedPaths: string[],
  files: Set<string>,
): SearchDelta {
  const removedFiles = new Set(removedPaths.map(pathToFile));
  const pages = [...new Set([...(prev?.pages ?? []), ...renderedSearchable])].filter((f) => files.has(f) && !removedFiles.has(f)).sort();
  const removed = [...new Set([...(prev?.removed ?? []), ...removedPaths])].filter((p) => !files.has(pathToFile(p))).sort();
  return { pages, removed };
}

/**
 * Hard-links a whole release tree in one process (GNU `cp -al`): ~25,000 files in well under a second,
 * where one link() call per file from Node takes several. False when cp cannot do it (then the caller
 * links file by file).
 */
function linkTree(from: string, to: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('cp', ['-al', '--', `${from}/.`, to], (err) => resolve(!err));
  });
}

const BASE = '.base-';
const baseDir = (cfg: Config, liveId: string) => join(paths(cfg.dataDir).releases, `${BASE}${liveId}`);

/**
 * Prepares the next quick-lane release ahead of time: a hard-linked copy of the live release
 * (`releases/.base-<live id>`), made while the publisher is idle, so an approval does not wait for
 * ~25,000 links at 10,000 articles or compete with Astro for the CPU. Copies of older releases go.
 */
export async function prepareBase(cfg: Config, log?: Logger): Promise<boolean> {
  const liveId = await readLiveId(cfg.dataDir);
  const job = makeBase(cfg, liveId, log);
  if (liveId) inflight = { liveId, done: job.catch(() => false) };
  try {
    return await job;
  } finally {
    if (inflight?.liveId === liveId) inflight = null;
  }
}

/** The copy being prepared, if any: a quick lane for the same live release waits for it. */
let inflight: { liveId: string; done: Promise<boolean> } | null = null;

async function makeBase(cfg: Config, liveId: string | null, log?: Logger): Promise<boolean> {
  const dir = paths(cfg.dataDir).releases;
  const want = liveId ? `${BASE}${liveId}` : null;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith(BASE) && name !== want) await removeTree(join(dir, name)).catch(() => {});
  }
  if (!liveId || (await stat(join(dir, want!)).catch(() => null))) return false;
  const tmp = join(dir, `${BASE}tmp-${liveId}`);
  await mkdir(tmp, { recursive: true });
  const t0 = Date.now();
  if (!(await linkTree(join(dir, liveId), tmp))) {
    await removeTree(tmp).catch(() => {});
    return false;
  }
  // The live release may have changed meanwhile: then this copy is of an older one and goes next time.
  await rename(tmp, join(dir, want!));
  log?.info('prepared the next quick-lane release', { live: liveId, ms: Date.now() - t0 });
  return true;
}

/** The live release's id and metadata (both null when nothing is live). */
async function liveRelease(cfg: Config) {
  const liveId = await readLiveId(cfg.dataDir);
  return { liveId, liveMeta: liveId ? await readMeta(cfg.dataDir, liveId) : null };
}

export async function runFastBuild(cfg: Config, opts: FastOptions): Promise<FastResult> {
  const { liveId, liveMeta } = await liveRelease(cfg);
  if (!liveId || !liveMeta?.files)
    return { ok: false, error: 'no live release with a file list to lay changes over', releaseId: null, fallback: true };
  const fp = fastPaths(cfg);
  // The store starts from a full build's seed; without one (first run, an older version) a full build writes it.
  if (!(await stat(fp.seed).catch(() => null)))
    return { ok: false, error: 'no content seed from a full build yet', releaseId: null, fallback: true };
  const { dir: fastDir, dist, manifest: manifestFile } = fp;
  const ids = opts.changed.map((c) => `${c.model}:${c.documentId}`);
  return buildRelease(
    cfg,
    {
      ...opts,
      lane: 'fast',
      startFields: { ids: ids.slice(0, 20), count: ids.length },
      header: ` ids=${ids.join(',')}`,
      request: fastRequest(cfg, opts.changed),
    },
    async (run) => {
      const { staging, out } = run;
      // Read before the build lock was taken: a rollback in between must not be overwritten.
      if ((await readLiveId(cfg.dataDir)) !== liveId) throw new StepError('the live release changed while the quick lane was starting');
      await rm(dist, { recursive: true, force: true });
      await mkdir(fp.cache, { recursive: true });
      // The live release hard-linked, while Astro builds: the copy prepared while the publisher was idle
      // (prepareBase; waited for if still in progress), else made now (kernel time against Astro's CPU).
      const liveDir = join(paths(cfg.dataDir).releases, liveId);
      const t0 = Date.now();
      const linking = (async () => {
        if (inflight?.liveId === liveId) await inflight.done;
        const prepared = await rename(baseDir(cfg, liveId), staging).then(
          () => true,
          () => false,
        );
        const ok = prepared || (await mkdir(staging).then(() => linkTree(liveDir, staging)));
        run.blog.info(prepared ? 'using the prepared copy of the live release' : 'live release hard-linked into staging', {
          ms: Date.now() - t0,
          ok,
        });
        return ok;
      })();
      try {
        await run.step(cfg.fastBuildCmd, `site (${describe(cfg.fastBuildCmd)})`);
      } finally {
        await linking; // staging is removed on failure: not while cp still writes into it
      }
      const treeLinked = await linking;

      let manifest: { rendered: string[]; removed: string[] };
      try {
        manifest = parseBuildResult(JSON.parse(await readFile(manifestFile, 'utf8')));
      } catch (e) {
        throw new StepError(`the fast build wrote no manifest at ${manifestFile} (${(e as Error).message})`);
      }
      const overlay = await listFiles(dist);
      const overlaySet = new Set(overlay);
      const removedFiles = new Set(manifest.removed.map(pathToFile));

      // The new release: the live one's files (hard links), minus removed pages, plus the overlay.
      const files: ReleaseMeta['files'] = {};
      const made = new Set<string>(['.']);
      const ensureDir = async (rel: string) => {
        const d = dirname(rel);
        if (made.has(d)) return;
        await mkdir(join(staging, d), { recursive: true });
        made.add(d);
      };
      let linked = 0;
      let copied = 0;
      const skip = (rel: string) => overlaySet.has(rel) || removedFiles.has(rel) || rel.startsWith(`${DELTA_DIR}/`);
      if (treeLinked) {
        // Everything is a hard link now: drop what is replaced or gone (unlink, never write through a link).
        for (const [rel, fact] of Object.entries(liveMeta.files)) {
          if (!skip(rel)) {
            files[rel] = fact;
            linked++;
          } else {
            await rm(join(staging, rel), { force: true });
            if (removedFiles.has(rel)) await rmdir(dirname(join(staging, rel))).catch(() => {}); // empty page folder
          }
        }
        await rm(join(staging, DELTA_DIR), { recursive: true, force: true });
      } else {
        // cp -al failed (not GNU cp, other filesystem): start again from an empty folder, file by file.
        await rm(staging, { recursive: true, force: true });
        await mkdir(staging);
        for (const [rel, fact] of Object.entries(liveMeta.files)) {
          if (skip(rel)) continue;
          await ensureDir(rel);
          try {
            await link(join(liveDir, rel), join(staging, rel));
          } catch {
            await copyFile(join(liveDir, rel), join(staging, rel));
          }
          files[rel] = fact;
          linked++;
        }
      }
      // Each rendered file is read once: hashed, scanned for leaks (the rest was checked when its release
      // was built), looked at for the search delta, and written in place of the link.
      const scanner = new ReleaseScanner({
        markers: leakMarkers(cfg.leakMarkers),
        secrets: [cfg.webhookSecret, cfg.adminToken, cfg.siteApiToken],
      });
      const searchable: string[] = [];
      for (const rel of overlay) {
        const data = await readFile(join(dist, rel));
        await scanner.add(rel, async () => data);
        if (rel.endsWith('.html') && data.includes('data-pagefind-body')) searchable.push(rel);
        await ensureDir(rel);
        await rm(join(staging, rel), { force: true });
        await writeFile(join(staging, rel), data, { flag: 'wx' });
        files[rel] = [data.length, createHash('sha256').update(data).digest('hex')];
        copied++;
      }
      // Sitemaps: new entry pages in, removed pages out (files are replaced, never written in place).
      const sitemaps = new Map<string, string>();
      for (const rel of Object.keys(files)) if (SITEMAP_RE.test(rel)) sitemaps.set(rel, await readFile(join(staging, rel), 'utf8'));
      for (const [rel, xml] of patchSitemaps(sitemaps, searchable.map(fileToPath), manifest.removed)) {
        await rm(join(staging, rel));
        await writeFile(join(staging, rel), xml);
        files[rel] = [Buffer.byteLength(xml), createHash('sha256').update(xml).digest('hex')];
      }
      const delta = nextDelta(liveMeta.delta, searchable, manifest.removed, new Set(Object.keys(files)));
      const deltaOut = join(staging, DELTA_DIR);
      if (delta.pages.length) {
        const deltaSite = join(fastDir, 'delta-site');
        await rm(deltaSite, { recursive: true, force: true });
        for (const rel of delta.pages) {
          await mkdir(dirname(join(deltaSite, rel)), { recursive: true });
          await link(join(staging, rel), join(deltaSite, rel)).catch(() => copyFile(join(staging, rel), join(deltaSite, rel)));
        }
        await run.step([...cfg.pagefindCmd, '--site', deltaSite, '--output-path', deltaOut], 'search delta (pagefind)');
      }
      await mkdir(deltaOut, { recursive: true });
      await writeFile(join(deltaOut, 'changes.json'), JSON.stringify({ pages: delta.pages.map(fileToPath), removed: delta.removed }));
      for (const rel of await listFiles(deltaOut)) {
        const f = `${DELTA_DIR}/${rel}`;
        files[f] = [(await stat(join(staging, f))).size, await hashFile(join(staging, f))];
      }

      const checks = scanner.result({ minPages: 0, allowShrink: true, livePageCount: null });
      const pageCount = Object.keys(files).filter((f) => /\.html?$/.test(f)).length;
      if (!files['index.html']) checks.problems.push('index.html is missing from the release');
      out.write(
        `\n# checks: ${checks.problems.length ? 'FAILED' : 'passed'} overlay=${overlay.length} linked=${linked} pages=${pageCount}\n`,
      );
      for (const prob of checks.problems) out.write(`#   ${prob}\n`);
      if (checks.problems.length) throw new StepError(`checks failed: ${checks.problems.join('; ')}`);

      return { files, pageCount, copied, linked, delta, logFields: { rendered: overlay.length, removed: manifest.removed.length } };
    },
  );
}

/** The public paths of withdrawn entries, from the last full build's seed (`seedPagesFile`); unknown ones are left out. */
export async function withdrawnPaths(cfg: Pick<Config, 'dataDir'>, refs: EntryRef[]): Promise<string[]> {
  const seed = fastPaths(cfg).seed;
  const byModel = new Map<string, Record<string, string>>();
  const out: string[] = [];
  for (const r of refs) {
    if (!isPageModel(r.model)) continue;
    if (!byModel.has(r.model)) {
      const text = await readFile(join(seed, seedPagesFile(r.model)), 'utf8').catch(() => '{}');
      byModel.set(r.model, JSON.parse(text) as Record<string, string>);
    }
    const p = byModel.get(r.model)![r.documentId];
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

/**
 * Urgent withdrawal without a build: when the quick lane cannot run (the CMS unreachable), a release made
 * from the live one minus the withdrawn entries' pages, with those pages out of the sitemaps and the RSS
 * feeds and recorded as removed in the search delta (the search page hides them). The HTML lists still
 * link to them (to a 404) until the full build that follows confirms the withdrawal. Needs no CMS and no
 * Astro: about a second.
 */
export async function runWithdrawal(cfg: Config, opts: FastOptions): Promise<FastResult> {
  const { liveId, liveMeta } = await liveRelease(cfg);
  if (!liveId || !liveMeta?.files)
    return { ok: false, error: 'no live release with a file list to take pages out of', releaseId: null, fallback: true };
  const removedPaths = (await withdrawnPaths(cfg, opts.changed)).filter((p) => liveMeta.files![pathToFile(p)]);
  if (!removedPaths.length)
    return { ok: false, error: 'none of the withdrawn entries has a page in the live release', releaseId: null, fallback: true };
  const ids = opts.changed.map((c) => `${c.model}:${c.documentId}`);
  return buildRelease(
    cfg,
    {
      ...opts,
      lane: 'fast',
      startFields: { withdraw: removedPaths },
      header: ` withdraw ids=${ids.join(',')}`,
      request: fastRequest(cfg, opts.changed),
    },
    async (run) => {
      const { staging } = run;
      if ((await readLiveId(cfg.dataDir)) !== liveId) throw new StepError('the live release changed while the withdrawal was starting');
      if (inflight?.liveId === liveId) await inflight.done;
      const prepared = await rename(baseDir(cfg, liveId), staging).then(
        () => true,
        () => false,
      );
      if (!prepared && !(await mkdir(staging).then(() => linkTree(join(paths(cfg.dataDir).releases, liveId), staging))))
        throw new StepError('could not link the live release into staging');
      const removedFiles = new Set(removedPaths.map(pathToFile));
      const files: ReleaseMeta['files'] = {};
      for (const [rel, fact] of Object.entries(liveMeta.files!)) {
        if (!removedFiles.has(rel)) {
          files[rel] = fact;
          continue;
        }
        await rm(join(staging, rel), { force: true });
        await rmdir(dirname(join(staging, rel))).catch(() => {});
      }
      // Replaced files are unlinked and written anew, never written through a hard link.
      const replace = async (rel: string, text: string) => {
        await rm(join(staging, rel), { force: true });
        await mkdir(dirname(join(staging, rel)), { recursive: true });
        await writeFile(join(staging, rel), text);
        files[rel] = [Buffer.byteLength(text), createHash('sha256').update(text).digest('hex')];
      };
      const sitemaps = new Map<string, string>();
      for (const rel of Object.keys(files)) if (SITEMAP_RE.test(rel)) sitemaps.set(rel, await readFile(join(staging, rel), 'utf8'));
      for (const [rel, xml] of patchSitemaps(sitemaps, [], removedPaths)) await replace(rel, xml);
      let feeds = 0;
      for (const rel of Object.keys(files)) {
        if (!/(^|\/)rss\.xml$/.test(rel)) continue;
        const xml = patchFeed(await readFile(join(staging, rel), 'utf8'), removedPaths);
        if (xml === null) continue;
        await replace(rel, xml);
        feeds++;
      }
      // The search tombstone: the delta's index files stay (hard links), changes.json lists the paths as removed.
      const delta = nextDelta(liveMeta.delta, [], removedPaths, new Set(Object.keys(files)));
      await replace(`${DELTA_DIR}/changes.json`, JSON.stringify({ pages: delta.pages.map(fileToPath), removed: delta.removed }));
      if (!files['index.html']) throw new StepError('index.html is missing from the release');
      const pageCount = Object.keys(files).filter((f) => /\.html?$/.test(f)).length;
      run.out.write(`\n# withdrawal: removed ${removedPaths.join(' ')}; feeds patched=${feeds}; lists follow with the full build\n`);
      return {
        files,
        pageCount,
        copied: 0,
        linked: Object.keys(files).length,
        delta,
        logFields: { withdrawn: removedPaths, feeds },
      };
    },
  );
}
