import type { Core } from '@strapi/strapi';
import { PORTAL_TYPES } from '../lib/content-types';

/** Public role: read-only access to every portal type; nothing else (the question route adds its own). */
export async function ensurePublicPermissions(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return;
  const wanted = new Set<string>();
  for (const uid of PORTAL_TYPES) {
    const ct = (strapi.contentTypes as any)[uid];
    wanted.add(`${uid}.find`);
    if (ct.kind === 'collectionType') wanted.add(`${uid}.findOne`);
  }
  const extra = (process.env.PORTAL_PUBLIC_ACTIONS ?? '').split(',').filter(Boolean);
  for (const a of extra) wanted.add(a);
  const existing = (await strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } })) as Array<{
    id: number;
    action: string;
  }>;
  const have = new Set(existing.map((p) => p.action));
  for (const action of wanted) {
    if (!have.has(action)) await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
  // Least privilege: anything else granted to Public on portal types (e.g. create by hand) is removed.
  for (const p of existing) {
    if (p.action.startsWith('api::') && !wanted.has(p.action))
      await strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: p.id } });
  }
}

/** The read-only API token the site build uses; its key is SITE_API_TOKEN from the shared env file. */
export async function ensureSiteToken(strapi: Core.Strapi): Promise<void> {
  const key = process.env.SITE_API_TOKEN;
  if (!key) {
    strapi.log.warn('SITE_API_TOKEN is not set: the site build cannot read the CMS.');
    return;
  }
  const service = strapi.service('admin::api-token') as any;
  const name = 'site-build (read-only)';
  const hashed: string = service.hash(key);
  let token = await strapi.db.query('admin::api-token').findOne({ where: { name } });
  if (!token) {
    token = await service.create({
      name,
      description: 'Đọc nội dung đã xuất bản để dựng trang công khai.',
      type: 'read-only',
      lifespan: null,
    });
  }
  if (token.type !== 'read-only' || token.accessKey !== hashed) {
    await strapi.db
      .query('admin::api-token')
      .update({ where: { id: token.id }, data: { type: 'read-only', accessKey: hashed, encryptedKey: null } });
  }
}
