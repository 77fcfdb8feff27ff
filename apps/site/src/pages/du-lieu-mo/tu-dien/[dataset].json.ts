import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKey } from '../../../lib/hash';
import { DATASETS, datasetSchema } from '../../../lib/open-data';

export const getStaticPaths = (() =>
  DATASETS.map((d) => {
    const body = `${JSON.stringify(datasetSchema(d), null, 1)}\n`;
    return { params: { dataset: d.id }, props: { body }, cacheKey: cacheKey(body) };
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
