import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { addRouteMiddleware, adminRoute, isSystemAdmin } from './seams';

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

export function registerRouteLocks(strapi: Core.Strapi): void {
  for (const lock of LOCKS) {
    addRouteMiddleware<Ctx>(adminRoute(strapi, lock.routes, lock.handler), async (ctx, next) => {
      const system = isSystemAdmin(ctx.state.user);
      // A PolicyError is the 403 whose message Strapi passes on.
      if (lock.who === 'nobody') throw new errors.PolicyError(`${lock.what}: không dùng trên cổng.`);
      if (!system) throw new errors.PolicyError(`${lock.what}: chỉ dành cho Quản trị hệ thống.`);
      await next();
    });
  }
  for (const handler of DRAFT_ACTIONS) {
    addRouteMiddleware<Ctx>(adminRoute(strapi, 'content-manager', handler), async (ctx, next) => {
      const model = strapi.getModel(ctx.params.model as never) as { options?: { draftAndPublish?: boolean } } | undefined;
      if (model && !model.options?.draftAndPublish)
        throw new errors.ValidationError('Loại nội dung này không có bản nháp: không có gì để xuất bản, gỡ hay hủy.');
      await next();
    });
  }
}
