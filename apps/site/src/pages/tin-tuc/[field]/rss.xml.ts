import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { articlesOfField, site } from '../../../lib/data';
import { articleItems } from '../../../lib/feeds';
import { SITE_URL } from '../../../lib/urls';
import type { Entry, Field } from '../../../lib/types';

export const getStaticPaths = (async () => {
  const s = await site();
  return s.fields.map((field) => ({ params: { field: field.data.slug }, props: { field } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const s = await site();
  const field = (props as { field: Entry<Field> }).field;
  return rss({
    title: `${s.settings.data.portalName} – ${field.data.name}`,
    description: field.data.description || `Tin tức lĩnh vực ${field.data.name}`,
    site: SITE_URL,
    items: articleItems(articlesOfField(s, field.id).slice(0, 50)),
    customData: '<language>vi</language>',
    trailingSlash: true,
  });
};
