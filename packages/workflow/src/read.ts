import { AUTHOR_ROLES, type RoleCode } from './constants.js';
import type { Actor, Id, WorkflowItem } from './types.js';
import { hasRole, isSystemActor, sameId } from './workflow.js';

/** Roles that read every workflow item (they receive, approve or inspect whatever is in the pipeline). */
export const READ_ALL_ROLES: readonly RoleCode[] = ['portal-admin', 'editor-in-chief', 'inspector', 'strapi-super-admin'];

/**
 * Which workflow items an actor reads (Content Manager lists and reads, the editorial panel and history):
 * `all`, or the items they wrote (`authorId`), those assigned to them (`assigneeId`) and those in one of
 * their fields (`fieldIds`). Contributors: their own; field editors: their own, assigned, in their
 * fields; finance and unknown roles: nothing (deny by default).
 */
export type ReadScope = { all: true } | { all: false; authorId: Id | null; assigneeId: Id | null; fieldIds: readonly Id[] };

export function readScope(actor: Actor): ReadScope {
  if (isSystemActor(actor) || READ_ALL_ROLES.some((r) => hasRole(actor, r))) return { all: true };
  const author = AUTHOR_ROLES.some((r) => hasRole(actor, r));
  const editor = hasRole(actor, 'editor');
  const fieldIds = editor && Array.isArray(actor.fieldIds) ? actor.fieldIds : [];
  return { all: false, authorId: author ? actor.id : null, assigneeId: editor ? actor.id : null, fieldIds };
}

/** May this actor read this item? The same rule as `readScope`, for one item. */
export function canRead(actor: Actor, item: WorkflowItem): boolean {
  const scope = readScope(actor);
  if (scope.all) return true;
  return (
    (scope.authorId != null && sameId(scope.authorId, item?.authorId)) ||
    (scope.assigneeId != null && sameId(scope.assigneeId, item?.assigneeId)) ||
    scope.fieldIds.some((f) => sameId(f, item?.fieldId))
  );
}
