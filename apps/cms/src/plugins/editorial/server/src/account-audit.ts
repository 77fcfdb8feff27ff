import type { Core } from '@strapi/strapi';
import { runAs } from './writers';
import { type AdminUser, displayName } from './actor';
import { currentRequest, getService, query, roleCodes } from './seams';

// Account events in the audit chain, through its one writer (services/audit.ts): who could act, and
// since when, is part of the record of who approved what. Admin accounts created, activated
// (registration with the invitation link included), deactivated, deleted, their roles and password
// changed; roles created and deleted, and each change of a role's permissions (what was added and
// removed); API and transfer tokens created and revoked. Changes made with no request (seed, start)
// are logged with the actor "Hệ thống".

const TOKENS: Record<string, { created: string; revoked: string }> = {
  'admin::api-token': { created: 'api-token-created', revoked: 'api-token-revoked' },
  'admin::transfer-token': { created: 'transfer-token-created', revoked: 'transfer-token-revoked' },
};

interface RoleRow {
  id: number;
  code: string;
  name: string;
}
/** What the database layer hands the subscribers below: an account row, or a token row. */
interface UserRow {
  id: number;
  email?: string;
  isActive?: boolean;
}
interface TokenRow {
  id: number;
  name?: string;
  type?: string | null;
  lifespan?: number | null;
}
/** The fields of an account update the log tells apart. */
interface UserUpdate {
  isActive?: boolean;
  roles?: unknown;
  password?: string;
}
interface PermissionRow {
  action: string;
  subject: string | null;
  properties?: { fields?: string[] | null } | null;
  conditions?: string[] | null;
}
interface RoleService {
  assignPermissions(roleId: number | string, permissions: unknown[]): Promise<unknown>;
}

/** One permission as the log names it: action, subject, fields and conditions. */
const permissionKey = (p: PermissionRow) =>
  [
    p.action,
    p.subject ?? '',
    p.properties?.fields ? `fields=${[...p.properties.fields].sort().join(',')}` : '',
    p.conditions?.length ? `conditions=${[...p.conditions].sort().join(',')}` : '',
  ]
    .filter(Boolean)
    .join(' ');

export function registerAccountAudit(strapi: Core.Strapi) {
  const append = async (targetUid: string, id: number | string, action: string, meta: Record<string, unknown>) => {
    const request = currentRequest(strapi);
    const actor = request?.state?.user;
    const write = () =>
      getService(strapi, 'audit').record({
        target: { uid: targetUid, documentId: String(id) },
        action,
        from: null,
        to: action,
        actor: {
          id: actor?.id ?? null,
          name: displayName(actor),
          roles: roleCodes(actor),
        },
        meta,
      });
    // With no request (the site token and demo accounts made at start) the entry is written by a named writer.
    await (request ? write() : runAs('account-audit', write));
  };
  const users = () => query<AdminUser>(strapi, 'admin::user');
  const rolesOf = async (id: number) => roleCodes(await users().findOne({ where: { id }, populate: ['roles'] }));

  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    async afterCreate(event) {
      const u: UserRow = event.result;
      await append('admin::user', u.id, 'account-created', { email: u.email, isActive: !!u.isActive, roles: await rolesOf(u.id) });
    },
    async beforeUpdate(event) {
      // The state before the change, to tell an activation from a save that leaves it active.
      const id: unknown = event.params?.where?.id;
      if (id != null && 'isActive' in (event.params?.data ?? {}))
        event.state.wasActive = !!(await users().findOne({ where: { id }, select: ['isActive'] }))?.isActive;
    },
    async afterUpdate(event) {
      const data: UserUpdate = event.params?.data ?? {};
      const u: UserRow | undefined = event.result;
      if (!u?.id) return;
      if ('isActive' in data && event.state.wasActive !== undefined && !!data.isActive !== event.state.wasActive)
        await append('admin::user', u.id, data.isActive ? 'account-activated' : 'account-deactivated', { email: u.email });
      if (data.roles) await append('admin::user', u.id, 'roles-changed', { roles: await rolesOf(u.id) });
      // A registration sets the first password with the activation: one entry is enough.
      const activated = 'isActive' in data && !!data.isActive && event.state.wasActive === false;
      if (data.password && !activated) await append('admin::user', u.id, 'password-changed', { email: u.email });
    },
    async afterDelete(event) {
      const u: UserRow | undefined = event.result;
      if (u?.id) await append('admin::user', u.id, 'account-deleted', { email: u.email });
    },
  });

  strapi.db.lifecycles.subscribe({
    models: ['admin::role'],
    async afterCreate(event: { result?: RoleRow }) {
      const r = event.result;
      if (r?.id) await append('admin::role', r.id, 'role-created', { code: r.code, name: r.name });
    },
    async afterDelete(event: { result?: RoleRow }) {
      const r = event.result;
      if (r?.id) await append('admin::role', r.id, 'role-deleted', { code: r.code, name: r.name });
    },
  });

  // Every change of a role's permissions goes through the role service's assignPermissions (the
  // admin's PUT /admin/roles/:id/permissions, and the board's roles kept in step at start): the
  // permissions before and after are compared, and what changed is logged. Strapi's own reset of the
  // Super Admin's permissions at start does not go through the service and is not logged.
  const roleService = strapi.service('admin::role') as RoleService;
  const assign = roleService.assignPermissions;
  const snapshot = async (roleId: number | string) =>
    ((await strapi.db.query('admin::permission').findMany({ where: { role: { id: roleId } } })) as PermissionRow[]).map(permissionKey);
  roleService.assignPermissions = async (roleId, permissions) => {
    const before = await snapshot(roleId);
    const result = await assign(roleId, permissions);
    const after = await snapshot(roleId);
    const added = after.filter((k) => !before.includes(k));
    const removed = before.filter((k) => !after.includes(k));
    if (added.length || removed.length) {
      const role = (await strapi.db
        .query('admin::role')
        .findOne({ where: { id: roleId }, select: ['id', 'code', 'name'] })) as RoleRow | null;
      await append('admin::role', roleId, 'role-permissions-changed', { code: role?.code ?? null, added, removed });
    }
    return result;
  };

  strapi.db.lifecycles.subscribe({
    models: Object.keys(TOKENS),
    async afterCreate(event) {
      const t: TokenRow = event.result;
      await append(event.model.uid, t.id, TOKENS[event.model.uid].created, {
        name: t.name,
        type: t.type ?? null,
        lifespan: t.lifespan ?? null,
      });
    },
    async afterDelete(event) {
      const t: TokenRow | undefined = event.result;
      if (t?.id) await append(event.model.uid, t.id, TOKENS[event.model.uid].revoked, { name: t.name });
    },
  });
}
