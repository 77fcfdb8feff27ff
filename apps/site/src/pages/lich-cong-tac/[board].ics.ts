import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../lib/data';
import { cacheKey } from '../../lib/hash';
import { boardCalendar } from '../../lib/open-data';

// The same body the open-data catalogue measures (src/lib/open-data.ts); its hash is the cache key.
export const getStaticPaths = (async () => {
  const s = await site();
  return s.boards.map((board) => {
    const body = boardCalendar(s, board);
    return { params: { board: board.data.slug }, props: { body }, cacheKey: cacheKey(body) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
