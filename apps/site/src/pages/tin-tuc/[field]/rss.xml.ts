import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { articlesOfField, site } from '../../../lib/data';
import { FEED_XMLNS, articleItems, channelData } from '../../../lib/feeds';
import { SITE_URL } from '../../../lib/urls';
import type { Entry, Field } from '../../../lib/types';

export const getStaticPaths = (async () => {
  const s = await site();
  return s.fields.map((field) => ({ params: { field: field.data.slug }, props: { field } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const s = await site();
  const field = (props as { field: Entry<Field> }).field;
  const items = articlesOfField(s, field.id).slice(0, 50);
  return rss({
    title: `${s.settings.data.portalName} – ${field.data.name}`,
    description: field.data.description || `Tin tức lĩnh vực ${field.data.name}`,
    site: SITE_URL,
    items: articleItems(items),
    xmlns: FEED_XMLNS,
    customData: channelData(items),
    trailingSlash: true,
  });
};
