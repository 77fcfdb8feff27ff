import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { schedulerInterval } from './scheduler-interval';

let schedulerTimer: NodeJS.Timeout | null = null;

/** Stops the scheduler (plugin destroy). */
export function stopScheduler() {
  if (schedulerTimer) clearInterval(schedulerTimer);
  schedulerTimer = null;
}

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // The roles themselves are assigned by the app's bootstrap, after the admin's (services/roles.ts).
  await strapi.plugin('editorial').service('roles').registerActions();

  // The log is append-only for everyone, Super Admin included: no route writes it, and the database
  // layer refuses updates and deletes of its rows.
  strapi.db.lifecycles.subscribe({
    models: ['plugin::editorial.review-log', 'plugin::editorial.original'],
    beforeUpdate() {
      throw new errors.ForbiddenError('Nhật ký biên tập không được sửa.');
    },
    beforeUpdateMany() {
      throw new errors.ForbiddenError('Nhật ký biên tập không được sửa.');
    },
    beforeDelete() {
      throw new errors.ForbiddenError('Nhật ký biên tập không được xóa.');
    },
    beforeDeleteMany() {
      throw new errors.ForbiddenError('Nhật ký biên tập không được xóa.');
    },
  });

  // Every change of a user's roles is written to the audit log.
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    async afterUpdate(event: any) {
      if (!event.params?.data?.roles) return;
      const ctx = strapi.requestContext.get() as any;
      const actor = ctx?.state?.user;
      const user = (await strapi.db.query('admin::user').findOne({ where: { id: event.result.id }, populate: ['roles'] })) as any;
      await strapi
        .plugin('editorial')
        .service('audit')
        .append({
          targetUid: 'admin::user',
          targetDocumentId: String(event.result.id),
          action: 'roles-changed',
          fromStage: null,
          toStage: 'roles-changed',
          actorId: actor?.id ?? null,
          actorName: actor ? [actor.firstname, actor.lastname].filter(Boolean).join(' ') : 'Hệ thống',
          actorRoles: (actor?.roles ?? []).map((r: any) => r.code),
          comment: null,
          meta: { roles: (user?.roles ?? []).map((r: any) => r.code) },
          contentHash: null,
        });
    },
  });

  // Go-live and expiry of approved items. A tick that is still running when the next one is due is
  // not doubled: the second would only find the same items again and log refused transitions.
  const { ms, warning } = schedulerInterval((strapi.config.get('plugin::editorial') as any).schedulerIntervalMs);
  if (warning) strapi.log.warn(`editorial scheduler: ${warning}`);
  let running = false;
  schedulerTimer = setInterval(() => {
    if (running) return;
    running = true;
    strapi
      .plugin('editorial')
      .service('schedule')
      .tick()
      .catch((e: Error) => strapi.log.error(`editorial scheduler: ${e.message}`))
      .finally(() => (running = false));
  }, ms);
  schedulerTimer.unref();
};

export default bootstrap;
