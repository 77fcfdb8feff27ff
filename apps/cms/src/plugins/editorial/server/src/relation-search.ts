import type { Core } from '@strapi/strapi';
import { fold } from '@cong-ttdt/vn-text';

const HANDLER = 'relations.findAvailable';
const TEXT_TYPES = new Set(['string', 'text', 'uid', 'email']);
/** More matches than a picker can show: the user types more (the list is paged by the Content Manager). */
const MAX_MATCHES = 1000;

interface Route {
  handler?: string;
  config?: { middlewares?: unknown[] };
}
interface RequestInfo {
  mainField: string;
  target: { schema: { uid: string; attributes: Record<string, { type: string }> } };
}
interface RelationsController {
  extractAndValidateRequestInfo(ctx: unknown, id?: string): Promise<RequestInfo | undefined>;
}
const isRelationsController = (c: unknown): c is RelationsController =>
  typeof (c as Partial<RelationsController> | null)?.extractAndValidateRequestInfo === 'function';
interface Ctx {
  query: Record<string, unknown>;
  querystring: string;
}

/**
 * The relation picker searches the target's main field with `$containsi`, which needs the user's exact
 * diacritics ("hoa binh" misses "Hòa Bình"; SQLite has no unaccent). This route middleware on the
 * picker's search folds both sides (vn-text `fold`: tone marks, đ → d, case) and hands the Content
 * Manager the matching documents as a documentId filter instead of `_q`; the Content Manager then
 * applies its own permissions, status, paging and ordering as for any search.
 */
export function registerRelationSearch(strapi: Core.Strapi): void {
  const routes: Route[] = (strapi.plugin('content-manager') as { routes: { admin?: { routes?: Route[] } } }).routes.admin?.routes ?? [];
  const route = routes.find((r) => r.handler === HANDLER);
  if (!route) throw new Error(`editorial: the content manager has no ${HANDLER} route`);
  route.config = route.config ?? {};
  route.config.middlewares = [...(route.config.middlewares ?? []), searchFolded(strapi)];
}

export function matchingDocumentIds(rows: Array<Record<string, unknown>>, field: string, query: string): string[] {
  const needle = fold(query.trim());
  const ids = new Set<string>();
  for (const row of rows) {
    const value = row[field];
    if (typeof value === 'string' && typeof row.documentId === 'string' && fold(value).includes(needle)) ids.add(row.documentId);
    if (ids.size >= MAX_MATCHES) break;
  }
  return [...ids];
}

function searchFolded(strapi: Core.Strapi) {
  return async (ctx: Ctx, next: () => Promise<void>) => {
    const q = ctx.query._q;
    if (typeof q !== 'string' || !q.trim()) return next();
    const controller: unknown = strapi.plugin('content-manager').controller('relations');
    if (!isRelationsController(controller)) return next();
    const id = typeof ctx.query.id === 'string' ? ctx.query.id : undefined;
    // The controller's own checks (model, field, read permission); a refusal is left to the controller.
    const info = await controller.extractAndValidateRequestInfo(ctx, id).catch(() => undefined);
    const attribute = info?.target.schema.attributes[info.mainField];
    if (!info || !attribute || !TEXT_TYPES.has(attribute.type)) return next();
    const rows = (await strapi.db.query(info.target.schema.uid as never).findMany({ select: ['documentId', info.mainField] })) as Array<
      Record<string, unknown>
    >;
    const ids = matchingDocumentIds(rows, info.mainField, q);
    const keep = new URLSearchParams();
    for (const [k, v] of new URLSearchParams(ctx.querystring)) if (k !== '_q' && k !== '_filter') keep.append(k, v);
    const list = ids.length ? ids : ['__none__'];
    // qs parses arrays of at most 100 items: groups of 100 under an $or.
    for (let i = 0; i < list.length; i++)
      keep.append(`filters[$and][98][$or][${Math.floor(i / 100)}][documentId][$in][${i % 100}]`, list[i]);
    ctx.querystring = keep.toString();
    return next();
  };
}
