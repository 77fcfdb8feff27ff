/**
 * Fast builds (a build request of mode `fast`, src/lib/build-request.ts): the publisher's quick lane after
 * an approval or withdrawal. Only the pages of the changed entries and the bounded set of list and feed
 * pages (first pages only) are rendered; the publisher lays them over the live release and a full build
 * follows to bring deeper pages (pagination, related lists, sitemap) up to date. Every function reads the
 * current request, so nothing is frozen at import.
 */
import type { Page } from 'astro';
import { currentBuild } from './build-request';

/** The documentIds a fast build was asked to render (empty in a full build). */
export function fastIds(): Set<string> {
  const r = currentBuild();
  return new Set(r.mode === 'fast' ? r.changed.map((c) => c.documentId) : []);
}

/** Detail pages: every entry in a full build, only the changed entries in a fast build. */
export function onlyChanged<T>(paths: T[], idOf: (p: T) => string | null | undefined): T[] {
  if (currentBuild().mode !== 'fast') return paths;
  const ids = fastIds();
  return paths.filter((p) => {
    const id = idOf(p);
    return !!id && ids.has(id);
  });
}

/**
 * Paginated lists: every page in a full build, the first page only in a fast build. A fast build holds
 * only the newest entries, so `total` (the list's true size) sets the page count its pager shows.
 */
export function firstPages<T extends { params: Record<string, unknown>; props: { page: Page<unknown> } }>(paths: T[], total?: number): T[] {
  if (currentBuild().mode !== 'fast') return paths;
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
