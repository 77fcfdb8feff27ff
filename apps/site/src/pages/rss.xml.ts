import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { site } from '../lib/data';
import { SITE_URL } from '../lib/urls';
import { FEED_XMLNS, articleItems, channelData } from '../lib/feeds';

export const GET: APIRoute = async () => {
  const s = await site();
  const items = s.articles.slice(0, 50);
  return rss({
    title: `${s.settings.data.portalName} – Tin tức`,
    description: s.settings.data.description || s.settings.data.portalName || '',
    site: SITE_URL,
    items: articleItems(items),
    xmlns: FEED_XMLNS,
    customData: channelData(items),
    trailingSlash: true,
  });
};
