/**
 * The quick lane's content store stays the same size whatever the size of the site.
 *
 * A full build whose request names a seed (packages/content's BuildRequest `seed`) writes, per collection, the entries a fast
 * build may need: every entry of the small collections, but only a window of the articles (the newest
 * of each list the first pages and feeds show, plus the newest featured ones), and a slug index of all
 * entries with a page, so a fast build can still remove the page of an entry outside the window, and
 * (packages/content's `seedPagesFile`) each such entry's public path, so the publisher can take a
 * withdrawn page out of the live release even when no build can reach the CMS.
 * A fast build starts its store from these files and syncs only what changed since. The window's size is
 * the request's `seed.window`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareArticles } from './order';

type Raw = Record<string, unknown>;

/** Featured articles kept besides the lists: the home page's headline is the newest featured one. */
const FEATURED_KEPT = 3;

/**
 * The ids of the articles that the first pages of the lists, the feeds and the home page can show:
 * the newest `size` overall, the newest `size` of each field, the newest featured ones.
 */
export function articleWindow(entries: Iterable<{ id: string; data: Raw }>, size: number): Set<string> {
  const all = [...entries].filter((e) => typeof e.data.slug === 'string' && e.data.slug !== '');
  all.sort((a, b) => compareArticles(a.data as never, b.data as never));
  const keep = new Set<string>();
  const perField = new Map<string, number>();
  let featured = 0;
  all.forEach((e, i) => {
    let take = i < size;
    const field = typeof e.data.field === 'string' ? e.data.field : null;
    if (field) {
      const n = perField.get(field) ?? 0;
      perField.set(field, n + 1);
      if (n < size) take = true;
    }
    if (e.data.featured === true && featured < FEATURED_KEPT) {
      featured++;
      take = true;
    }
    if (take) keep.add(e.id);
  });
  return keep;
}

export interface Seed {
  /** The newest updatedAt the full build's sync saw (the fast build syncs from there). */
  lastSync: string | null;
  entries: [string, Raw][];
}

/** The public paths of a page model's entries (documentId → path), for the publisher (`seedPagesFile`). */
export interface SeedPages {
  file: string;
  paths: Record<string, string>;
}

export async function writeSeed(
  dir: string,
  collection: string,
  seed: Seed,
  slugs: Record<string, string> | null,
  pages: SeedPages | null = null,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${collection}.json`), JSON.stringify(seed));
  if (slugs) await writeFile(path.join(dir, `${collection}.slugs.json`), JSON.stringify(slugs));
  if (pages) await writeFile(path.join(dir, pages.file), JSON.stringify(pages.paths));
}

/** A fast build adds the paths of the entries it rendered to the seed's page index. */
export async function addSeedPages(dir: string, pages: SeedPages): Promise<void> {
  const file = path.join(dir, pages.file);
  const paths = (await readJson<Record<string, string>>(file)) ?? {};
  await writeFile(file, JSON.stringify({ ...paths, ...pages.paths }));
}

async function readJson<T>(file: string): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return JSON.parse(text) as T;
}

export async function readSeed(dir: string, collection: string): Promise<Seed | null> {
  return readJson<Seed>(path.join(dir, `${collection}.json`));
}

/** documentId → slug of every entry the full build saw (empty when the collection has no pages). */
export async function readSlugs(dir: string, collection: string): Promise<Record<string, string>> {
  return (await readJson<Record<string, string>>(path.join(dir, `${collection}.slugs.json`))) ?? {};
}
