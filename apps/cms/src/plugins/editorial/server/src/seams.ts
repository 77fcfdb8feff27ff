// Typed seams between the plugin and the parts of Strapi whose types answer `any` or a bare record:
// its services by name, the Document Service on a uid known only at run time, database queries, the
// request context and the request bodies of the plugin's routes. Code elsewhere in the plugin goes
// through these instead of casting.
import type { Core, Data, Modules, UID } from '@strapi/strapi';
import { errors, type z } from '@strapi/utils';
import { ROLES } from '@cong-ttdt/workflow';
import type { AdminUser } from './actor';
import type services from './services';

/** The plugin's services by name, as their factories in services/index.ts build them. */
export type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/** One of the plugin's own services, with its type (Strapi's `service()` answers an untyped record). */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  // The one place the plugin's service map meets Strapi's registry: the names and factories are services/index.ts.
  return strapi.plugin('editorial').service(name) as Services[K];
}

/** A content type's uid as the Document Service takes it, for a uid that is a registered content type. */
export const isContentTypeUid = (strapi: Core.Strapi, uid: string): uid is UID.ContentType => uid in strapi.contentTypes;
const isComponentUid = (strapi: Core.Strapi, uid: string): uid is UID.Component => uid in strapi.components;

/** A content type's schema: attributes by name, with the fields of them the plugin reads. */
export interface AttributeLike {
  type: string;
  component?: string;
}
export interface ContentTypeLike {
  uid: string;
  kind?: string;
  info?: { displayName?: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, AttributeLike>;
}
/** The schema of a content type or component, when `uid` is one. */
export function schemaOf(strapi: Core.Strapi, uid: string): ContentTypeLike | undefined {
  if (isContentTypeUid(strapi, uid)) return strapi.contentTypes[uid];
  if (isComponentUid(strapi, uid)) return strapi.components[uid];
  return undefined;
}

/** The provenance component (shared.provenance) as the workflow reads it, private attributes included. */
export interface ProvenanceValue {
  authorName?: string | null;
  authorAddress?: string | null;
  sourceReference?: string | null;
  collectorName?: string | null;
  collectorAddress?: string | null;
}

/**
 * A document of any type, as the plugin reads it: its ids, bookkeeping relations, and the attributes the
 * workflow looks at when the type has them (title-like names, field, classification, kind, provenance).
 */
export interface DocumentRow {
  id: Data.ID;
  documentId: string;
  publishedAt?: string | null;
  createdBy?: { id: number } | null;
  field?: { id: number } | null;
  classification?: string | null;
  kind?: string | null;
  provenance?: ProvenanceValue | null;
  title?: string | null;
  name?: string | null;
  fullName?: string | null;
  [attribute: string]: unknown;
}

/** How a document is named in lists, mails and the media library: its title, name or full name. */
export const titleOf = (doc: DocumentRow | null | undefined): string | null => doc?.title ?? doc?.name ?? doc?.fullName ?? null;

/** What the plugin calls of the Document Service on a uid it holds as a string. */
export interface Documents {
  findOne(params: { documentId: string; status?: 'draft' | 'published'; populate?: string[] }): Promise<DocumentRow | null>;
  create(params: { data: Record<string, unknown> }): Promise<DocumentRow>;
  publish(params: { documentId: string } & Record<string, unknown>): Promise<Published>;
  unpublish(params: { documentId: string }): Promise<Published>;
}
/** What publish and unpublish answer: the document's rows they changed. */
export interface Published {
  documentId: string;
  entries: DocumentRow[];
}

/** The Document Service of a content type named at run time (a workflow path, a request, a log entry). */
export function documents(strapi: Core.Strapi, uid: string): Documents {
  if (!isContentTypeUid(strapi, uid)) throw new errors.NotFoundError(`Không có loại nội dung ${uid}.`);
  const service = strapi.documents(uid);
  return {
    findOne: (params) => service.findOne(params),
    create: (params) => service.create(params),
    publish: (params) => service.publish(params),
    unpublish: (params) => service.unpublish(params),
  };
}

/** The params of a Document Service call as the plugin's middlewares read and adjust them (in place). */
export interface DocumentParams {
  documentId?: string;
  data?: Record<string, unknown>;
  [param: string]: unknown;
}
/** One Document Service call seen by a middleware (`strapi.documents.use`). */
export interface DocumentCall {
  uid: string;
  action: string;
  params: DocumentParams;
}
type DocumentContext = Parameters<Modules.Documents.Middleware.Middleware>[0];
/** What a Document Service call answers (a document, a list, a count, publish's rows…), as a middleware passes it on. */
export type DocumentResult = Awaited<ReturnType<Modules.Documents.Middleware.Middleware>>;
/** A Document Service middleware written against `DocumentCall`. */
export function onDocuments(
  strapi: Core.Strapi,
  fn: (call: DocumentCall, next: () => Promise<DocumentResult>) => Promise<DocumentResult>,
): void {
  strapi.documents.use((context: DocumentContext, next) =>
    // The params object is Strapi's own (changes to it reach the call); an action without params reads as none.
    fn({ uid: context.uid, action: context.action, params: context.params ?? {} }, next),
  );
}

/** The documentId of what a create or clone answered (a document, or `{ documentId, entries }`). */
export const documentIdOf = (result: unknown): string | undefined =>
  result && typeof result === 'object' && 'documentId' in result && typeof result.documentId === 'string' ? result.documentId : undefined;

/** Query filters and options as Strapi's query engine takes them. */
type Where = Record<string, unknown>;
interface FindParams {
  where?: Where;
  select?: string[];
  populate?: string[] | Record<string, unknown>;
  orderBy?: Record<string, 'asc' | 'desc'> | Array<Record<string, 'asc' | 'desc'>>;
  limit?: number;
  offset?: number;
}

/** A table of the query engine, with the row type the caller knows it holds. */
export interface Query<Row> {
  findOne(params?: FindParams): Promise<Row | null>;
  findMany(params?: FindParams): Promise<Row[]>;
  count(params?: { where?: Where }): Promise<number>;
  create(params: { data: Record<string, unknown> }): Promise<Row>;
  update(params: { where: Where; data: Record<string, unknown> }): Promise<Row>;
  updateMany(params: { where: Where; data: Record<string, unknown> }): Promise<{ count: number }>;
  delete(params: { where: Where }): Promise<Row | null>;
}

/** `strapi.db.query(uid)` with its rows typed (the engine answers `any`; the schema behind `uid` is the caller's word). */
export function query<Row>(strapi: Core.Strapi, uid: string): Query<Row> {
  return strapi.db.query(uid);
}

/** The few rows read from other plugins' and the app's tables. */
export interface NamedRow {
  id: number;
  name: string;
}
export interface RoleRow {
  id: number;
  code: string;
  name: string;
  users?: AdminUser[];
}
export interface ProfileRow {
  id: number;
  userId: number;
  unitId?: number | null;
  fieldIds?: number[] | null;
  siteId?: number | null;
  acrossSites?: boolean | null;
}

/** What the plugin reads of the request Strapi is serving (`strapi.requestContext`). */
export interface RequestState {
  user?: AdminUser;
  auth?: { strategy?: { name?: string } };
  route?: { handler?: string };
}
export interface RequestLike {
  state: RequestState;
  request: { path: string };
}
/** The request being served, if any (none for scripts, seeds and timers). */
export const currentRequest = (strapi: Core.Strapi): RequestLike | undefined => strapi.requestContext.get();

/** A route of Strapi or a plugin, as the plugin adds route middlewares to it. */
export interface RouteLike {
  handler?: string;
  config?: { middlewares?: unknown[] };
}
export interface RouteGroup {
  type?: string;
  routes?: RouteLike[];
}
/** The route groups a plugin declares (`routes` is a list, or groups by name such as `admin` and `content-api`). */
export function routeGroupsOf(strapi: Core.Strapi, plugin: string): Record<string, RouteGroup> {
  const routes: unknown = strapi.plugin(plugin)?.routes;
  return routes && typeof routes === 'object' && !Array.isArray(routes) ? { ...routes } : {};
}
/** The admin routes of Strapi's admin or of one plugin (a list, or groups of which the `admin` ones count). */
function adminRoutesOf(strapi: Core.Strapi, name: string): RouteLike[] {
  const source: { routes?: unknown } | undefined = name === 'admin' ? strapi.admin : strapi.plugin(name);
  const routes = source?.routes;
  if (Array.isArray(routes)) return routes as RouteLike[];
  return Object.values((routes ?? {}) as Record<string, RouteGroup>)
    .filter((g) => g?.type === 'admin')
    .flatMap((g) => g.routes ?? []);
}
/** The admin route `handler` of Strapi's admin or a plugin; a missing one stops the start (a Strapi upgrade moved it). */
export function adminRoute(strapi: Core.Strapi, name: string, handler: string): RouteLike {
  const route = adminRoutesOf(strapi, name).find((r) => r.handler === handler);
  if (!route) throw new Error(`editorial: ${name} has no ${handler} route`);
  return route;
}
/** The system administrator (Strapi's super admin), who alone runs the installation. */
export const isSystemAdmin = (user: { roles?: Array<{ code?: string }> } | null | undefined): boolean =>
  (user?.roles ?? []).some((r) => r.code === ROLES.superAdmin);
/** Runs `fn` before the route's handler (after its policies); `Ctx` is what `fn` reads of Koa's context. */
export function addRouteMiddleware<Ctx>(route: RouteLike, fn: (ctx: Ctx, next: () => Promise<void>) => Promise<void>): void {
  route.config = route.config ?? {};
  route.config.middlewares = [...(route.config.middlewares ?? []), fn];
}

/** What the plugin's admin route handlers read and write of Koa's context (the route's policies signed the user in). */
export interface AdminContext {
  state: { user: AdminUser };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
  status: number;
  set(field: string, value: string): void;
  forbidden(message?: string): void;
  notFound(message?: string): void;
}

export const roleCodes = (user: Pick<AdminUser, 'roles'> | null | undefined): string[] => (user?.roles ?? []).map((r) => r.code);

/**
 * A request body checked against its schema (messages are the schema's): a ValidationError (400) with the
 * message of fields it does not list first, else of the first rule the body breaks.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const { issues } = result.error;
  const first = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
  throw new errors.ValidationError(first?.message ?? 'Dữ liệu gửi lên không hợp lệ.');
}
