import type { Core } from '@strapi/strapi';
import { displayName } from './actor';
import type { AdminUser } from './actor';
import { CONTACT_FIELDS, CONTACT_READERS } from './roles-access';
import { currentRequest, getService, query, roleCodes, onDocuments } from './seams';

const QUESTION = 'api::question.question';

type Row = Record<string, unknown>;
const isRow = (v: unknown): v is Row => !!v && typeof v === 'object';

/**
 * Askers' contact details (phone, e-mail, address) in the admin: never in lists; in one question only
 * for the portal administrator, the editor-in-chief, the inspector and the editor it is assigned to,
 * and each such read is written to the audit log (who, which question, when: personal data law).
 * Other callers get the question without them and cannot overwrite them. Only Content Manager
 * requests are concerned: the plugin's own reads (notifications, erasure) are not reads by a person.
 */
export function registerContactGuard(strapi: Core.Strapi): void {
  const present = (row: Row) => CONTACT_FIELDS.filter((f) => row[f] != null && row[f] !== '');
  const strip = (row: Row) => {
    for (const f of CONTACT_FIELDS) if (f in row) row[f] = null;
  };

  const mayRead = async (user: AdminUser, documentId: string): Promise<boolean> => {
    const codes = roleCodes(user);
    if (codes.some((c) => CONTACT_READERS.includes(c))) return true;
    if (!codes.includes('editor')) return false;
    const state = await query<{ assigneeId?: number }>(strapi, 'plugin::editorial.review-state').findOne({
      where: { targetUid: QUESTION, targetDocumentId: documentId },
      select: ['assigneeId'],
    });
    return state?.assigneeId === user.id;
  };

  onDocuments(strapi, async ({ uid, action, params }, next) => {
    if (uid !== QUESTION) return next();
    const ctx = currentRequest(strapi);
    const user = ctx?.state?.user;
    if (!ctx || !user || !String(ctx.request?.path ?? '').startsWith('/content-manager/')) return next();
    // Whoever may not read them may not change them either (an empty form field would erase them).
    if (params.data && params.documentId && !(await mayRead(user, params.documentId))) {
      for (const f of CONTACT_FIELDS) delete params.data[f];
    }
    const result = await next();
    if (!isRow(result)) return result;
    if (Array.isArray(result)) {
      for (const row of result) if (isRow(row)) strip(row);
      return result;
    }
    const rows: Row[] = Array.isArray(result.entries) ? result.entries : result.documentId ? [result] : [];
    for (const row of rows) {
      const fields = present(row);
      if (!fields.length) continue;
      const documentId = String(row.documentId);
      if (!(await mayRead(user, documentId))) {
        strip(row);
        continue;
      }
      await getService(strapi, 'audit').record({
        target: { uid: QUESTION, documentId },
        action: 'contact-read',
        from: null,
        to: 'contact-read',
        actor: { id: user.id, name: displayName(user), roles: roleCodes(user) },
        meta: { fields, action, path: ctx.request.path },
      });
    }
    return result;
  });
}
