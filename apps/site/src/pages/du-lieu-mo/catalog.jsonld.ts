import type { APIRoute } from 'astro';
import { site } from '../../lib/data';
import { catalog } from '../../lib/open-data';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(catalog(await site()), null, 1) + '\n', {
    headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
  });
