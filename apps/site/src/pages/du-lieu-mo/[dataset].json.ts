import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../lib/data';
import { DATASETS, datasetJson, type Dataset } from '../../lib/open-data';

export const getStaticPaths = (() =>
  DATASETS.map((dataset) => ({ params: { dataset: dataset.id }, props: { dataset } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(datasetJson(await site(), (props as { dataset: Dataset }).dataset), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
