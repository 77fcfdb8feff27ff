import type { Core } from '@strapi/strapi';
import { canRead, readScope, resolvePath, type Actor, type ReadScope, type WorkflowPath } from '@cong-ttdt/workflow';
import { type AdminUser, toActor } from './actor';

const STATE = 'plugin::editorial.review-state';

/** The RBAC condition on workflow types that limits reads and writes to the caller's read scope. */
export const READ_SCOPE_CONDITION = 'plugin::editorial.in-read-scope';

interface StateRow {
  targetDocumentId: string;
  authorId: number | null;
  assigneeId: number | null;
  fieldId: number | null;
}

interface ConditionProvider {
  register(condition: { displayName: string; name: string; plugin: string; handler: (user: ConditionUser) => unknown }): Promise<unknown>;
}
type ConditionUser = AdminUser & { permission?: { subject?: string | null } };

const paths = (strapi: Core.Strapi) => strapi.config.get('plugin::editorial.paths') as Record<string, WorkflowPath | null>;

/**
 * Document ids of one workflow type this actor may read, or `null` for all of them. The rule is
 * `readScope` of packages/workflow; this only turns it into a query on the review states.
 */
export async function readableIds(strapi: Core.Strapi, actor: Actor, uid: string): Promise<string[] | null> {
  const all = readScope(actor);
  if (all.all) return null;
  // Narrowed by hand: the plugin compiles without strictNullChecks, which discriminant narrowing needs.
  const scope = all as Extract<ReadScope, { all: false }>;
  const or: Record<string, unknown>[] = [];
  if (scope.authorId != null) or.push({ authorId: scope.authorId });
  if (scope.assigneeId != null) or.push({ assigneeId: scope.assigneeId });
  if (scope.fieldIds.length) or.push({ fieldId: { $in: [...scope.fieldIds] } });
  if (!or.length) return [];
  const rows = (await strapi.db.query(STATE).findMany({ where: { targetUid: uid, $or: or }, select: ['targetDocumentId'] })) as Array<
    Pick<StateRow, 'targetDocumentId'>
  >;
  return rows.map((r) => r.targetDocumentId);
}

/** May this user read this item (panel, history)? Items outside the workflow are Strapi's RBAC business. */
export async function mayRead(strapi: Core.Strapi, user: AdminUser, uid: string, documentId: string): Promise<boolean> {
  if (!resolvePath(uid, paths(strapi))) return true;
  const actor = await toActor(strapi, user);
  if (readScope(actor).all) return true;
  const state = (await strapi.db.query(STATE).findOne({ where: { targetUid: uid, targetDocumentId: documentId } })) as StateRow | null;
  return !!state && canRead(actor, state);
}

/** The refusal users read (controllers answer it with `ctx.forbidden`, which keeps the message). */
export const READ_REFUSAL = 'Bạn không được xem tin, bài này (không phải của bạn, không được giao và không thuộc lĩnh vực bạn phụ trách).';

/**
 * Registers the condition (plugin bootstrap, before the app's bootstrap assigns the roles: an unknown
 * condition is dropped there, and Strapi reads a permission whose conditions are all unknown as having none).
 * Evaluated per request: `true` for roles that read everything, else the document ids in scope.
 */
export async function registerReadScopeCondition(strapi: Core.Strapi): Promise<void> {
  const provider = (strapi.service('admin::permission') as { conditionProvider: ConditionProvider }).conditionProvider;
  await provider.register({
    displayName: 'Trong phạm vi được xem (của mình, được giao, thuộc lĩnh vực phụ trách)',
    name: 'in-read-scope',
    plugin: 'editorial',
    async handler(user: ConditionUser) {
      const uid = user.permission?.subject;
      if (!uid) return false;
      const ids = await readableIds(strapi, await toActor(strapi, user), uid);
      // What the user created counts as their own from the first response on: the condition is evaluated when
      // the request starts, before the new item's review state exists (else its create answer comes back empty).
      return ids === null ? true : { $or: [{ documentId: { $in: ids } }, { 'createdBy.id': user.id }] };
    },
  });
}
