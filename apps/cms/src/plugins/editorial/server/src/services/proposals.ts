import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { displayName, toActor, type AdminUser } from '../actor';
import { SITE_UID, siteScope } from '../site-scope';
import { serialised } from './workflow';
import { getService } from '../seams';

const PROPOSAL = 'plugin::editorial.proposal';

export interface ProposalRow {
  id: number;
  targetUid: string;
  targetDocumentId: string;
  fromSiteId: number;
  toSiteId: number;
  stage: 'submitted' | 'published' | 'returned';
  proposedBy: number | null;
  decidedBy: number | null;
  lastComment: string | null;
  updatedAt?: string;
}

const refuse = (message: string): never => {
  throw new errors.ApplicationError(message);
};

/**
 * The province aggregates without copying (issue 28): a commune's published item is proposed to the
 * site above it; that site's editor-in-chief approves it (it is then shown there with its origin) or
 * returns it with a reason. The item itself stays the commune's: one copy, one workflow for its content.
 * Every step is an entry of the audit chain on the item.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sites = () => siteScope(strapi);
  const workflow = () => getService(strapi, 'workflow');
  const log = (user: AdminUser, roles: readonly string[], p: ProposalRow, action: string, from: string | null, comment?: string | null) =>
    getService(strapi, 'audit').record({
      target: { uid: p.targetUid, documentId: p.targetDocumentId },
      action,
      from,
      to: p.stage,
      actor: { id: user.id, name: displayName(user), roles },
      comment: comment ?? null,
      meta: { proposalId: p.id, fromSiteId: p.fromSiteId, toSiteId: p.toSiteId },
    });

  const self = {
    /** The commune's editor-in-chief or portal administrator proposes one of its published items. */
    async propose(user: AdminUser, input: { uid?: unknown; documentId?: unknown; toSiteId?: unknown }): Promise<ProposalRow> {
      const uid = String(input.uid ?? '');
      const documentId = String(input.documentId ?? '');
      if (!workflow().pathOf(uid)) throw new errors.ValidationError(`Loại nội dung ${uid} không thuộc quy trình biên tập.`);
      const actor = await toActor(strapi, user);
      if (!actor.roles.some((r) => r === 'editor-in-chief' || r === 'portal-admin'))
        refuse('Chỉ Trưởng ban biên tập hoặc Quản trị cổng của trang được đề xuất đăng lên trang cấp trên.');
      const fromSiteId = await sites().siteOf(uid, { documentId });
      if (fromSiteId == null) throw new errors.NotFoundError('Không tìm thấy tin, bài.');
      const home = await sites().homeOf(user.id);
      if (home.id !== fromSiteId) refuse('Chỉ Ban Biên tập của trang có tin, bài này được đề xuất nó.');
      const state = await workflow().getState(uid, documentId);
      if (!state?.hasLive) refuse('Chỉ tin, bài đã xuất bản trên trang của mình mới được đề xuất lên trang cấp trên.');
      const toSiteId = input.toSiteId == null ? (home.parent?.id ?? null) : Number(input.toSiteId);
      const target = toSiteId == null ? null : await sites().site(toSiteId);
      if (!target || target.id !== home.parent?.id) refuse('Chỉ được đề xuất lên trang cấp trên trực tiếp của trang mình.');
      return serialised(async () => {
        const open = (await strapi.db.query(PROPOSAL).findOne({
          where: { targetUid: uid, targetDocumentId: documentId, toSiteId, stage: { $in: ['submitted', 'published'] } },
        })) as ProposalRow | null;
        if (open) refuse('Tin, bài này đã được đề xuất lên trang cấp trên.');
        const p = (await strapi.db.query(PROPOSAL).create({
          data: { targetUid: uid, targetDocumentId: documentId, fromSiteId, toSiteId, stage: 'submitted', proposedBy: user.id },
        })) as ProposalRow;
        await log(user, actor.roles, p, 'propose', null);
        return p;
      });
    },

    /** The receiving site's editor-in-chief approves or returns (with a reason); never what they wrote or proposed. */
    async decide(user: AdminUser, id: number, input: { action?: unknown; comment?: unknown }): Promise<ProposalRow> {
      const action = String(input.action ?? '');
      if (!['approve', 'return'].includes(action)) throw new errors.ValidationError('Thao tác không hợp lệ (approve hoặc return).');
      const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
      const actor = await toActor(strapi, user);
      return serialised(async () => {
        const p = (await strapi.db.query(PROPOSAL).findOne({ where: { id } })) as ProposalRow | null;
        if (!p) throw new errors.NotFoundError('Không tìm thấy đề xuất.');
        const home = await sites().homeOf(user.id);
        if (home.id !== p.toSiteId) refuse('Chỉ Ban Biên tập của trang nhận đề xuất được xử lý đề xuất này.');
        if (!actor.roles.includes('editor-in-chief')) refuse('Chỉ Trưởng ban biên tập được duyệt hoặc trả lại đề xuất.');
        if (p.stage !== 'submitted') refuse('Đề xuất này đã được xử lý.');
        const state = await workflow().getState(p.targetUid, p.targetDocumentId);
        if (action === 'approve' && (state?.authorId === user.id || p.proposedBy === user.id))
          refuse('Không được duyệt tin, bài do chính mình viết hoặc đề xuất.');
        if (action === 'approve' && !state?.hasLive) refuse('Tin, bài không còn được xuất bản trên trang gốc.');
        if (action === 'return' && !comment) refuse('Phải nhập lý do khi trả lại.');
        const to = action === 'approve' ? 'published' : 'returned';
        const saved = (await strapi.db
          .query(PROPOSAL)
          .update({ where: { id }, data: { stage: to, decidedBy: user.id, lastComment: comment || null } })) as ProposalRow;
        await log(user, actor.roles, saved, action === 'approve' ? 'proposal-approve' : 'proposal-return', 'submitted', comment || null);
        return saved;
      });
    },

    /** Proposals this person's site received or sent, with the items' titles and origins. */
    async list(user: AdminUser) {
      const home = await sites().homeOf(user.id);
      const rows = (await strapi.db.query(PROPOSAL).findMany({
        where: { $or: [{ toSiteId: home.id }, { fromSiteId: home.id }] },
        orderBy: { id: 'desc' },
        limit: 500,
      })) as ProposalRow[];
      return Promise.all(rows.map((p) => self.describe(p)));
    },

    /** What a site shows of other sites' items (approved proposals), each with its origin. */
    async aggregated(siteSlug: string) {
      const site = (await strapi.db.query(SITE_UID).findOne({ where: { slug: siteSlug } })) as { id: number } | null;
      if (!site) throw new errors.NotFoundError('Không tìm thấy trang thành phần.');
      const rows = (await strapi.db.query(PROPOSAL).findMany({
        where: { toSiteId: site.id, stage: 'published' },
        orderBy: { id: 'desc' },
      })) as ProposalRow[];
      const out = [];
      for (const p of rows) {
        const state = await workflow().getState(p.targetUid, p.targetDocumentId);
        if (state?.hasLive) out.push(await self.describe(p));
      }
      return out;
    },

    async describe(p: ProposalRow) {
      const origin = await sites().site(p.fromSiteId);
      const doc = (await strapi
        .documents(p.targetUid as UID.ContentType)
        .findOne({ documentId: p.targetDocumentId, status: 'published' })) as { title?: string; name?: string } | null;
      return {
        id: p.id,
        uid: p.targetUid,
        documentId: p.targetDocumentId,
        title: doc?.title ?? doc?.name ?? p.targetDocumentId,
        stage: p.stage,
        toSiteId: p.toSiteId,
        origin: origin
          ? { id: origin.id, name: origin.name, slug: origin.slug, domain: (origin as { domain?: string }).domain ?? null }
          : null,
        comment: p.lastComment,
      };
    },
  };
  return self;
};
