import type { Core } from '@strapi/strapi';

// E-mail on assign/return/approve only when an SMTP server is configured (off by default); the
// in-admin counts (queue) always work.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async afterTransition(input: { uid: string; documentId: string; action: string }, state: { assigneeId: number | null; authorId: number | null }, _user: unknown) {
    if (!process.env.SMTP_HOST) return;
    const to = input.action === 'assign' ? state.assigneeId : state.authorId;
    if (!to) return;
    const recipient = (await strapi.db.query('admin::user').findOne({ where: { id: to } })) as { email?: string } | null;
    if (!recipient?.email) return;
    try {
      await (strapi.plugin('email') as any)?.service('email').send({
        to: recipient.email,
        subject: { assign: 'Có tin, bài mới được giao', return: 'Tin, bài bị trả lại', approve: 'Tin, bài đã được duyệt' }[input.action] ?? 'Thông báo biên tập',
        text: `Tin, bài ${input.documentId} (${input.uid}): ${input.action}.`,
      });
    } catch (e) {
      strapi.log.warn(`editorial: e-mail notification failed: ${(e as Error).message}`);
    }
  },
});
