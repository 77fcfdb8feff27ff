import type { Core } from '@strapi/strapi';
import { ACTION_LABELS, STAGE_LABELS, type Action, type Stage } from '@cong-ttdt/workflow';
import { displayName } from '../actor';
import { documents, titleOf } from '../seams';

const SUBJECTS: Record<string, string> = {
  assign: 'Có tin, bài mới được giao cho bạn',
  return: 'Tin, bài của bạn bị trả lại',
  approve: 'Tin, bài của bạn đã được duyệt',
};

// E-mail on assign (to the field editor), return and approve (to the author) when an SMTP server is
// configured (SMTP_HOST; off by default). The in-admin queue and its counts always work.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async afterTransition(
    input: { uid: string; documentId: string; action: string; comment?: string | null },
    state: { assigneeId: number | null; authorId: number | null; stage: string },
    user: { firstname?: string; lastname?: string } | null,
  ) {
    if (!process.env.SMTP_HOST) return;
    const to = input.action === 'assign' ? state.assigneeId : state.authorId;
    if (!to) return;
    const recipient = (await strapi.db.query('admin::user').findOne({ where: { id: to } })) as {
      email?: string;
      firstname?: string;
    } | null;
    if (!recipient?.email) return;
    const doc = await documents(strapi, input.uid).findOne({ documentId: input.documentId, status: 'draft' });
    const title = titleOf(doc) ?? input.documentId;
    const base = (process.env.CMS_PUBLIC_URL || '').replace(/\/+$/, '');
    const link = `${base}/admin/content-manager/collection-types/${input.uid}/${input.documentId}`;
    const who = displayName(user);
    const lines = [
      `Kính gửi ${recipient.firstname ?? ''},`.trim(),
      '',
      `${who} đã thực hiện "${ACTION_LABELS[input.action as Action] ?? input.action}" với tin, bài "${title}".`,
      `Trạng thái hiện tại: ${STAGE_LABELS[state.stage as Stage] ?? state.stage}.`,
      ...(input.comment ? [`Ý kiến: ${input.comment}`] : []),
      '',
      `Mở trong trang quản trị: ${link}`,
      `Mã tài liệu: ${input.documentId}`,
    ];
    try {
      await strapi
        .plugin('email')
        .service('email')
        .send({ to: recipient.email, subject: SUBJECTS[input.action] ?? 'Thông báo biên tập', text: lines.join('\n') });
    } catch (e) {
      // A mail failure never undoes the transition; it is logged for the administrator.
      strapi.log.warn(`editorial: e-mail notification to user ${to} failed: ${(e as Error).message}`);
    }
  },
});
