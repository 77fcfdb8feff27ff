import type { Core } from '@strapi/strapi';
import { query } from './seams';

const STATE = 'plugin::editorial.review-state';
const LIST = /^\/content-manager\/collection-types\/([^/]+)$/;

/**
 * The Content Manager's list view filters on attributes only; the stage lives outside the content
 * type. The admin injects an `editorial_stage` filter; this middleware turns it into a documentId
 * filter before the Content Manager reads the query.
 */
export function registerStageFilter(strapi: Core.Strapi): void {
  strapi.server.use(async (ctx, next) => {
    const match = ctx.method === 'GET' && ctx.querystring.includes('editorial_stage') ? LIST.exec(ctx.path) : null;
    if (match) {
      const uid = decodeURIComponent(match[1]);
      const params = new URLSearchParams(ctx.querystring);
      const keep = new URLSearchParams();
      const stages: string[] = [];
      for (const [k, v] of params) {
        if (k.includes('[editorial_stage]')) stages.push(v);
        else keep.append(k, v);
      }
      const rows = await query<{ targetDocumentId: string }>(strapi, STATE).findMany({
        where: { targetUid: uid, stage: { $in: stages } },
        select: ['targetDocumentId'],
      });
      const ids = rows.length ? rows.map((r) => r.targetDocumentId) : ['__none__'];
      // qs parses arrays of at most 100 items: split into groups under an $or.
      for (let i = 0; i < ids.length; i++)
        keep.append(`filters[$and][99][$or][${Math.floor(i / 100)}][documentId][$in][${i % 100}]`, ids[i]);
      ctx.querystring = keep.toString();
    }
    await next();
  });
}
