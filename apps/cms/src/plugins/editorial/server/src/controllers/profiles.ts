import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PROFILE_MANAGERS } from '@cong-ttdt/workflow';
import { displayName } from '../actor';

const PROFILE = 'plugin::editorial.profile';
const MANAGERS = PROFILE_MANAGERS;
const codes = (ctx: any): string[] => (ctx.state.user?.roles ?? []).map((r: any) => r.code);

// Editorial profiles: each admin user's unit and, for editors, their fields. The portal administrator
// and Super Admin keep them; reports count a contributor's items for the unit set here.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    if (!codes(ctx).some((c) => MANAGERS.includes(c))) return ctx.forbidden('Chỉ Quản trị cổng được quản lý hồ sơ biên tập.');
    const users = (await strapi.db.query('admin::user').findMany({ populate: ['roles'], orderBy: { id: 'asc' } })) as any[];
    const profiles = new Map(((await strapi.db.query(PROFILE).findMany({})) as any[]).map((p) => [p.userId, p]));
    const units = (await strapi.db.query('api::unit.unit').findMany({ select: ['id', 'name'], orderBy: { order: 'asc' } })) as any[];
    const fields = (await strapi.db.query('api::field.field').findMany({ select: ['id', 'name'], orderBy: { order: 'asc' } })) as any[];
    ctx.body = {
      data: {
        users: users.map((u) => ({
          id: u.id,
          name: displayName(u),
          email: u.email,
          roles: (u.roles ?? []).map((r: any) => r.code),
          unitId: profiles.get(u.id)?.unitId ?? null,
          fieldIds: profiles.get(u.id)?.fieldIds ?? [],
        })),
        units,
        fields,
      },
    };
  },

  async update(ctx: any) {
    if (!codes(ctx).some((c) => MANAGERS.includes(c))) return ctx.forbidden('Chỉ Quản trị cổng được quản lý hồ sơ biên tập.');
    const userId = Number(ctx.params.userId);
    const body = ctx.request.body ?? {};
    const unknown = Object.keys(body).filter((k) => !['unitId', 'fieldIds'].includes(k));
    if (unknown.length) throw new errors.ValidationError(`Unknown field(s): ${unknown.join(', ')}`);
    if (!(await strapi.db.query('admin::user').findOne({ where: { id: userId } }))) return ctx.notFound('Không tìm thấy người dùng.');
    const unitId = body.unitId == null ? null : Number(body.unitId);
    if (unitId != null && !(await strapi.db.query('api::unit.unit').findOne({ where: { id: unitId } })))
      throw new errors.ValidationError('Đơn vị không tồn tại.');
    const fieldIds = Array.isArray(body.fieldIds) ? [...new Set(body.fieldIds.map(Number))] : [];
    if (fieldIds.some((f) => !Number.isInteger(f))) throw new errors.ValidationError('Lĩnh vực không hợp lệ.');
    if (fieldIds.length && (await strapi.db.query('api::field.field').count({ where: { id: { $in: fieldIds } } })) !== fieldIds.length) {
      throw new errors.ValidationError('Lĩnh vực không tồn tại.');
    }
    const existing = await strapi.db.query(PROFILE).findOne({ where: { userId } });
    const data = { unitId, fieldIds };
    const saved = existing
      ? await strapi.db.query(PROFILE).update({ where: { id: existing.id }, data })
      : await strapi.db.query(PROFILE).create({ data: { userId, ...data } });
    ctx.body = { data: { userId, unitId: saved.unitId ?? null, fieldIds: saved.fieldIds ?? [] } };
  },
});
