import type { Core } from '@strapi/strapi';
import type { Stage } from '@cong-ttdt/workflow';
import { type RoleRow, getService, query } from '../seams';

// The demo seed's hook: gives each seeded item its review stage and a log entry, as the system.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // First user of each role code, looked up once per seed run (thousands of items in benchmarks).
  const firstUser = new Map<string, Promise<number | null>>();
  const userOf = (code: string) => {
    if (!firstUser.has(code)) {
      firstUser.set(
        code,
        query<RoleRow>(strapi, 'admin::role')
          .findOne({ where: { code }, populate: ['users'] })
          .then((r) => r?.users?.[0]?.id ?? null),
      );
    }
    return firstUser.get(code)!;
  };
  return {
    async recordStage(uid: string, documentId: string, stage: Stage, authorRole?: string) {
      const workflow = getService(strapi, 'workflow');
      if (!workflow.pathOf(uid)) return;
      const authorId = authorRole ? await userOf(authorRole) : null;
      const assigneeId = ['assigned', 'verified'].includes(stage) ? await userOf('editor') : null;
      // The author's items are theirs in the Content Manager too (its admin::is-creator condition).
      if (authorId) {
        for (const r of await query<{ id: number }>(strapi, uid).findMany({ where: { documentId }, select: ['id'] }))
          await query(strapi, uid).update({ where: { id: r.id }, data: { createdBy: authorId } });
      }
      const draft = await workflow.loadDraft(uid, documentId);
      await workflow.saveState(uid, documentId, {
        stage,
        authorId,
        assigneeId,
        fieldId: draft?.field?.id ?? null,
        hasLive: stage === 'published',
        goLiveAt: stage === 'scheduled' ? new Date(Date.now() + 3 * 86400_000).toISOString() : null,
      });
      await getService(strapi, 'audit').record({
        target: { uid, documentId },
        action: 'import',
        from: null,
        to: stage,
        actor: { id: null, name: 'Hệ thống (dữ liệu mẫu)', roles: [] },
        meta: authorId ? { authorId } : null,
        content: draft,
      });
    },
  };
};
