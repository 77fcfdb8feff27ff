import { getFetchClient, type StrapiApp } from '@strapi/strapi/admin';
import { WORKFLOW_UIDS } from './StageColumn';

type RBACMiddleware = Exclude<Parameters<StrapiApp['addRBACMiddleware']>[0], readonly unknown[]>;
interface Permission {
  action: string;
  subject?: string | null;
}

/** The edit view of one document (`…/collection-types/<uid>/<documentId>`; not create, not clone). */
const EDIT_VIEW = /\/content-manager\/collection-types\/([^/]+)\/([^/?]+)$/;
/** What an editable form needs; without them the Content Manager shows its own read-only form. */
const WRITES = ['update', 'delete', 'publish'].map((a) => `plugin::content-manager.explorer.${a}`);

// The Content Manager asks several times while one edit view mounts: one request per document.
let last: { key: string; at: number; editable: Promise<boolean> } | null = null;

function editable(uid: string, documentId: string): Promise<boolean> {
  const key = `${uid}/${documentId}`;
  if (last?.key === key && Date.now() - last.at < 3000) return last.editable;
  const request = getFetchClient()
    .get<{ data: { inWorkflow?: boolean; canEdit?: boolean } }>(`/editorial/panel/${uid}/${documentId}`)
    .then((r) => r.data.data.inWorkflow === false || r.data.data.canEdit === true)
    // Unknown: read-only (the server decides every save anyway).
    .catch(() => false);
  last = { key, at: Date.now(), editable: request };
  return request;
}

/**
 * The workflow decides per document who may edit it (stage, author, assignment), which Strapi's
 * permissions cannot express: for a document this user may not edit now, the edit view is checked
 * without the update, delete and publish permissions, so the Content Manager draws its read-only form
 * (fields disabled, no save). The editorial panel says why.
 */
export const readOnlyWhereRefused: RBACMiddleware = () => (next) => async (permissions) => {
  // The browser's address, not ctx.pathname: the admin updates that copy in an effect, after the edit view's
  // first permission check has already run with the previous page's path.
  const match = EDIT_VIEW.exec(window.location.pathname);
  const uid = match ? decodeURIComponent(match[1]) : '';
  const documentId = match?.[2] ?? '';
  if (!match || !WORKFLOW_UIDS.includes(uid) || documentId === 'create') return next(permissions);
  if (await editable(uid, documentId)) return next(permissions);
  return next(permissions.filter((p: Permission) => !(p.subject === uid && WRITES.includes(p.action))));
};
