// The route matrix (issue 17): one row per route the running Strapi registers (admin, content API, every
// plugin), named exactly as `strapi routes:list` prints it ("METHODS path"), no wildcard rows. Each row
// names a rule; what each role gets is derived from the rules themselves (packages/workflow: content
// permissions, read scope, transitions, route access and admin grants), for every role and, on routes about one item, for an own item and
// another's at each stage. route-inventory.test.ts (anonymous) and route-matrix.test.ts (every role) call
// every route; docs/route-matrix.md
// is generated from this file (`node scripts/generate-route-matrix.ts`; a unit test fails when stale).
//   allowed — it works (2xx); on rows marked `loose` (called with an empty body or an unknown id, so
//             nothing real changes) it gets past every permission check: not 401/403, not 5xx;
//   refused — 401 or 403, and no change in the database;
//   denied  — another 4xx from the workflow's rules (wrong stage, not the author…), no change either;
//   public  — no account needed; an empty request never fails with 5xx nor changes the database;
//   n/a     — no such case (health check, static files; an own item for a role that writes none).
// The built packages (node runs this file directly: scripts/generate-route-matrix.ts).
import {
  AUDIT_VERIFIERS,
  BOARD_READERS,
  PROFILE_MANAGERS,
  PURGE_ROLES,
  allowedOperations,
  canEdit,
  canRead,
  decide,
  extraGrants,
  readScope,
  type Actor,
  type Stage,
  type WorkflowItem,
} from '../../packages/workflow/dist/index.js';
import { reportAccess } from '../../packages/workflow/dist/reports.js';

export type Outcome = 'allowed' | 'refused' | 'denied' | 'public' | 'n/a';

/** Who calls: no account, then one account per role (the test accounts of tests/setup/cms.ts). */
export const ROLES = [
  'anonymous',
  'contributor',
  'portal-admin',
  'editor',
  'editor-in-chief',
  'inspector',
  'finance',
  'strapi-super-admin',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The dimensions of an item route's target. Add one here (e.g. a site: same, another) and give the
 * fixtures and `itemOf` its meaning; every item row is then called for each combination.
 */
export const DIMENSIONS = {
  owner: ['own', 'another'],
  stage: ['draft', 'submitted', 'assigned', 'verified', 'published'],
} as const satisfies Record<string, readonly string[]>;
export type Target = { [K in keyof typeof DIMENSIONS]: (typeof DIMENSIONS)[K][number] };

export const TARGETS: Target[] = DIMENSIONS.owner.flatMap((owner) => DIMENSIONS.stage.map((stage) => ({ owner, stage })));

/** The type item routes are called on (`:model`, `:uid`): a workflow type on the full path. */
export const ITEM_UID = 'api::article.article';
/** Roles that write items; the others have no "own" item. */
export const AUTHORS: readonly Role[] = ['contributor', 'portal-admin', 'editor', 'editor-in-chief'];
/** Whose item is "another's" for this role. */
export const otherAuthor = (role: Role): Role => (role === 'contributor' ? 'portal-admin' : 'contributor');
/** The author of a target for this role, or null when the role has no such item. */
export function authorOf(role: Role, target: Target): Role | null {
  const author = target.owner === 'own' ? (AUTHORS.includes(role) ? role : null) : otherAuthor(role);
  // Nobody approves their own item: the editor-in-chief's own item never reaches `published`.
  if (author === 'editor-in-chief' && target.stage === 'published') return null;
  return author;
}

/** The fixtures as the rules see them: ids are role names; assigned items go to the test editor (no fields). */
export function itemOf(author: Role, stage: Stage): WorkflowItem {
  return {
    authorId: author,
    assigneeId: ['assigned', 'verified', 'published'].includes(stage) ? 'editor' : null,
    fieldId: null,
    classification: 'thuong',
    kind: 'original',
    provenance: { authorName: 'Nguyễn Văn A', authorAddress: 'Khóm 1, thị trấn Hòa Bình' },
  };
}
const actorOf = (role: Role): Actor => ({ id: role, roles: role === 'anonymous' ? [] : [role], fieldIds: [] });

/** The workflow action the transition route is called with at each stage. */
export const NEXT_ACTION = {
  draft: 'submit',
  submitted: 'assign',
  assigned: 'verify',
  verified: 'approve',
  published: 'withdraw',
} as const;

type CmOp = 'read' | 'create' | 'update' | 'delete' | 'publish';
type ItemOp =
  | 'read'
  | 'update'
  | 'delete'
  | 'publish'
  | 'unpublish'
  | 'discard'
  | 'clone'
  | 'auto-clone'
  | 'bulk-delete'
  | 'bulk-publish'
  | 'bulk-unpublish';
type ReportNeed = 'any' | 'summary' | 'royalty' | 'export' | 'editRates';

export type Rule =
  | { rule: 'n/a'; why: string }
  | { rule: 'open' }
  | { rule: 'public' }
  | { rule: 'content-api' }
  | { rule: 'signed-in' }
  | { rule: 'super-admin' }
  | { rule: 'needs'; action: string }
  | { rule: 'nobody' }
  | { rule: 'board' }
  | { rule: 'board-item' }
  | { rule: 'transition' }
  | { rule: 'audit-verify' }
  | { rule: 'profiles' }
  | { rule: 'purge-roles' }
  | { rule: 'reports'; need: ReportNeed }
  | { rule: 'cm'; op: CmOp; uid?: string }
  | { rule: 'cm-item'; op: ItemOp };

/** `noDrafts`: a draft action on a type without drafts (denied to whoever holds the permission). */
export type Row = Rule & { loose?: boolean; note?: string; noDrafts?: boolean };

const NA = (why: string): Row => ({ rule: 'n/a', why });
/** `auth: false` routes: the same for everyone, account or not. */
const OPEN: Row = { rule: 'open' };
/** The public read API: no account needed; an admin's token is not a content-API token (refused). */
const PUBLIC: Row = { rule: 'public' };
/** Content-API routes nobody reaches: no public permission, and an admin's token is not a content-API token. */
const CONTENT_API: Row = { rule: 'content-api' };
const SIGNED_IN: Row = { rule: 'signed-in', loose: true };
/** Strapi's own administration (users, roles, tokens, webhooks, settings): actions no board role holds. */
const SUPER: Row = { rule: 'super-admin', loose: true };
/** Super Admin's settings writes: called for every other role (refused), not as Super Admin (it would change what the suite stands on). */
const SUPER_SETTINGS: Row = { ...SUPER, note: 'not called when allowed: it would change settings the suite relies on' };
const NOBODY: Row = { rule: 'nobody' };
const BOARD: Row = { rule: 'board' };
const BOARD_ITEM: Row = { rule: 'board-item' };
const TRANSITION: Row = { rule: 'transition' };
const AUDIT_VERIFY: Row = { rule: 'audit-verify' };
const PROFILES: Row = { rule: 'profiles', loose: true };
/** Quarantine and purge (called with an empty body or an unknown id: quarantine.test.ts does the real thing). */
const PURGE: Row = { rule: 'purge-roles', loose: true };
const needs = (action: string): Row => ({ rule: 'needs', action, loose: true });
const reports = (need: ReportNeed): Row => ({ rule: 'reports', need, loose: need === 'editRates' });
const cm = (op: CmOp, uid?: string): Row => ({ rule: 'cm', op, uid, loose: true });
const cmItem = (op: ItemOp): Row => ({ rule: 'cm-item', op, loose: op === 'auto-clone' });

/** Does this role hold this Strapi admin action? Super Admin holds every action. */
export function holds(role: Role, action: string): boolean {
  if (role === 'anonymous') return false;
  if (role === 'strapi-super-admin') return true;
  return extraGrants(role).some((g) => g.action === action);
}

/** Content Manager permission on a type (packages/workflow's map; the Publish button: the editor-in-chief). */
export function cmHolds(role: Role, op: CmOp, uid = ITEM_UID): boolean {
  if (role === 'anonymous') return false;
  if (role === 'strapi-super-admin') return true;
  // Publish: the editor-in-chief on workflow types; the other type of this table (site settings) has no drafts.
  if (op === 'publish') return uid === ITEM_UID && role === 'editor-in-chief';
  return allowedOperations(actorOf(role), uid).includes(op);
}

/** What `role` gets from a row (for item rules, on `target`); 'n/a' when the role has no such target. */
export function expected(row: Row, role: Role, target?: Target): Outcome {
  if (row.rule === 'n/a') return 'n/a';
  if (row.rule === 'open') return 'public';
  if (row.rule === 'public') return role === 'anonymous' ? 'public' : 'refused';
  const itemRow = row.rule === 'board-item' || row.rule === 'transition' || row.rule === 'cm-item';
  if (itemRow && (!target || !authorOf(role, target))) return 'n/a';
  if (role === 'anonymous') return 'refused';
  const actor = actorOf(role);
  const board = BOARD_READERS.includes(role);
  switch (row.rule) {
    case 'content-api':
    case 'nobody':
      return 'refused';
    case 'signed-in':
      return 'allowed';
    case 'super-admin':
      return role === 'strapi-super-admin' ? 'allowed' : 'refused';
    case 'needs':
      return holds(role, row.action) ? 'allowed' : 'refused';
    case 'board':
      return board ? 'allowed' : 'refused';
    case 'audit-verify':
      return AUDIT_VERIFIERS.includes(role) ? 'allowed' : 'refused';
    case 'profiles':
      return PROFILE_MANAGERS.includes(role) ? 'allowed' : 'refused';
    case 'purge-roles':
      return PURGE_ROLES.includes(role) ? 'allowed' : 'refused';
    case 'reports': {
      const a = reportAccess(actor.roles);
      const ok = {
        any: a.summary || a.royalty !== 'none',
        summary: a.summary,
        royalty: a.royalty !== 'none',
        export: a.summary || a.royalty !== 'none',
        editRates: a.editRates,
      }[row.need];
      return ok ? 'allowed' : 'refused';
    }
    case 'cm':
      if (!cmHolds(role, row.op, row.uid)) return 'refused';
      if (row.noDrafts) return 'denied';
      if (row.op === 'create' && row.uid === undefined && !allowedOperations(actor, ITEM_UID).includes('create')) return 'denied';
      return 'allowed';
    default:
      break;
  }
  const author = target ? authorOf(role, target) : null;
  if (!target || !author) return 'n/a';
  const item = itemOf(author, target.stage);
  const stage = target.stage as Stage;
  const readable = canRead(actor, item);
  switch (row.rule) {
    case 'board-item':
      return board && readable ? 'allowed' : 'refused';
    case 'transition': {
      if (!board) return 'refused';
      const d = decide({
        action: NEXT_ACTION[target.stage],
        stage,
        path: 'full',
        actor,
        item,
        params: { comment: 'Lý do', assigneeId: 'editor' },
      });
      return d.ok ? 'allowed' : 'denied';
    }
    case 'cm-item':
      return cmItemOutcome(row.op, role, actor, item, stage, readable);
  }
  return 'n/a';
}

function cmItemOutcome(op: ItemOp, role: Role, actor: Actor, item: WorkflowItem, stage: Stage, readable: boolean): Outcome {
  // The Content Manager's own check first (permission and, for scoped roles, the read-scope condition).
  const scoped = !readScope(actor).all;
  const inScope = !scoped || readable;
  switch (op) {
    case 'read':
      return cmHolds(role, 'read') && inScope ? 'allowed' : 'refused';
    case 'update':
    case 'discard': {
      if (!cmHolds(role, 'update')) return 'refused';
      // Discarding a draft needs a live version to go back to: without one Strapi answers 404 before any other check.
      if (op === 'discard' && stage !== 'published') return 'denied';
      if (!inScope) return 'refused';
      return canEdit(stage, actor, item).ok ? 'allowed' : 'denied';
    }
    case 'delete':
    case 'bulk-delete':
      return cmHolds(role, 'delete') ? 'denied' : 'refused';
    case 'publish':
    case 'bulk-publish': {
      if (!cmHolds(role, 'publish')) return 'refused';
      return decide({ action: 'approve', stage, path: 'full', actor, item, params: {} }).ok ? 'allowed' : 'denied';
    }
    case 'unpublish':
    case 'bulk-unpublish':
      return cmHolds(role, 'publish') ? 'denied' : 'refused';
    case 'clone':
    case 'auto-clone':
      if (!cmHolds(role, 'create')) return 'refused';
      return allowedOperations(actor, ITEM_UID).includes('create') && readable ? 'allowed' : 'denied';
  }
}

export const ROUTES: Record<string, Row> = {
  'HEAD|ACL|BIND|CHE… /_health': NA('health check'),
  'HEAD|GET /admin/:path*': NA('the admin’s static files'),
  'HEAD|GET /uploads/(.*)': NA('uploaded files, public by URL'),
  'HEAD|GET /': NA('the admin’s or the site’s static files'),
  'HEAD|GET /((?!uploads/).+)': NA('the admin’s static files'),
  'HEAD|GET /api/articles': PUBLIC,
  'HEAD|GET /api/articles/:id': PUBLIC,
  'POST /api/articles': CONTENT_API,
  'PUT /api/articles/:id': CONTENT_API,
  'DELETE /api/articles/:id': CONTENT_API,
  'HEAD|GET /api/article-totals': PUBLIC,
  'HEAD|GET /api/boards': PUBLIC,
  'HEAD|GET /api/boards/:id': PUBLIC,
  'POST /api/boards': CONTENT_API,
  'PUT /api/boards/:id': CONTENT_API,
  'DELETE /api/boards/:id': CONTENT_API,
  'HEAD|GET /api/contacts': PUBLIC,
  'HEAD|GET /api/contacts/:id': PUBLIC,
  'POST /api/contacts': CONTENT_API,
  'PUT /api/contacts/:id': CONTENT_API,
  'DELETE /api/contacts/:id': CONTENT_API,
  'HEAD|GET /api/documents': PUBLIC,
  'HEAD|GET /api/documents/:id': PUBLIC,
  'POST /api/documents': CONTENT_API,
  'PUT /api/documents/:id': CONTENT_API,
  'DELETE /api/documents/:id': CONTENT_API,
  'HEAD|GET /api/fields': PUBLIC,
  'HEAD|GET /api/fields/:id': PUBLIC,
  'POST /api/fields': CONTENT_API,
  'PUT /api/fields/:id': CONTENT_API,
  'DELETE /api/fields/:id': CONTENT_API,
  'HEAD|GET /api/links': PUBLIC,
  'HEAD|GET /api/links/:id': PUBLIC,
  'POST /api/links': CONTENT_API,
  'PUT /api/links/:id': CONTENT_API,
  'DELETE /api/links/:id': CONTENT_API,
  'HEAD|GET /api/pages': PUBLIC,
  'HEAD|GET /api/pages/:id': PUBLIC,
  'POST /api/pages': CONTENT_API,
  'PUT /api/pages/:id': CONTENT_API,
  'DELETE /api/pages/:id': CONTENT_API,
  'HEAD|GET /api/procedures': PUBLIC,
  'HEAD|GET /api/procedures/:id': PUBLIC,
  'POST /api/procedures': CONTENT_API,
  'PUT /api/procedures/:id': CONTENT_API,
  'DELETE /api/procedures/:id': CONTENT_API,
  'POST /api/questions/submit': OPEN,
  'HEAD|GET /api/questions/challenge': OPEN,
  'HEAD|GET /api/questions/status/:code': OPEN,
  'HEAD|GET /api/questions': PUBLIC,
  'HEAD|GET /api/questions/:id': PUBLIC,
  'POST /api/questions': CONTENT_API,
  'PUT /api/questions/:id': CONTENT_API,
  'DELETE /api/questions/:id': CONTENT_API,
  'HEAD|GET /api/revision': PUBLIC,
  'HEAD|GET /api/schedules': PUBLIC,
  'HEAD|GET /api/schedules/:id': PUBLIC,
  'POST /api/schedules': CONTENT_API,
  'PUT /api/schedules/:id': CONTENT_API,
  'DELETE /api/schedules/:id': CONTENT_API,
  'HEAD|GET /api/site-setting': PUBLIC,
  'PUT /api/site-setting': CONTENT_API,
  'DELETE /api/site-setting': CONTENT_API,
  'HEAD|GET /api/sites': PUBLIC,
  'HEAD|GET /api/sites/:id': PUBLIC,
  'POST /api/sites': CONTENT_API,
  'PUT /api/sites/:id': CONTENT_API,
  'DELETE /api/sites/:id': CONTENT_API,
  // The province's aggregated items with their origin (issue 28): `auth: false`, the same for everyone
  // (an admin's token is not looked at, unlike the rest of the content API).
  'HEAD|GET /api/editorial/aggregated/:site': OPEN,
  'HEAD|GET /api/units': PUBLIC,
  'HEAD|GET /api/units/:id': PUBLIC,
  'POST /api/units': CONTENT_API,
  'PUT /api/units/:id': CONTENT_API,
  'DELETE /api/units/:id': CONTENT_API,
  'HEAD|GET /api/content-type-builder/content-types': CONTENT_API,
  'HEAD|GET /api/content-type-builder/content-types/:uid': CONTENT_API,
  'HEAD|GET /api/content-type-builder/components': CONTENT_API,
  'HEAD|GET /api/content-type-builder/components/:uid': CONTENT_API,
  'POST /api/email': CONTENT_API,
  'POST /api/upload': CONTENT_API,
  'HEAD|GET /api/upload/files': CONTENT_API,
  'HEAD|GET /api/upload/files/page': CONTENT_API,
  'HEAD|GET /api/upload/files/:id': CONTENT_API,
  'DELETE /api/upload/files/:id': CONTENT_API,
  'HEAD|GET /api/i18n/locales': CONTENT_API,
  'HEAD|GET /api/connect/(.*)': PUBLIC,
  'POST /api/auth/local': PUBLIC,
  'POST /api/auth/local/register': PUBLIC,
  'HEAD|GET /api/auth/:provider/callback': PUBLIC,
  'POST /api/auth/forgot-password': PUBLIC,
  'POST /api/auth/reset-password': PUBLIC,
  'HEAD|GET /api/auth/email-confirmation': PUBLIC,
  'POST /api/auth/send-email-confirmation': PUBLIC,
  'POST /api/auth/change-password': PUBLIC,
  'POST /api/auth/refresh': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'HEAD|GET /api/auth/sessions': PUBLIC,
  'DELETE /api/auth/sessions/:sessionId': PUBLIC,
  'HEAD|GET /api/users/count': CONTENT_API,
  'HEAD|GET /api/users': CONTENT_API,
  'HEAD|GET /api/users/me': CONTENT_API,
  'HEAD|GET /api/users/:id': CONTENT_API,
  'POST /api/users': CONTENT_API,
  'PUT /api/users/:id': CONTENT_API,
  'DELETE /api/users/:id': CONTENT_API,
  'HEAD|GET /api/users-permissions/roles/:id': CONTENT_API,
  'HEAD|GET /api/users-permissions/roles': CONTENT_API,
  'POST /api/users-permissions/roles': CONTENT_API,
  'PUT /api/users-permissions/roles/:role': CONTENT_API,
  'DELETE /api/users-permissions/roles/:role': CONTENT_API,
  'HEAD|GET /api/users-permissions/permissions': CONTENT_API,
  'HEAD|GET /admin/init': OPEN,
  'HEAD|GET /admin/project-settings': SUPER,
  'POST /admin/project-settings': SUPER_SETTINGS,
  'HEAD|GET /admin/project-type': OPEN,
  'HEAD|GET /admin/information': SIGNED_IN,
  'HEAD|GET /admin/telemetry-properties': SIGNED_IN,
  'HEAD|GET /admin/plugins': SUPER,
  // The paid edition's trial (asks Strapi's licence server, fails offline): locked (route-locks.ts).
  'HEAD|GET /admin/license-trial-time-left': NOBODY,
  'HEAD|GET /admin/guided-tour-meta': SIGNED_IN,
  'POST /admin/login': OPEN,
  'POST /admin/access-token': OPEN,
  'POST /admin/register-admin': OPEN,
  'HEAD|GET /admin/registration-info': OPEN,
  'POST /admin/register': OPEN,
  'POST /admin/forgot-password': OPEN,
  'POST /admin/reset-password': OPEN,
  'POST /admin/logout': OPEN,
  // The catalogue of admin actions (the Roles page): Strapi only asks for a session; route-locks.ts.
  'HEAD|GET /admin/permissions': SUPER,
  'POST /admin/permissions/check': SIGNED_IN,
  'HEAD|GET /admin/users/me': SIGNED_IN,
  'PUT /admin/users/me': SIGNED_IN,
  'HEAD|GET /admin/users/me/permissions': SIGNED_IN,
  'HEAD|GET /admin/users/me/sessions': SIGNED_IN,
  'DELETE /admin/users/me/sessions': SIGNED_IN,
  'DELETE /admin/users/me/sessions/:sessionId': SIGNED_IN,
  'POST /admin/users': SUPER,
  'HEAD|GET /admin/users': SUPER,
  'HEAD|GET /admin/users/:id': SUPER,
  'PUT /admin/users/:id': SUPER,
  'DELETE /admin/users/:id': SUPER,
  'POST /admin/users/batch-delete': SUPER,
  'HEAD|GET /admin/roles/:id/permissions': SUPER,
  'PUT /admin/roles/:id/permissions': SUPER,
  'HEAD|GET /admin/roles/:id': SUPER,
  'HEAD|GET /admin/roles': SUPER,
  'POST /admin/roles': SUPER,
  'PUT /admin/roles/:id': SUPER,
  'DELETE /admin/roles/:id': SUPER,
  'POST /admin/roles/batch-delete': SUPER,
  'HEAD|GET /admin/webhooks': SUPER,
  'POST /admin/webhooks': SUPER,
  'HEAD|GET /admin/webhooks/:id': SUPER,
  'PUT /admin/webhooks/:id': SUPER,
  'DELETE /admin/webhooks/:id': SUPER,
  'POST /admin/webhooks/batch-delete': SUPER,
  'POST /admin/webhooks/:id/trigger': { ...SUPER, note: 'not called when allowed: it sends a request to the webhook’s address' },
  'POST /admin/api-tokens': SUPER,
  'HEAD|GET /admin/api-tokens': SUPER,
  'DELETE /admin/api-tokens/:id': SUPER,
  'HEAD|GET /admin/api-tokens/:id': SUPER,
  'PUT /admin/api-tokens/:id': SUPER,
  'POST /admin/api-tokens/:id/regenerate': SUPER,
  'POST /admin/admin-tokens': SUPER,
  'HEAD|GET /admin/admin-tokens': SUPER,
  'DELETE /admin/admin-tokens/:id': SUPER,
  'HEAD|GET /admin/admin-tokens/:id': SUPER,
  'PUT /admin/admin-tokens/:id': SUPER,
  'POST /admin/admin-tokens/:id/regenerate': SUPER,
  'HEAD|GET /admin/admin-tokens/:id/owner-permissions': SUPER,
  'HEAD|GET /admin/content-api/permissions': SUPER,
  'HEAD|GET /admin/content-api/routes': SUPER,
  // Data transfer: a transfer token (which only Super Admin creates), never an admin session.
  'HEAD|GET /admin/transfer/runner/push': NOBODY,
  'HEAD|GET /admin/transfer/runner/pull': NOBODY,
  'POST /admin/transfer/tokens': SUPER,
  'HEAD|GET /admin/transfer/tokens': SUPER,
  'DELETE /admin/transfer/tokens/:id': SUPER,
  'HEAD|GET /admin/transfer/tokens/:id': SUPER,
  'PUT /admin/transfer/tokens/:id': SUPER,
  'POST /admin/transfer/tokens/:id/regenerate': SUPER,
  // The project's statistics are the system administrator's (system-info.ts).
  'HEAD|GET /admin/homepage/key-statistics': SUPER,
  'HEAD|GET /admin/homepage/layout': SIGNED_IN,
  'PUT /admin/homepage/layout': SIGNED_IN,
  'HEAD|GET /admin/ai-usage': SIGNED_IN,
  'HEAD|GET /admin/ai-token': SIGNED_IN,
  'HEAD|GET /admin/ai-feature-config': SIGNED_IN,
  'HEAD|GET /content-manager/init': SIGNED_IN,
  'HEAD|GET /content-manager/content-types': SIGNED_IN,
  'HEAD|GET /content-manager/content-types-settings': SIGNED_IN,
  'HEAD|GET /content-manager/content-types/:uid/configuration': SIGNED_IN,
  'PUT /content-manager/content-types/:uid/configuration': SUPER_SETTINGS,
  'HEAD|GET /content-manager/components': SIGNED_IN,
  'HEAD|GET /content-manager/components/:uid/configuration': SIGNED_IN,
  // Strapi checks nothing on this one (any session changed a component's edit view): route-locks.ts.
  'PUT /content-manager/components/:uid/configuration': SUPER_SETTINGS,
  'POST /content-manager/uid/generate': SIGNED_IN,
  'POST /content-manager/uid/check-availability': SIGNED_IN,
  'HEAD|GET /content-manager/relations/:model/:targetField': cm('read'),
  'HEAD|GET /content-manager/relations/:model/:id/:targetField': cmItem('read'),
  'HEAD|GET /content-manager/single-types/:model': cm('read', 'api::site-setting.site-setting'),
  'PUT /content-manager/single-types/:model': cm('update', 'api::site-setting.site-setting'),
  'DELETE /content-manager/single-types/:model': {
    ...cm('delete', 'api::site-setting.site-setting'),
    note: 'not called when allowed (it would delete the site settings)',
  },
  // The site settings have no drafts: whoever holds the permission is answered 400 (route-locks.ts).
  'POST /content-manager/single-types/:model/actions/publish': { ...cm('publish', 'api::site-setting.site-setting'), noDrafts: true },
  'POST /content-manager/single-types/:model/actions/unpublish': { ...cm('publish', 'api::site-setting.site-setting'), noDrafts: true },
  'POST /content-manager/single-types/:model/actions/discard': { ...cm('update', 'api::site-setting.site-setting'), noDrafts: true },
  'HEAD|GET /content-manager/single-types/:model/actions/countDraftRelations': cm('read', 'api::site-setting.site-setting'),
  'HEAD|GET /content-manager/collection-types/:model': { ...cm('read'), loose: false },
  'POST /content-manager/collection-types/:model': cm('create'),
  'POST /content-manager/collection-types/:model/clone/:sourceId': cmItem('clone'),
  'POST /content-manager/collection-types/:model/auto-clone/:sourceId': cmItem('auto-clone'),
  'HEAD|GET /content-manager/collection-types/:model/:id': cmItem('read'),
  'PUT /content-manager/collection-types/:model/:id': cmItem('update'),
  'DELETE /content-manager/collection-types/:model/:id': cmItem('delete'),
  'POST /content-manager/collection-types/:model/actions/publish': cm('publish'),
  'POST /content-manager/collection-types/:model/:id/actions/publish': cmItem('publish'),
  'POST /content-manager/collection-types/:model/:id/actions/unpublish': cmItem('unpublish'),
  'POST /content-manager/collection-types/:model/:id/actions/discard': cmItem('discard'),
  'POST /content-manager/collection-types/:model/actions/bulkDelete': cmItem('bulk-delete'),
  'POST /content-manager/collection-types/:model/actions/bulkFindForValidation': cm('read'),
  'POST /content-manager/collection-types/:model/actions/bulkPublish': cmItem('bulk-publish'),
  'POST /content-manager/collection-types/:model/actions/bulkUnpublish': cmItem('bulk-unpublish'),
  'HEAD|GET /content-manager/collection-types/:model/:id/actions/countDraftRelations': cmItem('read'),
  'HEAD|GET /content-manager/collection-types/:model/actions/countManyEntriesDraftRelations': cm('read'),
  'HEAD|GET /content-manager/preview/url/:contentType': SIGNED_IN,
  // The preview helper script (static JavaScript, no data).
  'HEAD|GET /content-manager/preview/script': OPEN,
  'HEAD|GET /content-manager/homepage/recent-documents': SIGNED_IN,
  'HEAD|GET /content-manager/homepage/count-documents': SIGNED_IN,
  'HEAD|GET /content-type-builder/reserved-names': SUPER,
  'HEAD|GET /content-type-builder/content-types': SUPER,
  'HEAD|GET /content-type-builder/content-types/:uid': SUPER,
  'POST /content-type-builder/content-types': SUPER_SETTINGS,
  'PUT /content-type-builder/content-types/:uid': SUPER_SETTINGS,
  'DELETE /content-type-builder/content-types/:uid': SUPER_SETTINGS,
  'HEAD|GET /content-type-builder/components': SUPER,
  'HEAD|GET /content-type-builder/components/:uid': SUPER,
  'POST /content-type-builder/components': SUPER_SETTINGS,
  'PUT /content-type-builder/components/:uid': SUPER_SETTINGS,
  'DELETE /content-type-builder/components/:uid': SUPER_SETTINGS,
  'PUT /content-type-builder/component-categories/:name': SUPER_SETTINGS,
  'DELETE /content-type-builder/component-categories/:name': SUPER_SETTINGS,
  'HEAD|GET /content-type-builder/schema': SUPER,
  'POST /content-type-builder/update-schema': SUPER_SETTINGS,
  'HEAD|GET /content-type-builder/update-schema-status': SUPER,
  // Any mail to anyone as the portal: Strapi only asks for a session; nobody on the portal needs it (route-locks.ts).
  'POST /email': NOBODY,
  'POST /email/test': SUPER,
  'HEAD|GET /email/settings': SUPER,
  'POST /email/verify': SUPER,
  'HEAD|GET /upload/settings': SUPER,
  'PUT /upload/settings': SUPER_SETTINGS,
  'POST /upload': needs('plugin::upload.assets.create'),
  'POST /upload/actions/upload-from-urls': NOBODY,
  'HEAD|GET /upload/files': needs('plugin::upload.read'),
  'POST /upload/files': needs('plugin::upload.assets.create'),
  'HEAD|GET /upload/files/:id': needs('plugin::upload.read'),
  'PUT /upload/files/:id': needs('plugin::upload.assets.create'),
  'POST /upload/files/:id/replace': needs('plugin::upload.assets.create'),
  'DELETE /upload/files/:id': needs('plugin::upload.assets.create'),
  'HEAD|GET /upload/folders/:id': needs('plugin::upload.read'),
  'HEAD|GET /upload/folders': needs('plugin::upload.read'),
  'POST /upload/folders': needs('plugin::upload.assets.create'),
  'PUT /upload/folders/:id': needs('plugin::upload.assets.create'),
  'HEAD|GET /upload/folder-structure': needs('plugin::upload.read'),
  'POST /upload/actions/bulk-delete': needs('plugin::upload.assets.create'),
  'POST /upload/actions/bulk-move': needs('plugin::upload.assets.create'),
  'POST /upload/actions/bulk-update': needs('plugin::upload.assets.create'),
  'POST /upload/actions/generate-ai-metadata': NOBODY,
  'POST /upload/ai-metadata-jobs': NOBODY,
  // Status reads the library's page polls (media/guard.ts: browsing); nothing runs without Strapi AI.
  'HEAD|GET /upload/ai-metadata-jobs/latest': needs('plugin::upload.read'),
  'HEAD|GET /upload/ai-metadata-jobs/pending-count': needs('plugin::upload.read'),
  'HEAD|GET /upload/configuration': needs('plugin::upload.read'),
  'PUT /upload/configuration': SUPER_SETTINGS,
  'HEAD|GET /i18n/iso-locales': SUPER,
  // The Content Manager lists the locales for every editor.
  'HEAD|GET /i18n/locales': SIGNED_IN,
  'POST /i18n/locales': SUPER,
  'PUT /i18n/locales/:id': SUPER,
  'DELETE /i18n/locales/:id': SUPER,
  'POST /i18n/content-manager/actions/get-non-localized-fields': SIGNED_IN,
  'HEAD|GET /i18n/content-manager/get-fill-from-locale/:model': cm('read'),
  // Read by the Content Manager for every editor; changed by Super Admin only (route-locks.ts: Strapi only asks for a session).
  'HEAD|GET /i18n/settings': SIGNED_IN,
  'PUT /i18n/settings': SUPER_SETTINGS,
  // The edit view polls the status of an AI translation of the open item (none without Strapi AI).
  'HEAD|GET /i18n/ai-localization-jobs/collection-types/:contentType/:documentId': SIGNED_IN,
  'HEAD|GET /i18n/ai-localization-jobs/single-types/:contentType': SIGNED_IN,
  'POST /editorial/transition': TRANSITION,
  'HEAD|GET /editorial/history/:uid/:documentId': BOARD_ITEM,
  'HEAD|GET /editorial/panel/:uid/:documentId': BOARD_ITEM,
  'HEAD|GET /editorial/stages/:uid': BOARD,
  'HEAD|GET /editorial/queue': BOARD,
  'HEAD|GET /editorial/editors': BOARD,
  'HEAD|GET /editorial/audit/verify': AUDIT_VERIFY,
  'HEAD|GET /editorial/reports/access': reports('any'),
  'HEAD|GET /editorial/reports/summary': reports('summary'),
  'HEAD|GET /editorial/reports/royalty': reports('royalty'),
  'HEAD|GET /editorial/reports/overdue': reports('summary'),
  'HEAD|GET /editorial/reports/export/:report/:format': reports('export'),
  'HEAD|GET /editorial/reports/rates': reports('royalty'),
  'PUT /editorial/reports/rates': reports('editRates'),
  'HEAD|GET /editorial/profiles': PROFILES,
  'PUT /editorial/profiles/:userId': PROFILES,
  'HEAD|GET /editorial/quarantine': PURGE,
  'POST /editorial/quarantine': PURGE,
  'POST /editorial/quarantine/:id/purge': PURGE,
  // Proposals of a site's published items to the site above (issue 28): the board; the service checks sites and roles.
  'HEAD|GET /editorial/proposals': BOARD,
  // Called with an empty body (sites.test.ts makes real proposals): past the board's check, refused as invalid.
  'POST /editorial/proposals': { ...BOARD, loose: true },
  'POST /editorial/proposals/:id/decide': { ...BOARD, loose: true },
  // Sign-in with the second step (issue 19): the page and its script are open; the accounts' safeguards are the Super Admin's.
  'HEAD|GET /editorial/dang-nhap': OPEN,
  'HEAD|GET /editorial/dang-nhap/script': OPEN,
  'HEAD|GET /editorial/accounts': SUPER,
  'POST /editorial/accounts/:userId/second-factor/reset': SUPER,
  'POST /editorial/accounts/:userId/unlock': SUPER,
  'HEAD|GET /users-permissions/roles/:id': SUPER,
  'HEAD|GET /users-permissions/roles': SUPER,
  'POST /users-permissions/roles': SUPER,
  'PUT /users-permissions/roles/:role': SUPER,
  'DELETE /users-permissions/roles/:role': SUPER,
  'HEAD|GET /users-permissions/email-templates': SUPER,
  'PUT /users-permissions/email-templates': SUPER_SETTINGS,
  'HEAD|GET /users-permissions/advanced': SUPER,
  'PUT /users-permissions/advanced': SUPER_SETTINGS,
  'HEAD|GET /users-permissions/providers': SUPER,
  'PUT /users-permissions/providers': SUPER_SETTINGS,
  // The content API's catalogues (its Roles page): Strapi only asks for a session; route-locks.ts.
  'HEAD|GET /users-permissions/permissions': SUPER,
  'HEAD|GET /users-permissions/policies': SUPER,
  'HEAD|GET /users-permissions/routes': SUPER,
};

const SYMBOL: Record<Outcome, string> = { allowed: '✓', refused: '✗', denied: '⊘', public: '○', 'n/a': '–' };
const ROLE_HEADERS: Record<Role, string> = {
  anonymous: 'no account',
  contributor: 'contributor',
  'portal-admin': 'portal-admin',
  editor: 'editor',
  'editor-in-chief': 'editor-in-chief',
  inspector: 'inspector',
  finance: 'finance',
  'strapi-super-admin': 'Super Admin',
};

/** docs/route-matrix.md, generated from the rows and the rules (what the test checks, as a table). */
export function renderMatrix(): string {
  const item = (row: Row) => ['board-item', 'transition', 'cm-item'].includes(row.rule);
  const cell = (row: Row, role: Role) => {
    if (!item(row)) return SYMBOL[expected(row, role)];
    const part = (owner: Target['owner']) =>
      TARGETS.filter((t) => t.owner === owner)
        .map((t) => SYMBOL[expected(row, role, t)])
        .join('');
    return `${part('own')} / ${part('another')}`;
  };
  const lines = [
    '# Who may call what (route matrix)',
    '',
    '<!-- Generated by `node scripts/generate-route-matrix.ts` from tests/integration/route-table.ts; do not edit. -->',
    '',
    'Every route the CMS registers (as `strapi routes:list` prints them), and what each role gets, derived from',
    'the rules (`packages/workflow`: permissions, read scope, transitions, `access.ts`). The integration test',
    '`tests/integration/route-inventory.test.ts` fails on a route without a row or a row without a route, and calls',
    'every route as the anonymous caller; `route-matrix.test.ts` calls every route as every role, with real items (SQLite',
    'in `npm test`, PostgreSQL in `npm run test:extended`).',
    '',
    '✓ allowed · ✗ refused (401/403, nothing changes) · ⊘ denied by the workflow rules (another 4xx, nothing',
    'changes) · ○ public (no account needed) · – not applicable.',
    `Routes about one item (${ITEM_UID}): own item / another's, each at ${DIMENSIONS.stage.join(', ')}`,
    `(– where the role writes no item, or never has one at that stage). \`:model\` is ${ITEM_UID} unless the row names a type.`,
    '',
    `| route | rule | ${ROLES.map((r) => ROLE_HEADERS[r]).join(' | ')} |`,
    `|---|---|${ROLES.map(() => '---').join('|')}|`,
  ];
  for (const [route, row] of Object.entries(ROUTES)) {
    const rule = [
      row.rule,
      'op' in row ? row.op : '',
      'action' in row ? row.action : '',
      'need' in row ? row.need : '',
      'uid' in row && row.uid ? row.uid : '',
    ]
      .filter(Boolean)
      .join(' ');
    const name = route.replace(/\|/g, '\\|');
    lines.push(`| \`${name}\` | ${rule}${row.note ? ` (${row.note})` : ''} | ${ROLES.map((r) => cell(row, r)).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
