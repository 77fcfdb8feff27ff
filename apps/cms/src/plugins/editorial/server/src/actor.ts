import type { Core } from '@strapi/strapi';
import type { Actor } from '@cong-ttdt/workflow';
import { type ProfileRow, currentRequest, query } from './seams';

export interface AdminUser {
  id: number;
  firstname?: string;
  lastname?: string;
  email?: string;
  isActive?: boolean;
  roles?: Array<{ id: number; code: string }>;
}

/** The acting admin user of the current request, if any (undefined for scripts, seeds, timers). */
export function requestUser(strapi: Core.Strapi): { user?: AdminUser; viaApiToken: boolean; inRequest: boolean } {
  const ctx = currentRequest(strapi);
  if (!ctx) return { inRequest: false, viaApiToken: false };
  const strategy = ctx.state?.auth?.strategy?.name;
  const isAdminUser = ctx.state?.user && Array.isArray(ctx.state.user.roles) && strategy !== 'api-token';
  return {
    inRequest: true,
    user: isAdminUser ? ctx.state.user : undefined,
    viaApiToken: strategy === 'api-token' || (!isAdminUser && !!ctx.state?.auth),
  };
}

/** Roles come from role codes fixed at creation (display names may be renamed). */
export async function toActor(strapi: Core.Strapi, user: AdminUser): Promise<Actor> {
  let roles = user.roles;
  if (!roles || roles.some((r) => !r.code)) {
    const full = await query<AdminUser>(strapi, 'admin::user').findOne({ where: { id: user.id }, populate: ['roles'] });
    roles = full?.roles ?? [];
  }
  const profile = await query<ProfileRow>(strapi, 'plugin::editorial.profile').findOne({ where: { userId: user.id } });
  return { id: user.id, roles: roles.map((r) => r.code), fieldIds: profile?.fieldIds ?? [] };
}

/** The one way a person is named in the board's screens, mails and log: names, else e-mail, else the id. */
export const displayName = (u: (Pick<AdminUser, 'firstname' | 'lastname' | 'email'> & { id?: number | string }) | null | undefined) =>
  u ? [u.firstname, u.lastname].filter(Boolean).join(' ') || u.email || (u.id != null ? `#${u.id}` : 'Hệ thống') : 'Hệ thống';
