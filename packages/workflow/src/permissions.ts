import { DEFAULT_WORKFLOW_PATHS, type RoleCode } from './constants.js';
import type { Actor } from './types.js';
import { isSystemActor } from './workflow.js';

/**
 * Content-type permissions that hold regardless of workflow stage (Strapi RBAC layer).
 * For workflow types, "update" is further limited per item by canEdit(); publishing only happens through decide().
 */
export const CRUD_OPERATIONS = ['read', 'create', 'update', 'delete'] as const;
export type CrudOperation = (typeof CRUD_OPERATIONS)[number];

export type ContentPermissionMap = Readonly<Record<string, Readonly<Partial<Record<RoleCode, readonly CrudOperation[]>>>>>;

const R: readonly CrudOperation[] = ['read'];
const RCU: readonly CrudOperation[] = ['read', 'create', 'update'];
const CRUD: readonly CrudOperation[] = ['read', 'create', 'update', 'delete'];

// Nobody deletes workflow items by hand: published content is withdrawn (Gỡ bài) so the audit trail stays.
const WORKFLOW_TYPE = { contributor: RCU, 'portal-admin': RCU, editor: RCU, 'editor-in-chief': RCU, inspector: R } as const;
// Portal administration data: managed by Quản trị cổng, readable by reviewers and the inspector.
const ADMIN_TYPE = { 'portal-admin': CRUD, editor: R, 'editor-in-chief': R, inspector: R } as const;
// Types a contributor's items point to (lĩnh vực, đơn vị, cơ quan of a schedule): the Content Manager's
// relation picker shows a target's name only to users who may read it, the document id otherwise.
const REFERENCE_TYPE = { ...ADMIN_TYPE, contributor: R } as const;

/** Default map; content type UIDs other than the workflow ones are placeholders the CMS may rename. */
export const DEFAULT_CONTENT_PERMISSIONS: ContentPermissionMap = {
  ...Object.fromEntries(Object.keys(DEFAULT_WORKFLOW_PATHS).map((uid) => [uid, WORKFLOW_TYPE])),
  'api::link.link': ADMIN_TYPE,
  'api::unit.unit': REFERENCE_TYPE,
  'api::field.field': REFERENCE_TYPE,
  'api::site-setting.site-setting': { ...ADMIN_TYPE, 'strapi-super-admin': CRUD },
  'api::board.board': REFERENCE_TYPE,
  // Sites (and their small-board setting) are the system administrator's: a board never widens its own rules.
  'api::site.site': { contributor: R, 'portal-admin': R, editor: R, 'editor-in-chief': R, inspector: R, 'strapi-super-admin': CRUD },
};

/** Operations the actor may perform on a content type (union over roles). Unknown types: none (deny by default). */
export function allowedOperations(
  actor: Actor,
  contentType: string,
  map: ContentPermissionMap = DEFAULT_CONTENT_PERMISSIONS,
): CrudOperation[] {
  if (isSystemActor(actor)) return [...CRUD_OPERATIONS];
  const entry = Object.hasOwn(map, contentType) ? map[contentType] : undefined;
  if (!entry) return [];
  const roles = Array.isArray(actor?.roles) ? actor.roles : [];
  const ops = new Set<CrudOperation>();
  for (const role of roles) {
    const granted = Object.hasOwn(entry, role) ? entry[role as RoleCode] : undefined;
    for (const op of granted ?? []) ops.add(op);
  }
  return CRUD_OPERATIONS.filter((op) => ops.has(op));
}

export function canOnContentType(
  actor: Actor,
  contentType: string,
  operation: CrudOperation,
  map: ContentPermissionMap = DEFAULT_CONTENT_PERMISSIONS,
): boolean {
  return allowedOperations(actor, contentType, map).includes(operation);
}
