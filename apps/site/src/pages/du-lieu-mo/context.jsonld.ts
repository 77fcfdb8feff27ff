import type { APIRoute } from 'astro';
import { DCAT_CONTEXT } from '../../lib/open-data';

// The vendored context, served so that harvesters can resolve the catalogue's @context.
export const GET: APIRoute = () =>
  new Response(JSON.stringify(DCAT_CONTEXT, null, 1) + '\n', { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });
