import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../lib/data';
import { cacheKey } from '../../lib/hash';
import { DCAT_CONTEXT, catalog } from '../../lib/open-data';

const json = (v: unknown) => `${JSON.stringify(v, null, 1)}\n`;

// The catalogue, and the vendored context it names (served so that harvesters can resolve it).
// A route with parameters so that each file gets a cache key (its body's hash) in incremental builds.
export const getStaticPaths = (async () => {
  const s = await site();
  return [
    { file: 'catalog', body: json(catalog(s)) },
    { file: 'context', body: json(DCAT_CONTEXT) },
  ].map(({ file, body }) => ({ params: { file }, props: { body }, cacheKey: cacheKey(body) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });
