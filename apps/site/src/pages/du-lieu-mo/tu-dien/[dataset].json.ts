import type { APIRoute, GetStaticPaths } from 'astro';
import { DATASETS, datasetSchema, type Dataset } from '../../../lib/open-data';

export const getStaticPaths = (() =>
  DATASETS.map((dataset) => ({ params: { dataset: dataset.id }, props: { dataset } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(datasetSchema((props as { dataset: Dataset }).dataset), null, 1) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
