import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../lib/data';
import { boardCalendar } from '../../lib/open-data';
import type { Board, Entry } from '../../lib/types';

export const getStaticPaths = (async () => {
  const s = await site();
  return s.boards.map((board) => ({ params: { board: board.data.slug }, props: { board } }));
}) satisfies GetStaticPaths;

// The same body the open-data catalogue measures (src/lib/open-data.ts).
export const GET: APIRoute = async ({ props }) => {
  const { board } = props as { board: Entry<Board> };
  return new Response(boardCalendar(await site(), board), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
