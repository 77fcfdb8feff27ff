/**
 * Fast builds (PORTAL_BUILD_MODE=fast): the publisher's quick lane after an approval or withdrawal.
 * Only the pages of the changed entries (PORTAL_FAST_IDS, documentIds) and the bounded set of list and
 * feed pages (first pages only) are rendered; the publisher lays them over the live release and a full
 * build follows to bring deeper pages (pagination, related lists, sitemap) up to date.
 */
import { appendFileSync } from 'node:fs';
import type { Page } from 'astro';

export const FAST = process.env.PORTAL_BUILD_MODE === 'fast';

/**
 * The entries a fast build was asked to render: `model:documentId` (`article:abc`), or a bare documentId
 * when the model is unknown (then every collection looks for it).
 */
const FAST_REFS: ReadonlyMap<string, string | null> = new Map(
  (process.env.PORTAL_FAST_IDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((ref) => {
      const i = ref.indexOf(':');
      return i > 0 ? [ref.slice(i + 1), ref.slice(0, i)] : [ref, null];
    }),
);

/** The documentIds a fast build was asked to render. */
export const FAST_IDS: ReadonlySet<string> = new Set(FAST_REFS.keys());

/** The named documentIds that may belong to `model` (its own, and those of unknown model). */
export function fastIdsOf(model: string): string[] {
  return [...FAST_REFS].filter(([, m]) => m === null || m === model).map(([id]) => id);
}

/** Detail pages: every entry in a full build, only the changed entries in a fast build. */
export function onlyChanged<T>(paths: T[], idOf: (p: T) => string | null | undefined): T[] {
  if (!FAST) return paths;
  return paths.filter((p) => {
    const id = idOf(p);
    return !!id && FAST_IDS.has(id);
  });
}

/**
 * Paginated lists: every page in a full build, the first page only in a fast build. A fast build holds
 * only the newest entries, so `total` (the list's true size) sets the page count its pager shows.
 */
export function firstPages<T extends { params: Record<string, unknown>; props: { page: Page<unknown> } }>(paths: T[], total?: number): T[] {
  if (!FAST) return paths;
  const first = paths.filter((p) => p.params.page === undefined);
  if (total !== undefined) for (const p of first) withTotal(p.props.page, total);
  return first;
}

/** Page 1 of a list of `total` entries (its url.current ends with '/': trailingSlash is 'always'). */
export function withTotal(page: Page<unknown>, total: number): void {
  const last = Math.max(1, Math.ceil(total / page.size));
  page.total = total;
  page.lastPage = last;
  page.url.next = last > 1 ? (page.url.next ?? `${page.url.current}2/`) : undefined;
  page.url.last = last > 1 ? `${page.url.current}${last}/` : undefined;
}

/** Where a fast build writes its manifest (rendered and removed paths) for the publisher. */
export const FAST_MANIFEST = process.env.PORTAL_FAST_MANIFEST || '';

/** Records the public path of an entry that left the site (unpublished, deleted, slug changed). */
export function recordRemoved(path: string): void {
  if (FAST && FAST_MANIFEST) appendFileSync(`${FAST_MANIFEST}.removed`, `${path}\n`);
}
