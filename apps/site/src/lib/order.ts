/**
 * Orderings shared by the pages (src/lib/data.ts) and the content loader (the quick lane's article
 * window must pick exactly the entries the lists would show first). No Astro imports.
 */
export const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** The date an article shows: `date`, else publication. */
export const dateOf = (a: { date?: string | null; publishedAt?: string | null }) => a.date || a.publishedAt || '';

/** Newest first; same date by title. */
export function compareArticles(a: { date?: string | null; publishedAt?: string | null; title?: string | null }, b: typeof a): number {
  return dateOf(b).localeCompare(dateOf(a)) || collator.compare(a.title ?? '', b.title ?? '');
}
