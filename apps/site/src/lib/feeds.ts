import type { RSSFeedItem } from '@astrojs/rss';
import { dateOf } from './data';
import { articleUrl } from './urls';
import type { Article, Entry } from './types';

/** Namespaces the feeds declare: Dublin Core terms carry each item's modification time. */
export const FEED_XMLNS = { dcterms: 'http://purl.org/dc/terms/' };

/** ISO time of a valid date string, else null (never raw text in the XML). */
const iso = (v: string | null | undefined) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null);

/** Channel elements: the language and the newest modification among the items (RFC 822). */
export function channelData(items: Entry<Article>[]): string {
  const newest = items
    .map((a) => iso(a.data.updatedAt))
    .filter((x): x is string => !!x)
    .sort()
    .at(-1);
  return `<language>vi</language>${newest ? `<lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>` : ''}`;
}

export function articleItems(items: Entry<Article>[]): RSSFeedItem[] {
  return items.map((a) => ({
    title: a.data.title,
    link: articleUrl(a.data.slug),
    pubDate: dateOf(a.data) ? new Date(dateOf(a.data)) : undefined,
    description: a.data.summary ?? undefined,
    ...(a.data.provenance?.authorName ? { author: a.data.provenance.authorName } : {}),
    ...(iso(a.data.updatedAt) ? { customData: `<dcterms:modified>${iso(a.data.updatedAt)}</dcterms:modified>` } : {}),
  }));
}
