import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { allowedOperations, canEdit, stageAfterEdit } from '@cong-ttdt/workflow';
import { requestUser, toActor } from './actor';
import { transitionScope } from './context';
import { mayRead } from './read-scope';
import { siteScope } from './site-scope';
import { assertWriterMayDocument, currentWriter } from './writers';
import { contentHash } from './services/audit';
import { documentIdOf, getService, query, onDocuments } from './seams';

const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const refuse = (message: string): never => {
  throw new errors.ApplicationError(message);
};

/**
 * Document Service middleware, first in line: a write to a portal type with no request behind it, or
 * made by a system writer inside one (the question intake), must come from a named system writer
 * allowed to do it (writers.ts); anything else is refused. Writes in a request are the guard's and
 * Strapi's permissions' business; the transition service's own publish/unpublish was decided there.
 */
export function registerWriterCheck(strapi: Core.Strapi): void {
  onDocuments(strapi, async ({ uid, action }, next) => {
    if (!WRITE_ACTIONS.has(action) || !uid.startsWith('api::') || transitionScope.getStore()) return next();
    if (requestUser(strapi).inRequest && !currentWriter()) return next();
    assertWriterMayDocument(uid, action);
    return next();
  });
}

/**
 * Document Service middleware: every write to a workflow type, from any path (Content Manager, bulk
 * actions, content API), is checked against the stage kept by the plugin. System writers were checked
 * by `registerWriterCheck`; their items start as drafts with no author.
 */
export function registerGuard(strapi: Core.Strapi): void {
  onDocuments(strapi, async ({ uid, action, params }, next) => {
    if (!WRITE_ACTIONS.has(action)) return next();
    const workflow = getService(strapi, 'workflow');
    const path = workflow.pathOf(uid);
    if (transitionScope.getStore()) return next(); // the transition service's own publish/unpublish
    const { user, inRequest } = requestUser(strapi);
    // A person's writes stay in their own site (site-scope.ts; a clone's source too); the site of a new row is never theirs to pick.
    if (inRequest && !currentWriter()) {
      if (params.data && typeof params.data === 'object') delete params.data.site;
      if (user && params.documentId && action !== 'create' && (!path || action !== 'publish'))
        await siteScope(strapi).assertSameSite(user, uid, params.documentId);
    }
    if (!path) return next();
    // An item in quarantine takes no write from anyone (edit, publish, discard, clone, delete) until it is
    // purged; the purge itself runs in the transition scope above.
    if (action !== 'create' && params.documentId && (await getService(strapi, 'quarantine').openFor(uid, params.documentId)))
      refuse('Tài liệu đang bị cách ly (chờ xóa hẳn): không được sửa, xuất bản, sao chép hay xóa.');
    // A named system writer (checked by registerWriterCheck): seeds, timers, the question intake.
    if (!inRequest || currentWriter()) {
      const result = await next();
      const created = documentIdOf(result);
      if ((action === 'create' || action === 'clone') && created && !(await workflow.getState(uid, created))) {
        await workflow.saveState(uid, created, { stage: 'draft', authorId: null });
      }
      return result;
    }
    if (!user) return refuse('Nội dung thuộc quy trình biên tập chỉ được thay đổi trong trang quản trị, theo quy trình duyệt.');
    const actor = await toActor(strapi, user);

    if (action === 'create' || action === 'clone') {
      if (!allowedOperations(actor, uid).includes('create')) refuse('Tài khoản của bạn không được tạo nội dung loại này.');
      // Strapi's clone reads its source without asking whether the caller may read it.
      if (action === 'clone' && !(await mayRead(strapi, user, uid, String(params.documentId ?? ''))))
        refuse('Bạn không được sao chép tin, bài mà bạn không được xem.');
      const result = await next();
      const documentId = documentIdOf(result);
      if (documentId) {
        const draft = await workflow.loadDraft(uid, documentId);
        await workflow.saveState(uid, documentId, {
          stage: 'draft',
          authorId: user.id,
          fieldId: draft?.field?.id ?? null,
          assigneeId: null,
          hasLive: false,
        });
        await noteConversion(strapi, uid, documentId);
      }
      return result;
    }

    const { documentId } = params;
    if (!documentId) return refuse('Thiếu mã tài liệu.');
    const draft = await workflow.loadDraft(uid, documentId);
    const state =
      (await workflow.getState(uid, documentId)) ??
      (await workflow.saveState(uid, documentId, {
        stage: draft?.publishedAt ? 'published' : 'draft',
        authorId: draft?.createdBy?.id ?? null,
        hasLive: false,
      }));
    const item = workflow.toItem(state, draft);

    if (action === 'update' || action === 'discardDraft') {
      const check = canEdit(state.stage, actor, item);
      if (!check.ok) refuse((check as { message: string }).message);
      const result = await next();
      const after = await workflow.loadDraft(uid, documentId);
      if (action === 'update') {
        const changed = contentHash(after) !== contentHash(draft);
        const stage = changed ? stageAfterEdit(state.stage) : state.stage;
        await workflow.saveState(uid, documentId, { stage, fieldId: after?.field?.id ?? state.fieldId ?? null });
        await noteConversion(strapi, uid, documentId);
      } else if (state.hasLive) {
        await workflow.saveState(uid, documentId, { stage: 'published' });
      }
      return result;
    }

    if (action === 'publish') {
      // The stock Publish button (single or bulk) is the workflow's approve: same refusals, same effects.
      return workflow.approveFromPublish(uid, documentId, user, params);
    }

    if (action === 'unpublish')
      refuse('Dùng nút "Gỡ bài" trong khung Biên tập để gỡ tin, bài (phải ghi lý do); chỉ Trưởng ban biên tập được gỡ.');
    if (action === 'delete') {
      // One rule, in packages/workflow (permissions.ts): nobody deletes workflow items by hand.
      if (!allowedOperations(actor, uid).includes('delete')) {
        refuse(
          'Không được xóa nội dung trong quy trình biên tập: hãy dùng "Gỡ bài" (tin, bài đã xuất bản) hoặc "Loại bỏ" (câu hỏi rác) để lưu vết.',
        );
      }
      const result = await next();
      await query(strapi, 'plugin::editorial.review-state').delete({ where: { id: state.id } });
      return result;
    }
    return next();
  });
}

/** Tells the editor (panel note) when legacy-encoded text was converted on save. */
async function noteConversion(strapi: Core.Strapi, uid: string, documentId: string) {
  const fields = getService(strapi, 'conversionNotes').take(uid, documentId);
  if (!fields) return;
  await getService(strapi, 'workflow').saveState(uid, documentId, {
    conversionNote: `Đã tự động chuyển mã TCVN3/VNI sang Unicode (TCVN 6909:2001) ở trường: ${fields.join(', ')} — lúc ${new Date().toISOString()}. Hãy kiểm tra lại nội dung.`,
  });
}
