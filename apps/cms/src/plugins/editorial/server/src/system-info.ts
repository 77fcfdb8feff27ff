import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { addRouteMiddleware, adminRoute, isSystemAdmin } from './seams';

/** What /admin/information tells about the installation (versions, dependencies, project id). */
const TECHNICAL_FIELDS = { strapiVersion: null, nodeVersion: null, dependencies: {}, projectId: null } as const;

interface Ctx {
  state: { user?: { roles?: Array<{ code?: string }> } };
  body?: { data?: Record<string, unknown> };
}

const technical = (ctx: Ctx) => isSystemAdmin(ctx.state.user);

/**
 * Strapi answers its version, Node's, its dependency list and the project's statistics to any signed-in
 * admin user; they are the system administrator's only. For everyone else /admin/information leaves them
 * out and /admin/homepage/key-statistics is refused.
 */
export function registerSystemInfoGuard(strapi: Core.Strapi): void {
  const add = (handler: string, fn: (ctx: Ctx, next: () => Promise<void>) => Promise<void>) =>
    addRouteMiddleware(adminRoute(strapi, 'admin', handler), fn);
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
