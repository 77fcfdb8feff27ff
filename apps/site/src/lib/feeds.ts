import type { RSSFeedItem } from '@astrojs/rss';
import { dateOf } from './data';
import { articleUrl } from './urls';
import type { Article, Entry } from './types';

export function articleItems(items: Entry<Article>[]): RSSFeedItem[] {
  return items.map((a) => ({
    title: a.data.title,
    link: articleUrl(a.data.slug),
    pubDate: dateOf(a.data) ? new Date(dateOf(a.data)) : undefined,
    description: a.data.summary ?? undefined,
    ...(a.data.provenance?.authorName ? { author: a.data.provenance.authorName } : {}),
  }));
}
