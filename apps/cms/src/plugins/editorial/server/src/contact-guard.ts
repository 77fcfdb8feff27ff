import type { Core } from '@strapi/strapi';
import { displayName } from './actor';
import { CONTACT_FIELDS, CONTACT_READERS } from './roles-access';

const QUESTION = 'api::question.question';

type Row = Record<string, any>;

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

  const mayRead = async (user: any, documentId: string): Promise<boolean> => {
    const codes: string[] = (user.roles ?? []).map((r: any) => r.code);
    if (codes.some((c) => CONTACT_READERS.includes(c))) return true;
    if (!codes.includes('editor')) return false;
    const state = (await strapi.db
      .query('plugin::editorial.review-state')
      .findOne({ where: { targetUid: QUESTION, targetDocumentId: documentId }, select: ['assigneeId'] })) as { assigneeId?: number } | null;
    return state?.assigneeId === user.id;
  };

  strapi.documents.use(async (context, next) => {
    const { uid, action } = context as { uid: string; action: string };
    if (uid !== QUESTION) return next();
    const ctx = strapi.requestContext.get() as any;
    const user = ctx?.state?.user;
    if (!user || !String(ctx?.request?.path ?? '').startsWith('/content-manager/')) return next();
    const params = (context as any).params ?? {};
    // Whoever may not read them may not change them either (an empty form field would erase them).
    if (params.data && params.documentId && !(await mayRead(user, params.documentId))) {
      for (const f of CONTACT_FIELDS) delete params.data[f];
    }
    const result = (await next()) as any;
    if (!result || typeof result !== 'object') return result;
    if (Array.isArray(result)) {
      for (const row of result) if (row && typeof row === 'object') strip(row);
      return result;
    }
    const rows: Row[] = Array.isArray(result.entries) ? result.entries : result.documentId ? [result] : [];
    for (const row of rows) {
      const fields = present(row);
      if (!fields.length) continue;
      if (!(await mayRead(user, row.documentId))) {
        strip(row);
        continue;
      }
      await strapi
        .plugin('editorial')
        .service('audit')
        .record({
          target: { uid: QUESTION, documentId: row.documentId },
          action: 'contact-read',
          from: null,
          to: 'contact-read',
          actor: { id: user.id, name: displayName(user), roles: (user.roles ?? []).map((r: any) => r.code) },
          meta: { fields, action, path: ctx.request.path },
        });
    }
    return result;
  });
}
