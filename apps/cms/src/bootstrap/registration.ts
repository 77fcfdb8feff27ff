import type { Core } from '@strapi/strapi';

/** Public actions of users-permissions that create accounts: self-registration and provider sign-up. */
export const SIGN_UP_ACTIONS = ['plugin::users-permissions.auth.register', 'plugin::users-permissions.auth.connect'];

/**
 * Nobody signs up: the portal has no public accounts (the board uses admin accounts, the site an API
 * token). Registration is switched off in users-permissions' advanced settings (its controller checks
 * them; the public role's permissions alone do not close the route) and the sign-up actions leave the
 * public role, so POST /api/auth/local/register is refused with 403. Run at every start: a change in
 * the admin's settings page does not survive a restart.
 */
export async function closeRegistration(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (role)
    await strapi.db
      .query('plugin::users-permissions.permission')
      .deleteMany({ where: { role: role.id, action: { $in: SIGN_UP_ACTIONS } } });
}
