import type { APIRoute, GetStaticPaths } from 'astro';
import { schedulesOfBoard, site } from '../../lib/data';
import { buildIcs } from '../../lib/ics';
import { SITE_URL, absoluteUrl, boardUrl } from '../../lib/urls';
import type { Board, Entry } from '../../lib/types';

export const getStaticPaths = (async () => {
  const s = await site();
  return s.boards.map((board) => ({ params: { board: board.data.slug }, props: { board } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const s = await site();
  const { board } = props as { board: Entry<Board> };
  const body = buildIcs({
    board: board.data,
    schedules: schedulesOfBoard(s, board.id)
      .map((x) => x.data)
      .reverse(),
    domain: s.settings.data.domain || new URL(SITE_URL).hostname,
    calendarName: `${board.data.name} – ${s.settings.data.portalName ?? ''}`.replace(/ – $/, ''),
    url: absoluteUrl(boardUrl(board.data.slug)),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
