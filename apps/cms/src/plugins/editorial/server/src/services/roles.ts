import type { Core } from '@strapi/strapi';
import { READ_SCOPE_CONDITION } from '../read-scope';
import { CONTACT_FIELDS, CONTACT_READERS } from '../roles-access';
import {
  DEFAULT_CONTENT_PERMISSIONS,
  ROLE_LABELS,
  allowedOperations,
  extraGrants,
  resolvePath,
  type RoleCode,
  type WorkflowPath,
} from '@cong-ttdt/workflow';
import { type AttributeLike, type RoleRow, query, schemaOf } from '../seams';

// Admin roles of the editorial board, recognised by code (display names may be renamed by users).
const BOARD_ROLES: Array<{ code: RoleCode; description: string }> = [
  { code: 'contributor', description: 'Viết tin, bài; sửa bài của mình khi còn nháp hoặc bị trả lại; gửi duyệt.' },
  {
    code: 'portal-admin',
    description: 'Tiếp nhận tin, bài gửi đến và chuyển cho biên tập viên phụ trách lĩnh vực; quản lý liên kết, đơn vị, cấu hình.',
  },
  { code: 'editor', description: 'Biên tập, kiểm tra tính chính xác của tin, bài được giao hoặc thuộc lĩnh vực phụ trách.' },
  { code: 'editor-in-chief', description: 'Duyệt và xuất bản, trả lại, gỡ bài.' },
  { code: 'inspector', description: 'Xem toàn bộ nội dung, nhật ký và báo cáo; không được thay đổi.' },
  { code: 'finance', description: 'Xem bảng kê nhuận bút.' },
];

/** A permission as the admin's role service assigns it. */
interface PermissionSpec {
  action: string;
  subject: string | null;
  properties: { fields?: string[] };
  conditions: string[];
}
/** What this service calls of the admin's permission and role services. */
interface PermissionService {
  actionProvider: {
    registerMany(actions: Array<{ section: string; displayName: string; uid: string; pluginName: string }>): Promise<unknown>;
  };
  conditionProvider: { has(name: string): boolean };
}
interface RoleService {
  getSuperAdmin(): Promise<RoleRow | null>;
  createRolesIfNoneExist(): Promise<unknown>;
  create(role: { name: string; code: string; description: string }): Promise<RoleRow>;
  assignPermissions(roleId: number, permissions: PermissionSpec[]): Promise<unknown>;
}

const CM = 'plugin::content-manager.explorer';
const SKIP_ATTRS = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
  // The site of an item is set by the server (site-scope.ts), never by a form.
  'site',
]);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Field paths for RBAC, components expanded to dotted paths. */
  const permissions = () => strapi.service('admin::permission') as PermissionService;
  const fieldPaths = (attributes: Record<string, AttributeLike>, prefix = ''): string[] =>
    Object.entries(attributes).flatMap(([name, attr]) => {
      if (SKIP_ATTRS.has(name)) return [];
      if (attr.type === 'component') {
        const comp = schemaOf(strapi, attr.component ?? '');
        if (!comp) throw new Error(`editorial: ${prefix}${name} uses the unknown component ${attr.component}`);
        return fieldPaths(comp.attributes, `${prefix}${name}.`);
      }
      return [`${prefix}${name}`];
    });

  const permissionsFor = (code: RoleCode) => {
    const actor = { id: 0, roles: [code] };
    const paths = strapi.config.get('plugin::editorial.paths') as Record<string, WorkflowPath | null>;
    const perms: PermissionSpec[] = [];
    for (const uid of Object.keys(DEFAULT_CONTENT_PERMISSIONS)) {
      const ct = schemaOf(strapi, uid);
      if (!ct) continue;
      // Askers' contact details: only the roles that handle questions (the editor when assigned: contact-guard.ts).
      const fields = fieldPaths(ct.attributes).filter(
        (f) =>
          uid !== 'api::question.question' ||
          [...CONTACT_READERS, 'editor'].includes(code) ||
          !(CONTACT_FIELDS as readonly string[]).includes(f),
      );
      const ops = allowedOperations(actor, uid);
      const inWorkflow = !!resolvePath(uid, paths);
      for (const op of ops) {
        // Contributors and field editors see and edit only what is in their read scope (read-scope.ts:
        // own, assigned, in their fields); the editorial guard checks the stage.
        const scoped = (code === 'contributor' || code === 'editor') && inWorkflow && op !== 'create';
        const conditions = scoped ? [READ_SCOPE_CONDITION] : [];
        perms.push({ action: `${CM}.${op}`, subject: uid, properties: op === 'delete' ? {} : { fields }, conditions });
      }
      // Only the editor-in-chief sees the Publish button; the guard turns it into "approve".
      if (inWorkflow && code === 'editor-in-chief') perms.push({ action: `${CM}.publish`, subject: uid, properties: {}, conditions: [] });
      if (!inWorkflow && ct.options?.draftAndPublish && ops.includes('update'))
        perms.push({ action: `${CM}.publish`, subject: uid, properties: {}, conditions: [] });
    }
    for (const g of extraGrants(code))
      perms.push({ action: g.action, subject: null, properties: {}, conditions: g.ownOnly ? ['admin::is-creator'] : [] });
    return perms;
  };

  return {
    /** The plugin's own admin action (plugin bootstrap: before the admin cleans unknown actions). */
    async registerActions() {
      await permissions().actionProvider.registerMany([
        { section: 'plugins', displayName: 'Xem báo cáo', uid: 'reports.read', pluginName: 'editorial' },
        { section: 'plugins', displayName: 'Xem tình trạng trang công khai', uid: 'site-status.read', pluginName: 'editorial' },
      ]);
    },

    /**
     * Creates the board's roles when missing; keeps their permissions in step with the rules.
     * Must run after the admin's bootstrap (the app's bootstrap): the admin registers its conditions
     * there, and assignPermissions silently drops conditions it does not know yet (admin::is-creator
     * was stored as no condition at all, so contributors read everyone's drafts).
     */
    async ensureRoles() {
      const conditions = permissions().conditionProvider;
      for (const c of ['admin::is-creator', READ_SCOPE_CONDITION])
        if (!conditions.has(c)) throw new Error(`editorial: ensureRoles ran before the condition ${c} was registered`);
      const roleService = strapi.service('admin::role') as RoleService;
      // Strapi creates its default roles (Super Admin included) only when no role exists yet: let it
      // run first on a fresh database, before the board's roles appear.
      if (!(await roleService.getSuperAdmin())) await roleService.createRolesIfNoneExist();
      for (const { code, description } of BOARD_ROLES) {
        let role = await query<RoleRow>(strapi, 'admin::role').findOne({ where: { code } });
        if (!role) role = await roleService.create({ name: ROLE_LABELS[code], code, description });
        await roleService.assignPermissions(role.id, permissionsFor(code));
      }
    },
  };
};
