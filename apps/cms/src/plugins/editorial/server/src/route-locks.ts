import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** The one role that administers the installation (system-info.ts says the same of /admin/information). */
const SYSTEM_ROLE = 'strapi-super-admin';

interface Route {
  handler?: string;
  config?: { middlewares?: unknown[] };
}
interface RouteGroup {
  type?: string;
  routes?: Route[];
}
interface Ctx {
  state: { user?: { roles?: Array<{ code?: string }> } };
  params: Record<string, string>;
}

/**
 * Strapi routes that check no more than "signed in" (found by the route matrix, issue 17), locked at the
 * route: what only the system administrator uses (the settings pages' catalogues, the i18n settings, a
 * component's edit view, which Strapi lets any session change),
 * and what nobody on the portal needs (sending any mail to anyone as the portal, the licence trial of
 * the paid edition, which asks Strapi's licence server and fails offline).
 */
const LOCKS: Array<{ routes: string; handler: string; who: 'super-admin' | 'nobody'; what: string }> = [
  { routes: 'admin', handler: 'permission.getAll', who: 'super-admin', what: 'Danh mục quyền quản trị' },
  { routes: 'admin', handler: 'content-api.getPermissions', who: 'super-admin', what: 'Danh mục quyền của API nội dung' },
  { routes: 'admin', handler: 'content-api.getRoutes', who: 'super-admin', what: 'Danh sách đường dẫn của API nội dung' },
  { routes: 'admin', handler: 'admin.licenseTrialTimeLeft', who: 'nobody', what: 'Thời hạn dùng thử bản trả phí' },
  { routes: 'email', handler: 'email.send', who: 'nobody', what: 'Gửi thư tùy ý từ cổng' },
  {
    routes: 'content-manager',
    handler: 'components.updateComponentConfiguration',
    who: 'super-admin',
    what: 'Cấu hình hiển thị thành phần',
  },
  { routes: 'i18n', handler: 'settings.updateSettings', who: 'super-admin', what: 'Thiết lập đa ngôn ngữ' },
  { routes: 'users-permissions', handler: 'permissions.getPermissions', who: 'super-admin', what: 'Danh mục quyền của API nội dung' },
  { routes: 'users-permissions', handler: 'permissions.getPolicies', who: 'super-admin', what: 'Danh mục chính sách của API nội dung' },
  { routes: 'users-permissions', handler: 'permissions.getRoutes', who: 'super-admin', what: 'Danh sách đường dẫn của API nội dung' },
];

/** The Content Manager's draft actions on a single type: a type without drafts has none to act on. */
const DRAFT_ACTIONS = ['single-types.publish', 'single-types.unpublish', 'single-types.discard'];

const adminRoutes = (strapi: Core.Strapi, name: string): Route[] => {
  const source = (name === 'admin' ? strapi.admin : strapi.plugin(name)) as { routes?: unknown } | undefined;
  const routes = source?.routes;
  if (Array.isArray(routes)) return routes as Route[];
  return Object.values((routes ?? {}) as Record<string, RouteGroup>)
    .filter((g) => g?.type === 'admin')
    .flatMap((g) => g.routes ?? []);
};

function addMiddleware(route: Route, fn: (ctx: Ctx, next: () => Promise<void>) => Promise<void>) {
  route.config = route.config ?? {};
  route.config.middlewares = [...(route.config.middlewares ?? []), fn];
}

function find(strapi: Core.Strapi, routes: string, handler: string): Route {
  const route = adminRoutes(strapi, routes).find((r) => r.handler === handler);
  if (!route) throw new Error(`editorial: ${routes} has no ${handler} route to lock`);
  return route;
}

export function registerRouteLocks(strapi: Core.Strapi): void {
  for (const lock of LOCKS) {
    addMiddleware(find(strapi, lock.routes, lock.handler), async (ctx, next) => {
      const system = (ctx.state.user?.roles ?? []).some((r) => r.code === SYSTEM_ROLE);
      // A PolicyError is the 403 whose message Strapi passes on.
      if (lock.who === 'nobody') throw new errors.PolicyError(`${lock.what}: không dùng trên cổng.`);
      if (!system) throw new errors.PolicyError(`${lock.what}: chỉ dành cho Quản trị hệ thống.`);
      await next();
    });
  }
  for (const handler of DRAFT_ACTIONS) {
    addMiddleware(find(strapi, 'content-manager', handler), async (ctx, next) => {
      const model = strapi.getModel(ctx.params.model as never) as { options?: { draftAndPublish?: boolean } } | undefined;
      if (model && !model.options?.draftAndPublish)
        throw new errors.ValidationError('Loại nội dung này không có bản nháp: không có gì để xuất bản, gỡ hay hủy.');
      await next();
    });
  }
}
