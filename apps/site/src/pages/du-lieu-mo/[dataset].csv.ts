import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../lib/data';
import { cacheKey } from '../../lib/hash';
import { DATASETS, datasetCsv } from '../../lib/open-data';

// The body is computed here so that its hash is the cache key (it covers everything the file shows).
export const getStaticPaths = (async () => {
  const s = await site();
  return DATASETS.map((d) => {
    const body = datasetCsv(s, d);
    return { params: { dataset: d.id }, props: { body }, cacheKey: cacheKey(body) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
