import type { Core } from '@strapi/strapi';
import { errors, z } from '@strapi/utils';
import { PROFILE_MANAGERS } from '@cong-ttdt/workflow';
import { displayName, type AdminUser } from '../actor';
import { type AdminContext, type NamedRow, type ProfileRow, parseBody, query, roleCodes } from '../seams';
import { SITE_UID, siteScope } from '../site-scope';

const PROFILE = 'plugin::editorial.profile';
const MANAGERS = PROFILE_MANAGERS;
const codes = (ctx: AdminContext): string[] => roleCodes(ctx.state.user);
/** A number, or null for null; an absent field stays absent (the profile keeps its value). */
const idOrNull = z
  .unknown()
  .optional()
  .transform((v) => (v === undefined ? undefined : v == null ? null : Number(v)));

/** PUT /editorial/profiles/:userId: the fields of a profile the screen edits, nothing else. */
const ProfileBody = z.strictObject(
  {
    unitId: idOrNull,
    fieldIds: z
      .unknown()
      .optional()
      .transform((v) => (Array.isArray(v) ? [...new Set(v.map(Number))] : [])),
    siteId: idOrNull,
    acrossSites: z.unknown().optional(),
  },
  {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown field(s): ${issue.keys.join(', ')}` : 'Dữ liệu gửi lên không hợp lệ.'),
  },
);

// Editorial profiles: each admin user's unit and, for editors, their fields. The portal administrator
// and Super Admin keep them; reports count a contributor's items for the unit set here.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: AdminContext) {
    if (!codes(ctx).some((c) => MANAGERS.includes(c))) return ctx.forbidden('Chỉ Quản trị cổng được quản lý hồ sơ biên tập.');
    const users = await query<AdminUser>(strapi, 'admin::user').findMany({ populate: ['roles'], orderBy: { id: 'asc' } });
    const profiles = new Map((await query<ProfileRow>(strapi, PROFILE).findMany({})).map((p) => [p.userId, p]));
    const units = await query<NamedRow>(strapi, 'api::unit.unit').findMany({ select: ['id', 'name'], orderBy: { order: 'asc' } });
    const fields = await query<NamedRow>(strapi, 'api::field.field').findMany({ select: ['id', 'name'], orderBy: { order: 'asc' } });
    ctx.body = {
      data: {
        users: users.map((u) => ({
          id: u.id,
          name: displayName(u),
          email: u.email,
          roles: roleCodes(u),
          unitId: profiles.get(u.id)?.unitId ?? null,
          fieldIds: profiles.get(u.id)?.fieldIds ?? [],
          siteId: profiles.get(u.id)?.siteId ?? null,
          acrossSites: profiles.get(u.id)?.acrossSites === true,
        })),
        units,
        fields,
      },
    };
  },

  async update(ctx: AdminContext) {
    if (!codes(ctx).some((c) => MANAGERS.includes(c))) return ctx.forbidden('Chỉ Quản trị cổng được quản lý hồ sơ biên tập.');
    const userId = Number(ctx.params.userId);
    const body = parseBody(ProfileBody, ctx.request.body);
    if (!(await strapi.db.query('admin::user').findOne({ where: { id: userId } }))) return ctx.notFound('Không tìm thấy người dùng.');
    const unitId = body.unitId ?? null;
    if (unitId != null && !(await strapi.db.query('api::unit.unit').findOne({ where: { id: unitId } })))
      throw new errors.ValidationError('Đơn vị không tồn tại.');
    const { fieldIds } = body;
    if (fieldIds.some((f) => !Number.isInteger(f))) throw new errors.ValidationError('Lĩnh vực không hợp lệ.');
    if (fieldIds.length && (await strapi.db.query('api::field.field').count({ where: { id: { $in: fieldIds } } })) !== fieldIds.length) {
      throw new errors.ValidationError('Lĩnh vực không tồn tại.');
    }
    const existing = await query<ProfileRow>(strapi, PROFILE).findOne({ where: { userId } });
    // Sites (issue 28): a site's portal administrator keeps the profiles of their own site only and may
    // neither move people to another site nor grant acting across sites (Super Admin does both).
    const superAdmin = codes(ctx).includes('strapi-super-admin');
    const sites = siteScope(strapi);
    const ownSite = (await sites.homeOf(ctx.state.user.id)).id;
    if (!superAdmin && (await sites.homeOf(userId)).id !== ownSite)
      return ctx.forbidden('Chỉ được quản lý hồ sơ biên tập của người thuộc trang thành phần của mình.');
    const siteId = body.siteId === undefined ? (existing?.siteId ?? null) : body.siteId;
    if (siteId != null && !(await strapi.db.query(SITE_UID).findOne({ where: { id: siteId } })))
      throw new errors.ValidationError('Trang thành phần không tồn tại.');
    if (!superAdmin && siteId != null && siteId !== ownSite)
      return ctx.forbidden('Chỉ Quản trị hệ thống được chuyển người sang trang thành phần khác.');
    const acrossSites = body.acrossSites === undefined ? existing?.acrossSites === true : body.acrossSites === true;
    if (!superAdmin && acrossSites !== (existing?.acrossSites === true))
      return ctx.forbidden('Chỉ Quản trị hệ thống được cấp quyền xử lý tin, bài của các trang cấp dưới.');
    const data = { unitId, fieldIds, siteId, acrossSites };
    const saved = existing
      ? await query<ProfileRow>(strapi, PROFILE).update({ where: { id: existing.id }, data })
      : await query<ProfileRow>(strapi, PROFILE).create({ data: { userId, ...data } });
    ctx.body = {
      data: {
        userId,
        unitId: saved.unitId ?? null,
        fieldIds: saved.fieldIds ?? [],
        siteId: saved.siteId ?? null,
        acrossSites: !!saved.acrossSites,
      },
    };
  },
});
