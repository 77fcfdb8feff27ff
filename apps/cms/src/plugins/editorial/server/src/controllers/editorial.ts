import type { Core } from '@strapi/strapi';
import { z } from '@strapi/utils';
import { ACTIONS, AUDIT_VERIFIERS, SYSTEM_ACTIONS, type Action } from '@cong-ttdt/workflow';
import { displayName, toActor } from '../actor';
import { READ_REFUSAL, mayRead, readableIds } from '../read-scope';
import { type AdminContext, type RoleRow, getService, parseBody, query, roleCodes } from '../seams';

/** An action a person may ask for (the system's own, go-live and expiry, are the scheduler's). */
const isUserAction = (v: unknown): v is Action => ACTIONS.some((a) => a === v) && !SYSTEM_ACTIONS.some((a) => a === v);
const orNull = (message: string) =>
  z
    .string({ error: message })
    .nullish()
    .transform((v) => v ?? null);
const numberOrNull = z
  .unknown()
  .optional()
  .transform((v) => (v == null ? null : Number(v)));

/** POST /editorial/transition: the fields the panel sends, nothing else. */
const TransitionBody = z.strictObject(
  {
    uid: z.string({ error: 'uid và documentId là bắt buộc.' }),
    documentId: z.string({ error: 'uid và documentId là bắt buộc.' }),
    action: z.custom<Action>(isUserAction, { error: (issue) => `Thao tác không hợp lệ: ${String(issue.input)}` }),
    comment: z
      .unknown()
      .optional()
      .transform((v) => (typeof v === 'string' ? v : null)),
    assigneeId: numberOrNull,
    goLiveAt: orNull('Thời điểm xuất bản (goLiveAt) phải là ngày giờ ISO.'),
    expiresAt: orNull('Thời điểm hết hạn (expiresAt) phải là ngày giờ ISO.'),
    royaltyGrade: numberOrNull,
  },
  {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown field(s): ${issue.keys.join(', ')}` : 'Dữ liệu gửi lên không hợp lệ.'),
  },
);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => getService(strapi, 'workflow');
  const audit = () => getService(strapi, 'audit');
  return {
    async transition(ctx: AdminContext) {
      const state = await workflow().transition(parseBody(TransitionBody, ctx.request.body), ctx.state.user);
      ctx.body = { data: { stage: state.stage, assigneeId: state.assigneeId, goLiveAt: state.goLiveAt, expiresAt: state.expiresAt } };
    },

    async history(ctx: AdminContext) {
      const { uid, documentId } = ctx.params;
      if (!workflow().pathOf(uid)) return ctx.notFound('Loại nội dung không thuộc quy trình biên tập.');
      if (!(await mayRead(strapi, ctx.state.user, uid, documentId))) return ctx.forbidden(READ_REFUSAL);
      ctx.body = { data: await audit().history(uid, documentId) };
    },

    async panel(ctx: AdminContext) {
      const { uid, documentId } = ctx.params;
      if (!(await mayRead(strapi, ctx.state.user, uid, documentId))) return ctx.forbidden(READ_REFUSAL);
      ctx.body = { data: await workflow().panel(uid, documentId, ctx.state.user) };
    },

    /** documentId → stage for the list view's stage column (one request per list page). */
    async stages(ctx: AdminContext) {
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
      const rows = await query<{ targetDocumentId: string; stage: string }>(strapi, 'plugin::editorial.review-state').findMany({
        where: { targetUid: uid, ...(ids.length ? { targetDocumentId: { $in: ids } } : {}) },
        select: ['targetDocumentId', 'stage'],
        limit: 200,
      });
      const visible = scope === null ? rows : rows.filter((r) => scope.includes(r.targetDocumentId));
      ctx.body = { data: Object.fromEntries(visible.map((r) => [r.targetDocumentId, r.stage])) };
    },

    async queue(ctx: AdminContext) {
      // The IT officer sees it at sign-in: deadlines in working days need next year's holidays.
      const calendarWarning = await getService(strapi, 'reports').calendarWarning();
      ctx.body = { data: { ...(await workflow().queue(ctx.state.user)), calendarWarning } };
    },

    async editors(ctx: AdminContext) {
      const role = await query<RoleRow>(strapi, 'admin::role').findOne({ where: { code: 'editor' }, populate: ['users'] });
      ctx.body = {
        data: (role?.users ?? []).filter((u) => u.isActive !== false).map((u) => ({ id: u.id, name: displayName(u) })),
      };
    },

    async verify(ctx: AdminContext) {
      const codes = roleCodes(ctx.state.user);
      if (!codes.some((c) => AUDIT_VERIFIERS.includes(c))) return ctx.forbidden('Không có quyền kiểm tra nhật ký.');
      ctx.body = { data: await audit().verify() };
    },
  };
};
