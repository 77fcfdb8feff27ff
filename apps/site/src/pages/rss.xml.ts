import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { site } from '../lib/data';
import { SITE_URL } from '../lib/urls';
import { articleItems } from '../lib/feeds';

export const GET: APIRoute = async () => {
  const s = await site();
  return rss({
    title: `${s.settings.data.portalName} – Tin tức`,
    description: s.settings.data.description || s.settings.data.portalName || '',
    site: SITE_URL,
    items: articleItems(s.articles.slice(0, 50)),
    customData: '<language>vi</language>',
    trailingSlash: true,
  });
};
