import type { Core } from '@strapi/strapi';

// The demo seed's hook: gives each seeded item its review stage and a log entry, as the system.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // First user of each role code, looked up once per seed run (thousands of items in benchmarks).
  const firstUser = new Map<string, Promise<number | null>>();
  const userOf = (code: string) => {
    if (!firstUser.has(code)) {
      firstUser.set(
        code,
        strapi.db
          .query('admin::role')
          .findOne({ where: { code }, populate: ['users'] })
          .then((r: any) => r?.users?.[0]?.id ?? null),
      );
    }
    return firstUser.get(code)!;
  };
  return {
    async recordStage(uid: string, documentId: string, stage: string, authorRole?: string) {
      const workflow = strapi.plugin('editorial').service('workflow');
      if (!workflow.pathOf(uid)) return;
      const authorId = authorRole ? await userOf(authorRole) : null;
      const assigneeId = ['assigned', 'verified'].includes(stage) ? await userOf('editor') : null;
      // The author's items are theirs in the Content Manager too (its admin::is-creator condition).
      if (authorId) {
        const rows = (await strapi.db.query(uid as any).findMany({ where: { documentId }, select: ['id'] })) as Array<{ id: number }>;
        for (const r of rows) await strapi.db.query(uid as any).update({ where: { id: r.id }, data: { createdBy: authorId } });
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
      await strapi
        .plugin('editorial')
        .service('audit')
        .record({
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
