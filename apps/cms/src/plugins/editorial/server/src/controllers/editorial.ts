import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTIONS, AUDIT_VERIFIERS, SYSTEM_ACTIONS } from '@cong-ttdt/workflow';
import { displayName, toActor } from '../actor';
import { READ_REFUSAL, mayRead, readableIds } from '../read-scope';

const roleCodes = (ctx: any): string[] => (ctx.state.user?.roles ?? []).map((r: any) => r.code);
const ALLOWED_KEYS = new Set(['uid', 'documentId', 'action', 'comment', 'assigneeId', 'goLiveAt', 'expiresAt', 'royaltyGrade']);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => strapi.plugin('editorial').service('workflow');
  const audit = () => strapi.plugin('editorial').service('audit');
  return {
    async transition(ctx: any) {
      const body = ctx.request.body ?? {};
      const unknown = Object.keys(body).filter((k) => !ALLOWED_KEYS.has(k));
      if (unknown.length) throw new errors.ValidationError(`Unknown field(s): ${unknown.join(', ')}`);
      if (typeof body.uid !== 'string' || typeof body.documentId !== 'string')
        throw new errors.ValidationError('uid và documentId là bắt buộc.');
      if (!ACTIONS.includes(body.action) || SYSTEM_ACTIONS.includes(body.action))
        throw new errors.ValidationError(`Thao tác không hợp lệ: ${body.action}`);
      const state = await workflow().transition(
        {
          uid: body.uid,
          documentId: body.documentId,
          action: body.action,
          comment: typeof body.comment === 'string' ? body.comment : null,
          assigneeId: body.assigneeId == null ? null : Number(body.assigneeId),
          goLiveAt: body.goLiveAt ?? null,
          expiresAt: body.expiresAt ?? null,
          royaltyGrade: body.royaltyGrade == null ? null : Number(body.royaltyGrade),
        },
        ctx.state.user,
      );
      ctx.body = { data: { stage: state.stage, assigneeId: state.assigneeId, goLiveAt: state.goLiveAt, expiresAt: state.expiresAt } };
    },

    async history(ctx: any) {
      const { uid, documentId } = ctx.params;
      if (!workflow().pathOf(uid)) return ctx.notFound('Loại nội dung không thuộc quy trình biên tập.');
      if (!(await mayRead(strapi, ctx.state.user, uid, documentId))) return ctx.forbidden(READ_REFUSAL);
      ctx.body = { data: await audit().history(uid, documentId) };
    },

    async panel(ctx: any) {
      const { uid, documentId } = ctx.params;
      if (!(await mayRead(strapi, ctx.state.user, uid, documentId))) return ctx.forbidden(READ_REFUSAL);
      ctx.body = { data: await workflow().panel(uid, documentId, ctx.state.user) };
    },

    /** documentId → stage for the list view's stage column (one request per list page). */
    async stages(ctx: any) {
      const { uid } = ctx.params;
      if (!workflow().pathOf(uid)) {
        ctx.body = { data: {} };
        return;
      }
      const ids = String(ctx.query.ids ?? '')
        .split(',')
        .filter(Boolean)
        .slice(0, 200);
      // Only items the caller may read (read-scope.ts): a stage says something about an item too.
      const scope = await readableIds(strapi, await toActor(strapi, ctx.state.user), uid);
      const rows = (await strapi.db.query('plugin::editorial.review-state').findMany({
        where: { targetUid: uid, ...(ids.length ? { targetDocumentId: { $in: ids } } : {}) },
        select: ['targetDocumentId', 'stage'],
        limit: 200,
      })) as Array<{ targetDocumentId: string; stage: string }>;
      const visible = scope === null ? rows : rows.filter((r) => scope.includes(r.targetDocumentId));
      ctx.body = { data: Object.fromEntries(visible.map((r) => [r.targetDocumentId, r.stage])) };
    },

    async queue(ctx: any) {
      // The IT officer sees it at sign-in: deadlines in working days need next year's holidays.
      const calendarWarning = await strapi.plugin('editorial').service('reports').calendarWarning();
      ctx.body = { data: { ...(await workflow().queue(ctx.state.user)), calendarWarning } };
    },

    async editors(ctx: any) {
      const role = (await strapi.db.query('admin::role').findOne({ where: { code: 'editor' }, populate: ['users'] })) as any;
      ctx.body = {
        data: (role?.users ?? []).filter((u: any) => u.isActive !== false).map((u: any) => ({ id: u.id, name: displayName(u) })),
      };
    },

    async verify(ctx: any) {
      const codes = roleCodes(ctx);
      if (!codes.some((c) => AUDIT_VERIFIERS.includes(c))) return ctx.forbidden('Không có quyền kiểm tra nhật ký.');
      ctx.body = { data: await audit().verify() };
    },
  };
};
