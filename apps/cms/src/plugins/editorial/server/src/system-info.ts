import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** The one role that runs the system (admin UI: admin/src/components/SystemInfo.tsx says the same). */
const TECHNICAL_ROLE = 'strapi-super-admin';
/** What /admin/information tells about the installation (versions, dependencies, project id). */
const TECHNICAL_FIELDS = { strapiVersion: null, nodeVersion: null, dependencies: {}, projectId: null } as const;

interface Route {
  handler?: string;
  config?: { middlewares?: unknown[] };
}
interface Ctx {
  state: { user?: { roles?: Array<{ code?: string }> } };
  body?: { data?: Record<string, unknown> };
}

const technical = (ctx: Ctx) => (ctx.state.user?.roles ?? []).some((r) => r.code === TECHNICAL_ROLE);

/**
 * Strapi answers its version, Node's, its dependency list and the project's statistics to any signed-in
 * admin user; they are the system administrator's only. For everyone else /admin/information leaves them
 * out and /admin/homepage/key-statistics is refused.
 */
export function registerSystemInfoGuard(strapi: Core.Strapi): void {
  const admin = strapi.admin as { routes?: { admin?: { routes?: Route[] } } } | undefined;
  const routes = admin?.routes?.admin?.routes ?? [];
  const add = (handler: string, fn: (ctx: Ctx, next: () => Promise<void>) => Promise<void>) => {
    const route = routes.find((r) => r.handler === handler);
    if (!route) throw new Error(`editorial: the admin has no ${handler} route`);
    route.config = route.config ?? {};
    route.config.middlewares = [...(route.config.middlewares ?? []), fn];
  };
  add('admin.information', async (ctx, next) => {
    await next();
    if (!technical(ctx) && ctx.body?.data) ctx.body.data = { ...ctx.body.data, ...TECHNICAL_FIELDS };
  });
  add('homepage.getKeyStatistics', async (ctx, next) => {
    // A PolicyError is the 403 whose message Strapi passes on.
    if (!technical(ctx)) throw new errors.PolicyError('Thống kê hệ thống chỉ dành cho Quản trị hệ thống.');
    await next();
  });
}
