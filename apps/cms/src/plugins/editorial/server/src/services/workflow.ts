import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  SYSTEM_ACTOR,
  availableActions,
  canEdit,
  checkClassification,
  decide,
  resolvePath,
  waitingFor,
  type Action,
  type Actor,
  type Stage,
  type WorkflowItem,
  type WorkflowPath,
  SYSTEM_ACTIONS,
} from '@cong-ttdt/workflow';
import { displayName, toActor, type AdminUser } from '../actor';
import { transitionScope } from '../context';
import { siteScope } from '../site-scope';
import { SYSTEM_WRITERS, currentWriter, runAs, writerMayTransition } from '../writers';
import { contentHash } from './audit';
import { type DocumentRow, type Published, documents, getService, query, schemaOf, titleOf } from '../seams';

const STATE = 'plugin::editorial.review-state';
const ORIGINAL = 'plugin::editorial.original';

/**
 * Personal data that must stay erasable (Decree 13/2023/NĐ-CP): never copied into the append-only
 * archive of originals, whose rows cannot be changed afterwards.
 */
export const PERSONAL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'api::question.question': ['askerPhone', 'askerEmail', 'askerAddress', 'trackingCode', 'contactExpiresAt'],
};

export function withoutPersonalData(uid: string, content: Record<string, unknown> | null): Record<string, unknown> | null {
  const drop = PERSONAL_ATTRIBUTES[uid];
  if (!content || !drop) return content;
  return Object.fromEntries(Object.entries(content).filter(([k]) => !drop.includes(k)));
}

export interface ReceiveMeta {
  /** Shown in the log as the actor's name, e.g. "Người dân (biểu mẫu hỏi đáp)". */
  actorName: string;
  /** Stored in the log entry's meta (no personal data). */
  meta?: Record<string, unknown>;
  /** The board member the item is from (the e-mail intake); none for citizens. */
  authorId?: number | null;
  /** A second original kept as received (the e-mail message), with the hash of its bytes. */
  original?: { content: Record<string, unknown>; hash: string };
  /** Shown in the edit-view panel (legacy text converted on receipt). */
  conversionNote?: string | null;
}

export interface TransitionInput {
  uid: string;
  documentId: string;
  action: Action;
  comment?: string | null;
  assigneeId?: number | null;
  goLiveAt?: string | null;
  expiresAt?: string | null;
  royaltyGrade?: number | null;
}

export interface ReviewState {
  id: number;
  targetUid: string;
  targetDocumentId: string;
  stage: Stage;
  authorId: number | null;
  assigneeId: number | null;
  fieldId: number | null;
  unitId: number | null;
  goLiveAt: string | null;
  expiresAt: string | null;
  royaltyGrade: number | null;
  hasLive: boolean;
  lastComment: string | null;
  conversionNote: string | null;
  updatedAt?: string;
}

// One transition (or other audit append) at a time in this process, so the audit chain and the stage never interleave.
let lock: Promise<unknown> = Promise.resolve();
export function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const run = lock.then(fn, fn);
  lock = run.catch(() => undefined);
  return run;
}

const QUESTION_UID = 'api::question.question';

/** An item's classification: types without the attribute hold nothing classified; a value that is no text is none. */
const classificationOf = (content: Record<string, unknown> | null): string | null | undefined => {
  if (!content || !('classification' in content)) return 'thuong';
  const c = content.classification;
  return typeof c === 'string' ? c : c === undefined ? undefined : null;
};

/** The panel's edit verdict: the admin makes the form read-only and shows the reason (server refuses anyway). */
const editCheck = (check: { ok: boolean; message?: string }) => ({
  canEdit: check.ok,
  editRefusal: check.ok ? null : (check.message ?? null),
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audit = () => getService(strapi, 'audit');
  const config = () => strapi.config.get('plugin::editorial') as { paths: Record<string, WorkflowPath | null> };
  const states = () => query<ReviewState>(strapi, STATE);

  const self = {
    pathOf(uid: string): WorkflowPath | undefined {
      return resolvePath(uid, config().paths);
    },

    async getState(uid: string, documentId: string): Promise<ReviewState | null> {
      return states().findOne({ where: { targetUid: uid, targetDocumentId: documentId } });
    },

    async saveState(uid: string, documentId: string, data: Partial<ReviewState>): Promise<ReviewState> {
      const existing = await self.getState(uid, documentId);
      if (existing) return query<ReviewState>(strapi, STATE).update({ where: { id: existing.id }, data });
      return query<ReviewState>(strapi, STATE).create({ data: { targetUid: uid, targetDocumentId: documentId, stage: 'draft', ...data } });
    },

    /** The draft version (what reviewers see), with what the rules need populated. */
    async loadDraft(uid: string, documentId: string): Promise<DocumentRow | null> {
      const attrs = schemaOf(strapi, uid)?.attributes ?? {};
      const populate = Object.keys(attrs).filter(
        (k) => ['component', 'relation', 'media'].includes(attrs[k].type) && !['createdBy', 'updatedBy', 'localizations'].includes(k),
      );
      return documents(strapi, uid).findOne({ documentId, status: 'draft', populate });
    },

    toItem(state: ReviewState | null, draft: DocumentRow | null, targetUid?: string): WorkflowItem {
      const p = draft?.provenance ?? null;
      const hasProvenance = draft ? 'provenance' in draft : false;
      return {
        authorId: state?.authorId ?? draft?.createdBy?.id ?? null,
        assigneeId: state?.assigneeId ?? null,
        fieldId: draft?.field?.id ?? state?.fieldId ?? null,
        classification: classificationOf(draft),
        kind: draft?.kind ?? null,
        provenance: p
          ? {
              authorName: p.authorName,
              authorAddress: p.authorAddress,
              source: p.sourceReference,
              collectorName: p.collectorName,
              collectorAddress: p.collectorAddress,
            }
          : null,
        provenanceRequired: hasProvenance ? undefined : false,
        goLiveAt: state?.goLiveAt ?? null,
        expiresAt: state?.expiresAt ?? null,
        // Only citizens' questions may be discarded as spam (packages/workflow decides the rest).
        discardable: targetUid === QUESTION_UID,
      };
    },

    /** Runs one workflow action for a user (or the system), enforcing the rules of packages/workflow. */
    async transition(input: TransitionInput, user: AdminUser | null): Promise<ReviewState> {
      return (await self.run(input, user)).state;
    },

    /**
     * Strapi's own Publish (the button, bulk publish, any `documents.publish` from a request) is the
     * workflow's `approve`, with its refusals and every side effect; returns what `publish` returns.
     */
    async approveFromPublish(uid: string, documentId: string, user: AdminUser, publishParams: Record<string, unknown> = {}) {
      try {
        return (await self.run({ uid, documentId, action: 'approve' }, user, { via: 'publish-button', publishParams })).published;
      } catch (e) {
        const code = e instanceof errors.ApplicationError ? (e.details as { code?: string } | undefined)?.code : undefined;
        if (code === 'wrong-stage' || code === 'forbidden-role')
          throw new errors.ApplicationError(
            `Chỉ Trưởng ban biên tập được xuất bản, và chỉ tin, bài đã được kiểm tra. ${(e as Error).message}`,
            { code },
          );
        throw e;
      }
    },

    /** The one implementation of every action; `via` names the way in when it is not the panel. */
    async run(
      input: TransitionInput,
      user: AdminUser | null,
      opts: { via?: string; publishParams?: Record<string, unknown> } = {},
    ): Promise<{ state: ReviewState; published: Published | null }> {
      return serialised(async () => {
        const path = self.pathOf(input.uid);
        if (!path) throw new errors.ValidationError(`Loại nội dung ${input.uid} không thuộc quy trình biên tập.`);
        const draft = await self.loadDraft(input.uid, input.documentId);
        if (!draft) throw new errors.NotFoundError('Không tìm thấy tin, bài.');
        if (await getService(strapi, 'quarantine').openFor(input.uid, input.documentId))
          throw new errors.ApplicationError('Tài liệu đang bị cách ly (chờ xóa hẳn): không thao tác được.');
        const state =
          (await self.getState(input.uid, input.documentId)) ??
          (await self.saveState(input.uid, input.documentId, { stage: 'draft', authorId: draft.createdBy?.id ?? null }));
        // With no user, only a named system writer listed for this action (the scheduler: golive, expire).
        const writer = currentWriter();
        if (!user && !writerMayTransition(writer, input.action))
          throw new errors.ApplicationError(`Thao tác "${input.action}" không có người thực hiện hợp lệ: bị từ chối.`);
        const actor: Actor = user ? await toActor(strapi, user) : SYSTEM_ACTOR;
        const item = self.toItem(state, draft, input.uid);
        // Boards per site: refusals, and what the log records of an allowed exception (small boards).
        const siteMeta = user ? await siteScope(strapi).checkTransition(user, actor, input.uid, input.documentId, input.action) : {};
        if (input.action === 'assign' && input.assigneeId != null) {
          const assignee = await query<AdminUser>(strapi, 'admin::user').findOne({ where: { id: input.assigneeId }, populate: ['roles'] });
          if (!assignee?.roles?.some((r) => r.code === 'editor'))
            throw new errors.ValidationError('Người được giao phải là Biên tập viên.');
        }
        const decision = decide({
          action: input.action,
          stage: state.stage,
          path,
          actor,
          item,
          params: {
            comment: input.comment,
            assigneeId: input.assigneeId,
            goLiveAt: input.goLiveAt,
            expiresAt: input.expiresAt,
            royaltyGrade: input.royaltyGrade,
            now: new Date(),
          },
        });
        if (!decision.ok) {
          const { code, message } = decision as { code: string; message: string };
          throw new errors.ApplicationError(message, { code });
        }
        const to = (decision as { to: Stage }).to;
        const update: Partial<ReviewState> = { stage: to, lastComment: input.comment ?? null };
        if (input.action === 'assign') update.assigneeId = input.assigneeId ?? null;
        // Returning a scheduled item cancels its go-live (the panel would otherwise still show the time).
        if (input.action === 'return' && state.stage === 'scheduled') update.goLiveAt = null;
        if (input.action === 'submit') {
          update.assigneeId = null;
          if (state.authorId == null && user) update.authorId = user.id;
          await self.archive(input.uid, input.documentId, draft, user?.id ?? null);
        }
        if (input.action === 'approve') {
          update.goLiveAt = to === 'scheduled' ? new Date(input.goLiveAt as string).toISOString() : null;
          update.expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
          update.royaltyGrade = input.royaltyGrade ?? null;
          // What goes public is archived too when reviewers changed it after the submission.
          await self.archive(input.uid, input.documentId, draft, user?.id ?? null, { unlessSame: true });
        }
        const scope = { action: input.action, uid: input.uid, documentId: input.documentId };
        let published: Published | null = null;
        if (to === 'published' && (input.action === 'approve' || input.action === 'golive')) {
          published = await transitionScope.run(scope, () =>
            documents(strapi, input.uid).publish({ ...opts.publishParams, documentId: input.documentId }),
          );
          update.hasLive = true;
          if (input.action === 'golive') update.goLiveAt = null;
        }
        if (input.action === 'withdraw' || input.action === 'expire') {
          if (state.hasLive)
            await transitionScope.run(scope, () => documents(strapi, input.uid).unpublish({ documentId: input.documentId }));
          update.hasLive = false;
          update.goLiveAt = null;
          update.expiresAt = null;
        }
        // A discarded (spam) question keeps no personal data: its contact details go at once, every row.
        if (input.action === 'discard') {
          await query(strapi, input.uid).updateMany({
            where: { documentId: input.documentId },
            data: { askerPhone: null, askerEmail: null, askerAddress: null },
          });
        }
        const saved = await self.saveState(input.uid, input.documentId, update);
        await audit().record({
          target: { uid: input.uid, documentId: input.documentId },
          action: input.action,
          from: state.stage,
          to,
          actor: user
            ? { id: user.id, name: displayName(user), roles: actor.roles }
            : { id: null, name: SYSTEM_WRITERS[writer!].label, roles: actor.roles },
          comment: input.comment ?? null,
          meta: {
            ...(input.assigneeId != null ? { assigneeId: input.assigneeId } : {}),
            ...(input.goLiveAt ? { goLiveAt: input.goLiveAt } : {}),
            ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
            ...(input.royaltyGrade != null ? { royaltyGrade: input.royaltyGrade } : {}),
            ...(opts.via ? { via: opts.via } : {}),
            ...siteMeta,
          },
          content: draft,
        });
        // Mail goes out after the transition, outside its lock: a slow SMTP server never holds up the board.
        if (['assign', 'return', 'approve'].includes(input.action))
          setImmediate(
            () =>
              void getService(strapi, 'notify')
                .afterTransition(input, saved, user)
                .catch(() => undefined),
          );
        return { state: saved, published };
      });
    },

    /**
     * Writes one row of the append-only archive of originals (personal data left out). With `unlessSame`,
     * nothing is written when the item's latest archived original has the same content.
     */
    async archive(
      uid: string,
      documentId: string,
      content: Record<string, unknown> | null,
      submittedBy: number | null,
      opts: { unlessSame?: boolean; hash?: string } = {},
    ): Promise<void> {
      // The archive can never be emptied: nothing classified may enter it, whatever let it into the CMS.
      if (checkClassification({ classification: classificationOf(content) }))
        throw new errors.ValidationError(
          'Tin, bài, văn bản có độ mật (Mật, Tối mật, Tuyệt mật) không được gửi duyệt hay lưu bản gốc trên Cổng thông tin điện tử. Hãy báo quản trị hệ thống để gỡ tài liệu khỏi CMS.',
        );
      const hash = opts.hash ?? contentHash(content);
      if (opts.unlessSame) {
        const last = await query<{ contentHash: string }>(strapi, ORIGINAL).findOne({
          where: { targetUid: uid, targetDocumentId: documentId },
          orderBy: { id: 'desc' },
          select: ['contentHash'],
        });
        if (last?.contentHash === hash) return;
      }
      await strapi.db.query(ORIGINAL).create({
        data: {
          targetUid: uid,
          targetDocumentId: documentId,
          submittedBy,
          at: new Date().toISOString(),
          content: withoutPersonalData(uid, content),
          contentHash: hash,
        },
      });
    },

    /**
     * Receives an item from outside the admin (the citizens' question form, the e-mail intake) as the system: creates it
     * (in the plugin's system scope, so the guard lets this one create through although it runs inside
     * a public request), puts it at `submitted`, archives the original (personal data left out) and logs
     * `receive`. Serialised with transitions, so the audit chain never forks.
     */
    async receive(uid: string, data: Record<string, unknown>, info: ReceiveMeta): Promise<{ documentId: string; stage: Stage }> {
      if (!self.pathOf(uid)) throw new errors.ValidationError(`Loại nội dung ${uid} không thuộc quy trình biên tập.`);
      // One transaction: the item, its stage, the archived original and the log entry exist together or
      // not at all (and one commit instead of five).
      return serialised(() =>
        strapi.db.transaction(async () => {
          // The e-mail intake enters as its own writer (services/mail-intake.ts); the question form as this one.
          const create = () => documents(strapi, uid).create({ data });
          const created = currentWriter() === 'mail-intake' ? await create() : await runAs('question-intake', create);
          const documentId = created.documentId;
          const draft = await self.loadDraft(uid, documentId);
          await self.saveState(uid, documentId, {
            stage: 'submitted',
            authorId: info.authorId ?? null,
            assigneeId: null,
            fieldId: draft?.field?.id ?? null,
            hasLive: false,
            conversionNote: info.conversionNote ?? null,
          });
          await self.archive(uid, documentId, draft, info.authorId ?? null);
          if (info.original)
            await self.archive(uid, documentId, info.original.content, info.authorId ?? null, { hash: info.original.hash });
          await audit().record({
            target: { uid, documentId },
            action: 'receive',
            from: null,
            to: 'submitted',
            actor: { id: null, name: info.actorName, roles: [] },
            meta: info.meta ?? null,
            content: draft,
          });
          return { documentId, stage: 'submitted' as Stage };
        }),
      );
    },

    /** What the edit-view panel needs: stage, assignee, and the buttons this user may use. */
    async panel(uid: string, documentId: string, user: AdminUser) {
      const path = self.pathOf(uid);
      if (!path) return { inWorkflow: false };
      const [state, draft, actor] = await Promise.all([
        self.getState(uid, documentId),
        self.loadDraft(uid, documentId),
        toActor(strapi, user),
      ]);
      const stage: Stage = state?.stage ?? 'draft';
      const item = self.toItem(state, draft, uid);
      const actions = availableActions(stage, path, actor, item, new Date()).filter((a) => !SYSTEM_ACTIONS.includes(a));
      const assignee = state?.assigneeId
        ? await query<AdminUser>(strapi, 'admin::user').findOne({ where: { id: state.assigneeId } })
        : null;
      return {
        inWorkflow: true,
        path,
        stage,
        actions,
        ...editCheck(canEdit(stage, actor, item)),
        assignee: assignee ? { id: assignee.id, name: displayName(assignee) } : null,
        goLiveAt: state?.goLiveAt ?? null,
        expiresAt: state?.expiresAt ?? null,
        conversionNote: state?.conversionNote ?? null,
        history: await audit().history(uid, documentId),
      };
    },

    /** Items waiting for this user, with counts per stage. */
    async queue(user: AdminUser) {
      const actor = await toActor(strapi, user);
      const open = await states().findMany({
        where: { stage: { $notIn: ['published', 'withdrawn', 'discarded'] } },
        orderBy: { updatedAt: 'desc' },
        limit: 2000,
      });
      const waiting = open.filter((s) => {
        const path = self.pathOf(s.targetUid);
        return path && waitingFor(actor, s.stage, { authorId: s.authorId, assigneeId: s.assigneeId, fieldId: s.fieldId }, path);
      });
      // Only the items of this person's own site wait for them.
      const home = (await siteScope(strapi).homeOf(user.id)).id;
      const mine: ReviewState[] = [];
      for (const s of waiting) if ((await siteScope(strapi).siteOf(s.targetUid, { documentId: s.targetDocumentId })) === home) mine.push(s);
      const items = await Promise.all(
        mine.slice(0, 200).map(async (s) => {
          const doc = await documents(strapi, s.targetUid).findOne({ documentId: s.targetDocumentId, status: 'draft' });
          return {
            uid: s.targetUid,
            documentId: s.targetDocumentId,
            stage: s.stage,
            title: titleOf(doc) ?? s.targetDocumentId,
            updatedAt: s.updatedAt,
          };
        }),
      );
      const counts: Record<string, number> = {};
      for (const s of mine) counts[s.stage] = (counts[s.stage] ?? 0) + 1;
      return { total: mine.length, counts, items };
    },
  };
  return self;
};
